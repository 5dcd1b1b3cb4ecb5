//! Conditions: compiled from a pack's `when` tables, evaluated against a profile's facts.

use std::fmt::Write as _;

use toml::Spanned;

use std::ops::Range;

use crate::error::{ErrorKind, Result};
use crate::pack::{RawRange, RawWhen, Str};
use crate::site::Site;
use crate::vocab::{VocabKind, Vocabulary};

/// A profile resolved against the vocabulary: ids turned into indices.
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

/// A compiled condition.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Condition {
    /// Every part holds.
    All(Box<[Condition]>),
    /// At least one part holds.
    Any(Box<[Condition]>),
    /// The part does not hold.
    Not(Box<Condition>),
    /// Some single symptom matches every given constraint.
    Symptom(SymptomMatch),
    /// The profile lists at least one of these triggers, findings or context ids.
    Has(VocabKind, Box<[u32]>),
}

/// Constraints on one symptom; an empty list means "any".
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct SymptomMatch {
    pub kinds: Box<[u32]>,
    pub locations: Box<[u32]>,
    pub timings: Box<[u32]>,
    pub severity: Option<(u8, u8)>,
}

impl SymptomMatch {
    fn matches(&self, s: &SymptomFacts) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&s.kind))
            && (self.locations.is_empty() || self.locations.contains(&s.location))
            && (self.timings.is_empty() || s.timing.is_some_and(|t| self.timings.contains(&t)))
            && self
                .severity
                .is_none_or(|(lo, hi)| s.severity.is_some_and(|v| lo <= v && v <= hi))
    }
}

impl Condition {
    /// Whether the condition holds for `facts`.
    pub fn holds(&self, facts: &Facts) -> bool {
        match self {
            Condition::All(parts) => parts.iter().all(|c| c.holds(facts)),
            Condition::Any(parts) => parts.iter().any(|c| c.holds(facts)),
            Condition::Not(part) => !part.holds(facts),
            Condition::Symptom(m) => facts.symptoms.iter().any(|s| m.matches(s)),
            Condition::Has(kind, ids) => listed(facts, *kind).iter().any(|id| ids.contains(id)),
        }
    }

    /// Why the condition holds, in words (`context: kidney_disease`), or `None` if it does not.
    pub fn witness(&self, facts: &Facts, vocab: &Vocabulary) -> Option<String> {
        match self {
            Condition::All(parts) => {
                let mut out = String::new();
                for part in parts.iter() {
                    let why = part.witness(facts, vocab)?;
                    if !out.is_empty() {
                        out.push_str(" and ");
                    }
                    out.push_str(&why);
                }
                Some(out)
            }
            Condition::Any(parts) => parts.iter().find_map(|c| c.witness(facts, vocab)),
            Condition::Not(part) => (!part.holds(facts)).then(|| "a `not` condition".to_owned()),
            Condition::Symptom(m) => {
                let s = facts.symptoms.iter().find(|s| m.matches(s))?;
                let mut out = String::from("symptom: ");
                out.push_str(vocab.name(VocabKind::Kind, s.kind).map_or("?", |n| n));
                out.push_str(" at ");
                out.push_str(
                    vocab
                        .name(VocabKind::Location, s.location)
                        .map_or("?", |n| n),
                );
                if let Some(sev) = s.severity.filter(|_| m.severity.is_some()) {
                    let _ = write!(out, ", severity {sev}");
                }
                Some(out)
            }
            Condition::Has(kind, ids) => {
                let id = listed(facts, *kind).iter().find(|id| ids.contains(id))?;
                let name = vocab.name(*kind, *id).map_or("?", |n| n);
                Some(format!("{}: {name}", kind.key()))
            }
        }
    }
}

fn listed(facts: &Facts, kind: VocabKind) -> &[u32] {
    match kind {
        VocabKind::Trigger => &facts.triggers,
        VocabKind::Finding => &facts.findings,
        VocabKind::Context => &facts.context,
        _ => &[],
    }
}

/// Compiles a `when` table, checking every id against `vocab`.
pub(crate) fn compile(
    when: &Spanned<RawWhen>,
    vocab: &Vocabulary,
    site: Site<'_>,
    max_depth: usize,
) -> Result<Condition> {
    compile_at(when, vocab, site, max_depth, 0)
}

fn compile_at(
    when: &Spanned<RawWhen>,
    vocab: &Vocabulary,
    site: Site<'_>,
    max_depth: usize,
    depth: usize,
) -> Result<Condition> {
    if depth >= max_depth {
        return Err(site.error(&when.span(), ErrorKind::TooDeep { max: max_depth }));
    }
    let raw = when.get_ref();
    let span = when.span();
    let mut parts = Vec::new();

    let symptom = SymptomMatch {
        kinds: ids(&raw.kind, VocabKind::Kind, vocab, site, &span)?,
        locations: ids(&raw.location, VocabKind::Location, vocab, site, &span)?,
        timings: ids(&raw.timing, VocabKind::Timing, vocab, site, &span)?,
        severity: raw.severity.as_ref().map(|r| range(r, site)).transpose()?,
    };
    if raw.kind.is_some()
        || raw.location.is_some()
        || raw.timing.is_some()
        || raw.severity.is_some()
    {
        parts.push(Condition::Symptom(symptom));
    }
    for (list, kind) in [
        (&raw.trigger, VocabKind::Trigger),
        (&raw.finding, VocabKind::Finding),
        (&raw.context, VocabKind::Context),
    ] {
        if list.is_some() {
            parts.push(Condition::Has(kind, ids(list, kind, vocab, site, &span)?));
        }
    }
    for (list, field, any) in [(&raw.all, "all", false), (&raw.any, "any", true)] {
        let Some(list) = list else { continue };
        if list.is_empty() {
            return Err(site.error(&when.span(), empty(field)));
        }
        let inner = list
            .iter()
            .map(|w| compile_at(w, vocab, site, max_depth, depth + 1))
            .collect::<Result<Box<[_]>>>()?;
        parts.push(if any {
            Condition::Any(inner)
        } else {
            Condition::All(inner)
        });
    }
    if let Some(not) = &raw.not {
        let inner = compile_at(not, vocab, site, max_depth, depth + 1)?;
        parts.push(Condition::Not(Box::new(inner)));
    }

    match parts.len() {
        0 => Err(site.error(&when.span(), empty("condition"))),
        1 => Ok(parts.pop().unwrap_or(Condition::All(Box::new([])))),
        _ => Ok(Condition::All(parts.into_boxed_slice())),
    }
}

fn empty(field: &str) -> ErrorKind {
    ErrorKind::Empty {
        field: field.to_owned(),
    }
}

fn ids(
    list: &Option<Vec<Str>>,
    kind: VocabKind,
    vocab: &Vocabulary,
    site: Site<'_>,
    at: &Range<usize>,
) -> Result<Box<[u32]>> {
    let Some(list) = list else {
        return Ok(Box::new([]));
    };
    let mut out = Vec::with_capacity(list.len());
    for id in list {
        match vocab.lookup(kind, id.get_ref()) {
            Some(index) => out.push(index),
            None => {
                return Err(site.unknown(&id.span(), kind.noun(), id.get_ref(), vocab.ids(kind)));
            }
        }
    }
    if out.is_empty() {
        // An empty list would never match: almost certainly a mistake.
        return Err(site.error(at, empty(kind.key())));
    }
    Ok(out.into_boxed_slice())
}

fn range(raw: &Spanned<RawRange>, site: Site<'_>) -> Result<(u8, u8)> {
    let bound = |value: &Option<Spanned<i64>>, field: &str, default: u8| -> Result<u8> {
        match value {
            None => Ok(default),
            Some(v) => u8::try_from(*v.get_ref())
                .ok()
                .filter(|n| *n <= 10)
                .ok_or_else(|| {
                    site.error(
                        &v.span(),
                        ErrorKind::OutOfRange {
                            field: field.to_owned(),
                            value: *v.get_ref(),
                            min: 0,
                            max: 10,
                        },
                    )
                }),
        }
    };
    let min = bound(&raw.get_ref().min, "severity.min", 0)?;
    let max = bound(&raw.get_ref().max, "severity.max", 10)?;
    if min > max {
        return Err(site.error(
            &raw.span(),
            ErrorKind::OutOfRange {
                field: "severity.min".to_owned(),
                value: i64::from(min),
                min: 0,
                max: i64::from(max),
            },
        ));
    }
    Ok((min, max))
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn vocab() -> Vocabulary {
        let pack: Arc<str> = Arc::from("test");
        let mut v = Vocabulary::default();
        for (kind, ids) in [
            (VocabKind::Kind, &["cramp", "spasm"][..]),
            (VocabKind::Location, &["calf", "neck"]),
            (VocabKind::Timing, &["nocturnal"]),
            (VocabKind::Context, &["pregnancy", "raynauds"]),
            (VocabKind::Finding, &["fever"]),
        ] {
            for id in ids {
                v.insert(kind, id, &pack);
            }
        }
        v
    }

    fn compile_str(vocab: &Vocabulary, text: &str) -> Result<Condition> {
        #[derive(serde::Deserialize)]
        struct W {
            when: Spanned<RawWhen>,
        }
        let w: W =
            toml::from_str(text).map_err(|e| crate::builder::toml_error(&e, "t".into(), text))?;
        let origin: Arc<str> = Arc::from("t");
        let lines = crate::error::Lines::new(text);
        let site = Site {
            origin: &origin,
            text,
            lines: &lines,
            item: None,
            max_string: 4096,
        };
        compile(&w.when, vocab, site, 32)
    }

    fn facts(symptoms: &[(u32, u32, Option<u32>, Option<u8>)], context: &[u32]) -> Facts {
        Facts {
            symptoms: symptoms
                .iter()
                .map(|&(kind, location, timing, severity)| SymptomFacts {
                    kind,
                    location,
                    timing,
                    severity,
                })
                .collect(),
            context: context.to_vec(),
            ..Facts::default()
        }
    }

    #[test]
    fn symptom_keys_must_hold_for_one_symptom() {
        let v = vocab();
        let c = compile_str(&v, "when = { kind = ['cramp'], location = ['calf'] }").unwrap();
        // A cramp in the neck and a spasm in the calf: no single calf cramp.
        assert!(!c.holds(&facts(&[(0, 1, None, None), (1, 0, None, None)], &[])));
        assert!(c.holds(&facts(&[(0, 0, None, None)], &[])));
    }

    #[test]
    fn timing_and_severity_need_a_value_to_match() {
        let v = vocab();
        let c = compile_str(
            &v,
            "when = { timing = ['nocturnal'], severity = { min = 7 } }",
        )
        .unwrap();
        assert!(!c.holds(&facts(&[(0, 0, None, Some(9))], &[])));
        assert!(!c.holds(&facts(&[(0, 0, Some(0), None)], &[])));
        assert!(!c.holds(&facts(&[(0, 0, Some(0), Some(6))], &[])));
        assert!(c.holds(&facts(&[(0, 0, Some(0), Some(7))], &[])));
    }

    #[test]
    fn all_any_not_combine() {
        let v = vocab();
        let c = compile_str(
            &v,
            "when = { all = [{ any = [{ context = ['pregnancy'] }, { location = ['neck'] }] }, { not = { kind = ['spasm'] } }] }",
        )
        .unwrap();
        assert!(c.holds(&facts(&[(0, 0, None, None)], &[0])));
        assert!(c.holds(&facts(&[(0, 1, None, None)], &[])));
        assert!(!c.holds(&facts(&[(1, 1, None, None)], &[])));
        assert!(!c.holds(&facts(&[(0, 0, None, None)], &[1])));
    }

    #[test]
    fn witness_names_what_matched() {
        let v = vocab();
        let c = compile_str(&v, "when = { context = ['pregnancy', 'raynauds'] }").unwrap();
        let f = facts(&[], &[1]);
        assert_eq!(c.witness(&f, &v).as_deref(), Some("context: raynauds"));
        assert_eq!(c.witness(&facts(&[], &[]), &v), None);
        let c = compile_str(&v, "when = { kind = ['cramp'], severity = { min = 5 } }").unwrap();
        let f = facts(&[(0, 0, None, Some(8))], &[]);
        assert_eq!(
            c.witness(&f, &v).as_deref(),
            Some("symptom: cramp at calf, severity 8")
        );
    }

    #[test]
    fn bad_conditions_are_refused() {
        let v = vocab();
        let message = |text: &str| compile_str(&v, text).unwrap_err().to_string();
        assert_eq!(message("when = {}"), "t:1:8: condition must not be empty");
        assert_eq!(
            message("when = { any = [] }"),
            "t:1:8: any must not be empty"
        );
        assert_eq!(
            message("when = { context = [] }"),
            "t:1:8: context must not be empty"
        );
        assert_eq!(
            message("when = { severity = { min = 11 } }"),
            "t:1:29: severity.min 11 is out of range 0 to 10"
        );
        assert_eq!(
            message("when = { severity = { min = 8, max = 3 } }"),
            "t:1:21: severity.min 8 is out of range 0 to 3"
        );
        assert_eq!(
            message("when = { kind = ['cramps'] }"),
            "t:1:18: unknown symptom kind `cramps`; did you mean `cramp`?"
        );
    }
}
