//! Heap held by engines and allocations per evaluation, measured with a counting global
//! allocator. Run with `cargo bench --bench memory`; targets are in the README.

#![allow(
    clippy::unwrap_used,
    clippy::print_stdout,
    clippy::print_stderr,
    unsafe_code
)]

#[path = "../tests/support/generate.rs"]
mod generate;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

use soothe::{Engine, EngineBuilder, Profile, Symptom};

/// Counts live bytes and allocation calls.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static CALLS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator and only updates counters.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Relaxed);
        CALLS.fetch_add(1, Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size, Relaxed);
        LIVE.fetch_sub(layout.size(), Relaxed);
        CALLS.fetch_add(1, Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Heap bytes still held after `make` returns its value (which is kept alive).
fn held<T>(make: impl FnOnce() -> T) -> (T, usize) {
    let before = LIVE.load(Relaxed);
    let value = make();
    (value, LIVE.load(Relaxed).saturating_sub(before))
}

fn allocations_per_evaluation(engine: &Engine, profile: &Profile) -> (usize, usize) {
    let plan = engine.evaluate(profile).unwrap();
    let before = CALLS.load(Relaxed);
    let plan_again = engine.evaluate(profile).unwrap();
    let calls = CALLS.load(Relaxed) - before;
    assert_eq!(plan, plan_again);
    (calls, plan.suggestions.len())
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing else of use.
    // The first build also parses and checks the built-in packs once for the process.
    let (_first, first_bytes) = held(|| Engine::builder().build().unwrap());
    let (builtin, builtin_bytes) = held(|| Engine::builder().build().unwrap());
    let start = Instant::now();
    let runs = 50;
    for _ in 0..runs {
        std::hint::black_box(Engine::builder().build().unwrap());
    }
    let build = start.elapsed() / runs;
    let (_big, big_bytes) = held(|| {
        EngineBuilder::empty()
            .limits(generate::limits())
            .add_pack_str("generated.toml", generate::standalone_pack(10_000))
            .build()
            .unwrap()
    });
    println!(
        "heap held by the first built-in engine, with the process's parsed built-in packs: {} bytes ({:.0} KiB)",
        first_bytes,
        first_bytes as f64 / 1024.0
    );
    println!(
        "heap held by each later built-in engine: {} bytes ({:.0} KiB); target <= 512 KiB",
        builtin_bytes,
        builtin_bytes as f64 / 1024.0
    );
    println!(
        "heap held by the 10,000-rule engine: {} bytes ({:.1} MiB)",
        big_bytes,
        big_bytes as f64 / 1048576.0
    );
    println!("build the built-in engine: {build:?} per build (mean of {runs}); target < 2 ms");
    for (name, profile) in [
        (
            "nocturnal calf cramp",
            Profile::new().with_symptom(
                Symptom::new("cramp", "calf")
                    .timing("nocturnal")
                    .severity(6),
            ),
        ),
        ("empty profile", Profile::new()),
    ] {
        let (calls, suggestions) = allocations_per_evaluation(&builtin, &profile);
        println!("allocations per evaluation, {name}: {calls} ({suggestions} suggestions)");
    }
}
