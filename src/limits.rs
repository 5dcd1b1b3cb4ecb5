//! Resource limits: how big a pack or profile may be before it is refused, and bounded reads
//! of profile text for hosts.

use std::io::Read;
use std::path::Path;

use crate::error::{LimitKind, Result};
use crate::util::read::{self, Bound};

/// Limits on the packs the loader accepts and the profiles the engine evaluates.
///
/// The built-in packs are exempt; the limits bound what a host adds. Input over a limit gets
/// an [`ErrorKind::LimitExceeded`](crate::ErrorKind::LimitExceeded) error naming the limit,
/// never a crash or a slow path. The defaults suit packs written by
/// people; a host that loads generated packs can raise them with
/// [`EngineBuilder::limits`](crate::EngineBuilder::limits).
///
/// ```
/// use soothe::{Engine, Limits};
/// let limits = Limits { max_pack_bytes: 64 * 1024 * 1024, max_items: 1_000_000, ..Limits::default() };
/// let engine = Engine::builder().limits(limits).build()?;
/// assert_eq!(engine.limits().max_items, 1_000_000);
/// # Ok::<(), soothe::Error>(())
/// ```
///
/// Build one with `..Limits::default()` so that limits added later keep their defaults.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The largest pack, in bytes. Default 4 MiB. A pack file's size is checked before it is
    /// opened, and no more than this (plus one byte) is ever read of it.
    pub max_pack_bytes: usize,
    /// The most items in one pack: vocabulary ids, sources, suggestions, cautions, rules,
    /// rule entries, red flags and disabled ids together. Default 50,000.
    pub max_items: usize,
    /// The deepest nesting of `all`, `any` and `not` in a condition. Default 32; at most 64
    /// whatever is set.
    pub max_depth: usize,
    /// The longest id or text in a pack or profile, in bytes. Default 4,096.
    pub max_string_bytes: usize,
    /// The most symptoms in one profile. Default 32.
    pub max_symptoms: usize,
    /// The most entries in a profile's `triggers`, `findings` or `context` list. Default 256.
    pub max_list_items: usize,
    /// The largest profile text (JSON or TOML), in bytes, checked before it is parsed: by
    /// [`Limits::read_profile`], [`Limits::read_profile_file`] and
    /// [`Limits::check_profile_bytes`]. Default 1 MiB.
    pub max_profile_bytes: usize,
    /// The most packs that may replace any one suggestion, rule or red flag. Default 16.
    pub max_replacements: usize,
}

impl Limits {
    /// No limits at all, for the crate's own built-in packs.
    pub(crate) const UNLIMITED: Limits = Limits {
        max_pack_bytes: usize::MAX,
        max_items: usize::MAX,
        max_depth: usize::MAX,
        max_string_bytes: usize::MAX,
        max_symptoms: usize::MAX,
        max_list_items: usize::MAX,
        max_profile_bytes: usize::MAX,
        max_replacements: usize::MAX,
    };
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_pack_bytes: 4 * 1024 * 1024,
            max_items: 50_000,
            max_depth: 32,
            max_string_bytes: 4096,
            max_symptoms: 32,
            max_list_items: 256,
            max_profile_bytes: 1024 * 1024,
            max_replacements: 16,
        }
    }
}

impl Limits {
    fn profile_bound(&self) -> Bound {
        Bound {
            limit: LimitKind::ProfileBytes,
            max: self.max_profile_bytes,
        }
    }

    /// Checks the size of a profile's text, in bytes, before it is parsed (for text a host
    /// already holds, such as a request body); `origin` names it in the error.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::LimitExceeded`](crate::ErrorKind::LimitExceeded) with
    /// [`LimitKind::ProfileBytes`] when `len` is over [`Limits::max_profile_bytes`].
    pub fn check_profile_bytes(&self, origin: &str, len: usize) -> Result<()> {
        self.profile_bound().check(origin, len)
    }

    /// Reads a profile's text from `reader` (standard input, a socket), reading at most one
    /// byte more than [`Limits::max_profile_bytes`]: an endless stream fails fast, at bounded
    /// memory. Parse the text afterwards (JSON with serde_json, or [`Profile::from_toml`]).
    ///
    /// ```
    /// let limits = soothe::Limits { max_profile_bytes: 16, ..soothe::Limits::default() };
    /// assert_eq!(limits.read_profile("stdin", &b"{}"[..])?, "{}");
    /// let err = limits.read_profile("stdin", std::io::repeat(b' ')).unwrap_err();
    /// assert!(matches!(err.kind(), soothe::ErrorKind::LimitExceeded { .. }));
    /// # Ok::<(), soothe::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::LimitExceeded`](crate::ErrorKind::LimitExceeded) over the limit;
    /// [`ErrorKind::Io`](crate::ErrorKind::Io) if reading fails or the text is not UTF-8.
    ///
    /// [`Profile::from_toml`]: crate::Profile::from_toml
    pub fn read_profile(&self, origin: &str, reader: impl Read) -> Result<String> {
        read::stream(origin, reader, self.profile_bound())
    }

    /// Reads a profile's text from a file: only a regular file (symbolic links are followed;
    /// a folder, a dangling link, a link loop, a named pipe or a device is refused without
    /// reading it), its size checked before it is opened, and no more than the limit read.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::NotAFile`](crate::ErrorKind::NotAFile) for anything but a regular file;
    /// [`ErrorKind::LimitExceeded`](crate::ErrorKind::LimitExceeded) over the limit;
    /// [`ErrorKind::Io`](crate::ErrorKind::Io) if it cannot be read or is not UTF-8.
    pub fn read_profile_file(&self, path: impl AsRef<Path>) -> Result<String> {
        read::file(path.as_ref(), self.profile_bound())
    }
}
