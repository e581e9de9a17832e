"""What every risk model shares: the observed factors with their states, and the outcome.

A risk model may choose its latent nodes and its tables, but the **factor** nodes are
observed for every pair (:func:`~alliances.risk.pair_factors` computes them from the
signed graph and the relations' stated fighting), so their names and states are fixed
here, in the order the factor arrays index them. The **outcome** ``clash`` is what the
model predicts. Every factor's states are ordered so that, other things equal, risk
rises (``implied``: falls) along them, which the shipped model's tables respect.

Examples
--------
>>> FACTORS["fighting"], OUTCOME, OUTCOME_STATES
(('none', 'past', 'recent', 'low', 'high'), 'clash', ('no', 'yes'))
>>> STANCES.index("unknown") == len(STANCES) - 1
True
"""

from __future__ import annotations

from .._records import FIGHTING

__all__ = ["FACTORS", "MISSING", "OUTCOME", "OUTCOME_STATES", "STANCES"]

#: The factors a model may use, with their states in canonical order.
FACTORS: dict[str, tuple[str, ...]] = {
    # the pair's own recorded relation (``unknown``: none in force)
    "stance": ("ally", "friendly", "neutral", "ambivalent", "rival", "enemy", "unknown"),
    # how much the pair has fought lately: a relation's ``fighting``, or from event data
    "fighting": FIGHTING,
    # what the rest of the graph implies (the score of :func:`alliances.implied_relations`)
    "implied": ("enemy", "rival", "none", "friendly", "ally"),
    "shared_enemy": ("no", "yes"),
    "opposed_backers": ("no", "yes"),
    # outside states on friendly terms with one side of the pair and not the other
    "backing": ("none", "one_side", "both_sides"),
    "common_theater": ("no", "yes"),
}
#: The states of the stance factor (``unknown``: no relation in force).
STANCES: tuple[str, ...] = FACTORS["stance"]
#: The outcome node and its states.
OUTCOME = "clash"
OUTCOME_STATES: tuple[str, ...] = ("no", "yes")
#: The state index of an unobserved factor (``common_theater`` without theaters, ``fighting`` not stated).
MISSING = -1
