"""What frames every diagram: its title, the source line in small print, the legend's entries, label hit-tests.

The diagrams differ in what they draw and share how it is framed: a title with the
scenario's name and date (fitted to the room it has), the scenario's sources under the
figure, legends whose section headings are not entries, and labels placed clear of the
markers. Each of those is done here, once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..errors import ParameterError
from ._inputs import as_network
from ._sizes import MIN_FONT
from ._style import INK, MUTED, fit_text, plain, text_width_in

if TYPE_CHECKING:
    import numpy as np
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.legend import Legend
    from matplotlib.text import Text
    from matplotlib.transforms import BboxBase

__all__ = [
    "axes_title",
    "box_hits_circle",
    "camp_label",
    "figure_of",
    "figure_title",
    "footer_text",
    "legend_labels",
    "mark_heading",
    "source_footer",
    "source_line",
    "title_text",
]

# set on a legend text that heads a section ("Relations", "Actors"): not an entry
_HEADING = "_alliances_heading"


def title_text(net: Any) -> str:
    """The diagram title: the scenario's name and, when set, its ``as_of`` date.

    Parameters
    ----------
    net : AllianceNetwork or networkx.Graph

    Returns
    -------
    str

    Examples
    --------
    >>> import alliances, datetime
    >>> title_text(alliances.AllianceNetwork("Toy", as_of=datetime.date(2017, 9, 5)))
    'Toy, as of 2017-09-05'
    """
    net = as_network(net)
    return f"{net.scenario}, as of {net.as_of.isoformat()}" if net.as_of else net.scenario


def source_line(net: Any, *, limit: int = 3) -> str:
    """The small print under a diagram: the scenario's sources (publisher, title, date).

    Parameters
    ----------
    net : AllianceNetwork or networkx.Graph
    limit : int
        Sources named; the rest are counted.

    Returns
    -------
    str
        Empty when the scenario cites no source.

    Examples
    --------
    >>> import alliances, datetime
    >>> src = alliances.Source("r", title="A dispatch", publisher="Reuters", date=datetime.date(2017, 9, 5))
    >>> source_line(alliances.AllianceNetwork("Toy", sources=[src]))
    'Source: Reuters, "A dispatch", 2017-09-05'
    """
    net = as_network(net)
    parts = []
    for src in net.sources.values():
        bits = [b for b in (src.publisher, f'"{src.title}"' if src.title else None,
                            src.date.isoformat() if src.date else None) if b]
        parts.append(", ".join(bits) if bits else src.id)
    if not parts:
        return ""
    shown = "; ".join(parts[:limit])
    more = f" (and {len(parts) - limit} more)" if len(parts) > limit else ""
    return f"{'Source' if len(parts) == 1 else 'Sources'}: {shown}{more}"


def footer_text(net: Any, width_in: float, *, size: float = MIN_FONT) -> tuple[str, float]:
    """The source line wrapped to ``width_in`` inches at ``size`` points, and the height it needs.

    Parameters
    ----------
    net : AllianceNetwork or networkx.Graph
    width_in : float
        The width the small print may take (inches).
    size : float
        Font size in points.

    Returns
    -------
    (str, float)
        The text with line breaks, and its height in inches (0 without sources).

    Examples
    --------
    >>> import alliances
    >>> net = alliances.load("seeds/syria_2017.yaml")
    >>> text, height = footer_text(net, 2.5)
    >>> lines = text.splitlines()
    >>> len(lines) >= 3, all(text_width_in(line, 7.0) <= 2.5 for line in lines)
    (True, True)
    """
    line = plain(source_line(net))
    if not line:
        return "", 0.0
    lines: list[str] = []
    for word in line.split(" "):
        # (4% to spare: a renderer's hinting lays text out a little wider than the font's advances)
        if lines and text_width_in(f"{lines[-1]} {word}", size) <= 0.96 * width_in:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines), (len(lines) * 1.2 + 0.25) * size / 72


def source_footer(fig: Figure, net: Any) -> float:
    """The source line in small print at the figure's bottom left, wrapped to the figure's width.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    net : AllianceNetwork or networkx.Graph

    Returns
    -------
    float
        The height it takes, in inches (0 when the scenario cites no source).
    """
    text, height = footer_text(net, fig.get_size_inches()[0] - 0.2)
    if text:
        fig.text(0.1 / fig.get_size_inches()[0], 0.04 / fig.get_size_inches()[1], text, fontsize=MIN_FONT,
                 color=MUTED, ha="left", va="bottom", linespacing=1.2)
    return height


def figure_of(ax: Axes) -> Figure:
    """The figure a caller's axes is drawn on (the top-level one, also for an axes in a subfigure).

    Parameters
    ----------
    ax : matplotlib.axes.Axes

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ParameterError
        The axes belongs to no figure.
    """
    fig = ax.get_figure(root=True)
    if fig is None:
        raise ParameterError("the axes to draw into belongs to no figure")
    return fig


def axes_title(fig: Figure, ax: Axes, text: str, *, own: bool, pad: float | None = None) -> None:
    """A title above ``ax`` at its left, fitted to the figure's width (``own``) or the axes' width.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    ax : matplotlib.axes.Axes
    text : str
    own : bool
        Whether the figure is the diagram's own (12 points at most) or a caller's (10).
    pad : float, optional
        Points between the title and the axes (default: matplotlib's).
    """
    room = fig.get_size_inches()[0] - 0.2 if own else ax.get_position().width * fig.get_size_inches()[0]
    text, size = fit_text(text, room, size=12.0 if own else 10.0, min_size=7.0)
    ax.set_title(text, fontsize=size, color=INK, loc="left", pad=pad)


def figure_title(fig: Figure, ax: Axes, text: str, *, own: bool) -> None:
    """The title at the figure's top left (``own``), or above a caller's axes (clear of its top labels).

    For diagrams whose axes carry labels on top (the pair grids), where a title on the
    axes would sit on the names; the arguments are those of :func:`axes_title`.
    """
    if own:
        text, size = fit_text(text, fig.get_size_inches()[0] - 0.2)
        fig.text(0.01, 0.99, text, fontsize=size, color=INK, ha="left", va="top")
    else:
        text, size = fit_text(text, ax.get_position().width * fig.get_size_inches()[0], size=10.0, min_size=7.0)
        ax.set_title(text, fontsize=size, color=INK, loc="left")


def mark_heading(text: Text) -> None:
    """Mark a legend text as a section heading: :func:`legend_labels` leaves it out."""
    setattr(text, _HEADING, True)


def legend_labels(fig: Figure) -> list[str]:
    """The entries of a diagram's legends (the figure's, then each axes'), in order, headings left out.

    Parameters
    ----------
    fig : matplotlib.figure.Figure

    Returns
    -------
    list of str

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from matplotlib.lines import Line2D
    >>> fig = Figure()
    >>> leg = fig.legend([Line2D([], []), Line2D([], [])], ["Relations", "ally"])
    >>> mark_heading(leg.get_texts()[0])
    >>> legend_labels(fig)
    ['ally']
    """
    out = []
    for leg in _legends(fig):
        for text in leg.get_texts():
            if text.get_text() and not getattr(text, _HEADING, False):
                out.append(text.get_text())
    return out


def box_hits_circle(box: BboxBase, centre: tuple[float, float] | np.ndarray, r: float) -> bool:
    """Whether a box (a label's extent) reaches into the circle of radius ``r`` around ``centre``.

    Parameters
    ----------
    box : matplotlib.transforms.BboxBase
    centre : (float, float)
    r : float
        In the box's units (pixels for a text's window extent).

    Returns
    -------
    bool
        True when the point of the box nearest the centre is closer than ``r``.

    Examples
    --------
    >>> from matplotlib.transforms import Bbox
    >>> box = Bbox.from_extents(0, 0, 2, 1)
    >>> box_hits_circle(box, (3, 0.5), 1.5), box_hits_circle(box, (3, 0.5), 0.9)
    (True, False)
    """
    cx, cy = centre
    nx_, ny_ = min(max(cx, box.x0), box.x1), min(max(cy, box.y0), box.y1)
    return bool((nx_ - cx) ** 2 + (ny_ - cy) ** 2 < r * r)


def _legends(fig: Figure) -> list[Legend]:
    out = list(fig.legends)
    for ax in fig.axes:
        leg = ax.get_legend()
        if leg is not None:
            out.append(leg)
    return out


def camp_label(names: Sequence[str], *, limit: int = 30) -> str:
    """A camp named by its members, the best-tied first: all of them when short, else the first
    one or two and a count, in at most about ``limit`` characters.

    Examples
    --------
    >>> camp_label(["IS"]), camp_label(["US coalition", "Rebels"])
    ('IS (on its own)', 'US coalition, Rebels')
    >>> camp_label(["Assad", "Iran", "Russia", "Hezbollah", "Shiite militias"])
    'Assad, Iran + 3 more'
    >>> camp_label(["Armed actor number 14", "Armed actor number 4", "G12"])
    'Armed actor number 14 + 2 more'
    """
    if len(names) == 1:
        return f"{_cut(names[0], limit - 4)} (on its own)"
    if len(names) <= 3 and len(", ".join(names)) <= limit:
        return ", ".join(names)
    two = f"{names[0]}, {names[1]} + {len(names) - 2} more"
    if len(two) <= limit:
        return two
    more = f" + {len(names) - 1} more"
    return _cut(names[0], limit - len(more)) + more


def _cut(name: str, limit: int) -> str:
    return name if len(name) <= max(limit, 8) else name[:max(limit, 8) - 1].rstrip() + "\u2026"
