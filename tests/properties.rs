//! Property tests for the safety rules, over profiles drawn from the built-in vocabulary.

#![cfg(test)]

use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use soothe::{Engine, Onset, Plan, Profile, QuestionKind, Symptom, Trend, Urgency, VocabKind};

fn engine() -> &'static Engine {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    ENGINE.get_or_init(|| Engine::builtin().unwrap())
}

fn ids(kind: VocabKind) -> Vec<String> {
    engine().vocabulary().ids(kind).map(str::to_owned).collect()
}

fn symptom() -> impl Strategy<Value = Symptom> {
    (
        (
            select(ids(VocabKind::Kind)),
            select(ids(VocabKind::Location)),
            proptest::option::of(select(ids(VocabKind::Timing))),
            proptest::option::of(0u8..=10),
        ),
        (
            proptest::option::of(select(vec![Onset::Sudden, Onset::Gradual])),
            proptest::option::of(select(vec![Trend::Better, Trend::Same, Trend::Worse])),
            proptest::option::of(0u16..=60),
            proptest::option::of(0u16..=14),
            proptest::option::of(0u16..=30),
        ),
    )
        .prop_map(
            |((kind, location, timing, severity), (onset, trend, weeks, episodes, minutes))| {
                let mut s = Symptom::new(kind, location);
                s.timing = timing;
                s.severity = severity;
                s.onset = onset;
                s.trend = trend;
                s.weeks = weeks;
                s.episodes_per_week = episodes;
                s.duration_minutes = minutes;
                s
            },
        )
}

fn subset(kind: VocabKind, max: usize) -> impl Strategy<Value = Vec<String>> {
    let all = ids(kind);
    let max = max.min(all.len());
    subsequence(all, 0..=max)
}

fn profile() -> impl Strategy<Value = Profile> {
    (
        proptest::collection::vec(symptom(), 0..4),
        subset(VocabKind::Trigger, 3),
        subset(VocabKind::Finding, 3),
        subset(VocabKind::Finding, 6),
        subset(VocabKind::Context, 3),
        (
            proptest::option::of(0u8..=100),
            proptest::option::of(0u16..=12),
        ),
    )
        .prop_map(
            |(symptoms, triggers, findings, absent, context, (age, care))| {
                let mut p = Profile::new();
                p.symptoms = symptoms;
                p.triggers = triggers;
                p.absent = absent
                    .into_iter()
                    .filter(|a| !findings.contains(a))
                    .collect();
                p.findings = findings;
                p.context = context;
                p.age = age;
                p.self_care_weeks = care;
                p
            },
        )
}

/// The ranking rule of docs/RULES.md, written out again: measures the evidence points
/// against last; then more rules that chose it; then better evidence; then a higher score;
/// then the id.
fn rank_key<'a>(
    s: &soothe::Suggested<'a>,
) -> (
    bool,
    std::cmp::Reverse<usize>,
    u8,
    std::cmp::Reverse<u32>,
    &'a str,
) {
    use soothe::{Direction, Grade};
    let tier = match (s.evidence.direction, s.evidence.grade) {
        (Direction::For, Grade::High | Grade::Moderate) => 0,
        (Direction::For, Grade::Low) => 1,
        (Direction::For, Grade::VeryLow) => 2,
        (Direction::For, _) => 3,
        (Direction::Mixed, _) => 4,
        _ => 5,
    };
    (
        s.evidence.direction == Direction::Against,
        std::cmp::Reverse(s.rules.len()),
        tier,
        std::cmp::Reverse(s.score),
        s.id.as_str(),
    )
}

/// `p` with `finding` reported present (and no longer denied).
fn present(p: &Profile, finding: &str) -> Profile {
    let mut p = p.clone();
    p.absent.retain(|a| a != finding);
    p.with_finding(finding)
}

fn suggestion_ids<'a>(plan: &Plan<'a>) -> Vec<&'a str> {
    plan.suggestions.iter().map(|s| s.id.as_str()).collect()
}

proptest! {
    #[test]
    fn evaluation_is_deterministic(p in profile()) {
        let engine = engine();
        let a = serde_json::to_string(&engine.evaluate(&p).unwrap()).unwrap();
        let b = serde_json::to_string(&engine.evaluate(&p).unwrap()).unwrap();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn the_order_of_a_profiles_lists_never_changes_the_plan(p in profile()) {
        let engine = engine();
        let mut reversed = p.clone();
        reversed.symptoms.reverse();
        reversed.triggers.reverse();
        reversed.findings.reverse();
        reversed.absent.reverse();
        reversed.context.reverse();
        let a = serde_json::to_string(&engine.evaluate(&p).unwrap()).unwrap();
        let b = serde_json::to_string(&engine.evaluate(&reversed).unwrap()).unwrap();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn see_clinician_exactly_when_urgency_is_above_none(p in profile()) {
        let plan = engine().evaluate(&p).unwrap();
        prop_assert_eq!(plan.see_clinician, plan.urgency > Urgency::None);
        prop_assert_eq!(plan.urgency, plan.reasons.iter().map(|r| r.urgency).max().unwrap_or(Urgency::None));
    }

    #[test]
    fn emergency_withholds_all_self_care(p in profile()) {
        let plan = engine().evaluate(&p).unwrap();
        if plan.urgency == Urgency::Emergency {
            prop_assert!(plan.suggestions.is_empty());
            prop_assert!(plan.withheld.is_empty());
        }
    }

    #[test]
    fn withheld_suggestions_are_never_shown(p in profile()) {
        let plan = engine().evaluate(&p).unwrap();
        let shown = suggestion_ids(&plan);
        for w in &plan.withheld {
            prop_assert!(!shown.contains(&w.id.as_str()));
        }
    }

    #[test]
    fn suggestions_are_ranked_and_unique(p in profile()) {
        let plan = engine().evaluate(&p).unwrap();
        for pair in plan.suggestions.windows(2) {
            let (a, b) = (rank_key(&pair[0]), rank_key(&pair[1]));
            prop_assert!(a < b, "{:?} before {:?}", a, b);
        }
        let mut shown = suggestion_ids(&plan);
        shown.sort_unstable();
        shown.dedup();
        prop_assert_eq!(shown.len(), plan.suggestions.len());
    }

    #[test]
    fn adding_a_finding_never_lowers_urgency(p in profile(), extra in select(ids(VocabKind::Finding))) {
        let engine = engine();
        let before = engine.evaluate(&p).unwrap();
        let after = engine.evaluate(&present(&p, &extra)).unwrap();
        prop_assert!(after.urgency >= before.urgency);
    }

    #[test]
    fn adding_context_never_adds_a_suggestion(p in profile(), extra in select(ids(VocabKind::Context))) {
        let engine = engine();
        let before = engine.evaluate(&p).unwrap();
        let after = engine.evaluate(&p.clone().with_context(extra)).unwrap();
        let before_ids = suggestion_ids(&before);
        for id in suggestion_ids(&after) {
            prop_assert!(before_ids.contains(&id), "{} appeared", id);
        }
    }

    #[test]
    fn json_round_trips(p in profile()) {
        let engine = engine();
        let plan = engine.evaluate(&p).unwrap();
        let back: serde_json::Value = serde_json::from_str(&serde_json::to_string(&plan).unwrap()).unwrap();
        prop_assert_eq!(back["urgency"].as_str(), Some(plan.urgency.as_str()));
        prop_assert_eq!(back["see_clinician"].as_bool(), Some(plan.see_clinician));
        let ids = |key: &str, field: &str| -> Vec<String> {
            back[key].as_array().unwrap().iter().map(|v| v[field].as_str().unwrap().to_owned()).collect()
        };
        prop_assert_eq!(ids("suggestions", "id"), suggestion_ids(&plan));
        prop_assert_eq!(ids("withheld", "id"), plan.withheld.iter().map(|w| w.id.to_string()).collect::<Vec<_>>());
        prop_assert_eq!(ids("reasons", "red_flag"), plan.reasons.iter().map(|r| r.red_flag.to_string()).collect::<Vec<_>>());
        let profile_back: Profile = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
        prop_assert_eq!(profile_back, p);
    }

    #[test]
    fn any_text_as_a_pack_is_ok_or_a_typed_error(text in ".{0,200}") {
        let _ = Engine::builder().add_pack_str("fuzz.toml", text).build();
    }

    #[test]
    fn any_text_as_a_toml_profile_is_ok_or_a_typed_error(text in ".{0,200}") {
        if let Ok(p) = Profile::from_toml("profile", &text) {
            let _ = engine().evaluate(&p);
        }
    }
}

// ------------------------------------------------------------------ generated packs

const BUILTIN: [(&str, &str); 7] = [
    ("vocabulary.toml", include_str!("../rules/vocabulary.toml")),
    ("sources.toml", include_str!("../rules/sources.toml")),
    (
        "suggestions.toml",
        include_str!("../rules/suggestions.toml"),
    ),
    ("cramps.toml", include_str!("../rules/cramps.toml")),
    (
        "trigger-points.toml",
        include_str!("../rules/trigger-points.toml"),
    ),
    (
        "stress-sleep.toml",
        include_str!("../rules/stress-sleep.toml"),
    ),
    ("red-flags.toml", include_str!("../rules/red-flags.toml")),
];

fn quoted(ids: &[String]) -> String {
    let items: Vec<String> = ids.iter().map(|id| format!("\"{id}\"")).collect();
    format!("[{}]", items.join(", "))
}

/// A random condition over the built-in vocabulary, as TOML.
fn condition() -> impl Strategy<Value = String> {
    prop_oneof![
        subset(VocabKind::Finding, 2)
            .prop_filter("non-empty", |v| !v.is_empty())
            .prop_map(|f| format!("{{ finding = {} }}", quoted(&f))),
        (
            select(ids(VocabKind::Kind)),
            select(ids(VocabKind::Location))
        )
            .prop_map(|(k, l)| format!("{{ kind = [\"{k}\"], location = [\"{l}\"] }}")),
        subset(VocabKind::Trigger, 2)
            .prop_filter("non-empty", |v| !v.is_empty())
            .prop_map(|t| format!("{{ trigger = {} }}", quoted(&t))),
        (0u8..=10).prop_map(|min| format!("{{ severity = {{ min = {min} }} }}")),
    ]
}

fn red_flag_ids() -> Vec<(String, Urgency)> {
    engine()
        .red_flags()
        .map(|f| (f.id().to_string(), f.urgency()))
        .collect()
}

/// The `withhold` and `interim` a replacement of red flag `id` must restate.
fn withholds_of(id: &str) -> String {
    let Some(flag) = engine().red_flag(id) else {
        return String::new();
    };
    let Some(interim) = flag.interim() else {
        return String::new();
    };
    let suggestions: Vec<String> = flag
        .withheld_suggestions()
        .iter()
        .map(|s| s.to_string())
        .collect();
    let categories: Vec<String> = flag
        .withheld_categories()
        .iter()
        .map(|c| c.to_string())
        .collect();
    format!(
        "withhold = {{ suggestions = {}, categories = {} }}\ninterim = \"{interim}\"\n",
        quoted(&suggestions),
        quoted(&categories)
    )
}

/// A valid pack that adds red flags and rules, raises built-in red flags, and disables rules.
fn extra_pack() -> impl Strategy<Value = String> {
    let urgency = select(vec![
        Urgency::Routine,
        Urgency::Soon,
        Urgency::Urgent,
        Urgency::Emergency,
    ]);
    let suggestion_ids: Vec<String> = engine().suggestions().map(|s| s.id().to_string()).collect();
    let rule_ids: Vec<String> = engine()
        .rules()
        .map(|r| r.id().as_str())
        .map(str::to_owned)
        .collect();
    (
        proptest::collection::vec((condition(), urgency.clone()), 0..3),
        proptest::collection::vec((select(red_flag_ids()), 0usize..4, condition()), 0..3),
        proptest::collection::vec((condition(), select(suggestion_ids), 1u32..=1000), 0..3),
        subsequence(rule_ids, 0..4),
    )
        .prop_map(|(flags, raised, rules, disabled)| {
            let mut pack = String::from("[pack]\nid = \"generated\"\nversion = \"1\"\nformat = 2\n");
            for (i, (when, urgency)) in flags.iter().enumerate() {
                pack += &format!(
                    "\n[[red_flag]]\nid = \"gen-flag-{i}\"\nurgency = \"{urgency}\"\nwhen = {when}\ntext = \"t\"\nsafety_net = \"s\"\nsources = [\"seeds\"]\n"
                );
            }
            let mut seen = Vec::new();
            for ((id, old), step, when) in raised {
                if seen.contains(&id) {
                    continue;
                }
                let higher: Vec<Urgency> = Urgency::ALL.iter().copied().filter(|u| *u >= old).collect();
                let urgency = higher[step % higher.len()];
                // A replacement repeats what the red flag tells the person, word for word.
                let text = engine().red_flag(&id).map(|f| f.text().to_owned()).unwrap_or_default();
                pack += &format!(
                    "\n[[red_flag]]\nid = \"{id}\"\nreplaces = true\nurgency = \"{urgency}\"\nwhen = {when}\ntext = {text:?}\nsafety_net = \"s\"\nsources = [\"seeds\"]\n{}",
                    withholds_of(&id)
                );
                seen.push(id);
            }
            for (i, (when, suggestion, weight)) in rules.iter().enumerate() {
                pack += &format!(
                    "\n[[rule]]\nid = \"gen-rule-{i}\"\nwhen = {when}\nsuggest = [{{ id = \"{suggestion}\", weight = {weight} }}]\n"
                );
            }
            if !disabled.is_empty() {
                pack += &format!("\n[disable]\nrules = {}\n", quoted(&disabled));
            }
            pack
        })
}

proptest! {
    #[test]
    fn reasons_only_grow_as_findings_are_added(p in profile(), extra in select(ids(VocabKind::Finding))) {
        let engine = engine();
        let before = engine.evaluate(&p).unwrap();
        let after = engine.evaluate(&present(&p, &extra)).unwrap();
        for reason in &before.reasons {
            prop_assert!(after.reasons.iter().any(|r| r.red_flag == reason.red_flag), "{} vanished", reason.red_flag);
        }
    }

    #[test]
    fn an_extra_valid_pack_never_lowers_urgency(pack in extra_pack(), p in profile()) {
        let builtin = engine();
        let extended = Engine::builder().add_pack_str("generated.toml", pack.clone()).build();
        prop_assert!(extended.is_ok(), "{:?}\n{}", extended.err(), pack);
        let extended = extended.unwrap();
        let before = builtin.evaluate(&p).unwrap();
        let after = extended.evaluate(&p).unwrap();
        prop_assert!(after.urgency >= before.urgency, "{} -> {}\n{}", before.urgency, after.urgency, pack);
        for reason in &before.reasons {
            prop_assert!(after.reasons.iter().any(|r| r.red_flag == reason.red_flag));
        }
    }

    #[test]
    fn mutated_builtin_packs_load_or_fail_cleanly(
        which in 0..BUILTIN.len(),
        ops in proptest::collection::vec((any::<bool>(), any::<usize>(), any::<usize>()), 1..4),
        p in profile(),
    ) {
        let mut packs: Vec<String> = BUILTIN.iter().map(|(_, text)| (*text).to_owned()).collect();
        let mut lines: Vec<String> = packs[which].lines().map(str::to_owned).collect();
        for (delete, i, j) in ops {
            if lines.is_empty() {
                break;
            }
            let (i, j) = (i % lines.len(), j % lines.len());
            if delete {
                lines.remove(i);
            } else if let (Some((ka, va)), Some((kb, vb))) = (lines[i].split_once('='), lines[j].split_once('=')) {
                let (a, b) = (format!("{ka}={vb}"), format!("{kb}={va}"));
                lines[i] = a;
                lines[j] = b;
            }
        }
        packs[which] = lines.join("\n");
        let mut builder = soothe::EngineBuilder::empty();
        for ((name, _), text) in BUILTIN.iter().zip(packs) {
            builder.add_pack_str(*name, text);
        }
        if let Ok(engine) = builder.build() {
            if let Ok(plan) = engine.evaluate(&p) {
                prop_assert_eq!(plan.see_clinician, plan.urgency > Urgency::None);
                if plan.urgency == Urgency::Emergency {
                    prop_assert!(plan.suggestions.is_empty());
                }
            }
        }
    }

    #[test]
    fn any_bytes_as_a_profile_are_ok_or_a_typed_error(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        if let Ok(p) = serde_json::from_slice::<Profile>(&bytes) {
            let _ = engine().evaluate(&p);
        }
        if let Ok(text) = std::str::from_utf8(&bytes) {
            if let Ok(p) = Profile::from_toml("profile", text) {
                let _ = engine().evaluate(&p);
            }
        }
    }

    #[test]
    fn any_bytes_as_a_pack_file_are_ok_or_a_typed_error(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let path = std::env::temp_dir().join(format!("soothe-prop-{}-{:?}.toml", std::process::id(), std::thread::current().id()));
        std::fs::write(&path, &bytes).unwrap();
        let result = Engine::builder().add_pack_file(&path).build();
        std::fs::remove_file(&path).unwrap();
        if std::str::from_utf8(&bytes).is_err() {
            let is_io = matches!(result.unwrap_err().kind(), soothe::ErrorKind::Io { .. });
            prop_assert!(is_io, "invalid UTF-8 is an Io error");
        }
    }

}

// The triage properties evaluate each profile many times: fewer cases keep `cargo test` quick.
proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn denying_an_unknown_finding_never_raises_urgency_or_adds_a_question(p in profile(), extra in select(ids(VocabKind::Finding))) {
        prop_assume!(!p.findings.contains(&extra) && !p.absent.contains(&extra));
        let engine = engine();
        let before = engine.evaluate(&p).unwrap();
        let after = engine.evaluate(&p.clone().with_absent(extra.clone())).unwrap();
        prop_assert!(after.urgency <= before.urgency);
        for q in &after.questions {
            prop_assert!(before.questions.iter().any(|b| b.id == q.id), "{} appeared", q.id);
        }
        prop_assert!(after.questions.iter().all(|q| q.id != extra.as_str()));
    }

    #[test]
    fn a_finding_question_tells_the_truth(p in profile()) {
        let engine = engine();
        let plan = engine.evaluate(&p).unwrap();
        for q in plan.questions.iter().filter(|q| q.kind == QuestionKind::Finding) {
            prop_assert!(q.urgency > plan.urgency, "{} would not raise the urgency", q.id);
            let yes = engine.evaluate(&p.clone().with_finding(q.id.as_str())).unwrap();
            prop_assert!(yes.urgency >= q.urgency, "{}: {} < {}", q.id, yes.urgency, q.urgency);
        }
        for q in plan.questions.iter().filter(|q| q.kind == QuestionKind::Context) {
            let yes = engine.evaluate(&p.clone().with_context(q.id.as_str())).unwrap();
            prop_assert!(yes.urgency >= q.urgency, "{}: {} < {}", q.id, yes.urgency, q.urgency);
            for id in &q.withholds {
                prop_assert!(yes.suggestions.iter().all(|s| s.id != *id), "{} still shown", id);
            }
        }
    }

    #[test]
    fn questions_are_ordered_unique_and_about_the_unknown(p in profile()) {
        let plan = engine().evaluate(&p).unwrap();
        let key = |q: &soothe::Question<'_>| (q.kind, std::cmp::Reverse(q.urgency), q.id.to_string());
        for pair in plan.questions.windows(2) {
            prop_assert!(key(&pair[0]) < key(&pair[1]), "{} before {}", pair[0].id, pair[1].id);
        }
        for q in &plan.questions {
            let id = q.id.as_str();
            prop_assert!(!p.findings.iter().any(|f| f == id) && !p.absent.iter().any(|a| a == id));
            prop_assert!(!p.context.iter().any(|c| c == id));
            prop_assert!(!q.text.is_empty());
        }
        let finding_left = plan.questions.iter().any(|q| q.kind == QuestionKind::Finding);
        prop_assert_eq!(plan.screened, !finding_left);
    }

    #[test]
    fn emergency_is_the_referral_alone(p in profile()) {
        let plan = engine().evaluate(&p).unwrap();
        if plan.urgency == Urgency::Emergency {
            prop_assert!(plan.questions.is_empty() && plan.safety_net.is_empty());
            prop_assert!(plan.suggestions.is_empty() && plan.withheld.is_empty());
            prop_assert!(plan.screened);
        } else if !p.symptoms.is_empty() || !plan.suggestions.is_empty() {
            prop_assert!(
                !plan.safety_net.is_empty(),
                "a plan with a symptom or with self-care says what to watch for"
            );
        }
    }

    #[test]
    fn a_red_flag_that_fired_withholds_what_it_lists(p in profile()) {
        let engine = engine();
        let plan = engine.evaluate(&p).unwrap();
        for reason in &plan.reasons {
            let flag = engine.red_flag(reason.red_flag).unwrap();
            for s in &plan.suggestions {
                let listed = flag.withheld_suggestions().iter().any(|w| w == s.id)
                    || flag.withheld_categories().contains(&s.category);
                prop_assert!(!listed, "{} shown though {} withholds it", s.id, reason.red_flag);
            }
        }
    }

    #[test]
    fn an_extra_valid_pack_never_removes_a_withhold(pack in extra_pack(), p in profile()) {
        let Ok(extended) = Engine::builder().add_pack_str("generated.toml", pack).build() else {
            return Ok(());
        };
        for flag in engine().red_flags() {
            let after = extended.red_flag(flag.id()).unwrap();
            for id in flag.withheld_suggestions() {
                prop_assert!(after.withheld_suggestions().contains(id));
            }
            for c in flag.withheld_categories() {
                prop_assert!(after.withheld_categories().contains(c));
            }
        }
        let (before, after) = (engine().evaluate(&p).unwrap(), extended.evaluate(&p).unwrap());
        for w in before.withheld.iter().filter(|w| w.because.kind == soothe::BecauseKind::RedFlag) {
            prop_assert!(after.suggestions.iter().all(|s| s.id != w.id), "{} came back", w.id);
        }
    }
}
