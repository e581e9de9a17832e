"""Factions: the partition of a signed graph into k camps (Doreian & Mrvar 1996).

The criterion of a partition is ``alpha x (weight of negative ties inside camps) +
(1 - alpha) x (weight of positive ties between camps)``; the factions minimise it over
partitions into at most k camps, or into as many camps as lower it.

- k = 2: with alpha = 0.5 it is half the frustration index, and the exact solver of
  :mod:`alliances.analysis._frustration` (reductions, blocks, integer programming) is
  used with the ties re-weighted by alpha;
- k >= 3 (and k chosen): the reductions and blocks of :mod:`alliances.analysis._blocks`,
  then on each block the camp search of :mod:`alliances.analysis._camps` (starts from the
  components of the positive ties and the spectral start; actors moved, camps split
  and merged), a lower bound from triangles, and the camp-assignment programme
  (:func:`~alliances.analysis.assignment_milp`) wherever the block is small enough.
"""

from __future__ import annotations

import time
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from .._arguments import check_graph
from .._checks import check_bool, check_int, check_number
from .._numbers import json_number
from ..errors import ParameterError
from . import _partition as _p
from ._blocks import CampReduction, expand_camps, reduce_camps
from ._camps import camp_search
from ._frustration import AUTO_EXACT_MAX_EDGES, AUTO_TIME_LIMIT, REDUCE_MAX_EDGES, solve_exact
from ._milp import assignment_milp
from ._options import check_solver_options
from ._search import single_blas_thread

if TYPE_CHECKING:
    import networkx as nx

    from .._network import AllianceNetwork

__all__ = ["AUTO_EXACT_MAX_ASSIGN", "FactionsResult", "assignment_size", "factions"]

#: ``exact="auto"``: a block (after reductions) is solved by the k-camp programme when
#: :func:`assignment_size` is at most this. (k = 2 is exact up to ``AUTO_EXACT_MAX_EDGES``
#: signed ties, as the frustration index, and the exact solvers get ``AUTO_TIME_LIMIT``
#: seconds when no time limit is given.)
AUTO_EXACT_MAX_ASSIGN = 240

_TOL = 1e-9


@dataclass(frozen=True)
class _Solution:
    labels: np.ndarray
    value: float
    lower_bound: float
    optimal: bool
    method: str

    @property
    def camps(self) -> int:
        return len(np.unique(self.labels)) if len(self.labels) else 0


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
        used when it lowers the criterion; ``note`` says why camps were left empty).
    alpha : float
        The weight of negative ties inside camps; 1 - alpha weighs positive ties between.
    value : float
        The criterion of ``camps``.
    optimal : bool
        True when ``value`` is proven minimal over partitions into at most ``k_max`` camps
        (with k chosen: also that no number of camps scores lower).
    lower_bound : float
        The best proven lower bound (equal to ``value`` when optimal).
    gap : float or None
        ``(value - lower_bound) / value``; 0.0 when optimal; None when value is 0 unproven.
    method : str
        ``"exact"`` or ``"heuristic"``.
    k_max : int
        The k asked for, or the k chosen when ``k=None``: the fewest camps that reach
        the lowest criterion found for any number of camps.
    isolated : list
        Actors with no signed tie (they change no criterion).
    values_by_k : dict
        When k was chosen: the criterion found for each number of camps tried.
    note : str
        Why the result has the camps it has: with k chosen, that more camps do not lower
        the criterion (proven, or not found by the search); with k given, why camps were
        left empty ("" when all k are used).
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
    note: str = ""
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
            "note": self.note,
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
        The most camps allowed, at most the number of actors. None (default) chooses
        k: the fewest camps that reach the lowest criterion of any number of camps
        (more camps cannot lower it). The result's ``note`` says whether that is proven.
    alpha : float, optional
        Weight of negative ties inside camps, in [0, 1]; positive ties between camps
        weigh ``1 - alpha`` (signnet's ``alpha``; Doreian & Mrvar use 0.5).
    weighted : bool, optional
        Count ties by weight.
    exact : True, False or "auto", optional
        True: integer programming (HiGHS) on every block left by the reductions, proven
        optimal unless ``time_limit`` stops it. False: the camp search (actors moved,
        camps split and merged) with a lower bound from triangles that every partition
        must pay for. ``"auto"``: exact for k = 2 up to 3,000 ties, and for k >= 3 (or k
        chosen) on each block whose programme is small (:func:`assignment_size` at most
        240); a 20 s limit when none is given.
    time_limit : float, optional
        Seconds for the exact solver over all k tried.
    seed : int, optional
        Seed of the heuristic's random starts.

    Returns
    -------
    FactionsResult

    Raises
    ------
    ParameterError
        For ``k`` below 1 or above the number of actors, ``alpha`` outside [0, 1], or an
        ``exact`` that is not True, False or "auto".

    Notes
    -----
    Actors with no signed tie cost nothing wherever they go; they are put in the
    largest camp (so ``k`` camps cover every actor) and listed in ``isolated``.

    Camps of friends joined by enemies are found whatever their number: the search
    starts from the components of the positive ties, and merges and splits whole camps
    (moving one actor at a time cannot undo a merge of two cliques). For k >= 3 an actor
    with one tie, or two, is decided once its neighbours are, and the rest splits into
    biconnected blocks solved alone, exactly when small.

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
    >>> r.note
    'k chosen: 3 camps reach criterion 0, the least possible (2 camps: 0.5).'
    >>> factions(g, k=5).note
    '5 camps allowed, 3 used: 3 camps already reach criterion 0, so more could only be empty.'

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
    if k is not None and k > len(nodes):
        raise ParameterError(f"k = {k} asks for more camps than there are actors ({len(nodes)})")
    active, isolated, sub = _tied_and_isolated(nodes, edges)
    if time_limit is None and exact == "auto":
        time_limit = AUTO_TIME_LIMIT
    deadline = None if time_limit is None else t0 + float(time_limit)
    solver = _KSolver(sub, alpha=alpha, exact=exact, deadline=deadline, seed=seed)
    with single_blas_thread():
        sol, k_max, values, note = solver.choose(None if k is None else int(k))
    value, method = sol.value, sol.method
    camps = _camps([nodes[i] for i in active], sol.labels, isolated)
    lb, optimal, gap = _p.settle_bound(value, sol.lower_bound, sol.optimal)
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
        note=note,
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


def assignment_size(n: int, k: int) -> int:
    """Camp-membership variables of the k-camp programme on n actors (actor r may join camps 0..r).

    Parameters
    ----------
    n : int
        Actors of a block.
    k : int
        The most camps.

    Returns
    -------
    int
        What ``exact="auto"`` compares with ``AUTO_EXACT_MAX_ASSIGN``.

    Examples
    --------
    >>> assignment_size(80, 3), assignment_size(15, 15)
    (237, 120)
    """
    check_int(n, "n", low=0)
    check_int(k, "k", low=1)
    k = min(k, n)
    return k * (k + 1) // 2 + (n - k) * k


class _KSolver:
    """The best partition into at most k camps (None: any number), for each k asked, each solved once."""

    def __init__(
        self, edges: _p.Edges, *, alpha: float, exact: bool | str, deadline: float | None, seed: int
    ):
        self.edges = edges
        self.alpha = alpha
        self.exact = exact
        self.deadline = deadline
        self.seed = seed
        neg, pen = edges.penalties(alpha)
        keep = pen > 0
        # each tie as its cost when violated, sign kept: the solvers below minimise the sum of |c| violated
        self.scaled = _p.Edges(edges.n, edges.u[keep], edges.v[keep], np.where(neg, -pen, pen)[keep])
        self._solved: dict[int | None, _Solution] = {}
        self._reduction: CampReduction | None = None

    def remaining(self) -> float | None:
        return None if self.deadline is None else max(0.0, self.deadline - time.perf_counter())

    def value(self, labels: np.ndarray) -> float:
        return _p.partition_cost(self.edges, labels, self.alpha)

    def choose(self, k: int | None) -> tuple[_Solution, int, dict[int, float], str]:
        """The solution for at most ``k`` camps, or for the k chosen when None; that k; the
        criterion for each k tried; the note that says why the camps are as many as they are."""
        if k is not None:
            sol = self.solve(k)
            return sol, k, {}, self._explicit_note(k, sol)
        unb = self.solve(None)
        for _ in range(3):
            kk = max(1, unb.camps)
            cur = self.solve(kk)
            if cur.value >= unb.value - _TOL * max(1.0, unb.value):
                break
            del self._solved[None]  # a search for kk camps beat the open search: search again from it
            unb = self.solve(None)
        values = {kk: cur.value}
        while kk > 1:
            fewer = self.probe(kk - 1, cur.value)
            values[kk - 1] = fewer.value
            if fewer.value > cur.value + _TOL * max(1.0, cur.value):
                break
            kk, cur = kk - 1, fewer
        proven = cur.value <= _TOL or (unb.optimal and cur.value <= unb.value + _TOL * max(1.0, unb.value))
        lb = min(cur.lower_bound, unb.lower_bound) if not proven else cur.value
        sol = _Solution(cur.labels, cur.value, lb, cur.optimal and proven, cur.method)
        return sol, kk, values, _auto_note(kk, values, cur.value, proven)

    def solve(self, k: int | None) -> _Solution:
        """The best partition into at most k camps (None: any number), each k solved once."""
        if k not in self._solved:
            self._solved[k] = self._solve(k)
        return self._solved[k]

    def probe(self, k: int, target: float) -> _Solution:
        """Can at most ``k`` camps reach ``target``? A partition that does, or the best found.

        The camp search first; when it falls short and the whole programme is small
        enough (or ``exact=True``), HiGHS looks only for partitions below the target,
        which settles the question far sooner than an optimum would.
        """
        if k in self._solved:
            return self._solved[k]
        sol = self._solve(k, milp=False)
        tol = _TOL * max(1.0, target)
        use = self.exact is True or (self.exact == "auto" and assignment_size(self.edges.n, k) <= AUTO_EXACT_MAX_ASSIGN)
        rem = self.remaining()
        if sol.value > target + tol and use and (rem is None or rem > 0):
            labels = sol.labels
            tri = _p.edge_triangles(self.scaled)
            found, half, half_lb, _ = assignment_milp(self.scaled, k, 0.5, tri, _fit(labels, k), time_limit=rem,
                                                      cutoff=(target + tol) / 2.0)
            if 2.0 * half <= target + tol:
                sol = _Solution(found, self.value(found), sol.lower_bound, False, "exact")
            else:
                sol = _Solution(sol.labels, sol.value, max(sol.lower_bound, 2.0 * half_lb), False, "exact")
        self._solved[k] = sol
        return sol

    def _solve(self, k: int | None, milp: bool = True) -> _Solution:
        e = self.scaled
        if e.n == 0 or e.m == 0 or k == 1:
            labels = np.zeros(e.n, dtype=np.int64)
            value = self.value(labels)
            return _Solution(labels, value, value, True, "exact")
        if k == 2:
            return self._two_camps(milp)
        red = self._reduction = self._reduction or reduce_camps(e)
        starts = [s.labels for s in self._solved.values()]
        block_labels, lb, optimal, exact = [], red.const, True, self.exact is not False
        for nodes, block in red.blocks:
            labels, block_lb, block_optimal, block_exact = self._solve_block(block, k, [s[nodes] for s in starts],
                                                                             milp)
            block_labels.append(labels)
            lb += block_lb
            optimal &= block_optimal
            exact &= block_exact
        labels = expand_camps(red, block_labels)
        return _Solution(labels, self.value(labels), lb, optimal, "exact" if exact else "heuristic")

    def _two_camps(self, milp: bool) -> _Solution:
        """Two camps: a frustration index of the ties re-weighted by alpha (reductions, blocks, programme)."""
        e = self.scaled
        exact = milp and (self.exact is True or (self.exact == "auto" and e.m <= AUTO_EXACT_MAX_EDGES))
        if exact or e.m <= REDUCE_MAX_EDGES:
            labels, lb, optimal = solve_exact(e, time_limit=self.remaining(), seed=self.seed, milp=exact)
            return _Solution(labels, self.value(labels), lb, optimal, "exact" if exact else "heuristic")
        starts = [s.labels for s in self._solved.values()]
        labels, _ = camp_search(e, 2, seed=self.seed, starts=starts)
        lb = 2.0 * _p.triangle_packing_bound(e, _p.edge_triangles(e), k=2)
        value = self.value(labels)
        return _Solution(labels, value, lb, value - lb <= _TOL * max(1.0, value), "heuristic")

    def _solve_block(
        self, block: _p.Edges, k: int | None, starts: list[np.ndarray], milp: bool
    ) -> tuple[np.ndarray, float, bool, bool]:
        """One block: its camps, a lower bound, whether proven, whether within the exact solver's reach.

        The camp search first (stopping at the triangle bound); the k-camp programme when
        the bound is not met and the block is small enough (or ``exact=True``).
        """
        kb = block.n if k is None else min(k, block.n)
        tri = _p.edge_triangles(block)
        lb = 2.0 * _p.triangle_packing_bound(block, tri, k=3)
        labels, half = camp_search(block, None if k is None else kb, seed=self.seed, starts=starts,
                                   target=lb / 2.0)
        value = 2.0 * half
        if value - lb <= _TOL * max(1.0, value):
            return labels, value, True, True
        use = self.exact is True or (self.exact == "auto" and assignment_size(block.n, kb) <= AUTO_EXACT_MAX_ASSIGN)
        rem = self.remaining()
        if not (use and milp) or (rem is not None and rem <= 0):
            return labels, lb, False, use
        labels, _, half_lb, optimal = assignment_milp(block, kb, 0.5, tri, labels, time_limit=rem)
        return labels, max(lb, 2.0 * half_lb), optimal, True

    def _explicit_note(self, k: int, sol: _Solution) -> str:
        """Why fewer than ``k`` camps are used ("" when all are)."""
        n_tied = self.edges.n
        used = max(1, sol.camps)
        if used >= k:
            return ""
        head = f"{k} camps allowed, {used} used: "
        if n_tied == 0:
            return head + "no actor has a signed tie."
        if n_tied < k and used == n_tied:
            return head + f"only {n_tied} actors have signed ties."
        if sol.value <= _TOL:
            return head + f"{_camps_word(used)} already reach{'es' if used == 1 else ''} criterion 0, so more could only be empty."
        if sol.optimal:
            return head + "no partition into more camps has a lower criterion (proven)."
        return head + ("splitting a camp or moving actors into an empty one did not lower the criterion "
                       "(not proven).")


def _fit(labels: np.ndarray, k: int) -> np.ndarray:
    """Labels numbered ``0..c-1``, folded into ``0..k-1`` (a start for a programme with k camps)."""
    _, compact = np.unique(labels, return_inverse=True)
    return compact.ravel().astype(np.int64) % k


def _camps_word(n: int) -> str:
    return f"{n} camp" + ("" if n == 1 else "s")


def _fmt(x: float) -> str:
    return f"{x:g}" if float(x).is_integer() else f"{x:.4g}"


def _auto_note(k: int, values: dict[int, float], value: float, proven: bool) -> str:
    """What ``k=None`` says: the k chosen, that more camps do not lower the criterion, and what fewer cost."""
    fewer = f"{_camps_word(k - 1)}: {_fmt(values[k - 1])}" if k - 1 in values else ""
    if value <= _TOL:
        return (f"k chosen: {_camps_word(k)} reach{'es' if k == 1 else ''} criterion 0, the least possible"
                + (f" ({fewer})" if fewer else "") + ".")
    how = "(proven)" if proven else ("(none found by splitting camps, merging them or moving actors into new "
                                     "ones; not proven)")
    return (f"k chosen: {_camps_word(k)}, criterion {_fmt(value)}; more camps cannot lower it {how}"
            + (f"; {fewer}" if fewer else "") + ".")
