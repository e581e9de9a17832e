"""alliances.events._scoring: scores, stances, confidence and decay, from hand-made counts.

Each expected value is worked out by hand from the definitions in the module notes:
C = cooperation, H = conflict, N = all observations.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from alliances.errors import EventDataError
from alliances.events import COLUMNS, KIND_COLUMNS, parse_window, relations_over_time
from alliances.events._scoring import check_scoring, decay, score_pairs
from tests.events._helpers import EVENTS, D, rows

MONTH = parse_window("month")
JAN = 2017 * 12  # the window key of January 2017


def agg(*pairs):
    """An aggregated table: one row per (a, b, wkey, counts), counts not given are 0."""
    out = []
    for a, b, wkey, counts in pairs:
        row = {"a": a, "b": b, "wkey": wkey, "events": 0, "fatalities": 0, "observations": 0,
               **dict.fromkeys(KIND_COLUMNS, 0), "goldstein_tenths": 0, "goldstein_n": 0, "sources": 0}
        row.update(counts)
        row["observations"] = sum(row[k] for k in KIND_COLUMNS if k != "same_side")
        out.append(row)
    return pd.DataFrame(out)


CASES = agg(
    ("a", "b", JAN, {"events": 4, "verbal_cooperation": 3, "material_cooperation": 1,
                     "goldstein_tenths": 120, "goldstein_n": 4}),  # C 4 of 4, Goldstein mean +3.0
    ("a", "c", JAN, {"events": 5, "verbal_conflict": 1, "material_conflict": 4,
                     "goldstein_tenths": -500, "goldstein_n": 5}),  # H 5 of 5, Goldstein mean -10.0
    ("a", "d", JAN, {"events": 10, "verbal_cooperation": 3, "verbal_conflict": 3, "unclassified": 4}),  # C = H
    ("a", "e", JAN, {"events": 10, "material_cooperation": 3, "unclassified": 7}),  # C 3 of 10
    ("a", "f", JAN, {"events": 1, "verbal_conflict": 1, "unclassified": 3}),  # H 1 of 4
    ("a", "g", JAN, {"events": 2, "unclassified": 2}),  # neither
)


def score(method="net_cooperation", **kw):
    kw = {"thresholds": (0.2, 0.6), "min_events": 1, "half_life": None, **kw}
    table = score_pairs(CASES.copy(), MONTH, method=method, **kw)
    return {r.b: r for r in table.itertuples(index=False)}


def test_net_cooperation_by_hand():
    got = score()
    assert {b: (r.score, r.stance) for b, r in got.items()} == {
        "b": (1.0, "ally"), "c": (-1.0, "enemy"),
        "d": (0.0, "ambivalent"),  # C / N = H / N = 0.3 >= 0.2 and |0| < 0.6
        "e": (0.3, "friendly"), "f": (-0.25, "rival"), "g": (0.0, "neutral"),
    }


def test_hostility_score_is_one_minus_twice_the_hostile_share():
    got = score("hostility")
    assert {b: r.score for b, r in got.items()} == {"b": 1.0, "c": -1.0, "d": 0.4, "e": 1.0, "f": 0.5, "g": 1.0}
    assert got["d"].stance == "ambivalent" and got["f"].stance == "friendly"


def test_goldstein_score_is_the_mean_weight_over_ten():
    got = score("goldstein")
    assert (got["b"].score, got["b"].goldstein, got["b"].stance) == (0.3, 3.0, "friendly")
    assert (got["c"].score, got["c"].stance) == (-1.0, "enemy")
    assert math.isnan(got["g"].score) and got["g"].stance == ""  # no Goldstein weight: unknown


def test_confidence_and_min_events():
    got = score()
    assert got["b"].confidence == round(4 / 6, 6) and got["f"].confidence == round(1 / 3, 6)
    few = score(min_events=2)
    assert few["f"].stance == "" and few["g"].stance == "neutral"  # 1 event < 2; 2 events is enough


def test_thresholds_move_the_stances():
    got = score(thresholds=(0.5, 0.9))
    assert {b: r.stance for b, r in got.items()} == {
        "b": "ally", "c": "enemy", "d": "neutral", "e": "neutral", "f": "neutral", "g": "neutral"}


def test_table_columns_dates_and_order():
    table = score_pairs(CASES.iloc[::-1].reset_index(drop=True), MONTH, method="net_cooperation",
                        thresholds=(0.2, 0.6), min_events=1, half_life=None)
    assert list(table.columns) == list(COLUMNS)
    assert table["b"].tolist() == ["b", "c", "d", "e", "f", "g"]  # sorted whatever the input order
    assert set(table["window_start"]) == {D(2017, 1, 1)} and set(table["window_end"]) == {D(2017, 1, 31)}
    empty = score_pairs(CASES.iloc[:0].copy(), MONTH, method="net_cooperation", thresholds=(0.2, 0.6),
                        min_events=1, half_life=None)
    assert empty.empty and list(empty.columns) == list(COLUMNS)


def test_decay_carries_counts_forward_by_hand():
    one = agg(("a", "b", JAN, {"events": 4, "material_conflict": 4}),
              ("a", "b", JAN + 2, {"events": 2, "verbal_cooperation": 2}))
    out = decay(one, ["events", "material_conflict", "verbal_cooperation"], 0.5, last_window=JAN + 5)
    got = [(r.wkey - JAN, r.events, r.m_events, r.m_material_conflict, r.m_verbal_cooperation)
           for r in out.itertuples()]
    assert got == [
        (0, 4, 4.0, 4.0, 0.0),
        (1, 0, 2.0, 2.0, 0.0),  # a quiet month remembers half
        (2, 2, 3.0, 1.0, 2.0),
        (3, 0, 1.5, 0.5, 1.0),
        (4, 0, 0.75, 0.25, 0.5),  # 0.75 events: still at least half an event
    ]  # month 5: 0.375 events, forgotten


def test_decay_with_a_half_life_of_two_windows():
    table = score_pairs(agg(("a", "b", JAN, {"events": 1, "material_conflict": 1})), MONTH, method="net_cooperation",
                        thresholds=(0.2, 0.6), min_events=1, half_life=2.0, last_window=JAN + 1)
    r = table.iloc[1]
    assert (r.window_start, r.events, r.stance) == (D(2017, 2, 1), 0, "enemy")
    m = 0.5 ** 0.5
    assert r.confidence == round(m / (m + 2), 6)


def test_parameters_are_checked():
    check_scoring("hostility", (0.0, 1.0), 0.5)
    with pytest.raises(EventDataError, match="unknown scoring method 'tone'"):
        check_scoring("tone", (0.2, 0.6), None)
    with pytest.raises(EventDataError, match="thresholds"):
        check_scoring("goldstein", (-0.1, 0.6), None)
    with pytest.raises(EventDataError, match="half_life"):
        check_scoring("goldstein", (0.2, 0.6), 0)


# ---------------------------------------------------------------- on the fixture files

def test_quarter_window_mixes_to_ambivalent(net):
    rel = relations_over_time(EVENTS / "ged_sample.csv", net, window="quarter")
    r = rows(rel)["hts", "rebels"]
    assert (r.window_start, r.window_end, r.score, r.stance) == (D(2017, 1, 1), D(2017, 3, 31), 0.0, "ambivalent")


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
