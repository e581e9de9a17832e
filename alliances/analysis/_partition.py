"""Shared machinery for the frustration index and the factions (private).

Both problems partition the nodes of a signed graph into camps and pay for negative
ties inside a camp and positive ties between camps; the frustration index is the
two-camp case with both penalties equal to the tie's weight. This module holds the
pieces both use, on plain integer-indexed arrays:

- :class:`Edges`: the signed ties as arrays ``u``, ``v`` (node indices) and ``c``
  (sign x weight);
- :func:`edges_of`: a signed graph as :class:`Edges`, nodes in natural order;
- :func:`edge_triangles` and :func:`triangle_packing_bound`: a lower bound from a greedy
  fractional packing of unavoidable triangles (each one forces a cost whatever the
  partition; edge-disjoint, or weight-respecting, packings add up);
- :func:`sort_nodes` and :func:`order_camps`: the order camps are reported in.

The searches are in :mod:`alliances.analysis._search` (single actors moved) and
:mod:`alliances.analysis._camps` (whole camps split and merged); the HiGHS programmes in
:mod:`alliances.analysis._milp`.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from .._arguments import check_graph
from .._checks import check_bool, check_instance, check_int, check_items, check_number
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
    "order_camps",
    "partition_cost",
    "settle_bound",
    "sort_nodes",
    "triangle_packing_bound",
]

_EPS = 1e-9


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


def check_edges(edges: object, labels: object = None, *, name: str = "labels", k: int | None = None) -> None:
    """Check an :class:`Edges` argument and, when given, an array of one label per node.

    Parameters
    ----------
    edges : object
        Must be an :class:`Edges`.
    labels : object, optional
        Must then be a 1-D integer array of length ``edges.n`` (see :func:`check_labels`).
    name : str, optional
        The labels' name in messages.
    k : int, optional
        The labels must then lie in ``0..k-1``.

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
        check_labels(labels, edges.n, name=name, k=k)  # type: ignore[attr-defined]


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


def check_labels(labels: object, n: int, *, name: str = "labels", k: int | None = None) -> np.ndarray:
    """A 1-D array of ``n`` non-negative integer labels (one camp per node), below ``k`` when given.

    Examples
    --------
    >>> check_labels(np.array([0, 1, 1]), 3).tolist()
    [0, 1, 1]
    >>> check_labels(np.array([0, 1]), 3)
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterError: labels must hold one camp per node (3), not 2 values
    >>> check_labels(np.array([0, 2, 1]), 3, k=2)
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterError: labels must number the camps from 0 to 1, not up to 2
    """
    check_instance(labels, np.ndarray, name, "a NumPy array of camp numbers")
    assert isinstance(labels, np.ndarray)
    if labels.ndim != 1 or labels.dtype.kind not in "iu" or (labels.size and labels.min() < 0):
        raise ParameterError(f"{name} must be a 1-D array of non-negative integers, not {labels.dtype} of shape "
                             f"{labels.shape}")
    if len(labels) != n:
        raise ParameterError(f"{name} must hold one camp per node ({n}), not {len(labels)} values")
    if k is not None and labels.size and labels.max() >= k:
        raise ParameterError(f"{name} must number the camps from 0 to {k - 1}, not up to {labels.max()}")
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
