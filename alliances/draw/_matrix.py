"""The "friendship chart": every pair's stance in a grid, actors in faction order.

Each cell has the stance's fill and a glyph (``++`` ally, ``+`` friendly, ``0`` neutral,
``±`` ambivalent, ``−`` rival, ``−−`` enemy, ``?`` unknown), so the chart reads in greyscale
too. An unknown pair for which balance implies a stance (:func:`alliances.analysis._implied.implied_relations`)
is drawn hatched in a paler fill with the glyph in parentheses. Factions are blocks along the
diagonal, separated by rules and marked by a colour strip beside the names.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

import matplotlib
import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import PatchCollection
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle

from ._inputs import as_network, camp_index, implied_table
from ._network import _source_footer, title_text
from ._style import (
    INK,
    RC,
    STANCE_ORDER,
    STANCE_STYLES,
    UNKNOWN_STYLE,
    faction_colour,
    fit_text,
    new_figure,
    plain,
)
from ._style import renderer as _renderer

__all__ = ["actor_order", "draw_matrix", "matrix_cells"]

_DIAGONAL = "#BDBDBD"


def actor_order(net: Any, camp_of: dict[Hashable, int]) -> list[str]:
    """Actors in faction order (largest faction first), file order inside a faction; others last.

    Examples
    --------
    >>> import alliances
    >>> net = alliances.AllianceNetwork("T", actors=[alliances.Actor(i, i.upper()) for i in "abcd"])
    >>> actor_order(net, {"c": 0, "a": 1, "d": 0})
    ['c', 'd', 'a', 'b']
    """
    net = as_network(net)
    rank = {v: i for i, v in enumerate(net.actors)}
    big = 1 + max(camp_of.values(), default=0)
    return sorted(net.actors, key=lambda v: (camp_of.get(v, big), rank[v]))


def matrix_cells(net: Any, order: Sequence[str], implied: Any = None) -> dict[tuple[str, str], tuple[str, bool]]:
    """(a, b) -> (stance name or ``"unknown"``, implied?) for every ordered pair of different actors.

    Examples
    --------
    >>> import alliances
    >>> net = alliances.loads('''
    ... scenario: T
    ... actors: [{id: a, name: A, kind: state}, {id: b, name: B, kind: state}, {id: c, name: C, kind: state}]
    ... relations: [{actors: [a, b], stance: enemy}]
    ... ''')
    >>> cells = matrix_cells(net, ["a", "b", "c"])
    >>> cells["b", "a"], cells["a", "c"]
    (('enemy', False), ('unknown', False))
    """
    net = as_network(net)
    guessed: dict[tuple[str, str], str] = {}
    if implied is not None and len(implied):
        for rec in implied[["a", "b", "stance"]].itertuples(index=False):
            a, b, stance = str(rec[0]), str(rec[1]), rec[2]
            if stance is None or str(stance) not in STANCE_STYLES:
                continue
            guessed[(a, b)] = guessed[(b, a)] = str(stance)
    cells = {}
    for a in order:
        for b in order:
            if a == b:
                continue
            stance = net.stance(a, b)
            if stance is not None:
                cells[(a, b)] = (stance.value, False)
            elif (a, b) in guessed:
                cells[(a, b)] = (guessed[(a, b)], True)
            else:
                cells[(a, b)] = ("unknown", False)
    return cells


def draw_matrix(
    net: Any,
    *,
    ax: Axes | None = None,
    factions: Any = None,
    implied: Any = None,
    width: float | None = None,
    height: float | None = None,
    dpi: float = 150,
    title: str | None = None,
    legend: bool = True,
    sources: bool = True,
) -> Figure:
    """Draw the stance matrix ("friendship chart") of a scenario, actors in faction order.

    Parameters
    ----------
    net : AllianceNetwork or networkx.Graph
    ax : matplotlib Axes, optional
        Draw into this axes.
    factions : FactionsResult, mapping, list of camps, None or False
        ``None`` computes :func:`alliances.factions`; ``False``: file order, no blocks.
    implied : DataFrame, None or False
        :func:`alliances.analysis._implied.implied_relations` (columns ``a``, ``b``, ``stance``); unknown
        pairs it covers are drawn hatched. ``None`` computes it, ``False`` leaves unknowns blank.
    width, height : float, optional
        Figure size in inches (default: grows with the number of actors).
    dpi : float
    title : str, optional
        Default: the scenario's name and ``as_of`` date.
    legend, sources : bool
        Draw the legend / the source line (the source line only on a figure of its own).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import alliances
    >>> net = alliances.loads('''
    ... scenario: Toy
    ... actors: [{id: a, name: Alpha, kind: state}, {id: b, name: Beta, kind: state},
    ...          {id: c, name: Gamma, kind: state}]
    ... relations: [{actors: [a, b], stance: ally}, {actors: [a, c], stance: enemy}]
    ... ''')
    >>> fig = draw_matrix(net, factions=[["a", "b"], ["c"]], implied=False)
    >>> from alliances.draw._network import legend_labels
    >>> legend_labels(fig)
    ['++ ally', '−− enemy', '? unknown']

    References
    ----------
    .. [1] Doreian & Mrvar (1996) A partitioning approach to structural balance. Social Networks 18.
    .. [2] Cartwright & Harary (1956) Structural balance: a generalization of Heider's theory.
       Psychological Review 63.
    """
    net = as_network(net)
    with matplotlib.rc_context(RC):
        camp_of = camp_index(net, factions)
        table = implied_table(net, implied)
        order = actor_order(net, camp_of)
        cells = matrix_cells(net, order, table)
        n = len(order)
        labels = [plain(net.actors[v].display) for v in order]
        used = _used(cells)
        own = ax is None
        if own:
            fig, ax, side = _figure_for_grid(labels, width, height, dpi, legend=(lambda f, **kw: _legend(f, used, **kw))
                                             if legend else None)
        else:
            fig = ax.figure
            side = _axes_side(ax)
            if legend:  # just right of the caller's axes
                _legend(ax, used, ncols=1, anchor=(1.02, 1.0), fontsize=7.0)
        cell_pt = side * 72 / (n + 0.6)
        glyph_size = float(np.clip(cell_pt * 0.42, 4.0, 11.0))
        name_size = float(np.clip(cell_pt * 0.5, 5.5, 9.0))
        _draw_cells(ax, order, cells, glyph_size)
        strip = _draw_factions(ax, order, camp_of)
        _grid_axes(ax, labels, name_size, strip)
        if title is not False:
            _title(fig, ax, title or plain(title_text(net)), own)
        if sources and own:
            _source_footer(fig, net)
    return fig


def _title(fig: Figure, ax: Axes, text: str, own: bool) -> None:
    """The title: at the figure's top left, or above a caller's axes (clear of its top labels)."""
    if own:
        text, size = fit_text(text, fig.get_size_inches()[0] - 0.2)
        fig.text(0.01, 0.99, text, fontsize=size, color=INK, ha="left", va="top")
    else:
        text, size = fit_text(text, ax.get_position().width * fig.get_size_inches()[0], size=10.0, min_size=7.0)
        ax.set_title(text, fontsize=size, color=INK, loc="left")


def _axes_side(ax: Axes) -> float:
    """The side in inches of the largest square that fits a caller's axes."""
    size = ax.figure.get_size_inches()
    return min(ax.get_position().width * size[0], ax.get_position().height * size[1])


def _grid_axes(ax: Axes, labels: Sequence[str], name_size: float, strip: bool) -> None:
    """An n x n grid of unit cells, names on top and left (room for a faction strip), no frame."""
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


def _figure_for_grid(labels: Sequence[str], width, height, dpi, *, legend=None, extra_right: float = 0.0):
    """A figure and a square axes for an n x n grid with names on two sides and the legend
    right of the grid or below it (whichever leaves the bigger grid). Returns (fig, ax, side)."""
    n = len(labels)
    cell_in = 0.42 if n <= 8 else 0.3 if n <= 16 else 0.2 if n <= 30 else 0.17
    top_in, bottom_in = 0.32, 0.35
    fig = new_figure(width or 5.0, height or 4.0, dpi=dpi)
    renderer = _renderer(fig)
    name_size = float(np.clip(cell_in * 72 * 0.5, 5.5, 9.0))
    for _ in range(4):  # names, legend and grid size depend on each other: settle them
        name_in = _text_width_in(labels, name_size) + 0.35  # names, colour strip and padding
        leg_font = float(np.clip(name_size + 1.0, 7.0, 8.5))
        leg_w = leg_h = 0.0
        if legend is not None:
            leg = legend(fig, ncols=1, fontsize=leg_font)
            leg_w = leg.get_window_extent(renderer).width / fig.dpi + 0.3
            leg.remove()
            leg = legend(fig, ncols=2, fontsize=leg_font)
            leg_h = leg.get_window_extent(renderer).height / fig.dpi + 0.2
            leg.remove()
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


def _text_width_in(labels: Sequence[str], size: float) -> float:
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextPath

    prop = FontProperties(family=RC["font.family"], size=size)
    widest = max((TextPath((0, 0), s, prop=prop).get_extents().width for s in labels), default=0.0)
    return widest / 72


def _used(cells) -> dict[str, set]:
    used: dict[str, set] = {"stances": set(), "implied": set(), "unknown": set()}
    for stance, guessed in cells.values():
        if guessed:
            used["implied"].add(stance)
        else:
            (used["unknown"] if stance == "unknown" else used["stances"]).add(stance)
    return used


def _draw_cells(ax: Axes, order: Sequence[str], cells, glyph_size: float) -> None:
    n = len(order)
    plain: list = []
    plain_colours: list = []
    hatched: dict[str, list] = {}
    for i, a in enumerate(order):
        for j, b in enumerate(order):
            rect = Rectangle((j, i), 1, 1)
            if i == j:
                plain.append(rect)
                plain_colours.append(_DIAGONAL)
                continue
            stance, guessed = cells[(a, b)]
            style = STANCE_STYLES.get(stance, UNKNOWN_STYLE)
            box = None
            if guessed:
                hatched.setdefault(stance, []).append(rect)
                glyph, colour = style.glyph, INK
                # a white patch keeps the glyph readable on the hatching
                box = {"boxstyle": "square,pad=0.08", "facecolor": "white", "edgecolor": "none"}
            else:
                plain.append(rect)
                plain_colours.append(style.fill)
                glyph = style.glyph
                colour = "white" if stance in ("ally", "enemy") else INK if stance != "unknown" else "#8C8C8C"
            ax.text(j + 0.5, i + 0.5, glyph, ha="center", va="center_baseline", fontsize=glyph_size,
                    color=colour, fontweight="bold" if stance in ("ally", "enemy") and not guessed else "normal",
                    bbox=box)
    ax.add_collection(PatchCollection(plain, facecolors=plain_colours, edgecolors="white", linewidths=1.0))
    for stance in sorted(hatched, key=STANCE_ORDER.index):
        colour = STANCE_STYLES[stance].fill
        ax.add_collection(PatchCollection(hatched[stance], facecolors="white", edgecolors=colour,
                                          hatch="////", linewidths=0.0))
        ax.add_collection(PatchCollection(hatched[stance], facecolors="none", edgecolors="white",
                                          linewidths=1.0))
    # thin frame so white cells at the edge do not melt into the page
    ax.add_patch(Rectangle((0, 0), n, n, facecolor="none", edgecolor="#9E9E9E", linewidth=0.8))


def _draw_factions(ax: Axes, order: Sequence[str], camp_of) -> bool:
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


def _legend(target, used, *, ncols: int, anchor: tuple[float, float] = (0.0, 1.0), fontsize: float = 8.0):
    handles, labels = [], []
    for stance in STANCE_ORDER:
        if stance in used["stances"]:
            st = STANCE_STYLES[stance]
            handles.append(Patch(facecolor=st.fill, edgecolor="#9E9E9E", linewidth=0.6))
            labels.append(f"{st.glyph} {stance}")
    if used["unknown"]:
        handles.append(Patch(facecolor="white", edgecolor="#9E9E9E", linewidth=0.6))
        labels.append("? unknown")
    for stance in STANCE_ORDER:
        if stance in used["implied"]:
            st = STANCE_STYLES[stance]
            handles.append(Patch(facecolor="white", edgecolor=st.fill, hatch="////", linewidth=0.6))
            labels.append(f"{st.glyph} {stance}, implied by balance")
    return target.legend(handles, labels, loc="upper left", bbox_to_anchor=anchor, ncols=ncols, frameon=False,
                      fontsize=fontsize,
                      handlelength=1.6, handleheight=1.2, borderaxespad=0.0, labelspacing=0.5,
                      columnspacing=1.2)
