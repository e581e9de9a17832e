"""Analysis results as the diagrams need them: handed in by the caller, or computed once here.

Figures never compute an analysis they are handed; these helpers accept the result
objects of the analysis modules (or plain mappings and lists) and only call the analysis
when given ``None``.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

from .._network import AllianceNetwork

__all__ = ["analysis", "as_network", "camp_index", "implied_table", "node_sizes", "risk_table"]


def as_network(obj: Any) -> AllianceNetwork:
    """An AllianceNetwork from a network or a signed networkx graph."""
    if isinstance(obj, AllianceNetwork):
        return obj
    import networkx as nx

    if isinstance(obj, nx.Graph):
        return AllianceNetwork.from_networkx(obj, scenario=str(obj.graph.get("scenario", "Signed graph")))
    raise TypeError(f"expected an AllianceNetwork or a networkx graph, not {type(obj).__name__}")


def camp_index(net: AllianceNetwork, factions: Any) -> dict[Hashable, int]:
    """node -> faction index (0 = largest) from a FactionsResult, a mapping, a list of camps,
    ``None`` (compute :func:`alliances.factions`) or ``False`` (no factions)."""
    if factions is False:
        return {}
    if factions is None:
        factions = analysis("factions")(net)
    if hasattr(factions, "camp_of") and callable(factions.camp_of):
        # actors with no signed tie belong to no camp in a picture (the analysis files them
        # with the largest camp only because they change no criterion)
        isolated = set(getattr(factions, "isolated", ()) or ())
        return {v: int(i) for v, i in factions.camp_of().items() if i is not None and v not in isolated}
    if isinstance(factions, Mapping):
        return {v: int(i) for v, i in factions.items() if i is not None}
    camps = getattr(factions, "camps", factions)
    return {v: i for i, camp in enumerate(camps) for v in camp}


def node_sizes(net: AllianceNetwork, centrality: Any) -> dict[Hashable, float]:
    """node -> centrality value in [0, 1] (rescaled), from a mapping / Series, or computed."""
    if centrality is False:
        return {v: 0.5 for v in net.actors}
    if centrality is None:
        centrality = analysis("signed_degree")(net)
    values = _as_mapping(centrality)
    nums = {v: float(values.get(v, 0.0) or 0.0) for v in net.actors}
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
        return numeric.iloc[:, 0].to_dict()
    if hasattr(obj, "to_dict"):
        return obj.to_dict()
    return dict(obj)


def risk_table(net: AllianceNetwork, risk: Any):
    """The all-pairs risk table (``a, b, stance, ..., p_clash``), computed when ``risk`` is None."""
    if risk is None:
        risk = analysis("conflict_risk")(net)
    return risk


def implied_table(net: AllianceNetwork, implied: Any):
    """The implied-relations table (``a, b, stance, ...``), computed when ``implied`` is None."""
    if implied is False:
        return None
    if implied is None:
        implied = analysis("implied_relations")(net)
    return implied


def analysis(name: str):
    """The public analysis function ``alliances.<name>``, found through the package's table of
    public names (so it is the function even where a submodule of the same name exists)."""
    import importlib

    import alliances

    return getattr(importlib.import_module(alliances._LAZY[name]), name)
