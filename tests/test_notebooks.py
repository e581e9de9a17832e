"""The notebooks are committed clean and use only the documented public API.

They are executed by nbmake as part of the same pytest run (see ``addopts`` in
pyproject.toml); these tests check what execution cannot.
"""

import json
import re

import pytest

import alliances
from tests._paths import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_both_notebooks_exist():
    assert {p.name for p in NOTEBOOKS} >= {"syria_2017.ipynb", "your_own_conflict.ipynb"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path):
    nb = json.loads(path.read_text("utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [], f"{path.name}: a code cell has outputs"
            assert cell.get("execution_count") is None, f"{path.name}: a code cell has an execution count"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_uses_only_the_public_api(path):
    nb = json.loads(path.read_text("utf-8"))
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    assert "from alliances." not in code and "import alliances." not in code
    used = set(re.findall(r"\balliances\.([A-Za-z_]\w*)", code))
    assert used, "the notebook does not use alliances at all"
    assert used <= set(alliances.__all__), used - set(alliances.__all__)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_paths_are_relative_to_the_notebooks_folder(path):
    nb = json.loads(path.read_text("utf-8"))
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    for target in re.findall(r"""["'](\.\./[^"']+)["']""", code):
        assert (path.parent / target).exists(), target
