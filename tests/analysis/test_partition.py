"""The solver machinery shared by the frustration index and the factions, against brute force."""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliances.analysis import (
    Edges,
    check_exact,
    edge_triangles,
    edges_of,
    local_search,
    order_camps,
    partition_cost,
    settle_bound,
    sort_nodes,
    triangle_packing_bound,
)
from alliances.errors import ParameterError


@st.composite
def random_edges(draw, max_nodes=8):
    """Signed ties on nodes 0..n-1 with weights, as :class:`Edges`."""
    n = draw(st.integers(1, max_nodes))
    pairs = [p for p in itertools.combinations(range(n), 2) if draw(st.booleans())]
    c = [draw(st.sampled_from([-2.0, -1.0, -0.5, 0.5, 1.0, 3.0])) for _ in pairs]
    u = np.array([p[0] for p in pairs], dtype=np.int64)
    v = np.array([p[1] for p in pairs], dtype=np.int64)
    return Edges(n, u, v, np.array(c, dtype=float))


def cost_by_hand(e: Edges, labels, alpha: float) -> float:
    total = 0.0
    for a, b, c in zip(e.u.tolist(), e.v.tolist(), e.c.tolist(), strict=True):
        if c < 0 and labels[a] == labels[b]:
            total += alpha * -c
        elif c > 0 and labels[a] != labels[b]:
            total += (1 - alpha) * c
    return total


def optimum(e: Edges, k: int, alpha: float) -> float:
    return min(cost_by_hand(e, labels, alpha) for labels in itertools.product(range(k), repeat=e.n))


def test_edges_of_numbers_nodes_in_natural_order_and_drops_zero_ties():
    g = nx.Graph()
    g.add_edge("c", "a", sign=-1, weight=2.0)
    g.add_edge("a", "b", sign=0, weight=1.0)
    g.add_node("d")
    nodes, e = edges_of(g, weighted=True)
    assert nodes == ["a", "b", "c", "d"] and e.n == 4 and e.m == 1
    assert {tuple(sorted((nodes[e.u[0]], nodes[e.v[0]])))} == {("a", "c")}
    assert e.c.tolist() == [-2.0]
    assert edges_of(g, weighted=False)[1].c.tolist() == [-1.0]


def test_penalties_weigh_negative_ties_by_alpha():
    e = Edges(3, np.array([0, 1]), np.array([1, 2]), np.array([-2.0, 4.0]))
    neg, pen = e.penalties(0.25)
    assert neg.tolist() == [True, False] and pen.tolist() == [0.5, 3.0]


@settings(max_examples=100, deadline=None)
@given(random_edges(), st.sampled_from([0.5, 0.2, 1.0]), st.data())
def test_partition_cost_equals_the_hand_count(e, alpha, data):
    labels = np.array(data.draw(st.lists(st.integers(0, 2), min_size=e.n, max_size=e.n)), dtype=np.int64)
    assert partition_cost(e, labels, alpha) == pytest.approx(cost_by_hand(e, labels, alpha))


@settings(max_examples=80, deadline=None)
@given(random_edges(max_nodes=7), st.sampled_from([2, 3]), st.sampled_from([0.5, 0.3]))
def test_local_search_is_never_below_the_optimum_and_reports_its_cost(e, k, alpha):
    labels, cost = local_search(e, k, alpha=alpha, seed=1)
    assert labels.shape == (e.n,) and labels.min() >= 0 and labels.max() < k
    assert cost == pytest.approx(partition_cost(e, labels, alpha))
    assert cost >= optimum(e, k, alpha) - 1e-9


def test_local_search_finds_planted_camps():
    rng = np.random.default_rng(0)
    camp = rng.integers(0, 3, 40)
    pairs = [(a, b) for a, b in itertools.combinations(range(40), 2) if rng.random() < 0.3]
    e = Edges(40, np.array([a for a, _ in pairs]), np.array([b for _, b in pairs]),
              np.array([1.0 if camp[a] == camp[b] else -1.0 for a, b in pairs]))
    labels, cost = local_search(e, 3, seed=0)
    assert cost == 0.0
    # the same split: camps and labels in one-to-one correspondence
    assert len({(int(x), int(y)) for x, y in zip(camp, labels, strict=True)}) == len(set(labels.tolist())) == 3


def test_local_search_trivial_cases():
    empty = Edges(0, np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0))
    assert local_search(empty, 2)[1] == 0.0
    one_camp = Edges(2, np.array([0]), np.array([1]), np.array([-1.0]))
    labels, cost = local_search(one_camp, 1)
    assert labels.tolist() == [0, 0] and cost == 0.5


@settings(max_examples=80, deadline=None)
@given(random_edges())
def test_edge_triangles_are_every_triangle_once(e):
    tri = edge_triangles(e, chunk=3)  # small chunks: the chunked listing too
    found = {frozenset(map(int, t)) for t in tri}
    assert len(found) == len(tri)
    g = nx.Graph()
    g.add_edges_from((int(a), int(b), {"id": i}) for i, (a, b) in enumerate(zip(e.u, e.v, strict=True)))
    expected = {
        frozenset((g[a][b]["id"], g[b][c]["id"], g[a][c]["id"]))
        for a, b, c in itertools.combinations(sorted(g), 3)
        if g.has_edge(a, b) and g.has_edge(b, c) and g.has_edge(a, c)
    }
    assert found == expected


@settings(max_examples=80, deadline=None)
@given(random_edges(max_nodes=7), st.sampled_from([2, 3]), st.sampled_from([0.5, 0.3]))
def test_triangle_packing_bound_is_a_lower_bound(e, k, alpha):
    bound = triangle_packing_bound(e, edge_triangles(e), alpha=alpha, k=k)
    assert 0.0 <= bound <= optimum(e, k, alpha) + 1e-9


def test_triangle_packing_bound_of_one_unbalanced_triangle():
    # ++- with weights 1, 2, 3 (penalty half of each at alpha 0.5): one tie must go, the cheapest is 0.5
    e = Edges(3, np.array([0, 1, 0]), np.array([1, 2, 2]), np.array([1.0, 2.0, -3.0]))
    assert triangle_packing_bound(e, edge_triangles(e), k=2) == 0.5
    # three enemies: unavoidable with two camps, not with three
    enemies = Edges(3, np.array([0, 1, 0]), np.array([1, 2, 2]), np.array([-1.0, -1.0, -1.0]))
    assert triangle_packing_bound(enemies, edge_triangles(enemies), k=2) == 0.5
    assert triangle_packing_bound(enemies, edge_triangles(enemies), k=3) == 0.0


def test_settle_bound():
    assert settle_bound(3.0, 3.0, False) == (3.0, True, 0.0)  # a bound that meets the value proves it
    assert settle_bound(4.0, 3.0, False) == (3.0, False, 0.25)
    assert settle_bound(4.0, 5.0, False) == (4.0, True, 0.0)  # never above the value
    assert settle_bound(0.0, 0.0, False) == (0.0, True, 0.0)


def test_check_exact():
    for ok in (True, False, "auto"):
        check_exact(ok)
    for bad in (1, 0, "yes", None):
        with pytest.raises(ParameterError):
            check_exact(bad)


def test_camp_order():
    assert sort_nodes([3, 1, 2]) == [1, 2, 3]
    assert sort_nodes(["b", 1]) == [1, "b"]  # no natural order: by text
    assert order_camps([["e"], ["d", "c"], ["b", "a"]]) == [["a", "b"], ["c", "d"], ["e"]]
    assert order_camps([[], ["x"]]) == [["x"], []]


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000), st.integers(2, 6), st.integers(2, 80), st.booleans())
def test_own_kmeans_draws_what_scipys_kmeans2_draws(seed, k, n, rounded):
    """The spectral start's k-means (kept out of scipy.cluster for the import time) gives scipy's labels
    and leaves the random generator where scipy leaves it."""
    import warnings

    from scipy.cluster.vq import kmeans2

    from alliances.analysis._search import _kmeans

    g = np.random.default_rng(seed)
    X = g.standard_normal((n, k))
    if rounded:  # repeated rows, as camps of actors with the same ties give
        X = np.round(X, 1)
    norms = np.linalg.norm(X, axis=1, keepdims=True)
    X = X / np.where(norms > 0, norms, 1.0)
    ours, theirs = np.random.default_rng(seed + 1), np.random.default_rng(seed + 1)
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        _, want = kmeans2(X, k, seed=theirs, minit="++")
    assert _kmeans(X, k, ours).tolist() == want.tolist()
    assert ours.uniform() == theirs.uniform()
