//! Runs the `suggest` example as a person would, on flags, profile files, stdin and packs.

#![cfg(test)]

#[path = "support/example.rs"]
mod example;

use std::path::PathBuf;
use std::process::Output;
use std::sync::OnceLock;

use example::{stderr, stdout};

fn suggest_bin() -> PathBuf {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| example::binary("suggest")).clone()
}

fn run(args: &[&str]) -> Output {
    example::run(&suggest_bin(), args, "")
}

fn run_stdin(args: &[&str], input: &str) -> Output {
    example::run(&suggest_bin(), args, input)
}

#[test]
fn headline_calf_cramp_prints_a_readable_plan() {
    let out = run(&[
        "--symptom",
        "cramp",
        "--location",
        "calf",
        "--timing",
        "nocturnal",
        "--severity",
        "6",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("Self-care you can try"), "{text}");
    assert!(text.contains("1. Calf and thigh stretches before bed [stretching]"));
    assert!(text.contains("Evidence: low certainty, points in favour."));
    assert!(text.contains("https://doi.org/10.1016/S1836-9553(12)70068-1"));
    assert!(!text.contains("6. "), "the best five lead: {text}");
    assert!(text.contains("3 more suggestions: run with --all to see them."));
    assert!(text.contains("\nWhat to watch for:\n  - Call an ambulance if you get chest pain"));
    assert!(text.contains("\nQuestions that would change this advice:\n  - "));
    assert!(
        text.contains("Is one of your calves swollen? (if yes: get seen by a clinician today)")
    );
    assert!(
        !text.contains("Ask your clinician first."),
        "magnesium (clinician first) is beyond the best five"
    );
    let all = stdout(&run(&[
        "--symptom",
        "cramp",
        "--location",
        "calf",
        "--timing",
        "nocturnal",
        "--severity",
        "6",
        "--all",
    ]));
    assert!(
        all.contains(
            "8. Magnesium: ask first, and expect little [supplement]\n   Ask your clinician first."
        ),
        "{all}"
    );
    assert!(text.trim_end().ends_with(
        "\nThis is self-care information, not medical advice: it does not replace your clinician."
    ));
}

#[test]
fn red_flags_come_first_with_the_urgency() {
    let out = run(&[
        "--symptom",
        "cramp",
        "--location",
        "calf",
        "--finding",
        "calf_swelling",
    ]);
    let text = stdout(&out);
    assert!(
        text.starts_with("SEE A CLINICIAN (URGENT): Get seen by a clinician today."),
        "{text}"
    );
    assert!(text.contains("Not suggested for you, for safety:"));
    assert!(text.contains(
        "Press and massage the knot yourself (until a clinician has seen you): Until a doctor"
    ));
}

#[test]
fn emergency_shows_only_the_referral() {
    let out = run(&[
        "--symptom",
        "cramp",
        "--location",
        "calf",
        "--finding",
        "calf_swelling",
        "--finding",
        "chest_pain",
    ]);
    let text = stdout(&out);
    assert!(
        text.starts_with("EMERGENCY: Call emergency services now."),
        "{text}"
    );
    assert!(text.contains("Self-care suggestions are not shown"));
    assert!(!text.contains("1. "));
}

#[test]
fn json_output_is_the_plan() {
    let out = run(&[
        "--symptom",
        "cramp",
        "--location",
        "calf",
        "--context",
        "kidney_disease",
        "--json",
    ]);
    assert!(out.status.success());
    let plan: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(plan["urgency"], "routine");
    assert_eq!(plan["see_clinician"], true);
    assert_eq!(plan["reasons"][0]["red_flag"], "secondary-cause");
    assert_eq!(plan["suggestions"][0]["id"], "calf-stretch-before-bed");
    assert_eq!(plan["suggestions"][0]["evidence"]["grade"], "low");
    assert_eq!(plan["withheld"][0]["id"], "magnesium-supplement");
    assert_eq!(
        plan["withheld"][0]["because"],
        serde_json::json!({"kind": "context", "id": "kidney_disease"})
    );
}

#[test]
fn profile_files_json_and_toml() {
    let out = run(&["--profile", "tests/data/profiles/calf.json", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let plan: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(plan["suggestions"][0]["id"], "keep-warm");
    assert_eq!(plan["suggestions"][1]["id"], "calf-stretch-before-bed");

    let out = run(&["--profile", "tests/data/profiles/neck.toml", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let plan: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(plan["suggestions"][0]["id"], "workstation-ergonomics");
}

#[test]
fn profile_on_stdin() {
    let out = run_stdin(
        &["--profile", "-", "--json"],
        r#"{"symptoms":[{"kind":"spasm","location":"neck"}]}"#,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("\"gentle-heat\""));
}

#[test]
fn rules_add_a_pack() {
    let dir = std::env::temp_dir().join(format!("soothe-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pack = dir.join("toe.toml");
    std::fs::write(
        &pack,
        "[pack]\nid = 'toe'\nversion = '1'\nformat = 2\n[[vocabulary.location]]\nid = 'big_toe'\nlabel = 'big toe'\n[[rule]]\nid = 'toe'\nwhen = { location = ['big_toe'] }\nsuggest = [{ id = 'gentle-heat', weight = 10 }]\n",
    )
    .unwrap();
    let out = run(&[
        "--rules",
        pack.to_str().unwrap(),
        "--symptom",
        "cramp",
        "--location",
        "big_toe",
        "--json",
    ]);
    let folder = run(&[
        "--rules",
        dir.to_str().unwrap(),
        "--symptom",
        "cramp",
        "--location",
        "big_toe",
        "--json",
    ]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let plan: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(plan["suggestions"][0]["rules"], serde_json::json!(["toe"]));
    assert!(folder.status.success(), "{}", stderr(&folder));
}

#[test]
fn a_typo_gets_one_line_and_status_2() {
    let out = run(&["--symptom", "cramp", "--location", "calff"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: --location: unknown location `calff`; did you mean `calf`?\n"
    );
    assert!(stdout(&out).is_empty());
}

/// `suggest --rules PATH` for a calf cramp.
fn calf_cramp_with_rules(path: &str) -> Output {
    run(&["--rules", path, "--symptom", "cramp", "--location", "calf"])
}

#[test]
fn a_bad_pack_names_file_line_and_column() {
    let out = calf_cramp_with_rules("tests/fixtures/invalid/unknown-id.toml");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: tests/fixtures/invalid/unknown-id.toml:8:40: rule `big-toe`: unknown location `calff`; did you mean `calf`?\n"
    );
}

#[test]
fn a_bad_profile_file_names_line_and_column() {
    let out = run_stdin(&["--profile", "-"], "{\"symptoms\": [],\n \"trigers\": []}");
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.starts_with("error: <stdin>:2:10: unknown field `trigers`; did you mean `triggers`?"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn bad_flags_get_one_line_and_status_2() {
    for args in [
        &["--symptom", "cramp"][..],
        &[
            "--symptom",
            "cramp",
            "--location",
            "calf",
            "--severity",
            "11",
        ],
        &["--frobnicate"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            stderr(&out).lines().count(),
            1,
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

// ---------------------------------------------------------------- issue 13

#[test]
fn a_closed_stdout_ends_quietly_with_status_0() {
    // Defect 7: this panicked (exit 101).
    for args in [
        &["--symptom", "cramp", "--location", "calf", "--all"][..],
        &["--symptom", "cramp", "--location", "calf", "--json"],
    ] {
        let out = example::run_with_closed_stdout(&suggest_bin(), args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{args:?}");
    }
}

#[test]
fn a_full_stdout_is_reported_with_status_1() {
    let Some(out) = example::run_with_full_stdout(
        &suggest_bin(),
        &["--symptom", "cramp", "--location", "calf"],
    ) else {
        return;
    };
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "error: cannot write the output: No space left on device (os error 28)\n"
    );
}

#[cfg(unix)]
#[test]
fn rules_and_profiles_that_are_not_files_fail_fast() {
    // Defect 5: `--rules /dev/zero` grew to 2 GB before failing; a FIFO blocked for ever.
    let out = calf_cramp_with_rules("/dev/zero");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: /dev/zero: cannot read: it is a device, not a regular file\n"
    );
    let out = run(&["--profile", "/dev/zero"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: /dev/zero: cannot read: it is a device, not a regular file\n"
    );
    let fifo = std::env::temp_dir().join(format!("soothe-cli-fifo-{}.toml", std::process::id()));
    let _ = std::fs::remove_file(&fifo);
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let out = calf_cramp_with_rules(fifo.to_str().unwrap());
    std::fs::remove_file(&fifo).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).ends_with(": cannot read: it is a named pipe (FIFO), not a regular file\n"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_oversized_profile_on_stdin_fails_at_the_limit() {
    let big = format!(
        "{{\"findings\": [{}\"numbness\"]}}",
        "\"numbness\", ".repeat(100_000)
    );
    assert!(big.len() > 1 << 20);
    let out = run_stdin(&["--profile", "-"], &big);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: <stdin>: profile size in bytes (read so far) is 1048577, over the limit of 1048576\n"
    );
}

#[test]
fn escape_codes_in_input_are_not_printed_raw() {
    // Issue 13, defect 2: the CLI printed pack text with escape codes raw. Packs with them no
    // longer load; input echoed in an error message is escaped.
    let out = run(&["--symptom", "cramp", "--location", "\u{1b}[2Jcalf"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert!(err.contains("\\u{1b}[2Jcalf"), "{err}");
}

#[test]
fn jsonl_keeps_the_order_and_reports_bad_lines_by_number() {
    // Line i + 1 of the input is the profile for i.
    let input: String = (0..9_000)
        .map(|i| match i % 1_000 {
            7 => "[]\n",
            8 => "{\"symptoms\":[{\"kind\":\"cramp\",\"location\":\"calff\"}]}\n",
            9 => "\n", // a blank line: skipped, but counted
            _ => "{\"symptoms\":[{\"kind\":\"cramp\",\"location\":\"calf\"}]}\n",
        })
        .collect();
    let out = run_stdin(&["--jsonl"], &input);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 9_000 - 9);
    let errors: Vec<&serde_json::Value> =
        lines.iter().filter(|l| l.get("error").is_some()).collect();
    assert_eq!(errors.len(), 18);
    assert_eq!(errors[0]["error"]["line"], 8);
    assert_eq!(errors[0]["error"]["kind"], "invalid_type");
    assert_eq!(errors[1]["error"]["line"], 9);
    assert_eq!(errors[1]["error"]["kind"], "unknown_id");
    assert_eq!(errors[1]["error"]["field"], "symptoms[0].location");
    assert_eq!(errors[17]["error"]["line"], 8_009);
    assert_eq!(lines[0]["urgency"], "none");
    // One thread or two: the same lines in the same order.
    let one = run_stdin(&["--jsonl", "--threads", "1"], &input);
    assert_eq!(stdout(&one), stdout(&out));
}

#[test]
fn jsonl_refuses_long_and_non_utf8_lines_and_goes_on() {
    let calf = b"{\"symptoms\":[{\"kind\":\"cramp\",\"location\":\"calf\"}]}\n";
    let mut input = Vec::new();
    input.extend_from_slice(calf);
    // Over the 1 MiB profile size limit: an error line, the rest of the line skipped.
    input.extend_from_slice(b"{\"findings\":[");
    input.extend(std::iter::repeat_n(b' ', 2 << 20));
    input.extend_from_slice(b"]}\n");
    // Not UTF-8: an error line, never a profile read with the bad bytes replaced.
    input.extend_from_slice(b"{\"context\":[\"pregn\xffancy\"]}\n");
    input.extend_from_slice(calf);
    let out = example::run_bytes(&suggest_bin(), &["--jsonl"], &input);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["urgency"], "none");
    assert_eq!(lines[1]["error"]["line"], 2);
    assert_eq!(lines[1]["error"]["kind"], "limit_exceeded");
    assert_eq!(lines[2]["error"]["line"], 3);
    assert_eq!(lines[2]["error"]["kind"], "io");
    assert_eq!(lines[3]["urgency"], "none");
}
