"""Event data: readers, actor mapping, windows, scores, snapshots, the commands.

Expected values are counted by hand from the fixture files in tests/data/events/
(written from the UCDP GED 19.1, ACLED, GDELT 2.0 and ICEWS codebooks) and, for the
Syria checks, from the known course of the war.
"""

from __future__ import annotations

import datetime as dt
import gzip
import shutil

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import alliances
from alliances.cli import main
from alliances.errors import EventDataError, ScenarioError
from alliances.events import parse_window, read_events, relations_over_time, snapshot, write_snapshots
from alliances.events._mapping import loads_mapping
from alliances.events._relations import COLUMNS, write_table
from tests._paths import DATA, ROOT

EVENTS = DATA / "events"
GED_SYRIA = ROOT / "seeds" / "events" / "ucdp_ged_syria_2016_2019.csv.gz"
SYRIA = ROOT / "seeds" / "syria_2016_2019.yaml"
D = dt.date


@pytest.fixture(scope="module")
def net():
    return alliances.load(EVENTS / "scenario.yaml")


def rows(rel, month=None):
    t = rel.table
    if month is not None:
        t = t[t.window_start == month]
    return {(r.a, r.b): r for r in t.itertuples(index=False)}


@pytest.mark.parametrize("name, fmt", [("ged_sample.csv", "ged"), ("acled_numeric.csv", "acled"),
                                       ("acled_text.csv", "acled"), ("20170105.export.CSV", "gdelt"),
                                       ("icews_sample.tab", "icews")])
def test_format_detected_from_header(name, fmt):
    assert read_events(EVENTS / name).format == fmt


def test_ged_counts_by_hand(net):
    rel = relations_over_time(EVENTS / "ged_sample.csv", net)
    jan, feb = rows(rel, D(2017, 1, 1)), rows(rel, D(2017, 2, 1))
    assert set(jan) == {("assad", "rebels"), ("hts", "islamic_state"), ("hts", "rebels"), ("islamic_state", "rebels")}
    r = jan["assad", "rebels"]
    assert (r.events, r.fatalities, r.stance, r.score, r.window_end) == (2, 7, "enemy", -1.0, D(2017, 1, 31))
    # "Ahrar al-Sham, HTS, Southern Front" fought IS together: a same-side observation, positive.
    r = jan["hts", "rebels"]
    assert (r.same_side, r.material_cooperation, r.fatalities, r.stance) == (1, 1, 0, "ally")
    assert feb["hts", "rebels"].stance == "enemy"  # Ahrar al-Sham - HTS
    assert (feb["islamic_state", "turkey"].events, feb["islamic_state", "turkey"].fatalities) == (2, 14)
    assert rel.stats == {"bad_date": 1, "one_sided": 0, "rows": 9, "within_actor": 0}
    # One-sided violence names "Civilians": listed, with the other unmapped groups.
    assert rel.unmapped.to_dict("records") == [
        {"name": "Civilians", "events": 1}, {"name": "Liwa al-Aqsa", "events": 1},
        {"name": "Southern Front", "events": 1}]
    assert list(rel.table.columns) == list(COLUMNS)


def test_quarter_window_mixes_to_ambivalent(net):
    rel = relations_over_time(EVENTS / "ged_sample.csv", net, window="quarter")
    r = rows(rel)["hts", "rebels"]
    assert (r.window_start, r.window_end, r.score, r.stance) == (D(2017, 1, 1), D(2017, 3, 31), 0.0, "ambivalent")


def test_acled_inter_codes_as_numbers_or_text(net):
    num = read_events(EVENTS / "acled_numeric.csv").to_pandas()
    txt = read_events(EVENTS / "acled_text.csv").to_pandas()
    assert num["inter1"].tolist() == [1, 8, 6, 8, 2] == txt["inter1"].tolist()
    assert num["inter2"].tolist()[:2] == [2, 2] and txt["inter2"].tolist()[4] == 7
    assert num["day"].tolist() == txt["day"].tolist()  # "05 January 2017" == "2017-01-05"
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


def test_methods_and_min_events(net):
    kw = {"mapping": EVENTS / "mapping.yaml"}
    g = rows(relations_over_time(EVENTS / "20170105.export.CSV", net, method="goldstein", **kw))
    assert g["assad", "russia"].score == 0.19 and g["assad", "russia"].stance == "neutral"
    h = rows(relations_over_time(EVENTS / "20170105.export.CSV", net, method="hostility", **kw))
    assert h["russia", "usa"].score == 0.0 and h["assad", "rebels"].score == -1.0
    m = rows(relations_over_time(EVENTS / "20170105.export.CSV", net, min_events=2, **kw))
    assert m["assad", "rebels"].stance == "" and m["russia", "usa"].stance == "ambivalent"
    with pytest.raises(EventDataError, match="unknown scoring method"):
        relations_over_time(EVENTS / "ged_sample.csv", net, method="tone")


def test_decay_remembers_by_hand(net):
    rel = relations_over_time(EVENTS / "ged_sample.csv", net, half_life=1.0)
    t = rel.table
    r = t[(t.a == "hts") & (t.b == "rebels")].set_index("window_start")
    # January: 1 same-side; February: that halved plus 1 fight -> C = 0.5, H = 1 of N = 1.5.
    assert r.loc[D(2017, 2, 1), "score"] == round((0.5 - 1) / 1.5, 6)
    assert r.loc[D(2017, 2, 1), "confidence"] == round(1.5 / 3.5, 6)
    # March: no events, but half of February is remembered: a row with events == 0.
    assert r.loc[D(2017, 3, 1), "events"] == 0 and r.loc[D(2017, 3, 1), "stance"] != ""


def test_windows():
    assert parse_window("week").bounds(parse_week_key(D(2017, 1, 4))) == (D(2017, 1, 2), D(2017, 1, 8))
    assert parse_window("quarter").bounds(2017 * 4 + 3) == (D(2017, 10, 1), D(2017, 12, 31))
    assert parse_window("year").bounds(2016) == (D(2016, 1, 1), D(2016, 12, 31))
    assert parse_window("month").bounds(2016 * 12 + 1) == (D(2016, 2, 1), D(2016, 2, 29))
    with pytest.raises(EventDataError):
        parse_window("0d")


def parse_week_key(day):
    return ((day - D(1970, 1, 1)).days + 3) // 7


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


def test_bad_inputs(net, tmp_path):
    with pytest.raises(EventDataError, match="no such file"):
        read_events(tmp_path / "missing.csv")
    odd = tmp_path / "odd.csv"
    odd.write_text("a,b,c\n1,2,3\n")
    with pytest.raises(EventDataError, match="odd.csv:1: cannot tell the event format"):
        read_events(odd)
    with pytest.raises(EventDataError, match="lacks the column"):
        read_events(odd, format="ged")
    with pytest.raises(ScenarioError) as err:
        loads_mapping("names: {X: assad}\npatterns:\n  - {regex: '(', actor: hts}\n  - {regex: a}\n", filename="m.yaml")
    text = str(err.value)
    assert "m.yaml:3: bad regular expression" in text and "m.yaml:4:" in text
    with pytest.raises(ScenarioError, match="not in the scenario"):
        relations_over_time(EVENTS / "ged_sample.csv", net, mapping=loads_mapping("names: {X: nobody}"))


def test_snapshot_and_diff(net, tmp_path):
    rel = relations_over_time(EVENTS / "ged_sample.csv", net)
    snap = snapshot(net, rel, "2017-01-01")
    assert snap.as_of == D(2017, 1, 31)
    assert snap.stance("russia", "assad").value == "ally"  # static relation kept
    r = snap.relation("assad", "rebels")
    assert r.kind == "events" and "2 events, 7 deaths" in r.evidence[0].note and "score -1" in r.evidence[0].note
    paths = write_snapshots(net, rel, tmp_path / "snaps")
    assert [p.name for p in paths] == ["2017-01.yaml", "2017-02.yaml"]
    a, b = (alliances.load(p) for p in paths)
    d = alliances.diff_scenarios(a, b)
    got = {(x.a, x.b): (x.change, x.before, x.after) for x in d.itertuples()}
    assert got[("hts", "rebels")] == ("changed", "ally", "enemy")
    assert got[("islamic_state", "turkey")] == ("gained", "", "enemy")
    assert got[("assad", "rebels")] == ("lost", "enemy", "")
    with pytest.raises(EventDataError, match="no window contains"):
        snapshot(net, rel, "2019-01-01")


def test_write_table_csv_and_parquet(net, tmp_path):
    import duckdb

    rel = relations_over_time(EVENTS / "ged_sample.csv", net)
    write_table(rel.table, tmp_path / "r.csv")
    write_table(rel.table, tmp_path / "r.parquet")
    back = pd.read_csv(tmp_path / "r.csv")
    assert back.columns.tolist() == list(COLUMNS) and len(back) == len(rel.table)
    pq = duckdb.sql(f"SELECT * FROM '{tmp_path / 'r.parquet'}'").df()
    assert pq["window_start"].iloc[0].date() == D(2017, 1, 1) if hasattr(pq["window_start"].iloc[0], "date") else True
    assert pq["score"].tolist() == rel.table["score"].tolist()


# ---------------------------------------------------------------- the real Syria file
@pytest.fixture(scope="module")
def syria():
    net = alliances.load(SYRIA)
    return net, relations_over_time(GED_SYRIA, net, window="month")


def series(rel, a, b):
    t = rel.table
    return t[(t.a == a) & (t.b == b)].set_index("window_start")


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


# ---------------------------------------------------------------- the commands
def test_cli_events_timeline_diff(tmp_path, capsys):
    out = tmp_path / "rel.csv"
    snaps = tmp_path / "snaps"
    code = main(["events", str(EVENTS / "ged_sample.csv"), "--actors", str(EVENTS / "scenario.yaml"),
                 "--window", "month", "-o", str(out), "--snapshots", str(snaps)])
    assert code == 0
    text = capsys.readouterr().out
    assert "Civilians" in text and "Southern Front" in text
    assert pd.read_csv(out).shape == (6, len(COLUMNS))
    png = tmp_path / "t.png"
    assert main(["timeline", str(snaps), "-o", str(png)]) == 0 and png.stat().st_size > 1000
    assert main(["diff", str(snaps / "2017-01.yaml"), str(snaps / "2017-02.yaml"), "--json"]) == 0
    assert '"change": "changed"' in capsys.readouterr().out


def test_cli_bad_input_exit_2(tmp_path, capsys):
    args = ["events", str(EVENTS / "ged_sample.csv"), "--actors", str(EVENTS / "scenario.yaml")]
    assert main([*args, "--window", "fortnight"]) == 2
    assert main([*args, "-o", str(tmp_path / "x.xlsx")]) == 2
    assert main([*args, "--format", "cameo"]) == 2
    err = capsys.readouterr().err
    assert "unknown window" in err and ".xlsx" in err and "unknown event format" in err
    assert not (tmp_path / "x.xlsx").exists()


def test_progress_bar_on_a_terminal_gives_the_same_table(net, monkeypatch):
    import sys

    plain = relations_over_time(EVENTS / "ged_sample.csv", net).table
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    shown = relations_over_time(EVENTS / "ged_sample.csv", net, progress=True).table
    pd.testing.assert_frame_equal(plain, shown)


def test_event_files_object_reused(net):
    ev = read_events(EVENTS / "ged_sample.csv")
    assert ev.count() == 9
    a = relations_over_time(ev, net)
    b = relations_over_time(ev, net, window="year")  # the caller's engine stays open
    assert a.table["events"].sum() == b.table["events"].sum()


# ---------------------------------------------------------------- brute force on random files

_GROUPS = {"A1": "a", "A2": "a", "B1": "b", "C1": "c", "C2": "c", "X": None}
_TOY = alliances.loads("""
scenario: Toy
actors:
  - {id: a, name: Alpha, kind: armed_group, aliases: [A1, A2]}
  - {id: b, name: Beta, kind: armed_group, aliases: [B1]}
  - {id: c, name: Gamma, kind: armed_group, aliases: [C1, C2]}
""")
_side = st.lists(st.sampled_from(sorted(_GROUPS)), min_size=1, max_size=3, unique=True).map(", ".join)
_event = st.tuples(_side, _side, st.sampled_from(["2017-01-05", "2017-01-30", "2017-02-14", "2017-03-01", "bad"]),
                   st.integers(0, 5))


def _brute(events):
    """The documented semantics, in plain Python: per (pair, month) events, observations, deaths."""
    obs = set()
    deaths = {}
    for i, (s1, s2, day, best) in enumerate(events):
        if day == "bad":
            continue
        month = day[:7]
        sides = [{_GROUPS[g] for g in s.split(", ")} - {None} for s in (s1, s2)]
        for x in sides[0]:
            for y in sides[1]:
                if x != y:
                    key = (min(x, y), max(x, y), month)
                    if (i, key, "across") not in obs:
                        deaths[key] = deaths.get(key, 0) + best
                    obs.add((i, key, "across"))
        for side in sides:
            for x in side:
                for y in side:
                    if x < y:
                        obs.add((i, (x, y, month), "same"))
    out = {}
    for i, key, kind in obs:
        row = out.setdefault(key, {"ids": set(), "across": 0, "same": 0})
        row["ids"].add(i)
        row[kind] += 1
    return {k: (len(v["ids"]), v["across"] + v["same"], v["across"], v["same"], deaths.get(k, 0))
            for k, v in out.items()}


@settings(max_examples=25, deadline=None)
@given(st.lists(_event, min_size=1, max_size=12))
def test_aggregation_matches_brute_force(tmp_path_factory, events):
    import csv

    path = tmp_path_factory.mktemp("ged") / "ged.csv"
    with open(path, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "side_a", "side_b", "type_of_violence", "date_start", "best"])
        for i, (s1, s2, day, best) in enumerate(events):
            w.writerow([1000 + i, s1, s2, 2, day, best])
    rel = relations_over_time(path, _TOY)
    got = {(r.a, r.b, r.window_start.isoformat()[:7]):
           (r.events, r.observations, r.material_conflict, r.same_side, r.fatalities)
           for r in rel.table.itertuples(index=False)}
    assert got == _brute(events)


# ---------------------------------------------------------------- the fast routes give the same answers

def test_yyyymmdd_integer_route_equals_text_route():
    """GDELT days: the integer route (plain eight-digit dates) agrees with the text route and
    with Python's calendar on every month/day combination, leap years included."""
    import duckdb

    from alliances.events._formats import _yyyymmdd, _yyyymmdd_text

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
    import re

    from alliances.events._formats import FORMATS, GDELT2_COLUMNS, _norm

    icews = (EVENTS / "icews_sample.tab").read_text().splitlines()[0].split("\t")
    names = {_norm(c) for c in (*GDELT2_COLUMNS, "SQLDATE", *icews)}
    for fmt in FORMATS.values():
        if not fmt.group_keys:
            continue
        used = {w for c in ("side1", "side2", "quad") for w in re.findall(r"[a-z_0-9]+", fmt.expr(c)) if w in names}
        assert used and used <= set(fmt.group_keys), fmt.name


def _one_stage(ev):
    """The same files read without grouping on the raw side texts first."""
    from dataclasses import replace

    return replace(ev, layout=replace(ev.layout, format=replace(ev.layout.format, group_keys=())))


@pytest.mark.parametrize("name", ["20170105.export.CSV", "icews_sample.tab"])
def test_grouping_raw_texts_first_changes_nothing_on_fixtures(net, name):
    for window in ("day", "month"):
        kw = {"window": window, "mapping": EVENTS / "mapping.yaml"}
        ev = read_events(EVENTS / name)
        a = relations_over_time(ev, net, **kw)
        b = relations_over_time(_one_stage(ev), net, **kw)
        pd.testing.assert_frame_equal(a.table, b.table)
        pd.testing.assert_frame_equal(a.unmapped, b.unmapped)
        assert a.stats == b.stats


_messy = st.sampled_from(["SYRGOV", " SYRGOV", "SYRGOV ", "", "RUS", "USAMIL", "TUR"])
_gdelt_row = st.tuples(
    _messy, st.sampled_from(["", "SYRIA", " SYRIA", "RUSSIA"]), _messy, st.sampled_from(["", "TURKEY"]),
    st.sampled_from(["20170105", "20170131", "20170201", " 20170201", "20170230", "2017-02-01", "bad", ""]),
    st.sampled_from(["1", "2", "3", "4", " 4", "4.0", "", "x"]),
    st.sampled_from(["-10.0", "3.4", " 7", "", "nope"]),
    st.sampled_from(["1", "3", "", "2.0"]),
)


@settings(max_examples=20, deadline=None)
@given(st.lists(_gdelt_row, min_size=1, max_size=15))
def test_grouping_raw_texts_first_changes_nothing_on_random_gdelt(tmp_path_factory, rows_):
    """Messy GDELT rows (padded codes, empty names, impossible dates, odd quad classes and
    Goldstein values): the two-stage pass gives the table of the plain one-stage pass."""
    from alliances.events._mapping import ActorMapper

    path = tmp_path_factory.mktemp("gdelt") / "20170101.export.CSV"
    lines = []
    for i, (c1, n1, c2, n2, day, quad, gold, sources) in enumerate(rows_):
        f = [""] * 61
        f[0], f[1], f[5], f[6], f[15], f[16] = str(500 + i), day, c1, n1, c2, n2
        f[29], f[30], f[32] = quad, gold, sources
        lines.append("\t".join(f))
    path.write_text("\n".join(lines) + "\n")
    codes = ActorMapper(codes={"SYR": "assad", "RUS": "russia", "USA": "usa", "TUR": "turkey"})
    toy = alliances.loads("""
scenario: Toy
actors:
  - {id: assad, name: Assad, kind: state}
  - {id: russia, name: Russia, kind: state}
  - {id: usa, name: USA, kind: state}
  - {id: turkey, name: Turkey, kind: state}
""")
    ev = read_events(path, format="gdelt")
    a = relations_over_time(ev, toy, window="month", mapping=codes)
    b = relations_over_time(_one_stage(ev), toy, window="month", mapping=codes)
    pd.testing.assert_frame_equal(a.table, b.table)
    pd.testing.assert_frame_equal(a.unmapped, b.unmapped)
    assert a.stats == b.stats
