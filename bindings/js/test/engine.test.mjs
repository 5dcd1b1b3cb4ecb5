// The npm package's API, run against this folder (index.js and the soothe.wasm that
// `npm run build` put beside it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { Engine, SootheError } from "../index.js";

const CALF = { symptoms: [{ kind: "cramp", location: "calf", timing: "nocturnal", severity: 6 }] };
const TOE = `
[pack]
id = "clinic-feet"
version = "1.0.0"
format = 2

[[vocabulary.location]]
id = "big_toe"
label = "Big toe"

[[rule]]
id = "toe-cramps"
when = { kind = ["cramp"], location = ["big_toe"] }
suggest = [{ id = "stretch-during-cramp", weight = 60 }]
`;

test("a night-time calf cramp", async () => {
  const engine = await Engine.builtin();
  const plan = engine.evaluate(CALF);
  assert.equal(plan.urgency, "none");
  assert.equal(plan.see_clinician, false);
  assert.equal(plan.suggestions[0].id, "calf-stretch-before-bed");
  assert.equal(plan.suggestions[0].evidence.grade, "low");
  assert.ok(plan.questions.length > 0 && plan.safety_net.length > 0);
  assert.deepEqual(engine.evaluate(JSON.stringify(CALF)), plan);
});

test("the built-in engine is shared and survives free()", async () => {
  const [a, b] = await Promise.all([Engine.builtin(), Engine.builtin()]);
  assert.equal(a, b);
  a.free();
  assert.equal(b.evaluate(CALF).urgency, "none");
});

test("an emergency is the referral alone", async () => {
  const plan = (await Engine.builtin()).evaluate({ findings: ["calf_swelling", "chest_pain"] });
  assert.equal(plan.urgency, "emergency");
  assert.deepEqual(plan.suggestions, []);
});

test("a typo is a SootheError with kind, field and location", async () => {
  const engine = await Engine.builtin();
  assert.throws(
    () => engine.evaluate({ symptoms: [{ kind: "cramp", location: "calff" }] }),
    (err) => {
      assert.ok(err instanceof SootheError && err instanceof Error);
      assert.equal(err.kind, "unknown_id");
      assert.equal(err.didYouMean, "calf");
      assert.equal(err.field, "symptoms[0].location");
      assert.equal(err.location.field, "symptoms[0].location");
      assert.equal(err.location.origin, "profile");
      assert.match(err.message, /did you mean `calf`/);
      return true;
    },
  );
});

test("bad profiles give typed errors", async () => {
  const engine = await Engine.builtin();
  const cases = [
    [{ age: 131 }, "out_of_range", "age"],
    [{ trigers: [] }, "unknown_field", null],
    [{ symptoms: [{ kind: "cramp", location: "calf", trend: "wrose" }] }, "invalid_value", "symptoms[0].trend"],
    [[CALF], "invalid_type", null],
    ['{"symptoms": [', "syntax", null],
  ];
  for (const [profile, kind, field] of cases) {
    assert.throws(
      () => engine.evaluate(profile),
      (err) => err instanceof SootheError && err.kind === kind && err.field === field,
      JSON.stringify(profile),
    );
  }
});

test("a profile over the size limit is refused before it is copied", async () => {
  const engine = await Engine.builtin();
  const huge = { findings: Array(200000).fill("fever") };
  assert.throws(
    () => engine.evaluate(huge),
    (err) => err instanceof SootheError && err.kind === "limit_exceeded" && /over the limit of 1048576/.test(err.message),
  );
  assert.equal(engine.evaluate(CALF).urgency, "none");
});

test("packs come after the built-in ones", async () => {
  const engine = await Engine.create({ packs: [{ name: "toe.toml", text: TOE }] });
  const plan = engine.evaluate({ symptoms: [{ kind: "cramp", location: "big_toe" }] });
  assert.deepEqual(plan.suggestions[0].rules, ["toe-cramps"]);
  assert.equal(plan.packs.at(-1).id, "clinic-feet");
  assert.ok(engine.vocabulary().location.some((t) => t.id === "big_toe"));
  engine.free();
  assert.throws(() => engine.evaluate(CALF), /freed/);
});

test("a bad pack rejects with its place", async () => {
  await assert.rejects(
    Engine.create({ packs: [{ name: "toe.toml", text: TOE.replace('["big_toe"]', '["big_toee"]') }] }),
    (err) => {
      assert.ok(err instanceof SootheError);
      assert.equal(err.kind, "unknown_id");
      assert.equal(err.didYouMean, "big_toe");
      assert.deepEqual(err.location, {
        origin: "toe.toml",
        line: 13,
        column: 40,
        field: null,
        item: { kind: "rule", id: "toe-cramps" },
      });
      return true;
    },
  );
});

test("questions and the vocabulary", async () => {
  const engine = await Engine.builtin();
  const profile = { symptoms: [{ kind: "cramp", location: "calf" }] };
  assert.deepEqual(engine.questions(profile), engine.evaluate(profile).questions);
  const vocabulary = engine.vocabulary();
  assert.deepEqual(Object.keys(vocabulary), ["kind", "location", "timing", "trigger", "finding", "context"]);
  assert.ok(vocabulary.finding.every((t) => t.question.endsWith("?")));
});

test("the module loads from bytes and from a URL", async () => {
  const bytes = await readFile(new URL("../soothe.wasm", import.meta.url));
  const fromBytes = await Engine.create({ wasm: bytes });
  const fromUrl = await Engine.builtin({ wasm: new URL("../soothe.wasm", import.meta.url) });
  assert.deepEqual(fromBytes.evaluate(CALF), fromUrl.evaluate(CALF));
});

test("errors and successes interleave without disturbing each other", async () => {
  const engine = await Engine.builtin();
  const first = engine.evaluate(CALF);
  for (let i = 0; i < 2000; i++) {
    assert.throws(() => engine.evaluate({ age: 200 }), SootheError);
    engine.evaluate(CALF);
  }
  assert.deepEqual(engine.evaluate(CALF), first);
});
