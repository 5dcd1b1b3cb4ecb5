#!/usr/bin/env bash
# Writes the seed corpus for the fuzz targets from the built-in packs and the test data.
set -euo pipefail
cd "$(dirname "$0")"
rm -rf seeds && mkdir -p seeds/pack_text seeds/profile_json seeds/pack_and_profile
for f in ../rules/*.toml ../tests/fixtures/invalid/*.toml; do
  cp "$f" "seeds/pack_text/$(basename "$(dirname "$f")")-$(basename "$f")"
done
# Profiles: the JSON files (valid and invalid), and every scenario profile as JSON.
cp ../tests/data/profiles/*.json seeds/profile_json/
for f in ../tests/fixtures/invalid-profile/*.json; do
  cp "$f" "seeds/profile_json/invalid-$(basename "$f")"
done
python3 - <<'PY'
import json, pathlib, tomllib
n = 0
for path in sorted(pathlib.Path("../tests/data/scenarios").glob("*.toml")):
    for s in tomllib.loads(path.read_text())["scenario"]:
        n += 1
        pathlib.Path(f"seeds/profile_json/scenario-{n:03}.json").write_text(json.dumps(s["profile"]))

def q(text):
    return json.dumps(text)  # a JSON string is a TOML basic string for these texts

# Pack plus profile: valid packs, NUL, a profile. One adds a location and a rule; one raises
# and widens a built-in red flag and replaces a built-in suggestion the way the rules allow
# (same words, every caution kept), so the fuzzer starts next to the edges of layering.
adds = pathlib.Path("../tests/fixtures/invalid/unknown-id.toml").read_text().replace("calff", "calf")
flags = tomllib.loads(pathlib.Path("../rules/red-flags.toml").read_text())["red_flag"]
flag = next(f for f in flags if f["id"] == "new-medication")
suggestions = tomllib.loads(pathlib.Path("../rules/suggestions.toml").read_text())["suggestion"]
heat = next(s for s in suggestions if s["id"] == "gentle-heat")
replaces = f"""[pack]
id = "extra"
version = "1.0.0"
format = 2

[[red_flag]]
id = "new-medication"
replaces = true
urgency = "soon"
when = {{ finding = ["fever"] }}
text = {q(flag["text"])}
safety_net = "Get seen soon if a fever starts after a new medicine."
sources = ["seeds"]

[[suggestion]]
id = "gentle-heat"
replaces = true
title = "Warmth, our way"
category = "heat_cold"
how_to = "A warm towel for 10 minutes."
evidence = {{ grade = "expert_opinion", direction = "for", note = "Clinic advice.", sources = ["seeds"] }}
"""
for c in heat.get("caution", []):
    replaces += "\n[[suggestion.caution]]\n"
    if "when" in c:
        when = ", ".join(f"{k} = {json.dumps(v)}" for k, v in c["when"].items())
        replaces += f"when = {{ {when} }}\n"
    if "action" in c:
        replaces += f"action = {q(c['action'])}\n"
    replaces += f"text = {q(c['text'])}\n"
profiles = sorted(pathlib.Path("seeds/profile_json").glob("scenario-*.json"))[:20]
for i, p in enumerate(profiles):
    pack = adds if i % 2 == 0 else replaces
    pathlib.Path(f"seeds/pack_and_profile/seed-{i:02}").write_bytes(pack.encode() + b"\0" + p.read_bytes())
PY
echo "seeds: $(ls seeds/pack_text | wc -l) packs, $(ls seeds/profile_json | wc -l) profiles, $(ls seeds/pack_and_profile | wc -l) pairs"
