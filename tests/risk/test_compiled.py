"""All-pairs conflict risk: the compiled engine against pgmpy's own per-pair queries, and the table it returns."""

import itertools

import numpy as np
import pytest

import alliances
from alliances import Actor, AllianceNetwork, Relation, Stance
from alliances.risk import (
    FACTORS,
    MISSING,
    STANCES,
    CompiledRisk,
    conflict_risk,
    factor_values,
    joint_distribution,
    pair_factors,
    pgmpy_classes,
)
from tests.risk._cases import random_network, small_p_clash


def pgmpy_per_pair(model, net):
    """P(clash = yes) of every pair, one pgmpy VariableElimination query each (soft evidence as virtual evidence)."""
    pg = pgmpy_classes()
    pf = pair_factors(net)
    hard_infer = pg.VariableElimination(model.to_pgmpy())
    prior = hard_infer.query(["stance"], show_progress=False)
    prior = np.array([prior.get_value(stance=s) for s in STANCES])
    out = {}
    for k in range(len(pf)):
        ev = {f: FACTORS[f][pf.states[f][k]] for f in model.factors
              if f != "stance" and pf.states[f][k] != MISSING}
        stance, conf = STANCES[pf.states["stance"][k]], float(pf.confidence[k])
        if conf >= 1:
            q = hard_infer.query(["clash"], evidence={**ev, "stance": stance}, show_progress=False)
        else:
            # Jeffrey's rule as virtual evidence, written out from the prior: the recorded
            # stance gets c, the others share 1 - c in proportion to the prior
            r = STANCES.index(stance)
            L = np.where(np.arange(len(STANCES)) == r, conf / prior[r], (1 - conf) / (1 - prior[r]))
            L = L / L.max()
            ve = pg.TabularCPD("stance", len(STANCES), [[x] for x in L], state_names={"stance": list(STANCES)})
            # pgmpy rewrites its model for virtual evidence: a fresh engine per query
            q = pg.VariableElimination(model.to_pgmpy()).query(["clash"], evidence=ev, virtual_evidence=[ve],
                                                               show_progress=False)
        out[pf.ids[pf.i[k]], pf.ids[pf.j[k]]] = (q.get_value(clash="yes"), conf < 1)
    return out


def _assert_equals_pgmpy(model, net):
    truth = pgmpy_per_pair(model, net)
    df = conflict_risk(net, model=model)
    assert len(df) == len(truth)
    for row in df.itertuples(index=False):
        expected, _ = truth[row.a, row.b]
        assert abs(row.p_clash - expected) < 1e-9, (row.a, row.b, row.p_clash, expected)
    return sum(soft for _, soft in truth.values())


def test_compiled_equals_pgmpy_on_the_seed(model, seed):
    soft = _assert_equals_pgmpy(model, seed)
    assert soft >= 1  # the seed records a relation with confidence 0.7


@pytest.mark.parametrize("case", range(3))
def test_compiled_equals_pgmpy_on_random_scenarios(model, case):
    net = random_network(100 + case, n=11)
    soft = _assert_equals_pgmpy(model, net)
    assert soft > 3  # the soft-evidence path was exercised
    pf = pair_factors(net)
    # every kind of evidence was exercised: fighting stated and not, theaters known and not, backing
    assert len(set(pf.state_names("fighting"))) >= 4 and "unknown" in set(pf.state_names("fighting"))
    assert "unknown" in set(pf.state_names("common_theater")) and "one_side" in set(pf.state_names("backing"))


def test_fitted_model_equals_pgmpy_too(model):
    """The engine reads any tables, not the expert's only: a model with other numbers, same check."""
    rng = np.random.default_rng(5)
    tables = {}
    for n, node in model.nodes.items():
        t = rng.dirichlet(np.ones(len(node.states)), size=node.table.shape[1]).T
        tables[n] = t
    _assert_equals_pgmpy(model.with_tables(tables), random_network(7, n=9))


def test_joint_distribution_equals_pgmpy_marginals(model):
    infer = pgmpy_classes().VariableElimination(model.to_pgmpy())
    for keep in (["clash"], ["fighting", "stance"], ["hostility", "backing", "clash"]):
        phi = infer.query(keep, joint=True, show_progress=False)
        expected = factor_values(phi, keep, [model.nodes[n].states for n in keep])
        assert np.allclose(joint_distribution(model, keep), expected, atol=1e-12), keep


def test_hard_evidence_reads_the_table_of_a_model_without_latents(small_model, seed):
    df = conflict_risk(seed, model=small_model)
    assert list(df.columns) == ["a", "b", "stance", "shared_enemy", "p_clash"]
    pf = pair_factors(seed)
    for row in df.itertuples(index=False):
        if pf.confidence[pf.find(row.a, row.b)] == 1:
            assert row.p_clash == pytest.approx(small_p_clash(row.stance, row.shared_enemy), abs=1e-12)


def test_model_given_as_a_path(small_model_path, seed):
    df = conflict_risk(seed, model=small_model_path)
    row = df[(df["a"] == "assad") & (df["b"] == "russia")].iloc[0]
    assert row["p_clash"] == pytest.approx(small_p_clash("ally", "yes"))


def test_soft_evidence_posterior_equals_confidence(model):
    engine = CompiledRisk(model)
    prior = engine.stance_prior
    assert prior.sum() == pytest.approx(1.0)
    for s in range(len(STANCES) - 1):
        L = engine.likelihood(np.array([s]), np.array([0.7]))[0]
        assert L.max() == 1.0 and (L >= 0).all()
        post = prior * L / (prior * L).sum()
        assert post[s] == pytest.approx(0.7)
        others = np.delete(post, s) / np.delete(prior, s)
        assert np.allclose(others, others[0])  # the rest spread as the prior
    one_hot = engine.likelihood(np.array([2]), np.array([1.0]))[0]
    assert one_hot.tolist() == [0, 0, 1, 0, 0, 0, 0]


def test_confidence_moves_risk_towards_recorded_stance(model):
    def p(conf):
        net = AllianceNetwork("t", actors=[Actor("a", "A"), Actor("b", "B")],
                              relations=[Relation(("a", "b"), Stance.ENEMY, confidence=conf)])
        return float(conflict_risk(net, model=model)["p_clash"].iloc[0])

    values = [p(c) for c in (0.2, 0.5, 0.8, 1.0)]
    assert values == sorted(values)


def test_combos_are_the_distinct_combinations(model):
    net = random_network(7, n=12)
    pf = pair_factors(net)
    engine = CompiledRisk(model)
    rows, inv = engine.combos(pf)
    assert len({tuple(r) for r in rows}) == len(rows)
    for k in range(len(pf)):
        assert tuple(rows[inv[k]]) == tuple(int(pf.states[f][k]) for f in engine.others)


def test_engine_compiles_its_table_once(model, seed):
    engine = CompiledRisk(model)
    pf = pair_factors(seed)
    first = engine.p_clash(pf)
    table = engine.table
    assert np.array_equal(engine.p_clash(pf), first)
    assert engine.table is table  # nothing new to compile
    assert CompiledRisk(model).table is not table  # engines share nothing behind the scenes
    assert np.array_equal(engine.all_pairs(seed)["p_clash"], conflict_risk(seed, model=model)["p_clash"])
    # the summed-out slot of every factor axis is the marginal over that factor
    k = 2 + engine.others.index("fighting")
    assert np.allclose(np.take(table, [-1], axis=k), np.take(table, range(5), axis=k).sum(axis=k, keepdims=True))


def test_unobserved_stance_is_summed_out(model, seed):
    engine = CompiledRisk(model)
    pf = pair_factors(seed)
    blind = pf.with_states(stance=np.full(len(pf), MISSING))
    p = engine.p_clash(blind)
    rows, inv = engine.combos(pf)
    for k in range(len(pf)):
        J = engine.joint(tuple(rows[inv[k]]))
        assert p[k] == pytest.approx(J[1].sum() / J.sum(), abs=1e-12)


def test_progress_callback_true_and_false(model, seed):
    calls = []
    df = conflict_risk(seed, model=model, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 1)]
    for flag in (True, False, None):  # True draws a bar only on a terminal; these give the same table
        assert conflict_risk(seed, model=model, progress=flag).equals(df)
    with pytest.raises(alliances.ParameterError, match="progress"):
        conflict_risk(seed, model=model, progress="yes")


def test_output_frame_contract(seed):
    df = conflict_risk(seed)
    assert list(df.columns) == ["a", "b", "stance", "fighting", "implied", "shared_enemy", "backing",
                                "common_theater", "p_clash"]
    assert df.attrs["horizon"] == "P(at least one direct armed clash between the two in the next month)"
    assert len(df) == 28
    assert (df["a"] < df["b"]).all()
    p = df["p_clash"].to_numpy()
    assert (np.diff(p) <= 0).all()
    assert ((p > 0) & (p < 1)).all()
    assert set(df.loc[(df["a"] == "russia") & (df["b"] == "us_coalition"), "stance"]) == {"unknown"}


def test_ties_sorted_by_ids(model):
    net = AllianceNetwork("t", actors=[Actor(x, x) for x in "dcba"])
    df = conflict_risk(net, model=model)
    assert list(zip(df["a"], df["b"], strict=True)) == sorted(itertools.combinations("abcd", 2))


def test_syria_ranking(seed):
    df = conflict_risk(seed).reset_index(drop=True)
    enemy = df.index[df["stance"] == "enemy"]
    ally = df.index[df["stance"] == "ally"]
    not_fighting = df.index[df["stance"] != "enemy"]
    assert len(enemy) == 8 and len(ally) == 7
    assert enemy.max() < ally.min()
    assert enemy.max() < not_fighting.min()
    top = df.loc[not_fighting.min()]
    ex = alliances.explain_risk(seed, top["a"], top["b"])
    assert "the highest of the pairs not already at war" in ex.sentence
    assert ex.p_clash == pytest.approx(top["p_clash"])
