//! Resolving a profile: its ids checked against the vocabulary and turned into positions,
//! its numbers checked against their ranges, its lists against the engine's limits.

use crate::error::{Error, ErrorKind, LimitKind, Result};
use crate::kinds::VocabKind;
use crate::limits::Limits;
use crate::load::vocabulary::Vocabulary;
use crate::profile::{MAX_SEVERITY, Profile, Symptom, profile_error};
use crate::util::similar::nearest;

/// A profile resolved against the vocabulary: ids turned into positions.
#[derive(Debug, Default)]
pub(crate) struct Facts {
    pub symptoms: Vec<SymptomFacts>,
    pub triggers: Vec<u32>,
    pub findings: Vec<u32>,
    pub context: Vec<u32>,
}

/// One resolved symptom.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SymptomFacts {
    pub kind: u32,
    pub location: u32,
    pub timing: Option<u32>,
    pub severity: Option<u8>,
}

impl Facts {
    /// The ids of `kind` the profile lists (triggers, findings or context).
    pub fn listed(&self, kind: VocabKind) -> &[u32] {
        match kind {
            VocabKind::Trigger => &self.triggers,
            VocabKind::Finding => &self.findings,
            VocabKind::Context => &self.context,
            _ => &[],
        }
    }

    /// Every vocabulary id the profile has, for the rule index.
    pub fn ids(&self) -> impl Iterator<Item = (VocabKind, u32)> + '_ {
        let symptoms = self.symptoms.iter().flat_map(|s| {
            [
                Some((VocabKind::Kind, s.kind)),
                Some((VocabKind::Location, s.location)),
                s.timing.map(|t| (VocabKind::Timing, t)),
            ]
            .into_iter()
            .flatten()
        });
        let lists = [VocabKind::Trigger, VocabKind::Finding, VocabKind::Context]
            .into_iter()
            .flat_map(move |kind| self.listed(kind).iter().map(move |id| (kind, *id)));
        symptoms.chain(lists)
    }
}

/// Checks a profile against the vocabulary and the limits, and turns its ids into positions.
pub(crate) fn resolve(profile: &Profile, vocab: &Vocabulary, limits: &Limits) -> Result<Facts> {
    within_limits(profile, limits)?;
    let lookup = Lookup { vocab, limits };
    let mut facts = Facts {
        symptoms: Vec::with_capacity(profile.symptoms.len()),
        ..Facts::default()
    };
    for (i, s) in profile.symptoms.iter().enumerate() {
        facts.symptoms.push(lookup.symptom(i, s)?);
    }
    for (list, kind, name) in [
        (&profile.triggers, VocabKind::Trigger, "triggers"),
        (&profile.findings, VocabKind::Finding, "findings"),
        (&profile.context, VocabKind::Context, "context"),
    ] {
        let out = match kind {
            VocabKind::Trigger => &mut facts.triggers,
            VocabKind::Finding => &mut facts.findings,
            _ => &mut facts.context,
        };
        out.reserve_exact(list.len());
        for (i, id) in list.iter().enumerate() {
            out.push(lookup.id(kind, id, &|| format!("{name}[{i}]"))?);
        }
    }
    Ok(facts)
}

/// Refuses lists longer than the limits allow.
fn within_limits(profile: &Profile, limits: &Limits) -> Result<()> {
    let lists = [
        ("symptoms", profile.symptoms.len(), limits.max_symptoms),
        ("triggers", profile.triggers.len(), limits.max_list_items),
        ("findings", profile.findings.len(), limits.max_list_items),
        ("context", profile.context.len(), limits.max_list_items),
    ];
    for (name, found, max) in lists {
        if found > max {
            let limit = if name == "symptoms" {
                LimitKind::Symptoms
            } else {
                LimitKind::ListItems
            };
            return Err(over(
                name.to_owned(),
                limit,
                format!("number of {name}"),
                found,
                max,
            ));
        }
    }
    Ok(())
}

fn over(path: String, limit: LimitKind, what: String, found: usize, max: usize) -> Error {
    profile_error(
        path,
        ErrorKind::LimitExceeded {
            limit,
            what,
            found,
            max,
        },
    )
}

/// Looks ids up; paths are only formatted when there is an error to report.
struct Lookup<'a> {
    vocab: &'a Vocabulary,
    limits: &'a Limits,
}

impl Lookup<'_> {
    fn id(&self, kind: VocabKind, id: &str, path: &dyn Fn() -> String) -> Result<u32> {
        let max = self.limits.max_string_bytes;
        if id.len() > max {
            let what = "id length in bytes".to_owned();
            return Err(over(path(), LimitKind::StringBytes, what, id.len(), max));
        }
        self.vocab.lookup(kind, id).ok_or_else(|| {
            profile_error(
                path(),
                ErrorKind::UnknownId {
                    kind: kind.into(),
                    id: id.to_owned(),
                    suggestion: nearest(id, self.vocab.ids(kind)),
                },
            )
        })
    }

    fn symptom(&self, i: usize, s: &Symptom) -> Result<SymptomFacts> {
        let timing = match &s.timing {
            Some(t) => Some(self.id(VocabKind::Timing, t, &|| format!("symptoms[{i}].timing"))?),
            None => None,
        };
        if let Some(severity) = s.severity.filter(|v| *v > MAX_SEVERITY) {
            return Err(profile_error(
                format!("symptoms[{i}].severity"),
                ErrorKind::OutOfRange {
                    field: "severity".to_owned(),
                    value: i64::from(severity),
                    min: 0,
                    max: i64::from(MAX_SEVERITY),
                },
            ));
        }
        Ok(SymptomFacts {
            kind: self.id(VocabKind::Kind, &s.kind, &|| format!("symptoms[{i}].kind"))?,
            location: self.id(VocabKind::Location, &s.location, &|| {
                format!("symptoms[{i}].location")
            })?,
            timing,
            severity: s.severity,
        })
    }
}
