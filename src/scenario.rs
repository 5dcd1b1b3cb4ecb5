//! Scenarios: profiles that live inside packs with what their plans must hold, and the
//! coverage they give of rules, red flags and cautions.

use std::sync::Arc;

use crate::engine::Engine;
use crate::error::Location;
use crate::plan::Plan;
use crate::profile::Profile;
use crate::urgency::Urgency;

/// A `[[scenario]]` of a pack: a profile and what the plan must and must not hold.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Scenario {
    /// Its name.
    pub name: Arc<str>,
    /// Where it is defined.
    pub location: Location,
    /// The profile to evaluate.
    pub profile: Profile,
    /// What the plan must hold.
    pub expect: Expect,
}

/// What a scenario's plan must hold. Empty lists ask nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Expect {
    /// The lowest urgency allowed.
    pub urgency_min: Urgency,
    /// The highest urgency allowed.
    pub urgency_max: Urgency,
    /// The suggestion that must come first.
    pub first: Option<Arc<str>>,
    /// Suggestions that must be shown.
    pub include: Vec<Arc<str>>,
    /// Suggestions that must not be shown.
    pub exclude: Vec<Arc<str>>,
    /// Suggestions that must be withheld.
    pub withheld: Vec<Arc<str>>,
    /// Red flags that must fire.
    pub reasons: Vec<Arc<str>>,
    /// Rules whose conditions must hold.
    pub rules: Vec<Arc<str>>,
}

/// The outcome of one scenario.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct ScenarioResult {
    /// The scenario's name.
    pub name: Arc<str>,
    /// Where it is defined.
    pub location: Location,
    /// What the plan got wrong; empty when the scenario passed.
    pub problems: Vec<String>,
}

impl ScenarioResult {
    /// Whether the plan held everything the scenario expects.
    pub fn passed(&self) -> bool {
        self.problems.is_empty()
    }
}

/// What no scenario exercised.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Coverage {
    /// Rules whose condition held in no scenario.
    pub rules: Vec<Arc<str>>,
    /// Red flags that fired in no scenario.
    pub red_flags: Vec<Arc<str>>,
    /// Cautions (suggestion id, caution text) that applied in no scenario.
    pub cautions: Vec<(Arc<str>, Arc<str>)>,
}

impl Coverage {
    /// Whether every rule, red flag and caution was exercised.
    pub fn is_full(&self) -> bool {
        self.rules.is_empty() && self.red_flags.is_empty() && self.cautions.is_empty()
    }
}

/// Every scenario's outcome, and the coverage of all of them together.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct ScenarioReport {
    /// One result per scenario, in load order.
    pub results: Vec<ScenarioResult>,
    /// What no scenario exercised.
    pub coverage: Coverage,
}

/// Every difference between a plan and what is expected of it.
pub(crate) fn problems(plan: &Plan, fired_rules: &[&str], expect: &Expect) -> Vec<String> {
    let mut out = Vec::new();
    if plan.urgency < expect.urgency_min || plan.urgency > expect.urgency_max {
        let wanted = if expect.urgency_min == expect.urgency_max {
            format!("`{}`", expect.urgency_min)
        } else {
            format!("`{}` to `{}`", expect.urgency_min, expect.urgency_max)
        };
        out.push(format!("urgency is `{}`, expected {wanted}", plan.urgency));
    }
    let shown = |id: &str| plan.suggestions.iter().any(|s| &*s.id == id);
    if let Some(first) = &expect.first {
        match plan.suggestions.first() {
            Some(s) if s.id == *first => {}
            Some(s) => out.push(format!("`{}` comes first, expected `{first}`", s.id)),
            None => out.push(format!("no suggestions, expected `{first}` first")),
        }
    }
    for id in &expect.include {
        if !shown(id) {
            out.push(format!("suggestion `{id}` is not shown"));
        }
    }
    for id in &expect.exclude {
        if shown(id) {
            out.push(format!("suggestion `{id}` is shown but should not be"));
        }
    }
    for id in &expect.withheld {
        if !plan.withheld.iter().any(|w| w.id == *id) {
            out.push(format!("suggestion `{id}` is not withheld"));
        }
    }
    for id in &expect.reasons {
        if !plan.reasons.iter().any(|r| r.red_flag == *id) {
            out.push(format!("red flag `{id}` did not fire"));
        }
    }
    for id in &expect.rules {
        if !fired_rules.contains(&&**id) {
            out.push(format!("rule `{id}` did not fire"));
        }
    }
    out
}

impl Engine {
    /// Runs every scenario of the loaded packs and reports what failed and what no scenario
    /// exercised.
    ///
    /// ```
    /// let report = soothe::Engine::builtin()?.run_scenarios();
    /// assert!(report.results.iter().all(|r| r.passed()));
    /// assert!(report.coverage.is_full());
    /// # Ok::<(), soothe::Error>(())
    /// ```
    pub fn run_scenarios(&self) -> ScenarioReport {
        let mut results = Vec::with_capacity(self.scenarios().len());
        let mut rules_hit = vec![false; self.rule_count()];
        let mut flags_hit = vec![false; self.red_flag_count()];
        let mut cautions_hit: Vec<(Arc<str>, Arc<str>)> = Vec::new();
        for scenario in self.scenarios() {
            let outcome = self.evaluate_traced(&scenario.profile);
            let problems = match outcome {
                Err(err) => vec![format!("the profile is invalid: {}", err.kind())],
                Ok((plan, fired_rules, fired_flags)) => {
                    for i in &fired_rules {
                        if let Some(hit) = rules_hit.get_mut(*i) {
                            *hit = true;
                        }
                    }
                    for i in &fired_flags {
                        if let Some(hit) = flags_hit.get_mut(*i) {
                            *hit = true;
                        }
                    }
                    for w in &plan.withheld {
                        cautions_hit.push((w.id.clone(), w.caution.clone()));
                    }
                    for s in &plan.suggestions {
                        cautions_hit.extend(s.cautions.iter().map(|c| (s.id.clone(), c.clone())));
                    }
                    let names: Vec<&str> = fired_rules
                        .iter()
                        .filter_map(|i| self.rule_id(*i))
                        .collect();
                    problems(&plan, &names, &scenario.expect)
                }
            };
            results.push(ScenarioResult {
                name: scenario.name.clone(),
                location: scenario.location.clone(),
                problems,
            });
        }
        let mut coverage = Coverage::default();
        for (i, hit) in rules_hit.iter().enumerate() {
            if let (false, Some(id)) = (hit, self.rule_id(i)) {
                coverage.rules.push(Arc::from(id));
            }
        }
        for ((id, _), hit) in self.red_flags().zip(&flags_hit) {
            if !hit {
                coverage.red_flags.push(Arc::from(id));
            }
        }
        for suggestion in self.suggestions() {
            for caution in suggestion.cautions() {
                let hit = cautions_hit
                    .iter()
                    .any(|(id, text)| **id == *suggestion.id() && **text == *caution.text());
                if !hit {
                    coverage
                        .cautions
                        .push((Arc::from(suggestion.id()), Arc::from(caution.text())));
                }
            }
        }
        ScenarioReport { results, coverage }
    }
}
