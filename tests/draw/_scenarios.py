"""Scenarios the diagram tests share: the seed, a random 40-actor network, a mediator ringed by one camp, and two actors."""

from __future__ import annotations

import random
import xml.etree.ElementTree as ET
from pathlib import Path

import alliances
from alliances import Actor, AllianceNetwork, Relation

KINDS = ("state", "coalition", "armed_group", "militia", "international_org", "other")


def random_network(n: int = 40, seed: int = 1) -> AllianceNetwork:
    """Four hidden camps; ties mostly friendly inside and hostile across, some noise, long names."""
    rng = random.Random(seed)
    actors = [
        Actor(f"a{i:02d}", f"Armed actor number {i}" if i % 3 else f"Group {i}", rng.choice(KINDS),
              label=None if i % 4 else f"G{i}")
        for i in range(n)
    ]
    camp = [rng.randrange(4) for _ in range(n)]
    rels = []
    for i in range(n):
        for j in range(i + 1, n):
            if rng.random() < 0.12:
                same = camp[i] == camp[j]
                stance = rng.choice(["ally", "friendly", "ambivalent"] if same else ["enemy", "rival", "neutral"])
                if rng.random() < 0.1:
                    stance = rng.choice(["ally", "enemy", "neutral", "ambivalent"])
                rels.append(Relation((actors[i].id, actors[j].id), stance, confidence=rng.choice([1.0, 1.0, 0.6])))
    return AllianceNetwork(f"Random scenario ({n} actors)", actors=actors, relations=rels)


STAR_CAMP = [f"s{i}" for i in range(8)]
"""The one camp of :func:`mediator_star`: every actor but the mediator."""


def mediator_star() -> AllianceNetwork:
    """A mediator in no camp, allied to every member of the one camp ringed around it (whose area has a hole)."""
    actors = [Actor("hub", "Mediator", "state")] + [Actor(v, f"Spoke {v[1:]}", "state") for v in STAR_CAMP]
    rels = [Relation(("hub", v), "ally") for v in STAR_CAMP]
    rels += [Relation((v, STAR_CAMP[(i + 1) % len(STAR_CAMP)]), "friendly") for i, v in enumerate(STAR_CAMP)]
    return AllianceNetwork("Star", actors=actors, relations=rels)


def two_actors() -> AllianceNetwork:
    return alliances.loads("""
scenario: Two actors
actors:
  - {id: north, name: Northern Alliance, kind: coalition}
  - {id: south, name: Southern Front, label: South, kind: armed_group}
relations:
  - {actors: [north, south], stance: enemy}
""")


def svg_texts(path: Path) -> list[str]:
    """Every text element of an SVG file, as it reads."""
    root = ET.parse(path).getroot()
    return ["".join(el.itertext()) for el in root.iter("{http://www.w3.org/2000/svg}text")]


def scenario_yaml(net: AllianceNetwork) -> str:
    """A scenario file's text for a network of plain actors and relations (for the command line)."""
    lines = [f"scenario: {net.scenario}", "actors:"]
    for a in net.actors.values():
        label = f", label: {a.label}" if a.label else ""
        lines.append(f"  - {{id: {a.id}, name: {a.name}, kind: {a.kind}{label}}}")
    lines.append("relations:")
    for u, v, d in net.graph.edges(data=True):
        lines.append(f"  - {{actors: [{u}, {v}], stance: {d['stance']}, confidence: {d['confidence']}}}")
    return "\n".join(lines) + "\n"
