"""Which relations of a sentence an attribution hedge covers: the clause it is attached to.

``Islamic Jihad, Hamas's smaller ally, still holds a hostage, according to Israeli officials``:
the officials vouch for the hostage, not for the alliance the apposition states in passing.
``M23 rebels, whom UN experts say are commanded by Rwandan officers, entered Goma``: the experts'
word is about the command, not about the entering. ``Pax shelled Yel, and Quor reportedly armed
Xan``: only the second main clause is reported. A hedge (``according to``, ``reportedly``,
``experts say``, ``accused of``...) covers the clause it stands in and that clause's
subordinate and reported complements; it does not cover a relation stated in an apposition or a
relative clause of its own, nor one in another main clause. A hedge inside an apposition or a
relative clause covers only that parenthetical. A hedge at the edge of the sentence
(``According to X, ...``, ``..., officials say.``) is read as the whole sentence's source, as
before; denials stay sentence-wide.
"""

from __future__ import annotations

from ._clauses import Clause
from ._cues import Markers
from ._links import Link
from ._mentions import Mention

__all__ = ["hedge_for", "link_place"]

_RELATIVE = {"who", "whom", "which", "whose"}


def _relatives(units: list[str]) -> list[tuple[int, int]]:
    """The comma-opened relative clauses: ``, which ... ,`` (to the next comma or the sentence's end); two
    coordinated ones (``, which has fought Pax and which Yel says is armed by Xan``) are two."""
    def opens(k: int) -> bool:
        return units[k] in {",", "and", "but"} and k + 1 < len(units) and units[k + 1] in _RELATIVE

    out: list[tuple[int, int]] = []
    for k in range(len(units) - 1):
        if opens(k) and (units[k] == "," or out and out[-1][1] == k):
            end = next((j for j in range(k + 2, len(units)) if units[j] in {",", ";", ":"} or opens(j)), len(units))
            out.append((k, end))
    return out


def _at_edge(units: list[str], start: int, end: int) -> bool:
    """Whether a hedge opens the sentence (``According to X, ...``) or closes it after a comma (``..., X say.``)."""
    if start <= 1:
        return True
    before = units[max(0, start - 3) : start]
    if "," not in before or _RELATIVE & set(before):  # "..., which Xan reportedly arms": a relative clause's
        return False
    rest = units[end:]
    return "," not in rest and ";" not in rest and len(rest) <= 8


def _region(clauses: list[Clause], units: list[str], pos: int) -> int:
    """The start of the main clause whose span (with its subordinate clauses) holds unit ``pos``."""
    region = 0
    for clause in sorted(clauses, key=lambda c: c.start):
        if clause.start > pos:
            break
        if clause.kind == "main" and units[clause.start] != "that":  # ", and that ...": the same report's
            region = clause.start
    return region


def _covers(units: list[str], clauses: list[Clause], span: tuple[int, int], pos: int) -> bool:
    start, end = span
    pieces = [(p.start, p.end) for c in clauses for p in c.parens if p.kind == "apposition"] + _relatives(units)
    edge = _at_edge(units, start, end)
    # ("..., the group claimed.": a closing attribution read as an apposition is the sentence's source)
    own = [(s, e) for s, e in pieces if s < start < e and not (edge and e >= len(units) - 1)]
    if own:  # "Pax, which Yel reportedly arms, attacked Xan": the relative clause only
        s, e = min(own, key=lambda se: se[1] - se[0])
        return s <= pos < e
    if any(s <= pos < e for s, e in pieces):  # "Xan, Pax's ally, ..., according to Y": the apposition is not Y's
        return False
    return edge or _region(clauses, units, start) == _region(clauses, units, pos)


def hedge_for(markers: Markers, units: list[str], clauses: list[Clause], pos: int) -> str | None:
    """The hedge that covers a relation whose cue starts at unit ``pos`` (a denial covers the whole sentence).

    Parameters
    ----------
    markers : Markers
        The sentence's markers (:meth:`CueMatcher.markers`).
    units : list of str
        The sentence's units (``@k`` for actor mentions).
    clauses : list of Clause
        The sentence's clauses (:func:`read_clauses`).
    pos : int
        The cue's first unit (``-1``: a cue with no place, such as a noun modifier; any hedge covers it).

    Returns
    -------
    str or None
        The first denial of the sentence, else the first hedge whose clause holds ``pos``, else None.

    Examples
    --------
    >>> from alliances.extract._clauses import Clause, Paren
    >>> units = "@0 , @1 's ally , holds a hostage , according to @2 officials .".split()
    >>> clauses = [Clause(0, len(units), parens=[Paren(1, 6, None, "apposition")])]
    >>> markers = Markers((), ((11, 13, "according to"),), (), ())
    >>> hedge_for(markers, units, clauses, 4) is None, hedge_for(markers, units, clauses, 7)
    (True, 'according to')
    """
    if markers.denials:
        return markers.denials[0][2]
    if pos < 0:
        return markers.hedges[0][2] if markers.hedges else None
    return next((h[2] for h in markers.hedges if _covers(units, clauses, (h[0], h[1]), pos)), None)


def link_place(link: Link, unit_mention: dict[int, Mention]) -> int:
    """Where a link stands in its sentence: its cue's first unit, or for a cue with no place (a noun modifier,
    ``their Burundian allies``) the later of the two actors' first mentions (``-1`` when neither is found).

    Examples
    --------
    >>> from alliances.extract import Cue
    >>> from alliances.extract._lexicon import FAMILIES
    >>> link = Link("a", "b", Cue(FAMILIES["support"], -1, -1, "their b allies", "modifier"), True)
    >>> link_place(link, {})
    -1
    """
    if link.cue.start >= 0:
        return link.cue.start
    firsts = [min((k for k, m in unit_mention.items() if m.actor == actor), default=-1) for actor in (link.a, link.b)]
    return -1 if min(firsts) < 0 else max(firsts)
