"""Writing output files atomically: one mechanism for every file the package writes.

A file is written under a temporary name in the target's folder and renamed over the
target only when writing succeeded, so a failure never leaves a half-written file and
an existing file is replaced only on success. The new file gets the mode a plain
``open()`` would give it (or the mode of the file it replaces), not ``mkstemp``'s 0600.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from ..errors import OutputError

__all__ = ["YAML_FORMATS", "atomic_path", "output_format", "write_text_atomic"]

YAML_FORMATS = {".yaml": "yaml", ".yml": "yaml"}
"""Output extensions of the YAML files the package writes (scenarios, fragments, merges)."""


def output_format(path: str | os.PathLike[str], formats: Mapping[str, str]) -> tuple[Path, str]:
    """Check an output path before any work: its extension names a known format and its folder exists.

    Parameters
    ----------
    path : str or path-like
        The file to write.
    formats : mapping of extension to format name
        Extensions with their dot, lowercase (``{".png": "png", ".csv.gz": "csv"}``);
        the longest one the name ends with wins, case-insensitively.

    Returns
    -------
    (Path, str)
        The path and the format name its extension gives.

    Raises
    ------
    OutputError
        For an extension not in ``formats`` (the message lists them), a folder that does
        not exist, or a path that is a folder.

    Examples
    --------
    >>> output_format("net.SVG", {".png": "png", ".svg": "svg"})
    (PosixPath('net.SVG'), 'svg')
    >>> output_format("table.csv.gz", {".csv": "csv", ".csv.gz": "csv.gz"})[1]
    'csv.gz'
    >>> output_format("net.jpg", {".png": "png", ".svg": "svg", ".pdf": "pdf"})
    Traceback (most recent call last):
    ...
    alliances.errors.OutputError: cannot write 'net.jpg': unknown extension '.jpg' (use .png, .svg or .pdf)
    """
    target = Path(path)
    name = target.name.lower()
    matches = [ext for ext in formats if name.endswith(ext) and len(name) > len(ext)]
    if not matches:
        ext = target.suffix.lower()
        shown = f"unknown extension {ext!r}" if ext else "no extension"
        known = list(formats)
        choices = known[0] if len(known) == 1 else f"{', '.join(known[:-1])} or {known[-1]}"
        raise OutputError(f"cannot write {str(target)!r}: {shown} (use {choices})")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        why = "is not a folder" if folder.exists() else "does not exist"
        raise OutputError(f"cannot write {str(target)!r}: the folder {str(folder)!r} {why}")
    if target.is_dir():
        raise OutputError(f"cannot write {str(target)!r}: it is a folder")
    return target, formats[max(matches, key=len)]


@contextmanager
def atomic_path(path: str | os.PathLike[str], *, suffix: str = ".tmp") -> Iterator[str]:
    """Yield a temporary path next to ``path``; on success it is renamed onto ``path``.

    Parameters
    ----------
    path : str or path-like
        The file to write.
    suffix : str, optional
        Ending of the temporary name (some writers choose the format by extension).

    Raises
    ------
    OutputError
        When the folder does not exist or the file cannot be written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as d:
    ...     target = pathlib.Path(d) / "out.txt"
    ...     with atomic_path(target) as tmp:
    ...         _ = pathlib.Path(tmp).write_text("done")
    ...     target.read_text(), sorted(p.name for p in pathlib.Path(d).iterdir())
    ('done', ['out.txt'])
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"cannot write {str(target)!r}: the folder {str(folder)!r} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=suffix)
    except OSError as exc:
        raise OutputError(f"cannot write {str(target)!r}: {exc.strerror or exc}") from exc
    os.close(fd)
    try:
        yield tmp
        os.chmod(tmp, _file_mode(target))
        os.replace(tmp, target)
    except OSError as exc:
        raise OutputError(f"cannot write {str(target)!r}: {exc.strerror or exc}") from exc
    finally:
        Path(tmp).unlink(missing_ok=True)


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write UTF-8 text to a file, line endings untranslated, so that a failure never leaves it half-written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as d:
    ...     write_text_atomic(pathlib.Path(d) / "a.yaml", "x: 1\\n")
    ...     (pathlib.Path(d) / "a.yaml").read_text()
    'x: 1\\n'
    """
    with atomic_path(path) as tmp:
        Path(tmp).write_text(text, encoding="utf-8", newline="")  # line endings as given, on every platform


def _file_mode(target: Path) -> int:
    # mkstemp creates 0600 files; give the output the mode a plain open() would (or keep the old one's).
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
