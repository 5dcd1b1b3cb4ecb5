//! How strong the evidence behind a suggestion is, and which way it points.

use serde::{Deserialize, Serialize};

use crate::id::Id;
use crate::util::closed_set::closed_set;

closed_set! {
    /// The certainty of the evidence (GRADE), or `expert_opinion` where there is no trial.
    #[non_exhaustive]
    pub enum Grade ("grade") {
        /// High certainty.
        High = "high",
        /// Moderate certainty.
        Moderate = "moderate",
        /// Low certainty.
        Low = "low",
        /// Very low certainty.
        VeryLow = "very_low",
        /// No trial: guideline consensus, clinical experience or patient reports.
        ExpertOpinion = "expert_opinion",
    }
}

impl Grade {
    /// A short human label, such as `low certainty`.
    pub fn label(self) -> &'static str {
        match self {
            Grade::High => "high certainty",
            Grade::Moderate => "moderate certainty",
            Grade::Low => "low certainty",
            Grade::VeryLow => "very low certainty",
            Grade::ExpertOpinion => "expert opinion",
        }
    }
}

closed_set! {
    /// Which way the evidence points.
    #[non_exhaustive]
    pub enum Direction ("direction") {
        /// The evidence favours the measure.
        For = "for",
        /// The evidence is mixed or conflicting.
        Mixed = "mixed",
        /// The evidence finds no meaningful benefit.
        Against = "against",
    }
}

/// The evidence behind a suggestion: grade, direction, a plain note, and source ids.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Evidence {
    /// The certainty of the evidence.
    pub grade: Grade,
    /// Which way it points.
    pub direction: Direction,
    /// One sentence a person can understand.
    pub note: String,
    /// Ids of the sources; see [`Engine::source`](crate::Engine::source) for the citations.
    pub sources: Vec<Id>,
}
