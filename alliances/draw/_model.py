"""The risk model's structure: the Bayesian network's nodes (with their states) and arrows.

Nodes are drawn left to right by depth (observed factors of a pair, then the hidden
variables, then the outcome ``clash``), ordered within a column to keep arrows short
(barycentre ordering, Sugiyama, Tagawa & Toda 1981). Boxes are styled by role: observed
factors solid, hidden variables dashed, the outcome thick.

References
----------
Sugiyama, K., Tagawa, S. & Toda, M. (1981) Methods for visual understanding of hierarchical
system structures. IEEE Transactions on Systems, Man, and Cybernetics 11(2).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import matplotlib
from matplotlib.patches import FancyBboxPatch, Patch

from .._checks import check_bool, shown
from ..errors import ParameterError, ParameterTypeError
from ._chrome import axes_title, figure_of
from ._inputs import risk_model
from ._style import INK, MUTED, RC, RISK_COLOUR, check_figure_args, new_figure, text_width_in

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.typing import LineStyleType

__all__ = ["draw_model", "model_layers"]


@dataclass(frozen=True)
class _Role:
    """How a node of one role is boxed, and what the legend calls it."""

    facecolor: str
    edgecolor: str
    linestyle: LineStyleType
    linewidth: float
    label: str

    def patch(self) -> dict[str, Any]:
        return {"facecolor": self.facecolor, "edgecolor": self.edgecolor, "linestyle": self.linestyle,
                "linewidth": self.linewidth}


_ROLE = {
    "factor": _Role("#DCEBF7", "#0072B2", "solid", 1.2, "observed factor of a pair"),
    "latent": _Role("#F2F2F2", "#666666", (0, (4, 2)), 1.2, "hidden variable"),
    "outcome": _Role("#FBE3BF", RISK_COLOUR, "solid", 2.4, "outcome: P(clash)"),
}


def model_layers(nodes: list[str], edges: list[tuple[str, str]]) -> list[list[str]]:
    """Nodes in columns by depth (longest path from a root), ordered to keep arrows short.

    Examples
    --------
    >>> model_layers(["a", "b", "c", "d"], [("a", "c"), ("b", "c"), ("c", "d")])
    [['a', 'b'], ['c'], ['d']]
    """
    parents: dict[str, list[str]] = {v: [] for v in nodes}
    children: dict[str, list[str]] = {v: [] for v in nodes}
    for p, c in edges:
        parents[c].append(p)
        children[p].append(c)
    depth: dict[str, int] = {}

    def d(v: str, seen: tuple = ()) -> int:
        if v not in depth:
            if v in seen:
                raise ParameterError(f"the risk model has a cycle through {v!r}")
            depth[v] = 1 + max((d(p, (*seen, v)) for p in parents[v]), default=-1)
        return depth[v]

    for v in nodes:
        d(v)
    # then every node with children moves as far right as they allow ("as late as possible"),
    # so arrows span one column wherever they can
    for v in sorted(nodes, key=lambda u: -depth[u]):
        if children[v]:
            depth[v] = min(depth[c] for c in children[v]) - 1
    shift = min(depth.values(), default=0)
    layers: list[list[str]] = [[] for _ in range(max(depth.values(), default=-1) - shift + 1)]
    for v in nodes:
        layers[depth[v] - shift].append(v)
    # barycentre ordering: a sweep right-to-left, then left-to-right (file order breaks ties)
    rank = {v: i for i, v in enumerate(nodes)}
    for sweep in (range(len(layers) - 2, -1, -1), range(1, len(layers))):
        for k in sweep:
            pos = {v: i for layer in layers for i, v in enumerate(layer)}
            near = children if sweep.step < 0 else parents

            def key(v: str, near=near, pos=pos) -> tuple[float, int]:
                ns = [pos[u] for u in near[v] if u in pos]
                return (sum(ns) / len(ns) if ns else pos[v], rank[v])

            layers[k] = sorted(layers[k], key=key)
    return layers


def draw_model(
    model: Any = None,
    *,
    ax: Axes | None = None,
    width: float | None = None,
    height: float | None = None,
    dpi: float = 150,
    title: str | Literal[False] | None = None,
    states: bool = True,
) -> Figure:
    """Draw the risk model's Bayesian network: nodes with their states, arrows parent -> child.

    Parameters
    ----------
    model : RiskModel, path, or None
        From :func:`alliances.risk.load_risk_model`; None loads the shipped default.
    ax : matplotlib Axes, optional
    width, height : float, optional
    dpi : float
    title : str or False, optional
        Default: the model's name; False: no title.
    states : bool
        List each node's states in its box.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> m = NS(name="Toy", nodes={"x": NS(id="x", states=("no", "yes"), parents=(), kind="factor"),
    ...                           "clash": NS(id="clash", states=("no", "yes"), parents=("x",), kind="outcome")})
    >>> fig = draw_model(m)
    >>> sorted(t.get_text() for t in fig.axes[0].texts if t.get_text() in ("x", "clash"))
    ['clash', 'x']

    References
    ----------
    .. [1] Sugiyama, Tagawa & Toda (1981) Methods for visual understanding of hierarchical system
       structures. IEEE Transactions on Systems, Man, and Cybernetics 11(2).
    """
    check_figure_args(ax=ax, width=width, height=height, dpi=dpi, title=title)
    check_bool(states, "states")
    model = _model(model)
    node_objs = dict(model.nodes)
    names = list(node_objs)
    edges = [(p, v) for v, node in node_objs.items() for p in node.parents]
    layers = model_layers(names, edges)
    with matplotlib.rc_context(RC):
        cols = len(layers)
        rows = max((len(layer) for layer in layers), default=1)
        own = ax is None
        fig: Figure
        if ax is None:
            fig = new_figure(width or max(6.0, 2.3 * cols + 0.6), height or max(3.0, 1.05 * rows + 1.2), dpi=dpi)
            ax = fig.add_axes((0.01, 0.12, 0.98, 0.78))
        else:
            fig = figure_of(ax)
        ax.set_axis_off()
        ax.set_xlim(-0.6, cols - 0.4)
        ax.set_ylim(-rows / 2 - 0.05, rows / 2 + 0.05)
        box_w, box_h = 0.8, 0.84 if states else 0.4
        # the box's size in inches at this figure size, for the fonts that fit it
        box_in = box_w * ax.get_position().width * fig.get_size_inches()[0] / (cols + 0.2)
        box_h_in = box_h * ax.get_position().height * fig.get_size_inches()[1] / (rows + 0.1)
        fonts = _fonts(names, {v: node_objs[v].states for v in names}, box_in, box_h_in)
        boxes, used_roles = _draw_boxes(ax, layers, node_objs, (box_w, box_h), fonts, states=states)
        for p, c in edges:
            # from centre to centre, clipped at the two boxes' edges by patchA / patchB
            ax.annotate("", xy=_centre(boxes[c]), xytext=_centre(boxes[p]),
                        arrowprops={"arrowstyle": "-|>,head_length=0.5,head_width=0.25", "color": INK,
                                    "linewidth": 1.0, "patchA": boxes[p], "patchB": boxes[c],
                                    "shrinkA": 1, "shrinkB": 1})
        if title is not False:
            axes_title(fig, ax, title or f"Risk model: {getattr(model, 'name', 'Bayesian network')}", own=own)
        handles = [Patch(**_ROLE[r].patch()) for r in used_roles]
        labels = [_ROLE[r].label for r in used_roles]
        if own:
            fig.legend(handles, labels, loc="lower center", ncols=len(handles), frameon=False, fontsize=8,
                       bbox_to_anchor=(0.5, 0.0))
        else:
            ax.legend(handles, labels, loc="upper center", ncols=len(handles), frameon=False, fontsize=7,
                      bbox_to_anchor=(0.5, 0.0))
    return fig


def _fonts(names: list[str], states: dict[str, Sequence[Any]], box_in: float,
           box_h_in: float) -> tuple[float, float, dict[str, list[str]]]:
    """Font sizes that fit the boxes: the longest name on one line, the states on at most four lines.

    Returns the name size, the state size and each node's state lines.
    """
    longest = max(names, key=len)
    name_size = 9.0
    while name_size > 5.0 and text_width_in(longest.replace("_", " "), name_size, bold=True) > box_in - 0.14:
        name_size -= 0.5
    state_size = min(6.5, name_size - 1.0)
    state_lines = {v: _wrap_states(states[v], state_size, box_in - 0.1) for v in names}
    while state_size > 4.5 and (max(len(x) for x in state_lines.values()) + 1.6) * state_size * 1.25 / 72 > box_h_in:
        state_size -= 0.5
        state_lines = {v: _wrap_states(states[v], state_size, box_in - 0.1) for v in names}
    return name_size, state_size, state_lines


def _draw_boxes(ax: Axes, layers: list[list[str]], node_objs: dict[str, Any], size: tuple[float, float],
                fonts: tuple[float, float, dict[str, list[str]]], *,
                states: bool) -> tuple[dict[str, FancyBboxPatch], list[str]]:
    """One box per node, column by column, styled by its role; returns the boxes and the roles drawn."""
    box_w, box_h = size
    name_size, state_size, state_lines = fonts
    boxes: dict[str, FancyBboxPatch] = {}
    used_roles: list[str] = []
    for x, layer in enumerate(layers):
        for i, v in enumerate(layer):
            y = (len(layer) - 1) / 2 - i
            role = getattr(node_objs[v], "kind", "latent")
            role = role if role in _ROLE else "latent"
            if role not in used_roles:
                used_roles.append(role)
            box = FancyBboxPatch((x - box_w / 2, y - box_h / 2), box_w, box_h,
                                 boxstyle="round,pad=0.0,rounding_size=0.08", zorder=2, **_ROLE[role].patch())
            ax.add_patch(box)
            boxes[v] = box
            title_y = y + (box_h * 0.3 if states else 0.0)
            ax.text(x, title_y, v.replace("_", " "), ha="center", va="center", fontsize=name_size,
                    fontweight="bold", color=INK, zorder=3)
            if states:
                ax.text(x, y - box_h * 0.12, "\n".join(state_lines[v]), ha="center", va="center",
                        fontsize=state_size, color=MUTED, zorder=3, linespacing=1.15)
    return boxes, used_roles


def _wrap_states(states: Sequence[Any], size: float, width_in: float) -> list[str]:
    """The states, spaces for underscores, joined by dots and wrapped to the box width (never cut)."""
    words = [str(s).replace("_", " ") for s in states]
    lines: list[str] = []
    for word in words:
        if lines and text_width_in(lines[-1] + " \u00b7 " + word, size) <= width_in:
            lines[-1] += " \u00b7 " + word
        else:
            lines.append(word)
    return lines


def _centre(box: FancyBboxPatch) -> tuple[float, float]:
    return (box.get_x() + box.get_width() / 2, box.get_y() + box.get_height() / 2)


def _model(model: Any) -> Any:
    if model is None or isinstance(model, (str, bytes)) or hasattr(model, "__fspath__"):
        return risk_model(model)
    nodes = getattr(model, "nodes", None)
    shape = ("id", "states", "parents", "kind")
    if not isinstance(nodes, Mapping) or not nodes or not all(all(hasattr(n, a) for a in shape)
                                                              for n in nodes.values()):
        raise ParameterTypeError(f"model must be a RiskModel (nodes with id, states, parents and kind), a model "
                                 f"file's path or None, not {shown(model)}")
    for node in nodes.values():
        unknown = [p for p in node.parents if p not in nodes]
        if unknown:
            raise ParameterError(f"model: node {node.id!r} has parents that are not nodes: {', '.join(map(str, unknown))}")
    return model
