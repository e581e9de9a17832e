"""The network diagram's promises, measured on what is drawn: edges clear of markers, never on
top of each other, labels clear of markers and of each other, everything on the canvas, a
legend of at most a quarter of the figure; random scenarios of 10, 25 and 40 actors at page size."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

import alliances
from alliances.draw import draw_network
from tests.draw import _measure as m
from tests.draw._scenarios import random_network


def _check(net, fig) -> None:
    ax = fig.axes[0]
    fig.canvas.draw()
    centres, reach = m.markers(fig, ax)
    assert len(centres) == len(net.actors)
    edges = m.edges(fig, ax, centres, reach)
    # no edge over a marker it does not end at
    for e in edges:
        assert m.closest_foreign_marker(e, centres, reach) >= 0, e.ends
    # no two edges on top of each other for more than a tenth of the shorter
    for i, a in enumerate(edges):
        for b in edges[i + 1:]:
            assert m.shared_fraction(a, b, centres, reach) <= 0.10, (a.ends, b.ends)
    # every text on the canvas
    canvas = fig.bbox
    for box in m.text_boxes(fig, m.every_text(fig)):
        assert box.x0 >= canvas.x0 - 0.5 and box.y0 >= canvas.y0 - 0.5
        assert box.x1 <= canvas.x1 + 0.5 and box.y1 <= canvas.y1 + 0.5
    # labels (and risk values) clear of each other and of every marker
    boxes = m.text_boxes(fig, ax.texts)
    for i, b1 in enumerate(boxes):
        assert not any(b1.overlaps(b2) for b2 in boxes[i + 1:])
        assert not any(m.box_hits_disc(b1, c, r) for c, r in zip(centres, reach, strict=True))
    # the legend takes at most a quarter of the figure
    legend = fig.legends[0].get_window_extent(fig.canvas.get_renderer())
    assert legend.width * legend.height <= 0.25 * canvas.width * canvas.height


@pytest.mark.parametrize("n", [10, 25, 40])
@settings(max_examples=2, deadline=None, derandomize=True, phases=[Phase.generate])
@given(seed=st.integers(0, 10_000))
def test_random_scenarios_keep_every_promise_at_page_size(n, seed):
    net = random_network(n, seed)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = draw_network(net, size="page", top=2, risk=alliances.conflict_risk(net))
    assert fig.get_size_inches()[0] == 6.5
    # the promise of 10% at every size: over seeds 0-11 (benchmarks/bench_route.py) the worst pair runs
    # together for at most 5.6% of the shorter at 10 actors, 4.6% at 25 and 7.2% at 40 (~90-115 ties with
    # the two riskiest pairs' bands; 17.7% before grid detours learnt to cross ties rather than run beside
    # them, on seed 0, which a tie and a band left side by side)
    _check(net, fig)


def test_every_marker_is_on_the_canvas_even_when_the_actors_do_not_fit():
    """40 actors with long names in a report column: the fit gives up on room for every label,
    never on the canvas (markers were pushed off it, and a tie's detour found no grid), nor on
    the legend's quarter."""
    net = random_network(40, 3)
    fig = draw_network(net, size="column", top=2, risk=alliances.conflict_risk(net))
    ax = fig.axes[0]
    fig.canvas.draw()
    centres, reach = m.markers(fig, ax)
    assert len(centres) == 40
    box = ax.bbox
    assert (centres[:, 0] - reach >= box.x0 - 0.5).all() and (centres[:, 0] + reach <= box.x1 + 0.5).all()
    assert (centres[:, 1] - reach >= box.y0 - 0.5).all() and (centres[:, 1] + reach <= box.y1 + 0.5).all()
    # and the legend still takes at most a quarter of the figure (it took 35% here)
    legend = fig.legends[0].get_window_extent(fig.canvas.get_renderer())
    assert legend.width * legend.height <= 0.25 * fig.bbox.width * fig.bbox.height


def _line_scenario():
    """Three actors on one line; the outer two are enemies, so their straight tie would cross the middle one."""
    net = alliances.loads("""
scenario: In the way
actors:
  - {id: a, name: West, kind: state}
  - {id: b, name: Middle, kind: state}
  - {id: c, name: East, kind: state}
relations:
  - {actors: [a, b], stance: ally}
  - {actors: [b, c], stance: ally}
  - {actors: [a, c], stance: enemy}
""")
    return net, {"a": (0.0, 0.0), "b": (1.0, 0.0), "c": (2.0, 0.0)}


def test_a_tie_that_would_cross_a_marker_bends_around_it():
    net, layout = _line_scenario()
    fig = draw_network(net, layout=layout, factions=False, centrality=False, legend=False, title=False)
    ax = fig.axes[0]
    centres, reach = m.markers(fig, ax)
    assert np.ptp(centres[:, 1]) < 1e-6  # the three markers are on one line
    (enemy,) = [e for e in m.edges(fig, ax, centres, reach) if e.width > 0 and set(e.ends) == {0, 2}]
    middle = 1
    # the straight line would run through the middle marker; the drawn tie keeps clear of it
    assert m.closest_foreign_marker(enemy, centres, reach) >= 0
    assert np.abs(enemy.points[:, 1] - centres[middle, 1]).max() > reach[middle]


def test_the_same_layout_keeps_every_actor_in_place_across_snapshots():
    """A timeline's snapshots drawn with one layout: actors that stay stay where they were."""
    from alliances.draw import signed_layout

    net = alliances.load("seeds/syria_2017.yaml")
    later = net.with_relation("russia", "us_coalition", "rival").with_relation("iran", "hezbollah", None)
    nodes = list(net.actors)
    shared = signed_layout(nodes, [(u, v, d["stance"], d["weight"]) for u, v, d in net.graph.edges(data=True)])
    figs = [draw_network(n, layout=shared, factions=False, centrality=False) for n in (net, later)]
    spots = [m.markers(f, f.axes[0])[0] for f in figs]
    # (the room kept around an actor grows a little with its ties: a hair's move, under 0.02 in)
    assert np.abs(spots[0] - spots[1]).max() < 0.02 * figs[0].dpi
