"""Benchmark: the signed triangle census against networkx's unsigned triangle count.

The graph: ``nx.powerlaw_cluster_graph(100_000, 10, 1.0, seed=1)`` (100,000 nodes, about
1,000,000 ties, clustered: about 1.7 million triangles; with triad probability 0.5 it
has only about 0.5 million), each tie's sign drawn at random (seed 2, 30% negative) and
its weight from {0.5, 1}. Timed in one run, each with its peak memory (tracemalloc: the
Python and numpy allocations of that call):

- ``nx.triangles(G)``: networkx's own unsigned count per node (the baseline);
- ``triangle_census(G)``: the full signed census (+++, ++-, +--, ---) and both balance
  ratios, from the networkx graph (conversion to a sparse matrix included);
- ``actor_census(G)``: the signed census of every node (the like of ``nx.triangles``);
- ``triangle_census(G, weighted=True)``: counts plus the weighted census.

The totals are checked against each other: the sum of ``nx.triangles`` is three times
the signed total, node by node too. Target: the signed census at least as fast as
networkx's unsigned count.

Run: ``.venv/bin/python benchmarks/bench_census.py [--nodes N] [--m M] [--p P]``
"""

from __future__ import annotations

import argparse
import gc
import time
import tracemalloc

import networkx as nx
import numpy as np

from alliances.analysis import actor_census, triangle_census


def measure(fn, *args, **kwargs):
    """(result, seconds, peak MiB): the best time of two plain calls, then one traced call.

    tracemalloc slows Python code down several times, so time and memory are measured in
    separate calls.
    """
    seconds = float("inf")
    for _ in range(2):
        gc.collect()
        t0 = time.perf_counter()
        out = fn(*args, **kwargs)
        seconds = min(seconds, time.perf_counter() - t0)
    gc.collect()
    tracemalloc.start()
    fn(*args, **kwargs)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return out, seconds, peak / 2**20


def build(n: int, m: int, p: float = 1.0) -> nx.Graph:
    G = nx.powerlaw_cluster_graph(n, m, p, seed=1)
    rng = np.random.default_rng(2)
    signs = np.where(rng.random(G.number_of_edges()) < 0.3, -1, 1)
    weights = rng.choice([0.5, 1.0], size=G.number_of_edges())
    for (u, v), s, w in zip(G.edges, signs.tolist(), weights.tolist(), strict=True):
        d = G[u][v]
        d["sign"] = s
        d["weight"] = w
    return G


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--m", type=int, default=10)
    parser.add_argument("--p", type=float, default=1.0, help="triad formation probability")
    args = parser.parse_args()

    t0 = time.perf_counter()
    G = build(args.nodes, args.m, args.p)
    print(f"graph: {G.number_of_nodes():,} nodes, {G.number_of_edges():,} ties "
          f"(built in {time.perf_counter() - t0:.1f} s; shared 2-core machine, one run)")

    tri, t_nx, m_nx = measure(nx.triangles, G)
    total = sum(tri.values()) // 3
    print(f"triangles: {total:,}")
    census, t_c, m_c = measure(triangle_census, G)
    per, t_a, m_a = measure(actor_census, G)
    wcensus, t_w, m_w = measure(triangle_census, G, weighted=True)

    assert census.total == total, (census.total, total)
    assert wcensus.counts == census.counts
    by_node = dict(zip(per["actor"], per["triangles"], strict=True))
    assert all(by_node[v] == c for v, c in tri.items()), "per-node counts differ from nx.triangles"

    print(f"signed census: {census.counts}; strict balance {census.strict_balance:.4f}, "
          f"weak balance {census.weak_balance:.4f}")
    print()
    print(f"{'computation':44s} {'seconds':>9s} {'peak MiB':>9s} {'vs networkx':>12s}")
    rows = [
        ("nx.triangles (unsigned, per node)", t_nx, m_nx),
        ("triangle_census (signed totals + ratios)", t_c, m_c),
        ("actor_census (signed, per node)", t_a, m_a),
        ("triangle_census(weighted=True)", t_w, m_w),
    ]
    for name, t, mem in rows:
        print(f"{name:44s} {t:9.2f} {mem:9.0f} {t_nx / t:11.1f}x")
    print()
    ok = t_c <= t_nx and t_a <= t_nx
    print(f"target (signed census at least as fast as nx.triangles): {'met' if ok else 'NOT met'}")


if __name__ == "__main__":
    main()
