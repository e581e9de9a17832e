"""alliances: model a conflict's actors as a signed graph, analyse it, and draw it.

The public API is the names in ``__all__``. ``import alliances`` is light: the modules
behind heavy features (pgmpy for risk, matplotlib for figures) are imported only when
one of their names is first used.

Examples
--------
>>> import alliances
>>> net = alliances.loads('''
... scenario: Toy
... actors:
...   - {id: a, name: A, kind: state}
...   - {id: b, name: B, kind: state}
... relations:
...   - {actors: [a, b], stance: enemy}
... ''')
>>> net.stance("a", "b").value
'enemy'
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import Any

try:
    __version__ = version("alliances")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"

# name -> module that defines it; modules are imported on first use of a name.
_LAZY: dict[str, str] = {
    # model
    "Actor": "alliances.network",
    "ActorKind": "alliances.network",
    "AllianceNetwork": "alliances.network",
    "Evidence": "alliances.network",
    "Relation": "alliances.network",
    "Source": "alliances.network",
    "Stance": "alliances.network",
    "Theater": "alliances.network",
    # errors
    "AlliancesError": "alliances.errors",
    "EventDataError": "alliances.errors",
    "ModelFileError": "alliances.errors",
    "OutputError": "alliances.errors",
    "ParameterError": "alliances.errors",
    "Problem": "alliances.errors",
    "ScenarioError": "alliances.errors",
    "UnknownActorError": "alliances.errors",
    # frustration index and factions
    "FactionsResult": "alliances.blockmodel",
    "FrustrationResult": "alliances.frustration",
    "factions": "alliances.blockmodel",
    "frustration_index": "alliances.frustration",
    # structural balance, implied relations, signed centrality
    "Ambivalence": "alliances.balance",
    "BalanceReport": "alliances.balance",
    "TriangleCensus": "alliances.balance",
    "actor_census": "alliances.balance",
    "ambivalence": "alliances.balance",
    "balance_report": "alliances.balance",
    "centrality_table": "alliances.centrality",
    "implied_relations": "alliances.implied",
    "pn_index": "alliances.centrality",
    "read_signed_csv": "alliances.edgelist",
    "signed_degree": "alliances.centrality",
    "triangle_census": "alliances.balance",
    "unbalanced_triads": "alliances.balance",
    "walk_balance": "alliances.balance",
    # scenario files
    "dump": "alliances.scenario",
    "dumps": "alliances.scenario",
    "load": "alliances.scenario",
    "loads": "alliances.scenario",
    "scenario_schema": "alliances.scenario",
    # event data
    "diff_scenarios": "alliances.events",
    "read_events": "alliances.events",
    "relations_over_time": "alliances.events",
    "snapshot": "alliances.events",
    # diagrams (matplotlib is imported only when one of these is first used)
    "draw_matrix": "alliances.draw",
    "draw_model": "alliances.draw",
    "draw_network": "alliances.draw",
    "draw_risk": "alliances.draw",
    "draw_tornado": "alliances.draw",
    "save_figure": "alliances.draw",
    # news text -> relations
    "Extraction": "alliances.extract",
    "Proposal": "alliances.extract",
    "extract_relations": "alliances.extract",
    "merge_relations": "alliances.merge",
    # exports
    "export": "alliances.exports",
    "to_node_link": "alliances.exports",
    # backtest: the risk model against what happened next
    "BacktestResult": "alliances.backtesting",
    "backtest": "alliances.backtesting",
    # conflict risk
    "RiskExplanation": "alliances.risk.explain",
    "RiskModel": "alliances.risk.model",
    "compare_risk": "alliances.risk.whatif",
    "conflict_risk": "alliances.risk.compiled",
    "explain_risk": "alliances.risk.explain",
    "fit_risk_model": "alliances.risk.fit",
    "load_risk_model": "alliances.risk.model",
    "what_if": "alliances.risk.whatif",
}

__all__ = sorted([*_LAZY, "__version__"])


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'alliances' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
