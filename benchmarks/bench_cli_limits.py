"""Benchmark: the command line under careless hands: interrupts, big JSON, refusals.

Prints, each from a fresh process as a user runs it:

- Ctrl-C and SIGTERM sent while HiGHS solves an exact frustration index (100 actors,
  400 ties, 60 s time limit): seconds from the signal to the ``alliances: interrupted``
  line and to the exit, and the exit code (target: under 1 s; before, the signal waited
  for the solver's time limit);
- ``alliances risk FILE --json`` on a random scenario (default 1,000 actors, ten ties
  each; ``--actors 3000`` for the case that died at 7.4 GB): wall time, peak memory of
  the process, bytes and pairs written (target: peak memory below 1 GB at 3,000 actors);
- ``alliances draw`` refusing 301 actors and a 20 GB raster: wall time (start-up and
  reading the scenario only: no drawing).

The machine may be shared: run it when it is quiet for the interrupt figures.

Run: ``.venv/bin/python benchmarks/bench_cli_limits.py [--actors N]``
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ALLIANCES = str(Path(sys.executable).parent / "alliances")


def scenario(path: Path, n: int, ties: int, seed: int = 1) -> Path:
    """n actors in four noisy camps, ``ties`` relations (YAML written directly: quick for thousands)."""
    rng = random.Random(seed)
    camp = [rng.randrange(4) for _ in range(n)]
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < ties:
        i, j = sorted(rng.sample(range(n), 2))
        pairs.add((i, j))
    lines = [f"scenario: Random {n}", "actors:"]
    lines += [f"  - {{id: a{i:05d}, name: Actor {i}, kind: state}}" for i in range(n)]
    lines.append("relations:")
    for i, j in sorted(pairs):
        stance = ("ally" if camp[i] == camp[j] else "enemy") if rng.random() > 0.1 else rng.choice(["ally", "enemy"])
        lines.append(f"  - {{actors: [a{i:05d}, a{j:05d}], stance: {stance}}}")
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def run_measured(args: list[str]) -> tuple[int, float, int, int]:
    """Exit code, wall seconds, peak memory (bytes) and stdout bytes of ``alliances ARGS``."""
    with tempfile.TemporaryFile() as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen([ALLIANCES, *args], stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        size = out.seek(0, os.SEEK_END)
    return os.waitstatus_to_exitcode(status), wall, usage.ru_maxrss * 1024, size


CHILD = """
import sys, highspy
pass_model = highspy.Highs.passModel
def marked(self, *a):
    r = pass_model(self, *a)
    print("READY", file=sys.stderr, flush=True)
    return r
highspy.Highs.passModel = marked
from alliances.cli import main
sys.exit(main(sys.argv[1:]))
"""


def interrupt(sig: signal.Signals, path: Path) -> tuple[int, float, float, str]:
    child = subprocess.Popen([sys.executable, "-c", CHILD, "balance", str(path), "--exact", "--time-limit", "60"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert child.stderr is not None
    child.stderr.readline()
    time.sleep(0.5)  # well inside the solve
    t0 = time.perf_counter()
    child.send_signal(sig)
    line = child.stderr.readline()
    t_line = time.perf_counter() - t0
    child.wait()
    return child.returncode, t_line, time.perf_counter() - t0, line.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=1000, help="actors of the risk --json scenario")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        hard = scenario(folder / "hard.yaml", 100, 400)
        for sig in (signal.SIGINT, signal.SIGTERM):
            code, t_line, t_exit, line = interrupt(sig, hard)
            print(f"{sig.name:<8} inside an exact solve: message after {t_line:5.2f} s, exit {code} after "
                  f"{t_exit:5.2f} s  ({line!r})  target < 1 s: {'met' if t_exit < 1 else 'MISSED'}")

        n = opts.actors
        big = scenario(folder / "big.yaml", n, 10 * n)
        code, wall, peak, size = run_measured(["risk", str(big), "--json"])
        pairs = n * (n - 1) // 2
        print(f"risk --json, {n:,} actors ({pairs:,} pairs): exit {code}, wall {wall:7.1f} s, peak memory "
              f"{peak / 2**20:7.0f} MiB, {size / 2**20:7.0f} MiB of JSON")

        crowd = scenario(folder / "crowd.yaml", 301, 600)
        for label, args in (("draw, 301 actors (refused)", ["draw", str(crowd), "-o", str(folder / "x.svg")]),
                            ("draw --dpi 1200 --width 60 --height 60 (refused)",
                             ["draw", str(crowd), "-o", str(folder / "x.png"), "--dpi", "1200", "--width", "60",
                              "--height", "60"])):
            code, wall, peak, _ = run_measured(args)
            print(f"{label:<48} exit {code}, wall {wall:5.1f} s, peak memory {peak / 2**20:5.0f} MiB")


if __name__ == "__main__":
    main()
