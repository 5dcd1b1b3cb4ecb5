// Builds the WebAssembly module and puts it beside index.js as soothe.wasm:
//   cargo build -p soothe-ffi --profile wasm --target wasm32-unknown-unknown
// (the target comes from `rustup target add wasm32-unknown-unknown`). Run by `npm run build`
// and before `npm pack`.
import { spawnSync } from "node:child_process";
import { copyFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../../..");
const args = ["build", "-p", "soothe-ffi", "--profile", "wasm", "--target", "wasm32-unknown-unknown"];
const built = spawnSync("cargo", args, { cwd: root, stdio: ["ignore", process.stderr, "inherit"] });
if (built.error || built.status !== 0) {
  console.error("soothe: `cargo " + args.join(" ") + "` failed; is the target added (rustup target add wasm32-unknown-unknown)?");
  process.exit(1);
}
const target = resolve(root, process.env.CARGO_TARGET_DIR ?? "target");
const wasm = join(target, "wasm32-unknown-unknown", "wasm", "soothe_ffi.wasm");
const out = resolve(here, "..", "soothe.wasm");
copyFileSync(wasm, out);
console.error(`soothe.wasm: ${statSync(out).size} bytes`);
