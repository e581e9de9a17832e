"""Figure sizes for reports: a named size (column, page, slide) or a width, and what follows from it.

A report column is 3.5 in wide, a page's text block 6.5 in, a 16:9 slide 13.3 x 7.5 in.
A diagram behaves by its width, whichever way it was asked for: ``width=6.5`` and
``size="page"`` draw the same figure. Narrow figures put the legend below the drawing
and use smaller (never below 7 pt) type; slides put it to the right.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import ParameterError

__all__ = ["SIZES", "NetworkStyle", "figure_size", "network_style", "size_mode"]

SIZES: dict[str, tuple[float, float | None]] = {
    "column": (3.5, None),
    "page": (6.5, None),
    "slide": (13.3, 7.5),
}
"""Named sizes: width and height in inches (None: the height follows the drawing)."""

MIN_FONT = 7.0
"""No text of a diagram is smaller than this (points, at print size)."""


def figure_size(size: str | None, width: float | None, height: float | None) -> tuple[float | None, float | None]:
    """The width and height asked for: a named size, overridden by an explicit width or height.

    Examples
    --------
    >>> figure_size("page", None, None), figure_size("slide", 10.0, None), figure_size(None, None, 4.0)
    ((6.5, None), (10.0, 7.5), (None, 4.0))
    >>> figure_size("poster", None, None)
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterError: unknown size 'poster' (one of column, page, slide)
    """
    if size is None:
        return width, height
    if size not in SIZES:
        raise ParameterError(f"unknown size {size!r} (one of {', '.join(SIZES)})")
    w, h = SIZES[size]
    return (width if width is not None else w), (height if height is not None else h)


def size_mode(width: float) -> str:
    """Which named size a width behaves as: ``column`` below 4.75 in, ``slide`` from 10 in.

    Examples
    --------
    >>> size_mode(3.5), size_mode(6.5), size_mode(8.0), size_mode(13.3)
    ('column', 'page', 'page', 'slide')
    """
    if width < 4.75:
        return "column"
    if width < 10.0:
        return "page"
    return "slide"


@dataclass(frozen=True)
class NetworkStyle:
    """Type and marker sizes of the network diagram at one size."""

    mode: str
    label_size: float
    legend_size: float
    title_size: float
    marker_area: tuple[float, float]  # points^2, least and most central actor
    line_scale: float
    band_width: float  # points
    short_labels: bool


def network_style(width: float, n_actors: int) -> NetworkStyle:
    """The network diagram's sizes for a figure (or axes) ``width`` inches wide with ``n_actors``.

    Examples
    --------
    >>> s = network_style(6.5, 40)
    >>> s.mode, s.label_size >= 7, s.short_labels
    ('page', True, False)
    >>> network_style(3.5, 8).short_labels
    True
    """
    mode = size_mode(width)
    crowd = 0 if n_actors <= 12 else 1 if n_actors <= 25 else 2
    if mode == "slide":
        label = (10.0, 9.0, 8.0)[crowd]
        area = ((140.0, 420.0), (110.0, 320.0), (80.0, 220.0))[crowd]
        return NetworkStyle(mode, label, 8.5, 14.0, area, 1.0, 7.0, False)
    if mode == "page":
        label = (8.0, 7.5, 7.0)[crowd]
        area = ((90.0, 300.0), (60.0, 200.0), (40.0, 130.0))[crowd]
        return NetworkStyle(mode, label, 7.5, 11.0, area, (0.95, 0.85, 0.75)[crowd], 6.0, False)
    area = ((50.0, 160.0), (35.0, 110.0), (25.0, 80.0))[crowd]
    return NetworkStyle(mode, MIN_FONT, MIN_FONT, 9.0, area, 0.65, 4.5, True)
