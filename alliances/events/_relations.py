"""Event files -> one signed relation per actor pair and time window.

The pipeline, written once in the SQL both engines share and run by either
(:mod:`alliances.events._engines`):

1. **read** the files as they are (the engine reads CSV, TSV, gzip and Parquet itself;
   nothing is loaded into pandas) in a single pass that normalises each format's rows
   (:mod:`alliances.events._formats`) and groups them by time window and side texts with
   per-group counts (:func:`compact_sql`; only events whose side may name several groups
   keep their ids); the engine keeps that table, spilling to disk past its memory limit;
2. **map the sides**: every distinct side text, with its event count, goes to Python,
   which maps it to scenario actors (:mod:`alliances.events._mapping`) and keeps the
   names that map to nothing, with their counts;
3. **aggregate**: the actor map is joined onto both sides and, per pair (a < b) and
   window, the events, deaths and observations of each kind are summed. Two groups on
   opposite sides of an event give an observation of the event's kind; two groups on the
   *same* side (UCDP ``"A, B"``, ACLED associated actors) give a *same-side* observation,
   counted as material cooperation (Goldstein +6.0, a value we chose in the cooperative
   range of the scale);
4. **score** the small result (here, in pandas, the same code for both engines).

Scores (``method``), each in [-1, 1], with C = verbal + material cooperation, H = verbal +
material conflict and N = all observations of the pair in the window:

* ``net_cooperation`` (default): (C - H) / N;
* ``goldstein``: the mean Goldstein weight / 10 (Goldstein 1992; Brandt, Colaresi & Freeman 2008);
* ``hostility``: 1 - 2 H / N, the hostility share H / N (Lerner et al. 2013) turned into a
  signed score, so that one set of thresholds serves every method.

Stance thresholds (``thresholds=(0.2, 0.6)``): *ambivalent* when both C / N and H / N are
at least 0.2 and the score is within (-0.6, 0.6); otherwise *ally* at score >= 0.6,
*friendly* >= 0.2, *enemy* <= -0.6, *rival* <= -0.2, else *neutral*. UCDP and ACLED record
violence, so for them opponents can only come out negative and same-side groups
positive. Fewer than ``min_events`` events (with decay: decayed events, rounded) leave the
stance unknown (empty).

Confidence: n / (n + 2), n the number of distinct events (independent reports): one
event gives 0.33, five 0.71, twenty 0.91.

Decay (``half_life``, in windows): each window's counts are added to the previous
window's decayed counts multiplied by 0.5 ** (1 / half_life), so a quiet window keeps
the memory of recent ones; score, stance and confidence then use the decayed counts
(count columns stay each window's own), and a pair keeps a row while it remembers at
least half an event.

References
----------
.. [1] Goldstein, J. S. (1992) A conflict-cooperation scale for WEIS events data. Journal of
   Conflict Resolution 36(2).
.. [2] Brandt, P. T., Colaresi, M. and Freeman, J. R. (2008) The dynamics of reciprocity,
   accountability, and credibility. Journal of Conflict Resolution 52(3).
.. [3] Lerner, J., Bussmann, M., Snijders, T. A. B. and Brandes, U. (2013) Modeling frequency and
   type of interaction in event networks. Corvinus Journal of Sociology and Social Policy 4(1).
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .._network import AllianceNetwork
from ..errors import EventDataError
from ..readwrite import atomic_path
from ._engines import get_engine
from ._formats import EventFormat, FileLayout, detect_format, expand_paths, is_parquet
from ._mapping import ActorMapper, load_mapping
from ._windows import Window, parse_window

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COLUMNS", "KIND_COLUMNS", "METHODS", "EventFiles", "EventRelations", "read_events", "relations_over_time"]

METHODS = ("net_cooperation", "goldstein", "hostility")
KIND_COLUMNS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict",
                "unclassified", "same_side")
COLUMNS = ("a", "b", "window_start", "window_end", "events", "fatalities", "score", "stance", "confidence",
           "observations", *KIND_COLUMNS, "goldstein", "sources")
"""The columns of :attr:`EventRelations.table`, in order."""

_SAME_SIDE_GOLDSTEIN = 60  # tenths: +6.0
_RUNS = itertools.count(1)


@dataclass
class EventFiles:
    """Event files of one format, not yet read (see :func:`read_events`)."""

    files: list[str]
    layout: FileLayout
    parquet: bool
    engine: Any

    @property
    def format(self) -> str:
        return self.layout.format.name

    def _view(self, name: str = "raw_events") -> str:
        self.engine.files_view(name, self.files, self.layout, parquet=self.parquet)
        return f"({self.layout.format.query(name)}) ev"

    def to_pandas(self, *, limit: int | None = 1000) -> pd.DataFrame:
        """The normalised events (event_id, day, side1, side2, quad, goldstein, fatalities, sources,
        inter1, inter2) in file-independent order; ``limit`` rows (None: all, for small files only)."""
        lim = f" LIMIT {int(limit)}" if limit is not None else ""
        df = self.engine.sql(f"SELECT * FROM {self._view()} ORDER BY event_id, day, side1, side2{lim}")
        return _normalise_types(df)

    def count(self) -> int:
        """Number of rows in the files."""
        return int(self.engine.sql(f"SELECT count(*) AS n FROM {self._view()}")["n"].iloc[0])


def read_events(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | EventFiles,
    *,
    format: str | None = None,
    engine: Any = None,
    progress: bool = False,
) -> EventFiles:
    """Open event files (UCDP GED, ACLED, GDELT 2.0 or ICEWS) without loading them.

    Parameters
    ----------
    paths : path, glob, folder, or a list of them
        CSV, TSV, gzip-compressed text or Parquet files of one format.
    format : {'ged', 'acled', 'gdelt', 'icews'}, optional
        Recognised from the header when not given (GDELT, which has none, from its 61 columns).
    engine : 'duckdb', 'spark' or an engine object, optional
        Where the queries run (default DuckDB).
    progress : bool
        Progress bar on stderr for long reads (only when stderr is a terminal).

    Returns
    -------
    EventFiles
        ``.format``, ``.files``, ``.to_pandas(limit=...)``, ``.count()``.

    Raises
    ------
    EventDataError
        No such file, unknown format, missing columns.

    Examples
    --------
    >>> ev = read_events("seeds/events/ucdp_ged_syria_2016_2019.csv.gz")
    >>> ev.format, ev.count()
    ('ged', 16566)
    """
    if isinstance(paths, EventFiles):
        return paths
    files = expand_paths(paths)
    kinds = {is_parquet(f) for f in files}
    if len(kinds) > 1:
        raise EventDataError("give Parquet files and text files in separate runs")
    parquet = kinds.pop()
    eng = get_engine(engine, progress=progress)
    cols = eng.parquet_columns(files) if parquet else None
    layout = detect_format(files, format=format, parquet_columns=cols)
    return EventFiles(files, layout, parquet, eng)


@dataclass
class EventRelations:
    """What :func:`relations_over_time` found.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per pair (``a`` < ``b``) and window, columns :data:`COLUMNS`, sorted by
        ``window_start``, ``a``, ``b``; floats rounded to 6 decimals; ``stance`` empty
        where unknown; dates as ``datetime.date``.
    unmapped : pandas.DataFrame
        ``name``, ``events``: every actor name that maps to no scenario actor, with the
        number of events naming it, largest first.
    stats : dict
        ``rows`` read, ``bad_date`` rows whose date did not parse (not used),
        ``one_sided`` rows with only one side, ``within_actor`` observations whose two sides
        map to the same scenario actor (not a pair).
    """

    table: pd.DataFrame
    unmapped: pd.DataFrame
    stats: dict[str, int]
    window: Window
    method: str
    format: str
    files: list[str] = field(default_factory=list)

    def windows(self) -> list[tuple[dt.date, dt.date]]:
        """The (start, end) of every window with a row, in order."""
        pairs = self.table[["window_start", "window_end"]].drop_duplicates()
        return [tuple(r) for r in pairs.itertuples(index=False)]  # type: ignore[misc]


def relations_over_time(
    events: Any,
    net: AllianceNetwork,
    *,
    window: str | Window = "month",
    mapping: ActorMapper | str | os.PathLike[str] | None = None,
    method: str = "net_cooperation",
    thresholds: tuple[float, float] = (0.2, 0.6),
    min_events: int = 1,
    half_life: float | None = None,
    origin: dt.date | None = None,
    format: str | None = None,
    engine: Any = None,
    progress: bool = False,
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
        Fewer events than this in a window leave the pair's stance unknown.
    half_life : float, optional
        Decay, in windows; None: every window stands alone.
    origin : datetime.date, optional
        First day of the first ``<N>d`` window.
    format, engine, progress
        As for :func:`read_events`.

    Returns
    -------
    EventRelations
        ``.table`` (tidy, one row per pair and window), ``.unmapped``, ``.stats``.

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
    .. [1] Goldstein (1992); Brandt, Colaresi & Freeman (2008); Lerner et al. (2013): see the module notes.
    """
    import pandas as pd

    if method not in METHODS:
        raise EventDataError(f"unknown scoring method {method!r} (expected one of: {', '.join(METHODS)})")
    lo, hi = thresholds
    if not 0 <= lo <= hi <= 1:
        raise EventDataError(f"thresholds must satisfy 0 <= low <= high <= 1, not {thresholds}")
    if half_life is not None and not half_life > 0:
        raise EventDataError(f"half_life must be a positive number of windows, not {half_life}")
    win = parse_window(window, origin=origin)
    # An engine this call creates is closed at the end; one the caller passed in stays open.
    owned = not isinstance(events, EventFiles) and (engine is None or isinstance(engine, str))
    ev = read_events(events, format=format, engine=engine, progress=progress)
    if mapping is not None and not isinstance(mapping, ActorMapper):
        mapping = load_mapping(mapping)
    mapper = ActorMapper.from_network(net, mapping)
    fmt = ev.layout.format
    eng = ev.engine
    # Fresh names per call: Spark keeps cached tables (and their plans) for the session.
    run = next(_RUNS)
    names = {n: f"{n}_{run}" for n in ("raw_events", "events_compact", "actor_map", "multi_sides")}

    def named(sql: str) -> str:
        return re.sub(r"\b(raw_events|events_compact|actor_map|multi_sides)\b",
                      lambda m: names[m.group(1)], sql)

    ev._view(names["raw_events"])

    # One pass over the files, into a compact table the engine keeps (in memory, spilled
    # to disk past its limit): events grouped by window and side texts, with their counts.
    # Only events with a side that may name several groups keep their id (aggregation_sql).
    eng.materialize(names["events_compact"],
                    named(compact_sql(fmt, "raw_events", lambda day: win.key_sql(day, eng.epoch_day))))
    # Pass 1 (over the compact table): distinct sides with their counts, and what cannot be used.
    sides = eng.sql(named(
        "SELECT 1 AS part, side1 AS side, sum(n) AS n FROM events_compact WHERE wkey IS NOT NULL GROUP BY side1 "
        "UNION ALL SELECT 2 AS part, side2 AS side, sum(n) AS n FROM events_compact WHERE wkey IS NOT NULL "
        "GROUP BY side2 "
        "UNION ALL SELECT 3 AS part, 'rows' AS side, COALESCE(sum(n), 0) AS n FROM events_compact "
        "UNION ALL SELECT 4 AS part, 'bad_date' AS side, COALESCE(sum(n), 0) AS n FROM events_compact WHERE wkey IS NULL "
        "UNION ALL SELECT 5 AS part, 'one_sided' AS side, COALESCE(sum(n), 0) AS n FROM events_compact "
        "WHERE wkey IS NOT NULL AND (side1 IS NULL OR side2 IS NULL) "
        "UNION ALL SELECT 6 AS part, 'last_window' AS side, max(wkey) AS n FROM events_compact"
    ))
    sides["n"] = pd.to_numeric(sides["n"]).fillna(-1)
    sides["part"] = sides["part"].astype(int)
    sides["n"] = sides["n"].astype(int)
    stats = {r.side: int(r.n) for r in sides[sides.part >= 3].itertuples()}
    last_window = stats.pop("last_window", -1)
    counts: dict[str, int] = {}
    for r in sides[(sides.part <= 2) & sides.side.notna()].itertuples():
        counts[r.side] = counts.get(r.side, 0) + int(r.n)
    rows, unmapped_counts = mapper.table(sorted(counts.items()), fmt.separator, coded=fmt.name == "gdelt")
    unmapped = pd.DataFrame(sorted(unmapped_counts.items(), key=lambda kv: (-kv[1], kv[0])), columns=["name", "events"])
    unmapped["events"] = unmapped["events"].astype("int64")

    # Pass 2: the aggregation (the placeholder rows keep the tables' columns typed when empty).
    amap = pd.DataFrame(rows or [("\u0000", "\u0000")], columns=["raw", "actor"])
    per_side = amap["raw"].value_counts()
    multi = sorted(per_side[per_side > 1].index) or ["\u0000"]
    eng.register(names["actor_map"], amap)
    eng.register(names["multi_sides"], pd.DataFrame({"raw": multi}))
    agg = eng.sql(named(aggregation_sql("events_compact")))
    eng.drop(names["events_compact"])
    for c in agg.columns:
        if c not in ("a", "b"):
            agg[c] = pd.to_numeric(agg[c]).fillna(0).astype("int64")
    within = agg["a"] == agg["b"]
    stats["within_actor"] = int(agg.loc[within, "observations"].sum())
    agg = agg[~within].sort_values(["a", "b", "wkey"]).reset_index(drop=True)
    table = _score(agg, win, method=method, thresholds=thresholds, min_events=min_events, half_life=half_life,
                   last_window=last_window)
    for key in ("rows", "bad_date", "one_sided"):
        stats.setdefault(key, 0)
    if owned:
        eng.close()
    return EventRelations(table, unmapped, dict(sorted(stats.items())), win, method, fmt.name, list(ev.files))


def compact_sql(fmt: EventFormat, table: str, window_key: Callable[[str], str]) -> str:
    """The one pass over the files: normalised events grouped by (event key, window, side1, side2).

    ``table`` has the format's (normalised) column names; ``window_key`` turns a DATE
    expression into the window key expression. The event key is the event id for events
    that need it (a side that may name several groups) and NULL for the rest, which
    therefore collapse into one row per window and pair of side texts, with their
    counts: a 10-million-row GDELT file becomes a few thousand rows.

    For formats with ``group_keys`` (one group per side: GDELT, ICEWS) the rows are first
    grouped by window and the raw texts the sides and quad class come from, so that the
    string work of normalising (trimming, joining code and name) is done once per
    distinct combination rather than once per row; the counts and sums then add up to
    exactly those of the one-stage query.
    """
    sep = fmt.separator
    event_key = (f"CASE WHEN instr(side1, '{sep}') > 0 OR instr(side2, '{sep}') > 0 THEN event_id END"
                 if sep else "CAST(NULL AS STRING)")
    if not fmt.group_keys:
        return f"""
SELECT event_key, wkey, side1, side2,
  count(*) AS n,
  sum(CASE WHEN quad = 1 THEN 1 ELSE 0 END) AS q1,
  sum(CASE WHEN quad = 2 THEN 1 ELSE 0 END) AS q2,
  sum(CASE WHEN quad = 3 THEN 1 ELSE 0 END) AS q3,
  sum(CASE WHEN quad = 4 THEN 1 ELSE 0 END) AS q4,
  sum(CASE WHEN quad IN (1, 2, 3, 4) THEN 0 ELSE 1 END) AS q0,
  sum(goldstein) AS gsum,
  count(goldstein) AS gn,
  sum(fatalities) AS fatalities,
  sum(sources) AS sources
FROM (
  SELECT {event_key} AS event_key, {window_key("day")} AS wkey, side1, side2, quad, goldstein, fatalities, sources
  FROM ({fmt.query(table)}) ev
) x
GROUP BY event_key, wkey, side1, side2
"""
    keys = ", ".join(fmt.group_keys)
    e = fmt.expr
    return f"""
SELECT event_key, wkey, side1, side2,
  CAST(sum(n) AS BIGINT) AS n,
  CAST(sum(CASE WHEN quad = 1 THEN n ELSE 0 END) AS BIGINT) AS q1,
  CAST(sum(CASE WHEN quad = 2 THEN n ELSE 0 END) AS BIGINT) AS q2,
  CAST(sum(CASE WHEN quad = 3 THEN n ELSE 0 END) AS BIGINT) AS q3,
  CAST(sum(CASE WHEN quad = 4 THEN n ELSE 0 END) AS BIGINT) AS q4,
  CAST(sum(CASE WHEN quad IN (1, 2, 3, 4) THEN 0 ELSE n END) AS BIGINT) AS q0,
  CAST(sum(gsum) AS BIGINT) AS gsum,
  CAST(sum(gn) AS BIGINT) AS gn,
  CAST(sum(fatalities) AS BIGINT) AS fatalities,
  CAST(sum(sources) AS BIGINT) AS sources
FROM (
  SELECT {event_key} AS event_key, wkey, side1, side2, quad, n, gsum, gn, fatalities, sources
  FROM (
    SELECT wkey, {e("side1")} AS side1, {e("side2")} AS side2, {e("quad")} AS quad,
      n, gsum, gn, fatalities, sources
    FROM (
      SELECT wkey, {keys}, count(*) AS n, sum(goldstein) AS gsum, count(goldstein) AS gn,
        sum(fatalities) AS fatalities, sum(sources) AS sources
      FROM (
        SELECT {window_key("day")} AS wkey, {keys}, goldstein, fatalities, sources
        FROM (
          SELECT {e("day")} AS day, {keys}, {e("goldstein")} AS goldstein, {e("fatalities")} AS fatalities,
            {e("sources")} AS sources
          FROM {table}
        ) r
      ) k
      GROUP BY wkey, {keys}
    ) g
  ) s
) x
GROUP BY event_key, wkey, side1, side2
"""


def aggregation_sql(table: str) -> str:
    """The one aggregation query (DuckDB and Spark SQL alike) over the compact table.

    ``actor_map`` (raw, actor) and ``multi_sides`` (raw: the sides that map to several
    actors) must be registered. Returns per pair and window key the integer counts the
    scores are computed from.

    Rows split in two: those with no multi-actor side (the bulk of a large file) give each
    pair at most one observation per event and are summed directly; events with a
    multi-actor side (UCDP "A, B", ACLED associated actors) can give a pair the same
    observation twice, or a same-side and an opposite-side one at once, so they go
    through DISTINCT and count distinct event ids.
    """
    measures = "n, q1, q2, q3, q4, q0, gsum, gn, fatalities, sources"
    pair = (
        "CASE WHEN m1.actor <= m2.actor THEN m1.actor ELSE m2.actor END AS a, "
        "CASE WHEN m1.actor <= m2.actor THEN m2.actor ELSE m1.actor END AS b"
    )
    sums = """sum(n) AS observations,
    sum(fatalities) AS fatalities,
    sum(q1) AS verbal_cooperation,
    sum(q2) AS material_cooperation,
    sum(q3) AS verbal_conflict,
    sum(q4) AS material_conflict,
    sum(q0) AS unclassified,
    sum(same_side) AS same_side,
    sum(gsum) AS goldstein_tenths,
    sum(gn) AS goldstein_n,
    sum(sources) AS sources"""
    same = (
        "SELECT e.event_key, e.wkey, x.actor AS a, y.actor AS b, e.n, 0 AS q1, e.n AS q2, 0 AS q3, 0 AS q4, "
        f"0 AS q0, {_SAME_SIDE_GOLDSTEIN} * e.n AS gsum, e.n AS gn, 0 AS fatalities, e.sources, e.n AS same_side "
        "FROM ev_multi e JOIN actor_map x ON e.{side} = x.raw JOIN actor_map y ON e.{side} = y.raw "
        "WHERE x.actor < y.actor"
    )
    return f"""
WITH ev_multi AS (
  SELECT * FROM {table}
  WHERE wkey IS NOT NULL AND event_key IS NOT NULL
    AND (side1 IN (SELECT raw FROM multi_sides) OR side2 IN (SELECT raw FROM multi_sides))
),
ev_plain AS (
  SELECT * FROM {table}
  WHERE wkey IS NOT NULL AND NOT (event_key IS NOT NULL AND (COALESCE(side1, '') IN (SELECT raw FROM multi_sides)
                                  OR COALESCE(side2, '') IN (SELECT raw FROM multi_sides)))
),
plain AS (
  SELECT e.wkey, {pair}, e.{measures.replace(', ', ', e.')}, 0 AS same_side
  FROM ev_plain e JOIN actor_map m1 ON e.side1 = m1.raw JOIN actor_map m2 ON e.side2 = m2.raw
),
multi AS (
  SELECT DISTINCT * FROM (
    SELECT e.event_key, e.wkey, {pair}, e.{measures.replace(', ', ', e.')}, 0 AS same_side
    FROM ev_multi e JOIN actor_map m1 ON e.side1 = m1.raw JOIN actor_map m2 ON e.side2 = m2.raw
    UNION ALL {same.format(side="side1")}
    UNION ALL {same.format(side="side2")}
  ) u
),
parts AS (
  SELECT a, b, wkey, sum(n) AS events, {sums} FROM plain GROUP BY a, b, wkey
  UNION ALL
  SELECT a, b, wkey, count(DISTINCT event_key) AS events, {sums} FROM multi GROUP BY a, b, wkey
)
SELECT a, b, wkey, sum(events) AS events, sum(fatalities) AS fatalities, sum(observations) AS observations,
  sum(verbal_cooperation) AS verbal_cooperation, sum(material_cooperation) AS material_cooperation,
  sum(verbal_conflict) AS verbal_conflict, sum(material_conflict) AS material_conflict,
  sum(unclassified) AS unclassified, sum(same_side) AS same_side, sum(goldstein_tenths) AS goldstein_tenths,
  sum(goldstein_n) AS goldstein_n, sum(sources) AS sources
FROM parts
GROUP BY a, b, wkey
"""


def _score(agg: pd.DataFrame, win: Window, *, method: str, thresholds: tuple[float, float],
           min_events: int, half_life: float | None, last_window: int = -1) -> pd.DataFrame:
    import numpy as np
    import pandas as pd

    basis = ["events", "observations", "verbal_cooperation", "material_cooperation", "verbal_conflict",
             "material_conflict", "goldstein_tenths", "goldstein_n"]
    if half_life is not None and len(agg):
        agg = _decay(agg, basis, 0.5 ** (1.0 / half_life), last_window)
    else:
        for c in basis:
            agg[f"m_{c}"] = agg[c].astype(float)
    n = agg["m_observations"]
    coop = agg["m_verbal_cooperation"] + agg["m_material_cooperation"]
    host = agg["m_verbal_conflict"] + agg["m_material_conflict"]
    with np.errstate(divide="ignore", invalid="ignore"):
        gold = np.where(agg["m_goldstein_n"] > 0, agg["m_goldstein_tenths"] / agg["m_goldstein_n"] / 10.0, np.nan)
        if method == "net_cooperation":
            score = (coop - host) / n
        elif method == "goldstein":
            score = pd.Series(gold / 10.0, index=agg.index)
        else:
            score = 1 - 2 * host / n
        cshare, hshare = coop / n, host / n
    lo, hi = thresholds
    score = pd.Series(np.asarray(score, dtype=float), index=agg.index)
    stance = np.select(
        [score.isna(),
         (cshare >= lo) & (hshare >= lo) & (score.abs() < hi),
         score >= hi, score >= lo, score <= -hi, score <= -lo],
        ["", "ambivalent", "ally", "friendly", "enemy", "rival"],
        default="neutral",
    )
    # Decayed counts are rounded (half up) before the comparison: a pair kept in memory
    # (at least half an event) keeps its stance when min_events is 1.
    stance = np.where(agg["m_events"] + 0.5 + 1e-9 < min_events, "", stance)
    events_n = agg["m_events"]
    confidence = events_n / (events_n + 2.0)
    starts, ends = zip(*(win.bounds(k) for k in agg["wkey"]), strict=True) if len(agg) else ((), ())
    table = pd.DataFrame({
        "a": agg["a"].astype(str),
        "b": agg["b"].astype(str),
        "window_start": list(starts),
        "window_end": list(ends),
        "events": agg["events"].astype("int64"),
        "fatalities": agg["fatalities"].astype("int64"),
        "score": score.round(6),
        "stance": stance.astype(str),
        "confidence": confidence.astype(float).round(6),
        "observations": agg["observations"].astype("int64"),
        **{c: agg[c].astype("int64") for c in KIND_COLUMNS},
        "goldstein": pd.Series(gold, index=agg.index).round(6),
        "sources": agg["sources"].astype("int64"),
    }, columns=list(COLUMNS))
    table = table.sort_values(["window_start", "a", "b"], kind="mergesort").reset_index(drop=True)
    return table


def _decay(agg: pd.DataFrame, basis: list[str], factor: float, last_window: int) -> pd.DataFrame:
    """Carry decayed counts forward through every window up to the last one with any event."""
    import pandas as pd

    last = max(int(agg["wkey"].max()), int(last_window))
    out = []
    counts = [c for c in agg.columns if c not in ("a", "b", "wkey")]
    for (a, b), grp in agg.groupby(["a", "b"], sort=True):
        rows = {int(k): r for k, r in zip(grp["wkey"], grp.to_dict("records"), strict=True)}
        memory = dict.fromkeys(basis, 0.0)
        for k in range(int(grp["wkey"].min()), last + 1):
            r = rows.get(k)
            memory = {c: memory[c] * factor + (float(r[c]) if r else 0.0) for c in basis}
            if r is None and memory["events"] < 0.5:
                continue
            row = dict(r) if r else {"a": a, "b": b, "wkey": k, **dict.fromkeys(counts, 0)}
            row.update({f"m_{c}": v for c, v in memory.items()})
            out.append(row)
    return pd.DataFrame(out)


def _normalise_types(df: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    for c in ("quad", "goldstein", "fatalities", "sources", "inter1", "inter2"):
        if c in df:
            df[c] = pd.to_numeric(df[c]).astype("Int64")
    if "day" in df:
        df["day"] = pd.to_datetime(df["day"]).dt.date
    return df


def write_table(table: pd.DataFrame, path: str | os.PathLike[str]) -> str:
    """Write the relations table as CSV (``.csv``, ``.csv.gz``) or Parquet (``.parquet``), atomically.

    Returns the format written. Dates are ISO text in CSV and ``DATE`` in Parquet.

    Raises
    ------
    OutputError
        Unknown extension or missing folder.
    """
    from pathlib import Path

    from ..errors import OutputError

    target = Path(path)
    name = target.name.lower()
    kind = "parquet" if name.endswith((".parquet", ".pq")) else "csv" if name.endswith((".csv", ".csv.gz")) else None
    if kind is None:
        raise OutputError(f"cannot write {str(target)!r}: use a .csv, .csv.gz or .parquet file name")
    with atomic_path(target) as tmp:
        if kind == "csv":
            table.to_csv(tmp, index=False, lineterminator="\n",
                         compression="gzip" if name.endswith(".gz") else None)
        else:
            import duckdb

            con = duckdb.connect(":memory:")
            con.register("relations_table", table)
            con.execute("CREATE TABLE t AS SELECT * REPLACE (CAST(window_start AS DATE) AS window_start, "
                        "CAST(window_end AS DATE) AS window_end) FROM relations_table")
            con.execute(f"COPY t TO '{tmp.replace(chr(39), chr(39) * 2)}' (FORMAT parquet)")
            con.close()
    return kind
