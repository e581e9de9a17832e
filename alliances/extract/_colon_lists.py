"""An actor's allies listed after a colon, each as the subject of its own clause.

``Azerbaijan's victory owed much to its allies: Turkey trained its officers and sold it Bayraktar drones,
and Israel supplied loitering munitions``: the colon announces the allies, and each clause after it opens
with one of them. The actors that open the clauses (the first after the colon, then each after ``, and``)
are the owner's allies (a semicolon ends the sentence for the splitter, so its clause is not read); an actor inside a clause (an object, ``its officers``) is not one of
them. A plain list after the colon (``its allies: Turkey and Israel``) is read by :mod:`._lists`.
"""

from __future__ import annotations

from ._mentions import Mention
from ._sentences import Sentence, Token

__all__ = ["colon_subjects"]

_DETERMINERS = frozenset({"the"})
# what cannot follow a clause's subject: the subject goes on ("Turkey and ...", "Turkey's") or is no subject
_NOT_A_VERB = frozenset({",", "and", "or", "of", "in", "from", ":", ";", ".", "-", "(", ")"})


def colon_subjects(sent: Sentence, by_start: dict[int, Mention], i: int) -> list[Mention]:
    """The actors opening the clauses after a colon at token ``i - 1``; none unless the first clause opens with one.

    Parameters
    ----------
    sent : Sentence
        The sentence of the colon.
    by_start : dict of int to Mention
        The named actor mentions, by their first token.
    i : int
        The token right after the colon.

    Returns
    -------
    list of Mention
        The first clause's subject, then each actor right after ``, and`` that a verb follows.

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import Gazetteer, find_mentions, split_sentences
    >>> g = Gazetteer([Actor("a", "Alpha"), Actor("b", "Beta"), Actor("c", "Gamma"), Actor("d", "Delta")])
    >>> s = split_sentences("Alpha won thanks to its allies: Beta trained its officers and armed Delta, "
    ...                     "and Gamma sent drones.")
    >>> ms = {m.start: m for m in find_mentions(s, g)[0]}
    >>> [m.actor for m in colon_subjects(s[0], ms, 7)]
    ['b', 'c']
    """
    toks = sent.tokens
    words = [t.norm for t in toks]
    first = _subject_at(words, by_start, i, toks)
    if first is None:
        return []
    out = [first]
    k = first.end
    while k < len(words) and words[k] not in {".", ":"}:
        if words[k] == "," and k + 1 < len(words) and words[k + 1] == "and":
            nxt = _subject_at(words, by_start, k + 2, toks)
            if nxt is not None:
                out.append(nxt)
                k = nxt.end
                continue
        k += 1
    return out


def _subject_at(words: list[str], by_start: dict[int, Mention], i: int, toks: tuple[Token, ...]) -> Mention | None:
    """The actor opening a clause at token ``i`` (after ``the``), when a verb-like word follows it."""
    while i < len(words) and words[i] in _DETERMINERS:
        i += 1
    m = by_start.get(i)
    if m is None or m.end >= len(words) or toks[m.end - 1].possessive:
        return None
    nxt = words[m.end]
    return m if nxt.isalpha() and nxt not in _NOT_A_VERB and not toks[m.end].is_capitalised else None
