"""Running a command as the tests do: in this process, its output captured, never a traceback."""

from __future__ import annotations

from typing import Any

from alliances.cli import main


def run(capsys: Any, *args: Any) -> tuple[int, str, str]:
    """``alliances ARGS...``: the exit code, stdout and stderr (which must hold no traceback)."""
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err
