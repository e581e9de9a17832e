"""A pronoun that stands for goods is not an actor: ``saying they had been bought to protect its troops``.

``Missiles found at a base abandoned by Xan belonged to Pax, which said they had been bought to
protect its troops``: ``they`` are the missiles. A ``they``/``them``/``it`` that is the subject
of a passive of a verb goods take (``had been bought``, ``were sold``, ``was supplied to``,
``were stored``, ``were found``, ``was seized``) is left unresolved; ``they were supplied with
drones`` (what a group is given) still refers to an actor.
"""

from __future__ import annotations

from ._sentences import Token

__all__ = ["GOODS_VERBS", "stands_for_goods"]

_AUX = {"had", "have", "has", "were", "was", "are", "is", "been", "being", "be", "reportedly", "allegedly", "all",
        "later", "originally", "first"}
_PASSIVE = {"were", "was", "are", "is", "been", "being", "be"}
GOODS_VERBS = frozenset({"bought", "sold", "supplied", "delivered", "stored", "found", "shipped", "seized", "recovered",
          "purchased", "smuggled", "manufactured", "transferred", "acquired", "captured", "stockpiled"})


def stands_for_goods(toks: list[Token], start: int, end: int) -> bool:
    """Whether the pronoun at tokens ``start:end`` is the subject of a passive of a goods verb.

    Parameters
    ----------
    toks : list of Token
        The sentence's tokens.
    start, end : int
        The pronoun's tokens.

    Returns
    -------
    bool
        True for ``they had been bought``, ``it was seized``; False for ``they were supplied with drones``,
        ``they had seized`` or ``they bought``.

    Examples
    --------
    >>> from alliances.extract import split_sentences
    >>> toks = list(split_sentences("Pax said they had been bought to protect its troops.")[0].tokens)
    >>> stands_for_goods(toks, 2, 3), stands_for_goods(toks, 0, 1)
    (True, False)
    """
    if toks[start].norm not in {"they", "them", "it"}:
        return False
    j = end
    aux = 0
    while j < len(toks) and toks[j].norm in _AUX:
        aux += toks[j].norm in _PASSIVE  # "they had seized": active, the actor
        j += 1
    if not aux or j >= len(toks) or toks[j].norm not in GOODS_VERBS:
        return False
    return not (j + 1 < len(toks) and toks[j + 1].norm == "with")
