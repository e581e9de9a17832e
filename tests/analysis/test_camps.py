"""The camp search: never below the optimum, and whole camps split and merged where single moves stall."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import alliances
from alliances.analysis import camp_search, edges_of, partition_cost, positive_components, relocate
from alliances.analysis._camps import _CampSearch  # the improvement step, tested on its own
from tests.analysis.test_partition import optimum, random_edges


@settings(max_examples=40, deadline=None)
@given(random_edges(max_nodes=7), st.sampled_from([2, 3, None]), st.sampled_from([0.5, 0.3, 0.8]))
def test_never_below_the_optimum_and_within_k(e, k, alpha):
    labels, cost = camp_search(e, k, alpha=alpha, seed=1)
    assert cost == pytest.approx(partition_cost(e, labels, alpha))
    assert cost >= optimum(e, e.n if k is None else min(k, e.n), alpha) - 1e-9
    if k is not None:
        assert len(np.unique(labels)) <= k
    assert sorted(np.unique(labels).tolist()) == list(range(len(np.unique(labels))))  # numbered 0..c-1


def test_merged_cliques_are_split_where_single_moves_stall():
    g = alliances.planted_camps_graph(4, 8, p_out=0.5, seed=3)  # four cliques of eight, half the pairs across enemies
    _, e = edges_of(g, weighted=False)
    merged = np.repeat([0, 0, 1, 1], 8)  # two pairs of cliques merged: 7 friends inside, about 4 enemies
    assert (relocate(e, merged, 4) == merged).all()  # no single actor gains by moving, even to an empty camp
    search = _CampSearch(e, 4, 0.5, seed=0, target=0.0)
    labels = search.improve(merged)
    assert search.cost(labels) == 0 and len(np.unique(labels)) == 4
    two = _CampSearch(e, None, 0.5, seed=0, target=0.0).improve(np.zeros(32, dtype=np.int64))
    assert partition_cost(e, two) == 0 and len(np.unique(two)) == 4  # any number of camps: split until none helps


def test_camps_beyond_k_are_merged_cheapest_first():
    g = alliances.planted_camps_graph(3, [5, 5, 2], p_out=0.3, seed=2)
    _, e = edges_of(g, weighted=False)
    labels, cost = camp_search(e, 2, starts=[np.repeat([0, 1, 2], [5, 5, 2])])
    assert len(np.unique(labels)) <= 2 and cost == pytest.approx(optimum(e, 2, 0.5))


def test_positive_components():
    g = alliances.planted_camps_graph(3, 4, flip=0.0)
    _, e = edges_of(g, weighted=False)
    assert positive_components(e).tolist() == np.repeat([0, 1, 2], 4).tolist()


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 40), st.integers(0, 2**32 - 1))
def test_positive_components_match_scipy(n, seed):
    """Numbered as scipy's connected_components numbers the positive-tie graph (by each one's smallest actor)."""
    import scipy.sparse as sp
    from scipy.sparse.csgraph import connected_components

    from alliances.analysis import Edges

    rng = np.random.default_rng(seed)
    m = int(rng.integers(0, 2 * n + 1)) if n > 1 else 0
    u, v = rng.integers(0, max(n, 1), m), rng.integers(0, max(n, 1), m)
    u, v = u[u != v], v[u != v]
    c = rng.choice([1.0, -1.0, 0.5], len(u))
    pos = c > 0
    A = sp.csr_array((np.ones(int(pos.sum())), (u[pos], v[pos])), shape=(n, n))
    assert positive_components(Edges(n, u, v, c)).tolist() == connected_components(A, directed=False)[1].tolist()


def test_positive_components_of_a_long_chain():
    """A chain of 5,000 friends numbered backwards: one camp (the hooking's hardest case)."""
    from alliances.analysis import Edges

    n = 5000
    order = np.arange(n)[::-1]
    labels = positive_components(Edges(n, order[:-1], order[1:], np.ones(n - 1)))
    assert labels.tolist() == [0] * n
