"""alliances.extract._sentences: tokens with their offsets, and sentences numbered across paragraphs."""

from __future__ import annotations

from alliances.extract import split_sentences, tokenize


def test_tokens_keep_offsets_and_normalise():
    text = "U.S.-led strikes hit Russia’s allies."
    toks = tokenize(text)
    assert [t.norm for t in toks] == ["us", "-", "led", "strikes", "hit", "russia", "allies", "."]
    assert all(text[t.start:t.end] == t.text for t in toks)
    assert toks[5].possessive and toks[5].text == "Russia’s"
    assert [t.start for t in tokenize("a b", offset=10)] == [10, 12]


def test_capitals_ignore_a_possessive():
    gna, is_, verb = tokenize("GNA's IS is")
    assert gna.is_upper and gna.possessive and is_.is_upper and not verb.is_upper
    assert gna.is_capitalised and not verb.is_capitalised


def test_typographic_punctuation_is_normalised():
    assert [t.norm for t in tokenize("“Damascus” – ‘no’")] == ['"', "damascus", '"', "-", "'", "no", "'"]


def test_sentences_are_numbered_from_one_across_paragraphs():
    sents = split_sentences("Gen. Ali met U.S. envoys. They left.\n\nA new paragraph? Yes.")
    assert [(s.number, s.paragraph, s.text) for s in sents] == [
        (1, 1, "Gen. Ali met U.S. envoys."), (2, 1, "They left."), (3, 2, "A new paragraph?"), (4, 2, "Yes."),
    ]


def test_windows_line_ends_still_separate_paragraphs():
    sents = split_sentences("First line\r\n\r\nsecond paragraph")
    assert [(s.paragraph, s.text) for s in sents] == [(1, "First line"), (2, "second paragraph")]


def test_no_break_after_initials_months_or_lower_case():
    sents = split_sentences("J. Smith arrived on Jan. 5 in the town. it rained. \"Go,\" he said. Then it ended.")
    assert [s.text for s in sents] == [
        "J. Smith arrived on Jan. 5 in the town. it rained.", '"Go," he said.', "Then it ended."]


def test_a_dotted_abbreviation_ends_a_sentence_before_a_capital():
    sents = split_sentences("The strikes were condemned by the U.S. The Kremlin said nothing. Troops left at 5 p.m. Monday.")
    assert [s.text for s in sents] == [
        "The strikes were condemned by the U.S.", "The Kremlin said nothing.", "Troops left at 5 p.m. Monday."]


def test_quote_collapses_whitespace_of_the_original():
    (s,) = split_sentences("Russia  backed\n  the   rebels.")
    assert s.text == "Russia backed the rebels."
    assert s.quote(1, 4) == "backed the rebels" and s.raw.startswith("Russia  backed")
    assert split_sentences("") == [] and split_sentences(" \n\n ") == []
