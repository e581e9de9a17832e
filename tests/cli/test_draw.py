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
