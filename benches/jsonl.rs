//! `suggest --jsonl` throughput: 100,000 generated profiles, one per line, through the same
//! code the example runs, on one thread and on every core. Run with
//! `cargo bench --bench jsonl`; the README's Performance section quotes it.

#![allow(clippy::unwrap_used, clippy::print_stdout, clippy::indexing_slicing)]

#[path = "../examples/support/jsonl.rs"]
mod jsonl;

use std::time::Instant;

use soothe::{Engine, VocabKind};

/// 100,000 one-symptom profiles drawn in turn from the vocabulary, as JSON lines; every
/// 97th line is bad on purpose (an unknown location).
fn input(engine: &Engine) -> String {
    let v = engine.vocabulary();
    let kinds: Vec<&str> = v.ids(VocabKind::Kind).collect();
    let locations: Vec<&str> = v.ids(VocabKind::Location).collect();
    let triggers: Vec<&str> = v.ids(VocabKind::Trigger).collect();
    let mut out = String::with_capacity(100_000 * 120);
    for i in 0..100_000usize {
        let location = if i % 97 == 0 {
            "nowhere"
        } else {
            locations[i % locations.len()]
        };
        out.push_str(&format!(
            "{{\"symptoms\":[{{\"kind\":\"{}\",\"location\":\"{location}\",\"severity\":{}}}],\"triggers\":[\"{}\"]}}\n",
            kinds[i % kinds.len()],
            i % 11,
            triggers[i % triggers.len()],
        ));
    }
    out
}

fn main() {
    let engine = Engine::builtin().unwrap();
    let text = input(&engine);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut rates = Vec::new();
    for threads in [1, cores] {
        let mut best = f64::MAX;
        for _ in 0..3 {
            let mut sink = std::io::sink();
            let start = Instant::now();
            jsonl::run(&engine, &mut text.as_bytes(), &mut sink, threads).unwrap();
            best = best.min(start.elapsed().as_secs_f64());
        }
        let rate = 100_000.0 / best;
        rates.push(rate);
        println!("jsonl/{threads}-thread(s): {rate:.0} plans/s (100,000 profiles, best of 3)");
    }
    println!(
        "jsonl scaling: {:.2} x one thread on {cores} cores",
        rates[1] / rates[0]
    );
}
