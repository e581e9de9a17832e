"""The edge router's last resort: the shortest way round the markers on a fine grid, smoothed.

A cell costs more to pass through in the direction of a tie already drawn near it (within the
distance at which two ties count as running along each other, for their two widths), and
nothing more to pass across it: a detour crosses the ties in its way rather than runs beside
them. Its grid path is then cut short to the corners in clear view (a straight jump may cross
a tie, never run along one) and smoothed by corner cutting.

Everything is in inches on the drawing, as in :mod:`alliances.draw._route`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ._paths import resample

__all__ = ["STEP", "Taken", "grid_route"]

STEP = 0.04
"""Side of a grid cell (inches)."""
_BINS = 12  # directions a tie can run in, in bins of 15 degrees over half a turn
_ALONG_DEG = 30.0  # closer than this to a tie's direction: running along it (as the router measures)
_ALONG_COST = 6.0  # a step along a tie costs this much more than a free step

Taken = tuple[np.ndarray, np.ndarray, np.ndarray]
"""The ties already drawn, as sample points (p, 2), their unit directions (p, 2), and for each point
how close a new route's centre line may come before it runs along that tie (p,)."""


def _bin_mask(angle: np.ndarray) -> np.ndarray:
    """For directions (radians), the bins of tie directions within 30 degrees of each, (k, bins)."""
    centres = (np.arange(_BINS) + 0.5) * np.pi / _BINS
    gap = np.abs((np.asarray(angle)[..., None] - centres + np.pi / 2) % np.pi - np.pi / 2)
    return gap < np.radians(_ALONG_DEG) + np.pi / _BINS / 2


def _busy(taken: Taken, x0: float, y0: float, shape: tuple[int, int], free_discs) -> np.ndarray:
    """For each cell (rows, columns, corner at x0, y0) and bin of directions, whether a tie running in
    that direction passes close enough for a route through the cell to run along it."""
    ny_, nx_ = shape
    busy = np.zeros((ny_, nx_, _BINS), dtype=bool)
    pts, tan, near = taken
    if not len(pts):
        return busy
    inside = ((pts[:, 0] >= x0 - near) & (pts[:, 0] <= x0 + STEP * nx_ + near)
              & (pts[:, 1] >= y0 - near) & (pts[:, 1] <= y0 + STEP * ny_ + near))
    pts, tan, near = pts[inside], tan[inside], near[inside]
    if not len(pts):
        return busy
    span = int(np.ceil(near.max() / STEP))
    steps = np.arange(-span, span + 1)
    home = np.round((pts[:, ::-1] - np.array([y0, x0])) / STEP).astype(int)  # (p, 2) row, column
    # each point's distance to the cells around its own, as rows and columns apart: (p, s, s) squares
    frac = pts[:, ::-1] - (np.array([y0, x0]) + STEP * home)
    dy2 = (STEP * steps[None, :] - frac[:, :1]) ** 2
    dx2 = (STEP * steps[None, :] - frac[:, 1:]) ** 2
    p, oy, ox = np.nonzero(dy2[:, :, None] + dx2[:, None, :] < (near * near)[:, None, None])
    row, col = home[p, 0] + steps[oy], home[p, 1] + steps[ox]
    b = (np.floor((np.arctan2(tan[:, 1], tan[:, 0]) % np.pi) / (np.pi / _BINS)).astype(int)) % _BINS
    ok = (row >= 0) & (row < ny_) & (col >= 0) & (col < nx_)
    busy[row[ok], col[ok], b[p[ok]]] = True
    # inside the two end markers nothing shows: a route may leave its actor beside another tie
    gy = y0 + STEP * np.arange(ny_)[:, None]
    gx = x0 + STEP * np.arange(nx_)[None, :]
    for (cx, cy), r in free_discs:
        busy[(gx - cx) ** 2 + (gy - cy) ** 2 < r * r] = False
    return busy


def grid_route(p0: np.ndarray, p3: np.ndarray, obst_c: np.ndarray, obst_r: np.ndarray,
               bounds: tuple[float, float, float, float], taken: Taken | None = None,
               ends: Sequence[tuple[np.ndarray, float]] = (), spacing: float = 0.015) -> np.ndarray | None:
    """The shortest path from p0 to p3 around the discs, on a grid of :data:`STEP`, smoothed.

    Parameters
    ----------
    p0, p3 : (2,) arrays
        The two ends.
    obst_c, obst_r : (k, 2) and (k,) arrays
        Discs the path must clear.
    bounds : (x0, y0, x1, y1)
        The area the path stays inside.
    taken : Taken, optional
        Ties already drawn: running along one costs more, crossing it does not.
    ends : sequence of (centre, radius)
        The discs of the two end markers, where nothing counts as running along.
    spacing : float
        Distance between the returned points.

    Returns
    -------
    (m, 2) array or None
        None when the discs leave no way through.

    Examples
    --------
    >>> path = grid_route(np.array([0.0, 0.0]), np.array([2.0, 0.0]), np.array([[1.0, 0.0]]),
    ...                   np.array([0.2]), (-1.0, -1.0, 3.0, 1.0))
    >>> bool(np.abs(path[:, 1]).max() > 0.2), path[0].tolist(), path[-1].tolist()
    (True, [0.0, 0.0], [2.0, 0.0])
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import dijkstra

    # a window around the two ends (a detour rarely goes farther), within the canvas
    lo, hi = np.minimum(p0, p3) - 1.0, np.maximum(p0, p3) + 1.0
    x0, y0 = max(bounds[0], lo[0]), max(bounds[1], lo[1])
    x1, y1 = min(bounds[2], hi[0]), min(bounds[3], hi[1])
    if x1 - x0 < STEP or y1 - y0 < STEP:  # both ends off the canvas: no grid to route on
        return None
    step = STEP
    near = np.all((obst_c > np.array([x0, y0]) - obst_r[:, None]) & (obst_c < np.array([x1, y1]) + obst_r[:, None]),
                  axis=1) if len(obst_c) else np.zeros(0, dtype=bool)
    obst_c, obst_r = obst_c[near], obst_r[near]
    nx_, ny_ = int((x1 - x0) / step) + 1, int((y1 - y0) / step) + 1
    gx, gy = np.meshgrid(x0 + step * np.arange(nx_), y0 + step * np.arange(ny_))
    cells = np.column_stack([gx.ravel(), gy.ravel()])
    # each cell's room to the nearest marker's disc, worked out in a window around each disc only
    room = _disc_room(obst_c, obst_r, x0, y0, step, (ny_, nx_))
    free = room.ravel() > step * 0.75
    busy = _busy(taken, x0, y0, (ny_, nx_), ends) if taken is not None else np.zeros((ny_, nx_, _BINS), bool)
    idx = np.arange(len(cells)).reshape(ny_, nx_)
    ys, xs = np.mgrid[0:ny_, 0:nx_]
    rows, cols, wts = [], [], []
    for dy, dx in ((0, 1), (1, 0), (1, 1), (1, -1)):
        along = busy[..., _bin_mask(np.arctan2(dy, dx))].any(axis=-1).ravel()
        cost = 1.0 + _ALONG_COST * along
        y2, x2 = ys + dy, xs + dx
        inside = (y2 < ny_) & (x2 >= 0) & (x2 < nx_)
        a, b = idx[ys[inside], xs[inside]], idx[y2[inside], x2[inside]]
        ok = free[a] & free[b]
        rows.append(a[ok])
        cols.append(b[ok])
        wts.append(step * float(np.hypot(dx, dy)) * (cost[a[ok]] + cost[b[ok]]) / 2)
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
    # a shortcut stays 5% of a disc's radius off it (a cell's half diagonal more, as cells are looked up
    # by their centres), and runs along no tie
    scaled = _disc_room(obst_c, obst_r * 1.05, x0, y0, step, (ny_, nx_))
    corners = _simplify(pts, scaled <= step * np.sqrt(0.5), busy, x0, y0)
    smooth = corners
    for _ in range(3):  # Chaikin corner cutting: a smooth curve that stays near the corners
        q = 0.75 * smooth[:-1] + 0.25 * smooth[1:]
        r = 0.25 * smooth[:-1] + 0.75 * smooth[1:]
        smooth = np.vstack([smooth[0], np.column_stack([q, r]).reshape(-1, 2), smooth[-1]])
    dense, _ = resample(smooth, spacing)
    if len(obst_c) and (np.linalg.norm(dense[:, None] - obst_c[None], axis=2) < obst_r[None]).any():
        dense, _ = resample(corners, spacing)  # cutting a corner came too close: keep the corners
    return dense


def _disc_room(obst_c: np.ndarray, obst_r: np.ndarray, x0: float, y0: float, step: float,
               shape: tuple[int, int]) -> np.ndarray:
    """For each cell of a grid (``shape`` = rows, columns, corner at x0, y0), how far its centre is
    outside the nearest disc (capped at a few cells: only "is it clear" is asked of it)."""
    ny_, nx_ = shape
    cap = 4 * step
    room = np.full(shape, cap)
    for (cx, cy), r in zip(obst_c, obst_r, strict=True):
        reach = r + cap
        i0, i1 = max(0, int(np.floor((cy - reach - y0) / step))), min(ny_, int(np.ceil((cy + reach - y0) / step)) + 1)
        j0, j1 = max(0, int(np.floor((cx - reach - x0) / step))), min(nx_, int(np.ceil((cx + reach - x0) / step)) + 1)
        if i0 >= i1 or j0 >= j1:
            continue
        gy = y0 + step * np.arange(i0, i1)[:, None] - cy
        gx = x0 + step * np.arange(j0, j1)[None, :] - cx
        np.minimum(room[i0:i1, j0:j1], np.sqrt(gx * gx + gy * gy) - r, out=room[i0:i1, j0:j1])
    return room


def _simplify(pts: np.ndarray, barred: np.ndarray, busy: np.ndarray, x0: float, y0: float) -> np.ndarray:
    """Greedy line of sight: from each kept point, jump to the farthest point still in clear view
    (no ``barred`` cell of the grid, corner at x0, y0, on the straight line there, and no cell a tie
    runs through in nearly the line's direction)."""
    keep = [0]
    t = np.linspace(0.0, 1.0, 81)[None, :, None]  # a jump of at most 80 cells: a sample per cell at least
    ny_, nx_ = barred.shape
    while keep[-1] < len(pts) - 1:
        a = keep[-1]
        ahead = pts[a + 1:a + 81]
        seg = pts[a][None, None] + t * (ahead[:, None] - pts[a][None, None])  # (B, S, 2)
        ix = np.clip(np.round((seg[..., 0] - x0) / STEP).astype(int), 0, nx_ - 1)
        iy = np.clip(np.round((seg[..., 1] - y0) / STEP).astype(int), 0, ny_ - 1)
        heading = ahead - pts[a]
        mask = _bin_mask(np.arctan2(heading[:, 1], heading[:, 0]))  # (B, bins)
        along = (busy[iy, ix] & mask[:, None, :]).any(axis=(1, 2))
        clear = ~barred[iy, ix].any(axis=1) & ~along
        clear[0] = True
        keep.append(a + 1 + int(np.nonzero(clear)[0].max()))
    return pts[keep]
