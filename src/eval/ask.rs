//! What a plan asks next and what it says to watch for, computed from the compiled
//! conditions (never hand-listed).
//!
//! A red flag is relevant to a profile when its `ask_when` holds, or, for a flag defined
//! without `ask_when`, when its condition mentions something the profile has (a symptom's
//! kind, location or timing, a trigger, a finding or a context id).
//!
//! - Finding questions: every finding a relevant red flag's condition mentions, neither
//!   present nor absent, that on its own (everything else unchanged) would raise the plan's
//!   urgency; the question carries the urgency it would lead to.
//! - Context questions: every context id a relevant red flag or a caution of a shown
//!   suggestion mentions, neither present nor absent, that would raise the urgency, withhold
//!   a shown suggestion, or add a warning to one.
//! - Safety net: the lines of every relevant red flag that did not fire.

use crate::compiled::Compiled;
use crate::eval::condition::holds;
use crate::eval::facts::Facts;
use crate::eval::plan::{Plan, Question, QuestionKind, SafetyNet};
use crate::id::Id;
use crate::kinds::VocabKind;
use crate::urgency::Urgency;

/// Fills the plan's questions, `screened` and safety net.
pub(crate) fn questions_and_safety_net<'e>(
    c: &'e Compiled,
    facts: &mut Facts,
    fired: &[u32],
    candidates: &mut Vec<u32>,
    plan: &mut Plan<'e>,
) {
    let relevant = relevant(c, facts, candidates);
    let mut questions = Vec::new();
    for kind in [VocabKind::Finding, VocabKind::Context] {
        for id in unknowns(c, facts, &relevant, kind, plan) {
            if let Some(q) = question(c, facts, fired, kind, id, plan) {
                questions.push(q);
            }
        }
    }
    questions.sort_by(|a, b| {
        (a.kind, b.urgency)
            .cmp(&(b.kind, a.urgency))
            .then_with(|| a.id.cmp(b.id))
    });
    plan.screened = !questions.iter().any(|q| q.kind == QuestionKind::Finding);
    plan.questions = questions;
    plan.safety_net = safety_net(c, &relevant, fired);
}

/// The red flags relevant to the profile, by position.
fn relevant(c: &Compiled, facts: &Facts, candidates: &mut Vec<u32>) -> Vec<u32> {
    c.links.relevance.candidates(facts.ids(), candidates);
    candidates
        .iter()
        .copied()
        .filter(|p| is_relevant(c, facts, *p))
        .collect()
}

fn is_relevant(c: &Compiled, facts: &Facts, position: u32) -> bool {
    let Some(flag) = c.red_flags.at(position) else {
        return false;
    };
    let asked = flag
        .relevance
        .ask_when
        .as_ref()
        .is_some_and(|w| holds(w, facts));
    let mentioned = || {
        let mentions = c.links.mentions.get(position as usize);
        mentions.is_some_and(|m| m.iter().any(|(kind, id)| has(facts, *kind, *id)))
    };
    asked || (flag.relevance.by_mention && mentioned())
}

/// Whether the profile has `id` of `kind`.
fn has(facts: &Facts, kind: VocabKind, id: u32) -> bool {
    match kind {
        VocabKind::Kind => facts.symptoms.iter().any(|s| s.kind == id),
        VocabKind::Location => facts.symptoms.iter().any(|s| s.location == id),
        VocabKind::Timing => facts.symptoms.iter().any(|s| s.timing == Some(id)),
        _ => facts.listed(kind).contains(&id),
    }
}

/// The ids of `kind` worth asking about, each once, ascending: mentioned by a relevant red
/// flag (or, for context, by a caution of a shown suggestion), neither present nor absent.
fn unknowns(
    c: &Compiled,
    facts: &Facts,
    relevant: &[u32],
    kind: VocabKind,
    plan: &Plan<'_>,
) -> Vec<u32> {
    let from_flags = relevant
        .iter()
        .filter_map(|p| c.links.asks.get(*p as usize))
        .flatten();
    let from_cautions = plan
        .suggestions
        .iter()
        .filter(|_| kind == VocabKind::Context)
        .filter_map(|s| c.suggestions.position(s.id))
        .filter_map(|p| c.links.caution_mentions.get(p as usize))
        .flatten()
        .flatten();
    let mut out: Vec<u32> = from_flags
        .chain(from_cautions)
        .filter(|(k, id)| *k == kind && !has(facts, kind, *id) && !facts.denied(kind, *id))
        .map(|(_, id)| *id)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The question about `id`, if a yes would change the plan.
fn question<'e>(
    c: &'e Compiled,
    facts: &mut Facts,
    fired: &[u32],
    kind: VocabKind,
    id: u32,
    plan: &Plan<'e>,
) -> Option<Question<'e>> {
    let change = lookahead(c, facts, fired, kind, id, plan);
    let raises = change.urgency > plan.urgency;
    let counts = match kind {
        VocabKind::Finding => raises,
        _ => raises || !change.withholds.is_empty() || change.warns,
    };
    if !counts {
        return None;
    }
    let term = c.vocab.term_at(kind, id)?;
    Some(Question {
        id: term.id(),
        kind: match kind {
            VocabKind::Finding => QuestionKind::Finding,
            _ => QuestionKind::Context,
        },
        text: term.question().unwrap_or(term.label()),
        label: term.label(),
        urgency: change.urgency.max(plan.urgency),
        withholds: change.withholds,
    })
}

/// What a yes to one question would change.
struct Change<'e> {
    urgency: Urgency,
    withholds: Vec<&'e Id>,
    warns: bool,
}

/// The plan's urgency, and the shown suggestions withheld or warned about, if `id` of
/// `kind` were present (with the context it implies), everything else unchanged.
fn lookahead<'e>(
    c: &'e Compiled,
    facts: &mut Facts,
    fired: &[u32],
    kind: VocabKind,
    id: u32,
    plan: &Plan<'e>,
) -> Change<'e> {
    let before = warned(c, facts, plan);
    let lengths = (
        facts.findings.len(),
        facts.context.len(),
        facts.implied.len(),
    );
    let added = add(c, facts, kind, id);
    let mut flags: Vec<u32> = fired.to_vec();
    for (k, i) in &added {
        flags.extend_from_slice(c.links.mentioning(*k, *i));
    }
    flags.sort_unstable();
    flags.dedup();
    let holding: Vec<u32> = flags
        .into_iter()
        .filter(|p| c.red_flags.at(*p).is_some_and(|f| holds(&f.when, facts)))
        .collect();
    let urgency = holding
        .iter()
        .filter_map(|p| c.red_flags.at(*p))
        .map(|f| f.urgency)
        .max()
        .unwrap_or(Urgency::None);
    let withholds = withheld_if(c, facts, &holding, plan);
    let after = warned(c, facts, plan);
    facts.findings.truncate(lengths.0);
    facts.context.truncate(lengths.1);
    facts.implied.truncate(lengths.2);
    Change {
        urgency,
        withholds,
        warns: after > before,
    }
}

/// Adds `id` of `kind` to the facts (a finding with the context it implies); the ids added.
fn add(c: &Compiled, facts: &mut Facts, kind: VocabKind, id: u32) -> Vec<(VocabKind, u32)> {
    let mut added = vec![(kind, id)];
    match kind {
        VocabKind::Finding => {
            facts.findings.push(id);
            for &context in c.vocab.implied(id) {
                if !facts.context.contains(&context) {
                    facts.context.push(context);
                    facts.implied.push((context, id));
                    added.push((VocabKind::Context, context));
                }
            }
        }
        _ => facts.context.push(id),
    }
    added
}

/// The shown suggestions a red flag in `holding` or a withholding caution would withhold.
fn withheld_if<'e>(
    c: &'e Compiled,
    facts: &Facts,
    holding: &[u32],
    plan: &Plan<'e>,
) -> Vec<&'e Id> {
    let mut out = Vec::new();
    for shown in &plan.suggestions {
        let Some(position) = c.suggestions.position(shown.id) else {
            continue;
        };
        let Some(s) = c.suggestions.at(position) else {
            continue;
        };
        let by_flag = holding
            .iter()
            .filter_map(|p| c.red_flags.at(*p))
            .any(|f| f.withholds.covers(position, s.category));
        let by_caution = s
            .cautions
            .iter()
            .any(|k| k.withhold && k.when.as_ref().is_some_and(|w| holds(w, facts)));
        if by_flag || by_caution {
            out.push(shown.id);
        }
    }
    out
}

/// How many warning cautions apply to the shown suggestions.
fn warned(c: &Compiled, facts: &Facts, plan: &Plan<'_>) -> usize {
    plan.suggestions
        .iter()
        .filter_map(|shown| c.suggestions.get(shown.id))
        .flat_map(|s| s.cautions.iter())
        .filter(|k| !k.withhold && k.when.as_ref().is_some_and(|w| holds(w, facts)))
        .count()
}

/// The safety-net lines of the relevant red flags that did not fire, most urgent first,
/// then by red flag; each text once.
fn safety_net<'e>(c: &'e Compiled, relevant: &[u32], fired: &[u32]) -> Vec<SafetyNet<'e>> {
    let mut flags: Vec<&crate::load::items::RedFlag> = relevant
        .iter()
        .filter(|p| !fired.contains(p))
        .filter_map(|p| c.red_flags.at(*p))
        .collect();
    flags.sort_by(|a, b| b.urgency.cmp(&a.urgency).then_with(|| a.id.cmp(&b.id)));
    let mut out: Vec<SafetyNet<'e>> = Vec::new();
    for flag in flags {
        for line in &flag.safety_net {
            if !out.iter().any(|l| l.text == line) {
                out.push(SafetyNet {
                    urgency: flag.urgency,
                    text: line,
                    red_flag: &flag.id,
                });
            }
        }
    }
    out
}
