// Packs the npm package as `npm pack` does, installs the tarball into a fresh folder, runs it
// under Node there, and type-checks a TypeScript program against it with `tsc --noEmit`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const pkg = fileURLToPath(new URL("..", import.meta.url));
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function run(command, args, cwd) {
  const out = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" } });
  assert.equal(out.status, 0, `${command} ${args.join(" ")} failed:\n${out.stdout}\n${out.stderr}`);
  return out.stdout;
}

test("npm pack, install the tarball in a fresh folder, run it and type-check against it", () => {
  const work = mkdtempSync(join(tmpdir(), "soothe-npm-"));
  try {
    // `npm pack` runs the prepack script (the wasm build) and lists the files it packed.
    const packed = JSON.parse(run(npm, ["pack", "--json", "--pack-destination", work], pkg));
    const files = packed[0].files.map((f) => f.path).sort();
    assert.deepEqual(files, ["README.md", "index.d.ts", "index.js", "package.json", "soothe.wasm"]);
    const tarball = join(work, packed[0].filename);

    const app = join(work, "app");
    run(process.execPath, ["-e", `require("fs").mkdirSync(${JSON.stringify(app)})`], work);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
    run(npm, ["install", "--no-save", "--offline", tarball], app);
    assert.ok(readdirSync(join(app, "node_modules", "soothe")).includes("soothe.wasm"));

    copyFileSync(join(pkg, "examples", "example.mjs"), join(app, "example.mjs"));
    const out = run(process.execPath, ["example.mjs"], app);
    assert.match(out, /^none \[/);
    assert.match(out, /unknown_id symptoms\[0\]\.location calf/);

    copyFileSync(join(pkg, "examples", "example.ts"), join(app, "example.ts"));
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "es2022",
          module: "nodenext",
          moduleResolution: "nodenext",
          lib: ["es2022", "dom"],
          types: [],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
        },
        files: ["example.ts"],
      }),
    );
    const tsc = join(pkg, "node_modules", "typescript", "bin", "tsc");
    run(process.execPath, [tsc, "--noEmit", "-p", "tsconfig.json"], app);

    // And a program with a type error is refused, so the check above is a real one.
    writeFileSync(join(app, "wrong.ts"), 'import { Engine } from "soothe";\nconst e = await Engine.builtin();\nconst u: "later" = e.evaluate({}).urgency;\n');
    writeFileSync(join(app, "tsconfig.wrong.json"), JSON.stringify({ extends: "./tsconfig.json", files: ["wrong.ts"] }));
    const wrong = spawnSync(process.execPath, [tsc, "--noEmit", "-p", "tsconfig.wrong.json"], { cwd: app, encoding: "utf8" });
    assert.notEqual(wrong.status, 0);
    assert.match(wrong.stdout, /Type 'Urgency' is not assignable to type '"later"'/);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
