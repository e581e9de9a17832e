"""Write scenario files: the network as YAML text, and atomically to a file."""

from __future__ import annotations

import os

from .._arguments import check_network
from .._checks import check_path
from .._network import AllianceNetwork, network_to_yaml
from ._files import write_text_atomic

__all__ = ["dump", "dumps"]


def dumps(net: AllianceNetwork) -> str:
    """The network as YAML text in the scenario format; :func:`loads` reads it back equal.

    Parameters
    ----------
    net : AllianceNetwork

    Returns
    -------
    str
        YAML (format version 1): actors, relations, theaters and sources in the
        network's order, dates as ``YYYY-MM-DD``, no anchors or aliases.

    Examples
    --------
    >>> from alliances import Actor, Relation, loads
    >>> net = AllianceNetwork("T", actors=[Actor("a", "A"), Actor("b", "B")],
    ...                       relations=[Relation(("a", "b"), "ally")])
    >>> loads(dumps(net)) == net
    True
    """
    check_network(net)
    return network_to_yaml(net)



def dump(net: AllianceNetwork, path: str | os.PathLike[str]) -> None:
    """Write the network as a scenario file (atomically: a temporary file, then a rename).

    Parameters
    ----------
    net : AllianceNetwork
    path : str or path-like
        The file to write (replaced whole, never left half-written).

    Returns
    -------
    None

    Examples
    --------
    >>> import alliances, os, tempfile
    >>> net = alliances.load("seeds/syria_2017.yaml")
    >>> path = os.path.join(tempfile.mkdtemp(), "copy.yaml")
    >>> dump(net, path)
    >>> alliances.load(path) == net
    True
    """
    check_network(net)
    check_path(path, "path")
    write_text_atomic(path, dumps(net))


