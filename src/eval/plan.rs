//! The plan: what the engine tells a person for one profile. It borrows its texts from the
//! engine that made it, so building one copies no text and touches nothing shared.

use serde::Serialize;

use crate::category::Category;
use crate::evidence::Evidence;
use crate::id::Id;
use crate::kinds::BecauseKind;
use crate::load::items::PackInfo;
use crate::urgency::Urgency;

/// The result of evaluating a profile.
///
/// - `see_clinician` is true exactly when `urgency` is above [`Urgency::None`], and `reasons`
///   then lists every red flag that fired, most urgent first.
/// - `questions` are what to ask next: findings that would raise the urgency, most urgent
///   first, then context ids that would change the self-care shown; `screened` is true
///   exactly when no finding question is left.
/// - `safety_net` says what to watch for: the red flags relevant to this profile, most
///   urgent first.
/// - `suggestions` are ranked (see `docs/RULES.md`); `withheld` lists suggestions a rule chose
///   but a caution or a red flag withholds, with the reason as data.
/// - At [`Urgency::Emergency`] the plan is the referral alone: no questions, safety net,
///   suggestions or withheld.
/// - `packs` names every pack behind the plan, with a fingerprint of its text.
///
/// Serialized, it is the JSON of `DESIGN.md`: `{"see_clinician", "urgency", "reasons",
/// "questions", "screened", "safety_net", "suggestions", "withheld", "packs"}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Plan<'e> {
    /// Whether the person should see a clinician (urgency above `none`).
    pub see_clinician: bool,
    /// The highest urgency of the red flags that fired, or `none`.
    pub urgency: Urgency,
    /// The red flags that fired, most urgent first, then by id.
    pub reasons: Vec<Reason<'e>>,
    /// What to ask next: finding questions (most urgent first), then context questions.
    pub questions: Vec<Question<'e>>,
    /// Whether no finding question is left.
    pub screened: bool,
    /// What to watch for and what to do, most urgent first.
    pub safety_net: Vec<SafetyNet<'e>>,
    /// The suggestions, best first.
    pub suggestions: Vec<Suggested<'e>>,
    /// The suggestions withheld by a caution or a red flag, by id.
    pub withheld: Vec<Withheld<'e>>,
    /// The packs behind the plan, in load order.
    #[serde(serialize_with = "packs")]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<PackRef>"))]
    pub packs: &'e [PackInfo],
}

/// A pack as a plan names it.
#[cfg(feature = "schema")]
#[derive(schemars::JsonSchema)]
#[allow(dead_code)] // only its schema is used
struct PackRef {
    /// The pack's id.
    id: Id,
    /// The pack's version.
    version: String,
    /// The SHA-256 digest of the pack's text, as 64 lowercase hex digits.
    fingerprint: String,
}

/// A question the host should ask next.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Question<'e> {
    /// The finding or context id it asks about.
    pub id: &'e Id,
    /// Whether it is a finding or a context id.
    pub kind: QuestionKind,
    /// The yes/no question.
    pub text: &'e str,
    /// The id's short label.
    pub label: &'e str,
    /// The urgency the plan would have if the answer were yes.
    pub urgency: Urgency,
    /// The suggestions this plan shows that a yes would withhold.
    pub withholds: Vec<&'e Id>,
}

crate::util::closed_set::closed_set! {
    /// What a question asks about.
    #[non_exhaustive]
    pub enum QuestionKind ("question kind") {
        /// A finding: a yes may raise the urgency.
        Finding = "finding",
        /// A context id: a yes may withhold self-care.
        Context = "context",
    }
}

/// A line of the safety net: what to watch for and what to do, and how soon.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct SafetyNet<'e> {
    /// How soon, if it happens.
    pub urgency: Urgency,
    /// What to watch for and what to do.
    pub text: &'e str,
    /// The red flag it comes from.
    pub red_flag: &'e Id,
}

/// A pack as a plan names it: `{"id", "version", "fingerprint"}`.
fn packs<S: serde::Serializer>(packs: &&[PackInfo], serializer: S) -> Result<S::Ok, S::Error> {
    use serde::ser::{SerializeMap, SerializeSeq};
    struct Pack<'a>(&'a PackInfo);
    impl Serialize for Pack<'_> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(Some(3))?;
            map.serialize_entry("id", &self.0.id)?;
            map.serialize_entry("version", &self.0.version)?;
            map.serialize_entry("fingerprint", &self.0.fingerprint)?;
            map.end()
        }
    }
    let mut seq = serializer.serialize_seq(Some(packs.len()))?;
    for pack in packs.iter() {
        seq.serialize_element(&Pack(pack))?;
    }
    seq.end()
}

/// A red flag that fired.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

/// A suggestion a rule chose but a caution or a red flag withheld.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Withheld<'e> {
    /// The suggestion's id.
    pub id: &'e Id,
    /// Its title.
    pub title: &'e str,
    /// What in the profile withheld it.
    pub because: Because<'e>,
    /// Why that matters: the caution's text, or the red flag's interim advice.
    pub caution: &'e str,
}

/// What withheld a suggestion, as data: `{"kind": "context", "id": "kidney_disease"}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Because<'e> {
    /// What kind of thing it is.
    pub kind: BecauseKind,
    /// Its id.
    pub id: &'e Id,
}
