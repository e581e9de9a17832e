"""Signed degree and the PN index against hand-computed values and a dense implementation."""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import alliances
from alliances.analysis import centrality_table, pn_index, signed_degree


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
