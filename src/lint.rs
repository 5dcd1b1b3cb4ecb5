//! Lints: warnings about packs that load but are probably not what the author meant. Each
//! has a stable code, documented in `docs/RULES.md`.

use std::collections::{HashMap, HashSet};

use crate::condition::Condition;
use crate::engine::Engine;
use crate::error::Location;

/// The longest title that reads well in a plan.
pub const MAX_TITLE_CHARS: usize = 80;
/// The longest evidence note that reads well in a plan.
pub const MAX_NOTE_CHARS: usize = 280;

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
        let c = self.compiled();
        let place = |key: String| c.places.get(&key).cloned();
        let mut out = Vec::new();
        let mut warn = |code, name, message: String, location| {
            out.push(Warning {
                code,
                name,
                message,
                location,
            });
        };

        let used: HashSet<u32> = c
            .rules
            .iter()
            .flat_map(|r| r.suggest.iter().map(|(s, _)| *s))
            .collect();
        for (i, s) in c.suggestions.iter().enumerate() {
            if !used.contains(&u32::try_from(i).unwrap_or(u32::MAX)) {
                let message = format!(
                    "suggestion `{}` is not suggested by any enabled rule",
                    s.id()
                );
                warn(
                    "W001",
                    "unused-suggestion",
                    message,
                    place(format!("suggestion:{}", s.id())),
                );
            }
        }

        let cited: HashSet<&str> = c
            .suggestions
            .iter()
            .flat_map(|s| s.evidence().sources.iter())
            .chain(c.red_flags.iter().flat_map(|f| f.sources.iter()))
            .map(|id| &**id)
            .collect();
        for source in &c.sources {
            if !cited.contains(&*source.id) {
                let message = format!(
                    "source `{}` is not cited by any suggestion or red flag",
                    source.id
                );
                warn(
                    "W002",
                    "unused-source",
                    message,
                    place(format!("source:{}", source.id)),
                );
            }
        }

        let rules = c.rules.iter().map(|r| ("rule", "rule", &r.id, &r.when));
        let flags = c
            .red_flags
            .iter()
            .map(|f| ("red flag", "red_flag", &f.id, &f.when));
        for (noun, key, id, when) in rules.chain(flags) {
            if contradictory(when) {
                let message =
                    format!("{noun} `{id}` can never fire: its condition contradicts itself");
                warn(
                    "W003",
                    "rule-never-fires",
                    message,
                    place(format!("{key}:{id}")),
                );
            }
        }

        for s in &c.suggestions {
            let title = s.title().chars().count();
            if title > MAX_TITLE_CHARS {
                let message = format!(
                    "the title of `{}` is {title} characters; keep it to {MAX_TITLE_CHARS}",
                    s.id()
                );
                warn(
                    "W005",
                    "long-title",
                    message,
                    place(format!("suggestion:{}:title", s.id())),
                );
            }
            let note = s.evidence().note.chars().count();
            if note > MAX_NOTE_CHARS {
                let message = format!(
                    "the evidence note of `{}` is {note} characters; keep it to {MAX_NOTE_CHARS}",
                    s.id()
                );
                warn(
                    "W006",
                    "long-note",
                    message,
                    place(format!("suggestion:{}:note", s.id())),
                );
            }
        }

        for rule in &c.rules {
            for (index, _) in rule.suggest.iter() {
                let Some(s) = c.suggestions.get(*index as usize) else {
                    continue;
                };
                let shadowed = s.cautions.iter().any(|caution| {
                    caution.withhold
                        && caution
                            .when
                            .as_ref()
                            .is_some_and(|w| implies(&rule.when, w))
                });
                if shadowed {
                    let message = format!(
                        "rule `{}` suggests `{}`, but a caution of `{}` withholds it whenever the rule fires",
                        rule.id,
                        s.id(),
                        s.id()
                    );
                    warn(
                        "W007",
                        "always-withheld",
                        message,
                        place(format!("rule:{}", rule.id)),
                    );
                }
            }
        }

        let mut titles: HashMap<&str, &str> = HashMap::new();
        for s in &c.suggestions {
            if let Some(first) = titles.insert(s.title(), s.id()) {
                let message = format!("suggestions `{first}` and `{}` have the same title", s.id());
                warn(
                    "W008",
                    "duplicate-title",
                    message,
                    place(format!("suggestion:{}:title", s.id())),
                );
            }
        }

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
}
