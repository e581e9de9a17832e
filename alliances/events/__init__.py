"""Event data (UCDP GED, ACLED, GDELT 2.0, ICEWS) -> signed relations over time.

:func:`read_events` opens event files, :func:`relations_over_time` maps their actors to
a scenario's and scores every pair in every time window (DuckDB by default, Spark with
``engine="spark"``), :func:`snapshot` turns one window into a scenario, and
:func:`diff_scenarios` lists what changed between two scenarios.

Event files are data from third parties: their file and column names reach the engines
as values and identifiers, never as SQL text; a file an engine cannot read is an
:class:`~alliances.errors.EventDataError` naming it (``file:line``); dates outside a
plausible range and absurd numbers are counted and left out, not fatal; options are
checked before any file is read.

Modules: :mod:`._formats` (the four formats), :mod:`._reading` (opening files),
:mod:`._engines` (DuckDB, what engines share), :mod:`._spark` (Spark, URIs),
:mod:`._cluster` (starting Spark: master, settings, waiting for a cluster),
:mod:`._mapping` (actor names to scenario actors), :mod:`._windows` (time windows),
:mod:`._sql` (the queries), :mod:`._scoring` (scores, stances, decay), :mod:`._history`
(conflict history per pair and window), :mod:`._relations` (the pipeline, writing the table),
:mod:`._snapshots` (one scenario per window, differences).
"""

from __future__ import annotations

from ._cluster import (
    DEFAULT_SPARK_TIMEOUT,
    check_spark_config,
    check_spark_master,
    check_spark_timeout,
    parse_spark_conf,
)
from ._engines import DuckDBEngine, Engine, spark_available
from ._formats import FORMATS, MEASURE_RANGES, EventFormat, FileLayout, detect_format, is_uri
from ._history import RECENT_WINDOWS, FightingHistory, add_fighting, fighting_history
from ._mapping import ActorMapper, load_mapping, loads_mapping
from ._reading import ENGINES, EventFiles, EventPaths, check_engine_options, get_engine, read_events
from ._relations import (
    TABLE_FORMATS,
    EventRelations,
    check_max_windows,
    check_relations_options,
    check_table_output,
    relations_over_time,
    write_table,
)
from ._scoring import COLUMNS, KIND_COLUMNS, METHODS, check_half_life, check_min_events, check_scoring
from ._snapshots import (
    check_snapshot_folder,
    diff_scenarios,
    quiet_window,
    score_from_evidence,
    snapshot,
    snapshots,
    window_label,
    write_snapshots,
)
from ._spark import SparkEngine
from ._windows import (
    DATE_LIMITS,
    DEFAULT_DATE_RANGE,
    MAX_WINDOW_DAYS,
    MAX_WINDOWS,
    DateBound,
    DateRangeLike,
    Window,
    check_window_span,
    parse_date_range,
    parse_window,
)

__all__ = [
    "COLUMNS",
    "DATE_LIMITS",
    "DEFAULT_DATE_RANGE",
    "DEFAULT_SPARK_TIMEOUT",
    "ENGINES",
    "FORMATS",
    "KIND_COLUMNS",
    "MAX_WINDOWS",
    "MAX_WINDOW_DAYS",
    "MEASURE_RANGES",
    "METHODS",
    "RECENT_WINDOWS",
    "TABLE_FORMATS",
    "ActorMapper",
    "DateBound",
    "DateRangeLike",
    "DuckDBEngine",
    "Engine",
    "EventFiles",
    "EventFormat",
    "EventPaths",
    "EventRelations",
    "FightingHistory",
    "FileLayout",
    "SparkEngine",
    "Window",
    "add_fighting",
    "check_engine_options",
    "check_half_life",
    "check_max_windows",
    "check_min_events",
    "check_relations_options",
    "check_scoring",
    "check_snapshot_folder",
    "check_spark_config",
    "check_spark_master",
    "check_spark_timeout",
    "check_table_output",
    "check_window_span",
    "detect_format",
    "diff_scenarios",
    "fighting_history",
    "get_engine",
    "is_uri",
    "load_mapping",
    "loads_mapping",
    "parse_date_range",
    "parse_spark_conf",
    "parse_window",
    "read_events",
    "quiet_window",
    "relations_over_time",
    "score_from_evidence",
    "snapshot",
    "snapshots",
    "spark_available",
    "window_label",
    "write_snapshots",
    "write_table",
]
