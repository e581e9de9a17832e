"""The risk layer's fixed vocabulary: factors, their states, the outcome."""

import alliances
from alliances.risk import FACTORS, MISSING, OUTCOME, OUTCOME_STATES, STANCES, pair_factors


def test_stance_states_are_the_stances_then_unknown():
    assert STANCES == FACTORS["stance"]
    assert STANCES[:-1] == tuple(s.value for s in alliances.Stance)
    assert STANCES[-1] == "unknown"


def test_ordered_factor_states_run_from_one_end_to_the_other():
    assert FACTORS["implied"] == ("enemy", "rival", "none", "friendly", "ally")
    assert FACTORS["fighting"] == ("none", "past", "recent", "low", "high")
    assert FACTORS["backing"] == ("none", "one_side", "both_sides")
    for f in ("shared_enemy", "common_theater", "opposed_backers"):
        assert FACTORS[f] == ("no", "yes")
    assert (OUTCOME, OUTCOME_STATES) == ("clash", ("no", "yes"))


def test_missing_is_no_state_index():
    assert MISSING < 0
    assert all(MISSING not in range(len(states)) for states in FACTORS.values())


def test_pair_factors_computes_exactly_these_factors(seed):
    pf = pair_factors(seed)
    assert set(pf.states) == set(FACTORS)
    for f, states in FACTORS.items():
        codes = pf.states[f]
        assert ((codes == MISSING) | ((codes >= 0) & (codes < len(states)))).all(), f


def test_the_shipped_model_uses_every_factor_with_its_states(model):
    assert set(model.factors) == set(FACTORS) - {"opposed_backers"}  # left out: see default_model.yaml
    for f in model.factors:
        assert model.nodes[f].states == FACTORS[f]
    assert model.nodes[OUTCOME].states == OUTCOME_STATES
