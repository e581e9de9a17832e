"""HiGHS helpers: a solver that prints nothing, one warm-started run, and what a run proves."""

from __future__ import annotations

import subprocess
import sys

import networkx as nx
import numpy as np
import pytest

from alliances.analysis import MilpRun, frustration_index, highs, row_wise_lp, settle_milp, solve_warm
from tests._paths import ROOT

# a cover: pick items 0..3 (costs 3, 2, 2, 4) so that each row's items include one
#   row 0: items 0, 1    row 1: items 1, 2    row 2: items 2, 3
# the cheapest cover is {1, 2} (cost 4); {0, 2} costs 5, {1, 3} costs 6
COST = np.array([3.0, 2.0, 2.0, 4.0])
ROWS = (np.array([0, 2, 4, 6]), np.array([0, 1, 1, 2, 2, 3]), np.ones(6))


def cover_lp():
    return row_wise_lp(COST, (np.zeros(4), np.ones(4)), (np.ones(3), np.full(3, np.inf)), ROWS, 4)


def test_row_wise_lp_holds_the_programme():
    lp = cover_lp()
    assert (lp.num_col_, lp.num_row_) == (4, 3)
    assert list(lp.a_matrix_.start_) == [0, 2, 4, 6] and list(lp.a_matrix_.index_) == [0, 1, 1, 2, 2, 3]
    assert list(lp.col_cost_) == COST.tolist()


def test_warm_start_reaches_the_optimum():
    run = solve_warm(cover_lp(), np.array([1.0, 0.0, 0.0, 1.0]))  # a poor cover (cost 7)
    assert run.optimal and run.objective == pytest.approx(4.0)
    assert (run.x > 0.5).tolist() == [False, True, True, False]
    assert run.dual_bound == pytest.approx(4.0)
    assert settle_milp(4.0, run) == (True, 4.0)


def test_settle_milp():
    proven = MilpRun(x=None, optimal=True, objective=4.0, dual_bound=4.0)
    assert settle_milp(4.0, proven) == (True, 4.0)
    # the labels kept are worse than the solver's proven optimum: only its bound holds
    assert settle_milp(5.0, proven) == (False, 4.0)
    stopped = MilpRun(x=None, optimal=False, objective=6.0, dual_bound=3.5)
    assert settle_milp(6.0, stopped) == (False, 3.5)
    assert settle_milp(6.0, MilpRun(None, False, 6.0, -np.inf)) == (False, 0.0)
    assert settle_milp(6.0, MilpRun(None, False, 6.0, np.inf)) == (False, 0.0)


def test_highs_is_silent_by_its_own_options():
    h = highs()
    assert h.getOptionValue("output_flag")[1] is False
    assert h.getOptionValue("log_to_console")[1] is False


def hard_graph():
    """Random signs on a dense graph: the triangle bound does not prove the heuristic, HiGHS runs."""
    g = nx.gnm_random_graph(30, 150, seed=2)
    rng = np.random.default_rng(2)
    for a, b in g.edges:
        g.edges[a, b]["sign"] = int(rng.choice([-1, 1]))
    return g


def test_exact_solve_prints_nothing(capfd):
    r = frustration_index(hard_graph(), exact=True)
    assert r.optimal
    assert capfd.readouterr() == ("", "")


def test_first_solver_of_a_process_prints_no_banner():
    """HiGHS prints its banner once per process, for the first instance: a fresh process sees it."""
    code = (
        "import numpy as np\n"
        "from alliances.analysis import frustration_index, solve_warm\n"
        "from tests.analysis.test_milp import cover_lp, hard_graph\n"
        "solve_warm(cover_lp(), np.ones(4))\n"
        "assert frustration_index(hard_graph(), exact=True).optimal\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert (out.stdout, out.stderr) == ("", "")
