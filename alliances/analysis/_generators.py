"""Random signed graphs: G(n, p) with a share of negative ties, planted camps, and sign shuffles.

They are what balance is measured against: :func:`shuffle_signs` is the null model of
:func:`~alliances.analysis.balance_against_chance` (same ties, signs permuted);
:func:`random_signed_graph` and :func:`planted_camps_graph` give graphs with no structure
and with a known one (camps of friends joined by enemies, a share of ties flipped),
as the tests and benchmarks use them. Every generator is reproducible from its seed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from .._arguments import check_graph
from .._checks import check_int, check_items, check_number, check_seed
from .._signed import as_signed_graph
from ..errors import ParameterError

if TYPE_CHECKING:
    import networkx as nx

    from .._network import AllianceNetwork

__all__ = ["MAX_GENERATED_ACTORS", "MAX_GENERATED_TIES", "planted_camps_graph", "random_signed_graph", "shuffle_signs"]

MAX_GENERATED_ACTORS = 1_000_000
"""The most actors a generated graph has (a networkx graph holds about 0.5 KB an actor)."""
MAX_GENERATED_TIES = 5_000_000
"""The most ties a generated graph is expected to have (about 1 KB a tie in networkx: 5 GB)."""


def random_signed_graph(n: int, p: float, *, negative: float = 0.5, seed: int = 0) -> nx.Graph:
    """A G(n, p) random graph whose ties are negative with probability ``negative``.

    Parameters
    ----------
    n : int
        Actors, numbered ``0..n-1``; at most :data:`MAX_GENERATED_ACTORS`.
    p : float
        Probability of a tie between any two actors (Erdős–Rényi); the expected ties,
        ``p n (n - 1) / 2``, at most :data:`MAX_GENERATED_TIES`.
    negative : float, default 0.5
        Probability that a tie is negative (independently of the others).
    seed : int, default 0

    Returns
    -------
    networkx.Graph
        Edges with ``sign`` (+1 or -1) and ``weight`` 1.0.

    Examples
    --------
    >>> g = random_signed_graph(30, 0.2, negative=0.3, seed=1)
    >>> g.number_of_nodes(), g.number_of_edges(), sum(d["sign"] < 0 for _, _, d in g.edges(data=True))
    (30, 79, 28)
    >>> import alliances
    >>> alliances.triangle_census(g).total
    24
    """
    n = _check_actors(check_int(n, "n", low=0))
    p = _check_probability("p", p)
    _check_probability("negative", negative)
    check_seed(seed)
    _check_ties(p * n * (n - 1) / 2)
    rng = np.random.default_rng(seed)
    pairs = _sample_pairs(int(n), p, rng)
    signs = np.where(rng.random(len(pairs)) < negative, -1, 1)
    return _graph(int(n), pairs, signs)


def planted_camps_graph(
    k: int,
    size: int | Sequence[int],
    *,
    p_in: float = 1.0,
    p_out: float = 1.0,
    flip: float = 0.0,
    seed: int = 0,
) -> nx.Graph:
    """Camps of friends joined by enemies, with a share of ties flipped: a known structure to find.

    Ties inside a camp are drawn with probability ``p_in`` and are positive; ties
    between camps with probability ``p_out`` and are negative; then every tie's sign
    is flipped with probability ``flip``. With ``p_in = 1`` the camps are cliques (with
    ``p_out = 1`` too, signnet's "balanced islands" fully joined).

    Parameters
    ----------
    k : int
        Number of camps.
    size : int or sequence of int
        Actors per camp (one number for all, or one per camp); at most
        :data:`MAX_GENERATED_ACTORS` in all, and :data:`MAX_GENERATED_TIES` ties expected.
    p_in, p_out : float, default 1.0
        Probability of a tie inside a camp, and between two actors of different camps.
    flip : float, default 0.0
        Probability that a tie's sign is flipped.
    seed : int, default 0

    Returns
    -------
    networkx.Graph
        Actors ``0..n-1`` camp by camp, each with node attribute ``camp``; edges with
        ``sign``, ``weight`` 1.0 and ``flipped`` (bool). The planted camps' criterion is
        ``alpha`` x (flipped ties inside camps) + ``(1 - alpha)`` x (flipped ties between).

    Examples
    --------
    >>> g = planted_camps_graph(3, 4, p_out=0.5, flip=0.1, seed=1)
    >>> g.number_of_nodes(), [g.nodes[x]["camp"] for x in (0, 4, 8)]
    (12, [0, 1, 2])
    >>> [(a, b) for a, b, d in g.edges(data=True) if d["flipped"]]  # three enemies made friends
    [(1, 5), (3, 5), (5, 9)]
    >>> import alliances
    >>> alliances.factions(g, k=3).value  # the planted camps' criterion: 3 x (1 - alpha)
    1.5

    References
    ----------
    .. [1] P. Doreian, A. Mrvar (1996) A partitioning approach to structural balance.
       Social Networks 18, 149-168.
    """
    k = _check_actors(check_int(k, "k", low=1))
    sizes = _camp_sizes(size, k)
    p_in, p_out = _check_probability("p_in", p_in), _check_probability("p_out", p_out)
    _check_probability("flip", flip)
    check_seed(seed)
    n_all = _check_actors(sum(sizes))
    pairs_in = sum(s * (s - 1) // 2 for s in sizes)
    _check_ties(p_in * pairs_in + p_out * (n_all * (n_all - 1) // 2 - pairs_in))
    rng = np.random.default_rng(seed)
    camp = np.repeat(np.arange(len(sizes)), sizes)
    n = len(camp)
    top = max(p_in, p_out)
    pairs = _sample_pairs(n, top, rng) if top > 0 else np.zeros((0, 2), dtype=np.int64)
    inside = camp[pairs[:, 0]] == camp[pairs[:, 1]]
    keep_p = np.where(inside, p_in, p_out) / top if top > 0 else np.zeros(0)
    keep = rng.random(len(pairs)) < keep_p
    pairs, inside = pairs[keep], inside[keep]
    flipped = rng.random(len(pairs)) < flip
    signs = np.where(inside, 1, -1) * np.where(flipped, -1, 1)
    g = _graph(n, pairs, signs)
    for x in range(n):
        g.nodes[x]["camp"] = int(camp[x])
    for (a, b), f in zip(pairs.tolist(), flipped.tolist(), strict=True):
        g.edges[a, b]["flipped"] = bool(f)
    return g


def shuffle_signs(G: AllianceNetwork | nx.Graph, *, seed: int = 0) -> nx.Graph:
    """The same ties with their signs shuffled: the null model of sign shuffling.

    Every positive or negative tie keeps its place and its weight; the signs are
    permuted among them, so the numbers of positive and negative ties stay the same.
    Neutral and ambivalent ties (sign 0) are left as they are.

    Parameters
    ----------
    G : AllianceNetwork or networkx.Graph
    seed : int, default 0

    Returns
    -------
    networkx.Graph
        A copy; ``G`` is not changed.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.Graph([(1, 2, {"sign": 1}), (2, 3, {"sign": 1}), (3, 4, {"sign": -1})])
    >>> h = shuffle_signs(g, seed=3)
    >>> [d["sign"] for _, _, d in h.edges(data=True)], [d["sign"] for _, _, d in g.edges(data=True)]
    ([-1, 1, 1], [1, 1, -1])

    References
    ----------
    .. [1] M. Szell, R. Lambiotte, S. Thurner (2010) Multirelational organization of
       large-scale social networks in an online world. PNAS 107(31), 13636-13641.
    """
    check_graph(G)
    check_seed(seed)
    h = as_signed_graph(G).copy()
    ties = [(u, v) for u, v, d in h.edges(data=True) if d["sign"] != 0]
    signs = np.array([h[u][v]["sign"] for u, v in ties], dtype=np.int64)
    signs = np.random.default_rng(seed).permutation(signs)
    for (u, v), s in zip(ties, signs.tolist(), strict=True):
        h[u][v]["sign"] = s
    return h


def _check_probability(name: str, value: float) -> float:
    p = check_number(value, name, low=0, high=1)
    assert p is not None
    return p


def _check_actors(n: int | None) -> int:
    assert n is not None
    if n > MAX_GENERATED_ACTORS:
        raise ParameterError(f"{n:,} actors: a generated graph has at most {MAX_GENERATED_ACTORS:,}")
    return n


def _check_ties(expected: float) -> None:
    if expected > MAX_GENERATED_TIES:
        raise ParameterError(f"about {expected:,.0f} ties expected: a generated graph has at most "
                             f"{MAX_GENERATED_TIES:,} (lower the actors or the probability of a tie)")


def _camp_sizes(size: object, k: int) -> list[int]:
    """One size per camp: ``size`` for each of the k camps, or k sizes, each at least 1."""
    def one(value: object, name: str) -> int:
        s = check_int(value, name, low=1, high=MAX_GENERATED_ACTORS)
        assert s is not None
        return s

    if isinstance(size, (int, np.integer)) and not isinstance(size, bool):
        return [one(size, "size")] * k
    sizes = list(check_items(size, "size", one, item="each camp size", what="number or a list of numbers"))
    if len(sizes) != k:
        raise ParameterError(f"size must be one number or one per camp ({k}), not {len(sizes)} numbers")
    return sizes


def _sample_pairs(n: int, p: float, rng: np.random.Generator) -> np.ndarray:
    """Each of the n(n-1)/2 pairs i < j with probability p, as rows (i, j) in order.

    Geometric gaps between the chosen pairs' positions in the row-major list of pairs
    (Batagelj & Brandes 2005), drawn in vectorised chunks: time in the number of ties,
    not of pairs.
    """
    total = n * (n - 1) // 2
    if total == 0 or p <= 0:
        return np.zeros((0, 2), dtype=np.int64)
    if p >= 1:
        pos = np.arange(total, dtype=np.int64)
    else:
        chunks, last = [], -1
        while last < total:
            gaps = rng.geometric(p, size=max(64, int(1.2 * p * (total - last)) + 64))
            pos_chunk = last + np.cumsum(gaps)
            chunks.append(pos_chunk)
            last = int(pos_chunk[-1])
        pos = np.concatenate(chunks)
        pos = pos[pos < total]
    # position -> (i, j): row i starts at i*n - i*(i+1)/2
    i = (n - 2 - np.floor(np.sqrt(-8.0 * pos + 4.0 * n * (n - 1) - 7) / 2.0 - 0.5)).astype(np.int64)
    i = np.clip(i, 0, n - 2)
    row = lambda r: r * n - r * (r + 1) // 2  # noqa: E731 - first position of row r
    for _ in range(2):  # the square root may round across a row boundary
        i = np.where(row(i) > pos, i - 1, i)
        i = np.where((i < n - 2) & (row(i + 1) <= pos), i + 1, i)
    j = pos - row(i) + i + 1
    return np.stack([i, j], axis=1)


def _graph(n: int, pairs: np.ndarray, signs: np.ndarray) -> nx.Graph:
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from((int(a), int(b), {"sign": int(s), "weight": 1.0})
                     for (a, b), s in zip(pairs.tolist(), signs.tolist(), strict=True))
    return g
