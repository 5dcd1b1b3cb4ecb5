//! The `compiled` stage: the layered items of every pack, linked for evaluation.
//!
//! ```text
//! Layers ─link─▶ Compiled { tables, vocabulary, indexes } ─Arc─▶ Engine
//! ```
//!
//! [`Engine`] is a cheap handle on the compiled data; evaluating (`eval`) and checking
//! (`check`) borrow it.

pub(crate) mod index;
pub(crate) mod links;

use std::sync::{Arc, OnceLock};

use crate::error::Result;
use crate::limits::Limits;
use crate::load::builder::EngineBuilder;
use crate::load::items::{PackInfo, RedFlag, Rule, Source, Suggestion};
use crate::load::layer::Table;
use crate::load::layers::Layers;
use crate::load::scenario::Scenario;
use crate::load::vocabulary::Vocabulary;

use index::Index;

/// Everything the packs defined, checked, layered and indexed.
#[derive(Debug)]
pub(crate) struct Compiled {
    pub vocab: Vocabulary,
    pub sources: Table<Source>,
    pub suggestions: Table<Suggestion>,
    pub rules: Table<Rule>,
    pub rule_index: Index,
    pub red_flags: Table<RedFlag>,
    pub red_flag_index: Index,
    /// What the plan's questions and safety net need, worked out once.
    pub links: links::Links,
    pub packs: Vec<PackInfo>,
    pub scenarios: Vec<Scenario>,
}

/// A compiled rule engine: evaluates profiles into plans.
///
/// An engine is immutable, `Send + Sync`, and cheap to clone (it shares its data), so one
/// engine can serve every thread of an app. A plan borrows from the engine that made it.
///
/// ```
/// use soothe::{Engine, Profile, Symptom, Urgency};
/// let engine = Engine::builtin()?;
/// let plan = engine.evaluate(
///     &Profile::new().with_symptom(Symptom::new("cramp", "calf").timing("nocturnal")),
/// )?;
/// assert_eq!(plan.urgency, Urgency::None);
/// assert_eq!(plan.suggestions[0].id, "calf-stretch-before-bed");
/// # Ok::<(), soothe::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Engine {
    pub(crate) compiled: Arc<Compiled>,
    limits: Limits,
}

impl Engine {
    /// Links the layers of every pack into an engine.
    pub(crate) fn link(layers: Layers, limits: Limits) -> Engine {
        let compiled = Compiled {
            rule_index: Index::new(layers.rules.iter().map(|r| &r.when)),
            red_flag_index: Index::new(layers.red_flags.iter().map(|f| &f.when)),
            links: links::Links::new(&layers),
            vocab: layers.vocab,
            sources: layers.sources,
            suggestions: layers.suggestions,
            rules: layers.rules,
            red_flags: layers.red_flags,
            packs: layers.packs,
            scenarios: layers.scenarios,
        };
        Engine {
            compiled: Arc::new(compiled),
            limits,
        }
    }

    /// The engine over the built-in packs, built once and shared.
    ///
    /// # Errors
    ///
    /// Only if the built-in packs were broken when the crate was built; the crate's tests
    /// rule that out.
    pub fn builtin() -> Result<Engine> {
        static BUILTIN: OnceLock<Result<Engine>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| EngineBuilder::with_builtin().build())
            .clone()
    }

    /// A builder that starts with the built-in packs; add your own packs after them.
    /// ([`EngineBuilder::empty`] starts with none.)
    pub fn builder() -> EngineBuilder {
        EngineBuilder::with_builtin()
    }

    /// The limits this engine was built with; they also bound the profiles it evaluates.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The vocabulary of the loaded packs.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.compiled.vocab
    }

    /// The suggestion with this id.
    pub fn suggestion(&self, id: &str) -> Option<&Suggestion> {
        self.compiled.suggestions.get(id)
    }

    /// Every suggestion, in the order the packs defined them.
    pub fn suggestions(&self) -> impl Iterator<Item = &Suggestion> {
        self.compiled.suggestions.iter()
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.compiled.sources.get(id)
    }

    /// Every source, in the order the packs defined them.
    pub fn sources(&self) -> impl Iterator<Item = &Source> {
        self.compiled.sources.iter()
    }

    /// The enabled rules, in load order.
    pub fn rules(&self) -> impl Iterator<Item = &Rule> {
        self.compiled.rules.iter()
    }

    /// The red flags, in load order.
    pub fn red_flags(&self) -> impl Iterator<Item = &RedFlag> {
        self.compiled.red_flags.iter()
    }

    /// The red flag with this id.
    pub fn red_flag(&self, id: &str) -> Option<&RedFlag> {
        self.compiled.red_flags.get(id)
    }

    /// The scenarios of the loaded packs, in load order.
    pub fn scenarios(&self) -> &[Scenario] {
        &self.compiled.scenarios
    }

    /// The packs that were loaded, in order.
    pub fn packs(&self) -> &[PackInfo] {
        &self.compiled.packs
    }
}
