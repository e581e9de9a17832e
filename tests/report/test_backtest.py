"""Backtest tables and JSON: rounded scores, null for undefined ones, best of each column in bold."""

from __future__ import annotations

import dataclasses
import math

import pytest

import alliances
from alliances.report import backtest_json, backtest_renderables, cpd_table, score_table
from tests.report._text import no_nan, render, strict_json


@pytest.fixture(scope="module")
def result(seed_2016_path, ucdp_path):
    return alliances.backtest(ucdp_path, alliances.load(seed_2016_path), window="quarter")


def test_backtest_json_scores_rounded_and_strict(result):
    data = strict_json(backtest_json(result))
    assert data["windows"] == result.test_windows and data["pairs"] == result.pairs
    assert len(data["scores"]) == len(result.scores)
    for s, r in zip(data["scores"], result.scores.itertuples(index=False), strict=True):
        assert (s["model"], s["subset"]) == (r.model, r.subset)
        assert s["brier"] == round(r.brier, 6) and s["log_loss"] == round(r.log_loss, 6)


def test_backtest_json_undefined_scores_are_null(result):
    scores = result.scores.copy()
    scores.loc[0, "auc"] = math.nan
    scores.loc[1, "brier"] = math.inf
    data = strict_json(backtest_json(dataclasses.replace(result, scores=scores)))
    assert data["scores"][0]["auc"] is None and data["scores"][1]["brier"] is None
    assert no_nan(data)


def test_score_table_marks_the_best_of_each_column(result):
    table = score_table(result)
    text = render(table)
    assert "fitted model" in text and "persistence" in text and "logistic regression" in text
    assert f"Scores on {result.test_windows} test windows x {result.pairs} pairs" in text
    sc = result.scores
    best_brier = sc.loc[sc["subset"] == "all", "brier"].min()
    cells = list(table.columns[1].cells)  # "Brier all": Text cells, the best one bold
    bold = [c.plain for c in cells if str(c.style) == "bold"]
    assert bold == [f"{best_brier:.4f}"]


def test_cpd_table_and_renderables(result):
    text = render(cpd_table(result, top=3))
    assert "What the training data moved most: 3 of" in text
    moved = result.cpd_changes[result.cpd_changes["affects_risk"]].head(3)
    for r in moved.itertuples(index=False):
        assert f"{r.shift:.3f}" in text
    text = render(backtest_renderables(result))
    assert text.startswith(f"Backtest: {result.scenario}")
    for verdict in result.verdicts():
        assert verdict.split(":")[0][:40] in text.replace("\n", " ")
