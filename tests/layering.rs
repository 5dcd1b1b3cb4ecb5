//! Layering packs with the builder: strings, files, folders, replacement, disabling, and the
//! red-flag guarantees.

use soothe::{Engine, EngineBuilder, ErrorKind, Profile, Symptom, Urgency};

const HEAD: &str = "[pack]\nid = \"extra\"\nversion = \"1.0.0\"\nformat = 1\n";

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
    let ids: Vec<&str> = engine.packs().iter().map(|p| &*p.id).collect();
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
    let engine = EngineBuilder::new().build().unwrap();
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
[vocabulary]
location = ["big_toe"]

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
    let ids: Vec<&str> = plan.suggestions.iter().map(|s| &*s.id).collect();
    assert_eq!(ids, ["toe-stretch", "stretch-during-cramp"]);
    assert_eq!(
        plan.suggestions[0].because,
        [std::sync::Arc::from("rule: toe-cramps")]
    );
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
"#;
    let engine = with(body).unwrap();
    let plan = engine.evaluate(&calf_cramp()).unwrap();
    let heat = plan
        .suggestions
        .iter()
        .find(|s| &*s.id == "gentle-heat")
        .unwrap();
    assert_eq!(&*heat.title, "Warmth, our way");
    assert_eq!(engine.suggestion("gentle-heat").unwrap().pack(), "extra");

    let err = with(&body.replace("replaces = true\n", "")).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::ReplaceWithoutMarker { .. }));
}

#[test]
fn a_rule_can_be_disabled_and_replaced() {
    let engine = with("[disable]\nrules = [\"leg-cramps\"]\n").unwrap();
    assert!(engine.rule_ids().all(|id| id != "leg-cramps"));
    let plan = engine.evaluate(&calf_cramp()).unwrap();
    assert!(
        plan.suggestions
            .iter()
            .all(|s| &*s.id != "stretch-during-cramp")
    );

    let engine = with(
        "[[rule]]\nid = \"leg-cramps\"\nreplaces = true\nwhen = { kind = [\"cramp\"] }\nsuggest = [{ id = \"hydration\", weight = 5 }]\n",
    )
    .unwrap();
    let plan = engine.evaluate(&calf_cramp()).unwrap();
    let hydration = plan
        .suggestions
        .iter()
        .find(|s| &*s.id == "hydration")
        .unwrap();
    assert!(hydration.because.iter().any(|b| &**b == "rule: leg-cramps"));
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
    let engine = with(
        r#"
[[red_flag]]
id = "possible-deep-vein-thrombosis"
replaces = true
urgency = "emergency"
when = { finding = ["calf_redness_warmth"] }
text = "Our clinic treats this as an emergency."
sources = ["nice-cks-cramps"]
"#,
    )
    .unwrap();
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
        "[[red_flag]]\nid = \"trauma\"\nurgency = \"urgent\"\nwhen = { finding = [\"trauma\"] }\ntext = \"t\"\nsources = [\"seeds\"]\n",
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
        "[pack]\nid = 'a'\nversion = '1'\nformat = 1\n[vocabulary]\nlocation = ['big_toe']\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.toml"),
        "[pack]\nid = 'b'\nversion = '1'\nformat = 1\n[[rule]]\nid = 'toe'\nwhen = { location = ['big_toe'] }\nsuggest = [{ id = 'gentle-heat', weight = 10 }]\n",
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
        .map(|p| &*p.id)
        .collect();
    assert_eq!(ids, ["b", "a"]);
}

#[test]
fn duplicate_pack_ids_are_refused() {
    let pack = "[pack]\nid = 'soothe-cramps'\nversion = '1'\nformat = 1\n";
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
        "[[red_flag]]\nid = \"calm\"\nurgency = \"none\"\nwhen = { finding = [\"fever\"] }\ntext = \"t\"\nsources = [\"seeds\"]\n",
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
    assert_eq!(&*plan.suggestions[0].id, "toe-stretch");
}
