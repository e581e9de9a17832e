"""Structural balance: the signed triangle census, the unbalanced triads, walk balance.

A triangle of ties is *strictly balanced* when the product of its signs is positive
(+++ and +--: Heider 1946; Cartwright & Harary 1956 [1]_); *weak balance* (Davis 1967
[2]_) also accepts three mutual enemies (---). Only ++- ("the friend of my friend is my
enemy") is unbalanced in both senses.

Every count here is sparse matrix algebra on the signed adjacency matrix, never a loop
over node triples: the edges are oriented from lower to higher degree (so that every
triangle is seen exactly once and the products stay small, as in the classic
"forward" triangle listing), the signs are packed into one integer per entry, and one
sparse product masked by the adjacency counts every triangle type at once.

Neutral and ambivalent ties (sign 0) are no tie for every measure here. Ambivalent ties
are reported apart by :func:`ambivalence`.

References
----------
.. [1] Cartwright, D. and Harary, F. (1956). Structural balance: a generalization of
   Heider's theory. Psychological Review 63(5), 277-293.
.. [2] Davis, J. A. (1967). Clustering and structural balance in graphs. Human
   Relations 20(2), 181-187.
.. [3] Estrada, E. and Benzi, M. (2014). Walk-based measure of balance in signed
   networks: detecting lack of balance in social networks. Physical Review E 90, 042802.
"""

from __future__ import annotations

import math
from collections.abc import Hashable
from dataclasses import dataclass, field
from itertools import chain, repeat
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from .._signed import ambivalent_edges, as_signed_graph, signed_adjacency
from ..errors import ParameterError

if TYPE_CHECKING:
    import networkx as nx
    import numpy as np
    import pandas as pd
    import scipy.sparse as sp

    from .._network import AllianceNetwork

__all__ = [
    "Ambivalence",
    "BalanceReport",
    "TriangleCensus",
    "actor_census",
    "ambivalence",
    "balance_report",
    "triangle_census",
    "unbalanced_triads",
    "walk_balance",
]

TRIAD_TYPES = ("+++", "++-", "+--", "---")
_STRICTLY_BALANCED = ("+++", "+--")
_WEAKLY_BALANCED = ("+++", "+--", "---")

# Signs packed into one int64 per matrix entry: + is 1, - is 2**21. A product of two
# such matrices holds, per entry, (#++ paths) + (#+- paths) * 2**21 + (#-- paths) * 2**42,
# exact while no pair has 2**21 (two million) common neighbours.
_SHIFT = 21
_BASE = 1 << _SHIFT
_LOW = _BASE - 1

# walk balance: components up to this size get all their eigenvalues
_DENSE_MAX = 2000
_SPARSE_EIGS = 32
_PROBES = 32
_SLQ_STEPS = 40


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

    References
    ----------
    .. [1] Cartwright, D. and Harary, F. (1956). Structural balance: a generalization of
       Heider's theory. Psychological Review 63(5), 277-293.
    .. [2] Davis, J. A. (1967). Clustering and structural balance in graphs. Human
       Relations 20(2), 181-187.
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
        return None if self.weighted is None else _ratio(self.weighted, _STRICTLY_BALANCED)

    @property
    def weighted_weak_balance(self) -> float | None:
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


def _ratio(counts: dict[str, float], good: tuple[str, ...]) -> float | None:
    total = sum(counts.values())
    if total == 0:
        return None
    return float(sum(counts[t] for t in good) / total)


# -- the census ------------------------------------------------------------------------


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
    nodes, A, amb = _adjacency(G, weighted=weighted)
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
    import numpy as np
    import pandas as pd

    nodes, A, _ = _adjacency(G)
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
    order = sorted(range(n), key=lambda i: _node_key(nodes[i]))
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
    .. [1] Cartwright, D. and Harary, F. (1956). Structural balance: a generalization of
       Heider's theory. Psychological Review 63(5), 277-293.
    .. [2] Davis, J. A. (1967). Clustering and structural balance in graphs. Human
       Relations 20(2), 181-187.
    """
    import pandas as pd

    g = as_signed_graph(G)
    nodes, A = signed_adjacency(g)
    triples = _triangles(A, select=("++-", "---") if strict else ("++-",))
    names = _display_names(G)
    rows = []
    for i, j, k in triples:
        a, b, c = sorted((nodes[i], nodes[j], nodes[k]), key=_node_key)
        s = "".join("+" if g[x][y]["sign"] > 0 else "-" for x, y in ((a, b), (b, c), (a, c)))
        neg = s.count("-")
        row = {"a": a, "b": b, "c": c, "signs": s, "type": "---" if neg == 3 else "++-",
               "weakly_balanced": neg == 3}
        if names is not None:
            row["names"] = f"{names[a]}, {names[b]} and {names[c]}"
        rows.append(row)
    rows.sort(key=lambda r: (_node_key(r["a"]), _node_key(r["b"]), _node_key(r["c"])))
    if limit is not None:
        rows = rows[:limit]
    columns = ["a", "b", "c", "signs", "type", "weakly_balanced"] + (["names"] if names is not None else [])
    return pd.DataFrame(rows, columns=columns)


# -- walk balance ----------------------------------------------------------------------


def walk_balance(
    G: AllianceNetwork | nx.Graph,
    *,
    weighted: bool = False,
    method: str = "auto",
    rtol: float = 1e-9,
) -> float | None:
    """Walk-based balance of Estrada & Benzi: tr exp(A) / tr exp(|A|).

    Closed walks of every length are weighted by 1/k! and counted with their sign; the
    ratio is 1 exactly when the graph is balanced and falls towards 0 as negative
    cycles dominate.

    Parameters
    ----------
    G : AllianceNetwork or networkx.Graph
    weighted : bool, default False
        Use sign x weight instead of the sign.
    method : {"auto", "dense", "sparse"}
        ``"dense"``: all eigenvalues of each connected component. ``"sparse"``: for
        components of more than 2,000 nodes, the 32 largest eigenvalues (Lanczos,
        ``scipy.sparse.linalg.eigsh``), enough when the ones left out cannot change the
        result by more than ``rtol`` (relative, or absolute on the ratio, whichever is
        looser); otherwise the rest of the trace is estimated by stochastic Lanczos
        quadrature (32 fixed-seed probes, 40 steps, on the complement of the
        eigenvectors found), so the result is then an estimate. ``"auto"`` is
        ``"sparse"``.
    rtol : float
        Tolerance of the sparse path.

    Returns
    -------
    float or None
        In (0, 1]; None for a graph without nodes.

    Examples
    --------
    >>> import networkx as nx
    >>> triangle = nx.Graph([(1, 2, {"sign": -1}), (2, 3, {"sign": -1}), (1, 3, {"sign": -1})])
    >>> round(walk_balance(triangle), 4)
    0.6858
    >>> walk_balance(nx.Graph([(1, 2, {"sign": -1}), (2, 3, {"sign": 1}), (1, 3, {"sign": -1})]))
    1.0

    Notes
    -----
    Both traces are computed shifted by the largest eigenvalue of :math:`|A|` (which
    bounds every eigenvalue of :math:`A`), so nothing overflows on large graphs.

    References
    ----------
    .. [1] Estrada, E. and Benzi, M. (2014). Walk-based measure of balance in signed
       networks: detecting lack of balance in social networks. Physical Review E 90,
       042802.
    """
    import numpy as np
    from scipy.sparse.csgraph import connected_components

    if method not in ("auto", "dense", "sparse"):
        raise ParameterError(f"method must be 'auto', 'dense' or 'sparse', not {method!r}")
    _, A, _ = _adjacency(G, weighted=weighted)
    n = A.shape[0]
    if n == 0:
        return None
    B = abs(A)
    _, labels = connected_components(B, directed=False)
    # eigenvalues of a block-diagonal matrix are those of its blocks: components are
    # grouped into chunks of at most _DENSE_MAX nodes (all eigenvalues, dense); a larger
    # component is a chunk of its own (sparse path unless method="dense")
    order = np.argsort(labels, kind="stable")
    sizes = np.bincount(labels)
    starts = np.concatenate([[0], np.cumsum(sizes)])
    chunks: list[np.ndarray] = []
    pending: list[np.ndarray] = []
    pending_size = 0
    for comp in np.argsort(sizes, kind="stable").tolist():
        members = order[starts[comp]:starts[comp + 1]]
        if len(members) > _DENSE_MAX:
            chunks.append(members)
            continue
        if pending_size + len(members) > _DENSE_MAX:
            chunks.append(np.concatenate(pending))
            pending, pending_size = [], 0
        pending.append(members)
        pending_size += len(members)
    if pending:
        chunks.append(np.concatenate(pending))
    parts = [(A[idx][:, idx], B[idx][:, idx]) for idx in chunks]
    shift = max(_largest_eig(Bc) for _, Bc in parts)

    def dense(Mc: sp.csr_array) -> bool:
        return method == "dense" or Mc.shape[0] <= _DENSE_MAX

    # the denominator first: it sets the absolute accuracy the numerator needs
    den = sum(_dense_trace_exp(Bc, shift) if dense(Bc) else _sparse_trace_exp(Bc, shift, rtol)
              for _, Bc in parts)
    num = sum(_dense_trace_exp(Ac, shift) if dense(Ac) else _sparse_trace_exp(Ac, shift, rtol, floor=rtol * den)
              for Ac, _ in parts)
    value = float(num / den)
    return 1.0 if abs(value - 1.0) < 1e-12 else value


def _largest_eig(M: sp.csr_array) -> float:
    import numpy as np
    from scipy.sparse.linalg import eigsh

    size = M.shape[0]
    if M.nnz == 0:
        return 0.0
    if size <= _DENSE_MAX:
        return float(np.linalg.eigvalsh(M.toarray())[-1])
    return float(eigsh(M.astype(float), k=1, which="LA", return_eigenvectors=False)[0])


def _dense_trace_exp(M: sp.csr_array, shift: float) -> float:
    import numpy as np

    ev = np.linalg.eigvalsh(M.toarray()) if M.shape[0] else np.zeros(0)
    return float(np.exp(ev - shift).sum())


def _sparse_trace_exp(M: sp.csr_array, shift: float, rtol: float, floor: float = 0.0) -> float:
    """tr exp(M - shift I) from the largest eigenvalues, plus an estimate of the rest.

    Lanczos (ARPACK) finds the top eigenvalues. When those left out cannot add more than
    ``rtol`` times the sum found, or more than ``floor`` (an absolute tolerance: for the
    signed trace, ``rtol`` times the unsigned one, so that the ratio is right to ``rtol``
    in absolute terms), the sum is returned as it is. Otherwise the rest is estimated
    by stochastic Lanczos quadrature (Ubaru, Chen & Saad 2017) on the orthogonal
    complement of the eigenvectors found, whose error is bounded by the size of the
    remainder, not of the whole trace.
    """
    import numpy as np
    from scipy.sparse.linalg import eigsh

    size = M.shape[0]
    M = M.astype(float)
    k = min(_SPARSE_EIGS, size - 2)
    ev, V = eigsh(M, k=k, which="LA")
    part = float(np.exp(ev - shift).sum())
    # every eigenvalue left out is at most the smallest one found
    rest_bound = (size - k) * math.exp(float(ev.min()) - shift)
    if rest_bound <= max(rtol * part, floor):
        return part
    return part + _slq_trace_exp(M, V, shift)


def _slq_trace_exp(M: sp.csr_array, V: np.ndarray, shift: float) -> float:
    """Stochastic Lanczos quadrature of tr(P exp(M - shift) P), P projecting off span(V).

    Rademacher probes (fixed seed), projected; ``_SLQ_STEPS`` Lanczos steps each, fully
    reorthogonalised; every probe's quadratic form is read from the small tridiagonal
    matrix's eigen-decomposition.
    """
    import numpy as np
    from scipy.linalg import eigh_tridiagonal

    n = M.shape[0]
    rng = np.random.default_rng(0)
    Z = rng.choice([-1.0, 1.0], size=(n, _PROBES))
    Z -= V @ (V.T @ Z)
    norms2 = np.einsum("ij,ij->j", Z, Z)
    Q = Z / np.sqrt(np.maximum(norms2, 1e-300))
    basis = [Q]
    alphas, betas = [], []
    for step in range(min(_SLQ_STEPS, n - V.shape[1])):
        W = M @ Q
        alpha = np.einsum("ij,ij->j", Q, W)
        alphas.append(alpha)
        if step == _SLQ_STEPS - 1:
            break
        W -= V @ (V.T @ W)
        for U in basis:  # full reorthogonalisation, column by column
            W -= U * np.einsum("ij,ij->j", U, W)
        beta = np.sqrt(np.einsum("ij,ij->j", W, W))
        if np.all(beta < 1e-10):
            break
        betas.append(beta)
        Q = W / np.maximum(beta, 1e-300)
        basis.append(Q)
    total = 0.0
    steps = len(alphas)
    for p in range(Z.shape[1]):
        a = np.array([x[p] for x in alphas])
        b = np.array([x[p] for x in betas[: steps - 1]])
        # a probe whose Krylov space closed early: cut at the first zero beta
        cut = next((i for i, x in enumerate(b) if x < 1e-10), None)
        if cut is not None:
            a, b = a[: cut + 1], b[:cut]
        theta, S = eigh_tridiagonal(a, b)
        total += norms2[p] * float(np.sum(S[0] ** 2 * np.exp(theta - shift)))
    return total / Z.shape[1]


# -- ambivalent ties -------------------------------------------------------------------


@dataclass(frozen=True)
class Ambivalence:
    """Ambivalent ties, left out of every balance measure, and what they would change.

    Attributes
    ----------
    ties : list of (a, b)
        The ambivalent pairs, a < b, sorted.
    triads : list of dict
        Each triad an ambivalent tie would close: ``{"tie": [a, b], "third": c,
        "signs": "+-"}`` (the signs of the two other ties a-c and b-c), with
        ``"if_positive"`` and ``"if_negative"``: the pattern it would make.
    readings : dict
        ``{"positive": {...}, "negative": {...}}``: reading every ambivalent tie as
        that sign, ``"changes_camps"`` (bool: the current two camps stop being an
        optimal partition), ``"camps"`` (the optimal camps under that reading),
        ``"frustration"`` (its frustration index) and ``"census"`` (its triangle counts).
    per_tie : list of dict
        The same question for each tie alone (when there are at most 20):
        ``{"tie": [a, b], "positive_changes_camps": bool, "negative_changes_camps": bool}``.
    camps : list of list
        The two camps with the ambivalent ties left out.

    Examples
    --------
    >>> import alliances
    >>> net = alliances.load("seeds/syria_2017.yaml").with_relation("russia", "us_coalition", "ambivalent")
    >>> amb = alliances.ambivalence(net)
    >>> amb.ties, amb.triads[0]["third"], amb.triads[0]["if_positive"], amb.triads[0]["if_negative"]
    ([('russia', 'us_coalition')], 'assad', '++-', '+--')
    >>> amb.readings["positive"]["changes_camps"], amb.readings["negative"]["changes_camps"]
    (False, False)
    """

    ties: list[tuple[Hashable, Hashable]]
    triads: list[dict[str, Any]] = field(default_factory=list)
    readings: dict[str, dict[str, Any]] = field(default_factory=dict)
    per_tie: list[dict[str, Any]] = field(default_factory=list)
    camps: list[list[Hashable]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.ties)

    def to_dict(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "ties": [list(p) for p in self.ties],
            "triads": self.triads,
            "readings": self.readings,
            "per_tie": self.per_tie,
            "camps": self.camps,
        }


def ambivalence(
    G: AllianceNetwork | nx.Graph,
    *,
    exact: bool | str = "auto",
    time_limit: float | None = None,
    seed: int = 0,
) -> Ambivalence:
    """Report the ambivalent ties apart: how many, which triads they close, what they would change.

    Ambivalent ties ("it's complicated") carry both positive and negative ties; every
    balance measure leaves them out. This tells the analyst what that choice hides: the
    triads each would close and whether reading them all (or each alone) as positive or
    as negative would move the two camps of the frustration partition. Neutral ties
    are no tie and are not reported; unknown pairs are not ties at all.

    Parameters
    ----------
    G : AllianceNetwork or networkx.Graph
        Ambivalent ties are edges whose ``stance`` is ``"ambivalent"``.
    exact, time_limit, seed
        Passed to :func:`alliances.analysis._frustration.frustration_index`.

    Returns
    -------
    Ambivalence

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b", {"sign": 1}), ("b", "c", {"sign": -1}), ("a", "c", {"sign": -1}),
    ...               ("c", "e", {"sign": 1}), ("a", "d", {"sign": 1})])
    >>> G.add_edges_from([("d", "c"), ("d", "e")], sign=0, stance="ambivalent")
    >>> amb = ambivalence(G)
    >>> amb.camps
    [['a', 'b', 'd'], ['c', 'e']]
    >>> amb.count, amb.readings["positive"]["changes_camps"], amb.readings["negative"]["changes_camps"]
    (2, True, False)
    >>> amb.readings["positive"]["camps"]
    [['c', 'd', 'e'], ['a', 'b']]

    References
    ----------
    .. [1] Harary, F. (1959). On the measurement of structural balance. Behavioral
       Science 4(4), 316-323.
    """
    from ._frustration import frustration_index

    g = as_signed_graph(G)
    ties = ambivalent_edges(g)
    base = frustration_index(g, exact=exact, time_limit=time_limit, seed=seed)
    camps = [list(c) for c in base.camps]
    if not ties:
        return Ambivalence(ties=[], camps=camps)

    triads = []
    for a, b in ties:
        common = set(g[a]) & set(g[b])
        for c in sorted(common, key=_node_key):
            sa, sb = g[a][c]["sign"], g[b][c]["sign"]
            if sa == 0 or sb == 0:
                continue
            signs = ("+" if sa > 0 else "-") + ("+" if sb > 0 else "-")
            triads.append({
                "tie": [a, b], "third": c, "signs": signs,
                "if_positive": _pattern(signs + "+"), "if_negative": _pattern(signs + "-"),
            })

    def reading(pairs: list[tuple[Hashable, Hashable]], sign: int) -> dict[str, Any]:
        h = g.copy()
        for a, b in pairs:
            h[a][b]["sign"] = sign
            h[a][b]["stance"] = "friendly" if sign > 0 else "rival"
        res = frustration_index(h, exact=exact, time_limit=time_limit, seed=seed)
        base_cost = _partition_cost(h, base.camps)
        return {
            "changes_camps": bool(base_cost > res.value + 1e-9),
            "camps": [list(c) for c in res.camps],
            "frustration": res.value,
            "census": triangle_census(h).counts,
        }

    readings = {"positive": reading(ties, 1), "negative": reading(ties, -1)}
    per_tie = []
    if len(ties) <= 20:
        for a, b in ties:
            per_tie.append({
                "tie": [a, b],
                "positive_changes_camps": reading([(a, b)], 1)["changes_camps"],
                "negative_changes_camps": reading([(a, b)], -1)["changes_camps"],
            })
    return Ambivalence(ties=ties, triads=triads, readings=readings, per_tie=per_tie, camps=camps)


def _pattern(signs: str) -> str:
    return "+" * signs.count("+") + "-" * signs.count("-")


def _partition_cost(g: nx.Graph, camps: list[list[Hashable]]) -> int:
    """Ties a partition frustrates: positive between camps, negative within."""
    camp_of = {v: i for i, camp in enumerate(camps) for v in camp}
    cost = 0
    for u, v, d in g.edges(data=True):
        s = d["sign"]
        if s == 0:
            continue
        same = camp_of.get(u, -1) == camp_of.get(v, -2) if u in camp_of and v in camp_of else False
        cost += (s > 0 and not same) or (s < 0 and same)
    return cost


# -- one call for a report -------------------------------------------------------------


@dataclass
class BalanceReport:
    """Everything ``alliances balance`` reports, computed once (see :func:`balance_report`).

    Attributes
    ----------
    census : TriangleCensus
    unbalanced : pandas.DataFrame
        :func:`unbalanced_triads`.
    walk : float or None
        :func:`walk_balance`.
    frustration, weighted_frustration : FrustrationResult
        :func:`alliances.frustration_index`, counting ties and summing their weights.
    factions : FactionsResult
    implied : pandas.DataFrame
        :func:`alliances.implied_relations`.
    centrality : pandas.DataFrame
        :func:`alliances.centrality_table`.
    ambivalence : Ambivalence
    names : dict
        Actor id -> display name.
    title : str or None
        The scenario's name (the CLI puts a CSV file's name here).
    strict : bool
        Whether implied relations follow strict balance.

    Examples
    --------
    >>> import alliances
    >>> rep = alliances.balance_report(alliances.load("seeds/syria_2017.yaml"))
    >>> rep.frustration.value, rep.factions.k, rep.names["us_coalition"]
    (2.0, 3, 'US-led coalition')
    >>> rep.to_dict()["frustration"]["frustrated_edges"]
    [['islamic_state', 'syrian_rebels'], ['islamic_state', 'us_coalition']]
    """

    census: TriangleCensus
    unbalanced: Any
    walk: float | None
    frustration: Any
    weighted_frustration: Any
    factions: Any
    implied: Any
    centrality: Any
    ambivalence: Ambivalence
    names: dict[Hashable, str]
    title: str | None = None
    strict: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Plain, JSON-ready data: pairs ``a`` < ``b``, sorted lists, None for undefined numbers.

        The keys are listed at :func:`alliances.report._balance.balance_json` (the CLI's
        ``--json``), which returns this.
        """
        fr, wfr, fa = self.frustration, self.weighted_frustration, self.factions
        census = self.census.to_dict()
        return {
            "scenario": self.title,
            "census": census,
            "triangles": dict(self.census.counts),
            "strict_balance": _json_num(self.census.strict_balance),
            "weak_balance": _json_num(self.census.weak_balance),
            "walk_balance": _json_num(self.walk),
            "unbalanced_triads": [
                {"actors": [_json_id(r.a), _json_id(r.b), _json_id(r.c)], "signs": r.signs, "type": r.type,
                 "weakly_balanced": bool(r.weakly_balanced)}
                for r in self.unbalanced.itertuples()
            ],
            "frustration": {
                "index": _json_num(fr.value),
                "weighted_index": _json_num(wfr.value),
                "optimal": bool(fr.optimal),
                "weighted_optimal": bool(wfr.optimal),
                "lower_bound": _json_num(fr.lower_bound),
                "gap": _json_num(fr.gap),
                "method": fr.method,
                "partition": [[_json_id(x) for x in camp] for camp in fr.camps],
                "frustrated_edges": [[_json_id(a), _json_id(b)] for a, b in fr.frustrated],
            },
            "factions": [[_json_id(x) for x in camp] for camp in fa.camps],
            "factions_detail": {
                "k": fa.k, "alpha": _json_num(fa.alpha), "value": _json_num(fa.value), "optimal": bool(fa.optimal),
                "lower_bound": _json_num(fa.lower_bound), "gap": _json_num(fa.gap), "method": fa.method,
            },
            "implied": [
                {"a": _json_id(r.a), "b": _json_id(r.b), "stance": r.stance, "score": _json_num(r.score),
                 "via": [_json_id(v) for v in r.via], "reason": r.reason, "conflicting": bool(r.conflicting)}
                for r in self.implied.itertuples()
            ],
            "implied_rule": "strict" if self.strict else "weak",
            "centrality": [
                {k: (_json_id(v) if k == "actor" else _json_num(v)) for k, v in row.items()}
                for row in self.centrality.to_dict("records")
            ],
            "ambivalent": self.ambivalence.to_dict(),
        }


def _json_num(x: Any) -> float | int | None:
    """A JSON number, or None for missing, NaN and infinite values."""
    if x is None:
        return None
    try:
        f = float(x)
    except (TypeError, ValueError):
        return None
    if math.isnan(f) or math.isinf(f):
        return None
    if isinstance(x, (int,)) or (hasattr(x, "dtype") and getattr(x.dtype, "kind", "") in "iu"):
        return int(x)
    return f


def _json_id(x: Hashable) -> Any:
    """Node ids as JSON values: numpy scalars become Python numbers."""
    if hasattr(x, "item") and not isinstance(x, str):
        return x.item()
    return x


def balance_report(
    G: AllianceNetwork | nx.Graph,
    *,
    strict: bool = False,
    k: int | None = None,
    exact: bool | str = "auto",
    time_limit: float | None = None,
    seed: int = 0,
) -> BalanceReport:
    """Run every balance analysis on one network: census, triads, walk balance, frustration,
    factions, implied relations, signed centrality and the ambivalent ties.

    Parameters
    ----------
    G : AllianceNetwork or networkx.Graph
    strict : bool, default False
        Implied relations under strict balance (the enemy of an enemy is a friend)
        instead of weak balance.
    k : int, optional
        Number of factions (None: chosen by :func:`alliances.analysis._frustration.factions`).
    exact, time_limit, seed
        Passed to the frustration index and factions.

    Returns
    -------
    BalanceReport

    Examples
    --------
    >>> import alliances
    >>> from pathlib import Path
    >>> rep = balance_report(alliances.load(Path(alliances.__file__).parents[1] / "seeds" / "syria_2017.yaml"))
    >>> rep.census.counts["---"] > 0, rep.frustration.optimal
    (True, True)

    References
    ----------
    .. [1] Aref, S., Mason, A. J. and Wilson, M. C. (2020). An exact method for computing
       the frustration index in signed networks using binary programming. Networks 75.
    """
    from ._centrality import centrality_table
    from ._factions import factions as _factions
    from ._frustration import frustration_index
    from ._implied import implied_relations

    g = as_signed_graph(G)
    opts = {"exact": exact, "time_limit": time_limit, "seed": seed}
    return BalanceReport(
        census=triangle_census(g, weighted=True),
        unbalanced=unbalanced_triads(G),
        walk=walk_balance(g),
        frustration=frustration_index(g, **opts),
        weighted_frustration=frustration_index(g, weighted=True, **opts),
        factions=_factions(g, k=k, **opts),
        implied=implied_relations(g, strict=strict),
        centrality=centrality_table(g),
        ambivalence=ambivalence(g, **opts),
        names=_display_names(G) or {},
        title=getattr(G, "scenario", None),
        strict=strict,
    )


# -- helpers ---------------------------------------------------------------------------


def _node_key(x: Hashable) -> tuple:
    """Sort numbers numerically and everything else as text, numbers first."""
    if isinstance(x, (int, float)) and not isinstance(x, bool):
        return (0, x, "")
    return (1, 0, str(x))


def _display_names(G: Any) -> dict[Hashable, str] | None:
    actors = getattr(G, "actors", None)
    if actors is None:
        return None
    return {a: actor.name for a, actor in actors.items()}


def _adjacency(G: Any, *, weighted: bool = False) -> tuple[list[Hashable], sp.csr_array, int]:
    """Node order, symmetric signed adjacency (CSR) and the number of ambivalent ties.

    The same matrix as :func:`alliances._signed.signed_adjacency`, read in one pass over
    the adjacency dicts when every tie already carries a ``sign`` (a million ties in
    about a second); anything else goes through :func:`~alliances._signed.as_signed_graph`.
    """
    import networkx as nx
    import numpy as np
    import scipy.sparse as sp

    g = getattr(G, "graph", None) if hasattr(G, "actors") else G
    if not isinstance(g, nx.Graph):
        g = as_signed_graph(G)
    if g.is_directed() or g.is_multigraph():
        g = as_signed_graph(g)
    nodes = list(g)
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    adj = g._adj
    # map/itemgetter over flat iterators: the fastest pure-Python way through the dicts
    dicts = list(chain.from_iterable(map(dict.values, adj.values())))
    try:
        signs = np.sign(np.fromiter(map(itemgetter("sign"), dicts), dtype=np.float64, count=len(dicts)))
        weights = (np.abs(np.fromiter(map(dict.get, dicts, repeat("weight"), repeat(1.0)), dtype=np.float64,
                                      count=len(dicts)))
                   if weighted else None)
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
    values = signs[keep] * (weights[keep] if weighted else 1.0)
    A = sp.csr_array((values, (rows[keep], cols[keep])), shape=(n, n))
    return nodes, A, ambivalent


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
