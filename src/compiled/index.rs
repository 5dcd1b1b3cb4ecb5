//! An index from profile facts to the rules (or red flags) that could fire on them, so that
//! evaluation costs follow the rules that can match, not the size of the packs.

use crate::kinds::VocabKind;
use crate::load::condition::Condition;
use crate::load::vocabulary::PerKind;

/// For each vocabulary id, the conditions that need it; plus the conditions no id anchors.
#[derive(Debug, Default)]
pub(crate) struct Index {
    /// For each vocabulary kind and id, the positions of the conditions that need it.
    lists: PerKind<Vec<Vec<u32>>>,
    /// Conditions that must always be checked (`not`, severity only, ...).
    always: Vec<u32>,
}

impl Index {
    /// Indexes conditions by position, under their anchors.
    pub fn new<'a>(conditions: impl Iterator<Item = &'a Condition>) -> Index {
        Index::from_keys(conditions.map(Condition::anchors))
    }

    /// Indexes items by position under the ids given for each; `None` means "always check".
    pub fn from_keys(keys: impl Iterator<Item = Option<Vec<(VocabKind, u32)>>>) -> Index {
        let mut index = Index::default();
        for (position, keys) in keys.enumerate() {
            let position = u32::try_from(position).unwrap_or(u32::MAX);
            match keys {
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

    /// The positions of the conditions that could hold for a profile that has these
    /// vocabulary ids, ascending, each once.
    pub fn candidates(&self, ids: impl Iterator<Item = (VocabKind, u32)>, out: &mut Vec<u32>) {
        out.clear();
        out.extend_from_slice(&self.always);
        for (kind, id) in ids {
            if let Some(list) = self.lists(kind).get(id as usize) {
                out.extend_from_slice(list);
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
