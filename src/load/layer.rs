//! Layering: one table per item kind (a `Vec` plus an id index) and the one rule for adding
//! an item to it: a new id is appended; an id an earlier pack has is merged only with
//! `replaces = true`, by the kind's own merge rule; `replaces = true` on an unknown id is an
//! error. The compiled engine keeps these tables for its lookups.

use std::collections::HashMap;

use crate::error::{Dropped, Error, ErrorKind, LimitKind, Location, Result};
use crate::id::Id;
use crate::load::condition::Condition;
use crate::load::items::{Named, RedFlag, Rule, Suggestion};
use crate::load::site::Site;
use crate::util::similar::nearest;

/// Items in load order, with an index by id.
#[derive(Clone, Debug)]
pub(crate) struct Table<T> {
    items: Vec<T>,
    /// Where each item was (last) defined.
    places: Vec<Location>,
    /// How many later packs replaced each item.
    replaced: Vec<usize>,
    index: HashMap<Id, u32>,
}

impl<T> Default for Table<T> {
    fn default() -> Table<T> {
        Table {
            items: Vec::new(),
            places: Vec::new(),
            replaced: Vec::new(),
            index: HashMap::new(),
        }
    }
}

impl<T> Table<T> {
    /// The position of the item with this id.
    pub fn position(&self, id: &str) -> Option<u32> {
        self.index.get(id).copied()
    }

    /// The item with this id.
    pub fn get(&self, id: &str) -> Option<&T> {
        self.at(self.position(id)?)
    }

    /// The item at a position.
    pub fn at(&self, position: u32) -> Option<&T> {
        self.items.get(position as usize)
    }

    /// Every item, in load order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }

    /// How many items there are.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Every id, in no particular order (for "did you mean").
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.index.keys().map(Id::as_str)
    }

    /// The id of the stored id equal to `id`, shared rather than copied.
    pub fn id(&self, id: &str) -> Option<&Id> {
        self.index.get_key_value(id).map(|(k, _)| k)
    }

    /// Where the item at `position` was (last) defined.
    pub fn place(&self, position: u32) -> Option<&Location> {
        self.places.get(position as usize)
    }

    /// Appends an item under `id`, defined at `place`; the caller has checked that `id` is
    /// new.
    pub fn push(&mut self, id: Id, item: T, place: Location) {
        let position = u32::try_from(self.items.len()).unwrap_or(u32::MAX);
        self.index.insert(id, position);
        self.items.push(item);
        self.places.push(place);
        self.replaced.push(0);
    }

    /// Keeps only the items `keep` accepts, re-indexing them.
    pub fn retain(self, keep: impl Fn(&T) -> bool, id: impl Fn(&T) -> Id) -> Table<T> {
        let mut kept = Table::default();
        for (item, place) in self.items.into_iter().zip(self.places) {
            if keep(&item) {
                kept.push(id(&item), item, place);
            }
        }
        kept
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut T> {
        let position = self.position(id)?;
        self.items.get_mut(position as usize)
    }
}

/// What each kind of item may do when a later pack replaces it.
pub(crate) trait Layered: Named + Sized {
    /// The error for a later pack that defines the same id without `replaces = true`.
    fn clash(old: &Self, new: &Self) -> ErrorKind {
        ErrorKind::ReplaceWithoutMarker {
            kind: Self::KIND,
            id: new.id().to_string(),
            pack: old.pack().to_string(),
        }
    }

    /// Why `new` may not replace `old`, and where in `new` to point (its id if `None`).
    fn refuse(_old: &Self, _new: &Self) -> Option<(ErrorKind, Option<Location>)> {
        None
    }

    /// Merges `new` into `old`; [`Layered::refuse`] has allowed it.
    fn merge(old: &mut Self, new: Self);
}

impl<T: Layered> Table<T> {
    /// Adds `item` from the pack being loaded (`site`), by the layering rule; one item may be
    /// replaced by at most `max_replacements` packs.
    pub fn layer(
        &mut self,
        item: T,
        replaces: bool,
        site: &Site<'_>,
        max_replacements: usize,
    ) -> Result<()> {
        let here = site.location(&site.span);
        let Some(position) = self.position(item.id().as_str()) else {
            if replaces {
                return Err(Error::new(
                    ErrorKind::NothingToReplace {
                        kind: T::KIND,
                        id: item.id().to_string(),
                        suggestion: nearest(item.id().as_str(), self.ids()),
                    },
                    Some(here),
                ));
            }
            self.push(item.id().clone(), item, here);
            return Ok(());
        };
        let index = position as usize;
        let (Some(old), Some(place), Some(replaced)) = (
            self.items.get_mut(index),
            self.places.get_mut(index),
            self.replaced.get_mut(index),
        ) else {
            return Ok(());
        };
        if !replaces {
            return Err(Error::new(T::clash(old, &item), Some(here)));
        }
        if *replaced >= max_replacements {
            return Err(Error::new(
                too_often::<T>(&item, max_replacements),
                Some(here),
            ));
        }
        if let Some((kind, at)) = T::refuse(old, &item) {
            return Err(Error::new(kind, Some(at.unwrap_or(here))));
        }
        T::merge(old, item);
        *place = here;
        *replaced += 1;
        Ok(())
    }
}

/// The error for one replacement of `item` more than `max` allows.
fn too_often<T: Layered>(item: &T, max: usize) -> ErrorKind {
    ErrorKind::LimitExceeded {
        limit: LimitKind::Replacements,
        what: format!("number of packs replacing {} `{}`", T::KIND, item.id()),
        found: max.saturating_add(1),
        max,
    }
}

impl Layered for Suggestion {
    /// A replacement keeps `clinician_first`, its category (red flags withhold by category)
    /// and every caution, word for word, with the same condition and action; it may add more.
    fn refuse(old: &Suggestion, new: &Suggestion) -> Option<(ErrorKind, Option<Location>)> {
        let dropped = weakened(old, new)?;
        let kind = ErrorKind::SuggestionWeakened {
            id: new.id.to_string(),
            pack: old.pack.to_string(),
            dropped,
        };
        Some((kind, None))
    }

    fn merge(old: &mut Suggestion, new: Suggestion) {
        *old = new;
    }
}

/// What a replacement drops from the suggestion it replaces, if anything: `clinician_first`,
/// or a caution (withholding or shown) that it does not repeat with the same condition,
/// action and text.
fn weakened(old: &Suggestion, new: &Suggestion) -> Option<Dropped> {
    if old.clinician_first && !new.clinician_first {
        return Some(Dropped::ClinicianFirst);
    }
    if old.category != new.category {
        return Some(Dropped::Category {
            from: old.category,
            to: new.category,
        });
    }
    old.cautions
        .iter()
        .find(|c| {
            !new.cautions
                .iter()
                .any(|n| n.withhold == c.withhold && n.when == c.when && n.text == c.text)
        })
        .map(|c| Dropped::Caution {
            text: c.text.clone(),
        })
}

impl Layered for Rule {
    fn merge(old: &mut Rule, new: Rule) {
        *old = new;
    }
}

impl Layered for RedFlag {
    fn clash(old: &RedFlag, new: &RedFlag) -> ErrorKind {
        lowered(old, new).unwrap_or_else(|| ErrorKind::ReplaceWithoutMarker {
            kind: RedFlag::KIND,
            id: new.id.to_string(),
            pack: old.pack.to_string(),
        })
    }

    fn refuse(old: &RedFlag, new: &RedFlag) -> Option<(ErrorKind, Option<Location>)> {
        if let Some(kind) = lowered(old, new) {
            return Some((kind, Some(new.urgency_at.clone())));
        }
        if let Some(kind) = dropped_withhold(old, new) {
            return Some((kind, None));
        }
        rewritten(old, new).map(|(kind, at)| (kind, Some(at)))
    }

    /// A replacement may raise the urgency, widen when the flag fires and when it is worth
    /// asking about, and add safety-net lines, withholds and sources; the old condition
    /// stays in force and what the flag tells the person stays the first pack's words.
    /// Parts are kept flat, so layering never nests conditions deeper.
    fn merge(old: &mut RedFlag, new: RedFlag) {
        let old_when = std::mem::replace(&mut old.when, Condition::Any(Box::new([])));
        old.when = widen(old_when, new.when);
        old.relevance.by_mention |= new.relevance.by_mention;
        old.relevance.ask_when = match (old.relevance.ask_when.take(), new.relevance.ask_when) {
            (Some(a), Some(b)) => Some(widen(a, b)),
            (a, b) => a.or(b),
        };
        for line in new.safety_net {
            if !old.safety_net.contains(&line) {
                old.safety_net.push(line);
            }
        }
        for source in new.sources {
            if !old.sources.contains(&source) {
                old.sources.push(source);
            }
        }
        old.urgency = old.urgency.max(new.urgency);
        old.pack = new.pack;
        old.urgency_at = new.urgency_at;
        old.withholds = new.withholds;
        if old.interim.is_none() {
            old.interim = new.interim;
            old.interim_at = new.interim_at;
        }
    }
}

/// The error for a replacement that rewords what the red flag tells the person (its text,
/// or its interim text once it has one), with where the new wording is.
fn rewritten(old: &RedFlag, new: &RedFlag) -> Option<(ErrorKind, Location)> {
    let error = |field: &str, at: &Location| {
        let kind = ErrorKind::RedFlagRewritten {
            id: new.id.to_string(),
            pack: old.defined_by.to_string(),
            field: field.to_owned(),
        };
        (kind, at.clone())
    };
    if new.text != old.text {
        return Some(error("text", &new.text_at));
    }
    match (&old.interim, &new.interim, &new.interim_at) {
        (Some(a), Some(b), Some(at)) if a != b => Some(error("interim", at)),
        _ => None,
    }
}

/// The error for a replacement that lowers a red flag's urgency, if it does.
fn lowered(old: &RedFlag, new: &RedFlag) -> Option<ErrorKind> {
    (new.urgency < old.urgency).then(|| ErrorKind::RedFlagLowered {
        id: new.id.to_string(),
        from: old.urgency,
        to: new.urgency,
        pack: old.pack.to_string(),
    })
}

/// The error for a replacement that no longer withholds something the red flag withheld.
fn dropped_withhold(old: &RedFlag, new: &RedFlag) -> Option<ErrorKind> {
    let missing_category = old
        .withholds
        .categories
        .iter()
        .find(|c| !new.withholds.categories.contains(c))
        .map(|c| format!("category `{c}`"));
    let missing_suggestion = || {
        old.withholds
            .suggestion_ids
            .iter()
            .find(|s| !new.withholds.suggestion_ids.contains(s))
            .map(|s| format!("suggestion `{s}`"))
    };
    let dropped = missing_category.or_else(missing_suggestion)?;
    Some(ErrorKind::WithholdDropped {
        id: new.id.to_string(),
        pack: old.pack.to_string(),
        dropped,
    })
}

/// `old` or `new`, as one flat `any`.
fn widen(old: Condition, new: Condition) -> Condition {
    let mut parts = match old {
        Condition::Any(parts) => parts.into_vec(),
        other => vec![other],
    };
    if !parts.contains(&new) {
        parts.push(new);
    }
    Condition::Any(parts.into_boxed_slice())
}

/// An error naming `id` in the pack being loaded, for duplicates within one pack.
pub(crate) fn duplicate_in_pack(
    seen: &mut HashMap<String, Location>,
    id: &str,
    kind: crate::kinds::IdKind,
    site: &Site<'_>,
) -> Result<()> {
    let here = site.location(&site.span);
    if let Some(first) = seen.get(id) {
        return Err(Error::new(
            ErrorKind::DuplicateId {
                kind,
                id: id.to_owned(),
                first: first.clone(),
            },
            Some(here),
        ));
    }
    seen.insert(id.to_owned(), here);
    Ok(())
}
