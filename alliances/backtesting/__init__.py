"""Backtest the conflict-risk model on event data, beside simple baselines.

(The package is ``backtesting``, not ``backtest``, so that ``alliances.backtest`` stays the
function: importing a subpackage binds its name on the parent package.)

:func:`backtest` builds the graph known at every time window from a scenario and event
files (:func:`graphs_over_time`), asks the expert and the fitted risk model (and three
baselines) for P(clash in the next window) for every pair, and scores the forecasts on
the windows after the training period (Brier, log loss, ROC AUC, reliability).

Modules: :mod:`._run` (the backtest), :mod:`._timeline` (graphs and clashes per window),
:mod:`._fitting` (the fitted model, CPD changes), :mod:`._baselines` (persistence,
stance, logistic regression), :mod:`._scores` (the scores), :mod:`._result` (the result).
"""

from __future__ import annotations

from ._baselines import logistic_forecast, one_hot, rate_by
from ._fitting import cpd_changes, fit_on
from ._result import BASELINES, MODEL_NAMES, MODELS, SUBSETS, BacktestResult
from ._run import MAX_PAIR_WINDOWS, backtest, check_backtest_options
from ._scores import EPS, ScoreSet, brier_score, log_loss, reliability_curve, roc_auc, score_all
from ._timeline import Timeline, all_windows, graphs_over_time

__all__ = [
    "BASELINES",
    "EPS",
    "MAX_PAIR_WINDOWS",
    "MODELS",
    "MODEL_NAMES",
    "SUBSETS",
    "BacktestResult",
    "ScoreSet",
    "Timeline",
    "all_windows",
    "backtest",
    "brier_score",
    "check_backtest_options",
    "cpd_changes",
    "fit_on",
    "graphs_over_time",
    "log_loss",
    "logistic_forecast",
    "one_hot",
    "rate_by",
    "reliability_curve",
    "roc_auc",
    "score_all",
]
