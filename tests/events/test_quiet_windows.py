"""Quiet windows are shown, not dropped: snapshots, timelines and diff over a quarter without events."""

from __future__ import annotations

import json

import pytest

import alliances
from alliances.cli import main
from alliances.events import diff_scenarios, quiet_window, relations_over_time, snapshots, write_snapshots
from tests.draw._scenarios import svg_texts
from tests.events._helpers import EVENTS, D

_HEADER = ("id,year,type_of_violence,conflict_new_id,conflict_name,dyad_new_id,dyad_name,side_a_new_id,side_a,"
           "side_b_new_id,side_b,date_start,date_end,date_prec,event_clarity,where_prec,adm_1,adm_2,latitude,"
           "longitude,deaths_a,deaths_b,deaths_civilians,deaths_unknown,low,best,high,number_of_sources,"
           "source_office")


def _event(k: int, day: str) -> str:
    return (f"{k},2017,1,299,Syria: Government,11973,Government of Syria - Syrian insurgents,118,"
            f"Government of Syria,4456,Syrian insurgents,{day},{day},1,1,1,Idlib,Ariha,35.69,36.45,1,1,0,0,2,2,2,1,"
            "SOHR")


@pytest.fixture
def ged(tmp_path):
    """Fighting in Q1, Q2 and Q4 of 2017; nothing at all in Q3."""
    path = tmp_path / "ged.csv"
    days = ["2017-02-03", "2017-05-10", "2017-11-20"]
    path.write_text("\n".join([_HEADER, *(_event(k, d) for k, d in enumerate(days, 1))]) + "\n", "utf-8")
    return path


def test_windows_and_snapshots_include_the_quiet_quarter(net, ged):
    rel = relations_over_time(ged, net, window="quarter")
    assert rel.windows() == [(D(2017, 1, 1), D(2017, 3, 31)), (D(2017, 4, 1), D(2017, 6, 30)),
                             (D(2017, 7, 1), D(2017, 9, 30)), (D(2017, 10, 1), D(2017, 12, 31))]
    assert rel.quiet_windows() == [(D(2017, 7, 1), D(2017, 9, 30))]
    snaps = snapshots(net, rel)
    assert [s.as_of for s in snaps] == [D(2017, 3, 31), D(2017, 6, 30), D(2017, 9, 30), D(2017, 12, 31)]
    q3 = snaps[2]
    assert q3.scenario == "Event fixtures, 2017-Q3" and quiet_window(q3) == "2017-Q3"
    assert q3.stance("assad", "rebels") is None and q3.stance("russia", "assad").value == "ally"
    assert [quiet_window(s) for s in (snaps[0], snaps[1], snaps[3])] == [None, None, None]


def test_with_decay_the_quiet_quarter_carries_the_relation(net, ged):
    rel = relations_over_time(ged, net, window="quarter", half_life=2)
    q3 = snapshots(net, rel)[2]
    assert quiet_window(q3) == "2017-Q3"
    assert q3.stance("assad", "rebels").value == "enemy"  # carried by decay
    assert "carried over by decay" in q3.notes


def test_diff_says_no_events_apart_from_a_relation_that_ended(net, ged, tmp_path):
    rel = relations_over_time(ged, net, window="quarter")
    paths = write_snapshots(net, rel, tmp_path / "snaps")
    assert [p.name for p in paths] == ["2017-Q1.yaml", "2017-Q2.yaml", "2017-Q3.yaml", "2017-Q4.yaml"]
    q2, q3 = alliances.load(paths[1]), alliances.load(paths[2])
    assert quiet_window(q3) == "2017-Q3"  # the mark survives the file
    d = diff_scenarios(q2, q3)
    assert d.to_dict("records") == [{"a": "assad", "b": "rebels", "change": "no events", "before": "enemy",
                                     "after": "", "note": "no events in 2017-Q3"}]
    # a static relation whose period is over is a relation that ended
    ended = q2.replace(relations=[r if r.pair != ("assad", "russia") else
                                  alliances.Relation(r.actors, r.stance, until=2017) for r in q2.relations])
    later = ended.replace(as_of=D(2018, 3, 31))
    rows = diff_scenarios(ended, later).to_dict("records")
    assert {"a": "assad", "b": "russia", "change": "lost", "before": "ally", "after": "",
            "note": "ended (until 2017)"} in rows


def test_diff_cli_words(net, ged, tmp_path, capsys):
    rel = relations_over_time(ged, net, window="quarter")
    paths = write_snapshots(net, rel, tmp_path / "snaps")
    assert main(["diff", str(paths[1]), str(paths[2])]) == 0
    out = capsys.readouterr().out
    assert f"{paths[2]}: no events in 2017-Q3" in out and "no events in 2017-Q3" in out.split("\n", 1)[1]
    assert "lost" not in out
    assert main(["diff", str(paths[1]), str(paths[2]), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["no_events_in"] == "2017-Q3" and data["changes"][0]["change"] == "no events"


def test_timeline_has_a_panel_for_the_empty_quarter(net, ged, tmp_path, capsys):
    assert main(["events", str(ged), "--actors", str(EVENTS / "scenario.yaml"), "--window", "quarter",
                 "--snapshots", str(tmp_path / "snaps")]) == 0
    assert "wrote 4 snapshots" in capsys.readouterr().err
    out = tmp_path / "t.svg"
    assert main(["timeline", str(tmp_path / "snaps"), "-o", str(out)]) == 0
    texts = svg_texts(out)
    assert "2017-Q3: no events" in texts
    assert {"2017-Q1", "2017-Q2", "2017-Q4"} <= set(texts)


def test_events_lists_the_quiet_windows(ged, capsys):
    assert main(["events", str(ged), "--actors", str(EVENTS / "scenario.yaml"), "--window", "quarter"]) == 0
    assert "1 window(s) without any event: 2017-Q3" in " ".join(capsys.readouterr().out.split())
    assert main(["events", str(ged), "--actors", str(EVENTS / "scenario.yaml"), "--window", "quarter", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["windows"] == ["2017-Q1", "2017-Q2", "2017-Q3", "2017-Q4"] and data["quiet_windows"] == ["2017-Q3"]
