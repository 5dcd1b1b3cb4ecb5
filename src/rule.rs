//! Compiled rules and red flags.

use std::sync::Arc;

use crate::condition::Condition;
use crate::urgency::Urgency;

/// A rule: when its condition holds, it suggests measures with weights.
#[derive(Clone, Debug)]
pub(crate) struct Rule {
    pub id: Arc<str>,
    /// `rule: ID`, ready for a plan's `because`.
    pub because: Arc<str>,
    pub when: Condition,
    /// Suggestion indices with their weights.
    pub suggest: Box<[(u32, u32)]>,
    pub pack: Arc<str>,
    pub enabled: bool,
}

/// A red flag: when its condition holds, the person should see a clinician.
#[derive(Clone, Debug)]
pub(crate) struct RedFlag {
    pub id: Arc<str>,
    pub when: Condition,
    pub urgency: Urgency,
    pub text: Arc<str>,
    pub sources: Arc<[Arc<str>]>,
    pub pack: Arc<str>,
}
