"""Reductions and blocks for partitions into three or more camps (private).

The criterion of a partition adds up over ties, so an actor with few ties can be
decided once its neighbours are, and the problem splits where the graph does. For at
most k >= 3 camps (or any number), with each tie's cost when violated written as
``|c|`` and its sign as the sign of ``c`` (:meth:`Edges.penalties` folded in):

1. an actor with one tie can always satisfy it: with its friend, or in a camp other
   than its enemy's; it is removed;
2. an actor x with two ties acts as one tie between its neighbours a and b: two
   friends as a positive tie of the smaller cost (x sides with the dearer friend when
   they part); a friend and an enemy as a negative tie of the smaller cost (x can only
   keep both when they are apart); two enemies as no tie at all (a third camp, away
   from both, always exists). Ties that land on an existing one merge with it; opposite
   signs leave a cost paid whatever the camps;
3. what remains splits into biconnected blocks: the best partition of each block is
   found alone, and the blocks' camps are glued at the actors they share by renaming
   camps (a renaming never changes a block's criterion).

This is the k-camp counterpart of the reductions the frustration index uses
(:mod:`alliances.analysis._frustration`, where two enemies of an actor act as a positive
tie because there is no third camp).
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field

import numpy as np

from .._checks import check_bool, check_instance, check_int, check_items, check_number, shown
from ..errors import ParameterError, ParameterTypeError
from ._partition import Edges, check_edges, check_labels

__all__ = ["CampReduction", "expand_camps", "peel", "reduce_camps"]

_TOL = 1e-9


@dataclass(frozen=True)
class CampReduction:
    """A partition problem reduced to its blocks, and what is needed to undo the reduction.

    Attributes
    ----------
    n : int
        Actors of the original problem.
    blocks : list of (numpy.ndarray, Edges)
        Each block's actors (original indices) and its ties renumbered on them.
    const : float
        Cost (in units of ``|c|``) paid whatever the camps, from opposite ties merged.
    stack : list of tuple
        The removed actors, in order of removal.

    Examples
    --------
    >>> import numpy as np
    >>> path = Edges(3, np.array([0, 1]), np.array([1, 2]), np.array([1.0, -1.0]))
    >>> red = reduce_camps(path)
    >>> red.blocks, red.const, len(red.stack)
    ([], 0.0, 3)
    """

    n: int
    blocks: list[tuple[np.ndarray, Edges]] = field(default_factory=list)
    const: float = 0.0
    stack: list[tuple] = field(default_factory=list)

    def __post_init__(self) -> None:
        n = check_int(self.n, "n", low=0)
        assert n is not None
        check_items(self.blocks, "blocks", lambda b, name: _check_block(b, name, n), item="each block")
        check_number(self.const, "const")
        check_items(self.stack, "stack", lambda e, name: _check_entry(e, name, n), item="each entry of stack")


def _check_block(block: object, name: str, n: int) -> None:
    """A block: its actors (indices below n, one per node of its ties) and its ties."""
    if not isinstance(block, tuple | list) or len(block) != 2:
        raise ParameterTypeError(f"{name} must be a pair (actors, Edges), not {shown(block)}")
    nodes, e = block
    check_edges(e)
    check_labels(nodes, e.n, name=f"{name}'s actors", k=n)


def _check_entry(entry: object, name: str, n: int) -> None:
    """An entry of the undo stack: ``(x,)``, ``(x, y, c)`` or ``(x, a, ca, b, cb)``, actors below n."""
    if not isinstance(entry, tuple) or len(entry) not in (1, 3, 5):
        raise ParameterTypeError(f"{name} must be (x,), (x, y, c) or (x, a, ca, b, cb), not {shown(entry)}")
    for i, value in enumerate(entry):
        if i in (0, 1, 3):
            check_int(value, f"{name}: an actor", low=0, high=n - 1)
        else:
            check_number(value, f"{name}: a cost")


def reduce_camps(edges: Edges) -> CampReduction:
    """Remove the actors with at most two ties and split the rest into biconnected blocks.

    Valid for at most k camps when k >= 3 (and for any number of camps).

    Parameters
    ----------
    edges : Edges
        Ties with ``c`` = sign x cost when violated (no zero entries).

    Returns
    -------
    CampReduction

    Examples
    --------
    >>> import numpy as np
    >>> # two triangles of friends sharing actor 2, and a friend 5 of actor 0: nothing is left
    >>> u, v = np.array([0, 1, 0, 2, 3, 2, 0]), np.array([1, 2, 2, 3, 4, 4, 5])
    >>> red = reduce_camps(Edges(6, u, v, np.ones(7)))
    >>> [nodes.tolist() for nodes, _ in red.blocks], len(red.stack)
    ([], 6)
    >>> k4 = Edges(4, np.array([0, 0, 0, 1, 1, 2]), np.array([1, 2, 3, 2, 3, 3]), -np.ones(6))
    >>> [nodes.tolist() for nodes, _ in reduce_camps(k4).blocks]
    [[0, 1, 2, 3]]
    """
    check_edges(edges)
    adj: dict[int, dict[int, float]] = {i: {} for i in range(edges.n)}
    const = 0.0
    for a, b, c in zip(edges.u.tolist(), edges.v.tolist(), edges.c.tolist(), strict=True):
        if a != b:
            const += _add_tie(adj, a, b, c)
    stack, more = peel(adj, two_camps=False, check=False)  # built from checked Edges
    return CampReduction(n=edges.n, blocks=_blocks(adj), const=const + more, stack=stack)


def expand_camps(red: CampReduction, block_labels: list[np.ndarray]) -> np.ndarray:
    """Every actor's camp from its block's camps, glued at shared actors, and the removed actors placed.

    Each removed actor takes the camp that costs least given its neighbours', the
    lowest-numbered camp among equals, so that no camp is opened without need.

    Parameters
    ----------
    red : CampReduction
    block_labels : list of numpy.ndarray
        One labelling per block of ``red.blocks``, in its actors' order.

    Returns
    -------
    numpy.ndarray
        A camp for each of the ``red.n`` actors.

    Examples
    --------
    >>> import numpy as np
    >>> star = Edges(4, np.array([0, 0, 0]), np.array([1, 2, 3]), np.array([1.0, -1.0, -1.0]))
    >>> expand_camps(reduce_camps(star), []).tolist()  # friend 1 with 0, enemies 2 and 3 in camp 1
    [0, 0, 1, 1]
    """
    check_instance(red, CampReduction, "red", "a CampReduction (from reduce_camps)")
    block_labels = list(check_items(block_labels, "block_labels", lambda lab, name: lab, item="a labelling"))
    if len(block_labels) != len(red.blocks):
        raise ParameterError(f"block_labels must hold one labelling per block ({len(red.blocks)}), not "
                             f"{len(block_labels)}")
    for i, ((nodes, _), given) in enumerate(zip(red.blocks, block_labels, strict=True)):
        check_labels(given, len(nodes), name=f"block_labels[{i}]")
    labels = np.full(red.n, -1, dtype=np.int64)
    placed = _glue(red, block_labels)
    for x, lab in placed.items():
        labels[x] = lab
    for entry in reversed(red.stack):
        labels[entry[0]] = _place(entry, labels)
    labels[labels < 0] = 0
    return labels


# -- reductions -------------------------------------------------------------------------


def _add_tie(adj: dict[int, dict[int, float]], a: int, b: int, c: float) -> float:
    """Add tie a-b of signed cost c, merging with one already there; returns the cost now unavoidable."""
    old = adj[a].get(b)
    forced = 0.0
    merged = c if old is None else old + c
    if old is not None and (old > 0) != (c > 0):
        forced = min(abs(old), abs(c))
    if abs(merged) <= _TOL * max(1.0, abs(c)):
        adj[a].pop(b, None)
        adj[b].pop(a, None)
    else:
        adj[a][b] = adj[b][a] = merged
    return forced


def peel(adj: dict[int, dict[int, float]], *, two_camps: bool, check: bool = True) -> tuple[list[tuple], float]:
    """Remove the actors with at most two ties, keeping the optimum; the undo stack and the cost left.

    An actor with one tie is removed (it can always satisfy it). An actor with two ties
    becomes one tie between its neighbours, of the smaller cost and of sign the product
    of its two signs, except two enemies when more than two camps are allowed: they cost
    nothing (a camp away from both exists) and leave no tie. Ties that meet merge;
    opposite ones leave a cost paid whatever the camps. Repeated until every actor left
    has three ties or more.

    Parameters
    ----------
    adj : dict
        Actor -> {neighbour: signed cost}, symmetric; mutated (what is left).
    two_camps : bool
        The frustration index (two camps) or three camps and more.
    check : bool, default True
        Check ``adj`` first (a dict of dicts, symmetric, finite non-zero costs, no
        self-tie). The package's solvers pass False for the adjacency they build from a
        checked :class:`Edges`: on 200,000 ties the check takes several times as long
        as the peeling.

    Returns
    -------
    stack : list of tuple
        ``(x,)``, ``(x, y, c)`` or ``(x, a, ca, b, cb)`` per removed actor, in order.
    const : float
        The cost left by opposite ties merged.

    Examples
    --------
    Three mutual enemies cost one tie in two camps, nothing in three:

    >>> enemies = {0: {1: -1.0, 2: -1.0}, 1: {0: -1.0, 2: -1.0}, 2: {0: -1.0, 1: -1.0}}
    >>> peel({x: dict(n) for x, n in enemies.items()}, two_camps=True)[1]
    1.0
    >>> peel({x: dict(n) for x, n in enemies.items()}, two_camps=False)[1]
    0.0
    """
    check_bool(two_camps, "two_camps")
    if check_bool(check, "check"):
        _check_adjacency(adj)
    stack: list[tuple] = []
    const = 0.0
    queue = deque(x for x in adj if len(adj[x]) <= 2)
    while queue:
        x = queue.popleft()
        if x not in adj or len(adj[x]) > 2:
            continue
        nbrs = list(adj.pop(x).items())
        for y, _ in nbrs:
            del adj[y][x]
        stack.append((x, *[t for pair in nbrs for t in pair]))
        if len(nbrs) == 2:
            (a, ca), (b, cb) = nbrs
            if two_camps or ca > 0 or cb > 0:
                const += _add_tie(adj, a, b, math.copysign(min(abs(ca), abs(cb)), ca * cb))
        for y, _ in nbrs:
            if len(adj[y]) <= 2:
                queue.append(y)
    return stack, const


def _check_adjacency(adj: object) -> None:
    """``adj`` as :func:`peel` takes it: actor -> {neighbour: signed cost}, symmetric, no self-tie, no zero."""
    what = "a dict of actor -> {neighbour: signed cost}"
    check_instance(adj, dict, "adj", what)
    assert isinstance(adj, dict)
    for nbrs in adj.values():
        check_instance(nbrs, dict, "adj", what)
    for x, nbrs in adj.items():
        for y, c in nbrs.items():
            check_number(c, f"adj: the cost of {shown(x)} - {shown(y)}")
            if y == x or c == 0 or y not in adj or adj[y].get(x) != c:
                raise ParameterError(f"adj: the tie {shown(x)} - {shown(y)} must be a non-zero cost, the same in "
                                     "both directions, between two different actors")


def _place(entry: tuple, labels: np.ndarray) -> int:
    """The cheapest camp for a removed actor, given its neighbours' camps (lowest camp among equals)."""
    if len(entry) == 1:
        return 0
    if len(entry) == 3:
        _, y, c = entry
        return int(labels[y]) if c > 0 else _free_camp({int(labels[y])})
    _, a, ca, b, cb = entry
    la, lb = int(labels[a]), int(labels[b])
    if ca < 0 and cb < 0:
        return _free_camp({la, lb})
    if ca > 0 and cb > 0:
        return la if (la == lb or abs(ca) >= abs(cb)) else lb
    (lp, cp), (lq, cq) = ((la, ca), (lb, cb)) if ca > 0 else ((lb, cb), (la, ca))
    if lp != lq or abs(cp) >= abs(cq):
        return lp
    return _free_camp({lp})


def _free_camp(taken: set[int]) -> int:
    return next(c for c in range(len(taken) + 1) if c not in taken)


# -- blocks -----------------------------------------------------------------------------


def _blocks(adj: dict[int, dict[int, float]]) -> list[tuple[np.ndarray, Edges]]:
    """The biconnected blocks of what is left, each as its actors and its renumbered ties."""
    if not adj:
        return []
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(adj)
    g.add_edges_from((a, b) for a in adj for b in adj[a] if a < b)
    out = []
    for es in nx.biconnected_component_edges(g):
        nodes = np.array(sorted({x for e in es for x in e}), dtype=np.int64)
        index = {x: i for i, x in enumerate(nodes.tolist())}
        pairs = sorted((min(a, b), max(a, b)) for a, b in es)
        u = np.array([index[a] for a, _ in pairs], dtype=np.int64)
        v = np.array([index[b] for _, b in pairs], dtype=np.int64)
        c = np.array([adj[a][b] for a, b in pairs], dtype=float)
        out.append((nodes, Edges(len(nodes), u, v, c)))
    out.sort(key=lambda blk: int(blk[0][0]))
    return out


def _glue(red: CampReduction, block_labels: list[np.ndarray]) -> dict[int, int]:
    """Camps of the blocks' actors: blocks sharing an actor agree on its camp after a renaming.

    Blocks form a tree through the actors they share, so a breadth-first walk renames
    each block once (swapping two camp numbers) to agree with the block it is reached from.
    """
    owner: dict[int, list[int]] = {}
    for i, (nodes, _) in enumerate(red.blocks):
        for x in nodes.tolist():
            owner.setdefault(x, []).append(i)
    placed: dict[int, int] = {}
    done = [False] * len(red.blocks)
    for first in range(len(red.blocks)):
        if done[first]:
            continue
        done[first] = True
        queue = deque([(first, None)])
        while queue:
            i, via = queue.popleft()
            nodes, _ = red.blocks[i]
            lab = np.asarray(block_labels[i], dtype=np.int64)
            if via is not None:
                want, have = placed[via], int(lab[nodes.tolist().index(via)])
                lab = np.where(lab == have, want, np.where(lab == want, have, lab))
            for x, c in zip(nodes.tolist(), lab.tolist(), strict=True):
                placed.setdefault(x, c)
            for x in nodes.tolist():
                for j in owner[x]:
                    if not done[j]:
                        done[j] = True
                        queue.append((j, x))
    return placed
