"""Opening event files: which files, which format, which engine; nothing is read yet.

:func:`read_events` expands paths, folders and globs, recognises the format from the
header (:mod:`alliances.events._formats`) and picks the engine that will read the files
(:mod:`alliances.events._engines`). The files are only read by the queries run on the
:class:`EventFiles` it returns.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .._checks import check_instance, check_progress
from .._progress import ProgressLike
from ..errors import EventDataError
from ._engines import Engine, check_engine, get_engine
from ._formats import (
    NORMALISED_COLUMNS,
    FileLayout,
    check_event_paths,
    detect_format,
    expand_paths,
    is_parquet,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["EventFiles", "EventPaths", "read_events"]


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
    paths : path, glob, folder, or a list of them
        CSV, TSV, gzip-compressed text or Parquet files of one format.
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
    files = expand_paths(paths)
    kinds = {is_parquet(f) for f in files}
    if len(kinds) > 1:
        raise EventDataError("give Parquet files and text files in separate runs")
    parquet = kinds.pop()
    eng = get_engine(engine)
    cols = eng.parquet_columns(files) if parquet else None
    layout = detect_format(files, format=format, parquet_columns=cols)
    return EventFiles(files, layout, parquet, eng, progress)


def _normalise_types(df: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    for c in ("quad", "goldstein", "fatalities", "sources", "inter1", "inter2"):
        if c in df:
            df[c] = pd.to_numeric(df[c]).astype("Int64")
    if "day" in df:
        df["day"] = pd.to_datetime(df["day"]).dt.date
    return df
