"""Links the structure implies beyond a cue's own two arguments (all read indirectly).

``X and allied militias, including Z`` (Z is X's ally), ``X allowed Y to attack Z`` (X sides with Y),
``X helped Y fight Z`` (X is against Z too) and ``SADC troops, who were deployed to help Congo fight the
M23``; fighting on one side (``X fought Z alongside Y``) is :mod:`._companions`.
"""

from __future__ import annotations

from ._clauses import Clause, Group, Paren, object_after
from ._cues import Cue
from ._lexicon import FAMILIES
from ._links import Link, pair_links
from ._scope import ENABLING, enabled

__all__ = ["controlled", "enabled_links", "helped_in_relative", "included_allies", "judged_act_links"]

_SUPPORT = FAMILIES["support"]
_HOSTILITY = FAMILIES["hostility"]


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


_ENABLING = ENABLING
_HELPING = {"helped", "help", "helps", "helping"}


def controlled(bound: list[Link], clause: Clause, cues: list[Cue]) -> list[Link]:
    """``X allowed Y to attack Z``: X sides with Y; ``X helped Y fight Z``: X is against Z too (both indirect).

    Only when the complement opens with a hostile verb (for ``helped``: bound to the
    complement's subject and an object), and X is the subject of the control verb's clause; never
    when X is among the victims (``X helped Y kill X soldiers and Z fighters``: the subject is no
    helper, and co-victims are not foes of each other).
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
    victims = {li.b for li in hostile}
    for x in owner.subject.everyone:
        if x in victims and clause.control in _HELPING:
            continue  # "X helped Y kill X's soldiers and Z's fighters": X is a co-victim of Z, not the helper
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


def enabled_links(cue: Cue, clause: Clause, paren: Paren | None, units: list[str],
                  groups: list[Group]) -> list[Link] | None:
    """``X, who let Y troops use his country to invade Z,`` and ``X let Y use its bases to attack Z``: Y is
    against Z, and X sides with Y (indirect); None when the cue is no such infinitive.

    Only after a relative word or the clause's subject (``X``: the relative clause's head, or the
    subject), a few auxiliaries apart, and only for a hostile cue.
    """
    relative = paren is not None and paren.kind == "relative"
    if cue.family is not _HOSTILITY or cue.negated or not (relative or paren is None):
        return None
    allowed_by = clause.controller.subject if clause.controller is not None else None
    if paren is None and clause.kind == "complement" and clause.control in ENABLING and allowed_by is not None and \
            clause.subject is not None and units[clause.start] in {"use", "using"} and units[cue.start - 1] == "to":
        # "X let Y fighters | use its territory to attack Z": the complement's subject is Y
        obj = object_after(units, groups, cue.end, clause.end)
        if obj is None:
            return None
        allowed = Cue(_SUPPORT, clause.start, clause.start + 1, f"{clause.control} ... to", "verb")
        return pair_links(cue, clause.subject, obj, clause, direct=False) + [
            Link(x, y, allowed, False, clause.hedge) for x in allowed_by.everyone for y in clause.subject.actors
            if x != y]
    lo = paren.start + 1 if paren is not None else clause.start
    found = enabled(units, lo, cue.start)
    if found is None or (paren is None and "use" not in units[found[1] : cue.start]
                         and "using" not in units[found[1] : cue.start]):
        return None  # "X allowed Y to attack Z" is read by controlled()
    verb, at = found
    enabler = paren.head if paren is not None else clause.subject
    between = units[(paren.start + 2 if paren is not None else (enabler.last + 1 if enabler else verb)) : verb]
    inner = next((g for g in groups if g.first == at), None)
    end = paren.end if paren is not None else clause.end
    obj = object_after(units, groups, cue.end, end)
    if enabler is None or inner is None or obj is None or len(between) > 2 or enabler.last >= verb:
        return None
    if any(u in {"not", "never", "no"} for u in between):
        return []  # "which did not let Y use its bases to attack Z"
    allowed = Cue(_SUPPORT, verb, verb + 1, f"{units[verb]} ... to", "verb")
    return pair_links(cue, inner, obj, clause, direct=False) + [
        Link(x, y, allowed, False, clause.hedge) for x in enabler.everyone for y in inner.actors if x != y]


_ACT_NOUNS = {"move", "decision", "step", "deal", "sale", "deployment", "plan", "measure", "policy", "action", "offensive",
              "operation", "attack", "strike", "strikes", "visit", "agreement", "pact"}
_REACTIONS = {**dict.fromkeys(["condemned", "condemns", "denounced", "denounces", "criticised", "criticized",
                               "criticises", "criticizes", "slammed", "slams", "decried", "decries", "protested",
                               "rejected", "rejects", "deplored", "deplores"], "verbal"),
              **dict.fromkeys(["welcomed", "welcomes", "praised", "praises", "hailed", "hails", "applauded",
                               "applauds"], "cooperation")}
_BETWEEN = {"that", "which", "has", "have", "had", "quickly", "swiftly", "immediately", "promptly", "also", "sharply",
            "strongly", "publicly"}


def judged_act_links(clause: Clause, units: list[str]) -> list[Link]:
    """``X sold Y howitzers, a decision Z denounced as ...``: Z against X (a welcome: with X), read indirectly.

    The act is the clause's, so its subject is the one judged; only after a comma, a singular act noun
    (``a move``, ``a decision``), and the judging actor with nothing but ``that`` or auxiliaries before
    its verb; never when a negation stands between.
    """
    out: list[Link] = []
    s = clause.subject
    if s is None:
        return out
    for k in range(max(clause.start, s.last + 1), clause.end - 4):
        if units[k] != "," or units[k + 1] not in {"a", "an"} or units[k + 2] not in _ACT_NOUNS:
            continue
        j = k + 3 + (units[k + 3] == "that")
        judge = next((g for g in clause.groups if g.first == j), None)
        if judge is None:
            continue
        v = judge.last + 1
        while v < clause.end and units[v] in _BETWEEN:
            v += 1
        if v < clause.end and units[v] in _REACTIONS:
            cue = Cue(FAMILIES[_REACTIONS[units[v]]], v, v + 1, f"a {units[k + 2]} ... {units[v]}", "verb")
            out += [Link(x, y, cue, False, clause.hedge) for x in judge.actors for y in s.actors if x != y]
    return out
