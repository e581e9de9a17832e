"""Balance against chance: the census, walk balance and frustration index beside sign shuffles.

Is a system of alliances more balanced than chance would make it? The null model keeps
the graph (who has a tie with whom, and how many ties are negative) and shuffles the
signs among the ties (Szell, Lambiotte & Thurner 2010); each balance measure of the
network is set beside its values over many such draws (Kirkley, Cantwell & Newman
2019 compare balance with null models in this way): the value expected by chance, a
z-score and an empirical p-value, the share of draws at least as balanced as the
network (the network itself counted among them, so the p-value is never below
1 / (draws + 1)).

The expected triangle census has a closed form: the three ties of a triangle are three
distinct ties drawn without replacement, so the number of negative ones among them is
hypergeometric. The walk balance of a draw needs every eigenvalue of its signed
adjacency matrix (components with a cycle only: a tree's signs never change its
spectrum), the frustration index of a draw an optimisation: it is solved exactly for
small graphs, by local search otherwise, the same way for the network and its draws.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from .._arguments import check_graph
from .._checks import check_int, check_progress, check_seed
from .._numbers import json_number
from .._progress import ProgressCallback, ProgressLike, using_progress
from . import _partition as _p
from ._census import TRIAD_TYPES
from ._frustration import REDUCE_MAX_EDGES, solve_exact
from ._options import check_exact
from ._search import local_search, single_blas_thread

if TYPE_CHECKING:
    import networkx as nx

    from .._network import AllianceNetwork

__all__ = [
    "MAX_DRAWS",
    "NULL_EXACT_MAX_EDGES",
    "WALK_NULL_MAX_NODES",
    "BalanceChance",
    "ChanceMeasure",
    "balance_against_chance",
    "expected_census",
]

#: The most sign shuffles of one kind: p-values to a millionth, and an hour at most on a
#: network the size of the seed's (a billion draws would run for days, unasked).
MAX_DRAWS = 1_000_000
#: ``exact="auto"``: the draws' frustration index is exact up to this many signed ties.
NULL_EXACT_MAX_EDGES = 40
#: Walk balance is compared with chance when no component with a cycle has more actors.
WALK_NULL_MAX_NODES = 2000

_TOL = 1e-9
_RESTARTS = 4  # local search starts for each draw's heuristic frustration index


@dataclass(frozen=True)
class ChanceMeasure:
    """One balance measure of the network beside its values under sign shuffling.

    Attributes
    ----------
    observed : float or None
        The measure of the network (computed as for the draws); None when undefined.
    expected : float or None
        Its expected value under the null model (closed form for the census, the mean
        of the draws otherwise).
    std : float or None
        Standard deviation over the draws.
    z_score : float or None
        ``(observed - expected) / std``; None when the draws do not vary.
    p_value : float or None
        Share of draws at least as balanced as the network, counting the network:
        ``(1 + at least as balanced) / (draws + 1)``.
    more_balanced_than : float or None
        Share of draws strictly less balanced than the network.
    draws : int
        Sign shuffles compared.
    higher_is_balanced : bool
        True for the census and walk balance, False for the frustration index.
    method : str
        How the measure was computed for the network and its draws.
    note : str
        Why a figure is missing, or what to keep in mind ("" when nothing).

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.Graph([(1, 2, {"sign": 1}), (2, 3, {"sign": 1}), (1, 3, {"sign": -1})])
    >>> m = balance_against_chance(g, draws=10).census
    >>> m.observed, m.expected, m.p_value
    (0.0, 0.0, 1.0)
    """

    observed: float | None
    expected: float | None
    std: float | None
    z_score: float | None
    p_value: float | None
    more_balanced_than: float | None
    draws: int
    higher_is_balanced: bool
    method: str
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: undefined numbers are None."""
        return {
            "observed": json_number(self.observed),
            "expected": json_number(self.expected),
            "std": json_number(self.std),
            "z_score": json_number(self.z_score),
            "p_value": json_number(self.p_value),
            "more_balanced_than": json_number(self.more_balanced_than),
            "draws": self.draws,
            "higher_is_balanced": self.higher_is_balanced,
            "method": self.method,
            "note": self.note,
        }


@dataclass(frozen=True)
class BalanceChance:
    """The network's balance beside sign shuffles: census, walk balance, frustration index.

    Attributes
    ----------
    census : ChanceMeasure
        The share of strictly balanced triangles.
    walk : ChanceMeasure
        Walk balance (Estrada & Benzi 2014).
    frustration : ChanceMeasure
        The frustration index (ties; lower is more balanced).
    expected_triangles : dict
        The triangle census expected under sign shuffling (closed form).
    ties, negative_ties : int
        Signed ties, and how many are negative (what every draw keeps).
    seed : int
        The seed of the draws.

    Examples
    --------
    >>> import alliances
    >>> chance = alliances.balance_against_chance(alliances.load("seeds/syria_2017.yaml"), draws=200)
    >>> chance.ties, chance.negative_ties, chance.frustration.method
    (18, 11, 'exact frustration index')
    >>> round(chance.census.observed, 3), round(chance.census.expected, 3)
    (0.778, 0.515)
    """

    census: ChanceMeasure
    walk: ChanceMeasure
    frustration: ChanceMeasure
    expected_triangles: dict[str, float] = field(default_factory=dict)
    ties: int = 0
    negative_ties: int = 0
    seed: int = 0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: each measure with ``observed``, ``expected``, ``z_score``, ``p_value`` and more."""
        return {
            "null_model": "sign shuffling (ties kept, signs permuted)",
            "ties": self.ties,
            "negative_ties": self.negative_ties,
            "seed": self.seed,
            "expected_triangles": {t: json_number(v) for t, v in self.expected_triangles.items()},
            "census": self.census.to_dict(),
            "walk_balance": self.walk.to_dict(),
            "frustration": self.frustration.to_dict(),
        }


def expected_census(total: int, ties: int, negative: int) -> dict[str, float]:
    """The triangle census expected when the signs of ``ties`` ties, ``negative`` of them negative, are shuffled.

    The three ties of a triangle are distinct, so the number of negative ones among
    them is hypergeometric: ``P(j) = C(negative, j) C(ties - negative, 3 - j) / C(ties, 3)``.

    Parameters
    ----------
    total : int
        Triangles (the shuffle keeps them).
    ties : int
        Signed ties.
    negative : int
        Negative ties among them.

    Returns
    -------
    dict
        ``{"+++": ..., "++-": ..., "+--": ..., "---": ...}``, expected counts.

    Examples
    --------
    >>> expected_census(10, 6, 2)  # C(4,3), C(4,2)C(2,1), C(4,1)C(2,2), 0 over C(6,3) = 20
    {'+++': 2.0, '++-': 6.0, '+--': 2.0, '---': 0.0}
    """
    check_int(total, "total", low=0)
    check_int(ties, "ties", low=0)
    check_int(negative, "negative", low=0, high=ties)
    if ties < 3:
        return dict.fromkeys(TRIAD_TYPES, 0.0)
    pos = ties - negative
    norm = math.comb(ties, 3)
    return {t: total * math.comb(negative, j) * math.comb(pos, 3 - j) / norm for j, t in enumerate(TRIAD_TYPES)}


def balance_against_chance(
    G: AllianceNetwork | nx.Graph,
    *,
    draws: int = 1000,
    frustration_draws: int | None = None,
    seed: int = 0,
    exact: bool | str = "auto",
    progress: ProgressLike = None,
) -> BalanceChance:
    """Compare the network's balance with sign shuffles: expected value, z-score, p-value.

    Parameters
    ----------
    G : AllianceNetwork or networkx.Graph
        Signed ties (neutral and ambivalent ones are no tie); weights are not used.
    draws : int, default 1000
        Sign shuffles for the census and walk balance, from 0 to ``MAX_DRAWS``
        (1,000,000).
    frustration_draws : int, optional
        Sign shuffles for the frustration index (the slow one), at most ``MAX_DRAWS``;
        default a tenth of ``draws`` (at least 1), the first draws of the same sequence.
    seed : int, default 0
        Seed of the shuffles: the same seed gives the same draws and figures.
    exact : True, False or "auto", default "auto"
        The frustration index of the network and of each draw: exact (reductions and
        integer programming) or by local search; ``"auto"`` is exact up to
        ``NULL_EXACT_MAX_EDGES`` (40) signed ties. The measure's ``method`` says which.
    progress : callable or bool, optional
        ``progress(done, total)`` as draws are made; True for a bar on a terminal.

    Returns
    -------
    BalanceChance

    Notes
    -----
    Walk balance is compared when no connected component with a cycle has more than
    ``WALK_NULL_MAX_NODES`` (2,000) actors (each draw needs every eigenvalue); the
    frustration index up to 200,000 signed ties. Otherwise the measure says so in
    its ``note`` and its chance figures are None.

    Examples
    --------
    Two camps of six actors each, friends inside, enemies across: perfectly balanced,
    which a shuffle of its 36 negative and 30 positive ties never is.

    >>> import alliances
    >>> g = alliances.planted_camps_graph(2, 6)
    >>> chance = balance_against_chance(g, draws=99)
    >>> chance.census.p_value, chance.frustration.p_value  # 1 / (draws + 1): no draw as balanced
    (0.01, 0.1)
    >>> round(chance.census.z_score, 1), round(chance.frustration.expected, 1)
    (13.4, 19.2)

    References
    ----------
    .. [1] M. Szell, R. Lambiotte, S. Thurner (2010) Multirelational organization of
       large-scale social networks in an online world. PNAS 107(31), 13636-13641.
    .. [2] A. Kirkley, G. T. Cantwell, M. E. J. Newman (2019) Balance in signed
       networks. Physical Review E 99, 012320.
    .. [3] E. Estrada, M. Benzi (2014) Walk-based measure of balance in signed networks.
       Physical Review E 90, 042802.
    """
    check_graph(G)
    draws, frustration_draws = _check(draws, frustration_draws)
    check_seed(seed)
    check_exact(exact)
    check_progress(progress)
    _, e = _p.edges_of(G, weighted=False)
    negative = int((e.c < 0).sum())
    tri = _p.edge_triangles(e)
    shuffles = _Shuffles(e, seed)
    with using_progress(progress, "sign shuffles") as callback, single_blas_thread():
        report = _Report(callback, 2 * draws + frustration_draws)
        census = _census(e, tri, negative, shuffles, draws, report)
        walk = _walk(G, e, shuffles, draws, report)
        frustration = _frustration(e, exact, seed, shuffles, frustration_draws, report)
    return BalanceChance(census=census, walk=walk, frustration=frustration,
                         expected_triangles=expected_census(len(tri), e.m, negative), ties=e.m,
                         negative_ties=negative, seed=seed)


class _Report:
    """Progress over the three measures' draws, one count for all."""

    def __init__(self, callback: ProgressCallback | None, total: int):
        self.callback, self.total, self.done = callback, total, 0

    def __call__(self, step: int) -> None:
        self.done += step
        if self.callback is not None:
            self.callback(self.done, self.total)


def _check(draws: Any, frustration_draws: Any) -> tuple[int, int]:
    draws = check_int(draws, "draws", low=0, high=MAX_DRAWS)
    frustration_draws = check_int(frustration_draws, "frustration_draws", low=0, high=MAX_DRAWS, optional=True)
    if frustration_draws is None:
        frustration_draws = max(1, draws // 10) if draws else 0
    return draws, frustration_draws


class _Shuffles:
    """The draws: sign vectors permuted by one seeded generator, the same for every measure."""

    def __init__(self, e: _p.Edges, seed: int):
        self.signs = e.c.copy()
        self.seed = seed
        self.constant = bool(np.all(e.c > 0) or np.all(e.c < 0))

    def batches(self, count: int, batch: int) -> Iterator[np.ndarray]:
        """``count`` shuffled sign vectors, ``batch`` rows at a time (the same sequence every call)."""
        rng = np.random.default_rng(self.seed)
        done = 0
        while done < count:
            size = min(batch, count - done)
            yield np.stack([rng.permutation(self.signs) for _ in range(size)]) if len(self.signs) else \
                np.zeros((size, 0))
            done += size


def _compare(observed: float, values: np.ndarray, higher: bool, method: str, expected: float | None = None,
             note: str = "") -> ChanceMeasure:
    """The chance figures of one measure from its draws."""
    observed = float(observed)
    n = len(values)
    if n == 0:
        return ChanceMeasure(observed, expected, None, None, None, None, 0, higher, method, note)
    tol = _TOL * max(1.0, abs(observed))
    if higher:
        as_good, worse = int(np.sum(values >= observed - tol)), int(np.sum(values < observed - tol))
    else:
        as_good, worse = int(np.sum(values <= observed + tol)), int(np.sum(values > observed + tol))
    expected = float(values.mean()) if expected is None else expected
    std = float(values.std(ddof=1)) if n > 1 else 0.0
    z = float((observed - expected) / std) if std > _TOL else None
    return ChanceMeasure(observed, expected, std, z, (1 + as_good) / (n + 1), worse / n, n, higher, method, note)


def _same_signs(observed: float | None, higher: bool, method: str, draws: int) -> ChanceMeasure:
    """Every tie has one sign: every shuffle is the network itself."""
    note = "every signed tie has the same sign: shuffling the signs changes nothing"
    if observed is None or draws == 0:
        return ChanceMeasure(observed, observed, None, None, None, None, draws, higher, method, note)
    return ChanceMeasure(observed, observed, 0.0, None, 1.0, 0.0, draws, higher, method, note)


def _census(e: _p.Edges, tri: np.ndarray, negative: int, shuffles: _Shuffles, draws: int,
            report: _Report) -> ChanceMeasure:
    method = "triangle census (expected value in closed form)"
    if len(tri) == 0:
        return ChanceMeasure(None, None, None, None, None, None, 0, True, method, "no triangle of signed ties")
    observed = float(np.mean(np.prod(np.sign(e.c[tri]), axis=1) > 0))
    counts = expected_census(len(tri), e.m, negative)
    expected = (counts["+++"] + counts["+--"]) / len(tri)
    if shuffles.constant:
        return _same_signs(observed, True, method, draws)
    values = []
    first, second, third = tri[:, 0], tri[:, 1], tri[:, 2]
    batch = max(1, min(500, 4_000_000 // len(tri)))
    for signs in shuffles.batches(draws, batch):
        s = signs.astype(np.int8)  # a triangle is strictly balanced when the product of its signs is positive
        values.append(np.mean(s[:, first] * s[:, second] * s[:, third] > 0, axis=1))
        report(len(signs))
    return _compare(observed, np.concatenate(values) if values else np.zeros(0), True, method, expected)


def _walk(G: Any, e: _p.Edges, shuffles: _Shuffles, draws: int, report: _Report) -> ChanceMeasure:
    """Walk balance of the network and its draws, from every eigenvalue of each component with a cycle."""
    from scipy.sparse.csgraph import connected_components

    method = "walk balance, every eigenvalue"
    if e.n == 0 or e.m == 0:
        return ChanceMeasure(None if e.n == 0 else 1.0, None, None, None, None, None, 0, True, method,
                             "no signed ties" if e.n else "no actors")
    import scipy.sparse as sp

    A = sp.csr_array((np.ones(e.m), (e.u, e.v)), shape=(e.n, e.n))
    _, comp = connected_components(A, directed=False)
    parts = _components(e, comp)
    big = int(np.bincount(comp).max())
    if big > WALK_NULL_MAX_NODES:
        from ._walk import walk_balance

        return ChanceMeasure(walk_balance(G), None, None, None, None, None, 0, True, method,
                             f"a component of {big:,} actors: too large to redo for every draw")
    spectra = _Spectra(e, comp, parts)
    observed = spectra.ratio(e.c[None, :])[0]
    if shuffles.constant:
        return _same_signs(observed, True, method, draws)
    batch = max(1, min(200, 4_000_000 // max(1, big * big)))
    values = []
    for signs in shuffles.batches(draws, batch):
        values.append(spectra.ratio(signs))
        report(len(signs))
    return _compare(observed, np.concatenate(values) if values else np.zeros(0), True, method)


def _components(e: _p.Edges, comp: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """The components whose signs matter (a cycle: at least as many ties as actors): actors and ties."""
    ecomp = comp[e.u]
    n_nodes = np.bincount(comp)
    n_ties = np.bincount(ecomp, minlength=len(n_nodes))
    out = []
    for c in np.flatnonzero(n_ties >= n_nodes).tolist():
        out.append((np.flatnonzero(comp == c), np.flatnonzero(ecomp == c)))
    return out


class _Spectra:
    """tr exp(A) / tr exp(|A|) for many sign vectors on one graph: components with cycles redone,
    trees and isolated actors (whose signs never change the spectrum) counted once."""

    def __init__(self, e: _p.Edges, comp: np.ndarray, parts: list[tuple[np.ndarray, np.ndarray]]):
        import scipy.sparse as sp

        self.parts = []
        A = sp.csr_array((np.ones(e.m), (e.u, e.v)), shape=(e.n, e.n))
        B = (A + A.T).tocsr()
        evs = []
        for c in range(int(comp.max()) + 1):
            idx = np.flatnonzero(comp == c)
            evs.append(np.linalg.eigvalsh(B[idx][:, idx].toarray()) if len(idx) > 1 else np.zeros(1))
        self.shift = max(float(ev.max()) for ev in evs)
        self.den = sum(float(np.exp(ev - self.shift).sum()) for ev in evs)
        cyclic = {int(comp[nodes[0]]) for nodes, _ in parts}
        self.fixed = sum(float(np.exp(ev - self.shift).sum()) for c, ev in enumerate(evs) if c not in cyclic)
        for nodes, ties in parts:
            local = np.full(e.n, -1, dtype=np.int64)
            local[nodes] = np.arange(len(nodes))
            self.parts.append((len(nodes), local[e.u[ties]], local[e.v[ties]], ties))

    def ratio(self, signs: np.ndarray) -> np.ndarray:
        """Walk balance for each row of ``signs`` (one sign per tie)."""
        num = np.full(len(signs), float(self.fixed))
        for size, iu, iv, ties in self.parts:
            M = np.zeros((len(signs), size, size))
            M[:, iu, iv] = signs[:, ties]
            M[:, iv, iu] = signs[:, ties]
            num += np.exp(np.linalg.eigvalsh(M) - self.shift).sum(axis=1)
        out = num / self.den
        return np.where(np.abs(out - 1.0) < 1e-12, 1.0, out)


def _frustration(e: _p.Edges, exact: bool | str, seed: int, shuffles: _Shuffles, count: int,
                 report: _Report) -> ChanceMeasure:
    use_exact = exact is True or (exact == "auto" and e.m <= NULL_EXACT_MAX_EDGES)
    method = ("exact frustration index" if use_exact else
              f"heuristic frustration index (local search, {_RESTARTS} starts), for the network and its draws alike")
    if e.m == 0:
        return ChanceMeasure(0.0, None, None, None, None, None, 0, False, method, "no signed ties")
    if e.m > REDUCE_MAX_EDGES and not use_exact:
        return ChanceMeasure(None, None, None, None, None, None, 0, False, method,
                             f"{e.m:,} signed ties: too many to redo the index for every draw")

    core, u, v, n = _two_core(e)

    def index(signs: np.ndarray) -> float:
        g = _p.Edges(n, u, v, signs[core].astype(float))
        if use_exact:
            labels = solve_exact(g, seed=seed, restarts=_RESTARTS)[0]
        else:
            labels = local_search(g, 2, seed=seed, restarts=_RESTARTS)[0]
        return round(2.0 * _p.partition_cost(g, labels))

    observed = float(index(e.c))
    if shuffles.constant:
        return _same_signs(observed, False, method, count)
    values = []
    for signs in shuffles.batches(count, 1):
        values.append(index(signs[0]))
        report(1)
    note = "" if use_exact else "heuristic: the network's index may be above its exact value, as the draws' may"
    return _compare(observed, np.array(values, dtype=float), False, method, note=note)


def _two_core(e: _p.Edges) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """The ties left once actors with one tie are removed, repeatedly: such a tie is never frustrated,
    whatever its sign, so every draw's index is that of its 2-core. The ties kept, their ends
    renumbered, and the number of actors left."""
    deg = np.bincount(np.concatenate([e.u, e.v]), minlength=e.n)
    alive = np.ones(e.m, dtype=bool)
    while True:
        leaf = deg == 1
        drop = alive & (leaf[e.u] | leaf[e.v])
        if not drop.any():
            break
        alive &= ~drop
        deg = np.bincount(np.concatenate([e.u[alive], e.v[alive]]), minlength=e.n)
    core = np.flatnonzero(alive)
    nodes, inverse = np.unique(np.concatenate([e.u[core], e.v[core]]), return_inverse=True)
    inverse = inverse.ravel()
    return core, inverse[: len(core)], inverse[len(core):], len(nodes)
