"""Benchmark: the backtest on the real UCDP GED Syria 2016-2019 file (target: under a minute).

Measures, wall and CPU time:

- ``alliances backtest ... --json`` as a user runs it (a fresh process: start-up, imports
  of pandas, DuckDB, pgmpy and scikit-learn included);
- inside one process, the stages of :func:`alliances.backtest`: reading the events and
  building the graph known at every window (:func:`graphs_over_time`), and the whole run
  (which adds the expert model, the EM fit and the baselines).

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


if __name__ == "__main__":
    main()
