//! A person's symptom profile: what they feel, where, when, how often, how long, which way it
//! is going, what brings it on, what they have and have not noticed, and their context.
//!
//! Reading a profile (JSON, TOML, any serde format) is strict: only an object with these
//! keys, every number in its range, every closed set checked, each error naming the field
//! path (`symptoms[0].trend`). Ids are checked against an engine's vocabulary when the
//! profile is evaluated.

mod de;

use std::sync::Arc;

use serde::Serialize;

use crate::error::{Error, ErrorKind, Location, Result};
use crate::util::closed_set::closed_set;

/// A symptom profile: the input to [`Engine::evaluate`](crate::Engine::evaluate).
///
/// Every field is optional. Ids are checked against the engine's vocabulary when the profile
/// is evaluated; an unknown id is an error that names the field and the nearest known id.
/// Numbers have the ranges of [`Field`].
///
/// ```
/// use soothe::{Profile, Symptom, Trend};
/// let profile = Profile::new()
///     .with_age(54)
///     .with_symptom(Symptom::new("cramp", "calf").timing("nocturnal").severity(6).trend(Trend::Same))
///     .with_trigger("cold")
///     .with_absent("calf_swelling");
/// assert_eq!(profile.symptoms.len(), 1);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Profile {
    /// The person's age in years, 0 to 130.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age: Option<u8>,
    /// What the person feels, and where.
    pub symptoms: Vec<Symptom>,
    /// What brings it on (`stress`, `cold`, ...).
    pub triggers: Vec<String>,
    /// Findings the person has (`calf_swelling`, `numbness`, ...).
    pub findings: Vec<String>,
    /// Findings (or context ids) the person was asked about and said no to. A finding in
    /// neither `findings` nor `absent` is unknown: never asked.
    pub absent: Vec<String>,
    /// The person's circumstances that cautions look at (`pregnancy`, `kidney_disease`, ...).
    pub context: Vec<String>,
    /// How many weeks self-care has been tried, 0 to 1040.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub self_care_weeks: Option<u16>,
}

/// One symptom: a kind at a location, with what else is known about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Symptom {
    /// The symptom kind (`cramp`, `spasm`, `twitch`, `trigger_point`, `stiffness`, ...).
    pub kind: String,
    /// Where it is (`calf`, `neck`, `widespread`, ...).
    pub location: String,
    /// When it happens (`nocturnal`, `after_exertion`, ...), if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timing: Option<String>,
    /// How bad, 0 to 10, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub severity: Option<u8>,
    /// Whether it came on suddenly or gradually, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub onset: Option<Onset>,
    /// How many weeks it has gone on, 0 to 1040, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weeks: Option<u16>,
    /// How many episodes a week, 0 to 1000, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub episodes_per_week: Option<u16>,
    /// How many minutes one episode lasts, 0 to 10080, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration_minutes: Option<u16>,
    /// Whether it is getting better, staying the same or getting worse, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trend: Option<Trend>,
}

closed_set! {
    /// How a symptom came on.
    #[non_exhaustive]
    pub enum Onset ("onset") {
        /// Within seconds to hours.
        Sudden = "sudden",
        /// Over days or weeks.
        Gradual = "gradual",
    }
}

closed_set! {
    /// Which way a symptom is going.
    #[non_exhaustive]
    pub enum Trend ("trend") {
        /// Getting better.
        Better = "better",
        /// Staying about the same.
        Same = "same",
        /// Getting worse.
        Worse = "worse",
    }
}

/// The numbers of a profile, each with its range (from 0 to [`Field::max`]). Conditions in
/// packs test them as ranges (`age = { min = 50 }`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Field {
    /// `severity` of a symptom, 0 to 10.
    Severity,
    /// `weeks` a symptom has gone on, 0 to 1040 (20 years).
    Weeks,
    /// `episodes_per_week` of a symptom, 0 to 1000.
    EpisodesPerWeek,
    /// `duration_minutes` of one episode, 0 to 10080 (a week).
    DurationMinutes,
    /// The person's `age` in years, 0 to 130.
    Age,
    /// `self_care_weeks`: how long self-care has been tried, 0 to 1040.
    SelfCareWeeks,
}

impl Field {
    /// Every field, in order.
    pub const ALL: [Field; 6] = [
        Field::Severity,
        Field::Weeks,
        Field::EpisodesPerWeek,
        Field::DurationMinutes,
        Field::Age,
        Field::SelfCareWeeks,
    ];

    /// Its key in profiles and conditions.
    pub fn key(self) -> &'static str {
        match self {
            Field::Severity => "severity",
            Field::Weeks => "weeks",
            Field::EpisodesPerWeek => "episodes_per_week",
            Field::DurationMinutes => "duration_minutes",
            Field::Age => "age",
            Field::SelfCareWeeks => "self_care_weeks",
        }
    }

    /// The largest value allowed.
    pub fn max(self) -> u16 {
        match self {
            Field::Severity => 10,
            Field::Weeks | Field::SelfCareWeeks => 1040,
            Field::EpisodesPerWeek => 1000,
            Field::DurationMinutes => 10080,
            Field::Age => 130,
        }
    }

    /// Whether it belongs to one symptom (rather than to the whole profile).
    pub fn per_symptom(self) -> bool {
        !matches!(self, Field::Age | Field::SelfCareWeeks)
    }

    /// `value`, if it is in range.
    pub(crate) fn check(self, value: i128) -> Option<u16> {
        u16::try_from(value).ok().filter(|v| *v <= self.max())
    }

    pub(crate) fn out_of_range(self, value: i64) -> ErrorKind {
        ErrorKind::OutOfRange {
            field: self.key().to_owned(),
            value,
            min: 0,
            max: i64::from(self.max()),
        }
    }
}

impl Symptom {
    /// A symptom of `kind` at `location`.
    pub fn new(kind: impl Into<String>, location: impl Into<String>) -> Symptom {
        Symptom {
            kind: kind.into(),
            location: location.into(),
            timing: None,
            severity: None,
            onset: None,
            weeks: None,
            episodes_per_week: None,
            duration_minutes: None,
            trend: None,
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

    /// Sets how it came on.
    #[must_use]
    pub fn onset(mut self, onset: Onset) -> Symptom {
        self.onset = Some(onset);
        self
    }

    /// Sets how many weeks it has gone on (checked when the profile is evaluated).
    #[must_use]
    pub fn weeks(mut self, weeks: u16) -> Symptom {
        self.weeks = Some(weeks);
        self
    }

    /// Sets how many episodes a week (checked when the profile is evaluated).
    #[must_use]
    pub fn episodes_per_week(mut self, episodes: u16) -> Symptom {
        self.episodes_per_week = Some(episodes);
        self
    }

    /// Sets how many minutes one episode lasts (checked when the profile is evaluated).
    #[must_use]
    pub fn duration_minutes(mut self, minutes: u16) -> Symptom {
        self.duration_minutes = Some(minutes);
        self
    }

    /// Sets which way it is going.
    #[must_use]
    pub fn trend(mut self, trend: Trend) -> Symptom {
        self.trend = Some(trend);
        self
    }
}

impl Profile {
    /// An empty profile.
    pub fn new() -> Profile {
        Profile::default()
    }

    /// Sets the person's age in years (checked when the profile is evaluated).
    #[must_use]
    pub fn with_age(mut self, age: u8) -> Profile {
        self.age = Some(age);
        self
    }

    /// Sets how many weeks self-care has been tried (checked when the profile is evaluated).
    #[must_use]
    pub fn with_self_care_weeks(mut self, weeks: u16) -> Profile {
        self.self_care_weeks = Some(weeks);
        self
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

    /// Adds a finding the person has.
    #[must_use]
    pub fn with_finding(mut self, finding: impl Into<String>) -> Profile {
        self.findings.push(finding.into());
        self
    }

    /// Adds a finding (or context id) the person was asked about and said no to.
    #[must_use]
    pub fn with_absent(mut self, id: impl Into<String>) -> Profile {
        self.absent.push(id.into());
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
    /// Malformed TOML ([`ErrorKind::Syntax`], with line and column); a field the profile does
    /// not have ([`ErrorKind::UnknownField`], with "did you mean"); a wrong type
    /// ([`ErrorKind::InvalidType`]), a number out of range, a value outside a closed set, or a
    /// missing `kind` or `location`, each naming the field path.
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
        de::from_toml(origin, text)
    }

    /// Reads a profile from any serde deserializer (JSON, YAML, ...) with typed errors that
    /// name the field path; `origin` names the profile in errors. (`Profile` also implements
    /// `Deserialize`, with the same checks, when a plain serde error will do.)
    ///
    /// ```
    /// let mut json = serde_json::Deserializer::from_str(r#"{"symptoms": [{"kind": "cramp", "location": "calf", "trend": "wrose"}]}"#);
    /// let err = soothe::Profile::from_deserializer("profile.json", &mut json).unwrap_err();
    /// assert_eq!(err.location().and_then(|l| l.field_path()), Some("symptoms[0].trend"));
    /// assert_eq!(err.kind().did_you_mean(), Some("worse"));
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Profile::from_toml`]; a syntax error of the format is [`ErrorKind::Syntax`].
    pub fn from_deserializer<'de, D: serde::Deserializer<'de>>(
        origin: &str,
        deserializer: D,
    ) -> Result<Profile> {
        de::from_deserializer(origin, deserializer)
    }
}

/// An error at `path` in a profile.
pub(crate) fn profile_error(path: String, kind: ErrorKind) -> Error {
    Error::new(kind, Some(Location::new("profile").path(path)))
}

/// The location of a field of a profile named `origin`.
pub(crate) fn at(origin: &str, path: &str) -> Location {
    let location = Location::new(Arc::<str>::from(origin));
    if path.is_empty() {
        location
    } else {
        location.path(path)
    }
}
