//! The vocabulary: the ids a profile and a pack may use for symptoms, triggers and the rest.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

/// The open sets of ids. Packs add ids to them under `[vocabulary]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum VocabKind {
    /// Symptom kinds (`cramp`, `trigger_point`, ...).
    Kind,
    /// Body locations (`calf`, `neck`, ...).
    Location,
    /// When symptoms happen (`nocturnal`, ...).
    Timing,
    /// What brings symptoms on (`stress`, `cold`, ...).
    Trigger,
    /// Findings that may be red flags (`calf_swelling`, ...).
    Finding,
    /// A person's circumstances that cautions look at (`pregnancy`, ...).
    Context,
}

impl VocabKind {
    /// Every kind, in order.
    pub const ALL: [VocabKind; 6] = [
        VocabKind::Kind,
        VocabKind::Location,
        VocabKind::Timing,
        VocabKind::Trigger,
        VocabKind::Finding,
        VocabKind::Context,
    ];

    /// The key used in packs (`[vocabulary]` and conditions): `kind`, `location`, ...
    pub fn key(self) -> &'static str {
        match self {
            VocabKind::Kind => "kind",
            VocabKind::Location => "location",
            VocabKind::Timing => "timing",
            VocabKind::Trigger => "trigger",
            VocabKind::Finding => "finding",
            VocabKind::Context => "context",
        }
    }

    /// A name for messages: `symptom kind`, `location`, ...
    pub fn noun(self) -> &'static str {
        match self {
            VocabKind::Kind => "symptom kind",
            other => other.key(),
        }
    }
}

impl fmt::Display for VocabKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.noun())
    }
}

/// One `T` for each [`VocabKind`].
#[derive(Clone, Debug, Default)]
pub(crate) struct PerKind<T> {
    kind: T,
    location: T,
    timing: T,
    trigger: T,
    finding: T,
    context: T,
}

impl<T> PerKind<T> {
    pub(crate) fn get(&self, kind: VocabKind) -> &T {
        match kind {
            VocabKind::Kind => &self.kind,
            VocabKind::Location => &self.location,
            VocabKind::Timing => &self.timing,
            VocabKind::Trigger => &self.trigger,
            VocabKind::Finding => &self.finding,
            VocabKind::Context => &self.context,
        }
    }

    pub(crate) fn get_mut(&mut self, kind: VocabKind) -> &mut T {
        match kind {
            VocabKind::Kind => &mut self.kind,
            VocabKind::Location => &mut self.location,
            VocabKind::Timing => &mut self.timing,
            VocabKind::Trigger => &mut self.trigger,
            VocabKind::Finding => &mut self.finding,
            VocabKind::Context => &mut self.context,
        }
    }
}

/// One set of ids, in the order they were added, with a lookup by id.
#[derive(Clone, Debug, Default)]
struct IdSet {
    ids: Vec<Arc<str>>,
    packs: Vec<Arc<str>>,
    index: HashMap<Arc<str>, u32>,
}

/// The ids every profile and pack is checked against, built from the loaded packs.
///
/// ```
/// use soothe::{Engine, VocabKind};
/// let engine = Engine::builtin()?;
/// assert!(engine.vocabulary().contains(VocabKind::Location, "calf"));
/// assert!(!engine.vocabulary().contains(VocabKind::Location, "calff"));
/// # Ok::<(), soothe::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    sets: PerKind<IdSet>,
}

impl Vocabulary {
    /// Whether `id` is known in `kind`.
    pub fn contains(&self, kind: VocabKind, id: &str) -> bool {
        self.lookup(kind, id).is_some()
    }

    /// The known ids of `kind`, in the order the packs added them.
    pub fn ids(&self, kind: VocabKind) -> impl Iterator<Item = &str> {
        self.set(kind).ids.iter().map(|id| &**id)
    }

    /// The pack that added `id` to `kind`.
    pub fn pack_of(&self, kind: VocabKind, id: &str) -> Option<&str> {
        let index = self.lookup(kind, id)?;
        self.set(kind).packs.get(index as usize).map(|p| &**p)
    }

    pub(crate) fn lookup(&self, kind: VocabKind, id: &str) -> Option<u32> {
        self.set(kind).index.get(id).copied()
    }

    pub(crate) fn name(&self, kind: VocabKind, index: u32) -> Option<&Arc<str>> {
        self.set(kind).ids.get(index as usize)
    }

    /// Adds `id`; returns false if it was already there.
    pub(crate) fn insert(&mut self, kind: VocabKind, id: &str, pack: &Arc<str>) -> bool {
        let set = self.set_mut(kind);
        if set.index.contains_key(id) {
            return false;
        }
        let id: Arc<str> = Arc::from(id);
        let next = u32::try_from(set.ids.len()).unwrap_or(u32::MAX);
        set.index.insert(id.clone(), next);
        set.ids.push(id);
        set.packs.push(pack.clone());
        true
    }

    fn set(&self, kind: VocabKind) -> &IdSet {
        self.sets.get(kind)
    }

    fn set_mut(&mut self, kind: VocabKind) -> &mut IdSet {
        self.sets.get_mut(kind)
    }
}
