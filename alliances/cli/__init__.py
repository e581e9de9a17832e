"""The ``alliances`` command: argument parsing only; every command calls the library.

Each sub-command lives in its own module below this package and registers itself on the
app when that module is imported. :func:`main` imports only the module of the command
being run (``alliances draw`` never loads the event or risk commands' code); ``--help``,
no command or an unknown one load them all, so the listing and "did you mean" see every
command. Exit codes: 0 success, 2 bad input or usage (``file:line: message`` on stderr),
1 an internal failure.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

import typer

from . import _common
from ._common import run

__all__ = ["COMMANDS", "app", "load_commands", "main"]

COMMANDS: dict[str, str] = {
    "backtest": "_backtest",
    "balance": "_balance",
    "diff": "_events",
    "draw": "_draw",
    "events": "_events",
    "export": "_scenario",
    "extract": "_extract",
    "merge": "_extract",
    "risk": "_risk",
    "schema": "_scenario",
    "show": "_scenario",
    "timeline": "_events",
    "validate": "_scenario",
}
"""Each command's name -> the module below this package that defines it."""


def load_commands(argv: Sequence[str] = ()) -> typer.Typer:
    """Register the command ``argv`` runs (its first word not an option), or every command.

    Parameters
    ----------
    argv : sequence of str, default ()
        The arguments after the program's name. When their first word is not a command
        (none, ``--help``, a typo), every command module is imported.

    Returns
    -------
    typer.Typer
        The app, with at least that command registered.

    Examples
    --------
    >>> from alliances.cli import load_commands
    >>> app = load_commands(["validate", "x.yaml"])
    >>> "validate" in {c.callback.__name__ for c in app.registered_commands if c.callback}
    True
    """
    word = next((a for a in argv if not a.startswith("-")), None)
    modules = [COMMANDS[word]] if word in COMMANDS else sorted(set(COMMANDS.values()))
    for module in modules:
        importlib.import_module(f"{__name__}.{module}")
    return _common.app


def __getattr__(name: str) -> typer.Typer:
    if name == "app":  # the whole app, as ``--help`` shows it (for typer's test runner, say)
        return load_commands()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns (and, as a console script, exits with) the exit code."""
    load_commands(sys.argv[1:] if argv is None else argv)
    code = run(argv)
    if argv is None:
        sys.exit(code)
    return code
