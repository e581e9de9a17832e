"""The Spark engine gives the same tables as DuckDB (Spark in local mode; needs pyspark and Java 17)."""

from __future__ import annotations

import pandas as pd
import pytest

import alliances
from alliances.events import relations_over_time, spark_available
from tests._paths import SEED_2016, UCDP
from tests.events._helpers import EVENTS

ok, why = spark_available()
pytestmark = pytest.mark.skipif(not ok, reason=f"Spark engine not available: {why}")


@pytest.fixture(scope="module")
def spark():
    from alliances.events import SparkEngine

    return SparkEngine(config={"spark.default.parallelism": "2", "spark.sql.shuffle.partitions": "2"})


# Spark is slow to warm up: one comma-separated file with quoted new lines (ACLED), one
# headerless tab-separated file (GDELT), and the real gzip-compressed UCDP file with decay.
@pytest.mark.parametrize("name, window, mapping", [
    ("acled_text.csv", "week", "mapping.yaml"),
    ("20170105.export.CSV", "7d", "mapping.yaml"),
])
def test_spark_equals_duckdb_on_fixtures(spark, name, window, mapping):
    net = alliances.load(EVENTS / "scenario.yaml")
    kw = {"window": window, "mapping": EVENTS / mapping if mapping else None}
    a = relations_over_time(EVENTS / name, net, **kw)
    b = relations_over_time(EVENTS / name, net, engine=spark, **kw)
    pd.testing.assert_frame_equal(a.table, b.table)
    pd.testing.assert_frame_equal(a.unmapped, b.unmapped)
    assert a.stats == b.stats


def test_spark_equals_duckdb_on_syria_and_reports_progress(spark):
    net = alliances.load(SEED_2016)
    seen: list[tuple[int, int]] = []
    a = relations_over_time(UCDP, net, window="month", half_life=2.0)
    b = relations_over_time(UCDP, net, window="month", half_life=2.0, engine=spark,
                            progress=lambda d, t: seen.append((d, t)))
    assert len(a.table) > 300
    pd.testing.assert_frame_equal(a.table, b.table)
    pd.testing.assert_frame_equal(a.unmapped, b.unmapped)
    assert seen[-1] == (100, 100)
    done = [d for d, _ in seen]
    assert done == sorted(done) and all(t == 100 for _, t in seen)
