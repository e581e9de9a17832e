"""Figure chrome: title text, source line and footer, titles that fit, legend entries, label hit-tests."""

from __future__ import annotations

import datetime as dt
import itertools
import random

from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.transforms import Bbox

from alliances import AllianceNetwork, Source
from alliances.draw import legend_labels, source_line, title_text
from alliances.draw._chrome import (
    axes_title,
    box_hits_circle,
    figure_of,
    figure_title,
    mark_heading,
    source_footer,
)
from alliances.draw._style import new_figure


def _sources(k: int) -> list[Source]:
    return [Source(f"s{i}", title=f"Report {i}", publisher=f"Agency {i}") for i in range(k)]


def test_title_is_the_scenario_and_its_date():
    assert title_text(AllianceNetwork("Toy")) == "Toy"
    assert title_text(AllianceNetwork("Toy", as_of=dt.date(2020, 1, 31))) == "Toy, as of 2020-01-31"


def test_source_line_lists_at_most_three_sources_and_counts_the_rest():
    assert source_line(AllianceNetwork("T")) == ""
    assert source_line(AllianceNetwork("T", sources=_sources(1))) == 'Source: Agency 0, "Report 0"'
    assert source_line(AllianceNetwork("T", sources=_sources(3))) == (
        'Sources: Agency 0, "Report 0"; Agency 1, "Report 1"; Agency 2, "Report 2"')
    assert source_line(AllianceNetwork("T", sources=_sources(5))).endswith('Agency 2, "Report 2" (and 2 more)')
    assert source_line(AllianceNetwork("T", sources=_sources(5)), limit=1) == (
        'Sources: Agency 0, "Report 0" (and 4 more)')
    # a source with nothing but its id is named by its id
    assert source_line(AllianceNetwork("T", sources=[Source("wire-17")])) == "Source: wire-17"


def test_source_footer_only_when_there_are_sources_and_dollars_stay_plain():
    fig = new_figure(4, 3)
    source_footer(fig, AllianceNetwork("T"))
    assert fig.texts == []
    source_footer(fig, AllianceNetwork("T", sources=[Source("s", title="US$ 5m")]))
    (text,) = fig.texts
    assert text.get_text() == 'Source: "US\\$ 5m"'
    assert text.get_position() == (0.1 / 4, 0.04 / 3) and text.get_fontsize() == 7.0


def test_source_footer_wraps_to_the_figure_width_and_is_never_cut():
    for width, lines in ((3.5, 2), (6.5, 1)):
        fig = new_figure(width, 3)
        height = source_footer(fig, AllianceNetwork("T", sources=_sources(5)))
        (text,) = fig.texts
        box = text.get_window_extent(fig.canvas.get_renderer())
        assert box.x0 >= 0 and box.x1 <= fig.bbox.x1 and box.y0 >= 0
        assert text.get_text().endswith("(and 2 more)")  # the count is never cut off
        assert abs(box.height / fig.dpi - height) < 0.06  # the height it says it needs
        assert text.get_text().count("\n") == lines - 1


def test_figure_title_fits_the_figure_or_sits_on_the_callers_axes():
    fig = new_figure(3, 2)
    ax = fig.add_axes((0.1, 0.1, 0.5, 0.5))
    long = "A very long scenario name that cannot fit on a figure three inches wide"
    figure_title(fig, ax, long, own=True)
    (text,) = fig.texts
    assert "\n" in text.get_text() and text.get_fontsize() == 9.0  # shrunk to the floor, then wrapped
    assert text.get_text().replace("\n", " ") == long
    fig = new_figure(6, 2)
    ax = fig.add_axes((0.1, 0.1, 0.5, 0.5))
    figure_title(fig, ax, "Short", own=False)
    assert fig.texts == [] and ax.get_title(loc="left") == "Short"
    assert ax.get_title(loc="center") == ""


def test_axes_title_fits_the_figure_when_it_is_ours_and_the_axes_otherwise():
    fig = new_figure(8, 4)
    ax = fig.add_axes((0.1, 0.1, 0.2, 0.8))  # 1.6 inches wide
    text = "A title of some forty characters or so"  # about 3.5 inches at 12 points
    axes_title(fig, ax, text, own=True, pad=10)
    assert ax.get_title(loc="left") == text
    axes_title(fig, ax, text, own=False)
    assert "\n" in ax.get_title(loc="left")


def test_legend_labels_leave_headings_out_and_read_every_legend():
    fig = Figure()
    ax = fig.add_subplot()
    leg = fig.legend([Line2D([], [])] * 3, ["Relations", "ally", "enemy"])
    mark_heading(leg.get_texts()[0])
    ax.legend([Line2D([], [])], ["on the axes"])
    assert legend_labels(fig) == ["ally", "enemy", "on the axes"]
    assert legend_labels(Figure()) == []


def test_figure_of_a_callers_axes():
    fig = Figure()
    assert figure_of(fig.add_subplot()) is fig
    root = Figure()
    sub = root.subfigures(1, 2)[0]
    assert figure_of(sub.add_subplot()) is root


def test_box_hits_circle_by_hand():
    box = Bbox.from_extents(0, 0, 4, 2)
    assert box_hits_circle(box, (2, 1), 0.1)  # centre inside
    assert box_hits_circle(box, (5, 1), 1.01) and not box_hits_circle(box, (5, 1), 1.0)  # side
    corner = (5, 3)  # nearest point is the corner (4, 2), at sqrt(2)
    assert box_hits_circle(box, corner, 1.42) and not box_hits_circle(box, corner, 1.41)


@settings(max_examples=200, deadline=None)
@given(st.floats(-5, 5), st.floats(-5, 5), st.floats(0.01, 3), st.integers(0, 10_000))
def test_box_hits_circle_matches_sampling_the_box(cx, cy, r, seed):
    """Brute force: some point of the box lies within r of the centre exactly when it says so."""
    rng = random.Random(seed)
    x0, y0 = rng.uniform(-3, 0), rng.uniform(-3, 0)
    box = Bbox.from_extents(x0, y0, x0 + rng.uniform(0.1, 3), y0 + rng.uniform(0.1, 3))
    steps = 60
    xs = [box.x0 + (box.x1 - box.x0) * i / steps for i in range(steps + 1)]
    ys = [box.y0 + (box.y1 - box.y0) * i / steps for i in range(steps + 1)]
    sampled = min(((x - cx) ** 2 + (y - cy) ** 2) ** 0.5 for x, y in itertools.product(xs, ys))
    # the true distance d is at most the sampled one, and at least it less half a cell's diagonal
    slack = (box.width ** 2 + box.height ** 2) ** 0.5 / steps / 2
    if sampled < r:
        assert box_hits_circle(box, (cx, cy), r)
    elif sampled - slack > r:
        assert not box_hits_circle(box, (cx, cy), r)
