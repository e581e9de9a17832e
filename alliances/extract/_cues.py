"""Finding the lexicon's cues and markers in a sentence's placeholder form.

A sentence is read as *units*: its lower-cased tokens, with every actor mention replaced
by a placeholder ``@k`` (so ``Iran-backed militias`` reads ``@0 - backed @1``). The
cues of a :class:`~alliances.extract.CueLexicon` (``cues.yaml``) are matched on the
units joined by single spaces, longest first where they overlap; the markers
(negations, hedges, denials, reversals) are found the same way. A negation cancels the
cue after it in its clause (``did not attack``); a reversal cancels a cue that is a noun
phrase, the object of a verb undoing it (``cut cooperation with``, ``blocked sanctions
against``, ``condemned attacks on``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from ._lexicon import CueEntry, CueFamily, CueLexicon, default_cues, phrase_pattern

__all__ = ["Cue", "CueMatcher", "Markers", "find_cues"]

_BARRIERS = {",", ";", ":", "and", "but", "while", "whereas", "although", "though", "when", "after", "before", "because",
             "since", "until", "if", "where", "which", "who", "whom", "whose", "once", "as"}
_WARN = {"warned", "warns", "warning", "cautioned", "cautions", "urged", "urges"}
_NEGATION_REACH = 8  # units a negation may stand before its cue ("would not allow its territory to be used against")
_REVERSAL_REACH = 4  # units a reversal may stand before the noun phrase it undoes ("cut military cooperation with")
_NOMINAL = {"event", "reciprocal", "noun", "preposition"}  # roles whose cues can be a verb's object


@dataclass(frozen=True)
class Cue:
    """A cue found in a sentence: units ``start:end`` of its placeholder form.

    ``negated``: a negation stands before it in its clause (``did not attack``).
    """

    family: CueFamily
    start: int
    end: int
    text: str
    role: str
    strength: float = 1.0
    reports: bool = False
    negated: bool = False

    @property
    def reciprocal(self) -> bool:
        """Whether the cue may relate the members of one coordinated group (``X and Y clashed``)."""
        return self.role == "reciprocal"


@dataclass(frozen=True)
class Markers:
    """Where the negations, hedges, denials and reversals of a sentence are: (start, end, text) unit spans."""

    negations: tuple[tuple[int, int, str], ...]
    hedges: tuple[tuple[int, int, str], ...]
    denials: tuple[tuple[int, int, str], ...]
    reversals: tuple[tuple[int, int, str], ...] = ()


class CueMatcher:
    """A lexicon compiled for matching: entries indexed by their first word.

    Parameters
    ----------
    lexicon : CueLexicon, optional
        The built-in lexicon when not given.

    Examples
    --------
    >>> m = CueMatcher()
    >>> [(c.family.name, c.text, c.role) for c in m.cues("@0 , backed by @1 , fought @2 .".split())]
    [('support', 'backed by', 'passive'), ('hostility', 'fought', 'verb')]
    """

    def __init__(self, lexicon: CueLexicon | None = None):
        self.lexicon = lexicon if lexicon is not None else default_cues()
        self._by_word: dict[str, list[tuple[int, re.Pattern[str], CueEntry]]] = {}
        self._by_prefix: list[tuple[str, int, re.Pattern[str], CueEntry]] = []
        self._scan: list[tuple[int, re.Pattern[str], CueEntry]] = []
        # one-word modifiers ("Iran-backed"), also read inside an actor's own name
        self.modifiers: dict[str, CueFamily] = {
            e.text: e.family for e in self.lexicon.entries if e.role == "modifier" and " " not in e.text}
        for order, entry in enumerate(self.lexicon.entries):
            rx = re.compile(rf"(?:{entry.pattern})(?= |$)")
            first = entry.text.split()[0] if entry.pattern == phrase_pattern(entry.text) else ""
            if not first or first == "...":
                self._scan.append((order, rx, entry))
            elif first.endswith("*"):
                self._by_prefix.append((first[:-1], order, rx, entry))
            else:
                self._by_word.setdefault(first, []).append((order, rx, entry))
        self._markers = {
            name: [re.compile(rf"(?<![^ ])(?:{phrase_pattern(w)})(?= |$)") for w in words]
            for name, words in (("negations", self.lexicon.negations), ("hedges", self.lexicon.hedges),
                                ("denials", self.lexicon.denials), ("reversals", self.lexicon.reversals))
        }

    def cues(self, units: list[str], pronouns: AbstractSet[int] = frozenset()) -> list[Cue]:
        """The cues in a sentence's units, overlaps resolved (longest first, then lexicon order).

        ``pronouns``: units that are possessive pronouns standing for an actor (``@3`` for
        "their"); a cue may span them (``recalled their ambassadors from``).
        """
        units = [("its" if k in pronouns else u) for k, u in enumerate(units)]
        norm = " ".join(units)
        starts = _starts(units)
        found: list[tuple[int, int, int, CueEntry]] = []
        for k, unit in enumerate(units):
            if unit.startswith("@"):
                continue
            candidates = list(self._by_word.get(unit, ()))
            candidates += [(o, rx, e) for p, o, rx, e in self._by_prefix if unit.startswith(p)]
            for order, rx, entry in candidates:
                m = rx.match(norm, starts[k])
                if m is not None:
                    found.append((k, _unit_at(starts, m.end() - 1) + 1, order, entry))
        for order, rx, entry in self._scan:
            for m in rx.finditer(norm):
                if m.group().strip() and (m.start() == 0 or norm[m.start() - 1] == " "):
                    found.append((_unit_at(starts, m.start()), _unit_at(starts, m.end() - 1) + 1, order, entry))
        found = [f for f in found if not any(units[j].startswith("@") for j in range(f[0], f[1]))]
        # a modifier only after a hyphen ("Iran-backed"); any other cue never right after one
        found = [f for f in found if (f[3].role == "modifier") == (f[0] > 0 and units[f[0] - 1] == "-")]
        found.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
        kept: list[tuple[int, int, int, CueEntry]] = []
        for c in found:
            if all(c[1] <= k[0] or c[0] >= k[1] for k in kept):
                kept.append(c)
        markers = self.markers(units)
        # "the truce that ended fighting between X and Y": a truce ends a war between enemies, it does not deny it
        kept_negations = tuple(m for m in markers.negations if not _truce_ends(units, m) and not _requested_stop(units, m))
        kept_reversals = tuple(m for m in markers.reversals if not _truce_ends(units, m))
        out = []
        for start, end, _, e in sorted(kept, key=lambda c: c[0]):
            if e.text == "against" and start >= 2 and units[start - 1].startswith("@") and units[start - 2] in _WARN:
                continue  # "warned Turkey against pushing on": the warning is the cue, not "against"
            hostile = e.family.name == "hostility"
            negations = kept_negations if hostile else markers.negations
            reversals = kept_reversals if hostile else markers.reversals
            # "could not sustain its strikes on Y": a possessed act is taken for granted whatever the verb says
            owned = e.role in _NOMINAL and start - 1 in pronouns
            # "received no weapons from": a "no" inside a cue's gap (not "no clashes with", a cue of its own)
            negated = e.negatable and ("no" in units[start + 1 : end] or (
                not owned and _negated(units, start, negations, _NEGATION_REACH)) or (
                e.role in _NOMINAL and _negated(units, start, reversals, _REVERSAL_REACH)))
            out.append(Cue(e.family, start, end, " ".join(units[start:end]), e.role, e.strength, e.reports, negated))
        return out

    def markers(self, units: list[str]) -> Markers:
        """The negation, hedge and denial markers in a sentence's units."""
        norm = " ".join(units)
        starts = _starts(units)
        spans: dict[str, list[tuple[int, int, str]]] = {}
        for name, patterns in self._markers.items():
            got = []
            for rx in patterns:
                for m in rx.finditer(norm):
                    got.append((_unit_at(starts, m.start()), _unit_at(starts, m.end() - 1) + 1, m.group()))
            spans[name] = sorted(set(got))
        # "could have armed": a hedge (an allegation), not a hypothetical
        negs = [s for s in spans["negations"] if not (s[2] in _MODAL_NEGATIONS and units[s[1] : s[1] + 1] == ["have"])] + [
            (k, k + 1, u) for k, u in enumerate(units) if u.endswith("n't") and (k, k + 1, u) not in spans["negations"]]
        return Markers(tuple(sorted(negs)), tuple(spans["hedges"]), tuple(spans["denials"]), tuple(spans["reversals"]))


_MODAL_NEGATIONS = {"could", "might"}  # hypothetical: "Pax could arm Xan" says nothing has happened


def find_cues(units: list[str], lexicon: CueLexicon | None = None) -> list[Cue]:
    """The cues in a sentence given as units (``@k`` for an actor), with the built-in or a given lexicon.

    Examples
    --------
    >>> [(c.family.name, c.text, c.negated) for c in find_cues("@0 denied backing @1 .".split())]
    [('support', 'backing', True)]
    """
    return CueMatcher(lexicon).cues(units)


_TRUCES = {"truce", "ceasefire", "cease-fire", "armistice", "deal", "agreement", "accord", "accords"}
_ENDING = {"ended", "ends", "ending", "end", "halted", "halts", "halting", "stopped", "stops", "stopping"}


def _truce_ends(units: list[str], marker: tuple[int, int, str]) -> bool:
    """Whether a marker is a truce's ending verb: ``the truce that ended``, ``a ceasefire ending``."""
    start, _, text = marker
    if text.split()[0] not in _ENDING:
        return False
    j = start - 1
    while j >= 0 and units[j] in {"that", "which", "has", "had", "have", "effectively", "largely", "formally"}:
        j -= 1
    return j >= 0 and units[j] in _TRUCES


_REQUESTS = {"pressed", "presses", "pressing", "urged", "urges", "urging", "pushed", "pushes", "pushing", "asked",
             "asks", "pressured", "pressures", "pressuring", "on"}  # "called on X to halt"
_STOPPING = _ENDING | {"halt", "stop", "cease", "ceased", "ceases", "suspend", "wind", "scale"}


def _requested_stop(units: list[str], marker: tuple[int, int, str]) -> bool:
    """Whether a marker is a stop someone is asked for: ``pressed X to halt its offensive against Y``.

    ``units``: with possessive pronouns written ``its``; ``marker``: (start, end, text).

    Asking X to halt an offensive says the offensive is going on: the hostility stands (it
    is X's, not the asker's), so the marker does not cancel it.
    """
    start, end, text = marker
    return (text.split()[0] in _STOPPING and start >= 3 and units[start - 1] == "to"
            and units[start - 2].startswith("@") and units[start - 3] in _REQUESTS
            and end < len(units) and units[end] in {"its", "their"})  # "to stop fighting Y" stays cancelled


def _negated(units: list[str], start: int, markers: tuple[tuple[int, int, str], ...], reach: int) -> bool:
    """Whether a marker stands within ``reach`` units before the cue, with no clause barrier between."""
    for s, e, _ in markers:
        if s < start and start - e <= reach and e <= start:
            if not any(u in _BARRIERS or _new_subject(units, k) for k, u in enumerate(units[e:start], start=e)):
                return True
    return False


def _new_subject(units: list[str], k: int) -> bool:
    """A dash between a word and a subject (``is not our friend - it gives``) ends a clause; not the hyphen of a
    compound (``re-arm``, ``Pax-Yel``)."""
    nxt = units[k + 1] if k + 1 < len(units) else ""
    return units[k] == "-" and k > 0 and units[k - 1].isalpha() and (nxt.startswith("@") or nxt in {"it", "they", "we"})


def _starts(units: list[str]) -> list[int]:
    out, pos = [], 0
    for u in units:
        out.append(pos)
        pos += len(u) + 1
    return out


def _unit_at(unit_starts: list[int], pos: int) -> int:
    return bisect.bisect_right(unit_starts, pos) - 1
