"""The signed triangle census, per actor and triad by triad, against brute force and by-hand values."""

from __future__ import annotations

import itertools
import math

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import alliances
from alliances.analysis import (
    TRIAD_TYPES,
    actor_census,
    ambivalent_triangle_census,
    signed_triangles,
    triangle_census,
    unbalanced_triads,
)
from alliances.readwrite import read_signed_csv
from tests._paths import DATA
from tests.analysis._graphs import signed_graphs


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
    expected = {t: sum(1 for _, k, _ in tri if k == t) for t in TRIAD_TYPES}
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
        for t in TRIAD_TYPES:
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


def test_census_of_the_fixture_triangles(balanced_triangle, unbalanced_triangle, two_camps):
    assert triangle_census(balanced_triangle).counts == {"+++": 0, "++-": 0, "+--": 1, "---": 0}
    assert triangle_census(unbalanced_triangle).counts == {"+++": 0, "++-": 1, "+--": 0, "---": 0}
    # two camps: a-b-c is +++, and a-c-d is +-- (a and c both enemies of d); no other triangle
    census = triangle_census(two_camps)
    assert census.counts == {"+++": 1, "++-": 0, "+--": 1, "---": 0}
    assert census.strict_balance == 1.0 and census.weak_balance == 1.0
    assert unbalanced_triads(two_camps).empty


def test_weighted_census_multiplies_the_three_weights():
    G = nx.Graph([("a", "b", {"sign": 1, "weight": 0.5}), ("b", "c", {"sign": 1, "weight": 2.0}),
                  ("a", "c", {"sign": -1, "weight": 0.25}), ("c", "d", {"sign": -1, "weight": 1.0}),
                  ("b", "d", {"sign": -1, "weight": 1.0})])
    census = triangle_census(G, weighted=True)
    # a-b-c: ++- of weight 0.5 * 2 * 0.25; b-c-d: +-- of weight 2 * 1 * 1
    assert census.counts == {"+++": 0, "++-": 1, "+--": 1, "---": 0}
    assert census.weighted == {"+++": 0.0, "++-": 0.25, "+--": 2.0, "---": 0.0}
    assert census.weighted_strict_balance == pytest.approx(2.0 / 2.25)
    assert triangle_census(G).weighted is None and triangle_census(G).weighted_weak_balance is None
    d = census.to_dict()
    assert d["total"] == 2 and d["strict_balance"] == 0.5 and d["weighted_triangles"]["+--"] == 2.0


def test_actor_census_by_hand(unbalanced_triangle):
    G = unbalanced_triangle.copy()
    G.add_edge("c", "d", sign=-1)
    df = actor_census(G).set_index("actor")
    assert df.loc["a", "++-"] == 1 and df.loc["a", "triangles"] == 1
    assert df.loc["a", "strict_balance"] == 0.0 and df.loc["a", "weak_balance"] == 0.0
    assert df.loc["d", "triangles"] == 0 and df.loc["d", "strict_balance"] is None


def test_syria_all_negative_triad(seed):
    net = seed
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
    assert len(unbalanced_triads(nx.Graph())) == 0
    assert actor_census(nx.Graph()).empty


def test_unbalanced_triads_limit_and_names(seed):
    df = unbalanced_triads(seed)
    assert list(df.columns) == ["a", "b", "c", "signs", "type", "weakly_balanced", "names"]
    assert len(unbalanced_triads(seed, limit=1)) == min(1, len(df))
    assert unbalanced_triads(seed, strict=False).empty  # nothing is weakly unbalanced in the seed
    assert "names" not in unbalanced_triads(nx.Graph([(1, 2, {"sign": 1})])).columns


def test_highland_tribes_published_census():
    # signnet's README / vignette: balance_score(tribes, "triangles") 0.8676471
    G = read_signed_csv(DATA / "highland_tribes.csv")
    census = triangle_census(G)
    assert census.counts == {"+++": 19, "++-": 2, "+--": 40, "---": 7}
    assert census.strict_balance == pytest.approx(0.8676471, abs=1e-7)
    # the same values however the tribes are relabelled
    H = nx.relabel_nodes(G, {v: f"t{i:02d}" for i, v in enumerate(sorted(G, reverse=True))})
    assert triangle_census(H).counts == census.counts
    assert actor_census(H)["triangles"].sum() == 3 * census.total


# -- every triangle with its signs, and the census with ambivalent ties ------------------


def test_signed_triangles_signnet_listing():
    """signnet's test: K4 with ties 1-2, 1-3, 1-4 positive, 2-3, 2-4, 3-4 negative; P counts positives."""
    g = nx.Graph()
    g.add_edges_from([(1, 2), (1, 3), (1, 4)], sign=1)
    g.add_edges_from([(2, 3), (2, 4), (3, 4)], sign=-1)
    t = signed_triangles(g)
    assert t[["a", "b", "c"]].values.tolist() == [[1, 2, 3], [1, 2, 4], [1, 3, 4], [2, 3, 4]]
    assert t["positive"].tolist() == [2, 2, 2, 0]
    assert t["signs"].tolist() == ["+-+", "+-+", "+-+", "---"]
    assert t["strictly_balanced"].tolist() == [False] * 4 and t["weakly_balanced"].tolist() == [False] * 3 + [True]
    assert signed_triangles(g, actor=4)[["a", "b", "c"]].values.tolist() == [[1, 2, 4], [1, 3, 4], [2, 3, 4]]


@settings(max_examples=60, deadline=None)
@given(signed_graphs())
def test_signed_triangles_equal_brute_force(G):
    naive = {(abc, kind) for abc, kind, _ in naive_triangles(G)}
    t = signed_triangles(G)
    assert {((r.a, r.b, r.c), r.type) for r in t.itertuples()} == naive
    for r in t.itertuples():
        signs = [G.edges[e]["sign"] for e in ((r.a, r.b), (r.b, r.c), (r.a, r.c))]
        assert r.signs == "".join("+" if s > 0 else "-" for s in signs)
        assert r.strictly_balanced == (math.prod(signs) > 0) and r.positive == signs.count(1)
    for x in list(G)[:3]:
        mine = signed_triangles(G, actor=x)
        assert {(r.a, r.b, r.c) for r in mine.itertuples()} == {abc for abc, _ in naive if x in abc}


def test_signed_triangles_of_an_actor_in_the_seed(seed):
    t = signed_triangles(seed, actor="islamic_state")
    assert len(t) == actor_census(seed).set_index("actor").loc["islamic_state", "triangles"]
    assert t["names"].iloc[0].count(" and ") == 1
    with pytest.raises(alliances.UnknownActorError, match="did you mean 'islamic_state'"):
        signed_triangles(seed, actor="islamic_stat")


def test_ambivalent_census_signnet_example():
    """signnet's test: K4 with ties P, N, A, A, P, N gives PPA 1, PNA 2, NNA 1, nothing else."""
    g = nx.complete_graph(4)
    for (u, v), t in zip(g.edges, "PNAAPN", strict=True):
        g.edges[u, v]["sign"] = {"P": 1, "N": -1, "A": 0}[t]
        g.edges[u, v]["stance"] = "ambivalent" if t == "A" else "ally"
    counts = ambivalent_triangle_census(g)
    assert list(counts) == ["+++", "++-", "+--", "---", "++a", "+-a", "--a", "+aa", "-aa", "aaa"]
    assert counts == {"+++": 0, "++-": 0, "+--": 0, "---": 0, "++a": 1, "+-a": 2, "--a": 1, "+aa": 0, "-aa": 0,
                      "aaa": 0}


@settings(max_examples=60, deadline=None)
@given(signed_graphs())
def test_ambivalent_census_equals_brute_force(G):
    def kind(e):
        d = G.edges[e]
        return "+" if d["sign"] > 0 else "-" if d["sign"] < 0 else "a" if d.get("stance") == "ambivalent" else None

    want = dict.fromkeys(["+++", "++-", "+--", "---", "++a", "+-a", "--a", "+aa", "-aa", "aaa"], 0)
    for a, b, c in itertools.combinations(sorted(G), 3):
        edges = [(a, b), (b, c), (a, c)]
        if all(G.has_edge(*e) for e in edges) and None not in (kinds := [kind(e) for e in edges]):
            want["".join(sorted(kinds, key="+-a".index))] += 1
    got = ambivalent_triangle_census(G)
    assert got == want
    assert {t: got[t] for t in TRIAD_TYPES} == triangle_census(G).counts


def test_all_ambivalent_triangle():
    g = nx.Graph()
    g.add_edges_from([("a", "b"), ("b", "c"), ("a", "c")], sign=0, stance="ambivalent")
    g.add_edge("c", "d", sign=0, stance="neutral")  # neutral: no tie
    assert ambivalent_triangle_census(g)["aaa"] == 1 and sum(ambivalent_triangle_census(g).values()) == 1
