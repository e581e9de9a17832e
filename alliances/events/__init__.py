"""Event data (UCDP GED, ACLED, GDELT 2.0, ICEWS) -> signed relations over time.

:func:`read_events` opens event files, :func:`relations_over_time` maps their actors to
a scenario's and scores every pair in every time window (DuckDB by default, Spark with
``engine="spark"``), :func:`snapshot` turns one window into a scenario, and
:func:`diff_scenarios` lists what changed between two scenarios.
"""

from __future__ import annotations

from .mapping import ActorMapper, load_mapping
from .relations import COLUMNS, METHODS, EventFiles, EventRelations, read_events, relations_over_time
from .snapshots import diff_scenarios, snapshot, snapshots, write_snapshots
from .windows import Window, parse_window

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
