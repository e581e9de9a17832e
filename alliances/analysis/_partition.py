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

from .._signed import as_signed_graph, node_order, signed_edges
from ..errors import ParameterError

if TYPE_CHECKING:
    import networkx as nx

    from .._network import AllianceNetwork

__all__ = [
    "Edges",
    "check_exact",
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
    neg, pen = edges.penalties(alpha)
    same = labels[edges.u] == labels[edges.v]
    return float(pen[np.where(neg, same, ~same)].sum())


def check_exact(exact: object) -> None:
    """Reject an ``exact=`` option that is not True, False or "auto".

    Parameters
    ----------
    exact : object
        The option as given.

    Raises
    ------
    ParameterError
        For anything else (1 and 0 included).

    Examples
    --------
    >>> check_exact("auto")
    >>> check_exact(1)
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterError: exact must be True, False or 'auto', not 1
    """
    if not (isinstance(exact, bool) or exact == "auto"):  # 1 or 0 would pass an ``in`` test
        raise ParameterError(f"exact must be True, False or 'auto', not {exact!r}")


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
