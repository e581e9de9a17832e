"""Ambivalent ties: left out of every balance measure, and reported apart with what they would change.

An ambivalent tie ("it's complicated") holds both positive and negative ties; the census,
walk balance, frustration index and factions all leave it out. :func:`ambivalence` says
what that hides: the triads each tie closes, and whether reading them as positive or as
negative would move the two camps of the frustration partition.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .._arguments import check_graph
from .._numbers import json_floats
from .._signed import ambivalent_edges, as_signed_graph, node_key
from ._census import triangle_census
from ._frustration import frustration_index
from ._options import check_solver_options

if TYPE_CHECKING:
    import networkx as nx

    from .._network import AllianceNetwork

__all__ = ["Ambivalence", "ambivalence"]


@dataclass(frozen=True)
class Ambivalence:
    """Ambivalent ties, left out of every balance measure, and what they would change.

    Attributes
    ----------
    ties : list of (a, b)
        The ambivalent pairs, a < b, sorted.
    triads : list of dict
        Each triad an ambivalent tie would close: ``{"tie": [a, b], "third": c,
        "signs": "+-"}`` (the signs of the two other ties a-c and b-c), with
        ``"if_positive"`` and ``"if_negative"``: the pattern it would make.
    readings : dict
        ``{"positive": {...}, "negative": {...}}``: reading every ambivalent tie as
        that sign, ``"changes_camps"`` (bool: the current two camps stop being an
        optimal partition), ``"camps"`` (the camps under that reading: the current ones
        when they stay optimal, else the new optimal ones), ``"moved"`` (the actors that
        change camp, fewest first: [] when the camps stay), ``"frustration"`` (the
        frustration index under that reading) and ``"census"`` (its triangle counts).
    per_tie : list of dict
        The same question for each tie alone (when there are at most 20):
        ``{"tie": [a, b], "positive_changes_camps": bool, "negative_changes_camps": bool}``.
    camps : list of list
        The two camps with the ambivalent ties left out.

    Examples
    --------
    >>> import alliances
    >>> net = alliances.load("seeds/syria_2017.yaml").with_relation("russia", "us_coalition", "ambivalent")
    >>> amb = alliances.ambivalence(net)
    >>> amb.ties, amb.triads[0]["third"], amb.triads[0]["if_positive"], amb.triads[0]["if_negative"]
    ([('russia', 'us_coalition')], 'assad', '++-', '+--')
    >>> amb.readings["positive"]["changes_camps"], amb.readings["negative"]["changes_camps"]
    (False, False)
    """

    ties: list[tuple[Hashable, Hashable]]
    triads: list[dict[str, Any]] = field(default_factory=list)
    readings: dict[str, dict[str, Any]] = field(default_factory=dict)
    per_tie: list[dict[str, Any]] = field(default_factory=list)
    camps: list[list[Hashable]] = field(default_factory=list)

    @property
    def count(self) -> int:
        """The number of ambivalent ties."""
        return len(self.ties)

    def to_dict(self) -> dict[str, Any]:
        """Plain, JSON-ready data: ``count``, ``ties`` (as lists) and the other attributes.

        NumPy node ids become Python numbers and floats follow :func:`alliances._numbers.json_floats`.
        """
        return json_floats({
            "count": self.count,
            "ties": [list(p) for p in self.ties],
            "triads": self.triads,
            "readings": self.readings,
            "per_tie": self.per_tie,
            "camps": self.camps,
        })


def ambivalence(
    G: AllianceNetwork | nx.Graph,
    *,
    exact: bool | str = "auto",
    time_limit: float | None = None,
    seed: int = 0,
) -> Ambivalence:
    """Report the ambivalent ties apart: how many, which triads they close, what they would change.

    Ambivalent ties ("it's complicated") carry both positive and negative ties; every
    balance measure leaves them out. This tells the analyst what that choice hides: the
    triads each would close and whether reading them all (or each alone) as positive or
    as negative would move the two camps of the frustration partition. Neutral ties
    are no tie and are not reported; unknown pairs are not ties at all.

    Parameters
    ----------
    G : AllianceNetwork or networkx.Graph
        Ambivalent ties are edges whose ``stance`` is ``"ambivalent"``.
    exact, time_limit, seed
        Passed to :func:`alliances.frustration_index`.

    Returns
    -------
    Ambivalence

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b", {"sign": 1}), ("b", "c", {"sign": -1}), ("a", "c", {"sign": -1}),
    ...               ("c", "e", {"sign": 1}), ("a", "d", {"sign": 1})])
    >>> G.add_edges_from([("d", "c"), ("d", "e")], sign=0, stance="ambivalent")
    >>> amb = ambivalence(G)
    >>> amb.camps
    [['a', 'b', 'd'], ['c', 'e']]
    >>> amb.count, amb.readings["positive"]["changes_camps"], amb.readings["negative"]["changes_camps"]
    (2, True, False)
    >>> amb.readings["positive"]["camps"], amb.readings["positive"]["moved"]
    ([['c', 'd', 'e'], ['a', 'b']], ['d'])
    >>> amb.readings["negative"]["camps"] == amb.camps, amb.readings["negative"]["moved"]
    (True, [])

    References
    ----------
    .. [1] Harary, F. (1959). On the measurement of structural balance. Behavioral
       Science 4(4), 316-323.
    """
    check_graph(G)
    check_solver_options(exact, time_limit, seed)
    g = as_signed_graph(G)
    ties = ambivalent_edges(g)
    base = frustration_index(g, exact=exact, time_limit=time_limit, seed=seed)
    camps = [list(c) for c in base.camps]
    if not ties:
        return Ambivalence(ties=[], camps=camps)

    def changes_camps(pairs: list[tuple[Hashable, Hashable]], sign: int) -> dict[str, Any]:
        return _reading(g, base.camps, pairs, sign, exact=exact, time_limit=time_limit, seed=seed)

    readings = {"positive": changes_camps(ties, 1), "negative": changes_camps(ties, -1)}
    per_tie = []
    if len(ties) <= 20:
        for a, b in ties:
            per_tie.append({
                "tie": [a, b],
                "positive_changes_camps": changes_camps([(a, b)], 1)["changes_camps"],
                "negative_changes_camps": changes_camps([(a, b)], -1)["changes_camps"],
            })
    return Ambivalence(ties=ties, triads=_closed_triads(g, ties), readings=readings, per_tie=per_tie, camps=camps)


def _closed_triads(g: nx.Graph, ties: list[tuple[Hashable, Hashable]]) -> list[dict[str, Any]]:
    """Each triad an ambivalent tie closes with two signed ties, and the pattern either reading makes."""
    triads = []
    for a, b in ties:
        common = set(g[a]) & set(g[b])
        for c in sorted(common, key=node_key):
            sa, sb = g[a][c]["sign"], g[b][c]["sign"]
            if sa == 0 or sb == 0:
                continue
            signs = ("+" if sa > 0 else "-") + ("+" if sb > 0 else "-")
            triads.append({
                "tie": [a, b], "third": c, "signs": signs,
                "if_positive": _pattern(signs + "+"), "if_negative": _pattern(signs + "-"),
            })
    return triads


def _reading(
    g: nx.Graph,
    camps: list[list[Hashable]],
    pairs: list[tuple[Hashable, Hashable]],
    sign: int,
    *,
    exact: bool | str,
    time_limit: float | None,
    seed: int,
) -> dict[str, Any]:
    """``g`` with the ambivalent ``pairs`` read as ``sign``: whether ``camps`` stop being optimal, and more."""
    h = g.copy()
    for a, b in pairs:
        h[a][b]["sign"] = sign
        h[a][b]["stance"] = "friendly" if sign > 0 else "rival"
    res = frustration_index(h, exact=exact, time_limit=time_limit, seed=seed)
    base_cost = _partition_cost(h, camps)
    changes = bool(base_cost > res.value + 1e-9)
    # camps that stay optimal are reported as they are, never as an equally good other split
    new = [list(c) for c in (res.camps if changes else camps)]
    return {
        "changes_camps": changes,
        "camps": new,
        "moved": _moved(camps, new) if changes else [],
        "frustration": float(min(res.value, base_cost)),
        "census": triangle_census(h).counts,
    }


def _moved(old: list[list[Hashable]], new: list[list[Hashable]]) -> list[Hashable]:
    """The actors whose camp changes from ``old`` to ``new`` (two camps each), the fewer of the two matchings."""
    first = set(old[0]) if old else set()
    # first camp matched with first camp: moved are those in exactly one of the two; swapped: the others
    matched = [x for camp in new for x in camp if (x in first) != (camp is new[0])]
    swapped = [x for camp in new for x in camp if (x in first) == (camp is new[0])]
    return sorted(matched if len(matched) <= len(swapped) else swapped, key=node_key)


def _pattern(signs: str) -> str:
    return "+" * signs.count("+") + "-" * signs.count("-")


def _partition_cost(g: nx.Graph, camps: list[list[Hashable]]) -> int:
    """Ties a partition frustrates: positive between camps, negative within."""
    camp_of = {v: i for i, camp in enumerate(camps) for v in camp}
    cost = 0
    for u, v, d in g.edges(data=True):
        s = d["sign"]
        if s == 0:
            continue
        same = camp_of.get(u, -1) == camp_of.get(v, -2) if u in camp_of and v in camp_of else False
        cost += (s > 0 and not same) or (s < 0 and same)
    return cost
