//! The rule-pack format as parsed from TOML, before validation: every value keeps its span.
//!
//! `docs/RULES.md` is the reference for authors; these types are its mirror. [`parse`] is
//! the only way in: TOML text to a [`RawPack`], or a syntax or shape error at its line and
//! column. Nothing here checks ids or meanings; that is the `load` stage.

use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use crate::error::Result;
use crate::util::toml::toml_error;

/// Parses a pack's text; `origin` names it in errors.
pub(crate) fn parse(origin: &Arc<str>, text: &str) -> Result<RawPack> {
    toml::from_str(text).map_err(|e| toml_error(&e, origin.clone(), text))
}

/// The format version this crate reads.
pub(crate) const FORMAT: i64 = 2;

/// A spanned string (an id or a piece of text).
pub(crate) type Str = Spanned<String>;

/// A whole pack file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPack {
    pub pack: Spanned<RawMeta>,
    #[serde(default)]
    pub vocabulary: Option<Spanned<RawVocabulary>>,
    #[serde(default)]
    pub source: Vec<Spanned<RawSource>>,
    #[serde(default)]
    pub suggestion: Vec<Spanned<RawSuggestion>>,
    #[serde(default)]
    pub rule: Vec<Spanned<RawRule>>,
    #[serde(default)]
    pub red_flag: Vec<Spanned<RawRedFlag>>,
    #[serde(default)]
    pub disable: Option<Spanned<RawDisable>>,
    #[serde(default)]
    pub scenario: Vec<Spanned<RawScenario>>,
}

/// `[pack]`: who the pack is.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMeta {
    pub id: Str,
    pub version: Str,
    pub format: Spanned<i64>,
    #[serde(default)]
    pub description: Option<Str>,
}

/// `[vocabulary]`: ids this pack adds, each with its person-facing text.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawVocabulary {
    #[serde(default)]
    pub kind: Vec<Spanned<RawTerm>>,
    #[serde(default)]
    pub location: Vec<Spanned<RawTerm>>,
    #[serde(default)]
    pub timing: Vec<Spanned<RawTerm>>,
    #[serde(default)]
    pub trigger: Vec<Spanned<RawTerm>>,
    #[serde(default)]
    pub finding: Vec<Spanned<RawTerm>>,
    #[serde(default)]
    pub context: Vec<Spanned<RawTerm>>,
}

/// `[[vocabulary.finding]]` (and the other sets): an id, its label, and for findings and
/// context a yes/no question; context may name the findings that carry the same risk.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTerm {
    pub id: Str,
    pub label: Str,
    #[serde(default)]
    pub question: Option<Str>,
    #[serde(default)]
    pub implied_by: Option<Spanned<Vec<Str>>>,
}

/// `[[source]]`: a citation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSource {
    pub id: Str,
    pub citation: Str,
    #[serde(default)]
    pub doi: Option<Str>,
    #[serde(default)]
    pub url: Option<Str>,
}

/// `[[suggestion]]`: one self-care measure.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSuggestion {
    pub id: Str,
    pub title: Str,
    pub how_to: Str,
    pub category: Str,
    pub evidence: Spanned<RawEvidence>,
    #[serde(default)]
    pub clinician_first: bool,
    #[serde(default)]
    pub replaces: bool,
    #[serde(default)]
    pub caution: Vec<Spanned<RawCaution>>,
}

/// `evidence = { ... }` of a suggestion.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEvidence {
    pub grade: Str,
    pub direction: Str,
    pub note: Str,
    pub sources: Spanned<Vec<Str>>,
}

/// `[[suggestion.caution]]`: when a suggestion is withheld, or carries a warning.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCaution {
    #[serde(default)]
    pub when: Option<Spanned<RawWhen>>,
    #[serde(default)]
    pub action: Option<Str>,
    pub text: Str,
}

/// `[[rule]]`: when to suggest which measures.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRule {
    pub id: Str,
    pub when: Spanned<RawWhen>,
    pub suggest: Spanned<Vec<Spanned<RawSuggest>>>,
    #[serde(default)]
    pub replaces: bool,
}

/// One entry of a rule's `suggest` list.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSuggest {
    pub id: Str,
    pub weight: Spanned<i64>,
}

/// `[[red_flag]]`: findings that need a clinician.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRedFlag {
    pub id: Str,
    pub when: Spanned<RawWhen>,
    pub urgency: Str,
    #[serde(default)]
    pub ask_when: Option<Spanned<RawWhen>>,
    pub text: Str,
    pub safety_net: Str,
    #[serde(default)]
    pub withhold: Option<Spanned<RawWithhold>>,
    #[serde(default)]
    pub interim: Option<Str>,
    pub sources: Spanned<Vec<Str>>,
    #[serde(default)]
    pub replaces: bool,
}

/// `withhold = { suggestions = [...], categories = [...] }` of a red flag.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawWithhold {
    #[serde(default)]
    pub suggestions: Vec<Str>,
    #[serde(default)]
    pub categories: Vec<Str>,
}

/// `[disable]`: rules of earlier packs to switch off.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDisable {
    #[serde(default)]
    pub rules: Vec<Str>,
    #[serde(default)]
    pub red_flags: Vec<Str>,
}

/// A condition: every key given must hold (they are joined by "and").
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawWhen {
    #[serde(default)]
    pub all: Option<Vec<Spanned<RawWhen>>>,
    #[serde(default)]
    pub any: Option<Vec<Spanned<RawWhen>>>,
    #[serde(default)]
    pub not: Option<Box<Spanned<RawWhen>>>,
    #[serde(default)]
    pub kind: Option<Vec<Str>>,
    #[serde(default)]
    pub location: Option<Vec<Str>>,
    #[serde(default)]
    pub timing: Option<Vec<Str>>,
    #[serde(default)]
    pub severity: Option<Spanned<RawRange>>,
    #[serde(default)]
    pub onset: Option<Vec<Str>>,
    #[serde(default)]
    pub trend: Option<Vec<Str>>,
    #[serde(default)]
    pub weeks: Option<Spanned<RawRange>>,
    #[serde(default)]
    pub episodes_per_week: Option<Spanned<RawRange>>,
    #[serde(default)]
    pub duration_minutes: Option<Spanned<RawRange>>,
    #[serde(default)]
    pub age: Option<Spanned<RawRange>>,
    #[serde(default)]
    pub self_care_weeks: Option<Spanned<RawRange>>,
    #[serde(default)]
    pub trigger: Option<Vec<Str>>,
    #[serde(default)]
    pub finding: Option<Vec<Str>>,
    #[serde(default)]
    pub context: Option<Vec<Str>>,
}

/// `severity = { min = 7, max = 10 }` (and the other ranges).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRange {
    #[serde(default)]
    pub min: Option<Spanned<i64>>,
    #[serde(default)]
    pub max: Option<Spanned<i64>>,
}

/// `[[scenario]]`: a profile and what its plan must and must not hold.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawScenario {
    pub name: Str,
    pub profile: Spanned<crate::profile::Profile>,
    pub expect: Spanned<RawExpect>,
}

/// `expect = { ... }` of a scenario.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawExpect {
    #[serde(default)]
    pub urgency: Option<Str>,
    #[serde(default)]
    pub urgency_min: Option<Str>,
    #[serde(default)]
    pub urgency_max: Option<Str>,
    #[serde(default)]
    pub first: Option<Str>,
    #[serde(default)]
    pub last: Option<Str>,
    #[serde(default)]
    pub count: Option<Spanned<i64>>,
    #[serde(default)]
    pub include: Vec<Str>,
    #[serde(default)]
    pub exclude: Vec<Str>,
    #[serde(default)]
    pub withheld: Vec<Str>,
    #[serde(default)]
    pub withheld_exactly: Option<Vec<Str>>,
    #[serde(default)]
    pub because: Vec<Spanned<RawBecause>>,
    #[serde(default)]
    pub reasons: Vec<Str>,
    #[serde(default)]
    pub reasons_exactly: Option<Vec<Str>>,
    #[serde(default)]
    pub rules: Vec<Str>,
    #[serde(default)]
    pub questions: Vec<Str>,
    #[serde(default)]
    pub not_asked: Vec<Str>,
    #[serde(default)]
    pub screened: Option<bool>,
    #[serde(default)]
    pub safety_net: Vec<Str>,
}

/// `{ kind = "context", id = "kidney_disease" }`: what withheld a suggestion.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawBecause {
    pub kind: Str,
    pub id: Str,
}
