//! Resolving a profile: its ids checked against the vocabulary and turned into positions,
//! its numbers checked against their ranges, its lists against the engine's limits; context
//! implied by a reported finding added (the same risk, however it was reported).

use crate::error::{Error, ErrorKind, LimitKind, Result};
use crate::kinds::VocabKind;
use crate::limits::Limits;
use crate::load::vocabulary::Vocabulary;
use crate::profile::{Field, Onset, Profile, Symptom, Trend, profile_error};
use crate::util::similar::nearest;

/// A profile resolved against the vocabulary: ids turned into positions.
#[derive(Debug, Default, Clone)]
pub(crate) struct Facts {
    pub symptoms: Vec<SymptomFacts>,
    pub triggers: Vec<u32>,
    pub findings: Vec<u32>,
    /// Context ids reported, then those implied by reported findings.
    pub context: Vec<u32>,
    /// For each implied context id, the finding that implies it.
    pub implied: Vec<(u32, u32)>,
    /// Findings asked about and denied.
    pub absent_findings: Vec<u32>,
    /// Context ids asked about and denied.
    pub absent_context: Vec<u32>,
    pub age: Option<u16>,
    pub self_care_weeks: Option<u16>,
}

/// One resolved symptom.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SymptomFacts {
    pub kind: u32,
    pub location: u32,
    pub timing: Option<u32>,
    pub onset: Option<Onset>,
    pub trend: Option<Trend>,
    /// `severity`, `weeks`, `episodes_per_week`, `duration_minutes`, in that order.
    pub numbers: [Option<u16>; 4],
}

impl SymptomFacts {
    /// The value of a per-symptom number.
    pub fn number(&self, field: Field) -> Option<u16> {
        let slot = match field {
            Field::Severity => 0,
            Field::Weeks => 1,
            Field::EpisodesPerWeek => 2,
            Field::DurationMinutes => 3,
            Field::Age | Field::SelfCareWeeks => return None,
        };
        self.numbers.get(slot).copied().flatten()
    }
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

    /// Every vocabulary id the profile has, for the indexes.
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

    /// The finding a context id was implied by, if it was not reported itself.
    pub fn implied_by(&self, context: u32) -> Option<u32> {
        self.implied
            .iter()
            .find(|(c, _)| *c == context)
            .map(|(_, finding)| *finding)
    }
}

/// Checks a profile against the vocabulary and the limits, and turns its ids into positions.
pub(crate) fn resolve(profile: &Profile, vocab: &Vocabulary, limits: &Limits) -> Result<Facts> {
    within_limits(profile, limits)?;
    let lookup = Lookup { vocab, limits };
    let mut facts = Facts {
        symptoms: Vec::with_capacity(profile.symptoms.len()),
        age: number(Field::Age, profile.age.map(u16::from), &|| "age".to_owned())?,
        self_care_weeks: number(Field::SelfCareWeeks, profile.self_care_weeks, &|| {
            "self_care_weeks".to_owned()
        })?,
        ..Facts::default()
    };
    for (i, s) in profile.symptoms.iter().enumerate() {
        facts.symptoms.push(lookup.symptom(i, s)?);
    }
    lookup.ids(
        &profile.triggers,
        VocabKind::Trigger,
        "triggers",
        &mut facts.triggers,
    )?;
    lookup.ids(
        &profile.findings,
        VocabKind::Finding,
        "findings",
        &mut facts.findings,
    )?;
    lookup.ids(
        &profile.context,
        VocabKind::Context,
        "context",
        &mut facts.context,
    )?;
    lookup.absent(profile, &mut facts)?;
    imply(&mut facts, vocab);
    Ok(facts)
}

/// Adds the context ids that reported findings imply, remembering which finding did.
fn imply(facts: &mut Facts, vocab: &Vocabulary) {
    for &finding in &facts.findings {
        for &context in vocab.implied(finding) {
            if !facts.context.contains(&context) {
                facts.context.push(context);
                facts.implied.push((context, finding));
            }
        }
    }
}

/// A number checked against its field's range.
fn number(field: Field, value: Option<u16>, path: &dyn Fn() -> String) -> Result<Option<u16>> {
    match value {
        Some(v) if v > field.max() => Err(profile_error(path(), field.out_of_range(i64::from(v)))),
        other => Ok(other),
    }
}

/// Refuses lists longer than the limits allow.
fn within_limits(profile: &Profile, limits: &Limits) -> Result<()> {
    let lists = [
        ("symptoms", profile.symptoms.len(), limits.max_symptoms),
        ("triggers", profile.triggers.len(), limits.max_list_items),
        ("findings", profile.findings.len(), limits.max_list_items),
        ("absent", profile.absent.len(), limits.max_list_items),
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
        self.short(id, path)?;
        self.vocab
            .lookup(kind, id)
            .ok_or_else(|| profile_error(path(), self.unknown(kind, id)))
    }

    /// Why `id` is not a `kind` id: it is an id of another list, or unknown (with the
    /// nearest `kind` id).
    fn unknown(&self, kind: VocabKind, id: &str) -> ErrorKind {
        let lists = [VocabKind::Trigger, VocabKind::Finding, VocabKind::Context];
        let elsewhere = lists
            .into_iter()
            .filter(|other| *other != kind && lists.contains(&kind))
            .find(|other| self.vocab.lookup(*other, id).is_some());
        match elsewhere {
            Some(found) => ErrorKind::WrongList {
                id: id.to_owned(),
                expected: kind,
                found,
            },
            None => ErrorKind::UnknownId {
                kind: kind.into(),
                id: id.to_owned(),
                suggestion: nearest(id, self.vocab.ids(kind)),
            },
        }
    }

    /// An error if `id` is longer than the string limit.
    fn short(&self, id: &str, path: &dyn Fn() -> String) -> Result<()> {
        let max = self.limits.max_string_bytes;
        if id.len() > max {
            let what = "id length in bytes".to_owned();
            return Err(over(path(), LimitKind::StringBytes, what, id.len(), max));
        }
        Ok(())
    }

    fn ids(&self, list: &[String], kind: VocabKind, name: &str, out: &mut Vec<u32>) -> Result<()> {
        out.reserve_exact(list.len());
        for (i, id) in list.iter().enumerate() {
            out.push(self.id(kind, id, &|| format!("{name}[{i}]"))?);
        }
        Ok(())
    }

    /// `absent`: finding or context ids, none of which the profile also reports.
    fn absent(&self, profile: &Profile, facts: &mut Facts) -> Result<()> {
        for (i, id) in profile.absent.iter().enumerate() {
            let path = || format!("absent[{i}]");
            self.short(id, &path)?;
            let (kind, position) = match self.vocab.lookup(VocabKind::Finding, id) {
                Some(p) => (VocabKind::Finding, p),
                None => match self.vocab.lookup(VocabKind::Context, id) {
                    Some(p) => (VocabKind::Context, p),
                    None => return Err(self.unknown_absent(id, path())),
                },
            };
            if facts.listed(kind).contains(&position) {
                return Err(profile_error(
                    path(),
                    ErrorKind::PresentAndAbsent { id: id.clone() },
                ));
            }
            match kind {
                VocabKind::Finding => facts.absent_findings.push(position),
                _ => facts.absent_context.push(position),
            }
        }
        Ok(())
    }

    fn unknown_absent(&self, id: &str, path: String) -> Error {
        let known = self
            .vocab
            .ids(VocabKind::Finding)
            .chain(self.vocab.ids(VocabKind::Context));
        profile_error(
            path,
            ErrorKind::UnknownId {
                kind: VocabKind::Finding.into(),
                id: id.to_owned(),
                suggestion: nearest(id, known),
            },
        )
    }

    fn symptom(&self, i: usize, s: &Symptom) -> Result<SymptomFacts> {
        let timing = match &s.timing {
            Some(t) => Some(self.id(VocabKind::Timing, t, &|| format!("symptoms[{i}].timing"))?),
            None => None,
        };
        let mut numbers = [None; 4];
        for (slot, (field, value)) in numbers.iter_mut().zip([
            (Field::Severity, s.severity.map(u16::from)),
            (Field::Weeks, s.weeks),
            (Field::EpisodesPerWeek, s.episodes_per_week),
            (Field::DurationMinutes, s.duration_minutes),
        ]) {
            *slot = number(field, value, &|| format!("symptoms[{i}].{}", field.key()))?;
        }
        Ok(SymptomFacts {
            kind: self.id(VocabKind::Kind, &s.kind, &|| format!("symptoms[{i}].kind"))?,
            location: self.id(VocabKind::Location, &s.location, &|| {
                format!("symptoms[{i}].location")
            })?,
            timing,
            onset: s.onset,
            trend: s.trend,
            numbers,
        })
    }
}
