"""What the interactive view shows, against the static diagram's own functions and the analyses."""

from __future__ import annotations

import datetime as dt
import functools
import json
import math

import numpy as np
import pytest
from matplotlib.path import Path

import alliances
from alliances.draw import draw_network, legend_labels, signed_layout, timeline_layout, view_data
from alliances.draw._camps import area_pieces
from alliances.draw._style import STANCE_STYLES, edge_alpha, edge_width, faction_colour
from alliances.errors import ParameterError
from tests._paths import SEED
from tests.draw._scenarios import STAR_CAMP, mediator_star, random_network

# how far each of the page's markers reaches from its centre, per half its box: Cytoscape.js's
# shapes, fitted to their box (a square's and a triangle's corners at the box's corners)
CORNER = {"ellipse": 1.0, "rectangle": 2**0.5, "triangle": 2**0.5, "diamond": 1.0,
          "hexagon": math.hypot(0.5, 1.0),  # corners at (+-1/2, +-1)
          "pentagon": math.hypot(math.cos(math.radians(54)) / math.cos(math.radians(18)), 1.0)}  # lower corners


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


def test_camps_are_named_and_coloured_as_the_static_legend(seed_data):
    frame = seed_data["frames"][0]
    # named as the static legend names them: by their members, the best tied first
    assert [c["label"] for c in frame["camps"]] == ["Assad, Hezbollah + 3 more", "US coalition, Rebels", "IS (on its own)"]
    for c in frame["camps"]:
        assert c["colour"] == faction_colour(c["camp"])


AREA_CASES = [("seed", 0)] + [(n, s) for n in (25, 40) for s in (0, 1, 2)] + [("star", 0)]


@functools.cache
def _area_view(n, seed):
    if n == "star":
        return view_data(mediator_star(), factions=[STAR_CAMP], risk=False, implied=False)
    net = alliances.load(SEED) if n == "seed" else random_network(n, seed)
    return view_data(net, risk=False, implied=False)


def _winding(poly, pts):
    """How often a closed polygon winds round each point (a canvas fills where it is not 0)."""
    a = np.asarray(poly, dtype=float)[None]
    b = np.roll(a, -1, axis=1)
    x, y = pts[:, 0, None], pts[:, 1, None]
    side = (b[..., 0] - a[..., 0]) * (y - a[..., 1]) - (x - a[..., 0]) * (b[..., 1] - a[..., 1])
    up = (a[..., 1] <= y) & (b[..., 1] > y) & (side > 0)
    down = (a[..., 1] > y) & (b[..., 1] <= y) & (side < 0)
    return up.sum(axis=1) - down.sum(axis=1)


def _covered(camp, pts):
    """Where the page fills a camp: each piece's polygon (holes joined in; even-odd, which the
    hole tests check is also how a canvas fills them, by the non-zero rule)."""
    polys = [Path(np.array(p["fill"] or p["outline"])) for p in camp["pieces"]]
    return np.any([poly.contains_points(pts) for poly in polys], axis=0)


def _grid(xy, margin=90.0, step=1.0):
    lo, hi = xy.min(axis=0) - margin, xy.max(axis=0) + margin
    gx, gy = np.meshgrid(np.arange(lo[0], hi[0], step), np.arange(lo[1], hi[1], step))
    return np.column_stack([gx.ravel(), gy.ravel()]) + 0.37  # off the traced lines' grid


@pytest.mark.parametrize(("n", "seed"), AREA_CASES)
def test_camp_areas_never_overlap_and_hold_exactly_their_members(n, seed):
    data = _area_view(n, seed)
    camps = data["frames"][0]["camps"]
    xy = np.array(data["positions"])
    assert len(camps) >= 2 or n == "star"
    grid = _grid(xy)
    inside = [_covered(c, grid) for c in camps]
    for i in range(len(camps)):
        for j in range(i):
            assert not (inside[i] & inside[j]).any(), (i, j, int((inside[i] & inside[j]).sum()))
    ids = [a["id"] for a in data["actors"]]
    camp_of = {m: k for k, c in enumerate(camps) for m in c["members"]}
    for k, c in enumerate(camps):
        held = _covered(c, xy)
        assert [ids[i] for i in np.flatnonzero(held)] == [v for v in ids if camp_of.get(v) == k]


@pytest.mark.parametrize(("n", "seed"), AREA_CASES)
def test_every_point_of_a_camps_area_is_nearer_its_members_than_any_other_actor(n, seed):
    # the static diagram's rule, checked by brute force on the page's own markers: nearer (marker
    # edge to point, each marker as far as its corners reach) a member than any other actor
    data = _area_view(n, seed)
    frame = data["frames"][0]
    xy = np.array(data["positions"])
    reach = np.array([node["size"] / 2 * CORNER[data["actors"][node["actor"]]["shape"]] for node in frame["nodes"]])
    ids = [a["id"] for a in data["actors"]]
    grid = _grid(xy, step=2.0)
    edge = np.hypot(grid[:, None, 0] - xy[None, :, 0], grid[:, None, 1] - xy[None, :, 1]) - reach[None]
    for c in frame["camps"]:
        mine = np.isin(ids, c["members"])
        inside = _covered(c, grid)
        assert inside.sum() > 0
        own, other = edge[inside][:, mine].min(axis=1), edge[inside][:, ~mine].min(axis=1)
        assert (other - own).min() > 1.0  # the static diagram's 3 pt gap, less the tracing grid's 1.44 px


def test_a_camp_around_an_actor_of_no_camp_leaves_a_hole_around_it():
    data = _area_view("star", 0)
    (camp,) = data["frames"][0]["camps"]
    (piece,) = camp["pieces"]
    xy = np.array(data["positions"])
    assert len(piece["holes"]) == 1 and piece["fill"] is not None
    assert Path(np.array(piece["holes"][0])).contains_point(xy[0])  # the mediator, in no camp
    # the filled polygon is the outline less the hole, everywhere
    grid = _grid(xy)
    expected = Path(np.array(piece["outline"])).contains_points(grid) & ~Path(
        np.array(piece["holes"][0])).contains_points(grid)
    assert (Path(np.array(piece["fill"])).contains_points(grid) == expected).all()
    coarse = _grid(xy, step=3.0)  # and as a canvas fills it: wound round once, the hole not at all
    once = Path(np.array(piece["outline"])).contains_points(coarse) & ~Path(
        np.array(piece["holes"][0])).contains_points(coarse)
    assert (np.abs(_winding(piece["fill"], coarse)) == once).all()
    assert not _covered(camp, xy[:1])[0] and _covered(camp, xy[1:]).all()


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


def test_pieces_with_several_holes_fill_exactly_the_area():
    # two pieces: a 10 x 4 band with three holes (two side by side at one height, so the left one's
    # cut runs into the right one's), and a square apart; truth: the rectangles themselves
    boxes = [(0, 0, 10, 4), (1, 1, 2, 3), (4, 1, 5, 3), (7, 0.5, 8, 1.5), (12, 0, 13, 1)]
    holes = (False, True, True, True, False)

    def ring(x0, y0, x1, y1, hole):
        r = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
        return (r[::-1] if hole else r) + [(x0, y0)]

    codes = [Path.MOVETO, Path.LINETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY]
    area = Path(np.vstack([ring(*b, h) for b, h in zip(boxes, holes, strict=True)]), codes * len(boxes))
    pieces = area_pieces(area)
    assert [len(p.holes) for p in pieces] == [3, 0] and pieces[1].fill.tolist() == pieces[1].outline.tolist()
    gx, gy = np.meshgrid(np.arange(-1, 14, 0.05), np.arange(-1, 5, 0.05))
    pts = np.column_stack([gx.ravel(), gy.ravel()]) + 0.013

    def inside(b):
        return (b[0] < pts[:, 0]) & (pts[:, 0] < b[2]) & (b[1] < pts[:, 1]) & (pts[:, 1] < b[3])

    truth = (inside(boxes[0]) & ~inside(boxes[1]) & ~inside(boxes[2]) & ~inside(boxes[3])) | inside(boxes[4])
    assert (np.abs(sum(_winding(p.fill, pts) for p in pieces)) == truth).all()  # as a canvas fills (non-zero)
    assert (np.any([Path(p.fill).contains_points(pts) for p in pieces], axis=0) == truth).all()
