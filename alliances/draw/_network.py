"""The alliance network diagram: who stands with whom, who fights whom, and where a clash may come.

Actors are placed by :func:`~alliances.draw.signed_layout` (allies close, enemies far,
camps grouped), then spread on the page so each has room for its label. Ties are
routed so that none passes over a marker it does not end at and none runs on top of
another (:mod:`._route`); a risk band runs beside the tie it accompanies, not over it.
Labels go where they cover no marker and no other label (:mod:`._place`). Sizes follow
the figure's width (:mod:`._sizes`): column, page or slide. Above
:data:`~alliances.draw.DETAIL_MAX_ACTORS` actors the diagram draws one node per camp instead,
and says so (:func:`~alliances.draw.actor_limit_view`); above
:data:`~alliances.draw.MAX_ACTORS` it refuses.

Everything is laid out in inches, so a point is a point at print size. Drawn into a
caller's axes, the diagram keeps its title and legend inside that axes, and lays itself
out again when the axes changes size (a layout engine, a resized window).
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import matplotlib
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import to_rgba
from matplotlib.patches import PathPatch
from matplotlib.transforms import TransformedBbox

from .._checks import check_bool, check_choice, check_int
from ._camps import camp_areas
from ._chrome import camp_label, figure_of, footer_text, title_text
from ._inputs import as_network, camp_index, node_sizes, risk_table
from ._layout import signed_layout
from ._limits import DETAIL_MAX_ACTORS, actor_limit_view
from ._netlegend import LegendContent, draw_legend
from ._place import LEADER_FROM, Occupancy, fit_positions, gather_camps, place_labels, place_on_paths
from ._route import offset_path, route_edges
from ._sizes import MIN_FONT, SIZES, NetworkStyle, figure_size, network_style
from ._style import (
    INK,
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
    fit_text,
    new_figure,
    plain,
    renderer,
)

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from .._network import AllianceNetwork

__all__ = ["draw_network", "marker_reach"]

PT = 1 / 72
# how far a marker reaches from its centre, per radius of the circle of the same size: the
# corners of a square or triangle and the tips of a diamond stick out
_REACH = {"s": 2**0.5, "D": 2**0.5, "^": 2**0.5, "o": 1.0, "h": 1.0, "p": 1.0}
_EDGE_LW = 1.0  # marker outline (points)
_BAND_GAP = 1.2 * PT  # between a tie and the risk band beside it


def marker_reach(marker: str, area: float) -> float:
    """How far (inches) a scatter marker of ``area`` points² reaches from its centre, outline included.

    Examples
    --------
    >>> round(marker_reach("o", 144.0) * 72, 2), round(marker_reach("D", 144.0) * 72, 2)
    (6.5, 8.99)
    """
    return float((np.sqrt(area) / 2 * _REACH.get(marker, 1.0) + _EDGE_LW / 2) * PT)


def draw_network(
    net: Any,
    *,
    ax: Axes | None = None,
    factions: Any = None,
    risk: Any = None,
    top: int = 0,
    centrality: Any = None,
    layout: Any = None,
    size: str | None = None,
    width: float | None = None,
    height: float | None = None,
    dpi: float = 150,
    title: str | Literal[False] | None = None,
    legend: bool = True,
    sources: bool = True,
) -> Figure:
    """Draw the alliance network: signed layout, stances, camps, centrality, risk overlay.

    Parameters
    ----------
    net : AllianceNetwork or networkx.Graph
        The scenario (a signed graph is converted with :meth:`AllianceNetwork.from_networkx`).
    ax : matplotlib Axes, optional
        Draw into this axes: title and legend stay inside it, and the drawing is laid out
        again whenever the axes changes size.
    factions : FactionsResult, mapping, list of camps, None or False
        Camp of each actor, e.g. from :func:`alliances.factions`; ``None`` computes it,
        ``False`` draws no camps. Actors with no signed tie are drawn in no camp.
    risk : DataFrame, optional
        The all-pairs table of :func:`alliances.risk.conflict_risk` (columns ``a``, ``b``,
        ``p_clash``); computed only when ``top > 0`` and not given.
    top : int
        Highlight the ``top`` highest-risk pairs that are not already enemies (0: none).
    centrality : mapping or Series, None or False
        Node size; ``None`` computes :func:`alliances.signed_degree`, ``False`` draws every
        actor the same size.
    layout : mapping of actor to (x, y), optional
        Positions to start from instead of :func:`~alliances.draw.signed_layout` (any units):
        pass one layout to every snapshot of a timeline so each actor stays in its place.
    size : {"column", "page", "slide"}, optional
        3.5 in, 6.5 in or 13.3 x 7.5 in (default: page); ``width`` and ``height`` override it,
        and a width behaves as the size it is closest to (``width=6.5`` is ``page``).
    width, height : float, optional
        Figure size in inches (default: the height the drawing needs).
    dpi : float
        Figure resolution.
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
    ... actors:
    ...   - {id: a, name: Alpha, kind: state}
    ...   - {id: b, name: Beta, kind: militia}
    ... relations:
    ...   - {actors: [a, b], stance: enemy}
    ... ''')
    >>> fig = draw_network(net, factions=[["a"], ["b"]], centrality=False)
    >>> from alliances.draw import legend_labels
    >>> legend_labels(fig)
    ['enemy', 'state', 'militia', 'Alpha (on its own)', 'Beta (on its own)']
    >>> fig.get_size_inches()[0]
    np.float64(6.5)

    References
    ----------
    .. [1] Gansner, Koren & North (2004) Graph drawing by stress majorization. Graph Drawing, LNCS 3383.
    .. [2] Doreian & Mrvar (1996) A partitioning approach to structural balance. Social Networks 18.
    .. [3] Okabe & Ito (2008) Color Universal Design: how to make figures friendly to colorblind people.
    .. [4] Dobkin, Gansner, Koutsofios & North (1997) Implementing a general-purpose edge router.
       Graph Drawing, LNCS 1353.
    """
    check_figure_args(ax=ax, width=width, height=height, dpi=dpi, title=title)
    check_int(top, "top", low=0)
    check_bool(legend, "legend")
    check_bool(sources, "sources")
    if size is not None:
        check_choice(size, "size", SIZES)
    net = as_network(net)
    with matplotlib.rc_context(RC):
        if actor_limit_view("network", len(net.actors)) == "camps":
            scene = _camp_scene(net, factions)
        else:
            scene = _scene(net, factions, risk, top, centrality, layout)
        heading = None if title is False else (title or plain(title_text(net)))
        if ax is None:
            w, h = figure_size(size, width, height)
            return _own_figure(scene, w or 6.5, h, dpi, heading, legend, sources)
        fig = figure_of(ax)
        painter = _AxesPainter(scene, heading, legend)
        painter(ax, None)
        ax.set_axes_locator(painter)  # type: ignore[arg-type]
    return fig


# -- what is drawn ---------------------------------------------------------------


@dataclass
class Scene:
    """Everything the diagram shows, before any size is known."""

    net: AllianceNetwork
    ids: list[str]
    names: list[str]
    short: list[str]
    markers: list[str]
    fills: list[str]
    size01: np.ndarray
    pos: np.ndarray
    ties: list[tuple[int, int, str, float, float]]  # i, j, stance, weight, confidence
    risky: list[tuple[int, int, float]]
    camps: list[tuple[int, list[int]]]
    legend: LegendContent
    note: str | None = None
    area_scale: float = 1.0  # markers larger than usual (the camp view's)
    tie_labels: dict[int, str] = field(default_factory=dict)  # tie index -> text drawn on it (camp view)


def _scene(net: AllianceNetwork, factions: Any, risk: Any, top: int, centrality: Any, layout: Any) -> Scene:
    ids = [str(v) for v in net.actors]
    index: dict[Hashable, int] = {v: i for i, v in enumerate(net.actors)}
    camp_of = camp_index(net, factions)
    sizes01 = node_sizes(net, centrality)
    edges = [(u, v, d) for u, v, d in net.graph.edges(data=True)]
    ties = [(index[u], index[v], d["stance"], float(d["weight"]), float(d["confidence"])) for u, v, d in edges]
    if layout is not None:
        pos = np.array([layout[v] for v in net.actors], dtype=float).reshape(len(ids), 2)
    else:
        raw = signed_layout(list(net.actors), [(u, v, d["stance"], d["weight"]) for u, v, d in edges],
                            camp_of=camp_of)
        pos = np.array([raw[v] for v in net.actors], dtype=float).reshape(len(ids), 2)
    risky = []
    if top and top > 0:
        risky = [(index[a], index[b], p) for a, b, p in _risky_pairs(net, risk_table(net, risk), top)]
    signed = {i for i, j, s, *_ in ties if s in ("ally", "friendly", "rival", "enemy") for i in (i, j)}
    degree = np.zeros(len(ids))
    for i, j, s, *_ in ties:
        if s in ("ally", "friendly", "rival", "enemy"):
            degree[[i, j]] += 1
    members: dict[int, list[int]] = {}
    for v, k in camp_of.items():
        members.setdefault(k, []).append(index[v])
    camps = [(k, sorted(m, key=lambda i: (-degree[i], i))) for k, m in sorted(members.items())]
    names = [plain(a.display) for a in net.actors.values()]
    outside = [i for i, v in enumerate(net.actors) if v not in camp_of]
    content = LegendContent(
        stances=[s for s in STANCE_ORDER if any(t[2] == s for t in ties)],
        faded=[s for s in STANCE_ORDER if any(t[2] == s and t[4] < 1 for t in ties)],
        risk=f"P(clash): the {len(risky)} riskiest not at war" if len(risky) > 1 else
        ("P(clash): the riskiest pair not at war" if risky else None),
        risk_short=f"P(clash): top {len(risky)}" if len(risky) > 1 else ("P(clash): top pair" if risky else None),
        kinds=[k for k in KIND_MARKERS if any(str(a.kind) == k for a in net.actors.values())],
        size_note=None if centrality is False else "ties" if centrality is None else "centrality",
        camps=[(k, [names[i] for i in m]) for k, m in camps] if camp_of else [],
        no_camp=(None if not camp_of or not outside else
                 "no signed tie" if not any(i in signed for i in outside) else "in no camp"),
    )
    # one stance per pair: a camp's colour never depends on the draw order
    fill_of = {index[v]: faction_colour(k) for v, k in camp_of.items()}
    return Scene(
        net=net, ids=ids, names=names, short=[plain(a.label or a.display) for a in net.actors.values()],
        markers=[KIND_MARKERS.get(str(a.kind), "o") for a in net.actors.values()],
        fills=[fill_of.get(i, faction_colour(None)) for i in range(len(ids))],
        size01=np.array([sizes01.get(v, 0.5) for v in net.actors], dtype=float),
        pos=pos, ties=ties, risky=risky, camps=camps if camp_of else [], legend=content,
    )


def _camp_scene(net: AllianceNetwork, factions: Any) -> Scene:
    """The camp-level view: one node per camp, one line per sign between two camps, with its count."""
    camp_of = camp_index(net, factions)
    groups: dict[int, list[Hashable]] = {}
    for v in net.actors:
        groups.setdefault(camp_of.get(v, -1), []).append(v)
    keys = sorted(groups, key=lambda k: (k < 0, k))
    where = {v: g for g, k in enumerate(keys) for v in groups[k]}
    degree: dict[Hashable, int] = {}
    counts: dict[tuple[int, int, int], int] = {}
    for u, v, d in net.graph.edges(data=True):
        sign = {"ally": 1, "friendly": 1, "rival": -1, "enemy": -1}.get(d["stance"], 0)
        if not sign:
            continue
        degree[u], degree[v] = degree.get(u, 0) + 1, degree.get(v, 0) + 1
        a, b = sorted((where[u], where[v]))
        counts[(a, b, sign)] = counts.get((a, b, sign), 0) + 1
    names, fills = [], []
    rank: dict[Hashable, int] = {v: i for i, v in enumerate(net.actors)}
    for k in keys:
        members = sorted(groups[k], key=lambda v: (-degree.get(v, 0), rank[v]))
        shown = [plain(net.actors[str(v)].label or net.actors[str(v)].display) for v in members]
        head = "in no camp" if k < 0 else camp_label(shown).replace(" (on its own)", "")
        inside = counts.get((keys.index(k), keys.index(k), 1), 0), counts.get((keys.index(k), keys.index(k), -1), 0)
        names.append(f"{head}\n{len(members)} actors; inside: +{inside[0]} \u2212{inside[1]}")
        fills.append(faction_colour(k if k >= 0 else None))
    top = max([c for (a, b, _), c in counts.items() if a != b], default=1)
    ties: list[tuple[int, int, str, float, float]] = []
    tie_labels: dict[int, str] = {}
    for (a, b, sign), c in sorted(counts.items()):
        if a == b:
            continue
        tie_labels[len(ties)] = f"{'+' if sign > 0 else chr(0x2212)}{c}"
        ties.append((a, b, "ally" if sign > 0 else "enemy", 0.25 + 0.75 * c / top, 1.0))
    raw = signed_layout(list(range(len(keys))), [(a, b, s, w) for a, b, s, w, _ in ties])
    sizes = np.array([len(groups[k]) for k in keys], dtype=float)
    content = LegendContent(extra=[(h, lab) for h, lab in _count_entries()], camp_heading="")
    n = len(net.actors)
    return Scene(
        net=net, ids=[str(k) for k in keys], names=names, short=names, markers=["o"] * len(keys), fills=fills,
        size01=(sizes - sizes.min()) / max(np.ptp(sizes), 1.0), pos=np.array([raw[g] for g in range(len(keys))]),
        ties=ties, risky=[], camps=[], legend=content, tie_labels=tie_labels, area_scale=3.0,
        note=f"{n} actors, drawn as {len(keys)} camps: above {DETAIL_MAX_ACTORS} actors the network shows one node "
             "per camp and the number of positive and negative ties between camps",
    )


def _count_entries() -> list[tuple[Any, str]]:
    from matplotlib.lines import Line2D

    pos, neg = STANCE_STYLES["ally"], STANCE_STYLES["enemy"]
    return [(Line2D([], [], color=pos.colour, linestyle=pos.linestyle, linewidth=2.5),
             "positive ties between camps (+count)"),
            (Line2D([], [], color=neg.colour, linestyle=neg.linestyle, linewidth=2.5),
             "negative ties between camps (\u2212count)")]


def _risky_pairs(net: AllianceNetwork, table: Any, top: int) -> list[tuple[str, str, float]]:
    rows = []
    for rec in table[["a", "b", "p_clash"]].itertuples(index=False):
        a, b, p = rec
        if a not in net.actors or b not in net.actors or p is None or not np.isfinite(p):
            continue
        stance = net.stance(a, b)
        if stance is not None and stance.value == "enemy":
            continue
        rows.append((str(a), str(b), float(p)))
    rows.sort(key=lambda r: (-r[2], r[0], r[1]))
    return rows[:top]


# -- laying out at a size ----------------------------------------------------------


@dataclass
class _Geometry:
    centres: np.ndarray
    reach: np.ndarray
    areas: np.ndarray
    labels: list[str]
    label_size: np.ndarray  # (n, 2) inches, padding included
    height: float


def _measure(texts: list[str], fontsize: float, fig: Figure) -> np.ndarray:
    """Width and height in inches of each text as drawn, with its white box's padding."""
    rend = renderer(fig)
    probe = fig.text(0, 0, "", fontsize=fontsize)
    out = np.zeros((len(texts), 2))
    for k, t in enumerate(texts):
        probe.set_text(t)
        ext = probe.get_window_extent(rend)
        out[k] = (ext.width / fig.dpi, ext.height / fig.dpi)
    probe.remove()
    return out + 2 * _label_pad(fontsize)


def _label_pad(fontsize: float) -> float:
    return 0.12 * fontsize * PT


def _geometry(scene: Scene, style: NetworkStyle, fig: Figure, area: tuple[float, float],
              grow: bool) -> _Geometry:
    lo, hi = style.marker_area
    areas = (lo + (hi - lo) * scene.size01) * scene.area_scale
    reach = np.array([marker_reach(m, a) for m, a in zip(scene.markers, areas, strict=True)])
    labels = scene.short if style.short_labels else scene.names
    sizes = _measure(labels, style.label_size, fig)
    # room between footprints for the ties to pass, more around an actor with many ties
    degree = np.bincount([i for t in scene.ties for i in t[:2]], minlength=len(scene.ids))
    gap = (10.0 + 1.2 * np.minimum(degree, 12)) * PT
    foot = np.column_stack([np.maximum(sizes[:, 0], 2 * reach) + gap, 2 * reach + sizes[:, 1] + gap])
    w, h = area
    start = gather_camps(scene.pos, [m for _, m in scene.camps]) if scene.camps else scene.pos
    centres, used = fit_positions(start, foot, (w, h if not grow else max(h, w * 1.25)), max_height=h)
    return _Geometry(centres, reach, areas, labels, sizes, used)


# -- painting --------------------------------------------------------------------


def _paint(ax: Axes, scene: Scene, style: NetworkStyle, geo: _Geometry, origin: tuple[float, float],
           bounds: tuple[float, float, float, float]) -> list[Artist]:
    """Draw the scene into ``ax`` (data units: inches from the axes' corner); returns the artists added."""
    artists: list[Artist] = []
    c = geo.centres + np.array(origin)
    artists += _hulls(ax, scene, c, geo.reach)
    routes, bands = _routes(scene, style, c, geo.reach, bounds)
    artists += _ties(ax, scene, style, routes)
    artists += [ax.add_collection(autolim=False, collection=LineCollection(
        [bands[k] for k in sorted(bands)], colors=[to_rgba(RISK_COLOUR, 0.55)] * len(bands),
        linewidths=style.band_width, capstyle="butt", zorder=0.5))] if bands else []
    for marker in dict.fromkeys(scene.markers):
        idx = [i for i, m in enumerate(scene.markers) if m == marker]
        artists.append(ax.scatter(c[idx, 0], c[idx, 1], s=geo.areas[idx], marker=marker,
                                  c=[scene.fills[i] for i in idx], edgecolors=INK, linewidths=_EDGE_LW, zorder=3))
    occ = Occupancy(bounds)
    for pts in routes.values():
        occ.add(pts, 1.0)
    for pts in bands.values():
        occ.add(pts, 3.0)
    boxes, _ = place_labels(c, geo.reach, geo.label_size, bounds=bounds, occupancy=occ)
    artists += _labels(ax, geo.labels, boxes, c, geo.reach, style.label_size)
    on_paths = [(bands[k], f"{p:.2f}") for k, (_, _, p) in enumerate(scene.risky) if k in bands]
    on_paths += [(routes[k], text) for k, text in sorted(scene.tie_labels.items())]
    if on_paths:
        size = max(style.label_size - 0.5, MIN_FONT)
        dims = _measure([t for _, t in on_paths], size, figure_of(ax)) + 2 * PT
        spots = place_on_paths([p for p, _ in on_paths], dims, taken=boxes, centres=c, reach=geo.reach,
                               bounds=bounds)
        for (_, text), box in zip(on_paths, spots, strict=True):
            artists.append(ax.text((box[0] + box[2]) / 2, (box[1] + box[3]) / 2, text, fontsize=size, color=INK,
                                   ha="center", va="center", zorder=7,
                                   bbox={"boxstyle": "round,pad=0.2", "facecolor": "white",
                                         "edgecolor": RISK_COLOUR if scene.risky else MUTED, "linewidth": 0.8}))
    return artists


def _routes(scene: Scene, style: NetworkStyle, c: np.ndarray, reach: np.ndarray,
            bounds) -> tuple[dict[int, np.ndarray], dict[int, np.ndarray]]:
    """Each tie's path and each risk band's (beside its pair's tie when there is one)."""
    risk_of = {frozenset((i, j)): k for k, (i, j, _) in enumerate(scene.risky)}
    widths = [edge_width(s, w) * style.line_scale * PT for _, _, s, w, _ in scene.ties]
    band = style.band_width * PT
    jobs: list[tuple[int, int, float]] = []
    what: list[tuple[str, int]] = []
    with_band: set[int] = set()
    for t, (i, j, *_rest) in enumerate(scene.ties):
        k = risk_of.get(frozenset((i, j)))
        if k is not None:
            with_band.add(k)
            jobs.append((i, j, widths[t] + _BAND_GAP + band))
        else:
            jobs.append((i, j, widths[t]))
        what.append(("tie", t))
    for k, (i, j, _) in enumerate(scene.risky):
        if k not in with_band:
            jobs.append((i, j, band))
            what.append(("band", k))
    routed = route_edges(c, reach, jobs, bounds=bounds)
    ties: dict[int, np.ndarray] = {}
    bands: dict[int, np.ndarray] = {}
    for (kind, k), job, r in zip(what, jobs, routed, strict=True):
        if kind == "band":
            bands[k] = r.points
            continue
        i, j = scene.ties[k][:2]
        b = risk_of.get(frozenset((i, j)))
        if b is None:
            ties[k] = r.points
        else:  # the tie on one side of the route, its risk band on the other
            ties[k] = offset_path(r.points, -(job[2] - widths[k]) / 2)
            bands[b] = offset_path(r.points, (job[2] - band) / 2)
    return ties, bands


def _ties(ax: Axes, scene: Scene, style: NetworkStyle, routes: dict[int, np.ndarray]) -> list[Artist]:
    out: list[Artist] = []
    # negative ties first, positive on top: alliances read through the fighting
    for stance in ("neutral", "ambivalent", "enemy", "rival", "friendly", "ally"):
        items = [t for t, tie in enumerate(scene.ties) if tie[2] == stance]
        if not items:
            continue
        st = STANCE_STYLES[stance]
        out.append(ax.add_collection(autolim=False, collection=LineCollection(
            [routes[t] for t in items],
            colors=[to_rgba(st.colour, edge_alpha(scene.ties[t][4])) for t in items],
            linewidths=[edge_width(stance, scene.ties[t][3]) * style.line_scale for t in items],
            linestyles=[st.linestyle], capstyle="butt", joinstyle="round",
            zorder=1 + 0.1 * STANCE_ORDER.index(stance))))
    return out


def _hulls(ax: Axes, scene: Scene, c: np.ndarray, reach: np.ndarray) -> list[Artist]:
    if not scene.camps:
        return []
    out: list[Artist] = []
    # actors in no camp are kept out of every camp's area too
    areas = camp_areas(c, reach, [m for _, m in scene.camps])
    for (k, _), area in zip(scene.camps, areas, strict=True):
        colour = faction_colour(k)
        out.append(ax.add_patch(PathPatch(area, facecolor=colour, alpha=0.2, edgecolor="none", zorder=0)))
        out.append(ax.add_patch(PathPatch(area, facecolor="none", edgecolor=colour, linewidth=0.9, alpha=0.9,
                                          zorder=0.1)))
    return out


def _labels(ax: Axes, labels: list[str], boxes: np.ndarray, c: np.ndarray, reach: np.ndarray,
            size: float) -> list[Artist]:
    out: list[Artist] = []
    pad = _label_pad(size)
    for k, text in enumerate(labels):
        x0, y0, x1, y1 = boxes[k]
        out.append(ax.text((x0 + x1) / 2, (y0 + y1) / 2, text, fontsize=size, color=INK, ha="center",
                           va="center", zorder=6,
                           bbox={"boxstyle": f"square,pad={pad / (size * PT):.3f}", "facecolor": "white",
                                 "edgecolor": "none", "alpha": 0.8}))
        # a label away from its marker gets a thin line to it
        nx_, ny_ = np.clip(c[k, 0], x0, x1), np.clip(c[k, 1], y0, y1)
        gap = float(np.hypot(nx_ - c[k, 0], ny_ - c[k, 1])) - reach[k]
        if gap >= LEADER_FROM - 1e-9:
            u = np.array([nx_ - c[k, 0], ny_ - c[k, 1]]) / (gap + reach[k])
            start = c[k] + u * reach[k]
            out += ax.plot([start[0], nx_], [start[1], ny_], color=MUTED, linewidth=0.6, zorder=4)
    return out


# -- a figure of its own, or a caller's axes -----------------------------------------


def _own_figure(scene: Scene, w: float, h: float | None, dpi: float, heading: str | None, legend: bool,
                sources: bool) -> Figure:
    style = network_style(w, len(scene.ids))
    fig = new_figure(w, h or 4.0, dpi=dpi)
    side = 0.1
    title, title_size = fit_text(heading, w - 2 * side, size=style.title_size, min_size=9.0) if heading else ("", 0)
    top = 0.08 + (title_size * 1.3 * PT * (title.count("\n") + 1) + 0.08 if heading else 0.0)
    note = fit_text(scene.note, w - 2 * side, size=8.0, min_size=8.0)[0] if scene.note else ""
    if note:
        top += 8.0 * 1.3 * PT * (note.count("\n") + 1) + 0.04
    foot, foot_h = footer_text(scene.net, w - 2 * side) if sources else ("", 0.0)
    bottom = foot_h + (0.06 if foot else 0.04)
    beside = style.mode == "slide"
    leg = None
    leg_w = leg_h = 0.0
    if legend:
        leg = draw_legend(fig, scene.legend, fontsize=style.legend_size, line_scale=style.line_scale,
                          band_width=style.band_width, width=None if beside else w - 2 * side, anchor=(0, 0),
                          compact=style.mode == "column")
        if leg is not None:
            ext = leg.get_window_extent(renderer(fig))
            leg_w, leg_h = ext.width / fig.dpi, ext.height / fig.dpi
    draw_w = w - 2 * side - (leg_w + 0.25 if beside and leg is not None else 0.0)
    below = leg_h + 0.12 if leg is not None and not beside else 0.0
    room = (h - top - bottom - below) if h else max(draw_w * (0.85 if len(scene.ids) <= 25 else 1.05), 2.0)
    geo = _geometry(scene, style, fig, (draw_w, max(room, 1.0)), grow=False)
    draw_h = room if h else geo.height
    if not h and leg is not None:  # the legend never takes more than a quarter of the figure
        draw_h = max(draw_h, leg_w * leg_h / (0.25 * w) - (top + below + bottom) + 0.02)
    total = h or top + draw_h + below + bottom
    fig.set_size_inches(w, total)
    ax = fig.add_axes((side / w, (bottom + below) / total, draw_w / w, draw_h / total))
    ax.set_axis_off()
    ax.set_xlim(0, draw_w)
    ax.set_ylim(0, draw_h)
    _paint(ax, scene, style, geo, (0.0, (draw_h - geo.height) / 2), (0.0, 0.0, draw_w, draw_h))
    if leg is not None:
        if beside:
            leg.set_bbox_to_anchor((1 - (side + leg_w + 0.05) / w, 1 - top / total), transform=fig.transFigure)
        else:
            leg.set_bbox_to_anchor((side / w, (bottom + leg_h + 0.04) / total), transform=fig.transFigure)
    if heading:
        fig.text(side / w, 1 - 0.08 / total, title, fontsize=title_size, color=INK, ha="left", va="top")
    if note:
        fig.text(side / w, 1 - (top - 0.04) / total, note, fontsize=8.0, color=MUTED, ha="left", va="bottom")
    if foot:
        fig.text(side / w, 0.04 / total, foot, fontsize=MIN_FONT, color=MUTED, ha="left", va="bottom",
                 linespacing=1.2)
    return fig


class _AxesPainter:
    """Draws the diagram into a caller's axes, and again whenever the axes' size changes.

    Installed as the axes' locator, so matplotlib calls it before drawing the axes (and
    before measuring it for a layout engine): the drawing always fits the final size.
    """

    def __init__(self, scene: Scene, heading: str | None, legend: bool) -> None:
        self.scene, self.heading, self.legend = scene, heading, legend
        self.size: tuple[float, float] | None = None
        self.artists: list[Artist] = []

    def __call__(self, ax: Axes, _renderer: Any) -> Any:
        fig = figure_of(ax)
        pos = ax.get_position(original=True)
        box = TransformedBbox(pos, ax.get_figure(root=False).transSubfigure)  # type: ignore[union-attr]
        size = (round(box.width / fig.dpi, 3), round(box.height / fig.dpi, 3))
        if size != self.size and size[0] > 0.2 and size[1] > 0.2:
            self.size = size
            with matplotlib.rc_context(RC):
                self._paint(ax, fig, *size)
        return pos

    def _paint(self, ax: Axes, fig: Figure, w: float, h: float) -> None:
        for a in self.artists:
            a.remove()
        self.artists = []
        style = network_style(w, len(self.scene.ids))
        ax.set_axis_off()
        ax.set_xlim(0, w)
        ax.set_ylim(0, h)
        below = 0.0
        if self.legend:
            leg = draw_legend(ax, self.scene.legend, fontsize=style.legend_size, line_scale=style.line_scale,
                              band_width=style.band_width, width=w, anchor=(0.0, 0.0), loc="lower left",
                              compact=style.mode == "column")
            if leg is not None:
                below = leg.get_window_extent(renderer(fig)).height / fig.dpi + 0.08
        if self.heading:
            text, size = fit_text(self.heading, w, size=10.0, min_size=MIN_FONT)
            ax.set_title(text, fontsize=size, color=INK, loc="left")
        room = max(h - below, 0.5)
        geo = _geometry(self.scene, style, fig, (w, room), grow=False)
        self.artists = _paint(ax, self.scene, style, geo, (0.0, below + (room - geo.height) / 2),
                              (0.0, below, w, h))

