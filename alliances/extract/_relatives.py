"""Restrictive relative clauses: the subject of ``N that ... fight alongside Y`` is N, not the sentence's.

Wire copy hangs whole clauses on a noun with no comma: ``The RSF's siege of El Fasher has drawn
in the Darfur armed movements that had stayed neutral ... and now fight alongside the army``,
``Pax armed militias who later attacked Yel``. The cue in such a clause (``that|who`` + a verb)
is said of the noun before ``that``, never of the sentence's subject or of a possessor before it:

- the noun is an actor (``the Darfur armed movements that ... fight alongside the army``, ``Zed
  fighters that fight alongside Yel``): the link's agent is that actor;
- the noun names no actor (``militias that``, ``movements who``): the link is dropped and the cue
  listed as unclear, since who the militias are is not said.

Not a relative: ``told Yel that ...`` (a complement after a verb of telling), ``that`` before
an actor (``militias that Yel armed``: the actor is the clause's own subject), a noun after ``of``
(``an ally of Hamas that also receives funding``: which noun the clause is said of is not clear), and a relative
on the subject itself (``Xan fighters who fight alongside Yel attacked Zed``: the head is Xan).
"""

from __future__ import annotations

from dataclasses import replace

from ._links import Link
from ._mentions import Mention
from ._scope import PEOPLE_NOUNS

__all__ = ["relative_heads"]

_PRONOUNS = {"that", "who"}
_HEADS = PEOPLE_NOUNS | {"movements", "movement", "group", "faction", "force"}
_ENDS = {",", ";", ".", ":", "but", "while", "whereas", "although", '"'}
_OWN = {"its", "their", "his", "her", "our", "own"}
_TELLING = {"told", "tells", "tell", "telling", "warned", "warns", "warn", "assured", "assures", "informed", "reminded",
            "convinced", "persuaded", "promised", "notified", "urged", "asked"}
_MODIFIERS = 3  # "the Darfur armed movements", "local self-defence militias"


def relative_heads(links: list[Link], units: list[str], unit_mention: dict[int, Mention],
                   reasons: list[str]) -> list[Link]:
    """The links with cues in a restrictive relative clause said of the clause's head noun.

    Parameters
    ----------
    links : list of Link
        The sentence's links, as bound by the grammar.
    units : list of str
        The sentence's units (``@k`` for an actor mention).
    unit_mention : dict of int to Mention
        The mention at each ``@`` unit.
    reasons : list of str
        The sentence's reasons for ``unclear``; a dropped link's reason is appended.

    Returns
    -------
    list of Link
        The links; in ``N that|who ...``, a link whose agent is named outside the clause
        has the actor N as its agent, or is dropped when N names no actor.

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import Gazetteer, find_mentions, split_sentences, CueMatcher, sentence_links
    >>> g = Gazetteer([Actor("p", "Pax"), Actor("y", "Yel")])
    >>> sents = split_sentences("Pax armed militias who later attacked Yel.")
    >>> links, reasons = sentence_links(sents[0], find_mentions(sents, g)[0], CueMatcher())
    >>> links, reasons[-1]
    ([], "'attacked': said of the militias who ..., who are no actor")
    """
    out = list(links)
    for i in range(1, len(units) - 1):
        if units[i] not in _PRONOUNS or units[i + 1].startswith("@"):
            continue
        head = _head(units, unit_mention, i)
        if head is None:
            continue
        end = next((j for j in range(i + 1, len(units)) if units[j] in _ENDS), len(units))
        inside = {unit_mention[k].actor for k in range(i + 1, end) if k in unit_mention}
        kept = []
        for link in out:
            if not i < link.cue.start < end or link.a in inside or link.a == head:
                kept.append(link)
            elif isinstance(head, str) and head != link.b and link.b in inside:
                kept.append(replace(link, a=head))  # "the Darfur armed movements that ... fight alongside the army"
            else:
                why = f"'{link.cue.text}': said of the {units[i - 1]} {units[i]} ..., who are no actor"
                if why not in reasons:
                    reasons.append(why)
        out = kept
    return out


def _head(units: list[str], unit_mention: dict[int, Mention], i: int) -> str | bool | None:
    """The actor a relative pronoun at unit ``i`` refers to, True for a noun that names none, None for no
    restrictive relative (or one whose head is the speaker's own forces or a telling verb's object)."""
    for k in (i - 1, i - 2):  # "the Darfur armed movements that ...", "Zed fighters that ..."
        if units[k].startswith("@") and (k == i - 1 or units[i - 1] in _HEADS):
            return unit_mention[k].actor if k == 0 or units[k - 1] != "of" else None
    if units[i - 1] not in _HEADS:
        return None
    for j in range(i - 2, max(-1, i - 2 - _MODIFIERS), -1):
        u = units[j]
        if u in {"a", "an", "the"} and j >= 2 and units[j - 1] == "," and units[j - 2].startswith("@"):
            return unit_mention[j - 2].actor  # "Zed, a militia that fights alongside Yel": Zed's apposition
        if u in _OWN or u in _TELLING or u == "of":
            # "its troops that ...": its own; "told militias that ...": a complement; "an alliance of
            # movements that ...", "a smaller ally of Hamas that ...": the relative may be the first noun's
            return None
        if not u.isalpha() or u in _PRONOUNS:
            break
    return True
