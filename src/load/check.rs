//! Checking items: pure functions from a raw item of the pack being loaded to a checked item,
//! reading (never changing) what earlier items defined. Layering them is `layer`'s work.

use toml::Spanned;

use crate::category::Category;
use crate::error::{ErrorKind, Result, SupplementNeeds};
use crate::evidence::{Direction, Evidence, Grade};
use crate::id::Id;
use crate::kinds::VocabKind;
use crate::kinds::{IdKind, ItemKind};
use crate::load::condition::compile;
use crate::load::items::{
    Caution, Places, RedFlag, Relevance, Rule, Source, Suggestion, Withholds,
};
use crate::load::layer::Table;
use crate::load::site::Site;
use crate::load::vocabulary::{Term, Vocabulary};
use crate::pack::{
    RawCaution, RawRedFlag, RawRule, RawSource, RawSuggest, RawSuggestion, RawTerm, Str,
};
use crate::urgency::Urgency;
use crate::util::similar::nearest;

/// What earlier items defined, read by the checks: the vocabulary for conditions, the
/// sources and suggestions that items refer to by id.
pub(crate) struct Known<'a> {
    pub vocab: &'a Vocabulary,
    pub sources: &'a Table<Source>,
    pub suggestions: &'a Table<Suggestion>,
    /// The deepest nesting a condition may have.
    pub max_depth: usize,
}

/// The largest weight a rule may give a suggestion.
pub(crate) const MAX_WEIGHT: i64 = 1000;

/// An id: non-empty, within the string limit, and only `a-z`, `0-9`, `_` and `-`.
pub(crate) fn id(site: &Site<'_>, raw: &Str, kind: impl Into<IdKind>) -> Result<Id> {
    let text = raw.get_ref();
    let kind = kind.into();
    site.not_too_long(&raw.span(), &format!("{kind} id"), text)?;
    let well_formed = !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
    if well_formed {
        // Ids show in plans and in hosts' screens: those of what soothe suggests, cites or
        // loads name no medicine. Red-flag and vocabulary ids may (`new_medication`).
        if matches!(
            kind,
            IdKind::Item(ItemKind::Suggestion | ItemKind::Rule | ItemKind::Source | ItemKind::Pack)
        ) {
            site.no_medicine(&raw.span(), &format!("{kind} id"), text)?;
        }
        return Ok(Id::new(text));
    }
    Err(site.error(
        &raw.span(),
        ErrorKind::InvalidValue {
            field: format!("{kind} id"),
            value: text.clone(),
            expected: vec!["lowercase letters, digits, `_` and `-`".to_owned()],
            suggestion: None,
        },
    ))
}

/// A vocabulary entry: its id, a label, and a question exactly for findings and context;
/// context may name the findings (already defined) that carry the same risk.
pub(crate) fn term(
    kind: VocabKind,
    raw: &Spanned<RawTerm>,
    vocab: &Vocabulary,
    site: &Site<'_>,
) -> Result<(Term, Vec<u32>)> {
    let t = raw.get_ref();
    let id = id(site, &t.id, kind)?;
    site.non_empty(&t.label.span(), "label", t.label.get_ref())?;
    site.no_medicine_advice(&t.label.span(), "label", t.label.get_ref())?;
    let asks = matches!(kind, VocabKind::Finding | VocabKind::Context);
    let question = match (&t.question, asks) {
        (Some(q), true) => {
            site.non_empty(&q.span(), "question", q.get_ref())?;
            site.no_medicine_advice(&q.span(), "question", q.get_ref())?;
            Some(q.get_ref().clone())
        }
        (None, true) => {
            let field = "question".to_owned();
            return Err(site.error(&raw.span(), ErrorKind::MissingField { field }));
        }
        (Some(q), false) => {
            return Err(site.error(&q.span(), not_here("question", "finding and context ids")));
        }
        (None, false) => None,
    };
    let (implied_by, positions) = match &t.implied_by {
        None => (Vec::new(), Vec::new()),
        Some(list) if kind != VocabKind::Context => {
            return Err(site.error(&list.span(), not_here("implied_by", "context ids")));
        }
        Some(list) => implied(list, vocab, site)?,
    };
    Ok((
        Term::new(id, t.label.get_ref().clone(), question, implied_by),
        positions,
    ))
}

/// The findings of a context id's `implied_by`, which must be defined.
fn implied(
    list: &Spanned<Vec<Str>>,
    vocab: &Vocabulary,
    site: &Site<'_>,
) -> Result<(Vec<Id>, Vec<u32>)> {
    let mut ids = Vec::new();
    let mut positions = Vec::new();
    for raw in list.get_ref() {
        let finding = VocabKind::Finding;
        let position = vocab
            .lookup(finding, raw.get_ref())
            .ok_or_else(|| site.unknown(&raw.span(), finding, raw.get_ref(), vocab.ids(finding)))?;
        positions.push(position);
        ids.push(Id::new(raw.get_ref()));
    }
    Ok((ids, positions))
}

/// A field given where it does not belong.
fn not_here(field: &str, only: &str) -> ErrorKind {
    ErrorKind::NotHere {
        field: field.to_owned(),
        only: only.to_owned(),
    }
}

/// A `[[source]]`.
pub(crate) fn source(raw: &RawSource, site: &Site<'_>) -> Result<Source> {
    let id = id(site, &raw.id, ItemKind::Source)?;
    site.shown(&raw.citation.span(), "citation", raw.citation.get_ref())?;
    for (name, value) in [("doi", &raw.doi), ("url", &raw.url)] {
        if let Some(value) = value {
            site.non_empty(&value.span(), name, value.get_ref())?;
        }
    }
    Ok(Source {
        id,
        citation: raw.citation.get_ref().clone(),
        doi: raw.doi.as_ref().map(|d| d.get_ref().clone()),
        url: raw.url.as_ref().map(|u| u.get_ref().clone()),
    })
}

/// A list of source ids, which must not be empty and must all be defined.
pub(crate) fn source_ids(
    site: &Site<'_>,
    list: &Spanned<Vec<Str>>,
    sources: &Table<Source>,
) -> Result<Vec<Id>> {
    if list.get_ref().is_empty() {
        return Err(site.error(&list.span(), empty("sources")));
    }
    list.get_ref()
        .iter()
        .map(|raw| {
            sources.id(raw.get_ref()).cloned().ok_or_else(|| {
                site.unknown(&raw.span(), ItemKind::Source, raw.get_ref(), sources.ids())
            })
        })
        .collect()
}

/// A `[[suggestion]]` with its cautions.
pub(crate) fn suggestion(
    raw: &RawSuggestion,
    known: &Known<'_>,
    site: &Site<'_>,
    pack: &Id,
) -> Result<Suggestion> {
    let id = id(site, &raw.id, ItemKind::Suggestion)?;
    site.shown(&raw.title.span(), "title", raw.title.get_ref())?;
    site.shown(&raw.how_to.span(), "how_to", raw.how_to.get_ref())?;
    let e = raw.evidence.get_ref();
    let evidence = Evidence {
        grade: site.closed::<Grade>(&e.grade)?,
        direction: site.closed::<Direction>(&e.direction)?,
        note: {
            site.shown(&e.note.span(), "evidence.note", e.note.get_ref())?;
            e.note.get_ref().clone()
        },
        sources: source_ids(site, &e.sources, known.sources)?,
    };
    let cautions: Vec<Caution> = raw
        .caution
        .iter()
        .map(|c| caution(c.get_ref(), known, site))
        .collect::<Result<_>>()?;
    let category = site.closed::<Category>(&raw.category)?;
    if category == Category::Supplement {
        supplement_guarded(raw, &cautions, known.vocab, site)?;
    }
    no_supplement_elsewhere(raw, category, site)?;
    Ok(Suggestion {
        id,
        title: raw.title.get_ref().clone(),
        category,
        how_to: raw.how_to.get_ref().clone(),
        evidence,
        clinician_first: raw.clinician_first,
        cautions,
        pack: pack.clone(),
        places: Places {
            title: site.location(&raw.title.span()),
            note: site.location(&e.note.span()),
        },
    })
}

/// A suggestion of another category than `supplement` may not name a supplement in any text
/// a person sees with it: it would dodge the supplement rules.
fn no_supplement_elsewhere(raw: &RawSuggestion, category: Category, site: &Site<'_>) -> Result<()> {
    let note = &raw.evidence.get_ref().note;
    let texts = [
        ("title", &raw.title),
        ("how_to", &raw.how_to),
        ("evidence.note", note),
    ];
    for (field, text) in texts {
        site.no_supplement(&text.span(), field, text.get_ref(), category)?;
    }
    for c in &raw.caution {
        let text = &c.get_ref().text;
        site.no_supplement(&text.span(), "caution.text", text.get_ref(), category)?;
    }
    Ok(())
}

/// The context ids a supplement must be withheld for (DOMAIN.md: kidney disease raises the
/// risk of toxicity; in pregnancy only a midwife or doctor should advise one).
pub(crate) const SUPPLEMENT_WITHHELD_FOR: [&str; 2] = ["kidney_disease", "pregnancy"];

/// A `supplement` suggestion must be `clinician_first` and withheld from a person with any
/// of [`SUPPLEMENT_WITHHELD_FOR`]: some caution withholds it, with a condition that holds
/// for a profile with that context id alone.
fn supplement_guarded(
    raw: &RawSuggestion,
    cautions: &[Caution],
    vocab: &Vocabulary,
    site: &Site<'_>,
) -> Result<()> {
    let id = raw.id.get_ref().clone();
    let refuse = |needs| {
        site.error(
            &raw.category.span(),
            ErrorKind::SupplementUnguarded {
                id: id.clone(),
                needs,
            },
        )
    };
    if !raw.clinician_first {
        return Err(refuse(SupplementNeeds::ClinicianFirst));
    }
    for context in SUPPLEMENT_WITHHELD_FOR {
        let position = vocab.lookup(VocabKind::Context, context);
        let withheld = position.is_some_and(|p| {
            cautions.iter().any(|c| {
                c.withhold
                    && c.when
                        .as_ref()
                        .is_some_and(|w| w.holds_with_only(VocabKind::Context, p))
            })
        });
        if !withheld {
            let context = context.to_owned();
            return Err(refuse(SupplementNeeds::Withhold { context }));
        }
    }
    Ok(())
}

/// A `[[suggestion.caution]]`: `withhold` by default when it has a condition.
fn caution(raw: &RawCaution, known: &Known<'_>, site: &Site<'_>) -> Result<Caution> {
    site.shown(&raw.text.span(), "caution.text", raw.text.get_ref())?;
    let when = raw
        .when
        .as_ref()
        .map(|w| compile(w, known.vocab, site, known.max_depth))
        .transpose()?;
    let withhold = match &raw.action {
        None => when.is_some(),
        Some(action) => match (action.get_ref().as_str(), &when) {
            ("warn", _) => false,
            ("withhold", Some(_)) => true,
            (value, _) => {
                let expected = if when.is_some() {
                    vec!["withhold".to_owned(), "warn".to_owned()]
                } else {
                    vec!["warn (a caution without `when` can only warn)".to_owned()]
                };
                return Err(site.error(
                    &action.span(),
                    ErrorKind::InvalidValue {
                        field: "action".to_owned(),
                        value: value.to_owned(),
                        expected,
                        suggestion: nearest(value, ["withhold", "warn"]).filter(|_| when.is_some()),
                    },
                ));
            }
        },
    };
    if withhold && when.as_ref().is_some_and(|w| w.anchors().is_none()) {
        let span = raw.when.as_ref().map_or(raw.text.span(), Spanned::span);
        return Err(site.error(&span, ErrorKind::WithholdWithoutReason));
    }
    Ok(Caution {
        when,
        withhold,
        text: raw.text.get_ref().clone(),
    })
}

/// A `[[rule]]`: its condition and the suggestions it names, each once, with a weight.
pub(crate) fn rule(raw: &RawRule, known: &Known<'_>, site: &Site<'_>, pack: &Id) -> Result<Rule> {
    let id = id(site, &raw.id, ItemKind::Rule)?;
    let when = compile(&raw.when, known.vocab, site, known.max_depth)?;
    if raw.suggest.get_ref().is_empty() {
        return Err(site.error(&raw.suggest.span(), empty("suggest")));
    }
    let mut suggest: Vec<(u32, u32)> = Vec::with_capacity(raw.suggest.get_ref().len());
    for entry in raw.suggest.get_ref() {
        let (position, weight) = weighted(entry.get_ref(), known.suggestions, site)?;
        if suggest.iter().any(|(p, _)| *p == position) {
            return Err(site.error(
                &entry.get_ref().id.span(),
                ErrorKind::DuplicateId {
                    kind: IdKind::Item(ItemKind::Suggestion),
                    id: entry.get_ref().id.get_ref().clone(),
                    first: site.location(&raw.suggest.span()),
                },
            ));
        }
        suggest.push((position, weight));
    }
    Ok(Rule {
        id,
        when,
        suggest: suggest.into_boxed_slice(),
        pack: pack.clone(),
        enabled: true,
    })
}

/// One `{ id, weight }` of a rule: the suggestion's position and a weight from 1 to 1000.
fn weighted(
    entry: &RawSuggest,
    suggestions: &Table<Suggestion>,
    site: &Site<'_>,
) -> Result<(u32, u32)> {
    let position = suggestions.position(entry.id.get_ref()).ok_or_else(|| {
        site.unknown(
            &entry.id.span(),
            ItemKind::Suggestion,
            entry.id.get_ref(),
            suggestions.ids(),
        )
    })?;
    let weight = *entry.weight.get_ref();
    let valid = u32::try_from(weight)
        .ok()
        .filter(|w| (1..=MAX_WEIGHT).contains(&i64::from(*w)));
    let weight = valid.ok_or_else(|| {
        site.error(
            &entry.weight.span(),
            ErrorKind::OutOfRange {
                field: "weight".to_owned(),
                value: weight,
                min: 1,
                max: MAX_WEIGHT,
            },
        )
    })?;
    Ok((position, weight))
}

/// A `[[red_flag]]`: its condition, an urgency above `none`, text, a safety net, what it
/// withholds (with the interim text that says why), and sources.
pub(crate) fn red_flag(
    raw: &RawRedFlag,
    known: &Known<'_>,
    site: &Site<'_>,
    pack: &Id,
) -> Result<RedFlag> {
    let id = id(site, &raw.id, ItemKind::RedFlag)?;
    let when = compile(&raw.when, known.vocab, site, known.max_depth)?;
    let ask_when = raw
        .ask_when
        .as_ref()
        .map(|w| compile(w, known.vocab, site, known.max_depth))
        .transpose()?;
    let urgency = site.closed::<Urgency>(&raw.urgency)?;
    if urgency == Urgency::None {
        return Err(site.error(
            &raw.urgency.span(),
            ErrorKind::InvalidValue {
                field: "urgency".to_owned(),
                value: "none".to_owned(),
                expected: [
                    "routine",
                    "soon",
                    "urgent",
                    "emergency (a red flag needs a clinician)",
                ]
                .map(str::to_owned)
                .to_vec(),
                suggestion: None,
            },
        ));
    }
    site.non_empty(&raw.text.span(), "text", raw.text.get_ref())?;
    site.non_empty(
        &raw.safety_net.span(),
        "safety_net",
        raw.safety_net.get_ref(),
    )?;
    site.no_medicine_advice(&raw.text.span(), "text", raw.text.get_ref())?;
    let net = raw.safety_net.get_ref();
    site.no_medicine_advice(&raw.safety_net.span(), "safety_net", net)?;
    if let Some(interim) = &raw.interim {
        site.no_medicine_advice(&interim.span(), "interim", interim.get_ref())?;
    }
    let (withholds, interim) = withholds(raw, known, site)?;
    Ok(RedFlag {
        id,
        relevance: Relevance {
            by_mention: ask_when.is_none(),
            ask_when,
        },
        when,
        urgency,
        text: raw.text.get_ref().clone(),
        sources: source_ids(site, &raw.sources, known.sources)?,
        pack: pack.clone(),
        defined_by: pack.clone(),
        urgency_at: site.location(&raw.urgency.span()),
        text_at: site.location(&raw.text.span()),
        interim_at: raw.interim.as_ref().map(|i| site.location(&i.span())),
        safety_net: vec![raw.safety_net.get_ref().clone()],
        withholds,
        interim,
    })
}

/// A red flag's `withhold` (suggestions defined earlier, categories) and its `interim` text,
/// which must come together.
fn withholds(
    raw: &RawRedFlag,
    known: &Known<'_>,
    site: &Site<'_>,
) -> Result<(Withholds, Option<String>)> {
    let mut out = Withholds::default();
    let mut suggestions = Vec::new();
    if let Some(w) = &raw.withhold {
        for s in &w.get_ref().suggestions {
            let position = known.suggestions.position(s.get_ref()).ok_or_else(|| {
                let ids = known.suggestions.ids();
                site.unknown(&s.span(), ItemKind::Suggestion, s.get_ref(), ids)
            })?;
            suggestions.push((position, Id::new(s.get_ref())));
        }
        for c in &w.get_ref().categories {
            out.categories.push(site.closed::<Category>(c)?);
        }
        if suggestions.is_empty() && out.categories.is_empty() {
            return Err(site.error(&w.span(), empty("withhold")));
        }
    }
    suggestions.sort_unstable();
    suggestions.dedup();
    (out.suggestions, out.suggestion_ids) = suggestions.into_iter().unzip();
    out.categories.sort_unstable();
    out.categories.dedup();
    let interim = match (&raw.interim, out.is_empty()) {
        (Some(text), false) => {
            site.non_empty(&text.span(), "interim", text.get_ref())?;
            Some(text.get_ref().clone())
        }
        (None, false) => {
            let field = "interim".to_owned();
            return Err(site.error(&site.span, ErrorKind::MissingField { field }));
        }
        (Some(text), true) => {
            let only = "a red flag that withholds something (`withhold`)";
            return Err(site.error(&text.span(), not_here("interim", only)));
        }
        (None, true) => None,
    };
    Ok((out, interim))
}

fn empty(field: &str) -> ErrorKind {
    ErrorKind::Empty {
        field: field.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    use crate::util::lines::Lines;

    #[test]
    fn ids_must_be_lowercase_words() {
        let origin: Arc<str> = Arc::from("x");
        let lines = Lines::new("");
        let site = Site {
            origin: &origin,
            text: "",
            lines: &lines,
            item: None,
            span: 0..0,
            max_string: 16,
        };
        let raw = |s: &str| Spanned::new(0..0, s.to_owned());
        assert!(id(&site, &raw("gentle-heat_2"), ItemKind::Suggestion).is_ok());
        for bad in ["", "Gentle", "gentle heat", "héat"] {
            assert!(
                id(&site, &raw(bad), ItemKind::Suggestion).is_err(),
                "{bad:?}"
            );
        }
    }
}
