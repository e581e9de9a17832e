"""Reductions and blocks for three or more camps: the reduced problem has the same optimum, and
the removed actors are placed optimally (brute force over every labelling)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliances.analysis import Edges, expand_camps, partition_cost, peel, reduce_camps
from tests.analysis.test_partition import optimum, random_edges


def best_labels(e: Edges, k: int) -> np.ndarray:
    """An optimal labelling into at most k camps, by brute force."""
    best = min(itertools.product(range(k), repeat=e.n), key=lambda lab: partition_cost(e, np.array(lab)))
    return np.array(best, dtype=np.int64)


@settings(max_examples=40, deadline=None)
@given(random_edges(max_nodes=6), st.sampled_from([3, 4]))
def test_reduced_blocks_keep_the_optimum_and_expand_to_an_optimal_partition(e, k):
    red = reduce_camps(e)
    assert all(block.n >= 3 for _, block in red.blocks)  # every actor left has three ties or more
    # the optimum of the whole = the cost forced by the merges + each block's optimum (penalties |c|)
    blocks_opt = sum(2 * optimum(block, min(k, block.n), 0.5) for _, block in red.blocks)
    assert red.const + blocks_opt == pytest.approx(2 * optimum(e, k, 0.5))
    labels = expand_camps(red, [best_labels(block, min(k, block.n)) for _, block in red.blocks])
    assert labels.min() >= 0 and labels.max() < k
    assert partition_cost(e, labels) == pytest.approx(optimum(e, k, 0.5))


def test_two_enemies_of_one_actor_cost_nothing_with_a_third_camp():
    # 0 is the enemy of 1 and of 2, who are enemies too: three camps, no cost; two camps pay one tie
    e = Edges(3, np.array([0, 0, 1]), np.array([1, 2, 2]), -np.ones(3))
    red = reduce_camps(e)
    assert red.blocks == [] and red.const == 0
    assert sorted(expand_camps(red, []).tolist()) == [0, 1, 2]
    adj = {0: {1: -1.0, 2: -1.0}, 1: {0: -1.0, 2: -1.0}, 2: {0: -1.0, 1: -1.0}}
    assert peel(adj, two_camps=True)[1] == 1.0


def test_blocks_glued_at_a_shared_actor():
    # two all-negative K4s sharing actor 3: each needs four camps, the shared actor agrees
    k4 = list(itertools.combinations(range(4), 2))
    other = [(a if a else 3, b) for a, b in itertools.combinations([0, 4, 5, 6], 2)]
    pairs = k4 + other
    e = Edges(7, np.array([a for a, _ in pairs]), np.array([b for _, b in pairs]), -np.ones(len(pairs)))
    red = reduce_camps(e)
    assert [nodes.tolist() for nodes, _ in red.blocks] == [[0, 1, 2, 3], [3, 4, 5, 6]]
    labels = expand_camps(red, [np.array([0, 1, 2, 3]), np.array([0, 1, 2, 3])])
    assert partition_cost(e, labels) == 0 and labels.max() == 3
