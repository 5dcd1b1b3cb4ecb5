//! Runs the `check` example on the built-in packs and on packs with mistakes.

#![cfg(test)]

#[path = "support/example.rs"]
mod example;

use std::path::PathBuf;
use std::process::Output;
use std::sync::OnceLock;

use example::{stderr, stdout};

fn check(args: &[&str]) -> Output {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    example::run(BIN.get_or_init(|| example::binary("check")), args, "")
}

#[test]
fn the_builtin_packs_are_clean_and_fully_covered() {
    let out = check(&["--deny-warnings", "--deny-uncovered"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("0 failed; 0 warnings"), "{text}");
    assert!(text.contains(
        "coverage: every rule, red flag, caution and red-flag question is exercised by a scenario"
    ));
}

#[test]
fn an_error_shows_the_line_a_caret_and_a_suggestion() {
    let out = check(&["tests/fixtures/invalid/unknown-id.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: unknown location `calff`\n \
         --> tests/fixtures/invalid/unknown-id.toml:8:40\n  \
         |\n\
         8 | when = { kind = [\"cramp\"], location = [\"calff\"] }\n  \
         |                                        ^^^^^^^\n  \
         = note: in rule `big-toe`\n  \
         = help: did you mean `calf`?\n\
         error: could not load the packs\n"
    );
}

#[test]
fn every_lint_fires_on_the_demo_pack() {
    let out = check(&["tests/data/lint/warnings.toml"]);
    assert_eq!(out.status.code(), Some(0), "warnings alone do not fail");
    let err = stderr(&out);
    for code in [
        "W001", "W002", "W003", "W005", "W006", "W007", "W008", "W009", "W010", "W011", "W012",
        "W013",
    ] {
        assert!(
            err.contains(&format!("warning[{code}]")),
            "{code} missing:\n{err}"
        );
    }
    assert!(err.contains("warning[W001]: suggestion `orphan` is not suggested by any enabled rule (unused-suggestion)\n  --> tests/data/lint/warnings.toml:16:6"));
    assert!(stdout(&out).contains("coverage: not exercised by any scenario:\n  rule `never`"));

    let denied = check(&["--deny-warnings", "tests/data/lint/warnings.toml"]);
    assert_eq!(denied.status.code(), Some(1));
}

#[test]
fn a_failing_scenario_names_itself_and_its_place() {
    let out = check(&["tests/data/lint/failing-scenario.toml"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.starts_with(
        "error: scenario `calf cramp wrongly expected urgent` failed: urgency is `none`, expected `urgent`; suggestion `acupuncture` is not shown\n --> tests/data/lint/failing-scenario.toml:6:1\n"
    ), "{err}");
}

#[test]
fn without_builtin_packs_a_pack_needs_its_own_vocabulary() {
    let out = check(&["--no-builtin", "tests/fixtures/invalid/unknown-id.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("error: unknown symptom kind `cramp`"),
        "{}",
        stderr(&out)
    );
}
