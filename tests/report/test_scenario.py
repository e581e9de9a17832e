"""What ``validate`` and ``show`` print: one line or one JSON entry per file, the actors and relations as tables."""

from __future__ import annotations

import datetime as dt

from alliances import Actor, AllianceNetwork, Problem, Relation
from alliances.errors import ScenarioError
from alliances.report import scenario_tables, validation_json, validation_line
from tests.report._text import render, strict_json


def test_validation_line_and_json(seed):
    assert validation_line("s.yaml", seed) == f"s.yaml: ok ({len(seed.actors)} actors, {len(seed.relations)} relations)"
    assert strict_json(validation_json("s.yaml", seed)) == {
        "file": "s.yaml", "ok": True, "actors": len(seed.actors), "relations": len(seed.relations)}
    error = ScenarioError([Problem("b.yaml", 4, "unknown stance 'pal'"), Problem("b.yaml", None, "no actors")])
    # in the error's order: problems of the whole file first, then by line
    assert strict_json(validation_json("b.yaml", error)) == {"file": "b.yaml", "ok": False, "problems": [
        {"line": None, "message": "no actors"}, {"line": 4, "message": "unknown stance 'pal'"}]}


def test_scenario_tables_list_every_actor_and_relation(seed):
    text = render(scenario_tables(seed))
    assert text.startswith(f"{seed.scenario} as of {seed.as_of.isoformat()}")
    assert f"Actors ({len(seed.actors)})" in text and f"Relations ({len(seed.relations)})" in text
    for actor in seed.actors.values():
        assert actor.id in text
    for r in seed.relations:
        assert f"{r.actors[0]} - {r.actors[1]}" in text


def test_relations_not_in_force_are_dimmed_and_counted():
    net = AllianceNetwork("T", as_of=dt.date(2020, 1, 1), actors=[Actor("a", "A"), Actor("b", "B"), Actor("c", "C")],
                          relations=[Relation(("a", "b"), "ally", since=2015),
                                     Relation(("a", "c"), "enemy", since=dt.date(2021, 1, 1)),
                                     Relation(("b", "c"), "rival", since=2010, until=2012)])
    items = scenario_tables(net)
    text = render(items)
    assert "since 2015" in text and "2010 to 2012; not in force" in text and "since 2021-01-01; not in force" in text
    assert text.rstrip().endswith("2 relation(s) not in force on 2020-01-01: kept in the file, left out of the analysis.")
    rels = items[2]
    assert [str(row.style) for row in rels.rows] == ["None", "dim", "dim"]


def test_stated_fighting_is_shown_with_its_relation():
    """The risk model's conflict history, as the file states it (allies not fighting go without saying)."""
    net = AllianceNetwork("T", actors=[Actor("a", "A"), Actor("b", "B"), Actor("c", "C")],
                          relations=[Relation(("a", "b"), "enemy", fighting="high"),
                                     Relation(("a", "c"), "ally", fighting="none"),
                                     Relation(("b", "c"), "rival", fighting="none")])
    rows = {line.split()[0] + line.split()[2]: line for line in render(scenario_tables(net)).splitlines()
            if " - " in line}
    assert "fighting: high" in rows["ab"] and "fighting: none" in rows["bc"] and "fighting" not in rows["ac"]
