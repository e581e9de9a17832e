"""The edge router's parts: the point grid it looks up neighbours in."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from alliances.draw._paths import PointGrid


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 2000), st.integers(1, 500), st.sampled_from([0.01, 0.035, 0.05, 0.12]), st.integers(1, 9),
       st.integers(0, 2**32 - 1))
def test_point_grid_finds_what_a_kd_tree_finds(n, m, bound, k, seed):
    """The k nearest points closer than the bound: scipy's cKDTree's answer, pair for pair."""
    from scipy.spatial import cKDTree

    rng = np.random.default_rng(seed)
    points, queries = rng.uniform(0, 2, (n, 2)), rng.uniform(-0.2, 2.2, (m, 2))
    dist, idx = cKDTree(points).query(queries, k=k, distance_upper_bound=bound)
    dist, idx = dist.reshape(m, k), idx.reshape(m, k)
    found = np.isfinite(dist)
    rows, cols = np.nonzero(found)
    truth = sorted(zip(rows.tolist(), idx[rows, cols].tolist(), strict=True))
    got_rows, got_idx, got_dist = PointGrid(points).nearest(queries, k, bound)
    assert sorted(zip(got_rows.tolist(), got_idx.tolist(), strict=True)) == truth
    assert np.array_equal(np.sort(got_dist), np.sort(dist[found]))


def test_a_grid_detour_keeps_off_a_tie_it_would_run_along_and_crosses_one_in_its_way():
    """A detour whose straight way runs along a drawn tie leaves it by more than the distance at which
    the two run together; a tie across its way costs nothing, so that detour stays straight."""
    from alliances.draw._detour import grid_route
    from alliances.draw._route import shared_length

    p0, p3 = np.array([0.0, 0.0]), np.array([2.0, 0.0])
    bounds = (-1.0, -1.0, 3.0, 1.0)
    ends = [(p0, 0.1), (p3, 0.1)]
    none = (np.zeros((0, 2)), np.zeros((0, 2)))

    def taken(a, b, near=0.1):
        pts = np.linspace(a, b, 60)
        tan = np.tile((b - a) / np.linalg.norm(b - a), (len(pts), 1))
        return pts, tan, np.full(len(pts), near)

    along = taken(np.array([0.4, 0.0]), np.array([1.6, 0.0]))
    path = grid_route(p0, p3, *none, bounds, along, ends)
    # off the tie but where it turns away and back at the tie's two ends (a raster of cells the tie passes
    # through, as before, let it run 0.04 in beside it: the whole 1.2 in)
    assert shared_length(path, along[0], 0.1) < 0.2
    across = taken(np.array([1.0, -0.8]), np.array([1.0, 0.8]))
    path = grid_route(p0, p3, *none, bounds, across, ends)
    assert np.abs(path[:, 1]).max() < 1e-9
