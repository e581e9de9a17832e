"""Balance in words, tables and JSON: the figures the analyses found, pairs sorted, n/a for undefined numbers."""

from __future__ import annotations

import dataclasses
import itertools

import networkx as nx
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import alliances
from alliances._numbers import json_number
from alliances.report import SHOW_MAX, balance_json, balance_renderables, balance_statements
from tests.analysis._graphs import signed_graphs
from tests.report._text import no_nan, render, strict_json


@pytest.fixture(scope="module")
def rep(seed):
    return alliances.balance_report(seed)


def test_balance_json_is_strict_with_sorted_pairs(rep):
    data = strict_json(balance_json(rep))
    assert no_nan(data)
    assert data["frustration"]["index"] == 2.0
    assert data["frustration"]["frustrated_edges"] == [["islamic_state", "syrian_rebels"],
                                                       ["islamic_state", "us_coalition"]]
    for a, b in data["frustration"]["frustrated_edges"]:
        assert a < b
    for row in data["implied"]:
        assert row["a"] < row["b"]
    assert data["factions"] == [sorted(c) for c in data["factions"]]
    assert [len(c) for c in data["factions"]] == sorted((len(c) for c in data["factions"]), reverse=True)


def test_statements_give_the_census_and_the_frustration_index(rep):
    lines = balance_statements(rep)
    c = rep.census
    assert lines[0].startswith(f"{c.total} triangle(s) of signed ties ({c.counts['+++']} +++, ")
    assert any(line.startswith("Frustration index (Harary 1959): 2 tie(s) (proven minimal)") for line in lines)
    assert any("Islamic State - Syrian rebels" in line for line in lines)  # names, not ids
    assert any(line.startswith("Factions (Doreian & Mrvar 1996") and "3 camp(s)" in line for line in lines)
    assert lines[-1].startswith("No ambivalent ties")


def test_statements_for_a_network_with_nothing_to_say():
    net = alliances.AllianceNetwork("T", actors=[alliances.Actor(i, i.upper()) for i in "ab"],
                                    relations=[alliances.Relation(("a", "b"), "neutral")])
    lines = balance_statements(alliances.balance_report(net))
    assert lines[0] == "There are no triangles of signed ties: the census says nothing about balance."
    assert any(line.startswith("Balance implies nothing for the unknown pairs") for line in lines)


def test_long_lists_are_cut_at_show_max(rep):
    many = pd.concat([rep.implied] * (SHOW_MAX + 2), ignore_index=True)
    rep_many = dataclasses.replace(rep, implied=many)
    lines = balance_statements(rep_many)
    assert sum(line.startswith("  ") and "likely" in line for line in lines) == SHOW_MAX
    assert f"  ... and {len(many) - SHOW_MAX} more (see --json)." in lines


def test_renderables_show_tables_with_the_key_figures(rep):
    text = render(balance_renderables(rep))
    assert text.startswith("Structural balance")
    for pattern in ("+++", "++-", "+--", "---"):
        assert pattern in text
    assert f"Factions ({rep.factions.method})" in text
    first = rep.centrality.iloc[0]
    assert f"{first['pn']:.3f}" in text and str(first["actor"]) in text
    assert "Implied relations" in text


def test_undefined_pn_index_reads_n_a(rep):
    centrality = rep.centrality.copy()
    centrality["pn"] = centrality["pn"].astype(float)
    centrality.loc[0, "pn"] = float("nan")
    text = render(balance_renderables(dataclasses.replace(rep, centrality=centrality)))
    row = next(line for line in text.splitlines() if str(centrality.iloc[0]["actor"]) in line and "n/a" in line)
    assert row


QUIET = """
scenario: One quiet actor
actors:
  - {id: a, name: Alpha, kind: state}
  - {id: b, name: Beta, kind: state}
  - {id: c, name: Gamma, kind: state}
  - {id: q, name: Quietland, kind: state}
relations:
  - {actors: [a, b], stance: ally}
  - {actors: [a, c], stance: enemy}
  - {actors: [q, a], stance: neutral}
  - {actors: [q, c], stance: ambivalent}
"""


def test_an_actor_with_no_signed_tie_is_in_no_camp_in_text_json_and_tables():
    """Reported the same way everywhere: listed as isolated, in no camp (the figure does the same)."""
    rep = alliances.balance_report(alliances.loads(QUIET))
    assert rep.factions.isolated == ["q"]
    data = strict_json(balance_json(rep))
    assert data["isolated"] == ["q"]
    assert all("q" not in camp for camp in data["factions"] + data["frustration"]["partition"])
    assert sorted(x for camp in data["factions"] for x in camp) == ["a", "b", "c"]
    text = "\n".join(balance_statements(rep))
    assert "No signed tie (only neutral or ambivalent ties, or none), so in no camp: Quietland." in text
    factions_line = next(line for line in balance_statements(rep) if line.startswith("Factions"))
    assert "Quietland" not in factions_line
    assert "none" in render(balance_renderables(rep)) and "q (no signed tie)" in render(balance_renderables(rep))
    # without an isolated actor the key is there, empty
    assert balance_json(alliances.balance_report(alliances.loads(QUIET.replace("neutral", "ally"))))["isolated"] == []


def test_chance_in_words_matches_the_figures(rep):
    lines = balance_statements(rep)
    head = next(i for i, line in enumerate(lines) if line.startswith("Against chance"))
    assert lines[head] == ("Against chance (the same ties with their signs shuffled, 1,000 draws; Szell, Lambiotte "
                           "& Thurner 2010):")
    census, walk = rep.chance.census, rep.chance.walk
    assert lines[head + 1] == (
        f"  Strictly balanced triangles 78% (expected by chance {census.expected:.0%}, z = {census.z_score:+.1f}): "
        f"more balanced than {int(census.more_balanced_than * 100)}% of sign shufflings (p = {census.p_value:.2g})."
    )
    assert lines[head + 2].startswith(f"  Walk balance {walk.observed:.3f} (expected by chance {walk.expected:.3f}")
    assert lines[head + 3].startswith("  Frustration index 2 (expected by chance 3.74, z = -2.1; exact for the "
                                      "network and its 100 draws): more balanced than 93% of sign shufflings")
    data = strict_json(balance_json(rep))["chance"]
    assert data["census"]["p_value"] == json_number(census.p_value) and data["frustration"]["expected"] == 3.74


def test_chance_words_for_a_network_chance_cannot_judge():
    g = nx.Graph([("a", "b", {"sign": 1}), ("b", "c", {"sign": 1}), ("a", "c", {"sign": 1})])
    lines = balance_statements(alliances.balance_report(g, draws=20))
    assert any("every signed tie has the same sign: shuffling the signs changes nothing, so balance cannot be "
               "compared with chance." in line for line in lines)
    assert not any(line.startswith("Against chance") for line in balance_statements(alliances.balance_report(g,
                                                                                                              draws=0)))


def test_factions_note_in_words(seed):
    lines = balance_statements(alliances.balance_report(seed, k=4, draws=0))
    line = next(line for line in lines if line.startswith("Factions"))
    assert line.endswith("4 camps allowed, 3 used: 3 camps already reach criterion 0, so more could only be empty.")


@settings(max_examples=40, deadline=None)
@given(signed_graphs(max_nodes=8), st.data())
def test_ambivalence_words_and_json_say_the_same(G, data):
    """Every reading of the ambivalent ties: the words and the JSON agree on whether, how and who moves."""
    pairs = [(u, v) for u, v in itertools.combinations(list(G), 2) if not G.has_edge(u, v)]
    for u, v in data.draw(st.lists(st.sampled_from(pairs), min_size=1, max_size=3, unique=True)) if pairs else []:
        G.add_edge(u, v, sign=0, stance="ambivalent", weight=1.0)
    rep = alliances.balance_report(G, draws=0)
    amb = balance_json(rep)["ambivalent"]
    lines = balance_statements(rep)
    if amb["count"] == 0:
        assert lines[-1].startswith("No ambivalent ties")
        return
    for reading in ("positive", "negative"):
        r = amb["readings"][reading]
        line = next(line for line in lines if line.startswith(f"  Read as {reading}, they "))
        assert line.endswith(f"(frustration index {r['frustration']:g}).")
        if r["changes_camps"]:
            assert r["moved"] and r["camps"] != amb["camps"]
            camps = " against ".join(", ".join(str(x) for x in camp) for camp in r["camps"] if camp)
            moved = ", ".join(str(x) for x in r["moved"])
            assert f"would change the camps ({moved} move" in line and line.endswith(f") to {camps} "
                                                                                     f"(frustration index {r['frustration']:g}).")
            # the moved actors are exactly those whose side differs, under the better matching of the two camps
            side = {x: i for i, camp in enumerate(amb["camps"]) for x in camp}
            new = {x: i for i, camp in enumerate(r["camps"]) for x in camp}
            differ = {x for x in side if side[x] != new[x]}
            assert set(r["moved"]) in (differ, set(side) - differ)
            assert len(r["moved"]) <= len(side) / 2
        else:
            assert "would leave the camps as they are" in line
            assert r["camps"] == amb["camps"] and r["moved"] == []
