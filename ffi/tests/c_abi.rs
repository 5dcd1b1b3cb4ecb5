//! Compiles `tests/c/test.c` with the C compiler against the static library and the committed
//! header, and runs it.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `target/debug` (or the profile directory the tests were built in).
fn profile_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    exe.parent()
        .and_then(Path::parent)
        .expect("target profile directory")
        .to_path_buf()
}

#[test]
fn the_c_test_program_passes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    // `cargo test` builds the library only as an rlib for the tests; build the static
    // library too (a no-op when it is current).
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut build = Command::new(cargo);
    build
        .args(["build", "--quiet", "--lib", "--manifest-path"])
        .arg(dir.join("Cargo.toml"));
    if profile_dir().ends_with("release") {
        build.arg("--release");
    }
    let built = build.status().expect("run cargo");
    assert!(built.success(), "cannot build the static library");
    let lib = profile_dir().join("libsoothe_ffi.a");
    assert!(lib.exists(), "{} was not built", lib.display());
    let exe = profile_dir().join("soothe_c_test");
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".to_owned());
    let status = Command::new(&cc)
        .args(["-std=c99", "-Wall", "-Wextra", "-Werror", "-o"])
        .arg(&exe)
        .arg(dir.join("tests/c/test.c"))
        .arg("-I")
        .arg(dir.join("include"))
        .arg(&lib)
        .args(["-lpthread", "-ldl", "-lm"])
        .status()
        .unwrap_or_else(|e| panic!("cannot run the C compiler `{cc}`: {e}"));
    assert!(status.success(), "the C test program does not compile");
    let output = Command::new(&exe).output().expect("run the C test program");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}{stderr}");
    assert!(stdout.contains("all checks passed"), "{stdout}");
}
