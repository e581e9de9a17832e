"""Benchmark: ``extract_relations`` throughput on news-style text.

The test texts (tests/data/texts/*.txt, about 50 sentences in all) are concatenated
``--copies`` times (default 40, about 2,000 sentences, roughly a book chapter) and read
against the Syria 2017 seed's actors; prints sentences per second and the time for one
article-sized text (the Syria paraphrase, 11 sentences) and of a 1,000-word article (the
first 1,000 words of the test texts), and the import times (syntok, the sentence
splitter, is imported by the first extraction only).

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


def _timed(text, net, runs):
    """Mean seconds per extraction over ``runs`` calls, and the last result."""
    t0 = time.perf_counter()
    for _ in range(runs):
        ex = extract_relations(text, net)
    return (time.perf_counter() - t0) / runs, ex


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=40)
    args = parser.parse_args()
    net = alliances.load(ROOT / "seeds" / "syria_2017.yaml")
    article = (TEXTS / "syria_2017.txt").read_text()
    corpus = "\n\n".join(p.read_text() for p in sorted(TEXTS.glob("*.txt")))
    big = "\n\n".join([corpus] * args.copies)

    t0 = time.perf_counter()
    extract_relations(article, net)  # the first call also reads the cue lexicon
    print(f"first call (reads cues.yaml, compiles it): {(time.perf_counter() - t0) * 1000:.0f} ms")
    words = corpus.split()
    long_article = " ".join(words[:1000])  # about 1,000 words of wire copy
    per, ex = _timed(long_article, net, 10)
    print(f"a 1,000-word article ({len(ex.sentences)} sentences): {per * 1000:.0f} ms (target < 500 ms)")
    one, ex = _timed(article, net, 20)
    print(f"one article ({len(ex.sentences)} sentences): {one * 1000:.1f} ms, {len(ex.proposals)} proposals")

    t0 = time.perf_counter()
    ex = extract_relations(big, net)
    total = time.perf_counter() - t0
    n = len(ex.sentences)
    print(f"{args.copies} copies of the test texts: {n} sentences in {total:.2f} s "
          f"({n / total:,.0f} sentences/s), {len(ex.proposals)} proposals")

    for module in ("alliances", "alliances.extract"):
        code = f"import time; t=time.perf_counter(); import {module}; print(time.perf_counter()-t)"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        print(f"import {module}: {float(out.stdout) * 1000:.0f} ms (fresh process)")
    code = "import sys, alliances; print('syntok' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    print(f"'import alliances' loads syntok: {out.stdout.strip()}")


if __name__ == "__main__":
    main()
