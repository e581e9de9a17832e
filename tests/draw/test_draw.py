"""Diagrams: every kind renders cleanly; labels are real text; legends match; output is reproducible and safe."""

from __future__ import annotations

import random
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import matplotlib
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import alliances
from alliances._network import AllianceNetwork
from alliances._records import Actor, Relation
from alliances.draw import draw_matrix, draw_model, draw_network, draw_risk, draw_tornado, save_figure
from alliances.draw._inputs import analysis
from alliances.draw._matrix import actor_order, matrix_cells
from alliances.draw._network import legend_labels
from alliances.draw._tornado import tornado_bars
from alliances.errors import OutputError
from tests._paths import SEED

matplotlib.use("Agg")


KINDS = ("state", "coalition", "armed_group", "militia", "international_org", "other")


def random_network(n: int = 40, seed: int = 1) -> AllianceNetwork:
    """Four hidden camps; ties mostly friendly inside and hostile across, some noise, long names."""
    rng = random.Random(seed)
    actors = [
        Actor(f"a{i:02d}", f"Armed actor number {i}" if i % 3 else f"Group {i}", rng.choice(KINDS),
              label=None if i % 4 else f"G{i}")
        for i in range(n)
    ]
    camp = [rng.randrange(4) for _ in range(n)]
    rels = []
    for i in range(n):
        for j in range(i + 1, n):
            if rng.random() < 0.12:
                same = camp[i] == camp[j]
                stance = rng.choice(["ally", "friendly", "ambivalent"] if same else ["enemy", "rival", "neutral"])
                if rng.random() < 0.1:
                    stance = rng.choice(["ally", "enemy", "neutral", "ambivalent"])
                rels.append(Relation((actors[i].id, actors[j].id), stance, confidence=rng.choice([1.0, 1.0, 0.6])))
    return AllianceNetwork(f"Random scenario ({n} actors)", actors=actors, relations=rels)


def two_actors() -> AllianceNetwork:
    return alliances.loads("""
scenario: Two actors
actors:
  - {id: north, name: Northern Alliance, kind: coalition}
  - {id: south, name: Southern Front, label: South, kind: armed_group}
relations:
  - {actors: [north, south], stance: enemy}
""")


SCENARIOS = {"seed": lambda: alliances.load(SEED), "random40": random_network, "two": two_actors}


@pytest.fixture(scope="module")
def nets():
    return {name: make() for name, make in SCENARIOS.items()}


@pytest.fixture(scope="module")
def risks(nets):
    return {name: alliances.conflict_risk(net) for name, net in nets.items()}


@pytest.fixture(scope="module")
def network_figs(nets, risks):
    """Each scenario's network diagram with the risk overlay, drawn once for several tests."""
    return {name: draw_network(net, risk=risks[name], top=3) for name, net in nets.items()}


def _render(kind: str, net, risk, network_fig=None):
    if kind == "network":
        return network_fig if network_fig is not None else draw_network(net, risk=risk, top=3)
    if kind == "matrix":
        return draw_matrix(net)
    if kind == "risk":
        return draw_risk(net, risk=risk)
    if kind == "tornado":
        a, b = risk.iloc[len(risk) // 2][["a", "b"]]
        return draw_tornado((net, a, b))
    return draw_model()


def _svg_texts(path: Path) -> list[str]:
    root = ET.parse(path).getroot()
    return ["".join(el.itertext()) for el in root.iter("{http://www.w3.org/2000/svg}text")]


@pytest.mark.parametrize("scenario", list(SCENARIOS))
@pytest.mark.parametrize("kind", ["network", "matrix", "risk", "tornado", "model"])
def test_each_kind_renders_without_warnings(kind, scenario, nets, risks, tmp_path):
    if kind == "model" and scenario != "seed":
        pytest.skip("the model does not depend on the scenario")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = _render(kind, nets[scenario], risks[scenario])  # drawn here, under the warnings filter
        out = save_figure(fig, tmp_path / f"{kind}.svg")
        if scenario != "random40":  # rasterising 1,600 cell labels is slow; the SVG checks the drawing
            save_figure(fig, tmp_path / f"{kind}.png", dpi=60)
    assert out.stat().st_size > 2000
    if kind in ("network", "matrix", "risk"):
        texts = set(_svg_texts(out))
        for actor in nets[scenario].actors.values():
            # the label (or the name) is one unbroken text element, searchable in the SVG
            assert actor.display in texts, actor.display


def test_labels_do_not_overlap_each_other_or_nodes(nets, network_figs):
    for name in ("seed", "random40", "two"):
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
        # node markers: a circle of the marker's radius around each node, in pixels
        for coll in ax.collections:
            if not hasattr(coll, "get_sizes") or not len(coll.get_offsets()) or coll.get_sizes().size == 0:
                continue
            if type(coll).__name__ != "PathCollection":
                continue
            centres = ax.transData.transform(coll.get_offsets())
            radii = np.sqrt(coll.get_sizes()) / 2 * fig.dpi / 72 * 0.85
            for (cx, cy), r in zip(centres, np.broadcast_to(radii, len(centres)), strict=True):
                for box in boxes:
                    nx_ = min(max(cx, box.x0), box.x1)
                    ny_ = min(max(cy, box.y0), box.y1)
                    assert (nx_ - cx) ** 2 + (ny_ - cy) ** 2 > r * r, (name, cx, cy, box)


def _expected_network_legend(net, camps, *, risk: bool, size: str = "ties") -> list[str]:
    g = net.graph
    stances = {d["stance"] for _, _, d in g.edges(data=True)}
    out = [s for s in ("ally", "friendly", "neutral", "ambivalent", "rival", "enemy") if s in stances]
    if any(d["confidence"] < 1 for _, _, d in g.edges(data=True)):
        out.append("lighter: less certain")
    if risk:
        out.append("P(clash), top 2 not at war")
    names = {"armed_group": "armed group", "international_org": "international organisation", "other": "other actor"}
    kinds = {str(a.kind) for a in net.actors.values()}
    out += [names.get(k, k) for k in KINDS if k in kinds]
    for camp in camps:
        first = net.actors[min(camp, key=list(net.actors).index)].display  # the first in file order
        out.append(f"camp of {first}" + (f" (+{len(camp) - 1})" if len(camp) > 1 else ""))
    if camps and sum(map(len, camps)) < len(net.actors):
        out.append("in no camp")
    return out


def test_network_legend_lists_exactly_the_styles_used(nets, risks):
    net = nets["seed"]
    camps = [["assad", "hezbollah", "iran", "russia", "shiite_militias"], ["syrian_rebels", "us_coalition"],
             ["islamic_state"]]
    fig = draw_network(net, factions=camps, risk=risks["seed"], top=2)
    assert legend_labels(fig) == _expected_network_legend(net, camps, risk=True)
    assert {"ally", "rival", "enemy"} <= set(legend_labels(fig))
    assert "neutral" not in legend_labels(fig) and "ambivalent" not in legend_labels(fig)
    # an actor left out of every camp gets a grey fill, and the legend says what grey means
    fig = draw_network(net, factions=camps[:2], risk=risks["seed"], top=2)
    assert legend_labels(fig) == _expected_network_legend(net, camps[:2], risk=True)
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


def test_matrix_legend_and_cells(nets):
    net = nets["seed"]
    implied = alliances.implied_relations(net)
    fig = draw_matrix(net, implied=implied)
    cells = matrix_cells(net, list(net.actors), implied)
    stances = {s for s, guessed in cells.values() if not guessed and s != "unknown"}
    glyph = {"ally": "++", "friendly": "+", "neutral": "0", "ambivalent": "\u00b1", "rival": "\u2212",
             "enemy": "\u2212\u2212"}
    expected = [f"{glyph[s]} {s}" for s in glyph if s in stances]
    if any(s == "unknown" for s, _ in cells.values()):
        expected.append("? unknown")
    expected += [f"{glyph[s]} {s}, implied by balance" for s in glyph
                 if any(g and st == s for st, g in cells.values())]
    assert legend_labels(fig) == expected
    # every recorded relation appears twice (both triangles), every implied one too
    assert sum(1 for s, g in cells.values() if not g and s != "unknown") == 2 * len(net.active_relations)
    assert sum(1 for _, g in cells.values() if g) == 2 * len(implied)
    assert cells[("russia", "us_coalition")] == (implied.set_index(["a", "b"]).loc[("russia", "us_coalition"),
                                                                                    "stance"], True)


def test_matrix_and_heatmap_share_the_faction_order(nets, risks):
    net = nets["seed"]
    f = analysis("factions")(net)
    order = actor_order(net, f.camp_of())
    labels = [net.actors[v].display for v in order]
    for fig in (draw_matrix(net, factions=f, implied=False), draw_risk(net, risk=risks["seed"], factions=f)):
        ax = fig.axes[0]
        assert [t.get_text() for t in ax.get_yticklabels()] == labels
        assert [t.get_text() for t in ax.get_xticklabels()] == labels
    # faction order: each camp's members are contiguous
    camp = [f.camp_of()[v] for v in order]
    assert camp == sorted(camp)


def test_heatmap_annotates_every_pair(nets, risks):
    net, risk = nets["seed"], risks["seed"]
    fig = draw_risk(net, risk=risk)
    values = sorted(t.get_text() for t in fig.axes[0].texts)
    expected = sorted(f"{p:.2f}"[1:] for p in risk["p_clash"] for _ in range(2))
    assert values == expected


def test_tornado_largest_swing_on_top(nets):
    net = nets["seed"]
    e = alliances.explain_risk(net, "russia", "us_coalition")
    fig = draw_tornado(e, net=net)
    ax = fig.axes[0]
    ticks = sorted(zip(ax.get_yticks(), [t.get_text() for t in ax.get_yticklabels()], strict=True), reverse=True)
    shown = [name for _, name in ticks]  # top to bottom
    swing = {}
    for factor, rows in e.tornado.groupby("factor"):
        ps = [*rows["p_clash"], e.p_clash]
        swing[factor.replace("_", " ")] = max(ps) - min(ps)
    assert shown == sorted(swing, key=lambda f: (-swing[f], f))
    assert [b["factor"] for b in tornado_bars(e.tornado, e.p_clash)][0] == "stance"


def test_figures_use_results_they_are_handed(nets, monkeypatch):
    import importlib

    def boom(*args, **kwargs):
        raise AssertionError("an analysis was recomputed")

    for name in ("factions", "implied_relations", "signed_degree"):
        monkeypatch.setattr(importlib.import_module(alliances._LAZY[name]), name, boom)
    net = nets["two"]
    draw_network(net, factions=[["north"], ["south"]], centrality={"north": 1, "south": 2})
    draw_matrix(net, factions={"north": 0, "south": 1}, implied=False)
    with pytest.raises(AssertionError, match="recomputed"):
        draw_network(net)


def test_svg_and_pdf_are_byte_identical_across_runs(nets, tmp_path):
    net = nets["seed"]
    one, two = draw_network(net), draw_network(net)
    for ext in ("svg", "pdf"):
        a = save_figure(one, tmp_path / f"a.{ext}").read_bytes()
        b = save_figure(two, tmp_path / f"b.{ext}").read_bytes()
        assert a == b, ext
    # the date must not be in there
    assert b"CreationDate" not in (tmp_path / "a.pdf").read_bytes()
    assert b"<dc:date>" not in (tmp_path / "a.svg").read_bytes()


def test_cli_svg_identical_across_processes(tmp_path):
    # one file from a fresh process (the command line), one from this process (the library)
    out = tmp_path / "cli.svg"
    code = f"from alliances.cli import main; raise SystemExit(main(['draw', {str(SEED)!r}, '-o', {str(out)!r}]))"
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    here = save_figure(draw_network(alliances.load(SEED)), tmp_path / "here.svg")
    assert out.read_bytes() == here.read_bytes()
    assert b">US coalition</text>" in out.read_bytes()


@pytest.mark.parametrize("bad", ["missing_folder/out.png", "out.jpg", "out", "out.SVGZ"])
def test_bad_output_path_is_a_clear_error_and_writes_nothing(bad, tmp_path):
    from alliances.cli import main

    before = sorted(tmp_path.rglob("*"))
    target = tmp_path / bad
    with pytest.raises(OutputError, match="cannot write"):
        save_figure(draw_model(), target)
    assert main(["draw", str(SEED), "-o", str(target)]) == 2
    assert sorted(tmp_path.rglob("*")) == before


def test_failed_save_keeps_the_old_file_and_leaves_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "fig.png"
    target.write_bytes(b"old")
    fig = draw_model()

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(fig, "savefig", broken)
    with pytest.raises(RuntimeError):
        save_figure(fig, target)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fig.png"]


def test_cli_png_has_the_requested_size_and_is_not_blank(tmp_path, capsys):
    from PIL import Image

    from alliances.cli import main

    out = tmp_path / "net.png"
    assert main(["draw", str(SEED), "-o", str(out), "--width", "6", "--height", "4", "--dpi", "100"]) == 0
    with Image.open(out) as im:
        im.verify()
    with Image.open(out) as im:
        assert im.format == "PNG"
        assert im.size == (600, 400)
        px = np.asarray(im.convert("RGB"), dtype=int)
    ink = (px.sum(axis=2) < 600).mean()  # share of clearly non-white pixels
    assert 0.03 < ink < 0.8
    assert len(np.unique(px.reshape(-1, 3), axis=0)) > 50
    assert "wrote" in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["matrix", "risk", "model"])
def test_cli_other_kinds(kind, tmp_path):
    from alliances.cli import main

    out = tmp_path / f"{kind}.pdf"
    assert main(["draw", str(SEED), "--kind", kind, "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")


def test_cli_tornado_needs_a_known_pair(tmp_path, capsys):
    from alliances.cli import main

    out = tmp_path / "t.svg"
    assert main(["draw", str(SEED), "--kind", "tornado", "-o", str(out)]) == 2
    assert main(["draw", str(SEED), "--kind", "tornado", "--pair", "russia", "usa", "-o", str(out)]) == 2
    assert "unknown actor 'usa'" in capsys.readouterr().err
    assert not out.exists()
    assert main(["draw", str(SEED), "--kind", "tornado", "--pair", "russia", "us_coalition", "-o", str(out)]) == 0
    assert "Russia \u2013 US coalition" in "".join(_svg_texts(out))


def test_cli_does_not_import_matplotlib_until_drawing():
    code = "import sys, alliances.cli; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_figure_shows_inline_in_jupyter(nets):
    fig = draw_network(nets["two"], factions=False, centrality=False)
    assert fig._repr_png_().startswith(b"\x89PNG")
    assert isinstance(alliances.draw_network(nets["two"], factions=False), matplotlib.figure.Figure)


def test_every_kind_draws_into_a_callers_axes(nets, risks):
    from matplotlib.figure import Figure

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
        import networkx as nx

        g = nx.Graph([("a", "b", {"sign": 1}), ("b", "c", {"sign": -1})])
        assert draw_network(g, ax=axs[1, 2], factions=False) is fig
    # everything stays on the caller's axes: no figure-level text or legends were added
    assert not fig.texts and not fig.legends
    assert axs[0, 0].get_title(loc="left").startswith("Syria")


def test_labels_with_dollars_and_markup_stay_verbatim(tmp_path):
    net = AllianceNetwork("Money & <power>", actors=[
        Actor("a", "Fund of $5 and $6", "other"), Actor("b", "B & <C>", "state", label="B&C <x>"),
    ], relations=[Relation(("a", "b"), "rival")])
    for draw in (draw_network, draw_matrix):
        out = save_figure(draw(net, factions=False, **({"implied": False} if draw is draw_matrix else {})),
                          tmp_path / f"{draw.__name__}.svg")
        texts = _svg_texts(out)
        assert "Fund of $5 and $6" in texts and "B&C <x>" in texts
        assert any(t.startswith("Money & <power>") for t in texts)


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
    legend = legend_labels(fig)
    assert legend == _expected_network_legend(net, [c for c in _camps_of(net)], risk=False)


def _camps_of(net):
    f = analysis("factions")(net)
    isolated = set(f.isolated)
    return [[v for v in camp if v not in isolated] for camp in f.camps if any(v not in isolated for v in camp)]


def test_tornado_from_an_explanation_alone_names_actors_by_label():
    import alliances

    net = alliances.load(SEED)
    fig = alliances.draw_tornado(alliances.explain_risk(net, "assad", "us_coalition"))
    heading = " ".join(t.get_text() for t in fig.texts)
    assert "Assad" in heading and "US coalition" in heading and "us_coalition" not in heading
