"""Merge a YAML fragment of sources and relations into a scenario by inserting text.

The fragment is what ``alliances extract -o`` writes (``sources:`` and ``relations:``
in the scenario format). It is read by the scenario reader itself (the same strict YAML,
the same checks of every relation, source and evidence entry, each problem with the
fragment's own ``file:line``). Merging never overwrites:

- a relation for a pair the scenario does not have is appended to ``relations:``;
- a relation that agrees with the scenario's (same pair, same stance) brings its new
  evidence entries (source and note) to that relation's ``evidence:``;
- a relation that disagrees is listed as a conflict and changes nothing;
- the sources that the added relations and evidence cite, and the scenario lacks, are
  appended to ``sources:``.

Everything else in the file is kept byte for byte: comments, flow style, spacing, long
lines, the ``...`` end marker, CRLF line endings, a byte order mark. The new lines follow
the file's own indentation, item style (a list of one-line ``{...}`` items gets one-line
items) and line endings. The merged text is checked to load, with the new relations in it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any

import yaml

from .._checks import check_instance, check_text
from .._network import AllianceNetwork
from .._records import Relation
from ..errors import ScenarioError
from ._files import YAML_FORMATS, output_format, write_text_atomic
from ._scenario import ScenarioReader, loads
from ._textfile import read_text_file
from ._yaml import STR, StrictYamlReader, is_null

__all__ = ["MergeResult", "merge_files", "merge_relations"]

_BREAK = re.compile(r"\r\n|\n|\r")
_Node = Any  # a node of the strict reader: PyYAML's node classes, with .start and .end positions in the text
_WIDE = 1 << 30  # the emitter never folds a line


@dataclass(frozen=True)
class MergeResult:
    """The merged scenario text and what happened to each proposal.

    Pairs are sorted (a < b) and so are the lists. ``added`` are the new relations;
    ``agreed`` relations the scenario already has with the same stance and every
    proposed evidence entry; ``evidence_added`` ``(a, b, n)``: agreeing relations that got
    ``n`` new evidence entries; ``conflicts`` ``(a, b, scenario stance, proposed stance)``,
    left as the scenario says; ``sources_added`` source ids.
    """

    text: str
    added: tuple[tuple[str, str], ...]
    agreed: tuple[tuple[str, str], ...]
    conflicts: tuple[tuple[str, str, str, str], ...]
    sources_added: tuple[str, ...]
    evidence_added: tuple[tuple[str, str, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": [{"a": a, "b": b} for a, b in self.added],
            "agreed": [{"a": a, "b": b} for a, b in self.agreed],
            "evidence_added": [{"a": a, "b": b, "entries": n} for a, b, n in self.evidence_added],
            "conflicts": [{"a": a, "b": b, "scenario": s, "proposed": p} for a, b, s, p in self.conflicts],
            "sources_added": list(self.sources_added),
        }


def merge_relations(
    scenario: str, fragment: str, *, scenario_name: str = "<scenario>", fragment_name: str = "<fragment>"
) -> MergeResult:
    """Add a fragment's sources, relations and evidence to a scenario without overwriting any.

    Parameters
    ----------
    scenario : str
        The scenario's YAML text (it must be valid); a leading byte order mark is kept.
    fragment : str
        YAML with ``sources:`` and/or ``relations:`` in the scenario format.
    scenario_name, fragment_name : str
        Names used in problem messages.

    Returns
    -------
    MergeResult
        ``text`` is the scenario with the new lines inserted and every other byte as it was.

    Raises
    ------
    ScenarioError
        The scenario or the fragment is invalid (every problem, ``file:line: message``,
        naming the file it is in), for instance a relation naming an actor the scenario
        does not have, or a pair the fragment proposes twice.

    Examples
    --------
    >>> scenario = '''# my scenario
    ... scenario: T
    ... actors:
    ...   - {id: a, name: A, kind: state}   # the first
    ...   - {id: b, name: B, kind: state}
    ...   - {id: c, name: C, kind: state}
    ... relations:
    ...   - {actors: [a, c], stance: ally}
    ... '''
    >>> fragment = '''
    ... sources: [{id: wire}]
    ... relations:
    ...   - {actors: [b, a], stance: enemy, evidence: [{source: wire, note: B attacked A.}]}
    ...   - {actors: [c, a], stance: ally, evidence: [{source: wire, note: 'C and A: allies.'}]}
    ... '''
    >>> result = merge_relations(scenario, fragment)
    >>> result.added, result.evidence_added
    ((('a', 'b'),), (('a', 'c', 1),))
    >>> print(result.text, end="")
    # my scenario
    scenario: T
    actors:
      - {id: a, name: A, kind: state}   # the first
      - {id: b, name: B, kind: state}
      - {id: c, name: C, kind: state}
    relations:
      - {actors: [a, c], stance: ally, evidence: [{source: wire, note: 'C and A: allies.'}]}
      - {actors: [b, a], stance: enemy, evidence: [{source: wire, note: B attacked A.}]}
    sources:
      - id: wire
    """
    check_instance(scenario, str, "scenario", "YAML text")
    check_instance(fragment, str, "fragment", "YAML text")
    check_text(scenario_name, "scenario_name")
    check_text(fragment_name, "fragment_name")
    bom = "\ufeff" if scenario.startswith("\ufeff") else ""
    body = scenario[len(bom):]
    net = loads(body, filename=scenario_name)
    frag = _read_fragment(fragment, fragment_name, net)
    plan = _Plan(net, frag)
    layout = _Layout(body, scenario_name, set(plan.evidence))
    edits = layout.edits(plan, frag)
    text = bom + _apply(body, edits)
    _check(text[len(bom):], scenario_name, net, plan)
    return MergeResult(
        text,
        tuple(sorted(plan.added)),
        tuple(sorted(plan.agreed)),
        tuple(sorted(plan.conflicts)),
        tuple(sorted(plan.sources)),
        tuple(sorted((a, b, len(items)) for (a, b), items in plan.evidence.items())),
    )


def merge_files(
    scenario: str | os.PathLike[str], fragment: str | os.PathLike[str], output: str | os.PathLike[str]
) -> MergeResult:
    """Merge the fragment file into the scenario file and write the result to ``output`` atomically.

    Parameters
    ----------
    scenario, fragment : str or path-like
        The files to read (UTF-8; the scenario's byte order mark, if any, is kept).
    output : str or path-like
        A ``.yaml`` or ``.yml`` file; it may be the scenario itself.

    Returns
    -------
    MergeResult

    Raises
    ------
    ScenarioError
        A file is missing, unreadable or invalid.
    OutputError
        ``output`` cannot be written (checked before anything is read).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     s, f = pathlib.Path(d, "s.yaml"), pathlib.Path(d, "f.yaml")
    ...     _ = s.write_bytes(b"scenario: T\\r\\nactors: [{id: a, name: A, kind: state}, {id: b, name: B, kind: state}]\\r\\n")
    ...     _ = f.write_text("relations: [{actors: [a, b], stance: rival}]\\n")
    ...     _ = merge_files(s, f, s)
    ...     s.read_bytes().splitlines(keepends=True)[-3:]
    [b'relations:\\r\\n', b'  - actors: [a, b]\\r\\n', b'    stance: rival\\r\\n']
    """
    out, _ = output_format(output, YAML_FORMATS)
    scenario_text = read_text_file(scenario, what="scenario file", keep_bom=True)
    fragment_text = read_text_file(fragment, what="fragment file")
    result = merge_relations(scenario_text, fragment_text, scenario_name=os.fspath(scenario),
                             fragment_name=os.fspath(fragment))
    write_text_atomic(out, result.text)
    return result


# --------------------------------------------------------------------------- the fragment
class _FragmentReader(ScenarioReader):
    """A fragment: the scenario reader's records, against the scenario's actors and sources."""

    def __init__(self, filename: str, net: AllianceNetwork):
        super().__init__(filename, empty="empty fragment: expected 'sources:' and 'relations:'",
                         document="a fragment")
        self.actors.update(net.actors)
        self.known_sources = set(net.sources)
        self.source_nodes: dict[str, yaml.Node] = {}
        self.relation_nodes: list[tuple[Relation, yaml.Node]] = []

    def fragment(self, root: yaml.Node) -> None:
        top = self.mapping(root, "a fragment (sources and relations only)", {"sources", "relations"}, ())
        if top is None:
            return
        for item in self.sequence(top["sources"], "'sources'") or [] if "sources" in top else []:
            source = self.source(item)
            if source is not None:
                self.source_nodes[source.id] = item
        for item in self.sequence(top["relations"], "'relations'") or [] if "relations" in top else []:
            relation = self.relation(item)
            if relation is not None:
                self.relation_nodes.append((relation, item))
        self.check_references()


def _read_fragment(text: str, name: str, net: AllianceNetwork) -> _FragmentReader:
    reader = _FragmentReader(name, net)
    root = reader.compose(text)
    if root is not None:
        reader.fragment(root)
    if reader.problems:
        raise ScenarioError(reader.problems)
    return reader


class _Plan:
    """What the fragment changes: new relations, evidence for agreeing ones, the sources they cite."""

    def __init__(self, net: AllianceNetwork, frag: _FragmentReader):
        self.added: list[tuple[str, str]] = []
        self.agreed: list[tuple[str, str]] = []
        self.conflicts: list[tuple[str, str, str, str]] = []
        self.new_relations: list[yaml.Node] = []
        self.evidence: dict[tuple[str, str], list[yaml.Node]] = {}  # pair -> evidence items to append
        existing = {r.pair: r for r in net.relations}
        cited: set[str] = set()
        for relation, node in frag.relation_nodes:
            pair = relation.pair
            have = existing.get(pair)
            if have is None:
                self.added.append(pair)
                self.new_relations.append(node)
                cited.update(e.source for e in relation.evidence)
            elif have.stance != relation.stance:
                self.conflicts.append((*pair, have.stance.value, relation.stance.value))
            else:
                seen = {(e.source, e.note) for e in have.evidence}
                items = []
                for entry, item in zip(relation.evidence, _field(node, "evidence") or [], strict=True):
                    if (entry.source, entry.note) not in seen:
                        seen.add((entry.source, entry.note))
                        items.append(item)
                        cited.add(entry.source)
                if items:
                    self.evidence[pair] = items
                else:
                    self.agreed.append(pair)
        # only the sources something added cites: a source nothing cites would dangle
        self.sources = [s for s in frag.source_nodes if s in cited and s not in net.sources]
        self.source_nodes = [frag.source_nodes[s] for s in self.sources]


def _field(node: yaml.Node, name: str) -> list[yaml.Node] | None:
    """The items of a mapping node's list field, or None."""
    for key, value in node.value:
        if key.value == name and isinstance(value, yaml.SequenceNode):
            return list(value.value)
    return None


# --------------------------------------------------------------------------- the scenario's text
class _Layout:
    """Where and how to write in the scenario's text: its node positions, indentation and line endings."""

    def __init__(self, text: str, name: str, pairs: set[tuple[str, str]]):
        self.text = text
        self.pairs = pairs
        self.relations: dict[tuple[str, str], _Node] = {}
        self.last: dict[str, _Node] = {}  # the last item of each top-level list, kept while streaming
        reader = StrictYamlReader(name)
        root = reader.compose(text, stream={"sources": self._keep("sources"), "relations": self._keep("relations")})
        assert isinstance(root, yaml.MappingNode), "the scenario was validated"
        self.root = root
        self.top = {k.value: (k, v) for k, v in reversed(root.value)}  # the first of a key wins, as in the reader
        self.offset = self._list_offset()
        first = _BREAK.search(text)
        self.eol = first.group() if first else "\n"

    def _keep(self, key: str) -> Any:
        def keep(item: _Node) -> None:
            self.last[key] = item
            if key == "relations":
                actors = _field(item, "actors") if isinstance(item, yaml.MappingNode) else None
                ids = tuple(sorted(a.value for a in actors or ()))
                if ids in self.pairs:
                    self.relations[ids] = item
        return keep

    def _list_offset(self) -> int:
        """How far the file indents a block list under its key (``key:\\n  - item``: 2)."""
        for key, value in self.top.values():
            seq: _Node = value
            if isinstance(value, yaml.SequenceNode) and not seq.flow_style:
                return self.column(seq.start) - self.column(key.start)
        return 2

    # -- positions ------------------------------------------------------------
    def column(self, pos: int) -> int:
        return pos - max(self.text.rfind("\n", 0, pos), self.text.rfind("\r", 0, pos)) - 1

    def content_end(self, node: _Node) -> int:
        """Where a node's own text ends (a block collection's end mark is at the next token)."""
        if isinstance(node, yaml.ScalarNode) or node.flow_style:
            return int(node.end)
        if isinstance(node, yaml.MappingNode):
            key, value = node.value[-1]
            return max(self.content_end(key), self.content_end(value))
        last = node.value[-1] if node.value else self._streamed_last(node)
        return self.content_end(last) if last is not None else int(node.end)

    def _streamed_last(self, node: _Node) -> _Node | None:
        for name, (_, value) in self.top.items():
            if value is node:
                return self.last.get(name)
        return None

    def line_end(self, pos: int) -> int:
        """The start of the line after the one ``pos`` is on (the text's end if there is none)."""
        if pos > 0 and self.text[pos - 1] in "\r\n":
            return pos
        found = _BREAK.search(self.text, pos)
        return found.end() if found else len(self.text)

    def lines_at(self, pos: int, lines: list[str], priority: int) -> tuple[int, int, int, str]:
        """An edit inserting whole lines at a line start, in the line ending of the line before."""
        found = _BREAK.search(self.text, max(pos - 2, 0), pos) if pos else None
        eol = found.group() if found else self.eol
        if pos == len(self.text) and (not self.text or self.text[-1] not in "\r\n"):
            return pos, pos, priority, eol + eol.join(lines)  # the file ends without a line break, and still does
        return pos, pos, priority, eol.join(lines) + eol

    # -- edits ------------------------------------------------------------------
    def edits(self, plan: _Plan, frag: _FragmentReader) -> list[tuple[int, int, int, str]]:
        """(start, end, priority, text) replacements; at one position lower priorities come first.

        Where several insertions meet (the end of the file), the deeper goes first: evidence
        of the last relation, then items of an existing list, then new top-level lists.
        """
        out = []
        for pair, items in plan.evidence.items():
            out += self._add_to_relation(self.relations[pair], items)
        if plan.new_relations:
            out += self._add_to_top("relations", plan.new_relations, new_list=3)
        if plan.source_nodes:
            out += self._add_to_top("sources", plan.source_nodes, new_list=4)
        return out

    def _add_to_top(self, key: str, items: list[_Node], new_list: int) -> list[tuple[int, int, int, str]]:
        if key in self.top:
            _, value = self.top[key]
            if isinstance(value, yaml.SequenceNode):
                return [self._append(value, self.last.get(key), items, 2)]
        return self._new_list(self.root, key, items, new_list)

    def _add_to_relation(self, relation: _Node, items: list[_Node]) -> list[tuple[int, int, int, str]]:
        for key, value in relation.value:
            if key.value == "evidence" and isinstance(value, yaml.SequenceNode):
                return [self._append(value, value.value[-1] if value.value else None, items, 1)]
        return self._new_list(relation, "evidence", items, 1)

    def _append(self, seq: _Node, last: _Node | None, items: list[_Node], priority: int) -> tuple[int, int, int, str]:
        """Items at the end of an existing list, in its style."""
        if seq.flow_style:
            pos = last.end if last is not None else seq.start + 1
            return pos, pos, priority, (", " if last is not None else "") + ", ".join(_flow(i) for i in items)
        assert last is not None, "a block list has an item"
        dash = self.column(seq.start)
        gap = self._gap(last.start, dash)
        one_line = isinstance(last, yaml.MappingNode) and bool(last.flow_style)
        lines = [line for item in items for line in _block_item(item, dash, gap, self.offset, one_line=one_line)]
        return self.lines_at(self.line_end(self.content_end(last)), lines, priority)

    def _gap(self, item_start: int, dash: int) -> int:
        """The spaces between an item's ``-`` and its text (1 when the text is on the next line)."""
        at = item_start - 1
        while at >= 0 and self.text[at] == " ":
            at -= 1
        return item_start - at - 1 if at >= 0 and self.text[at] == "-" and self.column(at) == dash else 1

    def _new_list(self, mapping: _Node, key: str, items: list[_Node], priority: int) -> list[tuple[int, int, int, str]]:
        """A list under ``key`` in a mapping that lacks it, or where it is null."""
        present = next(((k, v) for k, v in mapping.value if k.value == key), None)
        if mapping.flow_style:
            listed = "[" + ", ".join(_flow(i) for i in items) + "]"
            if present is not None:  # key: null -> key: [...]
                _, null = present
                return [(null.start, null.end, priority, listed if self.text[null.start - 1] == " " else " " + listed)]
            if mapping.value:
                pos = self.content_end(mapping.value[-1][1])
                return [(pos, pos, priority, f", {key}: {listed}")]
            return [(mapping.start + 1, mapping.start + 1, priority, f"{key}: {listed}")]
        key_col = self.column(mapping.value[0][0].start)
        lines = [line for item in items for line in _block_item(item, key_col + self.offset, 1, self.offset)]
        if present is not None:  # "key:" or "key: null" -> "key:" and the items under it
            name, null = present
            priority = min(priority, 2)  # items of a list that is there: before a new list at the same place
            out = [self.lines_at(self.line_end(name.end), lines, priority)]
            if null.end > null.start:
                colon = self.text.index(":", name.end) + 1
                out.append((colon, null.end, priority, ""))
            return out
        return [self.lines_at(self.line_end(self.content_end(mapping)), [" " * key_col + f"{key}:", *lines], priority)]


def _apply(text: str, edits: list[tuple[int, int, int, str]]) -> str:
    out, at = [], 0
    for start, end, _, new in sorted(edits, key=lambda e: (e[0], e[2])):
        out += [text[at:start], new]
        at = max(at, end)
    out.append(text[at:])
    return "".join(out)


def _check(text: str, name: str, before: AllianceNetwork, plan: _Plan) -> None:
    """The merged text loads, with exactly the planned relations and evidence (else it is a bug)."""
    try:
        after = loads(text, filename=name)
    except ScenarioError as exc:
        raise RuntimeError(f"merge wrote a scenario that does not load (please report it): {exc}") from None
    want = {r.pair: len(r.evidence) for r in before.relations}
    want.update({pair: want[pair] + len(items) for pair, items in plan.evidence.items()})
    got = {r.pair: len(r.evidence) for r in after.relations}
    if any(got.pop(pair, -1) != n for pair, n in want.items()) or sorted(got) != sorted(plan.added):
        raise RuntimeError("merge wrote a scenario whose relations are not the planned ones (please report it)")


# --------------------------------------------------------------------------- rendering fragment nodes
def _scalar(node: _Node) -> str:
    """A fragment's scalar, safe in flow and block context: text through the emitter, the rest as written."""
    if node.tag != STR:
        return str(node.value) or "null"
    text = yaml.safe_dump([node.value], default_flow_style=True, width=_WIDE, allow_unicode=True).strip()[1:-1]
    if "\n" in text or "\r" in text:  # a multi-line value: one double-quoted line with escapes
        text = yaml.safe_dump([node.value], default_flow_style=True, default_style='"', width=_WIDE,
                              allow_unicode=True).strip()[1:-1]
    return text


def _flow(node: _Node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "[" + ", ".join(_flow(i) for i in node.value) + "]"
    if isinstance(node, yaml.MappingNode):
        return "{" + ", ".join(f"{_scalar(k)}: {_flow(v)}" for k, v in node.value if not is_null(v)) + "}"
    return _scalar(node)


def _block_item(item: _Node, dash: int, gap: int, offset: int, *, one_line: bool = False) -> list[str]:
    """A list item at column ``dash``: a mapping in block style (unless ``one_line``), anything else on one line."""
    lines = [] if one_line else _block_fields(item, dash + 1 + gap, offset)
    if not lines:
        return [" " * dash + "-" + " " * gap + _flow(item)]
    lines[0] = " " * dash + "-" + " " * gap + lines[0][dash + 1 + gap:]
    return lines


def _block_fields(node: _Node, indent: int, offset: int) -> list[str]:
    """A mapping's fields at column ``indent``, null ones left out; lists of mappings in block style."""
    if not isinstance(node, yaml.MappingNode):
        return []
    lines = []
    for key, value in node.value:
        if is_null(value):
            continue
        head = " " * indent + _scalar(key) + ":"
        nested = isinstance(value, yaml.SequenceNode) and any(isinstance(i, yaml.MappingNode) for i in value.value)
        if nested:
            lines.append(head)
            lines += [line for item in value.value for line in _block_item(item, indent + offset, 1, offset)]
        else:
            lines.append(f"{head} {_flow(value)}")
    return lines
