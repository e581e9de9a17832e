"""The shipped model (default_model.yaml): every factor moves the risk the way the literature says."""

import itertools
from importlib import resources

import numpy as np
import pytest

from alliances.risk import FACTORS, MISSING, STANCES, CompiledRisk


def test_every_table_has_its_rationale_and_reference(model):
    assert set(model.factors) == set(FACTORS)
    for node in model.nodes.values():
        assert node.rationale and node.reference
        assert np.allclose(node.table.sum(axis=0), 1.0)
        assert len(node.parents) <= 3 and len(node.states) <= 7
    assert ("hostility", "clash") in model.edges
    text = resources.files("alliances.risk").joinpath("default_model.yaml").read_text(encoding="utf-8")
    for ref in ("Bremer (1992)", "Li, Bradshaw, Clary & Cranmer (2017)", "Maoz, Terris, Kuperman & Talmud (2007)",
                "Hegre"):
        assert ref in text


ORDER = ["enemy", "rival", "ambivalent", "unknown", "neutral", "friendly", "ally"]


@pytest.fixture(scope="module")
def engine(model):
    return CompiledRisk(model)


def _p(comp, combo, stance):
    J = comp.joint(combo)
    s = STANCES.index(stance)
    return J[1, s] / J[:, s].sum()


def _all_combos(comp):
    ranges = [[*range(len(FACTORS[f])), *([MISSING] if f == "common_theater" else [])] for f in comp.others]
    return list(itertools.product(*ranges))


def _with_factor(comp, factor, state):
    """Every combination in which ``factor`` is in ``state``, with a function putting it in another."""
    pos = comp.others.index(factor)
    for combo in _all_combos(comp):
        if combo[pos] == state:
            yield combo, lambda t, combo=combo: combo[:pos] + (t,) + combo[pos + 1:]


def test_monotone_in_stance(engine):
    for combo in _all_combos(engine):
        values = [_p(engine, combo, s) for s in ORDER]
        assert all(x > y for x, y in itertools.pairwise(values)), (combo, values)


@pytest.mark.parametrize("factor", ["common_theater", "opposed_backers"])
def test_factor_raises_risk(engine, factor):
    for combo, put in _with_factor(engine, factor, FACTORS[factor].index("no")):
        for s in STANCES:
            assert _p(engine, put(1), s) > _p(engine, combo, s), (factor, combo, s)


def test_shared_enemy_lowers_risk_for_rivals(engine):
    for combo, put in _with_factor(engine, "shared_enemy", 0):
        assert _p(engine, put(1), "rival") < _p(engine, combo, "rival"), combo


def test_balance_lowers_risk_step_by_step(engine):
    # from strongly negative to strongly positive, every step lowers P(clash), for every
    # stance and every state of the other factors
    for combo, put in _with_factor(engine, "balance", 0):
        for s in STANCES:
            values = [_p(engine, put(b), s) for b in range(len(FACTORS["balance"]))]
            assert all(x > y for x, y in itertools.pairwise(values)), (combo, s, values)


def test_every_graph_factor_moves_the_risk(engine):
    # no factor the graph can change is inert: every change of its state moves P(clash)
    # by at least 0.1 percentage point, whatever the stance and the other factors
    for f in engine.others:
        for state in range(len(FACTORS[f])):
            for combo, put in _with_factor(engine, f, state):
                for t in set(range(len(FACTORS[f]))) - {state}:
                    for s in STANCES:
                        assert abs(_p(engine, put(t), s) - _p(engine, combo, s)) > 1e-3, (f, combo, t, s)


def test_shared_enemy_and_opposed_backers_is_its_own_case(engine):
    # both at once lie strictly between "neither" and "opposed backers alone" (Maoz et al.
    # 2007: an imbalanced mix is more conflict-prone than no pull at all), for every stance
    se, ob = engine.others.index("shared_enemy"), engine.others.index("opposed_backers")

    def put(combo, x, y):
        c = list(combo)
        c[se], c[ob] = x, y
        return tuple(c)

    for combo in _all_combos(engine):
        if combo[se] or combo[ob]:
            continue
        for s in STANCES:
            neither, both, backers = (_p(engine, put(combo, *v), s) for v in ((0, 0), (1, 1), (0, 1)))
            assert neither < both < backers, (combo, s)


def test_latent_tables_have_a_distinct_distribution_per_parent_combination(model):
    for name in model.latents:
        table = model.nodes[name].table
        cols = [tuple(np.round(table[:, k], 9)) for k in range(table.shape[1])]
        assert len(set(cols)) == len(cols), name
