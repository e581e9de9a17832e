"""Whole camps moved: the search for partitions into many camps (private).

Moving one actor at a time cannot undo a wrong merge of two cliques: each member of a
merged clique has more friends inside it than enemies, so every single move costs more
than it saves. :func:`camp_search` adds moves of whole camps to the relocation search of
:mod:`alliances.analysis._search`:

- **merge** two camps when the positive ties between them outweigh the negative ones
  (and the cheapest merges when there are more camps than allowed);
- **split** a camp in two by solving the two-camp problem on its own ties, exactly when
  it is small (:func:`~alliances.analysis.solve_exact`), by local search otherwise: only
  ties inside the camp change state, so the best split of a camp is a frustration
  problem of its own;
- **move** single actors, a camp no one holds yet included when more camps are allowed.

Starts: the components of the positive-tie graph (each a camp: planted camps joined
only by negative ties are found at once), the camps handed in, the spectral start, and
random camps; then the best is perturbed (actors relabelled, or two camps merged so the
search can split them differently) and improved again.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import numpy as np

from .._checks import check_int, check_items, check_number, check_seed
from ._frustration import solve_exact
from ._partition import Edges, check_edges, check_labels, partition_cost
from ._search import PERTURB, local_search, relocate, spectral_start

if TYPE_CHECKING:
    import scipy.sparse as sp

__all__ = ["SPLIT_EXACT_MAX_EDGES", "camp_search", "positive_components"]

#: A camp with at most this many ties inside is split by the exact two-camp solver.
SPLIT_EXACT_MAX_EDGES = 300

_EPS = 1e-9
_HOOK_ROUNDS = 64  # rounds of hooking before positive_components hands over to scipy


def positive_components(edges: Edges) -> np.ndarray:
    """Each actor's component in the graph of positive ties (actors without one alone).

    Parameters
    ----------
    edges : Edges

    Returns
    -------
    numpy.ndarray
        Component numbers ``0..c-1``.

    Examples
    --------
    >>> import numpy as np
    >>> e = Edges(4, np.array([0, 1, 2]), np.array([1, 2, 3]), np.array([1.0, -1.0, 1.0]))
    >>> positive_components(e).tolist()
    [0, 0, 1, 1]
    """
    check_edges(edges)
    pos = edges.c > 0
    u, v = edges.u[pos], edges.v[pos]
    # each actor points to a smaller one of its component (hooking), then to the smallest
    # (pointer jumping), until every positive tie joins two actors with the same root: a
    # handful of rounds for any real network, and no scipy.sparse.csgraph to import (a
    # tenth of a second, a quarter of a small diagram's time)
    root = np.arange(edges.n)
    for _ in range(_HOOK_ROUNDS):
        ru, rv = root[u], root[v]
        if (ru == rv).all():
            # the roots are each component's smallest actor: numbered in that order, as
            # scipy's connected_components numbers them
            return np.unique(root, return_inverse=True)[1].astype(np.int64).reshape(-1)
        low = np.minimum(ru, rv)
        np.minimum.at(root, ru, low)
        np.minimum.at(root, rv, low)
        while True:
            up = root[root]
            if (up == root).all():
                break
            root = up
    import scipy.sparse as sp
    from scipy.sparse.csgraph import connected_components  # a pathological chain of hooks

    A = sp.csr_array((np.ones(len(u)), (u, v)), shape=(edges.n, edges.n))
    return connected_components(A, directed=False)[1].astype(np.int64)


def camp_search(
    edges: Edges,
    k: int | None,
    *,
    alpha: float = 0.5,
    seed: int = 0,
    starts: list[np.ndarray] | None = None,
    rounds: int | None = None,
    target: float = 0.0,
    time_budget: float | None = None,
) -> tuple[np.ndarray, float]:
    """Best camps found in at most ``k`` camps (any number when None) by actor and camp moves.

    Parameters
    ----------
    edges : Edges
    k : int or None
        The most camps; None: as many as lower the criterion.
    alpha : float, default 0.5
        Weight of negative ties inside camps (:func:`~alliances.analysis.partition_cost`).
    seed : int, default 0
    starts : list of numpy.ndarray, optional
        Camps to start from besides the positive components, the spectral start and
        random camps (more camps than ``k`` are merged first).
    rounds : int, optional
        Perturbations of the best after the starts (default by size: 20 up to 5,000
        ties, 6 up to 100,000, 2 above).
    target : float, default 0
        Stop as soon as the criterion reaches this (a proven lower bound).
    time_budget : float, optional
        Seconds; the search stops after the round that exceeds it.

    Returns
    -------
    labels : numpy.ndarray
        Camps numbered ``0..c-1``.
    cost : float
        Their criterion.

    Examples
    --------
    >>> import numpy as np
    >>> # three cliques of three, every pair of cliques joined by one negative tie
    >>> u = [0, 0, 1, 3, 3, 4, 6, 6, 7, 0, 3, 6]
    >>> v = [1, 2, 2, 4, 5, 5, 7, 8, 8, 3, 6, 1]
    >>> c = [1.0] * 9 + [-1.0] * 3
    >>> labels, cost = camp_search(Edges(9, np.array(u), np.array(v), np.array(c)), None)
    >>> labels.tolist(), cost
    ([0, 0, 0, 1, 1, 1, 2, 2, 2], 0.0)

    References
    ----------
    .. [1] P. Doreian, A. Mrvar (1996) A partitioning approach to structural balance.
       Social Networks 18, 149-168.
    """
    check_edges(edges)
    check_int(k, "k", low=1, high=max(edges.n, 16), optional=True)
    check_number(alpha, "alpha", low=0, high=1)
    check_seed(seed)
    more = check_items(starts or (), "starts", lambda s, name: check_labels(s, edges.n, name=name),
                         item="each start")
    check_int(rounds, "rounds", low=0, high=10_000, optional=True)
    check_number(target, "target")
    check_number(time_budget, "time_budget", low=0, optional=True)
    if edges.n == 0:
        return np.zeros(0, dtype=np.int64), 0.0
    search = _CampSearch(edges, k, alpha, seed, target)
    t0 = time.perf_counter()
    if rounds is None:
        rounds = 20 if edges.m <= 5_000 else (6 if edges.m <= 100_000 else 2)
    found = [positive_components(edges), *more]
    for lab in found:
        if search.offer(search.improve(lab)):
            return search.result()
    kk = k if k is not None else max(2, _count(search.best))
    for lab in (spectral_start(edges, min(kk, edges.n), seed=seed), search.rng.integers(0, kk, edges.n)):
        if search.offer(search.improve(lab)) or _late(t0, time_budget):
            return search.result()
    for r in range(rounds):
        if search.offer(search.improve(search.perturb(r))) or _late(t0, time_budget):
            break
    return search.result()


def _late(t0: float, budget: float | None) -> bool:
    return budget is not None and time.perf_counter() - t0 > budget


def _compact(labels: np.ndarray) -> tuple[np.ndarray, int]:
    """Camps renumbered ``0..c-1`` in order of first appearance (stable under relabelling)."""
    _, first, inverse = np.unique(labels, return_index=True, return_inverse=True)
    rank = np.empty(len(first), dtype=np.int64)
    rank[np.argsort(first, kind="stable")] = np.arange(len(first))
    return rank[inverse.ravel()], len(first)


def _count(labels: np.ndarray | None) -> int:
    return 0 if labels is None else len(np.unique(labels))


class _CampSearch:
    """The state of one search: the penalty matrices, the best camps so far, the split cache."""

    def __init__(self, edges: Edges, k: int | None, alpha: float, seed: int, target: float):
        import scipy.sparse as sp  # ~0.2 s to import: only when a search runs, not with the package

        self.edges, self.k, self.alpha, self.seed, self.target = edges, k, alpha, seed, target
        self.rng = np.random.default_rng(seed)
        n = edges.n
        neg, pen = edges.penalties(alpha)
        rows, cols = np.concatenate([edges.u, edges.v]), np.concatenate([edges.v, edges.u])
        signed = np.concatenate([np.where(neg, pen, -pen)] * 2)
        # D[i, j] > 0: merging i's and j's camps makes negative ties inside; < 0: positive ties satisfied
        self.D = sp.csr_array((signed, (rows, cols)), shape=(n, n))
        self.best: np.ndarray | None = None
        self.best_cost = np.inf
        self._splits: dict[bytes, tuple[float, np.ndarray | None]] = {}

    def cost(self, labels: np.ndarray) -> float:
        return partition_cost(self.edges, labels, self.alpha)

    def offer(self, labels: np.ndarray) -> bool:
        """Keep ``labels`` when better than the best; True when the target is reached."""
        cost = self.cost(labels)
        if cost < self.best_cost - _EPS * max(1.0, cost):
            self.best, self.best_cost = labels, cost
        return self.best_cost <= self.target + _EPS * max(1.0, self.best_cost)

    def result(self) -> tuple[np.ndarray, float]:
        assert self.best is not None
        return _compact(self.best)[0], float(self.best_cost)

    def improve(self, labels: np.ndarray) -> np.ndarray:
        """Merges, splits and actor moves until none lowers the criterion."""
        labels = self.merge(_compact(np.asarray(labels, dtype=np.int64))[0])
        prev = np.inf
        for _ in range(100):
            c = _count(labels)
            room = self.k is None or c < self.k
            labels = _compact(relocate(self.edges, labels, c + 1 if room else c, alpha=self.alpha,
                                       seed=self.seed))[0]
            labels = self.merge(labels)
            if self.k is None or _count(labels) < self.k:
                labels = self.split(labels)
            cost = self.cost(labels)
            if cost >= prev - _EPS * max(1.0, cost):
                break
            prev = cost
        return labels

    def merge(self, labels: np.ndarray) -> np.ndarray:
        """Merge camps while a merge lowers the criterion, and the cheapest while there are too many."""
        while True:
            labels, c = _compact(labels)
            if c <= 1:
                return labels
            import scipy.sparse as sp

            H = sp.csr_array((np.ones(len(labels)), (np.arange(len(labels)), labels)), shape=(len(labels), c))
            between = sp.triu(H.T @ self.D @ H, k=1).tocoo()
            need = 0 if self.k is None else c - self.k
            pairs = _cheapest_pairs(between, c, need, np.bincount(labels, minlength=c))
            if not pairs:
                return labels
            target = np.arange(c)
            for i, j in pairs:
                target[j] = i
            labels = target[labels]

    def split(self, labels: np.ndarray) -> np.ndarray:
        """Split camps in two where that lowers the criterion, best gains first, up to ``k`` camps."""
        labels, c = _compact(labels)
        e = self.edges
        same = labels[e.u] == labels[e.v]
        inside_neg = np.bincount(labels[e.u][same & (e.c < 0)], minlength=c)
        gains = []
        for camp in np.flatnonzero(inside_neg > 0).tolist():
            gain, side = self._best_split(np.flatnonzero(labels == camp), labels)
            if gain > _EPS and side is not None:
                gains.append((gain, camp, side))
        gains.sort(key=lambda g: -g[0])
        room = len(gains) if self.k is None else max(0, self.k - c)
        for _, camp, side in gains[:room]:
            members = np.flatnonzero(labels == camp)
            labels[members[side == 1]] = c
            c += 1
        return labels

    def _best_split(self, members: np.ndarray, labels: np.ndarray) -> tuple[float, np.ndarray | None]:
        """The gain of the best split of one camp, and which members go (cached by membership)."""
        key = members.tobytes()
        if key in self._splits:
            return self._splits[key]
        e = self.edges
        local = np.full(e.n, -1, dtype=np.int64)
        local[members] = np.arange(len(members))
        inside = (local[e.u] >= 0) & (local[e.v] >= 0)
        sub = Edges(len(members), local[e.u[inside]], local[e.v[inside]], e.c[inside])
        neg, pen = sub.penalties(self.alpha)
        keep = pen > 0
        scaled = Edges(sub.n, sub.u[keep], sub.v[keep], np.where(neg, -pen, pen)[keep])
        if scaled.m == 0:
            out: tuple[float, np.ndarray | None] = (0.0, None)
        else:
            if scaled.m <= SPLIT_EXACT_MAX_EDGES:
                side = solve_exact(scaled, time_limit=1.0, seed=self.seed)[0]
            else:
                side = local_search(scaled, 2, seed=self.seed, restarts=6)[0]
            one = partition_cost(scaled, np.zeros(sub.n, dtype=np.int64))
            out = (one - partition_cost(scaled, side), side)
        self._splits[key] = out
        return out

    def perturb(self, r: int) -> np.ndarray:
        """The best camps shaken: every other round a random share of actors relabelled, else two
        camps with ties between them merged (the next improvement may split them otherwise)."""
        assert self.best is not None
        lab, c = _compact(self.best.copy())
        e = self.edges
        if r % 2 == 1 and c >= 2:
            cross = np.flatnonzero(lab[e.u] != lab[e.v])
            if len(cross):
                t = int(self.rng.choice(cross))
                a, b = lab[e.u[t]], lab[e.v[t]]
                lab[lab == b] = a
                return lab
        pick = self.rng.random(e.n) < PERTURB / (1 + r // 2)
        top = c + 1 if (self.k is None or c < self.k) else c
        lab[pick] = self.rng.integers(0, top, int(pick.sum()))
        return lab


def _cheapest_pairs(between: sp.coo_array, c: int, need: int, sizes: np.ndarray) -> list[tuple[int, int]]:
    """Disjoint pairs of camps to merge: every merge that lowers the criterion, then the cheapest
    until ``need`` merges are made (camps with no tie between them cost nothing to merge)."""
    order = np.argsort(between.data, kind="stable")
    used = np.zeros(c, dtype=bool)
    pairs: list[tuple[int, int]] = []

    def take(i: int, j: int) -> None:
        used[i] = used[j] = True
        pairs.append((min(i, j), max(i, j)))

    tied = set(zip(between.row.tolist(), between.col.tolist(), strict=True))
    rest = []
    for t in order.tolist():
        i, j, d = int(between.row[t]), int(between.col[t]), float(between.data[t])
        if d < -_EPS and not used[i] and not used[j]:
            take(i, j)
        elif d >= -_EPS:
            rest.append((d, i, j))
    if len(pairs) >= need:
        return pairs
    # camps with no tie between them: free to merge, smallest first
    free = [i for i in np.argsort(sizes, kind="stable").tolist() if not used[i]]
    for a in range(len(free)):
        if len(pairs) >= need:
            return pairs
        i = free[a]
        if used[i]:
            continue
        for j in free[a + 1:]:
            if not used[j] and (min(i, j), max(i, j)) not in tied:
                take(i, j)
                break
    for _, i, j in rest:
        if len(pairs) >= need:
            break
        if not used[i] and not used[j]:
            take(i, j)
    return pairs
