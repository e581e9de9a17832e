"""Export a network for the tools analysts already use: GraphML, GEXF (Gephi), node-link JSON.

GraphML and GEXF allow only scalar attribute values, so lists (an actor's
``theaters`` and ``aliases``, a relation's ``evidence``) are written as JSON text and
missing values (None) are left out. The format is chosen by the file extension.
Files are written atomically and reproducibly (GEXF's date is the scenario's ``as_of``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .._arguments import check_network
from .._checks import check_path
from .._network import AllianceNetwork
from ..errors import OutputError
from ._files import atomic_path

__all__ = ["EXPORT_FORMATS", "export", "to_node_link"]

EXPORT_FORMATS = {".graphml": "GraphML", ".gexf": "GEXF", ".json": "node-link JSON"}


def to_node_link(net: AllianceNetwork) -> dict[str, Any]:
    """The network's graph as node-link data (``networkx.node_link_data``), JSON-ready.

    Parameters
    ----------
    net : AllianceNetwork

    Returns
    -------
    dict
        ``graph`` (the scenario's attributes), ``nodes`` (actor attributes) and
        ``edges`` (the relations in force: ``sign``, ``weight``, ``stance``, ...), in the
        keys ``networkx.node_link_graph(data, edges="edges")`` reads back.

    Examples
    --------
    >>> from alliances import Actor, Relation
    >>> net = AllianceNetwork("T", actors=[Actor("a", "A"), Actor("b", "B")],
    ...                       relations=[Relation(("a", "b"), "enemy")])
    >>> to_node_link(net)["edges"][0]["sign"]
    -1
    """
    check_network(net)
    import networkx as nx

    data = nx.node_link_data(_plain_graph(net, keep_lists=True), edges="edges")
    data["graph"] = {k: v for k, v in data["graph"].items() if v is not None}
    return data


def export(net: AllianceNetwork, path: str | os.PathLike[str]) -> str:
    """Write the network to ``path`` in the format its extension names; returns that format's name.

    Parameters
    ----------
    net : AllianceNetwork
    path : str or path-like
        Ends in ``.graphml``, ``.gexf`` or ``.json``.

    Returns
    -------
    str
        The name of the format written: ``"GraphML"``, ``"GEXF"`` or ``"node-link JSON"``.

    Raises
    ------
    OutputError
        For an unknown extension or a folder that does not exist. The file is
        written atomically: on failure no partial file is left behind.

    Examples
    --------
    >>> import alliances, os, tempfile
    >>> import networkx as nx
    >>> net = alliances.load("seeds/syria_2017.yaml")
    >>> path = os.path.join(tempfile.mkdtemp(), "syria.graphml")
    >>> export(net, path)
    'GraphML'
    >>> g = nx.read_graphml(path)
    >>> g.number_of_nodes(), g.edges["assad", "iran"]["stance"]
    (8, 'ally')
    """
    check_network(net)
    check_path(path, "path")
    import networkx as nx

    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in EXPORT_FORMATS:
        known = ", ".join(EXPORT_FORMATS)
        raise OutputError(f"{target}: cannot tell the format from '{suffix or '(no extension)'}' (use one of {known})")
    with atomic_path(target) as tmp:
        if suffix == ".json":
            Path(tmp).write_text(json.dumps(to_node_link(net), indent=2, ensure_ascii=False) + "\n", "utf-8")
        elif suffix == ".graphml":
            nx.write_graphml(_plain_graph(net, keep_lists=False), tmp)
        else:
            _write_gexf(net, tmp)
    return EXPORT_FORMATS[suffix]


def _write_gexf(net: AllianceNetwork, path: str) -> None:
    """GEXF with a reproducible header: the file's date is the scenario's ``as_of``, not today."""
    from networkx.readwrite.gexf import GEXFWriter

    writer = GEXFWriter(encoding="utf-8", prettyprint=True)
    meta = writer.xml.find("meta")
    if meta is not None:
        if net.as_of is not None:
            meta.set("lastmodifieddate", net.as_of.isoformat())
        else:
            meta.attrib.pop("lastmodifieddate", None)
    writer.add_graph(_plain_graph(net, keep_lists=False))
    writer.write(path)


def _plain_graph(net: AllianceNetwork, *, keep_lists: bool):
    """A copy of the graph with only str/int/float attributes (lists as JSON text unless kept)."""
    import networkx as nx

    g = nx.Graph()
    g.graph["scenario"] = net.scenario
    if net.as_of is not None:
        g.graph["as_of"] = net.as_of.isoformat()

    def clean(attrs: dict[str, Any]) -> dict[str, Any]:
        out = {}
        for key, value in attrs.items():
            if value is None:
                continue
            if isinstance(value, (list, tuple)):
                value = [_plain(v) for v in value]
                out[key] = value if keep_lists else json.dumps(value, ensure_ascii=False)
            else:
                out[key] = value
        return out

    for node, data in net.graph.nodes(data=True):
        actor = net.actors[node]
        g.add_node(node, **clean({**data, "aliases": list(actor.aliases)}))
    for u, v, data in net.graph.edges(data=True):
        g.add_edge(u, v, **clean(data))
    return g


def _plain(value: Any) -> Any:
    if hasattr(value, "source") and hasattr(value, "note"):
        return {"source": value.source, "note": value.note}
    return value
