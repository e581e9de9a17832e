"""The risk model's diagram: columns by depth, arrows kept short, boxes styled by role."""

from __future__ import annotations

import itertools
import random
from types import SimpleNamespace as NS

import pytest

from alliances.draw import draw_model, legend_labels, model_layers


def _crossings(layers, edges):
    pos = {v: (x, y) for x, layer in enumerate(layers) for y, v in enumerate(layer)}
    n = 0
    for (p1, c1), (p2, c2) in itertools.combinations(edges, 2):
        if pos[p1][0] == pos[p2][0] and pos[c1][0] == pos[c2][0] and pos[c1][0] == pos[p1][0] + 1:
            n += (pos[p1][1] - pos[p2][1]) * (pos[c1][1] - pos[c2][1]) < 0
    return n


def test_layers_by_hand():
    assert model_layers(["a", "b", "c", "d"], [("a", "c"), ("b", "c"), ("c", "d")]) == [["a", "b"], ["c"], ["d"]]
    # a root whose only child is deep moves right, next to its child ("as late as possible")
    assert model_layers(["a", "b", "c", "x"], [("a", "b"), ("b", "c"), ("x", "c")]) == [["a"], ["b", "x"], ["c"]]
    # file order would cross p-s and q-r; the right-to-left sweep orders the roots by their
    # children (r above s), so q goes above p and nothing crosses
    layers = model_layers(["p", "q", "r", "s"], [("p", "s"), ("q", "r")])
    assert layers == [["q", "p"], ["r", "s"]]
    assert _crossings(layers, [("p", "s"), ("q", "r")]) == 0


def test_cycle_is_an_error():
    with pytest.raises(ValueError, match="cycle"):
        model_layers(["a", "b"], [("a", "b"), ("b", "a")])


def test_random_dags_every_arrow_points_right():
    rng = random.Random(3)
    for _ in range(50):
        nodes = [f"n{i}" for i in range(rng.randint(1, 9))]
        edges = [(u, v) for i, u in enumerate(nodes) for v in nodes[i + 1:] if rng.random() < 0.3]
        layers = model_layers(nodes, edges)
        column = {v: x for x, layer in enumerate(layers) for v in layer}
        assert sorted(column) == sorted(nodes) and all(layers)
        assert all(column[u] < column[v] for u, v in edges)


def test_draw_model_boxes_and_legend():
    m = NS(name="Toy", nodes={
        "x": NS(id="x", states=("no", "yes"), parents=(), kind="factor"),
        "hidden_state": NS(id="hidden_state", states=("low", "high"), parents=("x",), kind="latent"),
        "clash": NS(id="clash", states=("no", "yes"), parents=("hidden_state",), kind="outcome"),
    })
    fig = draw_model(m)
    ax = fig.axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert {"x", "hidden state", "clash"} <= set(texts)
    assert "low \u00b7 high" in texts  # states joined, underscores as spaces
    assert len(ax.patches) == 3
    assert legend_labels(fig) == ["observed factor of a pair", "hidden variable", "outcome: P(clash)"]
    assert ax.get_title(loc="left") == "Risk model: Toy"
    fig = draw_model(m, states=False, title=False)
    assert [t.get_text() for t in fig.axes[0].texts if t.get_text() and "\u00b7" in t.get_text()] == []
    assert fig.axes[0].get_title(loc="left") == ""


def test_draw_model_default_is_the_shipped_model():
    fig = draw_model()
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert {"stance", "clash"} <= texts
