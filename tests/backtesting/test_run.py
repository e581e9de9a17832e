"""alliances.backtesting._run: the backtest on a simulated world with a known risk model.

The fitted model must beat the expert prior and come close to the truth, no test window
may leak into the fit, and progress must reach its end.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

import alliances
from alliances.backtesting import MODELS, SUBSETS, backtest, brier_score
from tests.backtesting._world import MONTHS, TRAIN_UNTIL, month, with_events_on, write_ged

sk_metrics = pytest.importorskip("sklearn.metrics")


def test_progress_advances_to_the_end(world):
    calls = world["progress"]
    assert len(calls) > 10
    done = [d for d, _ in calls]
    assert done == sorted(done) and all(d <= t for d, t in calls)
    assert calls[-1][0] == calls[-1][1] == 2 + (MONTHS - 1) + 2  # reading, every forecast window, fit, baselines


def test_simulation_windows_and_pairs(world):
    bt = world["bt"]
    assert len(bt.windows) == MONTHS
    assert bt.pairs == 21
    assert bt.train_windows == 26 and bt.test_windows == 13
    assert (bt.test["target_start"] > TRAIN_UNTIL).all()
    assert (bt.predictions.query("split == 'train'")["target_end"] <= TRAIN_UNTIL).all()
    # the outcome column is the simulated clash list
    truth = {(month(t)[0], x, y) for t, x, y, _ in world["clashes"] if 1 <= t < MONTHS}
    got = {(r.target_start, r.a, r.b) for r in bt.predictions.itertuples() if r.clash_next}
    assert got == truth
    assert (bt.predictions["onset"] == ~bt.predictions["clash_now"]).all()
    assert [c for c in bt.predictions.columns if c.startswith("p_")] == [f"p_{m}" for m in MODELS]
    # the conflict history the backtest computed is the one the simulation drew from
    assert bt.split == 2.0 and set(bt.predictions["fighting"]) == {"none", "past", "recent", "low", "high"}
    assert (bt.predictions["new_onset"] == bt.predictions["fighting"].isin(["none", "past"])).all()


def test_fitted_beats_expert_and_approaches_truth(world):
    bt = world["bt"]
    test = bt.test
    y = test["clash_next"].to_numpy(dtype=float)
    p_true = bt.predict(world["truth"])[bt.predictions["split"].to_numpy() == "test"]
    true_brier = brier_score(y, p_true)
    exp_brier, fit_brier = bt.score("expert"), bt.score("fitted")
    exp_ll, fit_ll = bt.score("expert", metric="log_loss"), bt.score("fitted", metric="log_loss")
    assert fit_brier < exp_brier and fit_ll < exp_ll
    # the fit closes most of the gap between the expert prior and the truth on the Brier score
    assert fit_brier - true_brier < 0.5 * (exp_brier - true_brier)
    # and, free of outcome noise, its probabilities are much closer to the true ones
    gap_fit = np.abs(test["p_fitted"].to_numpy() - p_true).mean()
    gap_exp = np.abs(test["p_expert"].to_numpy() - p_true).mean()
    assert gap_fit < 0.4 * gap_exp


def test_scores_table_matches_the_predictions(world):
    bt = world["bt"]
    test = bt.test
    assert [(r.model, r.subset) for r in bt.scores.itertuples()] == [(m, s) for m in MODELS for s in SUBSETS]
    for r in bt.scores.itertuples():
        part = {"all": test, "onset": test[~test["clash_now"]],
                "new_onset": test[test["fighting"].isin(["none", "past"])]}[r.subset]
        y, p = part["clash_next"].to_numpy(dtype=float), part[f"p_{r.model}"].to_numpy()
        assert r.n == len(part) and r.positives == int(y.sum())
        assert r.brier == pytest.approx(sk_metrics.brier_score_loss(y, p))
        if len(set(y)) == 2:
            assert r.auc == pytest.approx(sk_metrics.roc_auc_score(y, p))
    bins = bt.reliability.query("model == 'expert' and subset == 'all'")
    assert bins["n"].sum() == len(test)


def test_no_leakage_from_test_windows(world, tmp_path):
    """Changing, adding or removing events after --train-until changes no fitted number."""
    bt = world["bt"]
    rng = np.random.default_rng(3)
    changed = [c for c in world["clashes"] if month(c[0])[0] <= TRAIN_UNTIL]
    later = [k for k in range(MONTHS) if month(k)[0] > TRAIN_UNTIL]
    pairs = [("a", "b"), ("c", "g"), ("e", "f"), ("a", "d")]
    changed += [(int(rng.choice(later)), *pairs[k % 4], 30) for k in range(30)]  # big clashes: a median would move
    changed.append((MONTHS - 1, "b", "e"))  # keep the same last window
    other = tmp_path / "other.csv.gz"
    write_ged(other, changed, seed=11)
    bt2 = backtest(other, world["net"], window="month", train_until=TRAIN_UNTIL, half_life=None, pseudo_count=5.0, max_iter=10)
    for nid, node in bt.fitted.nodes.items():
        assert np.array_equal(node.table, bt2.fitted.nodes[nid].table), nid
    tr1 = bt.predictions[bt.predictions["split"] == "train"].reset_index(drop=True)
    tr2 = bt2.predictions[bt2.predictions["split"] == "train"].reset_index(drop=True)
    for c in ("p_expert", "p_fitted", "p_history", "p_persistence", "p_stance", "p_logistic", "clash_next",
              "fighting"):
        assert np.array_equal(tr1[c].to_numpy(), tr2[c].to_numpy()), c
    assert bt2.split == bt.split  # the training median
    # ... while the test outcomes did change
    assert not np.array_equal(bt.test["clash_next"].to_numpy(), bt2.test["clash_next"].to_numpy())


def test_train_until_outside_the_data_is_an_error(world):
    with pytest.raises(alliances.EventDataError, match="no training window"):
        backtest(world["events"], world["net"], train_until="2019-06-30", half_life=None)
    with pytest.raises(alliances.EventDataError, match="no test window"):
        backtest(world["events"], world["net"], train_until="2030-01-01", half_life=None)
    with pytest.raises(alliances.EventDataError, match="'soon' is not a date"):
        backtest(world["events"], world["net"], train_until="soon", half_life=None)


def test_default_train_until_is_the_end_of_the_middle_window(world):
    bt = backtest(world["events"], world["net"], window="quarter", half_life=None, pseudo_count=5.0, max_iter=5)
    assert len(bt.windows) == 14  # 40 months: 2020-Q1 .. 2023-Q2
    assert bt.train_until == bt.windows[6][1] == dt.date(2021, 9, 30)
    assert bt.train_windows == 6 and bt.test_windows == 7
    dated = backtest(world["events"], world["net"], window="quarter", half_life=None, pseudo_count=5.0, max_iter=5,
                     train_until=dt.datetime(2021, 9, 30, 12, 0))
    assert dated.train_until == dt.date(2021, 9, 30)


def test_straddling_forecast_is_left_out_with_a_note(world):
    bt = backtest(world["events"], world["net"], window="quarter", half_life=None, pseudo_count=5.0, max_iter=5,
                  train_until="2021-08-15")  # inside 2021-Q3
    assert any("straddles --train-until 2021-08-15" in n for n in bt.notes)
    assert dt.date(2021, 7, 1) not in set(bt.predictions["target_start"])


def test_too_few_windows(world, tmp_path):
    short = tmp_path / "short.csv.gz"
    write_ged(short, [(0, "a", "d"), (1, "b", "c")])
    with pytest.raises(alliances.EventDataError, match="span 2 month window"):
        backtest(short, world["net"], half_life=None)


# ---------------------------------------------------------------- careless input: checked first, limits named


@pytest.mark.parametrize(("option", "message"), [
    ({"pseudo_count": -1}, "pseudo_count must be a positive number of observations, not -1"),
    ({"pseudo_count": float("nan")}, "pseudo_count must be a positive number of observations, not nan"),
    ({"pseudo_count": float("inf")}, "pseudo_count must be a positive number"),
    ({"pseudo_count": 0}, "pseudo_count must be a positive number"),
    ({"pseudo_count": "50"}, "pseudo_count must be a positive number of observations, not '50'"),
    ({"half_life": -2.0}, "half_life must be a positive number of windows, not -2.0"),
    ({"half_life": float("nan")}, "half_life must be a positive number of windows, not nan"),
    ({"train_until": 5}, "train_until must be a date or ISO text (YYYY-MM-DD), not 5"),
    ({"train_until": "2017-02-30"}, "train_until: '2017-02-30' is not a date (YYYY-MM-DD)"),
    ({"max_iter": 0}, "max_iter must be a whole number of at least 1, not 0"),
    ({"min_events": -1}, "min_events must be a whole number of events, 0 or more, not -1"),
    ({"window": "99999999999d"}, "a window lasts at most 3653 days"),
    ({"date_range": "1900"}, "give FROM:TO"),
    ({"max_windows": 0}, "max_windows must be a whole number of at least 1, not 0"),
    ({"max_pair_windows": -5}, "max_pair_windows must be a whole number of at least 1, not -5"),
    ({"pseudo_counts": {"clash": 0}}, "pseudo_counts: clash must be a positive number of observations, not 0"),
    ({"pseudo_counts": {"fighting": float("inf")}}, "pseudo_counts: fighting must be a positive number"),
    ({"pseudo_counts": {"clsh": 5}}, "pseudo_counts: unknown node 'clsh' (the model's nodes: "),
    ({"pseudo_counts": [("clash", 5)]}, "pseudo_counts must map node names to numbers"),
])
def test_every_option_is_checked_before_any_file_is_read(world, tmp_path, option, message):
    with pytest.raises(alliances.EventDataError) as err:
        backtest(tmp_path / "missing.csv", world["net"], **option)
    assert message in str(err.value)


def test_stray_dates_are_left_out_not_turned_into_windows(world, tmp_path):
    """Dates in 2150, 9999 and year 0 used to stretch the windows (4.8 GB, then MemoryError): now they are cited."""
    path = with_events_on(world["events"], tmp_path / "more.csv.gz", ["2150-06-01", "9999-12-31", "0000-01-05"])
    bt = backtest(path, world["net"], window="quarter", half_life=None, pseudo_count=5.0, max_iter=5)
    assert (bt.windows[0][0], bt.windows[-1][1], len(bt.windows)) == (dt.date(2020, 1, 1), dt.date(2023, 6, 30), 14)
    assert bt.notes[0].startswith("3 row(s) dated outside 1900-01-01 to 2100-12-31 were left out")


def test_mostly_quiet_windows_are_noted(world, tmp_path):
    path = with_events_on(world["events"], tmp_path / "more.csv.gz", ["2099-03-01"])  # inside the default range
    bt = backtest(path, world["net"], window="year", half_life=None, pseudo_count=5.0, max_iter=5)
    assert len(bt.windows) == 80
    assert ("75 of the 80 year windows from 2020-01-01 to 2099-12-31 have no event: if stray dates stretch the "
            "span, narrow the date range (--date-range)") in bt.notes


def test_too_many_windows_or_forecasts_are_refused_with_the_limit(world):
    with pytest.raises(alliances.EventDataError, match=r"the events span 40 month windows \(2020-01-01 to "
                                                       r"2023-04-30\), more than the limit of 12 \(max_windows\); "
                                                       r"a backtest computes every window in between"):
        backtest(world["events"], world["net"], max_windows=12, half_life=None)
    with pytest.raises(alliances.EventDataError) as err:
        backtest(world["events"], world["net"], max_pair_windows=100, half_life=None)
    assert str(err.value) == (
        "the backtest would make 819 forecasts (21 pairs x 39 month windows), more than the limit of 100 "
        "(max_pair_windows): use a longer window, a narrower date range (--date-range), or a scenario with "
        "fewer actors")
