//! The `eval` stage: a profile to a plan.
//!
//! ```text
//! Profile ─resolve─▶ Facts ─red flags─▶ reasons, urgency (emergency: stop)
//!                          ─rules─▶ chosen ─red-flag withholds, cautions─▶ shown | withheld ─rank─▶
//!                          ─relevant red flags─▶ questions, safety net ─▶ Plan
//! ```
//!
//! Evaluation borrows the engine and allocates only the plan's own vectors.

pub(crate) mod ask;
pub(crate) mod condition;
pub(crate) mod facts;
pub(crate) mod plan;

use crate::compiled::{Compiled, Engine};
use crate::error::Result;
use crate::evidence::{Direction, Evidence, Grade};
use crate::id::Id;
use crate::kinds::BecauseKind;
use crate::load::items::Suggestion;
use crate::profile::Profile;
use crate::urgency::Urgency;

use condition::{holds, witness};
use facts::{Facts, resolve};
use plan::{Because, Plan, Reason, Suggested, Withheld};

/// One suggestion the rules chose: its position, score, and the rules that chose it.
struct Chosen<'e> {
    position: u32,
    score: u32,
    rules: Vec<&'e Id>,
}

impl Engine {
    /// Evaluates a profile into a plan.
    ///
    /// Red flags are checked first: the plan's urgency is the highest of those that fired,
    /// and at [`Urgency::Emergency`] the plan is the referral alone. Otherwise every rule
    /// whose condition holds chooses its suggestions; a suggestion a red flag that fired
    /// withholds, or a caution forbids for this person, goes to `withheld` with the reason.
    /// Then come the questions that would change the plan and the safety net. Same profile,
    /// same plan.
    ///
    /// # Errors
    ///
    /// An id the vocabulary does not know (`"location": "calff"` gives
    /// `profile: symptoms[0].location: unknown location `calff`; did you mean `calf`?`), a
    /// number out of its range, a finding both present and absent, or a profile over the
    /// engine's [`Limits`](crate::Limits) (more than 32 symptoms by default).
    pub fn evaluate(&self, profile: &Profile) -> Result<Plan<'_>> {
        let mut facts = self.resolve(profile)?;
        Ok(self.plan(&mut facts))
    }

    /// Evaluates many profiles: one result per profile, in order; an error for one never
    /// stops the others. It runs on the calling thread (the engine is `Sync`: a host that
    /// wants every core splits the slice across threads, as `suggest --jsonl` does).
    ///
    /// ```
    /// use soothe::{Engine, Profile, Symptom};
    /// let engine = Engine::builtin()?;
    /// let profiles = [
    ///     Profile::new().with_symptom(Symptom::new("cramp", "calf")),
    ///     Profile::new().with_symptom(Symptom::new("cramp", "calff")),
    /// ];
    /// let plans = engine.evaluate_batch(&profiles);
    /// assert!(plans[0].is_ok() && plans[1].is_err());
    /// # Ok::<(), soothe::Error>(())
    /// ```
    pub fn evaluate_batch(&self, profiles: &[Profile]) -> Vec<Result<Plan<'_>>> {
        profiles.iter().map(|p| self.evaluate(p)).collect()
    }

    /// Checks a profile against this engine's vocabulary and limits.
    pub(crate) fn resolve(&self, profile: &Profile) -> Result<Facts> {
        resolve(profile, &self.compiled.vocab, self.limits())
    }

    /// The plan for a resolved profile (`facts` is left as it was given).
    pub(crate) fn plan(&self, facts: &mut Facts) -> Plan<'_> {
        let c = &*self.compiled;
        let mut candidates = Vec::with_capacity(64);
        let fired = fired(c, facts, &mut candidates);
        let reasons: Vec<Reason<'_>> = fired.iter().filter_map(|p| reason(c, *p)).collect();
        let urgency = reasons.first().map_or(Urgency::None, |r| r.urgency);
        let mut plan = Plan {
            see_clinician: urgency > Urgency::None,
            urgency,
            reasons,
            screened: true,
            packs: &c.packs,
            ..Plan::default()
        };
        if urgency == Urgency::Emergency {
            return plan;
        }
        let chosen = choose(c, facts, &mut candidates);
        plan.suggestions.reserve_exact(chosen.len());
        for pick in chosen {
            if let Some(s) = c.suggestions.at(pick.position) {
                screen(c, facts, &fired, s, pick, &mut plan);
            }
        }
        rank(&mut plan);
        ask::questions_and_safety_net(c, facts, &fired, &mut candidates, &mut plan);
        plan
    }
}

/// The positions of the red flags that fire, most urgent first, then by id.
fn fired(c: &Compiled, facts: &Facts, candidates: &mut Vec<u32>) -> Vec<u32> {
    c.red_flag_index.candidates(facts.ids(), candidates);
    let mut fired: Vec<u32> = candidates
        .iter()
        .copied()
        .filter(|p| c.red_flags.at(*p).is_some_and(|f| holds(&f.when, facts)))
        .collect();
    fired.sort_by_cached_key(|p| {
        let flag = c.red_flags.at(*p);
        let urgency = flag.map_or(Urgency::None, |f| f.urgency);
        (std::cmp::Reverse(urgency), flag.map(|f| &f.id))
    });
    fired
}

/// The reason a red flag gives when it fires.
fn reason(c: &Compiled, position: u32) -> Option<Reason<'_>> {
    let flag = c.red_flags.at(position)?;
    Some(Reason {
        red_flag: &flag.id,
        text: &flag.text,
        urgency: flag.urgency,
        sources: &flag.sources,
    })
}

/// Every suggestion a rule that fired names, with the sum of the weights and the rules, in
/// suggestion order; rules come in load order.
fn choose<'e>(c: &'e Compiled, facts: &Facts, candidates: &mut Vec<u32>) -> Vec<Chosen<'e>> {
    c.rule_index.candidates(facts.ids(), candidates);
    let mut entries: Vec<(u32, &'e Id, u32)> = Vec::with_capacity(4 * candidates.len());
    for rule in candidates.iter().filter_map(|p| c.rules.at(*p)) {
        if holds(&rule.when, facts) {
            entries.extend(rule.suggest.iter().map(|&(s, w)| (s, &rule.id, w)));
        }
    }
    // A stable sort by suggestion keeps each suggestion's rules in load order.
    entries.sort_by_key(|&(s, ..)| s);
    let mut chosen: Vec<Chosen<'e>> = Vec::with_capacity(entries.len());
    for (position, rule, weight) in entries {
        match chosen.last_mut() {
            Some(last) if last.position == position => {
                last.score = last.score.saturating_add(weight);
                last.rules.push(rule);
            }
            _ => chosen.push(Chosen {
                position,
                score: weight,
                rules: vec![rule],
            }),
        }
    }
    chosen
}

/// Shows a chosen suggestion with the warnings that apply, or withholds it: for the most
/// urgent red flag that fired and withholds it, else for the first withholding caution that
/// applies.
fn screen<'e>(
    c: &'e Compiled,
    facts: &Facts,
    fired: &[u32],
    s: &'e Suggestion,
    pick: Chosen<'e>,
    plan: &mut Plan<'e>,
) {
    if let Some(withheld) = withheld_by_red_flag(c, fired, pick.position, s) {
        plan.withheld.push(withheld);
        return;
    }
    let mut cautions = Vec::new();
    for caution in &s.cautions {
        match &caution.when {
            None => cautions.push(caution.text.as_str()),
            Some(when) if caution.withhold => {
                if let Some((kind, id)) = witness(when, facts, &c.vocab) {
                    plan.withheld.push(Withheld {
                        id: &s.id,
                        title: &s.title,
                        because: Because { kind, id },
                        caution: &caution.text,
                    });
                    return;
                }
            }
            Some(when) => {
                if holds(when, facts) {
                    cautions.push(caution.text.as_str());
                }
            }
        }
    }
    plan.suggestions.push(Suggested {
        id: &s.id,
        title: &s.title,
        category: s.category,
        how_to: &s.how_to,
        evidence: &s.evidence,
        clinician_first: s.clinician_first,
        rules: pick.rules,
        cautions,
        score: pick.score,
    });
}

/// The entry for a suggestion that a red flag that fired withholds until a clinician has
/// seen the person, if one does.
fn withheld_by_red_flag<'e>(
    c: &'e Compiled,
    fired: &[u32],
    position: u32,
    s: &'e Suggestion,
) -> Option<Withheld<'e>> {
    let flag = fired
        .iter()
        .filter_map(|p| c.red_flags.at(*p))
        .find(|f| f.withholds.covers(position, s.category))?;
    Some(Withheld {
        id: &s.id,
        title: &s.title,
        because: Because {
            kind: BecauseKind::RedFlag,
            id: &flag.id,
        },
        caution: flag.interim.as_deref().unwrap_or(&flag.text),
    })
}

/// Suggestions by fit first, then evidence (see [`rank_key`]); withheld by id.
fn rank(plan: &mut Plan<'_>) {
    plan.suggestions.sort_by_cached_key(rank_key);
    plan.withheld.sort_by(|a, b| a.id.cmp(b.id));
}

/// The ranking rule, smallest first: measures the evidence points against last; then fit
/// (how many of the rules that fired chose it, most first); then evidence (`for` with high
/// or moderate certainty, `for` with low, very low, expert opinion, then `mixed`); then the
/// sum of the rule weights; then the id.
pub(crate) fn rank_key<'e>(
    s: &Suggested<'e>,
) -> (
    bool,
    std::cmp::Reverse<usize>,
    u8,
    std::cmp::Reverse<u32>,
    &'e Id,
) {
    let against = s.evidence.direction == Direction::Against;
    (
        against,
        std::cmp::Reverse(s.rules.len()),
        evidence_tier(s.evidence),
        std::cmp::Reverse(s.score),
        s.id,
    )
}

/// Better evidence first: 0 is `for` with high or moderate certainty.
fn evidence_tier(evidence: &Evidence) -> u8 {
    match (evidence.direction, evidence.grade) {
        (Direction::For, Grade::High | Grade::Moderate) => 0,
        (Direction::For, Grade::Low) => 1,
        (Direction::For, Grade::VeryLow) => 2,
        (Direction::For, _) => 3,
        (Direction::Mixed, _) => 4,
        _ => 5,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::VocabKind;
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
        let c = &*engine.compiled;
        let mut candidates = Vec::new();
        for profile in profiles(&engine) {
            let facts = engine.resolve(&profile).unwrap();
            c.rule_index.candidates(facts.ids(), &mut candidates);
            for (i, rule) in (0u32..).zip(c.rules.iter()) {
                if holds(&rule.when, &facts) {
                    assert!(
                        candidates.contains(&i),
                        "rule {} missed for {profile:?}",
                        rule.id
                    );
                }
            }
            c.red_flag_index.candidates(facts.ids(), &mut candidates);
            for (i, flag) in (0u32..).zip(c.red_flags.iter()) {
                if holds(&flag.when, &facts) {
                    assert!(
                        candidates.contains(&i),
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
        engine
            .compiled
            .rule_index
            .candidates(facts.ids(), &mut candidates);
        assert!(
            candidates.len() < engine.compiled.rules.len() / 2,
            "{candidates:?}"
        );
    }
}
