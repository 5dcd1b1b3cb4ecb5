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
//!   and a suggestion's title or how-to naming a medicine is refused.
//! - A red flag always makes `see_clinician` true at its urgency; a later pack can neither
//!   remove a red flag nor lower its urgency. At [`Urgency::Emergency`] no self-care is given.
//! - A suggestion whose caution matches the person's context or findings is withheld, and the
//!   plan says why.
//! - Bad input gets a typed [`Error`] naming the place and the problem, never a panic.
//! - The same profile gives the same plan, in the same order.
//!
//! Packs are layered with an [`EngineBuilder`]; `docs/RULES.md` in the repository is the
//! reference for the pack format.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod builder;
mod builtin;
mod category;
#[cfg(feature = "cds-hooks")]
pub mod cds;
mod closed_set;
mod condition;
mod engine;
mod error;
mod evidence;
mod index;
mod limits;
mod lint;
mod load;
mod medicine;
mod pack;
mod plan;
mod profile;
mod rule;
mod scenario;
mod similar;
mod site;
mod source;
mod suggestion;
mod urgency;
mod vocab;

pub use builder::EngineBuilder;
pub use category::Category;
pub use engine::{Engine, PackInfo};
pub use error::{Error, ErrorKind, ItemKind, Location, Result};
pub use evidence::{Direction, Evidence, Grade};
pub use limits::Limits;
pub use lint::{MAX_NOTE_CHARS, MAX_TITLE_CHARS, Warning};
pub use load::MAX_WEIGHT;
pub use plan::{Plan, Reason, Suggested, Withheld};
pub use profile::{MAX_SEVERITY, Profile, Symptom};
pub use scenario::{Coverage, Expect, Scenario, ScenarioReport, ScenarioResult};
pub use source::Source;
pub use suggestion::{Caution, Details, Suggestion};
pub use urgency::Urgency;
pub use vocab::{VocabKind, Vocabulary};

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
