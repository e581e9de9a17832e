"""Reading a networkx graph made elsewhere: an edge's relation, a node's id and text.

:meth:`alliances.AllianceNetwork.from_networkx` uses these; a problem is a
:class:`~alliances.ScenarioError` whose "file" is :data:`GRAPH`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from ._checks import ACTOR_ID
from ._records import FIGHTING, Relation, Stance
from .errors import ScenarioError

__all__ = ["GRAPH", "id_for", "plain_text", "relation_from_edge"]

GRAPH = "<networkx graph>"
"""The "file" of the problems found in a graph given to ``from_networkx``."""


def relation_from_edge(u: str, v: str, data: Mapping[str, Any], sign_key: str, weight_key: str) -> Relation:
    """The relation a signed networkx edge stands for (see :meth:`AllianceNetwork.from_networkx`).

    Parameters
    ----------
    u, v : str
        The two actor ids.
    data : mapping
        The edge's attributes.
    sign_key, weight_key : str
        The attributes holding the sign and the weight.

    Returns
    -------
    Relation

    Examples
    --------
    >>> relation_from_edge("x", "y", {"sign": -1, "weight": 0.4}, "sign", "weight").stance.value
    'rival'
    >>> relation_from_edge("x", "y", {"stance": "enemy", "fighting": "high"}, "sign", "weight").fighting
    'high'
    """
    stance = data.get("stance")
    w = data.get(weight_key)
    s = data.get(sign_key)
    try:
        if stance is not None:
            stance = Stance(stance)
        if w is not None:
            w = float(w)
            if w != w:  # NaN: no usable weight
                w = None
        if s is not None:
            s = float(s)
            if s != s:
                s = None
        conf = float(data.get("confidence", 1.0))
    except (TypeError, ValueError, OverflowError):
        raise ScenarioError(
            f"edge {u} - {v}: cannot read its stance, {sign_key}, {weight_key} or confidence "
            f"({ {k: data.get(k) for k in ('stance', sign_key, weight_key, 'confidence') if k in data} })",
            file=GRAPH,
        ) from None
    if not 0 < conf <= 1:
        raise ScenarioError(f"edge {u} - {v}: confidence {conf} is out of range (0, 1]", file=GRAPH)
    if s is None and w is not None:
        s = (w > 0) - (w < 0)
    s = 1 if s is None else int((s > 0) - (s < 0))
    mag = abs(w) if w is not None and w != 0 else None
    if mag is not None and mag > 1:
        mag = 1.0
    if stance is None:
        if s == 0:
            stance = Stance.NEUTRAL
        elif mag is None:
            stance = Stance.ALLY if s > 0 else Stance.ENEMY
        elif s > 0:
            stance = Stance.ALLY if mag >= 0.75 else Stance.FRIENDLY
        else:
            stance = Stance.ENEMY if mag >= 0.75 else Stance.RIVAL
    kind = data.get("kind")
    fighting = data.get("fighting")
    if fighting is not None and fighting not in FIGHTING:
        raise ScenarioError(f"edge {u} - {v}: fighting {fighting!r} is not one of {', '.join(FIGHTING)}", file=GRAPH)
    return Relation((u, v), Stance(stance), weight=mag, confidence=conf,
                    kind=kind if isinstance(kind, str) and kind.strip() else None, fighting=fighting)


def plain_text(value: Any) -> str | None:
    """A node attribute as text for a name or label: None when missing or blank.

    Parameters
    ----------
    value : object

    Returns
    -------
    str or None

    Examples
    --------
    >>> plain_text("  Iran "), plain_text("   "), plain_text(7)
    ('Iran', None, '7')
    """
    if value is None:
        return None
    text = str(value).strip()
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text or None


def id_for(node: Any, place: int, *, prefix: str = "actor") -> str:
    """The actor (or theater) id for a networkx node: its name when valid, else the nearest valid id.

    Parameters
    ----------
    node : object
        The node (its name as text is the id when it is a valid one).
    place : int
        The node's place, for an id when nothing else is left (``actor_3``).
    prefix : str
        ``actor`` or ``theater``.

    Returns
    -------
    str

    Examples
    --------
    >>> id_for("iran", 0), id_for("Hayʼat Tahrir al-Sham", 1), id_for("!!", 2)
    ('iran', 'hayat_tahrir_al_sham', 'actor_2')
    """
    text = str(node)
    if ACTOR_ID.match(text):
        return text
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9_]+", "_", ascii_text.lower()).strip("_")
    return slug or f"{prefix}_{place}"
