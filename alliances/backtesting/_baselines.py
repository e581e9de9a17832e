"""The baselines the risk model is compared with: history, persistence, stance alone, logistic regression.

Each is trained on the training rows only (one row per pair and forecast window) and
gives P(clash in window t + 1) for every row:

- ``history``: P(clash at t + 1 | the pair's conflict history at t), one Jeffreys-smoothed
  rate per history state (none, past, recent, low, high): what the record alone says,
  with no graph at all;
- ``persistence``: P(clash at t + 1 | clash at t), Jeffreys-smoothed, (k + 1/2) / (n + 1);
- ``stance``: P(clash at t + 1 | stance at t), one Jeffreys-smoothed rate per stance (a
  stance never seen in training gets the overall rate);
- ``logistic``: an L2-regularised logistic regression (scikit-learn, ``C=1``) on the
  one-hot factor states the risk model sees.

References
----------
.. [1] Hegre, H. et al. (2019). ViEWS: a political violence early-warning system.
   Journal of Peace Research 56(2).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..risk import FACTORS

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["logistic_forecast", "one_hot", "rate_by"]


def rate_by(pred: pd.DataFrame, train: pd.Series, column: str) -> np.ndarray:
    """Jeffreys-smoothed training rate of ``clash_next`` within each value of ``column``, for every row.

    Parameters
    ----------
    pred : pandas.DataFrame
        Rows with ``clash_next`` and ``column``.
    train : pandas.Series of bool
        Which rows to learn from.
    column : str
        ``clash_now`` gives the persistence baseline, ``fighting`` the history baseline,
        ``stance`` the stance baseline.

    Returns
    -------
    numpy.ndarray
        (k + 1/2) / (n + 1) of the training rows with the row's value; the overall rate
        for a value no training row has.

    Examples
    --------
    >>> import pandas as pd
    >>> pred = pd.DataFrame({"stance": ["enemy", "enemy", "ally", "rival"], "clash_next": [True, False, False, False]})
    >>> rate_by(pred, pd.Series([True, True, True, False]), "stance").tolist()
    [0.5, 0.5, 0.25, 0.375]
    """
    tr = pred[train]
    y = tr["clash_next"].to_numpy(dtype=float)
    overall = (y.sum() + 0.5) / (len(y) + 1.0)
    grouped = tr.groupby(column)["clash_next"].agg(["sum", "count"])
    rates = ((grouped["sum"] + 0.5) / (grouped["count"] + 1.0)).to_dict()
    return pred[column].map(lambda v: rates.get(v, overall)).to_numpy(dtype=float)


def logistic_forecast(pred: pd.DataFrame, train: pd.Series, factors: tuple[str, ...]) -> np.ndarray:
    """P(clash) from a logistic regression on one-hot factor states, trained on the training rows.

    When the training rows hold one class only, the regression is undefined and every
    row gets the Jeffreys-smoothed training rate.

    Examples
    --------
    >>> import pandas as pd
    >>> pred = pd.DataFrame({"stance": ["enemy", "ally", "enemy"], "clash_next": [False, False, True]})
    >>> logistic_forecast(pred, pd.Series([True, True, False]), ("stance",)).tolist()
    [0.16666666666666666, 0.16666666666666666, 0.16666666666666666]
    """
    X = one_hot(pred, factors)
    y = pred["clash_next"].to_numpy(dtype=int)
    tr = train.to_numpy()
    if len(set(y[tr])) < 2:  # one class: the regression is undefined, the rate is the answer
        return np.full(len(pred), (y[tr].sum() + 0.5) / (tr.sum() + 1.0))
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=1.0, max_iter=2000)
    clf.fit(X[tr], y[tr])
    return np.asarray(clf.predict_proba(X)[:, 1], dtype=float)


def one_hot(pred: pd.DataFrame, factors: tuple[str, ...]) -> np.ndarray:
    """One column per state of each factor (and ``unknown``), 1.0 where the row has that state.

    Examples
    --------
    >>> import pandas as pd
    >>> one_hot(pd.DataFrame({"common_theater": ["yes", "unknown"]}), ("common_theater",)).tolist()
    [[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]
    """
    blocks = []
    for f in factors:
        states = list(dict.fromkeys([*FACTORS[f], "unknown"]))
        col = pred[f].to_numpy(dtype=object)
        blocks.append(np.stack([(col == s).astype(float) for s in states], axis=1))
    return np.concatenate(blocks, axis=1)
