"""Benchmark: ``extract_relations`` throughput on news-style text.

The test texts (tests/data/texts/*.txt, about 50 sentences in all) are concatenated
``--copies`` times (default 40, about 2,000 sentences, roughly a book chapter) and read
against the Syria 2017 seed's actors; prints sentences per second and the time for one
article-sized text (the Syria paraphrase, 11 sentences), and the import time of the
extractor (it needs nothing beyond the standard library and alliances._network).

Run: ``.venv/bin/python benchmarks/bench_extract.py [--copies N]``
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import alliances
from alliances.extract import extract_relations

ROOT = Path(__file__).parent.parent
TEXTS = ROOT / "tests" / "data" / "texts"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=40)
    args = parser.parse_args()
    net = alliances.load(ROOT / "seeds" / "syria_2017.yaml")
    article = (TEXTS / "syria_2017.txt").read_text()
    corpus = "\n\n".join(p.read_text() for p in sorted(TEXTS.glob("*.txt")))
    big = "\n\n".join([corpus] * args.copies)

    extract_relations(article, net)  # warm up
    runs = 20
    t0 = time.perf_counter()
    for _ in range(runs):
        ex = extract_relations(article, net)
    one = (time.perf_counter() - t0) / runs
    print(f"one article ({len(ex.sentences)} sentences): {one * 1000:.1f} ms, {len(ex.proposals)} proposals")

    t0 = time.perf_counter()
    ex = extract_relations(big, net)
    total = time.perf_counter() - t0
    n = len(ex.sentences)
    print(f"{args.copies} copies of the test texts: {n} sentences in {total:.2f} s "
          f"({n / total:,.0f} sentences/s), {len(ex.proposals)} proposals")

    code = "import time; t=time.perf_counter(); import alliances.extract; print(time.perf_counter()-t)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    print(f"import alliances.extract: {float(out.stdout) * 1000:.0f} ms (fresh process)")


if __name__ == "__main__":
    main()
