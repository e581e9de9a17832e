"""Actors a sentence puts on one side of a fight (all read indirectly, as implied ties).

``X fought Z alongside Y`` (Y is against Z too), ``X remains alongside Y and W`` (Y and W fight on one side) and
``X and Y killed dozens of civilians in a raid`` (co-agents of one hostile act are allies): only when the
sentence makes them act together (``jointly``, ``in a raid``), not from a common object alone. Parties to one conflict are not co-fighters: ``X and
Y clashed``, ``X and Y fought each other``, ``fighting between X and Y`` (reciprocal, or no common object) and
``X and Y have both attacked Z`` (separate acts) relate nothing between X and Y here.
"""

from __future__ import annotations

from ._clauses import Clause
from ._cues import Cue
from ._lexicon import FAMILIES
from ._links import Link

__all__ = ["COBELLIGERENT", "co_agents", "cobelligerents", "companions", "fellow_sides"]

_SUPPORT = FAMILIES["support"]
_HOSTILITY = FAMILIES["hostility"]
# prepositions of fighting on one side: "X fought Z alongside Y" puts Y against Z too
COBELLIGERENT = frozenset({"alongside", "side by side with", "together with", "joined forces with", "in alliance with"})
# verbs two parties may do to each other: "X and Y fought near the town" says nothing of one side
_MUTUAL = ("fought", "fight", "battl", "confront", "clash", "lost", "los", "ceded", "exchang", "trad")
# words that make the acts separate, or each other's: "X and Y have both attacked Z", "... attacked each other"
_APART = frozenset({"both", "each", "separately", "respectively", "alike", "also", "other", "another", "either",
                    "neither", "independently", "between"})
# "in a raid", "in a joint operation": one act
_ONE_ACT = frozenset({"raid", "attack", "assault", "operation", "offensive", "ambush", "strike", "incursion",
                      "counteroffensive", "counter-offensive", "sweep", "campaign"})
_JOINT = frozenset({"jointly", "together", "joint", "combined"})
_PASSIVE = frozenset({"was", "were", "been", "being", "be", "is", "are", "got", "get"})
_SUBJECT_GAP = 4  # "X and Y fighters have reportedly killed": words between the subject and the verb


def cobelligerents(bound: list[Link], clause: Clause) -> list[Link]:
    """``X fought Z alongside Y``, ``X fought alongside Y against Z``: Y is against Z too (indirect).

    Only when both cues have the same agent in the same part of the clause (both in the
    same parenthetical, or both outside any).
    """
    def where(li: Link) -> int:
        return next((p.start for p in clause.parens if p.start < li.cue.start < p.end), -1)

    sides = [li for li in bound if li.cue.text in COBELLIGERENT and not li.cue.negated]
    targets = [li for li in bound if li.cue.family is _HOSTILITY and li.cue.role != "helper" and not li.cue.negated]
    out = []
    for side in sides:
        for t in targets:
            if side.a == t.a and side.b != t.b and where(side) == where(t):
                out.append(Link(side.b, t.b, t.cue, False, t.hedge or side.hedge))
    return out


def fellow_sides(bound: list[Link]) -> list[Link]:
    """``X remains alongside Y and W``: Y and W, the object of one ``alongside``, are on one side (indirect)."""
    out = []
    sides = [li for li in bound if li.cue.text in COBELLIGERENT and not li.cue.negated]
    for i, one in enumerate(sides):
        for other in sides[i + 1 :]:
            if one.cue == other.cue and one.a == other.a and one.b != other.b:
                out.append(Link(one.b, other.b, one.cue, False, one.hedge or other.hedge))
    return out


def _together(units: list[str], clause: Clause, cue: Cue) -> bool:
    """Whether the sentence makes the hostile act at ``cue`` one act (``jointly``, ``in a raid``).

    A common object alone does not: ``X and Y attacked Z`` may be two attacks (and ``All three have attacked
    Z`` after a list of parties is).
    """
    after = units[cue.end : clause.end]
    if any(u in _JOINT for u in units[clause.start : clause.end]):
        return True
    for k, u in enumerate(after[:-1]):  # "in a raid", "in a joint operation on ..."
        if u == "in" and after[k + 1] in {"a", "an", "one", "the"} and k + 2 < len(after) and \
                (after[k + 2] in _ONE_ACT or (after[k + 2] in _JOINT and after[k + 3 : k + 4] and
                                              after[k + 3] in _ONE_ACT)):
            return True
    return False


def co_agents(units: list[str], clause: Clause, cues: list[Cue]) -> list[Link]:
    """``X and Y killed dozens of civilians in a raid``, ``X and Y jointly attacked Z``: X and Y are allies (indirect).

    Only when X and Y are the coordinated subject of a one-sided hostile verb a few words after them (not a
    passive, not a verb two sides do to each other), and the sentence makes it one act: ``in a raid``,
    ``jointly``, ``a joint operation``; a common object alone does not (``X and Y attacked Z``). ``both``,
    ``each``, ``each other``, ``respectively`` and the like keep the acts apart.

    Parameters
    ----------
    units : list of str
        The sentence's units.
    clause : Clause
        The clause read.
    cues : list of Cue
        The sentence's cues.

    Returns
    -------
    list of Link
        One support link per pair of co-agents, read indirectly.

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import extract_relations
    >>> actors = [Actor("a", "Alpha"), Actor("b", "Beta"), Actor("c", "Gamma")]
    >>> [(p.a, p.b, p.stance.value) for p in extract_relations(
    ...     "Alpha and Beta killed dozens of civilians in a raid on a village.", actors).proposals]
    [('a', 'b', 'ally')]
    >>> extract_relations("Alpha and Beta fought each other in a raid.", actors).proposals[0].stance.value
    'enemy'
    """
    subject = clause.subject
    if subject is None or len(set(subject.actors)) < 2:
        return []
    actors = sorted(set(subject.actors))
    between = {u for u in units[subject.first : subject.last + 1] if not u.startswith("@")}
    if not between <= {"and", ",", "fighters", "troops", "forces", "soldiers", "militiamen", "units"}:
        return []  # "X or Y", "X, which ..., and Y": no plain coordination
    if any(u in _APART for u in units[clause.start : clause.end]):
        return []
    for cue in cues:
        if cue.family is not _HOSTILITY or cue.role != "verb" or cue.negated or cue.reciprocal \
                or not clause.start <= cue.start < clause.end or cue.text.startswith(_MUTUAL):
            continue
        gap = units[subject.last + 1 : cue.start]
        if not 0 <= len(gap) <= _SUBJECT_GAP or any(u in {",", ";", "and", "but", "which", "who"} or u.startswith("@")
                                                    for u in gap):
            continue
        if cue.start - 1 >= 0 and units[cue.start - 1] in _PASSIVE:
            continue
        if _together(units, clause, cue):
            bond = Cue(_SUPPORT, cue.start, cue.end, f"and ... {cue.text} together", "verb")
            return [Link(a, b, bond, False, clause.hedge) for i, a in enumerate(actors) for b in actors[i + 1 :]]
    return []


def companions(bound: list[Link], clause: Clause, cues: list[Cue], units: list[str]) -> list[Link]:
    """Every tie of sides a clause implies: :func:`cobelligerents`, :func:`fellow_sides` and :func:`co_agents`."""
    return cobelligerents(bound, clause) + fellow_sides(bound) + co_agents(units, clause, cues)
