"""``alliances backtest``: the report's JSON of the library's result, and bad options or paths failing before any work."""

from __future__ import annotations

import json

import pytest

import alliances
from alliances.cli import main
from alliances.report import backtest_json
from tests._paths import SEED, SEED_2016, UCDP
from tests.cli._run import SPARK_OPTION_CASES, run


def test_json_is_the_report_of_the_library_result(capsys):
    assert main(["backtest", str(UCDP), "--actors", str(SEED_2016), "--window", "quarter", "--json"]) == 0
    out, err = capsys.readouterr()
    result = alliances.backtest(UCDP, alliances.load(SEED_2016), window="quarter")
    assert json.loads(out) == json.loads(json.dumps(backtest_json(result)))
    assert err.splitlines() == [f"alliances: note: {n}" for n in result.notes]  # stdout is JSON only


def test_bad_figure_path_fails_before_reading_events(tmp_path, capsys):
    code = main(["backtest", str(tmp_path / "nowhere.csv"), "--actors", str(SEED), "-o", str(tmp_path / "bt.jpg")])
    err = capsys.readouterr().err
    assert code == 2 and "unknown extension '.jpg' (use .png, .svg or .pdf)" in err and "nowhere" not in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("args", "message"), [
    (["--pseudo-count", "-1"], "pseudo_count must be a positive number of observations, not -1.0"),
    (["--pseudo-count", "nan"], "pseudo_count must be a positive number of observations, not nan"),
    (["--pseudo-count", "inf"], "pseudo_count must be a positive number of observations, not inf"),
    (["--pseudo-count", "clash=-2"], "pseudo_counts: clash must be a positive number of observations, not -2.0"),
    (["--half-life", "-1"], "--half-life must be 0 (no decay) or a positive number of windows, not -1.0"),
    (["--half-life", "nan"], "--half-life must be 0 (no decay) or a positive number of windows, not nan"),
    (["--train-until", "2017-02-30"], "train_until: '2017-02-30' is not a date (YYYY-MM-DD)"),
    (["--window", "99999999999d"], "window '99999999999d': a window lasts at most 3653 days (ten years)"),
    (["--date-range", "1900-2100"], "date range '1900-2100': give FROM:TO"),
    (["--max-windows", "0"], "max_windows must be a whole number of at least 1, not 0"),
    *SPARK_OPTION_CASES,
])
def test_options_are_checked_before_any_file_is_read(args, message, tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("SPARK_MASTER", raising=False)
    code, out, err = run(capsys, "backtest", tmp_path / "nowhere.csv", "--actors", tmp_path / "none.yaml",
                         "-o", tmp_path / "bt.svg", *args)
    assert code == 2 and out == "" and err.startswith(f"alliances: {message}") and len(err.splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_unknown_prior_weight_node_fails_before_reading_events(tmp_path, capsys):
    code, out, err = run(capsys, "backtest", tmp_path / "nowhere.csv", "--actors", SEED, "--pseudo-count", "clsh=5")
    assert code == 2 and out == "" and "unknown node 'clsh'" in err and "(did you mean 'clash'?)" in err
    assert "nowhere" not in err


def test_too_many_windows_is_refused_with_the_limit(capsys):
    code, out, err = run(capsys, "backtest", UCDP, "--actors", SEED_2016, "--window", "week", "--max-windows", "50")
    assert code == 2 and out == ""
    assert err.startswith("alliances: the events span 205 week windows (2015-12-28 to 2019-12-01), more than the "
                          "limit of 50 (max_windows); a backtest computes every window in between")
