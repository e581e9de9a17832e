"""Forces present under an agreement: ``X troops remain deployed in Y's north under an arrangement with Z``.

A wire desk states a consented military presence with a prepositional phrase, not a
verb: ``kept thousands of soldiers deployed under a separate agreement with Kinshasa``,
``which has soldiers in Ituri hunting the ADF under an agreement with Kinshasa``. The
party whose forces are there and the party the agreement is with cooperate. Only a
presence (troops, soldiers, deployed, stationed, a base ...) is read so: ``rebels
were evacuated under a deal with the army`` is a deal between enemies, and a peace,
ceasefire or exchange agreement binds nothing. Forces ``under X's command`` (``under the
command of X``) are X's: allies.
"""

from __future__ import annotations

from ._clauses import Clause, Group, object_after
from ._cues import Cue
from ._lexicon import FAMILIES
from ._links import Link, pair_links

__all__ = ["command_links", "presence_links"]

_AGREEMENTS = {"agreement", "agreements", "arrangement", "arrangements", "pact", "deal", "accord", "treaty", "mandate",
               "deals", "accords", "treaties", "pacts", "memorandum"}
_OPENERS = {"a", "an", "the", "its", "their", "his", "her", "this", "that"}
# what makes the agreement one between enemies, or no longer in force
_NOT_COOPERATION = {"peace", "ceasefire", "cease-fire", "truce", "armistice", "surrender", "exchange", "evacuation",
                    "withdrawal", "prisoner", "prisoners", "amnesty", "disarmament", "de-escalation", "non-aggression",
                    "humanitarian", "former", "expired", "defunct", "lapsed", "old", "previous", "proposed", "draft",
                    "possible", "planned", "potential", "new"}
_PRESENCE = {"deployed", "stationed", "based", "troops", "soldiers", "forces", "base", "bases", "presence", "operate",
             "operates", "operating", "garrison", "garrisons", "contingent", "battalions", "battalion", "deploy",
             "deploys", "station", "stations", "keeps", "kept", "hunting", "remain", "remains", "remained"}
# words before the phrase in its clause that say the presence is not (or no longer) there
_UNDONE = {"not", "no", "never", "longer", "withdrew", "withdrawn", "withdrawing", "withdraw", "pulled", "expelled",
           "ordered", "left", "leave", "leaving", "ended", "scrapped", "terminated", "suspended", "cancelled",
           "canceled", "tore", "without", "if", "unless", "would", "could", "might"}


def presence_links(clause: Clause, units: list[str], clauses: list[Clause]) -> list[Link]:
    """``... troops deployed in Y under an agreement with Z``: the forces' owner and Z cooperate.

    The owner is the head of the apposition or relative clause the phrase is in, else the
    clause's subject (or, for a clause opening with its verb after ``but``/``and``, the
    subject of the clause before: read indirectly); a presence word (``troops``, ``deployed``, ``a base`` ...) must come
    between the owner and ``under``; up to three words between the determiner and the noun
    (``a ten-year bilateral defence agreement``), none of them peace, ceasefire, exchange,
    a former or a proposed agreement; a negation or a withdrawal before it binds nothing.

    Parameters
    ----------
    clause : Clause
    units : list of str
        The sentence's units.
    clauses : list of Clause
        The sentence's clauses (for a subject shared with the clause before).

    Returns
    -------
    list of Link
        Cooperation links (role ``preposition``).

    Examples
    --------
    >>> units = ["@0", "troops", "remain", "deployed", "under", "an", "agreement", "with", "@1", "."]
    >>> x, y = Group([0], ["x"], False), Group([8], ["y"], False)
    >>> [(li.a, li.b, li.cue.family.name) for li in presence_links(Clause(0, 10, subject=x, groups=[x, y]), units, [])]
    [('x', 'y', 'cooperation')]
    """
    out: list[Link] = []
    for j in range(clause.start, clause.end):
        if units[j] != "under" or j + 1 >= clause.end or units[j + 1] not in _OPENERS:
            continue
        k = j + 2
        while k < clause.end and k - j <= 5 and units[k] not in _AGREEMENTS and (units[k][:1].isalnum() or units[k] == "-"):
            k += 1
        if k + 1 >= clause.end or units[k] not in _AGREEMENTS or units[k + 1] != "with":
            continue
        if any(u in _NOT_COOPERATION or u.startswith("@") for u in units[j + 2 : k]):
            continue
        paren = next((p for p in clause.parens if p.start < j < p.end), None)
        owner = paren.head if paren is not None and paren.kind in {"relative", "apposition"} else clause.subject
        shared = owner is None and paren is None and _shared_subject(clause, units, clauses)
        owner = _shared_subject(clause, units, clauses) if shared else owner
        if owner is None or owner.last >= j:
            continue
        start = paren.start if paren is not None else clause.start if shared else owner.last + 1
        before = [u for i, u in enumerate(units[start:j], start=start)
                  if not any(p.start <= i < p.end for p in clause.parens if p is not paren)]
        if not any(u in _PRESENCE for u in before) or any(
                u in _UNDONE for u in before + units[max(0, owner.first - 2) : owner.first]):  # "withdrew its troops"
            continue
        groups = [g for g in clause.groups if paren is None or paren.start < g.first < paren.end]
        other = object_after(units, groups, k + 2, paren.end if paren is not None else clause.end, verb_after=True)
        if other is None or other is owner:
            continue
        cue = Cue(FAMILIES["cooperation"], j, k + 2, " ".join(units[j : k + 2]), "preposition")
        out += [li for li in pair_links(cue, owner, other, clause, direct=not shared) if li.b not in owner.actors]
    return out


def _shared_subject(clause: Clause, units: list[str], clauses: list[Clause]) -> Group | None:
    """The subject of the main clause before one that opens with its verb after ``but``/``and``
    (``X pulled its troops out ..., but kept soldiers deployed ...``)."""
    if clause.subject is not None or clause.start < 2 or units[clause.start - 1] not in {"but", "and"} \
            or not units[clause.start].isalpha():
        return None
    before = [c for c in clauses if c.kind == "main" and c.end <= clause.start]
    return before[-1].subject if before else None


_FORCE_NOUNS = {"units", "unit", "fighters", "troops", "forces", "soldiers", "militias", "militia", "brigades",
                "brigade", "battalions", "battalion", "militiamen", "commandos", "combatants", "groups", "contingent"}


def command_links(clause: Clause, units: list[str]) -> list[Link]:
    """``Xan units under its command``, ``Xan fighters under the command of Pax``: the forces and their commander.

    Parameters
    ----------
    clause : Clause
    units : list of str
        The sentence's units.

    Returns
    -------
    list of Link
        Support links, the commander first.

    Examples
    --------
    >>> units = ["@0", "fighters", "under", "the", "command", "of", "@1", "attacked", "."]
    >>> x, p = Group([0], ["x"], False), Group([6], ["p"], False)
    >>> [(li.a, li.b, li.cue.family.name) for li in command_links(Clause(0, 9, groups=[x, p]), units)]
    [('p', 'x', 'support')]
    """
    out: list[Link] = []
    for g in clause.groups:
        j = g.last + 1
        j += j < clause.end and units[j] in _FORCE_NOUNS
        if g.possessive or j + 2 >= clause.end or units[j] != "under":
            continue
        k = j + 1
        if units[k : k + 3] == ["the", "command", "of"]:
            owner = next((o for o in clause.groups if o.first == k + 3), None)
            end = k + 3
        else:
            owner = next((o for o in clause.groups if o.first == k and o.possessive), None)
            end = owner.last + 1 if owner is not None else k
            if units[end : end + 1] != ["command"]:
                owner = None
        if owner is None or owner is g:
            continue
        cue = Cue(FAMILIES["support"], j, end + 1, " ".join(units[j : end + 1]), "preposition")
        out += pair_links(cue, owner, g, clause)
    return out
