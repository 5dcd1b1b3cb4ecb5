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
soothe.free();
console.log("node wasm: all checks passed");
