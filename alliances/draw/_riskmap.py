"""The risk heatmap: P(clash) for every pair, annotated, in the matrix's faction order.

Pairs already at war (stance ``enemy``) get a dark frame, so the reader can tell a
known war from a risk of a new clash; the colour scale is sequential and reads in
greyscale (light = low, dark = high).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

import matplotlib
import numpy as np
from matplotlib.collections import PatchCollection
from matplotlib.patches import Rectangle

from .._checks import check_bool
from ._chrome import figure_of, figure_title, source_footer, title_text
from ._grid import axes_side, camp_bands, figure_for_grid, grid_axes
from ._inputs import as_network, camp_index, risk_table
from ._matrix import actor_order
from ._style import INK, RC, check_figure_args, plain, text_colour_on

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.cm import ScalarMappable
    from matplotlib.figure import Figure

    from .._network import AllianceNetwork

__all__ = ["draw_risk", "risk_matrix"]

_CMAP = "YlOrRd"


def risk_matrix(net: Any, order: list[str], risk: Any) -> np.ndarray:
    """The symmetric n x n matrix of P(clash) in ``order`` (NaN on the diagonal and for missing pairs).

    Examples
    --------
    >>> import alliances, pandas as pd
    >>> net = alliances.AllianceNetwork("T", actors=[alliances.Actor(i, i) for i in "abc"])
    >>> risk = pd.DataFrame({"a": ["a", "b"], "b": ["b", "c"], "p_clash": [0.25, 0.5]})
    >>> risk_matrix(net, ["c", "b", "a"], risk)[0].tolist()
    [nan, 0.5, nan]
    """
    index = {v: i for i, v in enumerate(order)}
    n = len(order)
    M = np.full((n, n), np.nan)
    for a, b, p in risk[["a", "b", "p_clash"]].itertuples(index=False):
        i, j = index.get(str(a)), index.get(str(b))
        if i is None or j is None or i == j or p is None:
            continue
        M[i, j] = M[j, i] = float(p)
    return M


def draw_risk(
    net: Any,
    *,
    risk: Any = None,
    ax: Axes | None = None,
    factions: Any = None,
    width: float | None = None,
    height: float | None = None,
    dpi: float = 150,
    title: str | Literal[False] | None = None,
    sources: bool = True,
) -> Figure:
    """Draw P(clash) for every pair as an annotated heatmap, actors in the matrix's order.

    Parameters
    ----------
    net : AllianceNetwork or networkx.Graph
    risk : DataFrame, optional
        :func:`alliances.risk.conflict_risk` (columns ``a``, ``b``, ``p_clash``); computed when None.
    ax : matplotlib Axes, optional
    factions : FactionsResult, mapping, list of camps, None or False
        Order and blocks as in :func:`~alliances.draw.draw_matrix`.
    width, height : float, optional
    dpi : float
    title : str or False, optional
        Default: "Risk of a direct clash" with the scenario's name and date; False: no title.
    sources : bool
        Draw the source line (only on a figure of its own).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import alliances, pandas as pd
    >>> net = alliances.AllianceNetwork("T", actors=[alliances.Actor(i, i.upper()) for i in "ab"])
    >>> fig = draw_risk(net, risk=pd.DataFrame({"a": ["a"], "b": ["b"], "p_clash": [0.3]}), factions=False)
    >>> sorted(t.get_text() for t in fig.axes[0].texts)
    ['.30', '.30']

    References
    ----------
    .. [1] Bremer (1992) Dangerous dyads. Journal of Conflict Resolution 36.
    """
    check_figure_args(ax=ax, width=width, height=height, dpi=dpi, title=title)
    check_bool(sources, "sources")
    net = as_network(net)
    with matplotlib.rc_context(RC):
        camp_of = camp_index(net, factions)
        order = actor_order(net, camp_of)
        n = len(order)
        M = risk_matrix(net, order, risk_table(net, risk))
        labels = [plain(net.actors[v].display) for v in order]
        own = ax is None
        if ax is None:
            fig, ax, side = figure_for_grid(labels, width, height, dpi, extra_right=1.1)
        else:
            fig = figure_of(ax)
            side = axes_side(ax)
        cell_pt = side * 72 / (n + 0.6)
        value_size = float(np.clip(cell_pt * 0.34, 4.0, 9.0))
        name_size = float(np.clip(cell_pt * 0.5, 5.5, 9.0))
        mappable = _draw_cells(ax, net, order, M, value_size)
        strip = camp_bands(ax, order, camp_of)
        grid_axes(ax, labels, name_size, strip)
        if own:
            _colour_bar(fig, ax, mappable, net, order, side)
        if title is not False:
            figure_title(fig, ax, title or plain(f"Risk of a direct clash: {title_text(net)}"), own=own)
        if sources and own:
            source_footer(fig, net)
    return fig


def _colour_bar(fig: Figure, ax: Axes, mappable: ScalarMappable, net: AllianceNetwork, order: list[str],
                side: float) -> None:
    """The colour scale right of the grid, and a note on the framed cells when there are any."""
    w, h = fig.get_size_inches()
    box = ax.get_position()
    bar_h = min(side * 0.6, 2.5)
    cax = fig.add_axes((box.x1 + 0.3 / w, box.y1 - bar_h / h, 0.14 / w, bar_h / h))
    bar = fig.colorbar(mappable, cax=cax)
    bar.set_label("P(direct clash)", fontsize=8, color=INK)
    bar.ax.tick_params(labelsize=7, colors=INK)
    bar.outline.set_visible(False)
    if any(_at_war(net, a, b) for i, a in enumerate(order) for b in order[i + 1:]):
        fig.text(box.x1 + 0.12 / w, box.y1 - (bar_h + 0.15) / h, "framed: already\nenemies (at war)",
                 fontsize=7, color=INK, va="top")


def _at_war(net: AllianceNetwork, a: str, b: str) -> bool:
    stance = net.stance(a, b)
    return stance is not None and stance.value == "enemy"


def _draw_cells(ax: Axes, net: AllianceNetwork, order: list[str], M: np.ndarray,
                value_size: float) -> ScalarMappable:
    import matplotlib as mpl

    n = len(order)
    cmap = mpl.colormaps[_CMAP]
    norm = mpl.colors.Normalize(vmin=0.0, vmax=max(0.5, float(np.nanmax(M)) if np.isfinite(M).any() else 0.5))
    rects, colours, framed = [], [], []
    for i in range(n):
        for j in range(n):
            rect = Rectangle((j, i), 1, 1)
            p = M[i, j]
            if i == j:
                colours.append("#BDBDBD")
            elif np.isnan(p):
                colours.append("white")
            else:
                colour = cmap(norm(p))
                colours.append(colour)
                ink = text_colour_on(mpl.colors.to_hex(colour))
                ax.text(j + 0.5, i + 0.5, _fmt(p), ha="center", va="center_baseline", fontsize=value_size,
                        color=ink)
                if _at_war(net, order[i], order[j]):
                    framed.append((Rectangle((j + 0.08, i + 0.08), 0.84, 0.84), ink))
            rects.append(rect)
    ax.add_collection(PatchCollection(rects, facecolors=colours, edgecolors="white", linewidths=1.0))
    if framed:
        ax.add_collection(PatchCollection([r for r, _ in framed], facecolors="none",
                                          edgecolors=[c for _, c in framed], linewidths=1.0))
    ax.add_patch(Rectangle((0, 0), n, n, facecolor="none", edgecolor="#9E9E9E", linewidth=0.8))
    return mpl.cm.ScalarMappable(norm=norm, cmap=cmap)


def _fmt(p: float) -> str:
    # ".42": the leading zero adds nothing in a table of probabilities and costs a third of the width
    text = f"{p:.2f}"
    return text[1:] if text.startswith("0.") else text
