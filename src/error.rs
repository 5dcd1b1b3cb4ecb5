//! The one error type of the crate, with what went wrong and where.

use std::fmt;
use std::sync::Arc;

use crate::urgency::Urgency;

/// A specialised `Result` whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong while loading packs or evaluating a profile.
///
/// An error says what went wrong ([`Error::kind`]) and, where there is one, where
/// ([`Error::location`]): the pack or profile, the line and column, and the item.
/// Its `Display` is one line, for example
/// `extra.toml:7:13: rule `night-cramps`: unknown location `calff`; did you mean `calf`?`.
///
/// ```
/// let err = soothe::EngineBuilder::new()
///     .add_pack_str("bad.toml", "[pack]\nid = 'x'\nversion = '1'\nformat = 9\n")
///     .build()
///     .unwrap_err();
/// assert_eq!(err.location().and_then(|l| l.line()), Some(4));
/// assert!(matches!(err.kind(), soothe::ErrorKind::UnsupportedFormat { .. }));
/// ```
#[derive(Clone, PartialEq)]
pub struct Error(Box<Inner>);

#[derive(Clone, PartialEq)]
struct Inner {
    kind: ErrorKind,
    location: Option<Location>,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, location: Option<Location>) -> Error {
        Error(Box::new(Inner { kind, location }))
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.0.kind
    }

    /// Where it went wrong, if the error concerns a place in a pack or profile.
    pub fn location(&self) -> Option<&Location> {
        self.0.location.as_ref()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(location) = &self.0.location {
            write!(f, "{location}: ")?;
        }
        write!(f, "{}", self.0.kind)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("kind", &self.0.kind)
            .field("location", &self.0.location)
            .finish()
    }
}

impl std::error::Error for Error {}

/// The kinds of item a pack holds, used to name the item an error is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ItemKind {
    /// The `[pack]` table.
    Pack,
    /// A vocabulary id in `[vocabulary]`.
    Vocabulary,
    /// A `[[source]]`.
    Source,
    /// A `[[suggestion]]`.
    Suggestion,
    /// A `[[rule]]`.
    Rule,
    /// A `[[red_flag]]`.
    RedFlag,
    /// An entry of `[disable]`.
    Disable,
    /// A `[[scenario]]`.
    Scenario,
}

impl fmt::Display for ItemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ItemKind::Pack => "pack",
            ItemKind::Vocabulary => "vocabulary",
            ItemKind::Source => "source",
            ItemKind::Suggestion => "suggestion",
            ItemKind::Rule => "rule",
            ItemKind::RedFlag => "red flag",
            ItemKind::Disable => "disable",
            ItemKind::Scenario => "scenario",
        })
    }
}

/// Where an error is: a pack (or profile), line and column, the item, and a field path.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Location {
    origin: Arc<str>,
    line: Option<usize>,
    column: Option<usize>,
    item: Option<(ItemKind, String)>,
    path: Option<String>,
    span: Option<std::ops::Range<usize>>,
}

impl Location {
    /// A location in `origin` (a pack name, a file path or `profile`).
    pub(crate) fn new(origin: impl Into<Arc<str>>) -> Location {
        Location {
            origin: origin.into(),
            line: None,
            column: None,
            item: None,
            path: None,
            span: None,
        }
    }

    /// The same location at a byte range of `text`: line and column of its start, and the
    /// range itself (for drawing a caret under it).
    pub(crate) fn spanning(self, text: &str, span: std::ops::Range<usize>) -> Location {
        self.spanning_lines(&Lines::new(text), text, span)
    }

    /// As [`Location::spanning`], with the line starts of `text` already found.
    pub(crate) fn spanning_lines(
        mut self,
        lines: &Lines,
        text: &str,
        span: std::ops::Range<usize>,
    ) -> Location {
        let (line, column) = lines.line_column(text, span.start);
        self.line = Some(line);
        self.column = Some(column);
        self.span = Some(span);
        self
    }

    pub(crate) fn item(mut self, kind: ItemKind, id: &str) -> Location {
        self.item = Some((kind, id.to_owned()));
        self
    }

    pub(crate) fn path(mut self, path: impl Into<String>) -> Location {
        self.path = Some(path.into());
        self
    }

    /// The pack name or file path the error is in, or `profile`.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The line, counted from 1, where known.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The column in characters, counted from 1, where known.
    pub fn column(&self) -> Option<usize> {
        self.column
    }

    /// The kind and id of the item the error concerns, where there is one.
    pub fn item_id(&self) -> Option<(ItemKind, &str)> {
        self.item.as_ref().map(|(kind, id)| (*kind, id.as_str()))
    }

    /// The byte range in the pack text that the error is about, where known.
    pub fn span(&self) -> Option<std::ops::Range<usize>> {
        self.span.clone()
    }

    /// The field path within a profile, such as `symptoms[0].location`.
    pub fn field_path(&self) -> Option<&str> {
        self.path.as_deref()
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.origin)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        if let Some((kind, id)) = &self.item {
            write!(f, ": {kind} `{id}`")?;
        }
        if let Some(path) = &self.path {
            write!(f, ": {path}")?;
        }
        Ok(())
    }
}

/// Where each line of a text starts, so that many offsets can be turned into line and column
/// without scanning the text each time.
#[derive(Debug)]
pub(crate) struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub(crate) fn new(text: &str) -> Lines {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { starts }
    }

    /// Line and column (both from 1; the column in characters) of a byte offset of `text`.
    pub(crate) fn line_column(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut end = offset.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let line = self.starts.partition_point(|start| *start <= end).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        let column = text.get(start..end).unwrap_or_default().chars().count() + 1;
        (line, column)
    }
}

/// Formats ` ; did you mean `x`?` when there is a suggestion.
struct DidYouMean<'a>(&'a Option<String>);

impl fmt::Display for DidYouMean<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(near) => write!(f, "; did you mean `{near}`?"),
            None => Ok(()),
        }
    }
}

/// What went wrong.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The text is not valid TOML (or JSON), or has the wrong shape: a string where a list
    /// belongs, a missing required field.
    #[error("{message}")]
    Syntax {
        /// The parser's message.
        message: String,
    },
    /// A field that the format does not have.
    #[error("unknown field `{field}`{}", DidYouMean(suggestion))]
    UnknownField {
        /// The field as written.
        field: String,
        /// The nearest known field, if one is close.
        suggestion: Option<String>,
    },
    /// An id defined twice.
    #[error("duplicate {what} id `{id}` (first defined in {first})")]
    DuplicateId {
        /// What kind of id (`suggestion`, `location`, `pack`, ...).
        what: String,
        /// The id.
        id: String,
        /// Where it was first defined: a pack name, with line and column when in the same pack.
        first: String,
    },
    /// A reference to an id that no loaded pack defines.
    #[error("unknown {what} `{id}`{}", DidYouMean(suggestion))]
    UnknownId {
        /// What kind of id (`suggestion`, `source`, `location`, ...).
        what: String,
        /// The id as written.
        id: String,
        /// The nearest known id, if one is close.
        suggestion: Option<String>,
    },
    /// A value outside a closed set (category, grade, direction, urgency, action).
    #[error(
        "invalid {field} `{value}`: expected one of {expected}{}",
        DidYouMean(suggestion)
    )]
    InvalidValue {
        /// The field.
        field: String,
        /// The value as written.
        value: String,
        /// The allowed values, comma-separated.
        expected: String,
        /// The nearest allowed value, if one is close.
        suggestion: Option<String>,
    },
    /// A number outside its allowed range.
    #[error("{field} {value} is out of range {min} to {max}")]
    OutOfRange {
        /// The field.
        field: String,
        /// The value as written.
        value: i64,
        /// The smallest allowed value.
        min: i64,
        /// The largest allowed value.
        max: i64,
    },
    /// Text, an id or a list that must not be empty.
    #[error("{field} must not be empty")]
    Empty {
        /// The field.
        field: String,
    },
    /// A pack written for a format version this crate does not read.
    #[error("format {found} is not supported (this version of soothe reads format {supported})")]
    UnsupportedFormat {
        /// The version the pack declares.
        found: i64,
        /// The version this crate reads.
        supported: i64,
    },
    /// A later pack defines an id an earlier pack has, without saying it replaces it.
    #[error(
        "{what} `{id}` is already defined by pack `{pack}`; add `replaces = true` to replace it"
    )]
    ReplaceWithoutMarker {
        /// What kind of item.
        what: String,
        /// The id.
        id: String,
        /// The pack that defined it first.
        pack: String,
    },
    /// `replaces = true` on an item no earlier pack defines.
    #[error(
        "{what} `{id}` says `replaces = true` but no earlier pack defines it{}",
        DidYouMean(suggestion)
    )]
    NothingToReplace {
        /// What kind of item.
        what: String,
        /// The id.
        id: String,
        /// The nearest defined id, if one is close.
        suggestion: Option<String>,
    },
    /// A pack tries to lower the urgency of a red flag an earlier pack defined.
    #[error(
        "red flag `{id}` would lower urgency from `{from}` (pack `{pack}`) to `{to}`; a red flag's urgency can only be raised"
    )]
    RedFlagLowered {
        /// The red flag.
        id: String,
        /// Its urgency in the earlier pack.
        from: Urgency,
        /// The urgency the later pack asks for.
        to: Urgency,
        /// The pack that defined it.
        pack: String,
    },
    /// A pack tries to disable a red flag.
    #[error("red flag `{id}` (pack `{pack}`) cannot be disabled; red flags can never be removed")]
    RedFlagDisabled {
        /// The red flag.
        id: String,
        /// The pack that defined it.
        pack: String,
    },
    /// A condition nested deeper than the limit.
    #[error("condition nested deeper than {max} levels")]
    TooDeep {
        /// The deepest nesting allowed.
        max: usize,
    },
    /// Input over one of the [`Limits`](crate::Limits).
    #[error("{what} is {found}, over the limit of {limit}")]
    LimitExceeded {
        /// What was too big (`pack size in bytes`, `symptoms`, ...).
        what: String,
        /// The size found.
        found: usize,
        /// The limit.
        limit: usize,
    },
    /// A replacement suggestion drops a caution that withheld the original, or its
    /// `clinician_first`.
    #[error(
        "suggestion `{id}` replaces the one from pack `{pack}` but {what}; a replacement may add cautions, never drop them"
    )]
    SuggestionWeakened {
        /// The suggestion.
        id: String,
        /// The pack whose suggestion it replaces.
        pack: String,
        /// What it drops.
        what: String,
    },
    /// A suggestion's title or how-to names a medicine: soothe suggests none.
    #[error(
        "{field} names a medicine (`{medicine}`); soothe suggests no medicines: describe self-care, or point the person to their clinician"
    )]
    MedicineNamed {
        /// The field (`title` or `how_to`).
        field: String,
        /// The medicine named.
        medicine: String,
    },
    /// A file or folder could not be read.
    #[error("cannot read: {message}")]
    Io {
        /// The operating system's message.
        message: String,
    },
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod tests {
    use super::*;

    /// Line and column (both from 1; the column in characters) of a byte offset.
    fn line_column(text: &str, offset: usize) -> (usize, usize) {
        let mut end = offset.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let before = text.get(..end).unwrap_or_default();
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before.get(line_start..).unwrap_or_default().chars().count() + 1;
        (line, column)
    }

    #[test]
    fn line_and_column_count_from_one_in_characters() {
        let text = "ab\ncdé\nf";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        assert_eq!(line_column(text, 7), (2, 4)); // after the two-byte é
        assert_eq!(line_column(text, 999), (3, 2));
    }

    #[test]
    fn the_line_index_agrees_with_the_scan() {
        let text = "ab\ncdé\n\nf";
        let lines = Lines::new(text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(
                lines.line_column(text, offset),
                line_column(text, offset),
                "{offset}"
            );
        }
    }

    #[test]
    fn an_offset_inside_a_character_does_not_panic() {
        assert_eq!(line_column("é", 1), (1, 1));
    }

    #[test]
    fn display_names_the_place_then_the_problem() {
        let location = Location::new("p.toml")
            .spanning("x\ny", 2..3)
            .item(ItemKind::Rule, "r");
        let err = Error::new(
            ErrorKind::Empty {
                field: "suggest".into(),
            },
            Some(location),
        );
        assert_eq!(
            err.to_string(),
            "p.toml:2:1: rule `r`: suggest must not be empty"
        );
        let bare = Error::new(ErrorKind::TooDeep { max: 3 }, None);
        assert_eq!(bare.to_string(), "condition nested deeper than 3 levels");
    }
}
