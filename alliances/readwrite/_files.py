"""Writing output files atomically: one mechanism for every file the package writes.

A file is written under a temporary name in the target's folder and renamed over the
target only when writing succeeded, so a failure never leaves a half-written file and
an existing file is replaced only on success; the temporary file never outlives the
write, interrupted or not. The new file gets the mode a plain ``open()`` would give it
(or the mode of the regular file it replaces), not ``mkstemp``'s 0600. A symbolic link is
written through (its target replaced, the link kept); a device or a pipe is refused.
"""

from __future__ import annotations

import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

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

    The temporary file is removed whatever happens: an error, Ctrl-C, or a termination
    signal the program turns into an exception (the command line does, for SIGTERM and
    SIGHUP); a second Ctrl-C during the removal waits until it is done. A ``path`` that is
    a symbolic link is written through: the file it points to is replaced, the link kept.
    The new file gets the mode of the regular file it replaces, or else the mode a plain
    ``open()`` gives (``0666`` less the umask), never ``mkstemp``'s 0600 nor the mode of
    whatever a link pointed at.

    Parameters
    ----------
    path : str or path-like
        The file to write.
    suffix : str, optional
        Ending of the temporary name (some writers choose the format by extension).

    Raises
    ------
    OutputError
        When the folder does not exist, the file cannot be written, ``path`` is a device,
        a pipe or anything else that is not a regular file, or a link loop.

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
    shown = str(path)
    target = _write_target(Path(path), shown)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"cannot write {shown!r}: the folder {str(folder)!r} does not exist")
    tmp: str | None = None
    try:
        with _signals_deferred():  # a signal now is taken once tmp is known, so it is removed
            try:
                fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=suffix)
            except OSError as exc:
                raise OutputError(f"cannot write {shown!r}: {exc.strerror or exc}") from exc
            os.close(fd)
        yield tmp
        os.chmod(tmp, _file_mode(target))
        os.replace(tmp, target)
    except OSError as exc:
        raise OutputError(f"cannot write {shown!r}: {exc.strerror or exc}") from exc
    finally:
        if tmp is not None:
            with _signals_deferred():
                Path(tmp).unlink(missing_ok=True)


def _write_target(target: Path, shown: str) -> Path:
    """The file to replace: ``target``, or the file a link at ``target`` points to; a regular file or none."""
    if target.is_symlink():
        try:
            target = target.resolve()
        except (OSError, RuntimeError) as exc:  # a loop: RuntimeError before Python 3.13
            raise OutputError(f"cannot write {shown!r}: a symbolic link that leads nowhere ({exc})") from exc
    try:
        mode = target.stat().st_mode
    except OSError:
        return target  # nothing there yet: created
    if not stat.S_ISREG(mode):
        what = "a folder" if stat.S_ISDIR(mode) else "not a regular file (a device, a pipe or a socket)"
        raise OutputError(f"cannot write {shown!r}: it is {what}")
    return target


@contextmanager
def _signals_deferred() -> Iterator[None]:
    """Ctrl-C, SIGTERM and SIGHUP wait until the block is done, then act as they would have.

    Only Python-level handlers (Ctrl-C's KeyboardInterrupt, a handler that raises) are
    deferred, and only in the main thread, where Python runs them; a signal left at its
    default action still ends the process at once.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous: dict[int, Any] = {}
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None and callable(signal.getsignal(sig)):
            previous[sig] = signal.signal(sig, lambda signum, frame: received.append(signum))
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if received:
            previous[received[0]](received[0], None)


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
    # mkstemp creates 0600 files; give the output the mode a plain open() would, or keep the
    # permissions of the regular file it replaces (never a device's, never setuid/setgid/sticky).
    try:
        st = target.stat()
        if stat.S_ISREG(st.st_mode):
            return stat.S_IMODE(st.st_mode) & 0o777
    except OSError:
        pass
    return 0o666 & ~_umask()


def _umask() -> int:
    # read where the system shows it, without os.umask's moment of a zero umask for other threads
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o22)
    os.umask(mask)
    return mask
