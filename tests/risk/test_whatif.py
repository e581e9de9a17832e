"""What-if: the scenario changed (stances set, theaters added, actors dropped) and the risks compared."""

import pandas as pd
import pytest

import alliances
from alliances import Actor, AllianceNetwork, Relation, Stance, Theater
from alliances.risk import compare_risk, conflict_risk, pair_factors, what_if


def test_what_if_allies_become_enemies(model):
    # a, b allies with a common ally c and a common friend d; e hangs off b
    actors = [Actor(x, x.upper(), theaters=("t",)) for x in "abcde"]
    rels = [Relation(("a", "b"), Stance.ALLY), Relation(("a", "c"), Stance.ALLY), Relation(("b", "c"), Stance.ALLY),
            Relation(("a", "d"), Stance.FRIENDLY), Relation(("b", "d"), Stance.FRIENDLY),
            Relation(("b", "e"), Stance.ENEMY)]
    net = AllianceNetwork("t", actors=actors, relations=rels, theaters=[Theater("t", "T")])
    after = alliances.what_if(net, set=[("b", "a", "enemy")])
    assert net.stance("a", "b") is Stance.ALLY  # the original is unchanged
    diff = alliances.compare_risk(net, after, model=model)
    ab = diff[(diff["a"] == "a") & (diff["b"] == "b")].iloc[0]
    assert ab["p_after"] > ab["p_before"]
    assert ab["stance_before"] == "ally" and ab["stance_after"] == "enemy"
    assert diff.iloc[0]["a"] == "a" and diff.iloc[0]["b"] == "b"  # the biggest change
    before, later = pair_factors(net), pair_factors(after)
    for x, y in [("a", "c"), ("b", "c"), ("a", "d"), ("b", "d")]:
        # the path through the changed tie flips from friend-of-friend (+1) to friend-of-enemy (-1)
        assert later.balance_sum[later.find(x, y)] == before.balance_sum[before.find(x, y)] - 2
    # weighted: through c an ally-ally path (1) becomes ally-enemy (-1), through d friendly-ally (0.5)
    # becomes friendly-enemy (-0.5)
    for (x, y), drop in {("a", "c"): 2.0, ("b", "c"): 2.0, ("a", "d"): 1.0, ("b", "d"): 1.0}.items():
        assert later.balance_weight[later.find(x, y)] == pytest.approx(before.balance_weight[before.find(x, y)] - drop)
    assert later.state_names("balance")[later.find("c", "d")] == before.state_names("balance")[before.find("c", "d")]
    # a - e: a now shares b's enemy e? no: e is b's enemy, a is b's enemy: shared enemy for a and e
    assert later.state_names("shared_enemy")[later.find("a", "e")] == "yes"
    assert before.state_names("shared_enemy")[before.find("a", "e")] == "no"
    assert (diff["change"].abs().to_numpy()[:-1] >= diff["change"].abs().to_numpy()[1:]).all()


def test_what_if_drop_and_theater(seed, model):
    after = alliances.what_if(seed, drop=["russia"], add_theater=[("syrian_rebels", "deir_al_zor")])
    assert "russia" not in after and "russia" in seed
    diff = alliances.compare_risk(seed, after, model=model)
    with_russia = (diff["a"] == "russia") | (diff["b"] == "russia")
    assert with_russia.sum() == 7 and set(diff.loc[with_russia, "status"]) == {"removed"}
    assert diff.loc[with_russia, "p_after"].isna().all() and diff.loc[with_russia, "p_before"].notna().all()
    df = alliances.conflict_risk(after, model=model)
    row = df[(df["a"] == "assad") & (df["b"] == "syrian_rebels")].iloc[0]
    assert row["common_theater"] == "yes"  # was unknown: the rebels had no theater recorded
    old = alliances.conflict_risk(seed, model=model)
    assert old[(old["a"] == "assad") & (old["b"] == "syrian_rebels")].iloc[0]["common_theater"] == "unknown"
    moved = diff[(diff["a"] == "assad") & (diff["b"] == "syrian_rebels")].iloc[0]
    assert moved["change"] > 0


def test_what_if_errors(seed):
    with pytest.raises(alliances.ScenarioError, match="unknown stance 'foe'"):
        alliances.what_if(seed, set=[("assad", "iran", "foe")])
    with pytest.raises(alliances.UnknownActorError, match="did you mean 'assad'"):
        alliances.what_if(seed, set=[("asad", "iran", "enemy")])
    after = alliances.what_if(seed, set=[("assad", "iran", "unknown")])
    assert after.stance("assad", "iran") is None


def test_compare_risk_is_an_outer_comparison(seed, model):
    after = alliances.what_if(seed, drop=["russia"], set=[("assad", "us_coalition", "enemy")])
    diff = alliances.compare_risk(seed, after, model=model)
    assert len(diff) == 28  # every pair of either network
    status = diff["status"].tolist()
    # groups in order: changed, removed, added, unchanged
    rank = {"changed": 0, "removed": 1, "added": 2, "unchanged": 3}
    assert [rank[s] for s in status] == sorted(rank[s] for s in status)
    removed = diff[diff["status"] == "removed"]
    assert sorted(zip(removed["a"], removed["b"], strict=True)) == list(zip(removed["a"], removed["b"], strict=True))
    assert {p for pair in zip(removed["a"], removed["b"], strict=True) for p in pair} >= {"russia"}
    assert all("russia" in pair for pair in zip(removed["a"], removed["b"], strict=True)) and len(removed) == 7
    assert removed["p_after"].isna().all() and removed["change"].isna().all()
    assert removed["stance_after"].isna().all() and removed["stance_before"].notna().all()
    changed = diff[diff["status"] == "changed"]
    assert (changed["change"] != 0).all() | (changed["stance_before"] != changed["stance_after"]).all()
    mag = changed["change"].abs().to_numpy()
    assert (mag[:-1] >= mag[1:]).all()
    assert tuple(changed.iloc[0][["a", "b"]]) == ("assad", "us_coalition")
    unchanged = diff[diff["status"] == "unchanged"]
    assert (unchanged["change"] == 0).all()
    assert list(zip(unchanged["a"], unchanged["b"], strict=True)) == sorted(zip(unchanged["a"], unchanged["b"], strict=True))
    # the same comparison the other way round: the pairs come back as added
    back = alliances.compare_risk(after, seed, model=model)
    added = back[back["status"] == "added"]
    assert list(zip(added["a"], added["b"], strict=True)) == list(zip(removed["a"], removed["b"], strict=True))
    assert added["p_before"].isna().all()
    assert added["p_after"].to_numpy() == pytest.approx(removed["p_before"].to_numpy())


def test_compare_risk_of_a_network_with_itself(seed, model):
    diff = alliances.compare_risk(seed, seed, model=model)
    assert set(diff["status"]) == {"unchanged"} and len(diff) == 28
    assert list(zip(diff["a"], diff["b"], strict=True)) == sorted(zip(diff["a"], diff["b"], strict=True))


def test_dropping_an_actor_removes_exactly_its_pairs(seed, model):
    for actor in sorted(seed.actors):
        after = what_if(seed, drop=[actor])
        assert set(after.actors) == set(seed.actors) - {actor}
        kept = {frozenset((u, v)): d["stance"] for u, v, d in seed.graph.edges(data=True) if actor not in (u, v)}
        assert {frozenset((u, v)): d["stance"] for u, v, d in after.graph.edges(data=True)} == kept
    diff = compare_risk(seed, what_if(seed, drop=["hezbollah"]), model=model)
    removed = diff[diff["status"] == "removed"]
    others = len(seed.actors) - 1
    assert len(removed) == others
    assert all("hezbollah" in (a, b) for a, b in zip(removed["a"], removed["b"], strict=True))
    assert not ((diff["status"] != "removed") & ((diff["a"] == "hezbollah") | (diff["b"] == "hezbollah"))).any()
    assert (diff["status"] != "added").all()
    assert len(diff) == others * (others + 1) // 2


def test_what_if_applies_set_then_theater_then_drop(seed):
    after = what_if(seed, set=[("assad", "iran", "enemy"), ("assad", "iran", "rival")],
                    add_theater=[("iran", "golan")], drop=["russia"])
    assert after.stance("assad", "iran") is Stance.RIVAL  # the later change wins
    assert "golan" in after.actors["iran"].theaters and "golan" in after.theaters
    assert what_if(seed) is seed  # no change: the same network
    with pytest.raises(alliances.ScenarioError, match="needs \\(actor, actor, stance\\)"):
        what_if(seed, set=[("assad", "iran")])


def test_compare_risk_reports_progress_for_both_networks(seed, model):
    calls = []
    after = what_if(seed, set=[("assad", "us_coalition", "enemy")])
    diff = compare_risk(seed, after, model=model, progress=lambda done, total: calls.append((done, total)))
    restarts = [k for k, (done, _) in enumerate(calls) if done == 1]
    assert len(restarts) == 2  # once per network
    pd.testing.assert_frame_equal(diff, compare_risk(seed, after, model=model, progress=True))


def test_compare_risk_matches_two_conflict_risk_tables(seed, model):
    after = what_if(seed, set=[("assad", "us_coalition", "enemy")], drop=["iran"])
    diff = compare_risk(seed, after, model=model).set_index(["a", "b"])
    x = conflict_risk(seed, model=model).set_index(["a", "b"])
    y = conflict_risk(after, model=model).set_index(["a", "b"])
    assert diff["p_before"].dropna().sort_index().equals(x["p_clash"].sort_index().rename("p_before"))
    assert diff["p_after"].dropna().sort_index().equals(y["p_clash"].sort_index().rename("p_after"))


@pytest.mark.parametrize("stance", ["Enemy", "ALLY", "Unknown"])
def test_stance_names_are_lowercase_as_in_scenario_files(seed, stance):
    with pytest.raises(alliances.ScenarioError, match=f"unknown stance '{stance}'.*did you mean '{stance.lower()}'"):
        what_if(seed, set=[("assad", "iran", stance)])
