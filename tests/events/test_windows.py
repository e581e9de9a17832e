"""alliances.events._windows: window keys in SQL and in Python, and the windows' first and last days."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliances.errors import EventDataError
from alliances.events import DuckDBEngine, Window, parse_window

D = dt.date
UNITS = ["day", "week", "month", "quarter", "year", "10d", "14d"]


def test_bounds_by_hand():
    monday_key = ((D(2017, 1, 4) - D(1970, 1, 1)).days + 3) // 7
    assert parse_window("week").bounds(monday_key) == (D(2017, 1, 2), D(2017, 1, 8))
    assert parse_window("quarter").bounds(2017 * 4 + 3) == (D(2017, 10, 1), D(2017, 12, 31))
    assert parse_window("year").bounds(2016) == (D(2016, 1, 1), D(2016, 12, 31))
    assert parse_window("month").bounds(2016 * 12 + 1) == (D(2016, 2, 1), D(2016, 2, 29))
    assert parse_window("day").bounds(0) == (D(1970, 1, 1), D(1970, 1, 1))
    assert parse_window("7d", origin=D(2017, 1, 1)).bounds(7) == (D(2017, 2, 19), D(2017, 2, 25))


def test_parse_window_names_and_errors():
    assert parse_window(" Month ") == Window("month")
    assert parse_window("14 days").days == 14 and parse_window("1d").label == "1d"
    w = Window("year")
    assert parse_window(w) is w
    for bad in ("0d", "fortnight", "-3d"):
        with pytest.raises(EventDataError, match="unknown window"):
            parse_window(bad)


@settings(max_examples=60, deadline=None)
@given(st.dates(D(1971, 1, 1), D(2100, 12, 31)), st.sampled_from(UNITS))
def test_key_finds_the_window_containing_the_day(day, unit):
    win = parse_window(unit, origin=D(2016, 1, 1))
    start, end = win.bounds(win.key(day))
    assert start <= day <= end
    assert win.key(start) == win.key(end) == win.key(day)
    assert win.key(end + dt.timedelta(days=1)) == win.key(day) + 1  # windows tile the calendar


def test_key_sql_agrees_with_key_on_the_engine():
    days = [D(1999, 12, 31), D(2000, 2, 29), D(2016, 1, 1), D(2017, 1, 1), D(2017, 6, 14), D(2020, 12, 31)]
    eng = DuckDBEngine()
    values = ", ".join(f"({i}, DATE '{d.isoformat()}')" for i, d in enumerate(days))
    for unit in UNITS:
        win = parse_window(unit, origin=D(2016, 1, 5))
        key = win.key_sql("d", eng.epoch_day)
        got = eng.sql(f"SELECT {key} AS k FROM (VALUES {values}) t(i, d) ORDER BY i")["k"].tolist()
        assert got == [win.key(d) for d in days], unit
    eng.close()
