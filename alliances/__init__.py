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
from typing import Any

# name -> module that defines it; modules are imported on first use of a name.
_LAZY: dict[str, str] = {
    # model
    "Actor": "alliances._records",
    "ActorKind": "alliances._records",
    "AllianceNetwork": "alliances._network",
    "Evidence": "alliances._records",
    "Month": "alliances._records",
    "Relation": "alliances._records",
    "Source": "alliances._records",
    "Stance": "alliances._records",
    "Theater": "alliances._records",
    "Year": "alliances._records",
    # errors
    "AlliancesError": "alliances.errors",
    "AmbiguousActorError": "alliances.errors",
    "EventDataError": "alliances.errors",
    "ModelFileError": "alliances.errors",
    "OutputError": "alliances.errors",
    "ParameterError": "alliances.errors",
    "ParameterTypeError": "alliances.errors",
    "Problem": "alliances.errors",
    "ScenarioError": "alliances.errors",
    "UnknownActorError": "alliances.errors",
    # frustration index and factions
    "FactionsResult": "alliances.analysis",
    "FrustrationResult": "alliances.analysis",
    "factions": "alliances.analysis",
    "frustration_index": "alliances.analysis",
    # structural balance, implied relations, signed centrality
    "Ambivalence": "alliances.analysis",
    "BalanceChance": "alliances.analysis",
    "BalanceReport": "alliances.analysis",
    "ChanceMeasure": "alliances.analysis",
    "TriangleCensus": "alliances.analysis",
    "actor_census": "alliances.analysis",
    "ambivalence": "alliances.analysis",
    "ambivalent_triangle_census": "alliances.analysis",
    "balance_against_chance": "alliances.analysis",
    "balance_report": "alliances.analysis",
    "centrality_table": "alliances.analysis",
    "implied_relations": "alliances.analysis",
    "planted_camps_graph": "alliances.analysis",
    "pn_index": "alliances.analysis",
    "random_signed_graph": "alliances.analysis",
    "read_signed_csv": "alliances.readwrite",
    "shuffle_signs": "alliances.analysis",
    "signed_adjacency": "alliances._signed",
    "signed_degree": "alliances.analysis",
    "signed_eigenvector_centrality": "alliances.analysis",
    "signed_laplacian": "alliances._signed",
    "signed_triangles": "alliances.analysis",
    "triangle_census": "alliances.analysis",
    "unbalanced_triads": "alliances.analysis",
    "walk_balance": "alliances.analysis",
    # scenario files
    "dump": "alliances.readwrite",
    "dumps": "alliances.readwrite",
    "load": "alliances.readwrite",
    "loads": "alliances.readwrite",
    "mapping_schema": "alliances.readwrite",
    "scenario_schema": "alliances.readwrite",
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
    # the interactive view: one self-contained HTML page, inline in Jupyter (no matplotlib)
    "to_html": "alliances.draw",
    "view": "alliances.draw",
    # news text -> relations
    "Extraction": "alliances.extract",
    "Proposal": "alliances.extract",
    "extract_relations": "alliances.extract",
    "merge_relations": "alliances.readwrite",
    # exports
    "export": "alliances.readwrite",
    "to_node_link": "alliances.readwrite",
    # backtest: the risk model against what happened next
    "BacktestResult": "alliances.backtesting",
    "backtest": "alliances.backtesting",
    # conflict risk
    "RiskExplanation": "alliances.risk",
    "RiskModel": "alliances.risk",
    "compare_risk": "alliances.risk",
    "conflict_risk": "alliances.risk",
    "explain_risk": "alliances.risk",
    "calibrate_outcome": "alliances.risk",
    "fit_risk_model": "alliances.risk",
    "load_risk_model": "alliances.risk",
    "what_if": "alliances.risk",
}

__all__ = sorted([*_LAZY, "__version__"])


def _version() -> str:
    """The installed distribution's version (importlib.metadata costs a twentieth of a second: asked on first use)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("alliances")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
        return "0.0.0"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        value: Any = _version()
        globals()[name] = value
        return value
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'alliances' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY) | {"__version__"})
