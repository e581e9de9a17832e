"""alliances.extract._fragment: proposals as a YAML fragment in the scenario format."""

from __future__ import annotations

import datetime as dt

import yaml

import alliances
from alliances import Actor
from alliances.extract import extract_relations, fragment_dict, fragment_yaml, source_id_for
from tests.extract._helpers import case


def test_fragment_validates_as_a_scenario_part():
    text, net, _, ex = case("yemen_2019")
    frag = yaml.safe_load(fragment_yaml(ex, source_id="wire-2019"))
    assert frag["sources"] == [{"id": "wire-2019"}]
    assert {r["evidence"][0]["source"] for r in frag["relations"]} == {"wire-2019"}
    two = extract_relations("Alpha fought alongside Beta. Alpha attacked Beta.", [Actor("a", "Alpha"), Actor("b", "Beta")])
    (ambivalent,) = fragment_dict(two, source_id="w")["relations"]
    assert ambivalent["stance"] == "ambivalent"
    assert ambivalent["notes"] == "support: sentence 1; hostility: sentence 2"
    data = net.to_dict()
    data["sources"] = frag["sources"]
    data["relations"] = frag["relations"]
    merged = alliances.loads(yaml.safe_dump(data))
    assert len(merged.relations) == len(ex.proposals)


def test_fragment_dict_by_hand():
    actors = [Actor("a", "Alpha"), Actor("b", "Beta")]
    ex = extract_relations("Alpha attacked Beta.", actors)
    frag = fragment_dict(ex, source_id="wire", title="A wire", date=dt.date(2020, 1, 2), url=None)
    assert frag == {
        "sources": [{"id": "wire", "title": "A wire", "date": dt.date(2020, 1, 2)}],
        "relations": [{"actors": ["a", "b"], "stance": "enemy", "confidence": 0.6, "kind": "hostility",
                       "evidence": [{"source": "wire", "note": "Alpha attacked Beta."}]}],
    }


def test_fragment_yaml_header_flow_actors_and_long_lines():
    long = "Alpha attacked Beta " + "again and " * 60 + "again."
    ex = extract_relations(long, [Actor("a", "Alpha"), Actor("b", "Beta")])
    text = fragment_yaml(ex, source_id="wire")
    assert text.startswith("# Relations proposed by `alliances extract`")
    assert "  - actors: [a, b]\n" in text
    assert any(line.strip().startswith("note: Alpha attacked Beta again") for line in text.splitlines())
    assert not any(line.endswith(" ") for line in text.splitlines())


def test_source_ids_from_file_names():
    assert source_id_for("reports/Deir Zor 2017.txt") == "deir-zor-2017"
    assert source_id_for("C:\\news\\AFP_2019-03.html") == "afp_2019-03"
    assert source_id_for("---.txt") == "article"
