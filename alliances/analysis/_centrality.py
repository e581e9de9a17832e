"""Signed centrality: signed degree, the PN index of Everett & Borgatti, signed eigenvector centrality.

Neutral and ambivalent ties (sign 0) are no tie here, as in every balance measure.

References
----------
.. [1] Everett, M. G. and Borgatti, S. P. (2014). Networks containing negative ties.
   Social Networks 38, 111-120.
.. [2] Bonacich, P. and Lloyd, P. (2004). Calculating status with negative relations.
   Social Networks 26(4), 331-338.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from .._arguments import check_graph
from .._checks import check_bool
from .._signed import as_signed_graph, node_key, signed_adjacency

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

    from .._network import AllianceNetwork

__all__ = ["centrality_table", "pn_index", "signed_degree", "signed_eigenvector_centrality"]

# graphs up to this many actors get every eigenvalue (dense); larger ones the leading few
_DENSE_MAX = 2000


def signed_degree(G: AllianceNetwork | nx.Graph, *, weighted: bool = False) -> pd.DataFrame:
    """Positive, negative and net degree of every actor.

    Parameters
    ----------
    G : AllianceNetwork or networkx.Graph
    weighted : bool, default False
        Sum the tie weights (intensities) instead of counting ties.

    Returns
    -------
    pandas.DataFrame
        One row per actor (sorted): ``actor``, ``positive``, ``negative``, ``net``
        (positive - negative) and ``degree`` (positive + negative).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b", {"sign": 1}), ("a", "c", {"sign": -1}), ("a", "d", {"sign": -1})])
    >>> signed_degree(G).iloc[0].to_dict()
    {'actor': 'a', 'positive': 1, 'negative': 2, 'net': -1, 'degree': 3}

    References
    ----------
    .. [1] Everett, M. G. and Borgatti, S. P. (2014). Networks containing negative ties.
       Social Networks 38, 111-120.
    """
    check_graph(G)
    check_bool(weighted, "weighted")
    import numpy as np
    import pandas as pd

    nodes, A = signed_adjacency(as_signed_graph(G), weighted=weighted)
    pos = np.asarray(A.maximum(0).sum(axis=1)).ravel()
    neg = np.asarray((-A).maximum(0).sum(axis=1)).ravel()
    if not weighted:
        pos, neg = pos.astype(np.int64), neg.astype(np.int64)
    df = pd.DataFrame({"actor": nodes, "positive": pos, "negative": neg, "net": pos - neg, "degree": pos + neg})
    return _sorted(df)


def pn_index(G: AllianceNetwork | nx.Graph) -> dict[Hashable, float | None]:
    """The PN index of every actor (Everett & Borgatti 2014).

    A centrality for networks with negative ties: with :math:`A = P - 2N` (positive
    ties minus twice the negative ones) and :math:`n` nodes,
    :math:`PN = (I - A / (2n - 2))^{-1} \\mathbf{1}`. High values: many friends who
    have many friends; low values: many enemies.

    Parameters
    ----------
    G : AllianceNetwork or networkx.Graph
        Signed ties; weights are ignored (the index is defined on signs).

    Returns
    -------
    dict
        Actor -> PN index, in the graph's node order. The formula is undefined (the
        matrix is singular) for exactly one graph: two actors joined by a negative tie;
        their values are then None.

    Examples
    --------
    >>> import networkx as nx
    >>> k5 = nx.complete_graph(5)
    >>> nx.set_edge_attributes(k5, 1, "sign")
    >>> {v: round(x, 12) for v, x in pn_index(k5).items()}
    {0: 2.0, 1: 2.0, 2: 2.0, 3: 2.0, 4: 2.0}

    Notes
    -----
    One sparse linear solve, :math:`O(n + m)` memory. The matrix is non-singular: the
    spectral radius of :math:`A / (2n - 2)` is below 1 (every row of :math:`|A|` sums
    to at most :math:`2(n - 1)`, with equality only for an all-negative complete
    graph, whose eigenvalue :math:`-2(n-1)` is negative; its positive eigenvalue, 2,
    reaches :math:`2n - 2` only when :math:`n = 2`).

    References
    ----------
    .. [1] Everett, M. G. and Borgatti, S. P. (2014). Networks containing negative ties.
       Social Networks 38, 111-120.
    """
    check_graph(G)
    import numpy as np
    import scipy.sparse as sp
    from scipy.sparse.linalg import spsolve

    nodes, S = signed_adjacency(as_signed_graph(G))
    n = len(nodes)
    if n < 2:
        return {v: 1.0 for v in nodes}
    A = S.maximum(0) - 2 * (-S).maximum(0)
    if n == 2 and A.sum() < 0:
        return dict.fromkeys(nodes)
    M = sp.csc_array(sp.identity(n) - A / (2 * n - 2))
    x = spsolve(M, np.ones(n))
    return {v: float(x[i]) for i, v in enumerate(nodes)}


def signed_eigenvector_centrality(
    G: AllianceNetwork | nx.Graph, *, scale: bool = True, weighted: bool = False
) -> dict[Hashable, float | None]:
    """Signed eigenvector centrality (Bonacich & Lloyd 2004): the eigenvector of the dominant eigenvalue.

    Status from the status of one's friends, minus that of one's enemies: the
    eigenvector of the signed adjacency matrix for the eigenvalue of largest absolute
    value. Actors at opposite ends of a conflict get opposite signs; the magnitude says
    how central each is to the dominant pattern.

    Parameters
    ----------
    G : AllianceNetwork or networkx.Graph
    scale : bool, default True
        Divide by the entry of largest magnitude, which then reads 1. False: the unit
        eigenvector. Either way the sign is chosen so that the entry of largest
        magnitude (the first in node order among equals) is positive.
    weighted : bool, default False
        Use sign x weight.

    Returns
    -------
    dict
        Actor -> centrality, in the graph's node order. When no eigenvalue dominates
        (two eigenvalues share the largest magnitude, e.g. ``2`` and ``-2``, or it is
        repeated, or there are no ties) the centrality is undefined and every value is
        None, where signnet's ``eigen_centrality_signed`` stops with an error.

    Examples
    --------
    The network of signnet's centrality vignette, where signed degree cannot tell the
    actors apart (every actor has as many friends as enemies); the values are signnet's:

    >>> import numpy as np, networkx as nx
    >>> A = np.array([[0, 1, 0, 1, 0, 0, 0, -1, -1, 0], [1, 0, 1, -1, 1, -1, -1, 0, 0, 0],
    ...               [0, 1, 0, 1, -1, 0, 0, 0, -1, 0], [1, -1, 1, 0, 1, -1, -1, 0, 0, 0],
    ...               [0, 1, -1, 1, 0, 1, 0, -1, 0, -1], [0, -1, 0, -1, 1, 0, 1, 0, 1, -1],
    ...               [0, -1, 0, -1, 0, 1, 0, 1, -1, 1], [-1, 0, 0, 0, -1, 0, 1, 0, 1, 0],
    ...               [-1, 0, -1, 0, 0, 1, -1, 1, 0, 1], [0, 0, 0, 0, -1, -1, 1, 0, 1, 0]])
    >>> g = nx.from_numpy_array(A, edge_attr="sign")
    >>> [round(x, 6) for x in signed_eigenvector_centrality(g).values()]
    [-0.62215, 1.0, -0.745188, 1.0, -0.8999, 0.642896, 0.358282, -0.374719, -0.280874, -0.078346]

    Notes
    -----
    Dense eigen-decomposition up to 2,000 actors; above, the three eigenvalues of
    largest magnitude by Lanczos iteration (``scipy.sparse.linalg.eigsh``). Eigenvalues
    are compared after rounding to 8 decimals, as signnet does.

    References
    ----------
    .. [1] Bonacich, P. and Lloyd, P. (2004). Calculating status with negative relations.
       Social Networks 26(4), 331-338.
    .. [2] Everett, M. G. and Borgatti, S. P. (2014). Networks containing negative ties.
       Social Networks 38, 111-120.
    """
    check_graph(G)
    check_bool(scale, "scale")
    check_bool(weighted, "weighted")
    import numpy as np

    nodes, A = signed_adjacency(as_signed_graph(G), weighted=weighted)
    n = len(nodes)
    if n == 0:
        return {}
    if A.nnz == 0:
        return dict.fromkeys(nodes)
    if n <= _DENSE_MAX:
        values, vectors = np.linalg.eigh(A.toarray())
    else:
        from scipy.sparse.linalg import eigsh

        values, vectors = eigsh(A.astype(float), k=3, which="LM", v0=np.ones(n))
    size = np.round(np.abs(values), 8)
    top = np.flatnonzero(size == size.max())
    if len(top) != 1:
        return dict.fromkeys(nodes)
    vec = vectors[:, top[0]]
    mag = np.round(np.abs(vec), 12)
    lead = int(np.flatnonzero(mag == mag.max())[0])
    vec = vec / vec[lead] if scale else vec * np.sign(vec[lead])
    return {v: float(x) + 0.0 for v, x in zip(nodes, vec.tolist(), strict=True)}


def centrality_table(G: AllianceNetwork | nx.Graph) -> pd.DataFrame:
    """Signed degree (counts and weighted) and PN index of every actor in one table.

    Parameters
    ----------
    G : AllianceNetwork or networkx.Graph
        A network, or a graph whose edges carry ``sign`` (and optionally ``weight``).

    Returns
    -------
    pandas.DataFrame
        Columns ``actor``, ``positive``, ``negative``, ``net``, ``degree``,
        ``weighted_positive``, ``weighted_negative``, ``weighted_net`` and ``pn``
        (:func:`signed_degree` counted and weighted, :func:`pn_index`); sorted by PN
        index (highest first), then actor.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b", {"sign": 1}), ("b", "c", {"sign": -1})])
    >>> centrality_table(G)["actor"].tolist()
    ['a', 'b', 'c']

    References
    ----------
    .. [1] Everett, M. G. and Borgatti, S. P. (2014). Networks containing negative ties.
       Social Networks 38, 111-120.
    """
    check_graph(G)
    g = as_signed_graph(G)
    df = signed_degree(g)
    w = signed_degree(g, weighted=True).set_index("actor")
    for col in ("positive", "negative", "net"):
        df[f"weighted_{col}"] = df["actor"].map(w[col]).astype(float)
    pn = pn_index(g)
    df["pn"] = df["actor"].map(pn).astype(float)
    # ties in PN (rounded: a linear solve is exact only to rounding) keep actor order
    order = sorted(range(len(df)), key=lambda i: (-round(df["pn"].iat[i], 10), node_key(df["actor"].iat[i])))
    df = df.iloc[order]
    return df.reset_index(drop=True)


def _sorted(df: pd.DataFrame) -> pd.DataFrame:
    order = sorted(range(len(df)), key=lambda i: node_key(df["actor"].iat[i]))
    return df.iloc[order].reset_index(drop=True)
