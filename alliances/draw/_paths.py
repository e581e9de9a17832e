"""Polyline geometry for the edge router: lengths, offsets, resampling, distances, and a point grid.

Everything is in inches on the drawing, as in :mod:`alliances.draw._route`.
"""

from __future__ import annotations

import numpy as np

__all__ = ["PointGrid", "distance_to_polyline", "offset_path", "path_length", "resample", "tangents"]


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


class PointGrid:
    """Points bucketed in square cells, for "the k nearest within a distance" of many points at once.

    What a k-d tree answers (scipy's ``cKDTree.query`` with ``distance_upper_bound``) for
    the short distances the router asks about, without importing scipy.spatial: a tenth
    of a second of every cold diagram.

    Parameters
    ----------
    points : (n, 2) array
    cell : float
        Side of a cell; a query farther than this looks at more cells.

    Examples
    --------
    >>> grid = PointGrid(np.array([[0.0, 0.0], [0.1, 0.0], [1.0, 1.0]]))
    >>> rows, idx, dist = grid.nearest(np.array([[0.02, 0.0], [0.5, 0.5]]), 2, 0.2)
    >>> rows.tolist(), idx.tolist(), np.round(dist, 2).tolist()
    ([0, 0], [0, 1], [0.02, 0.08])
    """

    def __init__(self, points: np.ndarray, cell: float = 0.05) -> None:
        self.points = np.asarray(points, dtype=float).reshape(-1, 2)
        self.cell = float(cell)
        keys = self._keys(np.floor(self.points / self.cell).astype(np.int64))
        self._order = np.argsort(keys, kind="stable")
        self._sorted = keys[self._order]

    @staticmethod
    def _keys(cells: np.ndarray) -> np.ndarray:
        return (cells[..., 0] + (1 << 30)) * (1 << 31) + (cells[..., 1] + (1 << 30))

    def within(self, queries: np.ndarray, bound: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every pair of a query point and a point closer than ``bound`` to it, in no particular order
        (what :meth:`nearest` sorts; the router's "does anything run here" needs no order).

        Parameters
        ----------
        queries : (m, 2) array
        bound : float

        Returns
        -------
        rows, idx : int arrays
            Query row and point index of each pair.
        dist : float array
            Their distances.

        Examples
        --------
        >>> grid = PointGrid(np.array([[0.0, 0.0], [0.1, 0.0], [1.0, 1.0]]))
        >>> rows, idx, _ = grid.within(np.array([[0.02, 0.0]]), 0.2)
        >>> sorted(idx.tolist())
        [0, 1]
        """
        q = np.asarray(queries, dtype=float).reshape(-1, 2)
        span = int(np.ceil(bound / self.cell))
        home = np.floor(q / self.cell).astype(np.int64)
        steps = np.arange(-span, span + 1)
        shift = np.stack(np.meshgrid(steps, steps, indexing="ij"), axis=-1).reshape(-1, 2)
        keys = self._keys(home[:, None, :] + shift[None])  # (m, cells)
        lo = np.searchsorted(self._sorted, keys, side="left").ravel()
        count = np.searchsorted(self._sorted, keys, side="right").ravel() - lo
        hit = count > 0  # most cells are empty: drop them before expanding
        lo, count = lo[hit], count[hit]
        total = int(count.sum())
        rows = np.repeat(np.nonzero(hit)[0] // len(shift), count)
        first = np.repeat(np.cumsum(count) - count, count)
        idx = self._order[np.repeat(lo, count) + np.arange(total) - first]
        dx, dy = q[rows, 0] - self.points[idx, 0], q[rows, 1] - self.points[idx, 1]
        dist = np.sqrt(dx * dx + dy * dy)
        inside = dist < bound
        return rows[inside], idx[inside], dist[inside]

    def nearest(self, queries: np.ndarray, k: int, bound: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """For each query point, its ``k`` nearest points closer than ``bound``.

        Parameters
        ----------
        queries : (m, 2) array
        k : int
        bound : float

        Returns
        -------
        rows, idx : int arrays
            Query row and point index of each pair found, by row, nearest first.
        dist : float array
            Their distances.
        """
        rows, idx, dist = self.within(queries, bound)
        order = np.lexsort((idx, dist, rows))
        rows, idx, dist = rows[order], idx[order], dist[order]
        start = np.searchsorted(rows, rows, side="left")
        keep = np.arange(len(rows)) - start < k
        return rows[keep], idx[keep], dist[keep]


def tangents(points: np.ndarray) -> np.ndarray:
    """Unit direction at each point of a polyline (or of each polyline along the second-last axis).

    Parameters
    ----------
    points : (..., m, 2) array

    Returns
    -------
    (..., m, 2) array

    Examples
    --------
    >>> tangents(np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0]])).round(3).tolist()
    [[1.0, 0.0], [0.707, 0.707], [0.0, 1.0]]
    """
    d = np.gradient(points, axis=-2)
    return d / np.maximum(np.linalg.norm(d, axis=-1, keepdims=True), 1e-12)


def resample(points: np.ndarray, spacing: float) -> tuple[np.ndarray, np.ndarray]:
    """Points every ``spacing`` along a polyline, and the length each one stands for.

    Parameters
    ----------
    points : (m, 2) array
    spacing : float

    Returns
    -------
    points : (k, 2) array
        Evenly spaced along the polyline, its two ends included.
    length : (k,) array
        The spacing actually used, for each point.

    Examples
    --------
    >>> pts, step = resample(np.array([[0.0, 0.0], [1.0, 0.0]]), 0.3)
    >>> pts[:, 0].round(2).tolist(), float(step[0])
    ([0.0, 0.25, 0.5, 0.75, 1.0], 0.25)
    """
    seglen = np.linalg.norm(np.diff(points, axis=0), axis=1)
    cum = np.concatenate([[0.0], np.cumsum(seglen)])
    total = cum[-1]
    n = max(2, int(np.ceil(total / spacing)) + 1)
    s = np.linspace(0.0, total, n)
    x = np.interp(s, cum, points[:, 0])
    y = np.interp(s, cum, points[:, 1])
    return np.column_stack([x, y]), np.full(n, total / (n - 1) if n > 1 else 0.0)


def distance_to_polyline(pts: np.ndarray, line: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each point's distance to the polyline, and the index of the nearest segment.

    Parameters
    ----------
    pts : (p, 2) array
    line : (m, 2) array

    Returns
    -------
    distance : (p,) array
    segment : (p,) int array

    Examples
    --------
    >>> d, seg = distance_to_polyline(np.array([[0.5, 1.0], [2.0, 0.5]]), np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 2.0]]))
    >>> d.tolist(), seg.tolist()
    ([0.5, 1.0], [1, 1])
    """
    a, b = line[:-1], line[1:]
    ab = b - a
    t = np.einsum("pkd,kd->pk", pts[:, None, :] - a[None], ab) / np.maximum((ab**2).sum(axis=1), 1e-18)
    t = np.clip(t, 0.0, 1.0)
    closest = a[None] + t[..., None] * ab[None]
    d = np.linalg.norm(pts[:, None, :] - closest, axis=2)
    return d.min(axis=1), d.argmin(axis=1)
