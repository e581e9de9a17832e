"""What every command shares: the app, error handling, JSON and console output."""

from __future__ import annotations

import _thread
import inspect
import json
import math
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperArgument, TyperCommand

from .._network import AllianceNetwork
from .._numbers import json_floats
from .._progress import ProgressCallback, terminal_progress
from .._text import terminal_safe
from ..errors import AlliancesError, ScenarioError
from ..readwrite import load

if TYPE_CHECKING:
    from rich.console import Console

    # typer (>= 0.27) runs on its own copy of click, whose Context is only reachable here;
    # typer.Context is a subclass, too narrow to type an override of a command's method
    from typer._click.core import Context as CommandContext

    from ..events import Engine

__all__ = [
    "Command",
    "EngineOption",
    "Interrupted",
    "JsonOption",
    "SparkConfOption",
    "SparkMasterOption",
    "SparkTimeoutOption",
    "app",
    "console",
    "emit_json",
    "emit_json_stream",
    "engine_options",
    "finite",
    "load_scenario",
    "note",
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

    typer writes a required argument in braces (``{FILE}``), which reads like a
    set or a placeholder to fill in; the usual convention is the bare metavar
    (``FILE``, ``FILE...``), with brackets only for an optional one.
    """

    def get_short_help_str(self, limit: int = 45) -> str:
        """The command's summary in ``alliances --help``: its docstring's first paragraph, whole.

        click cuts it to fit one line (``score...``); the help formatter wraps it instead,
        within 80 columns.
        """
        if self.short_help:
            return self.short_help
        first = inspect.cleandoc(self.help or "").split("\n\n")[0]
        return " ".join(first.split())

    def collect_usage_pieces(self, ctx: CommandContext) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            for piece in param.get_usage_pieces(ctx):
                piece = _BRACED.sub(r"\1\2", piece)
                if isinstance(param, TyperArgument) and param.nargs != 1 and not piece.endswith("..."):
                    piece += "..."  # one or more: typer < 0.29 leaves it out when a metavar is given
                pieces.append(piece)
        return pieces

    def invoke(self, ctx: CommandContext) -> Any:
        # typer would turn a KeyboardInterrupt (Ctrl-C under a SIGINT handler not ours) into
        # a silent exit 130: make it the one interruption :func:`run` reports
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as exc:
            raise Interrupted(signal.SIGINT) from exc
        except BrokenPipeError as exc:  # typer would make it exit 1, an internal failure
            raise _OutputClosed from exc


class _OutputClosed(BaseException):
    """The reader of stdout went away (``alliances risk --json | head``): not a failure of ours."""


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


class Interrupted(BaseException):
    """Ctrl-C or a termination signal (SIGTERM, SIGHUP), raised as an exception so that cleanup runs.

    It unwinds the command like Ctrl-C's :class:`KeyboardInterrupt`: ``finally`` blocks and
    context managers run, so a temporary output file is removed, a solver stopped and a
    progress bar put away; then :func:`run` exits with 128 + the signal's number (130
    for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP). It is not a KeyboardInterrupt, which
    typer would turn into a silent exit 130 before :func:`run` sees it, and not an
    Exception, which ``except Exception`` would swallow.

    Parameters
    ----------
    signum : int
        The signal received.
    """

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _raise_interrupted(signum: int, frame: FrameType | None) -> None:
    raise Interrupted(signum)


@contextmanager
def _signals_raise() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP raise :class:`Interrupted` while the command runs (the previous handlers after).

    A signal the caller ignores stays ignored (a background job's SIGINT), and one it
    handles with a handler of its own stays its own; Python's Ctrl-C handler and the
    default action (which ends the process without any cleanup) are replaced. Signal
    handlers belong to the main thread, so elsewhere nothing changes.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {}
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None and signal.getsignal(sig) in (signal.SIG_DFL, signal.default_int_handler):
            previous[sig] = signal.signal(sig, _raise_interrupted)
    unraisable = sys.unraisablehook
    sys.unraisablehook = _resend_swallowed(unraisable)
    try:
        yield
    finally:
        sys.unraisablehook = unraisable
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _resend_swallowed(hook: Any) -> Any:
    """An unraisable-exception hook that sends a swallowed :class:`Interrupted`'s signal again.

    Python runs a signal handler wherever the main thread happens to be; inside a
    finalizer (``__del__``, a weakref callback) the :class:`Interrupted` it raises cannot
    propagate and is only printed, and the command would go on to write its output and
    exit 0. The signal is sent again from a helper thread a moment later (not waited for:
    the handler would run inside this hook again), so that it runs once the main thread is
    back in ordinary code, where the exception unwinds the command.
    """
    def resend(info: Any) -> None:
        if isinstance(info.exc_value, Interrupted):
            _thread.start_new_thread(_signal_again, (info.exc_value.signum,))
        else:
            hook(info)
    return resend


def _signal_again(signum: int) -> None:
    time.sleep(0.05)
    os.kill(os.getpid(), signum)


def _interrupted(signum: int) -> int:
    """One line on stderr for Ctrl-C or a termination signal; the exit code 128 + the signal's number."""
    how = "" if signum == signal.SIGINT else f" ({signal.Signals(signum).name})"
    try:
        print(f"alliances: interrupted{how}", file=sys.stderr)
    except (OSError, ValueError):  # the terminal is gone (SIGHUP) or stderr closed
        pass
    return 128 + int(signum)


def _interrupted_by(exc: BaseException) -> int | None:
    """The signal whose :class:`Interrupted` this error was raised while handling (its cause or context), if any."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, Interrupted):
            return cause.signum
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return None


def run(argv: list[str] | None = None) -> int:
    """Run the app, mapping errors to exit codes: 2 for user mistakes, 1 for internal failures.

    Ctrl-C prints ``alliances: interrupted`` and returns 130; SIGTERM (SIGHUP) prints
    ``alliances: interrupted (SIGTERM)`` (``(SIGHUP)``) and returns 143 (129), after the
    command's cleanup has run: no temporary output file is left behind.
    """
    # typer >= 0.20 bundles its own click, whose errors all derive from typer.TyperException;
    # in non-standalone mode an Exit comes back as the return value.
    try:
        with _signals_raise():
            code = app(args=argv, prog_name="alliances", standalone_mode=False)
    except Interrupted as exc:
        return _interrupted(exc.signum)
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        print("Aborted.", file=sys.stderr)
        return 1
    except typer.TyperException as exc:
        show = getattr(exc, "show", None)
        show(file=sys.stderr) if show is not None else print(f"alliances: {terminal_safe(exc)}", file=sys.stderr)
        return 2
    except AlliancesError as exc:
        report_error(exc)
        return 2
    except KeyboardInterrupt:  # raised by hand, or a signal handler not ours
        return _interrupted(signal.SIGINT)
    except (_OutputClosed, BrokenPipeError):
        # nothing more can reach the reader; keep the final flush at exit from complaining
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return 0
    except Exception as exc:  # an internal failure: say so plainly, traceback on request
        signum = _interrupted_by(exc)
        if signum is not None:  # a library turned our Interrupted into its own error (a C callback's SystemError)
            return _interrupted(signum)
        if os.environ.get("ALLIANCES_DEBUG"):
            raise
        print(f"alliances: internal error: {type(exc).__name__}: {terminal_safe(exc)}", file=sys.stderr)
        print("Set ALLIANCES_DEBUG=1 to see the traceback, and please report it.", file=sys.stderr)
        return 1
    return code if isinstance(code, int) else 0


def report_error(exc: AlliancesError) -> None:
    """Print an error the user can act on: one ``file:line: message`` line per problem.

    Every line goes through :func:`alliances._text.terminal_safe`: a value quoted from a
    file cannot forge a second line or reach the terminal as a control sequence.
    """
    if isinstance(exc, ScenarioError):
        for problem in exc.problems:
            print(terminal_safe(problem), file=sys.stderr)
    else:
        print(f"alliances: {terminal_safe(exc)}", file=sys.stderr)


def note(message: str) -> None:
    """A line for the user on stderr (``wrote out.svg``), control characters escaped."""
    print(terminal_safe(message), file=sys.stderr)


def emit_json(data: Any) -> None:
    """Print JSON on stdout: floats to 12 significant digits, no NaN or Infinity (they are not JSON), UTF-8 kept."""
    text = json.dumps(json_floats(data), indent=2, ensure_ascii=False, allow_nan=False)
    sys.stdout.write(text + "\n")


def emit_json_stream(chunks: Iterable[str]) -> None:
    """Print JSON that arrives in pieces (see :func:`alliances.report.risk_json_chunks`) on stdout as it comes."""
    write = sys.stdout.write
    for chunk in chunks:
        write(chunk)
    write("\n")


def finite(value: float | None) -> float | None:
    """An option callback refusing NaN and infinity (typer's ``min``/``max`` let NaN through)."""
    if value is not None and not math.isfinite(value):
        raise typer.BadParameter(f"{value} is not a finite number")
    return value


def console(width: int | None = None) -> Console:
    """A rich console on stdout (imported lazily: only commands that print tables pay for it).

    It reads no markup (``[red]``) or emoji codes (``:warning:``) in the strings it
    prints and highlights nothing: what a report hands it is shown as written. When the
    reader goes away (``| head``) it stops quietly, as every command does, instead of
    rich's exit 1.
    """
    from rich.console import Console

    out = Console(highlight=False, soft_wrap=False, markup=False, emoji=False, width=width)
    setattr(out, "on_broken_pipe", _raise_output_closed)  # noqa: B010 - an instance's own handler
    return out


def _raise_output_closed() -> None:
    raise _OutputClosed


def print_tables(items: Any) -> None:
    """Print a report's renderables (tables, headings) in order on one stdout console.

    A plain string among them is shown literally, control characters escaped.
    """
    from ..report import literal

    out = console()
    for item in items:
        out.print(literal(item) if isinstance(item, str) else item)


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
    note(f"alliances: {eng.cluster()}: {read}{eng.rows_to_driver:,} rows came back to the driver "
         "(distinct actor names, pair-window sums)")


def load_scenario(path: Path) -> AllianceNetwork:
    """Load a scenario file given on the command line (errors become exit code 2)."""
    return load(path)
