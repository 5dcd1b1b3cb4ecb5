//! The checked items of a pack: what the loader makes of the raw TOML, and what the compiled
//! engine holds. Sources, suggestions with their cautions, rules and red flags.

use serde::{Deserialize, Serialize};

use crate::category::Category;
use crate::error::Location;
use crate::evidence::Evidence;
use crate::id::Id;
use crate::kinds::ItemKind;
use crate::load::condition::Condition;
use crate::urgency::Urgency;

/// A citation that evidence and red flags point to by id.
///
/// ```
/// let engine = soothe::Engine::builtin()?;
/// let source = engine.source("hallegraeff-2012").unwrap();
/// assert!(source.citation.contains("Stretching before sleep"));
/// assert_eq!(source.link().as_deref(), Some("https://doi.org/10.1016/S1836-9553(12)70068-1"));
/// # Ok::<(), soothe::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Source {
    /// The id packs cite it by.
    pub id: Id,
    /// The full reference.
    pub citation: String,
    /// The DOI, if it has one (without `https://doi.org/`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
    /// A web address, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Source {
    /// A link a person can follow: the URL, or the DOI as a `https://doi.org/` address.
    pub fn link(&self) -> Option<String> {
        match (&self.url, &self.doi) {
            (Some(url), _) => Some(url.clone()),
            (None, Some(doi)) => Some(format!("https://doi.org/{doi}")),
            (None, None) => None,
        }
    }
}

/// A self-care measure as loaded from the packs.
///
/// ```
/// let engine = soothe::Engine::builtin()?;
/// let stretch = engine.suggestion("calf-stretch-before-bed").unwrap();
/// assert_eq!(stretch.category(), soothe::Category::Stretching);
/// assert!(!stretch.clinician_first());
/// # Ok::<(), soothe::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Suggestion {
    pub(crate) id: Id,
    pub(crate) title: String,
    pub(crate) category: Category,
    pub(crate) how_to: String,
    pub(crate) evidence: Evidence,
    pub(crate) clinician_first: bool,
    pub(crate) cautions: Vec<Caution>,
    pub(crate) pack: Id,
    pub(crate) places: Places,
}

/// Where a suggestion's title and evidence note were written, for lints.
#[derive(Clone, Debug)]
pub(crate) struct Places {
    /// Its title.
    pub title: Location,
    /// Its evidence note.
    pub note: Location,
}

impl Suggestion {
    /// Its id.
    pub fn id(&self) -> &Id {
        &self.id
    }

    /// A short title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// What to do, how long, how often, and when to stop.
    pub fn how_to(&self) -> &str {
        &self.how_to
    }

    /// Its category.
    pub fn category(&self) -> Category {
        self.category
    }

    /// The evidence behind it.
    pub fn evidence(&self) -> &Evidence {
        &self.evidence
    }

    /// Whether a person should agree it with a clinician before starting.
    pub fn clinician_first(&self) -> bool {
        self.clinician_first
    }

    /// Its cautions.
    pub fn cautions(&self) -> &[Caution] {
        &self.cautions
    }

    /// The id of the pack that defined it (the last one, if a later pack replaced it).
    pub fn pack(&self) -> &Id {
        &self.pack
    }
}

/// A caution on a suggestion: a warning shown with it, or a reason to withhold it.
#[derive(Clone, Debug)]
pub struct Caution {
    pub(crate) when: Option<Condition>,
    pub(crate) withhold: bool,
    pub(crate) text: String,
}

impl Caution {
    /// What the person is told.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the suggestion is withheld when this caution applies (otherwise it is shown
    /// with the warning).
    pub fn withholds(&self) -> bool {
        self.withhold
    }

    /// Whether the caution applies to every profile (it has no `when`).
    pub fn always(&self) -> bool {
        self.when.is_none()
    }
}

/// A rule: when its condition holds, it suggests measures with weights.
#[derive(Clone, Debug)]
pub struct Rule {
    pub(crate) id: Id,
    pub(crate) when: Condition,
    /// Suggestion positions with their weights.
    pub(crate) suggest: Box<[(u32, u32)]>,
    pub(crate) pack: Id,
    pub(crate) enabled: bool,
}

impl Rule {
    /// Its id.
    pub fn id(&self) -> &Id {
        &self.id
    }

    /// The id of the pack that defined it (the last one, if a later pack replaced it).
    pub fn pack(&self) -> &Id {
        &self.pack
    }
}

/// A red flag: when its condition holds, the person should see a clinician.
///
/// It also says which presentations make it worth asking about (`ask_when`), what to watch
/// for before it happens (its safety-net lines), and what self-care it withholds until a
/// clinician has seen the person.
#[derive(Clone, Debug)]
pub struct RedFlag {
    pub(crate) id: Id,
    pub(crate) when: Condition,
    pub(crate) urgency: Urgency,
    pub(crate) text: String,
    pub(crate) sources: Vec<Id>,
    pub(crate) pack: Id,
    /// Where its urgency was written, for errors about it.
    pub(crate) urgency_at: Location,
    /// When it is worth asking about: `ask_when`, and/or (without one) when its condition
    /// mentions something the profile has.
    pub(crate) relevance: Relevance,
    /// What to watch for and what to do, in the order the packs wrote them.
    pub(crate) safety_net: Vec<String>,
    /// What it withholds until a clinician has seen the person.
    pub(crate) withholds: Withholds,
    /// Why, shown with each suggestion it withholds.
    pub(crate) interim: Option<String>,
}

/// When a red flag is relevant to a profile.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Relevance {
    /// `ask_when`, if any pack gave one.
    pub ask_when: Option<Condition>,
    /// Whether it is also relevant when its condition mentions something the profile has (the
    /// rule for a red flag some pack defined without `ask_when`).
    pub by_mention: bool,
}

/// Suggestions and categories a red flag withholds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Withholds {
    /// Suggestion positions, ascending.
    pub suggestions: Vec<u32>,
    /// Their ids, in the same order.
    pub suggestion_ids: Vec<Id>,
    /// Categories, ascending.
    pub categories: Vec<Category>,
}

impl Withholds {
    /// Whether this withholds the suggestion at `position` of `category`.
    pub fn covers(&self, position: u32, category: Category) -> bool {
        self.suggestions.binary_search(&position).is_ok()
            || self.categories.binary_search(&category).is_ok()
    }

    /// Whether nothing is withheld.
    pub fn is_empty(&self) -> bool {
        self.suggestions.is_empty() && self.categories.is_empty()
    }
}

impl RedFlag {
    /// Its id.
    pub fn id(&self) -> &Id {
        &self.id
    }

    /// How soon the person should see a clinician when it fires.
    pub fn urgency(&self) -> Urgency {
        self.urgency
    }

    /// What the person is told when it fires.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The ids of its sources.
    pub fn sources(&self) -> &[Id] {
        &self.sources
    }

    /// The id of the pack that last defined or widened it.
    pub fn pack(&self) -> &Id {
        &self.pack
    }

    /// What to watch for and what to do, one line per pack that wrote one.
    pub fn safety_net(&self) -> &[String] {
        &self.safety_net
    }

    /// What the person is told about the self-care it withholds, if it withholds any.
    pub fn interim(&self) -> Option<&str> {
        self.interim.as_deref()
    }

    /// The categories it withholds until a clinician has seen the person.
    pub fn withheld_categories(&self) -> &[Category] {
        &self.withholds.categories
    }

    /// The suggestions it withholds by id until a clinician has seen the person.
    pub fn withheld_suggestions(&self) -> &[Id] {
        &self.withholds.suggestion_ids
    }
}

/// The kind of item, for errors that name it.
pub(crate) trait Named {
    /// What kind of item it is.
    const KIND: ItemKind;
    /// Its id.
    fn id(&self) -> &Id;
    /// The pack that defined it.
    fn pack(&self) -> &Id;
}

impl Named for Suggestion {
    const KIND: ItemKind = ItemKind::Suggestion;
    fn id(&self) -> &Id {
        &self.id
    }
    fn pack(&self) -> &Id {
        &self.pack
    }
}

impl Named for Rule {
    const KIND: ItemKind = ItemKind::Rule;
    fn id(&self) -> &Id {
        &self.id
    }
    fn pack(&self) -> &Id {
        &self.pack
    }
}

impl Named for RedFlag {
    const KIND: ItemKind = ItemKind::RedFlag;
    fn id(&self) -> &Id {
        &self.id
    }
    fn pack(&self) -> &Id {
        &self.pack
    }
}

/// A loaded pack, as the engine records it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PackInfo {
    /// The pack's id.
    pub id: Id,
    /// The pack's version.
    pub version: String,
    /// Where it came from: a file path, or the name given with the text.
    pub origin: String,
    /// The pack's description, if it has one.
    pub description: Option<String>,
    /// The SHA-256 digest of the pack's text, as 64 lowercase hex digits: a plan can be
    /// traced to the exact rules behind it.
    pub fingerprint: String,
    /// Whether it is one of the packs built into the crate.
    pub builtin: bool,
}
