//! Bounded reads of packs and profiles: only a regular file (symbolic links followed one at a
//! time, so a dangling link or a loop is an error), its size checked before it is opened, and
//! never more than the limit plus one byte read, from a file or a stream. Memory stays bounded
//! whatever the input is: `/dev/zero`, a named pipe, a 5 GiB file, an endless stream.

use std::fs::{self, Metadata};
use std::io::Read;
use std::path::Path;

use crate::error::{Error, ErrorKind, FileKind, LimitKind, Location, Result};

/// The most symbolic links followed in a row before the path counts as a loop (Linux's own
/// limit is 40).
const MAX_LINKS: usize = 40;

/// What is being read, for the limit error.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Bound {
    /// The limit that applies.
    pub limit: LimitKind,
    /// The most bytes allowed.
    pub max: usize,
}

impl Bound {
    /// The error for input of `found` bytes (`at_least`: it did not end there).
    fn exceeded(self, origin: &str, found: usize, at_least: bool) -> Error {
        let noun = match self.limit {
            LimitKind::ProfileBytes => "profile",
            _ => "pack",
        };
        let what = if at_least {
            format!("{noun} size in bytes (read so far)")
        } else {
            format!("{noun} size in bytes")
        };
        let kind = ErrorKind::LimitExceeded {
            limit: self.limit,
            what,
            found,
            max: self.max,
        };
        Error::new(kind, Some(Location::new(origin)))
    }

    /// An error if `len` bytes are over the bound.
    pub fn check(self, origin: &str, len: usize) -> Result<()> {
        if len > self.max {
            return Err(self.exceeded(origin, len, false));
        }
        Ok(())
    }
}

/// The text of the regular file at `path`, at most `bound.max` bytes of UTF-8.
pub(crate) fn file(path: &Path, bound: Bound) -> Result<String> {
    let origin = path.display().to_string();
    let meta = regular_file(path, &origin)?;
    let size = usize::try_from(meta.len()).unwrap_or(usize::MAX);
    bound.check(&origin, size)?;
    let file = fs::File::open(path).map_err(|e| io_error(&origin, &e))?;
    // It may have changed since: check what was opened, and read no more than the bound.
    let opened = file.metadata().map_err(|e| io_error(&origin, &e))?;
    if !opened.is_file() {
        return Err(not_a_file(&origin, kind_of(&opened)));
    }
    stream(&origin, file, bound)
}

/// The text `reader` gives, at most `bound.max` bytes of UTF-8: it reads at most one byte
/// more than the bound, then stops.
pub(crate) fn stream(origin: &str, reader: impl Read, bound: Bound) -> Result<String> {
    let cap = bound.max.saturating_add(1);
    let mut bytes = Vec::new();
    reader
        .take(u64::try_from(cap).unwrap_or(u64::MAX))
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(origin, &e))?;
    if bytes.len() > bound.max {
        return Err(bound.exceeded(origin, bytes.len(), true));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let message = format!("not UTF-8 text (invalid byte at offset {at})");
        Error::new(ErrorKind::Io { message }, Some(Location::new(origin)))
    })
}

/// The metadata of the regular file `path` names, following symbolic links one at a time;
/// anything else is an error naming what it is.
fn regular_file(path: &Path, origin: &str) -> Result<Metadata> {
    let mut current = path.to_path_buf();
    for _ in 0..=MAX_LINKS {
        let meta = match fs::symlink_metadata(&current) {
            Ok(meta) => meta,
            Err(e) if current != path && e.kind() == std::io::ErrorKind::NotFound => {
                return Err(not_a_file(origin, FileKind::DanglingLink));
            }
            Err(e) => return Err(io_error(origin, &e)),
        };
        if !meta.file_type().is_symlink() {
            if meta.is_file() {
                return Ok(meta);
            }
            return Err(not_a_file(origin, kind_of(&meta)));
        }
        let target = fs::read_link(&current).map_err(|e| io_error(origin, &e))?;
        current = match current.parent() {
            Some(dir) => dir.join(target),
            None => target,
        };
    }
    Err(not_a_file(origin, FileKind::LinkLoop))
}

/// What a path that is not a regular file is.
fn kind_of(meta: &Metadata) -> FileKind {
    let kind = meta.file_type();
    if kind.is_dir() {
        return FileKind::Directory;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return FileKind::Fifo;
        }
        if kind.is_socket() {
            return FileKind::Socket;
        }
        if kind.is_char_device() || kind.is_block_device() {
            return FileKind::Device;
        }
    }
    FileKind::Other
}

fn not_a_file(origin: &str, found: FileKind) -> Error {
    Error::new(ErrorKind::NotAFile { found }, Some(Location::new(origin)))
}

/// An I/O error reading `origin`.
pub(crate) fn io_error(origin: &str, err: &std::io::Error) -> Error {
    let message = err.to_string();
    Error::new(ErrorKind::Io { message }, Some(Location::new(origin)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PACK: Bound = Bound {
        limit: LimitKind::PackBytes,
        max: 8,
    };

    #[test]
    fn a_stream_is_read_to_the_bound_plus_one_byte() {
        let endless = std::io::repeat(b'a');
        let err = stream("zero", endless, PACK).unwrap_err();
        assert!(matches!(
            err.kind(),
            ErrorKind::LimitExceeded {
                found: 9,
                max: 8,
                ..
            }
        ));
        assert_eq!(stream("s", &b"12345678"[..], PACK).unwrap(), "12345678");
        let bad = stream("s", &[0xff, b'a'][..], PACK).unwrap_err();
        assert_eq!(
            bad.to_string(),
            "s: cannot read: not UTF-8 text (invalid byte at offset 0)"
        );
    }
}
