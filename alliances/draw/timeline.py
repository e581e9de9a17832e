"""Relations over time: small multiples of the network, and each pair's score by window.

The top rows draw a few snapshots (evenly spaced through time) with one layout computed
once from every snapshot together, so an actor stays where it is from panel to panel;
relations observed in the window are bold, the scenario's background relations thin.
Below, a heat strip shows every pair's signed score in every window (blue cooperative,
vermillion hostile, blank where the pair has no relation), with a glyph per stance so the
chart reads without colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..errors import ParameterError
from ..network import AllianceNetwork

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["draw_timeline", "timeline_scores"]


def timeline_scores(snapshots: Sequence[AllianceNetwork]):
    """Pair x window scores of a series of snapshots.

    Only event-derived relations (``kind: events``, from :func:`alliances.snapshot`) count:
    the score is the one their evidence cites, or else sign times weight. Static relations
    of the scenario are not observations and stay blank.

    Returns
    -------
    (pairs, labels, values, stances)
        ``values[i][j]``: score of pair i in snapshot j, None where the pair has no relation in force.
    """
    from ..events.snapshots import score_from_evidence

    pairs: set[tuple[str, str]] = set()
    cols = []
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
    import matplotlib as mpl
    import numpy as np
    from matplotlib.colors import LinearSegmentedColormap
    from matplotlib.lines import Line2D

    from .layout import signed_layout
    from .style import INK, KIND_MARKERS, MUTED, NEGATIVE, POSITIVE, RC, STANCE_STYLES, edge_alpha, new_figure

    if not snapshots:
        raise ParameterError("draw_timeline needs at least one snapshot")
    nets = sorted(snapshots, key=lambda n: (n.as_of is None, n.as_of or 0, n.scenario))
    panels = max(1, min(int(panels), len(nets)))
    picks = sorted({int(round(i)) for i in np.linspace(0, len(nets) - 1, panels)})

    # One layout for every panel: actors in first-seen order, ties summed over all snapshots.
    nodes: list[str] = []
    for net in nets:
        nodes.extend(a for a in net.actors if a not in nodes)
    total: dict[tuple[str, str], float] = {}
    for net in nets:
        for r in net.active_relations:
            total[r.pair] = total.get(r.pair, 0.0) + r.sign * float(r.weight or 0.0) * r.confidence
    edges = [(a, b, "ally" if v > 0 else "enemy" if v < 0 else "neutral", min(1.0, abs(v) / len(nets) * 4))
             for (a, b), v in sorted(total.items())]
    pos = signed_layout(nodes, edges)

    pairs, labels, values, stances = timeline_scores(nets)
    cols = min(4, len(picks))
    net_rows = (len(picks) + cols - 1) // cols
    chart_h = max(2.4, 0.24 * len(pairs) + 1.4)
    with mpl.rc_context(RC):
        fig = new_figure(3.0 * cols + 1.4, 2.9 * net_rows + chart_h + 1.2)
        grid = fig.add_gridspec(net_rows + 1, cols, height_ratios=[2.9] * net_rows + [chart_h],
                                hspace=0.28, wspace=0.02, left=0.13, right=0.99, top=0.93, bottom=0.08)
        for k, idx in enumerate(picks):
            ax = fig.add_subplot(grid[k // cols, k % cols])
            _draw_panel(ax, nets[idx], pos, STANCE_STYLES, KIND_MARKERS, edge_alpha, INK)
            ax.set_title(labels[idx], fontsize=9, color=INK)
        ax = fig.add_subplot(grid[net_rows, :])
        cmap = LinearSegmentedColormap.from_list("signed", [NEGATIVE, "#F7F7F7", POSITIVE]).with_extremes(
            bad="white")
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
        ax.set_title("Event score by window (blue cooperative, vermillion hostile; "
                     "+ ally/friendly, \u00b1 ambivalent, 0 neutral; blank: no events)", fontsize=8, color=MUTED,
                     loc="left")
        handles = [Line2D([], [], color=STANCE_STYLES[s].colour, linestyle=STANCE_STYLES[s].linestyle, lw=2,
                          label=s) for s in ("ally", "ambivalent", "neutral", "enemy")]
        handles.append(Line2D([], [], color=MUTED, lw=0.8, alpha=0.5, label="thin: scenario background"))
        fig.legend(handles=handles, loc="upper right", ncol=5, fontsize=7, frameon=False)
        first, last = nets[0], nets[-1]
        base = title or first.scenario.split(",")[0]
        fig.suptitle(f"{base}: {labels[0]} to {labels[-1]}", x=0.02, ha="left", fontsize=11, color=INK)
        cited = sorted({s.title or s.id for n in (first, last) for s in n.sources.values() if s.id.startswith("events-")})
        if cited:
            fig.text(0.02, 0.01, "Source: " + "; ".join(cited), fontsize=6, color=MUTED)
    return fig


def _draw_panel(ax, net, pos, styles, markers, alpha, ink) -> None:
    ax.set_axis_off()
    ax.set_xlim(-1.6, 1.6)
    ax.set_ylim(-1.3, 1.3)
    ax.set_aspect("equal")
    for r in sorted(net.active_relations, key=lambda r: r.pair):
        a, b = r.pair
        style = styles[r.stance.value]
        (x0, y0), (x1, y1) = pos[a], pos[b]
        observed = r.kind == "events"
        # Relations observed in the window are drawn bold; the scenario's background ones thin and light.
        ax.plot([x0, x1], [y0, y1], color=style.colour, linestyle=style.linestyle,
                lw=(1.2 + 1.4 * float(r.weight or 0.5)) if observed else 0.8,
                alpha=alpha(r.confidence) if observed else 0.35, zorder=1 if observed else 0,
                solid_capstyle="round")
    for actor in net.actors.values():
        x, y = pos[actor.id]
        ax.scatter([x], [y], s=90, marker=markers.get(actor.kind.value, "o"), color="white", edgecolor=ink,
                   linewidths=0.9, zorder=2)
        # Labels point away from the centre, where they overlap edges and neighbours least.
        norm = max(1e-9, (x * x + y * y) ** 0.5)
        dx, dy = (x / norm, y / norm) if norm > 0.15 else (0.0, -1.0)
        ax.text(x + 0.13 * dx, y + 0.13 * dy, actor.display, fontsize=6.5, color=ink, zorder=3,
                ha="left" if dx > 0.35 else "right" if dx < -0.35 else "center",
                va="bottom" if dy > 0.35 else "top" if dy < -0.35 else "center")


def _label(net: AllianceNetwork) -> str:
    if "," in net.scenario:
        return net.scenario.rsplit(",", 1)[1].strip()
    return net.as_of.isoformat() if net.as_of else net.scenario


def _name(net: AllianceNetwork, actor: str) -> str:
    return net.actors[actor].display if actor in net.actors else actor
