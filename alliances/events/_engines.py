"""Where the queries run: embedded DuckDB (default) or Apache Spark in local or cluster mode.

Both engines read the files themselves (CSV, TSV, gzip, Parquet; never through pandas),
expose them as a view with normalised, all-text column names, and run the same SQL.
Only three things differ and live here: how files become a view, how a small table
(the actor map) is registered, and the day-number function (``datediff`` takes its
arguments in opposite orders in the two dialects). Results come back as small pandas
DataFrames (one row per pair and window). Either engine reports how far a long query
has got through a :data:`~alliances._progress.ProgressCallback`, as ``(percent, 100)``;
neither draws anything itself.

Spark needs ``pyspark`` (the ``spark`` extra) and Java 17.
"""

from __future__ import annotations

import re
import shutil
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from .._checks import check_int, check_text, shown
from .._progress import ProgressCallback
from ..errors import EventDataError, ParameterError, ParameterTypeError
from ._formats import FileLayout

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ENGINES", "DuckDBEngine", "Engine", "SparkEngine", "check_engine", "get_engine", "spark_available"]

_T = TypeVar("_T")
_POLL_SECONDS = 0.2
_PANDAS_WARNING = ".*PySpark does not yet fully support pandas.*"


class Engine(Protocol):
    """What :func:`alliances.relations_over_time` needs of an engine (:class:`DuckDBEngine`, :class:`SparkEngine`)."""

    name: str

    def epoch_day(self, expr: str) -> str:
        """SQL for the number of days from 1970-01-01 to a DATE expression."""
        ...

    def parquet_columns(self, files: Sequence[str]) -> list[str]:
        """The column names of Parquet files."""
        ...

    def files_view(self, name: str, files: Sequence[str], layout: FileLayout, *, parquet: bool) -> None:
        """Expose the files as a view ``name`` with the layout's (normalised, all-text) columns."""
        ...

    def register(self, name: str, frame: pd.DataFrame) -> None:
        """Expose a small pandas table as ``name``."""
        ...

    def materialize(self, name: str, query: str, *, progress: ProgressCallback | None = None) -> None:
        """Run a query once into a table ``name`` the engine keeps, reporting ``progress(percent, 100)``."""
        ...

    def sql(self, query: str) -> pd.DataFrame:
        """Run a query; its (small) result as a pandas DataFrame."""
        ...

    def drop(self, *names: str) -> None:
        """Free materialized tables."""
        ...

    def close(self) -> None:
        """Release what the engine holds."""
        ...


class DuckDBEngine:
    """Embedded DuckDB: reads files in parallel and out of core (it spills to disk past its memory limit).

    Parameters
    ----------
    memory_limit : str, optional
        DuckDB's memory limit, as ``"1GB"``.
    threads : int, optional

    Examples
    --------
    >>> eng = DuckDBEngine()
    >>> eng.sql("SELECT 40 + 2 AS n")["n"].tolist()
    [42]
    >>> eng.close()
    """

    name = "duckdb"

    def __init__(self, *, memory_limit: str | None = None, threads: int | None = None):
        if memory_limit is not None and not _MEMORY.match(check_text(memory_limit, "memory_limit") or ""):
            raise ParameterError(f"memory_limit must be a size such as '1GB' or '512MiB', not {memory_limit!r}")
        check_int(threads, "threads", low=1, high=4096, optional=True)
        import duckdb

        # Results never depend on row order (every output is sorted), so DuckDB need not keep it.
        config: dict[str, Any] = {"preserve_insertion_order": False}
        if memory_limit:
            config["memory_limit"] = memory_limit
        if threads:
            config["threads"] = int(threads)
        self.con = duckdb.connect(":memory:", config=config)
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

    def materialize(self, name: str, query: str, *, progress: ProgressCallback | None = None) -> None:
        """Run a query once into a temporary table (compressed, spilled to disk past the memory limit).

        ``progress(percent, 100)`` is called as DuckDB advances, and once at the end.
        """
        statement = f"CREATE OR REPLACE TEMP TABLE {name} AS {query}"
        try:
            if progress is None:
                self.con.execute(statement)
            else:
                run_reporting(lambda: self.con.execute(statement), self.con.query_progress, progress)
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
    config : dict, optional
        More Spark settings for a session this engine starts.

    Notes
    -----
    The session is Spark's shared one (``getOrCreate``): one started here logs errors
    only (``spark.log.level``) and draws no console progress bar; a session already
    running keeps its own settings.
    """

    name = "spark"

    def __init__(self, *, master: str = "local[*]", config: dict[str, str] | None = None):
        check_text(master, "master")
        if config is not None and not (isinstance(config, dict) and all(isinstance(k, str) and isinstance(v, str)
                                                                          for k, v in config.items())):
            raise ParameterTypeError(f"config must be a dict of Spark setting -> text, not {shown(config)}")
        ok, why = spark_available()
        if not ok:
            raise EventDataError(f"the Spark engine is not available: {why}")
        import warnings

        with warnings.catch_warnings():
            # PySpark warns that it does not fully support pandas 3; we pass it plain rows only.
            warnings.filterwarnings("ignore", message=_PANDAS_WARNING)
            from pyspark.sql import SparkSession

        builder = (
            SparkSession.builder.master(master)
            .appName("alliances-events")
            # ANSI mode would make a malformed cell fail the whole query; TRY_CAST handles them.
            .config("spark.sql.ansi.enabled", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.ui.enabled", "false")
            # progress goes through the callback of materialize(), drawn by the caller
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.log.level", "ERROR")
            .config("spark.sql.shuffle.partitions", "8")
        )
        for key, value in (config or {}).items():
            builder = builder.config(key, value)
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=_PANDAS_WARNING)
            self.spark = builder.getOrCreate()

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
            warnings.filterwarnings("ignore", message=_PANDAS_WARNING)
            self.spark.createDataFrame(rows, schema).createOrReplaceTempView(name)

    def materialize(self, name: str, query: str, *, progress: ProgressCallback | None = None) -> None:
        """Run a query once into a cached temporary view (memory, then disk).

        ``progress(percent, 100)`` is called with the share of finished tasks of the
        query's Spark jobs as they run, and once at the end.
        """
        try:
            self.spark.sql(f"UNCACHE TABLE IF EXISTS {name}")
            self.spark.sql(f"DROP VIEW IF EXISTS {name}")
            statement = f"CACHE TABLE {name} AS {query}"
            if progress is None:
                self.spark.sql(statement)
            else:
                self._sql_reporting(statement, progress)
        except Exception as exc:  # py4j and Spark analysis errors have no common base
            raise EventDataError(f"cannot read the event files (Spark): {_first_line(exc)}") from None

    def sql(self, query: str) -> pd.DataFrame:
        import warnings

        import pandas as pd

        try:
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message=_PANDAS_WARNING)
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

    def _sql_reporting(self, statement: str, progress: ProgressCallback) -> None:
        """Run a statement in its own job group while polling the share of its finished tasks."""
        import uuid

        context = self.spark.sparkContext
        group = f"alliances-{uuid.uuid4().hex}"
        tracker = context.statusTracker()

        def run() -> None:
            context.setJobGroup(group, "alliances events")
            try:
                self.spark.sql(statement)
            finally:
                context.setLocalProperty("spark.jobGroup.id", None)  # type: ignore[arg-type]  # stubs say str; None clears it

        def poll() -> float:
            done = total = 0
            for job in tracker.getJobIdsForGroup(group):
                info = tracker.getJobInfo(job)
                for stage in info.stageIds if info else ():
                    st = tracker.getStageInfo(stage)
                    if st is not None:
                        done, total = done + st.numCompletedTasks, total + st.numTasks
            return 100.0 * done / total if total else -1.0

        run_reporting(run, poll, progress)


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


_ENGINE_METHODS = ("epoch_day", "parquet_columns", "files_view", "register", "materialize", "sql", "drop", "close")
_MEMORY = re.compile(r"\d+(\.\d+)?\s*([KMGT]i?B|B)\Z", re.IGNORECASE)


def check_engine(engine: object) -> None:
    """Check the type of an ``engine=`` argument: None, a name, or an object with the :class:`Engine` methods.

    An unknown name is :func:`get_engine`'s to refuse.

    Examples
    --------
    >>> check_engine("duckdb")
    >>> check_engine(42)
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterTypeError: engine must be 'duckdb', 'spark' or an engine object, not 42
    """
    if engine is None or isinstance(engine, str):
        return
    if not all(callable(getattr(engine, m, None)) for m in _ENGINE_METHODS):
        raise ParameterTypeError(f"engine must be 'duckdb', 'spark' or an engine object, not {shown(engine)}")


def get_engine(engine: str | Engine | None) -> Engine:
    """An engine object from its name (``"duckdb"`` or ``"spark"``), or the object itself.

    Examples
    --------
    >>> get_engine(None).name
    'duckdb'
    >>> get_engine("sqlite")
    Traceback (most recent call last):
    ...
    alliances.errors.EventDataError: unknown engine 'sqlite' (expected duckdb or spark)
    """
    check_engine(engine)
    if engine is None:
        engine = "duckdb"
    if isinstance(engine, str):
        if engine not in ENGINES:
            raise EventDataError(f"unknown engine {engine!r} (expected duckdb or spark)")
        made: Engine = ENGINES[engine]()
        return made
    return engine


def _list(files: Sequence[str]) -> str:
    return "[" + ", ".join(_sql_str(f) for f in files) + "]"


def _sql_str(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def run_reporting(run: Callable[[], _T], poll: Callable[[], Any], progress: ProgressCallback) -> _T:
    """Run ``run()`` in a thread while calling ``progress(percent, 100)`` with what ``poll()`` says.

    ``poll()`` gives a percentage (or an object with a ``percentage``), negative while
    nothing is known yet; the percentage reported never goes down and ends at ``(100, 100)``
    when ``run()`` succeeds. An exception from ``run()`` is raised here.

    Examples
    --------
    >>> seen = []
    >>> run_reporting(lambda: "done", lambda: 50.0, lambda d, t: seen.append((d, t)))
    'done'
    >>> seen[-1]
    (100, 100)
    """
    result: dict[str, Any] = {}

    def target() -> None:
        try:
            result["value"] = run()
        except BaseException as exc:  # re-raised in the caller's thread
            result["error"] = exc

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    shown = -1
    while worker.is_alive():
        worker.join(_POLL_SECONDS)
        try:
            polled = poll()
            pct = int(float(getattr(polled, "percentage", polled)))
        except Exception:  # no query running yet
            pct = -1
        if worker.is_alive() and 0 <= pct <= 100 and pct > shown:
            shown = pct
            progress(pct, 100)
    if "error" in result:
        raise result["error"]
    if shown < 100:
        progress(100, 100)
    value: _T = result["value"]
    return value
