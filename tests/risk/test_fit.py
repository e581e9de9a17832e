"""Fitting the CPDs to observed pair-periods, with the expert tables as a Dirichlet prior."""

import itertools
import logging
import warnings

import numpy as np
import pandas as pd
import pytest

import alliances
from alliances.risk import (
    FACTORS,
    CompiledRisk,
    RiskModel,
    RiskNode,
    factor_values,
    fit_risk_model,
    log_likelihood,
    quiet_pgmpy_import,
)


def _p_table(model):
    """P(clash = yes | stance, the other factors) for every combination, from the model's engine."""
    engine = CompiledRisk(model)
    out = []
    for combo in itertools.product(*[range(len(FACTORS[f])) for f in engine.others]):
        J = engine.joint(combo)
        out.append(J[1] / J.sum(axis=0))
    return np.array(out)


def _truth(prior):
    """The expert model with another clash table: three times the odds of fighting on, a third of a new clash."""
    t = prior.nodes["clash"].table.copy()
    odds = t[1] / t[0]
    fighting = np.tile(np.repeat(np.arange(5), 3), 6)  # the clash table's columns: fighting is the third parent
    odds = np.where(fighting >= 3, odds * 3, odds / 3)
    yes = odds / (1 + odds)
    return prior.with_tables({"clash": np.stack([1 - yes, yes])}, name="truth")


def _simulate(model, n, seed):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pgmpy 1.1.2 simulate uses a pandas keyword pandas 3 deprecates
        data = model.to_pgmpy().simulate(n, seed=seed, show_progress=False)
    return data[[*model.factors, "clash"]]


def test_fit_with_latents_approaches_truth(model):
    truth = _truth(model)
    obs = _simulate(truth, 4000, seed=7)
    fitted = fit_risk_model(obs, prior=model, pseudo_count=20, pseudo_counts={"clash": 2}, max_iter=30)
    # scored where the data are: the combinations the simulated pairs fall in, weighted by how often
    engine = CompiledRisk(truth)
    seen = obs.value_counts().reset_index(name="n")
    idx = [tuple(FACTORS[f].index(r[f]) for f in engine.others) for _, r in seen.iterrows()]
    st = [FACTORS["stance"].index(s) for s in seen["stance"]]

    def p(m):
        e = CompiledRisk(m)
        return np.array([e.joint(c)[1, s] / e.joint(c)[:, s].sum() for c, s in zip(idx, st, strict=True)])

    w = seen["n"].to_numpy() / seen["n"].sum()
    err_fit = float((w * np.abs(p(fitted) - p(truth))).sum())
    err_prior = float((w * np.abs(p(model) - p(truth))).sum())
    assert err_fit < err_prior / 3
    assert err_fit < 0.02
    assert list(fitted.nodes) == list(model.nodes)
    assert fitted.nodes["hostility"].rationale == model.nodes["hostility"].rationale
    assert fitted.name == f"{model.name} (fitted to 4000 observations)" and fitted.horizon == model.horizon


def test_a_heavy_prior_barely_moves(model):
    obs = _simulate(_truth(model), 300, seed=3)
    light = fit_risk_model(obs, prior=model, pseudo_count=5, max_iter=3)
    heavy = fit_risk_model(obs, prior=model, pseudo_count=50_000, max_iter=3)
    moved_light = np.abs(_p_table(light) - _p_table(model)).mean()
    moved_heavy = np.abs(_p_table(heavy) - _p_table(model)).mean()
    assert moved_heavy < 0.002 < moved_light


def test_prior_weight_per_node(model):
    obs = _simulate(_truth(model), 500, seed=4)
    firm = fit_risk_model(obs, prior=model, pseudo_count=5, pseudo_counts={"clash": 50_000}, max_iter=3)
    loose = fit_risk_model(obs, prior=model, pseudo_count=50_000, pseudo_counts={"clash": 5}, max_iter=3)
    assert np.abs(firm.nodes["clash"].table - model.nodes["clash"].table).max() < 0.002
    assert np.abs(loose.nodes["clash"].table - model.nodes["clash"].table).max() > 0.05
    assert np.abs(loose.nodes["hostility"].table - model.nodes["hostility"].table).max() < 0.002
    with pytest.raises(alliances.ParameterError, match=r"a node in pseudo_counts must be one of: .*not 'clsh' \(did you mean 'clash'\?\)"):
        fit_risk_model(obs, prior=model, pseudo_counts={"clsh": 5})
    with pytest.raises(alliances.ParameterError, match=r"pseudo_counts\['clash'\] must be a positive number, not 0"):
        fit_risk_model(obs, prior=model, pseudo_counts={"clash": 0})


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


def _no_latent_model(seed):
    """stance, fighting, backing (roots) -> clash, random tables: every node observable."""
    rng = np.random.default_rng(seed)
    nodes = {}
    for f in ("stance", "fighting", "backing"):
        nodes[f] = RiskNode(f, FACTORS[f], (), rng.dirichlet(np.ones(len(FACTORS[f])))[:, None], "r", "x")
    cols = len(FACTORS["stance"]) * 5 * 3
    nodes["clash"] = RiskNode("clash", ("no", "yes"), ("stance", "fighting", "backing"),
                              rng.dirichlet(np.ones(2), size=cols).T, "r", "x")
    return RiskModel("no latents", nodes)


def test_fully_observed_fit_equals_pgmpys_bayesian_estimator():
    """With every node observed the fit is pgmpy's Dirichlet posterior mean, exactly (an independent implementation)."""
    with quiet_pgmpy_import():
        from pgmpy.parameter_estimator import DiscreteBayesianEstimator
    prior = _no_latent_model(1)
    data = _simulate(_no_latent_model(2), 700, seed=3)
    weights = {"stance": 3.0, "fighting": 11.0, "backing": 2.0, "clash": 5.0}
    mine = fit_risk_model(data, prior=prior, pseudo_count=1.0, pseudo_counts=weights)
    pseudo = {n: weights[n] * _sorted_parent_table(prior, n) for n in prior.nodes}
    est = DiscreteBayesianEstimator(state_names={n: list(node.states) for n, node in prior.nodes.items()},
                                    prior_type="dirichlet", pseudo_counts=pseudo)
    for cpd in est.fit(prior.structure(), data).parameters_:
        node = prior.nodes[cpd.variable]
        theirs = factor_values(cpd, [node.id, *node.parents], [node.states, *(prior.nodes[p].states
                                                                              for p in node.parents)])
        assert np.allclose(mine.nodes[node.id].table, theirs.reshape(len(node.states), -1), atol=1e-12), node.id


def _sorted_parent_table(model, n):
    """The node's table with parents in sorted order (how pgmpy's estimators lay out pseudo-counts)."""
    node = model.nodes[n]
    if not node.parents:
        return node.table.copy()
    cards = [len(model.nodes[p].states) for p in node.parents]
    t = node.table.reshape(len(node.states), *cards)
    perm = sorted(range(len(node.parents)), key=lambda k: node.parents[k])
    return np.transpose(t, [0, *[k + 1 for k in perm]]).reshape(len(node.states), -1)


def _objective(fitted, prior, weight, obs):
    """What EM with the posterior-mean M-step raises: log-likelihood + sum of weight x expert x log(table)."""
    penalty = sum(float((weight * prior.nodes[n].table * np.log(fitted.nodes[n].table)).sum()) for n in prior.nodes)
    return log_likelihood(fitted, obs) + penalty


def test_every_em_step_raises_the_penalised_likelihood(model):
    obs = _simulate(_truth(model), 600, seed=5)
    obs.loc[obs.index[:150], "fighting"] = None  # missing values are summed out, rows kept
    values = [_objective(fit_risk_model(obs, prior=model, pseudo_count=10, max_iter=k), model, 10, obs)
              for k in range(1, 7)]
    assert all(b >= a - 1e-7 for a, b in itertools.pairwise(values)), values
    assert values[-1] > values[0]


def test_missing_values_are_summed_out_and_rows_without_outcome_dropped(small_model, caplog):
    words = pd.DataFrame({"stance": ["enemy", "enemy", "ally"], "shared_enemy": ["no", "no", "no"],
                          "clash": ["yes", "no", "no"]})
    numbers = pd.DataFrame({"stance": ["enemy", "enemy", "ally", "rival"],
                            "shared_enemy": ["no", "no", "no", "no"],
                            "clash": [1, 0, 0, None]})
    with caplog.at_level(logging.INFO, logger="alliances.risk"):
        a = fit_risk_model(words, prior=small_model, pseudo_count=4)
        b = fit_risk_model(numbers, prior=small_model, pseudo_count=4)
    assert "dropped 1 observation(s) without an outcome" in caplog.text
    for n in a.nodes:
        assert np.allclose(a.nodes[n].table, b.nodes[n].table)
    # a row whose stance is missing still counts for shared_enemy, and moves the stance prior by its posterior
    partial = pd.concat([words, pd.DataFrame({"stance": [None], "shared_enemy": ["yes"], "clash": ["yes"]})])
    c = fit_risk_model(partial, prior=small_model, pseudo_count=4, max_iter=50)
    yes = FACTORS["shared_enemy"].index("yes")
    assert c.nodes["shared_enemy"].table[yes, 0] == pytest.approx((1 + 4 * 0.3) / (4 + 4))
    assert c.name.endswith("(fitted to 4 observations)")


def test_fit_rejects_bad_observations(model):
    obs = pd.DataFrame({"stance": ["foe"], "clash": ["yes"]})
    with pytest.raises(alliances.ScenarioError) as info:
        fit_risk_model(obs)
    assert "missing column(s)" in str(info.value)
    full = pd.DataFrame({f: [FACTORS[f][0]] for f in model.factors} | {"stance": ["foe"], "clash": ["yes"]})
    with pytest.raises(alliances.ScenarioError, match="unknown state"):
        fit_risk_model(full)
    with pytest.raises(alliances.ScenarioError, match="'hostility' is a latent node"):
        fit_risk_model(full.assign(stance="enemy", hostility="high"), prior=model)
    with pytest.raises(alliances.ScenarioError, match="no observations with an outcome"):
        fit_risk_model(full.assign(stance="enemy", clash=None), prior=model)


def _mean_risk_by_level(model, obs, level):
    """Mean P(clash = yes | the row's factors) over the rows with fighting = level, by pgmpy's own inference."""
    pg = pytest.importorskip("pgmpy.inference")
    with quiet_pgmpy_import():
        infer = pg.VariableElimination(model.to_pgmpy())
    rows = obs[obs["fighting"] == level]
    total = 0.0
    for _, r in rows.drop(columns="clash").iterrows():
        q = infer.query(["clash"], evidence={f: v for f, v in r.items() if isinstance(v, str)}, show_progress=False)
        total += float(q.values[q.state_names["clash"].index("yes")])
    return total / len(rows)


def test_calibration_matches_each_history_levels_rate_and_keeps_the_graph_effects(model):
    # a world whose history levels run hotter than the expert says; a few rows hide a factor
    obs = _simulate(_truth(model), 600, seed=3).astype(object)
    obs.loc[obs.index[:40], "common_theater"] = None
    obs = obs[obs["fighting"] != "past"]  # a level no row observes keeps its columns
    cal = alliances.calibrate_outcome(obs, prior=model)
    assert cal.name == f"{model.name} (calibrated by fighting)"
    for level in ("none", "low", "high"):
        rows = obs[obs["fighting"] == level]
        rate = ((rows["clash"] == "yes").sum() + 0.5) / (len(rows) + 1)
        assert _mean_risk_by_level(cal, obs, level) == pytest.approx(rate, abs=1e-6)
    # the log-odds move by one amount per level: within a level every difference the expert made is kept
    before, after = (m.nodes["clash"].table.reshape(2, 3, 2, 5, 3) for m in (model, cal))
    shift = np.log(after[1] / after[0]) - np.log(before[1] / before[0])
    for f in range(5):
        assert np.ptp(shift[:, :, f, :]) < 1e-9
    assert abs(shift[0, 0, model.nodes["fighting"].states.index("past"), 0]) < 1e-12
    for name, node in model.nodes.items():  # nothing but the outcome's table changes
        if name != "clash":
            assert np.array_equal(node.table, cal.nodes[name].table)


def test_calibration_refuses_a_level_factor_that_is_not_a_parent_of_the_outcome(model):
    obs = _simulate(model, 50, seed=1)
    with pytest.raises(alliances.ParameterError, match="by"):
        alliances.calibrate_outcome(obs, prior=model, by="stance")
