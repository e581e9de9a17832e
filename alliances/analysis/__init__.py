"""The analysis layer: structural balance, frustration, factions, implied relations, signed centrality.

Every analysis reads a signed graph (an :class:`~alliances.AllianceNetwork` or a
signed ``networkx.Graph``, see :mod:`alliances._signed`) and returns plain results.
Modules, one family each:

- ``_census``: the signed triangle census (:func:`triangle_census`, :func:`actor_census`,
  :func:`unbalanced_triads`) and its sparse-matrix kernels;
- ``_walk``: :func:`walk_balance` (Estrada & Benzi);
- ``_frustration``: the :func:`frustration_index`, exact (reductions, blocks, integer
  programming) or heuristic;
- ``_factions``: :func:`factions`, partitions into k camps (Doreian & Mrvar);
- ``_partition`` and ``_milp``: the solver machinery both share (signed ties as
  arrays, local search, triangle bounds; HiGHS programmes);
- ``_ambivalence``: what the ambivalent ties, left out of every measure, would change;
- ``_implied``: :func:`implied_relations` for unknown pairs;
- ``_centrality``: :func:`signed_degree`, :func:`pn_index`, :func:`centrality_table`;
- ``_balance``: :func:`balance_report`, everything ``alliances balance`` reports.

Examples
--------
>>> from alliances.analysis import frustration_index, triangle_census
>>> import networkx as nx
>>> g = nx.Graph([(1, 2, {"sign": 1}), (2, 3, {"sign": 1}), (1, 3, {"sign": -1})])
>>> triangle_census(g).counts["++-"], frustration_index(g).value
(1, 1.0)
"""

from ._ambivalence import Ambivalence, ambivalence
from ._balance import BalanceReport, balance_report
from ._census import TRIAD_TYPES, TriangleCensus, actor_census, triangle_census, unbalanced_triads
from ._centrality import centrality_table, pn_index, signed_degree
from ._factions import AUTO_EXACT_MAX_ASSIGN, MAX_AUTO_K, FactionsResult, factions
from ._frustration import (
    AUTO_EXACT_MAX_EDGES,
    AUTO_TIME_LIMIT,
    REDUCE_MAX_EDGES,
    FrustrationResult,
    frustration_index,
    solve_block_milp,
    solve_exact,
    solve_heuristic,
    sorted_pair,
)
from ._implied import STRONG_SCORE, implied_relations, implied_scores, stance_for_score
from ._milp import MilpRun, highs, row_wise_lp, settle_milp, solve_warm
from ._partition import (
    Edges,
    check_exact,
    edge_triangles,
    edges_of,
    local_search,
    order_camps,
    partition_cost,
    settle_bound,
    sort_nodes,
    triangle_packing_bound,
)
from ._walk import walk_balance

__all__ = [
    "AUTO_EXACT_MAX_ASSIGN",
    "AUTO_EXACT_MAX_EDGES",
    "AUTO_TIME_LIMIT",
    "MAX_AUTO_K",
    "REDUCE_MAX_EDGES",
    "STRONG_SCORE",
    "TRIAD_TYPES",
    "Ambivalence",
    "BalanceReport",
    "Edges",
    "FactionsResult",
    "FrustrationResult",
    "MilpRun",
    "TriangleCensus",
    "actor_census",
    "ambivalence",
    "balance_report",
    "centrality_table",
    "check_exact",
    "edge_triangles",
    "edges_of",
    "factions",
    "frustration_index",
    "highs",
    "implied_relations",
    "implied_scores",
    "local_search",
    "order_camps",
    "partition_cost",
    "pn_index",
    "row_wise_lp",
    "settle_bound",
    "settle_milp",
    "signed_degree",
    "solve_block_milp",
    "solve_exact",
    "solve_heuristic",
    "solve_warm",
    "sort_nodes",
    "sorted_pair",
    "stance_for_score",
    "triangle_census",
    "triangle_packing_bound",
    "unbalanced_triads",
    "walk_balance",
]
