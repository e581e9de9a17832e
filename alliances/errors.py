"""The exception tree of ``alliances``.

Every error the library raises on purpose derives from one root, so a caller can
catch them all with ``except AlliancesError``::

    AlliancesError                  the root; never raised itself
    ├── ScenarioError (ValueError)  a scenario (or model, or mapping) file is invalid;
    │                               carries every Problem found, each with file and line
    │   └── ModelFileError          a risk-model file is invalid
    ├── UnknownActorError (KeyError, ValueError)
    │                               an actor id given to a function is not in the network
    ├── ParameterError (ValueError) a function was called with an option it does not take
    ├── OutputError (ValueError)    an output path cannot be written (bad extension, no folder)
    └── EventDataError (ValueError) an event file cannot be read (unknown format, missing column)

The command line turns any of these into ``file:line: message`` lines on stderr and
exit code 2; anything else is an internal failure (exit code 1).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "AlliancesError",
    "EventDataError",
    "ModelFileError",
    "OutputError",
    "ParameterError",
    "Problem",
    "ScenarioError",
    "UnknownActorError",
]


class AlliancesError(Exception):
    """Root of every error raised on purpose by ``alliances``."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file.

    Parameters
    ----------
    file : str
        The file name as the user gave it (``"<string>"`` for text).
    line : int or None
        1-based line number, or None when the problem concerns the whole file.
    message : str
        What is wrong, naming the offending value.

    Examples
    --------
    >>> str(Problem("s.yaml", 3, "unknown stance 'foe'"))
    "s.yaml:3: unknown stance 'foe'"
    """

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}: {self.message}"


class ScenarioError(AlliancesError, ValueError):
    """An input file is invalid; ``problems`` lists everything found, in line order.

    Examples
    --------
    >>> err = ScenarioError([Problem("a.yaml", 2, "bad"), Problem("a.yaml", 1, "worse")])
    >>> print(err)
    a.yaml:1: worse
    a.yaml:2: bad
    """

    def __init__(self, problems: list[Problem] | Problem | str, *, file: str = "<string>"):
        if isinstance(problems, str):
            problems = [Problem(file, None, problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = sorted(problems, key=lambda p: (p.file, p.line or 0))
        super().__init__("\n".join(str(p) for p in self.problems))


class ModelFileError(ScenarioError):
    """A risk-model file (CPD tables) is invalid."""


class UnknownActorError(AlliancesError, KeyError, ValueError):
    """An actor id passed to a function is not in the network."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else "unknown actor"


class ParameterError(AlliancesError, ValueError):
    """A function was called with an option value it does not take (``k=0``, ``exact="yes"``)."""


class OutputError(AlliancesError, ValueError):
    """An output file cannot be written as asked."""


class EventDataError(AlliancesError, ValueError):
    """An event-data file cannot be read."""
