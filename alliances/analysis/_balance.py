"""Everything ``alliances balance`` reports, computed once: the balance report and its JSON.

:func:`balance_report` runs every balance analysis on one network (census, unbalanced
triads, walk balance, frustration index, factions, implied relations, signed centrality,
ambivalent ties, and the balance measures against sign shuffles);
:meth:`BalanceReport.to_dict` is the CLI's ``--json``.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .._arguments import check_graph
from .._checks import check_bool, check_int
from .._numbers import json_number
from .._progress import ProgressLike
from .._signed import as_signed_graph, display_names
from ._ambivalence import Ambivalence, ambivalence
from ._census import TriangleCensus, triangle_census, unbalanced_triads
from ._centrality import centrality_table
from ._factions import factions
from ._frustration import frustration_index
from ._implied import implied_relations
from ._null import BalanceChance, balance_against_chance
from ._options import check_solver_options
from ._walk import walk_balance

if TYPE_CHECKING:
    import networkx as nx

    from .._network import AllianceNetwork

__all__ = ["BalanceReport", "balance_report"]


@dataclass
class BalanceReport:
    """Everything ``alliances balance`` reports, computed once (see :func:`balance_report`).

    Attributes
    ----------
    census : TriangleCensus
    unbalanced : pandas.DataFrame
        :func:`unbalanced_triads`.
    walk : float or None
        :func:`walk_balance`.
    frustration, weighted_frustration : FrustrationResult
        :func:`alliances.frustration_index`, counting ties and summing their weights.
    factions : FactionsResult
    implied : pandas.DataFrame
        :func:`alliances.implied_relations`.
    centrality : pandas.DataFrame
        :func:`alliances.centrality_table`.
    ambivalence : Ambivalence
    names : dict
        Actor id -> display name.
    title : str or None
        The scenario's name (the CLI puts a CSV file's name here).
    strict : bool
        Whether implied relations follow strict balance.
    chance : BalanceChance or None
        :func:`alliances.balance_against_chance`: the census, walk balance and
        frustration index beside sign shuffles (None when no draws were asked for).

    Examples
    --------
    >>> import alliances
    >>> rep = alliances.balance_report(alliances.load("seeds/syria_2017.yaml"))
    >>> rep.frustration.value, rep.factions.k, rep.names["us_coalition"]
    (2.0, 3, 'US-led coalition')
    >>> rep.to_dict()["frustration"]["frustrated_edges"]
    [['islamic_state', 'syrian_rebels'], ['islamic_state', 'us_coalition']]
    """

    census: TriangleCensus
    unbalanced: Any
    walk: float | None
    frustration: Any
    weighted_frustration: Any
    factions: Any
    implied: Any
    centrality: Any
    ambivalence: Ambivalence
    names: dict[Hashable, str]
    title: str | None = None
    strict: bool = False
    chance: BalanceChance | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain, JSON-ready data: pairs ``a`` < ``b``, sorted lists, None for undefined numbers.

        The keys are listed at :func:`alliances.report._balance.balance_json` (the CLI's
        ``--json``), which returns this.
        """
        fr, wfr, fa = self.frustration, self.weighted_frustration, self.factions
        census = self.census.to_dict()
        return {
            "scenario": self.title,
            "census": census,
            "triangles": dict(self.census.counts),
            "strict_balance": json_number(self.census.strict_balance),
            "weak_balance": json_number(self.census.weak_balance),
            "walk_balance": json_number(self.walk),
            "unbalanced_triads": [
                {"actors": [_json_id(r.a), _json_id(r.b), _json_id(r.c)], "signs": r.signs, "type": r.type,
                 "weakly_balanced": bool(r.weakly_balanced)}
                for r in self.unbalanced.itertuples()
            ],
            "frustration": {
                "index": json_number(fr.value),
                "weighted_index": json_number(wfr.value),
                "optimal": bool(fr.optimal),
                "weighted_optimal": bool(wfr.optimal),
                "lower_bound": json_number(fr.lower_bound),
                "gap": json_number(fr.gap),
                "method": fr.method,
                "partition": [[_json_id(x) for x in camp] for camp in fr.camps],
                "frustrated_edges": [[_json_id(a), _json_id(b)] for a, b in fr.frustrated],
            },
            "factions": [[_json_id(x) for x in camp] for camp in fa.camps],
            "factions_detail": {
                "k": fa.k, "k_max": fa.k_max, "alpha": json_number(fa.alpha), "value": json_number(fa.value),
                "optimal": bool(fa.optimal), "lower_bound": json_number(fa.lower_bound), "gap": json_number(fa.gap),
                "method": fa.method, "note": fa.note,
            },
            "implied": [
                {"a": _json_id(r.a), "b": _json_id(r.b), "stance": r.stance, "score": json_number(r.score),
                 "via": [_json_id(v) for v in r.via], "reason": r.reason, "conflicting": bool(r.conflicting)}
                for r in self.implied.itertuples()
            ],
            "implied_rule": "strict" if self.strict else "weak",
            "centrality": [
                {k: (_json_id(v) if k == "actor" else json_number(v)) for k, v in row.items()}
                for row in self.centrality.to_dict("records")
            ],
            "ambivalent": self.ambivalence.to_dict(),
            "chance": None if self.chance is None else self.chance.to_dict(),
        }


def _json_id(x: Hashable) -> Any:
    """Node ids as JSON values: numpy scalars become Python numbers."""
    if hasattr(x, "item") and not isinstance(x, str):
        return x.item()
    return x


def balance_report(
    G: AllianceNetwork | nx.Graph,
    *,
    strict: bool = False,
    k: int | None = None,
    exact: bool | str = "auto",
    time_limit: float | None = None,
    seed: int = 0,
    draws: int = 1000,
    frustration_draws: int | None = None,
    progress: ProgressLike = None,
) -> BalanceReport:
    """Run every balance analysis on one network: census, triads, walk balance, frustration,
    factions, implied relations, signed centrality, the ambivalent ties, and how the
    balance measures compare with sign shuffles.

    Parameters
    ----------
    G : AllianceNetwork or networkx.Graph
    strict : bool, default False
        Implied relations under strict balance (the enemy of an enemy is a friend)
        instead of weak balance.
    k : int, optional
        Number of factions (None: chosen by :func:`alliances.factions`).
    exact, time_limit, seed
        Passed to the frustration index and factions (``seed`` also to the shuffles).
    draws, frustration_draws : int, optional
        Sign shuffles for :func:`alliances.balance_against_chance` (0: no comparison). The
        draws' frustration index is exact for small networks and heuristic above
        (``exact=False``: always heuristic); ``exact=True`` does not make hundreds of
        random signings exact.
    progress : callable or bool, optional
        Reports the shuffles as they are drawn (``progress(done, total)``).

    Returns
    -------
    BalanceReport

    Examples
    --------
    >>> import alliances
    >>> from pathlib import Path
    >>> rep = balance_report(alliances.load(Path(alliances.__file__).parents[1] / "seeds" / "syria_2017.yaml"))
    >>> rep.census.counts["---"] > 0, rep.frustration.optimal
    (True, True)

    References
    ----------
    .. [1] Aref, S., Mason, A. J. and Wilson, M. C. (2020). An exact method for computing
       the frustration index in signed networks using binary programming. Networks 75.
    """
    check_graph(G)
    check_bool(strict, "strict")
    check_int(k, "k", low=1, optional=True)
    check_solver_options(exact, time_limit, seed)
    g = as_signed_graph(G)
    return BalanceReport(
        census=triangle_census(g, weighted=True),
        unbalanced=unbalanced_triads(G),
        walk=walk_balance(g),
        frustration=frustration_index(g, exact=exact, time_limit=time_limit, seed=seed),
        weighted_frustration=frustration_index(g, weighted=True, exact=exact, time_limit=time_limit, seed=seed),
        factions=factions(g, k=k, exact=exact, time_limit=time_limit, seed=seed),
        implied=implied_relations(g, strict=strict),
        centrality=centrality_table(g),
        ambivalence=ambivalence(g, exact=exact, time_limit=time_limit, seed=seed),
        names=display_names(G) or {},
        title=getattr(G, "scenario", None),
        strict=strict,
        # exact=True asks for this network's index, not for hundreds of exact solves of random signings
        chance=balance_against_chance(g, draws=draws, frustration_draws=frustration_draws, seed=seed,
                                      exact=False if exact is False else "auto", progress=progress) if draws else None,
    )
