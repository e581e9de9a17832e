"""``Its founder Yevgeny Prigozhin``: a possessive before a named person's title is the person's own actor.

Wire copy names a group's leader with the group's possessive and his title before the name: ``Wagner
fought for Moscow. Its founder Yevgeny Prigozhin later turned on the Kremlin``, ``the group's leader
Hassan Nasrallah``, ``their commander Ibrahim Traore``. When the scenario lists the person as an alias of
the group (Prigozhin for Wagner), the sentence names the group twice: once through the pronoun, which
:mod:`._coref` resolves, and once by name. The name is the statement; the pronoun only introduces it.
Left in, the pronoun becomes the clause's subject and the act is taken as said *through coreference*
(indirect), so it loses to any direct statement of the other sign elsewhere in the text instead of
making the pair ambivalent.

:func:`titled_owners` drops such a resolved possessive when it is followed, through title words only,
by a name of the *same* actor. A possessive of another actor is a relation of its own (``Iran ... its
ally Hezbollah``) and is kept, as is any possessive followed by other words (``its fighters``).
"""

from __future__ import annotations

from ._mentions import TITLES, Mention
from ._sentences import Token

__all__ = ["ROLE_WORDS", "titled_owners"]

# words of a person's title or role between a possessive and the name ("its founder", "the group's
# veteran military chief", "their foreign minister")
ROLE_WORDS = TITLES | frozenset({
    "founder", "co-founder", "cofounder", "head", "boss", "spokesman", "spokeswoman", "spokesperson", "warlord",
    "strongman", "ruler", "figurehead", "deputy", "foreign", "defence", "defense", "prime", "military", "political",
    "top", "former", "late", "new", "veteran", "longtime", "long-time", "self-styled", "supreme", "secretary",
    "secretary-general", "emir", "field", "co-leader",
})
_POSSESSIVE_PRONOUNS = frozenset({"its", "his", "her", "their"})
_MAX_ROLE_WORDS = 4


def titled_owners(toks: list[Token] | tuple[Token, ...], resolved: list[Mention], named: list[Mention]) -> list[Mention]:
    """The resolved mentions without the possessives that introduce a name of their own actor.

    Parameters
    ----------
    toks : sequence of Token
        The sentence's tokens.
    resolved : list of Mention
        The descriptions and pronouns resolved to an actor (``via="coref"``).
    named : list of Mention
        The sentence's named mentions.

    Returns
    -------
    list of Mention
        ``resolved`` without each possessive (``its``, ``his``, ``her``, ``their``, or a description
        ending in ``'s``) that one to four title words (:data:`ROLE_WORDS`) separate from a named mention
        of the same actor.

    Examples
    --------
    >>> from alliances.extract import tokenize
    >>> toks = tokenize("Its founder Yevgeny Prigozhin turned on the Kremlin.")
    >>> its = Mention("wagner", 0, 1, "coref", "Its")
    >>> name = Mention("wagner", 2, 4, "name", "Yevgeny Prigozhin")
    >>> titled_owners(toks, [its], [name])
    []
    >>> other = Mention("iran", 0, 1, "coref", "Its")
    >>> [m.actor for m in titled_owners(toks, [other], [name])]
    ['iran']
    """
    starts = {m.start: m.actor for m in named if not m.inner}
    kept = []
    for m in resolved:
        j = m.end
        possessive = (m.end - m.start == 1 and toks[m.start].norm in _POSSESSIVE_PRONOUNS) or toks[m.end - 1].possessive
        k = j
        while possessive and k < len(toks) and k - j < _MAX_ROLE_WORDS and toks[k].norm in ROLE_WORDS:
            k += 1
        if possessive and k > j and starts.get(k) == m.actor:
            continue
        kept.append(m)
    return kept
