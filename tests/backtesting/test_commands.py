"""``alliances backtest`` end to end on the simulated world."""

from __future__ import annotations

import json

from alliances.cli import main
from tests.backtesting._world import with_events_on


def test_cli_json_shape(world, capsys):
    folder = world["folder"]
    code = main(["backtest", str(world["events"]), "--actors", str(folder / "sim.yaml"), "--window", "quarter",
                 "--train-until", "2021-12-31", "--json"])
    out = capsys.readouterr().out
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"windows", "pairs", "scores"}
    assert data["pairs"] == 21 and data["windows"] == 6  # 2022-Q1 to 2023-Q2
    assert [(s["model"], s["subset"]) for s in data["scores"]] == [
        (m, s) for m in ("expert", "fitted", "persistence", "stance", "logistic") for s in ("all", "onset")]
    for s in data["scores"]:
        assert set(s) == {"model", "subset", "brier", "log_loss", "auc"}
        assert s["auc"] is None or 0 <= s["auc"] <= 1
    assert "NaN" not in out


def test_cli_figure_and_table(world, tmp_path, capsys):
    folder = world["folder"]
    png = tmp_path / "bt.png"
    code = main(["backtest", str(world["events"]), "--actors", str(folder / "sim.yaml"), "--window", "quarter",
                 "--train-until", "2021-12-31", "-o", str(png)])
    out = capsys.readouterr().out
    assert code == 0
    assert png.read_bytes()[:4] == b"\x89PNG"
    assert "persistence" in out and "logistic" in out and "Brier" in out


def test_cli_bad_input_exits_2_without_output(world, tmp_path, capsys):
    folder = world["folder"]
    png = tmp_path / "bt.png"
    code = main(["backtest", str(world["events"]), "--actors", str(folder / "sim.yaml"), "--train-until", "soon",
                 "-o", str(png)])
    err = capsys.readouterr().err
    assert code == 2 and "soon" in err and not png.exists()
    code = main(["backtest", str(world["events"]), "--actors", str(folder / "sim.yaml"), "-o", str(tmp_path / "x.jpg")])
    assert code == 2 and "x.jpg" in capsys.readouterr().err


def test_cli_stray_dates_are_noted_not_windows(world, tmp_path, capsys):
    """Dates in 2150 and 9999 used to stretch the windows until the backtest died (MemoryError)."""
    events = with_events_on(world["events"], tmp_path / "more.csv.gz", ["2150-06-01", "9999-12-31"])
    code = main(["backtest", str(events), "--actors", str(world["folder"] / "sim.yaml"), "--window", "quarter",
                 "--train-until", "2021-12-31", "--json"])
    out, err = capsys.readouterr()
    assert code == 0 and json.loads(out)["windows"] == 6
    assert err.startswith("alliances: note: 2 row(s) dated outside 1900-01-01 to 2100-12-31 were left out "
                          "(the earliest 2150-06-01, the latest 9999-12-31)")
    code = main(["backtest", str(events), "--actors", str(world["folder"] / "sim.yaml"), "--window", "quarter",
                 "--train-until", "2021-12-31", "--date-range", "2020:9999"])
    assert code == 2 and "the year 9999 is outside the years 1000 to 8999" in capsys.readouterr().err
