"""Read and validate scenario files (YAML, format version 1).

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
import os
import re
from collections.abc import Callable
from typing import Any

import yaml

from .._network import AllianceNetwork
from .._records import FIGHTING, Actor, ActorKind, Evidence, Relation, Source, Stance, Theater
from .._text import did_you_mean
from ..errors import ScenarioError
from ._yaml import FLOAT, INT, StrictYamlReader, construct, decode_text, describe, is_null, read_text_file

__all__ = ["SUPPORTED_VERSIONS", "ScenarioReader", "load", "loads"]

SUPPORTED_VERSIONS = (1,)

# Source ids are often citation keys ("reuters-2017-09-05"): hyphens, dots and colons are fine.
_SOURCE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]*\Z")
_TOP = {"version", "scenario", "as_of", "description", "notes", "sources", "theaters", "actors", "relations"}
_SOURCE = {"id", "title", "publisher", "date", "url", "notes"}
_THEATER = {"id", "name", "notes"}
_ACTOR = {"id", "name", "label", "kind", "aliases", "theaters", "notes"}
_RELATION = {"actors", "stance", "weight", "confidence", "kind", "since", "until", "evidence", "notes",
             "fighting"}
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
        text = decode_text(bytes(text), filename)
    reader = ScenarioReader(filename)
    root = reader.compose(text)
    if root is None:
        raise ScenarioError(reader.problems)
    net = reader.network(root)
    if reader.problems or net is None:
        raise ScenarioError(reader.problems)
    return net


class ScenarioReader(StrictYamlReader):
    """The strict YAML walk of a scenario file (format version 1)."""

    def __init__(self, filename: str):
        super().__init__(
            filename,
            empty="empty file: a scenario needs at least 'scenario' and 'actors'",
            document="a scenario",
        )
        self._theater_refs: dict[str, list[tuple[str, yaml.Node]]] = {}

    def ident(self, node: yaml.Node | None, what: str) -> str | None:
        if "source" not in what:
            return super().ident(node, what)
        value = self.text(node, what, optional=False)
        if value is not None and not _SOURCE_ID.match(value):
            self.err(node, f"{what} {value!r} may only use letters, digits and _ . : -")
            return None
        return value

    # -- the document ---------------------------------------------------------
    def network(self, root: yaml.Node) -> AllianceNetwork | None:
        top = self.mapping(root, "the scenario file", _TOP, ("scenario", "actors"))
        if top is None:
            return None
        version = 1
        if "version" in top:
            node = top["version"]
            number = None
            if isinstance(node, yaml.ScalarNode) and node.tag == INT:
                try:
                    number = int(construct(node))
                except (ValueError, TypeError):
                    number = None
            readable = ", ".join(str(v) for v in SUPPORTED_VERSIONS)
            if number in SUPPORTED_VERSIONS:
                version = number
            elif isinstance(node, yaml.ScalarNode) and node.tag in (INT, FLOAT):
                self.err(node, f"unsupported format version {node.value}: this release reads version {readable}")
            else:
                self.err(node, f"version must be a number (this release reads version {readable}), not {describe(node)}")
        title = self.text(top.get("scenario"), "scenario (the title)", optional=False) if "scenario" in top else None
        as_of = self.day(top.get("as_of"), "as_of")
        description = self.text(top.get("description"), "description")
        notes = self.text(top.get("notes"), "notes")
        sources = self._items(top.get("sources"), "source", _SOURCE, ("id",), self._source)
        theaters = self._items(top.get("theaters"), "theater", _THEATER, ("id", "name"), self._theater)
        actors = self._items(top.get("actors"), "actor", _ACTOR, ("id", "name", "kind"), self._actor)
        if "actors" in top and (
            is_null(top["actors"])
            or (isinstance(top["actors"], yaml.SequenceNode) and len(top["actors"].value) < 2)
        ):
            self.err(top["actors"], "a scenario needs at least 2 actors")
        for actor_id in actors:
            for theater_id, tnode in self._theater_refs.get(actor_id, ()):
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
            date=self.day(f.get("date"), "source date"),
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
        checked: list[tuple[str, yaml.Node]] = []
        for t in theater_nodes or []:
            tid = self.ident(t, "theater id")
            if tid is not None:
                theaters.append(tid)
                checked.append((tid, t))
        self._theater_refs[ident] = checked  # for the cross-reference check, once all theaters are read
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
            fighting = self._fighting(f.get("fighting"))
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
                    fighting=fighting,
                )
            )
        return out

    def _fighting(self, node: yaml.Node | None) -> str | None:
        """A relation's optional fighting level; absent or null: not stated."""
        if node is None or is_null(node):
            return None
        return self.choice(node, "fighting level", list(FIGHTING))

    def _pair(self, node: yaml.Node, actors: dict[str, Any]) -> tuple[str, str] | None:
        if is_null(node):
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


def _as_start(d: int | dt.date) -> dt.date:
    return dt.date(d, 1, 1) if isinstance(d, int) else d


def _as_end(d: int | dt.date) -> dt.date:
    return dt.date(d, 12, 31) if isinstance(d, int) else d


def _show(d: int | dt.date) -> str:
    return str(d) if isinstance(d, int) else d.isoformat()


