"""``alliances balance``: structural balance, frustration, factions, implied relations."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import ParameterError
from ._common import (
    Command,
    JsonOption,
    app,
    emit_json,
    finite,
    load_scenario,
    print_tables,
    progress_bar,
    stderr_is_terminal,
)

__all__ = ["MAX_K", "balance"]

MAX_K = 100
"""The most factions ``--k`` asks for: each k up to it is solved in turn, as a start for the next."""


@app.command(cls=Command)
def balance(
    path: Annotated[Path, typer.Argument(metavar="FILE", help="A scenario file (YAML), or a CSV of signed ties: source,target,sign[,weight].",
                                         show_default=False)],
    json_out: JsonOption = False,
    strict: Annotated[bool, typer.Option("--strict", help="Implied relations under strict balance: the enemy of an "
                                         "enemy counts as a friend (default: weak balance, it does not).")] = False,
    k: Annotated[int | None, typer.Option("--k", metavar="K", min=1, help="Number of factions, at most the number "
                                          f"of actors and {MAX_K} (default: chosen).")] = None,
    exact: Annotated[bool | None, typer.Option("--exact/--fast", help="Exact integer programming, or the fast "
                                               "heuristic (default: exact when the network is small enough).",
                                               show_default=False)] = None,
    time_limit: Annotated[float | None, typer.Option("--time-limit", metavar="SECONDS", min=0.0, callback=finite,
                                                     help="Seconds for each exact solve (default: 20 when the network is "
                                                     "small enough to solve exactly); the result then says whether "
                                                     "optimality was proven, and the gap.")] = None,
    draws: Annotated[int, typer.Option("--draws", metavar="N", min=0, help="Sign shuffles to compare balance with "
                                       "chance (the frustration index gets one in ten); 0 skips the comparison.")] = 1000,
    seed: Annotated[int, typer.Option("--seed", metavar="SEED", help="Seed of the sign shuffles and of the heuristics' random starts "
                                      "(same seed, same output).")] = 0,
) -> None:
    """Is the network balanced, and more than chance? Triangle census, unbalanced triads, frustration index,
    camps, factions, the relations balance implies for unknown pairs, signed centrality, and the balance
    measures against sign shuffles."""
    from ..analysis import MAX_DRAWS, balance_report

    if draws > MAX_DRAWS:
        raise ParameterError(f"--draws {draws}: at most {MAX_DRAWS} sign shuffles")
    if path.suffix.lower() == ".csv":
        from ..readwrite import read_signed_csv

        network = read_signed_csv(path)
        title = path.name
    else:
        network = load_scenario(path)
        title = None
    n = len(network.actors) if hasattr(network, "actors") else network.number_of_nodes()
    if k is not None and k > min(n, MAX_K):
        why = f"more factions than the network has actors ({n})" if k > n else f"the most factions computed is {MAX_K}"
        raise ParameterError(f"--k {k}: {why}; use --k {min(n, MAX_K)} or less, or leave --k out to let the "
                             "number be chosen")
    with progress_bar("balance, factions, sign shuffles", stderr_is_terminal() and not json_out) as progress:
        rep = balance_report(network, strict=strict, k=k, exact="auto" if exact is None else exact,
                             time_limit=time_limit, seed=seed, draws=draws, progress=progress)
    if title is not None:
        rep.title = title
    from ..report import balance_json, balance_renderables

    if json_out:
        emit_json(balance_json(rep))
        return
    print_tables(balance_renderables(rep))
