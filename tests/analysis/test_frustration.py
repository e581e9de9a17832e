"""The frustration index against brute force, published values and hand-made cases."""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import alliances
from alliances.analysis import (
    Edges,
    FrustrationResult,
    edge_triangles,
    frustration_index,
    partition_cost,
    peel,
    solve_block_milp,
)
from alliances.analysis._frustration import _reconstruct  # the undo step, tested on its own
from tests._paths import DATA, SEED


@st.composite
def signed_graphs(draw, max_nodes=12, weights=(1.0, 2.0, 3.0, 0.5)):
    n = draw(st.integers(1, max_nodes))
    pairs = [(i, j) for i in range(n) for j in range(i + 1, n)]
    p = draw(st.sampled_from([0.2, 0.4, 0.6, 0.9]))
    rnd = random.Random(draw(st.integers(0, 2**32 - 1)))
    g = nx.Graph()
    g.add_nodes_from(range(n))
    for i, j in pairs:
        if rnd.random() < p:
            g.add_edge(i, j, sign=rnd.choice((-1, 1)), weight=rnd.choice(weights))
    return g


def brute_force(g: nx.Graph, *, weighted: bool) -> float:
    """Minimum over all 2^(n-1) bipartitions (node 0 fixed to camp 0)."""
    nodes = list(g)
    n = len(nodes)
    index = {x: i for i, x in enumerate(nodes)}
    es = [
        (index[a], index[b], d["sign"] * (d["weight"] if weighted else 1.0))
        for a, b, d in g.edges(data=True)
        if d["sign"]
    ]
    if not es:
        return 0.0
    u, v, c = (np.array(x) for x in zip(*es, strict=True))
    masks = np.arange(2 ** max(n - 1, 0))
    bits = (masks[:, None] >> np.arange(n)[None, :]) & 1
    same = bits[:, u] == bits[:, v]
    return float((np.where(c < 0, same, ~same) * np.abs(c)).sum(axis=1).min())


def read_signed_csv(path: Path) -> nx.Graph:
    g = nx.Graph()
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh):
            g.add_edge(row["source"], row["target"], sign=int(row["sign"]), weight=1.0)
    return g


def check_consistent(g: nx.Graph, r: FrustrationResult, *, weighted: bool) -> None:
    """Camps partition the nodes and the frustrated ties are exactly those the camps violate."""
    camp = {x: i for i, c in enumerate(r.camps) for x in c}
    assert sorted(camp) == sorted(g) and len(r.camps) == 2
    assert len(r.camps[0]) >= len(r.camps[1])
    bad = []
    total = 0.0
    for a, b, d in g.edges(data=True):
        if d["sign"] == 0:
            continue
        if (d["sign"] < 0) == (camp[a] == camp[b]):
            bad.append(tuple(sorted((a, b))))
            total += d["weight"] if weighted else 1.0
    assert sorted(bad) == r.frustrated
    assert total == pytest.approx(r.value)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(signed_graphs())
def test_exact_equals_brute_force(g):
    for weighted in (False, True):
        r = frustration_index(g, weighted=weighted, exact=True)
        assert r.optimal and r.method == "exact" and r.gap == 0.0
        assert r.value == pytest.approx(brute_force(g, weighted=weighted))
        assert r.lower_bound == r.value
        check_consistent(g, r, weighted=weighted)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(signed_graphs())
def test_heuristic_never_below_exact_and_bound_never_above(g):
    for weighted in (False, True):
        exact = brute_force(g, weighted=weighted)
        h = frustration_index(g, weighted=weighted, exact=False)
        assert h.method == "heuristic"
        assert h.value >= exact - 1e-9
        assert h.lower_bound <= exact + 1e-9
        if not h.optimal:
            assert h.gap == pytest.approx((h.value - h.lower_bound) / h.value)
        check_consistent(g, h, weighted=weighted)


@settings(max_examples=80, deadline=None)
@given(signed_graphs(max_nodes=10))
def test_block_programme_alone_from_a_poor_start(g):
    """The integer programme without reductions, started from all-in-one-camp."""
    nodes, index = list(g), {x: i for i, x in enumerate(g)}
    es = [(index[a], index[b], d["sign"] * d["weight"]) for a, b, d in g.edges(data=True)]
    if not es:
        return
    u, v, c = (np.array(x) for x in zip(*es, strict=True))
    e = Edges(len(nodes), u.astype(np.int64), v.astype(np.int64), c.astype(float))
    labels, value, lb, optimal = solve_block_milp(e, edge_triangles(e), np.zeros(e.n, dtype=np.int64))
    assert optimal
    assert value == pytest.approx(brute_force(g, weighted=True))
    assert 2 * partition_cost(e, labels) == pytest.approx(value)


@settings(max_examples=150, deadline=None)
@given(signed_graphs())
def test_reductions_keep_the_index(g):
    """Dropping pendant nodes and contracting degree-2 nodes: constant + rest == original."""
    adj = {x: {} for x in g}
    for a, b, d in g.edges(data=True):
        adj[a][b] = adj[b][a] = d["sign"] * d["weight"]
    stack, const = peel(adj, two_camps=True)
    rest = nx.Graph()
    rest.add_nodes_from(adj)
    rest.add_edges_from(
        (a, b, {"sign": 1 if c > 0 else -1, "weight": abs(c)})
        for a in adj
        for b, c in adj[a].items()
        if a < b
    )
    assert all(len(adj[x]) >= 3 for x in adj)
    assert const + brute_force(rest, weighted=True) == pytest.approx(brute_force(g, weighted=True))
    # the undo stack extends an optimal split of the rest to an optimal split of g
    best = frustration_index(rest, weighted=True, exact=True)
    spins = {x: (1 if x in best.camps[0] else -1) for x in rest}
    _reconstruct(stack, spins)
    cost = sum(d["weight"] for a, b, d in g.edges(data=True) if (d["sign"] < 0) == (spins[a] == spins[b]))
    assert cost == pytest.approx(brute_force(g, weighted=True))


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 30), st.integers(0, 10**6))
def test_balanced_graph_scores_zero_and_one_flip_on_a_cycle_scores_one(n, seed):
    rng = random.Random(seed)
    g = nx.connected_watts_strogatz_graph(n, min(4, n - 1), 0.3, seed=seed) if n > 4 else nx.complete_graph(n)
    side = {x: rng.random() < 0.5 for x in g}
    for a, b in g.edges:
        g.edges[a, b]["sign"] = 1 if side[a] == side[b] else -1
    r = frustration_index(g)
    assert r.value == 0 and r.optimal and r.frustrated == []
    camps = {frozenset(c) for c in r.camps if c}
    assert camps == {
        frozenset(x for x in g if side[x] == s) for s in (True, False) if any(side[x] == s for x in g)
    }
    on_cycle = [
        e for e in g.edges if e not in set(nx.bridges(g)) and tuple(reversed(e)) not in set(nx.bridges(g))
    ]
    if not on_cycle:
        return
    a, b = rng.choice(on_cycle)
    g.edges[a, b]["sign"] *= -1
    r = frustration_index(g)
    assert r.value == 1 and r.optimal and len(r.frustrated) == 1


def test_highland_tribes_index_is_seven_however_relabelled():
    g = read_signed_csv(DATA / "highland_tribes.csv")
    assert (g.number_of_nodes(), g.number_of_edges()) == (16, 58)
    r = frustration_index(g, exact=True)
    assert (r.value, r.optimal) == (7.0, True)  # the published line index of balance
    check_consistent(g, r, weighted=False)
    rng = random.Random(7)
    names = list(g)
    for _ in range(10):
        perm = names[:]
        rng.shuffle(perm)
        h = nx.relabel_nodes(g, dict(zip(names, [f"t{i:02d}_{p}" for i, p in enumerate(perm)], strict=True)))
        shuffled = nx.Graph()
        edges = list(h.edges(data=True))
        rng.shuffle(edges)
        shuffled.add_edges_from(edges)
        assert frustration_index(shuffled, exact=True).value == 7.0
        assert frustration_index(shuffled, exact=False).value >= 7.0


def test_syria_seed_camps():
    net = alliances.load(SEED)
    r = frustration_index(net)
    assert r.optimal
    assert r.camps == [
        ["assad", "hezbollah", "iran", "russia", "shiite_militias"],
        ["islamic_state", "syrian_rebels", "us_coalition"],
    ]
    # IS fights everyone: its ties to the coalition and to the rebels are the frustrated ones
    assert r.frustrated == [("islamic_state", "syrian_rebels"), ("islamic_state", "us_coalition")]
    assert json.loads(json.dumps(r.to_dict(), allow_nan=False))["camps"] == [list(c) for c in r.camps]


def test_zero_sign_ties_are_ignored_and_isolated_nodes_join_the_first_camp():
    g = nx.Graph()
    g.add_edge("a", "b", sign=-1)
    g.add_edge("b", "c", sign=-1)
    g.add_edge("a", "c", sign=-1)
    g.add_edge("c", "d", sign=0)
    g.add_node("e")
    r = frustration_index(g)
    assert r.value == 1
    assert sorted(x for c in r.camps for x in c) == ["a", "b", "c", "d", "e"]
    assert "e" in r.camps[0] and "d" in r.camps[0]
    net = alliances.load(SEED).with_relation("russia", "us_coalition", "ambivalent")
    assert frustration_index(net).value == 2


def test_time_limit_reports_a_bound_and_gap():
    g = nx.gnp_random_graph(45, 0.5, seed=3)
    rng = random.Random(3)
    for a, b in g.edges:
        g.edges[a, b]["sign"] = rng.choice((-1, 1))
    r = frustration_index(g, exact=True, time_limit=0.0)
    assert r.lower_bound <= r.value
    if not r.optimal:
        assert r.gap == pytest.approx((r.value - r.lower_bound) / r.value)
    assert json.dumps(r.to_dict(), allow_nan=False)


def test_interrupted_programme_reports_its_bound():
    """A random graph far too hard for half a second: the solver stops, the bound is honest."""
    g = nx.gnm_random_graph(120, 700, seed=4)
    rng = random.Random(4)
    for a, b in g.edges:
        g.edges[a, b]["sign"] = rng.choice((-1, 1))
    r = frustration_index(g, exact=True, time_limit=0.5)
    assert r.method == "exact" and not r.optimal
    assert 0 < r.lower_bound < r.value
    assert r.gap == pytest.approx((r.value - r.lower_bound) / r.value)
    assert r.value >= frustration_index(g, exact=False).lower_bound
    check_consistent(g, r, weighted=False)


def test_bad_exact_argument():
    with pytest.raises(ValueError):
        frustration_index(nx.Graph(), exact="yes")


def test_empty_graph():
    r = frustration_index(nx.Graph())
    assert (r.value, r.optimal, r.camps, r.frustrated) == (0.0, True, [[], []], [])
