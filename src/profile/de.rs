//! Reading a profile from any serde format, strictly: an object with known keys only (never
//! a list read by position), numbers in range, closed sets checked, lists and strings bounded
//! while reading, and every error typed and named by its field path.
//!
//! The visitors below keep the typed error in a [`Slot`] while serde unwinds with a plain
//! message, so [`from_deserializer`] can return the typed [`Error`] and `Deserialize` a
//! message that still names the field.

use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::error::{Error, ErrorKind, LimitKind, Result};
use crate::profile::{Field, Onset, Profile, Symptom, Trend, at};
use crate::util::similar::nearest;
use crate::util::toml::toml_error;

/// The most entries any list of a profile may have while it is read (the engine's
/// [`Limits`](crate::Limits) then apply, 32 symptoms and 256 ids by default).
pub(crate) const MAX_LIST_ITEMS: usize = 10_000;
/// The longest string a profile may hold while it is read (the engine's limit, 4,096 bytes
/// by default, then applies).
pub(crate) const MAX_TEXT_BYTES: usize = 65_536;

const PROFILE_FIELDS: [&str; 7] = [
    "age",
    "symptoms",
    "triggers",
    "findings",
    "absent",
    "context",
    "self_care_weeks",
];
const ONSETS: [&str; 2] = ["sudden", "gradual"];
const TRENDS: [&str; 3] = ["better", "same", "worse"];
const SYMPTOM_FIELDS: [&str; 9] = [
    "kind",
    "location",
    "timing",
    "severity",
    "onset",
    "weeks",
    "episodes_per_week",
    "duration_minutes",
    "trend",
];

/// Where in a profile a value is; formatted only when there is an error.
#[derive(Clone, Copy, Debug)]
enum Path {
    Root,
    Field(&'static str),
    Item(&'static str, usize),
    Symptom(usize),
    SymptomField(usize, &'static str),
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Field(name) => f.write_str(name),
            Path::Item(name, i) => write!(f, "{name}[{i}]"),
            Path::Symptom(i) => write!(f, "symptoms[{i}]"),
            Path::SymptomField(i, name) => write!(f, "symptoms[{i}].{name}"),
        }
    }
}

/// The typed error of the first problem found, kept while serde unwinds.
#[derive(Default)]
struct Slot(RefCell<Option<(String, ErrorKind)>>);

impl Slot {
    /// Records `kind` at `path` and gives serde an error with the same message.
    fn fail<E: de::Error>(&self, path: Path, kind: ErrorKind) -> E {
        let path = path.to_string();
        let message = if path.is_empty() {
            kind.to_string()
        } else {
            format!("{path}: {kind}")
        };
        *self.0.borrow_mut() = Some((path, kind));
        E::custom(message)
    }

    fn wrong_type<E: de::Error>(&self, path: Path, expected: &str, found: &str) -> E {
        let kind = ErrorKind::InvalidType {
            expected: expected.to_owned(),
            found: found.to_owned(),
        };
        self.fail(path, kind)
    }

    fn take(&self) -> Option<(String, ErrorKind)> {
        self.0.borrow_mut().take()
    }
}

/// Reads a profile with `deserializer`; errors are typed and name the field path.
pub(super) fn from_deserializer<'de, D: Deserializer<'de>>(
    origin: &str,
    deserializer: D,
) -> Result<Profile> {
    let slot = Slot::default();
    ProfileSeed { slot: &slot }
        .deserialize(deserializer)
        .map_err(|e| match slot.take() {
            Some((path, kind)) => Error::new(kind, Some(at(origin, &path))),
            None => Error::new(
                ErrorKind::Syntax {
                    message: e.to_string(),
                },
                Some(at(origin, "")),
            ),
        })
}

/// Reads a TOML profile: typed errors with line, column and field path.
pub(super) fn from_toml(origin: &str, text: &str) -> Result<Profile> {
    let origin_arc: std::sync::Arc<str> = std::sync::Arc::from(origin);
    let deserializer = toml::de::Deserializer::parse(text)
        .map_err(|e| toml_error(&e, origin_arc.clone(), text))?;
    let slot = Slot::default();
    ProfileSeed { slot: &slot }
        .deserialize(deserializer)
        .map_err(|e| {
            let located = toml_error(&e, origin_arc.clone(), text);
            match slot.take() {
                Some((path, kind)) => {
                    let mut location = located
                        .location()
                        .cloned()
                        .unwrap_or_else(|| at(origin, ""));
                    if !path.is_empty() {
                        location = location.path(path);
                    }
                    Error::new(kind, Some(location))
                }
                None => located,
            }
        })
}

impl<'de> serde::Deserialize<'de> for Profile {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Profile, D::Error> {
        ProfileSeed {
            slot: &Slot::default(),
        }
        .deserialize(deserializer)
    }
}

impl<'de> serde::Deserialize<'de> for Symptom {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Symptom, D::Error> {
        SymptomSeed {
            slot: &Slot::default(),
            index: 0,
        }
        .deserialize(deserializer)
    }
}

/// What a leaf value must be.
#[derive(Clone, Copy)]
enum Want {
    /// A string (an id).
    Text(&'static str),
    /// A whole number in the range of the field.
    Number(Field),
    /// One of a closed set of strings, for this field.
    OneOf(&'static str, &'static [&'static str]),
}

impl Want {
    fn expected(self) -> String {
        match self {
            Want::Text(what) => what.to_owned(),
            Want::Number(field) => format!("a whole number from 0 to {}", field.max()),
            Want::OneOf(_, values) => format!("one of {}", values.join(", ")),
        }
    }
}

/// A leaf value as read: `null` is "not given".
enum Leaf {
    Null,
    Text(String),
    Number(u16),
}

/// Reads one leaf value and checks it while reading (so a format that knows where the value
/// is, such as TOML, points at it); a list or an object here is an error.
#[derive(Clone, Copy)]
struct LeafSeed<'s> {
    slot: &'s Slot,
    path: Path,
    want: Want,
}

impl LeafSeed<'_> {
    fn wrong<E: de::Error>(self, found: &str) -> E {
        self.slot
            .wrong_type(self.path, &self.want.expected(), found)
    }

    fn number<E: de::Error>(self, value: i128) -> Result<Leaf, E> {
        let Want::Number(field) = self.want else {
            return Err(self.wrong("a whole number"));
        };
        match field.check(value) {
            Some(v) => Ok(Leaf::Number(v)),
            None => {
                let value = i64::try_from(value).unwrap_or(i64::MAX);
                Err(self.slot.fail(self.path, field.out_of_range(value)))
            }
        }
    }
}

impl<'de> DeserializeSeed<'de> for LeafSeed<'_> {
    type Value = Leaf;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Leaf, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for LeafSeed<'_> {
    type Value = Leaf;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.want.expected())
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Leaf, E> {
        Err(self.wrong("a boolean"))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Leaf, E> {
        self.number(i128::from(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Leaf, E> {
        self.number(i128::from(v))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Leaf, E> {
        self.number(v)
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Leaf, E> {
        self.number(i128::try_from(v).unwrap_or(i128::MAX))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Leaf, E> {
        Err(self.wrong("a decimal number"))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Leaf, E> {
        if v.len() > MAX_TEXT_BYTES {
            let kind = ErrorKind::LimitExceeded {
                limit: LimitKind::StringBytes,
                what: "string length in bytes".to_owned(),
                found: v.len(),
                max: MAX_TEXT_BYTES,
            };
            return Err(self.slot.fail(self.path, kind));
        }
        match self.want {
            Want::Text(_) => Ok(Leaf::Text(v.to_owned())),
            Want::Number(_) => Err(self.wrong("a string")),
            Want::OneOf(_, values) if values.contains(&v) => Ok(Leaf::Text(v.to_owned())),
            Want::OneOf(field, values) => {
                let kind = ErrorKind::InvalidValue {
                    field: field.to_owned(),
                    value: v.to_owned(),
                    expected: values.iter().map(|v| (*v).to_owned()).collect(),
                    suggestion: nearest(v, values.iter().copied()),
                };
                Err(self.slot.fail(self.path, kind))
            }
        }
    }
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Leaf, E> {
        Err(self.wrong("bytes"))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Leaf, E> {
        Ok(Leaf::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Leaf, E> {
        Ok(Leaf::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Leaf, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Leaf, A::Error> {
        Err(self.wrong("a list"))
    }
    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Leaf, A::Error> {
        Err(self.wrong("an object"))
    }
}

/// Rejects any value that is not a list or an object: for the visitors of containers.
macro_rules! reject_scalars {
    ($value:ty) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<$value, E> {
            Err(self.slot.wrong_type(self.path(), EXPECTED, "a boolean"))
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<$value, E> {
            Err(self
                .slot
                .wrong_type(self.path(), EXPECTED, "a whole number"))
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<$value, E> {
            Err(self
                .slot
                .wrong_type(self.path(), EXPECTED, "a whole number"))
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<$value, E> {
            Err(self
                .slot
                .wrong_type(self.path(), EXPECTED, "a decimal number"))
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<$value, E> {
            Err(self.slot.wrong_type(self.path(), EXPECTED, "a string"))
        }
        fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<$value, E> {
            Err(self.slot.wrong_type(self.path(), EXPECTED, "bytes"))
        }
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(EXPECTED)
        }
    };
}

/// The next value of `map`, a leaf of this kind at `path`.
fn leaf<'de, A: MapAccess<'de>>(
    map: &mut A,
    slot: &Slot,
    path: Path,
    want: Want,
) -> Result<Leaf, A::Error> {
    map.next_value_seed(LeafSeed { slot, path, want })
}

/// A whole number in the range of `field`, or `null` for "not given".
fn number<'de, A: MapAccess<'de>>(
    map: &mut A,
    slot: &Slot,
    path: Path,
    field: Field,
) -> Result<Option<u16>, A::Error> {
    match leaf(map, slot, path, Want::Number(field))? {
        Leaf::Number(n) => Ok(Some(n)),
        _ => Ok(None),
    }
}

/// A string, or `null` for "not given".
fn text<'de, A: MapAccess<'de>>(
    map: &mut A,
    slot: &Slot,
    path: Path,
    what: &'static str,
) -> Result<Option<String>, A::Error> {
    match leaf(map, slot, path, Want::Text(what))? {
        Leaf::Text(s) => Ok(Some(s)),
        _ => Ok(None),
    }
}

/// A value of a closed set (`onset`, `trend`), or `null`.
fn closed<'de, T, A>(
    map: &mut A,
    slot: &Slot,
    path: Path,
    field: &'static str,
    values: &'static [&'static str],
) -> Result<Option<T>, A::Error>
where
    T: std::str::FromStr<Err = Error>,
    A: MapAccess<'de>,
{
    let Leaf::Text(value) = leaf(map, slot, path, Want::OneOf(field, values))? else {
        return Ok(None);
    };
    value
        .parse::<T>()
        .map(Some)
        .map_err(|e| slot.fail(path, e.kind().clone()))
}

/// The next key of an object, as a string.
fn key<'de, A: MapAccess<'de>>(
    map: &mut A,
    slot: &Slot,
    path: Path,
) -> Result<Option<String>, A::Error> {
    let seed = LeafSeed {
        slot,
        path,
        want: Want::Text("a field name"),
    };
    match map.next_key_seed(seed)? {
        Some(Leaf::Text(key)) => Ok(Some(key)),
        Some(_) => Err(seed.wrong("null")),
        None => Ok(None),
    }
}

/// The position of `key` among `fields`, or an "unknown field" error at `path`.
fn field_index<E: de::Error>(
    key: &str,
    fields: &[&'static str],
    slot: &Slot,
    path: Path,
    seen: &mut u16,
) -> Result<&'static str, E> {
    let Some((i, name)) = fields.iter().enumerate().find(|(_, f)| **f == key) else {
        let kind = ErrorKind::UnknownField {
            field: key.to_owned(),
            suggestion: nearest(key, fields.iter().copied()),
        };
        return Err(slot.fail(path, kind));
    };
    let bit = 1u16 << i;
    if *seen & bit != 0 {
        let message = format!("duplicate field `{name}`");
        return Err(slot.fail(path, ErrorKind::Syntax { message }));
    }
    *seen |= bit;
    Ok(name)
}

/// The whole profile.
#[derive(Clone, Copy)]
struct ProfileSeed<'s> {
    slot: &'s Slot,
}

impl ProfileSeed<'_> {
    fn path(&self) -> Path {
        Path::Root
    }
}

impl<'de> DeserializeSeed<'de> for ProfileSeed<'_> {
    type Value = Profile;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Profile, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ProfileSeed<'_> {
    type Value = Profile;
    reject_scalars!(Profile);

    fn visit_unit<E: de::Error>(self) -> Result<Profile, E> {
        Err(self.slot.wrong_type(Path::Root, EXPECTED, "null"))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Profile, A::Error> {
        Err(self.slot.wrong_type(Path::Root, EXPECTED, "a list"))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Profile, A::Error> {
        let slot = self.slot;
        let mut profile = Profile::default();
        let mut seen = 0;
        while let Some(key) = key(&mut map, slot, Path::Root)? {
            let name = field_index(&key, &PROFILE_FIELDS, slot, Path::Root, &mut seen)?;
            let path = Path::Field(name);
            match name {
                "age" => {
                    let age = number(&mut map, slot, path, Field::Age)?;
                    profile.age = age.and_then(|a| u8::try_from(a).ok());
                }
                "self_care_weeks" => {
                    profile.self_care_weeks = number(&mut map, slot, path, Field::SelfCareWeeks)?;
                }
                "symptoms" => profile.symptoms = map.next_value_seed(SymptomsSeed { slot })?,
                _ => {
                    let list = map.next_value_seed(IdsSeed { slot, name })?;
                    match name {
                        "triggers" => profile.triggers = list,
                        "findings" => profile.findings = list,
                        "absent" => profile.absent = list,
                        _ => profile.context = list,
                    }
                }
            }
        }
        Ok(profile)
    }
}

/// What a profile must be.
const EXPECTED: &str = "a profile: an object with keys such as `symptoms`";

/// A list of ids (`triggers`, `findings`, `absent`, `context`); `null` is an empty list.
#[derive(Clone, Copy)]
struct IdsSeed<'s> {
    slot: &'s Slot,
    name: &'static str,
}

impl<'de> DeserializeSeed<'de> for IdsSeed<'_> {
    type Value = Vec<String>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Vec<String>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for IdsSeed<'_> {
    type Value = Vec<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of ids")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Vec<String>, E> {
        Ok(Vec::new())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        loop {
            let seed = LeafSeed {
                slot: self.slot,
                path: Path::Item(self.name, out.len()),
                want: Want::Text("an id (a string)"),
            };
            match seq.next_element_seed(seed)? {
                None => return Ok(out),
                Some(Leaf::Text(id)) => out.push(id),
                Some(_) => return Err(seed.wrong("null")),
            }
            over_limit(self.slot, Path::Field(self.name), out.len())?;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Vec<String>, A::Error> {
        Err(self.wrong("an object"))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Vec<String>, E> {
        Err(self.wrong("a string"))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Vec<String>, E> {
        Err(self.wrong("a boolean"))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Vec<String>, E> {
        Err(self.wrong("a whole number"))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Vec<String>, E> {
        Err(self.wrong("a whole number"))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Vec<String>, E> {
        Err(self.wrong("a decimal number"))
    }
}

impl IdsSeed<'_> {
    fn wrong<E: de::Error>(self, found: &str) -> E {
        self.slot
            .wrong_type(Path::Field(self.name), "a list of ids", found)
    }
}

/// An error once a list being read has more than [`MAX_LIST_ITEMS`] entries.
fn over_limit<E: de::Error>(slot: &Slot, path: Path, len: usize) -> Result<(), E> {
    if len <= MAX_LIST_ITEMS {
        return Ok(());
    }
    let kind = ErrorKind::LimitExceeded {
        limit: LimitKind::ListItems,
        what: "number of entries".to_owned(),
        found: len,
        max: MAX_LIST_ITEMS,
    };
    Err(slot.fail(path, kind))
}

/// `symptoms`: a list of symptom objects; `null` is an empty list.
#[derive(Clone, Copy)]
struct SymptomsSeed<'s> {
    slot: &'s Slot,
}

impl SymptomsSeed<'_> {
    fn path(&self) -> Path {
        Path::Field("symptoms")
    }
}

impl<'de> DeserializeSeed<'de> for SymptomsSeed<'_> {
    type Value = Vec<Symptom>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Vec<Symptom>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for SymptomsSeed<'_> {
    type Value = Vec<Symptom>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of symptoms")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Vec<Symptom>, E> {
        Ok(Vec::new())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Symptom>, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(8));
        while let Some(symptom) = seq.next_element_seed(SymptomSeed {
            slot: self.slot,
            index: out.len(),
        })? {
            out.push(symptom);
            over_limit(self.slot, self.path(), out.len())?;
        }
        Ok(out)
    }

    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Vec<Symptom>, A::Error> {
        Err(self
            .slot
            .wrong_type(self.path(), "a list of symptoms", "an object"))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Vec<Symptom>, E> {
        Err(self
            .slot
            .wrong_type(self.path(), "a list of symptoms", "a string"))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Vec<Symptom>, E> {
        Err(self
            .slot
            .wrong_type(self.path(), "a list of symptoms", "a boolean"))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Vec<Symptom>, E> {
        Err(self
            .slot
            .wrong_type(self.path(), "a list of symptoms", "a whole number"))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Vec<Symptom>, E> {
        Err(self
            .slot
            .wrong_type(self.path(), "a list of symptoms", "a whole number"))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Vec<Symptom>, E> {
        Err(self
            .slot
            .wrong_type(self.path(), "a list of symptoms", "a decimal number"))
    }
}

/// One symptom object.
#[derive(Clone, Copy)]
struct SymptomSeed<'s> {
    slot: &'s Slot,
    index: usize,
}

impl<'de> DeserializeSeed<'de> for SymptomSeed<'_> {
    type Value = Symptom;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Symptom, D::Error> {
        d.deserialize_any(self)
    }
}

impl SymptomSeed<'_> {
    fn path(&self) -> Path {
        Path::Symptom(self.index)
    }

    /// Reads the value of symptom field `name` into `s`.
    fn field<'de, A: MapAccess<'de>>(
        &self,
        name: &'static str,
        map: &mut A,
        s: &mut Symptom,
    ) -> Result<(), A::Error> {
        let slot = self.slot;
        let path = Path::SymptomField(self.index, name);
        match name {
            "kind" => s.kind = required(map, slot, path)?,
            "location" => s.location = required(map, slot, path)?,
            "timing" => s.timing = text(map, slot, path, "a timing id (a string)")?,
            "severity" => {
                let severity = number(map, slot, path, Field::Severity)?;
                s.severity = severity.and_then(|v| u8::try_from(v).ok());
            }
            "onset" => s.onset = closed::<Onset, A>(map, slot, path, "onset", &ONSETS)?,
            "trend" => s.trend = closed::<Trend, A>(map, slot, path, "trend", &TRENDS)?,
            "weeks" => s.weeks = number(map, slot, path, Field::Weeks)?,
            "episodes_per_week" => {
                s.episodes_per_week = number(map, slot, path, Field::EpisodesPerWeek)?;
            }
            _ => s.duration_minutes = number(map, slot, path, Field::DurationMinutes)?,
        }
        Ok(())
    }
}

/// A string that must be given (a symptom's `kind` and `location`).
fn required<'de, A: MapAccess<'de>>(
    map: &mut A,
    slot: &Slot,
    path: Path,
) -> Result<String, A::Error> {
    match text(map, slot, path, "an id (a string)")? {
        Some(value) => Ok(value),
        None => Err(slot.wrong_type(path, "an id (a string)", "null")),
    }
}

impl<'de> Visitor<'de> for SymptomSeed<'_> {
    type Value = Symptom;
    reject_scalars!(Symptom);

    fn visit_unit<E: de::Error>(self) -> Result<Symptom, E> {
        Err(self.slot.wrong_type(self.path(), EXPECTED_SYMPTOM, "null"))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Symptom, A::Error> {
        Err(self
            .slot
            .wrong_type(self.path(), EXPECTED_SYMPTOM, "a list"))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Symptom, A::Error> {
        let mut symptom = Symptom::new("", "");
        let mut seen = 0;
        while let Some(key) = key(&mut map, self.slot, self.path())? {
            let name = field_index(&key, &SYMPTOM_FIELDS, self.slot, self.path(), &mut seen)?;
            self.field(name, &mut map, &mut symptom)?;
        }
        for (bit, field) in [(0, "kind"), (1, "location")] {
            if seen & (1 << bit) == 0 {
                let kind = ErrorKind::MissingField {
                    field: field.to_owned(),
                };
                return Err(self.slot.fail(self.path(), kind));
            }
        }
        Ok(symptom)
    }
}

/// What a symptom must be.
const EXPECTED_SYMPTOM: &str = "a symptom: an object with `kind` and `location`";

#[cfg(test)]
mod tests {
    use super::*;

    fn json(text: &str) -> Result<Profile> {
        from_deserializer("p", &mut serde_json::Deserializer::from_str(text))
    }

    #[test]
    fn paths_name_the_field() {
        let err =
            json(r#"{"symptoms": [{"kind": "cramp", "location": "calf", "trend": "wrose"}]}"#)
                .unwrap_err();
        assert_eq!(
            err.to_string(),
            "p: symptoms[0].trend: invalid trend `wrose`: expected one of better, same, worse; did you mean `worse`?"
        );
        let err = json(r#"{"age": -1}"#).unwrap_err();
        assert_eq!(err.to_string(), "p: age: age -1 is out of range 0 to 130");
        let err = json(r#"{"findings": ["fever", 3]}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "p: findings[1]: expected an id (a string), found a whole number"
        );
    }

    #[test]
    fn a_list_is_not_a_profile() {
        let err = json("[]").unwrap_err();
        assert_eq!(
            err.to_string(),
            "p: expected a profile: an object with keys such as `symptoms`, found a list"
        );
        assert!(json(r#"[[["cramp","calf"]],[],["numbness"]]"#).is_err());
        assert!(json(r#"{"symptoms": [["cramp", "calf"]]}"#).is_err());
    }
}
