"""``a paramilitary assault``: an act of the one non-state force in reach.

``the paramilitary`` refers back like ``the militia``; an indefinite ``a paramilitary assault`` (an
attack, a raid, an offensive) names no one by itself, yet says whose the act was: the one armed
group or militia named in the sentence or the one before that is not itself the subject of the
verb governing the phrase (``the army and the Joint Forces repelled a paramilitary assault``: not
the Joint Forces). The actor records have no field saying who is a paramilitary; the kind
``armed_group`` or ``militia`` is the one used, and two candidates name nobody.
"""

from __future__ import annotations

from .._records import ActorKind
from ._mentions import Gazetteer, Mention
from ._sentences import Sentence

__all__ = ["paramilitary_acts"]

_ACTS = frozenset({"assault", "attack", "attacks", "offensive", "raid", "raids", "incursion", "bombardment",
                   "shelling", "advance", "push"})
_GROUPISH = frozenset({ActorKind.ARMED_GROUP, ActorKind.MILITIA})
# words that end the phrase's own clause looking back: its subject stands after them
_CLAUSE_EDGES = frozenset({",", ";", "after", "before", "when", "while", "as", "since", "that", "but", "until"})


def paramilitary_acts(sent: Sentence, g: Gazetteer, found: list[Mention], previous: list[Mention]) -> list[Mention]:
    """``paramilitary`` in ``a paramilitary assault``, as a mention of the one armed group it can be.

    Parameters
    ----------
    sent : Sentence
    g : Gazetteer
    found : list of Mention
        The sentence's mentions so far.
    previous : list of Mention
        The mentions of the sentence before, in the same paragraph (or none).

    Returns
    -------
    list of Mention
        One per such act, at the word ``paramilitary`` (``via="coref"``: its links are indirect).

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import named_mentions, split_sentences
    >>> g = Gazetteer([Actor("y", "Yel", "state"), Actor("x", "Xan", "armed_group"), Actor("z", "Zed", "armed_group")])
    >>> s = split_sentences("Xan shelled the town after Yel and Zed repelled a paramilitary assault.")[0]
    >>> [(m.actor, m.text) for m in paramilitary_acts(s, g, named_mentions(s, g), [])]
    [('x', 'paramilitary')]
    """
    toks = sent.tokens
    out: list[Mention] = []
    for i in range(1, len(toks) - 1):
        if toks[i].norm != "paramilitary" or toks[i - 1].norm not in {"a", "an"} or toks[i + 1].norm not in _ACTS:
            continue
        edge = max((k for k in range(i) if toks[k].norm in _CLAUSE_EDGES), default=-1)
        subjects = {m.actor for m in found if edge < m.start and m.end <= i}
        candidates = {m.actor for m in [*found, *previous] if not m.inner and g.actors[m.actor].kind in _GROUPISH
                      and (m not in found or m.end <= i)} - subjects
        if len(candidates) == 1:
            out.append(Mention(candidates.pop(), i, i + 1, "coref", sent.quote(i, i + 1)))
    return out
