#!/usr/bin/env bash
# Writes the seed corpus for the fuzz targets from the built-in packs and the test data.
set -euo pipefail
cd "$(dirname "$0")"
rm -rf seeds && mkdir -p seeds/pack_text seeds/profile_json seeds/pack_and_profile
for f in ../rules/*.toml ../tests/data/invalid/*.toml; do
  cp "$f" "seeds/pack_text/$(basename "$(dirname "$f")")-$(basename "$f")"
done
# Profiles: the JSON files, and every scenario profile as JSON.
cp ../tests/data/profiles/*.json seeds/profile_json/
python3 - <<'PY'
import json, pathlib, tomllib
n = 0
for path in sorted(pathlib.Path("../tests/data/scenarios").glob("*.toml")):
    for s in tomllib.loads(path.read_text())["scenario"]:
        n += 1
        pathlib.Path(f"seeds/profile_json/scenario-{n:03}.json").write_text(json.dumps(s["profile"]))
# Pack plus profile: a small valid pack, NUL, a profile.
pack = pathlib.Path("../tests/data/invalid/unknown-id.toml").read_text().replace("calff", "calf")
for i, p in enumerate(sorted(pathlib.Path("seeds/profile_json").glob("*.json"))[:20]):
    pathlib.Path(f"seeds/pack_and_profile/seed-{i:02}").write_bytes(pack.encode() + b"\0" + p.read_bytes())
PY
echo "seeds: $(ls seeds/pack_text | wc -l) packs, $(ls seeds/profile_json | wc -l) profiles, $(ls seeds/pack_and_profile | wc -l) pairs"
