"""alliances.extract._mentions: actors named in a text, by name, alias, demonym and coreference."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from alliances import Actor
from alliances.extract import Gazetteer, extract_relations, find_mentions, split_sentences, unmatched_names
from tests.extract._helpers import ACTORS


def mentions(text, actors=ACTORS, **kw):
    sentences = split_sentences(text)
    return [[(m.actor, m.text, m.via) for m in ms] for ms in find_mentions(sentences, Gazetteer(actors, **kw))]


def test_mentions_tolerate_case_and_punctuation():
    got = mentions("The U.S.-led coalition and Russia's jets hit DAMASCUS and US-LED COALITION units.")[0]
    assert [(a, t) for a, t, _ in got] == [
        ("us", "U.S.-led coalition"), ("russia", "Russia's"), ("assad", "DAMASCUS"), ("us", "US-LED COALITION")
    ]


def test_longest_match_wins_and_capital_aliases_need_capitals():
    got = mentions("Syrian rebels said this is Islamic State, not IS alone.")[0]
    assert [a for a, _, _ in got] == ["rebels", "is", "is"]  # "Syrian rebels" not "rebels"; "is" is a verb


def test_an_actor_named_inside_another_name():
    (ms,) = find_mentions(split_sentences("Iran-backed militias advanced."), Gazetteer(ACTORS))
    assert [(m.actor, m.text, m.inner) for m in ms] == [("militias", "Iran-backed militias", False),
                                                        ("iran", "Iran", True)]


def test_demonyms_and_possessives_count_as_the_actor():
    got = [m for ms in mentions("Russian warplanes and Iran's commander arrived; American envoys left.") for m in ms]
    assert [(a, v) for a, _, v in got] == [("russia", "demonym"), ("iran", "name"), ("us", "demonym")]


def test_demonym_table_is_extended_by_aliases_and_the_argument():
    actors = [Actor("sdf", "Syrian Democratic Forces", "armed_group"), Actor("tk", "Ankara", "state",
                                                                          aliases=("Turkey",))]
    got = mentions("Kurdish fighters shelled Turkish posts.", actors, demonyms={"Kurdish": "sdf"})[0]
    assert [a for a, _, _ in got] == ["sdf", "tk"]


def test_coreference_to_the_actor_named_just_before():
    got = mentions(
        "Damascus sent troops. Islamic State overran rebel positions. The militants then shelled the army. "
        "Rebels regrouped. They attacked Damascus."
    )
    assert ("is", "The militants", "coref") in got[2]
    assert ("assad", "the army", "coref") in got[2]
    assert got[4][0] == ("rebels", "They", "coref")


def test_they_looks_no_further_than_the_previous_sentence_of_the_paragraph():
    got = mentions("Rebels regrouped.\n\nThey attacked.")
    assert got[1] == []  # a new paragraph: no antecedent


def test_unmatched_capitalised_names_are_reported():
    sentences = split_sentences("Russia backed the Wagner Group near Palmyra. Kurdish fighters held Raqqa.")
    g = Gazetteer(ACTORS)
    assert unmatched_names(sentences, find_mentions(sentences, g), g) == ["Kurdish", "Palmyra", "Raqqa", "Wagner Group"]
    ex = extract_relations("Russia backed the Wagner Group near Palmyra. Kurdish fighters held Raqqa.", ACTORS)
    assert ex.unmatched == ("Kurdish", "Palmyra", "Raqqa", "Wagner Group")


def test_surnames_after_a_title_or_an_earlier_full_name_and_inserted_words():
    actors = [Actor("saf", "Sudanese Armed Forces", "state", aliases=("Sudanese army", "Abdel Fattah al-Burhan")),
              Actor("hou", "Houthi movement", "armed_group"), Actor("wag", "Wagner", "armed_group",
                                                                   aliases=("Yevgeny Prigozhin",))]
    got = mentions("Gen. Burhan met Sudan's army. The Houthi rebel movement and Prigozhin left. Orban spoke.", actors)
    assert [(a, t) for a, t, _ in got[0]] == [("saf", "Burhan"), ("saf", "Sudan's army")]
    assert [(a, t) for a, t, _ in got[1]] == [("hou", "Houthi rebel movement"), ("wag", "Prigozhin")]
    # a short surname alone is no mention (no title, no earlier full name)
    short = [Actor("x", "X Front", "armed_group", aliases=("Ali Bey",))]
    assert mentions("Bey left. Gen. Bey returned.", short) == [[], [("x", "Bey", "name")]]


def test_it_and_its_refer_to_the_subject_not_to_a_modifier():
    got = mentions("The Iran-backed militias said it would fight.", ACTORS)
    assert ("militias", "it", "coref") in got[0]


def test_a_state_is_found_by_the_short_form_of_its_formal_name_and_its_demonym():
    actors = [Actor("drc", "Democratic Republic of Congo", "state"), Actor("m23", "M23", "armed_group")]
    got = mentions("Congo and the M23 met. Congolese troops left.", actors)
    assert [(a, t) for a, t, _ in got[0]] == [("drc", "Congo"), ("m23", "M23")]
    assert [(a, t) for a, t, _ in got[1]] == [("drc", "Congolese")]
    # a name that is not a formal state name has no short form
    assert mentions("Congo left.", [Actor("c", "Congo River Alliance", "coalition")]) == [[]]


def test_a_two_word_name_is_found_by_its_distinctive_word_before_a_force_noun():
    actors = [Actor("sadc", "SADC mission", "international_org"), Actor("m23", "M23", "armed_group")]
    assert [a for a, _, _ in mentions("SADC troops fought the M23.", actors)[0]] == ["sadc", "m23"]
    # not alone, and not before any noun: "SADC summit" is no mention of the mission
    assert [a for a, _, _ in mentions("The SADC summit condemned the M23.", actors)[0]] == ["m23"]


_WORDS = ["Sudan", "Sudanese", "South", "Port", "Republic", "of", "Congo", "Congolese", "Democratic", "army",
          "forces", "United", "States", "American", "government", "Niger", "Nigeria", "Nigerian", "Mali", "Malian"]


@given(st.lists(st.tuples(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4),
                          st.sampled_from(["state", "armed_group"])), min_size=1, max_size=6))
@example([(["United", "States", "forces"], "state"), (["Sudanese", "army"], "state")])  # a two-word country
@example([(["the", "Republic", "of", "Congo"], "state"), (["Congolese", "army"], "state")])  # two states: nobody
def test_country_states_are_the_countries_exactly_one_state_names(specs):
    # brute force: a country (its name or demonym, as words) belongs to the states with a name holding those words
    # as a run; it is given to the one such state, and to nobody when there are several or none
    from alliances.extract import DEMONYMS, country_states, tokenize

    actors = [Actor(f"a{i}", " ".join(words), kind) for i, (words, kind) in enumerate(specs)]
    g = Gazetteer(actors)
    expected: dict[tuple[str, ...], str] = {}
    for demonym, country in DEMONYMS.items():
        keys = (tuple(t.norm for t in tokenize(country) if t.is_word), tuple(demonym.split()))
        owners = {a for words, bucket in g.forms.items() for _, a in bucket if g.actors[a].kind == "state"
                  and any(words[i : i + len(k)] == k for k in keys for i in range(len(words) - len(k) + 1))}
        if len(owners) == 1:
            expected.update(dict.fromkeys(keys, owners.pop()))
    assert country_states(g) == expected
