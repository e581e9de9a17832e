"""The timeline figure: panels fill the space, labels do not collide, legend inside, stable layout."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest

import alliances
from alliances import Evidence, Source
from alliances.draw import draw_timeline, save_figure, timeline_scores
from alliances.draw._style import renderer
from alliances.errors import ParameterError
from tests._paths import SEED


@pytest.fixture(scope="module")
def fig():
    net = alliances.load(SEED)
    nets = [net, net.with_relation("russia", "us_coalition", "rival"),
            net.with_relation("iran", "hezbollah", "ambivalent"), net.without_actor("shiite_militias")]
    return draw_timeline(nets, panels=4)


def _labels(ax):
    return [t for t in ax.texts if t.get_text()]


def test_labels_overlap_no_label_and_no_other_marker(fig):
    rend = renderer(fig)
    for ax in fig.axes[:-1]:
        texts = _labels(ax)
        assert len(texts) >= 7
        boxes = [t.get_window_extent(rend) for t in texts]
        for a, b in itertools.combinations(range(len(boxes)), 2):
            assert not boxes[a].overlaps(boxes[b]), (texts[a].get_text(), texts[b].get_text())
        frame = ax.get_window_extent(rend)
        for t, box in zip(texts, boxes, strict=True):
            assert frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
            for coll in ax.collections:  # the markers, one scatter per actor
                (cx, cy), = ax.transData.transform(coll.get_offsets())
                own = ax.transData.transform(t.xy)
                if (abs(own[0] - cx) + abs(own[1] - cy)) < 1e-6:
                    continue
                assert not box.contains(cx, cy), (t.get_text(), (cx, cy))


def test_layout_same_in_every_panel(fig):
    where = []
    for ax in fig.axes[:-1]:
        where.append({t.get_text(): (t.xy, t.xyann) for t in _labels(ax)})
    shared = set.intersection(*(set(w) for w in where))
    assert len(shared) >= 7
    for w in where[1:]:
        assert all(w[k] == where[0][k] for k in shared)


def test_legend_inside_figure_and_panels_large(fig):
    rend = renderer(fig)
    whole = fig.bbox
    (legend,) = fig.legends
    box = legend.get_window_extent(rend)
    assert whole.x0 < box.x0 and box.x1 < whole.x1 - 2 and whole.y0 < box.y0 and box.y1 < whole.y1 - 2
    panels = [ax.get_position() for ax in fig.axes[:-1]]
    # panels fill the width (not squeezed right of the chart's tick labels) and sit close to the chart
    assert min(p.x0 for p in panels) < 0.05 and max(p.x1 for p in panels) > 0.95
    chart = fig.axes[-1].get_position()
    gap_in = (min(p.y0 for p in panels) - chart.y1) * fig.get_figheight()
    assert gap_in < 0.8


def test_svg_identical_across_runs(tmp_path):
    net = alliances.load(SEED)
    nets = [net, net.with_relation("russia", "us_coalition", "rival")]
    a = save_figure(draw_timeline(nets, panels=2), tmp_path / "a.svg").read_bytes()
    b = save_figure(draw_timeline(nets, panels=2), tmp_path / "b.svg").read_bytes()
    assert a == b


def _window(net, day: int, stance: str, score: float | None):
    """The seed as a snapshot: one event-derived relation russia - us_coalition, citing a score or not."""
    evidence = (Evidence("e", f"12 events, score {score}"),) if score is not None else ()
    net = net.replace(sources={**net.sources, "e": Source("e")})  # the events the evidence cites
    snap = net.with_relation("russia", "us_coalition", stance, kind="events", weight=0.5, evidence=evidence)
    return snap.replace(scenario=f"{net.scenario}, 2017-0{day}", as_of=dt.date(2017, day, 28))


def test_timeline_scores_only_event_relations_with_their_cited_score():
    net = alliances.load(SEED)
    snaps = [_window(net, 2, "enemy", -0.75), _window(net, 3, "rival", None), net.replace(scenario="Syria")]
    pairs, labels, values, stances = timeline_scores(snaps)
    assert pairs == [("russia", "us_coalition")]  # the scenario's own relations are not observations
    # a window's label: what follows the scenario name's last comma, else the as_of date
    assert labels == ["2017-02", "2017-03", "2017-09-05"]
    assert values == [[-0.75, -0.5, None]]  # cited score; else sign x weight; blank without events
    assert stances == [["enemy", "rival", None]]


def test_timeline_needs_a_snapshot():
    with pytest.raises(ParameterError, match="at least one snapshot"):
        draw_timeline([])


@pytest.mark.parametrize("name", [
    "Russian Aerospace Forces and Military Police in Syria",  # long: the chart moves right
    "The Provisional Interim Administrative Authority of the Northern and Eastern Regions of the Country "
    "and its Associated Armed Formations",  # too long for any margin: shortened with an ellipsis
])
def test_long_pair_names_stay_on_the_canvas(name):
    net = alliances.load(SEED)
    actors = dict(net.actors)
    actors["russia"] = dataclasses.replace(actors["russia"], name=name, label=None)
    net = net.replace(actors=actors)
    fig = draw_timeline([_window(net, 2, "enemy", -0.75), _window(net, 3, "rival", None)], panels=2)
    fig.draw_without_rendering()  # tick labels take their places when drawn
    rend = renderer(fig)
    chart = fig.axes[-1]
    (tick,) = [t for t in chart.get_yticklabels() if t.get_text()]
    box = tick.get_window_extent(rend)
    assert box.x0 >= 0 and box.x1 <= chart.get_window_extent(rend).x0
    assert chart.get_position().x1 > 0.9 and chart.get_position().width > 0.5
    if len(name) < 80:
        assert tick.get_text().startswith(name) and chart.get_position().x0 > 0.2  # was 0.13: names cut
    else:
        assert tick.get_text().endswith("\u2026") and tick.get_text()[:20] == name[:20]


@pytest.mark.parametrize("panels", [1, 2, 4])
def test_title_legend_and_chart_note_apart_and_on_the_canvas(panels):
    """Narrow figures (one or two panels) put the legend under the title; the chart's note wraps."""
    net = alliances.load(SEED)
    fig = draw_timeline([_window(net, m, "enemy", -0.2 * m) for m in range(1, 5)], panels=panels)
    fig.draw_without_rendering()
    rend = renderer(fig)
    whole = fig.bbox
    (legend,) = fig.legends
    title = fig._suptitle.get_window_extent(rend)
    assert not title.overlaps(legend.get_window_extent(rend))
    chart = fig.axes[-1]
    for text in (fig._suptitle, chart.title, chart._left_title):
        box = text.get_window_extent(rend)
        assert whole.x0 <= box.x0 and box.x1 <= whole.x1 + 0.5, text.get_text()
    for ax in fig.axes[:-1]:  # the panels' titles stay under the legend
        assert not ax.title.get_window_extent(rend).overlaps(legend.get_window_extent(rend))
