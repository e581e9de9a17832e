"""Event tables and JSON: dates as ISO text, null for non-finite numbers, pairs sorted, counts on the terminal."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pandas as pd
import pytest

import alliances
from alliances.report import diff_json, diff_table, relations_json, relations_tables
from tests.report._text import no_nan, render, strict_json


@pytest.fixture(scope="module")
def rel(seed_2016_path, ucdp_path):
    return alliances.relations_over_time(ucdp_path, alliances.load(seed_2016_path), window="quarter")


def test_relations_json_is_strict_with_iso_dates_and_sorted_pairs(rel):
    data = strict_json(relations_json(rel))
    assert no_nan(data)
    assert data["window"] == "quarter" and data["stats"]["rows"] == rel.stats["rows"]
    rows = data["relations"]
    assert len(rows) == len(rel.table)
    assert all(r["a"] < r["b"] for r in rows)
    assert rows[0]["window_start"] == rel.table.iloc[0]["window_start"].isoformat()
    assert [(u["name"], u["events"]) for u in data["unmapped"]] == list(zip(rel.unmapped["name"],
                                                                            rel.unmapped["events"], strict=True))
    assert "relations" not in relations_json(rel, rows=False)


def test_relations_json_non_finite_numbers_are_null(rel):
    table = rel.table.head(2).copy()
    table["score"] = [math.nan, np.float64(math.inf)]
    data = strict_json(relations_json(dataclasses.replace(rel, table=table)))
    assert [r["score"] for r in data["relations"]] == [None, None]
    assert isinstance(data["relations"][0]["events"], int)  # NumPy integers become plain ones


def test_relations_tables_one_line_per_pair_with_its_totals(rel):
    text = render(relations_tables(rel))
    t = rel.table
    windows = t["window_start"].nunique()
    assert text.startswith(f"{rel.format}: {len(t)} pair-windows, {windows} quarter windows")
    pair = t[(t["a"] == "assad") & (t["b"] == "islamic_state")]
    line = next(line for line in _rows(text) if line[:2] == ["assad", "islamic_state"])
    assert line[2:5] == [str(len(pair)), str(int(pair["events"].sum())), str(int(pair["fatalities"].sum()))]
    assert f"Unmapped actor names ({len(rel.unmapped)}" in text
    assert f"rows read {rel.stats['rows']}" in text


def test_diff_json_and_table():
    # as alliances.diff_scenarios has it: no stance is the empty text
    diff = pd.DataFrame({"change": ["gained", "changed"], "a": ["a", "b"], "b": ["c", "c"],
                         "before": ["", "ally"], "after": ["enemy", "rival"]})
    data = strict_json(diff_json(diff, "one.yaml", "two.yaml"))
    assert data == {"from": "one.yaml", "to": "two.yaml", "changes": [
        {"change": "gained", "a": "a", "b": "c", "before": "", "after": "enemy"},
        {"change": "changed", "a": "b", "b": "c", "before": "ally", "after": "rival"}]}
    text = render(diff_table(diff, "one -> two: 2 changes"))
    assert "one -> two: 2 changes" in text
    assert ["gained", "a", "c", "-", "enemy"] in _rows(text)
    assert ["changed", "b", "c", "ally", "rival"] in _rows(text)


def test_diff_json_of_two_seeds(seed, seed_2016_path):
    diff = alliances.diff_scenarios(seed, alliances.load(seed_2016_path))
    data = strict_json(diff_json(diff, "a", "b"))
    assert len(data["changes"]) == len(diff) and all(c["a"] < c["b"] for c in data["changes"])


def _rows(text: str) -> list[list[str]]:
    """The cells of each line of a rendered table."""
    return [line.replace("\u2502", " ").split() for line in text.splitlines()]
