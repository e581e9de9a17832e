"""alliances.events._sql: the one pass over the files, the side counts and the aggregation.

The aggregation is checked against a plain-Python reading of the documented semantics on
random UCDP-like files, and the two-stage pass over GDELT and ICEWS files against the
plain one-stage pass.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import replace

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import alliances
from alliances.events import ActorMapper, DuckDBEngine, read_events, relations_over_time
from alliances.events._sql import TABLES, RunTables, side_counts_sql
from tests.events._helpers import EVENTS


def test_run_tables_rename_whole_words_only():
    t = RunTables("abc")
    sql = "SELECT * FROM events_compact JOIN actor_map ON TRUE WHERE raw_events_x IS NULL AND multi_sides_ok"
    assert t.rename(sql) == ("SELECT * FROM events_compact_abc JOIN actor_map_abc ON TRUE "
                             "WHERE raw_events_x IS NULL AND multi_sides_ok")
    assert [t.name(n) for n in TABLES] == ["raw_events_abc", "events_compact_abc", "actor_map_abc", "multi_sides_abc"]
    assert len({RunTables().token for _ in range(50)}) == 50  # every call its own names


def test_side_counts_by_hand():
    day = dt.date.fromisoformat
    compact = pd.DataFrame({
        "wkey": [1, 1, 2, None, None, None], "far": [None, None, None, None, day("2150-03-01"), day("9999-12-31")],
        "side1": ["A", "A", "B", "A", None, None], "side2": ["B", None, "A", "B", None, None],
        "n": [3, 2, 1, 4, 5, 1], "bad": [1, 0, 0, 2, 0, 0],
    })
    eng = DuckDBEngine()
    eng.register("compact", compact)
    got = eng.sql(side_counts_sql("compact"))
    parts = {(int(r.part), r.side if pd.notna(r.side) else None): int(r.n) for r in got.itertuples()}
    assert parts == {
        (1, "A"): 5, (1, "B"): 1,  # side 1 texts of dated rows
        (2, "B"): 3, (2, "A"): 1, (2, None): 2,  # side 2 texts of dated rows, the empty one too
        (3, "rows"): 16, (4, "bad_date"): 4, (5, "one_sided"): 2, (6, "out_of_range"): 6, (7, "bad_value"): 3,
        (8, "first_window"): 1, (9, "last_window"): 2,
        (10, "2150-03-01"): 0, (11, "9999-12-31"): 0,  # the earliest and latest date outside the range
    }
    eng.close()


def test_fresh_table_names_per_call_on_one_engine(net):
    """Two calls on one engine (the caller's) do not see each other's tables."""
    ev = read_events(EVENTS / "ged_sample.csv")
    a = relations_over_time(ev, net)
    b = relations_over_time(ev, net, window="year")
    assert a.table["events"].sum() == b.table["events"].sum()
    left = ev.engine.sql("SELECT table_name FROM information_schema.tables")["table_name"].tolist()
    assert not [n for n in left if n.startswith("events_compact")]  # the compact tables are dropped


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


# ---------------------------------------------------------------- the two-stage pass changes nothing

def _one_stage(ev):
    """The same files read without grouping on the raw side texts first."""
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
_COUNTRIES = alliances.loads("""
scenario: Toy
actors:
  - {id: assad, name: Assad, kind: state}
  - {id: russia, name: Russia, kind: state}
  - {id: usa, name: USA, kind: state}
  - {id: turkey, name: Turkey, kind: state}
""")


@settings(max_examples=20, deadline=None)
@given(st.lists(_gdelt_row, min_size=1, max_size=15))
def test_grouping_raw_texts_first_changes_nothing_on_random_gdelt(tmp_path_factory, rows_):
    """Messy GDELT rows (padded codes, empty names, impossible dates, odd quad classes and
    Goldstein values): the two-stage pass gives the table of the plain one-stage pass."""
    path = tmp_path_factory.mktemp("gdelt") / "20170101.export.CSV"
    lines = []
    for i, (c1, n1, c2, n2, day, quad, gold, sources) in enumerate(rows_):
        f = [""] * 61
        f[0], f[1], f[5], f[6], f[15], f[16] = str(500 + i), day, c1, n1, c2, n2
        f[29], f[30], f[32] = quad, gold, sources
        lines.append("\t".join(f))
    path.write_text("\n".join(lines) + "\n")
    codes = ActorMapper(codes={"SYR": "assad", "RUS": "russia", "USA": "usa", "TUR": "turkey"})
    ev = read_events(path, format="gdelt")
    a = relations_over_time(ev, _COUNTRIES, window="month", mapping=codes)
    b = relations_over_time(_one_stage(ev), _COUNTRIES, window="month", mapping=codes)
    pd.testing.assert_frame_equal(a.table, b.table)
    pd.testing.assert_frame_equal(a.unmapped, b.unmapped)
    assert a.stats == b.stats
