"""Benchmark: all-pairs conflict risk, compiled path against one pgmpy query per pair, and the cold command.

Prints, for random scenarios of 50, 200 and 1,000 actors (six relations per actor, a
fifth of them with confidence < 1, some with a stated fighting level, twenty theaters,
states among the actors): the wall time and peak memory of the all-pairs engine
(``CompiledRisk.all_pairs``, what ``alliances.conflict_risk`` runs; DataFrame included;
the first call compiles the model's joint table, the second reuses it), the time of one
pgmpy ``VariableElimination`` query per pair (timed on a sample and extrapolated), the
ratio, and the largest absolute difference between the two on the sample (on every pair
for 50 actors). Then the whole ``alliances risk FILE --json`` command on a 400-actor,
2,400-relation scenario, start-up included; and the cold ``alliances risk`` on the
Syria 2017 seed (median of fresh processes), beside what importing pgmpy alone costs a
fresh process (the engine used to query pgmpy, so every cold command paid it; it no
longer imports pgmpy at all).

Run: ``.venv/bin/python benchmarks/bench_risk.py`` (targets: 1,000 actors < 1 s,
>= 300x faster than per-pair queries, differences < 1e-9; the command < 15 s).
"""

from __future__ import annotations

import itertools
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import warnings
from pathlib import Path

import numpy as np

import alliances
from alliances import Actor, ActorKind, AllianceNetwork, Relation, Stance, Theater
from alliances.risk import FACTORS, MISSING, CompiledRisk, load_risk_model, pair_factors

STANCES = FACTORS["stance"]
ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "syria_2017.yaml"
COLD_RUNS = 7


def random_scenario(n: int, relations_per_actor: int = 6, seed: int = 0) -> AllianceNetwork:
    rng = random.Random(seed)
    ids = [f"a{k:04d}" for k in range(n)]
    theaters = [f"t{k:02d}" for k in range(20)]
    kinds = [ActorKind.STATE, ActorKind.ARMED_GROUP, ActorKind.ARMED_GROUP, ActorKind.MILITIA]
    actors = [
        Actor(a, a.upper(), rng.choice(kinds),
              theaters=tuple(sorted(rng.sample(theaters, rng.randint(1, 3)))) if rng.random() > 0.1 else ())
        for a in ids
    ]
    pairs: set[tuple[str, str]] = set()
    target = min(relations_per_actor * n, n * (n - 1) // 2)
    while len(pairs) < target:
        a, b = rng.sample(ids, 2)
        pairs.add((min(a, b), max(a, b)))
    stances = list(Stance)
    rels = [
        Relation(p, rng.choice(stances), confidence=1.0 if rng.random() > 0.2 else rng.choice([0.4, 0.7, 0.9]),
                 fighting=rng.choice([None, None, *FACTORS["fighting"]]))
        for p in sorted(pairs)
    ]
    return AllianceNetwork(f"random {n}", actors=actors, relations=rels,
                           theaters=[Theater(t, t.upper()) for t in theaters])


def per_pair_queries(net, model, rows, infer, TabularCPD, VariableElimination):
    """One pgmpy query per pair in ``rows``; returns (seconds, probabilities)."""
    pf = pair_factors(net)
    comp = CompiledRisk(model)
    out = []
    t0 = time.perf_counter()
    for k in rows:
        ev = {f: FACTORS[f][pf.states[f][k]] for f in comp.others if pf.states[f][k] != MISSING}
        conf = float(pf.confidence[k])
        s = int(pf.states["stance"][k])
        if conf >= 1:
            q = infer.query(["clash"], evidence={**ev, "stance": STANCES[s]}, show_progress=False)
        else:
            L = comp.likelihood(np.array([s]), np.array([conf]))[0]
            ve = TabularCPD("stance", len(STANCES), [[x] for x in L], state_names={"stance": list(STANCES)})
            # pgmpy rewrites its model for virtual evidence, so a fresh engine per soft query
            q = VariableElimination(model.to_pgmpy()).query(["clash"], evidence=ev, virtual_evidence=[ve],
                                                            show_progress=False)
        out.append(q.values[q.state_names["clash"].index("yes")])
    return time.perf_counter() - t0, np.array(out)


def main() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        from pgmpy.factors.discrete import TabularCPD
        from pgmpy.inference import VariableElimination

    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores (shared with other work: figures are indicative)")
    model = load_risk_model()
    infer = VariableElimination(model.to_pgmpy())
    CompiledRisk(model).stance_prior  # noqa: B018 - import pgmpy and build the engine outside the timings
    print(f"{'actors':>7} {'pairs':>8} {'cold s':>8} {'warm s':>8} {'peak MB':>8} {'per-pair s':>11} "
          f"{'ms/query':>9} {'speed-up':>9} {'max |diff|':>11} {'sample':>7}")
    for n in (50, 200, 1000):
        net = random_scenario(n, seed=n)
        fresh = load_risk_model(Path(alliances.__file__).parent / "risk" / "default_model.yaml")
        engine = CompiledRisk(fresh)
        engine.stance_prior  # noqa: B018
        t0 = time.perf_counter()
        df = engine.all_pairs(net)  # cold: every factor combination queried once
        cold = time.perf_counter() - t0
        tracemalloc.start()
        t0 = time.perf_counter()
        df = engine.all_pairs(net)  # warm: the engine keeps the tables it compiled
        warm = time.perf_counter() - t0
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        pf = pair_factors(net)
        npairs = len(pf)
        sample = np.arange(npairs) if n <= 50 else np.random.default_rng(n).choice(npairs, 400, replace=False)
        secs, ref = per_pair_queries(net, model, sample, infer, TabularCPD, VariableElimination)
        per_query = secs / len(sample)
        total = per_query * npairs
        ids = np.array(pf.ids)
        lookup = dict(zip(zip(df["a"], df["b"], strict=True), df["p_clash"], strict=True))
        mine = np.array([lookup[ids[pf.i[k]], ids[pf.j[k]]] for k in sample])
        diff = float(np.abs(mine - ref).max())
        print(f"{n:>7} {npairs:>8} {cold:>8.3f} {warm:>8.3f} {peak:>8.1f} {total:>11.1f} {per_query * 1e3:>9.3f} "
              f"{total / warm:>8.0f}x {diff:>11.2e} {len(sample):>7}")

    net = random_scenario(400, relations_per_actor=6, seed=400)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.yaml"
        alliances.dump(net, path)
        exe = Path(sys.executable).parent / "alliances"
        cmd = [str(exe), "risk", str(path), "--json"]
        t0 = time.perf_counter()
        res = subprocess.run(cmd, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        assert res.returncode == 0, res.stderr
        pairs = res.stdout.count('"p_clash"')
    print(f"alliances risk FILE --json, 400 actors / {len(net.relations)} relations ({pairs} pairs): "
          f"{wall:.2f} s wall, start-up included")
    combos = {c for c in itertools.product(*[range(len(FACTORS[f])) for f in CompiledRisk(model).others])}
    print(f"(the model has {len(combos)} fully observed factor combinations besides the stance)")
    cold_command()


def _median_wall(cmd: list[str], runs: int = COLD_RUNS) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def cold_command() -> None:
    """``alliances risk`` on the seed in fresh processes, and the pgmpy import it no longer pays."""
    exe = str(Path(sys.executable).parent / "alliances")
    risk = _median_wall([exe, "risk", str(SEED), "--json"])
    pair = _median_wall([exe, "risk", str(SEED), "--pair", "assad", "us_coalition", "--json"])
    code = (f"import sys, alliances; net = alliances.load({str(SEED)!r}); alliances.conflict_risk(net); "
            "print('pgmpy' in sys.modules)")
    imports_pgmpy = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    bare = _median_wall([sys.executable, "-c", "import alliances.risk"])
    with_pgmpy = _median_wall([sys.executable, "-W", "ignore", "-c", "import alliances.risk, pgmpy.inference"])
    print(f"cold alliances risk {SEED.name} --json: median {risk:.2f} s of {COLD_RUNS} fresh processes "
          f"(--pair: {pair:.2f} s); pgmpy imported: {imports_pgmpy.stdout.strip()}")
    print(f"  importing pgmpy.inference in a fresh process adds {with_pgmpy - bare:.2f} s (median), which the "
          "engine paid on every cold command when it queried pgmpy")


if __name__ == "__main__":
    main()
