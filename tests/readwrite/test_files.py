"""Atomic output files and the one output-format check."""

import os
import signal
import stat
from pathlib import Path

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


def test_atomic_path_leaves_no_temporary_file_on_ctrl_c(tmp_path):
    target = tmp_path / "out.txt"
    with pytest.raises(KeyboardInterrupt), atomic_path(target) as tmp:
        with open(tmp, "w") as fh:
            fh.write("half")
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_a_signal_during_cleanup_waits_until_the_temporary_file_is_gone(tmp_path, monkeypatch):
    # Ctrl-C again while the temporary file is being removed: it is removed, then the interrupt goes on
    real_unlink = Path.unlink

    def unlink_under_ctrl_c(self, missing_ok=False):
        os.kill(os.getpid(), signal.SIGINT)
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink_under_ctrl_c)
    with pytest.raises(KeyboardInterrupt), atomic_path(tmp_path / "out.txt") as tmp:
        Path(tmp).write_text("half")
        raise RuntimeError("writer died")
    assert list(tmp_path.iterdir()) == []


def test_writing_through_a_symlink_replaces_its_target_and_keeps_the_link(tmp_path):
    real = tmp_path / "real.yaml"
    real.write_text("old")
    real.chmod(0o640)
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    write_text_atomic(link, "new")
    assert link.is_symlink() and link.resolve() == real
    assert real.read_text() == "new" and stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.yaml", "real.yaml"]


def test_a_dangling_symlink_creates_its_target_with_the_ordinary_mode(tmp_path):
    link = tmp_path / "link.yaml"
    link.symlink_to(tmp_path / "sub" / "new.yaml")
    with pytest.raises(OutputError, match="does not exist"):
        write_text_atomic(link, "x")
    (tmp_path / "sub").mkdir()
    write_text_atomic(link, "x")
    mask = os.umask(0)
    os.umask(mask)
    created = tmp_path / "sub" / "new.yaml"
    assert created.read_text() == "x" and stat.S_IMODE(created.stat().st_mode) == 0o666 & ~mask
    assert link.is_symlink()


@pytest.mark.parametrize("kind", ["device", "fifo", "loop"])
def test_a_device_a_pipe_or_a_link_loop_is_refused(tmp_path, kind):
    link = tmp_path / "out.yaml"
    if kind == "device":
        link.symlink_to("/dev/null")
    elif kind == "fifo":
        os.mkfifo(link)
    else:
        link.symlink_to(tmp_path / "other.yaml")
        (tmp_path / "other.yaml").symlink_to(link)
    before = sorted(tmp_path.iterdir())
    with pytest.raises(OutputError, match=r"cannot write '.*out\.yaml'"):
        write_text_atomic(link, "x")
    assert sorted(tmp_path.iterdir()) == before
    if kind == "device":
        assert link.is_symlink() and os.readlink(link) == "/dev/null"
