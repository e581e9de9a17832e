"""Risk tables and JSON: every pair once with a < b, null for missing numbers, the key figures on the terminal."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import alliances
from alliances.report import (
    changes_json,
    changes_summary,
    changes_table,
    explanation_json,
    explanation_renderables,
    risk_json,
    risk_table,
)
from tests.report._text import no_nan, render, strict_json


@pytest.fixture(scope="module")
def risk(seed):
    return alliances.conflict_risk(seed)


def test_risk_json_every_pair_sorted_and_strict(risk):
    data = strict_json(risk_json(risk))
    pairs = data["pairs"]
    assert len(pairs) == len(risk) == 28
    assert all(p["a"] < p["b"] for p in pairs)
    assert len({(p["a"], p["b"]) for p in pairs}) == len(pairs)
    assert [p["p_clash"] for p in pairs] == pytest.approx(risk["p_clash"].tolist())
    for p in pairs:
        assert set(p["factors"]) == set(risk.columns) - {"a", "b", "p_clash"}
        assert p["stance"] == p["factors"]["stance"]


def test_risk_json_undefined_probability_is_null():
    df = pd.DataFrame({"a": ["x", "x"], "b": ["y", "z"], "stance": ["enemy", "ally"], "p_clash": [math.nan, 0.25]})
    data = strict_json(risk_json(df))
    assert [p["p_clash"] for p in data["pairs"]] == [None, 0.25]


def test_risk_table_shows_the_top_pairs_with_three_decimals(risk):
    text = render(risk_table(risk, top=3))
    assert "Conflict risk: top 3 of 28 pairs" in text
    for r in risk.head(3).itertuples(index=False):
        assert r.a in text and r.b in text and f"{r.p_clash:.3f}" in text
    # short heads explained by the caption; --wide spells them out
    flat = " ".join(text.split())
    assert "fight: fighting lately" in flat and "s.e.: shared enemy" in flat and "impl: what the rest" in flat
    assert "P(clash) = P(at least one direct armed clash between the two in the next month)" in flat
    wide = render(risk_table(risk, top=3, wide=True), width=300)
    assert "shared enemy" in wide and "fight: fighting" not in wide


def test_risk_table_fits_80_columns(risk):
    for line in render(risk_table(risk), width=80).splitlines():
        assert len(line) <= 80


def test_explanation_json_and_renderables(seed):
    ex = alliances.explain_risk(seed, "assad", "us_coalition")
    data = strict_json(explanation_json(ex))
    assert data["pair"]["a"] == "assad" and data["pair"]["b"] == "us_coalition"
    assert data["pair"]["p_clash"] == pytest.approx(ex.p_clash)
    assert "p_before" not in data["pair"]
    assert strict_json(explanation_json(ex, p_before=0.125))["pair"]["p_before"] == 0.125
    assert strict_json(explanation_json(ex, p_before=math.nan))["pair"]["p_before"] is None
    text = render(explanation_renderables(ex, p_before=0.125))
    assert f"Before the changes: P(clash) = 0.125; after: {ex.p_clash:.3f}." in text
    assert "Assad" in text and "factors" in text
    for r in ex.tornado.itertuples(index=False):
        assert f"{r.p_clash:.3f}" in text and f"{r.delta:+.3f}" in text


@pytest.fixture(scope="module")
def what_if(seed):
    after = alliances.what_if(seed, drop=["russia"], set=[("assad", "us_coalition", "ally")])
    changes = {"set": [["assad", "us_coalition", "ally"]], "drop": ["russia"], "add_theater": []}
    return alliances.compare_risk(seed, after), changes


def test_changes_json_counts_every_status_and_nulls_the_missing_side(what_if):
    diff, changes = what_if
    data = strict_json(changes_json(diff, changes))
    assert no_nan(data)
    assert data["changes"] == changes
    assert sum(data["summary"].values()) == len(data["pairs"]) == len(diff)
    assert data["summary"]["removed"] == 7  # russia's pairs with the seven others
    for p in data["pairs"]:
        assert p["a"] < p["b"]
        if p["status"] == "removed":
            assert p["p_after"] is None and p["change"] is None and p["stance_after"] is None
        else:
            assert p["change"] == pytest.approx(p["p_after"] - p["p_before"])


def test_changes_summary_and_table(what_if, seed):
    diff, changes = what_if
    names = {x: seed.actors[x].display for x in seed.actors}
    summary = changes_summary(diff, changes, names=names)
    assert summary.startswith("Dropping Russia removes its 7 pairs: ")
    changed = (diff["status"] == "changed").sum()
    assert f"Of the 21 pairs in both networks, {changed} changed risk." in summary
    # the hostile pairs next to the change that did not move are listed, with why
    assert "Hostile pairs next to a change whose risk did not move, and why:" in summary
    assert diff.attrs["unmoved"] and all(u["why"] in summary for u in diff.attrs["unmoved"][:8])
    text = render(changes_table(diff, top=5))
    assert f"Risk changes, the {min(5, changed)} largest of {changed}" in text
    assert "enemy -> ally" in text or "rival -> ally" in text
    assert changes_table(diff[diff["status"] != "changed"]) is None
