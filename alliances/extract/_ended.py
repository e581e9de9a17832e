"""Ties a sentence says have ended: the cooperation it states is not proposed as standing.

Three ways wire copy states a tie and its end in one sentence:

- an anaphoric rupture: "The Authority, which has cooperated with Israel on security for
  decades, suspended that coordination last month": the verb undoes a relation noun that
  names no actor of its own (``that coordination``, ``its support``), so it undoes the
  cooperation the sentence has stated before it;
- an expulsion by the partner: "Ethiopian troops, who had fought al-Shabaab alongside the
  Somali army for years, were ordered out of two bases by Mogadishu": the agent of the
  expulsion ended the tie it had with the expelled;
- a time the tie lasted until: "Pax, which had backed Xan until 2020, now supports Zed"
  (a year, a month, "until recently", "until last year" in the cue's clause; "before" and
  "prior to" an event too: "were partners before the war"), a clause a time opens ("Before
  the war, Pax and Yel were partners: ..."), and a habit that was: "Pax used to arm Xan".

The positive links before the rupture (and, for an expulsion, those with its agent) are
kept as negated cues: reported as negated, never proposed, and never turned into the
opposite sign (what the rupture says of the pair now is left to the lexicon's own cues).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ._links import Link
from ._mentions import Mention

__all__ = ["ended_ties"]

_ENDING = (r"(?:suspended|suspends|ended|ends|halted|halts|froze|freezes|frozen|cut|cuts|severed|severs|broke off"
           r"|breaks off|abandoned|abandons|scrapped|scraps|terminated|terminates|stopped|stops|wound down|called off)")
_DETERMINER = r"(?:that|this|those|these|the|its|their|all|such|@\d+)"
_RELATION = (r"(?:coordination|cooperation|partnership|alliance|support|ties|relationship|relations|arrangement"
             r"|aid|backing|assistance|pact)")
# "suspended that coordination": the noun names no actor of its own ("cut its ties with Yel" is a cue of its own)
_ANAPHORIC = re.compile(rf"(?<![^ ]){_ENDING} {_DETERMINER} (?:[a-z-]+ )?{_RELATION}(?= |$)(?! (?:with|to|for|between|of|on) )")
_EXPELLED = re.compile(r"(?<![^ ])(?:was|were|been|being) (?:(?:ordered|thrown|kicked|forced) out(?: of)?|expelled(?: from)?"
                       r"|(?:ordered|asked) to leave)(?: [^ ;:@]+){0,5} by (@\d+)(?= |$)")
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december"
           "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_EVENTS = r"(?:war|coup|conflict|fighting|invasion|split|revolution|uprising|ceasefire|truce|offensive|elections?|crisis)"
# "had backed Xan until 2020", "armed Xan until last year", "were partners before the war": the support ended
# then (a year, a month, "recently", an event); not "since before the war" (it goes on)
_UNTIL = re.compile(rf"(?<![^ ])(?<!since )(?<!since long )(?<!ever since )(?:until|before|prior to) "
                    rf"(?:\d{{4}}|recently|last (?:year|month|week|spring|summer|autumn|winter)"
                    rf"|early|late|mid-\d{{4}}|the (?:[a-z0-9-]+ ){{0,2}}{_EVENTS}|independence|then|{_MONTHS})(?= |$)")
_BARRIERS = {";", "but", "while", "whereas", "although", "yet"}
_FUTURE_END = re.compile(r"(?: [^ ;:@,.]+){0,4} (?:ends|is over|stops|finishes|is won)(?= |$)")
# a fronted time ("Before the war, Pax and Yel were partners: ..."): the clause it opens states a past tie,
# up to a colon, a semicolon, a contrast or a "now" that turns to the present
_FRONT_END = _BARRIERS | {":", "now", "today", "since"}
_POSITIVE = {"support", "cooperation"}


def ended_ties(links: list[Link], units: list[str], unit_mention: dict[int, Mention]) -> list[Link]:
    """The links of a sentence with the positive ties it says have ended marked negated.

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
        The same links; a support or cooperation cue that stands before an anaphoric
        rupture (``suspended that coordination``), or before an expulsion by one of the
        link's two actors (``were ordered out of ... by Y``), or followed in its clause by
        ``until`` and a time (``until 2020``), or after ``used to``, is negated.

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import Gazetteer, find_mentions, split_sentences, CueMatcher, sentence_links
    >>> g = Gazetteer([Actor("p", "Pax"), Actor("y", "Yel")])
    >>> sents = split_sentences("Pax, which has cooperated with Yel for years, suspended that coordination.")
    >>> links, _ = sentence_links(sents[0], find_mentions(sents, g)[0], CueMatcher())
    >>> [(l.a, l.b, l.cue.text, l.cue.negated) for l in links]
    [('p', 'y', 'cooperated with', True)]
    """
    norm = " ".join(units)
    starts = [0]
    for u in units[:-1]:
        starts.append(starts[-1] + len(u) + 1)

    def unit(pos: int) -> int:
        return max(k for k, s in enumerate(starts) if s <= pos)

    ends: list[tuple[int, str | None]] = [(unit(m.start()), None) for m in _ANAPHORIC.finditer(norm)]
    # "has vowed to keep attacking Israel until the war in Gaza ends": a bound in the future, the tie goes on
    untils = [unit(m.start()) for m in _UNTIL.finditer(norm) if not _FUTURE_END.match(norm, m.end())]
    fronted = [k for k in untils if k == 0 or units[k - 1] in (";", "but")]
    past = range(0)
    if fronted:  # "Before the war, Pax and Yel were partners": the tie of the clause it opens ended
        k = fronted[0]
        past = range(k, next((j for j in range(k + 1, len(units)) if units[j] in _FRONT_END), len(units)))
    for m in _EXPELLED.finditer(norm):
        by = unit_mention.get(unit(m.start(1)))
        if by is not None:
            ends.append((unit(m.start()), by.actor))
    used = {k + 2 for k in range(len(units) - 2) if units[k : k + 2] == ["used", "to"]}  # "Pax used to arm Xan"
    if not ends and not untils and not used:  # (a fronted time is one of the untils)
        return links
    out = []
    for link in links:
        c = link.cue
        if c.family.name in _POSITIVE and not c.negated and (any(
                c.end <= at and (actor is None or actor in (link.a, link.b)) for at, actor in ends) or any(
                c.end <= at <= c.end + 8 and not _BARRIERS.intersection(units[c.end : at]) for at in untils)
                or c.start in used or c.start in past):
            link = replace(link, cue=replace(link.cue, negated=True))
        out.append(link)
    return out
