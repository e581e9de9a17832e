"""What a cue is said of when a noun phrase that names no actor stands between it and the subject.

Precision first: ``The regime bombed villages after resistance fighters loyal to the NUG overran
a police station`` says the *fighters* are loyal to the NUG, not the regime; wire copy is full of
such unnamed groups (``fighters``, ``militias``, ``gunmen``, ``residents``). When a phrase cue
(``loyal to``, ``backed by``, ``allied with``) follows such a noun, or a subordinate clause opens
with one as its subject, the cue is not bound to the clause's subject: it is listed as unclear.
"""

from __future__ import annotations

__all__ = ["addressee", "ENABLING", "PEOPLE_NOUNS", "counted", "described_noun", "enabled", "noun_subject"]

# plural nouns for people and groups that a text leaves unnamed ("resistance fighters", "local militias")
PEOPLE_NOUNS = frozenset({
    "fighters", "troops", "soldiers", "units", "members", "militiamen", "mercenaries", "forces", "gunmen",
    "militants", "officers", "instructors", "advisers", "militias", "militia", "groups", "factions", "rebels",
    "insurgents", "jihadists", "tribesmen", "clans", "tribes", "parties", "politicians", "leaders", "commanders",
    "officials", "residents", "civilians", "protesters", "volunteers", "recruits", "defectors", "loyalists",
    "separatists", "paramilitaries", "cells", "brigades", "battalions", "networks", "men", "youths", "elements",
})
_SKIP = frozenset({"long", "still", "now", "openly", "also", "once", "reportedly", "allegedly", ","})


def described_noun(units: list[str], start: int, floor: int) -> str | None:
    """The unnamed plural noun a phrase cue at unit ``start`` describes (``fighters |loyal to``), or None.

    Parameters
    ----------
    units : list of str
        The sentence's units (actors as ``@k``).
    start : int
        The cue's first unit.
    floor : int
        The last unit of the nearest actor before the cue (``-1``: none): a noun right after
        an actor belongs to it (``@0 fighters loyal to``).

    Returns
    -------
    str or None
        The noun, when the cue follows one with a word before it that is no actor.

    Examples
    --------
    >>> described_noun(["@0", "struck", "after", "resistance", "fighters", "loyal", "to", "@1"], 5, 0)
    'fighters'
    >>> described_noun(["@0", "fighters", "loyal", "to", "@1"], 2, 0) is None
    True
    """
    j = start - 1
    while j > floor and (units[j] in _SKIP or units[j].endswith("ly") and units[j] not in {"only", "ally"}):
        j -= 1
    if j <= floor + 1 or units[j] not in PEOPLE_NOUNS:
        return None
    k = j
    while k > floor and (units[k] in PEOPLE_NOUNS or units[k] == "own"):  # "its own soldiers alongside": its
        k -= 1
    return units[j] if k > floor and not units[k].startswith("@") and units[k] not in {"'", "-"} else None


def noun_subject(units: list[str], k: int, verbs: frozenset[int] | set[int] = frozenset()) -> bool:
    """Whether a subordinate clause from unit ``k`` has an unnamed group as its subject (``after |local
    militias attacked``): up to three describing words, then a people noun; none of them is a verb
    (``verbs``: the units where cues start; ``has since pledged troops``).

    Examples
    --------
    >>> noun_subject(["after", "resistance", "fighters", "overran", "@1"], 1)
    True
    >>> noun_subject(["after", "the", "talks", "with", "@1"], 1), noun_subject(["as", "his", "troops", "pressed"], 1)
    (False, False)
    """
    if k >= 2 and units[k - 2] in {"has", "have", "had", "was", "were", "is", "are"}:
        return False  # "has since pledged": an adverb
    for j in range(k, min(k + 4, len(units))):
        u = units[j]
        if j in verbs:
            return False
        if u in PEOPLE_NOUNS:
            return True
        if u.startswith("@") or not u.isalpha() or u in _POSSESSIVES:
            return False  # "as his troops pressed": someone's own forces, whose clause reads on
    return False


_POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my", "your"})


ENABLING = frozenset({"allowed", "allow", "allows", "allowing", "enabled", "enable", "enables", "enabling", "let",
                      "lets", "permitted", "permit", "permits"})
_BEFORE_ACTOR = frozenset({"the", "its", "their", "his", "her"})


def enabled(units: list[str], lo: int, start: int) -> tuple[int, int] | None:
    """``let @2 troops use @3 country to |invade``, ``which allowed @2 to |attack``: the enabling verb's unit
    and the enabled actor's, for an infinitive at unit ``start`` (not before unit ``lo``); None otherwise.

    Examples
    --------
    >>> enabled(["@0", ",", "who", "let", "@1", "troops", "use", "@2", "country", "to", "invade", "@3"], 1, 10)
    (3, 4)
    >>> enabled(["@0", "sent", "@1", "troops", "to", "attack", "@2"], 0, 5) is None
    True
    """
    k = start - 1
    if k <= lo or units[k] != "to":
        return None
    j = k - 1
    uses = [i for i in range(max(lo + 1, k - 6), k) if units[i] in {"use", "using"}]
    if uses:  # "let X use its territory to attack Y": X is the one who attacks
        j = uses[-1] - 1
    while j > lo and (units[j] in PEOPLE_NOUNS or units[j] in {"'", "-"}):
        j -= 1
    if j <= lo or not units[j].startswith("@"):
        return None
    actor = j
    j -= 1
    while j > lo and units[j] in _BEFORE_ACTOR:
        j -= 1
    return (j, actor) if j >= lo and units[j] in ENABLING else None


_QUANTIFIERS = (("at", "least"), ("at", "most"), ("more", "than"), ("fewer", "than"), ("less", "than"), ("up", "to"),
                ("as", "many", "as"), ("about",), ("around",), ("nearly",), ("almost",), ("some",), ("over",),
                ("roughly",), ("an", "estimated"))


def counted(words: list[str]) -> list[str]:
    """The words before an object without a quantifier before a number (``at least 30 | Xan fighters``).

    Examples
    --------
    >>> counted(["at", "least", "30"]), counted(["at", "the"])
    (['30'], ['at', 'the'])
    """
    for q in _QUANTIFIERS:
        n = len(q)
        if tuple(words[:n]) == q and len(words) > n and words[n][:1].isdigit():
            return words[n:]
    return words


_TELLING = {"told", "tells", "assured", "assures", "reassured", "promised", "promises", "informed", "informs"}
_ADDRESSEES = {"him", "her", "them", "us", "me", "you", "it"}
_CLAUSE_OPENERS = {"that", "it", "they", "he", "she", "we"}


def addressee(units: list[str], k: int) -> int:
    """How many units after a telling verb at ``k`` are its addressee: 1 or 0.

    ``Quor had assured him it would ...``, ``Pax told Yel it would ...``: the addressee (an
    object pronoun or an actor ``@j``) is followed by the reported clause (an actor, a
    pronoun or ``that``), which opens after it; the teller, not the addressee, is who
    speaks of itself as "it".

    Examples
    --------
    >>> addressee("@0 told @1 @2 would keep arming @3 .".split(), 1)
    1
    >>> addressee("@0 told reporters that @1 had attacked .".split(), 1), addressee("@0 attacked @1 .".split(), 1)
    (0, 0)
    """
    if units[k] not in _TELLING or k + 2 >= len(units):
        return 0
    told, nxt = units[k + 1], units[k + 2]
    return int((told in _ADDRESSEES or told.startswith("@")) and (nxt.startswith("@") or nxt in _CLAUSE_OPENERS))
