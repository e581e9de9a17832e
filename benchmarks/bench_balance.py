"""Benchmark: the exact and heuristic frustration index.

1. Exact frustration index of every snapshot of ``benchmarks/data/cow_signed_windows.csv``
   (51 windows of alliances and disputes, 1946-1999), proven optimal, timed per snapshot
   and in total, side by side in the same run with the plain XOR model of Aref, Mason &
   Wilson (2018) handed straight to HiGHS: one binary per node, one binary per tie, the
   four XOR rows per tie, one node fixed, nothing else (built below). The values must be
   identical; the ratio of total times is printed (target: at least 5).
2. Heuristic frustration index of a clustered signed graph of 100,000 nodes and about
   1,000,000 ties (``nx.powerlaw_cluster_graph(100_000, 10, 0.5, seed=1)``), with signs
   drawn at random (seed 2), and with signs from two planted camps with 10 % of the ties
   flipped (the flips are an upper bound on the index): time, value, lower bound
   (triangle packing) and gap. ``--quick`` skips it.
3. Factions of planted camps (``alliances.planted_camps_graph``): 1,000 actors in 10 camps and
   10,000 actors in 50 camps, each actor with about 15 friends in its camp and 10 enemies
   outside, 2 % of the ties flipped; k given and k chosen: time, criterion reached against
   the planted camps' criterion (the flips), camps found. ``--quick`` skips the 10,000.
4. Balance against chance on every COW window: 1,000 sign shuffles for the census and walk
   balance, 100 for the (heuristic) frustration index; time per window and in total
   (target: under 60 s).

``--only cow|large|planted|chance`` runs one section.

Run: ``.venv/bin/python benchmarks/bench_balance.py [--quick] [--windows N] [--only SECTION]``
"""

from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path

import networkx as nx
import numpy as np

from alliances.analysis import balance_against_chance, factions, frustration_index, highs, planted_camps_graph

DATA = Path(__file__).parent / "data" / "cow_signed_windows.csv"


def read_windows(path: Path) -> dict[str, nx.Graph]:
    graphs: dict[str, nx.Graph] = {}
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh):
            g = graphs.setdefault(row["window"], nx.Graph())
            g.add_edge(row["source"], row["target"], sign=int(row["sign"]), weight=1.0)
    return graphs


def plain_xor(g: nx.Graph) -> tuple[float, bool, float]:
    """Aref et al.'s XOR model as it stands, solved by HiGHS with default options.

    min sum_{E+} f_ij + sum_{E-} (1 - f_ij)
    s.t. f_ij >= x_i - x_j, f_ij >= x_j - x_i, f_ij <= x_i + x_j, f_ij <= 2 - x_i - x_j,
         x, f binary, x of the first node fixed to 0.
    Returns the optimum, whether proven optimal, and the seconds spent (build + solve).
    """
    import highspy

    t0 = time.perf_counter()
    nodes = list(g)
    index = {x: i for i, x in enumerate(nodes)}
    n, m = len(nodes), g.number_of_edges()
    h = highs()
    lp = highspy.HighsLp()
    lp.num_col_ = n + m
    lp.num_row_ = 4 * m
    cost = np.zeros(n + m)
    offset = 0.0
    starts, idx, val, lo, hi = [0], [], [], [], []
    inf = highspy.kHighsInf
    for e, (a, b, d) in enumerate(g.edges(data=True)):
        i, j, f = index[a], index[b], n + e
        if d["sign"] > 0:
            cost[f] = 1.0
        else:
            cost[f] = -1.0
            offset += 1.0
        for coefs, low, up in (
            ((1, -1, 1), 0.0, inf),  # f - x_i + x_j >= 0
            ((1, 1, -1), 0.0, inf),  # f + x_i - x_j >= 0
            ((1, -1, -1), -inf, 0.0),  # f - x_i - x_j <= 0
            ((1, 1, 1), -inf, 2.0),  # f + x_i + x_j <= 2
        ):
            idx += [f, i, j]
            val += list(coefs)
            lo.append(low)
            hi.append(up)
            starts.append(len(idx))
    lp.col_cost_ = cost
    lp.offset_ = offset
    lower = np.zeros(n + m)
    upper = np.ones(n + m)
    upper[0] = 0.0
    lp.col_lower_ = lower
    lp.col_upper_ = upper
    lp.row_lower_ = np.array(lo)
    lp.row_upper_ = np.array(hi)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.num_col_ = n + m
    lp.a_matrix_.num_row_ = 4 * m
    lp.a_matrix_.start_ = np.array(starts, dtype=np.int32)
    lp.a_matrix_.index_ = np.array(idx, dtype=np.int32)
    lp.a_matrix_.value_ = np.array(val, dtype=float)
    lp.integrality_ = [highspy.HighsVarType.kInteger] * (n + m)
    h.passModel(lp)
    h.run()
    optimal = h.getModelStatus() == highspy.HighsModelStatus.kOptimal
    value = h.getInfo().objective_function_value
    return float(round(value)), optimal, time.perf_counter() - t0


def bench_cow(limit: int | None) -> None:
    graphs = read_windows(DATA)
    names = list(graphs)[:limit] if limit else list(graphs)
    print(f"## Exact frustration index, {len(names)} COW snapshots (proven optimal)")
    print(
        f"{'window':>7} {'nodes':>5} {'ties':>5} {'index':>5} {'plain XOR s':>11} {'alliances s':>11} {'ratio':>6}"
    )
    tot_plain = tot_ours = 0.0
    for name in names:
        g = graphs[name]
        plain, plain_opt, t_plain = plain_xor(g)
        t0 = time.perf_counter()
        r = frustration_index(g, exact=True)
        t_ours = time.perf_counter() - t0
        assert plain_opt and r.optimal, name
        assert r.value == plain, (name, r.value, plain)
        tot_plain += t_plain
        tot_ours += t_ours
        print(
            f"{name:>7} {g.number_of_nodes():>5} {g.number_of_edges():>5} {int(r.value):>5} "
            f"{t_plain:>11.3f} {t_ours:>11.3f} {t_plain / max(t_ours, 1e-9):>6.1f}"
        )
    print(
        f"{'total':>7} {'':>5} {'':>5} {'':>5} {tot_plain:>11.2f} {tot_ours:>11.2f} {tot_plain / tot_ours:>6.1f}"
    )
    print(f"all {len(names)} values identical; speed-up {tot_plain / tot_ours:.1f}x (target >= 5x)\n")


def bench_large() -> None:
    print("## Heuristic frustration index, clustered signed graph")
    t0 = time.perf_counter()
    g = nx.powerlaw_cluster_graph(100_000, 10, 0.5, seed=1)
    edges = np.array(g.edges(), dtype=np.int64)
    n, m = g.number_of_nodes(), len(edges)
    print(f"graph: {n:,} nodes, {m:,} ties (generated in {time.perf_counter() - t0:.1f} s)")
    rng = np.random.default_rng(2)
    random_signs = rng.choice([-1, 1], size=m)
    # planted: two hidden camps, then 10 % of the ties flipped; the flips bound the index from above
    side = rng.integers(0, 2, n)
    planted = np.where(side[edges[:, 0]] == side[edges[:, 1]], 1, -1)
    flips = rng.random(m) < 0.10
    planted[flips] *= -1
    for name, signs, note in (
        ("random signs", random_signs, ""),
        ("planted camps + 10 % flips", planted, f"; the planted split frustrates {int(flips.sum()):,}"),
    ):
        sg = nx.Graph()
        sg.add_nodes_from(range(n))
        sg.add_edges_from(
            (int(a), int(b), {"sign": int(s), "weight": 1.0}) for (a, b), s in zip(edges, signs, strict=True)
        )
        t0 = time.perf_counter()
        r = frustration_index(sg, exact=False)
        t = time.perf_counter() - t0
        print(
            f"{name}: {t:.1f} s, index {int(r.value):,} ({r.value / m:.1%} of ties), "
            f"lower bound {int(r.lower_bound):,}, gap {r.gap:.1%}{note}"
        )


def planted_criterion(g: nx.Graph, alpha: float = 0.5) -> float:
    """The criterion of the planted camps: what the flipped ties cost them."""
    camp = nx.get_node_attributes(g, "camp")
    return sum(alpha if d["sign"] < 0 else 1 - alpha for a, b, d in g.edges(data=True)
               if (d["sign"] < 0) == (camp[a] == camp[b]))


def bench_planted(quick: bool) -> None:
    print("## Factions of planted camps (15 friends inside, 10 enemies outside, 2 % of ties flipped)")
    print(f"{'actors':>7} {'camps':>5} {'ties':>7} {'k':>6} {'seconds':>8} {'CPU s':>6} {'criterion':>9} "
          f"{'planted':>8} {'camps found':>11} {'method':>9}")
    for n, k in ((1_000, 10), (10_000, 50))[: 1 if quick else 2]:
        size = n // k
        t0 = time.perf_counter()
        g = planted_camps_graph(k, size, p_in=15 / (size - 1), p_out=10 / (n - size), flip=0.02, seed=1)
        made = time.perf_counter() - t0
        planted = planted_criterion(g)
        for kk in (k, None):
            t0, c0 = time.perf_counter(), time.process_time()
            r = factions(g, k=kk)
            t, cpu = time.perf_counter() - t0, time.process_time() - c0
            print(f"{n:>7,} {k:>5} {g.number_of_edges():>7,} {kk or 'chosen':>6} {t:>8.1f} {cpu:>6.1f} "
                  f"{r.value:>9g} {planted:>8g} {r.k:>11} {r.method:>9}")
        print(f"        (graph made in {made:.1f} s)")
    print()


def bench_chance(limit: int | None) -> None:
    graphs = read_windows(DATA)
    names = list(graphs)[:limit] if limit else list(graphs)
    print(f"## Balance against chance, {len(names)} COW windows: 1,000 shuffles (census, walk), 100 (frustration)")
    print(f"{'window':>7} {'nodes':>5} {'ties':>5} {'seconds':>8} {'CPU s':>6} {'p census':>9} {'p walk':>7} "
          f"{'p frustr.':>9} {'method':>9}")
    total = cpu_total = 0.0
    for name in names:
        g = graphs[name]
        t0, c0 = time.perf_counter(), time.process_time()
        c = balance_against_chance(g, draws=1000, frustration_draws=100)
        t, cpu = time.perf_counter() - t0, time.process_time() - c0
        total += t
        cpu_total += cpu
        print(f"{name:>7} {g.number_of_nodes():>5} {g.number_of_edges():>5} {t:>8.2f} {cpu:>6.2f} "
              f"{c.census.p_value:>9.4f} {c.walk.p_value:>7.4f} {c.frustration.p_value:>9.4f} "
              f"{c.frustration.method.split()[0]:>9}")
    # CPU time is what the machine's load does not inflate (BLAS runs on one thread here)
    print(f"total {total:.1f} s wall, {cpu_total:.1f} s CPU for {len(names)} windows (target: under 60 s)\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="skip the 100,000-node heuristic and the 10,000 planted")
    ap.add_argument("--windows", type=int, default=None, help="only the first N COW windows")
    ap.add_argument("--only", choices=["cow", "large", "planted", "chance"], help="run one section")
    args = ap.parse_args()
    print("(timings on a shared 2-core machine; wall time)\n")
    if args.only in (None, "cow"):
        bench_cow(args.windows)
    if args.only == "large" or (args.only is None and not args.quick):
        bench_large()
    if args.only in (None, "planted"):
        bench_planted(args.quick)
    if args.only in (None, "chance"):
        bench_chance(args.windows)


if __name__ == "__main__":
    main()
