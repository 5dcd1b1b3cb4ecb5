"""The Spark example end to end: 100,000 generated profiles through evaluate_many inside
PySpark (local[2], mapInArrow), plans written as Parquet and read back.

Needs pyspark, pyarrow and Java 17 (`pip install './bindings/python[spark]'`). Without them the
test is skipped with the reason, unless SOOTHE_SPARK=required (as .ci/run sets), when it fails.
"""

import importlib.util
import json
import os
import sys
from pathlib import Path

import pytest

import soothe

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "examples"))

REQUIRED = os.environ.get("SOOTHE_SPARK") == "required"
MISSING = [m for m in ("pyspark", "pyarrow") if importlib.util.find_spec(m) is None]

pytestmark = pytest.mark.spark


@pytest.fixture(scope="module")
def spark():
    if MISSING:
        message = f"Spark test needs {', '.join(MISSING)}: pip install './bindings/python[spark]'"
        if REQUIRED:
            pytest.fail(message)
        pytest.skip(message)
    import spark_plans

    session = spark_plans.session("local[2]")
    yield session
    session.stop()


def test_100000_profiles_through_spark(spark, tmp_path):
    import spark_plans

    n = 100_000
    result = spark_plans.run(spark, n, str(tmp_path / "plans"), partitions=4)
    print(f"\nspark: {n} profiles -> plans in {result['seconds']:.1f} s; by urgency {result['by_urgency']}")
    (Path(os.environ.get("SOOTHE_SPARK_REPORT", tmp_path / "report.json"))).write_text(json.dumps(result))
    assert result["rows"] == n
    urgencies = set(result["by_urgency"]) - {None}
    assert {"none", "emergency"} <= urgencies, result["by_urgency"]
    assert result["by_urgency"].get(None) == n // 1000, "one in a thousand is misspelled"

    # The plans Spark wrote are the plans evaluate gives for the same profiles.
    engine = soothe.Engine.builtin()
    frame = spark_plans.profiles(spark, n, 4).where("id % 9973 = 0 or id % 1000 = 999")
    written = spark.read.parquet(str(tmp_path / "plans"))
    rows = frame.join(written, "id").select("id", "profile", "plan", "urgency", "error_kind").collect()
    assert len(rows) > 10
    for row in rows:
        plan = json.loads(row["plan"])
        try:
            expected = engine.evaluate(row["profile"])
        except soothe.ProfileError as err:
            assert plan == {"error": err.error} and row["error_kind"] == "unknown_id"
            continue
        assert plan == expected and row["urgency"] == expected["urgency"]
