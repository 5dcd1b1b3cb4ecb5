//! The profile's serde forms (JSON and TOML) and the builder.

#![cfg(test)]

use soothe::{Profile, Symptom};

#[test]
fn the_design_json_shape_parses() {
    let json = r#"{
        "symptoms": [{"kind": "cramp", "location": "calf", "timing": "nocturnal", "severity": 6}],
        "triggers": ["stress"],
        "findings": ["numbness"],
        "context": ["kidney_disease"],
        "episodes_per_week": 3,
        "duration_minutes": 2
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
    assert_eq!(profile.episodes_per_week, Some(3));
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
        r#"{"symptoms":[{"kind":"spasm","location":"neck"}],"triggers":[],"findings":[],"context":[]}"#
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
