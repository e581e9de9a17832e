"""Backtest the conflict-risk model on event data, beside simple baselines.

(The package is ``backtesting``, not ``backtest``, so that ``alliances.backtest`` stays the
function: importing a subpackage binds its name on the parent package.)

:func:`backtest` builds the graph known at every time window from a scenario and event
files, asks the expert and the fitted risk model (and three baselines) for P(clash in
the next window) for every pair, and scores the forecasts on the windows after the
training period (:mod:`.scores`: Brier, log loss, ROC AUC, reliability).
"""

from __future__ import annotations

from ._run import (
    BASELINES,
    MODELS,
    SUBSETS,
    BacktestResult,
    Timeline,
    backtest,
    cpd_changes,
    graphs_over_time,
)
from ._scores import brier_score, log_loss, reliability_curve, roc_auc

__all__ = [
    "BASELINES",
    "MODELS",
    "SUBSETS",
    "BacktestResult",
    "Timeline",
    "backtest",
    "brier_score",
    "cpd_changes",
    "graphs_over_time",
    "log_loss",
    "reliability_curve",
    "roc_auc",
]
