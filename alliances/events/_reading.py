"""Opening event files: which engine, which files, which format; nothing is read yet.

:func:`get_engine` makes the engine that will read the files (DuckDB,
:mod:`alliances.events._engines`, or Spark, :mod:`alliances.events._spark`);
:func:`read_events` expands paths, folders and globs (URIs through the engine),
recognises the format from the header (:mod:`alliances.events._formats`). The files are
only read by the queries run on the :class:`EventFiles` it returns.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .._checks import check_instance, check_progress
from .._progress import ProgressLike
from ..errors import EventDataError
from ._cluster import check_spark_config, check_spark_master, check_spark_timeout
from ._engines import DuckDBEngine, Engine, check_engine
from ._formats import (
    NORMALISED_COLUMNS,
    FileLayout,
    check_event_paths,
    detect_format,
    expand_paths,
    is_parquet,
    is_uri,
)
from ._spark import SparkEngine

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ENGINES", "EventFiles", "EventPaths", "check_engine_options", "get_engine", "read_events"]

ENGINES: dict[str, type[DuckDBEngine] | type[SparkEngine]] = {"duckdb": DuckDBEngine, "spark": SparkEngine}
"""The engines by name."""


@dataclass
class EventFiles:
    """Event files of one format, not yet read (see :func:`read_events`).

    Attributes
    ----------
    files : list of str
        The files, sorted.
    layout : FileLayout
        Their format, delimiter, header and (normalised) column names.
    parquet : bool
        Parquet files (else text: CSV, TSV, gzip).
    engine : Engine
        Where the queries run.
    progress : callable or bool
        What :func:`alliances.relations_over_time` reports progress to when given no
        ``progress`` of its own.
    """

    files: list[str]
    layout: FileLayout
    parquet: bool
    engine: Engine
    progress: ProgressLike = False

    @property
    def format(self) -> str:
        """The format's name: ``ged``, ``acled``, ``gdelt`` or ``icews``."""
        return self.layout.format.name

    def view(self, name: str = "raw_events") -> str:
        """Expose the files as the engine view ``name``; returns the normalising subquery over it."""
        self.engine.files_view(name, self.files, self.layout, parquet=self.parquet)
        return f"({self.layout.format.query(name)}) ev"

    def to_pandas(self, *, limit: int | None = 1000) -> pd.DataFrame:
        """The normalised events (event_id, day, side1, side2, quad, goldstein, fatalities, sources,
        inter1, inter2) in file-independent order; ``limit`` rows (None: all, for small files only)."""
        lim = f" LIMIT {int(limit)}" if limit is not None else ""
        cols = ", ".join(NORMALISED_COLUMNS)
        df = self.engine.sql(f"SELECT {cols} FROM {self.view()} ORDER BY event_id, day, side1, side2{lim}")
        return _normalise_types(df)

    def count(self) -> int:
        """Number of rows in the files."""
        return int(self.engine.sql(f"SELECT count(*) AS n FROM {self.view()}")["n"].iloc[0])


EventPaths = str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | EventFiles
"""What the event functions accept as ``events``: paths, globs, folders, or an :class:`EventFiles`."""


def read_events(
    paths: EventPaths,
    *,
    format: str | None = None,
    engine: str | Engine | None = None,
    progress: ProgressLike = False,
) -> EventFiles:
    """Open event files (UCDP GED, ACLED, GDELT 2.0 or ICEWS) without loading them.

    Parameters
    ----------
    paths : path, glob, folder, URI, or a list of them
        CSV, TSV, gzip-compressed text or Parquet files of one format. A URI
        (``hdfs://``, ``s3a://``, ``file://``...) is listed and read by the Spark engine,
        as Spark reads it (a folder recursively, hidden files left out); DuckDB reads
        ``file://`` URIs only.
    format : {'ged', 'acled', 'gdelt', 'icews'}, optional
        Recognised from the header when not given (GDELT, which has none, from its 61 columns).
    engine : 'duckdb', 'spark' or an engine object, optional
        Where the queries run (default DuckDB).
    progress : callable or bool
        How far long reads have got: a callback ``progress(percent, 100)``, or True for a
        progress bar on stderr (only when stderr is a terminal); used by
        :func:`alliances.relations_over_time` on these files.

    Returns
    -------
    EventFiles
        ``.format``, ``.files``, ``.to_pandas(limit=...)``, ``.count()``.

    Raises
    ------
    EventDataError
        No such file, unknown format, missing columns.

    Examples
    --------
    >>> ev = read_events("seeds/events/ucdp_ged_syria_2016_2019.csv.gz")
    >>> ev.format, ev.count()
    ('ged', 16566)
    """
    if not isinstance(paths, EventFiles):
        check_event_paths(paths)
    check_instance(format, (str, type(None)), "format", "an event format name (ged, acled, gdelt, icews) or None")
    check_engine(engine)
    check_progress(progress)
    if isinstance(paths, EventFiles):
        return paths
    given = [os.fspath(p) for p in ([paths] if isinstance(paths, (str, os.PathLike)) else paths)]
    eng = get_engine(engine)
    uris = [p for p in given if is_uri(p)]
    local = [p for p in given if not is_uri(p)]
    files = (expand_paths(local) if local or not uris else []) + (eng.list_files(uris) if uris else [])
    files = sorted(dict.fromkeys(files))
    kinds = {is_parquet(f) for f in files}
    if len(kinds) > 1:
        raise EventDataError("give Parquet files and text files in separate runs")
    parquet = kinds.pop()
    if parquet:
        layout = detect_format(files, format=format, parquet_columns=eng.parquet_columns(files))
    else:
        lines = eng.first_lines(files)
        layout = detect_format(files, format=format, read_line=lines.__getitem__)
    return EventFiles(files, layout, parquet, eng, progress)


def check_engine_options(
    engine: str | Engine | None,
    *,
    master: str | None = None,
    config: Mapping[str, Any] | None = None,
    timeout: float | None = None,
) -> dict[str, Any]:
    """Check an engine and its options before anything starts; the options for :func:`get_engine`.

    Parameters
    ----------
    engine : 'duckdb', 'spark', an engine object or None (DuckDB)
    master, config, timeout
        For the Spark engine only: as for :class:`SparkEngine` (None: its default).

    Returns
    -------
    dict
        The options given (``master``, ``config``, ``timeout``), checked.

    Raises
    ------
    EventDataError
        An unknown engine name; a bad master, setting or timeout; Spark options with
        another engine than ``'spark'`` (or with an engine object, which has its own).

    Examples
    --------
    >>> check_engine_options("spark", master="spark://10.0.0.5:7077", config={"spark.executor.memory": "8g"})
    {'master': 'spark://10.0.0.5:7077', 'config': {'spark.executor.memory': '8g'}}
    >>> check_engine_options("duckdb", master="local[2]")
    Traceback (most recent call last):
    ...
    alliances.errors.EventDataError: a Spark master, settings and timeout are for the Spark engine (--engine spark), not duckdb
    """
    check_engine(engine)
    if isinstance(engine, str) and engine not in ENGINES:
        raise EventDataError(f"unknown engine {engine!r} (expected duckdb or spark)")
    options: dict[str, Any] = {}
    if master is not None:
        options["master"] = check_spark_master(master)
    settings = check_spark_config(config) if config is not None else {}
    if settings:
        options["config"] = settings
    if timeout is not None:
        options["timeout"] = check_spark_timeout(timeout)
    if options and engine != "spark":
        name = "an engine object" if engine is not None and not isinstance(engine, str) else (engine or "duckdb")
        raise EventDataError(f"a Spark master, settings and timeout are for the Spark engine (--engine spark), not {name}")
    return options


def get_engine(
    engine: str | Engine | None,
    *,
    master: str | None = None,
    config: Mapping[str, Any] | None = None,
    timeout: float | None = None,
    progress: ProgressLike = False,
) -> Engine:
    """An engine object from its name (``"duckdb"`` or ``"spark"``), or the object itself.

    Parameters
    ----------
    engine : 'duckdb', 'spark', an engine object or None (DuckDB)
    master, config, timeout
        For the Spark engine: as for :class:`SparkEngine` (checked by :func:`check_engine_options`).
    progress : callable or bool
        While the Spark engine waits for a cluster (see :class:`SparkEngine`).

    Raises
    ------
    EventDataError
        As for :func:`check_engine_options`; the Spark engine's errors as it starts.

    Examples
    --------
    >>> get_engine(None).name
    'duckdb'
    >>> get_engine("sqlite")
    Traceback (most recent call last):
    ...
    alliances.errors.EventDataError: unknown engine 'sqlite' (expected duckdb or spark)
    """
    options = check_engine_options(engine, master=master, config=config, timeout=timeout)
    check_progress(progress)
    if engine is None or engine == "duckdb":
        return DuckDBEngine()
    if engine == "spark":
        return SparkEngine(**options, progress=progress)
    if isinstance(engine, str):  # pragma: no cover - check_engine_options refused it
        raise EventDataError(f"unknown engine {engine!r} (expected duckdb or spark)")
    return engine


def _normalise_types(df: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    for c in ("quad", "goldstein", "fatalities", "sources", "inter1", "inter2"):
        if c in df:
            df[c] = pd.to_numeric(df[c]).astype("Int64")
    if "day" in df:
        df["day"] = pd.to_datetime(df["day"]).dt.date
    return df
