//! Every one-symptom profile (each kind at each location, with and without each timing), alone
//! and with each trigger, on the built-in packs: no suggestion a red flag that fired
//! withholds is shown; the readable plan leads with at most five suggestions; and every
//! finding and context question of the vocabulary is asked by some profile.

#![cfg(test)]

#[path = "../examples/support/render.rs"]
mod render;

use std::collections::BTreeSet;

use soothe::{Engine, Profile, Symptom, VocabKind};

fn profiles(engine: &Engine) -> Vec<Profile> {
    let v = engine.vocabulary();
    let triggers: Vec<Option<&str>> = std::iter::once(None)
        .chain(v.ids(VocabKind::Trigger).map(Some))
        .collect();
    let timings: Vec<Option<&str>> = std::iter::once(None)
        .chain(v.ids(VocabKind::Timing).map(Some))
        .collect();
    let mut out = Vec::new();
    for kind in v.ids(VocabKind::Kind) {
        for location in v.ids(VocabKind::Location) {
            for timing in &timings {
                for trigger in &triggers {
                    let mut symptom = Symptom::new(kind, location);
                    symptom.timing = timing.map(str::to_owned);
                    let mut profile = Profile::new().with_symptom(symptom);
                    profile.triggers.extend(trigger.map(str::to_owned));
                    out.push(profile);
                }
            }
        }
    }
    out
}

#[test]
fn one_symptom_profiles_keep_the_promises() {
    let engine = Engine::builtin().unwrap();
    let profiles = profiles(&engine);
    assert!(profiles.len() > 2_000, "{}", profiles.len());
    let mut asked = BTreeSet::new();
    for profile in &profiles {
        let plan = engine.evaluate(profile).unwrap();
        for reason in &plan.reasons {
            let flag = engine.red_flag(reason.red_flag).unwrap();
            for s in &plan.suggestions {
                let withheld = flag.withheld_suggestions().iter().any(|w| w == s.id)
                    || flag.withheld_categories().contains(&s.category);
                assert!(
                    !withheld,
                    "{profile:?}: {} shown though {} withholds it",
                    s.id, reason.red_flag
                );
            }
        }
        let text = render::plan(&plan, &engine, false);
        let leading = (1..=plan.suggestions.len())
            .filter(|n| text.contains(&format!("\n{n}. ")) || text.starts_with(&format!("{n}. ")))
            .count();
        assert!(leading <= render::BEST, "{profile:?}: {leading} lead");
        if plan.suggestions.len() > render::BEST {
            let more = plan.suggestions.len() - render::BEST;
            assert!(text.contains(&format!("{more} more suggestion")), "{text}");
        }
        asked.extend(plan.questions.iter().map(|q| q.id.to_string()));
    }
    for kind in [VocabKind::Finding, VocabKind::Context] {
        for id in engine.vocabulary().ids(kind) {
            assert!(
                asked.contains(id),
                "no one-symptom profile asks about {kind} `{id}`"
            );
        }
    }
}
