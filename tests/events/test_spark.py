"""The Spark engine gives the same tables as DuckDB (Spark in local mode; needs pyspark and Java 17)."""

from __future__ import annotations

import pandas as pd
import pytest

import alliances
from alliances.errors import EventDataError
from alliances.events import read_events, relations_over_time, spark_available
from tests._paths import SEED_2016, UCDP
from tests.events._helpers import EVENTS
from tests.events._hostile import files_under, ged_rows, hostile_parquet, same_relations, write_csv

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


# ---------------------------------------------------------------- hostile files (the DuckDB twins: test_engines.py)


def test_spark_hostile_column_and_file_names_run_no_sql(spark, net, tmp_path, monkeypatch):
    """Column names and file names that would run SQL: read by position and as values on Spark too."""
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "pwned.csv"
    pq = hostile_parquet(tmp_path, target)
    header, rows = ged_rows()
    folder = tmp_path / "in"
    folder.mkdir()
    # one name with every character that matters: quotes, ; COPY, backslash, new line, braces, glob characters
    odd = write_csv(folder / "x'\"`); COPY (SELECT 1) TO 'pwned.csv'; --\\\n{a,b}*?.csv", header, rows)
    glob = write_csv(folder / "x[1].csv", header, rows)
    write_csv(folder / "x1.csv", header, rows[:2])  # what the glob x[1].csv would match instead
    before = files_under(tmp_path)
    same_relations(relations_over_time(pq, net, mapping=EVENTS / "mapping.yaml", engine=spark),
                   relations_over_time(EVENTS / "ged_sample.csv", net, mapping=EVENTS / "mapping.yaml"))
    assert read_events([odd, glob], engine=spark).count() == 2 * len(rows)
    assert not target.exists() and files_under(tmp_path) == before


def test_spark_errors_name_the_file(spark, tmp_path):
    bad = tmp_path / "broken.parquet"
    bad.write_bytes(b"PAR1" + b"\x00" * 64 + b"PAR1")
    with pytest.raises(EventDataError, match=r"broken\.parquet: cannot read: .*\(Spark\)$"):
        read_events(bad, engine=spark)
    header, rows = ged_rows()
    colon = write_csv(tmp_path / "a:b.csv", header, rows)
    with pytest.raises(EventDataError, match=r"a:b\.csv: Spark cannot read a file whose path holds ':'"):
        read_events(colon, engine=spark).count()


def test_spark_equals_duckdb_on_bad_values_and_far_dates(spark, net, tmp_path):
    """Absurd numbers and dates outside the range are tolerated and counted alike on both engines."""
    header, rows = ged_rows()
    best, day = header.index("best"), header.index("date_start")
    for r, value in zip(rows, ["1e19", "nan", "-4", "lots", "", "3"], strict=False):
        r[best] = value
    for r, value in zip(rows[5:], ["2150-06-01", "9999-12-31", "1899-12-31"], strict=False):
        r[day] = value
    odd = write_csv(tmp_path / "odd.csv", header, rows)
    a = relations_over_time(odd, net)
    b = relations_over_time(odd, net, engine=spark)
    same_relations(a, b)
    assert a.stats["bad_value"] == 4 and a.stats["out_of_range"] == 3
    assert a.notes == b.notes
