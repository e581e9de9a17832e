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


# --------------------------------------------------------------------------- the tutorial adapts in one cell
TUTORIAL = ROOT / "notebooks" / "your_own_conflict.ipynb"

_SECOND = """\
scenario: Highland tribes (a second, unrelated scenario)
as_of: 2020-05
actors:
  - {id: tribe_alpha, name: Alpha clan, kind: militia}
  - {id: tribe_beta, name: Beta clan, label: Beta, kind: militia}
  - {id: capital, name: Central government, kind: state, aliases: [the capital]}
  - {id: traders, name: Salt traders' league, kind: other}
relations:
  - {actors: [tribe_alpha, tribe_beta], stance: enemy, since: 2019-11}
  - {actors: [capital, tribe_beta], stance: ally}
  - {actors: [capital, traders], stance: friendly}
  - {actors: [traders, tribe_alpha], stance: ambivalent}
"""


def _code_cells(path):
    nb = json.loads(path.read_text("utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]


def test_tutorial_scenario_is_one_cell_at_the_top():
    cells = _code_cells(TUTORIAL)
    match = re.fullmatch(r'SCENARIO = "([^"]+)"\n?', cells[0])
    assert match, cells[0]
    shipped = TUTORIAL.parent / match.group(1)
    net = alliances.load(shipped)  # the example ships beside the notebook and is valid
    later = "\n".join(cells[1:])
    assert "SCENARIO" in later
    for actor in net.actors:  # no later cell names one of the example's actors
        assert not re.search(rf"\b{actor}\b", later), actor


def test_tutorial_runs_on_another_scenario(tmp_path):
    """The tutorial executed with only its SCENARIO cell changed, on a file sharing no actor id."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    scenario = tmp_path / "highlands.yaml"
    scenario.write_text(_SECOND, "utf-8")
    nb = nbformat.read(TUTORIAL, as_version=4)
    first = next(c for c in nb.cells if c.cell_type == "code")
    first.source = f"SCENARIO = {str(scenario)!r}"
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(TUTORIAL.parent)}}).execute()
    text = "\n".join(o.get("text", "") + json.dumps(o.get("data", {}))
                     for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "Highland tribes" in text, text[:3000]
    assert "highlands.yaml:9: unknown stance 'enem'" in text, text[:3000]  # the validation cell broke this file
    assert "what if Central government and Beta turned neutral?" in text
    assert "arland" not in text and "river_valley" not in text
