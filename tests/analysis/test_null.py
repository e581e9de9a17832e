"""Balance against chance: the sign-shuffling null model against enumeration, planted and random signs."""

from __future__ import annotations

import itertools
import json

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import alliances
from alliances.analysis import (
    balance_against_chance,
    expected_census,
    frustration_index,
    planted_camps_graph,
    random_signed_graph,
    triangle_census,
    walk_balance,
)


def _every_signing(g, negative):
    """Every placement of ``negative`` negative signs on the ties of g (each equally likely under shuffling)."""
    edges = list(g.edges)
    for neg in itertools.combinations(range(len(edges)), negative):
        h = g.copy()
        for i, e in enumerate(edges):
            h.edges[e]["sign"] = -1 if i in neg else 1
        yield h


@settings(max_examples=25, deadline=None)
@given(st.integers(4, 7), st.floats(0.5, 1.0), st.integers(0, 10**6), st.data())
def test_expected_census_is_the_average_over_every_signing(n, p, seed, data):
    g = random_signed_graph(n, p, seed=seed)
    m = g.number_of_edges()
    if m < 3 or m > 14:
        return
    q = data.draw(st.integers(0, m))
    total = {t: 0 for t in ("+++", "++-", "+--", "---")}
    count = 0
    for h in _every_signing(g, q):
        for t, c in triangle_census(h).counts.items():
            total[t] += c
        count += 1
    triangles = triangle_census(g).total
    assert expected_census(triangles, m, q) == pytest.approx({t: v / count for t, v in total.items()})


def test_census_expectation_in_the_result_and_the_draws_agree():
    g = random_signed_graph(25, 0.4, negative=0.4, seed=2)
    chance = balance_against_chance(g, draws=2000, frustration_draws=0)
    c = triangle_census(g)
    assert chance.expected_triangles == pytest.approx(expected_census(c.total, chance.ties, chance.negative_ties))
    e = chance.expected_triangles
    assert chance.census.expected == pytest.approx((e["+++"] + e["+--"]) / c.total)
    assert chance.census.z_score == pytest.approx((chance.census.observed - chance.census.expected)
                                                  / chance.census.std)
    # the draws' own mean: within a few standard errors of the closed form
    shuffled = [triangle_census(alliances.shuffle_signs(g, seed=s)).strict_balance for s in range(400)]
    assert abs(np.mean(shuffled) - chance.census.expected) < 4 * np.std(shuffled) / 400**0.5


def test_planted_two_camps_beat_every_shuffle():
    g = planted_camps_graph(2, 6)  # 66 ties, 40 triangles, perfectly balanced
    assert triangle_census(g).total >= 10
    chance = balance_against_chance(g, draws=199, frustration_draws=49, seed=5)
    assert chance.census.p_value == pytest.approx(1 / 200) and chance.census.more_balanced_than == 1.0
    assert chance.walk.p_value == pytest.approx(1 / 200) and chance.walk.observed == 1.0
    assert chance.frustration.p_value == pytest.approx(1 / 50) and chance.frustration.observed == 0
    assert chance.census.z_score > 3 and chance.walk.z_score > 3 and chance.frustration.z_score < -3
    assert chance.frustration.draws == 49 and chance.census.draws == 199


def test_random_signs_are_not_extreme():
    g = random_signed_graph(30, 0.3, negative=0.4, seed=11)
    chance = balance_against_chance(g, draws=400, frustration_draws=60, seed=1)
    for m in (chance.census, chance.walk, chance.frustration):
        assert 0.05 < m.p_value < 0.95, m
        assert abs(m.z_score) < 2.5, m


def test_observed_values_are_the_measures_themselves(seed):
    chance = balance_against_chance(seed, draws=50)
    assert chance.census.observed == pytest.approx(triangle_census(seed).strict_balance)
    assert chance.walk.observed == pytest.approx(walk_balance(seed), abs=1e-12)
    assert chance.frustration.observed == frustration_index(seed).value
    assert chance.frustration.method == "exact frustration index"
    assert chance.ties == 18 and chance.negative_ties == 11


def test_heuristic_draws_say_so():
    g = random_signed_graph(40, 0.2, seed=3)
    chance = balance_against_chance(g, draws=20, frustration_draws=5)
    assert g.number_of_edges() > 40
    assert chance.frustration.method.startswith("heuristic") and "alike" in chance.frustration.method
    assert chance.frustration.note
    exact = balance_against_chance(g, draws=20, frustration_draws=5, exact=True)
    assert exact.frustration.method == "exact frustration index"
    assert exact.frustration.observed == frustration_index(g, exact=True).value


def test_same_seed_same_figures_and_strict_json():
    g = random_signed_graph(20, 0.3, seed=4)
    a = balance_against_chance(g, draws=100, seed=9).to_dict()
    b = balance_against_chance(g, draws=100, seed=9).to_dict()
    c = balance_against_chance(g, draws=100, seed=10).to_dict()
    assert a == b and a != c
    assert json.loads(json.dumps(a, allow_nan=False)) == a
    for key in ("census", "walk_balance", "frustration"):
        assert {"expected", "z_score", "p_value"} <= set(a[key])


def test_one_sign_only_and_no_triangles():
    g = nx.Graph([(1, 2, {"sign": 1}), (2, 3, {"sign": 1}), (1, 3, {"sign": 1})])
    chance = balance_against_chance(g, draws=30)
    for m in (chance.census, chance.walk, chance.frustration):
        assert m.p_value == 1.0 and m.z_score is None and "same sign" in m.note
    path = nx.Graph([(1, 2, {"sign": 1}), (2, 3, {"sign": -1})])
    chance = balance_against_chance(path, draws=30)
    assert chance.census.observed is None and chance.census.note == "no triangle of signed ties"
    assert chance.walk.observed == 1.0 and chance.walk.p_value == 1.0  # a tree: every signing is balanced
    empty = balance_against_chance(nx.empty_graph(3), draws=10)
    assert empty.frustration.note == "no signed ties" and empty.census.p_value is None


def test_progress_and_bad_options():
    seen = []
    balance_against_chance(planted_camps_graph(2, 4), draws=20, frustration_draws=4,
                           progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (44, 44) and [d for d, _ in seen] == sorted(d for d, _ in seen)
    for bad in ({"draws": -1}, {"draws": 2.5}, {"frustration_draws": -3}, {"exact": "maybe"}):
        with pytest.raises(alliances.ParameterError):
            balance_against_chance(planted_camps_graph(2, 3), **bad)


def test_walk_draws_agree_with_walk_balance_of_shuffled_graphs():
    g = random_signed_graph(12, 0.5, seed=6)
    g.add_edges_from([(20, 21), (21, 22)], sign=-1, weight=1.0)  # a tree component: its signs never matter
    chance = balance_against_chance(g, draws=300, frustration_draws=0, seed=2)
    assert chance.walk.observed == pytest.approx(walk_balance(g), abs=1e-12)
    values = [walk_balance(alliances.shuffle_signs(g, seed=s)) for s in range(300)]
    # two independent samples of 300 draws: their means agree within a few standard errors
    se = (np.var(values) / 300 + chance.walk.std**2 / 300) ** 0.5
    assert abs(chance.walk.expected - np.mean(values)) < 4 * se
