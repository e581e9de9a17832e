"""Whose claim a link is: a relation one actor reports between two others is an allegation.

``Ukraine said Iran was arming Russia`` and ``Iran was arming Russia, Ukraine's foreign
minister said`` state what Ukraine claims, not what the text establishes: the Iran-Russia
link is kept, hedged (``claimed by ukraine``), so its proposal is shown as alleged and its
confidence halved. When the speaker is one of the pair (``Ukraine said Russia attacked
it``, ``Russia attacked Ukraine, the Kremlin said``) the claim is the party's own word
about itself and stays as it is; so does a relation reported by no actor (``officials
said``, ``the General Staff said``), the ordinary attribution of agency copy.
"""

from __future__ import annotations

from dataclasses import replace

from ._clauses import DETERMINERS, Clause, Group
from ._links import Link

__all__ = ["claimed", "clause_claims", "trailing_speaker"]

# reporting verbs after the content (", X said."): the ones a third party's claim is told with
_TRAILING = {"said", "says", "told", "added", "claimed", "claims", "alleged", "alleges", "insisted", "insists",
             "maintained", "maintains", "reported", "charged", "charges", "argued"}


def claimed(links: list[Link], speaker: Group | None, verb: str) -> list[Link]:
    """The links of a clause ``speaker`` reports, hedged where the speaker is not one of the pair.

    Parameters
    ----------
    links : list of Link
        The links bound in the reported clause.
    speaker : Group or None
        The reporting verb's subject (None: the clause is nobody's report, or an unnamed source's).
    verb : str
        The reporting verb (``said``, ``told``...).

    Returns
    -------
    list of Link
        The same links; those between two actors other than the speaker carry the hedge
        ``claimed by <speaker>`` unless they already had one.

    Examples
    --------
    >>> from alliances.extract import Cue
    >>> from alliances.extract._clauses import Group
    >>> from alliances.extract._lexicon import FAMILIES
    >>> cue = Cue(FAMILIES["support"], 3, 4, "arming", "verb", 1.0)
    >>> links = [Link("iran", "russia", cue, True), Link("iran", "ukraine", cue, True)]
    >>> [(li.b, li.hedge) for li in claimed(links, Group([0], ["ukraine"], False), "said")]
    [('russia', 'claimed by ukraine (said)'), ('ukraine', None)]
    """
    if speaker is None or not speaker.actors:
        return links
    who = set(speaker.actors)
    hedge = f"claimed by {', '.join(speaker.actors)} ({verb})"
    return [li if li.hedge is not None or li.a in who or li.b in who else replace(li, hedge=hedge) for li in links]


def trailing_speaker(units: list[str], groups: list[Group]) -> tuple[int, Group, str] | None:
    """An attribution closing the sentence: ``..., X said.``, ``...," X's foreign minister told reporters.``

    Parameters
    ----------
    units : list of str
        The sentence's units (``@k`` for actor mentions).
    groups : list of Group
        The actor groups of the sentence.

    Returns
    -------
    (int, Group, str) or None
        Where the reported content ends (the comma), the speaker and the verb, or None when the
        sentence does not end with an actor's attribution.

    Examples
    --------
    >>> from alliances.extract._clauses import Group
    >>> units = "@0 was arming @1 , @2 's foreign minister said .".split()
    >>> end, who, verb = trailing_speaker(units, [Group([0], ["iran"], False), Group([3], ["russia"], False),
    ...                                   Group([5], ["ukraine"], False)])
    >>> end, who.actors, verb
    (4, ['ukraine'], 'said')
    """
    n = len(units)
    for k in range(n - 1, 0, -1):
        if units[k] not in _TRAILING:
            continue
        c = k - 1
        while c > 0 and units[c] not in {",", '"'} and k - c <= 8:
            c -= 1
        if units[c] == '"' and c > 0 and units[c - 1] == ",":
            c -= 1
        if units[c] != ",":
            return None
        speaker = next((g for g in groups if c < g.first < k), None)
        if speaker is None or any(g is not speaker and c < g.first < k for g in groups):
            return None
        words = [u for u in units[c + 1 : k] if u not in {'"', "'s"} and not u.startswith("@")]
        if not all(u.replace("-", "").isalpha() or u in DETERMINERS for u in words):
            return None
        tail = units[k + 1 :]
        if any(u.startswith("@") for u in tail) or len(tail) > 8:
            return None
        return c, speaker, units[k]
    return None


def clause_claims(links: list[Link], clause: Clause, trailing: tuple[int, Group, str] | None) -> list[Link]:
    """The links of a clause hedged by whoever reports it: its speaker, or a closing attribution."""
    if clause.speaker is not None:
        return claimed(links, clause.speaker, clause.reported_by)
    if trailing is not None:
        end, who, verb = trailing
        inside = [li for li in links if li.cue.start < end]
        return claimed(inside, who, verb) + [li for li in links if li.cue.start >= end]
    return links
