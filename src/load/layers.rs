//! The layers: everything the packs loaded so far define, and loading one more pack on top,
//! step by step (size, parse, items, meta, then each kind of item, checked then layered).

use std::collections::HashMap;
use std::sync::Arc;

use toml::Spanned;

use crate::error::{Error, ErrorKind, LimitKind, Location, Result};
use crate::id::Id;
use crate::kinds::{IdKind, ItemKind, VocabKind};
use crate::limits::Limits;
use crate::pack::{FORMAT, RawMeta, RawPack, Str};
use crate::util::lines::Lines;
use crate::util::similar::nearest;

use crate::load::check;
use crate::load::items::{PackInfo, RedFlag, Rule, Source, Suggestion};
use crate::load::layer::{Table, duplicate_in_pack};
use crate::load::scenario::{self, Pending, Scenario};
use crate::load::site::Site;
use crate::load::vocabulary::{Term, Vocabulary};

/// Everything the packs loaded so far define, layered.
#[derive(Default)]
pub(crate) struct Layers {
    pub vocab: Vocabulary,
    pub sources: Table<Source>,
    pub suggestions: Table<Suggestion>,
    pub rules: Table<Rule>,
    pub red_flags: Table<RedFlag>,
    pub packs: Vec<PackInfo>,
    pub scenarios: Vec<Scenario>,
    /// Ids named by scenarios, checked once every pack has loaded.
    pending: Vec<Pending>,
    /// The limits applied to the pack being loaded.
    pub limits: Limits,
    /// Whether the pack being loaded is one of the crate's own.
    pub builtin: bool,
}

impl Layers {
    /// No packs yet; packs will be loaded under `limits`.
    pub(crate) fn new(limits: Limits) -> Layers {
        Layers {
            limits,
            ..Layers::default()
        }
    }

    /// Checks one pack and layers it over the ones before.
    pub(crate) fn load(&mut self, origin: Arc<str>, text: &str) -> Result<()> {
        self.within_size(&origin, text)?;
        let raw = crate::pack::parse(&origin, text)?;
        let lines = Lines::new(text);
        let site = Site {
            origin: &origin,
            text,
            lines: &lines,
            item: None,
            span: raw.pack.span(),
            max_string: self.limits.max_string_bytes,
        };
        self.within_items(&raw, &site)?;
        let mut info = self.meta(&raw.pack, &site)?;
        info.fingerprint = crate::util::sha256::hex(text.as_bytes());
        let pack = info.id.clone();
        self.vocabulary(&raw, &site)?;
        self.sources(&raw, &site)?;
        self.suggestions(&raw, &site, &pack)?;
        self.rules(&raw, &site, &pack)?;
        self.red_flags(&raw, &site, &pack)?;
        self.disable(&raw, &site)?;
        self.scenarios(&raw, &site, &pack)?;
        self.packs.push(info);
        Ok(())
    }

    /// What the checks may read.
    fn known(&self) -> check::Known<'_> {
        check::Known {
            vocab: &self.vocab,
            sources: &self.sources,
            suggestions: &self.suggestions,
            max_depth: self.limits.max_depth,
        }
    }

    fn within_size(&self, origin: &Arc<str>, text: &str) -> Result<()> {
        if text.len() <= self.limits.max_pack_bytes {
            return Ok(());
        }
        Err(Error::new(
            ErrorKind::LimitExceeded {
                limit: LimitKind::PackBytes,
                what: "pack size in bytes".to_owned(),
                found: text.len(),
                max: self.limits.max_pack_bytes,
            },
            Some(Location::new(origin.clone())),
        ))
    }

    fn within_items(&self, raw: &RawPack, site: &Site<'_>) -> Result<()> {
        let items = item_count(raw);
        if items <= self.limits.max_items {
            return Ok(());
        }
        Err(site.error(
            &raw.pack.span(),
            ErrorKind::LimitExceeded {
                limit: LimitKind::Items,
                what: "number of items in the pack".to_owned(),
                found: items,
                max: self.limits.max_items,
            },
        ))
    }

    /// `[pack]`: a new pack id, a version, the format this crate reads.
    fn meta(&self, raw: &Spanned<RawMeta>, site: &Site<'_>) -> Result<PackInfo> {
        let meta = raw.get_ref();
        let site = site.item(ItemKind::Pack, meta.id.get_ref(), meta.id.span());
        let id = check::id(&site, &meta.id, ItemKind::Pack)?;
        site.non_empty(&meta.version.span(), "version", meta.version.get_ref())?;
        if let Some(description) = &meta.description {
            site.not_too_long(&description.span(), "description", description.get_ref())?;
        }
        if *meta.format.get_ref() != FORMAT {
            return Err(site.error(
                &meta.format.span(),
                ErrorKind::UnsupportedFormat {
                    found: *meta.format.get_ref(),
                    supported: FORMAT,
                },
            ));
        }
        if let Some(first) = self.packs.iter().find(|p| p.id == id) {
            return Err(site.error(
                &meta.id.span(),
                ErrorKind::DuplicateId {
                    kind: IdKind::Item(ItemKind::Pack),
                    id: id.to_string(),
                    first: Location::new(first.origin.as_str()),
                },
            ));
        }
        Ok(PackInfo {
            id,
            version: meta.version.get_ref().clone(),
            origin: site.origin.to_string(),
            description: meta.description.as_ref().map(|d| d.get_ref().clone()),
            fingerprint: String::new(),
            builtin: self.builtin,
        })
    }

    /// `[vocabulary]`: new ids only, each with its label (and question).
    fn vocabulary(&mut self, raw: &RawPack, site: &Site<'_>) -> Result<()> {
        let Some(vocabulary) = &raw.vocabulary else {
            return Ok(());
        };
        let v = vocabulary.get_ref();
        for (kind, terms) in [
            (VocabKind::Kind, &v.kind),
            (VocabKind::Location, &v.location),
            (VocabKind::Timing, &v.timing),
            (VocabKind::Trigger, &v.trigger),
            (VocabKind::Finding, &v.finding),
            (VocabKind::Context, &v.context),
        ] {
            for raw in terms {
                let id = &raw.get_ref().id;
                let site = site.item(ItemKind::Vocabulary, id.get_ref(), id.span());
                let (term, implied_by) = check::term(kind, raw, &self.vocab, &site)?;
                self.new_vocabulary_id(kind, &term, &site)?;
                self.vocab
                    .insert(kind, term, &implied_by, site.location(&id.span()));
            }
        }
        Ok(())
    }

    /// An error if `term` is already a vocabulary id of its kind (or, for a finding or a
    /// context id, of the other one of the two: the same id cannot be both).
    fn new_vocabulary_id(&self, kind: VocabKind, term: &Term, site: &Site<'_>) -> Result<()> {
        let other = match kind {
            VocabKind::Finding => Some(VocabKind::Context),
            VocabKind::Context => Some(VocabKind::Finding),
            _ => None,
        };
        for k in std::iter::once(kind).chain(other) {
            if let Some(first) = self.vocab.place(k, term.id()) {
                return Err(site.error(
                    &site.span,
                    ErrorKind::DuplicateId {
                        kind: IdKind::Vocab(k),
                        id: term.id().to_string(),
                        first: first.clone(),
                    },
                ));
            }
        }
        Ok(())
    }

    /// `[[source]]`: new ids only.
    fn sources(&mut self, raw: &RawPack, site: &Site<'_>) -> Result<()> {
        for s in &raw.source {
            let s = s.get_ref();
            let site = site.item(ItemKind::Source, s.id.get_ref(), s.id.span());
            let source = check::source(s, &site)?;
            if let Some(first) = self.sources.position(&source.id) {
                return Err(site.error(
                    &s.id.span(),
                    ErrorKind::DuplicateId {
                        kind: IdKind::Item(ItemKind::Source),
                        id: source.id.to_string(),
                        first: self
                            .sources
                            .place(first)
                            .cloned()
                            .unwrap_or_else(|| Location::new(site.origin.clone())),
                    },
                ));
            }
            let place = site.location(&s.id.span());
            self.sources.push(source.id.clone(), source, place);
        }
        Ok(())
    }

    fn suggestions(&mut self, raw: &RawPack, site: &Site<'_>, pack: &Id) -> Result<()> {
        let mut seen = HashMap::new();
        for s in &raw.suggestion {
            let s = s.get_ref();
            let site = site.item(ItemKind::Suggestion, s.id.get_ref(), s.id.span());
            let suggestion = check::suggestion(s, &self.known(), &site, pack)?;
            duplicate_in_pack(
                &mut seen,
                &suggestion.id,
                ItemKind::Suggestion.into(),
                &site,
            )?;
            self.suggestions.layer(suggestion, s.replaces, &site)?;
        }
        Ok(())
    }

    fn rules(&mut self, raw: &RawPack, site: &Site<'_>, pack: &Id) -> Result<()> {
        let mut seen = HashMap::new();
        for r in &raw.rule {
            let r = r.get_ref();
            let site = site.item(ItemKind::Rule, r.id.get_ref(), r.id.span());
            let rule = check::rule(r, &self.known(), &site, pack)?;
            duplicate_in_pack(&mut seen, &rule.id, ItemKind::Rule.into(), &site)?;
            self.rules.layer(rule, r.replaces, &site)?;
        }
        Ok(())
    }

    fn red_flags(&mut self, raw: &RawPack, site: &Site<'_>, pack: &Id) -> Result<()> {
        let mut seen = HashMap::new();
        for f in &raw.red_flag {
            let f = f.get_ref();
            let site = site.item(ItemKind::RedFlag, f.id.get_ref(), f.id.span());
            let flag = check::red_flag(f, &self.known(), &site, pack)?;
            duplicate_in_pack(&mut seen, &flag.id, ItemKind::RedFlag.into(), &site)?;
            self.red_flags.layer(flag, f.replaces, &site)?;
        }
        Ok(())
    }

    /// `[disable]`: rules of earlier packs, by id; never a red flag.
    fn disable(&mut self, raw: &RawPack, site: &Site<'_>) -> Result<()> {
        let Some(disable) = &raw.disable else {
            return Ok(());
        };
        let d = disable.get_ref();
        for id in d.red_flags.iter().chain(&d.rules) {
            if let Some(flag) = self.red_flags.get(id.get_ref()) {
                let site = site.item(ItemKind::Disable, id.get_ref(), id.span());
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
            return Err(self.unknown_disabled(site, id, ItemKind::RedFlag));
        }
        for id in &d.rules {
            match self.rules.get_mut(id.get_ref()) {
                Some(rule) => rule.enabled = false,
                None => return Err(self.unknown_disabled(site, id, ItemKind::Rule)),
            }
        }
        Ok(())
    }

    fn unknown_disabled(&self, site: &Site<'_>, id: &Str, kind: ItemKind) -> Error {
        let site = site.item(ItemKind::Disable, id.get_ref(), id.span());
        let known: Vec<&str> = match kind {
            ItemKind::RedFlag => self.red_flags.ids().collect(),
            _ => self.rules.ids().collect(),
        };
        site.unknown(&id.span(), kind, id.get_ref(), known)
    }

    fn scenarios(&mut self, raw: &RawPack, site: &Site<'_>, pack: &Id) -> Result<()> {
        let mut seen = HashMap::new();
        for sc in &raw.scenario {
            let name = &sc.get_ref().name;
            let site = site.item(ItemKind::Scenario, name.get_ref(), name.span());
            let scenario = scenario::scenario(sc, &site, pack, &mut self.pending)?;
            duplicate_in_pack(&mut seen, &scenario.name, ItemKind::Scenario.into(), &site)?;
            self.scenarios.push(scenario);
        }
        Ok(())
    }

    /// Checks the ids scenarios name, and drops disabled rules: the layers as the engine
    /// keeps them.
    pub(crate) fn finish(mut self) -> Result<Layers> {
        for p in &self.pending {
            let known: Vec<&str> = match p.kind {
                IdKind::Item(ItemKind::Rule) => self.rules.ids().collect(),
                IdKind::Item(ItemKind::RedFlag) => self.red_flags.ids().collect(),
                IdKind::Vocab(_) => self
                    .vocab
                    .ids(VocabKind::Finding)
                    .chain(self.vocab.ids(VocabKind::Context))
                    .collect(),
                IdKind::Item(_) => self.suggestions.ids().collect(),
            };
            if !known.contains(&p.id.as_str()) {
                let kind = ErrorKind::UnknownId {
                    kind: p.kind,
                    id: p.id.to_string(),
                    suggestion: nearest(&p.id, known),
                };
                return Err(Error::new(kind, Some(p.location.clone())));
            }
        }
        self.pending.clear();
        self.rules = std::mem::take(&mut self.rules).retain(|r| r.enabled, |r| r.id.clone());
        Ok(self)
    }
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
