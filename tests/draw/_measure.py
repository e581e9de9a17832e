"""Measuring a drawn network from its artists, in pixels: markers, edge paths, texts, legend.

Nothing here asks the library how it laid things out: the numbers come from what
matplotlib will draw (scatter offsets and marker paths, line collections, text extents).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.transforms import Bbox


@dataclass
class Edge:
    points: np.ndarray  # pixels, densely resampled
    width: float  # pixels
    ends: tuple[int, int]  # the markers it starts and ends at


def markers(fig, ax) -> tuple[np.ndarray, np.ndarray]:
    """Centres and reach (pixels: farthest corner or tip, outline included) of every actor marker."""
    centres, reach = [], []
    px = fig.dpi / 72
    for coll in ax.collections:
        if not isinstance(coll, PathCollection) or not len(coll.get_offsets()):
            continue
        unit = np.abs(coll.get_paths()[0].vertices)
        tip = np.sqrt((unit**2).sum(axis=1)).max()
        sizes = np.broadcast_to(coll.get_sizes(), len(coll.get_offsets()))
        lw = np.broadcast_to(coll.get_linewidths(), len(coll.get_offsets()))
        centres.append(ax.transData.transform(coll.get_offsets()))
        reach.append(tip * np.sqrt(sizes) * px + lw * px / 2)
    return np.vstack(centres), np.concatenate(reach)


def edges(fig, ax, centres: np.ndarray, reach: np.ndarray) -> list[Edge]:
    """Every tie and risk band: its path, width, and the markers at its two ends."""
    out = []
    px = fig.dpi / 72
    for coll in ax.collections:
        if not isinstance(coll, LineCollection):
            continue
        widths = np.broadcast_to(coll.get_linewidths(), len(coll.get_segments()))
        for seg, w in zip(coll.get_segments(), widths, strict=True):
            pts = resample(ax.transData.transform(seg), 0.5)
            ends = tuple(int(np.argmin(np.linalg.norm(centres - p, axis=1) - reach)) for p in (pts[0], pts[-1]))
            out.append(Edge(pts, float(w) * px, ends))  # type: ignore[arg-type]
    return out


def resample(points: np.ndarray, spacing: float) -> np.ndarray:
    seg = np.linalg.norm(np.diff(points, axis=0), axis=1)
    cum = np.concatenate([[0.0], np.cumsum(seg)])
    s = np.linspace(0, cum[-1], max(2, int(cum[-1] / spacing) + 1))
    return np.column_stack([np.interp(s, cum, points[:, 0]), np.interp(s, cum, points[:, 1])])


def visible(edge: Edge, centres: np.ndarray, reach: np.ndarray) -> np.ndarray:
    """The points of an edge outside the markers it ends at."""
    keep = np.ones(len(edge.points), dtype=bool)
    for k in set(edge.ends):
        keep &= np.linalg.norm(edge.points - centres[k], axis=1) > reach[k]
    return edge.points[keep]


def closest_foreign_marker(edge: Edge, centres: np.ndarray, reach: np.ndarray) -> float:
    """How far (pixels) the edge's stroke stays from the nearest marker it does not end at (negative: over it)."""
    others = [k for k in range(len(centres)) if k not in edge.ends]
    if not others:
        return np.inf
    d = np.linalg.norm(edge.points[:, None, :] - centres[others][None], axis=2)
    return float((d - reach[others][None] - edge.width / 2).min())


def _directions(points: np.ndarray) -> np.ndarray:
    d = np.gradient(points, axis=0)
    return d / np.maximum(np.linalg.norm(d, axis=1, keepdims=True), 1e-12)


def shared_fraction(a: Edge, b: Edge, centres: np.ndarray, reach: np.ndarray) -> float:
    """The share of the shorter visible path that runs on the other one: its centre line inside
    the other's stroke (closer than the wider one's half width) and in nearly the same direction
    (within 30 degrees: lines that cross at a wider angle cross, they do not run along)."""
    from scipy.spatial import cKDTree

    pa, pb = visible(a, centres, reach), visible(b, centres, reach)
    if len(pa) < 2 or len(pb) < 2:
        return 0.0
    within = max(a.width, b.width) / 2
    lo, hi = pb.min(axis=0) - within, pb.max(axis=0) + within
    if ((pa < lo) | (pa > hi)).any(axis=1).all():
        return 0.0
    da, db = _directions(pa), _directions(pb)
    along = np.cos(np.radians(30))
    dist, idx = cKDTree(pb).query(pa, distance_upper_bound=within + 0.5)
    ok = np.isfinite(dist)
    near_a = ok & (dist < within)
    near_a[ok] &= np.abs((da[ok] * db[idx[ok]]).sum(axis=1)) > along
    dist, idx = cKDTree(pa).query(pb, distance_upper_bound=within + 0.5)
    ok = np.isfinite(dist)
    near_b = ok & (dist < within)
    near_b[ok] &= np.abs((db[ok] * da[idx[ok]]).sum(axis=1)) > along
    return float(max(near_a.sum(), near_b.sum()) / min(len(pa), len(pb)))


def text_boxes(fig, texts) -> list[Bbox]:
    renderer = fig.canvas.get_renderer()
    return [t.get_window_extent(renderer) for t in texts if t.get_visible() and t.get_text()]


def every_text(fig) -> list:
    """Every visible text of the figure: titles, labels, legend entries, small print."""
    from matplotlib.text import Text

    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text() and t.get_figure(root=True) is fig]


def box_hits_disc(box: Bbox, centre: np.ndarray, r: float) -> bool:
    nx_, ny_ = min(max(centre[0], box.x0), box.x1), min(max(centre[1], box.y0), box.y1)
    return bool((nx_ - centre[0]) ** 2 + (ny_ - centre[1]) ** 2 < r * r)


def marker_fills(ax) -> list[str]:
    """The fill colour (hex) of every actor marker, in the order of :func:`markers`."""
    from matplotlib.colors import to_hex

    out: list[str] = []
    for coll in ax.collections:
        if isinstance(coll, PathCollection) and len(coll.get_offsets()):
            n = len(coll.get_offsets())
            out += [to_hex(c) for c in np.broadcast_to(coll.get_facecolors(), (n, 4))]
    return out


def shaded_areas(ax) -> dict[str, list]:
    """Every filled patch (the camps' shaded areas), as pixel paths, by fill colour (hex)."""
    from matplotlib.colors import to_hex

    out: dict[str, list] = {}
    for p in ax.patches:
        if p.get_fill() and p.get_facecolor()[3] > 0:
            out.setdefault(to_hex(p.get_facecolor()), []).append(p.get_path().transformed(p.get_transform()))
    return out


def covered(paths: list, points: np.ndarray) -> np.ndarray:
    """Whether each point lies inside any of the paths."""
    inside = np.zeros(len(points), dtype=bool)
    for path in paths:
        inside |= path.contains_points(points)
    return inside


def pixel_grid(box: Bbox, step: float = 1.0) -> np.ndarray:
    """The centres of a grid of ``step``-pixel cells over a box."""
    gx, gy = np.meshgrid(np.arange(box.x0 + step / 2, box.x1, step), np.arange(box.y0 + step / 2, box.y1, step))
    return np.column_stack([gx.ravel(), gy.ravel()])


def box_to_markers(box: Bbox, centres: np.ndarray, reach: np.ndarray) -> np.ndarray:
    """From a box to each marker's edge (pixels; 0 or less where the box touches or covers it)."""
    nx_, ny_ = np.clip(centres[:, 0], box.x0, box.x1), np.clip(centres[:, 1], box.y0, box.y1)
    return np.asarray(np.hypot(nx_ - centres[:, 0], ny_ - centres[:, 1]) - reach)
