"""What a diagram can be asked for: the pixels of a raster and the actors of each kind.

Both limits are checked before the work they protect: a raster canvas is never
allocated above :data:`MAX_PIXELS` (a 60 x 60 inch figure at 1200 dpi would need 20 GB),
and a diagram refuses a scenario with more actors than it can draw (:data:`MAX_ACTORS`,
:func:`actor_limit_view`), naming the limit and what to use instead, before any layout,
factions or risk are computed.
"""

from __future__ import annotations

from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg

from ..errors import ParameterError

__all__ = [
    "DETAIL_MAX_ACTORS",
    "MAX_ACTORS",
    "MAX_PIXELS",
    "MAX_SIDE_PIXELS",
    "BoundedCanvasAgg",
    "actor_limit_view",
    "check_pixels",
]

MAX_PIXELS = 100_000_000
"""Most pixels a raster (PNG, or the canvas text is measured on) may have: 100 megapixels, 400 MB."""

MAX_SIDE_PIXELS = 65_535
"""Most pixels a side of a raster may have (the Agg renderer's own limit is below 2**16)."""

DETAIL_MAX_ACTORS = 60
"""Most actors the network diagram draws one by one and keeps readable."""

MAX_ACTORS = 300
"""Most actors of a scenario any diagram of it draws (the ``model`` kind draws none: no limit).

Above it layout, label placement and the pair grids outgrow time and memory: 300 actors
already take minutes and over a gigabyte for the matrix and the risk heatmap (90,000
cells), and 3,000 needed terabytes for label placement and overflowed the raster.
"""


def check_pixels(width_px: float, height_px: float, *, dpi: float | None = None) -> None:
    """Refuse a raster larger than :data:`MAX_PIXELS` or :data:`MAX_SIDE_PIXELS` a side.

    Parameters
    ----------
    width_px, height_px : float
        The raster's size in pixels.
    dpi : float, optional
        Its resolution, to name in the message (with the size in inches).

    Raises
    ------
    ParameterError
        Naming the size, the limit, and what to lower.

    Examples
    --------
    >>> check_pixels(1650, 1155)
    >>> check_pixels(72_000, 72_000, dpi=1200)
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterError: a 60 x 60 in figure at 1200 dpi is 72,000 x 72,000 pixels (5,184 megapixels): more than the limit of 100 megapixels and 65,535 pixels a side; lower the dpi or the size, or write .svg or .pdf
    """
    w, h = round(width_px), round(height_px)
    if w * h <= MAX_PIXELS and max(w, h) <= MAX_SIDE_PIXELS:
        return
    size = "a figure"
    if dpi:
        size = f"a {width_px / dpi:.3g} x {height_px / dpi:.3g} in figure at {dpi:g} dpi"
    raise ParameterError(
        f"{size} is {w:,} x {h:,} pixels ({w * h / 1e6:,.0f} megapixels): more than the limit of "
        f"{MAX_PIXELS // 1_000_000:,} megapixels and {MAX_SIDE_PIXELS:,} pixels a side; lower the dpi or the size, "
        "or write .svg or .pdf"
    )


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


def actor_limit_view(kind: str, n_actors: int) -> str:
    """How a diagram kind draws a scenario of ``n_actors``: ``"actors"`` one by one, or refused.

    Every kind that draws a scenario's actors refuses above :data:`MAX_ACTORS`. The
    network diagram draws each actor up to :data:`DETAIL_MAX_ACTORS`; above that it is
    hard to read and slow, yet drawn (``"crowded"``: say so). A camp-level view, one
    node per faction, is the planned answer there: this function is where it will be
    chosen, as another view name.

    Parameters
    ----------
    kind : str
        A diagram kind (``network``, ``matrix``, ``risk``, ``tornado``, ``model``).
    n_actors : int
        The scenario's actors.

    Returns
    -------
    str
        ``"actors"``: every actor is drawn; ``"crowded"``: every actor is drawn, more
        than :data:`DETAIL_MAX_ACTORS` of them in a network diagram.

    Raises
    ------
    ParameterError
        Above :data:`MAX_ACTORS`, naming the limit and what to use instead.

    Examples
    --------
    >>> actor_limit_view("network", 40), actor_limit_view("network", 100), actor_limit_view("model", 10_000)
    ('actors', 'crowded', 'actors')
    >>> actor_limit_view("matrix", 3000)
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterError: the matrix diagram draws at most 300 actors and this scenario has 3000: draw a smaller scenario (fewer actors), or get the numbers with alliances risk --json or alliances balance --json
    """
    if kind != "model" and n_actors > MAX_ACTORS:
        raise ParameterError(
            f"the {kind} diagram draws at most {MAX_ACTORS} actors and this scenario has {n_actors}: draw a smaller "
            "scenario (fewer actors), or get the numbers with alliances risk --json or alliances balance --json"
        )
    if kind == "network" and n_actors > DETAIL_MAX_ACTORS:
        return "crowded"
    return "actors"
