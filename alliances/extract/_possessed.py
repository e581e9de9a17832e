"""A possessed act is its possessor's: ``Abbas's security cooperation with Israel`` is Abbas's cooperation.

``Hamas calls Mahmoud Abbas's security cooperation with Israel collaboration`` states no tie
between Hamas and Israel: the cue's agent is the possessor before it (``X's``, with up to two
words between: ``security``, ``growing military``), never the sentence's subject. When the
possessor is an actor, it is the link's agent (``Pax condemned Quor's support for Xan``);
when it names none (``Abbas's``, ``the president's``), the link is dropped and the cue listed
as unclear. Possessive pronouns (``its cooperation with``) are left to coreference.

A cue's words may also be a body's name: ``the Alliance of Sahel States it formed with Burkina
Faso and Niger`` names no alliance between the actors around it (a capitalised cue mid-sentence
with a capitalised word after it); the link is dropped and the cue listed as unclear.
"""

from __future__ import annotations

from dataclasses import replace

from ._links import Link
from ._mentions import Mention
from ._sentences import Sentence

__all__ = ["possessed_acts"]

_BETWEEN = 2  # "Abbas's growing security cooperation with"
_NOT_MODIFIERS = {"and", "or", "of", "the", "a", "an", "is", "was", "are", "were", "be", "been", "has", "have", "had",
                  "to", "in", "on", "with", "by", "for", "that", "which", "who", "said", "says"}


def possessed_acts(links: list[Link], sent: Sentence, mentions: list[Mention], units: list[str],
                   unit_mention: dict[int, Mention], reasons: list[str]) -> list[Link]:
    """The links whose cue a possessor owns given that possessor as agent, or dropped.

    Parameters
    ----------
    links : list of Link
        The sentence's links, as bound by the grammar.
    sent : Sentence
        The sentence (its tokens mark possessives).
    mentions : list of Mention
        The sentence's actor mentions (a possessor's too, which is no unit: ``Moscow's backers``).
    units : list of str
        The sentence's units (``@k`` for an actor mention).
    unit_mention : dict of int to Mention
        The mention at each ``@`` unit.
    reasons : list of str
        The sentence's reasons for ``unclear``; a dropped link's reason is appended.

    Returns
    -------
    list of Link
        The links; one whose cue follows ``X's`` with neither actor being X has X as its
        agent when X is an actor, and is dropped otherwise.

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import Gazetteer, find_mentions, split_sentences, CueMatcher, sentence_links
    >>> g = Gazetteer([Actor("h", "Hamas"), Actor("i", "Israel")])
    >>> sents = split_sentences("Hamas calls Mahmoud Abbas's security cooperation with Israel collaboration.")
    >>> links, reasons = sentence_links(sents[0], find_mentions(sents, g)[0], CueMatcher())
    >>> links, reasons[-1]
    ([], "'cooperation with': said of Abbas's cooperation with, who is no actor")
    """
    tokens = _token_of(sent, units, unit_mention)
    out = []
    for link in links:
        c = link.cue  # (a cue the structure implies, or an actor modifier, has no words of its own there)
        own = 0 <= c.start < len(tokens) and units[c.start] == c.text.split()[0]
        if own and _in_name(sent, tokens[c.start], c.end - c.start, mentions):
            why = f"'{c.text}': part of a name ({sent.tokens[tokens[c.start]].text} ...), no tie"
            reasons.extend([] if why in reasons else [why])
            continue  # "the Alliance of Sahel States it formed with ...": a body's name, not an alliance
        owner = _possessor(sent, tokens[c.start]) if own else None
        if owner is None:
            out.append(link)
            continue
        actor = next((m.actor for m in mentions if m.start <= owner < m.end), None)
        if actor in (link.a, link.b):
            out.append(link)
        elif actor is not None:
            out.append(replace(link, a=actor))  # "Pax condemned Quor's support for Xan"
        else:
            name = sent.tokens[owner].text
            why = f"'{link.cue.text}': said of {name} {link.cue.text}, who is no actor"
            if why not in reasons:
                reasons.append(why)
    return out


def _in_name(sent: Sentence, t: int, n: int, mentions: list[Mention]) -> bool:
    """Whether the cue of ``n`` tokens from token ``t`` is inside a proper name: capitalised after a word
    mid-sentence, with a capitalised word after it that is no actor (``the Alliance of Sahel States``)."""
    after = t + n
    return 0 < t and after < len(sent.tokens) and sent.tokens[t].is_capitalised and sent.tokens[t - 1].is_word and \
        not sent.tokens[t - 1].is_capitalised and sent.tokens[after].is_capitalised and \
        not any(m.start <= after < m.end for m in mentions)


def _possessor(sent: Sentence, t: int) -> int | None:
    """The token of the ``X's`` a cue at token ``t`` follows (skipping up to two modifiers), or None."""
    if t < 1:
        return None
    for j in range(t - 1, max(-1, t - 2 - _BETWEEN), -1):
        tok = sent.tokens[j]
        if tok.possessive:
            return j
        if not tok.is_word or tok.is_capitalised or tok.norm in _NOT_MODIFIERS:
            return None
    return None


def _token_of(sent: Sentence, units: list[str], unit_mention: dict[int, Mention]) -> list[int]:
    """The first token of each unit (``-1`` where the units and tokens do not line up)."""
    out, t = [], 0
    for k, u in enumerate(units):
        m = unit_mention.get(k)
        if m is not None:
            out.append(m.start)
            t = m.end
            continue
        j = next((j for j in range(t, min(t + 3, len(sent.tokens))) if sent.tokens[j].norm == u), -1)
        out.append(j)
        t = j + 1 if j >= 0 else t
    return out
