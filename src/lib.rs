//! Safe, evidence-graded self-care suggestions for muscle cramps, spasms and trigger points in
//! fibromyalgia, and plain advice on when to see a clinician instead.
//!
//! `soothe` turns a person's symptom [`Profile`] into a [`Plan`]: red-flag reasons with an
//! [`Urgency`], ranked non-drug self-care suggestions each with its evidence grade and sources,
//! and the suggestions withheld because a caution applies to this person. The knowledge lives in
//! TOML rule packs; the built-in packs are compiled in, so it works with no files at all.
//!
//! ```
//! use soothe::{Engine, Profile, Symptom, Urgency};
//!
//! let engine = Engine::builtin()?;
//! let profile = Profile::new()
//!     .with_symptom(Symptom::new("cramp", "calf").timing("nocturnal").severity(6));
//! let plan = engine.evaluate(&profile)?;
//!
//! assert_eq!(plan.urgency, Urgency::None);
//! let first = &plan.suggestions[0];
//! println!("{}: {} ({})", first.title, first.how_to, first.evidence.grade.label());
//! # Ok::<(), soothe::Error>(())
//! ```
//!
//! Safety rules the engine keeps for every input:
//! - It never suggests a medicine: suggestion categories are a closed set with none for drugs,
//!   and a pack whose suggestion text, citation or id names a medicine, under any spelling
//!   ([`medicine_named`]), is refused, as is text with escape codes, invisible characters or
//!   look-alike letters from another script.
//! - A red flag always makes `see_clinician` true at its urgency; a later pack can neither
//!   remove a red flag, nor lower its urgency, nor reword it. At [`Urgency::Emergency`] no
//!   self-care is given.
//! - A supplement is always `clinician_first` and withheld for kidney disease and pregnancy; a
//!   replaced suggestion keeps every caution.
//! - A suggestion whose caution matches the person's context or findings is withheld, and the
//!   plan says why.
//! - Bad input gets a typed [`Error`] naming the place and the problem, never a panic.
//! - The same profile gives the same plan, in the same order.
//!
//! Packs are layered with an [`EngineBuilder`]; `docs/RULES.md` in the repository is the
//! reference for the pack format.
//!
//! The code runs in stages, each a module that imports only the ones before it:
//! `pack` (the raw TOML format) → `load` (check items, layer packs) → `compiled` (the linked
//! data, [`Engine`]) → `eval` (a profile to a [`Plan`]) → `check` (scenarios and lints).
//! Small value types ([`Id`], [`Urgency`], [`Profile`], [`Error`]) sit below all of them.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod builtin;
mod category;
#[cfg(feature = "cds-hooks")]
pub mod cds;
mod check;
mod compiled;
mod error;
mod eval;
mod evidence;
mod id;
mod kinds;
mod limits;
mod load;
mod pack;
mod profile;
#[cfg(feature = "schema")]
pub mod schema;
mod urgency;
mod util;

pub use category::Category;
pub use check::lint::Warning;
pub use check::scenario::{Coverage, ScenarioReport, ScenarioResult};
pub use compiled::Engine;
pub use error::{
    Dropped, Error, ErrorKind, FileKind, LimitKind, Location, Result, SupplementNeeds,
};
pub use eval::plan::{
    Because, Plan, Question, QuestionKind, Reason, SafetyNet, Suggested, Withheld,
};
pub use evidence::{Direction, Evidence, Grade};
pub use id::Id;
pub use kinds::{BecauseKind, IdKind, ItemKind, VocabKind};
pub use limits::Limits;
pub use load::builder::EngineBuilder;
pub use load::items::{Caution, PackInfo, RedFlag, Rule, Source, Suggestion};
pub use load::scenario::{Expect, Scenario};
pub use load::vocabulary::{Term, Vocabulary};
pub use profile::{Field, Onset, Profile, Symptom, Trend};
pub use urgency::Urgency;
pub use util::guard::{TextProblem, medicine_named, supplement_named};

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
