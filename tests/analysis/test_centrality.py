"""Signed degree, the PN index and signed eigenvector centrality against hand-computed values, signnet's
published values and a dense implementation."""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import alliances
from alliances.analysis import centrality_table, pn_index, signed_degree, signed_eigenvector_centrality


def test_pn_index_complete_positive_graph_is_two():
    k5 = nx.complete_graph(5)
    nx.set_edge_attributes(k5, 1, "sign")
    assert pn_index(k5) == pytest.approx(dict.fromkeys(range(5), 2.0), abs=1e-12)


def test_pn_index_hand_case():
    # path a +b -c: A = P - 2N, n = 3, PN = (I - A/4)^-1 1 solved by hand:
    # x_a = 1 + x_b/4, x_b = 1 + x_a/4 - x_c/2, x_c = 1 - x_b/2  ->  x_b = 12/11
    G = nx.Graph([("a", "b", {"sign": 1}), ("b", "c", {"sign": -1})])
    pn = pn_index(G)
    assert pn["b"] == pytest.approx(12 / 11)
    assert pn["a"] == pytest.approx(1 + 3 / 11)
    assert pn["c"] == pytest.approx(1 - 6 / 11)


def direct_pn(G):
    nodes = list(G)
    n = len(nodes)
    A = np.zeros((n, n))
    for u, v, d in G.edges(data=True):
        x = 1.0 if d["sign"] > 0 else (-2.0 if d["sign"] < 0 else 0.0)
        A[nodes.index(u), nodes.index(v)] = A[nodes.index(v), nodes.index(u)] = x
    return dict(zip(nodes, np.linalg.inv(np.eye(n) - A / (2 * n - 2)) @ np.ones(n), strict=True))


@st.composite
def signed_graphs(draw):
    n = draw(st.integers(3, 12))
    G = nx.Graph()
    G.add_nodes_from(range(n))
    for u, v in itertools.combinations(range(n), 2):
        s = draw(st.sampled_from([None, None, 1, -1, 0]))
        if s is not None:
            G.add_edge(u, v, sign=s, weight=draw(st.sampled_from([0.5, 1.0])))
    return G


@settings(max_examples=80, deadline=None)
@given(signed_graphs())
def test_pn_index_equals_direct_formula(G):
    assert pn_index(G) == pytest.approx(direct_pn(G), rel=1e-9)


@settings(max_examples=60, deadline=None)
@given(signed_graphs())
def test_signed_degree_counts(G):
    df = signed_degree(G).set_index("actor")
    dw = signed_degree(G, weighted=True).set_index("actor")
    for v in G:
        pos = [d for _, _, d in G.edges(v, data=True) if d["sign"] > 0]
        neg = [d for _, _, d in G.edges(v, data=True) if d["sign"] < 0]
        assert (df.loc[v, "positive"], df.loc[v, "negative"], df.loc[v, "net"]) == (len(pos), len(neg), len(pos) - len(neg))
        assert dw.loc[v, "positive"] == pytest.approx(sum(d["weight"] for d in pos))
        assert dw.loc[v, "net"] == pytest.approx(sum(d["weight"] for d in pos) - sum(d["weight"] for d in neg))


def test_centrality_table_syria():
    table = centrality_table(alliances.load("seeds/syria_2017.yaml"))
    assert list(table.columns) == ["actor", "positive", "negative", "net", "degree", "weighted_positive",
                                   "weighted_negative", "weighted_net", "pn"]
    assert table["pn"].round(9).is_monotonic_decreasing
    # IS is everybody's enemy: lowest PN, seven negative ties
    last = table.iloc[-1]
    assert last.actor == "islamic_state" and last.negative == 7 and last.positive == 0
    # hezbollah and shiite_militias tie exactly: kept in id order
    ids = table["actor"].tolist()
    assert ids.index("hezbollah") < ids.index("shiite_militias")


def test_single_node_and_empty():
    G = nx.Graph()
    G.add_node("x")
    assert pn_index(G) == {"x": 1.0}
    assert pn_index(nx.Graph()) == {}
    assert pn_index(nx.Graph([(1, 2, {"sign": -1})])) == {1: None, 2: None}  # singular: undefined
    assert pn_index(nx.Graph([(1, 2, {"sign": 1})])) == pytest.approx({1: 2.0, 2: 2.0})


# -- signed eigenvector centrality (Bonacich & Lloyd 2004) --------------------------------

# signnet's centrality vignette: every actor has as many friends as enemies
VIGNETTE = np.array([
    [0, 1, 0, 1, 0, 0, 0, -1, -1, 0], [1, 0, 1, -1, 1, -1, -1, 0, 0, 0], [0, 1, 0, 1, -1, 0, 0, 0, -1, 0],
    [1, -1, 1, 0, 1, -1, -1, 0, 0, 0], [0, 1, -1, 1, 0, 1, 0, -1, 0, -1], [0, -1, 0, -1, 1, 0, 1, 0, 1, -1],
    [0, -1, 0, -1, 0, 1, 0, 1, -1, 1], [-1, 0, 0, 0, -1, 0, 1, 0, 1, 0], [-1, 0, -1, 0, 0, 1, -1, 1, 0, 1],
    [0, 0, 0, 0, -1, -1, 1, 0, 1, 0],
])


def test_eigenvector_centrality_matches_signnet_vignette():
    g = nx.from_numpy_array(VIGNETTE, edge_attr="sign")
    got = list(signed_eigenvector_centrality(g).values())
    signnet = [-0.62214960, 1.00000000, -0.74518850, 1.00000000, -0.89990041, 0.64289592, 0.35828159,
               -0.37471921, -0.28087411, -0.07834568]
    assert got == pytest.approx(signnet, abs=1e-8)
    # signnet also publishes the PN index of the same network
    pn = [0.9009747, 0.8613482, 0.9076997, 0.8613482, 0.8410658, 0.8496558, 0.8617321, 0.9015909, 0.8509848,
          0.9072930]
    assert list(pn_index(g).values()) == pytest.approx(pn, abs=1e-7)


def test_eigenvector_centrality_signnet_k5_with_one_enemy_pair():
    """signnet's tests: K5, tie 1-2 negative; |scaled| = (0.686, 0.686, 1, 1, 1), unit (0.3456, 0.3456, 0.5037 x 3)."""
    k5 = nx.complete_graph(5)
    nx.set_edge_attributes(k5, 1, "sign")
    k5.edges[0, 1]["sign"] = -1
    scaled = np.abs(list(signed_eigenvector_centrality(k5).values()))
    unit = np.abs(list(signed_eigenvector_centrality(k5, scale=False).values()))
    assert scaled == pytest.approx([0.68614066, 0.68614066, 1, 1, 1], abs=1e-8)
    assert unit == pytest.approx([0.34560347, 0.34560347, 0.50369186, 0.50369186, 0.50369186], abs=1e-8)


def test_no_dominant_eigenvalue_gives_none():
    """signnet's example with no dominant eigenvalue (it stops with an error; here every value is None)."""
    A = np.array([
        [0, 1, 1, -1, 0, 0, -1, 0, 0], [1, 0, 1, 0, -1, 0, 0, -1, 0], [1, 1, 0, 0, 0, -1, 0, 0, -1],
        [-1, 0, 0, 0, 1, 1, -1, 0, 0], [0, -1, 0, 1, 0, 1, 0, -1, 0], [0, 0, -1, 1, 1, 0, 0, 0, -1],
        [-1, 0, 0, -1, 0, 0, 0, 1, 1], [0, -1, 0, 0, -1, 0, 1, 0, 1], [0, 0, -1, 0, 0, -1, 1, 1, 0],
    ])
    g = nx.from_numpy_array(A, edge_attr="sign")
    assert set(signed_eigenvector_centrality(g).values()) == {None}
    assert signed_eigenvector_centrality(nx.empty_graph(3)) == {0: None, 1: None, 2: None}


def test_two_camps_by_hand():
    """Two camps, friends inside, enemies across, complete: switching-equivalent to K_n, so the
    dominant eigenvector is +1 on one camp and -1 on the other (the first actor's camp positive)."""
    g = nx.complete_graph(6)
    for a, b in g.edges:
        g.edges[a, b]["sign"] = 1 if (a < 3) == (b < 3) else -1
    assert signed_eigenvector_centrality(g) == pytest.approx({0: 1, 1: 1, 2: 1, 3: -1, 4: -1, 5: -1})


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 12), st.floats(0.2, 1.0), st.integers(0, 10**6))
def test_eigenvector_centrality_is_the_dominant_eigenvector(n, p, seed):
    g = alliances.random_signed_graph(n, p, seed=seed)
    nodes, A = alliances.signed_adjacency(g)
    values = signed_eigenvector_centrality(g)
    ev = np.linalg.eigvalsh(A.toarray())
    mags = np.round(np.abs(ev), 8)
    if (mags == mags.max()).sum() != 1:
        assert set(values.values()) == {None}
        return
    x = np.array([values[v] for v in nodes])
    lam = ev[np.argmax(np.abs(ev))]
    assert A.toarray() @ x == pytest.approx(lam * x, abs=1e-8)
    assert np.abs(x).max() == pytest.approx(1.0) and x[np.argmax(np.round(np.abs(x), 12))] == pytest.approx(1.0)
