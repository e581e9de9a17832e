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
