"""Benchmark: a cold ``alliances draw`` on the Syria 2017 seed, wall time, as a user runs it.

Each run is a fresh process (``alliances draw seeds/syria_2017.yaml -o OUT``): Python
start-up, imports (matplotlib, scipy for the factions), the analyses, the layout, label
placement and writing the file. Target: the default network diagram well under 3 s.
Also timed: the other formats and kinds (``--kind risk`` and ``tornado`` load pgmpy for
the risk model, which alone costs about 2 s).

Run: ``.venv/bin/python benchmarks/bench_draw.py [--repeat N]``
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "syria_2017.yaml"
EXE = Path(sys.executable).parent / "alliances"
TARGET = 3.0

CASES = [
    ("network (default), PNG", "net.png", []),
    ("network, SVG", "net.svg", []),
    ("network, PDF", "net.pdf", []),
    ("matrix, PNG", "matrix.png", ["--kind", "matrix"]),
    ("model, PNG", "model.png", ["--kind", "model"]),
    ("network --top 3 (risk), PNG", "top.png", ["--top", "3"]),
    ("risk heatmap, PNG", "risk.png", ["--kind", "risk"]),
    ("tornado, PNG", "tornado.png", ["--kind", "tornado", "--pair", "russia", "us_coalition"]),
]


def cold_run(out: Path, extra: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one fresh ``alliances draw`` process."""
    cmd = [str(EXE), "draw", str(SEED), "-o", str(out), *extra]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per case (default 5)")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    print(f"cold 'alliances draw' on {SEED.relative_to(ROOT)}, {args.repeat} runs each; "
          f"load average {load:.1f} on {os.cpu_count()} CPUs (wall time suffers on a shared machine, CPU time less)")
    print(f"{'case':32} {'wall min':>8} {'median':>7} {'max':>6} {'CPU median':>11}")
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, filename, extra in CASES:
            runs = [cold_run(Path(tmp) / filename, extra) for _ in range(args.repeat)]
            walls = [w for w, _ in runs]
            results[name] = walls
            print(f"{name:32} {min(walls):8.2f} {statistics.median(walls):7.2f} {max(walls):6.2f} "
                  f"{statistics.median(c for _, c in runs):11.2f}")
    best = min(results[CASES[0][0]])
    median = statistics.median(results[CASES[0][0]])
    verdict = "ok" if median < TARGET else "OVER TARGET (see the load average)"
    print(f"default network diagram: wall median {median:.2f} s (best {best:.2f} s), target < {TARGET:.1f} s, "
          f"ratio {median / TARGET:.2f}: {verdict}")


if __name__ == "__main__":
    main()
