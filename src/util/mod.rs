//! Small helpers every stage uses: "did you mean", line and column, TOML errors, the macro
//! for closed sets, the text guard (medicines, hygiene, mixed scripts), bounded reads, and
//! readability.

pub(crate) mod closed_set;
pub(crate) mod guard;
pub(crate) mod lines;
pub(crate) mod read;
pub(crate) mod readability;
pub(crate) mod sha256;
pub(crate) mod similar;
pub(crate) mod toml;
