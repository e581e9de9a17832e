"""``alliances risk``: conflict risk of every pair, one pair's reasons, and what-if changes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .._records import Stance
from .._text import did_you_mean
from ..errors import ParameterError, Problem, ScenarioError, UnknownActorError
from ._common import (
    Command,
    JsonOption,
    app,
    console,
    emit_json,
    emit_json_stream,
    load_scenario,
    note,
    print_tables,
    progress_bar,
    stderr_is_terminal,
)

if TYPE_CHECKING:
    from .._network import AllianceNetwork
    from ..risk import RiskModel
    from ._common import CommandContext

__all__ = ["MAX_ALL_PAIRS_ACTORS", "risk"]

_SEP = "\x1f"
# options that take several values each time they are given: name -> number of values
_MULTI = {"--set": 3, "--add-theater": 2}
_BIG = 100  # actors: from here a progress bar is worth showing

MAX_ALL_PAIRS_ACTORS = 5000
"""Most actors ``alliances risk`` rates every pair of (12,497,500 pairs; 3,000 actors take about a gigabyte)."""


class _TooFewValues(typer.BadParameter):
    """A multi-value option given too few values: the message as it is, under the usage line."""

    def format_message(self) -> str:
        return self.message


class _RiskCommand(Command):
    """Lets ``--set A B STANCE`` and ``--add-theater ACTOR THEATER`` take several values, repeatably.

    typer has no repeatable multi-value options; the values are joined here, before
    click parses the arguments, and split again in the command.
    """

    def parse_args(self, ctx: CommandContext, args: list[str]) -> list[str]:
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
                raise _TooFewValues(f"{name} needs {n} values: {name} {metavar}", ctx=ctx)
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
        typer.Option("--pair", metavar="A B", help="Explain one pair: factors, tornado, mutual information. Actors by id, name, label or alias."),
    ] = None,
    set_: Annotated[
        list[str] | None,
        typer.Option("--set", metavar="A B STANCE", help="What-if: give the pair this stance (ally, friendly, neutral, "
                     "ambivalent, rival, enemy, in lowercase; 'unknown' removes it). Repeatable."),
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
    from ..risk import resolve_model, what_if

    model = resolve_model(model_path)
    net = load_scenario(path)
    sets = [(a, b, stance) for a, b, stance in (v.split(_SEP) for v in set_ or [])]
    theaters = [(actor, theater) for actor, theater in (v.split(_SEP) for v in add_theater or [])]
    drops = list(drop or [])
    sets, drops, theaters = _check_changes(net, sets, drops, theaters)  # every mistake at once, before any work
    if pair is not None:
        pair = _check_pair(net, pair)
    if export_model is not None:
        kind = model.save(export_model)
        note(f"wrote {export_model} ({kind})")
    changed = bool(sets or theaters or drops)
    if pair is None:
        _check_all_pairs(len(net.actors))
    after = what_if(net, set=sets, drop=drops, add_theater=theaters) if changed else net
    changes = {"set": [list(s) for s in sets], "drop": drops, "add_theater": [list(t) for t in theaters]}
    show_bar = not json_out and stderr_is_terminal() and len(net.actors) >= _BIG
    if pair is not None:
        _explain_pair(net, after if changed else None, pair, model, changes, json_out=json_out)
    elif changed:
        _compare(net, after, model, changes, top=top, json_out=json_out, show_bar=show_bar)
    else:
        _all_pairs(net, model, top=top, wide=wide, json_out=json_out, show_bar=show_bar)


def _check_changes(net: AllianceNetwork, sets: list[tuple[str, str, str]], drops: list[str],
                   theaters: list[tuple[str, str]]) -> tuple[list[tuple[str, str, str]], list[str],
                                                             list[tuple[str, str]]]:
    """The what-if options with every actor as its id; every one that cannot apply is a problem.

    Actors may be given by id, name, label or alias, in any case (see
    :meth:`AllianceNetwork.resolve`); each mistake is reported as ``--set A B STANCE: what
    is wrong``, all at once. Stance names are lowercase, exactly as in scenario files
    (``Enemy`` is refused, with the spelling to use).
    """
    stances = [s.value for s in Stance] + ["unknown"]
    problems: list[Problem] = []

    def known(option: str, actor: str) -> str:
        try:
            return net.resolve(actor)
        except UnknownActorError as err:
            problems.append(Problem(option, None, str(err)))
            return actor

    out_sets = []
    for a, b, stance in sets:
        option = f"--set {a} {b} {stance}"
        ida, idb = known(option, a), known(option, b)
        if ida == idb:
            problems.append(Problem(option, None, f"an actor cannot have a relation with itself ({ida!r})"))
        if stance not in stances:
            problems.append(Problem(option, None, f"unknown stance {stance!r} (expected one of: {', '.join(stances)})"
                                    f"{did_you_mean(stance, stances)}"))
        out_sets.append((ida, idb, stance))
    out_theaters = [(known(f"--add-theater {actor} {theater}", actor), theater) for actor, theater in theaters]
    out_drops = [known(f"--drop {actor}", actor) for actor in drops]
    if problems:
        raise ScenarioError(problems)
    return out_sets, out_drops, out_theaters


def _check_pair(net: AllianceNetwork, pair: tuple[str, str]) -> tuple[str, str]:
    """The ``--pair A B`` actors as ids (each by id, name, label or alias); both mistakes at once."""
    ids, problems = [], []
    for name in pair:
        try:
            ids.append(net.resolve(name))
        except UnknownActorError as err:
            problems.append(Problem(f"--pair {pair[0]} {pair[1]}", None, str(err)))
    if problems:
        raise ScenarioError(problems)
    return ids[0], ids[1]


def _check_all_pairs(n: int) -> None:
    """Refuse, before any work, to rate every pair of more than :data:`MAX_ALL_PAIRS_ACTORS` actors."""
    if n > MAX_ALL_PAIRS_ACTORS:
        limit = MAX_ALL_PAIRS_ACTORS
        raise ParameterError(
            f"{n:,} actors make {n * (n - 1) // 2:,} pairs; alliances risk rates every pair of at most {limit:,} "
            f"actors ({limit * (limit - 1) // 2:,} pairs): explain one pair with --pair A B, or use a smaller scenario")


def _explain_pair(net: AllianceNetwork, after: AllianceNetwork | None, pair: tuple[str, str], model: RiskModel,
                  changes: dict[str, Any], *, json_out: bool) -> None:
    """One pair's factors and tornado (after the what-if changes, if any, with P(clash) before them)."""
    from ..report import explanation_json, explanation_renderables
    from ..risk import explain_risk

    ex = explain_risk(after if after is not None else net, pair[0], pair[1], model=model)
    p_before = explain_risk(net, pair[0], pair[1], model=model).p_clash if after is not None else None
    if json_out:
        data = explanation_json(ex, p_before=p_before)
        emit_json({"changes": changes, **data} if after is not None else data)
        return
    print_tables(explanation_renderables(ex, p_before=p_before))


def _compare(net: AllianceNetwork, after: AllianceNetwork, model: RiskModel, changes: dict[str, Any], *, top: int,
             json_out: bool, show_bar: bool) -> None:
    """What the what-if changes did: a summary and the pairs whose risk moved most."""
    from ..report import changes_json, changes_summary, changes_table
    from ..risk import compare_risk

    with progress_bar("compiling the risk network", show_bar) as progress:
        diff = compare_risk(net, after, model=model, progress=progress)
    if json_out:
        emit_json(changes_json(diff, changes))
        return
    out = console()
    names = {x: net.actors[x].display for x in net.actors}
    print_tables([changes_summary(diff, changes, names=names)])
    table = changes_table(diff, top=top, scenario=after.scenario)
    if table is not None:
        out.print(table)


def _all_pairs(net: AllianceNetwork, model: RiskModel, *, top: int, wide: bool, json_out: bool,
               show_bar: bool) -> None:
    """Every pair's P(clash): the riskiest on a terminal, all of them as JSON (written as it is made)."""
    from ..report import risk_json_chunks, risk_table
    from ..risk import conflict_risk

    with progress_bar("compiling the risk network", show_bar) as progress:
        df = conflict_risk(net, model=model, progress=progress)
    if json_out:
        emit_json_stream(risk_json_chunks(df))
        return
    title = f"{net.scenario}: conflict risk, top {min(top, len(df))} of {len(df)} pairs"
    out = console()
    table = risk_table(df, top=top, title=title, wide=wide)
    if wide:  # as wide as the table needs, whatever the terminal
        from rich.measure import Measurement

        need = Measurement.get(out, out.options.update_width(10_000), table).maximum
        console(width=max(out.width, need)).print(table)
    else:
        out.print(table)
