"""Event files -> one signed relation per actor pair and time window.

The pipeline, written once in the SQL both engines share (:mod:`alliances.events._sql`)
and run by either (:mod:`alliances.events._engines`):

1. **read** the files as they are (the engine reads CSV, TSV, gzip and Parquet itself;
   nothing is loaded into pandas) in a single pass that normalises each format's rows
   (:mod:`alliances.events._formats`) and groups them by time window and side texts with
   per-group counts (:func:`~alliances.events._sql.compact_sql`; only events whose side may
   name several groups keep their ids); the engine keeps that table, spilling to disk past
   its memory limit;
2. **map the sides**: every distinct side text, with its event count, goes to Python,
   which maps it to scenario actors (:mod:`alliances.events._mapping`) and keeps the
   names that map to nothing, with their counts;
3. **aggregate**: the actor map is joined onto both sides and, per pair (a < b) and
   window, the events, deaths and observations of each kind are summed. Two groups on
   opposite sides of an event give an observation of the event's kind; two groups on the
   *same* side (UCDP ``"A, B"``, ACLED associated actors) give a *same-side* observation,
   counted as material cooperation (Goldstein +6.0, a value we chose in the cooperative
   range of the scale);
4. **score** the small result (:mod:`alliances.events._scoring`, in pandas, the same code
   for both engines).

The scores, stance thresholds, confidence and decay are described in
:mod:`alliances.events._scoring`, with their references.
"""

from __future__ import annotations

import datetime as dt
import numbers
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .._arguments import check_network
from .._checks import check_instance, check_path
from .._network import AllianceNetwork
from .._progress import ProgressCallback, ProgressLike, using_progress
from ..errors import EventDataError, OutputError
from ..readwrite import atomic_path, output_format
from ._engines import Engine
from ._formats import EventFormat, is_parquet, is_uri
from ._history import add_fighting
from ._mapping import ActorMapper, load_mapping
from ._reading import ENGINES, EventFiles, EventPaths, read_events
from ._scoring import check_scoring, score_pairs
from ._sql import RunTables, aggregation_sql, compact_sql, side_counts_sql
from ._windows import (
    DEFAULT_DATE_RANGE,
    MAX_WINDOWS,
    DateRangeLike,
    Window,
    check_window_span,
    parse_date_range,
    parse_window,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "TABLE_FORMATS",
    "EventRelations",
    "check_max_windows",
    "check_relations_options",
    "check_table",
    "check_table_output",
    "relations_over_time",
    "write_table",
]

TABLE_FORMATS = {".csv": "csv", ".csv.gz": "csv", ".parquet": "parquet", ".pq": "parquet"}
"""The file extensions :func:`write_table` writes, with the format of each."""

_NOTHING = "\u0000"  # a placeholder row keeps a registered table's columns typed when it is empty


@dataclass
class EventRelations:
    """What :func:`relations_over_time` found.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per pair (``a`` < ``b``) and window, columns :data:`COLUMNS` and
        ``fighting`` (the pair's conflict history as known at the window:
        :func:`~alliances.events.fighting_history`), sorted by ``window_start``, ``a``,
        ``b``; floats rounded to 6 decimals; ``stance`` empty where unknown; dates as
        ``datetime.date``.
    unmapped : pandas.DataFrame
        ``name``, ``events``: every actor name that maps to no scenario actor, with the
        number of events naming it, largest first.
    stats : dict
        ``rows`` read, ``bad_date`` rows whose date did not parse (not used),
        ``out_of_range`` rows dated outside ``date_range`` (not used), ``bad_value`` rows
        with a number out of its range (used, that number taken as missing), ``one_sided``
        rows with only one side, ``within_actor`` observations whose two sides map to the
        same scenario actor (not a pair).
    date_range : (datetime.date, datetime.date)
        The first and last day events were used from.
    notes : list of str
        What was left out or taken as missing, in words (the dates outside the range, with
        the earliest and the latest); empty when everything was used.
    """

    table: pd.DataFrame
    unmapped: pd.DataFrame
    stats: dict[str, int]
    window: Window
    method: str
    format: str
    files: list[str] = field(default_factory=list)
    date_range: tuple[dt.date, dt.date] = DEFAULT_DATE_RANGE
    notes: list[str] = field(default_factory=list)

    def windows(self) -> list[tuple[dt.date, dt.date]]:
        """The (start, end) of every window from the first with events to the last, in order.

        Quiet windows (no events) are included: a month without events is a month of the
        record, not a gap in it (see :meth:`quiet_windows`).
        """
        if self.table.empty:
            return []
        first = self.window.key(min(self.table["window_start"]))
        last = self.window.key(max(self.table["window_start"]))
        return [self.window.bounds(k) for k in range(first, last + 1)]

    def quiet_windows(self) -> list[tuple[dt.date, dt.date]]:
        """The windows of :meth:`windows` in which no event happened (with decay, rows may carry on there)."""
        busy = set(self.table.loc[self.table["events"] > 0, "window_start"])
        return [(start, end) for start, end in self.windows() if start not in busy]


def relations_over_time(
    events: EventPaths,
    net: AllianceNetwork,
    *,
    window: str | Window = "month",
    mapping: ActorMapper | str | os.PathLike[str] | None = None,
    method: str = "net_cooperation",
    thresholds: tuple[float, float] = (0.2, 0.6),
    min_events: int = 1,
    half_life: float | None = None,
    origin: dt.date | None = None,
    date_range: DateRangeLike = DEFAULT_DATE_RANGE,
    max_windows: int = MAX_WINDOWS,
    format: str | None = None,
    engine: str | Engine | None = None,
    progress: ProgressLike = False,
) -> EventRelations:
    """Signed relations between a scenario's actors, window by window, from event data.

    Parameters
    ----------
    events : EventFiles, or paths as for :func:`read_events`
    net : AllianceNetwork
        The scenario whose actors (names, labels, aliases) the events map to.
    window : str
        ``day``, ``week``, ``month``, ``quarter``, ``year`` or ``<N>d``.
    mapping : ActorMapper or path, optional
        An actor-mapping file (exact names, regular expressions, CAMEO code prefixes).
    method : {'net_cooperation', 'goldstein', 'hostility'}
    thresholds : (float, float)
        Score magnitudes for friendly/rival and for ally/enemy.
    min_events : int
        Fewer events than this in a window leave the pair's stance unknown (0 or more).
    half_life : float, optional
        Decay, in windows; None: every window stands alone.
    origin : datetime.date, optional
        First day of the first ``<N>d`` window.
    date_range : str or (bound, bound), optional
        Events dated outside it are counted (``stats["out_of_range"]``, ``notes``) and left
        out, never turned into windows: ``"1900:2100"`` (the default), ``"1989:2019"``, a
        pair of dates or years (see :func:`parse_date_range`).
    max_windows : int
        With ``half_life``, decay computes every window from a pair's first to the last
        one with events: more than this many windows from the first to the last is
        refused before that work (see :data:`MAX_WINDOWS`).
    format, engine
        As for :func:`read_events`.
    progress : callable or bool
        How far the pass over the files has got: a callback ``progress(percent, 100)``,
        or True for a progress bar on stderr (only when stderr is a terminal). Default:
        what :func:`read_events` was given.

    Returns
    -------
    EventRelations
        ``.table`` (tidy, one row per pair and window), ``.unmapped``, ``.stats``, ``.notes``.

    Raises
    ------
    EventDataError
        An option out of range (checked before any file is read); no such file, unknown
        format, missing or colliding columns, a file the engine cannot read
        (``file:line: ...``); more windows than ``max_windows`` with decay.

    Examples
    --------
    >>> import alliances
    >>> net = alliances.load("seeds/syria_2016_2019.yaml")
    >>> rel = alliances.relations_over_time("seeds/events/ucdp_ged_syria_2016_2019.csv.gz", net, window="year")
    >>> row = rel.table.query("a == 'islamic_state' and b == 'sdf'").iloc[1]
    >>> str(row.window_start), int(row.events), row.stance
    ('2017-01-01', 1345, 'enemy')
    >>> rel.unmapped.iloc[0]["name"]
    'Civilians'

    References
    ----------
    .. [1] Goldstein (1992); Brandt, Colaresi & Freeman (2008); Lerner et al. (2013): see
       :mod:`alliances.events._scoring`.
    """
    check_network(net)
    check_instance(mapping, (ActorMapper, str, os.PathLike, type(None)), "mapping",
                   "an ActorMapper, the path of a mapping file or None")
    win, days, limit = check_relations_options(window=window, origin=origin, method=method, thresholds=thresholds,
                                               half_life=half_life, min_events=min_events, date_range=date_range,
                                               max_windows=max_windows, engine=engine)
    if mapping is not None and not isinstance(mapping, ActorMapper):
        mapping = load_mapping(mapping)
    mapper = ActorMapper.from_network(net, mapping)
    # An engine this call creates is closed at the end; one the caller passed in stays open.
    owned = not isinstance(events, EventFiles) and (engine is None or isinstance(engine, str))
    ev = read_events(events, format=format, engine=engine, progress=progress)
    # Fresh names per call: Spark keeps cached tables (and their plans) for the session.
    tables = RunTables()
    try:
        with using_progress(progress or ev.progress, "reading events") as report:
            _compact(ev, win, days, tables, report)
        counts = _side_counts(ev.engine, tables)
        if half_life is not None and counts.first is not None and counts.last is not None:
            check_window_span(win, counts.first, counts.last, limit, why="decay")
        rows, unmapped = _map_sides(mapper, ev.layout.format, counts.sides)
        agg, within_actor = _aggregate(ev.engine, tables, rows)
    finally:
        if owned:
            ev.engine.close()
    table = add_fighting(score_pairs(agg, win, method=method, thresholds=thresholds, min_events=min_events,
                                     half_life=half_life, last_window=-1 if counts.last is None else counts.last),
                         win)
    stats = {**counts.stats, "within_actor": within_actor}
    return EventRelations(table, unmapped, dict(sorted(stats.items())), win, method, ev.format, list(ev.files),
                          date_range=days, notes=_notes(counts, days))


def check_relations_options(
    *,
    window: str | Window = "month",
    origin: dt.date | None = None,
    method: str = "net_cooperation",
    thresholds: tuple[float, float] = (0.2, 0.6),
    half_life: float | None = None,
    min_events: int = 1,
    date_range: DateRangeLike = DEFAULT_DATE_RANGE,
    max_windows: int = MAX_WINDOWS,
    engine: str | Engine | None = None,
) -> tuple[Window, tuple[dt.date, dt.date], int]:
    """Check the options of :func:`relations_over_time` before any file is read.

    Parameters
    ----------
    window, origin, method, thresholds, half_life, min_events, date_range, max_windows, engine
        As for :func:`relations_over_time`.

    Returns
    -------
    (Window, (datetime.date, datetime.date), int)
        The window, the date range and ``max_windows``.

    Raises
    ------
    EventDataError
        The first option out of range, naming it and its limits.

    Examples
    --------
    >>> win, days, limit = check_relations_options(window="quarter", date_range="1989:2019")
    >>> win.label, days[0].year, days[1].year, limit
    ('quarter', 1989, 2019, 10000)
    >>> check_relations_options(window="99999999999d")
    Traceback (most recent call last):
    ...
    alliances.errors.EventDataError: window '99999999999d': a window lasts at most 3653 days (ten years); use 'year' windows for longer spans
    """
    check_scoring(method, thresholds, half_life, min_events=min_events)
    win = parse_window(window, origin=origin)
    days = parse_date_range(date_range)
    limit = check_max_windows(max_windows)
    if isinstance(engine, str) and engine not in ENGINES:
        raise EventDataError(f"unknown engine {engine!r} (expected duckdb or spark)")
    return win, days, limit


def check_max_windows(max_windows: int) -> int:
    """``max_windows`` checked: a whole number of at least 1.

    Examples
    --------
    >>> check_max_windows(500)
    500
    >>> check_max_windows(0)
    Traceback (most recent call last):
    ...
    alliances.errors.EventDataError: max_windows must be a whole number of at least 1, not 0
    """
    if not isinstance(max_windows, numbers.Integral) or isinstance(max_windows, bool) or max_windows < 1:
        raise EventDataError(f"max_windows must be a whole number of at least 1, not {max_windows!r}")
    return int(max_windows)


@dataclass
class _SideCounts:
    """What pass 1 found: the totals, the window keys' span, the dates out of range, every side text's count."""

    stats: dict[str, int]
    first: int | None
    last: int | None
    out_of_range: tuple[str | None, str | None]
    sides: dict[str, int]


def _notes(counts: _SideCounts, days: tuple[dt.date, dt.date]) -> list[str]:
    """What was left out or taken as missing, in words."""
    notes = []
    n = counts.stats.get("out_of_range", 0)
    if n:
        early, late = counts.out_of_range
        seen = early if early == late else f"the earliest {early}, the latest {late}"
        notes.append(f"{n} row(s) dated outside {days[0]} to {days[1]} were left out ({seen}); "
                     "widen the date range (--date-range) to use them")
    bad = counts.stats.get("bad_value", 0)
    if bad:
        notes.append(f"{bad} row(s) hold a death count, Goldstein weight or source count that is not a number "
                     "in its range: those values were taken as missing, the rows still count")
    return notes


def _compact(ev: EventFiles, win: Window, days: tuple[dt.date, dt.date], tables: RunTables,
             report: ProgressCallback | None) -> None:
    """The one pass over the files, into a compact table the engine keeps (spilled to disk past its limit).

    Events are grouped by window and side texts, with their counts; only events with a
    side that may name several groups keep their id (see :func:`aggregation_sql`); events
    dated outside ``days`` only keep their date.
    """
    eng = ev.engine
    ev.view(tables.name("raw_events"))
    query = compact_sql(ev.layout.format, "raw_events", lambda day: win.key_sql(day, eng.epoch_day), days)
    eng.materialize(tables.name("events_compact"), tables.rename(query), progress=report)


def _side_counts(eng: Engine, tables: RunTables) -> _SideCounts:
    """Pass 1 over the compact table: the totals, the first and last window keys, the earliest and
    latest date outside the range, and the events per distinct side text."""
    import pandas as pd

    sides = eng.sql(tables.rename(side_counts_sql("events_compact")))
    sides["part"] = sides["part"].astype(int)
    n = pd.to_numeric(sides["n"])
    totals = {str(side): int(v) for part, side, v in zip(sides["part"], sides["side"], n, strict=True)
              if 3 <= part <= 9 and pd.notna(v)}
    first, last = totals.pop("first_window", None), totals.pop("last_window", None)
    stats = {key: totals.get(key, 0) for key in ("rows", "bad_date", "one_sided", "out_of_range", "bad_value")}
    far = {int(p): (None if pd.isna(v) else str(v)) for p, v in zip(sides["part"], sides["side"], strict=True)
           if p in (10, 11)}
    counts: dict[str, int] = {}
    for part, side, v in zip(sides["part"], sides["side"], n, strict=True):
        if part <= 2 and pd.notna(side):
            counts[side] = counts.get(side, 0) + int(v)
    return _SideCounts(stats, first, last, (far.get(10), far.get(11)), counts)


def _map_sides(mapper: ActorMapper, fmt: EventFormat,
               counts: dict[str, int]) -> tuple[list[tuple[str, str]], pd.DataFrame]:
    """Map every side text to actors: (raw text, actor id) rows, and the unmapped names, largest first."""
    import pandas as pd

    rows, unmapped_counts = mapper.table(sorted(counts.items()), fmt.separator, coded=fmt.name == "gdelt")
    unmapped = pd.DataFrame(sorted(unmapped_counts.items(), key=lambda kv: (-kv[1], kv[0])), columns=["name", "events"])
    unmapped["events"] = unmapped["events"].astype("int64")
    return rows, unmapped


def _aggregate(eng: Engine, tables: RunTables, rows: list[tuple[str, str]]) -> tuple[pd.DataFrame, int]:
    """Pass 2: counts per pair (a < b) and window key, and the observations within one actor."""
    import pandas as pd

    amap = pd.DataFrame(rows or [(_NOTHING, _NOTHING)], columns=["raw", "actor"])
    per_side = amap["raw"].value_counts()
    multi = sorted(per_side[per_side > 1].index) or [_NOTHING]
    eng.register(tables.name("actor_map"), amap)
    eng.register(tables.name("multi_sides"), pd.DataFrame({"raw": multi}))
    agg = eng.sql(tables.rename(aggregation_sql("events_compact")))
    eng.drop(tables.name("events_compact"))
    for c in agg.columns:
        if c not in ("a", "b"):
            agg[c] = pd.to_numeric(agg[c]).fillna(0).astype("int64")
    within = agg["a"] == agg["b"]
    within_actor = int(agg.loc[within, "observations"].sum())
    return agg[~within].sort_values(["a", "b", "wkey"]).reset_index(drop=True), within_actor


def check_table_output(path: str | os.PathLike[str], *, engine: str | Engine | None = None) -> str:
    """Check, before any work, that :func:`write_table` can write ``path``; returns the format.

    Parameters
    ----------
    path : str or path-like
        ``.csv``, ``.csv.gz``, ``.parquet`` or ``.pq``, in a folder that exists; with the
        Spark engine also a URI (``hdfs://``, ``s3a://``, ``file://``...) ending in
        ``.parquet`` or ``.pq``, written by Spark (checked further by
        :meth:`SparkEngine.check_output` once the engine runs).
    engine : 'duckdb', 'spark' or an engine object, optional
        The engine of the run (a URI needs Spark).

    Returns
    -------
    str
        ``csv`` or ``parquet``.

    Raises
    ------
    OutputError
        Another extension, a missing folder, or a path that is a folder; a URI without
        the Spark engine, or not ending in ``.parquet`` or ``.pq``.

    Examples
    --------
    >>> check_table_output("relations.csv.gz")
    'csv'
    >>> check_table_output("hdfs://nn:8020/out/relations.parquet", engine="spark")
    'parquet'
    >>> check_table_output("relations.xlsx")
    Traceback (most recent call last):
    ...
    alliances.errors.OutputError: cannot write 'relations.xlsx': unknown extension '.xlsx' (use .csv, .csv.gz, .parquet or .pq)
    """
    check_path(path, "path")
    if is_uri(path):
        target = os.fspath(path)
        if getattr(engine, "name", engine) != "spark":
            raise OutputError(f"cannot write {target!r}: a URI is written by the Spark engine (--engine spark)")
        if not is_parquet(target.rstrip("/")):
            raise OutputError(f"cannot write {target!r}: a URI is written as Parquet: end it in .parquet or .pq")
        return "parquet"
    return output_format(path, TABLE_FORMATS)[1]


def check_table(table: object) -> None:
    """Check a ``table`` argument: a pandas DataFrame (the relations table)."""
    import pandas as pd

    check_instance(table, pd.DataFrame, "table", "a pandas DataFrame")


def write_table(table: pd.DataFrame, path: str | os.PathLike[str], *, engine: Engine | None = None) -> str:
    """Write the relations table as CSV (``.csv``, ``.csv.gz``) or Parquet (``.parquet``), atomically.

    Returns the format written. Dates are ISO text in CSV and ``DATE`` in Parquet. A URI
    is written by the Spark ``engine`` given, as a folder of Parquet (see
    :meth:`SparkEngine.write_parquet`).

    Raises
    ------
    OutputError
        Unknown extension or missing folder (see :func:`check_table_output`).
    EventDataError
        A URI Spark cannot write.
    """
    check_table(table)
    check_path(path, "path")
    kind = check_table_output(path, engine=engine)
    target = os.fspath(path)
    if is_uri(target):
        write_parquet = getattr(engine, "write_parquet", None)
        assert write_parquet is not None  # check_table_output asked for the Spark engine
        write_parquet(table, target)
        return kind
    with atomic_path(target) as tmp:
        if kind == "csv":
            table.to_csv(tmp, index=False, lineterminator="\n",
                         compression="gzip" if target.lower().endswith(".gz") else None)
        else:
            import duckdb

            con = duckdb.connect(":memory:")
            try:
                # the relational API: the path is a value, never pasted into SQL
                rel = con.from_df(table)
                rel = rel.select(*(duckdb.ColumnExpression(c).cast(duckdb.sqltype("DATE")).alias(c)
                                   if c in ("window_start", "window_end") else duckdb.ColumnExpression(c)
                                   for c in rel.columns))
                rel.write_parquet(tmp)
            finally:
                con.close()
    return kind
