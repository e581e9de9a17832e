"""Fighters killed in an attack whose author is named: ``Xan fighters were killed in air strikes carried out by Pax``.

The grammar binds ``killed`` to its subject and object. Wire copy often turns the act around: the
victims are the subject of a passive verb, the act a noun after ``in``, and its author stands after
the noun or before it:

- ``At least 20 al-Shabaab fighters were killed in air strikes carried out by US Africa Command``;
- ``Ten Yel soldiers died in an attack by Xan``, ``... were wounded in a Xan ambush``;
- ``A drone strike by Pax killed ten Xan fighters`` (the act as the subject, the victims its object).

The victims must be an actor's fighters or soldiers (``Yel soldiers``, ``fighters of the Xan``); civilians,
people and residents are nobody's side. Between the victims' actor and the act's author the link is
hostility. An act whose author is only claimed (``an attack the army blamed on Xan``) or whose author is
the victims' own side is left alone.
"""

from __future__ import annotations

from ._clauses import Group, read_clauses, sentence_units
from ._cues import CueMatcher
from ._links import Link, pair_links
from ._mentions import Mention
from ._sentences import Sentence

__all__ = ["victim_links"]

_VICTIMS = frozenset({"fighters", "soldiers", "troops", "militants", "members", "commanders", "rebels", "officers",
                      "personnel", "militiamen", "mercenaries", "peacekeepers", "gunmen", "recruits", "guards",
                      "policemen", "jihadists", "insurgents", "servicemen", "marines", "paratroopers"})
_SUFFERED = {("were", "killed"), ("were", "wounded"), ("was", "killed"), ("have", "been", "killed"),
             ("had", "been", "killed"), ("were", "injured"), ("died",), ("have", "died"), ("had", "died"),
             ("were", "captured")}
_ACTS = frozenset({"strike", "strikes", "airstrike", "airstrikes", "attack", "attacks", "ambush", "ambushes", "raid",
                   "raids", "assault", "bombardment", "shelling", "bombing", "bombings", "offensive", "fire",
                   "operation", "operations"})
_ACT_WORDS = frozenset({"a", "an", "the", "air", "drone", "missile", "rocket", "artillery", "suicide", "car", "bomb",
                        "deadly", "coordinated", "overnight", "dawn", "separate", "series", "of", "joint", "ground"})
_WHERE = frozenset({"near", "in", "on", "outside", "around"})
_AUTHORED = frozenset({"carried", "launched", "conducted", "staged", "mounted", "claimed"})
_COUNT_WORDS = frozenset({"at", "least", "more", "than", "about", "some", "nearly", "dozens", "of", "scores",
                          "hundreds", "several", "ten", "twenty", "two", "three", "four", "five", "six", "seven",
                          "eight", "nine", "eleven", "twelve", "fifteen", "thirty", "forty", "fifty", "the", "a"})


def victim_links(sent: Sentence, mentions: list[Mention], matcher: CueMatcher, bound: list[Link]) -> list[Link]:
    """Hostility between an actor whose fighters an act killed and the act's named author.

    Parameters
    ----------
    sent : Sentence
        One sentence of the text.
    mentions : list of Mention
        Its actor mentions (the victims' and the author's among them).
    matcher : CueMatcher
        The cue lexicon's matcher: the act noun must be a hostile cue.
    bound : list of Link
        What other rules bound here; if a hostile verb of the sentence is among them, nothing is read.

    Returns
    -------
    list of Link
        Agent first: the act's author, then the victims' actor.

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import CueMatcher, Gazetteer, find_mentions, split_sentences
    >>> g = Gazetteer([Actor("p", "Pax", "state"), Actor("x", "Xan", "armed_group")])
    >>> s = split_sentences("At least 20 Xan fighters were killed in air strikes carried out by Pax.")
    >>> [(li.a, li.b) for li in victim_links(s[0], find_mentions(s, g)[0], CueMatcher(), [])]
    [('p', 'x')]
    """
    words = {t.norm for t in sent.tokens}
    if not words & _VICTIMS or not words & _ACTS or len(mentions) < 2:
        return []
    units, unit_mention = sentence_units(sent, mentions)
    cues = [c for c in matcher.cues(units) if c.family.name == "hostility" and not c.negated]
    taken = {li.cue.text for li in bound}
    if not cues or any(c.text in taken for c in cues if c.role == "verb"):
        return []
    out: list[Link] = []
    for clause in read_clauses(units, unit_mention, sent, cues):
        for k in range(clause.start, clause.end):
            if units[k] not in _ACTS:
                continue
            cue = next((c for c in cues if c.start <= k < c.end), None)
            if cue is None:
                continue
            author = _author(units, unit_mention, k, clause.end)
            victims = _victims_before(units, unit_mention, k, clause.start) or _victims_after(
                units, unit_mention, k, clause.end, author)
            if author is None or not victims:
                continue
            authors = _coauthors(units, unit_mention, author, clause.end) if author > k else [author]
            by = list(dict.fromkeys(unit_mention[u].actor for u in authors))
            victim_actors = [unit_mention[v].actor for v in victims if unit_mention[v].actor not in by]
            if not victim_actors:
                continue
            out += pair_links(cue, Group(authors, by, any(unit_mention[u].via == "coref" for u in authors)),
                              Group(victims, victim_actors, any(unit_mention[v].via == "coref" for v in victims)),
                              clause)
    return out


def _author(units: list[str], unit_mention: dict[int, Mention], k: int, end: int) -> int | None:
    """The unit of the act's author: ``a Xan ambush`` (before), ``strikes (carried out) by Pax`` (after)."""
    j = k - 1
    while j >= 0 and units[j] in _ACT_WORDS - {"of", "a", "an", "the"}:
        j -= 1
    if j >= 0 and j in unit_mention and not unit_mention[j].inner:
        return j
    n = k + 1
    if n < end and units[n] in _WHERE:  # "an ambush near the Algerian border claimed by"
        n = next((q for q in range(n + 1, min(end, n + 6)) if units[q] in _AUTHORED), end)
    if n < end and units[n] in _AUTHORED:
        n += 2 if n + 1 < end and units[n + 1] in {"out", "up"} else 1
    if n < end and units[n] == "by":
        n += 1
        n += n < end and units[n] in {"the", "both"}
        m = unit_mention.get(n)
        return n if m is not None and not m.inner else None
    return None


def _coauthors(units: list[str], unit_mention: dict[int, Mention], author: int, end: int) -> list[int]:
    """The author and the actors coordinated after it (``by both JNIM and the FLA``)."""
    out = [author]
    j = author + 1
    while j + 1 < end and units[j] == "and":
        j += 1 + (units[j + 1] == "the")
        if j + 2 < end and units[j + 1] == "-" and units[j + 2] in {"led", "backed"}:
            j += 3  # "the Tuareg-led FLA"
        if j not in unit_mention:
            break
        out.append(j)
        j += 1
    return out


def _victims_before(units: list[str], unit_mention: dict[int, Mention], k: int, start: int) -> list[int]:
    """``Xan fighters were killed in [an act]``: the victims' actor units, the act at unit ``k``."""
    j = k - 1
    while j >= start and (units[j] in _ACT_WORDS or j in unit_mention and j + 1 <= k and units[j + 1] != "in"):
        j -= 1  # "in a Xan ambush": the author's name among the act's words
    if j < start or units[j] != "in":
        return []
    for n in (3, 2, 1):
        if j - n >= start and tuple(units[j - n : j]) in _SUFFERED:
            return _victim_group(units, unit_mention, j - n, start)
    return []


def _victims_after(units: list[str], unit_mention: dict[int, Mention], k: int, end: int, author: int | None) -> list[int]:
    """``A drone strike by Pax killed ten Xan fighters``: the victims after the act's verb."""
    if author is None or author < k:
        return []
    j = author + 1
    if j < end and units[j] in {"that", "which"}:
        j += 1
    if j >= end or units[j] not in {"killed", "wounded"}:
        return []
    j += 1
    while j < end and units[j] in _COUNT_WORDS or (j < end and units[j].isdigit()):
        j += 1
    if j + 1 < end and j in unit_mention and units[j + 1] in _VICTIMS:
        return [j]
    return []


def _victim_group(units: list[str], unit_mention: dict[int, Mention], end: int, start: int) -> list[int]:
    """The actors of ``Yel soldiers``, ``Malian soldiers and Russian fighters of the Africa Corps`` before ``end``."""
    out: list[int] = []
    j = end
    while j - 1 >= start:
        item = _victim_item(units, unit_mention, j, start)
        if item is None:
            break
        out.append(item[0])
        j = item[1]
        if j - 1 >= start and units[j - 1] in {"and", ","}:
            j -= 1
            continue
        break
    return sorted(out)


def _victim_item(units: list[str], unit_mention: dict[int, Mention], j: int, start: int) -> tuple[int, int] | None:
    """One victim phrase ending before unit ``j``: (its actor's unit, where the phrase starts)."""
    m = unit_mention.get(j - 1)
    if m is not None and m.text.split()[-1].lower() in _VICTIMS:
        return j - 1, j - 1  # "Malian soldiers" named as one mention
    if m is not None:  # "fighters of (the) Xan", after an optional nationality ("Russian fighters of ...")
        k = j - 2 - (units[j - 2] == "the" if j - 2 >= start else 0)
        if k - 1 >= start and units[k] == "of" and units[k - 1] in _VICTIMS:
            return j - 1, k - 2 if (k - 2) in unit_mention else k - 1
        return None
    if units[j - 1] in _VICTIMS and j - 2 >= start and (j - 2) in unit_mention:
        return j - 2, j - 2
    return None
