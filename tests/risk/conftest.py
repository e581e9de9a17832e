"""Fixtures of the risk tests: the shipped model and a small model without latents."""

import pytest

from alliances.risk import load_risk_model, loads_risk_model
from tests.risk._cases import small_model_text


@pytest.fixture(scope="session")
def model():
    """The shipped default risk model."""
    return load_risk_model()


@pytest.fixture(scope="session")
def small_model():
    """stance, shared_enemy -> clash, no latents (see ``tests.risk._cases.small_p_clash``)."""
    return loads_risk_model(small_model_text(), filename="small.yaml")


@pytest.fixture
def small_model_path(tmp_path):
    """The small model as a file."""
    path = tmp_path / "small.yaml"
    path.write_text(small_model_text(), encoding="utf-8")
    return path
