"""Officials named by their country: ``Sudan's foreign minister``, ``the Sudanese government``, ``the Ministry of
Foreign Affairs of the Republic of Sudan``.

A country's official speaks for the country's government. When the country's name is no actor's
name (the scenario calls its government ``Sudanese Armed Forces``, aliases ``Sudanese army``,
``Port Sudan government``), the official still names that actor, provided exactly one actor of the
scenario is that country's state: one actor of kind ``state`` whose name or an alias holds the
country's name or its demonym as words (``Sudanese army`` for Sudan). Actor records have no
country field; the names they already hold are the only evidence used, and two such states
(``Myanmar military`` and a ``Myanmar`` shadow government) name nobody. Only the country's name
right before an official's title (or after it, with ``of``) counts: ``Sudan`` alone is a place,
not its government (``clashes in Sudan``).
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from functools import cache
from weakref import WeakKeyDictionary

from .._records import ActorKind
from ._mentions import DEMONYMS, Gazetteer, Mention
from ._sentences import Sentence, Token, dateline_end, tokenize

__all__ = ["OFFICIALS", "country_states", "official_mentions"]

# nouns that name a government's officials or offices
OFFICIALS = frozenset({
    "minister", "ministers", "ministry", "diplomat", "diplomats", "envoy", "envoys", "ambassador", "spokesman",
    "spokeswoman", "spokesperson", "president", "premier", "government", "officials", "delegation", "cabinet",
    "chancellor", "presidency",
})
# words that may stand between the country and the title: "Sudan's top diplomat", "the Sudanese deputy foreign minister"
_TITLE_WORDS = frozenset({"foreign", "defence", "defense", "top", "chief", "interior", "prime", "deputy", "acting",
                          "senior", "information", "affairs", "state", "new", "then", "former", "military", "de",
                          "facto", "interim", "transitional"})
# "the Ministry of Foreign Affairs of the Republic of Sudan": words of the title's "of" phrase
_OF_WORDS = frozenset({"of", "the", "foreign", "affairs", "defence", "defense", "interior", "information", "republic",
                       "state", "kingdom", "federal", "democratic"})
_CACHE: WeakKeyDictionary[Gazetteer, dict[tuple[str, ...], str]] = WeakKeyDictionary()


def country_states(g: Gazetteer) -> dict[tuple[str, ...], str]:
    """Country names and demonyms (as lower-case words) mapped to the one state actor whose names hold them.

    Parameters
    ----------
    g : Gazetteer

    Returns
    -------
    dict of tuple of str to str
        ``("sudan",)`` and ``("sudanese",)`` to the actor id, for every country exactly one
        state actor names (in its name or aliases, as words).

    Examples
    --------
    >>> from alliances import Actor
    >>> g = Gazetteer([Actor("saf", "Sudanese Armed Forces", "state", aliases=("Port Sudan government",)),
    ...                Actor("rsf", "Rapid Support Forces", "armed_group"), Actor("uae", "UAE", "state")])
    >>> country_states(g)[("sudan",)], country_states(g)[("sudanese",)]
    ('saf', 'saf')
    """
    if g in _CACHE:
        return _CACHE[g]
    keys = _country_keys()
    longest = max(len(key) for pair in keys for key in pair)
    states = {a for a, actor in g.actors.items() if actor.kind == ActorKind.STATE}
    holders: dict[tuple[str, ...], set[str]] = {}  # every run of words in a state's names: the states holding it
    for words, bucket in g.forms.items():
        for _, actor_id in bucket:
            if actor_id in states:
                for i in range(len(words)):
                    for j in range(i + 1, min(i + longest, len(words)) + 1):
                        holders.setdefault(words[i:j], set()).add(actor_id)
    out: dict[tuple[str, ...], str] = {}
    for pair in keys:
        owners = set().union(*(holders.get(key, ()) for key in pair))
        if len(owners) == 1:
            out.update(dict.fromkeys(pair, next(iter(owners))))
    _CACHE[g] = out
    return out


@cache
def _country_keys() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """Each country's name and its demonym, as lower-case words (``("united", "states"), ("american",)``)."""
    return tuple((tuple(t.norm for t in tokenize(country) if t.is_word), tuple(demonym.split()))
                 for demonym, country in DEMONYMS.items())


def official_mentions(sent: Sentence, g: Gazetteer, found: list[Mention]) -> list[Mention]:
    """The country of an official's title, as a mention of the country's one state actor.

    ``Sudan's foreign minister``, ``the Sudanese government``, ``Sudanese officials``, ``the
    foreign minister of Sudan``: the country's words become a mention (``via="name"`` for the
    name, ``"demonym"`` for a demonym) when no actor is named there already.

    Parameters
    ----------
    sent : Sentence
    g : Gazetteer
    found : list of Mention
        The sentence's named mentions (their words are not looked at again).

    Returns
    -------
    list of Mention

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import split_sentences
    >>> g = Gazetteer([Actor("saf", "Sudanese Armed Forces", "state", aliases=("Sudanese army",)),
    ...                Actor("uae", "UAE", "state")])
    >>> s = split_sentences("Sudan's foreign minister accused the UAE. Fighting in Sudan went on.")
    >>> [[(m.actor, m.text) for m in official_mentions(x, g, [])] for x in s]
    [[('saf', "Sudan's")], []]
    """
    countries = country_states(g)
    if not countries:
        return []
    toks = list(sent.tokens)
    taken: AbstractSet[int] = {i for m in found for i in range(m.start, m.end)}
    out: list[Mention] = []
    i = dateline_end(toks)
    while i < len(toks):
        hit = _country_at(toks, i, countries, taken)
        if hit is None:
            i += 1
            continue
        end, actor_id, demonym = hit
        start = _titled(toks, i, end, demonym)
        if start is not None:  # the country's words, or the whole "minister of Sudan" (then the clause's subject)
            out.append(Mention(actor_id, start, end, "demonym" if demonym else "name", sent.quote(start, end)))
        i = end
    return out


def _country_at(toks: list[Token], i: int, countries: dict[tuple[str, ...], str],
                taken: AbstractSet[int]) -> tuple[int, str, bool] | None:
    """(end, actor, is a demonym) of a capitalised country name or demonym at token ``i`` no name covers."""
    if i in taken or not toks[i].is_capitalised:
        return None
    if i > 0 and toks[i - 1].is_capitalised and toks[i - 1].norm not in {"the"} and i - 1 != dateline_end(toks) - 1:
        return None  # "Port Sudan", "South Sudan": part of a longer name
    for n in (3, 2, 1):
        span = toks[i : i + n]
        if len(span) < n or not all(t.is_capitalised for t in span) or any(t.possessive for t in span[:-1]):
            continue
        key = tuple(t.norm for t in span)
        if key in countries and not any(j in taken for j in range(i, i + n)):
            demonym = " ".join(key) in DEMONYMS
            nxt = toks[i + n] if i + n < len(toks) else None
            if nxt is not None and nxt.is_capitalised and not span[-1].possessive:
                return None  # "Sudan Liberation Army": another name goes on
            return i + n, countries[key], demonym
    return None


def _titled(toks: list[Token], start: int, end: int, demonym: bool) -> int | None:
    """Where the mention of an official's country starts, if an official's title goes with the country at
    ``start:end``: after its possessive or its demonym (``Sudan's foreign minister``, ``Sudanese officials``:
    ``start``), or before it with ``of`` (``the foreign minister of Sudan``: the title's first word)."""
    if toks[end - 1].possessive or demonym:
        j = end
        while j < len(toks) and j - end < 3 and toks[j].norm in _TITLE_WORDS:
            j += 1
        if j < len(toks) and toks[j].norm in OFFICIALS and toks[j].is_word:
            return None if j + 1 < len(toks) and toks[j + 1].possessive else start  # not "Sudan's government's"
        if demonym or j == end:
            return None
    if demonym or start < 2 or toks[start - 1].norm != "of":
        return None
    k = start - 1  # "the foreign minister of Sudan", "the Ministry of Foreign Affairs of the Republic of Sudan"
    while k > 0 and start - k < 8 and toks[k].norm in _OF_WORDS:
        k -= 1
    if toks[k].norm not in OFFICIALS:
        return None
    while k > 0 and toks[k - 1].norm in _TITLE_WORDS:
        k -= 1
    return k
