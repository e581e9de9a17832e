"""Tables and JSON for a scenario: what ``alliances validate`` and ``alliances show`` print."""

from __future__ import annotations

from typing import Any

from .._network import AllianceNetwork
from .._text import terminal_safe
from ..errors import ScenarioError
from ._terminal import literal, literal_row, literal_table

__all__ = ["scenario_tables", "validation_json", "validation_line"]


def validation_line(path: str, net: AllianceNetwork) -> str:
    """``FILE: ok (N actors, M relations)``, the file name as a terminal may show it.

    Examples
    --------
    >>> from alliances import Actor
    >>> validation_line("x.yaml", AllianceNetwork("T", actors=[Actor("a", "A"), Actor("b", "B")]))
    'x.yaml: ok (2 actors, 0 relations)'
    """
    return f"{terminal_safe(path)}: ok ({len(net.actors)} actors, {len(net.relations)} relations)"


def validation_json(path: str, result: AllianceNetwork | ScenarioError) -> dict[str, Any]:
    """One file's entry in ``alliances validate --json``: its counts, or its problems with their lines.

    Examples
    --------
    >>> from alliances import Actor, Problem
    >>> validation_json("x.yaml", AllianceNetwork("T", actors=[Actor("a", "A")]))
    {'file': 'x.yaml', 'ok': True, 'actors': 1, 'relations': 0}
    >>> validation_json("y.yaml", ScenarioError(Problem("y.yaml", 3, "unknown stance 'pal'")))
    {'file': 'y.yaml', 'ok': False, 'problems': [{'line': 3, 'message': "unknown stance 'pal'"}]}
    """
    if isinstance(result, ScenarioError):
        return {"file": path, "ok": False,
                "problems": [{"line": p.line, "message": p.message} for p in result.problems]}
    return {"file": path, "ok": True, "actors": len(result.actors), "relations": len(result.relations)}


def scenario_tables(net: AllianceNetwork) -> list[Any]:
    """Rich renderables: a heading, the actors table, the relations table, and notes.

    Relations not in force at ``as_of`` are listed (dimmed, "not in force") and counted
    in a closing note, since analyses leave them out. Every text from the file is shown
    literally (no rich markup, control characters escaped).

    Examples
    --------
    >>> from alliances import Actor, Relation
    >>> net = AllianceNetwork("T", actors=[Actor("a", "A"), Actor("b", "B")],
    ...                       relations=[Relation(("a", "b"), "ally")])
    >>> [type(x).__name__ for x in scenario_tables(net)]
    ['Text', 'Table', 'Table']
    """
    from rich import box

    when = f" as of {net.as_of.isoformat()}" if net.as_of else ""
    out: list[Any] = [literal(f"{net.scenario}{when}", style="bold")]
    if net.description:
        out.append(literal(net.description))

    # Light boxes and no-wrap ids keep both tables readable in 80 columns.
    actors = literal_table(f"Actors ({len(net.actors)})", box=box.SIMPLE_HEAD)
    actors.add_column("id", no_wrap=True)
    actors.add_column("name", min_width=10)
    actors.add_column("kind", no_wrap=True)
    actors.add_column("theaters", min_width=10)
    actors.add_column("aliases", justify="right", no_wrap=True)  # how many: --json lists them
    for a in net.actors.values():
        theaters = ", ".join(net.theaters[t].name if t in net.theaters else t for t in a.theaters)
        literal_row(actors, a.id, a.name, a.kind.value, theaters, str(len(a.aliases)))
    out.append(actors)

    rels = literal_table(f"Relations ({len(net.relations)})", box=box.SIMPLE_HEAD)
    rels.add_column("pair", no_wrap=True)
    rels.add_column("stance", no_wrap=True)
    rels.add_column("weight", justify="right", no_wrap=True)
    rels.add_column("conf.", justify="right", no_wrap=True)
    rels.add_column("evid.", justify="right", no_wrap=True)
    rels.add_column("details", min_width=12)
    inactive = 0
    for r in net.relations:
        active = r.is_active(net.as_of)
        inactive += not active
        notes = [r.kind] if r.kind else []
        period = _period(r.since, r.until)
        if period:
            notes.append(period)
        if not active:
            notes.append("not in force")
        if r.fighting is not None and not (r.fighting == "none" and r.stance.value in ("ally", "friendly")):
            notes.append(f"fighting: {r.fighting}")  # the risk model's history (allies not fighting: obvious)
        literal_row(
            rels,
            f"{r.actors[0]} - {r.actors[1]}",
            r.stance.value,
            f"{r.weight:g}",
            f"{r.confidence:g}",
            str(len(r.evidence)),
            "; ".join(notes),
            style="dim" if not active else None,
        )
    out.append(rels)
    if inactive:
        out.append(
            literal(f"{inactive} relation(s) not in force on {net.as_of}: kept in the file, left out of the analysis.")
        )
    return out


def _period(since: Any, until: Any) -> str:
    fmt = lambda d: str(d) if isinstance(d, int) else d.isoformat()  # noqa: E731
    if since is None and until is None:
        return ""
    if until is None:
        return f"since {fmt(since)}"
    if since is None:
        return f"until {fmt(until)}"
    return f"{fmt(since)} to {fmt(until)}"
