"""A finding its subject explains away in the next sentence is disputed: ``Pax said the missiles had been bought
to protect its own troops``.

``Pax missiles were found in Xan's camps, a UN report says, suggesting Pax armed Xan. Pax said the
missiles had been bought to protect its own troops.``: the second sentence binds nothing, but it
answers the first: Pax gives the goods another purpose, so Pax's support for Xan is what Pax
disputes. When the next sentence of the paragraph opens with an actor and a reporting verb
(``said``, ``insisted``, ``explained``...) followed by goods (``the missiles``, ``the weapons``,
``they``) in a passive of a goods verb with a purpose (``had been bought to``, ``were sold for``),
the support links of that actor in the sentence before add ``denied by <actor> (said ... bought)``
to their hedge (a stated one becomes an allegation the actor disputes). Other links, and an actor
that says what it supplied (``Pax said the drones were supplied with its approval``, no purpose),
are left as they are.
"""

from __future__ import annotations

from dataclasses import replace

from ._goods import GOODS_VERBS, stands_for_goods
from ._links import Link
from ._mentions import Mention
from ._sentences import Sentence, Token

__all__ = ["explained_away"]

_SAYING = {"said", "says", "insisted", "insists", "explained", "explains", "maintained", "maintains", "argued",
           "argues", "acknowledged", "acknowledges", "stated", "added", "countered", "counters", "replied"}
_GOODS_NOUNS = {"missiles", "weapons", "arms", "drones", "rifles", "munitions", "ammunition", "shells", "rockets",
                "vehicles", "equipment", "aircraft", "guns", "systems", "launchers", "materiel", "crates",
                "missile", "weapon", "drone", "shipment", "shipments", "consignment", "cargo"}
_BETWEEN = {"that", "the", "those", "these", "such", "its", "anti-tank", "javelin"}
_NOT_VERBS = {"the", "a", "an", "its", "their", "his", "her", "be"}


def _purpose(after: list[Token], actors: set[int]) -> bool:
    """``to protect ...`` (an infinitive, not a recipient: ``sold to Xan``) or ``for its own army``."""
    words = [t.norm for t in after]
    if words[:1] == ["to"]:
        return len(words) > 1 and 1 not in actors and words[1] not in _NOT_VERBS and after[1].is_word
    return words[:1] == ["for"] and words[1:3] in (["its", "own"], ["their", "own"])


def explained_away(links: list[Link], following: Sentence | None, mentions: list[Mention]) -> list[Link]:
    """The links of a sentence, hedged as denied by an actor the next sentence says gave the goods another purpose.

    Parameters
    ----------
    links : list of Link
        What one sentence binds (its support links are the ones an explanation can dispute).
    following : Sentence or None
        The sentence after it when both are in one paragraph, else None (nothing is disputed).
    mentions : list of Mention
        The actor mentions of ``following`` (its opening one is who explains).

    Returns
    -------
    list of Link
        The same links; the support links of the actor that opens the next sentence and explains
        the goods away carry ``denied by <actor> (<verb> ... <participle>)`` (after any earlier hedge).

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import CueMatcher, Gazetteer, find_mentions, sentence_links, split_sentences
    >>> text = "Pax supplied missiles to Xan. Pax said the missiles had been bought to protect its own troops."
    >>> first, second = split_sentences(text)
    >>> found = find_mentions([first, second], Gazetteer([Actor("p", "Pax", "state"), Actor("x", "Xan", "armed_group")]))
    >>> bound, _ = sentence_links(first, found[0], CueMatcher())
    >>> [li.hedge for li in explained_away(bound, second, found[1])]
    ['denied by p (said ... bought)']
    """
    if following is None or not links:
        return links
    toks = list(following.tokens)
    opening = sorted((m for m in mentions if not m.inner), key=lambda m: m.start)
    if not opening or opening[0].start > 1:  # "Pax said", "The Pax ministry said" is an official's mention
        return links
    who, k = opening[0].actor, opening[0].end
    while k < len(toks) and toks[k].norm not in _SAYING and k - opening[0].end < 4 and toks[k].is_word:
        k += 1  # "Pax's defence ministry said"
    if k >= len(toks) or toks[k].norm not in _SAYING:
        return links
    j = k + 1
    while j < len(toks) and toks[j].norm in _BETWEEN:
        j += 1
    if j >= len(toks) or toks[j].norm not in _GOODS_NOUNS | {"they", "it"}:
        return links
    goods = toks[j].norm
    if goods in _GOODS_NOUNS:  # "the missiles had been bought": read the noun as the goods' pronoun would be
        toks = toks[:j] + [replace(toks[j], norm="they")] + toks[j + 1 :]
    if not stands_for_goods(toks, j, j + 1):
        return links
    p = j + 1
    while p < len(toks) and toks[p].norm not in GOODS_VERBS:
        p += 1
    if not _purpose(toks[p + 1 : p + 4], {m.start - p - 1 for m in mentions}):
        return links
    said = f"denied by {who} ({toks[k].norm} ... {toks[p].norm})"
    return [replace(li, hedge=f"{li.hedge}; {said}" if li.hedge else said)
            if who in (li.a, li.b) and li.cue.family.name == "support" else li for li in links]
