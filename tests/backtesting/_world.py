"""A simulated world for the backtest tests: a scenario, a known risk model, and the clashes it draws.

Clashes are drawn window by window from a *true* model (the expert model with a
different clash table) on the graph the backtest will see, and written as a UCDP GED
file; a fitted model must then move towards the truth.
"""

from __future__ import annotations

import datetime as dt
import gzip

import numpy as np

from alliances import Relation, Stance
from alliances.risk import CompiledRisk, load_risk_model, pair_factors

ACTORS = {
    # id: (name, theaters)
    "a": ("Alpha Front", ["north"]),
    "b": ("Bravo Army", ["north", "east"]),
    "c": ("Charlie Brigades", ["east"]),
    "d": ("Delta Movement", ["north"]),
    "e": ("Echo Guard", ["east", "south"]),
    "f": ("Foxtrot Union", ["south"]),
    "g": ("Golf Militia", ["south", "north"]),
}
STATIC = [("a", "b", "ally"), ("b", "c", "friendly"), ("d", "e", "ally"), ("e", "f", "ally"),
          ("a", "d", "enemy"), ("c", "f", "rival"), ("b", "g", "neutral"), ("c", "e", "rival")]
START = dt.date(2020, 1, 1)
MONTHS = 40
TRAIN_UNTIL = dt.date(2022, 3, 31)  # 26 forecast windows to learn from, 13 to test
EVENTS_PER_CLASH = 4


def scenario_text() -> str:
    lines = ["scenario: Simulated", "as_of: 2023-12-31", "theaters:"]
    lines += [f"  - {{id: {t}, name: {t.title()}}}" for t in ("north", "east", "south")]
    lines.append("actors:")
    for aid, (name, th) in ACTORS.items():
        lines.append(f"  - {{id: {aid}, name: {name}, kind: armed_group, theaters: [{', '.join(th)}]}}")
    lines.append("relations:")
    lines += [f"  - {{actors: [{x}, {y}], stance: {s}}}" for x, y, s in STATIC]
    return "\n".join(lines) + "\n"


def true_model():
    """The expert model with a different clash table: a common theater *lowers* the risk (the
    opposite of the expert's belief), and hostile pairs clash less often than the expert thinks."""
    expert = load_risk_model()
    yes = np.array([0.08, 0.01, 0.30, 0.02, 0.55, 0.06])  # columns: (low|medium|high) x (opportunity low|high)
    table = np.stack([1 - yes, yes])
    return expert.with_tables({"clash": table}, name="simulation truth")


def month(k: int) -> tuple[dt.date, dt.date]:
    """First and last day of the k-th simulated month."""
    y, m = divmod((START.year * 12 + START.month - 1) + k, 12)
    first = dt.date(y, m + 1, 1)
    nxt = dt.date(y + (m + 1) // 12, (m + 1) % 12 + 1, 1)
    return first, nxt - dt.timedelta(days=1)


def simulate(net, model, *, seed: int) -> list[tuple[int, str, str]]:
    """Clashes (month, a, b) drawn window by window from ``model`` on the graph the backtest will see.

    The graph at month t is the static scenario with every pair that clashed in t set to
    enemy, at the confidence the event pipeline gives n events (n / (n + 2)): what the
    backtest builds from the event file without decay.
    """
    rng = np.random.default_rng(seed)
    engine = CompiledRisk(model)
    conf = EVENTS_PER_CLASH / (EVENTS_PER_CLASH + 2.0)
    clashes: list[tuple[int, str, str]] = []
    previous: list[tuple[str, str]] = []
    for t in range(MONTHS):
        g = net
        for x, y in previous:
            g = g.with_relation(x, y, None)
        rels = tuple(g.relations) + tuple(Relation((x, y), Stance.ENEMY, confidence=conf, kind="events")
                                          for x, y in previous)
        g = g.replace(relations=rels, as_of=month(t)[1])
        pf = pair_factors(g)
        p = engine.p_clash(pf)
        hit = rng.random(len(p)) < p
        ids = np.array(pf.ids)
        previous = [(str(x), str(y)) for x, y in zip(ids[pf.i[hit]], ids[pf.j[hit]], strict=True)]
        clashes.extend((t + 1, x, y) for x, y in previous)
    # month 0 needs an event so that the windows start there
    return [(0, "a", "d"), *clashes]


def write_ged(path, clashes, *, seed: int = 0) -> None:
    """A UCDP GED file with EVENTS_PER_CLASH events for every clash, on random days of its month."""
    rng = np.random.default_rng(seed)
    rows = ["id,side_a,side_b,type_of_violence,date_start,date_end,best"]
    k = 0
    for t, x, y in clashes:
        if t >= MONTHS:
            continue
        first, last = month(t)
        for _ in range(EVENTS_PER_CLASH):
            k += 1
            day = first + dt.timedelta(days=int(rng.integers(0, (last - first).days + 1)))
            rows.append(f"{k},{ACTORS[x][0]},{ACTORS[y][0]},2,{day},{day},{int(rng.integers(1, 9))}")
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(rows) + "\n")


def with_events_on(source, path, days):
    """The events of ``source`` plus one more (between the sides of its first event) on each of ``days``."""
    text = gzip.open(source, "rt", encoding="utf-8").read()
    first = text.splitlines()[1].split(",")
    extra = "".join(f"{900000 + k},{first[1]},{first[2]},2,{day},{day},1\n" for k, day in enumerate(days))
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(text + extra)
    return path
