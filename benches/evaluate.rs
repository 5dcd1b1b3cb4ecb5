//! Speed of building the built-in engine and of evaluating the headline profiles.
//!
//! Run with `cargo bench --bench evaluate`.

use criterion::{Criterion, criterion_group, criterion_main};
use soothe::{EngineBuilder, Profile, Symptom};
use std::hint::black_box;

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

fn build(c: &mut Criterion) {
    c.bench_function("build/builtin", |b| {
        b.iter(|| black_box(EngineBuilder::new().builtin().build()))
    });
}

fn evaluate(c: &mut Criterion) {
    let Ok(engine) = EngineBuilder::new().builtin().build() else {
        return;
    };
    let mut group = c.benchmark_group("evaluate/builtin");
    for (name, profile) in headline_profiles() {
        group.bench_function(name, |b| {
            b.iter(|| black_box(engine.evaluate(black_box(&profile))))
        });
    }
    group.finish();
}

criterion_group!(benches, build, evaluate);
criterion_main!(benches);
