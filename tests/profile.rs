//! The profile's serde forms (JSON and TOML) and the builder.

#![cfg(test)]

use soothe::{Onset, Profile, Symptom, Trend};

#[test]
fn the_design_json_shape_parses() {
    let json = r#"{
        "symptoms": [{"kind": "cramp", "location": "calf", "timing": "nocturnal", "severity": 6}],
        "triggers": ["stress"],
        "findings": ["numbness"],
        "context": ["kidney_disease"]
    }"#;
    let profile: Profile = serde_json::from_str(json).unwrap();
    let built = Profile::new()
        .with_symptom(
            Symptom::new("cramp", "calf")
                .timing("nocturnal")
                .severity(6),
        )
        .with_trigger("stress")
        .with_finding("numbness")
        .with_context("kidney_disease");
    assert_eq!(profile.symptoms, built.symptoms);
    assert_eq!(
        (profile.triggers, profile.findings, profile.context),
        (built.triggers, built.findings, built.context)
    );
}

#[test]
fn optional_fields_may_be_left_out_and_are_not_written() {
    let profile: Profile =
        serde_json::from_str(r#"{"symptoms": [{"kind": "spasm", "location": "neck"}]}"#).unwrap();
    assert_eq!(profile.symptoms[0].timing, None);
    let json = serde_json::to_string(&profile).unwrap();
    assert_eq!(
        json,
        r#"{"symptoms":[{"kind":"spasm","location":"neck"}],"triggers":[],"findings":[],"absent":[],"context":[]}"#
    );
}

#[test]
fn unknown_fields_are_errors_not_ignored() {
    assert!(serde_json::from_str::<Profile>(r#"{"symptom": []}"#).is_err());
    assert!(
        serde_json::from_str::<Profile>(
            r#"{"symptoms": [{"kind": "cramp", "location": "calf", "side": "left"}]}"#
        )
        .is_err()
    );
    assert!(
        Profile::from_toml(
            "profile",
            "[[symptoms]]\nkind = 'cramp'\nlocation = 'calf'\nside = 'left'\n"
        )
        .is_err()
    );
}

#[test]
fn a_symptom_needs_kind_and_location() {
    assert!(serde_json::from_str::<Profile>(r#"{"symptoms": [{"kind": "cramp"}]}"#).is_err());
    let err = Profile::from_toml("profile", "[[symptoms]]\nkind = 'cramp'\n").unwrap_err();
    assert!(err.to_string().contains("location"), "{err}");
}

#[test]
fn severity_beyond_a_byte_is_a_parse_error() {
    assert!(
        serde_json::from_str::<Profile>(
            r#"{"symptoms": [{"kind": "cramp", "location": "calf", "severity": 300}]}"#
        )
        .is_err()
    );
    assert!(
        serde_json::from_str::<Profile>(
            r#"{"symptoms": [{"kind": "cramp", "location": "calf", "severity": -1}]}"#
        )
        .is_err()
    );
}

#[test]
fn toml_and_json_forms_agree() {
    let toml = Profile::from_toml("profile", include_str!("data/profiles/neck.toml")).unwrap();
    let json: Profile = serde_json::from_str(
        r#"{"triggers": ["poor_posture"], "symptoms": [{"kind": "trigger_point", "location": "neck", "severity": 5}]}"#,
    )
    .unwrap();
    assert_eq!(toml, json);
}

#[test]
fn the_v2_shape_parses_and_round_trips() {
    let json = r#"{
        "age": 54,
        "symptoms": [
            {"kind": "cramp", "location": "calf", "timing": "nocturnal", "severity": 6,
             "onset": "gradual", "weeks": 3, "episodes_per_week": 5, "duration_minutes": 4,
             "trend": "same"}
        ],
        "triggers": ["stress"],
        "findings": ["numbness"],
        "absent": ["calf_swelling", "chest_pain"],
        "context": ["kidney_disease"],
        "self_care_weeks": 2
    }"#;
    let profile: Profile = serde_json::from_str(json).unwrap();
    let built = Profile::new()
        .with_age(54)
        .with_symptom(
            Symptom::new("cramp", "calf")
                .timing("nocturnal")
                .severity(6)
                .onset(Onset::Gradual)
                .weeks(3)
                .episodes_per_week(5)
                .duration_minutes(4)
                .trend(Trend::Same),
        )
        .with_trigger("stress")
        .with_finding("numbness")
        .with_absent("calf_swelling")
        .with_absent("chest_pain")
        .with_context("kidney_disease")
        .with_self_care_weeks(2);
    assert_eq!(profile, built);
    let back: Profile = serde_json::from_str(&serde_json::to_string(&profile).unwrap()).unwrap();
    assert_eq!(back, profile);
}

#[test]
fn null_means_not_given() {
    let profile: Profile =
        serde_json::from_str(r#"{"age": null, "symptoms": null, "findings": null}"#).unwrap();
    assert_eq!(profile, Profile::new());
}

#[test]
fn only_an_object_is_a_profile() {
    for text in [
        "[]",
        r#"[[["cramp","calf"]],[],["numbness"]]"#,
        "3",
        "\"cramp\"",
        "null",
        "true",
    ] {
        let err = serde_json::from_str::<Profile>(text)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("expected a profile: an object with keys such as `symptoms`, found"),
            "{text}: {err}"
        );
    }
    assert!(serde_json::from_str::<Profile>(r#"{"symptoms": [["cramp", "calf"]]}"#).is_err());
}

#[test]
fn errors_name_the_field_path() {
    let cases = [
        (r#"{"age": -1}"#, "age: age -1 is out of range 0 to 130"),
        (r#"{"age": 200}"#, "age: age 200 is out of range 0 to 130"),
        (
            r#"{"age": "old"}"#,
            "age: expected a whole number from 0 to 130, found a string",
        ),
        (
            r#"{"symptoms": [{"kind": "cramp", "location": "calf", "severity": -1}]}"#,
            "symptoms[0].severity: severity -1 is out of range 0 to 10",
        ),
        (
            r#"{"symptoms": [{"kind": "cramp", "location": "calf", "trend": "wrose"}]}"#,
            "symptoms[0].trend: invalid trend `wrose`: expected one of better, same, worse; did you mean `worse`?",
        ),
        (
            r#"{"symptoms": [{"kind": "cramp", "location": "calf", "onset": 3}]}"#,
            "symptoms[0].onset: expected one of sudden, gradual, found a whole number",
        ),
        (
            r#"{"symptoms": [{"kind": "cramp", "location": "calf", "weeks": 2.5}]}"#,
            "symptoms[0].weeks: expected a whole number from 0 to 1040, found a decimal number",
        ),
        (
            r#"{"symptoms": [{"kind": "cramp"}]}"#,
            "symptoms[0]: missing field `location`",
        ),
        (
            r#"{"symptoms": [{"kind": "cramp", "location": "calf", "side": "left"}]}"#,
            "symptoms[0]: unknown field `side`",
        ),
        (
            r#"{"findings": "fever"}"#,
            "findings: expected a list of ids, found a string",
        ),
        (
            r#"{"absent": [1]}"#,
            "absent[0]: expected an id (a string), found a whole number",
        ),
        (r#"{"age": 3, "age": 4}"#, "duplicate field `age`"),
    ];
    for (json, message) in cases {
        let mut de = serde_json::Deserializer::from_str(json);
        let err = Profile::from_deserializer("profile", &mut de).unwrap_err();
        assert_eq!(err.to_string(), format!("profile: {message}"), "{json}");
    }
}

#[test]
fn evaluation_errors_name_the_field_path_and_the_id() {
    let engine = soothe::Engine::builtin().unwrap();
    let cases = [
        (
            r#"{"findings": ["calf_swelling"], "absent": ["calf_swelling"]}"#,
            "absent[0]: `calf_swelling` is both reported (in `findings` or `context`) and in `absent` (asked and denied)",
        ),
        (
            r#"{"context": ["pregnancy"], "absent": ["chest_pain", "pregnancy"]}"#,
            "absent[1]: `pregnancy` is both reported (in `findings` or `context`) and in `absent` (asked and denied)",
        ),
        (
            r#"{"context": ["pregnancy", "numbness"]}"#,
            "context[1]: `numbness` is a finding id, not a context id: list it in `findings`",
        ),
        (
            r#"{"findings": ["stress"]}"#,
            "findings[0]: `stress` is a trigger id, not a finding id: list it in `triggers`",
        ),
        (
            r#"{"symptoms": [{"kind": "cramp", "location": "calff"}]}"#,
            "symptoms[0].location: unknown location `calff`; did you mean `calf`?",
        ),
    ];
    for (json, message) in cases {
        let profile: Profile = serde_json::from_str(json).unwrap();
        let err = engine.evaluate(&profile).unwrap_err();
        assert_eq!(err.to_string(), format!("profile: {message}"), "{json}");
    }
}
