//! Evaluating compiled conditions against a profile's facts.

use crate::eval::facts::{Facts, SymptomFacts};
use crate::id::Id;
use crate::kinds::{BecauseKind, VocabKind};
use crate::load::condition::{Condition, SymptomMatch};
use crate::load::vocabulary::Vocabulary;
use crate::profile::Field;

/// Whether `condition` holds for `facts`.
pub(crate) fn holds(condition: &Condition, facts: &Facts) -> bool {
    match condition {
        Condition::All(parts) => parts.iter().all(|c| holds(c, facts)),
        Condition::Any(parts) => parts.iter().any(|c| holds(c, facts)),
        Condition::Not(part) => !holds(part, facts),
        Condition::Symptom(m) => facts.symptoms.iter().any(|s| matches(m, s)),
        Condition::Has(kind, ids) => facts.listed(*kind).iter().any(|id| ids.contains(id)),
        Condition::Range(field, lo, hi) => {
            let value = match field {
                Field::Age => facts.age,
                _ => facts.self_care_weeks,
            };
            value.is_some_and(|v| *lo <= v && v <= *hi)
        }
    }
}

/// Whether one symptom meets every constraint of `m`.
fn matches(m: &SymptomMatch, s: &SymptomFacts) -> bool {
    (m.kinds.is_empty() || m.kinds.contains(&s.kind))
        && (m.locations.is_empty() || m.locations.contains(&s.location))
        && (m.timings.is_empty() || s.timing.is_some_and(|t| m.timings.contains(&t)))
        && (m.onsets.is_empty() || s.onset.is_some_and(|o| m.onsets.contains(&o)))
        && (m.trends.is_empty() || s.trend.is_some_and(|t| m.trends.contains(&t)))
        && m.ranges
            .iter()
            .all(|(field, lo, hi)| s.number(*field).is_some_and(|v| *lo <= v && v <= *hi))
}

/// What in the profile makes `condition` hold, as data: a context, finding or trigger it
/// lists, or the location of a symptom that matched. `None` when the condition does not
/// hold, or holds only through `not`.
pub(crate) fn witness<'v>(
    condition: &Condition,
    facts: &Facts,
    vocab: &'v Vocabulary,
) -> Option<(BecauseKind, &'v Id)> {
    match condition {
        Condition::All(parts) => {
            if !parts.iter().all(|c| holds(c, facts)) {
                return None;
            }
            parts.iter().find_map(|c| witness(c, facts, vocab))
        }
        Condition::Any(parts) => parts.iter().find_map(|c| witness(c, facts, vocab)),
        Condition::Not(_) | Condition::Range(..) => None,
        Condition::Symptom(m) => {
            // Of the matching symptoms' places, the first in vocabulary order, whatever the
            // order the profile lists its symptoms in.
            let location = facts
                .symptoms
                .iter()
                .filter(|s| matches(m, s))
                .map(|s| s.location)
                .min()?;
            let id = vocab.name(VocabKind::Location, location)?;
            Some((BecauseKind::Location, id))
        }
        Condition::Has(kind, ids) => {
            // The first of the condition's ids the profile has: the pack's order, not the
            // profile's, so listing the same ids in another order gives the same reason.
            let listed = facts.listed(*kind);
            let id = *ids.iter().find(|id| listed.contains(id))?;
            match facts.implied_by(id).filter(|_| *kind == VocabKind::Context) {
                // The risk was reported as a finding: say so.
                Some(finding) => Some((
                    BecauseKind::Finding,
                    vocab.name(VocabKind::Finding, finding)?,
                )),
                None => Some(((*kind).into(), vocab.name(*kind, id)?)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::condition::tests::{compile_str, vocab};

    fn facts(symptoms: &[(u32, u32, Option<u32>, Option<u16>)], context: &[u32]) -> Facts {
        Facts {
            symptoms: symptoms
                .iter()
                .map(|&(kind, location, timing, severity)| SymptomFacts {
                    kind,
                    location,
                    timing,
                    onset: None,
                    trend: None,
                    numbers: [severity, None, None, None],
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
        assert!(!holds(
            &c,
            &facts(&[(0, 1, None, None), (1, 0, None, None)], &[])
        ));
        assert!(holds(&c, &facts(&[(0, 0, None, None)], &[])));
    }

    #[test]
    fn timing_and_severity_need_a_value_to_match() {
        let v = vocab();
        let c = compile_str(
            &v,
            "when = { timing = ['nocturnal'], severity = { min = 7 } }",
        )
        .unwrap();
        assert!(!holds(&c, &facts(&[(0, 0, None, Some(9))], &[])));
        assert!(!holds(&c, &facts(&[(0, 0, Some(0), None)], &[])));
        assert!(!holds(&c, &facts(&[(0, 0, Some(0), Some(6))], &[])));
        assert!(holds(&c, &facts(&[(0, 0, Some(0), Some(7))], &[])));
    }

    #[test]
    fn all_any_not_combine() {
        let v = vocab();
        let c = compile_str(
            &v,
            "when = { all = [{ any = [{ context = ['pregnancy'] }, { location = ['neck'] }] }, { not = { kind = ['spasm'] } }] }",
        )
        .unwrap();
        assert!(holds(&c, &facts(&[(0, 0, None, None)], &[0])));
        assert!(holds(&c, &facts(&[(0, 1, None, None)], &[])));
        assert!(!holds(&c, &facts(&[(1, 1, None, None)], &[])));
        assert!(!holds(&c, &facts(&[(0, 0, None, None)], &[1])));
    }

    #[test]
    fn witness_names_what_matched() {
        let v = vocab();
        let c = compile_str(&v, "when = { context = ['pregnancy', 'raynauds'] }").unwrap();
        let f = facts(&[], &[1]);
        let (kind, id) = witness(&c, &f, &v).unwrap();
        assert_eq!((kind, id.as_str()), (BecauseKind::Context, "raynauds"));
        assert_eq!(witness(&c, &facts(&[], &[]), &v), None);
        let c = compile_str(&v, "when = { kind = ['cramp'], severity = { min = 5 } }").unwrap();
        let f = facts(&[(0, 0, None, Some(8))], &[]);
        let (kind, id) = witness(&c, &f, &v).unwrap();
        assert_eq!((kind, id.as_str()), (BecauseKind::Location, "calf"));
    }
}
