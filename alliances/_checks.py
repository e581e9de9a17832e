"""Argument checks at the boundary: one rule and one message for each kind of value.

The model's records and the public functions call these on their arguments before any
work, so a wrong argument ends in a :class:`~alliances.errors.ParameterError` (a value
the function does not take: NaN, out of range, an unknown choice, an invalid id) or a
:class:`~alliances.errors.ParameterTypeError` (a value of the wrong type: ``None``, a
list, text where a number belongs) that names the argument and the value, instead of an
error from deep inside or, worse, a silently wrong result.

Each ``check_*`` returns the value in its canonical form (a Python ``float`` for any real
number, a ``tuple`` for a list of ids, a ``datetime.date`` for ISO text), so callers
store what the check returns. The graph, network and actor checks are in
:mod:`alliances._arguments`.
"""

from __future__ import annotations

import datetime as _dt
import math
import numbers
import os
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any, TypeVar

from ._text import did_you_mean
from .errors import ParameterError, ParameterTypeError

__all__ = [
    "ACTOR_ID",
    "SOURCE_ID",
    "check_bool",
    "check_choice",
    "check_date",
    "check_fraction",
    "check_id",
    "check_instance",
    "check_int",
    "check_items",
    "check_number",
    "check_path",
    "check_progress",
    "check_seed",
    "check_text",
    "shown",
    "source_id_problem",
]

_T = TypeVar("_T")

ACTOR_ID = re.compile(r"[a-z0-9_]+\Z")
"""Actor and theater ids: lowercase words, easy to type and to match (as in scenario files)."""

SOURCE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]*\Z")
"""Source ids: often citation keys (``reuters-2017-09-05``), so hyphens, dots and colons too."""
_SOURCE_CHARS = re.compile(r"[A-Za-z0-9_.:-]+\Z")

_SHOWN_MAX = 60
_PLAIN = (type(None), bool, int, float, str, bytes, _dt.date, list, tuple, dict, set, frozenset)


def shown(value: Any) -> str:
    """A value as a message shows it: a short ``repr`` for plain data, ``a <type>`` for objects.

    Examples
    --------
    >>> shown(None), shown("x"), shown(float("nan")), shown(object())
    ('None', "'x'", 'nan', 'an object')
    >>> len(shown("y" * 100))
    60
    """
    if isinstance(value, _PLAIN) or isinstance(value, numbers.Number):
        text = repr(value)
        return text if len(text) <= _SHOWN_MAX else text[: _SHOWN_MAX - 4] + "..." + text[-1]
    name = type(value).__name__
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


def check_instance(value: Any, types: type | tuple[type, ...], name: str, what: str) -> Any:
    """``value`` if it is an instance of ``types``; else a ParameterTypeError naming ``what``.

    Examples
    --------
    >>> check_instance(3, int, "n", "an integer")
    3
    >>> check_instance("3", int, "n", "an integer")
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterTypeError: n must be an integer, not '3'
    """
    if not isinstance(value, types):
        raise ParameterTypeError(f"{name} must be {what}, not {shown(value)}")
    return value


def check_text(value: Any, name: str, *, optional: bool = False) -> str | None:
    """Text that is not blank (and encodes as UTF-8); ``None`` passes when ``optional``.

    Examples
    --------
    >>> check_text("Iran", "name"), check_text(None, "label", optional=True)
    ('Iran', None)
    >>> check_text("  ", "name")
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterError: name is empty
    """
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise ParameterTypeError(f"{name} must be text, not {shown(value)}")
    if not value.strip():
        raise ParameterError(f"{name} is empty" + (" (use None for none)" if optional else ""))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ParameterError(
            f"{name} holds {value[exc.start]!r} at position {exc.start}, which is not a character "
            "(a lone surrogate)"
        ) from None
    return value


def check_id(value: Any, name: str, *, source: bool = False) -> str:
    """An actor or theater id (lowercase letters, digits and _), or a source id (``source=True``).

    The rules are the scenario files' own, so a network built in Python can always be
    written to a file and read back.

    Examples
    --------
    >>> check_id("us_coalition", "actor id"), check_id("reuters-2017-09-05", "source id", source=True)
    ('us_coalition', 'reuters-2017-09-05')
    >>> check_id("Bad Id", "actor id")
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterError: actor id must use only lowercase letters, digits and _, not 'Bad Id' (for example 'bad_id')
    """
    text = check_text(value, name)
    assert text is not None
    if source:
        problem = source_id_problem(text)
        if problem is not None:
            raise ParameterError(f"{name} {problem}")
        return text
    if not ACTOR_ID.match(text):
        suggestion = re.sub(r"[^a-z0-9_]+", "_", text.lower()).strip("_")
        hint = f" (for example {suggestion!r})" if suggestion and ACTOR_ID.match(suggestion) else ""
        raise ParameterError(f"{name} must use only lowercase letters, digits and _, not {text!r}{hint}")
    return text


def source_id_problem(value: str) -> str | None:
    """Why ``value`` cannot be a source id, or None when it can.

    Source ids are often citation keys (``reuters-2017-09-05``): letters, digits and
    ``_ . : -``, starting with a letter or a digit. The same rule and message hold for
    the scenario's ``sources``, a fragment's, ``alliances extract --source-id`` and the
    records built in Python (:func:`check_id` with ``source=True``).

    Parameters
    ----------
    value : str
        The proposed id.

    Returns
    -------
    str or None
        The rule it breaks, with a valid id to use instead where one can be made.

    Examples
    --------
    >>> source_id_problem("reuters-2017-09-05") is None
    True
    >>> source_id_problem("a b")
    "'a b' may only use letters, digits and _ . : - (for example 'a-b')"
    >>> source_id_problem("-x")
    "'-x' must start with a letter or a digit (for example 'x')"
    """
    if SOURCE_ID.match(value):
        return None
    suggestion = re.sub(r"[^A-Za-z0-9_.:-]+", "-", value).strip("-.:_")
    hint = f" (for example '{suggestion}')" if suggestion and SOURCE_ID.match(suggestion) else ""
    if _SOURCE_CHARS.match(value):
        return f"{value!r} must start with a letter or a digit{hint}"
    return f"{value!r} may only use letters, digits and _ . : -{hint}"


def check_bool(value: Any, name: str) -> bool:
    """True or False (a NumPy boolean too); anything else, 0 and 1 included, is refused.

    Examples
    --------
    >>> check_bool(True, "strict")
    True
    >>> check_bool("yes", "strict")
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterTypeError: strict must be True or False, not 'yes'
    """
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return bool(value)
    raise ParameterTypeError(f"{name} must be True or False, not {shown(value)}")


def _interval(low: float | None, high: float | None, low_open: bool, high_open: bool, noun: str) -> str:
    if low is not None and high is not None:
        return f"{noun} in {'(' if low_open else '['}{low:g}, {high:g}{')' if high_open else ']'}"
    if low is not None:
        if low == 0:
            return f"a positive {noun.removeprefix('a ')}" if low_open else f"{noun} >= 0"
        return f"{noun} {'>' if low_open else '>='} {low:g}"
    if high is not None:
        return f"{noun} {'<' if high_open else '<='} {high:g}"
    return f"a finite {noun.removeprefix('a ')}"


def check_number(
    value: Any,
    name: str,
    *,
    low: float | None = None,
    high: float | None = None,
    low_open: bool = False,
    high_open: bool = False,
    optional: bool = False,
) -> float | None:
    """A finite real number (Python or NumPy) within the bounds, as a Python float.

    Booleans, text and NaN are refused; ``None`` passes when ``optional``.

    Examples
    --------
    >>> check_number(2, "time_limit", low=0, low_open=True)
    2.0
    >>> check_number(float("nan"), "weight", low=0, high=1, low_open=True)
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterError: weight must be a number in (0, 1], not nan
    """
    if value is None and optional:
        return None
    what = _interval(low, high, low_open, high_open, "a number")
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ParameterTypeError(f"{name} must be {what}, not {shown(value)}")
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        raise ParameterTypeError(f"{name} must be {what}, not {shown(value)}") from None
    if not math.isfinite(number):
        raise ParameterError(f"{name} must be {what}, not {shown(value)}")
    if low is not None and (number < low or (low_open and number == low)):
        raise ParameterError(f"{name} must be {what}, not {shown(value)}")
    if high is not None and (number > high or (high_open and number == high)):
        raise ParameterError(f"{name} must be {what}, not {shown(value)}")
    return number


def check_fraction(value: Any, name: str, *, optional: bool = False) -> float | None:
    """A number in (0, 1]: the range of weights and confidences.

    Examples
    --------
    >>> check_fraction(0.5, "confidence")
    0.5
    >>> check_fraction(5, "weight")
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterError: weight must be a number in (0, 1], not 5
    """
    return check_number(value, name, low=0, high=1, low_open=True, optional=optional)


def check_int(
    value: Any, name: str, *, low: int | None = None, high: int | None = None, optional: bool = False
) -> int | None:
    """An integer (Python or NumPy, not a bool or a float) within the bounds, as a Python int.

    Examples
    --------
    >>> check_int(3, "k", low=1)
    3
    >>> check_int(0, "k", low=1)
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterError: k must be a positive integer, not 0
    """
    if value is None and optional:
        return None
    if low == 1 and high is None:
        what = "a positive integer"
    elif low == 0 and high is None:
        what = "an integer >= 0"
    elif low is not None and high is not None:
        what = f"an integer from {low} to {high}"
    elif low is not None:
        what = f"an integer >= {low}"
    elif high is not None:
        what = f"an integer <= {high}"
    else:
        what = "an integer"
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ParameterTypeError(f"{name} must be {what}, not {shown(value)}")
    number = int(value)
    if (low is not None and number < low) or (high is not None and number > high):
        raise ParameterError(f"{name} must be {what}, not {shown(value)}")
    return number


def check_choice(value: Any, name: str, choices: Collection[str]) -> str:
    """One of ``choices`` (exact text), with a "did you mean" for a near miss.

    Examples
    --------
    >>> check_choice("dense", "method", ["auto", "dense", "sparse"])
    'dense'
    >>> check_choice("sprase", "method", ["auto", "dense", "sparse"])
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterError: method must be one of: auto, dense, sparse, not 'sprase' (did you mean 'sparse'?)
    """
    listed = ", ".join(choices)
    if not isinstance(value, str):
        raise ParameterTypeError(f"{name} must be one of: {listed}, not {shown(value)}")
    if value not in choices:
        raise ParameterError(f"{name} must be one of: {listed}, not {shown(value)}{did_you_mean(value, choices)}")
    return value


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_YEAR = re.compile(r"\d{4}\Z")


def check_date(value: Any, name: str, *, allow_year: bool = False, optional: bool = True) -> _dt.date | int | None:
    """A day: a ``datetime.date`` (a datetime gives its date) or ISO text; with ``allow_year`` also a year.

    A year is a four-digit ``int`` or text (1000 to 9999), as scenario files write it.

    Examples
    --------
    >>> check_date("2017-09-05", "as_of"), check_date(2013, "since", allow_year=True)
    (datetime.date(2017, 9, 5), 2013)
    >>> check_date("2017-02-30", "as_of")
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterError: as_of '2017-02-30' is not a date in the calendar
    """
    form = "a year (2013) or a date (2013-05-01)" if allow_year else "a date (2017-09-05)"
    if value is None:
        if optional:
            return None
        raise ParameterTypeError(f"{name} must be {form}, not None")
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if allow_year and _YEAR.match(text) and int(text) >= 1000:
            return int(text)
        if _ISO_DATE.match(text):
            try:
                return _dt.date.fromisoformat(text)
            except ValueError:
                raise ParameterError(f"{name} {value!r} is not a date in the calendar") from None
        raise ParameterError(f"{name} must be {form}, not {shown(value)}")
    if allow_year and isinstance(value, numbers.Integral) and not isinstance(value, bool):
        if not 1000 <= int(value) <= 9999:
            raise ParameterError(f"{name} must be {form}: a year has four digits, not {shown(value)}")
        return int(value)
    raise ParameterTypeError(f"{name} must be {form}, not {shown(value)}")


def check_path(value: Any, name: str) -> str:
    """A file or folder path (``str`` or ``os.PathLike``), not empty, as ``str``.

    Examples
    --------
    >>> import pathlib
    >>> check_path(pathlib.Path("out") / "a.yaml", "path")
    'out/a.yaml'
    >>> check_path("", "path")
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterError: path is empty
    """
    if not isinstance(value, str | os.PathLike):
        raise ParameterTypeError(f"{name} must be a path (str or os.PathLike), not {shown(value)}")
    try:
        text = os.fspath(value)
    except TypeError:
        text = None
    if not isinstance(text, str):
        raise ParameterTypeError(f"{name} must be a path (str or os.PathLike), not {shown(value)}")
    if not text.strip():
        raise ParameterError(f"{name} is empty")
    if "\0" in text:
        raise ParameterError(f"{name} {text!r} holds a NUL character")
    return text


def check_items(
    value: Any, name: str, check: Callable[[Any, str], _T], *, item: str, what: str = "list"
) -> tuple[_T, ...]:
    """A list or tuple (any iterable but text or a mapping) whose every item passes ``check(v, item)``.

    Examples
    --------
    >>> check_items(["north", "east"], "theaters", check_id, item="theater id")
    ('north', 'east')
    >>> check_items("north", "theaters", check_id, item="theater id")
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterTypeError: theaters must be a list, not 'north'
    >>> check_items(["north", "East"], "theaters", check_id, item="theater id")
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterError: theater id must use only lowercase letters, digits and _, not 'East' (for example 'east')
    """
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise ParameterTypeError(f"{name} must be a {what}, not {shown(value)}")
    return tuple(check(v, item) for v in value)


def check_progress(value: Any, name: str = "progress") -> Any:
    """A ``progress=`` argument: a callable, True, False or None.

    Examples
    --------
    >>> check_progress(True)
    True
    >>> check_progress(5)
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterTypeError: progress must be a callable, True, False or None, not 5
    """
    if value is None or isinstance(value, bool) or callable(value):
        return value
    raise ParameterTypeError(f"{name} must be a callable, True, False or None, not {shown(value)}")


def check_seed(value: Any, name: str = "seed") -> int:
    """A random seed: an integer from 0 to 2**32 - 1 (what every generator the package uses takes).

    Examples
    --------
    >>> check_seed(7)
    7
    >>> check_seed(-1)
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterError: seed must be an integer from 0 to 4294967295, not -1
    """
    seed = check_int(value, name, low=0, high=2**32 - 1)
    assert seed is not None
    return seed
