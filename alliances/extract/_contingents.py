"""Contingents of one multinational force are not allies of each other.

``"Pax troops will remain part of the Quor force, alongside Yel soldiers"``, ``Pax soldiers serve
in the UN mission together with Yel troops``, ``Pax, alongside Yel, contributes troops to the
peacekeeping force``: two national contingents of one organisation's force or mission serve
side by side because the organisation put them there, and the sentence says nothing of a tie
between them (each stays tied to the force, by its own cue). An ``alongside`` (``together with``,
``side by side with``) whose clause places its subject in such a force binds neither contingent
to the other, unless the clause says they fight: ``Pax troops in the Quor mission fought Xan
alongside Yel soldiers`` keeps the co-belligerents' tie, and so does a deployment under a
bilateral deal (``Pax troops remain in the east alongside the Yel army``: no force is named).

The same holds of co-signers (round 14): ``Pax's foreign minister, who had signed the plan alongside his Yel
counterpart``, ``Pax co-sponsored the resolution together with Yel``, ``Pax hosted the talks alongside Yel``:
two parties that sign, endorse, sponsor or host one text or meeting act side by side because the text has
several authors, and the sentence states no tie between them. An ``alongside`` whose clause has such a verb with
a document or meeting as its object (``the plan``, ``a joint statement``, ``the call for a ceasefire``) binds
neither to the other; ``Pax backed Xan alongside Yel`` (an actor is backed) and ``Pax signed the plan and then
fought Xan alongside Yel`` (the clause says they fight) keep the tie.
"""

from __future__ import annotations

from ._links import Link
from ._mentions import Mention

__all__ = ["contingents"]

_BESIDE = {"alongside", "together with", "side by side with", "serving alongside"}
_FORCE_NOUNS = {"force", "mission", "missions", "peacekeeping", "peacekeepers", "coalition", "contingent",
                "contingents", "operation", "deployment", "amisom", "atmis", "aussom", "unifil", "monusco", "minusma"}
_INTO = {"of", "in", "with", "within", "under", "to", "into", "for"}
_SKIPPED = {"the", "a", "an", "its", "their", "new", "joint", "multinational", "international", "regional",
            "peacekeeping", "un", "u.n.", "african", "union", "au", "stabilisation", "stabilization", "support"}
_FIGHTING = ("fight", "fought", "battl", "clash", "hunt", "attack", "repel", "combat", "defend", "defence", "defense",
             "ambush", "assault", "offensive", "push", "drove", "retook", "recaptur", "captur", "storm", "shell",
             "bomb", "strik", "struck", "kill")
_STOPS = {";", "but", "while", "whereas", "although", "though", "after", "before", "because", "which", "who",
          "when", "where"}
_REACH = 10  # units around the cue the force phrase and a fighting verb are looked for in


def contingents(links: list[Link], units: list[str], unit_mention: dict[int, Mention]) -> list[Link]:
    """The links of a sentence without the ``alongside`` ties between contingents of one force.

    Parameters
    ----------
    links : list of Link
        What the cues of one sentence bound.
    units : list of str
        Its words, an actor mention as one ``@k`` unit.
    unit_mention : dict of int to Mention
        The mention behind each ``@k`` unit (its name as written tells a force).

    Returns
    -------
    list of Link
        The links, less those an ``alongside`` (``together with``) binds in a clause that places
        its subject in a multinational force or mission (``part of the Quor force``, ``serving
        in the UN mission``), or whose clause signs, endorses or hosts a text or meeting (``signed the
        plan alongside``: co-signers), and says nothing of fighting.

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import extract_relations
    >>> actors = [Actor("p", "Pax", "state"), Actor("y", "Yel", "state"), Actor("x", "Xan", "armed_group")]
    >>> text = "Pax troops will remain part of the UN mission, alongside Yel soldiers."
    >>> extract_relations(text, actors).proposals
    ()
    >>> extract_relations("Pax signed the peace plan alongside Yel.", actors).proposals
    ()
    >>> text = "Pax troops in the UN mission fought Xan alongside Yel soldiers."
    >>> sorted((p.a, p.b, p.stance.value) for p in extract_relations(text, actors).proposals)
    [('p', 'x', 'enemy'), ('p', 'y', 'ally'), ('x', 'y', 'enemy')]
    """
    out = []
    for li in links:
        if li.cue.text in _BESIDE:
            lo, hi = _window(units, li.cue.start, li.cue.end)
            fighting = any(units[k].startswith(_FIGHTING) for k in range(lo, hi))
            if not fighting and (_in_force(units, unit_mention, lo, hi) or _co_signed(units, lo, hi)):
                continue
        out.append(li)
    return out


def _window(units: list[str], start: int, end: int) -> tuple[int, int]:
    """The units around a cue in its clause: up to ``_REACH`` each side, stopping at a clause boundary."""
    lo = start
    while lo > 0 and start - lo < _REACH and units[lo - 1] not in _STOPS:
        lo -= 1
    hi = end
    while hi < len(units) and hi - end < _REACH and units[hi] not in _STOPS and units[hi] != '"':
        hi += 1
    return lo, hi


def _in_force(units: list[str], unit_mention: dict[int, Mention], lo: int, hi: int) -> bool:
    """Whether the clause's units ``lo:hi`` place its subject in a force or mission (``part of the Quor force``)."""
    for k in range(lo, hi):
        if units[k] not in _INTO:
            continue
        j = k + 1
        while j < hi and (units[j] in _SKIPPED or units[j].startswith("@")):
            if units[j].startswith("@") and j in unit_mention and _force_name(unit_mention[j].text):
                return True
            j += 1
        if j < hi and units[j] in _FORCE_NOUNS and j > k + 1:
            return True
    return False


def _force_name(text: str) -> bool:
    """Whether an actor's name as written names a force or mission (``African Union force``, ``AMISOM``)."""
    words = text.lower().split()
    return bool(words) and words[-1] in _FORCE_NOUNS


# Co-signers (round 14): a verb of signing, endorsing or hosting with a text or meeting as its object.
_SIGNING = {"sign", "signs", "signed", "signing", "co-signed", "cosigned", "countersigned", "endorse", "endorses",
            "endorsed", "endorsing", "sponsor", "sponsored", "co-sponsor", "co-sponsors", "co-sponsored",
            "cosponsored", "drafted", "draft", "tabled", "table", "issued", "issue", "issues", "unveiled",
            "presented", "proposed", "submitted", "launched", "authored", "co-authored", "backed", "back", "backs",
            "supported", "hosted", "hosts", "host", "co-hosted", "co-hosts", "convened", "chaired", "co-chaired",
            "put", "adopted", "approved", "announced"}
_DOCUMENTS = {"plan", "plans", "statement", "statements", "communique", "communiqué", "communiques", "call", "calls",
              "appeal", "appeals", "declaration", "declarations", "resolution", "resolutions", "proposal", "proposals",
              "letter", "letters", "roadmap", "road", "initiative", "initiatives", "text", "draft", "framework",
              "petition", "conference", "summit", "talks", "meeting", "meetings", "motion", "bill", "report",
              "document", "charter", "blueprint", "formula", "truce", "ceasefire", "ultimatum"}
_ARTICLES = {"the", "a", "an", "its", "their", "his", "her", "joint", "new", "peace", "truce", "ceasefire", "un",
             "u.n.", "forward", "this", "that", "same", "final", "draft", "two-page", "humanitarian"}


def _co_signed(units: list[str], lo: int, hi: int) -> bool:
    """Whether the clause's units ``lo:hi`` sign, endorse or host a text or meeting (``signed the plan``)."""
    for k in range(lo, hi):
        if units[k] not in _SIGNING:
            continue
        j = k + 1
        while j < hi and j < k + 5 and units[j] in _ARTICLES and units[j] not in _DOCUMENTS:
            j += 1
        if j < hi and units[j] in _DOCUMENTS:
            return True
    return False
