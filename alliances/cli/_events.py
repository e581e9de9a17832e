"""``alliances events``, ``timeline`` and ``diff``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .._text import terminal_safe
from ..events import DEFAULT_DATE_RANGE, MAX_WINDOWS
from ._common import (
    Command,
    EngineOption,
    JsonOption,
    SparkConfOption,
    SparkMasterOption,
    SparkTimeoutOption,
    app,
    console,
    emit_json,
    engine_options,
    load_scenario,
    note,
    print_tables,
    report_spark,
    start_engine,
    stderr_is_terminal,
)

__all__ = ["diff", "events", "timeline"]


_DATE_RANGE = "{}:{}".format(*DEFAULT_DATE_RANGE)


@app.command(cls=Command)
def events(
    files: Annotated[list[str], typer.Argument(
        metavar="EVENTS", show_default=False,
        help="Event files, folders or globs (CSV, TSV, .gz, Parquet); with --engine spark also URIs "
             "(hdfs://, s3a://, file://...).")],
    actors: Annotated[Path, typer.Option("--actors", metavar="FILE", help="The scenario whose actors the events map to.")],
    window: Annotated[str, typer.Option("--window", metavar="WINDOW", help="day, week, month, quarter, year or <N>d (N up to 3653).")] = "month",
    mapping: Annotated[Path | None, typer.Option("--mapping", metavar="FILE", help="Actor-mapping file (names, patterns, codes).")] = None,
    format: Annotated[str | None, typer.Option("--format", metavar="FORMAT", help="ged, acled, gdelt or icews (default: from the header).")] = None,
    engine: EngineOption = "duckdb",
    method: Annotated[str, typer.Option("--method", metavar="METHOD", help="net_cooperation, goldstein or hostility.")] = "net_cooperation",
    half_life: Annotated[float | None, typer.Option("--half-life", metavar="WINDOWS", help="Decay: half-life in windows.")] = None,
    min_events: Annotated[int, typer.Option("--min-events", metavar="N", help="Fewer events leave the stance unknown (0 or more).")] = 1,
    date_range: Annotated[str, typer.Option(
        "--date-range", metavar="FROM:TO",
        help="Use events dated FROM to TO (years or YYYY-MM-DD); the others are counted and left out.")] = _DATE_RANGE,
    max_windows: Annotated[int, typer.Option(
        "--max-windows", metavar="N",
        help="With --half-life, refuse events spanning more windows than this.")] = MAX_WINDOWS,
    output: Annotated[str | None, typer.Option(
        "-o", "--output", metavar="OUT",
        help="OUT.csv, OUT.csv.gz or OUT.parquet; with --engine spark also a URI ending in .parquet.")] = None,
    snapshots_dir: Annotated[str | None, typer.Option("--snapshots", metavar="DIR", help="Write one scenario per window here.")] = None,
    spark_master: SparkMasterOption = None,
    spark_conf: SparkConfOption = None,
    spark_timeout: SparkTimeoutOption = None,
    json_out: JsonOption = False,
) -> None:
    """Turn event data into signed relations per pair and time window; list actor names that map to nothing."""
    from ..events import (
        SparkEngine,
        check_relations_options,
        check_snapshot_folder,
        check_table_output,
        is_uri,
        relations_over_time,
        write_snapshots,
        write_table,
    )

    # every option, and where the output goes, is checked before any file is read or Spark starts
    _, days, _ = check_relations_options(window=window, method=method, half_life=half_life, min_events=min_events,
                                         date_range=date_range, max_windows=max_windows, engine=engine)
    options = engine_options(engine, spark_master, spark_conf, spark_timeout)
    if output is not None:
        check_table_output(output, engine=engine)
    folder = check_snapshot_folder(snapshots_dir) if snapshots_dir is not None else None
    net = load_scenario(actors)
    show = stderr_is_terminal() and not json_out
    eng = start_engine(engine, options, progress=show)
    if output is not None and is_uri(output) and isinstance(eng, SparkEngine):
        eng.check_output(output)  # its file system answers, and nothing but an earlier table is there
    try:
        rel = relations_over_time(
            files, net, window=window, mapping=mapping, method=method, half_life=half_life, min_events=min_events,
            date_range=days, max_windows=max_windows, format=format, engine=eng, progress=show,
        )
        for text in rel.notes:
            note(f"alliances: note: {text}")
        if output is not None:
            kind = write_table(rel.table, output, engine=eng)
            note(f"wrote {output} ({len(rel.table)} rows, {kind})")
        report_spark(eng, rel.stats.get("rows"))
    finally:
        eng.close()
    if folder is not None:
        written = write_snapshots(net, rel, folder)
        note(f"wrote {len(written)} snapshots into {folder}")
    from ..report import relations_json, relations_tables

    if json_out:
        emit_json(relations_json(rel, rows=output is None))
        return
    print_tables(relations_tables(rel))


@app.command(cls=Command)
def timeline(
    snapshots: Annotated[list[Path], typer.Argument(metavar="SNAPSHOT", help="Snapshot scenario files (from alliances events --snapshots).",
                                                    show_default=False)],
    output: Annotated[Path, typer.Option("-o", "--output", metavar="OUT",
                                         help="OUT.png, OUT.svg or OUT.pdf; OUT.html: an interactive view with a time slider.")],
    panels: Annotated[int, typer.Option("--panels", metavar="N", min=1, max=64,
                                        help="How many snapshots to draw as small multiples (1 to 64).")] = 8,
) -> None:
    """Draw snapshots over time: small multiples with one stable layout, and each pair's score by window."""
    from ..draw import FORMATS, HTML_FORMATS, actor_limit_view, draw_timeline, save_figure, to_html
    from ..errors import AlliancesError
    from ..readwrite import output_format

    html = output_format(output, {**FORMATS, **HTML_FORMATS})[1] == "html"  # a bad path fails before any work
    paths: list[Path] = []
    for p in snapshots:
        paths.extend(sorted(p.glob("*.yaml")) if p.is_dir() else [p])
    if not paths:
        raise AlliancesError("no snapshot files given")
    nets = [load_scenario(p) for p in paths]
    actor_limit_view("network", max(len(n.actors) for n in nets))  # each panel is a network diagram
    if html:  # every snapshot on the slider: --panels is for the picture
        to_html(nets, path=output, progress=stderr_is_terminal())
        note(f"wrote {output} (interactive timeline, {len(nets)} snapshots)")
        return
    fig = draw_timeline(nets, panels=panels)
    save_figure(fig, output)
    note(f"wrote {output}")


@app.command(cls=Command)
def diff(
    first: Annotated[Path, typer.Argument(help="The earlier scenario.", show_default=False, metavar="FIRST")],
    second: Annotated[Path, typer.Argument(help="The later scenario.", show_default=False, metavar="SECOND")],
    json_out: JsonOption = False,
) -> None:
    """List the relations gained, lost and changed from one scenario to another."""
    from ..events import diff_scenarios, quiet_window
    from ..report import diff_json, diff_table

    a, b = load_scenario(first), load_scenario(second)
    d = diff_scenarios(a, b)
    quiet = quiet_window(b)
    if json_out:
        emit_json({**diff_json(d, str(first), str(second)), "no_events_in": quiet})
        return
    if quiet is not None:
        print(terminal_safe(f"{second}: no events in {quiet}"))
    if d.empty:
        print(terminal_safe(f"no change in relations from {first} to {second}"))
        return
    console().print(diff_table(d, f"{first} -> {second}: {len(d)} changes"))
