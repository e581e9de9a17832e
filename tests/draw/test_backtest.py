"""The backtest figure: which pairs it charts, and that it draws every model and the score table."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

import alliances
from alliances.draw import MODEL_STYLES, draw_backtest, legend_labels, top_pairs
from alliances.draw._style import renderer


def _result(rows):
    test = pd.DataFrame(rows, columns=["a", "b", "clash_now", "clash_next", "p_fitted"])
    return SimpleNamespace(test=test)


def test_top_pairs_half_by_clashes_half_by_onsets():
    rows = [
        # p-q clashes in every window: most clashes, no onset after the first
        ("p", "q", True, True, 0.9), ("p", "q", True, True, 0.9), ("p", "q", True, True, 0.9),
        # r-s clashes twice, each time after a quiet window: two onsets
        ("r", "s", False, True, 0.2), ("r", "s", False, True, 0.2), ("r", "s", True, False, 0.2),
        # t-u clashes once, as an onset, with a higher risk than v-w
        ("t", "u", False, True, 0.5), ("t", "u", False, False, 0.5), ("t", "u", False, False, 0.5),
        ("v", "w", False, True, 0.1), ("v", "w", False, False, 0.1), ("v", "w", False, False, 0.1),
        ("x", "y", False, False, 0.8), ("x", "y", False, False, 0.8), ("x", "y", False, False, 0.8),
    ]
    result = _result(rows)
    assert top_pairs(result, 2) == [("p", "q"), ("r", "s")]
    assert top_pairs(result, 4) == [("p", "q"), ("r", "s"), ("t", "u"), ("v", "w")]
    # pairs with no clash come last, and no pair twice
    assert top_pairs(result, 10) == [("p", "q"), ("r", "s"), ("t", "u"), ("v", "w"), ("x", "y")]


@pytest.fixture(scope="module")
def result(seed_2016_path, ucdp_path):
    return alliances.backtest(ucdp_path, alliances.load(seed_2016_path), window="quarter")


def test_draw_backtest_calibration_table_and_pair_panels(result):
    fig = draw_backtest(result, top=3)
    calibration, table, *pairs = fig.axes
    assert len(pairs) == 3
    assert [ax.get_title(loc="left") for ax in pairs] == [f"{a} - {b}" for a, b in top_pairs(result, 3)]
    drawn = {line.get_label() for line in calibration.lines}
    assert {label for label, *_ in MODEL_STYLES.values()} <= drawn
    texts = [cell.get_text().get_text() for cell in table.tables[0].get_celld().values()]
    assert "fitted model" in texts and "persistence" in texts
    assert "clash observed" in legend_labels(fig)
    assert fig.texts and fig.get_suptitle().startswith("Backtest: ")
    # nothing runs off the figure
    rend = renderer(fig)
    for ax in fig.axes:
        box = ax.get_tightbbox(rend)
        assert box.x0 >= -1 and box.x1 <= fig.bbox.x1 + 1
