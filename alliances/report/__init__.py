"""Presentation as text: rich tables for the terminal and JSON-ready dicts.

One module per analysis. Functions here take results that analyses computed and turn
them into ``rich`` renderables or plain data for ``json.dumps``; they compute nothing.
JSON-ready data follows one rule: a pair is written with ``a`` < ``b``, lists are sorted,
and a missing or undefined number is None (JSON ``null``), never NaN or Infinity.
Renderables show every text from a file literally (:mod:`._terminal`: no rich markup,
control characters escaped). ``rich`` is imported only when a renderable is built.
"""

from __future__ import annotations

from ._backtest import backtest_json, backtest_renderables, cpd_table, score_table
from ._balance import SHOW_MAX, balance_json, balance_renderables, balance_statements
from ._events import diff_json, diff_table, relations_json, relations_tables
from ._extract import extraction_json, extraction_tables, merge_lines
from ._risk import (
    changes_json,
    changes_summary,
    changes_table,
    explanation_json,
    explanation_renderables,
    risk_json,
    risk_json_chunks,
    risk_table,
)
from ._scenario import scenario_tables, validation_json, validation_line
from ._terminal import literal, literal_row, literal_table

__all__ = [
    "SHOW_MAX",
    "backtest_json",
    "backtest_renderables",
    "balance_json",
    "balance_renderables",
    "balance_statements",
    "changes_json",
    "changes_summary",
    "changes_table",
    "cpd_table",
    "diff_json",
    "diff_table",
    "explanation_json",
    "explanation_renderables",
    "extraction_json",
    "extraction_tables",
    "literal",
    "literal_row",
    "literal_table",
    "merge_lines",
    "relations_json",
    "relations_tables",
    "risk_json",
    "risk_json_chunks",
    "risk_table",
    "scenario_tables",
    "score_table",
    "validation_json",
    "validation_line",
]
