"""Tables and JSON for conflict risk: what ``alliances risk`` prints.

The analyses (:func:`alliances.conflict_risk`, :func:`alliances.explain_risk`,
:func:`alliances.compare_risk`) compute; this module only shapes their results.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Literal

from .._numbers import json_number
from ._terminal import literal, literal_row, literal_table

if TYPE_CHECKING:
    import pandas as pd
    from rich.table import Table

    from ..risk import RiskExplanation

__all__ = [
    "changes_json",
    "changes_summary",
    "changes_table",
    "explanation_json",
    "explanation_renderables",
    "risk_json",
    "risk_json_chunks",
    "risk_table",
]

# Compact table: short column heads and short states, explained by a legend line, so the
# table fits an 80-column terminal; --wide shows full names.
_SHORT = {"stance": "stance", "fighting": "fight", "implied": "impl", "shared_enemy": "s.e.",
          "opposed_backers": "o.b.", "backing": "back", "common_theater": "c.t."}
_LEGEND = {"fighting": "fight: fighting lately (none, past, recent, low, high)",
           "implied": "impl: what the rest of the graph implies (-- enemy, - rival, 0 none, + friendly, ++ ally)",
           "shared_enemy": "s.e.: shared enemy (y/n)", "opposed_backers": "o.b.: opposed backers (y/n)",
           "backing": "back: sides with an outside state backer (0, 1, 2)",
           "common_theater": "c.t.: common theater (y/n)"}
_STATES = {
    "implied": {"enemy": "--", "rival": "-", "none": "0", "friendly": "+", "ally": "++"},
    "backing": {"none": "0", "one_side": "1", "both_sides": "2"},
    "shared_enemy": {"no": "n", "yes": "y"},
    "opposed_backers": {"no": "n", "yes": "y"},
    "common_theater": {"no": "n", "yes": "y"},
}


def _short_state(factor: str, state: str) -> str:
    if state == "unknown" and factor != "stance":
        return "?"
    return _STATES.get(factor, {}).get(state, state)


def _factor_columns(df: pd.DataFrame) -> list[str]:
    skip = {"a", "b", "p_clash"}
    return [c for c in df.columns if c not in skip]


def risk_json(df: pd.DataFrame) -> dict[str, Any]:
    """``{"horizon": text, "pairs": [{"a", "b", "stance", "p_clash", "factors": {name: state}}, ...]}``, every pair.

    ``horizon`` says what ``p_clash`` is about (``df.attrs["horizon"]``, from the model).

    For many actors (``alliances risk --json`` on thousands of them) write
    :func:`risk_json_chunks` instead: the same text, without every pair in memory at once.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"a": ["x"], "b": ["y"], "stance": ["enemy"], "fighting": ["high"], "p_clash": [0.5]})
    >>> df.attrs["horizon"] = "P(a clash next month)"
    >>> risk_json(df)  # doctest: +NORMALIZE_WHITESPACE
    {'horizon': 'P(a clash next month)',
     'pairs': [{'a': 'x', 'b': 'y', 'stance': 'enemy', 'p_clash': 0.5, 'factors': {'stance': 'enemy', 'fighting': 'high'}}]}
    """
    return {"horizon": df.attrs.get("horizon"),
            "pairs": [pair for batch in _pair_batches(df, len(df) or 1) for pair in batch]}


def _pair_batches(df: pd.DataFrame, size: int) -> Iterator[list[dict[str, Any]]]:
    """The pairs of :func:`risk_json`, ``size`` at a time, in the table's order."""
    cols = _factor_columns(df)
    for start in range(0, len(df), size):
        part = df.iloc[start:start + size]
        a, b, p = part["a"].tolist(), part["b"].tolist(), part["p_clash"].tolist()
        fac = {c: part[c].tolist() for c in cols}
        batch = []
        for k in range(len(part)):
            factors = {c: str(fac[c][k]) for c in cols}
            batch.append({"a": a[k], "b": b[k], "stance": factors["stance"], "p_clash": json_number(p[k]),
                          "factors": factors})
        yield batch


def risk_json_chunks(df: pd.DataFrame, *, batch: int = 2000) -> Iterator[str]:
    """The text of :func:`risk_json` as ``json.dumps(..., indent=2)`` writes it, piece by piece.

    Only ``batch`` pairs are held as Python objects at a time, so writing the 4.5
    million pairs of 3,000 actors costs the table and one batch, not gigabytes of
    dicts and one giant string. Joined, the pieces are byte for byte the text of
    ``json.dumps(risk_json(df), indent=2, ensure_ascii=False, allow_nan=False)``,
    the model's ``horizon`` first.

    Parameters
    ----------
    df : pandas.DataFrame
        The all-pairs table of :func:`alliances.conflict_risk` (its ``attrs["horizon"]``
        says what ``p_clash`` is about).
    batch : int, optional
        Pairs per piece.

    Yields
    ------
    str
        Consecutive pieces of the JSON text (no final newline).

    Examples
    --------
    >>> import json, pandas as pd
    >>> df = pd.DataFrame({"a": ["x", "x"], "b": ["y", "z"], "stance": ["enemy", "ally"], "p_clash": [0.5, 0.1]})
    >>> df.attrs["horizon"] = "P(a clash next month)"
    >>> text = "".join(risk_json_chunks(df, batch=1))
    >>> text == json.dumps(risk_json(df), indent=2, ensure_ascii=False, allow_nan=False)
    True
    """
    horizon = json.dumps(df.attrs.get("horizon"), ensure_ascii=False, allow_nan=False)
    yield '{\n  "horizon": ' + horizon + ',\n  "pairs": ['
    first = True
    for pairs in _pair_batches(df, max(1, int(batch))):
        text = json.dumps(pairs, indent=2, ensure_ascii=False, allow_nan=False)
        # "[\n  {...},\n  {...}\n]" -> the items one level deeper, without the brackets
        body = text[1:-2].replace("\n", "\n  ")
        yield body if first else "," + body
        first = False
    yield "]\n}" if first else "\n  ]\n}"


def risk_table(df: pd.DataFrame, *, top: int = 15, title: str | None = None, wide: bool = False) -> Table:
    """A rich table of the ``top`` riskiest pairs, with a legend as its caption.

    By default the factor columns have short heads and short states (explained in the
    legend) so the table fits 80 columns; ``wide`` shows full names. Ids, the title and
    the factor names and states of a model file are shown literally.
    """
    from rich import box
    from rich.text import Text

    shown = df.head(top)
    cols = _factor_columns(df)
    short = {c for c in cols if c in _LEGEND} if not wide else set()
    legend = [_LEGEND[c] for c in cols if c in short]
    if any(str(v) == "unknown" for c in short for v in shown[c]):
        legend.append("?: not observed")
    horizon = df.attrs.get("horizon")
    lines = [title or f"Conflict risk: top {len(shown)} of {len(df)} pairs"] + ([f"P(clash) = {horizon}"] if horizon else [])
    heading = Text("\n", style="table.title").join(literal(x, style="table.title") for x in lines)
    table = literal_table(heading, caption="; ".join(legend) or None,
                          box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, collapse_padding=True, padding=(0, 0))
    width = min(18, max([len(str(x)) for x in (*shown["a"], *shown["b"])] + [1]))
    table.add_column("a", overflow="ellipsis", min_width=width, max_width=None if wide else 18, no_wrap=True)
    table.add_column("b", overflow="ellipsis", min_width=width, max_width=None if wide else 18, no_wrap=True)
    table.add_column("P(clash)", justify="right", no_wrap=True)
    for c in cols:
        table.add_column(literal(_SHORT[c] if c in short else c.replace("_", " ")), no_wrap=True)
    values = {c: shown[c].astype(str).tolist() for c in cols}
    for k, (x, y, p) in enumerate(zip(shown["a"], shown["b"], shown["p_clash"], strict=True)):
        cells = [_short_state(c, values[c][k]) if c in short else values[c][k] for c in cols]
        literal_row(table, str(x), str(y), f"{p:.3f}", *cells)
    return table


def explanation_json(ex: RiskExplanation, *, p_before: float | None = None) -> dict[str, Any]:
    """``{"pair": RiskExplanation.to_dict()}`` (with ``p_before`` after a what-if)."""
    data = ex.to_dict()
    if p_before is not None:
        data["p_before"] = json_number(p_before)
    return {"pair": data}


def explanation_renderables(ex: RiskExplanation, *, p_before: float | None = None) -> list[Any]:
    """The sentence, the factor states, the tornado table and the mutual information (names shown literally)."""
    out: list[Any] = [literal(ex.sentence)]
    if p_before is not None:
        out.append(literal(f"Before the changes: P(clash) = {p_before:.3f}; after: {ex.p_clash:.3f}."))
    names = ex.names or {}
    facts = literal_table(f"{names.get(ex.a, ex.a)} - {names.get(ex.b, ex.b)}: factors")
    facts.add_column("factor")
    facts.add_column("state")
    facts.add_column("MI with clash (bits)", justify="right")
    for f, s in ex.factors.items():
        extra = f" (confidence {ex.confidence:g})" if f == "stance" and ex.confidence < 1 else ""
        literal_row(facts, f.replace("_", " "), s + extra, f"{ex.mutual_information.get(f, float('nan')):.4f}")
    out.append(facts)
    # the horizon is in the sentence above: a title wider than the table would wrap in three lines
    tor = literal_table(f"Each factor changed alone (now P(clash) = {ex.p_clash:.3f})")
    tor.add_column("factor")
    tor.add_column("if it were")
    tor.add_column("P(clash)", justify="right")
    tor.add_column("change", justify="right")
    for r in ex.tornado.itertuples(index=False):
        literal_row(tor, r.factor.replace("_", " "), r.state, f"{r.p_clash:.3f}", f"{r.delta:+.3f}")
    out.append(tor)
    return out


_STATUSES = ("changed", "removed", "added", "unchanged")


def changes_json(diff: pd.DataFrame, changes: dict[str, Any]) -> dict[str, Any]:
    """What a what-if did, as JSON: the changes, a count per status, every pair, and why some did not move.

    ``{"changes": {...}, "horizon": text, "summary": {"changed": n, "removed": n, "added": n,
    "unchanged": n}, "pairs": [{"a", "b", "status", "p_before", "p_after", "change",
    "stance_before", "stance_after", "moved": [factor, ...]}, ...], "unmoved": [{"a", "b",
    "factors": {name: state}, "why": text}, ...]}`` in :func:`alliances.compare_risk`
    order; the side a removed or added pair is missing from is ``null``; ``unmoved`` lists
    the pairs one would expect to move that did not (``diff.attrs["unmoved"]``).

    Examples
    --------
    >>> import pandas as pd
    >>> diff = pd.DataFrame({"a": ["x"], "b": ["y"], "status": ["removed"], "p_before": [0.2],
    ...                      "p_after": [float("nan")], "change": [float("nan")],
    ...                      "stance_before": ["ally"], "stance_after": [None]})
    >>> changes_json(diff, {"drop": ["y"]})["pairs"][0]["p_after"] is None
    True
    """
    pairs = [
        {
            "a": r.a,
            "b": r.b,
            "status": r.status,
            "p_before": json_number(r.p_before),
            "p_after": json_number(r.p_after),
            "change": json_number(r.change),
            "stance_before": None if r.stance_before is None else str(r.stance_before),
            "stance_after": None if r.stance_after is None else str(r.stance_after),
            "moved": [f for f in str(getattr(r, "moved", "") or "").split(", ") if f],
        }
        for r in diff.itertuples(index=False)
    ]
    summary = {k: int((diff["status"] == k).sum()) for k in _STATUSES}
    return {"changes": changes, "horizon": diff.attrs.get("horizon"), "summary": summary, "pairs": pairs,
            "unmoved": list(diff.attrs.get("unmoved", []))}


def changes_summary(diff: pd.DataFrame, changes: dict[str, Any], *, names: dict[str, str] | None = None) -> str:
    """One paragraph: how many pairs changed, and which pairs went away with which actor.

    Examples
    --------
    >>> import pandas as pd
    >>> diff = pd.DataFrame({"a": ["p", "q", "p"], "b": ["x", "x", "q"], "status": ["removed", "removed", "unchanged"]})
    >>> print(changes_summary(diff, {"drop": ["x"]}))
    Dropping x removes its 2 pairs: p - x, q - x. Of the 1 pair in both networks, none changed risk.
    """
    names = names or {}

    def nm(x: str) -> str:
        return names.get(x, x)

    status = diff["status"].tolist()
    text = []
    removed = diff[diff["status"] == "removed"]
    drops = list(changes.get("drop") or [])
    taken: set[int] = set()
    for actor in drops:
        mine = [k for k, (x, y) in enumerate(zip(removed["a"], removed["b"], strict=True))
                if actor in (x, y) and k not in taken]
        taken.update(mine)
        listed = ", ".join(f"{nm(removed['a'].iloc[k])} - {nm(removed['b'].iloc[k])}" for k in mine)
        text.append(f"Dropping {nm(actor)} removes its {_n(len(mine), 'pair')}" + (f": {listed}." if mine else "."))
    rest = [k for k in range(len(removed)) if k not in taken]
    if rest:
        listed = ", ".join(f"{nm(removed['a'].iloc[k])} - {nm(removed['b'].iloc[k])}" for k in rest)
        text.append(f"{_n(len(rest), 'pair')} only in the first network: {listed}.")
    added = diff[diff["status"] == "added"]
    if len(added):
        listed = ", ".join(f"{nm(x)} - {nm(y)}" for x, y in zip(added["a"], added["b"], strict=True))
        text.append(f"{_n(len(added), 'pair')} only in the second network: {listed}.")
    both = status.count("changed") + status.count("unchanged")
    changed = status.count("changed")
    text.append(f"Of the {_n(both, 'pair')} in both networks, "
                + (f"{changed} changed risk." if changed else "none changed risk."))
    unmoved = list(diff.attrs.get("unmoved", []))
    out = " ".join(text)
    if unmoved:
        shown = unmoved[:_SHOW_UNMOVED]
        more = f"\n  ... and {len(unmoved) - len(shown)} more (--json lists them all)" if len(unmoved) > len(shown) else ""
        out += ("\nHostile pairs next to a change whose risk did not move, and why:\n"
                + "\n".join(f"  {u['why']}" for u in shown) + more)
    return out


_SHOW_UNMOVED = 8


def _n(k: int, word: str) -> str:
    return f"{k} {word}{'' if k == 1 else 's'}"


def changes_table(diff: pd.DataFrame, *, top: int = 15, scenario: str | None = None) -> Table | None:
    """A rich table of the ``top`` pairs whose risk changed most (None when none changed; ids shown literally).

    ``scenario``, the changed network's title (``what_if`` says there what changed), heads the table.
    """
    from rich import box

    changed = diff[diff["status"] == "changed"]
    if not len(changed):
        return None
    moved = changed.head(top)
    head = f"{scenario}: risk changes" if scenario else "Risk changes"
    table = literal_table(f"{head}, the {len(moved)} largest of {len(changed)}",
                          box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, collapse_padding=True, padding=(0, 1))
    columns: tuple[tuple[str, Literal["left", "right"]], ...] = (
        ("a", "left"), ("b", "left"), ("stance", "left"), ("before", "right"), ("after", "right"), ("change", "right"))
    for col, just in columns:
        table.add_column(col, justify=just, no_wrap=True, overflow="ellipsis",
                         max_width=18 if col in ("a", "b") else None)
    for r in moved.itertuples(index=False):
        stance = r.stance_before if r.stance_before == r.stance_after else f"{r.stance_before} -> {r.stance_after}"
        literal_row(table, r.a, r.b, stance, f"{r.p_before:.3f}", f"{r.p_after:.3f}", f"{r.change:+.3f}")
    return table
