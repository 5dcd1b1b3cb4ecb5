//! Where in a pack the loader is, so that every error can name the place.

use std::ops::Range;
use std::sync::Arc;

use crate::category::Category;
use crate::error::{Error, ErrorKind, LimitKind, Location};
use crate::kinds::{IdKind, ItemKind};
use crate::util::guard;
use crate::util::lines::Lines;
use crate::util::similar::nearest;

/// The pack being loaded, and the item within it with the span of its id.
#[derive(Clone)]
pub(crate) struct Site<'a> {
    pub origin: &'a Arc<str>,
    pub text: &'a str,
    /// Where the lines of `text` start.
    pub lines: &'a Lines,
    pub item: Option<(ItemKind, &'a str)>,
    /// The span of the item's id (of the whole pack table before an item is chosen).
    pub span: Range<usize>,
    /// The longest id or text allowed, in bytes.
    pub max_string: usize,
}

impl<'a> Site<'a> {
    /// The same pack, now at `kind` `id`, whose id is at `span`.
    pub fn item(&self, kind: ItemKind, id: &'a str, span: Range<usize>) -> Site<'a> {
        Site {
            item: Some((kind, id)),
            span,
            ..self.clone()
        }
    }

    /// The location of `span` in this pack.
    pub fn location(&self, span: &Range<usize>) -> Location {
        let location =
            Location::new(self.origin.clone()).spanning_lines(self.lines, self.text, span.clone());
        match self.item {
            Some((kind, id)) => location.item(kind, id),
            None => location,
        }
    }

    /// An error at `span`.
    pub fn error(&self, span: &Range<usize>, kind: ErrorKind) -> Error {
        Error::new(kind, Some(self.location(span)))
    }

    /// An "unknown id" error at `span`, with the nearest of `known`.
    pub fn unknown<'k>(
        &self,
        span: &Range<usize>,
        kind: impl Into<IdKind>,
        id: &str,
        known: impl IntoIterator<Item = &'k str>,
    ) -> Error {
        self.error(
            span,
            ErrorKind::UnknownId {
                kind: kind.into(),
                id: id.to_owned(),
                suggestion: nearest(id, known),
            },
        )
    }

    /// Parses a closed-set value (a category, grade, urgency, ...) at its span.
    pub fn closed<T: std::str::FromStr<Err = Error>>(
        &self,
        value: &toml::Spanned<String>,
    ) -> Result<T, Error> {
        value
            .get_ref()
            .parse::<T>()
            .map_err(|e| self.error(&value.span(), e.kind().clone()))
    }

    /// An error if `text` is longer than the string limit.
    pub fn not_too_long(&self, span: &Range<usize>, field: &str, text: &str) -> Result<(), Error> {
        if text.len() > self.max_string {
            return Err(self.error(
                span,
                ErrorKind::LimitExceeded {
                    limit: LimitKind::StringBytes,
                    what: format!("{field} length in bytes"),
                    found: text.len(),
                    max: self.max_string,
                },
            ));
        }
        Ok(())
    }

    /// An error if `text` is empty, only white space, longer than the string limit, or not
    /// plain visible text: a control character (terminal escape codes), an invisible
    /// character, nothing visible, or a word that mixes scripts. Every text of a pack goes
    /// through here.
    pub fn non_empty(&self, span: &Range<usize>, field: &str, text: &str) -> Result<(), Error> {
        self.not_too_long(span, field, text)?;
        if text.trim().is_empty() {
            return Err(self.error(
                span,
                ErrorKind::Empty {
                    field: field.to_owned(),
                },
            ));
        }
        if let Err(problem) = guard::hygiene(text) {
            let field = field.to_owned();
            return Err(self.error(span, ErrorKind::TextHygiene { field, problem }));
        }
        if let Some(word) = guard::mixed_script_word(text) {
            let field = field.to_owned();
            return Err(self.error(span, ErrorKind::MixedScript { field, word }));
        }
        Ok(())
    }

    /// As [`Site::non_empty`], for a text a person sees with a suggestion (or a citation):
    /// it must also name no medicine, however spelled.
    pub fn shown(&self, span: &Range<usize>, field: &str, text: &str) -> Result<(), Error> {
        self.non_empty(span, field, text)?;
        self.no_medicine(span, field, text)
    }

    /// An error if a red flag's `text` names a medicine and advises taking something (naming
    /// one as a possible cause is allowed).
    pub fn no_medicine_advice(
        &self,
        span: &Range<usize>,
        field: &str,
        text: &str,
    ) -> Result<(), Error> {
        self.refuse_found(span, guard::medicine_advised(text), |medicine| {
            ErrorKind::MedicineAdvised {
                field: field.to_owned(),
                medicine,
            }
        })
    }

    /// An error if a suggestion of `category` (not `supplement`) names a supplement in
    /// `text`.
    pub fn no_supplement(
        &self,
        span: &Range<usize>,
        field: &str,
        text: &str,
        category: Category,
    ) -> Result<(), Error> {
        if category == Category::Supplement {
            return Ok(());
        }
        self.refuse_found(span, guard::supplement_named(text), |supplement| {
            ErrorKind::SupplementElsewhere {
                field: field.to_owned(),
                supplement,
                category,
            }
        })
    }

    /// An error if `text` names a medicine (`rules/medicines.txt`).
    pub fn no_medicine(&self, span: &Range<usize>, field: &str, text: &str) -> Result<(), Error> {
        self.refuse_found(span, guard::medicine_named(text), |medicine| {
            ErrorKind::MedicineNamed {
                field: field.to_owned(),
                medicine,
            }
        })
    }

    /// The error `kind` makes of what a guard `found` at `span`, if it found anything.
    fn refuse_found(
        &self,
        span: &Range<usize>,
        found: Option<&str>,
        kind: impl FnOnce(String) -> ErrorKind,
    ) -> Result<(), Error> {
        match found {
            None => Ok(()),
            Some(entry) => Err(self.error(span, kind(entry.to_owned()))),
        }
    }
}
