#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 600) on the stable toolchain.
# Needs cargo-fuzz: `cargo install cargo-fuzz`. Findings land in fuzz/artifacts/TARGET/;
# copy each into fuzz/regressions/TARGET/ so that `cargo test` replays it.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"
[ -d seeds/pack_text ] || ./seed.sh
for target in pack_text profile_json pack_and_profile; do
  mkdir -p "corpus/$target"
  cargo fuzz run -s none "$target" "corpus/$target" "seeds/$target" -- \
    -max_total_time="$seconds" -max_len=65536 -print_final_stats=1
done
