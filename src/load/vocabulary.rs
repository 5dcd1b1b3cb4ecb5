//! The vocabulary: the ids a profile and a pack may use for symptoms, triggers and the rest.

use std::collections::HashMap;

use crate::error::Location;
use crate::id::Id;
use crate::kinds::VocabKind;

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
    ids: Vec<Id>,
    /// Where each id was defined.
    places: Vec<Location>,
    index: HashMap<Id, u32>,
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
        self.sets.get(kind).ids.iter().map(Id::as_str)
    }

    /// Where `id` of `kind` was defined.
    pub(crate) fn place(&self, kind: VocabKind, id: &str) -> Option<&Location> {
        let index = self.lookup(kind, id)?;
        self.sets.get(kind).places.get(index as usize)
    }

    pub(crate) fn lookup(&self, kind: VocabKind, id: &str) -> Option<u32> {
        self.sets.get(kind).index.get(id).copied()
    }

    pub(crate) fn name(&self, kind: VocabKind, index: u32) -> Option<&Id> {
        self.sets.get(kind).ids.get(index as usize)
    }

    /// Adds `id`, defined at `place`; the caller has checked that it is new.
    pub(crate) fn insert(&mut self, kind: VocabKind, id: &str, place: Location) {
        let set = self.sets.get_mut(kind);
        let id = Id::new(id);
        let next = u32::try_from(set.ids.len()).unwrap_or(u32::MAX);
        set.index.insert(id.clone(), next);
        set.ids.push(id);
        set.places.push(place);
    }

    #[cfg(test)]
    pub(crate) fn insert_for_test(&mut self, kind: VocabKind, id: &str) {
        self.insert(kind, id, Location::new("test"));
    }
}
