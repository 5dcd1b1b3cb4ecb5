//! A person's symptom profile: what they feel, where, when, what brings it on, and their context.

use serde::{Deserialize, Serialize};

use std::sync::Arc;

use crate::error::{Error, ErrorKind, Location, Result};
use crate::util::toml::toml_error;

/// The most severe a symptom can be.
pub(crate) const MAX_SEVERITY: u8 = 10;

/// A symptom profile: the input to [`Engine::evaluate`](crate::Engine::evaluate).
///
/// Ids are checked against the engine's vocabulary when the profile is evaluated; an unknown
/// id is an error that names the field and the nearest known id.
///
/// ```
/// use soothe::{Profile, Symptom};
/// let profile = Profile::new()
///     .with_symptom(Symptom::new("cramp", "calf").timing("nocturnal").severity(6))
///     .with_trigger("cold");
/// assert_eq!(profile.symptoms.len(), 1);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Profile {
    /// What the person feels, and where.
    #[serde(default)]
    pub symptoms: Vec<Symptom>,
    /// What brings it on (`stress`, `cold`, ...).
    #[serde(default)]
    pub triggers: Vec<String>,
    /// Findings that may be red flags (`calf_swelling`, `numbness`, ...).
    #[serde(default)]
    pub findings: Vec<String>,
    /// The person's circumstances that cautions look at (`pregnancy`, `kidney_disease`, ...).
    #[serde(default)]
    pub context: Vec<String>,
    /// How many episodes a week, if known. Recorded, not used by the built-in rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub episodes_per_week: Option<u32>,
    /// How long an episode lasts in minutes, if known. Recorded, not used by the built-in rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_minutes: Option<u32>,
}

/// One symptom: a kind at a location, with optional timing and severity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Symptom {
    /// The symptom kind (`cramp`, `spasm`, `twitch`, `trigger_point`, `stiffness`, ...).
    pub kind: String,
    /// Where it is (`calf`, `neck`, `widespread`, ...).
    pub location: String,
    /// When it happens (`nocturnal`, `after_exertion`, ...), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timing: Option<String>,
    /// How bad, 0 to 10, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<u8>,
}

impl Symptom {
    /// A symptom of `kind` at `location`.
    pub fn new(kind: impl Into<String>, location: impl Into<String>) -> Symptom {
        Symptom {
            kind: kind.into(),
            location: location.into(),
            timing: None,
            severity: None,
        }
    }

    /// Sets when it happens.
    #[must_use]
    pub fn timing(mut self, timing: impl Into<String>) -> Symptom {
        self.timing = Some(timing.into());
        self
    }

    /// Sets how bad it is, 0 to 10 (checked when the profile is evaluated).
    #[must_use]
    pub fn severity(mut self, severity: u8) -> Symptom {
        self.severity = Some(severity);
        self
    }
}

impl Profile {
    /// An empty profile.
    pub fn new() -> Profile {
        Profile::default()
    }

    /// Adds a symptom.
    #[must_use]
    pub fn with_symptom(mut self, symptom: Symptom) -> Profile {
        self.symptoms.push(symptom);
        self
    }

    /// Adds a trigger.
    #[must_use]
    pub fn with_trigger(mut self, trigger: impl Into<String>) -> Profile {
        self.triggers.push(trigger.into());
        self
    }

    /// Adds a finding.
    #[must_use]
    pub fn with_finding(mut self, finding: impl Into<String>) -> Profile {
        self.findings.push(finding.into());
        self
    }

    /// Adds a context item.
    #[must_use]
    pub fn with_context(mut self, context: impl Into<String>) -> Profile {
        self.context.push(context.into());
        self
    }

    /// Reads a profile from TOML (the same shape as the JSON form); `origin` names it in
    /// errors (a file name, or `profile`).
    ///
    /// # Errors
    ///
    /// A [`ErrorKind::Syntax`] error with line and column for malformed TOML, a wrong type
    /// (`severity = "high"`, `severity = 300`), or a missing `kind` or `location`; an
    /// [`ErrorKind::UnknownField`] error for a field the profile does not have.
    ///
    /// ```
    /// let profile = soothe::Profile::from_toml("profile", r#"
    ///     triggers = ["stress"]
    ///     [[symptoms]]
    ///     kind = "trigger_point"
    ///     location = "neck"
    /// "#)?;
    /// assert_eq!(profile.symptoms[0].location, "neck");
    ///
    /// let err = soothe::Profile::from_toml("profile", "trigers = []").unwrap_err();
    /// assert_eq!(err.to_string(), "profile:1:1: unknown field `trigers`; did you mean `triggers`?");
    /// # Ok::<(), soothe::Error>(())
    /// ```
    pub fn from_toml(origin: &str, text: &str) -> Result<Profile> {
        toml::from_str(text).map_err(|e| toml_error(&e, Arc::from(origin), text))
    }
}

/// An error at `path` in a profile.
pub(crate) fn profile_error(path: String, kind: ErrorKind) -> Error {
    Error::new(kind, Some(Location::new("profile").path(path)))
}
