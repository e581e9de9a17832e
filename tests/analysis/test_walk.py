"""Walk balance against the matrix exponential, balanced graphs and a published value."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
import scipy.linalg
from hypothesis import given, settings
from hypothesis import strategies as st

# _walk: its dense-size threshold is lowered in one test to reach the sparse path
from alliances.analysis import _walk, triangle_census, walk_balance
from alliances.errors import ParameterError
from alliances.readwrite import read_signed_csv
from tests._paths import DATA
from tests.analysis._graphs import signed_graphs


def dense_walk_balance(G, weighted=False):
    nodes = list(G)
    A = np.zeros((len(nodes), len(nodes)))
    for u, v, d in G.edges(data=True):
        s = d["sign"] * (d["weight"] if weighted else 1.0)
        A[nodes.index(u), nodes.index(v)] = A[nodes.index(v), nodes.index(u)] = s
    return np.trace(scipy.linalg.expm(A)) / np.trace(scipy.linalg.expm(np.abs(A)))


@settings(max_examples=80, deadline=None)
@given(signed_graphs(max_nodes=9).filter(lambda g: len(g) > 0), st.booleans())
def test_walk_balance_equals_matrix_exponential(G, weighted):
    assert walk_balance(G, weighted=weighted) == pytest.approx(dense_walk_balance(G, weighted), rel=1e-9)


def _balanced(n, seed):
    """A balanced graph: two camps, positive inside, negative between."""
    rng = np.random.default_rng(seed)
    camp = rng.integers(0, 2, n)
    G = nx.gnp_random_graph(n, 0.3, seed=seed)
    for u, v in G.edges:
        G.edges[u, v]["sign"] = 1 if camp[u] == camp[v] else -1
    return G


@pytest.mark.parametrize("seed", range(5))
def test_walk_balance_is_one_for_balanced_graphs(seed):
    G = _balanced(30, seed)
    assert walk_balance(G) == 1.0
    assert triangle_census(G).strict_balance in (1.0, None)


@pytest.mark.parametrize(("m", "rel"), [(40, 1e-6), (3, 0.01)])
def test_walk_balance_sparse_path_matches_dense(monkeypatch, m, rel):
    # components above _DENSE_MAX take the Lanczos path; all eigenvalues are the truth.
    # m=40: the top eigenvalues suffice (exact to rtol); m=3: the remainder is estimated.
    monkeypatch.setattr(_walk, "_DENSE_MAX", 50)
    G = nx.powerlaw_cluster_graph(600, m, 0.3, seed=3)
    rng = np.random.default_rng(3)
    for u, v in G.edges:
        G.edges[u, v]["sign"] = int(rng.choice([1, 1, -1]))
    dense = walk_balance(G, method="dense")
    assert walk_balance(G, method="sparse") == pytest.approx(dense, rel=rel)
    assert 0 < dense < 1


def test_flipping_one_tie_unbalances_a_balanced_triangle():
    G = nx.Graph([(1, 2, {"sign": 1}), (2, 3, {"sign": -1}), (1, 3, {"sign": -1})])
    assert walk_balance(G) == 1.0
    G.edges[1, 2]["sign"] = -1
    assert walk_balance(G) < 1.0
    assert triangle_census(G).counts["---"] == 1


def test_fixture_triangles(balanced_triangle, unbalanced_triangle):
    assert walk_balance(balanced_triangle) == 1.0
    # one negative tie: A is switching-equivalent to -(J - I), eigenvalues -2, 1, 1;
    # |A| = J - I has 2, -1, -1
    expected = (np.exp(-2) + 2 * np.e) / (np.exp(2) + 2 * np.exp(-1))
    assert walk_balance(unbalanced_triangle) == pytest.approx(expected, rel=1e-12)


def test_empty_graph_and_bad_method():
    assert walk_balance(nx.Graph()) is None
    with pytest.raises(ParameterError):
        walk_balance(nx.Graph([(1, 2, {"sign": 1})]), method="fast")


def test_highland_tribes_published_value():
    # signnet's README / vignette: balance_score(tribes, "walk") 0.3575761
    G = read_signed_csv(DATA / "highland_tribes.csv")
    assert walk_balance(G) == pytest.approx(0.3575761, abs=1e-7)
    H = nx.relabel_nodes(G, {v: f"t{i:02d}" for i, v in enumerate(sorted(G, reverse=True))})
    assert walk_balance(H) == pytest.approx(walk_balance(G), rel=1e-12)
