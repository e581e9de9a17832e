"""From sentences, mentions and cues to one proposed relation per pair of actors.

Each sentence is read as a sequence of *units* (tokens, with every actor mention
replaced by a placeholder) split into clauses. Mentions joined by ``and``, commas or
``as well as`` form a group (coordination: ``allies Russia and Iran``). A cue relates
the group nearest before it to the group nearest after it; a comma-led phrase that
starts with a cue (``X, backed by Y and Z, attacked W``) is a parenthetical, skipped
when the main verb looks for its subject. Reciprocal cues with one group relate its
members (``X and Y clashed``, ``clashes between X and Y``); a cue with an actor only
just before it (``the Islamic State siege``) relates that actor to the clause's
subject. Actor-modifier forms (``Iran-backed militias``, ``anti-IS coalition``) are
read apart, including inside an actor's own name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .._checks import check_instance, check_items, check_text, shown
from .._network import AllianceNetwork
from .._records import Actor, Stance
from ..errors import ParameterTypeError
from ._cues import COOPERATION, HEDGE, HOSTILITY, SUPPORT, VERBAL, Cue, CueFamily, find_cues
from ._mentions import Gazetteer, Mention, find_mentions, unmatched_names
from ._sentences import Sentence, split_sentences

__all__ = ["EvidenceSentence", "Extraction", "NegatedCue", "Proposal", "check_actors", "check_demonyms",
           "extract_relations"]

# Confidence contributed by one supporting sentence: a cue naming both actors close
# by is direct; coreference, a subject found far away or a fallback is indirect.
DIRECT_WEIGHT = 0.6
INDIRECT_WEIGHT = 0.4
_NEAR = 8  # units between a cue and its argument for the reading to count as direct
_REACH = 10  # a cue's right-hand argument must start within this many units

_COORD = {",", "and", "or", "&", "plus", "as"}
_FILLER = {
    "the", "its", "their", "his", "her", "a", "an", "other", "both", "either", "well", "also", "then", "later",
    "forces", "force", "fighters", "troops", "militants", "units", "soldiers", "warplanes", "jets", "aircraft",
    "positions", "officials", "commanders", "commander", "advisers", "advisors", "militiamen", "gunmen", "army",
    "navy", "air", "special", "regular", "ground", "paramilitaries", "paramilitary", "proxies", "-", "'",
    "artillery", "contractors", "gunners", "drones", "envoys", "diplomats", "of", "closest", "close", "main", "key",
    "chief", "strongest", "staunchest", "oldest", "old", "new", "regional", "local", "foreign",
}
_FIGHTS_WITH = re.compile(r"\b(?:alongside|beside|side of)\b|^(?:fight|fought|battl)")
# "the government's closest ally": what may stand between a possessive and its cue
_ADJECTIVES = {"closest", "close", "main", "key", "chief", "strongest", "staunchest", "oldest", "old", "new",
               "regional", "local", "foreign", "bitter", "sworn", "long-time", "traditional", "only", "last"}
_CLAUSE_WORDS = {"while", "whereas", "although", "though", "but", "yet"}
_MODIFIERS = {"backed", "supported", "sponsored", "funded", "armed", "trained", "allied", "aligned", "led",
              "equipped", "affiliated", "linked"}
_PAREN_LEAD = {"a", "an", "the", "its", "their", "which", "who", "that", "are", "is", "were", "was", "long",
               "key", "close", "itself", "themselves", "both", "all"}


@dataclass(frozen=True)
class EvidenceSentence:
    """A sentence supporting a proposal: its number (from 1), its text, and its readings.

    ``readings`` are the cue families found for the pair in it (``"support"``,
    ``"hostility"``...), ``cues`` the cue words, ``direct`` whether a cue names both
    actors close by (not through coreference or a fallback).
    """

    sentence: int
    text: str
    readings: tuple[str, ...]
    cues: tuple[str, ...]
    direct: bool


@dataclass(frozen=True)
class Proposal:
    """A proposed relation for one pair (``a`` < ``b``) with the sentences behind it.

    Parameters
    ----------
    a, b : str
        The actor ids, ``a`` < ``b``.
    stance : Stance
        The stance the cues point to.
    confidence : float
        (0, 1]: grows with the supporting sentences, more for direct ones.
    evidence : tuple of EvidenceSentence
        The sentences behind the proposal, in text order.

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import extract_relations
    >>> actors = [Actor("army", "Government", kind="state", aliases=("government forces",)),
    ...           Actor("russia", "Russia", kind="state"), Actor("is", "Islamic State", kind="armed_group")]
    >>> p = extract_relations("Government forces, backed by Russia, fought Islamic State.", actors).proposals[0]
    >>> p.pair, p.stance.value, p.confidence, p.kind
    (('army', 'is'), 'enemy', 0.6, 'hostility')
    """

    a: str
    b: str
    stance: Stance
    confidence: float
    evidence: tuple[EvidenceSentence, ...]

    @property
    def pair(self) -> tuple[str, str]:
        return self.a, self.b

    @property
    def kind(self) -> str:
        """The cue families behind the proposal, e.g. ``"hostility + hedge"``."""
        seen: list[str] = []
        for ev in self.evidence:
            for r in ev.readings:
                if r not in seen:
                    seen.append(r)
        return " + ".join(seen)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: ``{"a", "b", "stance", "confidence", "evidence": [{"sentence", "text"}]}``."""
        return {
            "a": self.a,
            "b": self.b,
            "stance": self.stance.value,
            "confidence": self.confidence,
            "evidence": [{"sentence": e.sentence, "text": e.text} for e in self.evidence],
        }


@dataclass(frozen=True)
class NegatedCue:
    """A cue between two actors that a negation cancelled: reported, never proposed."""

    a: str
    b: str
    sentence: int
    text: str
    cue: str


@dataclass(frozen=True)
class Extraction:
    """What :func:`extract_relations` found in a text.

    Parameters
    ----------
    proposals : tuple of Proposal
        One per pair, pairs sorted.
    unmatched : tuple of str
        Names that look like actors but match none (candidates for aliases).
    negated : tuple of NegatedCue
        Cues a negation cancelled (``did not attack``): reported, never proposed.
    sentences : tuple of Sentence
        The text's sentences, numbered from 1.
    mentions : tuple of tuple of Mention
        The actor mentions found in each sentence.

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import extract_relations
    >>> actors = [Actor("army", "Government", kind="state", aliases=("government forces",)),
    ...           Actor("russia", "Russia", kind="state"), Actor("is", "Islamic State", kind="armed_group")]
    >>> ex = extract_relations("Government forces, backed by Russia, fought Islamic State. The Kurds watched.",
    ...                        actors)
    >>> [(p.a, p.b, p.stance.value) for p in ex.proposals], ex.unmatched
    ([('army', 'is', 'enemy'), ('army', 'russia', 'ally')], ('Kurds',))
    >>> ex.proposal("russia", "army").evidence[0].cues
    ('backed by',)
    """

    proposals: tuple[Proposal, ...]
    unmatched: tuple[str, ...]
    negated: tuple[NegatedCue, ...] = ()
    sentences: tuple[Sentence, ...] = field(default=(), repr=False)
    mentions: tuple[tuple[Mention, ...], ...] = field(default=(), repr=False)

    def proposal(self, a: str, b: str) -> Proposal | None:
        """The proposal for a pair (either order), or None."""
        key = (a, b) if a <= b else (b, a)
        return next((p for p in self.proposals if p.pair == key), None)

    def to_dict(self) -> dict[str, Any]:
        """``{"proposals": [...], "unmatched": [...]}``, the shape ``alliances extract --json`` prints."""
        return {"proposals": [p.to_dict() for p in self.proposals], "unmatched": list(self.unmatched)}


def extract_relations(
    text: str,
    actors: AllianceNetwork | Iterable[Actor] | Mapping[str, Actor],
    *,
    demonyms: Mapping[str, str] | None = None,
) -> Extraction:
    """Propose signed relations between known actors from a news text, with evidence.

    Parameters
    ----------
    text : str
        The article, in English; paragraphs separated by blank lines.
    actors : AllianceNetwork, iterable of Actor, or mapping of id to Actor
        The actors to look for (names, labels, aliases). With a network, its
        theater names are not reported as unmatched names.
    demonyms : mapping of str to str, optional
        Extra demonyms mapped to actor ids (``{"Kurdish": "sdf"}``); the built-in
        table (``Russian`` -> the actor named or aliased ``Russia``) always applies.

    Returns
    -------
    Extraction
        ``proposals`` sorted by pair, one per pair; ``unmatched`` capitalised names
        that matched no actor, sorted; ``negated`` cues a negation cancelled.

    Notes
    -----
    Rule-based and offline, in the spirit of event coders such as PETRARCH [1]_,
    which code "who did what to whom" with actor and verb dictionaries; here the
    dictionaries are the scenario's actors and a small lexicon of alliance cues
    (:mod:`alliances.extract._cues`). Conflicting cues for one pair give
    ``ambivalent`` with the evidence for each reading, never an average. The
    confidence of a proposal is ``1 - prod(1 - w)`` over its sentences, with
    ``w = 0.6`` for a direct sentence and ``0.4`` for an indirect one.

    References
    ----------
    .. [1] Schrodt, P. A., Beieler, J. and Idris, M. (2014). Three's a Charm?: Open
       Event Data Coding with EL:DIABLO, PETRARCH, and the Open Event Data Alliance.
       ISA Annual Convention.

    Examples
    --------
    >>> from alliances import Actor
    >>> actors = [Actor("army", "Government", kind="state", aliases=("government forces",)),
    ...           Actor("rus", "Russia", kind="state"), Actor("is", "Islamic State", kind="armed_group")]
    >>> ex = extract_relations("Government forces, backed by Russia, fought Islamic State.", actors)
    >>> [(p.a, p.b, p.stance.value) for p in ex.proposals]
    [('army', 'is', 'enemy'), ('army', 'rus', 'ally')]
    """
    check_instance(text, str, "text", "text (a news article)")
    check_actors(actors)
    check_demonyms(demonyms)
    actor_list, theater_names = _actors_and_theaters(actors)
    gazetteer = Gazetteer(actor_list, demonyms=demonyms)
    sentences = split_sentences(text)
    mentions = find_mentions(sentences, gazetteer)
    readings, negated = _readings(sentences, mentions)
    texts = {s.number: s.text for s in sentences}
    proposals = [_propose(pair, per_sentence, texts) for pair, per_sentence in sorted(readings.items())]
    theaters = {" ".join(t.lower().split()) for t in theater_names}
    unmatched = [n for n in unmatched_names(sentences, mentions, gazetteer) if " ".join(n.lower().split()) not in theaters]
    return Extraction(
        tuple(proposals),
        tuple(unmatched),
        tuple(sorted(set(negated), key=lambda n: (n.a, n.b, n.sentence, n.cue))),
        tuple(sentences),
        tuple(tuple(m) for m in mentions),
    )


def check_actors(actors: object) -> None:
    """Check an ``actors`` argument: a network, a mapping of id to Actor, or a list of Actor."""
    if isinstance(actors, AllianceNetwork):
        return
    if isinstance(actors, Mapping):
        check_items(actors.values(), "actors", _actor, item="each of actors")
    elif isinstance(actors, Iterable) and not isinstance(actors, str | bytes):
        check_items(actors, "actors", _actor, item="each of actors")
    else:
        raise ParameterTypeError(f"actors must be an AllianceNetwork, a mapping of id to Actor or a list of Actor, "
                                 f"not {shown(actors)}")


def check_demonyms(demonyms: object) -> None:
    """Check a ``demonyms`` argument: None or a mapping of adjective to actor id (both text)."""
    if demonyms is None:
        return
    if not isinstance(demonyms, Mapping):
        raise ParameterTypeError(f"demonyms must be a mapping of adjective to actor id, not {shown(demonyms)}")
    for word, actor in demonyms.items():
        check_text(word, "a demonym")
        check_text(actor, f"the actor of the demonym {word!r}")


def _actor(value: object, name: str) -> Actor:
    return check_instance(value, Actor, name, "an Actor")


def _actors_and_theaters(
    actors: AllianceNetwork | Iterable[Actor] | Mapping[str, Actor],
) -> tuple[list[Actor], list[str]]:
    """The actors to look for, and the theater names not to report as unmatched (a network's only)."""
    if hasattr(actors, "actors") and hasattr(actors, "theaters"):
        return list(actors.actors.values()), [t.name for t in actors.theaters.values()]
    if isinstance(actors, Mapping):
        return list(actors.values()), []
    return list(actors), []


_Readings = dict[tuple[str, str], dict[int, list[tuple[CueFamily, str, bool]]]]
"""Per pair (a < b), per sentence number: the (cue family, cue text, direct) readings."""


def _readings(sentences: list[Sentence], mentions: list[list[Mention]]) -> tuple[_Readings, list[NegatedCue]]:
    """Every pair's cue readings, sentence by sentence, and the cues a negation cancelled."""
    readings: _Readings = {}
    negated: list[NegatedCue] = []
    for sent, ms in zip(sentences, mentions, strict=True):
        for a, b, cue, direct in _sentence_links(sent, ms):
            if a == b:
                continue
            key = (a, b) if a < b else (b, a)
            if cue.negated:
                negated.append(NegatedCue(key[0], key[1], sent.number, sent.text, cue.text))
                continue
            readings.setdefault(key, {}).setdefault(sent.number, []).append((cue.family, cue.text, direct))
    return readings, negated


def _propose(pair: tuple[str, str], per_sentence: dict[int, list[tuple[CueFamily, str, bool]]],
             texts: dict[int, str]) -> Proposal:
    families = {fam for items in per_sentence.values() for fam, _, _ in items}
    positive = families & {SUPPORT, COOPERATION}
    negative = families & {HOSTILITY, VERBAL, HEDGE}
    if positive and negative:
        stance = Stance.AMBIVALENT
    elif negative:
        stance = Stance.RIVAL if HEDGE in negative or HOSTILITY not in negative else Stance.ENEMY
    else:
        stance = Stance.ALLY if SUPPORT in positive else Stance.FRIENDLY
    evidence = []
    doubt = 1.0
    for number in sorted(per_sentence):
        items = per_sentence[number]
        direct = any(d for _, _, d in items)
        doubt *= 1.0 - (DIRECT_WEIGHT if direct else INDIRECT_WEIGHT)
        fams = tuple(dict.fromkeys(f.name for f, _, _ in items))
        cues = tuple(dict.fromkeys(c for _, c, _ in items))
        evidence.append(EvidenceSentence(number, texts[number], fams, cues, direct))
    return Proposal(pair[0], pair[1], stance, round(1.0 - doubt, 2), tuple(evidence))


# --------------------------------------------------------------------------- one sentence
@dataclass
class _Group:
    units: list[int]  # unit indices of the mentions, in order
    actors: list[str]
    coref: bool  # some member came from coreference
    possessive: bool = False  # the last member is a possessive ("the government's")

    @property
    def first(self) -> int:
        return self.units[0]

    @property
    def last(self) -> int:
        return self.units[-1]


def _sentence_links(sent: Sentence, mentions: list[Mention]) -> list[tuple[str, str, Cue, bool]]:
    """(actor, actor, cue, direct) for every cue relating two mentions in the sentence."""
    outer = [m for m in mentions if not m.inner]
    if len(mentions) < 2:
        return []
    units: list[str] = []
    unit_mention: dict[int, Mention] = {}
    starts = {m.start: m for m in outer}
    i = 0
    while i < len(sent.tokens):
        m = starts.get(i)
        if m is not None:
            unit_mention[len(units)] = m
            units.append(f"@{len(unit_mention) - 1}")
            i = m.end
        else:
            units.append(sent.tokens[i].norm)
            i += 1
    offsets = []
    pos = 0
    for u in units:
        offsets.append(pos)
        pos += len(u) + 1
    cues = find_cues(" ".join(units), offsets, units)
    links: list[tuple[str, str, Cue, bool]] = []
    links += _modifier_links(sent, mentions, units, unit_mention)
    for cs, ce in _clauses(units):
        groups = _groups(units, unit_mention, cues, cs, ce, sent)
        clause_cues = [c for c in cues if cs <= c.start < ce]
        parens = _parentheticals(units, groups, clause_cues, cs, ce)
        subject = next((g for g in groups if not any(p[0] < g.first and g.last < p[1] for p in parens)), None)
        partners: list[tuple[_Group, _Group]] = []  # (X, Y) for "X fought alongside Y"
        for cue in clause_cues:
            new, args = _cue_links(cue, units, groups, parens, subject, ce)
            links += new
            left, right = args
            if cue.family is SUPPORT and left is not None and right is not None and _FIGHTS_WITH.search(cue.text):
                partners.append((left, right))
            elif cue.family is HOSTILITY and left is not None and right is not None:
                # "X fought alongside Y against Z", "X, fighting for Y against Z": X is Z's enemy too
                for x, y in partners:
                    if y is left:
                        links += [(a, b, cue, False) for a in x.actors for b in right.actors]
    return links


def _clauses(units: list[str]) -> list[tuple[int, int]]:
    """Unit ranges of the clauses: split at ';', ':' and clause-joining words."""
    bounds = [0]
    for k, u in enumerate(units):
        if u in {";", ":"}:
            bounds += [k, k + 1]
        elif u in _CLAUSE_WORDS and k > 0:
            bounds += [k, k + 1]
        elif u == "," and k + 1 < len(units) and units[k + 1] == "and":
            # ", and" joins clauses unless it closes a list of actors ("Russia, Iran, and Hezbollah")
            in_list = k >= 3 and units[k - 1].startswith("@") and units[k - 2] == "," and units[k - 3].startswith("@")
            if not in_list:
                bounds += [k, k + 2]
    bounds.append(len(units))
    return [(bounds[j], bounds[j + 1]) for j in range(0, len(bounds), 2) if bounds[j] < bounds[j + 1]]


def _groups(
    units: list[str], unit_mention: dict[int, Mention], cues: list[Cue], cs: int, ce: int, sent: Sentence
) -> list[_Group]:
    cue_units = {k for c in cues for k in range(c.start, c.end)}
    groups: list[_Group] = []
    for k in range(cs, ce):
        if k not in unit_mention:
            continue
        m = unit_mention[k]
        if groups:
            g = groups[-1]
            between = units[g.last + 1 : k]
            joinable = (
                not any(j in cue_units for j in range(g.last + 1, k))
                and all(u in _COORD or u in _FILLER for u in between)
                and (not between or any(u in _COORD for u in between))
            )
            if joinable:
                g.units.append(k)
                if m.actor not in g.actors:
                    g.actors.append(m.actor)
                g.coref = g.coref or m.via == "coref"
                g.possessive = sent.tokens[m.end - 1].possessive
                continue
        groups.append(_Group([k], [m.actor], m.via == "coref", sent.tokens[m.end - 1].possessive))
    return groups


def _parentheticals(units: list[str], groups: list[_Group], cues: list[Cue], cs: int, ce: int) -> list[tuple[int, int]]:
    """Comma-led phrases opened by a cue (``, backed by Y and Z,``): (comma, closing comma or clause end)."""
    out: list[tuple[int, int]] = []
    for k in range(cs, ce):
        if units[k] != "," or (out and k < out[-1][1]):
            continue
        if k + 1 < ce and units[k + 1] in {"which", "who"}:
            # a relative clause: up to the first comma after an actor named in it
            inner = next((g for g in groups if g.first > k), None)
            start = inner.last + 1 if inner is not None else k + 1
            end = next((j for j in range(start, ce) if units[j] == ","), ce)
            out.append((k, end))
            continue
        cue = next((c for c in cues if k < c.start <= k + 3), None)
        if cue is None or not all(u in _PAREN_LEAD or u.endswith("ly") for u in units[k + 1 : cue.start]):
            continue
        if k > cs and not units[k - 1].startswith("@") and not any(g.last < k for g in groups):
            continue  # nothing before the comma for the phrase to describe
        right = next((g for g in groups if g.first >= cue.end), None)
        after = right.last + 1 if right is not None else cue.end
        end = next((j for j in range(after, ce) if units[j] == ","), ce)
        out.append((k, end))
    return out


def _cue_links(
    cue: Cue, units: list[str], groups: list[_Group], parens: list[tuple[int, int]], subject: _Group | None, ce: int
) -> tuple[list[tuple[str, str, Cue, bool]], tuple[_Group | None, _Group | None]]:
    """The links a cue makes, and its (left, right) argument groups."""
    inside = next((p for p in parens if p[0] < cue.start < p[1]), None)

    def hidden(g: _Group) -> bool:
        return any(p != inside and p[0] < g.first and g.last < p[1] for p in parens)

    left = max((g for g in groups if g.last < cue.start and not hidden(g)), key=lambda g: g.last, default=None)
    right = min(
        (g for g in groups if g.first >= cue.end and g.first - cue.end <= _REACH and (inside is None or g.last < inside[1])),
        key=lambda g: g.first,
        default=None,
    )
    between = "between" in units[cue.start : cue.end] or (cue.end < len(units) and units[cue.end] == "between")
    out: list[tuple[str, str, Cue, bool]] = []

    def link(g1: _Group, g2: _Group, direct: bool) -> None:
        d = direct and not g1.coref and not g2.coref
        for a in g1.actors:
            for b in g2.actors:
                out.append((a, b, cue, d))

    def within(g: _Group) -> None:
        for x, a in enumerate(g.actors):
            for b in g.actors[x + 1 :]:
                out.append((a, b, cue, not g.coref))

    if between and right is not None and len(right.actors) >= 2:
        within(right)
    elif left is not None and right is not None:
        near = cue.start - left.last <= _NEAR and right.first - cue.end <= _NEAR
        link(left, right, near)
    elif right is not None:
        follow = _following_group(units, groups, right, ce)
        if follow is not None:
            link(right, follow, True)
        elif cue.text.startswith("alliance") and len(right.actors) >= 2:
            within(right)  # "an alliance of X and Y" (but "allies X and Y" are allies of someone else)
    elif left is not None:
        # "the Islamic State siege", "Russian strikes", "the government's closest ally": the
        # actor right before a cue relates to the clause's subject
        gap = units[left.last + 1 : cue.start]
        adjacent = all(u in {"-", "'"} for u in gap) or (left.possessive and all(u in _ADJECTIVES for u in gap))
        if cue.reciprocal and len(left.actors) >= 2:
            within(left)
        elif adjacent and subject is not None and subject is not left and subject.last < left.first:
            link(subject, left, False)
    return out, (left, right)


def _following_group(units: list[str], groups: list[_Group], right: _Group, ce: int) -> _Group | None:
    """``the siege of Y by X`` and ``Backed by X, Y advanced``: the group that completes the cue."""
    k = right.last + 1
    while k < ce and units[k] in _FILLER:
        k += 1
    if k < ce and units[k] in {"by", ","}:
        k += 1
        while k < ce and units[k] in _FILLER:
            k += 1
        return next((g for g in groups if g.first == k), None)
    return None


def _modifier_links(sent: Sentence, mentions: list[Mention], units: list[str],
                    unit_mention: dict[int, Mention]) -> list[tuple[str, str, Cue, bool]]:
    """``Iran-backed militias`` (support) and ``anti-IS coalition`` (hostility), also inside a name."""
    out: list[tuple[str, str, Cue, bool]] = []
    toks = sent.tokens
    outer = [m for m in mentions if not m.inner]
    # inside another actor's name: the modifier's head is that actor
    for m in mentions:
        if not m.inner:
            continue
        host = next((o for o in outer if o.start <= m.start and m.end <= o.end), None)
        if host is None:
            continue
        if m.end + 1 < host.end and toks[m.end].norm == "-" and toks[m.end + 1].norm in _MODIFIERS:
            out.append((m.actor, host.actor, _cue(SUPPORT, f"{m.text}-{toks[m.end + 1].text}"), True))
        elif m.start >= 2 and toks[m.start - 1].norm == "-" and toks[m.start - 2].norm == "anti":
            out.append((m.actor, host.actor, _cue(HOSTILITY, f"anti-{m.text}"), True))
    # between separate mentions: "@0 - backed ... @1", "anti - @0 ... @1"
    for k, m in unit_mention.items():
        if k + 2 < len(units) and units[k + 1] == "-" and units[k + 2] in _MODIFIERS:
            head = _head(units, unit_mention, k + 3)
            if head is not None:
                out.append((m.actor, head.actor, _cue(SUPPORT, f"{m.text}-{units[k + 2]}"), True))
        if k >= 2 and units[k - 1] == "-" and units[k - 2] == "anti":
            head = _head(units, unit_mention, k + 1)
            if head is not None:
                out.append((m.actor, head.actor, _cue(HOSTILITY, f"anti-{m.text}"), True))
    return out


def _head(units: list[str], unit_mention: dict[int, Mention], k: int) -> Mention | None:
    """The mention a modifier qualifies: within the next three words, no punctuation between."""
    for j in range(k, min(k + 3, len(units))):
        if j in unit_mention:
            return unit_mention[j]
        if not units[j][:1].isalnum():
            return None
    return None


def _cue(family: CueFamily, text: str) -> Cue:
    return Cue(family, -1, -1, text, False)
