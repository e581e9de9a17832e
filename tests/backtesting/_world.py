"""A simulated world for the backtest tests: a scenario, a known history-aware risk model, and the clashes it draws.

Clashes are drawn window by window from a *true* model (the expert model with another
clash table) on exactly what the backtest will see at each window: the graph (the
static scenario plus the pairs that clashed in that window, as enemies) and every
pair's conflict history (none, past, recent, low, high) from the clashes drawn so far.
Each clash is written as a few events (2, or 8 for an intense one) in a UCDP GED file;
a fitted model must then move towards the truth.
"""

from __future__ import annotations

import datetime as dt
import gzip

import numpy as np

from alliances import Relation, Stance
from alliances.events import FightingHistory, parse_window
from alliances.risk import FACTORS, CompiledRisk, load_risk_model, pair_factors

ACTORS = {
    # id: (name, kind, theaters)
    "a": ("Alpha Front", "armed_group", ["north"]),
    "b": ("Bravo Army", "state", ["north", "east"]),
    "c": ("Charlie Brigades", "armed_group", ["east"]),
    "d": ("Delta Movement", "armed_group", ["north"]),
    "e": ("Echo Guard", "state", ["east", "south"]),
    "f": ("Foxtrot Union", "armed_group", ["south"]),
    "g": ("Golf Militia", "militia", ["south", "north"]),
}
STATIC = [("a", "b", "ally"), ("b", "c", "friendly"), ("d", "e", "ally"), ("e", "f", "ally"),
          ("a", "d", "enemy"), ("c", "f", "rival"), ("b", "g", "neutral"), ("c", "e", "rival")]
START = dt.date(2020, 1, 1)
MONTHS = 40
TRAIN_UNTIL = dt.date(2022, 3, 31)  # 26 forecast windows to learn from, 13 to test
LOW, HIGH = 2, 8  # events per clash: most clashes are small, some intense (more than the median: "high")
P_INTENSE = 0.3
MONTH = parse_window("month")


def scenario_text() -> str:
    lines = ["scenario: Simulated", "as_of: 2023-12-31", "theaters:"]
    lines += [f"  - {{id: {t}, name: {t.title()}}}" for t in ("north", "east", "south")]
    lines.append("actors:")
    for aid, (name, kind, th) in ACTORS.items():
        lines.append(f"  - {{id: {aid}, name: {name}, kind: {kind}, theaters: [{', '.join(th)}]}}")
    lines.append("relations:")
    lines += [f"  - {{actors: [{x}, {y}], stance: {s}}}" for x, y, s in STATIC]
    return "\n".join(lines) + "\n"


def true_model():
    """The expert model with another clash table: every level of conflict history more likely to lead to a
    clash than the expert thinks (a busier war), and a common theater *lowers* the risk (the opposite of the
    expert's belief)."""
    expert = load_risk_model()
    node = expert.nodes["clash"]
    t = node.table.reshape(2, 3, 2, 5, 3)  # clash x hostility x opportunity x fighting x backing
    logit = np.log(t[1] / t[0])
    shift_f = np.array([1.5, 1.0, 1.5, 1.5, 1.5])[None, None, :, None]  # none past recent low high
    shift_o = np.array([1.0, -1.0])[None, :, None, None]  # opportunity low, high
    yes = 1 / (1 + np.exp(-(logit + shift_f + shift_o)))
    table = np.stack([1 - yes, yes]).reshape(2, -1)
    return expert.with_tables({"clash": table}, name="simulation truth")


def month(k: int) -> tuple[dt.date, dt.date]:
    """First and last day of the k-th simulated month."""
    return MONTH.bounds(MONTH.key(START) + k)


def simulate(net, model, *, seed: int) -> list[tuple[int, str, str, int]]:
    """Clashes (month, a, b, events) drawn window by window from ``model`` on what the backtest will see.

    The graph at month t is the static scenario with every pair that clashed in t set to
    enemy, at the confidence the event pipeline gives n events (n / (n + 2)); the conflict
    history at t counts the clashes up to t, ``high`` above LOW events (the training median,
    since most clashes are small).
    """
    rng = np.random.default_rng(seed)
    engine = CompiledRisk(model)
    clashes: list[tuple[int, str, str, int]] = [(0, "a", "d", LOW)]  # month 0 needs an event: windows start there
    for t in range(MONTHS - 1):
        now = [(x, y, n) for k, x, y, n in clashes if k == t]
        g = net
        for x, y, _ in now:
            g = g.with_relation(x, y, None)
        rels = tuple(g.relations) + tuple(Relation((x, y), Stance.ENEMY, confidence=n / (n + 2.0), kind="events")
                                          for x, y, n in now)
        g = g.replace(relations=rels, as_of=month(t)[1])
        history = FightingHistory(MONTH, _by_pair(clashes, t), split=float(LOW))
        pf = pair_factors(g)
        levels = history.levels(month(t)[0])
        codes = np.zeros(len(pf), dtype=np.int8)
        for (x, y), level in levels.items():
            codes[pf.find(x, y)] = FACTORS["fighting"].index(level)
        p = engine.p_clash(pf.with_states(fighting=codes))
        hit = rng.random(len(p)) < p
        ids = np.array(pf.ids)
        for x, y in zip(ids[pf.i[hit]], ids[pf.j[hit]], strict=True):
            clashes.append((t + 1, str(x), str(y), HIGH if rng.random() < P_INTENSE else LOW))
    return clashes


def _by_pair(clashes: list[tuple[int, str, str, int]], upto: int) -> dict[tuple[str, str], list[tuple[int, int]]]:
    out: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for k, x, y, n in clashes:
        if k <= upto:
            out.setdefault((x, y), []).append((MONTH.key(START) + k, n))
    return {pair: sorted(rows) for pair, rows in out.items()}


def write_ged(path, clashes, *, seed: int = 0) -> None:
    """A UCDP GED file with the events of every clash (``(month, a, b[, events])``), on random days of its month."""
    rng = np.random.default_rng(seed)
    rows = ["id,side_a,side_b,type_of_violence,date_start,date_end,best"]
    k = 0
    for t, x, y, *rest in clashes:
        if t >= MONTHS:
            continue
        first, last = month(t)
        for _ in range(rest[0] if rest else LOW):
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
