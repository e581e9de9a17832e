"""``alliances risk``: conflict risk of every pair, one pair's reasons, and what-if changes."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import click
import typer

from ._common import (
    Command,
    JsonOption,
    app,
    console,
    emit_json,
    load_scenario,
    print_tables,
    progress_bar,
    stderr_is_terminal,
)

__all__ = ["risk"]

_SEP = "\x1f"
# options that take several values each time they are given: name -> number of values
_MULTI = {"--set": 3, "--add-theater": 2}
_BIG = 100  # actors: from here a progress bar is worth showing


class _RiskCommand(Command):
    """Lets ``--set A B STANCE`` and ``--add-theater ACTOR THEATER`` take several values, repeatably.

    typer has no repeatable multi-value options; the values are joined here, before
    click parses the arguments, and split again in the command.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        out: list[str] = []
        k = 0
        while k < len(args):
            arg = args[k]
            name, eq, first = arg.partition("=")
            n = _MULTI.get(name)
            if n is None or arg == "--":
                out.append(arg)
                if arg == "--":
                    out.extend(args[k + 1:])
                    break
                k += 1
                continue
            values = ([first] if eq else []) + args[k + 1: k + 1 + n - (1 if eq else 0)]
            if len(values) < n or any(v.startswith("--") for v in values):
                metavar = "A B STANCE" if name == "--set" else "ACTOR THEATER"
                raise click.UsageError(f"{name} needs {n} values: {name} {metavar}", ctx=ctx)
            out.extend([name, _SEP.join(values)])
            k += 1 + n - (1 if eq else 0)
        return super().parse_args(ctx, out)


@app.command(cls=_RiskCommand)
def risk(
    path: Annotated[Path, typer.Argument(help="A scenario file (YAML).", show_default=False, metavar="FILE")],
    top: Annotated[int, typer.Option("--top", metavar="N", min=1, help="Rows to show in the table.")] = 15,
    wide: Annotated[bool, typer.Option("--wide", help="Full column names and states (wider than 80 columns).")] = False,
    json_out: JsonOption = False,
    pair: Annotated[
        tuple[str, str] | None,
        typer.Option("--pair", metavar="A B", help="Explain one pair: factors, tornado, mutual information."),
    ] = None,
    set_: Annotated[
        list[str] | None,
        typer.Option("--set", metavar="A B STANCE", help="What-if: give the pair this stance ('unknown' removes it). Repeatable."),
    ] = None,
    drop: Annotated[list[str] | None, typer.Option("--drop", metavar="ACTOR", help="What-if: remove the actor. Repeatable.")] = None,
    add_theater: Annotated[
        list[str] | None,
        typer.Option("--add-theater", metavar="ACTOR THEATER", help="What-if: the actor also operates in the theater. Repeatable."),
    ] = None,
    model_path: Annotated[Path | None, typer.Option("--model", metavar="FILE", help="Your own risk-model file (YAML).")] = None,
    export_model: Annotated[
        Path | None,
        typer.Option("--export-model", metavar="OUT", help="Also write the model: .xdsl (GeNIe), .net (Hugin), .bif, .xmlbif, .yaml."),
    ] = None,
) -> None:
    """P(direct armed clash) for every pair of actors, from a Bayesian network.

    Without options: the riskiest pairs (--json: every pair). --pair A B explains one
    pair. --set/--drop/--add-theater change the scenario and show the pairs whose risk
    changed most, before -> after.
    """
    from ..report import _risk as report
    from ..risk._compiled import conflict_risk, resolve_model
    from ..risk._explain import explain_risk
    from ..risk._whatif import compare_risk, what_if

    model = resolve_model(model_path)
    net = load_scenario(path)
    if export_model is not None:
        kind = model.save(export_model)
        print(f"wrote {export_model} ({kind})", file=sys.stderr)
    sets = [tuple(v.split(_SEP)) for v in set_ or []]
    theaters = [tuple(v.split(_SEP)) for v in add_theater or []]
    drops = list(drop or [])
    changed = bool(sets or theaters or drops)
    after = what_if(net, set=sets, drop=drops, add_theater=theaters) if changed else net
    changes = {"set": [list(s) for s in sets], "drop": drops, "add_theater": [list(t) for t in theaters]}
    show_bar = not json_out and stderr_is_terminal() and len(net.actors) >= _BIG

    if pair is not None:
        ex = explain_risk(after, pair[0], pair[1], model=model)
        p_before = explain_risk(net, pair[0], pair[1], model=model).p_clash if changed else None
        if json_out:
            data = report.explanation_json(ex, p_before=p_before)
            emit_json({"changes": changes, **data} if changed else data)
            return
        print_tables(report.explanation_renderables(ex, p_before=p_before))
        return

    with progress_bar("compiling the risk network", show_bar) as progress:
        if changed:
            diff = compare_risk(net, after, model=model, progress=progress)
        else:
            df = conflict_risk(net, model=model, progress=progress)
    if changed:
        if json_out:
            emit_json(report.changes_json(diff, changes))
            return
        out = console()
        names = {x: net.actors[x].display for x in net.actors}
        out.print(report.changes_summary(diff, changes, names=names))
        table = report.changes_table(diff, top=top)
        if table is not None:
            out.print(table)
        return
    if json_out:
        emit_json(report.risk_json(df))
    else:
        title = f"{net.scenario}: conflict risk, top {min(top, len(df))} of {len(df)} pairs"
        out = console()
        table = report.risk_table(df, top=top, title=title, wide=wide)
        if wide:  # as wide as the table needs, whatever the terminal
            from rich.console import Console
            from rich.measure import Measurement

            need = Measurement.get(out, out.options.update_width(10_000), table).maximum
            Console(highlight=False, soft_wrap=False, width=max(out.width, need)).print(table)
        else:
            out.print(table)
