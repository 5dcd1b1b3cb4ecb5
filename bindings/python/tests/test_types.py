"""The typing of the package: soothe/types.py is what gen_types.py makes from the committed
JSON Schemas, real plans have the keys the TypedDicts say, and the stubs name what exists."""

import ast
import subprocess
import sys
import typing
from pathlib import Path

import soothe
from soothe import types

HERE = Path(__file__).resolve().parent.parent


def test_types_py_is_generated_from_the_schemas():
    # Runs against the source tree (the package under test may be installed elsewhere).
    result = subprocess.run(
        [sys.executable, str(HERE / "gen_types.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_package_is_typed():
    package = Path(soothe.__file__).parent
    assert (package / "py.typed").exists()
    assert (package / "_soothe.pyi").exists()


def check(value, hint, path="plan"):
    """Checks `value` against a TypedDict, list or Literal hint, recursively (a light runtime
    version of what a type checker does)."""
    origin = typing.get_origin(hint)
    if isinstance(hint, type) and typing.is_typeddict(hint):
        assert isinstance(value, dict), path
        hints = typing.get_type_hints(hint)
        missing = hint.__required_keys__ - value.keys()
        assert not missing, f"{path}: missing {missing}"
        extra = value.keys() - hints.keys()
        assert not extra, f"{path}: keys the types do not know: {extra}"
        for key, item in value.items():
            check(item, hints[key], f"{path}.{key}")
    elif origin is list:
        assert isinstance(value, list), path
        (inner,) = typing.get_args(hint)
        for i, item in enumerate(value):
            check(item, inner, f"{path}[{i}]")
    elif origin is typing.Literal:
        assert value in typing.get_args(hint), f"{path}: {value!r} not in {hint}"
    elif hint in (str, int, bool):
        assert isinstance(value, hint), f"{path}: {value!r} is not {hint}"


def test_real_plans_match_the_typed_dicts():
    engine = soothe.Engine.builtin()
    vocabulary = engine.vocabulary()
    check(vocabulary, types.Vocabulary, "vocabulary")
    urgencies = set()
    for kind in vocabulary["kind"]:
        for location in vocabulary["location"]:
            for extra in [{}, {"findings": ["calf_swelling"]}, {"findings": ["chest_pain"]},
                          {"context": ["kidney_disease", "reduced_sensation"]}]:
                profile = {"symptoms": [{"kind": kind["id"], "location": location["id"]}], **extra}
                check(profile, types.Profile, "profile")
                plan = engine.evaluate(profile)
                urgencies.add(plan["urgency"])
                check(plan, types.Plan)
    assert {"none", "emergency"} <= urgencies


def test_the_stubs_name_every_public_method():
    stub = ast.parse((Path(soothe.__file__).parent / "_soothe.pyi").read_text())
    (engine,) = [n for n in stub.body if isinstance(n, ast.ClassDef) and n.name == "Engine"]
    stubbed = {n.name for n in engine.body if isinstance(n, ast.FunctionDef)} - {"__init__"}
    public = {n for n in dir(soothe.Engine) if not n.startswith("_")}
    assert stubbed == public
