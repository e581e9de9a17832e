"""The ``alliances`` command: argument parsing only; every command calls the library.

Each sub-command lives in its own module below this package and registers itself on
:data:`app`. Exit codes: 0 success, 2 bad input or usage (``file:line: message`` on
stderr), 1 an internal failure.
"""

from __future__ import annotations

import sys

from ._common import app, run

# Importing a command module registers its commands on `app` (keep the list sorted).
from . import _backtest as backtest_cmd  # noqa: E402,F401  isort: skip
from . import _balance as balance_cmd  # noqa: E402,F401  isort: skip
from . import _draw as draw_cmd  # noqa: E402,F401  isort: skip
from . import _events as events_cmd  # noqa: E402,F401  isort: skip
from . import _extract as extract_cmd  # noqa: E402,F401  isort: skip
from . import _risk as risk_cmd  # noqa: E402,F401  isort: skip
from . import _scenario as scenario_cmds  # noqa: E402,F401  isort: skip

__all__ = ["app", "main"]


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns (and, as a console script, exits with) the exit code."""
    code = run(argv)
    if argv is None:
        sys.exit(code)
    return code
