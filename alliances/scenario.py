"""Read, validate and write scenario files (YAML, format version 1).

A scenario file describes actors, their relations, the theaters they operate in and
the sources the evidence cites; the format is documented in the README and published
as a JSON Schema (:func:`scenario_schema`, ``alliances schema``).

Reading is strict and reports every problem at once, each as ``file:line: message``:
YAML syntax, duplicate keys (PyYAML would silently keep the last), anchors and aliases
(they allow exponential "billion laughs" files), values YAML 1.1 silently turns into
booleans, numbers or dates where text is expected (``id: no``), missing and unknown
fields, wrong types, bad or duplicate ids, references to unknown actors, theaters or
sources, self-relations, two relations for one pair, out-of-range numbers and periods
that end before they start. Only PyYAML's safe loader is used: nothing in a file is
ever executed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ._files import write_text_atomic
from ._text import did_you_mean
from .errors import Problem, ScenarioError
from .network import Actor, ActorKind, AllianceNetwork, Evidence, Relation, Source, Stance, Theater

__all__ = [
    "SUPPORTED_VERSIONS",
    "dump",
    "dumps",
    "load",
    "loads",
    "network_to_dict",
    "read_text_file",
    "scenario_schema",
    "write_text_atomic",
]

SUPPORTED_VERSIONS = (1,)

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
_ID = re.compile(r"[a-z0-9_]+\Z")
# Source ids are often citation keys ("reuters-2017-09-05"): hyphens, dots and colons are fine.
_SOURCE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]*\Z")
_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_DATE = "tag:yaml.org,2002:timestamp"
_TAG_NAMES = {_INT: "a number", _FLOAT: "a number", _BOOL: "a boolean", _NULL: "null", _DATE: "a date"}
# Tags a file may write explicitly (``!!str no`` is a way to quote); any other tag is rejected.
_STANDARD_TAGS = {
    None, "!", _STR, _INT, _FLOAT, _BOOL, _NULL, _DATE, "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map",
}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_YEAR = re.compile(r"\d{4}\Z")

_TOP = {"version", "scenario", "as_of", "description", "notes", "sources", "theaters", "actors", "relations"}
_SOURCE = {"id", "title", "publisher", "date", "url", "notes"}
_THEATER = {"id", "name", "notes"}
_ACTOR = {"id", "name", "label", "kind", "aliases", "theaters", "notes"}
_RELATION = {"actors", "stance", "weight", "confidence", "kind", "since", "until", "evidence", "notes"}
_EVIDENCE = {"source", "note"}


# --------------------------------------------------------------------------- reading
def load(path: str | os.PathLike[str]) -> AllianceNetwork:
    """Read and validate a scenario file.

    Parameters
    ----------
    path : str or path-like
        A YAML scenario file (format version 1).

    Returns
    -------
    AllianceNetwork

    Raises
    ------
    ScenarioError
        With every problem found (``err.problems``), each naming file and line.

    Examples
    --------
    >>> import alliances
    >>> net = alliances.load("seeds/syria_2017.yaml")
    >>> len(net.actors), net.as_of.isoformat()
    (8, '2017-09-05')
    """
    name = os.fspath(path)
    return loads(read_text_file(name, what="scenario file"), filename=name)


def loads(text: str | bytes, *, filename: str = "<string>") -> AllianceNetwork:
    """Read and validate a scenario from YAML text.

    Parameters
    ----------
    text : str or bytes
        YAML in the scenario format (bytes must be UTF-8).
    filename : str, optional
        Name used in problem messages.

    Returns
    -------
    AllianceNetwork

    Raises
    ------
    ScenarioError
        With every problem found.

    Examples
    --------
    >>> text = '''
    ... scenario: X
    ... actors:
    ...   - {id: asad, name: A, kind: state}
    ...   - {id: iran, name: B, kind: stat}
    ... relations:
    ...   - {actors: [assad, iran], stance: ally}
    ... '''
    >>> try:
    ...     loads(text, filename="x.yaml")
    ... except ScenarioError as err:
    ...     print(err)
    x.yaml:5: unknown kind 'stat' (expected one of: state, coalition, armed_group, militia, international_org, other) (did you mean 'state'?)
    x.yaml:7: unknown actor 'assad' (did you mean 'asad'?)
    """
    if isinstance(text, bytes | bytearray):
        text = _decode(bytes(text), filename)
    reader = _Reader(filename)
    root = reader.compose(text)
    if root is None:
        raise ScenarioError(reader.problems)
    net = reader.network(root)
    if reader.problems or net is None:
        raise ScenarioError(reader.problems)
    return net


@dataclass
class _Seen:
    line: int


class _Reader:
    """Walks the composed YAML node tree, collecting problems instead of stopping."""

    def __init__(self, filename: str):
        self.file = filename
        self.problems: list[Problem] = []
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
        if not text.strip() or all(
            not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
        ):
            self.err(None, "empty file: a scenario needs at least 'scenario' and 'actors'")
            return None
        # Anchors, aliases and tags are found on the event stream, before anything is
        # built: a "billion laughs" file is rejected in the time it takes to scan it.
        if "&" in text or "*" in text or "!" in text:
            try:
                for event in yaml.parse(text, Loader=_Loader):
                    if isinstance(event, yaml.AliasEvent):
                        self.err(event.start_mark.line + 1, f"YAML alias '*{event.anchor}' is not allowed: write the value out")
                    elif isinstance(event, yaml.NodeEvent):
                        if event.anchor is not None:
                            self.err(event.start_mark.line + 1, f"YAML anchor '&{event.anchor}' is not allowed: write the value out")
                        if getattr(event, "tag", None) not in _STANDARD_TAGS:
                            self.err(event.start_mark.line + 1, f"YAML tag '{event.tag}' is not allowed: a scenario holds plain data")
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
        if root is None or (_is_null(root) and not root.value):  # nothing, or a bare "---"
            self.err(None, "empty file: a scenario needs at least 'scenario' and 'actors'")
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
            self.err(node, f"{_a(where)} must be a mapping of fields, not {_describe(node)}")
            return None
        out: dict[str, yaml.Node] = {}
        lines: dict[str, int] = {}
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode) or key.tag not in (_STR, _BOOL, _INT, _NULL, _FLOAT):
                self.err(key, f"{_a(where)}: field names must be plain words")
                continue
            name = key.value
            if name in lines:
                self.err(key, f"duplicate key '{name}' in {_a(where)} (first at line {lines[name]})")
                continue
            lines[name] = key.start_mark.line + 1
            if name not in allowed:
                self.err(key, f"unknown field '{name}' in {_a(where)}{did_you_mean(name, sorted(allowed))}")
                continue
            out[name] = value
        for name in required:
            if name not in out and name not in lines:
                self.err(node, f"{_a(where)} is missing the required field '{name}'")
        return out

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node] | None:
        if isinstance(node, yaml.SequenceNode):
            return list(node.value)
        if _is_null(node):
            return []
        self.err(node, f"{what} must be a list, not {_describe(node)}")
        return None

    def text(self, node: yaml.Node | None, what: str, *, optional: bool = True) -> str | None:
        if node is None or (optional and _is_null(node)):
            return None
        if _is_null(node) and not node.value:
            self.err(node, f"{what} has no value")
            return None
        if isinstance(node, yaml.ScalarNode) and node.tag == _STR:
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
        self.err(node, f"{what} must be text, not {_describe(node)}")
        return None

    def ident(self, node: yaml.Node | None, what: str) -> str | None:
        value = self.text(node, what, optional=False)
        if value is None:
            return None
        if "source" in what:
            if not _SOURCE_ID.match(value):
                self.err(node, f"{what} {value!r} may only use letters, digits and _ . : -")
                return None
            return value
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
        if node is None or _is_null(node):
            return None
        if not (isinstance(node, yaml.ScalarNode) and node.tag in (_INT, _FLOAT)):
            self.err(node, f"{what} must be a number in (0, 1], not {_describe(node)}")
            return None
        try:
            value = float(_construct(node))
        except (ValueError, TypeError, OverflowError, ArithmeticError):
            value = float("nan")
        if not 0 < value <= 1:
            self.err(node, f"{what} {node.value} is out of range: it must be greater than 0 and at most 1")
            return None
        return value

    def date(self, node: yaml.Node | None, what: str, *, allow_year: bool = False) -> int | dt.date | None:
        if node is None or _is_null(node):
            return None
        if isinstance(node, yaml.ScalarNode):
            text = node.value.strip()
            if node.tag == _DATE:
                try:
                    value = _construct(node)
                except (ValueError, TypeError, AttributeError, OverflowError):
                    self.err(node, f"{what} {text!r} is not a date in the calendar")
                    return None
                return value.date() if isinstance(value, dt.datetime) else value
            if node.tag in (_INT, _STR) and allow_year and _YEAR.match(text) and int(text) >= 1:
                return int(text)
            if node.tag == _STR and _ISO_DATE.match(text):
                try:
                    return dt.date.fromisoformat(text)
                except ValueError:
                    self.err(node, f"{what} {text!r} is not a date in the calendar")
                    return None
        form = "a year (2013) or an ISO date (2013-05-01)" if allow_year else "an ISO date (2017-09-05)"
        shown = repr(node.value) if isinstance(node, yaml.ScalarNode) else _describe(node)
        self.err(node, f"{what} must be {form}, not {shown}")
        return None

    # -- the document ---------------------------------------------------------
    def network(self, root: yaml.Node) -> AllianceNetwork | None:
        top = self.mapping(root, "the scenario file", _TOP, ("scenario", "actors"))
        if top is None:
            return None
        version = 1
        if "version" in top:
            node = top["version"]
            number = None
            if isinstance(node, yaml.ScalarNode) and node.tag == _INT:
                try:
                    number = int(_construct(node))
                except (ValueError, TypeError):
                    number = None
            readable = ", ".join(str(v) for v in SUPPORTED_VERSIONS)
            if number in SUPPORTED_VERSIONS:
                version = number
            elif isinstance(node, yaml.ScalarNode) and node.tag in (_INT, _FLOAT):
                self.err(node, f"unsupported format version {node.value}: this release reads version {readable}")
            else:
                self.err(node, f"version must be a number (this release reads version {readable}), not {_describe(node)}")
        title = self.text(top.get("scenario"), "scenario (the title)", optional=False) if "scenario" in top else None
        as_of = self.date(top.get("as_of"), "as_of")
        description = self.text(top.get("description"), "description")
        notes = self.text(top.get("notes"), "notes")
        sources = self._items(top.get("sources"), "source", _SOURCE, ("id",), self._source)
        theaters = self._items(top.get("theaters"), "theater", _THEATER, ("id", "name"), self._theater)
        actors = self._items(top.get("actors"), "actor", _ACTOR, ("id", "name", "kind"), self._actor)
        if "actors" in top and (
            _is_null(top["actors"])
            or (isinstance(top["actors"], yaml.SequenceNode) and len(top["actors"].value) < 2)
        ):
            self.err(top["actors"], "a scenario needs at least 2 actors")
        for actor_id, (_, fields) in actors.items():
            for theater_id, tnode in fields.get("_theater_nodes", ()):
                if theater_id not in theaters:
                    self.err(tnode, f"actor '{actor_id}' is placed in unknown theater {theater_id!r}{did_you_mean(theater_id, theaters)}")
        relations = self._relations(top.get("relations"), actors, sources)
        if self.problems or title is None:
            return None
        return AllianceNetwork(
            title,
            actors={k: v[0] for k, v in actors.items()},
            relations=relations,
            theaters={k: v[0] for k, v in theaters.items()},
            sources={k: v[0] for k, v in sources.items()},
            as_of=as_of,
            description=description,
            notes=notes,
            version=version,
        )

    def _items(
        self,
        node: yaml.Node | None,
        what: str,
        allowed: set[str],
        required: tuple[str, ...],
        build: Callable[[dict[str, yaml.Node], str], Any],
    ) -> dict[str, tuple[Any, dict[str, yaml.Node]]]:
        """Read a list of records with unique ids; returns id -> (object, field nodes)."""
        out: dict[str, tuple[Any, dict[str, yaml.Node]]] = {}
        first: dict[str, int] = {}
        if node is None:
            return out
        for item in self.sequence(node, f"'{what}s'") or []:
            fields = self.mapping(item, what, allowed, required)
            if fields is None:
                continue
            ident = self.ident(fields["id"], f"{what} id") if "id" in fields else None
            obj = build(fields, ident or "")
            if ident is None:
                continue
            line = fields["id"].start_mark.line + 1
            if ident in first:
                self.err(fields["id"], f"duplicate {what} id '{ident}' (first at line {first[ident]})")
                continue
            first[ident] = line
            # Kept even when the record has other problems, so references to it are not
            # reported as unknown too; the network is only built when there are none.
            out[ident] = (obj, fields)
        return out

    def _source(self, f: dict[str, yaml.Node], ident: str) -> Source:
        return Source(
            ident,
            title=self.text(f.get("title"), "source title"),
            publisher=self.text(f.get("publisher"), "source publisher"),
            date=self.date(f.get("date"), "source date"),  # type: ignore[arg-type]
            url=self.text(f.get("url"), "source url"),
            notes=self.text(f.get("notes"), "source notes"),
        )

    def _theater(self, f: dict[str, yaml.Node], ident: str) -> Theater | None:
        name = self.text(f.get("name"), "theater name", optional=False) if "name" in f else None
        notes = self.text(f.get("notes"), "theater notes")
        return Theater(ident, name, notes=notes) if name is not None else None

    def _actor(self, f: dict[str, yaml.Node], ident: str) -> Actor | None:
        name = self.text(f["name"], "actor name", optional=False) if "name" in f else None
        kinds = [k.value for k in ActorKind]
        kind = self.choice(f["kind"], "kind", kinds) if "kind" in f else None
        label = self.text(f.get("label"), "actor label")
        aliases = self._text_list(f.get("aliases"), "alias")
        theater_nodes = self.sequence(f["theaters"], "an actor's theaters") if "theaters" in f else []
        theaters = []
        checked = []
        for t in theater_nodes or []:
            tid = self.ident(t, "theater id")
            if tid is not None:
                theaters.append(tid)
                checked.append((tid, t))
        f["_theater_nodes"] = checked  # type: ignore[assignment]  # for the cross-reference check
        notes = self.text(f.get("notes"), "actor notes")
        if name is None or kind is None:
            return None
        return Actor(ident, name, ActorKind(kind), label=label, aliases=tuple(aliases), theaters=tuple(theaters), notes=notes)

    def _text_list(self, node: yaml.Node | None, what: str) -> list[str]:
        if node is None:
            return []
        out = []
        for item in self.sequence(node, f"{what}es") or []:
            value = self.text(item, what, optional=False)
            if value is not None:
                out.append(value)
        return out

    def _relations(
        self,
        node: yaml.Node | None,
        actors: dict[str, tuple[Actor, Any]],
        sources: dict[str, tuple[Source, Any]],
    ) -> list[Relation]:
        out: list[Relation] = []
        if node is None:
            return out
        first: dict[tuple[str, str], int] = {}
        stances = [s.value for s in Stance]
        for item in self.sequence(node, "'relations'") or []:
            f = self.mapping(item, "relation", _RELATION, ("actors", "stance"))
            if f is None:
                continue
            pair = self._pair(f["actors"], actors) if "actors" in f else None
            stance = self.choice(f["stance"], "stance", stances) if "stance" in f else None
            weight = self.fraction(f.get("weight"), "weight")
            confidence = self.fraction(f.get("confidence"), "confidence")
            kind = self.text(f.get("kind"), "relation kind")
            since = self.date(f.get("since"), "since", allow_year=True)
            until = self.date(f.get("until"), "until", allow_year=True)
            if since is not None and until is not None and _as_end(until) < _as_start(since):
                self.err(f["until"], f"until ({_show(until)}) is before since ({_show(since)})")
            evidence = self._evidence(f.get("evidence"), sources)
            notes = self.text(f.get("notes"), "relation notes")
            if pair is not None:
                key = (pair[0], pair[1]) if pair[0] <= pair[1] else (pair[1], pair[0])
                if key in first:
                    self.err(
                        f["actors"],
                        f"duplicate relation for the pair {key[0]} - {key[1]} (first at line {first[key]}): "
                        "a pair has one relation",
                    )
                    continue
                first[key] = f["actors"].start_mark.line + 1
            if pair is None or stance is None or self.problems:
                continue
            out.append(
                Relation(
                    pair,
                    Stance(stance),
                    weight=weight,
                    confidence=1.0 if confidence is None else confidence,
                    kind=kind,
                    since=since,
                    until=until,
                    evidence=tuple(evidence),
                    notes=notes,
                )
            )
        return out

    def _pair(self, node: yaml.Node, actors: dict[str, Any]) -> tuple[str, str] | None:
        if _is_null(node):
            self.err(node, "a relation's actors must be a list of two actor ids, not null")
            return None
        items = self.sequence(node, "a relation's actors")
        if items is None:
            return None
        if len(items) != 2:
            self.err(node, f"a relation's actors must be a list of two actor ids, not {len(items)}")
            return None
        ids = []
        for item in items:
            ident = self.ident(item, "actor id")
            if ident is None:
                return None
            if ident not in actors:
                self.err(item, f"unknown actor {ident!r}{did_you_mean(ident, actors)}")
                return None
            ids.append(ident)
        if ids[0] == ids[1]:
            self.err(node, f"an actor cannot have a relation with itself ('{ids[0]}')")
            return None
        return ids[0], ids[1]

    def _evidence(self, node: yaml.Node | None, sources: dict[str, Any]) -> list[Evidence]:
        out: list[Evidence] = []
        if node is None:
            return out
        for item in self.sequence(node, "evidence") or []:
            f = self.mapping(item, "evidence entry", _EVIDENCE, ("source",))
            if f is None:
                continue
            source = self.ident(f["source"], "evidence source") if "source" in f else None
            note = self.text(f.get("note"), "evidence note")
            if source is not None and source not in sources:
                self.err(f["source"], f"evidence cites unknown source {source!r}{did_you_mean(source, sources)}")
                continue
            if source is not None:
                out.append(Evidence(source, note))
        return out


def _a(what: str) -> str:
    """``"an actor"``, ``"a relation"``; names that are already phrases stay as they are."""
    if what.startswith(("the ", "a ", "an ", "'")):
        return what
    return f"{'an' if what[0] in 'aeiou' else 'a'} {what}"


def _char(c: int | str) -> str:
    code = c if isinstance(c, int) else ord(c[:1] or "\0")
    return f"#x{code:04x}"


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == _NULL


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if node.tag == _STR:
        return f"the text {node.value!r}"
    if node.tag == _NULL and not node.value:
        return "an empty value"
    return f"{_TAG_NAMES.get(node.tag, 'a value')} ({node.value!r})"


@cache
def _constructor() -> yaml.constructor.SafeConstructor:
    return yaml.SafeLoader("")


def _construct(node: yaml.ScalarNode) -> Any:
    ctor = _constructor()
    return ctor.yaml_constructors[node.tag](ctor, node)


def _as_start(d: int | dt.date) -> dt.date:
    return dt.date(d, 1, 1) if isinstance(d, int) else d


def _as_end(d: int | dt.date) -> dt.date:
    return dt.date(d, 12, 31) if isinstance(d, int) else d


def _show(d: int | dt.date) -> str:
    return str(d) if isinstance(d, int) else d.isoformat()


# --------------------------------------------------------------------------- writing
def network_to_dict(net: AllianceNetwork, *, iso_dates: bool = True) -> dict[str, Any]:
    """The scenario as plain data with the keys of the YAML format.

    Optional fields are written only when set; a relation's weight only when it
    differs from its stance's default. With ``iso_dates`` dates are ISO text (for
    JSON); otherwise ``datetime.date`` objects (for YAML).

    Examples
    --------
    >>> from alliances.network import Actor, Relation
    >>> net = AllianceNetwork("T", actors=[Actor("a", "A"), Actor("b", "B")],
    ...                       relations=[Relation(("a", "b"), "rival", weight=0.8)])
    >>> network_to_dict(net)["relations"]
    [{'actors': ['a', 'b'], 'stance': 'rival', 'weight': 0.8}]
    """

    def date(d: Any) -> Any:
        if d is None or isinstance(d, int) or not iso_dates:
            return d
        return d.isoformat()

    def put(target: dict[str, Any], key: str, value: Any) -> None:
        if value is not None and value != () and value != []:
            target[key] = value

    out: dict[str, Any] = {"version": net.version, "scenario": net.scenario}
    put(out, "as_of", date(net.as_of))
    put(out, "description", net.description)
    put(out, "notes", net.notes)
    if net.sources:
        rows = []
        for s in net.sources.values():
            row: dict[str, Any] = {"id": s.id}
            put(row, "title", s.title)
            put(row, "publisher", s.publisher)
            put(row, "date", date(s.date))
            put(row, "url", s.url)
            put(row, "notes", s.notes)
            rows.append(row)
        out["sources"] = rows
    if net.theaters:
        out["theaters"] = []
        for t in net.theaters.values():
            row = {"id": t.id, "name": t.name}
            put(row, "notes", t.notes)
            out["theaters"].append(row)
    actors = []
    for a in net.actors.values():
        row = {"id": a.id, "name": a.name}
        put(row, "label", a.label)
        row["kind"] = a.kind.value
        put(row, "aliases", list(a.aliases))
        put(row, "theaters", list(a.theaters))
        put(row, "notes", a.notes)
        actors.append(row)
    out["actors"] = actors
    rels = []
    for r in net.relations:
        row = {"actors": list(r.actors), "stance": r.stance.value}
        if not r.weight_is_default:
            row["weight"] = r.weight
        if r.confidence != 1.0:
            row["confidence"] = r.confidence
        put(row, "kind", r.kind)
        put(row, "since", date(r.since))
        put(row, "until", date(r.until))
        if r.evidence:
            ev = []
            for e in r.evidence:
                item: dict[str, Any] = {"source": e.source}
                put(item, "note", e.note)
                ev.append(item)
            row["evidence"] = ev
        put(row, "notes", r.notes)
        rels.append(row)
    if rels:
        out["relations"] = rels
    return out


class _Dumper(yaml.SafeDumper):
    """Block style, keys in format order, and lists indented under their key."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)

    def ignore_aliases(self, data: Any) -> bool:
        # The reader rejects anchors and aliases, so the writer must never emit them
        # (PyYAML would for an object used twice, such as one date on two relations).
        return True


def dumps(net: AllianceNetwork) -> str:
    """The network as YAML text in the scenario format; :func:`loads` reads it back equal.

    Parameters
    ----------
    net : AllianceNetwork

    Returns
    -------
    str
        YAML (format version 1): actors, relations, theaters and sources in the
        network's order, dates as ``YYYY-MM-DD``, no anchors or aliases.

    Examples
    --------
    >>> from alliances.network import Actor, Relation
    >>> net = AllianceNetwork("T", actors=[Actor("a", "A"), Actor("b", "B")],
    ...                       relations=[Relation(("a", "b"), "ally")])
    >>> loads(dumps(net)) == net
    True
    """
    data = network_to_dict(net, iso_dates=False)
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def dump(net: AllianceNetwork, path: str | os.PathLike[str]) -> None:
    """Write the network as a scenario file (atomically: a temporary file, then a rename).

    Parameters
    ----------
    net : AllianceNetwork
    path : str or path-like
        The file to write (replaced whole, never left half-written).

    Returns
    -------
    None

    Examples
    --------
    >>> import alliances, os, tempfile
    >>> net = alliances.load("seeds/syria_2017.yaml")
    >>> path = os.path.join(tempfile.mkdtemp(), "copy.yaml")
    >>> dump(net, path)
    >>> alliances.load(path) == net
    True
    """
    write_text_atomic(path, dumps(net))


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
    return _decode(raw, name, error=error)


def _decode(raw: bytes, name: str, *, error: type[ScenarioError] = ScenarioError) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise error(Problem(name, line, "not valid UTF-8 text")) from None


@cache
def _schema_text() -> str:
    return resources.files("alliances").joinpath("schema/scenario.schema.json").read_text("utf-8")


def scenario_schema() -> dict[str, Any]:
    """The JSON Schema of the scenario format (for editors; the validator checks more).

    Returns
    -------
    dict
        The schema (JSON Schema draft 2020-12), as shipped in ``alliances/schema/``.

    Examples
    --------
    >>> scenario_schema()["required"]
    ['scenario', 'actors']
    """
    return json.loads(_schema_text())
