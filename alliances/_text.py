"""Small text helpers shared by messages across the package."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = ["did_you_mean"]


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ``" (did you mean 'x'?)"`` suffix naming the closest choice, or ``""``.

    Examples
    --------
    >>> did_you_mean("asad", ["assad", "iran"])
    " (did you mean 'assad'?)"
    >>> did_you_mean("zzz", ["assad"])
    ''
    """
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
