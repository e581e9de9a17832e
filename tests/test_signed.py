"""The signed graph behind every analysis: conversions, signed ties, matrices (adjacency, Laplacian), node order."""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliances._signed import (
    ambivalent_edges,
    as_signed_graph,
    display_names,
    node_key,
    node_order,
    signed_adjacency,
    signed_edges,
    signed_laplacian,
    signed_matrix,
)


def test_network_gives_its_own_graph(seed):
    g = as_signed_graph(seed)
    assert g is seed.graph
    assert all(isinstance(d["sign"], int) and "weight" in d for _, _, d in g.edges(data=True))


def test_ready_graph_is_used_as_it_is(balanced_triangle):
    nx.set_edge_attributes(balanced_triangle, 1.0, "weight")
    assert as_signed_graph(balanced_triangle) is balanced_triangle


def test_signs_from_weights_and_defaults():
    g = nx.Graph()
    g.add_edge("a", "b", weight=-2.5)
    g.add_edge("b", "c")  # nothing: a positive tie of weight 1
    g.add_edge("c", "d", sign=-3, weight=0.5)  # sign folded to -1
    g.add_edge("d", "d", sign=1)  # self-loop: dropped
    h = as_signed_graph(g)
    assert h is not g
    assert {(u, v): (d["sign"], d["weight"]) for u, v, d in h.edges(data=True)} == {
        ("a", "b"): (-1, 2.5), ("b", "c"): (1, 1.0), ("c", "d"): (-1, 0.5),
    }
    assert g.number_of_edges() == 4  # the input is not changed


def test_directed_graph_is_made_undirected():
    d = nx.DiGraph([("a", "b", {"sign": -1, "weight": 1.0})])
    h = as_signed_graph(d)
    assert not h.is_directed() and h["b"]["a"]["sign"] == -1


def test_anything_else_is_refused():
    with pytest.raises(TypeError, match="AllianceNetwork or a networkx graph"):
        as_signed_graph([("a", "b")])


def test_signed_and_ambivalent_edges():
    g = nx.Graph()
    g.add_edge("b", "a", sign=1, weight=0.5)
    g.add_edge("c", "b", sign=-1, weight=2.0)
    g.add_edge("c", "a", sign=0, weight=1.0, stance="ambivalent")
    g.add_edge("a", "d", sign=0, weight=1.0, stance="neutral")
    assert sorted(signed_edges(g)) == [("b", "a", 1.0), ("b", "c", -1.0)]
    assert sorted(signed_edges(g, weighted=True)) == [("b", "a", 0.5), ("b", "c", -2.0)]
    assert ambivalent_edges(g) == [("a", "c")]


def test_seed_ambivalent_tie(seed):
    assert ambivalent_edges(seed) == []
    assert ambivalent_edges(seed.with_relation("us_coalition", "russia", "ambivalent")) == [("russia", "us_coalition")]


def test_signed_adjacency_against_a_hand_built_matrix():
    g = nx.Graph()
    g.add_edge("x", "y", sign=1, weight=0.5)
    g.add_edge("y", "z", sign=-1, weight=2.0)
    g.add_edge("x", "z", sign=0, stance="ambivalent")
    nodes, A = signed_adjacency(g)
    assert nodes == ["x", "y", "z"]
    assert A.toarray().tolist() == [[0, 1, 0], [1, 0, -1], [0, -1, 0]]
    _, W = signed_adjacency(g, weighted=True)
    assert W.toarray().tolist() == [[0, 0.5, 0], [0.5, 0, -2.0], [0, -2.0, 0]]
    nodes, A = signed_adjacency(g, nodelist=["z", "y", "x"])
    assert nodes == ["z", "y", "x"] and A.toarray().tolist() == [[0, -1, 0], [-1, 0, 1], [0, 1, 0]]


@st.composite
def signed_graphs(draw):
    n = draw(st.integers(0, 8))
    g = nx.Graph()
    g.add_nodes_from(draw(st.permutations(range(n))))  # insertion order is not sorted order
    for u, v in itertools.combinations(range(n), 2):
        kind = draw(st.sampled_from(["none", "+", "-", "0"]))
        if kind != "none":
            sign = {"+": 1, "-": -1, "0": 0}[kind]
            g.add_edge(u, v, sign=sign, weight=draw(st.sampled_from([0.5, 1.0, 3.0])),
                       stance="ambivalent" if sign == 0 and draw(st.booleans()) else None)
    return g


@settings(max_examples=100, deadline=None)
@given(signed_graphs(), st.booleans())
def test_signed_matrix_is_signed_adjacency_read_fast(g, weighted):
    nodes, A, amb = signed_matrix(g, weighted=weighted)
    nodes2, A2 = signed_adjacency(g, weighted=weighted)
    assert nodes == nodes2 == list(g)
    assert np.array_equal(A.toarray(), A2.toarray())
    assert amb == len(ambivalent_edges(g))


def test_signed_matrix_falls_back_without_signs():
    g = nx.Graph([("a", "b", {"weight": -2.0}), ("b", "c", {})])  # no "sign": read through as_signed_graph
    nodes, A, amb = signed_matrix(g, weighted=True)
    assert nodes == ["a", "b", "c"] and amb == 0
    assert A.toarray().tolist() == [[0, -2.0, 0], [-2.0, 0, 1.0], [0, 1.0, 0]]


def test_node_order_is_the_given_order(seed):
    assert node_order(seed) == list(seed.actors) == list(seed.graph)
    g = nx.Graph()
    g.add_nodes_from(["z", 3, "a"])
    assert node_order(g) == ["z", 3, "a"]
    assert signed_adjacency(g)[0] == signed_matrix(g)[0] == node_order(g)


def test_node_key_sorts_numbers_first_then_text():
    assert sorted(["b", 10, True, 2.5, "10", 3], key=node_key) == [2.5, 3, 10, "10", True, "b"]


def test_display_names(seed):
    names = display_names(seed)
    assert names == {a: actor.name for a, actor in seed.actors.items()}
    assert display_names(nx.Graph([(1, 2)])) is None


# -- the signed Laplacian (Kunegis et al. 2010; signnet's laplacian_matrix_signed) --------


def test_laplacian_signnet_all_negative_k5():
    k5 = nx.complete_graph(5)
    nx.set_edge_attributes(k5, -1, "sign")
    nodes, L = signed_laplacian(k5)
    assert L.diagonal().tolist() == [4.0] * 5  # signnet's test
    assert (L.toarray() == 4 * np.eye(5) + (1 - np.eye(5))).all()


def test_laplacian_by_hand_weighted_and_normalized():
    g = nx.Graph([("a", "b", {"sign": 1, "weight": 2.0}), ("b", "c", {"sign": -1, "weight": 0.5})])
    g.add_node("z")
    g.add_edge("c", "d", sign=0, stance="ambivalent")  # no tie for the Laplacian
    nodes, L = signed_laplacian(g, weighted=True)
    assert nodes == ["a", "b", "c", "z", "d"]
    assert L.toarray().tolist() == [
        [2.0, -2.0, 0, 0, 0], [-2.0, 2.5, 0.5, 0, 0], [0, 0.5, 0.5, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0],
    ]
    _, N = signed_laplacian(g, weighted=True, normalized=True)
    d = np.array([2.0, 2.5, 0.5, 0.0, 0.0])
    inv = np.where(d > 0, 1 / np.sqrt(np.where(d > 0, d, 1)), 0)
    assert N.toarray() == pytest.approx(inv[:, None] * L.toarray() * inv[None, :])
    assert N.diagonal().tolist() == pytest.approx([1, 1, 1, 0, 0])


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 9), st.floats(0.3, 1.0), st.floats(0.0, 1.0), st.integers(0, 10**6))
def test_laplacian_is_singular_exactly_when_a_component_is_balanced(n, p, negative, seed):
    import alliances

    g = alliances.random_signed_graph(n, p, negative=negative, seed=seed)
    nodes, L = signed_laplacian(g)
    A = signed_adjacency(g, nodelist=nodes)[1].toarray()
    assert L.toarray() == pytest.approx(np.diag(np.abs(A).sum(axis=1)) - A)
    ev = np.linalg.eigvalsh(L.toarray())
    assert ev.min() > -1e-9  # positive semi-definite
    balanced_part = any(
        alliances.frustration_index(g.subgraph(c)).value == 0 for c in nx.connected_components(g)
    )
    assert (abs(ev.min()) < 1e-9) == balanced_part


def test_signed_adjacency_is_public_and_sparse():
    import scipy.sparse as sp

    import alliances

    g = nx.Graph([(1, 2, {"sign": -1, "weight": 0.5}), (2, 3, {"sign": 1})])
    nodes, A = alliances.signed_adjacency(g, nodelist=[3, 2, 1])
    assert sp.issparse(A) and nodes == [3, 2, 1]
    assert A.toarray().tolist() == [[0, 1, 0], [1, 0, -1], [0, -1, 0]]
    assert alliances.signed_adjacency(g, weighted=True)[1].toarray()[0, 1] == -0.5
