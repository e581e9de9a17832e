"""An act judged after it: ``X signed a pact with Y, a move Z called a threat``, ``... that angered Z``.

Wire copy gives a third party's hostility to an act in a phrase after it, not in a verb of
its own: ``a show of force that Yerevan called provocative``, ``a move Ethiopia opposes``,
``a move Addis Ababa sees as hostile``, ``a ten-year defence pact that angered Ethiopia``,
``Kinshasa's pledge to end ties with the group, a pledge Kigali has called worthless``.
The one who judges is against the one whose act it is: the clause's subject, or the owner
of the noun the phrase repeats (``Kinshasa's pledge ..., a pledge``). Only a hostile
verdict is read (``called provocative``, ``sees as a threat``, ``opposes``, ``angered``);
a neutral naming (``a move Z called overdue``) or a negation binds nothing.
(:func:`~alliances.extract._implied.judged_act_links` reads ``, a move Z condemned``.)
"""

from __future__ import annotations

from ._clauses import Clause, Group
from ._cues import Cue
from ._lexicon import FAMILIES
from ._links import Link

__all__ = ["verdict_links"]

_ACTS = {"move", "decision", "step", "deal", "sale", "sales", "deployment", "plan", "measure", "policy", "action",
         "offensive", "operation", "attack", "strike", "strikes", "visit", "agreement", "pact", "pledge", "show",
         "exercise", "exercises", "drills", "manoeuvres", "maneuvers", "inaction", "purchase", "deliveries", "offer",
         "charter", "accord", "treaty", "arrangement", "build-up", "buildup", "presence", "incursion", "annexation",
         "blockade", "test", "tests", "launch", "referendum", "recognition", "corridor", "base", "bases"}
# "a show of force", "a transfer of arms": an of-phrase of one or two words after the noun
_NAMING = {"called", "calls", "calling", "described", "describes", "termed", "terms", "branded", "brands", "labelled",
           "labeled", "dubbed", "denounced", "condemned"}
_SEEING = {"sees", "saw", "see", "views", "viewed", "view", "regards", "regarded", "regard", "considers",
           "considered", "consider", "perceives", "perceived", "treats", "treated"}
_OPPOSING = {"opposes", "opposed", "oppose", "opposing", "resisted", "resists", "resist", "objected", "objects"}
_ANGERING = {"angered", "angers", "anger", "angering", "alarmed", "alarms", "infuriated", "infuriates", "irked",
             "irks", "provoked", "provokes", "antagonised", "antagonized", "incensed", "outraged", "enraged"}
_HOSTILE = {"threat", "threats", "provocation", "provocations", "provocative", "reckless", "betrayal", "hostile",
            "worthless", "treason", "treasonous", "illegal", "illegitimate", "aggression", "aggressive", "dangerous",
            "destabilising", "destabilizing", "unacceptable", "violation", "interference", "escalation",
            "escalatory", "irresponsible", "meaningless", "sham", "farce", "hypocritical", "invasion", "occupation",
            "blackmail", "affront", "insult", "menace", "belligerent", "war", "null", "void", "unfriendly",
            "treachery", "stab"}
_GAP = {"that", "which", "has", "have", "had", "long", "also", "quickly", "swiftly", "immediately", "promptly",
        "sharply", "strongly", "publicly", "openly", "since", "repeatedly", "already", "firmly", "bitterly"}
_NEGATIONS = {"not", "never", "no", "hardly", "n't"}
_JUDGE_HEADS = {"government", "authorities", "officials", "leaders", "leadership", "army", "military", "ministry",
                "foreign", "defence", "defense", "president", "presidency", "spokesman", "spokeswoman", "junta", "regime"}
_SUBORDINATORS = {"when", "after", "as", "while", "because", "since", "before", "until", "once", "if", "unless",
                  "although", "though", "whereas"}


def verdict_links(clause: Clause, units: list[str]) -> list[Link]:
    """``X ..., a move Z called a threat``: Z against X, read indirectly (verbal hostility).

    The act noun comes after a comma and ``a``/``an`` (``, a move that Z opposes``) or right
    after the act's own noun phrase (``military exercises near the frontier that Z denounced
    as provocative``, ``under a defence pact that angered Z``); the judge is an actor that is
    not a possessor (``Xan's backers called it a threat``: not Xan), and its verdict hostile. In a
    complement or a clause opened by ``when``/``after``/``as``... whose act it is is not clear:
    nothing is read.

    Parameters
    ----------
    clause : Clause
    units : list of str
        The sentence's units.

    Returns
    -------
    list of Link

    Examples
    --------
    >>> units = "@0 sold @1 howitzers , a move @2 called a threat .".split()
    >>> x, y, z = Group([0], ["x"], False), Group([2], ["y"], False), Group([7], ["z"], False)
    >>> [(li.a, li.b) for li in verdict_links(Clause(0, 12, subject=x, groups=[x, y, z]), units)]
    [('z', 'x')]
    """
    out: list[Link] = []
    s = clause.subject
    if clause.kind == "complement" or (clause.start > 0 and units[clause.start - 1] in _SUBORDINATORS):
        # "X agreed to help Y build ... under a pact that angered Z", "X did not intervene when Y seized the
        # region, an inaction Z called a betrayal": whose act is judged is not the clause's subject alone
        s = None
    if s is None:
        return out
    for k in range(max(clause.start, s.last + 1), clause.end):
        if units[k] not in _ACTS:
            continue
        if k >= 2 and units[k - 1] in {"a", "an"} and units[k - 2] == ",":
            restated = True
        elif k + 1 < clause.end and units[k + 1] in {"that", "which"} or _of_phrase_then_that(units, k, clause.end):
            restated = False
        else:
            continue
        j = k + 1
        if j + 2 < clause.end and units[j] == "of" and units[j + 1].isalpha() and units[j + 1] not in {"the", "a"}:
            j += 2  # "a show of force"
        while j < clause.end and j - k <= 5 and units[j] not in {"that", "which"} and not units[j].startswith("@") \
                and not restated and units[j] not in {",", ";", ":", "."}:
            j += 1  # "exercises near the frontier that"
        verdict = _verdict(units, clause, j)
        if verdict is None:
            continue
        judge, v = verdict
        judged = _owner_of(units, clause, k) if restated else None
        judged = judged or s
        text = f"a {units[k]} ... {units[v]}" if restated else f"{units[k]} ... {units[v]}"
        cue = Cue(FAMILIES["verbal"], v, v + 1, text, "verb")
        out += [Link(x, y, cue, False, clause.hedge) for x in judge.actors for y in judged.actors if x != y]
    return out


def _of_phrase_then_that(units: list[str], k: int, end: int) -> bool:
    """Whether ``that``/``which`` follows the act noun after a short phrase without an actor or comma."""
    for j in range(k + 1, min(k + 7, end)):
        if units[j] in {"that", "which"}:
            return True
        if units[j].startswith("@") or units[j] in {",", ";", ":", ".", "and", "but", '"'}:
            return False
    return False


def _verdict(units: list[str], clause: Clause, j: int) -> tuple[Group, int] | None:
    """The judge and its verb after the act noun's phrase (unit ``j``), when the verdict is hostile."""
    if j < clause.end and units[j] in {"that", "which"} and j + 1 < clause.end and units[j + 1] in _ANGERING:
        judge = next((g for g in clause.groups if g.first in {j + 2, j + 3} and not g.possessive), None)
        return (judge, j + 1) if judge is not None and all(u == "the" for u in units[j + 2 : judge.first]) else None
    j += j < clause.end and units[j] in {"that", "which"}
    j += j < clause.end and units[j] == "the"  # "a move that the Port Sudan government condemned as treason"
    judge = next((g for g in clause.groups if g.first == j), None)
    if judge is None or judge.pronoun or judge.possessive and units[judge.last + 1 : judge.last + 2] != [] and \
            units[judge.last + 1] not in _JUDGE_HEADS:
        return None  # "Xan's backers called it a threat": not Xan ("Quor's foreign ministry": Quor)
    v = judge.last + 1
    gap = []
    while v < clause.end and v - judge.last <= 3 and units[v] in _JUDGE_HEADS:
        v += 1  # "a move the Yel government called ...", "Yel officials"
    while v < clause.end and (units[v] in _GAP or units[v] in _NEGATIONS):
        gap.append(units[v])
        v += 1
    if v >= clause.end or any(u in _NEGATIONS for u in gap):
        return None
    verb = units[v]
    if verb in _OPPOSING:
        return judge, v
    if verb not in _NAMING and verb not in _SEEING:
        return None
    tail: list[str] = []
    for u in units[v + 1 : v + 7]:
        if u in {",", ";", ".", ":"} or u.startswith("@"):
            break
        tail.append(u)
    if verb in _SEEING and "as" not in tail:
        return None
    hit = next((i for i, u in enumerate(tail) if u in _HOSTILE), None)
    if hit is None or any(u in _NEGATIONS or u in {"less", "no"} for u in tail[:hit]):
        return None
    return judge, v


def _owner_of(units: list[str], clause: Clause, k: int) -> Group | None:
    """``Kinshasa's pledge to ..., a pledge``: the possessor of the same noun earlier in the clause."""
    noun = units[k]
    for i in range(k - 3, clause.start, -1):
        if units[i] == noun:
            owner = next((g for g in clause.groups if g.possessive and g.last + 1 == i), None)
            return owner
    return None
