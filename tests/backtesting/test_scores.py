"""alliances.backtesting._scores: Brier, log loss, ROC AUC and reliability against scikit-learn and by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliances.backtesting import brier_score, log_loss, reliability_curve, roc_auc, score_all, stratified_auc

sk_metrics = pytest.importorskip("sklearn.metrics")

HAND = [
    ([0, 1, 1, 0, 1], [0.1, 0.8, 0.35, 0.4, 0.9]),
    ([1, 0, 0, 0], [0.5, 0.5, 0.2, 0.9]),
    ([0, 0, 1, 1, 1, 0], [0.3, 0.3, 0.3, 0.7, 0.7, 0.7]),  # ties across classes
    ([1, 0], [1e-20, 1.0]),  # confidently wrong: clipped, not infinite
]


@pytest.mark.parametrize(("y", "p"), HAND)
def test_scores_match_sklearn_on_hand_cases(y, p):
    assert brier_score(y, p) == pytest.approx(sk_metrics.brier_score_loss(y, p), abs=1e-12)
    assert roc_auc(y, p) == pytest.approx(sk_metrics.roc_auc_score(y, p), abs=1e-12)
    q = np.clip(p, 1e-15, 1 - 1e-15)  # sklearn clips at the float eps; we clip at 1e-15 on both sides
    assert log_loss(y, p) == pytest.approx(sk_metrics.log_loss(y, q, labels=[0, 1]), rel=1e-9)


def test_scores_by_hand():
    # Brier (0.01 + 0.04 + 0.36) / 3; AUC: positives 0.8 and 0.4 against negative 0.1 and 0.6 -> 3 of 4 orderings right
    assert brier_score([0, 1, 1], [0.1, 0.8, 0.4]) == pytest.approx(0.41 / 3)
    assert roc_auc([0, 1, 1, 0], [0.1, 0.8, 0.4, 0.6]) == 0.75
    assert log_loss([1], [math.exp(-2)]) == pytest.approx(2.0)


def test_undefined_scores_are_none():
    assert roc_auc([0, 0, 0], [0.1, 0.2, 0.3]) is None
    assert roc_auc([1], [0.3]) is None
    assert brier_score([], []) is None and log_loss([], []) is None
    assert reliability_curve([], []) == []


def test_score_all_counts_the_data():
    s = score_all([0, 1, 1, 0], [0.1, 0.8, 0.4, 0.6])
    assert (s.n, s.positives, s.auc) == (4, 2, 0.75)
    assert s.brier == pytest.approx((0.01 + 0.04 + 0.36 + 0.36) / 4)


def test_mismatched_lengths_are_an_error():
    with pytest.raises(ValueError, match="3 outcomes but 2 forecasts"):
        brier_score([0, 1, 1], [0.2, 0.3])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.floats(0.0, 1.0)), min_size=2, max_size=40))
def test_scores_match_sklearn_random(rows):
    y = np.array([int(a) for a, _ in rows])
    p = np.round(np.array([b for _, b in rows]), 2)  # rounding makes ties
    assert brier_score(y, p) == pytest.approx(sk_metrics.brier_score_loss(y, p), abs=1e-12)
    if len(set(y)) == 2:
        assert roc_auc(y, p) == pytest.approx(sk_metrics.roc_auc_score(y, p), abs=1e-12)
    else:
        assert roc_auc(y, p) is None
    q = np.clip(p, 1e-15, 1 - 1e-15)
    assert log_loss(y, p) == pytest.approx(sk_metrics.log_loss(y, q, labels=[0, 1]), rel=1e-7, abs=1e-12)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.floats(0.0, 1.0)), min_size=1, max_size=40))
def test_reliability_matches_sklearn_calibration_curve(rows):
    from sklearn.calibration import calibration_curve

    y = np.array([int(a) for a, _ in rows])
    p = np.array([b for _, b in rows])
    bins = reliability_curve(y, p, bins=10)
    assert sum(b["n"] for b in bins) == len(y)
    if len(set(y)) == 2:
        observed, predicted = calibration_curve(y, p, n_bins=10, strategy="uniform")
        assert [b["observed"] for b in bins] == pytest.approx(list(observed))
        assert [b["mean_predicted"] for b in bins] == pytest.approx(list(predicted))


def test_stratified_auc_is_the_pooled_within_stratum_ranking():
    rng = np.random.default_rng(2)
    y = rng.random(300) < 0.3
    strata = rng.choice(["none", "past", "recent", "low", "high"], 300)
    p = rng.random(300)
    # brute force: every positive against every negative of its own stratum, ties 1/2
    wins = pairs = 0.0
    for i in np.flatnonzero(y):
        for j in np.flatnonzero(~y):
            if strata[i] == strata[j]:
                pairs += 1
                wins += 1.0 if p[i] > p[j] else 0.5 if p[i] == p[j] else 0.0
    assert stratified_auc(y, p, strata) == pytest.approx(wins / pairs)
    # constant within strata: no skill, however well the strata separate the outcomes
    rate = {s: y[strata == s].mean() for s in set(strata)}
    assert stratified_auc(y, np.array([rate[s] for s in strata]), strata) == 0.5
    assert stratified_auc([1, 0], [0.9, 0.1], ["a", "b"]) is None  # no stratum holds both classes
