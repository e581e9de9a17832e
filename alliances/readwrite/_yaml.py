"""One strict YAML reader for every file the package reads: scenarios, fragments, risk models, mappings.

The reader works on PyYAML's composed node tree (safe loader only: nothing in a file is
ever executed), so every problem carries its line, and it collects problems instead of
stopping at the first. It refuses what plain data never needs and what makes reading
unsafe or slow: anchors and aliases (exponential "billion laughs" files), tags other than
YAML's standard ones, duplicate keys (PyYAML would silently keep the last) and values
YAML 1.1 silently turns into booleans, numbers or dates where text is expected
(``id: no``). File-format readers subclass :class:`StrictYamlReader` and add the walk
of their own document.

Two limits keep a hostile or careless file from exhausting the machine: nesting deeper
than :data:`MAX_DEPTH` levels is refused, and so is a file larger than
:func:`~alliances.readwrite.max_file_bytes` (64 MB unless the ``ALLIANCES_MAX_FILE_MB``
environment variable says otherwise), which :func:`~alliances.readwrite.read_text_file`
checks while reading the file. The node tree is
built from the parser's events into small nodes (a line and two positions each, no
marks), and a reader can take the items of a top-level list one at a time as they are
read, without keeping them (``compose(text, stream=...)``): a large scenario is read in
a few times its size in memory.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

import yaml

from .._checks import ACTOR_ID
from .._records import parse_date
from .._text import did_you_mean
from ..errors import Problem
from ._textfile import max_file_bytes, oversize_message

__all__ = [
    "BOOL",
    "DATE",
    "FLOAT",
    "INT",
    "MAX_DEPTH",
    "NULL",
    "STR",
    "StrictYamlReader",
    "a_phrase",
    "construct",
    "describe",
    "is_blank",
    "is_null",
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
# A line whose first character is neither blank nor a comment (lines end where str.splitlines ends them).
_CONTENT = re.compile(r"(?:\A|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029])\s*[^#\s]")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_YEAR = re.compile(r"\d{4}\Z")
_ISO_MONTH = re.compile(r"\d{4}-\d{2}\Z")
_FLOW_OPENERS = {"while parsing a flow sequence": "[", "while parsing a flow mapping": "{"}

MAX_DEPTH = 100
"""Lists and mappings nested deeper than this are refused (a scenario needs five levels)."""
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"


class _Mark:
    """Where a node starts: its 0-based line and its position in the text (characters)."""

    __slots__ = ("line", "index")

    def __init__(self, line: int, index: int):
        self.line, self.index = line, index


# Nodes with slots instead of marks: PyYAML's own nodes carry two Mark objects each, about
# 75 times the file's size for a whole tree; these carry a line and two positions.
class _Positioned:
    __slots__ = ("tag", "value", "line", "start", "end")
    tag: str
    value: Any
    line: int
    start: int
    end: int

    @property
    def start_mark(self) -> _Mark:
        return _Mark(self.line, self.start)


class _Scalar(_Positioned, yaml.ScalarNode):  # type: ignore[misc]  # start_mark is a property here
    __slots__ = ("style",)

    def __init__(self, tag: str, value: str, style: str | None, line: int, start: int, end: int):
        self.tag, self.value, self.style = tag, value, style
        self.line, self.start, self.end = line, start, end


class _Open(_Positioned):
    """A list or mapping being read: its items (a mapping's keys and values in turn) until its end."""

    __slots__ = ("flow_style",)

    def __init__(self, tag: str, flow_style: bool | None, line: int, start: int):
        self.tag, self.value, self.flow_style = tag, [], flow_style
        self.line, self.start, self.end = line, start, start


class _Sequence(_Open, yaml.SequenceNode):  # type: ignore[misc]
    __slots__ = ()


class _Mapping(_Open, yaml.MappingNode):  # type: ignore[misc]
    __slots__ = ()


class _Refused(Exception):
    """Composition stops: a problem was recorded that makes the rest meaningless."""


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
    streamed : dict of str to int
        After :meth:`compose` with ``stream``: how many items of each streamed list
        were handed over.

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
        self.streamed: dict[str, int] = {}

    # -- problems ----------------------------------------------------------
    def err(self, node: yaml.Node | int | None, message: str) -> None:
        if isinstance(node, yaml.Node):
            line: int | None = node.start_mark.line + 1
        else:
            line = node
        self.problems.append(Problem(self.file, line, message))

    # -- YAML --------------------------------------------------------------
    def compose(
        self, text: str, *, stream: Mapping[str, Callable[[yaml.Node], object]] | None = None
    ) -> yaml.Node | None:
        """The document's node tree, or None when it cannot be read (the problems say why).

        Anchors, aliases and tags are refused as they are met in the parser's events, so
        a "billion laughs" file costs the time it takes to scan it; nesting deeper than
        :data:`MAX_DEPTH` and text longer than :func:`max_file_bytes` are refused.

        Parameters
        ----------
        text : str
            The YAML text.
        stream : mapping of str to callable, optional
            Top-level keys whose list items are handed to the callable, each as soon as
            it is read, instead of being kept in the tree: the list's node in the tree
            stays empty and :attr:`streamed` counts the items handed over. Only the first
            occurrence of a key is streamed (a later one is a duplicate key).

        Returns
        -------
        yaml.Node or None
            The root node: PyYAML node classes, with ``start_mark.line`` and ``tag``,
            ``value`` (and ``style`` or ``flow_style``) as PyYAML's.
        """
        self._text = text
        self.streamed = {}
        self._item_problems: set[int] = set()
        limit = max_file_bytes()
        if len(text) > limit:
            self.err(None, oversize_message(len(text), limit))
            return None
        if is_blank(text):
            self.err(None, self.empty)
            return None
        before = len(self.problems)
        try:
            root = self._compose(text, stream or {})
        except yaml.YAMLError as exc:
            # Items read before the syntax error may look wrong only because of it (an
            # item cut short by a bad indentation): the syntax error alone is reported.
            self.problems[before:] = [p for p in self.problems[before:] if id(p) not in self._item_problems]
            self._yaml_error(exc)
            return None
        except _Refused:
            return None
        if root is None or (is_null(root) and not root.value):  # nothing, or a bare "---"
            self.err(None, self.empty)
            return None
        return root

    def _compose(self, text: str, stream: Mapping[str, Callable[[yaml.Node], object]]) -> yaml.Node | None:
        loader = _Loader(text)
        try:
            return self._walk_events(loader, stream)
        finally:
            loader.dispose()

    def _walk_events(self, loader: Any, stream: Mapping[str, Callable[[yaml.Node], object]]) -> yaml.Node | None:
        get_event, resolve = loader.get_event, loader.resolve
        open_nodes: list[_Open] = []
        sinks: list[Callable[[yaml.Node], object] | None] = []
        seen_top: set[str] = set()
        root: yaml.Node | None = None
        refused = False  # after an anchor, alias or tag: keep scanning to report them all, build nothing
        depth = documents = 0
        while True:
            event = get_event()
            kind = type(event)
            node: yaml.Node
            if kind is yaml.ScalarEvent:
                refused |= self._refuse(event)
                if refused:
                    continue
                value, tag, mark = event.value, event.tag, event.start_mark
                if tag is None or tag == "!":
                    tag = resolve(yaml.ScalarNode, value, event.implicit)
                node = _Scalar(tag, value, event.style, mark.line, mark.index, event.end_mark.index)
            elif kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
                refused |= self._refuse(event)
                depth += 1
                if depth > MAX_DEPTH:
                    self.err(event.start_mark.line + 1, self._too_deep())
                    raise _Refused
                if refused:
                    continue
                mark = event.start_mark
                if kind is yaml.SequenceStartEvent:
                    opened: _Open = _Sequence(event.tag or _SEQ, event.flow_style, mark.line, mark.index)
                    sinks.append(self._sink(open_nodes, stream, seen_top))
                else:
                    opened = _Mapping(event.tag or _MAP, event.flow_style, mark.line, mark.index)
                    sinks.append(None)
                open_nodes.append(opened)
                continue
            elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
                depth -= 1
                if refused:
                    continue
                closed = open_nodes.pop()
                sinks.pop()
                closed.end = event.end_mark.index
                if kind is yaml.MappingEndEvent:
                    items = closed.value
                    closed.value = list(zip(items[0::2], items[1::2], strict=True))
                node = closed  # type: ignore[assignment]
            elif kind is yaml.AliasEvent:
                self.err(event.start_mark.line + 1, f"YAML alias '*{event.anchor}' is not allowed: write the value out")
                refused = True
                continue
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    self.err(event.start_mark.line + 1,
                             "YAML syntax error: expected a single document in the file, but found another document")
                    raise _Refused
                continue
            elif kind is yaml.StreamEndEvent:
                break
            else:
                continue
            if not open_nodes:
                root = node
                continue
            parent = open_nodes[-1]
            sink = sinks[-1]
            if sink is not None:
                sink(node)
                continue
            if len(open_nodes) == 1 and isinstance(parent, yaml.MappingNode) and len(parent.value) % 2:
                key = parent.value[-1]
                if isinstance(key, yaml.ScalarNode):
                    seen_top.add(key.value)
            parent.value.append(node)
        if refused:
            raise _Refused
        return root

    def _sink(
        self, open_nodes: list[_Open], stream: Mapping[str, Callable[[yaml.Node], object]], seen_top: set[str]
    ) -> Callable[[yaml.Node], object] | None:
        """The callable for the items of a list opening now, when it is a streamed top-level value."""
        if len(open_nodes) != 1 or not stream:
            return None
        parent = open_nodes[0]
        if not isinstance(parent, yaml.MappingNode) or not len(parent.value) % 2:
            return None
        key = parent.value[-1]
        if not isinstance(key, yaml.ScalarNode) or key.value not in stream or key.value in seen_top:
            return None
        name, handle = key.value, stream[key.value]
        self.streamed[name] = 0

        def take(item: yaml.Node) -> None:
            self.streamed[name] += 1
            before = len(self.problems)
            handle(item)
            self._item_problems.update(id(p) for p in self.problems[before:])

        return take

    def _too_deep(self) -> str:
        return f"lists and mappings nested more than {MAX_DEPTH} levels deep: {self.document} never needs that many"

    def _refuse(self, event: Any) -> bool:
        """Record an anchor or a non-standard tag on a node event; whether there was one."""
        line = event.start_mark.line + 1
        found = False
        if event.anchor is not None:
            self.err(line, f"YAML anchor '&{event.anchor}' is not allowed: write the value out")
            found = True
        if event.tag not in _STANDARD_TAGS:
            self.err(line, f"YAML tag '{event.tag}' is not allowed: {self.document} holds plain data")
            found = True
        return found

    def _yaml_error(self, exc: yaml.YAMLError) -> None:
        if isinstance(exc, yaml.reader.ReaderError):
            # A character YAML does not accept: there is no mark, only a position in the text.
            line = self._text[: exc.position].count("\n") + 1
            self.err(line, f"YAML syntax error: character {_char(exc.character)} is not allowed ({exc.reason})")
            return
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        if "maximum nesting depth" in problem:  # libyaml's own limit (1,000), met while scanning ahead
            self.err(mark.line + 1 if mark is not None else None, self._too_deep())
            return
        context = getattr(exc, "context", None)
        opened = getattr(exc, "context_mark", None)
        if (context in _FLOW_OPENERS and opened is not None and mark is not None and opened.line < mark.line):
            # An unclosed '[' or '{' is found only on a later line: report it where it was opened.
            bracket = _FLOW_OPENERS[context]
            self.err(opened.line + 1, f"YAML syntax error: the '{bracket}' opened on this line (column "
                                      f"{opened.column + 1}) is not closed: {problem} by line {mark.line + 1}")
            return
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
        """A date; with ``allow_year`` also a year (an ``int``) or a month (a :class:`~alliances.Month`).

        The precision written is kept (:func:`alliances._records.parse_date`).
        """
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
            # years 1000 to 9999: the schema's rule and the records' (Relation checks its period)
            if node.tag in (INT, STR) and allow_year and _YEAR.match(text) and int(text) >= 1000:
                return int(text)
            if node.tag == STR and (_ISO_DATE.match(text) or (allow_year and _ISO_MONTH.match(text))):
                try:
                    return parse_date(text)
                except ValueError:
                    self.err(node, f"{what} {text!r} is not a date in the calendar")
                    return None
        form = ("a year (2013), a month (2013-05) or an ISO date (2013-05-01)" if allow_year
                else "an ISO date (2017-09-05)")
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
    # A search, not a split into lines: a large file is not copied to answer.
    return _CONTENT.search(text) is None


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
