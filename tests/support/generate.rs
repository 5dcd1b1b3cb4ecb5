//! A deterministic generator of large rule packs, shared by the benchmarks and the tests.
//!
//! A pack of `n` rules adds `n / 10` locations (`gen-loc-0`, ...), 100 suggestions and
//! `n / 100` red flags over its own findings, on top of the built-in packs. Rule `i` fires on a
//! cramp at location `gen-loc-(i % (n / 10))`, so a profile with one generated location matches
//! about 10 rules ("few"); every tenth rule also fires on the `stress` trigger, so a profile
//! with stress matches `n / 10` rules ("many").

#![allow(dead_code)] // each user of this file uses part of it

use soothe::{Profile, Symptom};

/// The text of a generated pack with `n` rules (at least 10), to load after the built-in packs.
pub fn pack(n: usize) -> String {
    generate(n, false)
}

/// The same pack with the vocabulary it borrows from the built-in packs declared, so it loads
/// on its own (for timing the parse and validation of the pack alone).
pub fn standalone_pack(n: usize) -> String {
    generate(n, true)
}

fn generate(n: usize, standalone: bool) -> String {
    let n = n.max(10);
    let locations = n / 10;
    let flags = (n / 100).max(1);
    let mut out = String::with_capacity(n * 160);
    out.push_str("[pack]\nid = \"generated\"\nversion = \"1.0.0\"\nformat = 2\n");
    let term = |out: &mut String, kind: &str, id: &str| {
        out.push_str(&format!(
            "\n[[vocabulary.{kind}]]\nid = \"{id}\"\nlabel = \"{id}\"\n"
        ));
        if kind == "finding" || kind == "context" {
            out.push_str(&format!("question = \"Do you have {id}?\"\n"));
        }
    };
    for l in 0..locations {
        term(&mut out, "location", &format!("gen-loc-{l}"));
    }
    if standalone {
        for (kind, id) in [
            ("kind", "cramp"),
            ("kind", "spasm"),
            ("trigger", "stress"),
            ("context", "pregnancy"),
        ] {
            term(&mut out, kind, id);
        }
    }
    for f in 0..flags {
        term(&mut out, "finding", &format!("gen-finding-{f}"));
    }
    out.push_str("\n[[source]]\nid = \"gen-source\"\ncitation = \"Generated for benchmarks.\"\n");
    for s in 0..100 {
        out.push_str(&format!(
            "\n[[suggestion]]\nid = \"gen-s-{s}\"\ntitle = \"Generated suggestion {s}\"\nhow_to = \"Do thing {s} for 10 minutes.\"\ncategory = \"rest\"\nevidence = {{ grade = \"low\", direction = \"for\", note = \"Generated.\", sources = [\"gen-source\"] }}\n\n[[suggestion.caution]]\nwhen = {{ context = [\"pregnancy\"] }}\ntext = \"Not in pregnancy.\"\n"
        ));
    }
    for i in 0..n {
        let location = i % locations;
        let when = if i % 10 == 0 {
            format!(
                "{{ any = [{{ kind = [\"cramp\"], location = [\"gen-loc-{location}\"] }}, {{ trigger = [\"stress\"] }}] }}"
            )
        } else {
            format!("{{ kind = [\"cramp\", \"spasm\"], location = [\"gen-loc-{location}\"] }}")
        };
        out.push_str(&format!(
            "\n[[rule]]\nid = \"gen-rule-{i}\"\nwhen = {when}\nsuggest = [{{ id = \"gen-s-{}\", weight = {} }}, {{ id = \"gen-s-{}\", weight = 10 }}]\n",
            i % 100,
            1 + i % 500,
            (i * 7 + 3) % 100,
        ));
    }
    for f in 0..flags {
        out.push_str(&format!(
            "\n[[red_flag]]\nid = \"gen-flag-{f}\"\nurgency = \"soon\"\nwhen = {{ finding = [\"gen-finding-{f}\"] }}\ntext = \"See a clinician.\"\nsafety_net = \"Watch for it.\"\nsources = [\"gen-source\"]\n"
        ));
    }
    out
}

/// A profile that matches about ten of the generated rules.
pub fn few() -> Profile {
    Profile::new().with_symptom(Symptom::new("cramp", "gen-loc-7").severity(4))
}

/// A profile that matches a tenth of the generated rules.
pub fn many() -> Profile {
    Profile::new()
        .with_symptom(Symptom::new("cramp", "gen-loc-7").severity(4))
        .with_trigger("stress")
}

/// Limits roomy enough for the largest generated pack.
pub fn limits() -> soothe::Limits {
    soothe::Limits {
        max_pack_bytes: 1 << 30,
        max_items: 10_000_000,
        ..soothe::Limits::default()
    }
}
