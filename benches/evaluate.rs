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
    evaluate_generated,
    parse,
    serialize
);
criterion_main!(benches);
