"""The Spark engine: local mode or a cluster, with inputs and outputs at any URI Spark can read.

:class:`SparkEngine` runs the queries of :mod:`alliances.events._sql` on Apache Spark
through PySpark, either in this process's JVM (``local[*]``) or on a cluster (a Spark
standalone master ``spark://HOST:PORT``, ``yarn``, ``k8s://URL``). On a cluster the
heavy part runs in the executors: reading the files, normalising every row and grouping
it into the compact table, which stays cached there; the driver (this process) receives
only the distinct side texts with their counts and the aggregated table, one row per
pair and window (:attr:`SparkEngine.rows_to_driver` counts them).

Inputs may be local paths or URIs (``file://``, ``hdfs://``, ``s3a://`` with the
connector on Spark's classpath...), listed and opened through Spark's own Hadoop file
systems; a table can be written to such a URI as Parquet (:meth:`SparkEngine.write_parquet`).

Waiting is bounded: a master that does not answer, a cluster that starts no executor, a
file system that does not answer a listing fail with one line within the engine's
``timeout`` (:data:`DEFAULT_SPARK_TIMEOUT` seconds), never hang.

Spark needs ``pyspark`` (the ``spark`` extra) and Java 17.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import unquote

from .._checks import check_progress
from .._progress import ProgressLike, using_progress
from ..errors import EventDataError
from ._cluster import (
    DEFAULT_SPARK_TIMEOUT,
    PANDAS_WARNING,
    SparkCluster,
    check_spark_config,
    check_spark_master,
    check_spark_timeout,
    start_session,
    within,
)
from ._engines import hadoop_paths, read_failure, run_reporting, spark_available
from ._formats import DATA_EXTENSIONS, FileLayout, first_line, is_parquet, is_uri

if TYPE_CHECKING:
    import pandas as pd

    from .._progress import ProgressCallback

__all__ = ["SparkEngine"]

_T = TypeVar("_T")
_MAX_LINE = 1 << 20  # a first line longer than this is no event file's header
_HEADER_THREADS = 16  # first lines read at once from a remote file system
_SPARK_OUTPUT = re.compile(r"^(?:part-.*|_SUCCESS|\..*\.crc|_committed_.*|_started_.*)$")  # a table Spark wrote


class SparkEngine:
    """Apache Spark through PySpark: ``local[*]`` by default, or a cluster.

    Parameters
    ----------
    master : str, optional
        Spark master (:func:`check_spark_master`): ``local[*]`` runs in this process's
        JVM with every core, ``spark://HOST:PORT`` on a standalone cluster, ``yarn`` or
        ``k8s://URL``. Default: the running session's, else ``local[*]``.
    config : dict, optional
        More Spark settings for a session this engine starts (:func:`check_spark_config`);
        they win over the engine's own.
    timeout : float
        Seconds to wait for a cluster (its master to answer, then a first executor) and
        for each answer of a file system while the inputs are listed and opened.
    progress : callable or bool
        Reported as ``progress(seconds waited, timeout)`` while waiting for a cluster; True
        draws a bar on stderr (only when it is a terminal).

    Attributes
    ----------
    spark : pyspark.sql.SparkSession
    rows_to_driver : int
        Rows the queries have returned to this process (the driver) so far: the distinct
        side texts and the aggregated pair-window rows, never the events.

    Raises
    ------
    EventDataError
        pyspark or Java missing; a bad master, setting or timeout; a master that cannot be
        reached, a cluster that starts no executor within ``timeout``; a JVM that does not
        start (its last words as the reason); another master than the running session's.

    Notes
    -----
    The session is Spark's shared one: one started here logs nothing (its errors come back
    as exceptions), draws no console progress bar, and keeps its warehouse folder in a
    temporary folder rather than the current one; a session already running keeps its own
    settings. On a cluster the driver must be reachable from the executors
    (``spark.driver.host``), and files named by local paths must exist at the same path
    on every executor (give ``hdfs://``, ``s3a://``... URIs otherwise).

    Examples
    --------
    >>> eng = SparkEngine(master="local[1]")      # doctest: +SKIP
    >>> eng.sql("SELECT 40 + 2 AS n")["n"].tolist(), eng.rows_to_driver   # doctest: +SKIP
    ([42], 1)
    """

    name = "spark"

    def __init__(self, *, master: str | None = None, config: Mapping[str, Any] | None = None,
                 timeout: float = DEFAULT_SPARK_TIMEOUT, progress: ProgressLike = False):
        check_progress(progress)
        ok, why = spark_available()
        if not ok:
            raise EventDataError(f"the Spark engine is not available: {why}")
        if master is not None:
            check_spark_master(master)
        settings = check_spark_config(config)
        self.timeout = check_spark_timeout(timeout)
        self.rows_to_driver = 0
        self._reading: list[str] = []  # the files of the last view: errors name them
        with using_progress(progress, f"connecting to {master or 'Spark'}") as report:
            self.spark = start_session(master, settings, self.timeout, report)

    # ---------------------------------------------------------------- where it runs

    def cluster(self) -> SparkCluster:
        """The master, the executors (the driver not counted; 0 in local mode) and their cores."""
        context = self.spark.sparkContext
        master = str(context.master)
        executors = 0 if master.startswith("local") else max(0, len(context.statusTracker().getExecutorInfos()) - 1)
        return SparkCluster(master, executors, int(context.defaultParallelism))

    # ---------------------------------------------------------------- inputs

    def list_files(self, paths: Sequence[str]) -> list[str]:
        """The files Spark reads for URIs: a file as it is, folders (recursively) and globs to their data files.

        Listed by Spark's own file index (hidden ``.`` and ``_`` files left out), each URI
        within the engine's ``timeout``; sorted, fully qualified (``hdfs://nn:8020/...``,
        ``file:/...``).

        Raises
        ------
        EventDataError
            ``uri: cannot read: reason (Spark)`` for a path that does not exist, a file
            system Spark does not know, a listing that does not answer in time.
        """
        out: list[str] = []
        for uri in paths:
            out.extend(self._bounded(partial(self._list_one, uri), f"{uri}: no answer from its file system"))
        return sorted(dict.fromkeys(out))

    def first_line(self, path: str) -> str:
        """A text file's first line, read through Spark's Hadoop file systems for a URI (local files directly)."""
        if not is_uri(path):
            return first_line(path)
        return self._bounded(lambda: self._hadoop_first_line(path), f"{path}: no answer from its file system")

    def first_lines(self, paths: Sequence[str]) -> dict[str, str]:
        """The first lines of many files, read at once from remote file systems."""
        from concurrent.futures import ThreadPoolExecutor

        remote = [p for p in paths if is_uri(p)]
        lines = {p: first_line(p) for p in paths if not is_uri(p)}
        if remote:
            with ThreadPoolExecutor(min(_HEADER_THREADS, len(remote))) as pool:
                lines.update(zip(remote, pool.map(self.first_line, remote), strict=True))
        return lines

    def parquet_columns(self, files: Sequence[str]) -> list[str]:
        self._reading = list(files)
        try:
            return self._bounded(lambda: list(self.spark.read.parquet(*hadoop_paths(files)).columns),
                                 f"{files[0]}: no answer from its file system")
        except EventDataError:
            raise
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

    # ---------------------------------------------------------------- queries

    def epoch_day(self, expr: str) -> str:
        return f"datediff({expr}, DATE '1970-01-01')"

    def register(self, name: str, frame: pd.DataFrame) -> None:
        """A small pandas table as a view of text columns (see :meth:`_local_frame`: no Python on the executors)."""
        from pyspark.sql.types import StringType, StructField, StructType

        schema = StructType([StructField(str(c), StringType(), True) for c in frame.columns])
        rows = [[None if v is None else str(v) for v in row] for row in frame.itertuples(index=False)]
        self._local_frame(rows, schema).createOrReplaceTempView(name)

    def _local_frame(self, rows: Sequence[Sequence[Any]], schema: Any) -> Any:
        """A Spark DataFrame of a few rows from the driver, built in the JVM from one JSON literal.

        The rows travel as a bound value (``lit``), never as SQL text, and become rows in
        the query plan itself: unlike ``createDataFrame`` from Python objects, which
        converts them in Python worker processes, this needs no Python on the executors.
        """
        import json

        from pyspark.sql import functions as F
        from pyspark.sql.types import ArrayType

        names = [f.name for f in schema.fields]
        data = json.dumps([dict(zip(names, row, strict=True)) for row in rows], ensure_ascii=False, allow_nan=False)
        return self.spark.range(1).select(F.inline(F.from_json(F.lit(data), ArrayType(schema))))

    def materialize(self, name: str, query: str, *, progress: ProgressCallback | None = None) -> None:
        """Run a query once into a cached temporary view (memory, then disk; in the executors on a cluster).

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
        """Run a query; its (small) result comes to the driver as a pandas DataFrame, counted in :attr:`rows_to_driver`."""
        import warnings

        import pandas as pd

        try:
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message=PANDAS_WARNING)
                result = self.spark.sql(query)
                columns = result.columns
                rows = [tuple(r) for r in result.collect()]
        except Exception as exc:  # py4j and Spark analysis errors have no common base
            raise read_failure(self._reading, exc, engine="Spark") from None
        self.rows_to_driver += len(rows)
        return pd.DataFrame.from_records(rows, columns=columns)

    def drop(self, *names: str) -> None:
        """Free cached tables (dependents first)."""
        for name in names:
            self.spark.sql(f"UNCACHE TABLE IF EXISTS {name}")
            self.spark.sql(f"DROP VIEW IF EXISTS {name}")

    def close(self) -> None:
        """Leave the session running: starting a JVM is slow, and later calls reuse it."""

    # ---------------------------------------------------------------- outputs

    def check_output(self, uri: str) -> None:
        """Check, before any work, that :meth:`write_parquet` may write ``uri``.

        Raises
        ------
        EventDataError
            Not ``.parquet`` or ``.pq``; a file system Spark does not know or that does
            not answer in time; something at ``uri`` other than a table written before
            (a folder of Spark's ``part-*`` files), which would be lost.
        """
        if not is_parquet(uri.rstrip("/")):
            raise EventDataError(f"cannot write {uri!r}: a URI is written as Parquet: end it in .parquet or .pq")
        self._bounded(lambda: self._check_target(uri), f"{uri}: no answer from its file system")

    def write_parquet(self, table: pd.DataFrame, uri: str) -> None:
        """Write a (small) pandas table to a URI as Parquet, through Spark: a folder with one part file.

        Written beside the target first and renamed into place once complete, so that
        ``uri`` holds either the old table or the new one, never half of one. Dates are
        ``DATE``, whole numbers ``BIGINT``, missing numbers null.
        """
        import uuid

        self.check_output(uri)
        target = uri.rstrip("/")
        temporary = f"{target}.alliances-{uuid.uuid4().hex}"
        frame = self._local_frame(_plain_rows(table), _spark_schema(table))
        try:
            frame.coalesce(1).write.mode("errorifexists").parquet(temporary)
            self._replace(temporary, target)
        except EventDataError:
            raise
        except Exception as exc:  # py4j and Spark errors have no common base
            raise read_failure([uri], exc, engine="Spark") from None
        finally:
            self._delete(temporary)

    # ---------------------------------------------------------------- the Hadoop file systems

    def _fs(self, uri: str) -> tuple[Any, Any]:
        """(file system, path) of a URI, through Spark's Hadoop configuration."""
        jvm = self.spark.sparkContext._jvm
        assert jvm is not None
        path = jvm.org.apache.hadoop.fs.Path(uri)
        return path.getFileSystem(self.spark.sparkContext._jsc.hadoopConfiguration()), path

    def _list_one(self, uri: str) -> list[str]:
        try:
            fs, path = self._fs(uri)
            if not _has_glob(uri) and fs.exists(path) and fs.getFileStatus(path).isFile():
                return [unquote(str(fs.makeQualified(path).toUri().toString()))]
            frame = self.spark.read.format("text").option("recursiveFileLookup", "true").load(uri)
            # Spark's file index (nothing is read), as URIs: percent-encoded, which Hadoop paths are not
            listed = [unquote(str(f)) for f in frame.inputFiles()]
        except Exception as exc:  # py4j and Spark analysis errors have no common base
            raise read_failure([uri], exc, engine="Spark") from None
        found = [f for f in listed if f.rsplit("/", 1)[-1].lower().endswith(DATA_EXTENSIONS)]
        if not found:
            raise EventDataError(f"{uri}: holds no event files (.csv, .tsv, .gz, .parquet)")
        return found

    def _hadoop_first_line(self, uri: str) -> str:
        jvm = self.spark.sparkContext._jvm
        assert jvm is not None
        try:
            fs, path = self._fs(uri)
            stream = fs.open(path)
            try:
                codec = jvm.org.apache.hadoop.io.compress.CompressionCodecFactory(
                    self.spark.sparkContext._jsc.hadoopConfiguration()).getCodec(path)
                reader = codec.createInputStream(stream) if codec is not None else stream
                data = b""
                while b"\n" not in data and len(data) < _MAX_LINE:
                    chunk = bytes(reader.readNBytes(1 << 16))
                    if not chunk:
                        break
                    data += chunk
            finally:
                stream.close()
        except Exception as exc:  # py4j errors
            raise read_failure([uri], exc, engine="Spark") from None
        if b"\n" not in data and len(data) >= _MAX_LINE:
            raise EventDataError(f"{uri}:1: the first line is longer than {_MAX_LINE >> 20} MiB: not an event file")
        return data.split(b"\n", 1)[0].decode("utf-8-sig", errors="replace").rstrip("\r")

    def _check_target(self, uri: str) -> None:
        try:
            fs, path = self._fs(uri.rstrip("/"))
            if not fs.exists(path):
                return
            status = fs.getFileStatus(path)
            if status.isFile():
                return  # a file: replaced, as a local output file is
            names = [str(entry.getPath().getName()) for entry in fs.listStatus(path)]
        except Exception as exc:  # py4j errors
            raise read_failure([uri], exc, engine="Spark") from None
        others = sorted(n for n in names if not _SPARK_OUTPUT.match(n))
        if others:
            raise EventDataError(f"cannot write {uri!r}: it is a folder holding other files than a table Spark "
                                 f"wrote ({others[0]}...): choose another name or remove it")

    def _replace(self, temporary: str, target: str) -> None:
        fs, new = self._fs(temporary)
        _, old = self._fs(target)
        if fs.exists(old) and not fs.delete(old, True):
            raise EventDataError(f"cannot write {target!r}: the table there could not be removed")
        if not fs.rename(new, old):
            raise EventDataError(f"cannot write {target!r}: {temporary!r} could not be renamed to it")

    def _delete(self, uri: str) -> None:
        try:
            fs, path = self._fs(uri)
            if fs.exists(path):
                fs.delete(path, True)
        except Exception:  # best effort: the error that matters was raised already
            pass

    def _bounded(self, work: Callable[[], _T], what: str) -> _T:
        """``work()`` in a thread, waited for at most the engine's timeout."""
        return within(work, self.timeout, f"{what} within {self.timeout:g} s")

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
                context.setLocalProperty("spark.jobGroup.id", None)  # None clears it

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


# ---------------------------------------------------------------- paths and tables


def _has_glob(path: str) -> bool:
    return bool(re.search(r"[*?\[{]", path))


def _spark_schema(table: pd.DataFrame) -> Any:
    """A Spark schema for a pandas table: text, dates, whole numbers, floats."""
    import pandas as pd
    from pyspark.sql.types import DateType, DoubleType, LongType, StringType, StructField, StructType

    fields = []
    for column in table.columns:
        series = table[column]
        if pd.api.types.is_bool_dtype(series) or pd.api.types.is_integer_dtype(series):
            kind: Any = LongType()
        elif pd.api.types.is_float_dtype(series):
            kind = DoubleType()
        elif column in ("window_start", "window_end"):
            kind = DateType()
        else:
            kind = StringType()
        fields.append(StructField(str(column), kind, True))
    return StructType(fields)


def _plain_rows(table: pd.DataFrame) -> list[tuple[Any, ...]]:
    """The table's rows as JSON values: Python numbers (``astype(object)``), dates as ISO text, missing as None."""
    import datetime as dt

    import pandas as pd

    return [tuple(None if not isinstance(v, str) and pd.isna(v) else v.isoformat() if isinstance(v, dt.date) else v
                  for v in row)
            for row in table.astype(object).itertuples(index=False)]
