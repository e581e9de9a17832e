"""A strike on a country's ground: ``drones struck an oil refinery deep inside Russia``.

The grammar binds a hostile verb to an actor named as its object, or to a place an actor
modifies (``struck Russian refineries``). A place followed by the country (``a refinery deep
inside Russia``) named nobody. It now names the country's state when the words say the ground
is the country's:

- ``inside`` / ``deep inside`` / ``deep in`` a state actor's name, after any place or
  installation (``struck an oil refinery deep inside Russia``, ``hit targets inside Russia``);
- ``in`` / ``across`` only after an installation a state runs (a refinery, a power plant, an
  airfield, the grid) and only when the attacker is a state too: ``Russian jets bombed towns in
  Syria`` (held by whom?) names nobody, ``Xan attacked a village in Yel`` neither.

The verb must be a hostile cue that is neither negated nor passive nor already bound to an
actor, the place its object (nothing but describing words between), and the country no actor of
the subject. Where something merely happened (``clashes in Ukraine``, ``talks in Moscow``) there is no
hostile verb with a place as its object, and a cooperative verb (``aid to Ukrainian cities``)
is never read this way.
"""

from __future__ import annotations

from .._records import ActorKind
from ._clauses import BE, Group, read_clauses, sentence_units
from ._cues import CueMatcher
from ._links import Link, pair_links
from ._mentions import Gazetteer, Mention
from ._sentences import Sentence

__all__ = ["INSTALLATIONS", "place_links"]

# installations a state runs: "in" or "across" the state is enough when a state strikes them
INSTALLATIONS = frozenset({"refinery", "refineries", "depot", "depots", "airfield", "airfields", "airbase", "airbases",
                           "grid", "infrastructure", "plant", "plants", "station", "stations", "terminal", "terminals",
                           "pipeline", "pipelines"})
# places that are the country's only when "inside" it
_PLACES = INSTALLATIONS | {"targets", "target", "territory", "cities", "city", "towns", "town", "region", "regions",
                           "bases", "base", "facility", "facilities", "sites", "site", "airport", "airports", "port",
                           "ports"}
_INSIDE = {("inside",), ("deep", "inside"), ("deep", "in"), ("deep", "into"), ("far", "inside")}
_IN = {("in",), ("across",)}
_DESCRIBING = {"a", "an", "the", "two", "three", "several", "major", "key", "large", "big", "main", "oil", "fuel",
               "gas", "energy", "power", "military", "air", "ammunition", "arms", "electricity", "strategic",
               "industrial", "export", "naval", "thermal", "nuclear"}
_NOT_ITS = {"-", "held", "controlled", "occupied", "run", "seized", "captured", "taken"}
_COMPASS = {"southern", "northern", "eastern", "western", "central", "the"}


def place_links(sent: Sentence, mentions: list[Mention], matcher: CueMatcher, g: Gazetteer,
                bound: list[Link]) -> list[Link]:
    """Links from hostile verbs whose object is a place inside a state actor's country.

    Parameters
    ----------
    sent : Sentence
    mentions : list of Mention
        The sentence's mentions.
    matcher : CueMatcher
    g : Gazetteer
    bound : list of Link
        The links the grammar already made in the sentence (a cue bound there is left alone).

    Returns
    -------
    list of Link

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import CueMatcher, find_mentions, split_sentences
    >>> g = Gazetteer([Actor("ru", "Russia", "state"), Actor("ua", "Ukraine", "state")])
    >>> s = split_sentences("Ukrainian drones struck an oil refinery deep inside Russia.")
    >>> [(li.a, li.b, li.cue.text) for li in place_links(s[0], find_mentions(s, g)[0], CueMatcher(), g, [])]
    [('ua', 'ru', 'struck')]
    """
    words = {t.norm for t in sent.tokens}
    if not words & {"inside", "in", "across", "into"} or not words & _PLACES:
        return []
    units, unit_mention = sentence_units(sent, mentions)
    cues = matcher.cues(units)
    taken = {li.cue.text for li in bound}
    out: list[Link] = []
    for clause in read_clauses(units, unit_mention, sent, cues):
        subject = clause.subject
        for cue in cues:
            if not (clause.start <= cue.start < clause.end) or cue.family.name != "hostility" or cue.role != "verb":
                continue
            if cue.negated or cue.text in taken or subject is None or subject.last >= cue.start:
                continue
            if cue.start > 0 and units[cue.start - 1] in BE:
                continue  # "a refinery was struck inside Russia": by whom is another matter
            k = _place_object(units, cue.end, clause.end, unit_mention, g, subject)
            if k is not None:
                target = Group([k], [unit_mention[k].actor], False)
                out += pair_links(cue, subject, target, clause, direct=not subject.coref)
    return out


def _place_object(units: list[str], start: int, end: int, unit_mention: dict[int, Mention], g: Gazetteer,
                  subject: Group) -> int | None:
    """The unit of the state actor whose ground the verb's object is, or None."""
    j = start
    while j < end and j - start < 4 and units[j] in _DESCRIBING:
        j += 1
    if j >= end or units[j] not in _PLACES:
        return None
    noun = units[j]
    j += 1
    for n in (2, 1):
        prep = tuple(units[j : j + n])
        if prep in _INSIDE or prep in _IN:
            break
    else:
        return None
    if prep in _IN and (noun not in INSTALLATIONS or any(g.actors[a].kind != ActorKind.STATE for a in subject.actors)):
        return None
    j += len(prep)
    while j < end and units[j] in _COMPASS:
        j += 1
    m = unit_mention.get(j) if j < end else None
    if m is None or m.via == "coref" or m.inner or g.actors[m.actor].kind != ActorKind.STATE:
        return None
    if m.actor in subject.actors or (j + 1 < len(units) and units[j + 1] in _NOT_ITS):
        return None  # "inside Russia-held territory", "a base in Syria held by Xan"
    return j
