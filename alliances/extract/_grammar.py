"""Clause-level argument grammar: which actors each cue binds, or why none.

No parser is used (see the package docstring for why); the sentence's structure
(clauses, coordinated groups, parentheticals, subjects) is read by :mod:`._clauses`,
and each cue binds the arguments its lexicon ``role`` names:

- a **verb** binds its subject and the actor right after it (``Y was attacked by X``:
  the subject and the ``by`` actor; ``X and Y fought.``: the members of the subject);
  a verb after a determiner is a noun (``the fighting``) and binds nothing;
- a **passive** cue (``backed by``) the head and the actor after; a **preposition** the
  subject and its object; ``X fought Z alongside Y`` also sets Y against Z (indirect);
- a **helper** phrase (``with the help of Z``) sides Z with the subject and against
  the subject's target;
- a **relation noun** (``X's ally``, ``a X ally``, ``an ally of X``) its possessor and
  the phrase's head (an apposition, the actor right after it, or a copula's subject);
  ``X and Y are allies``: the members of the subject;
- an **event noun** (``the siege of Y by X``, ``X's strikes on Y``) its object and its
  agent; a **reciprocal** cue the members of one group or both sides; a **modifier**
  (``X-backed Y``) the two actors it joins;
- an accusation's complement (``X accused Y of arming Z``) is read with Y as its
  subject, as an allegation; ``X and allied militias, including Z``: Z is X's ally;
- ``X allowed Y to attack Z``: X sides with Y; ``X helped Y fight Z``: X is against Z
  too (both indirect, only when the complement's verb is hostile).

A cue whose arguments are not all found binds nothing: precision first.
"""

from __future__ import annotations

from ._agreements import command_links, presence_links
from ._called import called_claims
from ._claims import clause_claims, trailing_speaker
from ._clauses import (
    BE,
    DETERMINERS,
    FILLER,
    PREPOSITIONS,
    Clause,
    Group,
    Paren,
    governed,
    object_after,
    read_clauses,
    sentence_units,
)
from ._companions import companions
from ._contingents import contingents
from ._coordinated import new_subjects
from ._coref import unresolved_references
from ._cues import Cue, CueMatcher
from ._ended import ended_ties
from ._foreign import foreign_subjects
from ._hedged import hedge_for, link_place
from ._implied import controlled, enabled_links, helped_in_relative, included_allies, judged_act_links
from ._lexicon import FAMILIES, CueFamily
from ._links import NOUN_DETERMINERS, Link, judgement_links, noun_links, pair_links, within_links
from ._mentions import Mention
from ._notice import advance_notices
from ._opposed import opposed_joining
from ._owners import owned_by
from ._possessed import possessed_acts
from ._relative_verbs import coordinated_relative_verb
from ._relatives import relative_heads
from ._scope import described_noun
from ._sentences import Sentence
from ._tails import speaker_tails
from ._verdicts import verdict_links

__all__ = ["Link", "sentence_links"]

_SUPPORT, _HOSTILITY, _VERBAL = FAMILIES["support"], FAMILIES["hostility"], FAMILIES["verbal"]
_POSSESSIVES = {"its", "their", "his", "her", "our"}
_COORDINATING = {"and", "or", ",", "then", ";", "but", "while"}
_CONTRASTS = {"but", "while", "whereas", "although", "though", "yet"}


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
    # "All three have expelled ...": a plural no list just before resolves (listed as unclear if it has a cue)
    # "Government troops clashed with Xan" when the scenario has several states and no one government
    unresolved = unresolved_references(sent, mentions) if mentions else []
    if len({m.actor for m in mentions}) < 2 and not unresolved:
        return [], []
    units, unit_mention = sentence_units(sent, mentions)
    pronouns = {k for k, m in unit_mention.items() if m.via == "coref" and m.text.lower() in _POSSESSIVES}
    cues = matcher.cues(units, pronouns)
    reasons = unresolved if cues else []
    if len({m.actor for m in mentions}) < 2:
        return [], reasons
    markers = matcher.markers(units)
    links = _modifier_links(sent, mentions, units, unit_mention, matcher.modifiers) + judgement_links(units, unit_mention)
    # "its PDF units": the owner's forces, allies; the owner takes no part in what they do ("its Xan rivals": as
    # the noun says) ("Pax's ally Yel": Yel is the phrase, the ally of Pax; "its former ally Yel": no tie now)
    links += [Link(o.owner.actor, o.owned.actor, _cue(FAMILIES[o.family], f"{o.owner.text} {o.owned.text} {o.noun}"),
                   o.owner.via != "coref" or o.skip == frozenset())
              for o in owned_by(sent, mentions) if o.family is not None]
    clauses = read_clauses(units, unit_mention, sent, cues)
    trailing = trailing_speaker(units, [g for c in clauses for g in c.groups])
    k = 0
    while k < len(clauses):  # complements found while binding are appended and read in turn
        clause = clauses[k]
        k += 1
        bound: list[Link] = []
        for cue in cues:
            # (a complement split off while binding shortens its clause: re-check the end)
            if not clause.start <= cue.start < clause.end:
                continue
            new, why = _bind(cue, clause, units, clauses, cues)
            bound += new  # negated cues too: reported as negated, never proposed
            if why and not new and not cue.negated:
                reasons.append(why)
        found = bound + included_allies(clause) + companions(bound, clause, cues, units)
        found += controlled(bound, clause, cues)
        found += helped_in_relative(bound, clause, units) + judged_act_links(clause, units)
        found += presence_links(clause, units, clauses) + verdict_links(clause, units)  # "..., a move Z opposes"
        found += command_links(clause, units)  # "Xan units under Pax's command"
        links += clause_claims(found, clause, trailing)  # "X said Y armed Z": X's claim, an allegation
    contrasted = _contrasted(clauses, units)
    out = []
    for link in (li for li in possessed_acts(links, sent, mentions, units, unit_mention, reasons) if li.a != li.b):
        # "Xan, Pax's ally, holds hostages, according to Y": a hedge covers its own clause (and its complements)
        h = link.hedge or (hedge_for(markers, units, clauses, link_place(link, unit_mention)) if not link.cue.reports else None)
        out.append(Link(link.a, link.b, link.cue, link.direct, h, any(s <= link.cue.start < e for s, e in contrasted)))
    out = relative_heads(new_subjects(out, units, unit_mention), units, unit_mention, reasons)
    out = ended_ties(speaker_tails(out, units, unit_mention), units, unit_mention)
    out = contingents(out, units, unit_mention)  # "part of the Quor force, alongside Yel soldiers": no tie
    out = foreign_subjects(out, units, sent, reasons)  # "Kyiv had helped Xan": no actor's act
    out = advance_notices(out, units, reasons)  # "had warned Doha in advance": a notice, no threat
    out = called_claims(out, units, unit_mention)  # "over what Yel called Pax's support for Xan": Yel's claim
    return opposed_joining(out, units), reasons  # "argued against inviting Yel to join": no tie


def _contrasted(clauses: list[Clause], units: list[str]) -> list[tuple[int, int]]:
    """The spans of clauses a contrast joins: one opening with ``but``/``while``/``although`` and the one before."""
    out: list[tuple[int, int]] = []
    mains = sorted((c for c in clauses if c.kind == "main"), key=lambda c: c.start)
    for before, clause in zip(mains, mains[1:], strict=False):
        if clause.start > 0 and units[clause.start - 1] in _CONTRASTS:
            out += [(before.start, before.end), (clause.start, clause.end)]
    return out


# --------------------------------------------------------------------------- binding
def _bind(cue: Cue, clause: Clause, units: list[str], clauses: list[Clause],
          clause_cues: list[Cue]) -> tuple[list[Link], str | None]:
    paren = next((p for p in clause.parens if p.start < cue.start < p.end), None)
    groups = [g for g in clause.groups if not any(p is not paren and p.start < g.first < p.end for p in clause.parens)]
    if paren is not None:
        groups = [g for g in groups if paren.start < g.first < paren.end]
    agent = _agent(cue, clause, paren, units)
    end = clause.end if paren is None else paren.end
    obj = object_after(units, groups, cue.end, end)
    if obj is None and cue.family is _HOSTILITY:
        obj = _held_object(units, groups, cue.end, end)
    role = cue.role
    why = f"'{cue.text}': no clear pair of actors it relates"
    if obj is not None and cue.family is _VERBAL and obj.first > 0 and units[obj.first - 1] in _COMPASS:
        return [], f"'{cue.text}': '{units[obj.first - 1]} ...' is a place there"  # "withdraw from eastern Congo"
    if role in {"passive", "preposition"} and paren is None and agent is not None and agent is clause.subject:
        # "Xan fighters were killed in strikes carried out by Pax in support of Yel": the strikes' agent's phrase
        by = next((g for g in reversed(groups) if agent.last < g.first and g.last < cue.start), None)  # the nearest
        agent = by if by is not None and _by_agent(units, groups, max(0, by.first - 3), by.first + 1) is by else agent
    if role == "verb":
        before = units[cue.start - 1] if cue.start > 0 else ""
        nominal = _nominalised(cue, clause, units, groups)
        if nominal is not None:
            return nominal, None
        if before in NOUN_DETERMINERS:
            return [], None  # "the fighting", "an attack": a noun, not a verb
        allowed = enabled_links(cue, clause, paren, units, groups)
        if allowed is not None:
            return allowed, None
        if before.endswith("ed") and before not in _AUXILIARIES and cue.text.split()[0].endswith("ed"):
            return [], None  # "deployed trained Xan fighters": a participle describing them; who trained them?
        if cue.text.split()[0].endswith("ing") and paren is None:
            # "the African Union force fighting al-Shabaab": a participle after a group is said of it
            g = next((g for g in reversed(groups) if g.last < cue.start), None)
            if g is not None and not g.possessive and all(u in FILLER for u in units[g.last + 1 : cue.start]):
                agent = g
                if obj is None and g is clause.subject:  # "X troops backing Y were ambushed"
                    obj = object_after(units, groups, cue.end, end, verb_after=True)
            elif before.isalpha() and before not in _ING_OPENERS and not before.endswith("ly"):
                return [], f"'{cue.text}': its subject is not clear"  # "a statement condemning X"
        passive = before in BE and not cue.text.split()[0].endswith("ing")  # "is battling" is not passive
        if passive and paren is not None and paren.kind == "relative" and paren.head is not None and \
                coordinated_relative_verb(units, paren.start + 1, cue.start):  # "X, who ... and were bombed by Y"
            by = _by_agent(units, groups, cue.end, clause.end)
            return (pair_links(cue, by, paren.head, clause), None) if by is not None else ([], why)
        if passive and not (paren and paren.kind == "relative"):
            # "Y was attacked by X": the subject and the actor after "by"
            by = _by_agent(units, groups, cue.end, clause.end)
            if by is not None and agent is not None:
                return pair_links(cue, agent, by, clause), None
            return [], why
        if paren is not None and paren.kind == "relative":
            inner = next((g for g in groups if paren.start < g.first < cue.start), None)
            if inner is not None and paren.head is not None and _verb_of(units, inner, cue):
                if cue.text in {"helped", "help", "helps"} and cue.end < len(units) and units[cue.end].isalpha():
                    return [], None  # "the CSTO, which Armenia helped found": what was founded, not who was helped
                # "France, which Baku accuses of ...": Baku accuses France; "the FDLR, which he accuses
                # Kinshasa of arming": he accuses Kinshasa (and the FDLR is what is armed)
                agent, obj = inner, obj if obj is not None else paren.head
                if cue.text in _JUDGING and obj is paren.head:
                    obj = _judged(units, clause, paren)
                    if obj is None:
                        return [], f"'{cue.text}': what it judges is not clear"
            elif not _head_is_subject(units, paren, clause_cues) and not coordinated_relative_verb(
                    units, paren.start + 1, cue.start):  # "X, which controls ... and receives arms from Y"
                return [], f"'{cue.text}': its subject is not clear"  # "X, which the government says ..."
        if cue.reports:
            # the complement ("of arming Z") is an allegation about the accused, whoever that is
            _complement(cue, obj, units, clause, clauses, paren)
        if paren is None and agent is not None and not (clause.kind == "complement" and agent is clause.subject and cue.start == clause.start) and \
                _embedded(units, agent, cue, {c.start for c in clause_cues}):
            return [], f"'{cue.text}': its subject is not clear"  # "drones used to attack Y"
        if paren is None and agent is clause.subject and agent is not None and _after_object(
                units, agent, cue, clause, clause_cues):
            return [], f"'{cue.text}': its subject is not clear"
        if obj is None and clause.gap is not None and clause.gap is not agent and (
                cue.end >= clause.end or not units[cue.end].startswith("@")):
            obj = clause.gap
        if obj is None and agent is not None and len(agent.actors) >= 2 and cue.family is _HOSTILITY and (
                cue.end >= clause.end or units[cue.end] in {".", ";", "each", "one", "over"}):
            return within_links(cue, agent, clause), None  # "X and Y fought.", "X and Y fought each other"
        if agent is None or obj is None:
            return [], why
        return pair_links(cue, agent, obj, clause), None
    if role in {"passive", "preposition"} and paren is None and agent is not None:
        noun = described_noun(units, cue.start, max((g.last for g in groups if g.last < cue.start), default=-1))
        if noun is not None:
            return [], f"'{cue.text}': said of the {noun} before it, who are no actor"
    if role in {"passive", "preposition"}:
        if obj is None and agent is not None and paren is None and _participial(units, agent, cue.start):
            # "Burundian soldiers fighting alongside the FARDC were killed": the phrase is the soldiers'
            obj = object_after(units, groups, cue.end, end, verb_after=True)
        if agent is None or obj is None:
            return [], why
        return pair_links(cue, agent, obj, clause), None
    if role == "helper":
        return _helper(cue, agent, obj, clause, units)
    if role == "noun":
        return noun_links(cue, clause, units, groups, paren)
    if role == "event":
        return _event(cue, clause, units, groups, agent, obj)
    if role == "reciprocal":
        return _reciprocal(cue, clause, units, groups, agent, obj)
    return [], None


def _agent(cue: Cue, clause: Clause, paren: Paren | None, units: list[str]) -> Group | None:
    """Who the cue is said of: the parenthetical's head, else the clause's subject (before the cue)."""
    if paren is not None:
        return paren.head
    s = clause.subject
    return s if s is not None and s.last < cue.start else None


# verbs judging an act ("which Baku called a provocation"): the lexicon's pattern keeps them to such judgements
_JUDGING = {"called", "calls", "calling", "described", "describes", "describing", "termed", "terms", "branded", "brands",
            # reactions, which may as well be to the act as to its object ("X attacked Y, which Z condemned")
            "condemned", "condemns", "denounced", "denounces", "criticised", "criticized", "criticises",
            "criticizes", "welcomed", "welcomes", "praised", "praises", "deplored", "decried", "slammed",
            "hailed", "applauded", "protested", "rejected"}


def _judged(units: list[str], clause: Clause, paren: Paren) -> Group | None:
    """Who did what a relative clause ``which X called a provocation`` judges: the clause's subject when
    ``which`` stands for its act (after a preposition's object or no actor), the head when that is the
    subject; after a verb's object (``X armed Y, which Z called ...``) it is not clear."""
    head, s = paren.head, clause.subject
    if units[paren.start + 1] != "which" or s is None or s.last >= paren.start:
        return None
    if head is None or head is s or governed(units, head, clause.start):
        return s
    return None


def _participial(units: list[str], agent: Group, k: int) -> bool:
    """Whether unit ``k`` follows a participle right after the subject (``X soldiers fighting |alongside``)."""
    between = units[agent.last + 1 : k]
    while between and between[0] in FILLER:
        between = between[1:]
    return len(between) == 1 and between[0].endswith("ing") and len(between[0]) > 4


def _head_is_subject(units: list[str], paren: Paren, cues: list[Cue]) -> bool:
    """Whether a relative clause's verb follows its relative word (``X, which has long backed Y``)."""
    first = min((c.start for c in cues if paren.start + 1 < c.start < paren.end), default=paren.end)
    if units[paren.start + 1] == "whose" and 0 < first - paren.start - 2 <= 2 and units[first - 1] in _OWN_RULERS:
        return True  # "X, Y and Z, whose juntas expelled ...": the head's own rulers or forces
    return all(u in _AUXILIARIES or u in FILLER or u in _SUBJECT_CONTROL or u in _DENYING or u.endswith("ly")
               for u in units[paren.start + 2 : first])  # "X, which has denied arming Y"


_OWN_RULERS = {"junta", "juntas", "government", "governments", "leader", "leaders", "regime", "regimes", "rulers",
               "army", "armies", "military", "militaries", "forces", "troops", "soldiers", "fighters", "militias"}
_DENYING = {"denied", "denies", "deny", "refused", "refuses", "not", "never", "no", "longer"}


_AUXILIARIES = {"has", "have", "had", "is", "was", "were", "are", "will", "would", "also", "now", "long", "been",
                "still", "openly", "repeatedly", "once", "did", "does", "do"}


_NOUN_COMPLEMENTS = {"attempt", "attempts", "bid", "effort", "efforts", "decision", "move", "campaign", "threat",
                     "right", "ability", "readiness", "intention", "willingness", "order", "call", "calls", "pressure",
                     "plot", "scheme", "offer", "request", "permission", "mandate", "mission", "chance"}
_PARTICIPLES = {"sent", "used", "made", "built", "brought", "held", "kept", "left", "paid", "hired", "flown"}
_SUBJECT_CONTROL = {
    "vowed", "vows", "vow", "threatened", "threatens", "pledged", "pledges", "promised", "promises", "plans", "planned",
    "plan", "sought", "seeks", "tried", "tries", "wants", "wanted", "continued", "continues", "continue", "began",
    "begins", "agreed", "agrees", "decided", "decides", "refused", "refuses", "failed", "fails", "intends", "intended",
    "hopes", "hoped", "aims", "aimed", "moved", "voted", "offered", "offers", "prepared", "prepares", "preparing",
    "appeared", "appears", "seemed", "seems", "attempted", "attempts", "managed", "expected", "expects", "ready",
    "able", "set", "going", "likely", "due", "poised", "has", "have", "had", "needs", "need", "needed", "started",
    "starts", "resumed", "ordered", "announced", "warned", "says", "said", "is", "are", "was", "were", "will",
    "would", "to", "kept", "keeps", "keep",  # "the Houthis, who have kept firing missiles at Israel"
}


def _embedded(units: list[str], agent: Group, cue: Cue, cue_starts: set[int]) -> bool:
    """``X supplied Y with drones used to attack Z``: an infinitive whose subject is not the clause's.

    The infinitive belongs to the nearest verb before it: the clause's subject is its
    subject when that verb is a cue, a subject-control verb (``vowed to``), or a
    participle after an auxiliary (``were deployed ... to fight``); not when it is a
    participle after a noun (``drones used to``).
    """
    if cue.start < 2 or units[cue.start - 1] != "to" or agent.last >= cue.start - 2:
        return False
    if units[cue.start - 2] in _NOUN_COMPLEMENTS or units[cue.start - 2].startswith("@"):
        # "warned Baku against any attempt to seize ...": whose attempt? "under pressure from Washington
        # to expel ...": who is to expel?
        return True
    for k in range(cue.start - 2, agent.last, -1):
        u = units[k]
        if u in _SUBJECT_CONTROL or k in cue_starts:
            return False
        if u.endswith("ed") or u in _PARTICIPLES:
            before = units[k - 1] if k - 1 > agent.last else ""
            after_subject = k - 1 == agent.last or (before in FILLER and k - 2 == agent.last)  # "X troops sent to"
            return not (before in _AUXILIARIES or before.endswith("ly") or after_subject)
    return True


def _verb_of(units: list[str], inner: Group, cue: Cue) -> bool:
    """Whether the cue is the verb of the relative clause whose subject is ``inner`` (``which Baku accuses``,
    ``whose Wagner fighters captured``)."""
    between = units[inner.last + 1 : cue.start]
    return len(between) <= 2 and all(u in _AUXILIARIES or u in FILLER or u.endswith("ly") for u in between)


def _after_object(units: list[str], agent: Group, cue: Cue, clause: Clause, cues: list[Cue]) -> bool:
    """``X intercepted Iranian missiles fired at Y``: a verb after another verb and its object, with no
    ``and`` or comma between, is not said of the clause's subject."""
    if cue.start > 0 and units[cue.start - 1] == "to":
        return False  # an infinitive: see _embedded
    earlier = [c for c in cues if c.role == "verb" and agent.last < c.start < cue.start and c.end <= cue.start
               and not any(p.start < c.start < p.end for p in clause.parens)
               and not _participial(units, agent, c.end)]  # "X troops fighting alongside Y attacked Z"
    if not earlier:
        return False
    between = units[earlier[-1].end : cue.start]
    return any(u.startswith("@") for u in between) and not any(u in _COORDINATING for u in between)


# words after which a verb in -ing has the clause's subject ("has been fighting", "by shelling", "while calling")
_ING_OPENERS = BE | _AUXILIARIES | PREPOSITIONS | {"and", "or", "but", "while", "then", "also", "not", "after", "before",
                                                  "when", "since", "without", "continue", "continued", "kept", "keep",
                                                  "began", "begin", "started", "resumed", "stop", "stopped", "avoid",
                                                  "avoided", "denied", "denies", "deny", "accused", "accuses", "of"}
_LOCATIVE = {"near", "in", "outside", "at", "on"}
_HELD = {"held", "controlled", "occupied", "run", "dominated", "besieged", "used", "manned", "operated", "garrisoned"}
_ASSETS = {"headquarters", "base", "bases", "airfield", "airfields", "positions", "position", "stronghold", "strongholds", "capital", "garrison",
           "camp", "camps", "convoy", "convoys", "outpost", "outposts", "barracks", "airport", "airbase", "territory",
           "lines", "depot", "depots", "forces", "troops", "units", "fighters", "leader", "leaders", "commander",
           "commanders", "members", "ships", "vessels", "installations", "facilities", "bastion", "enclave", "areas",
           "villages", "towns", "cities", "supply", "command", "posts", "checkpoints", "fleet", "embassy"}


# places that are a target only as held by someone ("a district held by X"; "the city of X" names the place)
_PLACES = {"district", "districts", "neighbourhood", "neighbourhoods", "neighborhood", "neighborhoods", "town", "village",
           "city", "area", "region", "province", "quarter", "suburb", "suburbs", "zone", "zones", "pocket", "pockets"}


def _held_object(units: list[str], groups: list[Group], k: int, end: int) -> Group | None:
    """What a hostile cue is aimed at through a place or asset: ``RSF-held areas``, ``villages held by the
    PDF``, ``the headquarters of the military``."""
    for j in range(k, min(k + 8, end)):
        u = units[j]
        if u.startswith("@") and units[j - 1] in _LOCATIVE and any(w in _ASSETS for w in units[k : j - 1]):
            continue  # "a base near Mogadishu held by X": the place is not what is attacked
        if u.startswith("@"):
            g = next((g for g in groups if g.first == j), None)
            held = g is not None and g.last + 2 < end and units[g.last + 1] == "-" and units[g.last + 2] in _HELD
            return g if held and all(w in DETERMINERS or w.isalpha() for w in units[k:j]) else None
        if u in _HELD and j + 1 < end and units[j + 1] == "by" and any(w in _ASSETS or w in _PLACES for w in units[k:j]):
            return object_after(units, groups, j + 2, end)
        if u == "of" and j > k and units[j - 1] in _ASSETS:
            return object_after(units, groups, j + 1, end)
        if not u.isalnum():
            return None
    return None


def _by_agent(units: list[str], groups: list[Group], k: int, end: int) -> Group | None:
    for j in range(k, min(k + 5, end)):
        if units[j] == "by":
            return object_after(units, groups, j + 1, end)
        if units[j] in {",", ";", "."}:
            return None
    return None


def _complement(cue: Cue, accused: Group | None, units: list[str], clause: Clause, clauses: list[Clause],
                paren: Paren | None) -> None:
    """``accused Y [on Tuesday] of arming Z``: a clause from ``of`` on, Y its subject, read as an allegation."""
    end = paren.end if paren is not None else clause.end
    j = accused.last + 1 if accused is not None else cue.end
    while j < end and j - cue.end <= 8 and units[j] not in {"of", "for", ",", ";", ".", '"'}:
        j += 1
    if j < end and units[j] in {"of", "for"}:
        rest = _coordinated_verb(units, j + 1, end)
        if rest is not None and paren is None:
            # "X accused Y of abandoning Z and froze its ...": the second verb is X's again, no allegation
            after = Clause(rest, end, subject=clause.subject, kind="main")
            after.groups = [g for g in clause.groups if rest <= g.first < end]
            after.parens = [p for p in clause.parens if rest <= p.start < end]
            clauses.append(after)
            end = rest - 1
        sub = Clause(j + 1, end, subject=accused, hedge=f"{cue.text} ... {units[j]}", kind="complement")
        if paren is not None and paren.kind == "relative" and paren.head is not accused:
            sub.gap = paren.head  # "the FDLR, which he accuses Kinshasa of arming": arming the FDLR
        sub.groups = [g for g in clause.groups if j < g.first < end]
        sub.parens = [p for p in clause.parens if j < p.start < end]
        clauses.append(sub)
        if paren is not None:
            paren.end = j
        else:
            clause.end = j  # the rest is the complement's


def _coordinated_verb(units: list[str], start: int, end: int) -> int | None:
    """Where a finite verb coordinated after an ``-ing`` complement starts (``of abandoning Z and |froze``)."""
    if start >= end or not units[start].endswith("ing"):
        return None
    for k in range(start + 1, end - 1):
        if units[k] in {",", ";", "."}:
            return None
        if units[k] == "and" and (units[k + 1].endswith("ed") or units[k + 1] in _IRREGULAR_PAST) and \
                not units[k + 1].endswith("ing"):
            return k + 1
    return None


_IRREGULAR_PAST = {"froze", "broke", "cut", "sent", "gave", "took", "made", "left", "withdrew", "sold", "struck",
                   "fought", "won", "lost", "drove", "began", "threw", "held", "met", "led", "kept", "put", "told",
                   "said", "vowed", "hit"}
_COMPASS = {"eastern", "western", "northern", "southern", "central", "north-eastern", "north-western",
            "south-eastern", "south-western", "northeastern", "northwestern", "southeastern", "southwestern"}


def _helper(cue: Cue, agent: Group | None, helper: Group | None, clause: Clause,
            units: list[str]) -> tuple[list[Link], str | None]:
    """``X attacked Y with the help of Z``: Z with X, and against Y when X's verb is hostile."""
    if helper is None or agent is None:
        return [], f"'{cue.text}': no clear side for the helper"
    links = pair_links(cue, helper, agent, clause)
    target = next((g for g in clause.groups if agent.last < g.first < cue.start), None)
    hostile_words = [u for u in units[agent.last + 1 : target.first]] if target is not None else []
    if target is not None and any(u in _HOSTILE_VERBS for u in hostile_words):
        against = Cue(_HOSTILITY, cue.start, cue.end, cue.text, cue.role, cue.strength)
        links += pair_links(against, helper, target, clause, direct=False)
    return links, None


_HOSTILE_VERBS = {"attacked", "overran", "overrun", "fought", "shelled", "struck", "bombed", "besieged", "defeated",
                  "routed", "stormed", "captured", "seized", "retook", "recaptured", "ambushed", "raided", "pushed",
                  "drove", "expelled", "hit", "killed", "repelled", "encircled", "pressed", "regain", "regained"}


# words before an event noun that make it someone else's act, whose agent the text does not give ("sanctioned X
# over the attack on Y", "mourned the victims of the attack on Y", "condemned the attack on Y")
_NOT_ITS_ACT = {"over", "after", "for", "to", "about", "on", "against", "despite", "following", "of", "since", "before",
                "by", "condemned", "condemns", "condemning", "denounced", "denounces", "criticised", "criticized",
                "mourned", "mourns", "deplored", "decried", "investigated", "investigating", "commemorated", "marked",
                "recalled", "remembered", "protested", "blamed", "blames", "survived", "witnessed", "documented"}
_SERIES = {"series", "wave", "waves", "string", "spate", "barrage", "round", "rounds", "dozens", "hundreds", "number"}
_NOMINAL_OBJECT = {"of", "on", "against", "for", "to"}


def _nominalised(cue: Cue, clause: Clause, units: list[str], groups: list[Group]) -> list[Link] | None:
    """A verb cue used as a noun with its arguments in phrases: ``an attack by X on Y``, ``the shelling by X
    of Y``, ``X's backing of Y`` (the possessor is the agent); None when the cue is not so used."""
    k = cue.end
    if k + 1 >= clause.end or units[k] not in _NOMINAL_OBJECT | {"by"}:
        return None
    before = units[cue.start - 1] if cue.start > 0 else ""
    if units[k] == "by" and before in NOUN_DETERMINERS:
        agent = _phrase_object(units, groups, k + 1, clause.end)
        if agent is None or agent.last + 2 >= clause.end or units[agent.last + 1] not in {"on", "against", "of"}:
            return None
        obj = _phrase_object(units, groups, agent.last + 2, clause.end)
        return pair_links(cue, agent, obj, clause) if obj is not None and obj is not agent else None
    owner = next((g for g in reversed(groups) if g.last < cue.start), None)
    if units[k] == "by" or owner is None or not owner.possessive or not all(
            u in FILLER for u in units[owner.last + 1 : cue.start]):
        return None
    obj = _phrase_object(units, groups, k + 1, clause.end)
    return pair_links(cue, owner, obj, clause) if obj is not None and obj is not owner else None


def _phrase_object(units: list[str], groups: list[Group], k: int, end: int) -> Group | None:
    """The object of a phrase inside a noun phrase (a verb may follow it: ``X's offensive against Y has
    stalled``); a coordination followed by more words is not one (``its support for Y and Z is to ...``:
    Z opens a clause)."""
    g = object_after(units, groups, k, end, verb_after=True)
    if g is not None and len(g.actors) >= 2 and g.last + 1 < end and units[g.last + 1][:1].isalnum():
        return None
    return g


def agent_end(agent: Group | None) -> int:
    """The last unit of the agent's group (0 without one)."""
    return agent.last if agent is not None else 0


def _event(cue: Cue, clause: Clause, units: list[str], groups: list[Group], agent: Group | None,
           obj: Group | None) -> tuple[list[Link], str | None]:
    """``the siege of Y by X``, ``X's strikes on Y``, ``X launched attacks on Y``."""
    owned = next((g for g in groups if g.possessive and g.last < cue.start and cue.start - g.last <= 3), None)
    if obj is None and owned is not None and all(u in FILLER for u in units[owned.last + 1 : cue.start]):
        # "X's offensive against Y has stalled": the phrase is the subject, so a verb may follow its object
        obj = _phrase_object(units, groups, cue.end, clause.end)
    if obj is None:
        return [], None
    by = _by_agent(units, groups, obj.last + 1, clause.end)
    if by is not None:
        return pair_links(cue, by, obj, clause), None
    owner = next((g for g in groups if g.last < cue.start and cue.start - g.last <= 3 and (
        g.possessive or all(u in {"-", "'"} or u in FILLER for u in units[g.last + 1 : cue.start]))), None)
    if owner is not None and owner is not obj:
        return pair_links(cue, owner, obj, clause), None
    j = cue.start - 1
    while j > agent_end(agent) and (units[j] in DETERMINERS or units[j] in FILLER - {"of"} or units[j].endswith("ly") or (
            units[j].endswith("ed") and units[j - 1] in DETERMINERS) or (  # "the renewed attacks on Y"
            units[j] == "of" and units[j - 1] in _SERIES)):  # "a series of strikes on Y"
        j -= 1
    if agent is not None and not cue.negated and units[j] in _NOT_ITS_ACT:
        # "sanctioned Xan leaders over the attack on Yel": whose attack? not the subject's
        return [], f"'{cue.text}': whose act it is is not said"
    if agent is not None:
        return pair_links(cue, agent, obj, clause, direct=False), None
    return [], f"'{cue.text}': no clear agent"


def _reciprocal(cue: Cue, clause: Clause, units: list[str], groups: list[Group], agent: Group | None,
                obj: Group | None) -> tuple[list[Link], str | None]:
    """``X and Y clashed``, ``clashes between X and Y``, ``X clashed with Y``."""
    if "between" in cue.text.split() or (cue.end < clause.end and units[cue.end] == "between"):
        # "relations between X and Y have collapsed": the pair is the subject of the verb after it
        after = object_after(units, groups, cue.end + (units[cue.end] == "between" if cue.end < len(units) else 0),
                              clause.end, verb_after=True)
        if after is not None and len(after.actors) >= 2:
            return within_links(cue, after, clause), None
        return [], f"'{cue.text}': the two sides are not both named"
    if obj is not None and agent is not None:
        links = pair_links(cue, agent, obj, clause)
        if cue.family is _SUPPORT and len(obj.actors) >= 2:  # "an alliance with Y and Z": Y and Z are allied too
            links += [Link(li.a, li.b, li.cue, False, li.hedge) for li in within_links(cue, obj, clause)]
        return links, None
    if cue.text.startswith(("alliance", "coalition")) and obj is not None and len(obj.actors) >= 2:
        return within_links(cue, obj, clause), None
    left = next((g for g in reversed(groups) if g.last < cue.start and cue.start - g.last <= 4), None)
    if obj is None and left is not None and left.possessive and left.last + 1 == cue.start and cue.text.endswith("with"):
        obj = object_after(units, groups, cue.end, clause.end, verb_after=True)  # "X's alliance with Y has held"
        if obj is not None and _PAIR_UNDONE & set(units[max(0, left.first - 2) : obj.last + 5]):
            return [], f"'{cue.text}': said to be over"  # "... with Y has collapsed", "its former alliance"
    if obj is None and left is not None and len(left.actors) >= 2:
        return within_links(cue, left, clause), None
    if obj is None and agent is not None and len(agent.actors) >= 2:
        # "X and Y, bitter rivals, signed a unity declaration": the subject's members; direct when only a
        # parenthetical and a few words stand between them and the cue
        rest = [u for j, u in enumerate(units[agent.last + 1 : cue.start], start=agent.last + 1)
                if not any(p.start <= j < p.end for p in clause.parens)]
        direct = len(rest) <= 3 and not any(u.startswith("@") for u in rest)
        return [Link(li.a, li.b, li.cue, li.direct and direct, li.hedge) for li in within_links(cue, agent, clause)], None
    if obj is not None and left is not None and left is not obj and cue.start - left.last <= 3:
        return pair_links(cue, left, obj, clause), None
    return [], f"'{cue.text}': no clear pair of actors it relates"


def _modifier_links(sent: Sentence, mentions: list[Mention], units: list[str], unit_mention: dict[int, Mention],
                    modifiers: dict[str, CueFamily]) -> list[Link]:
    """``Iran-backed militias`` (the lexicon's modifiers), ``anti-IS coalition`` and ``pro-Russian separatists``,
    also inside a name."""
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
        elif m.start >= 2 and toks[m.start - 1].norm == "-" and toks[m.start - 2].norm in _STANDS:
            family = _STANDS[toks[m.start - 2].norm]
            out.append(Link(m.actor, host.actor, _cue(family, f"{toks[m.start - 2].norm}-{m.text}"), True))
    for k, m in unit_mention.items():
        if k + 2 < len(units) and units[k + 1] == "-" and units[k + 2] in modifiers:
            head = _head(units, unit_mention, k + 3)
            if head is not None:
                out.append(Link(m.actor, head.actor, _cue(modifiers[units[k + 2]], f"{m.text}-{units[k + 2]}"), True))
        pair_noun = units[k + 3] if k + 3 < len(units) and units[k + 1] in {"-", "/"} and k + 2 in unit_mention else ""
        if pair_noun in _PAIR_NOUNS and not _PAIR_UNDONE & set(units[max(0, k - 4) : k + 8]):
            # "the Pax-Yel alliance", "the Xan-Zed war": the noun relates the two (not "the X-Y talks")
            other = unit_mention[k + 2]
            out.append(Link(m.actor, other.actor, _cue(_PAIR_NOUNS[pair_noun], f"{m.text}-{other.text} {pair_noun}"), True))
        if k >= 2 and units[k - 1] == "-" and units[k - 2] in _STANDS:
            head = _head(units, unit_mention, k + 1)
            if head is not None:
                out.append(Link(m.actor, head.actor, _cue(_STANDS[units[k - 2]], f"{units[k - 2]}-{m.text}"), True))
    return out


_STANDS = {"anti": _HOSTILITY, "pro": _SUPPORT}  # "anti-IS coalition", "pro-Russian separatists"
_PAIR_NOUNS = {**dict.fromkeys(["alliance", "axis", "pact", "partnership"], _SUPPORT),
               **dict.fromkeys(["war", "conflict", "hostilities", "fighting", "clashes", "rivalry", "feud",
                                "confrontation", "enmity"], _HOSTILITY)}
# words that say such a relation is over or never was ("the collapse of the X-Y alliance")
_PAIR_UNDONE = {"collapse", "collapsed", "end", "ended", "ending", "ends", "former", "broke", "break-up", "breakup",
                "demise", "crumbled", "unravelled", "unraveled", "no", "not", "never", "avert", "avoid", "prevent",
                "fears", "risk", "feared", "possible", "potential"}


def _head(units: list[str], unit_mention: dict[int, Mention], k: int) -> Mention | None:
    """The mention a modifier qualifies: within the next three words, no punctuation between."""
    for j in range(k, min(k + 3, len(units))):
        if j in unit_mention:
            return unit_mention[j]
        if units[j] in _HEAD_NOUNS and units[j + 1 : j + 2] == ["of"] and j + 2 in unit_mention:
            return unit_mention[j + 2]  # "pro-Pax militias of Zed"
        if not units[j][:1].isalnum() or units[j] in _HEAD_NOUNS or units[j].endswith("ed"):
            return None  # "Xan-backed militias attacked Yel": the militias are backed, not Yel
    return None


# nouns a compound modifier qualifies when no actor is named right after it
_HEAD_NOUNS = {"militia", "militias", "fighters", "troops", "forces", "soldiers", "rebels", "groups", "group",
               "militants", "gunmen", "factions", "faction", "units", "paramilitaries", "proxies", "insurgents",
               "coalition", "alliance", "bloc", "front", "separatists", "mercenaries", "movement", "government",
               "regime", "army", "states", "countries", "parties", "camp", "axis"}


def _cue(family: CueFamily, text: str) -> Cue:
    return Cue(family, -1, -1, text, "modifier")
