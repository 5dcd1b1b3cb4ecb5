//! Where in a pack the loader is, so that every error can name the place.

use std::ops::Range;
use std::sync::Arc;

use crate::error::{Error, ErrorKind, ItemKind, Lines, Location};
use crate::similar::nearest;

/// The pack being loaded and the item within it.
#[derive(Clone, Copy)]
pub(crate) struct Site<'a> {
    pub origin: &'a Arc<str>,
    pub text: &'a str,
    /// Where the lines of `text` start.
    pub lines: &'a Lines,
    pub item: Option<(ItemKind, &'a str)>,
    /// The longest id or text allowed, in bytes.
    pub max_string: usize,
}

impl<'a> Site<'a> {
    /// The same pack, now at `kind` `id`.
    pub fn item(self, kind: ItemKind, id: &'a str) -> Site<'a> {
        Site {
            item: Some((kind, id)),
            ..self
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
        what: &str,
        id: &str,
        known: impl IntoIterator<Item = &'k str>,
    ) -> Error {
        self.error(
            span,
            ErrorKind::UnknownId {
                what: what.to_owned(),
                id: id.to_owned(),
                suggestion: nearest(id, known),
            },
        )
    }

    /// An error if `text` is longer than the string limit.
    pub fn not_too_long(&self, span: &Range<usize>, field: &str, text: &str) -> Result<(), Error> {
        if text.len() > self.max_string {
            return Err(self.error(
                span,
                ErrorKind::LimitExceeded {
                    what: format!("{field} length in bytes"),
                    found: text.len(),
                    limit: self.max_string,
                },
            ));
        }
        Ok(())
    }

    /// An error if `text` is empty, only white space, or longer than the string limit.
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
        Ok(())
    }
}
