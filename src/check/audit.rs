//! The safety audit: for every suggestion, what withholds it (context ids, findings, red flags)
//! and what only warns, as a Markdown table. `docs/SAFETY-AUDIT.md` is this table for the
//! built-in packs; a test keeps it current (`SOOTHE_BLESS=1` rewrites it).

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::compiled::Engine;
use crate::kinds::VocabKind;
use crate::load::condition::Condition;

/// The ids of `kind` a condition names, as `kind id` labels, with the findings that imply a
/// context id.
fn named(engine: &Engine, when: &Condition, out: &mut BTreeSet<String>) {
    let c = &*engine.compiled;
    for (kind, id) in when.mentions() {
        let Some(name) = c.vocab.name(kind, id) else {
            continue;
        };
        match kind {
            VocabKind::Context => {
                out.insert(format!("context `{name}`"));
                if let Some(term) = c.vocab.term(kind, name) {
                    for finding in term.implied_by() {
                        out.insert(format!("finding `{finding}`"));
                    }
                }
            }
            VocabKind::Finding => {
                out.insert(format!("finding `{name}`"));
            }
            other => {
                out.insert(format!("{} `{name}`", other.noun()));
            }
        }
    }
}

/// The audit table as Markdown.
pub(crate) fn table(engine: &Engine) -> String {
    let c = &*engine.compiled;
    let mut out = String::from(
        "| suggestion | category | withheld by | withheld until seen (red flags) | only warned by |\n|---|---|---|---|---|\n",
    );
    for (position, s) in (0u32..).zip(c.suggestions.iter()) {
        let (mut withheld, mut warned) = (BTreeSet::new(), BTreeSet::new());
        for caution in &s.cautions {
            match (&caution.when, caution.withhold) {
                (Some(when), true) => named(engine, when, &mut withheld),
                (Some(when), false) => named(engine, when, &mut warned),
                (None, _) => {
                    warned.insert("always (shown with it)".to_owned());
                }
            }
        }
        let flags: Vec<String> = c
            .red_flags
            .iter()
            .filter(|f| f.withholds.covers(position, s.category))
            .map(|f| format!("`{}`", f.id))
            .collect();
        let list = |set: &BTreeSet<String>| {
            if set.is_empty() {
                "-".to_owned()
            } else {
                set.iter().cloned().collect::<Vec<_>>().join(", ")
            }
        };
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} |",
            s.id,
            s.category,
            list(&withheld),
            if flags.is_empty() {
                "-".to_owned()
            } else {
                flags.join(", ")
            },
            list(&warned)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "# Safety audit of the built-in packs\n\nFor every suggestion: the context ids and findings whose caution withholds it (a context\nid's `implied_by` findings are listed with it: the same risk, however it was reported), the red\nflags that withhold it until a clinician has seen the person, and what only adds a warning.\nGenerated from the compiled packs by `src/check/audit.rs`; `SOOTHE_BLESS=1 cargo test --lib\naudit` rewrites it.\n\n";

    #[test]
    fn the_audit_in_the_docs_is_current() {
        let engine = Engine::builtin().unwrap();
        let text = format!("{HEAD}{}", table(&engine));
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/SAFETY-AUDIT.md");
        if std::env::var_os("SOOTHE_BLESS").is_some() {
            std::fs::write(path, &text).unwrap();
        }
        let docs = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            docs == text,
            "docs/SAFETY-AUDIT.md is stale: run SOOTHE_BLESS=1 cargo test --lib audit"
        );
    }
}
