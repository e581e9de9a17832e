"""Merge a YAML fragment of sources and relations into a scenario, keeping its layout.

The fragment is what ``alliances extract -o`` writes (``sources:`` and ``relations:``
in the scenario format). Merging never overwrites: a relation for a pair the scenario
already has is left as it is and listed (as agreeing or conflicting); new sources and
relations are appended. The scenario is edited with ruamel.yaml's round-trip mode, so
its comments, key order, quoting and folded text stay as they were; the result is
validated with :func:`alliances.loads` before it is returned.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from typing import Any

from .._checks import check_instance, check_text
from .._records import Stance
from .._text import did_you_mean
from ..errors import Problem, ScenarioError
from ._files import YAML_FORMATS, output_format, write_text_atomic
from ._yaml import read_text_file

__all__ = ["MergeResult", "merge_relations", "merge_files"]

_FRAGMENT_KEYS = {"sources", "relations"}


@dataclass(frozen=True)
class MergeResult:
    """The merged scenario text and what happened to each proposal.

    ``added`` and ``agreed`` are sorted pairs; ``conflicts`` are
    ``(a, b, scenario stance, proposed stance)``; ``sources_added`` source ids.
    """

    text: str
    added: tuple[tuple[str, str], ...]
    agreed: tuple[tuple[str, str], ...]
    conflicts: tuple[tuple[str, str, str, str], ...]
    sources_added: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": [{"a": a, "b": b} for a, b in self.added],
            "agreed": [{"a": a, "b": b} for a, b in self.agreed],
            "conflicts": [{"a": a, "b": b, "scenario": s, "proposed": p} for a, b, s, p in self.conflicts],
            "sources_added": list(self.sources_added),
        }


def merge_relations(
    scenario: str, fragment: str, *, scenario_name: str = "<scenario>", fragment_name: str = "<fragment>"
) -> MergeResult:
    """Add a fragment's sources and relations to a scenario without overwriting any.

    Parameters
    ----------
    scenario : str
        The scenario's YAML text (it must be valid).
    fragment : str
        YAML with ``sources:`` and/or ``relations:`` in the scenario format.
    scenario_name, fragment_name : str
        Names used in problem messages.

    Returns
    -------
    MergeResult
        ``text`` is the merged scenario, with the original comments and layout.

    Raises
    ------
    ScenarioError
        The scenario or the fragment is invalid (every problem, ``file:line: message``),
        for instance a relation naming an actor the scenario does not have.

    Examples
    --------
    >>> scenario = '''# my scenario
    ... scenario: T
    ... actors:
    ...   - {id: a, name: A, kind: state}   # the first
    ...   - {id: b, name: B, kind: state}
    ... '''
    >>> fragment = '''
    ... sources: [{id: wire}]
    ... relations:
    ...   - {actors: [b, a], stance: enemy, evidence: [{source: wire, note: B attacked A.}]}
    ... '''
    >>> result = merge_relations(scenario, fragment)
    >>> result.added
    (('a', 'b'),)
    >>> print(result.text, end="")
    # my scenario
    scenario: T
    actors:
      - {id: a, name: A, kind: state}   # the first
      - {id: b, name: B, kind: state}
    sources:
      - id: wire
    relations:
      - actors: [b, a]
        stance: enemy
        evidence:
          - source: wire
            note: B attacked A.
    """
    check_instance(scenario, str, "scenario", "YAML text")
    check_instance(fragment, str, "fragment", "YAML text")
    check_text(scenario_name, "scenario_name")
    check_text(fragment_name, "fragment_name")
    from ._scenario import loads

    net = loads(scenario, filename=scenario_name)
    yaml = _round_trip(scenario)
    doc = yaml.load(scenario)
    frag = _read_fragment(fragment, fragment_name, set(net.actors), set(net.sources))

    existing = {r.pair: r for r in net.relations}
    added, agreed, conflicts = [], [], []
    new_relations = []
    for rel in frag.get("relations") or []:
        a, b = (str(x) for x in rel["actors"])
        pair = (a, b) if a <= b else (b, a)
        if pair in existing:
            have = existing[pair].stance.value
            if have == str(rel["stance"]):
                agreed.append(pair)
            else:
                conflicts.append((pair[0], pair[1], have, str(rel["stance"])))
            continue
        existing[pair] = None  # type: ignore[assignment]  # a second proposal for the pair is a duplicate
        new_relations.append(rel)
        added.append(pair)
    # only the sources the added relations cite: a source nothing cites would dangle
    cited = {str(e.get("source")) for rel in new_relations for e in rel.get("evidence") or [] if hasattr(e, "get")}
    sources_added: list[str] = []
    for src in frag.get("sources") or []:
        if src["id"] in net.sources or str(src["id"]) not in cited or str(src["id"]) in sources_added:
            continue
        if doc.get("sources") is None:
            doc["sources"] = _seq()
        doc["sources"].append(_block(src))
        sources_added.append(str(src["id"]))
    for rel in new_relations:
        if doc.get("relations") is None:
            doc["relations"] = _seq()
        doc["relations"].append(_block(rel, flow_keys={"actors"}))

    out = io.StringIO()
    yaml.dump(doc, out)
    text = out.getvalue()
    loads(text, filename=scenario_name)  # the merge must give a valid scenario
    return MergeResult(text, tuple(added), tuple(agreed), tuple(conflicts), tuple(sources_added))


def merge_files(
    scenario: str | os.PathLike[str], fragment: str | os.PathLike[str], output: str | os.PathLike[str]
) -> MergeResult:
    """Merge the fragment file into the scenario file and write the result to ``output`` atomically."""
    texts = [read_text_file(scenario, what="scenario file"), read_text_file(fragment, what="fragment file")]
    out, _ = output_format(output, YAML_FORMATS)
    result = merge_relations(texts[0], texts[1], scenario_name=os.fspath(scenario), fragment_name=os.fspath(fragment))
    write_text_atomic(out, result.text)
    return result


# --------------------------------------------------------------------------- helpers
def _round_trip(text: str):
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the scenario's lines
    # keep the file's list indentation ("  - item" under a key is the project's style)
    m = re.search(r"^[A-Za-z_]+:[ \t]*\n( *)- ", text, re.M)
    offset = len(m.group(1)) if m else 2
    yaml.indent(mapping=2, sequence=offset + 2, offset=offset)
    return yaml


def _block(node: Any, flow_keys: frozenset[str] | set[str] = frozenset()) -> Any:
    """The node in block style (the scenario's style), except the lists under ``flow_keys``."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap):
        node.fa.set_block_style()
        for key, value in node.items():
            _block(value)
            if key in flow_keys and isinstance(value, CommentedSeq):
                value.fa.set_flow_style()
    elif isinstance(node, CommentedSeq):
        node.fa.set_block_style()
        for item in node:
            _block(item)
    return node


def _seq():
    from ruamel.yaml.comments import CommentedSeq

    return CommentedSeq()


def _read_fragment(text: str, name: str, actors: set[str], sources: set[str]) -> dict[str, Any]:
    """The fragment as round-trip data, checked: only sources and relations, known actors and sources."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.error import YAMLError

    yaml = YAML(typ="rt")
    try:
        data = yaml.load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ScenarioError(Problem(name, mark.line + 1 if mark else None, f"YAML syntax error: {exc}")) from None
    if data is None:
        raise ScenarioError(Problem(name, None, "empty fragment: expected 'sources:' and 'relations:'"))
    if not isinstance(data, CommentedMap):
        raise ScenarioError(Problem(name, 1, "a fragment is a mapping with 'sources:' and 'relations:'"))
    problems: list[Problem] = []

    def line(node: Any, key: Any = None) -> int | None:
        try:
            if key is not None:
                return node.lc.key(key)[0] + 1 if isinstance(node, CommentedMap) else node.lc.item(key)[0] + 1
            return node.lc.line + 1
        except (AttributeError, KeyError, IndexError, TypeError):
            return None

    for key in data:
        if key not in _FRAGMENT_KEYS:
            problems.append(Problem(name, line(data, key), f"unknown field {key!r} in a fragment (expected sources, relations)"))
    for field in ("sources", "relations"):
        value = data.get(field)
        if value is not None and not isinstance(value, CommentedSeq):
            problems.append(Problem(name, line(data, field), f"'{field}' must be a list"))
    defined = set(sources) | {
        str(src["id"]) for src in (data.get("sources") if isinstance(data.get("sources"), list) else [])
        if isinstance(src, CommentedMap) and "id" in src
    }
    for k, rel in enumerate(data.get("relations") or [] if isinstance(data.get("relations"), list) else []):
        where = line(data["relations"], k)
        if not isinstance(rel, CommentedMap) or "actors" not in rel or "stance" not in rel:
            problems.append(Problem(name, where, "a relation needs 'actors' and 'stance'"))
            continue
        for ev in rel.get("evidence") or []:
            if isinstance(ev, CommentedMap) and str(ev.get("source")) not in defined:
                problems.append(Problem(name, line(ev), f"evidence cites unknown source {ev.get('source')!r}"))
        stances = [st.value for st in Stance]
        if str(rel["stance"]) not in stances:
            problems.append(Problem(name, where, f"unknown stance {rel['stance']!r} (expected one of: {', '.join(stances)})"))
        pair = rel["actors"]
        if not isinstance(pair, list) or len(pair) != 2:
            problems.append(Problem(name, where, "a relation's actors must be a list of two actor ids"))
            continue
        for actor in pair:
            if str(actor) not in actors:
                problems.append(Problem(name, where, f"unknown actor {actor!r}{did_you_mean(str(actor), actors)}"))
    for k, src in enumerate(data.get("sources") or [] if isinstance(data.get("sources"), list) else []):
        if not isinstance(src, CommentedMap) or "id" not in src:
            problems.append(Problem(name, line(data["sources"], k), "a source needs an 'id'"))
    if problems:
        raise ScenarioError(problems)
    return data
