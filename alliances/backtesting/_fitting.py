"""The fitted model: the expert risk model updated on the training rows, and how far it moved.

The fit is :func:`alliances.fit_risk_model` with the expert model as Dirichlet prior
(EM over the latent nodes and the unobserved factor values). Before it, the expert's
clash table is recalibrated to the training record level by level of the conflict
history (:func:`alliances.risk.calibrate_outcome`): the expert speaks of one month and
of a history counted in months, the record may be cut into quarters or years, so each
history level's intercept comes from the training rows while the expert's graph effects
(what hostility, opportunity and backing add within a level) are kept. A factor that is
unobserved in every training row (``common_theater`` when the scenario records no
theaters) is summed out everywhere, as a latent node is.

References
----------
.. [1] Heckerman, D. (1995). A tutorial on learning with Bayesian networks. MSR-TR-95-06.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import product
from typing import TYPE_CHECKING

import numpy as np

from ..risk import OUTCOME, RiskModel, calibrate_outcome, fit_risk_model

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["cpd_changes", "fit_on"]

def fit_on(train: pd.DataFrame, expert: RiskModel, *, pseudo_count: float,
           pseudo_counts: Mapping[str, float] | None = None, max_iter: int = 30,
           unobserved: Sequence[str] = (), calibrate: bool = True) -> tuple[RiskModel, list[str], list[str]]:
    """:func:`alliances.fit_risk_model` on training rows, ``unknown`` factor states read as unobserved.

    A factor that is ``unknown`` in some rows is summed out of those rows; one that is
    unknown in every row (``common_theater`` without theaters), or that the caller names
    in ``unobserved`` (an ablation), is summed out everywhere, so EM fits it like a
    latent node. ``pseudo_count`` and ``pseudo_counts`` are the prior weights of
    :func:`alliances.fit_risk_model`. With ``calibrate`` (and a ``fighting`` factor
    observed in some training row that is a parent of the outcome), the prior is first
    :func:`alliances.risk.calibrate_outcome` by ``fighting``.

    Returns the fitted model, notes on what was decided, and the factors never observed.
    """
    import pandas as pd

    notes = []
    obs = pd.DataFrame({f: None if f in unobserved else train[f].where(train[f] != "unknown", None)
                        if f != "stance" else train[f] for f in expert.factors})
    obs[OUTCOME] = np.where(train["clash_next"].to_numpy(dtype=bool), "yes", "no")
    never = [f for f in expert.factors if obs[f].isna().all()]
    hidden = [f for f in never if f not in unobserved]
    if hidden:
        notes.append(f"{', '.join(hidden)} is unobserved in every training row: fitted as a latent node")
    partial = [f for f in expert.factors if f not in never and obs[f].isna().any()]
    if partial:
        n = int(obs[partial].isna().any(axis=1).sum())
        notes.append(f"{n} training row(s) with an unobserved {' or '.join(partial)}: summed out there")
    prior = expert
    if calibrate and "fighting" in expert.nodes[OUTCOME].parents and obs["fighting"].notna().any():
        prior = calibrate_outcome(obs, prior=expert, by="fighting")
        notes.append("the clash table recalibrated to the training rates of each conflict-history level "
                     "before the fit")
    fitted = fit_risk_model(obs, prior=prior, pseudo_count=pseudo_count, pseudo_counts=pseudo_counts,
                            max_iter=max_iter)
    return fitted.with_tables({}, name=f"{expert.name} (fitted to {len(obs)} pair-windows)"), notes, never


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
