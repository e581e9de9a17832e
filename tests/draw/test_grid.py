"""The pair grid of the matrix and the heatmap: cells, camp bands, and a figure sized to names and legend."""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from alliances.draw._grid import axes_side, camp_bands, figure_for_grid, grid_axes
from alliances.draw._style import faction_colour, renderer


def _legend(fig, *, ncols, fontsize, anchor=(0.0, 1.0)):
    handles = [Line2D([], [])] * 4
    return fig.legend(handles, ["ally", "enemy", "unknown", "implied by balance"], loc="upper left",
                      bbox_to_anchor=anchor, ncols=ncols, fontsize=fontsize, frameon=False)


def test_axes_side_is_the_largest_square():
    fig = Figure(figsize=(8, 3))
    assert axes_side(fig.add_axes((0, 0, 0.5, 1))) == pytest.approx(3.0)
    assert axes_side(fig.add_axes((0, 0, 0.25, 1))) == pytest.approx(2.0)


def test_grid_axes_one_unit_cell_per_pair_names_on_top_and_left():
    ax = Figure().add_subplot()
    grid_axes(ax, ["A", "B", "C"], 8.0, strip=False)
    assert ax.get_xlim() == (0.0, 3.0) and ax.get_ylim() == (3.0, 0.0)  # first actor in the top row
    assert [t.get_text() for t in ax.get_xticklabels()] == ["A", "B", "C"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A", "B", "C"]
    assert list(ax.get_xticks()) == [0.5, 1.5, 2.5]
    assert not any(s.get_visible() for s in ax.spines.values())
    ax = Figure().add_subplot()
    grid_axes(ax, ["A", "B"], 8.0, strip=True)
    assert ax.get_xlim() == (-0.6, 2.0)  # room for the faction strip


def test_camp_bands_one_strip_per_block_and_rules_between_blocks():
    ax = Figure().add_subplot()
    order = ["a", "b", "c", "d", "e"]
    camps = {"a": 0, "b": 0, "c": 1, "d": 1, "e": 1}
    assert camp_bands(ax, order, camps)
    # two blocks, each a strip beside the rows and one above the columns
    assert len(ax.patches) == 4
    colours = sorted({p.get_facecolor() for p in ax.patches})
    assert len(colours) == 2
    strips = sorted((p.get_y(), p.get_height()) for p in ax.patches if p.get_x() == -0.55)
    assert strips == [pytest.approx((0.05, 1.9)), pytest.approx((2.05, 2.9))]
    # one rule across and one down, at the camp boundary (row 2)
    assert sorted((tuple(line.get_xdata()), tuple(line.get_ydata())) for line in ax.lines) == [
        ((0, 5), (2, 2)), ((2, 2), (0, 5))]


def test_camp_bands_actors_in_no_camp_form_their_own_grey_block():
    ax = Figure().add_subplot()
    assert camp_bands(ax, ["a", "b", "c"], {"a": 0})
    fills = [p.get_facecolor() for p in ax.patches]
    from matplotlib.colors import to_rgba

    assert to_rgba(faction_colour(None)) in fills and to_rgba(faction_colour(0)) in fills
    assert not camp_bands(Figure().add_subplot(), ["a"], {})


@pytest.mark.parametrize("n", [3, 12, 40])
def test_figure_for_grid_square_cells_names_and_legend_inside(n):
    labels = [f"Actor with a name {i}" for i in range(n)]
    fig, ax, side = figure_for_grid(labels, None, None, 100, legend=_legend)
    w, h = fig.get_size_inches()
    box = ax.get_position()
    assert box.width * w == pytest.approx(side) and box.height * h == pytest.approx(side)  # square
    assert 0 < box.x0 and box.x1 < 1 and 0 < box.y0 and box.y1 < 1
    (leg,) = fig.legends
    lb = leg.get_window_extent(renderer(fig))
    assert lb.x1 <= fig.bbox.x1 + 1 and lb.x0 >= ax.get_window_extent(renderer(fig)).x1  # right of the grid


def test_figure_for_grid_puts_the_legend_below_when_that_leaves_a_bigger_grid():
    labels = ["A", "B", "C", "D"]
    fig, ax, side = figure_for_grid(labels, 4.0, 9.0, 100, legend=_legend)  # tall and narrow
    (leg,) = fig.legends
    rend = renderer(fig)
    assert leg.get_window_extent(rend).y1 <= ax.get_window_extent(rend).y0 + 1
    fig, ax, _ = figure_for_grid(labels, 9.0, 4.0, 100, legend=_legend)  # wide and low
    (leg,) = fig.legends
    assert leg.get_window_extent(rend := renderer(fig)).x0 >= ax.get_window_extent(rend).x1


def test_figure_for_grid_keeps_room_on_the_right_and_honours_a_given_size():
    fig, ax, side = figure_for_grid(["A", "B"], 6.0, 5.0, 100, extra_right=1.1)
    assert fig.get_size_inches().tolist() == [6.0, 5.0]
    assert (1 - ax.get_position().x1) * 6.0 >= 1.1
    assert fig.legends == []
