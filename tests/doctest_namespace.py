"""A pytest plugin (loaded with ``-p tests.doctest_namespace``): names every doctest in the package may use.

Doctests import what they use themselves, so each example reads on its own; the
namespace adds ``alliances`` and the seed's path for brevity in longer examples.
"""

import pytest

from tests._paths import SEED


@pytest.fixture(autouse=True)
def _doctest_names(doctest_namespace):
    import alliances

    doctest_namespace["alliances"] = alliances
    doctest_namespace["SEED"] = str(SEED)
