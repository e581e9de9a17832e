"""Update the risk model's CPDs from observed pair-periods, with the expert CPDs as the prior.

The expert tables become Dirichlet pseudo-counts (a node's weight x its table), so a few
observations move a table a little and many move it a lot; the weight can differ by
node (a well-founded table can be held firm while the data reshape another). Each
fitted table is the posterior mean, ``(expected counts + weight x expert) / total``.

When every node is observed in every row, the counts are plain counts and one pass is
exact. Latent nodes and missing values (a factor unobserved in some rows, or in all)
are handled by expectation-maximisation (Dempster, Laird & Rubin 1977) started from
the expert tables, with the same Dirichlet posterior mean as its M-step (MAP-EM,
Heckerman 1995): the E-step weighs the joint distribution of all nodes by what each
distinct row of the data observes and sums it down to every node's family (the shipped
model's joint has 302,400 entries: an EM step takes milliseconds). Latent CPDs are not
identifiable from the observed factors alone: only P(clash | factors) can be checked
against data.

The tests check the fully observed case against pgmpy's ``DiscreteBayesianEstimator``
and that every EM step raises the penalised likelihood.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .._checks import check_choice, check_instance, check_int, check_number
from ..errors import Problem, ScenarioError
from ._compiled import joint_distribution
from ._model_file import RiskModel, resolve_model
from ._spec import FACTORS, OUTCOME

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["MAX_ITER", "calibrate_outcome", "check_fit_options", "fit_risk_model", "log_likelihood"]

MAX_ITER = 10_000
"""The most EM iterations a fit may be asked for (it stops earlier once converged)."""

log = logging.getLogger(__name__)
_WHERE = "<observations>"
_TOLERANCE = 1e-7  # EM stops when no table entry moves more than this
_MAX_JOINT = 2**25  # entries of the joint distribution of all nodes the E-step holds (256 MiB)


def fit_risk_model(
    observations: pd.DataFrame,
    *,
    prior: RiskModel | str | os.PathLike[str] | None = None,
    pseudo_count: float = 50.0,
    pseudo_counts: Mapping[str, float] | None = None,
    max_iter: int = 30,
) -> RiskModel:
    """Fit the CPDs to observed pair-periods, starting from (and shrunk towards) the expert model.

    Parameters
    ----------
    observations : pandas.DataFrame
        One row per pair-period: a column per factor of the model holding its state
        name, and ``clash`` (``"yes"``/``"no"``, or booleans/0/1). A missing value
        (None or NaN) in a factor column is summed out (the row still counts for the
        rest); rows without ``clash`` are dropped. Columns for latent nodes, when
        present, must be empty.
    prior : RiskModel, path or None, optional
        The expert model (None: the shipped default). Its structure is kept.
    pseudo_count : float, optional
        How many observations the expert tables are worth, per parent combination.
    pseudo_counts : mapping of str to float, optional
        The same, node by node, for the nodes named (the others get ``pseudo_count``):
        e.g. ``{"clash": 5}`` lets the data move the outcome's table more than the rest.
    max_iter : int, optional
        EM iterations at most (when there are latent nodes or missing values), from 1 to
        10,000.

    Returns
    -------
    RiskModel
        Same nodes, rationales and references; fitted tables.

    Raises
    ------
    ScenarioError
        For a missing column or a state name the model does not know.
    ParameterError
        ``observations`` that is not a DataFrame, a ``pseudo_count`` or ``max_iter`` out
        of range, a ``pseudo_counts`` naming a node the model lacks or a weight that is
        not a positive number (a ParameterTypeError for a value of the wrong type).

    Examples
    --------
    >>> import pandas as pd
    >>> obs = pd.DataFrame({"stance": ["enemy"] * 3, "implied": ["none"] * 3, "shared_enemy": ["no"] * 3,
    ...                     "opposed_backers": ["no"] * 3, "backing": ["one_side"] * 3, "fighting": ["high"] * 3,
    ...                     "common_theater": [None] * 3, "clash": ["yes"] * 3})
    >>> fitted = fit_risk_model(obs, max_iter=5, pseudo_counts={"clash": 5})
    >>> sorted(fitted.nodes) == sorted(resolve_model(None).nodes), fitted.name
    (True, 'alliances default conflict-risk model (fitted to 3 observations)')

    References
    ----------
    .. [1] Heckerman (1995). A tutorial on learning with Bayesian networks. Microsoft Research MSR-TR-95-06.
    .. [2] Dempster, Laird & Rubin (1977). Maximum likelihood from incomplete data via the EM algorithm.
       J. Royal Statistical Society B 39(1).
    """
    check_fit_options(pseudo_count, max_iter)
    import pandas as pd

    check_instance(observations, pd.DataFrame, "observations", "a pandas DataFrame (one row per pair-period)")

    model = resolve_model(prior)
    weights = _prior_weights(model, pseudo_count, pseudo_counts)
    observed = [n for n in model.nodes if n in FACTORS or n == OUTCOME]
    data = _Patterns.of(_clean(observations, model, observed), model, observed)
    expert = {n: node.table.reshape(_shape(model, n)) for n, node in model.nodes.items()}
    tables = dict(expert)
    iterate = bool(model.latents) or data.missing
    for _ in range(max(1, max_iter) if iterate else 1):
        counts = data.expected_counts(tables)
        new = {n: _posterior_mean(counts[n], weights[n] * expert[n]) for n in model.nodes}
        moved = max(float(np.abs(new[n] - tables[n]).max()) for n in model.nodes)
        tables = new
        if moved < _TOLERANCE:
            break
    flat = {n: t.reshape(len(model.nodes[n].states), -1) for n, t in tables.items()}
    return model.with_tables(flat, name=f"{model.name} (fitted to {data.rows} observations)")


def calibrate_outcome(
    observations: pd.DataFrame,
    *,
    prior: RiskModel | str | os.PathLike[str] | None = None,
    by: str = "fighting",
) -> RiskModel:
    """Shift the outcome's log-odds level by level of ``by`` until each level's mean matches its observed rate.

    For every state ``s`` of the factor ``by`` (a parent of the outcome), the log-odds
    of ``clash=yes`` in every column of the outcome's table with ``by = s`` move by one
    common amount ``d_s``, chosen so that the model's mean ``P(clash | the row's
    factors)`` over the rows with ``by = s`` equals their Jeffreys-smoothed clash rate,
    ``(k + 1/2) / (n + 1)``. Within a level, the expert's log-odds differences (what
    hostility, opportunity and backing add) are kept; only the level's intercept comes
    from the data. This is the recalibration of a prior model to a new setting by
    refitting its intercepts (logistic recalibration, Cox 1958; Steyerberg 2019, ch.
    20): the expert table speaks of one month, while the record may be cut into
    quarters, and a conflict history of "past" or "recent" then means something else.
    Levels no row observes keep their tables.

    Parameters
    ----------
    observations : pandas.DataFrame
        As for :func:`fit_risk_model`: one row per pair-period, a column per factor
        (None where unobserved) and ``clash``.
    prior : RiskModel, path or None, optional
        The model to recalibrate (None: the shipped default).
    by : str, optional
        The factor whose levels get their own intercept: an observed parent of the outcome.

    Returns
    -------
    RiskModel
        The same model with the outcome's table shifted level by level.

    Raises
    ------
    ScenarioError
        For a missing column or a state name the model does not know.
    ParameterError
        ``observations`` that is not a DataFrame, or ``by`` that is not a factor parent
        of the outcome.

    Examples
    --------
    >>> import pandas as pd
    >>> m = resolve_model(None)
    >>> rows = {f: [None] * 20 for f in m.factors} | {"clash": ["yes"] * 9 + ["no"] * 11}
    >>> rows["fighting"] = ["low"] * 20
    >>> cal = calibrate_outcome(pd.DataFrame(rows))
    >>> p = joint_distribution(cal, ["fighting", "clash"])[m.nodes["fighting"].states.index("low")]
    >>> round(float(p[1] / p.sum()), 6)  # (9 + 1/2) / (20 + 1)
    0.452381

    References
    ----------
    .. [1] Cox, D. R. (1958). Two further applications of a model for binary regression. Biometrika 45(3/4).
    .. [2] Steyerberg, E. W. (2019). Clinical Prediction Models, 2nd ed., ch. 20 (updating a model). Springer.
    """
    import pandas as pd

    check_instance(observations, pd.DataFrame, "observations", "a pandas DataFrame (one row per pair-period)")
    model = resolve_model(prior)
    parents = list(model.nodes[OUTCOME].parents)
    check_choice(by, "by (a factor parent of the outcome)", [p for p in parents if p in FACTORS])
    observed = [n for n in model.nodes if n in FACTORS or n == OUTCOME]
    data = _clean(observations, model, observed)
    factors = [n for n in observed if n != OUTCOME]
    hidden = [p for p in parents if p not in factors]
    joint = joint_distribution(model, [*factors, *hidden])  # P(factors, the outcome's latent parents)
    table = np.clip(model.nodes[OUTCOME].table.reshape(_shape(model, OUTCOME)), 1e-12, 1.0)
    logit = np.log(table[1]) - np.log(table[0])  # axes: the outcome's parents
    codes = np.stack([data[n].map({s: k for k, s in enumerate(model.nodes[n].states)}).fillna(-1)
                      .to_numpy(dtype=np.int64) for n in factors], axis=1)
    yes = (data[OUTCOME] == "yes").to_numpy()
    patterns, counts = np.unique(codes, axis=0, return_counts=True)
    level = factors.index(by)
    weights: dict[int, list[np.ndarray]] = {}
    logits: dict[int, list[np.ndarray]] = {}
    for pattern, count in zip(patterns, counts, strict=True):
        if pattern[level] < 0:
            continue
        w, lo = _parent_posterior(joint, logit, pattern, factors, hidden, parents)
        weights.setdefault(int(pattern[level]), []).append(count * w)
        logits.setdefault(int(pattern[level]), []).append(lo)
    shift = np.zeros(len(model.nodes[by].states))
    for s in weights:
        rows = codes[:, level] == s
        target = (float(yes[rows].sum()) + 0.5) / (float(rows.sum()) + 1.0) * float(rows.sum())
        shift[s] = _solve_shift(np.concatenate(weights[s]), np.concatenate(logits[s]), target)
    axis = parents.index(by)
    shape = [1] * logit.ndim
    shape[axis] = len(shift)
    p_yes = 1.0 / (1.0 + np.exp(-(logit + shift.reshape(shape))))
    new = np.stack([1.0 - p_yes, p_yes]).reshape(2, -1)
    return model.with_tables({OUTCOME: new}, name=f"{model.name} (calibrated by {by})")


def _parent_posterior(joint: np.ndarray, logit: np.ndarray, pattern: np.ndarray, factors: list[str],
                      hidden: list[str], parents: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """P(the outcome's unobserved parents | the pattern) and their log-odds of ``yes``, as flat vectors."""
    seen = {f: int(c) for f, c in zip(factors, pattern, strict=True) if c >= 0}
    sub = joint[tuple(seen.get(f, slice(None)) for f in factors)]
    left = [f for f in factors if f not in seen] + hidden  # sub's axes
    drop = tuple(k for k, n in enumerate(left) if n not in parents)
    sub = sub.sum(axis=drop) if drop else sub
    left = [n for n in left if n in parents]
    free = [p for p in parents if p not in seen]  # the outcome's parents still open, in parents order
    sub = np.moveaxis(sub, [left.index(p) for p in free], range(len(free)))
    lo = logit[tuple(seen.get(p, slice(None)) for p in parents)]
    return (sub / sub.sum()).ravel(), lo.ravel()


def _solve_shift(weights: np.ndarray, logits: np.ndarray, target: float) -> float:
    """The d with sum(weights * sigmoid(logits + d)) = target, by bisection (the sum rises with d)."""
    lo, hi = -30.0, 30.0
    for _ in range(80):
        mid = (lo + hi) / 2
        if float((weights / (1.0 + np.exp(-(logits + mid)))).sum()) < target:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def _shape(model: RiskModel, n: str) -> tuple[int, ...]:
    node = model.nodes[n]
    return (len(node.states), *(len(model.nodes[p].states) for p in node.parents))


def check_fit_options(pseudo_count: object, max_iter: object) -> None:
    """Check the options of a fit: ``pseudo_count`` > 0, ``max_iter`` from 1 to 10,000.

    Parameters
    ----------
    pseudo_count, max_iter : object
        As for :func:`fit_risk_model`.

    Raises
    ------
    ParameterError, ParameterTypeError

    Examples
    --------
    >>> check_fit_options(50.0, 30)
    >>> check_fit_options(float("nan"), 30)
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterError: pseudo_count must be a positive number, not nan
    """
    check_number(pseudo_count, "pseudo_count", low=0, low_open=True)
    check_int(max_iter, "max_iter", low=1, high=MAX_ITER)


def _posterior_mean(counts: np.ndarray, pseudo: np.ndarray) -> np.ndarray:
    total = counts + pseudo
    return total / total.sum(axis=0, keepdims=True)


def log_likelihood(model: RiskModel, observations: pd.DataFrame) -> float:
    """The log-likelihood of the observations under the model, unobserved values summed out.

    What EM raises step by step (with the log of the Dirichlet prior added); the tests
    use it to check that it does.

    Examples
    --------
    >>> import pandas as pd
    >>> m = resolve_model(None)
    >>> quiet = pd.DataFrame({f: [None] for f in m.factors} | {"clash": ["no"]})
    >>> p_no = float(joint_distribution(m, ["clash"])[0])
    >>> bool(np.isclose(log_likelihood(m, quiet), np.log(p_no)))
    True
    """
    import pandas as pd

    check_instance(model, RiskModel, "model", "a RiskModel (load_risk_model reads one)")
    check_instance(observations, pd.DataFrame, "observations", "a pandas DataFrame (one row per pair-period)")
    observed = [n for n in model.nodes if n in FACTORS or n == OUTCOME]
    data = _Patterns.of(_clean(observations, model, observed), model, observed)
    return data.log_likelihood({n: node.table.reshape(_shape(model, n)) for n, node in model.nodes.items()})


@dataclass(frozen=True, eq=False)
class _Patterns:
    """The distinct rows of the data with their counts, and the E-step over the full joint distribution.

    The joint of all nodes is one array (for the shipped model 302,400 entries); each
    pattern's probability is read from the joint of the observed nodes with a summed-out
    slot appended to every axis (index -1: unobserved), and the expected counts come
    from the joint weighted by count / probability of the pattern each cell agrees with.
    """

    model: RiskModel
    observed: list[str]
    codes: np.ndarray  # (P, observed) state index, -1 where missing
    counts: np.ndarray  # (P,) how many rows have each pattern
    rows: int
    missing: bool

    @classmethod
    def of(cls, data: pd.DataFrame, model: RiskModel, observed: list[str]) -> _Patterns:
        size = int(np.prod([len(node.states) for node in model.nodes.values()], dtype=float))
        if size > _MAX_JOINT:
            raise ScenarioError(Problem(model.source, None, f"the model's joint distribution has {size:,} entries: "
                                                            f"fitting handles at most {_MAX_JOINT:,}"))
        codes = np.stack([
            data[n].map({s: k for k, s in enumerate(model.nodes[n].states)}).fillna(-1).to_numpy(dtype=np.int64)
            for n in observed
        ], axis=1)
        patterns, counts = np.unique(codes, axis=0, return_counts=True)
        return cls(model, observed, patterns, counts.astype(float), len(data), bool((codes < 0).any()))

    def _joint(self, tables: Mapping[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        """The joint of every node (axes in model order) and each pattern's probability."""
        names = list(self.model.nodes)
        joint = joint_distribution(self.model, names, tables)
        latent_axes = tuple(k for k, n in enumerate(names) if n not in self.observed)
        seen = joint.sum(axis=latent_axes) if latent_axes else joint  # axes: observed, in model order
        order = [names.index(n) for n in self.observed]
        seen = np.moveaxis(seen, np.argsort(np.argsort(order)), range(len(order)))  # axes in self.observed order
        for axis in range(seen.ndim):
            seen = np.concatenate([seen, seen.sum(axis=axis, keepdims=True)], axis=axis)
        return joint, seen[tuple(self.codes.T)]

    def log_likelihood(self, tables: Mapping[str, np.ndarray]) -> float:
        _, p = self._joint(tables)
        return float((self.counts * np.log(p)).sum())

    def expected_counts(self, tables: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
        """Each node's expected family counts (node states x one axis per parent) over the data."""
        names = list(self.model.nodes)
        joint, p = self._joint(tables)
        if (p <= 0).any():
            raise ScenarioError(Problem(_WHERE, None, "an observation has probability 0 under the model: "
                                                      "a table gives 0 to something the data contain"))
        cards = [len(self.model.nodes[n].states) for n in self.observed]
        weight = np.zeros([c + 1 for c in cards])
        np.add.at(weight, tuple(self.codes.T), self.counts / p)
        for axis, card in enumerate(cards):  # a pattern missing on an axis agrees with every state there
            weight = np.take(weight, range(card), axis=axis) + np.take(weight, [card], axis=axis)
        # the weights back onto the joint's axes (model order), latent axes broadcast
        order = [names.index(n) for n in self.observed]
        weight = np.moveaxis(weight, range(len(order)), np.argsort(np.argsort(order)))
        shape = [len(self.model.nodes[n].states) if n in self.observed else 1 for n in names]
        q = joint * weight.reshape(shape)
        out = {}
        for n, node in self.model.nodes.items():
            family = [names.index(x) for x in (n, *node.parents)]
            kept = q.sum(axis=tuple(k for k in range(len(names)) if k not in family))
            out[n] = np.moveaxis(kept, np.argsort(np.argsort(family)), range(len(family)))
        return out


def _prior_weights(model: RiskModel, default: float, per_node: Mapping[str, float] | None) -> dict[str, float]:
    """Every node's prior weight: ``per_node`` where given (a node of the model, a positive number), else ``default``."""
    weights = {n: float(default) for n in model.nodes}
    if per_node is None:
        return weights
    check_instance(per_node, Mapping, "pseudo_counts", "a mapping of node names to numbers")
    for node, weight in per_node.items():
        check_choice(node, "a node in pseudo_counts", list(model.nodes))
        weights[node] = check_number(weight, f"pseudo_counts[{node!r}]", low=0, low_open=True)  # type: ignore[assignment]
    return weights


def _clean(observations: pd.DataFrame, model: RiskModel, observed: list[str]) -> pd.DataFrame:
    import pandas as pd

    problems = []
    missing = [c for c in observed if c not in observations.columns]
    if missing:
        problems.append(Problem(_WHERE, None, f"missing column(s): {', '.join(missing)}"))
    for n in model.latents:
        if n in observations.columns and observations[n].notna().any():
            problems.append(Problem(_WHERE, None, f"column {n!r} is a latent node: it cannot be observed"))
    if problems:
        raise ScenarioError(problems)
    data = observations[observed].copy()
    if pd.api.types.is_bool_dtype(data[OUTCOME]) or pd.api.types.is_numeric_dtype(data[OUTCOME]):
        data[OUTCOME] = data[OUTCOME].map(lambda v: None if v != v else ("yes" if v else "no"))
    before = len(data)
    data = data[data[OUTCOME].notna()]
    if len(data) < before:
        log.info("dropped %d observation(s) without an outcome", before - len(data))
    for c in observed:
        data[c] = data[c].astype(object).where(data[c].notna(), None)
        bad = sorted({str(v) for v in data[c] if v is not None} - set(model.nodes[c].states))
        if bad:
            problems.append(Problem(_WHERE, None, f"column {c!r} has unknown state(s) {', '.join(map(repr, bad))} "
                                                  f"(expected one of: {', '.join(model.nodes[c].states)})"))
    if not len(data):
        problems.append(Problem(_WHERE, None, "no observations with an outcome"))
    if problems:
        raise ScenarioError(problems)
    return data.reset_index(drop=True)
