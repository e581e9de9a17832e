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
from alliances.risk._factors import MISSING, pair_factors
from alliances.risk._model_file import FACTORS, load_risk_model

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
            weight = rng.choice([None, None, 0.3, 0.8, 1.0])  # None: the stance's default
            rels.append(Relation((a, b), stance, confidence=conf, weight=weight))
    return AllianceNetwork(f"random {seed}", actors=actors, relations=rels,
                           theaters=[Theater(t, t.upper()) for t in th])


# --------------------------------------------------------------------------- factors
def brute_factors(net):
    """Every pair's factors from the graph, path by path (the independent truth)."""
    g = net.graph
    out = {}
    for a, b in itertools.combinations(sorted(net.actors), 2):
        sign = lambda u, v: g.edges[u, v]["sign"] if g.has_edge(u, v) else 0  # noqa: E731
        wt = lambda u, v: g.edges[u, v]["weight"]  # noqa: E731
        bal = 0
        wbal = 0.0
        ee = 0
        for k in g.nodes:
            if k in (a, b):
                continue
            s1, s2 = sign(a, k), sign(k, b)
            if s1 > 0 and s2 > 0:
                bal += 1
                wbal += wt(a, k) * wt(k, b)
            elif s1 * s2 < 0:
                bal -= 1
                wbal -= wt(a, k) * wt(k, b)
            elif s1 < 0 and s2 < 0:
                ee += 1
        if abs(wbal) < 1e-9:
            balance = "zero"
        else:
            balance = ("strongly_" if abs(wbal) >= 2 - 1e-9 else "weakly_") + ("positive" if wbal > 0 else "negative")
        opposed = any(
            sign(a, x) > 0 and sign(b, y) > 0 and sign(x, y) < 0
            for x in g.nodes for y in g.nodes if x != y
        )
        ta, tb = set(net.actors[a].theaters), set(net.actors[b].theaters)
        theater = "unknown" if not ta or not tb else ("yes" if ta & tb else "no")
        stance = g.edges[a, b]["stance"] if g.has_edge(a, b) else "unknown"
        out[a, b] = {
            "stance": stance,
            "balance": balance,
            "shared_enemy": "yes" if ee else "no",
            "opposed_backers": "yes" if opposed else "no",
            "common_theater": theater,
            "_sum": bal,
            "_weight": wbal,
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
        assert pf.balance_weight[k] == pytest.approx(truth[a, b]["_weight"], abs=1e-12)
        assert pf.find(b, a) == k


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=2, max_value=8).flatmap(lambda n: st.tuples(
    st.just(n),
    st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), st.sampled_from(list(Stance)),
                       st.sampled_from([None, 0.25, 0.3, 0.5, 1.0])), max_size=20),
    st.lists(st.lists(st.sampled_from(["t0", "t1", "t2"]), max_size=2, unique=True), min_size=n, max_size=n),
)))
def test_pair_factors_brute_force_hypothesis(case):
    n, edges, theaters = case
    ids = [f"v{k}" for k in range(n)]
    rels = {}
    for u, v, s, w in edges:
        if u != v:
            rels[min(u, v), max(u, v)] = (s, w)
    net = AllianceNetwork(
        "h", actors=[Actor(ids[k], ids[k], theaters=tuple(theaters[k])) for k in range(n)],
        relations=[Relation((ids[u], ids[v]), s, weight=w) for (u, v), (s, w) in rels.items()],
        theaters=[Theater(t, t) for t in ("t0", "t1", "t2")],
    )
    pf = pair_factors(net)
    truth = brute_factors(net)
    for k in range(len(pf)):
        pair = (pf.ids[pf.i[k]], pf.ids[pf.j[k]])
        assert {f: pf.state_names(f)[k] for f in FACTORS} == {f: truth[pair][f] for f in FACTORS}
        assert pf.balance_weight[k] == pytest.approx(truth[pair]["_weight"], abs=1e-12)


def test_balance_magnitude_by_hand():
    # x and y: common allies c1, c2 (2 full paths: strong), or one ally c1 (weak),
    # or an ally c1 and a friend f (1 + 0.5: still weak); a friend of one who is the other's
    # rival (0.5 x 0.5 = 0.25) against a friendly-friendly path (0.25) cancels to zero
    def state(rels):
        net = AllianceNetwork("t", actors=[Actor(x, x) for x in ("x", "y", "c1", "c2", "f")],
                              relations=[Relation(p, s) for p, s in rels])
        pf = pair_factors(net)
        k = pf.find("x", "y")
        return pf.state_names("balance")[k], float(pf.balance_weight[k])

    A, F, R, E = Stance.ALLY, Stance.FRIENDLY, Stance.RIVAL, Stance.ENEMY
    assert state([(("x", "c1"), A), (("y", "c1"), A), (("x", "c2"), A), (("y", "c2"), A)]) == ("strongly_positive", 2.0)
    assert state([(("x", "c1"), A), (("y", "c1"), A)]) == ("weakly_positive", 1.0)
    assert state([(("x", "c1"), A), (("y", "c1"), A), (("x", "f"), F), (("y", "f"), A)]) == ("weakly_positive", 1.5)
    assert state([(("x", "c1"), A), (("y", "c1"), E), (("x", "c2"), E), (("y", "c2"), A)]) == ("strongly_negative", -2.0)
    assert state([(("x", "c1"), F), (("y", "c1"), R)]) == ("weakly_negative", -0.25)
    assert state([(("x", "c1"), F), (("y", "c1"), R), (("x", "f"), F), (("y", "f"), F)]) == ("zero", 0.0)
    # a path through an enemy of both is not balance (it is the shared enemy)
    assert state([(("x", "c1"), E), (("y", "c1"), E)]) == ("zero", 0.0)


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


def test_balance_lowers_risk_step_by_step(model):
    # from strongly negative to strongly positive, every step lowers P(clash), for every
    # stance and every state of the other factors
    comp = model.compiled()
    pos = comp.others.index("balance")
    for combo in _all_combos(comp):
        if combo[pos] != 0:
            continue
        for s in STANCES:
            values = [_p(comp, combo[:pos] + (b,) + combo[pos + 1:], s) for b in range(len(FACTORS["balance"]))]
            assert all(x > y for x, y in itertools.pairwise(values)), (combo, s, values)


def test_every_graph_factor_moves_the_risk(model):
    # no factor the graph can change is inert: every change of its state moves P(clash)
    # by at least 0.1 percentage point, whatever the stance and the other factors
    comp = model.compiled()
    for f in comp.others:
        pos = comp.others.index(f)
        for combo in _all_combos(comp):
            if combo[pos] == MISSING:
                continue
            for t in range(len(FACTORS[f])):
                if t == combo[pos]:
                    continue
                other = combo[:pos] + (t,) + combo[pos + 1:]
                for s in STANCES:
                    assert abs(_p(comp, other, s) - _p(comp, combo, s)) > 1e-3, (f, combo, t, s)


def test_shared_enemy_and_opposed_backers_is_its_own_case(model):
    # both at once lie strictly between "neither" and "opposed backers alone" (Maoz et al.
    # 2007: an imbalanced mix is more conflict-prone than no pull at all), for every stance
    comp = model.compiled()
    se, ob = comp.others.index("shared_enemy"), comp.others.index("opposed_backers")

    def put(combo, x, y):
        c = list(combo)
        c[se], c[ob] = x, y
        return tuple(c)

    for combo in _all_combos(comp):
        if combo[se] or combo[ob]:
            continue
        for s in STANCES:
            neither, both, backers = (_p(comp, put(combo, *v), s) for v in ((0, 0), (1, 1), (0, 1)))
            assert neither < both < backers, (combo, s)


def test_latent_tables_have_a_distinct_distribution_per_parent_combination(model):
    for name in model.latents:
        table = model.nodes[name].table
        cols = [tuple(np.round(table[:, k], 9)) for k in range(table.shape[1])]
        assert len(set(cols)) == len(cols), name


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
    # weighted: through c an ally-ally path (1) becomes ally-enemy (-1), through d friendly-ally (0.5)
    # becomes friendly-enemy (-0.5)
    for (x, y), drop in {("a", "c"): 2.0, ("b", "c"): 2.0, ("a", "d"): 1.0, ("b", "d"): 1.0}.items():
        assert later.balance_weight[later.find(x, y)] == pytest.approx(before.balance_weight[before.find(x, y)] - drop)
    assert later.state_names("balance")[later.find("c", "d")] == before.state_names("balance")[before.find("c", "d")]
    # a - e: a now shares b's enemy e? no: e is b's enemy, a is b's enemy: shared enemy for a and e
    assert later.state_names("shared_enemy")[later.find("a", "e")] == "yes"
    assert before.state_names("shared_enemy")[before.find("a", "e")] == "no"
    assert (diff["change"].abs().to_numpy()[:-1] >= diff["change"].abs().to_numpy()[1:]).all()


def test_what_if_drop_and_theater(syria, model):
    after = alliances.what_if(syria, drop=["russia"], add_theater=[("syrian_rebels", "deir_al_zor")])
    assert "russia" not in after and "russia" in syria
    diff = alliances.compare_risk(syria, after, model=model)
    with_russia = (diff["a"] == "russia") | (diff["b"] == "russia")
    assert with_russia.sum() == 7 and set(diff.loc[with_russia, "status"]) == {"removed"}
    assert diff.loc[with_russia, "p_after"].isna().all() and diff.loc[with_russia, "p_before"].notna().all()
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


# --------------------------------------------------------------------------- outer comparison
def test_compare_risk_is_an_outer_comparison(syria, model):
    after = alliances.what_if(syria, drop=["russia"], set=[("assad", "us_coalition", "enemy")])
    diff = alliances.compare_risk(syria, after, model=model)
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
    back = alliances.compare_risk(after, syria, model=model)
    added = back[back["status"] == "added"]
    assert list(zip(added["a"], added["b"], strict=True)) == list(zip(removed["a"], removed["b"], strict=True))
    assert added["p_before"].isna().all()
    assert added["p_after"].to_numpy() == pytest.approx(removed["p_before"].to_numpy())


def test_compare_risk_of_a_network_with_itself(syria, model):
    diff = alliances.compare_risk(syria, syria, model=model)
    assert set(diff["status"]) == {"unchanged"} and len(diff) == 28
    assert list(zip(diff["a"], diff["b"], strict=True)) == sorted(zip(diff["a"], diff["b"], strict=True))


# --------------------------------------------------------------------------- display names
def test_sentence_uses_display_names_and_json_ids(syria):
    ex = alliances.explain_risk(syria, "us_coalition", "assad")
    assert ex.sentence.startswith("Assad - US coalition ranks")
    assert "they share an enemy (IS)" in ex.sentence
    assert "Hezbollah, Shiite militias" in ex.sentence  # the friends of their enemies, by name
    for ident in ("us_coalition", "islamic_state", "shiite_militias", "assad"):
        assert ident not in ex.sentence
    data = ex.to_dict()
    assert (data["a"], data["b"]) == ("assad", "us_coalition")
    assert data["details"]["common_enemies"] == ["islamic_state"]
    assert data["names"]["islamic_state"] == "IS" and data["names"]["assad"] == "Assad"
    rebels = alliances.explain_risk(syria, "assad", "syrian_rebels")
    assert "No theater is recorded for Rebels" in rebels.sentence


# --------------------------------------------------------------------------- pgmpy import is quiet
def test_pgmpy_import_is_quiet_in_jupyter():
    # tqdm.auto warns "IProgress not found" in a Jupyter kernel without ipywidgets; pgmpy
    # imports it. Pretend to be such a kernel in a fresh process and record every warning.
    import subprocess
    import sys
    import textwrap

    code = textwrap.dedent("""
        import sys, types, warnings
        sys.modules["ipykernel.zmqshell"] = types.ModuleType("ipykernel.zmqshell")
        ipython = types.ModuleType("IPython")
        class ZMQInteractiveShell: pass
        ipython.get_ipython = lambda: ZMQInteractiveShell()
        sys.modules["IPython"] = ipython
        sys.modules["ipywidgets"] = None
        with warnings.catch_warnings(record=True) as got:
            warnings.simplefilter("always")
            import alliances
            net = alliances.load("seeds/syria_2017.yaml")
            alliances.conflict_risk(net)
        print("|".join(str(w.message)[:40] for w in got))
        print("pgmpy" in sys.modules)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[1] == "True"  # pgmpy was imported
    assert out[0] == "", out[0]
