"""Factions: the partition of a signed graph into k camps (Doreian & Mrvar 1996).

The criterion of a partition is ``alpha x (weight of negative ties inside camps) +
(1 - alpha) x (weight of positive ties between camps)``; the factions minimise it over
partitions into at most k camps. With k = 2 and alpha = 0.5 it is half the frustration
index, and the exact solver of :mod:`alliances.analysis._frustration` (reductions, blocks,
integer programming) is used with the ties re-weighted by alpha; for k >= 3 a
camp-assignment binary programme is solved by HiGHS, warm-started by the relocation
heuristic of Doreian & Mrvar (single-node moves from many starts).
"""

from __future__ import annotations

import time
from collections.abc import Hashable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np

from .._arguments import check_graph
from .._checks import check_bool, check_int, check_number
from .._numbers import json_number
from . import _partition as _p
from ._frustration import AUTO_EXACT_MAX_EDGES, AUTO_TIME_LIMIT, REDUCE_MAX_EDGES, solve_exact
from ._milp import row_wise_lp, settle_milp, solve_warm
from ._options import check_solver_options

if TYPE_CHECKING:
    import networkx as nx

    from .._network import AllianceNetwork

__all__ = ["AUTO_EXACT_MAX_ASSIGN", "MAX_AUTO_K", "FactionsResult", "factions"]

#: ``k=None`` tries k = 1, 2, ... up to this many camps.
MAX_AUTO_K = 8
#: ``exact="auto"``: k >= 3 is exact when (tied actors) x k is at most this. (k <= 2 is
#: exact up to ``AUTO_EXACT_MAX_EDGES`` signed ties, as the frustration index, and the
#: exact solver gets ``AUTO_TIME_LIMIT`` seconds when no time limit is given.)
AUTO_EXACT_MAX_ASSIGN = 240

_Solution = tuple[np.ndarray, float, float, bool, str]


@dataclass(frozen=True)
class FactionsResult:
    """The best partition found into at most k camps, and how good it is.

    Attributes
    ----------
    camps : list of list
        The non-empty camps, each sorted, the larger first (ties: by first id as text).
        Actors without signed ties are in the largest camp (they are also listed in
        ``isolated``).
    k : int
        The number of camps returned (at most the k asked for: an extra camp is only
        used when it lowers the criterion).
    alpha : float
        The weight of negative ties inside camps; 1 - alpha weighs positive ties between.
    value : float
        The criterion of ``camps``.
    optimal : bool
        True when ``value`` is proven minimal over partitions into at most ``k_max`` camps.
    lower_bound : float
        The best proven lower bound (equal to ``value`` when optimal).
    gap : float or None
        ``(value - lower_bound) / value``; 0.0 when optimal; None when value is 0 unproven.
    method : str
        ``"exact"`` or ``"heuristic"``.
    k_max : int
        The k asked for, or the k chosen when ``k=None``.
    isolated : list
        Actors with no signed tie (they change no criterion).
    values_by_k : dict
        When k was chosen: the criterion found for each k tried.
    weighted : bool
        Whether ties count by weight.
    seconds : float
        Wall time.

    Examples
    --------
    >>> import alliances
    >>> r = alliances.factions(alliances.load("seeds/syria_2017.yaml"))
    >>> r.camps
    [['assad', 'hezbollah', 'iran', 'russia', 'shiite_militias'], ['syrian_rebels', 'us_coalition'], ['islamic_state']]
    >>> r.k, r.value, r.optimal
    (3, 0.0, True)
    """

    camps: list[list]
    k: int
    alpha: float
    value: float
    optimal: bool
    lower_bound: float
    gap: float | None
    method: str
    k_max: int = 0
    isolated: list = field(default_factory=list)
    values_by_k: dict[int, float] = field(default_factory=dict)
    weighted: bool = False
    seconds: float = field(default=0.0, compare=False)

    def camp_of(self) -> dict[Hashable, int]:
        """Each actor's camp index (0 is the largest camp).

        Examples
        --------
        >>> import networkx as nx
        >>> g = nx.Graph([("a", "b", {"sign": 1}), ("b", "c", {"sign": -1})])
        >>> factions(g, k=2).camp_of()
        {'a': 0, 'b': 0, 'c': 1}
        """
        return {x: i for i, camp in enumerate(self.camps) for x in camp}

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (camps as lists, None for a missing gap)."""
        return {
            "camps": [list(c) for c in self.camps],
            "k": self.k,
            "k_max": self.k_max,
            "alpha": self.alpha,
            "value": json_number(self.value),
            "optimal": self.optimal,
            "lower_bound": json_number(self.lower_bound),
            "gap": json_number(self.gap),
            "method": self.method,
            "isolated": list(self.isolated),
            "values_by_k": {str(k): json_number(v) for k, v in sorted(self.values_by_k.items())},
            "weighted": self.weighted,
            "seconds": json_number(self.seconds),
        }


def factions(
    G: AllianceNetwork | nx.Graph,
    *,
    k: int | None = None,
    alpha: float = 0.5,
    weighted: bool = False,
    exact: bool | str = "auto",
    time_limit: float | None = None,
    seed: int = 0,
) -> FactionsResult:
    """Split the actors into at most k camps, minimising negative ties inside and positive between.

    Parameters
    ----------
    G : AllianceNetwork or networkx.Graph
        A network, or a graph whose edges carry ``sign`` (or a signed ``weight``).
        Ties of sign 0 (neutral, ambivalent) are ignored.
    k : int, optional
        The most camps allowed. None (default) chooses k: the smallest k for which
        allowing k + 1 camps does not lower the criterion, trying k = 1, 2, ... up to
        ``MAX_AUTO_K`` (8) or the number of tied actors.
    alpha : float, optional
        Weight of negative ties inside camps, in [0, 1]; positive ties between camps
        weigh ``1 - alpha`` (signnet's ``alpha``; Doreian & Mrvar use 0.5).
    weighted : bool, optional
        Count ties by weight.
    exact : True, False or "auto", optional
        True: integer programming (HiGHS), proven optimal unless ``time_limit`` stops it.
        False: relocation local search with a lower bound from triangles that every
        partition must pay for. ``"auto"``: exact for k <= 2 up to 3,000 ties, and for
        k >= 3 when tied actors x k <= 240; a 20 s limit when none is given.
    time_limit : float, optional
        Seconds for the exact solver over all k tried.
    seed : int, optional
        Seed of the heuristic's random starts.

    Returns
    -------
    FactionsResult

    Notes
    -----
    Actors with no signed tie cost nothing wherever they go; they are put in the
    largest camp (so ``k`` camps cover every actor) and listed in ``isolated``.

    Each undirected tie counts once. R's signnet (``signed_blockmodel``) counts each tie
    once per adjacency-matrix entry, so its criterion is twice this one: for Read's
    Highland tribes with k = 3 it reports 2 for the partition found here with value 1.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.Graph()
    >>> g.add_edges_from([(1, 2), (3, 4), (5, 6)], sign=1)
    >>> g.add_edges_from([(1, 3), (1, 5), (3, 5), (2, 4)], sign=-1)
    >>> r = factions(g)
    >>> r.camps, r.value, r.optimal
    ([[1, 2], [3, 4], [5, 6]], 0.0, True)

    References
    ----------
    .. [1] P. Doreian, A. Mrvar (1996) A partitioning approach to structural balance.
       Social Networks 18, 149-168.
    .. [2] S. Aref, A. J. Mason, M. C. Wilson (2020) An exact method for computing the
       frustration index in signed networks using binary programming. Networks 75.
    """
    check_graph(G)
    check_bool(weighted, "weighted")
    check_solver_options(exact, time_limit, seed)
    _check_options(k, alpha)
    t0 = time.perf_counter()
    alpha = float(alpha)
    nodes, edges = _p.edges_of(G, weighted=weighted)
    active, isolated, sub = _tied_and_isolated(nodes, edges)
    if time_limit is None and exact == "auto":
        time_limit = AUTO_TIME_LIMIT
    deadline = None if time_limit is None else t0 + float(time_limit)
    solver = _KSolver(sub, alpha=alpha, exact=exact, deadline=deadline, seed=seed)
    # n tied actors fill at most n camps: k > n is solved as k = n (the same optimum), reported as k
    (labels, value, lb, optimal, method), k_max, values = solver.choose(None if k is None else min(k, max(1, sub.n)))
    k_max = k_max if k is None else int(k)
    camps = _camps([nodes[i] for i in active], labels, isolated)
    lb, optimal, gap = _p.settle_bound(value, lb, optimal)
    return FactionsResult(
        camps=camps,
        k=len(camps),
        alpha=alpha,
        value=float(value),
        optimal=bool(optimal),
        lower_bound=float(lb),
        gap=gap,
        method=method,
        k_max=k_max,
        isolated=_p.order_camps([isolated])[0] if isolated else [],
        values_by_k=values,
        weighted=weighted,
        seconds=time.perf_counter() - t0,
    )


def _check_options(k: int | None, alpha: float) -> None:
    check_number(alpha, "alpha", low=0, high=1)
    check_int(k, "k", low=1, optional=True)


def _tied_and_isolated(nodes: list[Hashable], edges: _p.Edges) -> tuple[np.ndarray, list[Hashable], _p.Edges]:
    """Indices of the nodes with a signed tie, the ids of those without, and the ties renumbered on the first."""
    deg = np.bincount(np.concatenate([edges.u, edges.v]), minlength=edges.n)
    active = np.flatnonzero(deg > 0)
    remap = np.full(edges.n, -1, dtype=np.int64)
    remap[active] = np.arange(len(active))
    sub = _p.Edges(len(active), remap[edges.u], remap[edges.v], edges.c)
    return active, [nodes[i] for i in np.flatnonzero(deg == 0)], sub


def _camps(tied: list[Hashable], labels: np.ndarray, isolated: list[Hashable]) -> list[list[Any]]:
    """The non-empty camps of the tied actors (``labels``), the isolated ones in the largest."""
    found = [[tied[i] for i in np.flatnonzero(labels == c)] for c in np.unique(labels)] if tied else []
    camps = _p.order_camps([c for c in found if c])
    if not isolated:
        return camps
    if not camps:
        return _p.order_camps([isolated])
    camps[0] = camps[0] + isolated
    return _p.order_camps(camps)


class _KSolver:
    """The best partition into at most k camps, for each k asked, each solved once."""

    def __init__(
        self, edges: _p.Edges, *, alpha: float, exact: bool | str, deadline: float | None, seed: int
    ):
        self.edges = edges
        self.alpha = alpha
        self.exact = exact
        self.deadline = deadline
        self.seed = seed
        self._solved: dict[int, _Solution] = {}

    @cached_property
    def tri(self) -> np.ndarray:
        return _p.edge_triangles(self.edges)

    def remaining(self) -> float | None:
        return None if self.deadline is None else max(0.0, self.deadline - time.perf_counter())

    def use_exact(self, k: int) -> bool:
        if self.exact != "auto":
            return bool(self.exact)
        if k <= 2:
            return self.edges.m <= AUTO_EXACT_MAX_EDGES
        return self.edges.n * k <= AUTO_EXACT_MAX_ASSIGN

    def choose(self, k: int | None) -> tuple[_Solution, int, dict[int, float]]:
        """The solution for ``k`` camps, or for the k chosen when None; that k; the criterion per k tried.

        k chosen: the smallest k for which allowing k + 1 camps does not lower the
        criterion, up to ``MAX_AUTO_K`` or the number of tied actors.
        """
        if k is not None:
            return self.solve(int(k)), int(k), {}
        cap = max(1, min(MAX_AUTO_K, self.edges.n))
        best = self.solve(1)
        values = {1: best[1]}
        k_max = 1
        for kk in range(2, cap + 1):
            if best[1] <= 1e-12:
                break
            cur = self.solve(kk)
            values[kk] = cur[1]
            if cur[1] >= best[1] - 1e-9 * max(1.0, best[1]):
                break
            best, k_max = cur, kk
        return best, k_max, values

    def solve(self, k: int) -> _Solution:
        """Labels, criterion, lower bound, optimality and method for at most k camps (each k solved once)."""
        if k not in self._solved:
            self._solved[k] = self._solve(k)
        return self._solved[k]

    def _solve(self, k: int) -> _Solution:
        e, alpha = self.edges, self.alpha
        if k == 1 or e.m == 0:
            labels = np.zeros(e.n, dtype=np.int64)
            value = _p.partition_cost(e, labels, alpha)
            return labels, value, value, True, "exact"
        exact = self.use_exact(k)
        if k == 2 and (exact or e.m <= REDUCE_MAX_EDGES):
            # two camps: a frustration index with ties re-weighted by alpha
            neg, pen = e.penalties(alpha)
            keep = pen > 0
            scaled = _p.Edges(e.n, e.u[keep], e.v[keep], np.where(neg, -pen, pen)[keep])
            labels, lb, optimal = solve_exact(scaled, time_limit=self.remaining(), seed=self.seed, milp=exact)
            return labels, _p.partition_cost(e, labels, alpha), lb, optimal, "exact" if exact else "heuristic"
        # the best split into at most k - 1 camps is a start (so more camps never score worse)
        start = self.solve(k - 1)[0]
        labels, value = _p.local_search(e, k, alpha=alpha, seed=self.seed, start=start)
        lb = _p.triangle_packing_bound(e, self.tri, alpha=alpha, k=k)
        if not exact or value - lb <= 1e-9 * max(1.0, value):
            return labels, value, lb, value - lb <= 1e-9 * max(1.0, value), "exact" if exact else "heuristic"
        rem = self.remaining()
        if rem is not None and rem <= 0:
            return labels, value, lb, False, "exact"
        labels2, value2, lb2, optimal = _assignment_milp(e, k, alpha, self.tri, labels, time_limit=rem)
        return labels2, value2, max(lb, lb2), optimal, "exact"


def _assignment_milp(
    e: _p.Edges, k: int, alpha: float, tri: np.ndarray, start: np.ndarray, *, time_limit: float | None
) -> tuple[np.ndarray, float, float, bool]:
    """At most k camps by binary programming: x[i, c] camp membership, s/t tie indicators.

    Rows: sum_c x[i, c] = 1; a negative tie (i, j) pays s >= x[i, c] + x[j, c] - 1 for
    every c; a positive tie pays t >= x[i, c] - x[j, c] for every c; a triangle with one
    negative tie pays for at least one of its ties. Node r (in order of falling degree)
    may only use camps 0..r, which removes the camp-relabelling symmetry.
    """
    n, m = e.n, e.m
    neg, pen = e.penalties(alpha)
    pos_of, start = _symmetry_order(e, start)
    rows, lower, upper = _assignment_rows(e, k, neg, tri)
    ncols = n * k + m
    col_upper = np.ones(ncols)
    for c in range(1, k):
        col_upper[np.flatnonzero(pos_of < c) * k + c] = 0.0
    lp = row_wise_lp(np.concatenate([np.zeros(n * k), pen]), (np.zeros(ncols), col_upper), (lower, upper), rows,
                     n * k)
    x0 = np.zeros(n * k)
    x0[np.arange(n) * k + start] = 1.0
    same = start[e.u] == start[e.v]
    ind = np.where(neg, same, ~same).astype(float)
    run = solve_warm(lp, np.concatenate([x0, ind]), time_limit=time_limit)
    labels = start
    if run.x is not None:
        cand = run.x[: n * k].reshape(n, k).argmax(axis=1).astype(np.int64)
        if _p.partition_cost(e, cand, alpha) <= _p.partition_cost(e, start, alpha):
            labels = cand
    value = _p.partition_cost(e, labels, alpha)
    optimal, lb = settle_milp(value, run)
    return labels, value, lb, optimal


def _symmetry_order(e: _p.Edges, start: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each node's position by falling degree, and ``start`` relabelled so camps appear in that order."""
    n = e.n
    deg = np.bincount(np.concatenate([e.u, e.v]), minlength=n)
    order = np.lexsort((np.arange(n), -deg))
    pos_of = np.empty(n, dtype=np.int64)
    pos_of[order] = np.arange(n)
    # relabel the start so camps appear in node order (respects the symmetry rows)
    relabel: dict[int, int] = {}
    for i in order.tolist():
        relabel.setdefault(int(start[i]), len(relabel))
    return pos_of, np.array([relabel[int(c)] for c in start], dtype=np.int64)


def _assignment_rows(
    e: _p.Edges, k: int, neg: np.ndarray, tri: np.ndarray
) -> tuple[tuple[np.ndarray, np.ndarray, np.ndarray], np.ndarray, np.ndarray]:
    """The assignment programme's rows: (starts, column indices, values), lower and upper bounds."""
    n, m = e.n, e.m
    idx = [(np.arange(n)[:, None] * k + np.arange(k)[None, :]).ravel()]  # assignment rows
    val = [np.ones(n * k)]
    lo = [np.ones(n)]
    hi = [np.ones(n)]
    row_len = [np.full(n, k)]
    ecol = n * k + np.arange(m)
    for c in range(k):
        ii, jj = e.u * k + c, e.v * k + c
        # negative: s - x[i,c] - x[j,c] >= -1; positive: t - x[i,c] + x[j,c] >= 0
        idx.append(np.stack([ecol, ii, jj], axis=1).ravel())
        val.append(np.stack([np.ones(m), -np.ones(m), np.where(neg, -1.0, 1.0)], axis=1).ravel())
        lo.append(np.where(neg, -1.0, 0.0))
        hi.append(np.full(m, np.inf))
        row_len.append(np.full(m, 3))
    one_neg = tri[neg[tri].sum(axis=1) == 1] if len(tri) else tri
    if len(one_neg):
        idx.append((n * k + one_neg).ravel())
        val.append(np.ones(one_neg.size))
        lo.append(np.ones(len(one_neg)))
        hi.append(np.full(len(one_neg), np.inf))
        row_len.append(np.full(len(one_neg), 3))
    starts = np.concatenate([[0], np.cumsum(np.concatenate(row_len))])
    return (starts, np.concatenate(idx), np.concatenate(val)), np.concatenate(lo), np.concatenate(hi)
