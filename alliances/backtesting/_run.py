"""Backtest the conflict-risk model on event data: fit on the past, score on the future.

For every time window t of the events:

1. the **graph known at t** is the scenario's static relations plus the relations the
   events up to t imply, with decay (:func:`alliances.relations_over_time` with
   ``half_life``, then :func:`alliances.snapshot`); decay only ever looks back, so the
   graph at t uses nothing after t;
2. every pair's factors are computed from that graph (:func:`alliances.risk._factors.pair_factors`)
   and each model gives P(clash in t + 1);
3. the outcome is whether the pair **clashed in window t + 1**: at least one event of
   material conflict between them in that window (for UCDP GED and ACLED: a lethal or
   violent event with the two on opposite sides).

A forecast made at t is a *training* row when window t + 1 ends on or before
``train_until`` and a *test* row when window t + 1 starts after it; scores are computed
on test rows only. Models:

- ``expert``: the risk model as given (the shipped expert CPDs by default);
- ``fitted``: :func:`alliances.fit_risk_model` on the training rows with the expert model
  as Dirichlet prior (pgmpy, EM over the latent nodes). A factor that is unobserved in
  every training row (``common_theater`` when the scenario records no theaters) is fitted
  as a latent node, since pgmpy's estimators drop incomplete rows;
- ``persistence``: P(clash at t + 1 | clash at t), the two rates from the training rows
  (Jeffreys-smoothed, (k + 1/2) / (n + 1)): "what happened last window happens again";
- ``stance``: P(clash at t + 1 | stance at t), one rate per stance from the training rows
  (Jeffreys-smoothed; a stance never seen in training gets the overall rate);
- ``logistic``: an L2-regularised logistic regression (scikit-learn, ``C=1``) on the
  one-hot factor states the risk model sees, trained on the training rows.

Subsets: ``all`` pairs, and **onsets**: pairs that did not clash in window t, where a
forecast is hardest and most useful (persistence is then a constant and has no ranking
skill).

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
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import product
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import EventDataError
from ..risk._compiled import resolve_model
from ..risk._factors import PairFactors, pair_factors
from ..risk._model_file import FACTORS, OUTCOME, RiskModel, RiskNode
from ._scores import reliability_curve, score_all

if TYPE_CHECKING:
    import pandas as pd

    from .._network import AllianceNetwork
    from ..events._relations import EventRelations
    from ..events._windows import Window

__all__ = [
    "MODELS",
    "SUBSETS",
    "BacktestResult",
    "Timeline",
    "all_windows",
    "backtest",
    "cpd_changes",
    "fit_on",
    "graphs_over_time",
    "window_key",
]

log = logging.getLogger(__name__)

MODELS = ("expert", "fitted", "persistence", "stance", "logistic")
"""The forecasters compared, in report order: the risk model, then the baselines."""
BASELINES = ("persistence", "stance", "logistic")
SUBSETS = ("all", "onset")
_LATENT_SUFFIX = "__unobserved"
_NAMES = {"expert": "the expert model", "fitted": "the fitted model", "persistence": "persistence",
          "stance": "stance alone", "logistic": "logistic regression"}


@dataclass(eq=False)
class BacktestResult:
    """What :func:`backtest` found.

    Attributes
    ----------
    predictions : pandas.DataFrame
        One row per pair and forecast window, train and test: ``window_start``,
        ``window_end`` (window t, whose graph the forecast uses), ``target_start``,
        ``target_end`` (window t + 1), ``split`` (``train``/``test``), ``a``, ``b``, the factor
        states, ``confidence`` (of the stance), ``clash_now``, ``clash_next``, ``onset``
        (no clash at t) and ``p_<model>`` for every model in :data:`MODELS`.
    scores : pandas.DataFrame
        Test rows only: ``model``, ``subset``, ``brier``, ``log_loss``, ``auc`` (None when
        undefined), ``n``, ``positives``; models in :data:`MODELS` order, ``all`` then ``onset``.
    reliability : pandas.DataFrame
        Test rows: ``model``, ``subset``, ``lo``, ``hi``, ``n``, ``mean_predicted``, ``observed``.
    cpd_changes : pandas.DataFrame
        How far the data moved each CPD column (:func:`cpd_changes`): ``node``, ``kind``,
        ``affects_risk``, ``given`` (parent states),
        ``shift`` (total variation distance, 0-1), ``before``, ``after`` (tuples, in the node's
        state order), ``states``; largest shift first.
    expert, fitted : RiskModel
    window : Window
    train_until : datetime.date
    windows : list of (date, date)
        Every window from the first event to the last, in order.
    scenario : str
        The scenario's name.
    notes : list of str
        What the run had to decide (factors fitted as latent, rows dropped, ...).

    Examples
    --------
    >>> import alliances
    >>> net = alliances.load("seeds/syria_2016_2019.yaml")
    >>> bt = alliances.backtest("seeds/events/ucdp_ged_syria_2016_2019.csv.gz", net, window="year",
    ...                         train_until="2017-12-31")
    >>> bt.predictions["split"].value_counts().to_dict()
    {'test': 110, 'train': 55}
    >>> bt.scores.query("subset == 'all'")["model"].tolist()[:3]
    ['expert', 'fitted', 'persistence']
    """

    predictions: pd.DataFrame
    scores: pd.DataFrame
    reliability: pd.DataFrame
    cpd_changes: pd.DataFrame
    expert: RiskModel
    fitted: RiskModel
    window: Window
    train_until: dt.date
    windows: list[tuple[dt.date, dt.date]]
    scenario: str = ""
    notes: list[str] = field(default_factory=list)
    _factors: list[PairFactors] = field(default_factory=list, repr=False)

    def predict(self, model: RiskModel | str | os.PathLike[str] | None) -> np.ndarray:
        """P(clash) of another risk model for every row of :attr:`predictions` (same graphs, same order).

        Scores any model on exactly the pairs and windows of this backtest, e.g. a
        hand-edited model file, or the true model of a simulation.
        """
        m = resolve_model(model)
        return np.concatenate([m.compiled().p_clash(pf) for pf in self._factors])

    @property
    def test(self) -> pd.DataFrame:
        """The test rows of :attr:`predictions`."""
        return self.predictions[self.predictions["split"] == "test"]

    @property
    def test_windows(self) -> int:
        """Number of windows scored (distinct target windows among the test rows)."""
        return int(self.test["target_start"].nunique())

    @property
    def train_windows(self) -> int:
        """Number of target windows the fitted model and the baselines learned from."""
        train = self.predictions[self.predictions["split"] == "train"]
        return int(train["target_start"].nunique())

    @property
    def pairs(self) -> int:
        """Number of distinct pairs scored."""
        t = self.test
        return int(len(t[["a", "b"]].drop_duplicates()))

    def score(self, model: str, subset: str = "all", metric: str = "brier") -> float | None:
        """One score from :attr:`scores` (None when undefined)."""
        row = self.scores[(self.scores["model"] == model) & (self.scores["subset"] == subset)]
        v = row[metric].iloc[0]
        return None if v is None or v != v else float(v)

    def verdicts(self) -> list[str]:
        """Plain statements comparing the risk model with each baseline on the test windows.

        For each subset and each of the expert and fitted models: which baselines beat
        it, on which score (lower Brier and log loss, higher AUC), or that none did.
        """
        out = []
        for subset in SUBSETS:
            where = "all pairs" if subset == "all" else "onsets (pairs that had not clashed in window t)"
            best = self._best(subset, "brier", lower=True)
            if best is not None:
                out.append(f"{where}: the best Brier score is {_NAMES[best]}'s ({self.score(best, subset):.4f}).")
            for model in ("fitted", "expert"):
                beaten = []
                for base in BASELINES:
                    wins = []
                    for metric, lower in (("brier", True), ("log_loss", True), ("auc", False)):
                        m, b = self.score(model, subset, metric), self.score(base, subset, metric)
                        if m is None or b is None:
                            continue
                        if (b < m - 1e-12) if lower else (b > m + 1e-12):
                            wins.append(f"{metric.replace('_', ' ')} {b:.4f} vs {m:.4f}")
                    if wins:
                        beaten.append(f"{_NAMES[base]} beats {_NAMES[model]} on " + ", ".join(wins))
                if beaten:
                    out.extend(f"{where}: {s}." for s in beaten)
                else:
                    out.append(f"{where}: no baseline beats {_NAMES[model]} on any score.")
        return out

    def _best(self, subset: str, metric: str, *, lower: bool) -> str | None:
        vals = [(self.score(m, subset, metric), m) for m in MODELS]
        vals = [(v, m) for v, m in vals if v is not None]
        if not vals:
            return None
        return (min if lower else max)(vals, key=lambda vm: vm[0])[1]


def backtest(
    events: Any,
    net: AllianceNetwork,
    *,
    window: str | Window = "month",
    train_until: dt.date | str | None = None,
    model: RiskModel | str | os.PathLike[str] | None = None,
    mapping: Any = None,
    half_life: float | None = 3.0,
    min_events: int = 1,
    pseudo_count: float = 50.0,
    max_iter: int = 30,
    format: str | None = None,
    engine: Any = None,
    progress: Callable[[int, int], None] | None = None,
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
        How many observations the expert tables are worth, per parent combination, in the fit.
    max_iter : int
        EM iterations at most in the fit.
    format, engine
        As for :func:`alliances.read_events`.
    progress : callable, optional
        Called as ``progress(done, total)`` as the work advances.

    Returns
    -------
    BacktestResult

    Raises
    ------
    EventDataError
        Too few windows, or no training or no test window around ``train_until``.

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
    import pandas as pd

    expert = resolve_model(model)
    notes: list[str] = []
    steps = [0, 4]

    def tick(n: int = 1, total: int | None = None) -> None:
        if total is not None:
            steps[1] = total
        steps[0] += n
        if progress is not None:
            progress(min(steps[0], steps[1]), steps[1])

    timeline = graphs_over_time(events, net, window=window, mapping=mapping, half_life=half_life,
                                min_events=min_events, format=format, engine=engine)
    tick(2)
    win, windows = timeline.window, timeline.windows
    if len(windows) < 3:
        raise EventDataError(f"the events span {len(windows)} {win.label} window(s): a backtest needs at least 3")
    if train_until is None:
        train_until = windows[(len(windows) - 1) // 2][1]
    elif isinstance(train_until, dt.datetime):
        train_until = train_until.date()
    elif isinstance(train_until, str):
        try:
            train_until = dt.date.fromisoformat(train_until)
        except ValueError:
            raise EventDataError(f"train_until: {train_until!r} is not a date (YYYY-MM-DD)") from None
    steps[1] = 2 + (len(windows) - 1) + 2  # reading, one per forecast window, fit, baselines

    # clashes per window, from the events of that window alone
    clashed = timeline.clashes

    frames = []
    factor_sets: list[PairFactors] = []
    for k in range(len(windows) - 1):
        (start, end), (t_start, t_end) = windows[k], windows[k + 1]
        split = "train" if t_end <= train_until else "test" if t_start > train_until else None
        tick()
        if split is None:
            notes.append(f"the forecast for {t_start}..{t_end} straddles --train-until {train_until}: left out")
            continue
        pf = pair_factors(timeline.graph(k))
        factor_sets.append(pf)
        frames.append(_rows(pf, expert, start, end, t_start, t_end, split, clashed))
    if not frames:
        raise EventDataError("no forecast window")
    pred = pd.concat(frames, ignore_index=True)
    train = pred["split"] == "train"
    first, last = windows[0][0], windows[-1][1]
    if not train.any():
        raise EventDataError(f"no training window: --train-until {train_until} leaves none of the windows from "
                             f"{first} to {last} to learn from (the first forecast is for {windows[1][0]}..{windows[1][1]})")
    if train.all():
        raise EventDataError(f"no test window: --train-until {train_until} is on or after the last window "
                             f"({windows[-1][0]}..{last})")

    p_expert = np.concatenate([expert.compiled().p_clash(pf) for pf in factor_sets])
    pred["p_expert"] = p_expert
    fitted, fit_notes, unobserved = fit_on(pred[train], expert, pseudo_count=pseudo_count, max_iter=max_iter)
    notes.extend(fit_notes)
    pred["p_fitted"] = np.concatenate([fitted.compiled().p_clash(pf) for pf in factor_sets])
    tick()
    pred["p_persistence"] = _rate_by(pred, train, "clash_now")
    pred["p_stance"] = _rate_by(pred, train, "stance")
    pred["p_logistic"] = _logistic(pred, train, expert.factors)
    tick()

    test = pred[~train]
    score_rows, rel_rows = [], []
    for name in MODELS:
        for subset in SUBSETS:
            part = test if subset == "all" else test[test["onset"]]
            y = part["clash_next"].to_numpy(dtype=float)
            p = part[f"p_{name}"].to_numpy(dtype=float)
            s = score_all(y, p)
            score_rows.append({"model": name, "subset": subset, "brier": s.brier, "log_loss": s.log_loss,
                               "auc": s.auc, "n": s.n, "positives": s.positives})
            rel_rows.extend({"model": name, "subset": subset, **b} for b in reliability_curve(y, p))
    scores = pd.DataFrame(score_rows, columns=["model", "subset", "brier", "log_loss", "auc", "n", "positives"])
    for c in ("brier", "log_loss", "auc"):
        scores[c] = scores[c].astype(object)
    reliability = pd.DataFrame(rel_rows, columns=["model", "subset", "lo", "hi", "n", "mean_predicted", "observed"])
    changes = cpd_changes(expert, fitted, unobserved=unobserved)
    return BacktestResult(pred, scores, reliability, changes, expert, fitted, win,
                          train_until, windows, scenario=net.scenario, notes=notes, _factors=factor_sets)


def all_windows(relations: EventRelations) -> list[tuple[dt.date, dt.date]]:
    """Every window from the first one with events to the last one, quiet windows included."""
    tb = relations.table
    if tb.empty:
        return []
    win = relations.window
    lo, hi = window_key(win, min(tb["window_start"])), window_key(win, max(tb["window_start"]))
    return [win.bounds(k) for k in range(lo, hi + 1)]


def window_key(win: Window, day: dt.date) -> int:
    """The key of the window containing ``day`` (the Python twin of ``Window.key_sql``).

    Examples
    --------
    >>> from alliances.events import parse_window
    >>> w = parse_window("week")
    >>> w.bounds(window_key(w, dt.date(2017, 6, 14)))
    (datetime.date(2017, 6, 12), datetime.date(2017, 6, 18))
    """
    epoch = (day - dt.date(1970, 1, 1)).days
    if win.unit == "day":
        return epoch
    if win.unit == "week":
        return (epoch + 3) // 7
    if win.unit == "month":
        return day.year * 12 + day.month - 1
    if win.unit == "quarter":
        return day.year * 4 + (day.month - 1) // 3
    if win.unit == "year":
        return day.year
    return (epoch - (win.origin - dt.date(1970, 1, 1)).days) // win.days


@dataclass(eq=False)
class Timeline:
    """The graphs known at every window, and the clashes of every window (see :func:`graphs_over_time`)."""

    net: AllianceNetwork
    memory: EventRelations
    window: Window
    windows: list[tuple[dt.date, dt.date]]
    clashes: set[tuple[dt.date, str, str]]

    def graph(self, k: int) -> AllianceNetwork:
        """The scenario as known at the end of window ``k``: static plus (decayed) event-derived relations."""
        from ..events import snapshot

        start, end = self.windows[k]
        tb = self.memory.table
        if ((tb["window_start"] == start) & (tb["stance"] != "")).any():
            return snapshot(self.net, self.memory, start)
        return self.net.replace(as_of=end)

    def clashed(self, k: int) -> set[tuple[str, str]]:
        """The pairs (a < b) that clashed in window ``k``."""
        start = self.windows[k][0]
        return {(a, b) for s, a, b in self.clashes if s == start}


def graphs_over_time(
    events: Any,
    net: AllianceNetwork,
    *,
    window: str | Window = "month",
    mapping: Any = None,
    half_life: float | None = 3.0,
    min_events: int = 1,
    format: str | None = None,
    engine: Any = None,
) -> Timeline:
    """What was known at each window, and which pairs clashed in it.

    The graph at window t is :func:`alliances.snapshot` of the relations the events imply
    with decay (``half_life`` windows), over the scenario's static relations; a window
    without an event-derived stance is the static scenario at the window's last day.
    Decay only carries the past forward, so the graph at t depends on no event after t.
    A pair *clashed* in a window when the events of that window alone record at least one
    material-conflict observation between them (opposite sides of a violent event).

    Parameters
    ----------
    events, net, window, mapping, half_life, min_events, format, engine
        As for :func:`backtest`.

    Returns
    -------
    Timeline
        ``.windows`` (every window from the first event to the last), ``.graph(k)``,
        ``.clashed(k)``, ``.clashes`` as (window_start, a, b).

    Examples
    --------
    >>> import alliances
    >>> net = alliances.load("seeds/syria_2016_2019.yaml")
    >>> tl = graphs_over_time("seeds/events/ucdp_ged_syria_2016_2019.csv.gz", net, window="year")
    >>> len(tl.windows), ("islamic_state", "sdf") in tl.clashed(1)
    (4, True)
    >>> tl.graph(1).stance("islamic_state", "sdf").value
    'enemy'
    """
    from ..events import relations_over_time
    from ..events._relations import EventFiles

    if isinstance(events, EventFiles):  # each relations_over_time call closes its engine
        format = format or events.format
        events = list(events.files)
    common = {"window": window, "mapping": mapping, "format": format, "engine": engine, "min_events": min_events}
    now = relations_over_time(events, net, **common)
    memory = now if half_life is None else relations_over_time(events, net, half_life=half_life, **common)
    tb = now.table
    hit = tb[tb["material_conflict"] > 0]
    clashes = set(zip(hit["window_start"], hit["a"], hit["b"], strict=True))
    return Timeline(net, memory, now.window, all_windows(now), clashes)


def _rows(pf: PairFactors, model: RiskModel, start, end, t_start, t_end, split, clashed) -> pd.DataFrame:
    import pandas as pd

    ids = np.array(pf.ids, dtype=object)
    a, b = ids[pf.i], ids[pf.j]
    now = np.array([(start, x, y) in clashed for x, y in zip(a, b, strict=True)], dtype=bool)
    nxt = np.array([(t_start, x, y) in clashed for x, y in zip(a, b, strict=True)], dtype=bool)
    cols: dict[str, Any] = {
        "window_start": start, "window_end": end, "target_start": t_start, "target_end": t_end,
        "split": split, "a": a, "b": b,
    }
    for f in model.factors:
        cols[f] = pf.state_names(f)
    cols["confidence"] = pf.confidence
    cols["clash_now"] = now
    cols["clash_next"] = nxt
    cols["onset"] = ~now
    return pd.DataFrame(cols)


def fit_on(train: pd.DataFrame, expert: RiskModel, *, pseudo_count: float,
           max_iter: int = 30) -> tuple[RiskModel, list[str], list[str]]:
    """:func:`alliances.fit_risk_model` on training rows; factors never observed are fitted as latent.

    pgmpy's estimators drop a row with a missing value, so a factor that is ``unknown`` in
    every row (``common_theater`` without theaters) would leave nothing to fit: it is
    renamed to a latent node for the fit (EM then marginalises it) and renamed back.
    Rows where a factor is missing only sometimes are dropped by the fit.

    Returns the fitted model, notes on what was decided, and the factors fitted as latent.
    """
    import pandas as pd

    from ..risk._fit import fit_risk_model

    notes = []
    obs = pd.DataFrame({f: train[f].where(train[f] != "unknown", None) if f != "stance" else train[f]
                        for f in expert.factors})
    obs[OUTCOME] = np.where(train["clash_next"].to_numpy(dtype=bool), "yes", "no")
    never = [f for f in expert.factors if obs[f].isna().all()]
    partial = [f for f in expert.factors if f not in never and obs[f].isna().any()]
    if partial:
        n = int(obs[partial].isna().any(axis=1).sum())
        notes.append(f"{n} training row(s) with an unobserved {' or '.join(partial)} were left out of the fit")
    prior = expert
    if never:
        notes.append(f"{', '.join(never)} is unobserved in every training row: fitted as a latent node")
        prior = _as_latent(expert, never)
        obs = obs.drop(columns=never)
    fitted = fit_risk_model(obs, prior=prior, pseudo_count=pseudo_count, max_iter=max_iter)
    tables = {_original_name(n): node.table for n, node in fitted.nodes.items()}
    fitted_model = expert.with_tables(tables, name=f"{expert.name} (fitted to {len(obs)} pair-windows)")
    return fitted_model, notes, never


def _original_name(n: str) -> str:
    return n[: -len(_LATENT_SUFFIX)] if n.endswith(_LATENT_SUFFIX) else n


def _as_latent(model: RiskModel, names: list[str]) -> RiskModel:
    """The same network with the factor nodes ``names`` renamed into latent nodes."""
    ren = {n: n + _LATENT_SUFFIX for n in names}
    nodes = {}
    for nid, node in model.nodes.items():
        new = ren.get(nid, nid)
        nodes[new] = RiskNode(new, node.states, tuple(ren.get(p, p) for p in node.parents), node.table,
                              node.rationale, node.reference)
    return RiskModel(model.name, nodes, model.description, model.source)


def _rate_by(pred: pd.DataFrame, train: pd.Series, column: str) -> np.ndarray:
    """Jeffreys-smoothed training rate of clash_next within each value of ``column``."""
    tr = pred[train]
    y = tr["clash_next"].to_numpy(dtype=float)
    overall = (y.sum() + 0.5) / (len(y) + 1.0)
    grouped = tr.groupby(column)["clash_next"].agg(["sum", "count"])
    rates = ((grouped["sum"] + 0.5) / (grouped["count"] + 1.0)).to_dict()
    return pred[column].map(lambda v: rates.get(v, overall)).to_numpy(dtype=float)


def _logistic(pred: pd.DataFrame, train: pd.Series, factors: tuple[str, ...]) -> np.ndarray:
    """P(clash) from a logistic regression on one-hot factor states, trained on the training rows."""
    X = _one_hot(pred, factors)
    y = pred["clash_next"].to_numpy(dtype=int)
    tr = train.to_numpy()
    if len(set(y[tr])) < 2:  # one class: the regression is undefined, the rate is the answer
        return np.full(len(pred), (y[tr].sum() + 0.5) / (tr.sum() + 1.0))
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=1.0, max_iter=2000)
    clf.fit(X[tr], y[tr])
    return clf.predict_proba(X)[:, 1]


def _one_hot(pred: pd.DataFrame, factors: tuple[str, ...]) -> np.ndarray:
    blocks = []
    for f in factors:
        states = list(dict.fromkeys([*FACTORS[f], "unknown"]))
        col = pred[f].to_numpy(dtype=object)
        blocks.append(np.stack([(col == s).astype(float) for s in states], axis=1))
    return np.concatenate(blocks, axis=1)


def cpd_changes(before: RiskModel, after: RiskModel, *, unobserved: tuple[str, ...] | list[str] = ()) -> pd.DataFrame:
    """How far each CPD column moved from ``before`` to ``after``: total variation distance.

    Parameters
    ----------
    before, after : RiskModel
        Two models with the same structure (the expert and the fitted one).
    unobserved : sequence of str
        Factor nodes that were never observed (fitted as latent): their kind is
        ``factor (unobserved)``.

    Returns
    -------
    pandas.DataFrame
        ``node``, ``kind`` (factor, factor (unobserved), latent, outcome), ``affects_risk``
        (False for the prior of an observed factor, which cancels out of P(clash | factors)
        except through uncertain stances), ``given`` (``"parent=state, ..."``,
        empty for a root), ``shift`` = 1/2 sum |after - before| (0: unchanged, 1: disjoint),
        ``before``, ``after`` (tuples of probabilities in ``states`` order), ``states``;
        sorted by shift descending, then node and column order.

    Examples
    --------
    >>> from alliances.risk._model_file import load_risk_model
    >>> m = load_risk_model()
    >>> t = m.nodes["opportunity"].table.copy()
    >>> t[:, 0] = [0.5, 0.5]
    >>> top = cpd_changes(m, m.with_tables({"opportunity": t})).iloc[0]
    >>> top["node"], top["given"], float(top["shift"])
    ('opportunity', 'common_theater=no', 0.35)
    >>> cpd_changes(m, m).query("node == 'stance'")[["kind", "affects_risk"]].values.tolist()
    [['factor', False]]
    """
    import pandas as pd

    rows = []
    for order, (nid, node) in enumerate(before.nodes.items()):
        new = after.nodes[nid].table
        combos = list(product(*[before.nodes[p].states for p in node.parents])) or [()]
        for k, combo in enumerate(combos):
            b, a = node.table[:, k], new[:, k]
            kind = "factor (unobserved)" if nid in unobserved else node.kind
            rows.append({
                "node": nid, "kind": kind, "affects_risk": kind != "factor" or bool(node.parents),
                "given": ", ".join(f"{p}={s}" for p, s in zip(node.parents, combo, strict=True)),
                "shift": round(float(0.5 * np.abs(a - b).sum()), 12),
                "before": tuple(round(float(x), 6) for x in b), "after": tuple(round(float(x), 6) for x in a),
                "states": node.states, "_order": order, "_col": k,
            })
    df = pd.DataFrame(rows)
    df = df.sort_values(["shift", "_order", "_col"], ascending=[False, True, True], kind="mergesort")
    return df.drop(columns=["_order", "_col"]).reset_index(drop=True)

