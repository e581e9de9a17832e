"""Conflict risk: a Bayesian network (pgmpy) that gives P(clash) for every pair of actors.

The layer is built bottom-up, each module importing only those above it in this list:

- ``_spec``: the graph-derived factors with their states, and the outcome;
- ``_pgmpy``: pgmpy imported lazily and quietly, and its factors read in our order;
- ``_model_file``: the network's structure and CPD file (:class:`RiskModel`: reader,
  validator, pgmpy export, :meth:`RiskModel.save`);
- ``_factors``: every pair's factors, with sparse-matrix products;
- ``_compiled``: the all-pairs engine (:class:`CompiledRisk`: the joint table of the
  outcome and every factor, computed once) and :func:`conflict_risk`;
- ``_explain``: tornado data, mutual information and a plain-language reason;
- ``_whatif``: change the scenario and compare the risks;
- ``_fit``: update the CPDs from observed pair-periods.

pgmpy is imported only to export a model, to fit one, or to check the engine against it.

Examples
--------
>>> from alliances.risk import CompiledRisk, load_risk_model, pair_factors
>>> import alliances
>>> net = alliances.load("seeds/syria_2017.yaml")
>>> engine = CompiledRisk(load_risk_model())
>>> p = engine.p_clash(pair_factors(net))
>>> len(p), bool(((p > 0) & (p < 1)).all())
(28, True)
"""

from ._compiled import CompiledRisk, conflict_risk, joint_distribution, risk_frame
from ._explain import RiskExplanation, explain_risk
from ._factors import BACKER_KINDS, PairFactors, implied_state, pair_factors
from ._fit import MAX_ITER, calibrate_outcome, check_fit_options, fit_risk_model, log_likelihood
from ._model_file import SAVE_FORMATS, RiskModel, RiskNode, load_risk_model, loads_risk_model, resolve_model
from ._pgmpy import PgmpyClasses, factor_values, pgmpy_classes, quiet_pgmpy_import
from ._spec import FACTORS, MISSING, OUTCOME, OUTCOME_STATES, STANCES
from ._whatif import compare_risk, what_if

__all__ = [
    "BACKER_KINDS",
    "FACTORS",
    "MAX_ITER",
    "MISSING",
    "OUTCOME",
    "OUTCOME_STATES",
    "SAVE_FORMATS",
    "STANCES",
    "CompiledRisk",
    "PairFactors",
    "PgmpyClasses",
    "RiskExplanation",
    "RiskModel",
    "RiskNode",
    "calibrate_outcome",
    "check_fit_options",
    "compare_risk",
    "conflict_risk",
    "explain_risk",
    "factor_values",
    "fit_risk_model",
    "implied_state",
    "joint_distribution",
    "load_risk_model",
    "loads_risk_model",
    "log_likelihood",
    "pair_factors",
    "pgmpy_classes",
    "quiet_pgmpy_import",
    "resolve_model",
    "risk_frame",
    "what_if",
]
