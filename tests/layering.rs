//! Layering packs with the builder: strings, files, folders, replacement, disabling, and the
//! red-flag guarantees.

#![cfg(test)]

use soothe::{Engine, EngineBuilder, ErrorKind, Profile, Symptom, Urgency};

const HEAD: &str = "[pack]\nid = \"extra\"\nversion = \"1.0.0\"\nformat = 2\n";

fn with(body: &str) -> Result<Engine, soothe::Error> {
    Engine::builder()
        .add_pack_str("extra.toml", format!("{HEAD}{body}"))
        .build()
}

fn calf_cramp() -> Profile {
    Profile::new().with_symptom(Symptom::new("cramp", "calf"))
}

#[test]
fn builtin_packs_load_in_order() {
    let engine = Engine::builtin().unwrap();
    let ids: Vec<&str> = engine.packs().iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "soothe-vocabulary",
            "soothe-sources",
            "soothe-suggestions",
            "soothe-cramps",
            "soothe-trigger-points",
            "soothe-stress-sleep",
            "soothe-red-flags"
        ]
    );
}

#[test]
fn an_empty_builder_knows_no_vocabulary() {
    let engine = EngineBuilder::empty().build().unwrap();
    let err = engine.evaluate(&calf_cramp()).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::UnknownId { .. }));
    assert_eq!(
        engine.evaluate(&Profile::new()).unwrap().suggestions.len(),
        0
    );
}

#[test]
fn a_pack_adds_vocabulary_suggestions_and_rules() {
    let engine = with(
        r#"
[[vocabulary.location]]
id = "big_toe"
label = "big toe"

[[suggestion]]
id = "toe-stretch"
title = "Stretch the toes"
how_to = "Pull the toes up for 10 seconds."
category = "stretching"
evidence = { grade = "expert_opinion", direction = "for", note = "Clinic advice.", sources = ["seeds"] }

[[rule]]
id = "toe-cramps"
when = { kind = ["cramp"], location = ["big_toe"] }
suggest = [{ id = "toe-stretch", weight = 80 }, { id = "stretch-during-cramp", weight = 60 }]
"#,
    )
    .unwrap();
    let plan = engine
        .evaluate(&Profile::new().with_symptom(Symptom::new("cramp", "big_toe")))
        .unwrap();
    let ids: Vec<&str> = plan.suggestions.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["toe-stretch", "stretch-during-cramp"]);
    assert_eq!(plan.suggestions[0].rules, ["toe-cramps"]);
}

#[test]
fn replacing_a_suggestion_needs_the_marker_and_then_takes_effect() {
    let body = r#"
[[suggestion]]
id = "gentle-heat"
replaces = true
title = "Warmth, our way"
how_to = "A warm towel for 10 minutes."
category = "heat_cold"
evidence = { grade = "expert_opinion", direction = "for", note = "Clinic advice.", sources = ["seeds"] }

# A replacement repeats every caution, word for word, and may add more.
[[suggestion.caution]]
text = "Never fall asleep with a heat pad or hot-water bottle on your skin."

[[suggestion.caution]]
when = { context = ["reduced_sensation", "poor_circulation"] }
text = "If your skin is numb or your blood flow is poor, you may not feel a burn. Do not use heat packs unless a clinician says it is safe."

[[suggestion.caution]]
when = { finding = ["calf_swelling", "calf_redness_warmth", "thigh_swelling"] }
text = "A swollen, red or warm leg may hold a blood clot. Do not heat it until a clinician has checked it."

[[suggestion.caution]]
when = { context = ["broken_skin"] }
action = "warn"
text = "Keep heat packs off cuts and sores."

[[suggestion.caution]]
when = { context = ["pregnancy"] }
action = "warn"
text = "If you are pregnant, do not put heat on your bump, and keep baths warm, not hot."

[[suggestion.caution]]
when = { finding = ["trauma"] }
text = "After a fall or a knock, heat can make fresh swelling worse. Do not heat the area until a clinician has checked it."

[[suggestion.caution]]
when = { context = ["heart_condition"] }
action = "warn"
text = "With a heart condition, keep the towel warm, not hot."
"#;
    let engine = with(body).unwrap();
    let plan = engine.evaluate(&calf_cramp()).unwrap();
    let heat = plan
        .suggestions
        .iter()
        .find(|s| s.id.as_str() == "gentle-heat")
        .unwrap();
    assert_eq!(heat.title, "Warmth, our way");
    assert_eq!(engine.suggestion("gentle-heat").unwrap().pack(), "extra");

    let err = with(&body.replace("replaces = true\n", "")).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::ReplaceWithoutMarker { .. }));
}

#[test]
fn a_rule_can_be_disabled_and_replaced() {
    let engine = with("[disable]\nrules = [\"leg-cramps\"]\n").unwrap();
    assert!(
        engine
            .rules()
            .map(|r| r.id().as_str())
            .all(|id| id != "leg-cramps")
    );
    let plan = engine.evaluate(&calf_cramp()).unwrap();
    assert!(
        plan.suggestions
            .iter()
            .all(|s| s.id.as_str() != "stretch-during-cramp")
    );

    let engine = with(
        "[[rule]]\nid = \"leg-cramps\"\nreplaces = true\nwhen = { kind = [\"cramp\"] }\nsuggest = [{ id = \"hydration\", weight = 5 }]\n",
    )
    .unwrap();
    let plan = engine.evaluate(&calf_cramp()).unwrap();
    let hydration = plan
        .suggestions
        .iter()
        .find(|s| s.id.as_str() == "hydration")
        .unwrap();
    assert!(hydration.rules.iter().any(|r| *r == "leg-cramps"));
}

#[test]
fn disabling_an_unknown_rule_suggests_the_near_one() {
    let err = with("[disable]\nrules = [\"leg-cramp\"]\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "extra.toml:6:10: disable `leg-cramp`: unknown rule `leg-cramp`; did you mean `leg-cramps`?"
    );
}

#[test]
fn a_red_flag_can_be_raised_and_keeps_its_old_condition() {
    let builtin = Engine::builtin().unwrap();
    let flag = builtin.red_flag("possible-deep-vein-thrombosis").unwrap();
    // What the red flag tells the person is repeated word for word.
    let engine = with(&format!(
        r#"
[[red_flag]]
id = "possible-deep-vein-thrombosis"
replaces = true
urgency = "emergency"
when = {{ finding = ["calf_redness_warmth"] }}
text = {:?}
safety_net = "Call an ambulance if one calf turns red and warm."
withhold = {{ categories = ["massage", "stretching", "movement"], suggestions = ["gentle-heat", "cold-pack", "alternate-heat-cold", "epsom-salt-bath", "rest-break", "massage-therapy", "trigger-point-therapy", "manual-therapy", "physical-therapy", "acupuncture", "low-level-laser-therapy"] }}
interim = {:?}
sources = ["nice-cks-cramps"]
"#,
        flag.text(),
        flag.interim().unwrap()
    ))
    .unwrap();
    let raised = engine.red_flag("possible-deep-vein-thrombosis").unwrap();
    assert_eq!(raised.defined_by(), "soothe-red-flags");
    assert_eq!(raised.pack(), "extra");
    // The new condition names only redness, but swelling (the old condition) still fires.
    let plan = engine
        .evaluate(&calf_cramp().with_finding("calf_swelling"))
        .unwrap();
    assert_eq!(plan.urgency, Urgency::Emergency);
    assert!(plan.suggestions.is_empty());
}

#[test]
fn a_red_flag_cannot_be_redefined_without_the_marker() {
    let err = with(
        "[[red_flag]]\nid = \"trauma\"\nurgency = \"urgent\"\nwhen = { finding = [\"trauma\"] }\ntext = \"t\"\nsafety_net = \"s\"\nsources = [\"seeds\"]\n",
    )
    .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::ReplaceWithoutMarker { .. }),
        "{err}"
    );
}

#[test]
fn a_red_flag_cannot_be_disabled_through_the_red_flags_list() {
    let err = with("[disable]\nred_flags = [\"trauma\"]\n").unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::RedFlagDisabled { .. }));
}

#[test]
fn a_folder_loads_its_packs_in_name_order() {
    let dir = std::env::temp_dir().join(format!("soothe-layering-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // b.toml uses the location a.toml adds: this only works in name order.
    std::fs::write(
        dir.join("a.toml"),
        "[pack]\nid = 'a'\nversion = '1'\nformat = 2\n[[vocabulary.location]]\nid = 'big_toe'\nlabel = 'big toe'\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.toml"),
        "[pack]\nid = 'b'\nversion = '1'\nformat = 2\n[[rule]]\nid = 'toe'\nwhen = { location = ['big_toe'] }\nsuggest = [{ id = 'gentle-heat', weight = 10 }]\n",
    )
    .unwrap();
    std::fs::write(dir.join("notes.txt"), "not a pack").unwrap();
    let engine = Engine::builder().add_pack_dir(&dir).build();
    std::fs::remove_dir_all(&dir).unwrap();
    let engine = engine.unwrap();
    let ids: Vec<&str> = engine
        .packs()
        .iter()
        .rev()
        .take(2)
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids, ["b", "a"]);
}

#[test]
fn duplicate_pack_ids_are_refused() {
    let pack = "[pack]\nid = 'soothe-cramps'\nversion = '1'\nformat = 2\n";
    let err = Engine::builder()
        .add_pack_str("again.toml", pack)
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "again.toml:2:6: pack `soothe-cramps`: duplicate pack id `soothe-cramps` (first defined in rules/cramps.toml)"
    );
}

#[test]
fn a_withhold_caution_needs_a_condition() {
    let err = with(
        r#"
[[suggestion]]
id = "x"
title = "X"
how_to = "Do x."
category = "rest"
evidence = { grade = "low", direction = "for", note = "n", sources = ["seeds"] }
[[suggestion.caution]]
action = "withhold"
text = "never"
"#,
    )
    .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::InvalidValue { field, .. } if field == "action"),
        "{err}"
    );
}

#[test]
fn a_red_flag_with_urgency_none_is_refused() {
    let err = with(
        "[[red_flag]]\nid = \"calm\"\nurgency = \"none\"\nwhen = { finding = [\"fever\"] }\ntext = \"t\"\nsafety_net = \"s\"\nsources = [\"seeds\"]\n",
    )
    .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::InvalidValue { field, .. } if field == "urgency"));
}

#[test]
fn the_readme_pack_example_loads() {
    let readme = include_str!("../README.md");
    let start = readme.find("```toml\n").unwrap() + "```toml\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let engine = Engine::builder()
        .add_pack_str("README.md", &readme[start..end])
        .build()
        .unwrap();
    let plan = engine
        .evaluate(&Profile::new().with_symptom(Symptom::new("cramp", "big_toe")))
        .unwrap();
    assert_eq!(plan.suggestions[0].id.as_str(), "toe-stretch");
}

#[test]
fn a_replacement_cannot_drop_a_withholding_caution() {
    let err = with(
        r#"
[[suggestion]]
id = "self-massage"
replaces = true
title = "Massage hard"
how_to = "Press hard."
category = "massage"
evidence = { grade = "low", direction = "for", note = "n", sources = ["seeds"] }

[[suggestion.caution]]
when = { finding = ["calf_swelling", "calf_redness_warmth"] }
text = "Not on a swollen calf."
"#,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "extra.toml:7:6: suggestion `self-massage`: suggestion `self-massage` replaces the one from pack `soothe-suggestions` but drops the caution \"Never massage a swollen, red or warm leg. It may hold a blood clot, and massage could move it.\"; a replacement keeps its category and every caution word for word, and may add more"
    );
}

#[test]
fn a_replacement_cannot_drop_clinician_first() {
    let err = with(
        r#"
[[suggestion]]
id = "cbt-for-pain"
replaces = true
title = "Talking therapy on your own"
how_to = "Find a course."
category = "professional_therapy"
evidence = { grade = "low", direction = "for", note = "n", sources = ["seeds"] }
"#,
    )
    .unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::SuggestionWeakened {
                dropped: soothe::Dropped::ClinicianFirst,
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn each_limit_refuses_input_just_over_it() {
    use soothe::Limits;
    let limits = Limits {
        max_pack_bytes: 400,
        max_items: 3,
        max_depth: 2,
        max_string_bytes: 20,
        max_symptoms: 2,
        max_list_items: 2,
        max_profile_bytes: 8,
        max_replacements: 1,
    };
    // Limits bound the packs a host adds; the built-in packs are trusted and exempt.
    let build = |body: &str| {
        Engine::builder()
            .limits(limits)
            .add_pack_str("x.toml", format!("{HEAD}{body}"))
            .build()
    };
    let message = |body: &str| build(body).unwrap_err().to_string();

    let big = format!("# {}\n", "x".repeat(400 - HEAD.len() - 2));
    assert_eq!(big.len() + HEAD.len(), 401);
    assert_eq!(
        message(&big),
        "x.toml: pack size in bytes is 401, over the limit of 400"
    );
    assert!(
        build(&big.replacen('x', "", 1)).is_ok(),
        "exactly at the limit loads"
    );

    assert_eq!(
        message(
            "[[vocabulary.location]]\nid = 'a'\nlabel = 'a'\n[[vocabulary.location]]\nid = 'b'\nlabel = 'b'\n[[vocabulary.location]]\nid = 'c'\nlabel = 'c'\n[[vocabulary.location]]\nid = 'd'\nlabel = 'd'\n"
        ),
        "x.toml:1:1: number of items in the pack is 4, over the limit of 3"
    );
    assert!(build("[[vocabulary.location]]\nid = 'a'\nlabel = 'a'\n[[vocabulary.location]]\nid = 'b'\nlabel = 'b'\n[[vocabulary.location]]\nid = 'c'\nlabel = 'c'\n").is_ok());

    assert_eq!(
        message(
            "[[vocabulary.location]]\nid = 'a_very_long_location_id'\nlabel = 'a very long location id'\n"
        ),
        "x.toml:6:6: vocabulary `a_very_long_location_id`: location id length in bytes is 23, over the limit of 20"
    );

    let rule = |when: &str| {
        format!(
            "[[rule]]\nid = 'r'\nwhen = {when}\nsuggest = [{{ id = 'hydration', weight = 1 }}]\n"
        )
    };
    assert!(build(&rule("{ not = { trigger = ['cold'] } }")).is_ok());
    assert_eq!(
        message(&rule("{ not = { not = { trigger = ['cold'] } } }")),
        "x.toml:7:24: rule `r`: condition nested deeper than 2 levels"
    );

    let engine = build("").unwrap();
    let cramp = || Symptom::new("cramp", "calf");
    let three = Profile::new()
        .with_symptom(cramp())
        .with_symptom(cramp())
        .with_symptom(cramp());
    assert_eq!(
        engine.evaluate(&three).unwrap_err().to_string(),
        "profile: symptoms: number of symptoms is 3, over the limit of 2"
    );
    let triggers = Profile::new()
        .with_trigger("cold")
        .with_trigger("cold")
        .with_trigger("cold");
    assert_eq!(
        engine.evaluate(&triggers).unwrap_err().to_string(),
        "profile: triggers: number of triggers is 3, over the limit of 2"
    );
    let long = Profile::new().with_context("x".repeat(21));
    assert_eq!(
        engine.evaluate(&long).unwrap_err().to_string(),
        "profile: context[0]: id length in bytes is 21, over the limit of 20"
    );
}

#[test]
fn default_limits_are_documented_values() {
    let limits = soothe::Limits::default();
    assert_eq!(
        (
            limits.max_pack_bytes,
            limits.max_items,
            limits.max_depth,
            limits.max_string_bytes,
            limits.max_symptoms,
            limits.max_list_items
        ),
        (4 * 1024 * 1024, 50_000, 32, 4096, 32, 256)
    );
}
