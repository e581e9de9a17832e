"""Save a figure to .png, .svg or .pdf: atomically, and byte-for-byte reproducibly.

The format comes from the file's extension. The file is written to a temporary file in
the same folder and renamed over the target only once complete, so a failure never
leaves a half-written file and an existing file is replaced only on success. SVG and
PDF carry no creation date and use a fixed hash salt for their element ids, so the same
figure gives the same bytes in every run and every process; SVG keeps text as text.
"""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
from matplotlib.figure import Figure

from .._checks import check_instance, check_number, check_path
from ..readwrite import atomic_path, output_format
from ._limits import FORMATS, check_pixels
from ._style import MAX_DPI, MIN_DPI, RC

__all__ = ["check_output_path", "save_figure"]

_METADATA = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None},
}


def check_output_path(path: str | os.PathLike[str]) -> tuple[Path, str]:
    """The output path and its format, or :class:`~alliances.errors.OutputError`.

    Checked before any drawing, so a bad path costs nothing and writes nothing.

    Examples
    --------
    >>> check_output_path("syria.svg")
    (PosixPath('syria.svg'), 'svg')
    >>> check_output_path("syria.jpg")
    Traceback (most recent call last):
    ...
    alliances.errors.OutputError: cannot write 'syria.jpg': unknown extension '.jpg' (use .png, .svg or .pdf)
    """
    return output_format(path, FORMATS)


def save_figure(fig: Figure, path: str | os.PathLike[str], *, dpi: float | None = None) -> Path:
    """Write ``fig`` to ``path`` (.png, .svg or .pdf) atomically and reproducibly.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure (any matplotlib figure, not only ours).
    path : str or path-like
        The output file; its extension chooses the format. Its folder must exist.
    dpi : float, optional
        Resolution of PNG output (default: the figure's own dpi). A PNG is
        ``width x dpi`` by ``height x dpi`` pixels.

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    OutputError
        Unknown extension, missing folder, or the file cannot be written; no file is left behind.
    ParameterError
        A PNG above :data:`alliances.draw.MAX_PIXELS` (checked before anything is
        drawn or written).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from matplotlib.figure import Figure
    >>> fig = Figure(figsize=(2, 1), dpi=100)
    >>> with tempfile.TemporaryDirectory() as d:
    ...     out = save_figure(fig, pathlib.Path(d) / "f.svg")
    ...     out.read_bytes()[:5]
    b'<?xml'
    """
    check_instance(fig, Figure, "fig", "a matplotlib Figure")
    check_path(path, "path")
    check_number(dpi, "dpi", low=MIN_DPI, high=MAX_DPI, optional=True)
    target, fmt = check_output_path(path)
    if fmt == "png":
        w_in, h_in = fig.get_size_inches()
        px = dpi if dpi is not None else fig.dpi
        check_pixels(w_in * px, h_in * px, dpi=px)
    with atomic_path(target) as tmp, open(tmp, "wb") as fh, matplotlib.rc_context(RC):
        fig.savefig(
            fh,
            format=fmt,
            dpi=dpi if dpi is not None else fig.dpi,
            metadata=_METADATA[fmt],
        )
    return target
