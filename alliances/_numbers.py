"""Numbers as JSON can hold them: one rule for NaN, infinities and rounding everywhere.

Every float written as JSON is rounded to :data:`SIGNIFICANT_DIGITS` significant digits,
so arithmetic noise (``0.5366678500000001``) never reaches the output: the same results
print the same digits on every machine.
"""

from __future__ import annotations

import math
from typing import Any

__all__ = ["SIGNIFICANT_DIGITS", "json_floats", "json_number"]

SIGNIFICANT_DIGITS = 12
"""The significant digits every float keeps in JSON output (a double holds 15 to 17)."""


def json_number(x: Any, *, digits: int | None = None) -> float | int | None:
    """``x`` as a JSON-safe number: ``None`` for a missing, NaN or infinite value.

    Parameters
    ----------
    x : number or None
        A Python or NumPy number (a bool is returned as it is).
    digits : int, optional
        Round floats to this many decimal places (after the rounding to
        :data:`SIGNIFICANT_DIGITS` significant digits every float gets).

    Returns
    -------
    int, float or None
        Integers stay integers; floats are plain Python floats.

    Examples
    --------
    >>> json_number(float("nan")), json_number(None), json_number(3), json_number(0.123456, digits=3)
    (None, None, 3, 0.123)
    >>> json_number(0.5366678500000001), json_number(0.1 + 0.2), json_number(1.0e-20 / 3)
    (0.53666785, 0.3, 3.33333333333e-21)
    """
    if x is None or isinstance(x, bool):
        return x
    if isinstance(x, int):
        return x
    try:
        f = float(x)
    except (TypeError, ValueError):
        return None
    if not math.isfinite(f):
        return None
    if float(f).is_integer() and hasattr(x, "dtype") and getattr(x.dtype, "kind", "") in "iu":
        return int(f)
    f = float(f"{f:.{SIGNIFICANT_DIGITS}g}")
    return round(f, digits) if digits is not None else f


def json_floats(data: Any) -> Any:
    """``data`` with every float in it through :func:`json_number` (dicts, lists and tuples walked).

    The command line's JSON output passes through it, so no float escapes the rule. NumPy
    scalars (node ids of a graph built from arrays, say) become the Python values they hold.

    Parameters
    ----------
    data : JSON-like data
        Dicts, lists, tuples, strings, numbers, None.

    Returns
    -------
    The same structure (tuples as lists), floats rounded, NaN and infinities None.

    Examples
    --------
    >>> json_floats({"p": [0.1 + 0.2, float("nan")], "n": 3, "s": "x"})
    {'p': [0.3, None], 'n': 3, 's': 'x'}
    >>> import numpy as np
    >>> json_floats([np.int64(7), np.float64(0.25), np.bool_(True)])
    [7, 0.25, True]
    """
    if getattr(data, "ndim", None) == 0 and hasattr(data, "item"):
        data = data.item()  # a NumPy scalar
    if isinstance(data, float):
        return json_number(data)
    if isinstance(data, dict):
        return {k: json_floats(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [json_floats(v) for v in data]
    return data
