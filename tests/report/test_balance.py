"""Balance in words, tables and JSON: the figures the analyses found, pairs sorted, n/a for undefined numbers."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

import alliances
from alliances.report import SHOW_MAX, balance_json, balance_renderables, balance_statements
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
