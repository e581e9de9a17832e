"""Fixtures the diagram tests share: three scenarios and their risk tables, computed once."""

from __future__ import annotations

import pytest

import alliances
from tests._paths import SEED
from tests.draw._scenarios import random_network, two_actors

SCENARIOS = {"seed": lambda: alliances.load(SEED), "random40": random_network, "two": two_actors}

@pytest.fixture(scope="session")
def nets():
    """The seed, a random 40-actor network and a two-actor one, by name."""
    return {name: make() for name, make in SCENARIOS.items()}

@pytest.fixture(scope="session")
def risks(nets):
    """Each scenario's all-pairs risk table."""
    return {name: alliances.conflict_risk(net) for name, net in nets.items()}
