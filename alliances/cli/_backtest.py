"""``alliances backtest``: score the risk model on event data against simple baselines."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated

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
    pseudo_count: Annotated[float, typer.Option(
        "--pseudo-count", metavar="N", help="Observations the expert tables are worth (per parent combination) in the fit.")] = 50.0,
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
    check_backtest_options(window=window, train_until=train_until, half_life=decay, pseudo_count=pseudo_count,
                           date_range=date_range, max_windows=max_windows)
    options = engine_options(engine, spark_master, spark_conf, spark_timeout)
    if output is not None:
        from ..draw import check_output_path

        check_output_path(output)
    net = load_scenario(actors)
    expert = resolve_model(model)
    show = stderr_is_terminal() and not json_out
    eng = start_engine(engine, options, progress=show)
    try:
        with progress_bar("backtest", show) as progress:
            result = run_backtest(files, net, window=window, train_until=train_until, model=expert, mapping=mapping,
                                  half_life=decay, pseudo_count=pseudo_count, date_range=date_range,
                                  max_windows=max_windows, format=format, engine=eng, progress=progress)
        report_spark(eng)
    finally:
        eng.close()
    if output is not None:
        from ..draw import draw_backtest, save_figure

        save_figure(draw_backtest(result), output)
        note(f"wrote {output}")
    from ..report import backtest_json, backtest_renderables

    if json_out:
        for text in result.notes:  # the text report shows them; JSON has no place for them
            note(f"alliances: note: {text}")
        emit_json(backtest_json(result))
        return
    print_tables(backtest_renderables(result))
