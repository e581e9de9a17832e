"""All-pairs conflict risk: the network compiled once over its finite set of factor combinations.

Every pair is one instance of the same Bayesian network, and its evidence is a
combination of factor states drawn from a small finite set. For each combination of
the factors other than the stance that occurs, pgmpy's ``VariableElimination`` is
asked once for the joint ``P(clash, stance | factors)``, and the engine
(:class:`CompiledRisk`, one per model) keeps the answer. A pair's risk is then read
from that table:

- hard evidence (confidence 1): ``P(clash=yes | stance=s, factors)``;
- soft evidence (confidence c < 1): a likelihood vector L over the stance states
  (virtual evidence) gives ``sum_s L_s P(yes, s | f) / sum_s L_s P(s | f)``, exactly
  what pgmpy's ``query(..., virtual_evidence=[L])`` computes, without a query per pair.

The likelihood is chosen so that, before the other factors are seen, the stance
recorded with confidence c has probability c and the remaining 1 - c is spread over
the other states in proportion to the model's prior (Jeffrey's rule turned into
virtual evidence, Chan & Darwiche 2005).
"""

from __future__ import annotations

import os
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np

from .._arguments import check_graph
from .._checks import check_instance, check_progress, shown
from .._progress import ProgressCallback, ProgressLike, using_progress
from ..errors import ParameterTypeError
from ._factors import PairFactors, pair_factors
from ._model_file import RiskModel, resolve_model
from ._pgmpy import factor_values, pgmpy_classes
from ._spec import FACTORS, MISSING, OUTCOME, OUTCOME_STATES, STANCES

if TYPE_CHECKING:
    import pandas as pd

    from .._network import AllianceNetwork

__all__ = ["CompiledRisk", "conflict_risk", "risk_frame"]

_YES = OUTCOME_STATES.index("yes")


class CompiledRisk:
    """The risk network compiled for all-pairs use: an inference engine that keeps what it computed.

    A :class:`RiskModel` is immutable data; this engine is the mutable part. It builds
    pgmpy's ``VariableElimination`` on the model once, and caches the joint
    ``P(clash, stance | other factors)`` of every combination it was asked for, so one
    engine reused over many scenarios (a backtest's windows, a what-if's before and
    after) queries pgmpy once per combination. Build one per model and keep it as long
    as the model is in use.

    Parameters
    ----------
    model : RiskModel
        The model to compile.

    Attributes
    ----------
    model : RiskModel
        The compiled model.
    others : tuple of str
        The model's factors other than the stance: the order of a combination's entries.

    Examples
    --------
    >>> import alliances
    >>> engine = CompiledRisk(alliances.load_risk_model())
    >>> engine.others
    ('balance', 'shared_enemy', 'opposed_backers', 'common_theater')
    >>> risk = engine.all_pairs(alliances.load("seeds/syria_2017.yaml"))
    >>> len(risk), engine.cached  # 28 pairs, 10 combinations of the other factors among them
    (28, 10)
    >>> engine.joint((2, 0, 0, 1)).shape  # P(clash, stance | balance zero, no, no, common theater yes)
    (2, 7)

    References
    ----------
    .. [1] Chan & Darwiche (2005). On the revision of probabilistic beliefs using
       uncertain evidence. Artificial Intelligence 163(1).
    """

    def __init__(self, model: RiskModel):
        self.model = check_instance(model, RiskModel, "model", "a RiskModel (load_risk_model reads one)")
        self.others = tuple(f for f in model.factors if f != "stance")
        self._joints: dict[tuple[int, ...], np.ndarray] = {}

    def __repr__(self) -> str:
        return f"<CompiledRisk of {self.model.name!r}: {self.cached} combination(s) compiled>"

    @property
    def cached(self) -> int:
        """How many factor combinations have been compiled so far."""
        return len(self._joints)

    @cached_property
    def inference(self) -> Any:
        """pgmpy ``VariableElimination`` on the model (imports pgmpy the first time)."""
        return pgmpy_classes().VariableElimination(self.model.to_pgmpy())

    @cached_property
    def stance_prior(self) -> np.ndarray:
        """The model's marginal P(stance), in ``FACTORS["stance"]`` order."""
        phi = self.inference.query(["stance"], show_progress=False)
        return factor_values(phi, ["stance"], [STANCES])

    def evidence(self, combo: tuple[int, ...]) -> dict[str, str]:
        """The pgmpy evidence dict of a combination (unobserved factors left out)."""
        return {f: FACTORS[f][k] for f, k in zip(self.others, combo, strict=True) if k != MISSING}

    def joint(self, combo: tuple[int, ...]) -> np.ndarray:
        """``P(clash, stance | combo)`` as a (2, 7) array (clash states x stance states).

        ``combo`` holds a state index per factor of :attr:`others` (``-1`` for an
        unobserved one). The first call for a combination queries pgmpy; later ones
        read the cache.
        """
        combo = tuple(int(k) for k in combo)
        table = self._joints.get(combo)
        if table is None:
            phi = self.inference.query([OUTCOME, "stance"], evidence=self.evidence(combo), joint=True,
                                       show_progress=False)
            table = factor_values(phi, [OUTCOME, "stance"], [OUTCOME_STATES, STANCES])
            self._joints[combo] = table
        return table

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
        """P(clash = yes) for every pair of ``pf`` (no pgmpy query per pair).

        ``progress``, when given, is called as ``progress(done, total)`` while the
        combinations are compiled.
        """
        rows, inv = self.combos(pf)
        tables = np.empty((len(rows), 2, len(STANCES)))
        for k, combo in enumerate(rows):
            tables[k] = self.joint(tuple(combo))
            if progress is not None:
                progress(k + 1, len(rows))
        yes = tables[:, _YES, :]
        tot = tables.sum(axis=1)
        with np.errstate(divide="ignore", invalid="ignore"):
            hard = yes / tot
        stance = pf.states["stance"].astype(np.int64)
        out = hard[inv, stance]
        soft = np.flatnonzero(pf.confidence < 1.0)
        if len(soft):
            L = self.likelihood(stance[soft], pf.confidence[soft])
            out[soft] = (L * yes[inv[soft]]).sum(axis=1) / (L * tot[inv[soft]]).sum(axis=1)
        return out

    def all_pairs(self, net: AllianceNetwork, *, progress: ProgressCallback | None = None) -> pd.DataFrame:
        """The table of :func:`conflict_risk` for ``net``, computed with this engine."""
        pf = pair_factors(net)
        return risk_frame(pf, self.p_clash(pf, progress=progress), self.model)


def conflict_risk(
    net: AllianceNetwork,
    *,
    model: RiskModel | str | os.PathLike[str] | None = None,
    progress: ProgressLike = None,
) -> pd.DataFrame:
    """P(direct armed clash) for every unordered pair of actors, from a Bayesian network.

    The graph factors of all pairs are computed with sparse-matrix products and the
    network is compiled once over the factor combinations that occur (see the module
    notes), so the cost is a handful of pgmpy queries plus array work, whatever the
    number of pairs. Relations with confidence < 1 enter as soft (virtual) evidence.

    Parameters
    ----------
    net : AllianceNetwork
        The scenario (relations in force at ``as_of``).
    model : RiskModel, path or None, optional
        The risk model; None uses the shipped default (``load_risk_model()``).
    progress : callable, bool or None, optional
        A callback called as ``progress(done, total)`` while factor combinations are
        compiled, or True for a progress bar on stderr (when it is a terminal).

    Returns
    -------
    pandas.DataFrame
        One row per unordered pair with ``a`` < ``b``: columns ``a``, ``b``, ``stance``
        (``unknown`` when none is recorded), one column per other factor of the model
        (its state name; ``unknown`` where unobserved), and ``p_clash``; sorted by
        ``p_clash`` descending, then ``a``, ``b``.

    Examples
    --------
    >>> import alliances
    >>> net = alliances.load("seeds/syria_2017.yaml")
    >>> risk = alliances.conflict_risk(net)
    >>> len(risk), list(risk.columns)[:3]
    (28, ['a', 'b', 'stance'])
    >>> risk.iloc[0]["stance"]
    'enemy'

    References
    ----------
    .. [1] Bremer (1992). Dangerous dyads. Journal of Conflict Resolution 36(2).
    .. [2] Maoz, Terris, Kuperman & Talmud (2007). What is the enemy of my enemy?
       Journal of Politics 69(1).
    .. [3] Chan & Darwiche (2005). On the revision of probabilistic beliefs using
       uncertain evidence. Artificial Intelligence 163(1).
    """
    check_graph(net, "net")
    check_progress(progress)
    engine = CompiledRisk(resolve_model(model))
    with using_progress(progress, "compiling the risk network") as update:
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
    for f in ("stance", *(f for f in model.factors if f != "stance")):
        labels = [*FACTORS[f], "unknown"]
        codes = pf.states[f][order].astype(np.int32)
        cols[f] = _text_column(np.where(codes < 0, len(labels) - 1, codes), labels)
    cols["p_clash"] = p[order]
    return pd.DataFrame(cols)


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
