//! Golden error files, the toml-rs way: every pack in `tests/fixtures/invalid/` is loaded on
//! top of the built-in packs and must fail; its `.stderr` file holds the exact one-line error
//! (`Error`'s `Display`), a blank line, and what the `check` example prints for it (the
//! caret diagnostic). Every profile in `tests/fixtures/invalid-profile/` must fail the same
//! way: its `.stderr` holds the typed error of `Profile::from_deserializer`, a blank line,
//! and what the `suggest` example prints for `--profile FILE`. A new error case is two
//! files. `SOOTHE_BLESS=1 cargo test --test golden` rewrites the `.stderr` files from the
//! current output.

#![cfg(test)]

#[path = "support/example.rs"]
mod example;

use std::path::{Path, PathBuf};

use soothe::{Engine, Profile};

/// The fixtures with extension `ext`, in name order.
fn fixtures(dir: &str, ext: &str) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    paths.sort();
    paths
}

/// What the fixture's `.stderr` must hold.
fn actual(check: &Path, pack: &Path) -> String {
    let err = Engine::builder().add_pack_file(pack).build().unwrap_err();
    let out = example::run(&check.to_path_buf(), &[pack.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(2), "{}", pack.display());
    format!("{err}\n\n{}", example::stderr(&out))
}

/// What a profile fixture's `.stderr` must hold.
fn actual_profile(suggest: &Path, profile: &Path) -> String {
    let text = std::fs::read_to_string(profile).unwrap();
    let mut json = serde_json::Deserializer::from_str(&text);
    let err = Profile::from_deserializer(profile.to_str().unwrap(), &mut json).unwrap_err();
    let out = example::run(
        &suggest.to_path_buf(),
        &["--profile", profile.to_str().unwrap()],
        "",
    );
    assert_eq!(out.status.code(), Some(2), "{}", profile.display());
    format!("{err}\n\n{}", example::stderr(&out))
}

#[test]
fn every_invalid_pack_fails_with_its_golden_error() {
    let check = example::binary("check");
    let paths = fixtures("tests/fixtures/invalid", "toml");
    assert!(paths.len() >= 16, "only {} fixtures", paths.len());
    compare(paths, |pack| actual(&check, pack));
}

#[test]
fn every_invalid_profile_fails_with_its_golden_error() {
    let suggest = example::binary("suggest");
    let paths = fixtures("tests/fixtures/invalid-profile", "json");
    assert!(paths.len() >= 3, "only {} fixtures", paths.len());
    compare(paths, |profile| actual_profile(&suggest, profile));
}

/// Compares (or with `SOOTHE_BLESS`, writes) each fixture's `.stderr` with `actual`.
fn compare(paths: Vec<PathBuf>, actual: impl Fn(&Path) -> String) {
    let bless = std::env::var_os("SOOTHE_BLESS").is_some();
    let mut failures = Vec::new();
    for pack in paths {
        let golden = pack.with_extension("stderr");
        let actual = actual(&pack);
        if bless {
            std::fs::write(&golden, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&golden).unwrap_or_default();
        if expected != actual {
            failures.push(format!(
                "{}:\n--- expected\n{expected}--- actual\n{actual}",
                golden.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} golden files differ (SOOTHE_BLESS=1 to accept):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
