//! The plan: what the engine tells a person for one profile.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::suggestion::Details;
use crate::urgency::Urgency;

/// The result of evaluating a profile.
///
/// - `see_clinician` is true exactly when `urgency` is above [`Urgency::None`], and `reasons`
///   then lists every red flag that fired, most urgent first.
/// - `suggestions` are ranked by score, then id; at [`Urgency::Emergency`] they are empty.
/// - `withheld` lists suggestions a rule chose but a caution forbade, with the reason.
///
/// Serialized, it is the JSON of `DESIGN.md`:
/// `{"see_clinician", "urgency", "reasons", "suggestions", "withheld"}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Plan {
    /// Whether the person should see a clinician (urgency above `none`).
    pub see_clinician: bool,
    /// The highest urgency of the red flags that fired, or `none`.
    pub urgency: Urgency,
    /// The red flags that fired, most urgent first, then by id.
    pub reasons: Vec<Reason>,
    /// The suggestions, best first.
    pub suggestions: Vec<Suggested>,
    /// The suggestions withheld by a caution, by id.
    pub withheld: Vec<Withheld>,
}

/// A red flag that fired.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Reason {
    /// The red flag's id.
    pub red_flag: Arc<str>,
    /// What the person should do, and how soon.
    pub text: Arc<str>,
    /// How soon.
    pub urgency: Urgency,
    /// Source ids.
    pub sources: Arc<[Arc<str>]>,
}

/// A suggestion as it appears in a plan: its [`Details`] (shared with the engine, and reached
/// through `Deref`, so `suggested.id` and `suggested.title` work), why it was chosen, and its
/// warnings. In JSON the details are flattened into the same object.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Suggested {
    /// Id, title, category, how-to, evidence and `clinician_first`.
    #[serde(flatten)]
    pub details: Arc<Details>,
    /// Which rules chose it (`rule: ID`), in rule order.
    pub because: Vec<Arc<str>>,
    /// Warnings to read before trying it.
    pub cautions: Vec<Arc<str>>,
    /// Its ranking score: the sum of the weights of the rules that chose it.
    pub score: u32,
}

/// A suggestion a rule chose but a caution withheld.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Withheld {
    /// The suggestion's id.
    pub id: Arc<str>,
    /// Its title.
    pub title: Arc<str>,
    /// What in the profile withheld it, such as `context: kidney_disease`.
    pub because: String,
    /// The caution's text: why that matters.
    pub caution: Arc<str>,
}

impl std::ops::Deref for Suggested {
    type Target = Details;

    fn deref(&self) -> &Details {
        &self.details
    }
}
