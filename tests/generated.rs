//! The benchmark packs load, and the "few" and "many" profiles match what the generator says.

#![cfg(test)]

#[path = "support/generate.rs"]
mod generate;

use soothe::{Engine, EngineBuilder};

#[test]
fn generated_packs_load_alone_and_on_the_builtin_packs() {
    for n in [100, 1_000] {
        let alone = EngineBuilder::empty()
            .limits(generate::limits())
            .add_pack_str("generated.toml", generate::standalone_pack(n))
            .build();
        assert!(alone.is_ok(), "{:?}", alone.err());
        let layered = Engine::builder()
            .limits(generate::limits())
            .add_pack_str("generated.toml", generate::pack(n))
            .build()
            .unwrap();
        assert_eq!(
            layered
                .rules()
                .map(|r| r.id().as_str())
                .filter(|id| id.starts_with("gen-rule-"))
                .count(),
            n
        );
    }
}

#[test]
fn few_and_many_match_the_intended_number_of_rules() {
    let n = 1_000;
    let engine = Engine::builder()
        .limits(generate::limits())
        .add_pack_str("generated.toml", generate::pack(n))
        .build()
        .unwrap();
    let fired = |p: &soothe::Profile| {
        let plan = engine.evaluate(p).unwrap();
        let mut rules: Vec<String> = plan
            .suggestions
            .iter()
            .flat_map(|s| s.rules.iter().map(|r| r.to_string()))
            .collect();
        rules.sort();
        rules.dedup();
        rules.len()
    };
    assert_eq!(fired(&generate::few()), 10);
    // The ten at gen-loc-7, every tenth rule (stress), and the built-in stress-flare rule.
    assert_eq!(fired(&generate::many()), 10 + n / 10 + 1);
}
