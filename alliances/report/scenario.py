"""Tables and JSON for a scenario: what ``alliances validate`` and ``alliances show`` print."""

from __future__ import annotations

from typing import Any

from ..network import AllianceNetwork

__all__ = ["scenario_tables", "validation_line"]


def validation_line(path: str, net: AllianceNetwork) -> str:
    """``FILE: ok (N actors, M relations)``.

    Examples
    --------
    >>> from alliances.network import Actor
    >>> validation_line("x.yaml", AllianceNetwork("T", actors=[Actor("a", "A"), Actor("b", "B")]))
    'x.yaml: ok (2 actors, 0 relations)'
    """
    return f"{path}: ok ({len(net.actors)} actors, {len(net.relations)} relations)"


def scenario_tables(net: AllianceNetwork) -> list[Any]:
    """Rich renderables: a heading, the actors table, the relations table, and notes."""
    from rich.table import Table
    from rich.text import Text

    when = f" as of {net.as_of.isoformat()}" if net.as_of else ""
    out: list[Any] = [Text(f"{net.scenario}{when}", style="bold")]
    if net.description:
        out.append(Text(net.description))

    actors = Table(title=f"Actors ({len(net.actors)})", title_justify="left")
    for col in ("id", "name", "kind", "theaters", "aliases"):
        actors.add_column(col)
    for a in net.actors.values():
        theaters = ", ".join(net.theaters[t].name if t in net.theaters else t for t in a.theaters)
        actors.add_row(a.id, a.name, a.kind.value, theaters, ", ".join(a.aliases))
    out.append(actors)

    rels = Table(title=f"Relations ({len(net.relations)})", title_justify="left")
    for col, justify in (("pair", "left"), ("stance", "left"), ("weight", "right"), ("confidence", "right"),
                         ("kind", "left"), ("period", "left"), ("evidence", "right")):
        rels.add_column(col, justify=justify)
    inactive = 0
    for r in net.relations:
        active = r.is_active(net.as_of)
        inactive += not active
        period = _period(r.since, r.until)
        if not active:
            period = f"{period} (not in force)"
        rels.add_row(
            f"{r.actors[0]} - {r.actors[1]}",
            r.stance.value,
            f"{r.weight:g}",
            f"{r.confidence:g}",
            r.kind or "",
            period,
            str(len(r.evidence)),
            style="dim" if not active else None,
        )
    out.append(rels)
    if inactive:
        out.append(
            Text(f"{inactive} relation(s) not in force on {net.as_of}: kept in the file, left out of the analysis.")
        )
    return out


def _period(since: Any, until: Any) -> str:
    if since is None and until is None:
        return ""
    fmt = lambda d: "" if d is None else (str(d) if isinstance(d, int) else d.isoformat())  # noqa: E731
    return f"{fmt(since)}..{fmt(until)}"
