//! One test per error kind: the exact message and location, from fixture files in
//! `tests/data/invalid/` layered on the built-in packs.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use soothe::{Engine, EngineBuilder, Error, ErrorKind, ItemKind, Profile, Symptom};

/// Loads a fixture on top of the built-in packs; it must fail.
fn pack_error(name: &str) -> Error {
    Engine::builder()
        .add_pack_file(format!("tests/data/invalid/{name}"))
        .build()
        .expect_err("the fixture must be refused")
}

/// Checks the whole one-line message and the line and column.
fn assert_error(err: &Error, message: &str, line: usize, column: usize) {
    assert_eq!(err.to_string(), message);
    let location = err.location().expect("a location");
    assert_eq!(
        (location.line(), location.column()),
        (Some(line), Some(column))
    );
}

#[test]
fn syntax() {
    let err = pack_error("syntax.toml");
    assert!(matches!(err.kind(), ErrorKind::Syntax { .. }));
    assert_error(
        &err,
        "tests/data/invalid/syntax.toml:5:14: unclosed array table, expected `]`",
        5,
        14,
    );
}

#[test]
fn unknown_field() {
    let err = pack_error("unknown-field.toml");
    assert!(matches!(err.kind(), ErrorKind::UnknownField { field, .. } if field == "colour"));
    assert_error(
        &err,
        "tests/data/invalid/unknown-field.toml:5:1: unknown field `colour`",
        5,
        1,
    );
}

#[test]
fn unknown_field_suggests_the_near_one() {
    let pack = "[pack]\nid = 'x'\nversion = '1'\nformat = 1\n\n[[rule]]\nid = 'r'\nwhen = { locaton = ['calf'] }\nsuggest = []\n";
    let err = Engine::builder()
        .add_pack_str("typo.toml", pack)
        .build()
        .unwrap_err();
    assert_error(
        &err,
        "typo.toml:8:10: unknown field `locaton`; did you mean `location`?",
        8,
        10,
    );
}

#[test]
fn duplicate_id() {
    let err = pack_error("duplicate-id.toml");
    assert!(matches!(err.kind(), ErrorKind::DuplicateId { .. }));
    assert_eq!(
        err.location().unwrap().item_id(),
        Some((ItemKind::Rule, "toe"))
    );
    assert_error(
        &err,
        "tests/data/invalid/duplicate-id.toml:12:6: rule `toe`: duplicate rule id `toe` (first defined in tests/data/invalid/duplicate-id.toml:7:6)",
        12,
        6,
    );
}

#[test]
fn unknown_id_with_did_you_mean() {
    let err = pack_error("unknown-id.toml");
    assert!(
        matches!(err.kind(), ErrorKind::UnknownId { id, suggestion: Some(s), .. } if id == "calff" && s == "calf")
    );
    assert_error(
        &err,
        "tests/data/invalid/unknown-id.toml:8:40: rule `big-toe`: unknown location `calff`; did you mean `calf`?",
        8,
        40,
    );
}

#[test]
fn unknown_source() {
    let pack = "[pack]\nid = 'x'\nversion = '1'\nformat = 1\n[[red_flag]]\nid = 'f'\nurgency = 'soon'\nwhen = { finding = ['fever'] }\ntext = 't'\nsources = ['seedz']\n";
    let err = Engine::builder()
        .add_pack_str("src.toml", pack)
        .build()
        .unwrap_err();
    assert_error(
        &err,
        "src.toml:10:12: red flag `f`: unknown source `seedz`; did you mean `seeds`?",
        10,
        12,
    );
}

#[test]
fn invalid_value() {
    let err = pack_error("invalid-value.toml");
    assert!(matches!(err.kind(), ErrorKind::InvalidValue { field, .. } if field == "category"));
    assert_error(
        &err,
        "tests/data/invalid/invalid-value.toml:10:12: suggestion `heat-rub`: invalid category `medication`: expected one of heat_cold, stretching, massage, movement, pacing, relaxation, sleep, hydration_nutrition, supplement, ergonomics, professional_therapy, rest",
        10,
        12,
    );
}

#[test]
fn out_of_range() {
    let err = pack_error("out-of-range.toml");
    assert!(matches!(
        err.kind(),
        ErrorKind::OutOfRange { value: 5000, .. }
    ));
    assert_error(
        &err,
        "tests/data/invalid/out-of-range.toml:9:43: rule `heavy`: weight 5000 is out of range 1 to 1000",
        9,
        43,
    );
}

#[test]
fn empty_text() {
    let err = pack_error("empty.toml");
    assert!(matches!(err.kind(), ErrorKind::Empty { field } if field == "how_to"));
    assert_error(
        &err,
        "tests/data/invalid/empty.toml:9:10: suggestion `blank`: how_to must not be empty",
        9,
        10,
    );
}

#[test]
fn unsupported_format() {
    let err = pack_error("unsupported-format.toml");
    assert!(matches!(
        err.kind(),
        ErrorKind::UnsupportedFormat {
            found: 2,
            supported: 1
        }
    ));
    assert_error(
        &err,
        "tests/data/invalid/unsupported-format.toml:4:10: pack `extra`: format 2 is not supported (this version of soothe reads format 1)",
        4,
        10,
    );
}

#[test]
fn replace_without_marker() {
    let err = pack_error("replace-without-marker.toml");
    assert!(matches!(err.kind(), ErrorKind::ReplaceWithoutMarker { .. }));
    assert_error(
        &err,
        "tests/data/invalid/replace-without-marker.toml:7:6: suggestion `gentle-heat`: suggestion `gentle-heat` is already defined by pack `soothe-suggestions`; add `replaces = true` to replace it",
        7,
        6,
    );
}

#[test]
fn nothing_to_replace() {
    let err = pack_error("nothing-to-replace.toml");
    assert!(matches!(err.kind(), ErrorKind::NothingToReplace { .. }));
    assert_error(
        &err,
        "tests/data/invalid/nothing-to-replace.toml:7:6: suggestion `gentle-heet`: suggestion `gentle-heet` says `replaces = true` but no earlier pack defines it; did you mean `gentle-heat`?",
        7,
        6,
    );
}

#[test]
fn red_flag_lowered_names_both_packs() {
    let err = pack_error("red-flag-lowered.toml");
    assert!(
        matches!(err.kind(), ErrorKind::RedFlagLowered { pack, .. } if pack == "soothe-red-flags")
    );
    assert_error(
        &err,
        "tests/data/invalid/red-flag-lowered.toml:9:11: red flag `possible-deep-vein-thrombosis`: red flag `possible-deep-vein-thrombosis` would lower urgency from `urgent` (pack `soothe-red-flags`) to `soon`; a red flag's urgency can only be raised",
        9,
        11,
    );
}

#[test]
fn red_flag_disabled() {
    let err = pack_error("red-flag-disabled.toml");
    assert!(matches!(err.kind(), ErrorKind::RedFlagDisabled { .. }));
    assert_error(
        &err,
        "tests/data/invalid/red-flag-disabled.toml:7:10: disable `possible-deep-vein-thrombosis`: red flag `possible-deep-vein-thrombosis` (pack `soothe-red-flags`) cannot be disabled; red flags can never be removed",
        7,
        10,
    );
}

#[test]
fn too_deep() {
    let err = pack_error("too-deep.toml");
    assert!(matches!(err.kind(), ErrorKind::TooDeep { max: 32 }));
    assert_error(
        &err,
        "tests/data/invalid/too-deep.toml:9:264: red flag `deep`: condition nested deeper than 32 levels",
        9,
        264,
    );
}

#[test]
fn nesting_far_beyond_the_limit_fails_cleanly() {
    let depth = 100_000;
    let when = format!(
        "{}{{ finding = ['fever'] }}{}",
        "{ not = ".repeat(depth),
        " }".repeat(depth)
    );
    let pack = format!(
        "[pack]\nid = 'x'\nversion = '1'\nformat = 1\n[[red_flag]]\nid = 'deep'\nurgency = 'soon'\nwhen = {when}\ntext = 't'\nsources = ['seeds']\n"
    );
    let err = Engine::builder()
        .add_pack_str("deep.toml", pack)
        .build()
        .unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::Syntax { .. } | ErrorKind::TooDeep { .. }
        ),
        "{err}"
    );
    assert_eq!(err.location().and_then(|l| l.line()), Some(8));
}

#[test]
fn io() {
    let err = Engine::builder()
        .add_pack_file("tests/data/invalid/missing.toml")
        .build()
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Io { .. }));
    assert!(
        err.to_string()
            .starts_with("tests/data/invalid/missing.toml: cannot read: "),
        "{err}"
    );
}

#[test]
fn profile_unknown_id() {
    let engine = Engine::builtin().unwrap();
    let err = engine
        .evaluate(&Profile::new().with_symptom(Symptom::new("cramp", "calff")))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "profile: symptoms[0].location: unknown location `calff`; did you mean `calf`?"
    );
    assert_eq!(
        err.location().unwrap().field_path(),
        Some("symptoms[0].location")
    );
}

#[test]
fn profile_unknown_context_far_from_any_id() {
    let engine = Engine::builtin().unwrap();
    let err = engine
        .evaluate(&Profile::new().with_context("diabetes"))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "profile: context[0]: unknown context `diabetes`"
    );
}

#[test]
fn profile_severity_out_of_range() {
    let engine = Engine::builtin().unwrap();
    let err = engine
        .evaluate(&Profile::new().with_symptom(Symptom::new("cramp", "calf").severity(11)))
        .unwrap_err();
    assert!(matches!(
        err.kind(),
        ErrorKind::OutOfRange {
            value: 11,
            min: 0,
            max: 10,
            ..
        }
    ));
    assert_eq!(
        err.to_string(),
        "profile: symptoms[0].severity: severity 11 is out of range 0 to 10"
    );
}

#[test]
fn profile_toml_wrong_type_has_line_and_column() {
    let err = Profile::from_toml(
        "[[symptoms]]\nkind = \"cramp\"\nlocation = \"calf\"\nseverity = \"high\"\n",
    )
    .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Syntax { .. }));
    assert_eq!(err.location().and_then(|l| l.line()), Some(4));
}

#[test]
fn a_failing_pack_builds_no_engine() {
    // The first pack is fine, the second is not: build() returns the error, nothing partial.
    let good =
        "[pack]\nid = 'good'\nversion = '1'\nformat = 1\n[vocabulary]\nlocation = ['big_toe']\n";
    let result = EngineBuilder::new()
        .builtin()
        .add_pack_str("good.toml", good)
        .add_pack_file("tests/data/invalid/unknown-id.toml")
        .build();
    assert!(result.is_err());
}

#[test]
fn medicine_named() {
    let err = pack_error("medicine.toml");
    assert!(
        matches!(err.kind(), ErrorKind::MedicineNamed { medicine, .. } if medicine == "ibuprofen")
    );
    assert_error(
        &err,
        "tests/data/invalid/medicine.toml:9:10: suggestion `pain-relief`: how_to names a medicine (`ibuprofen`); soothe suggests no medicines: describe self-care, or point the person to their clinician",
        9,
        10,
    );
}
