"""An actor after ``and`` that a verb follows opens a clause of its own: it is no second object.

``France pledged humanitarian aid to Yerevan and Iran offered its condolences``: ``Yerevan and
Iran`` looks like one group of recipients, but ``Iran offered`` is a new clause with Iran as its
subject. A link that binds such an actor as the object (or second member) of a cue before it
is dropped; the new clause's own cues are bound as before.
"""

from __future__ import annotations

from ._links import Link
from ._mentions import Mention

__all__ = ["new_subjects"]

_SKIP = {"also", "later", "then", "has", "have", "had", "will", "would", "was", "is", "were", "are", "quickly",
         "itself", "in", "turn", ","}
# common verbs of wire copy not ending in -ed (past and present)
_VERBS = {"said", "says", "sent", "sends", "gave", "gives", "took", "takes", "made", "makes", "offered", "offers",
          "held", "holds", "told", "tells", "met", "meets", "won", "wins", "lost", "loses", "kept", "keeps", "left",
          "leaves", "sought", "seeks", "began", "begins", "struck", "strikes", "fought", "fights", "withdrew", "drew",
          "chose", "spoke", "speaks", "went", "goes", "came", "comes", "stood", "stands", "ran", "runs", "called",
          "calls", "urged", "urges", "warned", "warns", "voiced", "expressed", "expresses", "announced", "announces"}
# the first member is an object ("aid to Yerevan and Iran offered"), not the start of a subject ("between X and Y
# resumed", "after Ankara and Baku signed")
_OBJECT_MARKERS = {"to", "with", "from", "for", "against", "on", "at", "into", "toward", "towards"}
_NOT_VERBS = {"armed", "backed", "led", "allied", "based", "aligned", "sponsored", "funded", "supported", "linked",
              "affiliated", "trained", "equipped", "controlled", "held", "owned", "run"}


def new_subjects(links: list[Link], units: list[str], unit_mention: dict[int, Mention]) -> list[Link]:
    """The links without those binding an actor that opens a clause after ``and`` as a cue's object.

    Parameters
    ----------
    links : list of Link
        The sentence's links, as bound by the grammar.
    units : list of str
        The sentence's units (``@k`` for an actor mention).
    unit_mention : dict of int to Mention
        The mention at each ``@`` unit.

    Returns
    -------
    list of Link
        The links, less those whose cue comes before ``@j and @k <verb>`` (``@j`` the cue's
        object) and whose actor ``@k`` is named nowhere else after the cue.

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import Gazetteer, find_mentions, split_sentences, CueMatcher, sentence_links
    >>> g = Gazetteer([Actor("p", "Pax"), Actor("y", "Yel"), Actor("q", "Quor")])
    >>> sents = split_sentences("Pax pledged aid to Yel and Quor offered its condolences.")
    >>> [(li.a, li.b) for li in sentence_links(sents[0], find_mentions(sents, g)[0], CueMatcher())[0]]
    [('p', 'y')]
    """
    opening = [k for k in unit_mention if k >= 1 and units[k - 1] == "and" and _verb_after(units, k + 1)]
    if not opening:
        return links
    out = []
    for link in links:
        c = link.cue
        here = [k for k in unit_mention if k >= c.end >= 0 and unit_mention[k].actor == link.b]
        if here and all(k in opening and units[k - 3] != "between" and (c.end == k - 2 or units[k - 3] in _OBJECT_MARKERS)
                        for k in here):
            continue  # "aid to Yerevan and Iran offered": Iran is the subject of "offered"
        out.append(link)
    return out


def _verb_after(units: list[str], k: int) -> bool:
    """Whether a finite verb follows from unit ``k`` (after adverbs and auxiliaries)."""
    while k < len(units) and units[k] in _SKIP:
        k += 1
    if k >= len(units):
        return False
    u = units[k]
    return u in _VERBS or (u.endswith("ed") and u not in _NOT_VERBS and len(u) > 4)
