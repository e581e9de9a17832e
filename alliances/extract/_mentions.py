"""Actor mentions: names and aliases, demonyms, possessives, simple coreference.

A :class:`Gazetteer` is built from the actors of a scenario. Matching is tolerant of
case and punctuation (``U.S.-led coalition`` matches the alias ``US-led coalition``,
``Russia's`` matches ``Russia``), except that a short alias written in capitals
(``IS``, ``US``) only matches capitals, so the verb "is" never becomes Islamic State.
At each position the longest name wins. A demonym (``Russian warplanes``) counts as
the actor whose name or alias is the country; the built-in table is extended by the
actors' own aliases and by an explicit ``demonyms`` mapping.

Coreference is deliberately simple: a definite description (``the group``, ``the
militants``, ``the government``) or ``they`` refers to the actor named just before
whose kind fits, looked for first earlier in the same sentence (nearest first, not its
subject), then in up to eight sentences before (nearest sentence first, its subject first);
``they`` looks only at its own sentence's subject and the previous sentence of the
paragraph.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from .._records import Actor, ActorKind
from ._sentences import Sentence, Token, tokenize

__all__ = ["DEMONYMS", "Gazetteer", "Mention", "find_mentions", "unmatched_names"]

# demonym -> the country or people name it stands for (matched against actors' names and aliases)
DEMONYMS: dict[str, str] = {
    "afghan": "Afghanistan", "american": "United States", "armenian": "Armenia", "azerbaijani": "Azerbaijan",
    "azeri": "Azerbaijan", "bahraini": "Bahrain", "belarusian": "Belarus", "british": "United Kingdom",
    "burkinabe": "Burkina Faso", "chadian": "Chad", "chinese": "China", "congolese": "Congo",
    "egyptian": "Egypt", "emirati": "United Arab Emirates", "eritrean": "Eritrea", "ethiopian": "Ethiopia",
    "french": "France", "georgian": "Georgia", "german": "Germany", "indian": "India", "iranian": "Iran",
    "iraqi": "Iraq", "israeli": "Israel", "jordanian": "Jordan", "kenyan": "Kenya", "kurdish": "Kurds",
    "kuwaiti": "Kuwait", "lebanese": "Lebanon", "libyan": "Libya", "malian": "Mali", "nigerien": "Niger",
    "nigerian": "Nigeria", "pakistani": "Pakistan", "palestinian": "Palestine", "polish": "Poland",
    "qatari": "Qatar", "russian": "Russia", "rwandan": "Rwanda", "saudi": "Saudi Arabia", "somali": "Somalia",
    "sudanese": "Sudan", "syrian": "Syria", "turkish": "Turkey", "ugandan": "Uganda", "ukrainian": "Ukraine",
    "yemeni": "Yemen", "north korean": "North Korea", "south korean": "South Korea", "south sudanese": "South Sudan",
    "central african": "Central African Republic", "south african": "South Africa", "new zealander": "New Zealand",
    "algerian": "Algeria", "angolan": "Angola", "burundian": "Burundi", "cameroonian": "Cameroon",
    "djiboutian": "Djibouti", "ghanaian": "Ghana", "guinean": "Guinea", "ivorian": "Ivory Coast",
    "malawian": "Malawi", "mauritanian": "Mauritania", "moroccan": "Morocco", "mozambican": "Mozambique",
    "senegalese": "Senegal", "tanzanian": "Tanzania", "togolese": "Togo",
    "tunisian": "Tunisia", "zambian": "Zambia", "zimbabwean": "Zimbabwe", "beninese": "Benin", "omani": "Oman",
    "hungarian": "Hungary", "romanian": "Romania", "bulgarian": "Bulgaria", "serbian": "Serbia",
    "moldovan": "Moldova", "lithuanian": "Lithuania", "latvian": "Latvia", "estonian": "Estonia",
    "finnish": "Finland", "swedish": "Sweden", "norwegian": "Norway", "danish": "Denmark", "dutch": "Netherlands",
    "belgian": "Belgium", "italian": "Italy", "spanish": "Spain", "greek": "Greece", "cypriot": "Cyprus",
    "czech": "Czech Republic", "slovak": "Slovakia", "canadian": "Canada", "australian": "Australia",
    "japanese": "Japan", "taiwanese": "Taiwan", "thai": "Thailand", "vietnamese": "Vietnam", "burmese": "Myanmar",
    "bangladeshi": "Bangladesh", "indonesian": "Indonesia", "malaysian": "Malaysia", "filipino": "Philippines",
    "venezuelan": "Venezuela", "colombian": "Colombia", "cuban": "Cuba", "mexican": "Mexico",
    "brazilian": "Brazil", "kazakh": "Kazakhstan", "uzbek": "Uzbekistan", "tajik": "Tajikistan",
    "kyrgyz": "Kyrgyzstan", "turkmen": "Turkmenistan", "mongolian": "Mongolia", "nepali": "Nepal",
    "sri lankan": "Sri Lanka", "kosovar": "Kosovo", "albanian": "Albania", "bosnian": "Bosnia",
    "croatian": "Croatia", "montenegrin": "Montenegro", "macedonian": "North Macedonia",
}

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
    ("the", "generals"): frozenset({ActorKind.STATE}),
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
TITLES = frozenset({
    "gen", "general", "president", "col", "colonel", "capt", "captain", "lt", "maj", "major", "marshal", "minister",
    "mr", "mrs", "ms", "dr", "sheikh", "leader", "chief", "commander", "premier", "king", "prince", "emir", "sultan",
    "ayatollah", "sen", "senator", "gov", "governor", "chancellor", "envoy", "adm", "admiral", "brig", "sgt",
})
# words that make an alias an organisation or a place rather than a person's name
_ORG_WORDS = frozenset({
    "army", "forces", "force", "government", "council", "front", "movement", "group", "party", "state", "states",
    "union", "alliance", "coalition", "mission", "brigades", "brigade", "command", "ministry", "authority",
    "administration", "organization", "organisation", "nations", "republic", "defence", "defense", "liberation",
    "national", "democratic", "islamic", "transitional", "support", "rapid", "armed", "united", "corps", "guard",
    "guards", "revolutionary", "league", "treaty", "militia", "militias", "rebels", "peacekeepers", "kingdom",
})
# institutions a description may name without an antecedent, when one actor's name has the word
_BARE_HEADS = {"army": frozenset({ActorKind.STATE}), "government": frozenset({ActorKind.STATE}),
               "military": frozenset({ActorKind.STATE}), "regime": frozenset({ActorKind.STATE}),
               "peacekeepers": frozenset({ActorKind.INTERNATIONAL_ORG, ActorKind.COALITION})}
_BARE_NOUNS = {"peacekeepers"}
# description heads that, with no antecedent, name the one actor whose name has them ("the bloc": "Northern Bloc")
_NAMED_HEADS = {"bloc", "alliance", "coalition", "mission", "organisation", "organization", "junta", "council", "union"}  # heads that stand alone ("fired on peacekeepers"), not only as modifiers
_BARE_FOLLOWERS = {"positions", "position", "base", "bases", "units", "unit", "drone", "drones", "convoy", "convoys",
                   "headquarters", "barracks", "posts", "post", "troops", "soldiers", "garrison", "garrisons",
                   "checkpoint", "checkpoints", "helicopter", "helicopters", "jets", "aircraft", "outposts", "outpost"}
_SAYS = {"said", "says", "say", "told", "added", "stated", "declared", "announced", "insisted", "warned", "wrote"}
_FORCE_NOUNS = ("army", "forces", "force", "troops", "military", "soldiers")
_SURNAME_MIN = 6  # letters a surname needs to be a mention without a title or an earlier full mention
_ANAPHORS_BY_FIRST: dict[str, list[tuple[tuple[str, ...], frozenset[ActorKind]]]] = {}
for _key, _kinds in sorted(ANAPHORS.items(), key=lambda kv: -len(kv[0])):
    _ANAPHORS_BY_FIRST.setdefault(_key[0], []).append((_key, _kinds))
_LOOKBACK = 8  # sentences a definite description may reach back


@dataclass(frozen=True)
class Mention:
    """An actor found in a sentence: tokens ``start:end`` of the sentence, and how.

    ``via`` is ``"name"`` (a name, label or alias), ``"demonym"`` or ``"coref"``;
    ``inner`` marks an actor named inside another actor's name (``Iran`` in
    ``Iran-backed militias``), which only feeds the actor-modifier cue.
    """

    actor: str
    start: int
    end: int
    via: str
    text: str
    inner: bool = False


@dataclass(frozen=True)
class _Form:
    words: tuple[str, ...]
    upper: tuple[bool, ...]  # words that must be written in capitals


class Gazetteer:
    """The names an extraction looks for: actors' names, labels, aliases and demonyms.

    Parameters
    ----------
    actors : iterable of Actor
    demonyms : mapping of str to str, optional
        Extra demonyms: ``{"Kurdish": "sdf"}`` maps a word to an actor id.

    Examples
    --------
    >>> g = Gazetteer([Actor("russia", "Russia", aliases=("Moscow",))])
    >>> g.demonyms["russian"]
    ('russia',)
    """

    def __init__(self, actors: Iterable[Actor], *, demonyms: Mapping[str, str] | None = None):
        self.actors: dict[str, Actor] = {a.id: a for a in actors}
        self.forms: dict[tuple[str, ...], list[tuple[_Form, str]]] = {}
        self.max_len = 1
        names: dict[str, set[str]] = {}
        for actor in self.actors.values():
            # ids are not looked for: a short id ("us", "is") would match common words
            surface = [actor.name, *actor.aliases]
            if actor.label:
                surface.append(actor.label)
            for name in surface:
                form = _form(name)
                if form is None:
                    continue
                bucket = self.forms.setdefault(form.words, [])
                if all(f != form or a != actor.id for f, a in bucket):
                    bucket.append((form, actor.id))
                self.max_len = max(self.max_len, len(form.words))
                names.setdefault(" ".join(form.words), set()).add(actor.id)
        demonym_map: dict[str, list[str]] = {}
        for word, country in DEMONYMS.items():
            key = " ".join(t.norm for t in tokenize(country) if t.is_word)
            for actor_id in sorted(names.get(key, ())):
                demonym_map.setdefault(word, []).append(actor_id)
        for word, actor_id in (demonyms or {}).items():
            if actor_id not in self.actors:
                from ..errors import UnknownActorError

                raise UnknownActorError(f"demonym {word!r} names unknown actor {actor_id!r}")
            demonym_map[word.lower()] = [actor_id]
        self.demonyms: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in demonym_map.items()}
        self.demonym_starts = {k.split()[0] for k in self.demonyms if " " in k}  # "north" of "North Korean"
        # every word of every name as written, per actor: "the government" prefers an actor called "... government"
        self.words: dict[str, set[str]] = {}
        for words, bucket in self.forms.items():
            for _, actor_id in bucket:
                self.words.setdefault(actor_id, set()).update(words)
        self._add_variants()
        # the words names start with, with plural/singular variants (a quick rejection test)
        self.first_words: set[str] = set()
        for words in self.forms:
            self.first_words.update({words[0], words[0] + "s", words[0][:-1]})

    def _add_variants(self) -> None:
        """Forms a text uses for the same actor: ``Sudan's army`` for the alias ``Sudanese army``,
        and the surnames of the aliases that are persons' names (``Abdel Fattah al-Burhan``)."""
        countries = {w: tuple(t.norm for t in tokenize(c) if t.is_word) for w, c in DEMONYMS.items()}
        self.surnames: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        self.person_forms: set[tuple[str, ...]] = set()
        for words, bucket in list(self.forms.items()):
            if len(words) >= 2 and words[0] in countries:
                variant = (*countries[words[0]], *words[1:])
                for _, actor_id in bucket:
                    target = self.forms.setdefault(variant, [])
                    if all(a != actor_id for _, a in target):
                        target.append((_Form(variant, (False,) * len(variant)), actor_id))
                    self.max_len = max(self.max_len, len(variant))
        # "federal troops" for the alias "federal government", "Myanmar army" for "Myanmar military"
        # (each new form only when a single actor yields it)
        forces: dict[tuple[str, ...], dict[str, _Form]] = {}
        for words, bucket in list(self.forms.items()):
            if len(words) >= 2 and words[-1] in (*_FORCE_NOUNS, "government") and words[-2] not in _FORCE_NOUNS:
                for noun in _FORCE_NOUNS:
                    variant = (*words[:-1], noun)
                    if variant not in self.forms:
                        for form, actor_id in bucket:
                            forces.setdefault(variant, {})[actor_id] = _Form(variant, (*form.upper[:-1], False))
        for variant, by_actor in forces.items():
            if len(by_actor) == 1:
                ((actor_id, form),) = by_actor.items()
                self.forms[variant] = [(form, actor_id)]
        for actor in self.actors.values():
            for alias in actor.aliases:
                raw = [t for t in tokenize(alias) if t.is_word]
                if not 2 <= len(raw) <= 4 or any(t.norm in _ORG_WORDS for t in raw):
                    continue
                if not all(t.is_capitalised or t.norm in _NAME_JOINERS for t in raw) or raw[-1].is_upper:
                    continue
                last = raw[-1].norm
                self.surnames.setdefault(last, []).append((actor.id, tuple(t.norm for t in raw)))
        self.person_forms = {f for forms in self.surnames.values() for _, full in forms for f in (full, full[-1:])}

    def is_person(self, m: Mention) -> bool:
        """Whether a mention names a person (an alias that is a person's name, or its surname)."""
        return tuple(t.norm for t in tokenize(m.text) if t.is_word) in self.person_forms

    def surname_at(self, toks: list[Token], word_idx: list[int], w: int, seen: AbstractSet[str]) -> str | None:
        """The actor whose person alias has the surname at word ``w`` (capitalised), or None.

        A surname alone counts after a title (``Gen. Burhan``), once the full name was
        mentioned earlier (``seen``), or when it is long enough not to be a common word.
        """
        tok = toks[word_idx[w]]
        owners = {a for a, _ in self.surnames.get(tok.norm, ())}
        if len(owners) != 1 or not tok.is_capitalised:
            return None
        (actor_id,) = owners
        prev = word_idx[w - 1] if w > 0 else None
        if prev is not None and toks[prev].norm in {"al", "el"}:  # "al-Burhan"
            prev = word_idx[w - 2] if w > 1 else None
        titled = prev is not None and toks[prev].norm in TITLES
        letters = sum(c.isalpha() for c in tok.text)
        return actor_id if titled or actor_id in seen or letters >= _SURNAME_MIN else None

    def match_at(self, toks: list[Token], word_idx: list[int], w: int, limit: int | None = None) -> tuple[int, str, str] | None:
        """The longest actor name starting at the ``w``-th word: (words, actor id, via) or None.

        ``toks`` are a sentence's tokens, ``word_idx`` the indices of its words; a name
        may not run past word ``limit`` (exclusive).
        """
        stop = len(word_idx) if limit is None else limit
        first = toks[word_idx[w]].norm
        if first not in self.first_words and first not in self.demonyms and first not in self.demonym_starts:
            return None
        for n in range(min(self.max_len, stop - w), 0, -1):
            idx = word_idx[w : w + n]
            if any(_gap_breaks(toks, idx[k], idx[k + 1]) for k in range(n - 1)):
                continue
            span = [toks[i] for i in idx]
            key = tuple(t.norm for t in span)
            candidates = self.forms.get(key, [])
            last = key[-1]
            if not candidates and len(last) >= 4:  # "militia" / "militias", "rebel" / "rebels"
                other = last[:-1] if last.endswith("s") else last + "s"
                candidates = self.forms.get((*key[:-1], other), [])
            for form, actor_id in candidates:
                if all(t.is_upper or not up for t, up in zip(span, form.upper, strict=True)):
                    return n, actor_id, "name"
        # one lower-case word inserted in a name of two words or more ("Houthi rebel movement")
        for n in range(min(self.max_len + 1, stop - w), 2, -1):
            idx = word_idx[w : w + n]
            if any(_gap_breaks(toks, idx[k], idx[k + 1]) for k in range(n - 1)):
                continue
            span = [toks[i] for i in idx]
            for skip in range(1, n - 1):
                if span[skip].is_capitalised:
                    continue
                key = tuple(t.norm for j, t in enumerate(span) if j != skip)
                rest = [t for j, t in enumerate(span) if j != skip]
                for form, actor_id in self.forms.get(key, []):
                    if all(t.is_upper or not up for t, up in zip(rest, form.upper, strict=True)):
                        return n, actor_id, "name"
        tok = toks[word_idx[w]]
        if first in self.demonym_starts and w + 1 < stop and not _gap_breaks(toks, word_idx[w], word_idx[w + 1]):
            nxt = toks[word_idx[w + 1]]
            pair = self.demonyms.get(f"{first} {nxt.norm}")
            if pair and len(pair) == 1 and tok.is_capitalised and nxt.is_capitalised:
                return 2, pair[0], "demonym"
        actor_ids = self.demonyms.get(tok.norm)
        if actor_ids and tok.is_capitalised and len(actor_ids) == 1:
            return 1, actor_ids[0], "demonym"
        return None


def find_mentions(sentences: list[Sentence], gazetteer: Gazetteer) -> list[list[Mention]]:
    """Actor mentions per sentence (token indices into ``sentence.tokens``), in text order."""
    out: list[list[Mention]] = []
    seen: set[str] = set()  # actors named so far (a surname alone then refers to them)
    for k, sent in enumerate(sentences):
        # antecedents: up to eight earlier sentences, nearest first ("they": only the
        # previous sentence of the same paragraph)
        prev = [out[j] for j in range(k - 1, max(-1, k - 1 - _LOOKBACK), -1)]
        same_para = k > 0 and sentences[k - 1].paragraph == sent.paragraph
        out.append(_sentence_mentions(sent, gazetteer, prev, same_para, seen))
        seen.update(m.actor for m in out[-1] if m.via == "name")
    return out


def _sentence_mentions(sent: Sentence, g: Gazetteer, previous: list[list[Mention]], same_para: bool,
                       seen: set[str]) -> list[Mention]:
    found = _named_mentions(sent, g, seen)
    resolved = _coreferent_mentions(sent, g, found, previous, same_para)
    return sorted(found + resolved, key=lambda m: (m.start, m.inner))


def _named_mentions(sent: Sentence, g: Gazetteer, seen: AbstractSet[str] = frozenset()) -> list[Mention]:
    """Actors named in the sentence (longest match first), with actors named inside another's name."""
    toks = list(sent.tokens)
    word_idx = [i for i, t in enumerate(toks) if t.is_word]
    found: list[Mention] = []
    w = 0
    while w < len(word_idx):
        hit = g.match_at(toks, word_idx, w)
        if hit is None:
            surname = g.surname_at(toks, word_idx, w, seen)
            if surname is not None:
                i = word_idx[w]
                found.append(Mention(surname, i, i + 1, "name", sent.quote(i, i + 1)))
            w += 1
            continue
        n, actor_id, via = hit
        start, end = word_idx[w], word_idx[w + n - 1] + 1
        found.append(Mention(actor_id, start, end, via, sent.quote(start, end)))
        # an actor named inside another's name ("Iran" in "Iran-backed militias")
        j = w
        while j < w + n - 1:
            inner = g.match_at(toks, word_idx, j, limit=w + n - 1)
            if inner is not None and inner[1] != actor_id:
                s, e = word_idx[j], word_idx[j + inner[0] - 1] + 1
                found.append(Mention(inner[1], s, e, inner[2], sent.quote(s, e), inner=True))
                j += inner[0]
            else:
                j += 1
        w += n
    found.sort(key=lambda m: (m.start, m.inner))
    return found


def _coreferent_mentions(sent: Sentence, g: Gazetteer, found: list[Mention], previous: list[list[Mention]],
                         same_para: bool) -> list[Mention]:
    """Definite descriptions and pronouns not already part of a name, resolved to an earlier actor."""
    toks = list(sent.tokens)
    taken = {i for m in found for i in range(m.start, m.end)}
    resolved: list[Mention] = []
    i = 0
    while i < len(toks):
        hit = None if i in taken or not toks[i].is_word else _anaphor_at(toks, i, taken)
        if hit is None:
            i += 1
            continue
        start, end, kinds, how = hit
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
            actor = _antecedent(before, earlier, kinds, g, how == "pronoun", head=head, bare=how == "bare")
        if how == "pronoun" and before:
            # the subject of the pronoun's own clause when the sentence has several ("..., and Israel has
            # struck convoys it says ...": it = Israel); an object pronoun ("cooperates with it", "them")
            # is someone else: the one other actor named before it
            opened = _clause_start(toks, start)
            own = [m for m in before if m.start >= opened and g.actors[m.actor].kind in kinds]
            actor = own[0].actor if own else actor
            if toks[start].norm == "them" or (toks[start].norm == "it" and toks[start - 1].norm in _OBJECT_SLOT):
                others = {m.actor for m in before if m.actor != actor and g.actors[m.actor].kind in kinds}
                actor = others.pop() if len(others) == 1 else None  # only when no other actor could be meant
        coordinated = [m for m in before if m.end == start - 1 and toks[start - 1].norm in {"and", "or"}]
        if how == "pronoun" and toks[start].norm in {"its", "their"} and coordinated:
            actor = coordinated[-1].actor  # "the Congolese army and its allies": its = the army
        if actor is not None:
            resolved.append(Mention(actor, start, end, "coref", sent.quote(start, end)))
        i = end
    return resolved + _speakers(sent, found, taken)


def _clause_start(toks: list[Token], i: int) -> int:
    """Where the clause holding token ``i`` starts: after the last ``, and``, ``;``, ``but``, ``while`` before it."""
    for k in range(i - 1, 0, -1):
        if toks[k].norm in {";", "but", "while", "whereas", "although"} or (
                toks[k].norm == "and" and toks[k - 1].norm == ","):
            return k + 1
    return 0


def _anaphor_at(toks: list[Token], i: int, taken: AbstractSet[int]) -> tuple[int, int, frozenset[ActorKind], str] | None:
    """A description or pronoun starting at token ``i``: (start, end, kinds it fits, how it refers)."""
    if _bare_description(toks, i, taken):
        return i, i + 1, _BARE_HEADS[toks[i].norm], "bare"  # "shelled army positions"
    if toks[i].norm in {"his", "her"}:
        return i, i + 1, _ANY, "person"
    if toks[i].norm == "them" and i > 0 and toks[i - 1].norm == "among":
        return None  # "X, Z among them": a member of the group before
    skip = 0
    if toks[i].norm == "the" and i + 4 < len(toks) and toks[i + 2].norm == "-" and toks[i + 3].is_word:
        skip = 3  # "the Russian-led bloc": the description's head after a compound modifier
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
    """``army positions``, ``an army drone``: an institution named as a modifier, not inside a name."""
    followed = i + 1 < len(toks) and toks[i + 1].norm in _BARE_FOLLOWERS
    return (toks[i].norm in _BARE_HEADS and (followed or toks[i].norm in _BARE_NOUNS)
            and not (i > 0 and (i - 1 in taken or toks[i - 1].is_capitalised or toks[i - 1].norm in {"the", "-"})))


def _speakers(sent: Sentence, found: list[Mention], taken: AbstractSet[int]) -> list[Mention]:
    """``"We will support the army," the head of X said``: a first-person plural in a quote is its speaker.

    The speaker is the actor named next to a reporting verb right after the closing quote
    (or right before the opening one, ``X said: "..."``); a quote that the sentence
    does not close, or whose speaker is not clear, resolves nothing.
    """
    toks = sent.tokens
    quotes = [i for i, t in enumerate(toks) if t.norm == '"']
    if not quotes or len(quotes) % 2:
        return []
    named = [m for m in found if not m.inner and m.via != "coref"]
    out: list[Mention] = []
    for qs, qe in zip(quotes[0::2], quotes[1::2], strict=True):
        after = [m for m in named if qe < m.start <= qe + 8]
        reported = any(t.norm in _SAYS for t in toks[qe + 1 : qe + 12])
        speaker = after[0].actor if after and reported else None
        if speaker is None:
            before = [m for m in named if qs - 8 <= m.start < qs]
            if before and any(t.norm in _SAYS for t in toks[before[-1].end : qs]):
                speaker = before[-1].actor
        if speaker is None:
            continue
        for i in range(qs + 1, qe):
            if i not in taken and toks[i].text.lower() in {"we", "our", "us"} and toks[i].text != "US":
                out.append(Mention(speaker, i, i + 1, "coref", toks[i].text))
    return out


def _antecedent(
    before: list[Mention],
    previous: list[Mention],
    kinds: frozenset[ActorKind],
    g: Gazetteer,
    pronoun: bool,
    head: str = "",
    bare: bool = False,
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
    subject = next((m for m in before if not m.inner), None)
    pool = [
        m
        for m in [*sorted(before, key=lambda m: -m.start), *previous]
        if fits(m) and (subject is None or m.actor != subject.actor)
    ]
    named = next((m for m in pool if head in g.words.get(m.actor, ())), None)
    if named is not None:
        return named.actor
    # "the army" with no army named before: the one actor called "... army" (if there is one);
    # a bare "army positions" refers only to an actor so named
    unique = [a for a, words in g.words.items() if head in words and g.actors[a].kind in kinds]
    if (head in _BARE_HEADS or head in _NAMED_HEADS) and len(unique) == 1 and (bare or not pool):
        return unique[0]
    return pool[0].actor if pool and not bare else None


_NAME_JOINERS = {"of", "al", "el", "ad", "as", "bin", "ibn", "de", "du", "la", "le", "van", "von", "the"}
_NOT_NAMES = {
    "a", "an", "the", "but", "and", "or", "in", "on", "at", "by", "for", "from", "with", "as", "after", "before",
    "while", "when", "since", "although", "though", "it", "its", "they", "their", "he", "she", "his", "her", "we",
    "our", "this", "that", "these", "those", "there", "then", "still", "yet", "meanwhile", "however", "also",
    "earlier", "later", "last", "next", "some", "many", "most", "both", "neither", "each", "no", "not", "if",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "i", "mr", "mrs", "ms", "dr", "gen", "president", "minister", "prime", "foreign", "defence", "defense",
    "spokesman", "spokeswoman", "commander", "officials", "analysts", "sources", "witnesses", "residents",
}


def unmatched_names(sentences: list[Sentence], mentions: list[list[Mention]], g: Gazetteer) -> list[str]:
    """Capitalised names that matched no actor: candidates for actors missing from the scenario.

    Runs of capitalised words (joined by ``of``, ``al-`` and the like) that overlap no
    mention; a lone capitalised word opening a sentence is skipped (it is capitalised
    because it comes first), and so are titles, months and days.
    """
    found: set[str] = set()
    for sent, ms in zip(sentences, mentions, strict=True):
        taken = {i for m in ms for i in range(m.start, m.end)}
        toks = sent.tokens
        i = 0
        while i < len(toks):
            t = toks[i]
            if not (t.is_capitalised and i not in taken and t.norm not in _NOT_NAMES):
                i += 1
                continue
            j = i + 1
            end = i + 1
            while j < len(toks) and j not in taken:
                u = toks[j]
                if u.is_word and u.is_capitalised and u.norm not in _NOT_NAMES:
                    end = j + 1
                elif not ((u.is_word and u.norm in _NAME_JOINERS) or u.norm == "-"):
                    break
                if toks[end - 1].possessive:
                    break
                j += 1
            first_word = not any(x.is_word for x in toks[:i])
            if end - i == 1 and first_word and t.norm not in DEMONYMS:
                i = end
                continue
            name = sent.quote(i, end)
            if not (end - i == 1 and t.norm in g.demonyms):
                found.add(name)
            i = end
    return sorted(found)


def _form(name: str) -> _Form | None:
    toks = [t for t in tokenize(name) if t.is_word]
    if not toks:
        return None
    upper = tuple(t.is_upper and len(t.norm) <= 5 for t in toks)
    return _Form(tuple(t.norm for t in toks), upper)


def _gap_breaks(toks: list[Token], i: int, j: int) -> bool:
    """Whether words ``i`` and ``j`` are separated by more than spaces, hyphens, dots or apostrophes."""
    return any(toks[k].norm not in {"-", "'", "."} for k in range(i + 1, j))
