"""Coreference: descriptions and pronouns that refer back to an actor named before.

Deliberately simple, and abstaining when unsure:

- a definite description (``the group``, ``the militants``, ``the government``, also
  after a compound modifier: ``the Russian-led bloc``) refers to the actor named just
  before whose kind fits, looked for first earlier in the same sentence (nearest
  first, not its subject), then in up to eight sentences before (nearest sentence
  first, its subject first); an actor whose own name has the description's head noun
  wins, and with no antecedent at all an institution (``the army``, ``the bloc``) is the
  one actor so named, if there is exactly one; a bare ``army positions`` only that;
- ``they``, ``it``, ``its``, ``their`` refer to the subject of their own clause (else of
  the sentence, else of the previous sentence of the paragraph); ``its`` right after
  ``X and`` is X's; an object pronoun (``with it``, ``them``) is the one other actor
  named before it, or nothing; ``his``/``her`` the person named last;
- a plural description (``the two groups``, ``both countries``, ``the three juntas``)
  refers to as many actors: a list of exactly that many named just before, or the
  only that many actors of its kind in the sentence and the one before;
- ``we``/``our`` inside a quote is its speaker, named next to the reporting verb.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Set as AbstractSet

from .._records import ActorKind
from ._descriptions import described_group, listed_countries
from ._goods import stands_for_goods
from ._joint import joint_subject
from ._mentions import Gazetteer, Mention, named_mentions
from ._officials import official_mentions
from ._paramilitary import paramilitary_acts
from ._peoples import people_mentions
from ._sentences import Sentence, Token, dateline_end
from ._titled import titled_owners
from ._topic import COUNTRY_HEADS, country_topic

__all__ = ["ANAPHORS", "find_mentions", "unresolved_references"]

# definite descriptions and pronouns that may refer back to an actor, with the kinds they fit
_GROUPISH = frozenset({ActorKind.ARMED_GROUP, ActorKind.MILITIA})
_ANY = frozenset(ActorKind)
ANAPHORS: dict[tuple[str, ...], frozenset[ActorKind]] = {
    ("the", "group"): _GROUPISH,
    ("the", "militants"): _GROUPISH,
    ("the", "insurgents"): _GROUPISH,
    ("the", "jihadists"): _GROUPISH,
    ("the", "movement"): _GROUPISH,
    ("the", "rebels"): _GROUPISH,
    ("the", "militia"): _GROUPISH,
    ("the", "militias"): _GROUPISH,
    ("the", "militia", "alliance"): _GROUPISH | {ActorKind.COALITION},
    ("the", "organisation"): _GROUPISH | {ActorKind.INTERNATIONAL_ORG},
    ("the", "organization"): _GROUPISH | {ActorKind.INTERNATIONAL_ORG},
    ("the", "government"): frozenset({ActorKind.STATE}),
    ("the", "regime"): frozenset({ActorKind.STATE}),
    ("the", "junta"): frozenset({ActorKind.STATE}),
    ("the", "army"): frozenset({ActorKind.STATE}),
    ("the", "authorities"): frozenset({ActorKind.STATE}),
    ("the", "coalition"): frozenset({ActorKind.COALITION}),
    ("the", "alliance"): frozenset({ActorKind.COALITION, ActorKind.MILITIA, ActorKind.ARMED_GROUP}),
    ("the", "bloc"): frozenset({ActorKind.COALITION, ActorKind.INTERNATIONAL_ORG, ActorKind.STATE}),
    ("the", "paramilitaries"): _GROUPISH,
    ("the", "paramilitary"): _GROUPISH,
    ("the", "separatists"): _GROUPISH,
    ("the", "mercenaries"): _GROUPISH,
    ("the", "military"): frozenset({ActorKind.STATE}),
    ("the", "soldiers"): frozenset({ActorKind.STATE, ActorKind.COALITION, ActorKind.INTERNATIONAL_ORG}),
    ("the", "troops"): frozenset({ActorKind.STATE, ActorKind.COALITION, ActorKind.INTERNATIONAL_ORG}),
    ("the", "generals"): frozenset({ActorKind.STATE}),
    ("the", "country"): frozenset({ActorKind.STATE}),
    ("the", "kingdom"): frozenset({ActorKind.STATE}),
    ("the", "republic"): frozenset({ActorKind.STATE}),
    ("the", "mission"): frozenset({ActorKind.INTERNATIONAL_ORG, ActorKind.COALITION}),
    ("they",): _ANY,
    ("their",): _ANY,
    ("it",): _ANY,
    ("them",): _ANY,
    ("its",): _ANY,
}
_PRONOUNS = {("they",), ("their",), ("it",), ("its",), ("them",)}
# words after which a pronoun is an object: it is then not its own clause's subject ("cooperates with it")
_OBJECT_SLOT = {"with", "against", "on", "to", "at", "from", "of", "for", "by", "accuses", "accused", "attacked", "backs",
                "backed", "supports", "supported", "fought", "fight", "fights", "arming", "armed", "attacking",
                "drive", "drove", "defeat", "defeated", "supply", "supplied", "into"}
# words before a person's surname that make the bare surname a mention ("Gen. Burhan")
# institutions a description may name without an antecedent, when one actor's name has the word
_BARE_HEADS = {"army": frozenset({ActorKind.STATE}), "government": frozenset({ActorKind.STATE}),
               "military": frozenset({ActorKind.STATE}), "regime": frozenset({ActorKind.STATE}),
               "security": frozenset({ActorKind.STATE}), "regular": frozenset({ActorKind.STATE}),
               "peacekeepers": frozenset({ActorKind.INTERNATIONAL_ORG, ActorKind.COALITION})}
# heads that, when no actor's name has them, mean the scenario's government ("government troops", "the army")
_ARMY_WORDS = {"army", "military"}
_STATE_FORCE_HEADS = {"army", "government", "military", "regime", "security", "regular"}
_FORCE_FOLLOWERS = {"troops", "forces", "soldiers", "personnel"}  # "government troops", not "a military base"
_SECURITY_FOLLOWERS = {"forces", "personnel", "services"}  # "security forces", never "security positions"
_BARE_NOUNS = {"peacekeepers"}  # heads that stand alone ("fired on peacekeepers"), not only as modifiers
# description heads that, with no antecedent, name the one actor whose name has them ("the bloc": "Northern Bloc")
_NAMED_HEADS = {"bloc", "alliance", "coalition", "mission", "organisation", "organization", "junta", "council", "union"}
_BARE_FOLLOWERS = {"positions", "position", "base", "bases", "units", "unit", "drone", "drones", "convoy", "convoys",
                   "headquarters", "barracks", "posts", "post", "troops", "soldiers", "garrison", "garrisons",
                   "checkpoint", "checkpoints", "helicopter", "helicopters", "jets", "aircraft", "outposts", "outpost",
                   "forces", "personnel"}
_SAYS = {"said", "says", "say", "told", "added", "stated", "declared", "announced", "insisted", "warned", "wrote"}
_ANAPHORS_BY_FIRST: dict[str, list[tuple[tuple[str, ...], frozenset[ActorKind]]]] = {}
for _key, _kinds in sorted(ANAPHORS.items(), key=lambda kv: -len(kv[0])):
    _ANAPHORS_BY_FIRST.setdefault(_key[0], []).append((_key, _kinds))
_REQUESTS = {"pressed", "urged", "pushed", "asked", "pressured", "told", "ordered", "on", "forced", "persuaded"}
_LOOKBACK = 8  # sentences a definite description may reach back

def find_mentions(sentences: list[Sentence], gazetteer: Gazetteer) -> list[list[Mention]]:
    """Actor mentions per sentence (token indices into ``sentence.tokens``), in text order.

    Parameters
    ----------
    sentences : list of Sentence
        From :func:`~alliances.extract.split_sentences`.
    gazetteer : Gazetteer
        The actors' names.

    Returns
    -------
    list of list of Mention
        One list per sentence: named mentions and the descriptions and pronouns resolved
        to an actor (``via="coref"``).

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import split_sentences
    >>> g = Gazetteer([Actor("is", "Islamic State", "armed_group"), Actor("ru", "Russia", "state")])
    >>> sents = split_sentences("Islamic State held the town. Russia bombed the group.")
    >>> [[(m.actor, m.text, m.via) for m in ms] for ms in find_mentions(sents, g)]
    [[('is', 'Islamic State', 'name')], [('ru', 'Russia', 'name'), ('is', 'the group', 'coref')]]
    """
    out: list[list[Mention]] = []
    seen: set[str] = set()  # actors named so far (a surname alone then refers to them)
    # the speaker of a quote an earlier sentence opened and did not close, and of the previous sentence's quote
    quoting: tuple[str | None, str | None] = (None, None)
    for k, sent in enumerate(sentences):
        # antecedents: up to eight earlier sentences, nearest first ("they": only the
        # previous sentence of the same paragraph)
        prev = [out[j] for j in range(k - 1, max(-1, k - 1 - _LOOKBACK), -1)]
        prev_tokens = [list(sentences[j].tokens) for j in range(k - 1, max(-1, k - 1 - _LOOKBACK), -1)]
        same_para = k > 0 and sentences[k - 1].paragraph == sent.paragraph
        before = sentences[k - 1] if same_para else None
        if not same_para:
            quoting = (None, None)
        mentions, quoting = _sentence_mentions(sent, gazetteer, (prev, prev_tokens), before, seen, quoting)
        out.append(mentions)
        seen.update(m.actor for m in out[-1] if m.via == "name")
    return out


def _sentence_mentions(sent: Sentence, g: Gazetteer, previous: tuple[list[list[Mention]], list[list[Token]]],
                       prev_sent: Sentence | None, seen: set[str],
                       quoting: tuple[str | None, str | None]) -> tuple[list[Mention], tuple[str | None, str | None]]:
    found = named_mentions(sent, g, seen)
    found = found + official_mentions(sent, g, found)
    found = sorted(found + people_mentions(sent, g, found), key=lambda m: (m.start, m.inner))  # "the Tigrayans"
    resolved = _coreferent_mentions(sent, g, found, previous, prev_sent)
    resolved = titled_owners(sent.tokens, resolved, found)  # "its founder <name>": the name says it
    resolved += paramilitary_acts(sent, g, found, previous[0][0] if prev_sent is not None and previous[0] else [])
    spoken, quoting = _speakers(sent, found, {i for m in found for i in range(m.start, m.end)}, quoting)
    return sorted(found + resolved + spoken, key=lambda m: (m.start, m.inner)), quoting


def _coreferent_mentions(sent: Sentence, g: Gazetteer, found: list[Mention],
                         earlier_sentences: tuple[list[list[Mention]], list[list[Token]]],
                         prev_sent: Sentence | None) -> list[Mention]:
    """Definite descriptions and pronouns not already part of a name, resolved to an earlier actor.

    ``previous``: the mentions of up to eight sentences before, nearest first;
    ``prev_sent``: the sentence right before, when it is in the same paragraph.
    """
    same_para = prev_sent is not None
    previous, previous_tokens = earlier_sentences
    toks = list(sent.tokens)
    taken = {i for m in found for i in range(m.start, m.end)}
    resolved: list[Mention] = []
    i = 0
    while i < len(toks):
        plural = None if i in taken or not toks[i].is_word else _plural_at(toks, i, taken)
        if plural is not None:  # "the two groups": as many actors
            start, end, kinds, n = plural
            named = [m for m in found + resolved if not m.inner and m.end <= start]
            prior = (list(prev_sent.tokens), previous[0]) if prev_sent is not None and previous else None
            resolved += [Mention(a, start, end, "coref", sent.quote(start, end))
                         for a in _several((toks, named), prior, kinds, n, g)]
            i = end
            continue
        hit = None if i in taken or not toks[i].is_word else _anaphor_at(toks, i, taken)
        if hit is None:
            i += 1
            continue
        start, end, kinds, how = hit
        if how == "pronoun" and stands_for_goods(toks, start, end):  # "they had been bought": the goods
            i = end
            continue
        # not an actor inside a compound modifier ("Iran" in "the Iran-backed Hezbollah ... it")
        before = sorted((m for m in found + resolved if not m.inner and m.end <= start
                         and not (m.end < len(toks) and toks[m.end].norm == "-")), key=lambda m: m.start)
        last = previous[0] if previous and same_para else []
        if how == "person":  # "his security forces": the person named last
            people = [m for m in before if g.is_person(m)] or [m for m in last if g.is_person(m)][-1:]
            actor = people[-1].actor if people else None
        else:
            earlier = last if how == "pronoun" else [m for ms in previous for m in ms]
            head = toks[start].norm if how == "bare" else toks[end - 1].norm
            actor = _antecedent(before, earlier, kinds, g, how == "pronoun", head=head, bare=how == "bare",
                                own_clause=_clause_start(toks, start), previous_by_sentence=(previous, previous_tokens),
                                forces=how == "bare" and end < len(toks) and toks[end].norm in _FORCE_FOLLOWERS)
        if how == "pronoun" and before:
            # the subject of the pronoun's own clause when the sentence has several ("..., and Israel has
            # struck convoys it says ...": it = Israel); an object pronoun ("cooperates with it", "them")
            # is someone else: the one other actor named before it
            opened = _clause_start(toks, start)
            own = [m for m in before if m.start >= opened and g.actors[m.actor].kind in kinds and not (  # "Without
                m.via == "coref" and m.start > 0 and toks[m.start - 1].norm in _OBJECT_SLOT | {"without"})]  # them, X
            actor = own[0].actor if own else actor
            if toks[start].norm == "it":
                actor = _it_of_several(toks, start, own or before, kinds, g, actor)
            if own and toks[start].norm in {"they", "their"}:
                # "the two groups said they would ...": they are all the actors of that mention
                # "X and Y said they": all the coordinated subject ("their" keeps to the first mention)
                joint = joint_subject(toks, own) if toks[start].norm == "they" else [
                    m for m in own if m.start == own[0].start]
                also = [m.actor for m in joint if m.actor != actor]
                resolved += [Mention(a, start, end, "coref", sent.quote(start, end)) for a in also]
            if toks[start].norm == "them" or (toks[start].norm == "it" and (
                    toks[start - 1].norm in _OBJECT_SLOT or not _opens_clause(toks, start, before))):
                # "Pax said Yel had attacked it": the reported clause's subject is Yel, "it" someone else
                # (an accusation's complement is reported too: "Pax accused Yel of arming militias against it")
                said = max((k for k in range(before[0].end, start) if toks[k].norm in _SAYS | _ACCUSES), default=None)
                reported = [m for m in before if said is not None and m.start > said and m.via != "coref"][:1]
                for m in before:  # "Pax said Yel and Xan had attacked it": the whole subject
                    if reported and m.start > reported[-1].end and all(
                            t.norm in {",", "and"} for t in toks[reported[-1].end : m.start]):
                        reported.append(m)
                excluded = {m.actor for m in reported} or ({actor} if actor else set())
                others = {m.actor for m in before if m.actor not in excluded and g.actors[m.actor].kind in kinds}
                actor = others.pop() if len(others) == 1 else None  # only when no other actor could be meant
        asked = [m for m in before if start >= 3 and m.end == start - 2 and toks[start - 2].norm == "to"
                 and m.start > 0 and toks[m.start - 1].norm in _REQUESTS]
        if how == "pronoun" and toks[start].norm in {"its", "their"} and asked:
            actor = asked[-1].actor  # "pressed Xan to halt its offensive": its = Xan, the one asked
        coordinated = [m for m in before if m.end == start - 1 and toks[start - 1].norm in {"and", "or"}]
        if how == "pronoun" and toks[start].norm in {"its", "their"} and coordinated:
            actor = coordinated[-1].actor  # "the Congolese army and its allies": its = the army
        if actor is not None:
            resolved.append(Mention(actor, start, end, "coref", sent.quote(start, end)))
        i = end
    return resolved


_TELLS = {"told", "assured", "promised", "reassured", "informed", "pledged", "guaranteed", "convinced", "warned",
          "tells", "assures", "promises", "informs", "warns"}
_ACCUSES = {"accused", "accuses", "accusing"}
_OBJECT_PRONOUNS = {"him", "her", "them", "us", "me", "you"}
_AUXILIARY_RUN = {"had", "has", "have", "also", "repeatedly", "privately", "publicly", "already", "since", "earlier"}
_RELATIVES = {"which", "whom", "who"}
_SKIPPED = {"on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "in", "a", "statement",
            "late", "early", "also", "again", "reporters", "later", "then"}


def _opens_clause(toks: list[Token], start: int, before: list[Mention]) -> bool:
    """Whether "it" at ``start`` is a clause's subject: after ``said (on Tuesday) (that)``, ``assured him``,
    a relative pronoun, a conjunction or an actor (``told Yel it``); else it is an object."""
    k = start - 1
    while k > 0 and toks[k].norm in _SKIPPED:
        k -= 1
    w = toks[k].norm if k >= 0 else ""
    if w in _TELLS and start + 1 < len(toks) and toks[start + 1].norm == "that":
        return False  # "Quor had assured it that ...": the addressee
    return w in _SUBJECT_SLOT or w in _SAYS or w in _TELLS or w in _RELATIVES or any(m.end == k + 1 for m in before)


_SUBJECT_SLOT = {"that", ",", "and", "but", "because", "if", "unless", "as", "since", "when", "while", "him", "her",
                 "them", "us", "me", "you"}  # words after which "it" opens a clause


def _it_of_several(toks: list[Token], start: int, before: list[Mention], kinds: frozenset[ActorKind], g: Gazetteer,
                   guess: str | None) -> str | None:
    """What "it" refers to when its clause has no subject of its own: exactly one fitting actor, or none.

    ``guess``: the sentence's first actor (the speaker of "X said it would ..."). With one
    candidate before "it" that is it; after a telling verb and its object ("Paris had assured
    him it would oppose ...", "Pax told Yel it would ...") the teller; right after a saying verb
    (``said it``, ``said that it``) the guess; with several candidates otherwise none (listed
    as unclear): "X accused Y of arming militias against it" could be either.
    """
    fitting = [m for m in before if not m.inner and g.actors[m.actor].kind in kinds]
    if len({m.actor for m in fitting}) < 2 or not _opens_clause(toks, start, before):
        return guess  # one candidate; an object ("Pax arms it") is read by the object-slot rule
    if toks[start - 1].norm in _RELATIVES:
        return guess  # "the junta, which it accuses of ...": the main clause's subject, as before
    j = start - 1
    if j >= 0 and toks[j].norm in _OBJECT_PRONOUNS:
        j -= 1
    else:
        named = next((m for m in fitting if m.end == start), None)
        j = named.start - 1 if named is not None else j
    if j >= 0 and toks[j].norm in _TELLS and j < start - 1:
        k = j - 1
        while k >= 0 and toks[k].norm in _AUXILIARY_RUN:
            k -= 1
        teller = next((m for m in fitting if m.end == k + 1), None)
        return teller.actor if teller is not None else None
    k = start - 1 - (start > 0 and toks[start - 1].norm == "that")
    while k > 0 and toks[k].norm in _SKIPPED and toks[k].norm not in _SAYS:
        k -= 1
    if k < 0 or toks[k].norm not in _SAYS:
        return None
    # "X said (that) it ...": it is the saying verb's subject X, not the sentence's first actor ("Xan
    # bombed a base, a day after Pax said it had struck the group": Pax); a subject that cannot be "it"
    # (a person) or none named next to the verb leaves it unclear unless the guess is the only reading
    s, speaker = k - 1, None
    while s >= 0 and speaker is None:
        speaker = next((m for m in before if not m.inner and m.end == s + 1), None)
        if toks[s].norm not in _AUXILIARY_RUN | _SPEAKER_NOUNS:
            break
        s -= 1
    plural = speaker is not None and any(  # "Pax and Quor said it ...": not one of them
        m.end == speaker.start - 1 and toks[m.end].norm in {"and", "or"} for m in before)
    if speaker is not None:
        return speaker.actor if g.actors[speaker.actor].kind in kinds and not plural else None
    # "X said ... and announced it was ...", "X, which fought Y, said it": the subject is the first clause's
    return guess if toks[k - 1].norm in {"and", ","} and guess == fitting[0].actor else None


_SPEAKER_NOUNS = {"'s", "spokesman", "spokeswoman", "spokesperson", "ministry", "foreign", "defence", "defense",
                  "military", "command", "office", "officials", "official", "statement", "a", "in"}


_NUMBERS = {"two": 2, "three": 3, "four": 4, "both": 2}
_PLURALS: dict[str, frozenset[ActorKind]] = {
    **dict.fromkeys(["groups", "movements", "militias", "factions", "rebel groups", "armed groups"], _GROUPISH),
    **dict.fromkeys(["countries", "states", "governments", "juntas", "regimes", "nations", "neighbours", "neighbors",
                     "capitals", "armies", "militaries"], frozenset({ActorKind.STATE})),
    **dict.fromkeys(["sides", "parties", "powers", "allies", "rivals", "enemies", "foes", "forces"], _ANY),
}


_BARE_NUMBER_FOLLOWERS = {"have", "has", "had", "are", "were", "will", "would", "also", "now", "later", "then", "said",
                          "say", "agreed", "signed", "accused", "rejected", "condemned", "vowed", "announced"}


def _plural_at(toks: list[Token], i: int, taken: AbstractSet[int]) -> tuple[int, int, frozenset[ActorKind], int] | None:
    """``the two groups``, ``both countries``, ``the three juntas``, ``all three have``: (start, end, kinds, how many)."""
    j = i + 1 if toks[i].norm in {"the", "all"} else i
    if j >= len(toks) or toks[j].norm not in _NUMBERS or (toks[j].norm != "both" and j == i):
        return None
    if toks[j].norm != "both" and j + 1 < len(toks) and toks[j + 1].norm in _BARE_NUMBER_FOLLOWERS and not any(
            k in taken for k in range(i, j + 1)):
        return i, j + 1, _ANY, _NUMBERS[toks[j].norm]  # "All three have expelled ...": a number standing alone
    for width in (2, 1):
        words = " ".join(t.norm for t in toks[j + 1 : j + 1 + width])
        if words in _PLURALS and not any(k in taken for k in range(i, j + 1 + width)):
            return i, j + 1 + width, _PLURALS[words], _NUMBERS[toks[j].norm]
    return None


def unresolved_references(sent: Sentence, mentions: list[Mention]) -> list[str]:
    """Why a sentence's references found no actor: plurals (``All three``), state forces (``Government troops``), "it".

    Parameters
    ----------
    sent : Sentence
    mentions : list of Mention
        The sentence's mentions (from :func:`find_mentions`).

    Returns
    -------
    list of str
        One reason per description no actor was found for, in order: a plural no list
        just before resolves, forces of a state when the scenario has several states and
        no one government, an "it" opening a clause with several actors before it and no
        one of them it must be.

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import Gazetteer, split_sentences
    >>> sents = split_sentences("Alpha and Nowhere met. All three have attacked Beta. Government troops fought Beta.")
    >>> g = Gazetteer([Actor("a", "Alpha", "state"), Actor("b", "Beta"), Actor("c", "Gamma", "state")])
    >>> ms = find_mentions(sents, g)
    >>> unresolved_references(sents[1], ms[1]) + unresolved_references(sents[2], ms[2])
    ["'All three': which actors it refers to is not clear", \
"'Government troops': whose forces is not clear (several states, no one government)"]
    """
    toks = list(sent.tokens)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out = []
    for i in range(len(toks)):
        hit = None if i in taken or not toks[i].is_word else _plural_at(toks, i, set())
        if hit is not None and not any(hit[0] <= k < hit[1] for k in taken):
            out.append(f"'{sent.quote(hit[0], hit[1])}': which actors it refers to is not clear")
        elif i not in taken and toks[i].norm == "it" and i > 0 and _opens_clause(toks, i, mentions) and len(
                {m.actor for m in mentions if not m.inner and m.end <= i}) >= 2:
            out.append(f"'{sent.quote(i, i + 1)}': which actor it refers to is not clear (several in reach)")
        elif (i not in taken and i + 1 < len(toks) and toks[i].norm in _STATE_FORCE_HEADS
              and toks[i + 1].norm in _FORCE_FOLLOWERS and _bare_description(toks, i, taken)):
            out.append(f"'{sent.quote(i, i + 2)}': whose forces is not clear (several states, no one government)")
    return out


def _several(here: tuple[list[Token], list[Mention]], last: tuple[list[Token], list[Mention]] | None,
             kinds: frozenset[ActorKind], n: int, g: Gazetteer) -> list[str]:
    """The ``n`` actors a plural description refers to, or none when that is not clear.

    In its own sentence: a list of exactly ``n`` actors (``Mali, Burkina Faso and
    Niger``), or exactly ``n`` actors of its kind before it; else in the sentence before:
    a list of exactly ``n`` actors (a list broken by a name that is no actor does not count).
    """
    for k, (toks, ms) in enumerate([here] + ([last] if last else [])):
        fits = sorted((m for m in ms if g.actors[m.actor].kind in kinds and not m.inner), key=lambda m: m.start)
        runs: list[list[Mention]] = []
        others: list[int] = []  # the countries in each run that are no actor ("Mali, Niger and Burkina Faso")
        for m in fits:
            between = listed_countries(toks, runs[-1][-1].end, m.start) if runs and m.start > runs[-1][-1].end else None
            if between is not None:
                runs[-1].append(m)
                others[-1] += between
            else:
                runs.append([m])
                others.append(0)
        for run, extra in zip(reversed(runs), reversed(others), strict=True):
            actors = list(dict.fromkeys(m.actor for m in run))
            after = run[-1].end + 1 if run[-1].end < len(toks) and toks[run[-1].end].norm == "," else run[-1].end
            extra += listed_countries(toks, after, min(len(toks), after + 4), outer=True) or 0
            if len(actors) + extra == n:
                return actors
        actors = list(dict.fromkeys(m.actor for m in fits))
        if k == 0 and len(actors) == n:
            return actors
        if actors:
            return []  # actors of its kind here, but not as many: unclear
    return []


def _clause_start(toks: list[Token], i: int) -> int:
    """Where the clause holding token ``i`` starts: after the last ``, and``, ``;``, ``but``, ``while`` before it."""
    for k in range(i - 1, 0, -1):
        if toks[k].norm in {";", "but", "while", "whereas", "although", "where"} or (
                toks[k].norm == "and" and toks[k - 1].norm == ","):
            return k + 1
    return 0


def _anaphor_at(toks: list[Token], i: int, taken: AbstractSet[int]) -> tuple[int, int, frozenset[ActorKind], str] | None:
    """A description or pronoun starting at token ``i``: (start, end, kinds it fits, how it refers)."""
    if _bare_description(toks, i, taken):
        return i, i + 1, _BARE_HEADS[toks[i].norm], "bare"  # "shelled army positions"
    if toks[i].norm in {"his", "her", "he", "she"}:
        return i, i + 1, _ANY, "person"
    if toks[i].norm == "them" and i > 0 and toks[i - 1].norm == "among":
        return None  # "X, Z among them": a member of the group before
    skip = 0
    if toks[i].norm == "the" and i + 4 < len(toks) and toks[i + 2].norm == "-" and toks[i + 3].is_word:
        skip = 3  # "the Russian-led bloc": the description's head after a compound modifier
    described = described_group(toks, i, taken)
    if described is not None:
        return i, described, _GROUPISH, "description"  # "the rebel group", "the Islamist militants"
    for words_key, kinds in _ANAPHORS_BY_FIRST.get(toks[i].norm, ()):
        n = len(words_key)
        rest = toks[i + skip + 1 : i + skip + n]
        if n < 2 and skip:
            continue
        span = [toks[i], *rest]
        if len(span) == n and all(t.is_word for t in span) and tuple(t.norm for t in span) == words_key:
            start = i + skip + 1 if skip else i
            if any(j in taken for j in range(start, i + skip + n)) or (not skip and i + n - 1 in taken):
                continue
            return start, i + skip + n, kinds, "pronoun" if words_key in _PRONOUNS else "description"
    return None


def _bare_description(toks: list[Token], i: int, taken: AbstractSet[int]) -> bool:
    """``army positions``, ``an army drone``, ``army-held cities``: an institution named as a modifier, not
    inside a name."""
    # a word before it that makes it part of a name or a compound ("Iran-backed security forces"), except a
    # wire dateline's dash ("KHARTOUM (Wire) - Government troops"), which opens the story
    opens = i == 0 or i == dateline_end(toks)
    if toks[i].norm == "security":
        return (i + 1 < len(toks) and toks[i + 1].norm in _SECURITY_FOLLOWERS
                and (opens or not (i - 1 in taken or toks[i - 1].is_capitalised or toks[i - 1].norm == "-")))
    followed = i + 1 < len(toks) and toks[i + 1].norm in _BARE_FOLLOWERS or (
        i + 2 < len(toks) and toks[i + 1].norm == "-" and toks[i + 2].norm in {"held", "controlled", "run", "led"})
    return (toks[i].norm in _BARE_HEADS and (followed or toks[i].norm in _BARE_NOUNS)
            and (opens or not (i - 1 in taken or toks[i - 1].is_capitalised or toks[i - 1].norm in {"the", "-"})))


def _speakers(sent: Sentence, found: list[Mention], taken: AbstractSet[int],
              quoting: tuple[str | None, str | None] = (None, None)) -> tuple[list[Mention], tuple[str | None, str | None]]:
    """``"We will support the army," the head of X said``: a first-person plural in a quote is its speaker.

    The speaker is the actor named next to a reporting verb right after the closing quote
    (or right before the opening one, ``X said: "..."``, or the subject of the reporting verb
    before a colon: ``X's spokesman, Name, said in a televised address: "Our forces ..."``); a
    quote whose speaker is not clear resolves nothing. A quote opened after a colon may run over
    several sentences: ``quoting`` is (the speaker of one an earlier sentence left open, the speaker
    of the previous sentence's quotes); a quote opening a sentence with no speaker of its own is
    taken to go on with the previous sentence's speaker (``"...," a KIA spokesman said. "The
    Arakan Army are our comrades."``). The same pair is returned for the next sentence.
    """
    toks = sent.tokens
    open_speaker, last = quoting
    quotes = [i for i, t in enumerate(toks) if t.norm == '"']
    if open_speaker is not None:
        quotes = [-1, *quotes]  # the sentence opens inside the quote
    if not quotes:
        return [], (None, None)
    open_end = len(quotes) % 2 == 1
    if open_end:
        quotes.append(len(toks))
    named = [m for m in found if not m.inner and m.via != "coref"]
    out: list[Mention] = []
    speaker: str | None = None
    said_by: str | None = None
    for qs, qe in zip(quotes[0::2], quotes[1::2], strict=True):
        if qs == -1:
            speaker = open_speaker
        else:
            speaker = _speaker(toks, named, qs, qe)
            if speaker is None and qs == 0 and not any(t.norm in _SAYS for t in toks[qe + 1 : qe + 6]):
                speaker = last
        if speaker is None:
            continue
        said_by = speaker
        for i in range(qs + 1, qe):
            if i not in taken and toks[i].text.lower() in {"we", "our", "us"} and toks[i].text != "US":
                out.append(Mention(speaker, i, i + 1, "coref", toks[i].text))
            elif i not in taken and toks[i].norm == "them":
                # "We are not fighting for Yel, we fight alongside them": the one other actor the quote named
                others = {m.actor for m in named if qs < m.start < i and m.actor != speaker}
                out += [Mention(a, i, i + 1, "coref", toks[i].text) for a in others if len(others) == 1]
    # only a quote opened after a colon runs on: an unclosed one anywhere else is a stray mark
    carried = speaker if open_end and (quotes[-2] == -1 or (quotes[-2] > 0 and toks[quotes[-2] - 1].norm == ":")) \
        else None
    return out, (carried, said_by)


def _speaker(toks: tuple[Token, ...], named: list[Mention], qs: int, qe: int) -> str | None:
    """The actor who says the quote from token ``qs`` to ``qe``, or None.

    After the quote, the actor must be next to its reporting verb (``," a Pax minister said``,
    ``," said Pax's envoy``), not in a later clause (``," adding that Xan had been warned``).
    """
    introduced = qs > 0 and toks[qs - 1].norm in {":", ","} and any(t.norm in _SAYS for t in toks[max(0, qs - 5) : qs])
    after = [m for m in named if qe < m.start <= qe + 8 and not any(t.norm == "that" for t in toks[qe:m.start])
             and any(t.norm in _SAYS for t in [*toks[max(qe, m.start - 3) : m.start], *toks[m.end : m.end + 4]])]
    if after and not introduced:
        joint = [m for m in after[1:] if m.actor != after[0].actor and all(
            t.norm in {"and", ",", "the", "of"} for t in toks[after[0].end : m.start])]
        return None if joint else after[0].actor  # "," Pax and Quor said: two speakers, no one "we"
    before = [m for m in named if qs - 8 <= m.start < qs]
    if before and any(t.norm in _SAYS for t in toks[before[-1].end : qs]):
        return before[-1].actor
    if qs > 0 and toks[qs - 1].norm == ":":
        # "X's spokesman, Name, said in a televised address:": the reporting verb's subject, the first actor
        said = max((k for k in range(qs) if toks[k].norm in _SAYS), default=None)
        subject = [m for m in named if said is not None and m.end <= said]
        if subject and len({m.actor for m in subject}) == 1:
            return subject[0].actor
    return None


def _antecedent(
    before: list[Mention],
    previous: list[Mention],
    kinds: frozenset[ActorKind],
    g: Gazetteer,
    pronoun: bool,
    head: str = "",
    bare: bool = False,
    own_clause: int = 0,
    previous_by_sentence: tuple[list[list[Mention]], list[list[Token]]] = ([], []),
    forces: bool = False,
) -> str | None:
    def fits(m: Mention) -> bool:
        return not m.inner and g.actors[m.actor].kind in kinds

    if pronoun:
        # "they" refers to the subject: the first actor of this sentence, or of the previous one
        pool = [m for m in before if fits(m)] or [m for m in previous if fits(m)]
        return pool[0].actor if pool else None
    # A definite description does not refer to its own sentence's subject ("Rebels fell to
    # the militants"): look at the nearest other actor named before it, then the sentences
    # before, subject first. An actor whose own name has the description's head noun wins
    # ("the government" -> "Syrian government").
    # (the subject of an earlier clause may be meant: "X took the port, and the movement then ...")
    subject = next((m for m in before if not m.inner and m.start >= own_clause), None)
    pool = [
        m
        for m in [*sorted(before, key=lambda m: -m.start), *previous]
        if fits(m) and (subject is None or m.actor != subject.actor)
    ]
    named = next((m for m in pool if head in g.words.get(m.actor, ())), None)
    if named is not None:
        return named.actor
    if pool and _ambiguous(pool[0], before, previous_by_sentence, subject, g, fits):
        return None
    if head in COUNTRY_HEADS and pool and pool[0] not in before:  # "the country" after a reported clause: the topic
        return country_topic(pool[0], previous_by_sentence, fits, subject.actor if subject else None)
    # "the army" with no army named before: the one actor called "... army" (if there is one);
    # a bare "army positions" refers only to an actor so named
    unique = [a for a, words in g.words.items() if head in words and g.actors[a].kind in kinds]
    if not unique and not bare and head in _ARMY_WORDS:  # "the army": the one state called "... military", or back
        unique = [a for a, words in g.words.items() if _ARMY_WORDS & set(words) and g.actors[a].kind in kinds]
    if (head in _BARE_HEADS or head in _NAMED_HEADS) and len(unique) == 1 and (bare or not pool):
        return unique[0]
    if head in _STATE_FORCE_HEADS and not unique and (forces or not bare and not pool) and g.government is not None:
        return g.government  # "government troops", "the army": the scenario's one government
    if head and subject is not None and head in g.words.get(subject.actor, ()):
        # "Somali forces, backed by U.S. strikes, killed ..., the government said": the subject's own name
        # has the head; another actor named in between is no better a guess
        return None
    return pool[0].actor if pool and not bare else None


def _ambiguous(chosen: Mention, before: list[Mention], earlier: tuple[list[list[Mention]], list[list[Token]]],
               subject: Mention | None, g: Gazetteer, fits: Callable[[Mention], bool]) -> bool:
    """Whether a description could as well mean another actor of the chosen one's kind in reach.

    In reach: its own sentence before it (its clause's subject apart), else the nearest sentence
    with a candidate; there the sentence's subject is meant, unless it is coordinated with
    another of its kind ("Xan and Zed fought Yel. The group then ..." is either: none).
    """
    kind = g.actors[chosen.actor].kind
    previous, tokens = earlier
    here = [m for m in before if fits(m) and (subject is None or m.actor != subject.actor)]
    scope = here or next(([m for m in ms if fits(m)] for ms in previous if any(fits(m) for m in ms)), [])
    same = sorted((m for m in scope if g.actors[m.actor].kind == kind), key=lambda m: m.start)
    if len({m.actor for m in same}) <= 1:
        return False
    if here:
        return True
    j = next(j for j, ms in enumerate(previous) if any(fits(m) for m in ms))
    first = min((m for m in previous[j] if not m.inner), key=lambda m: m.start)
    if first.actor != chosen.actor or first is not same[0]:
        return True
    return any(m.actor != first.actor and all(t.norm in {",", "and", "or"} for t in tokens[j][first.end : m.start])
               for m in same[1:])
