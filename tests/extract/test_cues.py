"""alliances.extract._cues and ._lexicon: the cue lexicon as data, and finding its cues in a sentence."""

from __future__ import annotations

import re

import pytest

from alliances import Actor, Stance
from alliances.extract import (
    FAMILIES,
    ROLES,
    CueLexiconError,
    CueMatcher,
    default_cues,
    extract_relations,
    find_cues,
    load_cues,
    loads_cues,
    phrase_pattern,
)


def cues(placeholder_text: str) -> list[tuple[str, str, bool]]:
    """(family, cue text, negated) of every cue in a sentence given as space-separated units."""
    return [(c.family.name, c.text, c.negated) for c in find_cues(placeholder_text.split())]


def test_each_family_suggests_its_stance_and_every_entry_is_valid():
    assert {f.name: f.stance for f in FAMILIES.values()} == {
        "support": Stance.ALLY, "cooperation": Stance.FRIENDLY, "hostility": Stance.ENEMY,
        "verbal hostility": Stance.RIVAL, "restraint": Stance.RIVAL}
    lex = default_cues()
    assert len(lex.entries) > 300
    for e in lex.entries:
        assert e.role in ROLES and 0 < e.strength <= 1
        re.compile(e.pattern)
    assert {"not", "never"} <= set(lex.negations) and "reportedly" in lex.hedges and "denied" in lex.denials


@pytest.mark.parametrize(("sentence", "want"), [
    ("@0 , backed by @1 , fought @2 .", [("support", "backed by"), ("hostility", "fought")]),
    ("@0 are fighting for @1 against @2 .", [("support", "fighting for"), ("hostility", "against")]),  # longest wins
    ("@0 cooperated with @1 .", [("cooperation", "cooperated with")]),
    ("@0 accused @1 of lying .", [("verbal hostility", "accused")]),
    ("@0 has largely avoided direct clashes with @1 .", [("restraint", "avoided direct clashes with")]),
    ("the siege of @0 by @1 .", [("hostility", "siege of")]),
    ("@0 received drones and armoured vehicles from @1 .", [("support", "received drones and armoured vehicles from")]),
])
def test_cues_found_longest_first(sentence, want):
    assert [(f, t) for f, t, _ in cues(sentence)] == want


def test_a_negation_in_the_clause_cancels_a_cue():
    assert cues("@0 denied backing @1 .") == [("support", "backing", True)]
    assert cues("@0 has never fought @1 .") == [("hostility", "fought", True)]
    assert cues("not here , @0 fought @1 .") == [("hostility", "fought", False)]  # another clause
    assert cues("@0 refused to send weapons to @1 .") == [("support", "send weapons to", True)]
    restraint = cues("@0 does not seek a war with @1 .")
    assert restraint == [("restraint", "does not seek a war with", False)]  # a restraint cue is never negated


def test_modifiers_only_after_a_hyphen():
    assert cues("@0 - backed @1 advanced .") == [("support", "backed", False)]
    assert [c.role for c in find_cues("@0 - backed @1 advanced .".split())] == ["modifier"]
    assert cues("@0 backed @1 .") == [("support", "backed", False)]
    assert [c.role for c in find_cues("@0 backed @1 .".split())] == ["verb"]


def test_a_warning_against_is_verbal_not_hostile():
    assert cues("@0 warned @1 against pushing on .") == [("verbal hostility", "warned", False)]


def test_phrase_syntax():
    assert re.fullmatch(phrase_pattern("cooperat* with"), "cooperating with")
    assert re.fullmatch(phrase_pattern("fired ... at"), "fired two rockets at")
    assert re.fullmatch(phrase_pattern("fired ... at"), "fired at")
    assert not re.fullmatch(phrase_pattern("fired ... at"), "fired , then at")  # no gap across punctuation


def test_markers_are_found_as_phrases():
    m = CueMatcher().markers("@0 reportedly backed @1 , according to @2 , which @1 denies .".split())
    assert [t for _, _, t in m.hedges] == ["reportedly", "according to"]
    assert [t for _, _, t in m.denials] == ["denies"]


def test_a_reversal_cancels_a_noun_phrase_cue_after_it_not_a_verb(tmp_path):
    m = CueMatcher()
    assert [(c.text, c.negated) for c in m.cues("@0 halted military aid to @1 .".split())] == [("military aid to", True)]
    assert [(c.text, c.negated) for c in m.cues("@0 halted and attacked @1 .".split())] == [("attacked", False)]
    # a user's reversals are added to the built-in ones
    path = tmp_path / "cues.yaml"
    path.write_text("cues: []\nmarkers:\n  reversals: [mothballed]\n", encoding="utf-8")
    lex = default_cues().extended(load_cues(path))
    assert "mothballed" in lex.reversals and "halted" in lex.reversals
    assert [c.negated for c in CueMatcher(lex).cues("@0 mothballed its alliance with @1 .".split())] == [True]


def test_a_user_lexicon_adds_cues_and_replaces_a_phrase(tmp_path):
    path = tmp_path / "cues.yaml"
    path.write_text(
        "version: 1\n"
        "markers:\n  hedges: [purportedly]\n"
        "cues:\n"
        "  - family: hostility\n    role: verb\n    phrases: [torpedoed]\n"
        "  - family: cooperation\n    role: verb\n    strength: 0.5\n    phrases: [backed]\n",
        encoding="utf-8",
    )
    actors = [Actor("a", "Alpha"), Actor("b", "Beta")]
    assert extract_relations("Alpha torpedoed Beta.", actors).proposals == ()
    (p,) = extract_relations("Alpha torpedoed Beta.", actors, cues=path).proposals
    assert p.stance == Stance.ENEMY
    (q,) = extract_relations("Alpha backed Beta.", actors, cues=load_cues(path)).proposals
    assert q.stance == Stance.FRIENDLY and q.confidence == 0.3  # the user's entry replaced the built-in one


def test_lexicon_errors_all_at_once_with_their_lines(tmp_path):
    text = (
        "cues:\n"
        "  - family: hostile\n    role: verb\n    phrases: [hit]\n"  # line 2: unknown family
        "  - family: support\n    role: verbs\n    phrases: [held]\n"  # line 5: unknown role
        "  - family: support\n    role: verb\n    strength: 2\n    phrases: [aided]\n"  # line 10: strength
        "  - family: support\n    role: verb\n    phrases: [aided]\n"  # line 14: listed twice
        "  - family: support\n    role: verb\n    pattern: 'aid(('\n"  # line 17: bad regex
        "  - family: support\n    role: verb\n    colour: red\n    phrases: [x]\n"  # line 20: unknown field
    )
    with pytest.raises(CueLexiconError) as info:
        loads_cues(text, "my.yaml")
    lines = str(info.value).splitlines()
    assert lines[0].startswith("my.yaml:2: unknown cue family 'hostile'") and "did you mean 'hostility'" in lines[0]
    assert any(line.startswith("my.yaml:6: unknown cue role 'verbs'") for line in lines)
    assert any(line.startswith("my.yaml:10: strength 2 is out of range") for line in lines)
    assert any(line.startswith("my.yaml:14: phrase 'aided' is listed twice (first at line 11)") for line in lines)
    assert any(line.startswith("my.yaml:17: pattern 'aid((' is not a regular expression") for line in lines)
    assert any(line.startswith("my.yaml:20: unknown field 'colour'") for line in lines)
    with pytest.raises(CueLexiconError, match="anchor"):
        loads_cues("cues: &x []\n")
    with pytest.raises(CueLexiconError, match="no such file"):
        load_cues(tmp_path / "missing.yaml")
