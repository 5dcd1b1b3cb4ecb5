//! The vocabulary: the ids a profile and a pack may use for symptoms, triggers and the rest.

use std::collections::HashMap;

use serde::Serialize;

use crate::error::Location;
use crate::id::Id;
use crate::kinds::VocabKind;

/// One `T` for each [`VocabKind`].
#[derive(Clone, Debug, Default)]
pub(crate) struct PerKind<T> {
    kind: T,
    location: T,
    timing: T,
    trigger: T,
    finding: T,
    context: T,
}

impl<T> PerKind<T> {
    pub(crate) fn get(&self, kind: VocabKind) -> &T {
        match kind {
            VocabKind::Kind => &self.kind,
            VocabKind::Location => &self.location,
            VocabKind::Timing => &self.timing,
            VocabKind::Trigger => &self.trigger,
            VocabKind::Finding => &self.finding,
            VocabKind::Context => &self.context,
        }
    }

    pub(crate) fn get_mut(&mut self, kind: VocabKind) -> &mut T {
        match kind {
            VocabKind::Kind => &mut self.kind,
            VocabKind::Location => &mut self.location,
            VocabKind::Timing => &mut self.timing,
            VocabKind::Trigger => &mut self.trigger,
            VocabKind::Finding => &mut self.finding,
            VocabKind::Context => &mut self.context,
        }
    }
}

/// One vocabulary id with its person-facing text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Term {
    /// The id.
    id: Id,
    /// A short, person-facing name (`Swollen calf`).
    label: String,
    /// The yes/no question that asks about it (findings and context ids only).
    #[serde(skip_serializing_if = "Option::is_none")]
    question: Option<String>,
    /// For a context id, the findings that carry the same risk.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    implied_by: Vec<Id>,
}

impl Term {
    /// The id.
    pub fn id(&self) -> &Id {
        &self.id
    }

    /// A short, person-facing name (`Swollen calf`).
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The yes/no question that asks about it (findings and context ids only).
    pub fn question(&self) -> Option<&str> {
        self.question.as_deref()
    }

    /// For a context id, the findings that carry the same risk: a caution keyed on the
    /// context applies when one of them is reported too.
    pub fn implied_by(&self) -> &[Id] {
        &self.implied_by
    }
}

/// One set of ids, in the order they were added, with a lookup by id.
#[derive(Clone, Debug, Default)]
struct IdSet {
    terms: Vec<Term>,
    /// Where each id was defined.
    places: Vec<Location>,
    index: HashMap<Id, u32>,
    /// For each id (a finding), the context ids it implies.
    implies: Vec<Vec<u32>>,
}

/// The ids every profile and pack is checked against, built from the loaded packs, with
/// each id's label and, for findings and context, its question: what a host needs to build
/// its form. Serialized, it is `{"kind": [{"id", "label"}], ..., "finding": [{"id", "label",
/// "question"}], "context": [{"id", "label", "question", "implied_by"}]}`.
///
/// ```
/// use soothe::{Engine, VocabKind};
/// let engine = Engine::builtin()?;
/// let vocabulary = engine.vocabulary();
/// assert!(vocabulary.contains(VocabKind::Location, "calf"));
/// assert!(!vocabulary.contains(VocabKind::Location, "calff"));
/// let swelling = vocabulary.term(VocabKind::Finding, "calf_swelling").unwrap();
/// assert!(swelling.question().unwrap().ends_with('?'));
/// # Ok::<(), soothe::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    sets: PerKind<IdSet>,
}

impl Vocabulary {
    /// Whether `id` is known in `kind`.
    pub fn contains(&self, kind: VocabKind, id: &str) -> bool {
        self.lookup(kind, id).is_some()
    }

    /// The known ids of `kind`, in the order the packs added them.
    pub fn ids(&self, kind: VocabKind) -> impl Iterator<Item = &str> {
        self.terms(kind).map(|t| t.id.as_str())
    }

    /// The ids of `kind` with their text, in the order the packs added them.
    pub fn terms(&self, kind: VocabKind) -> impl Iterator<Item = &Term> {
        self.sets.get(kind).terms.iter()
    }

    /// The id `id` of `kind`, with its text.
    pub fn term(&self, kind: VocabKind, id: &str) -> Option<&Term> {
        let index = self.lookup(kind, id)?;
        self.term_at(kind, index)
    }

    pub(crate) fn term_at(&self, kind: VocabKind, index: u32) -> Option<&Term> {
        self.sets.get(kind).terms.get(index as usize)
    }

    /// Where `id` of `kind` was defined.
    pub(crate) fn place(&self, kind: VocabKind, id: &str) -> Option<&Location> {
        let index = self.lookup(kind, id)?;
        self.sets.get(kind).places.get(index as usize)
    }

    pub(crate) fn lookup(&self, kind: VocabKind, id: &str) -> Option<u32> {
        self.sets.get(kind).index.get(id).copied()
    }

    pub(crate) fn name(&self, kind: VocabKind, index: u32) -> Option<&Id> {
        self.term_at(kind, index).map(|t| &t.id)
    }

    /// The context ids finding `finding` implies.
    pub(crate) fn implied(&self, finding: u32) -> &[u32] {
        self.sets
            .get(VocabKind::Finding)
            .implies
            .get(finding as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// Adds `id`, defined at `place`; the caller has checked that it is new, and that the
    /// findings in `implied_by` exist.
    pub(crate) fn insert(
        &mut self,
        kind: VocabKind,
        term: Term,
        implied_by: &[u32],
        place: Location,
    ) {
        let set = self.sets.get_mut(kind);
        let next = u32::try_from(set.terms.len()).unwrap_or(u32::MAX);
        set.index.insert(term.id.clone(), next);
        set.terms.push(term);
        set.places.push(place);
        set.implies.push(Vec::new());
        let findings = self.sets.get_mut(VocabKind::Finding);
        for finding in implied_by {
            if let Some(list) = findings.implies.get_mut(*finding as usize) {
                list.push(next);
            }
        }
    }

    #[cfg(test)]
    pub(crate) fn insert_for_test(&mut self, kind: VocabKind, id: &str) {
        let term = Term::new(Id::new(id), id.to_owned(), None, Vec::new());
        self.insert(kind, term, &[], Location::new("test"));
    }
}

impl Term {
    pub(crate) fn new(
        id: Id,
        label: String,
        question: Option<String>,
        implied_by: Vec<Id>,
    ) -> Term {
        Term {
            id,
            label,
            question,
            implied_by,
        }
    }
}

impl Serialize for Vocabulary {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(VocabKind::ALL.len()))?;
        for kind in VocabKind::ALL {
            map.serialize_entry(kind.key(), &self.sets.get(kind).terms)?;
        }
        map.end()
    }
}

/// The schema of what `Vocabulary`'s `Serialize` writes (see `soothe::schema`).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Vocabulary {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Vocabulary".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let term = generator.subschema_for::<Term>().to_value();
        let mut properties = serde_json::Map::new();
        for kind in VocabKind::ALL {
            let description = format!(
                "The {} ids, in the order the packs added them.",
                kind.noun()
            );
            properties.insert(
                kind.key().to_owned(),
                serde_json::json!({"description": description, "type": "array", "items": term}),
            );
        }
        let required: Vec<&str> = VocabKind::ALL.iter().map(|k| k.key()).collect();
        let schema = serde_json::json!({
            "description": "The ids profiles and packs are checked against, with each id's label and, for findings and context, its yes/no question: what a host needs to build its form.",
            "type": "object",
            "additionalProperties": false,
            "required": required,
            "properties": properties,
        });
        match schema {
            serde_json::Value::Object(map) => schemars::Schema::from(map),
            _ => schemars::Schema::default(),
        }
    }
}
