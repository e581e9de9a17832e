"""The Spark engine gives the same tables as DuckDB (Spark in local mode; needs pyspark and Java 17)."""

from __future__ import annotations

import pandas as pd
import pytest

import alliances
from alliances.errors import EventDataError
from alliances.events import read_events, relations_over_time
from tests._paths import SEED_2016, UCDP
from tests.events._helpers import EVENTS, driver_rows_bound, spark_required
from tests.events._hostile import files_under, ged_rows, hostile_parquet, same_relations, write_csv

pytestmark = spark_required()


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


# ---------------------------------------------------------------- URIs, what comes back to the driver, bounded waits


def test_spark_reads_a_folder_uri_as_spark_lists_it(spark, net, tmp_path):
    """Recursively, hidden and ``_`` files left out, names with spaces, brackets and percent signs kept literal."""
    header, rows = ged_rows()
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    first = write_csv(folder / "a.csv", header, rows[:4])
    second = write_csv(folder / "sub" / "b [1] %41.csv", header, rows[4:])
    (folder / "_SUCCESS").write_text("")
    (folder / ".a.csv.crc").write_text("not an event file")
    (folder / "README.md").write_text("not an event file")
    ev = read_events(f"file://{folder}", engine=spark)
    assert ev.files == [f"file://{first}", f"file://{second}"] and ev.count() == len(rows)
    same_relations(relations_over_time(f"file://{folder}/", net, mapping=EVENTS / "mapping.yaml", engine=spark),
                   relations_over_time(EVENTS / "ged_sample.csv", net, mapping=EVENTS / "mapping.yaml"))


@pytest.mark.parametrize(("uri", "message"), [
    ("file:///no/such/folder/events.csv", r"^file:///no/such/folder/events\.csv: cannot read: .*does not exist.*\(Spark\)$"),
    ("nosuch://host/events.csv", r'^nosuch://host/events\.csv: cannot read: No FileSystem for scheme "nosuch" \(Spark\)$'),
    ("s3a://bucket/events.csv", r"^s3a://bucket/events\.csv: cannot read: .*S3AFileSystem not found \(Spark\)$"),
])
def test_spark_names_a_uri_it_cannot_read(spark, uri, message):
    with pytest.raises(EventDataError, match=message):
        read_events(uri, engine=spark)


def test_spark_says_when_a_folder_uri_holds_no_event_files(spark, tmp_path):
    (tmp_path / "notes.txt.bak").write_text("x")
    with pytest.raises(EventDataError, match=r"holds no event files \(\.csv, \.tsv, \.gz, \.parquet\)$"):
        read_events(f"file://{tmp_path}", engine=spark)


def test_a_file_system_that_does_not_answer_fails_within_the_timeout(spark):
    """An HDFS name node that accepts the connection and never answers: one error after ``timeout``, no hang."""
    import socket
    import time

    from alliances.events import SparkEngine

    quiet = socket.create_server(("127.0.0.1", 0))
    try:
        port = quiet.getsockname()[1]
        eng = SparkEngine(timeout=3)  # the running session, with a short wait
        started = time.monotonic()
        with pytest.raises(EventDataError, match=rf"^hdfs://127\.0\.0\.1:{port}/gdelt/: no answer from its file "
                                                 r"system within 3 s$"):
            read_events(f"hdfs://127.0.0.1:{port}/gdelt/", engine=eng)
        assert time.monotonic() - started < 3 + 10
    finally:
        quiet.close()


def test_only_small_results_come_back_to_the_driver(spark):
    """Distinct side texts and pair-window sums: bounded by sides + pairs x windows, far below the rows read."""
    net = alliances.load(SEED_2016)
    before = spark.rows_to_driver
    rel = relations_over_time(UCDP, net, window="month", engine=spark)
    back = spark.rows_to_driver - before
    assert len(rel.table) <= back <= driver_rows_bound(net, UCDP, len(rel.windows()))
    assert rel.stats["rows"] == 16566 and back < rel.stats["rows"] / 20


def test_spark_writes_a_uri_as_parquet_replacing_only_an_earlier_table(spark, net, tmp_path):
    import duckdb

    from alliances.events import write_table

    rel = relations_over_time(EVENTS / "ged_sample.csv", net, mapping=EVENTS / "mapping.yaml")
    target = tmp_path / "rel.parquet"
    for _ in range(2):  # the second time over the first table
        assert write_table(rel.table, f"file://{target}", engine=spark) == "parquet"
    parts = sorted(p.name for p in target.iterdir() if not p.name.startswith((".", "_")))
    assert len(parts) == 1 and parts[0].startswith("part-")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rel.parquet"]  # nothing left beside it
    local = tmp_path / "local.parquet"
    write_table(rel.table, local)
    read = duckdb.connect()
    got = read.execute("SELECT * FROM read_parquet(?)", [f"{target}/*.parquet"]).df()
    pd.testing.assert_frame_equal(got, read.execute("SELECT * FROM read_parquet(?)", [str(local)]).df())
    assert read.execute("SELECT typeof(window_start), typeof(events), typeof(score) FROM read_parquet(?) LIMIT 1",
                        [f"{target}/*.parquet"]).fetchone() == ("DATE", "BIGINT", "DOUBLE")

    mine = tmp_path / "mine.parquet"
    mine.mkdir()
    (mine / "thesis.tex").write_text("three years of work")
    with pytest.raises(EventDataError, match=r"it is a folder holding other files than a table Spark wrote \(thesis\.tex"):
        write_table(rel.table, f"file://{mine}", engine=spark)
    assert sorted(p.name for p in mine.iterdir()) == ["thesis.tex"]
