//! The plan as a person reads it: what to do now, the best self-care, what was left out for
//! safety, what to watch for, and the questions that would change the advice.

use soothe::{BecauseKind, Direction, Engine, Plan, Urgency, VocabKind};

const WIDTH: usize = 88;
/// How many suggestions the readable plan leads with.
pub const BEST: usize = 5;

/// Wraps `text`, indenting the first line by `first` spaces and the rest by `rest`.
fn wrap(out: &mut String, first: usize, rest: usize, text: &str) {
    let (first, rest) = (" ".repeat(first), " ".repeat(rest));
    let options = textwrap::Options::new(WIDTH)
        .initial_indent(&first)
        .subsequent_indent(&rest)
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    for line in textwrap::wrap(text, options) {
        out.push_str(&line);
        out.push('\n');
    }
}

/// The whole plan; `all` shows every suggestion rather than the best five.
pub fn plan(plan: &Plan<'_>, engine: &Engine, all: bool) -> String {
    let mut out = String::new();
    referral(&mut out, plan);
    if plan.urgency == Urgency::Emergency {
        wrap(
            &mut out,
            0,
            0,
            "Self-care suggestions are not shown: this needs emergency care first.",
        );
    } else {
        suggestions(&mut out, plan, engine, all);
        withheld(&mut out, plan, engine);
        safety_net(&mut out, plan);
        questions(&mut out, plan);
    }
    wrap(
        &mut out,
        0,
        0,
        "This is self-care information, not medical advice: it does not replace your clinician.",
    );
    out
}

fn referral(out: &mut String, plan: &Plan<'_>) {
    if !plan.see_clinician {
        return;
    }
    let heading = match plan.urgency {
        Urgency::Emergency => "EMERGENCY".to_owned(),
        other => format!("SEE A CLINICIAN ({})", other.as_str().to_uppercase()),
    };
    let line = format!("{heading}: {}.", capitalise(plan.urgency.advice()));
    wrap(out, 0, 0, &line);
    for reason in &plan.reasons {
        wrap(
            out,
            2,
            4,
            &format!("- [{}] {}", reason.urgency, reason.text),
        );
    }
    out.push('\n');
}

fn suggestions(out: &mut String, plan: &Plan<'_>, engine: &Engine, all: bool) {
    if plan.suggestions.is_empty() {
        if plan.withheld.is_empty() {
            wrap(
                out,
                0,
                0,
                "No self-care suggestions for this profile. Describe a symptom with --symptom KIND --location PLACE.",
            );
            out.push('\n');
        }
        return;
    }
    out.push_str("Self-care you can try, best fit and best evidence first:\n\n");
    let shown = if all { plan.suggestions.len() } else { BEST };
    for (n, s) in plan.suggestions.iter().take(shown).enumerate() {
        wrap(
            out,
            0,
            3,
            &format!("{}. {} [{}]", n + 1, s.title, s.category.label()),
        );
        if s.clinician_first {
            wrap(out, 3, 3, "Ask your clinician first.");
        }
        wrap(out, 3, 3, s.how_to);
        let evidence = format!(
            "Evidence: {}, {}. {}",
            s.evidence.grade.label(),
            direction(s.evidence.direction),
            s.evidence.note
        );
        wrap(out, 3, 3, &evidence);
        for id in &s.evidence.sources {
            let cited = match engine.source(id) {
                Some(source) => match source.link() {
                    Some(link) => format!("Source: {} {link}", source.citation),
                    None => format!("Source: {}", source.citation),
                },
                None => format!("Source: {id}"),
            };
            wrap(out, 3, 3, &cited);
        }
        for caution in &s.cautions {
            wrap(out, 3, 3, &format!("Caution: {caution}"));
        }
        out.push('\n');
    }
    let more = plan.suggestions.len().saturating_sub(shown);
    if more > 0 {
        let noun = if more == 1 {
            "suggestion"
        } else {
            "suggestions"
        };
        wrap(
            out,
            0,
            0,
            &format!("{more} more {noun}: run with --all to see them."),
        );
        out.push('\n');
    }
}

fn withheld(out: &mut String, plan: &Plan<'_>, engine: &Engine) {
    if plan.withheld.is_empty() {
        return;
    }
    out.push_str("Not suggested for you, for safety:\n");
    for w in &plan.withheld {
        let kind = match w.because.kind {
            BecauseKind::Context => Some(VocabKind::Context),
            BecauseKind::Finding => Some(VocabKind::Finding),
            _ => None,
        };
        let because = match (w.because.kind, kind) {
            (BecauseKind::RedFlag, _) => "until a clinician has seen you".to_owned(),
            (_, Some(kind)) => match engine.vocabulary().term(kind, w.because.id) {
                Some(term) => format!("because of: {}", term.label().to_lowercase()),
                None => format!("because of: {}", w.because.id),
            },
            _ => format!("because of: {}", w.because.id),
        };
        wrap(
            out,
            2,
            4,
            &format!("- {} ({because}): {}", w.title, w.caution),
        );
    }
    out.push('\n');
}

fn safety_net(out: &mut String, plan: &Plan<'_>) {
    if plan.safety_net.is_empty() {
        return;
    }
    out.push_str("What to watch for:\n");
    for line in &plan.safety_net {
        wrap(out, 2, 4, &format!("- {}", line.text));
    }
    out.push('\n');
}

fn questions(out: &mut String, plan: &Plan<'_>) {
    if plan.questions.is_empty() {
        return;
    }
    out.push_str("Questions that would change this advice:\n");
    for q in &plan.questions {
        let effect = if q.urgency > plan.urgency {
            format!(" (if yes: {})", q.urgency.advice())
        } else if !q.withholds.is_empty() {
            " (if yes: some self-care above is not safe for you)".to_owned()
        } else {
            " (if yes: there is a caution for you)".to_owned()
        };
        wrap(out, 2, 4, &format!("- {}{effect}", q.text));
    }
    out.push('\n');
}

fn direction(direction: Direction) -> &'static str {
    match direction {
        Direction::For => "points in favour",
        Direction::Mixed => "mixed",
        Direction::Against => "finds no meaningful benefit",
        _ => "unclear",
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
