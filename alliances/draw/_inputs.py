"""Analysis results as the diagrams need them: handed in by the caller, or computed once here.

Figures never compute an analysis they are handed; these helpers accept the result
objects of the analysis modules (or plain mappings and lists) and only call the analysis
when given ``None``.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

from .._arguments import check_graph
from .._checks import check_int, check_items, check_number, shown
from .._network import AllianceNetwork
from .._signed import signed_edges
from ..analysis import factions as compute_factions
from ..analysis import implied_relations
from ..errors import ParameterError, ParameterTypeError

__all__ = [
    "as_network",
    "camp_index",
    "check_table",
    "explain_pair",
    "implied_table",
    "node_sizes",
    "risk_model",
    "risk_table",
]


def as_network(obj: Any) -> AllianceNetwork:
    """An AllianceNetwork from a network or a signed networkx graph.

    Parameters
    ----------
    obj : AllianceNetwork or networkx.Graph
        A graph's edges carry ``sign`` (and optionally ``weight``); its ``scenario``
        graph attribute names it.

    Returns
    -------
    AllianceNetwork

    Raises
    ------
    ParameterTypeError
        For anything else (and a ParameterError for a graph whose signs are not numbers).
    """
    check_graph(obj, "net")
    if isinstance(obj, AllianceNetwork):
        return obj
    title = obj.graph.get("scenario")
    return AllianceNetwork.from_networkx(obj, scenario=title if isinstance(title, str) and title.strip()
                                         else "Signed graph")


def camp_index(net: AllianceNetwork, factions: Any) -> dict[Hashable, int]:
    """node -> faction index (0 = largest) from a FactionsResult, a mapping, a list of camps,
    ``None`` (compute :func:`alliances.factions`) or ``False`` (no factions).

    Parameters
    ----------
    net : AllianceNetwork
    factions : FactionsResult, mapping, list of camps, None or False
        Actors a FactionsResult calls isolated (no signed tie) are in no camp.

    Returns
    -------
    dict
        Actor -> camp index; actors in no camp are left out.

    Examples
    --------
    >>> import alliances
    >>> net = alliances.AllianceNetwork("T", actors=[alliances.Actor(i, i) for i in "abc"])
    >>> camp_index(net, [["b", "c"], ["a"]]), camp_index(net, {"a": 1, "b": None}), camp_index(net, False)
    ({'b': 0, 'c': 0, 'a': 1}, {'a': 1}, {})
    """
    if factions is False:
        return {}
    if factions is None:
        factions = compute_factions(net)
    if not (hasattr(factions, "camp_of") or isinstance(factions, Mapping | list | tuple)):
        raise ParameterTypeError(f"factions must be a FactionsResult, a mapping of actor to camp, a list of camps, "
                                 f"None or False, not {shown(factions)}")
    if hasattr(factions, "camp_of") and callable(factions.camp_of):
        # actors with no signed tie belong to no camp in a picture (the analysis files them
        # with the largest camp only because they change no criterion)
        isolated = set(getattr(factions, "isolated", ()) or ())
        return {v: int(i) for v, i in factions.camp_of().items() if i is not None and v not in isolated}
    if isinstance(factions, Mapping):
        return {v: check_int(i, f"the camp of {v!r}", low=0) for v, i in factions.items() if i is not None}  # type: ignore[misc]
    camps = check_items(factions, "factions", _camp, item="each camp")
    return {v: i for i, camp in enumerate(camps) for v in camp}


def _camp(value: Any, name: str) -> tuple[Any, ...]:
    return check_items(value, name, lambda v, n: v, item="an actor", what="list of actors")


def node_sizes(net: AllianceNetwork, centrality: Any) -> dict[Hashable, float]:
    """node -> centrality value in [0, 1] (rescaled), from a mapping / Series, or computed.

    Parameters
    ----------
    net : AllianceNetwork
    centrality : mapping, Series, DataFrame, None or False
        A DataFrame's ``total`` (or ``degree``, ``pn``...) column, by ``actor``;
        ``None``: each actor's count of signed ties (the ``degree`` of
        :func:`alliances.signed_degree`); ``False`` gives every actor 0.5.

    Returns
    -------
    dict
        Actor -> value rescaled to [0, 1] (0.5 for all when every value is the same).

    Examples
    --------
    >>> import alliances
    >>> net = alliances.AllianceNetwork("T", actors=[alliances.Actor(i, i) for i in "abc"])
    >>> node_sizes(net, {"a": 2, "b": 4, "c": 3})
    {'a': 0.0, 'b': 1.0, 'c': 0.5}
    """
    if centrality is False:
        return {v: 0.5 for v in net.actors}
    if centrality is None:  # signed_degree's degree column, counted without building its table (pandas)
        centrality = dict.fromkeys(net.actors, 0)
        for u, v, _ in signed_edges(net):
            centrality[u] += 1
            centrality[v] += 1
    if not (isinstance(centrality, Mapping) or hasattr(centrality, "to_dict")):
        raise ParameterTypeError(f"centrality must be a mapping of actor to value, a Series, a DataFrame, None or "
                                 f"False, not {shown(centrality)}")
    values = _as_mapping(centrality)
    nums = {v: check_number(values.get(v, 0.0) or 0.0, f"the centrality of {v!r}") or 0.0 for v in net.actors}
    lo, hi = min(nums.values(), default=0.0), max(nums.values(), default=0.0)
    if hi - lo < 1e-12:
        return {v: 0.5 for v in nums}
    return {v: (x - lo) / (hi - lo) for v, x in nums.items()}


def _as_mapping(obj: Any) -> Mapping[Hashable, Any]:
    if isinstance(obj, Mapping):
        return obj
    # pandas Series (index -> value) or DataFrame (index = actor, first numeric column)
    if hasattr(obj, "columns"):
        frame = obj
        if "actor" in frame.columns:
            frame = frame.set_index("actor")
        for col in ("total", "degree", "abs_degree", "pn", "pn_index", "value"):
            if col in frame.columns:
                return frame[col].to_dict()
        numeric = frame.select_dtypes("number")
        if numeric.shape[1] == 0:
            raise ParameterError("centrality: the table has no column of numbers (use signed_degree's table)")
        return numeric.iloc[:, 0].to_dict()
    if hasattr(obj, "to_dict"):
        return obj.to_dict()
    return dict(obj)


def risk_table(net: AllianceNetwork, risk: Any) -> Any:
    """The all-pairs risk table (``a, b, stance, ..., p_clash``), computed when ``risk`` is None.

    Parameters
    ----------
    net : AllianceNetwork
    risk : DataFrame or None
        From :func:`alliances.conflict_risk`; used as it is.

    Returns
    -------
    pandas.DataFrame
    """
    if risk is None:
        from ..risk import conflict_risk  # the risk package is imported only when a figure shows risk

        risk = conflict_risk(net)
    check_table(risk, "risk", ("a", "b", "p_clash"), "conflict_risk")
    return risk


def implied_table(net: AllianceNetwork, implied: Any) -> Any:
    """The implied-relations table (``a, b, stance, ...``), computed when ``implied`` is None.

    Parameters
    ----------
    net : AllianceNetwork
    implied : DataFrame, None or False
        From :func:`alliances.implied_relations`; False: none.

    Returns
    -------
    pandas.DataFrame or None
        None when ``implied`` is False.
    """
    if implied is False:
        return None
    if implied is None:
        implied = implied_relations(net)
    check_table(implied, "implied", ("a", "b", "stance"), "implied_relations")
    return implied


def check_table(table: Any, name: str, columns: tuple[str, ...], made_by: str) -> None:
    """Check a precomputed table handed in: a DataFrame with the columns ``made_by`` returns."""
    if not hasattr(table, "columns") or not hasattr(table, "itertuples"):
        raise ParameterTypeError(f"{name} must be the DataFrame {made_by} returns, or None, not {shown(table)}")
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ParameterError(f"{name} lacks the columns {', '.join(missing)} (use the table {made_by} returns)")


def explain_pair(net: AllianceNetwork, a: str, b: str) -> Any:
    """The :class:`~alliances.RiskExplanation` of one pair under the shipped risk model.

    Parameters
    ----------
    net : AllianceNetwork
    a, b : str
        The pair's actors (id, name, label or alias).

    Returns
    -------
    RiskExplanation
    """
    from ..risk import explain_risk

    return explain_risk(net, a, b)


def risk_model(model: Any) -> Any:
    """The risk model read from a file, or the shipped one for None.

    Parameters
    ----------
    model : str, path-like or None

    Returns
    -------
    RiskModel
    """
    from ..risk import load_risk_model

    return load_risk_model(model)
