"""Relation cues: the words that say two actors are allied, at war, at odds, or careful.

Cues are regular expressions over a sentence's normalised form, in which every actor
mention is replaced by a placeholder ``@k`` (so ``Iran-backed`` reads ``@0 - backed``).
Four families, each suggesting a stance:

==============  ==========================================================  ========
family          examples                                                    suggests
==============  ==========================================================  ========
support         backed by, allied to, with the help of, in support of,      ally
                alongside, X-backed, its allies
cooperation     cooperated with, coordinated with, praised, welcomed         friendly
hostility       fought, against, besieged by, strikes on, siege, clashed     enemy
verbal          accused, condemned, rival campaigns, at odds with            rival
hedge           does not seek a confrontation, has avoided direct clashes    rival
==============  ==========================================================  ========

A hedge softens hostility: a pair with hostile cues and a hedge is a rival, not an
enemy. A cue preceded by a negation (``not``, ``never``, ``denied``...) in its clause
suggests nothing: it is reported as negated and never turned into the opposite stance.
Where cues overlap the longest wins (``fighting for`` is support, not ``fighting``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .._records import Stance

__all__ = [
    "COOPERATION",
    "CUES",
    "HEDGE",
    "HOSTILITY",
    "NEGATIONS",
    "SUPPORT",
    "VERBAL",
    "Cue",
    "CueFamily",
    "find_cues",
]


@dataclass(frozen=True)
class CueFamily:
    """A family of cues and the stance its cues suggest."""

    name: str
    stance: Stance


SUPPORT = CueFamily("support", Stance.ALLY)
COOPERATION = CueFamily("cooperation", Stance.FRIENDLY)
HOSTILITY = CueFamily("hostility", Stance.ENEMY)
VERBAL = CueFamily("verbal hostility", Stance.RIVAL)
HEDGE = CueFamily("hedge", Stance.RIVAL)

_V = (r"(?:backed|supported|sponsored|funded|armed|trained|equipped|aided|reinforced|assisted|protected|hired|"
      r"paid|contracted|joined|sent)")
_ADV = r"(?:\w+ly )?"  # "has largely avoided", "mostly kept apart"

# (pattern, family, reciprocal): a reciprocal cue may join actors named together
# ("X and Y clashed", "clashes between X and Y").
CUES: list[tuple[str, CueFamily, bool]] = [
    # support and alliance
    (rf"{_V} by", SUPPORT, False),
    (r"with the (?:help|support|backing|assistance|aid) of", SUPPORT, False),
    (r"(?:(?:air|military|artillery|naval) )?(?:support|cover) (?:of|for|to)", SUPPORT, False),
    (r"in (?:support|defence|defense) of", SUPPORT, False),
    (r"on (?:the )?side of", SUPPORT, False),
    (r"on the same side as", SUPPORT, True),
    (r"(?:fighting|fights|fought|fight|battling|battled) (?:for|alongside|beside|on behalf of|"
     r"on (?:the )?side of|with the help of)", SUPPORT, False),
    (r"alongside", SUPPORT, True),
    (r"allied (?:to|with)", SUPPORT, True),
    (r"allied", SUPPORT, True),
    (r"(?:an |its |their |close |key |main )?all(?:y|ies) (?:of|to)", SUPPORT, True),
    (r"all(?:y|ies)", SUPPORT, True),
    (r"alliance (?:of|with|between)", SUPPORT, True),
    (r"(?:part|members?) of", SUPPORT, False),
    (r"joined forces with", SUPPORT, True),
    (r"(?:backs|backed|backing|supports|supporting|arms|arming|funds|funding|sponsors|sponsoring|supplies|"
     r"supplied|supplying|reinforced|reinforces|helped|helps|helping|aided|aids|protects|protected|shields|"
     r"shielded|trains|trained|training)", SUPPORT, False),
    (r"sent (?:\w+ ){0,2}(?:troops|fighters|advisers|advisors|weapons|arms|jets|warplanes) to", SUPPORT, False),
    (r"came to the aid of", SUPPORT, False),
    (r"(?:patron|proxy|proxies|sponsor)", SUPPORT, False),
    # cooperation (friendly)
    (r"(?:cooperat|co-operat|coordinat)\w* (?:\w+ly )?with", COOPERATION, True),
    (r"(?:praised|welcomed|thanked)", COOPERATION, False),
    (r"partners?(?:hip)?(?: with| of)?", COOPERATION, True),
    # hostility
    (r"(?:rose|rise|rising|risen) up against", HOSTILITY, False),
    (r"(?:offensive|campaign|operations?|war|assault|attacks?|raids?|strikes?|air ?strikes?|"
     r"fighting|fight|battle|push|advance|drive|uprising|insurgency|rebellion) (?:on|against)", HOSTILITY, False),
    (r"against", HOSTILITY, False),
    (r"at war with", HOSTILITY, True),
    (r"war (?:with|between)", HOSTILITY, True),
    (r"(?:into |in )?(?:conflict|confrontation|combat) with", HOSTILITY, True),
    (r"(?:fought|fighting|fights|fight|battled|battling|battles)", HOSTILITY, True),
    (r"clash(?:ed|es|ing)?(?: with| between)?", HOSTILITY, True),
    (r"(?:attacked|attacking|assaulted|ambushed|raided|stormed|shelled|shelling|bombed|bombing|bombarded|"
     r"struck|strikes on|hit|killed|overran|overrun|routed|defeated|repelled|pushed back|drove out|driven out|"
     r"expelled|invaded|shot down|targeted|targeting|besieged|besieging|encircled)", HOSTILITY, False),
    (r"(?:captured|seized|retook|recaptured|took|wrested) (?:\w+ ){0,4}from", HOSTILITY, False),
    # "pushed X back", "drove X out": the verb is the cue, the object sits between
    (r"(?:pushed|pushing|drove|driving|forced|forcing|beat|beating) (?=(?:\S+ ){0,4}(?:back|out|away)\b)",
     HOSTILITY, False),
    (r"fired (?:\w+ ){0,3}(?:at|on|into)", HOSTILITY, False),
    (r"(?:siege|blockade|invasion|bombardment|shelling) of", HOSTILITY, False),
    (r"siege", HOSTILITY, False),
    (r"(?:enemy|enemies|foes?|adversary|adversaries)", HOSTILITY, True),
    # verbal hostility and rivalry
    (r"(?:accused|accuses|accusing|accuse|condemned|condemns|condemning|denounced|denounces|criticised|"
     r"criticized|criticises|criticizes|blamed|blames|warned|warns|threatened|threatens|rebuked|"
     r"sanctioned|vowed to punish)", VERBAL, False),
    (r"accused each other", VERBAL, True),
    (r"(?:rival|rivals|rivalry|competing|compete|competes|competition|race|racing) ?(?:campaigns?|with|"
     r"against|between|for)?", VERBAL, True),
    (r"at odds with", VERBAL, True),
    (r"tensions? (?:with|between)", VERBAL, True),
    (r"(?:feud|dispute) (?:with|between)", VERBAL, True),
    (r"sanctions (?:on|against)", VERBAL, False),
    # hedges: stated restraint, "rival, not enemy"
    (r"(?:does|do|did|would|will) not (?:seek|want|intend|plan) (?:a |any |an )?(?:\w+ )?"
     r"(?:war|confrontation|conflict|clash|clashes|fight|escalation)(?: with)?", HEDGE, True),
    (r"(?:does|do|did|would|will)(?: not|n't) (?:seek|want|intend) to (?:fight|confront|attack)", HEDGE, True),
    (rf"(?:has |have |had )?{_ADV}(?:avoided|avoid|avoiding|avoids|steered clear of) (?:\w+ ){{0,2}}"
     r"(?:clash|clashes|confrontation|conflict|war|fighting|contact|each other)(?: with)?", HEDGE, True),
    (rf"(?:have |has |had )?{_ADV}(?:kept|keep|stayed|stay) (?:apart|out of each other's way)", HEDGE, True),
    (r"deconflict\w*", HEDGE, True),
    (r"no (?:direct )?(?:clash|clashes|confrontation|fighting) (?:with|between)", HEDGE, True),
    (r"uneasy (?:\w+ )?(?:truce|relationship|coexistence|ties)", HEDGE, True),
    (r"wary of", HEDGE, False),
]

# A cue preceded by one of these in its clause (a few words before) says nothing.
NEGATIONS = {"not", "never", "no", "without", "denied", "denies", "deny", "denying", "neither", "nor", "refused",
             "rejected", "dismissed", "hardly", "cannot", "n't"}

_WARN = {"warned", "warns", "warning", "cautioned", "cautions", "urged", "urges"}
_COMPILED = [(re.compile(rf"(?<![\w@-]){p}(?![\w])"), fam, rec) for p, fam, rec in CUES]


@dataclass(frozen=True)
class Cue:
    """A cue found in a sentence: units ``start:end`` of its normalised form."""

    family: CueFamily
    start: int
    end: int
    text: str
    reciprocal: bool
    negated: bool = False


def find_cues(norm: str, unit_starts: list[int], units: list[str]) -> list[Cue]:
    """Cues in a normalised sentence; overlapping cues resolved, longest first.

    ``norm`` is the units joined by single spaces, ``unit_starts`` each unit's offset
    in it and ``units`` the unit strings (``@k`` for mentions).

    Examples
    --------
    >>> units = "@0 , backed by @1 , fought @2".split()
    >>> starts = [sum(len(u) + 1 for u in units[:i]) for i in range(len(units))]
    >>> [(c.family.name, c.text) for c in find_cues(" ".join(units), starts, units)]
    [('support', 'backed by'), ('hostility', 'fought')]
    """
    found: list[tuple[int, int, int, CueFamily, bool]] = []
    for order, (rx, fam, rec) in enumerate(_COMPILED):
        for m in rx.finditer(norm):
            if not m.group().strip():
                continue
            start = _unit_at(unit_starts, m.start())
            end = _unit_at(unit_starts, m.end() - 1) + 1
            if any(units[k].startswith("@") for k in range(start, end)):
                continue
            if start > 0 and units[start - 1] == "-":
                continue  # "Iran-backed", "anti-IS": actor-modifier forms, read apart
            found.append((start, end, order, fam, rec))
    # longest first, then lexicon order; keep cues that overlap nothing kept before
    found.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    kept: list[tuple[int, int, int, CueFamily, bool]] = []
    for c in found:
        if all(c[1] <= k[0] or c[0] >= k[1] for k in kept):
            kept.append(c)
    out = []
    for start, end, _, fam, rec in sorted(kept):
        if fam is HOSTILITY and units[start] == "against" and start >= 2 and units[start - 1].startswith("@") and (
            units[start - 2] in _WARN
        ):
            continue  # "warned Turkey against pushing on": the warning is the cue, not "against"
        text = " ".join(units[start:end])
        negated = fam is not HEDGE and _negated(units, start)
        out.append(Cue(fam, start, end, text, rec, negated))
    return out


def _negated(units: list[str], start: int) -> bool:
    for k in range(start - 1, max(-1, start - 5), -1):
        u = units[k]
        if u.startswith("@") or u in {",", ";", ":", "and", "but", "while"}:
            return False
        if u in NEGATIONS or u.endswith("n't"):
            return True
    return False


def _unit_at(unit_starts: list[int], pos: int) -> int:
    import bisect

    return bisect.bisect_right(unit_starts, pos) - 1
