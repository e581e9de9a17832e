"""The command line for scenarios: validate, show, schema, export, and the console script."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

import alliances
from tests._paths import SEED
from tests.cli._run import run

BAD = """\
scenario: Bad
actors:
  - {id: assad, name: Assad, kind: state}
  - {id: iran, name: Iran, kind: stat}
relations:
  - {actors: [iran, asad], stance: ally}
"""


@pytest.fixture
def bad(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(BAD, "utf-8")
    return path


def test_validate_ok(capsys):
    code, out, err = run(capsys, "validate", SEED)
    assert (code, out, err) == (0, f"{SEED}: ok (8 actors, 18 relations)\n", "")


def test_validate_bad_exits_2_with_file_line(capsys, bad):
    code, out, err = run(capsys, "validate", SEED, bad)
    assert code == 2
    assert out == f"{SEED}: ok (8 actors, 18 relations)\n"
    lines = err.splitlines()
    assert lines[0].startswith(f"{bad}:4: unknown kind 'stat'")
    assert lines[1] == f"{bad}:6: unknown actor 'asad' (did you mean 'assad'?)"
    assert len(lines) == 2


def test_validate_missing_file(capsys, tmp_path):
    code, out, err = run(capsys, "validate", tmp_path / "nope.yaml")
    assert (code, out) == (2, "")
    assert err == f"{tmp_path / 'nope.yaml'}: no such file\n"


def test_validate_json(capsys, bad):
    code, out, err = run(capsys, "validate", "--json", bad, SEED)
    assert code == 2 and err == ""
    data = json.loads(out)
    assert data["files"][0]["file"] == str(bad) and data["files"][0]["ok"] is False
    assert [p["line"] for p in data["files"][0]["problems"]] == [4, 6]
    assert data["files"][1] == {"file": str(SEED), "ok": True, "actors": 8, "relations": 18}
    code, out, _ = run(capsys, "validate", SEED, "--json")
    assert code == 0 and json.loads(out)["files"][0]["ok"] is True


def test_show_tables(capsys):
    code, out, err = run(capsys, "show", SEED)
    assert code == 0 and err == ""
    assert "Syria, Deir al-Zor offensive as of 2017-09-05" in out
    assert "Actors (8)" in out and "Relations (18)" in out
    assert "us_coalition - assad" in out
    assert "not in force" not in out


def test_show_fits_80_columns_without_cutting_ids(capsys):
    code, out, _ = run(capsys, "show", SEED)
    assert code == 0
    assert max(len(line.rstrip()) for line in out.splitlines()) <= 80
    assert "…" not in out
    assert "shiite_militias - islamic_state" in out


def test_show_says_when_relations_are_not_in_force(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    text = SEED.read_text("utf-8").replace("    since: 2011\n", "    since: 2011\n    until: 2016\n")
    path = tmp_path / "s.yaml"
    path.write_text(text, "utf-8")
    code, out, _ = run(capsys, "show", path)
    assert code == 0
    row = next(line for line in out.splitlines() if "syrian_rebels - assad" in line)
    assert "civil war; 2011 to 2016; not in force" in row
    assert "1 relation(s) not in force on 2017-09-05: kept in the file, left out of the analysis." in " ".join(
        out.split())


def test_show_json_is_the_scenario(capsys):
    code, out, err = run(capsys, "show", SEED, "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data == alliances.load(SEED).to_dict()
    assert data["as_of"] == "2017-09-05" and len(data["relations"]) == 18
    assert alliances.loads(json.dumps(data)) == alliances.load(SEED)  # JSON is YAML: it reads back equal


def test_show_bad_file(capsys, bad):
    code, out, err = run(capsys, "show", bad)
    assert code == 2 and out == ""
    assert err.startswith(f"{bad}:4: ")


def test_schema(capsys):
    code, out, err = run(capsys, "schema")
    assert code == 0 and err == ""
    assert json.loads(out) == alliances.scenario_schema()


@pytest.mark.parametrize("suffix", [".graphml", ".gexf", ".json"])
def test_export(capsys, tmp_path, suffix):
    target = tmp_path / f"syria{suffix}"
    code, out, err = run(capsys, "export", SEED, "-o", target)
    assert code == 0 and out == ""
    assert err.startswith(f"wrote {target}")
    assert target.stat().st_size > 0
    if suffix == ".graphml":
        assert nx.read_graphml(target).number_of_edges() == 18
    assert ("lists as JSON text" in err) is (suffix != ".json")


def test_export_bad_extension_and_folder(capsys, tmp_path):
    code, out, err = run(capsys, "export", SEED, "-o", tmp_path / "x.png")
    assert code == 2 and "cannot tell the format from '.png'" in err
    code, out, err = run(capsys, "export", SEED, "--output", tmp_path / "no" / "x.gexf")
    assert code == 2 and "does not exist" in err
    assert list(tmp_path.iterdir()) == []


def test_console_script_runs(tmp_path, bad):
    exe = shutil.which("alliances", path=str(Path(sys.executable).parent)) or shutil.which("alliances")
    if exe is None:
        pytest.skip("the console script is not installed")
    env = {**os.environ, "NO_COLOR": "1"}
    ok = subprocess.run([exe, "validate", str(SEED)], capture_output=True, text=True, env=env, timeout=60)
    assert (ok.returncode, ok.stdout.strip()) == (0, f"{SEED}: ok (8 actors, 18 relations)")
    fail = subprocess.run([exe, "validate", str(bad)], capture_output=True, text=True, env=env, timeout=60)
    assert fail.returncode == 2 and fail.stdout == ""
    assert fail.stderr.splitlines()[1] == f"{bad}:6: unknown actor 'asad' (did you mean 'assad'?)"
    assert "Traceback" not in fail.stderr
