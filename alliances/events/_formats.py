"""The four event-data formats: column facts, format detection, and one normalising query each.

Every format is turned into the same *normalised event* relation by a query written in
the SQL that DuckDB and Spark SQL share (``TRY_CAST``, ``substr``, ``split_part``,
``lpad``, ``CASE``), so that the aggregation downstream is written once:

========== ================================================================================
column     meaning
========== ================================================================================
event_id   the source's event id (text)
day        the event's date (``DATE``; rows whose date does not parse are counted, not used)
side1      the raw actor text of one side (several groups joined by the format's separator)
side2      the raw actor text of the other side (empty for one-actor events)
quad       the CAMEO quad class of the event: 1 verbal cooperation, 2 material cooperation,
           3 verbal conflict, 4 material conflict; NULL when it has none
goldstein  Goldstein (1992) conflict-cooperation weight in tenths (-100 .. 100), an integer so
           sums are exact on every engine
fatalities deaths (UCDP ``best``, ACLED ``fatalities``; 0 for GDELT and ICEWS)
sources    number of sources (GDELT ``NumSources``; 1 for the other formats)
inter1,    ACLED actor types 1-8 (state forces ... external forces), numbers whether the
inter2     file gives them as numbers or as text; NULL for the other formats
bad_value  1 when a number the row's scores use (deaths, Goldstein weight, sources) is
           present but not a number in its plausible range (:data:`MEASURE_RANGES`); the
           value is then taken as missing (0 deaths, no weight, 1 source) and the row
           still counts, so that one cell like ``best=1e19`` never rejects a whole file
========== ================================================================================

Facts per format (from the codebooks):

* **UCDP GED** (Sundberg & Melander 2013; GED codebook 19.1): one row per lethal event;
  violence only, so every event is material conflict (quad 4, Goldstein -10.0, the weight
  of CAMEO 19 "fight"); ``side_a``/``side_b`` may name several groups joined by ``", "``.
* **ACLED**: ``Battles``, ``Explosions/Remote violence``, ``Violence against civilians`` and
  ``Riots`` are material conflict (quad 4, -10.0); ``Protests`` verbal conflict (quad 3,
  -6.5); ``Strategic developments`` carry no quad class. Actor order is not direction.
  ``assoc_actor_*`` lists groups (``;``-separated) that acted *with* the main actor.
* **GDELT 2.0 events**: 61 tab-separated columns without a header (GDELT 1.0: 57 or 58,
  ``SQLDATE``); CAMEO codes are text; ``QuadClass`` and ``GoldsteinScale`` are used as given.
* **ICEWS**: tab-separated with a header (``Source Name``, ``Target Name``, ``CAMEO Code``,
  ``Intensity``, ``Event Date``); the quad class comes from the CAMEO root code (01-05
  verbal cooperation, 06-08 material cooperation, 09-13 verbal conflict, 14-20 material
  conflict) and the Goldstein weight is ``Intensity``.

References
----------
.. [1] Sundberg, R. and Melander, E. (2013) Introducing the UCDP Georeferenced Event
   Dataset. Journal of Peace Research 50(4).
.. [2] Raleigh, C., Linke, A., Hegre, H. and Karlsen, J. (2010) Introducing ACLED. Journal of
   Peace Research 47(5).
.. [3] Leetaru, K. and Schrodt, P. (2013) GDELT: Global data on events, location and tone.
.. [4] Goldstein, J. S. (1992) A conflict-cooperation scale for WEIS events data. Journal of
   Conflict Resolution 36(2).
"""

from __future__ import annotations

import glob
import gzip
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .._checks import check_instance, check_items, check_path, check_text, shown
from ..errors import EventDataError, ParameterError, ParameterTypeError

__all__ = [
    "FORMATS",
    "GDELT1_COLUMNS",
    "GDELT2_COLUMNS",
    "MEASURE_RANGES",
    "NORMALISED_COLUMNS",
    "EventFormat",
    "FileLayout",
    "DATA_EXTENSIONS",
    "check_event_paths",
    "detect_format",
    "expand_paths",
    "first_line",
    "is_parquet",
    "is_uri",
]

_ACTOR10 = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
            "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO2 = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT2_COLUMNS: tuple[str, ...] = (
    ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{c}" for c in _ACTOR10)
    + tuple(f"Actor2{c}" for c in _ACTOR10)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in _GEO2)
    + ("DATEADDED", "SOURCEURL")
)
"""The 61 columns of a GDELT 2.0 event file, in order (the files have no header)."""

# GDELT 1.0 (daily files since 2013: 58 columns; before: 57) has no ADM2Code and calls the day SQLDATE.
_GEO1 = tuple(c for c in _GEO2 if c != "ADM2Code")
GDELT1_COLUMNS: tuple[str, ...] = (
    ("GlobalEventID", "SQLDATE") + GDELT2_COLUMNS[2:35]
    + tuple(f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in _GEO1)
    + ("DATEADDED", "SOURCEURL")
)


def _norm(name: str) -> str:
    """Column name as the queries use it: lower case, runs of non-alphanumerics as one '_'."""
    return re.sub(r"[^0-9a-z]+", "_", name.strip().lstrip("\ufeff").lower()).strip("_")


# ---------------------------------------------------------------------- SQL snippets
def _txt(col: str) -> str:
    """A column as trimmed text, NULL when empty."""
    return f"NULLIF(trim(CAST({col} AS STRING)), '')"


MEASURE_RANGES = {"fatalities": (0, 10_000_000), "goldstein": (-10, 10), "sources": (0, 10_000_000)}
"""The plausible range of each number a score uses; anything else in the cell is a bad value.

Ten million deaths or sources per event is far beyond any recorded event, and keeps every
sum over billions of rows inside a 64-bit integer."""

NORMALISED_COLUMNS = ("event_id", "day", "side1", "side2", "quad", "goldstein", "fatalities", "sources",
                      "inter1", "inter2")
"""The normalised event columns :meth:`EventFiles.to_pandas` gives, in order."""


def _number(col: str) -> str:
    """A cell as a DOUBLE; NULL when empty or not a number (``nan`` and ``inf`` stay, and fail every range)."""
    return f"TRY_CAST(trim(CAST({col} AS STRING)) AS DOUBLE)"


def _whole(col: str, lo: float, hi: float, scale: int = 1) -> str:
    """A numeric cell (times ``scale``, rounded) as a BIGINT when it lies in [lo, hi]; NULL otherwise.

    Nothing is cast that does not fit, so one absurd cell cannot fail the query; ``round``
    rounds halves away from zero on both engines alike."""
    v = _number(col)
    return f"CASE WHEN {v} BETWEEN {lo} AND {hi} THEN CAST(round({v} * {scale}) AS BIGINT) END"


def _measure(col: str, measure: str, scale: int = 1) -> str:
    lo, hi = MEASURE_RANGES[measure]
    return _whole(col, lo, hi, scale)


def _bad(*cells: tuple[str, str]) -> str:
    """1 when one of the (column, measure) cells holds text that is not a number in the measure's range."""
    tests = []
    for col, measure in cells:
        lo, hi = MEASURE_RANGES[measure]
        tests.append(f"(NULLIF(trim(CAST({col} AS STRING)), '') IS NOT NULL "
                     f"AND NOT COALESCE({_number(col)} BETWEEN {lo} AND {hi}, FALSE))")
    return f"CASE WHEN {' OR '.join(tests)} THEN 1 ELSE 0 END"


def _iso_day(col: str) -> str:
    return f"TRY_CAST(substr(trim(CAST({col} AS STRING)), 1, 10) AS DATE)"


def _yyyymmdd_text(col: str) -> str:
    # Built as ISO text and cast: an impossible date (20170230) becomes NULL on both engines.
    s = f"trim(CAST({col} AS STRING))"
    return f"TRY_CAST(concat(substr({s}, 1, 4), '-', substr({s}, 5, 2), '-', substr({s}, 7, 2)) AS DATE)"


def _yyyymmdd(col: str) -> str:
    """A YYYYMMDD day: integer arithmetic for the plain eight-digit valid dates (nearly every
    row), the text route of :func:`_yyyymmdd_text` for anything else, so the result is the
    same for every input; the string building is what made the text route slow."""
    n = f"TRY_CAST(CAST({col} AS STRING) AS INT)"
    y = f"CAST(floor({n} / 10000) AS INT)"
    m = f"(CAST(floor({n} / 100) AS INT) % 100)"
    d = f"({n} % 100)"
    leap = f"(({y} % 4 = 0 AND {y} % 100 <> 0) OR {y} % 400 = 0)"
    days = f"CASE WHEN {m} = 2 THEN CASE WHEN {leap} THEN 29 ELSE 28 END WHEN {m} IN (4, 6, 9, 11) THEN 30 ELSE 31 END"
    plain = (f"{n} BETWEEN 10000101 AND 99991231 AND CAST({n} AS STRING) = CAST({col} AS STRING) "
             f"AND {m} BETWEEN 1 AND 12 AND {d} BETWEEN 1 AND {days}")
    return f"CASE WHEN {plain} THEN make_date({y}, {m}, {d}) ELSE {_yyyymmdd_text(col)} END"


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _acled_day(col: str) -> str:
    """ACLED dates: ISO ('2017-01-05') in current exports, '05 January 2017' in older ones."""
    s = f"trim(CAST({col} AS STRING))"
    month = " ".join(
        f"WHEN '{m}' THEN {i}" for i, m in enumerate(_MONTHS, start=1)
    )
    mm = f"lpad(CAST(CASE lower(substr(split_part({s}, ' ', 2), 1, 3)) {month} END AS STRING), 2, '0')"
    dmy = (
        f"TRY_CAST(concat(split_part({s}, ' ', 3), '-', {mm}, '-', "
        f"lpad(split_part({s}, ' ', 1), 2, '0')) AS DATE)"
    )
    return f"CASE WHEN substr({s}, 5, 1) = '-' THEN {_iso_day(col)} ELSE {dmy} END"


_INTER_TEXT = {
    "state forces": 1, "rebel group": 2, "rebel groups": 2, "rebel forces": 2, "political militia": 3,
    "political militias": 3, "identity militia": 4, "identity militias": 4, "communal militias": 4, "rioters": 5, "protesters": 6, "civilians": 7,
    "external/other forces": 8, "other forces": 8, "external forces": 8,
}


def _acled_inter(col: str) -> str:
    """ACLED inter codes as a number, whether written '1' or 'State forces'."""
    s = f"lower(trim(CAST({col} AS STRING)))"
    text = " ".join(f"WHEN '{k}' THEN {v}" for k, v in sorted(_INTER_TEXT.items()))
    return f"COALESCE({_whole(col, 1, 8)}, CASE {s} {text} END)"


def _quad_from_cameo(col: str) -> str:
    root = f"TRY_CAST(substr(trim(CAST({col} AS STRING)), 1, 2) AS INT)"
    return (
        f"CASE WHEN {root} BETWEEN 1 AND 5 THEN 1 WHEN {root} BETWEEN 6 AND 8 THEN 2 "
        f"WHEN {root} BETWEEN 9 AND 13 THEN 3 WHEN {root} BETWEEN 14 AND 20 THEN 4 END"
    )


def _goldstein_tenths(col: str) -> str:
    return _measure(col, "goldstein", 10)


@dataclass(frozen=True)
class EventFormat:
    """One event-data format: how to recognise it and how to normalise its rows.

    ``select`` maps each normalised column to an SQL expression over the file's
    (normalised) column names; ``separator`` splits a side into its groups.
    ``group_keys`` names the file columns that ``side1``, ``side2`` and ``quad`` are
    computed from, for formats whose sides name one group each (GDELT, ICEWS): the pass
    over the files then groups the rows by these raw texts first and normalises each
    distinct combination once, instead of once per row (same result, less work per row).
    """

    name: str
    title: str
    required: tuple[str, ...]
    select: tuple[tuple[str, str], ...]
    separator: str | None
    delimiter: str = ","
    header: bool = True
    group_keys: tuple[str, ...] = ()

    def expr(self, column: str) -> str:
        """The SQL expression of one normalised column."""
        return dict(self.select)[column]

    def query(self, table: str) -> str:
        """The normalising SELECT over a table with this format's (normalised) column names."""
        cols = ",\n  ".join(f"{expr} AS {name}" for name, expr in self.select)
        return f"SELECT\n  {cols}\nFROM {table}"


_ACLED_QUAD = (
    "CASE lower(trim(event_type)) WHEN 'battles' THEN 4 WHEN 'explosions/remote violence' THEN 4 "
    "WHEN 'violence against civilians' THEN 4 WHEN 'riots' THEN 4 WHEN 'protests' THEN 3 END"
)
_ACLED_GOLD = (
    "CASE lower(trim(event_type)) WHEN 'battles' THEN -100 WHEN 'explosions/remote violence' THEN -100 "
    "WHEN 'violence against civilians' THEN -100 WHEN 'riots' THEN -100 WHEN 'protests' THEN -65 END"
)
# The main actor and its associated actors form one side; ';' separates them.
_ACLED_SIDE = "NULLIF(concat_ws('; ', {a}, {b}), '')"

FORMATS: dict[str, EventFormat] = {
    "ged": EventFormat(
        "ged", "UCDP GED",
        required=("id", "side_a", "side_b", "date_start", "best"),
        select=(
            ("event_id", _txt("id")),
            ("day", _iso_day("date_start")),
            ("side1", _txt("side_a")),
            ("side2", _txt("side_b")),
            ("quad", "4"),
            ("goldstein", "-100"),
            ("fatalities", f"COALESCE({_measure('best', 'fatalities')}, 0)"),
            ("sources", "1"),
            ("inter1", "CAST(NULL AS BIGINT)"),
            ("inter2", "CAST(NULL AS BIGINT)"),
            ("bad_value", _bad(("best", "fatalities"))),
        ),
        separator=", ",
    ),
    "acled": EventFormat(
        "acled", "ACLED",
        required=("event_id_cnty", "event_date", "event_type", "actor1", "assoc_actor_1", "inter1",
                  "actor2", "assoc_actor_2", "inter2", "fatalities"),
        select=(
            ("event_id", _txt("event_id_cnty")),
            ("day", _acled_day("event_date")),
            ("side1", _ACLED_SIDE.format(a=_txt("actor1"), b=_txt("assoc_actor_1"))),
            ("side2", _ACLED_SIDE.format(a=_txt("actor2"), b=_txt("assoc_actor_2"))),
            ("quad", _ACLED_QUAD),
            ("goldstein", _ACLED_GOLD),
            ("fatalities", f"COALESCE({_measure('fatalities', 'fatalities')}, 0)"),
            ("sources", "1"),
            ("inter1", _acled_inter("inter1")),
            ("inter2", _acled_inter("inter2")),
            ("bad_value", _bad(("fatalities", "fatalities"))),
        ),
        separator=";",
    ),
    "gdelt": EventFormat(
        "gdelt", "GDELT 2.0 events",
        required=("globaleventid", "day", "actor1code", "actor1name", "actor2code", "actor2name",
                  "quadclass", "goldsteinscale", "numsources"),
        select=(
            ("event_id", _txt("globaleventid")),
            ("day", _yyyymmdd("day")),
            # Code and name together: the mapping looks at the name, then the CAMEO code prefix.
            ("side1", "NULLIF(concat_ws('|', COALESCE(trim(actor1code), ''), COALESCE(trim(actor1name), '')), '|')"),
            ("side2", "NULLIF(concat_ws('|', COALESCE(trim(actor2code), ''), COALESCE(trim(actor2name), '')), '|')"),
            ("quad", _whole("quadclass", 1, 4)),
            ("goldstein", _goldstein_tenths("goldsteinscale")),
            ("fatalities", "0"),
            ("sources", f"COALESCE({_measure('numsources', 'sources')}, 1)"),
            ("inter1", "CAST(NULL AS BIGINT)"),
            ("inter2", "CAST(NULL AS BIGINT)"),
            ("bad_value", _bad(("goldsteinscale", "goldstein"), ("numsources", "sources"))),
        ),
        separator=None,
        delimiter="\t",
        header=False,
        group_keys=("actor1code", "actor1name", "actor2code", "actor2name", "quadclass"),
    ),
    "icews": EventFormat(
        "icews", "ICEWS",
        required=("event_id", "event_date", "source_name", "cameo_code", "intensity", "target_name"),
        select=(
            ("event_id", _txt("event_id")),
            ("day", _iso_day("event_date")),
            ("side1", _txt("source_name")),
            ("side2", _txt("target_name")),
            ("quad", _quad_from_cameo("cameo_code")),
            ("goldstein", _goldstein_tenths("intensity")),
            ("fatalities", "0"),
            ("sources", "1"),
            ("inter1", "CAST(NULL AS BIGINT)"),
            ("inter2", "CAST(NULL AS BIGINT)"),
            ("bad_value", _bad(("intensity", "goldstein"))),
        ),
        separator=None,
        delimiter="\t",
        group_keys=("source_name", "target_name", "cameo_code"),
    ),
}
"""Format name -> :class:`EventFormat` (``ged``, ``acled``, ``gdelt``, ``icews``)."""

_SQLDATE_SELECT = tuple(
    (n, _yyyymmdd("sqldate") if n == "day" else e) for n, e in FORMATS["gdelt"].select
)


# ---------------------------------------------------------------------- files
DATA_EXTENSIONS = (".csv", ".tsv", ".tab", ".txt", ".gz", ".parquet", ".pq")
"""The file name endings a folder's event files have (a folder is read for these only)."""

_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_uri(path: str | os.PathLike[str]) -> bool:
    """Whether a path is a URI with a scheme (``file://``, ``hdfs://``, ``s3a://``...), not a local path.

    Examples
    --------
    >>> is_uri("hdfs://namenode:8020/gdelt/2019/"), is_uri("file:///data/x.csv")
    (True, True)
    >>> is_uri("/data/x.csv"), is_uri("C:/data/x.csv"), is_uri("a:b.csv")
    (False, False, False)
    """
    text = os.fspath(check_instance(path, (str, os.PathLike), "path", "a path or URI (text)"))
    return isinstance(text, str) and bool(_URI.match(text))


def check_event_paths(paths: object) -> None:
    """Check a ``paths`` argument: a path, a glob or a folder (str or path-like), or a list of them.

    Examples
    --------
    >>> check_event_paths(["a.csv", "b.csv"])
    >>> check_event_paths(None)
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterTypeError: paths must be a path, a glob or a folder, or a list of them, not None
    """
    if isinstance(paths, str | os.PathLike):
        check_path(paths, "paths")
    elif isinstance(paths, Iterable) and not isinstance(paths, bytes | Mapping):
        check_items(paths, "paths", check_path, item="an event file path")
    else:
        raise ParameterTypeError(f"paths must be a path, a glob or a folder, or a list of them, not {shown(paths)}")


def expand_paths(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[str]:
    """Files named by paths, folders (every data file inside, recursively) and globs; sorted.

    Raises
    ------
    EventDataError
        When a path matches nothing.

    Examples
    --------
    >>> expand_paths([])
    Traceback (most recent call last):
    ...
    alliances.errors.EventDataError: no event files given
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out: list[str] = []
    for p in paths:
        text = os.fspath(p)
        if is_uri(text):
            raise EventDataError(f"{text}: a URI is read by the Spark engine (--engine spark), not as a local file")
        if os.path.isdir(text):
            found = sorted(
                str(f) for f in Path(text).rglob("*")
                if f.is_file() and not f.name.startswith(".") and f.name.lower().endswith(DATA_EXTENSIONS)
            )
            if not found:
                raise EventDataError(f"{text}: the folder holds no event files (.csv, .tsv, .gz, .parquet)")
            out.extend(found)
        elif os.path.isfile(text):
            out.append(text)
        elif glob.has_magic(text):
            found = sorted(f for f in glob.glob(text, recursive=True) if os.path.isfile(f))
            if not found:
                raise EventDataError(f"{text}: the pattern matches no file")
            out.extend(found)
        else:
            raise EventDataError(f"{text}: no such file or folder")
    if not out:
        raise EventDataError("no event files given")
    return sorted(dict.fromkeys(out))


def is_parquet(path: str) -> bool:
    """Whether a file name says Parquet (``.parquet``, ``.pq``).

    Examples
    --------
    >>> is_parquet("events.PQ"), is_parquet("events.csv.gz")
    (True, False)
    """
    return path.lower().endswith((".parquet", ".pq"))


def first_line(path: str) -> str:
    """The first line of a text file (gzip-compressed or not)."""
    opener = gzip.open if path.lower().endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8-sig", errors="replace", newline="") as fh:
            return fh.readline().rstrip("\r\n")
    except (OSError, EOFError) as exc:
        raise EventDataError(f"{path}: cannot read: {exc}") from None


@dataclass(frozen=True)
class FileLayout:
    """What the readers need to know about a set of text files of one format."""

    format: EventFormat
    delimiter: str
    header: bool
    columns: tuple[str, ...]  # normalised names, in file order


def detect_format(files: Sequence[str], *, format: str | None = None, parquet_columns: Sequence[str] | None = None,
                  read_line: Callable[[str], str] | None = None) -> FileLayout:
    """Recognise the format of event files from their header (GDELT: from its column count).

    Parameters
    ----------
    files : sequence of str
        Files of one format (all text, or all Parquet).
    format : {'ged', 'acled', 'gdelt', 'icews'}, optional
        Skip recognition; the columns are still checked.
    parquet_columns : sequence of str, optional
        The column names of Parquet files (read by the engine).
    read_line : callable, optional
        ``read_line(path)`` gives a text file's first line (default :func:`first_line`,
        for local files; an engine's ``first_line`` reads URIs).

    Returns
    -------
    FileLayout

    Raises
    ------
    EventDataError
        Unknown format, missing columns, or files whose headers differ.
    """
    files = list(check_items(files, "files", check_path, item="an event file path"))
    if not files:
        raise ParameterError("files is empty: give at least one event file")
    check_instance(format, (str, type(None)), "format", "an event format name (ged, acled, gdelt, icews) or None")
    if read_line is not None and not callable(read_line):
        raise ParameterTypeError(f"read_line must be a function of a path, not {shown(read_line)}")
    if parquet_columns is not None:
        parquet_columns = [str(check_text(c, "a column name")) for c in check_items(
            parquet_columns, "parquet_columns", lambda v, n: v, item="a column name")]
    if format is not None and format not in FORMATS:
        raise EventDataError(f"unknown event format {format!r} (expected one of: {', '.join(FORMATS)})")
    if parquet_columns is not None:
        return _layout(files[0], tuple(parquet_columns), ",", True, format)
    layouts = []
    for path in files:
        line = (read_line or first_line)(path)
        if not line.strip():
            raise EventDataError(f"{path}:1: empty file")
        delimiter = "\t" if line.count("\t") >= max(1, line.count(",")) else ","
        fields = line.split(delimiter)
        looks_headless = fields[0].strip().isdigit() and len(fields) in (57, 58, 61)
        if looks_headless and format in (None, "gdelt"):
            base = GDELT2_COLUMNS if len(fields) == 61 else GDELT1_COLUMNS[: len(fields)]
            layouts.append(FileLayout(FORMATS["gdelt"], "\t", False, tuple(_norm(c) for c in base)))
            continue
        layouts.append(_layout(path, tuple(f.strip('"') for f in fields), delimiter, True, format))
    first = layouts[0]
    for path, lay in zip(files[1:], layouts[1:], strict=True):
        if lay.format.name != first.format.name:
            raise EventDataError(
                f"{path}:1: this file is {lay.format.title} but {files[0]} is {first.format.title}: "
                "read one format at a time")
        if lay.columns != first.columns or lay.delimiter != first.delimiter:
            raise EventDataError(f"{path}:1: the columns differ from those of {files[0]}")
    return first


def _layout(path: str, raw: tuple[str, ...], delimiter: str, header: bool, format: str | None) -> FileLayout:
    """The layout of a file with a header: its format, and its columns' normalised names (checked)."""
    names = tuple(_norm(c) for c in raw)
    have = set(names)
    if format is None:
        if {"side_a", "side_b", "type_of_violence"} <= have:
            format = "ged"
        elif {"actor1", "event_type", "event_date"} <= have:
            format = "acled"
        elif {"source_name", "target_name", "cameo_code"} <= have:
            format = "icews"
        elif "globaleventid" in have and "quadclass" in have:
            format = "gdelt"
        else:
            raise EventDataError(
                f"{path}:1: cannot tell the event format from the header "
                f"({', '.join(names[:6])}{', ...' if len(names) > 6 else ''}): "
                "give --format ged, acled, gdelt or icews")
    fmt = FORMATS[format]
    if fmt.name == "gdelt" and "day" not in have and "sqldate" in have:
        fmt = replace(fmt, required=tuple("sqldate" if c == "day" else c for c in fmt.required),
                      select=_SQLDATE_SELECT, delimiter=delimiter, header=header)
    missing = [c for c in fmt.required if c not in have]
    if missing:
        raise EventDataError(f"{path}:1: {fmt.title} file lacks the column(s) {', '.join(missing)}")
    return FileLayout(fmt, delimiter, header, _distinct_columns(path, raw, names, fmt))


def _distinct_columns(path: str, raw: tuple[str, ...], names: tuple[str, ...], fmt: EventFormat) -> tuple[str, ...]:
    """Normalised column names, one per column: two columns read as one that the format uses are an error.

    ``Side A`` beside ``side_a`` (both read as ``side_a``) would leave it to chance which
    one is used. A column the format does not use, or whose name has no letter or digit,
    gets a name of its own instead (``_c7`` for the 7th column: no normalised name starts
    with ``_``), so that such files are still read.

    Raises
    ------
    EventDataError
        Naming every pair of columns that collide (``file:1``).
    """
    first: dict[str, int] = {}
    out: list[str] = []
    clashes: list[str] = []
    for i, (column, name) in enumerate(zip(raw, names, strict=True)):
        if name and name not in first:
            first[name] = i
            out.append(name)
            continue
        if name in fmt.required:
            j = first[name]
            clashes.append(f"columns {j + 1} ({raw[j]!r}) and {i + 1} ({column!r}) both read as {name!r}")
        out.append(f"_c{i + 1}")
    if clashes:
        raise EventDataError(f"{path}:1: {'; '.join(clashes)}: rename or remove one of each")
    return tuple(out)
