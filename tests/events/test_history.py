"""alliances.events._history: the conflict history per pair and window, from windows up to t only."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import itertools

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import alliances
from alliances.events import FightingHistory, fighting_history, parse_window, relations_over_time
from tests._paths import UCDP

MONTH = parse_window("month")
K0 = MONTH.key(dt.date(2016, 1, 1))


def naive_level(clashes: dict[tuple[str, str], dict[int, int]], pair: tuple[str, str], t: int,
                split: float | None) -> str:
    """The level written out from its definition, with numpy's median over every clash up to t."""
    if split is None:
        upto = [n for rows in clashes.values() for k, n in rows.items() if k <= t]
        split = float(np.median(upto)) if upto else None
    mine = clashes.get(pair, {})
    if mine.get(t, 0) > 0:
        return "high" if split is not None and mine[t] > split else "low"
    before = [k for k in mine if k < t]
    if not before:
        return "none"
    return "recent" if t - max(before) <= 2 else "past"


@st.composite
def clash_tables(draw):
    pairs = [("a", "b"), ("a", "c"), ("b", "c"), ("c", "d")]
    clashes: dict[tuple[str, str], dict[int, int]] = {}
    for pair in draw(st.lists(st.sampled_from(pairs), unique=True, max_size=4)):
        months = draw(st.lists(st.integers(0, 14), unique=True, min_size=1, max_size=8))
        clashes[pair] = {K0 + m: draw(st.integers(1, 30)) for m in months}
    return clashes


def as_table(clashes: dict[tuple[str, str], dict[int, int]]) -> pd.DataFrame:
    rows = [{"a": a, "b": b, "window_start": MONTH.bounds(k)[0], "material_conflict": n}
            for (a, b), by_key in clashes.items() for k, n in by_key.items()]
    # quiet rows (events without a clash) must not count as clashes
    rows.append({"a": "a", "b": "d", "window_start": MONTH.bounds(K0 + 3)[0], "material_conflict": 0})
    return pd.DataFrame(rows, columns=["a", "b", "window_start", "material_conflict"])


@settings(max_examples=60, deadline=None)
@given(clash_tables(), st.one_of(st.none(), st.sampled_from([2.0, 10.5])))
def test_levels_equal_their_definition(clashes, split):
    history = fighting_history(as_table(clashes), MONTH, split=split)
    for pair in itertools.combinations("abcd", 2):
        for t in range(K0 - 1, K0 + 18):
            day = MONTH.bounds(t)[0] + dt.timedelta(days=9)  # any day inside the window
            assert history.level(*pair, day) == naive_level(clashes, pair, t, split), (pair, t)
            assert history.level(pair[1], pair[0], day) == history.level(*pair, day)


def test_hand_case_and_every_pair_at_a_window():
    k = K0
    h = FightingHistory(MONTH, {("x", "y"): [(k, 3), (k + 2, 10)], ("u", "v"): [(k + 5, 1)]})
    assert h.split_at(k - 1) is None and h.split_at(k) == 3 and h.split_at(k + 3) == 6.5
    assert h.levels(MONTH.bounds(k + 2)[0]) == {("x", "y"): "high"}  # u - v has not clashed yet
    assert h.levels(MONTH.bounds(k + 6)[0]) == {("x", "y"): "past", ("u", "v"): "recent"}
    assert FightingHistory(MONTH, {("x", "y"): [(k, 3)]}, split=2).level("x", "y", MONTH.bounds(k)[0]) == "high"


def _events_until(last_day: dt.date, folder) -> str:
    """The shipped UCDP file cut after ``last_day``."""
    with gzip.open(UCDP, "rt", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        day = header.index("date_start")
        kept = [row for row in reader if dt.date.fromisoformat(row[day]) <= last_day]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([header, *kept])
    path = folder / "cut.csv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(buf.getvalue())
    return str(path)


def test_no_window_sees_a_later_event(syria, tmp_path):
    """Removing every event after June 2017 changes no fighting level up to June 2017."""
    seed, full = syria
    cut = relations_over_time(_events_until(dt.date(2017, 6, 30), tmp_path), seed, window="month")
    upto = dt.date(2017, 6, 30)
    keep = ["a", "b", "window_start", "fighting"]
    a = full.table[full.table["window_start"] <= upto][keep].reset_index(drop=True)
    b = cut.table[keep].reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b)
    h_full, h_cut = fighting_history(full.table, full.window), fighting_history(cut.table, cut.window)
    ids = sorted(seed.actors)
    for start, _ in [MONTH.bounds(k) for k in range(K0, MONTH.key(upto) + 1)]:
        for pair in itertools.combinations(ids, 2):
            assert h_full.level(*pair, start) == h_cut.level(*pair, start), (pair, start)
        snaps = [alliances.snapshot(seed, rel, start) for rel in (full, cut)]
        seen = [[(r.pair, r.stance, r.confidence, r.fighting) for r in s.relations] for s in snaps]
        assert seen[0] == seen[1], start


def test_syria_levels_follow_the_war(syria):
    seed, rel = syria
    h = fighting_history(rel.table, rel.window)
    assert h.level("islamic_state", "sdf", dt.date(2017, 6, 1)) == "high"  # the Raqqa campaign
    assert h.level("israel", "turkey", dt.date(2019, 6, 1)) == "none"
    snap = alliances.snapshot(seed, rel, "2017-06-01")
    assert snap.relation("islamic_state", "sdf").fighting == "high"
    assert snap.relation("assad", "russia").fighting == "none"  # a static relation gets the record's level
    assert all(r.fighting is not None for r in snap.relations)
    assert alliances.loads(alliances.dumps(snap)) == snap


def test_table_without_clashes_gives_none_everywhere():
    table = pd.DataFrame({"a": ["x"], "b": ["y"], "window_start": [MONTH.bounds(K0)[0]], "material_conflict": [0]})
    assert fighting_history(table, MONTH).levels(MONTH.bounds(K0 + 1)[0]) == {}
