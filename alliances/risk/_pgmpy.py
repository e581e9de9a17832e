"""pgmpy, imported on first use and quietly, and its factors read in a known order.

``import pgmpy.inference`` costs about 2 s (scikit-learn, statsmodels), so the risk
layer imports pgmpy only when a model is first converted or queried, through
:func:`pgmpy_classes`. pgmpy lays out a factor's axes and states in its own order;
:func:`factor_values` reads them in ours.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NamedTuple

import numpy as np

from .._checks import check_items, check_text, shown
from ..errors import ParameterError, ParameterTypeError

__all__ = ["PgmpyClasses", "factor_values", "pgmpy_classes", "quiet_pgmpy_import"]


@contextmanager
def quiet_pgmpy_import() -> Iterator[None]:
    """Silence what importing pgmpy 1.1.2 prints, for the length of the ``with`` block.

    Its StructureScore FutureWarning, and tqdm's ``IProgress not found`` warning in
    Jupyter without ipywidgets (pgmpy imports ``tqdm.auto``; we never show its progress
    bars). The warning filters are restored on leaving the block.

    Examples
    --------
    >>> with quiet_pgmpy_import():
    ...     from pgmpy.factors.discrete import TabularCPD
    >>> TabularCPD.__name__
    'TabularCPD'
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*StructureScore.*", category=FutureWarning)
        warnings.filterwarnings("ignore", message="IProgress not found")
        warnings.filterwarnings("ignore", message=r"Using `tqdm\.autonotebook\.tqdm` in notebook mode")
        yield


class PgmpyClasses(NamedTuple):
    """The pgmpy classes the risk layer builds and queries networks with."""

    TabularCPD: Any
    VariableElimination: Any
    DiscreteBayesianNetwork: Any


def pgmpy_classes() -> PgmpyClasses:
    """Import what the risk layer uses of pgmpy, quietly (see :func:`quiet_pgmpy_import`).

    Returns
    -------
    PgmpyClasses
        ``TabularCPD``, ``VariableElimination`` and ``DiscreteBayesianNetwork``.

    Examples
    --------
    >>> pgmpy_classes().DiscreteBayesianNetwork.__name__
    'DiscreteBayesianNetwork'
    """
    with quiet_pgmpy_import():
        from pgmpy.factors.discrete import TabularCPD
        from pgmpy.inference import VariableElimination
        from pgmpy.models import DiscreteBayesianNetwork
    return PgmpyClasses(TabularCPD, VariableElimination, DiscreteBayesianNetwork)


def factor_values(phi: Any, variables: Sequence[str], states: Sequence[Sequence[Any]]) -> np.ndarray:
    """A pgmpy factor's values as an array over ``variables``, each axis in the given state order.

    Parameters
    ----------
    phi : pgmpy DiscreteFactor or TabularCPD
        A factor, e.g. the answer of ``VariableElimination.query(..., joint=True)``.
    variables : sequence of str
        The factor's variables, in the axis order wanted.
    states : sequence of sequences
        For each variable, its state names in the order wanted.

    Returns
    -------
    numpy.ndarray
        ``out[i, j, ...]`` is the factor's value at ``variables[0] = states[0][i]``, ...

    Examples
    --------
    >>> from pgmpy.factors.discrete import DiscreteFactor
    >>> phi = DiscreteFactor(["x", "y"], [2, 2], [1, 2, 3, 4], state_names={"x": ["a", "b"], "y": ["u", "v"]})
    >>> factor_values(phi, ["y", "x"], [["v", "u"], ["a", "b"]]).tolist()
    [[2.0, 4.0], [1.0, 3.0]]
    """
    check_items(variables, "variables", check_text, item="a variable")
    check_items(states, "states", lambda v, n: check_items(v, n, lambda x, _: x, item="a state"),
                item="the states of a variable")
    if not all(hasattr(phi, a) for a in ("values", "variables", "state_names")):
        raise ParameterTypeError(f"phi must be a pgmpy factor (values, variables, state_names), not {shown(phi)}")
    if sorted(map(str, variables)) != sorted(map(str, phi.variables)) or len(states) != len(variables):
        raise ParameterError(f"variables must be the factor's own ({', '.join(map(str, phi.variables))}), "
                             f"each with its states")
    for v, wanted in zip(variables, states, strict=True):
        if sorted(map(str, wanted)) != sorted(map(str, phi.state_names[v])):
            raise ParameterError(f"the states of {v!r} must be the factor's own ({', '.join(map(str, phi.state_names[v]))})")
    values = np.moveaxis(phi.values, [phi.variables.index(v) for v in variables], range(len(variables)))
    for axis, (v, wanted) in enumerate(zip(variables, states, strict=True)):
        have = list(phi.state_names[v])
        if have != list(wanted):
            values = np.take(values, [have.index(s) for s in wanted], axis=axis)
    return np.array(values, dtype=float)
