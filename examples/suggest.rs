//! Prints a self-care plan for a symptom profile: what to do now, what to watch for, and the
//! questions that would change the advice; or asks those questions first (`--ask`).
//!
//! ```text
//! cargo run --example suggest -- --symptom cramp --location calf --timing nocturnal --severity 6
//! cargo run --example suggest -- --symptom stiffness --location shoulder --age 67 --weeks 2 --ask
//! cargo run --example suggest -- --profile profile.json --json
//! echo '{"symptoms":[{"kind":"spasm","location":"neck"}]}' | cargo run --example suggest -- --profile -
//! cargo run --example suggest -- --rules my-packs/ --symptom trigger_point --location neck
//! ```
//!
//! Bad input prints one line on stderr (naming the file, line and column, or the field or
//! flag) and exits with status 2. Output to a closed pipe ends quietly.

#[path = "support/args.rs"]
mod args;
#[path = "support/jsonl.rs"]
mod jsonl;
#[path = "support/render.rs"]
mod render;

use std::io::{BufRead, IsTerminal as _, Read as _, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use soothe::{Engine, Error, Onset, Profile, QuestionKind, Symptom, Trend, Urgency};

/// Suggest safe, evidence-graded self-care for a symptom profile, and say when to see a
/// clinician instead.
#[derive(Parser, Debug)]
#[command(name = "suggest")]
struct Cli {
    /// A profile file (JSON, or TOML by its .toml extension), or `-` for JSON on stdin.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["symptom", "trigger", "finding", "absent", "context", "age", "self_care_weeks"])]
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
    /// How it came on: sudden or gradual.
    #[arg(long, value_name = "HOW", requires = "symptom")]
    onset: Option<Onset>,
    /// How many weeks it has gone on, 0 to 1040.
    #[arg(long, value_name = "N", requires = "symptom", value_parser = clap::value_parser!(u16).range(0..=1040))]
    weeks: Option<u16>,
    /// How many episodes a week, 0 to 1000.
    #[arg(long, value_name = "N", requires = "symptom", value_parser = clap::value_parser!(u16).range(0..=1000))]
    episodes: Option<u16>,
    /// How many minutes one episode lasts, 0 to 10080.
    #[arg(long, value_name = "MINUTES", requires = "symptom", value_parser = clap::value_parser!(u16).range(0..=10080))]
    duration: Option<u16>,
    /// Which way it is going: better, same or worse.
    #[arg(long, value_name = "WAY", requires = "symptom")]
    trend: Option<Trend>,
    /// Your age in years, 0 to 130.
    #[arg(long, value_name = "YEARS", value_parser = clap::value_parser!(u8).range(0..=130))]
    age: Option<u8>,
    /// How many weeks you have tried self-care, 0 to 1040.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(0..=1040))]
    self_care_weeks: Option<u16>,
    /// What brought it on (repeatable): stress, cold, overexertion, poor_sleep, ...
    #[arg(long, value_name = "ID")]
    trigger: Vec<String>,
    /// A finding you have (repeatable): numbness, calf_swelling, ...
    #[arg(long, value_name = "ID")]
    finding: Vec<String>,
    /// A finding (or context) you were asked about and do not have (repeatable).
    #[arg(long, value_name = "ID")]
    absent: Vec<String>,
    /// Your circumstances (repeatable): pregnancy, kidney_disease, reduced_sensation, ...
    #[arg(long, value_name = "ID")]
    context: Vec<String>,
    /// A rule pack file or folder added after the built-in packs (repeatable).
    #[arg(long, value_name = "PATH")]
    rules: Vec<PathBuf>,
    /// Ask the plan's questions one at a time first (y, n, or s to skip), then print the plan.
    #[arg(long)]
    ask: bool,
    /// Show every suggestion, not only the best five.
    #[arg(long)]
    all: bool,
    /// Print the plan as JSON.
    #[arg(long)]
    json: bool,
    /// Read one JSON profile per line on stdin and write one plan per line (or
    /// `{"error": {...}}` with the line number), in order, on every core.
    #[arg(long, conflicts_with_all = ["profile", "symptom", "ask", "json", "all"])]
    jsonl: bool,
    /// With --jsonl: how many threads (default: every core).
    #[arg(long, value_name = "N", requires = "jsonl", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
}

/// How the program ends.
enum Failure {
    /// Bad input: a one-line message, status 2.
    Input(String),
    /// Writing the output failed: quiet on a closed pipe (status 0), else status 1.
    Output(std::io::Error),
}

impl From<std::io::Error> for Failure {
    fn from(err: std::io::Error) -> Failure {
        Failure::Output(err)
    }
}

fn main() -> ExitCode {
    let cli: Cli = match args::parse() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(message)) => {
            args::error_line(&message);
            ExitCode::from(2)
        }
        Err(Failure::Output(err)) if err.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(Failure::Output(err)) => {
            args::error_line(&format!("cannot write the output: {err}"));
            ExitCode::from(1)
        }
    }
}

fn run(cli: &Cli) -> Result<(), Failure> {
    let mut builder = Engine::builder();
    for path in &cli.rules {
        builder.add_pack_path(path);
    }
    let engine = builder.build().map_err(|e| Failure::Input(e.to_string()))?;
    if cli.jsonl {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let threads = cli.threads.map_or(cores, usize::from);
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        jsonl::run(&engine, &mut std::io::stdin().lock(), &mut out, threads)?;
        out.flush()?;
        return Ok(());
    }
    let (profile, origin) = match &cli.profile {
        Some(path) => (read_profile(&engine, path)?, Origin::File(path_name(path))),
        None => (profile_from_flags(cli), Origin::Flags),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let profile = if cli.ask {
        let stdin = std::io::stdin();
        // Piped answers are not echoed by a terminal: echo them, so the transcript reads.
        let echo = !stdin.is_terminal();
        let prompts: &mut dyn Write = if cli.json {
            &mut std::io::stderr()
        } else {
            &mut out
        };
        let mut answers = Answers {
            input: &mut stdin.lock(),
            echo,
        };
        interview(&engine, profile, &origin, &mut answers, prompts)?
    } else {
        profile
    };
    let plan = engine
        .evaluate(&profile)
        .map_err(|e| Failure::Input(profile_message(&e, &origin)))?;
    if cli.json {
        serde_json::to_writer_pretty(&mut out, &plan).map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else {
        out.write_all(render::plan(&plan, &engine, cli.all).as_bytes())?;
    }
    out.flush()?;
    Ok(())
}

/// Asks the plan's questions one at a time, re-evaluating after each answer, until none is
/// left or the plan is an emergency; end of input ends it with the profile so far.
fn interview(
    engine: &Engine,
    mut profile: Profile,
    origin: &Origin<'_>,
    input: &mut Answers<'_>,
    out: &mut dyn Write,
) -> Result<Profile, Failure> {
    let mut skipped: Vec<String> = Vec::new();
    loop {
        let plan = engine
            .evaluate(&profile)
            .map_err(|e| Failure::Input(profile_message(&e, origin)))?;
        let next = plan
            .questions
            .iter()
            .find(|q| !skipped.iter().any(|s| q.id == s.as_str()));
        let Some(question) = next.filter(|_| plan.urgency < Urgency::Emergency) else {
            return Ok(profile);
        };
        let Some(answer) = ask(question.text, input, out)? else {
            writeln!(out)?;
            return Ok(profile);
        };
        let id = question.id.to_string();
        match (answer, question.kind) {
            (Answer::Yes, QuestionKind::Finding) => profile.findings.push(id),
            (Answer::Yes, _) => profile.context.push(id),
            (Answer::No, _) => profile.absent.push(id),
            (Answer::Skip, _) => skipped.push(id),
        }
    }
}

/// An answer to a yes/no question.
enum Answer {
    Yes,
    No,
    Skip,
}

/// Where answers come from: a terminal, or a pipe whose lines are echoed.
struct Answers<'a> {
    input: &'a mut dyn BufRead,
    echo: bool,
}

/// The longest answer read at once; a longer line is read as several answers.
const MAX_ANSWER_BYTES: u64 = 1024;

/// Asks one question until the answer is y, n or s; `None` at the end of input.
fn ask(
    text: &str,
    input: &mut Answers<'_>,
    out: &mut dyn Write,
) -> Result<Option<Answer>, Failure> {
    loop {
        write!(out, "{text} [y/n/s] ")?;
        out.flush()?;
        let mut line = String::new();
        // An answer is a word: read at most a short line, whatever stdin holds.
        if (&mut input.input)
            .take(MAX_ANSWER_BYTES)
            .read_line(&mut line)?
            == 0
        {
            return Ok(None);
        }
        if input.echo {
            writeln!(out, "{}", line.trim_end())?;
        }
        match line.trim().to_lowercase().as_str() {
            "y" | "yes" => return Ok(Some(Answer::Yes)),
            "n" | "no" => return Ok(Some(Answer::No)),
            "s" | "skip" | "" => return Ok(Some(Answer::Skip)),
            _ => writeln!(out, "Please answer y (yes), n (no) or s (skip).")?,
        }
    }
}

/// Where the profile came from, to name the place in error messages.
enum Origin<'a> {
    File(&'a str),
    Flags,
}

fn path_name(path: &str) -> &str {
    if path == "-" { "<stdin>" } else { path }
}

fn profile_from_flags(cli: &Cli) -> Profile {
    let mut profile = Profile::new();
    if let (Some(kind), Some(location)) = (&cli.symptom, &cli.location) {
        let mut s = Symptom::new(kind, location);
        s.timing.clone_from(&cli.timing);
        s.severity = cli.severity;
        s.onset = cli.onset;
        s.weeks = cli.weeks;
        s.episodes_per_week = cli.episodes;
        s.duration_minutes = cli.duration;
        s.trend = cli.trend;
        profile = profile.with_symptom(s);
    }
    profile.age = cli.age;
    profile.self_care_weeks = cli.self_care_weeks;
    profile.triggers.clone_from(&cli.trigger);
    profile.findings.clone_from(&cli.finding);
    profile.absent.clone_from(&cli.absent);
    profile.context.clone_from(&cli.context);
    profile
}

/// Reads the profile file (or stdin for `-`), bounded by the engine's profile size limit: a
/// regular file only, its size checked before it is read; stdin read no further than the
/// limit.
fn read_profile(engine: &Engine, path: &str) -> Result<Profile, Failure> {
    let name = path_name(path);
    let limits = engine.limits();
    let text = if path == "-" {
        limits.read_profile(name, std::io::stdin().lock())
    } else {
        limits.read_profile_file(path)
    }
    .map_err(|e| Failure::Input(e.to_string()))?;
    if Path::new(path).extension().is_some_and(|ext| ext == "toml") {
        return Profile::from_toml(name, &text).map_err(|e| Failure::Input(e.to_string()));
    }
    serde_json::from_str(&text).map_err(|e| {
        // The message names the field; serde_json adds where it is.
        let message = e.to_string();
        let message = message.split(" at line ").next().unwrap_or(&message);
        Failure::Input(format!("{name}:{}:{}: {message}", e.line(), e.column()))
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
                "absent" => "--absent",
                "context" => "--context",
                "age" => "--age",
                "self_care_weeks" => "--self-care-weeks",
                other => other,
            };
            format!("{flag}: {}", err.kind())
        }
    }
}
