"""alliances.events._windows: window keys in SQL and in Python, the windows' first and last days, and the limits."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliances.errors import EventDataError
from alliances.events import (
    DATE_LIMITS,
    DEFAULT_DATE_RANGE,
    DuckDBEngine,
    Window,
    check_window_span,
    parse_date_range,
    parse_window,
)

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
    for bad in ("fortnight", "-3d", "3.5d", 14):
        with pytest.raises(EventDataError, match="unknown window|must be text"):
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


# ---------------------------------------------------------------- limits: window lengths, date ranges, spans


@pytest.mark.parametrize(("text", "message"), [
    ("0d", "window '0d': a window lasts at least 1 day"),
    ("3654d", "window '3654d': a window lasts at most 3653 days (ten years); use 'year' windows for longer spans"),
    ("99999999999d", "window '99999999999d': a window lasts at most 3653 days"),  # OverflowError in the old code
    ("9" * 5000 + "d", "window '" + "9" * 37 + "...': a window lasts at most 3653 days"),  # quoted, clipped
])
def test_window_lengths_are_bounded(text, message):
    with pytest.raises(EventDataError) as err:
        parse_window(text)
    assert str(err.value).startswith(message)
    assert parse_window("3653d").bounds(0) == (D(1970, 1, 1), D(1980, 1, 1))


def test_windows_built_directly_are_checked_too():
    with pytest.raises(EventDataError, match="at least 1 day"):
        Window("days", 0)
    with pytest.raises(EventDataError, match="unknown window unit 'fortnight'"):
        Window("fortnight")
    with pytest.raises(EventDataError, match="origin must lie between 1000-01-01 and 8999-12-31"):
        parse_window("7d", origin=D(1, 1, 1))


def test_date_ranges_by_hand():
    assert parse_date_range(None) == DEFAULT_DATE_RANGE == (D(1900, 1, 1), D(2100, 12, 31))
    assert parse_date_range("1989:2019") == (D(1989, 1, 1), D(2019, 12, 31))
    assert parse_date_range(" 2016-06-01 : 2017 ") == (D(2016, 6, 1), D(2017, 12, 31))
    assert parse_date_range("1989:") == (D(1989, 1, 1), D(2100, 12, 31))
    assert parse_date_range(":2000") == (D(1900, 1, 1), D(2000, 12, 31))
    assert parse_date_range((2017, D(2017, 3, 1))) == (D(2017, 1, 1), D(2017, 3, 1))
    assert parse_date_range(DATE_LIMITS) == DATE_LIMITS


@pytest.mark.parametrize(("value", "message"), [
    ("2100:1900", "date range '2100:1900': it ends (1900-12-31) before it starts (2100-01-01)"),
    ("0:2000", "date range '0:2000': the year 0 is outside the years 1000 to 8999 a range may reach"),
    ("-5:2000", "the year -5 is outside"),
    ("1900:9999", "the year 9999 is outside"),
    ("2017-02-30:2018", "'2017-02-30' is not a day of the calendar"),
    ("1900-2100", "give FROM:TO, each a year or a date (as 1900:2100)"),
    ("soon:later", "'soon' is neither a year nor a date (YYYY-MM-DD)"),
    ((True, 2000), "a bound must be a year, a date or ISO text, not True"),
    (2000, "a date range must be text such as '1900:2100' or a pair of dates, not 2000"),
])
def test_bad_date_ranges(value, message):
    with pytest.raises(EventDataError) as err:
        parse_date_range(value)
    assert message in str(err.value)


def test_window_span_limit_names_the_span_and_what_to_do():
    w = parse_window("month")
    check_window_span(w, w.key(D(2016, 1, 1)), w.key(D(2016, 12, 1)), 12, why="decay")
    with pytest.raises(EventDataError) as err:
        check_window_span(w, w.key(D(2016, 1, 1)), w.key(D(2017, 1, 1)), 12, why="decay")
    assert str(err.value) == (
        "the events span 13 month windows (2016-01-01 to 2017-01-31), more than the limit of 12 (max_windows); "
        "decay computes every window in between: use a longer window, a narrower date range (--date-range), or "
        "raise max_windows (--max-windows)")
