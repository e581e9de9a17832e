"""The most pixels and actors a diagram may have: checked before the memory or the work is taken."""

from __future__ import annotations

import pytest

import alliances
from alliances import Actor, AllianceNetwork
from alliances.draw import (
    DETAIL_MAX_ACTORS,
    KINDS,
    MAX_ACTORS,
    MAX_PIXELS,
    MAX_SIDE_PIXELS,
    actor_limit_view,
    check_pixels,
    draw_figure,
    draw_matrix,
)
from alliances.errors import ParameterError


def crowd(n: int) -> AllianceNetwork:
    return AllianceNetwork(f"{n} actors", actors=[Actor(f"a{i}", f"Actor {i}") for i in range(n)])


def test_pixel_limit_boundaries():
    assert MAX_PIXELS == 100_000_000 and MAX_SIDE_PIXELS == 65_535
    check_pixels(10_000, 10_000)  # exactly the limit
    check_pixels(65_535, 1_000)
    with pytest.raises(ParameterError, match="10,001 x 10,000 pixels"):
        check_pixels(10_001, 10_000)
    with pytest.raises(ParameterError, match="65,536 x 10 pixels"):  # few pixels, one side beyond Agg's reach
        check_pixels(65_536, 10)


def test_a_figure_too_large_to_rasterise_is_refused_before_drawing():
    # the canvas text is measured on would be 72,000 x 72,000 pixels: refused as it is made
    net = alliances.load("seeds/syria_2017.yaml")
    with pytest.raises(ParameterError, match="more than the limit of 100 megapixels"):
        draw_matrix(net, width=60, height=60, dpi=1200)


def test_actor_limits_by_kind():
    assert (DETAIL_MAX_ACTORS, MAX_ACTORS) == (60, 300)
    for kind in ("network", "matrix", "risk", "tornado"):
        assert actor_limit_view(kind, MAX_ACTORS) in ("actors", "camps")
        with pytest.raises(ParameterError, match=f"the {kind} diagram draws at most 300 actors and this scenario has 301"):
            actor_limit_view(kind, MAX_ACTORS + 1)
    assert actor_limit_view("model", 100_000) == "actors"  # the model diagram draws no actor
    assert [actor_limit_view("network", n) for n in (60, 61)] == ["actors", "camps"]
    assert actor_limit_view("matrix", 61) == "actors"


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "model"])
def test_draw_figure_refuses_too_many_actors_before_any_analysis(kind, monkeypatch):
    import alliances.draw._inputs as inputs
    import alliances.risk

    def no_work(*args, **kwargs):
        raise AssertionError("an analysis ran")

    monkeypatch.setattr(inputs, "compute_factions", no_work)
    monkeypatch.setattr(alliances.risk, "conflict_risk", no_work)  # imported by the draw code only when needed
    with pytest.raises(ParameterError, match="at most 300 actors and this scenario has 301"):
        draw_figure(crowd(301), kind, pair=("a0", "a1") if kind == "tornado" else None)
