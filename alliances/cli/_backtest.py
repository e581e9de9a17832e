"""``alliances backtest``: score the risk model on event data against simple baselines."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ._common import (
    Command,
    JsonOption,
    app,
    emit_json,
    load_scenario,
    print_tables,
    progress_bar,
    stderr_is_terminal,
)

__all__ = ["backtest"]


@app.command(cls=Command)
def backtest(
    files: Annotated[list[str], typer.Argument(help="Event files, folders or globs (CSV, TSV, .gz, Parquet).",
                                               show_default=False, metavar="EVENTS")],
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
    output: Annotated[Path | None, typer.Option("-o", "--output", metavar="OUT", help="Figure: OUT.png, OUT.svg or OUT.pdf.")] = None,
    json_out: JsonOption = False,
) -> None:
    """Backtest the risk model: fit on the training windows, score P(clash next window) on the later ones, beside baselines."""
    from ..backtesting import backtest as run_backtest
    from ..risk import resolve_model

    if output is not None:
        from ..draw import check_output_path

        check_output_path(output)  # a bad path fails before any work
    net = load_scenario(actors)
    expert = resolve_model(model)
    with progress_bar("backtest", stderr_is_terminal() and not json_out) as progress:
        result = run_backtest(files, net, window=window, train_until=train_until, model=expert, mapping=mapping,
                              half_life=None if half_life == 0 else half_life, pseudo_count=pseudo_count,
                              format=format, progress=progress)
    if output is not None:
        from ..draw import draw_backtest, save_figure

        save_figure(draw_backtest(result), output)
        print(f"wrote {output}", file=sys.stderr)
    from ..report import backtest_json, backtest_renderables

    if json_out:
        emit_json(backtest_json(result))
        return
    print_tables(backtest_renderables(result))
