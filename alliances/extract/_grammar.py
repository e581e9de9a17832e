"""Clause-level argument grammar: which actors each cue binds, or why none.

No parser is used (see the package docstring for why); instead an explicit grammar over
a sentence's *units* (tokens, with every actor mention replaced by ``@k``):

- **Clauses** split at ``;`` ``:``, at clause words (``while``, ``but``, ``although``),
  at ``, and`` (not closing a list of actors), at a subordinator followed by its own
  subject (``after the RSF shelled``) and after a reporting verb (``X said it had``).
- **Groups**: actors joined by ``and``, commas, ``as well as`` (coordination).
- **Parentheticals**: appositions and relative clauses after a group
  (``X, backed by Y and Z,``; ``X, Russia's closest ally,``; ``X, which ...``); a cue
  inside one binds the group it describes (its *head*), never the clause's object.
- **Subject**: the first group of the clause that is not inside a parenthetical and
  not the object of a preposition; a subject far from its verb is still its subject.
- **Arguments by role** (the lexicon's ``role``): a verb binds its subject and the
  actor right after it (``Y was attacked by X``: the subject and the ``by`` actor); a
  passive cue (``backed by``) the head and the actor after; a preposition the subject
  and its object; a helper phrase (``with the help of Z``) sides Z with the subject and
  against the subject's target; a relation noun (``X's ally``) its possessor and the
  phrase's head; an event noun (``the siege of Y by X``, ``X's strikes on Y``) its
  object and its agent; a reciprocal cue the members of one group or both sides; a
  modifier (``X-backed Y``) the two actors it joins; an accusation's complement
  (``X accused Y of arming Z``) is read with Y as its subject, as an allegation.

A cue whose arguments are not all found binds nothing: precision first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ._cues import Cue, CueMatcher, Markers
from ._lexicon import FAMILIES, CueFamily
from ._mentions import Mention
from ._sentences import Sentence

__all__ = ["Link", "sentence_links"]

_COORD = {",", "and", "or", "&", "plus", "as", "well"}
_FILLER = {
    "the", "its", "their", "his", "her", "a", "an", "other", "both", "either", "also", "forces", "force", "fighters",
    "troops", "militants", "units", "soldiers", "warplanes", "jets", "aircraft", "positions", "officials",
    "commanders", "advisers", "militiamen", "gunmen", "navy", "air", "special", "regular", "ground",
    "paramilitaries", "paramilitary", "proxies", "-", "'", "artillery", "contractors", "drones", "envoys",
    "diplomats", "of", "allied", "government", "armed", "rebels", "rebel", "militia", "militias", "army",
}
_PREPS = {
    "of", "in", "on", "at", "from", "to", "with", "near", "by", "for", "between", "against", "into", "across", "over",
    "through", "under", "around", "toward", "towards", "outside", "inside", "along", "after", "before", "since",
    "alongside", "beside", "versus",
    "during", "despite", "amid", "among", "without", "within", "about", "like", "than", "beyond", "behind",
}
_BE = {"was", "were", "been", "being", "is", "are", "be"}
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "some", "several", "many", "most", "all", "both",
                "other", "more", "than", "dozens", "hundreds", "thousands", "two", "three", "four"}
_CLAUSE_WORDS = {"while", "whereas", "although", "though", "but", "yet"}
_SUBORDINATORS = {"after", "before", "when", "as", "until", "because", "once", "since", "if", "whereas"}
_REPORTING = {"said", "says", "say", "told", "added", "acknowledged", "announced", "stated", "insisted", "reported",
              "argued", "confirmed", "declared"}
_RELATIVE = {"which", "who", "whose", "whom", "that"}
_COPULA = {"is", "was", "are", "were", "remains", "remained", "has", "have", "become", "became", "been", "as"}
_OBJECT_GAP = 3  # words (determiners, adjectives) between a cue and its object
_SUPPORT = FAMILIES["support"]
_HOSTILITY = FAMILIES["hostility"]


@dataclass(frozen=True)
class Link:
    """A cue binding two actors in one sentence.

    ``direct``: both arguments found by the grammar's main rules, neither through
    coreference; ``hedge``: the words that make it an allegation (``according to``,
    ``accused ... of``, ``denied``), or None.
    """

    a: str
    b: str
    cue: Cue
    direct: bool
    hedge: str | None = None


@dataclass
class _Group:
    units: list[int]
    actors: list[str]
    coref: bool
    possessive: bool = False

    @property
    def first(self) -> int:
        return self.units[0]

    @property
    def last(self) -> int:
        return self.units[-1]


@dataclass
class _Paren:
    start: int  # the comma (or relative word)
    end: int  # exclusive: the closing comma or the clause's end
    head: _Group | None
    kind: str  # "apposition", "relative", "including"


@dataclass
class _Clause:
    start: int
    end: int
    subject: _Group | None = None
    hedge: str | None = None
    groups: list[_Group] = field(default_factory=list)
    parens: list[_Paren] = field(default_factory=list)


def sentence_links(sent: Sentence, mentions: list[Mention], matcher: CueMatcher) -> tuple[list[Link], list[str]]:
    """The links the cues of one sentence make, and why cues bound nothing (for ``unclear``).

    Parameters
    ----------
    sent : Sentence
    mentions : list of Mention
        The sentence's actor mentions (from :func:`~alliances.extract.find_mentions`).
    matcher : CueMatcher
        The compiled cue lexicon.

    Returns
    -------
    links : list of Link
    reasons : list of str
        One line per cue that had actors around it but no arguments it could bind.

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import Gazetteer, find_mentions, split_sentences, CueMatcher
    >>> g = Gazetteer([Actor("a", "Alpha"), Actor("b", "Beta"), Actor("c", "Gamma")])
    >>> sents = split_sentences("Alpha, backed by Gamma, attacked Beta.")
    >>> links, _ = sentence_links(sents[0], find_mentions(sents, g)[0], CueMatcher())
    >>> sorted((min(l.a, l.b), max(l.a, l.b), l.cue.family.name) for l in links)
    [('a', 'b', 'hostility'), ('a', 'c', 'support')]
    """
    if len({m.actor for m in mentions}) < 2:
        return [], []
    units, unit_mention = _units(sent, mentions)
    cues = matcher.cues(units)
    markers = matcher.markers(units)
    links = _modifier_links(sent, mentions, units, unit_mention, matcher.modifiers)
    reasons: list[str] = []
    clauses = _clauses(units, unit_mention, sent, cues)
    k = 0
    while k < len(clauses):  # complements found while binding are appended and read in turn
        clause = clauses[k]
        k += 1
        for cue in cues:
            # (a complement split off while binding shortens its clause: re-check the end)
            if not clause.start <= cue.start < clause.end:
                continue
            new, why = _bind(cue, clause, units, clauses)
            links += new  # negated cues too: reported as negated, never proposed
            if why and not new and not cue.negated:
                reasons.append(why)
    hedge = _sentence_hedge(markers)
    out = []
    for link in links:
        if link.a == link.b:
            continue
        h = link.hedge or (hedge if not link.cue.reports else None)
        out.append(Link(link.a, link.b, link.cue, link.direct, h))
    return out, reasons


def _sentence_hedge(markers: Markers) -> str | None:
    if markers.denials:
        return markers.denials[0][2]
    if markers.hedges:
        return markers.hedges[0][2]
    return None


# --------------------------------------------------------------------------- units, groups, clauses
def _units(sent: Sentence, mentions: list[Mention]) -> tuple[list[str], dict[int, Mention]]:
    units: list[str] = []
    unit_mention: dict[int, Mention] = {}
    starts = {m.start: m for m in mentions if not m.inner}
    i = 0
    while i < len(sent.tokens):
        m = starts.get(i)
        if m is not None:
            unit_mention[len(units)] = m
            units.append(f"@{len(unit_mention) - 1}")
            i = m.end
        else:
            units.append(sent.tokens[i].norm)
            i += 1
    return units, unit_mention


def _clauses(units: list[str], unit_mention: dict[int, Mention], sent: Sentence, cues: list[Cue]) -> list[_Clause]:
    bounds = [0]
    n = len(units)
    for k, u in enumerate(units):
        nxt = units[k + 1] if k + 1 < n else ""
        if u in {";", ":"} or (u in _CLAUSE_WORDS and k > 0):
            bounds.append(k + 1)
        elif u == "," and nxt in {"and", "but", "while", "yet"}:
            in_list = k >= 3 and units[k - 1].startswith("@") and units[k - 2] == "," and units[k - 3].startswith("@")
            if not (in_list and nxt == "and"):
                bounds.append(k + 2)
        elif u in _SUBORDINATORS and k > 0 and _starts_clause(units, k + 1):
            bounds.append(k + 1)
        elif u in _REPORTING and k + 1 < n:
            j = k + 1
            while j < n and units[j] in {"on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                         "sunday", "that", "reporters", "late", "early", "in", "a", "statement"}:
                j += 1
            if j < n and units[j] not in {".", ",", '"'}:
                bounds.append(j)
    bounds = sorted(set(b for b in bounds if 0 <= b < n)) + [n]
    clauses = []
    for s, e in zip(bounds, bounds[1:], strict=False):
        if s < e:
            clauses.append(_fill(_Clause(s, e), units, unit_mention, sent, cues))
    return clauses


def _starts_clause(units: list[str], k: int) -> bool:
    """Whether a subordinator's clause has its own subject: an actor within two words."""
    for j in range(k, min(k + 3, len(units))):
        if units[j].startswith("@"):
            return True
        if units[j] not in _DETERMINERS:
            return False
    return False


def _fill(clause: _Clause, units: list[str], unit_mention: dict[int, Mention], sent: Sentence,
          cues: list[Cue]) -> _Clause:
    clause.groups = _groups(units, unit_mention, cues, clause.start, clause.end, sent)
    clause.parens = _parentheticals(units, clause)
    if clause.subject is None:
        clause.subject = _subject(units, clause, cues)
    return clause


def _groups(units: list[str], unit_mention: dict[int, Mention], cues: list[Cue], cs: int, ce: int,
            sent: Sentence) -> list[_Group]:
    cue_units = {k for c in cues for k in range(c.start, c.end)}
    groups: list[_Group] = []
    for k in range(cs, ce):
        if k not in unit_mention:
            continue
        m = unit_mention[k]
        possessive = sent.tokens[m.end - 1].possessive or m.text.lower() in {"its", "their"}
        if groups and not possessive:  # "X, Russia's closest ally": a possessor starts its own phrase
            g = groups[-1]
            between = units[g.last + 1 : k]
            joinable = (
                not g.possessive
                and not any(j in cue_units for j in range(g.last + 1, k))
                and all(u in _COORD or u in _FILLER for u in between)
                and (not between or any(u in _COORD for u in between))
                and not (between[:1] == [","] and k + 1 < ce and units[k + 1] == ",")  # an apposition
            )
            if joinable:
                g.units.append(k)
                if m.actor not in g.actors:
                    g.actors.append(m.actor)
                g.coref = g.coref or m.via == "coref"
                g.possessive = possessive
                continue
        groups.append(_Group([k], [m.actor], m.via == "coref", possessive))
    return groups


def _parentheticals(units: list[str], clause: _Clause) -> list[_Paren]:
    """Appositions, relative clauses and ``including`` lists after a group, each with its head."""
    out: list[_Paren] = []
    cs, ce = clause.start, clause.end
    for k in range(cs, ce):
        if units[k] != "," or (out and k < out[-1].end):
            continue
        head = next((g for g in reversed(clause.groups) if g.last < k), None)
        adjacent = head is not None and all(u in _FILLER for u in units[head.last + 1 : k])
        nxt = units[k + 1] if k + 1 < ce else ""
        close = next((j for j in range(k + 1, ce) if units[j] == ","), None)
        if nxt in _RELATIVE and nxt != "that":
            out.append(_Paren(k, close if close is not None else ce, head if adjacent else None, "relative"))
        elif nxt == "including":
            out.append(_Paren(k, close if close is not None else ce, head if adjacent else None, "including"))
        elif close is not None and adjacent and (nxt in _DETERMINERS or nxt.startswith("@") or nxt.endswith("ly")
                                                 or nxt in {"backed", "supported", "armed", "funded", "allied"}):
            out.append(_Paren(k, close, head, "apposition"))
        elif close is None and adjacent and (nxt.startswith("@") or nxt in {"backed", "supported", "armed", "funded",
                                                                             "allied", "aided"}):
            out.append(_Paren(k, ce, head, "apposition"))
    return out


def _subject(units: list[str], clause: _Clause, cues: list[Cue]) -> _Group | None:
    """The first group of the clause outside parentheticals, not governed by a preposition or a cue."""
    cue_ends = {c.end for c in cues if c.role != "modifier"}
    for g in clause.groups:
        if any(p.start < g.first < p.end for p in clause.parens) or _is_modifier(units, g):
            continue
        j = g.first - 1
        while j >= clause.start and units[j] in _DETERMINERS | _FILLER - {"of"}:
            j -= 1
        if j >= clause.start and (units[j] in _PREPS or j + 1 in cue_ends):
            continue
        return g
    return None


# --------------------------------------------------------------------------- binding
def _bind(cue: Cue, clause: _Clause, units: list[str], clauses: list[_Clause]) -> tuple[list[Link], str | None]:
    paren = next((p for p in clause.parens if p.start < cue.start < p.end), None)
    groups = [g for g in clause.groups if not any(p is not paren and p.start < g.first < p.end for p in clause.parens)]
    if paren is not None:
        groups = [g for g in groups if paren.start < g.first < paren.end]
    agent = _agent(cue, clause, paren, units)
    obj = _object_after(units, groups, cue.end, clause.end if paren is None else paren.end)
    role = cue.role
    why = f"'{cue.text}': no clear pair of actors it relates"
    if role == "verb":
        if cue.start > 0 and units[cue.start - 1] in _BE and not (paren and paren.kind == "relative"):
            # "Y was attacked by X": the subject and the actor after "by"
            by = _by_agent(units, groups, cue.end, clause.end)
            if by is not None and agent is not None:
                return _links(cue, agent, by, clause), None
            return [], why
        if paren is not None and paren.kind == "relative":
            inner = next((g for g in groups if paren.start < g.first < cue.start), None)
            if inner is not None and paren.head is not None and obj is None:
                agent, obj = inner, paren.head  # "France, which Baku accuses of ...": Baku accuses France
        if cue.reports:
            # the complement ("of arming Z") is an allegation about the accused, whoever that is
            _complement(cue, obj, units, clause, clauses, paren)
        if agent is None or obj is None:
            return [], why
        return _links(cue, agent, obj, clause), None
    if role in {"passive", "preposition"}:
        if agent is None or obj is None:
            return [], why
        return _links(cue, agent, obj, clause), None
    if role == "helper":
        return _helper(cue, agent, obj, clause, units)
    if role == "noun":
        return _noun(cue, clause, units, groups, paren)
    if role == "event":
        return _event(cue, clause, units, groups, agent, obj)
    if role == "reciprocal":
        return _reciprocal(cue, clause, units, groups, agent, obj)
    return [], None


def _agent(cue: Cue, clause: _Clause, paren: _Paren | None, units: list[str]) -> _Group | None:
    """Who the cue is said of: the parenthetical's head, else the clause's subject (before the cue)."""
    if paren is not None:
        return paren.head
    s = clause.subject
    return s if s is not None and s.last < cue.start else None


def _is_modifier(units: list[str], g: _Group) -> bool:
    """``Iran-backed``, ``Iranian-made``: an actor inside a compound modifier is no argument of a verb."""
    return g.last + 1 < len(units) and units[g.last + 1] == "-"


def _object_after(units: list[str], groups: list[_Group], k: int, end: int) -> _Group | None:
    """The group right after unit ``k``: only determiners and a few words between, no preposition."""
    later = [g for g in groups if g.first >= k and not _is_modifier(units, g)]
    g = later[0] if later else None
    skip: set[int] = set()
    if g is not None and g.coref and g.possessive and len(later) > 1:
        skip = set(g.units)
        g = later[1]  # "backed by their allies Russia and Iran": the pronoun is a determiner
    if g is None or g.first >= end:
        return None
    between = [u for j, u in enumerate(units[k : g.first], start=k) if j not in skip]
    if len(between) > _OBJECT_GAP or any(u in _PREPS or not (u[:1].isalnum() or u in {"-", "'"}) for u in between):
        return None
    if any(u in _BE or u in _REPORTING for u in between):
        return None
    return g


def _by_agent(units: list[str], groups: list[_Group], k: int, end: int) -> _Group | None:
    for j in range(k, min(k + 5, end)):
        if units[j] == "by":
            return _object_after(units, groups, j + 1, end)
        if units[j] in {",", ";", "."}:
            return None
    return None


def _links(cue: Cue, g1: _Group, g2: _Group, clause: _Clause, *, direct: bool = True,
           hedge: str | None = None) -> list[Link]:
    if g1 is g2:
        return []
    d = direct and not g1.coref and not g2.coref
    h = hedge or clause.hedge
    return [Link(a, b, cue, d, h) for a in g1.actors for b in g2.actors if a != b]


def _within(cue: Cue, g: _Group, clause: _Clause) -> list[Link]:
    return [Link(a, b, cue, not g.coref, clause.hedge) for i, a in enumerate(g.actors) for b in g.actors[i + 1 :]]


def _complement(cue: Cue, accused: _Group | None, units: list[str], clause: _Clause, clauses: list[_Clause],
                paren: _Paren | None) -> None:
    """``accused Y [on Tuesday] of arming Z``: a clause from ``of`` on, Y its subject, read as an allegation."""
    end = paren.end if paren is not None else clause.end
    j = accused.last + 1 if accused is not None else cue.end
    while j < end and j - cue.end <= 8 and units[j] not in {"of", "for", ",", ";", ".", '"'}:
        j += 1
    if j < end and units[j] in {"of", "for"}:
        sub = _Clause(j + 1, end, subject=accused, hedge=f"{cue.text} ... {units[j]}")
        sub.groups = [g for g in clause.groups if j < g.first < end]
        sub.parens = [p for p in clause.parens if j < p.start < end]
        clauses.append(sub)
        if paren is not None:
            paren.end = j
        else:
            clause.end = j  # the rest is the complement's


def _helper(cue: Cue, agent: _Group | None, helper: _Group | None, clause: _Clause,
            units: list[str]) -> tuple[list[Link], str | None]:
    """``X attacked Y with the help of Z``: Z with X, and against Y when X's verb is hostile."""
    if helper is None or agent is None:
        return [], f"'{cue.text}': no clear side for the helper"
    links = _links(cue, helper, agent, clause)
    target = next((g for g in clause.groups if agent.last < g.first < cue.start), None)
    hostile_words = [u for u in units[agent.last + 1 : target.first]] if target is not None else []
    if target is not None and any(u in _HOSTILE_VERBS for u in hostile_words):
        against = Cue(_HOSTILITY, cue.start, cue.end, cue.text, cue.role, cue.strength)
        links += _links(against, helper, target, clause, direct=False)
    return links, None


_HOSTILE_VERBS = {"attacked", "overran", "overrun", "fought", "shelled", "struck", "bombed", "besieged", "defeated",
                  "routed", "stormed", "captured", "seized", "retook", "recaptured", "ambushed", "raided", "pushed",
                  "drove", "expelled", "hit", "killed", "repelled", "encircled", "pressed", "regain", "regained"}


def _noun(cue: Cue, clause: _Clause, units: list[str], groups: list[_Group],
          paren: _Paren | None) -> tuple[list[Link], str | None]:
    """``X's ally``, ``an ally of X``: the possessor and the head the phrase describes."""
    why = f"'{cue.text}': no clear pair of actors it relates"
    owner = next((g for g in groups if g.possessive and g.last < cue.start and all(
        u not in _PREPS and u not in {",", ";"} for u in units[g.last + 1 : cue.start])
        and cue.start - g.last <= 4), None)
    if owner is None and cue.end < clause.end and units[cue.end] in {"of", "to"}:
        owner = _object_after(units, groups, cue.end + 1, clause.end)
    if owner is None and cue.text.endswith(" of"):
        owner = _object_after(units, groups, cue.end, clause.end)
    if owner is None:
        # "X and Y are allies", "X and Y, long-time rivals,": the members of one group
        members = _copula_subject(cue, clause, units) if paren is None else paren.head
        if members is not None and len(members.actors) >= 2 and not _owned_after(cue, units, clause):
            return _within(cue, members, clause), None
        return [], why
    head = None
    if paren is not None and paren.kind == "apposition" and paren.head is not None:
        head = paren.head  # "X, Russia's closest ally,"
    if head is None:
        # "X's closest backer, Y" / "their allies, the Wazalendo militias": the apposition after
        j = max(cue.end, owner.last + 1)
        while j < clause.end and units[j] in _FILLER:
            j += 1
        if j < clause.end and units[j] == ",":
            head = _object_after(units, clause.groups, j + 1, clause.end)
    if head is None:
        # copula: "X is Y's ally", "X, a member of Y"
        s = clause.subject
        before = units[s.last + 1 : min(owner.first, cue.start)] if s is not None else []
        if s is not None and s is not owner and before and any(u in _COPULA for u in before) and len(before) <= 6:
            head = s
    if head is None:
        return [], why
    return _links(cue, owner, head, clause), None


_LINKING = {"is", "are", "was", "were", "remain", "remains", "remained", "become", "became", "been", "stay",
            "stayed", "stays"}
_ADVERBS = {"long", "still", "now", "also", "once", "already", "always", "increasingly", "not", "never", "no", "longer",
            "since", "then", "become", "have", "has", "had", "close", "closest", "bitter", "sworn", "old", "key",
            "firm", "staunch", "natural", "longtime", "long-time", "regional", "strategic", "traditional", "de",
            "facto", "uneasy"}


def _copula_subject(cue: Cue, clause: _Clause, units: list[str]) -> _Group | None:
    """The subject of ``X and Y are (close) allies``: only a linking verb and modifiers between it and the noun."""
    s = clause.subject
    if s is None or s.last >= cue.start:
        return None
    between = units[s.last + 1 : cue.start]
    if not 1 <= len(between) <= 6 or not any(u in _LINKING for u in between):
        return None
    if not all(u in _LINKING or u in _ADVERBS or u in _DETERMINERS or u.endswith("ly") for u in between):
        return None
    return s


def _owned_after(cue: Cue, units: list[str], clause: _Clause) -> bool:
    """Whether the noun has a complement after it (``allies of``, ``allies to``): then it is not reciprocal."""
    return cue.end < clause.end and units[cue.end] in {"of", "to", "against", "with"}


def _event(cue: Cue, clause: _Clause, units: list[str], groups: list[_Group], agent: _Group | None,
           obj: _Group | None) -> tuple[list[Link], str | None]:
    """``the siege of Y by X``, ``X's strikes on Y``, ``X launched attacks on Y``."""
    if obj is None:
        return [], None
    by = _by_agent(units, groups, obj.last + 1, clause.end)
    if by is not None:
        return _links(cue, by, obj, clause), None
    owner = next((g for g in groups if g.last < cue.start and cue.start - g.last <= 3 and (
        g.possessive or all(u in {"-", "'"} or u in _FILLER for u in units[g.last + 1 : cue.start]))), None)
    if owner is not None and owner is not obj:
        return _links(cue, owner, obj, clause), None
    if agent is not None:
        return _links(cue, agent, obj, clause, direct=False), None
    return [], f"'{cue.text}': no clear agent"


def _reciprocal(cue: Cue, clause: _Clause, units: list[str], groups: list[_Group], agent: _Group | None,
                obj: _Group | None) -> tuple[list[Link], str | None]:
    """``X and Y clashed``, ``clashes between X and Y``, ``X clashed with Y``."""
    if "between" in cue.text.split() or (cue.end < clause.end and units[cue.end] == "between"):
        after = _object_after(units, groups, cue.end + (units[cue.end] == "between" if cue.end < len(units) else 0),
                              clause.end)
        if after is not None and len(after.actors) >= 2:
            return _within(cue, after, clause), None
        return [], f"'{cue.text}': the two sides are not both named"
    if obj is not None and agent is not None:
        return _links(cue, agent, obj, clause), None
    if cue.text.startswith(("alliance", "coalition")) and obj is not None and len(obj.actors) >= 2:
        return _within(cue, obj, clause), None
    left = next((g for g in reversed(groups) if g.last < cue.start and cue.start - g.last <= 4), None)
    if obj is None and left is not None and len(left.actors) >= 2:
        return _within(cue, left, clause), None
    if obj is None and agent is not None and len(agent.actors) >= 2:
        # "X and Y, all run by generals, formed an alliance": the subject's members, read indirectly
        return [Link(li.a, li.b, li.cue, False, li.hedge) for li in _within(cue, agent, clause)], None
    if obj is not None and left is not None and left is not obj and cue.start - left.last <= 3:
        return _links(cue, left, obj, clause), None
    return [], f"'{cue.text}': no clear pair of actors it relates"


def _modifier_links(sent: Sentence, mentions: list[Mention], units: list[str], unit_mention: dict[int, Mention],
                    modifiers: dict[str, CueFamily]) -> list[Link]:
    """``Iran-backed militias`` (the lexicon's modifiers) and ``anti-IS coalition``, also inside a name."""
    out: list[Link] = []
    toks = sent.tokens
    outer = [m for m in mentions if not m.inner]
    for m in mentions:
        if not m.inner:
            continue
        host = next((o for o in outer if o.start <= m.start and m.end <= o.end), None)
        if host is None:
            continue
        if m.end + 1 < host.end and toks[m.end].norm == "-" and toks[m.end + 1].norm in modifiers:
            family = modifiers[toks[m.end + 1].norm]
            out.append(Link(m.actor, host.actor, _cue(family, f"{m.text}-{toks[m.end + 1].text}"), True))
        elif m.start >= 2 and toks[m.start - 1].norm == "-" and toks[m.start - 2].norm == "anti":
            out.append(Link(m.actor, host.actor, _cue(_HOSTILITY, f"anti-{m.text}"), True))
    for k, m in unit_mention.items():
        if k + 2 < len(units) and units[k + 1] == "-" and units[k + 2] in modifiers:
            head = _head(units, unit_mention, k + 3)
            if head is not None:
                out.append(Link(m.actor, head.actor, _cue(modifiers[units[k + 2]], f"{m.text}-{units[k + 2]}"), True))
        if k >= 2 and units[k - 1] == "-" and units[k - 2] == "anti":
            head = _head(units, unit_mention, k + 1)
            if head is not None:
                out.append(Link(m.actor, head.actor, _cue(_HOSTILITY, f"anti-{m.text}"), True))
    return out


def _head(units: list[str], unit_mention: dict[int, Mention], k: int) -> Mention | None:
    """The mention a modifier qualifies: within the next three words, no punctuation between."""
    for j in range(k, min(k + 3, len(units))):
        if j in unit_mention:
            return unit_mention[j]
        if not units[j][:1].isalnum():
            return None
    return None


def _cue(family: CueFamily, text: str) -> Cue:
    return Cue(family, -1, -1, text, "modifier")
