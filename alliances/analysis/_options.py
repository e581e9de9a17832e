"""The options every partition analysis takes: ``exact``, ``time_limit`` and ``seed``.

:func:`~alliances.factions`, :func:`~alliances.frustration_index`,
:func:`~alliances.ambivalence` and :func:`~alliances.balance_report` check them with
:func:`check_solver_options` before any work.
"""

from __future__ import annotations

from .._checks import check_number, check_seed
from ..errors import ParameterError

__all__ = ["check_exact", "check_solver_options"]


def check_exact(exact: object) -> None:
    """Reject an ``exact=`` option that is not True, False or "auto".

    Parameters
    ----------
    exact : object
        The option as given.

    Raises
    ------
    ParameterError
        For anything else (1 and 0 included).

    Examples
    --------
    >>> check_exact("auto")
    >>> check_exact(1)
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterError: exact must be True, False or 'auto', not 1
    """
    if not (isinstance(exact, bool) or (isinstance(exact, str) and exact == "auto")):  # 1 or 0 would pass ``in``
        raise ParameterError(f"exact must be True, False or 'auto', not {exact!r}")


def check_solver_options(exact: object, time_limit: object, seed: object) -> None:
    """Check the options every partition analysis takes: ``exact``, ``time_limit`` and ``seed``.

    Parameters
    ----------
    exact : object
        True, False or "auto" (:func:`check_exact`).
    time_limit : object
        None or a number of seconds >= 0 (0: stop at the first solution, with its bound).
    seed : object
        An integer from 0 to 2**32 - 1.

    Raises
    ------
    ParameterError, ParameterTypeError

    Examples
    --------
    >>> check_solver_options("auto", None, 0)
    >>> check_solver_options(True, -1, 0)
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterError: time_limit must be a number >= 0, not -1
    """
    check_exact(exact)
    check_number(time_limit, "time_limit", low=0, optional=True)
    check_seed(seed)
