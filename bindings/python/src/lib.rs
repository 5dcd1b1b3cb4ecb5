//! `soothe._soothe`: the Rust half of the Python package `soothe` (PyO3, abi3). The Python
//! half (`python/soothe/__init__.py`) re-exports [`Engine`] and defines the exceptions
//! (`soothe._errors`) that errors here are raised as.
//!
//! Profiles come in as dicts (read by `pythonize` with the core's strict `Deserialize`, so
//! errors name the field path) or JSON strings; plans go out as dicts, built from the plan's
//! `Serialize` by [`to_py`], which shares one Python string per distinct text. `evaluate_many`
//! releases the GIL and splits the batch across threads (parsing JSON input, evaluating, and
//! writing JSON output there); only reading dicts in and building dicts out holds it.

use std::num::NonZeroUsize;
use std::path::PathBuf;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};
use pythonize::{Depythonizer, pythonize};
use serde_json::Value;
use soothe::{Plan, Profile};

mod to_py;
use to_py::Strings;

#[path = "../../../ffi/src/error_json.rs"]
mod error_json;

/// Which exception class of `soothe._errors` an error is raised as.
#[derive(Clone, Copy)]
enum Class {
    Profile,
    Pack,
}

/// Raises `error` (the JSON of `error_json`) as `soothe.ProfileError` or `soothe.PackError`.
fn raise(py: Python<'_>, class: Class, error: &Value) -> PyErr {
    let name = match class {
        Class::Profile => "ProfileError",
        Class::Pack => "PackError",
    };
    let made = (|| -> PyResult<PyErr> {
        let cls = py.import("soothe._errors")?.getattr(name)?;
        let instance = cls.call1((pythonize(py, error)?,))?;
        Ok(PyErr::from_value(instance))
    })();
    made.unwrap_or_else(|e| e)
}

fn soothe_error(py: Python<'_>, class: Class, err: &soothe::Error) -> PyErr {
    raise(py, class, &error_json::error(err))
}

/// A profile as the host gave it: parsed already (a dict), or JSON text to parse off the GIL.
enum Input {
    Parsed(Result<Profile, Value>),
    Json(String),
}

/// Reads a profile from JSON text, with typed errors (origin `profile`).
fn from_json(text: &str) -> Result<Profile, Value> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let profile = Profile::from_deserializer("profile", &mut deserializer)
        .map_err(|e| error_json::error(&e))?;
    deserializer.end().map_err(|e| {
        let mut value = error_json::other("syntax", &format!("profile: {e}"));
        value["location"] = serde_json::json!({"origin": "profile", "line": e.line(),
            "column": e.column(), "field": null, "item": null});
        value
    })?;
    Ok(profile)
}

/// Reads a profile from a dict (any mapping) with the core's strict reader.
fn from_object(object: &Bound<'_, PyAny>) -> Result<Profile, Value> {
    let mut deserializer = Depythonizer::from_object(object);
    Profile::from_deserializer("profile", &mut deserializer).map_err(|e| error_json::error(&e))
}

/// Takes a profile argument: JSON text is copied out to be parsed later, anything else is
/// read now (it needs the GIL).
fn input(object: &Bound<'_, PyAny>) -> PyResult<Input> {
    if let Ok(text) = object.cast::<PyString>() {
        return Ok(Input::Json(text.to_str()?.to_owned()));
    }
    Ok(Input::Parsed(from_object(object)))
}

/// Evaluates one input to its plan.
fn evaluate_one<'e>(engine: &'e soothe::Engine, input: Input) -> Result<Plan<'e>, Value> {
    let profile = match input {
        Input::Parsed(parsed) => parsed?,
        Input::Json(text) => from_json(&text)?,
    };
    engine.evaluate(&profile).map_err(|e| error_json::error(&e))
}

/// Evaluates one input to the plan's JSON text.
fn evaluate_json(engine: &soothe::Engine, input: Input) -> Result<String, Value> {
    let plan = evaluate_one(engine, input)?;
    serde_json::to_string(&plan).map_err(|e| error_json::other("internal", &e.to_string()))
}

/// Runs `each` over `inputs` on up to `threads` threads, contiguous chunks each, results in
/// order.
fn evaluate_parallel<'e, T, F>(
    engine: &'e soothe::Engine,
    inputs: Vec<Input>,
    threads: usize,
    each: F,
) -> Vec<Result<T, Value>>
where
    T: Send,
    F: Fn(&'e soothe::Engine, Input) -> Result<T, Value> + Sync,
{
    let threads = threads.clamp(1, inputs.len().max(1));
    if threads == 1 {
        return inputs.into_iter().map(|i| each(engine, i)).collect();
    }
    let chunk = inputs.len().div_ceil(threads);
    let mut chunks: Vec<Vec<Input>> = Vec::with_capacity(threads);
    let mut rest = inputs.into_iter();
    loop {
        let part: Vec<Input> = rest.by_ref().take(chunk).collect();
        if part.is_empty() {
            break;
        }
        chunks.push(part);
    }
    let each = &each;
    std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|part| {
                scope.spawn(move || {
                    part.into_iter()
                        .map(|i| each(engine, i))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join().unwrap_or_else(|_| {
                    vec![Err(error_json::other(
                        "internal",
                        "a worker thread panicked",
                    ))]
                })
            })
            .collect()
    })
}

/// Pauses Python's cyclic garbage collector while a batch of plans is built: the dicts and
/// lists of a plan hold no cycles, and collecting while tens of thousands of them are made
/// would only scan them again and again (it halves the time). The collector is re-enabled on
/// drop, whatever happened, if it was enabled before.
struct GcPause<'py> {
    gc: Option<Bound<'py, PyModule>>,
}

impl<'py> GcPause<'py> {
    fn new(py: Python<'py>) -> PyResult<GcPause<'py>> {
        let gc = py.import("gc")?;
        if !gc.call_method0("isenabled")?.is_truthy()? {
            return Ok(GcPause { gc: None });
        }
        gc.call_method0("disable")?;
        Ok(GcPause { gc: Some(gc) })
    }
}

impl Drop for GcPause<'_> {
    fn drop(&mut self) {
        if let Some(gc) = &self.gc {
            // Nothing sensible to do if re-enabling fails; Python reports it as unraisable.
            if let Err(e) = gc.call_method0("enable") {
                e.write_unraisable(gc.py(), None);
            }
        }
    }
}

/// A rule engine over the built-in packs and, optionally, packs of your own.
///
/// `Engine(packs=[(name, text), ...])` adds pack texts after the built-in packs;
/// `Engine.builtin()` is the built-in packs alone (built once and shared);
/// `Engine.from_paths([...])` adds pack files and folders of packs.
#[pyclass(frozen, module = "soothe._soothe")]
struct Engine {
    engine: soothe::Engine,
}

#[pymethods]
impl Engine {
    #[new]
    #[pyo3(signature = (packs = None))]
    fn new(py: Python<'_>, packs: Option<Vec<(String, String)>>) -> PyResult<Engine> {
        let mut builder = soothe::Engine::builder();
        for (name, text) in packs.unwrap_or_default() {
            builder.add_pack_str(name, text);
        }
        let engine = py
            .detach(|| builder.build())
            .map_err(|e| soothe_error(py, Class::Pack, &e))?;
        Ok(Engine { engine })
    }

    /// The engine over the built-in packs.
    #[staticmethod]
    fn builtin(py: Python<'_>) -> PyResult<Engine> {
        let engine = soothe::Engine::builtin().map_err(|e| soothe_error(py, Class::Pack, &e))?;
        Ok(Engine { engine })
    }

    /// The built-in packs, then each path: a pack file, or every `*.toml` in a folder.
    #[staticmethod]
    fn from_paths(py: Python<'_>, paths: Vec<PathBuf>) -> PyResult<Engine> {
        let mut builder = soothe::Engine::builder();
        for path in paths {
            builder.add_pack_path(path);
        }
        let engine = py
            .detach(|| builder.build())
            .map_err(|e| soothe_error(py, Class::Pack, &e))?;
        Ok(Engine { engine })
    }

    /// The plan for one profile (a dict or a JSON string), as a dict.
    fn evaluate<'py>(
        &self,
        py: Python<'py>,
        profile: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let profile = self.profile(py, profile)?;
        let plan = self
            .engine
            .evaluate(&profile)
            .map_err(|e| soothe_error(py, Class::Profile, &e))?;
        Strings::new(py).object(&plan)
    }

    /// The plans for many profiles, one dict per profile in order; a bad profile gives
    /// `{"error": {"kind", "message", "field", ...}}` and never stops the others. Runs with
    /// the GIL released on `threads` threads (default: every core). With `as_json=True`,
    /// each entry is the JSON text instead of a dict.
    #[pyo3(signature = (profiles, *, threads = None, as_json = false))]
    fn evaluate_many<'py>(
        &self,
        py: Python<'py>,
        profiles: &Bound<'py, PyAny>,
        threads: Option<usize>,
        as_json: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let mut inputs = Vec::with_capacity(profiles.len().unwrap_or(0));
        for profile in profiles.try_iter()? {
            inputs.push(input(&profile?)?);
        }
        let threads = match threads {
            Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
            Some(n) => n,
            None => std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
        };
        let engine = &self.engine;
        let out = PyList::empty(py);
        if as_json {
            let outcomes = py.detach(|| evaluate_parallel(engine, inputs, threads, evaluate_json));
            for outcome in outcomes {
                match outcome {
                    Ok(json) => out.append(json)?,
                    Err(error) => out.append(serde_json::json!({ "error": error }).to_string())?,
                }
            }
        } else {
            let outcomes = py.detach(|| evaluate_parallel(engine, inputs, threads, evaluate_one));
            let _paused = GcPause::new(py)?;
            let mut strings = Strings::new(py);
            for outcome in outcomes {
                match outcome {
                    Ok(plan) => out.append(strings.object(&plan)?)?,
                    Err(error) => {
                        out.append(strings.object(&serde_json::json!({ "error": error }))?)?
                    }
                }
            }
        }
        Ok(out)
    }

    /// The questions the plan for this profile asks next (the plan's `questions`).
    fn questions<'py>(
        &self,
        py: Python<'py>,
        profile: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let profile = self.profile(py, profile)?;
        let plan = self
            .engine
            .evaluate(&profile)
            .map_err(|e| soothe_error(py, Class::Profile, &e))?;
        Strings::new(py).object(&plan.questions)
    }

    /// The vocabulary: every id with its label, and for findings and context its question.
    fn vocabulary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Strings::new(py).object(self.engine.vocabulary())
    }

    /// The loaded packs, in order: `{"id", "version", "origin", "fingerprint"}`.
    #[getter]
    fn packs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let packs: Vec<Value> = self
            .engine
            .packs()
            .iter()
            .map(|p| {
                serde_json::json!({"id": p.id, "version": p.version, "origin": p.origin,
                    "fingerprint": p.fingerprint})
            })
            .collect();
        Ok(pythonize(py, &packs)?)
    }

    fn __repr__(&self) -> String {
        let packs: Vec<&str> = self.engine.packs().iter().map(|p| p.id.as_str()).collect();
        format!("<soothe.Engine packs={packs:?}>")
    }
}

impl Engine {
    /// Reads a profile argument, raising `ProfileError` when it is bad.
    fn profile(&self, py: Python<'_>, object: &Bound<'_, PyAny>) -> PyResult<Profile> {
        let parsed = match input(object)? {
            Input::Parsed(parsed) => parsed,
            Input::Json(text) => from_json(&text),
        };
        parsed.map_err(|error| raise(py, Class::Profile, &error))
    }
}

#[pymodule]
fn _soothe(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Engine>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
