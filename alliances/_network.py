"""The model: actors, their relations, and the signed graph they form.

An :class:`AllianceNetwork` is what a scenario file describes. It holds typed objects
(:class:`Actor`, :class:`Relation`, :class:`Theater`, :class:`Source`) in file order and
exposes them as a :class:`networkx.Graph` (:attr:`AllianceNetwork.graph`) whose nodes
are actor ids and whose edges carry the signed relation of the scenario's moment
(``as_of``). Analyses take either the network or that graph.

A network is treated as immutable: the ``with_*``/``without_*`` methods return a new
network, which keeps the cached graph consistent.

A network checks itself when it is made, by the rules of scenario files: its records
check their own fields (:mod:`alliances._records`), and the network that ids are unique
and that every relation, theater and evidence entry refers to something it holds. So
every network can be written with :func:`alliances.dump` and read back with
:func:`alliances.load` (a file needs two actors or more: ``dump`` says so for fewer).
"""

from __future__ import annotations

import datetime as _dt
import html
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any

import yaml

from ._checks import (
    check_choice,
    check_id,
    check_instance,
    check_int,
    check_text,
    shown,
)
from ._edges import GRAPH as _GRAPH
from ._edges import id_for, plain_text, relation_from_edge
from ._names import ActorNames
from ._records import Actor, ActorKind, Month, Relation, Source, Stance, Theater, Year, as_moment
from ._text import did_you_mean
from .errors import ParameterError, ParameterTypeError, Problem, ScenarioError

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["FORMAT_VERSIONS", "AllianceNetwork", "network_to_dict", "network_to_yaml"]

FORMAT_VERSIONS = (1,)
"""The scenario-file format versions this release reads and writes."""


@dataclass(frozen=True, eq=False)
class AllianceNetwork:
    """A conflict scenario: actors, relations, theaters and sources.

    Build one with :func:`alliances.load` / :func:`alliances.loads` from a scenario
    file, with :meth:`from_networkx` from a signed graph, or directly.

    Parameters
    ----------
    scenario : str
        Title.
    actors : mapping of id to Actor, or iterable of Actor
        In file order; each id once.
    relations : iterable of Relation
        At most one per unordered pair, between actors of the network, citing its sources.
    theaters, sources : mapping of id to Theater / Source, or iterables
        Each id once; actors' theaters must be among them.
    as_of : datetime.date or ISO text, optional
        The moment the picture describes: a day, or a whole :class:`~alliances.Month`
        or :class:`~alliances.Year`; relations whose period does not meet it are kept
        but left out of :attr:`graph` (:meth:`Relation.is_active`).
    description, notes : str, optional
    version : int, optional
        The scenario-file format version (1).

    Raises
    ------
    ScenarioError
        With every problem of the whole (a duplicate id, a relation with an unknown
        actor, two relations for one pair, an unknown theater or source).
    ParameterError, ParameterTypeError
        For a field of the wrong type or value (see the records).

    Examples
    --------
    >>> net = AllianceNetwork(
    ...     "Toy",
    ...     actors=[Actor("a", "A"), Actor("b", "B"), Actor("c", "C")],
    ...     relations=[Relation(("a", "b"), Stance.ALLY), Relation(("b", "c"), Stance.ENEMY)],
    ... )
    >>> net
    <AllianceNetwork 'Toy': 3 actors, 2 relations>
    >>> net.graph.edges["a", "b"]["sign"], net.stance("c", "b")
    (1, <Stance.ENEMY: 'enemy'>)
    >>> AllianceNetwork("Toy", actors=[Actor("a", "A"), Actor("a", "B")],
    ...                 relations=[Relation(("a", "x"), "ally")])
    Traceback (most recent call last):
    ...
    alliances.errors.ScenarioError: <network 'Toy'>: duplicate actor id 'a'
    <network 'Toy'>: relation a - x: unknown actor 'x'
    """

    scenario: str
    actors: Mapping[str, Actor] = field(default_factory=dict)
    relations: Sequence[Relation] = ()
    theaters: Mapping[str, Theater] = field(default_factory=dict)
    sources: Mapping[str, Source] = field(default_factory=dict)
    as_of: _dt.date | None = None
    description: str | None = None
    notes: str | None = None
    version: int = 1

    def __post_init__(self) -> None:
        title = check_text(self.scenario, "scenario (the title)")
        problems: list[str] = []
        actors = _by_id(self.actors, Actor, "actors", problems)
        theaters = _by_id(self.theaters, Theater, "theaters", problems)
        sources = _by_id(self.sources, Source, "sources", problems)
        relations = _records(self.relations, Relation, "relations")
        check_text(self.description, "description", optional=True)
        check_text(self.notes, "notes", optional=True)
        version = check_int(self.version, "version", low=1)
        if version not in FORMAT_VERSIONS:
            readable = ", ".join(map(str, FORMAT_VERSIONS))
            raise ParameterError(f"version must be a format version this release reads ({readable}), not {version}")
        for name, value in (("actors", actors), ("theaters", theaters), ("sources", sources), ("relations", relations),
                            ("as_of", as_moment(self.as_of)), ("version", version)):
            object.__setattr__(self, name, value)
        for actor in actors.values():
            for t in actor.theaters:
                if t not in theaters:
                    problems.append(f"actor {actor.id!r} is placed in unknown theater {t!r}{did_you_mean(t, theaters)}")
        index: dict[tuple[str, str], Relation] = {}
        for rel in relations:
            a, b = rel.pair
            unknown = [x for x in rel.actors if x not in actors]
            for x in unknown:
                problems.append(f"relation {rel.actors[0]} - {rel.actors[1]}: {_unknown(x, actors)}")
            for e in rel.evidence:
                if e.source not in sources:
                    problems.append(f"relation {a} - {b} cites unknown source {e.source!r}{did_you_mean(e.source, sources)}")
            if rel.pair in index:
                problems.append(f"two relations for the pair {a} - {b}: a pair has one relation")
            index.setdefault(rel.pair, rel)
        if problems:
            raise ScenarioError([Problem(f"<network {title!r}>", None, p) for p in problems])
        object.__setattr__(self, "_index", index)

    # -- equality and display -------------------------------------------------
    def _key(self) -> tuple:
        return (
            self.scenario,
            tuple(self.actors.items()),
            self.relations,
            tuple(self.theaters.items()),
            tuple(self.sources.items()),
            self.as_of,
            self.description,
            self.notes,
            self.version,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AllianceNetwork):
            return NotImplemented
        return self._key() == other._key()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"<AllianceNetwork {self.scenario!r}: {len(self.actors)} actors, "
            f"{len(self.relations)} relations>"
        )

    _HTML_ROWS = 60  # per table: a notebook cell stays readable for large networks

    def _repr_html_(self) -> str:
        esc = html.escape
        when = f" as of {self.as_of.isoformat()}" if self.as_of else ""
        limit = self._HTML_ROWS
        rows = "".join(
            f"<tr><td>{esc(a.id)}</td><td>{esc(a.name)}</td><td>{esc(str(a.kind))}</td>"
            f"<td>{esc(', '.join(a.theaters))}</td></tr>"
            for a in list(self.actors.values())[:limit]
        ) + _more_row(len(self.actors) - limit, "actors", 4)
        rels = "".join(
            f"<tr><td>{esc(r.actors[0])}</td><td>{esc(r.actors[1])}</td><td>{esc(str(r.stance))}</td>"
            f"<td>{r.weight:g}</td><td>{r.confidence:g}</td><td>{len(r.evidence)}</td>"
            f"<td>{'' if r.is_active(self.as_of) else 'not in force'}</td></tr>"
            for r in self.relations[:limit]
        ) + _more_row(len(self.relations) - limit, "relations", 7)
        return (
            f"<div><strong>{esc(self.scenario)}</strong>{esc(when)}: "
            f"{len(self.actors)} actors, {len(self.relations)} relations"
            "<table><thead><tr><th>id</th><th>name</th><th>kind</th><th>theaters</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
            "<table><thead><tr><th>actor</th><th>actor</th><th>stance</th><th>weight</th>"
            "<th>confidence</th><th>evidence</th><th></th></tr></thead>"
            f"<tbody>{rels}</tbody></table></div>"
        )

    # -- queries --------------------------------------------------------------
    @cached_property
    def names(self) -> ActorNames:
        """Every id, name, label and alias of the actors, and whom each stands for (built once)."""
        return ActorNames(self.actors)

    def resolve(self, name: str) -> str:
        """The id of the actor known by ``name``: its id, name, label or an alias, in any case.

        Runs of spaces count as one, and case is ignored; an exact id always wins. Every
        method here that takes an actor, and the functions that take a network and
        actors (:func:`~alliances.explain_risk`, :func:`~alliances.what_if`, ...), go
        through it.

        Parameters
        ----------
        name : str
            An id, a name, a label or an alias.

        Returns
        -------
        str
            The id (``name`` itself when it is one).

        Raises
        ------
        AmbiguousActorError, UnknownActorError
            As :meth:`alliances._names.ActorNames.resolve` says: several actors bear the
            name (they are listed), or none does (with the closest name there is).

        Examples
        --------
        >>> import alliances
        >>> net = alliances.load("seeds/syria_2017.yaml")
        >>> net.resolve("US coalition"), net.resolve("damascus"), net.resolve("  ISIS ")
        ('us_coalition', 'assad', 'islamic_state')
        """
        if not isinstance(name, str):
            raise ParameterTypeError(f"an actor id must be text, not {shown(name)}")
        if name in self.actors:
            return name
        return self.names.resolve(name)

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id (or name, label, alias: see :meth:`resolve`).

        :class:`UnknownActorError` (with a suggestion) if none; a name that is not text
        is a :class:`~alliances.errors.ParameterTypeError`.
        """
        return self.actors[self.resolve(actor_id)]

    def relation(self, a: str, b: str) -> Relation | None:
        """The recorded relation of the pair (in force or not), or None if unknown."""
        a = self.resolve(a)
        b = self.resolve(b)
        return self._index.get((a, b) if a <= b else (b, a))  # type: ignore[attr-defined]

    def stance(self, a: str, b: str) -> Stance | None:
        """The stance in force at ``as_of`` between a and b, or None (unknown)."""
        rel = self.relation(a, b)
        if rel is None or not rel.is_active(self.as_of):
            return None
        return rel.stance

    @property
    def active_relations(self) -> tuple[Relation, ...]:
        """Relations whose period includes ``as_of``: the ones in :attr:`graph`."""
        return tuple(r for r in self.relations if r.is_active(self.as_of))

    @property
    def inactive_relations(self) -> tuple[Relation, ...]:
        """Relations kept in the file but not in force at ``as_of``."""
        return tuple(r for r in self.relations if not r.is_active(self.as_of))

    def __iter__(self) -> Iterator[str]:
        return iter(self.actors)

    def __len__(self) -> int:
        return len(self.actors)

    def __contains__(self, actor_id: object) -> bool:
        return isinstance(actor_id, str) and actor_id in self.actors

    @cached_property
    def graph(self) -> nx.Graph:
        """The signed graph at ``as_of`` (built once, then cached; do not modify it).

        Nodes are actor ids with attributes ``name``, ``label``, ``kind`` and
        ``theaters`` (a list). Edges carry ``sign`` (+1, -1, or 0 for neutral and
        ambivalent), ``weight``, ``stance`` (the stance name), ``confidence``,
        ``kind`` (text or None), ``fighting`` (the stated level of fighting, or None) and
        ``evidence`` (a list of :class:`Evidence`).
        """
        return self._build_graph()

    def _build_graph(self) -> nx.Graph:
        import networkx as nx

        g = nx.Graph(scenario=self.scenario, as_of=self.as_of)
        for actor in self.actors.values():
            g.add_node(actor.id, name=actor.name, label=actor.display, kind=str(actor.kind),
                       theaters=list(actor.theaters))
        for r in self.active_relations:
            a, b = r.pair
            g.add_edge(
                a,
                b,
                sign=r.sign,
                weight=r.intensity,
                stance=r.stance.value,
                confidence=float(r.confidence),
                kind=r.kind,
                fighting=r.fighting,
                evidence=list(r.evidence),
            )
        return g

    # -- derived networks -----------------------------------------------------
    def replace(self, **changes: Any) -> AllianceNetwork:
        """A copy with some fields replaced (``dataclasses.replace``), checked as a new network is."""
        names = [f.name for f in fields(self)]
        for name in changes:
            if name not in names:
                raise ParameterTypeError(f"a network has no field {name!r} (it has: {', '.join(names)})"
                                         f"{did_you_mean(name, names)}")
        return replace(self, **changes)

    def with_relation(
        self, a: str, b: str, stance: Stance | str | None, **attrs: Any
    ) -> AllianceNetwork:
        """A copy where the pair a, b has this stance (None removes the relation).

        Other attributes of an existing relation are kept unless given in ``attrs``
        (the fields of :class:`Relation`); ``weight`` goes back to the new stance's
        default unless given. Actors may be named by id, name, label or alias
        (:meth:`resolve`).
        """
        a = self.resolve(a)
        b = self.resolve(b)
        if a == b:
            raise ScenarioError(f"an actor cannot have a relation with itself ({a!r})")
        for name in attrs:
            if name not in _RELATION_ATTRS:
                raise ParameterTypeError(f"a relation has no field {name!r} (it has: {', '.join(_RELATION_ATTRS)})"
                                         f"{did_you_mean(name, _RELATION_ATTRS)}")
        pair = (a, b) if a <= b else (b, a)
        old = self._index.get(pair)  # type: ignore[attr-defined]
        rels = [r for r in self.relations if r.pair != pair]
        if stance is not None:
            if not isinstance(stance, Stance):
                stance = Stance(check_choice(stance, "stance", [s.value for s in Stance]))
            if old is not None:
                kept = {"confidence": old.confidence, "kind": old.kind, "evidence": old.evidence,
                        "notes": old.notes, "since": None, "until": None}
                new = Relation(old.actors, stance, **{**kept, **attrs})
                rels.insert([r.pair for r in self.relations].index(pair), new)
            else:
                rels.append(Relation((a, b), stance, **attrs))
        return replace(self, relations=tuple(rels))

    def without_actor(self, actor_id: str) -> AllianceNetwork:
        """A copy without this actor (by id, name, label or alias) and every relation it has."""
        actor_id = self.resolve(actor_id)
        return replace(
            self,
            actors={k: v for k, v in self.actors.items() if k != actor_id},
            relations=tuple(r for r in self.relations if actor_id not in r.actors),
        )

    def with_theater(self, actor_id: str, theater_id: str, name: str | None = None) -> AllianceNetwork:
        """A copy where the actor (by id, name, label or alias) also operates in this theater (created if new)."""
        actor_id = self.resolve(actor_id)
        actor = self.actors[actor_id]
        theater_id = check_id(theater_id, "theater id")
        check_text(name, "name", optional=True)
        theaters = dict(self.theaters)
        if theater_id not in theaters:
            theaters[theater_id] = Theater(theater_id, name or str(theater_id).replace("_", " ").title())
        if theater_id in actor.theaters:
            return replace(self, theaters=theaters)
        actors = dict(self.actors)
        actors[actor_id] = replace(actor, theaters=actor.theaters + (theater_id,))
        return replace(self, actors=actors, theaters=theaters)

    # -- conversion -----------------------------------------------------------
    @classmethod
    def from_networkx(
        cls,
        graph: nx.Graph,
        *,
        scenario: str = "Imported graph",
        sign: str = "sign",
        weight: str = "weight",
        as_of: _dt.date | None = None,
    ) -> AllianceNetwork:
        """Build a network from a signed networkx graph made elsewhere.

        The sign of an edge is its ``sign`` attribute or, without one, the sign of
        its ``weight`` attribute. Positive edges become ``ally`` (weight >= 0.75) or
        ``friendly``, negative ones ``enemy`` or ``rival``, zero ``neutral``; a
        ``stance`` attribute, when present, wins. The relation's weight is ``|weight|``
        capped at 1 (a missing, zero or NaN weight means the stance's default); edge
        attributes ``confidence`` and ``kind`` are kept. Nodes become actors whose id is
        the node's name as text when that is a valid id (lowercase letters, digits and
        ``_``, as in files: ``1``, ``north``) and otherwise the nearest valid id
        (``"Valjean"`` -> ``valjean``, ``"Hay'at Tahrir"`` -> ``hay_at_tahrir``; a name
        with no letter or digit -> ``actor_<n>``, n its place among the nodes); the
        actor's name is the node attribute ``name`` or the node's own name. Node
        attributes ``label``, ``kind`` and ``theaters`` (a list of names: theaters are
        created for them) are used too. So ``from_networkx(net.graph)`` gives back the
        actors and the relations in force. A directed graph is made undirected;
        self-loops are skipped.

        Raises
        ------
        ScenarioError
            For an edge whose ``stance``, ``sign``, ``weight`` or ``confidence`` is
            not usable, or two nodes that would get the same id.
        ParameterTypeError
            For something other than a networkx graph, or a multigraph.

        Examples
        --------
        >>> import networkx as nx
        >>> g = nx.Graph([("x", "y", {"sign": -1}), ("y", "Zed", {"weight": 0.4})])
        >>> net = AllianceNetwork.from_networkx(g)
        >>> [(r.pair, r.stance.value) for r in net.relations]
        [(('x', 'y'), 'enemy'), (('y', 'zed'), 'friendly')]
        >>> net.actors["zed"].name
        'Zed'
        """
        import networkx as nx

        if not isinstance(graph, nx.Graph) or graph.is_multigraph():
            raise ParameterTypeError(
                f"graph must be a networkx Graph or DiGraph, not {shown(graph)}"
                + (" (nx.Graph(graph) keeps one tie per pair)" if isinstance(graph, nx.Graph) else "")
            )
        for key, value in (("sign", sign), ("weight", weight)):
            check_text(value, key)
        if graph.is_directed():
            graph = graph.to_undirected()
        actors: dict[str, Actor] = {}
        ids: dict[Any, str] = {}
        named: dict[str, Any] = {}
        theaters: dict[str, Theater] = {}
        for place, (node, data) in enumerate(graph.nodes(data=True), start=1):
            ident = id_for(node, place)
            if ident in named:
                raise ScenarioError(f"two nodes, {shown(named[ident])} and {shown(node)}, would both be the actor "
                                    f"id {ident!r}: relabel one (networkx.relabel_nodes)", file=_GRAPH)
            named[ident] = node
            ids[node] = ident
            kind = data.get("kind", "other")
            kind = ActorKind(kind) if kind in ActorKind.__members__.values() else ActorKind.OTHER
            name = plain_text(data.get("name", node)) or plain_text(node) or ident
            label = plain_text(data.get("label"))
            label = None if label is None or label == name else label
            places = data.get("theaters") or ()
            tids: list[str] = []
            if isinstance(places, list | tuple):
                for i, t in enumerate(places, start=1):
                    tid = id_for(t, i, prefix="theater")
                    title = plain_text(t) if tid != str(t) else None
                    theaters.setdefault(tid, Theater(tid, title or tid.replace("_", " ").title()))
                    if tid not in tids:
                        tids.append(tid)
            actors[ident] = Actor(ident, name, kind, label=label, theaters=tuple(tids))
        relations = []
        for u, v, data in graph.edges(data=True):
            if u == v:
                continue
            relations.append(relation_from_edge(ids[u], ids[v], data, sign, weight))
        return cls(scenario, actors=actors, relations=relations, theaters=theaters, as_of=as_of)

    def to_dict(self) -> dict[str, Any]:
        """The scenario as plain data with the keys of the YAML format (dates as ISO text)."""
        return network_to_dict(self)

    def to_yaml(self) -> str:
        """The scenario as YAML text in the scenario format (:func:`alliances.dumps`)."""
        return network_to_yaml(self)


def _more_row(hidden: int, what: str, columns: int) -> str:
    if hidden <= 0:
        return ""
    return f'<tr><td colspan="{columns}">... and {hidden} more {what}</td></tr>'


_RELATION_ATTRS = tuple(f.name for f in fields(Relation) if f.name not in ("actors", "stance"))


def _records(items: Any, kind: type, name: str) -> tuple[Any, ...]:
    """The records of an iterable (not text, not a mapping), each checked to be a ``kind``."""
    what = f"a list of {kind.__name__}"
    if isinstance(items, str | bytes | Mapping) or not isinstance(items, Iterable):
        raise ParameterTypeError(f"{name} must be {what}, not {shown(items)}")
    return tuple(check_instance(item, kind, f"each of {name}", f"{'an' if kind.__name__[0] in 'AEIOU' else 'a'} "
                                f"{kind.__name__}") for item in items)


def _by_id(items: Any, kind: type, name: str, problems: list[str]) -> dict[str, Any]:
    """Id -> record from a mapping or an iterable of records; a repeated id is a problem."""
    out: dict[str, Any] = {}
    if isinstance(items, Mapping):
        for key, item in items.items():
            check_instance(item, kind, f"each of {name}", f"a {kind.__name__}")
            if key != item.id:
                raise ParameterError(f"{name}: the key {shown(key)} holds the {kind.__name__.lower()} {item.id!r}")
            out[key] = item
        return out
    for item in _records(items, kind, name):
        if item.id in out:
            problems.append(f"duplicate {kind.__name__.lower()} id {item.id!r}")
            continue
        out[item.id] = item
    return out


def _unknown(actor_id: object, actors: Iterable[str]) -> str:
    return f"unknown actor {actor_id!r}{did_you_mean(str(actor_id), actors)}"


def network_to_dict(net: AllianceNetwork, *, iso_dates: bool = True) -> dict[str, Any]:
    """The scenario as plain data with the keys of the YAML format.

    Optional fields are written only when set; a relation's weight only when it
    differs from its stance's default. With ``iso_dates`` dates are ISO text (for
    JSON); otherwise ``datetime.date`` objects (for YAML).

    Examples
    --------
    >>> from alliances import Actor, AllianceNetwork, Relation
    >>> net = AllianceNetwork("T", actors=[Actor("a", "A"), Actor("b", "B")],
    ...                       relations=[Relation(("a", "b"), "rival", weight=0.8)])
    >>> network_to_dict(net)["relations"]
    [{'actors': ['a', 'b'], 'stance': 'rival', 'weight': 0.8}]
    """

    def date(d: Any) -> Any:  # as precise as written: 2013, 2023-06 or 2017-09-05
        if d is None or isinstance(d, int):
            return d
        if isinstance(d, Year):
            return d.year
        if isinstance(d, Month) or iso_dates:
            return d.isoformat()
        return d

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
        put(row, "fighting", r.fighting)
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


# YAML folds these line breaks (NEL, LS, PS, CR) in plain, single-quoted and block text,
# so text holding one is written double-quoted, where they are escaped and read back as they are.
_FOLDED = re.compile("[\x85\u2028\u2029\r]")


def _represent_text(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    if _FOLDED.search(data):
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style='"')
    return dumper.represent_str(data)


_Dumper.add_representer(str, _represent_text)


def network_to_yaml(net: AllianceNetwork) -> str:
    """The network as YAML text in the scenario format (see :func:`alliances.dumps`).

    A scenario file holds at least 2 actors: a smaller network is a
    :class:`~alliances.errors.ParameterError` rather than a file ``load`` would refuse.

    Examples
    --------
    >>> from alliances import Actor, AllianceNetwork, Relation
    >>> net = AllianceNetwork("T", actors=[Actor("a", "A"), Actor("b", "B")],
    ...                       relations=[Relation(("a", "b"), "ally")])
    >>> print(network_to_yaml(net), end="")
    version: 1
    scenario: T
    actors:
      - id: a
        name: A
        kind: other
      - id: b
        name: B
        kind: other
    relations:
      - actors:
          - a
          - b
        stance: ally
    """
    if len(net.actors) < 2:  # what a scenario file must hold, so the text is always one load reads
        raise ParameterError(f"a scenario file needs at least 2 actors; the network {net.scenario!r} has "
                             f"{len(net.actors)}")
    data = network_to_dict(net, iso_dates=False)
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
