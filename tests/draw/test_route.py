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
