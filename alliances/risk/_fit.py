"""Update the risk model's CPDs from observed pair-periods, with the expert CPDs as the prior.

The expert tables become Dirichlet pseudo-counts (``pseudo_count`` x the table), so a
few observations move a table a little and many move it a lot. When every node is
observed, pgmpy's ``DiscreteBayesianEstimator`` gives the posterior-mean CPDs; when
the model has latent nodes, pgmpy's ``DiscreteEM`` starts from the expert CPDs and
uses the same Dirichlet estimator in its M-step (MAP-EM). Latent CPDs are not
identifiable from the observed factors alone: only P(clash | factors) is checked.

pgmpy's own logging is left alone: the estimators are handed the network's structure
without CPDs, so they have nothing to warn about, but pgmpy still logs at INFO level
the data types it infers, on its logger ``"pgmpy"`` (hidden unless an application
shows INFO records; configure that logger to hide them for good).
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING, Any

import numpy as np

from .._checks import check_instance, check_int, check_number, check_seed
from ..errors import Problem, ScenarioError
from ._model_file import RiskModel, resolve_model
from ._pgmpy import factor_values, quiet_pgmpy_import
from ._spec import FACTORS, OUTCOME

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["MAX_ITER", "check_fit_options", "fit_risk_model"]

MAX_ITER = 10_000
"""The most EM iterations a fit may be asked for (it stops earlier once converged)."""

log = logging.getLogger(__name__)
_WHERE = "<observations>"


def fit_risk_model(
    observations: pd.DataFrame,
    *,
    prior: RiskModel | str | os.PathLike[str] | None = None,
    pseudo_count: float = 50.0,
    max_iter: int = 30,
    seed: int = 0,
) -> RiskModel:
    """Fit the CPDs to observed pair-periods, starting from (and shrunk towards) the expert model.

    Parameters
    ----------
    observations : pandas.DataFrame
        One row per pair-period: a column per factor of the model holding its state
        name, and ``clash`` (``"yes"``/``"no"``, or booleans/0/1). Columns for latent
        nodes, when present, must be empty. Rows with a missing factor are dropped.
    prior : RiskModel, path or None, optional
        The expert model (None: the shipped default). Its structure is kept.
    pseudo_count : float, optional
        How many observations the expert tables are worth, per parent combination.
    max_iter : int, optional
        EM iterations at most (models with latent nodes), from 1 to 10,000.
    seed : int, optional
        Seed for pgmpy's EM (the start is the expert CPDs, so it rarely matters).

    Returns
    -------
    RiskModel
        Same nodes, rationales and references; fitted tables.

    Raises
    ------
    ScenarioError
        For a missing column or a state name the model does not know.

    Examples
    --------
    >>> import pandas as pd
    >>> obs = pd.DataFrame({"stance": ["enemy"] * 3, "balance": ["zero"] * 3, "shared_enemy": ["no"] * 3,
    ...                     "opposed_backers": ["no"] * 3, "common_theater": ["yes"] * 3, "clash": ["yes"] * 3})
    >>> fitted = fit_risk_model(obs, max_iter=2)
    >>> sorted(fitted.nodes) == sorted(resolve_model(None).nodes)
    True

    References
    ----------
    .. [1] Heckerman (1995). A tutorial on learning with Bayesian networks. Microsoft Research MSR-TR-95-06.
    .. [2] Dempster, Laird & Rubin (1977). Maximum likelihood from incomplete data via the EM algorithm.
       J. Royal Statistical Society B 39(1).
    """
    check_fit_options(pseudo_count, max_iter, seed)
    import pandas as pd

    check_instance(observations, pd.DataFrame, "observations", "a pandas DataFrame (one row per pair-period)")

    model = resolve_model(prior)
    observed = [n for n in model.nodes if n in FACTORS or n == OUTCOME]
    data = _clean(observations, model, observed)
    latents = [n for n in model.nodes if n not in observed]
    state_names = {n: list(node.states) for n, node in model.nodes.items()}
    # the estimators are handed the structure only: a network with CPDs makes pgmpy log
    # "Replacing existing CPD" for every node as it fits
    bn = model.structure()
    estimator = _expert_estimator(model, bn, pseudo_count)
    if not latents:
        cpds = estimator.fit(bn, data).parameters_
    else:
        with quiet_pgmpy_import():
            from pgmpy.parameter_estimator import DiscreteEM

        # DiscreteEM names latent states 0..k-1 in its E-step: use those names throughout
        em = DiscreteEM(
            state_names={n: v for n, v in state_names.items() if n not in latents},
            latent_card={n: len(model.nodes[n].states) for n in latents},
            m_step_estimator=estimator,
            max_iter=max_iter,
            seed=seed,
            init_cpds={n: _integer_latents(c, latents) for n, c in model.cpds.items()},
            show_progress=False,
        )
        cpds = em.fit(bn, pd.DataFrame(data)).parameters_
    tables = {}
    for cpd in cpds:
        node = model.nodes[cpd.variable]
        order = [node.id, *node.parents]
        names = [list(range(len(model.nodes[v].states))) if v in latents else model.nodes[v].states for v in order]
        tables[node.id] = factor_values(cpd, order, names).reshape(len(node.states), -1)
    return model.with_tables(tables, name=f"{model.name} (fitted to {len(data)} observations)")


def check_fit_options(pseudo_count: object, max_iter: object, seed: object = 0) -> None:
    """Check the options of a fit: ``pseudo_count`` > 0, ``max_iter`` from 1 to 10,000, ``seed``.

    Parameters
    ----------
    pseudo_count, max_iter, seed : object
        As for :func:`fit_risk_model`.

    Raises
    ------
    ParameterError, ParameterTypeError

    Examples
    --------
    >>> check_fit_options(50.0, 30)
    >>> check_fit_options(float("nan"), 30)
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterError: pseudo_count must be a positive number, not nan
    """
    check_number(pseudo_count, "pseudo_count", low=0, low_open=True)
    check_int(max_iter, "max_iter", low=1, high=MAX_ITER)
    check_seed(seed)


def _expert_estimator(model: RiskModel, bn: Any, pseudo_count: float) -> Any:
    """pgmpy's Dirichlet estimator with ``pseudo_count`` x the expert tables as pseudo-counts.

    The pseudo-counts apply only to nodes whose parents are as in the full model
    ``bn``: DiscreteEM also fits the model with latents removed (and then discards it
    when every CPD has an initial value), and the expert counts do not fit that shape.
    """
    with quiet_pgmpy_import():
        from pgmpy.parameter_estimator import DiscreteBayesianEstimator

    class ExpertPrior(DiscreteBayesianEstimator):
        pseudo_counts: Any

        def fit(self, model: Any, data: pd.DataFrame, sample_weight: Any = None) -> Any:
            full = self.pseudo_counts
            if isinstance(full, dict):
                self.pseudo_counts = {
                    n: v for n, v in full.items()
                    if n in model.nodes() and sorted(model.get_parents(n)) == sorted(bn.get_parents(n))
                }
            try:
                return super().fit(model, data, sample_weight=sample_weight)
            finally:
                self.pseudo_counts = full

    state_names = {n: list(node.states) for n, node in model.nodes.items()}
    pseudo = {n: pseudo_count * _sorted_parent_table(model, n) for n in model.nodes}
    return ExpertPrior(state_names=state_names, prior_type="dirichlet", pseudo_counts=pseudo)


def _clean(observations: pd.DataFrame, model: RiskModel, observed: list[str]) -> pd.DataFrame:
    import pandas as pd

    problems = []
    missing = [c for c in observed if c not in observations.columns]
    if missing:
        problems.append(Problem(_WHERE, None, f"missing column(s): {', '.join(missing)}"))
    for n in model.latents:
        if n in observations.columns and observations[n].notna().any():
            problems.append(Problem(_WHERE, None, f"column {n!r} is a latent node: it cannot be observed"))
    if problems:
        raise ScenarioError(problems)
    data = observations[observed].copy()
    if pd.api.types.is_bool_dtype(data[OUTCOME]) or pd.api.types.is_numeric_dtype(data[OUTCOME]):
        data[OUTCOME] = data[OUTCOME].map(lambda v: None if v != v else ("yes" if v else "no"))
    before = len(data)
    data = data.dropna()
    if len(data) < before:
        log.info("dropped %d observation(s) with a missing value", before - len(data))
    for c in observed:
        data[c] = data[c].astype(object).astype(str)
        bad = sorted(set(data[c]) - set(model.nodes[c].states))
        if bad:
            problems.append(Problem(_WHERE, None, f"column {c!r} has unknown state(s) {', '.join(map(repr, bad))} "
                                                  f"(expected one of: {', '.join(model.nodes[c].states)})"))
    if not len(data):
        problems.append(Problem(_WHERE, None, "no complete observations"))
    if problems:
        raise ScenarioError(problems)
    return data.reset_index(drop=True)


def _integer_latents(cpd: Any, latents: list[str]) -> Any:
    """A copy of the CPD whose latent variables' states are named 0..k-1."""
    out = cpd.copy()
    out.state_names = {v: (list(range(len(s))) if v in latents else list(s)) for v, s in cpd.state_names.items()}
    out.name_to_no = {v: {s: k for k, s in enumerate(states)} for v, states in out.state_names.items()}
    out.no_to_name = {v: dict(enumerate(states)) for v, states in out.state_names.items()}
    return out


def _sorted_parent_table(model: RiskModel, n: str) -> np.ndarray:
    """The node's table with parents in sorted order (how pgmpy's estimators lay out pseudo-counts)."""
    node = model.nodes[n]
    if not node.parents:
        return node.table.copy()
    cards = [len(model.nodes[p].states) for p in node.parents]
    t = node.table.reshape(len(node.states), *cards)
    perm = sorted(range(len(node.parents)), key=lambda k: node.parents[k])
    t = np.transpose(t, [0, *[k + 1 for k in perm]])
    return t.reshape(len(node.states), -1)
