"""The frustration index (line index of balance) of a signed graph, exact or heuristic.

The frustration index (Harary 1959) is the fewest ties (or, weighted, the least total
weight) whose removal leaves a balanced graph: equivalently, over every split of the
actors into two camps, the least weight of negative ties inside a camp plus positive
ties across. The optimal split gives the two camps; the ties it violates are the
frustrated ones.

The exact method is the binary programme of Aref, Mason & Wilson (2018, 2020), solved
by HiGHS, made fast by steps that keep the index:

1. reductions: a node with one tie can always satisfy it (drop it); a node with two
   ties is a path whose two ties act as one tie of sign their product and weight the
   smaller weight (contract it; parallel ties merge, opposite ones leave a constant);
2. the index adds up over biconnected components: each block is solved alone and the
   camps are glued back at the cut vertices;
3. a strong heuristic solution (spectral start plus relocation local search) is handed
   to HiGHS as a warm start; when a greedy packing of unbalanced triangles already
   proves it optimal, no programme is solved at all;
4. every unbalanced triangle gets the inequality "at least one of its ties is
   frustrated", and one node per block is fixed to break the camp-swap symmetry.

Ties with sign 0 (neutral, ambivalent) are left out.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from .._arguments import check_graph
from .._checks import check_bool, check_instance, check_number, check_seed
from .._numbers import json_number
from . import _partition as _p
from ._blocks import peel
from ._milp import row_wise_lp, settle_milp, solve_warm
from ._options import check_exact, check_solver_options
from ._search import local_search, single_blas_thread

if TYPE_CHECKING:
    import networkx as nx

    from .._network import AllianceNetwork

__all__ = [
    "AUTO_EXACT_MAX_EDGES",
    "AUTO_TIME_LIMIT",
    "REDUCE_MAX_EDGES",
    "FrustrationResult",
    "frustration_index",
    "solve_block_milp",
    "solve_exact",
    "solve_heuristic",
    "sorted_pair",
]

#: ``exact="auto"`` solves exactly up to this many signed ties, heuristically above.
AUTO_EXACT_MAX_EDGES = 3000
#: ``exact="auto"`` gives the exact solver this many seconds when no time limit is given.
AUTO_TIME_LIMIT = 20.0
#: the heuristic applies the reductions and the block split up to this many ties
REDUCE_MAX_EDGES = 200_000

_TOL = 1e-9


@dataclass(frozen=True)
class FrustrationResult:
    """The frustration index of a signed graph, its two camps and its frustrated ties.

    Attributes
    ----------
    value : float
        The index found: a count of ties, or their total weight when ``weighted``.
    optimal : bool
        True when ``value`` is proven to be the minimum.
    lower_bound : float
        The best proven lower bound (equal to ``value`` when optimal).
    gap : float or None
        ``(value - lower_bound) / value``; 0.0 when optimal; None when ``value`` is 0
        and not proven (never happens in practice: 0 is always optimal).
    camps : list of list
        The two camps (one may be empty when the graph is all positive), each sorted,
        the larger first (ties: by first id as text).
    frustrated : list of tuple
        The ties the camps violate (negative inside a camp, positive across), each pair
        sorted, the list sorted.
    method : str
        ``"exact"`` (integer programming) or ``"heuristic"`` (local search).
    weighted : bool
        Whether ``value`` counts ties or sums their weights.
    seconds : float
        Wall time of the computation.

    Examples
    --------
    >>> import alliances
    >>> r = alliances.frustration_index(alliances.load("seeds/syria_2017.yaml"))
    >>> r.value, r.optimal, r.method
    (2.0, True, 'exact')
    >>> r.frustrated
    [('islamic_state', 'syrian_rebels'), ('islamic_state', 'us_coalition')]
    """

    value: float
    optimal: bool
    lower_bound: float
    gap: float | None
    camps: list[list]
    frustrated: list[tuple]
    method: str
    weighted: bool
    seconds: float = field(default=0.0, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (lists for pairs and camps, None for a missing gap).

        Examples
        --------
        >>> import networkx as nx
        >>> g = nx.Graph([(1, 2, {"sign": -1}), (2, 3, {"sign": -1}), (1, 3, {"sign": -1})])
        >>> d = frustration_index(g).to_dict()
        >>> d["value"], d["optimal"], len(d["frustrated"])
        (1.0, True, 1)
        """
        return {
            "value": json_number(self.value),
            "optimal": self.optimal,
            "lower_bound": json_number(self.lower_bound),
            "gap": json_number(self.gap),
            "camps": [list(c) for c in self.camps],
            "frustrated": [list(p) for p in self.frustrated],
            "method": self.method,
            "weighted": self.weighted,
            "seconds": json_number(self.seconds),
        }


def frustration_index(
    G: AllianceNetwork | nx.Graph,
    *,
    weighted: bool = False,
    exact: bool | str = "auto",
    time_limit: float | None = None,
    seed: int = 0,
) -> FrustrationResult:
    """The frustration index of ``G``, with the two camps and the frustrated ties.

    Parameters
    ----------
    G : AllianceNetwork or networkx.Graph
        A network, or a graph whose edges carry ``sign`` (or a signed ``weight``).
        Ties of sign 0 (neutral, ambivalent) are ignored.
    weighted : bool, optional
        Minimise the total weight of frustrated ties instead of their number.
    exact : True, False or "auto", optional
        True: integer programming (Aref, Mason & Wilson 2020) solved by HiGHS, proven
        optimal unless ``time_limit`` stops it. False: the same reductions and block
        split (up to ``REDUCE_MAX_EDGES`` ties), then spectral start plus local search,
        with a lower bound from a packing of unbalanced triangles. ``"auto"`` (default):
        exact up to ``AUTO_EXACT_MAX_EDGES`` signed ties (with a time limit of
        ``AUTO_TIME_LIMIT`` seconds when none is given), heuristic above.
    time_limit : float, optional
        Seconds for the exact solver; when it runs out the result carries the best
        solution found, the proven lower bound and the gap.
    seed : int, optional
        Seed of the heuristic's random starts; results are deterministic for a seed
        (unless a time limit cuts a search short).

    Returns
    -------
    FrustrationResult

    Notes
    -----
    Camps: within each connected component the camps are the optimal split; each
    component is oriented so that its larger side joins the first camp (ties: the side
    holding the smallest id as text). Actors without signed ties join the first camp
    before camps are ordered (larger first).

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.cycle_graph(4)
    >>> nx.set_edge_attributes(g, 1, "sign")
    >>> g.edges[0, 1]["sign"] = -1
    >>> r = frustration_index(g)
    >>> r.value, r.optimal, len(r.frustrated), r.camps
    (1.0, True, 1, [[1, 2, 3], [0]])

    References
    ----------
    .. [1] F. Harary (1959) On the measurement of structural balance. Behavioral Science 4.
    .. [2] S. Aref, A. J. Mason, M. C. Wilson (2018) Computing the line index of balance
       using integer programming optimisation. In: Optimization Problems in Graph Theory.
    .. [3] S. Aref, A. J. Mason, M. C. Wilson (2020) An exact method for computing the
       frustration index in signed networks using binary programming. Networks 75.
    .. [4] P. Doreian, A. Mrvar (1996) A partitioning approach to structural balance.
       Social Networks 18.
    """
    check_graph(G)
    check_bool(weighted, "weighted")
    check_solver_options(exact, time_limit, seed)
    t0 = time.perf_counter()
    nodes, edges = _p.edges_of(G, weighted=weighted)
    with single_blas_thread():
        labels, lb, optimal, method = _solve(edges, exact, time_limit, seed)
    value = 2.0 * _p.partition_cost(edges, labels, 0.5)
    if not weighted:
        value = float(round(value))
        lb = float(math.ceil(lb - 1e-6))
    lb, optimal, gap = _p.settle_bound(value, lb, optimal)
    return FrustrationResult(
        value=float(value),
        optimal=bool(optimal),
        lower_bound=float(lb),
        gap=gap,
        camps=_two_camps(nodes, edges, labels),
        frustrated=_frustrated_pairs(nodes, edges, labels),
        method=method,
        weighted=weighted,
        seconds=time.perf_counter() - t0,
    )


def _solve(
    edges: _p.Edges, exact: bool | str, time_limit: float | None, seed: int
) -> tuple[np.ndarray, float, bool, str]:
    """Labels, a lower bound and optimality by the method ``exact`` chooses, and the method's name."""
    check_exact(exact)
    if exact == "auto":
        use_exact = edges.m <= AUTO_EXACT_MAX_EDGES
        if use_exact and time_limit is None:
            time_limit = AUTO_TIME_LIMIT
    else:
        use_exact = bool(exact)
    if use_exact:
        return (*solve_exact(edges, time_limit=time_limit, seed=seed), "exact")
    return (*solve_heuristic(edges, seed=seed), "heuristic")


# ----------------------------------------------------------------------------- output


def sorted_pair(a: Hashable, b: Hashable) -> tuple:
    """The pair in natural order, or by text when the ids do not compare.

    Parameters
    ----------
    a, b : node ids

    Returns
    -------
    tuple

    Examples
    --------
    >>> sorted_pair("b", "a"), sorted_pair(2, "a")
    (('a', 'b'), (2, 'a'))
    """
    check_instance(a, Hashable, "a", "a node id")
    check_instance(b, Hashable, "b", "a node id")
    try:
        return (a, b) if a <= b else (b, a)  # type: ignore[operator]
    except TypeError:
        return (a, b) if str(a) <= str(b) else (b, a)


def _frustrated_pairs(nodes: list, edges: _p.Edges, labels: np.ndarray) -> list[tuple]:
    same = labels[edges.u] == labels[edges.v]
    bad = np.flatnonzero(np.where(edges.c < 0, same, ~same))
    pairs = [sorted_pair(nodes[edges.u[e]], nodes[edges.v[e]]) for e in bad]
    try:
        return sorted(pairs)
    except TypeError:
        return sorted(pairs, key=lambda p: (str(p[0]), str(p[1])))


def _two_camps(nodes: list, edges: _p.Edges, labels: np.ndarray) -> list[list]:
    import scipy.sparse as sp
    from scipy.sparse.csgraph import connected_components

    n = len(nodes)
    if n == 0:
        return [[], []]
    A = sp.csr_array((np.ones(edges.m), (edges.u, edges.v)), shape=(n, n))
    ncomp, comp = connected_components(A, directed=False)
    deg = np.bincount(np.concatenate([edges.u, edges.v]), minlength=n)
    side = labels.astype(np.int64).copy()
    for cc in range(ncomp):
        members = np.flatnonzero(comp == cc)
        if deg[members].sum() == 0:
            side[members] = 0
            continue
        ones = int(side[members].sum())
        zeros = len(members) - ones
        if ones > zeros or (ones == zeros and side[min(members, key=lambda i: str(nodes[i]))] == 1):
            side[members] = 1 - side[members]
    camps = [[nodes[i] for i in np.flatnonzero(side == s)] for s in (0, 1)]
    return _p.order_camps(camps)


# ------------------------------------------------------------------------- heuristic


def solve_heuristic(edges: _p.Edges, *, seed: int = 0) -> tuple[np.ndarray, float, bool]:
    """Labels from local search, a triangle-packing lower bound (on the index) and whether they meet.

    Up to ``REDUCE_MAX_EDGES`` ties the exact reductions and the block split come first
    (they keep the index and make the local search's job smaller); above, the search
    runs on the whole graph.

    Parameters
    ----------
    edges : Edges
    seed : int, default 0

    Returns
    -------
    labels : numpy.ndarray
        0/1 camps.
    lower_bound : float
        On the index (twice :func:`~alliances.analysis.partition_cost` at alpha 0.5).
    optimal : bool
        Whether the bound meets the labels' index.

    Examples
    --------
    >>> import numpy as np
    >>> from alliances.analysis import Edges, partition_cost
    >>> k4 = Edges(4, np.array([0, 0, 0, 1, 1, 2]), np.array([1, 2, 3, 2, 3, 3]), -np.ones(4 + 2))
    >>> labels, lb, optimal = solve_heuristic(k4)  # four mutual enemies in two camps
    >>> 2 * partition_cost(k4, labels), lb, optimal  # the optimum, but the triangles cannot prove it
    (2.0, 1.0, False)
    """
    _p.check_edges(edges)
    check_seed(seed)
    if edges.m <= REDUCE_MAX_EDGES:
        return solve_exact(edges, seed=seed, milp=False)
    labels, cost = local_search(edges, 2, seed=seed)
    lb = 2.0 * _p.triangle_packing_bound(edges, _p.edge_triangles(edges), k=2)
    value = 2.0 * cost
    return labels, lb, value - lb <= 1e-9 * max(1.0, value)


# ----------------------------------------------------------------------------- exact


def solve_exact(
    edges: _p.Edges,
    *,
    time_limit: float | None = None,
    seed: int = 0,
    milp: bool = True,
    restarts: int | None = None,
) -> tuple[np.ndarray, float, bool]:
    """Optimal labels (0/1) by reductions, block decomposition and integer programming.

    Returns the labels, a lower bound on the index and whether optimality is proven.
    With ``milp=False`` the blocks get local search and a triangle bound only.

    Parameters
    ----------
    edges : Edges
    time_limit : float, optional
        Seconds for all the blocks' programmes.
    seed : int, default 0
        Seed of the local search giving each block its warm start.
    milp : bool, default True
        Solve the blocks' programmes (False: the heuristic with the same reductions).
    restarts : int, optional
        Starts of each block's local search (default by size, see
        :func:`~alliances.analysis.local_search`); fewer make many small solves faster.

    Returns
    -------
    labels : numpy.ndarray
    lower_bound : float
    optimal : bool

    Examples
    --------
    >>> import numpy as np
    >>> from alliances.analysis import Edges
    >>> triangle = Edges(3, np.array([0, 1, 0]), np.array([1, 2, 2]), np.array([1.0, 1.0, -1.0]))
    >>> labels, lb, optimal = solve_exact(triangle)
    >>> labels.tolist(), lb, optimal
    ([0, 0, 0], 1.0, True)

    References
    ----------
    .. [1] S. Aref, A. J. Mason, M. C. Wilson (2020) An exact method for computing the
       frustration index in signed networks using binary programming. Networks 75.
    """
    _p.check_edges(edges)
    check_number(time_limit, "time_limit", low=0, optional=True)
    check_seed(seed)
    check_bool(milp, "milp")
    deadline = None if time_limit is None else time.perf_counter() + float(time_limit)
    adj: dict[int, dict[int, float]] = {i: {} for i in range(edges.n)}
    for a, b, c in zip(edges.u.tolist(), edges.v.tolist(), edges.c.tolist(), strict=True):
        if a == b:
            continue
        merged = adj[a].get(b, 0.0) + c
        adj[a][b] = merged
        adj[b][a] = merged
    # parallel ties in the input (a multigraph flattened by the caller) merge like contractions
    const = 0.0
    if len(edges.c):
        const = _merge_constant(edges)
    for a in list(adj):
        for b in [b for b, c in adj[a].items() if abs(c) <= _TOL]:
            del adj[a][b]
    solver = _ExactSolver(deadline=deadline, seed=seed, milp=milp, restarts=restarts)
    spins, value, lb, optimal = solver.solve(adj)
    labels = np.array([0 if spins.get(i, 1) > 0 else 1 for i in range(edges.n)], dtype=np.int64)
    return labels, lb + const, optimal


def _merge_constant(edges: _p.Edges) -> float:
    """The cost forced by opposite-signed parallel ties on one pair (0 for a simple graph)."""
    pos: dict[tuple[int, int], float] = {}
    neg: dict[tuple[int, int], float] = {}
    for a, b, c in zip(edges.u.tolist(), edges.v.tolist(), edges.c.tolist(), strict=True):
        key = (min(a, b), max(a, b))
        if c > 0:
            pos[key] = pos.get(key, 0.0) + c
        else:
            neg[key] = neg.get(key, 0.0) - c
    return float(sum(min(w, neg[k]) for k, w in pos.items() if k in neg))


class _ExactSolver:
    """Reduce, split into blocks, solve each block's programme, glue the camps back."""

    def __init__(self, *, deadline: float | None, seed: int, milp: bool = True, restarts: int | None = None) -> None:
        self.deadline = deadline
        self.seed = seed
        self.milp = milp
        self.restarts = restarts

    def remaining(self) -> float | None:
        return None if self.deadline is None else max(0.0, self.deadline - time.perf_counter())

    def solve(self, adj: dict[int, dict[int, float]]) -> tuple[dict[int, int], float, float, bool]:
        """Spins (+1/-1) for every node of ``adj`` (mutated), the cost, a lower bound, optimality."""
        stack, const = peel(adj, two_camps=True, check=False)  # built from checked Edges
        spins: dict[int, int] = {}
        value = lb = const
        optimal = True
        if adj:
            import networkx as nx

            g = nx.Graph()
            g.add_nodes_from(adj)
            g.add_edges_from((a, b) for a in adj for b in adj[a] if a < b)
            blocks = [list(es) for es in nx.biconnected_component_edges(g)]
            if len(blocks) == 1 and len(blocks[0]) == g.number_of_edges():
                s, val, blb, opt = self._solve_block(adj)
                spins.update(s)
                value += val
                lb += blb
                optimal &= opt
            else:
                for comp in nx.connected_components(g):
                    sub = g.subgraph(comp)
                    comp_blocks = [list(es) for es in nx.biconnected_component_edges(sub)]
                    results = []
                    for es in comp_blocks:
                        badj: dict[int, dict[int, float]] = {}
                        for a, b in es:
                            badj.setdefault(a, {})[b] = adj[a][b]
                            badj.setdefault(b, {})[a] = adj[b][a]
                        s, val, blb, opt = self.solve(badj)
                        value += val
                        lb += blb
                        optimal &= opt
                        results.append(s)
                    spins.update(_glue(results))
        _reconstruct(stack, spins)
        return spins, value, lb, optimal

    def _solve_block(self, adj: dict[int, dict[int, float]]) -> tuple[dict[int, int], float, float, bool]:
        nodes = sorted(adj)
        index = {x: i for i, x in enumerate(nodes)}
        us, vs, cs = [], [], []
        for a in nodes:
            for b, c in adj[a].items():
                if a < b:
                    us.append(index[a])
                    vs.append(index[b])
                    cs.append(c)
        edges = _p.Edges(len(nodes), np.array(us, dtype=np.int64), np.array(vs, dtype=np.int64), np.array(cs))
        labels, cost = local_search(edges, 2, seed=self.seed, restarts=self.restarts)
        ub = 2.0 * cost
        tri = _p.edge_triangles(edges)
        tlb = 2.0 * _p.triangle_packing_bound(edges, tri, k=2)
        if ub - tlb <= 1e-9 * max(1.0, ub):
            return _spins(nodes, labels), ub, ub, True
        rem = self.remaining()
        if not self.milp or (rem is not None and rem <= 0):
            return _spins(nodes, labels), ub, tlb, False
        labels, ub2, blb, opt = solve_block_milp(edges, tri, labels, time_limit=rem)
        return _spins(nodes, labels), ub2, max(blb, tlb), opt


def _spins(nodes: list[int], labels: np.ndarray) -> dict[int, int]:
    return {x: (1 if lab == 0 else -1) for x, lab in zip(nodes, labels.tolist(), strict=True)}


def _glue(results: list[dict[int, int]]) -> dict[int, int]:
    """Flip block solutions so they agree on cut vertices (blocks form a tree)."""
    owner: dict[int, list[int]] = {}
    for i, s in enumerate(results):
        for x in s:
            owner.setdefault(x, []).append(i)
    spins: dict[int, int] = {}
    done = [False] * len(results)
    for first in range(len(results)):
        if done[first]:
            continue
        done[first] = True
        spins.update(results[first])
        queue = deque([first])
        while queue:
            i = queue.popleft()
            for x in results[i]:
                for j in owner[x]:
                    if done[j]:
                        continue
                    done[j] = True
                    flip = results[j][x] * spins[x]
                    for y, spin in results[j].items():
                        spins[y] = spin * flip
                    queue.append(j)
    return spins


def _reconstruct(stack: list[tuple], spins: dict[int, int]) -> None:
    for entry in reversed(stack):
        if len(entry) == 1:
            spins[entry[0]] = 1
        elif len(entry) == 3:
            x, y, c = entry
            spins[x] = spins[y] * (1 if c > 0 else -1)
        else:
            x, a, ca, b, cb = entry
            sa = spins[a] * (1 if ca > 0 else -1)  # satisfies the tie to a
            sb = spins[b] * (1 if cb > 0 else -1)
            spins[x] = sa if (sa == sb or abs(ca) >= abs(cb)) else sb


def solve_block_milp(
    edges: _p.Edges,
    tri: np.ndarray,
    start: np.ndarray,
    *,
    time_limit: float | None = None,
) -> tuple[np.ndarray, float, float, bool]:
    """Aref et al.'s XOR programme with triangle inequalities, a warm start and one node fixed.

    Variables: x_i (binary, the camp of node i) and f_e in [0, 1] (tie e frustrated; it
    takes 0/1 values at an optimum once the x are binary, so it need not be declared
    integer). Rows: f_e >= |x_i - x_j| for positive ties, f_e >= |x_i + x_j - 1| for
    negative ones, f_a + f_b + f_c >= 1 for unbalanced triangles.

    Parameters
    ----------
    edges : Edges
        One block (no reductions are applied here).
    tri : numpy.ndarray
        Its :func:`~alliances.analysis.edge_triangles`.
    start : numpy.ndarray
        0/1 labels: the warm start, and the camp of the fixed node.
    time_limit : float, optional

    Returns
    -------
    labels : numpy.ndarray
    value : float
        Their index.
    lower_bound : float
    optimal : bool

    Examples
    --------
    >>> import numpy as np
    >>> from alliances.analysis import Edges, edge_triangles
    >>> triangle = Edges(3, np.array([0, 1, 0]), np.array([1, 2, 2]), np.array([1.0, 1.0, -1.0]))
    >>> labels, value, lb, optimal = solve_block_milp(triangle, edge_triangles(triangle), np.zeros(3, dtype=int))
    >>> value, lb, optimal
    (1.0, 1.0, True)

    References
    ----------
    .. [1] S. Aref, A. J. Mason, M. C. Wilson (2018) Computing the line index of balance
       using integer programming optimisation. In: Optimization Problems in Graph Theory.
    """
    _p.check_edges(edges)
    _p.check_labels(start, edges.n, name="start")
    _p.check_triangles(tri, edges)
    check_number(time_limit, "time_limit", low=0, optional=True)
    n, m = edges.n, edges.m
    neg, _ = edges.penalties(0.5)
    idx, val, lower = _xor_rows(edges, neg, tri)
    nrows = len(lower)
    deg = np.bincount(np.concatenate([edges.u, edges.v]), minlength=n)
    fixed = int(np.argmax(deg))
    col_lower = np.zeros(n + m)
    col_upper = np.ones(n + m)
    col_lower[fixed] = col_upper[fixed] = float(start[fixed])
    lp = row_wise_lp(
        np.concatenate([np.zeros(n), np.abs(edges.c)]),
        (col_lower, col_upper),
        (lower, np.full(nrows, np.inf)),
        (np.arange(0, 3 * nrows + 1, 3), idx.ravel(), val.ravel()),
        n,
    )
    same = start[edges.u] == start[edges.v]
    frus = np.where(neg, same, ~same).astype(float)
    run = solve_warm(lp, np.concatenate([start.astype(float), frus]), time_limit=time_limit)
    labels = start
    if run.x is not None and len(run.x) >= n:
        cand = (run.x[:n] > 0.5).astype(np.int64)
        if _p.partition_cost(edges, cand) <= _p.partition_cost(edges, start):
            labels = cand
    value = 2.0 * _p.partition_cost(edges, labels)
    optimal, lb = settle_milp(value, run)
    return labels, value, lb, optimal


def _xor_rows(edges: _p.Edges, neg: np.ndarray, tri: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The XOR programme's rows, three entries each: (column indices, values, lower bounds)."""
    n, m = edges.n, edges.m
    unb = tri[(neg[tri].sum(axis=1) % 2) == 1] if len(tri) else tri
    nrows = 2 * m + len(unb)
    fcol = n + np.arange(m)
    # row 2e:   f - x_u + x_v >= 0   (pos)   | f - x_u - x_v >= -1 (neg)
    # row 2e+1: f + x_u - x_v >= 0   (pos)   | f + x_u + x_v >= 1  (neg)
    idx = np.empty((nrows, 3), dtype=np.int64)
    val = np.empty((nrows, 3))
    idx[0 : 2 * m : 2] = np.stack([fcol, edges.u, edges.v], axis=1)
    idx[1 : 2 * m : 2] = idx[0 : 2 * m : 2]
    val[0 : 2 * m : 2] = np.stack([np.ones(m), -np.ones(m), np.where(neg, -1.0, 1.0)], axis=1)
    val[1 : 2 * m : 2] = np.stack([np.ones(m), np.ones(m), np.where(neg, 1.0, -1.0)], axis=1)
    lower = np.zeros(nrows)
    lower[0 : 2 * m : 2] = np.where(neg, -1.0, 0.0)
    lower[1 : 2 * m : 2] = np.where(neg, 1.0, 0.0)
    if len(unb):
        idx[2 * m :] = n + unb
        val[2 * m :] = 1.0
        lower[2 * m :] = 1.0
    return idx, val, lower
