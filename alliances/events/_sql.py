"""The SQL both engines run: one pass over the files, the side counts, the aggregation.

Written once in the SQL that DuckDB and Spark SQL share; the queries use the fixed
table names ``raw_events``, ``events_compact``, ``actor_map`` and ``multi_sides``, which
:class:`RunTables` turns into names of one call's own (an engine may serve several
calls, and Spark keeps cached tables for the whole session).
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from ._formats import EventFormat
from ._windows import DEFAULT_DATE_RANGE

__all__ = ["SAME_SIDE_GOLDSTEIN", "TABLES", "RunTables", "aggregation_sql", "compact_sql", "side_counts_sql"]

SAME_SIDE_GOLDSTEIN = 60
"""Goldstein weight, in tenths, of a same-side observation: +6.0, in the cooperative range."""

TABLES = ("raw_events", "events_compact", "actor_map", "multi_sides")
"""The tables and views the queries name."""

_TABLE_WORD = re.compile(r"\b(" + "|".join(TABLES) + r")\b")


@dataclass(frozen=True)
class RunTables:
    """The names one call gives the engine's tables: each of :data:`TABLES` with a suffix of its own.

    Examples
    --------
    >>> t = RunTables("x1")
    >>> t.name("actor_map")
    'actor_map_x1'
    >>> t.rename("SELECT raw FROM actor_map JOIN events_compact_old ON TRUE")
    'SELECT raw FROM actor_map_x1 JOIN events_compact_old ON TRUE'
    >>> RunTables().token != RunTables().token
    True
    """

    token: str = field(default_factory=lambda: uuid.uuid4().hex)

    def name(self, table: str) -> str:
        """The name of one of :data:`TABLES` in this call."""
        return f"{table}_{self.token}"

    def rename(self, sql: str) -> str:
        """``sql`` with every table of :data:`TABLES` (as a whole word) given this call's name."""
        return _TABLE_WORD.sub(lambda m: self.name(m.group(1)), sql)


def side_counts_sql(table: str) -> str:
    """Pass 1 over the compact table: every side text with its event count, and what cannot be used.

    Rows ``(part, side, n)``: parts 1 and 2 are the texts of side 1 and side 2 with their
    counts; parts 3 to 7 are the totals ``rows``, ``bad_date`` (date did not parse),
    ``one_sided`` (an empty side), ``out_of_range`` (a date outside the date range) and
    ``bad_value`` (a number out of its range); parts 8 and 9 the first and last window
    keys (``first_window``, ``last_window``); parts 10 and 11 the earliest and latest date
    outside the range, as text in ``side``.
    """
    return (
        f"SELECT 1 AS part, side1 AS side, sum(n) AS n FROM {table} WHERE wkey IS NOT NULL GROUP BY side1 "
        f"UNION ALL SELECT 2 AS part, side2 AS side, sum(n) AS n FROM {table} WHERE wkey IS NOT NULL "
        "GROUP BY side2 "
        f"UNION ALL SELECT 3 AS part, 'rows' AS side, COALESCE(sum(n), 0) AS n FROM {table} "
        f"UNION ALL SELECT 4 AS part, 'bad_date' AS side, COALESCE(sum(n), 0) AS n FROM {table} "
        "WHERE wkey IS NULL AND far IS NULL "
        f"UNION ALL SELECT 5 AS part, 'one_sided' AS side, COALESCE(sum(n), 0) AS n FROM {table} "
        "WHERE wkey IS NOT NULL AND (side1 IS NULL OR side2 IS NULL) "
        f"UNION ALL SELECT 6 AS part, 'out_of_range' AS side, COALESCE(sum(n), 0) AS n FROM {table} "
        "WHERE far IS NOT NULL "
        f"UNION ALL SELECT 7 AS part, 'bad_value' AS side, COALESCE(sum(bad), 0) AS n FROM {table} "
        f"UNION ALL SELECT 8 AS part, 'first_window' AS side, min(wkey) AS n FROM {table} "
        f"UNION ALL SELECT 9 AS part, 'last_window' AS side, max(wkey) AS n FROM {table} "
        f"UNION ALL SELECT 10 AS part, CAST(min(far) AS STRING) AS side, 0 AS n FROM {table} "
        f"UNION ALL SELECT 11 AS part, CAST(max(far) AS STRING) AS side, 0 AS n FROM {table}"
    )


def compact_sql(fmt: EventFormat, table: str, window_key: Callable[[str], str],
                days: tuple[dt.date, dt.date] = DEFAULT_DATE_RANGE) -> str:
    """The one pass over the files: normalised events grouped by (event key, window, side1, side2).

    ``table`` has the format's (normalised) column names; ``window_key`` turns a DATE
    expression into the window key expression. The event key is the event id for events
    that need it (a side that may name several groups) and NULL for the rest, which
    therefore collapse into one row per window and pair of side texts, with their
    counts: a 10-million-row GDELT file becomes a few thousand rows.

    Only events dated within ``days`` (first and last day, both included) get a window;
    the others keep their date in ``far`` (and no sides), to be counted and cited, never
    turned into windows. ``bad`` counts the rows with a bad value (see
    :mod:`alliances.events._formats`).

    For formats with ``group_keys`` (one group per side: GDELT, ICEWS) the rows are first
    grouped by window and the raw texts the sides and quad class come from, so that the
    string work of normalising (trimming, joining code and name) is done once per
    distinct combination rather than once per row; the counts and sums then add up to
    exactly those of the one-stage query.
    """
    sep = fmt.separator
    event_key = (f"CASE WHEN instr(side1, '{sep}') > 0 OR instr(side2, '{sep}') > 0 THEN event_id END"
                 if sep else "CAST(NULL AS STRING)")
    # the bounds are date objects (checked by parse_date_range), written as ISO digits
    lo, hi = (d.isoformat() for d in days)
    inside = f"day BETWEEN DATE '{lo}' AND DATE '{hi}'"

    def dated(*columns: str) -> str:
        """The day and the given columns for rows dated inside the range; the day outside it as ``far``."""
        kept = "".join(f", CASE WHEN {inside} THEN {c} END AS {c}" for c in columns)
        return f"CASE WHEN {inside} THEN day END AS day, CASE WHEN NOT ({inside}) THEN day END AS far{kept}"

    if not fmt.group_keys:
        return f"""
SELECT event_key, wkey, far, side1, side2,
  count(*) AS n,
  sum(CASE WHEN quad = 1 THEN 1 ELSE 0 END) AS q1,
  sum(CASE WHEN quad = 2 THEN 1 ELSE 0 END) AS q2,
  sum(CASE WHEN quad = 3 THEN 1 ELSE 0 END) AS q3,
  sum(CASE WHEN quad = 4 THEN 1 ELSE 0 END) AS q4,
  sum(CASE WHEN quad IN (1, 2, 3, 4) THEN 0 ELSE 1 END) AS q0,
  sum(goldstein) AS gsum,
  count(goldstein) AS gn,
  sum(fatalities) AS fatalities,
  sum(sources) AS sources,
  sum(bad_value) AS bad
FROM (
  SELECT {event_key} AS event_key, {window_key("day")} AS wkey, far, side1, side2, quad, goldstein, fatalities,
    sources, bad_value
  FROM (
    SELECT {dated("event_id", "side1", "side2")}, quad, goldstein, fatalities, sources, bad_value
    FROM ({fmt.query(table)}) ev
  ) d
) x
GROUP BY event_key, wkey, far, side1, side2
"""
    keys = ", ".join(fmt.group_keys)
    e = fmt.expr
    return f"""
SELECT event_key, wkey, far, side1, side2,
  CAST(sum(n) AS BIGINT) AS n,
  CAST(sum(CASE WHEN quad = 1 THEN n ELSE 0 END) AS BIGINT) AS q1,
  CAST(sum(CASE WHEN quad = 2 THEN n ELSE 0 END) AS BIGINT) AS q2,
  CAST(sum(CASE WHEN quad = 3 THEN n ELSE 0 END) AS BIGINT) AS q3,
  CAST(sum(CASE WHEN quad = 4 THEN n ELSE 0 END) AS BIGINT) AS q4,
  CAST(sum(CASE WHEN quad IN (1, 2, 3, 4) THEN 0 ELSE n END) AS BIGINT) AS q0,
  CAST(sum(gsum) AS BIGINT) AS gsum,
  CAST(sum(gn) AS BIGINT) AS gn,
  CAST(sum(fatalities) AS BIGINT) AS fatalities,
  CAST(sum(sources) AS BIGINT) AS sources,
  CAST(sum(bad) AS BIGINT) AS bad
FROM (
  SELECT {event_key} AS event_key, wkey, far, side1, side2, quad, n, gsum, gn, fatalities, sources, bad
  FROM (
    SELECT wkey, far, {e("side1")} AS side1, {e("side2")} AS side2, {e("quad")} AS quad,
      n, gsum, gn, fatalities, sources, bad
    FROM (
      SELECT wkey, far, {keys}, count(*) AS n, sum(goldstein) AS gsum, count(goldstein) AS gn,
        sum(fatalities) AS fatalities, sum(sources) AS sources, sum(bad_value) AS bad
      FROM (
        SELECT {window_key("day")} AS wkey, far, {keys}, goldstein, fatalities, sources, bad_value
        FROM (
          SELECT {dated(*fmt.group_keys)}, goldstein, fatalities, sources, bad_value
          FROM (
            SELECT {e("day")} AS day, {keys}, {e("goldstein")} AS goldstein, {e("fatalities")} AS fatalities,
              {e("sources")} AS sources, {e("bad_value")} AS bad_value
            FROM {table}
          ) r
        ) d
      ) k
      GROUP BY wkey, far, {keys}
    ) g
  ) s
) x
GROUP BY event_key, wkey, far, side1, side2
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
        f"0 AS q0, {SAME_SIDE_GOLDSTEIN} * e.n AS gsum, e.n AS gn, 0 AS fatalities, e.sources, e.n AS same_side "
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
