"""Why one pair's risk is what it is: tornado, mutual information and sentence, by hand and against pgmpy."""

import json
import math

import numpy as np
import pytest

import alliances
from alliances import Actor, AllianceNetwork, Relation, Stance
from alliances.risk import FACTORS, STANCES, explain_risk, pgmpy_classes
from tests.risk._cases import small_p_clash

PRIOR_STANCE = np.array([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.4])  # the small model's roots
PRIOR_SHARED = np.array([0.7, 0.3])


def _mi(joint):
    """I(X; Y) in bits of a joint table, term by term."""
    joint = joint / joint.sum()
    px, py = joint.sum(axis=1), joint.sum(axis=0)
    return sum(joint[i, j] * math.log2(joint[i, j] / (px[i] * py[j]))
               for i in range(joint.shape[0]) for j in range(joint.shape[1]) if joint[i, j] > 0)


def test_small_model_by_hand(small_model):
    # a and b are enemies, c knows neither: with hard evidence every number is a table entry
    net = AllianceNetwork("t", actors=[Actor(x, x.upper()) for x in "abc"],
                          relations=[Relation(("a", "b"), Stance.ENEMY)])
    ex = explain_risk(net, "b", "a", model=small_model)
    assert (ex.a, ex.b, ex.rank, ex.pairs) == ("a", "b", 3, 3)  # the unknown pairs: 0.65
    p = small_p_clash("enemy", "no")
    assert ex.p_clash == pytest.approx(p) and ex.factors == {"stance": "enemy", "shared_enemy": "no"}
    expected = [("stance", s, small_p_clash(s, "no")) for s in STANCES if s != "enemy"]
    expected.append(("shared_enemy", "yes", small_p_clash("enemy", "yes")))  # swing 0.03 < the stance's 0.5
    got = list(ex.tornado.itertuples(index=False))
    assert [(r.factor, r.state) for r in got] == [(f, s) for f, s, _ in expected]
    for r, (_, _, q) in zip(got, expected, strict=True):
        assert r.p_clash == pytest.approx(q, abs=1e-12)
        assert r.delta == pytest.approx(q - p, abs=1e-12)
    # I(stance; clash | shared_enemy = no) and I(shared_enemy; clash | stance = enemy), the roots independent
    y = np.array([[small_p_clash(s, e) for e in FACTORS["shared_enemy"]] for s in STANCES])
    by_stance = np.stack([PRIOR_STANCE * (1 - y[:, 0]), PRIOR_STANCE * y[:, 0]])
    by_shared = np.stack([PRIOR_SHARED * (1 - y[STANCES.index("enemy")]), PRIOR_SHARED * y[STANCES.index("enemy")]])
    assert ex.mutual_information["stance"] == pytest.approx(_mi(by_stance), abs=1e-12)
    assert ex.mutual_information["shared_enemy"] == pytest.approx(_mi(by_shared), abs=1e-12)
    # both raise it against the factor left open: 0.55 vs 0.44 for the stance, 0.55 vs 0.541 for shared_enemy
    assert ex.sentence.startswith("A - B ranks 3 of 3 pairs, with P(clash) = 0.55 (the model states no horizon). "
                                  "Raising it: they are enemies")
    assert ex.horizon == "P(clash), horizon not stated by the model"
    assert "they have no enemy in common" in ex.sentence
    assert ex.sentence.endswith("The stance moves it most (with no relation it would be 0.65, as allies 0.05).")


def test_to_dict_is_json_without_nan(small_model):
    net = AllianceNetwork("t", actors=[Actor("a", "A"), Actor("b", "B")])
    ex = explain_risk(net, "a", "b", model=small_model)
    data = ex.to_dict()
    json.dumps(data, allow_nan=False)
    assert data["p_clash"] == pytest.approx(small_p_clash("unknown", "no"))
    assert [row["state"] for row in data["tornado"] if row["factor"] == "stance"] == list(STANCES[:-1])
    assert all(isinstance(v, float) for v in data["mutual_information"].values())


def test_explain_tornado_and_mi_against_pgmpy(seed, model):
    ex = alliances.explain_risk(seed, "us_coalition", "assad", model=model)
    assert (ex.a, ex.b) == ("assad", "us_coalition")
    infer = pgmpy_classes().VariableElimination(model.to_pgmpy())
    base = {f: s for f, s in ex.factors.items() if s != "unknown" or f == "stance"}
    for r in ex.tornado.itertuples(index=False):
        ev = {**base, r.factor: r.state}
        q = infer.query(["clash"], evidence=ev, show_progress=False)
        assert r.p_clash == pytest.approx(q.values[q.state_names["clash"].index("yes")], abs=1e-9)
        assert r.delta == pytest.approx(r.p_clash - ex.p_clash)
        assert r.state != ex.factors[r.factor]
    swings = ex.tornado.groupby("factor", sort=False)["delta"].apply(lambda d: d.abs().max()).to_numpy()
    assert (swings[:-1] >= swings[1:]).all()
    # mutual information of the stance, by hand from pgmpy's joint
    others = {f: s for f, s in base.items() if f != "stance"}
    phi = infer.query(["clash", "stance"], evidence=others, joint=True, show_progress=False)
    J = phi.values if phi.variables[0] == "clash" else phi.values.T
    pc, ps = J.sum(1, keepdims=True), J.sum(0, keepdims=True)
    mi = float(np.nansum(J * np.log2(J / (pc * ps))))
    assert ex.mutual_information["stance"] == pytest.approx(mi, abs=1e-12)
    assert all(v >= 0 for v in ex.mutual_information.values())
    data = ex.to_dict()
    json.dumps(data, allow_nan=False)
    assert data["factors"]["stance"] == "rival" and data["rank"] == ex.rank


def test_explain_soft_pair_and_errors(seed):
    ex = alliances.explain_risk(seed, "islamic_state", "iran")
    assert ex.confidence == 0.7
    assert any(r.factor == "stance" and r.state == "enemy" for r in ex.tornado.itertuples())  # soft: enemy listed
    assert "confidence 0.7" in ex.sentence
    with pytest.raises(alliances.UnknownActorError):
        alliances.explain_risk(seed, "assad", "nobody")
    with pytest.raises(alliances.ScenarioError):
        alliances.explain_risk(seed, "assad", "assad")


def test_sentence_uses_display_names_and_json_ids(seed):
    ex = alliances.explain_risk(seed, "us_coalition", "hezbollah")
    assert ex.sentence.startswith("Hezbollah - US coalition ranks")
    assert "(the chance of at least one direct armed clash between the two in the next month)" in ex.sentence
    assert "they share an enemy (IS)" in ex.sentence
    assert "Assad, Shiite militias" in ex.sentence  # the friends of the other's enemies, by name
    assert "How much they have fought lately is not stated" in ex.sentence
    for ident in ("us_coalition", "islamic_state", "shiite_militias", "assad"):
        assert ident not in ex.sentence
    data = ex.to_dict()
    assert (data["a"], data["b"]) == ("hezbollah", "us_coalition")
    assert data["horizon"] == ex.horizon == "P(at least one direct armed clash between the two in the next month)"
    assert data["details"]["common_enemies"] == ["islamic_state"]
    assert data["details"]["backers"] == {"hezbollah": ["assad", "iran"], "us_coalition": []}
    assert data["details"]["fighting_stated"] is False
    assert data["names"]["islamic_state"] == "IS" and data["names"]["assad"] == "Assad"
    war = alliances.explain_risk(seed, "assad", "syrian_rebels")
    assert "Raising it: they are fighting now, heavily" in war.sentence
    assert "one side is backed from outside (Assad is backed by Iran, Russia)" in war.sentence
    rebels = alliances.explain_risk(seed, "assad", "syrian_rebels")
    assert "No theater is recorded for Rebels" in rebels.sentence
