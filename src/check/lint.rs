//! Lints: warnings about packs that load but are probably not what the author meant. Each
//! has a stable code, documented in `docs/RULES.md`.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::compiled::Engine;
use crate::error::Location;
use crate::load::condition::Condition;
use crate::util::readability;

/// The highest reading grade any person-facing text may have.
const GRADE_MAX: f64 = 10.0;
/// The reading grade nine in ten texts of a pack stay at or below.
const GRADE_MOST: f64 = 8.0;

/// The first words of a text, for a message.
fn shorten(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().take(12).collect();
    let more = text.split_whitespace().count() > words.len();
    format!("{}{}", words.join(" "), if more { " ..." } else { "" })
}

/// The longest title that reads well in a plan.
const MAX_TITLE_CHARS: usize = 80;
/// The longest evidence note that reads well in a plan.
const MAX_NOTE_CHARS: usize = 280;

/// A warning about a pack.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Warning {
    /// The stable code, such as `W001`.
    pub code: &'static str,
    /// The lint's name, such as `unused-suggestion`.
    pub name: &'static str,
    /// What is wrong.
    pub message: String,
    /// Where, when known.
    pub location: Option<Location>,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(location) = &self.location {
            write!(f, "{location}: ")?;
        }
        write!(f, "warning[{}] {}: {}", self.code, self.name, self.message)
    }
}

/// Whether `condition` can never hold: an `all` that holds both a part and its negation, or
/// an empty `any`.
fn contradictory(condition: &Condition) -> bool {
    match condition {
        Condition::All(parts) => {
            parts.iter().any(contradictory)
                || parts.iter().any(|p| {
                    parts
                        .iter()
                        .any(|q| matches!(q, Condition::Not(inner) if **inner == *p))
                })
        }
        Condition::Any(parts) => parts.iter().all(contradictory),
        _ => false,
    }
}

/// Whether `rule` holding implies `caution` holds: the same condition, or one of the parts of
/// an `all`.
fn implies(rule: &Condition, caution: &Condition) -> bool {
    rule == caution
        || matches!(rule, Condition::All(parts) if parts.iter().any(|p| implies(p, caution)))
}

impl Engine {
    /// Lints the loaded packs, in a stable order (by code, then by place).
    ///
    /// ```
    /// assert!(soothe::Engine::builtin()?.lint().is_empty());
    /// # Ok::<(), soothe::Error>(())
    /// ```
    pub fn lint(&self) -> Vec<Warning> {
        let mut out = Vec::new();
        self.unused_suggestions(&mut out);
        self.unused_sources(&mut out);
        self.never_fires(&mut out);
        self.long_texts(&mut out);
        self.always_withheld(&mut out);
        self.duplicate_titles(&mut out);
        self.ask_when_never_holds(&mut out);
        self.unasked_findings(&mut out);
        self.hard_to_read(&mut out);
        out.sort_by(|a, b| {
            let key = |w: &Warning| {
                let l = w.location.as_ref();
                (
                    w.code,
                    l.map(|l| l.origin().to_owned()),
                    l.and_then(Location::line),
                    l.and_then(Location::column),
                )
            };
            key(a).cmp(&key(b))
        });
        out
    }

    /// W001: a suggestion no enabled rule names.
    fn unused_suggestions(&self, out: &mut Vec<Warning>) {
        let c = &*self.compiled;
        let used: HashSet<u32> = c
            .rules
            .iter()
            .flat_map(|r| r.suggest.iter().map(|(s, _)| *s))
            .collect();
        for (position, s) in (0u32..).zip(c.suggestions.iter()) {
            if !used.contains(&position) {
                out.push(Warning {
                    code: "W001",
                    name: "unused-suggestion",
                    message: format!("suggestion `{}` is not suggested by any enabled rule", s.id),
                    location: c.suggestions.place(position).cloned(),
                });
            }
        }
    }

    /// W002: a source nothing cites.
    fn unused_sources(&self, out: &mut Vec<Warning>) {
        let c = &*self.compiled;
        let cited: HashSet<&str> = c
            .suggestions
            .iter()
            .flat_map(|s| s.evidence.sources.iter())
            .chain(c.red_flags.iter().flat_map(|f| f.sources.iter()))
            .map(|id| id.as_str())
            .collect();
        for (position, source) in (0u32..).zip(c.sources.iter()) {
            if !cited.contains(source.id.as_str()) {
                out.push(Warning {
                    code: "W002",
                    name: "unused-source",
                    message: format!(
                        "source `{}` is not cited by any suggestion or red flag",
                        source.id
                    ),
                    location: c.sources.place(position).cloned(),
                });
            }
        }
    }

    /// W003: a rule or red flag whose condition contradicts itself.
    fn never_fires(&self, out: &mut Vec<Warning>) {
        let c = &*self.compiled;
        let rules = (0u32..)
            .zip(c.rules.iter())
            .map(|(p, r)| ("rule", &r.id, &r.when, c.rules.place(p)));
        let flags = (0u32..)
            .zip(c.red_flags.iter())
            .map(|(p, f)| ("red flag", &f.id, &f.when, c.red_flags.place(p)));
        for (noun, id, when, place) in rules.chain(flags) {
            if contradictory(when) {
                out.push(Warning {
                    code: "W003",
                    name: "rule-never-fires",
                    message: format!(
                        "{noun} `{id}` can never fire: its condition contradicts itself"
                    ),
                    location: place.cloned(),
                });
            }
        }
    }

    /// W005 and W006: titles and evidence notes too long to read well in a plan.
    fn long_texts(&self, out: &mut Vec<Warning>) {
        for s in self.compiled.suggestions.iter() {
            let title = s.title.chars().count();
            if title > MAX_TITLE_CHARS {
                out.push(Warning {
                    code: "W005",
                    name: "long-title",
                    message: format!(
                        "the title of `{}` is {title} characters; keep it to {MAX_TITLE_CHARS}",
                        s.id
                    ),
                    location: Some(s.places.title.clone()),
                });
            }
            let note = s.evidence.note.chars().count();
            if note > MAX_NOTE_CHARS {
                out.push(Warning {
                    code: "W006",
                    name: "long-note",
                    message: format!(
                        "the evidence note of `{}` is {note} characters; keep it to {MAX_NOTE_CHARS}",
                        s.id
                    ),
                    location: Some(s.places.note.clone()),
                });
            }
        }
    }

    /// W007: a rule suggests something one of its cautions withholds whenever the rule fires.
    fn always_withheld(&self, out: &mut Vec<Warning>) {
        let c = &*self.compiled;
        for (position, rule) in (0u32..).zip(c.rules.iter()) {
            for s in rule
                .suggest
                .iter()
                .filter_map(|(s, _)| c.suggestions.at(*s))
            {
                let shadowed = s.cautions.iter().any(|caution| {
                    caution.withhold
                        && caution
                            .when
                            .as_ref()
                            .is_some_and(|w| implies(&rule.when, w))
                });
                if shadowed {
                    out.push(Warning {
                        code: "W007",
                        name: "always-withheld",
                        message: format!(
                            "rule `{}` suggests `{}`, but a caution of `{}` withholds it whenever the rule fires",
                            rule.id, s.id, s.id
                        ),
                        location: c.rules.place(position).cloned(),
                    });
                }
            }
        }
    }

    /// W009: a red flag whose `ask_when` contradicts itself: it is never asked about.
    fn ask_when_never_holds(&self, out: &mut Vec<Warning>) {
        let c = &*self.compiled;
        for (position, flag) in (0u32..).zip(c.red_flags.iter()) {
            if flag.relevance.ask_when.as_ref().is_some_and(contradictory) {
                out.push(Warning {
                    code: "W009",
                    name: "never-asked",
                    message: format!(
                        "the `ask_when` of red flag `{}` can never hold: its questions and safety net are never shown",
                        flag.id
                    ),
                    location: c.red_flags.place(position).cloned(),
                });
            }
        }
    }

    /// W010: a finding no red flag's condition mentions, so no plan ever asks about it.
    fn unasked_findings(&self, out: &mut Vec<Warning>) {
        let c = &*self.compiled;
        let finding = crate::kinds::VocabKind::Finding;
        for (position, term) in (0u32..).zip(c.vocab.terms(finding)) {
            if c.links.mentioning(finding, position).is_empty() {
                out.push(Warning {
                    code: "W010",
                    name: "unasked-finding",
                    message: format!(
                        "no red flag mentions the finding `{}`, so no plan asks about it",
                        term.id()
                    ),
                    location: c.vocab.place(finding, term.id()).cloned(),
                });
            }
        }
    }

    /// Every person-facing text with where it was written: suggestion titles, how-tos,
    /// evidence notes and cautions; red-flag texts, safety-net lines and interim advice;
    /// vocabulary labels and questions.
    fn texts(&self) -> Vec<(&str, Option<Location>)> {
        let c = &*self.compiled;
        let mut out: Vec<(&str, Option<Location>)> = Vec::new();
        for (p, s) in (0u32..).zip(c.suggestions.iter()) {
            let at = || c.suggestions.place(p).cloned();
            out.push((&s.title, Some(s.places.title.clone())));
            out.push((&s.how_to, at()));
            out.push((&s.evidence.note, Some(s.places.note.clone())));
            out.extend(s.cautions.iter().map(|k| (k.text.as_str(), at())));
        }
        for (p, f) in (0u32..).zip(c.red_flags.iter()) {
            let at = || c.red_flags.place(p).cloned();
            out.push((&f.text, at()));
            out.extend(f.safety_net.iter().map(|line| (line.as_str(), at())));
            out.extend(f.interim.iter().map(|i| (i.as_str(), at())));
        }
        for kind in crate::kinds::VocabKind::ALL {
            for term in c.vocab.terms(kind) {
                let at = c.vocab.place(kind, term.id()).cloned();
                out.push((term.label(), at.clone()));
                out.extend(term.question().map(|q| (q, at)));
            }
        }
        out
    }

    /// W012: a text above reading grade 10; W013: a pack with more than a tenth of its
    /// graded texts above grade 8.
    fn hard_to_read(&self, out: &mut Vec<Warning>) {
        // Per pack (by origin): graded texts, texts above grade 8, a place in it.
        let mut per_pack: BTreeMap<String, (usize, usize, Option<Location>)> = BTreeMap::new();
        for (text, at) in self.texts() {
            let Some(grade) = readability::grade(text) else {
                continue;
            };
            let origin = at.as_ref().map_or(String::new(), |l| l.origin().to_owned());
            let entry = per_pack.entry(origin).or_insert((0, 0, at.clone()));
            entry.0 += 1;
            entry.1 += usize::from(grade > GRADE_MOST);
            if grade > GRADE_MAX {
                out.push(Warning {
                    code: "W012",
                    name: "hard-to-read",
                    message: format!(
                        "reading grade {grade:.1} is above {GRADE_MAX}: use shorter sentences and everyday words: \"{}\"",
                        shorten(text)
                    ),
                    location: at,
                });
            }
        }
        for (origin, (graded, hard, at)) in per_pack {
            if hard * 10 > graded {
                out.push(Warning {
                    code: "W013",
                    name: "reading-level",
                    message: format!(
                        "{hard} of the {graded} graded texts of {origin} are above reading grade {GRADE_MOST}; keep that to a tenth"
                    ),
                    location: at.map(|l| crate::error::Location::new(l.origin().to_owned())),
                });
            }
        }
    }

    /// W008: two suggestions with the same title.
    fn duplicate_titles(&self, out: &mut Vec<Warning>) {
        let mut titles: HashMap<&str, &str> = HashMap::new();
        for s in self.compiled.suggestions.iter() {
            if let Some(first) = titles.insert(&s.title, s.id.as_str()) {
                out.push(Warning {
                    code: "W008",
                    name: "duplicate-title",
                    message: format!("suggestions `{first}` and `{}` have the same title", s.id),
                    location: Some(s.places.title.clone()),
                });
            }
        }
    }
}
