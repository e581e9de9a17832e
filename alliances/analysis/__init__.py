"""The analysis layer: structural balance, frustration, factions, implied relations, signed centrality.

Every analysis reads a signed graph (an :class:`~alliances.AllianceNetwork` or a
signed ``networkx.Graph``, see :mod:`alliances._signed`) and returns plain results.
Modules, one family each:

- ``_census``: the signed triangle census (:func:`triangle_census`, :func:`actor_census`,
  :func:`unbalanced_triads`, :func:`signed_triangles`, :func:`ambivalent_triangle_census`)
  and its sparse-matrix kernels;
- ``_walk``: :func:`walk_balance` (Estrada & Benzi);
- ``_frustration``: the :func:`frustration_index`, exact (reductions, blocks, integer
  programming) or heuristic;
- ``_factions``: :func:`factions`, partitions into k camps (Doreian & Mrvar);
- the solver machinery both share: ``_partition`` (signed ties as arrays, costs, triangle
  bounds), ``_search`` (actors moved: local search, spectral starts), ``_camps`` (whole
  camps split and merged), ``_blocks`` (reductions and blocks for three camps or more),
  ``_milp`` (HiGHS programmes); ``_options``: the check of the options every partition
  analysis takes (``exact``, ``time_limit``, ``seed``);
- ``_null``: :func:`balance_against_chance`, the balance measures beside sign shuffles;
- ``_generators``: random signed graphs (:func:`random_signed_graph`,
  :func:`planted_camps_graph`, :func:`shuffle_signs`);
- ``_ambivalence``: what the ambivalent ties, left out of every measure, would change;
- ``_implied``: :func:`implied_relations` for unknown pairs;
- ``_centrality``: :func:`signed_degree`, :func:`pn_index`,
  :func:`signed_eigenvector_centrality`, :func:`centrality_table`;
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
from ._blocks import CampReduction, expand_camps, peel, reduce_camps
from ._camps import SPLIT_EXACT_MAX_EDGES, camp_search, positive_components
from ._census import (
    TRIAD_TYPES,
    TriangleCensus,
    actor_census,
    ambivalent_triangle_census,
    signed_triangles,
    triangle_census,
    unbalanced_triads,
)
from ._centrality import centrality_table, pn_index, signed_degree, signed_eigenvector_centrality
from ._factions import AUTO_EXACT_MAX_ASSIGN, FactionsResult, assignment_size, factions
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
from ._generators import (
    MAX_GENERATED_ACTORS,
    MAX_GENERATED_TIES,
    planted_camps_graph,
    random_signed_graph,
    shuffle_signs,
)
from ._implied import MAX_LENGTH, STRONG_SCORE, implied_relations, stance_for_score
from ._milp import MilpRun, assignment_milp, highs, row_wise_lp, settle_milp, solve_warm
from ._null import (
    MAX_DRAWS,
    NULL_EXACT_MAX_EDGES,
    WALK_NULL_MAX_NODES,
    BalanceChance,
    ChanceMeasure,
    balance_against_chance,
    expected_census,
)
from ._options import check_exact, check_solver_options
from ._partition import (
    Edges,
    edge_triangles,
    edges_of,
    order_camps,
    partition_cost,
    settle_bound,
    sort_nodes,
    triangle_packing_bound,
)
from ._search import PERTURB, local_search, relocate, single_blas_thread, spectral_start
from ._walk import walk_balance

__all__ = [
    "AUTO_EXACT_MAX_ASSIGN",
    "AUTO_EXACT_MAX_EDGES",
    "AUTO_TIME_LIMIT",
    "MAX_DRAWS",
    "MAX_GENERATED_ACTORS",
    "MAX_GENERATED_TIES",
    "MAX_LENGTH",
    "NULL_EXACT_MAX_EDGES",
    "PERTURB",
    "REDUCE_MAX_EDGES",
    "SPLIT_EXACT_MAX_EDGES",
    "STRONG_SCORE",
    "TRIAD_TYPES",
    "WALK_NULL_MAX_NODES",
    "Ambivalence",
    "BalanceChance",
    "BalanceReport",
    "CampReduction",
    "ChanceMeasure",
    "Edges",
    "FactionsResult",
    "FrustrationResult",
    "MilpRun",
    "TriangleCensus",
    "actor_census",
    "ambivalence",
    "ambivalent_triangle_census",
    "assignment_milp",
    "assignment_size",
    "balance_against_chance",
    "balance_report",
    "camp_search",
    "centrality_table",
    "check_exact",
    "check_solver_options",
    "edge_triangles",
    "edges_of",
    "expand_camps",
    "expected_census",
    "factions",
    "frustration_index",
    "highs",
    "implied_relations",
    "local_search",
    "order_camps",
    "partition_cost",
    "peel",
    "planted_camps_graph",
    "pn_index",
    "positive_components",
    "random_signed_graph",
    "reduce_camps",
    "relocate",
    "row_wise_lp",
    "settle_bound",
    "settle_milp",
    "shuffle_signs",
    "signed_degree",
    "signed_eigenvector_centrality",
    "signed_triangles",
    "single_blas_thread",
    "solve_block_milp",
    "solve_exact",
    "solve_heuristic",
    "solve_warm",
    "sort_nodes",
    "sorted_pair",
    "spectral_start",
    "stance_for_score",
    "triangle_census",
    "triangle_packing_bound",
    "unbalanced_triads",
    "walk_balance",
]
