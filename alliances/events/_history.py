"""Conflict history per pair and window: how much two actors have fought, as known at each window.

For a pair (a, b) and a window t, only the windows up to t count (nothing after t is
ever read), and the level is one of the risk model's ``fighting`` states:

- ``high``: the two clashed in t more often than the *split* (the median number of
  clashes of the pair-windows with a clash: by default over the windows up to t, or a
  number given, such as the median of a training period);
- ``low``: they clashed in t, at most the split times;
- ``recent``: no clash in t, but one in t - 1 or t - 2;
- ``past``: an earlier clash, none in t - 2 .. t;
- ``none``: no clash since the record starts.

A *clash* is a material-conflict observation between the two (for UCDP GED and ACLED,
a violent event with them on opposite sides): the ``material_conflict`` count of the
relations table, each window's own (decay never enters it).

References
----------
.. [1] Collier, P. et al. (2003). Breaking the Conflict Trap: Civil War and Development
   Policy. World Bank (the conflict trap: fighting begets fighting).
.. [2] Hegre, H. et al. (2019). ViEWS: a political violence early-warning system.
   Journal of Peace Research 56(2).
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .._checks import check_instance, check_number
from ..errors import ParameterError
from ._windows import Window

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["RECENT_WINDOWS", "FightingHistory", "add_fighting", "fighting_history"]

#: A clash this many windows before t, or fewer, is ``recent``.
RECENT_WINDOWS = 2


@dataclass(eq=False)
class FightingHistory:
    """Every pair's clashes by window, and the level of fighting they give at any window.

    Build one with :func:`fighting_history`.

    Attributes
    ----------
    window : Window
        The windows the clashes are counted in.
    clashes : dict
        ``(a, b)`` (a < b) -> sorted list of ``(window key, number of clashes)``, windows
        with at least one clash only.
    split : float or None
        The fixed number of clashes above which a window's fighting is ``high``; None:
        the median over the windows up to the one asked about.
    """

    window: Window
    clashes: dict[tuple[str, str], list[tuple[int, int]]]
    split: float | None = None
    _keys: list[int] = field(default_factory=list, repr=False)  # windows with a clash, in order
    _medians: list[float] = field(default_factory=list, repr=False)  # the median up to each of them

    def __post_init__(self) -> None:
        by_key: dict[int, list[int]] = {}
        for rows in self.clashes.values():
            for k, n in rows:
                by_key.setdefault(k, []).append(n)
        seen: list[int] = []
        for k in sorted(by_key):
            for n in by_key[k]:
                bisect.insort(seen, n)
            m = len(seen)
            self._keys.append(k)
            self._medians.append(float(seen[m // 2]) if m % 2 else (seen[m // 2 - 1] + seen[m // 2]) / 2.0)

    def split_at(self, key: int) -> float | None:
        """The number of clashes above which fighting in window ``key`` is ``high`` (None before any clash)."""
        if self.split is not None:
            return self.split
        pos = bisect.bisect_right(self._keys, key)
        return self._medians[pos - 1] if pos else None

    def level(self, a: str, b: str, day: dt.date) -> str:
        """The fighting level of the pair at the window containing ``day``, from windows up to it only.

        Examples
        --------
        >>> from alliances.events import parse_window
        >>> w = parse_window("month")
        >>> k = w.key(dt.date(2017, 1, 1))
        >>> h = FightingHistory(w, {("x", "y"): [(k, 3), (k + 2, 10), (k + 3, 1)]})
        >>> [h.level("y", "x", w.bounds(k + d)[0]) for d in range(-1, 9)]
        ['none', 'low', 'recent', 'high', 'low', 'recent', 'recent', 'past', 'past', 'past']
        """
        key = self.window.key(day)
        rows = self.clashes.get((a, b) if a <= b else (b, a), [])
        pos = bisect.bisect_right(rows, (key, float("inf")))
        if not pos:
            return "none"
        last_key, n = rows[pos - 1]
        if last_key == key:
            split = self.split_at(key)
            return "high" if split is not None and n > split else "low"
        earlier = rows[pos - 1][0]
        return "recent" if key - earlier <= RECENT_WINDOWS else "past"

    def levels(self, day: dt.date) -> dict[tuple[str, str], str]:
        """Every pair that clashed up to the window containing ``day``, with its level there (others: ``none``)."""
        key = self.window.key(day)
        return {pair: self.level(*pair, day) for pair, rows in self.clashes.items() if rows[0][0] <= key}


def fighting_history(table: pd.DataFrame, window: Window, *, split: float | None = None) -> FightingHistory:
    """The clashes of every pair by window, from a relations table.

    Parameters
    ----------
    table : pandas.DataFrame
        :attr:`alliances.events.EventRelations.table` (``a``, ``b``, ``window_start``,
        ``material_conflict``).
    window : Window
        Its windows (:attr:`EventRelations.window`).
    split : float, optional
        Clashes in a window above which its fighting is ``high``; default: the median
        number of clashes of the pair-windows with a clash, over the windows up to the
        one asked about (so nothing later is used).

    Returns
    -------
    FightingHistory

    Examples
    --------
    >>> import alliances
    >>> net = alliances.load("seeds/syria_2016_2019.yaml")
    >>> rel = alliances.relations_over_time("seeds/events/ucdp_ged_syria_2016_2019.csv.gz", net)
    >>> h = fighting_history(rel.table, rel.window)
    >>> h.level("islamic_state", "sdf", dt.date(2017, 6, 1)), h.level("israel", "islamic_state", dt.date(2017, 6, 1))
    ('high', 'none')
    """
    _check_table(table)
    check_instance(window, Window, "window", "a Window (parse_window makes one; EventRelations.window)")
    split = check_number(split, "split", low=0, optional=True)
    hit = table[table["material_conflict"] > 0]
    clashes: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for a, b, start, n in zip(hit["a"], hit["b"], hit["window_start"], hit["material_conflict"], strict=True):
        clashes.setdefault((a, b), []).append((window.key(start), int(n)))
    for rows in clashes.values():
        rows.sort()
    return FightingHistory(window, clashes, split)


def add_fighting(table: pd.DataFrame, window: Window) -> pd.DataFrame:
    """The relations table with a ``fighting`` column: each row's level from the windows up to its own.

    The split between ``low`` and ``high`` is the median over the windows up to the row's
    (see :func:`fighting_history`).

    Parameters
    ----------
    table : pandas.DataFrame
        A relations table (``a``, ``b``, ``window_start``, ``material_conflict``).
    window : Window
        Its windows.

    Returns
    -------
    pandas.DataFrame
        A copy with the column ``fighting``.

    Examples
    --------
    >>> import pandas as pd
    >>> from alliances.events import parse_window
    >>> w = parse_window("month")
    >>> t = pd.DataFrame({"a": ["x", "x", "x"], "b": ["y", "y", "y"], "material_conflict": [4, 0, 9],
    ...                   "window_start": [dt.date(2017, 1, 1), dt.date(2017, 2, 1), dt.date(2017, 5, 1)]})
    >>> add_fighting(t, w)["fighting"].tolist()
    ['low', 'recent', 'high']
    """
    history = fighting_history(table, window)  # checks both
    out = table.copy()
    out["fighting"] = [history.level(a, b, d) for a, b, d in zip(table["a"], table["b"], table["window_start"],
                                                                 strict=True)]
    return out



_COLUMNS = ("a", "b", "window_start", "material_conflict")


def _check_table(table: object) -> None:
    """A relations table: a DataFrame with the columns the history reads."""
    import pandas as pd

    check_instance(table, pd.DataFrame, "table", "a relations table (EventRelations.table, a DataFrame)")
    missing = [c for c in _COLUMNS if c not in table.columns]  # type: ignore[attr-defined]
    if missing:
        raise ParameterError(f"table lacks the column(s) {', '.join(missing)} (use relations_over_time's table)")
