"""The network diagram: labels clear of each other and of markers, a legend of exactly what is drawn, plain text."""

from __future__ import annotations

import warnings

import matplotlib
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import alliances
from alliances import Actor, AllianceNetwork, Relation
from alliances.draw import draw_network, legend_labels, save_figure
from tests.draw._scenarios import KINDS, random_network, svg_texts


@pytest.fixture(scope="module")
def network_figs(nets, risks):
    """Each scenario's network diagram with the risk overlay, drawn once for several tests."""
    return {name: draw_network(net, risk=risks[name], top=3) for name, net in nets.items()}


def _marker_circles(ax, fig):
    """(centre, radius) in pixels of every node marker (a circle a little inside the marker)."""
    out = []
    for coll in ax.collections:
        if type(coll).__name__ != "PathCollection" or not len(coll.get_offsets()) or coll.get_sizes().size == 0:
            continue
        centres = ax.transData.transform(coll.get_offsets())
        radii = np.sqrt(coll.get_sizes()) / 2 * fig.dpi / 72 * 0.85
        out += list(zip(map(tuple, centres), np.broadcast_to(radii, len(centres)), strict=True))
    return out


@pytest.mark.parametrize("name", ["seed", "random40", "two"])
def test_labels_do_not_overlap_each_other_or_nodes(name, nets, network_figs):
    net = nets[name]
    fig = network_figs[name]
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    labels = {t.get_text(): t.get_window_extent(renderer) for t in ax.texts}
    # actor labels and the risk values drawn on the highlighted pairs
    boxes = [labels[a.display] for a in net.actors.values()]
    boxes += [b for text, b in labels.items() if text.startswith("0.")]
    for i, b1 in enumerate(boxes):
        for b2 in boxes[i + 1:]:
            assert not b1.overlaps(b2), (name, b1, b2)
    for (cx, cy), r in _marker_circles(ax, fig):
        for box in boxes:
            nx_ = min(max(cx, box.x0), box.x1)
            ny_ = min(max(cy, box.y0), box.y1)
            assert (nx_ - cx) ** 2 + (ny_ - cy) ** 2 > r * r, (name, cx, cy, box)


def test_risk_overlay_marks_the_riskiest_pairs_not_at_war(nets, risks, network_figs):
    net, risk = nets["seed"], risks["seed"]
    ax = network_figs["seed"].axes[0]
    at_peace = risk[[net.stance(a, b) is None or net.stance(a, b).value != "enemy"
                     for a, b in zip(risk["a"], risk["b"], strict=True)]]
    top3 = at_peace.sort_values(["p_clash", "a", "b"], ascending=[False, True, True]).head(3)
    shown = sorted(t.get_text() for t in ax.texts if t.get_text().startswith("0."))
    assert shown == sorted(f"{p:.2f}" for p in top3["p_clash"])


def expected_legend(net, camps, *, risk: bool, no_camp: str = "no signed tie") -> list[str]:
    """The legend's entries, a camp entry as "camp" (checked apart by camp_named)."""
    g = net.graph
    stances = {d["stance"] for _, _, d in g.edges(data=True)}
    out = [s for s in ("ally", "friendly", "neutral", "ambivalent", "rival", "enemy") if s in stances]
    if any(d["confidence"] < 1 for _, _, d in g.edges(data=True)):
        out.append("lighter: less certain")
    if risk:
        out.append("P(clash): the 2 riskiest not at war")
    names = {"armed_group": "armed group", "international_org": "international organisation", "other": "other actor"}
    kinds = {str(a.kind) for a in net.actors.values()}
    out += [names.get(k, k) for k in KINDS if k in kinds]
    out += ["camp"] * len(camps)
    if camps and sum(map(len, camps)) < len(net.actors):
        out.append(no_camp)
    return out


def camp_named(label: str, camp: list[str], net) -> bool:
    """Whether a legend entry names this camp: its members (or the first ones and how many more)."""
    shown = {net.actors[v].display for v in camp}
    if label.endswith(" (on its own)"):
        return len(camp) == 1 and label[:-len(" (on its own)")].rstrip("\u2026") in next(iter(shown))
    head, _, more = label.partition(" + ")
    named = head.split(", ")
    count = len(named) + (int(more.split()[0]) if more else 0)
    return count == len(camp) and all(any(s.startswith(n.rstrip("\u2026")) for s in shown) for n in named)


def _check_legend(fig, net, camps, **kw) -> None:
    labels, expected = legend_labels(fig), expected_legend(net, camps, **kw)
    assert len(labels) == len(expected)
    entries = iter(camps)
    for got, want in zip(labels, expected, strict=True):
        if want == "camp":
            assert camp_named(got, next(entries), net), got
        else:
            assert got == want


def test_network_legend_lists_exactly_the_styles_used(nets, risks):
    net = nets["seed"]
    camps = [["assad", "hezbollah", "iran", "russia", "shiite_militias"], ["syrian_rebels", "us_coalition"],
             ["islamic_state"]]
    fig = draw_network(net, factions=camps, risk=risks["seed"], top=2)
    _check_legend(fig, net, camps, risk=True)
    assert {"ally", "rival", "enemy"} <= set(legend_labels(fig))
    assert "neutral" not in legend_labels(fig) and "ambivalent" not in legend_labels(fig)
    # camps named so a reader knows who is in them: the best-tied members first
    assert "Assad, Hezbollah + 3 more" in legend_labels(fig) and "IS (on its own)" in legend_labels(fig)
    # an actor left out of every camp (though it has signed ties) gets a grey fill, and the legend says so
    fig = draw_network(net, factions=camps[:2], risk=risks["seed"], top=2)
    _check_legend(fig, net, camps[:2], risk=True, no_camp="in no camp")
    assert legend_labels(fig)[-1] == "in no camp"
    # another scenario: neutral and ambivalent ties only, all stated, one kind, no factions
    other = alliances.loads("""
scenario: Quiet
actors:
  - {id: a, name: A, kind: state}
  - {id: b, name: B, kind: state}
  - {id: c, name: C, kind: state}
relations:
  - {actors: [a, b], stance: neutral}
  - {actors: [b, c], stance: ambivalent}
""")
    fig = draw_network(other, factions=False, centrality=False)
    assert legend_labels(fig) == ["neutral", "ambivalent", "state"]


def test_legend_swatches_look_like_the_lines(nets):
    """Each tie entry is drawn in its stance's colour and dash; "lighter" in the tie colours used, lighter."""
    from matplotlib.colors import to_rgba

    from alliances.draw._style import STANCE_STYLES

    net = nets["seed"]  # ally, rival (some implied, confidence < 1) and enemy ties
    fig = draw_network(net, factions=False, centrality=False)
    leg = fig.legends[0]
    handles = dict(zip([t.get_text() for t in leg.get_texts()], leg.legend_handles, strict=True))
    for stance in ("ally", "rival", "enemy"):
        assert to_rgba(handles[stance].get_color()) == to_rgba(STANCE_STYLES[stance].colour)
    less = {d["stance"] for _, _, d in net.graph.edges(data=True) if d["confidence"] < 1}
    assert less == {"rival", "enemy"}  # the seed's implied ties: all vermillion
    # the "lighter" swatch: the colour of each stance drawn lighter somewhere, itself lighter (no grey stand-in)
    swatch = [line for line in leg._legend_handle_box.findobj(matplotlib.lines.Line2D)
              if len(to_rgba(line.get_color())) == 4 and to_rgba(line.get_color())[3] < 1]
    assert len(swatch) == len(less)
    assert {to_rgba(line.get_color())[:3] for line in swatch} == {to_rgba(STANCE_STYLES[s].colour)[:3] for s in less}
    assert legend_labels(fig)[3] == "lighter: less certain"


def test_figure_shows_inline_in_jupyter(nets):
    fig = draw_network(nets["two"], factions=False, centrality=False)
    assert fig._repr_png_().startswith(b"\x89PNG")
    assert isinstance(alliances.draw_network(nets["two"], factions=False), matplotlib.figure.Figure)


def test_labels_with_dollars_and_markup_stay_verbatim(tmp_path):
    net = AllianceNetwork("Money & <power>", actors=[
        Actor("a", "Fund of $5 and $6", "other"), Actor("b", "B & <C>", "state", label="B&C <x>"),
    ], relations=[Relation(("a", "b"), "rival")])
    out = save_figure(draw_network(net, factions=False), tmp_path / "network.svg")
    texts = svg_texts(out)
    assert "Fund of $5 and $6" in texts and "B&C <x>" in texts
    assert any(t.startswith("Money & <power>") for t in texts)


def test_no_title_no_legend_no_sources_when_asked(nets):
    fig = draw_network(nets["seed"], title=False, legend=False, sources=False, factions=False, centrality=False)
    assert fig.legends == [] and fig.texts == []
    fig = draw_network(nets["seed"], title="Mine", factions=False, centrality=False)
    texts = [t.get_text() for t in fig.texts]
    assert texts[0] == "Mine"
    assert " ".join(texts[1:]).replace("\n", " ").startswith(
        'Sources: Reuters, "Syrian army reaches troops besieged by Islamic State in Deir al-Zor", 2017-09-05; '
        'Uppsala Conflict Data Program')


def _camps_of(net):
    f = alliances.factions(net)
    isolated = set(f.isolated)
    return [[v for v in camp if v not in isolated] for camp in f.camps if any(v not in isolated for v in camp)]


@settings(max_examples=8, deadline=None)
@given(st.integers(2, 14), st.integers(0, 10_000))
def test_random_small_scenarios_draw_cleanly(n, seed):
    """Any small scenario: no warnings, no label on another label or on a marker."""
    net = random_network(n, seed)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = draw_network(net)
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.texts if t.get_text() in
             {a.display for a in net.actors.values()}]
    assert len(boxes) == n
    for i, b1 in enumerate(boxes):
        assert not any(b1.overlaps(b2) for b2 in boxes[i + 1:])
    _check_legend(fig, net, _camps_of(net), risk=False)


def test_an_actor_with_no_signed_tie_is_drawn_in_no_camp():
    """Grey, outside every camp's hull, and the legend says why: as alliances balance reports it."""
    from matplotlib.colors import to_hex

    from tests.report.test_balance import QUIET

    net = alliances.loads(QUIET)
    fig = draw_network(net)
    assert legend_labels(fig)[-1] == "no signed tie"
    ax = fig.axes[0]
    fills = {}
    for coll in ax.collections:
        if type(coll).__name__ == "PathCollection":
            for xy, colour in zip(coll.get_offsets(), coll.get_facecolors(), strict=True):
                fills[tuple(np.round(xy, 6))] = to_hex(colour)
    quiet = [t for t in ax.texts if t.get_text() == "Quietland"]
    assert len(quiet) == 1 and "#dddddd" in fills.values()
    assert sum(1 for c in fills.values() if c == "#dddddd") == 1
