"""Time windows: day, week (Monday to Sunday), month, quarter, year, or N days; the dates used.

A window is identified by an integer *key* computed in SQL from the event's date (the
same on every engine); its first and last day are computed here from the key.

Only events dated inside a plausible range (:data:`DEFAULT_DATE_RANGE`, 1900 to 2100;
see :func:`parse_date_range`) are turned into windows: a stray date in 9999 would
otherwise stretch the windows from the first event to it. The limits a window and a
range must keep (:data:`MAX_WINDOW_DAYS`, :data:`DATE_LIMITS`) and the number of windows
a run may span (:data:`MAX_WINDOWS`, :func:`check_window_span`) are checked before the
work they would cause.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from .._checks import check_instance, check_int, check_text
from ..errors import EventDataError, ParameterError

__all__ = [
    "DATE_LIMITS",
    "DEFAULT_DATE_RANGE",
    "MAX_WINDOWS",
    "MAX_WINDOW_DAYS",
    "DateBound",
    "DateRangeLike",
    "Window",
    "check_window_span",
    "parse_date_range",
    "parse_window",
]

_EPOCH = dt.date(1970, 1, 1)  # a Thursday: Monday-based weeks start 3 days before
_UNITS = ("day", "week", "month", "quarter", "year")

MAX_WINDOW_DAYS = 3653
"""The longest window of N days: ten years (use ``year`` windows for longer spans)."""

DEFAULT_DATE_RANGE = (dt.date(1900, 1, 1), dt.date(2100, 12, 31))
"""The dates events are used from and to, unless told otherwise (both days included)."""

DATE_LIMITS = (dt.date(1000, 1, 1), dt.date(8999, 12, 31))
"""How far a date range may reach: every window around it then has calendar dates."""

MAX_WINDOWS = 10_000
"""How many windows, from the first with events to the last, a run may span unless told otherwise."""

DateBound = dt.date | str | int
"""A bound of a date range: a date, ISO text (``2017-06-30``), or a year (``2017``, the whole year)."""

DateRangeLike = str | tuple[DateBound | None, DateBound | None] | None
"""A date range: ``"FROM:TO"`` text, a pair of bounds (None keeps the default's), or None (the default)."""


@dataclass(frozen=True)
class Window:
    """A window length: ``unit`` is day, week, month, quarter, year or days (with ``days``).

    Examples
    --------
    >>> w = parse_window("month")
    >>> w.bounds(2017 * 12 + 5)
    (datetime.date(2017, 6, 1), datetime.date(2017, 6, 30))
    >>> parse_window("10d", origin=dt.date(2017, 1, 1)).bounds(2)
    (datetime.date(2017, 1, 21), datetime.date(2017, 1, 30))
    """

    unit: str
    days: int = 1
    origin: dt.date = _EPOCH

    def __post_init__(self) -> None:
        if not isinstance(self.unit, str) or self.unit not in (*_UNITS, "days"):
            raise EventDataError(f"unknown window unit {self.unit!r} (use day, week, month, quarter, year or days)")
        if isinstance(self.days, bool) or not isinstance(self.days, int):
            raise EventDataError(f"a window's days must be a whole number, not {self.days!r}")
        if self.unit == "days":
            _check_days(self.days)
        elif self.days != 1:
            raise ParameterError(f"days is for unit 'days' only, not {self.unit!r}")
        _check_origin(self.origin)

    @property
    def label(self) -> str:
        """``day`` ... ``year``, or ``<N>d``."""
        return f"{self.days}d" if self.unit == "days" else self.unit

    def key_sql(self, day: str, epoch_day: Callable[[str], str]) -> str:
        """SQL for the window key of a DATE expression; ``epoch_day`` is the engine's day-number function."""
        if self.unit == "day":
            return f"CAST({epoch_day(day)} AS BIGINT)"
        if self.unit == "week":
            return f"CAST(floor(({epoch_day(day)} + 3) / 7) AS BIGINT)"
        if self.unit == "month":
            return f"CAST(year({day}) * 12 + month({day}) - 1 AS BIGINT)"
        if self.unit == "quarter":
            return f"CAST(year({day}) * 4 + floor((month({day}) - 1) / 3) AS BIGINT)"
        if self.unit == "year":
            return f"CAST(year({day}) AS BIGINT)"
        offset = (self.origin - _EPOCH).days
        return f"CAST(floor(({epoch_day(day)} - {offset}) / {self.days}) AS BIGINT)"

    def key(self, day: dt.date) -> int:
        """The key of the window containing ``day`` (the Python twin of :meth:`key_sql`).

        Examples
        --------
        >>> w = parse_window("week")
        >>> w.bounds(w.key(dt.date(2017, 6, 14)))
        (datetime.date(2017, 6, 12), datetime.date(2017, 6, 18))
        """
        epoch = (day - _EPOCH).days
        if self.unit == "day":
            return epoch
        if self.unit == "week":
            return (epoch + 3) // 7
        if self.unit == "month":
            return day.year * 12 + day.month - 1
        if self.unit == "quarter":
            return day.year * 4 + (day.month - 1) // 3
        if self.unit == "year":
            return day.year
        return (epoch - (self.origin - _EPOCH).days) // self.days

    def bounds(self, key: int) -> tuple[dt.date, dt.date]:
        """First and last day of the window with this key."""
        key = int(key)
        if self.unit == "day":
            d = _EPOCH + dt.timedelta(days=key)
            return d, d
        if self.unit == "week":
            start = _EPOCH + dt.timedelta(days=7 * key - 3)
            return start, start + dt.timedelta(days=6)
        if self.unit == "month":
            y, m = divmod(key, 12)
            return dt.date(y, m + 1, 1), dt.date(y, m + 1, calendar.monthrange(y, m + 1)[1])
        if self.unit == "quarter":
            y, q = divmod(key, 4)
            last = 3 * q + 3
            return dt.date(y, 3 * q + 1, 1), dt.date(y, last, calendar.monthrange(y, last)[1])
        if self.unit == "year":
            return dt.date(key, 1, 1), dt.date(key, 12, 31)
        start = self.origin + dt.timedelta(days=key * self.days)
        return start, start + dt.timedelta(days=self.days - 1)


def parse_window(text: str | Window, *, origin: dt.date | None = None) -> Window:
    """A :class:`Window` from ``day``, ``week``, ``month``, ``quarter``, ``year`` or ``<N>d``.

    ``origin`` is the first day of the first N-day window (default 1970-01-01).

    Examples
    --------
    >>> parse_window("14d").days
    14
    >>> parse_window("fortnight")
    Traceback (most recent call last):
    ...
    alliances.errors.EventDataError: unknown window 'fortnight' (use day, week, month, quarter, year or a number of days such as 14d)
    """
    if origin is not None:  # checked whatever the unit, by the rule a Window keeps
        _check_origin(origin)
    if isinstance(text, Window):
        return text
    if not isinstance(text, str):
        raise EventDataError(f"a window must be text such as 'month' or '14d', not {text!r}")
    t = text.strip().lower()
    if t in _UNITS:
        return Window(t)
    m = re.fullmatch(r"(\d+)\s*d(ays?)?", t)
    if m:
        digits = m.group(1).lstrip("0") or "0"
        # far too long either way: no need to turn thousands of digits into a number
        days = int(digits) if len(digits) <= 12 else MAX_WINDOW_DAYS + 1
        _check_days(days, text)
        return Window("days", days, _EPOCH if origin is None else origin)
    raise EventDataError(
        f"unknown window {_clip(text)!r} (use day, week, month, quarter, year or a number of days such as 14d)")


def _clip(text: str, limit: int = 40) -> str:
    """Text as a message quotes it: at most ``limit`` characters."""
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _check_days(days: int, text: str | None = None) -> None:
    """A window of N days must last at least one day and at most :data:`MAX_WINDOW_DAYS`."""
    given = f"window {_clip(text)!r}" if text is not None else f"a window of {days} days"
    if days < 1:
        raise EventDataError(f"{given}: a window lasts at least 1 day")
    if days > MAX_WINDOW_DAYS:
        raise EventDataError(f"{given}: a window lasts at most {MAX_WINDOW_DAYS} days (ten years); "
                             "use 'year' windows for longer spans")


def _check_origin(origin: object) -> None:
    """A window's origin must be a date (not a datetime) within :data:`DATE_LIMITS`."""
    if not isinstance(origin, dt.date) or isinstance(origin, dt.datetime):
        raise EventDataError(f"a window's origin must be a date, not {origin!r}")
    if not DATE_LIMITS[0] <= origin <= DATE_LIMITS[1]:
        raise EventDataError(f"a window's origin must lie between {DATE_LIMITS[0]} and {DATE_LIMITS[1]}, "
                             f"not {origin}")


def parse_date_range(value: DateRangeLike) -> tuple[dt.date, dt.date]:
    """The first and last day events are used from: ``"1900:2100"``, ``"1990-06-01:2020"``, or a pair.

    Each bound is a year (the whole year: from its 1 January, to its 31 December), an ISO
    date, or a date; an empty bound (``"1990:"``) keeps that end of
    :data:`DEFAULT_DATE_RANGE`, and None keeps the whole default. Both bounds must lie
    within :data:`DATE_LIMITS` (years 1000 to 8999), the first on or before the second.

    Parameters
    ----------
    value : str, (bound, bound) or None

    Returns
    -------
    (datetime.date, datetime.date)

    Raises
    ------
    EventDataError
        A bound that is not a year or a date, outside the limits, or a range that ends before it starts.

    Examples
    --------
    >>> parse_date_range("1989:2019")
    (datetime.date(1989, 1, 1), datetime.date(2019, 12, 31))
    >>> parse_date_range(("2016-06-01", None))
    (datetime.date(2016, 6, 1), datetime.date(2100, 12, 31))
    >>> parse_date_range("2020:1990")
    Traceback (most recent call last):
    ...
    alliances.errors.EventDataError: date range '2020:1990': it ends (1990-12-31) before it starts (2020-01-01)
    """
    if value is None:
        return DEFAULT_DATE_RANGE
    if isinstance(value, str):
        shown = _clip(value)
        parts = value.split(":")
        if len(parts) != 2:
            raise EventDataError(f"date range {value!r}: give FROM:TO, each a year or a date (as 1900:2100)")
        lo_in: DateBound | None = parts[0].strip() or None
        hi_in: DateBound | None = parts[1].strip() or None
    elif isinstance(value, (tuple, list)) and len(value) == 2:
        lo_in, hi_in = value
        shown = f"{_shown(lo_in)}:{_shown(hi_in)}"
    else:
        raise EventDataError(f"a date range must be text such as '1900:2100' or a pair of dates, not {value!r}")
    lo = DEFAULT_DATE_RANGE[0] if lo_in is None else _bound(lo_in, shown, last=False)
    hi = DEFAULT_DATE_RANGE[1] if hi_in is None else _bound(hi_in, shown, last=True)
    if hi < lo:
        raise EventDataError(f"date range {shown!r}: it ends ({hi}) before it starts ({lo})")
    return lo, hi


def _shown(bound: object) -> str:
    return "" if bound is None else bound.isoformat() if isinstance(bound, dt.date) else str(bound)


def _bound(bound: DateBound, shown: str, *, last: bool) -> dt.date:
    """One bound of a date range: a year (its first or last day), ISO text, or a date."""
    low, high = DATE_LIMITS
    day: dt.date | None = None
    if isinstance(bound, dt.datetime):
        day = bound.date()
    elif isinstance(bound, dt.date):
        day = bound
    elif isinstance(bound, int) and not isinstance(bound, bool):
        if not low.year <= bound <= high.year:
            raise EventDataError(f"date range {shown!r}: the year {bound} is outside the years "
                                 f"{low.year} to {high.year} a range may reach")
        day = dt.date(bound, 12, 31) if last else dt.date(bound, 1, 1)
    elif isinstance(bound, str):
        text = bound.strip()
        if re.fullmatch(r"[+-]?\d{1,12}", text):
            return _bound(int(text), shown, last=last)
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise EventDataError(f"date range {shown!r}: {_clip(text)!r} is neither a year nor a date (YYYY-MM-DD)")
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            raise EventDataError(f"date range {shown!r}: {text!r} is not a day of the calendar") from None
    else:
        raise EventDataError(f"date range {shown!r}: a bound must be a year, a date or ISO text, not {bound!r}")
    if not low <= day <= high:
        raise EventDataError(f"date range {shown!r}: {day} is outside {low} to {high}, the dates a range may reach")
    return day


def check_window_span(win: Window, first: int, last: int, limit: int, *, why: str) -> None:
    """Refuse, before the work, to span more than ``limit`` windows from key ``first`` to key ``last``.

    Parameters
    ----------
    win : Window
    first, last : int
        The keys of the first and the last window with events.
    limit : int
        The most windows allowed (``max_windows``).
    why : str
        What needs every window in between (named in the message).

    Raises
    ------
    EventDataError
        Naming the span, the limit, and what to do instead.
    ParameterError
        A ``win`` that is not a Window, keys that are not those of windows within
        :data:`DATE_LIMITS`, a ``limit`` below 1 (a ParameterTypeError for a wrong type).

    Examples
    --------
    >>> w = parse_window("day")
    >>> check_window_span(w, w.key(dt.date(2016, 1, 1)), w.key(dt.date(2016, 12, 31)), 400, why="decay")
    >>> check_window_span(w, w.key(dt.date(2016, 1, 1)), w.key(dt.date(2099, 1, 1)), 400, why="decay")
    Traceback (most recent call last):
    ...
    alliances.errors.EventDataError: the events span 30317 day windows (2016-01-01 to 2099-01-01), more than the limit of 400 (max_windows); decay computes every window in between: use a longer window, a narrower date range (--date-range), or raise max_windows (--max-windows)
    """
    check_instance(win, Window, "win", "a Window")
    low, high = win.key(DATE_LIMITS[0]), win.key(DATE_LIMITS[1])  # windows with calendar dates around them
    check_int(first, "first", low=low, high=high)
    check_int(last, "last", low=low, high=high)
    check_int(limit, "limit", low=1)
    check_text(why, "why")
    span = last - first + 1
    if span > limit:
        start, end = win.bounds(first)[0], win.bounds(last)[1]
        raise EventDataError(
            f"the events span {span} {win.label} windows ({start} to {end}), more than the limit of {limit} "
            f"(max_windows); {why} computes every window in between: use a longer window, a narrower date "
            "range (--date-range), or raise max_windows (--max-windows)")
