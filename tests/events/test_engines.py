"""alliances.events._engines: the DuckDB engine, engine lookup, progress through a callback, hostile files.

The Spark engine is checked against DuckDB in test_spark.py.
"""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path

import pandas as pd
import pytest

import alliances
from alliances.errors import EventDataError
from alliances.events import DuckDBEngine, get_engine, read_events, relations_over_time, spark_available
from alliances.events._engines import run_reporting
from tests.events._helpers import EVENTS
from tests.events._hostile import (
    files_under,
    ged_rows,
    hostile_names,
    hostile_parquet,
    same_relations,
    write_csv,
    write_parquet,
)


def test_get_engine_by_name_or_object():
    eng = get_engine("duckdb")
    assert isinstance(eng, DuckDBEngine)
    assert get_engine(eng) is eng
    eng.close()
    with pytest.raises(EventDataError, match="expected duckdb or spark"):
        get_engine("postgres")


def test_duckdb_register_materialize_sql_drop():
    eng = DuckDBEngine(memory_limit="256MB", threads=1)
    eng.register("pairs", pd.DataFrame({"a": ["x", "y", "x"], "n": [1, 2, 3]}))
    eng.materialize("sums", "SELECT a, sum(n) AS n FROM pairs GROUP BY a")
    got = eng.sql("SELECT a, n FROM sums ORDER BY a")
    assert got.values.tolist() == [["x", 4], ["y", 2]]
    eng.drop("sums")
    with pytest.raises(EventDataError, match="cannot read the event files"):
        eng.sql("SELECT * FROM sums")
    with pytest.raises(EventDataError, match="cannot read the event files"):
        eng.materialize("bad", "SELECT * FROM no_such_table")
    eng.close()


def test_day_numbers_agree_with_python():
    eng = DuckDBEngine()
    day = eng.epoch_day("DATE '2017-01-05'")
    got = eng.sql(f"SELECT {day} AS d")["d"].iloc[0]
    assert got == (pd.Timestamp("2017-01-05") - pd.Timestamp("1970-01-01")).days
    eng.close()


def test_files_view_reads_text_as_text():
    ev = read_events(EVENTS / "ged_sample.csv")
    ev.engine.files_view("v", ev.files, ev.layout, parquet=False)
    raw = ev.engine.sql("SELECT id, best FROM v ORDER BY id LIMIT 2")
    assert raw.values.tolist() == [["1001", "5"], ["1002", "2"]]  # every column read as text


def test_materialize_reports_progress_to_a_callback():
    seen: list[tuple[int, int]] = []
    eng = DuckDBEngine()
    eng.materialize("t", "SELECT range AS i FROM range(1000)", progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1] == (100, 100) and all(t == 100 and 0 <= d <= 100 for d, t in seen)
    assert eng.sql("SELECT count(*) AS n FROM t")["n"].iloc[0] == 1000
    eng.close()


def test_run_reporting_polls_while_running_and_never_goes_down():
    release = threading.Event()
    polls = iter([-1, 10.0, 5.0, 40.0, 250.0])  # nothing yet, then 10 %, a step back, 40 %, nonsense

    def poll():
        value = next(polls, None)
        if value is None:
            release.set()
            return -1
        return value

    def run():
        release.wait(5)
        return "ok"

    seen: list[tuple[int, int]] = []
    assert run_reporting(run, poll, lambda d, t: seen.append((d, t))) == "ok"
    assert seen == [(10, 100), (40, 100), (100, 100)]


def test_run_reporting_raises_the_error_of_the_run():
    def run():
        raise ValueError("broken")

    seen: list[tuple[int, int]] = []
    with pytest.raises(ValueError, match="broken"):
        run_reporting(run, lambda: 50, lambda d, t: seen.append((d, t)))
    assert (100, 100) not in seen


def test_spark_available_says_why_not():
    ok, why = spark_available()
    assert isinstance(ok, bool) and (ok == (why == ""))


# ---------------------------------------------------------------- hostile files (the Spark twins: test_spark.py)


def test_hostile_column_names_run_no_sql(net, tmp_path, monkeypatch):
    """Parquet column names that close a quote and run COPY ... TO are identifiers, never SQL (the old code ran it)."""
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "pwned.csv"
    pq = hostile_parquet(tmp_path, target)
    before = files_under(tmp_path)
    rel = relations_over_time(pq, net, mapping=EVENTS / "mapping.yaml")
    same_relations(rel, relations_over_time(EVENTS / "ged_sample.csv", net, mapping=EVENTS / "mapping.yaml"))
    assert not target.exists() and files_under(tmp_path) == before


def test_a_quote_in_a_used_column_name_is_read(net, tmp_path):
    header, rows = ged_rows()
    renamed = ['Side "A"' if c == "side_a" else 'best"' if c == "best" else c for c in header]
    pq = write_parquet(tmp_path / "quoted.parquet", renamed, rows)
    assert read_events(pq).layout.columns[header.index("side_a")] == "side_a"
    same_relations(relations_over_time(pq, net), relations_over_time(EVENTS / "ged_sample.csv", net))


def test_hostile_file_names_are_read_as_named(net, tmp_path, monkeypatch):
    """File names with quotes, semicolons, COPY, backslashes, new lines or glob characters: that file, no SQL."""
    monkeypatch.chdir(tmp_path)
    header, rows = ged_rows()
    plain = relations_over_time(EVENTS / "ged_sample.csv", net)
    folder = tmp_path / "in"
    folder.mkdir()
    names = [*hostile_names(Path("pwned.csv")), "x[1]", "who?", "star*"]
    for name in names:
        write_csv(folder / f"{name}.csv", header, rows)
    write_csv(folder / "x1.csv", header, rows[:2])  # what the glob x[1].csv would match instead
    write_csv(folder / "whoa.csv", header, rows[:1])  # ... and who?.csv, star*.csv
    before = files_under(tmp_path)
    for name in names:
        got = relations_over_time(str(folder / f"{name}.csv"), net)
        same_relations(got, plain)
    assert files_under(tmp_path) == before


def test_a_name_duckdb_cannot_take_literally_is_refused(tmp_path):
    header, rows = ged_rows()
    odd = write_csv(tmp_path / "a\\b[1].csv", header, rows)
    with pytest.raises(EventDataError, match=r"b\[1\]\.csv: DuckDB cannot read a file whose name holds both"):
        read_events(odd).count()


def test_hostile_mapping_and_side_texts_run_no_sql(tmp_path, monkeypatch):
    """Side texts and mapping names and patterns reach the engine as values (a registered table), never as SQL."""
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "pwned.csv"
    names = hostile_names(target)
    header, rows = ged_rows()
    a, b = header.index("side_a"), header.index("side_b")
    for k, r in enumerate(rows):
        r[a], r[b] = names[k % 2], names[2 + k % 3]
    events = write_csv(tmp_path / "odd_sides.csv", header, rows)
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(
        "names:\n" + "".join(f"  {json.dumps(n)}: assad\n" for n in names[:2])
        + "patterns:\n" + "".join(f"  - {{regex: {json.dumps(re.escape(n))}, actor: rebels}}\n" for n in names[2:]),
        encoding="utf-8")
    net = alliances.load(EVENTS / "scenario.yaml")
    before = files_under(tmp_path)
    rel = relations_over_time(events, net, mapping=mapping, window="year")
    assert rel.unmapped.empty
    assert rel.table[["a", "b"]].drop_duplicates().values.tolist() == [["assad", "rebels"]]
    assert int(rel.table["events"].sum()) == 8  # one of the nine has no valid date
    assert not target.exists() and files_under(tmp_path) == before


# ---------------------------------------------------------------- files the engine cannot read: file:line


def test_engine_errors_name_the_file_and_line(tmp_path):
    header, rows = ged_rows()
    good = write_csv(tmp_path / "a_good.csv", header, rows)
    extra = write_csv(tmp_path / "b_extra.csv", header, [*rows[:2], [*rows[2], "x"], *rows[3:]])
    with pytest.raises(EventDataError, match=r"b_extra\.csv:4: Expected Number of Columns: 29 Found: 30$"):
        read_events([good, extra]).count()
    latin = tmp_path / "latin.csv"
    latin.write_bytes(",".join(header).encode() + b"\n" + ",".join(rows[0]).replace("Syria", "Syr\xefa").encode("latin-1")
                      + b"\n")
    with pytest.raises(EventDataError, match=r"latin\.csv:2: Invalid unicode .*not utf-8 encoded"):
        read_events(latin).to_pandas(limit=None)


def test_a_corrupt_parquet_footer_names_the_file(tmp_path):
    bad = tmp_path / "broken.parquet"
    bad.write_bytes(b"PAR1" + b"\x00" * 64 + b"PAR1")
    with pytest.raises(EventDataError, match=r"broken\.parquet: cannot read: .*[Ff]ooter"):
        read_events(bad)


def test_read_failure_keeps_only_the_reason():
    from alliances.events._engines import read_failure

    err = Exception("IO Error: Cannot open file \"/x/b.csv\": No such file\n\nLINE 1: SELECT ...\n  at org.x(Y.java)")
    assert str(read_failure(["/x/a.csv", "/x/b.csv"], err)) == (
        "/x/b.csv: cannot read: IO Error: Cannot open file \"/x/b.csv\": No such file")
    assert str(read_failure(["a.csv", "b.csv"], Exception("Out of Memory Error: x"))) == (
        "a.csv (or another of the 2 files): cannot read: Out of Memory Error: x")
    assert str(read_failure(["a.csv"], Exception("An error occurred while calling o1.csv.\n: boom"), engine="Spark")) \
        == "a.csv: cannot read: boom (Spark)"


# ---------------------------------------------------------------- URIs and engine options (no Spark started)


def test_duckdb_reads_file_uris_as_the_local_files_they_name(net, tmp_path):
    header, rows = ged_rows()
    odd = write_csv(tmp_path / "x [1] %.csv", header, rows)
    uri = "file://" + str(odd).replace("%", "%25").replace(" ", "%20")
    assert read_events(uri).files == [str(odd)]
    same_relations(relations_over_time(uri, net), relations_over_time(odd, net))


@pytest.mark.parametrize("uri", ["hdfs://namenode:8020/gdelt/", "s3a://bucket/events.csv", "file://otherhost/x.csv"])
def test_duckdb_refuses_other_uris_naming_the_spark_engine(uri):
    with pytest.raises(EventDataError, match=r"the DuckDB engine reads local files only: use --engine spark"):
        read_events(uri)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"engine": "duckdb", "master": "local[2]"}, "are for the Spark engine (--engine spark), not duckdb"),
    ({"engine": None, "timeout": 5}, "are for the Spark engine (--engine spark), not duckdb"),
    ({"engine": "spark", "master": "spark://host"}, "expected local[*], local[N], spark://HOST:PORT, yarn or k8s://URL"),
    ({"engine": "spark", "master": "spark://host:99999"}, "port 99999 is not between 1 and 65535"),
    ({"engine": "spark", "master": " local"}, "Spark master ' local'"),
    ({"engine": "spark", "config": {"spark.master": "yarn"}}, "give the master as the master"),
    ({"engine": "spark", "config": {"executor.memory": "4g", "spark.x y": "1"}},
     "'executor.memory': a key is spark.<name> (letters, digits, '.', '_', '-'); Spark setting 'spark.x y'"),
    ({"engine": "spark", "timeout": 0}, "the Spark timeout must be a number of seconds above 0 and at most 86400"),
    ({"engine": "spark", "timeout": float("nan")}, "not nan"),
    ({"engine": "spark", "timeout": True}, "not True"),
])
def test_engine_options_are_checked_before_anything_starts(kwargs, message):
    from alliances.events import check_engine_options

    with pytest.raises(EventDataError) as err:
        check_engine_options(**kwargs)
    assert message in str(err.value)


def test_spark_masters_that_are_accepted():
    from alliances.events import check_spark_master

    for master in ("local", "local[1]", "local[*]", "local[4,2]", "local-cluster[2,1,1024]", "spark://h:7077",
                   "spark://h1:7077,h2:7077", "yarn", "k8s://https://10.0.0.1:6443"):
        assert check_spark_master(master) == master


def test_spark_conf_pairs_every_problem_at_once():
    from alliances.events import parse_spark_conf

    assert parse_spark_conf(["spark.a=1", "spark.b=", "spark.a=1", "spark.c=x=y"]) == {
        "spark.a": "1", "spark.b": "", "spark.c": "x=y"}
    with pytest.raises(EventDataError) as err:
        parse_spark_conf(["spark.a=1", "spark.a=2", "nokey", "driver.memory=2g", "spark.master=yarn"])
    assert str(err.value) == (
        "--spark-conf spark.a: given twice with different values; --spark-conf 'nokey': expected KEY=VALUE; "
        "--spark-conf 'driver.memory=2g': a key is spark.<name> (letters, digits, '.', '_', '-'); "
        "--spark-conf 'spark.master=yarn': give the master as the master (--spark-master), not as a setting")


def test_a_uri_output_needs_the_spark_engine_and_parquet():
    from alliances.errors import OutputError
    from alliances.events import check_table_output

    assert check_table_output("s3a://bucket/out/rel.pq", engine="spark") == "parquet"
    with pytest.raises(OutputError, match="a URI is written by the Spark engine"):
        check_table_output("hdfs://nn/out/rel.parquet")
    with pytest.raises(OutputError, match="a URI is written as Parquet: end it in .parquet or .pq"):
        check_table_output("hdfs://nn/out/rel.csv", engine="spark")
