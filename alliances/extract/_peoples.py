"""A people's plural noun for the one actor of that people: ``pushed the Tigrayans back``, ``called the Syrians``.

Wire copy names a side by its people once the side is known: ``government forces ... pushed the
Tigrayans back towards their region`` (the Tigrayan forces), ``Haftar's spokesman called the Syrians
terrorist mercenaries`` (the Syrian fighters), ``the Russians shelled the town``. ``the`` and a
capitalised plural of a demonym is a mention of the one actor that word stands for:

- the demonym table's actor (``the Russians``: the actor named or aliased ``Russia``), or
- the actor with a name or an alias of that demonym and a force noun (``Tigrayan forces``,
  ``Syrian mercenaries``, ``Eritrean troops``).

When the two ways give different actors, or one gives two, the noun is nobody's: a people is no side
by itself. Without ``the`` (``the expulsion of Tigrayans from the area``) the people is meant, not a side,
and nothing is read.
"""

from __future__ import annotations

from ._mentions import Gazetteer, Mention
from ._sentences import Sentence

__all__ = ["people_mentions"]

_FORCE_WORDS = frozenset({"forces", "force", "troops", "fighters", "soldiers", "army", "militia", "militiamen",
                          "mercenaries", "rebels", "units", "military"})


def people_mentions(sent: Sentence, g: Gazetteer, found: list[Mention]) -> list[Mention]:
    """``the`` and a people's plural noun (``the Tigrayans``) as a mention of that people's one actor.

    Parameters
    ----------
    sent : Sentence
        One sentence of the text.
    g : Gazetteer
        The actors' names and demonyms.
    found : list of Mention
        The sentence's named mentions (their words are not looked at again).

    Returns
    -------
    list of Mention
        ``via="demonym"``, one per people noun whose actor is one.

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import split_sentences
    >>> g = Gazetteer([Actor("tplf", "TPLF", "armed_group", aliases=("Tigrayan forces",)),
    ...                Actor("eth", "Ethiopia", "state")])
    >>> s = split_sentences("Ethiopian forces pushed the Tigrayans back. Tigrayans fled.")
    >>> [[(m.actor, m.text) for m in people_mentions(x, g, [])] for x in s]
    [[('tplf', 'Tigrayans')], []]
    """
    taken = {i for m in found for i in range(m.start, m.end)}
    toks = sent.tokens
    out: list[Mention] = []
    for i in range(1, len(toks)):
        tok = toks[i]
        if i in taken or toks[i - 1].norm != "the" or not tok.is_capitalised or tok.possessive:
            continue
        word = tok.norm
        if len(word) < 5 or not word.endswith("s"):
            continue
        actor = _people_actor(g, word[:-1])
        if actor is not None:
            out.append(Mention(actor, i, i + 1, "demonym", tok.text))
    return out


def _people_actor(g: Gazetteer, demonym: str) -> str | None:
    """The one actor a demonym (``tigrayan``) stands for, through the table or a force alias; else None."""
    actors = set(g.demonyms.get(demonym, ()))
    for words, bucket in g.forms.items():
        if any(words[k] == demonym and words[k + 1] in _FORCE_WORDS for k in range(len(words) - 1)):
            actors.update(actor_id for _, actor_id in bucket)
    return next(iter(actors)) if len(actors) == 1 else None
