//! Command-line parsing shared by the examples: `--help` and `--version` print and exit 0;
//! a usage mistake prints one line on stderr and exits 2.

use std::process::ExitCode;

/// Parses the command line into `T`, or says how the program should exit.
pub fn parse<T: clap::Parser>() -> Result<T, ExitCode> {
    match T::try_parse() {
        Ok(parsed) => Ok(parsed),
        Err(err) if !err.use_stderr() => {
            let _ = err.print();
            Err(ExitCode::SUCCESS)
        }
        Err(err) => {
            let text = err.to_string();
            let line = text.lines().next().unwrap_or_default();
            eprintln!("error: {}", line.strip_prefix("error: ").unwrap_or(line));
            Err(ExitCode::from(2))
        }
    }
}
