"""What the interactive view shows, against the static diagram's own functions and the analyses."""

from __future__ import annotations

import datetime as dt
import json
import math

import numpy as np
import pytest

import alliances
from alliances.draw import draw_network, legend_labels, signed_layout, timeline_layout, view_data
from alliances.draw._style import STANCE_STYLES, edge_alpha, edge_width, faction_colour
from alliances.errors import ParameterError


@pytest.fixture(scope="module")
def seed_data(seed):
    return view_data(seed, top=3)


def _pair_ids(data, k):
    a, b = data["pairs"][k]
    return data["actors"][a]["id"], data["actors"][b]["id"]


def test_the_data_is_json_with_no_nan_and_the_same_every_time(seed, seed_data):
    text = json.dumps(seed_data, allow_nan=False)
    assert json.dumps(view_data(seed, top=3), allow_nan=False) == text


def test_positions_are_the_static_layouts(seed, seed_data):
    camps = alliances.factions(seed)
    edges = [(u, v, d["stance"], d["weight"]) for u, v, d in seed.graph.edges(data=True)]
    pos = signed_layout(list(seed.actors), edges, camp_of={v: i for i, c in enumerate(camps.camps) for v in c})
    xy = np.array(seed_data["positions"])
    ref = np.array([[pos[a["id"]][0], -pos[a["id"]][1]] for a in seed_data["actors"]])  # y runs down on a page
    scale = xy[:, 0] @ ref[:, 0] / (ref[:, 0] @ ref[:, 0])
    assert scale > 0 and np.allclose(xy, ref * scale, atol=0.01)


def test_ties_carry_the_static_styles_and_the_evidence(seed, seed_data):
    ties = seed_data["frames"][0]["ties"]
    assert [_pair_ids(seed_data, t["pair"]) for t in ties] == [r.pair for r in seed.active_relations]
    for t, r in zip(ties, seed.active_relations, strict=True):
        assert t["stance"] == r.stance.value and t["confidence"] == r.confidence
        assert t["colour"] == STANCE_STYLES[r.stance.value].colour
        assert t["width"] == pytest.approx(edge_width(r.stance.value, r.intensity), abs=1e-3)
        assert t["alpha"] == pytest.approx(edge_alpha(r.confidence), abs=1e-3)
        assert t["evidence"] == [{"source": e.source, "note": e.note} for e in r.evidence]
        assert (t["dash"] is None) == (r.stance.value in ("ally", "friendly"))
    assert seed_data["sources"]["reuters-2017-09-05"]["publisher"] == "Reuters"


def test_legend_lists_what_the_static_diagram_lists_in_its_order(seed, seed_data):
    static = legend_labels(draw_network(seed, top=3))
    frame = seed_data["frames"][0]
    ours = [e["label"] for s in seed_data["legend"] for e in s["entries"]]
    ours += [c["label"] for c in frame["camps"]]  # the page adds the current frame's camps
    it = iter(ours)
    assert all(label in it for label in static), (static, ours)  # a subsequence: same words, same order
    assert "implied (not recorded)" in ours


def test_camp_hulls_hold_their_members(seed_data):
    frame = seed_data["frames"][0]
    xy = seed_data["positions"]
    ids = [a["id"] for a in seed_data["actors"]]
    # named as the static legend names them: by their members, the best tied first
    assert [c["label"] for c in frame["camps"]] == ["Assad, Hezbollah + 3 more", "US coalition, Rebels", "IS (on its own)"]
    for c in frame["camps"]:
        assert c["colour"] == faction_colour(c["camp"])
        hull = np.array(c["hull"])
        for m in c["members"]:
            p = np.array(xy[ids.index(m)])
            # inside a convex polygon: on the same side of every edge
            edge, to_p = np.roll(hull, -1, axis=0) - hull, p - hull
            cross = edge[:, 0] * to_p[:, 1] - edge[:, 1] * to_p[:, 0]
            assert all(x > 0 for x in cross) or all(x < 0 for x in cross)


def test_risk_bands_and_rows_against_the_risk_table(seed, seed_data):
    risk = alliances.conflict_risk(seed)
    frame = seed_data["frames"][0]["risk"]
    at_peace = [(a, b, p) for a, b, p in zip(risk.a, risk.b, risk.p_clash, strict=True)
                if seed.stance(a, b) is None or seed.stance(a, b).value != "enemy"][:3]
    assert [(*_pair_ids(seed_data, r["pair"]), r["p"]) for r in frame["bands"]] == [
        (a, b, round(p, 4)) for a, b, p in at_peace]
    assert [r["label"] for r in frame["bands"]] == ["0.22", "0.08", "0.06"]
    # the values sit along their lines clear of each other (two of these lines meet at the coalition)
    xy = np.array(seed_data["positions"])
    spots = [np.array(r["at"]) for r in frame["bands"]]
    for r, spot in zip(frame["bands"], spots, strict=True):
        a, b = seed_data["pairs"][r["pair"]]
        # on its line, between the two actors
        t = (spot - xy[a]) @ (xy[b] - xy[a]) / np.sum((xy[b] - xy[a]) ** 2)
        assert 0.2 <= t <= 0.8 and np.allclose(xy[a] + t * (xy[b] - xy[a]), spot, atol=0.05)
    for i in range(len(spots)):
        for j in range(i):
            dx, dy = np.abs(spots[i] - spots[j])
            assert dx > 28 or dy > 14
    ids = [a["id"] for a in seed_data["actors"]]
    for i, actor in enumerate(ids):  # brute force: each actor's five highest pairs
        mine = sorted(((p, b if a == actor else a) for a, b, p in zip(risk.a, risk.b, risk.p_clash, strict=True)
                       if actor in (a, b)), key=lambda x: -x[0])[:5]
        got = frame["rows"][str(i)]
        assert [ids[r["other"]] for r in got] == [o for _, o in mine]
        assert [r["p"] for r in got] == [round(p, 4) for p, _ in mine]
    assert seed_data["risk_model"]["horizon"] == risk.attrs["horizon"]  # the model's horizon, as every table says it
    assert "in the next month" in seed_data["risk_model"]["horizon"]


def test_implied_rows_are_the_implied_relations(seed, seed_data):
    table = alliances.implied_relations(seed)
    rows = seed_data["frames"][0]["implied"]
    assert [(*_pair_ids(seed_data, r["pair"]), r["stance"], r["reason"]) for r in rows] == list(
        zip(table.a, table.b, table.stance, table.reason, strict=True))


def test_precomputed_analyses_are_used_and_false_leaves_them_out(seed):
    data = view_data(seed, factions=False, risk=False, implied=False, centrality=False)
    frame = data["frames"][0]
    assert frame["camps"] == [] and frame["implied"] == [] and frame["risk"] is None
    assert {n["size"] for n in frame["nodes"]} == {round(math.sqrt(110 + 310 * 0.5), 2)}
    assert data["risk_model"] is None and [s["heading"] for s in data["legend"]][1] == "Actors"
    mine = view_data(seed, factions=[["assad", "russia"], ["islamic_state"]], risk=False)
    assert [c["members"] for c in mine["frames"][0]["camps"]] == [["assad", "russia"], ["islamic_state"]]


def _timeline(seed):
    later = seed.with_relation("russia", "us_coalition", "rival").replace(as_of=dt.date(2017, 10, 1))
    return [later, seed]


def test_timeline_frames_by_date_on_one_layout(seed):
    snaps = _timeline(seed)
    data = view_data(snaps, risk=False)
    assert data["timeline"] and [f["title"].rsplit(" ", 1)[1] for f in data["frames"]] == ["2017-09-05", "2017-10-01"]
    assert [len(f["ties"]) for f in data["frames"]] == [18, 19]
    nodes, _, pos = timeline_layout([seed, snaps[0]])
    xy = np.array(data["positions"])
    ref = np.array([[pos[v][0], -pos[v][1]] for v in nodes])
    assert np.allclose(xy / np.abs(xy).max(), ref / np.abs(ref).max(), atol=1e-3)
    assert data["layers"] == ["ties"]  # as the static timeline: no camps unless asked


@pytest.mark.parametrize("kwargs, words", [
    ({"risk": "table"}, "a timeline computes risk per snapshot"),
    ({"layers": ["ties", "heat"]}, "unknown layer 'heat'"),
])
def test_bad_arguments(seed, kwargs, words):
    with pytest.raises(ParameterError, match=words):
        view_data(_timeline(seed), **kwargs)


def test_an_empty_timeline_is_refused():
    with pytest.raises(ParameterError, match="at least one snapshot"):
        view_data([])
    with pytest.raises(ParameterError, match="sequence of AllianceNetwork"):
        view_data(["seeds/syria_2017.yaml"])


def test_event_snapshots_mark_the_scenarios_background_relations(seed_2016_path, ucdp_path):
    net = alliances.load(seed_2016_path)
    rel = alliances.relations_over_time(ucdp_path, net, window="year")
    snaps = [alliances.snapshot(net, rel, f"{y}-06-01") for y in (2016, 2017)]
    data = view_data(snaps, risk=False, implied=False, factions=False)
    ties = data["frames"][0]["ties"]
    observed = [t for t in ties if t["kind"] == "events"]
    assert observed and all(not t["background"] for t in observed)
    assert all(t["background"] and t["width"] == 0.8 for t in ties if t["kind"] != "events")
    assert "thin: scenario background" in [e["label"] for e in data["legend"][0]["entries"]]
