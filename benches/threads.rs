//! Plans per second on one thread and on two, with one engine shared by both threads, and
//! with an engine each (the no-sharing control), in the same run; the median of paired
//! trials. Run with `cargo bench --bench threads`; the README's Performance section quotes it.
//!
//! A plan borrows its texts from the engine and bumps no shared counter, so two threads on
//! one engine should scale like two threads on two.

#![allow(clippy::unwrap_used, clippy::print_stdout, clippy::indexing_slicing)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use soothe::{Engine, Profile, Symptom};

/// The three headline profiles of the README.
fn profiles() -> Vec<Profile> {
    vec![
        Profile::new().with_symptom(
            Symptom::new("cramp", "calf")
                .timing("nocturnal")
                .severity(6),
        ),
        Profile::new()
            .with_symptom(Symptom::new("trigger_point", "neck"))
            .with_trigger("poor_posture"),
        Profile::new()
            .with_symptom(Symptom::new("spasm", "upper_back").severity(5))
            .with_trigger("stress"),
    ]
}

/// Plans per second over `threads` threads, thread `t` using `engines[t % engines.len()]`,
/// each evaluating `per_thread` plans.
fn rate(engines: &[Engine], threads: usize, per_thread: usize) -> f64 {
    let profiles = profiles();
    let start = Instant::now();
    std::thread::scope(|scope| {
        for t in 0..threads {
            let engine = &engines[t % engines.len()];
            let profiles = &profiles;
            scope.spawn(move || {
                for i in 0..per_thread {
                    black_box(engine.evaluate(&profiles[i % profiles.len()]).unwrap());
                }
            });
        }
    });
    (threads * per_thread) as f64 / start.elapsed().as_secs_f64()
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    let shared = Engine::builtin().unwrap();
    let own = [
        Engine::builder().build().unwrap(),
        Engine::builder().build().unwrap(),
    ];
    // Calibrate: about 0.3 s per single-thread trial.
    let mut per_thread = 1_000;
    while {
        let start = Instant::now();
        rate(std::slice::from_ref(&shared), 1, per_thread);
        start.elapsed() < Duration::from_millis(300)
    } {
        per_thread *= 2;
    }
    let trials = 9;
    let (mut one, mut shared_two, mut own_two) = (Vec::new(), Vec::new(), Vec::new());
    let (mut shared_ratio, mut own_ratio) = (Vec::new(), Vec::new());
    for _ in 0..trials {
        let base = rate(std::slice::from_ref(&shared), 1, per_thread);
        let s = rate(std::slice::from_ref(&shared), 2, per_thread);
        let o = rate(&own, 2, per_thread);
        one.push(base);
        shared_two.push(s);
        own_two.push(o);
        shared_ratio.push(s / base);
        own_ratio.push(o / base);
    }
    println!("threads/1: {:.0} plans/s (median of {trials})", median(one));
    println!(
        "threads/2-shared-engine: {:.0} plans/s, {:.2} x one thread (median of paired trials)",
        median(shared_two),
        median(shared_ratio)
    );
    println!(
        "threads/2-engine-each (control): {:.0} plans/s, {:.2} x one thread",
        median(own_two),
        median(own_ratio)
    );
}
