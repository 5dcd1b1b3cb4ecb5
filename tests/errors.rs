//! The typed side of errors: the kind and its fields for every fixture in
//! `tests/fixtures/invalid/` (the exact messages and carets are golden files, `golden.rs`),
//! and errors that no fixture file can hold (deep nesting, missing files, profiles).

#![cfg(test)]

use soothe::{
    Category, Dropped, Engine, Error, ErrorKind, IdKind, ItemKind, Profile, SupplementNeeds,
    Symptom, TextProblem, Urgency, VocabKind,
};

/// A `MedicineAdvised` error for `medicine` in `field`.
fn advised(kind: &ErrorKind, in_field: &str, named: &str) -> bool {
    matches!(kind, ErrorKind::MedicineAdvised { field, medicine } if field == in_field && medicine == named)
}

/// A `MedicineNamed` error for `medicine` in `field`.
fn medicine(kind: &ErrorKind, in_field: &str, named: &str) -> bool {
    matches!(kind, ErrorKind::MedicineNamed { field, medicine } if field == in_field && medicine == named)
}

/// A `RedFlagRewritten` error for red flag `flag` (of the built-in red-flag pack), `field`.
fn rewritten(kind: &ErrorKind, flag: &str, changed: &str) -> bool {
    matches!(kind, ErrorKind::RedFlagRewritten { id, pack, field } if id == flag && pack == "soothe-red-flags" && field == changed)
}

/// Loads a fixture on top of the built-in packs; it must fail.
fn pack_error(name: &str) -> Error {
    Engine::builder()
        .add_pack_file(format!("tests/fixtures/invalid/{name}"))
        .build()
        .expect_err("the fixture must be refused")
}

#[test]
fn each_fixture_fails_with_its_kind_and_fields() {
    type Check = fn(&ErrorKind) -> bool;
    let cases: &[(&str, Check, (usize, usize))] = &[
        (
            "syntax.toml",
            |k| matches!(k, ErrorKind::Syntax { .. }),
            (5, 14),
        ),
        (
            "unknown-field.toml",
            |k| matches!(k, ErrorKind::UnknownField { field, suggestion: None } if field == "colour"),
            (5, 1),
        ),
        (
            "unknown-field-near.toml",
            |k| matches!(k, ErrorKind::UnknownField { field, suggestion: Some(s) } if field == "locaton" && s == "location"),
            (8, 10),
        ),
        (
            "duplicate-id.toml",
            |k| matches!(k, ErrorKind::DuplicateId { kind: IdKind::Item(ItemKind::Rule), id, first } if id == "toe" && first.line() == Some(7) && first.column() == Some(6)),
            (12, 6),
        ),
        (
            "unknown-id.toml",
            |k| matches!(k, ErrorKind::UnknownId { kind: IdKind::Vocab(VocabKind::Location), id, suggestion: Some(s) } if id == "calff" && s == "calf"),
            (8, 40),
        ),
        (
            "unknown-source.toml",
            |k| matches!(k, ErrorKind::UnknownId { kind: IdKind::Item(ItemKind::Source), suggestion: Some(s), .. } if s == "seeds"),
            (11, 12),
        ),
        (
            "invalid-value.toml",
            |k| matches!(k, ErrorKind::InvalidValue { field, value, expected, .. } if field == "category" && value == "warming" && expected.len() == 12),
            (10, 12),
        ),
        (
            "out-of-range.toml",
            |k| {
                matches!(
                    k,
                    ErrorKind::OutOfRange {
                        value: 5000,
                        min: 1,
                        max: 1000,
                        ..
                    }
                )
            },
            (9, 43),
        ),
        (
            "empty.toml",
            |k| matches!(k, ErrorKind::Empty { field } if field == "how_to"),
            (9, 10),
        ),
        (
            "unsupported-format.toml",
            |k| {
                matches!(
                    k,
                    ErrorKind::UnsupportedFormat {
                        found: 1,
                        supported: 2
                    }
                )
            },
            (4, 10),
        ),
        (
            "replace-without-marker.toml",
            |k| matches!(k, ErrorKind::ReplaceWithoutMarker { kind: ItemKind::Suggestion, pack, .. } if pack == "soothe-suggestions"),
            (7, 6),
        ),
        (
            "nothing-to-replace.toml",
            |k| matches!(k, ErrorKind::NothingToReplace { kind: ItemKind::Suggestion, suggestion: Some(s), .. } if s == "gentle-heat"),
            (7, 6),
        ),
        (
            "red-flag-lowered.toml",
            |k| matches!(k, ErrorKind::RedFlagLowered { pack, from: Urgency::Urgent, to: Urgency::Soon, .. } if pack == "soothe-red-flags"),
            (9, 11),
        ),
        (
            "red-flag-disabled.toml",
            |k| matches!(k, ErrorKind::RedFlagDisabled { pack, .. } if pack == "soothe-red-flags"),
            (7, 10),
        ),
        (
            "too-deep.toml",
            |k| matches!(k, ErrorKind::TooDeep { max: 32 }),
            (9, 264),
        ),
        (
            "medicine.toml",
            |k| matches!(k, ErrorKind::MedicineNamed { medicine, field } if medicine == "ibuprofen" && field == "how_to"),
            (9, 10),
        ),
        // Issue 13, defect 1: a medicine under any spelling, in any field a person sees.
        (
            "medicine-cyrillic.toml",
            |k| matches!(k, ErrorKind::MixedScript { field, word } if field == "title" && word == "ibupr\u{43e}fen"),
            (9, 9),
        ),
        (
            "medicine-zero-width.toml",
            |k| matches!(k, ErrorKind::TextHygiene { field, problem: TextProblem::Invisible { code: 0x200B, .. } } if field == "how_to"),
            (10, 10),
        ),
        (
            "medicine-soft-hyphen.toml",
            |k| matches!(k, ErrorKind::TextHygiene { field, problem: TextProblem::Invisible { code: 0xAD, .. } } if field == "evidence.note"),
            (12, 55),
        ),
        (
            "medicine-combining.toml",
            |k| medicine(k, "title", "ibuprofen"),
            (9, 9),
        ),
        (
            "medicine-fullwidth.toml",
            |k| medicine(k, "how_to", "ibuprofen"),
            (10, 10),
        ),
        (
            "medicine-glued.toml",
            |k| medicine(k, "how_to", "ibuprofen"),
            (10, 10),
        ),
        (
            "medicine-brand.toml",
            |k| medicine(k, "how_to", "nurofen"),
            (10, 10),
        ),
        (
            "medicine-pain-meds.toml",
            |k| medicine(k, "title", "pain med"),
            (9, 9),
        ),
        (
            "medicine-relaxants.toml",
            |k| medicine(k, "how_to", "muscle relaxant"),
            (10, 10),
        ),
        (
            "medicine-tonic-water.toml",
            |k| medicine(k, "how_to", "tonic water"),
            (10, 10),
        ),
        (
            "medicine-menthol.toml",
            |k| medicine(k, "how_to", "menthol"),
            (10, 10),
        ),
        (
            "medicine-note.toml",
            |k| medicine(k, "evidence.note", "paracetamol"),
            (12, 55),
        ),
        (
            "medicine-caution.toml",
            |k| medicine(k, "caution.text", "cbd"),
            (15, 8),
        ),
        (
            "medicine-citation.toml",
            |k| medicine(k, "citation", "quinine"),
            (9, 12),
        ),
        (
            "medicine-id.toml",
            |k| medicine(k, "suggestion id", "ibuprofen"),
            (8, 6),
        ),
        (
            "mixed-script-label.toml",
            |k| matches!(k, ErrorKind::MixedScript { field, .. } if field == "label"),
            (9, 9),
        ),
        // Issue 13, defect 2: what a red flag tells the person cannot be rewritten.
        (
            "red-flag-rewritten.toml",
            |k| rewritten(k, "new-medication", "text"),
            (12, 8),
        ),
        (
            "red-flag-medicine-is-fine.toml",
            |k| advised(k, "text", "paracetamol"),
            (12, 8),
        ),
        (
            "question-advises-medicine.toml",
            |k| advised(k, "question", "aspirin"),
            (10, 12),
        ),
        (
            "red-flag-advises-medicine.toml",
            |k| advised(k, "safety_net", "ibuprofen"),
            (13, 14),
        ),
        (
            "red-flag-rewritten-medicine.toml",
            |k| rewritten(k, "long-cramp", "text"),
            (12, 8),
        ),
        (
            "red-flag-interim-rewritten.toml",
            |k| rewritten(k, "dark-urine", "interim"),
            (15, 11),
        ),
        (
            "red-flag-zero-width.toml",
            |k| matches!(k, ErrorKind::TextHygiene { field, problem: TextProblem::Blank } if field == "text"),
            (12, 8),
        ),
        (
            "red-flag-escape-codes.toml",
            |k| matches!(k, ErrorKind::TextHygiene { field, problem: TextProblem::ControlCharacter { code: 0x1B, at: 0 } } if field == "text"),
            (12, 8),
        ),
        // Issue 13: a replacement keeps every caution; supplements are guarded.
        (
            "suggestion-caution-dropped.toml",
            |k| matches!(k, ErrorKind::SuggestionWeakened { dropped: Dropped::Caution { text }, .. } if text.starts_with("Tell your GP")),
            (8, 6),
        ),
        (
            "supplement-elsewhere.toml",
            |k| matches!(k, ErrorKind::SupplementElsewhere { field, supplement, category: Category::HydrationNutrition } if field == "how_to" && supplement == "mg"),
            (12, 10),
        ),
        (
            "medicine-tonic-brand.toml",
            |k| medicine(k, "how_to", "fever tree"),
            (11, 10),
        ),
        (
            "suggestion-category-changed.toml",
            |k| {
                matches!(
                    k,
                    ErrorKind::SuggestionWeakened {
                        dropped: Dropped::Category {
                            from: Category::Massage,
                            to: Category::Relaxation
                        },
                        ..
                    }
                )
            },
            (9, 6),
        ),
        (
            "suggestion-caution-rewritten.toml",
            |k| matches!(k, ErrorKind::SuggestionWeakened { dropped: Dropped::Caution { text }, .. } if text.starts_with("With kidney disease, magnesium")),
            (8, 6),
        ),
        (
            "supplement-unguarded.toml",
            |k| matches!(k, ErrorKind::SupplementUnguarded { id, needs: SupplementNeeds::Withhold { context } } if id == "magnesium-nightly" && context == "kidney_disease"),
            (11, 12),
        ),
        (
            "supplement-not-clinician-first.toml",
            |k| {
                matches!(
                    k,
                    ErrorKind::SupplementUnguarded {
                        needs: SupplementNeeds::ClinicianFirst,
                        ..
                    }
                )
            },
            (10, 12),
        ),
        (
            "missing-question.toml",
            |k| matches!(k, ErrorKind::MissingField { field } if field == "question"),
            (6, 1),
        ),
        (
            "question-on-location.toml",
            |k| matches!(k, ErrorKind::NotHere { field, .. } if field == "question"),
            (9, 12),
        ),
        (
            "implied-by-on-location.toml",
            |k| matches!(k, ErrorKind::NotHere { field, .. } if field == "implied_by"),
            (9, 14),
        ),
        (
            "finding-and-context.toml",
            |k| matches!(k, ErrorKind::DuplicateId { kind: IdKind::Vocab(VocabKind::Context), id, .. } if id == "pregnancy"),
            (7, 6),
        ),
        (
            "missing-safety-net.toml",
            |k| matches!(k, ErrorKind::Syntax { message } if message.contains("safety_net")),
            (6, 1),
        ),
        (
            "withhold-without-interim.toml",
            |k| matches!(k, ErrorKind::MissingField { field } if field == "interim"),
            (7, 6),
        ),
        (
            "unknown-withheld-suggestion.toml",
            |k| matches!(k, ErrorKind::UnknownId { kind: IdKind::Item(ItemKind::Suggestion), suggestion: Some(s), .. } if s == "self-massage"),
            (12, 29),
        ),
        (
            "withhold-dropped.toml",
            |k| matches!(k, ErrorKind::WithholdDropped { pack, dropped, .. } if pack == "soothe-red-flags" && dropped.contains("stretching")),
            (7, 6),
        ),
        (
            "range-out-of-bounds.toml",
            |k| matches!(k, ErrorKind::OutOfRange { field, value: 131, max: 130, .. } if field == "age.min"),
            (9, 24),
        ),
        (
            "invalid-trend.toml",
            |k| matches!(k, ErrorKind::InvalidValue { field, suggestion: Some(s), .. } if field == "trend" && s == "worse"),
            (8, 37),
        ),
        (
            "withhold-without-reason.toml",
            |k| matches!(k, ErrorKind::WithholdWithoutReason),
            (14, 8),
        ),
    ];
    for (name, check, (line, column)) in cases {
        let err = pack_error(name);
        assert!(check(err.kind()), "{name}: {:?}", err.kind());
        let location = err.location().expect("a location");
        assert_eq!(
            (location.line(), location.column()),
            (Some(*line), Some(*column)),
            "{name}"
        );
    }
    let covered: Vec<&str> = cases.iter().map(|(name, ..)| *name).collect();
    for entry in std::fs::read_dir("tests/fixtures/invalid").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let name = path.file_name().unwrap().to_str().unwrap();
            assert!(covered.contains(&name), "{name} has no typed check here");
        }
    }
}

#[test]
fn the_item_is_part_of_the_location() {
    let err = pack_error("duplicate-id.toml");
    assert_eq!(
        err.location().unwrap().item_id(),
        Some((ItemKind::Rule, "toe"))
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
        "[pack]\nid = 'x'\nversion = '1'\nformat = 2\n[[red_flag]]\nid = 'deep'\nurgency = 'soon'\nwhen = {when}\ntext = 't'\nsafety_net = 's'\nsources = ['seeds']\n"
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
        .add_pack_file("tests/fixtures/invalid/missing.toml")
        .build()
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Io { .. }));
    assert!(
        err.to_string()
            .starts_with("tests/fixtures/invalid/missing.toml: cannot read: "),
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
        "profile",
        "[[symptoms]]\nkind = \"cramp\"\nlocation = \"calf\"\nseverity = \"high\"\n",
    )
    .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::InvalidType { found, .. } if found == "a string"));
    assert_eq!(err.location().and_then(|l| l.line()), Some(4));
    assert_eq!(
        err.location().and_then(|l| l.field_path()),
        Some("symptoms[0].severity")
    );
}

#[test]
fn a_failing_pack_builds_no_engine_even_after_good_ones() {
    let good = "[pack]\nid = 'good'\nversion = '1'\nformat = 2\n[[vocabulary.location]]\nid = 'big_toe'\nlabel = 'Big toe'\n";
    let err = Engine::builder()
        .add_pack_str("good.toml", good)
        .add_pack_file("tests/fixtures/invalid/unknown-id.toml")
        .build()
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::UnknownId { .. }));
}

#[test]
fn each_profile_fixture_fails_with_its_kind_and_path() {
    // Issue 13, defect 4: a profile is an object; nothing else is read (not by position).
    let cases: &[(&str, &str, &str)] = &[
        ("array.json", "", "a list"),
        ("string.json", "", "a string"),
        ("symptoms-object.json", "symptoms", "an object"),
    ];
    for (name, path, what) in cases {
        let file = format!("tests/fixtures/invalid-profile/{name}");
        let text = std::fs::read_to_string(&file).unwrap();
        let mut json = serde_json::Deserializer::from_str(&text);
        let err = Profile::from_deserializer(&file, &mut json).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::InvalidType { found, .. } if found == what),
            "{name}: {err}"
        );
        let location = err.location().unwrap();
        assert_eq!(location.origin(), file);
        assert_eq!(location.field_path().unwrap_or(""), *path, "{name}");
    }
    let covered: Vec<&str> = cases.iter().map(|(name, ..)| *name).collect();
    for entry in std::fs::read_dir("tests/fixtures/invalid-profile").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let name = path.file_name().unwrap().to_str().unwrap();
            assert!(covered.contains(&name), "{name} has no typed check here");
        }
    }
}
