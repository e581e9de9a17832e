"""alliances.events._formats: recognising the four formats and normalising their rows.

Expected values are read off the fixture files in tests/data/events/ by hand.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re

import pandas as pd
import pytest

from alliances.errors import EventDataError
from alliances.events import FORMATS, detect_format, read_events, relations_over_time
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


# ---------------------------------------------------------------- careless and hostile files


def _ged_file(tmp_path, name, header, rows):
    import csv

    path = tmp_path / name
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows([header, *rows])
    return path


def _ged(n):
    """A plain GED header and n rows, one event each between two scenario actors in January 2017."""
    header = ["id", "side_a", "side_b", "type_of_violence", "date_start", "best"]
    return header, [[str(i), "Government of Syria", "Syrian insurgents", "1", f"2017-01-{i + 1:02d}", "1"]
                    for i in range(n)]


def test_columns_that_read_as_one_used_name_are_refused(tmp_path):
    header, rows = _ged(2)
    dup = _ged_file(tmp_path, "dup.csv", [*header, "Side A", "SIDE-A"], [[*r, "x", "y"] for r in rows])
    with pytest.raises(EventDataError) as err:
        read_events(dup)
    assert str(err.value) == (
        f"{dup}:1: columns 2 ('side_a') and 7 ('Side A') both read as 'side_a'; columns 2 ('side_a') and 8 "
        "('SIDE-A') both read as 'side_a': rename or remove one of each")
    from tests.events._hostile import write_parquet

    # (DuckDB itself renames a Parquet column that differs from another in case only: best, best_1)
    pq = write_parquet(tmp_path / "dup.parquet", ["Best!", *header], [["9", *r] for r in rows])
    with pytest.raises(EventDataError, match=r"dup\.parquet:1: columns 1 \('Best!'\) and 7 \('best'\) both read as 'best'"):
        read_events(pq)


def test_unused_repeated_or_nameless_columns_are_read(tmp_path, net):
    header, rows = _ged(3)
    odd = _ged_file(tmp_path, "odd.csv", [*header, "notes", "Notes", "", "!!"], [[*r, "a", "b", "c", "d"] for r in rows])
    ev = read_events(odd)
    assert ev.layout.columns[-4:] == ("notes", "_c8", "_c9", "_c10")
    plain = _ged_file(tmp_path, "plain.csv", header, rows)
    assert relations_over_time(odd, net).table.equals(relations_over_time(plain, net).table)


def test_bad_numbers_are_counted_and_taken_as_missing(tmp_path, net):
    """One absurd cell never rejects a file (the old code failed on best=1e19): it counts as a bad value."""
    cells = ["1e19", "nan", "inf", "-4", "lots", "10000001", "", " 7 ", "2.5", "10000000"]
    header, rows = _ged(len(cells))
    for r, cell in zip(rows, cells, strict=True):
        r[-1] = cell
    path = _ged_file(tmp_path, "big.csv", header, rows)
    assert read_events(path).to_pandas()["fatalities"].tolist() == [0, 0, 0, 0, 0, 0, 0, 7, 3, 10_000_000]
    rel = relations_over_time(path, net)
    assert rel.stats["bad_value"] == 6 and rel.stats["rows"] == 10
    assert int(rel.table["events"].sum()) == 10 and int(rel.table["fatalities"].sum()) == 10_000_010
    assert rel.notes == ["6 row(s) hold a death count, Goldstein weight or source count that is not a number in "
                         "its range: those values were taken as missing, the rows still count"]


def test_bad_goldstein_sources_and_quad_classes(tmp_path, net):
    lines = (EVENTS / "20170105.export.CSV").read_text().splitlines()
    fields = [line.split("\t") for line in lines]
    quad, gold, sources = (GDELT2_COLUMNS.index(c) for c in ("QuadClass", "GoldsteinScale", "NumSources"))
    fields[0][gold], fields[1][sources], fields[2][quad] = "99", "1e19", "1e19"
    path = tmp_path / "20170105.export.CSV"
    path.write_text("\n".join("\t".join(f) for f in fields) + "\n")
    ev = read_events(path).to_pandas(limit=None).set_index("event_id")
    assert pd.isna(ev.loc["410000001", "goldstein"]) and ev.loc["410000002", "sources"] == 1
    assert pd.isna(ev.loc["410000003", "quad"])  # unclassified, as any quad class outside 1-4
    assert relations_over_time(path, net, mapping=EVENTS / "mapping.yaml").stats["bad_value"] == 2
    icews = (EVENTS / "icews_sample.tab").read_text().replace("\t7.4\t", "\t-11\t", 1)
    (tmp_path / "icews.tab").write_text(icews)
    assert relations_over_time(tmp_path / "icews.tab", net).stats["bad_value"] == 1
