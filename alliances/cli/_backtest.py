"""``alliances backtest``: score the risk model on event data against simple baselines."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..events import DEFAULT_DATE_RANGE, MAX_WINDOWS
from ._common import (
    Command,
    EngineOption,
    JsonOption,
    SparkConfOption,
    SparkMasterOption,
    SparkTimeoutOption,
    app,
    emit_json,
    engine_options,
    load_scenario,
    note,
    print_tables,
    progress_bar,
    report_spark,
    start_engine,
    stderr_is_terminal,
)

if TYPE_CHECKING:
    import pandas as pd

    from .._network import AllianceNetwork
    from ..risk import RiskModel

__all__ = ["backtest"]

_DATE_RANGE = "{}:{}".format(*DEFAULT_DATE_RANGE)


@app.command(cls=Command)
def backtest(
    files: Annotated[list[str], typer.Argument(
        metavar="EVENTS", show_default=False,
        help="Event files, folders or globs (CSV, TSV, .gz, Parquet); with --engine spark also URIs "
             "(hdfs://, s3a://, file://...).")],
    actors: Annotated[Path, typer.Option("--actors", metavar="FILE", help="The scenario: actors and static relations.")],
    window: Annotated[str, typer.Option("--window", metavar="WINDOW", help="day, week, month, quarter, year or <N>d.")] = "month",
    train_until: Annotated[str | None, typer.Option(
        "--train-until", metavar="DATE",
        help="Last day of the training period (default: the middle of the data); later windows are the test.")] = None,
    model: Annotated[Path | None, typer.Option("--model", metavar="FILE", help="The expert risk model file (default: the shipped one).")] = None,
    mapping: Annotated[Path | None, typer.Option("--mapping", metavar="FILE", help="Actor-mapping file (names, patterns, codes).")] = None,
    format: Annotated[str | None, typer.Option("--format", metavar="FORMAT", help="ged, acled, gdelt or icews (default: from the header).")] = None,
    half_life: Annotated[float, typer.Option(
        "--half-life", metavar="WINDOWS", help="Decay of event-derived relations, in windows (0: no decay, each window alone).")] = 3.0,
    pseudo_count: Annotated[list[str] | None, typer.Option(
        "--pseudo-count", metavar="N|NODE=N",
        help="Observations the expert tables are worth (per parent combination) in the fit: N for every node "
             "(default 50), NODE=N for one (default clash=20, fighting=20). Repeatable.")] = None,
    calibrate: Annotated[bool, typer.Option(
        "--calibrate/--no-calibrate",
        help="Recalibrate the clash table to the training rate of each conflict-history level before the fit "
             "(default: on).")] = True,
    ablation: Annotated[bool, typer.Option(
        "--ablation", help="Also leave each factor out in turn, refit and score it (one more fit per factor).")] = False,
    sensitivity: Annotated[bool, typer.Option(
        "--sensitivity", help="Also run the backtest with month and quarter windows, training until --train-until "
                              "and half a year later.")] = False,
    date_range: Annotated[str, typer.Option(
        "--date-range", metavar="FROM:TO",
        help="Use events dated FROM to TO (years or YYYY-MM-DD); the others are counted and left out.")] = _DATE_RANGE,
    max_windows: Annotated[int, typer.Option(
        "--max-windows", metavar="N", help="Refuse events spanning more windows than this.")] = MAX_WINDOWS,
    output: Annotated[Path | None, typer.Option("-o", "--output", metavar="OUT", help="Figure: OUT.png, OUT.svg or OUT.pdf.")] = None,
    engine: EngineOption = "duckdb",
    spark_master: SparkMasterOption = None,
    spark_conf: SparkConfOption = None,
    spark_timeout: SparkTimeoutOption = None,
    json_out: JsonOption = False,
) -> None:
    """Backtest the risk model: fit on the training windows, score P(clash next window) on the later ones, beside baselines."""
    from ..backtesting import backtest as run_backtest
    from ..backtesting import check_backtest_options
    from ..errors import EventDataError
    from ..risk import resolve_model

    # every option, and where the figure goes, is checked before any file is read
    if not (half_life == 0 or 0 < half_life < math.inf):
        raise EventDataError(f"--half-life must be 0 (no decay) or a positive number of windows, not {half_life}")
    decay = None if half_life == 0 else half_life
    default, given = _prior_weights(pseudo_count or [])
    check_backtest_options(window=window, train_until=train_until, half_life=decay, pseudo_count=default,
                           pseudo_counts=given, date_range=date_range, max_windows=max_windows)
    engine_settings = engine_options(engine, spark_master, spark_conf, spark_timeout)
    if output is not None:
        from ..draw import check_output_path

        check_output_path(output)
    net = load_scenario(actors)
    expert = resolve_model(model)
    per_node = _node_weights(given, expert.nodes)  # the model's nodes, before any event file is read
    show = stderr_is_terminal() and not json_out
    eng = start_engine(engine, engine_settings, progress=show)
    try:
        options: dict[str, Any] = {"mapping": mapping, "half_life": decay, "pseudo_count": default,
                                   "pseudo_counts": per_node, "date_range": date_range, "max_windows": max_windows,
                                   "format": format, "engine": eng, "calibrate": calibrate}
        with progress_bar("backtest", show) as progress:
            result = run_backtest(files, net, window=window, train_until=train_until, model=expert,
                                  ablation=ablation, progress=progress, **options)
        settings = (_sensitivity(files, net, expert, result.train_until, options, show=not json_out)
                    if sensitivity else None)
        report_spark(eng)
    finally:
        eng.close()
    if output is not None:
        from ..draw import draw_backtest, save_figure

        save_figure(draw_backtest(result), output)
        note(f"wrote {output}")
    from ..report import backtest_json, backtest_renderables, sensitivity_json, sensitivity_table

    if json_out:
        for text in result.notes:  # the text report shows them; JSON has no place for them
            note(f"alliances: note: {text}")
        data = backtest_json(result)
        if settings is not None:
            data["sensitivity"] = sensitivity_json(settings)
            data["sensitivity_skipped"] = list(settings.attrs.get("skipped", []))
        emit_json(data)
        return
    print_tables(backtest_renderables(result) + ([sensitivity_table(settings)] if settings is not None else []))


def _prior_weights(values: list[str]) -> tuple[float, dict[str, float]]:
    """``--pseudo-count`` values (``N`` or ``NODE=N``) as the default weight and the per-node ones given.

    Only the form is checked here; the numbers are checked with the other options
    (:func:`~alliances.backtesting.check_backtest_options`), the names against the model.
    """
    default, given = 50.0, {}
    for value in values:
        name, eq, number = value.rpartition("=")
        try:
            weight = float(number)
        except ValueError:
            weight = None
        if weight is None or (eq and not name):
            raise typer.BadParameter(f"{value!r}: give a positive number N or NODE=N", param_hint="--pseudo-count")
        if eq:
            given[name] = weight
        else:
            default = weight
    return default, given


def _node_weights(given: dict[str, float], nodes: Iterable[str]) -> dict[str, float]:
    """The per-node weights: the defaults (for the model's nodes) and those given, every name a node of the model."""
    from ..backtesting import PRIOR_WEIGHTS

    known = list(nodes)
    for name in given:
        if name not in known:
            from .._text import did_you_mean

            raise typer.BadParameter(f"unknown node {name!r} (the model's nodes: {', '.join(known)})"
                                     f"{did_you_mean(name, known)}", param_hint="--pseudo-count")
    return {**{n: w for n, w in PRIOR_WEIGHTS.items() if n in known}, **given}


def _sensitivity(files: list[str], net: AllianceNetwork, expert: RiskModel, until: dt.date, options: dict[str, Any],
                 *, show: bool) -> pd.DataFrame:
    """The backtest with month and quarter windows, training until ``until`` and half a year later."""
    from ..backtesting import sensitivity

    later = _half_year_later(until)
    with progress_bar("sensitivity", stderr_is_terminal() and show) as progress:
        steps = iter(range(1, 5))
        return sensitivity(files, net, windows=("month", "quarter"), train_until=(until, later), model=expert,
                           progress=(lambda: progress(next(steps), 4)) if progress else None, **options)


def _half_year_later(day: dt.date) -> dt.date:
    """The last day of the month six months after ``day``'s (2017-12-31 -> 2018-06-30)."""
    y, m = divmod(day.year * 12 + day.month - 1 + 6, 12)
    first_next = dt.date(y + (m + 1) // 12, (m + 1) % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)
