"""Random signed graphs for the balance tests (hypothesis strategies)."""

from __future__ import annotations

import itertools

import networkx as nx
from hypothesis import strategies as st


@st.composite
def signed_graphs(draw, max_nodes=11, zero=True):
    """Random signed graphs, some ties neutral or ambivalent (sign 0), with weights."""
    n = draw(st.integers(0, max_nodes))
    G = nx.Graph()
    G.add_nodes_from(range(n))
    for u, v in itertools.combinations(range(n), 2):
        kind = draw(st.sampled_from(["none", "none", "+", "-", "0"] if zero else ["none", "+", "-"]))
        if kind == "none":
            continue
        w = draw(st.sampled_from([0.5, 1.0, 0.25, 2.0]))
        if kind == "0":
            G.add_edge(u, v, sign=0, weight=w, stance=draw(st.sampled_from(["neutral", "ambivalent"])))
        else:
            G.add_edge(u, v, sign=1 if kind == "+" else -1, weight=w)
    return G
