//! Conditions: the `when` tables of a pack compiled against the vocabulary (ids become
//! positions). Evaluating them against a profile is the `eval` stage's work.

use std::ops::Range;

use toml::Spanned;

use crate::error::{ErrorKind, Result};
use crate::kinds::VocabKind;
use crate::load::site::Site;
use crate::load::vocabulary::Vocabulary;
use crate::pack::{RawRange, RawWhen, Str};
use crate::profile::{Field, Onset, Trend};

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
    /// A number of the whole profile (`age`, `self_care_weeks`) is given and in this range.
    Range(Field, u16, u16),
}

/// Constraints on one symptom; an empty list means "any". A range or set on a value the
/// symptom does not give does not hold.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct SymptomMatch {
    pub kinds: Box<[u32]>,
    pub locations: Box<[u32]>,
    pub timings: Box<[u32]>,
    pub onsets: Box<[Onset]>,
    pub trends: Box<[Trend]>,
    /// Ranges of per-symptom numbers (`severity`, `weeks`, ...), inclusive.
    pub ranges: Box<[(Field, u16, u16)]>,
}

impl Condition {
    /// Vocabulary ids of which the profile must hold at least one for the condition to hold,
    /// or `None` if no such set is known (`not`, severity alone).
    pub(crate) fn anchors(&self) -> Option<Vec<(VocabKind, u32)>> {
        let tag =
            |kind: VocabKind, ids: &[u32]| ids.iter().map(|id| (kind, *id)).collect::<Vec<_>>();
        match self {
            Condition::Symptom(m) => {
                if !m.locations.is_empty() {
                    Some(tag(VocabKind::Location, &m.locations))
                } else if !m.kinds.is_empty() {
                    Some(tag(VocabKind::Kind, &m.kinds))
                } else if !m.timings.is_empty() {
                    Some(tag(VocabKind::Timing, &m.timings))
                } else {
                    None
                }
            }
            Condition::Has(kind, ids) => Some(tag(*kind, ids)),
            // Any one part's anchors will do: take the smallest set.
            Condition::All(parts) => parts
                .iter()
                .filter_map(Condition::anchors)
                .min_by_key(Vec::len),
            // Every part needs anchors, and any of them may be the one that holds.
            Condition::Any(parts) => {
                let mut all = Vec::new();
                for part in parts.iter() {
                    all.extend(part.anchors()?);
                }
                Some(all)
            }
            Condition::Not(_) | Condition::Range(..) => None,
        }
    }

    /// Whether the condition holds for a profile that has nothing but the vocabulary id
    /// `id` of `kind` (no symptoms, no numbers): "a caution for pregnancy" means one that
    /// holds for a profile with just `pregnancy` in its context.
    pub(crate) fn holds_with_only(&self, kind: VocabKind, id: u32) -> bool {
        match self {
            Condition::All(parts) => parts.iter().all(|p| p.holds_with_only(kind, id)),
            Condition::Any(parts) => parts.iter().any(|p| p.holds_with_only(kind, id)),
            Condition::Not(part) => !part.holds_with_only(kind, id),
            Condition::Has(k, ids) => *k == kind && ids.contains(&id),
            Condition::Symptom(_) | Condition::Range(..) => false,
        }
    }

    /// The ids of which any one, present on its own, makes the condition hold whatever else
    /// the profile says (a `finding = [...]` list, or such lists inside an `any`).
    pub(crate) fn sufficient(&self) -> Vec<(VocabKind, u32)> {
        match self {
            Condition::Has(kind, ids) => ids.iter().map(|id| (*kind, *id)).collect(),
            Condition::Any(parts) => parts.iter().flat_map(Condition::sufficient).collect(),
            _ => Vec::new(),
        }
    }

    /// Whether the condition holds exactly when the profile has one of its anchors (so an
    /// index by anchors needs no further check).
    pub(crate) fn is_anchor_match(&self) -> bool {
        match self {
            Condition::Has(..) => true,
            Condition::Symptom(m) => {
                let dimensions = [
                    !m.kinds.is_empty(),
                    !m.locations.is_empty(),
                    !m.timings.is_empty(),
                ];
                dimensions.iter().filter(|d| **d).count() == 1
                    && m.onsets.is_empty()
                    && m.trends.is_empty()
                    && m.ranges.is_empty()
            }
            Condition::Any(parts) => parts.iter().all(Condition::is_anchor_match),
            _ => false,
        }
    }

    /// Every vocabulary id the condition mentions, anywhere (inside `not` too), each once.
    pub(crate) fn mentions(&self) -> Vec<(VocabKind, u32)> {
        let mut out = Vec::new();
        self.mention(&mut out);
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Whether the condition reads the profile-wide number `field` anywhere (inside `not`
    /// too).
    pub(crate) fn reads(&self, field: Field) -> bool {
        match self {
            Condition::All(parts) | Condition::Any(parts) => parts.iter().any(|p| p.reads(field)),
            Condition::Not(part) => part.reads(field),
            Condition::Range(f, ..) => *f == field,
            Condition::Symptom(_) | Condition::Has(..) => false,
        }
    }

    fn mention(&self, out: &mut Vec<(VocabKind, u32)>) {
        match self {
            Condition::All(parts) | Condition::Any(parts) => {
                parts.iter().for_each(|p| p.mention(out));
            }
            Condition::Not(part) => part.mention(out),
            Condition::Symptom(m) => {
                for (kind, ids) in [
                    (VocabKind::Kind, &m.kinds),
                    (VocabKind::Location, &m.locations),
                    (VocabKind::Timing, &m.timings),
                ] {
                    out.extend(ids.iter().map(|id| (kind, *id)));
                }
            }
            Condition::Has(kind, ids) => out.extend(ids.iter().map(|id| (*kind, *id))),
            Condition::Range(..) => {}
        }
    }
}

/// The deepest nesting any condition may have, whatever the limits say: conditions are
/// compiled, evaluated and dropped by recursion, so their depth must stay small. (The TOML
/// parser stops at 80 levels of inline tables and arrays before this.)
pub(crate) const DEPTH_CAP: usize = 64;

/// Compiles a `when` table, checking every id against `vocab`; it may nest at most
/// `max_depth` (and at most [`DEPTH_CAP`]) levels.
pub(crate) fn compile(
    when: &Spanned<RawWhen>,
    vocab: &Vocabulary,
    site: &Site<'_>,
    max_depth: usize,
) -> Result<Condition> {
    compile_at(when, vocab, site, max_depth.min(DEPTH_CAP), 0)
}

fn compile_at(
    when: &Spanned<RawWhen>,
    vocab: &Vocabulary,
    site: &Site<'_>,
    max_depth: usize,
    depth: usize,
) -> Result<Condition> {
    if depth >= max_depth {
        return Err(site.error(&when.span(), ErrorKind::TooDeep { max: max_depth }));
    }
    let raw = when.get_ref();
    let mut parts = Vec::new();
    if let Some(symptom) = symptom_match(when, vocab, site)? {
        parts.push(Condition::Symptom(symptom));
    }
    for (range, field) in [
        (&raw.age, Field::Age),
        (&raw.self_care_weeks, Field::SelfCareWeeks),
    ] {
        if let Some(range) = range {
            let (lo, hi) = bounds(range, field, site)?;
            parts.push(Condition::Range(field, lo, hi));
        }
    }
    for (list, kind) in [
        (&raw.trigger, VocabKind::Trigger),
        (&raw.finding, VocabKind::Finding),
        (&raw.context, VocabKind::Context),
    ] {
        if list.is_some() {
            parts.push(Condition::Has(
                kind,
                ids(list, kind, vocab, site, &when.span())?,
            ));
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

/// The constraints on one symptom, if the table has any.
fn symptom_match(
    when: &Spanned<RawWhen>,
    vocab: &Vocabulary,
    site: &Site<'_>,
) -> Result<Option<SymptomMatch>> {
    let raw = when.get_ref();
    let span = when.span();
    let mut ranges = Vec::new();
    for (range, field) in [
        (&raw.severity, Field::Severity),
        (&raw.weeks, Field::Weeks),
        (&raw.episodes_per_week, Field::EpisodesPerWeek),
        (&raw.duration_minutes, Field::DurationMinutes),
    ] {
        if let Some(range) = range {
            let (lo, hi) = bounds(range, field, site)?;
            ranges.push((field, lo, hi));
        }
    }
    let m = SymptomMatch {
        kinds: ids(&raw.kind, VocabKind::Kind, vocab, site, &span)?,
        locations: ids(&raw.location, VocabKind::Location, vocab, site, &span)?,
        timings: ids(&raw.timing, VocabKind::Timing, vocab, site, &span)?,
        onsets: set(&raw.onset, "onset", site, &span)?,
        trends: set(&raw.trend, "trend", site, &span)?,
        ranges: ranges.into_boxed_slice(),
    };
    let given = raw.kind.is_some()
        || raw.location.is_some()
        || raw.timing.is_some()
        || raw.onset.is_some()
        || raw.trend.is_some()
        || !m.ranges.is_empty();
    Ok(given.then_some(m))
}

/// A list of closed-set values (`onset`, `trend`), which must not be empty.
fn set<T: std::str::FromStr<Err = crate::error::Error>>(
    list: &Option<Vec<Str>>,
    key: &str,
    site: &Site<'_>,
    at: &Range<usize>,
) -> Result<Box<[T]>> {
    let Some(list) = list else {
        return Ok(Box::new([]));
    };
    if list.is_empty() {
        return Err(site.error(at, empty(key)));
    }
    list.iter().map(|value| site.closed::<T>(value)).collect()
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
    site: &Site<'_>,
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
                return Err(site.unknown(&id.span(), kind, id.get_ref(), vocab.ids(kind)));
            }
        }
    }
    if out.is_empty() {
        // An empty list would never match: almost certainly a mistake.
        return Err(site.error(at, empty(kind.key())));
    }
    Ok(out.into_boxed_slice())
}

/// A `{ min, max }` range of `field`, both optional and inclusive, within the field's
/// bounds.
fn bounds(raw: &Spanned<RawRange>, field: Field, site: &Site<'_>) -> Result<(u16, u16)> {
    let key = field.key();
    let bound = |value: &Option<Spanned<i64>>, end: &str, default: u16| -> Result<u16> {
        let Some(v) = value else {
            return Ok(default);
        };
        u16::try_from(*v.get_ref())
            .ok()
            .filter(|n| *n <= field.max())
            .ok_or_else(|| {
                site.error(
                    &v.span(),
                    ErrorKind::OutOfRange {
                        field: format!("{key}.{end}"),
                        value: *v.get_ref(),
                        min: 0,
                        max: i64::from(field.max()),
                    },
                )
            })
    };
    let min = bound(&raw.get_ref().min, "min", 0)?;
    let max = bound(&raw.get_ref().max, "max", field.max())?;
    if min > max {
        return Err(site.error(
            &raw.span(),
            ErrorKind::OutOfRange {
                field: format!("{key}.min"),
                value: i64::from(min),
                min: 0,
                max: i64::from(max),
            },
        ));
    }
    Ok((min, max))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::sync::Arc;

    use crate::util::lines::Lines;

    /// A vocabulary of a few ids of each kind, for condition tests.
    pub(crate) fn vocab() -> Vocabulary {
        let mut v = Vocabulary::default();
        for (kind, ids) in [
            (VocabKind::Kind, &["cramp", "spasm"][..]),
            (VocabKind::Location, &["calf", "neck"]),
            (VocabKind::Timing, &["nocturnal"]),
            (VocabKind::Context, &["pregnancy", "raynauds"]),
            (VocabKind::Finding, &["fever"]),
        ] {
            for id in ids {
                v.insert_for_test(kind, id);
            }
        }
        v
    }

    /// Compiles `when = ...` written as TOML.
    pub(crate) fn compile_str(vocab: &Vocabulary, text: &str) -> Result<Condition> {
        #[derive(serde::Deserialize)]
        struct W {
            when: Spanned<RawWhen>,
        }
        let origin: Arc<str> = Arc::from("t");
        let w: W = toml::from_str(text)
            .map_err(|e| crate::util::toml::toml_error(&e, origin.clone(), text))?;
        let lines = Lines::new(text);
        let site = Site {
            origin: &origin,
            text,
            lines: &lines,
            item: None,
            span: 0..0,
            max_string: 4096,
        };
        compile(&w.when, vocab, &site, 32)
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
