//! Running scenarios: each scenario's profile through the engine, its plan against what the
//! scenario expects, and what all of them together exercised.

use crate::compiled::Engine;
use crate::error::Location;
use crate::eval::condition::holds;
use crate::eval::plan::Plan;
use crate::id::Id;
use crate::load::scenario::Expect;

/// The outcome of one scenario.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct ScenarioResult {
    /// The scenario's name.
    pub name: String,
    /// Where it is defined.
    pub location: Location,
    /// The id of the pack that defines it.
    pub pack: Id,
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
    pub rules: Vec<Id>,
    /// Red flags that fired in no scenario.
    pub red_flags: Vec<Id>,
    /// Cautions (suggestion id, caution text) that applied in no scenario.
    pub cautions: Vec<(Id, String)>,
    /// Questions (red flag id, finding id) no scenario's plan asked: each finding a red
    /// flag's condition mentions should be asked in some scenario.
    pub questions: Vec<(Id, Id)>,
}

impl Coverage {
    /// Whether every rule, red flag, caution and red-flag question was exercised.
    pub fn is_full(&self) -> bool {
        self.rules.is_empty()
            && self.red_flags.is_empty()
            && self.cautions.is_empty()
            && self.questions.is_empty()
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

/// What the scenarios exercised so far: a flag per rule, red flag and caution.
struct Hits {
    rules: Vec<bool>,
    red_flags: Vec<bool>,
    /// Per suggestion, per caution.
    cautions: Vec<Vec<bool>>,
    /// Per finding: asked by some scenario's plan.
    asked: Vec<bool>,
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
        let c = &*self.compiled;
        let mut hits = Hits {
            rules: vec![false; c.rules.len()],
            red_flags: vec![false; c.red_flags.len()],
            cautions: c
                .suggestions
                .iter()
                .map(|s| vec![false; s.cautions.len()])
                .collect(),
            asked: vec![false; c.vocab.ids(crate::kinds::VocabKind::Finding).count()],
        };
        let results = self
            .scenarios()
            .iter()
            .map(|scenario| ScenarioResult {
                name: scenario.name.clone(),
                location: scenario.location.clone(),
                pack: scenario.pack.clone(),
                problems: self.run(&scenario.profile, &scenario.expect, &mut hits),
            })
            .collect();
        ScenarioReport {
            results,
            coverage: self.coverage(&hits),
        }
    }

    /// One scenario: the plan's problems, recording what it exercised.
    fn run(&self, profile: &crate::Profile, expect: &Expect, hits: &mut Hits) -> Vec<String> {
        let c = &*self.compiled;
        let mut facts = match self.resolve(profile) {
            Ok(facts) => facts,
            Err(err) => return vec![format!("the profile is invalid: {}", err.kind())],
        };
        let plan = self.plan(&mut facts);
        let fired_rules: Vec<&Id> = c
            .rules
            .iter()
            .zip(&mut hits.rules)
            .filter(|(rule, _)| holds(&rule.when, &facts))
            .map(|(rule, hit)| {
                *hit = true;
                &rule.id
            })
            .collect();
        for (flag, hit) in c.red_flags.iter().zip(&mut hits.red_flags) {
            *hit |= holds(&flag.when, &facts);
        }
        // A caution is exercised when its condition holds for a suggestion the rules chose,
        // shown or withheld (a red flag may withhold it first).
        let chosen = plan
            .suggestions
            .iter()
            .map(|s| s.id)
            .chain(plan.withheld.iter().map(|w| w.id));
        for position in chosen.filter_map(|id| c.suggestions.position(id)) {
            let (Some(s), Some(caution_hits)) = (
                c.suggestions.at(position),
                hits.cautions.get_mut(position as usize),
            ) else {
                continue;
            };
            for (caution, hit) in s.cautions.iter().zip(caution_hits) {
                *hit |= caution.when.as_ref().is_none_or(|w| holds(w, &facts));
            }
        }
        for q in &plan.questions {
            let finding = c.vocab.lookup(crate::kinds::VocabKind::Finding, q.id);
            if let Some(hit) = finding.and_then(|f| hits.asked.get_mut(f as usize)) {
                *hit = true;
            }
        }
        problems(&plan, &fired_rules, expect)
    }

    fn coverage(&self, hits: &Hits) -> Coverage {
        let c = &*self.compiled;
        let missed = |flags: &[bool]| -> Vec<usize> {
            flags
                .iter()
                .enumerate()
                .filter(|(_, hit)| !**hit)
                .map(|(i, _)| i)
                .collect()
        };
        let id_at = |table: &dyn Fn(u32) -> Option<Id>, i: usize| {
            table(u32::try_from(i).unwrap_or(u32::MAX))
        };
        let rule = |p: u32| c.rules.at(p).map(|r| r.id.clone());
        let flag = |p: u32| c.red_flags.at(p).map(|f| f.id.clone());
        let mut coverage = Coverage {
            rules: missed(&hits.rules)
                .into_iter()
                .filter_map(|i| id_at(&rule, i))
                .collect(),
            red_flags: missed(&hits.red_flags)
                .into_iter()
                .filter_map(|i| id_at(&flag, i))
                .collect(),
            cautions: Vec::new(),
            questions: Vec::new(),
        };
        for (s, caution_hits) in c.suggestions.iter().zip(&hits.cautions) {
            for i in missed(caution_hits) {
                if let Some(caution) = s.cautions.get(i) {
                    coverage.cautions.push((s.id.clone(), caution.text.clone()));
                }
            }
        }
        for (flag, asks) in c.red_flags.iter().zip(&c.links.asks) {
            for (kind, id) in asks {
                let asked = *kind != crate::kinds::VocabKind::Finding
                    || hits.asked.get(*id as usize).copied().unwrap_or(true);
                if let (false, Some(finding)) = (asked, c.vocab.name(*kind, *id)) {
                    coverage.questions.push((flag.id.clone(), finding.clone()));
                }
            }
        }
        coverage
    }
}

/// Every difference between a plan and what is expected of it.
pub(crate) fn problems(plan: &Plan<'_>, fired_rules: &[&Id], expect: &Expect) -> Vec<String> {
    let mut out = Vec::new();
    urgency_problems(plan, expect, &mut out);
    suggestion_problems(plan, expect, &mut out);
    for id in &expect.withheld {
        if !plan.withheld.iter().any(|w| w.id == id) {
            out.push(format!("suggestion `{id}` is not withheld"));
        }
    }
    if let Some(withheld) = &expect.withheld_exactly {
        let got = plan.withheld.iter().map(|w| w.id);
        set_problem("withheld", got, withheld, &mut out);
    }
    for (kind, id) in &expect.because {
        if !plan
            .withheld
            .iter()
            .any(|w| w.because.kind == *kind && w.because.id == id)
        {
            out.push(format!("nothing is withheld because of {kind} `{id}`"));
        }
    }
    for id in &expect.reasons {
        if !plan.reasons.iter().any(|r| r.red_flag == id) {
            out.push(format!("red flag `{id}` did not fire"));
        }
    }
    if let Some(reasons) = &expect.reasons_exactly {
        let got = plan.reasons.iter().map(|r| r.red_flag);
        set_problem("red flags fired", got, reasons, &mut out);
    }
    for id in &expect.rules {
        if !fired_rules.contains(&id) {
            out.push(format!("rule `{id}` did not fire"));
        }
    }
    ask_problems(plan, expect, &mut out);
    out
}

fn ask_problems(plan: &Plan<'_>, expect: &Expect, out: &mut Vec<String>) {
    let asked = |id: &Id| plan.questions.iter().any(|q| q.id == id);
    for id in expect.questions.iter().filter(|id| !asked(id)) {
        out.push(format!("`{id}` is not asked"));
    }
    for id in expect.not_asked.iter().filter(|id| asked(id)) {
        out.push(format!("`{id}` is asked but should not be"));
    }
    if let Some(screened) = expect.screened.filter(|s| *s != plan.screened) {
        out.push(format!(
            "screened is {}, expected {screened}",
            plan.screened
        ));
    }
    for id in &expect.safety_net {
        if !plan.safety_net.iter().any(|l| l.red_flag == id) {
            out.push(format!("the safety net has no line from red flag `{id}`"));
        }
    }
}

fn urgency_problems(plan: &Plan<'_>, expect: &Expect, out: &mut Vec<String>) {
    if plan.urgency < expect.urgency_min || plan.urgency > expect.urgency_max {
        let wanted = if expect.urgency_min == expect.urgency_max {
            format!("`{}`", expect.urgency_min)
        } else {
            format!("`{}` to `{}`", expect.urgency_min, expect.urgency_max)
        };
        out.push(format!("urgency is `{}`, expected {wanted}", plan.urgency));
    }
}

fn suggestion_problems(plan: &Plan<'_>, expect: &Expect, out: &mut Vec<String>) {
    let shown = |id: &Id| plan.suggestions.iter().any(|s| s.id == id);
    for (which, wanted, got) in [
        ("first", &expect.first, plan.suggestions.first()),
        ("last", &expect.last, plan.suggestions.last()),
    ] {
        match (wanted, got) {
            (Some(wanted), Some(s)) if s.id != wanted => {
                out.push(format!("`{}` comes {which}, expected `{wanted}`", s.id));
            }
            (Some(wanted), None) => {
                out.push(format!("no suggestions, expected `{wanted}` {which}"));
            }
            _ => {}
        }
    }
    if let Some(count) = expect.count.filter(|n| *n != plan.suggestions.len()) {
        out.push(format!(
            "{} suggestions are shown, expected {count}",
            plan.suggestions.len()
        ));
    }
    for id in expect.include.iter().filter(|id| !shown(id)) {
        out.push(format!("suggestion `{id}` is not shown"));
    }
    for id in expect.exclude.iter().filter(|id| shown(id)) {
        out.push(format!("suggestion `{id}` is shown but should not be"));
    }
}

/// A problem if `got` is not exactly the set `want`.
fn set_problem<'a>(
    what: &str,
    got: impl Iterator<Item = &'a Id>,
    want: &[Id],
    out: &mut Vec<String>,
) {
    let mut got: Vec<&str> = got.map(Id::as_str).collect();
    let mut want: Vec<&str> = want.iter().map(Id::as_str).collect();
    got.sort_unstable();
    want.sort_unstable();
    if got != want {
        out.push(format!("{what}: {got:?}, expected exactly {want:?}"));
    }
}
