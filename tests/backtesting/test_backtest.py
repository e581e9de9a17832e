"""Tests for alliances.backtesting (alliances.backtest): scores against scikit-learn, a simulated world with a known
risk model (the fitted model must beat the expert prior and come close to the truth),
no leakage from the test windows into the fit, and the command line."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import alliances
from alliances._records import Relation, Stance
from alliances.backtesting import (
    backtest,
    brier_score,
    cpd_changes,
    graphs_over_time,
    log_loss,
    reliability_curve,
    roc_auc,
)
from alliances.backtesting._run import all_windows, window_key
from alliances.cli import main
from alliances.events import parse_window
from alliances.risk._factors import pair_factors
from alliances.risk._model_file import load_risk_model

sk_metrics = pytest.importorskip("sklearn.metrics")


# ---------------------------------------------------------------- scores against scikit-learn

HAND = [
    ([0, 1, 1, 0, 1], [0.1, 0.8, 0.35, 0.4, 0.9]),
    ([1, 0, 0, 0], [0.5, 0.5, 0.2, 0.9]),
    ([0, 0, 1, 1, 1, 0], [0.3, 0.3, 0.3, 0.7, 0.7, 0.7]),  # ties across classes
    ([1, 0], [1e-20, 1.0]),  # confidently wrong: clipped, not infinite
]


@pytest.mark.parametrize(("y", "p"), HAND)
def test_scores_match_sklearn_on_hand_cases(y, p):
    assert brier_score(y, p) == pytest.approx(sk_metrics.brier_score_loss(y, p), abs=1e-12)
    assert roc_auc(y, p) == pytest.approx(sk_metrics.roc_auc_score(y, p), abs=1e-12)
    q = np.clip(p, 1e-15, 1 - 1e-15)  # sklearn clips at the float eps; we clip at 1e-15 on both sides
    assert log_loss(y, p) == pytest.approx(sk_metrics.log_loss(y, q, labels=[0, 1]), rel=1e-9)


def test_scores_by_hand():
    # Brier (0.01 + 0.04 + 0.36) / 3; AUC: positives 0.8 and 0.4 against negative 0.1 and 0.6 -> 3 of 4 orderings right
    assert brier_score([0, 1, 1], [0.1, 0.8, 0.4]) == pytest.approx(0.41 / 3)
    assert roc_auc([0, 1, 1, 0], [0.1, 0.8, 0.4, 0.6]) == 0.75
    assert log_loss([1], [math.exp(-2)]) == pytest.approx(2.0)


def test_undefined_scores_are_none():
    assert roc_auc([0, 0, 0], [0.1, 0.2, 0.3]) is None
    assert roc_auc([1], [0.3]) is None
    assert brier_score([], []) is None and log_loss([], []) is None
    assert reliability_curve([], []) == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.floats(0.0, 1.0)), min_size=2, max_size=40))
def test_scores_match_sklearn_random(rows):
    y = np.array([int(a) for a, _ in rows])
    p = np.round(np.array([b for _, b in rows]), 2)  # rounding makes ties
    assert brier_score(y, p) == pytest.approx(sk_metrics.brier_score_loss(y, p), abs=1e-12)
    if len(set(y)) == 2:
        assert roc_auc(y, p) == pytest.approx(sk_metrics.roc_auc_score(y, p), abs=1e-12)
    else:
        assert roc_auc(y, p) is None
    q = np.clip(p, 1e-15, 1 - 1e-15)
    assert log_loss(y, p) == pytest.approx(sk_metrics.log_loss(y, q, labels=[0, 1]), rel=1e-7, abs=1e-12)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.floats(0.0, 1.0)), min_size=1, max_size=40))
def test_reliability_matches_sklearn_calibration_curve(rows):
    from sklearn.calibration import calibration_curve

    y = np.array([int(a) for a, _ in rows])
    p = np.array([b for _, b in rows])
    bins = reliability_curve(y, p, bins=10)
    assert sum(b["n"] for b in bins) == len(y)
    if len(set(y)) == 2:
        observed, predicted = calibration_curve(y, p, n_bins=10, strategy="uniform")
        assert [b["observed"] for b in bins] == pytest.approx(list(observed))
        assert [b["mean_predicted"] for b in bins] == pytest.approx(list(predicted))


@settings(max_examples=60, deadline=None)
@given(st.dates(dt.date(1971, 1, 1), dt.date(2100, 12, 31)), st.sampled_from(["day", "week", "month", "quarter", "year", "10d", "14d"]))
def test_window_key_finds_the_window_containing_the_day(day, unit):
    win = parse_window(unit, origin=dt.date(2016, 1, 1))
    start, end = win.bounds(window_key(win, day))
    assert start <= day <= end


# ---------------------------------------------------------------- a simulated world

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


def _scenario_text() -> str:
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


def _month(k: int) -> tuple[dt.date, dt.date]:
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
    compiled = model.compiled()
    conf = EVENTS_PER_CLASH / (EVENTS_PER_CLASH + 2.0)
    clashes: list[tuple[int, str, str]] = []
    previous: list[tuple[str, str]] = []
    for t in range(MONTHS):
        g = net
        for x, y in previous:
            g = g.with_relation(x, y, None)
        rels = tuple(g.relations) + tuple(Relation((x, y), Stance.ENEMY, confidence=conf, kind="events")
                                          for x, y in previous)
        g = g.replace(relations=rels, as_of=_month(t)[1])
        pf = pair_factors(g)
        p = compiled.p_clash(pf)
        hit = rng.random(len(p)) < p
        ids = np.array(pf.ids)
        previous = [(str(x), str(y)) for x, y in zip(ids[pf.i[hit]], ids[pf.j[hit]], strict=True)]
        clashes.extend((t + 1, x, y) for x, y in previous)
    # month 0 needs an event so that the windows start there
    return [(0, "a", "d"), *clashes]


def write_ged(path, clashes, *, seed: int = 0) -> None:
    rng = np.random.default_rng(seed)
    rows = ["id,side_a,side_b,type_of_violence,date_start,date_end,best"]
    k = 0
    for t, x, y in clashes:
        if t >= MONTHS:
            continue
        first, last = _month(t)
        for _ in range(EVENTS_PER_CLASH):
            k += 1
            day = first + dt.timedelta(days=int(rng.integers(0, (last - first).days + 1)))
            rows.append(f"{k},{ACTORS[x][0]},{ACTORS[y][0]},2,{day},{day},{int(rng.integers(1, 9))}")
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(rows) + "\n")


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sim")
    net = alliances.loads(_scenario_text())
    truth = true_model()
    clashes = simulate(net, truth, seed=7)
    events = folder / "sim_ged.csv.gz"
    write_ged(events, clashes)
    (folder / "sim.yaml").write_text(_scenario_text(), encoding="utf-8")
    calls: list[tuple[int, int]] = []
    bt = backtest(events, net, window="month", train_until=TRAIN_UNTIL, half_life=None, pseudo_count=5.0, max_iter=10,
                  progress=lambda done, total: calls.append((done, total)))
    return {"net": net, "truth": truth, "clashes": clashes, "events": events, "bt": bt, "folder": folder,
            "progress": calls}


def test_progress_advances_to_the_end(world):
    calls = world["progress"]
    assert len(calls) > 10
    done = [d for d, _ in calls]
    assert done == sorted(done) and all(d <= t for d, t in calls)
    assert calls[-1][0] == calls[-1][1]


def test_json_has_null_not_nan(world):
    import dataclasses

    from alliances.report._backtest import backtest_json

    bt = world["bt"]
    scores = bt.scores.copy()
    scores.loc[0, "auc"] = None
    scores.loc[1, "auc"] = float("nan")
    data = backtest_json(dataclasses.replace(bt, scores=scores))
    assert data["scores"][0]["auc"] is None and data["scores"][1]["auc"] is None
    json.dumps(data, allow_nan=False)


def test_simulation_windows_and_pairs(world):
    bt = world["bt"]
    assert len(bt.windows) == MONTHS
    assert bt.pairs == 21
    assert bt.train_windows == 26 and bt.test_windows == 13
    assert (bt.test["target_start"] > TRAIN_UNTIL).all()
    assert (bt.predictions.query("split == 'train'")["target_end"] <= TRAIN_UNTIL).all()
    # the outcome column is the simulated clash list
    truth = {(_month(t)[0], x, y) for t, x, y in world["clashes"] if 1 <= t < MONTHS}
    got = {(r.target_start, r.a, r.b) for r in bt.predictions.itertuples() if r.clash_next}
    assert got == truth


def test_fitted_beats_expert_and_approaches_truth(world):
    bt = world["bt"]
    test = bt.test
    y = test["clash_next"].to_numpy(dtype=float)
    p_true = bt.predict(world["truth"])[bt.predictions["split"].to_numpy() == "test"]
    true_brier, true_ll = brier_score(y, p_true), log_loss(y, p_true)
    exp_brier, fit_brier = bt.score("expert"), bt.score("fitted")
    exp_ll, fit_ll = bt.score("expert", metric="log_loss"), bt.score("fitted", metric="log_loss")
    assert fit_brier < exp_brier and fit_ll < exp_ll
    # the fit closes most of the gap between the expert prior and the truth
    assert fit_brier - true_brier < 0.35 * (exp_brier - true_brier)
    assert fit_ll - true_ll < 0.35 * (exp_ll - true_ll)
    # and, free of outcome noise, its probabilities are much closer to the true ones
    gap_fit = np.abs(test["p_fitted"].to_numpy() - p_true).mean()
    gap_exp = np.abs(test["p_expert"].to_numpy() - p_true).mean()
    assert gap_fit < 0.5 * gap_exp


def test_fitted_model_moved_the_clash_table_most(world):
    moved = world["bt"].cpd_changes
    assert moved["shift"].is_monotonic_decreasing
    top_nodes = set(moved.head(3)["node"])
    assert "clash" in top_nodes
    # the only CPD the truth changed is clash: its (hostility=high, opportunity=high) column
    # moves towards the true 0.55 from the expert's 0.70
    row = moved[(moved["node"] == "clash") & (moved["given"] == "hostility=high, opportunity=high")].iloc[0]
    assert row["after"][1] < row["before"][1]


def test_cpd_changes_of_identical_models_are_zero():
    m = load_risk_model()
    changes = cpd_changes(m, m)
    assert (changes["shift"] == 0).all()
    assert len(changes) == sum(node.table.shape[1] for node in m.nodes.values())


def test_baselines_are_training_rates(world):
    bt = world["bt"]
    pred = bt.predictions
    train = pred[pred["split"] == "train"]
    for now in (True, False):
        sub = train[train["clash_now"] == now]
        rate = (sub["clash_next"].sum() + 0.5) / (len(sub) + 1)
        assert np.allclose(pred.loc[pred["clash_now"] == now, "p_persistence"], rate)
    enemy = train[train["stance"] == "enemy"]
    assert np.allclose(pred.loc[pred["stance"] == "enemy", "p_stance"],
                       (enemy["clash_next"].sum() + 0.5) / (len(enemy) + 1))
    # onsets: persistence is a constant, so it cannot rank
    onset = bt.scores.query("model == 'persistence' and subset == 'onset'").iloc[0]
    assert onset["auc"] in (None, 0.5)


def test_scores_table_matches_the_predictions(world):
    bt = world["bt"]
    test = bt.test
    for r in bt.scores.itertuples():
        part = test if r.subset == "all" else test[~test["clash_now"]]
        y, p = part["clash_next"].to_numpy(dtype=float), part[f"p_{r.model}"].to_numpy()
        assert r.n == len(part)
        assert r.brier == pytest.approx(sk_metrics.brier_score_loss(y, p))
        if len(set(y)) == 2:
            assert r.auc == pytest.approx(sk_metrics.roc_auc_score(y, p))


def test_no_leakage_from_test_windows(world, tmp_path):
    """Changing, adding or removing events after --train-until changes no fitted number."""
    bt = world["bt"]
    rng = np.random.default_rng(3)
    changed = [c for c in world["clashes"] if _month(c[0])[0] <= TRAIN_UNTIL]
    later = [k for k in range(MONTHS) if _month(k)[0] > TRAIN_UNTIL]
    pairs = [("a", "b"), ("c", "g"), ("e", "f"), ("a", "d")]
    changed += [(int(rng.choice(later)), *pairs[k % 4]) for k in range(30)]
    changed.append((MONTHS - 1, "b", "e"))  # keep the same last window
    other = tmp_path / "other.csv.gz"
    write_ged(other, changed, seed=11)
    bt2 = backtest(other, world["net"], window="month", train_until=TRAIN_UNTIL, half_life=None, pseudo_count=5.0, max_iter=10)
    for nid, node in bt.fitted.nodes.items():
        assert np.array_equal(node.table, bt2.fitted.nodes[nid].table), nid
    tr1 = bt.predictions[bt.predictions["split"] == "train"].reset_index(drop=True)
    tr2 = bt2.predictions[bt2.predictions["split"] == "train"].reset_index(drop=True)
    for c in ("p_expert", "p_fitted", "p_persistence", "p_stance", "p_logistic", "clash_next"):
        assert np.array_equal(tr1[c].to_numpy(), tr2[c].to_numpy()), c
    # ... while the test outcomes did change
    assert not np.array_equal(bt.test["clash_next"].to_numpy(), bt2.test["clash_next"].to_numpy())


def test_decay_only_looks_back(world):
    """With decay, the graph at t is the same whether or not later events exist."""
    net = world["net"]
    full = graphs_over_time(world["events"], net, window="month", half_life=2.0)
    short = world["folder"] / "short.csv.gz"
    write_ged(short, [c for c in world["clashes"] if c[0] <= 30])
    part = graphs_over_time(short, net, window="month", half_life=2.0)
    assert part.windows == full.windows[: len(part.windows)] and len(part.windows) >= 30
    changed_somewhere = False
    for k in range(len(part.windows)):
        g1, g2 = full.graph(k), part.graph(k)
        assert g1.as_of == g2.as_of == full.windows[k][1]
        r1 = {(r.pair, r.stance, round(r.confidence, 9)) for r in g1.active_relations}
        r2 = {(r.pair, r.stance, round(r.confidence, 9)) for r in g2.active_relations}
        assert r1 == r2, full.windows[k]
        assert full.clashed(k) == part.clashed(k)
        changed_somewhere |= r1 != {(r.pair, r.stance, round(r.confidence, 9)) for r in net.active_relations}
    assert changed_somewhere  # the events did change the graph


def test_verdicts_say_when_a_baseline_wins(world):
    bt = world["bt"]
    text = "\n".join(bt.verdicts())
    for subset in ("all", "onset"):
        for model in ("expert", "fitted"):
            m = bt.score(model, subset)
            for base in ("persistence", "stance", "logistic"):
                b = bt.score(base, subset)
                if b < m - 1e-12:
                    assert f"beats the {model} model on brier {b:.4f} vs {m:.4f}" in text


def test_all_windows_fill_quiet_windows(world):
    rel = alliances.relations_over_time(world["events"], world["net"], window="quarter")
    w = all_windows(rel)
    assert w[0][0] == START and len(w) == MONTHS // 3 + (MONTHS % 3 > 0)
    assert all(b[0] == a[1] + dt.timedelta(days=1) for a, b in zip(w, w[1:], strict=False))


def test_train_until_outside_the_data_is_an_error(world):
    with pytest.raises(alliances.EventDataError, match="no training window"):
        backtest(world["events"], world["net"], train_until="2019-06-30", half_life=None)
    with pytest.raises(alliances.EventDataError, match="no test window"):
        backtest(world["events"], world["net"], train_until="2030-01-01", half_life=None)


# ---------------------------------------------------------------- command line

def test_cli_json_shape(world, capsys):
    folder = world["folder"]
    code = main(["backtest", str(world["events"]), "--actors", str(folder / "sim.yaml"), "--window", "quarter",
                 "--train-until", "2021-12-31", "--json"])
    out = capsys.readouterr().out
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"windows", "pairs", "scores"}
    assert data["pairs"] == 21 and data["windows"] == 6  # 2022-Q1 to 2023-Q2
    assert [(s["model"], s["subset"]) for s in data["scores"]] == [
        (m, s) for m in ("expert", "fitted", "persistence", "stance", "logistic") for s in ("all", "onset")]
    for s in data["scores"]:
        assert set(s) == {"model", "subset", "brier", "log_loss", "auc"}
        assert s["auc"] is None or 0 <= s["auc"] <= 1
    assert "NaN" not in out


def test_cli_figure_and_table(world, tmp_path, capsys):
    folder = world["folder"]
    png = tmp_path / "bt.png"
    code = main(["backtest", str(world["events"]), "--actors", str(folder / "sim.yaml"), "--window", "quarter",
                 "--train-until", "2021-12-31", "-o", str(png)])
    out = capsys.readouterr().out
    assert code == 0
    assert png.read_bytes()[:4] == b"\x89PNG"
    assert "persistence" in out and "logistic" in out and "Brier" in out


def test_cli_bad_input_exits_2_without_output(world, tmp_path, capsys):
    folder = world["folder"]
    png = tmp_path / "bt.png"
    code = main(["backtest", str(world["events"]), "--actors", str(folder / "sim.yaml"), "--train-until", "soon",
                 "-o", str(png)])
    err = capsys.readouterr().err
    assert code == 2 and "soon" in err and not png.exists()
    code = main(["backtest", str(world["events"]), "--actors", str(folder / "sim.yaml"), "-o", str(tmp_path / "x.jpg")])
    assert code == 2 and "x.jpg" in capsys.readouterr().err
