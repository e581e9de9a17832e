"""The signed triangle census: triangles by sign pattern, per graph, per actor, one by one.

A triangle of ties is *strictly balanced* when the product of its signs is positive
(+++ and +--: Heider 1946; Cartwright & Harary 1956); *weak balance* (Davis 1967) also
accepts three mutual enemies (---). Only ++- ("the friend of my friend is my enemy") is
unbalanced in both senses. The references are given with :func:`triangle_census`.

Every count here is sparse matrix algebra on the signed adjacency matrix, never a loop
over node triples: the edges are oriented from lower to higher degree (so that every
triangle is seen exactly once and the products stay small, as in the classic
"forward" triangle listing), the signs are packed into one integer per entry, and one
sparse product masked by the adjacency counts every triangle type at once. The kernels
doing it are at the end of this module, after the three functions that call them.

Neutral and ambivalent ties (sign 0) are no tie here. Ambivalent ties are counted
(``TriangleCensus.ambivalent_ties``) and reported apart by
:func:`alliances.analysis.ambivalence`.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .._arguments import check_graph
from .._checks import check_bool, check_instance, check_int
from .._network import AllianceNetwork
from .._signed import as_signed_graph, display_names, node_key, node_order, signed_adjacency, signed_matrix

if TYPE_CHECKING:
    import networkx as nx
    import numpy as np
    import pandas as pd
    import scipy.sparse as sp

__all__ = [
    "TRIAD_TYPES",
    "TriangleCensus",
    "actor_census",
    "ambivalent_triangle_census",
    "signed_triangles",
    "triangle_census",
    "unbalanced_triads",
]

#: The four sign patterns of a triangle of non-zero ties.
TRIAD_TYPES = ("+++", "++-", "+--", "---")
_AMBIVALENT_TYPES = ("+++", "++-", "+--", "---", "++a", "+-a", "--a", "+aa", "-aa", "aaa")
_STRICTLY_BALANCED = ("+++", "+--")
_WEAKLY_BALANCED = ("+++", "+--", "---")

# Signs packed into one int64 per matrix entry: + is 1, - is 2**21. A product of two
# such matrices holds, per entry, (#++ paths) + (#+- paths) * 2**21 + (#-- paths) * 2**42,
# exact while no pair has 2**21 (two million) common neighbours.
_SHIFT = 21
_BASE = 1 << _SHIFT
_LOW = _BASE - 1


@dataclass(frozen=True)
class TriangleCensus:
    """Counts of triangles by sign pattern, with the balance ratios.

    Attributes
    ----------
    counts : dict
        ``{"+++": n, "++-": n, "+--": n, "---": n}``.
    weighted : dict or None
        The same keys, each triangle counted as the product of its three tie weights
        (when computed with ``weighted=True``).
    ambivalent_ties : int
        Ambivalent ties left out of the census.

    Examples
    --------
    >>> import alliances
    >>> census = alliances.triangle_census(alliances.load("seeds/syria_2017.yaml"))
    >>> census.counts, census.total
    ({'+++': 4, '++-': 0, '+--': 10, '---': 4}, 18)
    >>> round(census.strict_balance, 4), census.weak_balance
    (0.7778, 1.0)

    See :func:`triangle_census` for the definitions and their references.
    """

    counts: dict[str, int]
    weighted: dict[str, float] | None = None
    ambivalent_ties: int = 0

    @property
    def total(self) -> int:
        """The number of triangles of non-zero ties."""
        return sum(self.counts.values())

    @property
    def strict_balance(self) -> float | None:
        """Share of triangles that are strictly balanced (+++ or +--); None without triangles."""
        return _ratio(self.counts, _STRICTLY_BALANCED)

    @property
    def weak_balance(self) -> float | None:
        """Share of triangles that are weakly balanced (all but ++-); None without triangles."""
        return _ratio(self.counts, _WEAKLY_BALANCED)

    @property
    def weighted_strict_balance(self) -> float | None:
        """Weighted share of strictly balanced triangles; None when not computed or without triangles."""
        return None if self.weighted is None else _ratio(self.weighted, _STRICTLY_BALANCED)

    @property
    def weighted_weak_balance(self) -> float | None:
        """Weighted share of weakly balanced triangles; None when not computed or without triangles."""
        return None if self.weighted is None else _ratio(self.weighted, _WEAKLY_BALANCED)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON (undefined ratios are None)."""
        return {
            "triangles": dict(self.counts),
            "total": self.total,
            "strict_balance": self.strict_balance,
            "weak_balance": self.weak_balance,
            "weighted_triangles": None if self.weighted is None else dict(self.weighted),
            "weighted_strict_balance": self.weighted_strict_balance,
            "weighted_weak_balance": self.weighted_weak_balance,
            "ambivalent_ties": self.ambivalent_ties,
        }


def _ratio(counts: Mapping[str, float], good: tuple[str, ...]) -> float | None:
    total = sum(counts.values())
    if total == 0:
        return None
    return float(sum(counts[t] for t in good) / total)


def triangle_census(G: AllianceNetwork | nx.Graph, *, weighted: bool = False) -> TriangleCensus:
    """Count the triangles of a signed graph by sign pattern.

    Parameters
    ----------
    G : AllianceNetwork or networkx.Graph
        Signed ties (edge attribute ``sign``, or the sign of ``weight``). Neutral and
        ambivalent ties are no tie.
    weighted : bool, default False
        Also compute the weighted census, where a triangle counts as the product of
        its three tie weights (intensities), and the weighted balance ratios.

    Returns
    -------
    TriangleCensus
        Counts of +++, ++-, +-- and --- triangles; ``strict_balance`` (Cartwright &
        Harary [1]_: share of +++ and +--) and ``weak_balance`` (Davis [2]_: also ---).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_edges_from([("a", "b", {"sign": -1}), ("b", "c", {"sign": -1}), ("a", "c", {"sign": -1}),
    ...                   ("c", "d", {"sign": 1}), ("a", "d", {"sign": -1})])
    >>> census = triangle_census(G)
    >>> census.counts
    {'+++': 0, '++-': 0, '+--': 1, '---': 1}
    >>> census.strict_balance, census.weak_balance
    (0.5, 1.0)

    Notes
    -----
    With the edges oriented from lower to higher degree into a strictly upper
    triangular matrix :math:`L` whose entries encode the signs, the product
    :math:`L L` masked by :math:`L` holds, for every tie, the number of triangles it
    closes of each sign pattern. Time :math:`O(m \\sqrt{m})` at worst, memory of the
    order of the number of oriented wedges.

    References
    ----------
    .. [1] Cartwright, D. and Harary, F. (1956). Structural balance: a generalization of
       Heider's theory. Psychological Review 63(5), 277-293.
    .. [2] Davis, J. A. (1967). Clustering and structural balance in graphs. Human
       Relations 20(2), 181-187.
    """
    check_graph(G)
    check_bool(weighted, "weighted")
    _, A, amb = signed_matrix(G, weighted=weighted)
    L, _ = _orient(A)
    closing = _closing_counts(L)
    counts = {t: int(closing[t][2].sum()) for t in TRIAD_TYPES}
    wcounts = None
    if weighted:
        wcounts = {t: float(v) for t, v in _weighted_census(L).items()}
    return TriangleCensus(counts=counts, weighted=wcounts, ambivalent_ties=amb)


def actor_census(G: AllianceNetwork | nx.Graph) -> pd.DataFrame:
    """The triangle census of every actor: the triangles it belongs to, by sign pattern.

    Parameters
    ----------
    G : AllianceNetwork or networkx.Graph

    Returns
    -------
    pandas.DataFrame
        One row per actor (sorted), columns ``actor``, ``+++``, ``++-``, ``+--``,
        ``---``, ``triangles``, ``strict_balance``, ``weak_balance`` (None without
        triangles).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([(1, 2, {"sign": 1}), (2, 3, {"sign": 1}), (1, 3, {"sign": -1}), (3, 4, {"sign": 1})])
    >>> actor_census(G)[["actor", "++-", "triangles"]].to_dict("list")
    {'actor': [1, 2, 3, 4], '++-': [1, 1, 1, 0], 'triangles': [1, 1, 1, 0]}

    References
    ----------
    .. [1] Cartwright, D. and Harary, F. (1956). Structural balance: a generalization of
       Heider's theory. Psychological Review 63(5), 277-293.
    """
    check_graph(G)
    import numpy as np
    import pandas as pd

    nodes, A, _ = signed_matrix(G)
    per = _per_node_counts(A)
    n = len(nodes)
    table = {t: per[t] for t in TRIAD_TYPES}
    total = sum(table.values()) if n else np.zeros(0, dtype=np.int64)
    strict = (table["+++"] + table["+--"]).astype(float)
    weak = (total - table["++-"]).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        sr = np.where(total > 0, strict / np.maximum(total, 1), np.nan)
        wr = np.where(total > 0, weak / np.maximum(total, 1), np.nan)
    df = pd.DataFrame({"actor": nodes, **table, "triangles": total, "strict_balance": sr, "weak_balance": wr})
    df = df.astype({"strict_balance": object, "weak_balance": object})
    df.loc[df["triangles"] == 0, ["strict_balance", "weak_balance"]] = None
    order = sorted(range(n), key=lambda i: node_key(nodes[i]))
    return df.iloc[order].reset_index(drop=True)


def unbalanced_triads(
    G: AllianceNetwork | nx.Graph, *, strict: bool = True, limit: int | None = None
) -> pd.DataFrame:
    """Every triad that breaks balance, with its actors and sign pattern.

    Parameters
    ----------
    G : AllianceNetwork or networkx.Graph
    strict : bool, default True
        True: the triads that are not strictly balanced (++- and ---); False: only
        those that are not even weakly balanced (++-).
    limit : int, optional
        Return at most this many rows (the first in sorted order).

    Returns
    -------
    pandas.DataFrame
        Columns ``a``, ``b``, ``c`` (sorted ids), ``signs`` (the signs of a-b, b-c and
        a-c, e.g. ``"+-+"``), ``type`` (``"++-"`` or ``"---"``), ``weakly_balanced``
        (True for ---) and, for an AllianceNetwork, ``names`` (display names joined).
        Sorted by a, b, c.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([(1, 2, {"sign": -1}), (2, 3, {"sign": -1}), (1, 3, {"sign": -1}), (3, 4, {"sign": 1})])
    >>> unbalanced_triads(G)[["a", "b", "c", "type", "weakly_balanced"]].values.tolist()
    [[1, 2, 3, '---', True]]
    >>> len(unbalanced_triads(G, strict=False))
    0

    References
    ----------
    Strict balance: Cartwright and Harary (1956); weak balance: Davis (1967); cited in
    full with :func:`triangle_census`.
    """
    check_graph(G)
    check_bool(strict, "strict")
    check_int(limit, "limit", low=0, optional=True)
    select = ("++-", "---") if strict else ("++-",)
    rows = _triangle_rows(G, select)
    if limit is not None:
        rows = rows[:limit]
    columns = ["a", "b", "c", "signs", "type", "weakly_balanced"]
    return _frame(rows, columns, G)


def signed_triangles(G: AllianceNetwork | nx.Graph, *, actor: Hashable | None = None) -> pd.DataFrame:
    """Every triangle of signed ties with its signs, or every one an actor belongs to.

    Parameters
    ----------
    G : AllianceNetwork or networkx.Graph
        Signed ties; neutral and ambivalent ties are no tie (see
        :func:`ambivalent_triangle_census` for triangles with ambivalent ties).
    actor : node id, optional
        Only the triangles this actor belongs to (of a network: by id, name, label
        or alias, see :meth:`AllianceNetwork.resolve`).

    Returns
    -------
    pandas.DataFrame
        One row per triangle, sorted by a, b, c: ``a``, ``b``, ``c`` (sorted ids),
        ``signs`` (of a-b, b-c and a-c), ``type`` (``"+++"``, ``"++-"``, ``"+--"`` or
        ``"---"``), ``positive`` (the number of positive ties, signnet's ``P``),
        ``strictly_balanced``, ``weakly_balanced`` and, for an AllianceNetwork,
        ``names``.

    Raises
    ------
    UnknownActorError
        When ``actor`` is not in the graph.

    Examples
    --------
    signnet's listing example: the complete graph on four actors with ties 1-2, 1-3,
    1-4 positive and 2-3, 2-4, 3-4 negative.

    >>> import networkx as nx
    >>> g = nx.Graph()
    >>> g.add_edges_from([(1, 2), (1, 3), (1, 4)], sign=1)
    >>> g.add_edges_from([(2, 3), (2, 4), (3, 4)], sign=-1)
    >>> signed_triangles(g)[["a", "b", "c", "type", "positive"]].values.tolist()
    [[1, 2, 3, '++-', 2], [1, 2, 4, '++-', 2], [1, 3, 4, '++-', 2], [2, 3, 4, '---', 0]]
    >>> import alliances
    >>> t = alliances.signed_triangles(alliances.load("seeds/syria_2017.yaml"), actor="us_coalition")
    >>> len(t), t["type"].value_counts().to_dict()
    (6, {'+--': 3, '---': 3})

    References
    ----------
    Strict balance: Cartwright and Harary (1956); weak balance: Davis (1967); cited in
    full with :func:`triangle_census`.
    """
    check_graph(G)
    check_instance(actor, Hashable, "actor", "an actor id")
    if isinstance(actor, str) and isinstance(G, AllianceNetwork):
        actor = G.resolve(actor)
    rows = _triangle_rows(G, TRIAD_TYPES, actor=actor)
    for r in rows:
        r["positive"] = r["signs"].count("+")
        r["strictly_balanced"] = r["type"] in _STRICTLY_BALANCED
    columns = ["a", "b", "c", "signs", "type", "positive", "strictly_balanced", "weakly_balanced"]
    return _frame(rows, columns, G)


def ambivalent_triangle_census(G: AllianceNetwork | nx.Graph) -> dict[str, int]:
    """Count the triangles of signed and ambivalent ties by pattern: the census with ambivalence.

    The four patterns of :func:`triangle_census` and six more with one, two or three
    ambivalent ties (``a``): ``"++a"``, ``"+-a"``, ``"--a"``, ``"+aa"``, ``"-aa"``,
    ``"aaa"``. This is signnet's ``count_complex_triangles`` (P, N, A). Neutral ties
    are no tie.

    Parameters
    ----------
    G : AllianceNetwork or networkx.Graph
        Ambivalent ties are edges whose ``stance`` is ``"ambivalent"``.

    Returns
    -------
    dict
        Pattern -> number of triangles, the ten patterns in the order above.

    Examples
    --------
    signnet's example: the complete graph on four actors with ties P, N, A, A, P, N.

    >>> import networkx as nx
    >>> g = nx.complete_graph(4)
    >>> for (u, v), t in zip(g.edges, "PNAAPN"):
    ...     g.edges[u, v].update(sign={"P": 1, "N": -1, "A": 0}[t], stance="ambivalent" if t == "A" else None)
    >>> {p: n for p, n in ambivalent_triangle_census(g).items() if n}
    {'++a': 1, '+-a': 2, '--a': 1}

    References
    ----------
    .. [1] Schoch, D. (2024). signnet: an R package for analyzing signed networks.
       Journal of Open Source Software 9(95).
    """
    check_graph(G)
    import numpy as np
    import scipy.sparse as sp

    g = as_signed_graph(G)
    nodes = node_order(g)
    index = {x: i for i, x in enumerate(nodes)}
    n = len(nodes)
    kinds: dict[str, list[tuple[int, int]]] = {"+": [], "-": [], "a": []}
    for u, v, d in g.edges(data=True):
        kind = "+" if d["sign"] > 0 else "-" if d["sign"] < 0 else "a" if d.get("stance") == "ambivalent" else None
        if kind is not None:
            kinds[kind].append((index[u], index[v]))
    mats = {}
    for kind, pairs in kinds.items():
        arr = np.array(pairs, dtype=np.int64).reshape(-1, 2)
        mats[kind] = sp.csr_array((np.ones(len(arr)), (arr[:, 0], arr[:, 1])), shape=(n, n))
    oriented = _orient_all({k: M + M.T for k, M in mats.items()})
    counts = dict.fromkeys(_AMBIVALENT_TYPES, 0)
    for first in "+-a":
        for second in "+-a":
            wedges = oriented[first] @ oriented[second]
            for third in "+-a":
                total = int(round(float(wedges.multiply(oriented[third]).sum())))
                if total:
                    counts[_pattern(first + second + third)] += total
    return counts


def _pattern(kinds: str) -> str:
    return "".join(sorted(kinds, key="+-a".index))


def _orient_all(mats: dict[str, sp.csr_array]) -> dict[str, sp.csr_array]:
    """Each symmetric 0/1 matrix made strictly upper triangular in the degree order of their union."""
    import numpy as np
    import scipy.sparse as sp

    union = sum(mats.values())
    n = union.shape[0]
    deg = np.diff(sp.csr_array(union).indptr)
    rank = np.empty(n, dtype=np.int64)
    rank[np.lexsort((np.arange(n), deg))] = np.arange(n)
    out = {}
    for kind, M in mats.items():
        coo = sp.coo_array(M)
        r, c = rank[coo.row], rank[coo.col]
        keep = r < c
        out[kind] = sp.csr_array((np.ones(int(keep.sum())), (r[keep], c[keep])), shape=(n, n))
    return out


def _triangle_rows(
    G: AllianceNetwork | nx.Graph, select: tuple[str, ...], actor: Hashable | None = None
) -> list[dict[str, Any]]:
    """The triangles of the ``select`` types as rows (sorted ids, signs, type), sorted."""
    g = as_signed_graph(G)
    nodes, A = signed_adjacency(g)
    if actor is not None and actor not in g:
        from .._text import did_you_mean
        from ..errors import UnknownActorError

        raise UnknownActorError(f"unknown actor {actor!r}" + did_you_mean(str(actor), [str(x) for x in nodes]))
    triples = _triangles(A, select=select)
    if actor is not None:
        at = nodes.index(actor)
        triples = [t for t in triples if at in t]
    rows = []
    for i, j, k in triples:
        a, b, c = sorted((nodes[i], nodes[j], nodes[k]), key=node_key)
        s = "".join("+" if g[x][y]["sign"] > 0 else "-" for x, y in ((a, b), (b, c), (a, c)))
        kind = "+" * s.count("+") + "-" * s.count("-")
        rows.append({"a": a, "b": b, "c": c, "signs": s, "type": kind, "weakly_balanced": kind != "++-"})
    rows.sort(key=lambda r: (node_key(r["a"]), node_key(r["b"]), node_key(r["c"])))
    return rows


def _frame(rows: list[dict[str, Any]], columns: list[str], G: Any) -> pd.DataFrame:
    """The rows as a table, with the actors' display names for a network."""
    import pandas as pd

    names = display_names(G)
    if names is not None:
        for r in rows:
            r["names"] = f"{names[r['a']]}, {names[r['b']]} and {names[r['c']]}"
        columns = [*columns, "names"]
    return pd.DataFrame([{c: r[c] for c in columns} for r in rows], columns=columns)


# -- the kernels: oriented signed matrices, packed signs, masked products ---------------


def _orient(A: sp.csr_array) -> tuple[sp.csr_array, np.ndarray]:
    """Strictly upper triangular signed matrix in degree order, and the node of each row.

    Orienting every tie from its lower-degree end keeps out-degrees below sqrt(2m), which
    bounds the size of the products (Chiba & Nishizeki 1985; Schank & Wagner 2005).
    """
    import numpy as np
    import scipy.sparse as sp

    n = A.shape[0]
    A = sp.csr_array(A)
    deg = np.diff(A.indptr)
    order = np.lexsort((np.arange(n), deg))  # rank -> node
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)
    coo = A.tocoo()
    r, c = rank[coo.row], rank[coo.col]
    keep = r < c
    L = sp.csr_array((coo.data[keep], (r[keep], c[keep])), shape=(n, n))
    L.sum_duplicates()
    L.sort_indices()
    return L, order


def _encode(L: sp.csr_array) -> sp.csr_array:
    import numpy as np
    import scipy.sparse as sp

    data = np.where(L.data > 0, 1, _BASE).astype(np.int64)
    return sp.csr_array((data, L.indices.copy(), L.indptr.copy()), shape=L.shape)


def _decode(values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Packed entries -> (#two positive ties, #one negative, #two negative)."""
    return values & _LOW, (values >> _SHIFT) & _LOW, values >> (2 * _SHIFT)


def _masked(Y: sp.csr_array, L: sp.csr_array, positive: bool) -> sp.coo_array:
    """Y at the positions of L's positive (or negative) entries, as COO (rows, cols, values)."""
    import numpy as np
    import scipy.sparse as sp

    sel = L.data > 0 if positive else L.data < 0
    mask = sp.csr_array((sel.astype(np.int64), L.indices.copy(), L.indptr.copy()), shape=L.shape)
    mask.eliminate_zeros()
    out = Y.multiply(mask).tocoo()
    out.eliminate_zeros()
    return out


def _closing_counts(L: sp.csr_array, transpose_first: bool = False) -> dict[str, tuple]:
    """For each triangle type: (rows, cols, counts) over the ties that close triangles.

    With ``transpose_first`` False, Y = L L: entry (i, k) counts the j with i < j < k,
    the tie i-k closing them; with True, Z = L^T L: entry (j, k) counts the i < j < k
    sharing the low end i, the tie j-k closing them.
    """
    import numpy as np

    if L.shape[0] >= _BASE:  # pragma: no cover - more than two million nodes
        return _closing_counts_float(L, transpose_first)
    S = _encode(L)
    Y = (S.T.tocsr() @ S) if transpose_first else (S @ S)
    out: dict[str, list] = {t: [] for t in TRIAD_TYPES}
    for positive in (True, False):
        M = _masked(Y, L, positive)
        c0, c1, c2 = _decode(M.data.astype(np.int64))
        # the closing tie's sign shifts the number of negative ties by one
        kinds = ("+++", "++-", "+--") if positive else ("++-", "+--", "---")
        for kind, c in zip(kinds, (c0, c1, c2), strict=True):
            out[kind].append((M.row, M.col, c))
    return {
        t: (np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts]),
            np.concatenate([p[2] for p in parts]).astype(np.int64))
        for t, parts in out.items()
    }


def _closing_counts_float(L: sp.csr_array, transpose_first: bool) -> dict[str, tuple]:  # pragma: no cover
    import numpy as np
    import scipy.sparse as sp

    P = sp.csr_array(L > 0).astype(np.int64)
    N = sp.csr_array(L < 0).astype(np.int64)
    left = (P.T.tocsr(), N.T.tocsr()) if transpose_first else (P, N)
    pp = left[0] @ P
    pn = left[0] @ N + left[1] @ P
    nn = left[1] @ N
    out = {}
    for kind, pieces in {
        "+++": [(pp, P)], "++-": [(pn, P), (pp, N)], "+--": [(nn, P), (pn, N)], "---": [(nn, N)],
    }.items():
        parts = [(Y.multiply(M)).tocoo() for Y, M in pieces]
        out[kind] = (np.concatenate([p.row for p in parts]), np.concatenate([p.col for p in parts]),
                     np.concatenate([p.data for p in parts]).astype(np.int64))
    return out


def _weighted_census(L: sp.csr_array) -> dict[str, float]:
    """Sum over triangles of the product of the three weights, by type."""
    import scipy.sparse as sp

    P = sp.csr_array(L.multiply(L > 0))
    N = sp.csr_array(-L.multiply(L < 0))
    pp = P @ P
    pn = P @ N + N @ P
    nn = N @ N
    total = lambda Y, M: float(Y.multiply(M).sum())  # noqa: E731
    return {
        "+++": total(pp, P),
        "++-": total(pn, P) + total(pp, N),
        "+--": total(nn, P) + total(pn, N),
        "---": total(nn, N),
    }


def _per_node_counts(A: sp.csr_array) -> dict[str, np.ndarray]:
    """Per node (in A's order), the number of triangles of each type it belongs to."""
    import numpy as np

    n = A.shape[0]
    L, order = _orient(A)
    first_last = _closing_counts(L)
    middle = _closing_counts(L, transpose_first=True)
    out = {}
    for t in TRIAD_TYPES:
        r, c, v = first_last[t]
        v = v.astype(np.float64)
        counts = np.bincount(r, weights=v, minlength=n) + np.bincount(c, weights=v, minlength=n)
        r2, _, v2 = middle[t]
        counts = counts + np.bincount(r2, weights=v2.astype(np.float64), minlength=n)
        node_counts = np.zeros(n, dtype=np.int64)
        node_counts[order] = np.rint(counts).astype(np.int64)
        out[t] = node_counts
    return out


def _triangles(A: sp.csr_array, select: tuple[str, ...]) -> list[tuple[int, int, int]]:
    """The triangles of the given types, as node positions in A's order."""
    import numpy as np
    import scipy.sparse as sp

    n = A.shape[0]
    if n == 0:
        return []
    L, order = _orient(A)
    counts = _closing_counts(L)
    rows, cols = [], []
    for t in select:
        r, c, v = counts[t]
        rows.append(r[v > 0])
        cols.append(c[v > 0])
    pairs = np.unique(np.stack([np.concatenate(rows), np.concatenate(cols)], axis=1), axis=0)
    if len(pairs) == 0:
        return []
    S = _encode(L)
    ST = sp.csr_array(S.T)
    # row p of H: the middle nodes j of the triangles closed by the tie pairs[p], with
    # the packed signs of i-j and j-k multiplied together
    H = sp.csr_array(S[pairs[:, 0]].multiply(ST[pairs[:, 1]])).tocoo()
    closing_neg = np.asarray(L[pairs[:, 0], pairs[:, 1]]).ravel() < 0
    c0, c1, c2 = _decode(H.data.astype(np.int64))
    neg_two = c1 * 1 + c2 * 2  # exactly one of c0, c1, c2 is 1 for a single path
    neg = neg_two + closing_neg[H.row]
    wanted = np.zeros(len(neg), dtype=bool)
    for t in select:
        wanted |= neg == t.count("-")
    i = order[pairs[H.row[wanted], 0]]
    j = order[H.col[wanted]]
    k = order[pairs[H.row[wanted], 1]]
    return list(zip(i.tolist(), j.tolist(), k.tolist(), strict=True))
