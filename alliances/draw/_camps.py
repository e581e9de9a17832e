"""The shaded area of each camp: around its members, never over another camp's.

A camp's area is the convex hull of discs around its members (as a reader expects a
camp to look), cut back where it would reach another camp: a point belongs to camp A's
area only if it is nearer (marker edge to point) to a member of A than to any actor
outside A, by a small margin. That is the camp's region of the additively weighted
Voronoi diagram of the markers [1]_, so the areas of two camps never overlap, every
member lies inside its own camp's area and every other actor outside it; the margin
leaves a thin white strip where two camps meet.

The boundary is traced as the zero level of a field sampled on a grid (matplotlib's
contourpy, marching squares), so the result is the same every run and needs no
polygon-clipping library.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from matplotlib.path import Path

from ._layout import convex_hull

__all__ = ["camp_areas"]

PT = 1 / 72
_CIRCLE = np.column_stack([np.cos(np.linspace(0, 2 * np.pi, 24, endpoint=False)),
                           np.sin(np.linspace(0, 2 * np.pi, 24, endpoint=False))])


def camp_areas(
    centres: np.ndarray,
    reach: np.ndarray,
    camps: Sequence[Sequence[int]],
    *,
    gap: float = 3.0 * PT,
    cell: float = 0.02,
) -> list[Path]:
    """Each camp's shaded area: the hull of its members, cut back so no two camps' areas overlap.

    Parameters
    ----------
    centres : (n, 2) array
        Marker centres (inches).
    reach : (n,) array
        How far each marker reaches from its centre (inches).
    camps : sequence of index lists
        The members of each camp; actors in no list belong to no camp (and are kept out of
        every camp's area).
    gap : float
        The least distance (inches, about) between the areas of two camps.
    cell : float
        Grid step (inches) on which the boundary is traced.

    Returns
    -------
    list of matplotlib.path.Path
        One path per camp (several pieces, or holes around another camp's actor, where the
        layout puts one inside), in the units of ``centres``.

    Examples
    --------
    >>> xy = np.array([[0.0, 0.0], [1.0, 0.0], [0.5, 0.05], [0.5, 1.0]])
    >>> a, b = camp_areas(xy, np.full(4, 0.08), [[0, 1], [2, 3]])
    >>> bool(a.contains_point((0.0, 0.0))), bool(a.contains_point((0.5, 0.05))), bool(b.contains_point((0.5, 0.05)))
    (True, False, True)

    References
    ----------
    .. [1] Aurenhammer, F. & Edelsbrunner, H. (1984) An optimal algorithm for constructing
       the weighted Voronoi diagram in the plane. Pattern Recognition 17(2), 251-257.
    """
    from contourpy import FillType, contour_generator

    c = np.asarray(centres, dtype=float).reshape(-1, 2)
    r = np.asarray(reach, dtype=float)
    out: list[Path] = []
    for members in camps:
        idx = np.array(sorted(set(members)), dtype=int)
        others = np.setdiff1d(np.arange(len(c)), idx)
        hull = convex_hull(np.vstack([c[i] + _CIRCLE * (r[i] * 1.6 + 0.05) for i in idx]))
        lo, hi = hull.min(axis=0) - 2 * cell, hull.max(axis=0) + 2 * cell
        xs = np.arange(lo[0], hi[0] + cell, cell)
        ys = np.arange(lo[1], hi[1] + cell, cell)
        gx, gy = np.meshgrid(xs, ys)
        pts = np.column_stack([gx.ravel(), gy.ravel()])
        field = _inside_hull(pts, hull)
        if len(others):
            own = _edge_distance(pts, c[idx], r[idx])
            foreign = _edge_distance(pts, c[others], r[others])
            field = np.minimum(field, foreign - own - gap)
        gen = contour_generator(xs, ys, field.reshape(gx.shape), fill_type=FillType.OuterCode)
        filled: Any = gen.filled(0.0, np.inf)  # OuterCode: (points of each piece, codes of each piece)
        points, codes = filled[0], filled[1]  # (never empty: each member's marker lies inside)
        out.append(Path(np.vstack(points), np.concatenate(codes)))
    return out


def _edge_distance(pts: np.ndarray, centres: np.ndarray, reach: np.ndarray) -> np.ndarray:
    """From each point to the nearest marker's edge (negative inside a marker)."""
    d = np.hypot(pts[:, None, 0] - centres[None, :, 0], pts[:, None, 1] - centres[None, :, 1]) - reach[None]
    return np.asarray(d.min(axis=1))


def _inside_hull(pts: np.ndarray, hull: np.ndarray) -> np.ndarray:
    """How far each point lies inside a counter-clockwise convex polygon (negative: outside)."""
    edge = np.roll(hull, -1, axis=0) - hull
    normal = np.column_stack([-edge[:, 1], edge[:, 0]]) / np.linalg.norm(edge, axis=1)[:, None]  # inward
    # the two products added as the sum over the last axis would add them (the same bits),
    # without a (points, vertices, 2) array and its short strided sums
    x = pts[:, 0, None] - hull[None, :, 0]
    x *= normal[None, :, 0]
    y = pts[:, 1, None] - hull[None, :, 1]
    y *= normal[None, :, 1]
    x += y
    return np.asarray(x.min(axis=1))
