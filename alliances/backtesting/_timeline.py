"""What was known at each time window, and which pairs clashed in it.

The graph known at window t is the scenario's static relations plus the relations the
events up to t imply, with decay (:func:`alliances.relations_over_time` with
``half_life``, then :func:`alliances.snapshot`); decay only ever looks back, so the graph
at t uses nothing after t. A pair *clashed* in a window when the events of that window
alone record at least one material-conflict observation between them; its conflict
history at t (the ``fighting`` factor) comes from the clashes up to t
(:func:`alliances.events.fighting_history`).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field

import numpy as np

from .._checks import check_date, check_instance
from .._network import AllianceNetwork
from ..events import (
    DEFAULT_DATE_RANGE,
    MAX_WINDOWS,
    ActorMapper,
    DateRangeLike,
    Engine,
    EventFiles,
    EventPaths,
    EventRelations,
    FightingHistory,
    Window,
    check_half_life,
    check_max_windows,
    check_min_events,
    check_window_span,
    fighting_history,
    parse_date_range,
    parse_window,
    relations_over_time,
    snapshot,
)
from ..risk import FACTORS, PairFactors

__all__ = ["Timeline", "all_windows", "fighting_states", "graphs_over_time"]


@dataclass(eq=False)
class Timeline:
    """The graphs known at every window, and the clashes of every window (see :func:`graphs_over_time`).

    Attributes
    ----------
    net : AllianceNetwork
        The scenario: actors and static relations.
    memory : EventRelations
        The event-derived relations with decay, which the graphs use.
    window : Window
    windows : list of (date, date)
        Every window from the first event to the last, quiet ones included.
    clashes : set of (date, str, str)
        ``(window_start, a, b)`` for every pair (a < b) that clashed in a window.
    observed : EventRelations
        The event-derived relations of each window alone (no decay): the clashes and
        the conflict history come from them.
    notes : list of str
        What the events left out (dates outside the range, bad values), in words.
    """

    net: AllianceNetwork
    memory: EventRelations
    window: Window
    windows: list[tuple[dt.date, dt.date]]
    clashes: set[tuple[dt.date, str, str]]
    observed: EventRelations
    notes: list[str] = field(default_factory=list)

    def clash_median(self, until: dt.date) -> float | None:
        """The median number of clashes of the pair-windows with a clash, in the windows ending by ``until``.

        The split between ``low`` and ``high`` fighting in a backtest: from the training
        windows only. None when no pair clashed by then.
        """
        tb = self.observed.table
        n = tb.loc[(tb["material_conflict"] > 0) & (tb["window_end"] <= until), "material_conflict"]
        return float(np.median(n)) if len(n) else None

    def history(self, split: float | None = None) -> FightingHistory:
        """Every pair's clashes by window (:func:`alliances.events.fighting_history`) with this split."""
        return fighting_history(self.observed.table, self.window, split=split)

    def graph(self, k: int) -> AllianceNetwork:
        """The scenario as known at the end of window ``k``: static plus (decayed) event-derived relations."""
        start, end = self.windows[k]
        tb = self.memory.table
        if ((tb["window_start"] == start) & (tb["stance"] != "")).any():
            return snapshot(self.net, self.memory, start)
        return self.net.replace(as_of=end)

    def clashed(self, k: int) -> set[tuple[str, str]]:
        """The pairs (a < b) that clashed in window ``k``."""
        start = self.windows[k][0]
        return {(a, b) for s, a, b in self.clashes if s == start}


def graphs_over_time(
    events: EventPaths,
    net: AllianceNetwork,
    *,
    window: str | Window = "month",
    mapping: ActorMapper | str | os.PathLike[str] | None = None,
    half_life: float | None = 3.0,
    min_events: int = 1,
    date_range: DateRangeLike = DEFAULT_DATE_RANGE,
    max_windows: int = MAX_WINDOWS,
    format: str | None = None,
    engine: str | Engine | None = None,
) -> Timeline:
    """What was known at each window, and which pairs clashed in it.

    The graph at window t is :func:`alliances.snapshot` of the relations the events imply
    with decay (``half_life`` windows), over the scenario's static relations; a window
    without an event-derived stance is the static scenario at the window's last day.
    Decay only carries the past forward, so the graph at t depends on no event after t.
    A pair *clashed* in a window when the events of that window alone record at least one
    material-conflict observation between them (opposite sides of a violent event).

    Parameters
    ----------
    events, net, window, mapping, half_life, min_events, date_range, max_windows, format, engine
        As for :func:`backtest`.

    Returns
    -------
    Timeline
        ``.windows`` (every window from the first event to the last), ``.graph(k)``,
        ``.clashed(k)``, ``.clashes`` as (window_start, a, b), ``.notes``.

    Raises
    ------
    EventDataError
        As for :func:`alliances.relations_over_time`; more than ``max_windows`` windows
        from the first event to the last (checked before the decayed pass).

    Examples
    --------
    >>> import alliances
    >>> net = alliances.load("seeds/syria_2016_2019.yaml")
    >>> tl = graphs_over_time("seeds/events/ucdp_ged_syria_2016_2019.csv.gz", net, window="year")
    >>> len(tl.windows), ("islamic_state", "sdf") in tl.clashed(1)
    (4, True)
    >>> tl.graph(1).stance("islamic_state", "sdf").value
    'enemy'
    """
    if isinstance(events, EventFiles):  # each relations_over_time call closes its engine
        format = format or events.format
        events = list(events.files)
    check_half_life(half_life)
    check_min_events(min_events)
    parse_window(window)
    parse_date_range(date_range)
    limit = check_max_windows(max_windows)
    paths = events

    def relations(half: float | None) -> EventRelations:
        return relations_over_time(paths, net, window=window, mapping=mapping, format=format, engine=engine,
                                   min_events=min_events, half_life=half, date_range=date_range, max_windows=limit)

    now = relations(None)
    tb = now.table
    if len(tb):  # every window in between is a graph to build and a forecast to make
        win = now.window
        check_window_span(win, win.key(min(tb["window_start"])), win.key(max(tb["window_start"])), limit,
                          why="a backtest")
    memory = now if half_life is None else relations(half_life)
    hit = tb[tb["material_conflict"] > 0]
    clashes = set(zip(hit["window_start"], hit["a"], hit["b"], strict=True))
    return Timeline(net, memory, now.window, all_windows(now), clashes, now, notes=list(now.notes))


def fighting_states(history: FightingHistory, pf: PairFactors, day: dt.date) -> np.ndarray:
    """Every pair's ``fighting`` state index at the window containing ``day`` (``none`` for pairs that never clashed).

    Examples
    --------
    >>> import alliances
    >>> from alliances.events import parse_window
    >>> from alliances.risk import pair_factors
    >>> w = parse_window("month")
    >>> h = FightingHistory(w, {("assad", "islamic_state"): [(w.key(dt.date(2017, 8, 1)), 40)]})
    >>> pf = pair_factors(alliances.load("seeds/syria_2017.yaml"))
    >>> codes = fighting_states(h, pf, dt.date(2017, 9, 5))
    >>> FACTORS["fighting"][codes[pf.find("assad", "islamic_state")]], set(codes.tolist())
    ('recent', {0, 2})
    """
    check_instance(history, FightingHistory, "history", "a FightingHistory (from fighting_history)")
    check_instance(pf, PairFactors, "pf", "a PairFactors (from pair_factors)")
    day = check_date(day, "day", optional=False)  # type: ignore[assignment]
    codes = np.zeros(len(pf), dtype=np.int8)
    levels = FACTORS["fighting"]
    index = {a: k for k, a in enumerate(pf.ids)}
    n = len(pf.ids)
    for (a, b), level in history.levels(day).items():
        if a in index and b in index:
            x, y = sorted((index[a], index[b]))
            codes[x * n - x * (x + 1) // 2 + (y - x - 1)] = levels.index(level)  # the row of (x, y), as PairFactors.find
    return codes


def all_windows(relations: EventRelations) -> list[tuple[dt.date, dt.date]]:
    """Every window from the first one with events to the last one, quiet windows included.

    Examples
    --------
    >>> import alliances
    >>> net = alliances.load("seeds/syria_2016_2019.yaml")
    >>> rel = alliances.relations_over_time("seeds/events/ucdp_ged_syria_2016_2019.csv.gz", net, window="year")
    >>> [str(start) for start, _ in all_windows(rel)]
    ['2016-01-01', '2017-01-01', '2018-01-01', '2019-01-01']
    """
    tb = relations.table
    if tb.empty:
        return []
    win = relations.window
    lo, hi = win.key(min(tb["window_start"])), win.key(max(tb["window_start"]))
    return [win.bounds(k) for k in range(lo, hi + 1)]
