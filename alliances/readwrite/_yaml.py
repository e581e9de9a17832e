"""One strict YAML reader for every file the package reads: scenarios, fragments, risk models, mappings.

The reader works on PyYAML's composed node tree (safe loader only: nothing in a file is
ever executed), so every problem carries its line, and it collects problems instead of
stopping at the first. It refuses what plain data never needs and what makes reading
unsafe or slow: anchors and aliases (exponential "billion laughs" files), tags other than
YAML's standard ones, duplicate keys (PyYAML would silently keep the last) and values
YAML 1.1 silently turns into booleans, numbers or dates where text is expected
(``id: no``). File-format readers subclass :class:`StrictYamlReader` and add the walk
of their own document.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .._checks import ACTOR_ID
from .._text import did_you_mean
from ..errors import Problem, ScenarioError

__all__ = [
    "BOOL",
    "DATE",
    "FLOAT",
    "INT",
    "NULL",
    "STR",
    "StrictYamlReader",
    "a_phrase",
    "construct",
    "decode_text",
    "describe",
    "is_blank",
    "is_null",
    "read_text_file",
]

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVED: dict[str, str] = {}  # plain scalar text -> its YAML 1.1 tag
_RESOLVED_MAX = 100_000


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """The safe loader, with the tag of a plain scalar looked up once per distinct text.

    Composing calls ``resolve`` (Python regexes) for every scalar, which is about a
    third of the time of reading a large file; scenario files repeat the same words
    (``ally``, ``state``, ids, weights) thousands of times. The safe loader has no
    path resolvers, so a plain scalar's tag depends on its text alone.
    """

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode and implicit[0]:
            tag = _RESOLVED.get(value)
            if tag is None:
                tag = super().resolve(kind, value, implicit)
                if len(_RESOLVED) < _RESOLVED_MAX:
                    _RESOLVED[value] = tag
            return tag
        return super().resolve(kind, value, implicit)
# Ids name things other entries refer to: lowercase words, so they are easy to type and to match.
_ID = ACTOR_ID
STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
DATE = "tag:yaml.org,2002:timestamp"
_TAG_NAMES = {INT: "a number", FLOAT: "a number", BOOL: "a boolean", NULL: "null", DATE: "a date"}
# Tags a file may write explicitly (``!!str no`` is a way to quote); any other tag is rejected.
_STANDARD_TAGS = {
    None, "!", STR, INT, FLOAT, BOOL, NULL, DATE, "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map",
}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_YEAR = re.compile(r"\d{4}\Z")



class StrictYamlReader:
    """Walks a composed YAML node tree, collecting problems instead of stopping.

    Parameters
    ----------
    filename : str
        The name problems carry (``file:line: message``).
    empty : str, optional
        The message for a file with nothing in it but blanks and comments.
    document : str, optional
        What the file is, in messages ("a scenario holds plain data").

    Attributes
    ----------
    problems : list of Problem
        Every problem found so far, in the order found.

    Examples
    --------
    >>> r = StrictYamlReader("m.yaml")
    >>> root = r.compose("a: 1\\nb: &x 2\\nc: *x\\n")
    >>> root is None, [str(p) for p in r.problems]
    (True, ["m.yaml:2: YAML anchor '&x' is not allowed: write the value out", "m.yaml:3: YAML alias '*x' is not allowed: write the value out"])
    >>> r = StrictYamlReader("m.yaml")
    >>> fields = r.mapping(r.compose("name: x\\nname: y\\n"), "the file", {"name"}, ())
    >>> [str(p) for p in r.problems]
    ["m.yaml:2: duplicate key 'name' in the file (first at line 1)"]
    """

    def __init__(self, filename: str, *, empty: str = "empty file", document: str = "the file"):
        self.file = filename
        self.document = document
        self.problems: list[Problem] = []
        self.empty = empty
        self._text = ""

    # -- problems ----------------------------------------------------------
    def err(self, node: yaml.Node | int | None, message: str) -> None:
        if isinstance(node, yaml.Node):
            line: int | None = node.start_mark.line + 1
        else:
            line = node
        self.problems.append(Problem(self.file, line, message))

    # -- YAML --------------------------------------------------------------
    def compose(self, text: str) -> yaml.Node | None:
        self._text = text
        if is_blank(text):
            self.err(None, self.empty)
            return None
        # Anchors, aliases and tags are found on the event stream, before anything is
        # built: a "billion laughs" file is rejected in the time it takes to scan it.
        if "&" in text or "*" in text or "!" in text:
            try:
                for event in yaml.parse(text, Loader=_Loader):
                    line = event.start_mark.line + 1 if event.start_mark is not None else None
                    if isinstance(event, yaml.AliasEvent):
                        self.err(line, f"YAML alias '*{event.anchor}' is not allowed: write the value out")
                    elif isinstance(event, yaml.NodeEvent):
                        if event.anchor is not None:
                            self.err(line, f"YAML anchor '&{event.anchor}' is not allowed: write the value out")
                        tag = getattr(event, "tag", None)
                        if tag not in _STANDARD_TAGS:
                            self.err(line, f"YAML tag '{tag}' is not allowed: {self.document} holds plain data")
            except yaml.YAMLError as exc:
                self._yaml_error(exc)
                return None
            if self.problems:
                return None
        try:
            root = yaml.compose(text, Loader=_Loader)
        except yaml.YAMLError as exc:
            self._yaml_error(exc)
            return None
        if root is None or (is_null(root) and not root.value):  # nothing, or a bare "---"
            self.err(None, self.empty)
            return None
        return root

    def _yaml_error(self, exc: yaml.YAMLError) -> None:
        if isinstance(exc, yaml.reader.ReaderError):
            # A character YAML does not accept: there is no mark, only a position in the text.
            line = self._text[: exc.position].count("\n") + 1
            self.err(line, f"YAML syntax error: character {_char(exc.character)} is not allowed ({exc.reason})")
            return
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        context = getattr(exc, "context", None)
        message = f"YAML syntax error: {problem}" + (f" ({context})" if context else "")
        self.err(mark.line + 1 if mark is not None else None, message)

    # -- typed access --------------------------------------------------------
    def mapping(
        self, node: yaml.Node, where: str, allowed: set[str], required: tuple[str, ...]
    ) -> dict[str, yaml.Node] | None:
        if not isinstance(node, yaml.MappingNode):
            self.err(node, f"{a_phrase(where)} must be a mapping of fields, not {describe(node)}")
            return None
        out: dict[str, yaml.Node] = {}
        lines: dict[str, int] = {}
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode) or key.tag not in (STR, BOOL, INT, NULL, FLOAT):
                self.err(key, f"{a_phrase(where)}: field names must be plain words")
                continue
            name = key.value
            if name in lines:
                self.err(key, f"duplicate key '{name}' in {a_phrase(where)} (first at line {lines[name]})")
                continue
            lines[name] = key.start_mark.line + 1
            if name not in allowed:
                self.err(key, f"unknown field '{name}' in {a_phrase(where)}{did_you_mean(name, sorted(allowed))}")
                continue
            out[name] = value
        for name in required:
            if name not in out and name not in lines:
                self.err(node, f"{a_phrase(where)} is missing the required field '{name}'")
        return out

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node] | None:
        if isinstance(node, yaml.SequenceNode):
            return list(node.value)
        if is_null(node):
            return []
        self.err(node, f"{what} must be a list, not {describe(node)}")
        return None

    def text(self, node: yaml.Node | None, what: str, *, optional: bool = True) -> str | None:
        if node is None or (optional and is_null(node)):
            return None
        if is_null(node) and not node.value:
            self.err(node, f"{what} has no value")
            return None
        if isinstance(node, yaml.ScalarNode) and node.tag == STR:
            if not node.value.strip():
                self.err(node, f"{what} is empty")
                return None
            return node.value
        if isinstance(node, yaml.ScalarNode) and not node.style and node.tag in _TAG_NAMES:
            self.err(
                node,
                f"{what} must be text, but YAML reads the unquoted {node.value!r} as {_TAG_NAMES[node.tag]}: "
                f"quote it, as \"{node.value}\"",
            )
            return None
        self.err(node, f"{what} must be text, not {describe(node)}")
        return None

    def ident(self, node: yaml.Node | None, what: str) -> str | None:
        value = self.text(node, what, optional=False)
        if value is None:
            return None
        if not _ID.match(value):
            suggestion = re.sub(r"[^a-z0-9_]+", "_", value.lower()).strip("_")
            hint = f" (for example '{suggestion}')" if suggestion and _ID.match(suggestion) else ""
            self.err(node, f"{what} {value!r} may only use lowercase letters, digits and _{hint}")
            return None
        return value

    def choice(self, node: yaml.Node, what: str, choices: list[str]) -> str | None:
        value = self.text(node, what, optional=False)
        if value is None:
            return None
        if value not in choices:
            self.err(
                node,
                f"unknown {what} {value!r} (expected one of: {', '.join(choices)}){did_you_mean(value, choices)}",
            )
            return None
        return value

    def fraction(self, node: yaml.Node | None, what: str) -> float | None:
        if node is None or is_null(node):
            return None
        if not (isinstance(node, yaml.ScalarNode) and node.tag in (INT, FLOAT)):
            self.err(node, f"{what} must be a number in (0, 1], not {describe(node)}")
            return None
        try:
            value = float(construct(node))
        except (ValueError, TypeError, OverflowError, ArithmeticError):
            value = float("nan")
        if not 0 < value <= 1:
            self.err(node, f"{what} {node.value} is out of range: it must be greater than 0 and at most 1")
            return None
        return value

    def day(self, node: yaml.Node | None, what: str) -> dt.date | None:
        """An ISO date (``2017-09-05``), or None with a problem recorded."""
        value = self.date(node, what)
        return value if isinstance(value, dt.date) else None

    def date(self, node: yaml.Node | None, what: str, *, allow_year: bool = False) -> int | dt.date | None:
        if node is None or is_null(node):
            return None
        if isinstance(node, yaml.ScalarNode):
            text = node.value.strip()
            if node.tag == DATE:
                try:
                    value = construct(node)
                except (ValueError, TypeError, AttributeError, OverflowError):
                    self.err(node, f"{what} {text!r} is not a date in the calendar")
                    return None
                return value.date() if isinstance(value, dt.datetime) else value
            if node.tag in (INT, STR) and allow_year and _YEAR.match(text) and int(text) >= 1:
                return int(text)
            if node.tag == STR and _ISO_DATE.match(text):
                try:
                    return dt.date.fromisoformat(text)
                except ValueError:
                    self.err(node, f"{what} {text!r} is not a date in the calendar")
                    return None
        form = "a year (2013) or an ISO date (2013-05-01)" if allow_year else "an ISO date (2017-09-05)"
        shown = repr(node.value) if isinstance(node, yaml.ScalarNode) else describe(node)
        self.err(node, f"{what} must be {form}, not {shown}")
        return None


def a_phrase(what: str) -> str:
    """``"an actor"``, ``"a relation"``; names that are already phrases stay as they are."""
    if what.startswith(("the ", "a ", "an ", "'")):
        return what
    return f"{'an' if what[0] in 'aeiou' else 'a'} {what}"


def _char(c: int | str) -> str:
    code = c if isinstance(c, int) else ord(c[:1] or "\0")
    return f"#x{code:04x}"


def is_blank(text: str) -> bool:
    """Whether a file's text holds nothing but blank lines and comments.

    Examples
    --------
    >>> is_blank("# a comment\\n\\n"), is_blank("a: 1")
    (True, False)
    """
    return not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines())


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == NULL


def describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if node.tag == STR:
        return f"the text {node.value!r}"
    if node.tag == NULL and not node.value:
        return "an empty value"
    return f"{_TAG_NAMES.get(node.tag, 'a value')} ({node.value!r})"


@cache
def _constructor() -> yaml.constructor.SafeConstructor:
    return yaml.SafeLoader("")


def construct(node: yaml.ScalarNode) -> Any:
    ctor = _constructor()
    return ctor.yaml_constructors[node.tag](ctor, node)



def read_text_file(
    path: str | os.PathLike[str], *, what: str = "file", error: type[ScenarioError] = ScenarioError
) -> str:
    """The text of a UTF-8 file (a BOM is dropped); each failure an ``error`` naming the file.

    A file that is missing, a folder or unreadable gives a problem without a line; text
    that is not UTF-8 gives the line of the first bad byte. ``what`` names the expected
    file in the folder message ("is a folder, not a scenario file").
    """
    name = os.fspath(path)
    try:
        raw = Path(name).read_bytes()
    except FileNotFoundError:
        raise error(Problem(name, None, "no such file")) from None
    except IsADirectoryError:
        raise error(Problem(name, None, f"is a folder, not a {what}")) from None
    except OSError as exc:
        raise error(Problem(name, None, f"cannot read: {exc.strerror or exc}")) from None
    return decode_text(raw, name, error=error)


def decode_text(raw: bytes, name: str, *, error: type[ScenarioError] = ScenarioError) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise error(Problem(name, line, "not valid UTF-8 text")) from None


