"""alliances.readwrite._merge and the extract/merge commands: fragments merge into scenarios that validate."""

from __future__ import annotations

import json

import pytest
import yaml

import alliances
from alliances.cli import main
from alliances.errors import ScenarioError
from alliances.readwrite import merge_relations
from tests._paths import DATA, SEED

TEXTS = DATA / "texts"


def test_round_trip_keeps_the_scenario_byte_for_byte():
    text = SEED.read_text()
    assert merge_relations(text, "relations: []").text == text


def test_merge_adds_new_pairs_lists_conflicts_and_keeps_comments():
    text = SEED.read_text()
    fragment = """
sources:
  - {id: wire-1, title: A wire}
  - {id: reuters-2017-09-05}
relations:
  - {actors: [russia, us_coalition], stance: rival, evidence: [{source: wire-1, note: They traded accusations.}]}
  - {actors: [islamic_state, assad], stance: enemy}
  - {actors: [assad, iran], stance: rival}
"""
    result = merge_relations(text, fragment)
    assert result.added == (("russia", "us_coalition"),)
    assert result.agreed == (("assad", "islamic_state"),)
    assert result.conflicts == (("assad", "iran", "ally", "rival"),)
    assert result.sources_added == ("wire-1",)
    assert result.text.startswith(text.split("sources:")[0])  # header comments and layout untouched
    assert "# Every relation below comes from one Reuters dispatch" in result.text
    merged = alliances.loads(result.text)
    assert merged.stance("russia", "us_coalition").value == "rival"
    assert merged.stance("assad", "iran").value == "ally"  # never overwritten
    assert len(merged.relations) == len(alliances.load(SEED).relations) + 1


def test_sources_are_added_only_when_an_added_relation_cites_them():
    fragment = "sources: [{id: w}]\nrelations:\n  - {actors: [assad, iran], stance: ally, evidence: [{source: w}]}\n"
    result = merge_relations(SEED.read_text(), fragment)
    assert result.sources_added == () and result.agreed == (("assad", "iran"),)
    assert result.text == SEED.read_text()


def test_bad_fragments_are_reported_with_lines():
    with pytest.raises(ScenarioError) as err:
        merge_relations(SEED.read_text(), "relations:\n  - {actors: [assad, irann], stance: ally}\nextra: 1\n",
                        fragment_name="f.yaml")
    messages = [str(p) for p in err.value.problems]
    assert "f.yaml:2: unknown actor 'irann' (did you mean 'iran'?)" in messages
    assert any(m.startswith("f.yaml:3: unknown field 'extra'") for m in messages)
    with pytest.raises(ScenarioError):
        merge_relations(SEED.read_text(), "relations:\n  - {actors: [assad, iran], stance: pals}\n")
    with pytest.raises(ScenarioError, match="f.yaml:4: evidence cites unknown source 'nowhere'"):
        merge_relations(SEED.read_text(), "relations:\n  - actors: [russia, us_coalition]\n    stance: rival\n"
                        "    evidence: [{source: nowhere}]\n", fragment_name="f.yaml")


def test_extract_then_merge_on_the_command_line(tmp_path, capsys):
    frag = tmp_path / "relations.yaml"
    assert main(["extract", str(TEXTS / "yemen_2019.txt"), "--actors", str(TEXTS / "yemen_2019.scenario.yaml"),
                 "--json", "-o", str(frag)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"proposals", "unclear", "unmatched"}
    assert {"a": "stc", "b": "yemen_gov"}.items() <= next(p for p in data["proposals"] if p["a"] == "stc"
                                                          and p["b"] == "yemen_gov").items()
    fragment = yaml.safe_load(frag.read_text())
    assert fragment["sources"][0]["id"] == "yemen_2019"
    out = tmp_path / "merged.yaml"
    assert main(["merge", str(TEXTS / "yemen_2019.scenario.yaml"), str(frag), "-o", str(out)]) == 0
    merged = alliances.load(out)
    assert len(merged.relations) == len(data["proposals"])
    assert merged.stance("stc", "yemen_gov").value == "ambivalent"
    assert "# Test scenario for yemen_2019.txt" in out.read_text()


def test_command_line_errors_exit_2_and_write_nothing(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "missing.txt"), "--actors", str(SEED)]) == 2
    assert "missing.txt: no such file" in capsys.readouterr().err
    article = tmp_path / "a.txt"
    article.write_text("Russia attacked Islamic State.")
    assert main(["extract", str(article), "--actors", str(SEED), "-o", str(tmp_path / "x.json")]) == 2
    assert not (tmp_path / "x.json").exists()
    bad = tmp_path / "bad.yaml"
    bad.write_text("relations:\n  - {actors: [assad, nobody], stance: ally}\n")
    assert main(["merge", str(SEED), str(bad), "-o", str(tmp_path / "out.yaml")]) == 2
    assert not (tmp_path / "out.yaml").exists()


def test_human_output_names_the_sentences(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Russia attacked Islamic State near Palmyra. Iran denied backing the rebels.")
    assert main(["extract", str(article), "--actors", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "islamic_state - russia" in out and "Russia attacked Islamic State near Palmyra." in out
    assert "Negated cues" in out and "Palmyra" in out
