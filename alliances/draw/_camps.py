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
polygon-clipping library. :func:`area_pieces` splits an area into its pieces, each with
its holes joined in by zero-width cuts, for a renderer that fills simple point lists (the
interactive view's Cytoscape.js polygons) rather than paths with holes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np
from matplotlib.path import Path

from ._layout import convex_hull

__all__ = ["AreaPiece", "area_pieces", "camp_areas"]

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


class AreaPiece(NamedTuple):
    """One connected piece of a camp's area."""

    outline: np.ndarray
    """(m, 2) corners of its outer boundary, anticlockwise (y up; clockwise on a page, y down)."""
    holes: list[np.ndarray]
    """The boundary of each hole (around another camp's actor), clockwise (y up)."""
    fill: np.ndarray
    """The outline with every hole joined in by a zero-width cut: filled with either winding
    rule, it covers the piece and leaves the holes empty (the outline itself when there is none)."""


def area_pieces(area: Path) -> list[AreaPiece]:
    """Split a camp's area (as :func:`camp_areas` returns it) into its pieces, holes joined in.

    A renderer that fills one list of corners per shape, with no holes, draws each piece's
    ``fill`` and strokes its ``outline`` and ``holes``: the same area as the path. Each hole is
    joined to the boundary around it by a horizontal cut from its rightmost corner to the
    nearest boundary on its right (holes taken rightmost first, as in [1]_), which crosses no
    other boundary, so the joined polygon encloses exactly the piece.

    Parameters
    ----------
    area : matplotlib.path.Path
        Closed rings (MOVETO ... CLOSEPOLY): outer boundaries and holes, in any order and
        orientation (as traced, holes wind the other way round from outer boundaries).

    Returns
    -------
    list of AreaPiece
        The pieces, largest first (ties broken by the outline's corners).

    Examples
    --------
    >>> square = [(0, 0), (4, 0), (4, 4), (0, 4), (0, 0)]
    >>> hole = [(1, 1), (1, 2), (2, 2), (2, 1), (1, 1)]
    >>> codes = [Path.MOVETO] + [Path.LINETO] * 3 + [Path.CLOSEPOLY]
    >>> (piece,) = area_pieces(Path(square + hole, codes * 2))
    >>> len(piece.holes), len(piece.fill)  # 4 + 4 corners, two ends of the cut, one repeated corner
    (1, 11)
    >>> filled = Path(piece.fill)
    >>> bool(filled.contains_point((3, 3))), bool(filled.contains_point((1.5, 1.5)))
    (True, False)

    References
    ----------
    .. [1] Eberly, D. (2008) Triangulation by ear clipping, section 3: polygons with holes.
       Geometric Tools.
    """
    closed = [np.asarray(r, dtype=float) for r in area.to_polygons(closed_only=True)]
    rings = [r[:-1] for r in closed if len(r) >= 4]  # to_polygons repeats the first corner at the end
    if not rings:
        return []
    signed = [_signed_area(r) for r in rings]
    outer_sign = np.sign(signed[int(np.argmax(np.abs(signed)))])  # the largest ring is an outer boundary
    outers = [r if outer_sign > 0 else r[::-1] for r, a in zip(rings, signed, strict=True) if np.sign(a) == outer_sign]
    holes: list[list[np.ndarray]] = [[] for _ in outers]
    order = sorted(range(len(outers)), key=lambda i: abs(_signed_area(outers[i])))  # smallest first
    for r, a in zip(rings, signed, strict=True):
        if np.sign(a) != outer_sign:
            hole = r if outer_sign > 0 else r[::-1]  # clockwise: the other way round from the outline
            home = next((i for i in order if Path(outers[i]).contains_point(tuple(hole[0]))), None)
            if home is not None:
                holes[home].append(hole)
    pieces = [AreaPiece(o, h, _join_holes(o, h)) for o, h in zip(outers, holes, strict=True)]
    return sorted(pieces, key=lambda p: (-abs(_signed_area(p.outline)), p.outline.tolist()))


def _signed_area(ring: np.ndarray) -> float:
    x, y = ring[:, 0], ring[:, 1]
    return float(np.dot(x, np.roll(y, -1)) - np.dot(np.roll(x, -1), y)) / 2


def _join_holes(outline: np.ndarray, holes: list[np.ndarray]) -> np.ndarray:
    """The outline with each hole spliced in along a horizontal cut to the right (rightmost hole first)."""
    poly = [tuple(p) for p in outline.tolist()]
    for hole in sorted(holes, key=lambda h: (-float(h[:, 0].max()), h.tolist())):
        start = int(np.argmax(hole[:, 0]))
        mx, my = hole[start]
        best, at = np.inf, -1
        for k, (a, b) in enumerate(zip(poly, poly[1:] + poly[:1], strict=True)):
            if (a[1] > my) != (b[1] > my):  # the edge crosses the cut's line (half-open: a corner counts once)
                x = a[0] + (my - a[1]) * (b[0] - a[0]) / (b[1] - a[1])
                if mx <= x < best:
                    best, at = x, k
        if at < 0:  # not inside the outline (cannot happen for a traced hole): leave it out
            continue
        ring = [tuple(p) for p in np.roll(hole, -start, axis=0).tolist()]
        poly = poly[:at + 1] + [(best, my)] + ring + [ring[0], (best, my)] + poly[at + 1:]
    return np.array(poly, dtype=float)
