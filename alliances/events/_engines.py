"""Where the queries run: embedded DuckDB (default) or Apache Spark in local or cluster mode.

Both engines read the files themselves (CSV, TSV, gzip, Parquet; never through pandas),
expose them as a view with normalised, all-text column names, and run the same SQL.
Only three things differ and live here: how files become a view, how a small table
(the actor map) is registered, and the day-number function (``datediff`` takes its
arguments in opposite orders in the two dialects). Results come back as small pandas
DataFrames (one row per pair and window).

Spark needs ``pyspark`` (the ``spark`` extra) and Java 17.
"""

from __future__ import annotations

import logging
import shutil
import sys
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..errors import EventDataError
from ._formats import FileLayout

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ENGINES", "DuckDBEngine", "SparkEngine", "get_engine", "spark_available"]

_log = logging.getLogger(__name__)


class DuckDBEngine:
    """Embedded DuckDB: reads files in parallel and out of core (it spills to disk past its memory limit).

    Parameters
    ----------
    memory_limit : str, optional
        DuckDB's memory limit, as ``"1GB"``.
    threads : int, optional
    progress : bool
        Show a progress bar on stderr while a query runs (only when stderr is a terminal).
    """

    name = "duckdb"

    def __init__(self, *, memory_limit: str | None = None, threads: int | None = None, progress: bool = False):
        import duckdb

        # Results never depend on row order (every output is sorted), so DuckDB need not keep it.
        config: dict[str, Any] = {"preserve_insertion_order": False}
        if memory_limit:
            config["memory_limit"] = memory_limit
        if threads:
            config["threads"] = int(threads)
        self.con = duckdb.connect(":memory:", config=config)
        self.progress = progress and sys.stderr.isatty()
        self._error = duckdb.Error

    def epoch_day(self, expr: str) -> str:
        return f"datediff('day', DATE '1970-01-01', {expr})"

    def parquet_columns(self, files: Sequence[str]) -> list[str]:
        rel = self.con.sql(f"SELECT * FROM read_parquet({_list(files)}) LIMIT 0")
        return list(rel.columns)

    def files_view(self, name: str, files: Sequence[str], layout: FileLayout, *, parquet: bool) -> None:
        if parquet:
            src = f"read_parquet({_list(files)}, union_by_name = true)"
            cols = self.parquet_columns(files)
            select = ", ".join(f'"{c}" AS {n}' for c, n in zip(cols, layout.columns, strict=True))
            self.con.execute(f"CREATE OR REPLACE VIEW {name} AS SELECT {select} FROM {src}")
            return
        struct = ", ".join(f"'{c}': 'VARCHAR'" for c in layout.columns)
        quote = "'\"'" if layout.delimiter == "," else "''"
        src = (
            f"read_csv({_list(files)}, delim = {_sql_str(layout.delimiter)}, header = {str(layout.header).lower()}, "
            f"columns = {{{struct}}}, quote = {quote}, escape = {quote}, auto_detect = false)"
        )
        self.con.execute(f"CREATE OR REPLACE VIEW {name} AS SELECT * FROM {src}")

    def register(self, name: str, frame: pd.DataFrame) -> None:
        self.con.register(name, frame)

    def materialize(self, name: str, query: str) -> None:
        """Run a query once into a temporary table (compressed, spilled to disk past the memory limit)."""
        statement = f"CREATE OR REPLACE TEMP TABLE {name} AS {query}"
        try:
            if not self.progress:
                self.con.execute(statement)
            else:
                _with_progress(lambda: self.con.execute(statement), self.con.query_progress)
        except self._error as exc:
            raise EventDataError(f"cannot read the event files: {_first_line(exc)}") from None

    def sql(self, query: str) -> pd.DataFrame:
        try:
            return self.con.sql(query).df()
        except self._error as exc:
            raise EventDataError(f"cannot read the event files: {_first_line(exc)}") from None

    def drop(self, *names: str) -> None:
        """Free materialized tables."""
        for name in names:
            self.con.execute(f"DROP TABLE IF EXISTS {name}")

    def close(self) -> None:
        self.con.close()


class SparkEngine:
    """Apache Spark through PySpark: ``local[*]`` by default, or any master URL.

    Parameters
    ----------
    master : str
        Spark master (``"local[*]"`` runs in this process's JVM, using every core).
    progress : bool
        Let Spark show its console progress bar on stderr (only when stderr is a terminal).
    """

    name = "spark"

    def __init__(self, *, master: str = "local[*]", progress: bool = False, config: dict[str, str] | None = None):
        ok, why = spark_available()
        if not ok:
            raise EventDataError(f"the Spark engine is not available: {why}")
        import warnings

        with warnings.catch_warnings():
            # PySpark warns that it does not fully support pandas 3; we pass it plain rows only.
            warnings.filterwarnings("ignore", message=".*PySpark does not yet fully support pandas.*")
            from pyspark.sql import SparkSession

        builder = (
            SparkSession.builder.master(master)
            .appName("alliances-events")
            # ANSI mode would make a malformed cell fail the whole query; TRY_CAST handles them.
            .config("spark.sql.ansi.enabled", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", str(bool(progress and sys.stderr.isatty())).lower())
            .config("spark.sql.shuffle.partitions", "8")
        )
        for key, value in (config or {}).items():
            builder = builder.config(key, value)
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*PySpark does not yet fully support pandas.*")
            self.spark = builder.getOrCreate()
        self.spark.sparkContext.setLogLevel("ERROR")

    def epoch_day(self, expr: str) -> str:
        return f"datediff({expr}, DATE '1970-01-01')"

    def parquet_columns(self, files: Sequence[str]) -> list[str]:
        return list(self.spark.read.parquet(*files).columns)

    def files_view(self, name: str, files: Sequence[str], layout: FileLayout, *, parquet: bool) -> None:
        from pyspark.sql.types import StringType, StructField, StructType

        if parquet:
            frame = self.spark.read.parquet(*files)
            frame = frame.toDF(*layout.columns)
        else:
            schema = StructType([StructField(c, StringType(), True) for c in layout.columns])
            comma = layout.delimiter == ","
            frame = (
                self.spark.read.schema(schema)
                .option("header", str(layout.header).lower())
                .option("sep", layout.delimiter)
                .option("quote", '"' if comma else "\u0000")
                .option("escape", '"' if comma else "\u0000")
                .option("multiLine", str(comma and layout.header).lower())
                .option("mode", "PERMISSIVE")
                .option("encoding", "UTF-8")
                .csv(list(files))
            )
        frame.createOrReplaceTempView(name)

    def register(self, name: str, frame: pd.DataFrame) -> None:
        import warnings

        from pyspark.sql.types import StringType, StructField, StructType

        schema = StructType([StructField(str(c), StringType(), True) for c in frame.columns])
        rows = [tuple(None if v is None else str(v) for v in row) for row in frame.itertuples(index=False)]
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*PySpark does not yet fully support pandas.*")
            self.spark.createDataFrame(rows, schema).createOrReplaceTempView(name)

    def materialize(self, name: str, query: str) -> None:
        """Run a query once into a cached temporary view (memory, then disk)."""
        try:
            self.spark.sql(f"UNCACHE TABLE IF EXISTS {name}")
            self.spark.sql(f"DROP VIEW IF EXISTS {name}")
            self.spark.sql(f"CACHE TABLE {name} AS {query}")
        except Exception as exc:  # py4j and Spark analysis errors have no common base
            raise EventDataError(f"cannot read the event files (Spark): {_first_line(exc)}") from None

    def sql(self, query: str) -> pd.DataFrame:
        import warnings

        import pandas as pd

        try:
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message=".*PySpark does not yet fully support pandas.*")
                result = self.spark.sql(query)
                columns = result.columns
                rows = [tuple(r) for r in result.collect()]
        except Exception as exc:  # py4j and Spark analysis errors have no common base
            raise EventDataError(f"cannot read the event files (Spark): {_first_line(exc)}") from None
        return pd.DataFrame.from_records(rows, columns=columns)

    def drop(self, *names: str) -> None:
        """Free cached tables (dependents first)."""
        for name in names:
            self.spark.sql(f"UNCACHE TABLE IF EXISTS {name}")
            self.spark.sql(f"DROP VIEW IF EXISTS {name}")

    def close(self) -> None:
        """Leave the session running: starting a JVM is slow, and later calls reuse it."""


ENGINES = {"duckdb": DuckDBEngine, "spark": SparkEngine}


def spark_available() -> tuple[bool, str]:
    """Whether the Spark engine can run here: (True, '') or (False, the reason).

    Examples
    --------
    >>> ok, why = spark_available()
    >>> isinstance(ok, bool)
    True
    """
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return False, "pyspark is not installed (pip install 'alliances[spark]')"
    import os

    java_home = os.environ.get("JAVA_HOME")
    if not (shutil.which("java") or (java_home and os.path.exists(os.path.join(java_home, "bin", "java")))):
        return False, "Java is not installed (Spark needs Java 17)"
    return True, ""


def get_engine(engine: str | DuckDBEngine | SparkEngine | None, *, progress: bool = False):
    """An engine object from its name (``"duckdb"`` or ``"spark"``), or the object itself."""
    if engine is None:
        engine = "duckdb"
    if isinstance(engine, str):
        if engine not in ENGINES:
            raise EventDataError(f"unknown engine {engine!r} (expected duckdb or spark)")
        return ENGINES[engine](progress=progress)
    return engine


def _list(files: Sequence[str]) -> str:
    return "[" + ", ".join(_sql_str(f) for f in files) + "]"


def _sql_str(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _with_progress(run, poll):
    """Run ``run()`` in a thread while a rich progress bar on stderr shows ``poll()`` (percent)."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    result: dict[str, Any] = {}

    def target() -> None:
        try:
            result["value"] = run()
        except BaseException as exc:  # re-raised in the caller's thread
            result["error"] = exc

    worker = threading.Thread(target=target, daemon=True)
    with Progress(TextColumn("reading events"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
                  TimeElapsedColumn(), console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("read", total=100)
        worker.start()
        while worker.is_alive():
            worker.join(0.2)
            try:
                value = poll()
                pct = float(getattr(value, "percentage", value))
            except Exception:  # no query running yet
                pct = -1
            if pct >= 0:
                bar.update(task, completed=pct)
    if "error" in result:
        raise result["error"]
    return result["value"]
