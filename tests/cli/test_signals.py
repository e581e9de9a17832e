"""Ctrl-C, SIGTERM and SIGHUP mid-work: one line, exit 128 + the signal, quickly, and no temporary file left.

Each command runs in a child process that says ``READY`` on stderr at the moment that
matters (HiGHS has its model, to solve next; the temporary output file exists); the test then
sends the signal and checks the exit code, the message, the time to exit and the folder.
Before, a Ctrl-C inside a solve waited for the solver's time limit, typer turned it into
a silent exit 130, and SIGTERM killed the process with its ``.out.png.*.tmp`` left behind.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time

import pytest

from tests._paths import ROOT, SEED

# the child: mark the moment, then run the command line
CHILD = """
import sys, tempfile, highspy
def ready(result):
    print("READY", file=sys.stderr, flush=True)
    return result
if sys.argv[1] == "solve":
    pass_model = highspy.Highs.passModel
    highspy.Highs.passModel = lambda self, *a: ready(pass_model(self, *a))
else:
    mkstemp = tempfile.mkstemp
    tempfile.mkstemp = lambda *a, **k: ready(mkstemp(*a, **k))
from alliances.cli import main
sys.exit(main(sys.argv[2:]))
"""

# what an interrupted command may take to stop: far less than the solve's time limit (60 s)
PROMPT = 15.0


@pytest.fixture(scope="module")
def hard(tmp_path_factory):
    """100 actors in four noisy camps: the exact frustration index takes HiGHS far longer than a few seconds."""
    rng = random.Random(1)
    camp = [rng.randrange(4) for _ in range(100)]
    pairs = set()
    while len(pairs) < 400:
        pairs.add(tuple(sorted(rng.sample(range(100), 2))))
    lines = ["scenario: Hard", "actors:"]
    lines += [f"  - {{id: a{i:03d}, name: Actor {i}, kind: state}}" for i in range(100)]
    lines.append("relations:")
    for i, j in sorted(pairs):
        stance = ("ally" if camp[i] == camp[j] else "enemy") if rng.random() > 0.1 else rng.choice(["ally", "enemy"])
        lines.append(f"  - {{actors: [a{i:03d}, a{j:03d}], stance: {stance}}}")
    path = tmp_path_factory.mktemp("hard") / "hard.yaml"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def interrupt(sig: signal.Signals, moment: str, *args: object) -> tuple[int, str, float]:
    """Run ``alliances ARGS`` in a child, send ``sig`` at ``moment``; exit code, stderr after it, seconds to exit."""
    child = subprocess.Popen([sys.executable, "-c", CHILD, moment, *map(str, args)], cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stderr is not None
        assert child.stderr.readline() == "READY\n"
        sent = time.perf_counter()
        child.send_signal(sig)
        err = child.stderr.read()
        child.wait(timeout=120)
        return child.returncode, err, time.perf_counter() - sent
    finally:
        child.kill()


@pytest.mark.parametrize(("sig", "code", "message"), [
    (signal.SIGINT, 130, "alliances: interrupted\n"),
    (signal.SIGTERM, 143, "alliances: interrupted (SIGTERM)\n"),
])
def test_a_solve_stops_at_once(hard, sig, code, message):
    got, err, seconds = interrupt(sig, "solve", "balance", hard, "--exact", "--time-limit", 60)
    assert (got, err) == (code, message)
    assert seconds < PROMPT


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_a_write_leaves_no_file_behind(tmp_path, sig, code):
    out = tmp_path / "big.png"
    got, err, seconds = interrupt(sig, "write", "draw", SEED, "-o", out, "--dpi", 300, "--width", 40, "--height", 25)
    assert got == code and err.startswith("alliances: interrupted") and len(err.splitlines()) == 1
    assert list(tmp_path.iterdir()) == []  # neither the figure nor its hidden temporary file
    assert seconds < PROMPT


def test_an_existing_output_is_kept_whole(tmp_path):
    out = tmp_path / "big.png"
    out.write_bytes(b"the old figure")
    got, _, _ = interrupt(signal.SIGTERM, "write", "draw", SEED, "-o", out, "--dpi", 300, "--width", 40,
                          "--height", 25)
    assert got == 143
    assert [p.name for p in tmp_path.iterdir()] == ["big.png"] and out.read_bytes() == b"the old figure"
