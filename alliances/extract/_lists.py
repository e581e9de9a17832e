"""Lists of an actor's allies in apposition: ``Iran's network of allies, Hezbollah in Lebanon, the Houthis in Yemen and
armed groups in Iraq, ...``.

Each actor in the list is the owner's ally (or partner); the list says nothing of its members' ties to each other
(they are listed, not said to act together). The list is the possessed noun's apposition: it follows the noun
after a comma and each item is a short noun phrase (``the Houthis in Yemen``, ``militias in Iraq``); it ends at a
comma, a colon, a dash or the sentence's end. A list of rivals, of sides or after ``against`` gives nothing here.
"""

from __future__ import annotations

from ._colon_lists import colon_subjects
from ._mentions import Mention
from ._sentences import Sentence

__all__ = ["ALLY_LISTS", "listed_allies"]

# the plural noun the list names ("allies"), and its family
ALLY_LISTS = {**dict.fromkeys(["allies", "proxies", "backers", "patrons", "clients"], "support"),
              **dict.fromkeys(["partners", "friends"], "cooperation")}
# "network of allies", "its axis of partners": a collective before ``of``
_COLLECTIVES = frozenset({"network", "axis", "coalition", "alliance", "camp", "web", "array", "bloc", "circle", "group",
                          "string", "constellation", "family", "club", "set", "ring", "roster"})
_PAST = frozenset({"former", "erstwhile", "one-time", "onetime", "ex", "old", "once"})
_DETERMINERS = frozenset({"the", "a", "an"})
# what an item may say after its actor: "Hezbollah in Lebanon", "the Houthis of Yemen"
_PLACE_PREPOSITIONS = frozenset({"in", "of", "from"})
_ENDS = frozenset({",", ":", ";", "-", "--", "\u2014", "\u2013", ".", "(", ")"})
_SEPARATORS = frozenset({"and", "or"})
_ITEM_WORDS = 5  # an item without an actor: "armed groups in Iraq"
_ADJECTIVES = 2  # "its regional network of loyal allies"


def _adjectives(words: list[str], j: int) -> int:
    """The first word from ``j`` after at most two describing words (letters only, no function word)."""
    for _ in range(_ADJECTIVES):
        if j < len(words) and words[j].replace("-", "").isalpha() and words[j] not in _COLLECTIVES \
                and words[j] not in ALLY_LISTS and words[j] not in {"of", "and", "the", "a", "an", "in"}:
            j += 1
    return j


def _noun(words: list[str], k: int) -> tuple[str, int, bool] | None:
    """After a possessor ending at word ``k``: the list noun, the word after it, whether it is a former tie."""
    j = _adjectives(words, k + 1)
    past = any(w in _PAST for w in words[k + 1 : j])
    if j < len(words) and words[j] in _COLLECTIVES and j + 1 < len(words) and words[j + 1] == "of":
        i = _adjectives(words, j + 2)
        past = past or any(w in _PAST for w in words[j + 2 : i])
        j = i
    if j < len(words) and words[j] in ALLY_LISTS:
        return words[j], j + 1, past
    return None


def _item(sent: Sentence, by_start: dict[int, Mention], i: int) -> tuple[Mention | None, int] | None:
    """One item of a list at token ``i``: its actor (None for ``armed groups in Iraq``) and the token after it."""
    toks = sent.tokens
    while i < len(toks) and toks[i].norm in _DETERMINERS:
        i += 1
    m = by_start.get(i)
    start = i if m is None else m.end
    n = start
    if m is not None and not (n < len(toks) and toks[n].norm in _PLACE_PREPOSITIONS):
        return m, n  # "Hezbollah", not "Hezbollah in Lebanon"
    limit = _ITEM_WORDS if m is None else 4  # "in northern Syria"
    while n < len(toks) and n - start < limit and toks[n].is_word and toks[n].norm not in _SEPARATORS \
            and n not in by_start:
        n += 1
    if n == start or (m is not None and n == start + 1) or n in by_start:
        return None
    return m, n


def _items(sent: Sentence, by_start: dict[int, Mention], i: int) -> list[Mention] | None:
    """The actors of a list that opens at token ``i`` (``A, B and C`` then an end); None when there is none."""
    toks = sent.tokens
    found: list[Mention] = []
    last = False
    while True:
        item = _item(sent, by_start, i)
        if item is None:
            return None
        m, i = item
        found += [m] if m is not None else []
        if last:
            return found if i >= len(toks) or toks[i].norm in _ENDS else None
        if i < len(toks) and toks[i].norm == "and":
            i, last = i + 1, True
        elif i + 1 < len(toks) and toks[i].norm == "," and toks[i + 1].norm == "and":
            i, last = i + 2, True
        elif i < len(toks) and toks[i].norm == ",":
            i += 1
        else:
            return None


def listed_allies(sent: Sentence, mentions: list[Mention]) -> list[tuple[Mention, Mention, str | None, str]]:
    """``X's network of allies, A in P, B in Q and C``: (owner, member, family or None for a former tie, noun).

    Parameters
    ----------
    sent : Sentence
        The sentence the list is in.
    mentions : list of Mention
        The actors named in it; the owner may be a resolved ``its``, a list item only a name.

    Returns
    -------
    list of tuple
        One (owner's mention, member's mention, ``"support"`` / ``"cooperation"`` or None, the noun) per
        actor of the list.

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import Gazetteer, find_mentions, split_sentences
    >>> g = Gazetteer([Actor("a", "Alpha"), Actor("b", "Beta"), Actor("c", "Gamma"), Actor("d", "Delta")])
    >>> sents = split_sentences("Alpha's network of allies, Beta in the north and the Gamma in the south, "
    ...                         "was built to deter Delta.")
    >>> [(o.actor, m.actor, family) for o, m, family, _ in listed_allies(sents[0], find_mentions(sents, g)[0])]
    [('a', 'b', 'support'), ('a', 'c', 'support')]
    """
    toks = sent.tokens
    words = [t.norm for t in toks]
    by_start = {m.start: m for m in mentions if not m.inner and m.via != "coref"}
    out: list[tuple[Mention, Mention, str | None, str]] = []
    for m in mentions:
        if m.inner:
            continue
        pronoun = m.via == "coref" and m.text.lower() in {"its", "their"}
        if not (pronoun or (m.via != "coref" and toks[m.end - 1].possessive)):
            continue
        found = _noun(words, m.end - 1)
        if found is None or found[1] >= len(toks) or words[found[1]] not in {",", ":"}:
            continue
        noun, j, past = found
        members = _items(sent, by_start, j + 1)
        if members is None and words[j] == ":":  # "its allies: Turkey trained ..., and Israel supplied ..."
            members = colon_subjects(sent, by_start, j + 1)
        out += [(m, h, None if past else ALLY_LISTS[noun], noun) for h in members or [] if h.actor != m.actor]
    return out
