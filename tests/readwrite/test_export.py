"""Exports: GraphML and GEXF re-read by networkx, node-link JSON, atomic writes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import networkx as nx
import pytest

import alliances
from alliances import AllianceNetwork, OutputError
from alliances._records import Actor, Evidence, Relation, Source
from alliances.readwrite import EXPORT_FORMATS, export, to_node_link
from tests._paths import SEED


@pytest.fixture(scope="module")
def seed():
    return alliances.load(SEED)


def signed_edges(g) -> set[tuple[str, str, int]]:
    return {(min(u, v), max(u, v), int(d["sign"])) for u, v, d in g.edges(data=True)}


def test_graphml_reread_has_the_same_signed_edges(seed, tmp_path):
    path = tmp_path / "syria.graphml"
    assert export(seed, path) == "GraphML"
    g = nx.read_graphml(path)
    assert signed_edges(g) == signed_edges(seed.graph)
    assert set(g.nodes) == set(seed.actors)
    e = g.edges["assad", "us_coalition"]
    assert (e["stance"], e["weight"], e["confidence"], e["kind"]) == ("rival", 0.5, 1.0, "rival campaigns")
    assert json.loads(e["evidence"])[0]["source"] == "reuters-2017-09-05"  # lists as JSON text
    assert json.loads(g.nodes["assad"]["theaters"]) == ["deir_al_zor", "euphrates_valley"]
    assert json.loads(g.nodes["assad"]["aliases"])[0] == "Syrian government"
    assert g.graph["scenario"] == seed.scenario and g.graph["as_of"] == "2017-09-05"
    assert isinstance(e["sign"], int)


def test_gexf_reread_has_the_same_signed_edges(seed, tmp_path):
    path = tmp_path / "syria.gexf"
    assert export(seed, path) == "GEXF"
    g = nx.read_gexf(path)
    assert signed_edges(g) == signed_edges(seed.graph)
    assert {d["stance"] for _, _, d in g.edges(data=True)} == {"ally", "rival", "enemy"}
    assert g.nodes["islamic_state"]["kind"] == "armed_group"
    assert 'lastmodifieddate="2017-09-05"' in path.read_text("utf-8")  # not today's date: reproducible


def test_node_link_json(seed, tmp_path):
    path = tmp_path / "syria.json"
    assert export(seed, path) == "node-link JSON"
    data = json.loads(path.read_text("utf-8"))
    assert data == json.loads(json.dumps(to_node_link(seed)))
    g = nx.node_link_graph(data, edges="edges")
    assert signed_edges(g) == signed_edges(seed.graph)
    assert data["graph"] == {"scenario": seed.scenario, "as_of": "2017-09-05"}
    edge = next(e for e in data["edges"] if {e["source"], e["target"]} == {"iran", "assad"})
    assert len(edge["evidence"]) == 3 and edge["evidence"][1]["note"].startswith("A senior")
    assert edge["evidence"][2]["source"] == "background-2017"  # the evidence of the fighting level
    assert edge["fighting"] == "none"  # the stated level of fighting travels with the tie
    war = next(e for e in data["edges"] if {e["source"], e["target"]} == {"assad", "islamic_state"})
    assert war["fighting"] == "high"
    assert data["nodes"][0]["theaters"] == ["deir_al_zor", "euphrates_valley"]  # kept as lists


def test_none_values_are_left_out(tmp_path):
    net = AllianceNetwork("T", actors=[Actor("a", "A"), Actor("b", "B")], sources=[Source("s")],
                          relations=[Relation(("a", "b"), "enemy", evidence=(Evidence("s", None),))])
    for suffix in EXPORT_FORMATS:
        export(net, tmp_path / f"x{suffix}")
    g = nx.read_graphml(tmp_path / "x.graphml")
    assert "kind" not in g.edges["a", "b"] and "fighting" not in g.edges["a", "b"]
    assert json.loads(g.edges["a", "b"]["evidence"]) == [{"source": "s", "note": None}]
    data = json.loads((tmp_path / "x.json").read_text())
    assert "as_of" not in data["graph"] and "kind" not in data["edges"][0]


def test_inactive_relations_are_not_exported(tmp_path):
    net = AllianceNetwork("T", actors=[Actor("a", "A"), Actor("b", "B"), Actor("c", "C")],
                          relations=[Relation(("a", "b"), "ally", until=2000), Relation(("b", "c"), "enemy")],
                          as_of=dt.date(2017, 1, 1))
    export(net, tmp_path / "x.graphml")
    assert signed_edges(nx.read_graphml(tmp_path / "x.graphml")) == {("b", "c", -1)}


def test_extension_is_case_insensitive(seed, tmp_path):
    assert export(seed, tmp_path / "X.GraphML") == "GraphML"


@pytest.mark.parametrize("name", ["out.png", "out", "out.graphml.bak"])
def test_bad_extension_writes_nothing(seed, tmp_path, name):
    with pytest.raises(OutputError, match="cannot tell the format") as info:
        export(seed, tmp_path / name)
    assert ".graphml, .gexf, .json" in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_writes_nothing(seed, tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        export(seed, tmp_path / "missing" / "out.graphml")
    assert list(tmp_path.iterdir()) == []


def test_failure_while_writing_leaves_old_file_and_no_temp(seed, tmp_path, monkeypatch):
    target = tmp_path / "out.graphml"
    target.write_text("old")

    def broken(g, path, **kw):
        Path(path).write_text("<graphml half")
        raise RuntimeError("disk full")

    monkeypatch.setattr(nx, "write_graphml", broken)
    with pytest.raises(RuntimeError):
        export(seed, target)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.graphml"]


def test_export_is_deterministic(seed, tmp_path):
    for suffix in EXPORT_FORMATS:
        export(seed, tmp_path / f"a{suffix}")
        export(alliances.load(SEED), tmp_path / f"b{suffix}")
        assert (tmp_path / f"a{suffix}").read_bytes() == (tmp_path / f"b{suffix}").read_bytes()


@pytest.mark.parametrize("name", ["net.graphml", "net.gexf", "net.json"])
def test_exported_file_gets_the_ordinary_mode_not_0600(tmp_path, name):
    """Atomic writes go through mkstemp (mode 0600); the result must be readable like any file."""
    import os

    mask = os.umask(0o022)
    try:
        export(alliances.load(SEED), tmp_path / name)
    finally:
        os.umask(mask)
    assert (tmp_path / name).stat().st_mode & 0o777 == 0o644
