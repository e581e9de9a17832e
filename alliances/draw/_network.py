"""The alliance network diagram: who stands with whom, who fights whom, and where a clash may come.

Actors are placed by :func:`~alliances.draw.signed_layout` (allies close, enemies
far, factions grouped), drawn with a marker per actor kind, filled with their faction's
colour over a shaded hull per faction, and sized by centrality. Ties are drawn by stance
(colour paired with line style, width by weight, lighter when less certain). Labels are
placed by adjustText with a fixed iteration budget, so the picture is the same every run.
"""

from __future__ import annotations

import math
from collections.abc import Hashable
from typing import TYPE_CHECKING, Any, Literal

import matplotlib
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Polygon

from .._checks import check_bool, check_int
from ._chrome import axes_title, box_hits_circle, figure_of, mark_heading, source_footer, title_text
from ._inputs import as_network, camp_index, node_sizes, risk_table
from ._layout import signed_layout
from ._style import (
    INK,
    KIND_LABELS,
    KIND_MARKERS,
    MUTED,
    RC,
    RISK_COLOUR,
    STANCE_ORDER,
    STANCE_STYLES,
    check_figure_args,
    edge_alpha,
    edge_width,
    faction_colour,
    new_figure,
    plain,
)
from ._style import renderer as _renderer

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.legend import Legend

    from .._network import AllianceNetwork

__all__ = ["draw_network"]

_LABEL_ITERATIONS = 250
_MIN_NODE, _MAX_NODE = 110.0, 420.0  # marker area (pt^2) for the least / most central actor
_REACH = {"militia": 1.41, "coalition": 1.2, "armed_group": 1.2}  # marker tip distance / circle radius


def draw_network(
    net: Any,
    *,
    ax: Axes | None = None,
    factions: Any = None,
    risk: Any = None,
    top: int = 0,
    centrality: Any = None,
    width: float | None = None,
    height: float | None = None,
    dpi: float = 150,
    title: str | Literal[False] | None = None,
    legend: bool = True,
    sources: bool = True,
    label_iterations: int = _LABEL_ITERATIONS,
) -> Figure:
    """Draw the alliance network: signed layout, stances, factions, centrality, risk overlay.

    Parameters
    ----------
    net : AllianceNetwork or networkx.Graph
        The scenario (a signed graph is converted with :meth:`AllianceNetwork.from_networkx`).
    ax : matplotlib Axes, optional
        Draw into this axes (title, legend and source line then go on its figure's axes only).
    factions : FactionsResult, mapping, list of camps, None or False
        Faction of each actor, e.g. from :func:`alliances.factions`; ``None``
        computes it, ``False`` draws no factions.
    risk : DataFrame, optional
        The all-pairs table of :func:`alliances.risk.conflict_risk` (columns ``a``, ``b``,
        ``p_clash``); computed only when ``top > 0`` and not given.
    top : int
        Highlight the ``top`` highest-risk pairs that are not already enemies (0: none).
    centrality : mapping or Series, None or False
        Node size; ``None`` computes :func:`alliances.signed_degree`,
        ``False`` draws every actor the same size.
    width, height : float, optional
        Figure size in inches (default: grows with the number of actors).
    dpi : float
        Figure resolution (labels are placed at this resolution).
    title : str or False, optional
        Default: the scenario's name and ``as_of`` date; False: no title.
    legend, sources : bool
        Draw the legend / the source line (the source line only on a figure of its own).
    label_iterations : int
        Iterations of label placement (a count, never a time limit: output is reproducible).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import alliances
    >>> net = alliances.loads('''
    ... scenario: Toy
    ... actors:
    ...   - {id: a, name: Alpha, kind: state}
    ...   - {id: b, name: Beta, kind: militia}
    ... relations:
    ...   - {actors: [a, b], stance: enemy}
    ... ''')
    >>> fig = draw_network(net, factions=[["a"], ["b"]], centrality=False)
    >>> from alliances.draw import legend_labels
    >>> legend_labels(fig)
    ['enemy', 'state', 'militia', 'camp of Alpha', 'camp of Beta']

    References
    ----------
    .. [1] Gansner, Koren & North (2004) Graph drawing by stress majorization. Graph Drawing, LNCS 3383.
    .. [2] Doreian & Mrvar (1996) A partitioning approach to structural balance. Social Networks 18.
    .. [3] Okabe & Ito (2008) Color Universal Design: how to make figures friendly to colorblind people.
    """
    check_figure_args(ax=ax, width=width, height=height, dpi=dpi, title=title)
    check_int(top, "top", low=0)
    check_int(label_iterations, "label_iterations", low=0, high=10_000)
    check_bool(legend, "legend")
    check_bool(sources, "sources")
    net = as_network(net)
    nodes = list(net.actors)
    with matplotlib.rc_context(RC):
        camp_of = camp_index(net, factions)
        sizes01 = node_sizes(net, centrality)
        risky = _risky_pairs(net, risk_table(net, risk), top) if top and top > 0 else []
        edges = [(u, v, d["stance"], d["weight"]) for u, v, d in net.graph.edges(data=True)]
        pos = signed_layout(nodes, edges, camp_of=camp_of)
        n = len(nodes)
        # what the legend lists comes from the data, so the legend can be measured first and
        # the drawing given the room that is left
        used = _contents(net, camp_of, risky, centrality)
        own = ax is None
        if ax is None:
            fig, ax = _own_figure(net, used, top, width=width, height=height, dpi=dpi, legend=legend)
        else:
            fig = figure_of(ax)
            if legend:
                _draw_legend(fig, net, used, top, ax=ax)
        ax.set_axis_off()
        font = 9.0 if n <= 15 else 8.0 if n <= 30 else 7.0
        area = {v: _MIN_NODE + (_MAX_NODE - _MIN_NODE) * sizes01.get(v, 0.5) for v in nodes}
        if n > 25:
            area = {v: a * 0.6 for v, a in area.items()}
        scale = _fit_limits(ax, fig, pos, pad_in=(0.65, 0.35))
        # the marker's reach from its centre (data units): a diamond's tips and a square's or
        # triangle's corners stick out of the circle of the same area
        radius = {v: np.sqrt(area[v]) / 2 / 72 / scale * _REACH.get(str(net.actors[v].kind), 1.0) for v in nodes}

        _draw_hulls(ax, net, pos, camp_of, radius)
        _draw_edges(ax, net, pos)
        if risky:
            _draw_risk(ax, pos, risky)
        _draw_nodes(ax, net, pos, camp_of, area)
        labels = _draw_labels(ax, net, pos, radius, font, label_iterations)
        if risky:
            _draw_risk_values(ax, pos, radius, risky, font, labels)

        if title is not False:
            axes_title(fig, ax, title or plain(title_text(net)), own=own, pad=10)
        if sources and own:
            source_footer(fig, net)
    return fig


def _own_figure(net: AllianceNetwork, used: dict[str, Any], top: int, *, width: float | None,
                height: float | None, dpi: float, legend: bool) -> tuple[Figure, Axes]:
    """A figure of its own sized to the number of actors, the legend right of the drawing."""
    n = len(net.actors)
    w = width or (8.0 if n <= 12 else 9.0 if n <= 25 else 11.0)
    h = height or (w * 0.7)
    fig = new_figure(w, h, dpi=dpi)
    leg = _draw_legend(fig, net, used, top) if legend else None
    room = 0.0
    if leg is not None:
        room = min(0.5, (leg.get_window_extent(_renderer(fig)).width / fig.dpi + 0.2) / w)
    ax = fig.add_axes((0.01, 0.05, 0.98 - room, 0.86))
    if leg is not None:
        leg.set_bbox_to_anchor((1.0 - room + 0.005, 0.91), transform=fig.transFigure)
    return fig, ax


# -- drawing steps --------------------------------------------------------------


def _fit_limits(ax: Axes, fig: Figure, pos: dict, *, pad_in: tuple[float, float]) -> float:
    """Set equal-aspect limits that fit every node with room for labels; returns inches per data unit."""
    xy = np.array(list(pos.values())) if pos else np.zeros((1, 2))
    (x0, y0), (x1, y1) = xy.min(axis=0), xy.max(axis=0)
    bbox = ax.get_position()
    fw, fh = fig.get_size_inches()
    w_in, h_in = bbox.width * fw, bbox.height * fh
    dx, dy = max(x1 - x0, 1e-6), max(y1 - y0, 1e-6)
    scale = min((w_in - 2 * pad_in[0]) / dx, (h_in - 2 * pad_in[1]) / dy)
    scale = max(scale, 1e-6)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    ax.set_xlim(cx - w_in / 2 / scale, cx + w_in / 2 / scale)
    ax.set_ylim(cy - h_in / 2 / scale, cy + h_in / 2 / scale)
    ax.set_aspect("equal", adjustable="box")
    return scale


def _draw_hulls(ax: Axes, net, pos, camp_of, radius) -> None:
    if not camp_of:
        return
    from scipy.spatial import ConvexHull

    camps: dict[int, list] = {}
    for v in net.actors:
        if v in camp_of:
            camps.setdefault(camp_of[v], []).append(v)
    theta = np.linspace(0, 2 * np.pi, 24, endpoint=False)
    circle = np.column_stack([np.cos(theta), np.sin(theta)])
    for k in sorted(camps):
        members = camps[k]
        pts = np.vstack([np.array(pos[v]) + circle * (radius[v] * 1.9 + 0.02) for v in members])
        hull = pts[ConvexHull(pts).vertices]
        colour = faction_colour(k)
        ax.add_patch(Polygon(hull, closed=True, facecolor=colour, alpha=0.22, edgecolor="none", zorder=0))
        ax.add_patch(Polygon(hull, closed=True, facecolor="none", edgecolor=colour, linewidth=1.0,
                             alpha=0.9, zorder=0.1))


def _draw_edges(ax: Axes, net, pos) -> None:
    from matplotlib.colors import to_rgba

    by_stance: dict[str, list] = {}
    for u, v, d in net.graph.edges(data=True):
        by_stance.setdefault(d["stance"], []).append((u, v, d))
    # negative ties first, positive on top: alliances read through the fighting
    for stance in ("neutral", "ambivalent", "enemy", "rival", "friendly", "ally"):
        items = by_stance.get(stance)
        if not items:
            continue
        style = STANCE_STYLES[stance]
        segs = [(pos[u], pos[v]) for u, v, _ in items]
        widths = [edge_width(stance, d["weight"]) for _, _, d in items]
        colours = [to_rgba(style.colour, edge_alpha(d["confidence"])) for _, _, d in items]
        lc = LineCollection(segs, colors=colours, linewidths=widths, linestyles=[style.linestyle],
                            capstyle="butt", zorder=1 + 0.1 * STANCE_ORDER.index(stance))
        ax.add_collection(lc)


def _risky_pairs(net, table, top: int) -> list[tuple[str, str, float]]:
    rows = []
    for rec in table[["a", "b", "p_clash"]].itertuples(index=False):
        a, b, p = rec
        if a not in net.actors or b not in net.actors or p is None or not np.isfinite(p):
            continue
        if net.stance(a, b) is not None and net.stance(a, b).value == "enemy":
            continue
        rows.append((str(a), str(b), float(p)))
    rows.sort(key=lambda r: (-r[2], r[0], r[1]))
    return rows[:top]


def _draw_risk(ax: Axes, pos, risky) -> None:
    for a, b, _ in risky:
        (x0, y0), (x1, y1) = pos[a], pos[b]
        ax.add_line(Line2D([x0, x1], [y0, y1], color=RISK_COLOUR, linewidth=7, alpha=0.55,
                           solid_capstyle="round", zorder=0.5))


def _draw_risk_values(ax: Axes, pos, radius, risky, font, labels: list) -> None:
    """P(clash) on each highlighted line, at the first spot (middle first) clear of labels,
    nodes and the values placed before."""
    renderer = _renderer(ax.figure)
    to_px = ax.transData.transform
    nodes = [(to_px(pos[v]), radius[v] * (to_px((1, 0))[0] - to_px((0, 0))[0])) for v in pos]
    taken = [t.get_window_extent(renderer) for t in labels]
    for a, b, p in risky:
        (x0, y0), (x1, y1) = pos[a], pos[b]
        t = ax.text(0, 0, f"{p:.2f}", fontsize=max(font - 0.5, 7.0), color=INK, ha="center", va="center",
                    zorder=7, bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": RISK_COLOUR,
                                    "linewidth": 1.0})
        spots = (0.5, 0.4, 0.6, 0.3, 0.7, 0.45, 0.55, 0.35, 0.65, 0.25, 0.75, 0.2, 0.8)
        for f in spots:
            t.set_position((x0 + f * (x1 - x0), y0 + f * (y1 - y0)))
            box = t.get_window_extent(renderer).expanded(1.5, 1.8)
            if not any(box.overlaps(o) for o in taken) and not any(box_hits_circle(box, c, r) for c, r in nodes):
                break
        else:
            t.set_position((x0 + 0.5 * (x1 - x0), y0 + 0.5 * (y1 - y0)))
        taken.append(t.get_window_extent(renderer).expanded(1.5, 1.8))


def _draw_nodes(ax: Axes, net, pos, camp_of, area) -> None:
    for kind, marker in KIND_MARKERS.items():
        members = [v for v in net.actors if str(net.actors[v].kind) == kind]
        if not members:
            continue
        xy = np.array([pos[v] for v in members])
        ax.scatter(xy[:, 0], xy[:, 1], s=[area[v] for v in members], marker=marker,
                   c=[faction_colour(camp_of.get(v)) for v in members], edgecolors=INK,
                   linewidths=1.1, zorder=3)


def _draw_labels(ax: Axes, net, pos, radius, font, iterations: int) -> list:
    from adjustText import adjust_text
    from matplotlib.transforms import Bbox

    texts = []
    for v, actor in net.actors.items():
        x, y = pos[v]
        t = ax.text(x, y + radius[v] * 1.25, plain(actor.display), fontsize=font, color=INK, ha="center",
                    va="bottom", zorder=6,
                    bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none",
                          "alpha": 0.8})
        texts.append(t)
    if not texts:
        return texts
    # the nodes are obstacles, given as boxes in data coordinates
    obstacles = [Bbox.from_extents(x - radius[v], y - radius[v], x + radius[v], y + radius[v])
                 for v, (x, y) in pos.items()]
    adjust_text(
        texts,
        ax=ax,
        objects=obstacles,
        avoid_self=False,
        iter_lim=max(1, int(iterations)),
        time_lim=None,
        expand=(1.08, 1.25),
        force_text=(0.2, 0.35),
        force_static=(0.25, 0.4),
        force_pull=(0.02, 0.02),
        ensure_inside_axes=True,
    )
    _clear_overlaps(ax, texts, pos, radius)
    _leader_lines(ax, net, texts, pos, radius)
    return texts


def _leader_lines(ax: Axes, net, texts: list, pos, radius) -> None:
    """A thin line from each label that ended up away from its actor to the actor's marker
    (drawn after the last move, so it always starts at the label)."""
    renderer = _renderer(ax.figure)
    to_px = ax.transData.transform
    px_per_unit = to_px((1, 0))[0] - to_px((0, 0))[0]
    for v, t in zip(net.actors, texts, strict=True):
        box = t.get_window_extent(renderer)
        cx, cy = to_px(pos[v])
        r = radius[v] * px_per_unit
        gap = math.hypot(max(box.x0 - cx, 0, cx - box.x1), max(box.y0 - cy, 0, cy - box.y1)) - r
        if gap > 6 * ax.figure.dpi / 72:  # more than 6 points between label and marker
            ax.annotate("", xy=pos[v], xytext=t.get_position(), zorder=5,
                        arrowprops={"arrowstyle": "-", "color": MUTED, "linewidth": 0.6, "patchA": t,
                                    "shrinkA": 1, "shrinkB": r * 72 / ax.figure.dpi + 1})


def _clear_overlaps(ax: Axes, texts: list, pos, radius) -> None:
    """Finish what adjustText leaves: a label that still touches a node marker or another label
    moves to the nearest free spot (candidates in a fixed order: deterministic)."""
    renderer = _renderer(ax.figure)
    to_px = ax.transData.transform
    px_per_unit = to_px((1, 0))[0] - to_px((0, 0))[0]
    nodes = [(to_px(pos[v]), radius[v] * px_per_unit * 1.05) for v in pos]
    frame = ax.get_window_extent(renderer)
    boxes = [t.get_window_extent(renderer) for t in texts]

    def free(box, i: int) -> bool:
        if box.x0 < frame.x0 or box.x1 > frame.x1 or box.y0 < frame.y0 or box.y1 > frame.y1:
            return False
        if any(box_hits_circle(box, c, r) for c, r in nodes):
            return False
        return not any(box.overlaps(b) for k, b in enumerate(boxes) if k != i)

    step = 2.0
    offsets = sorted(((dx * step * 4, dy * step) for dx in range(-6, 7) for dy in range(-60, 61)),
                     key=lambda o: (o[0] ** 2 + o[1] ** 2, -o[1], o[0]))
    for i, t in enumerate(texts):
        if free(boxes[i], i):
            continue
        for dx, dy in offsets[1:]:
            moved = boxes[i].translated(dx, dy)
            if free(moved, i):
                x, y = t.get_position()
                t.set_position((x + dx / px_per_unit, y + dy / px_per_unit))
                boxes[i] = t.get_window_extent(renderer)
                break


def _contents(net, camp_of, risky, centrality) -> dict[str, Any]:
    """What the diagram draws, for its legend: the stances, kinds and camps that occur."""
    g = net.graph
    stances = {d["stance"] for _, _, d in g.edges(data=True)}
    kinds = {str(a.kind) for a in net.actors.values()}
    camps: dict[int, list] = {}
    for v in net.actors:
        if v in camp_of:
            camps.setdefault(camp_of[v], []).append(v)
    return {
        "stances": [s for s in STANCE_ORDER if s in stances],
        "faded": any(d["confidence"] < 1 for _, _, d in g.edges(data=True)),
        "kinds": [k for k in KIND_MARKERS if k in kinds],
        "camps": [(k, camps[k]) for k in sorted(camps)],
        "risk": bool(risky),
        "size": "ties" if centrality is None else "centrality" if centrality is not False else None,
    }


def _draw_legend(fig: Figure, net: AllianceNetwork, used: dict[str, Any], top: int, *,
                 ax: Axes | None = None) -> Legend | None:
    handles: list[Any] = []
    labels: list[str] = []
    headings: set[int] = set()

    def heading(text: str) -> None:
        headings.add(len(labels))
        handles.append(Patch(visible=False))
        labels.append(text)

    if used["stances"]:
        heading("Relations")
        for stance in STANCE_ORDER:
            if stance in used["stances"]:
                st = STANCE_STYLES[stance]
                handles.append(Line2D([], [], color=st.colour, linestyle=st.linestyle,
                                      linewidth=edge_width(stance, 1.0 if stance in ("ally", "enemy") else 0.5)))
                labels.append(stance)
        if used["faded"]:
            handles.append(Line2D([], [], color=INK, alpha=edge_alpha(0.6), linewidth=2.5))
            labels.append("lighter: less certain")
    if used["risk"]:
        handles.append(Line2D([], [], color=RISK_COLOUR, linewidth=7, alpha=0.55))
        labels.append(f"P(clash), top {top} not at war")
    if used["kinds"]:
        heading(f"Actors (size: {used['size']})" if used["size"] else "Actors")
        for kind in used["kinds"]:
            handles.append(Line2D([], [], linestyle="none", marker=KIND_MARKERS[kind], markersize=8,
                                  markerfacecolor="white", markeredgecolor=INK))
            labels.append(KIND_LABELS[kind])
    if used["camps"]:
        heading("Factions")
        for k, members in used["camps"]:
            handles.append(Patch(facecolor=faction_colour(k), edgecolor=faction_colour(k), alpha=0.6))
            labels.append(_camp_label(net, members))
        if len(net.actors) > sum(len(m) for _, m in used["camps"]):
            handles.append(Line2D([], [], linestyle="none", marker="o", markersize=8,
                                  markerfacecolor=faction_colour(None), markeredgecolor=INK))
            labels.append("in no camp")
    if not handles:
        return None
    options: dict[str, Any] = {"loc": "upper left", "frameon": False, "fontsize": 8, "handlelength": 4.2, "borderaxespad": 0.0,
               "labelspacing": 0.45}
    if ax is not None:  # a caller's axes: the legend goes just right of it
        leg = ax.legend(handles, labels, bbox_to_anchor=(1.01, 1.0), **options)
    else:
        leg = fig.legend(handles, labels, bbox_to_anchor=(0.75, 0.91), **options)
    for i, text in enumerate(leg.get_texts()):
        if i in headings:
            text.set_fontweight("bold")
            text.set_x(-40)  # headings start where the handles do
            mark_heading(text)
    return leg


def _camp_label(net, members: list[Hashable]) -> str:
    first = plain(net.actors[members[0]].display)
    return f"camp of {first}" if len(members) < 2 else f"camp of {first} (+{len(members) - 1})"
