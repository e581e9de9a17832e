"""Proposals as a YAML fragment in the scenario format, ready for ``alliances merge``."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..errors import ParameterError
from ..readwrite import source_id_problem
from ._proposals import Extraction

__all__ = ["fragment_dict", "fragment_yaml", "source_id_for"]


def source_id_for(name: str) -> str:
    """A source id from a file name: ``reports/Deir Zor 2017.txt`` -> ``deir-zor-2017``.

    Examples
    --------
    >>> source_id_for("reports/Deir Zor 2017.txt")
    'deir-zor-2017'
    """
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", name.replace("\\", "/").rsplit("/", 1)[-1])
    ident = re.sub(r"[^A-Za-z0-9_.:-]+", "-", stem).strip("-.:_").lower()
    return ident or "article"


def fragment_dict(
    extraction: Extraction,
    *,
    source_id: str,
    title: str | None = None,
    publisher: str | None = None,
    date: dt.date | None = None,
    url: str | None = None,
) -> dict[str, Any]:
    """The proposals as scenario data: one ``sources`` entry and the ``relations`` citing it.

    Each relation carries the proposal's stance and confidence, the cue families as
    its ``kind`` and one evidence entry per supporting sentence, whose note is the
    sentence itself. An ambivalent proposal says in its ``notes`` which sentences
    support which reading.

    Parameters
    ----------
    extraction : Extraction
        What :func:`extract_relations` found.
    source_id : str
        The article's id in ``sources``: letters, digits and ``_ . : -``, starting with a
        letter or a digit (the rule of scenario source ids).
    title, publisher, date, url : optional
        The source's other fields, when known.

    Returns
    -------
    dict
        ``{"sources": [...], "relations": [...]}``, plain data in the scenario format.

    Raises
    ------
    ParameterError
        When ``source_id`` breaks the rule of source ids (``merge`` would refuse the fragment).

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import extract_relations
    >>> ex = extract_relations("A attacked B.", [Actor("a", "A"), Actor("b", "B")])
    >>> fragment_dict(ex, source_id="wire")["relations"][0]["evidence"]
    [{'source': 'wire', 'note': 'A attacked B.'}]
    >>> fragment_dict(ex, source_id="a b")
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterError: source_id 'a b' may only use letters, digits and _ . : - (for example 'a-b')
    """
    problem = source_id_problem(source_id) if isinstance(source_id, str) else f"must be text, not {source_id!r}"
    if problem is not None:
        raise ParameterError(f"source_id {problem}")
    source: dict[str, Any] = {"id": source_id}
    for key, value in (("title", title), ("publisher", publisher), ("date", date), ("url", url)):
        if value is not None:
            source[key] = value
    relations = []
    for p in extraction.proposals:
        rel: dict[str, Any] = {"actors": [p.a, p.b], "stance": p.stance.value, "confidence": p.confidence,
                               "kind": p.kind}
        rel["evidence"] = [{"source": source_id, "note": e.text} for e in p.evidence]
        if p.stance.value == "ambivalent":
            by_reading: dict[str, list[str]] = {}
            for e in p.evidence:
                for r in e.readings:
                    by_reading.setdefault(r, []).append(str(e.sentence))
            rel["notes"] = "; ".join(f"{r}: sentence {', '.join(n)}" for r, n in by_reading.items())
        relations.append(rel)
    return {"sources": [source], "relations": relations}


def fragment_yaml(extraction: Extraction, *, source_id: str, **source: Any) -> str:
    """:func:`fragment_dict` as YAML text in the scenario's style, with a header saying what it is."""
    import io

    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    data = fragment_dict(extraction, source_id=source_id, **source)

    def convert(node: Any, key: str | None = None) -> Any:
        if isinstance(node, dict):
            out = CommentedMap()
            for k, v in node.items():
                out[k] = convert(v, k)
            return out
        if isinstance(node, list):
            seq = CommentedSeq(convert(v) for v in node)
            if key == "actors":
                seq.fa.set_flow_style()
            return seq
        return node

    yaml = YAML(typ="rt")
    yaml.width = 4096  # long sentences stay on one line (no trailing spaces from folding)
    yaml.indent(mapping=2, sequence=4, offset=2)
    buf = io.StringIO()
    yaml.dump(convert(data), buf)
    head = (
        "# Relations proposed by `alliances extract` (review before merging:\n"
        "#   alliances merge SCENARIO THIS_FILE -o OUT).\n"
    )
    return head + buf.getvalue()
