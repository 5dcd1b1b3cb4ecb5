//! The shape of the code, checked: modules import one way (the only cycle is
//! `Engine::builder()` in `compiled` ↔ `EngineBuilder` in `load::builder`), and no function in
//! `src/` is longer than 80 lines.

#![cfg(test)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `src/`, with its module path (`load::check`, `""` for lib.rs).
fn modules() -> BTreeMap<String, PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(Path::new("src"), &mut files);
    files
        .into_iter()
        .map(|path| {
            let relative = path.strip_prefix("src").unwrap().with_extension("");
            let mut parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
                parts.pop();
            }
            (parts.join("::"), path)
        })
        .collect()
}

/// The `a::b::c` paths written after `crate::` in `text`, with `{...}` groups expanded.
fn crate_paths(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("crate::") {
        let tail = &rest[at + "crate::".len()..];
        expand("", tail, &mut out);
        rest = tail;
    }
    out
}

/// Reads a path (and a brace group after it) from the start of `text`.
fn expand(prefix: &str, text: &str, out: &mut Vec<String>) {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .unwrap_or(text.len());
    let path = format!("{prefix}{}", &text[..end]);
    if text[end..].starts_with('{') && path.ends_with("::") {
        let group = &text[end + 1..];
        let mut depth = 0;
        let mut start = 0;
        for (i, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    expand(&path, group[start..i].trim(), out);
                    return;
                }
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand(&path, group[start..i].trim(), out);
                    start = i + 1;
                }
                _ => {}
            }
        }
    } else {
        out.push(path.trim_end_matches("::").to_owned());
    }
}

/// Paths relative to a folder module (`use child::X` in a `mod.rs`).
fn child_paths(module: &str, text: &str, children: &BTreeSet<String>) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim_start();
        let Some(rest) = line.strip_prefix("use ").or(line.strip_prefix("pub use ")) else {
            continue;
        };
        let first = rest.split("::").next().unwrap_or_default();
        if children.contains(first) {
            let mut found = Vec::new();
            expand("", rest, &mut found);
            out.extend(found.into_iter().map(|p| format!("{module}::{p}")));
        }
    }
    out
}

/// The module a path points into: its longest prefix that is a module file.
fn resolve<'a>(path: &str, modules: &'a BTreeMap<String, PathBuf>) -> Option<&'a str> {
    let parts: Vec<&str> = path.split("::").filter(|p| !p.is_empty()).collect();
    (1..=parts.len()).rev().find_map(|n| {
        let prefix = parts[..n].join("::");
        modules.get_key_value(&prefix).map(|(k, _)| k.as_str())
    })
}

/// Module → the modules it imports (not counting itself or the crate root).
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules();
    let mut graph = BTreeMap::new();
    for (module, path) in &modules {
        let text = std::fs::read_to_string(path).unwrap();
        let children: BTreeSet<String> = modules
            .keys()
            .filter_map(|m| {
                let rest = if module.is_empty() {
                    Some(m.as_str())
                } else {
                    m.strip_prefix(&format!("{module}::"))
                };
                rest.filter(|r| !r.is_empty() && !r.contains("::"))
                    .map(str::to_owned)
            })
            .collect();
        let mut paths = crate_paths(&text);
        paths.extend(child_paths(module, &text, &children));
        let edges: BTreeSet<String> = paths
            .iter()
            .filter_map(|p| resolve(p, &modules))
            .filter(|target| target != module && !target.is_empty())
            .map(str::to_owned)
            .collect();
        if !module.is_empty() {
            graph.insert(module.clone(), edges);
        }
    }
    graph
}

/// The strongly connected components with more than one module (Tarjan's algorithm).
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<BTreeSet<String>> {
    struct State<'a> {
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        out: Vec<BTreeSet<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in s.graph.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = BTreeSet::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.insert(w.to_owned());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                s.out.push(component);
            }
        }
    }
    let mut state = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !state.index.contains_key(v.as_str()) {
            visit(&mut state, v);
        }
    }
    state.out
}

#[test]
fn the_only_import_cycle_is_the_engine_and_its_builder() {
    let graph = graph();
    let found = cycles(&graph);
    let allowed: BTreeSet<String> = ["compiled", "load::builder"]
        .map(str::to_owned)
        .into_iter()
        .collect();
    assert_eq!(found, vec![allowed], "import cycles: {found:#?}");
}

#[test]
fn stages_import_only_the_stages_before_them() {
    const STAGES: [&str; 5] = ["pack", "load", "compiled", "eval", "check"];
    let rank = |module: &str| {
        let top = module.split("::").next().unwrap_or_default();
        STAGES.iter().position(|s| *s == top)
    };
    let mut wrong = Vec::new();
    for (module, imports) in graph() {
        for target in imports {
            let back = match (rank(&module), rank(&target)) {
                (Some(from), Some(to)) => to > from,
                (None, Some(_)) => module != "cds", // shared modules sit below every stage
                _ => false,
            };
            let allowed = module == "load::builder" && target == "compiled";
            if back && !allowed {
                wrong.push(format!("{module} imports {target}"));
            }
        }
    }
    assert!(wrong.is_empty(), "imports against the pipeline: {wrong:#?}");
}

#[test]
fn the_checker_finds_a_cycle() {
    // A test that cannot fail is a defect.
    let graph: BTreeMap<String, BTreeSet<String>> = [("a", "b"), ("b", "c"), ("c", "a")]
        .into_iter()
        .map(|(from, to)| (from.to_owned(), [to.to_owned()].into_iter().collect()))
        .collect();
    assert_eq!(cycles(&graph).len(), 1);
    assert_eq!(
        crate_paths("use crate::load::{items::Rule, layer::{Table, x}};"),
        ["load::items::Rule", "load::layer::Table", "load::layer::x"]
    );
}

#[test]
fn no_function_in_src_is_longer_than_80_lines() {
    let mut long = Vec::new();
    for path in modules().values() {
        let text = std::fs::read_to_string(path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (start, line) in lines.iter().enumerate() {
            let trimmed = line.trim_start();
            let is_fn = [
                "fn ",
                "pub fn ",
                "pub(crate) fn ",
                "const fn ",
                "pub const fn ",
            ]
            .iter()
            .any(|p| trimmed.starts_with(p));
            if !is_fn || trimmed.ends_with(';') {
                continue;
            }
            let indent = line.len() - trimmed.len();
            let end_line = format!("{}}}", " ".repeat(indent));
            let length = lines[start..]
                .iter()
                .position(|l| *l == end_line)
                .map_or(1, |n| n + 1);
            if length > 80 {
                long.push(format!("{}:{}: {length} lines", path.display(), start + 1));
            }
        }
    }
    assert!(long.is_empty(), "functions over 80 lines: {long:#?}");
}
