//! Issue 13, the cases no fixture file can hold: folders of packs with links, loops, folders
//! and pipes named `*.toml`; reads bounded before and while reading (a 5 GiB sparse file,
//! `/dev/zero`, an endless stream, a named pipe that nobody writes); thousands of packs
//! replacing one red flag; profiles that are not objects or that never end. The pack cases
//! with a golden error are in `tests/fixtures/invalid/`, the profile ones in
//! `tests/fixtures/invalid-profile/`.

#![cfg(test)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use soothe::{Engine, Error, ErrorKind, FileKind, LimitKind, Limits, Profile, Symptom, Urgency};

/// A fresh, empty folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("soothe-hostile-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const GOOD: &str = "[pack]\nid = 'good'\nversion = '1'\nformat = 2\n";

/// Builds the built-in packs plus `dir` in another thread, failing the test if it takes more
/// than 30 seconds (a read that blocks for ever must not hang the test suite).
fn build_dir(dir: &Path) -> Result<Engine, Error> {
    let dir = dir.to_path_buf();
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(Engine::builder().add_pack_path(&dir).build());
    });
    receive
        .recv_timeout(Duration::from_secs(30))
        .expect("loading the folder blocked")
}

fn not_a_file(err: &Error) -> Option<FileKind> {
    match err.kind() {
        ErrorKind::NotAFile { found } => Some(*found),
        _ => None,
    }
}

// ---------------------------------------------------------------- defect 3: no silent skips

#[cfg(unix)]
#[test]
fn a_folder_refuses_every_entry_named_toml_that_is_not_a_pack_file() {
    use std::os::unix::fs::symlink;
    type Setup = fn(&Path);
    let cases: [(&str, Setup, FileKind); 5] = [
        (
            "dangling",
            |d| symlink(d.join("gone.toml"), d.join("clinic.toml")).unwrap(),
            FileKind::DanglingLink,
        ),
        (
            "loop",
            |d| {
                symlink(d.join("b.toml"), d.join("a.toml")).unwrap();
                symlink(d.join("a.toml"), d.join("b.toml")).unwrap();
            },
            FileKind::LinkLoop,
        ),
        (
            "self-loop",
            |d| symlink("clinic.toml", d.join("clinic.toml")).unwrap(),
            FileKind::LinkLoop,
        ),
        (
            "folder",
            |d| std::fs::create_dir(d.join("clinic.toml")).unwrap(),
            FileKind::Directory,
        ),
        (
            "fifo",
            |d| {
                let made = std::process::Command::new("mkfifo")
                    .arg(d.join("clinic.toml"))
                    .status()
                    .unwrap();
                assert!(made.success());
            },
            FileKind::Fifo,
        ),
    ];
    for (name, setup, expected) in cases {
        let dir = scratch(name);
        std::fs::write(dir.join("0-good.toml"), GOOD).unwrap();
        setup(&dir);
        let err = build_dir(&dir).expect_err(name);
        assert_eq!(not_a_file(&err), Some(expected), "{name}: {err}");
        let origin = err.location().unwrap().origin().to_owned();
        assert!(
            origin.ends_with(".toml") && origin.starts_with(dir.to_str().unwrap()),
            "{name}: the error names the entry: {err}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

#[cfg(unix)]
#[test]
fn a_link_to_a_pack_loads_and_other_names_are_not_packs() {
    use std::os::unix::fs::symlink;
    let dir = scratch("link");
    let elsewhere = scratch("link-target");
    std::fs::write(elsewhere.join("real.toml"), GOOD).unwrap();
    symlink(elsewhere.join("real.toml"), dir.join("clinic.toml")).unwrap();
    std::fs::write(dir.join("notes.txt"), "not a pack").unwrap();
    std::fs::create_dir(dir.join("drafts")).unwrap();
    let engine = build_dir(&dir).unwrap();
    assert_eq!(engine.packs().last().unwrap().id, "good");
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::remove_dir_all(&elsewhere).unwrap();
}

// ---------------------------------------------------------------- defect 5: bounded reads

#[test]
fn a_huge_pack_file_is_refused_by_its_size_before_it_is_read() {
    let dir = scratch("huge");
    let path = dir.join("huge.toml");
    // Sparse: 5 GiB that take no disk and would take 5 GB of memory to read.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(5 << 30).unwrap();
    let started = std::time::Instant::now();
    let err = Engine::builder().add_pack_file(&path).build().unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(5), "it was read");
    assert!(
        matches!(
            err.kind(),
            ErrorKind::LimitExceeded {
                limit: LimitKind::PackBytes,
                found,
                ..
            } if *found == 5 << 30
        ),
        "{err}"
    );
    // The same file as a profile.
    let err = Limits::default().read_profile_file(&path).unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::LimitExceeded {
                limit: LimitKind::ProfileBytes,
                ..
            }
        ),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(unix)]
#[test]
fn devices_and_named_pipes_are_refused_without_reading_them() {
    let err = Engine::builder()
        .add_pack_path("/dev/zero")
        .build()
        .unwrap_err();
    assert_eq!(not_a_file(&err), Some(FileKind::Device), "{err}");
    assert_eq!(
        err.to_string(),
        "/dev/zero: cannot read: it is a device, not a regular file"
    );
    let err = Limits::default()
        .read_profile_file("/dev/zero")
        .unwrap_err();
    assert_eq!(not_a_file(&err), Some(FileKind::Device), "{err}");

    let dir = scratch("pipe");
    let fifo = dir.join("pack.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    // Nobody writes to it: opening it would block for ever.
    let err = build_dir(&fifo).unwrap_err();
    assert_eq!(not_a_file(&err), Some(FileKind::Fifo), "{err}");
    let err = Limits::default().read_profile_file(&fifo).unwrap_err();
    assert_eq!(not_a_file(&err), Some(FileKind::Fifo), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Bytes without end: `head`, then `fill` over and over.
struct Endless {
    head: &'static [u8],
    fill: &'static [u8],
    at: usize,
}

impl Read for Endless {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(4096);
        for slot in &mut buf[..n] {
            *slot = match self.head.get(self.at) {
                Some(b) => *b,
                None => self.fill[(self.at - self.head.len()) % self.fill.len()],
            };
            self.at += 1;
        }
        Ok(n)
    }
}

#[test]
fn an_endless_profile_stream_fails_fast_at_the_limit() {
    let endless = Endless {
        head: b"{\"findings\": [",
        fill: b"\"numbness\", ",
        at: 0,
    };
    let err = Limits::default()
        .read_profile("stdin", endless)
        .unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::LimitExceeded {
                limit: LimitKind::ProfileBytes,
                found: 1_048_577,
                max: 1_048_576,
                ..
            }
        ),
        "{err}"
    );
    let limits = Limits::default();
    assert!(limits.check_profile_bytes("body", 1 << 20).is_ok());
    let err = limits
        .check_profile_bytes("body", (1 << 20) + 1)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "body: profile size in bytes is 1048577, over the limit of 1048576"
    );
}

#[test]
fn ten_million_findings_stop_at_the_list_limit_while_reading() {
    // Streamed, never held: the reader stops at the 10,001st entry.
    let endless = Endless {
        head: b"{\"findings\": [",
        fill: b"\"numbness\", ",
        at: 0,
    };
    let mut json = serde_json::Deserializer::from_reader(endless);
    let err = Profile::from_deserializer("stream", &mut json).unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::LimitExceeded {
                limit: LimitKind::ListItems,
                ..
            }
        ),
        "{err}"
    );
}

// ---------------------------------------------------------------- defect 4: not an object

#[test]
fn a_profile_that_is_not_an_object_is_refused() {
    for text in [
        "[{\"kind\": \"cramp\", \"location\": \"calf\"}]",
        "\"cramp\"",
        "42",
        "null",
    ] {
        let mut json = serde_json::Deserializer::from_str(text);
        let err = Profile::from_deserializer("profile.json", &mut json).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::InvalidType { expected, .. } if expected.contains("object")),
            "{text}: {err}"
        );
        assert!(serde_json::from_str::<Profile>(text).is_err(), "{text}");
    }
}

// ---------------------------------------------------------------- defect 6: layering depth

/// Pack `i` of a chain that each raise-or-keep one red flag.
fn replacing_pack(i: usize, text: &str) -> String {
    format!(
        "[pack]\nid = 'p{i}'\nversion = '1'\nformat = 2\n[[red_flag]]\nid = 'new-medication'\nreplaces = true\nurgency = 'routine'\nwhen = {{ finding = ['fever'] }}\ntext = {text:?}\nsafety_net = 'Watch for a fever.'\nsources = ['seeds']\n"
    )
}

#[test]
fn many_packs_replacing_one_red_flag_hit_a_typed_limit() {
    let builtin = Engine::builtin().unwrap();
    let text = builtin
        .red_flag("new-medication")
        .unwrap()
        .text()
        .to_owned();
    let mut builder = Engine::builder();
    for i in 0..17 {
        builder.add_pack_str(format!("p{i}.toml"), replacing_pack(i, &text));
    }
    let err = builder.build().unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::LimitExceeded {
                limit: LimitKind::Replacements,
                found: 17,
                max: 16,
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(err.location().unwrap().origin(), "p16.toml");
}

#[test]
fn twenty_thousand_replacements_keep_the_condition_flat() {
    // Without the limit, each replacement widens the flag: it must not nest a level deeper
    // per pack (that overflowed the stack at tens of thousands of packs).
    let builtin = Engine::builtin().unwrap();
    let text = builtin
        .red_flag("new-medication")
        .unwrap()
        .text()
        .to_owned();
    let limits = Limits {
        max_replacements: usize::MAX,
        ..Limits::default()
    };
    let mut builder = Engine::builder();
    builder.limits(limits);
    for i in 0..20_000 {
        builder.add_pack_str(format!("p{i}.toml"), replacing_pack(i, &text));
    }
    let engine = builder.build().unwrap();
    let flag = engine.red_flag("new-medication").unwrap();
    assert_eq!(flag.defined_by(), "soothe-red-flags");
    assert_eq!(flag.text(), text);
    assert_eq!(flag.pack(), "p19999");
    let plan = engine
        .evaluate(
            &Profile::new()
                .with_symptom(Symptom::new("cramp", "calf"))
                .with_finding("fever"),
        )
        .unwrap();
    assert!(plan.urgency >= Urgency::Routine);
    assert!(
        plan.reasons
            .iter()
            .any(|r| r.red_flag.as_str() == "new-medication")
    );
    drop(engine);
}
