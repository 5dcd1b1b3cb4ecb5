//! Scenario packs: `tests/data/scenarios/*.toml` are packs of `[[scenario]]` tables, loaded on
//! top of the built-in packs and run by the engine's own runner (one `Expect`, one meaning:
//! docs/RULES.md). This file keeps only what the runner cannot say.

#![cfg(test)]

use soothe::{Engine, Urgency};

/// The built-in packs plus the scenario packs.
fn engine() -> Engine {
    Engine::builder()
        .add_pack_dir("tests/data/scenarios")
        .build()
        .unwrap()
}

#[test]
fn scenarios_hold_on_the_builtin_engine() {
    let engine = engine();
    let report = engine.run_scenarios();
    let from_tests = engine
        .scenarios()
        .iter()
        .filter(|s| s.location.origin().starts_with("tests/data/scenarios"))
        .count();
    assert!(from_tests >= 60, "only {from_tests} scenarios");
    let failures: Vec<String> = report
        .results
        .iter()
        .filter(|r| !r.passed())
        .map(|r| format!("{}: {}: {}", r.location, r.name, r.problems.join("; ")))
        .collect();
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_scenario_plan_keeps_the_safety_rules() {
    let engine = engine();
    for scenario in engine.scenarios() {
        let plan = engine.evaluate(&scenario.profile).unwrap();
        let name = &scenario.name;
        assert_eq!(plan.see_clinician, plan.urgency > Urgency::None, "{name}");
        if plan.urgency == Urgency::Emergency {
            assert!(
                plan.suggestions.is_empty() && plan.withheld.is_empty(),
                "{name}"
            );
        }
        for w in &plan.withheld {
            assert!(
                plan.suggestions.iter().all(|s| s.id != w.id),
                "{name}: {} both shown and withheld",
                w.id
            );
        }
        for s in &plan.suggestions {
            assert!(
                !s.evidence.sources.is_empty(),
                "{name}: {} has no source",
                s.id
            );
            for source in &s.evidence.sources {
                assert!(
                    engine.source(source).is_some(),
                    "{name}: source {source} does not resolve"
                );
            }
        }
    }
}

#[test]
fn the_runner_catches_every_wrong_expectation() {
    // A scenario runner that cannot fail is a defect: each wrong key must be reported.
    let pack = r#"
[pack]
id = "wrong"
version = "1"
format = 2

[[scenario]]
name = "cold, expected wrongly"
profile = { triggers = ["cold"] }
expect = { urgency = "urgent", first = "hydration", last = "hydration", count = 99, include = ["acupuncture"], exclude = ["keep-warm"], withheld = ["gentle-heat"], withheld_exactly = ["gentle-heat"], because = [{ kind = "context", id = "raynauds" }], reasons = ["trauma"], reasons_exactly = ["trauma"], rules = ["leg-cramps"] }
"#;
    let engine = Engine::builder()
        .add_pack_str("wrong.toml", pack)
        .build()
        .unwrap();
    let report = engine.run_scenarios();
    let result = report
        .results
        .iter()
        .find(|r| r.name == "cold, expected wrongly")
        .unwrap();
    assert_eq!(result.problems.len(), 12, "{:#?}", result.problems);
}

#[test]
fn scenarios_cover_every_rule_red_flag_and_caution() {
    let coverage = engine().run_scenarios().coverage;
    assert!(
        coverage.is_full(),
        "not exercised by any scenario: {coverage:?}"
    );
}
