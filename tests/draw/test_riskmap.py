"""The risk heatmap: every pair annotated, the matrix's order, wars framed, a colour scale."""

from __future__ import annotations

import numpy as np
import pandas as pd

import alliances
from alliances import Actor, AllianceNetwork, Relation
from alliances.draw import actor_order, draw_matrix, draw_risk, risk_matrix


def test_risk_matrix_is_symmetric_with_nan_where_unknown():
    net = AllianceNetwork("T", actors=[Actor(i, i) for i in "abcd"])
    risk = pd.DataFrame({"a": ["a", "b", "a", "x"], "b": ["b", "c", "a", "a"], "p_clash": [0.25, 0.5, 0.9, 0.7]})
    M = risk_matrix(net, ["d", "c", "b", "a"], risk)
    assert M.shape == (4, 4)
    np.testing.assert_array_equal(M, M.T)
    assert M[3, 2] == 0.25 and M[2, 1] == 0.5  # a-b and b-c
    assert np.isnan(np.diag(M)).all()  # the pair (a, a) is left out
    assert np.isnan(M[0]).all()  # d has no pair; x is not in the order


def test_heatmap_annotates_every_pair(nets, risks):
    net, risk = nets["seed"], risks["seed"]
    fig = draw_risk(net, risk=risk)
    values = sorted(t.get_text() for t in fig.axes[0].texts)
    expected = sorted(f"{p:.2f}"[1:] for p in risk["p_clash"] for _ in range(2))
    assert values == expected
    # a colour bar, and the note on framed cells (the seed has wars)
    # the colour bar says what the probability is about, on a fixed 0-1 scale
    assert len(fig.axes) == 2 and " ".join(fig.axes[1].get_ylabel().split()) == risk.attrs["horizon"]
    assert fig.axes[1].get_ylim() == (0.0, 1.0)
    assert any("already" in t.get_text() for t in fig.texts)


def test_only_enemies_are_framed():
    net = AllianceNetwork("T", actors=[Actor(i, i.upper()) for i in "abc"],
                          relations=[Relation(("a", "b"), "enemy"), Relation(("b", "c"), "rival")])
    risk = pd.DataFrame({"a": ["a", "a", "b"], "b": ["b", "c", "c"], "p_clash": [0.6, 0.1, 0.3]})
    fig = draw_risk(net, risk=risk, factions=False)
    assert [len(c.get_paths()) for c in _frames(fig)] == [2]  # a-b, in both triangles
    # without a war there is neither frame nor note
    peace = AllianceNetwork("T", actors=net.actors.values(), relations=[Relation(("b", "c"), "rival")])
    fig = draw_risk(peace, risk=risk, factions=False)
    assert _frames(fig) == []
    assert not any("already" in t.get_text() for t in fig.texts)


def _frames(fig):
    """The collections of unfilled squares drawn on the cells."""
    return [c for c in fig.axes[0].collections
            if len(c.get_paths()) and (c.get_facecolor().size == 0 or c.get_facecolor()[0][3] == 0)]


def test_matrix_and_heatmap_share_the_faction_order(nets, risks):
    net = nets["seed"]
    f = alliances.factions(net)
    order = actor_order(net, f.camp_of())
    labels = [net.actors[v].display for v in order]
    for fig in (draw_matrix(net, factions=f, implied=False), draw_risk(net, risk=risks["seed"], factions=f)):
        ax = fig.axes[0]
        assert [t.get_text() for t in ax.get_yticklabels()] == labels
        assert [t.get_text() for t in ax.get_xticklabels()] == labels
    # faction order: each camp's members are contiguous
    camp = [f.camp_of()[v] for v in order]
    assert camp == sorted(camp)
