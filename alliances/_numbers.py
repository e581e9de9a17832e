"""Numbers as JSON can hold them: one rule for NaN, infinities and rounding everywhere."""

from __future__ import annotations

import math
from typing import Any

__all__ = ["json_number"]


def json_number(x: Any, *, digits: int | None = None) -> float | int | None:
    """``x`` as a JSON-safe number: ``None`` for a missing, NaN or infinite value.

    Parameters
    ----------
    x : number or None
        A Python or NumPy number (a bool is returned as it is).
    digits : int, optional
        Round floats to this many decimal places.

    Returns
    -------
    int, float or None
        Integers stay integers; floats are plain Python floats.

    Examples
    --------
    >>> json_number(float("nan")), json_number(None), json_number(3), json_number(0.123456, digits=3)
    (None, None, 3, 0.123)
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
    return round(f, digits) if digits is not None else f
