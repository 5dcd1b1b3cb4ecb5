//! JSON Lines: one profile per input line, one plan (or `{"error": {...}}`) per output line,
//! in order, evaluated on every core in chunks, so memory stays bounded for any input length:
//! a chunk holds at most [`CHUNK`] lines and [`CHUNK_BYTES`] of text, and no line is kept
//! past the engine's profile size limit ([`Limits::max_profile_bytes`], 1 MiB by default).
//!
//! [`Limits::max_profile_bytes`]: soothe::Limits::max_profile_bytes

use std::io::{BufRead, Read, Write};
use std::sync::atomic::{AtomicUsize, Ordering};

use soothe::{Engine, Error, Profile};

/// The most lines read and evaluated together; each thread takes a contiguous share.
const CHUNK: usize = 4096;
/// A chunk ends once its lines hold this many bytes.
const CHUNK_BYTES: usize = 16 << 20;

/// One input line: its number (from 1) and what it held.
type Line = (usize, Text);

/// What an input line held.
enum Text {
    /// The trimmed text of the line.
    Json(String),
    /// More bytes than the profile size limit (the rest of the line was skipped).
    TooLong(usize),
    /// Bytes that are not UTF-8.
    NotUtf8,
}

/// Reads `input` to the end, writing one line per non-blank input line.
pub fn run(
    engine: &Engine,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    threads: usize,
) -> std::io::Result<()> {
    let mut number = 0;
    let max_line = engine.limits().max_profile_bytes;
    loop {
        let chunk = read_chunk(input, &mut number, max_line)?;
        if chunk.is_empty() {
            return Ok(());
        }
        for batch in evaluate_chunk(engine, &chunk, threads.max(1)) {
            out.write_all(&batch)?;
        }
    }
}

/// Up to [`CHUNK`] non-blank lines, ending early once they hold [`CHUNK_BYTES`].
fn read_chunk(
    input: &mut dyn BufRead,
    number: &mut usize,
    max_line: usize,
) -> std::io::Result<Vec<Line>> {
    let mut chunk = Vec::with_capacity(CHUNK);
    let mut bytes = 0;
    let mut buf = Vec::new();
    while chunk.len() < CHUNK && bytes < CHUNK_BYTES {
        buf.clear();
        let cap = u64::try_from(max_line.saturating_add(1)).unwrap_or(u64::MAX);
        let read = (&mut *input).take(cap).read_until(b'\n', &mut buf)?;
        if read == 0 {
            break;
        }
        *number += 1;
        bytes += buf.len();
        let too_long = buf.len() > max_line && !buf.ends_with(b"\n");
        if too_long {
            skip_line(input)?;
            chunk.push((*number, Text::TooLong(max_line)));
            continue;
        }
        let text = match std::str::from_utf8(&buf) {
            Ok(text) => text.trim(),
            Err(_) => {
                chunk.push((*number, Text::NotUtf8));
                continue;
            }
        };
        if !text.is_empty() {
            chunk.push((*number, Text::Json(text.to_owned())));
        }
    }
    Ok(chunk)
}

/// Consumes the rest of a line that was too long.
fn skip_line(input: &mut dyn BufRead) -> std::io::Result<()> {
    loop {
        let (done, used) = {
            let available = input.fill_buf()?;
            match available.iter().position(|b| *b == b'\n') {
                Some(i) => (true, i + 1),
                None => (available.is_empty(), available.len()),
            }
        };
        input.consume(used);
        if done {
            return Ok(());
        }
    }
}

/// How many lines a thread takes at a time: small enough that the threads finish a chunk
/// together (plans differ in cost), large enough that taking them costs nothing.
const BATCH: usize = 32;

/// The output of a chunk, in order, in batches of [`BATCH`] lines each ending in a newline.
/// The threads take the next batch from a shared counter until none are left, so no thread
/// idles while another has work; each batch's lines go into one buffer.
fn evaluate_chunk(engine: &Engine, chunk: &[Line], threads: usize) -> Vec<Vec<u8>> {
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let start = next.fetch_add(BATCH, Ordering::Relaxed);
            let Some(lines) = chunk.get(start..chunk.len().min(start + BATCH)) else {
                return done;
            };
            if lines.is_empty() {
                return done;
            }
            let mut text = Vec::new();
            for line in lines {
                one(engine, line, &mut text);
                text.push(b'\n');
            }
            done.push((start, text));
        }
    };
    let mut batches: Vec<(usize, Vec<u8>)> = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut all = work();
        for helper in helpers {
            // A panic in a helper is a bug: pass it on rather than drop its lines.
            all.extend(
                helper
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p)),
            );
        }
        all
    });
    batches.sort_unstable_by_key(|(start, _)| *start);
    batches.into_iter().map(|(_, text)| text).collect()
}

/// Appends the output line for one input line (without its newline) to `out`.
fn one(engine: &Engine, line: &Line, out: &mut Vec<u8>) {
    let start = out.len();
    if let Err(text) = plan_json(engine, line, out) {
        out.truncate(start);
        out.extend_from_slice(text.as_bytes());
    }
}

/// Writes the plan for one input line as JSON, or gives its error line.
fn plan_json(engine: &Engine, (number, text): &Line, out: &mut Vec<u8>) -> Result<(), String> {
    let text = match text {
        Text::Json(text) => text,
        Text::TooLong(max) => {
            let message = format!("the line is over the profile size limit of {max} bytes");
            return Err(error_line(*number, "limit_exceeded", &message, None));
        }
        Text::NotUtf8 => return Err(error_line(*number, "io", "the line is not UTF-8", None)),
    };
    let mut json = serde_json::Deserializer::from_str(text);
    let profile = Profile::from_deserializer("profile", &mut json)
        .map_err(|err| typed_error(*number, &err))?;
    json.end()
        .map_err(|err| error_line(*number, "syntax", &err.to_string(), None))?;
    let plan = engine
        .evaluate(&profile)
        .map_err(|err| typed_error(*number, &err))?;
    serde_json::to_writer(out, &plan)
        .map_err(|err| error_line(*number, "internal", &err.to_string(), None))
}

/// The error line for a typed error.
fn typed_error(line: usize, err: &Error) -> String {
    let field = err.location().and_then(|l| l.field_path());
    error_line(line, &err.kind().name(), &err.kind().to_string(), field)
}

/// `{"error": {"line", "kind", "message", "field"}}`.
fn error_line(line: usize, kind: &str, message: &str, field: Option<&str>) -> String {
    serde_json::json!({"error": {"line": line, "kind": kind, "message": message, "field": field}})
        .to_string()
}
