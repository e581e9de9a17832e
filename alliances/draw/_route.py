"""Edge routing: ties that bend around markers and never run on top of each other.

Every tie starts as the straight line between its two actors. Where that line would pass
over the marker of a third actor, or run along a tie already drawn, it is replaced by the
best of a fixed family of smooth curves (cubic Béziers bulging to either side by up to
half their length, lop-sided and S-shaped ones among them); when none of those is clear,
by the shortest path around the markers on a fine grid, smoothed. Ties are routed one by
one, shortest first, each against the markers and the ties before it, so the result is
the same on every run; those still running along another are routed again, and what still
runs together after that is pushed apart sideways over the stretch it shares.

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

from ._detour import Taken, grid_route
from ._paths import PointGrid, distance_to_polyline, offset_path, path_length, resample, tangents

__all__ = ["CLEAR_IN", "EdgeRoute", "offset_path", "path_length", "route_edges", "shared_length"]

PT = 1 / 72
CLEAR_IN = 2.0 * PT
"""Room kept between a tie's stroke and a marker it does not end at (inches)."""
_SPACING = 0.03  # inches between the sample points of a path
_SHARE_PAD = 1.0 * PT  # a tie whose centre line comes within the other's half width plus this runs on it


def _near(w1, w2):
    """How close two routes' centre lines may come before they run on each other: within the wider
    one's half width (plus a point), and for two wide ones (a tie with its risk band beside it)
    before their strokes touch, since what each carries can sit at either edge of it."""
    return np.maximum(np.maximum(w1, w2) / 2 + _SHARE_PAD, (w1 + w2) / 2)
_MAX_SHARE = 0.08  # share of a tie's length it may run along another (the promise is 10%)
_ALONG = np.cos(np.radians(30))  # closer than 30 degrees to the other's direction: running along, not crossing


@dataclass
class EdgeRoute:
    """One routed path: sample points from one actor's centre to the other's, and its stroke width."""

    i: int
    j: int
    width: float
    points: np.ndarray


def shared_length(a: np.ndarray, b: np.ndarray, within: float, *, skip: Sequence[tuple[np.ndarray, float]] = ()) -> float:
    """How much of polyline ``a`` runs along polyline ``b``: within ``within`` of it and in nearly
    its direction (closer than 30 degrees; a crossing does not run along).

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
    pts, seg = resample(a, _SPACING / 3)
    keep = np.ones(len(pts), dtype=bool)
    for centre, radius in skip:
        keep &= np.linalg.norm(pts - np.asarray(centre), axis=1) > radius
    dist, closest = distance_to_polyline(pts, b)
    bdir = np.diff(b, axis=0)
    bdir = bdir / np.maximum(np.linalg.norm(bdir, axis=1, keepdims=True), 1e-12)
    along = np.abs((tangents(pts) * bdir[closest]).sum(axis=1)) > _ALONG
    return float(seg[keep & (dist < within) & along].sum())


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
    # what lies inside the two end markers is hidden: it never counts as running along
    ends = [[(centres[i], reach[i]), (centres[j], reach[j])] for i, j, _ in edges]
    placed = _Placed()
    paths: list[np.ndarray] = [np.zeros((0, 2))] * len(edges)
    for k in order:
        i, j, width = edges[k]
        paths[k] = _route_one(centres, reach, i, j, width, bounds, placed, k)
        placed.add(k, paths[k], width, ends[k])
    # rip up and reroute: each tie that still runs along another is routed again against all
    # the others (the first pass routed it against the shorter ones only)
    # (a pair that runs together after a round has one tie routed again in it, or ran together before
    # it: only those ties are measured again)
    suspects = order
    for _ in range(3):
        worst = []
        for k in suspects:
            share = placed.worst_share(paths[k], edges[k][2], ends[k], k)
            if share > _MAX_SHARE:
                worst.append((-share, k))
        if not worst:
            break
        for _, k in sorted(worst):
            i, j, width = edges[k]
            paths[k] = _route_one(centres, reach, i, j, width, bounds, placed, k, repair=True)
            placed.add(k, paths[k], width, ends[k])
        suspects = sorted({k for _, k in worst}, key=order.index)
    _separate(centres, reach, edges, paths, placed, ends, order, bounds)
    return [EdgeRoute(i, j, w, paths[k]) for k, (i, j, w) in enumerate(edges)]


# -- pulling apart what still runs together ----------------------------------------------


def _separate(centres, reach, edges, paths: list[np.ndarray], placed: _Placed, ends, order: list[int],
              bounds) -> None:
    """Move apart, sideways and over the stretch they share, two ties that still run along each other.

    Where no whole route is clear (a crowded corridor, or two ties leaving one actor in
    nearly the same direction), one of the two is pushed off the other by a smooth bump:
    the share it runs along goes, the rest of its route stays. A push is kept only when
    it clears every marker and lowers that tie's worst share; the shorter tie moves
    first (its share is the one measured)."""
    suspects = set(order)
    for _ in range(_SEPARATE_ROUNDS):
        crowded = []
        for k in order:
            if k not in suspects:
                continue  # it did not move, nor did any tie it ran along: it still runs along none
            share, other = placed.worst_partner(paths[k], edges[k][2], ends[k], k)
            if share > _SEPARATE_ABOVE and other >= 0:
                crowded.append((-share, k))
        if not crowded:
            return
        suspects = {k for _, k in crowded}
        for _, k in sorted(crowded):
            share, other = placed.worst_partner(paths[k], edges[k][2], ends[k], k)
            if share <= _SEPARATE_ABOVE or other < 0:
                continue  # an earlier push settled it
            best: tuple[float, int, np.ndarray] | None = None
            for mover, fixed in ((k, other), (other, k)):
                i, j, width = edges[mover]
                now = placed.worst_share(paths[mover], width, ends[mover], mover)
                obst_c, obst_r, _ = _obstacles(centres, reach, i, j, width)
                for cand in _pushed(paths[mover], paths[fixed], width, edges[fixed][2], ends[mover], obst_c, obst_r,
                                    bounds):
                    if _blocked(cand, obst_c, obst_r, bounds) or _too_sharp(cand, width, ends[mover]):
                        continue
                    after = placed.worst_share(cand, width, ends[mover], mover)
                    if after < now - 1e-6 and (best is None or after < best[0]):
                        best = (after, mover, cand)
                if best is not None and best[0] <= _SEPARATE_ABOVE:
                    break
            if best is not None:
                _, mover, cand = best
                paths[mover] = cand
                placed.add(mover, cand, edges[mover][2], ends[mover])
                suspects.add(mover)


_SEPARATE_ROUNDS = 4
_SEPARATE_ABOVE = _MAX_SHARE
_PUSHES = (1.0, 1.6, 2.5)
_SLOPE = 0.35
_TAPER = 0.25  # inches beyond an end marker over which a pushed route turns back to it


def _pushed(path: np.ndarray, other: np.ndarray, width: float, other_width: float, ends, obst_c: np.ndarray,
            obst_r: np.ndarray, bounds) -> list[np.ndarray]:
    """``path`` moved off ``other`` over the stretch it runs along it, by a smooth bump (several heights,
    either side), held back where it would reach a marker or the canvas' edge."""
    limit = float(_near(width, other_width))
    d, seg = distance_to_polyline(path, other)
    odir = np.diff(other, axis=0)
    odir = odir / np.maximum(np.linalg.norm(odir, axis=1, keepdims=True), 1e-12)
    tan = tangents(path)
    run = (d < limit) & (np.abs((tan * odir[seg]).sum(axis=1)) > _ALONG)
    for centre, radius in ends:
        run &= np.linalg.norm(path - centre, axis=1) > radius
    if not run.any():
        return []
    s = np.concatenate([[0.0], np.cumsum(np.linalg.norm(np.diff(path, axis=0), axis=1))])
    s0, s1, total = s[run].min(), s[run].max(), s[-1]
    # which side the other tie is on, seen from this one
    a, b = other[seg[run]], other[seg[run] + 1]
    ab = b - a
    t = np.clip(((path[run] - a) * ab).sum(axis=1) / np.maximum((ab**2).sum(axis=1), 1e-18), 0.0, 1.0)
    normal = np.column_stack([-tan[:, 1], tan[:, 0]])
    side = 1.0 if ((path[run] - (a + t[:, None] * ab)) * normal[run]).sum() >= 0 else -1.0
    ramp = float(np.clip(s1 - s0, 0.3, 0.6))  # long and gentle: a bend, not a kink
    bump = np.ones(len(path))
    before, after = s < s0, s > s1
    bump[before] = 0.5 * (1 + np.cos(np.pi * np.minimum((s0 - s[before]) / ramp, 1.0)))
    bump[after] = 0.5 * (1 + np.cos(np.pi * np.minimum((s[after] - s1) / ramp, 1.0)))
    # back to the actors' centres, mostly inside their markers: the route still ends where it did, and
    # turns into its marker smoothly
    (_, r0), (_, r1) = ends
    near = np.minimum(np.clip(s / (r0 + _TAPER), 0.0, 1.0), np.clip((total - s) / (r1 + _TAPER), 0.0, 1.0))
    bump *= 0.5 * (1 - np.cos(np.pi * near))
    clear = limit + PT - float(d[run].min())
    out = []
    for sign in (1.0, -1.0):  # away from it; or over to its far side
        direction = sign * side * normal
        room = _room(path, direction, obst_c, obst_r, bounds)
        for f in _PUSHES:
            want = (clear + (2 * limit if sign < 0 else 0.0)) * f * bump
            shift = np.minimum(want, room)
            # no steeper than about 20 degrees where it is held back: the largest such profile below
            shift = np.minimum(np.minimum.accumulate(shift - _SLOPE * s) + _SLOPE * s,
                               (np.minimum.accumulate((shift + _SLOPE * s)[::-1]) - _SLOPE * s[::-1])[::-1])
            out.append(path + shift[:, None] * direction)
    return out


def _room(path: np.ndarray, direction: np.ndarray, obst_c: np.ndarray, obst_r: np.ndarray, bounds) -> np.ndarray:
    """How far each point of a path can move along its ``direction`` (unit vectors) before it reaches a
    marker's disc or the canvas' edge."""
    room = np.full(len(path), np.inf)
    if len(obst_c):
        rel = path[:, None, :] - obst_c[None]  # (p, o, 2)
        b = (rel * direction[:, None, :]).sum(axis=2)
        c = (rel**2).sum(axis=2) - obst_r[None] ** 2
        disc = b**2 - c
        enter = -b - np.sqrt(np.maximum(disc, 0.0))
        hit = (disc > 0) & (enter >= 0)
        room = np.where(hit, enter, np.inf).min(axis=1)
    x0, y0, x1, y1 = bounds
    for axis, lo, hi in ((0, x0, x1), (1, y0, y1)):
        d = direction[:, axis]
        with np.errstate(divide="ignore", invalid="ignore"):
            edge = np.where(d > 0, (hi - path[:, axis]) / d, np.where(d < 0, (lo - path[:, axis]) / d, np.inf))
        room = np.minimum(room, np.maximum(edge, 0.0))
    return np.maximum(room - 0.5 * PT, 0.0)


def _too_sharp(path: np.ndarray, width: float, ends) -> bool:
    """Whether a path bends tighter than half its width anywhere outside its end markers (a tie and
    its risk band, drawn on either side of it, would fold over each other there)."""
    step = np.diff(path, axis=0)
    ds = np.linalg.norm(step, axis=1)
    heading = np.unwrap(np.arctan2(step[:, 1], step[:, 0]))
    turn = np.abs(np.diff(heading))
    radius = (ds[1:] + ds[:-1]) / 2 / np.maximum(turn, 1e-12)
    keep = np.ones(len(radius), dtype=bool)
    for centre, r in ends:
        keep &= np.linalg.norm(path[1:-1] - centre, axis=1) > r
    return bool((radius[keep] < width / 2).any())


def _obstacles(centres: np.ndarray, reach: np.ndarray, i: int, j: int,
               width: float) -> tuple[np.ndarray, np.ndarray, list[tuple[np.ndarray, float]]]:
    """The markers a route from actor i to actor j must clear (centres, radii), and its two end discs."""
    others = np.array([k for k in range(len(centres)) if k not in (i, j)], dtype=int)
    obst_c = centres[others] if len(others) else np.zeros((0, 2))
    obst_r = reach[others] + width / 2 + CLEAR_IN if len(others) else np.zeros(0)
    return obst_c, obst_r, [(centres[i], reach[i] + width / 2), (centres[j], reach[j] + width / 2)]


def _blocked(path: np.ndarray, obst_c: np.ndarray, obst_r: np.ndarray, bounds) -> bool:
    """Whether a path crosses a marker or leaves the canvas."""
    x0, y0, x1, y1 = bounds
    if (path[:, 0] < x0).any() or (path[:, 0] > x1).any() or (path[:, 1] < y0).any() or (path[:, 1] > y1).any():
        return True
    if not len(obst_c):
        return False
    d = np.sqrt(((path[:, None, :] - obst_c[None]) ** 2).sum(axis=2))
    return bool((obst_r[None] - d > 1e-9).any())


# -- one edge -----------------------------------------------------------------------


def _route_one(centres, reach, i, j, width, bounds, placed: _Placed, key: int, repair: bool = False) -> np.ndarray:
    p0, p3 = centres[i], centres[j]
    obst_c, obst_r, ends = _obstacles(centres, reach, i, j, width)
    # the straight line when it is clear: most ties are, and it is the plainest drawing
    straight = _candidates(p0, p3, _SHAPES[:1])
    cost, blocked, crowded = _score(straight, obst_c, obst_r, width, bounds, placed, ends, key)
    if not blocked[0] and not crowded[0]:
        return straight[0]
    cands = _candidates(p0, p3)
    cost, blocked, crowded = _score(cands, obst_c, obst_r, width, bounds, placed, ends, key)
    if not blocked.all():
        best = int(np.argmin(np.where(blocked, np.inf, cost)))
        if not crowded[best] or not repair:
            return cands[best]
    # no clear curve: the shortest way round the markers, kept off the ties already drawn
    detour = grid_route(p0, p3, obst_c, obst_r, bounds, placed.taken_except(key, width), ends, _SPACING / 2)
    if detour is not None:
        c2, blocked2, _ = _score([detour], obst_c, obst_r, width, bounds, placed, ends, key)
        if not blocked2[0] and (blocked.all() or c2[0] < cost[best]):
            return detour
    if not blocked.all():
        return cands[best]
    if detour is not None and c2[0] < cost.min():
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


def _candidates(p0: np.ndarray, p3: np.ndarray, shapes: Sequence[tuple[float, float]] = _SHAPES) -> list[np.ndarray]:
    chord = p3 - p0
    length = float(np.linalg.norm(chord))
    m = int(np.clip(length / (1.5 * _SPACING), 12, 160))
    t = np.linspace(0.0, 1.0, m)[:, None]
    if length < 1e-9:
        return [np.vstack([p0, p3])]
    normal = np.array([-chord[1], chord[0]])
    # the Bernstein weights once, and the ends' terms once: every curve is their sum with its
    # own control points
    ends = (1 - t) ** 3 * p0, t**3 * p3
    b1, b2 = 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2
    out = []
    for h1, h2 in shapes:
        p1 = p0 + chord / 3 + h1 * normal
        p2 = p0 + 2 * chord / 3 + h2 * normal
        out.append(ends[0] + b1 * p1 + b2 * p2 + ends[1])
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
        # only the markers near the candidates can be crossed (the rest add nothing but time)
        lo, hi = P.reshape(-1, 2).min(axis=0), P.reshape(-1, 2).max(axis=0)
        near = ((obst_c > lo - obst_r[:, None]) & (obst_c < hi + obst_r[:, None])).all(axis=1)
        if near.any():
            diff = P[:, :, None, :] - obst_c[near][None, None]
            d = np.sqrt(np.einsum("kmnd,kmnd->kmn", diff, diff))
            intrusion = np.clip(obst_r[near][None, None] - d, 0.0, None).max(axis=(1, 2))
        outside = np.clip(np.stack([x0 - P[..., 0], P[..., 0] - x1, y0 - P[..., 1], P[..., 1] - y1]), 0.0,
                          None).max(axis=(0, 2))
        chord = np.linalg.norm(P[:, -1] - P[:, 0], axis=1)
        free = (intrusion <= 1e-9) & (outside <= 1e-9)
        # how far a candidate runs along other ties matters only if it is clear, and is worth
        # measuring for the plainest few of those only
        base = length + 0.5 * (length - chord)
        free &= base <= np.sort(np.where(free, base, np.inf))[min(15 if key in placed.items else 9, len(base) - 1)]
        worst, total = np.zeros(len(group)), np.zeros(len(group))
        if free.any():
            worst[free], total[free] = placed.shares(P[free], weight[free], width, ends, length[free], key)
        costs[group] = (length + 0.5 * (length - chord) + 3.0 * total + 40.0 * worst
                        + 1000.0 * (intrusion + outside))
        blocked[group] = (intrusion > 1e-9) | (outside > 1e-9)
        crowded[group] = (worst > _MAX_SHARE) | ~free  # (not measured: not taken while a measured one is clear)
        costs[group] += np.where(free | blocked[group], 0.0, 100.0)
    return costs, blocked, crowded


class _Placed:
    """The edges routed so far, as sample points, for the "running on top of each other" test.

    The points sit in a :class:`PointGrid` rebuilt only now and then; edges added since are
    checked point by point, and an edge routed again is masked out of the grid until the next build.
    """

    def __init__(self) -> None:
        self.items: dict[int, tuple[np.ndarray, float, float]] = {}  # key -> visible points, width, length
        self._tree: PointGrid | None = None
        self._tree_keys: list[int] = []
        self._own = np.zeros(0, dtype=int)
        self._recent: list[int] = []
        self.tangents: dict[int, np.ndarray] = {}
        self._grids: dict[int, PointGrid] = {}  # the recent edges' points, looked up point by point

    def add(self, key: int, points: np.ndarray, width: float, ends) -> None:
        pts, _ = resample(points, _SPACING * 0.8)
        keep = np.ones(len(pts), dtype=bool)
        for centre, radius in ends:
            keep &= np.linalg.norm(pts - centre, axis=1) > radius
        self.items[key] = (pts[keep], width, path_length(pts[keep]) if keep.sum() > 1 else 0.0)
        self.tangents[key] = tangents(pts)[keep]
        self._grids.pop(key, None)
        if key in self._recent:
            self._recent.remove(key)
        self._recent.append(key)
        if len(self._recent) > 6:
            self._build()

    def _build(self) -> None:
        self._tree_keys = list(self.items)
        pts = [self.items[k][0] for k in self._tree_keys]
        self._own = np.concatenate([np.full(len(p), n) for n, p in enumerate(pts)]) if pts else np.zeros(0, int)
        all_pts = np.vstack(pts) if pts else np.zeros((0, 2))
        self._tree = PointGrid(all_pts) if len(all_pts) else None
        self._tan = np.vstack([self.tangents[k] for k in self._tree_keys]) if pts else np.zeros((0, 2))
        self._recent = []

    def taken_except(self, key: int, width: float) -> Taken:
        """Every placed edge but one, for a detour of stroke ``width``: sample points, their directions,
        and how close to each a centre line runs along it."""
        keys = [k for k in self.items if k != key]
        if not keys:
            return np.zeros((0, 2)), np.zeros((0, 2)), np.zeros(0)
        near = [np.full(len(self.items[k][0]), float(_near(width, self.items[k][1]))) for k in keys]
        return (np.vstack([self.items[k][0] for k in keys]), np.vstack([self.tangents[k] for k in keys]),
                np.concatenate(near))

    def worst_share(self, points: np.ndarray, width: float, ends, key: int) -> float:
        return self.worst_partner(points, width, ends, key)[0]

    def worst_partner(self, points: np.ndarray, width: float, ends, key: int) -> tuple[float, int]:
        """The largest share of a path (or of a placed edge) that runs along a placed edge, and that edge (-1: none)."""
        P = points[None]
        steps = np.linalg.norm(np.diff(P, axis=1), axis=2)
        weight = np.zeros(P.shape[:2])
        weight[:, 1:] += steps / 2
        weight[:, :-1] += steps / 2
        frac, _, keys = self._fractions(P, weight, width, ends, steps.sum(axis=1), key)
        if frac is None or not frac.shape[1]:
            return 0.0, -1
        best = int(frac[0].argmax())
        return float(frac[0, best]), keys[best]

    def shares(self, P: np.ndarray, weight: np.ndarray, width: float, ends,
               length: np.ndarray, key: int = -1) -> tuple[np.ndarray, np.ndarray]:
        """For each candidate path in ``P`` (K, m, 2): the largest share of its or a placed
        edge's length that runs along that edge, and the total length run along placed edges."""
        frac, per, _ = self._fractions(P, weight, width, ends, length, key)
        if frac is None or per is None:
            return np.zeros(len(P)), np.zeros(len(P))
        return frac.max(axis=1), per.sum(axis=1)

    def _fractions(self, P: np.ndarray, weight: np.ndarray, width: float, ends, length: np.ndarray,
                   key: int) -> tuple[np.ndarray | None, np.ndarray | None, list[int]]:
        """Per candidate and placed edge: the share run along it, the length run along it; the edges' keys."""
        K, m = P.shape[:2]
        if not self.items:
            return None, None, []
        q = P.reshape(-1, 2)
        tq = tangents(P).reshape(-1, 2)
        w = weight.reshape(-1).copy()
        for centre, radius in ends:
            w[np.linalg.norm(q - centre, axis=1) <= radius] = 0.0
        length = w.reshape(K, m).sum(axis=1)  # the visible part, outside the two end markers
        keys = list(self.items)
        col = {k: n for n, k in enumerate(keys)}
        widths = np.array([self.items[k][1] for k in keys])
        lengths = np.array([self.items[k][2] for k in keys])
        hits_p: list[np.ndarray] = []
        hits_e: list[np.ndarray] = []
        stale = set(self._recent) | {key}
        if self._tree is not None:
            reach = float(_near(width, widths.max()))
            rows, idx, dist = self._tree.within(q, reach)
            tree_col = np.array([col.get(k, -1) if k not in stale else -1 for k in self._tree_keys])
            owner = tree_col[self._own[idx]]
            limit = _near(width, widths[np.maximum(owner, 0)])
            along = np.abs((tq[rows] * self._tan[idx]).sum(axis=1)) > _ALONG
            hit = (owner >= 0) & (dist < limit) & (w[rows] > 0) & along
            hits_p.append(rows[hit])
            hits_e.append(owner[hit])
        for k in self._recent:
            if k == key or not len(self.items[k][0]):
                continue
            pts, wk, _ = self.items[k]
            lo, hi = pts.min(axis=0) - 0.1, pts.max(axis=0) + 0.1
            cand = np.nonzero(((q >= lo) & (q <= hi)).all(axis=1) & (w > 0))[0]
            if not len(cand):
                continue
            if k not in self._grids:
                self._grids[k] = PointGrid(pts)
            found, nearest, _ = self._grids[k].within(q[cand], float(_near(width, wk)))
            along = np.abs((tq[cand[found]] * self.tangents[k][nearest]).sum(axis=1)) > _ALONG
            close = cand[found[along]]
            hits_p.append(close)
            hits_e.append(np.full(len(close), col[k]))
        rows = np.concatenate(hits_p) if hits_p else np.zeros(0, int)
        if not len(rows):
            return None, None, keys
        E = len(keys)
        code = np.unique(rows * E + np.concatenate(hits_e))
        point, edge = code // E, code % E
        per = np.bincount((point // m) * E + edge, weights=w[point], minlength=K * E).reshape(K, E)
        frac = per / np.maximum(np.minimum(lengths[None, :], length[:, None]), 1e-9)
        return frac, per, keys
