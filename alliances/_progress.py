"""Progress reporting: one callback type for every long computation, and one terminal renderer.

Library functions that take long (all-pairs risk, backtests, event aggregation) accept
``progress``: a :data:`ProgressCallback` called as ``progress(done, total)``, or a bool.
They never draw anything themselves; :func:`terminal_progress` is the one place a bar is
drawn (on stderr, only when it is a terminal), used by the CLI and by ``progress=True``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from ._checks import check_progress

__all__ = ["ProgressCallback", "ProgressLike", "terminal_progress", "using_progress"]

ProgressCallback = Callable[[int, int], None]
"""Called as ``progress(done, total)`` as work advances (``total`` may grow)."""

ProgressLike = bool | ProgressCallback | None
"""What a ``progress=`` parameter accepts: a callback, True for a terminal bar, False or None for none."""


@contextmanager
def terminal_progress(description: str, *, enabled: bool | None = None) -> Iterator[ProgressCallback | None]:
    """A transient progress bar on stderr, yielding its ``update(done, total)`` callback.

    Parameters
    ----------
    description : str
        The words before the bar.
    enabled : bool, optional
        Draw the bar; by default only when stderr is a terminal. When not drawn,
        ``None`` is yielded.

    Examples
    --------
    >>> with terminal_progress("counting", enabled=False) as update:
    ...     update is None
    True
    """
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                  TimeElapsedColumn(), console=Console(file=sys.stderr), transient=True) as bar:
        task = bar.add_task(description, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


@contextmanager
def using_progress(progress: ProgressLike, description: str) -> Iterator[ProgressCallback | None]:
    """Turn a ``progress=`` argument into a callback or None, for the length of a computation.

    Parameters
    ----------
    progress : callable, bool or None
        A callback is used as it is; True draws :func:`terminal_progress` (when stderr
        is a terminal); False or None reports nothing.
    description : str
        The bar's words when ``progress`` is True.

    Examples
    --------
    >>> seen = []
    >>> with using_progress(lambda done, total: seen.append((done, total)), "x") as cb:
    ...     cb(1, 2)
    >>> seen
    [(1, 2)]
    >>> with using_progress(False, "x") as cb:
    ...     cb is None
    True
    """
    if progress is None or progress is False:
        yield None
    elif progress is True:
        with terminal_progress(description) as update:
            yield update
    elif callable(progress):
        yield progress
    else:
        check_progress(progress)  # raises: not a callable, True, False or None
