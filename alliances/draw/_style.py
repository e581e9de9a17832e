"""The visual vocabulary shared by every diagram: stance styles, actor markers, faction colours.

Colour is always paired with a second cue (line style, marker or glyph), so every diagram
still reads for colour-blind readers and in greyscale print. Edge colours follow the
Okabe-Ito palette (Okabe & Ito 2008): blue for positive ties, vermillion for negative ones,
reddish purple for ambivalent ones, grey for neutral ones. Faction fills come from Paul
Tol's "light" palette, which stays apart from the edge colours.

References
----------
Okabe, M. & Ito, K. (2008) Color Universal Design (CUD): how to make figures and
presentations that are friendly to colorblind people. https://jfly.uni-koeln.de/color/
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure

from .._checks import check_instance, check_number, check_text
from ._limits import check_pixels

if TYPE_CHECKING:
    from matplotlib.backend_bases import RendererBase
    from matplotlib.figure import SubFigure
    from matplotlib.typing import LineStyleType, RcKeyType

__all__ = [
    "FACTION_COLOURS",
    "KIND_MARKERS",
    "RISK_COLOUR",
    "STANCE_ORDER",
    "STANCE_STYLES",
    "UNKNOWN_STYLE",
    "MAX_DPI",
    "MAX_INCHES",
    "MIN_DPI",
    "AlliancesFigure",
    "BoundedCanvasAgg",
    "EdgeStyle",
    "check_figure_args",
    "edge_alpha",
    "edge_width",
    "faction_colour",
    "fit_text",
    "new_figure",
    "plain",
    "renderer",
    "text_colour_on",
    "text_width_in",
]

POSITIVE = "#0072B2"  # Okabe-Ito blue
NEGATIVE = "#D55E00"  # Okabe-Ito vermillion
AMBIVALENT = "#CC79A7"  # Okabe-Ito reddish purple
NEUTRAL = "#8C8C8C"
RISK_COLOUR = "#E69F00"  # Okabe-Ito orange: the risk overlay, drawn wide and translucent
INK = "#222222"
MUTED = "#555555"


@dataclass(frozen=True)
class EdgeStyle:
    """How one stance is drawn: line colour and dash style, matrix fill and glyph."""

    label: str
    colour: str
    linestyle: LineStyleType
    fill: str  # matrix cell fill
    glyph: str  # matrix cell symbol (reads in greyscale)
    base_width: float  # line width (points) at weight 1


# A dash pattern (offset, (on, off, ...)) in units of the line width; fixed so that thin
# and thick lines keep a recognisable pattern.
_DASHED = (0, (4.0, 2.0))
_DASHDOT = (0, (5.0, 1.8, 1.2, 1.8))
_DOTTED = (0, (1.0, 1.6))

STANCE_STYLES: dict[str, EdgeStyle] = {
    "ally": EdgeStyle("ally", POSITIVE, "solid", "#0072B2", "++", 3.2),
    "friendly": EdgeStyle("friendly", POSITIVE, "solid", "#8EC3E6", "+", 3.2),
    "neutral": EdgeStyle("neutral", NEUTRAL, _DOTTED, "#E3E3E3", "0", 1.6),
    "ambivalent": EdgeStyle("ambivalent", AMBIVALENT, _DASHDOT, "#E8B4D2", "\u00b1", 3.2),
    "rival": EdgeStyle("rival", NEGATIVE, _DASHED, "#F4B183", "\u2212", 3.2),
    "enemy": EdgeStyle("enemy", NEGATIVE, _DASHED, "#D55E00", "\u2212\u2212", 3.2),
}
"""Stance name -> style. Width grows with weight; lower confidence is drawn lighter."""

UNKNOWN_STYLE = EdgeStyle("unknown", "#FFFFFF", "none", "#FFFFFF", "?", 0.0)

STANCE_ORDER = ("ally", "friendly", "neutral", "ambivalent", "rival", "enemy")

KIND_MARKERS: dict[str, str] = {
    "state": "o",
    "coalition": "s",
    "armed_group": "^",
    "militia": "D",
    "international_org": "h",
    "other": "p",
}
"""Actor kind -> matplotlib marker."""

KIND_LABELS: dict[str, str] = {
    "state": "state",
    "coalition": "coalition",
    "armed_group": "armed group",
    "militia": "militia",
    "international_org": "international organisation",
    "other": "other actor",
}

# Paul Tol's "light" scheme (pale, so dark labels and edges stay readable on top).
FACTION_COLOURS = (
    "#77AADD",  # light blue
    "#EE8866",  # orange
    "#44BB99",  # mint
    "#EEDD88",  # light yellow
    "#FFAABB",  # pink
    "#99DDFF",  # light cyan
    "#BBCC33",  # pear
    "#AAAA00",  # olive
)
NO_FACTION = "#DDDDDD"


def faction_colour(index: int | None) -> str:
    """The fill colour of faction ``index`` (0 = the largest); grey for none.

    Examples
    --------
    >>> faction_colour(0), faction_colour(None)
    ('#77AADD', '#DDDDDD')
    """
    if index is None or index < 0:
        return NO_FACTION
    return FACTION_COLOURS[index % len(FACTION_COLOURS)]


def edge_width(stance: str, weight: float) -> float:
    """Line width in points: thin for weak ties, thick for strong ones."""
    style = STANCE_STYLES[stance]
    if stance == "neutral":
        return style.base_width
    return 0.9 + (style.base_width - 0.9) * max(0.0, min(1.0, float(weight)))


def edge_alpha(confidence: float) -> float:
    """Opacity for a tie: stated ties (confidence 1) opaque, implied ones lighter."""
    return 0.3 + 0.7 * max(0.0, min(1.0, float(confidence)))


def text_colour_on(fill: str) -> str:
    """Black or white, whichever reads better on this fill colour.

    Examples
    --------
    >>> text_colour_on("#0072B2"), text_colour_on("#FFFFFF")
    ('white', 'black')
    """
    r, g, b = to_rgb(fill)
    # relative luminance (sRGB, WCAG 2)
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    lum = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    return "white" if lum < 0.26 else "black"


RC: dict[RcKeyType, Any] = {
    # DejaVu Sans (shipped with matplotlib) for the same metrics everywhere; in SVG, where text
    # stays text, the viewer falls back to the usual sans-serif fonts if it lacks DejaVu
    "font.family": ["DejaVu Sans", "sans-serif"],
    "font.size": 9.0,
    "svg.fonttype": "none",
    "svg.hashsalt": "alliances",
    "axes.unicode_minus": True,
    "path.simplify": False,
}
"""matplotlib settings every diagram is drawn and saved with (applied in a context, never globally)."""


class AlliancesFigure(Figure):
    """A matplotlib Figure that shows itself inline in Jupyter (``_repr_png_``)."""

    def _repr_png_(self) -> bytes:
        buf = io.BytesIO()
        self.savefig(buf, format="png", dpi=self.dpi)
        return buf.getvalue()


MAX_INCHES = 200.0
"""The widest and tallest figure the diagrams take, in inches (5 metres)."""
MIN_DPI = 10.0
"""The lowest resolution the diagrams take, in dots per inch (below it the smallest text has no pixel)."""
MAX_DPI = 2400.0
"""The highest resolution the diagrams take, in dots per inch."""


def check_figure_args(*, ax: Any = None, width: Any = None, height: Any = None, dpi: Any = 150,
                      title: Any = None) -> None:
    """Check the arguments every diagram takes: the axes to draw into, the size, the resolution, the title.

    Parameters
    ----------
    ax : matplotlib Axes or None
    width, height : number or None
        Inches, in (0, MAX_INCHES].
    dpi : number
        In [MIN_DPI, MAX_DPI] (10 to 2400).
    title : str, False or None

    Raises
    ------
    ParameterError, ParameterTypeError

    Examples
    --------
    >>> check_figure_args(width=8, dpi=300)
    >>> check_figure_args(dpi=float("nan"))
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterError: dpi must be a number in [10, 2400], not nan
    """
    from matplotlib.axes import Axes

    check_instance(ax, (Axes, type(None)), "ax", "matplotlib Axes or None")
    for name, value in (("width", width), ("height", height)):
        check_number(value, name, low=0, high=MAX_INCHES, low_open=True, optional=True)
    check_number(dpi, "dpi", low=MIN_DPI, high=MAX_DPI)
    if title is not None and title is not False:
        check_text(title, "title")


class BoundedCanvasAgg(FigureCanvasAgg):
    """matplotlib's Agg canvas, refusing to allocate a raster above :data:`MAX_PIXELS`.

    Every diagram draws on one: the check runs wherever a raster is made (text measured
    while drawing, a PNG saved, a notebook's inline image), before its memory is taken.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> fig = Figure(figsize=(100, 100), dpi=1000)
    >>> _ = BoundedCanvasAgg(fig)
    >>> fig.canvas.get_renderer()
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterError: a 100 x 100 in figure at 1000 dpi is 100,000 x 100,000 pixels (10,000 megapixels): more than the limit of 100 megapixels and 65,535 pixels a side; lower the dpi or the size, or write .svg or .pdf
    """

    def get_renderer(self, *args: Any, **kwargs: Any) -> Any:
        w, h = self.figure.bbox.size
        check_pixels(w, h, dpi=self.figure.dpi)
        return super().get_renderer(*args, **kwargs)


def new_figure(width: float, height: float, dpi: float = 150) -> AlliancesFigure:
    """A figure with an Agg canvas, independent of pyplot (no global state, no GUI window).

    The canvas refuses to allocate a raster above :data:`alliances.draw.MAX_PIXELS`.

    Examples
    --------
    >>> fig = new_figure(4, 3)
    >>> fig.get_size_inches().tolist(), type(fig.canvas).__name__
    ([4.0, 3.0], 'BoundedCanvasAgg')
    """
    fig = AlliancesFigure(figsize=(width, height), dpi=dpi)
    BoundedCanvasAgg(fig)
    return fig


def plain(text: str) -> str:
    """Text from the data, shown as written: a ``$`` never starts matplotlib math mode.

    Examples
    --------
    >>> print(plain("US$ 5m"))
    US\\$ 5m
    """
    return str(text).replace("$", r"\$")


def text_width_in(text: str, size: float, *, bold: bool = False) -> float:
    """The width in inches of ``text`` (its widest line) at ``size`` points in the diagrams' font.

    Measured from the font's advance widths (as a renderer lays the text out), so it needs no
    renderer; empty text is 0 wide.

    Parameters
    ----------
    text : str
    size : float
        Font size in points.
    bold : bool

    Returns
    -------
    float

    Examples
    --------
    >>> text_width_in("", 9.0)
    0.0
    >>> text_width_in("two\\nlines", 9.0) == text_width_in("lines", 9.0)
    True
    >>> text_width_in("Wide", 9.0, bold=True) > text_width_in("Wide", 9.0)
    True
    """
    lines = [line for line in text.split("\n") if line]
    if not lines:
        return 0.0
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    prop = FontProperties(family=RC["font.family"], size=size, weight="bold" if bold else "normal")
    measure = TextToPath().get_text_width_height_descent
    return float(max(measure(line, prop, ismath=False)[0] for line in lines)) / 72


def fit_text(text: str, width_in: float, *, size: float = 12.0, min_size: float = 9.0) -> tuple[str, float]:
    """A title that fits ``width_in`` inches: the largest font size down to ``min_size``,
    then wrapped onto more lines.

    Examples
    --------
    >>> fit_text("Short", 5.0)
    ('Short', 12.0)
    >>> text, size = fit_text("A rather long title " * 4, 3.0)
    >>> size, "\\n" in text
    (9.0, True)
    """
    import textwrap

    pt = size
    while pt > min_size and text_width_in(text, pt) > width_in:
        pt -= 0.5
    if text_width_in(text, pt) <= width_in:
        return text, pt
    chars = max(10, int(len(text) * width_in / text_width_in(text, pt)))
    return "\n".join(textwrap.wrap(text, chars)), pt


def renderer(fig: Figure | SubFigure) -> RendererBase:
    """The figure's renderer, for measuring text (any canvas: Agg's own, or a plain one)."""
    root = fig.get_figure(root=True)
    get = getattr(root.canvas, "get_renderer", None)
    if get is not None:
        return get()
    # a caller's figure on a plain canvas: matplotlib's own fallback renderer, which its
    # stubs leave out because the method is private
    return root._get_renderer()  # type: ignore[attr-defined]
