//! CDS Hooks cards carry the spec's required fields (run with `--features cds-hooks`).

#![cfg(test)]
#![cfg(feature = "cds-hooks")]
use serde_json::Value;
use soothe::{Engine, Profile, Symptom, cds};

/// Checks one card's JSON against CDS Hooks 2.0: `summary` (string, under 140 characters),
/// `indicator` (info, warning or critical) and `source.label` are required; `detail` is a
/// string when present; no keys beyond those this crate fills.
fn check_card(card: &Value) {
    let object = card.as_object().expect("a card is an object");
    for key in object.keys() {
        assert!(
            ["summary", "detail", "indicator", "source"].contains(&key.as_str()),
            "unexpected key {key}"
        );
    }
    let summary = card["summary"].as_str().expect("summary is a string");
    assert!(
        !summary.is_empty() && summary.chars().count() < 140,
        "summary: {summary}"
    );
    assert!(["info", "warning", "critical"].contains(&card["indicator"].as_str().unwrap()));
    assert!(
        card["source"]["label"]
            .as_str()
            .is_some_and(|l| !l.is_empty())
    );
    if let Some(url) = card["source"].get("url") {
        assert!(url.as_str().unwrap().starts_with("https://"));
    }
    if let Some(detail) = card.get("detail") {
        assert!(detail.is_string());
    }
}

fn cards_json(profile: &Profile) -> Vec<Value> {
    let engine = Engine::builtin().unwrap();
    let plan = engine.evaluate(profile).unwrap();
    let json = serde_json::to_value(cds::cards(&plan, &engine)).unwrap();
    json.as_array().unwrap().clone()
}

#[test]
fn a_red_flag_gives_a_critical_card_then_info_cards() {
    let cards = cards_json(
        &Profile::new()
            .with_symptom(Symptom::new("cramp", "calf"))
            .with_finding("calf_swelling"),
    );
    cards.iter().for_each(check_card);
    assert_eq!(cards[0]["indicator"], "critical");
    assert!(
        cards[0]["summary"]
            .as_str()
            .unwrap()
            .starts_with("Get seen by a clinician today: ")
    );
    assert!(cards[1..].iter().all(|c| c["indicator"] == "info"));
    assert!(
        cards[1]["detail"]
            .as_str()
            .unwrap()
            .contains("**Evidence:**")
    );
}

#[test]
fn soon_and_routine_flags_are_warnings() {
    let cards = cards_json(
        &Profile::new()
            .with_finding("numbness")
            .with_finding("new_medication"),
    );
    cards.iter().for_each(check_card);
    let indicators: Vec<&str> = cards
        .iter()
        .map(|c| c["indicator"].as_str().unwrap())
        .collect();
    assert_eq!(indicators, ["warning", "warning"]);
}

#[test]
fn emergency_gives_only_critical_cards() {
    let cards = cards_json(&Profile::new().with_finding("sudden_severe_headache"));
    cards.iter().for_each(check_card);
    assert!(!cards.is_empty() && cards.iter().all(|c| c["indicator"] == "critical"));
}

#[test]
fn every_scenario_like_profile_gives_valid_cards() {
    let engine = Engine::builtin().unwrap();
    for location in engine.vocabulary().ids(soothe::VocabKind::Location) {
        let profile = Profile::new()
            .with_symptom(Symptom::new("spasm", location).severity(9))
            .with_trigger("stress")
            .with_context("anticoagulants");
        cards_json(&profile).iter().for_each(check_card);
    }
}
