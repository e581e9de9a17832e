"""pgmpy imported lazily and quietly, and its factors read in our order."""

import itertools
import subprocess
import sys
import textwrap
import warnings

import numpy as np
import pytest

from alliances.risk import factor_values, pgmpy_classes, quiet_pgmpy_import


def _factor(variables, cards, values, names):
    from pgmpy.factors.discrete import DiscreteFactor

    return DiscreteFactor(variables, cards, values, state_names=names)


@pytest.mark.parametrize("perm", list(itertools.permutations(range(3))))
def test_factor_values_reorders_axes_and_states(perm):
    names = {"x": ["a", "b"], "y": ["u", "v", "w"], "z": ["p", "q"]}
    values = np.arange(12, dtype=float) + 1
    phi = _factor(["x", "y", "z"], [2, 3, 2], values, names)
    variables = [["x", "y", "z"][k] for k in perm]
    wanted = [list(reversed(names[v])) for v in variables]  # every axis in reverse state order
    out = factor_values(phi, variables, wanted)
    assert out.shape == tuple(len(names[v]) for v in variables)
    for idx in itertools.product(*[range(len(w)) for w in wanted]):
        state = {v: wanted[axis][idx[axis]] for axis, v in enumerate(variables)}
        assert out[idx] == phi.get_value(**state), (variables, state)


def test_factor_values_of_a_tabular_cpd_in_the_model_order(model):
    cpd = model.cpds["hostility"]
    node = model.nodes["hostility"]
    order = [node.id, *node.parents]
    values = factor_values(cpd, order, [model.nodes[v].states for v in order])
    assert np.array_equal(values.reshape(node.table.shape), node.table)


def test_factor_values_rejects_an_unknown_state():
    phi = _factor(["x"], [2], [0.3, 0.7], {"x": ["a", "b"]})
    with pytest.raises(ValueError):
        factor_values(phi, ["x"], [["a", "c"]])


def test_pgmpy_classes_are_pgmpys_own():
    pg = pgmpy_classes()
    assert pg.TabularCPD.__module__.startswith("pgmpy.")
    assert pg.VariableElimination.__name__ == "VariableElimination"
    assert pg.DiscreteBayesianNetwork.__name__ == "DiscreteBayesianNetwork"


def test_quiet_import_restores_the_warning_filters():
    before = list(warnings.filters)
    with quiet_pgmpy_import():
        assert warnings.filters != before
    assert warnings.filters == before


def test_pgmpy_import_is_quiet_in_jupyter(seed_path):
    # tqdm.auto warns "IProgress not found" in a Jupyter kernel without ipywidgets; pgmpy
    # imports it. Pretend to be such a kernel in a fresh process and record every warning.
    code = textwrap.dedent("""
        import sys, types, warnings
        sys.modules["ipykernel.zmqshell"] = types.ModuleType("ipykernel.zmqshell")
        ipython = types.ModuleType("IPython")
        class ZMQInteractiveShell: pass
        ipython.get_ipython = lambda: ZMQInteractiveShell()
        sys.modules["IPython"] = ipython
        sys.modules["ipywidgets"] = None
        with warnings.catch_warnings(record=True) as got:
            warnings.simplefilter("always")
            import alliances
            alliances.load_risk_model().to_pgmpy()
        print("|".join(str(w.message)[:40] for w in got))
        print("pgmpy" in sys.modules)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[1] == "True"  # pgmpy was imported
    assert out[0] == "", out[0]


def test_importing_the_risk_layer_does_not_import_pgmpy():
    code = "import sys, alliances.risk; print('pgmpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_risk_what_if_and_explanation_never_import_pgmpy(seed_path):
    """The all-pairs engine is numpy: what `alliances risk` runs needs no pgmpy (its import is 2 s)."""
    code = textwrap.dedent(f"""
        import sys, alliances
        net = alliances.load({str(seed_path)!r})
        alliances.conflict_risk(net)
        alliances.explain_risk(net, "assad", "us_coalition")
        alliances.compare_risk(net, alliances.what_if(net, drop=["russia"]))
        print("pgmpy" in sys.modules)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
