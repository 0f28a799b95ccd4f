"""Benchmark: the finite-capacity planner (tile_production/planning.py) as open runs grow.

Standalone, no database: python3 bench/bench_planning.py
A factory of 6 press lines feeding shared glaze lines, 2 kilns (minimum batch), sorting
and packing (two shifts, Monday to Saturday, with holidays); random open runs (seeded,
so every run of the benchmark plans the same factory) of 5 formats, most glazed, some
pinned as if dragged on the board. Prints the best time of a few repeats per size and
how it grows against n log n. Nothing is asserted.
"""

import importlib.util
import math
import pathlib
import random
import time
from datetime import date, datetime, timedelta

SIZES = (200, 500, 1000, 2000)
REPEATS = 5
START = datetime(2027, 3, 1)
FORMATS = ("600×600", "800×800", "600×1200", "300×600", "1200×1200")
GLAZES = tuple(f"G-{i:02}" for i in range(1, 13))

_path = pathlib.Path(__file__).resolve().parent.parent / "tile_production" / "planning.py"
_spec = importlib.util.spec_from_file_location("tile_planning", _path)
planning = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(planning)


def factory():
    """The resources, and the press lines that make each format."""
    rnd = random.Random(1)
    holidays = frozenset(date(2027, month, day) for month, day in ((4, 5), (5, 1), (6, 14), (10, 1), (10, 2)))
    shifts = planning.Calendar(tuple((day, 6.0, 22.0) for day in range(6)), holidays)
    resources, presses = [], {fmt: [] for fmt in FORMATS}
    for i in range(6):
        made = [FORMATS[(i + j) % len(FORMATS)] for j in range(3)]  # each format on 3 or 4 lines
        rates = {fmt: rnd.choice((2400, 3000, 3600)) for fmt in made}
        resources.append(planning.Resource(f"press {i + 1}", rates, changeover_hours=rnd.choice((4.0, 6.0))))
        for fmt in made:
            presses[fmt].append(f"press {i + 1}")
    everything = dict.fromkeys(FORMATS, 7000)
    for i in range(1, 4):
        resources.append(planning.Resource(f"glaze {i}", everything, 1.0, glaze_changeover_hours=0.5))
    for i in range(1, 3):
        resources.append(
            planning.Resource(f"kiln {i}", dict.fromkeys(FORMATS, 14000), 1.0, min_batch_m2=1000)
        )
    for i in range(1, 3):
        resources.append(planning.Resource(f"sorting {i}", dict.fromkeys(FORMATS, 11000), calendar=shifts))
        resources.append(planning.Resource(f"packing {i}", dict.fromkeys(FORMATS, 12000), calendar=shifts))
    return resources, presses


def open_runs(n, presses, seed):
    """n runs due over a horizon that grows with n (about what the presses make in it)."""
    rnd = random.Random(seed)
    horizon = n / 7.5 + 5  # days: 7.5 runs a day keep the presses about 80 % busy
    runs = []
    for i in range(n):
        fmt = rnd.choice(FORMATS)
        glaze = rnd.choice(GLAZES) if rnd.random() < 0.8 else None
        stages = [tuple(presses[fmt])]
        if glaze:
            stages.append(("glaze 1", "glaze 2", "glaze 3"))
        stages += [("kiln 1", "kiln 2"), ("sorting 1", "sorting 2"), ("packing 1", "packing 2")]
        due = START + timedelta(hours=rnd.uniform(2, horizon) * 24)
        pinned = {}
        if rnd.random() < 0.02:  # dragged on the board
            pinned = {
                "pinned_start": START + timedelta(hours=rnd.uniform(0, horizon) * 24),
                "pinned_resource": rnd.choice(presses[fmt]),
            }
        m2 = round(rnd.uniform(300, 3000), 1)
        runs.append(planning.Run(i, fmt, m2, due, tuple(stages), glaze=glaze, **pinned))
    return runs


def main():
    resources, presses = factory()
    press_keys = [res.key for res in resources if res.key.startswith("press")]
    best = {}
    print(f"{'n':>6} {'best s':>9} {'per n log n':>12} {'late':>6} {'changeovers':>12}")
    for n in SIZES:
        runs = open_runs(n, presses, seed=n)
        times = []
        for _repeat in range(REPEATS):
            began = time.perf_counter()
            result = planning.plan(runs, resources, START)
            times.append(time.perf_counter() - began)
        best[n] = min(times)
        per = best[n] / (n * math.log2(n))
        ratio = per / (best[SIZES[0]] / (SIZES[0] * math.log2(SIZES[0])))
        changes = sum(result.changeovers(key) for key in press_keys)
        print(f"{n:>6} {best[n]:>9.3f} {ratio:>12.2f} {len(result.late_runs()):>6} {changes:>12}")
    small, big = SIZES[0], SIZES[-1]
    nlogn = (big * math.log2(big)) / (small * math.log2(small))
    print(f"growth {small}->{big}: x{best[big] / best[small]:.1f} (n log n would be x{nlogn:.1f})")
    verdict = "under" if best[big] < 10 else "NOT under"
    print(f"n={big}: {best[big]:.2f} s, {verdict} 10 s")


if __name__ == "__main__":
    main()
