"""Backtest the conflict-risk model on event data: fit on the past, score on the future.

For every time window t of the events:

1. the **graph known at t** is the scenario's static relations plus the relations the
   events up to t imply, with decay (:func:`alliances.relations_over_time` with
   ``half_life``, then :func:`alliances.snapshot`); decay only ever looks back, so the
   graph at t uses nothing after t;
2. every pair's factors are computed from that graph (:func:`alliances.risk.pair_factors`),
   its ``fighting`` from the clashes up to t (:func:`alliances.events.fighting_history`:
   none, past, recent, or low / high at most / above the training median number of
   clashes), and each model gives P(clash in t + 1);
3. the outcome is whether the pair **clashed in window t + 1**: at least one event of
   material conflict between them in that window (for UCDP GED and ACLED: a lethal or
   violent event with the two on opposite sides).

A forecast made at t is a *training* row when window t + 1 ends on or before
``train_until`` and a *test* row when window t + 1 starts after it; scores are computed
on test rows only (:mod:`alliances.backtesting._scores`). Models:

- ``expert``: the risk model as given (the shipped expert CPDs by default);
- ``fitted``: :func:`alliances.fit_risk_model` on the training rows with the expert model
  as Dirichlet prior (EM over the latent nodes), after the expert's clash table is
  recalibrated to the training rate of each conflict-history level
  (:func:`alliances.risk.calibrate_outcome`; ``calibrate=False`` skips it), each node's table worth
  ``pseudo_count`` observations per parent combination (``pseudo_counts`` node by node:
  by default :data:`PRIOR_WEIGHTS`). A factor that is unobserved in every training row
  (``common_theater`` when the scenario records no theaters) is fitted as a latent node,
  since pgmpy's estimators drop incomplete rows (:mod:`alliances.backtesting._fitting`);
- ``history``: P(clash at t + 1 | conflict history at t), one training rate per history
  state: the record alone, no graph;
- ``persistence``: P(clash at t + 1 | clash at t), the two rates from the training rows
  (Jeffreys-smoothed, (k + 1/2) / (n + 1)): "what happened last window happens again";
- ``stance``: P(clash at t + 1 | stance at t), one rate per stance from the training rows
  (Jeffreys-smoothed; a stance never seen in training gets the overall rate);
- ``logistic``: an L2-regularised logistic regression (scikit-learn, ``C=1``) on the
  one-hot factor states the risk model sees, trained on the training rows
  (the three baselines: :mod:`alliances.backtesting._baselines`).

Subsets: ``all`` pairs; **onsets**: pairs that did not clash in window t, where a
forecast is hardest and most useful (persistence is then a constant and has no ranking
skill); **new onsets**: pairs that did not clash in t - 2 .. t either (history none or
past). Besides Brier, log loss and AUC, every model gets the AUC *within* history states
(``auc_within``): how well it ranks pairs whose conflict history is the same, which is
what the graph can add to the record.

References
----------
.. [1] Brier, G. W. (1950). Verification of forecasts expressed in terms of probability.
   Monthly Weather Review 78(1).
.. [2] Hegre, H. et al. (2019). ViEWS: a political violence early-warning system.
   Journal of Peace Research 56(2).
.. [3] Heckerman, D. (1995). A tutorial on learning with Bayesian networks. MSR-TR-95-06.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from .._arguments import check_network
from .._checks import check_bool, check_items, check_progress, check_text
from .._progress import ProgressCallback, ProgressLike, using_progress
from .._text import did_you_mean
from ..errors import EventDataError
from ..events import (
    DEFAULT_DATE_RANGE,
    MAX_WINDOWS,
    ActorMapper,
    DateRangeLike,
    Engine,
    EventPaths,
    FightingHistory,
    Window,
    check_half_life,
    check_max_windows,
    check_min_events,
    parse_date_range,
    parse_window,
)
from ..risk import FACTORS, PairFactors, RiskModel, check_fit_options, pair_factors, resolve_model
from ._ablation import ablation as run_ablation
from ._baselines import logistic_forecast, rate_by
from ._fitting import cpd_changes, fit_on
from ._result import MODELS, SUBSETS, BacktestResult, check_rows, p_clash_of, subset_mask
from ._scores import reliability_curve, score_all, stratified_auc
from ._timeline import Timeline, fighting_states, graphs_over_time

if TYPE_CHECKING:
    import pandas as pd

    from .._network import AllianceNetwork

__all__ = ["MAX_PAIR_WINDOWS", "PRIOR_WEIGHTS", "backtest", "check_backtest_options", "score_tables"]

PRIOR_WEIGHTS: dict[str, float] = {"clash": 20.0, "fighting": 20.0}
"""The fitted model's prior weight per node, where it differs from ``pseudo_count``."""

Clash = tuple[dt.date, str, str]

MAX_PAIR_WINDOWS = 1_000_000
"""The most forecasts (pairs x forecast windows) a backtest makes unless told otherwise.

Each forecast is a row of factor states and six probabilities, and the fit and the
baselines learn from them: half a million took 33 s and 574 MB at peak
(``benchmarks/bench_event_limits.py``), so the limit keeps a run near a minute and a
gigabyte; a 3,000-actor scenario (4.5 million pairs) is refused, not attempted."""


def backtest(
    events: EventPaths,
    net: AllianceNetwork,
    *,
    window: str | Window = "month",
    train_until: dt.date | str | None = None,
    model: RiskModel | str | os.PathLike[str] | None = None,
    mapping: ActorMapper | str | os.PathLike[str] | None = None,
    half_life: float | None = 3.0,
    min_events: int = 1,
    pseudo_count: float = 50.0,
    pseudo_counts: Mapping[str, float] | None = None,
    max_iter: int = 30,
    calibrate: bool = True,
    ablation: bool = False,
    date_range: DateRangeLike = DEFAULT_DATE_RANGE,
    max_windows: int = MAX_WINDOWS,
    max_pair_windows: int = MAX_PAIR_WINDOWS,
    format: str | None = None,
    engine: str | Engine | None = None,
    progress: ProgressLike = None,
) -> BacktestResult:
    """Score the risk model's P(clash) against the clashes that followed, beside simple baselines.

    See the module notes for the construction, the models and the subsets.

    Parameters
    ----------
    events : paths or EventFiles
        Event files as for :func:`alliances.read_events`.
    net : AllianceNetwork
        The scenario: actors (with the names the events use) and static relations.
    window : str or Window
        ``day``, ``week``, ``month``, ``quarter``, ``year`` or ``<N>d``.
    train_until : date or ISO text, optional
        Last day of the training period. Default: the end of the middle window, so the
        first half of the forecasts train and the second half test.
    model : RiskModel, path or None
        The expert model (None: the shipped default); also the fitted model's prior.
    mapping : path or ActorMapper, optional
        An actor-mapping file, as for :func:`alliances.relations_over_time`.
    half_life : float or None
        Decay of the event-derived relations, in windows (None: each window alone).
    min_events : int
        Fewer (decayed) events leave a pair's event-derived stance unknown.
    pseudo_count : float
        How many observations the expert tables are worth, per parent combination, in the
        fit: a positive finite number.
    pseudo_counts : mapping of str to float, optional
        The same node by node (None: :data:`PRIOR_WEIGHTS`); nodes not named get
        ``pseudo_count``. Every name a node of the model, every weight positive and finite.
    max_iter : int
        EM iterations at most in the fit (1 to :data:`~alliances.risk.MAX_ITER`).
    calibrate : bool
        Recalibrate the expert's clash table to the training rate of each conflict-history
        level before the fit (:func:`alliances.risk.calibrate_outcome`): the expert
        speaks of one month, the windows may be quarters. False fits from the expert
        tables as they are.
    ablation : bool
        Also leave each factor out in turn, refit and score (:func:`ablation`; one more
        fit per factor): ``result.ablation``.
    date_range : str or (bound, bound), optional
        Events dated outside it are counted and left out (see
        :func:`alliances.relations_over_time`); default 1900 to 2100.
    max_windows : int
        The most windows the events may span, from the first to the last: each is a graph
        to build and a forecast to make (:data:`~alliances.events.MAX_WINDOWS`).
    max_pair_windows : int
        The most forecasts (pairs x forecast windows) to make (:data:`MAX_PAIR_WINDOWS`).
    format, engine
        As for :func:`alliances.read_events`.
    progress : callable or bool, optional
        Called as ``progress(done, total)`` as the work advances; True draws a progress
        bar on stderr (only when stderr is a terminal).

    Returns
    -------
    BacktestResult

    Raises
    ------
    EventDataError
        An option out of range, a ``pseudo_counts`` node the model lacks, or a
        ``train_until`` that is not a date (all checked before any event file is read); an
        event file that cannot be read; too few windows, or more than ``max_windows``; more
        forecasts than ``max_pair_windows``; no training or no test window around
        ``train_until``.
    ParameterError
        ``net`` that is not an AllianceNetwork, a ``progress`` or ``model`` of the wrong
        type (a ParameterTypeError), ``max_iter`` above :data:`~alliances.risk.MAX_ITER`:
        all checked before any file is read.

    Examples
    --------
    >>> import alliances
    >>> net = alliances.load("seeds/syria_2016_2019.yaml")
    >>> bt = alliances.backtest("seeds/events/ucdp_ged_syria_2016_2019.csv.gz", net, window="year",
    ...                         train_until="2017-12-31")
    >>> bt.train_windows, bt.test_windows, bt.pairs
    (1, 2, 55)
    >>> list(bt.scores.columns[:5])
    ['model', 'subset', 'brier', 'log_loss', 'auc']

    References
    ----------
    .. [1] Brier (1950); Hegre et al. (2019); Heckerman (1995): see the module notes.
    """
    check_network(net)
    given_until = check_backtest_options(window=window, train_until=train_until, half_life=half_life,
                                         min_events=min_events, pseudo_count=pseudo_count,
                                         pseudo_counts=pseudo_counts, max_iter=max_iter, date_range=date_range,
                                         max_windows=max_windows, max_pair_windows=max_pair_windows)
    check_progress(progress)
    check_bool(ablation, "ablation")
    check_bool(calibrate, "calibrate")
    expert = resolve_model(model)
    weights = _prior_weights(pseudo_counts, expert)  # its nodes checked before any event file is read
    with using_progress(progress, "backtest") as report:
        steps = _Steps(report, total=4)
        timeline = graphs_over_time(events, net, window=window, mapping=mapping, half_life=half_life,
                                    min_events=min_events, date_range=date_range, max_windows=max_windows,
                                    format=format, engine=engine)
        notes = [*timeline.notes, *_quiet_note(timeline)]
        steps.advance(2)
        until = _train_until(given_until, timeline)
        _check_forecasts(net, timeline, max_pair_windows)
        split = timeline.clash_median(until)
        fits = 1 + (len(expert.factors) if ablation else 0)
        steps.total = 2 + (len(timeline.windows) - 1) + fits + 1  # reading, each forecast window, fits, baselines
        pred, factor_sets = _forecast_rows(timeline, timeline.history(split), expert, until, notes, steps)
        train = _check_split(pred, timeline.windows, until)
        fitted, unobserved = _add_forecasts(pred, train, expert, factor_sets, notes, steps,
                                            pseudo_count=pseudo_count, pseudo_counts=weights, max_iter=max_iter,
                                            calibrate=calibrate)
        left_out = run_ablation(pred, train, expert, factor_sets, pseudo_count=pseudo_count, pseudo_counts=weights,
                                calibrate=calibrate,
                                max_iter=max_iter, progress=steps.advance) if ablation else None
    scores, reliability = score_tables(pred[~train])
    changes = cpd_changes(expert, fitted, unobserved=unobserved)
    return BacktestResult(pred, scores, reliability, changes, expert, fitted, timeline.window,
                          until, timeline.windows, scenario=net.scenario, notes=notes, factors=factor_sets,
                          split=split, ablation=left_out)


class _Steps:
    """The backtest's steps done out of ``total``, reported as ``report(done, total)``."""

    def __init__(self, report: ProgressCallback | None, *, total: int):
        self.report = report
        self.done = 0
        self.total = total

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self.report is not None:
            self.report(min(self.done, self.total), self.total)


def check_backtest_options(
    *,
    window: str | Window = "month",
    train_until: dt.date | str | None = None,
    half_life: float | None = 3.0,
    min_events: int = 1,
    pseudo_count: float = 50.0,
    pseudo_counts: Mapping[str, float] | None = None,
    max_iter: int = 30,
    date_range: DateRangeLike = DEFAULT_DATE_RANGE,
    max_windows: int = MAX_WINDOWS,
    max_pair_windows: int = MAX_PAIR_WINDOWS,
) -> dt.date | None:
    """Check the options of :func:`backtest` before any file is read.

    Parameters
    ----------
    window, train_until, half_life, min_events, pseudo_count, max_iter, date_range, max_windows, max_pair_windows
        As for :func:`backtest`.
    pseudo_counts : mapping of str to float, optional
        As for :func:`backtest`: every weight positive and finite (the names are checked
        against the model by :func:`backtest`, once it has the model).

    Returns
    -------
    datetime.date or None
        ``train_until`` as a date.

    Raises
    ------
    EventDataError
        The first option out of range, naming it and its limits; a ``train_until`` that
        is not a date.
    ParameterError
        A ``max_iter`` above the fit's limit (:func:`~alliances.risk.check_fit_options`).

    Examples
    --------
    >>> check_backtest_options(train_until="2017-12-31")
    datetime.date(2017, 12, 31)
    >>> check_backtest_options(pseudo_count=float("nan"))
    Traceback (most recent call last):
    ...
    alliances.errors.EventDataError: pseudo_count must be a positive number of observations, not nan
    >>> check_backtest_options(pseudo_counts={"clash": 0})
    Traceback (most recent call last):
    ...
    alliances.errors.EventDataError: pseudo_counts: clash must be a positive number of observations, not 0
    """
    parse_window(window)
    check_half_life(half_life)
    check_min_events(min_events)
    parse_date_range(date_range)
    check_max_windows(max_windows)
    if not (_is_number(pseudo_count) and 0 < pseudo_count < math.inf):
        raise EventDataError(f"pseudo_count must be a positive number of observations, not {pseudo_count!r}")
    if pseudo_counts is not None and not isinstance(pseudo_counts, Mapping):
        raise EventDataError(f"pseudo_counts must map node names to numbers, not {pseudo_counts!r}")
    for node, weight in (pseudo_counts or {}).items():
        if not isinstance(node, str):
            raise EventDataError(f"pseudo_counts: a node name must be text, not {node!r}")
        if not (_is_number(weight) and 0 < weight < math.inf):
            raise EventDataError(f"pseudo_counts: {node} must be a positive number of observations, not {weight!r}")
    for name, value in (("max_iter", max_iter), ("max_pair_windows", max_pair_windows)):
        if not isinstance(value, numbers.Integral) or isinstance(value, bool) or value < 1:
            raise EventDataError(f"{name} must be a whole number of at least 1, not {value!r}")
    check_fit_options(pseudo_count, max_iter)  # the fit's own limits too (max_iter), before the events are read
    return _parse_train_until(train_until)


def _is_number(value: object) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _prior_weights(pseudo_counts: Mapping[str, float] | None, expert: RiskModel) -> dict[str, float]:
    """The per-node prior weights: those given (every name a node of ``expert``), or :data:`PRIOR_WEIGHTS`'s."""
    if pseudo_counts is None:  # the defaults, for the nodes this model has
        return {n: w for n, w in PRIOR_WEIGHTS.items() if n in expert.nodes}
    for node in pseudo_counts:
        if node not in expert.nodes:
            raise EventDataError(f"pseudo_counts: unknown node {node!r} (the model's nodes: "
                                 f"{', '.join(expert.nodes)}){did_you_mean(node, expert.nodes)}")
    return {n: float(w) for n, w in pseudo_counts.items()}


def _parse_train_until(train_until: dt.date | str | None) -> dt.date | None:
    """``train_until`` as a date: a date, a datetime (its day) or ISO text; None stays None."""
    if train_until is None:
        return None
    if isinstance(train_until, dt.datetime):
        return train_until.date()
    if isinstance(train_until, dt.date):
        return train_until
    if isinstance(train_until, str):
        try:
            return dt.date.fromisoformat(train_until.strip())
        except ValueError:
            raise EventDataError(f"train_until: {train_until!r} is not a date (YYYY-MM-DD)") from None
    raise EventDataError(f"train_until must be a date or ISO text (YYYY-MM-DD), not {train_until!r}")


def _train_until(train_until: dt.date | None, timeline: Timeline) -> dt.date:
    """The last training day: given, or the end of the middle window; at least 3 windows are needed."""
    windows = timeline.windows
    if len(windows) < 3:
        raise EventDataError(f"the events span {len(windows)} {timeline.window.label} window(s): "
                             "a backtest needs at least 3")
    if train_until is None:
        return windows[(len(windows) - 1) // 2][1]
    return train_until


def _check_forecasts(net: AllianceNetwork, timeline: Timeline, limit: int) -> None:
    """Refuse, before the forecasts, to make more than ``limit`` of them (pairs x forecast windows)."""
    n = len(net.actors)
    pairs = n * (n - 1) // 2
    forecasts = pairs * (len(timeline.windows) - 1)
    if forecasts > limit:
        raise EventDataError(
            f"the backtest would make {forecasts} forecasts ({pairs} pairs x {len(timeline.windows) - 1} "
            f"{timeline.window.label} windows), more than the limit of {limit} (max_pair_windows): use a longer "
            "window, a narrower date range (--date-range), or a scenario with fewer actors")


def _quiet_note(timeline: Timeline) -> list[str]:
    """A note when most windows have no event at all: stray dates may have stretched the span."""
    tb = timeline.memory.table
    busy = set(tb.loc[tb["events"] > 0, "window_start"])
    windows = timeline.windows
    quiet = sum(1 for start, _ in windows if start not in busy)
    if quiet * 2 <= len(windows):
        return []
    return [f"{quiet} of the {len(windows)} {timeline.window.label} windows from {windows[0][0]} to "
            f"{windows[-1][1]} have no event: if stray dates stretch the span, narrow the date range (--date-range)"]


def _forecast_rows(timeline: Timeline, history: FightingHistory, expert: RiskModel, until: dt.date,
                   notes: list[str], steps: _Steps) -> tuple[pd.DataFrame, list[PairFactors]]:
    """One row per pair and forecast window (graph and history at t, outcome at t + 1), with each window's factors.

    A forecast whose target window straddles ``until`` is left out (and noted).
    """
    import pandas as pd

    windows = timeline.windows
    frames = []
    factor_sets: list[PairFactors] = []
    for k in range(len(windows) - 1):
        now, target = windows[k], windows[k + 1]
        split = "train" if target[1] <= until else "test" if target[0] > until else None
        steps.advance()
        if split is None:
            notes.append(f"the forecast for {target[0]}..{target[1]} straddles --train-until {until}: left out")
            continue
        pf = pair_factors(timeline.graph(k))
        pf = pf.with_states(fighting=fighting_states(history, pf, now[0]))
        factor_sets.append(pf)
        frames.append(_pair_rows(pf, expert, now, target, split, timeline.clashes))
    if not frames:
        raise EventDataError("no forecast window")
    return pd.concat(frames, ignore_index=True), factor_sets


def _pair_rows(pf: PairFactors, model: RiskModel, now: tuple[dt.date, dt.date], target: tuple[dt.date, dt.date],
               split: str, clashed: set[Clash]) -> pd.DataFrame:
    """The rows of one forecast window: the pair, its factor states, and whether it clashed at t and t + 1."""
    import pandas as pd

    ids = np.array(pf.ids, dtype=object)
    a, b = ids[pf.i], ids[pf.j]
    clash_now = np.array([(now[0], x, y) in clashed for x, y in zip(a, b, strict=True)], dtype=bool)
    clash_next = np.array([(target[0], x, y) in clashed for x, y in zip(a, b, strict=True)], dtype=bool)
    cols: dict[str, Any] = {
        "window_start": now[0], "window_end": now[1], "target_start": target[0], "target_end": target[1],
        "split": split, "a": a, "b": b,
    }
    for f in dict.fromkeys((*model.factors, "fighting")):
        cols[f] = pf.state_names(f)
    cols["confidence"] = pf.confidence
    cols["clash_now"] = clash_now
    cols["clash_next"] = clash_next
    cols["onset"] = ~clash_now
    cols["new_onset"] = np.isin(pf.states["fighting"], [FACTORS["fighting"].index(s) for s in ("none", "past")])
    return pd.DataFrame(cols)


def _check_split(pred: pd.DataFrame, windows: list[tuple[dt.date, dt.date]], until: dt.date) -> pd.Series:
    """The training rows; an error when there is no training row or no test row."""
    train = pred["split"] == "train"
    first, last = windows[0][0], windows[-1][1]
    if not train.any():
        raise EventDataError(f"no training window: --train-until {until} leaves none of the windows from "
                             f"{first} to {last} to learn from (the first forecast is for {windows[1][0]}..{windows[1][1]})")
    if train.all():
        raise EventDataError(f"no test window: --train-until {until} is on or after the last window "
                             f"({windows[-1][0]}..{last})")
    return train


def _add_forecasts(pred: pd.DataFrame, train: pd.Series, expert: RiskModel, factor_sets: list[PairFactors],
                   notes: list[str], steps: _Steps, *, pseudo_count: float, pseudo_counts: Mapping[str, float],
                   max_iter: int, calibrate: bool) -> tuple[RiskModel, list[str]]:
    """Add ``p_<model>`` for every model of :data:`MODELS`; returns the fitted model and its latent factors."""
    pred["p_expert"] = p_clash_of(expert, factor_sets)
    fitted, fit_notes, unobserved = fit_on(pred[train], expert, pseudo_count=pseudo_count,
                                           pseudo_counts=pseudo_counts, max_iter=max_iter, calibrate=calibrate)
    notes.extend(fit_notes)
    pred["p_fitted"] = p_clash_of(fitted, factor_sets)
    steps.advance()
    pred["p_history"] = rate_by(pred, train, "fighting")
    pred["p_persistence"] = rate_by(pred, train, "clash_now")
    pred["p_stance"] = rate_by(pred, train, "stance")
    pred["p_logistic"] = logistic_forecast(pred, train, expert.factors)
    steps.advance()
    return fitted, unobserved


_SCORE_COLUMNS = ["model", "subset", "brier", "log_loss", "auc", "auc_within", "n", "positives"]


def score_tables(test: pd.DataFrame, models: tuple[str, ...] = MODELS) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The scores and reliability bins of every model on every subset of the test rows.

    ``auc_within`` is the AUC among pairs with the same conflict history at t
    (:func:`stratified_auc` over the ``fighting`` states).

    Parameters
    ----------
    test : pandas.DataFrame
        Test rows: ``clash_next``, ``onset``, ``new_onset``, ``fighting`` and ``p_<model>``.
    models : tuple of str
        The models to score.

    Returns
    -------
    scores, reliability : pandas.DataFrame
        As :attr:`BacktestResult.scores` and :attr:`BacktestResult.reliability`.

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"clash_next": [True, False, True, False], "onset": [False, True, True, True],
    ...                      "new_onset": [False, True, False, True], "fighting": ["high", "none", "recent", "none"],
    ...                      "p_mine": [0.9, 0.1, 0.4, 0.2]})
    >>> scores, _ = score_tables(rows, ("mine",))
    >>> scores[["subset", "auc", "n"]].values.tolist()
    [['all', 1.0, 4], ['onset', 1.0, 3], ['new_onset', None, 2]]
    """
    models = check_items(models, "models", lambda v, what: check_text(v, what), item="a model name")  # type: ignore[arg-type,return-value]
    check_rows(test, "test", ("clash_next", "onset", "new_onset", "fighting", *(f"p_{m}" for m in models)))
    import pandas as pd

    score_rows: list[dict[str, Any]] = []
    rel_rows: list[dict[str, Any]] = []
    for name in models:
        for subset in SUBSETS:
            part = test[subset_mask(test, subset)]
            y = part["clash_next"].to_numpy(dtype=float)
            p = part[f"p_{name}"].to_numpy(dtype=float)
            s = score_all(y, p)
            score_rows.append({"model": name, "subset": subset, "brier": s.brier, "log_loss": s.log_loss,
                               "auc": s.auc, "auc_within": stratified_auc(y, p, part["fighting"].to_numpy()),
                               "n": s.n, "positives": s.positives})
            rel_rows.extend({"model": name, "subset": subset, **b} for b in reliability_curve(y, p))
    scores = pd.DataFrame(score_rows, columns=_SCORE_COLUMNS)
    for c in ("brier", "log_loss", "auc", "auc_within"):
        scores[c] = scores[c].astype(object).where(scores[c].notna(), None)
    reliability = pd.DataFrame(rel_rows, columns=["model", "subset", "lo", "hi", "n", "mean_predicted", "observed"])
    return scores, reliability
