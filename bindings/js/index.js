// soothe for JavaScript: the Rust engine compiled to WebAssembly, with JSON in and JSON out.
// ESM for Node (18+) and browsers; no dependencies, no wasm-bindgen. The C ABI it calls is
// ffi/src/lib.rs (the same functions as ffi/include/soothe.h).

/** An error from soothe: `kind` names what went wrong (`unknown_id`, `out_of_range`,
 * `syntax`, ...), `location` where ({origin, line, column, field, item} or null), `field` the
 * field path in a profile, `didYouMean` the nearest known value. */
export class SootheError extends Error {
  constructor(error) {
    super(error.message);
    this.name = "SootheError";
    this.kind = error.kind;
    this.field = error.field ?? null;
    this.didYouMean = error.did_you_mean ?? null;
    this.location = error.location ?? null;
    this.error = error;
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Fetches or reads the .wasm bytes (or takes them as given) and instantiates the module. */
async function instantiate(source) {
  source ??= new URL("./soothe.wasm", import.meta.url);
  if (typeof WebAssembly.Module === "function" && source instanceof WebAssembly.Module) {
    return WebAssembly.instantiate(source, {});
  }
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) {
    return (await WebAssembly.instantiate(source, {})).instance;
  }
  const url = typeof source === "string" ? new URL(source, import.meta.url) : source;
  if (url.protocol === "file:") {
    const { readFile } = await import("node:fs/promises");
    return (await WebAssembly.instantiate(await readFile(url), {})).instance;
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`soothe: cannot load ${url}: HTTP ${response.status}`);
  const bytes = await response.arrayBuffer();
  return (await WebAssembly.instantiate(bytes, {})).instance;
}

/** The loaded module with string helpers; one per wasm source. */
class Module {
  constructor(instance) {
    this.w = instance.exports;
  }

  /** Copies a JS string (or UTF-8 bytes) into wasm memory as a NUL-terminated string:
   * [ptr, size]. */
  put(text) {
    const bytes = typeof text === "string" ? encoder.encode(text) : text;
    const size = bytes.length + 1;
    const ptr = this.w.soothe_alloc(size);
    if (ptr === 0) throw new Error("soothe: out of memory");
    const view = new Uint8Array(this.w.memory.buffer, ptr, size);
    view.set(bytes);
    view[bytes.length] = 0;
    return [ptr, size];
  }

  /** Reads a NUL-terminated string from wasm memory. */
  get(ptr) {
    const memory = new Uint8Array(this.w.memory.buffer);
    const end = memory.indexOf(0, ptr);
    return decoder.decode(memory.subarray(ptr, end));
  }

  /** The error of the last call, as a SootheError. */
  error() {
    const ptr = this.w.soothe_last_error_json();
    if (ptr === 0) return new SootheError({ kind: "internal", message: "soothe: unknown error" });
    return new SootheError(JSON.parse(this.get(ptr)));
  }

  /** Calls `f(ptr)` with `text` in wasm memory and returns the JSON string result, parsed. */
  call(f, text) {
    const [ptr, size] = this.put(text);
    let out;
    try {
      out = f(ptr);
    } finally {
      this.w.soothe_dealloc(ptr, size);
    }
    return this.take(out);
  }

  /** Parses and frees a string the library returned; throws the last error for null. */
  take(out) {
    if (out === 0) throw this.error();
    const json = this.get(out);
    this.w.soothe_string_free(out);
    return JSON.parse(json);
  }
}

const modules = new Map();

function load(source) {
  const key = source ?? "default";
  if (!modules.has(key)) {
    const promise = instantiate(source).then((instance) => new Module(instance));
    promise.catch(() => modules.delete(key));
    modules.set(key, promise);
  }
  return modules.get(key);
}

const engines =
  typeof FinalizationRegistry === "function"
    ? new FinalizationRegistry(({ module, handle }) => module.w.soothe_engine_free(handle))
    : null;

let builtin = null;

/** A rule engine: the built-in packs and, optionally, packs of your own. */
export class Engine {
  #module;
  #handle;
  #shared = false;

  constructor(module, handle) {
    this.#module = module;
    this.#handle = handle;
    engines?.register(this, { module, handle }, this);
  }

  /** The engine over the built-in packs, built once and shared (`free()` leaves it be). */
  static builtin(options = {}) {
    if (options.wasm !== undefined) return Engine.create(options);
    builtin ??= Engine.create().then(
      (engine) => {
        engine.#shared = true;
        return engine;
      },
      (error) => {
        builtin = null;
        throw error;
      },
    );
    return builtin;
  }

  /** An engine over the built-in packs followed by `packs` ([{ name, text }]). Rejects with
   * a SootheError (kind and location in the pack) when a pack is bad. */
  static async create({ packs = [], wasm } = {}) {
    const module = await load(wasm);
    const list = packs.map(({ name, text }) => ({ name: String(name), text: String(text) }));
    const [ptr, size] = module.put(JSON.stringify(list));
    let handle;
    try {
      handle = module.w.soothe_engine_new_json(ptr);
    } finally {
      module.w.soothe_dealloc(ptr, size);
    }
    if (handle === 0) throw module.error();
    return new Engine(module, handle);
  }

  #live() {
    if (this.#handle === 0) throw new Error("soothe: this engine was freed");
    return this.#handle;
  }

  /** The plan for a profile (an object, or JSON text). Throws a SootheError for a bad one;
   * a profile over the engine's size limit (1 MiB) is refused before it is copied. */
  evaluate(profile) {
    const handle = this.#live();
    const text = typeof profile === "string" ? profile : JSON.stringify(profile);
    const bytes = encoder.encode(text ?? "");
    const max = this.#module.w.soothe_max_profile_bytes(handle) >>> 0;
    if (bytes.length > max) {
      throw new SootheError({
        kind: "limit_exceeded",
        message: `profile: profile size in bytes is ${bytes.length}, over the limit of ${max}`,
        location: { origin: "profile", line: null, column: null, field: null, item: null },
      });
    }
    return this.#module.call((ptr) => this.#module.w.soothe_evaluate(handle, ptr), bytes);
  }

  /** What to ask next for this profile: the plan's `questions`. */
  questions(profile) {
    return this.evaluate(profile).questions;
  }

  /** Every id with its label, and for findings and context ids the yes/no question. */
  vocabulary() {
    return this.#module.take(this.#module.w.soothe_vocabulary(this.#live()));
  }

  /** Frees the engine's memory now (it is also freed when garbage-collected). */
  free() {
    if (this.#shared || this.#handle === 0) return;
    engines?.unregister(this);
    this.#module.w.soothe_engine_free(this.#handle);
    this.#handle = 0;
  }
}
