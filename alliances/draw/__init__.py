"""Diagrams: the alliance network, the stance matrix, the risk heatmap, the risk tornado, the risk model.

Every function returns a matplotlib :class:`~matplotlib.figure.Figure` (shown inline in
Jupyter) and takes precomputed analysis results where it uses them; it only computes an
analysis it was not handed. :func:`save_figure` writes .png, .svg or .pdf atomically and
reproducibly. This package imports matplotlib: ``import alliances`` does not load it.
"""

from __future__ import annotations

from typing import Any

from ..errors import ParameterError
from ._matrix import draw_matrix
from ._model import draw_model
from ._network import draw_network
from ._output import save_figure
from ._riskmap import draw_risk
from ._tornado import draw_tornado

__all__ = ["KINDS", "draw_figure", "draw_matrix", "draw_model", "draw_network", "draw_risk", "draw_tornado",
           "save_figure"]

KINDS = ("network", "matrix", "risk", "tornado", "model")
"""The diagram kinds :func:`draw_figure` (and ``alliances draw --kind``) knows."""


def draw_figure(
    net: Any,
    kind: str = "network",
    *,
    pair: tuple[str, str] | None = None,
    top: int = 0,
    width: float | None = None,
    height: float | None = None,
    dpi: float = 150,
):
    """One diagram of a scenario by name: what ``alliances draw --kind KIND`` draws.

    Parameters
    ----------
    net : AllianceNetwork
    kind : {"network", "matrix", "risk", "tornado", "model"}
    pair : (str, str), optional
        The pair of a tornado (required for ``kind="tornado"``).
    top : int
        Network only: highlight the ``top`` riskiest pairs not already at war.
    width, height : float, optional
        Figure size in inches.
    dpi : float

    Returns
    -------
    matplotlib.figure.Figure
    """
    size = {"width": width, "height": height, "dpi": dpi}
    if kind == "network":
        return draw_network(net, top=top, **size)
    if kind == "matrix":
        return draw_matrix(net, **size)
    if kind == "risk":
        return draw_risk(net, **size)
    if kind == "tornado":
        if pair is None:
            raise ParameterError("a tornado needs a pair of actors")
        a, b = pair
        net.actor(a)
        net.actor(b)
        return draw_tornado((net, a, b), **size)
    if kind == "model":
        return draw_model(None, **size)
    raise ParameterError(f"unknown diagram kind {kind!r} (one of {', '.join(KINDS)})")
