//! Property tests for the safety rules, over profiles drawn from the built-in vocabulary.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use soothe::{Engine, Plan, Profile, Symptom, Urgency, VocabKind};

fn engine() -> Engine {
    Engine::builtin().unwrap()
}

fn ids(kind: VocabKind) -> Vec<String> {
    engine().vocabulary().ids(kind).map(str::to_owned).collect()
}

fn symptom() -> impl Strategy<Value = Symptom> {
    (
        select(ids(VocabKind::Kind)),
        select(ids(VocabKind::Location)),
        proptest::option::of(select(ids(VocabKind::Timing))),
        proptest::option::of(0u8..=10),
    )
        .prop_map(|(kind, location, timing, severity)| {
            let mut s = Symptom::new(kind, location);
            s.timing = timing;
            s.severity = severity;
            s
        })
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
        subset(VocabKind::Context, 3),
    )
        .prop_map(|(symptoms, triggers, findings, context)| {
            let mut p = Profile::new();
            p.symptoms = symptoms;
            p.triggers = triggers;
            p.findings = findings;
            p.context = context;
            p
        })
}

fn suggestion_ids(plan: &Plan) -> Vec<&str> {
    plan.suggestions.iter().map(|s| &*s.id).collect()
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
            prop_assert!(!shown.contains(&&*w.id));
        }
    }

    #[test]
    fn suggestions_are_ranked_and_unique(p in profile()) {
        let plan = engine().evaluate(&p).unwrap();
        for pair in plan.suggestions.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            prop_assert!(a.score > b.score || (a.score == b.score && a.id < b.id));
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
        let after = engine.evaluate(&p.clone().with_finding(extra)).unwrap();
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
        let back: Plan = serde_json::from_str(&serde_json::to_string(&plan).unwrap()).unwrap();
        prop_assert_eq!(back, plan);
        let profile_back: Profile = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
        prop_assert_eq!(profile_back, p);
    }

    #[test]
    fn any_text_as_a_pack_is_ok_or_a_typed_error(text in ".{0,200}") {
        let _ = Engine::builder().add_pack_str("fuzz.toml", text).build();
    }

    #[test]
    fn any_text_as_a_toml_profile_is_ok_or_a_typed_error(text in ".{0,200}") {
        if let Ok(p) = Profile::from_toml(&text) {
            let _ = engine().evaluate(&p);
        }
    }
}
