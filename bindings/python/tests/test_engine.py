"""The Python API of soothe: plans as dicts, errors as exceptions with kind and location,
packs from text and from paths, evaluate_many in order on every thread count."""

import json
import pickle

import pytest

import soothe

CALF = {"symptoms": [{"kind": "cramp", "location": "calf", "timing": "nocturnal", "severity": 6}]}

TOE = """
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
"""


@pytest.fixture(scope="module")
def engine():
    return soothe.Engine.builtin()


def test_a_night_time_calf_cramp(engine):
    plan = engine.evaluate(CALF)
    assert plan["urgency"] == "none"
    assert plan["see_clinician"] is False
    assert plan["suggestions"][0]["id"] == "calf-stretch-before-bed"
    assert plan["suggestions"][0]["evidence"]["grade"] == "low"
    assert all(len(p["fingerprint"]) == 64 for p in plan["packs"]) and plan["packs"]
    assert set(plan) >= {"questions", "safety_net", "screened", "withheld", "reasons"}


def test_json_text_gives_the_same_plan(engine):
    assert engine.evaluate(json.dumps(CALF)) == engine.evaluate(CALF)


def test_an_emergency_is_the_referral_alone(engine):
    plan = engine.evaluate({"findings": ["calf_swelling", "chest_pain"]})
    assert plan["urgency"] == "emergency"
    assert plan["see_clinician"] is True
    assert plan["suggestions"] == [] and plan["withheld"] == []
    assert plan["reasons"]


def test_context_withholds_with_the_reason_as_data(engine):
    plan = engine.evaluate({**CALF, "context": ["kidney_disease"]})
    withheld = {w["id"]: w for w in plan["withheld"]}
    assert withheld["magnesium-supplement"]["because"] == {"kind": "context", "id": "kidney_disease"}


def test_a_typo_is_a_profile_error_naming_the_field(engine):
    with pytest.raises(soothe.ProfileError) as info:
        engine.evaluate({"symptoms": [{"kind": "cramp", "location": "calff"}]})
    err = info.value
    assert isinstance(err, soothe.SootheError) and isinstance(err, ValueError)
    assert err.kind == "unknown_id"
    assert err.did_you_mean == "calf"
    assert err.field == "symptoms[0].location"
    assert err.location.field == "symptoms[0].location"
    assert err.location.origin == "profile"
    assert "did you mean `calf`" in str(err)


@pytest.mark.parametrize(
    "profile, kind, field",
    [
        ({"age": 131}, "out_of_range", "age"),
        ({"trigers": []}, "unknown_field", None),
        ({"symptoms": [{"kind": "cramp", "location": "calf", "trend": "wrose"}]}, "invalid_value", "symptoms[0].trend"),
        ({"symptoms": [{"kind": "cramp"}]}, "missing_field", "symptoms[0]"),
        ({"triggers": "stress"}, "invalid_type", "triggers"),
        ({"age": 3.5}, "invalid_type", "age"),
        ({"age": True}, "invalid_type", "age"),
        ([CALF], "invalid_type", None),
        ({"findings": ["fever"], "absent": ["fever"]}, "present_and_absent", None),
        ('{"symptoms": [', "syntax", None),
        ("{} []", "syntax", None),
    ],
)
def test_bad_profiles_raise_typed_errors(engine, profile, kind, field):
    with pytest.raises(soothe.ProfileError) as info:
        engine.evaluate(profile)
    assert info.value.kind == kind, info.value.error
    if field is not None:
        assert info.value.field == field, info.value.error


def test_errors_pickle(engine):
    with pytest.raises(soothe.ProfileError) as info:
        engine.evaluate({"age": 131})
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is soothe.ProfileError and again.kind == "out_of_range"
    assert again.location == info.value.location


def test_packs_are_added_after_the_builtin_ones():
    engine = soothe.Engine(packs=[("toe.toml", TOE)])
    plan = engine.evaluate({"symptoms": [{"kind": "cramp", "location": "big_toe"}]})
    assert plan["suggestions"][0]["rules"] == ["toe-cramps"]
    assert engine.packs[-1]["id"] == "clinic-feet"
    assert engine.packs[-1]["origin"] == "toe.toml"
    assert len(engine.packs[-1]["fingerprint"]) == 64
    assert soothe.Engine().packs == soothe.Engine.builtin().packs


def test_a_bad_pack_is_a_pack_error_with_its_place():
    with pytest.raises(soothe.PackError) as info:
        soothe.Engine(packs=[("toe.toml", TOE.replace('["big_toe"]', '["big_toee"]'))])
    err = info.value
    assert err.kind == "unknown_id" and err.did_you_mean == "big_toe"
    assert err.location.origin == "toe.toml"
    assert (err.location.line, err.location.column) == (13, 40)
    assert err.location.item == soothe.Item("rule", "toe-cramps")


def test_a_pack_cannot_lower_a_red_flag():
    lower = """
[pack]
id = "low"
version = "1"
format = 2

[[red_flag]]
id = "possible-deep-vein-thrombosis"
replaces = true
urgency = "routine"
when = { finding = ["calf_swelling"] }
text = "t"
safety_net = "s"
sources = ["seeds"]
"""
    with pytest.raises(soothe.PackError) as info:
        soothe.Engine(packs=[("low.toml", lower)])
    assert info.value.kind == "red_flag_lowered"


def test_from_paths_reads_files_and_folders(tmp_path):
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "toe.toml").write_text(TOE)
    for path in [tmp_path / "packs", tmp_path / "packs" / "toe.toml", str(tmp_path / "packs")]:
        engine = soothe.Engine.from_paths([path])
        assert engine.packs[-1]["id"] == "clinic-feet"
    with pytest.raises(soothe.PackError) as info:
        soothe.Engine.from_paths([tmp_path / "missing.toml"])
    assert info.value.kind == "io"


def profiles(n):
    kinds = ["cramp", "spasm", "twitch", "trigger_point", "stiffness"]
    places = ["calf", "thigh", "foot", "neck", "shoulder", "lower_back"]
    out = []
    for i in range(n):
        profile = {"symptoms": [{"kind": kinds[i % 5], "location": places[i % 6], "severity": i % 11}]}
        if i % 7 == 0:
            profile["findings"] = ["calf_swelling"]
        if i % 11 == 0:
            profile["context"] = ["kidney_disease"]
        out.append(profile)
    return out


def test_evaluate_many_is_evaluate_in_order_on_any_thread_count(engine):
    batch = profiles(500)
    batch[3] = {"symptoms": [{"kind": "cramp", "location": "calff"}]}
    batch[250] = json.dumps(batch[250])
    expected = []
    for profile in batch:
        try:
            expected.append(engine.evaluate(profile))
        except soothe.ProfileError as err:
            expected.append({"error": err.error})
    for threads in [None, 1, 2, 3, 16]:
        assert engine.evaluate_many(batch, threads=threads) == expected
    assert expected[3]["error"]["kind"] == "unknown_id"
    assert expected[3]["error"]["field"] == "symptoms[0].location"
    assert set(expected[3]["error"]) >= {"kind", "message", "field"}


def test_evaluate_many_as_json(engine):
    batch = profiles(50) + [{"age": 200}]
    texts = engine.evaluate_many(batch, as_json=True, threads=2)
    assert [json.loads(t) for t in texts] == engine.evaluate_many(batch)
    assert json.loads(texts[-1])["error"]["kind"] == "out_of_range"


def test_evaluate_many_takes_any_iterable_and_empty(engine):
    assert engine.evaluate_many([]) == []
    assert len(engine.evaluate_many(p for p in profiles(10))) == 10
    with pytest.raises(ValueError):
        engine.evaluate_many([CALF], threads=0)


def test_questions_are_the_plans_questions(engine):
    profile = {"symptoms": [{"kind": "cramp", "location": "calf"}]}
    questions = engine.questions(profile)
    assert questions == engine.evaluate(profile)["questions"]
    assert questions and questions[0]["kind"] == "finding"
    assert questions[0]["text"].endswith("?")


def test_the_vocabulary_has_labels_and_questions(engine):
    vocabulary = engine.vocabulary()
    assert set(vocabulary) == {"kind", "location", "timing", "trigger", "finding", "context"}
    assert {"id": "calf", "label": "Calf"} in vocabulary["location"] or any(
        t["id"] == "calf" for t in vocabulary["location"]
    )
    assert all(t["question"].endswith("?") for t in vocabulary["finding"])


def test_the_engine_is_shared_across_python_threads(engine):
    from concurrent.futures import ThreadPoolExecutor

    batch = profiles(200)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(engine.evaluate, batch))
    assert results == engine.evaluate_many(batch)


def test_evaluate_many_leaves_the_garbage_collector_as_it_was(engine):
    import gc

    assert gc.isenabled()
    engine.evaluate_many(profiles(100))
    assert gc.isenabled()
    gc.disable()
    try:
        engine.evaluate_many(profiles(100))
        assert not gc.isenabled()
    finally:
        gc.enable()
