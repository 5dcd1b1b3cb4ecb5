#![cfg(test)]
//! Runs the example programs as a person would, for the integration tests.

#![allow(dead_code)] // each test file uses part of this

use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The example binary `name`. `cargo test` builds examples, but not when only one test target
/// is asked for, so make sure it is built and current (a no-op when it is).
pub fn binary(name: &str) -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--quiet", "--example", name])
        .status()
        .unwrap();
    assert!(status.success(), "cannot build the {name} example");
    let dir = std::env::current_exe()
        .unwrap()
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .to_path_buf();
    dir.join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX))
}

/// Runs `binary` with `args`, and `input` on stdin.
pub fn run(binary: &PathBuf, args: &[&str], input: &str) -> Output {
    run_bytes(binary, args, input.as_bytes())
}

/// Runs `binary` with `args`, and `input` (any bytes) on stdin.
pub fn run_bytes(binary: &PathBuf, args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(binary)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Write stdin from another thread: a program that answers as it reads (--jsonl) would
    // otherwise block on a full stdout while we block on a full stdin. A program may also stop
    // reading before the end (input over a size limit): a broken pipe is fine.
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().unwrap();
    if let Err(err) = writer.join().unwrap() {
        assert_eq!(err.kind(), std::io::ErrorKind::BrokenPipe, "{err}");
    }
    output
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// Runs `binary` with `args` and its stdout a pipe whose reading end is closed before the
/// program writes (it is closed right after the start, while the program is still loading
/// its packs): the program must end quietly, never panic.
pub fn run_with_closed_stdout(binary: &PathBuf, args: &[&str]) -> Output {
    let mut child = Command::new(binary)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}

/// Runs `binary` with `args` and its stdout `/dev/full` (every write fails: no space left),
/// or `None` where there is no `/dev/full`.
pub fn run_with_full_stdout(binary: &PathBuf, args: &[&str]) -> Option<Output> {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .ok()?;
    let out = Command::new(binary)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::from(full))
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    Some(out)
}
