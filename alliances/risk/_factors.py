"""The graph factors of every pair, computed at once with sparse-matrix products.

For actors i < j (ids sorted), with P the 0/1 matrix of positive ties (ally, friendly)
and N that of negative ties (rival, enemy); neutral and ambivalent ties are no tie:

- ``stance``: the recorded stance, ``unknown`` without a relation in force;
- ``balance``: the weighted two-path sum (W+ W+)_ij - (W+ W- + W- W+)_ij, friend-of-friend
  minus friend-of-enemy paths, each path weighted by the product of its two ties'
  weights (intensity: ally and enemy 1, friendly and rival 0.5 by default). Its state
  is ``zero`` when the sum is 0 (no such path, or paths that cancel), ``weakly_*``
  below :data:`STRONG` in size (one full-strength path, or a few weak ones),
  ``strongly_*`` from :data:`STRONG` on (at least two full-strength paths: a pattern
  in the pair's surroundings, not one relation). Enemy-of-enemy paths are left out here;
- ``shared_enemy``: (N N)_ij > 0, a common enemy (the enemy-of-enemy paths);
- ``opposed_backers``: (P N P)_ij > 0, an ally of one is an enemy of an ally of the other;
- ``common_theater``: (T T^T)_ij > 0 for the actor-theater incidence T; ``unknown``
  (left unobserved) when either actor has no theater recorded.

Each graph path is counted by exactly one factor (Maoz et al. 2007).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp

from .._arguments import check_graph
from .._checks import shown
from ..errors import ParameterError, ParameterTypeError
from ._spec import FACTORS, MISSING, STANCES

if TYPE_CHECKING:
    import networkx as nx

    from .._network import AllianceNetwork

__all__ = ["STRONG", "PairFactors", "balance_state", "pair_factors"]

_UNKNOWN_STANCE = STANCES.index("unknown")
#: Weighted balance sum from which the balance is ``strongly_negative`` / ``strongly_positive``.
STRONG = 2.0
_EPS = 1e-9  # user weights such as 0.3 leave rounding residue: a sum this small is zero


@dataclass(frozen=True, eq=False)
class PairFactors:
    """Factor states of every unordered pair, as arrays aligned with ``i``, ``j``.

    ``states[name]`` holds each pair's state index into ``FACTORS[name]`` (``-1`` where
    the factor is unobserved); ``confidence`` is the confidence of the recorded stance
    (1 for unknown pairs); ``balance_sum`` the signed two-path count (friend-of-friend
    minus friend-of-enemy paths) and ``balance_weight`` the weighted sum the balance
    state is read from.
    """

    ids: list[str]
    i: np.ndarray
    j: np.ndarray
    states: dict[str, np.ndarray]
    confidence: np.ndarray
    balance_sum: np.ndarray
    balance_weight: np.ndarray

    def __len__(self) -> int:
        return len(self.i)

    def state_names(self, name: str) -> np.ndarray:
        """The state of factor ``name`` for every pair, as text (``unknown`` when unobserved)."""
        labels = np.array([*FACTORS[name], "unknown"], dtype=object)
        return labels[self.states[name]]  # index -1 picks "unknown"

    def find(self, a: str, b: str) -> int:
        """The row of the pair a, b (either order)."""
        index = {n: k for k, n in enumerate(self.ids)}
        x, y = sorted((index[a], index[b]))
        n = len(self.ids)
        # row of (x, y) in np.triu_indices(n, 1) order
        return int(x * n - x * (x + 1) // 2 + (y - x - 1))


def _as_network(net: AllianceNetwork | nx.Graph) -> AllianceNetwork:
    from .._network import AllianceNetwork

    if isinstance(net, AllianceNetwork):
        return net
    return AllianceNetwork.from_networkx(net)


def pair_factors(net: AllianceNetwork | nx.Graph) -> PairFactors:
    """Compute every pair's graph factors with sparse products (no loop over pairs).

    Parameters
    ----------
    net : AllianceNetwork or networkx.Graph
        The scenario; relations in force at ``as_of`` count. A signed networkx graph
        is converted with :meth:`AllianceNetwork.from_networkx`.

    Returns
    -------
    PairFactors
        Pairs ``(ids[i], ids[j])`` with i < j and ``ids`` sorted, in ``np.triu_indices`` order.

    Examples
    --------
    >>> import alliances
    >>> net = alliances.loads('''
    ... scenario: T
    ... actors:
    ...   - {id: a, name: A, kind: state}
    ...   - {id: b, name: B, kind: state}
    ...   - {id: c, name: C, kind: state}
    ... relations:
    ...   - {actors: [a, c], stance: enemy}
    ...   - {actors: [b, c], stance: enemy}
    ... ''')
    >>> f = pair_factors(net)
    >>> f.state_names("shared_enemy")[f.find("a", "b")], int(f.balance_sum[f.find("a", "b")])
    ('yes', 0)
    >>> k = f.find("a", "b")  # nothing but enemy-of-enemy paths: no balance either way
    >>> f.state_names("balance")[k], float(f.balance_weight[k])
    ('zero', 0.0)

    References
    ----------
    .. [1] Maoz, Terris, Kuperman & Talmud (2007). What is the enemy of my enemy?
       Journal of Politics 69(1).
    """
    check_graph(net, "net")
    net = _as_network(net)
    ids = sorted(net.actors)
    n = len(ids)
    ties = _Ties.of(net, ids)
    iu, ju = np.triu_indices(n, 1)
    iu = iu.astype(np.int32)
    ju = ju.astype(np.int32)
    stance, confidence = ties.pair_stance(iu, ju)

    P = ties.matrix(ties.sign > 0)
    N = ties.matrix(ties.sign < 0)
    PN = P @ N
    WP = ties.matrix(ties.sign > 0, ties.weight)
    WN = ties.matrix(ties.sign < 0, ties.weight)
    WPN = WP @ WN
    balance_sum = _upper_values((P @ P) - PN - PN.T, n)
    balance_weight = _upper_values((WP @ WP) - WPN - WPN.T, n, dtype=float)
    states = {
        "stance": stance,
        "balance": balance_state(balance_weight),
        "shared_enemy": (_upper_values(N @ N, n) > 0).astype(np.int8),
        "opposed_backers": (_upper_values(PN @ P, n) > 0).astype(np.int8),
        "common_theater": _common_theater(net, ids, iu, ju),
    }
    return PairFactors(ids, iu, ju, states, confidence, balance_sum, balance_weight)


@dataclass(frozen=True, eq=False)
class _Ties:
    """The recorded relations as arrays: actor rows and columns, stance code, confidence, weight, sign."""

    n: int
    row: np.ndarray
    col: np.ndarray
    stance: np.ndarray
    confidence: np.ndarray
    weight: np.ndarray
    sign: np.ndarray

    @classmethod
    def of(cls, net: AllianceNetwork, ids: list[str]) -> _Ties:
        index = {a: k for k, a in enumerate(ids)}
        rows, cols, stance_code, conf, weight = [], [], [], [], []
        for u, v, d in net.graph.edges(data=True):
            rows.append(index[u])
            cols.append(index[v])
            stance_code.append(STANCES.index(d["stance"]))
            conf.append(float(d.get("confidence", 1.0)))
            weight.append(float(d.get("weight", 1.0)))
        s = np.asarray(stance_code, dtype=np.int8)
        sign = np.array([1, 1, 0, 0, -1, -1], dtype=np.int8)[s] if len(s) else np.zeros(0, np.int8)
        return cls(len(ids), np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64), s,
                   np.asarray(conf, dtype=float), np.asarray(weight, dtype=float), sign)

    def matrix(self, mask: np.ndarray, values: np.ndarray | None = None) -> sp.csr_array:
        """The symmetric n x n matrix of the masked ties: 1 each, or their ``values``."""
        rr, cc = self.row[mask], self.col[mask]
        data = np.ones(2 * len(rr), dtype=np.int64) if values is None else np.tile(values[mask], 2)
        return sp.csr_array((data, (np.concatenate([rr, cc]), np.concatenate([cc, rr]))), shape=(self.n, self.n))

    def pair_stance(self, iu: np.ndarray, ju: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Each pair's stance code (``unknown`` without a relation) and its confidence (1 without)."""
        stance_m = np.full((self.n, self.n), _UNKNOWN_STANCE, dtype=np.int8)
        conf_m = np.ones((self.n, self.n), dtype=float)
        if len(self.stance):
            stance_m[self.row, self.col] = self.stance
            stance_m[self.col, self.row] = self.stance
            conf_m[self.row, self.col] = self.confidence
            conf_m[self.col, self.row] = self.confidence
        return stance_m[iu, ju], conf_m[iu, ju]


def _common_theater(net: AllianceNetwork, ids: list[str], iu: np.ndarray, ju: np.ndarray) -> np.ndarray:
    """(T T^T)_ij > 0 for the actor-theater incidence T; MISSING where an actor has no theater."""
    n = len(ids)
    actor_theaters = [net.actors[a].theaters for a in ids]
    th_ids = sorted({t for ts in actor_theaters for t in ts})
    th_index = {t: k for k, t in enumerate(th_ids)}
    tr = [k for k, ts in enumerate(actor_theaters) for _ in ts]
    tc = [th_index[t] for ts in actor_theaters for t in ts]
    T = sp.csr_array((np.ones(len(tr), dtype=np.int64), (tr, tc)), shape=(n, max(len(th_ids), 1)))
    has_theater = np.array([len(ts) > 0 for ts in actor_theaters], dtype=bool)
    theater = (_upper_values(T @ T.T, n) > 0).astype(np.int8)
    theater[~(has_theater[iu] & has_theater[ju])] = MISSING
    return theater


def balance_state(weighted_sum: np.ndarray) -> np.ndarray:
    """State indices into ``FACTORS["balance"]`` for weighted two-path sums.

    ``zero`` within 1e-9 of 0, ``weakly_*`` below :data:`STRONG` in size, ``strongly_*`` from it on.

    Examples
    --------
    >>> [FACTORS["balance"][k] for k in balance_state(np.array([-2.0, -0.25, 0.0, 1.5, 3.0]))]
    ['strongly_negative', 'weakly_negative', 'zero', 'weakly_positive', 'strongly_positive']
    """
    try:
        x = np.asarray(weighted_sum, dtype=float)
    except (TypeError, ValueError):
        raise ParameterTypeError(f"weighted_sum must be an array of numbers, not {shown(weighted_sum)}") from None
    if not np.all(np.isfinite(x)):
        raise ParameterError("weighted_sum must hold finite numbers")
    size = np.where(np.abs(x) <= _EPS, 0, np.where(np.abs(x) >= STRONG - _EPS, 2, 1))
    return (2 + np.sign(x).astype(np.int64) * size).astype(np.int8)


def _upper_values(M: sp.csr_array, n: int, dtype: type = np.int64) -> np.ndarray:
    """The strict upper triangle of a sparse n x n matrix, in ``np.triu_indices`` order."""
    U = sp.triu(M, k=1, format="coo")
    U.sum_duplicates()
    out: np.ndarray = np.zeros(n * (n - 1) // 2, dtype=dtype)
    if U.nnz:
        x = U.row.astype(np.int64)
        y = U.col.astype(np.int64)
        out[x * n - x * (x + 1) // 2 + (y - x - 1)] = U.data
    return out
