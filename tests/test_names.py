"""Actors by any name: id, name, label or alias, case and spacing aside (alliances._names)."""

from __future__ import annotations

import random

import pytest

import alliances
from alliances import Actor, AllianceNetwork, AmbiguousActorError, Relation, UnknownActorError
from alliances._names import ActorNames, normalise_name
from tests._paths import SEED


@pytest.fixture(scope="module")
def seed():
    return alliances.load(SEED)


@pytest.mark.parametrize(("name", "expected"), [
    ("us_coalition", "us_coalition"),      # id
    ("US-led coalition", "us_coalition"),  # name
    ("US coalition", "us_coalition"),      # label
    ("Washington", "us_coalition"),        # alias
    ("  us   COALITION ", "us_coalition"),  # case and spacing
    ("DAMASCUS", "assad"),
    ("Assad", "assad"),
    ("IS", "islamic_state"),               # label and alias of one actor: not ambiguous
    ("daesh", "islamic_state"),
])
def test_resolve_every_kind_of_name(seed, name, expected):
    assert seed.resolve(name) == expected
    assert seed.actor(name).id == expected


def test_misspelt_name_suggests_from_names_labels_and_aliases(seed):
    with pytest.raises(UnknownActorError, match=r"unknown actor 'Damaskus' \(did you mean 'Damascus'\?\)"):
        seed.resolve("Damaskus")
    with pytest.raises(UnknownActorError, match=r"unknown actor 'Hezbolah' \(did you mean 'Hezbollah'\?\)"):
        seed.resolve("Hezbolah")
    with pytest.raises(UnknownActorError, match=r"^unknown actor 'UAE'$"):
        seed.resolve("UAE")


def _kurds() -> AllianceNetwork:
    return AllianceNetwork("K", actors=[
        Actor("ypg", "People's Protection Units", label="YPG", aliases=("Kurds",)),
        Actor("pkk", "Kurdistan Workers' Party", label="PKK", aliases=("kurds", "Kurdish fighters")),
        Actor("turkey", "Turkey"),
    ], relations=[Relation(("ypg", "turkey"), "enemy")])


def test_ambiguous_name_lists_the_candidates():
    net = _kurds()
    with pytest.raises(AmbiguousActorError) as info:
        net.resolve("KURDS")
    assert info.value.candidates == ("pkk", "ypg")
    assert str(info.value) == ("'KURDS' names 2 actors: pkk (Kurdistan Workers' Party), "
                               "ypg (People's Protection Units); give the id")
    assert isinstance(info.value, UnknownActorError)
    assert net.resolve("kurdish  fighters") == "pkk"


def test_an_exact_id_wins_over_another_actors_name():
    net = AllianceNetwork("T", actors=[Actor("iran", "Iran"), Actor("tehran_gov", "Government", aliases=("iran",))])
    assert net.resolve("iran") == "iran"
    with pytest.raises(AmbiguousActorError):
        net.resolve("IRAN")  # not the exact id: both actors answer to it


def test_network_methods_take_any_name(seed):
    assert seed.stance("Assad", "us coalition") == seed.stance("assad", "us_coalition")
    assert seed.relation("Tehran", "damascus") is seed.relation("assad", "iran")
    after = seed.with_relation("Assad", "Washington", "enemy").without_actor("Moscow")
    assert after.stance("assad", "us_coalition").value == "enemy" and "russia" not in after
    assert "deir_al_zor" in seed.with_theater("Hizbollah", "deir_al_zor").actor("hezbollah").theaters


def test_python_api_takes_any_name(seed):
    ex = alliances.explain_risk(seed, "Assad", "US coalition")
    assert (ex.a, ex.b) == ("assad", "us_coalition")
    ref = alliances.explain_risk(seed, "assad", "us_coalition")
    assert ex.p_clash == ref.p_clash and ex.rank == ref.rank
    after = alliances.what_if(seed, set=[("ISIS", "rebels", "ally")], drop=["Kremlin"], add_theater=[("IRGC", "raqqa")])
    assert after.stance("islamic_state", "syrian_rebels").value == "ally"
    assert "russia" not in after and "raqqa" in after.actor("iran").theaters
    rows = alliances.signed_triangles(seed, actor="Damascus")
    assert len(rows) and all("assad" in (r.a, r.b, r.c) for r in rows.itertuples())
    with pytest.raises(UnknownActorError, match="did you mean 'Assad'"):
        alliances.explain_risk(seed, "Asad", "Iran")


def test_resolver_agrees_with_brute_force_on_random_names():
    """Every spelling of every actor, randomly recased and respaced, against a direct search."""
    rng = random.Random(19)
    words = ["al", "north", "front", "army", "free", "union", "people", "guard"]
    for _ in range(30):
        actors = []
        for k in range(rng.randint(2, 7)):
            name = " ".join(rng.sample(words, 2))
            aliases = tuple(" ".join(rng.sample(words, 2)) for _ in range(rng.randint(0, 2)))
            actors.append(Actor(f"a{k}", name, aliases=aliases))
        names = ActorNames(actors)
        for a in actors:
            for spelling in (a.name, *a.aliases):
                messy = "  ".join("".join(c.upper() if rng.random() < 0.5 else c for c in w) for w in spelling.split())
                truth = sorted({b.id for b in actors
                                if normalise_name(messy) in {normalise_name(x) for x in (b.id, b.name, *b.aliases)}})
                assert names.candidates(messy) == tuple(truth)
                if len(truth) == 1:
                    assert names.resolve(messy) == truth[0]
                else:
                    with pytest.raises(AmbiguousActorError):
                        names.resolve(messy)
