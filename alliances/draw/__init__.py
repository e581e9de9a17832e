"""Diagrams: the alliance network, the stance matrix, the risk heatmap, the risk tornado, the risk model,
relations over time and the backtest.

Every function returns a matplotlib :class:`~matplotlib.figure.Figure` (shown inline in
Jupyter) and takes precomputed analysis results where it uses them; it only computes an
analysis it was not handed. :func:`save_figure` writes .png, .svg or .pdf atomically and
reproducibly. ``import alliances`` does not load matplotlib, and this package imports each
of its modules on the first use of one of its names: drawing a network loads neither the
backtest's, the matrix's nor the interactive view's modules.

The modules, each importing only those before it: ``_limits`` (the file formats, the most
pixels and actors a diagram may have; it loads no matplotlib), ``_style`` (colours, line styles, markers, text measuring), ``_inputs`` (analysis results handed in or computed),
``_chrome`` (titles, source line, legend entries, label hit-tests), ``_grid`` (the pair
grid of the matrix and the heatmap), ``_layout`` (the signed layout), then one module per
diagram, and ``_output`` (saving).

The interactive view is not a matplotlib figure: ``_viewdata`` gathers what it shows (the
same layout, styles and legend as the network diagram, per snapshot for a timeline) and
``_html`` writes it as one self-contained page drawn by the vendored Cytoscape.js
(``web/``: the library with its licence, the view's script and style sheet), or shows it
inline in Jupyter (:func:`view`). The page is drawn without matplotlib, but ``_viewdata`` takes
the diagram's colours from ``_style``, which imports it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .._checks import check_choice, check_instance
from ..errors import ParameterError

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ._backtest import MODEL_STYLES, draw_backtest, top_pairs
    from ._chrome import legend_labels, source_line, title_text
    from ._html import (
        CYTOSCAPE_VERSION,
        InteractiveView,
        check_html_path,
        page_html,
        to_html,
        view,
    )
    from ._layout import signed_distances, signed_layout
    from ._limits import (
        DETAIL_MAX_ACTORS,
        FORMATS,
        HTML_FORMATS,
        MAX_ACTORS,
        MAX_PIXELS,
        MAX_SIDE_PIXELS,
        actor_limit_view,
        check_pixels,
    )
    from ._matrix import actor_order, draw_matrix, matrix_cells
    from ._model import draw_model, model_layers
    from ._network import draw_network
    from ._output import check_output_path, save_figure
    from ._riskmap import draw_risk, risk_matrix
    from ._sizes import SIZES, figure_size
    from ._timeline import draw_timeline, timeline_layout, timeline_scores
    from ._tornado import draw_tornado, tornado_bars
    from ._viewdata import LAYERS, view_data

# public name -> the module defining it, imported on first use: a command loads only the
# diagram it draws (``alliances draw`` a network needs neither the backtest's nor the
# interactive view's modules), and nothing here is imported before a name is asked for
_LAZY: dict[str, str] = {
    "MODEL_STYLES": "_backtest",
    "draw_backtest": "_backtest",
    "top_pairs": "_backtest",
    "legend_labels": "_chrome",
    "source_line": "_chrome",
    "title_text": "_chrome",
    "CYTOSCAPE_VERSION": "_html",
    "HTML_FORMATS": "_limits",
    "InteractiveView": "_html",
    "check_html_path": "_html",
    "page_html": "_html",
    "to_html": "_html",
    "view": "_html",
    "signed_distances": "_layout",
    "signed_layout": "_layout",
    "DETAIL_MAX_ACTORS": "_limits",
    "MAX_ACTORS": "_limits",
    "MAX_PIXELS": "_limits",
    "MAX_SIDE_PIXELS": "_limits",
    "actor_limit_view": "_limits",
    "check_pixels": "_limits",
    "actor_order": "_matrix",
    "draw_matrix": "_matrix",
    "matrix_cells": "_matrix",
    "draw_model": "_model",
    "model_layers": "_model",
    "draw_network": "_network",
    "FORMATS": "_limits",
    "check_output_path": "_output",
    "save_figure": "_output",
    "draw_risk": "_riskmap",
    "risk_matrix": "_riskmap",
    "SIZES": "_sizes",
    "figure_size": "_sizes",
    "draw_timeline": "_timeline",
    "timeline_layout": "_timeline",
    "timeline_scores": "_timeline",
    "draw_tornado": "_tornado",
    "tornado_bars": "_tornado",
    "LAYERS": "_viewdata",
    "view_data": "_viewdata",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "CYTOSCAPE_VERSION",
    "DETAIL_MAX_ACTORS",
    "FORMATS",
    "HTML_FORMATS",
    "InteractiveView",
    "KINDS",
    "LAYERS",
    "MAX_ACTORS",
    "MAX_PIXELS",
    "MAX_SIDE_PIXELS",
    "MODEL_STYLES",
    "SIZES",
    "actor_limit_view",
    "actor_order",
    "check_html_path",
    "check_output_path",
    "check_pixels",
    "draw_backtest",
    "draw_figure",
    "draw_matrix",
    "draw_model",
    "draw_network",
    "draw_risk",
    "draw_timeline",
    "draw_tornado",
    "figure_size",
    "legend_labels",
    "matrix_cells",
    "model_layers",
    "page_html",
    "risk_matrix",
    "save_figure",
    "signed_distances",
    "signed_layout",
    "source_line",
    "timeline_layout",
    "timeline_scores",
    "title_text",
    "to_html",
    "top_pairs",
    "tornado_bars",
    "view",
    "view_data",
]

KINDS = ("network", "matrix", "risk", "tornado", "model")
"""The diagram kinds :func:`draw_figure` (and ``alliances draw --kind``) knows."""


def draw_figure(
    net: Any,
    kind: str = "network",
    *,
    pair: tuple[str, str] | None = None,
    top: int = 0,
    size: str | None = None,
    width: float | None = None,
    height: float | None = None,
    dpi: float = 150,
    factions: Any = None,
) -> Figure:
    """One diagram of a scenario by name: what ``alliances draw --kind KIND`` draws.

    Parameters
    ----------
    net : AllianceNetwork
    kind : {"network", "matrix", "risk", "tornado", "model"}
    pair : (str, str), optional
        The pair of a tornado (required for ``kind="tornado"``).
    top : int
        Network only: highlight the ``top`` riskiest pairs not already at war.
    size : {"column", "page", "slide"}, optional
        A named size (:data:`SIZES`); ``width`` and ``height`` override it.
    width, height : float, optional
        Figure size in inches.
    dpi : float
    factions : FactionsResult, optional
        The factions of the network, matrix and risk diagrams (default: computed with
        :func:`alliances.factions`' defaults); pass your own to bound its time
        (``factions(net, time_limit=5)``).

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ParameterError
        An unknown kind, or more actors than the kind draws (:data:`MAX_ACTORS`), before
        any work; a raster above :data:`MAX_PIXELS`.

    Examples
    --------
    >>> import alliances
    >>> fig = draw_figure(alliances.load("seeds/syria_2017.yaml"), "matrix", dpi=72)
    >>> type(fig.canvas).__name__
    'BoundedCanvasAgg'
    """
    from ._inputs import as_network
    from ._limits import actor_limit_view
    from ._sizes import SIZES, figure_size
    from ._style import check_figure_args

    check_figure_args(width=width, height=height, dpi=dpi)
    check_instance(kind, str, "kind", f"a diagram kind ({', '.join(KINDS)})")
    if size is not None:
        check_choice(size, "size", SIZES)
    if kind not in KINDS:
        raise ParameterError(f"unknown diagram kind {kind!r} (one of {', '.join(KINDS)})")
    if kind != "model":  # the model diagram draws no actor
        actor_limit_view(kind, len(as_network(net).actors))
    if kind == "network":
        from ._network import draw_network

        return draw_network(net, top=top, size=size, width=width, height=height, dpi=dpi, factions=factions)
    width, height = figure_size(size, width, height)
    if kind == "matrix":
        from ._matrix import draw_matrix

        return draw_matrix(net, width=width, height=height, dpi=dpi, factions=factions)
    if kind == "risk":
        from ._riskmap import draw_risk

        return draw_risk(net, width=width, height=height, dpi=dpi, factions=factions)
    if kind == "tornado":
        if pair is None:
            raise ParameterError("a tornado needs a pair of actors")
        from ._tornado import draw_tornado

        a, b = (net.resolve(x) for x in pair)
        return draw_tornado((net, a, b), width=width, height=height, dpi=dpi)
    if kind == "model":
        from ._model import draw_model

        return draw_model(None, width=width, height=height, dpi=dpi)
    raise ParameterError(f"unknown diagram kind {kind!r} (one of {', '.join(KINDS)})")
