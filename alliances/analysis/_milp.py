"""HiGHS for the frustration index and the factions: a silent solver and one warm-started run.

Both exact methods hand HiGHS a row-wise binary programme (integer columns first, then
continuous ones), a heuristic solution as a warm start, and read back the same things:
the best solution, whether it is proven optimal and the dual bound. This module holds
those steps once:

- :func:`highs`: a ``highspy.Highs`` that prints nothing (its banner and its log are
  switched off through its own options, before its first logged call);
- :func:`row_wise_lp`: the ``HighsLp`` of a programme given as rows;
- :func:`solve_warm`: run it from a start, within a time limit, in a worker thread so
  that Ctrl-C stops it at once;
- :func:`settle_milp`: optimality and lower bound of the labels kept, as proven by a run.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["MilpRun", "highs", "row_wise_lp", "settle_milp", "solve_warm"]


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
    _run_interruptible(h)
    info = h.getInfo()
    x = np.asarray(h.getSolution().col_value) if info.primal_solution_status else None
    return MilpRun(
        x=x,
        optimal=h.getModelStatus() == highspy.HighsModelStatus.kOptimal,
        objective=float(info.objective_function_value),
        dual_bound=float(info.mip_dual_bound),
    )


def _run_interruptible(h: Any) -> None:
    """``h.run()`` in a worker thread, so that Ctrl-C (or a signal raised as an exception) stops it at once.

    Python runs signal handlers in the main thread only, and not while it waits inside
    HiGHS's native code: a solve run there would hold Ctrl-C back until its time limit.
    Run in a worker, the main thread waits in short steps; on an exception it asks HiGHS
    to stop through its interrupt callbacks (it does within a fraction of a second), waits
    for that, and re-raises: a solver left running could abort the process as it exits.
    """
    h.HandleUserInterrupt = True
    try:
        h.startSolve()
        while not h.wait(0.05)[0]:
            pass
    except BaseException:
        h.cancelSolve()
        h.wait(5.0)
        raise


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
    optimal = run.optimal
    if optimal and value > run.objective + 1e-6 * (1.0 + abs(value)):
        optimal = False  # the solver's incumbent did not reach us: claim only its bound
    lb = value if optimal else max(0.0, run.dual_bound)
    if not math.isfinite(lb):
        lb = 0.0
    return optimal, lb
