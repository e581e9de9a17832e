"""Random signed graphs: G(n, p) with negative ties, planted camps with flips, sign shuffles."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest

import alliances
from alliances.analysis import planted_camps_graph, random_signed_graph, shuffle_signs


def _signature(g):
    return sorted((a, b, d["sign"]) for a, b, d in g.edges(data=True))


def test_random_signed_graph_is_reproducible_and_has_the_asked_densities():
    g = random_signed_graph(400, 0.05, negative=0.25, seed=7)
    assert _signature(g) == _signature(random_signed_graph(400, 0.05, negative=0.25, seed=7))
    assert _signature(g) != _signature(random_signed_graph(400, 0.05, negative=0.25, seed=8))
    pairs = 400 * 399 / 2
    m = g.number_of_edges()
    # binomial: 3,990 expected, standard deviation about 61
    assert abs(m - 0.05 * pairs) < 5 * (0.05 * 0.95 * pairs) ** 0.5
    neg = sum(d["sign"] < 0 for _, _, d in g.edges(data=True))
    assert abs(neg - 0.25 * m) < 5 * (0.25 * 0.75 * m) ** 0.5
    assert all(d["weight"] == 1.0 for _, _, d in g.edges(data=True))


def test_edge_cases_of_random_graphs():
    assert random_signed_graph(0, 0.5).number_of_nodes() == 0
    full = random_signed_graph(7, 1.0, negative=1.0)
    assert full.number_of_edges() == 21 and all(d["sign"] == -1 for _, _, d in full.edges(data=True))
    assert random_signed_graph(7, 0.0).number_of_edges() == 0
    for bad in ({"p": 1.5}, {"negative": -0.1}):
        with pytest.raises(alliances.ParameterError):
            random_signed_graph(5, **{"p": 0.5, **bad})


def test_planted_camps_without_flips_are_balanced_cliques():
    g = planted_camps_graph(3, [2, 3, 4])
    assert g.number_of_nodes() == 9 and g.number_of_edges() == 36  # p_in = p_out = 1: complete
    camp = nx.get_node_attributes(g, "camp")
    assert [camp[x] for x in range(9)] == [0, 0, 1, 1, 1, 2, 2, 2, 2]
    for a, b, d in g.edges(data=True):
        assert d["sign"] == (1 if camp[a] == camp[b] else -1) and not d["flipped"]
    r = alliances.factions(g)
    assert r.value == 0 and r.camps == [[5, 6, 7, 8], [2, 3, 4], [0, 1]]


def test_planted_flips_are_recorded_and_priced():
    g = planted_camps_graph(4, 25, p_in=0.5, p_out=0.2, flip=0.1, seed=3)
    camp = nx.get_node_attributes(g, "camp")
    flipped = 0
    for a, b, d in g.edges(data=True):
        planted = 1 if camp[a] == camp[b] else -1
        assert d["sign"] == (-planted if d["flipped"] else planted)
        flipped += d["flipped"]
    m = g.number_of_edges()
    assert abs(flipped - 0.1 * m) < 5 * (0.1 * 0.9 * m) ** 0.5
    inside = sum(camp[a] == camp[b] for a, b in g.edges)
    expected_inside = 0.5 * 4 * 25 * 24 / 2
    assert abs(inside - expected_inside) < 5 * (0.25 * 4 * 300) ** 0.5
    with pytest.raises(alliances.ParameterError):
        planted_camps_graph(2, [3])


def test_shuffle_keeps_ties_weights_and_counts():
    g = nx.Graph()
    for i, (a, b) in enumerate(itertools.combinations(range(8), 2)):
        g.add_edge(a, b, sign=1 if i % 3 else -1, weight=0.1 * (i + 1))
    g.add_edge(0, 9, sign=0, stance="ambivalent", weight=0.5)
    h = shuffle_signs(g, seed=4)
    assert sorted(h.edges) == sorted(g.edges)
    assert all(h.edges[e]["weight"] == g.edges[e]["weight"] for e in g.edges)
    signs = lambda x: sorted(d["sign"] for _, _, d in x.edges(data=True))  # noqa: E731
    assert signs(h) == signs(g)
    assert h.edges[0, 9]["sign"] == 0 and h.edges[0, 9]["stance"] == "ambivalent"
    assert _signature(h) != _signature(g)  # something moved
    assert _signature(h) == _signature(shuffle_signs(g, seed=4))
    assert g.edges[0, 1]["sign"] == -1  # the input is untouched
