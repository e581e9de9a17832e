"""Shared machinery for the frustration index and the factions (private).

Both problems partition the nodes of a signed graph into camps and pay for negative
ties inside a camp and positive ties between camps; the frustration index is the
two-camp case with both penalties equal to the tie's weight. This module holds the
pieces both use, on plain integer-indexed arrays:

- :class:`Edges`: the signed ties as arrays ``u``, ``v`` (node indices) and ``c``
  (sign x weight);
- :func:`local_search`: Doreian & Mrvar (1996) style relocation (single-node moves)
  from spectral and random starts, with perturbation, vectorised so that it scales to
  millions of ties (non-adjacent nodes move at the same time, which is exact because
  the gain of a move depends on the neighbours only);
- :func:`edges_of`: a signed graph as :class:`Edges`, nodes in natural order;
- :func:`edge_triangles` and :func:`triangle_packing_bound`: a lower bound from a greedy
  fractional packing of unavoidable triangles (each one forces a cost whatever the
  partition; edge-disjoint, or weight-respecting, packings add up);
- :func:`sort_nodes` and :func:`order_camps`: the order camps are reported in.

The HiGHS programmes are in :mod:`alliances.analysis._milp`.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import scipy.sparse as sp

from .._arguments import check_graph
from .._checks import check_bool, check_instance, check_int, check_items, check_number, check_seed
from .._signed import as_signed_graph, node_order, signed_edges
from ..errors import ParameterError

if TYPE_CHECKING:
    import networkx as nx

    from .._network import AllianceNetwork

__all__ = [
    "Edges",
    "check_edges",
    "check_labels",
    "check_triangles",
    "edge_triangles",
    "edges_of",
    "local_search",
    "order_camps",
    "partition_cost",
    "settle_bound",
    "sort_nodes",
    "triangle_packing_bound",
]

_EPS = 1e-9
#: share of nodes relabelled at random when perturbing the best solution
PERTURB = 0.3


@dataclass(frozen=True)
class Edges:
    """Signed ties on nodes ``0..n-1``: ``c[e]`` is sign x weight of tie ``(u[e], v[e])``, never 0.

    Examples
    --------
    >>> import numpy as np
    >>> e = Edges(3, np.array([0, 1]), np.array([1, 2]), np.array([2.0, -1.0]))
    >>> e.m, e.penalties(0.25)[1].tolist()
    (2, [1.5, 0.25])
    """

    n: int
    u: np.ndarray
    v: np.ndarray
    c: np.ndarray

    def __post_init__(self) -> None:
        n = check_int(self.n, "n", low=0)
        for name in ("u", "v", "c"):
            check_instance(getattr(self, name), np.ndarray, name, "a 1-D NumPy array")
        u, v, c = self.u, self.v, self.c
        if not (u.ndim == v.ndim == c.ndim == 1 and len(u) == len(v) == len(c)):
            raise ParameterError(f"u, v and c must be 1-D arrays of one length, not of shapes {u.shape}, {v.shape}, "
                                 f"{c.shape}")
        if len(u) and (u.dtype.kind not in "iu" or v.dtype.kind not in "iu" or min(u.min(), v.min()) < 0
                       or max(u.max(), v.max()) >= (n or 0)):
            raise ParameterError(f"u and v must hold node indices from 0 to n - 1 ({(n or 0) - 1})")
        if len(c) and (c.dtype.kind not in "fiu" or not np.all(np.isfinite(c)) or np.any(c == 0)):
            raise ParameterError("c must hold finite, non-zero signed weights")

    @property
    def m(self) -> int:
        return len(self.c)

    def penalties(self, alpha: float) -> tuple[np.ndarray, np.ndarray]:
        """Per-tie cost when violated: ``alpha*|c|`` for negative ties, ``(1-alpha)*|c|`` for positive."""
        neg = self.c < 0
        return neg, np.where(neg, alpha * -self.c, (1.0 - alpha) * self.c)


def edges_of(G: AllianceNetwork | nx.Graph, *, weighted: bool) -> tuple[list[Hashable], Edges]:
    """The signed ties of ``G`` as :class:`Edges`, and the node of each index.

    Nodes are numbered in :func:`sort_nodes` order; ties of sign 0 are left out.

    Parameters
    ----------
    G : AllianceNetwork or networkx.Graph
    weighted : bool
        ``c`` is sign x weight instead of the sign.

    Returns
    -------
    nodes : list
        Node ids, index order.
    edges : Edges

    Examples
    --------
    >>> import networkx as nx
    >>> nodes, e = edges_of(nx.Graph([("b", "a", {"sign": -1}), ("b", "c", {"sign": 0})]), weighted=False)
    >>> nodes, e.n, e.u.tolist(), e.v.tolist(), e.c.tolist()
    (['a', 'b', 'c'], 3, [1], [0], [-1.0])
    """
    check_graph(G)
    check_bool(weighted, "weighted")
    g = as_signed_graph(G)
    nodes = sort_nodes(node_order(g))
    index = {x: i for i, x in enumerate(nodes)}
    es = [(index[a], index[b], s) for a, b, s in signed_edges(g, weighted=weighted) if s != 0]
    u = np.array([e[0] for e in es], dtype=np.int64)
    v = np.array([e[1] for e in es], dtype=np.int64)
    c = np.array([e[2] for e in es], dtype=float)
    return nodes, Edges(len(nodes), u, v, c)


def sort_nodes(nodes: Iterable[Any]) -> list[Any]:
    """Nodes in natural order, or by text when they do not compare.

    Parameters
    ----------
    nodes : iterable of node ids

    Returns
    -------
    list

    Examples
    --------
    >>> sort_nodes([3, 1, 2]), sort_nodes([2, "a", 10])
    ([1, 2, 3], [10, 2, 'a'])
    """
    check_items(nodes, "nodes", lambda v, n: v, item="a node")
    nodes = list(nodes)
    try:
        return sorted(nodes)
    except TypeError:
        return sorted(nodes, key=str)


def order_camps(camps: list[list[Any]]) -> list[list[Any]]:
    """Each camp sorted; camps larger first, then by first id as text (empty camps last).

    Parameters
    ----------
    camps : list of list

    Returns
    -------
    list of list
        The order every result reports camps in.

    Examples
    --------
    >>> order_camps([["c"], ["b", "a"], [], ["d"]])
    [['a', 'b'], ['c'], ['d'], []]
    """
    check_items(camps, "camps", lambda v, n: check_items(v, n, lambda x, _: x, item="a node"), item="a camp")
    camps = [sort_nodes(c) for c in camps]
    return sorted(camps, key=lambda c: (-len(c), str(c[0]) if c else ""))


def partition_cost(edges: Edges, labels: np.ndarray, alpha: float = 0.5) -> float:
    """The criterion: alpha x (negative weight inside camps) + (1-alpha) x (positive weight between).

    Parameters
    ----------
    edges : Edges
    labels : numpy.ndarray
        The camp of each node.
    alpha : float, default 0.5
        Weight of negative ties inside camps.

    Returns
    -------
    float
        At alpha 0.5, half the weight of the ties the camps frustrate.

    Examples
    --------
    >>> import numpy as np
    >>> e = Edges(3, np.array([0, 1]), np.array([1, 2]), np.array([2.0, -1.0]))
    >>> partition_cost(e, np.array([0, 0, 0])), partition_cost(e, np.array([0, 1, 1]), alpha=0.2)
    (0.5, 1.8)
    """
    check_edges(edges)
    check_labels(labels, edges.n)
    check_number(alpha, "alpha", low=0, high=1)
    neg, pen = edges.penalties(alpha)
    same = labels[edges.u] == labels[edges.v]
    return float(pen[np.where(neg, same, ~same)].sum())


def check_edges(edges: object, labels: object = None, *, name: str = "labels") -> None:
    """Check an :class:`Edges` argument and, when given, an array of one label per node.

    Parameters
    ----------
    edges : object
        Must be an :class:`Edges`.
    labels : object, optional
        Must then be a 1-D integer array of length ``edges.n`` (see :func:`check_labels`).
    name : str, optional
        The labels' name in messages.

    Raises
    ------
    ParameterTypeError, ParameterError

    Examples
    --------
    >>> check_edges([(0, 1)])
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterTypeError: edges must be an Edges (from edges_of), not [(0, 1)]
    """
    check_instance(edges, Edges, "edges", "an Edges (from edges_of)")
    if labels is not None:
        check_labels(labels, edges.n, name=name)  # type: ignore[attr-defined]


def check_triangles(tri: object, edges: Edges) -> np.ndarray:
    """Triangles as :func:`edge_triangles` gives them: an integer array of shape (t, 3) of edge indices.

    Examples
    --------
    >>> e = Edges(3, np.array([0, 1, 0]), np.array([1, 2, 2]), np.ones(3))
    >>> check_triangles(np.array([[0, 1, 2]]), e).shape
    (1, 3)
    >>> check_triangles(np.array([[0, 1, 5]]), e)
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterError: tri must be an integer array of shape (t, 3) of edge indices from 0 to 2
    """
    check_instance(tri, np.ndarray, "tri", "a NumPy array of triangles (edge_triangles)")
    assert isinstance(tri, np.ndarray)
    if tri.ndim != 2 or tri.shape[1] != 3 or (tri.size and (tri.dtype.kind not in "iu" or tri.min() < 0
                                                           or tri.max() >= edges.m)):
        raise ParameterError(f"tri must be an integer array of shape (t, 3) of edge indices from 0 to {edges.m - 1}")
    return tri


def check_labels(labels: object, n: int, *, name: str = "labels") -> np.ndarray:
    """A 1-D array of ``n`` non-negative integer labels (one camp per node).

    Examples
    --------
    >>> check_labels(np.array([0, 1, 1]), 3).tolist()
    [0, 1, 1]
    >>> check_labels(np.array([0, 1]), 3)
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterError: labels must hold one camp per node (3), not 2 values
    """
    check_instance(labels, np.ndarray, name, "a NumPy array of camp numbers")
    assert isinstance(labels, np.ndarray)
    if labels.ndim != 1 or labels.dtype.kind not in "iu" or (labels.size and labels.min() < 0):
        raise ParameterError(f"{name} must be a 1-D array of non-negative integers, not {labels.dtype} of shape "
                             f"{labels.shape}")
    if len(labels) != n:
        raise ParameterError(f"{name} must hold one camp per node ({n}), not {len(labels)} values")
    return labels


def settle_bound(value: float, lb: float, optimal: bool) -> tuple[float, bool, float | None]:
    """The lower bound (never above the value), optimality and the relative gap of a solution.

    A bound that meets the value proves it optimal; the gap is ``(value - lb) / value``,
    0.0 when optimal and None when an unproven value is 0.

    Parameters
    ----------
    value : float
        The criterion of the solution.
    lb : float
        A proven lower bound.
    optimal : bool
        Whether the solution is already proven optimal.

    Returns
    -------
    tuple of (float, bool, float or None)
        The bound, optimality and the gap.

    Examples
    --------
    >>> settle_bound(4.0, 3.0, False), settle_bound(3.0, 3.0, False)
    ((3.0, False, 0.25), (3.0, True, 0.0))
    """
    check_number(value, "value")
    check_number(lb, "lb")
    check_bool(optimal, "optimal")
    lb = min(lb, value)
    if value - lb <= _EPS * max(1.0, value):
        optimal, lb = True, value
    gap = 0.0 if optimal else (None if value == 0 else (value - lb) / value)
    return lb, optimal, gap


def _matrices(edges: Edges, alpha: float) -> tuple[sp.csr_array, sp.csr_array, sp.csr_array]:
    """Negative and positive penalty matrices and the tie pattern, all with one CSR structure."""
    n = edges.n
    neg, pen = edges.penalties(alpha)
    rows = np.concatenate([edges.u, edges.v])
    cols = np.concatenate([edges.v, edges.u])
    order = np.lexsort((cols, rows))
    rows, cols = rows[order], cols[order]
    negs = np.concatenate([neg, neg])[order]
    pens = np.concatenate([pen, pen])[order]
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
    N = sp.csr_array((np.where(negs, pens, 0.0), cols, indptr), shape=(n, n))
    P = sp.csr_array((np.where(negs, 0.0, pens), cols, indptr), shape=(n, n))
    S = sp.csr_array((np.ones(len(rows)), cols, indptr), shape=(n, n))
    return N, P, S


def _normalised_adjacency(edges: Edges) -> sp.csr_array:
    """The signed adjacency, degree-normalised (D^-1/2 A D^-1/2): hubs would otherwise capture
    the leading eigenvectors that the spectral starts are read from."""
    n = edges.n
    A = sp.csr_array(
        (
            np.concatenate([edges.c, edges.c]),
            (np.concatenate([edges.u, edges.v]), np.concatenate([edges.v, edges.u])),
        ),
        shape=(n, n),
    )
    d = np.asarray(abs(A).sum(axis=1)).ravel()
    inv = 1.0 / np.sqrt(np.where(d > 0, d, 1.0))
    return sp.diags(inv) @ A @ sp.diags(inv)


def _spectral_labels(edges: Edges, rng: np.random.Generator) -> np.ndarray:
    """Two camps from the sign of the leading eigenvector of the normalised signed adjacency."""
    n = edges.n
    A = _normalised_adjacency(edges)
    vec = None
    if n <= 2000:
        # power iteration on A + rI (r bounds the spectral radius): cheap and thread-free
        r = float(np.abs(A).sum(axis=1).max())
        vec = rng.standard_normal(n)
        for _ in range(300):
            nxt = A @ vec + r * vec
            nxt /= np.linalg.norm(nxt) or 1.0
            if np.abs(nxt - vec).max() < 1e-8:
                vec = nxt
                break
            vec = nxt
    else:
        from scipy.sparse.linalg import eigsh

        try:
            v0 = rng.standard_normal(n)
            _, V = eigsh(A, k=1, which="LA", v0=v0, tol=1e-3, maxiter=max(1000, n))
            vec = V[:, 0]
        except Exception:  # no convergence: fall back on a random start  # noqa: BLE001
            vec = None
    if vec is None:
        return rng.integers(0, 2, n)
    labels = (vec < 0).astype(np.int64)
    flat = np.abs(vec) < 1e-12
    labels[flat] = rng.integers(0, 2, int(flat.sum()))
    return labels


def _spectral_k_labels(edges: Edges, k: int, rng: np.random.Generator) -> np.ndarray:
    """k camps by k-means on the rows of the k leading eigenvectors of the normalised signed adjacency."""
    from scipy.cluster.vq import kmeans2

    n = edges.n
    A = _normalised_adjacency(edges)
    try:
        if n <= max(200, k + 2):
            _, V = np.linalg.eigh(A.toarray())
            X = V[:, -k:]
        else:
            from scipy.sparse.linalg import eigsh

            _, X = eigsh(A, k=k, which="LA", v0=rng.standard_normal(n), tol=1e-4, maxiter=max(1000, 10 * n))
        norms = np.linalg.norm(X, axis=1, keepdims=True)
        X = X / np.where(norms > 0, norms, 1.0)
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")  # empty clusters on tiny graphs: the descent fixes them
            _, labels = kmeans2(X, k, seed=rng, minit="++")
        return labels.astype(np.int64)
    except Exception:  # no convergence or a degenerate embedding: a random start  # noqa: BLE001
        return rng.integers(0, k, n)


def _descend(
    labels: np.ndarray, k: int, N: sp.csr_array, P: sp.csr_array, S: sp.csr_array, rng: np.random.Generator
) -> np.ndarray:
    """Move nodes to their best camp until no single move lowers the criterion."""
    n = len(labels)
    labels = labels.copy()
    ptot = np.asarray(P.sum(axis=1)).ravel()
    idx = np.arange(n)
    tie = rng.random(n) * 1e-6
    starts = S.indptr[:-1]
    nonempty = np.diff(S.indptr) > 0
    H = np.zeros((n, k))
    H[idx, labels] = 1.0
    NH = N @ H
    PH = P @ H
    Nd, Pd = N.data, P.data
    for _ in range(10 * n + 100):
        cost = NH + (ptot[:, None] - PH)
        best = cost.argmin(axis=1)
        gain = cost[idx, labels] - cost[idx, best]
        cand = gain > _EPS * (1.0 + ptot)
        if not cand.any():
            break
        prio = np.where(cand, gain + tie, -1.0)
        # a candidate moves when no candidate neighbour has a higher priority
        nb = prio[S.indices]
        nbmax = np.full(n, -1.0)
        if len(nb):
            red = np.maximum.reduceat(nb, np.minimum(starts, len(nb) - 1))
            nbmax[nonempty] = red[nonempty]
        move = np.flatnonzero(cand & (prio > nbmax))
        old = labels[move]
        new = best[move]
        labels[move] = new
        # N and P are symmetric: row i holds the ties of i, so i's move shifts its
        # neighbours' weight from column old to column new
        cnt = S.indptr[move + 1] - S.indptr[move]
        pos = np.repeat(S.indptr[move] - np.cumsum(cnt) + cnt, cnt) + np.arange(int(cnt.sum()))
        nbrs = S.indices[pos]
        o = np.repeat(old, cnt)
        w_new = np.repeat(new, cnt)
        wn = Nd[pos]
        wp = Pd[pos]
        np.add.at(NH, (nbrs, o), -wn)
        np.add.at(NH, (nbrs, w_new), wn)
        np.add.at(PH, (nbrs, o), -wp)
        np.add.at(PH, (nbrs, w_new), wp)
    return labels


def local_search(
    edges: Edges,
    k: int,
    *,
    alpha: float = 0.5,
    seed: int = 0,
    restarts: int | None = None,
    start: np.ndarray | None = None,
    time_budget: float | None = None,
) -> tuple[np.ndarray, float]:
    """Best labels in ``0..k-1`` found by relocation from several starts, and their cost.

    Starts: ``start`` when given, the spectral split, k-means on k eigenvectors (k >= 3),
    then random partitions;
    after the starts, perturbations of the best (a random 30 % of the nodes relabelled)
    followed by descent. ``restarts`` counts starts plus perturbations (default by size);
    ``time_budget`` (seconds) stops early. Deterministic for a given seed unless the time
    budget cuts it short.

    Parameters
    ----------
    edges : Edges
    k : int
        The most camps.
    alpha : float, default 0.5
        Weight of negative ties inside camps (:func:`partition_cost`).
    seed : int, default 0
    restarts : int, optional
    start : numpy.ndarray, optional
        Labels to start from first.
    time_budget : float, optional
        Seconds.

    Returns
    -------
    labels : numpy.ndarray
    cost : float
        Their :func:`partition_cost`.

    Examples
    --------
    >>> import numpy as np
    >>> cycle = Edges(4, np.array([0, 1, 2, 0]), np.array([1, 2, 3, 3]), np.array([1.0, 1.0, 1.0, -1.0]))
    >>> labels, cost = local_search(cycle, 2)
    >>> cost  # a cycle with one negative tie: one tie is frustrated whatever the camps
    0.5

    References
    ----------
    .. [1] P. Doreian, A. Mrvar (1996) A partitioning approach to structural balance.
       Social Networks 18, 149-168.
    """
    check_edges(edges, start, name="start")  # start: None or one label per node
    check_int(k, "k", low=1, high=max(edges.n, 16))  # more camps than nodes stay empty
    check_number(alpha, "alpha", low=0, high=1)
    check_seed(seed)
    check_int(restarts, "restarts", low=0, high=10_000, optional=True)
    check_number(time_budget, "time_budget", low=0, optional=True)
    n = edges.n
    rng = np.random.default_rng(seed)
    if n == 0:
        return np.zeros(0, dtype=np.int64), 0.0
    if k <= 1 or edges.m == 0:
        labels = np.zeros(n, dtype=np.int64)
        return labels, partition_cost(edges, labels, alpha)
    if restarts is None:
        restarts = 40 if edges.m <= 5_000 else (12 if edges.m <= 100_000 else 3)
    t0 = time.perf_counter()
    N, P, S = _matrices(edges, alpha)
    inits: list[np.ndarray] = []
    if start is not None:
        inits.append(np.asarray(start, dtype=np.int64) % k)
    inits.append(_spectral_labels(edges, rng))
    if k >= 3:
        inits.append(_spectral_k_labels(edges, k, rng))
    best: np.ndarray | None = None
    best_cost = np.inf
    n_random = max(1, restarts // 2)
    for it in range(max(restarts, len(inits))):
        if it < len(inits):
            lab = inits[it]
        elif it < len(inits) + n_random or best is None:
            lab = rng.integers(0, k, n)
        else:
            lab = best.copy()
            pick = rng.random(n) < PERTURB
            lab[pick] = rng.integers(0, k, int(pick.sum()))
        lab = _descend(lab, k, N, P, S, rng)
        cost = partition_cost(edges, lab, alpha)
        if cost < best_cost - 1e-12:
            best, best_cost = lab, cost
        if best_cost <= _EPS or (time_budget is not None and time.perf_counter() - t0 > time_budget):
            break
    assert best is not None
    return best, float(best_cost)


def edge_triangles(edges: Edges, *, chunk: int = 200_000) -> np.ndarray:
    """Every triangle as a row of three edge indices (vectorised, degree-ordered listing).

    Parameters
    ----------
    edges : Edges
    chunk : int, default 200,000
        Ties handled per vectorised step (bounds the memory).

    Returns
    -------
    numpy.ndarray
        Shape (number of triangles, 3), each triangle once.

    Examples
    --------
    >>> import numpy as np
    >>> edge_triangles(Edges(4, np.array([0, 1, 0, 2]), np.array([1, 2, 2, 3]), np.ones(4))).tolist()
    [[0, 1, 2]]
    """
    check_edges(edges)
    check_int(chunk, "chunk", low=1, high=10**8)
    n, m = edges.n, edges.m
    if m < 3:
        return np.zeros((0, 3), dtype=np.int64)
    deg = np.bincount(np.concatenate([edges.u, edges.v]), minlength=n)
    rank = np.empty(n, dtype=np.int64)
    rank[np.lexsort((np.arange(n), deg))] = np.arange(n)
    lo = np.where(rank[edges.u] < rank[edges.v], edges.u, edges.v)
    hi = np.where(rank[edges.u] < rank[edges.v], edges.v, edges.u)
    eid = np.arange(m)
    # oriented edges lo -> hi, in CSR order by (lo, hi)
    order = np.lexsort((hi, lo))
    lo_s, hi_s, eid_s = lo[order], hi[order], eid[order]
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(lo_s, minlength=n), out=indptr[1:])
    keys = lo_s.astype(np.int64) * n + hi_s
    outdeg = np.diff(indptr)
    found = []
    for s in range(0, m, chunk):
        a, b, e_ab = lo_s[s : s + chunk], hi_s[s : s + chunk], eid_s[s : s + chunk]
        cnt = outdeg[b]
        total = int(cnt.sum())
        if total == 0:
            continue
        rep = np.repeat(np.arange(len(a)), cnt)
        offs = np.arange(total) - np.repeat(np.cumsum(cnt) - cnt, cnt)
        pos_bc = indptr[b][rep] + offs
        c = hi_s[pos_bc]
        want = a[rep].astype(np.int64) * n + c
        pos_ac = np.searchsorted(keys, want)
        pos_ac = np.minimum(pos_ac, m - 1)
        hit = keys[pos_ac] == want
        found.append(np.stack([e_ab[rep][hit], eid_s[pos_bc][hit], eid_s[pos_ac][hit]], axis=1))
    if not found:
        return np.zeros((0, 3), dtype=np.int64)
    return np.concatenate(found).astype(np.int64)


def triangle_packing_bound(edges: Edges, tri: np.ndarray, *, alpha: float = 0.5, k: int = 2) -> float:
    """A lower bound on the criterion from a greedy packing of unavoidable triangles.

    A triangle with exactly one negative tie costs at least its cheapest tie in every
    partition; with k = 2, so does an all-negative triangle (three mutual enemies cannot
    sit in two camps). Assigning each such triangle an amount y <= the residual penalty
    of each of its ties, ties never over-used, gives a lower bound sum(y) (weak LP
    duality for the covering problem). The packing is built in rounds: every tie claims
    the first live triangle through it, and a triangle claimed by its three ties is taken.

    Parameters
    ----------
    edges : Edges
    tri : numpy.ndarray
        :func:`edge_triangles` of ``edges``.
    alpha : float, default 0.5
    k : int, default 2
        The most camps (all-negative triangles count only for k = 2).

    Returns
    -------
    float
        A lower bound on :func:`partition_cost` over all partitions into k camps.

    Examples
    --------
    >>> import numpy as np
    >>> e = Edges(3, np.array([0, 1, 0]), np.array([1, 2, 2]), np.array([1.0, 1.0, -1.0]))
    >>> triangle_packing_bound(e, edge_triangles(e))
    0.5
    """
    check_edges(edges)
    check_triangles(tri, edges)
    check_number(alpha, "alpha", low=0, high=1)
    check_int(k, "k", low=2)
    if len(tri) == 0:
        return 0.0
    neg, pen = edges.penalties(alpha)
    nneg = neg[tri].sum(axis=1)
    keep = (nneg == 1) | ((nneg == 3) if k == 2 else False)
    tri = tri[keep]
    if len(tri) == 0:
        return 0.0
    residual = pen.astype(float).copy()
    # fewer competitors first: triangles whose ties lie on few candidate triangles
    load = np.bincount(tri.ravel(), minlength=edges.m)
    tri = tri[np.argsort(load[tri].sum(axis=1), kind="stable")]
    tri = tri[(residual[tri] > _EPS).all(axis=1)]
    total = 0.0
    big = np.iinfo(np.int64).max
    while len(tri):
        ids = np.arange(len(tri))
        claim = np.full(edges.m, big, dtype=np.int64)
        np.minimum.at(claim, tri.ravel(), np.repeat(ids, 3))
        won = (claim[tri] == ids[:, None]).all(axis=1)
        acc = tri[won]
        y = residual[acc].min(axis=1)
        total += float(y.sum())
        for j in range(3):
            residual[acc[:, j]] -= y
        tri = tri[~won]
        tri = tri[(residual[tri] > _EPS).all(axis=1)]
    return total
