"""A joint subject of ``they``: ``the TDF and the OLA said they had formed an alliance with ...``.

``they`` in a clause whose subject is two or more coordinated actors stands for all of them; coreference
took the first actor only (and, for a description, the actors of that one mention). The coordinated
actors are those joined to the first by ``and``, commas, ``the`` and ``both`` only (``Pax and Yel``,
``Pax, Yel and the Xan``); an actor after a verb or a preposition is no part of the subject.
"""

from __future__ import annotations

from ._mentions import Mention
from ._sentences import Token

__all__ = ["joint_subject"]

_JOINING = frozenset({"and", ",", "the", "both"})


def joint_subject(toks: list[Token], own: list[Mention]) -> list[Mention]:
    """The mentions of the clause's first actor and of the actors coordinated with it, in text order.

    Parameters
    ----------
    toks : list of Token
        The sentence's tokens.
    own : list of Mention
        The actor mentions of the pronoun's clause before it, in text order.

    Returns
    -------
    list of Mention
        The first mention, the mentions that start with it, and those joined to it by ``and``, commas,
        ``the`` or ``both`` only.

    Examples
    --------
    >>> from alliances.extract import Mention, split_sentences
    >>> toks = list(split_sentences("Pax and the Yel said they would fight Xan.")[0].tokens)
    >>> ms = [Mention("p", 0, 1, "name", "Pax"), Mention("y", 3, 4, "name", "Yel")]
    >>> [m.actor for m in joint_subject(toks, ms)]
    ['p', 'y']
    """
    if not own:
        return []
    out = [m for m in own if m.start == own[0].start]
    end = max(m.end for m in out)
    for m in own:
        if m.start < end:
            continue
        between = [t.norm for t in toks[end : m.start]]
        if not between or not set(between) <= _JOINING or "and" not in between and "," not in between:
            break
        out.append(m)
        end = m.end
    return out
