"""From sentences, mentions and cues to one proposed relation per pair of actors.

Each sentence's cues bind their arguments by the clause grammar of :mod:`._grammar`;
the links of every sentence are gathered per pair. A sentence that states both signs for
one pair keeps its direct readings only (both direct: the sentence is unclear for that
pair). A pair is ``ambivalent`` only when the text states both cooperation and
hostility between the two, each in a direct, unhedged sentence; when only one side has
such a sentence, that side is proposed and the other sentences are listed as unclear.
A pair whose only evidence is hedged (``according to``, ``accused ... of``, a denial) is
proposed as *alleged*, at half the confidence. Cues a negation cancels are reported,
never proposed; sentences where cues found no clear arguments are listed as ``unclear``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .._checks import check_instance, check_items, check_text, shown
from .._network import AllianceNetwork
from .._records import Actor, Stance
from ..errors import ParameterTypeError
from ._cities import city_links
from ._coref import find_mentions
from ._cues import CueMatcher
from ._explained import explained_away
from ._grammar import sentence_links
from ._lexicon import CueLexicon, default_cues, load_cues
from ._links import Link
from ._mentions import Gazetteer, Mention, unmatched_names
from ._places import place_links
from ._rebuttals import rebutted
from ._sentences import Sentence, split_sentences
from ._victims import victim_links

__all__ = ["EvidenceSentence", "Extraction", "NegatedCue", "Proposal", "Unclear", "check_actors", "check_demonyms",
           "extract_relations"]

# Confidence contributed by one supporting sentence: a cue whose arguments the grammar
# binds directly, or through coreference or the clause's subject; halved when hedged.
DIRECT_WEIGHT = 0.6
INDIRECT_WEIGHT = 0.4
HEDGED_FACTOR = 0.5
_POSITIVE = {"support", "cooperation"}
_NEGATIVE = {"hostility", "verbal hostility", "restraint"}


@dataclass(frozen=True)
class EvidenceSentence:
    """A sentence supporting a proposal: its number (from 1), its text, and its readings.

    ``readings`` are the cue families found for the pair in it (``"support"``,
    ``"hostility"``...), ``cues`` the cue words, ``direct`` whether the grammar bound
    both actors directly (not through coreference or the clause's subject), ``hedge``
    the words that make the sentence an allegation (``"according to"``, ``"denied"``,
    ``"accused ... of"``) or None.
    """

    sentence: int
    text: str
    readings: tuple[str, ...]
    cues: tuple[str, ...]
    direct: bool
    hedge: str | None = None


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
        (0, 1]: grows with the supporting sentences, more for direct ones, half for hedged ones.
    evidence : tuple of EvidenceSentence
        The sentences behind the proposal, in text order.

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import extract_relations
    >>> actors = [Actor("army", "Government", kind="state", aliases=("government forces",)),
    ...           Actor("russia", "Russia", kind="state"), Actor("is", "Islamic State", kind="armed_group")]
    >>> p = extract_relations("Government forces, backed by Russia, fought Islamic State.", actors).proposals[0]
    >>> p.pair, p.stance.value, p.confidence, p.kind, p.alleged
    (('army', 'is'), 'enemy', 0.6, 'hostility', False)
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
        """The cue families behind the proposal, e.g. ``"hostility + restraint"``."""
        seen: list[str] = []
        for ev in self.evidence:
            for r in ev.readings:
                if r not in seen:
                    seen.append(r)
        return " + ".join(seen)

    @property
    def alleged(self) -> bool:
        """Whether every sentence behind the proposal is hedged (an allegation, a claim that is denied)."""
        return all(e.hedge is not None for e in self.evidence)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: ``{"a", "b", "stance", "confidence", "alleged", "evidence": [{"sentence", "text", "hedge"}]}``."""
        return {
            "a": self.a,
            "b": self.b,
            "stance": self.stance.value,
            "confidence": self.confidence,
            "alleged": self.alleged,
            "evidence": [{"sentence": e.sentence, "text": e.text, "hedge": e.hedge} for e in self.evidence],
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
class Unclear:
    """A sentence naming several actors whose cues were not proposed, and why."""

    sentence: int
    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        """``{"sentence", "text", "reason"}``."""
        return {"sentence": self.sentence, "text": self.text, "reason": self.reason}


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
    unclear : tuple of Unclear
        Sentences with cues between actors that were not proposed (structure unclear,
        both signs for one pair), in text order.

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
    unclear: tuple[Unclear, ...] = ()

    def proposal(self, a: str, b: str) -> Proposal | None:
        """The proposal for a pair (either order), or None."""
        key = (a, b) if a <= b else (b, a)
        return next((p for p in self.proposals if p.pair == key), None)

    def to_dict(self) -> dict[str, Any]:
        """``{"proposals": [...], "unclear": [...], "unmatched": [...]}``, what ``alliances extract --json`` prints."""
        return {
            "proposals": [p.to_dict() for p in self.proposals],
            "unclear": [u.to_dict() for u in self.unclear],
            "unmatched": list(self.unmatched),
        }


def extract_relations(
    text: str,
    actors: AllianceNetwork | Iterable[Actor] | Mapping[str, Actor],
    *,
    demonyms: Mapping[str, str] | None = None,
    cues: CueLexicon | str | Path | None = None,
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
    cues : CueLexicon, str or Path, optional
        Cues to add to the built-in lexicon (``alliances/extract/cues.yaml``): a lexicon
        or the path of a lexicon file (see :func:`load_cues`).

    Returns
    -------
    Extraction
        ``proposals`` sorted by pair, one per pair; ``unclear`` sentences not proposed,
        with the reason; ``unmatched`` capitalised names that matched no actor, sorted;
        ``negated`` cues a negation cancelled.

    Notes
    -----
    Rule-based and offline, in the spirit of event coders such as PETRARCH [1]_, which
    code "who did what to whom" with actor and verb dictionaries; here the dictionaries
    are the scenario's actors and a lexicon of alliance cues whose categories follow
    CAMEO [2]_. The confidence of a proposal is ``1 - prod(1 - w)`` over its sentences,
    with ``w = 0.6`` for a direct sentence and ``0.4`` for an indirect one, times the
    cue's strength, halved for a hedged sentence.

    References
    ----------
    .. [1] Schrodt, P. A., Beieler, J. and Idris, M. (2014). Three's a Charm?: Open
       Event Data Coding with EL:DIABLO, PETRARCH, and the Open Event Data Alliance.
       ISA Annual Convention.
    .. [2] Gerner, D. J., Schrodt, P. A., Yilmaz, O. and Abu-Jabr, R. (2002). Conflict
       and Mediation Event Observations (CAMEO): A New Event Data Framework for the
       Analysis of Foreign Policy Interactions. ISA Annual Convention.

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
    if cues is not None and not isinstance(cues, CueLexicon | str | Path):
        raise ParameterTypeError(f"cues must be a CueLexicon or the path of a cue file, not {shown(cues)}")
    lexicon = default_cues()
    if isinstance(cues, CueLexicon):
        lexicon = cues if cues.sources[:1] == lexicon.sources else lexicon.extended(cues)  # already extended
    elif cues is not None:
        lexicon = lexicon.extended(load_cues(cues))
    matcher = _matcher(lexicon)
    actor_list, theater_names = _actors_and_theaters(actors)
    gazetteer = Gazetteer(actor_list, demonyms=demonyms)
    sentences = split_sentences(text)
    mentions = find_mentions(sentences, gazetteer)
    readings: dict[tuple[str, str], dict[int, list[Link]]] = {}
    negated: list[NegatedCue] = []
    why: dict[int, list[str]] = {}
    texts = {s.number: s.text for s in sentences}
    for k, (sent, ms) in enumerate(zip(sentences, mentions, strict=True)):
        links, reasons = sentence_links(sent, ms, matcher)
        links += place_links(sent, ms, matcher, gazetteer, links)  # "struck a refinery deep inside Russia"
        links += city_links(sent, ms, matcher, gazetteer, links)  # "pounded the city of Kharkiv"
        links += victim_links(sent, ms, matcher, links)  # "Xan fighters were killed in strikes carried out by Pax"
        nxt = sentences[k + 1] if k + 1 < len(sentences) and sentences[k + 1].paragraph == sent.paragraph else None
        links = rebutted(links, nxt, mentions[k + 1] if nxt is not None else [])  # "... X rejected the findings."
        links = explained_away(links, nxt, mentions[k + 1] if nxt is not None else [])  # "X said they were bought to"
        why.setdefault(sent.number, []).extend(reasons)
        answer = _answer(texts.get(sent.number + 1, "")) if links and _is_question(sent.text) else True
        if answer is None:
            # "Is Iran arming Russia?" asks, and no yes or no follows: nothing is stated
            why[sent.number].extend(f"'{link.cue.text}': a question, not a statement" for link in links)
            continue
        for link in links:
            key = (link.a, link.b) if link.a < link.b else (link.b, link.a)
            if link.cue.negated or not answer:  # "Q: Is Iran arming Russia? A: No."
                negated.append(NegatedCue(key[0], key[1], sent.number, sent.text, link.cue.text))
            else:
                readings.setdefault(key, {}).setdefault(sent.number, []).append(link)
    proposals = []
    for pair, per_sentence in sorted(readings.items()):
        proposal, left_out = _propose(pair, per_sentence, texts)
        if proposal is not None:
            proposals.append(proposal)
        for number, reason in left_out:
            why.setdefault(number, []).append(reason)
    cited = {e.sentence for p in proposals for e in p.evidence}
    unclear = [
        Unclear(n, texts[n], "; ".join(dict.fromkeys(reasons)))
        for n, reasons in sorted(why.items())
        if reasons and (n not in cited or any(r.startswith("both signs") or r.startswith("conflicts") for r in reasons))
    ]
    theaters = {" ".join(t.lower().split()) for t in theater_names}
    unmatched = [n for n in unmatched_names(sentences, mentions, gazetteer) if " ".join(n.lower().split()) not in theaters]
    return Extraction(
        tuple(proposals),
        tuple(unmatched),
        tuple(sorted(set(negated), key=lambda n: (n.a, n.b, n.sentence, n.cue))),
        tuple(sentences),
        tuple(tuple(m) for m in mentions),
        tuple(unclear),
    )


def _is_question(text: str) -> bool:
    """Whether a sentence asks (ends with a question mark, before any closing quote or bracket)."""
    return text.rstrip().rstrip("\"'”’)]").endswith("?")


def _answer(text: str) -> bool | None:
    """The answer a sentence opens with, after a question: ``Yes.`` / ``A: Yes,`` True, ``No`` False, else None."""
    words = text.removeprefix("A:").split(maxsplit=1)
    first = words[0].strip(".,;:!-—").lower() if words else ""
    return {"yes": True, "no": False}.get(first)


@lru_cache(maxsize=8)
def _matcher(lexicon: CueLexicon) -> CueMatcher:
    """The compiled lexicon, kept for the next call with the same lexicon."""
    return CueMatcher(lexicon)


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


def _sign(links: list[Link]) -> set[int]:
    return {1 if link.cue.family.name in _POSITIVE else -1 for link in links}


def _propose(pair: tuple[str, str], per_sentence: dict[int, list[Link]],
             texts: dict[int, str]) -> tuple[Proposal | None, list[tuple[int, str]]]:
    """The proposal for a pair (or None) and the (sentence, reason) of what was left out."""
    names = f"{pair[0]} and {pair[1]}"
    reasons: list[tuple[int, str]] = []
    kept: dict[int, list[Link]] = {}
    for number, links in sorted(per_sentence.items()):
        if len(_sign(links)) == 2:
            direct = [link for link in links if link.direct]
            # "X, who fought Z alongside Y, clashed with Y", "X condemned Y but cooperates with it"
            stated = [link for link in links if link.direct or link.contrast]
            plain_both = len(_sign(stated)) == 2 and all(li.hedge is None for li in stated) and len(
                {li.cue.start for li in stated}) >= 2
            if plain_both:
                direct = [Link(li.a, li.b, li.cue, True, li.hedge, li.contrast) for li in stated]
            # "X backed Y, then turned on it": the other sign only through a pronoun or an implication is
            # still said in the sentence; neither wins
            if (len(_sign(direct)) != 1 or _own_cues(links, direct)) and not plain_both:
                reasons.append((number, f"both signs for {names} in one sentence"))
                continue
            links = direct
        kept[number] = links
    strong = {s: any(_sign([li]) == {s} and li.direct and li.hedge is None for ls in kept.values() for li in ls)
              for s in (1, -1)}
    signs = {s for ls in kept.values() for s in _sign(ls)}
    if len(signs) == 2:
        if strong[1] and strong[-1]:
            pass  # ambivalent: the text states both
        elif strong[1] or strong[-1]:
            win = 1 if strong[1] else -1
            for number in [n for n, ls in kept.items() if _sign(ls) != {win}]:
                reasons.append((number, f"conflicts with a stronger statement on {names}"))
                del kept[number]
        else:
            for number in kept:
                reasons.append((number, f"both signs for {names}, none stated plainly"))
            return None, reasons
    if not kept:
        return None, reasons
    families = {link.cue.family.name for ls in kept.values() for link in ls}
    positive, negative = families & _POSITIVE, families & _NEGATIVE
    if positive and negative:
        stance = Stance.AMBIVALENT
    elif negative:
        stance = Stance.ENEMY if "hostility" in negative and "restraint" not in negative else Stance.RIVAL
    else:
        stance = Stance.ALLY if "support" in positive else Stance.FRIENDLY
    evidence = []
    doubt = 1.0
    for number, sentence_links_ in sorted(kept.items()):
        is_direct = any(link.direct for link in sentence_links_)
        hedge = None if any(link.hedge is None for link in sentence_links_) else sentence_links_[0].hedge
        weight = (DIRECT_WEIGHT if is_direct else INDIRECT_WEIGHT) * max(li.cue.strength for li in sentence_links_)
        doubt *= 1.0 - weight * (HEDGED_FACTOR if hedge else 1.0)
        fams = tuple(dict.fromkeys(link.cue.family.name for link in sentence_links_))
        cue_words = tuple(dict.fromkeys(link.cue.text for link in sentence_links_))
        evidence.append(EvidenceSentence(number, texts[number], fams, cue_words, is_direct, hedge))
    return Proposal(pair[0], pair[1], stance, round(1.0 - doubt, 2), tuple(evidence)), reasons


def _own_cues(links: list[Link], direct: list[Link]) -> bool:
    """Whether a link of the other sign than the direct ones has a verb or preposition cue of its own in the
    sentence (its arguments found through a pronoun), not one lent by an implication rule."""
    signs = _sign(direct)
    return any(_sign([li]) != signs and li.cue.role in {"verb", "preposition"} and not li.cue.text.endswith("... to")
               and li.cue.start >= 0 for li in links if not li.direct)
