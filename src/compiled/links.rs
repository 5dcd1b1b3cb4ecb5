//! Links for the plan's questions and safety net, worked out once from the layers: which
//! findings and context ids each red flag can ask about, which red flags mention each of
//! them, which context ids each caution mentions, and an index of when red flags are
//! relevant.

use crate::compiled::index::Index;
use crate::kinds::VocabKind;
use crate::load::layers::Layers;
use crate::load::vocabulary::PerKind;
use crate::profile::Field;

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
    /// Per finding and per context id: the cautions (suggestion, caution) that mention it.
    pub cautions_mentioning: PerKind<Vec<Vec<(u32, u32)>>>,
    /// Red flags by what makes them relevant: `ask_when`'s anchors, the findings and context
    /// ids their condition mentions and, for flags relevant by mention, every id it mentions.
    pub relevance: Index,
    /// Per red flag: whether being a candidate of `relevance` means it is relevant.
    pub relevance_exact: Vec<bool>,
    /// Per red flag: the findings and context ids that alone make it fire.
    pub sufficient: Vec<Vec<(VocabKind, u32)>>,
    /// Per red flag: whether it is a review line (its condition reads `self_care_weeks`),
    /// relevant to every plan that shows self-care.
    pub review: Vec<bool>,
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
                if let Some(list) = slot_of(links.flags_mentioning.get_mut(*kind), *id) {
                    list.push(position);
                }
            }
            links.asks.push(asks);
            links.mentions.push(mentions);
        }
        for (flag, asks) in layers.red_flags.iter().zip(&links.asks) {
            let r = &flag.relevance;
            let review = flag.when.reads(Field::SelfCareWeeks);
            // A candidate is relevant without a check when every key it is indexed under makes
            // it relevant: every id it mentions (by mention), or only the anchors of an
            // `ask_when` that holds exactly when one is present (a reported finding needs the
            // could-it-fire check).
            let exact = !review
                && match &r.ask_when {
                    None => r.by_mention,
                    Some(ask_when) => {
                        !r.by_mention && asks.is_empty() && ask_when.is_anchor_match()
                    }
                };
            links.review.push(review);
            links.relevance_exact.push(exact);
            links.sufficient.push(flag.when.sufficient());
        }
        links.relevance = Index::from_keys(
            layers
                .red_flags
                .iter()
                .zip(links.mentions.iter().zip(&links.review))
                .map(|(flag, (mentions, review))| relevance_keys(flag, mentions, *review)),
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
        for (s, cautions) in (0u32..).zip(&links.caution_mentions) {
            for (k, mentions) in (0u32..).zip(cautions) {
                for (kind, id) in mentions {
                    if let Some(list) = slot_of(links.cautions_mentioning.get_mut(*kind), *id) {
                        list.push((s, k));
                    }
                }
            }
        }
        links
    }

    /// The cautions (suggestion, caution) whose condition mentions `id` of `kind`.
    pub(crate) fn cautions_mentioning(&self, kind: VocabKind, id: u32) -> &[(u32, u32)] {
        self.cautions_mentioning
            .get(kind)
            .get(id as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// The red flags whose condition mentions `id` of `kind` (findings and context only).
    pub(crate) fn mentioning(&self, kind: VocabKind, id: u32) -> &[u32] {
        self.flags_mentioning
            .get(kind)
            .get(id as usize)
            .map_or(&[], Vec::as_slice)
    }
}

/// The entry for `id` of a per-id list, grown as needed.
fn slot_of<T: Default>(list: &mut Vec<T>, id: u32) -> Option<&mut T> {
    let index = id as usize;
    if list.len() <= index {
        list.resize_with(index + 1, T::default);
    }
    list.get_mut(index)
}

/// Whether a plan can ask about ids of this kind.
fn askable(kind: VocabKind) -> bool {
    matches!(kind, VocabKind::Finding | VocabKind::Context)
}

/// The ids under which a red flag is indexed for relevance; `None`: always check it (a
/// review line, or an `ask_when` without anchors).
fn relevance_keys(
    flag: &crate::load::items::RedFlag,
    mentions: &[(VocabKind, u32)],
    review: bool,
) -> Option<Vec<(VocabKind, u32)>> {
    if review {
        return None;
    }
    let mut keys = Vec::new();
    if let Some(ask_when) = &flag.relevance.ask_when {
        keys.extend(ask_when.anchors()?);
    }
    if flag.relevance.by_mention {
        keys.extend_from_slice(mentions);
    } else {
        keys.extend(mentions.iter().copied().filter(|(k, _)| askable(*k)));
    }
    Some(keys)
}
