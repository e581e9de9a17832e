"""``alliances validate``, ``show``, ``schema`` and ``export``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import ScenarioError
from ._common import Command, JsonOption, app, emit_json, load_scenario, print_tables, report_error

__all__ = ["export", "schema", "show", "validate"]

FileArg = Annotated[Path, typer.Argument(help="A scenario file (YAML).", show_default=False, metavar="FILE")]


@app.command(cls=Command)
def validate(
    files: Annotated[list[Path], typer.Argument(help="Scenario files to check.", show_default=False, metavar="FILE")],
    json_out: JsonOption = False,
) -> None:
    """Check scenario files: 'FILE: ok (N actors, M relations)' or every problem, as file:line: message."""
    from ..report import validation_json, validation_line

    results = []
    failed = False
    for path in files:
        try:
            net = load_scenario(path)
        except ScenarioError as exc:
            failed = True
            results.append(validation_json(str(path), exc))
            if not json_out:
                report_error(exc)
            continue
        results.append(validation_json(str(path), net))
        if not json_out:
            print(validation_line(str(path), net))
    if json_out:
        emit_json({"files": results})
    if failed:
        raise typer.Exit(2)


@app.command(cls=Command)
def show(path: FileArg, json_out: JsonOption = False) -> None:
    """Print a scenario's actors and relations as tables (--json: the scenario itself as JSON)."""
    net = load_scenario(path)
    if json_out:
        emit_json(net.to_dict())
        return
    from ..report import scenario_tables

    print_tables(scenario_tables(net))


@app.command(cls=Command)
def schema(
    mapping: Annotated[bool, typer.Option("--mapping", help="The schema of the actor-mapping file of "
                                          "alliances events --mapping instead.")] = False,
) -> None:
    """Print the JSON Schema of the scenario format (point your editor's YAML support at it)."""
    from ..readwrite import schema_text

    sys.stdout.write(schema_text("mapping" if mapping else "scenario"))


@app.command(cls=Command)
def export(
    path: FileArg,
    output: Annotated[Path, typer.Option("-o", "--output", metavar="OUT", help="OUT.graphml, OUT.gexf or OUT.json (node-link).")],
) -> None:
    """Export the scenario's signed graph to GraphML, GEXF (Gephi) or node-link JSON."""
    from ..readwrite import export as export_network

    net = load_scenario(path)
    kind = export_network(net, output)
    # GraphML and GEXF hold only scalars: say how lists and missing values were written.
    how = "" if kind == "node-link JSON" else "; lists as JSON text, missing values left out"
    print(f"wrote {output} ({kind}{how})", file=sys.stderr)
