"""Actor mentions by name: names and aliases, demonyms, possessives, surnames.

A :class:`Gazetteer` is built from the actors of a scenario. Matching is tolerant of
case and punctuation (``U.S.-led coalition`` matches the alias ``US-led coalition``,
``Russia's`` matches ``Russia``), except that a short alias written in capitals
(``IS``, ``US``) only matches capitals, so the verb "is" never becomes Islamic State.
At each position the longest name wins. A demonym (``Russian warplanes``) counts as
the actor whose name or alias is the country; the built-in table is extended by the
actors' own aliases and by an explicit ``demonyms`` mapping.

An alias that is a person's name is also found by its surname (after a title, after
the full name, or alone when long enough), and an alias ending in a force noun by its
siblings (``federal troops`` for ``federal government``). Coreference (``the group``,
``it``) is :mod:`._coref`'s.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from .._records import Actor, ActorKind
from ._sentences import CALENDAR_NAMES, Sentence, Token, dateline_end, tokenize

__all__ = ["DEMONYMS", "TITLES", "Gazetteer", "Mention", "named_mentions", "unmatched_names"]

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
_PREFIX_HEADS = {"troops", "forces", "fighters", "soldiers", "base", "bases", "positions", "convoy", "convoys",
                 "peacekeepers", "units", "militants", "patrol", "patrols", "outpost", "camp", "jets", "drones"}
_FORCE_NOUNS = ("army", "forces", "force", "troops", "military", "soldiers")
_SURNAME_MIN = 6  # letters a surname needs to be a mention without a title or an earlier full mention


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
                short = _short_state_form(form)
                if short is not None and all(a != actor.id for _, a in self.forms.get(short.words, [])):
                    # "Congo" for "Democratic Republic of Congo": the name a text uses for the state
                    self.forms.setdefault(short.words, []).append((short, actor.id))
                    names.setdefault(" ".join(short.words), set()).add(actor.id)
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
        self.prefixes: dict[tuple[str, ...], str] = {}
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
        # the first words of a name of three words or more, when they start no other actor's name
        starts: dict[tuple[str, ...], set[str]] = {}
        for words, bucket in self.forms.items():
            for n in range(2, len(words)):
                starts.setdefault(words[:n], set()).update(a for _, a in bucket)
            if len(words) == 2 and words[1] in _GENERIC_HEADS and words[0] not in _ORG_WORDS:
                # "SADC troops" for "SADC mission": the distinctive word of a two-word name (with a force after it)
                starts.setdefault(words[:1], set()).update(a for _, a in bucket)
        self.prefixes = {p: next(iter(ids)) for p, ids in starts.items() if len(ids) == 1 and p not in self.forms
                         and not any(w in _FORCE_NOUNS or w in _NAME_JOINERS for w in p[-1:])}

    @property
    def government(self) -> str | None:
        """The actor ``government troops`` or ``security forces`` name when the scenario says which, else None.

        The one state whose name or aliases call it a government (``Congolese government``,
        ``federal government``), else the scenario's only state; with several states and no
        single government among them (or two: ``military government``, ``shadow government``)
        nobody is meant for sure.

        Examples
        --------
        >>> Gazetteer([Actor("y", "Yel", "state"), Actor("x", "Xan", "armed_group")]).government
        'y'
        >>> Gazetteer([Actor("p", "Pax", "state"), Actor("y", "Yel", "state")]).government is None
        True
        """
        states = sorted(a.id for a in self.actors.values() if a.kind == ActorKind.STATE)
        called = [a for a in states if "government" in self.words.get(a, ())]
        if called:
            return called[0] if len(called) == 1 else None
        return states[0] if len(states) == 1 else None

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

    def _prefix_at(self, toks: list[Token], word_idx: list[int], w: int, stop: int) -> tuple[int, str, str] | None:
        """``African Union`` for the name ``African Union mission``: the capitalised start of one actor's name,
        when its forces or a place of theirs follow (``African Union troops``, ``an African Union base``;
        not ``United Nations experts``, not ``Myanmar National League``)."""
        for n in range(min(self.max_len - 1, stop - w), 0, -1):
            idx = word_idx[w : w + n]
            span = [toks[i] for i in idx]
            owner = self.prefixes.get(tuple(t.norm for t in span))
            if owner is None or not all(t.is_capitalised for t in span):
                continue
            if any(_gap_breaks(toks, idx[k], idx[k + 1]) for k in range(n - 1)):
                continue
            nxt = toks[word_idx[w + n]] if w + n < len(word_idx) else None
            if nxt is not None and nxt.norm in _PREFIX_HEADS and not _gap_breaks(toks, idx[-1], word_idx[w + n]):
                return n, owner, "name"
        return None

    def match_at(self, toks: list[Token], word_idx: list[int], w: int, limit: int | None = None) -> tuple[int, str, str] | None:
        """The longest actor name starting at the ``w``-th word: (words, actor id, via) or None.

        ``toks`` are a sentence's tokens, ``word_idx`` the indices of its words; a name
        may not run past word ``limit`` (exclusive).
        """
        stop = len(word_idx) if limit is None else limit
        first = toks[word_idx[w]].norm
        if first not in self.first_words and first not in self.demonyms and first not in self.demonym_starts:
            return None
        prefix = self._prefix_at(toks, word_idx, w, stop)
        for n in range(min(self.max_len, stop - w), 0, -1):
            if prefix is not None and n < prefix[0]:
                return prefix
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
        if prefix is not None:
            return prefix
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


def named_mentions(sent: Sentence, g: Gazetteer, seen: AbstractSet[str] = frozenset()) -> list[Mention]:
    """Actors named in a sentence (longest match first), with actors named inside another's name.

    Parameters
    ----------
    sent : Sentence
    g : Gazetteer
    seen : set of str, optional
        Actors named earlier in the text: a person's surname alone then refers to them.

    Returns
    -------
    list of Mention
        Sorted by position; ``inner`` mentions (``Iran`` in ``Iran-backed militias``) after their host.

    Examples
    --------
    >>> from alliances.extract import split_sentences
    >>> g = Gazetteer([Actor("iran", "Iran"), Actor("m", "Iran-backed militias")])
    >>> [(m.actor, m.text, m.inner) for m in named_mentions(split_sentences("Iran-backed militias fired.")[0], g)]
    [('m', 'Iran-backed militias', False), ('iran', 'Iran', True)]
    """
    toks = list(sent.tokens)
    dateline = dateline_end(toks)
    word_idx = [i for i, t in enumerate(toks) if t.is_word and i >= dateline]
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


_NAME_JOINERS = {"of", "al", "el", "ad", "as", "bin", "ibn", "de", "du", "la", "le", "van", "von", "the"}
_NOT_NAMES = {
    "a", "an", "the", "but", "and", "or", "in", "on", "at", "by", "for", "from", "with", "as", "after", "before",
    "while", "when", "since", "although", "though", "it", "its", "they", "their", "he", "she", "his", "her", "we",
    "our", "this", "that", "these", "those", "there", "then", "still", "yet", "meanwhile", "however", "also",
    "earlier", "later", "last", "next", "some", "many", "most", "both", "neither", "each", "no", "not", "if",
    "i", "mr", "mrs", "ms", "dr", "gen", "president", "minister", "prime", "foreign", "defence", "defense",
    "spokesman", "spokeswoman", "commander", "officials", "analysts", "sources", "witnesses", "residents",
    # a question's first word ("Is Iran arming Russia?") and its answer
    "is", "are", "was", "were", "did", "does", "do", "has", "have", "had", "will", "would", "can", "could", "yes",
    "should", "who", "what", "why", "how", "where", "which",
} | CALENDAR_NAMES


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
        i = dateline_end(toks)  # "KHARTOUM, May 14 (Wire) -": where the story was filed
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


def _short_state_form(form: _Form) -> _Form | None:
    """``congo`` for ``democratic republic of congo``, ``iran`` for ``islamic republic of iran``: the words after
    ``republic of`` (``kingdom of``...) that end a state's formal name, or None."""
    words = form.words
    for k in range(len(words) - 2):
        if words[k] in _STATE_HEADS and words[k + 1] == "of" and len(words) - k - 2 <= 2:
            return _Form(words[k + 2 :], form.upper[k + 2 :])
    return None


_STATE_HEADS = {"republic", "kingdom", "emirate", "sultanate", "federation", "principality", "commonwealth"}
_GENERIC_HEADS = {"mission", "force", "forces", "government", "administration", "movement", "coalition", "militia",
                  "militias", "army"}


def _gap_breaks(toks: list[Token], i: int, j: int) -> bool:
    """Whether words ``i`` and ``j`` are separated by more than spaces, hyphens, dots or apostrophes."""
    return any(toks[k].norm not in {"-", "'", "."} for k in range(i + 1, j))
