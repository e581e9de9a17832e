"""The event pipeline on a real Spark cluster, from the command line.

A Spark standalone master and one worker (two cores) run on 127.0.0.1 as separate JVMs
(:mod:`tests.events._cluster`); ``alliances events`` runs against them in a process of
its own, as a user would, and its table must equal DuckDB's on this machine. The run
also shows what the README promises of a cluster: the executors did the reading (their
logs list the tasks), the workers need no Python (the executors' Python is set to a path
that does not exist), only pair-window sums and the distinct actor names come back to
the driver, and a URI is both read and written. A cluster that cannot run the job fails
in one line, with exit code 2, within ``--spark-timeout``.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time

import duckdb
import pandas as pd
import pytest

import alliances
from tests._paths import SEED_2016, UCDP
from tests.events._cluster import free_ports, standalone_cluster
from tests.events._helpers import driver_rows_bound, spark_required

pytestmark = spark_required()

RUN_SECONDS = 900  # a bound for one command on a slow, shared machine; a run takes about a minute
# the driver and the executors talk over the loopback interface, wherever the host name points
LOOPBACK = ["--spark-conf", "spark.driver.host=127.0.0.1", "--spark-conf", "spark.driver.bindAddress=127.0.0.1"]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    with standalone_cluster(tmp_path_factory.mktemp("spark-cluster"), cores=2, memory="1g") as running:
        yield running


def cli(*args: object) -> subprocess.CompletedProcess[str]:
    """``alliances ARGS...`` in a process of its own (its own driver JVM), bounded in time."""
    code = "import sys; from alliances.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True,
                          timeout=RUN_SECONDS, env=_env())


def _env() -> dict[str, str]:
    import os

    env = dict(os.environ)
    env.pop("SPARK_MASTER", None)
    return env


def test_events_on_a_standalone_cluster_equal_duckdb(cluster, tmp_path):
    local = tmp_path / "duckdb.parquet"
    done = cli("events", UCDP, "--actors", SEED_2016, "--window", "month", "-o", local)
    assert done.returncode == 0, done.stderr

    out = tmp_path / "cluster.parquet"
    started = time.monotonic()
    done = cli("events", f"file://{UCDP.parent}/", "--actors", SEED_2016, "--window", "month",
                     "--engine", "spark", "--spark-master", cluster.master, *LOOPBACK,
                     # a generous wait for the executor: on a busy shared machine it may take over a minute
                     "--spark-timeout", "300",
                     # the executors run no Python: were any needed, this path would fail the job
                     "--spark-conf", "spark.pyspark.python=/nonexistent/python3",
                     "-o", f"file://{out}", "--json")
    seconds = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and seconds < RUN_SECONDS

    # the same table as DuckDB's, written by Spark at a URI (a folder with one Parquet part), types included
    read = duckdb.connect()
    expected = read.execute("SELECT * FROM read_parquet(?)", [str(local)]).df()
    got = read.execute("SELECT * FROM read_parquet(?)", [f"{out}/*.parquet"]).df()
    assert len(expected) > 300
    pd.testing.assert_frame_equal(got, expected)

    # where it ran: one executor with the worker's two cores, which ran the tasks
    line = [ln for ln in done.stderr.splitlines() if ln.startswith(f"alliances: Spark {cluster.master}")]
    assert line and f"Spark {cluster.master} (1 executor, 2 cores)" in line[0], done.stderr
    state = cluster.state()
    waited = time.monotonic() + 120  # the master marks the application finished after the driver has gone
    while not state["completedapps"] and time.monotonic() < waited:
        time.sleep(1)
        state = cluster.state()
    assert [app["name"] for app in state["completedapps"]] == ["alliances-events"]
    assert state["completedapps"][0]["cores"] == 2
    finished = sum(len(re.findall(r"Finished task", log.read_text(errors="replace")))
                   for log in cluster.executor_logs())
    assert finished > 0

    # what came back to the driver: the distinct side names and the pair-window sums, not the events
    read, back = (int(n.replace(",", "")) for n in re.findall(r"([\d,]+) (?:event )?rows", line[0]))
    windows = len(expected[["window_start"]].drop_duplicates())
    assert read == 16566 and len(expected) <= back <= driver_rows_bound(alliances.load(SEED_2016), UCDP, windows)
    assert back < read / 20


def test_a_cluster_without_room_for_an_executor_fails_in_one_line_within_the_timeout(cluster, tmp_path):
    started = time.monotonic()
    done = cli("events", UCDP, "--actors", SEED_2016, "--engine", "spark", "--spark-master", cluster.master,
                     *LOOPBACK, "--spark-conf", "spark.executor.memory=64g", "--spark-timeout", "20",
                     "-o", tmp_path / "x.csv")
    seconds = time.monotonic() - started
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == [
        f"alliances: {cluster.master}: the master answered, but no executor started within 20 s: has a worker "
        "the free cores and memory asked for (spark.executor.cores, spark.executor.memory)?"]
    assert seconds < 20 + 120  # the timeout, plus starting the driver's JVM on a busy machine
    assert list(tmp_path.iterdir()) == []


def test_a_master_that_is_not_there_fails_at_once():
    port = free_ports(1)[0]
    started = time.monotonic()
    done = cli("events", UCDP, "--actors", SEED_2016, "--engine", "spark",
                     "--spark-master", f"spark://127.0.0.1:{port}")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == [
        f"alliances: cannot reach the Spark master spark://127.0.0.1:{port} (127.0.0.1:{port}: Connection refused): "
        "is it running, and is this machine allowed to connect? (waited up to 60 s)"]
    assert time.monotonic() - started < 60  # no JVM started: refused before


def test_a_path_the_cluster_cannot_read_fails_in_one_line(cluster, tmp_path):
    """The driver lists the inputs through the cluster's file systems: a missing one is named, exit 2, nothing written."""
    uri = f"file://{tmp_path}/no/such/events.csv"
    # a generous wait for the executor on a busy machine: the error comes as soon as the listing fails
    done = cli("events", uri, "--actors", SEED_2016, "--engine", "spark", "--spark-master", cluster.master,
               *LOOPBACK, "--spark-timeout", "300", "-o", tmp_path / "x.csv")
    assert done.returncode == 2 and done.stdout == "", done.stderr
    assert len(done.stderr.splitlines()) == 1, done.stderr
    assert re.match(rf"^alliances: {re.escape(uri)}: cannot read: .*does not exist.*\(Spark\)$", done.stderr)
    assert not (tmp_path / "x.csv").exists()


def test_a_file_system_that_never_answers_fails_within_the_spark_timeout(tmp_path):
    """An HDFS name node that accepts the connection and never answers: one line after --spark-timeout, no hang."""
    quiet = socket.create_server(("127.0.0.1", 0))
    try:
        port = quiet.getsockname()[1]
        started = time.monotonic()
        done = cli("events", f"hdfs://127.0.0.1:{port}/gdelt/", "--actors", SEED_2016, "--engine", "spark",
                   "--spark-master", "local[1]", "--spark-timeout", "10", "-o", tmp_path / "x.csv")
        seconds = time.monotonic() - started
    finally:
        quiet.close()
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == [
        f"alliances: hdfs://127.0.0.1:{port}/gdelt/: no answer from its file system within 10 s"]
    assert seconds < 10 + 120  # the timeout, plus starting the driver's JVM on a busy machine
    assert list(tmp_path.iterdir()) == []
