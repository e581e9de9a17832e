"""alliances.backtesting._result: reading a backtest's result: scores, counts, verdicts, other models."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pandas as pd

from alliances.backtesting import MODELS, BacktestResult
from alliances.report import backtest_json


def test_counts_and_test_rows(world):
    bt = world["bt"]
    assert isinstance(bt, BacktestResult)
    assert (bt.test["split"] == "test").all() and len(bt.test) == 13 * 21
    assert bt.scenario == "Simulated"


def test_score_is_none_when_undefined(world):
    bt = world["bt"]
    scores = bt.scores.copy()
    scores.loc[0, "auc"] = float("nan")
    scores.loc[1, "auc"] = None
    odd = dataclasses.replace(bt, scores=scores)
    assert odd.score("expert", "all", "auc") is None and odd.score("expert", "onset", "auc") is None
    assert odd.score("expert", "all", "brier") == bt.score("expert")


def test_json_has_null_not_nan(world):
    bt = world["bt"]
    scores = bt.scores.copy()
    scores.loc[0, "auc"] = None
    scores.loc[1, "auc"] = float("nan")
    data = backtest_json(dataclasses.replace(bt, scores=scores))
    assert data["scores"][0]["auc"] is None and data["scores"][1]["auc"] is None
    json.dumps(data, allow_nan=False)


def test_verdicts_say_when_a_baseline_wins(world):
    bt = world["bt"]
    text = "\n".join(bt.verdicts())
    checked = 0
    for subset in ("all", "onset", "new_onset"):
        for model in ("expert", "fitted") if subset == "all" else ("fitted",):
            m = bt.score(model, subset)
            for base in ("history", "persistence", "stance", "logistic"):
                b = bt.score(base, subset)
                if b < m - 1e-12:
                    assert f"beats the {model} model on brier {b:.4f} vs {m:.4f}" in text
                    checked += 1
        within = bt.score("fitted", subset, "auc_within")
        assert f"with AUC {within:.2f} (0.5: the graph adds nothing)" in text
    assert checked


def _with_scores(bt, brier):
    """The result with made-up Brier scores (model -> score, the same on both subsets)."""
    rows = [{"model": m, "subset": s, "brier": brier[m], "log_loss": None, "auc": None, "auc_within": None,
             "n": 10, "positives": 2} for m in MODELS for s in ("all", "onset", "new_onset")]
    return dataclasses.replace(bt, scores=pd.DataFrame(rows).astype({"log_loss": object, "auc": object,
                                                                      "auc_within": object}))


def test_verdicts_by_hand(world):
    made = _with_scores(world["bt"], {"expert": 0.2, "fitted": 0.1, "history": 0.12, "persistence": 0.15,
                                      "stance": 0.3, "logistic": 0.25})
    assert made.verdicts()[:5] == [
        "all pairs: the best Brier score is the fitted model's (0.1000).",
        "all pairs: no baseline beats the fitted model on any score.",
        "all pairs: history alone beats the expert model on brier 0.1200 vs 0.2000.",
        "all pairs: persistence beats the expert model on brier 0.1500 vs 0.2000.",
        "onsets (pairs that had not clashed in window t): the best Brier score is the fitted model's (0.1000).",
    ]


def test_predict_scores_another_model_on_the_same_rows(world):
    bt = world["bt"]
    assert np.allclose(bt.predict(bt.expert), bt.predictions["p_expert"])
    assert np.allclose(bt.predict(bt.fitted), bt.predictions["p_fitted"])
    assert len(bt.predict(world["truth"])) == len(bt.predictions)
