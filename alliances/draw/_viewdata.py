"""What the interactive view shows, as plain data: actors, ties, implied relations, camps and risk, per snapshot.

The page (:func:`~alliances.draw.to_html`) draws exactly this data and computes nothing
of its own: the positions come from :func:`~alliances.draw.signed_layout` (for a
timeline, :func:`~alliances.draw.timeline_layout`, one layout for every snapshot), and
the colours, line styles, widths, opacities, markers, camp areas and legend entries are
those of the static network diagram, so a figure and its interactive twin read alike. A
camp's area is the static diagram's (:func:`~alliances.draw._camps.camp_areas`: its
members' hull cut back so no two camps' areas overlap), traced on the page's own positions
and markers, as one polygon per connected piece; a piece with a hole around another camp's
actor comes with that hole and with a polygon that joins it in by a zero-width cut, so the
page fills the piece with the hole left empty and strokes the outline and the hole.

A view is a list of *frames*: one for a scenario, one per snapshot for a timeline. Ties,
implied relations and risk bands are keyed by pair (``pairs``: indexes into ``actors``),
so a pair keeps its element from frame to frame and the page only restyles it. Every
value is a plain ``str``, ``int``, ``float``, ``bool``, ``None``, list or dict (JSON-ready:
no NaN), built in a fixed order, so the same input gives the same bytes.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from .._checks import check_instance, check_int, check_items, check_progress, check_text
from .._network import AllianceNetwork
from .._numbers import json_number
from .._progress import ProgressLike, using_progress
from ..errors import ParameterError
from ..risk import CompiledRisk, load_risk_model
from ._camps import AreaPiece, area_pieces, camp_areas
from ._chrome import camp_label, source_line, title_text
from ._inputs import as_network, camp_index, check_table, implied_table, node_sizes
from ._layout import signed_layout
from ._style import (
    INK,
    KIND_LABELS,
    MUTED,
    NO_FACTION,
    RISK_COLOUR,
    STANCE_ORDER,
    STANCE_STYLES,
    edge_alpha,
    edge_width,
    faction_colour,
)
from ._timeline import timeline_layout

__all__ = ["KIND_SHAPES", "LAYERS", "view_data"]

LAYERS = ("ties", "implied", "camps", "risk")
"""The layers a reader can switch on and off: recorded ties, implied relations, camps, the risk overlay."""

KIND_SHAPES: dict[str, str] = {
    "state": "ellipse",
    "coalition": "rectangle",
    "armed_group": "triangle",
    "militia": "diamond",
    "international_org": "hexagon",
    "other": "pentagon",
}
"""Actor kind -> Cytoscape.js node shape: the static diagram's markers (o s ^ D h p)."""

_SCALE = 150.0  # px per layout unit for a small scenario: about the static figure's points per unit
_MIN_NODE, _MAX_NODE = 110.0, 420.0  # marker area (pt^2 = px^2) of the least / most central actor, as drawn statically
# how far each Cytoscape.js marker reaches from its centre, per half its box (its corners as the page draws them)
_REACH = {"ellipse": 1.0, "rectangle": 2**0.5, "triangle": 2**0.5, "diamond": 1.0, "hexagon": 1.118034,
          "pentagon": 1.175571}
_BORDER = 1.1  # px: the markers' outline (view.js)
_PX_PER_INCH = 72.0  # a px of the page is a point of the static figure (as for the marker sizes)
_RISK_ROWS = 5  # pairs in an actor's risk row
_IMPLIED_DASH = (6.0, 5.0)  # px: long gaps, unlike any stance's pattern


def view_data(
    nets: AllianceNetwork | Sequence[AllianceNetwork],
    *,
    factions: Any = None,
    risk: Any = None,
    implied: Any = None,
    centrality: Any = None,
    model: Any = None,
    top: int = 5,
    layers: Sequence[str] | None = None,
    title: str | None = None,
    progress: ProgressLike = None,
) -> dict[str, Any]:
    """Everything the interactive view shows, as JSON-ready data.

    Parameters
    ----------
    nets : AllianceNetwork, networkx.Graph, or a sequence of AllianceNetwork
        One scenario, or the snapshots of a timeline (drawn in ``as_of`` order, one layout for all).
    factions : FactionsResult, mapping, list of camps, None or False
        As for :func:`~alliances.draw.draw_network`; None computes them (per snapshot for a timeline,
        where only None or False is accepted), False draws no camps.
    risk : DataFrame, None or False
        The all-pairs table of :func:`alliances.conflict_risk` (one scenario only); None computes it
        with ``model``; False leaves the risk overlay and the risk rows out (and pgmpy unloaded).
    implied : DataFrame, None or False
        The table of :func:`alliances.implied_relations` (one scenario only); None computes it;
        False leaves the implied layer out.
    centrality : mapping, Series, None or False
        Node size, as for :func:`~alliances.draw.draw_network`.
    model : RiskModel, path or None
        The risk model (default: the shipped one); its horizon (what P(clash) means, over
        which time: :attr:`~alliances.risk.RiskModel.outcome_label`) is shown with the overlay.
    top : int
        Pairs in the risk overlay: the ``top`` highest P(clash) not already enemies.
    layers : sequence of str, optional
        The layers shown when the page opens (of :data:`LAYERS`); default: recorded ties and camps
        (a timeline: recorded ties only, as its static twin draws them).
    title : str, optional
        Default: the scenario's name and date (a timeline: its name and first and last snapshot).
    progress : callable, bool or None
        ``progress(done, total)`` per snapshot, or True for a bar on stderr.

    Returns
    -------
    dict
        ``title``, ``actors`` (id, name, label, kind, aliases, theaters, notes), ``positions``
        (px, y down), ``pairs``, ``frames`` (per snapshot: ``nodes``, ``ties``, ``implied``,
        ``camps``, ``risk``), ``sources``, ``legend``, ``layers``, ``risk_model`` and ``font``.

    Raises
    ------
    ParameterError
        An unknown layer, no snapshots, or a precomputed table handed to a timeline; a ``top``,
        ``title``, ``layers``, ``progress`` or table out of range or of the wrong type (a
        ParameterTypeError), checked before any work.

    Examples
    --------
    >>> import alliances
    >>> from alliances.draw import view_data
    >>> data = view_data(alliances.load("seeds/syria_2017.yaml"), risk=False)
    >>> len(data["actors"]), len(data["frames"]), len(data["frames"][0]["ties"])
    (8, 1, 18)
    >>> data["frames"][0]["ties"][0]["stance"], data["legend"][0]["heading"]
    ('enemy', 'Relations')
    """
    check_int(top, "top", low=0)
    check_text(title, "title", optional=True)
    check_progress(progress)
    single = not isinstance(nets, Sequence)
    if layers is None:
        layers = ("ties", "camps") if single else ("ties",)
    layers = check_items(layers, "layers", _layer_name, item="a layer")
    unknown = [x for x in layers if x not in LAYERS]
    if unknown:
        raise ParameterError(f"unknown layer {unknown[0]!r} (one of {', '.join(LAYERS)})")
    if not single:
        for name, value in (("factions", factions), ("risk", risk), ("implied", implied), ("centrality", centrality)):
            if value is not None and value is not False:
                raise ParameterError(f"a timeline computes {name} per snapshot: pass None or False, not a table")
    if single and risk is not None and risk is not False:
        check_table(risk, "risk", ("a", "b", "p_clash"), "conflict_risk")
    snapshots = _snapshots(nets)
    order, pos = _layout(snapshots[0], factions) if single else _timeline_positions(snapshots)
    index = {v: i for i, v in enumerate(order)}
    scale = _SCALE * max(1.0, math.sqrt(len(order) / 12))
    font = 9.0 if len(order) <= 15 else 8.0 if len(order) <= 30 else 7.0  # the static diagram's label sizes
    engine = None
    if risk is None:
        model = load_risk_model(model)
        engine = CompiledRisk(model)
    elif risk is not False:
        model = load_risk_model(model)
    background = not single and any(r.kind == "events" for n in snapshots for r in n.relations)
    pairs: dict[tuple[int, int], int] = {}
    frames = []
    with using_progress(progress, "building the view") as report:
        for k, net in enumerate(snapshots):
            table = None if risk is False else risk if risk is not None else _risk_table(engine, net)
            frames.append(_frame(net, index, pos, pairs, scale, factions=factions, risk=table, implied=implied,
                                 centrality=centrality, top=top, background=background, many=len(order) > 25,
                                 font=font))
            if report is not None:
                report(k + 1, len(snapshots))
    latest = {v: a for n in snapshots for v, a in n.actors.items()}
    return {
        "title": title_text(snapshots[0]) if single and title is None else title or _timeline_title(snapshots),
        "timeline": not single,
        "actors": [_actor(latest[v], snapshots[-1]) for v in order],
        "positions": [[json_number(pos[v][0] * scale, digits=2), json_number(-pos[v][1] * scale, digits=2)]
                      for v in order],
        "pairs": [list(p) for p in pairs],
        "frames": frames,
        "sources": _sources(snapshots),
        "legend": _legend(frames, [latest[v] for v in order], top if risk is not False else 0, centrality,
                          background),
        "layers": [x for x in LAYERS if x in layers],
        "risk_model": None if risk is False else _model_text(model),
        "top": int(top),
        "font": font,
        "style": {"ink": INK, "muted": MUTED, "risk": RISK_COLOUR, "no_camp": NO_FACTION,
                  "implied_dash": list(_IMPLIED_DASH)},
    }


# -- layout --------------------------------------------------------------------


def _layer_name(value: Any, name: str) -> str:
    return check_instance(value, str, name, f"a layer name ({', '.join(LAYERS)})")


def _snapshots(nets: Any) -> list[AllianceNetwork]:
    """One network, or a timeline's snapshots in ``as_of`` order (as the static timeline draws them)."""
    if not isinstance(nets, Sequence):
        return [as_network(nets)]
    snapshots = list(nets)
    if not snapshots:
        raise ParameterError("an interactive timeline needs at least one snapshot")
    if not all(isinstance(n, AllianceNetwork) for n in snapshots):
        raise ParameterError("a timeline takes a sequence of AllianceNetwork snapshots")
    return sorted(snapshots, key=lambda n: (n.as_of is None, n.as_of or 0, n.scenario))


def _layout(net: AllianceNetwork, factions: Any) -> tuple[list[str], Mapping[Any, tuple[float, float]]]:
    """The static diagram's layout: the same nodes, ties and camps go into signed_layout."""
    nodes = list(net.actors)
    edges = [(u, v, d["stance"], d["weight"]) for u, v, d in net.graph.edges(data=True)]
    return nodes, signed_layout(nodes, edges, camp_of=camp_index(net, factions))


def _timeline_positions(nets: list[AllianceNetwork]) -> tuple[list[str], Mapping[Any, tuple[float, float]]]:
    nodes, _, pos = timeline_layout(nets)
    return nodes, pos


# -- one frame -----------------------------------------------------------------


def _frame(net: AllianceNetwork, index: dict[str, int], pos, pairs: dict[tuple[int, int], int], scale: float, *,
           factions: Any, risk: Any, implied: Any, centrality: Any, top: int, background: bool,
           many: bool, font: float) -> dict[str, Any]:
    camp_of = camp_index(net, factions)
    sizes = node_sizes(net, centrality)
    shrink = 0.6 if many else 1.0
    diameter = {v: math.sqrt((_MIN_NODE + (_MAX_NODE - _MIN_NODE) * sizes.get(v, 0.5)) * shrink) for v in net.actors}

    def pair(a: str, b: str) -> int:
        key = (index[a], index[b]) if a < b else (index[b], index[a])  # the ids in order, as everywhere
        return pairs.setdefault(key, len(pairs))

    sides = _label_sides({v: net.actors[v].display for v in net.actors}, _px(pos, scale), diameter, font)
    nodes = [{"actor": index[v], "camp": camp_of.get(v), "size": json_number(diameter[v], digits=2),
              "colour": faction_colour(camp_of.get(v)), "label_at": sides[v]} for v in net.actors]
    ties = [_tie(r, pair(*r.pair), background and r.kind != "events") for r in net.active_relations]
    table = implied_table(net, implied)
    implied_rows = [] if table is None else [
        {"pair": pair(str(row.a), str(row.b)), "stance": str(row.stance), "score": json_number(row.score, digits=4),
         "via": [index[str(v)] for v in row.via], "reason": str(row.reason), "conflicting": bool(row.conflicting),
         "colour": STANCE_STYLES[str(row.stance)].colour}
        for row in table.itertuples(index=False)
    ]
    camps = _camps(net, camp_of, pos, diameter, scale)
    return {
        "label": _frame_label(net),
        "title": title_text(net),
        "source_line": source_line(net),
        "inactive": len(net.inactive_relations),
        "nodes": nodes,
        "ties": ties,
        "implied": implied_rows,
        "camps": camps,
        "no_camp": bool(camps) and len(net.actors) > sum(len(c["members"]) for c in camps),
        "risk": None if risk is None else _risk(net, risk, index, pair, top, _px(pos, scale), diameter),
    }


_SIDES = ("top", "bottom", "right", "left")


def _label_sides(labels: dict[str, str], px, diameter, font: float) -> dict[str, str]:
    """Which side of its marker each name goes: crowded actors first, each on the first side (top,
    bottom, right, left) whose box overlaps no name placed before and no marker, else the least bad.

    The boxes are estimated (0.62 em a character), so the choice needs no browser and is the same every run.
    """
    height = font * 1.8  # the name's white box, as Cytoscape.js draws it (line height and padding)

    def box(v: str, side: str) -> tuple[float, float, float, float]:
        # 4 px out from the marker (view.js), less the box's padding: the box starts 2 px inside the marker's frame
        (x, y), w, r = px[v], len(labels[v]) * font * 0.62 + 4, diameter[v] / 2 - 2
        return {"top": (x - w / 2, y - r - height, x + w / 2, y - r),
                "bottom": (x - w / 2, y + r, x + w / 2, y + r + height),
                "right": (x + r + 4, y - height / 2, x + r + 4 + w, y + height / 2),
                "left": (x - r - 4 - w, y - height / 2, x - r - 4, y + height / 2)}[side]

    def on_marker(b: tuple[float, float, float, float], w: str) -> bool:
        (cx, cy), r = px[w], diameter[w] / 2
        return (min(max(cx, b[0]), b[2]) - cx) ** 2 + (min(max(cy, b[1]), b[3]) - cy) ** 2 < r * r

    def nearest(v: str) -> float:
        return min((math.dist(px[v], px[w]) for w in labels if w != v), default=0.0)

    rank = {v: i for i, v in enumerate(labels)}
    placed: list[tuple[float, float, float, float]] = []
    out = {}
    for v in sorted(labels, key=lambda v: (nearest(v), rank[v])):
        def cost(side: str, v: str = v) -> tuple[int, int]:
            b = box(v, side)
            clashes = sum(b[0] < c[2] and c[0] < b[2] and b[1] < c[3] and c[1] < b[3] for c in placed)
            return clashes + sum(on_marker(b, w) for w in labels if w != v), _SIDES.index(side)

        out[v] = min(_SIDES, key=cost)
        placed.append(box(v, out[v]))
    return out


def _tie(r, pair: int, background: bool) -> dict[str, Any]:
    stance = r.stance.value
    width = edge_width(stance, r.intensity)
    alpha = edge_alpha(r.confidence)
    if background:  # as the static timeline draws the scenario's background relations: thin and light
        width, alpha = 0.8, 0.35
    return {
        "pair": pair,
        "stance": stance,
        "weight": json_number(r.intensity),
        "weight_given": not r.weight_is_default,
        "confidence": json_number(r.confidence),
        "kind": r.kind,
        "since": None if r.since is None else str(r.since),
        "until": None if r.until is None else str(r.until),
        "evidence": [{"source": e.source, "note": e.note} for e in r.evidence],
        "notes": r.notes,
        "background": background,
        "colour": STANCE_STYLES[stance].colour,
        "width": json_number(width, digits=3),
        "alpha": json_number(alpha, digits=3),
        "dash": _dash(stance, width),
        "z": STANCE_ORDER.index(stance) if stance in ("neutral", "ambivalent") else
        {"enemy": 2, "rival": 3, "friendly": 4, "ally": 5}[stance],  # negative under positive, as drawn statically
    }


def _dash(stance: str, width: float) -> list[float] | None:
    """The stance's matplotlib dash pattern (in line widths) as px for this width; None for solid."""
    style = STANCE_STYLES[stance].linestyle
    if not isinstance(style, tuple):
        return None
    _, pattern = style
    return [json_number(x * width, digits=2) for x in pattern]  # type: ignore[misc]


def _camps(net: AllianceNetwork, camp_of, pos, diameter, scale: float) -> list[dict[str, Any]]:
    """Each camp's members, label, colour and area (px): the static diagram's shaded areas.

    The areas are :func:`~alliances.draw._camps.camp_areas` of the page's own markers (a px
    is a point, as for the marker sizes), so no two camps' areas overlap, each member lies
    inside its own camp's area and every other actor outside it. Each connected piece is one
    polygon; a piece with a hole (around another camp's actor) carries its holes and a
    ``fill`` with them joined in by zero-width cuts, which a canvas fills with the holes empty.
    """
    members: dict[int, list[str]] = {}
    for v in net.actors:
        if v in camp_of:
            members.setdefault(camp_of[v], []).append(v)
    if not members:
        return []
    rank = {v: i for i, v in enumerate(net.actors)}
    signed: dict[Any, int] = {}
    for u, w, d in net.graph.edges(data=True):
        if d["stance"] in ("ally", "friendly", "rival", "enemy"):
            signed[u], signed[w] = signed.get(u, 0) + 1, signed.get(w, 0) + 1
    actors = list(net.actors)
    centres = np.array([[pos[v][0] * scale, -pos[v][1] * scale] for v in actors]) / _PX_PER_INCH
    reach = np.array([(diameter[v] / 2 * _REACH[KIND_SHAPES[str(net.actors[v].kind)]] + _BORDER / 2)
                      for v in actors]) / _PX_PER_INCH
    areas = camp_areas(centres, reach, [[rank[v] for v in members[k]] for k in sorted(members)])
    out = []
    for k, area in zip(sorted(members), areas, strict=True):
        group = members[k]
        # named as the static diagram's legend names it: by its members, the best tied first
        named = sorted(group, key=lambda v: (-signed.get(v, 0), rank[v]))
        out.append({
            "camp": k,
            "label": camp_label([net.actors[v].display for v in named]),
            "colour": faction_colour(k),
            "members": group,
            "pieces": [_piece(p) for p in area_pieces(area)],
        })
    return out


def _piece(piece: AreaPiece) -> dict[str, Any]:
    def corners(ring: np.ndarray) -> list[list[float | None]]:
        return [[json_number(x, digits=2), json_number(y, digits=2)] for x, y in ring * _PX_PER_INCH]

    return {"outline": corners(piece.outline), "holes": [corners(h) for h in piece.holes],
            "fill": corners(piece.fill) if piece.holes else None}


# -- risk -------------------------------------------------------------------------


def _risk_table(engine: CompiledRisk | None, net: AllianceNetwork) -> Any:
    """The all-pairs risk table, from one compiled engine for every snapshot (its cache carries over)."""
    assert engine is not None
    return engine.all_pairs(net)


def _px(pos, scale: float) -> dict[str, tuple[float, float]]:
    """Layout positions as page pixels (y down)."""
    return {str(v): (x * scale, -y * scale) for v, (x, y) in pos.items()}


def _risk(net: AllianceNetwork, table: Any, index: dict[str, int], pair, top: int, px, diameter) -> dict[str, Any]:
    """The overlay's pairs (highest P(clash) not already enemies) and each actor's risk row."""
    cols = [c for c in table.columns if c not in ("a", "b", "p_clash")]
    bands: list[dict[str, Any]] = []
    rows: dict[str, list[dict[str, Any]]] = {v: [] for v in net.actors}
    for rec in table.itertuples(index=False):
        a, b, p = str(rec.a), str(rec.b), json_number(rec.p_clash, digits=4)
        if a not in index or b not in index or p is None:
            continue
        stance = net.stance(a, b)
        for x, y in ((a, b), (b, a)):
            if len(rows[x]) < _RISK_ROWS:
                rows[x].append({"other": index[y], "p": p, "stance": stance.value if stance else "unknown"})
        if len(bands) < top and (stance is None or stance.value != "enemy"):
            bands.append({"pair": pair(a, b), "p": p, "label": f"{p:.2f}", "a": a, "b": b,
                          "factors": {c: str(getattr(rec, c)) for c in cols}})
    _place_values(bands, px, diameter)
    return {"bands": bands, "rows": {str(index[v]): rows[v] for v in net.actors}}


def _place_values(bands: list[dict[str, Any]], px, diameter) -> None:
    """Where each band's P(clash) goes along its line: the middle, or the nearest spot clear of
    the values placed before and of the markers (as the static diagram places them)."""
    placed: list[tuple[float, float]] = []
    for band in bands:
        a, b = band.pop("a"), band.pop("b")  # a < b: the edge runs from a
        (x0, y0), (x1, y1) = px[a], px[b]
        spot = 0.5
        for t in (0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78):
            x, y = x0 + t * (x1 - x0), y0 + t * (y1 - y0)
            if all(abs(x - u) > 30 or abs(y - w) > 16 for u, w in placed) and all(
                    math.dist((x, y), xy) > diameter[v] / 2 + 12 for v, xy in px.items() if v in diameter):
                spot = t
                break
        placed.append((x0 + spot * (x1 - x0), y0 + spot * (y1 - y0)))
        band["at"] = [json_number(placed[-1][0], digits=2), json_number(placed[-1][1], digits=2)]


def _model_text(model: Any) -> dict[str, str]:
    """The model's name, description and horizon: what its P(clash) means, as every table and figure says it."""
    return {"name": str(model.name), "description": " ".join(str(model.description or "").split()),
            "horizon": model.outcome_label}


# -- the rest ----------------------------------------------------------------------


def _actor(actor, net: AllianceNetwork) -> dict[str, Any]:
    return {
        "id": actor.id,
        "name": actor.name,
        "label": actor.display,
        "kind": str(actor.kind),
        "kind_label": KIND_LABELS[str(actor.kind)],
        "shape": KIND_SHAPES[str(actor.kind)],
        "aliases": list(actor.aliases),
        "theaters": [net.theaters[t].name if t in net.theaters else t for t in actor.theaters],
        "notes": actor.notes,
    }


def _sources(nets: list[AllianceNetwork]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for net in nets:
        for s in net.sources.values():
            out.setdefault(s.id, {"title": s.title, "publisher": s.publisher,
                                  "date": s.date.isoformat() if s.date else None, "url": s.url, "notes": s.notes})
    return out


def _frame_label(net: AllianceNetwork) -> str:
    """A snapshot's name on the slider: its window (after the scenario name's last comma) or its date."""
    if "," in net.scenario:
        return net.scenario.rsplit(",", 1)[1].strip()
    return net.as_of.isoformat() if net.as_of else net.scenario


def _timeline_title(nets: list[AllianceNetwork]) -> str:
    base = nets[0].scenario.split(",")[0]
    return f"{base}: {_frame_label(nets[0])} to {_frame_label(nets[-1])}"


def _legend(frames: list[dict[str, Any]], actors: list, top: int, centrality: Any,
            background: bool) -> list[dict[str, Any]]:
    """The static diagram's legend entries, in its order (Factions are the current frame's, filled in by the page)."""
    ties = [t for f in frames for t in f["ties"]]
    stances = {t["stance"] for t in ties}
    relations: list[dict[str, Any]] = []
    for stance in STANCE_ORDER:
        if stance in stances:
            width = edge_width(stance, 1.0 if stance in ("ally", "enemy") else 0.5)
            relations.append({"label": stance, "line": {"colour": STANCE_STYLES[stance].colour, "width": width,
                                                         "dash": _dash(stance, width), "alpha": 1.0}})
    if any(t["confidence"] < 1 and not t["background"] for t in ties):
        relations.append({"label": "lighter: less certain", "line": {"colour": INK, "width": 2.5, "dash": None,
                                                                     "alpha": edge_alpha(0.6)}})
    if background:
        relations.append({"label": "thin: scenario background", "line": {"colour": MUTED, "width": 0.8,
                                                                          "dash": None, "alpha": 0.5}})
    if any(f["implied"] for f in frames):
        relations.append({"label": "implied (not recorded)", "layer": "implied",
                          "line": {"colour": MUTED, "width": 1.6, "dash": list(_IMPLIED_DASH), "alpha": 0.8}})
    if top > 0 and any(f["risk"] and f["risk"]["bands"] for f in frames):
        relations.append({"label": f"P(clash): the {top} riskiest not at war" if top > 1 else
                          "P(clash): the riskiest pair not at war", "layer": "risk",
                          "line": {"colour": RISK_COLOUR, "width": 7.0, "dash": None, "alpha": 0.55}})
    size = "ties" if centrality is None else "centrality" if centrality is not False else None
    kinds = {str(a.kind) for a in actors}
    sections: list[dict[str, Any]] = []
    if relations:
        sections.append({"heading": "Relations", "entries": relations})
    if kinds:
        sections.append({"heading": f"Actors (size: {size})" if size else "Actors",
                         "entries": [{"label": KIND_LABELS[k], "shape": KIND_SHAPES[k]} for k in KIND_SHAPES
                                     if k in kinds]})
    sections.append({"heading": "Factions", "camps": True, "entries": []})
    return sections
