"""Implied relations: what balance suggests for the pairs with no recorded relation.

For an unknown pair (a, b), every short path a - m - b of signed ties is evidence: by
default under *weak* balance (Davis 1967 [1]_), a friend's friend is a friend and a
friend's enemy (or an enemy's friend) an enemy, but an enemy's enemy is **no**
evidence of friendship: three mutual enemies are common (the Syrian government, the US
coalition and IS in 2017 are one such triad; Maoz et al. 2007 [2]_ find such imbalance
frequent). Under *strict* balance (Cartwright & Harary 1956 [3]_), the enemy of an
enemy is a friend.

Each path counts as the product of its ties' signed weights (discounted for longer
paths); the score of the pair is the sum. Pairs whose relation is recorded (including
neutral and ambivalent ones) are never targets: unknown is not neutral.

References
----------
.. [1] Davis, J. A. (1967). Clustering and structural balance in graphs. Human
   Relations 20(2), 181-187.
.. [2] Maoz, Z., Terris, L. G., Kuperman, R. D. and Talmud, I. (2007). What is the
   enemy of my enemy? Causes and consequences of imbalanced international relations,
   1816-2001. Journal of Politics 69(1), 100-115.
.. [3] Cartwright, D. and Harary, F. (1956). Structural balance: a generalization of
   Heider's theory. Psychological Review 63(5), 277-293.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING, Any

from .._arguments import check_graph
from .._checks import check_bool, check_instance, check_int, check_items, check_number, shown
from .._signed import as_signed_graph, node_key, node_order, signed_matrix
from ..errors import ParameterError, ParameterTypeError

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd
    import scipy.sparse as sp

    from .._network import AllianceNetwork

__all__ = ["MAX_LENGTH", "STRONG_SCORE", "implied_relations", "implied_scores", "stance_for_score"]

#: A score of at least this size (two full-weight ties: an ally of an ally) names the
#: strong stances ``ally`` / ``enemy``; weaker evidence gives ``friendly`` / ``rival``.
STRONG_SCORE = 1.0

#: The longest path :func:`implied_relations` follows: the paths to enumerate grow as the
#: degree to the power ``max_length - 1``, and a path of 6 ties counts 1/16 at the default
#: discount.
MAX_LENGTH = 6

_COLUMNS = ["a", "b", "stance", "score", "via", "reason", "conflicting"]

# one path of evidence: its signed strength, the actors in between, the words for each tie
_Path = tuple[float, list[Hashable], list[str]]


def stance_for_score(score: float) -> str | None:
    """The stance name a score implies.

    ``score >= 1``: ``"ally"``; ``0 < score < 1``: ``"friendly"``; ``-1 < score < 0``:
    ``"rival"``; ``score <= -1``: ``"enemy"``; 0 (paths cancel out): ``"ambivalent"``.
    With the default weights (ally and enemy 1.0, friendly and rival 0.5) the ally of an
    ally is an ally, the ally of a rival a rival, the friend of a friend friendly.

    Parameters
    ----------
    score : float
        The signed sum over the paths of a pair (:func:`implied_relations`).

    Returns
    -------
    str

    Examples
    --------
    >>> [stance_for_score(x) for x in (1.0, 0.5, 0.0, -0.25, -2.0)]
    ['ally', 'friendly', 'ambivalent', 'rival', 'enemy']
    """
    check_number(score, "score")
    if score >= STRONG_SCORE - 1e-12:
        return "ally"
    if score > 1e-12:
        return "friendly"
    if score <= -STRONG_SCORE + 1e-12:
        return "enemy"
    if score < -1e-12:
        return "rival"
    return "ambivalent"


def implied_scores(
    G: AllianceNetwork | nx.Graph,
    *,
    strict: bool = False,
    weighted: bool = True,
    nodelist: Sequence[Hashable] | None = None,
) -> tuple[list[Hashable], sp.csr_array]:
    """What the graph implies for every pair: the two-path score of :func:`implied_relations`.

    The score of a pair (a, b) sums, over its common neighbours m, the product of the
    signed weights of the ties a - m and m - b: a friend's friend counts +, a friend's
    enemy (or an enemy's friend) -, and an enemy's enemy nothing under weak balance
    (``strict=False``) or + under strict balance. It is the score
    :func:`implied_relations` reports for an unknown pair (with its default
    ``max_length=2``), computed here for *every* pair, known ones included, with sparse
    matrix products; the conflict-risk factor ``implied`` reads it, so the risk model
    and the implied relations never disagree on what the graph implies.

    Parameters
    ----------
    G : AllianceNetwork or networkx.Graph
        Signed ties; neutral and ambivalent ones carry no evidence.
    strict : bool, default False
        Count an enemy's enemy as a friend (strict balance).
    weighted : bool, default True
        A path's strength is the product of its ties' weights; False counts each tie as 1.
    nodelist : sequence, optional
        The row order (default :func:`~alliances._signed.node_order`).

    Returns
    -------
    nodes : list
        The row and column order.
    scores : scipy.sparse.csr_array
        Symmetric, zero diagonal; entries rounded to 12 decimals, zeros not stored.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_edge("russia", "assad", sign=1, weight=1.0)
    >>> G.add_edge("assad", "us_coalition", sign=-1, weight=0.5)
    >>> nodes, S = implied_scores(G)
    >>> float(S[nodes.index("russia"), nodes.index("us_coalition")])
    -0.5

    References
    ----------
    .. [1] Davis, J. A. (1967). Clustering and structural balance in graphs. Human
       Relations 20(2), 181-187.
    """
    check_graph(G)
    check_bool(strict, "strict")
    check_bool(weighted, "weighted")
    if nodelist is not None:
        nodelist = check_items(nodelist, "nodelist", _node, item="a node")
    import numpy as np

    nodes, A, _ = signed_matrix(G, weighted=weighted)  # the fast read of the ties
    if nodelist is not None and list(nodelist) != nodes:
        index = {v: k for k, v in enumerate(nodes)}
        unknown = [v for v in nodelist if v not in index]
        if unknown:
            raise ParameterError(f"nodelist names {shown(unknown[0])}, which is not a node of the graph")
        if len(set(nodelist)) != len(nodelist) or len(nodelist) != len(nodes):
            raise ParameterError("nodelist must name every node of the graph once")
        perm = np.array([index[v] for v in nodelist], dtype=np.int64)
        A = A[perm][:, perm].tocsr()
        nodes = list(nodelist)
    P = A.multiply(A > 0).tocsr()
    N = (-A).multiply(A < 0).tocsr()
    PN = P @ N
    S = (P @ P - PN - PN.T).tocsr()
    if strict:
        S = (S + N @ N).tocsr()
    S.setdiag(0)
    S.data = np.round(S.data, 12)
    S.data[np.abs(S.data) < 1e-12] = 0.0
    S.eliminate_zeros()
    return nodes, S


def _node(value: Any, name: str) -> Hashable:
    """A node id: anything hashable (a tuple holding a list is not)."""
    check_instance(value, Hashable, name, "a node id")
    try:
        hash(value)
    except TypeError:
        raise ParameterTypeError(f"{name} must be a node id, not {shown(value)} (it is not hashable)") from None
    return value


def implied_relations(
    G: AllianceNetwork | nx.Graph,
    *,
    strict: bool = False,
    max_length: int = 2,
    discount: float = 0.5,
    weighted: bool = True,
) -> pd.DataFrame:
    """The stance balance implies for every pair with no recorded relation.

    Parameters
    ----------
    G : AllianceNetwork or networkx.Graph
        Signed ties. A pair joined by any edge (neutral and ambivalent included) is
        known and is not a target; only pairs with no edge are.
    strict : bool, default False
        False: weak balance, where a path with two or more negative ties (an enemy's
        enemy) is no evidence. True: strict balance, where every path counts with the
        product of its signs.
    max_length : int, default 2
        Longest path counted, in ties, from 2 to :data:`MAX_LENGTH` (6) (2: common
        neighbours only; 3 also follows paths through two intermediaries).
    discount : float, default 0.5
        A path of length L counts ``discount ** (L - 2)`` times its strength.
    weighted : bool, default True
        A path's strength is the product of its ties' weights (intensity: ally and
        enemy 1.0, friendly and rival 0.5 by default); False counts every tie as 1.

    Returns
    -------
    pandas.DataFrame
        One row per unknown pair with at least one counted path, ``a`` < ``b``, sorted:
        ``stance`` (:func:`stance_for_score`), ``score`` (the signed sum over the
        paths), ``via`` (the intermediate actors, sorted), ``reason`` (a sentence that
        cites the paths, strongest first) and ``conflicting`` (True when some paths
        point the other way; the reason then says so).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_edge("russia", "assad", sign=1, weight=1.0, stance="ally")
    >>> G.add_edge("assad", "us_coalition", sign=-1, weight=0.5, stance="rival")
    >>> row = implied_relations(G).iloc[0]
    >>> row.a, row.b, row.stance, float(row.score), row.via
    ('russia', 'us_coalition', 'rival', -0.5, ['assad'])
    >>> print(row.reason)
    russia - us_coalition: likely rival: russia is an ally of assad, who is a rival of us_coalition

    Notes
    -----
    Paths are simple (no actor twice). Enumerating paths of length up to ``L`` costs
    :math:`O(n d^{L-1})` for maximum degree :math:`d`: meant for conflict networks
    (tens to a few thousand actors).

    References
    ----------
    .. [1] Davis, J. A. (1967). Clustering and structural balance in graphs. Human
       Relations 20(2), 181-187.
    .. [2] Cartwright, D. and Harary, F. (1956). Structural balance: a generalization of
       Heider's theory. Psychological Review 63(5), 277-293.
    """
    check_graph(G)
    check_bool(strict, "strict")
    check_int(max_length, "max_length", low=2, high=MAX_LENGTH)
    check_number(discount, "discount", low=0, high=1, low_open=True)
    check_bool(weighted, "weighted")
    import pandas as pd

    g = as_signed_graph(G)
    adj = _evidence(g, weighted)
    found: dict[tuple[Hashable, Hashable], list[_Path]] = {}
    for a in sorted(adj, key=node_key):
        _walk(a, [a], 1, 1.0, [], 0, adj, g, strict, max_length, discount, found)
    # the two-path part of every score is the shared one; longer paths add their discounted sums
    nodes, two = implied_scores(g, strict=strict, weighted=weighted)
    index = {v: k for k, v in enumerate(nodes)}
    rows = [_row(a, b, paths, float(two[index[a], index[b]])) for (a, b), paths in found.items()]
    rows.sort(key=lambda r: (node_key(r["a"]), node_key(r["b"])))
    return pd.DataFrame(rows, columns=_COLUMNS)


def _evidence(g: Any, weighted: bool) -> dict[Hashable, dict[Hashable, tuple[int, float, str]]]:
    """Each node's non-zero ties: neighbour -> (sign, weight or 1, the words for the relation)."""
    # only non-zero ties carry evidence; every edge (even sign 0) makes a pair known
    adj: dict[Hashable, dict[Hashable, tuple[int, float, str]]] = {v: {} for v in node_order(g)}
    for u, v, d in g.edges(data=True):
        if d["sign"] != 0:
            info = (d["sign"], d["weight"] if weighted else 1.0, _relation_words(d))
            adj[u][v] = info
            adj[v][u] = info
    return adj


def _row(a: Hashable, b: Hashable, paths: list[_Path], two_path: float) -> dict[str, Any]:
    """The implied relation of the pair from its paths (sorted here, strongest first) and two-path score."""
    paths.sort(key=lambda p: (-abs(p[0]), -p[0], [node_key(x) for x in p[1]]))
    score = two_path + sum(p[0] for p in paths if len(p[1]) > 1)
    score = 0.0 if abs(score) < 1e-12 else round(score, 12)
    via = sorted({m for p in paths for m in p[1]}, key=node_key)
    pos = [p for p in paths if p[0] > 0]
    neg = [p for p in paths if p[0] < 0]
    return {
        "a": a, "b": b, "stance": stance_for_score(score), "score": score, "via": via,
        "reason": _reason(a, b, score, pos, neg), "conflicting": bool(pos and neg),
    }


def _walk(
    a: Hashable, path: list[Hashable], sign: int, strength: float, words: list[str], negatives: int,
    adj: dict, g: Any, strict: bool, max_length: int, discount: float, found: dict,
) -> None:
    """Extend the simple path from ``a``; record each end that is an unknown pair."""
    here = path[-1]
    for nxt, (s, w, word) in adj[here].items():
        if nxt in path:
            continue
        neg = negatives + (s < 0)
        if not strict and neg >= 2:
            continue  # an enemy's enemy: no evidence under weak balance (nor any longer path through it)
        length = len(path)  # ties in the new path
        new_words = [*words, word]
        new_sign = sign * s
        new_strength = strength * w
        if length >= 2 and not g.has_edge(a, nxt) and node_key(a) < node_key(nxt):
            value = new_sign * new_strength * discount ** (length - 2)
            found.setdefault((a, nxt), []).append((value, path[1:], new_words))
        if length < max_length:
            _walk(a, [*path, nxt], new_sign, new_strength, new_words, neg, adj, g, strict, max_length,
                  discount, found)


def _relation_words(d: dict[str, Any]) -> str:
    stance = d.get("stance")
    stance = getattr(stance, "value", stance)
    words = {"ally": "an ally of", "friendly": "friendly with", "rival": "a rival of", "enemy": "an enemy of"}
    if stance in words:
        return words[stance]
    return "a friend of" if d["sign"] > 0 else "an enemy of"


def _sentence(a: Hashable, b: Hashable, path: tuple[float, list[Hashable], list[str]]) -> str:
    _, via, words = path
    parts = [f"{a} is {words[0]} {via[0]}"]
    for m, word in zip([*via[1:], b], words[1:], strict=True):
        parts.append(f"who is {word} {m}")
    return ", ".join(parts)


def _reason(a: Hashable, b: Hashable, score: float, pos: list, neg: list) -> str:
    # the stance's own word, as in the table's stance column: "likely rival" beside "rival"
    if score > 0:
        head, support, against = f"likely {stance_for_score(score)}", pos, neg
    elif score < 0:
        head, support, against = f"likely {stance_for_score(score)}", neg, pos
    else:
        text = "; ".join(_sentence(a, b, p) for p in pos)
        other = "; ".join(_sentence(a, b, p) for p in neg)
        return f"{a} - {b}: unclear, the paths cancel out: {text}; but {other}"
    text = "; ".join(_sentence(a, b, p) for p in support)
    if not against:
        return f"{a} - {b}: {head}: {text}"
    other = "; ".join(_sentence(a, b, p) for p in against)
    return f"{a} - {b}: {head}, though the paths disagree: {text}; but {other}"
