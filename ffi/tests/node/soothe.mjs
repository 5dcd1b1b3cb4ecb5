// Minimal JavaScript glue for soothe's WebAssembly build: JSON in, JSON out.
// Works in Node and in browsers (pass the .wasm bytes to `load`).

export async function load(wasmBytes) {
  const { instance } = await WebAssembly.instantiate(wasmBytes, {});
  const w = instance.exports;
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

  // Copies UTF-8 bytes into wasm memory as a NUL-terminated string; returns [ptr, size].
  const put = (bytes) => {
    const size = bytes.length + 1;
    const ptr = w.soothe_alloc(size);
    if (ptr === 0) throw new Error("soothe: out of memory");
    const view = new Uint8Array(w.memory.buffer, ptr, size);
    view.set(bytes);
    view[bytes.length] = 0;
    return [ptr, size];
  };
  // Reads a NUL-terminated string from wasm memory.
  const get = (ptr) => {
    const memory = new Uint8Array(w.memory.buffer);
    let end = ptr;
    while (memory[end] !== 0) end++;
    return decoder.decode(memory.subarray(ptr, end));
  };
  const lastError = () => {
    const ptr = w.soothe_last_error();
    return ptr === 0 ? "unknown error" : get(ptr);
  };

  // The engine over the built-in packs (packs of your own: see the C ABI in ffi/include/soothe.h).
  const engine = w.soothe_engine_new(0, 0, 0);
  if (engine === 0) throw new Error(lastError());
  // Profiles over this many bytes are refused before they are copied into wasm memory.
  const maxProfileBytes = w.soothe_max_profile_bytes(engine);

  return {
    /** Evaluates a profile object; returns the plan object or throws with soothe's message. */
    evaluate(profile) {
      const bytes = encoder.encode(JSON.stringify(profile));
      if (bytes.length > maxProfileBytes) {
        throw new Error(
          `profile: profile size in bytes is ${bytes.length}, over the limit of ${maxProfileBytes}`,
        );
      }
      const [ptr, size] = put(bytes);
      const out = w.soothe_evaluate(engine, ptr);
      w.soothe_dealloc(ptr, size);
      if (out === 0) throw new Error(lastError());
      const plan = get(out);
      w.soothe_string_free(out);
      return JSON.parse(plan);
    },
    free() {
      w.soothe_engine_free(engine);
    },
  };
}
