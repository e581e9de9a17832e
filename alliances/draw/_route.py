"""Edge routing: ties that bend around markers and never run on top of each other.

Every tie starts as the straight line between its two actors. Where that line would pass
over the marker of a third actor, or run along a tie already drawn, it is replaced by the
best of a fixed family of smooth curves (cubic Béziers bulging to either side by up to
half their length, lop-sided and S-shaped ones among them); when none of those is clear,
by the shortest path around the markers on a fine grid, smoothed. Ties are routed one by
one, shortest first, each against the markers and the ties before it, so the result is
the same on every run.

Everything here is in inches on the drawing (one unit = one inch), so clearances in
points are plain constants.

Why our own code: Graphviz's spline router (Gansner & North 1998, through pygraphviz)
needs a system library and a compiler that ``pip install`` cannot bring; netgraph's
curved edges are placed by a force simulation that does not promise to clear markers;
edge bundling (Holten & van Wijk 2009) deliberately merges edges, the opposite of what a
reader of who-fights-whom needs.

References
----------
Dobkin, D. P., Gansner, E. R., Koutsofios, E. & North, S. C. (1997) Implementing a
general-purpose edge router. Graph Drawing, LNCS 1353.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["CLEAR_IN", "EdgeRoute", "path_length", "offset_path", "route_edges", "shared_length"]

PT = 1 / 72
CLEAR_IN = 2.0 * PT
"""Room kept between a tie's stroke and a marker it does not end at (inches)."""
_SPACING = 0.03  # inches between the sample points of a path
_SHARE_PAD = 1.0 * PT  # a tie whose centre line comes within the other's half width plus this runs on it
_MAX_SHARE = 0.07  # share of a tie's length it may run along another (the promise is 10%)


@dataclass
class EdgeRoute:
    """One routed path: sample points from one actor's centre to the other's, and its stroke width."""

    i: int
    j: int
    width: float
    points: np.ndarray


def path_length(points: np.ndarray) -> float:
    """Length of a polyline.

    Examples
    --------
    >>> path_length(np.array([[0.0, 0.0], [3.0, 4.0], [3.0, 5.0]]))
    6.0
    """
    return float(np.linalg.norm(np.diff(points, axis=0), axis=1).sum())


def offset_path(points: np.ndarray, distance: float) -> np.ndarray:
    """A polyline moved sideways by ``distance`` (positive: to the left of its direction).

    Examples
    --------
    >>> offset_path(np.array([[0.0, 0.0], [1.0, 0.0], [2.0, 0.0]]), 0.5).tolist()
    [[0.0, 0.5], [1.0, 0.5], [2.0, 0.5]]
    """
    d = np.gradient(points, axis=0)
    norm = np.linalg.norm(d, axis=1, keepdims=True)
    d = d / np.maximum(norm, 1e-12)
    normal = np.column_stack([-d[:, 1], d[:, 0]])
    return points + distance * normal


def shared_length(a: np.ndarray, b: np.ndarray, within: float, *, skip: Sequence[tuple[np.ndarray, float]] = ()) -> float:
    """How much of polyline ``a`` runs within ``within`` of polyline ``b`` (inches).

    Parameters
    ----------
    a, b : (m, 2) arrays
    within : float
        Distance below which ``a`` counts as running on ``b``.
    skip : sequence of (centre, radius)
        Discs where nothing counts (the markers both paths end at).

    Returns
    -------
    float

    Examples
    --------
    >>> a = np.array([[0.0, 0.0], [2.0, 0.0]])
    >>> round(shared_length(a, np.array([[1.0, 0.01], [3.0, 0.01]]), 0.05), 2)  # from x = 0.95 on
    1.05
    """
    pts, seg = _resample(a, _SPACING / 3)
    keep = np.ones(len(pts), dtype=bool)
    for centre, radius in skip:
        keep &= np.linalg.norm(pts - np.asarray(centre), axis=1) > radius
    near = _distance_to_polyline(pts, b) < within
    return float(seg[keep & near].sum())


def route_edges(
    centres: np.ndarray,
    reach: np.ndarray,
    edges: Sequence[tuple[int, int, float]],
    *,
    bounds: tuple[float, float, float, float],
) -> list[EdgeRoute]:
    """Route every edge around the markers it does not end at and clear of the edges before it.

    Parameters
    ----------
    centres : (n, 2) array
        Marker centres, in inches.
    reach : (n,) array
        How far each marker reaches from its centre (its corners or tips), in inches.
    edges : sequence of (i, j, width)
        Node indices and stroke width in inches.
    bounds : (x0, y0, x1, y1)
        The area paths stay inside.

    Returns
    -------
    list of EdgeRoute
        In the order of ``edges``.

    Examples
    --------
    >>> centres = np.array([[0.0, 0.0], [1.0, 0.0], [2.0, 0.0]])
    >>> routes = route_edges(centres, np.full(3, 0.1), [(0, 2, 0.03)], bounds=(-1, -1, 3, 1))
    >>> bool(np.abs(routes[0].points[:, 1]).max() > 0.1)  # bent around the middle marker
    True
    """
    centres = np.asarray(centres, dtype=float)
    reach = np.asarray(reach, dtype=float)
    lengths = [float(np.linalg.norm(centres[i] - centres[j])) for i, j, _ in edges]
    order = sorted(range(len(edges)), key=lambda k: (lengths[k], k))
    ends = [[(centres[i], reach[i]), (centres[j], reach[j])] for i, j, _ in edges]
    placed = _Placed()
    paths: list[np.ndarray] = [np.zeros((0, 2))] * len(edges)
    for k in order:
        i, j, width = edges[k]
        paths[k] = _route_one(centres, reach, i, j, width, bounds, placed, k)
        placed.add(k, paths[k], width, ends[k])
    # rip up and reroute: each tie that still runs along another is routed again against all
    # the others (the first pass routed it against the shorter ones only)
    for _ in range(2):
        worst = []
        for k in order:
            share = placed.worst_share(paths[k], edges[k][2], ends[k], k)
            if share > _MAX_SHARE:
                worst.append((-share, k))
        if not worst:
            break
        for _, k in sorted(worst):
            i, j, width = edges[k]
            paths[k] = _route_one(centres, reach, i, j, width, bounds, placed, k)
            placed.add(k, paths[k], width, ends[k])
    return [EdgeRoute(i, j, w, paths[k]) for k, (i, j, w) in enumerate(edges)]


# -- one edge -----------------------------------------------------------------------


def _route_one(centres, reach, i, j, width, bounds, placed: _Placed, key: int) -> np.ndarray:
    p0, p3 = centres[i], centres[j]
    others = np.array([k for k in range(len(centres)) if k not in (i, j)], dtype=int)
    obst_c = centres[others] if len(others) else np.zeros((0, 2))
    obst_r = reach[others] + width / 2 + CLEAR_IN if len(others) else np.zeros(0)
    ends = [(p0, reach[i] + width / 2), (p3, reach[j] + width / 2)]
    cands = _candidates(p0, p3)
    # the straight line when it is clear: most ties are, and it is the plainest drawing
    cost, blocked, crowded = _score(cands[:1], obst_c, obst_r, width, bounds, placed, ends, key)
    if not blocked[0] and not crowded[0]:
        return cands[0]
    cost, blocked, crowded = _score(cands, obst_c, obst_r, width, bounds, placed, ends, key)
    if not blocked.all():
        return cands[int(np.argmin(np.where(blocked, np.inf, cost)))]
    detour = _grid_route(p0, p3, obst_c, obst_r, bounds)
    if detour is not None:
        c2, blocked2, _ = _score([detour], obst_c, obst_r, width, bounds, placed, ends, key)
        if not blocked2[0] or c2[0] < cost.min():
            return detour
    return cands[int(np.argmin(cost))]


_BULGES = (0.06, 0.12, 0.2, 0.3, 0.42, 0.56)


def _shapes() -> list[tuple[float, float]]:
    """Heights of the two control points of each candidate, as fractions of the chord."""
    shapes = [(0.0, 0.0)]
    for side in (1.0, -1.0):
        for b in _BULGES:
            c = side * b / 0.75  # the curve's middle rises 3/4 of its control points' height
            shapes.append((c, c))
        for b in (0.12, 0.25, 0.4):
            c = side * b / 0.75
            shapes += [(1.6 * c, 0.3 * c), (0.3 * c, 1.6 * c)]
        for c in (0.15, 0.3):
            shapes.append((side * c, -side * c))
        for c in (0.25, 0.5, 0.8):  # bent near one end only: another way in, the same way out
            shapes += [(side * c, 0.0), (0.0, side * c)]
    return shapes


_SHAPES = _shapes()


def _candidates(p0: np.ndarray, p3: np.ndarray) -> list[np.ndarray]:
    chord = p3 - p0
    length = float(np.linalg.norm(chord))
    m = int(np.clip(length / (1.5 * _SPACING), 12, 160))
    t = np.linspace(0.0, 1.0, m)[:, None]
    if length < 1e-9:
        return [np.vstack([p0, p3])]
    normal = np.array([-chord[1], chord[0]])
    out = []
    for h1, h2 in _SHAPES:
        p1 = p0 + chord / 3 + h1 * normal
        p2 = p0 + 2 * chord / 3 + h2 * normal
        out.append((1 - t) ** 3 * p0 + 3 * (1 - t) ** 2 * t * p1 + 3 * (1 - t) * t**2 * p2 + t**3 * p3)
    return out


def _score(cands, obst_c, obst_r, width, bounds, placed: _Placed, ends,
           key: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cost of each candidate (length, bend, ties run along), whether it crosses a marker or
    leaves the canvas (blocked), and whether it runs along a tie too far (crowded)."""
    x0, y0, x1, y1 = bounds
    costs = np.zeros(len(cands))
    blocked, crowded = np.zeros(len(cands), dtype=bool), np.zeros(len(cands), dtype=bool)
    same = len({len(c) for c in cands}) == 1
    groups = [list(range(len(cands)))] if same else [[k] for k in range(len(cands))]
    for group in groups:
        P = np.stack([cands[k] for k in group])  # (K, m, 2)
        steps = np.linalg.norm(np.diff(P, axis=1), axis=2)
        length = steps.sum(axis=1)
        weight = np.zeros(P.shape[:2])
        weight[:, 1:] += steps / 2
        weight[:, :-1] += steps / 2
        intrusion = np.zeros(len(group))
        if len(obst_c):
            diff = P[:, :, None, :] - obst_c[None, None]
            d = np.sqrt(np.einsum("kmnd,kmnd->kmn", diff, diff))
            intrusion = np.clip(obst_r[None, None] - d, 0.0, None).max(axis=(1, 2))
        outside = np.clip(np.stack([x0 - P[..., 0], P[..., 0] - x1, y0 - P[..., 1], P[..., 1] - y1]), 0.0,
                          None).max(axis=(0, 2))
        worst, total = placed.shares(P, weight, width, ends, length, key)
        chord = np.linalg.norm(P[:, -1] - P[:, 0], axis=1)
        costs[group] = (length + 0.5 * (length - chord) + 3.0 * total + 40.0 * worst
                        + 1000.0 * (intrusion + outside))
        blocked[group] = (intrusion > 1e-9) | (outside > 1e-9)
        crowded[group] = worst > _MAX_SHARE
    return costs, blocked, crowded


class _Placed:
    """The edges routed so far, as sample points, for the "running on top of each other" test."""

    def __init__(self) -> None:
        self.items: dict[int, tuple[np.ndarray, float, float]] = {}  # key -> visible points, width, length
        self._tree = None
        self._own = np.zeros(0, dtype=int)
        self.keys = np.zeros(0, dtype=int)
        self.widths: list[float] = []
        self.lengths: list[float] = []

    def add(self, key: int, points: np.ndarray, width: float, ends) -> None:
        pts, _ = _resample(points, _SPACING * 0.8)
        keep = np.ones(len(pts), dtype=bool)
        for centre, radius in ends:
            keep &= np.linalg.norm(pts - centre, axis=1) > radius + width / 2
        self.items[key] = (pts[keep], width, path_length(pts[keep]) if keep.sum() > 1 else 0.0)
        self._tree = None

    def worst_share(self, points: np.ndarray, width: float, ends, key: int) -> float:
        P = points[None]
        steps = np.linalg.norm(np.diff(P, axis=1), axis=2)
        weight = np.zeros(P.shape[:2])
        weight[:, 1:] += steps / 2
        weight[:, :-1] += steps / 2
        return float(self.shares(P, weight, width, ends, steps.sum(axis=1), key)[0][0])

    def shares(self, P: np.ndarray, weight: np.ndarray, width: float, ends,
               length: np.ndarray, key: int = -1) -> tuple[np.ndarray, np.ndarray]:
        """For each candidate path in ``P`` (K, m, 2): the largest share of its or a placed
        edge's length that runs along that edge, and the total length run along placed edges."""
        K, m = P.shape[:2]
        zero = np.zeros(K), np.zeros(K)
        if not self.items:
            return zero
        if self._tree is None:
            from scipy.spatial import cKDTree

            keys = list(self.items)
            self.keys = np.array(keys)
            pts = np.vstack([self.items[k][0] for k in keys])
            self._own = np.concatenate([np.full(len(self.items[k][0]), n) for n, k in enumerate(keys)])
            self.widths = [self.items[k][1] for k in keys]
            self.lengths = [self.items[k][2] for k in keys]
            self._tree = cKDTree(pts) if len(pts) else None
        if self._tree is None:
            return zero
        q = P.reshape(-1, 2)
        w = weight.reshape(-1).copy()
        for centre, radius in ends:
            w[np.linalg.norm(q - centre, axis=1) <= radius + width / 2] = 0.0
        length = w.reshape(K, m).sum(axis=1)  # the visible part, outside the two end markers
        widths = np.array(self.widths)
        reach = max(width, widths.max()) / 2 + _SHARE_PAD
        dist, idx = self._tree.query(q, k=8, distance_upper_bound=reach)
        found = np.isfinite(dist)
        owner = np.where(found, self._own[np.minimum(idx, len(self._own) - 1)], -1)
        limit = np.maximum(width, widths[np.maximum(owner, 0)]) / 2 + _SHARE_PAD
        near = found & (dist < limit) & (w[:, None] > 0)
        if key in self.items:  # an edge does not run along itself
            near &= self.keys[np.maximum(owner, 0)] != key
        if not near.any():
            return zero
        rows, cols = np.nonzero(near)
        E = len(widths)
        code = np.unique(rows * E + owner[rows, cols])
        point, edge = code // E, code % E
        cand = point // m
        per = np.bincount(cand * E + edge, weights=w[point], minlength=K * E).reshape(K, E)
        base = np.minimum(np.array(self.lengths)[None, :], length[:, None])
        frac = per / np.maximum(base, 1e-9)
        return frac.max(axis=1), per.sum(axis=1)


# -- the detour: shortest path on a grid --------------------------------------------


def _grid_route(p0, p3, obst_c, obst_r, bounds) -> np.ndarray | None:
    """The shortest path from p0 to p3 around the discs, on a grid of 0.04 in, smoothed."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import dijkstra

    x0, y0, x1, y1 = bounds
    step = 0.04
    nx_, ny_ = int((x1 - x0) / step) + 1, int((y1 - y0) / step) + 1
    gx, gy = np.meshgrid(x0 + step * np.arange(nx_), y0 + step * np.arange(ny_))
    cells = np.column_stack([gx.ravel(), gy.ravel()])
    free = np.ones(len(cells), dtype=bool)
    for c, r in zip(obst_c, obst_r, strict=True):
        free &= np.linalg.norm(cells - c, axis=1) > r + step * 0.75
    idx = np.arange(len(cells)).reshape(ny_, nx_)
    ys, xs = np.mgrid[0:ny_, 0:nx_]
    rows, cols, wts = [], [], []
    for dy, dx in ((0, 1), (1, 0), (1, 1), (1, -1)):
        y2, x2 = ys + dy, xs + dx
        inside = (y2 < ny_) & (x2 >= 0) & (x2 < nx_)
        a, b = idx[ys[inside], xs[inside]], idx[y2[inside], x2[inside]]
        ok = free[a] & free[b]
        rows.append(a[ok])
        cols.append(b[ok])
        wts.append(np.full(int(ok.sum()), step * float(np.hypot(dx, dy))))
    graph = coo_matrix((np.concatenate(wts), (np.concatenate(rows), np.concatenate(cols))),
                       shape=(len(cells), len(cells))).tocsr()
    start = int(np.argmin(np.linalg.norm(cells - p0, axis=1) + 1e3 * ~free))
    goal = int(np.argmin(np.linalg.norm(cells - p3, axis=1) + 1e3 * ~free))
    _, pred = dijkstra(graph, directed=False, indices=start, return_predecessors=True)
    if pred[goal] < 0 and goal != start:
        return None
    chain = [goal]
    while chain[-1] != start:
        chain.append(int(pred[chain[-1]]))
    pts = np.vstack([p0, cells[chain[::-1]], p3])
    pts = _simplify(pts, obst_c, obst_r)
    for _ in range(3):  # Chaikin corner cutting: a smooth curve that stays near the corners
        q = 0.75 * pts[:-1] + 0.25 * pts[1:]
        r = 0.25 * pts[:-1] + 0.75 * pts[1:]
        pts = np.vstack([pts[0], np.column_stack([q, r]).reshape(-1, 2), pts[-1]])
    dense, _ = _resample(pts, _SPACING)
    return np.vstack([dense, p3])


def _simplify(pts: np.ndarray, obst_c, obst_r) -> np.ndarray:
    """Greedy line-of-sight: from each kept point, jump to the farthest point still in clear view."""
    keep = [0]
    while keep[-1] < len(pts) - 1:
        a = keep[-1]
        nxt = a + 1
        for b in range(len(pts) - 1, a, -1):
            seg = np.linspace(pts[a], pts[b], max(2, int(np.linalg.norm(pts[b] - pts[a]) / 0.01)))
            if not len(obst_c) or (np.linalg.norm(seg[:, None] - obst_c[None], axis=2) > obst_r[None] * 1.05).all():
                nxt = b
                break
        keep.append(nxt)
    return pts[keep]


# -- geometry ---------------------------------------------------------------------


def _resample(points: np.ndarray, spacing: float) -> tuple[np.ndarray, np.ndarray]:
    """Points every ``spacing`` along a polyline, and the length each one stands for."""
    seglen = np.linalg.norm(np.diff(points, axis=0), axis=1)
    cum = np.concatenate([[0.0], np.cumsum(seglen)])
    total = cum[-1]
    n = max(2, int(np.ceil(total / spacing)) + 1)
    s = np.linspace(0.0, total, n)
    x = np.interp(s, cum, points[:, 0])
    y = np.interp(s, cum, points[:, 1])
    return np.column_stack([x, y]), np.full(n, total / (n - 1) if n > 1 else 0.0)


def _distance_to_polyline(pts: np.ndarray, line: np.ndarray) -> np.ndarray:
    a, b = line[:-1], line[1:]
    ab = b - a
    t = np.einsum("pkd,kd->pk", pts[:, None, :] - a[None], ab) / np.maximum((ab**2).sum(axis=1), 1e-18)
    t = np.clip(t, 0.0, 1.0)
    closest = a[None] + t[..., None] * ab[None]
    return np.linalg.norm(pts[:, None, :] - closest, axis=2).min(axis=1)
