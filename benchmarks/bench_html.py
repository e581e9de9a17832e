"""Benchmark: the interactive view's file size, time to write, and time to first render in headless Chromium.

Two scenarios: the Syria 2017 seed (8 actors) and a synthetic one of 200 actors (six
hidden camps, 600 ties with evidence, the seed's mix of kinds and confidences). For each:

- the file's size (the vendored Cytoscape.js is 0.44 MB of it);
- the time to write it in this process with the analyses handed in (layout, hulls,
  risk rows, JSON, the page), and the analyses' own time (factions, conflict risk,
  implied relations: what ``alliances draw -o OUT.html`` computes first);
- a cold ``alliances draw FILE -o OUT.html`` as a user runs it (Python start-up, imports,
  analyses, writing), for the seed;
- the time to first render: from the start of navigation to the first frame Cytoscape.js
  draws (``performance.now()`` at its first ``render`` event), in headless Chromium (the
  system's, driven by Playwright), a fresh page per load. Targets: seed < 1 s, 200 actors < 3 s.

Run: ``.venv/bin/python benchmarks/bench_html.py [--repeat N]``
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import alliances
from alliances import Actor, AllianceNetwork, Evidence, Relation, Source

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "syria_2017.yaml"
EXE = Path(sys.executable).parent / "alliances"
TARGETS = {"seed (8 actors)": 1.0, "synthetic (200 actors)": 3.0}
sys.path.insert(0, str(ROOT))


def synthetic(n: int = 200, degree: int = 6, camps: int = 6, seed: int = 7) -> AllianceNetwork:
    """``n`` actors in hidden camps: friendly ties inside, hostile or neutral across, one in ten the other way."""
    rng = random.Random(seed)
    kinds = ["state", "coalition", "armed_group", "militia", "international_org", "other"]
    actors = [Actor(f"a{i:03d}", f"Armed group number {i}", rng.choice(kinds), label=f"G{i}",
                    aliases=(f"Group {i}",)) for i in range(n)]
    camp = [rng.randrange(camps) for _ in range(n)]
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < n * degree // 2:
        i, j = sorted(rng.sample(range(n), 2))
        pairs.add((i, j))
    relations = []
    for i, j in sorted(pairs):
        same = (camp[i] == camp[j]) != (rng.random() < 0.1)
        stance = rng.choice(["ally", "friendly"] if same else ["enemy", "rival", "neutral"])
        note = f"A dispatch reports {stance} ties between group {i} and group {j}."
        relations.append(Relation((actors[i].id, actors[j].id), stance, confidence=rng.choice([1.0, 0.8, 0.6]),
                                  evidence=(Evidence("dispatch", note=note),)))
    return AllianceNetwork(f"Synthetic scenario ({n} actors)", actors=actors, relations=relations,
                           sources=[Source("dispatch", title="Synthetic dispatches", publisher="bench")])


def analyses(net: AllianceNetwork) -> tuple[dict, float]:
    t0 = time.perf_counter()
    done = {"factions": alliances.factions(net), "risk": alliances.conflict_risk(net),
            "implied": alliances.implied_relations(net)}
    return done, time.perf_counter() - t0


def write_times(net: AllianceNetwork, done: dict, out: Path, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        alliances.to_html(net, path=out, **done)
        times.append(time.perf_counter() - t0)
    return times


def render_times(path: Path, repeat: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    from tests.draw._browser import launch, open_page

    out = []
    with sync_playwright() as p:
        browser = launch(p)
        open_page(browser, path).page.close()  # a first load warms the browser process, not the page
        for _ in range(repeat):
            opened = open_page(browser, path)
            out.append(opened.page.evaluate("window.alliancesView.renderedAt") / 1000)
            assert opened.problems() == [] and opened.outside() == []
            opened.page.close()
        browser.close()
    return out


def cold_cli(out: Path, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run([str(EXE), "draw", str(SEED), "-o", str(out)], check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per measure (default 5)")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (wall times suffer on a shared machine); "
          f"medians of {args.repeat} runs")
    verdicts = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, net in (("seed (8 actors)", alliances.load(SEED)), ("synthetic (200 actors)", synthetic())):
            out = Path(tmp) / "view.html"
            done, t_analyses = analyses(net)
            writes = write_times(net, done, out, args.repeat)
            size = out.stat().st_size
            renders = render_times(out, args.repeat)
            target = TARGETS[name]
            median = statistics.median(renders)
            verdicts.append(median < target)
            print(f"{name}: {len(net.actors)} actors, {len(net.relations)} ties")
            print(f"  file {size / 1e6:.2f} MB; write {statistics.median(writes):.2f} s (analyses handed in; "
                  f"the analyses themselves {t_analyses:.2f} s)")
            print(f"  first render in headless Chromium: median {median:.3f} s (min {min(renders):.3f}, "
                  f"max {max(renders):.3f}), target < {target:.0f} s: {'ok' if median < target else 'OVER TARGET'}")
        cli = cold_cli(Path(tmp) / "cli.html", args.repeat)
        print(f"cold 'alliances draw {SEED.relative_to(ROOT)} -o OUT.html': median {statistics.median(cli):.2f} s "
              f"(min {min(cli):.2f})")
    print("all render targets met" if all(verdicts) else "a render target was missed (see the load average)")


if __name__ == "__main__":
    main()
