"""alliances.backtesting._fitting: the expert model fitted on the training rows, and how far it moved."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from alliances.backtesting import backtest, cpd_changes, fit_on, p_clash_of
from alliances.risk import load_risk_model
from tests.backtesting._world import TRAIN_UNTIL

CALIBRATED = "the clash table recalibrated to the training rates of each conflict-history level before the fit"


@pytest.fixture(scope="module")
def train(world):
    pred = world["bt"].predictions
    return pred[pred["split"] == "train"].reset_index(drop=True)


def test_fitted_model_moved_the_clash_table_towards_the_truth(world, train):
    expert = load_risk_model()
    fitted, _, _ = fit_on(train, expert, pseudo_count=5.0, pseudo_counts={"clash": 5.0, "fighting": 5.0},
                          max_iter=10, calibrate=False)  # the EM alone, from the expert tables
    moved = cpd_changes(expert, fitted)
    assert moved["shift"].is_monotonic_decreasing
    assert "clash" in set(moved.head(10)["node"])
    # the only CPD the truth changed is clash: its columns the data moved most moved towards the truth
    truth = world["truth"].nodes["clash"]
    combos = [", ".join(f"{p}={x}" for p, x in zip(truth.parents, c, strict=True))
              for c in itertools.product(*[world["truth"].nodes[p].states for p in truth.parents])]
    top = moved[moved["node"] == "clash"].head(5)
    for r in top.itertuples(index=False):
        want = truth.table[1, combos.index(r.given)]
        assert abs(r.after[1] - want) < abs(r.before[1] - want), r.given


def test_calibrated_fit_comes_nearer_the_truth_than_the_plain_fit_and_the_expert(world):
    # the truth's history levels are all likelier to clash than the expert says (a busier war): recalibrating
    # each level's intercept to the training record before the fit brings every test forecast nearer the truth's
    bt = world["bt"]
    assert bt.fitted.name.startswith(bt.expert.name)
    plain = backtest(world["events"], world["net"], window="month", train_until=TRAIN_UNTIL, half_life=None,
                     pseudo_count=5.0, max_iter=10, calibrate=False)
    truth = p_clash_of(world["truth"], bt.factors)
    test = (bt.predictions["split"] == "test").to_numpy()
    gap = {name: float(np.abs(p - truth)[test].mean()) for name, p in [
        ("calibrated", bt.predictions["p_fitted"].to_numpy()), ("plain", plain.predictions["p_fitted"].to_numpy()),
        ("expert", bt.predictions["p_expert"].to_numpy())]}
    assert gap["calibrated"] < gap["plain"] < gap["expert"], gap
    assert any("recalibrated" in n for n in bt.notes) and not any("recalibrated" in n for n in plain.notes)


def test_cpd_changes_of_identical_models_are_zero():
    m = load_risk_model()
    changes = cpd_changes(m, m)
    assert (changes["shift"] == 0).all()
    assert len(changes) == sum(node.table.shape[1] for node in m.nodes.values())


def test_cpd_change_is_the_total_variation_distance():
    m = load_risk_model()
    before = m.nodes["shared_enemy"].table[:, 0]
    moved = cpd_changes(m, m.with_tables({"shared_enemy": np.array([[1.0], [0.0]])})).iloc[0]
    assert moved["node"] == "shared_enemy" and moved["given"] == ""
    assert float(moved["shift"]) == pytest.approx(0.5 * (abs(1 - before[0]) + abs(0 - before[1])))
    assert moved["kind"] == "factor" and not moved["affects_risk"]  # the prior of an observed root factor


def test_a_factor_never_observed_is_fitted_as_latent(train):
    expert = load_risk_model()
    blind = train.assign(common_theater="unknown")
    fitted, notes, unobserved = fit_on(blind, expert, pseudo_count=5.0, max_iter=5)
    assert unobserved == ["common_theater"]
    assert notes == ["common_theater is unobserved in every training row: fitted as a latent node", CALIBRATED]
    assert list(fitted.nodes) == list(expert.nodes) and fitted.factors == expert.factors
    assert fitted.name == f"{expert.name} (fitted to {len(blind)} pair-windows)"
    kinds = cpd_changes(expert, fitted, unobserved=unobserved).query("node == 'common_theater'")["kind"]
    assert set(kinds) == {"factor (unobserved)"}


def test_rows_with_a_factor_missing_sometimes_are_noted(train):
    some = train.copy()
    some.loc[:2, "common_theater"] = "unknown"
    _, notes, unobserved = fit_on(some, load_risk_model(), pseudo_count=5.0, max_iter=5)
    assert unobserved == []
    assert notes == ["3 training row(s) with an unobserved common_theater: summed out there", CALIBRATED]
