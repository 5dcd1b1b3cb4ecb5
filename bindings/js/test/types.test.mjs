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

test("the README's JavaScript example is examples/example.mjs, which the pack test runs", async () => {
  const { readFile } = await import("node:fs/promises");
  const readme = await readFile(new URL("../../../README.md", import.meta.url), "utf8");
  const section = readme.slice(readme.indexOf("## Use it from JavaScript and TypeScript (npm)"));
  const code = section.match(/```js\n([\s\S]*?)```/)[1];
  const example = await readFile(new URL("../examples/example.mjs", import.meta.url), "utf8");
  const body = example.split("\n").filter((l) => !l.startsWith("//")).join("\n");
  assert.equal(code, body);
});
