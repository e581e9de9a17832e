"""``Tehran had warned Doha and Washington in advance``: a notice given ahead of an act is no threat.

``warned`` is a verbal hostility cue, and most often rightly (``warned Israel of a crushing response``,
``warned Baku against any attempt``, ``warned that it would not accept``). A warning given *in advance* of
an act is the opposite: a courtesy, a notice so that the warned can take shelter or clear a base
(``Iran warned Qatar in advance of the strike``, ``Pax had warned Yel hours before``, ``warned Yel of the
planned strikes``, ``gave Yel advance warning``). :func:`advance_notices` drops a warning whose object is
followed by such a time (``in advance``, ``beforehand``, ``ahead of``, ``hours before``, ``in time``) or
by ``of`` and the act itself with a definite article (``of the coming strike``), and reports it as
unclear. A warning of a threat (``of a crushing response``, ``of the consequences``), against something,
or that something will happen keeps its hostility.
"""

from __future__ import annotations

from ._links import Link

__all__ = ["advance_notices"]

_WARNINGS = {"warned", "warns", "warn", "warning", "alerted", "alerts", "alert"}
_OBJECT = {"and", ",", "the", "both", "its", "their", "officials", "authorities", "government", "governments",
           "forces", "troops", "also"}
_TIMES = ("in advance", "beforehand", "ahead of", "ahead of time", "in time", "in good time", "hours before",
          "hours ahead", "days before", "days ahead", "minutes before", "an hour before", "a day before",
          "shortly before", "just before", "before the strike", "before the strikes", "before the attack")
_ACTS = {"strike", "strikes", "attack", "attacks", "raid", "raids", "launch", "launches", "operation", "barrage",
         "missile", "missiles", "salvo", "bombing", "bombardment", "retaliation"}
_ACT_MODIFIERS = {"coming", "planned", "impending", "upcoming", "imminent", "forthcoming", "missile", "drone", "air"}
_REACH = 6  # units after the cue the warned actors (and their "and", "the") may take


def advance_notices(links: list[Link], units: list[str], reasons: list[str]) -> list[Link]:
    """The links of a sentence less the warnings it says were given in advance of an act.

    Parameters
    ----------
    links : list of Link
        What the grammar bound in one sentence.
    units : list of str
        That sentence's words, each actor mention one ``@k`` unit.
    reasons : list of str
        The sentence's unclear cues and why: a dropped warning's reason is appended.

    Returns
    -------
    list of Link
        The links, less those of a ``warned`` whose object is followed by a time before the act
        (``in advance``, ``hours before``) or by ``of the`` and the act (``of the planned strike``).

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import extract_relations
    >>> actors = [Actor("i", "Iran", "state"), Actor("q", "Qatar", "state"), Actor("s", "Israel", "state")]
    >>> extract_relations("Iran had warned Qatar in advance of the strike.", actors).proposals
    ()
    >>> [(p.a, p.b, p.stance.value) for p in extract_relations("Iran warned Israel of a crushing response.",
    ...                                                          actors).proposals]
    [('i', 's', 'rival')]
    """
    notices = {li.cue.start for li in links if li.cue.text in _WARNINGS and _in_advance(units, li.cue.end)}
    reasons += [f"'{units[k]}': a notice in advance, not a threat" for k in sorted(notices)]
    return [li for li in links if li.cue.start not in notices]


def _in_advance(units: list[str], end: int) -> bool:
    k = end
    while k < len(units) and k - end < _REACH and (units[k].startswith("@") or units[k] in _OBJECT):
        k += 1
    if k == end:
        return False
    rest = " ".join(units[k : k + 6])
    if any(rest == t or rest.startswith(t + " ") for t in _TIMES):
        return True
    j = k + 2
    while j < len(units) and units[j] in _ACT_MODIFIERS:
        j += 1
    return units[k : k + 2] == ["of", "the"] and j < len(units) and units[j] in _ACTS
