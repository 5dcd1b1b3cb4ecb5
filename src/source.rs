//! Sources: the citations behind evidence notes and red flags.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

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
    pub id: Arc<str>,
    /// The full reference.
    pub citation: Arc<str>,
    /// The DOI, if it has one (without `https://doi.org/`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<Arc<str>>,
    /// A web address, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Arc<str>>,
}

impl Source {
    /// A link a person can follow: the URL, or the DOI as a `https://doi.org/` address.
    pub fn link(&self) -> Option<String> {
        match (&self.url, &self.doi) {
            (Some(url), _) => Some(url.to_string()),
            (None, Some(doi)) => Some(format!("https://doi.org/{doi}")),
            (None, None) => None,
        }
    }
}
