"""The balance report: every analysis run once, and its JSON-ready form."""

from __future__ import annotations

import json
import math

import networkx as nx
import numpy as np
import pytest

from alliances._numbers import json_number
from alliances.analysis import (
    BalanceReport,
    ambivalence,
    balance_against_chance,
    balance_report,
    centrality_table,
    factions,
    frustration_index,
    implied_relations,
    triangle_census,
    unbalanced_triads,
    walk_balance,
)

KEYS = [
    "scenario", "census", "triangles", "strict_balance", "weak_balance", "walk_balance", "unbalanced_triads",
    "frustration", "factions", "factions_detail", "implied", "implied_rule", "centrality", "ambivalent", "chance",
]


@pytest.fixture(scope="module")
def seed_report(seed):
    return balance_report(seed)


def test_report_holds_each_analysis(seed, seed_report):
    rep = seed_report
    assert isinstance(rep, BalanceReport)
    assert rep.title == seed.scenario and not rep.strict
    assert rep.census == triangle_census(seed, weighted=True)
    assert rep.unbalanced.equals(unbalanced_triads(seed))
    assert rep.walk == walk_balance(seed)
    for got, want in ((rep.frustration, frustration_index(seed)),
                      (rep.weighted_frustration, frustration_index(seed, weighted=True)),
                      (rep.factions, factions(seed))):
        assert got == want  # seconds are not compared
    assert rep.implied.equals(implied_relations(seed))
    assert rep.centrality.equals(centrality_table(seed))
    assert rep.ambivalence == ambivalence(seed)
    assert rep.chance == balance_against_chance(seed, draws=1000)
    assert rep.names == {a: actor.name for a, actor in seed.actors.items()}


def test_to_dict_is_plain_json(seed_report):
    d = seed_report.to_dict()
    assert list(d) == KEYS
    assert json.loads(json.dumps(d, allow_nan=False)) == d
    census = seed_report.census
    assert d["triangles"] == census.counts and d["census"] == census.to_dict()
    assert d["strict_balance"] == json_number(census.strict_balance) and d["weak_balance"] == 1.0
    assert d["frustration"]["index"] == 2.0 and d["frustration"]["optimal"] is True
    assert d["frustration"]["partition"] == seed_report.frustration.camps
    assert d["factions"] == seed_report.factions.camps
    assert d["factions_detail"]["k"] == 3 and d["implied_rule"] == "weak"
    assert all(set(t) == {"actors", "signs", "type", "weakly_balanced"} for t in d["unbalanced_triads"])
    assert [r["actor"] for r in d["centrality"]] == seed_report.centrality["actor"].tolist()


def test_undefined_numbers_become_none():
    # a path: no triangle (balance ratios undefined); two actors with a negative tie have
    # no PN index (None -> NaN in the table -> None in JSON)
    d = balance_report(nx.Graph([("a", "b", {"sign": -1})])).to_dict()
    assert d["strict_balance"] is None and d["weak_balance"] is None
    assert d["census"]["strict_balance"] is None
    assert [r["pn"] for r in d["centrality"]] == [None, None]
    assert d["walk_balance"] == 1.0 and d["frustration"]["gap"] == 0.0
    assert d["scenario"] is None


def test_numpy_ids_become_python_numbers_and_strict_rule():
    one, two, three = np.int64(1), np.int64(2), np.int64(3)
    g = nx.Graph([(one, two, {"sign": -1}), (two, three, {"sign": -1})])
    d = balance_report(g, strict=True).to_dict()
    json.dumps({k: d[k] for k in ("implied", "factions", "frustration", "unbalanced_triads", "centrality")})
    assert d["implied_rule"] == "strict"
    # under strict balance the enemy of an enemy is a friend
    assert [(r["a"], r["b"], r["stance"]) for r in d["implied"]] == [(1, 3, "ally")]
    assert all(type(x) is int for camp in d["factions"] for x in camp)
    assert all(type(x) is int for pair in d["frustration"]["frustrated_edges"] for x in pair)
    assert not any(isinstance(v, float) and math.isnan(v) for r in d["centrality"] for v in r.values())


def test_chance_in_the_report_and_its_json(seed_report):
    d = seed_report.to_dict()
    chance = d["chance"]
    assert chance["ties"] == 18 and chance["census"]["draws"] == 1000 and chance["frustration"]["draws"] == 100
    for key in ("census", "walk_balance", "frustration"):
        assert {"observed", "expected", "z_score", "p_value"} <= set(chance[key])
    assert d["factions_detail"]["note"] == seed_report.factions.note and d["factions_detail"]["k_max"] == 3
    assert balance_report(nx.Graph([("a", "b", {"sign": -1})]), draws=0).to_dict()["chance"] is None
