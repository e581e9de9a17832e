"""The fitted model: the expert risk model updated on the training rows, and how far it moved.

The fit is :func:`alliances.fit_risk_model` with the expert model as Dirichlet prior
(pgmpy, EM over the latent nodes). A factor that is unobserved in every training row
(``common_theater`` when the scenario records no theaters) is fitted as a latent node,
since pgmpy's estimators drop incomplete rows.

References
----------
.. [1] Heckerman, D. (1995). A tutorial on learning with Bayesian networks. MSR-TR-95-06.
"""

from __future__ import annotations

from itertools import product
from typing import TYPE_CHECKING

import numpy as np

from ..risk import OUTCOME, RiskModel, RiskNode, fit_risk_model

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["cpd_changes", "fit_on"]

_LATENT_SUFFIX = "__unobserved"


def fit_on(train: pd.DataFrame, expert: RiskModel, *, pseudo_count: float,
           max_iter: int = 30) -> tuple[RiskModel, list[str], list[str]]:
    """:func:`alliances.fit_risk_model` on training rows; factors never observed are fitted as latent.

    pgmpy's estimators drop a row with a missing value, so a factor that is ``unknown`` in
    every row (``common_theater`` without theaters) would leave nothing to fit: it is
    renamed to a latent node for the fit (EM then marginalises it) and renamed back.
    Rows where a factor is missing only sometimes are dropped by the fit.

    Returns the fitted model, notes on what was decided, and the factors fitted as latent.
    """
    import pandas as pd

    notes = []
    obs = pd.DataFrame({f: train[f].where(train[f] != "unknown", None) if f != "stance" else train[f]
                        for f in expert.factors})
    obs[OUTCOME] = np.where(train["clash_next"].to_numpy(dtype=bool), "yes", "no")
    never = [f for f in expert.factors if obs[f].isna().all()]
    partial = [f for f in expert.factors if f not in never and obs[f].isna().any()]
    if partial:
        n = int(obs[partial].isna().any(axis=1).sum())
        notes.append(f"{n} training row(s) with an unobserved {' or '.join(partial)} were left out of the fit")
    prior = expert
    if never:
        notes.append(f"{', '.join(never)} is unobserved in every training row: fitted as a latent node")
        prior = _as_latent(expert, never)
        obs = obs.drop(columns=never)
    fitted = fit_risk_model(obs, prior=prior, pseudo_count=pseudo_count, max_iter=max_iter)
    tables = {_original_name(n): node.table for n, node in fitted.nodes.items()}
    fitted_model = expert.with_tables(tables, name=f"{expert.name} (fitted to {len(obs)} pair-windows)")
    return fitted_model, notes, never


def _original_name(n: str) -> str:
    return n[: -len(_LATENT_SUFFIX)] if n.endswith(_LATENT_SUFFIX) else n


def _as_latent(model: RiskModel, names: list[str]) -> RiskModel:
    """The same network with the factor nodes ``names`` renamed into latent nodes."""
    ren = {n: n + _LATENT_SUFFIX for n in names}
    nodes = {}
    for nid, node in model.nodes.items():
        new = ren.get(nid, nid)
        nodes[new] = RiskNode(new, node.states, tuple(ren.get(p, p) for p in node.parents), node.table,
                              node.rationale, node.reference)
    return RiskModel(model.name, nodes, model.description, model.source)


def cpd_changes(before: RiskModel, after: RiskModel, *, unobserved: tuple[str, ...] | list[str] = ()) -> pd.DataFrame:
    """How far each CPD column moved from ``before`` to ``after``: total variation distance.

    Parameters
    ----------
    before, after : RiskModel
        Two models with the same structure (the expert and the fitted one).
    unobserved : sequence of str
        Factor nodes that were never observed (fitted as latent): their kind is
        ``factor (unobserved)``.

    Returns
    -------
    pandas.DataFrame
        ``node``, ``kind`` (factor, factor (unobserved), latent, outcome), ``affects_risk``
        (False for the prior of an observed factor, which cancels out of P(clash | factors)
        except through uncertain stances), ``given`` (``"parent=state, ..."``,
        empty for a root), ``shift`` = 1/2 sum |after - before| (0: unchanged, 1: disjoint),
        ``before``, ``after`` (tuples of probabilities in ``states`` order), ``states``;
        sorted by shift descending, then node and column order.

    Examples
    --------
    >>> from alliances.risk import load_risk_model
    >>> m = load_risk_model()
    >>> t = m.nodes["opportunity"].table.copy()
    >>> t[:, 0] = [0.5, 0.5]
    >>> top = cpd_changes(m, m.with_tables({"opportunity": t})).iloc[0]
    >>> top["node"], top["given"], float(top["shift"])
    ('opportunity', 'common_theater=no', 0.35)
    >>> cpd_changes(m, m).query("node == 'stance'")[["kind", "affects_risk"]].values.tolist()
    [['factor', False]]
    """
    import pandas as pd

    rows = []
    for order, (nid, node) in enumerate(before.nodes.items()):
        new = after.nodes[nid].table
        combos = list(product(*[before.nodes[p].states for p in node.parents])) or [()]
        for k, combo in enumerate(combos):
            b, a = node.table[:, k], new[:, k]
            kind = "factor (unobserved)" if nid in unobserved else node.kind
            rows.append({
                "node": nid, "kind": kind, "affects_risk": kind != "factor" or bool(node.parents),
                "given": ", ".join(f"{p}={s}" for p, s in zip(node.parents, combo, strict=True)),
                "shift": round(float(0.5 * np.abs(a - b).sum()), 12),
                "before": tuple(round(float(x), 6) for x in b), "after": tuple(round(float(x), 6) for x in a),
                "states": node.states, "_order": order, "_col": k,
            })
    df = pd.DataFrame(rows)
    df = df.sort_values(["shift", "_order", "_col"], ascending=[False, True, True], kind="mergesort")
    return df.drop(columns=["_order", "_col"]).reset_index(drop=True)
