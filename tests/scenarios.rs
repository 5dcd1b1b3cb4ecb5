//! Scenario tests driven by data files: `tests/data/scenarios/*.toml` hold profiles and the
//! properties their plans must have on the built-in engine.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

use serde::Deserialize;
use soothe::{Engine, Plan, Profile, Urgency};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    scenario: Vec<Scenario>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    name: String,
    profile: Profile,
    expect: Expect,
}

/// What a plan must hold. Every field is optional; lists of ids must all be present.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Expect {
    urgency: Option<Urgency>,
    urgency_min: Option<Urgency>,
    urgency_max: Option<Urgency>,
    first: Option<String>,
    last: Option<String>,
    count: Option<usize>,
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    /// Exactly these ids are withheld, when given (`[]` means none).
    withheld: Option<Vec<String>>,
    /// Each of these appears as some withheld item's `because`.
    #[serde(default)]
    because: Vec<String>,
    /// Exactly these red flags fired, when given.
    reasons: Option<Vec<String>>,
}

fn scenario_files() -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/scenarios");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

fn load() -> Vec<(String, Scenario)> {
    let mut all = Vec::new();
    for path in scenario_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        let file: File =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        all.extend(file.scenario.into_iter().map(|s| (stem.clone(), s)));
    }
    all
}

fn ids(plan: &Plan) -> Vec<&str> {
    plan.suggestions.iter().map(|s| &*s.id).collect()
}

/// Every difference between the plan and what the scenario expects.
fn check(plan: &Plan, expect: &Expect) -> Vec<String> {
    let mut problems = Vec::new();
    let shown = ids(plan);
    if let Some(u) = expect.urgency {
        if plan.urgency != u {
            problems.push(format!("urgency {} != expected {u}", plan.urgency));
        }
    }
    if expect.urgency_min.is_some_and(|u| plan.urgency < u)
        || expect.urgency_max.is_some_and(|u| plan.urgency > u)
    {
        problems.push(format!("urgency {} outside expected range", plan.urgency));
    }
    if let Some(first) = &expect.first {
        if shown.first() != Some(&first.as_str()) {
            problems.push(format!("first is {:?}, expected {first}", shown.first()));
        }
    }
    if let Some(last) = &expect.last {
        if shown.last() != Some(&last.as_str()) {
            problems.push(format!("last is {:?}, expected {last}", shown.last()));
        }
    }
    if let Some(count) = expect.count {
        if shown.len() != count {
            problems.push(format!("{} suggestions, expected {count}", shown.len()));
        }
    }
    for id in &expect.include {
        if !shown.contains(&id.as_str()) {
            problems.push(format!("missing suggestion {id}"));
        }
    }
    for id in &expect.exclude {
        if shown.contains(&id.as_str()) {
            problems.push(format!("unexpected suggestion {id}"));
        }
    }
    if let Some(withheld) = &expect.withheld {
        let mut got: Vec<&str> = plan.withheld.iter().map(|w| &*w.id).collect();
        let mut want: Vec<&str> = withheld.iter().map(String::as_str).collect();
        got.sort_unstable();
        want.sort_unstable();
        if got != want {
            problems.push(format!("withheld {got:?}, expected {want:?}"));
        }
    }
    for because in &expect.because {
        if !plan.withheld.iter().any(|w| &w.because == because) {
            problems.push(format!("no withheld item because of {because}"));
        }
    }
    if let Some(reasons) = &expect.reasons {
        let mut got: Vec<&str> = plan.reasons.iter().map(|r| &*r.red_flag).collect();
        let mut want: Vec<&str> = reasons.iter().map(String::as_str).collect();
        got.sort_unstable();
        want.sort_unstable();
        if got != want {
            problems.push(format!("reasons {got:?}, expected {want:?}"));
        }
    }
    problems
}

#[test]
fn scenarios_hold_on_the_builtin_engine() {
    let engine = Engine::builtin().unwrap();
    let scenarios = load();
    assert!(scenarios.len() >= 60, "only {} scenarios", scenarios.len());
    let mut failures = Vec::new();
    for (file, scenario) in &scenarios {
        match engine.evaluate(&scenario.profile) {
            Ok(plan) => {
                for problem in check(&plan, &scenario.expect) {
                    failures.push(format!("{file}: {}: {problem}", scenario.name));
                }
            }
            Err(e) => failures.push(format!("{file}: {}: error {e}", scenario.name)),
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_scenario_plan_keeps_the_safety_rules() {
    let engine = Engine::builtin().unwrap();
    for (_, scenario) in load() {
        let plan = engine.evaluate(&scenario.profile).unwrap();
        assert_eq!(
            plan.see_clinician,
            plan.urgency > Urgency::None,
            "{}",
            scenario.name
        );
        if plan.urgency == Urgency::Emergency {
            assert!(
                plan.suggestions.is_empty() && plan.withheld.is_empty(),
                "{}",
                scenario.name
            );
        }
        for w in &plan.withheld {
            assert!(
                !ids(&plan).contains(&&*w.id),
                "{}: {} both shown and withheld",
                scenario.name,
                w.id
            );
        }
        for s in &plan.suggestions {
            assert!(
                !s.evidence.sources.is_empty(),
                "{}: {} has no source",
                scenario.name,
                s.id
            );
            for source in s.evidence.sources.iter() {
                assert!(
                    engine.source(source).is_some(),
                    "{}: source {source} does not resolve",
                    scenario.name
                );
            }
        }
    }
}

#[test]
fn the_checker_catches_a_wrong_expectation() {
    // A scenario test that cannot fail is a defect: make sure `check` reports mismatches.
    let engine = Engine::builtin().unwrap();
    let plan = engine
        .evaluate(&Profile::new().with_trigger("cold"))
        .unwrap();
    let wrong = Expect {
        urgency: Some(Urgency::Urgent),
        first: Some("hydration".into()),
        include: vec!["acupuncture".into()],
        exclude: vec!["keep-warm".into()],
        withheld: Some(vec!["gentle-heat".into()]),
        reasons: Some(vec!["trauma".into()]),
        ..Expect::default()
    };
    assert_eq!(check(&plan, &wrong).len(), 6);
}

#[test]
fn scenarios_cover_every_red_flag_and_every_caution() {
    let engine = Engine::builtin().unwrap();
    let plans: Vec<Plan> = load()
        .iter()
        .map(|(_, s)| engine.evaluate(&s.profile).unwrap())
        .collect();
    let mut missing = Vec::new();
    for (flag, _) in engine.red_flags() {
        if !plans
            .iter()
            .any(|p| p.reasons.iter().any(|r| &*r.red_flag == flag))
        {
            missing.push(format!("red flag {flag}"));
        }
    }
    for suggestion in engine.suggestions() {
        for caution in suggestion.cautions() {
            let covered = plans.iter().any(|p| {
                if caution.withholds() {
                    p.withheld
                        .iter()
                        .any(|w| &*w.id == suggestion.id() && &*w.caution == caution.text())
                } else {
                    p.suggestions.iter().any(|s| {
                        &*s.id == suggestion.id()
                            && s.cautions.iter().any(|c| &**c == caution.text())
                    })
                }
            });
            if !covered {
                missing.push(format!(
                    "caution on {}: {}",
                    suggestion.id(),
                    caution.text()
                ));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not exercised by any scenario:\n{}",
        missing.join("\n")
    );
}
