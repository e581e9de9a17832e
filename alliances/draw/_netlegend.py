"""The network diagram's legend: what the lines, markers and fills mean, laid out to fit.

Entries come in sections (ties, actors, camps), each swatch drawn as the thing it
explains: a tie's colour, dash and width; the lighter shade of the tie colours actually
used for less certain ties; the marker of each actor kind; each camp's fill, named by its
best-tied members. Below a drawing the sections stand side by side, as few rows as the
width allows; beside one (on a slide) they run down one column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from matplotlib.figure import Figure
from matplotlib.legend_handler import HandlerTuple
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ._chrome import camp_label, mark_heading
from ._style import (
    INK,
    KIND_LABELS,
    KIND_MARKERS,
    RISK_COLOUR,
    STANCE_ORDER,
    STANCE_STYLES,
    edge_alpha,
    edge_width,
    faction_colour,
    renderer,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.legend import Legend

__all__ = ["LegendContent", "draw_legend"]

_LESS_CERTAIN = 0.6  # the confidence the "lighter" swatch is drawn at


@dataclass
class LegendContent:
    """What the drawing shows, so the legend lists exactly that."""

    stances: list[str] = field(default_factory=list)
    faded: list[str] = field(default_factory=list)  # stances drawn lighter somewhere (less certain)
    risk: str | None = None  # the risk band's entry
    risk_short: str | None = None  # the same in a narrow legend
    kinds: list[str] = field(default_factory=list)
    size_note: str | None = None
    camps: list[tuple[int, list[str]]] = field(default_factory=list)  # camp index, members' names (best tied first)
    no_camp: str | None = None  # the entry for actors in no camp ("no signed tie" when that is why)
    camp_heading: str = "Camps (balance factions)"
    extra: list[tuple[Any, str]] = field(default_factory=list)  # more tie entries (the camp view's counts)

    def sections(self, line_scale: float, band_width: float,
                 compact: bool = False) -> list[tuple[str, list[tuple[Any, str]]]]:
        """(heading, [(handle, label)]) for each non-empty section; shorter words when ``compact``."""
        ties: list[tuple[Any, str]] = []
        for stance in STANCE_ORDER:
            if stance in self.stances:
                st = STANCE_STYLES[stance]
                width = edge_width(stance, 1.0 if stance in ("ally", "enemy") else 0.5) * line_scale
                ties.append((Line2D([], [], color=st.colour, linestyle=st.linestyle, linewidth=width), stance))
        if self.faded:
            from matplotlib.colors import to_rgba

            lighter = tuple(
                Line2D([], [], color=to_rgba(STANCE_STYLES[s].colour, edge_alpha(_LESS_CERTAIN)),
                       linestyle=STANCE_STYLES[s].linestyle, linewidth=edge_width(s, 1.0) * line_scale)
                for s in self.faded)
            ties.append((lighter, "lighter: less sure" if compact else "lighter: less certain"))
        ties += self.extra
        if self.risk:
            ties.append((Line2D([], [], color=RISK_COLOUR, linewidth=band_width, alpha=0.55,
                                solid_capstyle="butt"), (self.risk_short or self.risk) if compact else self.risk))
        actors = [(Line2D([], [], linestyle="none", marker=KIND_MARKERS[k], markersize=7, markerfacecolor="white",
                          markeredgecolor=INK), KIND_LABELS[k]) for k in self.kinds]
        camps: list[tuple[Any, str]] = [
            (Patch(facecolor=faction_colour(k), edgecolor=faction_colour(k), alpha=0.55),
             camp_label(names, limit=20 if compact else 30))
            for k, names in self.camps]
        if self.no_camp:
            camps.append((Line2D([], [], linestyle="none", marker="o", markersize=7,
                                 markerfacecolor=faction_colour(None), markeredgecolor=INK), self.no_camp))
        heading = f"Actors (size: {self.size_note})" if self.size_note else "Actors"
        out = [("Ties", ties), (heading, actors), (self.camp_heading, camps)]
        return [(h, entries) for h, entries in out if entries]


def draw_legend(
    target: Figure | Axes,
    content: LegendContent,
    *,
    fontsize: float,
    line_scale: float,
    band_width: float,
    width: float | None,
    anchor: tuple[float, float],
    loc: str = "upper left",
    compact: bool = False,
) -> Legend | None:
    """The legend on ``target``: sections side by side within ``width`` inches, or one column (None);
    ``compact`` (a narrow figure): shorter words and tighter spacing.

    Returns
    -------
    Legend or None
        None when there is nothing to explain.
    """
    sections = content.sections(line_scale, band_width, compact)
    if not sections:
        return None
    fig = target.get_figure(root=True)
    assert isinstance(fig, Figure)
    if width is None:
        rows = sum(1 + len(e) for _, e in sections)
        return _legend(target, sections, rows, fontsize, anchor, loc, single=True, compact=compact)
    # the fewest rows whose legend fits the width (it narrows as rows are added): a bisection
    lo, hi = 2, sum(1 + len(e) for _, e in sections)
    while lo < hi:
        mid = (lo + hi) // 2
        leg = _legend(target, sections, mid, fontsize, anchor, loc, compact=compact)
        wide = leg.get_window_extent(renderer(fig)).width / fig.dpi
        leg.remove()  # (an axes forgets its legend when any legend is removed: the one kept is made last)
        if wide <= width:
            hi = mid
        else:
            lo = mid + 1
    return _legend(target, sections, lo, fontsize, anchor, loc, compact=compact)


def _legend(target, sections, rows: int, fontsize: float, anchor, loc, *, single: bool = False,
            compact: bool = False) -> Legend:
    handles: list[Any] = []
    labels: list[str] = []
    headings: list[int] = []

    def blank() -> None:
        handles.append(Patch(visible=False))
        labels.append("")

    if single:
        for heading, entries in sections:
            headings.append(len(labels))
            blank()
            labels[-1] = heading
            for h, lab in entries:
                handles.append(h)
                labels.append(lab)
        ncols = 1
    else:
        # column by column, ``rows`` high: a section starts a fresh column when it fits in one
        # and not in what is left of the current one; a heading never ends a column
        for heading, entries in sections:
            left = (-len(labels)) % rows
            if left and (left < 2 or (left < len(entries) + 1 <= rows)):
                for _ in range(left):
                    blank()
            headings.append(len(labels))
            blank()
            labels[-1] = heading
            for h, lab in entries:
                if len(labels) % rows == 0:  # a section running on: the next column starts under its heading
                    blank()
                handles.append(h)
                labels.append(lab)
        while len(labels) % rows:
            blank()
        ncols = len(labels) // rows
    options: dict[str, Any] = {
        "loc": loc, "bbox_to_anchor": anchor, "frameon": False, "fontsize": fontsize,
        "handlelength": 2.0 if compact else 2.6,
        "handletextpad": 0.6, "borderaxespad": 0.0, "borderpad": 0.2, "labelspacing": 0.35,
        "columnspacing": 0.8 if compact else 1.3, "ncols": ncols, "handler_map": {tuple: HandlerTuple(ndivide=None, pad=0.3)},
    }
    leg = target.legend(handles, labels, **options)
    texts = leg.get_texts()
    for i in headings:
        texts[i].set_fontweight("bold")
        mark_heading(texts[i])
    return leg
