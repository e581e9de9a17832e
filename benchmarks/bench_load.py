"""Benchmark: load a large generated scenario against a bare PyYAML parse of the same file.

Generates a scenario of 5,000 actors and 50,000 relations (each with stance, weight and
confidence) into a temporary file, then measures, in one run:

- ``yaml.load(text, Loader=yaml.CSafeLoader)``: the bare C parse, no validation;
- ``alliances.load(path)`` plus building ``.graph``: the strict reader (line numbers,
  every validation rule, typed objects) and the networkx graph.

It prints wall and CPU time (best of ``--repeat``, the two loads alternating) and peak
traced memory (tracemalloc, in a separate pass so tracing does not distort the timings)
for both, and their ratios. Peak memory counts Python allocations only (libyaml's own
buffers are not traced), the same for both sides.
The target is a full load within 1.5 times the bare parse.

Then a large file: a generated scenario of about ``--large-mb`` megabytes (200 by
default; 0 skips it), given to ``alliances validate`` in a fresh process twice: under the
default input limit (64 MB), which must refuse it cleanly (exit 2, no traceback) at once,
and with ``ALLIANCES_MAX_FILE_MB`` raised above its size, which reads it whole. For each it
prints the exit code, wall and CPU time and the process's peak resident memory (ru_maxrss) above
what the interpreter and the imports take, and that as a multiple of the file's size. The
target is a peak under 10 times the file's size.

Run: ``.venv/bin/python benchmarks/bench_load.py [--actors N] [--relations M] [--repeat R] [--large-mb MB]``
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import yaml

import alliances

STANCES = ("ally", "friendly", "neutral", "ambivalent", "rival", "enemy")
KINDS = ("state", "coalition", "armed_group", "militia", "international_org", "other")


def generate(n_actors: int, n_relations: int, *, seed: int = 7) -> str:
    """Scenario text with n_actors actors and n_relations distinct pairs."""
    rng = random.Random(seed)
    lines = [
        "version: 1",
        "scenario: Generated benchmark scenario",
        "as_of: 2020-01-01",
        "sources:",
        "  - id: src-1",
        "    title: A generated source",
        "theaters:",
        "  - id: t0",
        "    name: Theater zero",
        "  - id: t1",
        "    name: Theater one",
        "actors:",
    ]
    for i in range(n_actors):
        lines += [
            f"  - id: a{i}",
            f"    name: Actor number {i}",
            f"    kind: {KINDS[i % len(KINDS)]}",
            f"    theaters: [t{i % 2}]",
        ]
    lines.append("relations:")
    seen: set[tuple[int, int]] = set()
    while len(seen) < n_relations:
        a, b = rng.randrange(n_actors), rng.randrange(n_actors)
        if a == b or (min(a, b), max(a, b)) in seen:
            continue
        seen.add((min(a, b), max(a, b)))
        lines += [
            f"  - actors: [a{a}, a{b}]",
            f"    stance: {rng.choice(STANCES)}",
            f"    weight: {rng.randint(1, 100) / 100}",
            f"    confidence: {rng.randint(1, 100) / 100}",
        ]
    return "\n".join(lines) + "\n"


def write_large(path: Path, megabytes: float, *, seed: int = 7) -> None:
    """A scenario of about ``megabytes`` MB, written line by line (never whole in memory).

    Actors ``a0..a{n-1}``; relation k of actor i is the pair (i, i + k mod n), k = 1, 2, ...,
    so pairs are distinct without remembering them.
    """
    rng = random.Random(seed)
    n_actors = 100_000
    per_relation = 92  # bytes of one relation's four lines, about
    n_relations = int(megabytes * 1e6 / per_relation)
    with open(path, "w", encoding="utf-8") as out:
        out.write("version: 1\nscenario: Generated large scenario\nas_of: 2020-01-01\n"
                  "sources:\n  - id: src-1\ntheaters:\n  - id: t0\n    name: Theater zero\nactors:\n")
        for i in range(n_actors):
            out.write(f"  - id: a{i}\n    name: Actor number {i}\n    kind: {KINDS[i % len(KINDS)]}\n    theaters: [t0]\n")
        out.write("relations:\n")
        for r in range(n_relations):
            k, i = divmod(r, n_actors)
            out.write(f"  - actors: [a{i}, a{(i + k + 1) % n_actors}]\n    stance: {rng.choice(STANCES)}\n"
                      f"    weight: {rng.randint(1, 100) / 100}\n    confidence: {rng.randint(1, 100) / 100}\n")


_CHILD = """
import json, resource, sys, time
from alliances.cli import main
import alliances.readwrite
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0, c0 = time.perf_counter(), time.process_time()
code = main(["validate", sys.argv[1]])
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"code": code, "wall": wall, "cpu": cpu, "base_kb": base, "peak_kb": peak}))
"""


def validate_in_child(path: Path, limit_mb: float | None) -> tuple[dict, str]:
    """``alliances validate path`` in a fresh interpreter: exit code, wall time, peak RSS; and its stderr."""
    env = dict(os.environ)
    env.pop("ALLIANCES_MAX_FILE_MB", None)
    if limit_mb is not None:
        env["ALLIANCES_MAX_FILE_MB"] = str(limit_mb)
    done = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, env=env)
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stderr.strip()


def large_file(megabytes: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.yaml"
        t0 = time.perf_counter()
        write_large(path, megabytes)
        size = os.path.getsize(path)
        print(f"\nlarge scenario: {size / 1e6:.1f} MB (written in {time.perf_counter() - t0:.0f} s)")
        print(f"{'alliances validate':32}{'exit':>6}{'wall (s)':>10}{'CPU (s)':>10}{'peak MB':>10}{'x size':>8}")
        for label, limit in (("default limit (64 MB)", None), (f"limit raised to {size // 10**6 + 1} MB", size // 10**6 + 1)):
            result, err = validate_in_child(path, limit)
            extra_mb = (result["peak_kb"] - result["base_kb"]) / 1e3
            print(f"{label:32}{result['code']:>6}{result['wall']:10.1f}{result['cpu']:10.1f}{extra_mb:10.1f}"
                  f"{extra_mb * 1e6 / size:8.2f}")
            if err:
                print(f"  stderr: {err.splitlines()[0][:160]}")
        print("peak MB: the process's peak resident memory above the interpreter and imports; target < 10x the size")


def bare(path: Path) -> object:
    return yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader)


def full(path: Path) -> object:
    net = alliances.load(path)
    net.graph  # noqa: B018  build the graph: part of what a user pays for
    return net


def best_time(fn, path: Path, repeat: int) -> tuple[float, float]:
    """Best wall time and best CPU time of this process (CPU time is steadier on a shared machine)."""
    walls, cpus = [], []
    for _ in range(repeat):
        gc.collect()
        t0, c0 = time.perf_counter(), time.process_time()
        fn(path)
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return min(walls), min(cpus)


def peak_memory(fn, path: Path) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        fn(path)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=5000)
    parser.add_argument("--relations", type=int, default=50000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--large-mb", type=float, default=200, help="size of the large scenario (0: skip it)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.yaml"
        path.write_text(generate(args.actors, args.relations), "utf-8")
        size = os.path.getsize(path)
        print(f"scenario: {args.actors} actors, {args.relations} relations, {size / 1e6:.1f} MB")
        full(path)  # warm-up: imports (networkx) and caches, so both sides are timed warm
        # Alternate the two so that a change in machine load hits both alike.
        bare_runs, full_runs = [], []
        for _ in range(args.repeat):
            bare_runs.append(best_time(bare, path, 1))
            full_runs.append(best_time(full, path, 1))
        (w_bare, c_bare), (w_full, c_full) = min(bare_runs), min(full_runs)
        c_bare, c_full = min(c for _, c in bare_runs), min(c for _, c in full_runs)
        m_bare = peak_memory(bare, path)
        m_full = peak_memory(full, path)

    print(f"{'':32}{'wall (s)':>10}{'CPU (s)':>10}{'peak MB':>10}")
    print(f"{'yaml.load (CSafeLoader)':32}{w_bare:10.2f}{c_bare:10.2f}{m_bare / 1e6:10.1f}")
    print(f"{'alliances.load + .graph':32}{w_full:10.2f}{c_full:10.2f}{m_full / 1e6:10.1f}")
    ratio = w_full / w_bare
    verdict = "meets" if ratio <= 1.5 else "misses"
    print(
        f"ratio: wall {ratio:.2f}x, CPU {c_full / c_bare:.2f}x, peak memory {m_full / m_bare:.2f}x "
        f"({verdict} the 1.5x target)"
    )
    if args.large_mb > 0:
        large_file(args.large_mb)


if __name__ == "__main__":
    main()

