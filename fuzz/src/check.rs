#![allow(dead_code)] // each fuzz target uses one of these

//! What the fuzz targets do with their input, shared with `tests/fuzz_regressions.rs` so that
//! every input the fuzzers found is replayed by `cargo test`.
//!
//! Each function must never panic except through the `assert!`s on the safety rules.

use soothe::{Engine, EngineBuilder, Plan, Profile, Symptom, Urgency};

/// The safety rules every plan must keep.
pub fn check_plan(plan: &Plan) {
    // No shown suggestion names a medicine, in any text a person reads with it.
    for s in &plan.suggestions {
        let texts = [s.id.as_str(), s.title, s.how_to, s.evidence.note.as_str()];
        for text in texts.into_iter().chain(s.cautions.iter().copied()) {
            assert_eq!(
                soothe::medicine_named(text),
                None,
                "suggestion `{}` names a medicine: {text:?}",
                s.id
            );
        }
    }
    assert_eq!(plan.see_clinician, plan.urgency > Urgency::None);
    assert_eq!(
        plan.urgency,
        plan.reasons
            .iter()
            .map(|r| r.urgency)
            .max()
            .unwrap_or(Urgency::None)
    );
    if plan.urgency == Urgency::Emergency {
        assert!(plan.suggestions.is_empty() && plan.withheld.is_empty());
    }
    for w in &plan.withheld {
        assert!(plan.suggestions.iter().all(|s| s.id != w.id));
    }
}

/// A few profiles to evaluate on any engine that loads.
fn probes() -> Vec<Profile> {
    vec![
        Profile::new(),
        Profile::new().with_symptom(
            Symptom::new("cramp", "calf")
                .timing("nocturnal")
                .severity(6),
        ),
        Profile::new()
            .with_symptom(Symptom::new("trigger_point", "neck"))
            .with_trigger("stress")
            .with_finding("calf_swelling")
            .with_context("kidney_disease"),
    ]
}

fn evaluate_all(engine: &Engine, profiles: &[Profile]) {
    for profile in profiles {
        if let Ok(plan) = engine.evaluate(profile) {
            check_plan(&plan);
            assert_eq!(
                engine.evaluate(profile).ok(),
                Some(plan),
                "evaluation is deterministic"
            );
        }
    }
}

/// Any bytes as a pack on its own.
pub fn pack_text(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    if let Ok(engine) = EngineBuilder::empty()
        .add_pack_str("fuzz.toml", text)
        .build()
    {
        // One pack: every red flag is its own, word for word.
        for flag in engine.red_flags() {
            assert_eq!(flag.defined_by(), flag.pack());
        }
        evaluate_all(&engine, &probes());
    }
}

/// Any bytes as a JSON profile, on the built-in engine.
pub fn profile_json(data: &[u8]) {
    let Ok(engine) = Engine::builtin() else {
        panic!("the built-in packs must load");
    };
    if let Ok(profile) = serde_json::from_slice::<Profile>(data) {
        evaluate_all(&engine, &[profile]);
    }
}

/// A pack and a JSON profile, split at the first NUL byte, on top of the built-in packs.
/// Whatever the pack says, it must not lower the urgency the built-in engine gives.
pub fn pack_and_profile(data: &[u8]) {
    let split = data.iter().position(|b| *b == 0).unwrap_or(data.len());
    let (pack, profile) = data.split_at(split);
    let profile = profile.get(1..).unwrap_or_default();
    let Ok(builtin) = Engine::builtin() else {
        panic!("the built-in packs must load");
    };
    let text = String::from_utf8_lossy(pack).into_owned();
    let Ok(engine) = Engine::builder().add_pack_str("fuzz.toml", text).build() else {
        return;
    };
    let mut profiles = probes();
    if let Ok(p) = serde_json::from_slice::<Profile>(profile) {
        profiles.push(p);
    }
    evaluate_all(&engine, &profiles);
    same_red_flag_words(&builtin, &engine);
    for p in &profiles {
        if let (Ok(before), Ok(after)) = (builtin.evaluate(p), engine.evaluate(p)) {
            assert!(
                after.urgency >= before.urgency,
                "a pack lowered the urgency"
            );
        }
    }
}

/// No red flag's words differ from those of the pack that defined it first: whatever a later
/// pack does to a built-in red flag, its text (and its interim advice, once it has one) stay
/// the built-in pack's.
pub fn same_red_flag_words(builtin: &Engine, engine: &Engine) {
    for first in builtin.red_flags() {
        let Some(now) = engine.red_flag(first.id()) else {
            panic!("red flag `{}` vanished", first.id());
        };
        assert_eq!(
            now.text(),
            first.text(),
            "red flag `{}` reworded",
            first.id()
        );
        assert_eq!(now.defined_by(), first.defined_by());
        if first.interim().is_some() {
            assert_eq!(
                now.interim(),
                first.interim(),
                "interim of `{}` reworded",
                first.id()
            );
        }
        assert!(
            now.urgency() >= first.urgency(),
            "red flag `{}` lowered",
            first.id()
        );
    }
}
