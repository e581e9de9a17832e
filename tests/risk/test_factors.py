"""Every pair's graph factors, computed with sparse products, against path-by-path brute force."""

import itertools

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliances import Actor, AllianceNetwork, Relation, Stance, Theater
from alliances.risk import FACTORS, MISSING, STRONG, balance_state, pair_factors
from tests.risk._cases import random_network


def brute_factors(net):
    """Every pair's factors from the graph, path by path (the independent truth)."""
    g = net.graph
    out = {}
    for a, b in itertools.combinations(sorted(net.actors), 2):
        sign = lambda u, v: g.edges[u, v]["sign"] if g.has_edge(u, v) else 0  # noqa: E731
        wt = lambda u, v: g.edges[u, v]["weight"]  # noqa: E731
        bal = 0
        wbal = 0.0
        ee = 0
        for k in g.nodes:
            if k in (a, b):
                continue
            s1, s2 = sign(a, k), sign(k, b)
            if s1 > 0 and s2 > 0:
                bal += 1
                wbal += wt(a, k) * wt(k, b)
            elif s1 * s2 < 0:
                bal -= 1
                wbal -= wt(a, k) * wt(k, b)
            elif s1 < 0 and s2 < 0:
                ee += 1
        if abs(wbal) < 1e-9:
            balance = "zero"
        else:
            balance = ("strongly_" if abs(wbal) >= 2 - 1e-9 else "weakly_") + ("positive" if wbal > 0 else "negative")
        opposed = any(
            sign(a, x) > 0 and sign(b, y) > 0 and sign(x, y) < 0
            for x in g.nodes for y in g.nodes if x != y
        )
        ta, tb = set(net.actors[a].theaters), set(net.actors[b].theaters)
        theater = "unknown" if not ta or not tb else ("yes" if ta & tb else "no")
        stance = g.edges[a, b]["stance"] if g.has_edge(a, b) else "unknown"
        out[a, b] = {
            "stance": stance,
            "balance": balance,
            "shared_enemy": "yes" if ee else "no",
            "opposed_backers": "yes" if opposed else "no",
            "common_theater": theater,
            "_sum": bal,
            "_weight": wbal,
        }
    return out


@pytest.mark.parametrize("seed", range(6))
def test_pair_factors_match_brute_force(seed):
    net = random_network(seed, n=9)
    pf = pair_factors(net)
    truth = brute_factors(net)
    assert len(pf) == len(truth)
    for k in range(len(pf)):
        a, b = pf.ids[pf.i[k]], pf.ids[pf.j[k]]
        assert a < b
        for f in FACTORS:
            assert pf.state_names(f)[k] == truth[a, b][f], (a, b, f)
        assert pf.balance_sum[k] == truth[a, b]["_sum"]
        assert pf.balance_weight[k] == pytest.approx(truth[a, b]["_weight"], abs=1e-12)
        assert pf.find(b, a) == k


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=2, max_value=8).flatmap(lambda n: st.tuples(
    st.just(n),
    st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), st.sampled_from(list(Stance)),
                       st.sampled_from([None, 0.25, 0.3, 0.5, 1.0])), max_size=20),
    st.lists(st.lists(st.sampled_from(["t0", "t1", "t2"]), max_size=2, unique=True), min_size=n, max_size=n),
)))
def test_pair_factors_brute_force_hypothesis(case):
    n, edges, theaters = case
    ids = [f"v{k}" for k in range(n)]
    rels = {}
    for u, v, s, w in edges:
        if u != v:
            rels[min(u, v), max(u, v)] = (s, w)
    net = AllianceNetwork(
        "h", actors=[Actor(ids[k], ids[k], theaters=tuple(theaters[k])) for k in range(n)],
        relations=[Relation((ids[u], ids[v]), s, weight=w) for (u, v), (s, w) in rels.items()],
        theaters=[Theater(t, t) for t in ("t0", "t1", "t2")],
    )
    pf = pair_factors(net)
    truth = brute_factors(net)
    for k in range(len(pf)):
        pair = (pf.ids[pf.i[k]], pf.ids[pf.j[k]])
        assert {f: pf.state_names(f)[k] for f in FACTORS} == {f: truth[pair][f] for f in FACTORS}
        assert pf.balance_weight[k] == pytest.approx(truth[pair]["_weight"], abs=1e-12)


def test_balance_magnitude_by_hand():
    # x and y: common allies c1, c2 (2 full paths: strong), or one ally c1 (weak),
    # or an ally c1 and a friend f (1 + 0.5: still weak); a friend of one who is the other's
    # rival (0.5 x 0.5 = 0.25) against a friendly-friendly path (0.25) cancels to zero
    def state(rels):
        net = AllianceNetwork("t", actors=[Actor(x, x) for x in ("x", "y", "c1", "c2", "f")],
                              relations=[Relation(p, s) for p, s in rels])
        pf = pair_factors(net)
        k = pf.find("x", "y")
        return pf.state_names("balance")[k], float(pf.balance_weight[k])

    A, F, R, E = Stance.ALLY, Stance.FRIENDLY, Stance.RIVAL, Stance.ENEMY
    assert state([(("x", "c1"), A), (("y", "c1"), A), (("x", "c2"), A), (("y", "c2"), A)]) == ("strongly_positive", 2.0)
    assert state([(("x", "c1"), A), (("y", "c1"), A)]) == ("weakly_positive", 1.0)
    assert state([(("x", "c1"), A), (("y", "c1"), A), (("x", "f"), F), (("y", "f"), A)]) == ("weakly_positive", 1.5)
    assert state([(("x", "c1"), A), (("y", "c1"), E), (("x", "c2"), E), (("y", "c2"), A)]) == ("strongly_negative", -2.0)
    assert state([(("x", "c1"), F), (("y", "c1"), R)]) == ("weakly_negative", -0.25)
    assert state([(("x", "c1"), F), (("y", "c1"), R), (("x", "f"), F), (("y", "f"), F)]) == ("zero", 0.0)
    # a path through an enemy of both is not balance (it is the shared enemy)
    assert state([(("x", "c1"), E), (("y", "c1"), E)]) == ("zero", 0.0)


def test_enemy_of_enemy_paths_only_in_shared_enemy():
    # a and b are both enemies of c: no balance, one shared enemy
    net = AllianceNetwork.from_networkx(nx.Graph([("a", "c", {"sign": -1}), ("b", "c", {"sign": -1})]))
    pf = pair_factors(net)
    k = pf.find("a", "b")
    assert pf.balance_sum[k] == 0
    assert pf.state_names("shared_enemy")[k] == "yes"


def test_balance_state_thresholds():
    x = np.array([-STRONG - 1, -STRONG, -STRONG + 0.01, -1e-10, 0.0, 1e-10, 0.5, STRONG - 1e-10, STRONG])
    names = [FACTORS["balance"][k] for k in balance_state(x)]
    assert names == ["strongly_negative", "strongly_negative", "weakly_negative", "zero", "zero", "zero",
                     "weakly_positive", "strongly_positive", "strongly_positive"]


def test_common_theater_unobserved_without_theaters():
    net = AllianceNetwork("t", actors=[Actor("a", "A", theaters=("t",)), Actor("b", "B", theaters=("t",)),
                                       Actor("c", "C", theaters=("u",)), Actor("d", "D")],
                          theaters=[Theater("t", "T"), Theater("u", "U")])
    pf = pair_factors(net)
    got = {(pf.ids[i], pf.ids[j]): int(s) for i, j, s in zip(pf.i, pf.j, pf.states["common_theater"], strict=True)}
    assert got == {("a", "b"): 1, ("a", "c"): 0, ("b", "c"): 0, ("a", "d"): MISSING, ("b", "d"): MISSING,
                   ("c", "d"): MISSING}
    assert pf.state_names("common_theater")[pf.find("d", "a")] == "unknown"


def test_stance_and_confidence_of_each_pair():
    net = AllianceNetwork("t", actors=[Actor(x, x) for x in "abc"],
                          relations=[Relation(("c", "a"), Stance.RIVAL, confidence=0.6)])
    pf = pair_factors(net)
    k = pf.find("a", "c")
    assert pf.state_names("stance")[k] == "rival" and pf.confidence[k] == 0.6
    other = pf.find("a", "b")
    assert pf.state_names("stance")[other] == "unknown" and pf.confidence[other] == 1.0


def test_pairs_in_upper_triangle_order():
    net = AllianceNetwork("t", actors=[Actor(x, x) for x in "dbca"])
    pf = pair_factors(net)
    assert pf.ids == ["a", "b", "c", "d"]
    pairs = [(pf.ids[i], pf.ids[j]) for i, j in zip(pf.i, pf.j, strict=True)]
    assert pairs == list(itertools.combinations("abcd", 2))
    assert [pf.find(a, b) for a, b in pairs] == list(range(len(pairs)))
