"""What a diagram can be asked for: the file formats, the pixels of a raster and the actors of each kind.

Both limits are checked before the work they protect: a raster canvas is never
allocated above :data:`MAX_PIXELS` (a 60 x 60 inch figure at 1200 dpi would need 20 GB),
and a diagram refuses a scenario with more actors than it can draw (:data:`MAX_ACTORS`,
:func:`actor_limit_view`), naming the limit and what to use instead, before any layout,
factions or risk are computed.
"""

from __future__ import annotations

from ..errors import ParameterError

__all__ = [
    "DETAIL_MAX_ACTORS",
    "FORMATS",
    "HTML_FORMATS",
    "MAX_ACTORS",
    "MAX_PIXELS",
    "MAX_SIDE_PIXELS",
    "actor_limit_view",
    "check_pixels",
]

# No matplotlib here: the command line checks a request against these before loading it.

FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
"""The extensions of a drawn diagram's file and the matplotlib format each one selects."""

HTML_FORMATS = {".html": "html", ".htm": "html"}
"""The extensions of the interactive view's file."""

MAX_PIXELS = 100_000_000
"""Most pixels a raster (PNG, or the canvas text is measured on) may have: 100 megapixels, 400 MB."""

MAX_SIDE_PIXELS = 65_535
"""Most pixels a side of a raster may have (the Agg renderer's own limit is below 2**16)."""

DETAIL_MAX_ACTORS = 60
"""Most actors the network diagram draws one by one; above it, one node per camp (:func:`actor_limit_view`)."""

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


def actor_limit_view(kind: str, n_actors: int) -> str:
    """How a diagram kind draws a scenario of ``n_actors``: ``"actors"`` one by one, ``"camps"``, or refused.

    Every kind that draws a scenario's actors refuses above :data:`MAX_ACTORS`. The
    network diagram draws each actor up to :data:`DETAIL_MAX_ACTORS`; above that it draws
    the camp-level view (``"camps"``: one node per camp, with the counts of positive and
    negative ties between camps), and says so.

    Parameters
    ----------
    kind : str
        A diagram kind (``network``, ``matrix``, ``risk``, ``tornado``, ``model``).
    n_actors : int
        The scenario's actors.

    Returns
    -------
    str
        ``"actors"``: every actor is drawn; ``"camps"``: a network diagram of more than
        :data:`DETAIL_MAX_ACTORS` actors, drawn one node per camp.

    Raises
    ------
    ParameterError
        Above :data:`MAX_ACTORS`, naming the limit and what to use instead.

    Examples
    --------
    >>> actor_limit_view("network", 40), actor_limit_view("network", 100), actor_limit_view("model", 10_000)
    ('actors', 'camps', 'actors')
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
        return "camps"
    return "actors"
