"""HiGHS for the frustration index and the factions: a silent solver and one warm-started run.

Both exact methods hand HiGHS a row-wise binary programme (integer columns first, then
continuous ones), a heuristic solution as a warm start, and read back the same things:
the best solution, whether it is proven optimal and the dual bound. This module holds
those steps once:

- :func:`highs`: a ``highspy.Highs`` that prints nothing (its banner and its log are
  switched off through its own options, before its first logged call);
- :func:`row_wise_lp`: the ``HighsLp`` of a programme given as rows;
- :func:`solve_warm`: run it from a start, within a time limit;
- :func:`settle_milp`: optimality and lower bound of the labels kept, as proven by a run.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from .._checks import check_instance, check_int, check_number, shown
from ..errors import ParameterError, ParameterTypeError

__all__ = ["MilpRun", "check_lp", "check_lp_arrays", "highs", "row_wise_lp", "settle_milp", "solve_warm"]


def highs() -> Any:
    """A ``highspy.Highs`` that prints nothing, neither its banner nor its log.

    HiGHS writes its banner on the first logged call of an instance unless
    ``output_flag`` is already off; ``highspy.Highs.__init__`` makes that call
    (``enableCallbacks``), so the option is set just before it. Nothing global changes:
    not the process's stdout, not another instance.

    Returns
    -------
    highspy.Highs
        With ``output_flag`` and ``log_to_console`` off.

    Examples
    --------
    >>> h = highs()
    >>> h.getOptionValue("output_flag")[1], h.getOptionValue("log_to_console")[1]
    (False, False)
    """
    import highspy

    class _SilentHighs(highspy.Highs):
        def enableCallbacks(self) -> None:  # noqa: N802 - highspy's name
            self.setOptionValue("output_flag", False)
            self.setOptionValue("log_to_console", False)
            super().enableCallbacks()

    return _SilentHighs()


def _vector(value: Any, name: str, size: int | None = None) -> np.ndarray:
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ParameterTypeError(f"{name} must be an array of numbers, not {shown(value)}") from None
    if arr.ndim != 1 or (size is not None and len(arr) != size) or np.isnan(arr).any():
        raise ParameterError(f"{name} must be a 1-D array of {size if size is not None else 'some'} numbers "
                             f"(no NaN), not of shape {arr.shape}")
    return arr


def _bounds(value: Any, name: str, size: int) -> None:
    if not isinstance(value, tuple | list) or len(value) != 2:
        raise ParameterTypeError(f"{name} must be a pair (lower, upper) of arrays, not {shown(value)}")
    lower, upper = (_vector(v, f"{name}[{i}]", size) for i, v in enumerate(value))
    if np.any(lower > upper):
        raise ParameterError(f"{name}: a lower bound is above its upper bound")


def check_lp_arrays(cost: Any, col_bounds: Any, row_bounds: Any, rows: Any, n_integer: Any) -> None:
    """Check the arrays of :func:`row_wise_lp`: sizes that agree, indices in range, no NaN.

    HiGHS is handed these arrays as they are, and does not check them all: a column
    index out of range would be read outside the matrix.

    Raises
    ------
    ParameterError, ParameterTypeError

    Examples
    --------
    >>> check_lp_arrays(np.ones(2), (np.zeros(2), np.ones(2)), (np.ones(1), np.full(1, np.inf)),
    ...                 (np.array([0, 2]), np.array([0, 5]), np.ones(2)), 1)
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterError: rows: the row starts and column indices must be integers within the matrix (2 columns)
    """
    ncols = len(_vector(cost, "cost"))
    if np.isinf(np.asarray(cost, dtype=float)).any():
        raise ParameterError("cost must hold finite numbers")
    _bounds(col_bounds, "col_bounds", ncols)
    if not isinstance(rows, tuple | list) or len(rows) != 3:
        raise ParameterTypeError(f"rows must be (starts, index, value) arrays, not {shown(rows)}")
    starts, index, value = (np.asarray(v) for v in rows)
    if starts.ndim != 1 or index.ndim != 1 or len(starts) == 0:
        raise ParameterError("rows must be (starts, index, value): three 1-D arrays, starts not empty")
    nrows = len(starts) - 1
    _bounds(row_bounds, "row_bounds", max(nrows, 0))
    _vector(value, "rows value", len(index))
    if (nrows < 0 or starts.dtype.kind not in "iu" or index.dtype.kind not in "iu" or starts[0] != 0
            or np.any(np.diff(starts) < 0) or starts[-1] != len(index)
            or (len(index) and (index.min() < 0 or index.max() >= ncols))):
        raise ParameterError(f"rows: the row starts and column indices must be integers within the matrix "
                             f"({ncols} columns)")
    check_int(n_integer, "n_integer", low=0, high=ncols)


def check_lp(lp: Any, start: Any) -> None:
    """Check the arguments of :func:`solve_warm`: a ``highspy.HighsLp`` and one start value per column."""
    import highspy

    check_instance(lp, highspy.HighsLp, "lp", "a highspy.HighsLp (from row_wise_lp)")
    _vector(start, "start", lp.num_col_)


def row_wise_lp(
    cost: np.ndarray,
    col_bounds: tuple[np.ndarray, np.ndarray],
    row_bounds: tuple[np.ndarray, np.ndarray],
    rows: tuple[np.ndarray, np.ndarray, np.ndarray],
    n_integer: int,
) -> Any:
    """The ``highspy.HighsLp`` minimising ``cost @ x`` over ``lower <= A x <= upper``.

    Parameters
    ----------
    cost : numpy.ndarray
        One coefficient per column.
    col_bounds, row_bounds : (lower, upper)
        Bounds of the columns and of the rows (``highspy.kHighsInf`` for none).
    rows : (starts, index, value)
        The matrix row-wise: row r holds ``value[starts[r]:starts[r + 1]]`` at the
        columns ``index[starts[r]:starts[r + 1]]``.
    n_integer : int
        The first ``n_integer`` columns are integer, the others continuous.

    Returns
    -------
    highspy.HighsLp

    Examples
    --------
    >>> import numpy as np
    >>> lp = row_wise_lp(np.ones(2), (np.zeros(2), np.ones(2)), (np.ones(1), np.full(1, np.inf)),
    ...                  (np.array([0, 2]), np.array([0, 1]), np.ones(2)), 1)
    >>> lp.num_col_, lp.num_row_
    (2, 1)
    """
    check_lp_arrays(cost, col_bounds, row_bounds, rows, n_integer)
    import highspy

    starts, index, value = rows
    ncols, nrows = len(cost), len(starts) - 1
    lp = highspy.HighsLp()
    lp.num_col_ = ncols
    lp.num_row_ = nrows
    lp.col_cost_ = cost
    lp.col_lower_, lp.col_upper_ = col_bounds
    lp.row_lower_, lp.row_upper_ = row_bounds
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.num_col_ = ncols
    lp.a_matrix_.num_row_ = nrows
    lp.a_matrix_.start_ = np.asarray(starts).astype(np.int32)
    lp.a_matrix_.index_ = np.asarray(index).astype(np.int32)
    lp.a_matrix_.value_ = np.asarray(value).astype(float)
    lp.integrality_ = ([highspy.HighsVarType.kInteger] * n_integer
                       + [highspy.HighsVarType.kContinuous] * (ncols - n_integer))
    return lp


@dataclass(frozen=True)
class MilpRun:
    """What a HiGHS run proved.

    Attributes
    ----------
    x : numpy.ndarray or None
        The column values of the best solution; None when there is none.
    optimal : bool
        Whether HiGHS proved its solution optimal.
    objective : float
        The objective of that solution.
    dual_bound : float
        The proven lower bound on the optimum.

    Examples
    --------
    >>> MilpRun(x=None, optimal=False, objective=6.0, dual_bound=3.5).dual_bound
    3.5
    """

    x: np.ndarray | None
    optimal: bool
    objective: float
    dual_bound: float

    def __post_init__(self) -> None:
        check_instance(self.x, (np.ndarray, type(None)), "x", "a NumPy array or None")
        check_instance(self.optimal, bool, "optimal", "True or False")
        for name in ("objective", "dual_bound"):  # inf when HiGHS found no solution or bound
            check_instance(getattr(self, name), (float, int), name, "a number")


def solve_warm(lp: Any, start: np.ndarray, *, time_limit: float | None = None) -> MilpRun:
    """Solve ``lp`` with HiGHS from the solution ``start`` (all column values).

    Deterministic (``random_seed`` 0), relative gap 1e-6, presolve off: HiGHS 1.16
    reports the user's start instead of the improved incumbent when presolve is on
    together with ``setSolution``.

    Parameters
    ----------
    lp : highspy.HighsLp
    start : numpy.ndarray
        A feasible value for every column.
    time_limit : float, optional
        Seconds (at least a millisecond is given).

    Returns
    -------
    MilpRun

    Examples
    --------
    >>> import numpy as np
    >>> lp = row_wise_lp(np.array([1.0, 2.0]), (np.zeros(2), np.ones(2)), (np.ones(1), np.full(1, np.inf)),
    ...                  (np.array([0, 2]), np.array([0, 1]), np.ones(2)), 2)
    >>> run = solve_warm(lp, np.array([0.0, 1.0]))
    >>> (run.x > 0.5).tolist(), run.optimal, run.objective
    ([True, False], True, 1.0)
    """
    check_lp(lp, start)
    check_number(time_limit, "time_limit", low=0, optional=True)
    import highspy

    h = highs()
    if time_limit is not None:
        h.setOptionValue("time_limit", float(max(time_limit, 1e-3)))
    h.setOptionValue("random_seed", 0)
    h.setOptionValue("mip_rel_gap", 1e-6)
    h.passModel(lp)
    sol = highspy.HighsSolution()
    sol.col_value = np.asarray(start, dtype=float).tolist()
    h.setOptionValue("presolve", "off")
    h.setSolution(sol)
    h.run()
    info = h.getInfo()
    x = np.asarray(h.getSolution().col_value) if info.primal_solution_status else None
    return MilpRun(
        x=x,
        optimal=h.getModelStatus() == highspy.HighsModelStatus.kOptimal,
        objective=float(info.objective_function_value),
        dual_bound=float(info.mip_dual_bound),
    )


def settle_milp(value: float, run: MilpRun) -> tuple[bool, float]:
    """Optimality and lower bound of a solution of criterion ``value`` kept after ``run``.

    Optimal when HiGHS proved optimality and its incumbent reached us (``value`` no
    worse than its objective); the bound is then ``value``, else HiGHS's dual bound
    (0 when it has none).

    Parameters
    ----------
    value : float
        The criterion of the labels kept (HiGHS's, or the start when it was no better).
    run : MilpRun

    Returns
    -------
    optimal : bool
    lower_bound : float

    Examples
    --------
    >>> settle_milp(3.0, MilpRun(None, True, 3.0, 3.0)), settle_milp(4.0, MilpRun(None, True, 3.0, 3.0))
    ((True, 3.0), (False, 3.0))
    """
    check_number(value, "value")
    check_instance(run, MilpRun, "run", "a MilpRun (from solve_warm)")
    optimal = run.optimal
    if optimal and value > run.objective + 1e-6 * (1.0 + abs(value)):
        optimal = False  # the solver's incumbent did not reach us: claim only its bound
    lb = value if optimal else max(0.0, run.dual_bound)
    if not math.isfinite(lb):
        lb = 0.0
    return optimal, lb
