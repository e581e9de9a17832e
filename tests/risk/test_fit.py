"""Fitting the CPDs to observed pair-periods, with the expert tables as a Dirichlet prior."""

import itertools
import logging
import warnings

import numpy as np
import pandas as pd
import pytest

import alliances
from alliances.risk import FACTORS, CompiledRisk, fit_risk_model


def _p_table(model):
    """P(clash = yes | stance, the other factors) for every combination, from the model's engine."""
    engine = CompiledRisk(model)
    out = []
    for combo in itertools.product(*[range(len(FACTORS[f])) for f in engine.others]):
        J = engine.joint(combo)
        out.append(J[1] / J.sum(axis=0))
    return np.array(out)


def _truth(prior):
    return prior.with_tables({"clash": np.array([[0.98, 0.90, 0.90, 0.60, 0.50, 0.15],
                                                 [0.02, 0.10, 0.10, 0.40, 0.50, 0.85]])}, name="truth")


def _simulate(model, n, seed):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pgmpy 1.1.2 simulate uses a pandas keyword pandas 3 deprecates
        data = model.to_pgmpy().simulate(n, seed=seed, show_progress=False)
    return data[[*model.factors, "clash"]]


def test_fit_with_latents_approaches_truth(model):
    truth = _truth(model)
    obs = _simulate(truth, 2500, seed=7)
    fitted = fit_risk_model(obs, prior=model, pseudo_count=20, max_iter=4)
    err_fit = np.abs(_p_table(fitted) - _p_table(truth)).mean()
    err_prior = np.abs(_p_table(model) - _p_table(truth)).mean()
    assert err_fit < err_prior / 3
    assert err_fit < 0.03
    assert list(fitted.nodes) == list(model.nodes)
    assert fitted.nodes["hostility"].rationale == model.nodes["hostility"].rationale
    assert fitted.name == f"{model.name} (fitted to 2500 observations)"


def test_a_heavy_prior_barely_moves(model):
    obs = _simulate(_truth(model), 300, seed=3)
    light = fit_risk_model(obs, prior=model, pseudo_count=5, max_iter=3)
    heavy = fit_risk_model(obs, prior=model, pseudo_count=50_000, max_iter=3)
    moved_light = np.abs(_p_table(light) - _p_table(model)).mean()
    moved_heavy = np.abs(_p_table(heavy) - _p_table(model)).mean()
    assert moved_heavy < 0.002 < moved_light


def test_fit_without_latents_is_dirichlet_posterior_mean(small_model):
    obs = pd.DataFrame({
        "stance": ["enemy"] * 6 + ["ally"] * 4,
        "shared_enemy": ["no"] * 10,
        "clash": [True, True, True, True, False, False, False, False, False, True],
    })
    fitted = fit_risk_model(obs, prior=small_model, pseudo_count=10)
    col = list(itertools.product(FACTORS["stance"], FACTORS["shared_enemy"])).index(("enemy", "no"))
    y0 = small_model.nodes["clash"].table[1, col]
    assert fitted.nodes["clash"].table[1, col] == pytest.approx((4 + 10 * y0) / (6 + 10))
    # a column never observed keeps the prior
    unseen = list(itertools.product(FACTORS["stance"], FACTORS["shared_enemy"])).index(("rival", "yes"))
    assert fitted.nodes["clash"].table[:, unseen] == pytest.approx(small_model.nodes["clash"].table[:, unseen])
    # a root: (count + pseudo * prior) / (n + pseudo)
    k = FACTORS["stance"].index("ally")
    assert fitted.nodes["stance"].table[k, 0] == pytest.approx((4 + 10 * 0.1) / (10 + 10))
    # the expert model is unchanged
    assert small_model.nodes["stance"].table[k, 0] == 0.1


def test_clash_as_numbers_and_incomplete_rows(small_model, caplog):
    words = pd.DataFrame({"stance": ["enemy", "enemy", "ally"], "shared_enemy": ["no", "no", "no"],
                          "clash": ["yes", "no", "no"]})
    numbers = pd.DataFrame({"stance": ["enemy", "enemy", "ally", "rival", None],
                            "shared_enemy": ["no", "no", "no", "no", "yes"],
                            "clash": [1, 0, 0, None, 1]})
    with caplog.at_level(logging.INFO, logger="alliances.risk"):
        a = fit_risk_model(words, prior=small_model, pseudo_count=4)
        b = fit_risk_model(numbers, prior=small_model, pseudo_count=4)
    assert "dropped 2 observation(s) with a missing value" in caplog.text
    for n in a.nodes:
        assert np.allclose(a.nodes[n].table, b.nodes[n].table)


def test_fit_leaves_pgmpys_logging_alone(small_model, model, caplog):
    obs = pd.DataFrame({"stance": ["enemy"] * 3, "balance": ["zero"] * 3, "shared_enemy": ["no"] * 3,
                        "opposed_backers": ["no"] * 3, "common_theater": ["yes"] * 3, "clash": ["yes"] * 3})
    with caplog.at_level(logging.INFO, logger="pgmpy"):
        fit_risk_model(obs[["stance", "shared_enemy", "clash"]], prior=small_model)
        fit_risk_model(obs, prior=model, max_iter=2)
        level = logging.getLogger("pgmpy").level
    pgmpy_records = [r for r in caplog.records if r.name.startswith("pgmpy")]
    assert level == logging.INFO
    assert pgmpy_records, "pgmpy's INFO records reach the application: its logger was not silenced"
    assert [r.getMessage() for r in pgmpy_records if r.levelno >= logging.WARNING] == []


def test_fit_rejects_bad_observations(model):
    obs = pd.DataFrame({"stance": ["foe"], "clash": ["yes"]})
    with pytest.raises(alliances.ScenarioError) as info:
        fit_risk_model(obs)
    assert "missing column(s)" in str(info.value)
    full = pd.DataFrame({"stance": ["foe"], "balance": ["zero"], "shared_enemy": ["no"],
                         "opposed_backers": ["no"], "common_theater": ["no"], "clash": ["yes"]})
    with pytest.raises(alliances.ScenarioError, match="unknown state"):
        fit_risk_model(full)
    with pytest.raises(alliances.ScenarioError, match="'hostility' is a latent node"):
        fit_risk_model(full.assign(stance="enemy", hostility="high"), prior=model)
    with pytest.raises(alliances.ScenarioError, match="no complete observations"):
        fit_risk_model(full.assign(stance=None), prior=model)
