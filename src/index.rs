//! An index from profile facts to the rules (or red flags) that could fire on them, so that
//! evaluation costs follow the rules that can match, not the size of the packs.

use crate::condition::{Condition, Facts};
use crate::vocab::{PerKind, VocabKind};

/// For each vocabulary id, the conditions that need it; plus the conditions no id anchors.
#[derive(Debug, Default)]
pub(crate) struct Index {
    /// For each vocabulary kind and id, the positions of the conditions that need it.
    lists: PerKind<Vec<Vec<u32>>>,
    /// Conditions that must always be checked (`not`, severity only, ...).
    always: Vec<u32>,
}

impl Index {
    /// Indexes conditions by position.
    pub fn new<'a>(conditions: impl Iterator<Item = &'a Condition>) -> Index {
        let mut index = Index::default();
        for (position, condition) in conditions.enumerate() {
            let position = u32::try_from(position).unwrap_or(u32::MAX);
            match anchors(condition) {
                None => index.always.push(position),
                Some(mut keys) => {
                    keys.sort_unstable();
                    keys.dedup();
                    for (kind, id) in keys {
                        let lists = index.lists_mut(kind);
                        let slot = id as usize;
                        if lists.len() <= slot {
                            lists.resize_with(slot + 1, Vec::new);
                        }
                        if let Some(list) = lists.get_mut(slot) {
                            list.push(position);
                        }
                    }
                }
            }
        }
        index
    }

    /// The positions of the conditions that could hold for `facts`, ascending, each once.
    pub fn candidates(&self, facts: &Facts, out: &mut Vec<u32>) {
        out.clear();
        out.extend_from_slice(&self.always);
        let mut add = |kind: VocabKind, id: u32| {
            if let Some(list) = self.lists(kind).get(id as usize) {
                out.extend_from_slice(list);
            }
        };
        for s in &facts.symptoms {
            add(VocabKind::Kind, s.kind);
            add(VocabKind::Location, s.location);
            if let Some(timing) = s.timing {
                add(VocabKind::Timing, timing);
            }
        }
        for (kind, ids) in [
            (VocabKind::Trigger, &facts.triggers),
            (VocabKind::Finding, &facts.findings),
            (VocabKind::Context, &facts.context),
        ] {
            for id in ids {
                add(kind, *id);
            }
        }
        out.sort_unstable();
        out.dedup();
    }

    fn lists(&self, kind: VocabKind) -> &Vec<Vec<u32>> {
        self.lists.get(kind)
    }

    fn lists_mut(&mut self, kind: VocabKind) -> &mut Vec<Vec<u32>> {
        self.lists.get_mut(kind)
    }
}

/// Vocabulary ids of which the profile must hold at least one for `condition` to hold, or
/// `None` if no such set is known (the condition is then always checked).
fn anchors(condition: &Condition) -> Option<Vec<(VocabKind, u32)>> {
    let tag = |kind: VocabKind, ids: &[u32]| ids.iter().map(|id| (kind, *id)).collect::<Vec<_>>();
    match condition {
        Condition::Symptom(m) => {
            if !m.locations.is_empty() {
                Some(tag(VocabKind::Location, &m.locations))
            } else if !m.kinds.is_empty() {
                Some(tag(VocabKind::Kind, &m.kinds))
            } else if !m.timings.is_empty() {
                Some(tag(VocabKind::Timing, &m.timings))
            } else {
                None
            }
        }
        Condition::Has(kind, ids) => Some(tag(*kind, ids)),
        // Any one part's anchors will do: take the smallest set.
        Condition::All(parts) => parts.iter().filter_map(anchors).min_by_key(Vec::len),
        // Every part needs anchors, and any of them may be the one that holds.
        Condition::Any(parts) => {
            let mut all = Vec::new();
            for part in parts.iter() {
                all.extend(anchors(part)?);
            }
            Some(all)
        }
        Condition::Not(_) => None,
    }
}
