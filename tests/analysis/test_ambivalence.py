"""Ambivalent ties: the ties, the triads they close and what reading them either way would change."""

from __future__ import annotations

import json

import networkx as nx

from alliances.analysis import ambivalence, frustration_index, triangle_census


def test_ambivalence_reports_ties_triads_and_readings():
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


def test_ambivalence_none(seed):
    amb = ambivalence(seed)
    assert amb.count == 0 and amb.to_dict()["ties"] == []


def test_reading_the_seed_tie_either_way(seed):
    net = seed.with_relation("russia", "us_coalition", "ambivalent")
    g = net.graph
    amb = ambivalence(net)
    assert amb.ties == [("russia", "us_coalition")] and amb.count == 1
    signed_common = {c for c in set(g["russia"]) & set(g["us_coalition"])
                     if g["russia"][c]["sign"] != 0 and g["us_coalition"][c]["sign"] != 0}
    assert [t["third"] for t in amb.triads] == sorted(signed_common)
    for reading, sign in (("positive", 1), ("negative", -1)):
        h = g.copy()
        h["russia"]["us_coalition"]["sign"] = sign
        assert amb.readings[reading]["frustration"] == frustration_index(h).value
        assert amb.readings[reading]["census"] == triangle_census(h).counts
    assert amb.camps == frustration_index(net).camps
    assert json.loads(json.dumps(amb.to_dict()))["ties"] == [["russia", "us_coalition"]]


def test_one_ambivalent_tie_across_two_camps_by_hand(two_camps):
    G = two_camps.copy()
    G.add_edge("a", "e", sign=0, stance="ambivalent")
    amb = ambivalence(G)
    assert amb.camps == [["a", "b", "c"], ["d", "e"]]
    # a-e closes a-e-b (a+b, e-b) and a-e-d (a-d, e+d)
    assert amb.triads == [
        {"tie": ["a", "e"], "third": "b", "signs": "+-", "if_positive": "++-", "if_negative": "+--"},
        {"tie": ["a", "e"], "third": "d", "signs": "-+", "if_positive": "++-", "if_negative": "+--"},
    ]
    # positive: two ++- triangles sharing a-e, so one tie must go, and the camps already pay one
    assert amb.readings["positive"]["frustration"] == 1.0
    assert amb.readings["positive"]["census"] == {"+++": 1, "++-": 2, "+--": 1, "---": 0}
    # negative: an enemy across the camps, nothing frustrated
    assert amb.readings["negative"]["frustration"] == 0.0
    assert amb.readings["negative"]["census"] == {"+++": 1, "++-": 0, "+--": 3, "---": 0}
    assert amb.per_tie == [{"tie": ["a", "e"], "positive_changes_camps": False, "negative_changes_camps": False}]


def test_numpy_node_ids_give_json_ready_data():
    """A graph built from arrays has NumPy ids: the report still serialises (and the balance report with it)."""
    import numpy as np

    from alliances.analysis import balance_report

    a, b, c, d = (np.int64(i) for i in range(4))
    G = nx.Graph([(a, b, {"sign": 1}), (b, c, {"sign": -1}), (a, c, {"sign": -1})])
    G.add_edge(c, d, sign=0, stance="ambivalent")
    G.add_edge(a, d, sign=1)
    data = json.loads(json.dumps(ambivalence(G).to_dict()))
    assert data["ties"] == [[2, 3]] and data["triads"][0]["third"] == 0
    assert json.loads(json.dumps(balance_report(G).to_dict()))["ambivalent"]["ties"] == [[2, 3]]
