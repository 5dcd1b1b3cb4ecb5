//! The committed JSON Schemas (`schema/profile.schema.json`, `schema/plan.schema.json`,
//! `schema/vocabulary.schema.json`) are what `soothe::schema` generates from the Rust types
//! (`SOOTHE_BLESS=1` rewrites them), and real serde output validates against them: thousands of
//! plans over the built-in vocabulary, the profiles that made them, and the vocabulary. The
//! profile schema also refuses what `Profile`'s `Deserialize` refuses for its shape.
//!
//! Run with `cargo test --features schema --test json_schemas`.

#![cfg(test)]

use std::path::PathBuf;

use serde_json::{Value, json};
use soothe::{Engine, Profile, Symptom, VocabKind};

fn committed(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("schema")
        .join(format!("{name}.schema.json"))
}

fn pretty(schema: &schemars::Schema) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap();
    text.push('\n');
    text
}

#[test]
fn the_committed_schemas_are_the_generated_ones() {
    let bless = std::env::var_os("SOOTHE_BLESS").is_some();
    let mut stale = Vec::new();
    for (name, schema) in [
        ("profile", soothe::schema::profile()),
        ("plan", soothe::schema::plan()),
        ("vocabulary", soothe::schema::vocabulary()),
    ] {
        let path = committed(name);
        let generated = pretty(&schema);
        if bless {
            std::fs::write(&path, &generated).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(generated.as_str()) {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "{stale:?} differ from the types; run `SOOTHE_BLESS=1 cargo test --features schema --test json_schemas` and review the diff"
    );
}

fn validator(name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(committed(name)).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::draft7::new(&schema).expect("a valid draft-07 schema")
}

fn assert_valid(validator: &jsonschema::Validator, what: &str, value: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:?}\n{value:#}");
}

fn ids(engine: &Engine, kind: VocabKind) -> Vec<String> {
    engine.vocabulary().ids(kind).map(str::to_owned).collect()
}

/// Profiles over the whole built-in vocabulary: every kind at every location at every timing
/// (numbers rotating), each with one finding, trigger or context, some with everything.
fn profiles(engine: &Engine) -> Vec<Profile> {
    let kinds = ids(engine, VocabKind::Kind);
    let locations = ids(engine, VocabKind::Location);
    let timings = ids(engine, VocabKind::Timing);
    let findings = ids(engine, VocabKind::Finding);
    let contexts = ids(engine, VocabKind::Context);
    let triggers = ids(engine, VocabKind::Trigger);
    let mut out = vec![Profile::new()];
    let mut n = 0usize;
    for (kind, location, timing) in kinds.iter().flat_map(|k| {
        let timings = &timings;
        locations
            .iter()
            .flat_map(move |l| timings.iter().map(move |t| (k, l, t)))
    }) {
        {
            n += 1;
            let pick = |list: &[String]| list[n % list.len()].clone();
            let symptom = Symptom::new(kind, location)
                .timing(timing)
                .severity((n % 11) as u8)
                .weeks((n % 60) as u16)
                .episodes_per_week((n % 20) as u16)
                .duration_minutes((n % 90) as u16);
            let base = Profile::new()
                .with_symptom(symptom)
                .with_age((n % 90) as u8);
            out.push(base.clone());
            out.push(base.clone().with_finding(pick(&findings)));
            out.push(base.clone().with_context(pick(&contexts)));
            out.push(
                base.clone()
                    .with_trigger(pick(&triggers))
                    .with_self_care_weeks(6),
            );
            out.push(base.with_absent(pick(&findings)));
        }
    }
    for finding in &findings {
        let all_context = contexts.iter().fold(
            Profile::new().with_symptom(Symptom::new("cramp", "calf")),
            |p, c| p.with_context(c),
        );
        out.push(all_context.with_finding(finding));
    }
    out
}

#[test]
fn real_plans_profiles_and_the_vocabulary_validate() {
    let engine = Engine::builtin().unwrap();
    let (plan_schema, profile_schema) = (validator("plan"), validator("profile"));
    let profiles = profiles(&engine);
    assert!(profiles.len() > 1000, "{}", profiles.len());
    let mut urgencies = std::collections::BTreeSet::new();
    for profile in &profiles {
        let plan = engine.evaluate(profile).unwrap();
        urgencies.insert(plan.urgency);
        let value = serde_json::to_value(&plan).unwrap();
        assert_valid(&plan_schema, "plan", &value);
        assert_valid(
            &profile_schema,
            "profile",
            &serde_json::to_value(profile).unwrap(),
        );
    }
    assert_eq!(urgencies.len(), 5, "plans of every urgency: {urgencies:?}");
    let vocabulary = serde_json::to_value(engine.vocabulary()).unwrap();
    assert_valid(&validator("vocabulary"), "vocabulary", &vocabulary);
}

#[test]
fn the_profile_schema_accepts_what_the_deserializer_accepts() {
    let schema = validator("profile");
    let accepted = [
        json!({}),
        json!({"age": null, "symptoms": null, "triggers": null}),
        json!({"symptoms": [{"kind": "cramp", "location": "calf", "severity": 10, "onset": "sudden", "trend": "worse", "timing": null}]}),
        json!({"age": 130, "self_care_weeks": 1040, "absent": ["fever"], "context": ["pregnancy"]}),
        serde_json::from_str(include_str!("data/profiles/calf.json")).unwrap(),
    ];
    for value in accepted {
        assert!(
            serde_json::from_value::<Profile>(value.clone()).is_ok(),
            "{value}"
        );
        assert_valid(&schema, "profile", &value);
    }
}

#[test]
fn the_profile_schema_refuses_what_the_deserializer_refuses_for_its_shape() {
    let schema = validator("profile");
    let refused = [
        json!([]),
        json!("cramp"),
        json!(null),
        json!({"trigers": []}),
        json!({"age": 131}),
        json!({"age": -1}),
        json!({"age": 3.5}),
        json!({"age": "54"}),
        json!({"self_care_weeks": 1041}),
        json!({"triggers": "stress"}),
        json!({"triggers": [1]}),
        json!({"symptoms": {"kind": "cramp", "location": "calf"}}),
        json!({"symptoms": [{"kind": "cramp"}]}),
        json!({"symptoms": [{"location": "calf"}]}),
        json!({"symptoms": [{"kind": "cramp", "location": "calf", "severity": 11}]}),
        json!({"symptoms": [{"kind": "cramp", "location": "calf", "weeks": 1041}]}),
        json!({"symptoms": [{"kind": "cramp", "location": "calf", "episodes_per_week": 1001}]}),
        json!({"symptoms": [{"kind": "cramp", "location": "calf", "duration_minutes": 10081}]}),
        json!({"symptoms": [{"kind": "cramp", "location": "calf", "onset": "slow"}]}),
        json!({"symptoms": [{"kind": "cramp", "location": "calf", "trend": "wrose"}]}),
        json!({"symptoms": [{"kind": "cramp", "location": "calf", "colour": "red"}]}),
    ];
    for value in refused {
        assert!(
            serde_json::from_value::<Profile>(value.clone()).is_err(),
            "the deserializer accepts {value}"
        );
        assert!(!schema.is_valid(&value), "the schema accepts {value}");
    }
}
