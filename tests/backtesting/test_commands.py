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
    assert set(data) == {"horizon", "windows", "pairs", "split", "scores"}
    assert data["horizon"] == "P(at least one clash between the two in the next quarter)"
    assert data["pairs"] == 21 and data["windows"] == 6  # 2022-Q1 to 2023-Q2
    assert [(s["model"], s["subset"]) for s in data["scores"]] == [
        (m, s) for m in ("expert", "fitted", "history", "persistence", "stance", "logistic")
        for s in ("all", "onset", "new_onset")]
    for s in data["scores"]:
        assert set(s) == {"model", "subset", "brier", "log_loss", "auc", "auc_within", "n", "positives"}
        assert s["auc"] is None or 0 <= s["auc"] <= 1
    assert {s["auc_within"] for s in data["scores"] if s["model"] in ("history", "persistence")} <= {0.5, None}
    assert "NaN" not in out


def test_cli_ablation_sensitivity_and_prior_weights(world, capsys):
    folder = world["folder"]
    args = ["backtest", str(world["events"]), "--actors", str(folder / "sim.yaml"), "--window", "month",
            "--train-until", "2021-12-31", "--pseudo-count", "20", "--pseudo-count", "clash=3"]
    code = main([*args, "--ablation", "--sensitivity", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    left = [r["left_out"] for r in data["ablation"] if r["subset"] == "all"]
    assert left == ["(none)", "stance", "fighting", "implied", "shared_enemy", "backing", "common_theater"]
    assert data["sensitivity_skipped"] == []
    settings = {(r["window"], r["train_until"]) for r in data["sensitivity"]}
    assert settings == {("month", "2021-12-31"), ("month", "2022-06-30"), ("quarter", "2021-12-31"),
                        ("quarter", "2022-06-30")}
    fitted = [r for r in data["sensitivity"] if r["model"] == "fitted" and r["subset"] == "all"]
    assert all(r["brier_vs_persistence"] is not None and r["log_loss_vs_history"] is not None for r in fitted)
    code = main([*args, "--ablation"])
    out = capsys.readouterr().out
    assert code == 0 and "Each factor left out in turn" in out and "fighting" in out
    for bad, message in (("clsh=5", "--pseudo-count"), ("-3", "pseudo_count must be a positive number"),
                         ("clash=x", "--pseudo-count"), ("clash=0", "pseudo_counts: clash must be a positive number")):
        code = main([*args[:-2], "--pseudo-count", bad])
        assert code == 2 and message in capsys.readouterr().err


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
