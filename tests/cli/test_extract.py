"""``alliances extract`` and ``merge``: the library's proposals, a YAML fragment, errors before any work."""

from __future__ import annotations

import json

import pytest
import yaml

import alliances
from alliances.cli import main
from alliances.extract import extract_relations
from alliances.report import extraction_json
from tests._paths import DATA, SEED

ARTICLE = DATA / "texts" / "syria_2017.txt"


def test_json_is_the_library_result(capsys):
    assert main(["extract", str(ARTICLE), "--actors", str(SEED), "--json"]) == 0
    expected = extraction_json(extract_relations(ARTICLE.read_text("utf-8"), alliances.load(SEED)))
    assert json.loads(capsys.readouterr().out) == json.loads(json.dumps(expected))


def test_fragment_written_with_its_source(tmp_path, capsys):
    out = tmp_path / "frag.yml"
    assert main(["extract", str(ARTICLE), "--actors", str(SEED), "-o", str(out), "--source-id", "wire-1"]) == 0
    err = capsys.readouterr().err
    fragment = yaml.safe_load(out.read_text("utf-8"))
    assert fragment["sources"][0]["id"] == "wire-1"
    assert err == f"wrote {out} ({len(fragment['relations'])} relations)\n"


def test_bad_paths_exit_2_and_write_nothing(tmp_path, capsys):
    assert main(["extract", str(ARTICLE), "--actors", str(SEED), "-o", str(tmp_path / "x.json")]) == 2
    assert f"cannot write '{tmp_path / 'x.json'}': unknown extension '.json' (use .yaml or .yml)" in (
        capsys.readouterr().err)
    assert main(["extract", str(tmp_path), "--actors", str(SEED)]) == 2
    assert f"{tmp_path}: is a folder, not a text file" in capsys.readouterr().err
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Russia attacked\nIslamic State in K\xf6ln.".encode("latin-1"))
    assert main(["extract", str(bad), "--actors", str(SEED)]) == 2
    assert f"{bad}:2: not valid UTF-8 text" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latin1.txt"]


def test_merge_prints_one_line_per_outcome(tmp_path, capsys):
    frag = tmp_path / "frag.yaml"
    assert main(["extract", str(ARTICLE), "--actors", str(SEED), "-o", str(frag)]) == 0
    capsys.readouterr()
    out = tmp_path / "merged.yaml"
    assert main(["merge", str(SEED), str(frag), "-o", str(out)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert main(["merge", str(SEED), str(frag), "-o", str(tmp_path / "again.yaml"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    # the text lines say what the JSON lists, one line per outcome, then the file written
    expected = ([f"added source {s}" for s in data["sources_added"]]
                + [f"added {r['a']} - {r['b']}" for r in data["added"]]
                + [f"added evidence to {r['a']} - {r['b']} ({r['entries']} entr{'y' if r['entries'] == 1 else 'ies'})"
                   for r in data["evidence_added"]]
                + [f"already in the scenario: {r['a']} - {r['b']}" for r in data["agreed"]])
    assert err[:len(expected)] == expected and err[-1] == f"wrote {out}"
    assert len(err) == len(expected) + len(data["conflicts"]) + 1


@pytest.mark.parametrize(
    ("source_id", "rule"),
    [("a b", "'a b' may only use letters, digits and _ . : - (for example 'a-b')"),
     ("-wire", "'-wire' must start with a letter or a digit (for example 'wire')"),
     ("", "'' may only use letters, digits and _ . : -")],
)
def test_a_source_id_merge_would_refuse_exits_2_before_any_work(tmp_path, capsys, source_id, rule):
    out = tmp_path / "frag.yaml"
    assert main(["extract", str(ARTICLE), "--actors", str(SEED), "-o", str(out), "--source-id", source_id]) == 2
    assert f"Invalid value for --source-id: {rule}" in capsys.readouterr().err
    assert not out.exists()


def test_every_valid_source_id_gives_a_fragment_merge_accepts(tmp_path, capsys):
    for source_id in ("Reuters:2017-09-05", "wire_1.a"):
        frag = tmp_path / "frag.yaml"
        assert main(["extract", str(ARTICLE), "--actors", str(SEED), "-o", str(frag), "--source-id", source_id]) == 0
        capsys.readouterr()
        assert main(["merge", str(SEED), str(frag), "-o", str(tmp_path / "merged.yaml"), "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["sources_added"] == [source_id]
        assert source_id in alliances.load(tmp_path / "merged.yaml").sources


def test_merge_appends_evidence_the_second_article_brings(tmp_path, capsys):
    """An article that confirms what the scenario says adds its sentence as evidence, nothing else."""
    article = tmp_path / "second.txt"
    article.write_text("Hezbollah fighters fought alongside Assad's forces near Deir al-Zor.", "utf-8")
    frag = tmp_path / "frag.yaml"
    assert main(["extract", str(article), "--actors", str(SEED), "-o", str(frag)]) == 0
    capsys.readouterr()
    out = tmp_path / "merged.yaml"
    assert main(["merge", str(SEED), str(frag), "-o", str(out), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["evidence_added"] == [{"a": "assad", "b": "hezbollah", "entries": 1}] and data["added"] == []
    merged = alliances.load(out).relation("assad", "hezbollah")
    assert merged.evidence[-1] == alliances.Evidence("second", "Hezbollah fighters fought alongside Assad's forces "
                                                               "near Deir al-Zor.")
    assert main(["merge", str(SEED), str(frag), "-o", str(tmp_path / "again.yaml")]) == 0
    assert "added evidence to assad - hezbollah (1 entry)" in capsys.readouterr().err.splitlines()
