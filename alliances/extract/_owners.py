"""Possessive phrases whose head is another actor: ``its PDF units``, ``X's ally Y``, ``its rival Y``.

In such a phrase the owner is no argument of the sentence's verbs: the possessed actor is.
``The NUG said its People's Defence Force units had joined ...`` (the PDF joined) and ``Pax's
ally Yel attacked Xan`` (Yel attacked) both read the possessed actor as the noun phrase, and
relate the owner to it as the noun says (forces: support; ``ally``, ``proxy``: support;
``rival``: verbal hostility; a *former* ally: nothing). A list after the noun (``Iran's network of allies,
Hezbollah in Lebanon and the Houthis in Yemen,``: :mod:`._lists`) relates the owner to each actor in it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ._lists import listed_allies
from ._mentions import Mention
from ._sentences import Sentence

__all__ = ["FORCE_NOUNS", "RELATION_NOUNS", "RULERS", "Owned", "owned_by", "relation_owner"]

FORCE_NOUNS = frozenset({"fighters", "troops", "soldiers", "units", "members", "militiamen", "mercenaries", "contingent",
                         "forces", "gunmen", "militants", "officers", "instructors", "advisers", "delegation"})
# "the juntas in Bamako, Ouagadougou and Niamey", "the government of X": the noun stands for the states named after it
RULERS = frozenset({"junta", "juntas", "government", "governments", "regime", "regimes", "rulers", "leaderships"})

# "its Xan rivals", "Pax's ally Yel": the possessed actor is the phrase's head, related to the owner as the noun says
RELATION_NOUNS = {**dict.fromkeys(["rival", "rivals", "foes", "foe", "critics", "adversaries", "adversary"], "verbal"),
                  **dict.fromkeys(["enemy", "enemies"], "hostility"),
                  **dict.fromkeys(["ally", "allies", "backers", "backer", "patron", "patrons", "proxies", "proxy"],
                                  "support"),
                  **dict.fromkeys(["partner", "partners", "friends"], "cooperation")}

_PAST = frozenset({"former", "erstwhile", "one-time", "onetime", "ex", "old-time", "sometime"})
# words that may stand between the owner and the noun: "Pax's closest ally", "its long-time regional rival"
_NOT_ADJECTIVES = frozenset({"the", "a", "an", "and", "or", "of", "in", "to", "for", "with", "by", "on", "at", "from",
                             "is", "was", "are", "were", "has", "had", "have", "said", "says", "that", "which", "who"})


@dataclass(frozen=True)
class Owned:
    """``owner``'s ``owned``: the owner's mention, the possessed actor's, and the family the noun gives.

    ``family``: ``"support"``, ``"verbal"``, ``"hostility"``, ``"cooperation"`` or None (a former
    relation: no tie now); ``noun``: the noun as written; ``skip``: token indices that are no part of
    the sentence's units (the noun and what stands before it: the possessed actor stands for the
    whole phrase).
    """

    owner: Mention
    owned: Mention
    family: str | None
    noun: str
    skip: frozenset[int] = field(default_factory=frozenset)
    apposed: bool = False  # a list after the noun ("X's network of allies, A in P and B"): the owner stays a unit


def relation_owner(words: list[str], k: int) -> str | None:
    """The relation noun that follows a possessor ending at word ``k`` (up to two describing words between).

    Examples
    --------
    >>> relation_owner(["@0", "closest", "ally", "attacked", "@1"], 0)
    'ally'
    >>> relation_owner(["@0", "forces", "attacked", "@1"], 0) is None
    True
    """
    for j in range(k + 1, min(k + 4, len(words))):
        if words[j] in RELATION_NOUNS:
            return words[j]
        if words[j] in _NOT_ADJECTIVES or not words[j].replace("-", "").isalpha():
            return None
    return None


def owned_by(sent: Sentence, mentions: list[Mention]) -> list[Owned]:
    """Possessive phrases whose head is an actor: ``its PDF units``, ``Pax's ally Yel``, ``its rivals Yel and Zed``.

    ``its People's Defence Forces`` (a name ending in a force noun) is ``its PDF units``. Only a resolved ``its``/``their`` or a name with ``'s`` counts as owner. ``its Xan units``
    (the owned actor before a force or relation noun) takes only a pronoun; ``Pax's ally Yel``
    (a relation noun, then the actor, or ``Pax's ally, Yel,`` between commas) takes both, and a
    plural noun takes every actor coordinated after it.

    Parameters
    ----------
    sent : Sentence
    mentions : list of Mention
        The sentence's mentions.

    Returns
    -------
    list of Owned

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import Gazetteer, find_mentions, split_sentences
    >>> g = Gazetteer([Actor("a", "Alpha"), Actor("b", "Beta"), Actor("c", "Gamma")])
    >>> sents = split_sentences("Alpha said its Beta units attacked Gamma. Alpha's ally Beta attacked Gamma.")
    >>> [[(o.owner.actor, o.owned.actor, o.family) for o in owned_by(s, m)]
    ...  for s, m in zip(sents, find_mentions(sents, g))]
    [[('a', 'b', 'support')], [('a', 'b', 'support')]]
    """
    toks = sent.tokens
    by_start = {m.start: m for m in mentions if not m.inner and m.via != "coref"}
    out: list[Owned] = []
    for m in mentions:
        if m.inner:
            continue
        pronoun = m.via == "coref" and m.text.lower() in {"its", "their", "our"}
        if pronoun and m.end in by_start:  # "its PDF units", "its Xan rivals"
            owned = by_start[m.end]
            after = toks[owned.end].norm if owned.end < len(toks) else ""
            if owned.actor != m.actor and (after in FORCE_NOUNS or after in RELATION_NOUNS):
                out.append(Owned(m, owned, RELATION_NOUNS.get(after, "support"), toks[owned.end].text))
            elif owned.actor != m.actor and toks[owned.end - 1].norm in FORCE_NOUNS:  # "its People's Defence Forces"
                out.append(Owned(m, owned, "support", toks[owned.end - 1].text))
            continue
        if not (pronoun or (m.via != "coref" and toks[m.end - 1].possessive)):
            continue
        words = [t.norm for t in toks[m.end - 1 :]]
        noun = relation_owner(words, 0)
        if noun is None:
            continue
        j = m.end - 1 + words.index(noun, 1)
        past = any(t.norm in _PAST for t in toks[m.end : j])
        skip = set(range(m.start, j + 1))
        j += 1
        commas = j < len(toks) and toks[j].norm == ","
        first = by_start.get(j + 1 if commas else j)
        if first is None or first.actor == m.actor:
            continue
        heads = [first]
        e = first.end
        while noun.endswith("s") and e + 1 < len(toks) and toks[e].norm in {"and", ","}:
            nxt = by_start.get(e + 1) or (by_start.get(e + 2) if toks[e].norm == "," and toks[e + 1].norm == "and"
                                          else None)
            if nxt is None:
                break
            heads.append(nxt)
            e = nxt.end
        if commas:
            if e >= len(toks) or toks[e].norm != ",":
                continue  # "Pax's ally, Yel and Quor": a list, not an apposition
            skip |= {j, e}
        for h in heads:
            if h.actor != m.actor:
                out.append(Owned(m, h, None if past else RELATION_NOUNS[noun], noun, frozenset(skip)))
    have = {(o.owner.start, o.owned.start) for o in out}
    return out + [Owned(o, h, family, noun, apposed=True) for o, h, family, noun in listed_allies(sent, mentions)
                  if (o.start, h.start) not in have]
