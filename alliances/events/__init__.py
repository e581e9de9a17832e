"""Event data (UCDP GED, ACLED, GDELT 2.0, ICEWS) -> signed relations over time.

:func:`read_events` opens event files, :func:`relations_over_time` maps their actors to
a scenario's and scores every pair in every time window (DuckDB by default, Spark with
``engine="spark"``), :func:`snapshot` turns one window into a scenario, and
:func:`diff_scenarios` lists what changed between two scenarios.
"""

from __future__ import annotations

from ._mapping import ActorMapper, load_mapping
from ._relations import COLUMNS, METHODS, EventFiles, EventRelations, read_events, relations_over_time
from ._snapshots import diff_scenarios, snapshot, snapshots, write_snapshots
from ._windows import Window, parse_window

__all__ = [
    "COLUMNS",
    "METHODS",
    "ActorMapper",
    "EventFiles",
    "EventRelations",
    "Window",
    "diff_scenarios",
    "load_mapping",
    "parse_window",
    "read_events",
    "relations_over_time",
    "snapshot",
    "snapshots",
    "write_snapshots",
]
