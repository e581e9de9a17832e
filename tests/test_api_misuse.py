"""The Python API keeps the command line's promise: a wrong argument is an AlliancesError, never a crash.

Every public callable (each name in ``alliances.__all__`` that is a function or a model
record, the public functions of ``alliances.analysis``, ``alliances.risk`` and
``alliances.events``, and the backtest's option check) is called with valid arguments in which hypothesis replaces one or
two by a hostile value: None, NaN, infinities, -1, 10**9, empty and odd text, lists,
mappings, a bare object, graphs with text or NaN signs, a multigraph... The call must
either return normally (the value was acceptable) or raise a subclass of
:class:`~alliances.AlliancesError`; anything else (an AttributeError from deep inside, a
RecursionError, a raw TypeError) fails the test. The run is bounded: a few examples per
function, in a temporary working folder, so nothing can be written elsewhere.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import functools
import inspect
import math
import types
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import alliances
from alliances import analysis, backtesting, events, risk
from tests._paths import DATA, SEED

# --------------------------------------------------------------------------- hostile values


def _graph(**attrs: Any) -> nx.Graph:
    g = nx.Graph()
    g.add_edge("a", "b", **attrs)
    g.add_edge("b", "c", sign=-1)
    return g


HOSTILE: list[Any] = [
    None, math.nan, math.inf, -math.inf, -1, 0, 10**9, -(10**9), 2**70, 1.5, -0.5, True,
    "", "   ", "x", "no such file.yaml", "\0", "Bad Id", b"x",
    [], {}, (), ["a"], ("a", "b", "c"), {"a": 1}, object(), dt.date(1, 1, 1), pd.DataFrame(),
    _graph(sign="plus"), _graph(sign=math.nan), _graph(weight=math.inf), _graph(sign=None, weight="heavy"),
    nx.MultiGraph([("a", "b"), ("a", "b")]), nx.DiGraph([("a", "b")]), nx.Graph(),
]
"""Values no careful caller passes; several are valid somewhere (0, True, an empty graph)."""


# --------------------------------------------------------------------------- valid calls
class World:
    """The valid arguments the calls start from, built once."""

    def __init__(self, folder):
        self.folder = folder
        self.net = alliances.load(SEED)
        self.graph = nx.Graph(self.net.graph)
        self.events_net = alliances.load(DATA / "events" / "scenario.yaml")
        self.events_path = str(DATA / "events" / "ged_sample.csv")
        self.mapping_path = str(DATA / "events" / "mapping.yaml")
        self.relations = alliances.relations_over_time(self.events_path, self.events_net)
        self.model = alliances.load_risk_model()
        self.model_text = (Path(risk.__file__).parent / "default_model.yaml").read_text("utf-8")
        self.factors = risk.pair_factors(self.net)
        self.observations = pd.DataFrame({
            "stance": ["enemy"] * 3, "implied": ["none"] * 3, "shared_enemy": ["no"] * 3,
            "opposed_backers": ["no"] * 3, "backing": ["one_side"] * 3, "fighting": ["high"] * 3,
            "common_theater": ["yes", None, "no"], "clash": ["yes", "no", "yes"]})
        self.small = alliances.AllianceNetwork("Small", actors=[alliances.Actor(i, i.upper()) for i in "abc"],
                                               relations=[alliances.Relation(("a", "b"), "ally"),
                                                          alliances.Relation(("b", "c"), "enemy")])
        self.small_risk = alliances.conflict_risk(self.small)
        self.explanation = alliances.explain_risk(self.small, "a", "c")
        self.figure = alliances.draw_model(width=3, height=2, dpi=50)
        self.backtest_events = _four_months(folder / "ged.csv", self.events_path)
        self.scenario_text = SEED.read_text("utf-8")
        self.history = events.fighting_history(self.relations.table, self.relations.window)
        self.fragment_text = (
            "sources:\n  - id: wire-1\n    title: A wire\nrelations:\n"
            "  - actors: [russia, us_coalition]\n    stance: rival\n    evidence:\n      - source: wire-1\n")


    @functools.cached_property
    def bt(self) -> backtesting.BacktestResult:
        """A small backtest, made the first time a call needs one."""
        return alliances.backtest(self.backtest_events, self.events_net, mapping=self.mapping_path,
                                  train_until="2017-02-28", half_life=None, max_iter=2, pseudo_count=5.0)


def _four_months(path: Path, sample: str) -> str:
    """The GED sample's 2017 rows spread over four months: the smallest file a backtest runs on."""
    with open(sample, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["date_start"].startswith("2017")]
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.DictWriter(f, fieldnames=list(rows[0]))
        out.writeheader()
        for i, row in enumerate(rows * 2):
            day = f"2017-0{1 + i % 4}-10"
            out.writerow({**row, "id": str(9000 + i), "date_start": day, "date_end": day})
    return str(path)


@dataclass(frozen=True)
class Call:
    """A public callable and a valid set of arguments for it (by name)."""

    name: str
    func: Callable[..., Any]
    args: Callable[[World], dict[str, Any]]
    examples: int = 12
    fixed: tuple[str, ...] = ()  # never replaced: the object a method is called on
    defaults: bool = True  # also replace the parameters left at their defaults


def _all_args(func: Callable[..., Any], given_args: dict[str, Any]) -> dict[str, Any]:
    """Every parameter of ``func`` that has a value: the given ones and the defaults."""
    out = {}
    for name, p in inspect.signature(func).parameters.items():
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        if name in given_args:
            out[name] = given_args[name]
        elif p.default is not p.empty:
            out[name] = p.default
    return out


A = alliances
CALLS: list[Call] = [
    # the model
    Call("Actor", A.Actor, lambda w: {"id": "a", "name": "A", "kind": "state", "label": "Aa", "aliases": ("x",),
                                      "theaters": ("t",), "notes": "n"}),
    Call("ActorKind", A.ActorKind, lambda w: {"value": "state"}, defaults=False),
    Call("AllianceNetwork", A.AllianceNetwork, lambda w: {
        "scenario": "T", "actors": [A.Actor("a", "A"), A.Actor("b", "B")], "relations": [A.Relation(("a", "b"), "ally")],
        "theaters": (), "sources": (), "as_of": dt.date(2020, 1, 1), "description": "d", "notes": "n", "version": 1}),
    Call("AllianceNetwork.from_networkx", A.AllianceNetwork.from_networkx, lambda w: {"graph": w.graph}),
    Call("Evidence", A.Evidence, lambda w: {"source": "s", "note": "n"}),
    Call("Relation", A.Relation, lambda w: {"actors": ("a", "b"), "stance": "ally", "weight": 0.5, "confidence": 0.5,
                                            "kind": "k", "since": 2010, "until": dt.date(2020, 1, 1), "evidence": (),
                                            "notes": "n", "fighting": "high"}),
    Call("Source", A.Source, lambda w: {"id": "s", "title": "t", "date": dt.date(2020, 1, 1)}),
    Call("Stance", A.Stance, lambda w: {"value": "ally"}, defaults=False),
    Call("Theater", A.Theater, lambda w: {"id": "t", "name": "T"}),
    Call("net.actor", lambda net, actor_id: net.actor(actor_id), lambda w: {"net": w.net, "actor_id": "iran"},
         fixed=("net",)),
    Call("net.resolve", lambda net, name: net.resolve(name), lambda w: {"net": w.net, "name": "Damascus"},
         fixed=("net",)),
    Call("net.stance", lambda net, a, b: net.stance(a, b), lambda w: {"net": w.net, "a": "iran", "b": "assad"},
         fixed=("net",)),
    Call("net.with_relation", lambda net, a, b, stance, weight: net.with_relation(a, b, stance, weight=weight),
         lambda w: {"net": w.net, "a": "iran", "b": "russia", "stance": "ally", "weight": 0.5}, fixed=("net",)),
    Call("net.with_theater", lambda net, actor_id, theater_id, name: net.with_theater(actor_id, theater_id, name),
         lambda w: {"net": w.net, "actor_id": "iran", "theater_id": "raqqa", "name": "Raqqa"}, fixed=("net",)),
    Call("net.without_actor", lambda net, actor_id: net.without_actor(actor_id),
         lambda w: {"net": w.net, "actor_id": "iran"}, fixed=("net",)),
    Call("net.replace", lambda net, as_of: net.replace(as_of=as_of), lambda w: {"net": w.net, "as_of": None},
         fixed=("net",)),
    # analysis
    Call("actor_census", A.actor_census, lambda w: {"G": w.net}),
    Call("ambivalence", A.ambivalence, lambda w: {"G": w.net}),
    Call("balance_report", A.balance_report, lambda w: {"G": w.net, "k": 2}, examples=8),
    Call("centrality_table", A.centrality_table, lambda w: {"G": w.graph}),
    Call("factions", A.factions, lambda w: {"G": w.net, "k": 2, "time_limit": 5.0}),
    Call("frustration_index", A.frustration_index, lambda w: {"G": w.graph, "time_limit": 5.0}),
    Call("implied_relations", A.implied_relations, lambda w: {"G": w.net}),
    Call("pn_index", A.pn_index, lambda w: {"G": w.net}),
    Call("signed_degree", A.signed_degree, lambda w: {"G": w.net}),
    Call("triangle_census", A.triangle_census, lambda w: {"G": w.graph}),
    Call("unbalanced_triads", A.unbalanced_triads, lambda w: {"G": w.net, "limit": 3}),
    Call("walk_balance", A.walk_balance, lambda w: {"G": w.net}),
    Call("ambivalent_triangle_census", A.ambivalent_triangle_census, lambda w: {"G": w.graph}),
    Call("balance_against_chance", A.balance_against_chance, lambda w: {
        "G": w.small, "draws": 20, "frustration_draws": 2, "seed": 1, "progress": None}, examples=8),
    Call("planted_camps_graph", A.planted_camps_graph, lambda w: {"k": 2, "size": 3, "p_in": 1.0, "p_out": 0.5,
                                                                  "flip": 0.1, "seed": 1}),
    Call("random_signed_graph", A.random_signed_graph, lambda w: {"n": 10, "p": 0.3, "negative": 0.5, "seed": 1}),
    Call("shuffle_signs", A.shuffle_signs, lambda w: {"G": w.net, "seed": 1}),
    Call("signed_adjacency", A.signed_adjacency, lambda w: {"obj": w.net, "nodelist": list(w.net.actors)}),
    Call("signed_eigenvector_centrality", A.signed_eigenvector_centrality, lambda w: {"G": w.net}),
    Call("signed_laplacian", A.signed_laplacian, lambda w: {"obj": w.graph, "normalized": True}),
    Call("signed_triangles", A.signed_triangles, lambda w: {"G": w.net, "actor": "iran"}),
    # scenario files
    Call("dump", A.dump, lambda w: {"net": w.net, "path": "out.yaml"}),
    Call("dumps", A.dumps, lambda w: {"net": w.net}),
    Call("export", A.export, lambda w: {"net": w.net, "path": "out.graphml"}),
    Call("load", A.load, lambda w: {"path": SEED}),
    Call("loads", A.loads, lambda w: {"text": w.scenario_text, "filename": "s.yaml"}),
    Call("merge_relations", A.merge_relations, lambda w: {"scenario": w.scenario_text, "fragment": w.fragment_text}),
    Call("read_signed_csv", A.read_signed_csv, lambda w: {"path": DATA / "highland_tribes.csv"}),
    Call("scenario_schema", A.scenario_schema, lambda w: {}),
    Call("mapping_schema", A.mapping_schema, lambda w: {}),
    Call("Month", A.Month, lambda w: {"year": 2023, "month": 6}),
    Call("Year", A.Year, lambda w: {"year": 2017}),
    Call("to_node_link", A.to_node_link, lambda w: {"net": w.net}),
    # risk
    Call("compare_risk", A.compare_risk, lambda w: {"before": w.net, "after": w.net.without_actor("iran")}),
    Call("conflict_risk", A.conflict_risk, lambda w: {"net": w.net, "model": w.model}, examples=8),
    Call("explain_risk", A.explain_risk, lambda w: {"net": w.net, "a": "assad", "b": "us_coalition"}),
    Call("fit_risk_model", A.fit_risk_model, lambda w: {"observations": w.observations, "max_iter": 2}),
    Call("calibrate_outcome", A.calibrate_outcome, lambda w: {"observations": w.observations}),
    Call("load_risk_model", A.load_risk_model, lambda w: {"path": None}),
    Call("what_if", A.what_if, lambda w: {"net": w.net, "set": [("assad", "us_coalition", "enemy")],
                                          "drop": ["russia"], "add_theater": [("iran", "raqqa")]}),
    # events
    Call("diff_scenarios", A.diff_scenarios, lambda w: {"a": w.net, "b": w.net.without_actor("iran")}),
    Call("read_events", A.read_events, lambda w: {"paths": w.events_path}),
    Call("relations_over_time", A.relations_over_time, lambda w: {
        "events": w.events_path, "net": w.events_net, "mapping": w.mapping_path}, examples=8),
    Call("snapshot", A.snapshot, lambda w: {"net": w.events_net, "relations": w.relations, "window": "2017-01-01"}),
    # backtest (the fewest examples: a valid call reads the events and fits a model)
    Call("backtest", A.backtest, lambda w: {"events": w.backtest_events, "net": w.events_net, "mapping": w.mapping_path,
                                            "train_until": "2017-01-31", "half_life": None, "max_iter": 2,
                                            "pseudo_count": 5.0}, examples=4),
    # diagrams (of a small network, with the analyses handed in)
    Call("draw_network", A.draw_network, lambda w: {"net": w.small, "factions": [["a", "b"], ["c"]], "risk": w.small_risk,
                                                    "top": 1, "centrality": {"a": 1, "b": 2, "c": 0}, "width": 4,
                                                    "height": 3, "dpi": 50, "title": "T", "label_iterations": 10},
         examples=8),
    Call("draw_matrix", A.draw_matrix, lambda w: {"net": w.small, "factions": False, "implied": False, "width": 4,
                                                  "height": 3, "dpi": 50}, examples=8),
    Call("draw_risk", A.draw_risk, lambda w: {"net": w.small, "risk": w.small_risk, "factions": False, "width": 4,
                                              "height": 3, "dpi": 50}, examples=8),
    Call("draw_tornado", A.draw_tornado, lambda w: {"explanation": w.explanation, "net": w.small, "width": 4,
                                                    "height": 3, "dpi": 50}, examples=8),
    Call("draw_model", A.draw_model, lambda w: {"model": w.model, "width": 4, "height": 3, "dpi": 50}, examples=8),
    Call("to_html", A.to_html, lambda w: {"net": w.small, "path": "view.html", "factions": [["a", "b"], ["c"]],
                                          "risk": w.small_risk, "centrality": {"a": 1, "b": 2, "c": 0}, "top": 1,
                                          "layers": ["ties", "risk"], "title": "T"}, examples=8),
    Call("view", A.view, lambda w: {"net": w.small, "height": 400}, examples=8),
    Call("save_figure", A.save_figure, lambda w: {"fig": w.figure, "path": "figure.svg"}, examples=8),
    # news text
    Call("extract_relations", A.extract_relations, lambda w: {
        "text": "Russia and Iran back the Assad government against Islamic State.", "actors": w.net}),
]


# the machinery the subpackages offer each other: the same promise, with valid arguments of their own
an, rk, ev, bt = analysis, risk, events, backtesting
EDGES = an.Edges(3, np.array([0, 1, 0]), np.array([1, 2, 2]), np.array([1.0, -1.0, 1.0]))
LP_ARGS = {"cost": np.ones(2), "col_bounds": (np.zeros(2), np.ones(2)), "row_bounds": (np.ones(1), np.full(1, np.inf)),
           "rows": (np.array([0, 2]), np.array([0, 1]), np.ones(2)), "n_integer": 1}
RUN = an.MilpRun(np.zeros(2), True, 1.0, 1.0)
# four mutual enemies (a block of the k-camp reductions) and a friend of the fourth (removed by them)
K4_AND_ONE = an.Edges(5, np.array([0, 0, 0, 1, 1, 2, 3]), np.array([1, 2, 3, 2, 3, 3, 4]),
                      np.array([-1.0] * 6 + [1.0]))
RED = an.reduce_camps(K4_AND_ONE)


def _factor():
    from pgmpy.factors.discrete import DiscreteFactor

    return DiscreteFactor(["x", "y"], [2, 2], [1, 2, 3, 4], state_names={"x": ["a", "b"], "y": ["u", "v"]})


def _fields(obj: Any) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}


SUBPACKAGE_CALLS: list[Call] = [
    # analysis
    Call("analysis.Edges", an.Edges, lambda w: _fields(EDGES)),
    Call("analysis.MilpRun", an.MilpRun, lambda w: _fields(RUN)),
    Call("analysis.check_exact", an.check_exact, lambda w: {"exact": "auto"}),
    Call("analysis.check_solver_options", an.check_solver_options,
         lambda w: {"exact": True, "time_limit": 1.0, "seed": 0}),
    Call("analysis.CampReduction", an.CampReduction, lambda w: _fields(RED)),
    Call("analysis.assignment_milp", an.assignment_milp, lambda w: {
        "e": K4_AND_ONE, "k": 3, "alpha": 0.5, "tri": an.edge_triangles(K4_AND_ONE),
        "start": np.zeros(5, dtype=np.int64), "time_limit": 5.0, "cutoff": None}),
    Call("analysis.assignment_size", an.assignment_size, lambda w: {"n": 80, "k": 3}),
    Call("analysis.camp_search", an.camp_search, lambda w: {"edges": EDGES, "k": 2, "starts": [np.array([0, 0, 1])],
                                                            "rounds": 2, "time_budget": 1.0}),
    Call("analysis.edge_triangles", an.edge_triangles, lambda w: {"edges": EDGES}),
    Call("analysis.expand_camps", an.expand_camps, lambda w: {"red": RED, "block_labels": [np.array([0, 1, 2, 0])]}),
    Call("analysis.expected_census", an.expected_census, lambda w: {"total": 10, "ties": 6, "negative": 2}),
    Call("analysis.peel", an.peel, lambda w: {  # a fresh adjacency each call: peel takes it apart
        "adj": {0: {1: -1.0, 2: -1.0}, 1: {0: -1.0, 2: -1.0}, 2: {0: -1.0, 1: -1.0}}, "two_camps": True}),
    Call("analysis.positive_components", an.positive_components, lambda w: {"edges": EDGES}),
    Call("analysis.reduce_camps", an.reduce_camps, lambda w: {"edges": K4_AND_ONE}),
    Call("analysis.relocate", an.relocate, lambda w: {"edges": EDGES, "labels": np.array([0, 1, 0]), "k": 2}),
    Call("analysis.spectral_start", an.spectral_start, lambda w: {"edges": EDGES, "k": 2}),
    Call("analysis.edges_of", an.edges_of, lambda w: {"G": w.graph, "weighted": False}),
    Call("analysis.highs", an.highs, lambda w: {}),
    Call("analysis.local_search", an.local_search, lambda w: {"edges": EDGES, "k": 2, "start": np.array([0, 0, 1]),
                                                              "restarts": 2, "time_budget": 1.0}),
    Call("analysis.order_camps", an.order_camps, lambda w: {"camps": [["b", "a"], ["c"]]}),
    Call("analysis.partition_cost", an.partition_cost, lambda w: {"edges": EDGES, "labels": np.array([0, 0, 1])}),
    Call("analysis.row_wise_lp", an.row_wise_lp, lambda w: dict(LP_ARGS)),
    Call("analysis.settle_bound", an.settle_bound, lambda w: {"value": 4.0, "lb": 3.0, "optimal": False}),
    Call("analysis.settle_milp", an.settle_milp, lambda w: {"value": 3.0, "run": RUN}),
    Call("analysis.solve_block_milp", an.solve_block_milp, lambda w: {
        "edges": EDGES, "tri": an.edge_triangles(EDGES), "start": np.array([0, 0, 1]), "time_limit": 5.0}),
    Call("analysis.solve_exact", an.solve_exact, lambda w: {"edges": EDGES, "time_limit": 5.0}),
    Call("analysis.solve_heuristic", an.solve_heuristic, lambda w: {"edges": EDGES}),
    Call("analysis.solve_warm", an.solve_warm, lambda w: {"lp": an.row_wise_lp(**LP_ARGS), "start": np.zeros(2),
                                                          "time_limit": 5.0}),
    Call("analysis.sort_nodes", an.sort_nodes, lambda w: {"nodes": [3, 1, 2]}),
    Call("analysis.sorted_pair", an.sorted_pair, lambda w: {"a": "b", "b": "a"}),
    Call("analysis.stance_for_score", an.stance_for_score, lambda w: {"score": 0.5}),
    Call("analysis.implied_scores", an.implied_scores, lambda w: {"G": w.net, "strict": True,
                                                                  "nodelist": sorted(w.net.actors)}),
    Call("analysis.triangle_packing_bound", an.triangle_packing_bound, lambda w: {
        "edges": EDGES, "tri": an.edge_triangles(EDGES)}),
    # risk
    Call("risk.CompiledRisk", rk.CompiledRisk, lambda w: {"model": w.model}),
    Call("risk.RiskModel", rk.RiskModel, lambda w: _fields(w.model)),
    Call("risk.RiskNode", rk.RiskNode, lambda w: _fields(w.model.nodes["clash"])),
    Call("risk.implied_state", rk.implied_state, lambda w: {"score": np.array([0.5, -2.0])}),
    Call("risk.check_fit_options", rk.check_fit_options, lambda w: {"pseudo_count": 50.0, "max_iter": 30}),
    Call("risk.joint_distribution", rk.joint_distribution, lambda w: {
        "model": w.model, "keep": ["clash", "stance"], "tables": {"clash": w.model.nodes["clash"].table}}),
    Call("risk.log_likelihood", rk.log_likelihood, lambda w: {"model": w.model, "observations": w.observations}),
    Call("risk.factor_values", rk.factor_values, lambda w: {"phi": _factor(), "variables": ["y", "x"],
                                                            "states": [["v", "u"], ["a", "b"]]}),
    Call("risk.loads_risk_model", rk.loads_risk_model, lambda w: {"text": w.model_text, "filename": "m.yaml"}),
    Call("risk.pair_factors", rk.pair_factors, lambda w: {"net": w.net}),
    Call("risk.pgmpy_classes", rk.pgmpy_classes, lambda w: {}),
    Call("risk.resolve_model", rk.resolve_model, lambda w: {"model": None}),
    Call("risk.risk_frame", rk.risk_frame, lambda w: {"pf": w.factors, "p": np.zeros(len(w.factors.i)),
                                                      "model": w.model}),
    # events
    Call("events.ActorMapper", ev.ActorMapper, lambda w: {"names": {"x": "assad"}}),
    Call("events.DuckDBEngine", ev.DuckDBEngine, lambda w: {"memory_limit": "1GB", "threads": 1}),
    Call("events.Window", ev.Window, lambda w: {"unit": "days", "days": 14, "origin": dt.date(2017, 1, 1)}),
    Call("events.add_fighting", ev.add_fighting, lambda w: {"table": w.relations.table, "window": w.relations.window}),
    Call("events.fighting_history", ev.fighting_history, lambda w: {
        "table": w.relations.table, "window": w.relations.window, "split": 2.0}),
    Call("events.check_engine_options", ev.check_engine_options, lambda w: {
        "engine": "spark", "master": "local[2]", "config": {"spark.executor.memory": "1g"}, "timeout": 30.0}),
    Call("events.check_half_life", ev.check_half_life, lambda w: {"half_life": 2.0}),
    Call("events.check_max_windows", ev.check_max_windows, lambda w: {"max_windows": 100}),
    Call("events.check_min_events", ev.check_min_events, lambda w: {"min_events": 1}),
    Call("events.check_relations_options", ev.check_relations_options, lambda w: {
        "window": "14d", "origin": dt.date(2017, 1, 1), "date_range": "1990:2020", "max_windows": 100,
        "engine": "duckdb"}),
    Call("events.check_scoring", ev.check_scoring, lambda w: {"method": "goldstein", "thresholds": (0.2, 0.6),
                                                               "half_life": None, "min_events": 1}),
    Call("events.check_snapshot_folder", ev.check_snapshot_folder, lambda w: {"folder": "snapshots"}),
    Call("events.check_spark_config", ev.check_spark_config, lambda w: {"config": {"spark.executor.memory": "1g"}}),
    Call("events.check_spark_master", ev.check_spark_master, lambda w: {"master": "spark://127.0.0.1:7077"}),
    Call("events.check_spark_timeout", ev.check_spark_timeout, lambda w: {"timeout": 30.0}),
    Call("events.quiet_window", ev.quiet_window, lambda w: {"net": w.net}),
    Call("events.check_table_output", ev.check_table_output, lambda w: {"path": "table.csv"}),
    Call("events.check_window_span", ev.check_window_span, lambda w: {
        "win": ev.parse_window("month"), "first": 24000, "last": 24010, "limit": 100, "why": "decay"}),
    Call("events.detect_format", ev.detect_format, lambda w: {"files": [w.events_path]}),
    Call("events.get_engine", ev.get_engine, lambda w: {"engine": None}),
    Call("events.is_uri", ev.is_uri, lambda w: {"path": "hdfs://namenode:8020/gdelt/"}),
    Call("events.load_mapping", ev.load_mapping, lambda w: {"path": w.mapping_path}),
    Call("events.loads_mapping", ev.loads_mapping, lambda w: {"text": "names: {Army: assad}\n", "filename": "m.yaml"}),
    Call("events.parse_date_range", ev.parse_date_range, lambda w: {"value": ("1990", dt.date(2020, 6, 30))}),
    Call("events.parse_spark_conf", ev.parse_spark_conf, lambda w: {"pairs": ["spark.executor.memory=1g"]}),
    Call("events.parse_window", ev.parse_window, lambda w: {"text": "14d", "origin": dt.date(2017, 1, 1)}),
    Call("events.score_from_evidence", ev.score_from_evidence, lambda w: {"rel": A.Relation(("a", "b"), "ally")}),
    Call("events.snapshots", ev.snapshots, lambda w: {"net": w.events_net, "relations": w.relations}),
    Call("events.window_label", ev.window_label, lambda w: {"start": dt.date(2017, 4, 1), "end": dt.date(2017, 6, 30)}),
    Call("events.write_snapshots", ev.write_snapshots, lambda w: {"net": w.events_net, "relations": w.relations,
                                                                  "folder": "snapshots"}),
    Call("events.write_table", ev.write_table, lambda w: {"table": w.relations.table, "path": "table.csv"}),
    # backtesting: the options of a backtest, checked before any file is read
    Call("backtesting.check_backtest_options", bt.check_backtest_options, lambda w: {
        "window": "quarter", "train_until": "2017-06-30", "half_life": 2.0, "max_iter": 5, "date_range": "2000:2020"}),
    # backtesting: #14's conflict history, scores within it, ablation and sensitivity
    Call("backtesting.fighting_states", bt.fighting_states, lambda w: {"history": w.history, "pf": w.factors,
                                                                       "day": dt.date(2017, 6, 1)}),
    Call("backtesting.p_clash_of", bt.p_clash_of, lambda w: {"model": w.model, "factor_sets": [w.factors]}),
    Call("backtesting.stratified_auc", bt.stratified_auc, lambda w: {
        "y": [0, 1, 0, 1], "p": [0.1, 0.2, 0.8, 0.9], "strata": ["quiet", "quiet", "war", "war"]}),
    Call("backtesting.subset_mask", bt.subset_mask, lambda w: {"rows": w.bt.predictions, "subset": "onset"}),
    Call("backtesting.score_tables", bt.score_tables, lambda w: {"test": w.bt.predictions,
                                                                 "models": ("fitted", "history")}),
    Call("backtesting.ablation", bt.ablation, lambda w: {
        "pred": w.bt.predictions, "train": w.bt.predictions["split"] == "train", "expert": w.bt.expert,
        "factor_sets": w.bt.factors, "pseudo_count": 5.0, "max_iter": 2}, examples=4),
    Call("backtesting.sensitivity", bt.sensitivity, lambda w: {
        "events": w.backtest_events, "net": w.events_net, "windows": ("month",), "train_until": ("2017-02-28",),
        "mapping": w.mapping_path, "half_life": None, "max_iter": 2, "pseudo_count": 5.0}, examples=4, defaults=False),
]
"""Left out (:data:`LEFT_OUT`): result containers (FactionsResult, RiskExplanation, EventRelations,
FightingHistory, ...),
which the functions make and callers read; ``SparkEngine`` (starting a JVM per call); the ``Engine``
protocol; ``spark_available`` and ``quiet_pgmpy_import`` (no arguments)."""

LEFT_OUT = {
    # result containers and records the functions make
    "Ambivalence", "BacktestResult", "BalanceChance", "BalanceReport", "ChanceMeasure", "Extraction",
    "FactionsResult", "FrustrationResult", "Proposal", "RiskExplanation", "TriangleCensus", "Problem",
    "risk.PairFactors", "risk.PgmpyClasses", "events.EventFiles", "events.EventFormat", "events.EventRelations",
    "events.FileLayout", "events.FightingHistory",
    # no arguments, a protocol, a JVM per call
    "analysis.single_blas_thread", "risk.quiet_pgmpy_import", "events.spark_available", "events.Engine",
    "events.SparkEngine",
}
"""The public callables not thrown at; the errors (AlliancesError's tree) are left out too."""


def test_every_public_callable_is_thrown_at():
    """A public function added without an entry in CALLS (or a reason in LEFT_OUT) fails here."""
    thrown_at = {c.func for c in CALLS + SUBPACKAGE_CALLS}
    missing = []
    for package in (alliances, analysis, risk, events):
        prefix = "" if package is alliances else package.__name__.removeprefix("alliances.") + "."
        for name in package.__all__:
            obj = getattr(package, name)
            if not callable(obj) or obj in thrown_at or prefix + name in LEFT_OUT or name in LEFT_OUT:
                continue
            if isinstance(obj, type) and issubclass(obj, Exception):  # the errors themselves
                continue
            missing.append(prefix + name)
    assert missing == []


def _ids(calls: list[Call]) -> list[str]:
    return [c.name for c in calls]


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return World(tmp_path_factory.mktemp("misuse"))


def _call_with(call: Call, world: World, data: st.DataObject) -> None:
    args = _all_args(call.func, call.args(world)) if call.defaults else call.args(world)
    names = sorted(set(args) - set(call.fixed))
    if not names:  # nothing to get wrong
        call.func(**args)
        return
    chosen = data.draw(st.lists(st.sampled_from(names), min_size=1, max_size=2, unique=True), label="replaced")
    for name in chosen:
        args[name] = data.draw(st.sampled_from(HOSTILE), label=name)
    try:
        call.func(**args)
    except alliances.AlliancesError:
        pass


@pytest.mark.parametrize("call", CALLS + SUBPACKAGE_CALLS, ids=_ids(CALLS + SUBPACKAGE_CALLS))
def test_hostile_arguments_end_in_an_alliances_error(call, world, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    @settings(max_examples=call.examples, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
    @given(data=st.data())
    def run(data):
        _call_with(call, world, data)

    run()


# --------------------------------------------------------------------------- the cases of the issue, by name
def test_loads_none_names_the_argument():
    with pytest.raises(alliances.ParameterTypeError) as info:
        alliances.loads(None)
    assert str(info.value) == "text must be a str or bytes (YAML in the scenario format), not None"
    assert isinstance(info.value, TypeError)


def test_conflict_risk_of_nothing(world):
    with pytest.raises(alliances.ParameterTypeError, match="net must be an AllianceNetwork or a networkx graph, not None"):
        alliances.conflict_risk(None)
    with pytest.raises(alliances.ParameterTypeError, match="model must be a RiskModel, the path of a model file or None"):
        alliances.conflict_risk(world.net, model=3)


@pytest.mark.parametrize("function", [alliances.triangle_census, alliances.frustration_index, alliances.factions,
                                      alliances.walk_balance, alliances.balance_report, alliances.implied_relations,
                                      alliances.centrality_table, alliances.conflict_risk])
@pytest.mark.parametrize(("sign", "error", "message"), [
    ("plus", alliances.ParameterTypeError, "G: the tie 'a' - 'b' has sign 'plus': a sign must be a number"),
    (math.nan, alliances.ParameterError, "G: the tie 'a' - 'b' has sign nan: a sign must be a finite number"),
])
def test_signs_that_are_not_numbers_are_named_not_read_as_neutral(function, sign, error, message):
    """A NaN sign was read as 0 (neutral) without a word; text was a TypeError from a comparison inside."""
    with pytest.raises(error) as info:
        function(_graph(sign=sign))
    assert str(info.value).removeprefix("net").removeprefix("G") == message.removeprefix("G")


def test_train_until_that_is_no_date_is_refused_before_reading_events(world, monkeypatch):
    from alliances.backtesting import _run

    monkeypatch.setattr(_run, "graphs_over_time", lambda *a, **k: pytest.fail("the events were read"))
    # the backtest's options are checked by check_backtest_options, with its messages (EventDataError)
    with pytest.raises(alliances.EventDataError, match=r"train_until must be a date or ISO text \(YYYY-MM-DD\), not 5"):
        alliances.backtest(world.backtest_events, world.events_net, train_until=5)
    with pytest.raises(alliances.ParameterError, match="max_iter must be an integer from 1 to 10000"):
        alliances.backtest(world.backtest_events, world.events_net, max_iter=10**9)
    with pytest.raises(alliances.ParameterTypeError, match="net must be an AllianceNetwork"):
        alliances.backtest(world.backtest_events, None)


@pytest.mark.parametrize("make", [
    lambda w: alliances.draw_tornado(3),
    lambda w: risk.load_risk_model().with_tables({"clash": np.ones((3, 3))}),
    lambda w: alliances.draw_model(types.SimpleNamespace(name="loop", nodes={
        "x": types.SimpleNamespace(id="x", states=("a",), parents=("y",), kind="latent"),
        "y": types.SimpleNamespace(id="y", states=("a",), parents=("x",), kind="latent")})),
    lambda w: alliances.AllianceNetwork.from_networkx(nx.MultiGraph()),
    lambda w: alliances.Stance(None),
], ids=["draw_tornado(3)", "with_tables shape", "a model with a cycle", "a multigraph", "Stance(None)"])
def test_boundary_errors_are_in_the_tree(make, world):
    """They were raw TypeError / ValueError; they stay TypeError / ValueError, and are AlliancesErrors too."""
    with pytest.raises(alliances.ParameterError) as info:
        make(world)
    assert isinstance(info.value, ValueError) and isinstance(info.value, alliances.AlliancesError)


def test_factions_with_more_camps_than_actors_is_refused(world):
    """k = 1000 once recursed a thousand levels deep (RecursionError); now it is refused, naming the actors."""
    with pytest.raises(alliances.ParameterError, match=r"k = 1000 asks for more camps than there are actors \(8\)"):
        alliances.factions(world.net, k=1000)
    assert alliances.factions(world.net, k=len(world.net.actors)).k_max == 8
