//! Links for the plan's questions and safety net, worked out once from the layers: which
//! findings and context ids each red flag can ask about, which red flags mention each of
//! them, which context ids each caution mentions, and an index of when red flags are
//! relevant.

use crate::compiled::index::Index;
use crate::kinds::VocabKind;
use crate::load::layers::Layers;
use crate::load::vocabulary::PerKind;

/// The links between red flags, cautions and the vocabulary.
#[derive(Debug, Default)]
pub(crate) struct Links {
    /// Per red flag: the findings and context ids its condition mentions.
    pub asks: Vec<Vec<(VocabKind, u32)>>,
    /// Per red flag: every vocabulary id its condition mentions (for relevance by mention).
    pub mentions: Vec<Vec<(VocabKind, u32)>>,
    /// Per finding and per context id: the red flags whose condition mentions it.
    pub flags_mentioning: PerKind<Vec<Vec<u32>>>,
    /// Per suggestion, per caution: the context and finding ids its condition mentions.
    pub caution_mentions: Vec<Vec<Vec<(VocabKind, u32)>>>,
    /// Red flags by what makes them relevant: `ask_when`'s anchors and, for flags relevant
    /// by mention, every id their condition mentions.
    pub relevance: Index,
}

impl Links {
    pub(crate) fn new(layers: &Layers) -> Links {
        let mut links = Links::default();
        for (position, flag) in (0u32..).zip(layers.red_flags.iter()) {
            let mentions = flag.when.mentions();
            let asks: Vec<(VocabKind, u32)> = mentions
                .iter()
                .copied()
                .filter(|(k, _)| askable(*k))
                .collect();
            for (kind, id) in &asks {
                let lists = links.flags_mentioning.get_mut(*kind);
                let slot = *id as usize;
                if lists.len() <= slot {
                    lists.resize_with(slot + 1, Vec::new);
                }
                if let Some(list) = lists.get_mut(slot) {
                    list.push(position);
                }
            }
            links.asks.push(asks);
            links.mentions.push(mentions);
        }
        links.relevance = Index::from_keys(
            layers
                .red_flags
                .iter()
                .zip(&links.mentions)
                .map(|(flag, mentions)| relevance_keys(flag, mentions)),
        );
        links.caution_mentions = layers
            .suggestions
            .iter()
            .map(|s| {
                s.cautions
                    .iter()
                    .map(|c| {
                        let mentions = c.when.as_ref().map(|w| w.mentions()).unwrap_or_default();
                        mentions.into_iter().filter(|(k, _)| askable(*k)).collect()
                    })
                    .collect()
            })
            .collect();
        links
    }

    /// The red flags whose condition mentions `id` of `kind` (findings and context only).
    pub(crate) fn mentioning(&self, kind: VocabKind, id: u32) -> &[u32] {
        self.flags_mentioning
            .get(kind)
            .get(id as usize)
            .map_or(&[], Vec::as_slice)
    }
}

/// Whether a plan can ask about ids of this kind.
fn askable(kind: VocabKind) -> bool {
    matches!(kind, VocabKind::Finding | VocabKind::Context)
}

/// The ids under which a red flag is indexed for relevance; `None`: always check it.
fn relevance_keys(
    flag: &crate::load::items::RedFlag,
    mentions: &[(VocabKind, u32)],
) -> Option<Vec<(VocabKind, u32)>> {
    let mut keys = Vec::new();
    if let Some(ask_when) = &flag.relevance.ask_when {
        keys.extend(ask_when.anchors()?);
    }
    if flag.relevance.by_mention {
        keys.extend_from_slice(mentions);
    }
    Some(keys)
}
