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
- :func:`settle_milp`: optimality and lower bound of the labels kept, as proven by a run;
- :func:`assignment_milp`: the factions' programme, at most k camps.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from .._checks import check_instance, check_int, check_number, shown
from ..errors import ParameterError, ParameterTypeError
from ._partition import Edges, check_edges, check_triangles, partition_cost

__all__ = [
    "MilpRun",
    "assignment_milp",
    "check_lp",
    "check_lp_arrays",
    "highs",
    "row_wise_lp",
    "settle_milp",
    "solve_warm",
]


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


def solve_warm(
    lp: Any, start: np.ndarray, *, time_limit: float | None = None, cutoff: float | None = None
) -> MilpRun:
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
    cutoff : float, optional
        Only solutions below this objective are sought (HiGHS's ``objective_bound``):
        when the run completes without one, the optimum is at least ``cutoff`` and the
        run is not ``optimal``; its ``dual_bound`` is then at least ``cutoff``.

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
    check_number(cutoff, "cutoff", optional=True)
    import highspy

    h = highs()
    if time_limit is not None:
        h.setOptionValue("time_limit", float(max(time_limit, 1e-3)))
    if cutoff is not None:
        h.setOptionValue("objective_bound", float(cutoff))
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
    optimal = h.getModelStatus() == highspy.HighsModelStatus.kOptimal
    objective = float(info.objective_function_value) if x is not None else math.inf
    dual = float(info.mip_dual_bound)
    if cutoff is not None and optimal and objective >= cutoff:
        # the search ended without a solution below the cutoff: that proves a bound, not an optimum
        optimal, dual = False, max(dual, float(cutoff)) if math.isfinite(dual) else float(cutoff)
    return MilpRun(x=x, optimal=optimal, objective=objective, dual_bound=dual)


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
    check_number(value, "value")
    check_instance(run, MilpRun, "run", "a MilpRun (from solve_warm)")
    optimal = run.optimal
    if optimal and value > run.objective + 1e-6 * (1.0 + abs(value)):
        optimal = False  # the solver's incumbent did not reach us: claim only its bound
    lb = value if optimal else max(0.0, run.dual_bound)
    if not math.isfinite(lb):
        lb = 0.0
    return optimal, lb


def assignment_milp(
    e: Edges,
    k: int,
    alpha: float,
    tri: np.ndarray,
    start: np.ndarray,
    *,
    time_limit: float | None,
    cutoff: float | None = None,
) -> tuple[np.ndarray, float, float, bool]:
    """At most k camps by binary programming: x[i, c] camp membership, s/t tie indicators.

    Rows: sum_c x[i, c] = 1; a negative tie (i, j) pays s >= x[i, c] + x[j, c] - 1 for
    every c; a positive tie pays t >= x[i, c] - x[j, c] for every c; a triangle with one
    negative tie pays for at least one of its ties. Node r (in order of falling degree)
    may only use camps 0..r, which removes the camp-relabelling symmetry.

    Parameters
    ----------
    e : Edges
    k : int
        The most camps.
    alpha : float
        Weight of negative ties inside camps (:func:`~alliances.analysis.partition_cost`).
    tri : numpy.ndarray
        :func:`~alliances.analysis.edge_triangles` of ``e``.
    start : numpy.ndarray
        A labelling in ``0..k-1``: the warm start.
    time_limit : float, optional
        Seconds.
    cutoff : float, optional
        Seek only partitions whose criterion is below this (:func:`solve_warm`): a
        quick proof that none exists, when that is all the caller needs to know.

    Returns
    -------
    labels : numpy.ndarray
    value : float
        Their criterion.
    lower_bound : float
    optimal : bool

    Examples
    --------
    >>> import numpy as np
    >>> from alliances.analysis import Edges, edge_triangles
    >>> k4 = Edges(4, np.array([0, 0, 0, 1, 1, 2]), np.array([1, 2, 3, 2, 3, 3]), -np.ones(6))
    >>> labels, value, lb, optimal = assignment_milp(k4, 3, 0.5, edge_triangles(k4), np.zeros(4, dtype=int),
    ...                                              time_limit=None)
    >>> value, optimal  # four mutual enemies in three camps: two share one
    (0.5, True)
    """
    check_int(k, "k", low=1)
    check_edges(e, start, name="start", k=k)
    check_number(alpha, "alpha", low=0, high=1)
    check_triangles(tri, e)
    check_number(time_limit, "time_limit", low=0, optional=True)
    check_number(cutoff, "cutoff", optional=True)
    k = min(k, max(e.n, 1))  # actor r may join camps 0..r only: camps from n on stay empty
    n, m = e.n, e.m
    neg, pen = e.penalties(alpha)
    pos_of, start = _symmetry_order(e, start)
    rows, lower, upper = _assignment_rows(e, k, neg, tri)
    ncols = n * k + m
    col_upper = np.ones(ncols)
    for c in range(1, k):
        col_upper[np.flatnonzero(pos_of < c) * k + c] = 0.0
    lp = row_wise_lp(np.concatenate([np.zeros(n * k), pen]), (np.zeros(ncols), col_upper), (lower, upper), rows,
                     n * k)
    x0 = np.zeros(n * k)
    x0[np.arange(n) * k + start] = 1.0
    same = start[e.u] == start[e.v]
    ind = np.where(neg, same, ~same).astype(float)
    run = solve_warm(lp, np.concatenate([x0, ind]), time_limit=time_limit, cutoff=cutoff)
    labels = start
    if run.x is not None:
        cand = run.x[: n * k].reshape(n, k).argmax(axis=1).astype(np.int64)
        if partition_cost(e, cand, alpha) <= partition_cost(e, start, alpha):
            labels = cand
    value = partition_cost(e, labels, alpha)
    optimal, lb = settle_milp(value, run)
    return labels, value, lb, optimal


def _symmetry_order(e: Edges, start: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each node's position by falling degree, and ``start`` relabelled so camps appear in that order."""
    n = e.n
    deg = np.bincount(np.concatenate([e.u, e.v]), minlength=n)
    order = np.lexsort((np.arange(n), -deg))
    pos_of = np.empty(n, dtype=np.int64)
    pos_of[order] = np.arange(n)
    # relabel the start so camps appear in node order (respects the symmetry rows)
    relabel: dict[int, int] = {}
    for i in order.tolist():
        relabel.setdefault(int(start[i]), len(relabel))
    return pos_of, np.array([relabel[int(c)] for c in start], dtype=np.int64)


def _assignment_rows(
    e: Edges, k: int, neg: np.ndarray, tri: np.ndarray
) -> tuple[tuple[np.ndarray, np.ndarray, np.ndarray], np.ndarray, np.ndarray]:
    """The assignment programme's rows: (starts, column indices, values), lower and upper bounds."""
    n, m = e.n, e.m
    idx = [(np.arange(n)[:, None] * k + np.arange(k)[None, :]).ravel()]  # assignment rows
    val = [np.ones(n * k)]
    lo = [np.ones(n)]
    hi = [np.ones(n)]
    row_len = [np.full(n, k)]
    ecol = n * k + np.arange(m)
    for c in range(k):
        ii, jj = e.u * k + c, e.v * k + c
        # negative: s - x[i,c] - x[j,c] >= -1; positive: t - x[i,c] + x[j,c] >= 0
        idx.append(np.stack([ecol, ii, jj], axis=1).ravel())
        val.append(np.stack([np.ones(m), -np.ones(m), np.where(neg, -1.0, 1.0)], axis=1).ravel())
        lo.append(np.where(neg, -1.0, 0.0))
        hi.append(np.full(m, np.inf))
        row_len.append(np.full(m, 3))
    one_neg = tri[neg[tri].sum(axis=1) == 1] if len(tri) else tri
    if len(one_neg):
        idx.append((n * k + one_neg).ravel())
        val.append(np.ones(one_neg.size))
        lo.append(np.ones(len(one_neg)))
        hi.append(np.full(len(one_neg), np.inf))
        row_len.append(np.full(len(one_neg), 3))
    starts = np.concatenate([[0], np.cumsum(np.concatenate(row_len))])
    return (starts, np.concatenate(idx), np.concatenate(val)), np.concatenate(lo), np.concatenate(hi)
