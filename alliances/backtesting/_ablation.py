"""Each factor left out in turn: how much it adds to the fitted model, once the others are known.

A factor is left out by hiding it: fitted as a latent node and summed out of every
forecast, so the network keeps its structure and everything else about the fit stays
the same. A factor *helps* on a score when leaving it out makes that score worse.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from .._checks import check_bool, check_instance, check_items, shown
from ..errors import ParameterError, ParameterTypeError
from ..risk import FACTORS, MISSING, PairFactors, RiskModel, check_fit_options
from ._fitting import fit_on
from ._result import SUBSETS, check_rows, p_clash_of, subset_mask
from ._scores import score_all, stratified_auc

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ablation"]

_METRICS = ("brier", "log_loss", "auc", "auc_within")


def _scores(part: pd.DataFrame, p: np.ndarray) -> dict[str, Any]:
    y = part["clash_next"].to_numpy(dtype=float)
    s = score_all(y, p)
    return {"brier": s.brier, "log_loss": s.log_loss, "auc": s.auc,
            "auc_within": stratified_auc(y, p, part["fighting"].to_numpy())}


def ablation(
    pred: pd.DataFrame,
    train: pd.Series,
    expert: RiskModel,
    factor_sets: list[PairFactors],
    *,
    pseudo_count: float,
    pseudo_counts: Mapping[str, float] | None = None,
    max_iter: int = 30,
    calibrate: bool = True,
    progress: Callable[[], None] | None = None,
) -> pd.DataFrame:
    """Each factor of the model left out in turn: refitted on the training rows, scored on the test rows.

    Parameters
    ----------
    pred, train, expert, factor_sets
        A backtest's rows (with ``p_fitted``), its training mask, the expert model and
        every window's factors (see :func:`~alliances.backtesting.backtest`).
    pseudo_count, pseudo_counts, max_iter, calibrate
        As for the fitted model (:func:`~alliances.backtesting.backtest`).
    progress : callable, optional
        Called with no argument after each refit.

    Returns
    -------
    pandas.DataFrame
        One row per left-out factor (``(none)`` first: the full fitted model) and subset:
        ``left_out``, ``subset``, ``brier``, ``log_loss``, ``auc``, ``auc_within``, and
        ``d_brier``, ``d_log_loss``, ``d_auc``, ``d_auc_within``: the score without the
        factor minus the full model's. A factor helps on a score when leaving it out
        makes that score worse (Brier and log loss up, AUC down).

    Examples
    --------
    >>> import alliances
    >>> bt = alliances.backtest("seeds/events/ucdp_ged_syria_2016_2019.csv.gz",
    ...                         alliances.load("seeds/syria_2016_2019.yaml"), window="year", train_until="2017-12-31")
    >>> ab = ablation(bt.predictions, bt.predictions["split"] == "train", bt.expert, bt.factors, pseudo_count=50)
    >>> ab.query("subset == 'all'")["left_out"].tolist()[:3]
    ['(none)', 'stance', 'fighting']
    >>> bool(ab.query("subset == 'all' and left_out == 'fighting'")["d_log_loss"].iloc[0] > 0)  # history helps
    True
    """
    import pandas as pd

    check_rows(pred, "pred", ("clash_next", "p_fitted", "fighting", "onset", "new_onset"))
    check_instance(train, pd.Series, "train", "a boolean Series, one per row of pred")
    if len(train) != len(pred) or train.dtype != bool:
        raise ParameterError(f"train must be a boolean Series with one value per row of pred ({len(pred)})")
    check_instance(expert, RiskModel, "expert", "a RiskModel")
    factor_sets = list(check_items(factor_sets, "factor_sets", lambda v, what: check_instance(
        v, PairFactors, what, "a PairFactors (from pair_factors)"), item="each item of factor_sets"))
    if sum(len(pf) for pf in factor_sets) != len(pred):
        raise ParameterError(f"factor_sets must hold one pair per row of pred ({len(pred)}), not "
                             f"{sum(len(pf) for pf in factor_sets)}")
    check_fit_options(pseudo_count, max_iter)
    check_bool(calibrate, "calibrate")
    if progress is not None and not callable(progress):
        raise ParameterTypeError(f"progress must be a callable or None, not {shown(progress)}")
    test_mask = ~train.to_numpy()
    test = pred[test_mask]
    full = {s: _scores(test[subset_mask(test, s)], test.loc[subset_mask(test, s), "p_fitted"].to_numpy())
            for s in SUBSETS}
    rows = [{"left_out": "(none)", "subset": s, **full[s]} for s in SUBSETS]
    for factor in (f for f in FACTORS if f in expert.factors):  # the canonical order, as in every table
        fitted, _, _ = fit_on(pred[train], expert, pseudo_count=pseudo_count, pseudo_counts=pseudo_counts,
                              max_iter=max_iter, unobserved=[factor], calibrate=calibrate)
        hidden = [pf.with_states(**{factor: np.full(len(pf), MISSING)}) for pf in factor_sets]
        p = p_clash_of(fitted, hidden)[test_mask]
        for s in SUBSETS:
            mask = subset_mask(test, s)
            rows.append({"left_out": factor, "subset": s, **_scores(test[mask], p[mask])})
        if progress is not None:
            progress()
    out = pd.DataFrame(rows)
    for m in _METRICS:
        base = out["subset"].map({s: full[s][m] for s in SUBSETS})
        out[f"d_{m}"] = [None if a is None or b is None else a - b for a, b in zip(out[m], base, strict=True)]
    for c in out.columns[2:]:
        out[c] = out[c].astype(object)
    return out
