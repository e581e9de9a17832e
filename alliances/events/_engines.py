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

import os
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

__all__ = [
    "ENGINES",
    "DuckDBEngine",
    "Engine",
    "SparkEngine",
    "check_engine",
    "duckdb_paths",
    "get_engine",
    "hadoop_paths",
    "read_failure",
    "run_reporting",
    "spark_available",
]

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
        self._reading: list[str] = []  # the files of the last view: errors name them

    def epoch_day(self, expr: str) -> str:
        return f"datediff('day', DATE '1970-01-01', {expr})"

    def parquet_columns(self, files: Sequence[str]) -> list[str]:
        self._reading = list(files)
        try:
            return list(self.con.read_parquet(duckdb_paths(files), union_by_name=True).columns)
        except self._error as exc:
            raise read_failure(files, exc) from None

    def files_view(self, name: str, files: Sequence[str], layout: FileLayout, *, parquet: bool) -> None:
        """The files as a view, through DuckDB's relational API: no SQL text is built from file or column names."""
        import duckdb

        self._reading = list(files)
        paths = duckdb_paths(files)
        try:
            if parquet:
                rel = self.con.read_parquet(paths, union_by_name=True)
                # every column by its own name (an identifier, never SQL text) under its normalised one
                rel = rel.select(*(duckdb.ColumnExpression(c).alias(n)
                                   for c, n in zip(rel.columns, layout.columns, strict=True)))
            else:
                quote = '"' if layout.delimiter == "," else ""
                rel = self.con.read_csv(
                    paths, delimiter=layout.delimiter, header=layout.header, quotechar=quote, escapechar=quote,
                    columns=dict.fromkeys(layout.columns, "VARCHAR"), auto_detect=False)
            rel.create_view(name, replace=True)
        except (self._error, ValueError) as exc:  # ValueError: files changed since their columns were read
            raise read_failure(files, exc) from None

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
            raise read_failure(self._reading, exc) from None

    def sql(self, query: str) -> pd.DataFrame:
        try:
            return self.con.sql(query).df()
        except self._error as exc:
            raise read_failure(self._reading, exc) from None

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
    The session is Spark's shared one (``getOrCreate``): one started here logs nothing
    (``spark.log.level``: its errors come back as exceptions), draws no console progress
    bar, and keeps its warehouse folder in a temporary folder rather than the current
    one; a session already running keeps its own settings.
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
            # every failure comes back as an exception, reported as file: reason; the
            # executors' own logs (a stack trace per unreadable file) would only repeat it
            .config("spark.log.level", "OFF")
            .config("spark.sql.shuffle.partitions", "8")
            # Spark makes its warehouse folder as it starts: not in the user's current folder
            .config("spark.sql.warehouse.dir", _spark_warehouse())
        )
        for key, value in (config or {}).items():
            builder = builder.config(key, value)
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=_PANDAS_WARNING)
            self.spark = builder.getOrCreate()
        self._reading: list[str] = []  # the files of the last view: errors name them

    def epoch_day(self, expr: str) -> str:
        return f"datediff({expr}, DATE '1970-01-01')"

    def parquet_columns(self, files: Sequence[str]) -> list[str]:
        self._reading = list(files)
        try:
            return list(self.spark.read.parquet(*hadoop_paths(files)).columns)
        except Exception as exc:  # py4j and Spark analysis errors have no common base
            raise read_failure(files, exc, engine="Spark") from None

    def files_view(self, name: str, files: Sequence[str], layout: FileLayout, *, parquet: bool) -> None:
        """The files as a view, through the DataFrame API: columns renamed by position, no SQL text."""
        from pyspark.sql.types import StringType, StructField, StructType

        self._reading = list(files)
        paths = hadoop_paths(files)
        try:
            if parquet:
                frame = self.spark.read.parquet(*paths)
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
                    .csv(paths)
                )
            frame.createOrReplaceTempView(name)
        except Exception as exc:  # py4j and Spark analysis errors have no common base
            raise read_failure(files, exc, engine="Spark") from None

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
            raise read_failure(self._reading, exc, engine="Spark") from None

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
            raise read_failure(self._reading, exc, engine="Spark") from None
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


def _spark_warehouse() -> str:
    """A temporary folder for Spark's (unused) warehouse, removed when the process ends."""
    import atexit
    import tempfile

    folder = tempfile.mkdtemp(prefix="alliances-spark-")
    atexit.register(shutil.rmtree, folder, True)
    return folder


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


def duckdb_paths(files: Sequence[str]) -> list[str]:
    """File names as DuckDB's readers take them literally: its glob characters ``[``, ``*``, ``?`` bracketed.

    DuckDB expands every path it reads as a pattern, so a file named ``x[1].csv`` would
    otherwise read ``x1.csv``; the names are passed as values, never pasted into SQL.

    Raises
    ------
    EventDataError
        For a name DuckDB cannot read literally (a backslash beside a glob character).

    Examples
    --------
    >>> duckdb_paths(["x[1].csv", "who?.csv", "plain.csv"])
    ['x[[]1].csv', 'who[?].csv', 'plain.csv']
    """
    for f in files:
        if "\\" in f and re.search(r"[\[*?]", f):
            # DuckDB splits a pattern at backslashes: no escape reads such a name
            raise EventDataError(f"{f}: DuckDB cannot read a file whose name holds both a backslash and one of "
                                 "[ * ?: rename the file")
    return [_duckdb_literal(f) for f in files]


def hadoop_paths(files: Sequence[str]) -> list[str]:
    r"""File names as Spark's readers take them literally: absolute, glob characters escaped.

    Raises
    ------
    EventDataError
        For a path with a ``:``, which Hadoop reads as a URI scheme wherever it stands.

    Examples
    --------
    >>> hadoop_paths(["/data/x[1]{a,b}.csv"])
    ['/data/x\\[1\\]\\{a,b\\}.csv']
    """
    for f in files:
        if ":" in os.path.abspath(f):
            # Hadoop takes what precedes a colon for a URI scheme, in every part of a path
            raise EventDataError(f"{f}: Spark cannot read a file whose path holds ':': rename the file "
                                 "or use the DuckDB engine")
    return [_hadoop_literal(f) for f in files]


def _duckdb_literal(path: str) -> str:
    return re.sub(r"([\[*?])", r"[\1]", path)


def _hadoop_literal(path: str) -> str:
    return re.sub(r"([\\{}\[\]*?])", r"\\\1", os.path.abspath(path))


def read_failure(files: Sequence[str], exc: BaseException, *, engine: str | None = None) -> EventDataError:
    """An engine's error while reading event files, as ``file:line: what is wrong`` (or ``file: ...``).

    The file is the one the engine's message names (else the only one, else the first of
    them); the line is the one DuckDB names in a CSV error. Only the engine's reason is
    kept: not the offending line it quotes, its hints, or a Java stack.

    Examples
    --------
    >>> err = Exception("Invalid Input Error: CSV Error on Line: 4\\nOriginal Line: 1,2\\n"
    ...                 "Expected Number of Columns: 29 Found: 2\\n  file = a.csv")
    >>> str(read_failure(["a.csv", "b.csv"], err))
    'a.csv:4: Expected Number of Columns: 29 Found: 2'
    >>> str(read_failure([], Exception("Catalog Error: Table with name t does not exist!")))
    'cannot read the event files: Catalog Error: Table with name t does not exist!'
    """
    text = str(exc)
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    lines = [ln for ln in lines if not ln.startswith(("An error occurred while calling", "at ", "Traceback"))]
    reason = lines[0] if lines else type(exc).__name__
    csv_line = re.search(r"CSV Error on Line: (\d+)", text)
    if csv_line:
        rest = [ln for ln in lines[1:] if not ln.startswith(("Original Line", "Possible", "*", "file ="))]
        reason = rest[0] if rest else reason
    reason = re.sub(r"^[:\s]*(?:(?:[a-z]\w*\.)+\w+(?:Exception|Error):\s*)*", "", reason)  # Java class names
    if engine:
        reason = f"{reason} ({engine})"
    named = sorted((f for f in files if any(v in text for v in _spellings(f))), key=len, reverse=True)
    if named or len(files) == 1:
        where = named[0] if named else files[0]
        return EventDataError(f"{where}:{csv_line.group(1)}: {reason}" if csv_line else f"{where}: cannot read: {reason}")
    if files:
        return EventDataError(f"{files[0]} (or another of the {len(files)} files): cannot read: {reason}")
    return EventDataError(f"cannot read the event files: {reason}")


def _spellings(path: str) -> set[str]:
    """How an engine's message may spell a file name: as given, as passed to DuckDB or Spark, absolute."""
    return {path, _duckdb_literal(path), os.path.abspath(path), _hadoop_literal(path)}


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
