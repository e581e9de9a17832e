"""alliances.events._relations: event files to relations per pair and window, and writing the table.

Expected values are counted by hand from the fixture files in tests/data/events/ and,
for the Syria checks, from the known course of the war.
"""

from __future__ import annotations

import gzip
import shutil

import pandas as pd
import pytest

from alliances.errors import EventDataError, OutputError
from alliances.events import (
    COLUMNS,
    EventRelations,
    check_table_output,
    read_events,
    relations_over_time,
    write_table,
)
from tests.events._helpers import EVENTS, D, rows, series


def test_ged_counts_by_hand(net):
    rel = relations_over_time(EVENTS / "ged_sample.csv", net)
    assert isinstance(rel, EventRelations) and (rel.format, rel.method) == ("ged", "net_cooperation")
    jan, feb = rows(rel, D(2017, 1, 1)), rows(rel, D(2017, 2, 1))
    assert set(jan) == {("assad", "rebels"), ("hts", "islamic_state"), ("hts", "rebels"), ("islamic_state", "rebels")}
    r = jan["assad", "rebels"]
    assert (r.events, r.fatalities, r.stance, r.score, r.window_end) == (2, 7, "enemy", -1.0, D(2017, 1, 31))
    # "Ahrar al-Sham, HTS, Southern Front" fought IS together: a same-side observation, positive.
    r = jan["hts", "rebels"]
    assert (r.same_side, r.material_cooperation, r.fatalities, r.stance) == (1, 1, 0, "ally")
    assert feb["hts", "rebels"].stance == "enemy"  # Ahrar al-Sham - HTS
    assert (feb["islamic_state", "turkey"].events, feb["islamic_state", "turkey"].fatalities) == (2, 14)
    assert rel.stats == {"bad_date": 1, "bad_value": 0, "one_sided": 0, "out_of_range": 0, "rows": 9, "within_actor": 0}
    # One-sided violence names "Civilians": listed, with the other unmapped groups.
    assert rel.unmapped.to_dict("records") == [
        {"name": "Civilians", "events": 1}, {"name": "Liwa al-Aqsa", "events": 1},
        {"name": "Southern Front", "events": 1}]
    assert list(rel.table.columns) == [*COLUMNS, "fighting"]
    assert rel.windows() == [(D(2017, 1, 1), D(2017, 1, 31)), (D(2017, 2, 1), D(2017, 2, 28))]


def test_within_actor_observations_are_counted_not_paired(net, tmp_path):
    # SNA and Ahrar al-Sham are both the rebels: their fight is within one actor, not a pair
    path = tmp_path / "ged.csv"
    path.write_text("id,side_a,side_b,type_of_violence,date_start,best\n"
                    "1,SNA,Ahrar al-Sham,2,2017-01-05,3\n"
                    "2,\"SNA, HTS\",Ahrar al-Sham,2,2017-01-06,1\n")
    rel = relations_over_time(path, net)
    assert rel.stats["within_actor"] == 2
    r = rows(rel)["hts", "rebels"]  # event 2: HTS against the rebels, and HTS beside the rebels (SNA)
    assert (r.events, r.material_conflict, r.same_side, r.stance) == (1, 1, 1, "ambivalent")
    assert all(r.a != r.b for r in rel.table.itertuples())


def test_acled_text_and_numbers_give_one_table(net):
    a = relations_over_time(EVENTS / "acled_numeric.csv", net, mapping=EVENTS / "mapping.yaml")
    b = relations_over_time(EVENTS / "acled_text.csv", net, mapping=EVENTS / "mapping.yaml")
    pd.testing.assert_frame_equal(a.table, b.table)
    jan = rows(a, D(2017, 1, 1))
    # HTS with associated actors "Ahrar al-Sham; Jaysh al-Izza": both sides fought, HTS and rebels together.
    assert jan["assad", "hts"].stance == jan["assad", "rebels"].stance == "enemy"
    assert jan["hts", "rebels"].same_side == 1
    assert jan["islamic_state", "russia"].fatalities == 4
    assert rows(a, D(2017, 2, 1))["rebels", "turkey"].stance == "ally"  # Turkey with the SNA
    assert a.unmapped["name"].tolist() == ["Civilians (Syria)", "Jaysh al-Izza", "Protesters (Syria)"]
    assert a.stats["one_sided"] == 2


def test_gdelt_headerless_with_code_prefixes(net):
    rel = relations_over_time(EVENTS / "20170105.export.CSV", net, mapping=EVENTS / "mapping.yaml")
    jan = rows(rel, D(2017, 1, 1))
    assert jan["assad", "rebels"].stance == "enemy"  # SYRGOV vs SYRREB by code prefix
    assert jan["assad", "islamic_state"].stance == "enemy"  # SYRMIL code, "ISLAMIC STATE" by name
    r = jan["russia", "usa"]  # 010 make statement (+0.0) and 112 accuse (-2.0)
    assert (r.verbal_cooperation, r.verbal_conflict, r.stance, r.goldstein, r.sources) == (1, 1, "ambivalent", -1.0, 5)
    assert jan["assad", "russia"].goldstein == 1.9
    assert rel.unmapped.to_dict("records") == [{"name": "FRANCE [FRA]", "events": 1}]
    assert (rel.stats["bad_date"], rel.stats["one_sided"]) == (1, 1)


def test_icews_cameo_codes_stay_text(net):
    rel = relations_over_time(EVENTS / "icews_sample.tab", net)
    r = rows(rel, D(2017, 1, 1))["russia", "usa"]
    # "012" is root 01 (verbal cooperation); read as the number 12 it would be verbal conflict.
    assert (r.verbal_cooperation, r.verbal_conflict, r.goldstein) == (1, 1, -1.05)
    assert rows(rel, D(2017, 1, 1))["assad", "russia"].material_cooperation == 1
    assert rel.unmapped["name"].tolist() == ["Militant (Syria)"]


def test_custom_and_week_windows_on_engine(net):
    rel = relations_over_time(EVENTS / "ged_sample.csv", net, window="7d", origin=D(2017, 1, 1))
    r = rows(rel)[("islamic_state", "turkey")]
    assert (r.window_start, r.window_end, r.events) == (D(2017, 2, 19), D(2017, 2, 25), 2)
    wk = rows(relations_over_time(EVENTS / "ged_sample.csv", net, window="week"))
    assert wk["islamic_state", "turkey"].window_start == D(2017, 2, 20)  # a Monday


def test_parquet_gzip_folder_and_glob_read_alike(net, tmp_path):
    import duckdb

    base = relations_over_time(EVENTS / "ged_sample.csv", net).table
    gz = tmp_path / "ged.csv.gz"
    with open(EVENTS / "ged_sample.csv", "rb") as src, gzip.open(gz, "wb") as dst:
        shutil.copyfileobj(src, dst)
    pq = tmp_path / "pq" / "ged.parquet"
    pq.parent.mkdir()
    duckdb.sql(f"COPY (SELECT * FROM read_csv('{EVENTS / 'ged_sample.csv'}')) TO '{pq}' (FORMAT parquet)")
    for src in (gz, pq, pq.parent, str(tmp_path / "*.csv.gz")):
        pd.testing.assert_frame_equal(relations_over_time(src, net).table, base)
    half = tmp_path / "split"
    half.mkdir()
    lines = (EVENTS / "ged_sample.csv").read_text().splitlines(keepends=True)
    (half / "a.csv").write_text("".join(lines[:5]))
    (half / "b.csv").write_text(lines[0] + "".join(lines[5:]))
    pd.testing.assert_frame_equal(relations_over_time(half, net).table, base)


def test_bad_parameters_fail_before_reading(net, tmp_path):
    missing = tmp_path / "missing.csv"
    with pytest.raises(EventDataError, match="unknown scoring method"):
        relations_over_time(missing, net, method="tone")
    with pytest.raises(EventDataError, match="unknown window"):
        relations_over_time(missing, net, window="fortnight")
    with pytest.raises(EventDataError, match="no such file"):
        relations_over_time(missing, net)


def test_event_files_object_reused(net):
    ev = read_events(EVENTS / "ged_sample.csv")
    assert ev.count() == 9
    a = relations_over_time(ev, net)
    b = relations_over_time(ev, net, window="year")  # the caller's engine stays open
    assert a.table["events"].sum() == b.table["events"].sum()
    assert ev.count() == 9


# ---------------------------------------------------------------- progress

def test_progress_bar_on_a_terminal_gives_the_same_table(net, monkeypatch):
    import sys

    plain = relations_over_time(EVENTS / "ged_sample.csv", net).table
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    shown = relations_over_time(EVENTS / "ged_sample.csv", net, progress=True).table
    pd.testing.assert_frame_equal(plain, shown)


def test_progress_callback_hears_the_pass_over_the_files(net):
    seen: list[tuple[int, int]] = []
    relations_over_time(EVENTS / "ged_sample.csv", net, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (100, 100) and all(t == 100 for _, t in seen)
    later: list[tuple[int, int]] = []  # given to read_events, used by relations_over_time
    ev = read_events(EVENTS / "ged_sample.csv", progress=lambda d, t: later.append((d, t)))
    relations_over_time(ev, net)
    assert later[-1] == (100, 100)


def test_progress_must_be_a_callback_or_a_bool(net):
    with pytest.raises(Exception, match="progress must be a callable"):
        relations_over_time(EVENTS / "ged_sample.csv", net, progress="yes")  # type: ignore[arg-type]


# ---------------------------------------------------------------- writing the table

def test_write_table_csv_gzip_and_parquet(net, tmp_path):
    import duckdb

    rel = relations_over_time(EVENTS / "ged_sample.csv", net)
    assert write_table(rel.table, tmp_path / "r.csv") == "csv"
    assert write_table(rel.table, tmp_path / "r.csv.gz") == "csv"
    assert write_table(rel.table, tmp_path / "r.parquet") == "parquet"
    back = pd.read_csv(tmp_path / "r.csv")
    assert back.columns.tolist() == [*COLUMNS, "fighting"] and len(back) == len(rel.table)
    assert back["window_start"].iloc[0] == "2017-01-01"  # dates as ISO text
    assert gzip.decompress((tmp_path / "r.csv.gz").read_bytes()) == (tmp_path / "r.csv").read_bytes()
    pq = duckdb.sql(f"SELECT * FROM '{tmp_path / 'r.parquet'}'").df()
    assert pq["window_start"].iloc[0].date() == D(2017, 1, 1)  # a DATE column
    assert pq["score"].tolist() == rel.table["score"].tolist()


def test_check_table_output_before_any_work(tmp_path):
    assert check_table_output(tmp_path / "r.CSV") == "csv"
    assert check_table_output(tmp_path / "r.pq") == "parquet"
    with pytest.raises(OutputError, match=r"unknown extension '\.xlsx' \(use \.csv, \.csv\.gz, \.parquet or \.pq\)"):
        check_table_output(tmp_path / "r.xlsx")
    with pytest.raises(OutputError, match="does not exist"):
        check_table_output(tmp_path / "missing" / "r.csv")
    with pytest.raises(OutputError, match="unknown extension"):
        write_table(pd.DataFrame(), tmp_path / "r.json")
    assert not (tmp_path / "r.json").exists()


# ---------------------------------------------------------------- the real Syria file

def test_syria_sdf_against_is_peaks_with_raqqa(syria):
    _, rel = syria
    s = series(rel, "islamic_state", "sdf")
    assert len(s) == 47 and set(s["stance"]) == {"enemy"}
    peak = s["events"].idxmax()
    assert D(2017, 3, 1) <= peak <= D(2017, 10, 1)  # the Raqqa campaign (June-October 2017) and its approach
    in_2017 = s[(s.index >= D(2017, 1, 1)) & (s.index <= D(2017, 12, 1))]["events"].mean()
    assert in_2017 > 2 * s[s.index >= D(2018, 1, 1)]["events"].mean()


def test_syria_government_against_rebels_every_month(syria):
    _, rel = syria
    s = series(rel, "assad", "syrian_rebels")
    assert len(s) == 47 and set(s["stance"]) == {"enemy"} and s["events"].min() >= 20


def test_syria_turkey_against_is_late_2016_early_2017(syria):
    _, rel = syria
    s = series(rel, "islamic_state", "turkey")
    for m in (D(2016, 11, 1), D(2016, 12, 1), D(2017, 1, 1), D(2017, 2, 1)):
        assert s.loc[m, "stance"] == "enemy" and s.loc[m, "events"] >= 19
    assert s.index.max() <= D(2017, 4, 1)  # Euphrates Shield ended in March 2017


def test_syria_hts_and_rebels_allied_then_fighting(syria):
    _, rel = syria
    s = series(rel, "hts", "syrian_rebels")
    early = s[s.index < D(2017, 1, 1)]["stance"]
    assert (early == "ally").sum() >= 6
    assert s.loc[D(2019, 1, 1), "stance"] == "enemy"  # HTS's offensive on the NLF, January 2019


def test_syria_unmapped_listed_largest_first(syria):
    _, rel = syria
    um = rel.unmapped
    assert um.iloc[0].to_dict() == {"name": "Civilians", "events": 482}
    assert um["events"].is_monotonic_decreasing and "Government of Iraq" in set(um["name"])


# ---------------------------------------------------------------- dates out of range, limits, options


def _dated_ged(tmp_path, days):
    """A GED file with one event per day given, between two scenario actors (assad, rebels)."""
    lines = ["id,side_a,side_b,type_of_violence,date_start,best"]
    lines += [f"{i},Government of Syria,Syrian insurgents,1,{day},1" for i, day in enumerate(days)]
    path = tmp_path / "dated.csv"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_dates_outside_the_range_are_counted_and_left_out(net, tmp_path):
    """Year 0, negative years and far futures become no window (year 0 was an internal error before)."""
    far = ["0000-01-05", "-001-03-01", "1899-12-31", "2101-01-01", "2150-06-01", "9999-12-31"]
    path = _dated_ged(tmp_path, ["2017-01-05", "2017-03-09", *far, "not a date"])
    rel = relations_over_time(path, net, window="month")
    assert rel.stats["out_of_range"] == 6 and rel.stats["bad_date"] == 1 and rel.stats["rows"] == 9
    assert sorted(rel.table["window_start"]) == [D(2017, 1, 1), D(2017, 3, 1)]
    assert rel.date_range == (D(1900, 1, 1), D(2100, 12, 31))
    assert len(rel.notes) == 1 and rel.notes[0].startswith(
        "6 row(s) dated outside 1900-01-01 to 2100-12-31 were left out (the earliest ")
    assert "the latest 9999-12-31); widen the date range (--date-range) to use them" in rel.notes[0]
    wide = relations_over_time(path, net, window="year", date_range="1000:8999")
    assert wide.stats["out_of_range"] == 3 and {w.year for w in wide.table["window_start"]} == {1899, 2017, 2101, 2150}
    narrow = relations_over_time(path, net, date_range=("2017-02-01", "2017-12-31"))
    assert narrow.stats["out_of_range"] == 7 and list(narrow.table["window_start"]) == [D(2017, 3, 1)]
    assert "dated outside 2017-02-01 to 2017-12-31" in narrow.notes[0] and "the earliest" in narrow.notes[0]


def test_decay_over_too_many_windows_is_refused_before_it_runs(net, tmp_path):
    path = _dated_ged(tmp_path, ["2017-01-05", "2099-03-09"])
    assert len(relations_over_time(path, net, window="day").table) == 2  # no decay: only windows with events
    span = (D(2099, 3, 9) - D(2017, 1, 5)).days + 1
    with pytest.raises(EventDataError, match=rf"the events span {span} day windows \(2017-01-05 to 2099-03-09\), "
                                             r"more than the limit of 10000 \(max_windows\); decay computes"):
        relations_over_time(path, net, window="day", half_life=2.0)
    assert len(relations_over_time(path, net, window="year", half_life=2.0).table) > 2


@pytest.mark.parametrize(("option", "message"), [
    ({"min_events": -1}, "min_events must be a whole number of events, 0 or more, not -1"),
    ({"min_events": 2.5}, "min_events must be a whole number"),
    ({"half_life": float("nan")}, "half_life must be a positive number of windows, not nan"),
    ({"half_life": float("inf")}, "half_life must be a positive number"),
    ({"half_life": "3"}, "half_life must be a positive number of windows, not '3'"),
    ({"thresholds": (float("nan"), 0.6)}, "thresholds must satisfy 0 <= low <= high <= 1"),
    ({"thresholds": "high"}, "thresholds must be two numbers (low, high), not 'high'"),
    ({"window": "99999999999d"}, "a window lasts at most 3653 days"),
    ({"window": 14}, "a window must be text such as 'month' or '14d', not 14"),
    ({"date_range": "2100:1900"}, "it ends (1900-12-31) before it starts (2100-01-01)"),
    ({"max_windows": 0}, "max_windows must be a whole number of at least 1, not 0"),
    ({"engine": "sqlite"}, "unknown engine 'sqlite'"),
])
def test_every_option_is_checked_before_any_file_is_read(net, tmp_path, option, message):
    with pytest.raises(EventDataError) as err:
        relations_over_time(tmp_path / "missing.csv", net, **option)
    assert message in str(err.value)
