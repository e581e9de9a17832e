"""alliances.events._snapshots: one scenario per window, and what changed between two scenarios."""

from __future__ import annotations

import pytest

import alliances
from alliances.errors import EventDataError, OutputError
from alliances.events import (
    check_snapshot_folder,
    diff_scenarios,
    relations_over_time,
    score_from_evidence,
    snapshot,
    snapshots,
    window_label,
    write_snapshots,
)
from tests.events._helpers import EVENTS, D


@pytest.fixture(scope="module")
def rel(net):
    return relations_over_time(EVENTS / "ged_sample.csv", net)


def test_snapshot_of_one_window(net, rel):
    snap = snapshot(net, rel, "2017-01-01")
    assert snap.as_of == D(2017, 1, 31) and snap.scenario == "Event fixtures, 2017-01"
    assert snap.stance("russia", "assad").value == "ally"  # static relation kept
    r = snap.relation("assad", "rebels")
    assert r.kind == "events" and (r.since, r.until) == (D(2017, 1, 1), D(2017, 1, 31))
    assert "2 events, 7 deaths" in r.evidence[0].note and "score -1" in r.evidence[0].note
    assert r.confidence == pytest.approx(0.5)  # 2 events: 2 / (2 + 2)
    assert snap.sources[r.evidence[0].source].title == "UCDP GED: ged_sample.csv"
    assert snapshot(net, rel, D(2017, 1, 17)).as_of == D(2017, 1, 31)  # any day inside the window
    with pytest.raises(EventDataError, match="no window contains 2019-01-01"):
        snapshot(net, rel, "2019-01-01")


def test_snapshot_from_a_bare_table(net, rel):
    snap = snapshot(net, rel.table, D(2017, 2, 1))
    r = snap.relation("islamic_state", "turkey")
    assert r.stance.value == "enemy" and snap.sources["events-events"].title == "events: event data"


def test_score_from_evidence(net, rel):
    snap = snapshot(net, rel, "2017-02-01")
    assert score_from_evidence(snap.relation("hts", "rebels")) == -1.0
    assert score_from_evidence(snap.relation("russia", "assad")) is None  # a static relation


def test_window_labels():
    assert window_label(D(2017, 1, 1), D(2017, 12, 31)) == "2017"
    assert window_label(D(2017, 2, 1), D(2017, 2, 28)) == "2017-02"
    assert window_label(D(2017, 10, 1), D(2017, 12, 31)) == "2017-Q4"
    assert window_label(D(2017, 2, 20), D(2017, 2, 26)) == "2017-02-20"  # a week


def test_write_snapshots_and_diff(net, rel, tmp_path):
    assert [s.as_of for s in snapshots(net, rel)] == [D(2017, 1, 31), D(2017, 2, 28)]
    paths = write_snapshots(net, rel, tmp_path / "snaps")
    assert [p.name for p in paths] == ["2017-01.yaml", "2017-02.yaml"]
    a, b = (alliances.load(p) for p in paths)
    d = diff_scenarios(a, b)
    got = {(x.a, x.b): (x.change, x.before, x.after) for x in d.itertuples()}
    assert got[("hts", "rebels")] == ("changed", "ally", "enemy")
    assert got[("islamic_state", "turkey")] == ("gained", "", "enemy")
    assert got[("assad", "rebels")] == ("lost", "enemy", "")
    assert ("russia", "assad") not in got and ("assad", "russia") not in got  # the static relation stays
    assert d["change"].tolist() == sorted(d["change"], key=["changed", "gained", "lost"].index)


def test_write_snapshots_refuses_a_file(net, rel, tmp_path):
    target = tmp_path / "snaps"
    target.write_text("a file")
    with pytest.raises(OutputError, match="it is a file"):
        write_snapshots(net, rel, target)


def test_diff_of_a_scenario_with_itself_is_empty(net):
    d = diff_scenarios(net, net)
    assert d.empty and list(d.columns) == ["a", "b", "change", "before", "after", "note"]


def test_an_empty_snapshot_folder_is_refused_before_any_work(net, rel, tmp_path, monkeypatch):
    """An empty path would write into the current folder (the old code did)."""
    monkeypatch.chdir(tmp_path)
    for empty in ("", "  "):
        with pytest.raises(OutputError, match="give a folder"):
            check_snapshot_folder(empty)
        with pytest.raises(OutputError, match="give a folder"):
            write_snapshots(net, rel, empty)
    with pytest.raises(OutputError, match="must be a path, not 3"):
        check_snapshot_folder(3)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []
    assert check_snapshot_folder(tmp_path / "new") == tmp_path / "new" and not (tmp_path / "new").exists()
