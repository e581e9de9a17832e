"""Factions (Doreian & Mrvar partitions) against brute force and hand-made cases."""

from __future__ import annotations

import itertools
import json
import random
from datetime import timedelta

import networkx as nx
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import alliances
from alliances.analysis import (
    Edges,
    assignment_milp,
    edge_triangles,
    factions,
    frustration_index,
    partition_cost,
)
from tests._paths import DATA, SEED

ALPHAS = st.sampled_from([0.5, 0.3, 0.8, 0.0, 1.0])


@st.composite
def signed_graphs(draw, max_nodes=9, weights=(1.0, 2.0, 3.0, 0.5)):
    n = draw(st.integers(1, max_nodes))
    p = draw(st.sampled_from([0.2, 0.4, 0.6, 0.9]))
    rnd = random.Random(draw(st.integers(0, 2**32 - 1)))
    g = nx.Graph()
    g.add_nodes_from(range(n))
    for i, j in itertools.combinations(range(n), 2):
        if rnd.random() < p:
            g.add_edge(i, j, sign=rnd.choice((-1, 1)), weight=rnd.choice(weights))
    return g


def brute_force(g: nx.Graph, k: int, alpha: float, *, weighted: bool) -> float:
    """Minimum criterion over all k^n labellings."""
    nodes = list(g)
    index = {x: i for i, x in enumerate(nodes)}
    es = [
        (index[a], index[b], d["sign"] * (d["weight"] if weighted else 1.0))
        for a, b, d in g.edges(data=True)
        if d["sign"]
    ]
    if not es:
        return 0.0
    u, v, c = (np.array(x) for x in zip(*es, strict=True))
    labels = np.array(list(itertools.product(range(k), repeat=len(nodes))))
    same = labels[:, u] == labels[:, v]
    cost = np.where(c < 0, alpha * same * -c, (1 - alpha) * ~same * c)
    return float(cost.sum(axis=1).min())


def criterion(g: nx.Graph, camps: list[list], alpha: float, *, weighted: bool) -> float:
    camp = {x: i for i, c in enumerate(camps) for x in c}
    total = 0.0
    for a, b, d in g.edges(data=True):
        w = d["weight"] if weighted else 1.0
        if d["sign"] < 0 and camp[a] == camp[b]:
            total += alpha * w
        elif d["sign"] > 0 and camp[a] != camp[b]:
            total += (1 - alpha) * w
    return total


def check_camps(g: nx.Graph, r) -> None:
    members = [x for c in r.camps for x in c]
    assert sorted(members) == sorted(g) and len(members) == len(set(members))
    assert all(r.camps) and r.k == len(r.camps)
    assert [len(c) for c in r.camps] == sorted((len(c) for c in r.camps), reverse=True)
    assert r.camp_of() == {x: i for i, c in enumerate(r.camps) for x in c}


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(signed_graphs(max_nodes=9), ALPHAS, st.booleans())
def test_exact_equals_brute_force_up_to_three_camps(g, alpha, weighted):
    for k in range(1, min(3, g.number_of_nodes()) + 1):
        r = factions(g, k=k, alpha=alpha, weighted=weighted, exact=True)
        assert r.optimal and r.k <= k and r.k_max == k
        assert r.value == pytest.approx(brute_force(g, k, alpha, weighted=weighted), abs=1e-9)
        assert r.value == pytest.approx(criterion(g, r.camps, alpha, weighted=weighted), abs=1e-9)
        check_camps(g, r)


@settings(max_examples=60, deadline=None)
@given(signed_graphs(max_nodes=8), ALPHAS)
def test_assignment_programme_alone_from_a_poor_start(g, alpha):
    nodes, index = list(g), {x: i for i, x in enumerate(g)}
    es = [(index[a], index[b], d["sign"] * d["weight"]) for a, b, d in g.edges(data=True)]
    if not es:
        return
    u, v, c = (np.array(x) for x in zip(*es, strict=True))
    e = Edges(len(nodes), u.astype(np.int64), v.astype(np.int64), c.astype(float))
    for k in (2, 3):
        labels, value, lb, optimal = assignment_milp(
            e, k, alpha, edge_triangles(e), np.zeros(e.n, dtype=np.int64), time_limit=None
        )
        assert optimal
        assert value == pytest.approx(brute_force(g, k, alpha, weighted=True), abs=1e-9)
        assert partition_cost(e, labels, alpha) == pytest.approx(value)


@settings(max_examples=80, deadline=None)
@given(signed_graphs(max_nodes=9), ALPHAS)
def test_heuristic_never_below_exact(g, alpha):
    for k in range(2, min(3, g.number_of_nodes()) + 1):
        best = brute_force(g, k, alpha, weighted=False)
        h = factions(g, k=k, alpha=alpha, exact=False)
        assert h.value >= best - 1e-9
        assert h.lower_bound <= best + 1e-9
        check_camps(g, h)


@settings(max_examples=40, deadline=None)
@given(signed_graphs(max_nodes=6), ALPHAS)
def test_chosen_k_is_the_fewest_camps_that_reach_the_best_of_any_number(g, alpha):
    """k=None: the smallest k whose optimum equals the optimum over any number of camps (brute force)."""
    r = factions(g, alpha=alpha, exact=True)
    n = g.number_of_nodes()
    opt = {k: brute_force(g, k, alpha, weighted=False) for k in range(1, n + 1)}
    chosen = min(k for k in opt if opt[k] <= opt[n] + 1e-9)
    assert r.k_max == chosen and r.optimal
    assert r.value == pytest.approx(opt[n])
    assert r.values_by_k[chosen] == pytest.approx(opt[chosen])
    assert all(v == pytest.approx(opt[k]) for k, v in r.values_by_k.items())
    assert r.note.startswith(f"k chosen: {chosen} camp")


def test_two_camps_at_half_alpha_is_half_the_frustration_index():
    rng = random.Random(11)
    g = nx.gnp_random_graph(30, 0.3, seed=11)
    for a, b in g.edges:
        g.edges[a, b]["sign"] = rng.choice((-1, 1))
    assert factions(g, k=2, exact=True).value == frustration_index(g, exact=True).value / 2


def test_planted_camps_are_recovered():
    rng = random.Random(5)
    camp = {x: x % 4 for x in range(24)}
    g = nx.Graph()
    for a, b in itertools.combinations(range(24), 2):
        if rng.random() < 0.5:
            g.add_edge(a, b, sign=1 if camp[a] == camp[b] else -1)
    r = factions(g)
    assert r.value == 0 and r.optimal and r.k == 4
    assert sorted(map(sorted, r.camps)) == sorted(sorted(x for x in camp if camp[x] == c) for c in range(4))


def test_syria_seed_factions():
    net = alliances.load(SEED)
    r = factions(net)
    assert r.optimal and r.value == 0.0 and r.k == 3
    assert r.camps == [
        ["assad", "hezbollah", "iran", "russia", "shiite_militias"],
        ["syrian_rebels", "us_coalition"],
        ["islamic_state"],
    ]
    assert r.values_by_k == {2: 1.0, 3: 0.0}
    assert r.note == "k chosen: 3 camps reach criterion 0, the least possible (2 camps: 1)."
    d = json.loads(json.dumps(r.to_dict(), allow_nan=False))
    assert d["camps"][2] == ["islamic_state"] and d["values_by_k"] == {"2": 1.0, "3": 0.0}
    assert d["note"] == r.note
    two = factions(net, k=2)
    assert two.camps[0] == ["assad", "hezbollah", "iran", "russia", "shiite_militias"]


def test_isolated_actors_join_the_largest_camp():
    g = nx.Graph()
    g.add_edges_from([("a", "b"), ("c", "d"), ("c", "e")], sign=1)
    g.add_edge("a", "c", sign=-1)
    g.add_edge("b", "z", sign=0)
    g.add_node("y")
    r = factions(g, k=2)
    assert r.camps == [["c", "d", "e", "y", "z"], ["a", "b"]]
    assert r.isolated == ["y", "z"]
    only = nx.Graph()
    only.add_nodes_from("pq")
    assert factions(only).camps == [["p", "q"]]


def test_interrupted_programme_reports_its_bound():
    g = nx.gnm_random_graph(40, 200, seed=4)
    rng = random.Random(4)
    for a, b in g.edges:
        g.edges[a, b]["sign"] = rng.choice((-1, 1))
    r = factions(g, k=3, exact=True, time_limit=0.5)
    assert r.method == "exact" and not r.optimal
    assert 0 < r.lower_bound < r.value
    assert r.gap == pytest.approx((r.value - r.lower_bound) / r.value)
    assert r.value == pytest.approx(criterion(g, r.camps, 0.5, weighted=False))


def test_bad_arguments():
    g = nx.Graph([(1, 2, {"sign": 1})])
    for kwargs in ({"alpha": 1.5}, {"k": 0}, {"k": 2.5}, {"exact": "maybe"}):
        with pytest.raises(ValueError):
            factions(g, **kwargs)


def test_highland_tribes_three_factions_match_signnet():
    """signnet's vignette: signed_blockmodel(tribes, k = 3, alpha = 0.5) gives blocks of
    4, 5 and 7 tribes with criterion 2; signnet counts each undirected tie twice (once per
    adjacency entry), so the same partition scores 1 here, proven optimal."""
    g = nx.Graph()
    with open(DATA / "highland_tribes.csv") as fh:
        next(fh)
        for line in fh:
            a, b, s = line.strip().split(",")
            g.add_edge(a, b, sign=int(s))
    r = factions(g, k=3, exact=True)
    assert r.optimal and r.value == 1.0
    assert r.camps == [
        ["Alika", "Asaro", "Gahuk", "Geham", "Masil", "Ove", "Ukudz"],
        ["Kohik", "Nagam", "Notoh", "Seuve", "Uheto"],
        ["Gama", "Gavev", "Kotun", "Nagad"],
    ]
    assert factions(g).camps == r.camps  # k chosen: 3 (a fourth camp does not help)


def test_bad_options_raise_the_package_error():
    import networkx as nx

    import alliances

    g = nx.Graph([("a", "b", {"sign": 1})])
    for kwargs in ({"k": 0}, {"alpha": 2.0}, {"exact": "yes"}):
        with pytest.raises(alliances.ParameterError):
            alliances.factions(g, **kwargs)
    with pytest.raises(alliances.AlliancesError):
        alliances.frustration_index(g, exact="maybe")


# -- planted camps: the search must reach the planted criterion ---------------------------


def planted_criterion(g, alpha=0.5):
    camp = nx.get_node_attributes(g, "camp")
    return sum(alpha if d["sign"] < 0 else 1 - alpha for a, b, d in g.edges(data=True)
               if (d["sign"] < 0) == (camp[a] == camp[b]))


PLANTED = dict(k=st.integers(2, 12), size=st.integers(5, 15), flip=st.sampled_from([0.0, 0.01, 0.03, 0.05]),
               p_in=st.sampled_from([1.0, 0.8]), p_out=st.sampled_from([1.0, 0.5]), seed=st.integers(0, 10**6))


@settings(max_examples=20, deadline=timedelta(seconds=60), suppress_health_check=[HealthCheck.too_slow])
@given(**PLANTED)
def test_planted_camps_reach_the_planted_criterion_with_k_given(k, size, flip, p_in, p_out, seed):
    g = alliances.planted_camps_graph(k, size, p_in=p_in, p_out=p_out, flip=flip, seed=seed)
    r = factions(g, k=k)
    assert r.value <= planted_criterion(g) + 1e-9
    assert r.k <= k and r.value == pytest.approx(criterion(g, r.camps, 0.5, weighted=False))
    if flip == 0:
        assert r.value == 0 and r.optimal


@settings(max_examples=12, deadline=timedelta(seconds=60), suppress_health_check=[HealthCheck.too_slow])
@given(**PLANTED)
def test_planted_camps_reach_the_planted_criterion_with_k_chosen(k, size, flip, p_in, p_out, seed):
    g = alliances.planted_camps_graph(k, size, p_in=p_in, p_out=p_out, flip=flip, seed=seed)
    r = factions(g)
    assert r.value <= planted_criterion(g) + 1e-9
    assert r.note.startswith(f"k chosen: {r.k_max} camp")
    if flip == 0:
        assert r.value == 0 and r.optimal and r.k == k


@pytest.mark.parametrize("joined", ["fully", "sparsely"])
def test_balanced_islands_reach_zero(joined):
    """signnet's balanced islands: ten all-positive cliques of ten, joined only by negative ties."""
    if joined == "fully":
        g = alliances.planted_camps_graph(10, 10)
    else:  # ten negative ties from each island to others, as signnet's sample_islands_signed(10, 10, 1, 10)
        g = alliances.planted_camps_graph(10, 10, p_out=0.0)
        rng = random.Random(1)
        for i in range(10):
            for _ in range(10):
                a, b = rng.randrange(10 * i, 10 * i + 10), rng.choice([x for x in range(100) if x // 10 != i])
                g.add_edge(a, b, sign=-1, weight=1.0)
    r10 = factions(g, k=10)
    assert r10.value == 0 and r10.optimal and r10.k == 10
    assert sorted(map(sorted, r10.camps)) == [list(range(10 * i, 10 * i + 10)) for i in range(10)]
    auto = factions(g)
    assert auto.value == 0 and auto.optimal
    if joined == "fully":
        assert auto.k == 10 and auto.values_by_k[9] > 0
    assert auto.note.startswith(f"k chosen: {auto.k} camps reach criterion 0")


def test_explicit_k_says_why_camps_are_empty(seed):
    r = factions(seed, k=4)
    assert r.k == 3 and r.k_max == 4
    assert r.note == "4 camps allowed, 3 used: 3 camps already reach criterion 0, so more could only be empty."
    assert factions(seed, k=3).note == ""
    g = nx.Graph([(1, 2, {"sign": -1}), (2, 3, {"sign": -1}), (1, 3, {"sign": 1})])
    g.add_nodes_from([4, 5])
    r = factions(g, k=5)
    assert r.k == 2 and r.note.startswith("5 camps allowed, 2 used: 2 camps already reach criterion 0")
    unbalanced = nx.Graph([(1, 2, {"sign": 1}), (2, 3, {"sign": 1}), (1, 3, {"sign": -1}), (3, 4, {"sign": 1})])
    r = factions(unbalanced, k=4)
    assert r.k == 1 and r.value == 0.5
    assert r.note == "4 camps allowed, 1 used: no partition into more camps has a lower criterion (proven)."


def test_k_above_the_number_of_actors_is_refused(seed):
    with pytest.raises(alliances.ParameterError, match="more camps than there are actors"):
        factions(seed, k=9)
    assert factions(seed, k=8).k == 3
