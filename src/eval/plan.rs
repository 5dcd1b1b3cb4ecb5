//! The plan: what the engine tells a person for one profile. It borrows its texts from the
//! engine that made it, so building one copies no text and touches nothing shared.

use serde::Serialize;

use crate::category::Category;
use crate::evidence::Evidence;
use crate::id::Id;
use crate::kinds::BecauseKind;
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
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Plan<'e> {
    /// Whether the person should see a clinician (urgency above `none`).
    pub see_clinician: bool,
    /// The highest urgency of the red flags that fired, or `none`.
    pub urgency: Urgency,
    /// The red flags that fired, most urgent first, then by id.
    pub reasons: Vec<Reason<'e>>,
    /// The suggestions, best first.
    pub suggestions: Vec<Suggested<'e>>,
    /// The suggestions withheld by a caution, by id.
    pub withheld: Vec<Withheld<'e>>,
}

/// A red flag that fired.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Reason<'e> {
    /// The red flag's id.
    pub red_flag: &'e Id,
    /// What the person should do, and how soon.
    pub text: &'e str,
    /// How soon.
    pub urgency: Urgency,
    /// Source ids.
    pub sources: &'e [Id],
}

/// A suggestion as it appears in a plan: what to do, the evidence, which rules chose it, and
/// its warnings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Suggested<'e> {
    /// The suggestion's id.
    pub id: &'e Id,
    /// A short title.
    pub title: &'e str,
    /// Its category.
    pub category: Category,
    /// What to do, how long, how often, and when to stop.
    pub how_to: &'e str,
    /// The evidence behind it.
    pub evidence: &'e Evidence,
    /// Whether to agree it with a clinician first.
    pub clinician_first: bool,
    /// The ids of the rules that chose it, in load order.
    pub rules: Vec<&'e Id>,
    /// Warnings to read before trying it.
    pub cautions: Vec<&'e str>,
    /// Its ranking score: the sum of the weights of the rules that chose it.
    pub score: u32,
}

/// A suggestion a rule chose but a caution withheld.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Withheld<'e> {
    /// The suggestion's id.
    pub id: &'e Id,
    /// Its title.
    pub title: &'e str,
    /// What in the profile withheld it.
    pub because: Because<'e>,
    /// The caution's text: why that matters.
    pub caution: &'e str,
}

/// What withheld a suggestion, as data: `{"kind": "context", "id": "kidney_disease"}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Because<'e> {
    /// What kind of thing it is.
    pub kind: BecauseKind,
    /// Its id.
    pub id: &'e Id,
}
