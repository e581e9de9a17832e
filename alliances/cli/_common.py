"""What every command shares: the app, error handling, JSON and console output."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperArgument, TyperCommand

from .._network import AllianceNetwork
from .._progress import ProgressCallback, terminal_progress
from ..errors import AlliancesError, ScenarioError
from ..readwrite import load

if TYPE_CHECKING:
    from rich.console import Console

    # typer (>= 0.20) runs on its own copy of click, whose Context is only reachable here;
    # typer.Context is a subclass, too narrow to type an override of a command's method
    from typer._click.core import Context as CommandContext

    from ..events import Engine

__all__ = [
    "Command",
    "EngineOption",
    "JsonOption",
    "SparkConfOption",
    "SparkMasterOption",
    "SparkTimeoutOption",
    "app",
    "console",
    "emit_json",
    "engine_options",
    "load_scenario",
    "print_tables",
    "progress_bar",
    "report_error",
    "report_spark",
    "run",
    "start_engine",
    "stderr_is_terminal",
]

app = typer.Typer(
    name="alliances",
    help="Model a conflict's alliances and enmities as a signed graph: validate, analyse, draw.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON on stdout, nothing else.")]

# the engine of the event commands, and where Spark runs (README "When one machine is not enough")
EngineOption = Annotated[str, typer.Option(
    "--engine", metavar="ENGINE", help="duckdb (default) or spark (needs pyspark and Java 17).")]
SparkMasterOption = Annotated[str | None, typer.Option(
    "--spark-master", metavar="URL", show_default=False,
    help="With --engine spark: local[*] (the default), local[N], spark://HOST:PORT, yarn or k8s://URL; "
         "$SPARK_MASTER when set.")]
SparkConfOption = Annotated[list[str] | None, typer.Option(
    "--spark-conf", metavar="KEY=VALUE", show_default=False,
    help="With --engine spark: a Spark setting, e.g. spark.executor.memory=8g (repeat for more).")]
SparkTimeoutOption = Annotated[float | None, typer.Option(
    "--spark-timeout", metavar="SECONDS", show_default=False,
    help="With --engine spark: wait at most this long for the cluster (its master, a first executor) "
         "and for each answer of a file system (default 60).")]

_BRACED = re.compile(r"\{([^{}]*)\}(\.\.\.)?")


class Command(TyperCommand):
    """A command whose usage line names its arguments plainly: ``alliances balance [OPTIONS] FILE``.

    typer 0.29 writes a required argument in braces (``{FILE}``), which reads like a
    set or a placeholder to fill in; the usual convention is the bare metavar
    (``FILE``, ``FILE...``), with brackets only for an optional one.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, TyperArgument) and param.metavar is not None:
                # the metavar says what to give: no "<path>" or "<list[str]>" after it in --help
                param.display_type_rich = _no_type  # type: ignore[method-assign]

    def collect_usage_pieces(self, ctx: CommandContext) -> list[str]:
        return [_BRACED.sub(r"\1\2", piece) for piece in super().collect_usage_pieces(ctx)]


def _no_type(ctx: Any) -> None:
    return None


def _version_callback(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"alliances {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version_callback, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Model a conflict's alliances and enmities as a signed graph: validate, analyse, draw."""


def run(argv: list[str] | None = None) -> int:
    """Run the app, mapping errors to exit codes: 2 for user mistakes, 1 for internal failures."""
    # typer >= 0.20 bundles its own click, whose errors all derive from typer.TyperException;
    # in non-standalone mode an Exit comes back as the return value.
    try:
        code = app(args=argv, prog_name="alliances", standalone_mode=False)
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        print("Aborted.", file=sys.stderr)
        return 1
    except typer.TyperException as exc:
        show = getattr(exc, "show", None)
        show(file=sys.stderr) if show is not None else print(f"alliances: {exc}", file=sys.stderr)
        return 2
    except AlliancesError as exc:
        report_error(exc)
        return 2
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # an internal failure: say so plainly, traceback on request
        if os.environ.get("ALLIANCES_DEBUG"):
            raise
        print(f"alliances: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        print("Set ALLIANCES_DEBUG=1 to see the traceback, and please report it.", file=sys.stderr)
        return 1
    return code if isinstance(code, int) else 0


def report_error(exc: AlliancesError) -> None:
    """Print an error the user can act on: one ``file:line: message`` line per problem."""
    if isinstance(exc, ScenarioError):
        for problem in exc.problems:
            print(str(problem), file=sys.stderr)
    else:
        print(f"alliances: {exc}", file=sys.stderr)


def emit_json(data: Any) -> None:
    """Print JSON on stdout: no NaN or Infinity (they are not JSON), UTF-8 kept."""
    text = json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False)
    sys.stdout.write(text + "\n")


def console() -> Console:
    """A rich console on stdout (imported lazily: only commands that print tables pay for it)."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def print_tables(items: Any) -> None:
    """Print a report's renderables (tables, headings) in order on one stdout console."""
    out = console()
    for item in items:
        out.print(item)


def stderr_is_terminal() -> bool:
    """Whether stderr is a terminal (progress bars and spinners only then)."""
    return sys.stderr.isatty()


@contextmanager
def progress_bar(description: str, enabled: bool) -> Iterator[ProgressCallback | None]:
    """A transient progress bar on stderr yielding ``update(done, total)``, or None when disabled."""
    with terminal_progress(description, enabled=enabled) as update:
        yield update


def engine_options(engine: str, master: str | None, conf: list[str] | None, timeout: float | None) -> dict[str, Any]:
    """The engine's options from the command line, checked before any work; ``$SPARK_MASTER`` for Spark's master."""
    from ..errors import EventDataError
    from ..events import check_engine_options, parse_spark_conf

    settings = parse_spark_conf(conf or [])
    if master is None and engine == "spark" and os.environ.get("SPARK_MASTER"):
        master = os.environ["SPARK_MASTER"]
        try:
            return check_engine_options(engine, master=master, config=settings, timeout=timeout)
        except EventDataError as exc:
            raise EventDataError(f"SPARK_MASTER: {exc}") from None
    return check_engine_options(engine, master=master, config=settings, timeout=timeout)


def start_engine(engine: str, options: dict[str, Any], *, progress: bool) -> Engine:
    """The engine a command runs on: DuckDB, or Spark started (or a cluster reached) with ``options``."""
    from ..events import get_engine

    return get_engine(engine, **options, progress=progress)


def report_spark(eng: Engine, rows: int | None = None) -> None:
    """One line on stderr after a Spark run: where it ran, and how little came back to this process."""
    from ..events import SparkEngine

    if not isinstance(eng, SparkEngine):
        return
    read = f"{rows:,} event rows read and aggregated in Spark; " if rows is not None else ""
    print(f"alliances: {eng.cluster()}: {read}{eng.rows_to_driver:,} rows came back to the driver "
          "(distinct actor names, pair-window sums)", file=sys.stderr)


def load_scenario(path: Path) -> AllianceNetwork:
    """Load a scenario file given on the command line (errors become exit code 2)."""
    return load(path)
