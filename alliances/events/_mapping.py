"""Actor mapping: event-data actor names and CAMEO codes -> scenario actor ids.

A name is looked up, first match wins, in:

1. the mapping file's ``names`` (exact text);
2. the scenario's actor ids, names, labels and aliases (exact text, then ignoring case);
3. the mapping file's ``patterns`` (regular expressions, in file order, ``re.search``);
4. for GDELT, the mapping file's ``codes``: CAMEO actor-code prefixes (``SYRMIL`` -> assad
   also matches ``SYRMILGOV``); the longest matching prefix wins.

A side naming several groups (UCDP joins them with ``", "``, ACLED's associated actors
with ``";"``) is first looked up whole, and otherwise split and each group looked up.
Groups that map to nothing are counted, never dropped silently.

Mapping file (YAML)::

    names:                       # exact event-data name -> actor id
      Military Forces of Syria (2000-): assad
    patterns:                    # regular expressions, tried in order
      - {regex: "^Hay.?at Tahrir", actor: hts}
    codes:                       # CAMEO actor-code prefixes (GDELT)
      SYRMIL: assad
      SYRGOV: assad
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

import yaml

from .._checks import check_instance, check_path, check_text
from .._network import AllianceNetwork
from .._text import did_you_mean
from ..errors import ScenarioError
from ..readwrite import StrictYamlReader, read_text_file

__all__ = ["ActorMapper", "load_mapping", "loads_mapping"]


@dataclass(frozen=True)
class ActorMapper:
    """Maps event-data actor text to scenario actor ids.

    Parameters
    ----------
    names : mapping of str to str
        Exact name -> actor id (wins over everything else).
    patterns : sequence of (regex, actor id)
    codes : mapping of str to str
        CAMEO actor-code prefix -> actor id.
    scenario_names : mapping of str to str
        Exact names from the scenario (ids, names, labels, aliases).

    Examples
    --------
    >>> import alliances
    >>> net = alliances.loads('''
    ... scenario: T
    ... actors:
    ...   - {id: assad, name: Government of Syria, kind: state}
    ...   - {id: rebels, name: Syrian rebels, kind: armed_group, aliases: [SNA, Ahrar al-Sham]}
    ... ''')
    >>> m = ActorMapper.from_network(net)
    >>> m.map_side("SNA, Ahrar al-Sham, Liwa X", ", ")
    (('rebels',), ('Liwa X',))
    """

    names: Mapping[str, str] = field(default_factory=dict)
    patterns: tuple[tuple[re.Pattern[str], str], ...] = ()
    codes: Mapping[str, str] = field(default_factory=dict)
    scenario_names: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_network(cls, net: AllianceNetwork, mapping: ActorMapper | None = None) -> ActorMapper:
        """The scenario's names and aliases, plus a mapping file's entries (checked against the scenario)."""
        exact: dict[str, str] = {}
        for actor in net.actors.values():
            for name in (actor.id, actor.name, actor.label, *actor.aliases):
                if name and name not in exact:
                    exact[name] = actor.id
        if mapping is None:
            return cls(scenario_names=exact)
        for target in [*mapping.names.values(), *(a for _, a in mapping.patterns), *mapping.codes.values()]:
            if target not in net.actors:
                raise ScenarioError(f"the actor mapping names actor {target!r}, which is not in the scenario"
                                    f"{did_you_mean(target, net.actors)}")
        return cls(mapping.names, mapping.patterns, mapping.codes, exact)

    @cached_property
    def folded_names(self) -> dict[str, str]:
        """The scenario's names in case-folded form (the first name of each folded form wins)."""
        folded: dict[str, str] = {}
        for name, actor in self.scenario_names.items():
            folded.setdefault(name.casefold(), actor)
        return folded

    @cached_property
    def code_prefixes(self) -> list[tuple[str, str]]:
        """The CAMEO code prefixes with their actors, longest prefix first."""
        return sorted(self.codes.items(), key=lambda kv: (-len(kv[0]), kv[0]))

    def map_name(self, name: str | None, code: str | None = None, *, exact: bool = False) -> str | None:
        """The actor id for one group name (and optional CAMEO actor code), or None.

        With ``exact`` only exact names count (no patterns, no codes).
        """
        if name:
            if name in self.names:
                return self.names[name]
            if name in self.scenario_names:
                return self.scenario_names[name]
            hit = self.folded_names.get(name.casefold())
            if hit is not None or exact:
                return hit
            for regex, actor in self.patterns:
                if regex.search(name):
                    return actor
        if code:
            for prefix, actor in self.code_prefixes:
                if code.startswith(prefix):
                    return actor
        return None

    def map_side(self, side: str | None, separator: str | None, *, coded: bool = False) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(actor ids, unmapped group names) for one side's raw text; both sorted and distinct.

        With ``coded`` the text is GDELT's ``CODE|NAME``.
        """
        if side is None or not side.strip():
            return (), ()
        if coded:
            code, _, name = side.partition("|")
            actor = self.map_name(name or None, code or None)
            if actor is not None:
                return (actor,), ()
            label = f"{name} [{code}]" if name and code else (name or code)
            return (), (label,)
        # A whole side is looked up by exact name only: a pattern would match a list's first group.
        whole = self.map_name(side.strip(), exact=separator is not None)
        if whole is not None or separator is None:
            return ((whole,), ()) if whole is not None else ((), (side.strip(),))
        found: set[str] = set()
        missing: set[str] = set()
        for group in side.split(separator):
            group = group.strip()
            if not group:
                continue
            actor = self.map_name(group)
            if actor is None:
                missing.add(group)
            else:
                found.add(actor)
        return tuple(sorted(found)), tuple(sorted(missing))

    def table(self, sides: Iterable[tuple[str | None, int]], separator: str | None, *,
              coded: bool = False) -> tuple[list[tuple[str, str]], Counter[str]]:
        """Map every distinct side text.

        Returns
        -------
        (rows, unmapped)
            ``rows``: (raw side text, actor id) pairs for the engine's join;
            ``unmapped``: Counter of group name -> events it appears in.
        """
        rows: list[tuple[str, str]] = []
        unmapped: Counter[str] = Counter()
        for side, count in sides:
            actors, missing = self.map_side(side, separator, coded=coded)
            if side is not None:
                rows.extend((side, a) for a in actors)
            for name in missing:
                unmapped[name] += int(count)
        return rows, unmapped


def load_mapping(path: str | os.PathLike[str]) -> ActorMapper:
    """Read an actor-mapping file (YAML: ``names``, ``patterns``, ``codes``); problems as file:line.

    Raises
    ------
    ScenarioError
        Every problem found (unknown keys, bad regular expressions, non-text values).
    """
    check_path(path, "path")
    name = os.fspath(path)
    return loads_mapping(read_text_file(name, what="mapping file"), filename=name)


def loads_mapping(text: str, *, filename: str = "<string>") -> ActorMapper:
    """Read an actor mapping from YAML text.

    Examples
    --------
    >>> m = loads_mapping('''
    ... names: {"Military Forces of Syria (2000-)": assad}
    ... patterns:
    ...   - {regex: "^Hay.?at Tahrir", actor: hts}
    ... codes: {SYRMIL: assad}
    ... ''')
    >>> m.map_name("Hayat Tahrir al-Sham"), m.map_name("SYRIA", "SYRMILGOV")
    ('hts', 'assad')
    """
    check_instance(text, str, "text", "YAML text (an actor mapping)")
    check_text(filename, "filename")
    reader = StrictYamlReader(
        filename, empty="empty mapping file: give names, patterns or codes", document="a mapping file"
    )
    problems = reader.problems
    err = reader.err
    root = reader.compose(text)
    if root is None:
        raise ScenarioError(problems)
    top = reader.mapping(root, "the mapping file", {"names", "patterns", "codes"}, ())
    names: dict[str, str] = {}
    codes: dict[str, str] = {}
    patterns: list[tuple[re.Pattern[str], str]] = []
    if top is not None:
        for key, target in (("names", names), ("codes", codes)):
            node = top.get(key)
            if node is None:
                continue
            if not isinstance(node, yaml.MappingNode):
                err(node, f"'{key}' must be a mapping of text to actor id")
                continue
            for k, v in node.value:
                src = reader.text(k, f"a {key[:-1]}", optional=False)
                actor = reader.ident(v, "actor id")
                if src is not None and actor is not None:
                    target[src] = actor
        for item in reader.sequence(top["patterns"], "'patterns'") or [] if "patterns" in top else []:
            f = reader.mapping(item, "a pattern", {"regex", "actor"}, ("regex", "actor"))
            if f is None or "regex" not in f or "actor" not in f:
                continue
            rx = reader.text(f["regex"], "regex", optional=False)
            actor = reader.ident(f["actor"], "actor id")
            if rx is None or actor is None:
                continue
            try:
                patterns.append((re.compile(rx), actor))
            except re.error as exc:
                err(f["regex"], f"bad regular expression {rx!r}: {exc}")
    if problems:
        raise ScenarioError(problems)
    return ActorMapper(names, tuple(patterns), codes)
