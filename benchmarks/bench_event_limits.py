"""Careless event files and the limits that keep them cheap: stray dates, and what a backtest costs per forecast.

Two measurements, each run in a fresh process so that peak memory (max RSS) is that run's alone:

1. **Stray dates.** 300 rows of the shipped UCDP GED Syria file, three of them re-dated to
   2099, 2150 and 9999 (the case that made ``alliances backtest`` allocate 4.8 GB for
   221 s and die before dates outside 1900-2100 were left out): ``alliances events`` and
   ``alliances backtest`` on it, as a user runs them. 2099 is inside the default range, so
   the backtest still spans some 1,000 monthly windows, almost all of them quiet (and says so).
2. **Cost per forecast.** Backtests on simulated UCDP-shaped files with more and more actors
   (pairs x 47 monthly windows): wall time and peak memory per forecast (pair-window), the
   figures behind ``MAX_PAIR_WINDOWS`` (1,000,000 forecasts).

The machine may be shared: run it when it is quiet. Run:
``.venv/bin/python benchmarks/bench_event_limits.py [--actors 10 25 50]``
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UCDP = ROOT / "seeds/events/ucdp_ged_syria_2016_2019.csv.gz"
SEED = ROOT / "seeds/syria_2016_2019.yaml"


def stray_dates_file(folder: Path) -> Path:
    """300 rows spread over the UCDP file, the first three re-dated to 2099, 2150 and 9999."""
    rows = list(csv.reader(io.StringIO(gzip.open(UCDP, "rt", encoding="utf-8").read())))
    header, body = rows[0], rows[1:]
    picked = body[:: max(1, len(body) // 300)][:300]
    start, end = header.index("date_start"), header.index("date_end")
    for r, day in zip(picked, ["2099-03-01", "2150-06-01", "9999-12-31"], strict=False):
        r[start] = r[end] = day
    path = folder / "stray_dates.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows([header, *picked])
    return path


def simulated_world(folder: Path, actors: int, *, seed: int = 1) -> tuple[Path, Path]:
    """A scenario of ``actors`` armed groups and 2,000 UCDP-shaped events between random pairs, 2016-2019."""
    rng = random.Random(seed)
    ids = [f"g{i:03d}" for i in range(actors)]
    scenario = folder / f"world_{actors}.yaml"
    scenario.write_text("scenario: Simulated\nactors:\n" + "".join(
        f"  - {{id: {i}, name: Group {i}, kind: armed_group}}\n" for i in ids), encoding="utf-8")
    events = folder / f"world_{actors}.csv"
    lines = ["id,side_a,side_b,type_of_violence,date_start,date_end,best"]
    for k in range(2000):
        a, b = rng.sample(ids, 2)
        day = f"{rng.randint(2016, 2019)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        lines.append(f"{k},Group {a},Group {b},1,{day},{day},{rng.randint(1, 9)}")
    events.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return scenario, events


def child(args: list[str]) -> None:
    """Run ``alliances ARGS`` in this process; print its exit code, wall time and peak memory as JSON."""
    from alliances.cli import main as cli

    t0 = time.perf_counter()
    code = cli(args)
    print(json.dumps({"code": code, "seconds": time.perf_counter() - t0,
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}), file=sys.stderr)


def measured(args: list[str]) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, cwd=ROOT)
    return json.loads(out.stderr.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--actors", type=int, nargs="+", default=[10, 25, 50])
    ap.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child)
        return
    with tempfile.TemporaryDirectory(prefix="alliances-bench-") as tmp:
        folder = Path(tmp)
        stray = stray_dates_file(folder)
        print("stray dates (300 UCDP rows, three dated 2099, 2150 and 9999):")
        for command in ("events", "backtest"):
            r = measured([command, str(stray), "--actors", str(SEED), "--json"])
            print(f"  alliances {command:<8} exit {r['code']}   wall {r['seconds']:6.1f} s   peak {r['peak_mb']:6.0f} MB")
        print("backtest cost per forecast (pairs x 47 monthly windows, 2,000 events):")
        for n in args.actors:
            scenario, events = simulated_world(folder, n)
            r = measured(["backtest", str(events), "--actors", str(scenario), "--json"])
            forecasts = n * (n - 1) // 2 * 47
            print(f"  {n:4d} actors {forecasts:9,d} forecasts   exit {r['code']}   wall {r['seconds']:6.1f} s "
                  f"({1000 * r['seconds'] / forecasts:6.3f} ms each)   peak {r['peak_mb']:6.0f} MB")


if __name__ == "__main__":
    main()
