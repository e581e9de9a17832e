"""What every risk model shares: the graph-derived factors with their states, and the outcome.

A risk model may choose its latent nodes and its tables, but the **factor** nodes are
computed from the signed graph (:func:`~alliances.risk.pair_factors`), so their names
and states are fixed here, in the order the factor arrays index them. The **outcome**
``clash`` is what the model predicts.

Examples
--------
>>> FACTORS["shared_enemy"], OUTCOME, OUTCOME_STATES
(('no', 'yes'), 'clash', ('no', 'yes'))
>>> STANCES.index("unknown") == len(STANCES) - 1
True
"""

from __future__ import annotations

__all__ = ["FACTORS", "MISSING", "OUTCOME", "OUTCOME_STATES", "STANCES"]

#: The graph-derived factors a model may use, with their states in canonical order.
FACTORS: dict[str, tuple[str, ...]] = {
    "stance": ("ally", "friendly", "neutral", "ambivalent", "rival", "enemy", "unknown"),
    "balance": ("strongly_negative", "weakly_negative", "zero", "weakly_positive", "strongly_positive"),
    "shared_enemy": ("no", "yes"),
    "common_theater": ("no", "yes"),
    "opposed_backers": ("no", "yes"),
}
#: The states of the stance factor (``unknown``: no relation in force).
STANCES: tuple[str, ...] = FACTORS["stance"]
#: The outcome node and its states.
OUTCOME = "clash"
OUTCOME_STATES: tuple[str, ...] = ("no", "yes")
#: The state index of an unobserved factor (e.g. ``common_theater`` without theaters).
MISSING = -1
