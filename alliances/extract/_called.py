"""What one party calls a relation is its claim: ``over what Yel's ministry called Pax's support for Xan``.

``Yel suspended cooperation with Pax over what its interior ministry called Pax's support for
Xan``, ``Yel condemned what it described as Pax's arming of Xan``, ``in what Yel termed Pax's
backing of Xan``: the noun phrase after ``what X called`` is X's word for something, not what
the text establishes. A link whose cue stands in that phrase is kept, hedged ``claimed by X
(what ... called)`` when X is not one of the pair (X's own word about itself stays as it is, as
for any claim; a pronoun namer, ``in what it called``, is the sentence's subject), and ``what ...
called`` when the namer is no actor (``what critics called``).
A link that already carries a hedge keeps it (``rejected what it called baseless allegations``).
"""

from __future__ import annotations

from dataclasses import replace

from ._links import Link
from ._mentions import Mention

__all__ = ["called_claims"]

_NAMING = {"called", "calls", "call", "described", "describes", "termed", "terms", "branded", "brands", "dubbed",
           "dubs", "labelled", "labeled", "characterised", "characterized"}
# "its interior ministry", "Yel's foreign minister", "officials in Yel": words between "what" and the verb
_NAMER = {"'s", "the", "its", "their", "his", "her", "interior", "foreign", "defence", "defense", "ministry",
          "minister", "spokesman", "spokeswoman", "spokesperson", "officials", "official", "government", "leaders",
          "leader", "president", "envoy", "critics", "analysts", "diplomats", "army", "military", "state", "media",
          "in", "of", "top", "a", "statement", "has", "have", "had", "repeatedly", "publicly", "long", "also"}
_IT = {"it", "they"}
_STOPS = {",", ";", ":", "which", "who", "while", "but", "and", "said", "says", "after", "because", "when"}
_REACH = 8  # units from the naming verb to the cue: "called @3 support for", "described as @3 arming of"


def called_claims(links: list[Link], units: list[str], unit_mention: dict[int, Mention]) -> list[Link]:
    """The links of a sentence, hedged as the namer's claim where their cue follows ``what X called``.

    Parameters
    ----------
    links : list of Link
        Every link one sentence's cues made.
    units : list of str
        That sentence, word by word, ``@k`` standing for the k-th actor mention.
    unit_mention : dict of int to Mention
        Who each ``@k`` unit names (the namer among them).

    Returns
    -------
    list of Link
        The same links; an unhedged one whose cue follows ``what X called`` (``described as``,
        ``termed``, ``branded``) in the same phrase, with X not one of its pair, carries
        ``claimed by X (what ... called)``.

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import extract_relations
    >>> actors = [Actor("p", "Pax", "state"), Actor("y", "Yel", "state"), Actor("x", "Xan", "armed_group")]
    >>> ex = extract_relations("Yel cut ties with Pax over what its ministry called Pax's support for Xan.", actors)
    >>> [(p.a, p.b, p.stance.value, p.evidence[0].hedge) for p in ex.proposals]
    [('p', 'x', 'ally', 'claimed by y (what ... called)'), ('p', 'y', 'rival', None)]
    """
    spans = _named_spans(units, unit_mention)
    if not spans:
        return links
    out = []
    for li in links:
        span = next((s for s in spans if s[0] < li.cue.start <= s[0] + _REACH and li.cue.start < s[1]), None)
        if span is not None and li.hedge is None:
            namer = span[2]
            if namer is None:
                li = replace(li, hedge="what ... called")
            elif namer not in {li.a, li.b}:
                li = replace(li, hedge=f"claimed by {namer} (what ... called)")
        out.append(li)
    return out


def _named_spans(units: list[str], unit_mention: dict[int, Mention]) -> list[tuple[int, int, str | None]]:
    """(the naming verb, where its phrase ends, the namer's actor or None) for each ``what X called``."""
    out: list[tuple[int, int, str | None]] = []
    for k, u in enumerate(units):
        if u != "what":
            continue
        j = k + 1
        namers: list[str] = []
        while j < len(units) and j - k <= 6 and (units[j] in _NAMER or units[j] in _IT or units[j].startswith("@")):
            if units[j].startswith("@") and j in unit_mention:
                namers.append(_namer(unit_mention, j))
            elif units[j] in _IT and unit_mention:  # a pronoun no mention resolved: the sentence's subject
                namers.append(unit_mention[min(unit_mention)].actor)
            j += 1
        if j >= len(units) or units[j] not in _NAMING or j == k + 1:
            continue
        end = j + 1
        while end < len(units) and units[end] not in _STOPS:
            end += 1
        out.append((j, end, namers[0] if len(set(namers)) == 1 else None))
    return out


def _namer(unit_mention: dict[int, Mention], j: int) -> str:
    """The actor of the namer's mention; a pronoun (``in what it called``) is the sentence's subject's."""
    m = unit_mention[j]
    if m.via == "coref" and m.text.lower() in _IT | {"its", "their"}:
        return unit_mention[min(unit_mention)].actor
    return m.actor
