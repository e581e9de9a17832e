"""The simulated world, built and backtested once for every backtest test (see _world.py)."""

from __future__ import annotations

import pytest

import alliances
from alliances.backtesting import backtest
from tests.backtesting._world import TRAIN_UNTIL, scenario_text, simulate, true_model, write_ged


@pytest.fixture(scope="package")
def world(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sim")
    net = alliances.loads(scenario_text())
    truth = true_model()
    clashes = simulate(net, truth, seed=7)
    events = folder / "sim_ged.csv.gz"
    write_ged(events, clashes)
    (folder / "sim.yaml").write_text(scenario_text(), encoding="utf-8")
    calls: list[tuple[int, int]] = []
    bt = backtest(events, net, window="month", train_until=TRAIN_UNTIL, half_life=None, pseudo_count=5.0, max_iter=10,
                  progress=lambda done, total: calls.append((done, total)))
    return {"net": net, "truth": truth, "clashes": clashes, "events": events, "bt": bt, "folder": folder,
            "progress": calls}
