"""Tables and JSON for event data: what ``alliances events`` and ``alliances diff`` print."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._numbers import json_number
from ..events import window_label as _window_label
from ._terminal import literal, literal_row, literal_table

if TYPE_CHECKING:
    import pandas as pd

    from ..events import EventRelations

__all__ = ["SHOW_QUIET", "diff_json", "diff_table", "relations_json", "relations_tables"]


def _plain(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float):
        return json_number(value)
    return value


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{k: _plain(v) for k, v in row.items()} for row in frame.to_dict("records")]


SHOW_QUIET = 12
"""At most this many quiet windows are named on the terminal (all of them in --json)."""


def relations_json(rel: EventRelations, *, rows: bool = True) -> dict[str, Any]:
    """Plain data: format, window, method, date range, stats, notes, unmapped names and (optionally) every row."""
    out: dict[str, Any] = {
        "format": rel.format,
        "window": rel.window.label,
        "method": rel.method,
        "files": rel.files,
        "date_range": [d.isoformat() for d in rel.date_range],
        "stats": rel.stats,
        "notes": rel.notes,
        "unmapped": _records(rel.unmapped),
        "windows": [_window_label(a, b) for a, b in rel.windows()],
        "quiet_windows": [_window_label(a, b) for a, b in rel.quiet_windows()],
    }
    if rows:
        out["relations"] = _records(rel.table)
    return out


def relations_tables(rel: EventRelations, *, top_unmapped: int = 25) -> list[Any]:
    """Rich renderables: one line per pair over all windows, the unmapped names, and what was not used.

    Names from the event files are shown literally (no rich markup, control characters escaped).
    """
    t = rel.table
    out: list[Any] = []
    windows, quiet = rel.windows(), rel.quiet_windows()
    out.append(literal(f"{rel.format}: {len(t)} pair-windows, {len(windows)} {rel.window.label} windows, "
                       f"score: {rel.method}", style="bold"))
    if quiet:
        shown = ", ".join(_window_label(a, b) for a, b in quiet[:SHOW_QUIET])
        more = f" and {len(quiet) - SHOW_QUIET} more" if len(quiet) > SHOW_QUIET else ""
        out.append(literal(f"{len(quiet)} window(s) without any event: {shown}{more}"))
    pairs = literal_table("Pairs over all windows")
    for col in ("a", "b", "windows", "events", "deaths", "stances (windows)", "first", "last"):
        pairs.add_column(col, justify="right" if col in ("windows", "events", "deaths") else "left")
    for (a, b), grp in t.groupby(["a", "b"], sort=True):
        counts = grp["stance"].replace("", "unknown").value_counts()
        stances = ", ".join(f"{s} {n}" for s, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        literal_row(pairs, a, b, str(len(grp)), str(int(grp["events"].sum())), str(int(grp["fatalities"].sum())),
                    stances, str(grp["window_start"].min()), str(grp["window_end"].max()))
    out.append(pairs)
    um = rel.unmapped
    if len(um):
        unm = literal_table(f"Unmapped actor names ({len(um)}; add aliases or a --mapping file)")
        unm.add_column("name")
        unm.add_column("events", justify="right")
        for r in um.head(top_unmapped).itertuples(index=False):
            literal_row(unm, str(r.name), str(r.events))
        if len(um) > top_unmapped:
            rest = um.iloc[top_unmapped:]
            literal_row(unm, f"... {len(rest)} more", str(int(rest["events"].sum())))
        out.append(unm)
    s = rel.stats
    out.append(literal(
        f"rows read {s.get('rows', 0)}; not used: {s.get('bad_date', 0)} with a date that does not parse; "
        f"{s.get('out_of_range', 0)} dated outside {rel.date_range[0]} to {rel.date_range[1]}; "
        f"{s.get('one_sided', 0)} with one side only (same-side pairs still count); "
        f"{s.get('within_actor', 0)} observations within one scenario actor"))
    return out


def diff_table(diff: pd.DataFrame, title: str) -> Any:
    """A rich table of :func:`alliances.diff_scenarios` output (the title and ids shown literally)."""
    table = literal_table(title)
    notes = "note" in diff.columns and bool(diff["note"].astype(bool).any())
    for col in ("change", "a", "b", "before", "after", *(["why"] if notes else [])):
        table.add_column(col)
    for r in diff.itertuples(index=False):
        why = [getattr(r, "note", "") or ""] if notes else []
        literal_row(table, r.change, r.a, r.b, r.before or "-", r.after or "-", *why)
    return table


def diff_json(diff: pd.DataFrame, a: str, b: str) -> dict[str, Any]:
    """``{"from": a, "to": b, "changes": [{"change", "a", "b", "before", "after", "note"}, ...]}``, missing values None."""
    return {"from": a, "to": b, "changes": _records(diff)}
