"""alliances.events._formats: recognising the four formats and normalising their rows.

Expected values are read off the fixture files in tests/data/events/ by hand.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re

import pytest

from alliances.errors import EventDataError
from alliances.events import FORMATS, detect_format, read_events
from alliances.events._formats import GDELT2_COLUMNS, expand_paths, first_line, is_parquet
from tests.events._helpers import EVENTS


@pytest.mark.parametrize("name, fmt", [("ged_sample.csv", "ged"), ("acled_numeric.csv", "acled"),
                                       ("acled_text.csv", "acled"), ("20170105.export.CSV", "gdelt"),
                                       ("icews_sample.tab", "icews")])
def test_format_detected_from_header(name, fmt):
    layout = detect_format([str(EVENTS / name)])
    assert layout.format.name == fmt
    assert layout.delimiter == ("\t" if fmt in ("gdelt", "icews") else ",")
    assert layout.header == (fmt != "gdelt")


def test_gdelt_without_header_gets_the_61_column_names():
    layout = detect_format([str(EVENTS / "20170105.export.CSV")])
    assert len(layout.columns) == 61 == len(GDELT2_COLUMNS)
    assert layout.columns[0] == "globaleventid" and layout.columns[29] == "quadclass"


def test_unknown_and_incomplete_headers(tmp_path):
    odd = tmp_path / "odd.csv"
    odd.write_text("a,b,c\n1,2,3\n")
    with pytest.raises(EventDataError, match="odd.csv:1: cannot tell the event format"):
        detect_format([str(odd)])
    with pytest.raises(EventDataError, match="lacks the column"):
        detect_format([str(odd)], format="ged")
    with pytest.raises(EventDataError, match="unknown event format 'cameo'"):
        detect_format([str(odd)], format="cameo")
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    with pytest.raises(EventDataError, match="empty file"):
        detect_format([str(empty)])


def test_files_of_two_formats_are_refused():
    with pytest.raises(EventDataError, match="read one format at a time"):
        detect_format([str(EVENTS / "ged_sample.csv"), str(EVENTS / "icews_sample.tab")])


def test_acled_inter_codes_as_numbers_or_text():
    num = read_events(EVENTS / "acled_numeric.csv").to_pandas()
    txt = read_events(EVENTS / "acled_text.csv").to_pandas()
    assert num["inter1"].tolist() == [1, 8, 6, 8, 2] == txt["inter1"].tolist()
    assert num["inter2"].tolist()[:2] == [2, 2] and txt["inter2"].tolist()[4] == 7
    assert num["day"].tolist() == txt["day"].tolist()  # "05 January 2017" == "2017-01-05"


def test_ged_rows_normalised_by_hand():
    ev = read_events(EVENTS / "ged_sample.csv").to_pandas()
    first = ev.iloc[0]
    assert (first.event_id, first.day, first.side1, first.side2) == (
        "1001", dt.date(2017, 1, 3), "Government of Syria", "Syrian insurgents")
    # UCDP records violence only: material conflict, Goldstein -10.0 (in tenths), deaths from "best"
    assert (first.quad, first.goldstein, first.fatalities, first.sources) == (4, -100, 5, 1)
    assert ev["day"].isna().sum() == 1  # "not a date"


def test_expand_paths_folders_globs_and_missing(tmp_path):
    (tmp_path / "b.csv").write_text("x")
    (tmp_path / "a.csv.gz").write_bytes(gzip.compress(b"x"))
    (tmp_path / "notes.md").write_text("not data")
    (tmp_path / ".hidden.csv").write_text("x")
    got = expand_paths(tmp_path)
    assert [p.rsplit("/", 1)[1] for p in got] == ["a.csv.gz", "b.csv"]
    assert expand_paths([tmp_path / "b.csv", str(tmp_path / "*.csv")]) == [str(tmp_path / "b.csv")]
    with pytest.raises(EventDataError, match="no such file or folder"):
        expand_paths(tmp_path / "missing.csv")
    with pytest.raises(EventDataError, match="matches no file"):
        expand_paths(str(tmp_path / "*.parquet"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(EventDataError, match="holds no event files"):
        expand_paths(tmp_path / "empty")


def test_first_line_of_plain_and_gzip_files(tmp_path):
    (tmp_path / "a.csv").write_text("\ufeffid,side_a\r\n1,x\n", encoding="utf-8")
    with gzip.open(tmp_path / "a.csv.gz", "wt", encoding="utf-8") as fh:
        fh.write("id,side_a\n1,x\n")
    assert first_line(str(tmp_path / "a.csv")) == "id,side_a" == first_line(str(tmp_path / "a.csv.gz"))
    assert is_parquet("x.parquet") and is_parquet("X.PQ") and not is_parquet("x.csv")


# ---------------------------------------------------------------- the fast routes give the same answers

def test_yyyymmdd_integer_route_equals_text_route():
    """GDELT days: the integer route (plain eight-digit dates) agrees with the text route and
    with Python's calendar on every month/day combination, leap years included."""
    import duckdb

    from alliances.events._formats import (  # private on purpose: two routes, one answer
        _yyyymmdd,
        _yyyymmdd_text,
    )

    texts = [f"{y:04d}{m:02d}{d:02d}" for y in (999, 1000, 1900, 2000, 2016, 2017, 2100, 9999)
             for m in range(14) for d in range(33)]
    texts += [" 20170105", "20170105 ", "2017010", "201701055", "+2017010", "2017-01-05", "1.0001e7", "2.017e07",
              "020170105", "-20170105", "20170105120000", "abc", ""]
    values = ", ".join(f"('{t}')" for t in texts) + ", (NULL)"
    got = duckdb.sql(f"SELECT x, {_yyyymmdd('x')} AS fast, {_yyyymmdd_text('x')} AS text "
                     f"FROM (VALUES {values}) t(x)").fetchall()
    assert len(got) == len(texts) + 1
    for x, fast, text in got:
        assert fast == text, x
        if x and x.isdigit() and len(x) == 8 and x >= "1000":
            try:
                truth = dt.date(int(x[:4]), int(x[4:6]), int(x[6:]))
            except ValueError:
                truth = None
            assert fast == truth, x


def test_group_keys_name_every_column_the_sides_and_quad_use():
    from alliances.events._formats import _norm  # private on purpose: the column-name rule

    icews = (EVENTS / "icews_sample.tab").read_text().splitlines()[0].split("\t")
    names = {_norm(c) for c in (*GDELT2_COLUMNS, "SQLDATE", *icews)}
    for fmt in FORMATS.values():
        if not fmt.group_keys:
            continue
        used = {w for c in ("side1", "side2", "quad") for w in re.findall(r"[a-z_0-9]+", fmt.expr(c)) if w in names}
        assert used and used <= set(fmt.group_keys), fmt.name
