"""A membership someone argues against, blocks or rules out is not stated: no tie is read from it.

``Pax again argued against inviting Yel to join Quor``, ``Pax blocked Yel from joining Quor``,
``Pax ruled out Yel joining Quor``, ``Pax vetoed Yel's bid to join Quor``: the joining is what
Pax opposes, an irrealis complement, and states no tie between Yel and Quor (nor between Pax,
who stops it, and Quor). The cue of joining after such a verb (``argued against``, ``opposed``,
``blocked``, ``vetoed``, ``resisted``, ``ruled out``, ``refused to consider``, ``objected to``)
is kept as a negated cue: reported as negated, never proposed. A joining the subject wants or
is due to make (``Egyptian troops are due to join the new mission, a move Yel opposes``: the
opposing comes after) keeps its tie.
"""

from __future__ import annotations

from dataclasses import replace

from ._links import Link

__all__ = ["opposed_joining"]

_JOINING = {"join", "joins", "joining", "joined", "rejoin", "rejoining", "membership", "accession", "admission",
            "admit", "admitting"}
# the opposing verbs, as they end: "argued against", "blocked", "refused to consider"
_OPPOSING = {"opposed", "opposes", "oppose", "opposing", "blocked", "blocks", "block", "blocking", "vetoed",
             "vetoes", "veto", "vetoing", "resisted", "resists", "resist", "resisting", "prevented", "prevents",
             "prevent", "barred", "bars", "bar", "stopped", "stops", "obstructed", "obstructs", "rejected",
             "rejects", "reject", "rejecting"}
_OPPOSING_AFTER = {("argued", "against"), ("argues", "against"), ("argue", "against"), ("arguing", "against"),
                   ("spoke", "against"), ("speaks", "against"), ("campaigned", "against"), ("lobbied", "against"),
                   ("lobbies", "against"), ("voted", "against"), ("votes", "against"), ("warned", "against"),
                   ("warns", "against"), ("ruled", "out"), ("rules", "out"), ("ruling", "out"), ("rule", "out"),
                   ("objected", "to"), ("objects", "to"), ("object", "to"), ("consider", None)}
_CONSIDER = {"refused", "refuses", "refuse", "declined", "declines", "decline"}  # "refused to consider"
# words that end the complement the opposing verb governs
_STOPS = {",", ";", ":", '"', "while", "but", "whereas", "although", "though", "after", "because", "which", "who",
          "where", "when", "as", "said", "says"}
_REACH = 9  # units from the opposing verb to the cue of joining: "argued against inviting @1 to join the @2"


def opposed_joining(links: list[Link], units: list[str]) -> list[Link]:
    """The links of a sentence, those of a joining an opposing verb governs kept only as negated cues.

    Parameters
    ----------
    links : list of Link
        The sentence's links.
    units : list of str
        The sentence's units (``@k`` for actor mentions).

    Returns
    -------
    list of Link
        The same links; one whose cue is a joining (``join``, ``joining``, ``membership``)
        governed by an opposing verb before it in the same clause (``argued against
        inviting Yel to join``, ``blocked Yel from joining``) has its cue negated.

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import extract_relations
    >>> actors = [Actor("p", "Pax", "state"), Actor("y", "Yel", "state"), Actor("q", "Quor", "international_org")]
    >>> extract_relations("Pax blocked Yel from joining Quor.", actors).proposals
    ()
    >>> [(n.a, n.b, n.cue) for n in extract_relations("Pax ruled out Yel joining Quor.", actors).negated]
    [('q', 'y', 'joining')]
    """
    out = []
    for li in links:
        if not li.cue.negated and li.cue.text.split()[0] in _JOINING and _opposed(units, li.cue.start):
            li = replace(li, cue=replace(li.cue, negated=True))
        out.append(li)
    return out


def _opposed(units: list[str], start: int) -> bool:
    """Whether an opposing verb governs the cue at ``start`` (within reach, nothing closing the clause between)."""
    for k in range(start - 1, max(-1, start - 1 - _REACH), -1):
        u = units[k]
        if u in _STOPS:
            return False
        if u in _OPPOSING:
            return True
        after = units[k + 1] if k + 1 < len(units) else None
        if (u, after) in _OPPOSING_AFTER:
            return True
        if u == "consider" and k >= 2 and units[k - 1] == "to" and units[k - 2] in _CONSIDER:
            return True
    return False
