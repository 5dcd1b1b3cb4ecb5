"""Plans per second of the Python binding: evaluate one at a time, and evaluate_many on 1 and
2 threads, as dicts and as JSON text, over N generated profiles (default 100,000), with the
CPU seconds used per wall second (how many cores were busy).

    python bindings/python/bench.py [N]
"""

import json
import sys
import time

import soothe

KINDS = ["cramp", "spasm", "twitch", "trigger_point", "stiffness"]
PLACES = ["calf", "thigh", "foot", "hand", "neck", "shoulder", "upper_back", "lower_back", "jaw"]
TIMINGS = ["nocturnal", "daytime", "after_exertion", "at_rest"]
FINDINGS = ["numbness", "calf_swelling", "fever", "weakness", "dark_urine"]
CONTEXT = ["kidney_disease", "pregnancy", "reduced_sensation", "raynauds"]


def profile(i: int) -> dict:
    p = {
        "age": 20 + i % 60,
        "symptoms": [{"kind": KINDS[i % 5], "location": PLACES[i % 9], "timing": TIMINGS[i % 4],
                      "severity": i % 11}],
        "triggers": ["stress"] if i % 3 == 0 else [],
    }
    if i % 13 == 0:
        p["findings"] = [FINDINGS[i % 5]]
    if i % 7 == 0:
        p["context"] = [CONTEXT[i % 4]]
    return p


def rate(label: str, n: int, run) -> float:
    """Best of three; also the CPU time the process used per second of wall time in that
    run (about 2 when two threads really run at once)."""
    best, busy = float("inf"), 0.0
    for _ in range(3):
        start, cpu = time.perf_counter(), time.process_time()
        run()
        wall = time.perf_counter() - start
        if wall < best:
            best, busy = wall, (time.process_time() - cpu) / wall
    print(f"{label:<44} {n / best:>12,.0f} plans/s   {busy:4.2f} CPU s per s")
    return n / best


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    engine = soothe.Engine.builtin()
    dicts = [profile(i) for i in range(n)]
    texts = [json.dumps(p) for p in dicts]
    rate("evaluate, one dict at a time", n, lambda: [engine.evaluate(p) for p in dicts])
    for threads in (1, 2):
        rate(f"evaluate_many, dicts in and out, {threads} thread(s)", n,
             lambda: engine.evaluate_many(dicts, threads=threads))
    for threads in (1, 2):
        rate(f"evaluate_many, JSON in and out, {threads} thread(s)", n,
             lambda: engine.evaluate_many(texts, threads=threads, as_json=True))


if __name__ == "__main__":
    main()
