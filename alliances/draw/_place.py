"""Room on the page: actors spread so each has space for its label, labels put where they are free.

Both steps work in inches on the drawing. :func:`fit_positions` scales the signed
layout to the drawing and moves apart actors whose footprints (marker plus label) would
overlap, keeping who is near whom. :func:`place_labels` then tries spots around each
marker (above first, then the other sides, then farther out with a leader line) and takes
the first one that overlaps no marker, no other label, stays on the canvas and is nearer
its own marker than any other, preferring spots that cover few ties. The search is a fixed list, so the result is the same every run.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["Occupancy", "box_hits_discs", "fit_positions", "gather_camps", "place_labels", "place_on_paths"]

PT = 1 / 72


def fit_positions(
    pos: np.ndarray,
    foot: np.ndarray,
    area: tuple[float, float],
    *,
    max_height: float | None = None,
    rounds: int = 30,
) -> tuple[np.ndarray, float]:
    """Scale a layout to a drawing ``area`` wide and spread it so no two footprints overlap.

    Parameters
    ----------
    pos : (n, 2) array
        Layout positions (any units).
    foot : (n, 2) array
        Width and height in inches each actor needs around its centre (marker and label).
    area : (width, height)
        The drawing's size in inches; the height is the most it may use.
    max_height : float, optional
        Unused height is given back: the result's height is what the layout needs, up to
        ``area[1]`` (or ``max_height``).
    rounds : int
        Rounds of scaling and spreading.

    Returns
    -------
    (centres, height)
        Centres in inches from the area's lower left corner, and the height used.

    Examples
    --------
    >>> xy, h = fit_positions(np.array([[0.0, 0.0], [0.1, 0.0], [5.0, 0.0]]), np.full((3, 2), 0.5), (6.0, 4.0))
    >>> bool(xy[1, 0] - xy[0, 0] >= 0.5 - 1e-6 or abs(xy[1, 1] - xy[0, 1]) >= 0.5 - 1e-6)
    True
    """
    n = len(pos)
    w, h = area
    h = min(h, max_height) if max_height else h
    margin = foot / 2
    if n == 0:
        return np.zeros((0, 2)), 0.0
    X = np.asarray(pos, dtype=float) - np.asarray(pos, dtype=float).mean(axis=0)
    if n == 1:
        return np.array([[w / 2, min(h, foot[0, 1]) / 2 + foot[0, 1] / 2]]), min(h, foot[0, 1] * 1.5)
    for _ in range(rounds):
        scale = _scale(X, margin, w, h)
        Y, apart = _spread(X * scale, foot)
        lo, hi = (Y - margin).min(axis=0), (Y + margin).max(axis=0)
        X = Y / scale
        if apart and hi[0] - lo[0] <= w + 1e-6 and hi[1] - lo[1] <= h + 1e-6:
            break
    else:  # still too large: shrink to fit, then spread inside the area (footprints touch only if there is no room)
        scale = _scale(X, margin, w, h)
        Y = _spread_within(X * scale, foot, w, h)
        lo, hi = (Y - margin).min(axis=0), (Y + margin).max(axis=0)
    used_h = float(min(h, hi[1] - lo[1]))
    # centred in the width, from the bottom of the height used
    Y = Y - lo + np.array([(w - (hi[0] - lo[0])) / 2, (used_h - (hi[1] - lo[1])) / 2])
    return Y, used_h


def gather_camps(pos: np.ndarray, camps: Sequence[Sequence[int]], *, shrink: float = 0.6,
                 rounds: int = 30) -> np.ndarray:
    """Each camp drawn tighter around its centre, and camps moved apart until they no longer overlap.

    Parameters
    ----------
    pos : (n, 2) array
        Layout positions.
    camps : sequence of index lists
        The members of each camp (actors in none stay where they are).
    shrink : float
        Each member's distance to its camp's centre is multiplied by this.
    rounds : int
        Rounds of pushing overlapping camps apart (each camp as a disc around its members).

    Returns
    -------
    (n, 2) array

    Examples
    --------
    >>> X = gather_camps(np.array([[0.0, 0.0], [1.0, 0.0], [0.5, 0.1], [1.5, 0.1]]), [[0, 1], [2, 3]])
    >>> bool(np.linalg.norm(X[[0, 1]].mean(0) - X[[2, 3]].mean(0)) > 0.5)
    True
    """
    X = np.asarray(pos, dtype=float).copy()
    span = float(np.ptp(X, axis=0).max()) if len(X) else 1.0
    groups = [list(c) for c in camps if len(c)]
    centre = np.array([X[g].mean(axis=0) for g in groups]) if groups else np.zeros((0, 2))
    for g, c in zip(groups, centre, strict=True):
        X[g] = c + shrink * (X[g] - c)
    radius = np.array([np.linalg.norm(X[g] - c, axis=1).max() + 0.06 * span for g, c in zip(groups, centre,
                                                                                            strict=True)])
    for _ in range(rounds):
        d = centre[:, None] - centre[None]
        dist = np.linalg.norm(d, axis=2)
        over = radius[:, None] + radius[None] - dist
        np.fill_diagonal(over, -1.0)
        if not (over > 1e-9).any():
            break
        unit = d / np.maximum(dist, 1e-9)[..., None]
        move = 0.5 * (np.clip(over, 0.0, None)[..., None] * unit).sum(axis=1)
        for g, mv in zip(groups, move, strict=True):
            X[g] += mv
        centre = centre + move
    return X


def _scale(X: np.ndarray, margin: np.ndarray, w: float, h: float) -> np.ndarray:
    """Inches per layout unit along x and y: the largest at which every footprint stays inside,
    the same on both axes, except that a flat layout is stretched (up to 1.5 times) to use the
    height it is given."""

    def fits(x: np.ndarray, m: np.ndarray, room: float) -> float:
        # (bounded by the scale at which the centres alone span the room, whatever the units:
        # a layout spread in tiny units needs a scale far below any fixed floor)
        top = room / max(float(np.ptp(x)), 1e-12)
        lo, hi = 0.0, top
        for _ in range(50):  # bisection: the extent grows with the scale
            mid = (lo + hi) / 2
            if (x * mid + m).max() - (x * mid - m).min() <= room:
                lo = mid
            else:
                hi = mid
        return max(lo, top * 1e-9)

    sx, sy = fits(X[:, 0], margin[:, 0], w), fits(X[:, 1], margin[:, 1], h)
    s = min(sx, sy)
    return np.array([s, min(sy, 1.5 * s)] if sx <= sy else [min(sx, 1.5 * s), s])


def _spread(Y: np.ndarray, foot: np.ndarray, iterations: int = 60) -> tuple[np.ndarray, bool]:
    """Move overlapping footprints apart along the axis where they overlap least; the new
    centres, and whether no two footprints overlap any more.

    The x and y parts are held apart as (n, n) arrays, and what does not change between
    iterations is computed once: at 40 actors this runs some 1800 times per diagram, so
    the cost is numpy's per-call overhead, not arithmetic.
    """
    Y = Y.copy()
    n = len(Y)
    half = foot / 2
    need_x, need_y = half[:, None, 0] + half[None, :, 0], half[:, None, 1] + half[None, :, 1]
    wide, tall = foot[None, :, 1], foot[None, :, 0]
    # a tie on one axis breaks by index
    by_index = np.where(np.arange(n)[:, None] < np.arange(n)[None, :], -1.0, 1.0)
    for k in range(iterations + 1):  # the last round only measures
        dx, dy = Y[:, None, 0] - Y[None, :, 0], Y[:, None, 1] - Y[None, :, 1]
        over_x, over_y = need_x - np.abs(dx), need_y - np.abs(dy)
        hit = (over_x > 1e-6) & (over_y > 1e-6)
        np.fill_diagonal(hit, False)
        if not hit.any() or k == iterations:
            break
        on_x = over_x * wide < over_y * tall  # push along x where the overlap is relatively smaller
        sign = np.sign(np.where(on_x, dx, dy))  # direction: away from the other
        sign = np.where(sign == 0, by_index, sign)
        amount = np.where(on_x, over_x, over_y) * 0.5 + 1e-4
        push = np.column_stack([((hit & on_x) * sign * amount).sum(axis=1),
                                ((hit & ~on_x) * sign * amount).sum(axis=1)])
        Y += 0.6 * push
    return Y, not hit.any()


def _spread_within(Y: np.ndarray, foot: np.ndarray, w: float, h: float, rounds: int = 40) -> np.ndarray:
    """Spread footprints apart and keep them inside a ``w`` by ``h`` area: rounds of :func:`_spread`,
    each followed by pulling the footprints that cross an edge back inside it.

    Scaling alone fits a layout whose spreading keeps overflowing the area by overlapping its
    footprints; spreading between walls separates them wherever the area has room."""
    margin = foot / 2
    centre = ((Y - margin).min(axis=0) + (Y + margin).max(axis=0)) / 2
    lo = centre - np.array([w, h]) / 2 + margin
    hi = centre + np.array([w, h]) / 2 - margin
    Y = np.clip(Y, lo, np.maximum(lo, hi))
    for _ in range(rounds):
        Z = np.clip(_spread(Y, foot, iterations=10)[0], lo, np.maximum(lo, hi))
        if np.array_equal(Z, Y):
            break
        Y = Z
    return Y


class Occupancy:
    """How much of the drawing each box covers of what is already drawn (ties, bands), by a
    summed-area table over a grid, so a box's cover costs four look-ups.

    Examples
    --------
    >>> occ = Occupancy((0, 0, 1, 1), cell=0.1)
    >>> occ.add(np.array([[0.05, 0.05], [0.95, 0.95]]), weight=1.0)
    >>> occ.cover(np.array([[0.0, 0.0, 0.5, 0.5]]))[0] > 0, occ.cover(np.array([[0.6, 0.0, 1.0, 0.3]]))[0]
    (np.True_, np.float64(0.0))
    """

    def __init__(self, bounds: tuple[float, float, float, float], cell: float = 0.02) -> None:
        self.x0, self.y0, x1, y1 = bounds
        self.cell = cell
        self.nx = max(1, int(np.ceil((x1 - self.x0) / cell)))
        self.ny = max(1, int(np.ceil((y1 - self.y0) / cell)))
        self.grid = np.zeros((self.ny, self.nx))
        self._sat: np.ndarray | None = None

    def add(self, points: np.ndarray, weight: float) -> None:
        """Count a polyline's length (densely resampled) into the grid."""
        seglen = np.linalg.norm(np.diff(points, axis=0), axis=1)
        cum = np.concatenate([[0.0], np.cumsum(seglen)])
        m = max(2, int(cum[-1] / (self.cell / 2)) + 1)
        s = np.linspace(0, cum[-1], m)
        x, y = np.interp(s, cum, points[:, 0]), np.interp(s, cum, points[:, 1])
        ix = np.clip(((x - self.x0) / self.cell).astype(int), 0, self.nx - 1)
        iy = np.clip(((y - self.y0) / self.cell).astype(int), 0, self.ny - 1)
        np.add.at(self.grid, (iy, ix), weight * self.cell / 2)
        self._sat = None

    def cover(self, boxes: np.ndarray) -> np.ndarray:
        """The weighted length inside each box (x0, y0, x1, y1)."""
        if self._sat is None:
            self._sat = np.pad(self.grid.cumsum(0).cumsum(1), ((1, 0), (1, 0)))
        s = self._sat
        ix0 = np.clip(np.floor((boxes[:, 0] - self.x0) / self.cell).astype(int), 0, self.nx)
        ix1 = np.clip(np.ceil((boxes[:, 2] - self.x0) / self.cell).astype(int), 0, self.nx)
        iy0 = np.clip(np.floor((boxes[:, 1] - self.y0) / self.cell).astype(int), 0, self.ny)
        iy1 = np.clip(np.ceil((boxes[:, 3] - self.y0) / self.cell).astype(int), 0, self.ny)
        return s[iy1, ix1] - s[iy0, ix1] - s[iy1, ix0] + s[iy0, ix0]


def box_hits_discs(boxes: np.ndarray, centres: np.ndarray, radii: np.ndarray) -> np.ndarray:
    """(boxes x discs) whether each box (x0, y0, x1, y1) reaches into each disc.

    Examples
    --------
    >>> box_hits_discs(np.array([[0.0, 0.0, 1.0, 1.0]]), np.array([[1.5, 0.5], [1.2, 0.5]]), np.array([0.4, 0.4]))
    array([[False,  True]])
    """
    return _box_to_markers(boxes, centres, radii) < 0


def _box_to_markers(boxes: np.ndarray, centres: np.ndarray, reach: np.ndarray) -> np.ndarray:
    """(boxes x markers) from each box to each marker's edge (0 or less: touching or over it)."""
    nx_ = np.clip(centres[None, :, 0], boxes[:, None, 0], boxes[:, None, 2])
    ny_ = np.clip(centres[None, :, 1], boxes[:, None, 1], boxes[:, None, 3])
    return np.asarray(np.hypot(nx_ - centres[None, :, 0], ny_ - centres[None, :, 1]) - reach[None, :])


def _overlaps(boxes: np.ndarray, taken: np.ndarray) -> np.ndarray:
    """(boxes,) whether each box overlaps any of ``taken``."""
    if not len(taken):
        return np.zeros(len(boxes), dtype=bool)
    hit = ((boxes[:, None, 0] < taken[None, :, 2]) & (boxes[:, None, 2] > taken[None, :, 0])
           & (boxes[:, None, 1] < taken[None, :, 3]) & (boxes[:, None, 3] > taken[None, :, 1]))
    return np.asarray(hit.any(axis=1))


# 16 directions, starting above and going round both ways, so "above" is preferred,
# then below, then the sides
_ANGLES = np.radians([90, 270, 0, 180, 45, 135, 315, 225, 67.5, 112.5, 292.5, 247.5, 22.5, 157.5, 337.5, 202.5])
_GAPS = np.array([1.5, 2.75, 4.0, 6.0, 8.0, 11.0, 14.0, 18.0, 22.0, 27.0, 32.0, 45.0, 60.0, 80.0]) * PT
# a ring's cost: 1 per step of the coarse rings (the fine ones between cost in proportion)
_RING_COST = np.interp(_GAPS, np.array([1.5, 4.0, 8.0, 14.0, 22.0, 32.0, 45.0, 60.0, 80.0]) * PT, np.arange(9.0))
LEADER_FROM = 14.0 * PT
"""Labels at least this far from their marker get a leader line."""
_UX, _UY = np.cos(_ANGLES), np.sin(_ANGLES)
_SIDE_X = np.where(np.abs(_UX) < 0.2, 0.0, np.sign(_UX))
_SIDE_Y = np.where(np.abs(_UY) < 0.2, 0.0, np.sign(_UY))
# nearer first, then round from above; fewer ties under the label is added per drawing
_COST = np.repeat(_RING_COST, len(_ANGLES)) + np.tile(np.arange(len(_ANGLES)) // 2, len(_GAPS)) * 0.15


def _spots(k: int, centres: np.ndarray, reach: np.ndarray, size: np.ndarray,
           bounds: tuple[float, float, float, float], pad: float) -> tuple[np.ndarray, ...]:
    """Label ``k``'s candidate boxes; whether each is on the canvas and clear of every marker; how
    much nearer (inches) it is to its own marker than to any other is short of ``2 * pad`` (0: not
    short, a reader takes it for its own); and a penalty for the rules it breaks."""
    x0, y0, x1, y1 = bounds
    w, h = size
    g = reach[k] + _GAPS[:, None]  # (gaps, directions)
    cx = centres[k, 0] + _UX[None] * g + _SIDE_X[None] * w / 2
    cy = centres[k, 1] + _UY[None] * g + _SIDE_Y[None] * h / 2
    cand = np.column_stack([(cx - w / 2).ravel(), (cy - h / 2).ravel(), (cx + w / 2).ravel(), (cy + h / 2).ravel()])
    inside = (cand[:, 0] >= x0) & (cand[:, 2] <= x1) & (cand[:, 1] >= y0) & (cand[:, 3] <= y1)
    near = _box_to_markers(cand, centres, reach)
    hits = (near < pad).sum(axis=1)
    own = near[:, k].copy()
    near[:, k] = np.inf
    unclear = np.clip(own + 2 * pad - near.min(axis=1), 0.0, None) if len(centres) > 1 else np.zeros(len(cand))
    return cand, inside & (hits == 0), unclear, (~inside) * 100.0 + hits * 10.0


def place_labels(
    centres: np.ndarray,
    reach: np.ndarray,
    sizes: np.ndarray,
    *,
    bounds: tuple[float, float, float, float],
    occupancy: Occupancy | None = None,
    pad: float = 1.0 * PT,
) -> tuple[np.ndarray, np.ndarray]:
    """A free spot for each label: clear of every marker and every other label, on the canvas,
    and nearer its own marker than any other (by ``2 * pad``), so no reader takes it for a neighbour's.

    Where no spot keeps the last rule, the label goes where it is broken least; where none keeps
    the others, where the fewest are broken.

    Parameters
    ----------
    centres : (n, 2) array
        Marker centres (inches).
    reach : (n,) array
        Marker reach from the centre (inches).
    sizes : (n, 2) array
        Each label's width and height (inches, its padding included).
    bounds : (x0, y0, x1, y1)
        The canvas the labels must stay on.
    occupancy : Occupancy, optional
        What lies under a label at a cost (ties): spots covering less are preferred.
    pad : float
        Room kept around each label.

    Returns
    -------
    (boxes, free)
        Each label's box (x0, y0, x1, y1), and whether it found a spot keeping every rule.

    Examples
    --------
    >>> boxes, free = place_labels(np.array([[1.0, 1.0], [1.0, 1.3]]), np.full(2, 0.1),
    ...                            np.array([[0.6, 0.15], [0.6, 0.15]]), bounds=(0, 0, 2, 2))
    >>> bool(free.all())
    True
    """
    n = len(centres)
    boxes = np.zeros((n, 4))
    free = np.zeros(n, dtype=bool)
    if n == 0:
        return boxes, free
    spots = [_spots(k, centres, reach, sizes[k], bounds, pad) for k in range(n)]
    # the actors with the fewest good spots choose first (then the crowded ones), while there is
    # still room around them
    d = np.linalg.norm(centres[:, None] - centres[None], axis=2)
    np.fill_diagonal(d, np.inf)
    crowd = (d < 0.9).sum(axis=1)
    good = [int((ok & (unclear == 0)).sum()) for _, ok, unclear, _ in spots]
    order = sorted(range(n), key=lambda k: (good[k], -crowd[k], float(d[k].min()) if n > 1 else 0.0, k))
    costs = [_COST if occupancy is None else _COST + occupancy.cover(sp[0]) * 12.0 for sp in spots]
    placed = np.zeros(n, dtype=bool)

    def place(k: int, strict_only: bool) -> bool:
        cand, ok, unclear, penalty = spots[k]
        others = boxes[placed] + np.array([-pad, -pad, pad, pad])
        clear = ok & ~_overlaps(cand + np.array([-pad, -pad, pad, pad]), others)
        if (clear & (unclear == 0)).any():
            best = int(np.argmin(np.where(clear & (unclear == 0), costs[k], np.inf)))
        elif strict_only:
            return False
        elif clear.any():  # the least ambiguous spot (a ring farther out per 5 pt)
            best = int(np.argmin(np.where(clear, costs[k] + unclear / (5 * PT), np.inf)))
        else:  # nothing clear: the spot breaking the fewest rules
            best = int(np.argmin(penalty + costs[k]))
        boxes[k], placed[k] = cand[best], True
        return bool(clear[best] and unclear[best] == 0)

    for k in order:
        free[k] = place(k, strict_only=False)
    # a label left without a good spot takes one held by other labels, if they all find another
    for k in [k for k in order if not free[k]]:
        cand, ok, unclear, _ = spots[k]
        for c in np.argsort(np.where(ok & (unclear == 0), costs[k], np.inf), kind="stable")[:8]:
            if not (ok[c] and unclear[c] == 0):
                break
            padded = cand[c] + np.array([-pad, -pad, pad, pad])
            blockers = [int(j) for j in np.nonzero(placed)[0] if j != k and _overlaps(boxes[j:j + 1] + np.array(
                [-pad, -pad, pad, pad]), padded[None])[0]]
            saved = boxes.copy(), placed.copy(), free.copy()
            placed[blockers] = False
            boxes[k], free[k] = cand[c], True
            if all(place(j, strict_only=True) for j in blockers):
                break
            boxes[:], placed[:], free[:] = saved
    return boxes, free


def place_on_paths(
    paths: Sequence[np.ndarray],
    sizes: np.ndarray,
    *,
    taken: np.ndarray,
    centres: np.ndarray,
    reach: np.ndarray,
    bounds: tuple[float, float, float, float],
    pad: float = 1.0 * PT,
) -> np.ndarray:
    """A box on each path (the middle first), clear of ``taken`` boxes, the markers and each other.

    Returns
    -------
    (m, 4) array of boxes (x0, y0, x1, y1)

    Examples
    --------
    >>> box = place_on_paths([np.array([[0.0, 0.0], [2.0, 0.0]])], np.array([[0.2, 0.1]]), taken=np.zeros((0, 4)),
    ...                      centres=np.zeros((0, 2)), reach=np.zeros(0), bounds=(-1, -1, 3, 1))
    >>> box.round(2).tolist()
    [[0.9, -0.05, 1.1, 0.05]]
    """
    x0, y0, x1, y1 = bounds
    out = np.zeros((len(paths), 4))
    used = [t for t in taken]
    fractions = np.array([0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.2, 0.8, 0.46, 0.54, 0.38, 0.62, 0.3, 0.7])
    for k, pts in enumerate(paths):
        w, h = sizes[k]
        seglen = np.linalg.norm(np.diff(pts, axis=0), axis=1)
        cum = np.concatenate([[0.0], np.cumsum(seglen)])
        s = fractions * cum[-1]
        px, py = np.interp(s, cum, pts[:, 0]), np.interp(s, cum, pts[:, 1])
        shifts = [(0.0, 0.0), (0.0, h * 0.8), (0.0, -h * 0.8), (w * 0.6, 0.0), (-w * 0.6, 0.0)]
        cand = np.vstack([np.column_stack([px + dx - w / 2, py + dy - h / 2, px + dx + w / 2, py + dy + h / 2])
                          for dx, dy in shifts])
        padded = cand + np.array([-pad, -pad, pad, pad])
        ok = (cand[:, 0] >= x0) & (cand[:, 2] <= x1) & (cand[:, 1] >= y0) & (cand[:, 3] <= y1)
        if len(centres):
            ok &= ~box_hits_discs(cand, centres, reach + pad).any(axis=1)
        ok &= ~_overlaps(padded, np.array(used) if used else np.zeros((0, 4)))
        best = int(np.argmax(ok)) if ok.any() else 0
        out[k] = cand[best]
        used.append(padded[best])
    return out
