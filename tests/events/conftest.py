"""Fixtures of the event tests: the fixtures' scenario and the Syria 2016-2019 relations by month."""

from __future__ import annotations

import pytest

import alliances
from alliances.events import relations_over_time
from tests._paths import SEED_2016, UCDP
from tests.events._helpers import EVENTS


@pytest.fixture(scope="package")
def net():
    """The scenario the event fixtures in tests/data/events/ map to."""
    return alliances.load(EVENTS / "scenario.yaml")


@pytest.fixture(scope="package")
def syria():
    """The Syria 2016-2019 seed and its monthly relations from the shipped UCDP file."""
    seed = alliances.load(SEED_2016)
    return seed, relations_over_time(UCDP, seed, window="month")
