"""The report package: one surface for every table and JSON shape, light to import."""

from __future__ import annotations

import subprocess
import sys

import alliances.report as report


def test_public_names_sorted_and_present():
    assert report.__all__ == sorted(report.__all__)
    for name in report.__all__:
        assert getattr(report, name) is not None


def test_import_loads_neither_rich_nor_pandas():
    code = "import sys, alliances.report; print(sorted(m for m in ('rich', 'pandas', 'matplotlib') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
