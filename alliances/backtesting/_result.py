"""What a backtest found: the forecasts, their scores, and plain statements about them."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from .._checks import check_choice, check_instance, check_items
from .._numbers import json_number
from ..errors import ParameterError
from ..risk import CompiledRisk, PairFactors, RiskModel, resolve_model

if TYPE_CHECKING:
    import pandas as pd

    from ..events import Window

__all__ = ["BASELINES", "MODELS", "MODEL_NAMES", "SUBSETS", "SUBSET_NAMES", "BacktestResult", "check_rows",
           "p_clash_of", "subset_mask"]

MODELS = ("expert", "fitted", "history", "persistence", "stance", "logistic")
"""The forecasters compared, in report order: the risk model, then the baselines."""
BASELINES = ("history", "persistence", "stance", "logistic")
"""The simple forecasters the risk model is compared with."""
SUBSETS = ("all", "onset", "new_onset")
"""The pairs scored: all of them, those that did not clash in window t (onsets), and those
that did not clash in t - 2 .. t either (new onsets: conflict history ``none`` or ``past``)."""
SUBSET_NAMES = {"all": "all pairs", "onset": "onsets (pairs that had not clashed in window t)",
                "new_onset": "new onsets (pairs that had not clashed in windows t - 2 to t)"}
"""Each subset as a sentence names it."""
MODEL_NAMES = {"expert": "the expert model", "fitted": "the fitted model", "history": "history alone",
               "persistence": "persistence", "stance": "stance alone", "logistic": "logistic regression"}
"""Each forecaster as a sentence names it."""


def check_rows(rows: object, name: str, columns: tuple[str, ...]) -> pd.DataFrame:
    """``rows`` if it is a DataFrame with ``columns`` (a backtest's rows); else a ParameterError naming ``name``.

    Examples
    --------
    >>> import pandas as pd
    >>> check_rows(pd.DataFrame({"onset": [True]}), "rows", ("onset", "new_onset"))
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterError: rows lacks the column(s) new_onset (a backtest's rows: BacktestResult.predictions)
    """
    import pandas as pd

    check_instance(rows, pd.DataFrame, name, "a DataFrame of backtest rows (BacktestResult.predictions)")
    missing = [c for c in columns if c not in rows.columns]  # type: ignore[attr-defined]
    if missing:
        raise ParameterError(f"{name} lacks the column(s) {', '.join(missing)} (a backtest's rows: "
                             "BacktestResult.predictions)")
    return rows


def p_clash_of(model: RiskModel, factor_sets: list[PairFactors]) -> np.ndarray:
    """P(clash) of ``model`` for every pair of every window's factors, in order.

    Parameters
    ----------
    model : RiskModel
    factor_sets : list of PairFactors
        One per window, as a backtest keeps them (:attr:`BacktestResult.factors`).

    Returns
    -------
    numpy.ndarray
        The windows' probabilities one after the other.

    Examples
    --------
    >>> import alliances
    >>> from alliances.risk import load_risk_model, pair_factors
    >>> pf = pair_factors(alliances.load("seeds/syria_2017.yaml"))
    >>> p_clash_of(load_risk_model(), [pf, pf]).shape
    (56,)
    """
    engine = CompiledRisk(model)
    factor_sets = list(check_items(factor_sets, "factor_sets", lambda v, what: check_instance(
        v, PairFactors, what, "a PairFactors (from pair_factors)"), item="each item of factor_sets"))
    if not factor_sets:
        return np.zeros(0)
    return np.concatenate([engine.p_clash(pf) for pf in factor_sets])


def subset_mask(rows: pd.DataFrame, subset: str) -> np.ndarray:
    """The rows of one of :data:`SUBSETS`: ``all``, ``onset`` (no clash at t), ``new_onset`` (none in t - 2 .. t).

    Parameters
    ----------
    rows : pandas.DataFrame
        Backtest rows, with the boolean columns ``onset`` and ``new_onset``.
    subset : str

    Returns
    -------
    numpy.ndarray of bool

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"onset": [True, True, False], "new_onset": [True, False, False]})
    >>> [subset_mask(rows, s).tolist() for s in SUBSETS]
    [[True, True, True], [True, True, False], [True, False, False]]
    """
    check_choice(subset, "subset", SUBSETS)
    check_rows(rows, "rows", () if subset == "all" else (subset,))
    if subset == "all":
        return np.ones(len(rows), dtype=bool)
    return rows[subset].to_numpy(dtype=bool)


@dataclass(eq=False)
class BacktestResult:
    """What :func:`backtest` found.

    Attributes
    ----------
    predictions : pandas.DataFrame
        One row per pair and forecast window, train and test: ``window_start``,
        ``window_end`` (window t, whose graph the forecast uses), ``target_start``,
        ``target_end`` (window t + 1), ``split`` (``train``/``test``), ``a``, ``b``, the factor
        states (``fighting``, the conflict history at t, always), ``confidence`` (of the
        stance), ``clash_now``, ``clash_next``, ``onset`` (no clash at t), ``new_onset`` (no
        clash in t - 2 .. t) and ``p_<model>`` for every model in :data:`MODELS`.
    scores : pandas.DataFrame
        Test rows only: ``model``, ``subset``, ``brier``, ``log_loss``, ``auc``,
        ``auc_within`` (the AUC among pairs in the same conflict-history state: what a
        model adds to the history; None when undefined), ``n``, ``positives``; models in
        :data:`MODELS` order, subsets in :data:`SUBSETS` order.
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
    factors : list of PairFactors
        The factors of every forecast window, in the order of :attr:`predictions`.
    split : float or None
        The number of clashes in a window above which fighting is ``high`` (the training median).
    ablation : pandas.DataFrame or None
        With ``ablation=True``: each factor left out in turn, refitted and scored
        (:func:`~alliances.backtesting.ablation`).

    Examples
    --------
    >>> from alliances import backtest, load
    >>> bt = backtest("seeds/events/ucdp_ged_syria_2016_2019.csv.gz", load("seeds/syria_2016_2019.yaml"),
    ...               window="year", train_until="2017-12-31", half_life=None)
    >>> bt.predictions["split"].value_counts().to_dict()
    {'test': 110, 'train': 55}
    >>> bt.scores.query("subset == 'all'")["model"].tolist()[:3]
    ['expert', 'fitted', 'history']
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
    factors: list[PairFactors] = field(default_factory=list, repr=False)
    split: float | None = None
    ablation: pd.DataFrame | None = None

    @property
    def horizon(self) -> str:
        """What the forecasts are: P(clash in the next window), the window named."""
        return f"P(at least one clash between the two in the next {self.window.label})"

    def predict(self, model: RiskModel | str | os.PathLike[str] | None) -> np.ndarray:
        """P(clash) of another risk model for every row of :attr:`predictions` (same graphs, same order).

        Scores any model on exactly the pairs and windows of this backtest, e.g. a
        hand-edited model file, or the true model of a simulation.
        """
        return p_clash_of(resolve_model(model), self.factors)

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
        v = json_number(row[metric].iloc[0])
        return None if v is None else float(v)

    def verdicts(self) -> list[str]:
        """Plain statements comparing the risk model with each baseline on the test windows.

        For each subset: the best Brier score, which baselines beat the fitted model on
        which score (lower Brier and log loss, higher AUC), or that none did, and what
        the fitted model adds to the conflict history (its AUC within history states);
        on all pairs, the same comparison for the expert model.
        """
        out = []
        for subset in SUBSETS:
            where = SUBSET_NAMES[subset]
            best = self._best(subset, "brier", lower=True)
            if best is not None:
                out.append(f"{where}: the best Brier score is {MODEL_NAMES[best]}'s ({self.score(best, subset):.4f}).")
            for model in ("fitted", "expert") if subset == "all" else ("fitted",):
                beaten = [f"{MODEL_NAMES[base]} beats {MODEL_NAMES[model]} on " + ", ".join(wins)
                          for base in BASELINES if (wins := self._wins(base, model, subset))]
                if beaten:
                    out.extend(f"{where}: {s}." for s in beaten)
                else:
                    out.append(f"{where}: no baseline beats {MODEL_NAMES[model]} on any score.")
            within = self.score("fitted", subset, "auc_within")
            if within is not None:
                out.append(f"{where}: among pairs with the same conflict history, the fitted model ranks the ones "
                           f"that clash next above the others with AUC {within:.2f} (0.5: the graph adds nothing).")
        return out

    def _wins(self, base: str, model: str, subset: str) -> list[str]:
        """The scores on which ``base`` beats ``model``, as ``"brier 0.1000 vs 0.1200"``."""
        wins = []
        for metric, lower in (("brier", True), ("log_loss", True), ("auc", False)):
            m, b = self.score(model, subset, metric), self.score(base, subset, metric)
            if m is None or b is None:
                continue
            if (b < m - 1e-12) if lower else (b > m + 1e-12):
                wins.append(f"{metric.replace('_', ' ')} {b:.4f} vs {m:.4f}")
        return wins

    def _best(self, subset: str, metric: str, *, lower: bool) -> str | None:
        vals = [(v, m) for m in MODELS if (v := self.score(m, subset, metric)) is not None]
        if not vals:
            return None
        return (min if lower else max)(vals, key=lambda vm: vm[0])[1]
