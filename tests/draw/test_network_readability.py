"""Which actor belongs where, read off the drawing: the camps' shaded areas never overlap (each
actor inside its own camp's area and outside every other), each label nearer its own marker than
any other, and the legend within a quarter of a report column. Measured on what is drawn, on random
scenarios of 10, 25 and 40 actors at page size and on the seed."""

from __future__ import annotations

import functools

import numpy as np
import pytest

import alliances
from alliances.draw import draw_network
from alliances.draw._style import KIND_MARKERS, NO_FACTION
from tests._paths import SEED
from tests.draw import _measure as m
from tests.draw._scenarios import random_network

CASES = [(n, seed) for n in (10, 25, 40) for seed in (0, 1, 2)] + [("seed", 0)]


@functools.cache
def _drawn(n, seed):
    net = alliances.load(SEED) if n == "seed" else random_network(n, seed)
    fig = draw_network(net, size="page", top=2, risk=alliances.conflict_risk(net))
    fig.canvas.draw()
    return net, fig


def _rows(net) -> list[int]:
    """The marker row of each actor (markers are drawn one kind after another)."""
    kinds = [KIND_MARKERS.get(str(a.kind), "o") for a in net.actors.values()]
    order = [i for k in dict.fromkeys(kinds) for i, kk in enumerate(kinds) if kk == k]
    row = {actor: r for r, actor in enumerate(order)}
    return [row[i] for i in range(len(kinds))]


@pytest.mark.parametrize(("n", "seed"), CASES)
def test_camp_areas_never_overlap_and_hold_exactly_their_members(n, seed):
    net, fig = _drawn(n, seed)
    ax = fig.axes[0]
    areas = m.shaded_areas(ax)
    centres, _ = m.markers(fig, ax)
    fills = m.marker_fills(ax)
    # (10 random actors have five ties or so: few camps, seed 2 none at all)
    assert len(areas) >= 2 or n == 10
    grid = m.pixel_grid(ax.bbox)
    inside = {colour: m.covered(paths, grid) for colour, paths in areas.items()}
    colours = sorted(inside)
    for i, a in enumerate(colours):
        for b in colours[i + 1:]:
            assert not (inside[a] & inside[b]).any(), (a, b, int((inside[a] & inside[b]).sum()))
    for centre, fill in zip(centres, fills, strict=True):
        assert fill == NO_FACTION.lower() or m.covered(areas[fill], centre[None])[0]
        assert not any(m.covered(paths, centre[None])[0] for colour, paths in areas.items() if colour != fill)


@pytest.mark.parametrize(("n", "seed"), CASES)
def test_each_label_is_nearer_its_own_marker_than_any_other(n, seed):
    net, fig = _drawn(n, seed)
    ax = fig.axes[0]
    centres, reach = m.markers(fig, ax)
    boxes = m.text_boxes(fig, ax.texts)[: len(net.actors)]  # the actors' labels come first, in order
    far = []
    for k, (box, row) in enumerate(zip(boxes, _rows(net), strict=True)):
        d = m.box_to_markers(box, centres, reach)
        if d[row] > 0 and d[row] >= np.delete(d, row).min():
            far.append(list(net.actors)[k])
    # at 40 actors on a page a label now and then finds no good spot: over seeds 0-11, 6 of 480 labels in
    # 2 scenarios, at most 4 in one (before: 204 of 480, every scenario); at 10 and 25 actors none (before:
    # 67 of 300 at 25). Checked at the bound we keep, so a regression fails
    assert len(far) <= (2 if n == 40 else 0), far


@pytest.mark.parametrize("n", ["seed", 25])
def test_the_legend_takes_at_most_a_quarter_of_a_report_column(n):
    net = alliances.load(SEED) if n == "seed" else random_network(n, 1)
    fig = draw_network(net, size="column", top=2, risk=alliances.conflict_risk(net))
    fig.canvas.draw()
    legend = fig.legends[0].get_window_extent(fig.canvas.get_renderer())
    assert fig.get_size_inches()[0] == 3.5
    assert legend.width * legend.height <= 0.25 * fig.bbox.width * fig.bbox.height
