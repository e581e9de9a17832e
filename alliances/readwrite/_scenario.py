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

import os
from collections.abc import Callable, Iterable
from typing import Any

import yaml

from .._checks import check_instance, check_path, check_text, source_id_problem
from .._names import ActorNames
from .._network import FORMAT_VERSIONS, AllianceNetwork
from .._records import (
    FIGHTING,
    Actor,
    ActorKind,
    Evidence,
    Relation,
    Source,
    Stance,
    Theater,
    Year,
    period_end,
    period_start,
)
from .._text import did_you_mean
from ..errors import ScenarioError
from ._textfile import decode_text, read_text_file
from ._yaml import FLOAT, INT, StrictYamlReader, construct, describe, is_null

__all__ = ["SUPPORTED_VERSIONS", "ScenarioReader", "load", "loads"]

SUPPORTED_VERSIONS = FORMAT_VERSIONS

# Source ids are often citation keys ("reuters-2017-09-05"): the rule is alliances._checks.source_id_problem.
_STANCES = [s.value for s in Stance]
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
    check_path(path, "path")
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
    check_instance(text, (str, bytes, bytearray), "text", "a str or bytes (YAML in the scenario format)")
    check_text(filename, "filename")
    if isinstance(text, bytes | bytearray):
        text = decode_text(bytes(text), filename)
    reader = ScenarioReader(filename)
    # The lists are read item by item as they are parsed: a large file's relations never
    # exist all at once as a node tree, only as the network's records.
    root = reader.compose(text, stream=reader.streams)
    if root is None:
        raise ScenarioError(reader.problems)
    net = reader.network(root)
    if reader.problems or net is None:
        raise ScenarioError(reader.problems)
    return net


class ScenarioReader(StrictYamlReader):
    """The strict YAML walk of a scenario file (format version 1).

    The records of the four lists are read one item at a time (:meth:`source`,
    :meth:`theater`, :meth:`actor`, :meth:`relation`), so that :func:`loads` can hand
    them over while the file is parsed (``compose(text, stream=reader.streams)``).
    References between records (a relation's actors and sources, an actor's theaters)
    are checked once every list is read (:meth:`check_references`), in whatever order the
    file gives the lists.

    Parameters
    ----------
    filename : str
        The name problems carry.
    empty, document : str, optional
        As for :class:`StrictYamlReader` (a fragment reader says "fragment").

    Attributes
    ----------
    sources, theaters, actors : dict
        id -> record read so far (None for a record with problems, so that references
        to it are not reported as unknown too).
    relations : list of Relation
        The relations read so far, while there is no problem.
    known_sources : set of str
        Source ids defined elsewhere that evidence may cite (a fragment's scenario).

    Examples
    --------
    >>> r = ScenarioReader("s.yaml")
    >>> root = r.compose("relations:\\n  - {actors: [a, b], stance: ally}\\nactors: []\\n", stream=r.streams)
    >>> r.streamed, len(r.relations)
    ({'relations': 1, 'actors': 0}, 1)
    >>> r.check_references()
    >>> [str(p) for p in r.problems]
    ["s.yaml:2: unknown actor 'a'", "s.yaml:2: unknown actor 'b'"]
    """

    def __init__(
        self,
        filename: str,
        *,
        empty: str = "empty file: a scenario needs at least 'scenario' and 'actors'",
        document: str = "a scenario",
    ):
        super().__init__(filename, empty=empty, document=document)
        self.sources: dict[str, Source | None] = {}
        self.theaters: dict[str, Theater | None] = {}
        self.actors: dict[str, Actor | None] = {}
        self.relations: list[Relation] = []
        self.known_sources: set[str] = set()
        self._first: dict[str, dict[str, int]] = {"source": {}, "theater": {}, "actor": {}}
        self._first_pair: dict[tuple[str, str], int] = {}
        self._theater_refs: list[tuple[str, str, int]] = []  # actor id, theater id, line
        self._refs: list[tuple[str, str, int]] = []  # "actor" or "source", id, line: unknown when read

    @property
    def streams(self) -> dict[str, Callable[[yaml.Node], object]]:
        """The item readers of the top-level lists, for :meth:`compose`'s ``stream``."""
        return {"sources": self.source, "theaters": self.theater, "actors": self.actor, "relations": self.relation}

    def ident(self, node: yaml.Node | None, what: str) -> str | None:
        if "source" not in what:
            return super().ident(node, what)
        value = self.text(node, what, optional=False)
        problem = None if value is None else source_id_problem(value)
        if problem is not None:
            self.err(node, f"{what} {problem}")
            return None
        return value

    # -- the document ---------------------------------------------------------
    def network(self, root: yaml.Node) -> AllianceNetwork | None:
        top = self.mapping(root, "the scenario file", _TOP, ("scenario", "actors"))
        if top is None:
            return None
        version = self._version(top["version"]) if "version" in top else 1
        title = self.text(top.get("scenario"), "scenario (the title)", optional=False) if "scenario" in top else None
        as_of = self.date(top.get("as_of"), "as_of", allow_year=True)
        if isinstance(as_of, int):
            as_of = Year(as_of)
        description = self.text(top.get("description"), "description")
        notes = self.text(top.get("notes"), "notes")
        self.read_lists(top)
        if "actors" in top:
            node = top["actors"]
            count = len(node.value) + self.streamed.get("actors", 0) if isinstance(node, yaml.SequenceNode) else 0
            if is_null(node) or (isinstance(node, yaml.SequenceNode) and count < 2):
                self.err(node, "a scenario needs at least 2 actors")
        self.check_references()
        if self.problems or title is None:
            return None
        return AllianceNetwork(
            title,
            actors={k: v for k, v in self.actors.items() if v is not None},
            relations=self.relations,
            theaters={k: v for k, v in self.theaters.items() if v is not None},
            sources={k: v for k, v in self.sources.items() if v is not None},
            as_of=as_of,
            description=description,
            notes=notes,
            version=version or 1,
        )

    def read_lists(self, top: dict[str, yaml.Node]) -> None:
        """Read the items of the top-level lists not already handed over while parsing."""
        for key, read in self.streams.items():
            if key in top:
                for item in self.sequence(top[key], f"'{key}'") or []:
                    read(item)

    def check_references(self) -> None:
        """Report references to actors, theaters and sources that no list defines."""
        for actor_id, theater_id, line in self._theater_refs:
            if theater_id not in self.theaters:
                self.err(line, f"actor '{actor_id}' is placed in unknown theater {theater_id!r}"
                               f"{did_you_mean(theater_id, self.theaters)}")
        names: ActorNames | None = None
        for what, ident, line in self._refs:
            if what == "actor" and ident not in self.actors:
                if names is None:
                    names = ActorNames([a for a in self.actors.values() if a is not None])
                self.err(line, f"unknown actor {ident!r}{_actor_hint(ident, names, self.actors)}")
            elif what == "source" and ident not in self.sources and ident not in self.known_sources:
                known = sorted({*self.sources, *self.known_sources})
                self.err(line, f"evidence cites unknown source {ident!r}{did_you_mean(ident, known)}")

    def _version(self, node: yaml.Node) -> int | None:
        readable = ", ".join(str(v) for v in SUPPORTED_VERSIONS)
        if isinstance(node, yaml.ScalarNode) and node.tag == INT:
            try:
                number = int(construct(node))
            except (ValueError, TypeError):
                number = None
            if number in SUPPORTED_VERSIONS:
                return number
        if isinstance(node, yaml.ScalarNode) and node.tag in (INT, FLOAT):
            self.err(node, f"unsupported format version {node.value}: this release reads version {readable}")
        else:
            self.err(node, f"version must be a number (this release reads version {readable}), not {describe(node)}")
        return None

    # -- records ----------------------------------------------------------------
    def source(self, item: yaml.Node) -> Source | None:
        """Read one item of ``sources``."""
        return self._record(item, "source", _SOURCE, ("id",), self._source, self.sources)

    def theater(self, item: yaml.Node) -> Theater | None:
        """Read one item of ``theaters``."""
        return self._record(item, "theater", _THEATER, ("id", "name"), self._theater, self.theaters)

    def actor(self, item: yaml.Node) -> Actor | None:
        """Read one item of ``actors``."""
        return self._record(item, "actor", _ACTOR, ("id", "name", "kind"), self._actor, self.actors)

    def _record(
        self,
        item: yaml.Node,
        what: str,
        allowed: set[str],
        required: tuple[str, ...],
        build: Callable[[dict[str, yaml.Node], str], Any],
        store: dict[str, Any],
    ) -> Any:
        """Read a record with a unique id into ``store``; the record, or None."""
        fields = self.mapping(item, what, allowed, required)
        if fields is None:
            return None
        ident = self.ident(fields["id"], f"{what} id") if "id" in fields else None
        obj = build(fields, ident or "")
        if ident is None:
            return None
        first = self._first[what]
        if ident in first:
            self.err(fields["id"], f"duplicate {what} id '{ident}' (first at line {first[ident]})")
            return None
        first[ident] = fields["id"].start_mark.line + 1
        # Kept even when the record has other problems, so references to it are not
        # reported as unknown too; the network is only built when there are none.
        store[ident] = obj
        return obj

    def _source(self, f: dict[str, yaml.Node], ident: str) -> Source | None:
        title = self.text(f.get("title"), "source title")
        publisher = self.text(f.get("publisher"), "source publisher")
        date = self.day(f.get("date"), "source date")
        url = self.text(f.get("url"), "source url")
        notes = self.text(f.get("notes"), "source notes")
        if not ident:  # no valid id: its problem is recorded
            return None
        return Source(ident, title=title, publisher=publisher, date=date, url=url, notes=notes)

    def _theater(self, f: dict[str, yaml.Node], ident: str) -> Theater | None:
        name = self.text(f.get("name"), "theater name", optional=False) if "name" in f else None
        notes = self.text(f.get("notes"), "theater notes")
        return Theater(ident, name, notes=notes) if name is not None and ident else None

    def _actor(self, f: dict[str, yaml.Node], ident: str) -> Actor | None:
        name = self.text(f["name"], "actor name", optional=False) if "name" in f else None
        kinds = [k.value for k in ActorKind]
        kind = self.choice(f["kind"], "kind", kinds) if "kind" in f else None
        label = self.text(f.get("label"), "actor label")
        aliases = self._text_list(f.get("aliases"), "alias")
        theater_nodes = self.sequence(f["theaters"], "an actor's theaters") if "theaters" in f else []
        theaters = []
        for t in theater_nodes or []:
            tid = self.ident(t, "theater id")
            if tid is not None:
                theaters.append(tid)
                if ident:  # checked once every theater is read
                    self._theater_refs.append((ident, tid, t.start_mark.line + 1))
        notes = self.text(f.get("notes"), "actor notes")
        if name is None or kind is None or not ident:
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

    def relation(self, item: yaml.Node) -> Relation | None:
        """Read one item of ``relations``; the relation, or None (a problem, here or before)."""
        f = self.mapping(item, "relation", _RELATION, ("actors", "stance"))
        if f is None:
            return None
        pair = self._pair(f["actors"]) if "actors" in f else None
        stance = self.choice(f["stance"], "stance", _STANCES) if "stance" in f else None
        weight = self.fraction(f.get("weight"), "weight")
        confidence = self.fraction(f.get("confidence"), "confidence")
        kind = self.text(f.get("kind"), "relation kind")
        since = self.date(f.get("since"), "since", allow_year=True)
        until = self.date(f.get("until"), "until", allow_year=True)
        if since is not None and until is not None and period_end(until) < period_start(since):
            self.err(f["until"], f"until ({until}) is before since ({since})")
        evidence = self._evidence(f.get("evidence"))
        notes = self.text(f.get("notes"), "relation notes")
        fighting = self._fighting(f.get("fighting"))
        if pair is not None:
            key = (pair[0], pair[1]) if pair[0] <= pair[1] else (pair[1], pair[0])
            if key in self._first_pair:
                self.err(
                    f["actors"],
                    f"duplicate relation for the pair {key[0]} - {key[1]} (first at line {self._first_pair[key]}): "
                    "a pair has one relation",
                )
                return None
            self._first_pair[key] = f["actors"].start_mark.line + 1
        if pair is None or stance is None or self.problems:
            return None
        relation = Relation(
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
        self.relations.append(relation)
        return relation

    def _fighting(self, node: yaml.Node | None) -> str | None:
        """A relation's optional fighting level; absent or null: not stated."""
        if node is None or is_null(node):
            return None
        return self.choice(node, "fighting level", list(FIGHTING))

    def _pair(self, node: yaml.Node) -> tuple[str, str] | None:
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
            if ident not in self.actors:
                self._refs.append(("actor", ident, item.start_mark.line + 1))
            ids.append(ident)
        if ids[0] == ids[1]:
            self.err(node, f"an actor cannot have a relation with itself ('{ids[0]}')")
            return None
        return ids[0], ids[1]

    def _evidence(self, node: yaml.Node | None) -> list[Evidence]:
        out: list[Evidence] = []
        if node is None:
            return out
        for item in self.sequence(node, "evidence") or []:
            f = self.mapping(item, "evidence entry", _EVIDENCE, ("source",))
            if f is None:
                continue
            source = self.ident(f["source"], "evidence source") if "source" in f else None
            note = self.text(f.get("note"), "evidence note")
            if source is not None:
                if source not in self.sources and source not in self.known_sources:
                    self._refs.append(("source", source, f["source"].start_mark.line + 1))
                out.append(Evidence(source, note))
        return out


def _actor_hint(ident: str, names: ActorNames, ids: Iterable[str]) -> str:
    """What an unknown actor id in a relation may have meant: the actor it names, else the closest id."""
    hits = names.candidates(ident)
    if len(hits) == 1:
        return f" (did you mean {hits[0]!r}? {ident!r} is its name, label or alias; relations use ids)"
    if hits:
        return f" (it names {len(hits)} actors: {', '.join(hits)}; relations use ids)"
    return did_you_mean(ident, ids)
