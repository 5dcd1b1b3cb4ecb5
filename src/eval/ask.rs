//! What a plan asks next and what it says to watch for, computed from the compiled
//! conditions (never hand-listed).
//!
//! A red flag is relevant to a profile when its `ask_when` holds; when its condition
//! mentions a finding or context id the profile reports and it could still fire (a reported
//! finding makes every red flag built on it worth asking about, unless the rest of the
//! profile rules it out, as an age under 50 rules out giant cell arteritis); for a flag
//! defined without `ask_when`, when its condition mentions anything the profile has (a
//! symptom's kind, location or timing, a trigger, a finding or a context id); and, for a
//! review line (a flag whose condition reads `self_care_weeks`), whenever the plan shows
//! self-care.
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
    let relevant = relevant(c, facts, !plan.suggestions.is_empty(), candidates);
    let shown: Vec<u32> = plan
        .suggestions
        .iter()
        .filter_map(|s| c.suggestions.position(s.id))
        .collect();
    let now = Now {
        shown: &shown,
        is_fired: mask(c.red_flags.len(), fired),
        is_shown: mask(c.suggestions.len(), &shown),
        urgency: plan.urgency,
    };
    let mut questions = Vec::new();
    let mut scratch = Scratch::default();
    for kind in [VocabKind::Finding, VocabKind::Context] {
        for id in unknowns(c, facts, &relevant, kind, &shown) {
            if let Some(q) = question(c, facts, &now, &mut scratch, (kind, id)) {
                questions.push(q);
            }
        }
    }
    questions.sort_unstable_by(|a, b| {
        (a.kind, b.urgency)
            .cmp(&(b.kind, a.urgency))
            .then_with(|| a.id.cmp(b.id))
    });
    plan.screened = !questions.iter().any(|q| q.kind == QuestionKind::Finding);
    plan.questions = questions;
    plan.safety_net = safety_net(c, &relevant, fired);
}

/// The red flags relevant to the profile, by position; `shows`: whether the plan shows
/// self-care.
fn relevant(c: &Compiled, facts: &mut Facts, shows: bool, candidates: &mut Vec<u32>) -> Vec<u32> {
    c.links.relevance.candidates(facts.ids(), candidates);
    candidates
        .iter()
        .copied()
        .filter(|p| is_relevant(c, facts, shows, *p))
        .collect()
}

fn is_relevant(c: &Compiled, facts: &mut Facts, shows: bool, position: u32) -> bool {
    let at = position as usize;
    if c.links.relevance_exact.get(at) == Some(&true) {
        return true;
    }
    if shows && c.links.review.get(at) == Some(&true) {
        return true;
    }
    let Some(flag) = c.red_flags.at(position) else {
        return false;
    };
    let asked = flag
        .relevance
        .ask_when
        .as_ref()
        .is_some_and(|w| holds(w, facts));
    let has_any = |ids: Option<&Vec<(VocabKind, u32)>>| {
        ids.is_some_and(|m| m.iter().any(|(kind, id)| has(facts, *kind, *id)))
    };
    asked
        || (flag.relevance.by_mention && has_any(c.links.mentions.get(at)))
        || (has_any(c.links.asks.get(at)) && could_fire(c, facts, position))
}

/// Whether the red flag at `position` would fire if every finding and context id its
/// condition mentions that the profile leaves open were present (conditions are monotone in
/// findings and context unless a `not` reads them; such a flag may be judged unable to fire,
/// and is then relevant only through `ask_when` or by mention).
fn could_fire(c: &Compiled, facts: &mut Facts, position: u32) -> bool {
    let (Some(flag), Some(asks)) = (
        c.red_flags.at(position),
        c.links.asks.get(position as usize),
    ) else {
        return false;
    };
    let lengths = (facts.findings.len(), facts.context.len());
    for &(kind, id) in asks {
        let absent = match kind {
            VocabKind::Finding => &facts.absent_findings,
            _ => &facts.absent_context,
        };
        if absent.contains(&id) || facts.listed(kind).contains(&id) {
            continue;
        }
        match kind {
            VocabKind::Finding => facts.findings.push(id),
            _ => facts.context.push(id),
        }
    }
    let fires = holds(&flag.when, facts);
    facts.findings.truncate(lengths.0);
    facts.context.truncate(lengths.1);
    fires
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
    shown: &[u32],
) -> Vec<u32> {
    let size = c.vocab.ids(kind).count();
    // Present or denied ids are known; the rest, once each.
    let mut seen = mask(size, facts.listed(kind));
    for id in match kind {
        VocabKind::Finding => &facts.absent_findings,
        _ => &facts.absent_context,
    } {
        if let Some(slot) = seen.get_mut(*id as usize) {
            *slot = true;
        }
    }
    let from_flags = relevant
        .iter()
        .filter_map(|p| c.links.asks.get(*p as usize))
        .flatten();
    let from_cautions = shown
        .iter()
        .filter(|_| kind == VocabKind::Context)
        .filter_map(|p| c.links.caution_mentions.get(*p as usize))
        .flatten()
        .flatten();
    let mut out: Vec<u32> = Vec::with_capacity(32);
    for (k, id) in from_flags.chain(from_cautions) {
        if *k == kind {
            if let Some(slot) = seen.get_mut(*id as usize).filter(|s| !**s) {
                *slot = true;
                out.push(*id);
            }
        }
    }
    out.sort_unstable();
    out
}

/// What the plan is now: the red flags that fired, the suggestions shown (positions, in
/// rank order), the urgency.
struct Now<'a> {
    shown: &'a [u32],
    /// By red flag position: whether it fired.
    is_fired: Vec<bool>,
    /// By suggestion position: whether it is shown.
    is_shown: Vec<bool>,
    urgency: Urgency,
}

impl Now<'_> {
    fn fired(&self, flag: u32) -> bool {
        self.is_fired.get(flag as usize) == Some(&true)
    }

    fn shown(&self, suggestion: u32) -> bool {
        self.is_shown.get(suggestion as usize) == Some(&true)
    }
}

/// A mask of `len` entries, true at `positions`.
fn mask(len: usize, positions: &[u32]) -> Vec<bool> {
    let mut out = vec![false; len];
    for p in positions {
        if let Some(slot) = out.get_mut(*p as usize) {
            *slot = true;
        }
    }
    out
}

/// Buffers reused from one question to the next, so a plan's questions allocate little.
#[derive(Default)]
struct Scratch {
    /// The ids a yes adds: the asked id, and the context a finding implies.
    added: Vec<(VocabKind, u32)>,
    /// Cautions of shown suggestions that mention an added id: (suggestion, caution).
    cautions: Vec<(u32, u32)>,
    /// Red flags to check, then those that hold.
    flags: Vec<u32>,
    holding: Vec<u32>,
}

/// The question about `id`, if a yes would change the plan.
fn question<'e>(
    c: &'e Compiled,
    facts: &mut Facts,
    now: &Now<'_>,
    scratch: &mut Scratch,
    (kind, id): (VocabKind, u32),
) -> Option<Question<'e>> {
    prepare(c, now, scratch, kind, id);
    let change = effect(c, facts, now, scratch);
    let counts = match kind {
        VocabKind::Finding => change.urgency > now.urgency,
        _ => change.urgency > now.urgency || !change.withholds.is_empty() || change.warns,
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
        urgency: change.urgency.max(now.urgency),
        withholds: change
            .withholds
            .iter()
            .filter_map(|p| c.suggestions.at(*p).map(|s| &s.id))
            .collect(),
    })
}

/// Fills `scratch.added` (the id, and for a finding the context it implies that the
/// profile lacks) and `scratch.cautions` (the cautions of shown suggestions that mention
/// one of them).
fn prepare(c: &Compiled, now: &Now<'_>, scratch: &mut Scratch, kind: VocabKind, id: u32) {
    scratch.added.clear();
    scratch.added.push((kind, id));
    if kind == VocabKind::Finding {
        let implied = c.vocab.implied(id).iter();
        scratch
            .added
            .extend(implied.map(|context| (VocabKind::Context, *context)));
    }
    scratch.cautions.clear();
    for (k, i) in &scratch.added {
        let mentioning = c.links.cautions_mentioning(*k, *i).iter();
        scratch
            .cautions
            .extend(mentioning.filter(|(s, _)| now.shown(*s)));
    }
    if scratch.added.len() > 1 {
        scratch.cautions.sort_unstable();
        scratch.cautions.dedup();
    }
}

/// What a yes to one question would change.
struct Change {
    urgency: Urgency,
    /// Positions of shown suggestions it would withhold, in rank order.
    withholds: Vec<u32>,
    warns: bool,
}

/// What changes if the ids in `scratch.added` were present, everything else unchanged.
///
/// Only red flags and cautions that mention an added id can change, so only they are
/// checked: a red flag that alone fires on an added id needs no evaluation, one that had
/// fired keeps its urgency (a `not` cannot make a flag that mentions nothing added stop),
/// and a shown suggestion can only be withheld by a newly firing red flag or a caution that
/// mentions an added id.
fn effect(c: &Compiled, facts: &mut Facts, now: &Now<'_>, scratch: &mut Scratch) -> Change {
    let warned_before = warnings(c, facts, &scratch.cautions);
    let lengths = (
        facts.findings.len(),
        facts.context.len(),
        facts.implied.len(),
    );
    add(facts, &scratch.added);
    scratch.flags.clear();
    for (k, i) in &scratch.added {
        scratch.flags.extend_from_slice(c.links.mentioning(*k, *i));
    }
    // Red flags that newly fire.
    scratch.holding.clear();
    let mut urgency = now.urgency;
    for &p in &scratch.flags {
        let Some(flag) = c.red_flags.at(p) else {
            continue;
        };
        if now.fired(p) || scratch.holding.contains(&p) {
            continue;
        }
        let sufficient = c.links.sufficient.get(p as usize);
        let fires = sufficient.is_some_and(|s| scratch.added.iter().any(|a| s.contains(a)))
            || holds(&flag.when, facts);
        if fires {
            urgency = urgency.max(flag.urgency);
            scratch.holding.push(p);
        }
    }
    let withholds = withheld_if(c, facts, now, scratch);
    let warns = warnings(c, facts, &scratch.cautions) > warned_before;
    facts.findings.truncate(lengths.0);
    facts.context.truncate(lengths.1);
    facts.implied.truncate(lengths.2);
    Change {
        urgency,
        withholds,
        warns,
    }
}

/// Adds the ids to the facts; a context added beside a finding is implied by it.
fn add(facts: &mut Facts, added: &[(VocabKind, u32)]) {
    let finding = added
        .iter()
        .find(|(k, _)| *k == VocabKind::Finding)
        .map(|(_, f)| *f);
    for &(kind, id) in added {
        match (kind, finding) {
            (VocabKind::Finding, _) => facts.findings.push(id),
            (_, Some(f)) => {
                if !facts.context.contains(&id) {
                    facts.context.push(id);
                    facts.implied.push((id, f));
                }
            }
            (_, None) => facts.context.push(id),
        }
    }
}

/// The shown suggestions (positions, in rank order) that a newly firing red flag
/// (`scratch.holding`) or a withholding caution in `scratch.cautions` would withhold.
fn withheld_if(c: &Compiled, facts: &Facts, now: &Now<'_>, scratch: &Scratch) -> Vec<u32> {
    let mut out = Vec::new();
    let flags = || scratch.holding.iter().filter_map(|p| c.red_flags.at(*p));
    for &position in now.shown {
        let Some(s) = c.suggestions.at(position) else {
            continue;
        };
        let by_flag = || flags().any(|f| f.withholds.covers(position, s.category));
        let by_caution = || {
            scratch
                .cautions
                .iter()
                .filter(|(p, _)| *p == position)
                .filter_map(|(_, k)| s.cautions.get(*k as usize))
                .any(|k| k.withhold && k.when.as_ref().is_some_and(|w| holds(w, facts)))
        };
        if by_flag() || by_caution() {
            out.push(position);
        }
    }
    out
}

/// How many of the warning `cautions` apply.
fn warnings(c: &Compiled, facts: &Facts, cautions: &[(u32, u32)]) -> usize {
    cautions
        .iter()
        .filter_map(|(s, k)| c.suggestions.at(*s)?.cautions.get(*k as usize))
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
    flags.sort_unstable_by(|a, b| b.urgency.cmp(&a.urgency).then_with(|| a.id.cmp(&b.id)));
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
