"""The speaker's tail: what follows a quote's attribution is said of the speaker, not of the quote.

Agency copy closes a quote with its speaker and often goes on with what the speaker did:
``"Yel stood by us when others did not," Pax's defence minister told parliament in a speech
that also thanked Quor`` or ``"...," Pax said, thanking Quor``. The thanks belong to Pax, the
speaker; the grammar, which finds no actor subject for ``that also thanked`` or ``thanking``
in the tail, may reach back into the quote and take its last actor (Yel). A link bound in the
tail to an actor named only inside the quote is given to the speaker instead; with no one
speaker (none named next to the reporting verb, or several) it is dropped.
"""

from __future__ import annotations

from dataclasses import replace

from ._links import Link
from ._mentions import Mention

__all__ = ["speaker_tails"]

_REPORTING = {"said", "says", "told", "tells", "added", "adds", "stated", "declared", "announced", "insisted", "warned",
              "wrote", "argued", "noted", "recalled"}


def speaker_tails(links: list[Link], units: list[str], unit_mention: dict[int, Mention]) -> list[Link]:
    """Links bound after a quote's attribution, with the quote's actors replaced by its speaker.

    Parameters
    ----------
    links : list of Link
        The sentence's links.
    units : list of str
        The sentence's units (``@k`` for actor mentions, ``"`` for quotation marks).
    unit_mention : dict of int to Mention
        The mention at each actor unit.

    Returns
    -------
    list of Link
        The links; one whose cue follows the reporting verb and which binds an actor named
        only inside the quote binds the speaker in its place (not ``direct``), or is dropped
        when the speaker is not one clear actor or would be related to itself.

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import CueMatcher, Gazetteer, find_mentions, sentence_links, split_sentences
    >>> g = Gazetteer([Actor("p", "Pax", "state"), Actor("q", "Quor", "state"), Actor("y", "Yel", "state")])
    >>> sents = split_sentences('"Yel stood by us," Pax told reporters in a speech that also thanked Quor.')
    >>> links, _ = sentence_links(sents[0], find_mentions(sents, g)[0], CueMatcher())
    >>> sorted((min(li.a, li.b), max(li.a, li.b)) for li in links)
    [('p', 'q'), ('p', 'y')]
    """
    quotes = [k for k, u in enumerate(units) if u == '"']
    if len(quotes) < 2:
        return links
    opened, closed = quotes[0], quotes[1]
    verb = next((k for k in range(closed + 1, min(len(units), closed + 9)) if units[k] in _REPORTING), None)
    if verb is None:
        return links
    named = {unit_mention[k].actor for k in range(closed + 1, verb) if k in unit_mention}
    speaker = next(iter(named)) if len(named) == 1 else None
    inside = {unit_mention[k].actor for k in range(opened + 1, closed) if k in unit_mention}
    tail = {unit_mention[k].actor for k in range(verb + 1, len(units)) if k in unit_mention}
    quoted = inside - tail - {speaker}
    out = []
    for li in links:
        if li.cue.start <= verb or not {li.a, li.b} & quoted:
            out.append(li)
        elif speaker is not None and len({li.a, li.b} & quoted) == 1 and speaker not in {li.a, li.b}:
            out.append(replace(li, a=speaker if li.a in quoted else li.a, b=speaker if li.b in quoted else li.b,
                               direct=False))
    return out
