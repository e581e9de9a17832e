"""Walk balance (Estrada & Benzi 2014): closed walks of every length, counted with their sign.

The ratio tr exp(A) / tr exp(|A|) of the signed adjacency A is 1 exactly for a balanced
graph and falls towards 0 as negative cycles dominate. Small components get all their
eigenvalues (dense); large ones the largest few by Lanczos, and the rest estimated by
stochastic Lanczos quadrature when it could matter.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from .._arguments import check_graph
from .._checks import check_bool, check_choice, check_number
from .._signed import signed_matrix

if TYPE_CHECKING:
    import networkx as nx
    import numpy as np
    import scipy.sparse as sp

    from .._network import AllianceNetwork

__all__ = ["walk_balance"]

# components up to this size get all their eigenvalues
_DENSE_MAX = 2000
_SPARSE_EIGS = 32
_PROBES = 32
_SLQ_STEPS = 40


def walk_balance(
    G: AllianceNetwork | nx.Graph,
    *,
    weighted: bool = False,
    method: str = "auto",
    rtol: float = 1e-9,
) -> float | None:
    """Walk-based balance of Estrada & Benzi: tr exp(A) / tr exp(|A|).

    Closed walks of every length are weighted by 1/k! and counted with their sign; the
    ratio is 1 exactly when the graph is balanced and falls towards 0 as negative
    cycles dominate.

    Parameters
    ----------
    G : AllianceNetwork or networkx.Graph
    weighted : bool, default False
        Use sign x weight instead of the sign.
    method : {"auto", "dense", "sparse"}
        ``"dense"``: all eigenvalues of each connected component. ``"sparse"``: for
        components of more than 2,000 nodes, the 32 largest eigenvalues (Lanczos,
        ``scipy.sparse.linalg.eigsh``), enough when the ones left out cannot change the
        result by more than ``rtol`` (relative, or absolute on the ratio, whichever is
        looser); otherwise the rest of the trace is estimated by stochastic Lanczos
        quadrature (32 fixed-seed probes, 40 steps, on the complement of the
        eigenvectors found), so the result is then an estimate. ``"auto"`` is
        ``"sparse"``.
    rtol : float
        Tolerance of the sparse path.

    Returns
    -------
    float or None
        In (0, 1]; None for a graph without nodes.

    Examples
    --------
    >>> import networkx as nx
    >>> triangle = nx.Graph([(1, 2, {"sign": -1}), (2, 3, {"sign": -1}), (1, 3, {"sign": -1})])
    >>> round(walk_balance(triangle), 4)
    0.6858
    >>> walk_balance(nx.Graph([(1, 2, {"sign": -1}), (2, 3, {"sign": 1}), (1, 3, {"sign": -1})]))
    1.0

    Notes
    -----
    Both traces are computed shifted by the largest eigenvalue of :math:`|A|` (which
    bounds every eigenvalue of :math:`A`), so nothing overflows on large graphs.

    References
    ----------
    .. [1] Estrada, E. and Benzi, M. (2014). Walk-based measure of balance in signed
       networks: detecting lack of balance in social networks. Physical Review E 90,
       042802.
    """
    check_graph(G)
    check_bool(weighted, "weighted")
    check_choice(method, "method", ("auto", "dense", "sparse"))
    check_number(rtol, "rtol", low=0, high=1, low_open=True, high_open=True)
    from scipy.sparse.csgraph import connected_components

    _, A, _ = signed_matrix(G, weighted=weighted)
    if A.shape[0] == 0:
        return None
    B = abs(A)
    _, labels = connected_components(B, directed=False)
    parts = [(A[idx][:, idx], B[idx][:, idx]) for idx in _chunks(labels)]
    shift = max(_largest_eig(Bc) for _, Bc in parts)

    def trace_exp(M: sp.csr_array, floor: float = 0.0) -> float:
        if method == "dense" or M.shape[0] <= _DENSE_MAX:
            return _dense_trace_exp(M, shift)
        return _sparse_trace_exp(M, shift, rtol, floor=floor)

    # the denominator first: it sets the absolute accuracy the numerator needs
    den = sum(trace_exp(Bc) for _, Bc in parts)
    num = sum(trace_exp(Ac, floor=rtol * den) for Ac, _ in parts)
    value = float(num / den)
    return 1.0 if abs(value - 1.0) < 1e-12 else value


def _chunks(labels: np.ndarray) -> list[np.ndarray]:
    """The nodes grouped by connected component into chunks of at most ``_DENSE_MAX`` nodes.

    The eigenvalues of a block-diagonal matrix are those of its blocks: components are
    grouped, smallest first, into chunks whose eigenvalues are all computed (dense); a
    larger component is a chunk of its own (the sparse path unless ``method="dense"``).
    """
    import numpy as np

    order = np.argsort(labels, kind="stable")
    sizes = np.bincount(labels)
    starts = np.concatenate([[0], np.cumsum(sizes)])
    chunks: list[np.ndarray] = []
    pending: list[np.ndarray] = []
    pending_size = 0
    for comp in np.argsort(sizes, kind="stable").tolist():
        members = order[starts[comp]:starts[comp + 1]]
        if len(members) > _DENSE_MAX:
            chunks.append(members)
            continue
        if pending_size + len(members) > _DENSE_MAX:
            chunks.append(np.concatenate(pending))
            pending, pending_size = [], 0
        pending.append(members)
        pending_size += len(members)
    if pending:
        chunks.append(np.concatenate(pending))
    return chunks


def _largest_eig(M: sp.csr_array) -> float:
    import numpy as np
    from scipy.sparse.linalg import eigsh

    size = M.shape[0]
    if M.nnz == 0:
        return 0.0
    if size <= _DENSE_MAX:
        return float(np.linalg.eigvalsh(M.toarray())[-1])
    return float(eigsh(M.astype(float), k=1, which="LA", return_eigenvectors=False)[0])


def _dense_trace_exp(M: sp.csr_array, shift: float) -> float:
    import numpy as np

    ev = np.linalg.eigvalsh(M.toarray()) if M.shape[0] else np.zeros(0)
    return float(np.exp(ev - shift).sum())


def _sparse_trace_exp(M: sp.csr_array, shift: float, rtol: float, floor: float = 0.0) -> float:
    """tr exp(M - shift I) from the largest eigenvalues, plus an estimate of the rest.

    Lanczos (ARPACK) finds the top eigenvalues. When those left out cannot add more than
    ``rtol`` times the sum found, or more than ``floor`` (an absolute tolerance: for the
    signed trace, ``rtol`` times the unsigned one, so that the ratio is right to ``rtol``
    in absolute terms), the sum is returned as it is. Otherwise the rest is estimated
    by stochastic Lanczos quadrature (Ubaru, Chen & Saad 2017) on the orthogonal
    complement of the eigenvectors found, whose error is bounded by the size of the
    remainder, not of the whole trace.
    """
    import numpy as np
    from scipy.sparse.linalg import eigsh

    size = M.shape[0]
    M = M.astype(float)
    k = min(_SPARSE_EIGS, size - 2)
    ev, V = eigsh(M, k=k, which="LA")
    part = float(np.exp(ev - shift).sum())
    # every eigenvalue left out is at most the smallest one found
    rest_bound = (size - k) * math.exp(float(ev.min()) - shift)
    if rest_bound <= max(rtol * part, floor):
        return part
    return part + _slq_trace_exp(M, V, shift)


def _slq_trace_exp(M: sp.csr_array, V: np.ndarray, shift: float) -> float:
    """Stochastic Lanczos quadrature of tr(P exp(M - shift) P), P projecting off span(V).

    Rademacher probes (fixed seed), projected; ``_SLQ_STEPS`` Lanczos steps each, fully
    reorthogonalised; every probe's quadratic form is read from the small tridiagonal
    matrix's eigen-decomposition.
    """
    import numpy as np
    from scipy.linalg import eigh_tridiagonal

    n = M.shape[0]
    rng = np.random.default_rng(0)
    Z = rng.choice([-1.0, 1.0], size=(n, _PROBES))
    Z -= V @ (V.T @ Z)
    norms2 = np.einsum("ij,ij->j", Z, Z)
    Q = Z / np.sqrt(np.maximum(norms2, 1e-300))
    basis = [Q]
    alphas, betas = [], []
    for step in range(min(_SLQ_STEPS, n - V.shape[1])):
        W = M @ Q
        alpha = np.einsum("ij,ij->j", Q, W)
        alphas.append(alpha)
        if step == _SLQ_STEPS - 1:
            break
        W -= V @ (V.T @ W)
        for U in basis:  # full reorthogonalisation, column by column
            W -= U * np.einsum("ij,ij->j", U, W)
        beta = np.sqrt(np.einsum("ij,ij->j", W, W))
        if np.all(beta < 1e-10):
            break
        betas.append(beta)
        Q = W / np.maximum(beta, 1e-300)
        basis.append(Q)
    total = 0.0
    steps = len(alphas)
    for p in range(Z.shape[1]):
        a = np.array([x[p] for x in alphas])
        b = np.array([x[p] for x in betas[: steps - 1]])
        # a probe whose Krylov space closed early: cut at the first zero beta
        cut = next((i for i, x in enumerate(b) if x < 1e-10), None)
        if cut is not None:
            a, b = a[: cut + 1], b[:cut]
        theta, S = eigh_tridiagonal(a, b)
        total += norms2[p] * float(np.sum(S[0] ** 2 * np.exp(theta - shift)))
    return total / Z.shape[1]
