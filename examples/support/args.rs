//! Command-line parsing shared by the examples: `--help` and `--version` print and exit 0;
//! a usage mistake prints one line on stderr and exits 2. Nothing here panics when stdout or
//! stderr is closed or full.

use std::io::Write as _;
use std::process::ExitCode;

/// Parses the command line into `T`, or says how the program should exit.
pub fn parse<T: clap::Parser>() -> Result<T, ExitCode> {
    match T::try_parse() {
        Ok(parsed) => Ok(parsed),
        Err(err) if !err.use_stderr() => {
            // `--help` to a closed pipe: nothing to do about it.
            let _ = err.print();
            Err(ExitCode::SUCCESS)
        }
        Err(err) => {
            let text = err.to_string();
            let line = text.lines().next().unwrap_or_default();
            error_line(line.strip_prefix("error: ").unwrap_or(line));
            Err(ExitCode::from(2))
        }
    }
}

/// Writes `error: MESSAGE` on stderr. A closed or full stderr is ignored: there is nowhere
/// left to report it, and `eprintln!` would panic.
pub fn error_line(message: &str) {
    let _ = writeln!(std::io::stderr().lock(), "error: {message}");
}
