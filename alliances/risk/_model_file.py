"""The conflict-risk Bayesian network: structure, CPD file reader and validator, pgmpy conversion.

A risk model is a small discrete Bayesian network, one instance per unordered pair of
actors. Its **factor** nodes (:data:`FACTORS`) are computed from the signed graph, its
**outcome** node ``clash`` gives the risk, and any other node is **latent**. The tables
(CPDs) live in a YAML data file; the one shipped with the package is
``alliances/risk/default_model.yaml``. Reading is strict and reports every problem at
once as ``file:line: message`` (:class:`~alliances.errors.ModelFileError`), with the
same rules as scenario files.

pgmpy is imported only by :meth:`RiskModel.to_pgmpy` and what needs it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from itertools import product
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import yaml

from .._checks import check_instance, check_items, check_path, check_text, shown
from .._text import did_you_mean
from ..errors import ModelFileError, ParameterError, ParameterTypeError
from ..readwrite import (
    FLOAT,
    INT,
    NULL,
    StrictYamlReader,
    atomic_path,
    construct,
    describe,
    output_format,
    read_text_file,
)
from ._pgmpy import pgmpy_classes
from ._spec import FACTORS, OUTCOME, OUTCOME_STATES

if TYPE_CHECKING:
    from pgmpy.factors.discrete import TabularCPD
    from pgmpy.models import DiscreteBayesianNetwork

__all__ = [
    "SAVE_FORMATS",
    "RiskModel",
    "RiskNode",
    "load_risk_model",
    "loads_risk_model",
    "resolve_model",
]

#: Model-file formats ``RiskModel.save`` writes, by extension.
SAVE_FORMATS = {
    ".xdsl": "GeNIe (.xdsl)",
    ".net": "Hugin (.net)",
    ".bif": "BIF",
    ".xmlbif": "XMLBIF",
    ".yaml": "alliances risk model (YAML)",
    ".yml": "alliances risk model (YAML)",
}
_TOP = {"version", "name", "description", "nodes"}
_NODE = {"id", "states", "parents", "p", "table", "rationale", "reference", "notes"}
_ROW = {"given", "p"}
_TOLERANCE = 1e-6
_MAX_CARD = 12
_MAX_PARENTS = 4


@dataclass(frozen=True, eq=False)
class RiskNode:
    """One node of the risk network and its CPD.

    Parameters
    ----------
    id : str
        The node's name (a factor of :data:`FACTORS`, the outcome ``clash``, or a latent node).
    states : tuple of str
        Its states, in table row order.
    parents : tuple of str
        Its parents, in table column order.
    table : numpy.ndarray
        The CPD, of shape ``(len(states), prod(parent cardinalities))`` in pgmpy's
        column order (the first parent varies slowest); a root's table has one column.
    rationale, reference : str
        Why the table is what it is, and where that comes from.

    Examples
    --------
    >>> node = load_risk_model().nodes["hostility"]
    >>> node.kind, node.parents, node.table.shape
    ('latent', ('stance', 'alignment'), (3, 21))
    """

    id: str
    states: tuple[str, ...]
    parents: tuple[str, ...]
    table: np.ndarray
    rationale: str
    reference: str

    def __post_init__(self) -> None:
        ident = check_text(self.id, "a node's id")
        where = f"of node {ident!r}"
        object.__setattr__(self, "states", check_items(self.states, f"states {where}", check_text, item=f"a state {where}"))
        object.__setattr__(self, "parents", check_items(self.parents, f"parents {where}", check_text,
                                                        item=f"a parent {where}"))
        check_instance(self.table, np.ndarray, f"table {where}", "a NumPy array")
        if self.table.ndim != 2 or self.table.shape[0] != len(self.states) or self.table.dtype.kind not in "fiu":
            raise ParameterError(f"table {where} must be a 2-D array of numbers with one row per state "
                                 f"({len(self.states)}), not {self.table.dtype} of shape {self.table.shape}")
        if not np.all(np.isfinite(self.table)) or np.any(self.table < 0):
            raise ParameterError(f"table {where} must hold probabilities (finite, >= 0)")
        check_text(self.rationale, f"rationale {where}")
        check_text(self.reference, f"reference {where}")

    @property
    def kind(self) -> str:
        """``"factor"``, ``"outcome"`` or ``"latent"``."""
        if self.id in FACTORS:
            return "factor"
        return "outcome" if self.id == OUTCOME else "latent"


@dataclass(frozen=True, eq=False)
class RiskModel:
    """A conflict-risk Bayesian network: nodes (with CPDs) in topological order.

    Build one with :func:`load_risk_model`; convert it with :meth:`to_pgmpy`; write it
    with :meth:`save`; query it for every pair of a scenario with
    :class:`~alliances.risk.CompiledRisk` or :func:`~alliances.conflict_risk`.
    A model is plain data: it holds no inference engine.

    Parameters
    ----------
    name : str
        The model's name.
    nodes : mapping of str to RiskNode
        The nodes with their CPD tables, parents before children.
    description : str, optional
        What the model predicts, in plain words.
    source : str, optional
        The file it was read from (``"<default>"`` for the shipped model).

    Examples
    --------
    >>> m = load_risk_model()
    >>> m.factors
    ('stance', 'balance', 'shared_enemy', 'opposed_backers', 'common_theater')
    >>> m.latents, m.nodes["clash"].states
    (('alignment', 'hostility', 'opportunity'), ('no', 'yes'))
    """

    name: str
    nodes: Mapping[str, RiskNode]
    description: str | None = None
    source: str = "<default>"

    def __post_init__(self) -> None:
        check_text(self.name, "name of a risk model")
        if not isinstance(self.nodes, Mapping):
            raise ParameterTypeError(f"nodes must be a mapping of node id to RiskNode, not {shown(self.nodes)}")
        seen: dict[str, RiskNode] = {}
        for key, node in self.nodes.items():
            check_instance(node, RiskNode, "each of nodes", "a RiskNode")
            if key != node.id:
                raise ParameterError(f"nodes: the key {shown(key)} holds the node {node.id!r}")
            for parent in node.parents:
                if parent not in seen:
                    raise ParameterError(f"node {node.id!r} has parent {parent!r}, which is not a node before it "
                                         "(parents come first)")
            columns = int(np.prod([len(seen[p].states) for p in node.parents]))
            if node.table.shape[1] != columns:
                raise ParameterError(f"table of node {node.id!r} must have {columns} columns (one per combination "
                                     f"of its parents' states), not {node.table.shape[1]}")
            seen[key] = node
        outcome = seen.get(OUTCOME)
        if outcome is None or outcome.states != OUTCOME_STATES:
            raise ParameterError(f"a risk model needs an outcome node {OUTCOME!r} with states "
                                 f"[{', '.join(OUTCOME_STATES)}]")
        for factor in set(seen) & set(FACTORS):
            if seen[factor].states != FACTORS[factor]:
                raise ParameterError(f"states of factor {factor!r} must be exactly: {', '.join(FACTORS[factor])}")
        check_text(self.description, "description of a risk model", optional=True)
        check_text(self.source, "source of a risk model")

    def __repr__(self) -> str:
        return (f"<RiskModel {self.name!r}: {len(self.nodes)} nodes, factors {', '.join(self.factors)}; "
                f"latent {', '.join(self.latents) or 'none'}>")

    @property
    def edges(self) -> list[tuple[str, str]]:
        """The arrows ``(parent, child)``, in node order."""
        return [(p, n.id) for n in self.nodes.values() for p in n.parents]

    @property
    def factors(self) -> tuple[str, ...]:
        """The graph-derived factor nodes this model uses (file order)."""
        return tuple(n for n in self.nodes if n in FACTORS)

    @property
    def latents(self) -> tuple[str, ...]:
        """The nodes neither observed from the graph nor the outcome (file order)."""
        return tuple(n for n, node in self.nodes.items() if node.kind == "latent")

    @cached_property
    def cpds(self) -> dict[str, TabularCPD]:
        """Every node's CPD as a pgmpy ``TabularCPD`` (imports pgmpy; built once per model)."""
        TabularCPD = pgmpy_classes().TabularCPD
        out = {}
        for node in self.nodes.values():
            out[node.id] = TabularCPD(
                node.id,
                len(node.states),
                node.table,
                evidence=list(node.parents) or None,
                evidence_card=[len(self.nodes[p].states) for p in node.parents] or None,
                state_names={node.id: list(node.states), **{p: list(self.nodes[p].states) for p in node.parents}},
            )
        return out

    def structure(self, *, mark_latents: bool = True) -> DiscreteBayesianNetwork:
        """The model's arrows as a pgmpy ``DiscreteBayesianNetwork`` without CPDs (for estimators).

        Nodes are added in topological order; latent nodes are marked unless
        ``mark_latents`` is false.
        """
        bn = pgmpy_classes().DiscreteBayesianNetwork()
        bn.add_nodes_from(self.nodes)
        bn.add_edges_from(self.edges)
        if mark_latents:
            bn.latents = set(self.latents)
        return bn

    def to_pgmpy(self, *, mark_latents: bool = True) -> DiscreteBayesianNetwork:
        """The model as a checked pgmpy ``DiscreteBayesianNetwork``.

        Nodes are added in topological order (file writers keep it, and GeNIe needs
        parents before children); latent nodes are marked unless ``mark_latents`` is false.
        """
        bn = self.structure(mark_latents=mark_latents)
        bn.add_cpds(*[c.copy() for c in self.cpds.values()])
        bn.check_model()
        return bn

    def to_dict(self) -> dict[str, Any]:
        """The model as plain data with the keys of the model file."""
        nodes = []
        for node in self.nodes.values():
            item: dict[str, Any] = {"id": node.id, "states": list(node.states)}
            if node.parents:
                item["parents"] = list(node.parents)
                combos = product(*[self.nodes[p].states for p in node.parents])
                item["table"] = [
                    {"given": list(c), "p": [round(float(v), 12) for v in node.table[:, k]]}
                    for k, c in enumerate(combos)
                ]
            else:
                item["p"] = [round(float(v), 12) for v in node.table[:, 0]]
            item["rationale"] = node.rationale
            item["reference"] = node.reference
            nodes.append(item)
        out: dict[str, Any] = {"version": 1, "name": self.name}
        if self.description:
            out["description"] = self.description
        out["nodes"] = nodes
        return out

    def save(self, path: str | os.PathLike[str]) -> str:
        """Write the model by extension: .xdsl (GeNIe), .net (Hugin), .bif, .xmlbif, or .yaml.

        The extension and folder are checked before any work; the file is written to a
        temporary name and renamed, so a failure leaves no half-written file.

        Parameters
        ----------
        path : str or path-like
            The file to write; its extension (:data:`SAVE_FORMATS`) chooses the format.

        Returns
        -------
        str
            The format's name.

        Raises
        ------
        OutputError
            For an unknown extension or a folder that does not exist.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as d:
        ...     load_risk_model().save(pathlib.Path(d) / "risk.yaml")
        'alliances risk model (YAML)'
        """
        target, kind = output_format(path, SAVE_FORMATS)
        ext = target.suffix.lower()
        with atomic_path(target, suffix=ext) as tmp:
            if ext in (".yaml", ".yml"):
                text = yaml.safe_dump(self.to_dict(), sort_keys=False, allow_unicode=True, width=100)
                Path(tmp).write_text(text, encoding="utf-8")
            else:
                # the latent mark is pgmpy's own; Hugin and GeNIe files do without it
                self.to_pgmpy(mark_latents=False).save(tmp, filetype=ext[1:])
        return kind

    def with_tables(self, tables: Mapping[str, np.ndarray], *, name: str | None = None) -> RiskModel:
        """A copy with some CPD tables replaced (same shapes, pgmpy column order).

        Examples
        --------
        >>> m = load_risk_model()
        >>> flat = m.with_tables({"shared_enemy": np.array([[0.5], [0.5]])}, name="flat")
        >>> flat.name, flat.nodes["shared_enemy"].table[:, 0].tolist(), m.nodes["shared_enemy"].table is not None
        ('flat', [0.5, 0.5], True)
        """
        nodes = {}
        for nid, node in self.nodes.items():
            t = np.asarray(tables.get(nid, node.table), dtype=float)
            if t.shape != node.table.shape:
                raise ParameterError(f"table for {nid!r} has shape {t.shape}, expected {node.table.shape}")
            nodes[nid] = RiskNode(node.id, node.states, node.parents, t, node.rationale, node.reference)
        return RiskModel(name or self.name, nodes, self.description, self.source)


@cache
def _default_model() -> RiskModel:
    """The shipped model, read once: every caller gets the same (immutable) RiskModel."""
    text = resources.files("alliances.risk").joinpath("default_model.yaml").read_text(encoding="utf-8")
    return loads_risk_model(text, filename="<default risk model>")


def load_risk_model(path: str | os.PathLike[str] | None = None) -> RiskModel:
    """Read and validate a risk-model file; ``None`` gives the shipped default model.

    Parameters
    ----------
    path : str or path-like, optional
        A YAML model file in the format of ``alliances/risk/default_model.yaml``.

    Returns
    -------
    RiskModel

    Raises
    ------
    ModelFileError
        With every problem found, each as ``file:line: message``.

    Examples
    --------
    >>> model = load_risk_model()
    >>> model.nodes["hostility"].parents
    ('stance', 'alignment')
    """
    path = None if path is None else check_path(path, "path")
    if path is None:
        return _default_model()
    name = os.fspath(path)
    return loads_risk_model(read_text_file(name, what="model file", error=ModelFileError), filename=name)


def resolve_model(model: RiskModel | str | os.PathLike[str] | None) -> RiskModel:
    """A RiskModel from a model, a model-file path, or None (the shipped default).

    Parameters
    ----------
    model : RiskModel, str, path-like or None
        What a ``model=`` parameter of the risk functions accepts.

    Returns
    -------
    RiskModel
        ``model`` itself, the model read from the file, or :func:`load_risk_model` ``()``.

    Raises
    ------
    ModelFileError
        For a model file with problems.

    Examples
    --------
    >>> resolve_model(None) is load_risk_model()
    True
    """
    check_instance(model, (RiskModel, str, os.PathLike, type(None)), "model", "a RiskModel, the path of a model file or None")
    if model is None or isinstance(model, RiskModel):
        return model or load_risk_model()
    return load_risk_model(model)


def loads_risk_model(text: str, *, filename: str = "<string>") -> RiskModel:
    """Read and validate a risk model from YAML text (see :func:`load_risk_model`).

    Examples
    --------
    >>> bad = '''
    ... nodes:
    ...   - id: stance
    ...     states: [ally, enemy]
    ...     rationale: r
    ...     reference: x
    ...   - id: clash
    ...     states: [no, yes]
    ...     parents: [stance, hostility]
    ... '''
    >>> try:
    ...     loads_risk_model(bad, filename="m.yaml")
    ... except ModelFileError as err:
    ...     print(err)
    m.yaml:4: states of factor 'stance' must be exactly: ally, friendly, neutral, ambivalent, rival, enemy, unknown
    m.yaml:7: node 'clash' is missing the required field 'rationale'
    m.yaml:7: node 'clash' is missing the required field 'reference'
    m.yaml:9: node 'clash' has unknown parent 'hostility'
    """
    check_instance(text, str, "text", "YAML text (a risk model)")
    check_text(filename, "filename")
    reader = _ModelReader(filename, empty="empty file: a risk model needs 'nodes'", document="a risk model")
    root = reader.compose(text)
    model = reader.model(root) if root is not None else None
    if reader.problems or model is None:
        raise ModelFileError(reader.problems)
    return model


class _ModelReader(StrictYamlReader):
    """The scenario reader's strict YAML walk, applied to model files."""

    def label(self, node: yaml.Node, what: str) -> str | None:
        # State names are labels: an unquoted `no`/`yes` means the word, not a boolean.
        if isinstance(node, yaml.ScalarNode) and node.tag != NULL and node.value.strip():
            return node.value.strip()
        self.err(node, f"{what} must be a word, not {describe(node)}")
        return None

    def labels(self, node: yaml.Node | None, what: str) -> list[str] | None:
        if node is None:
            return []
        items = self.sequence(node, what)
        if items is None:
            return None
        out = [self.label(item, f"each of {what}") for item in items]
        words = [v for v in out if v is not None]
        return words if len(words) == len(out) else None

    def probs(self, node: yaml.Node, what: str, card: int) -> np.ndarray | None:
        items = self.sequence(node, what)
        if items is None:
            return None
        values = []
        ok = True
        for item in items:
            if not (isinstance(item, yaml.ScalarNode) and item.tag in (INT, FLOAT)):
                self.err(item, f"{what}: every entry must be a number between 0 and 1, not {describe(item)}")
                ok = False
                continue
            v = float(construct(item))
            if not 0.0 <= v <= 1.0:
                self.err(item, f"{what}: {item.value} is not a probability (0 to 1)")
                ok = False
            values.append(v)
        if not ok:
            return None
        if len(values) != card:
            self.err(node, f"{what} has {len(values)} numbers, expected {card} (one per state)")
            return None
        total = sum(values)
        if abs(total - 1.0) > _TOLERANCE:
            self.err(node, f"{what} sums to {total:.6g}, not 1")
            return None
        return np.asarray(values, dtype=float)

    def model(self, root: yaml.Node) -> RiskModel | None:
        """The model in a composed file, or None when there are problems (all recorded)."""
        top = self.mapping(root, "the model file", _TOP, ("nodes",))
        if top is None:
            return None
        if "version" in top:
            v = top["version"]
            if not (isinstance(v, yaml.ScalarNode) and v.tag == INT and int(v.value) == 1):
                self.err(v, f"unsupported model format version {getattr(v, 'value', '?')}: this release reads version 1")
        name = self.text(top.get("name"), "name") or "risk model"
        description = self.text(top.get("description"), "description")
        raw = self._raw_nodes(top.get("nodes"))
        if OUTCOME not in raw:
            self.err(root, f"the model needs an outcome node '{OUTCOME}' with states [no, yes]")
        if raw and "stance" not in raw:
            self.err(root, "the model needs the factor node 'stance'")
        states = self._states(raw)  # first: tables refer to the parents' states
        parents = self._parents(raw)
        nodes = self._nodes(raw, states, parents, self._toposort(raw, parents) or [])
        if self.problems:
            return None
        return RiskModel(name, nodes, description, self.file)

    def _raw_nodes(self, seq: yaml.Node | None) -> dict[str, tuple[dict[str, yaml.Node], yaml.Node]]:
        """Each node's fields and its YAML item, by id (nodes without a usable id left out)."""
        raw: dict[str, tuple[dict[str, yaml.Node], yaml.Node]] = {}
        first: dict[str, int] = {}
        for item in (self.sequence(seq, "'nodes'") or []) if seq is not None else []:
            fields = self.mapping(item, "a node", _NODE, ())
            if fields is None:
                continue
            if "id" not in fields:
                self.err(item, "a node is missing the required field 'id'")
                continue
            ident = self.ident(fields["id"], "node id")
            if ident is None:
                continue
            for req in ("states", "rationale", "reference"):
                if req not in fields:
                    self.err(item, f"node '{ident}' is missing the required field '{req}'")
            if ident in first:
                self.err(fields["id"], f"duplicate node id '{ident}' (first at line {first[ident]})")
                continue
            first[ident] = fields["id"].start_mark.line + 1
            raw[ident] = (fields, item)
        return raw

    def _states(self, raw: dict[str, tuple[dict[str, yaml.Node], yaml.Node]]) -> dict[str, tuple[str, ...]]:
        """Each node's valid states (factors and the outcome must have exactly theirs)."""
        states: dict[str, tuple[str, ...]] = {}
        for ident, (fields, _item) in raw.items():
            st = self.labels(fields.get("states"), f"states of node '{ident}'") if "states" in fields else None
            if st is None:
                continue
            where = fields["states"]
            if len(set(st)) != len(st):
                self.err(where, f"states of node '{ident}' repeat a name")
                continue
            if not 2 <= len(st) <= _MAX_CARD:
                self.err(where, f"node '{ident}' must have between 2 and {_MAX_CARD} states, not {len(st)}")
                continue
            if ident in FACTORS and tuple(st) != FACTORS[ident]:
                self.err(where, f"states of factor '{ident}' must be exactly: {', '.join(FACTORS[ident])}")
                continue
            if ident == OUTCOME and tuple(st) != OUTCOME_STATES:
                self.err(where, f"states of the outcome '{OUTCOME}' must be exactly: no, yes")
                continue
            states[ident] = tuple(st)
        return states

    def _parents(self, raw: dict[str, tuple[dict[str, yaml.Node], yaml.Node]]) -> dict[str, tuple[str, ...]]:
        """Each node's valid parents: known nodes, not itself, no repeats, a few at most."""
        parents: dict[str, tuple[str, ...]] = {}
        for ident, (fields, _item) in raw.items():
            ps = self.labels(fields.get("parents"), f"parents of node '{ident}'")
            if ps is None:
                continue
            bad = False
            for pnode, p in zip(fields["parents"].value if "parents" in fields else [], ps, strict=False):
                if p not in raw:
                    self.err(pnode, f"node '{ident}' has unknown parent {p!r}{did_you_mean(p, raw)}")
                    bad = True
                elif p == ident:
                    self.err(pnode, f"node '{ident}' cannot be its own parent")
                    bad = True
            if len(set(ps)) != len(ps):
                self.err(fields["parents"], f"parents of node '{ident}' repeat a name")
                bad = True
            if len(ps) > _MAX_PARENTS:
                self.err(fields["parents"], f"node '{ident}' has {len(ps)} parents: keep it to {_MAX_PARENTS} or fewer")
                bad = True
            if not bad:
                parents[ident] = tuple(ps)
        if OUTCOME in parents and not parents[OUTCOME] and OUTCOME in raw:
            self.err(raw[OUTCOME][1], f"the outcome '{OUTCOME}' needs parents: it is what the factors explain")
        return parents

    def _nodes(
        self,
        raw: dict[str, tuple[dict[str, yaml.Node], yaml.Node]],
        states: dict[str, tuple[str, ...]],
        parents: dict[str, tuple[str, ...]],
        order: list[str],
    ) -> dict[str, RiskNode]:
        """The nodes whose states, parents, table and texts are all valid, in topological order."""
        nodes: dict[str, RiskNode] = {}
        for ident in order:
            fields, item = raw[ident]
            if ident not in states or ident not in parents:
                continue
            own_parents = parents[ident]
            if any(p not in states for p in own_parents):
                continue
            table = self._table(ident, fields, item, states[ident], [states[p] for p in own_parents])
            texts = [
                self.text(fields[key], f"{key} of node '{ident}'", optional=False) if key in fields else None
                for key in ("rationale", "reference")
            ]
            rationale, reference = texts
            if table is None or rationale is None or reference is None:
                continue
            nodes[ident] = RiskNode(ident, states[ident], own_parents, table, " ".join(rationale.split()),
                                    " ".join(reference.split()))
        return nodes

    def _toposort(self, raw: dict[str, Any], parents: dict[str, tuple[str, ...]]) -> list[str] | None:
        order: list[str] = []
        state: dict[str, int] = {}

        def visit(n: str, stack: list[str]) -> bool:
            if state.get(n) == 2:
                return True
            if state.get(n) == 1:
                cycle = stack[stack.index(n):] + [n]
                self.err(raw[n][0]["id"], f"the arrows form a cycle: {' -> '.join(reversed(cycle))}")
                return False
            state[n] = 1
            for p in parents.get(n, ()):
                if p in raw and not visit(p, [*stack, n]):
                    return False
            state[n] = 2
            order.append(n)
            return True

        for n in raw:
            if not visit(n, []):
                return None
        return order

    def _table(
        self,
        ident: str,
        fields: dict[str, yaml.Node],
        item: yaml.Node,
        own: tuple[str, ...],
        parent_states: Sequence[tuple[str, ...]],
    ) -> np.ndarray | None:
        card = len(own)
        if not parent_states:
            if "table" in fields:
                self.err(fields["table"], f"node '{ident}' has no parents: give its distribution as 'p', not 'table'")
                return None
            if "p" not in fields:
                self.err(item, f"node '{ident}' has no parents and needs 'p' (one probability per state)")
                return None
            p = self.probs(fields["p"], f"p of node '{ident}'", card)
            return None if p is None else p.reshape(card, 1)
        if "p" in fields:
            self.err(fields["p"], f"node '{ident}' has parents: give its CPD as 'table' rows with 'given' and 'p'")
            return None
        if "table" not in fields:
            self.err(item, f"node '{ident}' has parents and needs 'table' (one row per combination of parent states)")
            return None
        combos = list(product(*parent_states))
        column = {c: k for k, c in enumerate(combos)}
        out = np.full((card, len(combos)), np.nan)
        seen: dict[tuple[str, ...], int] = {}
        ok = True
        for row in self.sequence(fields["table"], f"table of node '{ident}'") or []:
            f = self.mapping(row, f"a table row of node '{ident}'", _ROW, ("given", "p"))
            if f is None or "given" not in f or "p" not in f:
                ok = False
                continue
            given = self.labels(f["given"], f"given of a row of node '{ident}'")
            if given is None:
                ok = False
                continue
            line = row.start_mark.line + 1
            if len(given) != len(parent_states):
                self.err(f["given"], f"given of node '{ident}' names {len(given)} states, expected {len(parent_states)} (one per parent)")
                ok = False
                continue
            bad = False
            for g, allowed, gnode in zip(given, parent_states, f["given"].value, strict=True):
                if g not in allowed:
                    self.err(gnode, f"unknown state {g!r} in given of node '{ident}' (expected one of: {', '.join(allowed)}){did_you_mean(g, allowed)}")
                    bad = True
            if bad:
                ok = False
                continue
            key = tuple(given)
            if key in seen:
                self.err(row, f"node '{ident}' has two rows for given [{', '.join(key)}] (first at line {seen[key]})")
                ok = False
                continue
            seen[key] = line
            p = self.probs(f["p"], f"p of node '{ident}' given [{', '.join(key)}]", card)
            if p is None:
                ok = False
                continue
            out[:, column[key]] = p
        missing = [c for c in combos if c not in seen]
        if ok and missing:
            shown = "; ".join(f"[{', '.join(c)}]" for c in missing[:4]) + (" ..." if len(missing) > 4 else "")
            self.err(fields["table"], f"table of node '{ident}' lacks {len(missing)} row(s): given {shown}")
            ok = False
        return out if ok else None
