"""Tables and JSON for conflict risk: what ``alliances risk`` prints.

The analyses (:func:`alliances.conflict_risk`, :func:`alliances.explain_risk`,
:func:`alliances.compare_risk`) compute; this module only shapes their results.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from ..risk.explain import RiskExplanation

__all__ = [
    "changes_json",
    "changes_table",
    "explanation_json",
    "explanation_renderables",
    "risk_json",
    "risk_table",
]

_SHORT = {"shared_enemy": "sh.enemy", "stance": "stance", "opposed_backers": "backers", "common_theater": "theater"}


def _num(x: Any) -> float | None:
    x = float(x)
    return None if math.isnan(x) or math.isinf(x) else x


def _factor_columns(df: pd.DataFrame) -> list[str]:
    skip = {"a", "b", "p_clash"}
    return [c for c in df.columns if c not in skip]


def risk_json(df: pd.DataFrame) -> dict[str, Any]:
    """``{"pairs": [{"a", "b", "stance", "p_clash", "factors": {name: state}}, ...]}``, every pair.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"a": ["x"], "b": ["y"], "stance": ["enemy"], "balance": ["zero"], "p_clash": [0.5]})
    >>> risk_json(df)
    {'pairs': [{'a': 'x', 'b': 'y', 'stance': 'enemy', 'p_clash': 0.5, 'factors': {'stance': 'enemy', 'balance': 'zero'}}]}
    """
    cols = _factor_columns(df)
    a = df["a"].tolist()
    b = df["b"].tolist()
    p = df["p_clash"].tolist()
    fac = {c: df[c].tolist() for c in cols}
    pairs = []
    for k in range(len(df)):
        factors = {c: str(fac[c][k]) for c in cols}
        pairs.append({"a": a[k], "b": b[k], "stance": factors["stance"], "p_clash": _num(p[k]), "factors": factors})
    return {"pairs": pairs}


def risk_table(df: pd.DataFrame, *, top: int = 15, title: str | None = None):
    """A rich table of the ``top`` riskiest pairs."""
    from rich import box
    from rich.table import Table

    shown = df.head(top)
    table = Table(title=title or f"Conflict risk: top {len(shown)} of {len(df)} pairs", title_justify="left",
                  box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, collapse_padding=True, padding=(0, 1))
    width = min(18, max([len(str(x)) for x in (*shown["a"], *shown["b"])] + [1]))
    table.add_column("a", overflow="ellipsis", min_width=width, no_wrap=True)
    table.add_column("b", overflow="ellipsis", min_width=width, no_wrap=True)
    table.add_column("P(clash)", justify="right", no_wrap=True)
    cols = _factor_columns(df)
    for c in cols:
        table.add_column(_SHORT.get(c, c.replace("_", " ")), no_wrap=True)
    for row in shown.itertuples(index=False):
        d = row._asdict()
        table.add_row(d["a"], d["b"], f"{d['p_clash']:.3f}", *[str(d[c]) for c in cols])
    return table


def explanation_json(ex: RiskExplanation, *, p_before: float | None = None) -> dict[str, Any]:
    """``{"pair": RiskExplanation.to_dict()}`` (with ``p_before`` after a what-if)."""
    data = ex.to_dict()
    if p_before is not None:
        data["p_before"] = _num(p_before)
    return {"pair": data}


def explanation_renderables(ex: RiskExplanation, *, p_before: float | None = None) -> list[Any]:
    """The sentence, the factor states, the tornado table and the mutual information."""
    from rich.table import Table
    from rich.text import Text

    out: list[Any] = [Text(ex.sentence)]
    if p_before is not None:
        out.append(Text(f"Before the changes: P(clash) = {p_before:.3f}; after: {ex.p_clash:.3f}."))
    facts = Table(title=f"{ex.a} - {ex.b}: factors", title_justify="left")
    facts.add_column("factor")
    facts.add_column("state")
    facts.add_column("MI with clash (bits)", justify="right")
    for f, s in ex.factors.items():
        extra = f" (confidence {ex.confidence:g})" if f == "stance" and ex.confidence < 1 else ""
        facts.add_row(f.replace("_", " "), s + extra, f"{ex.mutual_information.get(f, float('nan')):.4f}")
    out.append(facts)
    tor = Table(title=f"What each factor would give (now P(clash) = {ex.p_clash:.3f})", title_justify="left")
    tor.add_column("factor")
    tor.add_column("if it were")
    tor.add_column("P(clash)", justify="right")
    tor.add_column("change", justify="right")
    for r in ex.tornado.itertuples(index=False):
        tor.add_row(r.factor.replace("_", " "), r.state, f"{r.p_clash:.3f}", f"{r.delta:+.3f}")
    out.append(tor)
    return out


def changes_json(diff: pd.DataFrame, changes: dict[str, Any]) -> dict[str, Any]:
    """``{"changes": {...}, "pairs": [{"a", "b", "p_before", "p_after", "change", "stance_before", "stance_after"}]}``."""
    pairs = [
        {
            "a": r.a,
            "b": r.b,
            "p_before": _num(r.p_before),
            "p_after": _num(r.p_after),
            "change": _num(r.change),
            "stance_before": str(r.stance_before),
            "stance_after": str(r.stance_after),
        }
        for r in diff.itertuples(index=False)
    ]
    return {"changes": changes, "pairs": pairs}


def changes_table(diff: pd.DataFrame, *, top: int = 15):
    """A rich table of the ``top`` pairs whose risk changed most."""
    from rich.table import Table

    moved = diff[diff["change"] != 0].head(top)
    table = Table(title=f"Risk changes: {len(moved)} of {int((diff['change'] != 0).sum())} changed pairs "
                        f"({len(diff)} compared)", title_justify="left")
    for col, just in (("a", "left"), ("b", "left"), ("stance", "left"), ("before", "right"), ("after", "right"),
                      ("change", "right")):
        table.add_column(col, justify=just, no_wrap=True)
    for r in moved.itertuples(index=False):
        stance = r.stance_before if r.stance_before == r.stance_after else f"{r.stance_before} -> {r.stance_after}"
        table.add_row(r.a, r.b, stance, f"{r.p_before:.3f}", f"{r.p_after:.3f}", f"{r.change:+.3f}")
    return table
