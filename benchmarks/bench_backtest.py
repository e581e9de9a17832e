"""Benchmark: the backtest on the real UCDP GED Syria 2016-2019 file: its time and the issue's targets.

Measures, wall and CPU time:

- ``alliances backtest ... --json`` as a user runs it (a fresh process: start-up, imports
  of pandas, DuckDB and scikit-learn included; target: under a minute);
- inside one process, the stages of :func:`alliances.backtest`: reading the events and
  building the graph known at every window (:func:`graphs_over_time`), the whole run
  (which adds the expert model, the EM fit and the baselines), the run with
  ``ablation=True`` and the sensitivity run (:func:`alliances.backtesting.sensitivity`).

Then prints the targets of the conflict-risk issue from these runs, met or missed:
monthly windows trained through 2017-12-31, fitted Brier on all pairs <= 0.033 and on
onsets <= 0.021, onset AUC >= 0.92; in each of the four sensitivity settings (month,
quarter x 2017-12-31, 2018-06-30) the fitted Brier <= 0.9 x persistence's and the
fitted log loss no worse than the history-only baseline's.

The machine may be shared: CPU time is the steadier figure.

Run: ``.venv/bin/python benchmarks/bench_backtest.py``
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ROOT / "seeds/events/ucdp_ged_syria_2016_2019.csv.gz"
SCENARIO = ROOT / "seeds/syria_2016_2019.yaml"
ARGS = ["--window", "month", "--train-until", "2017-12-31"]


def timed(fn):
    w0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - w0, time.process_time() - c0


def main() -> None:
    exe = Path(sys.executable).parent / "alliances"
    cmd = [str(exe), "backtest", str(EVENTS), "--actors", str(SCENARIO), *ARGS, "--json"]
    w0 = time.perf_counter()
    r0 = os.times()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
    r1 = os.times()
    wall = time.perf_counter() - w0
    cpu = (r1.children_user - r0.children_user) + (r1.children_system - r0.children_system)
    print(f"alliances backtest (Syria, monthly, fresh process): wall {wall:6.1f} s   CPU {cpu:6.1f} s   "
          f"target < 60 s: {'met' if wall < 60 else 'MISSED'}")
    print(f"  JSON: {len(proc.stdout)} bytes")

    import alliances
    from alliances.backtesting import graphs_over_time

    net = alliances.load(SCENARIO)
    tl, w, c = timed(lambda: graphs_over_time(EVENTS, net, window="month", half_life=3.0))
    _, w2, c2 = timed(lambda: [tl.graph(k) for k in range(len(tl.windows))])
    print(f"  {'read events, relations with and without decay':<48} wall {w:6.2f} s   CPU {c:6.2f} s")
    print(f"  {f'{len(tl.windows)} graphs (snapshots)':<48} wall {w2:6.2f} s   CPU {c2:6.2f} s")
    bt, w3, c3 = timed(lambda: alliances.backtest(EVENTS, net, window="month", train_until="2017-12-31"))
    print(f"  {'whole backtest in-process':<48} wall {w3:6.2f} s   CPU {c3:6.2f} s "
          f"({len(bt.predictions)} pair-windows, {bt.train_windows} train / {bt.test_windows} test windows)")
    ab, w4, c4 = timed(lambda: alliances.backtest(EVENTS, net, window="month", train_until="2017-12-31",
                                                  ablation=True))
    print(f"  {'with the ablation (one refit per factor)':<48} wall {w4:6.2f} s   CPU {c4:6.2f} s")
    from alliances.backtesting import sensitivity

    sens, w5, c5 = timed(lambda: sensitivity(EVENTS, net))
    print(f"  {'sensitivity: month, quarter x 2 train-untils':<48} wall {w5:6.2f} s   CPU {c5:6.2f} s")
    targets(bt, sens)
    print("\nablation (all pairs; + = the change when the factor is left out):")
    rows = ab.ablation[ab.ablation["subset"] == "all"]
    for r in rows.itertuples(index=False):
        print(f"  {r.left_out:<16} Brier {r.brier:.4f} ({r.d_brier:+.4f})  log loss {r.log_loss:.4f} "
              f"({r.d_log_loss:+.4f})  AUC within {r.auc_within:.3f} ({r.d_auc_within:+.3f})")


def _check(ok: bool) -> str:
    return "met" if ok else "MISSED"


def targets(bt, sens) -> None:
    """The issue's targets, from the runs above."""
    b_all, b_on, auc_on = bt.score("fitted"), bt.score("fitted", "onset"), bt.score("fitted", "onset", "auc")
    print("\ntargets (monthly, trained through 2017-12-31):")
    print(f"  fitted Brier, all pairs {b_all:.4f} <= 0.033: {_check(b_all <= 0.033)}")
    print(f"  fitted Brier, onsets    {b_on:.4f} <= 0.021: {_check(b_on <= 0.021)}")
    print(f"  fitted AUC, onsets      {auc_on:.4f} >= 0.92:  {_check(auc_on >= 0.92)}")
    print(f"  (history alone: Brier {bt.score('history'):.4f} / {bt.score('history', 'onset'):.4f}, "
          f"onset AUC {bt.score('history', 'onset', 'auc'):.4f}; persistence: {bt.score('persistence'):.4f} / "
          f"{bt.score('persistence', 'onset'):.4f}; AUC within history states, fitted: "
          f"{bt.score('fitted', 'all', 'auc_within'):.3f})")
    print("sensitivity (all pairs): fitted Brier <= 0.9 x persistence's, log loss <= history's")
    fitted = sens[(sens["model"] == "fitted") & (sens["subset"] == "all")]
    for r in fitted.itertuples(index=False):
        print(f"  {r.window:<8} {r.train_until}  Brier {r.brier:.4f} = {r.brier_vs_persistence:.3f} x persistence: "
              f"{_check(r.brier_vs_persistence <= 0.9)};  log loss {r.log_loss:.4f}, {r.log_loss_vs_history:+.4f} "
              f"vs history: {_check(r.log_loss_vs_history <= 0)}")


if __name__ == "__main__":
    main()
