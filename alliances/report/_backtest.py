"""Tables and JSON for the backtest: what ``alliances backtest`` prints.

:func:`alliances.backtest` computes; this module only shapes its result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from .._numbers import json_number
from ._terminal import literal, literal_row, literal_table

if TYPE_CHECKING:
    import pandas as pd
    from rich.table import Table

    from ..backtesting import BacktestResult

__all__ = ["ablation_table", "backtest_json", "backtest_renderables", "cpd_table", "score_table",
           "sensitivity_json", "sensitivity_table"]

_METRICS = (("brier", "Brier", True), ("log_loss", "log loss", True), ("auc", "AUC", False),
            ("auc_within", "AUC within", False))
_LABELS = {"expert": "expert model", "fitted": "fitted model", "history": "history alone",
           "persistence": "persistence", "stance": "stance alone", "logistic": "logistic regression"}
_SUBSET_TITLES = {"all": "all pairs", "onset": "onsets (no clash in window t)",
                  "new_onset": "new onsets (no clash in windows t - 2 to t)"}


def _num(x: Any) -> float | int | None:
    """A score as JSON has it: rounded to 6 decimals, None when undefined."""
    return json_number(x, digits=6)


def backtest_json(result: BacktestResult) -> dict[str, Any]:
    """The scores as JSON, with the ablation when it was run.

    ``{"horizon": text, "windows": n, "pairs": n, "split": x, "scores": [{"model", "subset",
    "brier", "log_loss", "auc", "auc_within", "n", "positives"}, ...]}``, and ``"ablation":
    [{"left_out", "subset", "brier", "log_loss", "auc", "auc_within", "d_brier",
    "d_log_loss", "d_auc", "d_auc_within"}, ...]`` when ``result.ablation`` is set.
    ``windows`` counts the test windows scored, ``pairs`` the distinct pairs, ``split`` the
    number of clashes in a window above which fighting is ``high``; scores are rounded to
    6 decimals, an undefined one (AUC with one class) is None (JSON ``null``).
    """
    scores = [
        {"model": r.model, "subset": r.subset, "brier": _num(r.brier), "log_loss": _num(r.log_loss),
         "auc": _num(r.auc), "auc_within": _num(r.auc_within), "n": int(r.n), "positives": int(r.positives)}
        for r in result.scores.itertuples(index=False)
    ]
    out: dict[str, Any] = {"horizon": result.horizon, "windows": result.test_windows, "pairs": result.pairs,
                           "split": _num(result.split), "scores": scores}
    if result.ablation is not None:
        out["ablation"] = [{k: (_num(v) if k not in ("left_out", "subset") else v) for k, v in row.items()}
                           for row in result.ablation.to_dict("records")]
    return out


def sensitivity_json(table: pd.DataFrame) -> list[dict[str, Any]]:
    """The sensitivity runs (:func:`alliances.backtesting.sensitivity`) as JSON rows, numbers rounded, dates ISO.

    Examples
    --------
    >>> import datetime as dt, pandas as pd
    >>> t = pd.DataFrame({"window": ["month"], "train_until": [dt.date(2017, 12, 31)], "model": ["fitted"],
    ...                   "subset": ["all"], "brier": [0.0319163], "log_loss_vs_history": [float("nan")]})
    >>> sensitivity_json(t)  # doctest: +NORMALIZE_WHITESPACE
    [{'window': 'month', 'train_until': '2017-12-31', 'model': 'fitted', 'subset': 'all', 'brier': 0.031916,
      'log_loss_vs_history': None}]
    """
    rows = []
    for row in table.to_dict("records"):
        rows.append({k: (v.isoformat() if k == "train_until" else v if k in ("window", "model", "subset")
                         else _num(v)) for k, v in row.items()})
    return rows


def _fmt(x: Any) -> str:
    v = _num(x)
    return "-" if v is None else f"{v:.4f}"


def score_table(result: BacktestResult, subset: str = "all") -> Table:
    """A rich table for one subset: one row per model, Brier / log loss / AUC / AUC within history; best in bold.

    Examples
    --------
    >>> import alliances
    >>> bt = alliances.backtest("seeds/events/ucdp_ged_syria_2016_2019.csv.gz",
    ...                         alliances.load("seeds/syria_2016_2019.yaml"), window="year", train_until="2017-12-31")
    >>> [c.header for c in score_table(bt, "onset").columns]
    ['model', 'Brier', 'log loss', 'AUC', 'AUC within']
    """
    from rich import box

    sc = result.scores[result.scores["subset"] == subset]
    n, pos = (int(sc["n"].iloc[0]), int(sc["positives"].iloc[0])) if len(sc) else (0, 0)
    table = literal_table(f"{_SUBSET_TITLES.get(subset, subset).capitalize()}: {n} forecasts, {pos} clashes",
                          box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, padding=(0, 1))
    table.add_column("model", no_wrap=True)
    for _, label, _ in _METRICS:
        table.add_column(label, justify="right", no_wrap=True)
    best: dict[str, float | int] = {}
    for m, _, lower in _METRICS:
        vals = [v for v in (_num(x) for x in sc[m]) if v is not None]
        if vals:
            best[m] = min(vals) if lower else max(vals)
    for r in sc.itertuples(index=False):
        cells = []
        for m, _, _ in _METRICS:
            v = _num(getattr(r, m))
            cells.append(literal(_fmt(v), style="bold" if v is not None and v == best.get(m) else ""))
        literal_row(table, _LABELS.get(r.model, r.model), *cells)
    return table


def ablation_table(ablation: pd.DataFrame, subset: str = "all") -> Table:
    """Each factor left out in turn: the fitted model's scores without it, and what it adds (the change).

    The factor names (a model file's node names) are shown literally.

    Examples
    --------
    >>> import pandas as pd
    >>> ab = pd.DataFrame({"left_out": ["(none)", "fighting"], "subset": ["all", "all"], "brier": [0.03, 0.06],
    ...                    "log_loss": [0.1, 0.2], "auc_within": [0.75, 0.74], "d_brier": [0.0, 0.03],
    ...                    "d_log_loss": [0.0, 0.1], "d_auc_within": [0.0, -0.01]})
    >>> table = ablation_table(ab)
    >>> [c.header for c in table.columns][:3], [c.plain for c in table.columns[-1].cells]
    (['left out', 'Brier +', 'log loss +'], ['helps'])
    """
    from rich import box

    ab = ablation[ablation["subset"] == subset]
    full = ab[ab["left_out"] == "(none)"].iloc[0]
    table = literal_table(f"Each factor left out in turn, refitted ({_SUBSET_TITLES.get(subset, subset)}; with every "
                          f"factor: Brier {_fmt(full.brier)}, log loss {_fmt(full.log_loss)}, AUC within "
                          f"{_fmt(full.auc_within)})",
                          box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, padding=(0, 1))
    table.add_column("left out", no_wrap=True)
    for name in ("Brier +", "log loss +", "AUC within", "+"):
        table.add_column(name, justify="right", no_wrap=True)
    table.add_column("the factor", no_wrap=True)
    for r in ab[ab["left_out"] != "(none)"].itertuples(index=False):
        literal_row(table, r.left_out.replace("_", " "), _delta(r.d_brier), _delta(r.d_log_loss), _fmt(r.auc_within),
                    _delta(r.d_auc_within), _verdict(r))
    table.caption = literal("+: the change from the fitted model with every factor. A factor helps when leaving it "
                            "out makes the forecasts worse (Brier and log loss up); AUC within: ranking among pairs "
                            "with the same conflict history.", style="table.caption")
    table.caption_justify = "left"
    return table


def _delta(x: Any) -> str:
    v = _num(x)
    return "-" if v is None else f"{v:+.4f}"


def _verdict(r: Any) -> str:
    """``helps``, ``hurts`` or ``no effect``, from the changes in Brier and log loss when it is left out."""
    db, dl = _num(r.d_brier) or 0.0, _num(r.d_log_loss) or 0.0
    if abs(db) < 5e-5 and abs(dl) < 5e-5:
        return "no effect"
    if db >= 0 and dl >= 0:
        return "helps"
    if db <= 0 and dl <= 0:
        return "hurts"
    return "mixed"


def sensitivity_table(table: pd.DataFrame) -> Table:
    """One row per setting: the fitted model's Brier against persistence's, its log loss against history's.

    Examples
    --------
    >>> import datetime as dt, pandas as pd
    >>> t = pd.DataFrame({"window": ["month"], "train_until": [dt.date(2017, 12, 31)], "model": ["fitted"],
    ...                   "subset": ["all"], "brier": [0.0319], "log_loss": [0.1056], "brier_vs_persistence": [0.86],
    ...                   "log_loss_vs_history": [-0.0028]})
    >>> out = sensitivity_table(t)
    >>> [c.plain for c in out.columns[3].cells], [c.plain for c in out.columns[5].cells]
    (['0.86'], ['-0.0028'])
    """
    from rich import box

    out = literal_table("Other settings (all pairs): fitted model against persistence and history alone",
                        box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, padding=(0, 1))
    for name in ("window", "train until", "Brier", "/ persistence", "log loss", "- history"):
        out.add_column(name, justify="left" if name in ("window", "train until") else "right", no_wrap=True)
    fitted = table[(table["model"] == "fitted") & (table["subset"] == "all")]
    for r in fitted.itertuples(index=False):
        ratio, diff = _num(r.brier_vs_persistence), _num(r.log_loss_vs_history)
        literal_row(out, r.window, str(r.train_until), _fmt(r.brier), "-" if ratio is None else f"{ratio:.2f}",
                    _fmt(r.log_loss), "-" if diff is None else f"{diff:+.4f}")
    skipped = "".join(f" Left out: {s}." for s in table.attrs.get("skipped", []))
    out.caption = literal("/ persistence: the fitted Brier over persistence's (below 1: better); - history: the "
                          "fitted log loss minus the history-only baseline's (below 0: better)." + skipped,
                          style="table.caption")
    out.caption_justify = "left"
    return out


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
                        f"({test['target_start'].min()} to {test['target_end'].max()}); forecast: {result.horizon}"))
    split = "" if result.split is None else f"; fighting is high above {result.split:g} clashes in a window"
    out: list[Any] = [head, *(score_table(result, s) for s in ("all", "onset", "new_onset")),
                      literal("Lower Brier and log loss are better, higher AUC is better; the best of each column is "
                              "bold. AUC within: among pairs with the same conflict history (none, past, recent, low, "
                              f"high), what a model adds to the record (0.5: nothing){split}.")]
    verdict = Text()
    for line in result.verdicts():
        verdict.append(literal("- " + line, style="bold" if " beats " in line else ""))
        verdict.append("\n")
    out.append(verdict)
    if result.ablation is not None:
        out.append(ablation_table(result.ablation))
    out.append(cpd_table(result, top=top_cpds))
    if result.notes:
        out.append(Text("\n", style="dim").join(literal(f"note: {n}", style="dim") for n in result.notes))
    return out
