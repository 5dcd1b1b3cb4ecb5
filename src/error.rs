//! The one error type of the crate, with what went wrong ([`ErrorKind`]) and where
//! ([`Location`]).

use std::fmt::{self, Write as _};
use std::sync::Arc;

use crate::category::Category;
use crate::kinds::{IdKind, ItemKind, VocabKind};
use crate::urgency::Urgency;
use crate::util::guard::TextProblem;
use crate::util::lines::Lines;

/// A specialised `Result` whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong while loading packs or evaluating a profile.
///
/// An error says what went wrong ([`Error::kind`]) and, where there is one, where
/// ([`Error::location`]): the pack or profile, the line and column, the item, and the field.
/// Its `Display` is one line, for example
/// `extra.toml:7:13: rule `night-cramps`: unknown location `calff`; did you mean `calf`?`.
///
/// ```
/// let err = soothe::EngineBuilder::empty()
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

/// Writes through to a formatter, escaping control and invisible characters (`\u{1b}`), so
/// a message that quotes hostile input stays one printable line: no terminal escape codes,
/// no hidden text.
struct Printable<'a, 'b>(&'a mut fmt::Formatter<'b>);

impl fmt::Write for Printable<'_, '_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let mut rest = text;
        while let Some(at) = rest.find(|c: char| crate::util::guard::unprintable(c)) {
            let (plain, tail) = rest.split_at(at);
            self.0.write_str(plain)?;
            let mut chars = tail.chars();
            if let Some(c) = chars.next() {
                write!(self.0, "\\u{{{:x}}}", u32::from(c))?;
            }
            rest = chars.as_str();
        }
        self.0.write_str(rest)
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

/// Where an error is: a pack (or profile), line and column, the item, and a field path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    origin: Arc<str>,
    line: Option<usize>,
    column: Option<usize>,
    item: Option<(ItemKind, String)>,
    path: Option<String>,
    span: Option<std::ops::Range<usize>>,
}

impl Location {
    /// A location in `origin` (a pack name, a file path or a profile's name).
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

    /// The pack name or file path the error is in, or the name given to a profile.
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
        fmt::Write::write_str(&mut Printable(f), &self.origin)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        let mut out = Printable(f);
        if let Some((kind, id)) = &self.item {
            write!(out, ": {kind} `{id}`")?;
        }
        if let Some(path) = &self.path {
            write!(out, ": {path}")?;
        }
        Ok(())
    }
}

/// Which of the [`Limits`](crate::Limits) an input went over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LimitKind {
    /// [`Limits::max_pack_bytes`](crate::Limits::max_pack_bytes).
    PackBytes,
    /// [`Limits::max_items`](crate::Limits::max_items).
    Items,
    /// [`Limits::max_string_bytes`](crate::Limits::max_string_bytes).
    StringBytes,
    /// [`Limits::max_symptoms`](crate::Limits::max_symptoms).
    Symptoms,
    /// [`Limits::max_list_items`](crate::Limits::max_list_items).
    ListItems,
    /// [`Limits::max_profile_bytes`](crate::Limits::max_profile_bytes).
    ProfileBytes,
    /// [`Limits::max_replacements`](crate::Limits::max_replacements).
    Replacements,
}

/// What a path is, when it is not a file the loader can read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FileKind {
    /// A folder (also one named `*.toml` inside a folder of packs).
    Directory,
    /// A symbolic link whose target does not exist.
    DanglingLink,
    /// A symbolic link that leads back to itself, or through too many links.
    LinkLoop,
    /// A named pipe (FIFO): reading it could block for ever.
    Fifo,
    /// A socket.
    Socket,
    /// A character or block device (`/dev/zero`): it may never end.
    Device,
    /// Anything else that is not a regular file.
    Other,
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FileKind::Directory => "a folder",
            FileKind::DanglingLink => "a symbolic link to nothing (its target does not exist)",
            FileKind::LinkLoop => "a loop of symbolic links",
            FileKind::Fifo => "a named pipe (FIFO)",
            FileKind::Socket => "a socket",
            FileKind::Device => "a device",
            FileKind::Other => "a special file",
        })
    }
}

/// What a supplement-category suggestion lacks (see [`ErrorKind::SupplementUnguarded`]).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SupplementNeeds {
    /// `clinician_first = true`.
    ClinicianFirst,
    /// A caution that withholds the suggestion from a person with this context id
    /// (`kidney_disease`, `pregnancy`).
    Withhold {
        /// The context id.
        context: String,
    },
}

impl fmt::Display for SupplementNeeds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SupplementNeeds::ClinicianFirst => f.write_str("`clinician_first = true`"),
            SupplementNeeds::Withhold { context } => write!(
                f,
                "a caution that withholds it when the profile has context `{context}`"
            ),
        }
    }
}

/// What a replacement suggestion would drop from the one it replaces.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Dropped {
    /// `clinician_first = true`.
    ClinicianFirst,
    /// A caution, with its text.
    Caution {
        /// The caution's text.
        text: String,
    },
    /// Its category: what red flags withhold by category would no longer reach it.
    Category {
        /// The category it had.
        from: Category,
        /// The category the replacement gives.
        to: Category,
    },
}

impl fmt::Display for Dropped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Dropped::ClinicianFirst => f.write_str("drops `clinician_first = true`"),
            Dropped::Caution { text } => write!(f, "drops the caution \"{text}\""),
            Dropped::Category { from, to } => {
                write!(f, "changes its category from `{from}` to `{to}`")
            }
        }
    }
}

/// What went wrong.
///
/// `Display` gives one line, ending with "; did you mean `x`?" when there is a close
/// known value; the alternate form (`{:#}`) leaves that hint out, for tools that show it
/// apart (see [`ErrorKind::did_you_mean`]).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The text is not valid TOML (or JSON), or has the wrong shape: a string where a list
    /// belongs, a missing required field.
    Syntax {
        /// The parser's message.
        message: String,
    },
    /// A field that the format does not have.
    UnknownField {
        /// The field as written.
        field: String,
        /// The nearest known field, if one is close.
        suggestion: Option<String>,
    },
    /// An id defined twice.
    DuplicateId {
        /// What kind of id.
        kind: IdKind,
        /// The id.
        id: String,
        /// Where it was first defined.
        first: Location,
    },
    /// A reference to an id that no loaded pack defines.
    UnknownId {
        /// What kind of id.
        kind: IdKind,
        /// The id as written.
        id: String,
        /// The nearest known id, if one is close.
        suggestion: Option<String>,
    },
    /// A profile id listed under the wrong key: a known id of another set (`"context":
    /// ["numbness"]`, where `numbness` is a finding).
    WrongList {
        /// The id as written.
        id: String,
        /// The set the list holds.
        expected: VocabKind,
        /// The set the id belongs to.
        found: VocabKind,
    },
    /// A value outside a closed set (category, grade, direction, urgency, action).
    InvalidValue {
        /// The field.
        field: String,
        /// The value as written.
        value: String,
        /// The allowed values.
        expected: Vec<String>,
        /// The nearest allowed value, if one is close.
        suggestion: Option<String>,
    },
    /// A number outside its allowed range.
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
    Empty {
        /// The field.
        field: String,
    },
    /// A pack written for a format version this crate does not read.
    UnsupportedFormat {
        /// The version the pack declares.
        found: i64,
        /// The version this crate reads.
        supported: i64,
    },
    /// A later pack defines an id an earlier pack has, without saying it replaces it.
    ReplaceWithoutMarker {
        /// What kind of item.
        kind: ItemKind,
        /// The id.
        id: String,
        /// The id of the pack that defined it first.
        pack: String,
    },
    /// `replaces = true` on an item no earlier pack defines.
    NothingToReplace {
        /// What kind of item.
        kind: ItemKind,
        /// The id.
        id: String,
        /// The nearest defined id, if one is close.
        suggestion: Option<String>,
    },
    /// A pack tries to lower the urgency of a red flag an earlier pack defined.
    RedFlagLowered {
        /// The red flag.
        id: String,
        /// Its urgency in the earlier pack.
        from: Urgency,
        /// The urgency the later pack asks for.
        to: Urgency,
        /// The id of the pack that defined it.
        pack: String,
    },
    /// A pack tries to disable a red flag.
    RedFlagDisabled {
        /// The red flag.
        id: String,
        /// The id of the pack that defined it.
        pack: String,
    },
    /// A replacement red flag that no longer withholds something the red flag withheld.
    WithholdDropped {
        /// The red flag.
        id: String,
        /// The id of the pack whose red flag it replaces.
        pack: String,
        /// What it no longer withholds (`category `massage``, `suggestion `self-massage``).
        dropped: String,
    },
    /// A condition nested deeper than the limit.
    TooDeep {
        /// The deepest nesting allowed.
        max: usize,
    },
    /// Input over one of the [`Limits`](crate::Limits).
    LimitExceeded {
        /// Which limit.
        limit: LimitKind,
        /// What was measured (`pack size in bytes`, `number of symptoms`, ...).
        what: String,
        /// The size found.
        found: usize,
        /// The limit.
        max: usize,
    },
    /// A replacement suggestion drops a caution that withheld the original, or its
    /// `clinician_first`.
    SuggestionWeakened {
        /// The suggestion.
        id: String,
        /// The id of the pack whose suggestion it replaces.
        pack: String,
        /// What it drops.
        dropped: Dropped,
    },
    /// A suggestion that is not of category `supplement` names a supplement or a form one
    /// comes in ([`crate::supplement_named`]): it would dodge the supplement rules.
    SupplementElsewhere {
        /// The field.
        field: String,
        /// The entry of `rules/supplements.txt` it names.
        supplement: String,
        /// The category it was given.
        category: Category,
    },
    /// A text a person may see names a medicine (a suggestion's title, how-to, evidence
    /// note or caution, a source's citation, an id), however it is spelled: soothe suggests
    /// none. Red-flag text may name medicines as possible causes, but not advise one
    /// ([`ErrorKind::MedicineAdvised`]).
    MedicineNamed {
        /// The field (`title`, `how_to`, `caution.text`, `citation`, `suggestion id`, ...).
        field: String,
        /// The medicine named, as `rules/medicines.txt` lists it.
        medicine: String,
    },
    /// A red flag's text, safety net or interim, or a vocabulary label or question, names a
    /// medicine and, in the same sentence (questions aside), tells the person to take, use,
    /// try, have or drink something, or says it helps or is fine: such text may name a
    /// medicine as a possible cause or ask about one, never advise one.
    MedicineAdvised {
        /// The field (`text`, `safety_net`, `interim`, `label`, `question`).
        field: String,
        /// The medicine named, as `rules/medicines.txt` lists it.
        medicine: String,
    },
    /// A value of the wrong type in a profile: a string where a number belongs, a list where
    /// an object belongs.
    InvalidType {
        /// What the field takes.
        expected: String,
        /// What was found (`a list`, `a string`, ...).
        found: String,
    },
    /// A field that must be given is missing (a symptom's `kind` or `location`).
    MissingField {
        /// The field.
        field: String,
    },
    /// A field given where it does not belong (`question` on a location, `interim` without
    /// `withhold`).
    NotHere {
        /// The field.
        field: String,
        /// Where it belongs, or what it needs.
        only: String,
    },
    /// A finding or context id listed both as present (in `findings` or `context`) and as
    /// asked and denied (`absent`).
    PresentAndAbsent {
        /// The id.
        id: String,
    },
    /// A caution that withholds, with a condition that can hold without any context,
    /// finding, trigger or symptom of the person's (only `not`, or severity alone): the plan
    /// could not say why.
    WithholdWithoutReason,
    /// A text field holds a control character (terminal escape codes), an invisible
    /// character (zero-width space or joiner, soft hyphen, bidi control), or shows nothing.
    TextHygiene {
        /// The field (`title`, `text`, `label`, ...).
        field: String,
        /// What is wrong with it.
        problem: TextProblem,
    },
    /// A word of a text field mixes letters of different scripts ("ibuprоfen" with a
    /// Cyrillic "о"), which is how look-alike spellings hide.
    MixedScript {
        /// The field.
        field: String,
        /// The word, as written (invisible characters removed).
        word: String,
    },
    /// A replacement red flag changes what the red flag tells the person (its `text` or
    /// `interim`), which only the pack that defined it may write.
    RedFlagRewritten {
        /// The red flag.
        id: String,
        /// The id of the pack that defined it.
        pack: String,
        /// The field it changes (`text`, `interim`).
        field: String,
    },
    /// A suggestion of category `supplement` without the safeguards every supplement needs.
    SupplementUnguarded {
        /// The suggestion.
        id: String,
        /// The first safeguard it lacks.
        needs: SupplementNeeds,
    },
    /// A path that is not a regular file: a folder, a dangling link, a link loop, a named
    /// pipe, a device.
    NotAFile {
        /// What it is.
        found: FileKind,
    },
    /// A file or folder could not be read.
    Io {
        /// The operating system's message.
        message: String,
    },
}

impl ErrorKind {
    /// The nearest known value to a mistyped one ("did you mean `calf`?"), where one is close.
    ///
    /// ```
    /// let err = soothe::Engine::builtin()?
    ///     .evaluate(&soothe::Profile::new().with_symptom(soothe::Symptom::new("cramp", "calff")))
    ///     .unwrap_err();
    /// assert_eq!(err.kind().did_you_mean(), Some("calf"));
    /// assert_eq!(format!("{:#}", err.kind()), "unknown location `calff`");
    /// # Ok::<(), soothe::Error>(())
    /// ```
    pub fn did_you_mean(&self) -> Option<&str> {
        match self {
            ErrorKind::UnknownField { suggestion, .. }
            | ErrorKind::UnknownId { suggestion, .. }
            | ErrorKind::InvalidValue { suggestion, .. }
            | ErrorKind::NothingToReplace { suggestion, .. } => suggestion.as_deref(),
            _ => None,
        }
    }

    /// The kind's name in snake case (`unknown_id`, `out_of_range`, ...), for hosts that
    /// report errors as data (JSON Lines, bindings).
    ///
    /// ```
    /// let kind = soothe::ErrorKind::TooDeep { max: 3 };
    /// assert_eq!(kind.name(), "too_deep");
    /// ```
    pub fn name(&self) -> String {
        let debug = format!("{self:?}");
        let variant = debug
            .split(|c: char| !c.is_ascii_alphanumeric())
            .next()
            .unwrap_or_default();
        let mut out = String::with_capacity(variant.len() + 4);
        for (i, c) in variant.chars().enumerate() {
            if c.is_ascii_uppercase() && i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        }
        out
    }

    /// The one-line message, without the "did you mean" hint.
    fn message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Syntax { message } => f.write_str(message),
            ErrorKind::UnknownField { field, .. } => write!(f, "unknown field `{field}`"),
            ErrorKind::DuplicateId { kind, id, first } => write!(
                f,
                "duplicate {kind} id `{id}` (first defined in {})",
                First(first)
            ),
            ErrorKind::UnknownId { kind, id, .. } => write!(f, "unknown {kind} `{id}`"),
            ErrorKind::WrongList {
                id,
                expected,
                found,
            } => write!(
                f,
                "`{id}` is a {found} id, not a {expected} id: list it in `{}`",
                found.profile_key()
            ),
            ErrorKind::InvalidValue {
                field,
                value,
                expected,
                ..
            } => write!(
                f,
                "invalid {field} `{value}`: expected one of {}",
                expected.join(", ")
            ),
            ErrorKind::OutOfRange {
                field,
                value,
                min,
                max,
            } => write!(f, "{field} {value} is out of range {min} to {max}"),
            ErrorKind::Empty { field } => write!(f, "{field} must not be empty"),
            ErrorKind::UnsupportedFormat { found, supported } => write!(
                f,
                "format {found} is not supported (this version of soothe reads format {supported})"
            ),
            ErrorKind::InvalidType { expected, found } => {
                write!(f, "expected {expected}, found {found}")
            }
            ErrorKind::MissingField { field } => write!(f, "missing field `{field}`"),
            ErrorKind::NotHere { field, only } => write!(f, "`{field}` is only for {only}"),
            ErrorKind::PresentAndAbsent { id } => write!(
                f,
                "`{id}` is both reported (in `findings` or `context`) and in `absent` (asked and denied)"
            ),
            ErrorKind::TooDeep { max } => write!(f, "condition nested deeper than {max} levels"),
            ErrorKind::LimitExceeded {
                what, found, max, ..
            } => write!(f, "{what} is {found}, over the limit of {max}"),
            ErrorKind::NotAFile { found } => {
                write!(f, "cannot read: it is {found}, not a regular file")
            }
            ErrorKind::Io { message } => write!(f, "cannot read: {message}"),
            _ => self.safety_message(f),
        }
    }

    /// The message of an error about what a pack may say or replace.
    fn safety_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::ReplaceWithoutMarker { kind, id, pack } => write!(
                f,
                "{kind} `{id}` is already defined by pack `{pack}`; add `replaces = true` to replace it"
            ),
            ErrorKind::NothingToReplace { kind, id, .. } => write!(
                f,
                "{kind} `{id}` says `replaces = true` but no earlier pack defines it"
            ),
            ErrorKind::RedFlagLowered { id, from, to, pack } => write!(
                f,
                "red flag `{id}` would lower urgency from `{from}` (pack `{pack}`) to `{to}`; a red flag's urgency can only be raised"
            ),
            ErrorKind::RedFlagDisabled { id, pack } => write!(
                f,
                "red flag `{id}` (pack `{pack}`) cannot be disabled; red flags can never be removed"
            ),
            ErrorKind::WithholdDropped { id, pack, dropped } => write!(
                f,
                "red flag `{id}` replaces the one from pack `{pack}` but no longer withholds {dropped}; a replacement may add withholds, never drop them"
            ),
            ErrorKind::SuggestionWeakened { id, pack, dropped } => write!(
                f,
                "suggestion `{id}` replaces the one from pack `{pack}` but {dropped}; a replacement keeps its category and every caution word for word, and may add more"
            ),
            ErrorKind::SupplementElsewhere {
                field,
                supplement,
                category,
            } => write!(
                f,
                "{field} names `{supplement}`, which only a suggestion of category `supplement` may name (it must ask a clinician first and be withheld for kidney disease and pregnancy); this one is `{category}`"
            ),
            ErrorKind::MedicineNamed { field, medicine } => write!(
                f,
                "{field} names a medicine (`{medicine}`); soothe suggests no medicines: describe self-care, or point the person to their clinician"
            ),
            ErrorKind::MedicineAdvised { field, medicine } => write!(
                f,
                "{field} names a medicine (`{medicine}`) and tells the person to take, use or try something; red-flag and vocabulary text may name a medicine as a possible cause or ask about one, never advise one: send the person to their clinician"
            ),
            ErrorKind::WithholdWithoutReason => f.write_str(
                "a caution that withholds needs a `when` that names a context, finding, trigger, kind, location or timing, so the plan can say why",
            ),
            ErrorKind::TextHygiene { field, problem } => write!(f, "{field}: {problem}"),
            ErrorKind::MixedScript { field, word } => write!(
                f,
                "{field}: the word \"{word}\" mixes letters of different scripts (look-alike letters); write it in one script"
            ),
            ErrorKind::RedFlagRewritten { id, pack, field } => write!(
                f,
                "red flag `{id}` replaces the one from pack `{pack}` but changes its `{field}`; a replacement may raise the urgency, widen when it fires and add safety-net lines and withholds, but must repeat what the red flag tells the person word for word"
            ),
            ErrorKind::SupplementUnguarded { id, needs } => write!(
                f,
                "suggestion `{id}` is a supplement and needs {needs}: supplements are only for after a clinician agrees, never with kidney disease or in pregnancy"
            ),
            // Every other kind is written by `message`.
            other => write!(f, "{other:?}"),
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let alternate = f.alternate();
        let mut out = Printable(f);
        write!(out, "{}", Message(self))?;
        match self.did_you_mean() {
            Some(near) if !alternate => write!(out, "; did you mean `{near}`?"),
            _ => Ok(()),
        }
    }
}

/// An error kind's message without the hint, as a `Display`.
struct Message<'a>(&'a ErrorKind);

impl fmt::Display for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.message(f)
    }
}

/// A first definition as a message names it: `file:line:column`, or the origin alone.
struct First<'a>(&'a Location);

impl fmt::Display for First<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.origin())?;
        if let (Some(line), Some(column)) = (self.0.line(), self.0.column()) {
            write!(f, ":{line}:{column}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn quoted_input_cannot_drive_a_terminal() {
        // Issue 13: an id or file name with escape codes is shown escaped, on one line.
        let kind = ErrorKind::UnknownId {
            kind: IdKind::Item(ItemKind::Rule),
            id: "\u{1b}[2J\u{200b}x\ny".into(),
            suggestion: None,
        };
        let location = Location::new("evil\u{1b}[31m.toml").item(ItemKind::Rule, "\u{9b}31m");
        let err = Error::new(kind, Some(location));
        assert_eq!(
            err.to_string(),
            "evil\\u{1b}[31m.toml: rule `\\u{9b}31m`: unknown rule `\\u{1b}[2J\\u{200b}x\\u{a}y`"
        );
        assert!(!err.to_string().chars().any(char::is_control));
    }

    #[test]
    fn the_hint_is_left_out_of_the_alternate_form() {
        let kind = ErrorKind::UnknownField {
            field: "colour".into(),
            suggestion: Some("color".into()),
        };
        assert_eq!(
            kind.to_string(),
            "unknown field `colour`; did you mean `color`?"
        );
        assert_eq!(format!("{kind:#}"), "unknown field `colour`");
        assert_eq!(kind.did_you_mean(), Some("color"));
    }
}
