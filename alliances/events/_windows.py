"""Time windows: day, week (Monday to Sunday), month, quarter, year, or N days.

A window is identified by an integer *key* computed in SQL from the event's date (the
same on every engine); its first and last day are computed here from the key.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from .._checks import check_choice, check_date, check_instance, check_int
from ..errors import EventDataError, ParameterError

__all__ = ["MAX_WINDOW_DAYS", "UNITS", "Window", "parse_window"]

UNITS = ("day", "week", "month", "quarter", "year", "days")
"""The units of a :class:`Window` (``days``: a window of ``days`` days from ``origin``)."""

MAX_WINDOW_DAYS = 36_525
"""The longest window of N days: a century (longer windows say nothing an event file can show)."""

_EPOCH = dt.date(1970, 1, 1)  # a Thursday: Monday-based weeks start 3 days before


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
        check_choice(self.unit, "unit", UNITS)
        check_int(self.days, "days", low=1, high=MAX_WINDOW_DAYS)
        if self.unit != "days" and self.days != 1:
            raise ParameterError(f"days is for unit 'days' only, not {self.unit!r}")
        check_instance(self.origin, dt.date, "origin", "a date")

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
    check_instance(text, (str, Window), "window", "a window name (day, week, month, quarter, year, 14d) or a Window")
    origin = check_date(origin, "origin")  # type: ignore[assignment]
    if isinstance(text, Window):
        return text
    t = str(text).strip().lower()
    if t in ("day", "week", "month", "quarter", "year"):
        return Window(t)
    m = re.fullmatch(r"(\d+)\s*d(ays?)?", t)
    if m and int(m.group(1)) >= 1:
        return Window("days", int(m.group(1)), origin or _EPOCH)
    raise EventDataError(
        f"unknown window {text!r} (use day, week, month, quarter, year or a number of days such as 14d)")
