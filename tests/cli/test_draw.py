"""``alliances draw``: every kind, the size asked for, the same bytes as the library, errors before any work."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

import alliances
from alliances.cli import main
from alliances.draw import draw_network, save_figure
from tests._paths import SEED
from tests.draw._scenarios import svg_texts


def test_cli_svg_identical_across_processes(tmp_path):
    # one file from a fresh process (the command line), one from this process (the library)
    out = tmp_path / "cli.svg"
    code = f"from alliances.cli import main; raise SystemExit(main(['draw', {str(SEED)!r}, '-o', {str(out)!r}]))"
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    here = save_figure(draw_network(alliances.load(SEED)), tmp_path / "here.svg")
    assert out.read_bytes() == here.read_bytes()
    assert b">US coalition</text>" in out.read_bytes()


@pytest.mark.parametrize("bad", ["missing_folder/out.png", "out.jpg", "out", "out.SVGZ"])
def test_bad_output_path_exits_2_and_writes_nothing(bad, tmp_path, capsys):
    before = sorted(tmp_path.rglob("*"))
    assert main(["draw", str(SEED), "-o", str(tmp_path / bad)]) == 2
    assert "cannot write" in capsys.readouterr().err
    assert sorted(tmp_path.rglob("*")) == before


def test_png_has_the_requested_size_and_is_not_blank(tmp_path, capsys):
    from PIL import Image

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
    err = capsys.readouterr().err
    assert err == f"wrote {out} (network, 600x400 px)\n"


@pytest.mark.parametrize("kind", ["matrix", "risk", "model"])
def test_other_kinds(kind, tmp_path, capsys):
    out = tmp_path / f"{kind}.pdf"
    assert main(["draw", str(SEED), "--kind", kind, "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert capsys.readouterr().err.startswith(f"wrote {out} ({kind}, ")


def test_tornado_needs_a_known_pair(tmp_path, capsys):
    out = tmp_path / "t.svg"
    assert main(["draw", str(SEED), "--kind", "tornado", "-o", str(out)]) == 2
    assert main(["draw", str(SEED), "--kind", "tornado", "--pair", "russia", "usa", "-o", str(out)]) == 2
    assert "unknown actor 'usa'" in capsys.readouterr().err
    assert not out.exists()
    assert main(["draw", str(SEED), "--kind", "tornado", "--pair", "russia", "us_coalition", "-o", str(out)]) == 0
    assert "Russia \u2013 US coalition" in "".join(svg_texts(out))


@pytest.mark.parametrize(("args", "message"), [
    (["--pair", "russia", "assad"], "--pair is only used with --kind tornado"),
    (["--kind", "matrix", "--top", "2"], "--top is only used with --kind network"),
    (["--dpi", "5"], "--dpi"),
])
def test_options_that_do_not_go_together_exit_2(args, message, tmp_path, capsys):
    out = tmp_path / "x.svg"
    assert main(["draw", str(SEED), "-o", str(out), *args]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_cli_does_not_import_matplotlib_until_drawing():
    code = "import sys, alliances.cli; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_network_diagram_loads_only_what_it_uses(tmp_path):
    """The seed's network: no pandas, pgmpy or graph-search library, none of the other diagrams' modules, no
    risk model, no other command's code (each costs a twentieth of a second or more of a cold ``alliances draw``)."""
    out = tmp_path / "net.svg"
    code = ("import sys; from alliances.cli import main; code = main(['draw', sys.argv[1], '-o', sys.argv[2]]); "
            "from matplotlib.lines import Line2D; print('Properties:' in (Line2D.set.__doc__ or ''), "
            "' '.join(sorted(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", code, str(SEED), str(out)], capture_output=True, text=True,
                          check=True)
    setter_docs, *modules = done.stdout.split()
    assert setter_docs == "False"  # matplotlib was spared writing them (a tenth of a second)
    loaded = set(modules)
    assert out.exists() and "matplotlib.figure" in loaded  # it drew, with matplotlib
    unused = {"pandas", "pgmpy", "scipy.sparse.csgraph", "scipy.spatial", "scipy.cluster", "alliances.draw._backtest",
              "alliances.draw._matrix", "alliances.draw._viewdata", "alliances.draw._tornado", "alliances.draw._model",
              "alliances.risk", "alliances.events", "alliances.cli._risk", "alliances.cli._events"}
    assert sorted(unused & loaded) == []


def test_a_scenario_mistake_is_told_before_matplotlib_loads(tmp_path):
    """A mistyped file name comes back in a quarter of a second, not after loading the drawing library."""
    code = ("import sys; from alliances.cli import main; code = main(['draw', sys.argv[1], '-o', sys.argv[2]]); "
            "print(code, 'matplotlib' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "missing.yaml"), str(tmp_path / "x.png")],
                          capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["2", "False"] and "missing.yaml: no such file" in done.stderr


def test_kind_choices_are_the_diagram_kinds():
    from alliances.cli._draw import Kind
    from alliances.draw import KINDS

    assert tuple(k.value for k in Kind) == KINDS


@pytest.mark.parametrize(("size", "inches"), [("column", (3.5, None)), ("page", (6.5, None)), ("slide", (13.3, 7.5))])
def test_size_presets(size, inches, tmp_path, capsys):
    from PIL import Image

    out = tmp_path / f"{size}.png"
    assert main(["draw", str(SEED), "-o", str(out), "--size", size, "--dpi", "50"]) == 0
    with Image.open(out) as im:
        w, h = im.size
    assert w == round(inches[0] * 50)
    if inches[1] is not None:
        assert h == round(inches[1] * 50)
    # a width overrides the preset's
    assert main(["draw", str(SEED), "-o", str(out), "--size", "slide", "--width", "10", "--dpi", "50"]) == 0
    with Image.open(out) as im:
        assert im.size == (500, round(7.5 * 50))
    assert main(["draw", str(SEED), "-o", str(out), "--size", "poster"]) == 2
    assert "poster" in capsys.readouterr().err


def test_many_actors_are_drawn_by_camp_and_the_command_says_so(tmp_path, capsys):
    from tests.draw._scenarios import random_network, scenario_yaml

    scenario = tmp_path / "big.yaml"
    scenario.write_text(scenario_yaml(random_network(70, 3)))
    out = tmp_path / "big.svg"
    assert main(["draw", str(scenario), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "70 actors, more than 60: the network is drawn by camp" in err
    texts = svg_texts(out)
    assert any("70 actors, drawn as" in t for t in texts)  # the figure says so too
    assert not any(t == "Armed actor number 5" for t in texts)  # no actor drawn one by one


def test_actors_with_no_signed_tie_are_named(tmp_path, capsys):
    from tests.report.test_balance import QUIET

    scenario = tmp_path / "quiet.yaml"
    scenario.write_text(QUIET)
    assert main(["draw", str(scenario), "-o", str(tmp_path / "q.svg")]) == 0
    assert "note: no signed tie, so in no camp (drawn grey): Quietland" in capsys.readouterr().err


def scenario_of(n: int, path):
    """A scenario file of n actors in a chain of alternating ties (quick to write and to load)."""
    lines = ["scenario: Crowd", "actors:"]
    lines += [f"  - {{id: a{i:03d}, name: Actor {i}, kind: state}}" for i in range(n)]
    lines.append("relations:")
    lines += [f"  - {{actors: [a{i:03d}, a{i + 1:03d}], stance: {'ally' if i % 2 else 'enemy'}}}" for i in range(n - 1)]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_too_many_pixels_is_refused_before_the_scenario_is_read(tmp_path, capsys, monkeypatch):
    from alliances.cli import _draw

    def never(path):
        raise AssertionError("the scenario was read")

    monkeypatch.setattr(_draw, "load_scenario", never)
    out = tmp_path / "x.png"
    assert main(["draw", str(SEED), "-o", str(out), "--dpi", "1200", "--width", "60", "--height", "60"]) == 2
    err = capsys.readouterr().err
    assert err == ("alliances: a 60 x 60 in figure at 1200 dpi is 72,000 x 72,000 pixels (5,184 megapixels): more than "
                   "the limit of 100 megapixels and 65,535 pixels a side; lower the dpi or the size, or write .svg or "
                   ".pdf\n")
    assert list(tmp_path.iterdir()) == []
    # a named size too: a slide is 13.3 x 7.5 in
    assert main(["draw", str(SEED), "-o", str(out), "--size", "slide", "--dpi", "1200"]) == 2
    assert "a 13.3 x 7.5 in figure at 1200 dpi is 15,960 x 9,000 pixels" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_dpi_is_for_png_only(tmp_path, capsys):
    low, high = tmp_path / "low.svg", tmp_path / "high.svg"
    assert main(["draw", str(SEED), "-o", str(low), "--kind", "matrix"]) == 0
    assert main(["draw", str(SEED), "-o", str(high), "--kind", "matrix", "--dpi", "1200"]) == 0
    assert low.read_bytes() == high.read_bytes()


@pytest.mark.parametrize("kind", ["network", "matrix", "risk", "tornado"])
def test_more_actors_than_a_diagram_draws_exit_2_before_any_work(kind, tmp_path, capsys, monkeypatch):
    import alliances.analysis

    def no_work(*args, **kwargs):
        raise AssertionError("the factions were computed")

    monkeypatch.setattr(alliances.analysis, "factions", no_work)
    crowd = scenario_of(301, tmp_path / "crowd.yaml")
    pair = ["--pair", "a000", "a001"] if kind == "tornado" else []
    assert main(["draw", str(crowd), "--kind", kind, "-o", str(tmp_path / "x.svg"), *pair]) == 2
    assert capsys.readouterr().err == (
        f"alliances: the {kind} diagram draws at most 300 actors and this scenario has 301: draw a smaller scenario "
        "(fewer actors), or get the numbers with alliances risk --json or alliances balance --json\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["crowd.yaml"]
    if kind == "network":  # the interactive view too
        assert main(["draw", str(crowd), "-o", str(tmp_path / "x.html")]) == 2
        assert "at most 300 actors and this scenario has 301" in capsys.readouterr().err
    # the model diagram draws no actor
    assert main(["draw", str(crowd), "--kind", "model", "-o", str(tmp_path / "m.svg")]) == 0


def test_time_limit_reaches_the_factions_and_an_unproven_result_says_so(tmp_path, capsys, monkeypatch):
    import dataclasses

    import alliances.analysis

    asked = []
    real = alliances.analysis.factions

    def stopped_early(net, **kwargs):
        asked.append(kwargs)
        return dataclasses.replace(real(net, **kwargs), optimal=False, gap=0.25, method="exact")

    monkeypatch.setattr(alliances.analysis, "factions", stopped_early)
    out = tmp_path / "m.svg"
    assert main(["draw", str(SEED), "--kind", "matrix", "-o", str(out), "--time-limit", "2.5"]) == 0
    assert asked == [{"time_limit": 2.5}]
    err = capsys.readouterr().err
    assert err.startswith(f"wrote {out} (matrix, ") and err.endswith(
        " in; camps: best found within 2.5 s, gap 25%, not proven optimal (--time-limit for longer))\n")
    assert main(["draw", str(SEED), "-o", str(out)]) == 0
    assert asked[-1] == {"time_limit": 5.0}  # the default keeps a diagram quick


@pytest.mark.parametrize("value", ["nan", "inf", "-1"])
def test_time_limit_must_be_finite_seconds(value, tmp_path, capsys):
    assert main(["draw", str(SEED), "-o", str(tmp_path / "x.svg"), "--time-limit", value]) == 2
    assert "--time-limit" in capsys.readouterr().err and list(tmp_path.iterdir()) == []
