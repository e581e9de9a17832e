"""``the country`` after a sentence whose first actor is no subject: the paragraph's topic, or nobody.

Wire copy names a country by ``the country`` (``the kingdom``, ``the republic``) a sentence or two after
naming it, often with another country named in between: ``Armenia's parliament voted to join the EU, a
step Moscow warned ... "We are diversifying," Mirzoyan said, noting that Russian border guards had left
Yerevan's airport at Armenia's request. France has become the country's second-largest arms supplier.``
:mod:`._coref` takes a description's antecedent from the nearest sentence with a candidate, its subject
first, and there the first actor (``Russian``) is no subject at all: it stands after a quote, a
reporting verb or ``that``, inside what is reported. When that sentence holds two or more countries and
its first actor is in such a reported or subordinate place, :func:`country_topic` takes the topic of the
paragraph instead, the subject of the nearest earlier sentence that opens on an actor (``Armenia's
parliament``), if it is one of the candidates; with no such topic it leaves ``the country`` unresolved.
A sentence whose first actor is its subject (``Pax warned Yel on Monday. The country ...``) keeps the
usual choice, and so does a sentence with one candidate.
"""

from __future__ import annotations

from collections.abc import Callable

from ._mentions import Mention
from ._sentences import Token

__all__ = ["COUNTRY_HEADS", "country_topic"]

COUNTRY_HEADS = frozenset({"country", "kingdom", "republic"})
# words that put what follows them in a reported or subordinate clause ("noting that Russian guards ...")
_SUBORDINATE = frozenset({'"', "that", "said", "says", "say", "saying", "noting", "noted", "adding", "added", "told",
                          "after", "when", "while", "because", "as", "which", "who", "whose", "if", "although",
                          "though", "since", "before", "until", "where", "whereas", "according", "warned"})


def country_topic(chosen: Mention, earlier: tuple[list[list[Mention]], list[list[Token]]],
                  fits: Callable[[Mention], bool], excluded: str | None) -> str | None:
    """The actor ``the country`` refers to when the usual choice came from an earlier sentence.

    Parameters
    ----------
    chosen : Mention
        The usual choice: the first candidate of the nearest earlier sentence with one.
    earlier : tuple of (list of list of Mention, list of list of Token)
        The mentions and tokens of the sentences before, nearest first.
    fits : callable
        Whether a mention is a candidate (its actor's kind fits the description).
    excluded : str or None
        The description's own clause's subject, never its antecedent.

    Returns
    -------
    str or None
        ``chosen``'s actor when that sentence has one candidate or opens on its first actor; else
        the paragraph's topic (the actor an earlier sentence opens on) if it is a candidate there;
        else None (unresolved).

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import extract_relations
    >>> actors = [Actor("am", "Armenia", "state"), Actor("ru", "Russia", "state"), Actor("fr", "France", "state")]
    >>> text = ("Armenia's parliament voted to join the bloc. The minister said on Monday, noting "
    ...         "that Russian guards had left Armenia's airport. France has become the country's main arms supplier.")
    >>> sorted(p.pair for p in extract_relations(text, actors).proposals)
    [('am', 'fr')]
    """
    previous, tokens = earlier
    j = next((j for j, ms in enumerate(previous) if any(fits(m) and m.actor != excluded for m in ms)), None)
    if j is None or j >= len(tokens):
        return chosen.actor
    candidates = {m.actor for m in previous[j] if fits(m) and m.actor != excluded}
    if len(candidates) < 2 or _opens_on(previous[j], tokens[j]):
        return chosen.actor
    for k in range(j + 1, min(len(previous), len(tokens))):
        if _opens_on(previous[k], tokens[k]):
            first = min((m for m in previous[k] if not m.inner), key=lambda m: m.start)
            return first.actor if first.actor in candidates else None
    return None


def _opens_on(mentions: list[Mention], toks: list[Token]) -> bool:
    """Whether a sentence's first actor stands before any quote, reporting verb or subordinating word."""
    named = [m for m in mentions if not m.inner]
    if not named:
        return False
    first = min(named, key=lambda m: m.start)
    return not any(t.norm in _SUBORDINATE for t in toks[: first.start])
