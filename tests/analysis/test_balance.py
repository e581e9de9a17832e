"""Structural balance: census, triads and walk balance against brute force and by-hand values."""

from __future__ import annotations

import itertools
import math

import networkx as nx
import numpy as np
import pytest
import scipy.linalg
from hypothesis import given, settings
from hypothesis import strategies as st

import alliances
from alliances.analysis import _balance as balance
from alliances.analysis._balance import actor_census, triangle_census, unbalanced_triads, walk_balance


@st.composite
def signed_graphs(draw, max_nodes=11, zero=True):
    """Random signed graphs, some ties neutral or ambivalent (sign 0), with weights."""
    n = draw(st.integers(0, max_nodes))
    G = nx.Graph()
    G.add_nodes_from(range(n))
    for u, v in itertools.combinations(range(n), 2):
        kind = draw(st.sampled_from(["none", "none", "+", "-", "0"] if zero else ["none", "+", "-"]))
        if kind == "none":
            continue
        w = draw(st.sampled_from([0.5, 1.0, 0.25, 2.0]))
        if kind == "0":
            G.add_edge(u, v, sign=0, weight=w, stance=draw(st.sampled_from(["neutral", "ambivalent"])))
        else:
            G.add_edge(u, v, sign=1 if kind == "+" else -1, weight=w)
    return G


def naive_triangles(G):
    """Every triangle of non-zero ties by brute force over node triples."""
    out = []
    for a, b, c in itertools.combinations(sorted(G), 3):
        edges = [(a, b), (b, c), (a, c)]
        if all(G.has_edge(*e) and G.edges[e]["sign"] != 0 for e in edges):
            signs = [G.edges[e]["sign"] for e in edges]
            weight = math.prod(G.edges[e]["weight"] for e in edges)
            out.append(((a, b, c), "+" * signs.count(1) + "-" * signs.count(-1), weight))
    return out


@settings(max_examples=150, deadline=None)
@given(signed_graphs())
def test_census_equals_naive_enumeration(G):
    tri = naive_triangles(G)
    census = triangle_census(G, weighted=True)
    expected = {t: sum(1 for _, k, _ in tri if k == t) for t in ("+++", "++-", "+--", "---")}
    assert census.counts == expected
    for t in expected:
        assert census.weighted[t] == pytest.approx(sum(w for _, k, w in tri if k == t))
    if tri:
        assert census.strict_balance == pytest.approx(sum(k in ("+++", "+--") for _, k, _ in tri) / len(tri))
        assert census.weak_balance == pytest.approx(sum(k != "++-" for _, k, _ in tri) / len(tri))
    else:
        assert census.strict_balance is None and census.weak_balance is None
    assert census.ambivalent_ties == sum(1 for *_, d in G.edges(data=True) if d.get("stance") == "ambivalent")


@settings(max_examples=100, deadline=None)
@given(signed_graphs())
def test_actor_census_equals_naive(G):
    tri = naive_triangles(G)
    df = actor_census(G).set_index("actor")
    assert list(df.index) == sorted(G)
    for v in G:
        for t in ("+++", "++-", "+--", "---"):
            assert df.loc[v, t] == sum(1 for nodes, k, _ in tri if k == t and v in nodes)
        assert df.loc[v, "triangles"] == sum(1 for nodes, _, _ in tri if v in nodes)


@settings(max_examples=100, deadline=None)
@given(signed_graphs(), st.booleans())
def test_unbalanced_triads_equal_naive(G, strict):
    bad = ("++-", "---") if strict else ("++-",)
    expected = sorted((nodes, k) for nodes, k, _ in naive_triangles(G) if k in bad)
    df = unbalanced_triads(G, strict=strict)
    got = sorted(((r.a, r.b, r.c), r.type) for r in df.itertuples())
    assert got == expected
    for r in df.itertuples():
        assert r.signs == "".join("+" if G.edges[e]["sign"] > 0 else "-" for e in ((r.a, r.b), (r.b, r.c), (r.a, r.c)))
        assert r.weakly_balanced == (r.type == "---")


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
    monkeypatch.setattr(balance, "_DENSE_MAX", 50)
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


def test_syria_all_negative_triad():
    net = alliances.load("seeds/syria_2017.yaml")
    df = unbalanced_triads(net)
    triad = df[(df.a == "assad") & (df.b == "islamic_state") & (df.c == "us_coalition")]
    assert len(triad) == 1
    row = triad.iloc[0]
    assert row.type == "---" and bool(row.weakly_balanced)
    assert row.names == "Assad government, Islamic State and US-led coalition"
    census = triangle_census(net)
    assert census.counts["++-"] == 0  # nothing is weakly unbalanced in the seed
    assert census.weak_balance == 1.0 and census.strict_balance < 1.0


def test_neutral_and_ambivalent_ties_are_no_tie():
    G = nx.Graph([(1, 2, {"sign": 1}), (2, 3, {"sign": 1})])
    G.add_edge(1, 3, sign=0, stance="neutral")
    assert triangle_census(G).total == 0
    G.edges[1, 3]["stance"] = "ambivalent"
    census = triangle_census(G)
    assert census.total == 0 and census.ambivalent_ties == 1


def test_empty_graph():
    census = triangle_census(nx.Graph())
    assert census.total == 0 and census.strict_balance is None
    assert walk_balance(nx.Graph()) is None
    assert len(unbalanced_triads(nx.Graph())) == 0


def test_highland_tribes_published_values():
    # signnet's README / vignette: balance_score(tribes, "triangles") 0.8676471, "walk" 0.3575761
    from alliances.readwrite import read_signed_csv

    G = read_signed_csv("tests/data/highland_tribes.csv")
    census = triangle_census(G)
    assert census.counts == {"+++": 19, "++-": 2, "+--": 40, "---": 7}
    assert census.strict_balance == pytest.approx(0.8676471, abs=1e-7)
    assert walk_balance(G) == pytest.approx(0.3575761, abs=1e-7)
    # the same values however the tribes are relabelled
    H = nx.relabel_nodes(G, {v: f"t{i:02d}" for i, v in enumerate(sorted(G, reverse=True))})
    assert triangle_census(H).counts == census.counts
    assert walk_balance(H) == pytest.approx(walk_balance(G), rel=1e-12)
    assert actor_census(H)["triangles"].sum() == 3 * census.total


def test_ambivalence_reports_ties_triads_and_readings():
    from alliances.analysis._balance import ambivalence

    G = nx.Graph([("a", "b", {"sign": 1}), ("b", "c", {"sign": -1}), ("a", "c", {"sign": -1}),
                  ("c", "e", {"sign": 1}), ("a", "d", {"sign": 1})])
    G.add_edges_from([("d", "c"), ("d", "e")], sign=0, stance="ambivalent")
    G.add_edge("b", "e", sign=0, stance="neutral")  # neutral: no tie, not reported
    amb = ambivalence(G)
    assert amb.ties == [("c", "d"), ("d", "e")]
    # c-d closes c-d-a (c-a -, d-a +) and c-d-e (c-e +, d-e ambivalent: not a triad of signed ties)
    assert amb.triads == [{"tie": ["c", "d"], "third": "a", "signs": "-+", "if_positive": "++-",
                           "if_negative": "+--"}]
    assert amb.readings["positive"]["changes_camps"] and not amb.readings["negative"]["changes_camps"]
    assert amb.readings["positive"]["census"]["++-"] == 1
    # each alone: one positive reading ties d between a and c/e (no strict improvement)
    assert amb.per_tie == [
        {"tie": ["c", "d"], "positive_changes_camps": False, "negative_changes_camps": False},
        {"tie": ["d", "e"], "positive_changes_camps": False, "negative_changes_camps": False},
    ]
    assert triangle_census(G).ambivalent_ties == 2


def test_ambivalence_none():
    from alliances.analysis._balance import ambivalence

    amb = ambivalence(alliances.load("seeds/syria_2017.yaml"))
    assert amb.count == 0 and amb.to_dict()["ties"] == []
