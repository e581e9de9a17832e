"""alliances.backtesting._baselines: persistence, stance alone and logistic regression."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from alliances.backtesting import logistic_forecast, one_hot, rate_by
from alliances.risk import FACTORS


def test_baselines_are_training_rates(world):
    bt = world["bt"]
    pred = bt.predictions
    train = pred[pred["split"] == "train"]
    for now in (True, False):
        sub = train[train["clash_now"] == now]
        rate = (sub["clash_next"].sum() + 0.5) / (len(sub) + 1)
        assert np.allclose(pred.loc[pred["clash_now"] == now, "p_persistence"], rate)
    enemy = train[train["stance"] == "enemy"]
    assert np.allclose(pred.loc[pred["stance"] == "enemy", "p_stance"],
                       (enemy["clash_next"].sum() + 0.5) / (len(enemy) + 1))
    # onsets: persistence is a constant, so it cannot rank
    onset = bt.scores.query("model == 'persistence' and subset == 'onset'").iloc[0]
    assert onset["auc"] in (None, 0.5)


def test_rate_by_hand_with_an_unseen_value():
    pred = pd.DataFrame({"stance": ["ally", "ally", "ally", "enemy", "rival"],
                         "clash_next": [False, False, True, True, True]})
    train = pd.Series([True, True, True, True, False])
    got = rate_by(pred, train, "stance")
    # ally 1 of 3 -> 1.5 / 4; enemy 1 of 1 -> 1.5 / 2; rival unseen -> overall 2 of 4 -> 2.5 / 5
    assert got.tolist() == [0.375, 0.375, 0.375, 0.75, 0.5]


def test_one_hot_has_a_column_per_state_and_unknown():
    pred = pd.DataFrame({"stance": ["ally", "unknown"], "common_theater": ["no", "yes"]})
    x = one_hot(pred, ("stance", "common_theater"))
    n_stance = len(FACTORS["stance"])  # "unknown" is one of the stance states already
    assert x.shape == (2, n_stance + 3)
    assert x.sum(axis=1).tolist() == [2.0, 2.0]
    assert x[0, FACTORS["stance"].index("ally")] == 1 and x[1, FACTORS["stance"].index("unknown")] == 1
    assert x[:, n_stance:].tolist() == [[1, 0, 0], [0, 1, 0]]


def test_logistic_matches_sklearn_and_falls_back_to_the_rate():
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(0)
    states = list(FACTORS["common_theater"])
    pred = pd.DataFrame({"common_theater": rng.choice(states, 40), "clash_next": rng.random(40) < 0.4})
    train = pd.Series(np.arange(40) < 30)
    got = logistic_forecast(pred, train, ("common_theater",))
    x = one_hot(pred, ("common_theater",))
    want = LogisticRegression(C=1.0, max_iter=2000).fit(x[:30], pred["clash_next"][:30].astype(int)).predict_proba(x)[:, 1]
    assert got == pytest.approx(want)
    one_class = pred.assign(clash_next=False)
    assert logistic_forecast(one_class, train, ("common_theater",)).tolist() == [0.5 / 31] * 40
