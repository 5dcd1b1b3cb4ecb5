//! Validating and linking packs one after another into the compiled engine's data.
//!
//! Each pack is checked whole against itself and the packs before it; the first problem
//! stops the build with an error naming the pack, line, column and item.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use toml::Spanned;

use crate::builder::toml_error;
use crate::category::Category;
use crate::condition::{Condition, compile};
use crate::engine::{Compiled, PackInfo};
use crate::error::{Error, ErrorKind, ItemKind, Lines, Location, Result};
use crate::evidence::{Direction, Evidence, Grade};
use crate::index::Index;
use crate::limits::Limits;
use crate::pack::{FORMAT, RawPack, RawSuggestion, Str};
use crate::rule::{RedFlag, Rule};
use crate::scenario::{Expect, Scenario};
use crate::similar::nearest;
use crate::site::Site;
use crate::source::Source;
use crate::suggestion::{Caution, Details, Suggestion};
use crate::urgency::Urgency;
use crate::vocab::{VocabKind, Vocabulary};

/// The largest weight a rule may give a suggestion.
pub const MAX_WEIGHT: i64 = 1000;

/// What a replacement drops from the suggestion it replaces, if anything: a caution that
/// withholds it (same condition) or its `clinician_first`.
fn weakened(old: &Suggestion, new: &Suggestion) -> Option<String> {
    if old.clinician_first() && !new.clinician_first() {
        return Some("drops `clinician_first = true`".to_owned());
    }
    old.cautions
        .iter()
        .filter(|c| c.withhold)
        .find(|c| !new.cautions.iter().any(|n| n.withhold && n.when == c.when))
        .map(|c| format!("drops the caution \"{}\"", c.text))
}

/// How many items a pack holds, for the item limit.
fn item_count(raw: &RawPack) -> usize {
    let vocabulary = raw.vocabulary.as_ref().map_or(0, |v| {
        let v = v.get_ref();
        v.kind.len()
            + v.location.len()
            + v.timing.len()
            + v.trigger.len()
            + v.finding.len()
            + v.context.len()
    });
    let suggestions: usize = raw
        .suggestion
        .iter()
        .map(|s| 1 + s.get_ref().caution.len())
        .sum();
    let rules: usize = raw
        .rule
        .iter()
        .map(|r| 1 + r.get_ref().suggest.get_ref().len())
        .sum();
    let disabled = raw
        .disable
        .as_ref()
        .map_or(0, |d| d.get_ref().rules.len() + d.get_ref().red_flags.len());
    vocabulary
        + raw.source.len()
        + suggestions
        + rules
        + raw.red_flag.len()
        + disabled
        + raw.scenario.len()
}

/// What kind of item a scenario names.
#[derive(Clone, Copy, Debug)]
enum Ref {
    Suggestion,
    Rule,
    RedFlag,
}

/// The state built up pack by pack.
#[derive(Default)]
pub(crate) struct Loader {
    vocab: Vocabulary,
    sources: Vec<Source>,
    source_index: HashMap<Arc<str>, (u32, Arc<str>)>,
    suggestions: Vec<Suggestion>,
    suggestion_index: HashMap<Arc<str>, u32>,
    rules: Vec<Rule>,
    rule_index: HashMap<Arc<str>, u32>,
    red_flags: Vec<RedFlag>,
    red_flag_index: HashMap<Arc<str>, u32>,
    packs: Vec<PackInfo>,
    scenarios: Vec<Scenario>,
    /// Where items were defined, for lints: `suggestion:ID`, `suggestion:ID:title`, ...
    places: HashMap<String, Location>,
    /// Ids named by scenarios, checked once every pack has loaded.
    pending: Vec<(String, Location, Ref)>,
    pub(crate) limits: Limits,
}

/// Checks that an id is non-empty and uses only `a-z`, `0-9`, `_` and `-`.
fn check_id(site: &Site<'_>, id: &Str, what: &str) -> Result<()> {
    let text = id.get_ref();
    site.not_too_long(&id.span(), &format!("{what} id"), text)?;
    let well_formed = !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
    if well_formed {
        return Ok(());
    }
    Err(site.error(
        &id.span(),
        ErrorKind::InvalidValue {
            field: format!("{what} id"),
            value: text.clone(),
            expected: "lowercase letters, digits, `_` and `-`".to_owned(),
            suggestion: None,
        },
    ))
}

/// Parses a closed-set value at its span.
fn closed<T: std::str::FromStr<Err = Error>>(site: &Site<'_>, value: &Str) -> Result<T> {
    value
        .get_ref()
        .parse::<T>()
        .map_err(|e| site.error(&value.span(), e.kind().clone()))
}

/// Records `id` in a pack's set of ids, or fails naming where it was first.
fn first_in_pack<'a>(
    site: &Site<'_>,
    seen: &mut HashMap<&'a str, Range<usize>>,
    id: &'a Str,
    what: &str,
) -> Result<()> {
    if let Some(first) = seen.get(id.get_ref().as_str()) {
        let at = site.location(first);
        return Err(site.error(
            &id.span(),
            ErrorKind::DuplicateId {
                what: what.to_owned(),
                id: id.get_ref().clone(),
                first: format!(
                    "{}:{}:{}",
                    at.origin(),
                    at.line().unwrap_or(0),
                    at.column().unwrap_or(0)
                ),
            },
        ));
    }
    seen.insert(id.get_ref(), id.span());
    Ok(())
}

impl Loader {
    /// A loader that applies `limits` to the packs it loads.
    pub(crate) fn new(limits: Limits) -> Loader {
        Loader {
            limits,
            ..Loader::default()
        }
    }

    pub(crate) fn load(&mut self, origin: Arc<str>, text: &str) -> Result<()> {
        if text.len() > self.limits.max_pack_bytes {
            return Err(Error::new(
                ErrorKind::LimitExceeded {
                    what: "pack size in bytes".to_owned(),
                    found: text.len(),
                    limit: self.limits.max_pack_bytes,
                },
                Some(Location::new(origin)),
            ));
        }
        let raw: RawPack =
            toml::from_str(text).map_err(|e| toml_error(&e, origin.clone(), text))?;
        let lines = Lines::new(text);
        let site = Site {
            origin: &origin,
            text,
            lines: &lines,
            item: None,
            max_string: self.limits.max_string_bytes,
        };
        let items = item_count(&raw);
        if items > self.limits.max_items {
            return Err(site.error(
                &raw.pack.span(),
                ErrorKind::LimitExceeded {
                    what: "number of items in the pack".to_owned(),
                    found: items,
                    limit: self.limits.max_items,
                },
            ));
        }
        let meta = raw.pack.get_ref();
        let pack_site = site.item(ItemKind::Pack, meta.id.get_ref());
        check_id(&pack_site, &meta.id, "pack")?;
        pack_site.non_empty(&meta.version.span(), "version", meta.version.get_ref())?;
        if let Some(description) = &meta.description {
            pack_site.not_too_long(&description.span(), "description", description.get_ref())?;
        }
        if *meta.format.get_ref() != FORMAT {
            return Err(pack_site.error(
                &meta.format.span(),
                ErrorKind::UnsupportedFormat {
                    found: *meta.format.get_ref(),
                    supported: FORMAT,
                },
            ));
        }
        if let Some(first) = self.packs.iter().find(|p| *p.id == **meta.id.get_ref()) {
            return Err(pack_site.error(
                &meta.id.span(),
                ErrorKind::DuplicateId {
                    what: "pack".to_owned(),
                    id: meta.id.get_ref().clone(),
                    first: first.origin.to_string(),
                },
            ));
        }
        let pack: Arc<str> = Arc::from(meta.id.get_ref().as_str());

        self.vocabulary(&raw, site, &pack)?;
        self.sources(&raw, site, &pack)?;
        for suggestion in &raw.suggestion {
            self.suggestion(suggestion, site, &pack)?;
        }
        self.rules(&raw, site, &pack)?;
        self.red_flags(&raw, site, &pack)?;
        self.disable(&raw, site)?;
        self.scenarios(&raw, site)?;

        self.packs.push(PackInfo {
            id: pack,
            version: Arc::from(meta.version.get_ref().as_str()),
            origin,
            description: meta
                .description
                .as_ref()
                .map(|d| Arc::from(d.get_ref().as_str())),
        });
        Ok(())
    }

    fn vocabulary(&mut self, raw: &RawPack, site: Site<'_>, pack: &Arc<str>) -> Result<()> {
        let Some(vocabulary) = &raw.vocabulary else {
            return Ok(());
        };
        let v = vocabulary.get_ref();
        for (kind, ids) in [
            (VocabKind::Kind, &v.kind),
            (VocabKind::Location, &v.location),
            (VocabKind::Timing, &v.timing),
            (VocabKind::Trigger, &v.trigger),
            (VocabKind::Finding, &v.finding),
            (VocabKind::Context, &v.context),
        ] {
            for id in ids {
                let site = site.item(ItemKind::Vocabulary, id.get_ref());
                check_id(&site, id, kind.noun())?;
                if let Some(first) = self.vocab.pack_of(kind, id.get_ref()) {
                    return Err(site.error(
                        &id.span(),
                        ErrorKind::DuplicateId {
                            what: kind.noun().to_owned(),
                            id: id.get_ref().clone(),
                            first: format!("pack `{first}`"),
                        },
                    ));
                }
                self.vocab.insert(kind, id.get_ref(), pack);
            }
        }
        Ok(())
    }

    fn sources(&mut self, raw: &RawPack, site: Site<'_>, pack: &Arc<str>) -> Result<()> {
        for source in &raw.source {
            let s = source.get_ref();
            let site = site.item(ItemKind::Source, s.id.get_ref());
            check_id(&site, &s.id, "source")?;
            let place = site.location(&s.id.span());
            self.places
                .insert(format!("source:{}", s.id.get_ref()), place);
            site.non_empty(&s.citation.span(), "citation", s.citation.get_ref())?;
            for field in [("doi", &s.doi), ("url", &s.url)] {
                if let (name, Some(value)) = field {
                    site.non_empty(&value.span(), name, value.get_ref())?;
                }
            }
            if let Some((_, first)) = self.source_index.get(s.id.get_ref().as_str()) {
                return Err(site.error(
                    &s.id.span(),
                    ErrorKind::DuplicateId {
                        what: "source".to_owned(),
                        id: s.id.get_ref().clone(),
                        first: format!("pack `{first}`"),
                    },
                ));
            }
            let id: Arc<str> = Arc::from(s.id.get_ref().as_str());
            let index = u32::try_from(self.sources.len()).unwrap_or(u32::MAX);
            self.source_index.insert(id.clone(), (index, pack.clone()));
            self.sources.push(Source {
                id,
                citation: Arc::from(s.citation.get_ref().as_str()),
                doi: s.doi.as_ref().map(|d| Arc::from(d.get_ref().as_str())),
                url: s.url.as_ref().map(|u| Arc::from(u.get_ref().as_str())),
            });
        }
        Ok(())
    }

    /// Resolves a list of source ids, which must not be empty.
    fn source_ids(&self, site: &Site<'_>, list: &Spanned<Vec<Str>>) -> Result<Arc<[Arc<str>]>> {
        if list.get_ref().is_empty() {
            return Err(site.error(
                &list.span(),
                ErrorKind::Empty {
                    field: "sources".to_owned(),
                },
            ));
        }
        list.get_ref()
            .iter()
            .map(
                |id| match self.source_index.get_key_value(id.get_ref().as_str()) {
                    Some((known, _)) => Ok(known.clone()),
                    None => Err(site.unknown(
                        &id.span(),
                        "source",
                        id.get_ref(),
                        self.source_index.keys().map(|k| &**k),
                    )),
                },
            )
            .collect()
    }

    fn suggestion(
        &mut self,
        raw: &Spanned<RawSuggestion>,
        site: Site<'_>,
        pack: &Arc<str>,
    ) -> Result<()> {
        let s = raw.get_ref();
        let site = site.item(ItemKind::Suggestion, s.id.get_ref());
        check_id(&site, &s.id, "suggestion")?;
        site.non_empty(&s.title.span(), "title", s.title.get_ref())?;
        site.non_empty(&s.how_to.span(), "how_to", s.how_to.get_ref())?;
        for (field, text) in [("title", &s.title), ("how_to", &s.how_to)] {
            if let Some(medicine) = crate::medicine::named_in(text.get_ref()) {
                let kind = ErrorKind::MedicineNamed {
                    field: field.to_owned(),
                    medicine: medicine.to_owned(),
                };
                return Err(site.error(&text.span(), kind));
            }
        }
        let category: Category = closed(&site, &s.category)?;
        let e = s.evidence.get_ref();
        let grade: Grade = closed(&site, &e.grade)?;
        let direction: Direction = closed(&site, &e.direction)?;
        site.non_empty(&e.note.span(), "evidence.note", e.note.get_ref())?;
        let sources = self.source_ids(&site, &e.sources)?;
        let id = s.id.get_ref();
        for (key, span) in [
            ("", s.id.span()),
            (":title", s.title.span()),
            (":note", e.note.span()),
        ] {
            self.places
                .insert(format!("suggestion:{id}{key}"), site.location(&span));
        }

        let mut cautions = Vec::with_capacity(s.caution.len());
        for caution in &s.caution {
            let c = caution.get_ref();
            site.non_empty(&c.text.span(), "caution.text", c.text.get_ref())?;
            let when = c
                .when
                .as_ref()
                .map(|w| compile(w, &self.vocab, site, self.limits.max_depth))
                .transpose()?;
            let withhold = match &c.action {
                None => when.is_some(),
                Some(action) => match (action.get_ref().as_str(), &when) {
                    ("warn", _) => false,
                    ("withhold", Some(_)) => true,
                    (value, _) => {
                        let expected = if when.is_some() {
                            "withhold, warn"
                        } else {
                            "warn (a caution without `when` can only warn)"
                        };
                        return Err(site.error(
                            &action.span(),
                            ErrorKind::InvalidValue {
                                field: "action".to_owned(),
                                value: value.to_owned(),
                                expected: expected.to_owned(),
                                suggestion: nearest(value, ["withhold", "warn"])
                                    .filter(|_| when.is_some()),
                            },
                        ));
                    }
                },
            };
            cautions.push(Caution {
                when,
                withhold,
                text: Arc::from(c.text.get_ref().as_str()),
            });
        }

        let suggestion = Suggestion {
            details: Arc::new(Details {
                id: Arc::from(s.id.get_ref().as_str()),
                title: Arc::from(s.title.get_ref().as_str()),
                how_to: Arc::from(s.how_to.get_ref().as_str()),
                category,
                evidence: Evidence {
                    grade,
                    direction,
                    note: Arc::from(e.note.get_ref().as_str()),
                    sources,
                },
                clinician_first: s.clinician_first,
            }),
            cautions,
            pack: pack.clone(),
        };
        let existing = self.suggestion_index.get(s.id.get_ref().as_str()).copied();
        let slot = existing.and_then(|i| self.suggestions.get_mut(i as usize));
        match (slot, s.replaces) {
            (Some(old), true) if old.pack != *pack => {
                if let Some(what) = weakened(old, &suggestion) {
                    return Err(site.error(
                        &s.id.span(),
                        ErrorKind::SuggestionWeakened {
                            id: s.id.get_ref().clone(),
                            pack: old.pack.to_string(),
                            what,
                        },
                    ));
                }
                *old = suggestion;
            }
            (Some(old), _) => {
                let kind = if old.pack == *pack {
                    ErrorKind::DuplicateId {
                        what: "suggestion".to_owned(),
                        id: s.id.get_ref().clone(),
                        first: format!("pack `{pack}`"),
                    }
                } else {
                    ErrorKind::ReplaceWithoutMarker {
                        what: "suggestion".to_owned(),
                        id: s.id.get_ref().clone(),
                        pack: old.pack.to_string(),
                    }
                };
                return Err(site.error(&s.id.span(), kind));
            }
            (None, true) => return Err(self.nothing_to_replace(&site, &s.id, "suggestion")),
            (None, false) => {
                let index = u32::try_from(self.suggestions.len()).unwrap_or(u32::MAX);
                self.suggestion_index
                    .insert(suggestion.details.id.clone(), index);
                self.suggestions.push(suggestion);
            }
        }
        Ok(())
    }

    fn nothing_to_replace(&self, site: &Site<'_>, id: &Str, what: &str) -> Error {
        let known: Vec<&str> = match what {
            "suggestion" => self.suggestion_index.keys().map(|k| &**k).collect(),
            "rule" => self.rule_index.keys().map(|k| &**k).collect(),
            _ => self.red_flag_index.keys().map(|k| &**k).collect(),
        };
        site.error(
            &id.span(),
            ErrorKind::NothingToReplace {
                what: what.to_owned(),
                id: id.get_ref().clone(),
                suggestion: nearest(id.get_ref(), known),
            },
        )
    }

    fn rules(&mut self, raw: &RawPack, site: Site<'_>, pack: &Arc<str>) -> Result<()> {
        let mut seen = HashMap::new();
        for rule in &raw.rule {
            let r = rule.get_ref();
            let site = site.item(ItemKind::Rule, r.id.get_ref());
            check_id(&site, &r.id, "rule")?;
            first_in_pack(&site, &mut seen, &r.id, "rule")?;
            let place = site.location(&r.id.span());
            self.places
                .insert(format!("rule:{}", r.id.get_ref()), place);
            let when = compile(&r.when, &self.vocab, site, self.limits.max_depth)?;
            if r.suggest.get_ref().is_empty() {
                return Err(site.error(
                    &r.suggest.span(),
                    ErrorKind::Empty {
                        field: "suggest".to_owned(),
                    },
                ));
            }
            let mut suggest = Vec::with_capacity(r.suggest.get_ref().len());
            let mut chosen = HashSet::new();
            for entry in r.suggest.get_ref() {
                let e = entry.get_ref();
                let Some(index) = self.suggestion_index.get(e.id.get_ref().as_str()).copied()
                else {
                    return Err(site.unknown(
                        &e.id.span(),
                        "suggestion",
                        e.id.get_ref(),
                        self.suggestion_index.keys().map(|k| &**k),
                    ));
                };
                if !chosen.insert(index) {
                    return Err(site.error(
                        &e.id.span(),
                        ErrorKind::DuplicateId {
                            what: "suggestion".to_owned(),
                            id: e.id.get_ref().clone(),
                            first: "the same rule's `suggest` list".to_owned(),
                        },
                    ));
                }
                let weight = *e.weight.get_ref();
                let weight = u32::try_from(weight)
                    .ok()
                    .filter(|w| (1..=MAX_WEIGHT).contains(&i64::from(*w)));
                let Some(weight) = weight else {
                    return Err(site.error(
                        &e.weight.span(),
                        ErrorKind::OutOfRange {
                            field: "weight".to_owned(),
                            value: *e.weight.get_ref(),
                            min: 1,
                            max: MAX_WEIGHT,
                        },
                    ));
                };
                suggest.push((index, weight));
            }
            let id: Arc<str> = Arc::from(r.id.get_ref().as_str());
            let compiled = Rule {
                because: Arc::from(format!("rule: {id}")),
                id: id.clone(),
                when,
                suggest: suggest.into_boxed_slice(),
                pack: pack.clone(),
                enabled: true,
            };
            let existing = self.rule_index.get(&id).copied();
            match (
                existing.and_then(|i| self.rules.get_mut(i as usize)),
                r.replaces,
            ) {
                (Some(old), true) => *old = compiled,
                (Some(old), false) => {
                    return Err(site.error(
                        &r.id.span(),
                        ErrorKind::ReplaceWithoutMarker {
                            what: "rule".to_owned(),
                            id: id.to_string(),
                            pack: old.pack.to_string(),
                        },
                    ));
                }
                (None, true) => return Err(self.nothing_to_replace(&site, &r.id, "rule")),
                (None, false) => {
                    self.rule_index
                        .insert(id, u32::try_from(self.rules.len()).unwrap_or(u32::MAX));
                    self.rules.push(compiled);
                }
            }
        }
        Ok(())
    }

    fn red_flags(&mut self, raw: &RawPack, site: Site<'_>, pack: &Arc<str>) -> Result<()> {
        let mut seen = HashMap::new();
        for flag in &raw.red_flag {
            let f = flag.get_ref();
            let site = site.item(ItemKind::RedFlag, f.id.get_ref());
            check_id(&site, &f.id, "red flag")?;
            first_in_pack(&site, &mut seen, &f.id, "red flag")?;
            let place = site.location(&f.id.span());
            self.places
                .insert(format!("red_flag:{}", f.id.get_ref()), place);
            let when = compile(&f.when, &self.vocab, site, self.limits.max_depth)?;
            let urgency: Urgency = closed(&site, &f.urgency)?;
            if urgency == Urgency::None {
                return Err(site.error(
                    &f.urgency.span(),
                    ErrorKind::InvalidValue {
                        field: "urgency".to_owned(),
                        value: "none".to_owned(),
                        expected: "routine, soon, urgent, emergency (a red flag needs a clinician)"
                            .to_owned(),
                        suggestion: None,
                    },
                ));
            }
            site.non_empty(&f.text.span(), "text", f.text.get_ref())?;
            let sources = self.source_ids(&site, &f.sources)?;
            let id: Arc<str> = Arc::from(f.id.get_ref().as_str());
            let existing = self.red_flag_index.get(&id).copied();
            match (
                existing.and_then(|i| self.red_flags.get_mut(i as usize)),
                f.replaces,
            ) {
                (Some(old), true) => {
                    if urgency < old.urgency {
                        return Err(site.error(
                            &f.urgency.span(),
                            ErrorKind::RedFlagLowered {
                                id: id.to_string(),
                                from: old.urgency,
                                to: urgency,
                                pack: old.pack.to_string(),
                            },
                        ));
                    }
                    // The old condition stays in force: a replacement can widen when the flag
                    // fires, never narrow it.
                    let old_when = std::mem::replace(&mut old.when, Condition::Any(Box::new([])));
                    old.when = Condition::Any(Box::new([old_when, when]));
                    old.urgency = urgency;
                    old.text = Arc::from(f.text.get_ref().as_str());
                    old.sources = sources;
                    old.pack = pack.clone();
                }
                (Some(old), false) => {
                    let kind = if urgency < old.urgency {
                        ErrorKind::RedFlagLowered {
                            id: id.to_string(),
                            from: old.urgency,
                            to: urgency,
                            pack: old.pack.to_string(),
                        }
                    } else {
                        ErrorKind::ReplaceWithoutMarker {
                            what: "red flag".to_owned(),
                            id: id.to_string(),
                            pack: old.pack.to_string(),
                        }
                    };
                    return Err(site.error(&f.id.span(), kind));
                }
                (None, true) => return Err(self.nothing_to_replace(&site, &f.id, "red flag")),
                (None, false) => {
                    let index = u32::try_from(self.red_flags.len()).unwrap_or(u32::MAX);
                    self.red_flag_index.insert(id.clone(), index);
                    self.red_flags.push(RedFlag {
                        id,
                        when,
                        urgency,
                        text: Arc::from(f.text.get_ref().as_str()),
                        sources,
                        pack: pack.clone(),
                    });
                }
            }
        }
        Ok(())
    }

    fn disable(&mut self, raw: &RawPack, site: Site<'_>) -> Result<()> {
        let Some(disable) = &raw.disable else {
            return Ok(());
        };
        let d = disable.get_ref();
        for id in d.red_flags.iter().chain(&d.rules) {
            let site = site.item(ItemKind::Disable, id.get_ref());
            let flag = self.red_flag_index.get(id.get_ref().as_str());
            if let Some(flag) = flag.and_then(|i| self.red_flags.get(*i as usize)) {
                return Err(site.error(
                    &id.span(),
                    ErrorKind::RedFlagDisabled {
                        id: id.get_ref().clone(),
                        pack: flag.pack.to_string(),
                    },
                ));
            }
        }
        if let Some(id) = d.red_flags.first() {
            let site = site.item(ItemKind::Disable, id.get_ref());
            let known = self.red_flag_index.keys().map(|k| &**k);
            return Err(site.unknown(&id.span(), "red flag", id.get_ref(), known));
        }
        for id in &d.rules {
            let index = self.rule_index.get(id.get_ref().as_str());
            match index.and_then(|i| self.rules.get_mut(*i as usize)) {
                Some(rule) => rule.enabled = false,
                None => {
                    let site = site.item(ItemKind::Disable, id.get_ref());
                    let known = self.rule_index.keys().map(|k| &**k);
                    return Err(site.unknown(&id.span(), "rule", id.get_ref(), known));
                }
            }
        }
        Ok(())
    }

    fn scenarios(&mut self, raw: &RawPack, site: Site<'_>) -> Result<()> {
        let mut seen = HashMap::new();
        for scenario in &raw.scenario {
            let sc = scenario.get_ref();
            let site = site.item(ItemKind::Scenario, sc.name.get_ref());
            site.non_empty(&sc.name.span(), "name", sc.name.get_ref())?;
            first_in_pack(&site, &mut seen, &sc.name, "scenario")?;
            let e = sc.expect.get_ref();
            let urgency = |value: &Option<Str>| {
                value
                    .as_ref()
                    .map(|u| closed::<Urgency>(&site, u))
                    .transpose()
            };
            let exact = urgency(&e.urgency)?;
            // Ids are checked when every pack has loaded, so a scenario may name items of
            // later packs.
            let pending = &mut self.pending;
            let mut ids = |list: &[Str], what: Ref| -> Vec<Arc<str>> {
                list.iter()
                    .map(|id| {
                        pending.push((id.get_ref().clone(), site.location(&id.span()), what));
                        Arc::from(id.get_ref().as_str())
                    })
                    .collect()
            };
            let first = ids(e.first.as_slice(), Ref::Suggestion).pop();
            let expect = Expect {
                urgency_min: exact.or(urgency(&e.urgency_min)?).unwrap_or(Urgency::None),
                urgency_max: exact
                    .or(urgency(&e.urgency_max)?)
                    .unwrap_or(Urgency::Emergency),
                first,
                include: ids(&e.include, Ref::Suggestion),
                exclude: ids(&e.exclude, Ref::Suggestion),
                withheld: ids(&e.withheld, Ref::Suggestion),
                reasons: ids(&e.reasons, Ref::RedFlag),
                rules: ids(&e.rules, Ref::Rule),
            };
            self.scenarios.push(Scenario {
                name: Arc::from(sc.name.get_ref().as_str()),
                location: site.location(&scenario.span()),
                profile: sc.profile.get_ref().clone(),
                expect,
            });
        }
        Ok(())
    }

    /// Checks the ids scenarios name against everything loaded.
    pub(crate) fn check_pending(&self) -> Result<()> {
        for (id, location, what) in &self.pending {
            let (noun, index) = match what {
                Ref::Suggestion => ("suggestion", &self.suggestion_index),
                Ref::Rule => ("rule", &self.rule_index),
                Ref::RedFlag => ("red flag", &self.red_flag_index),
            };
            if !index.contains_key(id.as_str()) {
                let kind = ErrorKind::UnknownId {
                    what: noun.to_owned(),
                    id: id.clone(),
                    suggestion: nearest(id, index.keys().map(|k| &**k)),
                };
                return Err(Error::new(kind, Some(location.clone())));
            }
        }
        Ok(())
    }

    pub(crate) fn finish(self) -> Compiled {
        let rules: Vec<Rule> = self.rules.into_iter().filter(|r| r.enabled).collect();
        Compiled {
            rule_index: Index::new(rules.iter().map(|r| &r.when)),
            red_flag_index: Index::new(self.red_flags.iter().map(|f| &f.when)),
            vocab: self.vocab,
            sources: self.sources,
            source_index: self
                .source_index
                .into_iter()
                .map(|(id, (index, _))| (id, index))
                .collect(),
            suggestions: self.suggestions,
            suggestion_index: self.suggestion_index,
            rules,
            red_flags: self.red_flags,
            packs: self.packs,
            scenarios: self.scenarios,
            places: self.places,
        }
    }
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
    use crate::builder::EngineBuilder;

    #[test]
    fn ids_must_be_lowercase_words() {
        let origin: Arc<str> = Arc::from("x");
        let lines = Lines::new("");
        let site = Site {
            origin: &origin,
            text: "",
            lines: &lines,
            item: None,
            max_string: 16,
        };
        let id = |s: &str| Spanned::new(0..0, s.to_owned());
        assert!(check_id(&site, &id("gentle-heat_2"), "suggestion").is_ok());
        for bad in ["", "Gentle", "gentle heat", "héat"] {
            assert!(check_id(&site, &id(bad), "suggestion").is_err(), "{bad:?}");
        }
    }

    #[test]
    fn builtin_packs_load_without_error() {
        let engine = EngineBuilder::new().builtin().build();
        assert!(engine.is_ok(), "{:?}", engine.err());
    }
}
