//! CDS Hooks 2.0 cards from a plan (feature `cds-hooks`), for clinical systems that display
//! decision-support cards.
//!
//! One card per red-flag reason (`critical` for `emergency` and `urgent`, `warning` for `soon`
//! and `routine`), then one `info` card per suggestion. `summary` is under 140 characters;
//! `detail` is Markdown with the how-to and the evidence; `source` is the first citation.
//!
//! ```
//! use soothe::{Engine, Profile, Symptom, cds};
//! let engine = Engine::builtin()?;
//! let plan = engine.evaluate(&Profile::new().with_symptom(Symptom::new("cramp", "calf")).with_finding("calf_swelling"))?;
//! let cards = cds::cards(&plan, &engine);
//! assert_eq!(cards[0].indicator, cds::Indicator::Critical);
//! assert!(cards.iter().all(|c| c.summary.chars().count() < 140));
//! # Ok::<(), soothe::Error>(())
//! ```

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::compiled::Engine;
use crate::eval::plan::Plan;
use crate::urgency::Urgency;

/// The longest summary the spec allows is under 140 characters.
const SUMMARY_MAX: usize = 139;

/// A CDS Hooks 2.0 card (the fields this crate fills).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Card {
    /// One line, under 140 characters.
    pub summary: String,
    /// More detail, in GitHub-flavoured Markdown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// How urgent the card is.
    pub indicator: Indicator,
    /// Where the information comes from.
    pub source: CardSource,
}

/// A card's urgency, as CDS Hooks defines it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Indicator {
    /// Information.
    Info,
    /// Needs attention.
    Warning,
    /// Needs action now.
    Critical,
}

/// A card's `source`: a label and an optional link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CardSource {
    /// A short, human-readable name of the source.
    pub label: String,
    /// A link to the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The cards for a plan: red flags first, most urgent first, then suggestions in rank order.
pub fn cards(plan: &Plan<'_>, engine: &Engine) -> Vec<Card> {
    let mut cards = Vec::with_capacity(plan.reasons.len() + plan.suggestions.len());
    for reason in &plan.reasons {
        let indicator = if reason.urgency >= Urgency::Urgent {
            Indicator::Critical
        } else {
            Indicator::Warning
        };
        let advice = capitalised(reason.urgency.advice());
        let mut detail = format!(
            "{}\n\n**Urgency:** {} ({advice}).",
            reason.text, reason.urgency
        );
        sources(&mut detail, engine, reason.sources);
        cards.push(Card {
            summary: summary(&format!("{advice}: {}", first_sentence(reason.text))),
            detail: Some(detail),
            indicator,
            source: source(engine, reason.sources),
        });
    }
    for s in &plan.suggestions {
        let mut detail = String::new();
        if s.clinician_first {
            detail.push_str("**Ask your clinician first.**\n\n");
        }
        let _ = write!(
            detail,
            "{}\n\n**Evidence:** {}, {}. {}",
            s.how_to,
            s.evidence.grade.label(),
            s.evidence.direction,
            s.evidence.note
        );
        for caution in &s.cautions {
            let _ = write!(detail, "\n\n**Caution:** {caution}");
        }
        sources(&mut detail, engine, &s.evidence.sources);
        cards.push(Card {
            summary: summary(&format!("Self-care: {} ({})", s.title, s.category.label())),
            detail: Some(detail),
            indicator: Indicator::Info,
            source: source(engine, &s.evidence.sources),
        });
    }
    cards
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn first_sentence(text: &str) -> &str {
    text.split_inclusive(". ").next().unwrap_or(text).trim_end()
}

/// Cuts `text` to under 140 characters at a word boundary, with an ellipsis.
fn summary(text: &str) -> String {
    if text.chars().count() <= SUMMARY_MAX {
        return text.to_owned();
    }
    let mut out = String::new();
    for word in text.split(' ') {
        if out.chars().count() + word.chars().count() + 2 > SUMMARY_MAX {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.push('…');
    out
}

fn source(engine: &Engine, ids: &[crate::id::Id]) -> CardSource {
    match ids.first().and_then(|id| engine.source(id)) {
        Some(source) => CardSource {
            label: summary(&source.citation),
            url: source.link(),
        },
        None => CardSource {
            label: "soothe".to_owned(),
            url: None,
        },
    }
}

fn sources(detail: &mut String, engine: &Engine, ids: &[crate::id::Id]) {
    detail.push_str("\n\n**Sources:**");
    for id in ids {
        match engine.source(id) {
            Some(source) => match source.link() {
                Some(link) => {
                    let _ = write!(detail, "\n- {} <{link}>", source.citation);
                }
                None => {
                    let _ = write!(detail, "\n- {}", source.citation);
                }
            },
            None => {
                let _ = write!(detail, "\n- {id}");
            }
        }
    }
}
