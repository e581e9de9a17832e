"""alliances.extract._cues: the cue lexicon over a sentence's placeholder form (``@k`` for an actor)."""

from __future__ import annotations

import re

import pytest

from alliances import Stance
from alliances.extract import CUES, find_cues


def cues(placeholder_text: str) -> list[tuple[str, str, bool]]:
    """(family, cue text, negated) of every cue in a sentence given as space-separated units."""
    units = placeholder_text.split()
    starts = [sum(len(u) + 1 for u in units[:i]) for i in range(len(units))]
    return [(c.family.name, c.text, c.negated) for c in find_cues(" ".join(units), starts, units)]


def test_each_family_suggests_its_stance():
    families = {fam.name: fam.stance for _, fam, _ in CUES}
    assert families == {"support": Stance.ALLY, "cooperation": Stance.FRIENDLY, "hostility": Stance.ENEMY,
                        "verbal hostility": Stance.RIVAL, "hedge": Stance.RIVAL}
    for pattern, _, _ in CUES:
        re.compile(pattern)


@pytest.mark.parametrize(("sentence", "want"), [
    ("@0 , backed by @1 , fought @2 .", [("support", "backed by"), ("hostility", "fought")]),
    ("@0 are fighting for @1 against @2 .", [("support", "fighting for"), ("hostility", "against")]),  # longest wins
    ("@0 cooperated closely with @1 .", [("cooperation", "cooperated closely with")]),
    ("@0 accused @1 of lying .", [("verbal hostility", "accused")]),
    ("@0 has largely avoided direct clashes with @1 .", [("hedge", "has largely avoided direct clashes with")]),
    ("the siege of @0 by @1 .", [("hostility", "siege of")]),
])
def test_cues_found_longest_first(sentence, want):
    assert [(f, t) for f, t, _ in cues(sentence)] == want


def test_a_negation_in_the_clause_cancels_a_cue():
    assert cues("@0 denied backing @1 .") == [("support", "backing", True)]
    assert cues("@0 has never fought @1 .") == [("hostility", "fought", True)]
    assert cues("not here , @0 fought @1 .") == [("hostility", "fought", False)]  # another clause
    assert cues("@0 does not seek a war with @1 .")[0][0] == "hedge"  # a hedge is never negated
    assert not cues("@0 does not seek a war with @1 .")[0][2]


def test_actor_modifier_forms_are_not_cues_here():
    assert cues("@0 - backed @1 advanced .") == []  # "Iran-backed militias": read by the proposals
    assert cues("@0 , @1 - backed forces , advanced .") == []


def test_a_warning_against_is_verbal_not_hostile():
    assert cues("@0 warned @1 against pushing on .") == [("verbal hostility", "warned", False)]
