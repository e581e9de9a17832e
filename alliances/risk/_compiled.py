"""All-pairs conflict risk: the network compiled once into a table over every combination of its factors.

Every pair is one instance of the same Bayesian network, and its evidence is a
combination of factor states from a small finite set. The engine
(:class:`CompiledRisk`, one per model) computes, once, the joint distribution
``P(clash, stance, other factors)`` over every combination of states, by summing the
latent nodes out of the product of the model's CPDs (variable elimination written as
one ``numpy.einsum`` contraction; for the shipped model a 16,800-entry table in about a
millisecond). An unobserved factor is summed out of that table, which gives the same
answer as leaving it out of the evidence. A pair's risk is then read from the table:

- hard evidence (confidence 1): ``P(clash=yes | stance=s, factors)``;
- soft evidence (confidence c < 1): a likelihood vector L over the stance states
  (virtual evidence) gives ``sum_s L_s P(yes, s | f) / sum_s L_s P(s | f)``, exactly
  what pgmpy's ``query(..., virtual_evidence=[L])`` computes.

The likelihood is chosen so that, before the other factors are seen, the stance
recorded with confidence c has probability c and the remaining 1 - c is spread over
the other states in proportion to the model's prior (Jeffrey's rule turned into
virtual evidence, Chan & Darwiche 2005). pgmpy is not imported on this path; the tests
check every answer against pgmpy's own ``VariableElimination`` query, pair by pair,
to 1e-9.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np

from .._arguments import check_graph
from .._checks import check_choice, check_instance, check_items, check_progress, shown
from .._progress import ProgressCallback, ProgressLike, using_progress
from ..errors import ModelFileError, ParameterError, ParameterTypeError
from ._factors import PairFactors, pair_factors
from ._model_file import RiskModel, resolve_model
from ._spec import FACTORS, MISSING, OUTCOME, OUTCOME_STATES, STANCES

if TYPE_CHECKING:
    import pandas as pd

    from .._network import AllianceNetwork

__all__ = ["CompiledRisk", "conflict_risk", "joint_distribution", "risk_frame"]

_YES = OUTCOME_STATES.index("yes")
_MAX_LABELS = 52  # numpy.einsum names each axis with one letter


class CompiledRisk:
    """The risk network compiled for all-pairs use: the joint table of the outcome and every factor.

    A :class:`RiskModel` is immutable data; this engine holds what is computed from it,
    once: the joint ``P(clash, stance, others)`` with a summed-out slot appended to every
    factor axis of :attr:`others`, so that state index ``-1`` (:data:`MISSING`) reads
    the factor as unobserved. Build one per model and keep it as long as the model is
    in use.

    Parameters
    ----------
    model : RiskModel
        The model to compile.

    Attributes
    ----------
    model : RiskModel
        The compiled model.
    others : tuple of str
        The model's factors other than the stance, in the order of :data:`FACTORS`: the
        order of a combination's entries.

    Examples
    --------
    >>> import alliances
    >>> engine = CompiledRisk(alliances.load_risk_model())
    >>> engine.others
    ('fighting', 'implied', 'shared_enemy', 'backing', 'common_theater')
    >>> engine.table.shape  # clash x stance x each factor's states plus "unobserved"
    (2, 7, 6, 6, 3, 4, 3)
    >>> risk = engine.all_pairs(alliances.load("seeds/syria_2017.yaml"))
    >>> len(risk)
    28
    >>> engine.joint((-1, 2, 0, 0, 1)).shape  # P(clash, stance | fighting unobserved, implied none, ...)
    (2, 7)

    References
    ----------
    .. [1] Chan & Darwiche (2005). On the revision of probabilistic beliefs using
       uncertain evidence. Artificial Intelligence 163(1).
    .. [2] Zhang & Poole (1994). A simple approach to Bayesian network computations.
       Proc. 10th Canadian Conference on Artificial Intelligence (variable elimination).
    """

    def __init__(self, model: RiskModel):
        self.model = check_instance(model, RiskModel, "model", "a RiskModel (load_risk_model reads one)")
        self.others = tuple(f for f in FACTORS if f in model.factors and f != "stance")  # canonical order

    def __repr__(self) -> str:
        return f"<CompiledRisk of {self.model.name!r}: factors {', '.join(('stance', *self.others))}>"

    @cached_property
    def table(self) -> np.ndarray:
        """``P(clash, stance, *others)`` with an extra "unobserved" slot (the sum) on every factor axis."""
        joint = joint_distribution(self.model, [OUTCOME, "stance", *self.others])
        for axis in range(2, joint.ndim):
            joint = np.concatenate([joint, joint.sum(axis=axis, keepdims=True)], axis=axis)
        return joint

    @cached_property
    def stance_prior(self) -> np.ndarray:
        """The model's marginal P(stance), in ``FACTORS["stance"]`` order."""
        index: tuple[Any, ...] = (slice(None), slice(None), *([MISSING] * len(self.others)))
        return self.table[index].sum(axis=0)

    def evidence(self, combo: tuple[int, ...]) -> dict[str, str]:
        """The evidence dict of a combination, as pgmpy takes it (unobserved factors left out)."""
        return {f: FACTORS[f][k] for f, k in zip(self.others, combo, strict=True) if k != MISSING}

    def joint(self, combo: tuple[int, ...]) -> np.ndarray:
        """``P(clash, stance | combo)`` as a (2, 7) array (clash states x stance states).

        ``combo`` holds a state index per factor of :attr:`others` (``-1`` for an
        unobserved one).
        """
        index: tuple[Any, ...] = (slice(None), slice(None), *(int(k) for k in combo))
        t = self.table[index]
        return t / t.sum()

    def joint_with(self, factor: str, combo: tuple[int, ...]) -> np.ndarray:
        """``P(clash, factor, stance | combo without factor)`` as a (2, states, 7) array.

        The factor's own entry of ``combo`` is ignored: it is what the array spreads over.
        """
        pos = self.others.index(factor)
        index: list[int | slice] = [slice(None), slice(None), *(int(k) for k in combo)]
        index[2 + pos] = slice(0, len(FACTORS[factor]))
        t = np.moveaxis(self.table[tuple(index)], 2, 1)
        return t / t.sum()

    def likelihood(self, stance: np.ndarray, confidence: np.ndarray) -> np.ndarray:
        """Virtual-evidence likelihoods (rows, 7) for stances recorded with these confidences.

        With prior P, recorded state r and confidence c: L_r = c / P_r and
        L_s = (1 - c) / (1 - P_r) otherwise, scaled so the largest entry is 1 (pgmpy's
        virtual evidence needs entries in [0, 1]). Confidence 1 gives the one-hot row.
        """
        stance = np.asarray(stance, dtype=np.int64)
        c = np.asarray(confidence, dtype=float)
        prior = self.stance_prior
        pr = prior[stance]
        with np.errstate(divide="ignore", invalid="ignore"):
            own = np.where(c >= 1.0, 1.0, c / pr)
            rest = np.where(c >= 1.0, 0.0, (1.0 - c) / (1.0 - pr))
        L = np.repeat(rest[:, None], len(STANCES), axis=1)
        L[np.arange(len(stance)), stance] = own
        return L / L.max(axis=1, keepdims=True)

    def combos(self, pf: PairFactors) -> tuple[np.ndarray, np.ndarray]:
        """Unique combinations of the non-stance factors (rows) and each pair's row index."""
        if not self.others:
            return np.zeros((1, 0), dtype=np.int64), np.zeros(len(pf), dtype=np.int64)
        code = np.zeros(len(pf), dtype=np.int64)
        for f in self.others:
            code = code * (len(FACTORS[f]) + 1) + (pf.states[f].astype(np.int64) + 1)
        # the code space is tiny (a product of cardinalities + 1): a lookup table is
        # linear where np.unique(return_inverse=True) sorts every pair
        space = int(np.prod([len(FACTORS[f]) + 1 for f in self.others]))
        seen = np.zeros(space, dtype=bool)
        seen[code] = True
        uniq = np.flatnonzero(seen)
        slot = np.zeros(space, dtype=np.int64)
        slot[uniq] = np.arange(len(uniq))
        inv = slot[code]
        rows = np.zeros((len(uniq), len(self.others)), dtype=np.int64)
        rem = uniq.copy()
        for k in range(len(self.others) - 1, -1, -1):
            base = len(FACTORS[self.others[k]]) + 1
            rows[:, k] = rem % base - 1
            rem //= base
        return rows, inv.reshape(-1)

    def p_clash(self, pf: PairFactors, *, progress: ProgressCallback | None = None) -> np.ndarray:
        """P(clash = yes) for every pair of ``pf``.

        ``progress``, when given, is called as ``progress(done, total)`` once the pairs are read.
        """
        rows, inv = self.combos(pf)
        # (combinations, 2, 7): P(clash, stance, the combination), unobserved factors summed out
        J = self.table[(slice(None), slice(None), *rows.T)]
        J = np.moveaxis(J, -1, 0) if self.others else J[None]
        yes = J[:, _YES, :]
        tot = J.sum(axis=1)
        stance = pf.states["stance"].astype(np.int64)
        with np.errstate(divide="ignore", invalid="ignore"):
            out = yes[inv, stance] / tot[inv, stance]
            unseen = np.flatnonzero(stance == MISSING)  # the stance left unobserved (an ablation)
            out[unseen] = yes[inv[unseen]].sum(axis=1) / tot[inv[unseen]].sum(axis=1)
            soft = np.flatnonzero((pf.confidence < 1.0) & (stance != MISSING))
            if len(soft):
                L = self.likelihood(stance[soft], pf.confidence[soft])
                out[soft] = (L * yes[inv[soft]]).sum(axis=1) / (L * tot[inv[soft]]).sum(axis=1)
        if progress is not None:
            progress(1, 1)
        return out

    def all_pairs(self, net: AllianceNetwork, *, progress: ProgressCallback | None = None) -> pd.DataFrame:
        """The table of :func:`conflict_risk` for ``net``, computed with this engine."""
        pf = pair_factors(net)
        return risk_frame(pf, self.p_clash(pf, progress=progress), self.model)


def joint_distribution(model: RiskModel, keep: Sequence[str],
                       tables: Mapping[str, np.ndarray] | None = None) -> np.ndarray:
    """The joint distribution of the nodes ``keep`` (axes in that order), every other node summed out.

    The product of all CPDs, contracted by ``numpy.einsum`` with an optimised order
    (variable elimination). ``tables`` replaces some CPDs (each shaped node states x
    parent states, one axis per parent, or flat as in :class:`RiskNode`).

    Examples
    --------
    >>> from alliances.risk import load_risk_model
    >>> m = load_risk_model()
    >>> p = joint_distribution(m, ["clash"])
    >>> p.shape, round(float(p.sum()), 12)
    ((2,), 1.0)
    """
    check_instance(model, RiskModel, "model", "a RiskModel (load_risk_model reads one)")
    names = list(model.nodes)
    keep = check_items(keep, "keep", lambda v, what: check_choice(v, what, names), item="a node in keep")
    if len(set(keep)) != len(keep):
        raise ParameterError(f"keep names a node twice: {list(keep)!r}")
    if tables is not None:
        tables = _checked_tables(model, tables)
    if len(names) > _MAX_LABELS:
        raise ModelFileError(f"the model has {len(names)} nodes: at most {_MAX_LABELS} are supported",
                             file=model.source)
    label = {n: k for k, n in enumerate(names)}
    operands: list[Any] = []
    for node in model.nodes.values():
        shape = (len(node.states), *(len(model.nodes[p].states) for p in node.parents))
        table = node.table if tables is None or node.id not in tables else tables[node.id]
        operands += [np.reshape(table, shape), [label[node.id], *(label[p] for p in node.parents)]]
    out: np.ndarray = np.einsum(*operands, [label[n] for n in keep], optimize="greedy")
    return out


def _checked_tables(model: RiskModel, tables: Any) -> dict[str, np.ndarray]:
    """``tables`` as arrays of finite numbers, each named for a node and sized for its CPD."""
    check_instance(tables, Mapping, "tables", "a mapping of node names to arrays")
    out = {}
    for node_id, table in tables.items():
        node = model.nodes.get(check_choice(node_id, "a node in tables", list(model.nodes)))
        assert node is not None
        size = len(node.states) * math.prod(len(model.nodes[p].states) for p in node.parents)
        try:
            array = np.asarray(table, dtype=float)
        except (TypeError, ValueError):
            raise ParameterTypeError(f"tables[{node_id!r}] must be an array of numbers, not {shown(table)}") from None
        if array.size != size or not np.all(np.isfinite(array)):
            raise ParameterError(f"tables[{node_id!r}] must hold {size} finite numbers (states x parent states)")
        out[node_id] = array
    return out


def conflict_risk(
    net: AllianceNetwork,
    *,
    model: RiskModel | str | os.PathLike[str] | None = None,
    progress: ProgressLike = None,
) -> pd.DataFrame:
    """P(direct armed clash) for every unordered pair of actors, from a Bayesian network.

    The factors of all pairs are computed with sparse-matrix products and the network is
    compiled once into a table over its factor combinations (see the module notes), so
    the cost is array work, whatever the number of pairs. Relations with confidence < 1
    enter as soft (virtual) evidence. The model's ``horizon`` says what the probability
    is about (the shipped model: a clash in the next month).

    Parameters
    ----------
    net : AllianceNetwork
        The scenario (relations in force at ``as_of``).
    model : RiskModel, path or None, optional
        The risk model; None uses the shipped default (``load_risk_model()``).
    progress : callable, bool or None, optional
        A callback called as ``progress(done, total)`` as the work advances, or True for
        a progress bar on stderr (when it is a terminal).

    Returns
    -------
    pandas.DataFrame
        One row per unordered pair with ``a`` < ``b``: columns ``a``, ``b``, ``stance``
        (``unknown`` when none is recorded), one column per other factor of the model
        in the order of :data:`FACTORS` (its state name, an ordered categorical in the
        factor's state order; ``unknown`` where unobserved), and ``p_clash``; sorted by
        ``p_clash`` descending, then ``a``, ``b``. ``df.attrs["horizon"]`` is the model's horizon.

    Examples
    --------
    >>> import alliances
    >>> net = alliances.load("seeds/syria_2017.yaml")
    >>> risk = alliances.conflict_risk(net)
    >>> len(risk), list(risk.columns)[:3]
    (28, ['a', 'b', 'stance'])
    >>> risk.iloc[0]["stance"], risk.attrs["horizon"]
    ('enemy', 'P(at least one direct armed clash between the two in the next month)')

    References
    ----------
    .. [1] Bremer (1992). Dangerous dyads. Journal of Conflict Resolution 36(2).
    .. [2] Hegre et al. (2019). ViEWS: a political violence early-warning system.
       Journal of Peace Research 56(2).
    .. [3] Chan & Darwiche (2005). On the revision of probabilistic beliefs using
       uncertain evidence. Artificial Intelligence 163(1).
    """
    check_graph(net, "net")
    check_progress(progress)
    engine = CompiledRisk(resolve_model(model))
    with using_progress(progress, "computing conflict risk") as update:
        return engine.all_pairs(net, progress=update)


def risk_frame(pf: PairFactors, p: np.ndarray, model: RiskModel) -> pd.DataFrame:
    """The sorted all-pairs DataFrame of :func:`conflict_risk` from computed arrays."""
    check_instance(pf, PairFactors, "pf", "a PairFactors (from pair_factors)")
    check_instance(model, RiskModel, "model", "a RiskModel")
    if not isinstance(p, np.ndarray) or p.shape != pf.i.shape:
        raise ParameterTypeError(f"p must be an array of one probability per pair ({pf.i.size}), not {shown(p)}")
    import pandas as pd

    # pairs are in np.triu_indices order, which is (i, j) order: a stable sort on -p
    # gives "p descending, then a, b" without a three-key lexsort
    order = np.argsort(-p, kind="stable")
    cols: dict[str, object] = {
        "a": _text_column(pf.i[order], pf.ids),
        "b": _text_column(pf.j[order], pf.ids),
    }
    for f in (f for f in FACTORS if f in model.factors):  # the canonical order: stance, fighting, ...
        labels = [*dict.fromkeys([*FACTORS[f], "unknown"])]
        codes = pf.states[f][order].astype(np.int32)
        # an ordered categorical of the state names: no string per row, and sorting follows the states' order
        cols[f] = pd.Categorical.from_codes(np.where(codes < 0, len(labels) - 1, codes), categories=labels,
                                            ordered=True)
    cols["p_clash"] = p[order]
    df = pd.DataFrame(cols)
    df.attrs["horizon"] = model.outcome_label
    return df


def _text_column(codes: np.ndarray, labels: list[str]):
    """``labels[codes]`` as a pandas string column, built without a Python object per row.

    With pandas' pyarrow-backed default string dtype, the column is cast from a
    dictionary array (about 10x faster than converting 500,000 Python strings);
    otherwise it is a NumPy object array.
    """
    import pandas as pd

    dtype = pd.Series(["x"]).dtype
    if isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow":
        import pyarrow as pa

        text = pa.large_string()
        arr = pa.DictionaryArray.from_arrays(pa.array(codes, pa.int32()), pa.array(list(labels), text)).cast(text)
        return pd.array(arr, dtype=dtype)
    return np.asarray(labels, dtype=object)[codes]
