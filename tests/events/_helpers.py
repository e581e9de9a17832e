"""What the event tests share: the fixture folder, the toy scenarios, and a table lookup.

The files in tests/data/events/ were written from the UCDP GED 19.1, ACLED, GDELT 2.0
and ICEWS codebooks; expected values in the tests are counted by hand from them.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

import pytest

from tests._paths import DATA

EVENTS = DATA / "events"
D = dt.date


def rows(rel: Any, month: dt.date | None = None) -> dict[tuple[str, str], Any]:
    """The rows of a relations table by pair, in one window (by its first day) or all."""
    t = rel.table
    if month is not None:
        t = t[t.window_start == month]
    return {(r.a, r.b): r for r in t.itertuples(index=False)}


def series(rel: Any, a: str, b: str) -> Any:
    """One pair's rows, indexed by window start."""
    t = rel.table
    return t[(t.a == a) & (t.b == b)].set_index("window_start")


def driver_rows_bound(net: Any, events: Any, windows: int) -> int:
    """The most rows a Spark run may bring back to the driver, from the README's bound, counted independently.

    The distinct side texts (side 1 and side 2, counted by DuckDB from the normalised
    events), the 9 totals of pass 1, and one row per pair and window, pairs of one actor
    with itself included (they are counted, then dropped).
    """
    from alliances.events import read_events

    rows = read_events(events).to_pandas(limit=None)
    sides = rows["side1"].nunique(dropna=False) + rows["side2"].nunique(dropna=False)
    actors = len(net.actors)
    return int(sides) + 9 + actors * (actors + 1) // 2 * windows


def spark_required() -> Any:
    """The mark of the Spark tests: skipped, with the reason, where pyspark or Java is missing.

    Never skipped under ``make test``, which sets ``ALLIANCES_REQUIRE_SPARK=1`` (and installs
    pyspark): there a missing Spark fails the tests with the reason instead.
    """
    from alliances.events import spark_available

    ok, why = spark_available()
    if not ok and os.environ.get("ALLIANCES_REQUIRE_SPARK") == "1":
        raise RuntimeError(f"the Spark tests are required here (ALLIANCES_REQUIRE_SPARK=1): {why}")
    return pytest.mark.skipif(not ok, reason=f"Spark engine not available: {why}")
