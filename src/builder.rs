//! Loading packs in layers, validating them, and building an [`Engine`].

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::engine::Engine;
use crate::error::{Error, ErrorKind, Location, Result};
use crate::limits::Limits;
use crate::load::Loader;
use crate::similar::nearest;

/// Builds an [`Engine`] from packs, applied in the order they are added.
///
/// A later pack may add vocabulary, sources, suggestions, rules and red flags. It replaces a
/// suggestion, rule or red flag of an earlier pack only when the item says `replaces = true`,
/// and may disable earlier rules by id. It can never remove a red flag or lower its urgency.
/// Files and folders are read when [`build`](EngineBuilder::build) runs; a folder loads its
/// `*.toml` files in name order.
///
/// ```
/// use soothe::{EngineBuilder, Profile, Symptom};
/// let engine = EngineBuilder::new()
///     .builtin()
///     .add_pack_str("clinic.toml", r#"
///         [pack]
///         id = "clinic"
///         version = "1.0.0"
///         format = 1
///
///         [disable]
///         rules = ["nocturnal-leg-cramps"]
///     "#)
///     .build()?;
/// let plan = engine.evaluate(&Profile::new().with_symptom(Symptom::new("cramp", "calf")))?;
/// assert!(plan.suggestions.iter().all(|s| !s.because.iter().any(|b| &**b == "rule: nocturnal-leg-cramps")));
/// # Ok::<(), soothe::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
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
    /// A builder with no packs at all (not even the built-in ones).
    pub fn new() -> EngineBuilder {
        EngineBuilder::default()
    }

    /// Sets the resource limits for the packs added and for the profiles the engine will
    /// evaluate (see [`Limits`] for the defaults).
    #[must_use]
    pub fn limits(mut self, limits: Limits) -> EngineBuilder {
        self.limits = limits;
        self
    }

    /// Adds the built-in packs compiled into the crate.
    #[must_use]
    pub fn builtin(mut self) -> EngineBuilder {
        self.inputs.push(Input::Builtin);
        self
    }

    /// Adds a pack from text; `name` is used in error messages.
    #[must_use]
    pub fn add_pack_str(
        mut self,
        name: impl Into<String>,
        text: impl Into<String>,
    ) -> EngineBuilder {
        self.inputs.push(Input::Text {
            name: Arc::from(name.into()),
            text: text.into(),
        });
        self
    }

    /// Adds a pack file, read when the engine is built.
    #[must_use]
    pub fn add_pack_file(mut self, path: impl AsRef<Path>) -> EngineBuilder {
        self.inputs.push(Input::File(path.as_ref().to_path_buf()));
        self
    }

    /// Adds every `*.toml` file of a folder, in name order, read when the engine is built.
    #[must_use]
    pub fn add_pack_dir(mut self, path: impl AsRef<Path>) -> EngineBuilder {
        self.inputs.push(Input::Dir(path.as_ref().to_path_buf()));
        self
    }

    /// Adds a file or, if `path` is a folder, every `*.toml` file in it.
    #[must_use]
    pub fn add_pack_path(self, path: impl AsRef<Path>) -> EngineBuilder {
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
        let mut loader = Loader::new(self.limits);
        for input in &self.inputs {
            match input {
                Input::Builtin => {
                    // The built-in packs are part of the crate, not input: no limits.
                    loader.limits = Limits::UNLIMITED;
                    for (name, text) in crate::builtin::PACKS {
                        loader.load(Arc::from(*name), text)?;
                    }
                    loader.limits = self.limits;
                }
                Input::Text { name, text } => loader.load(name.clone(), text)?,
                Input::File(path) => {
                    let text = read(path)?;
                    loader.load(Arc::from(path.display().to_string()), &text)?;
                }
                Input::Dir(dir) => {
                    for path in toml_files(dir)? {
                        let text = read(&path)?;
                        loader.load(Arc::from(path.display().to_string()), &text)?;
                    }
                }
            }
        }
        loader.check_pending()?;
        Ok(Engine::from_compiled(loader.finish(), self.limits))
    }
}

fn io_error(path: &Path, err: &std::io::Error) -> Error {
    Error::new(
        ErrorKind::Io {
            message: err.to_string(),
        },
        Some(Location::new(path.display().to_string())),
    )
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| io_error(path, &e))
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

/// Turns a TOML parse or shape error into an [`Error`] at its line and column.
pub(crate) fn toml_error(err: &toml::de::Error, origin: Arc<str>, text: &str) -> Error {
    let message = err.message().trim().replace('\n', " ");
    let location = Location::new(origin);
    let location = match err.span() {
        Some(span) => location.spanning(text, span),
        None => location,
    };
    let kind = match message.strip_prefix("unknown field `") {
        Some(rest) => {
            let mut quoted = rest.split('`').step_by(2);
            let field = quoted.next().unwrap_or_default().to_owned();
            let expected: Vec<&str> = rest.split('`').skip(2).step_by(2).collect();
            ErrorKind::UnknownField {
                suggestion: nearest(&field, expected),
                field,
            }
        }
        None => ErrorKind::Syntax { message },
    };
    Error::new(kind, Some(location))
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

    #[test]
    fn unknown_field_errors_carry_the_field_and_a_suggestion() {
        let text = "[pack]\nid = 'x'\nversoin = '1'\nformat = 1\n";
        let err = toml::from_str::<crate::pack::RawPack>(text).unwrap_err();
        let err = toml_error(&err, "x.toml".into(), text);
        assert_eq!(
            err.kind(),
            &ErrorKind::UnknownField {
                field: "versoin".into(),
                suggestion: Some("version".into())
            }
        );
        assert_eq!(err.location().and_then(|l| l.line()), Some(3));
    }
}
