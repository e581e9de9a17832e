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

Run: ``.venv/bin/python benchmarks/bench_load.py [--actors N] [--relations M] [--repeat R]``
"""

from __future__ import annotations

import argparse
import gc
import os
import random
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

if __name__ == "__main__":
    main()
