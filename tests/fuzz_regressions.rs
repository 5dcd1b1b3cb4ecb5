//! Replays the fuzz seed corpus and every input the fuzzers ever flagged through the same
//! checks the fuzz targets run (`fuzz/src/check.rs`), so a fixed crash stays fixed.

#![cfg(test)]

#[path = "../fuzz/src/check.rs"]
mod check;

use std::path::Path;

fn replay(folder: &str, target: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(folder);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return 0;
    };
    let mut files: Vec<_> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    for file in &files {
        let data = std::fs::read(file).unwrap();
        let result = std::panic::catch_unwind(|| target(&data));
        assert!(result.is_ok(), "{} fails", file.display());
    }
    files.len()
}

#[test]
fn pack_text_inputs() {
    let n = replay("seeds/pack_text", check::pack_text)
        + replay("regressions/pack_text", check::pack_text);
    assert!(n >= 7, "only {n} inputs: run fuzz/seed.sh");
}

#[test]
fn profile_json_inputs() {
    let n = replay("seeds/profile_json", check::profile_json)
        + replay("regressions/profile_json", check::profile_json);
    assert!(n >= 60, "only {n} inputs: run fuzz/seed.sh");
}

#[test]
fn pack_and_profile_inputs() {
    let n = replay("seeds/pack_and_profile", check::pack_and_profile)
        + replay("regressions/pack_and_profile", check::pack_and_profile);
    assert!(n >= 10, "only {n} inputs: run fuzz/seed.sh");
}

#[test]
fn the_checks_catch_a_broken_plan() {
    // A check that cannot fail is a defect: a plan that says emergency but shows self-care.
    let engine = soothe::Engine::builtin().unwrap();
    let mut plan = engine
        .evaluate(&soothe::Profile::new().with_symptom(soothe::Symptom::new("cramp", "calf")))
        .unwrap();
    plan.urgency = soothe::Urgency::Emergency;
    plan.see_clinician = true;
    assert!(std::panic::catch_unwind(|| check::check_plan(&plan)).is_err());
}
