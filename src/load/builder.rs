//! [`EngineBuilder`]: the packs to load, in order, and the limits to load them under.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::compiled::Engine;
use crate::error::{Error, ErrorKind, Location, Result};
use crate::limits::Limits;
use crate::load::layers::Layers;

/// Builds an [`Engine`] from packs, applied in the order they are added.
///
/// Start from [`Engine::builder`] (the built-in packs, then yours) or from
/// [`EngineBuilder::empty`] (no packs at all, not even the built-in ones). Methods take
/// `&mut self`, so a builder can be filled step by step or in one chain.
///
/// A later pack may add vocabulary, sources, suggestions, rules and red flags. It replaces a
/// suggestion, rule or red flag of an earlier pack only when the item says `replaces = true`,
/// and may disable earlier rules by id. It can never remove a red flag or lower its urgency.
/// Files and folders are read when [`build`](EngineBuilder::build) runs; a folder loads its
/// `*.toml` files in name order.
///
/// ```
/// use soothe::{Engine, Profile, Symptom};
/// let engine = Engine::builder()
///     .add_pack_str("clinic.toml", r#"
///         [pack]
///         id = "clinic"
///         version = "1.0.0"
///         format = 2
///
///         [disable]
///         rules = ["nocturnal-leg-cramps"]
///     "#)
///     .build()?;
/// let plan = engine.evaluate(&Profile::new().with_symptom(Symptom::new("cramp", "calf")))?;
/// assert!(plan.suggestions.iter().all(|s| !s.rules.iter().any(|r| *r == "nocturnal-leg-cramps")));
/// # Ok::<(), soothe::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct EngineBuilder {
    inputs: Vec<Input>,
    limits: Limits,
}

#[derive(Clone, Debug)]
enum Input {
    Builtin,
    Text { name: Arc<str>, text: String },
    File(PathBuf),
    Dir(PathBuf),
}

impl EngineBuilder {
    /// A builder with no packs at all, not even the built-in ones; for hosts that bring
    /// their whole vocabulary and rules. [`Engine::builder`] starts with the built-in packs.
    pub fn empty() -> EngineBuilder {
        EngineBuilder {
            inputs: Vec::new(),
            limits: Limits::default(),
        }
    }

    /// A builder that starts with the built-in packs.
    pub(crate) fn with_builtin() -> EngineBuilder {
        let mut builder = EngineBuilder::empty();
        builder.add_builtin();
        builder
    }

    /// Sets the resource limits for the packs added and for the profiles the engine will
    /// evaluate (see [`Limits`] for the defaults).
    pub fn limits(&mut self, limits: Limits) -> &mut EngineBuilder {
        self.limits = limits;
        self
    }

    /// Adds the built-in packs compiled into the crate (at this point in the order).
    pub fn add_builtin(&mut self) -> &mut EngineBuilder {
        self.inputs.push(Input::Builtin);
        self
    }

    /// Adds a pack from text; `name` is used in error messages.
    pub fn add_pack_str(
        &mut self,
        name: impl Into<String>,
        text: impl Into<String>,
    ) -> &mut EngineBuilder {
        self.inputs.push(Input::Text {
            name: Arc::from(name.into()),
            text: text.into(),
        });
        self
    }

    /// Adds a pack file, read when the engine is built.
    pub fn add_pack_file(&mut self, path: impl AsRef<Path>) -> &mut EngineBuilder {
        self.inputs.push(Input::File(path.as_ref().to_path_buf()));
        self
    }

    /// Adds every `*.toml` file of a folder, in name order, read when the engine is built.
    pub fn add_pack_dir(&mut self, path: impl AsRef<Path>) -> &mut EngineBuilder {
        self.inputs.push(Input::Dir(path.as_ref().to_path_buf()));
        self
    }

    /// Adds a file or, if `path` is a folder, every `*.toml` file in it.
    pub fn add_pack_path(&mut self, path: impl AsRef<Path>) -> &mut EngineBuilder {
        if path.as_ref().is_dir() {
            self.add_pack_dir(path)
        } else {
            self.add_pack_file(path)
        }
    }

    /// Loads, validates and compiles every pack.
    ///
    /// # Errors
    ///
    /// The first problem found, with its pack, line, column and item: malformed TOML, an
    /// unknown field, a duplicate id, a reference to a missing suggestion, source or vocabulary
    /// id, a value outside a closed set, empty text, a number out of range, a pack that lowers
    /// or disables a red flag, or a file that cannot be read. No engine is built if any pack
    /// fails.
    pub fn build(&self) -> Result<Engine> {
        let mut layers = Layers::new(self.limits);
        for input in &self.inputs {
            self.load_input(&mut layers, input)?;
        }
        Ok(Engine::link(layers.finish()?, self.limits))
    }

    fn load_input(&self, layers: &mut Layers, input: &Input) -> Result<()> {
        match input {
            Input::Builtin => {
                // The built-in packs are part of the crate, not input: no limits.
                layers.limits = Limits::UNLIMITED;
                layers.builtin = true;
                for (name, text) in crate::builtin::PACKS {
                    layers.load(Arc::from(*name), text)?;
                }
                layers.builtin = false;
                layers.limits = self.limits;
            }
            Input::Text { name, text } => layers.load(name.clone(), text)?,
            Input::File(path) => load_file(layers, path)?,
            Input::Dir(dir) => {
                for path in toml_files(dir)? {
                    load_file(layers, &path)?;
                }
            }
        }
        Ok(())
    }
}

fn load_file(layers: &mut Layers, path: &Path) -> Result<()> {
    let text = std::fs::read_to_string(path).map_err(|e| io_error(path, &e))?;
    layers.load(Arc::from(path.display().to_string()), &text)
}

fn io_error(path: &Path, err: &std::io::Error) -> Error {
    Error::new(
        ErrorKind::Io {
            message: err.to_string(),
        },
        Some(Location::new(path.display().to_string())),
    )
}

fn toml_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| io_error(dir, &e))? {
        let path = entry.map_err(|e| io_error(dir, &e))?.path();
        if path.extension().is_some_and(|ext| ext == "toml") && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}
