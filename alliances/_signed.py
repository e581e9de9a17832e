"""The signed graph that every analysis reads, whatever the caller hands in.

Analyses accept an :class:`~alliances._network.AllianceNetwork` or a signed
``networkx.Graph`` (edge attribute ``sign``, or the sign of ``weight``). This module
turns either into one canonical form: a graph whose edges carry an integer ``sign`` in
{-1, 0, +1}, a float ``weight`` (intensity, default 1) and the ``stance`` when known,
and into the sparse signed adjacency matrix the algebraic measures use.

Neutral ties (sign 0) are no tie for every balance measure; ambivalent ties (sign 0,
stance ``ambivalent``) are left out too and reported apart by the analyses.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx
    import scipy.sparse as sp

    from ._network import AllianceNetwork

__all__ = ["ambivalent_edges", "as_signed_graph", "signed_adjacency", "signed_edges"]


def as_signed_graph(obj: AllianceNetwork | nx.Graph) -> nx.Graph:
    """The signed graph behind ``obj`` (an AllianceNetwork's cached graph, or a networkx graph).

    A networkx graph is used as it is when every edge has an integer ``sign``; otherwise
    a copy is made whose edges get ``sign`` from the sign of ``weight`` (positive when
    neither is present) and ``weight`` = |weight| (1 when absent). Directed graphs are
    made undirected; self-loops are dropped.

    Examples
    --------
    >>> import networkx as nx
    >>> g = as_signed_graph(nx.Graph([(1, 2, {"weight": -0.5}), (2, 3, {})]))
    >>> sorted((u, v, d["sign"], d["weight"]) for u, v, d in g.edges(data=True))
    [(1, 2, -1, 0.5), (2, 3, 1, 1.0)]
    """
    import networkx as nx

    graph = getattr(obj, "graph", None)
    if isinstance(graph, nx.Graph) and hasattr(obj, "actors"):
        return graph
    if not isinstance(obj, nx.Graph):
        raise TypeError(f"expected an AllianceNetwork or a networkx graph, not {type(obj).__name__}")
    g = obj
    ready = not g.is_directed() and nx.number_of_selfloops(g) == 0 and all(
        isinstance(d.get("sign"), int) and "weight" in d for _, _, d in g.edges(data=True)
    )
    if ready:
        return g
    out = nx.Graph()
    out.add_nodes_from(g.nodes(data=True))
    for u, v, d in g.edges(data=True):
        if u == v:
            continue
        w = d.get("weight")
        s = d.get("sign")
        if s is None:
            s = 1 if w is None else (w > 0) - (w < 0)
        s = int((s > 0) - (s < 0))
        attrs: dict[str, Any] = dict(d)
        attrs["sign"] = s
        attrs["weight"] = 1.0 if w is None else abs(float(w))
        out.add_edge(u, v, **attrs)
    return out


def signed_edges(
    obj: AllianceNetwork | nx.Graph, *, weighted: bool = False
) -> list[tuple[Hashable, Hashable, float]]:
    """Every non-zero signed tie as ``(u, v, s)``: s is the sign, or sign x weight when ``weighted``.

    Neutral and ambivalent ties (sign 0) are left out.
    """
    g = as_signed_graph(obj)
    out = []
    for u, v, d in g.edges(data=True):
        s = d["sign"]
        if s == 0:
            continue
        out.append((u, v, s * d["weight"] if weighted else float(s)))
    return out


def ambivalent_edges(obj: AllianceNetwork | nx.Graph) -> list[tuple[Hashable, Hashable]]:
    """The ties whose stance is ``ambivalent`` (sorted pairs, sorted list)."""
    g = as_signed_graph(obj)
    pairs = [tuple(sorted((u, v), key=str)) for u, v, d in g.edges(data=True) if d.get("stance") == "ambivalent"]
    return sorted(pairs, key=lambda p: (str(p[0]), str(p[1])))


def signed_adjacency(
    obj: AllianceNetwork | nx.Graph,
    *,
    weighted: bool = False,
    nodelist: Sequence[Hashable] | None = None,
) -> tuple[list[Hashable], sp.csr_array]:
    """The symmetric signed adjacency matrix (CSR) and its node order.

    Entry (i, j) is the sign of the tie (or sign x weight when ``weighted``), 0 for no
    tie, neutral or ambivalent.

    Examples
    --------
    >>> import networkx as nx
    >>> nodes, A = signed_adjacency(nx.Graph([("a", "b", {"sign": -1})]))
    >>> nodes, A.toarray().tolist()
    (['a', 'b'], [[0.0, -1.0], [-1.0, 0.0]])
    """
    import numpy as np
    import scipy.sparse as sp

    g = as_signed_graph(obj)
    nodes = list(g.nodes) if nodelist is None else list(nodelist)
    index = {n: i for i, n in enumerate(nodes)}
    edges = signed_edges(g, weighted=weighted)
    rows = np.fromiter((index[u] for u, _, _ in edges), dtype=np.int64, count=len(edges))
    cols = np.fromiter((index[v] for _, v, _ in edges), dtype=np.int64, count=len(edges))
    vals = np.fromiter((s for _, _, s in edges), dtype=np.float64, count=len(edges))
    n = len(nodes)
    A = sp.coo_array(
        (np.concatenate([vals, vals]), (np.concatenate([rows, cols]), np.concatenate([cols, rows]))), shape=(n, n)
    ).tocsr()
    return nodes, A
