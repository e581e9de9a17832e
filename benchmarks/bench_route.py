"""Benchmark: the edge router at 25 and 40 actors, and how far its ties still run together.

For each random scenario of the diagram tests (``tests/draw/_scenarios.random_network``,
seeds 0-11 by default) drawn at page size with the two riskiest pairs' bands, prints the CPU
time :func:`alliances.draw._route.route_edges` takes (the inputs are caught as the diagram
calls it, then routed again on their own, timed) and the worst share of one drawn tie or band
that runs on another, measured on the figure as tests/draw/test_network_geometry.py does.
The promise is 10%; the figures are the distribution over the seeds, not one lucky scenario.

Run: ``.venv/bin/python benchmarks/bench_route.py [--sizes 25,40] [--seeds 12]``
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="25,40")
    parser.add_argument("--seeds", type=int, default=12)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    import alliances
    from alliances.draw import _network, draw_network
    from alliances.draw._route import route_edges
    from tests.draw import _measure as m
    from tests.draw._scenarios import random_network

    caught: list[tuple] = []

    def catch(centres, reach, edges, *, bounds):
        caught.append((centres, reach, edges, bounds))
        return route_edges(centres, reach, edges, bounds=bounds)

    _network.route_edges = catch  # type: ignore[attr-defined]
    for n in (int(s) for s in args.sizes.split(",")):
        shares, times = [], []
        for seed in range(args.seeds):
            net = random_network(n, seed)
            caught.clear()
            fig = draw_network(net, size="page", top=2, risk=alliances.conflict_risk(net))
            centres, reach, edges, bounds = caught[0]
            t0 = time.process_time()
            route_edges(centres, reach, edges, bounds=bounds)
            times.append(time.process_time() - t0)
            ax = fig.axes[0]
            fig.canvas.draw()
            c, r = m.markers(fig, ax)
            drawn = m.edges(fig, ax, c, r)
            worst = max((m.shared_fraction(a, b, c, r) for i, a in enumerate(drawn) for b in drawn[i + 1:]),
                        default=0.0)
            shares.append(worst)
            plt.close(fig)
            print(f"{n} actors, seed {seed:2d}: {len(edges)} routes, {times[-1]:.2f} s CPU, "
                  f"worst shared {100 * worst:.1f}%", flush=True)
        print(f"{n} actors: routing median {statistics.median(times):.2f} s (max {max(times):.2f}); "
              f"worst shared median {100 * statistics.median(shares):.1f}%, max {100 * max(shares):.1f}%, "
              f"{sum(s > 0.10 for s in shares)} of {len(shares)} above 10%\n", flush=True)


if __name__ == "__main__":
    main()
