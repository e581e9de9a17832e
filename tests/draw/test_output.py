"""Saving figures: the format from the extension, checked before any work; atomic; byte-for-byte reproducible."""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure

from alliances.draw import FORMATS, check_output_path, draw_model, draw_network, save_figure
from alliances.errors import OutputError


def test_check_output_path_formats_and_messages(tmp_path):
    assert FORMATS == {".png": "png", ".svg": "svg", ".pdf": "pdf"}
    assert check_output_path(tmp_path / "a.PDF") == (tmp_path / "a.PDF", "pdf")
    for name, why in [("a.jpg", "unknown extension '.jpg' (use .png, .svg or .pdf)"), ("a", "no extension"),
                      ("missing/a.png", "the folder"), (".", "")]:
        with pytest.raises(OutputError, match="cannot write") as info:
            check_output_path(tmp_path / name)
        assert why in str(info.value)
    (tmp_path / "d.svg").mkdir()
    with pytest.raises(OutputError, match="it is a folder"):
        check_output_path(tmp_path / "d.svg")


@pytest.mark.parametrize("bad", ["missing_folder/out.png", "out.jpg", "out", "out.SVGZ"])
def test_bad_output_path_is_a_clear_error_and_writes_nothing(bad, tmp_path):
    before = sorted(tmp_path.rglob("*"))
    with pytest.raises(OutputError, match="cannot write"):
        save_figure(draw_model(), tmp_path / bad)
    assert sorted(tmp_path.rglob("*")) == before


def test_svg_and_pdf_are_byte_identical_across_runs(seed, tmp_path):
    one, two = draw_network(seed), draw_network(seed)
    for ext in ("svg", "pdf"):
        a = save_figure(one, tmp_path / f"a.{ext}").read_bytes()
        b = save_figure(two, tmp_path / f"b.{ext}").read_bytes()
        assert a == b, ext
    # the date must not be in there
    assert b"CreationDate" not in (tmp_path / "a.pdf").read_bytes()
    assert b"<dc:date>" not in (tmp_path / "a.svg").read_bytes()


def test_png_size_follows_the_dpi(tmp_path):
    from PIL import Image

    fig = Figure(figsize=(3, 2), dpi=72)  # any figure, not only ours
    save_figure(fig, tmp_path / "a.png", dpi=50)
    save_figure(fig, tmp_path / "b.png")
    with Image.open(tmp_path / "a.png") as a, Image.open(tmp_path / "b.png") as b:
        assert a.size == (150, 100) and b.size == (216, 144)


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


def test_a_png_above_the_pixel_limit_is_refused_before_anything_is_written(tmp_path, monkeypatch):
    from alliances.errors import ParameterError

    fig = Figure(figsize=(60, 60), dpi=100)  # any figure; 72,000 x 72,000 pixels at 1200 dpi (20 GB)

    def never(*args, **kwargs):
        raise AssertionError("drawing started")

    monkeypatch.setattr(fig, "savefig", never)
    with pytest.raises(ParameterError, match=r"72,000 x 72,000 pixels \(5,184 megapixels\).*limit of 100 megapixels"):
        save_figure(fig, tmp_path / "big.png", dpi=1200)
    assert list(tmp_path.iterdir()) == []


def test_the_pixel_limit_is_a_png_limit(tmp_path):
    big = Figure(figsize=(60, 60), dpi=100)
    assert save_figure(big, tmp_path / "big.svg", dpi=1200).read_bytes().startswith(b"<?xml")  # no pixels
    assert save_figure(big, tmp_path / "big.pdf", dpi=1200).read_bytes().startswith(b"%PDF")
