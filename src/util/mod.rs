//! Small helpers every stage uses: "did you mean", line and column, TOML errors, the macro
//! for closed sets.

pub(crate) mod closed_set;
pub(crate) mod lines;
pub(crate) mod readability;
pub(crate) mod sha256;
pub(crate) mod similar;
pub(crate) mod toml;
