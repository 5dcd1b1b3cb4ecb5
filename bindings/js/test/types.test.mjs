// index.d.ts is what scripts/gen-types.mjs makes from the committed JSON Schemas (which the
// Rust tests keep equal to the Rust types), so the TypeScript types cannot drift.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

test("index.d.ts is generated from the schemas", () => {
  const script = fileURLToPath(new URL("../scripts/gen-types.mjs", import.meta.url));
  const run = spawnSync(process.execPath, [script, "--check"], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});
