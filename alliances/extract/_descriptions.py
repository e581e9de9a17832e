"""``the rebel group``, ``the Islamist militants``: a description of an armed group with its kind words.

``the group``, ``the militia``, ``the rebels`` refer back to the one armed group or militia named
before (:data:`~alliances.extract.ANAPHORS`). Wire copy as often puts what kind of group it is
between the article and the head: ``the rebel group``, ``the armed group``, ``the jihadist group``,
``the Islamist militants``, ``the Shiite movement``, ``the separatist rebels``. Such a description
refers back the same way, and to no one when two armed groups fit (the choice is
:mod:`._coref`'s, as for ``the group``). The kind words are adjectives of armed groups only: a
country's adjective (``the Lebanese group``) or a backer's (``the Iran-backed group``) is read by
the rules for demonyms and compound modifiers, and a capitalised name (``the Wagner group``) is a
name, not a description.

A number counts the names of a list, not only its actors: in ``Mali, Niger and Burkina Faso
announced ... The three juntas have all expelled French forces`` Niger is no actor of the scenario,
yet a country, so the list holds three names and ``the three juntas`` are its two actors and Niger
(:func:`listed_countries`). Any other word in the list (``Mali, the bloc and Burkina Faso``) still
breaks it.
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from functools import cache

from ._mentions import DEMONYMS
from ._sentences import Token, tokenize

__all__ = ["GROUP_HEADS", "GROUP_KINDS", "described_group", "listed_countries"]

# heads of a description of an armed group
GROUP_HEADS = frozenset({"group", "groups", "movement", "militia", "rebels", "militants", "insurgents", "jihadists",
                         "separatists", "fighters", "organisation", "organization", "faction"})
# words that say what kind of armed group it is
GROUP_KINDS = frozenset({"rebel", "armed", "militant", "islamist", "jihadist", "jihadi", "shiite", "shia", "sunni",
                         "islamic", "separatist", "insurgent", "extremist", "hardline", "paramilitary", "tuareg",
                         "ethnic", "powerful", "outlawed", "banned", "proscribed", "radical", "secessionist",
                         "breakaway", "terrorist", "militia"})


def described_group(toks: list[Token], i: int, taken: AbstractSet[int]) -> int | None:
    """The end of ``the KIND... HEAD`` at token ``i`` (one or two kind words), or None.

    Parameters
    ----------
    toks : list of Token
        The sentence's tokens.
    i : int
        Where ``the`` stands.
    taken : set of int
        Tokens already part of a mention (a kind word there is a name: ``the Wagner group``).

    Returns
    -------
    int or None
        The token after the head.

    Examples
    --------
    >>> from alliances.extract import tokenize
    >>> toks = tokenize("Yel struck the rebel group overnight.")
    >>> described_group(toks, 2, set()), described_group(toks, 0, set())
    (5, None)
    """
    if toks[i].norm != "the":
        return None
    j = i + 1
    while j < len(toks) and j - i <= 2 and toks[j].norm in GROUP_KINDS and j not in taken:
        j += 1
    if j == i + 1 or j >= len(toks) or toks[j].norm not in GROUP_HEADS or j in taken:
        return None
    if j + 1 < len(toks) and (toks[j + 1].is_capitalised or toks[j + 1].norm in {"-", "of"}):
        return None  # "the rebel group M23" names it; "the armed group of X" is X's
    return j + 1


@cache
def _countries() -> frozenset[tuple[str, ...]]:
    """The names of countries the demonym table knows, as lower-case words."""
    return frozenset(tuple(t.norm for t in tokenize(country) if t.is_word) for country in DEMONYMS.values())


def listed_countries(toks: Sequence[Token], start: int, end: int, *, outer: bool = False) -> int | None:
    """How many country names stand in ``toks[start:end]`` between (or around) the actors of a list.

    Parameters
    ----------
    toks : sequence of Token
        The sentence's tokens.
    start, end : int
        The words between two actors of the list (or, with ``outer``, after its last actor up to ``end``).
    outer : bool
        Count ``and Niger`` / ``, and Niger`` right after the list's last actor (up to ``end``), stopping at
        the first word that is neither a country, a comma nor ``and``.

    Returns
    -------
    int or None
        The number of country names, or None when another word stands between the actors.

    Examples
    --------
    >>> from alliances.extract import tokenize
    >>> toks = tokenize("Mali, Niger and Burkina Faso left")
    >>> listed_countries(toks, 1, 4), listed_countries(toks, 1, 2), listed_countries(toks, 1, 5)
    (1, 0, None)
    >>> listed_countries(tokenize("Mali and Niger left"), 1, 4, outer=True)
    1
    """
    k, count = start, 0
    while k < end:
        if toks[k].norm in {",", "and", "or"}:
            k += 1
            continue
        width = next((n for n in (3, 2, 1) if k + n <= end and toks[k].text[:1].isupper()
                      and tuple(t.norm for t in toks[k : k + n]) in _countries()), 0)
        if not width:
            return count if outer else None
        count += 1
        k += width
    return count
