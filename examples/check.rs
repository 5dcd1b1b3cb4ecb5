//! Checks rule packs the way a compiler checks code: loads and validates them (on top of the
//! built-in packs unless `--no-builtin`), prints each error and warning with the offending
//! line and a caret under it, runs the packs' scenarios, and reports what no scenario covers.
//!
//! ```text
//! cargo run --example check -- my-packs/
//! cargo run --example check -- --deny-warnings rules/extra.toml
//! cargo run --example check                       # the built-in packs alone
//! ```
//!
//! Exit status: 0 clean, 1 warnings with `--deny-warnings` (or failing coverage with
//! `--deny-uncovered`), 2 errors or failing scenarios.

#[path = "support/args.rs"]
mod args;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use soothe::{Engine, EngineBuilder, Location};

/// Check soothe rule packs: errors, lints, scenarios and coverage.
#[derive(Parser, Debug)]
#[command(name = "check")]
struct Cli {
    /// Pack files or folders of packs, loaded in order.
    paths: Vec<PathBuf>,
    /// Do not load the built-in packs first.
    #[arg(long)]
    no_builtin: bool,
    /// Exit with status 1 when there are warnings.
    #[arg(long)]
    deny_warnings: bool,
    /// Exit with status 1 when a rule, red flag or caution is not covered by any scenario.
    #[arg(long)]
    deny_uncovered: bool,
}

fn main() -> ExitCode {
    let cli: Cli = match args::parse() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let mut builder = if cli.no_builtin {
        EngineBuilder::empty()
    } else {
        Engine::builder()
    };
    for path in &cli.paths {
        builder.add_pack_path(path);
    }
    let engine = match builder.build() {
        Ok(engine) => engine,
        Err(err) => {
            let message = format!("{:#}", err.kind());
            let help = err
                .kind()
                .did_you_mean()
                .map(|near| format!("did you mean `{near}`?"));
            eprint_text(&diagnostic(
                "error",
                &message,
                err.location(),
                help.as_deref(),
            ));
            args::error_line("could not load the packs");
            return ExitCode::from(2);
        }
    };
    let (code, summary) = check(&cli, &engine);
    // The summary goes to stdout. A closed pipe ends it quietly with the check's own status;
    // any other write error is reported, status 1.
    let mut out = std::io::stdout().lock();
    match out.write_all(summary.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => code,
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => code,
        Err(err) => {
            args::error_line(&format!("cannot write the output: {err}"));
            ExitCode::from(1)
        }
    }
}

/// Lints the engine and runs its scenarios: diagnostics on stderr as they come, and the exit
/// status with the summary for stdout.
fn check(cli: &Cli, engine: &Engine) -> (ExitCode, String) {
    let warnings = engine.lint();
    for w in &warnings {
        eprint_text(&diagnostic(
            &format!("warning[{}]", w.code),
            &format!("{} ({})", w.message, w.name),
            w.location.as_ref(),
            None,
        ));
    }
    let report = engine.run_scenarios();
    // A built-in scenario that fails only because your packs are loaded on top is a warning:
    // your packs change what the built-in packs do there (which may be what you meant).
    let builtin = |pack: &soothe::Id| engine.packs().iter().any(|p| p.id == *pack && p.builtin);
    let changed = |r: &&soothe::ScenarioResult| !cli.paths.is_empty() && builtin(&r.pack);
    let (changed, failed): (Vec<_>, Vec<_>) = report
        .results
        .iter()
        .filter(|r| !r.passed())
        .partition(|r| changed(r));
    for result in &failed {
        let message = format!(
            "scenario `{}` failed: {}",
            result.name,
            result.problems.join("; ")
        );
        eprint_text(&diagnostic("error", &message, Some(&result.location), None));
    }
    for result in &changed {
        let message = format!(
            "your packs change the built-in scenario `{}`: {} (builtin-scenario-changed)",
            result.name,
            result.problems.join("; ")
        );
        eprint_text(&diagnostic(
            "warning[W011]",
            &message,
            Some(&result.location),
            None,
        ));
    }
    let warning_count = warnings.len() + changed.len();

    let coverage = &report.coverage;
    let mut summary = format!(
        "{} packs, {} rules, {} red flags, {} suggestions; {} scenarios, {} failed; {} warnings\n",
        engine.packs().len(),
        engine.rules().count(),
        engine.red_flags().count(),
        engine.suggestions().count(),
        report.results.len(),
        failed.len(),
        warning_count
    );
    if coverage.is_full() {
        summary.push_str(
            "coverage: every rule, red flag, caution and red-flag question is exercised by a scenario\n",
        );
    } else {
        summary.push_str("coverage: not exercised by any scenario:\n");
        for id in &coverage.rules {
            summary.push_str(&format!("  rule `{id}`\n"));
        }
        for id in &coverage.red_flags {
            summary.push_str(&format!("  red flag `{id}`\n"));
        }
        for (id, text) in &coverage.cautions {
            summary.push_str(&format!("  caution on `{id}`: {text}\n"));
        }
        for (flag, finding) in &coverage.questions {
            summary.push_str(&format!("  question `{finding}` of red flag `{flag}`\n"));
        }
    }
    let code = if !failed.is_empty() {
        ExitCode::from(2)
    } else if (cli.deny_warnings && warning_count > 0)
        || (cli.deny_uncovered && !coverage.is_full())
    {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    (code, summary)
}

/// The text of the pack file an error is in, for the caret line: at most 8 MiB of it (the
/// pack loaded, so it is a regular file within the limit; read no more if it changed since).
fn source_text(path: &str) -> Option<String> {
    use std::io::Read as _;
    let mut text = String::new();
    std::fs::File::open(path)
        .ok()?
        .take(8 << 20)
        .read_to_string(&mut text)
        .ok()?;
    Some(text)
}

/// Writes diagnostics on stderr, with control characters of the pack's own lines (a raw
/// escape code in a pack that failed to parse) shown as `�`, so a pack cannot drive the
/// terminal; a closed or full stderr is ignored (nowhere to report it).
fn eprint_text(text: &str) {
    let shown: String = text
        .chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect();
    let _ = std::io::stderr().lock().write_all(shown.as_bytes());
}

/// A rustc-style diagnostic: the message, `--> file:line:column`, the line, and a caret.
fn diagnostic(
    level: &str,
    message: &str,
    location: Option<&Location>,
    help: Option<&str>,
) -> String {
    let mut out = format!("{level}: {message}\n");
    let Some(location) = location else {
        return out;
    };
    let (Some(line), Some(column)) = (location.line(), location.column()) else {
        out.push_str(&format!(" --> {}\n", location.origin()));
        return out;
    };
    let width = line.to_string().len();
    let pad = " ".repeat(width);
    out.push_str(&format!("{pad}--> {}:{line}:{column}\n", location.origin()));
    let text = source_text(location.origin());
    if let Some(source_line) = text.as_deref().and_then(|t| t.lines().nth(line - 1)) {
        let span = location.span().unwrap_or(0..1);
        let rest: String = source_line.chars().skip(column - 1).collect();
        let carets = text
            .as_deref()
            .and_then(|t| t.get(span))
            .map_or(1, |s| s.lines().next().unwrap_or_default().chars().count())
            .clamp(1, rest.chars().count().max(1));
        out.push_str(&format!(
            "{pad} |\n{line} | {source_line}\n{pad} | {}{}\n",
            " ".repeat(column - 1),
            "^".repeat(carets)
        ));
    }
    if let Some((kind, id)) = location.item_id() {
        out.push_str(&format!("{pad} = note: in {kind} `{id}`\n"));
    }
    if let Some(help) = help {
        out.push_str(&format!("{pad} = help: {help}\n"));
    }
    out
}
