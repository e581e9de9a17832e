"""The grid both pair charts share: the stance matrix and the risk heatmap.

Actors run down the left and across the top in the same order, one unit cell per pair,
camps marked by colour strips beside the names and separated by rules. The figure is
sized so the names, the grid and the legend fit together.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np
from matplotlib.patches import Rectangle

from ._style import INK, faction_colour, new_figure, text_width_in
from ._style import renderer as _renderer

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.legend import Legend

__all__ = ["LegendMaker", "axes_side", "camp_bands", "figure_for_grid", "grid_axes"]

LegendMaker = Callable[..., "Legend"]
"""Draws a chart's legend on a figure: ``legend(fig, ncols=..., fontsize=..., anchor=...)``."""


def axes_side(ax: Axes) -> float:
    """The side in inches of the largest square that fits a caller's axes.

    Parameters
    ----------
    ax : matplotlib.axes.Axes

    Returns
    -------
    float

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = Figure(figsize=(4, 2)).add_axes((0, 0, 0.5, 1))
    >>> axes_side(ax)
    2.0
    """
    fig = ax.get_figure(root=True)
    size = fig.get_size_inches() if fig is not None else (0.0, 0.0)
    return float(min(ax.get_position().width * size[0], ax.get_position().height * size[1]))


def grid_axes(ax: Axes, labels: Sequence[str], name_size: float, strip: bool) -> None:
    """An n x n grid of unit cells, names on top and left (room for a faction strip), no frame.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    labels : sequence of str
        The actors' names, in the grid's order (first at the top left).
    name_size : float
        Font size of the names, in points.
    strip : bool
        Keep room left of and above the grid for the camps' colour strips.
    """
    n = len(labels)
    ax.set_xlim(-0.6 if strip else 0, n)
    ax.set_ylim(n, -0.6 if strip else 0)
    ax.set_aspect("equal")
    ax.set_xticks(np.arange(n) + 0.5, labels, rotation=90, fontsize=name_size)
    ax.set_yticks(np.arange(n) + 0.5, labels, fontsize=name_size)
    ax.xaxis.tick_top()
    ax.tick_params(length=0, pad=2, colors=INK)
    for spine in ax.spines.values():
        spine.set_visible(False)


def camp_bands(ax: Axes, order: Sequence[str], camp_of: Mapping[Hashable, int]) -> bool:
    """Each camp's block of rows and columns: a colour strip beside the names, rules between camps.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    order : sequence of str
        The actors in the grid's order (each camp's members together).
    camp_of : mapping of actor to camp index
        Actors missing from it are in no camp (grey).

    Returns
    -------
    bool
        Whether anything was drawn (no camps: nothing, and no room is kept for the strips).

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = Figure().add_subplot()
    >>> camp_bands(ax, ["a", "b", "c"], {"a": 0, "b": 0, "c": 1}), len(ax.patches), len(ax.lines)
    (True, 4, 2)
    >>> camp_bands(ax, ["a", "b"], {})
    False
    """
    if not camp_of:
        return False
    n = len(order)
    blocks: list[tuple[int, int, int | None]] = []
    start = 0
    for i in range(1, n + 1):
        if i == n or camp_of.get(order[i]) != camp_of.get(order[start]):
            blocks.append((start, i, camp_of.get(order[start])))
            start = i
    for lo, hi, k in blocks:
        colour = faction_colour(k)
        ax.add_patch(Rectangle((-0.55, lo + 0.05), 0.4, hi - lo - 0.1, facecolor=colour, edgecolor="none"))
        ax.add_patch(Rectangle((lo + 0.05, -0.55), hi - lo - 0.1, 0.4, facecolor=colour, edgecolor="none"))
        if lo > 0:
            ax.plot([0, n], [lo, lo], color=INK, linewidth=1.4, solid_capstyle="butt")
            ax.plot([lo, lo], [0, n], color=INK, linewidth=1.4, solid_capstyle="butt")
    return True


def figure_for_grid(
    labels: Sequence[str],
    width: float | None,
    height: float | None,
    dpi: float,
    *,
    legend: LegendMaker | None = None,
    extra_right: float = 0.0,
    footer_in: float = 0.0,
) -> tuple[Figure, Axes, float]:
    """A figure and a square axes for an n x n grid with names on two sides and the legend
    right of the grid or below it (whichever leaves the bigger grid).

    Parameters
    ----------
    labels : sequence of str
        The names along the grid (their width sets the margins).
    width, height : float or None
        Figure size in inches (default: grows with the number of actors).
    dpi : float
    legend : callable, optional
        Draws the legend on the figure (see :data:`LegendMaker`); it is drawn, measured and
        redrawn at its final place.
    extra_right : float
        Inches kept free right of the grid (for a colour bar).
    footer_in : float
        Inches the small print under the figure needs (beyond one line).

    Returns
    -------
    (Figure, Axes, float)
        The figure, the grid's axes, and the grid's side in inches.
    """
    n = len(labels)
    cell_in = 0.42 if n <= 8 else 0.3 if n <= 16 else 0.2 if n <= 30 else 0.17
    top_in, bottom_in = 0.32, 0.35 + max(0.0, footer_in - 0.2)
    fig = new_figure(width or 5.0, height or 4.0, dpi=dpi)
    name_size = float(np.clip(cell_in * 72 * 0.5, 5.5, 9.0))
    for _ in range(4):  # names, legend and grid size depend on each other: settle them
        name_in = max((text_width_in(s, name_size) for s in labels), default=0.0) + 0.35  # names, strip, padding
        leg_font = float(np.clip(name_size + 1.0, 7.0, 8.5))
        leg_w, leg_h = _legend_size(fig, legend, leg_font)
        right_w = max(leg_w, extra_right)
        w = width or max(5.0, name_in + cell_in * (n + 0.6) + right_w + 0.2)
        h = height or max(3.0, top_in + name_in + cell_in * (n + 0.6) + bottom_in)
        avail_h = h - top_in - name_in - bottom_in
        side = min(w - name_in - right_w - 0.2, avail_h)
        below = legend is not None and (width or height) is not None and \
            min(w - name_in - extra_right - 0.2, avail_h - leg_h) > side + 0.1
        if below:
            side = min(w - name_in - extra_right - 0.2, avail_h - leg_h)
        side = max(0.5, side)
        new_size = float(np.clip(side * 72 / (n + 0.6) * 0.5, 5.5, 9.0))
        if abs(new_size - name_size) < 0.05:
            break
        name_size = new_size
    fig.set_size_inches(w, h)
    grid_top = h - top_in - name_in
    ax = fig.add_axes((name_in / w, (grid_top - side) / h, side / w, side / h))
    if legend is not None:
        box = ax.get_position()
        if below:
            legend(fig, ncols=2, fontsize=leg_font, anchor=(box.x0, box.y0 - 0.12 / h))
        else:
            legend(fig, ncols=1, fontsize=leg_font, anchor=(box.x1 + 0.12 / w + extra_right / w, box.y1))
    return fig, ax, side


def _legend_size(fig: Figure, legend: LegendMaker | None, fontsize: float) -> tuple[float, float]:
    """The room (inches) the legend needs: its width in one column, its height in two."""
    if legend is None:
        return 0.0, 0.0
    renderer = _renderer(fig)
    leg = legend(fig, ncols=1, fontsize=fontsize)
    width = leg.get_window_extent(renderer).width / fig.dpi + 0.3
    leg.remove()
    leg = legend(fig, ncols=2, fontsize=fontsize)
    height = leg.get_window_extent(renderer).height / fig.dpi + 0.2
    leg.remove()
    return width, height
