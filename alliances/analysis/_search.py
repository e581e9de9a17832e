"""Local search for signed partitions: single actors moved to their best camp (private).

Doreian & Mrvar (1996) style relocation, vectorised so that it scales to millions of
ties: every actor that would gain by moving and has no neighbour with a larger gain
moves at the same time (exact, because the gain of a move depends on the neighbours
only). :func:`local_search` runs it from spectral and random starts and perturbs the
best; :func:`relocate` runs it from given camps; :func:`spectral_start` gives the
starts read from the leading eigenvectors of the signed adjacency matrix. Moves of
whole camps (splits and merges) are in :mod:`alliances.analysis._camps`.
"""

from __future__ import annotations

import time
import warnings
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Any

import numpy as np

from .._checks import check_int, check_number, check_seed
from ._partition import Edges, check_edges, partition_cost

if TYPE_CHECKING:
    import scipy.sparse as sp

__all__ = ["PERTURB", "local_search", "relocate", "single_blas_thread", "spectral_start"]

_EPS = 1e-9
#: share of nodes relabelled at random when perturbing the best solution
PERTURB = 0.3
# up to this many actors the leading eigenvector comes from a dense eigen-decomposition
_DENSE_EIGEN_MAX = 400


def _matrices(edges: Edges, alpha: float) -> tuple[sp.csr_array, sp.csr_array, sp.csr_array]:
    """Negative and positive penalty matrices and the tie pattern, all with one CSR structure."""
    import scipy.sparse as sp  # ~0.2 s to import: only when a search runs

    n = edges.n
    neg, pen = edges.penalties(alpha)
    rows = np.concatenate([edges.u, edges.v])
    cols = np.concatenate([edges.v, edges.u])
    order = np.lexsort((cols, rows))
    rows, cols = rows[order], cols[order]
    negs = np.concatenate([neg, neg])[order]
    pens = np.concatenate([pen, pen])[order]
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
    N = sp.csr_array((np.where(negs, pens, 0.0), cols, indptr), shape=(n, n))
    P = sp.csr_array((np.where(negs, 0.0, pens), cols, indptr), shape=(n, n))
    S = sp.csr_array((np.ones(len(rows)), cols, indptr), shape=(n, n))
    return N, P, S


def _normalised_adjacency(edges: Edges) -> sp.csr_array:
    """The signed adjacency, degree-normalised (D^-1/2 A D^-1/2): hubs would otherwise capture
    the leading eigenvectors that the spectral starts are read from."""
    import scipy.sparse as sp

    n = edges.n
    A = sp.csr_array(
        (
            np.concatenate([edges.c, edges.c]),
            (np.concatenate([edges.u, edges.v]), np.concatenate([edges.v, edges.u])),
        ),
        shape=(n, n),
    )
    d = np.asarray(abs(A).sum(axis=1)).ravel()
    inv = 1.0 / np.sqrt(np.where(d > 0, d, 1.0))
    return sp.diags(inv) @ A @ sp.diags(inv)


def _spectral_labels(edges: Edges, rng: np.random.Generator) -> np.ndarray:
    """Two camps from the sign of the leading eigenvector of the normalised signed adjacency."""
    n = edges.n
    vec = None
    if n <= _DENSE_EIGEN_MAX:
        D = np.zeros((n, n))
        np.add.at(D, (edges.u, edges.v), edges.c)
        D += D.T
        d = np.abs(D).sum(axis=1)
        inv = 1.0 / np.sqrt(np.where(d > 0, d, 1.0))
        vec = np.linalg.eigh(D * inv[:, None] * inv[None, :])[1][:, -1]
        return _sign_labels(vec, rng)
    A = _normalised_adjacency(edges)
    if n <= 2000:
        # power iteration on A + rI (r bounds the spectral radius): cheap and thread-free
        r = float(np.abs(A).sum(axis=1).max())
        vec = rng.standard_normal(n)
        for _ in range(300):
            nxt = A @ vec + r * vec
            nxt /= np.linalg.norm(nxt) or 1.0
            if np.abs(nxt - vec).max() < 1e-8:
                vec = nxt
                break
            vec = nxt
    else:
        from scipy.sparse.linalg import eigsh

        try:
            v0 = rng.standard_normal(n)
            _, V = eigsh(A, k=1, which="LA", v0=v0, tol=1e-3, maxiter=max(1000, n))
            vec = V[:, 0]
        except Exception:  # no convergence: fall back on a random start  # noqa: BLE001
            vec = None
    if vec is None:
        return rng.integers(0, 2, n)
    return _sign_labels(vec, rng)


def _sign_labels(vec: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Camp 0 where the eigenvector is positive, 1 where negative, at random where it is zero."""
    labels = (vec < 0).astype(np.int64)
    flat = np.abs(vec) < 1e-12
    labels[flat] = rng.integers(0, 2, int(flat.sum()))
    return labels


def _spectral_k_labels(edges: Edges, k: int, rng: np.random.Generator) -> np.ndarray:
    """k camps by k-means on the rows of the k leading eigenvectors of the normalised signed adjacency."""
    n = edges.n
    A = _normalised_adjacency(edges)
    try:
        if n <= max(200, k + 2):
            _, V = np.linalg.eigh(A.toarray())
            X = V[:, -k:]
        else:
            from scipy.sparse.linalg import eigsh

            _, X = eigsh(A, k=k, which="LA", v0=rng.standard_normal(n), tol=1e-4, maxiter=max(1000, 10 * n))
        norms = np.linalg.norm(X, axis=1, keepdims=True)
        X = X / np.where(norms > 0, norms, 1.0)
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")  # empty clusters on tiny graphs: the descent fixes them
            labels = _kmeans(X, k, rng)
        return labels.astype(np.int64)
    except Exception:  # no convergence or a degenerate embedding: a random start  # noqa: BLE001
        return rng.integers(0, k, n)


def _kmeans(X: np.ndarray, k: int, rng: np.random.Generator, rounds: int = 10) -> np.ndarray:
    """The cluster of each row of ``X``: k-means++ seeds (Arthur & Vassilvitskii 2007), then ``rounds`` Lloyd steps.

    The same numbers, drawn in the same order, as ``scipy.cluster.vq.kmeans2(X, k, seed=rng,
    minit="++")``, whose import (scipy.cluster, scipy.spatial) costs a quarter of a second of
    every cold ``alliances draw``: an empty cluster keeps its centre; non-finite data raise.
    """
    if not np.isfinite(X).all():
        raise ValueError("k-means of non-finite data")
    centres = np.empty((k, X.shape[1]))
    for i in range(k):
        if i == 0:
            pick = int(rng.integers(X.shape[0]))
        else:
            d2 = ((X[None, :, :] - centres[:i, None, :]) ** 2).sum(axis=2).min(axis=0)
            with np.errstate(invalid="ignore", divide="ignore"):  # every point a centre: NaNs, as in scipy
                share = (d2 / d2.sum()).cumsum()
            pick = int(np.searchsorted(share, rng.uniform()))
        centres[i] = X[pick]
    labels = np.zeros(X.shape[0], dtype=np.int64)
    for _ in range(rounds):
        labels = ((X[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
        sums = np.zeros_like(centres)
        np.add.at(sums, labels, X)
        counts = np.bincount(labels, minlength=k)
        held = counts > 0
        centres = np.where(held[:, None], sums / np.maximum(counts, 1)[:, None], centres)
    return labels


def _descend(
    labels: np.ndarray, k: int, N: sp.csr_array, P: sp.csr_array, S: sp.csr_array, rng: np.random.Generator
) -> np.ndarray:
    """Move nodes to their best camp until no single move lowers the criterion."""
    n = len(labels)
    labels = labels.copy()
    ptot = np.asarray(P.sum(axis=1)).ravel()
    idx = np.arange(n)
    tie = rng.random(n) * 1e-6
    starts = S.indptr[:-1]
    nonempty = np.diff(S.indptr) > 0
    H = np.zeros((n, k))
    H[idx, labels] = 1.0
    NH = N @ H
    PH = P @ H
    Nd, Pd = N.data, P.data
    for _ in range(10 * n + 100):
        cost = NH + (ptot[:, None] - PH)
        best = cost.argmin(axis=1)
        gain = cost[idx, labels] - cost[idx, best]
        cand = gain > _EPS * (1.0 + ptot)
        if not cand.any():
            break
        prio = np.where(cand, gain + tie, -1.0)
        # a candidate moves when no candidate neighbour has a higher priority
        nb = prio[S.indices]
        nbmax = np.full(n, -1.0)
        if len(nb):
            red = np.maximum.reduceat(nb, np.minimum(starts, len(nb) - 1))
            nbmax[nonempty] = red[nonempty]
        move = np.flatnonzero(cand & (prio > nbmax))
        old = labels[move]
        new = best[move]
        labels[move] = new
        # N and P are symmetric: row i holds the ties of i, so i's move shifts its
        # neighbours' weight from column old to column new
        cnt = S.indptr[move + 1] - S.indptr[move]
        pos = np.repeat(S.indptr[move] - np.cumsum(cnt) + cnt, cnt) + np.arange(int(cnt.sum()))
        nbrs = S.indices[pos]
        o = np.repeat(old, cnt)
        w_new = np.repeat(new, cnt)
        wn = Nd[pos]
        wp = Pd[pos]
        np.add.at(NH, (nbrs, o), -wn)
        np.add.at(NH, (nbrs, w_new), wn)
        np.add.at(PH, (nbrs, o), -wp)
        np.add.at(PH, (nbrs, w_new), wp)
    return labels


def local_search(
    edges: Edges,
    k: int,
    *,
    alpha: float = 0.5,
    seed: int = 0,
    restarts: int | None = None,
    start: np.ndarray | None = None,
    time_budget: float | None = None,
) -> tuple[np.ndarray, float]:
    """Best labels in ``0..k-1`` found by relocation from several starts, and their cost.

    Starts: ``start`` when given, the spectral split, k-means on k eigenvectors (k >= 3),
    then random partitions;
    after the starts, perturbations of the best (a random 30 % of the nodes relabelled)
    followed by descent. ``restarts`` counts starts plus perturbations (default by size);
    ``time_budget`` (seconds) stops early. Deterministic for a given seed unless the time
    budget cuts it short.

    Parameters
    ----------
    edges : Edges
    k : int
        The most camps.
    alpha : float, default 0.5
        Weight of negative ties inside camps (:func:`partition_cost`).
    seed : int, default 0
    restarts : int, optional
    start : numpy.ndarray, optional
        Labels to start from first.
    time_budget : float, optional
        Seconds.

    Returns
    -------
    labels : numpy.ndarray
    cost : float
        Their :func:`partition_cost`.

    Examples
    --------
    >>> import numpy as np
    >>> cycle = Edges(4, np.array([0, 1, 2, 0]), np.array([1, 2, 3, 3]), np.array([1.0, 1.0, 1.0, -1.0]))
    >>> labels, cost = local_search(cycle, 2)
    >>> cost  # a cycle with one negative tie: one tie is frustrated whatever the camps
    0.5

    References
    ----------
    .. [1] P. Doreian, A. Mrvar (1996) A partitioning approach to structural balance.
       Social Networks 18, 149-168.
    """
    check_edges(edges, start, name="start")  # start: None or one label per node
    check_int(k, "k", low=1, high=max(edges.n, 16))  # more camps than nodes stay empty
    check_number(alpha, "alpha", low=0, high=1)
    check_seed(seed)
    check_int(restarts, "restarts", low=0, high=10_000, optional=True)
    check_number(time_budget, "time_budget", low=0, optional=True)
    n = edges.n
    rng = np.random.default_rng(seed)
    if n == 0:
        return np.zeros(0, dtype=np.int64), 0.0
    if k <= 1 or edges.m == 0:
        labels = np.zeros(n, dtype=np.int64)
        return labels, partition_cost(edges, labels, alpha)
    if restarts is None:
        restarts = 40 if edges.m <= 5_000 else (12 if edges.m <= 100_000 else 3)
    t0 = time.perf_counter()
    N, P, S = _matrices(edges, alpha)
    inits: list[np.ndarray] = []
    if start is not None:
        inits.append(np.asarray(start, dtype=np.int64) % k)
    inits.append(_spectral_labels(edges, rng))
    if k >= 3:
        inits.append(_spectral_k_labels(edges, k, rng))
    best: np.ndarray | None = None
    best_cost = np.inf
    n_random = max(1, restarts // 2)
    for it in range(max(restarts, len(inits))):
        if it < len(inits):
            lab = inits[it]
        elif it < len(inits) + n_random or best is None:
            lab = rng.integers(0, k, n)
        else:
            lab = best.copy()
            pick = rng.random(n) < PERTURB
            lab[pick] = rng.integers(0, k, int(pick.sum()))
        lab = _descend(lab, k, N, P, S, rng)
        cost = partition_cost(edges, lab, alpha)
        if cost < best_cost - 1e-12:
            best, best_cost = lab, cost
        if best_cost <= _EPS or (time_budget is not None and time.perf_counter() - t0 > time_budget):
            break
    assert best is not None
    return best, float(best_cost)



def relocate(edges: Edges, labels: np.ndarray, k: int, *, alpha: float = 0.5, seed: int = 0) -> np.ndarray:
    """Move single actors to their best camp among ``0..k-1`` until no move lowers the criterion.

    Parameters
    ----------
    edges : Edges
    labels : numpy.ndarray
        The camps to start from, each in ``0..k-1``.
    k : int
        The camps an actor may move to (a camp no actor holds yet included).
    alpha : float, default 0.5
        Weight of negative ties inside camps (:func:`~alliances.analysis.partition_cost`).
    seed : int, default 0
        Breaks ties between equal gains.

    Returns
    -------
    numpy.ndarray
        A labelling no single move improves.

    Examples
    --------
    >>> import numpy as np
    >>> path = Edges(3, np.array([0, 1]), np.array([1, 2]), np.array([1.0, -1.0]))
    >>> relocate(path, np.array([0, 1, 0]), 2).tolist()  # a joins its friend b, c stays away
    [1, 1, 0]
    """
    check_int(k, "k", low=1, high=max(getattr(edges, "n", 0), 16))
    check_edges(edges, labels, k=k)
    check_number(alpha, "alpha", low=0, high=1)
    check_seed(seed)
    if edges.n == 0 or edges.m == 0:
        return np.asarray(labels, dtype=np.int64).copy()
    N, P, S = _matrices(edges, alpha)
    return _descend(np.asarray(labels, dtype=np.int64), k, N, P, S, np.random.default_rng(seed))


def spectral_start(edges: Edges, k: int, *, seed: int = 0) -> np.ndarray:
    """Camps read from the leading eigenvectors of the degree-normalised signed adjacency matrix.

    Two camps: the sign of the leading eigenvector. More: k-means on the rows of the k
    leading eigenvectors, each row scaled to length 1.

    Parameters
    ----------
    edges : Edges
    k : int
        The number of camps (at least 2).
    seed : int, default 0

    Returns
    -------
    numpy.ndarray
        Labels in ``0..k-1`` (a random labelling when the eigenvectors do not converge).

    Examples
    --------
    >>> import numpy as np
    >>> two = Edges(4, np.array([0, 2, 0, 1]), np.array([1, 3, 2, 3]), np.array([1.0, 1.0, -1.0, -1.0]))
    >>> labels = spectral_start(two, 2)
    >>> bool(labels[0] == labels[1] != labels[2] == labels[3])
    True
    """
    check_edges(edges)
    check_int(k, "k", low=1, high=max(edges.n, 16))
    check_seed(seed)
    rng = np.random.default_rng(seed)
    if edges.n == 0:
        return np.zeros(0, dtype=np.int64)
    if k <= 2:
        return _spectral_labels(edges, rng)
    return _spectral_k_labels(edges, k, rng)


def single_blas_thread() -> AbstractContextManager[Any]:
    """BLAS on one thread for the length of a ``with`` block (the previous setting is restored).

    The searches solve many small eigenproblems (spectral starts, walk balance of sign
    shuffles); on a busy machine a multi-threaded BLAS spends more time starting and
    synchronising threads than computing: a 120 x 120 eigen-decomposition took 100 ms
    with threads and 7 ms without on the shared 2-core machine the benchmarks run on.
    Results do not change.

    Returns
    -------
    context manager

    Examples
    --------
    >>> import numpy as np
    >>> with single_blas_thread():
    ...     float(np.linalg.eigvalsh(np.eye(3)).sum())
    3.0
    """
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - scikit-learn, a dependency, brings it
        return nullcontext()
    return threadpool_limits(limits=1, user_api="blas")
