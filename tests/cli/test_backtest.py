"""``alliances backtest``: the report's JSON of the library's result, and a bad figure path failing before any work."""

from __future__ import annotations

import json

import alliances
from alliances.cli import main
from alliances.report import backtest_json
from tests._paths import SEED, SEED_2016, UCDP


def test_json_is_the_report_of_the_library_result(capsys):
    assert main(["backtest", str(UCDP), "--actors", str(SEED_2016), "--window", "quarter", "--json"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    expected = backtest_json(alliances.backtest(UCDP, alliances.load(SEED_2016), window="quarter"))
    assert json.loads(out) == json.loads(json.dumps(expected))


def test_bad_figure_path_fails_before_reading_events(tmp_path, capsys):
    code = main(["backtest", str(tmp_path / "nowhere.csv"), "--actors", str(SEED), "-o", str(tmp_path / "bt.jpg")])
    err = capsys.readouterr().err
    assert code == 2 and "unknown extension '.jpg' (use .png, .svg or .pdf)" in err and "nowhere" not in err
    assert list(tmp_path.iterdir()) == []
