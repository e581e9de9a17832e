"""Every pair's factors, computed with sparse products, against path-by-path brute force."""

import itertools

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliances import Actor, ActorKind, AllianceNetwork, Relation, Stance, Theater
from alliances.analysis import implied_relations, stance_for_score
from alliances.risk import FACTORS, MISSING, implied_state, pair_factors
from tests.risk._cases import random_network

STATES = (ActorKind.STATE, ActorKind.COALITION)


def brute_factors(net):
    """Every pair's factors from the graph, path by path and actor by actor (the independent truth)."""
    g = net.graph
    out = {}
    sign = lambda u, v: g.edges[u, v]["sign"] if g.has_edge(u, v) else 0  # noqa: E731
    wt = lambda u, v: g.edges[u, v]["weight"]  # noqa: E731
    for a, b in itertools.combinations(sorted(net.actors), 2):
        score = 0.0
        ee = 0
        for k in g.nodes:
            if k in (a, b):
                continue
            s1, s2 = sign(a, k), sign(k, b)
            if s1 * s2 > 0 and s1 > 0:
                score += wt(a, k) * wt(k, b)
            elif s1 * s2 < 0:
                score -= wt(a, k) * wt(k, b)
            elif s1 < 0 and s2 < 0:
                ee += 1
        implied = {"ally": "ally", "friendly": "friendly", "ambivalent": "none", "rival": "rival",
                   "enemy": "enemy"}[stance_for_score(round(score, 12))]
        opposed = any(
            sign(a, x) > 0 and sign(b, y) > 0 and sign(x, y) < 0
            for x in g.nodes for y in g.nodes if x != y
        )
        sides = sum(
            any(net.actors[x].kind in STATES and sign(me, x) > 0 and sign(other, x) <= 0 and x != other
                for x in g.nodes)
            for me, other in ((a, b), (b, a))
        )
        ta, tb = set(net.actors[a].theaters), set(net.actors[b].theaters)
        theater = "unknown" if not ta or not tb else ("yes" if ta & tb else "no")
        rel = net.relation(a, b)
        active = rel is not None and rel.is_active(net.as_of)
        out[a, b] = {
            "stance": g.edges[a, b]["stance"] if g.has_edge(a, b) else "unknown",
            "fighting": rel.fighting if active and rel.fighting else "unknown",
            "implied": implied,
            "shared_enemy": "yes" if ee else "no",
            "opposed_backers": "yes" if opposed else "no",
            "backing": ("none", "one_side", "both_sides")[sides],
            "common_theater": theater,
            "_score": score,
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
        assert pf.implied_score[k] == pytest.approx(truth[a, b]["_score"], abs=1e-12)
        assert pf.find(b, a) == k
    assert {pf.state_names("backing")[k] for k in range(len(pf))} >= {"one_side"}  # the case is exercised


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=2, max_value=8).flatmap(lambda n: st.tuples(
    st.just(n),
    st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), st.sampled_from(list(Stance)),
                       st.sampled_from([None, 0.25, 0.3, 0.5, 1.0]),
                       st.sampled_from([None, *FACTORS["fighting"]])), max_size=20),
    st.lists(st.lists(st.sampled_from(["t0", "t1", "t2"]), max_size=2, unique=True), min_size=n, max_size=n),
    st.lists(st.sampled_from(list(ActorKind)), min_size=n, max_size=n),
)))
def test_pair_factors_brute_force_hypothesis(case):
    n, edges, theaters, kinds = case
    ids = [f"v{k}" for k in range(n)]
    rels = {}
    for u, v, s, w, f in edges:
        if u != v:
            rels[min(u, v), max(u, v)] = (s, w, f)
    net = AllianceNetwork(
        "h", actors=[Actor(ids[k], ids[k], kinds[k], theaters=tuple(theaters[k])) for k in range(n)],
        relations=[Relation((ids[u], ids[v]), s, weight=w, fighting=f) for (u, v), (s, w, f) in rels.items()],
        theaters=[Theater(t, t) for t in ("t0", "t1", "t2")],
    )
    pf = pair_factors(net)
    truth = brute_factors(net)
    for k in range(len(pf)):
        pair = (pf.ids[pf.i[k]], pf.ids[pf.j[k]])
        assert {f: pf.state_names(f)[k] for f in FACTORS} == {f: truth[pair][f] for f in FACTORS}
        assert pf.implied_score[k] == pytest.approx(truth[pair]["_score"], abs=1e-12)


@pytest.mark.parametrize("seed", range(4))
def test_implied_is_the_state_implied_relations_names(seed):
    """For every unknown pair the risk factor reads the score and the name alliances.implied_relations gives."""
    net = random_network(seed, n=10)
    pf = pair_factors(net)
    table = {(r.a, r.b): r for r in implied_relations(net).itertuples()}
    for k in range(len(pf)):
        pair = (pf.ids[pf.i[k]], pf.ids[pf.j[k]])
        if pf.state_names("stance")[k] != "unknown":
            continue
        row = table.get(pair)
        if row is None:
            assert pf.state_names("implied")[k] == "none" and pf.implied_score[k] == 0
        else:
            assert pf.implied_score[k] == row.score
            assert pf.state_names("implied")[k] == ("none" if row.stance == "ambivalent" else row.stance)


def test_implied_by_hand():
    # x and y: common allies c1, c2 (score 2), one ally c1 (1: already "ally", as implied_relations says),
    # an ally and a friend (1.5); a friend of one who is the other's rival (0.5 x 0.5 = -0.25) against a
    # friendly-friendly path (+0.25) cancels to none
    def state(rels):
        net = AllianceNetwork("t", actors=[Actor(x, x) for x in ("x", "y", "c1", "c2", "f")],
                              relations=[Relation(p, s) for p, s in rels])
        pf = pair_factors(net)
        k = pf.find("x", "y")
        return pf.state_names("implied")[k], float(pf.implied_score[k])

    A, F, R, E = Stance.ALLY, Stance.FRIENDLY, Stance.RIVAL, Stance.ENEMY
    assert state([(("x", "c1"), A), (("y", "c1"), A), (("x", "c2"), A), (("y", "c2"), A)]) == ("ally", 2.0)
    assert state([(("x", "c1"), A), (("y", "c1"), A)]) == ("ally", 1.0)
    assert state([(("x", "c1"), F), (("y", "c1"), F)]) == ("friendly", 0.25)
    assert state([(("x", "c1"), A), (("y", "c1"), E), (("x", "c2"), E), (("y", "c2"), A)]) == ("enemy", -2.0)
    assert state([(("x", "c1"), F), (("y", "c1"), R)]) == ("rival", -0.25)
    assert state([(("x", "c1"), F), (("y", "c1"), R), (("x", "f"), F), (("y", "f"), F)]) == ("none", 0.0)
    # a path through an enemy of both is no implication (it is the shared enemy)
    assert state([(("x", "c1"), E), (("y", "c1"), E)]) == ("none", 0.0)


def test_enemy_of_enemy_paths_only_in_shared_enemy():
    # a and b are both enemies of c: nothing implied, one shared enemy
    net = AllianceNetwork.from_networkx(nx.Graph([("a", "c", {"sign": -1}), ("b", "c", {"sign": -1})]))
    pf = pair_factors(net)
    k = pf.find("a", "b")
    assert pf.implied_score[k] == 0
    assert pf.state_names("shared_enemy")[k] == "yes"


def test_implied_state_thresholds():
    x = np.array([-2.0, -1.0, -1.0 + 1e-6, -1e-13, 0.0, 1e-13, 0.5, 1.0 - 1e-13, 1.0])
    names = [FACTORS["implied"][k] for k in implied_state(x)]
    assert names == ["enemy", "enemy", "rival", "none", "none", "none", "friendly", "ally", "ally"]


def test_backing_by_hand():
    # r (a rebel group) is backed by state s; g (a government) by state t and by u, a state that is
    # friendly with r too (not a backer of g against r); a coalition counts, an armed group does not
    def backing(rels, kinds):
        actors = [Actor(x, x, kinds.get(x, ActorKind.ARMED_GROUP)) for x in ("r", "g", "s", "t", "u", "m")]
        net = AllianceNetwork("t", actors=actors, relations=[Relation(p, st) for p, st in rels])
        pf = pair_factors(net)
        return pf.state_names("backing")[pf.find("r", "g")]

    war = [(("r", "g"), Stance.ENEMY)]
    S, C = ActorKind.STATE, ActorKind.COALITION
    assert backing(war, {}) == "none"
    assert backing([*war, (("r", "s"), Stance.ALLY)], {"s": S}) == "one_side"
    assert backing([*war, (("r", "s"), Stance.ALLY)], {"s": ActorKind.MILITIA}) == "none"
    assert backing([*war, (("r", "s"), Stance.FRIENDLY), (("g", "t"), Stance.ALLY)], {"s": S, "t": C}) == "both_sides"
    # u is friendly with both: it backs neither against the other
    assert backing([*war, (("r", "u"), Stance.ALLY), (("g", "u"), Stance.ALLY)], {"u": S}) == "none"
    # g itself is a state friendly with r: not an outside backer of r against g
    assert backing([(("r", "g"), Stance.ALLY)], {"g": S}) == "none"


def test_fighting_from_the_relation_and_not_stated():
    net = AllianceNetwork("t", actors=[Actor(x, x) for x in "abc"],
                          relations=[Relation(("a", "b"), Stance.ENEMY, fighting="high"),
                                     Relation(("b", "c"), Stance.RIVAL)])
    pf = pair_factors(net)
    got = {(pf.ids[i], pf.ids[j]): pf.state_names("fighting")[k] for k, (i, j) in enumerate(zip(pf.i, pf.j, strict=True))}
    assert got == {("a", "b"): "high", ("a", "c"): "unknown", ("b", "c"): "unknown"}
    quiet = pf.with_states(fighting=np.zeros(len(pf), dtype=np.int8))
    assert set(quiet.state_names("fighting")) == {"none"} and set(pf.state_names("fighting")) != {"none"}
    with pytest.raises(ValueError, match="one state per pair"):
        pf.with_states(fighting=np.zeros(1))


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
