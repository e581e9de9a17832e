"""The tornado: how one pair's P(clash) moves when each factor of the risk model changes.

One bar per factor, from the lowest to the highest P(clash) its states give (the other
factors held at the pair's own states), the factor with the largest swing on top. The
vertical line is the pair's P(clash) now; each end of a bar names the state that gives
it. The part below the current value is blue and plain, the part above vermillion and
hatched, so it reads in greyscale too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

import matplotlib
import numpy as np
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from ..errors import ParameterTypeError
from ._chrome import figure_of, title_text
from ._inputs import as_network, explain_pair
from ._style import (
    INK,
    MUTED,
    NEGATIVE,
    POSITIVE,
    RC,
    check_figure_args,
    fit_text,
    new_figure,
    plain,
    text_width_in,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from .._network import AllianceNetwork

__all__ = ["draw_tornado", "tornado_bars"]


def tornado_bars(tornado: Any, p_now: float, factors: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """One bar per factor (largest swing first): low/high P(clash) and the states giving them.

    Parameters
    ----------
    tornado : DataFrame
        Columns ``factor``, ``state``, ``p_clash`` (each other state of each factor).
    p_now : float
        The pair's P(clash) at its own states.
    factors : dict, optional
        Factor -> the pair's own state (shown as "now").

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"factor": ["f", "f", "g"], "state": ["x", "y", "z"], "p_clash": [0.1, 0.5, 0.25]})
    >>> [(b["factor"], b["low"], b["high"]) for b in tornado_bars(t, 0.2)]
    [('f', 0.1, 0.5), ('g', 0.2, 0.25)]
    """
    factors = factors or {}
    bars: list[dict[str, Any]] = []
    for factor in dict.fromkeys(tornado["factor"]):
        rows = tornado[tornado["factor"] == factor]
        options = [(float(p), str(s)) for s, p in zip(rows["state"], rows["p_clash"], strict=True)]
        options.append((float(p_now), f"{factors.get(factor, 'now')} (now)"))
        lo, hi = min(options), max(options, key=lambda o: (o[0], o[1] == options[-1][1]))
        bars.append({"factor": str(factor), "low": lo[0], "low_state": lo[1], "high": hi[0],
                     "high_state": hi[1], "swing": hi[0] - lo[0]})
    bars.sort(key=lambda b: (-float(b["swing"]), str(b["factor"])))
    return bars


def draw_tornado(
    explanation: Any,
    *,
    net: Any = None,
    ax: Axes | None = None,
    width: float | None = None,
    height: float | None = None,
    dpi: float = 150,
    title: str | Literal[False] | None = None,
) -> Figure:
    """Draw the tornado of one pair's risk: the factor that moves P(clash) most on top.

    Parameters
    ----------
    explanation : RiskExplanation or tuple (net, a, b)
        From :func:`alliances.risk.explain_risk`; a tuple ``(net, a, b)`` computes it.
    net : AllianceNetwork, optional
        For actor labels and the title when handing an explanation.
    ax : matplotlib Axes, optional
    width, height : float, optional
    dpi : float
    title : str or False, optional
        The line under the heading (default: the scenario's name and date when known); False: none.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import pandas as pd
    >>> from types import SimpleNamespace
    >>> e = SimpleNamespace(a="x", b="y", p_clash=0.2, factors={"stance": "rival"},
    ...                     tornado=pd.DataFrame({"factor": ["stance"], "state": ["enemy"], "p_clash": [0.4]}))
    >>> fig = draw_tornado(e)
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['stance']

    References
    ----------
    .. [1] Howard (1988) Decision analysis: practice and promise. Management Science 34(6)
       (the tornado diagram of one-way sensitivity).
    """
    check_figure_args(ax=ax, width=width, height=height, dpi=dpi, title=title)
    explanation, net = _explanation(explanation, net)
    bars = tornado_bars(explanation.tornado, float(explanation.p_clash), dict(explanation.factors or {}))
    p_now = float(explanation.p_clash)
    with matplotlib.rc_context(RC):
        k = len(bars)
        factor_names = [b["factor"].replace("_", " ") for b in bars]
        low_texts = [f"{b['low_state'].replace('_', ' ')} {b['low']:.2f}" if b["low"] < p_now - 1e-12 else ""
                     for b in bars]
        high_texts = [f"{b['high_state'].replace('_', ' ')} {b['high']:.2f}" if b["high"] > p_now + 1e-12 else ""
                      for b in bars]
        own = ax is None
        fig: Figure
        if ax is None:
            w, h = width or 7.0, height or max(2.6, 1.3 + 0.48 * k)
            fig = new_figure(w, h, dpi=dpi)
            left_in = max([text_width_in(t, 9) for t in factor_names] + [0.5]) + 0.25
            bottom, top = 0.8 / h, 1 - 0.62 / h  # x axis and legend below, title above (inches)
            ax = fig.add_axes((left_in / w, bottom, 1 - (left_in + 0.15) / w, top - bottom))
        else:
            fig = figure_of(ax)
        ys = np.arange(k)[::-1]  # largest swing on top
        _draw_bars(ax, ys, bars, p_now, low_texts, high_texts)
        ax.set_yticks(ys, factor_names, fontsize=9)
        _value_axis(fig, ax, bars, p_now, low_texts, high_texts)
        main = f"P(clash) {_names(net, explanation)} now {p_now:.2f}: what moves it"
        heading = (title or (plain(title_text(net)) if net is not None else None)) if title is not False else None
        _titles(fig, ax, main, heading, own=own)
        handles = [Patch(facecolor=POSITIVE, edgecolor=POSITIVE), Patch(facecolor="#F4B183", edgecolor=NEGATIVE,
                                                                         hatch="///")]
        labels = ["lowers the risk", "raises the risk"]
        if own:
            fig.legend(handles, labels, loc="lower right", ncols=2, frameon=False, fontsize=8,
                       bbox_to_anchor=(0.99, 0.0))
        else:
            ax.legend(handles, labels, loc="lower right", frameon=False, fontsize=7)
    return fig


def _draw_bars(ax: Axes, ys: np.ndarray, bars: list[dict[str, Any]], p_now: float, low_texts: list[str],
               high_texts: list[str]) -> None:
    """Each bar in two parts either side of the current value, each end named; the current value as a line."""
    for y, bar, low, high in zip(ys, bars, low_texts, high_texts, strict=True):
        if bar["low"] < p_now:
            ax.barh(y, p_now - bar["low"], left=bar["low"], height=0.6, color=POSITIVE, edgecolor=POSITIVE)
        if bar["high"] > p_now:
            ax.barh(y, bar["high"] - p_now, left=p_now, height=0.6, color="#F4B183", edgecolor=NEGATIVE,
                    hatch="///", linewidth=0.8)
        if low:
            ax.annotate(low, (bar["low"], y), xytext=(-3, 0), textcoords="offset points", ha="right",
                        va="center", fontsize=8, color=INK)
        if high:
            ax.annotate(high, (bar["high"], y), xytext=(3, 0), textcoords="offset points", ha="left",
                        va="center", fontsize=8, color=INK)
    ax.axvline(p_now, color=INK, linewidth=1.2, zorder=3)


def _value_axis(fig: Figure, ax: Axes, bars: list[dict[str, Any]], p_now: float, low_texts: list[str],
                high_texts: list[str]) -> None:
    """The P(clash) axis: room for the state names at both ends (measured), the bars in between."""
    k = len(bars)
    lo = min([b["low"] for b in bars] + [p_now])
    hi = max([b["high"] for b in bars] + [p_now])
    ax_w = ax.get_position().width * fig.get_size_inches()[0]
    need_l = max([text_width_in(t, 8) for t in low_texts] + [0.0]) + 0.12
    need_r = max([text_width_in(t, 8) for t in high_texts] + [0.0]) + 0.12
    per_in = max(hi - lo, 0.02) / max(ax_w - need_l - need_r, 0.25 * ax_w)
    x0, x1 = lo - need_l * per_in, hi + need_r * per_in
    ax.set_xlim(x0, x1)
    ticks = MaxNLocator(nbins=max(3, int(ax_w / 0.55))).tick_values(max(0.0, x0), min(1.0, x1))
    ax.set_xticks([t for t in ticks if x0 <= t <= x1 and -1e-9 <= t <= 1 + 1e-9])
    ax.spines["bottom"].set_bounds(max(0.0, x0), min(1.0, x1))
    ax.set_ylim(-0.6, k - 0.4)
    ax.set_xlabel("P(direct clash)", fontsize=9, color=INK)
    ax.tick_params(axis="y", length=0, colors=INK)
    ax.tick_params(axis="x", labelsize=8, colors=INK)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)


def _titles(fig: Figure, ax: Axes, main: str, heading: str | None, *, own: bool) -> None:
    """The question the figure answers at the top left, the scenario's name below it in small print."""
    if own:
        text, size = fit_text(main, fig.get_size_inches()[0] - 0.2, size=11.0, min_size=8.5)
        fig.text(0.01, 0.985, text, fontsize=size, color=INK, ha="left", va="top")
        if heading:
            fig.text(0.01, 0.985 - (size * 1.35 * (text.count("\n") + 1)) / 72 / fig.get_size_inches()[1],
                     heading, fontsize=8, color=MUTED, ha="left", va="top")
    else:
        text, size = fit_text(main, ax.get_position().width * fig.get_size_inches()[0], size=10.0, min_size=7.0)
        ax.set_title(text, fontsize=size, color=INK, loc="left")


def _explanation(obj: Any, net: Any) -> tuple[Any, AllianceNetwork | None]:
    if isinstance(obj, tuple):
        if len(obj) != 3:
            raise ParameterTypeError("draw_tornado takes a RiskExplanation or a tuple (net, a, b)")
        net, a, b = obj
        net = as_network(net)
        return explain_pair(net, a, b), net
    if not hasattr(obj, "tornado"):
        raise ParameterTypeError(f"draw_tornado takes a RiskExplanation or a tuple (net, a, b), not {type(obj).__name__}")
    return obj, (as_network(net) if net is not None else None)


def _names(net: AllianceNetwork | None, e: Any) -> str:
    if net is None:
        shown = getattr(e, "names", None) or {}
        return plain(f"{shown.get(e.a, e.a)} \u2013 {shown.get(e.b, e.b)}")
    return plain(f"{net.actor(e.a).display} \u2013 {net.actor(e.b).display}")
