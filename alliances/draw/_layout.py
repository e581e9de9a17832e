"""A signed layout: allies close, enemies far apart, factions grouped; same input, same picture.

The layout turns the signed graph into target distances (short for positive ties, long for
negative ones, middling for ambivalent ties, as if unrelated for neutral ones, short within a faction and long
between factions where there is no tie), embeds them with classical multidimensional
scaling (a deterministic eigen-decomposition, no random start), and refines that start by
weighted stress majorization (SMACOF; de Leeuw 1977, Gansner, Koren & North 2004) for a
fixed number of iterations: attraction along positive ties and repulsion along negative
ones are exactly the pulls of the stress function. A final pass pushes apart nodes that sit
too close for their markers and labels. The picture is then turned to a canonical
orientation: the largest faction (without factions: the largest bloc of positive ties) on
the left, the longer arm of the vertical spread up.

Because the start is the spectral embedding of the distances and the refinement is a
smooth descent from it, a small change (one relation) moves the picture a little rather
than reshuffling it; ``tests/draw/test_layout.py`` measures that.

References
----------
Gansner, E. R., Koren, Y. & North, S. (2004) Graph drawing by stress majorization. Graph Drawing, LNCS 3383.
Kunegis, J., Schmidt, S., Lommatzsch, A. et al. (2010) Spectral analysis of signed graphs for
clustering, prediction and visualization. SIAM SDM (signed spectral drawings).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Any

import numpy as np

__all__ = ["convex_hull", "signed_distances", "signed_layout"]

# Target distances (layout units).
_ALLY, _ALLY_SPREAD = 1.0, 0.35  # positive tie: 1.0 - 0.35 * weight
_ENEMY, _ENEMY_SPREAD = 2.6, 0.6  # negative tie: 2.6 + 0.6 * weight
_AMBIVALENT = 1.8
_SAME_FACTION = 1.3
_OTHER_FACTION = 2.6
_UNRELATED = 2.2
_MIN_GAP = 0.55  # nodes closer than this are pushed apart


def convex_hull(points: np.ndarray) -> np.ndarray:
    """The corners of the convex hull of 2-D points, counter-clockwise from the leftmost (lowest).

    Andrew's monotone chain: points on a side between two corners are left out. The
    camps' shaded areas are drawn with it (scipy.spatial would cost a cold diagram a tenth
    of a second to import).

    Parameters
    ----------
    points : (m, 2) array

    Returns
    -------
    (h, 2) array

    Examples
    --------
    >>> convex_hull(np.array([[1.0, 1.0], [0.0, 0.0], [2.0, 0.0], [1.0, 0.5], [2.0, 2.0], [0.0, 2.0]])).tolist()
    [[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]]

    References
    ----------
    .. [1] Andrew, A. M. (1979) Another efficient algorithm for convex hulls in two dimensions.
       Information Processing Letters 9(5), 216-219.
    """
    pts = np.unique(np.asarray(points, dtype=float).reshape(-1, 2), axis=0)  # sorted by x, then y
    if len(pts) < 3:
        return pts

    def chain(seq: np.ndarray) -> list[np.ndarray]:
        out: list[np.ndarray] = []
        for p in seq:
            while len(out) >= 2 and ((out[-1][0] - out[-2][0]) * (p[1] - out[-2][1])
                                     - (out[-1][1] - out[-2][1]) * (p[0] - out[-2][0])) <= 0:
                out.pop()
            out.append(p)
        return out

    lower, upper = chain(pts), chain(pts[::-1])
    return np.array(lower[:-1] + upper[:-1])


def signed_distances(
    nodes: Sequence[Hashable],
    edges: Sequence[tuple[Hashable, Hashable, str, float]],
    *,
    camp_of: Mapping[Hashable, int] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Target distances and stress weights for the signed layout.

    Parameters
    ----------
    nodes : sequence
        Node ids, in a fixed order.
    edges : sequence of (u, v, stance, weight)
        One entry per tie; stance is a :class:`~alliances._network.Stance` name.
    camp_of : mapping node -> faction index, optional

    Returns
    -------
    (D, W) : two n x n arrays
        Target distances and weights (ties weigh more than non-ties).

    Examples
    --------
    >>> D, W = signed_distances(["a", "b", "c"], [("a", "b", "ally", 1.0), ("b", "c", "enemy", 1.0)])
    >>> bool(D[0, 1] < D[0, 2] < D[1, 2])
    True
    """
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    D = np.full((n, n), _UNRELATED)
    W = np.full((n, n), 0.25)
    tied = np.zeros((n, n), dtype=bool)
    if camp_of:
        for i, u in enumerate(nodes):
            for j, v in enumerate(nodes):
                cu, cv = camp_of.get(u), camp_of.get(v)
                if cu is not None and cv is not None:
                    D[i, j] = _SAME_FACTION if cu == cv else _OTHER_FACTION
    # Untied pairs with no faction information: close if linked through friends.
    pos = np.full((n, n), np.inf)
    for u, v, stance, weight in edges:
        i, j = index[u], index[v]
        w = min(1.0, max(0.0, float(weight)))
        if stance in ("ally", "friendly"):
            d = _ALLY - _ALLY_SPREAD * w
            pos[i, j] = pos[j, i] = d
        elif stance in ("rival", "enemy"):
            d = _ENEMY + _ENEMY_SPREAD * w
        elif stance == "ambivalent":
            d = _AMBIVALENT
        else:
            # neutral: a known absence of ties places the pair like an unrelated one
            # (a strong pull here would let one neutral tie rearrange the picture)
            if camp_of and camp_of.get(u) is not None and camp_of.get(v) is not None:
                continue
            d = _UNRELATED
        D[i, j] = D[j, i] = d
        W[i, j] = W[j, i] = 0.5 if stance == "ambivalent" else 1.0
        tied[i, j] = tied[j, i] = True
    if not camp_of and n:
        from scipy.sparse.csgraph import shortest_path

        finite = np.where(np.isfinite(pos), pos, 0.0)
        sp = shortest_path(finite, directed=False)
        via = ~tied & np.isfinite(sp) & (sp > 0)
        D[via] = np.minimum(sp[via], _UNRELATED)
    np.fill_diagonal(D, 0.0)
    np.fill_diagonal(W, 0.0)
    W = W / np.maximum(D, 1e-9) ** 2
    np.fill_diagonal(W, 0.0)
    return D, W


def signed_layout(
    nodes: Sequence[Hashable],
    edges: Sequence[tuple[Hashable, Hashable, str, float]],
    *,
    camp_of: Mapping[Hashable, int] | None = None,
    iterations: int = 300,
    seed: int = 0,
) -> dict[Hashable, tuple[float, float]]:
    """Positions for a signed graph: allies close, enemies far, factions grouped.

    Parameters
    ----------
    nodes : sequence
        Node ids; their order breaks ties, so pass a fixed order (file order).
    edges : sequence of (u, v, stance, weight)
        The ties to draw (stance names as in :class:`~alliances._network.Stance`).
    camp_of : mapping node -> faction index, optional
        Faction of each node (from :func:`alliances.factions`); nodes of
        one faction are drawn together.
    iterations : int
        Stress-majorization iterations (a fixed number: the result never depends on time).
    seed : int
        Seed of the tiny perturbation that separates nodes with identical distances.

    Returns
    -------
    dict
        node -> (x, y), scaled so that the widest extent is [-1, 1].

    Examples
    --------
    >>> pos = signed_layout(["a", "b", "c"], [("a", "b", "ally", 1.0), ("a", "c", "enemy", 1.0),
    ...                                      ("b", "c", "enemy", 1.0)])
    >>> import math
    >>> math.dist(pos["a"], pos["b"]) < math.dist(pos["a"], pos["c"])
    True
    """
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    D, W = signed_distances(nodes, edges, camp_of=camp_of)
    # One start only, on purpose: restarts that keep the lowest stress jump between
    # minima when the input changes a little; a descent from the spectral start does not.
    X = _classical_mds(D)
    rng = np.random.default_rng(seed)
    X = X + rng.normal(scale=1e-3, size=X.shape)
    X = _smacof(D, W, X, iterations)
    X = _separate(X, _MIN_GAP, rounds=60)
    X = _canonical(X, nodes, camp_of or _positive_blocs(nodes, edges))
    span = np.abs(X).max()
    if span > 0:
        X = X / span
    return {v: (float(X[i, 0]), float(X[i, 1])) for i, v in enumerate(nodes)}


def _classical_mds(D: np.ndarray) -> np.ndarray:
    n = len(D)
    J = np.eye(n) - np.full((n, n), 1.0 / n)
    B = -0.5 * J @ (D**2) @ J
    vals, vecs = np.linalg.eigh(B)
    order = np.argsort(vals)[::-1][:2]
    vals = np.clip(vals[order], 1e-6, None)
    X = vecs[:, order] * np.sqrt(vals)
    if X.shape[1] < 2:
        X = np.column_stack([X, np.zeros(n)])
    return X


def _smacof(D: np.ndarray, W: np.ndarray, X: np.ndarray, iterations: int) -> np.ndarray:
    n = len(D)
    V = -W.copy()
    np.fill_diagonal(V, W.sum(axis=1))
    Vp = np.linalg.pinv(V + np.full((n, n), 1.0 / n)) - np.full((n, n), 1.0 / n)
    for _ in range(iterations):
        diff = X[:, None, :] - X[None, :, :]
        dist = np.sqrt((diff**2).sum(axis=2))
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(dist > 1e-12, W * D / dist, 0.0)
        B = -ratio
        np.fill_diagonal(B, 0.0)
        np.fill_diagonal(B, -B.sum(axis=1))
        X = Vp @ (B @ X)
    return X


def _separate(X: np.ndarray, gap: float, *, rounds: int) -> np.ndarray:
    # Scale so that the median tie length is about 1, then push too-close pairs apart.
    X = X.copy()
    n = len(X)
    for _ in range(rounds):
        diff = X[:, None, :] - X[None, :, :]
        dist = np.sqrt((diff**2).sum(axis=2))
        np.fill_diagonal(dist, np.inf)
        close = dist < gap
        if not close.any():
            break
        push = np.zeros_like(X)
        for i in range(n):
            for j in np.flatnonzero(close[i]):
                d = dist[i, j]
                direction = diff[i, j] / d if d > 1e-9 else np.array([1.0, 0.0]) * (1 if i < j else -1)
                push[i] += 0.5 * (gap - d) * direction
        X += push
    return X


def _positive_blocs(nodes: Sequence[Hashable], edges) -> dict[Hashable, int]:
    """Without factions, orientation uses the blocs of positive ties (largest = 0) instead."""
    parent = {v: v for v in nodes}

    def find(v):
        while parent[v] != v:
            parent[v] = parent[parent[v]]
            v = parent[v]
        return v

    for u, v, stance, _ in edges:
        if stance in ("ally", "friendly"):
            parent[find(u)] = find(v)
    groups: dict[Hashable, list] = {}
    for v in nodes:
        groups.setdefault(find(v), []).append(v)
    rank = {v: i for i, v in enumerate(nodes)}
    blocs = sorted(groups.values(), key=lambda g: (-len(g), rank[g[0]]))
    if len(blocs[0]) < 2:
        return {}
    return {v: i for i, g in enumerate(blocs) for v in g}


def _canonical(X: np.ndarray, nodes: Sequence[Hashable], camp_of: Mapping[Hashable, Any] | None) -> np.ndarray:
    # Orientation from smooth criteria (they flip only when a weighted sum crosses zero):
    # the x axis runs from the largest faction to the rest (without factions: the widest
    # spread, earlier actors in file order on the left), and the longer arm of the y spread points up.
    X = X - X.mean(axis=0)
    camps = camp_of or {}
    members = np.array([bool(camps) and camps.get(v) == 0 for v in nodes])
    axis = None
    if members.any() and not members.all():
        axis = X[~members].mean(axis=0) - X[members].mean(axis=0)
        if np.linalg.norm(axis) < 1e-6 * (np.abs(X).max() + 1e-12):
            axis = None
    if axis is None:
        vals, vecs = np.linalg.eigh(X.T @ X)
        axis = vecs[:, -1]
        early = np.linspace(1.0, 0.2, len(X))
        if (X @ axis) @ early > 0:  # earlier actors (file order) on the left
            axis = -axis
    axis = axis / np.linalg.norm(axis)
    R = np.array([[axis[0], -axis[1]], [axis[1], axis[0]]])
    X = X @ R
    if (X[:, 1] ** 3).sum() < 0:  # the longer arm up
        X[:, 1] = -X[:, 1]
    return X
