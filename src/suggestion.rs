//! Suggestions: the self-care measures a plan can hold, with evidence and cautions.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::category::Category;
use crate::condition::Condition;
use crate::evidence::Evidence;

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
    pub(crate) details: Arc<Details>,
    pub(crate) cautions: Vec<Caution>,
    pub(crate) pack: Arc<str>,
}

/// What a person is shown about a suggestion: shared, not copied, between the engine and
/// every plan that holds it (a plan's [`Suggested`](crate::Suggested) derefs to it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Details {
    /// The suggestion's id.
    pub id: Arc<str>,
    /// A short title.
    pub title: Arc<str>,
    /// Its category.
    pub category: Category,
    /// What to do, how long, how often, and when to stop.
    pub how_to: Arc<str>,
    /// The evidence behind it.
    pub evidence: Evidence,
    /// Whether to agree it with a clinician first.
    pub clinician_first: bool,
}

impl Suggestion {
    /// Its id.
    pub fn id(&self) -> &str {
        &self.details.id
    }

    /// A short title.
    pub fn title(&self) -> &str {
        &self.details.title
    }

    /// What to do, how long, how often, and when to stop.
    pub fn how_to(&self) -> &str {
        &self.details.how_to
    }

    /// Its category.
    pub fn category(&self) -> Category {
        self.details.category
    }

    /// The evidence behind it.
    pub fn evidence(&self) -> &Evidence {
        &self.details.evidence
    }

    /// Whether a person should agree it with a clinician before starting.
    pub fn clinician_first(&self) -> bool {
        self.details.clinician_first
    }

    /// What a person is shown about it.
    pub fn details(&self) -> &Details {
        &self.details
    }

    /// Its cautions.
    pub fn cautions(&self) -> &[Caution] {
        &self.cautions
    }

    /// The pack that defined it (the last one, if a later pack replaced it).
    pub fn pack(&self) -> &str {
        &self.pack
    }
}

/// A caution on a suggestion: a warning shown with it, or a reason to withhold it.
#[derive(Clone, Debug)]
pub struct Caution {
    pub(crate) when: Option<Condition>,
    pub(crate) withhold: bool,
    pub(crate) text: Arc<str>,
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
