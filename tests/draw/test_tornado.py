"""The tornado: one bar per factor, the largest swing on top, each end named, the pair named by its labels."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

import alliances
from alliances.draw import draw_tornado, tornado_bars
from tests._paths import SEED


def test_tornado_bars_by_hand():
    t = pd.DataFrame({"factor": ["f", "f", "g", "h"], "state": ["x", "y", "z", "w"], "p_clash": [0.1, 0.5, 0.25, 0.2]})
    bars = tornado_bars(t, 0.2, {"f": "mid", "g": "low"})
    assert [(b["factor"], b["low"], b["low_state"], b["high"], b["high_state"]) for b in bars] == [
        ("f", 0.1, "x", 0.5, "y"),
        ("g", 0.2, "low (now)", 0.25, "z"),
        ("h", 0.2, "now (now)", 0.2, "now (now)"),  # no other state moves it: both ends are now
    ]
    assert [b["swing"] for b in bars] == pytest.approx([0.4, 0.05, 0.0])


def test_tornado_largest_swing_on_top(seed):
    e = alliances.explain_risk(seed, "russia", "us_coalition")
    fig = draw_tornado(e, net=seed)
    ax = fig.axes[0]
    ticks = sorted(zip(ax.get_yticks(), [t.get_text() for t in ax.get_yticklabels()], strict=True), reverse=True)
    shown = [name for _, name in ticks]  # top to bottom
    swing = {}
    for factor, rows in e.tornado.groupby("factor"):
        ps = [*rows["p_clash"], e.p_clash]
        swing[factor.replace("_", " ")] = max(ps) - min(ps)
    assert shown == sorted(swing, key=lambda f: (-swing[f], f))
    assert [b["factor"] for b in tornado_bars(e.tornado, e.p_clash)][0] == "fighting"  # not stated: every level
    assert " ".join(ax.get_xlabel().split()) == e.horizon  # the axis says what P(clash) is about
    # the current value is a vertical line at P(clash) now
    assert any(list(line.get_xdata()) == [e.p_clash, e.p_clash] for line in ax.lines)


def test_tornado_from_an_explanation_alone_names_actors_by_label():
    net = alliances.load(SEED)
    fig = alliances.draw_tornado(alliances.explain_risk(net, "assad", "us_coalition"))
    heading = " ".join(t.get_text() for t in fig.texts)
    assert "Assad" in heading and "US coalition" in heading and "us_coalition" not in heading


def test_tornado_heading_and_title():
    e = SimpleNamespace(a="x", b="y", p_clash=0.2, factors={"stance": "rival"}, names={"x": "Ex", "y": "Why"},
                        tornado=pd.DataFrame({"factor": ["stance"], "state": ["enemy"], "p_clash": [0.4]}))
    fig = draw_tornado(e, title="Scenario line")
    assert [t.get_text() for t in fig.texts[:2]] == ["P(clash) Ex \u2013 Why now 0.20: what moves it", "Scenario line"]
    fig = draw_tornado(e, title=False)
    assert "Scenario line" not in [t.get_text() for t in fig.texts]


def test_tornado_refuses_what_it_cannot_read():
    with pytest.raises(TypeError, match="tuple"):
        draw_tornado(("net", "a"))
    with pytest.raises(TypeError, match="not int"):
        draw_tornado(3)
