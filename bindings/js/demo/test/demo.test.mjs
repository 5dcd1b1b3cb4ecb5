// Drives the web demo in headless Chromium (Debian's chromium package at /usr/bin/chromium,
// or CHROMIUM_PATH; playwright-core downloads no browser): picks a symptom and a place,
// answers the questions one at a time, checks the plan and what to watch for, and saves a
// screenshot to demo/test-results/plan.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../serve.mjs";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const results = fileURLToPath(new URL("../test-results/", import.meta.url));
let server, browser, base, profileDir;

before(async () => {
  assert.ok(
    existsSync(executablePath),
    `no Chromium at ${executablePath}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH`,
  );
  assert.ok(
    existsSync(fileURLToPath(new URL("../../soothe.wasm", import.meta.url))),
    "no soothe.wasm beside index.js: run `npm run build` in bindings/js first",
  );
  server = await serve(0);
  base = `http://127.0.0.1:${server.address().port}`;
  profileDir = mkdtempSync(join(tmpdir(), "soothe-chromium-"));
  // A fresh profile folder each run; Playwright passes it as --user-data-dir and adds
  // --headless itself.
  browser = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

/** Opens the demo, fills the first form, and returns the page and its console errors. */
async function begin(kind, location, timing) {
  const page = await browser.newPage({ viewport: { width: 900, height: 1400 } });
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${base}/demo/`);
  await page.waitForSelector("body[data-ready=true]");
  await page.selectOption("#kind", kind);
  await page.selectOption("#location", location);
  if (timing) await page.selectOption("#timing", timing);
  await page.fill("#severity", "6");
  await page.click("#start");
  return { page, errors };
}

/** Answers each question with `reply(id)` (true for yes) until the plan shows. */
async function answerAll(page, reply) {
  const asked = [];
  for (let i = 0; i < 100; i++) {
    await page.waitForSelector("#asking:not([hidden]), #plan:not([hidden])");
    if (await page.isVisible("#plan")) return asked;
    const id = await page.getAttribute("#question-text", "data-id");
    const text = await page.textContent("#question-text");
    assert.ok(text.trim().endsWith("?"), `a yes/no question: ${text}`);
    assert.ok(!asked.includes(id), `asked ${id} twice`);
    asked.push(id);
    await page.click(reply(id) ? "#yes" : "#no");
  }
  throw new Error("the questions never ended");
}

test("a night-time calf cramp: no to every question gives self-care and what to watch for", async () => {
  const { page, errors } = await begin("cramp", "calf", "nocturnal");
  const asked = await answerAll(page, () => false);
  assert.ok(asked.length >= 3, `asked ${asked}`);
  assert.ok(asked.includes("calf_swelling"), `asked about clot signs: ${asked}`);
  assert.equal(await page.getAttribute("#urgency", "data-urgency"), "none");
  const suggestions = await page.$$eval("#suggestions li", (lis) => lis.map((li) => li.dataset.id));
  assert.equal(suggestions[0], "calf-stretch-before-bed");
  const watch = await page.$$eval("#watch-for li", (lis) => lis.map((li) => li.textContent));
  assert.ok(watch.length > 0, "a safety net");
  assert.match(await page.textContent("#suggestions"), /Evidence: low certainty/);
  mkdirSync(results, { recursive: true });
  await page.screenshot({ path: join(results, "plan.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test("a swollen calf: yes to the clot question means see a clinician today", async () => {
  const { page, errors } = await begin("cramp", "calf");
  const asked = await answerAll(page, (id) => id === "calf_swelling");
  assert.ok(asked.includes("calf_swelling"), `asked about a swollen calf: ${asked}`);
  assert.equal(await page.getAttribute("#urgency", "data-urgency"), "urgent");
  assert.match(await page.textContent("#urgency"), /today/);
  assert.ok((await page.$$("#reasons li")).length > 0, "the reason is shown");
  const withheld = await page.$$eval("#withheld li", (lis) => lis.map((li) => li.dataset.id));
  assert.ok(withheld.length > 0, "massage and stretching of the calf are withheld");
  await page.screenshot({ path: join(results, "urgent.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test("a neck trigger point: skipping the questions shows the plan and says what was skipped", async () => {
  const { page, errors } = await begin("trigger_point", "neck");
  await page.waitForSelector("#asking:not([hidden])");
  await page.click("#no");
  await page.click("#skip");
  await page.waitForSelector("#plan:not([hidden])");
  assert.match(await page.textContent("#urgency"), /You skipped \d+ question/);
  assert.ok((await page.$$("#suggestions li")).length > 0);
  assert.deepEqual(errors, []);
  await page.close();
});
