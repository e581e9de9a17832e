"""``alliances extract`` (news text -> proposed relations) and ``alliances merge``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._common import Command, JsonOption, app, emit_json, load_scenario, note, print_tables

__all__ = ["extract", "merge"]


@app.command(cls=Command)
def extract(
    article: Annotated[Path, typer.Argument(help="The article, as UTF-8 text.", show_default=False, metavar="ARTICLE")],
    actors: Annotated[Path, typer.Option("--actors", metavar="FILE", help="A scenario whose actors (names, aliases) to look for.",
                                         show_default=False)],
    json_out: JsonOption = False,
    output: Annotated[Path | None, typer.Option("-o", "--output", metavar="OUT",
                                                help="Write the proposals as a YAML fragment to merge.")] = None,
    source_id: Annotated[str | None, typer.Option("--source-id", metavar="ID",
                                                  help="Source id in the fragment: letters, digits and _ . : - (default: from the file name).")] = None,
) -> None:
    """Propose relations between a scenario's actors from a news text, each with its sentences."""
    from ..extract import extract_relations, fragment_yaml, source_id_for
    from ..readwrite import YAML_FORMATS, output_format, read_text_file, source_id_problem, write_text_atomic

    problem = None if source_id is None else source_id_problem(source_id)
    if problem is not None:  # the rule the scenario's sources follow, or merge would refuse the fragment
        raise typer.BadParameter(problem, param_hint="--source-id")
    net = load_scenario(actors)
    text = read_text_file(article, what="text file")
    if output is not None:
        output_format(output, YAML_FORMATS)  # a bad path fails before any work
    extraction = extract_relations(text, net)
    if output is not None:
        ident = source_id or source_id_for(str(article))
        write_text_atomic(output, fragment_yaml(extraction, source_id=ident, title=article.name))
        note(f"wrote {output} ({len(extraction.proposals)} relations)")
    from ..report import extraction_json, extraction_tables

    if json_out:
        emit_json(extraction_json(extraction))
        return
    print_tables(extraction_tables(extraction))


@app.command(cls=Command)
def merge(
    scenario: Annotated[Path, typer.Argument(help="The scenario to add to.", show_default=False, metavar="SCENARIO")],
    fragment: Annotated[Path, typer.Argument(help="A fragment from 'alliances extract -o'.", show_default=False, metavar="FRAGMENT")],
    output: Annotated[Path, typer.Option("-o", "--output", metavar="OUT", help="The merged scenario (.yaml).", show_default=False)],
    json_out: JsonOption = False,
) -> None:
    """Add a fragment's relations, and its evidence for relations that agree, to a scenario; nothing is overwritten.

    Conflicting relations are listed and left as they are. Only the new lines are written:
    every other byte of the scenario (comments, layout, line endings) stays as it was.
    """
    from ..readwrite import merge_files
    from ..report import merge_lines

    result = merge_files(scenario, fragment, output)
    if json_out:
        emit_json(result.to_dict())
        return
    for line in merge_lines(result):
        note(line)
    note(f"wrote {output}")
