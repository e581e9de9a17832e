"""The visual vocabulary: colours paired with a second cue, widths and opacities in range, text measured."""

from __future__ import annotations

import pytest
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure

from alliances import Stance
from alliances.draw._style import (
    FACTION_COLOURS,
    KIND_MARKERS,
    STANCE_ORDER,
    STANCE_STYLES,
    edge_alpha,
    edge_width,
    faction_colour,
    fit_text,
    new_figure,
    plain,
    renderer,
    text_colour_on,
    text_width_in,
)


def test_every_stance_and_kind_has_a_style():
    assert set(STANCE_STYLES) == set(STANCE_ORDER) == {s.value for s in Stance}
    from alliances import ActorKind

    assert set(KIND_MARKERS) == {k.value for k in ActorKind}
    # colour is never the only cue: stances of one colour differ by glyph or line style
    by_colour: dict[str, list] = {}
    for style in STANCE_STYLES.values():
        by_colour.setdefault(style.colour, []).append((style.glyph, style.linestyle))
    for cues in by_colour.values():
        assert len(set(cues)) == len(cues)


def test_widths_grow_with_weight_and_opacity_with_confidence():
    assert edge_width("ally", 0.0) == pytest.approx(0.9) and edge_width("ally", 1.0) == pytest.approx(3.2)
    assert edge_width("ally", 5.0) == edge_width("ally", 1.0)
    assert edge_width("neutral", 0.1) == edge_width("neutral", 1.0)
    assert edge_alpha(1.0) == pytest.approx(1.0) and edge_alpha(0.0) == pytest.approx(0.3)
    assert edge_alpha(0.5) < edge_alpha(0.9)


def test_faction_colours_cycle_and_grey_for_none():
    assert faction_colour(0) == FACTION_COLOURS[0]
    assert faction_colour(len(FACTION_COLOURS)) == FACTION_COLOURS[0]
    assert faction_colour(None) == faction_colour(-1) == "#DDDDDD"


@pytest.mark.parametrize("fill", ["#000000", "#FFFFFF", "#0072B2", "#D55E00", "#F4B183", *FACTION_COLOURS])
def test_text_colour_has_the_better_contrast(fill):
    def lum(rgb):
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    bg = lum(to_rgb(fill))
    contrast = {"white": (1.05) / (bg + 0.05), "black": (bg + 0.05) / 0.05}
    # the chosen ink reads at least 3:1 (WCAG large text) on the fill
    assert contrast[text_colour_on(fill)] >= 3.0


def test_text_width_measures_the_widest_line():
    one = text_width_in("Alliance", 10.0)
    assert 0.4 < one < 0.9  # eight characters at 10 points
    assert text_width_in("Alliance\nA", 10.0) == one
    assert text_width_in("Alliance", 20.0) == pytest.approx(2 * one, rel=0.02)
    assert text_width_in("", 10.0) == 0.0


def test_fit_text_shrinks_then_wraps():
    assert fit_text("Short", 5.0) == ("Short", 12.0)
    text, size = fit_text("A title a little too long", text_width_in("A title a little too long", 12.0) * 0.9)
    assert "\n" not in text and 9.0 <= size < 12.0
    text, size = fit_text("A rather long title " * 4, 3.0)
    assert size == 9.0 and text.replace("\n", " ") == ("A rather long title " * 4).strip()
    # the wrap width is a character count estimated from the average glyph: lines come out close to it
    assert all(text_width_in(line, size) <= 3.0 * 1.1 for line in text.split("\n"))


def test_plain_escapes_dollars_only():
    assert plain("US$ 5m <b>") == "US\\$ 5m <b>"


def test_renderer_for_our_figures_and_a_callers():
    ours = new_figure(2, 1, dpi=100)
    assert type(ours.canvas).__name__ == "BoundedCanvasAgg"  # Agg, refusing rasters above the pixel limit
    assert renderer(ours) is renderer(ours)  # the canvas's own, reused
    theirs = Figure(figsize=(2, 1))
    assert renderer(theirs) is not None
    sub = Figure().subfigures(1, 2)[0]
    assert renderer(sub) is not None
