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
from itertools import chain, repeat
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from ._arguments import check_graph
from ._checks import check_bool, check_instance, check_items, shown
from .errors import ParameterError, ParameterTypeError

if TYPE_CHECKING:
    import networkx as nx
    import scipy.sparse as sp

    from ._network import AllianceNetwork

__all__ = [
    "ambivalent_edges",
    "as_signed_graph",
    "display_names",
    "node_key",
    "node_order",
    "signed_adjacency",
    "signed_edges",
    "signed_laplacian",
    "signed_matrix",
]


def node_order(obj: AllianceNetwork | nx.Graph) -> list[Hashable]:
    """The nodes of ``obj`` in their given order: the one order every analysis starts from.

    A network's actors come in scenario-file order (its graph holds them in that
    order); a networkx graph's nodes in insertion order. Matrices are indexed in this
    order; sorted outputs sort it with :func:`node_key` (tables) or by natural order
    (camps).

    Parameters
    ----------
    obj : AllianceNetwork or networkx.Graph

    Returns
    -------
    list
        The node ids.

    Examples
    --------
    >>> import networkx as nx
    >>> node_order(nx.Graph([("b", "a"), ("c", "a")]))
    ['b', 'a', 'c']
    >>> import alliances
    >>> node_order(alliances.load("seeds/syria_2017.yaml"))[:3]
    ['assad', 'iran', 'russia']
    """
    import networkx as nx

    if isinstance(obj, nx.Graph):
        return list(obj.nodes)
    return list(obj.actors)


def node_key(x: Hashable) -> tuple[int, Any, str]:
    """Sort key of a node id in tables: numbers numerically and first, everything else as text.

    Parameters
    ----------
    x : node id

    Returns
    -------
    tuple
        Compares numbers with numbers and text with text, whatever the ids' types.

    Examples
    --------
    >>> sorted(["b", 10, "a", 2.5, 3], key=node_key)
    [2.5, 3, 10, 'a', 'b']
    """
    if isinstance(x, (int, float)) and not isinstance(x, bool):
        return (0, x, "")
    return (1, 0, str(x))


def display_names(obj: Any) -> dict[Hashable, str] | None:
    """Actor id -> display name for a network; None for a plain graph (its ids are its names).

    Parameters
    ----------
    obj : AllianceNetwork or networkx.Graph

    Returns
    -------
    dict or None

    Examples
    --------
    >>> import alliances, networkx as nx
    >>> display_names(alliances.load("seeds/syria_2017.yaml"))["us_coalition"]
    'US-led coalition'
    >>> display_names(nx.Graph()) is None
    True
    """
    actors = getattr(obj, "actors", None)
    if actors is None:
        return None
    return {a: actor.name for a, actor in actors.items()}


def as_signed_graph(obj: AllianceNetwork | nx.Graph) -> nx.Graph:
    """The signed graph behind ``obj`` (an AllianceNetwork's cached graph, or a networkx graph).

    A networkx graph is used as it is when every edge has an integer ``sign``; otherwise
    a copy is made whose edges get ``sign`` from the sign of ``weight`` (positive when
    neither is present) and ``weight`` = |weight| (1 when absent). Directed graphs are
    made undirected; self-loops are dropped.

    Parameters
    ----------
    obj : AllianceNetwork or networkx.Graph

    Returns
    -------
    networkx.Graph
        Undirected, every edge with an integer ``sign`` and a ``weight``; not a copy when
        ``obj`` already is one (or is a network).

    Raises
    ------
    ParameterTypeError
        For anything else (a ``TypeError`` too).

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
        raise ParameterTypeError(f"expected an AllianceNetwork or a networkx graph, not {type(obj).__name__}")
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

    Parameters
    ----------
    obj : AllianceNetwork or networkx.Graph
    weighted : bool, default False
        Multiply each sign by the tie's weight.

    Returns
    -------
    list of (u, v, float)
        In the graph's edge order.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.Graph([(1, 2, {"sign": -1, "weight": 0.5}), (2, 3, {"sign": 0, "weight": 1.0})])
    >>> signed_edges(g), signed_edges(g, weighted=True)
    ([(1, 2, -1.0)], [(1, 2, -0.5)])
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
    """The ties whose stance is ``ambivalent`` (sorted pairs, sorted list).

    Parameters
    ----------
    obj : AllianceNetwork or networkx.Graph

    Returns
    -------
    list of (a, b)
        Each pair and the list sorted by id as text.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.Graph([("b", "a", {"sign": 0, "stance": "ambivalent"}), ("b", "c", {"sign": 0, "stance": "neutral"})])
    >>> ambivalent_edges(g)
    [('a', 'b')]
    """
    g = as_signed_graph(obj)
    pairs = [tuple(sorted((u, v), key=str)) for u, v, d in g.edges(data=True) if d.get("stance") == "ambivalent"]
    return sorted(pairs, key=lambda p: (str(p[0]), str(p[1])))


def signed_adjacency(
    obj: AllianceNetwork | nx.Graph,
    *,
    weighted: bool = False,
    nodelist: Sequence[Hashable] | None = None,
) -> tuple[list[Hashable], sp.csr_array]:
    """The signed adjacency matrix: +1 for a positive tie, -1 for a negative one, sparse.

    Entry (i, j) is the sign of the tie between the i-th and j-th actors (sign x weight
    when ``weighted``); 0 for no tie, and for neutral and ambivalent ties, which no
    balance measure counts. The matrix is symmetric, stored as CSR; this is signnet's
    ``as_adj_signed``.

    Parameters
    ----------
    obj : AllianceNetwork or networkx.Graph
        A network, or a graph whose edges carry ``sign`` (or a signed ``weight``).
    weighted : bool, default False
        Entries sign x |weight| instead of the sign.
    nodelist : sequence, optional
        The row order; by default :func:`node_order` (scenario order for a network).

    Returns
    -------
    nodes : list
        The actor of each row and column.
    A : scipy.sparse.csr_array
        Shape (n, n).

    Examples
    --------
    >>> import networkx as nx
    >>> nodes, A = signed_adjacency(nx.Graph([("a", "b", {"sign": -1})]))
    >>> nodes, A.toarray().tolist()
    (['a', 'b'], [[0.0, -1.0], [-1.0, 0.0]])
    >>> import alliances
    >>> nodes, A = alliances.signed_adjacency(alliances.load("seeds/syria_2017.yaml"))
    >>> A.shape, int(A.nnz // 2), nodes.index("iran"), A[nodes.index("assad"), nodes.index("iran")]
    ((8, 8), 18, 1, np.float64(1.0))
    """
    check_graph(obj, "obj")
    check_bool(weighted, "weighted")
    import numpy as np
    import scipy.sparse as sp

    g = as_signed_graph(obj)
    nodes = node_order(g) if nodelist is None else _check_nodelist(nodelist, g)
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


def _check_nodelist(nodelist: Any, g: nx.Graph) -> list[Hashable]:
    """``nodelist`` as a list if it holds every node of ``g`` once (extra nodes: rows of zeros)."""
    nodes = list(check_items(nodelist, "nodelist", lambda v, _: check_instance(v, Hashable, "each item of nodelist", "a node id"),
                             item="a node"))
    seen = set(nodes)
    missing = [x for x in g if x not in seen]
    if missing or len(seen) != len(nodes):
        why = f"misses {len(missing)} node(s), e.g. {shown(missing[0])}" if missing else "holds a node twice"
        raise ParameterError(f"nodelist must hold every node of the graph once: it {why}")
    return nodes


def signed_laplacian(
    obj: AllianceNetwork | nx.Graph,
    *,
    normalized: bool = False,
    weighted: bool = False,
    nodelist: Sequence[Hashable] | None = None,
) -> tuple[list[Hashable], sp.csr_array]:
    """The signed Laplacian ``D - A``, where D holds each actor's number of ties of either sign.

    With the signed adjacency ``A`` (:func:`signed_adjacency`) and ``D`` the diagonal of
    row sums of ``|A|``, ``L = D - A`` (Kunegis et al. 2010; signnet's
    ``laplacian_matrix_signed``). It is positive semi-definite, and singular exactly
    when some connected component is balanced: its smallest eigenvalue measures how far
    the network is from splitting into two camps. ``normalized=True`` gives
    ``D^-1/2 (D - A) D^-1/2`` (``I - D^-1/2 A D^-1/2`` on actors with ties; a row of
    zeros for an actor without).

    Parameters
    ----------
    obj : AllianceNetwork or networkx.Graph
    normalized : bool, default False
    weighted : bool, default False
        Use sign x |weight| (D then sums the weights).
    nodelist : sequence, optional
        The row order; by default :func:`node_order`.

    Returns
    -------
    nodes : list
    L : scipy.sparse.csr_array

    Examples
    --------
    >>> import networkx as nx
    >>> k5 = nx.complete_graph(5)
    >>> nx.set_edge_attributes(k5, -1, "sign")
    >>> nodes, L = signed_laplacian(k5)
    >>> L.diagonal().tolist(), L[0, 1]  # signnet's own test: four ties each; enemies add +1
    ([4.0, 4.0, 4.0, 4.0, 4.0], np.float64(1.0))
    >>> import numpy as np
    >>> balanced = nx.Graph([(1, 2, {"sign": 1}), (2, 3, {"sign": -1}), (1, 3, {"sign": -1})])
    >>> unbalanced = nx.Graph([(1, 2, {"sign": 1}), (2, 3, {"sign": 1}), (1, 3, {"sign": -1})])
    >>> [round(float(np.linalg.eigvalsh(signed_laplacian(g)[1].toarray())[0]), 6) + 0 for g in (balanced, unbalanced)]
    [0.0, 1.0]

    References
    ----------
    .. [1] J. Kunegis, S. Schmidt, A. Lommatzsch, J. Lerner, E. W. De Luca, S. Albayrak
       (2010) Spectral analysis of signed graphs for clustering, prediction and
       visualization. Proceedings of the SIAM International Conference on Data Mining.
    .. [2] Y. Hou, J. Li, Y. Pan (2003) On the Laplacian eigenvalues of signed graphs.
       Linear and Multilinear Algebra 51(1), 21-30.
    """
    check_bool(normalized, "normalized")
    import numpy as np
    import scipy.sparse as sp

    nodes, A = signed_adjacency(obj, weighted=weighted, nodelist=nodelist)
    d = np.asarray(abs(A).sum(axis=1)).ravel()
    L = sp.csr_array(sp.diags_array(d) - A)
    if normalized:
        inv = np.where(d > 0, 1.0 / np.sqrt(np.where(d > 0, d, 1.0)), 0.0)
        L = sp.csr_array(sp.diags_array(inv) @ L @ sp.diags_array(inv))
    return nodes, L


def signed_matrix(obj: AllianceNetwork | nx.Graph, *, weighted: bool = False) -> tuple[list[Hashable], sp.csr_array, int]:
    """Node order, symmetric signed adjacency (CSR) and the number of ambivalent ties, fast.

    The matrix of :func:`signed_adjacency` (every weight taken as its absolute value),
    read in one pass over the adjacency dicts when every tie already carries a
    ``sign`` (a million ties in about a second); anything else goes through
    :func:`as_signed_graph`. The triangle census and walk balance read this.

    Parameters
    ----------
    obj : AllianceNetwork or networkx.Graph
    weighted : bool, default False
        Entries sign x |weight| (weight 1 when absent) instead of the sign.

    Returns
    -------
    nodes : list
        The row order (:func:`node_order`).
    A : scipy.sparse.csr_array
        Signed adjacency, 0 for no tie, neutral or ambivalent.
    ambivalent : int
        Ties whose stance is ``ambivalent``.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.Graph([("a", "b", {"sign": -1, "weight": 0.5})])
    >>> g.add_edge("b", "c", sign=0, stance="ambivalent")
    >>> nodes, A, amb = signed_matrix(g, weighted=True)
    >>> nodes, A.toarray().tolist(), amb
    (['a', 'b', 'c'], [[0.0, -0.5, 0.0], [-0.5, 0.0, 0.0], [0.0, 0.0, 0.0]], 1)
    """
    import networkx as nx
    import numpy as np
    import scipy.sparse as sp

    g = getattr(obj, "graph", None) if hasattr(obj, "actors") else obj
    if not isinstance(g, nx.Graph):
        g = as_signed_graph(obj)
    if g.is_directed() or g.is_multigraph():
        g = as_signed_graph(g)
    nodes = node_order(g)
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    adj = g._adj
    # map/itemgetter over flat iterators: the fastest pure-Python way through the dicts
    dicts = list(chain.from_iterable(map(dict.values, adj.values())))
    try:
        signs, weights = _signs_and_weights(dicts, weighted)
    except (KeyError, TypeError, ValueError):
        g = as_signed_graph(g)
        nodes, A = signed_adjacency(g, weighted=weighted)
        return nodes, A, len(ambivalent_edges(g))
    rows = np.repeat(np.arange(n, dtype=np.int64), np.fromiter(map(len, adj.values()), dtype=np.int64, count=n))
    cols = np.fromiter(map(index.__getitem__, chain.from_iterable(adj.values())), dtype=np.int64,
                       count=len(dicts))
    zero = np.flatnonzero(signs == 0)
    ambivalent = sum(1 for i in zero.tolist() if dicts[i].get("stance") == "ambivalent") // 2
    keep = (signs != 0) & (rows != cols)
    values = signs[keep] * (weights[keep] if weights is not None else 1.0)
    A = sp.csr_array((values, (rows[keep], cols[keep])), shape=(n, n))
    return nodes, A, ambivalent


def _signs_and_weights(dicts: list[dict[str, Any]], weighted: bool) -> tuple[Any, Any]:
    """The sign of every edge dict's ``sign`` and, when ``weighted``, |weight| (1 when absent)."""
    import numpy as np

    signs = np.sign(np.fromiter(map(itemgetter("sign"), dicts), dtype=np.float64, count=len(dicts)))
    if not weighted:
        return signs, None
    weights = np.abs(np.fromiter(map(dict.get, dicts, repeat("weight"), repeat(1.0)), dtype=np.float64,
                                 count=len(dicts)))
    return signs, weights
