"""The "friendship chart": every pair's stance in a grid, actors in faction order.

Each cell has the stance's fill and a glyph (``++`` ally, ``+`` friendly, ``0`` neutral,
``±`` ambivalent, ``−`` rival, ``−−`` enemy, ``?`` unknown), so the chart reads in greyscale
too. An unknown pair for which balance implies a stance (:func:`alliances.implied_relations`)
is drawn hatched in its stance's fill, the glyph on a white patch. Factions are blocks along the
diagonal, separated by rules and marked by a colour strip beside the names.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

import matplotlib
import numpy as np
from matplotlib.collections import PatchCollection
from matplotlib.patches import Patch, Rectangle

from .._checks import check_bool
from ._chrome import figure_of, figure_title, source_footer, title_text
from ._grid import axes_side, camp_bands, figure_for_grid, grid_axes
from ._inputs import as_network, camp_index, implied_table
from ._style import INK, RC, STANCE_ORDER, STANCE_STYLES, UNKNOWN_STYLE, check_figure_args, plain

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.legend import Legend

__all__ = ["actor_order", "draw_matrix", "matrix_cells"]

_DIAGONAL = "#BDBDBD"


def actor_order(net: Any, camp_of: Mapping[Hashable, int]) -> list[str]:
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
    title: str | Literal[False] | None = None,
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
        :func:`alliances.implied_relations` (columns ``a``, ``b``, ``stance``); unknown
        pairs it covers are drawn hatched. ``None`` computes it, ``False`` leaves unknowns blank.
    width, height : float, optional
        Figure size in inches (default: grows with the number of actors).
    dpi : float
    title : str or False, optional
        Default: the scenario's name and ``as_of`` date; False: no title.
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
    >>> from alliances.draw import legend_labels
    >>> legend_labels(fig)
    ['++ ally', '−− enemy', '? unknown']

    References
    ----------
    .. [1] Doreian & Mrvar (1996) A partitioning approach to structural balance. Social Networks 18.
    .. [2] Cartwright & Harary (1956) Structural balance: a generalization of Heider's theory.
       Psychological Review 63.
    """
    check_figure_args(ax=ax, width=width, height=height, dpi=dpi, title=title)
    check_bool(legend, "legend")
    check_bool(sources, "sources")
    net = as_network(net)
    with matplotlib.rc_context(RC):
        camp_of = camp_index(net, factions)
        order = actor_order(net, camp_of)
        cells = matrix_cells(net, order, implied_table(net, implied))
        n = len(order)
        labels = [plain(net.actors[v].display) for v in order]
        used = _used(cells)
        own = ax is None
        if ax is None:
            def legend_maker(fig: Figure, **kw: Any) -> Legend:
                return _legend(fig, used, **kw)

            fig, ax, side = figure_for_grid(labels, width, height, dpi, legend=legend_maker if legend else None)
        else:
            fig = figure_of(ax)
            side = axes_side(ax)
            if legend:  # just right of the caller's axes
                _legend(ax, used, ncols=1, anchor=(1.02, 1.0), fontsize=7.0)
        cell_pt = side * 72 / (n + 0.6)
        glyph_size = float(np.clip(cell_pt * 0.42, 4.0, 11.0))
        name_size = float(np.clip(cell_pt * 0.5, 5.5, 9.0))
        _draw_cells(ax, order, cells, glyph_size)
        strip = camp_bands(ax, order, camp_of)
        grid_axes(ax, labels, name_size, strip)
        if title is not False:
            figure_title(fig, ax, title or plain(title_text(net)), own=own)
        if sources and own:
            source_footer(fig, net)
    return fig


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
