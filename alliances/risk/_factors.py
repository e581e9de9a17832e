"""The factors of every pair, computed at once with sparse-matrix products.

For actors i < j (ids sorted), with P the 0/1 matrix of positive ties (ally, friendly)
and N that of negative ties (rival, enemy); neutral and ambivalent ties are no tie:

- ``stance``: the recorded stance, ``unknown`` without a relation in force;
- ``fighting``: the relation's stated ``fighting`` level (none, past, recent, low, high);
  unobserved (the model infers it) when not stated or without a relation. Event data
  give it for every pair (:func:`alliances.events.fighting_history`, used by the backtest
  through :meth:`PairFactors.with_states`);
- ``implied``: what the rest of the graph implies for the pair, read from the score of
  :func:`alliances.implied_relations` (:func:`alliances.analysis.implied_scores`:
  friend-of-friend minus friend-of-enemy two-paths, each weighted by the product of its
  two ties' weights) with the stance names that table gives: ``ally`` from
  :data:`~alliances.analysis.STRONG_SCORE` up, ``friendly`` above 0, ``none`` at 0 (no
  such path, or paths that cancel), ``rival`` below 0, ``enemy`` from -1 down.
  Enemy-of-enemy paths are no evidence here (weak balance);
- ``shared_enemy``: (N N)_ij > 0, a common enemy (the enemy-of-enemy paths);
- ``opposed_backers``: (P N P)_ij > 0, an ally of one is an enemy of an ally of the other;
- ``backing``: how many sides of the pair have an *outside backer*, a state or coalition
  (other than the two) on friendly terms with that side and not with the other:
  ``none``, ``one_side`` or ``both_sides``;
- ``common_theater``: (T T^T)_ij > 0 for the actor-theater incidence T; ``unknown``
  (left unobserved) when either actor has no theater recorded.

Each two-path of the graph is counted by one factor (``implied`` or ``shared_enemy``;
Maoz et al. 2007).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

from .._arguments import check_graph
from .._checks import shown
from .._records import ActorKind
from ..analysis import STRONG_SCORE, implied_scores
from ..errors import ParameterError, ParameterTypeError
from ._spec import FACTORS, MISSING, STANCES

if TYPE_CHECKING:
    import networkx as nx
    import scipy.sparse as sp

    from .._network import AllianceNetwork

__all__ = ["BACKER_KINDS", "PairFactors", "implied_state", "pair_factors"]

_UNKNOWN_STANCE = STANCES.index("unknown")
#: The actor kinds that count as outside backers (the ``backing`` factor).
BACKER_KINDS = (ActorKind.STATE, ActorKind.COALITION)
_EPS = 1e-12  # as stance_for_score: scores are rounded to 12 decimals


@dataclass(frozen=True, eq=False)
class PairFactors:
    """Factor states of every unordered pair, as arrays aligned with ``i``, ``j``.

    ``states[name]`` holds each pair's state index into ``FACTORS[name]`` (``-1`` where
    the factor is unobserved); ``confidence`` is the confidence of the recorded stance
    (1 for unknown pairs); ``implied_score`` the score of what the rest of the graph
    implies (:func:`alliances.analysis.implied_scores`), the ``implied`` state is read from.
    """

    ids: list[str]
    i: np.ndarray
    j: np.ndarray
    states: dict[str, np.ndarray]
    confidence: np.ndarray
    implied_score: np.ndarray

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

    def with_states(self, **arrays: np.ndarray) -> PairFactors:
        """A copy with some factors' state arrays replaced (e.g. ``fighting`` from event data).

        Examples
        --------
        >>> import alliances
        >>> pf = pair_factors(alliances.load("seeds/syria_2017.yaml"))
        >>> quiet = pf.with_states(fighting=np.zeros(len(pf), dtype=np.int8))
        >>> set(quiet.state_names("fighting")), quiet.states["stance"] is pf.states["stance"]
        ({'none'}, True)
        """
        for name, values in arrays.items():
            if name not in FACTORS or len(values) != len(self):
                raise ValueError(f"{name!r}: expected a factor with one state per pair ({len(self)})")
        return replace(self, states={**self.states, **{k: np.asarray(v, dtype=np.int8) for k, v in arrays.items()}})


def _as_network(net: AllianceNetwork | nx.Graph) -> AllianceNetwork:
    from .._network import AllianceNetwork

    if isinstance(net, AllianceNetwork):
        return net
    return AllianceNetwork.from_networkx(net)


def pair_factors(net: AllianceNetwork | nx.Graph) -> PairFactors:
    """Compute every pair's factors with sparse products (no loop over pairs).

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
    ...   - {id: a, name: A, kind: armed_group}
    ...   - {id: b, name: B, kind: armed_group}
    ...   - {id: c, name: C, kind: state}
    ... relations:
    ...   - {actors: [a, b], stance: enemy, fighting: high}
    ...   - {actors: [a, c], stance: ally}
    ...   - {actors: [b, c], stance: enemy}
    ... ''')
    >>> f = pair_factors(net)
    >>> k = f.find("a", "b")
    >>> [str(f.state_names(x)[k]) for x in ("fighting", "implied", "backing")], float(f.implied_score[k])
    (['high', 'enemy', 'one_side'], -1.0)

    References
    ----------
    .. [1] Maoz, Terris, Kuperman & Talmud (2007). What is the enemy of my enemy?
       Journal of Politics 69(1).
    .. [2] Regan (2002). Third-party interventions and the duration of intrastate
       conflicts. Journal of Conflict Resolution 46(1).
    """
    check_graph(net, "net")
    net = _as_network(net)
    ids = sorted(net.actors)
    n = len(ids)
    ties = _Ties.of(net, ids)
    iu, ju = np.triu_indices(n, 1)
    iu = iu.astype(np.int32)
    ju = ju.astype(np.int32)
    stance, confidence, fighting = ties.pair_states(iu, ju)

    P = ties.matrix(ties.sign > 0)
    N = ties.matrix(ties.sign < 0)
    PN = P @ N
    _, S = implied_scores(net, nodelist=ids)
    score = _upper_values(S, n, dtype=float)
    states = {
        "stance": stance,
        "fighting": fighting,
        "implied": implied_state(score),
        "shared_enemy": (_upper_values(N @ N, n) > 0).astype(np.int8),
        "opposed_backers": (_upper_values(PN @ P, n) > 0).astype(np.int8),
        "backing": _backing(net, ids, P, iu, ju),
        "common_theater": _common_theater(net, ids, iu, ju),
    }
    return PairFactors(ids, iu, ju, states, confidence, score)


@dataclass(frozen=True, eq=False)
class _Ties:
    """The recorded relations as arrays: actor rows and columns, stance and fighting codes, confidence, sign."""

    n: int
    row: np.ndarray
    col: np.ndarray
    stance: np.ndarray
    fighting: np.ndarray
    confidence: np.ndarray
    sign: np.ndarray

    @classmethod
    def of(cls, net: AllianceNetwork, ids: list[str]) -> _Ties:
        index = {a: k for k, a in enumerate(ids)}
        levels = FACTORS["fighting"]
        rows, cols, stance_code, fight, conf = [], [], [], [], []
        for r in net.active_relations:
            a, b = r.pair
            rows.append(index[a])
            cols.append(index[b])
            stance_code.append(STANCES.index(r.stance.value))
            fight.append(MISSING if r.fighting is None else levels.index(r.fighting))
            conf.append(float(r.confidence))
        s = np.asarray(stance_code, dtype=np.int8)
        sign = np.array([1, 1, 0, 0, -1, -1], dtype=np.int8)[s] if len(s) else np.zeros(0, np.int8)
        return cls(len(ids), np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64), s,
                   np.asarray(fight, dtype=np.int8), np.asarray(conf, dtype=float), sign)

    def matrix(self, mask: np.ndarray) -> sp.csr_array:
        """The symmetric 0/1 n x n matrix of the masked ties."""
        import scipy.sparse as sp  # ~0.2 s to import: not for reading a model file (`draw --kind model`)

        rr, cc = self.row[mask], self.col[mask]
        data = np.ones(2 * len(rr), dtype=np.int64)
        return sp.csr_array((data, (np.concatenate([rr, cc]), np.concatenate([cc, rr]))), shape=(self.n, self.n))

    def pair_states(self, iu: np.ndarray, ju: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each pair's stance code (``unknown`` without a relation), its confidence (1 without) and fighting code."""
        stance_m = np.full((self.n, self.n), _UNKNOWN_STANCE, dtype=np.int8)
        conf_m = np.ones((self.n, self.n), dtype=float)
        fight_m = np.full((self.n, self.n), MISSING, dtype=np.int8)
        for m, values in ((stance_m, self.stance), (conf_m, self.confidence), (fight_m, self.fighting)):
            m[self.row, self.col] = values
            m[self.col, self.row] = values
        return stance_m[iu, ju], conf_m[iu, ju], fight_m[iu, ju]


def _backing(net: AllianceNetwork, ids: list[str], P: sp.csr_array, iu: np.ndarray, ju: np.ndarray) -> np.ndarray:
    """How many sides of each pair have a backer: a state or coalition friendly with it and not with the other.

    Side i of the pair (i, j) has ``deg_s(i) - C_ij - P_ij s_j`` backers: its state
    friends, less those friendly with j too (C = P diag(s) P) and less j itself.
    """
    n = len(ids)
    s = np.array([net.actors[a].kind in BACKER_KINDS for a in ids], dtype=np.int64)
    Ps = P.multiply(s[np.newaxis, :]).tocsr()  # the ties to states and coalitions only
    deg = np.asarray(Ps.sum(axis=1)).ravel().astype(np.int64)
    common = _upper_values(Ps @ P, n)
    tie = _upper_values(P, n)
    side_i = deg[iu] - common - tie * s[ju] > 0
    side_j = deg[ju] - common - tie * s[iu] > 0
    return (side_i.astype(np.int8) + side_j.astype(np.int8)).astype(np.int8)


def _common_theater(net: AllianceNetwork, ids: list[str], iu: np.ndarray, ju: np.ndarray) -> np.ndarray:
    """(T T^T)_ij > 0 for the actor-theater incidence T; MISSING where an actor has no theater."""
    import scipy.sparse as sp

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


def implied_state(score: np.ndarray) -> np.ndarray:
    """State indices into ``FACTORS["implied"]`` for implied-relation scores.

    The names :func:`alliances.analysis.stance_for_score` gives (``ally`` from
    :data:`~alliances.analysis.STRONG_SCORE`, ``friendly`` above 0, ``rival`` below 0,
    ``enemy`` from minus it), and ``none`` for 0.

    Examples
    --------
    >>> [FACTORS["implied"][k] for k in implied_state(np.array([-2.0, -0.25, 0.0, 0.5, 1.0]))]
    ['enemy', 'rival', 'none', 'friendly', 'ally']
    """
    try:
        x = np.asarray(score, dtype=float)
    except (TypeError, ValueError):
        raise ParameterTypeError(f"score must be an array of numbers, not {shown(score)}") from None
    if not np.all(np.isfinite(x)):
        raise ParameterError("score must hold finite numbers")
    size = np.where(np.abs(x) <= _EPS, 0, np.where(np.abs(x) >= STRONG_SCORE - _EPS, 2, 1))
    return (2 + np.sign(x).astype(np.int64) * size).astype(np.int8)


def _upper_values(M: sp.csr_array, n: int, dtype: type = np.int64) -> np.ndarray:
    """The strict upper triangle of a sparse n x n matrix, in ``np.triu_indices`` order."""
    import scipy.sparse as sp

    U = sp.triu(M, k=1, format="coo")
    U.sum_duplicates()
    out: np.ndarray = np.zeros(n * (n - 1) // 2, dtype=dtype)
    if U.nnz:
        x = U.row.astype(np.int64)
        y = U.col.astype(np.int64)
        out[x * n - x * (x + 1) // 2 + (y - x - 1)] = U.data
    return out
