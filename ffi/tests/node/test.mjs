// Loads the WebAssembly build in Node and evaluates a headline profile.
// Usage: node ffi/tests/node/test.mjs path/to/soothe_ffi.wasm
import { readFile } from "node:fs/promises";
import assert from "node:assert/strict";
import { load } from "./soothe.mjs";

const soothe = await load(await readFile(process.argv[2]));

const plan = soothe.evaluate({
  symptoms: [{ kind: "cramp", location: "calf", timing: "nocturnal", severity: 6 }],
});
assert.equal(plan.urgency, "none");
assert.equal(plan.see_clinician, false);
assert.equal(plan.suggestions[0].id, "calf-stretch-before-bed");
assert.equal(plan.suggestions[0].evidence.grade, "low");

const emergency = soothe.evaluate({ findings: ["calf_swelling", "chest_pain"] });
assert.equal(emergency.urgency, "emergency");
assert.deepEqual(emergency.suggestions, []);

assert.throws(
  () => soothe.evaluate({ symptoms: [{ kind: "cramp", location: "calff" }] }),
  /did you mean `calf`/,
);
// Issue 13: only an object is a profile; an oversized one is refused, and the module
// still works after both.
assert.throws(() => soothe.evaluate([{ kind: "cramp", location: "calf" }]), /object/);
const big = { findings: Array(200_000).fill("numbness") };
assert.throws(() => soothe.evaluate(big), /over the limit of 1048576/);
assert.equal(soothe.evaluate({ findings: ["calf_swelling", "chest_pain"] }).urgency, "emergency");

soothe.free();

// The same checks in the module itself, without the glue: a 4 MiB profile and an array.
{
  const { instance } = await WebAssembly.instantiate(await readFile(process.argv[2]), {});
  const w = instance.exports;
  const engine = w.soothe_engine_new(0, 0, 0);
  const lastError = () => {
    const memory = new Uint8Array(w.memory.buffer);
    let end = w.soothe_last_error();
    const start = end;
    while (memory[end] !== 0) end++;
    return new TextDecoder().decode(memory.subarray(start, end));
  };
  const evaluateRaw = (bytes) => {
    const ptr = w.soothe_alloc(bytes.length + 1);
    assert.notEqual(ptr, 0);
    const view = new Uint8Array(w.memory.buffer, ptr, bytes.length + 1);
    view.set(bytes);
    view[bytes.length] = 0;
    const out = w.soothe_evaluate(engine, ptr);
    w.soothe_dealloc(ptr, bytes.length + 1);
    return out;
  };
  const huge = new Uint8Array(4 << 20).fill(0x20);
  huge[0] = 0x7b; // {
  huge[huge.length - 1] = 0x7d; // }
  assert.equal(evaluateRaw(huge), 0);
  assert.match(lastError(), /over the limit of 1048576/);
  assert.equal(evaluateRaw(new TextEncoder().encode('[{"kind":"cramp","location":"calf"}]')), 0);
  assert.match(lastError(), /found a list/);
  const ok = evaluateRaw(new TextEncoder().encode('{"symptoms":[{"kind":"cramp","location":"calf"}]}'));
  assert.notEqual(ok, 0);
  w.soothe_string_free(ok);
  w.soothe_engine_free(engine);
}
console.log("node wasm: all checks passed");
