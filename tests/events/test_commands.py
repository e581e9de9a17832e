"""The event commands end to end: ``alliances events``, ``timeline`` and ``diff``."""

from __future__ import annotations

import pandas as pd

from alliances.cli import main
from alliances.events import COLUMNS
from tests.events._helpers import EVENTS


def test_cli_events_timeline_diff(tmp_path, capsys):
    out = tmp_path / "rel.csv"
    snaps = tmp_path / "snaps"
    code = main(["events", str(EVENTS / "ged_sample.csv"), "--actors", str(EVENTS / "scenario.yaml"),
                 "--window", "month", "-o", str(out), "--snapshots", str(snaps)])
    assert code == 0
    text = capsys.readouterr().out
    assert "Civilians" in text and "Southern Front" in text
    assert pd.read_csv(out).shape == (6, len(COLUMNS) + 1)  # plus fighting
    png = tmp_path / "t.png"
    assert main(["timeline", str(snaps), "-o", str(png)]) == 0 and png.stat().st_size > 1000
    assert main(["diff", str(snaps / "2017-01.yaml"), str(snaps / "2017-02.yaml"), "--json"]) == 0
    assert '"change": "changed"' in capsys.readouterr().out


def test_cli_bad_input_exit_2(tmp_path, capsys):
    args = ["events", str(EVENTS / "ged_sample.csv"), "--actors", str(EVENTS / "scenario.yaml")]
    assert main([*args, "--window", "fortnight"]) == 2
    assert main([*args, "-o", str(tmp_path / "x.xlsx")]) == 2
    assert main([*args, "--format", "cameo"]) == 2
    err = capsys.readouterr().err
    assert "unknown window" in err and ".xlsx" in err and "unknown event format" in err
    assert not (tmp_path / "x.xlsx").exists()
