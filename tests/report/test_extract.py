"""Extraction tables and JSON, and the lines ``alliances merge`` prints."""

from __future__ import annotations

import pytest

from alliances.extract import extract_relations
from alliances.readwrite import MergeResult
from alliances.report import extraction_json, extraction_tables, merge_lines
from tests.report._text import render, strict_json

TEXT = ("Russia attacked Islamic State near Homs. Iran never fought the US coalition. "
        "Hezbollah and Iran are allies.")


@pytest.fixture(scope="module")
def extraction(seed):
    return extract_relations(TEXT, seed)


def test_extraction_json_pairs_sorted_with_their_sentences(extraction):
    data = strict_json(extraction_json(extraction))
    assert [(p["a"], p["b"], p["stance"]) for p in data["proposals"]] == [
        ("hezbollah", "iran", "ally"), ("islamic_state", "russia", "enemy")]
    assert all(p["a"] < p["b"] for p in data["proposals"])
    assert data["proposals"][1]["evidence"] == [
        {"sentence": 1, "text": "Russia attacked Islamic State near Homs.", "hedge": None}]
    assert data["unmatched"] == ["Homs"]


def test_extraction_tables_cite_sentences_negations_and_unmatched_names(extraction):
    text = render(extraction_tables(extraction))
    assert "Proposed relations (2)" in text
    assert "hezbollah - iran" in text and "islamic_state - russia" in text
    assert "  1. Russia attacked Islamic State near Homs." in text
    assert "  3. Hezbollah and Iran are allies." in text
    assert "Negated cues (not proposed)" in text
    assert "  iran - us_coalition: 'fought' in sentence 2" in text
    assert "Names that matched no actor: Homs" in text


def test_merge_lines_one_per_outcome():
    result = MergeResult("", (("a", "b"),), (("c", "d"),), (("a", "c", "ally", "enemy"),), ("wire", "radio"),
                         (("b", "d", 1), ("c", "e", 3)))
    assert merge_lines(result) == [
        "added source wire", "added source radio", "added a - b", "added evidence to b - d (1 entry)",
        "added evidence to c - e (3 entries)", "already in the scenario: c - d",
        "conflict a - c: the scenario says ally, the fragment enemy (kept ally)"]
    assert merge_lines(MergeResult("", (), (), (), ())) == []
