"""Small text helpers shared by messages across the package."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

__all__ = ["did_you_mean", "terminal_safe"]


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ``" (did you mean 'x'?)"`` suffix naming the closest choice, or ``""``.

    Case counts for closeness only when nothing is close as written: ``ENEMY`` finds
    ``enemy``.

    Examples
    --------
    >>> did_you_mean("asad", ["assad", "iran"])
    " (did you mean 'assad'?)"
    >>> did_you_mean("ENEMY", ["ally", "enemy"])
    " (did you mean 'enemy'?)"
    >>> did_you_mean("zzz", ["assad"])
    ''
    """
    words = list(choices)
    close = difflib.get_close_matches(word, words, n=1, cutoff=0.6)
    if not close:
        folded = {w.lower(): w for w in reversed(words)}  # the first spelling of each wins
        close = [folded[w] for w in difflib.get_close_matches(word.lower(), list(folded), n=1, cutoff=0.6)]
    return f" (did you mean {close[0]!r}?)" if close else ""


# What a terminal acts on instead of showing: the C0 controls (newline, carriage return,
# escape, bell, backspace...), DEL and the C1 controls (0x9b is a one-byte CSI), the
# Unicode line and paragraph separators, and the bidirectional embeddings, overrides and
# isolates, which reorder the rest of a line as it is shown. The left-to-right,
# right-to-left and Arabic letter marks (U+200E, U+200F, U+061C) and the zero-width
# (non-)joiners stay: names in Arabic or Persian script use them, and they move nothing.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: object) -> str:
    """``text`` as a terminal may show it: every control character written out as an escape.

    Everything the command line prints that comes from a file (names, titles, notes,
    sentences, file names, error messages quoting a value) goes through this function,
    so a file cannot move the cursor, clear the screen, change colours, ring the bell
    or start a new line that looks like another message. Control characters become
    ``\\n``, ``\\r``, ``\\t``, ``\\x1b``...; the Unicode line separators and the
    bidirectional overrides become ``\\u2028``, ``\\u202e``... . Everything else is kept
    as it is, including a backslash, non-Latin scripts, emoji and the left-to-right and
    right-to-left marks. JSON output does not need it (``json.dumps`` escapes on its own).

    Parameters
    ----------
    text : str or object
        The text (anything else is turned into text with ``str`` first).

    Returns
    -------
    str
        One line of text with no character a terminal acts on.

    Examples
    --------
    >>> print(terminal_safe("Assad\\x1b[2J government"))
    Assad\\x1b[2J government
    >>> print(terminal_safe("s.yaml:3: bad key 'a\\ns.yaml:1: forged'"))
    s.yaml:3: bad key 'a\\ns.yaml:1: forged'
    >>> terminal_safe("Hay\\u02bcat Tahrir al-Sham, \\u0627\\u0644\\u062c\\u064a\\u0634 [red]x[/red]")
    'Hayʼat Tahrir al-Sham, الجيش [red]x[/red]'
    """
    return _UNSAFE.sub(_escape, text if isinstance(text, str) else str(text))
