"""The backtest figure: calibration curve, score table, and predicted vs observed clashes for the top pairs.

Drawn from a :class:`~alliances.backtesting.BacktestResult` (never recomputed here). Models
keep one colour, line style and marker everywhere, from the Okabe-Ito palette, so the
figure reads in greyscale too.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

import numpy as np

from ._style import INK, MUTED, RC, new_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..backtesting import BacktestResult

__all__ = ["MODEL_STYLES", "draw_backtest", "top_pairs"]

# model -> (label, colour, linestyle, marker)
MODEL_STYLES = {
    "expert": ("expert model", "#E69F00", (0, (5, 2)), "s"),
    "fitted": ("fitted model", "#0072B2", "solid", "o"),
    "history": ("history alone", "#D55E00", (0, (4, 1, 1, 1, 1, 1)), "P"),
    "persistence": ("persistence", "#555555", (0, (1, 1.5)), "v"),
    "stance": ("stance alone", "#CC79A7", (0, (5, 1.5, 1, 1.5)), "D"),
    "logistic": ("logistic regression", "#009E73", (0, (3, 1.2)), "^"),
}
_METRICS = (("brier", "Brier", True), ("log_loss", "log loss", True), ("auc", "AUC", False))


def top_pairs(result: BacktestResult, n: int = 6) -> list[tuple[str, str]]:
    """The pairs to chart: half with the most clashes in the test windows, half with the most onsets.

    An onset is a clash in window t + 1 after none in t. Ties go to the higher mean fitted
    risk, then to the ids; pairs with no clash at all come last.
    """
    t = result.test.assign(onset_hit=lambda d: d["clash_next"] & ~d["clash_now"])
    g = t.groupby(["a", "b"], sort=True).agg(clashes=("clash_next", "sum"), onsets=("onset_hit", "sum"),
                                               risk=("p_fitted", "mean")).reset_index()
    by_clash = g.sort_values(["clashes", "risk", "a", "b"], ascending=[False, False, True, True], kind="mergesort")
    by_onset = g.sort_values(["onsets", "clashes", "risk", "a", "b"], ascending=[False, False, False, True, True],
                             kind="mergesort")
    out: list[tuple[str, str]] = []
    for r in by_clash.head((n + 1) // 2).itertuples(index=False):
        out.append((r.a, r.b))
    for r in (*by_onset.itertuples(index=False), *by_clash.itertuples(index=False)):
        if len(out) >= n:
            break
        if (r.a, r.b) not in out:
            out.append((r.a, r.b))
    return out


def draw_backtest(
    result: BacktestResult,
    *,
    top: int = 6,
    subset: str = "all",
    width: float | None = None,
    height: float | None = None,
    dpi: float = 150,
) -> Figure:
    """Calibration of every model on the test windows, the score table, and the top pairs over time.

    Parameters
    ----------
    result : BacktestResult
        From :func:`alliances.backtest`.
    top : int
        How many pairs to chart window by window (see :func:`top_pairs`).
    subset : {"all", "onset"}
        The subset whose reliability curve is drawn (the table shows both).
    width, height : float, optional
        Figure size in inches (default 12 x 11).
    dpi : float

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib

    width = width or 12.0
    height = height or 11.0
    fig = new_figure(width, height, dpi=dpi)
    with matplotlib.rc_context(RC):
        rows = max(1, int(np.ceil(top / 3)))
        gs = fig.add_gridspec(1 + rows, 3, height_ratios=[1.55] + [1.0] * rows, hspace=0.75, wspace=0.28,
                              left=0.06, right=0.98, top=0.87, bottom=0.06)
        _calibration(fig.add_subplot(gs[0, 0]), result, subset)
        _table(fig.add_subplot(gs[0, 1:]), result)
        pairs = top_pairs(result, top)
        axes = [fig.add_subplot(gs[1 + k // 3, k % 3]) for k in range(len(pairs))]
        for k, (ax, pair) in enumerate(zip(axes, pairs, strict=True)):
            _pair_panel(ax, result, pair, labels=k % 3 == 0)
        if axes:
            handles, names = axes[0].get_legend_handles_labels()
            top_y = axes[0].get_position().y1
            fig.legend(handles, names, loc="lower left", bbox_to_anchor=(0.06, top_y + 0.022), ncol=len(names),
                       fontsize=7.5, frameon=False)
            fig.text(0.06, top_y + 0.05, f"Window by window, {len(pairs)} pairs (most clashes, most onsets in the "
                     "test windows): forecast for the next window, and whether the pair clashed in it",
                     ha="left", fontsize=9.5, color=INK)
        w = result.windows
        fig.suptitle(f"Backtest: {result.scenario or 'scenario'}, P(clash in the next {result.window.label}) "
                     "against what happened", x=0.06, ha="left", fontsize=12, fontweight="bold", color=INK)
        recalibrated = ("recalibrated to each history level's training rate, then " if any(
            "recalibrated" in n for n in result.notes) else "")
        fig.text(0.06, 0.915, f"{result.window.label.capitalize()} windows {w[0][0]} to {w[-1][1]}. Trained on the "
                 f"forecasts for windows up to {result.train_until}, scored on the {result.test_windows} windows "
                 f"after it ({result.pairs} pairs each).\nFitted model: the expert CPDs {recalibrated}updated by the "
                 "training windows (EM, expert tables as Dirichlet prior).\nBaselines learn from the same training "
                 "windows (history alone: one rate per conflict-history state, none / past / recent / low / high).",
                 ha="left", fontsize=8.5, color=MUTED, linespacing=1.4)
    return fig


def _calibration(ax, result: BacktestResult, subset: str) -> None:
    rel = result.reliability[result.reliability["subset"] == subset]
    ax.plot([0, 1], [0, 1], color="#BBBBBB", lw=1, ls=(0, (2, 2)), zorder=1)
    for model, (label, colour, ls, marker) in MODEL_STYLES.items():
        r = rel[rel["model"] == model]
        if r.empty:
            continue
        sizes = 12 + 60 * np.sqrt(r["n"].to_numpy() / max(1, r["n"].max()))
        ax.plot(r["mean_predicted"], r["observed"], color=colour, ls=ls, lw=1.4, zorder=2, label=label)
        ax.scatter(r["mean_predicted"], r["observed"], s=sizes, color=colour, marker=marker, zorder=3,
                   edgecolor="white", linewidth=0.5)
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.02, 1.02)
    ax.set_aspect("equal")
    ax.set_xlabel("forecast P(clash): bin mean\n(marker area ~ forecasts in the bin; diagonal = calibrated)",
                  fontsize=8)
    ax.set_ylabel("observed clash frequency")
    what = "all pairs" if subset == "all" else "onsets"
    ax.set_title(f"Reliability on the test windows ({what})", loc="left", fontsize=9.5, color=INK)
    ax.legend(loc="upper left", fontsize=7, frameon=False)


def _table(ax, result: BacktestResult) -> None:
    ax.axis("off")
    sc = result.scores
    header = ["model"] + [f"{label}\n{s}" for s in ("all", "onset") for _, label, _ in _METRICS]
    cells: list[list[str]] = []
    bold: list[tuple[int, int]] = []
    best: dict[tuple[str, str], float | None] = {}
    for s in ("all", "onset"):
        for m, _, lower in _METRICS:
            vals = [v for v in sc.loc[sc["subset"] == s, m] if v is not None and v == v]
            best[(s, m)] = (min if lower else max)(vals) if vals else None
    for model, (label, *_rest) in MODEL_STYLES.items():
        row = [label]
        for s in ("all", "onset"):
            r = sc[(sc["model"] == model) & (sc["subset"] == s)]
            for m, _, _ in _METRICS:
                v = r[m].iloc[0] if len(r) else None
                ok = v is not None and v == v
                row.append(f"{v:.4f}" if ok else "-")
                if ok and v == best[(s, m)]:
                    bold.append((len(cells) + 1, len(row) - 1))
        cells.append(row)
    table = ax.table(cellText=cells, colLabels=header, loc="upper center", cellLoc="right", colLoc="center",
                     bbox=[0.0, 0.42, 1.0, 0.58], colWidths=[0.22] + [0.13] * 6)
    table.auto_set_font_size(False)
    table.set_fontsize(8)
    for (r, c), cell in table.get_celld().items():
        cell.set_edgecolor("#DDDDDD")
        if r == 0:
            cell.set_text_props(fontweight="bold", color=INK)
            cell.set_facecolor("#F2F2F2")
        if c == 0 and r > 0:
            cell.set_text_props(ha="left", color=MODEL_STYLES[list(MODEL_STYLES)[r - 1]][1], fontweight="bold")
            cell._loc = "left"
        if (r, c) in bold:
            cell.set_text_props(fontweight="bold")
            cell.set_facecolor("#FFF3D6")
    t = result.test
    ax.set_title(f"Scores on the test windows: {len(t)} forecasts, {int(t['clash_next'].sum())} clashes; "
                 f"onsets {int((~t['clash_now']).sum())}, {int(t.loc[~t['clash_now'], 'clash_next'].sum())}",
                 loc="left", fontsize=9.5, color=INK)
    lines = [v for v in result.verdicts() if " beats " in v or "best" in v]
    text = "\n".join(textwrap.fill(v, 118, subsequent_indent="   ") for v in _short(lines))
    ax.text(0.0, 0.38, "Lower Brier and log loss are better, higher AUC is better; best of each column shaded.\n"
            + text, transform=ax.transAxes, ha="left", va="top", fontsize=7, color=INK, linespacing=1.35)


def _short(lines: list[str]) -> list[str]:
    """Verdicts condensed for the figure: the best model per subset, then who beats the fitted model."""
    best = [v for v in lines if "best" in v]
    fitted = [v for v in lines if "the fitted model on" in v]
    out = best + fitted
    return out[:8]


def _pair_panel(ax, result: BacktestResult, pair: tuple[str, str], *, labels: bool) -> None:
    a, b = pair
    p = result.predictions
    d = p[(p["a"] == a) & (p["b"] == b)].sort_values("target_start")
    x = np.array([np.datetime64(s) for s in d["target_start"]])
    train_end = np.datetime64(result.train_until)
    ax.axvspan(x.min(), train_end, color="#F0F0F0", zorder=0)
    ax.text(0.01, 0.06, "training", transform=ax.transAxes, ha="left", va="bottom", fontsize=6.5, color=MUTED)
    for model in ("fitted", "history", "persistence"):
        label, colour, ls, _ = MODEL_STYLES[model]
        ax.plot(x, d[f"p_{model}"], color=colour, ls=ls, lw=1.3, label=f"{label} forecast", zorder=2,
                drawstyle="steps-mid")
    hit = d["clash_next"].to_numpy(dtype=bool)
    ax.scatter(x[hit], np.full(hit.sum(), 1.04), marker="|", s=40, color=INK, zorder=3, label="clash observed")
    ax.scatter(x[~hit], np.full((~hit).sum(), -0.04), marker="|", s=14, color="#BBBBBB", zorder=3,
               label="no clash")
    ax.set_ylim(-0.1, 1.1)
    ax.set_title(f"{a} - {b}", loc="left", fontsize=9, color=INK)
    ax.tick_params(axis="x", labelsize=7)
    ax.tick_params(axis="y", labelsize=7)
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(minticks=3, maxticks=7)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    if labels:
        ax.set_ylabel("P(clash next window)", fontsize=8)
