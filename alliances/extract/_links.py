"""What the cue grammar yields, and the relation nouns: ``X's ally``, ``an ally of X``, ``X, Y's rival,``.

:class:`Link` is a cue binding two actors; :func:`pair_links` and :func:`within_links`
make links between two groups or inside one; :func:`noun_links` reads a relation noun
(its possessor and the head the phrase describes). The rest of the grammar is in
:mod:`._grammar`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ._clauses import (
    ALLIANCE_NOUNS,
    DETERMINERS,
    FILLER,
    PREPOSITIONS,
    Clause,
    Group,
    Paren,
    is_modifier,
    object_after,
)
from ._cues import Cue
from ._lexicon import FAMILIES
from ._mentions import Mention

__all__ = ["NOUN_DETERMINERS", "Link", "judgement_links", "noun_links", "pair_links", "within_links"]

NOUN_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "this", "that", "any", "no", "every"}
_COPULA = {"is", "was", "are", "were", "remains", "remained", "remain", "has", "have", "become", "became", "been", "as"}


@dataclass(frozen=True)
class Link:
    """A cue binding two actors in one sentence.

    ``a`` is the cue's agent where it has one (the attacker, the backer's client...),
    ``b`` the other argument; ``direct``: both arguments found by the grammar's main
    rules, neither through coreference or a shared subject; ``hedge``: the words that
    make it an allegation (``according to``, ``accused ... of``, ``denied``), or None;
    ``contrast``: bound in one of two clauses a contrast joins (``X condemned Y but
    cooperates with it``), where a sentence may state both signs.
    """

    a: str
    b: str
    cue: Cue
    direct: bool
    hedge: str | None = None
    contrast: bool = False


def pair_links(cue: Cue, g1: Group, g2: Group, clause: Clause, *, direct: bool = True,
               hedge: str | None = None) -> list[Link]:
    """The links a cue makes between every actor of one group and every actor of another.

    Parameters
    ----------
    cue : Cue
    g1, g2 : Group
        The agent's group and the other argument's.
    clause : Clause
        The clause they are in (its hedge applies).
    direct : bool
        False for a reading through a shared subject or a rule of implication; coreference
        in either group makes the links indirect too.
    hedge : str or None
        What makes them an allegation, if not the clause's hedge.

    Returns
    -------
    list of Link

    Examples
    --------
    >>> from alliances.extract import find_cues
    >>> cue = find_cues(["@0", "attacked", "@1"])[0]
    >>> [(li.a, li.b, li.direct) for li in pair_links(cue, Group([0], ["a"], False), Group([2], ["b", "c"], False),
    ...                                                 Clause(0, 3))]
    [('a', 'b', True), ('a', 'c', True)]
    """
    if g1 is g2:
        return []
    d = direct and not g1.coref and not g2.coref
    h = hedge or clause.hedge
    return [Link(a, b, cue, d, h) for a in g1.everyone for b in g2.everyone if a != b]


def within_links(cue: Cue, g: Group, clause: Clause) -> list[Link]:
    """The links a reciprocal reading makes between the members of one group (``X and Y clashed``).

    Parameters
    ----------
    cue : Cue
    g : Group
    clause : Clause

    Returns
    -------
    list of Link
        One per pair of members, in the group's order.

    Examples
    --------
    >>> from alliances.extract import find_cues
    >>> cue = find_cues(["@0", "and", "@1", "clashed"])[0]
    >>> [(li.a, li.b) for li in within_links(cue, Group([0, 2], ["a", "b"], False), Clause(0, 4))]
    [('a', 'b')]
    """
    return [Link(a, b, cue, not g.coref, clause.hedge) for i, a in enumerate(g.actors) for b in g.actors[i + 1 :]]


def noun_links(cue: Cue, clause: Clause, units: list[str], groups: list[Group],
               paren: Paren | None) -> tuple[list[Link], str | None]:
    """``X's ally``, ``an ally of X``: the possessor and the head the phrase describes.

    The head is an apposition (``X, Y's closest ally,``), the list after the noun
    (``X's allies Y and Z``, ``its partners in the alliance, Y and Z,``), an organisation
    after ``in`` (``X's allies in NATO``), or a copula's subject (``Y is X's ally``).

    Parameters
    ----------
    cue : Cue
        A cue of role ``noun``.
    clause : Clause
    units : list of str
    groups : list of Group
        The groups the cue may bind (those of its parenthetical, if it is in one).
    paren : Paren or None
        The parenthetical the cue is in.

    Returns
    -------
    links : list of Link
    reason : str or None
        Why nothing was bound, for ``unclear``.

    Examples
    --------
    >>> from alliances.extract import find_cues
    >>> units = ["@0", "is", "@1", "ally", "."]
    >>> cue = find_cues(units)[0]
    >>> x, y = Group([0], ["x"], False), Group([2], ["y"], False, possessive=True)
    >>> [(li.a, li.b) for li in noun_links(cue, Clause(0, 5, subject=x, groups=[x, y]), units, [x, y], None)[0]]
    [('y', 'x')]
    """
    why = f"'{cue.text}': no clear pair of actors it relates"
    owner = next((g for g in groups if g.possessive and g.last < cue.start and all(
        u not in PREPOSITIONS and u not in {",", ";"} for u in units[g.last + 1 : cue.start])
        and cue.start - g.last <= 4), None)
    if owner is None:
        # "a Russian ally", "the Iran ally": an actor right before the noun, after a determiner or as a demonym
        g = next((g for g in groups if g.last + 1 == cue.start and not is_modifier(units, g)), None)
        if g is not None and (g.demonym or (g.first > 0 and units[g.first - 1] in NOUN_DETERMINERS | {"key", "close"})):
            owner = g
    if owner is None and cue.end < clause.end and units[cue.end] in {"of", "to"}:
        owner = object_after(units, groups, cue.end + 1, clause.end)
        mine = next((g for g in groups if g.first == cue.end + 1 and g.pronoun), None)
        if mine is not None and mine.last + 1 < clause.end and units[mine.last + 1] in _OWN_THINGS:
            owner = mine  # "a threat to our people", "an ally of our country": the pronoun's actor
    if owner is None and cue.text.endswith(" of"):
        owner = object_after(units, groups, cue.end, clause.end)
    if owner is None:
        # "X and Y are allies", "X and Y, long-time rivals,": the members of one group
        members = _copula_subject(cue, clause, units) if paren is None else paren.head
        if members is not None and len(members.actors) >= 2 and not _owned_after(cue, units, clause):
            return within_links(cue, members, clause), None
        return [], why
    head = None
    if paren is not None and paren.kind == "apposition" and paren.head is not None:
        head = paren.head  # "X, Russia's closest ally,"
    elif paren is not None and paren.kind == "relative" and paren.head is not None:
        linking = units[paren.start + 2 : min(owner.first, cue.start)]  # "X, which has long been Y's ally"
        if any(u in _LINKING for u in linking) and all(
                u in _LINKING or u in _ADVERBS or u in DETERMINERS or u.endswith("ly") for u in linking):
            head = paren.head
    if head is None:
        # "X's closest backer, Y" / "their allies, the Wazalendo militias": the apposition after
        j = max(cue.end, owner.last + 1)
        while j < clause.end and units[j] in FILLER:
            j += 1
        if j < clause.end and units[j] in {"in", "within"} and not _in_fight(units, j, clause.end):
            return _members_in(cue, owner, clause, units, j)
        if j < clause.end and units[j] == "in":  # "its allies in the fight, Y and Z,": the apposition after
            k = j + 1
            while k < clause.end and k - j <= 5 and units[k] not in {",", ";", "."} and not units[k].startswith("@"):
                k += 1
            j = k if k < clause.end and units[k] == "," else j
        if j < clause.end and units[j] == ",":
            head = object_after(units, clause.groups, j + 1, clause.end)
        elif j < clause.end and units[j].startswith("@") and j > owner.last:
            head = object_after(units, clause.groups, j, clause.end)  # "the government's allies Russia and Iran"
    if head is None and owner.first >= 2:
        # "made Hungary the Kremlin's most reliable friend": the object the noun is predicated of
        k = owner.first - 1
        while k > 0 and units[k] in {"the", "a", "an"}:
            k -= 1
        made = next((g for g in groups if g.last == k and g is not owner), None)
        v = made.first - 1 if made is not None else 0
        while v > 0 and units[v] in {"the", "a", "an"}:
            v -= 1
        if made is not None and made.first > 0 and units[made.first - 1] in _MAKING:
            head = made
        elif made is not None and units[v] in _NAMING:
            # "Pax has called Yel Xan's main sponsor": Yel-Xan, as Pax's claim (never Pax-Yel or Pax-Xan)
            namer = paren.head if paren is not None and paren.kind == "relative" else clause.subject
            who = [a for a in (namer.actors if namer is not None else []) if a not in made.actors + owner.actors]
            return [replace(li, hedge=li.hedge or (f"claimed by {', '.join(who)} ({units[v]})" if who else None))
                    for li in pair_links(cue, owner, made, clause)], None
    if head is None:
        # copula: "X is Y's ally", "X, a member of Y" (not "X has called Y Z's ally": the noun is Y's)
        s = clause.subject
        before = units[s.last + 1 : min(owner.first, cue.start)] if s is not None else []
        if s is not None and s is not owner and before and any(u in _COPULA for u in before) and len(before) <= 6 \
                and not any(u in _NAMING for u in before):
            head = s
    if head is None:
        return [], why
    return pair_links(cue, owner, head, clause), None


# "our closest partner in the fight against Y": the phrase says what they are partners in, not where
_FIGHTS = {"fight", "war", "struggle", "battle", "campaign", "effort", "efforts", "resistance", "confrontation"}


def _in_fight(units: list[str], j: int, end: int) -> bool:
    """Whether ``in`` at unit ``j`` opens ``in the fight against ...`` (a determiner, then a fight noun)."""
    k = j + 1
    while k < end and units[k] in {"the", "a", "our", "its", "their", "this"}:
        k += 1
    return k < end and units[k] in _FIGHTS


def _members_in(cue: Cue, owner: Group, clause: Clause, units: list[str], j: int) -> tuple[list[Link], str | None]:
    """``Kyiv's allies in NATO``: NATO is the head; ``its partners in the Brotherhood Alliance, P and Q,``: P
    and Q are (and, members of one alliance, allies of each other too, read indirectly).

    The organisation must read as one (an acronym, or after ``the``): ``Russia's allies in Ukraine`` are
    people in a place, not its state.
    """
    why = f"'{cue.text} in': no clear pair of actors it relates"
    k = j + 1
    while k < clause.end and units[k] in {"the", "a"}:
        k += 1
    org = next((g for g in clause.groups if g.first == k), None)
    if org is not None and not (org.acronym or units[k - 1] == "the") or (org is not None and org.demonym):
        return [], why
    if org is not None:
        end = org.last + 1
        while end < clause.end and units[end] in FILLER:
            end += 1
    else:  # "in the Brotherhood Alliance": a few words ending in an alliance noun
        end = k
        while end < clause.end and end - j <= 6 and units[end] not in {",", ";", "."} and not units[end].startswith("@"):
            end += 1
    if org is None and not (end > k and units[end - 1] in ALLIANCE_NOUNS):
        return [], why
    friendly = cue.family in (_SUPPORT, FAMILIES["cooperation"])
    bond = Cue(_SUPPORT, cue.start, cue.end, f"{cue.text} in", "noun", cue.strength) if friendly else cue
    listed = object_after(units, clause.groups, end + 1, clause.end) if end < clause.end and units[end] == "," else None
    if listed is not None and listed is not org:
        out = pair_links(bond, owner, listed, clause)
        if friendly:  # members of one alliance
            out += [Link(li.a, li.b, li.cue, False, li.hedge) for li in within_links(bond, listed, clause)]
        return out, None
    if org is not None:
        return pair_links(bond, owner, org, clause), None
    return [], why


_SUPPORT = FAMILIES["support"]
# what a possessive pronoun may own and stand for its actor through
_OWN_THINGS = {"people", "country", "nation", "security", "territory", "sovereignty", "borders", "border", "citizens",
               "state", "government", "region", "interests", "revolution", "movement", "cause", "land", "homeland"}
_MAKING = {"made", "make", "makes", "making", "named", "declared", "considers", "considered", "regards", "regarded"}
_LINKING = {"is", "are", "was", "were", "remain", "remains", "remained", "become", "became", "been", "stay",
            "stayed", "stays", "emerged", "emerges", "emerge"}  # "X has emerged as Y's closest partner"
_ADVERBS = {"long", "still", "now", "also", "once", "already", "always", "increasingly", "not", "never", "no", "longer",
            "since", "then", "become", "have", "has", "had", "close", "closest", "bitter", "sworn", "old", "key",
            "firm", "staunch", "natural", "longtime", "long-time", "regional", "strategic", "traditional", "de",
            "facto", "uneasy"}


def _copula_subject(cue: Cue, clause: Clause, units: list[str]) -> Group | None:
    """The subject of ``X and Y are (close) allies``: only a linking verb and modifiers between it and the noun."""
    s = clause.subject
    if s is None or s.last >= cue.start:
        return None
    between = units[s.last + 1 : cue.start]
    if not 1 <= len(between) <= 6 or not any(u in _LINKING for u in between):
        return None
    if not all(u in _LINKING or u in _ADVERBS or u in DETERMINERS or u.endswith("ly") for u in between):
        return None
    return s


def _owned_after(cue: Cue, units: list[str], clause: Clause) -> bool:
    """Whether the noun has a complement after it (``allies of``, ``allies to``): then it is not reciprocal."""
    return cue.end < clause.end and units[cue.end] in {"of", "to", "against", "with"}


# "X called Y an enemy / a terrorist organisation / a partner": the noun says how X sees Y
_NAMING = {"called", "calls", "branded", "brands", "labelled", "labeled", "labels", "described", "describes",
           "termed", "terms", "designated", "designates", "declared", "declares"}
_JUDGED_NOUNS = {
    **dict.fromkeys(["enemy", "enemies", "foe", "terrorist", "terrorists", "aggressor", "occupier", "occupiers",
                     "threat", "adversary", "menace"], "verbal"),
    **dict.fromkeys(["partner", "partners", "ally", "allies", "friend", "friends", "brother", "brothers"], "cooperation"),
}
_NAMING_GAP = {"has", "have", "had", "also", "repeatedly", "again", "publicly", "openly", "once", "now"}


def judgement_links(units: list[str], unit_mention: dict[int, Mention]) -> list[Link]:
    """``Pax called Yel an enemy``, ``Xan branded Yel a terrorist organisation``: X's view of Y, by the noun.

    The namer is an actor right before the verb (auxiliaries and a few adverbs between),
    the named the actor right after it; the noun comes within four words (``a strategic
    partner``, ``as an enemy``); a negation (``never called``) or a former state
    (``once called``, ``former``) binds nothing.

    Parameters
    ----------
    units : list of str
        A sentence's units (from :func:`~alliances.extract._clauses.sentence_units`).
    unit_mention : dict of int to Mention

    Returns
    -------
    list of Link

    Examples
    --------
    >>> from alliances.extract import Mention
    >>> ms = {0: Mention("p", 0, 1, "name", "Pax"), 2: Mention("y", 2, 3, "name", "Yel")}
    >>> [(li.a, li.b, li.cue.family.name) for li in judgement_links(["@0", "called", "@1", "an", "enemy"], ms)]
    [('p', 'y', 'verbal hostility')]
    """
    out: list[Link] = []
    for k, u in enumerate(units):
        if u not in _NAMING:
            continue
        # "called the Syrians terrorist mercenaries": an actor after "the" (round 14 A) is named as well
        n = k + 2 if units[k + 1 : k + 2] == ["the"] and k + 2 in unit_mention else k + 1
        if n not in unit_mention:
            continue
        j = k - 1
        while j >= 0 and units[j] in _NAMING_GAP:
            j -= 1
        if j not in unit_mention or units[j + 1 : k].count("once") or is_modifier(units, Group([j], [], False)):
            continue
        tail = units[n + 1 : n + 6]
        noun = next((n for n in tail if n in _JUDGED_NOUNS), None)
        if noun is None or any(t in {"former", "not", "no", "never", "of", ",", "."} or t.startswith("@")
                               for t in tail[: tail.index(noun)]):
            continue  # "called Yel Xan's ally": the noun is Xan's, not the namer's view (read by noun_links)
        after = tail[tail.index(noun) + 1 :]
        if after[:1] in (["of"], ["to"]) and any(t.startswith("@") for t in after[1:3]):
            continue  # "called Yel the main ally of Xan": the same
        family = FAMILIES[_JUDGED_NOUNS[noun]]
        text = " ".join(units[k : n + 2 + tail.index(noun)])
        out.append(Link(unit_mention[j].actor, unit_mention[n].actor, Cue(family, k, k + 1, text, "verb"), True))
    return out
