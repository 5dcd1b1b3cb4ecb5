//! Speed of the engine: building, evaluating on the built-in and on generated packs, parsing,
//! and serializing a plan. Run with `cargo bench --bench evaluate`; targets are in the README.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../tests/support/generate.rs"]
mod generate;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use soothe::{Engine, EngineBuilder, Profile, Symptom};

fn headline_profiles() -> Vec<(&'static str, Profile)> {
    vec![
        (
            "nocturnal-calf-cramp",
            Profile::new().with_symptom(
                Symptom::new("cramp", "calf")
                    .timing("nocturnal")
                    .severity(6),
            ),
        ),
        (
            "neck-trigger-point",
            Profile::new()
                .with_symptom(Symptom::new("trigger_point", "neck"))
                .with_trigger("poor_posture"),
        ),
        (
            "stress-flare",
            Profile::new()
                .with_symptom(Symptom::new("spasm", "upper_back").severity(5))
                .with_trigger("stress"),
        ),
    ]
}

fn generated(n: usize) -> Engine {
    Engine::builder()
        .limits(generate::limits())
        .add_pack_str("generated.toml", generate::pack(n))
        .build()
        .unwrap()
}

fn build(c: &mut Criterion) {
    c.bench_function("build/builtin", |b| {
        b.iter(|| black_box(Engine::builder().build().unwrap()))
    });
}

fn evaluate_builtin(c: &mut Criterion) {
    let engine = Engine::builder().build().unwrap();
    let mut group = c.benchmark_group("evaluate/builtin");
    for (name, profile) in headline_profiles() {
        group.bench_function(name, |b| {
            b.iter(|| black_box(engine.evaluate(black_box(&profile)).unwrap()))
        });
    }
    group.finish();
}

/// The floor: what any evaluation of the same profile must do. Three id lookups, then a plan
/// of the same size built from borrowed texts (the vectors of reasons, questions, safety-net
/// lines, suggestions with their rules and cautions, and withheld), with the suggestions
/// sorted. `evaluate/builtin` over this is the engine's own work.
fn floor(c: &mut Criterion) {
    let engine = Engine::builtin().unwrap();
    let vocabulary = engine.vocabulary();
    let mut group = c.benchmark_group("floor/builtin");
    for (name, profile) in headline_profiles() {
        let plan = engine.evaluate(&profile).unwrap();
        let sizes: Vec<(usize, usize)> = plan
            .suggestions
            .iter()
            .map(|s| (s.rules.len(), s.cautions.len()))
            .collect();
        let text = plan.suggestions[0].how_to;
        let (reasons, questions, lines, withheld) = (
            plan.reasons.len(),
            plan.questions.len(),
            plan.safety_net.len(),
            plan.withheld.len(),
        );
        let symptom = &profile.symptoms[0];
        group.bench_function(name, |b| {
            b.iter(|| {
                let known = vocabulary.contains(soothe::VocabKind::Kind, &symptom.kind)
                    && vocabulary.contains(soothe::VocabKind::Location, &symptom.location)
                    && vocabulary.contains(soothe::VocabKind::Trigger, "stress");
                let reasons: Vec<(&str, u8)> = (0..reasons).map(|i| (text, i as u8)).collect();
                let questions: Vec<(&str, &str, u8, Vec<&str>)> = (0..questions)
                    .map(|i| (text, text, i as u8, Vec::new()))
                    .collect();
                let lines: Vec<(&str, u8)> = (0..lines).map(|i| (text, i as u8)).collect();
                let mut suggestions: Vec<(u32, &str, Vec<&str>, Vec<&str>)> = sizes
                    .iter()
                    .enumerate()
                    .map(|(i, (r, k))| (i as u32 * 7 % 5, text, vec![text; *r], vec![text; *k]))
                    .collect();
                suggestions.sort_by_key(|s| std::cmp::Reverse(s.0));
                let withheld: Vec<(&str, &str)> = (0..withheld).map(|_| (text, text)).collect();
                black_box((known, reasons, questions, lines, suggestions, withheld))
            })
        });
    }
    group.finish();
}

fn evaluate_generated(c: &mut Criterion) {
    let mut group = c.benchmark_group("evaluate/generated");
    for n in [100, 1_000, 10_000, 100_000] {
        let engine = generated(n);
        let (few, many) = (generate::few(), generate::many());
        group.bench_with_input(BenchmarkId::new("few", n), &few, |b, p| {
            b.iter(|| black_box(engine.evaluate(black_box(p)).unwrap()))
        });
        group.bench_with_input(BenchmarkId::new("many", n), &many, |b, p| {
            b.iter(|| black_box(engine.evaluate(black_box(p)).unwrap()))
        });
    }
    group.finish();
}

fn parse(c: &mut Criterion) {
    let text = generate::standalone_pack(10_000);
    let mut group = c.benchmark_group("parse/10000-rules");
    group.sample_size(10);
    group.bench_function("toml-table-lower-bound", |b| {
        b.iter(|| black_box(toml::from_str::<toml::Table>(black_box(&text)).unwrap()))
    });
    group.bench_function("soothe-parse-validate", |b| {
        b.iter(|| {
            black_box(
                EngineBuilder::empty()
                    .limits(generate::limits())
                    .add_pack_str("generated.toml", black_box(text.as_str()))
                    .build()
                    .unwrap(),
            )
        })
    });
    group.finish();
}

fn serialize(c: &mut Criterion) {
    let engine = Engine::builtin().unwrap();
    let plan = engine.evaluate(&headline_profiles()[0].1).unwrap();
    c.bench_function("serialize/plan-json", |b| {
        b.iter(|| black_box(serde_json::to_string(black_box(&plan)).unwrap()))
    });
}

criterion_group!(
    benches,
    build,
    evaluate_builtin,
    floor,
    evaluate_generated,
    parse,
    serialize
);
criterion_main!(benches);
