"""``alliances events``, ``timeline`` and ``diff``: the library's results as JSON, checks before any work."""

from __future__ import annotations

import json

import pytest

import alliances
from alliances.cli import main
from alliances.report import relations_json
from tests._paths import SEED, SEED_2016, UCDP


def test_events_json_is_the_library_result(capsys):
    assert main(["events", str(UCDP), "--actors", str(SEED_2016), "--window", "quarter", "--json"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    rel = alliances.relations_over_time(UCDP, alliances.load(SEED_2016), window="quarter")
    assert json.loads(out) == json.loads(json.dumps(relations_json(rel)))


@pytest.mark.parametrize(("name", "message"), [
    ("x.xlsx", "unknown extension '.xlsx' (use .csv, .csv.gz, .parquet or .pq)"),
    ("missing/x.csv", "does not exist"),
])
def test_bad_table_path_fails_before_reading_events(name, message, tmp_path, capsys):
    # the event file does not exist either: the output path is checked first
    code = main(["events", str(tmp_path / "nowhere.csv"), "--actors", str(SEED), "-o", str(tmp_path / name)])
    err = capsys.readouterr().err
    assert code == 2 and message in err and "nowhere" not in err
    assert list(tmp_path.iterdir()) == []


def test_timeline_needs_snapshots_and_a_figure_path(tmp_path, capsys):
    assert main(["timeline", str(tmp_path), "-o", str(tmp_path / "t.svg")]) == 2
    assert "no snapshot files given" in capsys.readouterr().err
    assert main(["timeline", str(SEED), "-o", str(tmp_path / "t.gif")]) == 2
    assert "unknown extension '.gif'" in capsys.readouterr().err
    assert main(["timeline", str(SEED), str(SEED_2016), "-o", str(tmp_path / "t.svg"), "--panels", "2"]) == 0
    assert (tmp_path / "t.svg").read_bytes().startswith(b"<?xml")


def test_diff_says_when_nothing_changed(capsys):
    assert main(["diff", str(SEED), str(SEED)]) == 0
    assert capsys.readouterr().out == f"no change in relations from {SEED} to {SEED}\n"
    assert main(["diff", str(SEED), str(SEED), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"from": str(SEED), "to": str(SEED), "changes": []}
