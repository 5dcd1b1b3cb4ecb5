//! The committed C header is what cbindgen generates from the current source.
//! After changing the C ABI, regenerate it with `SOOTHE_BLESS=1 cargo test -p soothe-ffi --test header`.

use std::path::Path;

#[test]
fn header_is_current() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = cbindgen::Config::from_file(dir.join("cbindgen.toml")).expect("cbindgen.toml");
    let bindings = cbindgen::Builder::new()
        .with_src(dir.join("src/lib.rs"))
        .with_config(config)
        .generate()
        .expect("cbindgen generates the header");
    let mut generated = Vec::new();
    bindings.write(&mut generated);
    let generated = String::from_utf8(generated).expect("UTF-8 header");
    let path = dir.join("include/soothe.h");
    if std::env::var_os("SOOTHE_BLESS").is_some() {
        std::fs::write(&path, &generated).expect("write the header");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "include/soothe.h is out of date: run `SOOTHE_BLESS=1 cargo test -p soothe-ffi --test header`"
    );
}
