"""The arguments that carry the scenario: a network, or a network or signed graph.

Analyses take an :class:`~alliances.AllianceNetwork` or a signed networkx graph; the
risk, event and file functions take a network. These checks run first in each public
function, so ``conflict_risk(None)`` or a graph whose signs are text or NaN ends in a
:class:`~alliances.errors.ParameterTypeError` / :class:`~alliances.errors.ParameterError`
that names the argument (and the tie), not in an error from deep inside. A network
needs no edge check: it checked itself when it was made. The checks of plain values
(numbers, text, choices, dates, paths) are in :mod:`alliances._checks`.
"""

from __future__ import annotations

import math
import numbers
from typing import TYPE_CHECKING, Any

from ._checks import shown
from ._network import AllianceNetwork
from .errors import ParameterError, ParameterTypeError

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["check_graph", "check_network"]


def _is_graph(value: Any) -> bool:
    import networkx as nx

    return isinstance(value, nx.Graph)


def check_network(net: Any, name: str = "net") -> AllianceNetwork:
    """``net`` if it is an :class:`~alliances.AllianceNetwork`; else a ParameterTypeError.

    Parameters
    ----------
    net : object
        The argument.
    name : str, optional
        Its name in the message.

    Returns
    -------
    AllianceNetwork

    Examples
    --------
    >>> import alliances, networkx as nx
    >>> check_network(alliances.load("seeds/syria_2017.yaml")).scenario
    'Syria, Deir al-Zor offensive'
    >>> check_network(nx.Graph())
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterTypeError: net must be an AllianceNetwork, not a Graph (AllianceNetwork.from_networkx converts a signed graph)
    """
    if isinstance(net, AllianceNetwork):
        return net
    hint = " (AllianceNetwork.from_networkx converts a signed graph)" if _is_graph(net) else " (alliances.load reads one)"
    raise ParameterTypeError(f"{name} must be an AllianceNetwork, not {shown(net)}{hint}")


def check_graph(G: Any, name: str = "G") -> AllianceNetwork | nx.Graph:
    """``G`` if it is a network or a signed networkx graph whose signs and weights are numbers.

    A graph's edge attributes ``sign`` and ``weight``, where present, must be finite
    real numbers (what :func:`alliances._signed.as_signed_graph` reads); a multigraph is
    refused (it may hold two ties for one pair).

    Parameters
    ----------
    G : object
        The argument.
    name : str, optional
        Its name in the message.

    Returns
    -------
    AllianceNetwork or networkx.Graph
        ``G`` itself.

    Raises
    ------
    ParameterTypeError
        For anything else, a multigraph, or a sign or weight that is not a number.
    ParameterError
        For a NaN or infinite sign or weight.

    Examples
    --------
    >>> import networkx as nx
    >>> check_graph(nx.Graph([("a", "b", {"sign": float("nan")})]))
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterError: G: the tie 'a' - 'b' has sign nan: a sign must be a finite number
    >>> check_graph(None)
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterTypeError: G must be an AllianceNetwork or a networkx graph, not None
    """
    if isinstance(G, AllianceNetwork):
        return G
    if not _is_graph(G):
        raise ParameterTypeError(f"{name} must be an AllianceNetwork or a networkx graph, not {shown(G)}")
    if G.is_multigraph():
        raise ParameterTypeError(f"{name} is a networkx multigraph: give one tie per pair (nx.Graph({name}))")
    for u, v, data in G.edges(data=True):
        for key in ("sign", "weight"):
            value = data.get(key)
            if value is None:
                continue
            if not isinstance(value, numbers.Real):
                raise ParameterTypeError(
                    f"{name}: the tie {shown(u)} - {shown(v)} has {key} {shown(value)}: a {key} must be a number")
            try:
                finite = math.isfinite(float(value))
            except OverflowError:
                finite = False
            if not finite:
                raise ParameterError(
                    f"{name}: the tie {shown(u)} - {shown(v)} has {key} {shown(value)}: a {key} must be a finite number")
    return G
