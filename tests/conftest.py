"""Fixtures every test folder shares: the seed scenarios and small hand-checked signed graphs."""

from __future__ import annotations

import os

import networkx as nx
import pytest
from hypothesis import settings

import alliances
from tests._paths import DATA, ROOT, SEED, SEED_2016, UCDP

# Property tests draw the same examples on every run, so a red CI run reads the same when re-run
# and a pass means the same cases passed; HYPOTHESIS_PROFILE=explore draws new random examples
# (and keeps failures in .hypothesis/) while working on a part.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore")
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


@pytest.fixture(scope="session")
def seed_path():
    """The Syria 2017 seed scenario file."""
    return SEED


@pytest.fixture(scope="session")
def seed():
    """The Syria 2017 seed, loaded once (networks are immutable)."""
    return alliances.load(SEED)


@pytest.fixture(scope="session")
def seed_2016_path():
    """The Syria 2016-2019 scenario the UCDP events map to."""
    return SEED_2016


@pytest.fixture(scope="session")
def ucdp_path():
    """The shipped UCDP GED Syria 2016-2019 event file."""
    return UCDP


@pytest.fixture(scope="session")
def data_dir():
    """tests/data: texts, event samples and published reference data."""
    return DATA


@pytest.fixture(scope="session")
def repo_root():
    """The repository's top folder."""
    return ROOT


def _signed(edges):
    g = nx.Graph()
    for u, v, s in edges:
        g.add_edge(u, v, sign=s)
    return g


@pytest.fixture
def balanced_triangle():
    """a+b, b-c, a-c: one enemy shared by two friends (strictly balanced)."""
    return _signed([("a", "b", 1), ("b", "c", -1), ("a", "c", -1)])


@pytest.fixture
def unbalanced_triangle():
    """a+b, b+c, a-c: a friend of a friend is an enemy (unbalanced)."""
    return _signed([("a", "b", 1), ("b", "c", 1), ("a", "c", -1)])


@pytest.fixture
def two_camps():
    """Two all-positive camps {a, b, c} and {d, e} joined only by negative ties."""
    pos = [("a", "b", 1), ("b", "c", 1), ("a", "c", 1), ("d", "e", 1)]
    neg = [("a", "d", -1), ("b", "e", -1), ("c", "d", -1)]
    return _signed(pos + neg)
