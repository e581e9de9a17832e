"""Hostile event files, for the tests of both engines: names that would run SQL if pasted into it.

Every name is built around a ``target`` path: if any of them ever reached the engine as
SQL text, a ``COPY ... TO`` would write that file. The tests check that no file appears
anywhere they can see (the target, the folders the files are in, the current folder).
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import Any

import pandas as pd

from tests.events._helpers import EVENTS


def hostile_names(target: Path) -> list[str]:
    """Column, file or actor names that close a quote and run ``COPY ... TO target`` (DuckDB and Spark SQL)."""
    t = str(target)
    return [
        # closes the double quote of "{column}" and runs a second statement (the old DuckDB code did)
        f'x" FROM (SELECT 1 AS x); COPY (SELECT 42 AS x) TO \'{t}\'; SELECT "id',
        f"x'); COPY (SELECT 1 AS x) TO '{t}'; --",
        f"x`; CACHE TABLE pwn AS SELECT 1; INSERT OVERWRITE DIRECTORY '{t}' SELECT 1; --",  # Spark's backticks
        f'back\\"slash\\\'; COPY (SELECT 1) TO \'{t}\'',
        f'new\nline"; COPY (SELECT 1) TO \'{t}\'; --',
    ]


def ged_rows() -> tuple[list[str], list[list[str]]]:
    """The header and rows of the UCDP GED fixture (9 events)."""
    text = (EVENTS / "ged_sample.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    return rows[0], rows[1:]


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows([header, *rows])
    return path


def write_parquet(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    """A Parquet file with exactly these column names (written through DuckDB's relational API)."""
    import duckdb

    frame = pd.DataFrame(rows, columns=pd.Index(header, dtype=object))
    con = duckdb.connect()
    try:
        con.from_df(frame).write_parquet(str(path))
    finally:
        con.close()
    return path


def hostile_parquet(folder: Path, target: Path) -> Path:
    """The GED fixture as Parquet, with a hostile extra column first and after every fifth column."""
    header, rows = ged_rows()
    names = hostile_names(target)
    cols = [names[0], *header]
    for k, name in enumerate(names[1:], start=1):
        cols.insert(5 * k + 1, name)
    order = [header.index(c) if c in header else -1 for c in cols]
    out = [[r[i] if i >= 0 else "noise" for i in order] for r in rows]
    return write_parquet(folder / "hostile.parquet", cols, out)


def files_under(*folders: Path) -> set[str]:
    """Every file and folder below the folders (to see that nothing was written)."""
    seen = set()
    for folder in folders:
        for root, dirs, files in os.walk(folder):
            seen.update(os.path.join(root, n) for n in [*dirs, *files])
    return seen


def same_relations(a: Any, b: Any) -> None:
    """Two relations results agree: table, unmapped names and counts."""
    pd.testing.assert_frame_equal(a.table, b.table)
    pd.testing.assert_frame_equal(a.unmapped, b.unmapped)
    assert a.stats == b.stats
