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
fn the_checks_catch_a_medicine_in_a_plan() {
    // Issue 13: a check that cannot fail is a defect. A plan whose suggestion names one.
    let engine = soothe::Engine::builtin().unwrap();
    let mut plan = engine
        .evaluate(&soothe::Profile::new().with_symptom(soothe::Symptom::new("cramp", "calf")))
        .unwrap();
    plan.suggestions[0].how_to = "Take ibu\u{200B}pr\u{043E}fen400mg.";
    assert!(std::panic::catch_unwind(|| check::check_plan(&plan)).is_err());
}

#[test]
fn the_checks_catch_a_reworded_red_flag() {
    // No pack can load a reworded red flag any more, so the two engines are built from two
    // packs with the same ids and different words.
    let engine = |text: &str| {
        soothe::EngineBuilder::empty()
            .add_pack_str(
                "flags.toml",
                format!("[pack]\nid = 'flags'\nversion = '1'\nformat = 2\n[[source]]\nid = 's'\ncitation = 'c'\n[[vocabulary.finding]]\nid = 'new_medication'\nlabel = 'l'\nquestion = 'q'\n[[red_flag]]\nid = 'new-medication'\nurgency = 'routine'\nwhen = {{ finding = ['new_medication'] }}\ntext = '{text}'\nsafety_net = 's'\nsources = ['s']\n"),
            )
            .build()
            .unwrap()
    };
    let first = engine("Some medicines can cause cramps.");
    check::same_red_flag_words(&first, &first);
    let reworded = engine("All is well.");
    let result = std::panic::catch_unwind(|| check::same_red_flag_words(&first, &reworded));
    assert!(result.is_err());
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
