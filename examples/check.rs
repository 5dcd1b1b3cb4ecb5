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

#![allow(clippy::print_stdout, clippy::print_stderr)] // a command-line program prints

#[path = "support/args.rs"]
mod args;

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
            eprint!(
                "{}",
                diagnostic("error", &message, err.location(), help.as_deref())
            );
            eprintln!("error: could not load the packs");
            return ExitCode::from(2);
        }
    };

    let warnings = engine.lint();
    for w in &warnings {
        eprint!(
            "{}",
            diagnostic(
                &format!("warning[{}]", w.code),
                &format!("{} ({})", w.message, w.name),
                w.location.as_ref(),
                None
            )
        );
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
        eprint!(
            "{}",
            diagnostic("error", &message, Some(&result.location), None)
        );
    }
    for result in &changed {
        let message = format!(
            "your packs change the built-in scenario `{}`: {} (builtin-scenario-changed)",
            result.name,
            result.problems.join("; ")
        );
        eprint!(
            "{}",
            diagnostic("warning[W011]", &message, Some(&result.location), None)
        );
    }
    let warning_count = warnings.len() + changed.len();

    let coverage = &report.coverage;
    println!(
        "{} packs, {} rules, {} red flags, {} suggestions; {} scenarios, {} failed; {} warnings",
        engine.packs().len(),
        engine.rules().count(),
        engine.red_flags().count(),
        engine.suggestions().count(),
        report.results.len(),
        failed.len(),
        warning_count
    );
    if coverage.is_full() {
        println!(
            "coverage: every rule, red flag, caution and red-flag question is exercised by a scenario"
        );
    } else {
        println!("coverage: not exercised by any scenario:");
        for id in &coverage.rules {
            println!("  rule `{id}`");
        }
        for id in &coverage.red_flags {
            println!("  red flag `{id}`");
        }
        for (id, text) in &coverage.cautions {
            println!("  caution on `{id}`: {text}");
        }
        for (flag, finding) in &coverage.questions {
            println!("  question `{finding}` of red flag `{flag}`");
        }
    }

    if !failed.is_empty() {
        ExitCode::from(2)
    } else if (cli.deny_warnings && warning_count > 0)
        || (cli.deny_uncovered && !coverage.is_full())
    {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
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
    let text = std::fs::read_to_string(location.origin()).ok();
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
