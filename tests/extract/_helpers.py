"""What the extraction tests share: the hand-annotated texts and a small set of actors.

The texts under tests/data/texts/ are our own (invented or paraphrased); each has a
``*.expected.yaml`` listing the relations it states (with the sentences that state
them), pairs it does not relate, negated cues and unmatched names.
"""

from __future__ import annotations

import yaml

import alliances
from alliances import Actor
from alliances.extract import extract_relations
from tests._paths import DATA

TEXTS = DATA / "texts"
CASES = sorted(p.name.removesuffix(".expected.yaml") for p in TEXTS.glob("*.expected.yaml"))

ACTORS = [
    Actor("assad", "Assad government", "state", aliases=("Damascus", "Syrian army", "government forces")),
    Actor("russia", "Russia", "state", aliases=("Moscow",)),
    Actor("iran", "Iran", "state"),
    Actor("us", "US-led coalition", "coalition", aliases=("United States", "US-backed forces")),
    Actor("is", "Islamic State", "armed_group", aliases=("IS",)),
    Actor("militias", "Iran-backed militias", "militia"),
    Actor("rebels", "Syrian rebels", "armed_group", aliases=("rebels",)),
]


def case(name: str):
    """(text, scenario, expectations, extraction) of one annotated text."""
    expected = yaml.safe_load((TEXTS / f"{name}.expected.yaml").read_text())
    net = alliances.load(TEXTS / expected["scenario"])
    text = (TEXTS / f"{name}.txt").read_text()
    return text, net, expected, extract_relations(text, net, demonyms=expected.get("demonyms"))


def stances(text: str, actors=ACTORS) -> dict[tuple[str, str], str]:
    """The proposed stance of every pair."""
    return {p.pair: p.stance.value for p in extract_relations(text, actors).proposals}
