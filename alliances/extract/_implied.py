"""Links the structure implies beyond a cue's own two arguments (all read indirectly).

``X and allied militias, including Z`` (Z is X's ally), ``X allowed Y to attack Z`` (X sides with Y),
``X helped Y fight Z`` (X is against Z too), ``SADC troops, who were deployed to help Congo fight the
M23`` and ``X fought Z alongside Y`` (Y is against Z too).
"""

from __future__ import annotations

from ._clauses import Clause, object_after
from ._cues import Cue
from ._lexicon import FAMILIES
from ._links import Link

__all__ = ["cobelligerents", "controlled", "helped_in_relative", "included_allies"]

_SUPPORT = FAMILIES["support"]
_HOSTILITY = FAMILIES["hostility"]
# prepositions of fighting on one side: "X fought Z alongside Y" puts Y against Z too
_COBELLIGERENT = {"alongside", "side by side with", "together with", "joined forces with", "in alliance with"}


def included_allies(clause: Clause) -> list[Link]:
    """``X and allied militias, including Z``, ``X and allied Z fighters``: Z is X's ally (read indirectly)."""
    cue = Cue(_SUPPORT, clause.start, clause.start + 1, "and allied", "preposition")
    groups = clause.groups + ([clause.subject] if clause.subject is not None and clause.subject not in clause.groups
                              else [])
    out = [Link(a, b, cue, False, clause.hedge) for g in groups for a, b in g.allied]
    for p in clause.parens:
        if p.allied and p.head is not None:
            cue = Cue(_SUPPORT, p.start, p.start + 1, "allied ..., including", "preposition")
            out += [Link(a, m, cue, False, clause.hedge) for a in p.head.actors for m in p.head.members if a != m]
    return out


_ENABLING = {"allowed", "allow", "allows", "allowing", "enabled", "enable", "enables", "enabling", "let", "lets",
             "permitted", "permit", "permits"}
_HELPING = {"helped", "help", "helps", "helping"}


def controlled(bound: list[Link], clause: Clause, cues: list[Cue]) -> list[Link]:
    """``X allowed Y to attack Z``: X sides with Y; ``X helped Y fight Z``: X is against Z too (both indirect).

    Only when the complement opens with a hostile verb (for ``helped``: bound to the
    complement's subject and an object), and X is the subject of the control verb's clause.
    """
    owner = clause.controller
    if owner is None or owner.subject is None or clause.subject is None:
        return []
    if clause.control not in _ENABLING | _HELPING:
        return []
    hostile = [li for li in bound if li.cue.family is _HOSTILITY and not li.cue.negated and li.a in clause.subject.actors]
    opens_hostile = any(c.family is _HOSTILITY and c.role == "verb" and not c.negated and c.start == clause.start
                        for c in cues)
    if not (hostile or opens_hostile):
        return []
    out: list[Link] = []
    for x in owner.subject.everyone:
        if clause.control in _ENABLING and opens_hostile:
            cue = Cue(_SUPPORT, clause.start, clause.start + 1, f"{clause.control} ... to", "verb")
            out += [Link(x, y, cue, False, clause.hedge) for y in clause.subject.actors if y != x]
        elif clause.control in _HELPING:
            out += [Link(x, li.b, li.cue, False, li.hedge) for li in hostile if li.b != x]
    return out


def helped_in_relative(bound: list[Link], clause: Clause, units: list[str]) -> list[Link]:
    """``SADC troops, who were deployed to help Congo fight the M23,``: the head is against the M23 too (indirect).

    Only when the helped actor follows ``help`` and is the agent of a hostile verb after it in the same
    relative clause.
    """
    out: list[Link] = []
    for p in clause.parens:
        if p.kind != "relative" or p.head is None:
            continue
        for k in range(p.start + 1, p.end):
            if units[k] not in _HELPING:
                continue
            helped = object_after(units, [g for g in clause.groups if p.start < g.first < p.end], k + 1, p.end)
            if helped is None:
                continue
            for li in bound:
                if li.cue.family is _HOSTILITY and not li.cue.negated and li.a in helped.actors and \
                        helped.last < li.cue.start < p.end:
                    out += [Link(x, li.b, li.cue, False, li.hedge) for x in p.head.everyone if x != li.b]
            break
    return out


def cobelligerents(bound: list[Link], clause: Clause) -> list[Link]:
    """``X fought Z alongside Y``, ``X fought alongside Y against Z``: Y is against Z too (indirect).

    Only when both cues have the same agent in the same part of the clause (both in the
    same parenthetical, or both outside any).
    """
    def where(li: Link) -> int:
        return next((p.start for p in clause.parens if p.start < li.cue.start < p.end), -1)

    sides = [li for li in bound if li.cue.text in _COBELLIGERENT and not li.cue.negated]
    targets = [li for li in bound if li.cue.family is _HOSTILITY and li.cue.role != "helper" and not li.cue.negated]
    out = []
    for side in sides:
        for t in targets:
            if side.a == t.a and side.b != t.b and where(side) == where(t):
                out.append(Link(side.b, t.b, t.cue, False, t.hedge or side.hedge))
    return out
