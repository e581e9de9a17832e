"""Where the queries run: what an engine does, embedded DuckDB (default), and what both engines share.

Both engines (DuckDB here, Spark in :mod:`alliances.events._spark`) read the files
themselves (CSV, TSV, gzip, Parquet; never through pandas), expose them as a view with
normalised, all-text column names, and run the same SQL. Only a few things differ: how
files are found and opened (DuckDB reads local files; Spark also URIs), how files become
a view, how a small table (the actor map) is registered, and the day-number function
(``datediff`` takes its arguments in opposite orders in the two dialects). Results come
back as small pandas DataFrames (one row per pair and window). Either engine reports how
far a long query has got through a :data:`~alliances._progress.ProgressCallback`, as
``(percent, 100)``; neither draws anything itself.

Also here: turning an engine's error into ``file:line: reason`` (:func:`read_failure`),
file names as each engine reads them literally, and whether Spark can run here.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from .._checks import check_int, check_text, shown
from .._progress import ProgressCallback
from ..errors import EventDataError, ParameterError, ParameterTypeError
from ._formats import FileLayout, expand_paths, first_line, is_uri

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "BackgroundCall",
    "DuckDBEngine",
    "Engine",
    "check_engine",
    "duckdb_paths",
    "hadoop_paths",
    "read_failure",
    "run_reporting",
    "spark_available",
]

_T = TypeVar("_T")
_POLL_SECONDS = 0.2


class Engine(Protocol):
    """What :func:`alliances.relations_over_time` needs of an engine (:class:`DuckDBEngine`, :class:`SparkEngine`)."""

    name: str

    def list_files(self, uris: Sequence[str]) -> list[str]:
        """The files URIs name (folders and globs expanded), sorted; errors name the URI."""
        ...

    def first_lines(self, files: Sequence[str]) -> dict[str, str]:
        """The first line of each text file (local paths or URIs the engine reads)."""
        ...

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

    def list_files(self, uris: Sequence[str]) -> list[str]:
        """DuckDB reads local files only: ``file://`` URIs as the local paths they name, other schemes refused."""
        from urllib.parse import unquote, urlparse

        local = []
        for uri in uris:
            parts = urlparse(uri)
            if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
                raise EventDataError(f"{uri}: the DuckDB engine reads local files only: "
                                     f"use --engine spark (engine='spark') for {parts.scheme}:// URIs")
            local.append(unquote(parts.path))
        return expand_paths(local)

    def first_lines(self, files: Sequence[str]) -> dict[str, str]:
        return {f: first_line(f) for f in files}

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
    r"""File names as Spark's readers take them literally: glob characters escaped, local paths absolute.

    A URI (``hdfs://...``, ``file:/...``) keeps its scheme and authority; only its path is escaped.

    Raises
    ------
    EventDataError
        For a local path with a ``:``, which Hadoop reads as a URI scheme wherever it stands.

    Examples
    --------
    >>> hadoop_paths(["/data/x[1]{a,b}.csv", "hdfs://nn:8020/gdelt/x[1].csv"])
    ['/data/x\\[1\\]\\{a,b\\}.csv', 'hdfs://nn:8020/gdelt/x\\[1\\].csv']
    """
    out = []
    for f in files:
        if is_uri(f):
            scheme, rest = f.split("://", 1)
            authority, slash, path = rest.partition("/")
            out.append(f"{scheme}://{authority}{slash}{_hadoop_escape(path)}")
            continue
        if ":" in os.path.abspath(f):
            # Hadoop takes what precedes a colon for a URI scheme, in every part of a path
            raise EventDataError(f"{f}: Spark cannot read a file whose path holds ':': rename the file "
                                 "or use the DuckDB engine")
        out.append(_hadoop_literal(f))
    return out


def _duckdb_literal(path: str) -> str:
    return re.sub(r"([\[*?])", r"[\1]", path)


def _hadoop_literal(path: str) -> str:
    return _hadoop_escape(os.path.abspath(path))


def _hadoop_escape(path: str) -> str:
    return re.sub(r"([\\{}\[\]*?])", r"\\\1", path)


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
    if is_uri(path):
        return {path, hadoop_paths([path])[0]}
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
    worker = BackgroundCall(run)
    shown = -1
    while worker.running():
        worker.wait(_POLL_SECONDS)
        try:
            polled = poll()
            pct = int(float(getattr(polled, "percentage", polled)))
        except Exception:  # no query running yet
            pct = -1
        if worker.running() and 0 <= pct <= 100 and pct > shown:
            shown = pct
            progress(pct, 100)
    value = worker.result()
    if shown < 100:
        progress(100, 100)
    return value


class BackgroundCall(Generic[_T]):
    """``work()`` started at once in a daemon thread; its result (or its exception) when it is done.

    Examples
    --------
    >>> call = BackgroundCall(lambda: 6 * 7)
    >>> call.wait(5.0)
    True
    >>> call.result()
    42
    """

    def __init__(self, work: Callable[[], _T]):
        self._work = work
        self._outcome: dict[str, Any] = {}
        self._thread = threading.Thread(target=self._target, daemon=True)
        self._thread.start()

    def _target(self) -> None:
        try:
            self._outcome["value"] = self._work()
        except BaseException as exc:  # re-raised in the caller's thread by result()
            self._outcome["error"] = exc

    def wait(self, seconds: float | None) -> bool:
        """Wait at most ``seconds`` (None: until done); whether the call is done."""
        self._thread.join(None if seconds is None else max(0.0, seconds))
        return not self._thread.is_alive()

    def running(self) -> bool:
        """Whether the call is still running."""
        return self._thread.is_alive()

    def result(self) -> _T:
        """What ``work()`` returned, once done; its exception raised here."""
        self.wait(None)
        if "error" in self._outcome:
            raise self._outcome["error"]
        value: _T = self._outcome["value"]
        return value
