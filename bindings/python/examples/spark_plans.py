"""Population-scale plans with PySpark: generates a DataFrame of profiles, evaluates them with
soothe's `evaluate_many` inside `mapInArrow` (one engine per Python worker, the GIL released
while it runs), and writes the plans as Parquet: one row per profile with its id, urgency,
`see_clinician`, top suggestion, error kind, and the whole plan (or the error) as JSON.

    python bindings/python/examples/spark_plans.py --profiles 100000 --out /tmp/plans

On one machine it runs with `--master local[2]` (one Spark task per core, so each task
evaluates on one thread). On a cluster, submit the same file with spark-submit (see the
README's "Spark" section): every executor needs the `soothe` wheel installed, nothing else.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import Iterator

KINDS = ["cramp", "spasm", "twitch", "trigger_point", "stiffness"]
LOCATIONS = ["calf", "thigh", "foot", "hand", "arm", "neck", "shoulder", "upper_back",
             "lower_back", "jaw", "ribcage", "widespread"]
TIMINGS = ["nocturnal", "daytime", "after_exertion", "at_rest"]
TRIGGERS = ["stress", "cold", "overexertion", "poor_sleep", "dehydration", "prolonged_sitting",
            "poor_posture"]
FINDINGS = ["numbness", "calf_swelling", "fever", "weakness", "dark_urine", "chest_pain",
            "sudden_severe_headache", "tremor"]
CONTEXT = ["kidney_disease", "pregnancy", "reduced_sensation", "raynauds", "anticoagulants"]

def profiles(spark, n: int, partitions: int):
    """`n` varied profiles as a DataFrame (id, profile JSON), made in the JVM from the row id:
    every kind, location and timing; a trigger on a third of them, a finding on one in nine
    (some of them red flags), context on one in seven, and one in a thousand misspelled."""
    from pyspark.sql import functions as F

    def pick(values, salt):
        array = F.array(*[F.lit(v) for v in values])
        return F.element_at(array, (F.abs(F.hash(F.col("id"), F.lit(salt))) % len(values) + 1).cast("int"))

    some = lambda every, value: F.when(F.col("id") % every == 0, F.array(value)).otherwise(F.array())
    location = F.when(F.col("id") % 1000 == 999, F.lit("calff")).otherwise(pick(LOCATIONS, 2))
    symptom = F.struct(
        pick(KINDS, 1).alias("kind"),
        location.alias("location"),
        pick(TIMINGS, 3).alias("timing"),
        (F.col("id") % 11).cast("int").alias("severity"),
        (F.col("id") % 52).cast("int").alias("weeks"),
    )
    profile = F.struct(
        (18 + F.col("id") % 70).cast("int").alias("age"),
        F.array(symptom).alias("symptoms"),
        some(3, pick(TRIGGERS, 4)).alias("triggers"),
        some(9, pick(FINDINGS, 5)).alias("findings"),
        some(7, pick(CONTEXT, 6)).alias("context"),
    )
    return spark.range(0, n, numPartitions=partitions).select("id", F.to_json(profile).alias("profile"))


def evaluate_batches(batches: Iterator, threads: int = 1) -> Iterator:
    """The `mapInArrow` function: for each Arrow batch of (id, profile JSON), one
    `evaluate_many` call on the JSON texts, and a batch of (id, plan JSON) back. The texts are
    parsed and written by Rust with the GIL released; Python only moves them."""
    import pyarrow as pa

    import soothe

    engine = soothe.Engine.builtin()
    for batch in batches:
        plans = engine.evaluate_many(batch.column("profile").to_pylist(), threads=threads, as_json=True)
        yield pa.RecordBatch.from_arrays([batch.column("id"), pa.array(plans, pa.string())],
                                         names=["id", "plan"])


def run(spark, n: int, out: str, partitions: int, threads: int = 1) -> dict:
    """Generates `n` profiles, writes their plans to `out` (Parquet), and returns counts and
    the time the job took."""
    from pyspark.sql import functions as F

    start = time.perf_counter()
    spark.sparkContext.addPyFile(os.path.abspath(__file__))  # the workers import this file
    frame = profiles(spark, n, partitions)
    plans = frame.mapInArrow(lambda b: evaluate_batches(b, threads), "id long, plan string")
    # The summary columns are read from the plan's JSON by the JVM, in parallel.
    plans = plans.select(
        "id",
        F.get_json_object("plan", "$.urgency").alias("urgency"),
        F.get_json_object("plan", "$.see_clinician").cast("boolean").alias("see_clinician"),
        F.get_json_object("plan", "$.suggestions[0].id").alias("top_suggestion"),
        F.get_json_object("plan", "$.error.kind").alias("error_kind"),
        "plan",
    )
    plans.write.mode("overwrite").option("compression", "zstd").parquet(out)
    seconds = time.perf_counter() - start
    written = spark.read.parquet(out)
    by_urgency = {r["urgency"]: r["count"] for r in written.groupBy("urgency").count().collect()}
    return {"profiles": n, "seconds": seconds, "rows": written.count(), "by_urgency": by_urgency}


def session(master: str):
    from pyspark.sql import SparkSession

    # Local workers run this interpreter (the one with soothe installed), not `python3`.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return (
        SparkSession.builder.master(master)
        .appName("soothe-plans")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "5000")
        .config("spark.python.worker.reuse", "true")
        .getOrCreate()
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--profiles", type=int, default=100_000)
    parser.add_argument("--out", required=True, help="folder for the Parquet output")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--threads", type=int, default=1,
                        help="threads per Spark task for evaluate_many (1 when Spark runs a task per core)")
    args = parser.parse_args()
    spark = session(args.master)
    try:
        result = run(spark, args.profiles, args.out, args.partitions, args.threads)
    finally:
        spark.stop()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
