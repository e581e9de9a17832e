"""Implied relations: hand-checked cases, brute-force scores, and the Syria seed."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import alliances
from alliances.analysis import implied_relations, implied_scores, stance_for_score
from alliances.errors import AlliancesError


def graph(*edges):
    G = nx.Graph()
    for u, v, s in edges:
        G.add_edge(u, v, sign=s, weight=1.0)
    return G


def test_friend_of_friend_is_friendly():
    df = implied_relations(graph(("a", "m", 1), ("m", "b", 1)))
    assert df[["a", "b", "stance", "score"]].values.tolist() == [["a", "b", "ally", 1.0]]
    assert df.iloc[0].via == ["m"] and not df.iloc[0].conflicting
    assert df.iloc[0].reason == "a - b: likely ally: a is a friend of m, who is a friend of b"


def test_friend_of_enemy_is_hostile_both_ways_round():
    for edges in ([("a", "m", 1), ("m", "b", -1)], [("a", "m", -1), ("m", "b", 1)]):
        df = implied_relations(graph(*edges))
        assert df[["a", "b", "stance", "score"]].values.tolist() == [["a", "b", "enemy", -1.0]]
        assert "likely enemy" in df.iloc[0].reason


def test_enemy_of_enemy_is_nothing_under_weak_friendly_under_strict():
    G = graph(("a", "m", -1), ("m", "b", -1))
    assert len(implied_relations(G)) == 0
    df = implied_relations(G, strict=True)
    assert df[["a", "b", "stance", "score"]].values.tolist() == [["a", "b", "ally", 1.0]]


def test_conflicting_paths_are_flagged():
    G = graph(("a", "m", 1), ("m", "b", 1), ("a", "n", 1), ("n", "b", -1), ("a", "o", 1), ("o", "b", -1))
    row = implied_relations(G).iloc[0]
    assert row.score == -1.0 and row.stance == "enemy" and row.conflicting
    assert row.via == ["m", "n", "o"]
    assert row.reason.startswith("a - b: likely enemy, though the paths disagree: a is a friend of n")
    assert "; but a is a friend of m, who is a friend of b" in row.reason


def test_cancelling_paths_say_so():
    row = implied_relations(graph(("a", "m", 1), ("m", "b", 1), ("a", "n", 1), ("n", "b", -1))).iloc[0]
    assert row.score == 0 and row.stance == "ambivalent" and row.conflicting
    assert "unclear" in row.reason


def test_stance_thresholds():
    assert [stance_for_score(x) for x in (1.5, 1.0, 0.99, 1e-3, 0, -1e-3, -0.99, -1.0)] == [
        "ally", "ally", "friendly", "friendly", "ambivalent", "rival", "rival", "enemy"]


def test_weights_and_default_stance_words():
    G = nx.Graph()
    G.add_edge("x", "m", sign=1, weight=0.5, stance="friendly")
    G.add_edge("m", "y", sign=1, weight=1.0, stance="ally")
    row = implied_relations(G).iloc[0]
    assert row.score == 0.5 and row.stance == "friendly"
    assert row.reason == "x - y: likely friendly: x is friendly with m, who is an ally of y"
    assert implied_relations(G, weighted=False).iloc[0].score == 1.0


def test_known_pairs_are_not_targets_neutral_included():
    G = graph(("a", "m", 1), ("m", "b", 1))
    G.add_edge("a", "b", sign=0, weight=1.0, stance="neutral")
    assert len(implied_relations(G)) == 0
    # a neutral or ambivalent tie is no evidence either
    H = nx.Graph()
    H.add_edge("a", "m", sign=0, weight=1.0, stance="ambivalent")
    H.add_edge("m", "b", sign=1, weight=1.0)
    assert len(implied_relations(H)) == 0


def test_longer_paths_are_discounted():
    G = graph(("a", "m", 1), ("m", "n", 1), ("n", "b", -1))
    assert len(implied_relations(G)) == 2  # a-n and m-b, by paths of two ties
    df = implied_relations(G, max_length=3, discount=0.5).set_index(["a", "b"])
    assert df.loc[("a", "b"), "score"] == -0.5 and df.loc[("a", "b"), "via"] == ["m", "n"]
    assert df.loc[("a", "b"), "reason"] == "a - b: likely rival: a is a friend of m, who is a friend of n, who is an enemy of b"
    # weak balance drops a longer path with two negative ties; strict keeps it
    H = graph(("a", "m", -1), ("m", "n", 1), ("n", "b", -1))
    assert ("a", "b") not in set(zip(*implied_relations(H, max_length=3)[["a", "b"]].values.T, strict=True))
    strict = implied_relations(H, max_length=3, strict=True).set_index(["a", "b"])
    assert strict.loc[("a", "b"), "score"] == 0.5
    with pytest.raises(AlliancesError):
        implied_relations(G, max_length=1)


@st.composite
def signed_graphs(draw):
    n = draw(st.integers(2, 9))
    G = nx.Graph()
    G.add_nodes_from(range(n))
    for u, v in itertools.combinations(range(n), 2):
        s = draw(st.sampled_from([None, None, 1, -1]))
        if s is not None:
            G.add_edge(u, v, sign=s, weight=draw(st.sampled_from([0.5, 1.0])))
    return G


@settings(max_examples=80, deadline=None)
@given(signed_graphs(), st.booleans())
def test_scores_equal_brute_force_over_common_neighbours(G, strict):
    df = implied_relations(G, strict=strict)
    got = {(r.a, r.b): r.score for r in df.itertuples()}
    expected = {}
    for a, b in itertools.combinations(sorted(G), 2):
        if G.has_edge(a, b):
            continue
        terms = []
        for m in sorted(set(G[a]) & set(G[b])):
            s1, s2 = G[a][m]["sign"], G[m][b]["sign"]
            if not strict and s1 < 0 and s2 < 0:
                continue
            terms.append(s1 * s2 * G[a][m]["weight"] * G[m][b]["weight"])
        if terms:
            expected[(a, b)] = sum(terms)
    assert got.keys() == expected.keys()
    for pair, score in expected.items():
        assert got[pair] == pytest.approx(score)
    assert all(r.a < r.b for r in df.itertuples())
    assert list(zip(df.a, df.b, strict=True)) == sorted(zip(df.a, df.b, strict=True))


@settings(max_examples=80, deadline=None)
@given(signed_graphs(), st.booleans())
def test_implied_scores_equal_brute_force_on_every_pair_and_the_table_on_unknown_ones(G, strict):
    nodes, S = implied_scores(G, strict=strict)
    assert nodes == list(G.nodes) and (S != S.T).nnz == 0 and S.diagonal().tolist() == [0] * len(nodes)
    index = {v: k for k, v in enumerate(nodes)}
    for a, b in itertools.combinations(sorted(G), 2):  # known pairs too: what the rest of the graph implies
        expected = 0.0
        for m in set(G[a]) & set(G[b]):
            s1, s2 = G[a][m]["sign"], G[m][b]["sign"]
            if strict or not (s1 < 0 and s2 < 0):
                expected += s1 * s2 * G[a][m]["weight"] * G[m][b]["weight"]
        assert float(S[index[a], index[b]]) == pytest.approx(expected, abs=1e-12)
    for r in implied_relations(G, strict=strict).itertuples():
        assert r.score == float(S[index[r.a], index[r.b]])


def test_syria_russia_us_coalition_hostile():
    df = implied_relations(alliances.load("seeds/syria_2017.yaml")).set_index(["a", "b"])
    row = df.loc[("russia", "us_coalition")]
    assert row.stance == "rival" and row.score == -0.5 and row.via == ["assad"]
    assert row.reason == ("russia - us_coalition: likely rival: russia is an ally of assad, "
                          "who is a rival of us_coalition")
    # the enemy of an enemy is no friend under weak balance: rebels and the coalition share two enemies
    assert ("syrian_rebels", "us_coalition") not in df.index
    strict = implied_relations(alliances.load("seeds/syria_2017.yaml"), strict=True).set_index(["a", "b"])
    assert strict.loc[("russia", "us_coalition")].conflicting


def test_the_reason_uses_the_word_of_the_stance_column():
    """Text and table say the same thing: "likely rival" beside stance rival, never "likely hostile"."""
    import random

    rng = random.Random(19)
    for _ in range(40):
        G = nx.gnp_random_graph(7, 0.45, seed=rng.randrange(10**6))
        for u, v in G.edges:
            G.edges[u, v].update(sign=rng.choice([1, -1]), weight=rng.choice([0.5, 1.0]))
        for row in implied_relations(G, max_length=3).itertuples():
            if row.score != 0:
                assert f": likely {row.stance}" in row.reason, (row.stance, row.reason)
