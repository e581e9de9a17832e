"""Relations over time: small multiples of the network, and each pair's score by window.

The top rows draw a few snapshots (evenly spaced through time) with one layout computed
once from every snapshot together, so an actor stays where it is from panel to panel;
relations observed in the window are bold, the scenario's background relations thin.
Below, a heat strip shows every pair's signed score in every window (blue cooperative,
vermillion hostile, blank where the pair has no relation), with a glyph per stance so the
chart reads without colour.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

import matplotlib as mpl
import numpy as np
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.lines import Line2D

from .._network import AllianceNetwork
from ..errors import ParameterError
from ..events import quiet_window, score_from_evidence
from ._chrome import box_hits_circle
from ._layout import signed_layout
from ._style import (
    INK,
    KIND_MARKERS,
    MUTED,
    NEGATIVE,
    POSITIVE,
    RC,
    STANCE_STYLES,
    edge_alpha,
    fit_text,
    new_figure,
    renderer,
    text_width_in,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.transforms import Bbox

__all__ = ["draw_timeline", "timeline_layout", "timeline_scores"]

Pair = tuple[str, str]
Edge = tuple[str, str, str, float]
HAlign = Literal["left", "center", "right"]
VAlign = Literal["bottom", "center", "top"]
Offset = tuple[float, float, HAlign, VAlign]  # (dx, dy) points from the marker, and the label's alignment
Positions = dict[str, tuple[float, float]]
_QUIET_HATCH = "#C8C8C8"  # the hatching of a window without events


def timeline_scores(
    snapshots: Sequence[AllianceNetwork],
) -> tuple[list[Pair], list[str], list[list[float | None]], list[list[str | None]]]:
    """Pair x window scores of a series of snapshots.

    Only event-derived relations (``kind: events``, from :func:`alliances.snapshot`) count:
    the score is the one their evidence cites, or else sign times weight. Static relations
    of the scenario are not observations and stay blank.

    Returns
    -------
    (pairs, labels, values, stances)
        ``values[i][j]``: score of pair i in snapshot j, None where the pair has no relation in force.
    """
    pairs: set[Pair] = set()
    cols: list[dict[Pair, tuple[float, str]]] = []
    for net in snapshots:
        col = {}
        for r in net.active_relations:
            if r.kind != "events":
                continue
            score = score_from_evidence(r)
            if score is None:
                score = r.sign * float(r.weight or 0.0)
            col[r.pair] = (score, r.stance.value)
            pairs.add(r.pair)
        cols.append(col)
    ordered = sorted(pairs)
    values = [[cols[j].get(p, (None,))[0] for j in range(len(cols))] for p in ordered]
    stances = [[cols[j].get(p, (None, None))[1] for j in range(len(cols))] for p in ordered]
    labels = [_label(n) for n in snapshots]
    return ordered, labels, values, stances


def draw_timeline(snapshots: Sequence[AllianceNetwork], *, panels: int = 8, title: str | None = None) -> Figure:
    """Small multiples of the snapshots plus a pair-by-window score chart.

    Parameters
    ----------
    snapshots : sequence of AllianceNetwork
        In any order; drawn by ``as_of``.
    panels : int
        How many snapshots to draw as networks (evenly spaced, first and last included).
    title : str, optional
        The title's first part (default: the scenario's name up to its first comma).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import alliances
    >>> net = alliances.load("seeds/syria_2017.yaml")
    >>> fig = draw_timeline([net, net.with_relation("russia", "us_coalition", "rival")], panels=2)
    >>> len(fig.axes)  # two network panels and the score chart
    3
    """
    if not snapshots:
        raise ParameterError("draw_timeline needs at least one snapshot")
    nets = sorted(snapshots, key=lambda n: (n.as_of is None, n.as_of or 0, n.scenario))
    panels = max(1, min(int(panels), len(nets)))
    picks = sorted({int(round(i)) for i in np.linspace(0, len(nets) - 1, panels)})
    nodes, edges, pos = timeline_layout(nets)
    pairs, labels, values, stances = timeline_scores(nets)
    cols = min(4, len(picks))
    net_rows = (len(picks) + cols - 1) // cols
    # Panel limits fit the layout plus room for labels; the panel's shape follows them, so
    # the network fills its panel instead of floating in white space.
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    xlim = (min(xs) - 0.5, max(xs) + 0.5)
    ylim = (min(ys) - 0.22, max(ys) + 0.22)
    width = 3.3 * cols + 0.2
    panel_w = (width - 0.2) / cols
    panel_h = min(3.6, max(1.8, panel_w * (ylim[1] - ylim[0]) / (xlim[1] - xlim[0])))
    chart_h = max(2.0, 0.24 * len(pairs) + 0.4)
    heading = f"{title or nets[0].scenario.split(',')[0]}: {labels[0]} to {labels[-1]}"
    stacked = _legend_under_title(heading, width)
    top_in, row_gap, chart_gap, bottom_in = 0.6 + stacked * 0.25, 0.3, 0.55, 0.85
    height = top_in + net_rows * panel_h + (net_rows - 1) * row_gap + chart_gap + chart_h + bottom_in
    with mpl.rc_context(RC):
        fig = new_figure(width, height)
        nets_top = 1 - top_in / height
        nets_bottom = nets_top - (net_rows * panel_h + (net_rows - 1) * row_gap) / height
        top = fig.add_gridspec(net_rows, cols, hspace=row_gap / panel_h, wspace=0.0, left=0.1 / width,
                               right=1 - 0.1 / width, top=nets_top, bottom=nets_bottom)
        names = {v: _name(nets[-1], v) for v in nodes}
        offsets = None
        for k, idx in enumerate(picks):
            ax = fig.add_subplot(top[k // cols, k % cols])
            ax.set_axis_off()
            ax.set_xlim(*xlim)
            ax.set_ylim(*ylim)
            ax.set_aspect("equal", adjustable="datalim", anchor="C")
            ax.apply_aspect()
            if offsets is None:  # every panel has the same size and limits: place the labels once
                offsets = _label_offsets(ax, pos, names, [(a, b) for a, b, *_ in edges])
            _draw_panel(ax, nets[idx], pos, offsets)
            quiet = quiet_window(nets[idx]) is not None
            ax.set_title(f"{labels[idx]}: no events" if quiet else labels[idx], fontsize=9,
                         color=MUTED if quiet else INK, pad=2)
        grid = fig.add_gridspec(1, 1, left=0.13, right=0.99, top=nets_bottom - chart_gap / height,
                                bottom=bottom_in / height)
        chart = fig.add_subplot(grid[0, 0])
        _draw_scores(chart, nets, pairs, labels, values, stances)
        _fit_pair_names(fig, chart, width)
        note, size = fit_text(chart.get_title(loc="left"), 0.95 * chart.get_position().width * width, size=8,
                              min_size=7)
        chart.set_title(note, fontsize=size, color=MUTED, loc="left")
        _frame(fig, nets, labels, heading, stacked=stacked, width=width, height=height)
    return fig


def timeline_layout(nets: Sequence[AllianceNetwork]) -> tuple[list[str], list[Edge], Positions]:
    """One layout for every snapshot: actors in first-seen order, ties summed over all snapshots.

    The static timeline's panels and the interactive timeline's frames use it, so an actor
    stays where it is from one snapshot to the next.

    Parameters
    ----------
    nets : sequence of AllianceNetwork
        The snapshots, in time order.

    Returns
    -------
    (nodes, edges, positions)
        Actor ids in first-seen order; the summed ties as ``(a, b, stance, weight)``; and
        actor -> (x, y) from :func:`~alliances.draw.signed_layout` (widest extent [-1, 1]).

    Examples
    --------
    >>> import alliances
    >>> net = alliances.load("seeds/syria_2017.yaml")
    >>> nodes, edges, pos = timeline_layout([net, net.with_relation("russia", "us_coalition", "rival")])
    >>> nodes == list(net.actors), sorted(pos) == sorted(nodes)
    (True, True)
    """
    nodes: list[str] = []
    for net in nets:
        nodes.extend(a for a in net.actors if a not in nodes)
    total: dict[Pair, float] = {}
    for net in nets:
        for r in net.active_relations:
            total[r.pair] = total.get(r.pair, 0.0) + r.sign * float(r.weight or 0.0) * r.confidence
    edges = [(a, b, "ally" if v > 0 else "enemy" if v < 0 else "neutral", min(1.0, abs(v) / len(nets) * 4))
             for (a, b), v in sorted(total.items())]
    return nodes, edges, {str(v): xy for v, xy in signed_layout(nodes, edges).items()}


def _draw_scores(ax: Axes, nets: list[AllianceNetwork], pairs: list[Pair], labels: list[str],
                 values: list[list[float | None]], stances: list[list[str | None]]) -> None:
    """The heat strip: one row per pair, one column per window, a glyph per positive or neutral stance."""
    cmap = LinearSegmentedColormap.from_list("signed", [NEGATIVE, "#F7F7F7", POSITIVE]).with_extremes(
        bad=(1.0, 1.0, 1.0, 0.0))  # see-through: a quiet window's hatching shows behind its blank cells
    quiet = [j for j, n in enumerate(nets) if quiet_window(n) is not None]
    for j in quiet:
        ax.axvspan(j - 0.5, j + 0.5, facecolor="white", edgecolor=_QUIET_HATCH, hatch="////", linewidth=0.0, zorder=0)
    data = np.ma.masked_invalid(np.array(
        [[np.nan if v is None else v for v in row] for row in values], dtype=float).reshape(len(pairs), len(nets)))
    if not pairs:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "no event-derived relations in these snapshots", ha="center", va="center",
                color=MUTED, transform=ax.transAxes)
        data = np.ma.masked_all((1, len(nets)))
    ax.imshow(data, aspect="auto", cmap=cmap, vmin=-1, vmax=1, interpolation="nearest")
    glyph = {"ally": "+", "friendly": "+", "ambivalent": "\u00b1", "neutral": "0"}
    if len(nets) <= 60:
        for i, row in enumerate(stances):
            for j, s in enumerate(row):
                if s in glyph:
                    ax.text(j, i, glyph[s], ha="center", va="center", fontsize=6, color=INK)
    ax.set_yticks(range(len(pairs)))
    ax.set_yticklabels([f"{_name(nets[-1], a)} \u2013 {_name(nets[-1], b)}" for a, b in pairs], fontsize=7)
    step = max(1, len(nets) // 16)
    ax.set_xticks(range(0, len(nets), step))
    ax.set_xticklabels([labels[j] for j in range(0, len(nets), step)], rotation=45, ha="right", fontsize=7)
    hatched = "; hatched: a window without any event" if quiet else ""
    ax.set_title("Event score by window (blue cooperative, vermillion hostile; "
                 f"+ ally/friendly, \u00b1 ambivalent, 0 neutral; blank: no events{hatched})", fontsize=8,
                 color=MUTED, loc="left")


_MAX_NAMES_SHARE = 0.45  # the pair names take at most this share of the chart's width


def _fit_pair_names(fig: Figure, ax: Axes, width: float) -> None:
    """Move the chart's left edge so its pair names fit on the canvas; shorten names past a share of the width.

    The names are measured as drawn (the figure's renderer), with a small gap to the figure's edge.
    """
    ticks = list(ax.get_yticklabels())
    if not any(t.get_text() for t in ticks):
        return
    rend = renderer(fig)
    dpi = fig.dpi

    def widest() -> float:
        return max(t.get_window_extent(rend).width for t in ticks) / dpi + ax.yaxis.get_tick_padding() / 72 + 0.1

    cap = _MAX_NAMES_SHARE * width
    if widest() > cap:  # shorten each name to the characters that fit, with an ellipsis
        for t in ticks:
            text = t.get_text()
            while len(text) > 4 and t.get_window_extent(rend).width / dpi > cap - 0.15:
                text = text[:-2]
                t.set_text(text.rstrip(" \u2013") + "\u2026")
        # the tick labels are made again from the formatter when drawn: give it the short names
        ax.set_yticks(ax.get_yticks(), [t.get_text() for t in ticks], fontsize=ticks[0].get_fontsize())
    box = ax.get_position()
    left = max(box.x0, min(widest(), cap) / width)
    ax.set_position((left, box.y0, box.x1 - left, box.height))


_LEGEND_SIZE = 7.5
_LEGEND_LABELS = ("ally", "ambivalent", "neutral", "enemy", "thin: scenario background")


def _legend_under_title(heading: str, width: float) -> bool:
    """Whether the title and the one-row legend beside it would not both fit ``width`` inches."""
    em = _LEGEND_SIZE / 72
    legend = sum(text_width_in(s, _LEGEND_SIZE) + (2.2 + 0.8) * em for s in _LEGEND_LABELS) + 4 * 1.4 * em
    return text_width_in(heading, 11) + legend + 0.5 > width


def _frame(fig: Figure, nets: list[AllianceNetwork], labels: list[str], heading: str, *, stacked: bool,
           width: float, height: float) -> None:
    """The legend (anchored inside the figure with a margin, so no entry touches the edge), title and sources."""
    handles = [Line2D([], [], color=STANCE_STYLES[s].colour, linestyle=STANCE_STYLES[s].linestyle, lw=2,
                      label=s) for s in _LEGEND_LABELS[:4]]
    handles.append(Line2D([], [], color=MUTED, lw=0.8, alpha=0.5, label=_LEGEND_LABELS[4]))
    below = stacked * (11 * 1.25 / 72 + 0.06)  # a narrow figure: the legend under the title
    fig.legend(handles=handles, loc="upper right", bbox_to_anchor=(1 - 0.15 / width, 1 - (0.08 + below) / height),
               ncol=5, fontsize=_LEGEND_SIZE, frameon=False, borderaxespad=0.0, handlelength=2.2, columnspacing=1.4)
    first, last = nets[0], nets[-1]
    fig.suptitle(heading, x=0.15 / width, y=1 - 0.08 / height, ha="left", va="top", fontsize=11, color=INK)
    cited = sorted({s.title or s.id for n in (first, last) for s in n.sources.values() if s.id.startswith("events-")})
    if cited:
        fig.text(0.15 / width, 0.08 / height, "Source: " + "; ".join(cited), fontsize=6, color=MUTED)


_MARKER_AREA = 110.0  # points^2, as passed to scatter
_LABEL_SIZE = 7.5


def _draw_panel(ax: Axes, net: AllianceNetwork, pos: Positions, offsets: dict[str, Offset]) -> None:
    for r in sorted(net.active_relations, key=lambda r: r.pair):
        a, b = r.pair
        style = STANCE_STYLES[r.stance.value]
        (x0, y0), (x1, y1) = pos[a], pos[b]
        observed = r.kind == "events"
        # Relations observed in the window are drawn bold; the scenario's background ones thin and light.
        ax.plot([x0, x1], [y0, y1], color=style.colour, linestyle=style.linestyle,
                lw=(1.2 + 1.4 * float(r.weight or 0.5)) if observed else 0.8,
                alpha=edge_alpha(r.confidence) if observed else 0.35, zorder=1 if observed else 0,
                solid_capstyle="round")
    for v, actor in net.actors.items():
        x, y = pos[v]
        ax.scatter([x], [y], s=_MARKER_AREA, marker=KIND_MARKERS.get(actor.kind.value, "o"), color="white",
                   edgecolor=INK, linewidths=0.9, zorder=2)
        dx, dy, ha, va = offsets[v]
        ax.annotate(actor.display, (x, y), xytext=(dx, dy), textcoords="offset points", fontsize=_LABEL_SIZE,
                    color=INK, ha=ha, va=va, zorder=3,
                    bbox={"boxstyle": "square,pad=0.05", "facecolor": "white", "edgecolor": "none", "alpha": 0.75})


# Label spots around a marker: unit direction, alignment. Tried nearest to "away from the centre" first.
_SPOTS: list[tuple[tuple[float, float], HAlign, VAlign]] = [((1.0, 0.0), "left", "center"), ((0.71, 0.71), "left", "bottom"), ((0.0, 1.0), "center", "bottom"),
          ((-0.71, 0.71), "right", "bottom"), ((-1.0, 0.0), "right", "center"), ((-0.71, -0.71), "right", "top"),
          ((0.0, -1.0), "center", "top"), ((0.71, -0.71), "left", "top")]


def _label_offsets(ax: Axes, pos: Positions, names: dict[str, str], edges: list[Pair]) -> dict[str, Offset]:
    """Where each actor's label goes, as (dx, dy) points from its marker plus alignment.

    Deterministic greedy placement: actors with the nearest neighbours first; for each, the
    spot (eight directions, two distances) with the least cost, where overlapping another
    label, another marker or the panel edge costs most, each edge crossing the label less,
    and turning away from the outward direction least.
    """
    rend = renderer(ax.figure)
    to_px = ax.transData.transform
    px_pt = ax.figure.dpi / 72
    marker_r = math.sqrt(_MARKER_AREA) / 2 * px_pt  # marker radius in pixels
    frame = ax.get_window_extent(rend)
    centres = {v: tuple(to_px(p)) for v, p in pos.items()}
    cx = sum(p[0] for p in centres.values()) / len(centres)
    cy = sum(p[1] for p in centres.values()) / len(centres)
    segments = [(centres[a], centres[b]) for a, b in edges if a in centres and b in centres]

    def crossings(box: Bbox) -> int:
        n = 0
        for (x0, y0), (x1, y1) in segments:
            if any(box.contains(x0 + (x1 - x0) * t / 24, y0 + (y1 - y0) * t / 24) for t in range(25)):
                n += 1
        return n

    def nearest(v: str) -> float:
        return min((math.dist(centres[v], centres[w]) for w in centres if w != v), default=0.0)

    placed: dict[str, Offset] = {}
    boxes: list[Bbox] = []
    probe = ax.text(0, 0, "", fontsize=_LABEL_SIZE)
    for v in sorted(pos, key=lambda v: (nearest(v), list(pos).index(v))):
        x, y = centres[v]
        out = math.atan2(y - cy, x - cx) if math.hypot(x - cx, y - cy) > 1e-6 else -math.pi / 2
        best: tuple[float, Bbox, Offset] | None = None
        for ring, gap in enumerate((marker_r + 2 * px_pt, marker_r + 9 * px_pt)):
            for (ux, uy), ha, va in _SPOTS:
                dx, dy = ux * gap, uy * gap
                probe.set_text(names[v])
                probe.set_horizontalalignment(ha)
                probe.set_verticalalignment(va)
                tx, ty = ax.transData.inverted().transform((x + dx, y + dy))
                probe.set_position((tx, ty))
                box = probe.get_window_extent(rend).padded(1.0 * px_pt)
                turn = abs((math.atan2(uy, ux) - out + math.pi) % (2 * math.pi) - math.pi)
                inside = (frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1)
                cost = (100 * sum(box.overlaps(b) for b in boxes)
                        + 100 * sum(box_hits_circle(box, centres[w], marker_r) for w in centres)
                        + (0 if inside else 100) + 4 * crossings(box) + 3 * ring + turn)
                if best is None or cost < best[0] - 1e-9:
                    best = (cost, box, (dx / px_pt, dy / px_pt, ha, va))
        assert best is not None  # sixteen spots were tried
        boxes.append(best[1])
        placed[v] = best[2]
    probe.remove()
    return placed


def _label(net: AllianceNetwork) -> str:
    if "," in net.scenario:
        return net.scenario.rsplit(",", 1)[1].strip()
    return net.as_of.isoformat() if net.as_of else net.scenario


def _name(net: AllianceNetwork, actor: str) -> str:
    return net.actors[actor].display if actor in net.actors else actor
