"""Reading input text files: UTF-8, with a size limit checked while reading.

Every text file the package reads whole (scenarios, fragments, risk models, mappings,
articles, signed edge lists) is read by :func:`read_text_file`: a file larger than
:func:`max_file_bytes` (64 MB unless the ``ALLIANCES_MAX_FILE_MB`` environment variable
says otherwise) is refused, and never read further than the limit, so a device such as
``/dev/zero`` or an endless pipe is refused as soon as it has given that much.
"""

from __future__ import annotations

import os
import stat
from typing import Any

from ..errors import ParameterError, Problem, ScenarioError

__all__ = ["DEFAULT_MAX_FILE_MB", "MAX_FILE_ENV", "decode_text", "max_file_bytes", "oversize_message", "read_text_file"]

DEFAULT_MAX_FILE_MB = 64
"""Input files larger than this many megabytes (10**6 bytes) are refused unless :data:`MAX_FILE_ENV` says otherwise."""
MAX_FILE_ENV = "ALLIANCES_MAX_FILE_MB"
"""The environment variable that sets the input file limit, in megabytes."""
_CHUNK = 1 << 20


def max_file_bytes() -> int:
    """The largest input file read, in bytes: ``ALLIANCES_MAX_FILE_MB`` megabytes, 64 by default.

    Reading a YAML file takes a few times its size in memory (a scenario about ten
    times, see ``benchmarks/bench_load.py``), so the limit bounds what a file can cost.

    Returns
    -------
    int
        The limit in bytes (a megabyte is 10**6 bytes).

    Raises
    ------
    ParameterError
        When the environment variable is set to something other than a positive number.

    Examples
    --------
    >>> import os
    >>> os.environ[MAX_FILE_ENV] = "200"
    >>> max_file_bytes()
    200000000
    >>> del os.environ[MAX_FILE_ENV]
    >>> max_file_bytes()
    64000000
    """
    raw = os.environ.get(MAX_FILE_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_FILE_MB * 1_000_000
    try:
        megabytes = float(raw)
    except ValueError:
        megabytes = float("nan")
    if not 0 < megabytes < 1e9:
        raise ParameterError(f"{MAX_FILE_ENV} must be a number of megabytes greater than 0, not {raw!r}")
    return int(megabytes * 1_000_000)


def oversize_message(size: int | None, limit: int) -> str:
    """The problem of an input larger than ``limit`` bytes (``size``: None for a device or a pipe), with the way out.

    Examples
    --------
    >>> oversize_message(197_000_000, 64_000_000)
    'the file is 197.0 MB, over the 64 MB limit for input files: set ALLIANCES_MAX_FILE_MB to a larger number of megabytes to read it'
    """
    if size is None:
        what = f"gave more than {limit / 1e6:g} MB (it is a device or a pipe)"
    else:
        what = f"is {size / 1e6:.1f} MB" if size >= 100_000 else f"is {size:,} bytes"
    return (
        f"the file {what}, over the {limit / 1e6:g} MB limit for input files: "
        f"set {MAX_FILE_ENV} to a larger number of megabytes to read it"
    )


def read_text_file(
    path: str | os.PathLike[str],
    *,
    what: str = "file",
    error: type[ScenarioError] = ScenarioError,
    keep_bom: bool = False,
) -> str:
    """The text of a UTF-8 file; each failure an ``error`` naming the file.

    A file that is missing, a folder or unreadable gives a problem without a line; text
    that is not UTF-8 gives the line of the first bad byte. A file larger than
    :func:`max_file_bytes` is refused, and never read further than the limit: a device
    (``/dev/zero``) or a pipe is refused as soon as it has given that much.

    Parameters
    ----------
    path : str or path-like
        The file.
    what : str, optional
        The expected file, for the folder message ("is a folder, not a scenario file").
    error : type, optional
        The :class:`ScenarioError` subclass raised.
    keep_bom : bool, optional
        Keep a leading byte order mark as ``"\\ufeff"`` (to write the file back as it was);
        by default it is dropped.

    Returns
    -------
    str

    Raises
    ------
    ScenarioError
        Or ``error``: every failure, naming the file.

    Examples
    --------
    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     path = os.path.join(d, "big.yaml")
    ...     with open(path, "wb") as f:
    ...         _ = f.write(b"# " + b"x" * 2_000_000 + b"\\n")
    ...     os.environ[MAX_FILE_ENV] = "1"
    ...     try:
    ...         read_text_file(path)
    ...     except ScenarioError as err:
    ...         print(err.problems[0].message)
    ...     finally:
    ...         del os.environ[MAX_FILE_ENV]
    the file is 2.0 MB, over the 1 MB limit for input files: set ALLIANCES_MAX_FILE_MB to a larger number of megabytes to read it
    """
    name = os.fspath(path)
    limit = max_file_bytes()
    try:
        with open(name, "rb") as f:
            info = os.fstat(f.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError
            if stat.S_ISREG(info.st_mode) and info.st_size > limit:
                raise error(Problem(name, None, oversize_message(info.st_size, limit)))
            raw = _read_bounded(f, limit)
            if raw is None:
                size = info.st_size if stat.S_ISREG(info.st_mode) else None  # a file that grew while read
                raise error(Problem(name, None, oversize_message(size, limit)))
    except FileNotFoundError:
        raise error(Problem(name, None, "no such file")) from None
    except IsADirectoryError:
        raise error(Problem(name, None, f"is a folder, not a {what}")) from None
    except OSError as exc:
        raise error(Problem(name, None, f"cannot read: {exc.strerror or exc}")) from None
    return decode_text(raw, name, error=error, keep_bom=keep_bom)


def _read_bounded(f: Any, limit: int) -> bytes | None:
    """At most ``limit`` bytes from an open binary file, or None when it holds more."""
    buf = bytearray()
    while True:
        chunk = f.read(min(_CHUNK, limit + 1 - len(buf)))
        if not chunk:
            return bytes(buf)
        buf += chunk
        if len(buf) > limit:
            return None


def decode_text(
    raw: bytes, name: str, *, error: type[ScenarioError] = ScenarioError, keep_bom: bool = False
) -> str:
    """UTF-8 bytes as text (a leading byte order mark dropped unless ``keep_bom``), or ``error`` with the line of the first bad byte.

    Examples
    --------
    >>> decode_text(b"\\xef\\xbb\\xbfa: 1\\n", "f.yaml")
    'a: 1\\n'
    >>> try:
    ...     decode_text(b"a: 1\\nb: \\xff\\n", "f.yaml")
    ... except ScenarioError as err:
    ...     print(err)
    f.yaml:2: not valid UTF-8 text
    """
    try:
        return raw.decode("utf-8" if keep_bom else "utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise error(Problem(name, line, "not valid UTF-8 text")) from None
