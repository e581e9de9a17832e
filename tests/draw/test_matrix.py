"""The stance matrix: actors in faction order, one glyph per pair, implied stances hatched, a legend of what is used."""

from __future__ import annotations

import itertools

import alliances
from alliances import Actor, AllianceNetwork, Relation
from alliances.draw import actor_order, draw_matrix, legend_labels, matrix_cells, save_figure
from tests.draw._scenarios import svg_texts

GLYPH = {"ally": "++", "friendly": "+", "neutral": "0", "ambivalent": "\u00b1", "rival": "\u2212",
         "enemy": "\u2212\u2212"}


def test_actor_order_camps_first_largest_first_file_order_inside():
    net = AllianceNetwork("T", actors=[Actor(i, i.upper()) for i in "abcdef"])
    assert actor_order(net, {}) == list("abcdef")
    assert actor_order(net, {"e": 0, "b": 0, "a": 1, "f": 2}) == ["b", "e", "a", "f", "c", "d"]


def test_matrix_cells_brute_force(nets):
    net = nets["random40"]
    order = list(reversed(net.actors))
    cells = matrix_cells(net, order)
    assert len(cells) == len(order) * (len(order) - 1)
    for a, b in itertools.permutations(order, 2):
        stance = net.stance(a, b)
        assert cells[(a, b)] == ((stance.value if stance else "unknown"), False)


def test_matrix_legend_and_cells(nets):
    net = nets["seed"]
    implied = alliances.implied_relations(net)
    fig = draw_matrix(net, implied=implied)
    cells = matrix_cells(net, list(net.actors), implied)
    stances = {s for s, guessed in cells.values() if not guessed and s != "unknown"}
    expected = [f"{GLYPH[s]} {s}" for s in GLYPH if s in stances]
    if any(s == "unknown" for s, _ in cells.values()):
        expected.append("? unknown")
    expected += [f"{GLYPH[s]} {s}, implied by balance" for s in GLYPH
                 if any(g and st == s for st, g in cells.values())]
    assert legend_labels(fig) == expected
    # every recorded relation appears twice (both triangles), every implied one too
    assert sum(1 for s, g in cells.values() if not g and s != "unknown") == 2 * len(net.active_relations)
    assert sum(1 for _, g in cells.values() if g) == 2 * len(implied)
    assert cells[("russia", "us_coalition")] == (implied.set_index(["a", "b"]).loc[("russia", "us_coalition"),
                                                                                    "stance"], True)


def test_each_pair_shows_its_glyph_twice():
    net = AllianceNetwork("T", actors=[Actor(i, i.upper()) for i in "abc"],
                          relations=[Relation(("a", "b"), "ally"), Relation(("b", "c"), "rival")])
    fig = draw_matrix(net, factions=False, implied=False)
    glyphs = sorted(t.get_text() for t in fig.axes[0].texts)
    assert glyphs == sorted(["++", "++", "\u2212", "\u2212", "?", "?"])
    assert legend_labels(fig) == ["++ ally", "\u2212 rival", "? unknown"]


def test_names_with_dollars_and_markup_stay_verbatim(tmp_path):
    net = AllianceNetwork("Money & <power>", actors=[
        Actor("a", "Fund of $5 and $6", "other"), Actor("b", "B & <C>", "state", label="B&C <x>"),
    ], relations=[Relation(("a", "b"), "rival")])
    texts = svg_texts(save_figure(draw_matrix(net, factions=False, implied=False), tmp_path / "m.svg"))
    assert "Fund of $5 and $6" in texts and "B&C <x>" in texts
    assert any(t.startswith("Money & <power>") for t in texts)
