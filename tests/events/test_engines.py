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
