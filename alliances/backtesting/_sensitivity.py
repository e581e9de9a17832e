"""The backtest in other settings: window length and end of the training period.

Does the verdict hold when the windows are quarters instead of months, or the model
learns from another half year? The fitted model beside persistence and the history-only
baseline, in every setting.
"""

from __future__ import annotations

import datetime as dt
import inspect
import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from .._arguments import check_network
from .._checks import check_date, check_items, check_text, shown
from .._text import did_you_mean
from ..errors import EventDataError, ParameterError, ParameterTypeError
from ..risk import RiskModel, resolve_model
from ._result import SUBSETS
from ._run import backtest, check_backtest_options

if TYPE_CHECKING:
    import pandas as pd

    from .._network import AllianceNetwork
    from ..events import EventPaths

__all__ = ["sensitivity"]

_CHECKED = set(inspect.signature(check_backtest_options).parameters) - {"window", "train_until"}
_OPTIONS = set(inspect.signature(backtest).parameters) - {"events", "net", "window", "train_until", "model"}


def sensitivity(
    events: EventPaths,
    net: AllianceNetwork,
    *,
    windows: Sequence[str] = ("month", "quarter"),
    train_until: Sequence[dt.date | str] = ("2017-12-31", "2018-06-30"),
    model: RiskModel | str | os.PathLike[str] | None = None,
    progress: Callable[[], None] | None = None,
    **options: Any,
) -> pd.DataFrame:
    """The backtest in every setting of ``windows`` x ``train_until``: fitted model, history, persistence.

    Parameters
    ----------
    events, net, model
        As for :func:`~alliances.backtesting.backtest`.
    windows : sequence of str
        Window lengths to try.
    train_until : sequence of dates or ISO text
        Ends of the training period to try.
    progress : callable, optional
        Called with no argument after each setting.
    **options
        Any other :func:`~alliances.backtesting.backtest` option (``half_life``,
        ``pseudo_count``, ``mapping``, ...), the same in every setting.

    Returns
    -------
    pandas.DataFrame
        One row per setting, model (``fitted``, ``history``, ``persistence``) and subset:
        ``window``, ``train_until``, ``model``, ``subset``, ``brier``, ``log_loss``, ``auc``,
        ``auc_within``, ``n``, ``positives``; and per setting the two checks
        ``brier_vs_persistence`` (the fitted Brier over persistence's) and
        ``log_loss_vs_history`` (the fitted log loss minus the history baseline's), on
        the ``fitted`` rows. A setting the events cannot support (too few windows, no test
        window) is left out and named in ``df.attrs["skipped"]`` with the reason.

    Examples
    --------
    >>> import alliances
    >>> net = alliances.load("seeds/syria_2016_2019.yaml")
    >>> s = sensitivity("seeds/events/ucdp_ged_syria_2016_2019.csv.gz", net, windows=("year",),
    ...                 train_until=("2017-12-31", "2019-12-31"))
    >>> sorted(set(s["model"])), s.attrs["skipped"][0][:60]
    (['fitted', 'history', 'persistence'], 'year windows, trained until 2019-12-31: no test window: --tr')
    """
    check_network(net)
    windows = check_items(windows, "windows", lambda v, what: check_text(v, what), item="a window")  # type: ignore[arg-type,return-value]
    train_until = check_items(train_until, "train_until", _day, item="a train_until")
    if progress is not None and not callable(progress):
        raise ParameterTypeError(f"progress must be a callable or None, not {shown(progress)}")
    _check_options(options)
    model = resolve_model(model)
    for w in windows:  # every setting's options, before any event file is read
        for until in train_until:
            check_backtest_options(window=w, train_until=until,
                                   **{k: v for k, v in options.items() if k in _CHECKED})
    import pandas as pd

    frames = []
    skipped: list[str] = []
    for w in windows:
        for until in train_until:
            try:
                bt = backtest(events, net, window=w, train_until=until, model=model, **options)
            except EventDataError as err:
                skipped.append(f"{w} windows, trained until {until}: {err}")
                if progress is not None:
                    progress()
                continue
            sc = bt.scores[bt.scores["model"].isin(["fitted", "history", "persistence"])].copy()
            sc.insert(0, "train_until", bt.train_until)
            sc.insert(0, "window", bt.window.label)
            sc["brier_vs_persistence"] = None
            sc["log_loss_vs_history"] = None
            for s in SUBSETS:
                fit = (sc["model"] == "fitted") & (sc["subset"] == s)
                b_fit, b_per = bt.score("fitted", s), bt.score("persistence", s)
                l_fit, l_his = bt.score("fitted", s, "log_loss"), bt.score("history", s, "log_loss")
                if b_fit is not None and b_per:
                    sc.loc[fit, "brier_vs_persistence"] = b_fit / b_per
                if l_fit is not None and l_his is not None:
                    sc.loc[fit, "log_loss_vs_history"] = l_fit - l_his
            frames.append(sc)
            if progress is not None:
                progress()
    columns = ["window", "train_until", "model", "subset", "brier", "log_loss", "auc", "auc_within", "n",
               "positives", "brier_vs_persistence", "log_loss_vs_history"]
    if not frames and skipped:
        raise EventDataError("no setting could be backtested: " + "; ".join(skipped))
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)
    out.attrs["skipped"] = skipped
    return out


def _check_options(options: dict[str, Any]) -> None:
    """Every name in ``options`` an option of :func:`backtest` (other than the settings themselves)."""
    for name in sorted(options):
        if name not in _OPTIONS:
            raise ParameterError(f"{name!r} is not an option of backtest{did_you_mean(name, sorted(_OPTIONS))}")


def _day(value: Any, name: str) -> dt.date:
    """A day given as a date or ISO text."""
    day = check_date(value, name, optional=False)
    assert isinstance(day, dt.date)
    return day
