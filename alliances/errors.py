"""The exception tree of ``alliances``.

Every error the library raises on purpose derives from one root, so a caller can
catch them all with ``except AlliancesError``::

    AlliancesError                  the root; never raised itself
    ├── ScenarioError (ValueError)  a scenario (or model, or mapping) file is invalid;
    │                               carries every Problem found, each with file and line
    │   └── ModelFileError          a risk-model file is invalid
    ├── UnknownActorError (KeyError, ValueError)
    │   │                           an actor given to a function is not in the network
    │   └── AmbiguousActorError     a name given for an actor names several of them
    ├── ParameterError (ValueError) a function was called with a value it does not take
    │   │                           (out of range, NaN, an unknown choice, an invalid id)
    │   └── ParameterTypeError (TypeError)
    │                               ... or with a value of the wrong type (None, a list, text
    │                               for a number, an object for a network)
    ├── OutputError (ValueError)    an output path cannot be written (bad extension, no folder)
    └── EventDataError (ValueError) an event file cannot be read (unknown format, missing column)

The command line turns any of these into ``file:line: message`` lines on stderr and
exit code 2; anything else is an internal failure (exit code 1).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "AlliancesError",
    "AmbiguousActorError",
    "EventDataError",
    "ModelFileError",
    "OutputError",
    "ParameterError",
    "ParameterTypeError",
    "Problem",
    "ScenarioError",
    "UnknownActorError",
]


class AlliancesError(Exception):
    """Root of every error raised on purpose by ``alliances``.

    Parameters
    ----------
    *args
        The message, as for :class:`Exception`.

    Examples
    --------
    >>> import alliances
    >>> try:
    ...     alliances.loads("scenario: X\\nactors: []\\n", filename="x.yaml")
    ... except alliances.AlliancesError as err:
    ...     print(type(err).__name__, err)
    ScenarioError x.yaml:2: a scenario needs at least 2 actors
    """


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

    Parameters
    ----------
    problems : list of Problem, Problem or str
        What is wrong; a plain message becomes one problem without a line.
    file : str, optional
        The file a plain-message problem names.

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
    """A risk-model file (CPD tables) is invalid.

    Parameters
    ----------
    problems : list of Problem, Problem or str
        As for :class:`ScenarioError`.

    Examples
    --------
    >>> from alliances.risk import loads_risk_model
    >>> try:
    ...     loads_risk_model("nodes: 3\\n", filename="m.yaml")
    ... except ModelFileError as err:
    ...     print(err)
    m.yaml:1: 'nodes' must be a list, not a number ('3')
    m.yaml:1: the model needs an outcome node 'clash' with states [no, yes]
    """


class UnknownActorError(AlliancesError, KeyError, ValueError):
    """An actor passed to a function (by id, name, label or alias) is not in the network.

    Parameters
    ----------
    message : str
        Names the unknown actor (and a close match when there is one).

    Examples
    --------
    >>> import alliances
    >>> net = alliances.load("seeds/syria_2017.yaml")
    >>> try:
    ...     net.stance("assad", "nobody")
    ... except UnknownActorError as err:
    ...     print(err)
    unknown actor 'nobody'
    """

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else "unknown actor"


class AmbiguousActorError(UnknownActorError):
    """A name given for an actor is the name, label or alias of several actors.

    It is an :class:`UnknownActorError` (no one actor is known by that name), so code
    that catches that catches this too.

    Parameters
    ----------
    message : str
        Names the candidates, by id and name.
    candidates : tuple of str
        The ids of the actors the name could mean, sorted.

    Examples
    --------
    >>> err = AmbiguousActorError("'Kurds' names 2 actors: pkk, ypg", candidates=("pkk", "ypg"))
    >>> err.candidates, isinstance(err, UnknownActorError)
    (('pkk', 'ypg'), True)
    """

    def __init__(self, message: str, *, candidates: tuple[str, ...] = ()):
        super().__init__(message)
        self.candidates = tuple(candidates)


class ParameterError(AlliancesError, ValueError):
    """A function was called with an option value it does not take (``k=0``, ``exact="yes"``).

    Parameters
    ----------
    message : str
        The option, what it must be and the value given.

    Examples
    --------
    >>> import alliances
    >>> try:
    ...     alliances.factions(alliances.load("seeds/syria_2017.yaml"), k=0)
    ... except ParameterError as err:
    ...     print(err)
    k must be a positive integer, not 0
    """


class ParameterTypeError(ParameterError, TypeError):
    """A function was called with a value of the wrong type (``loads(None)``, ``k="3"``).

    It is a :class:`ParameterError` (so ``except ParameterError`` catches every bad
    argument) and a :class:`TypeError` (what Python raises for a wrong type).

    Parameters
    ----------
    message : str
        The argument, the type it must have and the value given.

    Examples
    --------
    >>> import alliances
    >>> try:
    ...     alliances.loads(None)
    ... except ParameterTypeError as err:
    ...     print(err, isinstance(err, TypeError), isinstance(err, ParameterError))
    text must be a str or bytes (YAML in the scenario format), not None True True
    """


class OutputError(AlliancesError, ValueError):
    """An output file cannot be written as asked.

    Raised before anything is written, so no half-written file is left behind.

    Parameters
    ----------
    message : str
        The path and what is wrong with it.

    Examples
    --------
    >>> import alliances
    >>> try:
    ...     alliances.export(alliances.load("seeds/syria_2017.yaml"), "out.xlsx")
    ... except OutputError as err:
    ...     print(err)
    out.xlsx: cannot tell the format from '.xlsx' (use one of .graphml, .gexf, .json)
    """


class EventDataError(AlliancesError, ValueError):
    """An event-data file cannot be read.

    Parameters
    ----------
    message : str
        ``file:line: message``, naming the format or the missing columns.

    Examples
    --------
    >>> import alliances, os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "events.csv")
    >>> with open(path, "w") as f:
    ...     _ = f.write("foo,bar\\n1,2\\n")
    >>> try:
    ...     alliances.read_events(path, format="ged")
    ... except EventDataError as err:
    ...     print(str(err).replace(path, "events.csv"))  # doctest: +ELLIPSIS
    events.csv:1: ... side_a, side_b, ...
    """
