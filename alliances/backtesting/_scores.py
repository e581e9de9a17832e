"""Probability scores for binary forecasts: Brier, log loss, ROC AUC, reliability curve.

Written with numpy only (no scikit-learn import on this path); the tests check them
against ``sklearn.metrics`` on hand cases. A score that is undefined for the data (AUC
when only one class occurs, anything on no data) is ``None``, never NaN.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..errors import ParameterError

__all__ = ["EPS", "ScoreSet", "brier_score", "log_loss", "reliability_curve", "roc_auc", "score_all"]

EPS = 1e-15
"""Probabilities are clipped to [EPS, 1 - EPS] in the log loss, so a wrong 0 or 1 costs about 34.5, not infinity."""


@dataclass(frozen=True)
class ScoreSet:
    """The three scores of one set of forecasts, and the data they rest on."""

    brier: float | None
    log_loss: float | None
    auc: float | None
    n: int
    positives: int


def _arrays(y, p) -> tuple[np.ndarray, np.ndarray]:
    y = np.asarray(y, dtype=float).ravel()
    p = np.asarray(p, dtype=float).ravel()
    if y.shape != p.shape:
        raise ParameterError(f"{len(y)} outcomes but {len(p)} forecasts")
    return y, p


def brier_score(y, p) -> float | None:
    """Mean squared difference between forecast probability and outcome (Brier 1950).

    Examples
    --------
    >>> brier_score([0, 1, 1], [0.1, 0.9, 0.4])
    0.12666666666666668

    References
    ----------
    .. [1] Brier, G. W. (1950). Verification of forecasts expressed in terms of probability.
       Monthly Weather Review 78(1).
    """
    y, p = _arrays(y, p)
    if not len(y):
        return None
    return float(np.mean((p - y) ** 2))


def log_loss(y, p) -> float | None:
    """Mean negative log-likelihood (natural log) of the outcomes under the forecasts.

    Examples
    --------
    >>> round(log_loss([0, 1], [0.2, 0.6]), 6)
    0.366985
    """
    y, p = _arrays(y, p)
    if not len(y):
        return None
    q = np.clip(p, EPS, 1 - EPS)
    return float(-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q)))


def roc_auc(y, p) -> float | None:
    """Area under the ROC curve: P(a random positive is ranked above a random negative), ties count 1/2.

    Computed from mid-ranks (the Mann-Whitney U statistic). None when only one class occurs.

    Examples
    --------
    >>> roc_auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    0.75
    >>> roc_auc([1, 1], [0.2, 0.3]) is None
    True

    References
    ----------
    .. [1] Hanley, J. A. & McNeil, B. J. (1982). The meaning and use of the area under a receiver
       operating characteristic (ROC) curve. Radiology 143(1).
    """
    from scipy.stats import rankdata

    y, p = _arrays(y, p)
    pos = y > 0.5
    n1, n0 = int(pos.sum()), int((~pos).sum())
    if n1 == 0 or n0 == 0:
        return None
    ranks = rankdata(p)  # mid-ranks for ties
    u = ranks[pos].sum() - n1 * (n1 + 1) / 2.0
    return float(u / (n1 * n0))


def score_all(y, p) -> ScoreSet:
    """Brier, log loss and AUC of one set of forecasts."""
    y, p = _arrays(y, p)
    return ScoreSet(brier_score(y, p), log_loss(y, p), roc_auc(y, p), len(y), int((y > 0.5).sum()))


def reliability_curve(y, p, *, bins: int = 10) -> list[dict[str, float | int]]:
    """Observed frequency against mean forecast in equal-width probability bins.

    Parameters
    ----------
    y, p : array-like
        Outcomes (0/1) and forecast probabilities.
    bins : int
        Number of equal-width bins on [0, 1], each closed on the right (the first includes 0),
        as in scikit-learn's ``calibration_curve``.

    Returns
    -------
    list of dict
        One dict per non-empty bin, in order: ``lo``, ``hi``, ``n``, ``mean_predicted``, ``observed``.

    Examples
    --------
    >>> reliability_curve([0, 1, 1, 0], [0.05, 0.95, 0.9, 0.15], bins=2)  # doctest: +NORMALIZE_WHITESPACE
    [{'lo': 0.0, 'hi': 0.5, 'n': 2, 'mean_predicted': 0.1, 'observed': 0.0},
     {'lo': 0.5, 'hi': 1.0, 'n': 2, 'mean_predicted': 0.925, 'observed': 1.0}]

    References
    ----------
    .. [1] Murphy, A. H. & Winkler, R. L. (1977). Reliability of subjective probability forecasts of
       precipitation and temperature. J. Royal Statistical Society C 26(1).
    """
    y, p = _arrays(y, p)
    edges = np.linspace(0.0, 1.0, bins + 1)
    # bins closed on the right, (lo, hi], the first one [0, hi]: as sklearn's calibration_curve
    which = np.searchsorted(edges[1:-1], p, side="left")
    out = []
    for k in range(bins):
        mask = which == k
        n = int(mask.sum())
        if not n:
            continue
        out.append({"lo": round(float(edges[k]), 12), "hi": round(float(edges[k + 1]), 12), "n": n,
                    "mean_predicted": float(np.mean(p[mask])), "observed": float(np.mean(y[mask]))})
    return out
