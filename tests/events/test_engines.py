"""alliances.events._engines: the DuckDB engine, engine lookup, and progress through a callback.

The Spark engine is checked against DuckDB in test_spark.py.
"""

from __future__ import annotations

import threading

import pandas as pd
import pytest

from alliances.errors import EventDataError
from alliances.events import DuckDBEngine, get_engine, read_events, spark_available
from alliances.events._engines import run_reporting
from tests.events._helpers import EVENTS


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
