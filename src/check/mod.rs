//! The `check` stage: what a pack author needs beyond "it loads".
//!
//! ```text
//! Engine ─run_scenarios─▶ each [[scenario]]'s plan vs its expect, coverage of rules, red flags, cautions
//!        ─lint─▶ warnings with stable codes (W001...)
//! ```

#[cfg(test)]
pub(crate) mod audit;
pub(crate) mod lint;
pub(crate) mod scenario;
