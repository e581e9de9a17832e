"""A rebuttal in the next sentence: ``X rejected the findings`` denies what the sentence before said of X.

Wire copy reports a finding and then its subject's answer: ``A UN Group of Experts report says
Pax soldiers are operating alongside Xan ... . Pax and Yel rejected the findings.`` The second
sentence binds no cue, but it denies the first sentence's claims about Pax and Yel: their links
that are claims (a report's, an accuser's: already hedged) also say the subject denies them
(``report says; denied by p (rejected the findings)``). What the sentence states as fact
(``Uganda, which fights the ADF alongside the army, has been accused of ...``) is not what is
rejected, and links between two other actors are left as they are.
"""

from __future__ import annotations

from dataclasses import replace

from ._links import Link
from ._mentions import Mention
from ._sentences import Sentence

__all__ = ["rebutted"]

_REJECTING = {"rejected", "rejects", "denied", "denies", "dismissed", "dismisses", "disputed", "disputes",
              "refuted", "refutes", "contested", "contests"}
_FINDINGS = {"findings", "finding", "report", "allegations", "allegation", "accusations", "accusation", "claims",
             "claim", "charges", "charge", "conclusions", "assertions", "reports"}
_BETWEEN = {"the", "those", "these", "its", "their", "all", "such", "report's", "panel's", "experts'", "un",
            "latest", "new", "both", "also", "again", "swiftly", "quickly", "strongly", "flatly", "firmly"}


def rebutted(links: list[Link], following: Sentence | None, mentions: list[Mention]) -> list[Link]:
    """The links of a sentence, hedged as denied by those the next sentence says rejected them.

    Parameters
    ----------
    links : list of Link
        The links of one sentence.
    following : Sentence or None
        The next sentence of the same paragraph (None: there is none).
    mentions : list of Mention
        The next sentence's mentions.

    Returns
    -------
    list of Link
        The same links; the hedged ones with an actor that opens the next sentence and
        rejects ``the findings`` (``the report``, ``the charge``, ...) add ``denied by <those
        of the pair>`` to their hedge.

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import CueMatcher, Gazetteer, find_mentions, sentence_links, split_sentences
    >>> g = Gazetteer([Actor("p", "Pax", "state"), Actor("x", "Xan", "armed_group")])
    >>> sents = split_sentences("A report says Pax troops fight alongside Xan. Pax rejected the findings.")
    >>> ms = find_mentions(sents, g)
    >>> links, _ = sentence_links(sents[0], ms[0], CueMatcher())
    >>> [li.hedge for li in rebutted(links, sents[1], ms[1])]
    ['report says; denied by p (rejected the findings)']
    """
    if following is None or not links:
        return links
    toks = [t.norm for t in following.tokens]
    subject = sorted((m for m in mentions if not m.inner), key=lambda m: m.start)
    who: list[str] = []
    k = 0
    for m in subject:  # "Pax and Yel", "Pax, Yel and Quor": the opening subject
        if m.start != k and not all(t in {",", "and", "the"} for t in toks[k : m.start]):
            break
        who.append(m.actor)
        k = m.end
    if not who or k >= len(toks) or toks[k] not in _REJECTING:
        return links
    j = k + 1
    while j < len(toks) and toks[j] in _BETWEEN:
        j += 1
    if j >= len(toks) or toks[j] not in _FINDINGS:
        return links
    out = []
    for li in links:
        denied = [a for a in (li.a, li.b) if a in who]
        said = f"denied by {', '.join(denied)} ({' '.join(toks[k : j + 1])})"
        out.append(replace(li, hedge=f"{li.hedge}; {said}") if denied and li.hedge else li)
    return out
