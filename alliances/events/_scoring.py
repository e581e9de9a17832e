"""Scoring the aggregated counts: score, stance and confidence per pair and window, with decay.

The aggregation (:mod:`alliances.events._sql`) gives, per pair (a < b) and window key,
integer counts; this module turns that small table into the relations table, in pandas,
the same code for both engines.

Scores (``method``), each in [-1, 1], with C = verbal + material cooperation, H = verbal +
material conflict and N = all observations of the pair in the window:

* ``net_cooperation`` (default): (C - H) / N;
* ``goldstein``: the mean Goldstein weight / 10 (Goldstein 1992; Brandt, Colaresi & Freeman 2008);
* ``hostility``: 1 - 2 H / N, the hostility share H / N (Lerner et al. 2013) turned into a
  signed score, so that one set of thresholds serves every method.

Stance thresholds (``thresholds=(0.2, 0.6)``): *ambivalent* when both C / N and H / N are
at least 0.2 and the score is within (-0.6, 0.6); otherwise *ally* at score >= 0.6,
*friendly* >= 0.2, *enemy* <= -0.6, *rival* <= -0.2, else *neutral*. UCDP and ACLED record
violence, so for them opponents can only come out negative and same-side groups
positive. Fewer than ``min_events`` events (with decay: decayed events, rounded) leave the
stance unknown (empty).

Confidence: n / (n + 2), n the number of distinct events (independent reports): one
event gives 0.33, five 0.71, twenty 0.91.

Decay (``half_life``, in windows): each window's counts are added to the previous
window's decayed counts multiplied by 0.5 ** (1 / half_life), so a quiet window keeps
the memory of recent ones; score, stance and confidence then use the decayed counts
(count columns stay each window's own), and a pair keeps a row while it remembers at
least half an event.

References
----------
.. [1] Goldstein, J. S. (1992) A conflict-cooperation scale for WEIS events data. Journal of
   Conflict Resolution 36(2).
.. [2] Brandt, P. T., Colaresi, M. and Freeman, J. R. (2008) The dynamics of reciprocity,
   accountability, and credibility. Journal of Conflict Resolution 52(3).
.. [3] Lerner, J., Bussmann, M., Snijders, T. A. B. and Brandes, U. (2013) Modeling frequency and
   type of interaction in event networks. Corvinus Journal of Sociology and Social Policy 4(1).
"""

from __future__ import annotations

import math
import numbers
from typing import TYPE_CHECKING, Any

from ..errors import EventDataError
from ._windows import Window

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = [
    "COLUMNS",
    "KIND_COLUMNS",
    "METHODS",
    "check_half_life",
    "check_min_events",
    "check_scoring",
    "decay",
    "score_pairs",
]

METHODS = ("net_cooperation", "goldstein", "hostility")
"""The scoring methods, the default first."""
KIND_COLUMNS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict",
                "unclassified", "same_side")
"""The observation counts by kind."""
COLUMNS = ("a", "b", "window_start", "window_end", "events", "fatalities", "score", "stance", "confidence",
           "observations", *KIND_COLUMNS, "goldstein", "sources")
"""The columns of :attr:`EventRelations.table`, in order."""

# the counts that scores, stances and confidence use (decayed when there is a half-life)
_BASIS = ["events", "observations", "verbal_cooperation", "material_cooperation", "verbal_conflict",
          "material_conflict", "goldstein_tenths", "goldstein_n"]


def check_scoring(method: str, thresholds: tuple[float, float], half_life: float | None, *,
                  min_events: int = 1) -> None:
    """Fail early on a scoring parameter out of range.

    Raises
    ------
    EventDataError
        An unknown method, thresholds not two numbers with ``0 <= low <= high <= 1``, a
        half-life that is not a positive finite number, ``min_events`` not a whole number
        of at least 0.

    Examples
    --------
    >>> check_scoring("goldstein", (0.2, 0.6), None)
    >>> check_scoring("net_cooperation", (0.7, 0.6), None)
    Traceback (most recent call last):
    ...
    alliances.errors.EventDataError: thresholds must satisfy 0 <= low <= high <= 1, not (0.7, 0.6)
    >>> check_scoring("hostility", (0.2, 0.6), float("nan"))
    Traceback (most recent call last):
    ...
    alliances.errors.EventDataError: half_life must be a positive number of windows, not nan
    """
    if not isinstance(method, str) or method not in METHODS:
        raise EventDataError(f"unknown scoring method {method!r} (expected one of: {', '.join(METHODS)})")
    if (not isinstance(thresholds, (tuple, list)) or len(thresholds) != 2
            or not all(_is_number(t) for t in thresholds)):
        raise EventDataError(f"thresholds must be two numbers (low, high), not {thresholds!r}")
    lo, hi = thresholds
    if not 0 <= lo <= hi <= 1:
        raise EventDataError(f"thresholds must satisfy 0 <= low <= high <= 1, not {tuple(thresholds)}")
    check_half_life(half_life)
    check_min_events(min_events)


def check_half_life(half_life: float | None) -> None:
    """Fail early on a half-life that is not None or a positive finite number of windows.

    Examples
    --------
    >>> check_half_life(2.5)
    >>> check_half_life(-1)
    Traceback (most recent call last):
    ...
    alliances.errors.EventDataError: half_life must be a positive number of windows, not -1
    """
    if half_life is not None and not (_is_number(half_life) and 0 < half_life < math.inf):
        raise EventDataError(f"half_life must be a positive number of windows, not {half_life!r}")


def check_min_events(min_events: int) -> None:
    """Fail early on a ``min_events`` that is not a whole number of at least 0.

    Examples
    --------
    >>> check_min_events(3)
    >>> check_min_events(-1)
    Traceback (most recent call last):
    ...
    alliances.errors.EventDataError: min_events must be a whole number of events, 0 or more, not -1
    """
    if not isinstance(min_events, numbers.Integral) or isinstance(min_events, bool) or min_events < 0:
        raise EventDataError(f"min_events must be a whole number of events, 0 or more, not {min_events!r}")


def _is_number(value: object) -> bool:
    """A real number (not a bool, not text); NaN is one, and fails every range check after."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def score_pairs(agg: pd.DataFrame, win: Window, *, method: str, thresholds: tuple[float, float],
                min_events: int, half_life: float | None, last_window: int = -1) -> pd.DataFrame:
    """The relations table from the aggregated counts.

    Parameters
    ----------
    agg : pandas.DataFrame
        ``a``, ``b``, ``wkey`` and integer counts (``events``, ``fatalities``,
        ``observations``, the kinds of :data:`KIND_COLUMNS`, ``goldstein_tenths``,
        ``goldstein_n``, ``sources``), one row per pair (a < b) and window key.
    win : Window
        Turns window keys into first and last days.
    method, thresholds, min_events, half_life
        As for :func:`alliances.relations_over_time`.
    last_window : int
        The last window key with any event: decay carries pairs forward up to it.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COLUMNS`, sorted by ``window_start``, ``a``, ``b``.

    Examples
    --------
    >>> import pandas as pd
    >>> from alliances.events import parse_window
    >>> agg = pd.DataFrame({"a": ["x"], "b": ["y"], "wkey": [2017 * 12], "events": [3], "fatalities": [0],
    ...                     "observations": [4], "verbal_cooperation": [0], "material_cooperation": [1],
    ...                     "verbal_conflict": [0], "material_conflict": [3], "unclassified": [0],
    ...                     "same_side": [1], "goldstein_tenths": [-240], "goldstein_n": [4], "sources": [3]})
    >>> row = score_pairs(agg, parse_window("month"), method="net_cooperation", thresholds=(0.2, 0.6),
    ...                   min_events=1, half_life=None).iloc[0]
    >>> float(row.score), row.stance, float(row.confidence), float(row.goldstein)
    (-0.5, 'ambivalent', 0.6, -6.0)
    """
    if half_life is not None and len(agg):
        agg = decay(agg, _BASIS, 0.5 ** (1.0 / half_life), last_window)
    else:
        for c in _BASIS:
            agg[f"m_{c}"] = agg[c].astype(float)
    score, gold, cshare, hshare = _scores(agg, method)
    stance = _stances(score, cshare, hshare, agg["m_events"], thresholds=thresholds, min_events=min_events)
    return _table(agg, win, score, gold, stance)


def _scores(agg: pd.DataFrame, method: str) -> tuple[pd.Series, np.ndarray, pd.Series, pd.Series]:
    """Score (by ``method``), mean Goldstein weight, cooperation and hostility shares, from the m_ counts."""
    import numpy as np
    import pandas as pd

    n = agg["m_observations"]
    coop = agg["m_verbal_cooperation"] + agg["m_material_cooperation"]
    host = agg["m_verbal_conflict"] + agg["m_material_conflict"]
    with np.errstate(divide="ignore", invalid="ignore"):
        gold = np.where(agg["m_goldstein_n"] > 0, agg["m_goldstein_tenths"] / agg["m_goldstein_n"] / 10.0, np.nan)
        score: Any
        if method == "net_cooperation":
            score = (coop - host) / n
        elif method == "goldstein":
            score = pd.Series(gold / 10.0, index=agg.index)
        else:
            score = 1 - 2 * host / n
        cshare, hshare = coop / n, host / n
    return pd.Series(np.asarray(score, dtype=float), index=agg.index), gold, cshare, hshare


def _stances(score: pd.Series, cshare: pd.Series, hshare: pd.Series, events: pd.Series, *,
             thresholds: tuple[float, float], min_events: int) -> np.ndarray:
    """Stance names from the score and shares; empty where unknown or too few events."""
    import numpy as np

    lo, hi = thresholds
    stance = np.select(
        [score.isna(),
         (cshare >= lo) & (hshare >= lo) & (score.abs() < hi),
         score >= hi, score >= lo, score <= -hi, score <= -lo],
        ["", "ambivalent", "ally", "friendly", "enemy", "rival"],
        default="neutral",
    )
    # Decayed counts are rounded (half up) before the comparison: a pair kept in memory
    # (at least half an event) keeps its stance when min_events is 1.
    return np.where(events + 0.5 + 1e-9 < min_events, "", stance)


def _table(agg: pd.DataFrame, win: Window, score: pd.Series, gold: np.ndarray, stance: np.ndarray) -> pd.DataFrame:
    """The relations table, columns :data:`COLUMNS`, floats rounded to 6 decimals, in order."""
    import pandas as pd

    events_n = agg["m_events"]
    confidence = events_n / (events_n + 2.0)
    starts, ends = zip(*(win.bounds(k) for k in agg["wkey"]), strict=True) if len(agg) else ((), ())
    table = pd.DataFrame({
        "a": agg["a"].astype(str),
        "b": agg["b"].astype(str),
        "window_start": list(starts),
        "window_end": list(ends),
        "events": agg["events"].astype("int64"),
        "fatalities": agg["fatalities"].astype("int64"),
        "score": score.round(6),
        "stance": stance.astype(str),
        "confidence": confidence.astype(float).round(6),
        "observations": agg["observations"].astype("int64"),
        **{c: agg[c].astype("int64") for c in KIND_COLUMNS},
        "goldstein": pd.Series(gold, index=agg.index).round(6),
        "sources": agg["sources"].astype("int64"),
    }, columns=list(COLUMNS))
    return table.sort_values(["window_start", "a", "b"], kind="mergesort").reset_index(drop=True)


def decay(agg: pd.DataFrame, basis: list[str], factor: float, last_window: int) -> pd.DataFrame:
    """Carry decayed counts forward through every window up to the last one with any event.

    Each window's ``m_<count>`` is the previous window's, times ``factor``, plus the
    window's own count; a window without events keeps a row while the decayed event
    count is at least one half. The plain count columns stay each window's own (0 in a
    quiet window).

    Examples
    --------
    >>> import pandas as pd
    >>> agg = pd.DataFrame({"a": ["x"], "b": ["y"], "wkey": [1], "events": [2]})
    >>> out = decay(agg, ["events"], 0.5, last_window=4)
    >>> [(r.wkey, r.events, r.m_events) for r in out.itertuples()]
    [(1, 2, 2.0), (2, 0, 1.0), (3, 0, 0.5)]
    """
    import pandas as pd

    last = max(int(agg["wkey"].max()), int(last_window))
    out = []
    counts = [c for c in agg.columns if c not in ("a", "b", "wkey")]
    for (a, b), grp in agg.groupby(["a", "b"], sort=True):
        rows = {int(k): r for k, r in zip(grp["wkey"], grp.to_dict("records"), strict=True)}
        memory = dict.fromkeys(basis, 0.0)
        for k in range(int(grp["wkey"].min()), last + 1):
            r = rows.get(k)
            memory = {c: memory[c] * factor + (float(r[c]) if r else 0.0) for c in basis}
            if r is None and memory["events"] < 0.5:
                continue
            row = dict(r) if r else {"a": a, "b": b, "wkey": k, **dict.fromkeys(counts, 0)}
            row.update({f"m_{c}": v for c, v in memory.items()})
            out.append(row)
    return pd.DataFrame(out)
