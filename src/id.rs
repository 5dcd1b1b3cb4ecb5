//! [`Id`]: the id of a pack, vocabulary entry, source, suggestion, rule or red flag.

use std::borrow::Borrow;
use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The id of something a pack defines: `calf`, `gentle-heat`, `possible-deep-vein-thrombosis`.
///
/// An `Id` compares equal to the string it holds, so a plan can be checked with
/// `plan.suggestions[0].id == "calf-stretch-before-bed"`; [`Id::as_str`] gives the text.
/// It serializes as a plain string.
///
/// ```
/// use soothe::{Engine, Profile, Symptom};
/// let engine = Engine::builtin()?;
/// let plan = engine.evaluate(&Profile::new().with_symptom(Symptom::new("cramp", "calf")))?;
/// let first = plan.suggestions[0].id;
/// assert!(first == "calf-stretch-before-bed" || first.as_str().len() > 0);
/// # Ok::<(), soothe::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(Arc<str>);

impl Id {
    /// An id holding `text` (ids from packs are checked by the loader; this does not check).
    pub(crate) fn new(text: &str) -> Id {
        Id(Arc::from(text))
    }

    /// The id as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::ops::Deref for Id {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Id> for str {
    fn eq(&self, other: &Id) -> bool {
        *self == *other.0
    }
}

impl PartialEq<Id> for &str {
    fn eq(&self, other: &Id) -> bool {
        **self == *other.0
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Id, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Ok(Id::new(&text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_equals_its_text_both_ways() {
        let id = Id::new("gentle-heat");
        assert!(id == "gentle-heat");
        assert!("gentle-heat" == id);
        let borrowed: &Id = &id;
        assert!(borrowed == "gentle-heat"); // as a plan's `&Id` field compares
        assert_eq!(id.as_str(), "gentle-heat");
        assert_eq!(id.to_string(), "gentle-heat");
        assert_eq!(format!("{id:?}"), "\"gentle-heat\"");
    }
}
