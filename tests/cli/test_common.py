"""What every command shares: exit codes, error lines, JSON on stdout, --version, --help and usage lines."""

from __future__ import annotations

import json
import math
import subprocess
import sys

import pytest

import alliances
from alliances.cli import COMMANDS, _scenario, load_commands, main
from alliances.cli._common import emit_json, progress_bar, report_error
from alliances.errors import OutputError, Problem, ScenarioError
from tests._paths import SEED
from tests.cli._run import run


def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert (code, out) == (0, f"alliances {alliances.__version__}\n")


def test_version_is_read_only_when_asked():
    code = "import sys, alliances; print('importlib.metadata' in sys.modules, alliances.__version__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", alliances.__version__]


def test_the_command_table_names_the_module_of_every_command():
    app = load_commands()
    registered = {c.callback.__name__: c.callback.__module__ for c in app.registered_commands if c.callback}
    assert registered == {name: f"alliances.cli.{module}" for name, module in COMMANDS.items()}


@pytest.mark.parametrize(("args", "loaded"), [
    (["validate", str(SEED)], {"_scenario"}),
    (["--version"], set(COMMANDS.values())),
    (["--help"], set(COMMANDS.values())),
    (["valdate", str(SEED)], set(COMMANDS.values())),  # a typo: "did you mean" looks at every command
])
def test_a_command_loads_only_its_own_module(args, loaded):
    code = ("import sys; from alliances.cli import main; code = main(sys.argv[1:]); "
            "print(code, ' '.join(sorted(m for m in sys.modules if m.startswith('alliances.cli._'))))")
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True).stdout
    code_, *modules = out.splitlines()[-1].split()  # the last line: after what the command printed
    assert int(code_) == (2 if args[0] == "valdate" else 0)
    assert set(modules) == {f"alliances.cli.{m}" for m in loaded} | {"alliances.cli._common"}


def test_help(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("validate", "show", "schema", "export"):
        assert command in out
    code, out, _ = run(capsys, "validate", "--help")
    assert code == 0 and "--json" in out


@pytest.mark.parametrize("args", [[], ["validate"], ["bogus"], ["export", "x.yaml"], ["show", "--frobnicate"]])
def test_usage_errors_exit_2(capsys, args):
    code, _, err = run(capsys, *args)
    assert code == 2
    assert "internal error" not in err




USAGE = {
    "validate": "FILE...", "show": "FILE", "export": "FILE", "balance": "FILE", "risk": "FILE", "draw": "[FILE]",
    "events": "EVENTS...", "timeline": "SNAPSHOT...", "diff": "FIRST SECOND", "extract": "ARTICLE",
    "merge": "SCENARIO FRAGMENT", "backtest": "EVENTS...", "schema": "",
}


@pytest.mark.parametrize("command", sorted(USAGE))
def test_help_usage_line_and_width(capsys, monkeypatch, command):
    monkeypatch.setenv("COLUMNS", "80")
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"Usage: alliances {command} [OPTIONS] {USAGE[command]}".rstrip()
    assert max(len(line) for line in out.splitlines()) <= 80, out


def test_internal_failure_exits_1_with_a_plain_message(capsys, monkeypatch):
    def boom(path):
        raise RuntimeError("wires crossed")

    monkeypatch.setattr(_scenario, "load_scenario", boom)
    monkeypatch.delenv("ALLIANCES_DEBUG", raising=False)
    code, out, err = run(capsys, "show", SEED)
    assert code == 1 and out == ""
    assert err.splitlines() == ["alliances: internal error: RuntimeError: wires crossed",
                                "Set ALLIANCES_DEBUG=1 to see the traceback, and please report it."]
    monkeypatch.setenv("ALLIANCES_DEBUG", "1")
    with pytest.raises(RuntimeError, match="wires crossed"):
        main(["show", str(SEED)])


def test_interrupt_exits_130(capsys, monkeypatch):
    def interrupted(path):
        raise KeyboardInterrupt

    monkeypatch.setattr(_scenario, "load_scenario", interrupted)
    code, out, err = run(capsys, "show", SEED)  # no traceback (run checks)
    assert (code, out, err) == (130, "", "alliances: interrupted\n")


def test_a_signal_a_library_wraps_in_its_own_error_is_still_an_interruption(capsys, monkeypatch):
    # a SIGTERM landing in a C callback can come back as SystemError raised while handling it:
    # that is the user's signal (exit 143, one line), not an internal error (exit 1)
    from alliances.cli._common import Interrupted

    def wrapped(path):
        try:
            raise Interrupted(15)
        except Interrupted as exc:
            raise SystemError("<built-in method> returned a result with an exception set") from exc

    monkeypatch.setattr(_scenario, "load_scenario", wrapped)
    monkeypatch.setenv("ALLIANCES_DEBUG", "1")  # not re-raised either: it is no internal failure
    code, out, err = run(capsys, "show", SEED)
    assert (code, out, err) == (143, "", "alliances: interrupted (SIGTERM)\n")


def test_a_signal_swallowed_by_a_finalizer_still_interrupts(capsys, monkeypatch):
    # a handler that runs inside a __del__ raises where Python can only print the exception: the
    # command went on, wrote its output and exited 0 (a rare test_signals failure under load)
    import signal
    import time

    class Finalized:
        def __del__(self):
            signal.raise_signal(signal.SIGTERM)  # the handler runs here, inside the finalizer

    def slow_load(path):
        Finalized()  # dropped at once: its __del__ runs and swallows the Interrupted
        for _ in range(300):  # the rest of the work, long enough for the resent signal to land
            time.sleep(0.01)
        return real_load(path)

    real_load = _scenario.load_scenario
    monkeypatch.setattr(_scenario, "load_scenario", slow_load)
    code, out, err = run(capsys, "show", SEED)
    assert (code, out, err) == (143, "", "alliances: interrupted (SIGTERM)\n")


def test_report_error_one_line_per_problem(capsys):
    report_error(ScenarioError([Problem("a.yaml", 3, "bad stance"), Problem("a.yaml", 5, "unknown actor")]))
    report_error(OutputError("cannot write 'x.jpg'"))
    assert capsys.readouterr().err.splitlines() == [
        "a.yaml:3: bad stance", "a.yaml:5: unknown actor", "alliances: cannot write 'x.jpg'"]


def test_emit_json_is_strict_and_keeps_unicode(capsys):
    emit_json({"name": "Hay\u02bcat Tahrir al-Sham", "p": None})
    out = capsys.readouterr().out
    assert json.loads(out) == {"name": "Hay\u02bcat Tahrir al-Sham", "p": None} and "\u02bc" in out
    emit_json({"p": math.nan, "q": [math.inf]})  # not JSON: written as null, never NaN
    assert capsys.readouterr().out == '{\n  "p": null,\n  "q": [\n    null\n  ]\n}\n'


def test_progress_bar_only_when_enabled():
    with progress_bar("work", False) as update:
        assert update is None


@pytest.mark.parametrize("args", [["show"], ["risk", "--json"]])
def test_a_reader_that_stops_early_is_no_failure(tmp_path, args):
    # alliances ... | head -1: the rest of the output has nowhere to go, and that is fine
    import subprocess
    import sys

    lines = ["scenario: Many", "actors:", *(f"  - {{id: a{i:03d}, name: Actor {i}, kind: state}}" for i in range(300)),
             "relations:", *(f"  - {{actors: [a{i:03d}, a{i + 1:03d}], stance: ally}}" for i in range(299))]
    path = tmp_path / "many.yaml"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    code = "import sys; from alliances.cli import main; sys.exit(main(sys.argv[1:]))"
    child = subprocess.Popen([sys.executable, "-c", code, args[0], str(path), *args[1:]],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None and child.stderr is not None
    assert child.stdout.readline()
    child.stdout.close()
    err = child.stderr.read()
    assert (child.wait(timeout=120), err) == (0, b"")
