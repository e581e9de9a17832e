"""Inputs the risk tests share: random scenarios and a small hand-checkable model file."""

import itertools
import random

from alliances import Actor, ActorKind, AllianceNetwork, Relation, Stance, Theater
from alliances.risk import FACTORS

SMALL_MODEL = """\
version: 1
name: small
nodes:
  - id: stance
    states: [ally, friendly, neutral, ambivalent, rival, enemy, unknown]
    p: [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.4]
    rationale: r
    reference: x
  - id: shared_enemy
    states: [no, yes]
    p: [0.7, 0.3]
    rationale: r
    reference: x
  - id: clash
    states: ["no", "yes"]
    parents: [stance, shared_enemy]
    rationale: r
    reference: x
    table:
{rows}
"""


def small_p_clash(stance: str, shared_enemy: str) -> float:
    """P(clash = yes | stance, shared_enemy) in the small model: 0.05 + 0.1 per stance step, 0.03 less with an enemy in common."""
    return round(0.05 + 0.1 * FACTORS["stance"].index(stance) - (0.03 if shared_enemy == "yes" else 0), 2)


def small_model_text() -> str:
    """A model without latents: stance and shared_enemy (roots) -> clash, whose table is :func:`small_p_clash`."""
    rows = []
    for s, e in itertools.product(FACTORS["stance"], FACTORS["shared_enemy"]):
        y = small_p_clash(s, e)
        rows.append(f"      - {{given: [{s}, {e}], p: [{1 - y:.2f}, {y:.2f}]}}")
    return SMALL_MODEL.format(rows="\n".join(rows))


def random_network(seed: int, n: int = 10, p_edge: float = 0.45, theaters: int = 3) -> AllianceNetwork:
    """A random scenario: every stance, confidences below 1, custom weights, actors without theaters,
    states among armed groups (outside backers), and fighting stated on some relations."""
    rng = random.Random(seed)
    ids = [f"x{k:02d}" for k in range(n)]
    th = [f"t{k}" for k in range(theaters)]
    kinds = [ActorKind.STATE, ActorKind.COALITION, ActorKind.ARMED_GROUP, ActorKind.MILITIA, ActorKind.OTHER]
    actors = []
    for a in ids:
        # some actors have no theater recorded: their common_theater is unobserved
        mine = tuple(sorted(rng.sample(th, rng.randint(0, 2))))
        actors.append(Actor(a, a.upper(), rng.choice(kinds), theaters=mine))
    rels = []
    for a, b in itertools.combinations(ids, 2):
        if rng.random() < p_edge:
            stance = rng.choice(list(Stance))
            conf = rng.choice([1.0, 1.0, 0.9, 0.7, 0.4])
            weight = rng.choice([None, None, 0.3, 0.8, 1.0])  # None: the stance's default
            fighting = rng.choice([None, None, *FACTORS["fighting"]])  # None: not stated
            rels.append(Relation((a, b), stance, confidence=conf, weight=weight, fighting=fighting))
    return AllianceNetwork(f"random {seed}", actors=actors, relations=rels,
                           theaters=[Theater(t, t.upper()) for t in th])
