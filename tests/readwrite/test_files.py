"""Atomic output files and the one output-format check."""

import os
import stat

import pytest

from alliances.errors import OutputError
from alliances.readwrite import YAML_FORMATS, atomic_path, output_format, write_text_atomic

FIGURES = {".png": "png", ".svg": "svg", ".pdf": "pdf"}


def test_output_format_by_extension_case_insensitive(tmp_path):
    assert output_format(tmp_path / "a.PNG", FIGURES) == (tmp_path / "a.PNG", "png")


def test_output_format_longest_extension_wins(tmp_path):
    formats = {".csv": "csv", ".csv.gz": "csv-gzip", ".gz": "other"}
    assert output_format(tmp_path / "t.csv.gz", formats)[1] == "csv-gzip"


@pytest.mark.parametrize("name, words", [("a.jpg", "unknown extension '.jpg' (use .png, .svg or .pdf)"),
                                          ("a", "no extension (use .png, .svg or .pdf)"),
                                          (".png", "no extension")])
def test_output_format_refuses_unknown_extensions(tmp_path, name, words):
    with pytest.raises(OutputError, match=words.replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")):
        output_format(tmp_path / name, FIGURES)


def test_output_format_refuses_missing_folder_and_folders(tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        output_format(tmp_path / "nope" / "a.yaml", YAML_FORMATS)
    (tmp_path / "d.yaml").mkdir()
    with pytest.raises(OutputError, match="it is a folder"):
        output_format(tmp_path / "d.yaml", YAML_FORMATS)


def test_atomic_path_leaves_old_file_on_failure(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        with open(tmp, "w") as fh:
            fh.write("half")
        raise RuntimeError("writer died")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_write_text_atomic_gives_ordinary_mode(tmp_path):
    target = tmp_path / "a.yaml"
    write_text_atomic(target, "x: 1\n")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    target.chmod(0o640)
    write_text_atomic(target, "x: 2\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and target.read_text() == "x: 2\n"
