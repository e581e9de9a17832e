"""A verb whose own subject is a name of no actor binds nothing.

``Mali severed relations with Ukraine after a spokesman suggested Kyiv had helped the Tuareg rebels``: in
the Sahel's file Kyiv is no actor, so the mention finder leaves it a plain word, and the grammar took the
clause's subject (Mali) as the helper of the rebels. A name in capitals right before a verb cue (through
auxiliaries and adverbs: ``Kyiv had helped``, ``Ankara has long armed``, ``Washington reportedly backed``)
is that verb's subject; when it is no actor of the scenario (a country, a capital or a person the file does
not list), the cue says nothing of the actors around it and is reported as unclear with the reason.

Not such a subject: a name after a preposition (``troops stationed in Goma attacked``, ``a Pax warship in the
Mediterranean fired at``), a month or a day
(``in March attacked``), and a person's name that an actor's possessive or demonym and a title introduce
(``Pax's leader Zor Amet attacked Yel``, ``Pax President Amet accused Yel``): an actor's official speaks for
the actor.
"""

from __future__ import annotations

from ._links import Link
from ._mentions import TITLES
from ._sentences import CALENDAR_NAMES, Sentence

__all__ = ["foreign_subjects"]

_BEFORE_VERB = {"has", "have", "had", "is", "was", "were", "are", "will", "would", "also", "now", "long", "been",
                "still", "openly", "repeatedly", "once", "did", "does", "do", "reportedly", "allegedly", "secretly",
                "quietly", "then", "later", "may", "might", "could", "can", "should", "must", "never", "not"}
_NOT_SUBJECTS = CALENDAR_NAMES | {"i", "god"}
_PREPOSITIONS = {"in", "on", "at", "from", "of", "by", "near", "to", "into", "since", "outside", "around", "across",
                 "over", "under", "through", "for", "with", "toward", "towards"}
_ROLES = TITLES | {"spokesman", "spokeswoman", "spokesperson", "founder", "head", "foreign", "defence", "defense",
                   "prime", "secretary", "secretary-general", "deputy", "top", "army", "military", "junta"}


def foreign_subjects(links: list[Link], units: list[str], sent: Sentence, reasons: list[str]) -> list[Link]:
    """The links of a sentence less those of verb cues whose own subject is a name of no actor.

    Parameters
    ----------
    links : list of Link
        The sentence's links, as the grammar bound them.
    units : list of str
        The sentence's units (``@k`` for an actor mention).
    sent : Sentence
        The sentence (its tokens tell a name in capitals).
    reasons : list of str
        Why cues bound nothing: a dropped cue's reason is appended (``'helped': its subject, Kyiv, is
        no actor``).

    Returns
    -------
    list of Link
        The links, less those of a verb cue right after (through auxiliaries) a capitalised name that is
        no actor and no official an actor's name and a title introduce.

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import extract_relations
    >>> actors = [Actor("m", "Mali", "state"), Actor("z", "Zed", "state"), Actor("f", "FLA", "armed_group")]
    >>> text = ("Mali's government severed relations with Zed on Sunday, after a spokesman suggested Kyiv had "
    ...         "helped the FLA rebels who killed dozens of Malian soldiers.")
    >>> sorted((p.a, p.b, p.stance.value) for p in extract_relations(text, actors).proposals)
    [('f', 'm', 'enemy'), ('m', 'z', 'rival')]
    """
    names = _names(sent)
    if not names:
        return links
    foreign: dict[tuple[int, str], str] = {}  # cue (start, text) -> the name that is its verb's subject
    for li in links:
        c = li.cue
        if c.role != "verb" or (c.start, c.text) in foreign:
            continue
        verb = c.start
        if c.text.endswith(" ... to"):  # "Kyiv allowed Xan to attack Yel": the implied tie's verb is "allowed"
            verb = max((k for k in range(c.start) if units[k] == c.text.split()[0]), default=-1)
        name = _subject_name(units, verb, names) if verb > 0 else None
        if name is not None:
            foreign[(c.start, c.text)] = name
    reasons += [f"'{text}': its subject, {name}, is no actor" for (_, text), name in foreign.items()]
    return [li for li in links if (li.cue.start, li.cue.text) not in foreign]


def _subject_name(units: list[str], verb: int, names: dict[str, str]) -> str | None:
    """The name of no actor right before the verb at ``verb`` (through auxiliaries), as written, or None."""
    k = verb - 1
    while k >= 0 and units[k] in _BEFORE_VERB:
        k -= 1
    if k >= 0 and units[k] in names and units[k] not in _NOT_SUBJECTS and not _introduced(units, k, names):
        return names[units[k]]
    return None


def _names(sent: Sentence) -> dict[str, str]:
    """Words written in capitals in the sentence (its first word apart) and never in lower case, as written."""
    lower = {t.norm for t in sent.tokens if t.is_word and not t.is_capitalised}
    return {t.norm: t.text for n, t in enumerate(sent.tokens)
            if n > 0 and t.is_capitalised and t.norm not in lower and sent.tokens[n - 1].norm not in {'"', "-"}}


def _introduced(units: list[str], k: int, names: dict[str, str]) -> bool:
    """Whether the name at ``k`` follows a preposition, or an actor and title words (``Pax's leader Zor Amet``)."""
    j = k - 1
    while j >= 0 and (units[j] in _ROLES or units[j] in names):
        j -= 1
    if j >= 1 and units[j] in {"and", ",", "or"} and units[j - 1].startswith("@"):
        return True  # "Yel and Washington had armed Xan": Yel is a subject too
    if j >= 1 and units[j] == "the" and units[j - 1] in _PREPOSITIONS:
        return True  # "a Pax warship in the Mediterranean fired at Xan": a place the ship is in
    return j >= 0 and (units[j].startswith("@") or units[j] in _PREPOSITIONS or units[j] == "-")
