"""Sentence structure for the cue grammar: units, coordinated groups, parentheticals, clauses, subjects.

A sentence is read as *units*: its normalised tokens with every actor mention replaced
by ``@k``. On the units:

- **Clauses** split at ``;`` ``:``, at clause words (``while``, ``but``, ``although``),
  at ``, and`` (not closing a list of actors), at a subordinator followed by its own
  subject (``after the RSF shelled``), after a reporting verb followed by a clause
  (``X said it had``, ``X said that ...``) and after the object of a control verb
  (``helped X regain``, ``allowed X to launch``: X is the complement's subject).
- **Groups**: actors joined by ``and``, commas, ``as well as`` (coordination).
- **Parentheticals** after a group: appositions (``X, backed by Y and Z,``; ``X,
  Russia's closest ally,``), relative clauses (``X, which ...``) and inclusion lists
  (``X, including Z,``; ``X, Z among them,``): an included actor is a member of the
  group it follows; after ``X and allied militias, including Z`` it is also X's ally.
- **Subject**: the first group of a clause that is not inside a parenthetical and not
  the object of a preposition or a cue (``hundreds of X``, ``an alliance of X``,
  ``forces loyal to X`` are X); a clause that opens with its verb after ``and``/``but``
  shares the subject of the clause before it (read as indirect).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ._cues import Cue
from ._mentions import Mention
from ._owners import FORCE_NOUNS, RULERS, owned_by, relation_owner
from ._scope import addressee, counted, noun_subject
from ._sentences import Sentence, dateline_end

__all__ = [
    "ALLIANCE_NOUNS", "BE", "DETERMINERS", "FILLER", "PREPOSITIONS", "Clause", "Group", "Paren", "governed", "is_modifier", "object_after",
           "read_clauses", "sentence_units"]

COORD = {",", "and", "or", "&", "plus", "as", "well"}
FILLER = {
    "the", "its", "their", "his", "her", "a", "an", "other", "both", "either", "also", "forces", "force", "fighters",
    "troops", "militants", "units", "soldiers", "warplanes", "jets", "aircraft", "positions", "officials",
    "commanders", "advisers", "militiamen", "gunmen", "navy", "air", "special", "regular", "ground",
    "paramilitaries", "paramilitary", "proxies", "-", "'", "artillery", "contractors", "drones", "envoys",
    "diplomats", "of", "allied", "government", "armed", "rebels", "rebel", "militia", "militias", "army",
    # people who act for an actor ("Hungary's foreign minister", "Wagner mercenaries and Malian soldiers")
    "mercenaries", "separatists", "jihadists", "insurgents", "loyalists", "volunteers", "instructors", "personnel",
    "guards", "police", "officers", "marines", "sailors", "pilots", "paratroopers", "minister", "foreign", "prime",
    "president", "leader", "leaders", "spokesman", "spokeswoman", "chief", "secretary", "ambassador", "envoy",
    "commander", "general", "defence", "defense", "pro",
}
PREPOSITIONS = {
    "of", "in", "on", "at", "from", "to", "with", "near", "by", "for", "between", "against", "into", "across", "over",
    "through", "under", "around", "toward", "towards", "outside", "inside", "along", "after", "before", "since",
    "alongside", "beside", "versus",
    "during", "despite", "amid", "among", "without", "within", "about", "like", "than", "beyond", "behind",
}
BE = {"was", "were", "been", "being", "is", "are", "be"}
DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "some", "several", "many", "most", "all", "both",
               "other", "more", "than", "dozens", "hundreds", "thousands", "two", "three", "four"}
_CLAUSE_WORDS = {"while", "whereas", "although", "though", "but", "yet"}
_AS_COMPLEMENT = {"emerged", "emerges", "emerge", "serves", "served", "acts", "acted", "seen", "regarded", "known"}
_SUBORDINATORS = {"after", "before", "when", "as", "until", "because", "once", "since", "if", "whereas", "where"}
_REPORTING = {"said", "says", "say", "saying", "told", "added", "acknowledged", "announced", "stated", "insisted", "reported",
              "argued", "confirmed", "declared", "claimed", "claims", "claim", "believes", "believe", "believed",
              "alleged", "alleges", "suggested", "suggests", "replied", "replies", "responded", "retorted",
              "countered", "noted", "maintains", "maintained", "adding"}
_MODALS = {"has", "have", "had", "will", "would", "could", "can", "may", "might", "must", "should"}
_SPEECH = {"said", "says", "say", "saying", "added", "insisted", "argued"}  # always followed by what was said
_REPORT_SKIP = {"on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "that", "reporters",
                "late", "early", "in", "a", "statement"}
_PRONOUNS = {"he", "she", "we", "i", "it", "they"}
_RELATIVE = {"which", "who", "whose", "whom", "that"}
_PARTICIPLES = {"backed", "supported", "armed", "funded", "allied", "aided"}
_MADE_UP = {"made", "comprising", "consisting", "composed", "grouping", "gathering"}  # "made up of X, Y and Z"
_PLACE_WORDS = {"southern", "northern", "eastern", "western", "central", "north", "south", "east", "west"}
# verbs whose object is the subject of the clause that follows ("helped the army regain ...")
_CONTROL = {"allowed", "allow", "allows", "allowing", "enabled", "enable", "enables", "enabling", "forced",
            "forcing", "ordered", "urged", "encouraged", "persuaded", "asked"}
_BARE_CONTROL = {"helped", "help", "helps", "helping", "let", "lets"}  # these also take a bare infinitive
# nouns a partitive or collective phrase opens with: "hundreds of X", "an alliance of X", "forces loyal to X"
_SOVEREIGN = {"sovereignty", "airspace", "territory", "borders", "waters", "territorial"}
_COLLECTIVE = {"hundreds", "thousands", "dozens", "scores", "units", "troops", "fighters", "forces", "members",
               "soldiers", "elements", "remnants", "militiamen", "alliance", "coalition", "contingent", "battalions",
               "battalion", "brigades", "brigade", "detachment", "loyalists", "mercenaries", "some", "many", "most",
               "all", "several", "one", "none", "both", "each", "part", "groups", "militias", "column", "columns"}
ALLIANCE_NOUNS = {"alliance", "coalition", "front", "bloc", "council", "union", "axis", "league", "pact", "grouping"}
# nouns that make an apposition a description of an actor ("X, a Hutu militia, ...")
_ACTOR_NOUNS = {"militia", "militias", "group", "groups", "faction", "movement", "force", "forces", "alliance",
                "coalition", "rebels", "rebel", "army", "organisation", "organization", "outfit", "party", "government",
                "administration", "state", "country", "neighbour", "neighbor", "bloc", "mission", "network", "offshoot",
                "wing", "junta", "regime", "authority", "authorities", "insurgency", "insurgents", "paramilitary",
                "paramilitaries", "company", "contractor", "power", "superpower", "kingdom", "republic", "emirate",
                "monarchy", "body", "union", "federation", "front", "council", "brigade", "brigades", "battalion"}
_IRREGULAR = {"hit", "struck", "held", "won", "shot", "fought", "led", "overrun", "built", "set", "caught", "beaten",
              "bought", "brought", "sent", "made", "kept", "left"}
_DEFECTORS = {"defectors", "defector", "deserters", "deserter", "dissidents", "dissident", "renegades", "renegade",
              "breakaway", "splinter", "ex-combatants", "ex-fighters", "ex-members"}
# words a coordinated clause may open with before its verb ("and later pressured")
_OPENERS = {"later", "then", "also", "subsequently", "since", "has", "have", "had", "was", "were", "is", "are", "will",
            "would", "again", "soon", "now", "even", "still", "quickly", "swiftly", "reportedly", "allegedly"}
_COORDINATORS = {"and", "but", "yet", "while", "whereas", "although", "though"}


@dataclass
class Group:
    """Coordinated actors: the units they stand at, their ids, and how they were found.

    ``coref``: one of them was found through coreference (or the group is a subject
    shared by a coordinated clause): its links are indirect. ``members``: actors named
    in an inclusion list after the group (``X, including Z``), bound with it.
    """

    units: list[int]
    actors: list[str]
    coref: bool
    possessive: bool = False
    demonym: bool = False
    members: list[str] = field(default_factory=list)
    allied: list[tuple[str, str]] = field(default_factory=list)
    pronoun: bool = False  # a possessive pronoun ("their"): a determiner before a noun, not a noun phrase
    acronym: bool = False  # named by an acronym in capitals ("NATO"): an organisation, not a place

    @property
    def first(self) -> int:
        """The unit of the group's first actor."""
        return self.units[0]

    @property
    def last(self) -> int:
        """The unit of the group's last actor."""
        return self.units[-1]

    @property
    def everyone(self) -> list[str]:
        """The actors and the members of their inclusion lists."""
        return self.actors + [m for m in self.members if m not in self.actors]


@dataclass
class Paren:
    """A parenthetical: units ``start`` (the comma) to ``end`` (exclusive), the group it describes."""

    start: int
    end: int
    head: Group | None
    kind: str  # "apposition", "relative", "including"
    allied: bool = False  # "X and allied militias, including Z": Z is X's ally


@dataclass
class Clause:
    """A clause: units ``start:end``, its subject, groups and parentheticals.

    ``hedge``: what makes the whole clause an allegation (an accusation's complement);
    ``kind``: ``"main"``, ``"sub"`` (a subordinate or reported clause) or ``"complement"``.
    """

    start: int
    end: int
    subject: Group | None = None
    hedge: str | None = None
    groups: list[Group] = field(default_factory=list)
    parens: list[Paren] = field(default_factory=list)
    kind: str = "main"
    gap: Group | None = None  # the head of the relative clause a complement is in: what its verb may take
    controller: Clause | None = None  # "X allowed Y to attack Z": the clause of "allowed", for the complement
    control: str = ""  # ... and its control verb
    speaker: Group | None = None  # "X said Y armed Z": who reports the clause (the reporting verb's subject)
    reported_by: str = ""  # ... and the reporting verb


def sentence_units(sent: Sentence, mentions: list[Mention]) -> tuple[list[str], dict[int, Mention]]:
    """A sentence's units (normalised tokens, ``@k`` for the k-th actor mention) and the mention at each ``@``.

    Parameters
    ----------
    sent : Sentence
    mentions : list of Mention
        The sentence's mentions; those inside another actor's name are not units.

    Returns
    -------
    units : list of str
    unit_mention : dict of int to Mention

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import Gazetteer, find_mentions, split_sentences
    >>> sents = split_sentences("Alpha's forces attacked Beta.")
    >>> g = Gazetteer([Actor("a", "Alpha"), Actor("b", "Beta")])
    >>> sentence_units(sents[0], find_mentions(sents, g)[0])[0]
    ['@0', 'forces', 'attacked', '@1', '.']
    """
    units: list[str] = []
    unit_mention: dict[int, Mention] = {}
    scare = _scare_quotes(sent)
    starts: dict[int, list[Mention]] = {}
    owned = owned_by(sent, mentions)
    owners = {id(o.owner) for o in owned if not o.apposed}
    skip = {j for o in owned for j in o.skip}  # "Pax's ally Yel attacked": Yel stands for the phrase
    for m in mentions:
        if m.end < len(sent.tokens) and sent.tokens[m.end].norm in _DEFECTORS:
            continue  # "trained FDLR defectors": people who left the FDLR are not the FDLR (a word, not an actor)
        if not m.inner and id(m) not in owners:  # "its PDF units": the PDF is the phrase's actor, not "its"
            starts.setdefault(m.start, []).append(m)
    i = dateline_end(sent.tokens)  # "EL FASHER, May 12 (Wire) -": where the story was filed, no part of it
    while i < len(sent.tokens):
        here = starts.get(i)
        if i in skip:
            i += 1
        elif here:
            for n, m in enumerate(here):  # "the two groups": one mention per actor, read as "@0 and @1"
                if n:
                    units.append("and")
                unit_mention[len(units)] = m
                units.append(f"@{len(unit_mention) - 1}")
            i = here[0].end
        elif i in scare:
            i += 1  # 'was "the main sponsor" of': quotation marks around a few words are no structure
        else:
            units.append(sent.tokens[i].norm)
            i += 1
    _along_with(units)
    return units, unit_mention


_ALONG = {("along", "with"), ("together", "with"), ("as", "well")}


def _along_with(units: list[str]) -> None:
    """``X, along with Y and Z, form the alliance``: an aside that adds actors to a clause's subject is read
    as coordination (``X and also Y and Z``); only after a subject that opens its clause (the sentence, or
    after ``;``, ``:``, ``and``, ``but``, ``while``), and only when the aside closes with a comma before the verb."""
    for k in range(1, len(units) - 3):
        if units[k] != "," or tuple(units[k + 1 : k + 3]) not in _ALONG or not units[k - 1].startswith("@"):
            continue
        s = k - 1
        while s > 0 and (units[s - 1] in FILLER or units[s - 1] in DETERMINERS):
            s -= 1
        if s > 0 and units[s - 1] not in {";", ":", "and", "but", "while", "whereas"}:
            continue
        j = k + 3 + (units[k + 1] == "as" and units[k + 3 : k + 4] == ["as"])  # ", as well as"
        end = j
        while end < len(units) and (units[end].startswith("@") or units[end] in {",", "and"} or units[end] in FILLER):
            end += 1
        if end < len(units) and units[end - 1] == "," and units[end] not in _RELATIVE_WORDS and any(
                u.startswith("@") for u in units[j:end]):
            # (the same number of units: each keeps its index; the commas go too, or the aside reads as a
            # parenthetical)
            units[k:j] = ["and", *["also"] * (j - k - 1)]
            units[end - 1] = "also"


_RELATIVE_WORDS = {"which", "who", "whose", "whom", "that", "a", "an", "the"}


def _scare_quotes(sent: Sentence) -> set[int]:
    """The quotation marks around a few words inside a sentence (not a quote of its own)."""
    marks = [i for i, t in enumerate(sent.tokens) if t.norm == '"']
    out: set[int] = set()
    for a, b in zip(marks[0::2], marks[1::2], strict=False):
        if 0 < a and b - a - 1 <= 6 and not any(t.norm in {",", "."} for t in sent.tokens[a + 1 : b]):
            out |= {a, b}
    return out


def read_clauses(units: list[str], unit_mention: dict[int, Mention], sent: Sentence, cues: list[Cue]) -> list[Clause]:
    """The clauses of a sentence, each with its groups, parentheticals and subject.

    Parameters
    ----------
    units, unit_mention
        From :func:`sentence_units`.
    sent : Sentence
    cues : list of Cue
        The sentence's cues (a group right after a cue is its object, not a subject).

    Returns
    -------
    list of Clause
        In text order.

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import CueMatcher, Gazetteer, find_mentions, split_sentences
    >>> g = Gazetteer([Actor("a", "Alpha"), Actor("b", "Beta"), Actor("c", "Gamma")])
    >>> sents = split_sentences("Alpha helped Beta retake the town from Gamma, and later shelled Gamma.")
    >>> units, at = sentence_units(sents[0], find_mentions(sents, g)[0])
    >>> [(" ".join(units[c.start:c.end]), c.subject.actors) for c in read_clauses(units, at, sents[0],
    ...                                                                   CueMatcher().cues(units))]
    [('@0 helped @1', ['a']), ('retake the town from @2 , and', ['b']), ('later shelled @3 .', ['a'])]
    """
    bounds = {0: "main"}
    reported: dict[int, int] = {}  # a reported clause's start -> its reporting verb
    n = len(units)
    for k, u in enumerate(units):
        nxt = units[k + 1] if k + 1 < n else ""
        if u in {";", ":"} or (u in _CLAUSE_WORDS and k > 0):
            bounds[k + 1] = "main"
        elif u == "," and nxt in {"and", "but", "while", "yet"}:
            in_list = k >= 3 and units[k - 1].startswith("@") and units[k - 2] == "," and units[k - 3].startswith("@")
            if not (in_list and nxt == "and"):
                bounds[k + 2] = "main"
        elif u == "and" and _own_clause(units, max(b for b in bounds if b <= k), k, cues):
            bounds[k + 1] = "main"  # "X is to end its support for Y and Z is to disarm W": Z is the subject
        elif u in _SUBORDINATORS and k > 0 and not (u == "as" and units[k - 1] in _AS_COMPLEMENT) and (
                _starts_clause(units, k + 1) or noun_subject(units, k + 1, {c.start for c in cues})):
            # "after resistance fighters loyal to X overran ...": the fighters' clause, not the main subject's
            bounds[k + 1] = "sub"
        elif (u in _REPORTING or addressee(units, k)) and k + 1 < n:
            j = k + 1 + addressee(units, k)  # "told Yel it would ...": what was told opens after Yel
            while j < n and units[j] in _REPORT_SKIP:
                j += 1
            said_that = "that" in units[k + 1 : j] or u in _SPEECH  # "said" is followed by what was said
            if j < n and units[j] not in {".", ",", '"', "to"} and (
                    said_that or _starts_clause(units, j) or units[j] in _PRONOUNS):
                bounds[j] = "sub"
                reported[j] = k
    edges = sorted(b for b in bounds if 0 <= b < n) + [n]
    clauses = [_fill(Clause(s, e, kind=bounds[s]), units, unit_mention, sent, cues)
               for s, e in zip(edges, edges[1:], strict=False) if s < e]
    clauses = _control_complements(clauses, units, unit_mention, sent, cues)
    _share_subjects(clauses, units, cues)
    for clause in clauses:
        if clause.start in reported:
            _set_speaker(clause, clauses, units, reported[clause.start])
    return clauses


def _set_speaker(clause: Clause, clauses: list[Clause], units: list[str], k: int) -> None:
    """Who reports a clause: the subject of the clause the reporting verb at ``k`` is in (``X said``,
    ``X's foreign minister told reporters that``), when it comes before the verb."""
    outer = next((c for c in clauses if c.start <= k < c.end and c is not clause), None)
    s = outer.subject if outer is not None else None
    if s is not None and s.last < k:
        clause.speaker, clause.reported_by = s, units[k]


_FINITE = BE | _MODALS | {"has", "have", "had", "does", "did"}


def _own_clause(units: list[str], start: int, k: int, cues: list[Cue]) -> bool:
    """Whether ``and`` at ``k`` opens a clause with its own subject: ``X backs Y and Z attacked W``.

    The clause before it must have its verb (an auxiliary or a verb cue), and ``and`` be followed by
    an actor (determiners before it, force nouns after it) and then a finite verb: an auxiliary or
    a verb cue in the past or present tense. ``X and Y attacked Z`` (no verb before) and ``X said Y
    and Z had attacked it`` (the reported clause starts at Y) are coordinated subjects.
    """
    verbs = {c.start for c in cues if c.role in {"verb", "helper"} or (  # not "relations between X and Y have"
        c.role == "reciprocal" and (units[c.start].endswith("ed") or units[c.start] in _IRREGULAR))}
    if not any(units[j] in _FINITE or j in verbs for j in range(start, k)):
        return False
    j = k + 1
    while j < len(units) and units[j] in DETERMINERS:
        j += 1
    if j >= len(units) or not units[j].startswith("@"):
        return False
    j += 1
    while j < len(units) and units[j] in FORCE_NOUNS:
        j += 1
    while j < len(units) and units[j].endswith("ly") and units[j] not in {"only", "ally"}:
        j += 1
    return j < len(units) and (units[j] in _FINITE or (j in verbs and units[j].endswith(("ed", "s"))) or (
        j in verbs and units[j] in _IRREGULAR))


def _starts_clause(units: list[str], k: int) -> bool:
    """Whether a subordinator's clause has its own subject: an actor within two words."""
    for j in range(k, min(k + 3, len(units))):
        if units[j].startswith("@"):
            return True
        if units[j] not in DETERMINERS:
            return False
    return False


def _fill(clause: Clause, units: list[str], unit_mention: dict[int, Mention], sent: Sentence,
          cues: list[Cue]) -> Clause:
    clause.groups = _groups(units, unit_mention, cues, clause.start, clause.end, sent)
    clause.parens = _parentheticals(units, clause, cues)
    for p in clause.parens:
        if p.kind == "members" and clause.subject is None and _opens_clause(units, clause.start, p.start, cues) and any(
                u in ALLIANCE_NOUNS for u in units[clause.start : p.start]):
            included = [g for g in clause.groups if p.start < g.first < p.end]
            if included:
                members = [a for g in included for a in g.actors]
                clause.subject = Group(included[0].units, members, True)
                clause.subject.allied = [(a, b) for i, a in enumerate(members) for b in members[i + 1 :]]
            continue
        if p.kind != "including":
            continue
        included = [g for g in clause.groups if p.start < g.first < p.end]
        if p.head is not None:
            p.head.members += [a for g in included for a in g.actors if a not in p.head.members]
        elif included and clause.subject is None and _opens_clause(units, clause.start, p.start, cues):
            # "Several states, including X and Y, condemned Z": the included are the subject
            clause.subject = Group(included[0].units, [a for g in included for a in g.actors], True)
    if clause.subject is None:
        clause.subject = _subject(units, clause, cues) or _passive_agent(units, clause)
    return clause


def _passive_agent(units: list[str], clause: Clause) -> Group | None:
    """``Several towns were retaken by X ... after weeks of fighting with Y``: X acts in the clause (indirect)."""
    for k in range(clause.start + 2, clause.end):
        if units[k] != "by" or not (units[k - 1].endswith(("ed", "en")) or units[k - 1] in _IRREGULAR):
            continue
        aux = units[k - 2] if not units[k - 2].endswith("ly") or k - 3 < clause.start else units[k - 3]
        if aux not in BE:
            continue
        g = object_after(units, _outside(clause), k + 1, clause.end)
        if g is not None:
            return Group(g.units, g.actors, True, False, g.demonym, g.members)
        return None
    return None


def _opens_clause(units: list[str], start: int, end: int, cues: list[Cue]) -> bool:
    """Whether units ``start:end`` are a short noun phrase opening the clause (no preposition, no cue)."""
    return 0 < end - start <= 5 and not any(u in PREPOSITIONS or u.startswith("@") for u in units[start:end]) and \
        not any(start <= c.start < end for c in cues)


def _groups(units: list[str], unit_mention: dict[int, Mention], cues: list[Cue], cs: int, ce: int,
            sent: Sentence) -> list[Group]:
    cue_units = {k for c in cues for k in range(c.start, c.end)}
    groups: list[Group] = []
    for k in range(cs, ce):
        if k not in unit_mention:
            continue
        m = unit_mention[k]
        possessive = sent.tokens[m.end - 1].possessive or m.text.lower() in {"its", "their", "our"}
        if groups and not possessive:  # "X, Russia's closest ally": a possessor starts its own phrase
            g = groups[-1]
            between = units[g.last + 1 : k]
            joinable = (
                not g.possessive
                and not any(j in cue_units for j in range(g.last + 1, k))
                and all(u in COORD or u in FILLER for u in between)
                and (not between or any(u in COORD for u in between))
                and not (between[:1] == [","] and k + 1 < ce and units[k + 1] == ",")  # an apposition
                and not (between[:1] == [","] and k + 1 < ce and units[k + 1] == "among")  # "X, Z among them"
            )
            if not joinable and g.coref and g.possessive and len(groups) >= 2 and units[g.first - 1] == "and" and (
                    k == g.last + 1 and k + 1 < ce and units[k + 1] in {"allies", "partners", "proxies", "backers"}):
                # "the Congolese army and its Burundian allies": one group, and allies
                owner = groups[-2]
                groups.pop()
                owner.units.append(k)
                owner.allied += [(a, m.actor) for a in owner.actors if a != m.actor]
                if m.actor not in owner.actors:
                    owner.actors.append(m.actor)
                continue
            if joinable:
                g.units.append(k)
                if "allied" in between and m.actor not in g.actors:
                    g.allied += [(a, m.actor) for a in g.actors]  # "Congolese troops and allied Wazalendo fighters"
                if m.actor not in g.actors:
                    g.actors.append(m.actor)
                g.coref = g.coref or m.via == "coref"
                g.possessive = possessive
                continue
        groups.append(Group([k], [m.actor], m.via == "coref", possessive, m.via == "demonym",
                            pronoun=m.text.lower() in {"its", "their", "his", "her", "our"},
                            acronym=len(m.text) >= 2 and m.text.isalpha() and m.text.isupper()))
    return [part for g in groups for part in _asyndetic(g, units, unit_mention)]


def _asyndetic(g: Group, units: list[str], unit_mention: dict[int, Mention]) -> list[Group]:
    """A list joined by commas alone (``Near the home of X, Y attacked Z``) is no coordination: one group each."""
    tail = units[g.last + 1 : g.last + 3]  # "X, Y and Niger": a list closed by a name that is no actor
    if len(g.units) < 2 or any(u in COORD - {","} for u in units[g.first : g.last]) or tail[:1] in (["and"], ["or"]) \
            or tail in ([",", "and"], [",", "or"]):
        return [g]
    return [Group([k], [unit_mention[k].actor], unit_mention[k].via == "coref",
                  g.possessive and k == g.last, unit_mention[k].via == "demonym") for k in g.units]


def _parentheticals(units: list[str], clause: Clause, cues: list[Cue]) -> list[Paren]:
    """Appositions, relative clauses and inclusion lists after a group, each with its head."""
    out: list[Paren] = []
    cs, ce = clause.start, clause.end
    nouns = {c.start for c in cues if c.role == "noun"}
    for k in range(cs, ce):
        if units[k] != "," or (out and k < out[-1].end):
            continue
        head = next((g for g in reversed(clause.groups) if g.last < k), None)
        adjacent = head is not None and all(u in FILLER for u in units[head.last + 1 : k])
        nxt = units[k + 1] if k + 1 < ce else ""
        if head is not None and nxt in _PARTICIPLES and governed(units, head, cs):
            head = None  # "the corridor through Armenia, backed by Baku": what is backed, Armenia or the corridor?
        close = next((j for j in range(k + 1, ce) if units[j] == ","), None)
        end = close if close is not None else ce
        # "Burkina Faso, Mali and Niger, whose juntas ...": a list of actors closed by a name that is none
        listed = head is not None and len(head.units) >= 2 and len(units[head.last + 1 : k]) == 2 and \
            units[head.last + 1] in {"and", "or"} and units[k - 1].isalpha() and units[k - 1] not in FILLER
        if nxt in _RELATIVE and nxt != "that":
            out.append(Paren(k, end, head if adjacent or listed else None, "relative"))
        elif nxt in _MADE_UP and not (head is not None and adjacent):
            # "The Brotherhood Alliance, made up of X, Y and Z,": the members of an alliance not itself an actor
            out.append(Paren(k, end, None, "members"))
        elif nxt == "including" or nxt in _MADE_UP or (
                nxt.startswith("@") and units[k + 2 : k + 4] == ["among", "them"]):
            if head is not None and head.coref and head.possessive and head.first >= 2 and units[head.first - 1] == "and":
                # "the Congolese army and its allies, including Z": the head is the army
                owner = next((g for g in clause.groups if g.last == head.first - 2), None)
                if owner is not None and _allied_tail(["and", "its", *units[head.last + 1 : k]]):
                    out.append(Paren(k, end, owner, "including", True))
                    continue
            # members of an actor ("Iran-backed militias, including Z") side with it, as after "X and allied militias"
            allied = head is not None and (adjacent and not head.possessive or _allied_tail(units[head.last + 1 : k]))
            out.append(Paren(k, end, head if adjacent or allied else None, "including", allied))
        elif nxt in DETERMINERS and adjacent and not _describes_actor(units, k + 1, end, nouns):
            continue  # "X attacked Y, a move that ...": not a description of Y
        elif any(k < c.start < end and c.role == "verb" and not any(u in _RELATIVE for u in units[k + 1 : c.start])
                 for c in cues):
            continue  # "Near the home of X, Y attacked Z": a clause, not an apposition
        elif close is not None and adjacent and (nxt in DETERMINERS or nxt.startswith("@") or nxt.endswith("ly")
                                                 or nxt in _PARTICIPLES):
            out.append(Paren(k, close, head, "apposition"))
        elif close is None and adjacent and (nxt.startswith("@") or nxt in _PARTICIPLES or nxt in DETERMINERS):
            out.append(Paren(k, ce, head, "apposition"))
        elif close is not None and adjacent and close - k <= 6 and any(k < j < close for j in nouns):
            out.append(Paren(k, close, head, "apposition"))  # "X and Y, long-time rivals,"
    return out


def _describes_actor(units: list[str], start: int, end: int, nouns: set[int]) -> bool:
    """Whether an apposition opening with a determiner names an actor's kind (``a Hutu militia``) or a relation."""
    return any(u in _ACTOR_NOUNS for u in units[start : min(end, start + 6)]) or any(start <= j < end for j in nouns)


def governed(units: list[str], g: Group, start: int) -> bool:
    """Whether a group is the object of a preposition (only determiners and adjectives between).

    ``of`` does not count (``separatists of the STC`` are the STC's).

    Examples
    --------
    >>> governed(["drills", "on", "its", "border", "with", "@0"], Group([5], ["b"], False), 0)
    True
    >>> governed(["@0", "held", "drills"], Group([0], ["a"], False), 0)
    False
    """
    j = g.first - 1
    while j >= start and (units[j] in DETERMINERS or units[j] in FILLER - {"of"} or units[j] in _PLACE_WORDS):
        j -= 1
    return j >= start and units[j] in PREPOSITIONS - {"of"}  # "separatists of the STC, backed by": the STC


def _allied_tail(between: list[str]) -> bool:
    """``and allied militias``, ``and its allies``: what an inclusion list after it names are allies of the head."""
    return between[:1] == ["and"] and any(u in {"allied", "allies"} for u in between) and all(
        u in FILLER or u in {"and", "allies", "partners", "groups"} for u in between)


def _subject(units: list[str], clause: Clause, cues: list[Cue]) -> Group | None:
    """The first group of the clause outside parentheticals, not governed by a preposition or a cue."""
    cue_ends = {c.end: c for c in cues if c.role != "modifier"}
    for g in clause.groups:
        if any(p.start < g.first < p.end for p in clause.parens) or is_modifier(units, g):
            continue
        if g.possessive and relation_owner(units, g.last):
            return None  # "Pax's ally attacked Xan": the ally, whoever it is, attacked
        j = g.first - 1
        while j >= clause.start and units[j] in DETERMINERS | FILLER - {"of"}:
            j -= 1
        if j >= clause.start and (units[j] in PREPOSITIONS or j + 1 in cue_ends):
            if not _partitive(units, clause.start, j):
                continue
        return g
    return None


def _partitive(units: list[str], start: int, j: int) -> bool:
    """``Hundreds of X``, ``an alliance of X``, ``forces loyal to X`` opening the clause: X is its subject."""
    k = j
    if units[k] == "to" and k - 1 >= start and units[k - 1] == "loyal":
        k -= 1
    elif units[k] not in {"of", "from", "in"} or (units[k] == "from" and units[k - 1] not in FORCE_NOUNS):
        return False
    k -= 1
    if k < start or units[k] not in (RULERS if units[j] == "in" else _COLLECTIVE | RULERS):
        return False
    k -= 1
    adjectives = 0  # "Resistance fighters from X", "Local units of X": up to two describing words
    while k >= start and units[k] not in {",", "that"}:
        u = units[k]
        if not (u in DETERMINERS or u.isdigit()):
            adjectives += 1
            if adjectives > 2 or not u.isalpha() or u in PREPOSITIONS or u in _REPORTING or u.endswith(("ed", "ing")):
                return False
        k -= 1
    return units[k] == "that" or not any(u in PREPOSITIONS for u in units[start : max(k, start)])  # "said that"


def is_modifier(units: list[str], g: Group) -> bool:
    """Whether an actor stands inside a compound modifier (``Iran-backed``, ``Iranian-made``): no verb argument.

    Examples
    --------
    >>> is_modifier(["@0", "-", "backed", "@1"], Group([0], ["iran"], False))
    True
    """
    if g.first >= 2 and units[g.first - 1] == "-" and units[g.first - 2] in {"pro", "anti"}:
        return True  # "pro-Xan militias attacked Yel": the militias attacked, not Xan
    return g.last + 1 < len(units) and units[g.last + 1] == "-"


def object_after(units: list[str], groups: list[Group], k: int, end: int, gap: int = 3, *,
                 verb_after: bool = False) -> Group | None:
    """The group right after unit ``k`` (before ``end``): only ``gap`` determiners or adjectives between.

    A preposition, a form of *be* or a reporting verb between means the group is not the object;
    one right after it makes it the subject of a clause, unless ``verb_after`` (the cue is in a
    participle phrase after the subject, whose verb group follows: ``soldiers fighting alongside
    X were killed``).

    Examples
    --------
    >>> units = ["attacked", "the", "@0", "positions"]
    >>> object_after(units, [Group([2], ["b"], False)], 1, 4).actors
    ['b']
    >>> object_after(["attacked", "near", "@0"], [Group([2], ["b"], False)], 1, 3) is None
    True
    """
    later = [g for g in groups if g.first >= k and not is_modifier(units, g)]
    g = later[0] if later else None
    skip: set[int] = {j for m in groups if is_modifier(units, m) for j in m.units}  # "the Yel-led bloc"
    if g is not None and g.pronoun and len(later) > 1 and units[g.last + 1] not in _SOVEREIGN:
        skip |= set(g.units)  # (not "violated our sovereignty": the pronoun's actor is the object)
        g = later[1]  # "backed by their allies Russia and Iran": the pronoun is a determiner
    if g is None or g.first >= end or (g.possessive and relation_owner(units, g.last)):
        return None  # "Xan attacked Pax's allies": not Pax
    between = [u for j, u in enumerate(units[k : g.first], start=k) if j not in skip]
    between = counted(between)  # "killed at least 30 Xan fighters"
    if "of" in between and all(u in _COLLECTIVE or u in DETERMINERS or u.isdigit() for u in
                               between[: between.index("of")]) and between.index("of") > 0:
        between = between[between.index("of") + 1 :]  # "trained thousands of Somali soldiers"
    if len(between) > gap or any(u in PREPOSITIONS or not (u[:1].isalnum() or u in {"-", "'"}) for u in between):
        return None
    pasts = [w.endswith("ed") or w in _IRREGULAR for w in between]  # "trained its soldiers and fought Xan":
    if any(u == "and" and 0 < i < len(between) - 1 and pasts[i + 1] and not pasts[i - 1] for i, u in enumerate(between)):
        return None  # Xan is the object of the verb after "and"
    if any(u in BE or u in _REPORTING or u in _RELATIVE for u in between):
        return None  # "a defence pact that angered Ethiopia": Ethiopia is the relative clause's
    if not verb_after and g.last + 1 < len(units) and units[g.last + 1] in _REPORTING | BE | _MODALS:
        return None  # "struck convoys it says were ...": the subject of a clause, not an object
    return g


def _outside(clause: Clause) -> list[Group]:
    return [g for g in clause.groups if not any(p.start < g.first < p.end for p in clause.parens)]


def _control_complements(clauses: list[Clause], units: list[str], unit_mention: dict[int, Mention], sent: Sentence,
                         cues: list[Cue]) -> list[Clause]:
    """``X helped Y regain ...``, ``X allowed Y to launch ...``: the rest is a clause whose subject is Y."""
    out: list[Clause] = []
    for clause in clauses:
        out.append(clause)
        for k in range(clause.start, clause.end):
            if units[k] not in _CONTROL | _BARE_CONTROL or (k > 0 and units[k - 1] in {"the", "a", "an", "its", "their"}):
                continue
            obj = object_after(units, _outside(clause), k + 1, clause.end)
            if obj is None:
                continue
            j = obj.last + 1
            while j < clause.end and units[j] in FILLER and units[j] != "of":
                j += 1
            if j < clause.end and units[j] == "to":
                j += 1
            elif units[k] in _CONTROL:
                continue  # "allowed X to ...", never "allowed X" alone
            if j >= clause.end or not units[j][:1].isalpha() or units[j] in DETERMINERS or units[j] in PREPOSITIONS:
                continue
            rest = Clause(j, clause.end, subject=obj, kind="complement", controller=clause, control=units[k])
            clause.end = j
            clause.subject = None
            _fill(clause, units, unit_mention, sent, cues)
            out.append(_fill(rest, units, unit_mention, sent, cues))
            break
    return out


def _share_subjects(clauses: list[Clause], units: list[str], cues: list[Cue]) -> None:
    """A clause opening with its verb after ``and`` or ``but`` shares the last main clause's subject."""
    starts = {c.start: c for c in cues if c.role in {"verb", "preposition", "reciprocal", "helper"}}
    main: Clause | None = None
    for clause in clauses:
        if clause.kind == "main" and clause.start > 0 and units[clause.start - 1] in _COORDINATORS and main:
            k = clause.start
            while k < clause.end and (units[k] in _OPENERS or units[k].endswith("ly")):
                k += 1
            shared = main.subject
            if k in starts and shared is not None and (clause.subject is None or clause.subject.first > k):
                clause.subject = Group(shared.units, shared.actors, True, False, shared.demonym, shared.members)
        if clause.kind == "main" and clause.subject is not None:
            main = clause
