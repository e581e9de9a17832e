"""alliances.extract._proposals: cues between actors to one proposed relation per pair, with evidence.

Checked on hand-annotated texts (tests/data/texts/), on single sentences whose reading
is worked out by hand, and for invariants on random word salad.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import alliances
from alliances import Actor, Stance
from alliances.extract import extract_relations
from tests._paths import SEED
from tests.extract._helpers import ACTORS, CASES, TEXTS, case, stances


def _score(cases=CASES):
    """Precision and recall of the proposed stance over the test texts (exact stance and sign)."""
    proposed = correct = correct_sign = gold = 0
    for name in cases:
        _, _, expected, ex = case(name)
        want = {tuple(sorted(e["pair"])): Stance(e["stance"]) for e in expected["proposals"]}
        gold += len(want)
        for p in ex.proposals:
            proposed += 1
            if p.pair in want:
                correct += p.stance == want[p.pair]
                correct_sign += p.stance.sign == want[p.pair].sign and (p.stance == Stance.AMBIVALENT) == (
                    want[p.pair] == Stance.AMBIVALENT
                )
    return {
        "precision": correct / proposed,
        "recall": correct / gold,
        "sign_precision": correct_sign / proposed,
        "sign_recall": correct_sign / gold,
        "proposed": proposed,
        "gold": gold,
    }


def test_there_are_several_texts_about_different_conflicts():
    assert len(CASES) >= 4
    for name in CASES:
        text = (TEXTS / f"{name}.txt").read_text()
        assert text.count("\n\n") >= 3, f"{name}: several paragraphs"


@pytest.mark.parametrize("name", CASES)
def test_expected_proposals_have_the_annotated_sign(name):
    # precision first: a relation may be left out (see the recall floor), never given the other sign
    _, _, expected, ex = case(name)
    got = {p.pair: p for p in ex.proposals}
    for e in expected["proposals"]:
        pair = tuple(sorted(e["pair"]))
        if pair not in got:
            continue
        want = Stance(e["stance"])
        assert got[pair].stance.sign == want.sign, f"{name}: {pair}"
        assert (got[pair].stance == Stance.AMBIVALENT) == (want == Stance.AMBIVALENT), f"{name}: {pair}"


@pytest.mark.parametrize("name", CASES)
def test_unsupported_pairs_are_not_proposed(name):
    _, _, expected, ex = case(name)
    for pair in expected.get("absent", []):
        assert ex.proposal(*pair) is None, f"{name}: {pair} proposed without support"


@pytest.mark.parametrize("name", CASES)
def test_negated_cues_are_reported_not_flipped(name):
    _, _, expected, ex = case(name)
    for e in expected.get("negated", []):
        pair = tuple(sorted(e["pair"]))
        assert any((n.a, n.b) == pair and n.sentence == e["sentence"] for n in ex.negated), (name, e)
        # the negated cue never supports a proposal for that pair
        p = ex.proposal(*pair)
        negated_cues = {n.cue for n in ex.negated if (n.a, n.b) == pair and n.sentence == e["sentence"]}
        assert p is None or not any(ev.sentence == e["sentence"] and set(ev.cues) & negated_cues for ev in p.evidence)


@pytest.mark.parametrize("name", CASES)
def test_unmatched_names(name):
    _, _, expected, ex = case(name)
    assert list(ex.unmatched) == sorted(expected["unmatched"])


def test_precision_and_recall_floors():
    # the texts the first rules were written from (the corpus in tests/data/corpus is the evaluation)
    score = _score()
    assert score["sign_precision"] >= 0.95, score
    assert score["sign_recall"] >= 0.9, score  # 0.73 after the first clause grammar, 1.00 after the second round
    assert score["sign_precision"] >= score["precision"]


def test_syria_paraphrase_agrees_with_the_seed():
    seed = alliances.load(SEED)
    ex = case("syria_2017")[3]
    assert ex.proposals
    for p in ex.proposals:
        stated = seed.stance(p.a, p.b)
        assert stated is not None, f"{p.pair} is not in the seed"
        assert p.stance == stated, p.pair
    assert ex.proposal("russia", "us_coalition") is None  # left unknown on purpose
    recall = sum(ex.proposal(*r.pair) is not None for r in seed.relations) / len(seed.relations)
    assert recall >= 0.7  # 14 of 18 seed relations (0.75 with the proximity rules, 0.50 after the first clause grammar)


# --------------------------------------------------------------------------- single sentences
def test_coordination_and_parentheticals():
    got = stances("Government forces, backed by their allies Russia and Iran, attacked Islamic State.")
    assert got == {("assad", "iran"): "ally", ("assad", "russia"): "ally", ("assad", "is"): "enemy"}


def test_actor_modifier_forms_inside_and_outside_names():
    assert stances("Iran-backed militias advanced.") == {("iran", "militias"): "ally"}
    assert stances("Russia-backed government forces advanced.") == {("assad", "russia"): "ally"}
    assert stances("The anti-IS US-backed forces advanced.") == {("is", "us"): "enemy"}


def test_prepositions_bind_the_subject():
    # "for" and "against" both belong to the subject; Damascus-IS is not stated, so not proposed
    got = stances("Iran-backed militias are fighting for Damascus against Islamic State.")
    assert got == {("iran", "militias"): "ally", ("assad", "militias"): "ally", ("is", "militias"): "enemy"}


def test_reciprocal_cues_relate_actors_named_together():
    assert stances("Rebels and Islamic State clashed near the town.") == {("is", "rebels"): "enemy"}
    assert stances("There were clashes between Moscow and the United States.") == {("russia", "us"): "enemy"}


def test_verbal_hostility_is_rival():
    assert stances("Moscow accused Washington of lying.", ACTORS + [Actor("w", "Washington", "state")]) == {
        ("russia", "w"): "rival"
    }


def test_hedges_soften_hostility_to_rival():
    text = "Government forces clashed with US-backed forces. The coalition does not seek a war with Damascus."
    assert stances(text) == {("assad", "us"): "rival"}
    assert stances("Russia has largely avoided direct clashes with the United States.") == {("russia", "us"): "rival"}


def test_negation_never_flips_a_stance():
    ex = extract_relations("Iran denied backing the rebels. Russia has never fought Islamic State.", ACTORS)
    assert ex.proposals == ()
    assert [(n.a, n.b, n.cue) for n in ex.negated] == [("iran", "rebels", "backing"), ("is", "russia", "fought")]


def test_conflicting_cues_give_ambivalent_with_evidence_for_each_reading():
    ex = extract_relations("Rebels fought alongside Islamic State. Later Islamic State attacked the rebels.", ACTORS)
    (p,) = ex.proposals
    assert p.stance == Stance.AMBIVALENT
    assert [(e.sentence, e.readings) for e in p.evidence] == [(1, ("support",)), (2, ("hostility",))]


def test_confidence_grows_with_sentences_and_directness():
    one = extract_relations("Russia attacked Islamic State.", ACTORS).proposals[0].confidence
    two = extract_relations("Russia attacked Islamic State. Russia bombed Islamic State.", ACTORS).proposals[0]
    coref = extract_relations("Islamic State held the town. Russia bombed the group.", ACTORS).proposals[0]
    assert coref.confidence < one < two.confidence <= 1.0
    assert [e.sentence for e in two.evidence] == [1, 2]


def test_json_shape_is_exactly_as_documented():
    ex = extract_relations("Russia backed Damascus against Islamic State. The town of Palmyra fell.", ACTORS)
    data = json.loads(json.dumps(ex.to_dict()))
    assert set(data) == {"proposals", "unclear", "unmatched"}
    for p in data["proposals"]:
        assert set(p) == {"a", "b", "stance", "confidence", "alleged", "evidence"}
        assert p["a"] < p["b"]
        for e in p["evidence"]:
            assert set(e) == {"sentence", "text", "hedge"}
    assert [(p["a"], p["b"]) for p in data["proposals"]] == sorted((p["a"], p["b"]) for p in data["proposals"])
    assert data["unmatched"] == ["Palmyra"]


# --------------------------------------------------------------------------- invariants on random text

_WORDS = [
    "Russia", "Russia's", "Russian", "Iran", "Iran-backed", "militias", "Damascus", "Islamic", "State", "IS", "is",
    "the", "group", "they", "rebels", "U.S.-led", "coalition", "backed", "by", "fought", "against", "alongside",
    "accused", "not", "never", "denied", "and", "allies", "clashed", "with", "between", "siege", "of", "does",
    "seek", "a", "war", "avoided", "clashes", ",", ",", ".", ".", ";", "\n\n", "Palmyra", "anti-IS", "while",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=60))
def test_invariants_on_random_text(words):
    text = " ".join(words)
    ex = extract_relations(text, ACTORS)
    assert ex == extract_relations(text, ACTORS)  # deterministic
    pairs = [p.pair for p in ex.proposals]
    assert pairs == sorted(set(pairs))
    numbers = {s.number: s.text for s in ex.sentences}
    assert list(numbers) == list(range(1, len(numbers) + 1))
    for p in ex.proposals:
        assert p.a < p.b
        assert 0.0 < p.confidence <= 1.0
        assert [e.sentence for e in p.evidence] == sorted({e.sentence for e in p.evidence})
        for e in p.evidence:
            assert numbers[e.sentence] == e.text
        readings = {r for e in p.evidence for r in e.readings}
        positive = bool(readings & {"support", "cooperation"})
        negative = bool(readings & {"hostility", "verbal hostility", "hedge"})
        assert (p.stance == Stance.AMBIVALENT) == (positive and negative)
        if p.stance != Stance.AMBIVALENT:
            assert p.stance.sign == (1 if positive else -1)
    json.dumps(ex.to_dict(), allow_nan=False)


def test_proposal_kind_and_dict():
    (p,) = extract_relations("Russia backed Damascus. Russia praised Damascus.", ACTORS).proposals
    assert (p.a, p.b, p.stance) == ("assad", "russia", Stance.ALLY)  # support wins over cooperation: ally
    assert [e.readings for e in p.evidence] == [("support",), ("cooperation",)]
    assert p.confidence == round(1 - 0.4 * (1 - 0.6 * 0.8), 2)  # two direct sentences; praise has strength 0.8
    assert p.to_dict()["evidence"] == [{"sentence": 1, "text": "Russia backed Damascus.", "hedge": None},
                                       {"sentence": 2, "text": "Russia praised Damascus.", "hedge": None}]


def test_actors_as_a_network_a_mapping_or_a_list():
    net = alliances.load(SEED)
    text = "Russia bombed Islamic State near Raqqa."
    by_net = extract_relations(text, net)
    by_map = extract_relations(text, dict(net.actors))
    by_list = extract_relations(text, list(net.actors.values()))
    assert by_net.proposals == by_map.proposals == by_list.proposals
    # a network's theater names are not reported as unmatched; a bare list of actors has none
    assert by_net.unmatched == () and by_list.unmatched == ("Raqqa",)


# --------------------------------------------------------------------------- the cases (#17)
_P = [Actor("p", "Pax", "state"), Actor("q", "Quor", "state"), Actor("x", "Xan", "armed_group"),
      Actor("y", "Yel", "state"), Actor("z", "Zed", "armed_group")]


def test_backers_in_an_apposition_bind_to_their_head_not_to_its_enemy():
    got = stances("Xan, backed by allies Pax and Quor, attacked Yel.", _P)
    assert got == {("p", "x"): "ally", ("q", "x"): "ally", ("x", "y"): "enemy"}


def test_a_helper_sides_with_the_subject_against_its_object():
    got = stances("Xan overran Yel positions with the help of Pax.", _P)
    assert got == {("x", "y"): "enemy", ("p", "x"): "ally", ("p", "y"): "enemy"}


def test_compound_modifiers_and_including_lists():
    assert stances("Pax-backed Xan attacked Yel.", _P) == {("p", "x"): "ally", ("x", "y"): "enemy"}
    assert stances("The Yel-led Quor advanced.", [*_P[:3], Actor("q", "Quor", "coalition"), _P[3]]) == {
        ("q", "y"): "ally"}


def test_an_accusation_by_a_group_against_a_state_is_rival_and_its_content_alleged():
    ex = extract_relations("Xan accused Pax of arming Zed. Pax denies it.", _P)
    assert ex.proposal("p", "x").stance == Stance.RIVAL and not ex.proposal("p", "x").alleged
    arming = ex.proposal("p", "z")
    assert arming.stance == Stance.ALLY and arming.alleged
    assert arming.evidence[0].hedge == "accused ... of"
    assert arming.confidence == 0.3  # half of a direct sentence


def test_a_denial_never_yields_a_positive_tie_and_hedges_lower_confidence():
    ex = extract_relations("Pax denied arming Zed.", _P)
    assert ex.proposals == () and [(n.a, n.b) for n in ex.negated] == [("p", "z")]
    plain = extract_relations("Zed received drones from Pax.", _P).proposal("p", "z")
    hedged = extract_relations("Zed reportedly received drones from Pax.", _P).proposal("p", "z")
    assert plain.stance == hedged.stance == Stance.ALLY
    assert hedged.confidence < plain.confidence and hedged.evidence[0].hedge == "reportedly"


def test_ambivalent_only_when_both_are_stated_plainly():
    both = extract_relations("Pax fought alongside Xan. Pax attacked Xan.", _P).proposal("p", "x")
    assert both.stance == Stance.AMBIVALENT
    ex = extract_relations("Pax attacked Xan. Pax reportedly backed Xan.", _P)
    assert ex.proposal("p", "x").stance == Stance.ENEMY  # the hedged support does not make it ambivalent
    assert [(u.sentence, u.reason) for u in ex.unclear] == [(2, "conflicts with a stronger statement on p and x")]


def test_unclear_sentences_are_listed_apart_from_proposals():
    ex = extract_relations("Pax and Xan, near Yel, were bombed.", _P)
    assert ex.proposals == ()
    data = ex.to_dict()
    assert data["proposals"] == [] and data["unclear"] == [
        {"sentence": 1, "text": "Pax and Xan, near Yel, were bombed.", "reason": "'bombed': no clear pair of actors it relates"}]


def test_a_subject_far_from_its_verb_and_it():
    got = stances("Xan, which was founded in 2011 in the hills near the border, attacked Yel.", _P)
    assert got == {("x", "y"): "enemy"}
    assert stances("Pax said it had shelled Zed.", _P) == {("p", "z"): "enemy"}



def test_the_lexicon_is_compiled_once_for_every_call_with_it(monkeypatch):
    # compiling the ~900 cue patterns is most of a short text's cost: a misplaced decorator once
    # made every call compile them again (a 1,000-word article went from 24 ms to 142 ms)
    from alliances.extract import _proposals, loads_cues

    built = []
    matcher = _proposals.CueMatcher
    monkeypatch.setattr(_proposals, "CueMatcher", lambda lexicon: built.append(lexicon) or matcher(lexicon))
    _proposals._matcher.cache_clear()
    lexicon = loads_cues("version: 1\ncues:\n  - family: hostility\n    role: verb\n    phrases: [glowered at]\n")
    for _ in range(3):
        extract_relations("Russia glowered at Iran.", ACTORS, cues=lexicon)
        extract_relations("Iran is arming Hezbollah.", ACTORS)
    assert len(built) == 2  # the given lexicon's and the built-in one's, once each
