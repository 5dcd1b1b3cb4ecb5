//! The compiled engine and evaluation of a profile into a plan.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use crate::builder::EngineBuilder;
use crate::condition::{Facts, SymptomFacts};
use crate::error::{ErrorKind, Result};
use crate::index::Index;
use crate::limits::Limits;
use crate::plan::{Plan, Reason, Suggested, Withheld};
use crate::profile::{MAX_SEVERITY, Profile, profile_error};
use crate::rule::{RedFlag, Rule};
use crate::scenario::Scenario;
use crate::similar::nearest;
use crate::source::Source;
use crate::suggestion::Suggestion;
use crate::urgency::Urgency;
use crate::vocab::{VocabKind, Vocabulary};

/// A loaded pack, as the engine records it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PackInfo {
    /// The pack's id.
    pub id: Arc<str>,
    /// The pack's version.
    pub version: Arc<str>,
    /// Where it came from: a file path, or the name given with the text.
    pub origin: Arc<str>,
    /// The pack's description, if it has one.
    pub description: Option<Arc<str>>,
}

/// Everything the packs defined, validated and linked.
#[derive(Debug)]
pub(crate) struct Compiled {
    pub vocab: Vocabulary,
    pub sources: Vec<Source>,
    pub source_index: HashMap<Arc<str>, u32>,
    pub suggestions: Vec<Suggestion>,
    pub suggestion_index: HashMap<Arc<str>, u32>,
    pub rules: Vec<Rule>,
    pub rule_index: Index,
    pub red_flags: Vec<RedFlag>,
    pub red_flag_index: Index,
    pub packs: Vec<PackInfo>,
    pub scenarios: Vec<Scenario>,
    /// Where items were defined (`suggestion:ID`, `suggestion:ID:title`, `rule:ID`, ...).
    pub places: HashMap<String, crate::error::Location>,
}

/// A compiled rule engine: evaluates profiles into plans.
///
/// An engine is immutable, `Send + Sync`, and cheap to clone (it shares its data), so one
/// engine can serve every thread of an app.
///
/// ```
/// use soothe::{Engine, Profile, Symptom, Urgency};
/// let engine = Engine::builtin()?;
/// let plan = engine.evaluate(
///     &Profile::new().with_symptom(Symptom::new("cramp", "calf").timing("nocturnal")),
/// )?;
/// assert_eq!(plan.urgency, Urgency::None);
/// assert_eq!(&*plan.suggestions[0].id, "calf-stretch-before-bed");
/// # Ok::<(), soothe::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Engine {
    inner: Arc<Compiled>,
    limits: Limits,
}

impl Engine {
    pub(crate) fn from_compiled(compiled: Compiled, limits: Limits) -> Engine {
        Engine {
            inner: Arc::new(compiled),
            limits,
        }
    }

    /// The limits this engine was built with; they also bound the profiles it evaluates.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The engine over the built-in packs, built once and shared.
    ///
    /// # Errors
    ///
    /// Only if the built-in packs were broken when the crate was built; the crate's tests
    /// rule that out.
    pub fn builtin() -> Result<Engine> {
        static BUILTIN: OnceLock<Result<Engine>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| EngineBuilder::new().builtin().build())
            .clone()
    }

    /// A builder that starts with the built-in packs; add your own packs after them.
    pub fn builder() -> EngineBuilder {
        EngineBuilder::new().builtin()
    }

    /// The vocabulary of the loaded packs.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.inner.vocab
    }

    /// The suggestion with this id.
    pub fn suggestion(&self, id: &str) -> Option<&Suggestion> {
        let index = self.inner.suggestion_index.get(id)?;
        self.inner.suggestions.get(*index as usize)
    }

    /// Every suggestion, in the order the packs defined them.
    pub fn suggestions(&self) -> impl Iterator<Item = &Suggestion> {
        self.inner.suggestions.iter()
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        let index = self.inner.source_index.get(id)?;
        self.inner.sources.get(*index as usize)
    }

    /// Every source, in the order the packs defined them.
    pub fn sources(&self) -> impl Iterator<Item = &Source> {
        self.inner.sources.iter()
    }

    /// The ids of the enabled rules, in load order.
    pub fn rule_ids(&self) -> impl Iterator<Item = &str> {
        self.inner.rules.iter().map(|r| &*r.id)
    }

    /// The ids of the red flags with their urgency, in load order.
    pub fn red_flags(&self) -> impl Iterator<Item = (&str, Urgency)> {
        self.inner.red_flags.iter().map(|f| (&*f.id, f.urgency))
    }

    /// The scenarios of the loaded packs, in load order; see [`Engine::run_scenarios`].
    pub fn scenarios(&self) -> &[Scenario] {
        &self.inner.scenarios
    }

    pub(crate) fn compiled(&self) -> &Compiled {
        &self.inner
    }

    pub(crate) fn rule_count(&self) -> usize {
        self.inner.rules.len()
    }

    pub(crate) fn red_flag_count(&self) -> usize {
        self.inner.red_flags.len()
    }

    pub(crate) fn rule_id(&self, position: usize) -> Option<&str> {
        self.inner.rules.get(position).map(|r| &*r.id)
    }

    /// The plan, with the positions of every rule and red flag whose condition held (checked
    /// one by one, without the index: for scenarios, not for speed).
    pub(crate) fn evaluate_traced(
        &self,
        profile: &Profile,
    ) -> Result<(Plan, Vec<usize>, Vec<usize>)> {
        let facts = self.resolve(profile)?;
        let plan = self.plan(&facts);
        let held = |conditions: &mut dyn Iterator<Item = &crate::condition::Condition>| {
            conditions
                .enumerate()
                .filter(|(_, c)| c.holds(&facts))
                .map(|(i, _)| i)
                .collect::<Vec<_>>()
        };
        let rules = held(&mut self.inner.rules.iter().map(|r| &r.when));
        let flags = held(&mut self.inner.red_flags.iter().map(|f| &f.when));
        Ok((plan, rules, flags))
    }

    /// The packs that were loaded, in order.
    pub fn packs(&self) -> &[PackInfo] {
        &self.inner.packs
    }

    /// Evaluates a profile into a plan.
    ///
    /// Red flags are checked first: the plan's urgency is the highest of those that fired,
    /// and at [`Urgency::Emergency`] no self-care is given. Otherwise every rule whose
    /// condition holds adds its weight to each suggestion it names; a suggestion a caution
    /// forbids for this person goes to `withheld` with the reason. Same profile, same plan.
    ///
    /// # Errors
    ///
    /// An id the vocabulary does not know (`"location": "calff"` gives
    /// `profile: symptoms[0].location: unknown location `calff`; did you mean `calf`?`), a
    /// severity above 10, or a profile over the engine's [`Limits`] (more than 32 symptoms by
    /// default).
    pub fn evaluate(&self, profile: &Profile) -> Result<Plan> {
        Ok(self.plan(&self.resolve(profile)?))
    }

    /// The plan for a resolved profile.
    fn plan(&self, facts: &Facts) -> Plan {
        let inner = &*self.inner;

        let mut candidates = Vec::with_capacity(64);
        inner.red_flag_index.candidates(facts, &mut candidates);
        let mut reasons: Vec<Reason> = candidates
            .iter()
            .filter_map(|i| inner.red_flags.get(*i as usize))
            .filter(|flag| flag.when.holds(facts))
            .map(|flag| Reason {
                red_flag: flag.id.clone(),
                text: flag.text.clone(),
                urgency: flag.urgency,
                sources: flag.sources.clone(),
            })
            .collect();
        reasons.sort_by(|a, b| {
            b.urgency
                .cmp(&a.urgency)
                .then_with(|| a.red_flag.cmp(&b.red_flag))
        });
        let urgency = reasons.first().map_or(Urgency::None, |r| r.urgency);
        let mut plan = Plan {
            see_clinician: urgency > Urgency::None,
            urgency,
            reasons,
            suggestions: Vec::new(),
            withheld: Vec::new(),
        };
        if urgency == Urgency::Emergency {
            return plan;
        }

        // (suggestion, rule, weight) for every suggestion of every rule that fired; rules
        // come in load order, so a stable sort by suggestion keeps `because` in rule order.
        inner.rule_index.candidates(facts, &mut candidates);
        let mut entries: Vec<(u32, u32, u32)> = Vec::with_capacity(4 * candidates.len());
        for &position in &candidates {
            let Some(rule) = inner.rules.get(position as usize) else {
                continue;
            };
            if rule.when.holds(facts) {
                entries.extend(rule.suggest.iter().map(|&(s, w)| (s, position, w)));
            }
        }
        entries.sort_by_key(|&(s, ..)| s);
        let mut chosen: Vec<(u32, u32, Vec<Arc<str>>)> = Vec::with_capacity(entries.len());
        for (s, position, weight) in entries {
            let because = inner
                .rules
                .get(position as usize)
                .map(|r| r.because.clone());
            match chosen.last_mut() {
                Some((last, score, reasons)) if *last == s => {
                    *score = score.saturating_add(weight);
                    reasons.extend(because);
                }
                _ => chosen.push((s, weight, because.into_iter().collect())),
            }
        }

        plan.suggestions.reserve_exact(chosen.len());
        for (index, score, because) in chosen {
            let Some(s) = inner.suggestions.get(index as usize) else {
                continue;
            };
            let mut cautions = Vec::new();
            let mut withheld = None;
            for caution in &s.cautions {
                match &caution.when {
                    None => cautions.push(caution.text.clone()),
                    Some(when) if caution.withhold => {
                        if let Some(why) = when.witness(facts, &inner.vocab) {
                            withheld = Some((why, caution.text.clone()));
                            break;
                        }
                    }
                    Some(when) => {
                        if when.holds(facts) {
                            cautions.push(caution.text.clone());
                        }
                    }
                }
            }
            match withheld {
                Some((because, caution)) => plan.withheld.push(Withheld {
                    id: s.details.id.clone(),
                    title: s.details.title.clone(),
                    because,
                    caution,
                }),
                None => plan.suggestions.push(Suggested {
                    details: s.details.clone(),
                    because,
                    cautions,
                    score,
                }),
            }
        }
        plan.suggestions
            .sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
        plan.withheld.sort_by(|a, b| a.id.cmp(&b.id));
        plan
    }

    /// Checks a profile against the vocabulary and turns its ids into indices.
    fn resolve(&self, profile: &Profile) -> Result<Facts> {
        let vocab = &self.inner.vocab;
        let limits = &self.limits;
        let over = |path: String, what: String, found: usize, limit: usize| {
            profile_error(path, ErrorKind::LimitExceeded { what, found, limit })
        };
        let lists = [
            ("symptoms", profile.symptoms.len(), limits.max_symptoms),
            ("triggers", profile.triggers.len(), limits.max_list_items),
            ("findings", profile.findings.len(), limits.max_list_items),
            ("context", profile.context.len(), limits.max_list_items),
        ];
        for (name, found, limit) in lists {
            if found > limit {
                return Err(over(
                    name.to_owned(),
                    format!("number of {name}"),
                    found,
                    limit,
                ));
            }
        }
        // Paths are only formatted when there is an error to report.
        let lookup = |kind: VocabKind, id: &str, path: &dyn Fn() -> String| {
            if id.len() > limits.max_string_bytes {
                let what = "id length in bytes".to_owned();
                return Err(over(path(), what, id.len(), limits.max_string_bytes));
            }
            vocab.lookup(kind, id).ok_or_else(|| {
                profile_error(
                    path(),
                    ErrorKind::UnknownId {
                        what: kind.noun().to_owned(),
                        id: id.to_owned(),
                        suggestion: nearest(id, vocab.ids(kind)),
                    },
                )
            })
        };
        let mut facts = Facts {
            symptoms: Vec::with_capacity(profile.symptoms.len()),
            ..Facts::default()
        };
        for (i, s) in profile.symptoms.iter().enumerate() {
            let timing = match &s.timing {
                Some(t) => Some(lookup(VocabKind::Timing, t, &|| {
                    format!("symptoms[{i}].timing")
                })?),
                None => None,
            };
            if let Some(severity) = s.severity.filter(|v| *v > MAX_SEVERITY) {
                return Err(profile_error(
                    format!("symptoms[{i}].severity"),
                    ErrorKind::OutOfRange {
                        field: "severity".to_owned(),
                        value: i64::from(severity),
                        min: 0,
                        max: i64::from(MAX_SEVERITY),
                    },
                ));
            }
            facts.symptoms.push(SymptomFacts {
                kind: lookup(VocabKind::Kind, &s.kind, &|| format!("symptoms[{i}].kind"))?,
                location: lookup(VocabKind::Location, &s.location, &|| {
                    format!("symptoms[{i}].location")
                })?,
                timing,
                severity: s.severity,
            });
        }
        for (list, kind, name, out) in [
            (
                &profile.triggers,
                VocabKind::Trigger,
                "triggers",
                &mut facts.triggers,
            ),
            (
                &profile.findings,
                VocabKind::Finding,
                "findings",
                &mut facts.findings,
            ),
            (
                &profile.context,
                VocabKind::Context,
                "context",
                &mut facts.context,
            ),
        ] {
            out.reserve_exact(list.len());
            for (i, id) in list.iter().enumerate() {
                out.push(lookup(kind, id, &|| format!("{name}[{i}]"))?);
            }
        }
        Ok(facts)
    }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod tests {
    use super::*;
    use crate::profile::Symptom;

    /// Profiles with one symptom (every kind, location and timing), plus every trigger,
    /// finding and context id alone and with one other finding.
    fn profiles(engine: &Engine) -> Vec<Profile> {
        let v = engine.vocabulary();
        let mut out = Vec::new();
        for kind in v.ids(VocabKind::Kind) {
            for location in v.ids(VocabKind::Location) {
                out.push(Profile::new().with_symptom(Symptom::new(kind, location).severity(9)));
                for timing in v.ids(VocabKind::Timing) {
                    out.push(
                        Profile::new().with_symptom(Symptom::new(kind, location).timing(timing)),
                    );
                }
            }
        }
        for finding in v.ids(VocabKind::Finding) {
            for other in v.ids(VocabKind::Finding) {
                out.push(Profile::new().with_finding(finding).with_finding(other));
            }
            out.push(
                Profile::new()
                    .with_symptom(Symptom::new("cramp", "calf").severity(8))
                    .with_finding(finding),
            );
        }
        for trigger in v.ids(VocabKind::Trigger) {
            out.push(Profile::new().with_trigger(trigger));
        }
        for context in v.ids(VocabKind::Context) {
            out.push(
                Profile::new()
                    .with_symptom(Symptom::new("spasm", "neck"))
                    .with_context(context),
            );
        }
        out
    }

    #[test]
    fn the_index_never_misses_a_condition_that_holds() {
        let engine = Engine::builtin().unwrap();
        let inner = &*engine.inner;
        let mut candidates = Vec::new();
        for profile in profiles(&engine) {
            let facts = engine.resolve(&profile).unwrap();
            inner.rule_index.candidates(&facts, &mut candidates);
            for (i, rule) in inner.rules.iter().enumerate() {
                if rule.when.holds(&facts) {
                    assert!(
                        candidates.contains(&(i as u32)),
                        "rule {} missed for {profile:?}",
                        rule.id
                    );
                }
            }
            inner.red_flag_index.candidates(&facts, &mut candidates);
            for (i, flag) in inner.red_flags.iter().enumerate() {
                if flag.when.holds(&facts) {
                    assert!(
                        candidates.contains(&(i as u32)),
                        "red flag {} missed for {profile:?}",
                        flag.id
                    );
                }
            }
        }
    }

    #[test]
    fn the_index_narrows_the_rules_checked() {
        let engine = Engine::builtin().unwrap();
        let facts = engine
            .resolve(&Profile::new().with_symptom(Symptom::new("cramp", "jaw")))
            .unwrap();
        let mut candidates = Vec::new();
        engine.inner.rule_index.candidates(&facts, &mut candidates);
        assert!(
            candidates.len() < engine.inner.rules.len() / 2,
            "{candidates:?}"
        );
    }
}
