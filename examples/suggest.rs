//! Prints a self-care plan for a symptom profile.
//!
//! ```text
//! cargo run --example suggest -- --symptom cramp --location calf --timing nocturnal --severity 6
//! cargo run --example suggest -- --profile profile.json --json
//! echo '{"symptoms":[{"kind":"spasm","location":"neck"}]}' | cargo run --example suggest -- --profile -
//! cargo run --example suggest -- --rules my-packs/ --symptom trigger_point --location neck
//! ```
//!
//! Bad input prints one line on stderr (with file, line and column where there is one) and
//! exits with status 2.

#![allow(clippy::print_stdout, clippy::print_stderr)] // a command-line program prints

#[path = "support/args.rs"]
mod args;

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use soothe::{Engine, Error, Plan, Profile, Symptom, Urgency};

/// Suggest safe, evidence-graded self-care for a symptom profile, and say when to see a
/// clinician instead.
#[derive(Parser, Debug)]
#[command(name = "suggest")]
struct Cli {
    /// A profile file (JSON, or TOML by its .toml extension), or `-` for JSON on stdin.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["symptom", "trigger", "finding", "context"])]
    profile: Option<String>,
    /// The symptom kind: cramp, spasm, twitch, trigger_point, stiffness.
    #[arg(long, value_name = "KIND", requires = "location")]
    symptom: Option<String>,
    /// Where the symptom is: calf, thigh, foot, hand, arm, neck, shoulder, upper_back, ...
    #[arg(long, value_name = "PLACE", requires = "symptom")]
    location: Option<String>,
    /// When it happens: nocturnal, daytime, after_exertion, at_rest.
    #[arg(long, value_name = "WHEN", requires = "symptom")]
    timing: Option<String>,
    /// How bad it is, 0 to 10.
    #[arg(long, value_name = "N", requires = "symptom", value_parser = clap::value_parser!(u8).range(0..=10))]
    severity: Option<u8>,
    /// What brought it on (repeatable): stress, cold, overexertion, poor_sleep, ...
    #[arg(long, value_name = "ID")]
    trigger: Vec<String>,
    /// A finding that may need a clinician (repeatable): numbness, calf_swelling, ...
    #[arg(long, value_name = "ID")]
    finding: Vec<String>,
    /// Your circumstances (repeatable): pregnancy, kidney_disease, reduced_sensation, ...
    #[arg(long, value_name = "ID")]
    context: Vec<String>,
    /// A rule pack file or folder added after the built-in packs (repeatable).
    #[arg(long, value_name = "PATH")]
    rules: Vec<PathBuf>,
    /// Print the plan as JSON.
    #[arg(long)]
    json: bool,
}

fn main() -> ExitCode {
    let cli: Cli = match args::parse() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => fail(&message),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

fn run(cli: &Cli) -> Result<(), String> {
    let mut builder = Engine::builder();
    for path in &cli.rules {
        builder.add_pack_path(path);
    }
    let engine = builder.build().map_err(|e| e.to_string())?;
    let (profile, origin) = match &cli.profile {
        Some(path) => {
            let name = if path == "-" {
                "<stdin>"
            } else {
                path.as_str()
            };
            (read_profile(path)?, Origin::File(name))
        }
        None => (profile_from_flags(cli), Origin::Flags),
    };
    let plan = engine
        .evaluate(&profile)
        .map_err(|e| profile_message(&e, &origin))?;
    if cli.json {
        let json = serde_json::to_string_pretty(&plan).map_err(|e| e.to_string())?;
        println!("{json}");
    } else {
        print!("{}", render(&plan, &engine));
    }
    Ok(())
}

/// Where the profile came from, to name the place in error messages.
enum Origin<'a> {
    File(&'a str),
    Flags,
}

fn profile_from_flags(cli: &Cli) -> Profile {
    let mut profile = Profile::new();
    if let (Some(kind), Some(location)) = (&cli.symptom, &cli.location) {
        let mut symptom = Symptom::new(kind, location);
        if let Some(timing) = &cli.timing {
            symptom = symptom.timing(timing);
        }
        if let Some(severity) = cli.severity {
            symptom = symptom.severity(severity);
        }
        profile = profile.with_symptom(symptom);
    }
    profile.triggers.clone_from(&cli.trigger);
    profile.findings.clone_from(&cli.finding);
    profile.context.clone_from(&cli.context);
    profile
}

fn read_profile(path: &str) -> Result<Profile, String> {
    let (name, text) = if path == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("<stdin>: cannot read: {e}"))?;
        ("<stdin>", text)
    } else {
        let text =
            std::fs::read_to_string(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
        (path, text)
    };
    if Path::new(path).extension().is_some_and(|ext| ext == "toml") {
        return Profile::from_toml("profile", &text).map_err(|e| {
            let message = e.to_string();
            format!(
                "{name}{}",
                message.strip_prefix("profile").unwrap_or(&message)
            )
        });
    }
    serde_json::from_str(&text).map_err(|e| {
        let message = e.to_string();
        let message = message.split(" at line ").next().unwrap_or(&message);
        format!("{name}:{}:{}: {message}", e.line(), e.column())
    })
}

/// An evaluation error, naming the flag or the file the bad value came from.
fn profile_message(err: &Error, origin: &Origin<'_>) -> String {
    let Some(location) = err.location() else {
        return err.to_string();
    };
    let path = location.field_path().unwrap_or_default();
    match origin {
        Origin::File(file) => format!("{file}: {path}: {}", err.kind()),
        Origin::Flags => {
            let field = path.rsplit('.').next().unwrap_or(path);
            let flag = match field.split('[').next().unwrap_or(field) {
                "kind" => "--symptom",
                "location" => "--location",
                "timing" => "--timing",
                "severity" => "--severity",
                "triggers" => "--trigger",
                "findings" => "--finding",
                "context" => "--context",
                other => other,
            };
            format!("{flag}: {}", err.kind())
        }
    }
}

const WIDTH: usize = 88;

/// Wraps `text` to the page width, indenting every line by `indent` spaces.
fn wrap(out: &mut String, indent: usize, text: &str) {
    wrap_hanging(out, indent, indent, text);
}

/// Wraps `text`, indenting the first line by `first` spaces and the rest by `rest`.
fn wrap_hanging(out: &mut String, first: usize, rest: usize, text: &str) {
    let (first, rest) = (" ".repeat(first), " ".repeat(rest));
    let options = textwrap::Options::new(WIDTH)
        .initial_indent(&first)
        .subsequent_indent(&rest)
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    for line in textwrap::wrap(text, options) {
        out.push_str(&line);
        out.push('\n');
    }
}

/// The plan as a person reads it.
fn render(plan: &Plan, engine: &Engine) -> String {
    let mut out = String::new();
    if plan.see_clinician {
        let heading = match plan.urgency {
            Urgency::Emergency => "EMERGENCY".to_owned(),
            other => format!("SEE A CLINICIAN ({})", other.as_str().to_uppercase()),
        };
        wrap(
            &mut out,
            0,
            &format!("{heading}: {}.", capitalise(plan.urgency.advice())),
        );
        for reason in &plan.reasons {
            wrap_hanging(
                &mut out,
                2,
                4,
                &format!("- [{}] {}", reason.urgency, reason.text),
            );
        }
        out.push('\n');
    }
    if plan.urgency == Urgency::Emergency {
        wrap(
            &mut out,
            0,
            "Self-care suggestions are not shown: this needs emergency care first.",
        );
    } else if plan.suggestions.is_empty() && plan.withheld.is_empty() {
        wrap(
            &mut out,
            0,
            "No self-care suggestions for this profile. Describe a symptom with --symptom KIND --location PLACE.",
        );
    }
    if !plan.suggestions.is_empty() {
        out.push_str("Self-care you can try, best supported and most specific first:\n\n");
    }
    for (n, s) in plan.suggestions.iter().enumerate() {
        wrap(
            &mut out,
            0,
            &format!("{}. {} [{}]", n + 1, s.title, s.category.label()),
        );
        if s.clinician_first {
            wrap(&mut out, 3, "Ask your clinician first.");
        }
        wrap(&mut out, 3, s.how_to);
        wrap(
            &mut out,
            3,
            &format!(
                "Evidence: {}, {}. {}",
                s.evidence.grade.label(),
                direction(s.evidence.direction),
                s.evidence.note
            ),
        );
        for id in s.evidence.sources.iter() {
            let cited = match engine.source(id) {
                Some(source) => match source.link() {
                    Some(link) => format!("Source: {} {link}", source.citation),
                    None => format!("Source: {}", source.citation),
                },
                None => format!("Source: {id}"),
            };
            wrap(&mut out, 3, &cited);
        }
        for caution in &s.cautions {
            wrap(&mut out, 3, &format!("Caution: {caution}"));
        }
        out.push('\n');
    }
    if !plan.withheld.is_empty() {
        out.push_str("Not suggested for you, for safety:\n");
        for w in &plan.withheld {
            let line = format!(
                "- {} (because of {}: {}): {}",
                w.title, w.because.kind, w.because.id, w.caution
            );
            wrap_hanging(&mut out, 2, 4, &line);
        }
        out.push('\n');
    }
    wrap(
        &mut out,
        0,
        "This is self-care information, not medical advice: it does not replace your clinician.",
    );
    out
}

fn direction(direction: soothe::Direction) -> &'static str {
    match direction {
        soothe::Direction::For => "points in favour",
        soothe::Direction::Mixed => "mixed",
        soothe::Direction::Against => "finds no meaningful benefit",
        _ => "unclear",
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
