"""alliances.backtesting._timeline: the graph known at every window, and the clashes of every window."""

from __future__ import annotations

import datetime as dt

import pytest

import alliances
from alliances.backtesting import all_windows, graphs_over_time
from alliances.events import read_events
from tests.backtesting._world import MONTHS, START, month, write_ged


def test_decay_only_looks_back(world):
    """With decay, the graph at t is the same whether or not later events exist."""
    net = world["net"]
    full = graphs_over_time(world["events"], net, window="month", half_life=2.0)
    short = world["folder"] / "short.csv.gz"
    write_ged(short, [c for c in world["clashes"] if c[0] <= 30])
    part = graphs_over_time(short, net, window="month", half_life=2.0)
    assert part.windows == full.windows[: len(part.windows)] and len(part.windows) >= 30
    changed_somewhere = False
    for k in range(len(part.windows)):
        g1, g2 = full.graph(k), part.graph(k)
        assert g1.as_of == g2.as_of == full.windows[k][1]
        r1 = {(r.pair, r.stance, round(r.confidence, 9)) for r in g1.active_relations}
        r2 = {(r.pair, r.stance, round(r.confidence, 9)) for r in g2.active_relations}
        assert r1 == r2, full.windows[k]
        assert full.clashed(k) == part.clashed(k)
        changed_somewhere |= r1 != {(r.pair, r.stance, round(r.confidence, 9)) for r in net.active_relations}
    assert changed_somewhere  # the events did change the graph


def test_clashes_are_the_simulated_ones(world):
    tl = graphs_over_time(world["events"], world["net"], window="month", half_life=None)
    for k in (0, 5, MONTHS - 1):
        want = {(min(x, y), max(x, y)) for t, x, y, _ in world["clashes"] if t == k}
        assert tl.clashed(k) == want
    # without decay the graph of a window with clashes has them as enemies; a quiet one is the scenario
    k = next(k for k in range(MONTHS) if tl.clashed(k))
    a, b = sorted(tl.clashed(k))[0]
    assert tl.graph(k).stance(a, b).value == "enemy" and tl.graph(k).as_of == month(k)[1]


def test_event_files_are_read_again_per_call(world):
    ev = read_events(world["events"])
    tl = graphs_over_time(ev, world["net"], window="quarter", half_life=1.0)
    assert len(tl.windows) == 14 and tl.window.unit == "quarter"


def test_all_windows_fill_quiet_windows(world):
    rel = alliances.relations_over_time(world["events"], world["net"], window="quarter")
    w = all_windows(rel)
    assert w[0][0] == START and len(w) == MONTHS // 3 + (MONTHS % 3 > 0)
    assert all(b[0] == a[1] + dt.timedelta(days=1) for a, b in zip(w, w[1:], strict=False))
    strangers = alliances.loads("scenario: Strangers\nactors: [{id: x, name: X, kind: state}, {id: y, name: Y, kind: state}]\n")
    empty = alliances.relations_over_time(world["events"], strangers)
    assert empty.table.empty and all_windows(empty) == []


def test_too_many_windows_are_refused_before_the_decayed_pass(world):
    with pytest.raises(alliances.EventDataError, match=r"the events span 40 month windows .* more than the limit "
                                                       r"of 39 \(max_windows\); a backtest computes every window"):
        graphs_over_time(world["events"], world["net"], window="month", half_life=2.0, max_windows=39)
    with pytest.raises(alliances.EventDataError, match="half_life must be a positive number of windows, not -1"):
        graphs_over_time(world["folder"] / "missing.csv", world["net"], half_life=-1)
    assert len(graphs_over_time(world["events"], world["net"], window="month", max_windows=40).windows) == 40
