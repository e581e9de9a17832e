"""Conflict risk: compiled all-pairs inference against pgmpy, graph factors against brute force,
monotonicity of the shipped model, what-if, and the Syria ranking."""

import itertools
import json
import random
import warnings

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import alliances
from alliances import Actor, AllianceNetwork, Relation, Stance, Theater
from alliances.risk.factors import MISSING, pair_factors
from alliances.risk.model import FACTORS, load_risk_model

STANCES = FACTORS["stance"]


@pytest.fixture(scope="module")
def model():
    return load_risk_model()


@pytest.fixture(scope="module")
def syria():
    return alliances.load("seeds/syria_2017.yaml")


def _pgmpy():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        from pgmpy.factors.discrete import TabularCPD
        from pgmpy.inference import VariableElimination
    return TabularCPD, VariableElimination


def random_network(seed, n=10, p_edge=0.45, theaters=3):
    rng = random.Random(seed)
    ids = [f"x{k:02d}" for k in range(n)]
    th = [f"t{k}" for k in range(theaters)]
    actors = []
    for a in ids:
        # some actors have no theater recorded: their common_theater is unobserved
        mine = tuple(sorted(rng.sample(th, rng.randint(0, 2))))
        actors.append(Actor(a, a.upper(), theaters=mine))
    rels = []
    for a, b in itertools.combinations(ids, 2):
        if rng.random() < p_edge:
            stance = rng.choice(list(Stance))
            conf = rng.choice([1.0, 1.0, 0.9, 0.7, 0.4])
            rels.append(Relation((a, b), stance, confidence=conf))
    return AllianceNetwork(f"random {seed}", actors=actors, relations=rels,
                           theaters=[Theater(t, t.upper()) for t in th])


# --------------------------------------------------------------------------- factors
def brute_factors(net):
    """Every pair's factors from the graph, path by path (the independent truth)."""
    g = net.graph
    out = {}
    for a, b in itertools.combinations(sorted(net.actors), 2):
        sign = lambda u, v: g.edges[u, v]["sign"] if g.has_edge(u, v) else 0  # noqa: E731
        bal = 0
        ee = 0
        for k in g.nodes:
            if k in (a, b):
                continue
            s1, s2 = sign(a, k), sign(k, b)
            if s1 > 0 and s2 > 0:
                bal += 1
            elif s1 * s2 < 0:
                bal -= 1
            elif s1 < 0 and s2 < 0:
                ee += 1
        opposed = any(
            sign(a, x) > 0 and sign(b, y) > 0 and sign(x, y) < 0
            for x in g.nodes for y in g.nodes if x != y
        )
        ta, tb = set(net.actors[a].theaters), set(net.actors[b].theaters)
        theater = "unknown" if not ta or not tb else ("yes" if ta & tb else "no")
        stance = g.edges[a, b]["stance"] if g.has_edge(a, b) else "unknown"
        out[a, b] = {
            "stance": stance,
            "balance": "negative" if bal < 0 else "positive" if bal > 0 else "zero",
            "shared_enemy": "yes" if ee else "no",
            "opposed_backers": "yes" if opposed else "no",
            "common_theater": theater,
            "_sum": bal,
        }
    return out


@pytest.mark.parametrize("seed", range(6))
def test_pair_factors_match_brute_force(seed):
    net = random_network(seed, n=9)
    pf = pair_factors(net)
    truth = brute_factors(net)
    assert len(pf) == len(truth)
    for k in range(len(pf)):
        a, b = pf.ids[pf.i[k]], pf.ids[pf.j[k]]
        assert a < b
        for f in FACTORS:
            assert pf.state_names(f)[k] == truth[a, b][f], (a, b, f)
        assert pf.balance_sum[k] == truth[a, b]["_sum"]
        assert pf.find(b, a) == k


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=2, max_value=8).flatmap(lambda n: st.tuples(
    st.just(n),
    st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), st.sampled_from(list(Stance))), max_size=20),
    st.lists(st.lists(st.sampled_from(["t0", "t1", "t2"]), max_size=2, unique=True), min_size=n, max_size=n),
)))
def test_pair_factors_brute_force_hypothesis(case):
    n, edges, theaters = case
    ids = [f"v{k}" for k in range(n)]
    rels = {}
    for u, v, s in edges:
        if u != v:
            rels[min(u, v), max(u, v)] = s
    net = AllianceNetwork(
        "h", actors=[Actor(ids[k], ids[k], theaters=tuple(theaters[k])) for k in range(n)],
        relations=[Relation((ids[u], ids[v]), s) for (u, v), s in rels.items()],
        theaters=[Theater(t, t) for t in ("t0", "t1", "t2")],
    )
    pf = pair_factors(net)
    truth = brute_factors(net)
    for k in range(len(pf)):
        pair = (pf.ids[pf.i[k]], pf.ids[pf.j[k]])
        assert {f: pf.state_names(f)[k] for f in FACTORS} == {f: truth[pair][f] for f in FACTORS}


def test_enemy_of_enemy_paths_only_in_shared_enemy():
    # a and b are both enemies of c: no balance, one shared enemy
    net = AllianceNetwork.from_networkx(nx.Graph([("a", "c", {"sign": -1}), ("b", "c", {"sign": -1})]))
    pf = pair_factors(net)
    k = pf.find("a", "b")
    assert pf.balance_sum[k] == 0
    assert pf.state_names("shared_enemy")[k] == "yes"


# --------------------------------------------------------------------------- compiled = pgmpy
@pytest.mark.parametrize("seed", range(3))
def test_compiled_equals_pgmpy_per_pair_query(model, seed):
    TabularCPD, VariableElimination = _pgmpy()
    net = random_network(100 + seed, n=11)
    df = alliances.conflict_risk(net, model=model)
    pf = pair_factors(net)
    comp = model.compiled()
    bn = model.to_pgmpy()
    hard_infer = VariableElimination(bn)
    soft_seen = 0
    for row in df.itertuples(index=False):
        k = pf.find(row.a, row.b)
        ev = {f: FACTORS[f][pf.states[f][k]] for f in model.factors
              if f != "stance" and pf.states[f][k] != MISSING}
        conf = float(pf.confidence[k])
        stance = row.stance
        if conf >= 1:
            q = hard_infer.query(["clash"], evidence={**ev, "stance": stance}, show_progress=False)
        else:
            soft_seen += 1
            L = comp.likelihood(np.array([STANCES.index(stance)]), np.array([conf]))[0]
            ve = TabularCPD("stance", len(STANCES), [[x] for x in L], state_names={"stance": list(STANCES)})
            # pgmpy rewrites its model for virtual evidence: a fresh engine per query
            q = VariableElimination(model.to_pgmpy()).query(["clash"], evidence=ev, virtual_evidence=[ve],
                                                            show_progress=False)
        expected = q.values[q.state_names["clash"].index("yes")]
        assert abs(row.p_clash - expected) < 1e-9, (row.a, row.b, row.p_clash, expected)
    assert soft_seen > 3  # the soft-evidence path was exercised


def test_soft_evidence_posterior_equals_confidence(model):
    comp = model.compiled()
    prior = comp.stance_prior
    for s in range(len(STANCES) - 1):
        L = comp.likelihood(np.array([s]), np.array([0.7]))[0]
        post = prior * L / (prior * L).sum()
        assert post[s] == pytest.approx(0.7)
        others = np.delete(post, s) / np.delete(prior, s)
        assert np.allclose(others, others[0])  # the rest spread as the prior


def test_confidence_moves_risk_towards_recorded_stance(model):
    def p(conf):
        net = AllianceNetwork("t", actors=[Actor("a", "A"), Actor("b", "B")],
                              relations=[Relation(("a", "b"), Stance.ENEMY, confidence=conf)])
        return float(alliances.conflict_risk(net, model=model)["p_clash"].iloc[0])

    values = [p(c) for c in (0.2, 0.5, 0.8, 1.0)]
    assert values == sorted(values)


def test_output_frame_contract(syria):
    df = alliances.conflict_risk(syria)
    assert list(df.columns) == ["a", "b", "stance", "balance", "shared_enemy", "opposed_backers",
                                "common_theater", "p_clash"]
    assert len(df) == 28
    assert (df["a"] < df["b"]).all()
    p = df["p_clash"].to_numpy()
    assert (np.diff(p) <= 0).all()
    assert ((p > 0) & (p < 1)).all()
    assert set(df.loc[(df["a"] == "russia") & (df["b"] == "us_coalition"), "stance"]) == {"unknown"}


def test_ties_sorted_by_ids(model):
    net = AllianceNetwork("t", actors=[Actor(x, x) for x in "dcba"])
    df = alliances.conflict_risk(net, model=model)
    assert list(zip(df["a"], df["b"], strict=True)) == sorted(itertools.combinations("abcd", 2))


# --------------------------------------------------------------------------- monotonicity
ORDER = ["enemy", "rival", "ambivalent", "unknown", "neutral", "friendly", "ally"]


def _p(comp, combo, stance):
    J = comp.joint(combo)
    s = STANCES.index(stance)
    return J[1, s] / J[:, s].sum()


def _all_combos(comp):
    ranges = [[*range(len(FACTORS[f])), *([MISSING] if f == "common_theater" else [])] for f in comp.others]
    return list(itertools.product(*ranges))


def test_monotone_in_stance(model):
    comp = model.compiled()
    for combo in _all_combos(comp):
        values = [_p(comp, combo, s) for s in ORDER]
        assert all(x > y for x, y in itertools.pairwise(values)), (combo, values)


@pytest.mark.parametrize(("factor", "low", "high"), [
    ("common_theater", "no", "yes"),
    ("opposed_backers", "no", "yes"),
])
def test_factor_raises_risk(model, factor, low, high):
    comp = model.compiled()
    pos = comp.others.index(factor)
    for combo in _all_combos(comp):
        if combo[pos] != FACTORS[factor].index(low):
            continue
        up = combo[:pos] + (FACTORS[factor].index(high),) + combo[pos + 1:]
        for s in STANCES:
            assert _p(comp, up, s) > _p(comp, combo, s), (factor, combo, s)


def test_shared_enemy_lowers_risk_for_rivals(model):
    comp = model.compiled()
    pos = comp.others.index("shared_enemy")
    for combo in _all_combos(comp):
        if combo[pos] != 0:
            continue
        yes = combo[:pos] + (1,) + combo[pos + 1:]
        assert _p(comp, yes, "rival") < _p(comp, combo, "rival"), combo


def test_negative_balance_raises_risk(model):
    comp = model.compiled()
    pos = comp.others.index("balance")
    for combo in _all_combos(comp):
        if combo[pos] != 1:
            continue
        for s in STANCES:
            neg = _p(comp, combo[:pos] + (0,) + combo[pos + 1:], s)
            pos_ = _p(comp, combo[:pos] + (2,) + combo[pos + 1:], s)
            assert neg > _p(comp, combo, s) > pos_


# --------------------------------------------------------------------------- what-if
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
    assert later.state_names("balance")[later.find("c", "d")] == before.state_names("balance")[before.find("c", "d")]
    # a - e: a now shares b's enemy e? no: e is b's enemy, a is b's enemy: shared enemy for a and e
    assert later.state_names("shared_enemy")[later.find("a", "e")] == "yes"
    assert before.state_names("shared_enemy")[before.find("a", "e")] == "no"
    assert (diff["change"].abs().to_numpy()[:-1] >= diff["change"].abs().to_numpy()[1:]).all()


def test_what_if_drop_and_theater(syria, model):
    after = alliances.what_if(syria, drop=["russia"], add_theater=[("syrian_rebels", "deir_al_zor")])
    assert "russia" not in after and "russia" in syria
    diff = alliances.compare_risk(syria, after, model=model)
    assert not ((diff["a"] == "russia") | (diff["b"] == "russia")).any()
    df = alliances.conflict_risk(after, model=model)
    row = df[(df["a"] == "assad") & (df["b"] == "syrian_rebels")].iloc[0]
    assert row["common_theater"] == "yes"  # was unknown: the rebels had no theater recorded
    old = alliances.conflict_risk(syria, model=model)
    assert old[(old["a"] == "assad") & (old["b"] == "syrian_rebels")].iloc[0]["common_theater"] == "unknown"
    moved = diff[(diff["a"] == "assad") & (diff["b"] == "syrian_rebels")].iloc[0]
    assert moved["change"] > 0


def test_what_if_errors(syria):
    with pytest.raises(alliances.ScenarioError, match="unknown stance 'foe'"):
        alliances.what_if(syria, set=[("assad", "iran", "foe")])
    with pytest.raises(alliances.UnknownActorError, match="did you mean 'assad'"):
        alliances.what_if(syria, set=[("asad", "iran", "enemy")])
    after = alliances.what_if(syria, set=[("assad", "iran", "unknown")])
    assert after.stance("assad", "iran") is None


# --------------------------------------------------------------------------- Syria
def test_syria_ranking(syria):
    df = alliances.conflict_risk(syria).reset_index(drop=True)
    enemy = df.index[df["stance"] == "enemy"]
    ally = df.index[df["stance"] == "ally"]
    not_fighting = df.index[df["stance"] != "enemy"]
    assert len(enemy) == 8 and len(ally) == 7
    assert enemy.max() < ally.min()
    assert enemy.max() < not_fighting.min()
    top = df.loc[not_fighting.min()]
    ex = alliances.explain_risk(syria, top["a"], top["b"])
    assert "the highest of the pairs not already at war" in ex.sentence
    assert ex.p_clash == pytest.approx(top["p_clash"])


# --------------------------------------------------------------------------- explain
def test_explain_tornado_and_mi_against_pgmpy(syria, model):
    _, VariableElimination = _pgmpy()
    ex = alliances.explain_risk(syria, "us_coalition", "assad", model=model)
    assert (ex.a, ex.b) == ("assad", "us_coalition")
    infer = VariableElimination(model.to_pgmpy())
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


def test_explain_soft_pair_and_errors(syria):
    ex = alliances.explain_risk(syria, "islamic_state", "iran")
    assert ex.confidence == 0.7
    assert any(r.factor == "stance" and r.state == "enemy" for r in ex.tornado.itertuples())  # soft: enemy listed
    assert "confidence 0.7" in ex.sentence
    with pytest.raises(alliances.UnknownActorError):
        alliances.explain_risk(syria, "assad", "nobody")
    with pytest.raises(alliances.ScenarioError):
        alliances.explain_risk(syria, "assad", "assad")


def test_public_api_is_lazy_names():
    for name in ("conflict_risk", "explain_risk", "what_if", "compare_risk", "load_risk_model",
                 "fit_risk_model", "RiskModel", "RiskExplanation"):
        assert name in alliances.__all__
