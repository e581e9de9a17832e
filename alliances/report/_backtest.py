"""Tables and JSON for the backtest: what ``alliances backtest`` prints.

:func:`alliances.backtest` computes; this module only shapes its result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from .._numbers import json_number
from ._terminal import literal, literal_row, literal_table

if TYPE_CHECKING:
    from rich.table import Table

    from ..backtesting import BacktestResult

__all__ = ["backtest_json", "backtest_renderables", "cpd_table", "score_table"]

_METRICS = (("brier", "Brier", True), ("log_loss", "log loss", True), ("auc", "AUC", False))
_LABELS = {"expert": "expert model", "fitted": "fitted model", "persistence": "persistence",
           "stance": "stance alone", "logistic": "logistic regression"}


def _num(x: Any) -> float | int | None:
    """A score as JSON has it: rounded to 6 decimals, None when undefined."""
    return json_number(x, digits=6)


def backtest_json(result: BacktestResult) -> dict[str, Any]:
    """``{"windows": n, "pairs": n, "scores": [{"model", "subset", "brier", "log_loss", "auc"}, ...]}``.

    ``windows`` counts the test windows scored, ``pairs`` the distinct pairs; scores are
    rounded to 6 decimals, an undefined one (AUC with one class) is None (JSON ``null``).
    """
    scores = [
        {"model": r.model, "subset": r.subset, "brier": _num(r.brier), "log_loss": _num(r.log_loss),
         "auc": _num(r.auc)}
        for r in result.scores.itertuples(index=False)
    ]
    return {"windows": result.test_windows, "pairs": result.pairs, "scores": scores}


def _fmt(x: Any) -> str:
    v = _num(x)
    return "-" if v is None else f"{v:.4f}"


def score_table(result: BacktestResult) -> Table:
    """A rich table: one row per model, Brier / log loss / AUC for all pairs and for onsets; best in bold."""
    from rich import box

    sc = result.scores
    t = result.test
    n_all, n_on = len(t), int((~t["clash_now"]).sum())
    c_all, c_on = int(t["clash_next"].sum()), int(t.loc[~t["clash_now"], "clash_next"].sum())
    table = literal_table(f"Scores on {result.test_windows} test windows x {result.pairs} pairs "
                        f"(all: {n_all} forecasts, {c_all} clashes; onsets: {n_on}, {c_on})",
                          box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, padding=(0, 1))
    table.add_column("model", no_wrap=True)
    metrics = _METRICS
    for subset in ("all", "onset"):
        for _, label, _ in metrics:
            table.add_column(f"{label}\n{subset}", justify="right", no_wrap=True)
    best: dict[tuple[str, str], float | int] = {}
    for subset in ("all", "onset"):
        for m, _, lower in metrics:
            vals = [v for v in (_num(x) for x in sc.loc[sc["subset"] == subset, m]) if v is not None]
            if vals:
                best[(subset, m)] = min(vals) if lower else max(vals)
    for model in dict.fromkeys(sc["model"]):
        cells = []
        for subset in ("all", "onset"):
            row = sc[(sc["model"] == model) & (sc["subset"] == subset)].iloc[0]
            for m, _, _ in metrics:
                is_best = _num(row[m]) is not None and _num(row[m]) == best.get((subset, m))
                cells.append(literal(_fmt(row[m]), style="bold" if is_best else ""))
        literal_row(table, _LABELS.get(model, model), *cells)
    table.caption = literal("Lower Brier and log loss are better, higher AUC is better; the best of each column is bold.",
                            style="table.caption")
    table.caption_justify = "left"
    return table


def _dist(states: Any, before: Any, after: Any) -> str:
    """``P(yes) 0.70 -> 0.21`` for yes/no nodes, ``low/medium/high .35/.38/.27 -> .49/.44/.07`` otherwise."""
    if tuple(states) == ("no", "yes"):
        return f"P(yes) {before[1]:.2f} -> {after[1]:.2f}"

    def short(v: Any) -> str:
        return "/".join(f"{x:.2f}".lstrip("0") if x < 1 else "1" for x in v)

    return f"{'/'.join(states)}: {short(before)} -> {short(after)}"


def cpd_table(result: BacktestResult, *, top: int = 8) -> Table:
    """The CPD columns the training data moved most (total variation distance), before -> after.

    Only the tables that shape P(clash | factors) are listed; the priors of observed factors
    (how often each state occurs) are summed up in the caption. Node and state names of the
    model file are shown literally.
    """
    from rich import box

    ch = result.cpd_changes
    shown = ch[ch["affects_risk"]].head(top)
    table = literal_table(f"What the training data moved most: {len(shown)} of {int(ch['affects_risk'].sum())} "
                        "CPD columns that shape P(clash | factors)",
                          box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, padding=(0, 1))
    columns: tuple[tuple[str, Literal["left", "right"]], ...] = (
        ("node", "left"), ("given", "left"), ("shift", "right"), ("before -> after", "left"))
    for name, just in columns:
        table.add_column(name, justify=just)
    for r in shown.itertuples(index=False):
        literal_row(table, f"{r.node} ({r.kind})", r.given or "(root)", f"{r.shift:.3f}", _dist(r.states, r.before, r.after))
    roots = ch[~ch["affects_risk"]]
    caption = ("Shift: total variation distance between the expert and the fitted distribution (0 to 1). "
               "Latent states are not identifiable from data: read latent shifts as a whole, not state by state.")
    if len(roots):
        moved = ", ".join(f"{r.node} {r.shift:.2f}" for r in roots.itertuples(index=False))
        caption += (f" Priors of observed factors moved too ({moved}): they only say how often each state "
                    "occurs, and leave P(clash | factors) unchanged except through uncertain stances.")
    table.caption = literal(caption, style="table.caption")
    table.caption_justify = "left"
    return table


def backtest_renderables(result: BacktestResult, *, top_cpds: int = 8) -> list[Any]:
    """What ``alliances backtest`` prints on a terminal: heading, scores, verdicts, CPD moves, notes.

    The scenario's title and the notes are shown literally (no rich markup, control characters escaped).
    """
    from rich.text import Text

    w = result.windows
    test = result.test
    train = result.predictions[result.predictions["split"] == "train"]
    head = Text()
    head.append(literal(f"Backtest: {result.scenario or 'scenario'}, {result.window.label} windows {w[0][0]} to "
                        f"{w[-1][1]}", style="bold"))
    head.append("\n")
    head.append(literal(f"trained on {result.train_windows} windows ({train['target_start'].min()} to "
                        f"{train['target_end'].max()}), tested on {result.test_windows} "
                        f"({test['target_start'].min()} to {test['target_end'].max()}); outcome: a clash between "
                        "the pair in the next window"))
    out: list[Any] = [head, score_table(result)]
    verdict = Text()
    for line in result.verdicts():
        verdict.append(literal("- " + line, style="bold" if " beats " in line else ""))
        verdict.append("\n")
    out.append(verdict)
    out.append(cpd_table(result, top=top_cpds))
    if result.notes:
        out.append(Text("\n", style="dim").join(literal(f"note: {n}", style="dim") for n in result.notes))
    return out
