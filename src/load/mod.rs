//! The `load` stage: check each pack's items, then layer them over the packs before it.
//!
//! ```text
//! text ─pack::parse─▶ RawPack ─check::*─▶ checked items ─Table::layer─▶ Layers ─finish─▶ compiled
//! ```
//!
//! A pack is checked whole against itself and the packs before it; the first problem stops
//! the build with an error naming the pack, line, column and item. `EngineBuilder` gathers
//! the packs (built in, text, files, folders) and hands the layers to the `compiled` stage.

pub(crate) mod builder;
pub(crate) mod check;
pub(crate) mod condition;
pub(crate) mod items;
pub(crate) mod layer;
pub(crate) mod layers;
pub(crate) mod scenario;
pub(crate) mod site;
pub(crate) mod vocabulary;
