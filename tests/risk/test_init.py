"""The risk layer's public surface: alliances.risk, and the names the package re-exports from it."""

import alliances
import alliances.risk as risk

TOP_LEVEL = ("RiskExplanation", "RiskModel", "compare_risk", "conflict_risk", "explain_risk", "fit_risk_model",
             "load_risk_model", "what_if")


def test_every_listed_name_resolves():
    for name in risk.__all__:
        assert getattr(risk, name) is not None, name


def test_the_package_offers_the_same_objects():
    for name in TOP_LEVEL:
        assert name in alliances.__all__
        assert getattr(alliances, name) is getattr(risk, name), name


def test_the_names_other_layers_use_are_public():
    # backtesting, draw, report and the CLI import these from alliances.risk
    for name in ("FACTORS", "OUTCOME", "CompiledRisk", "PairFactors", "RiskModel", "RiskNode", "RiskExplanation",
                 "conflict_risk", "explain_risk", "compare_risk", "what_if", "fit_risk_model", "load_risk_model",
                 "pair_factors", "resolve_model"):
        assert name in risk.__all__, name
