"""Backtest the conflict-risk model on event data, beside simple baselines.

(The package is ``backtesting``, not ``backtest``, so that ``alliances.backtest`` stays the
function: importing a subpackage binds its name on the parent package.)

:func:`backtest` builds the graph known at every time window from a scenario and event
files (:func:`graphs_over_time`), asks the expert and the fitted risk model (and three
baselines) for P(clash in the next window) for every pair, and scores the forecasts on
the windows after the training period (Brier, log loss, ROC AUC, reliability).

Modules: :mod:`._run` (the backtest), :mod:`._timeline` (graphs, clashes and conflict
history per window), :mod:`._fitting` (the fitted model, CPD changes), :mod:`._baselines`
(history, persistence, stance, logistic regression), :mod:`._scores` (the scores),
:mod:`._result` (the result), :mod:`._ablation` (each factor left out),
:mod:`._sensitivity` (other windows and training periods).
"""

from __future__ import annotations

from ._ablation import ablation
from ._baselines import logistic_forecast, one_hot, rate_by
from ._fitting import cpd_changes, fit_on
from ._result import (
    BASELINES,
    MODEL_NAMES,
    MODELS,
    SUBSET_NAMES,
    SUBSETS,
    BacktestResult,
    p_clash_of,
    subset_mask,
)
from ._run import MAX_PAIR_WINDOWS, PRIOR_WEIGHTS, backtest, check_backtest_options, score_tables
from ._scores import (
    EPS,
    ScoreSet,
    brier_score,
    log_loss,
    reliability_curve,
    roc_auc,
    score_all,
    stratified_auc,
)
from ._sensitivity import sensitivity
from ._timeline import Timeline, all_windows, fighting_states, graphs_over_time

__all__ = [
    "BASELINES",
    "EPS",
    "MAX_PAIR_WINDOWS",
    "MODELS",
    "MODEL_NAMES",
    "PRIOR_WEIGHTS",
    "SUBSETS",
    "SUBSET_NAMES",
    "BacktestResult",
    "ScoreSet",
    "Timeline",
    "ablation",
    "all_windows",
    "backtest",
    "brier_score",
    "check_backtest_options",
    "cpd_changes",
    "fighting_states",
    "fit_on",
    "graphs_over_time",
    "log_loss",
    "logistic_forecast",
    "one_hot",
    "p_clash_of",
    "rate_by",
    "reliability_curve",
    "roc_auc",
    "score_all",
    "score_tables",
    "sensitivity",
    "stratified_auc",
    "subset_mask",
]
