"""Signed edge lists in CSV (``source,target,sign``): bring your own network.

Researchers keep signed networks as edge lists (signnet's data, KONECT, the Correlates
of War alliance/dispute networks). :func:`read_signed_csv` reads one into the signed
graph every analysis takes, with every problem reported as ``file:line: message``.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._checks import check_instance, check_path
from .._text import did_you_mean
from ..errors import Problem, ScenarioError
from ._textfile import read_text_file

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["read_signed_csv"]

_SIGNS = {
    "1": 1, "+1": 1, "+": 1, "1.0": 1, "positive": 1, "ally": 1, "friendly": 1,
    "-1": -1, "-": -1, "-1.0": -1, "negative": -1, "rival": -1, "enemy": -1,
    "0": 0, "0.0": 0, "neutral": 0, "ambivalent": 0,
}
_DEFAULT_WEIGHT = {"ally": 1.0, "friendly": 0.5, "rival": 0.5, "enemy": 1.0, "ambivalent": 0.5}


def read_signed_csv(path: str | Path, *, text: str | None = None) -> nx.Graph:
    """Read a CSV of signed ties into a signed graph.

    Parameters
    ----------
    path : str or Path
        The file (also used in messages).
    text : str, optional
        The file's content, when already read.

    Returns
    -------
    networkx.Graph
        Nodes are the ids as written; edges carry ``sign`` (+1, -1 or 0), ``weight``
        (the ``weight`` column, or 1; a stance name gives its default weight) and
        ``stance`` when the sign column holds a stance name.

    Raises
    ------
    ScenarioError
        Every problem at once, as ``file:line: message``: missing columns, a sign that
        is not +1/-1/0/+/-/a stance name, a weight that is not a positive number, a tie
        of an actor with itself, a pair given twice. Stance names are lowercase, as in
        scenario files (``Ally`` is refused, naming ``ally``).

    Examples
    --------
    >>> G = read_signed_csv("x.csv", text="source,target,sign\\na,b,1\\nb,c,-1\\nc,d,ambivalent\\n")
    >>> sorted((u, v, d["sign"]) for u, v, d in G.edges(data=True))
    [('a', 'b', 1), ('b', 'c', -1), ('c', 'd', 0)]
    """
    check_path(path, "path")
    check_instance(text, (str, type(None)), "text", "the file's text or None")
    import networkx as nx

    name = str(path)
    if text is None:
        text = read_text_file(name, what="CSV file of signed ties")
    reader = csv.reader(io.StringIO(text))
    problems: list[Problem] = []
    header = next(reader, None)
    if header is None:
        raise ScenarioError(Problem(name, 1, "empty file: expected a header source,target,sign"), file=name)
    cols = [c.strip().lower() for c in header]
    missing = [c for c in ("source", "target", "sign") if c not in cols]
    if missing:
        raise ScenarioError(
            Problem(name, 1, f"missing column(s) {', '.join(missing)}: expected a header source,target,sign"
                    " (optionally weight)"),
            file=name,
        )
    i_s, i_t, i_sign = cols.index("source"), cols.index("target"), cols.index("sign")
    i_w = cols.index("weight") if "weight" in cols else None
    G = nx.Graph()
    seen: dict[frozenset, int] = {}
    for row in reader:
        line = reader.line_num
        if not row or all(not c.strip() for c in row):
            continue
        if len(row) < len(cols):
            problems.append(Problem(name, line, f"expected {len(cols)} fields, found {len(row)}"))
            continue
        u, v, raw = row[i_s].strip(), row[i_t].strip(), row[i_sign].strip()
        if not u or not v:
            problems.append(Problem(name, line, "empty source or target"))
            continue
        if u == v:
            problems.append(Problem(name, line, f"a tie of {u!r} with itself"))
            continue
        sign = _SIGNS.get(raw)
        if sign is None:
            problems.append(Problem(name, line, f"sign {raw!r} is not one of 1, -1, 0, +, - or a stance name"
                                    f"{did_you_mean(raw, _SIGNS)}"))
            continue
        stance = raw if raw in _DEFAULT_WEIGHT or raw == "neutral" else None
        weight = _DEFAULT_WEIGHT.get(raw, 1.0)
        if i_w is not None and row[i_w].strip():
            try:
                weight = abs(float(row[i_w]))
                if not 0 < weight < float("inf"):
                    raise ValueError
            except ValueError:
                problems.append(Problem(name, line, f"weight {row[i_w].strip()!r} is not a positive number"))
                continue
        key = frozenset((u, v))
        if key in seen:
            problems.append(Problem(name, line, f"the pair {u} - {v} is already given on line {seen[key]}"))
            continue
        seen[key] = line
        attrs: dict[str, Any] = {"sign": sign, "weight": weight}
        if stance is not None:
            attrs["stance"] = stance
        G.add_edge(u, v, **attrs)
    if problems:
        raise ScenarioError(problems, file=name)
    return G
