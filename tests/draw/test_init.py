"""The diagrams package: every kind renders cleanly through one entry point, into a figure or a caller's axes."""

from __future__ import annotations

import warnings

import networkx as nx
import pytest
from matplotlib.figure import Figure

import alliances
from alliances.draw import (
    KINDS,
    draw_figure,
    draw_matrix,
    draw_model,
    draw_network,
    draw_risk,
    draw_tornado,
    save_figure,
)
from alliances.errors import ParameterError, UnknownActorError
from tests.draw._scenarios import svg_texts


def _render(kind: str, net, risk):
    if kind == "network":
        return draw_network(net, risk=risk, top=3)
    if kind == "matrix":
        return draw_matrix(net)
    if kind == "risk":
        return draw_risk(net, risk=risk)
    if kind == "tornado":
        a, b = risk.iloc[len(risk) // 2][["a", "b"]]
        return draw_tornado((net, a, b))
    return draw_model()


# the model does not depend on the scenario: drawn once
CASES = [(kind, scenario) for kind in KINDS for scenario in ("seed", "random40", "two")
         if kind != "model" or scenario == "seed"]


@pytest.mark.parametrize(("kind", "scenario"), CASES)
def test_each_kind_renders_without_warnings(kind, scenario, nets, risks, tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = _render(kind, nets[scenario], risks[scenario])  # drawn here, under the warnings filter
        out = save_figure(fig, tmp_path / f"{kind}.svg")
        if scenario != "random40":  # rasterising 1,600 cell labels is slow; the SVG checks the drawing
            save_figure(fig, tmp_path / f"{kind}.png", dpi=60)
    assert out.stat().st_size > 2000
    if kind in ("network", "matrix", "risk"):
        texts = set(svg_texts(out))
        for actor in nets[scenario].actors.values():
            # the label (or the name) is one unbroken text element, searchable in the SVG
            assert actor.display in texts, actor.display


def test_every_kind_draws_into_a_callers_axes(nets, risks):
    net, risk = nets["seed"], risks["seed"]
    fig = Figure(figsize=(15, 8))
    axs = fig.subplots(2, 3)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert draw_network(net, ax=axs[0, 0], risk=risk, top=1) is fig
        assert draw_matrix(net, ax=axs[0, 1]) is fig
        assert draw_risk(net, ax=axs[0, 2], risk=risk) is fig
        assert draw_tornado((net, "russia", "us_coalition"), ax=axs[1, 0]) is fig
        assert draw_model(ax=axs[1, 1]) is fig
        g = nx.Graph([("a", "b", {"sign": 1}), ("b", "c", {"sign": -1})])
        assert draw_network(g, ax=axs[1, 2], factions=False) is fig
    # everything stays on the caller's axes: no figure-level text or legends were added
    assert not fig.texts and not fig.legends
    assert axs[0, 0].get_title(loc="left").startswith("Syria")


@pytest.mark.parametrize("kind", KINDS)
def test_draw_figure_draws_the_kind_asked_for(kind, nets):
    net = nets["two"]
    fig = draw_figure(net, kind, pair=("north", "south") if kind == "tornado" else None, width=6, height=4, dpi=50)
    assert isinstance(fig, Figure)
    assert fig.get_size_inches().tolist() == [6.0, 4.0] and fig.dpi == 50
    texts = [t.get_text() for t in fig.texts] + [ax.get_title(loc="left") for ax in fig.axes]
    expected = {"network": "Two actors", "matrix": "Two actors", "risk": "Risk of a direct clash",
                "tornado": "Northern Alliance \u2013 South", "model": "Risk model"}[kind]
    assert any(expected in t for t in texts), texts


def test_draw_figure_refuses_what_it_cannot_draw(nets):
    net = nets["two"]
    with pytest.raises(ParameterError, match="needs a pair"):
        draw_figure(net, "tornado")
    with pytest.raises(UnknownActorError):
        draw_figure(net, "tornado", pair=("north", "nobody"))
    with pytest.raises(ParameterError, match="unknown diagram kind 'pie'"):
        draw_figure(net, "pie")


def test_public_names_are_exported():
    import alliances.draw as draw

    assert sorted(draw.__all__) == draw.__all__
    for name in draw.__all__:
        assert getattr(draw, name) is not None
    for name in ("draw_matrix", "draw_model", "draw_network", "draw_risk", "draw_tornado", "save_figure"):
        assert getattr(alliances, name) is getattr(draw, name)


def test_network_and_matrix_compose_in_one_constrained_figure(nets, risks):
    """Side by side in one figure with a layout engine: nothing of one diagram reaches into the other."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    net = nets["seed"]
    fig = Figure(figsize=(13, 6), layout="constrained")
    FigureCanvasAgg(fig)
    ax1, ax2 = fig.subplots(1, 2)
    fig.suptitle("Syria, September 2017")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        draw_network(net, ax=ax1, risk=risks["seed"], top=2)
        draw_matrix(net, ax=ax2)
        fig.canvas.draw()
    renderer = fig.canvas.get_renderer()

    def extents(ax):
        out = []
        for artist in ax.get_children():
            if not artist.get_visible() or artist is ax.patch:
                continue
            box = artist.get_tightbbox(renderer) if hasattr(artist, "get_tightbbox") else \
                artist.get_window_extent(renderer)
            if box is not None and box.width > 0 and box.height > 0:
                out.append((artist, box))
        return out

    for mine, other in ((ax1, ax2), (ax2, ax1)):
        theirs = other.get_window_extent(renderer)
        for artist, box in extents(mine):
            assert not box.overlaps(theirs), artist
    # each legend and title stays within its own diagram's side, and the figure's title clear of both
    assert ax1.get_legend() is not None and ax1.get_legend().get_window_extent(renderer).x1 <= \
        ax1.get_window_extent(renderer).x1 + 0.5
    top = fig._suptitle.get_window_extent(renderer)
    for ax in (ax1, ax2):
        assert not top.overlaps(ax.get_tightbbox(renderer))
    assert ax1.get_title(loc="left").startswith("Syria")
