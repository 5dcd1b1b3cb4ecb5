//! Resource limits: how big a pack or profile may be before it is refused.

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
    /// The largest pack, in bytes. Default 4 MiB.
    pub max_pack_bytes: usize,
    /// The most items in one pack: vocabulary ids, sources, suggestions, cautions, rules,
    /// rule entries, red flags and disabled ids together. Default 50,000.
    pub max_items: usize,
    /// The deepest nesting of `all`, `any` and `not` in a condition. Default 32.
    pub max_depth: usize,
    /// The longest id or text in a pack or profile, in bytes. Default 4,096.
    pub max_string_bytes: usize,
    /// The most symptoms in one profile. Default 32.
    pub max_symptoms: usize,
    /// The most entries in a profile's `triggers`, `findings` or `context` list. Default 256.
    pub max_list_items: usize,
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
        }
    }
}
