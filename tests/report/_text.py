"""Helpers for the report tests: renderables as plain text, and a check that data is strict JSON."""

from __future__ import annotations

import io
import json
import math
from typing import Any


def render(items: Any, width: int = 200) -> str:
    """What a terminal shows for these rich renderables (or one of them), as plain text."""
    from rich.console import Console

    console = Console(width=width, file=io.StringIO(), record=True, highlight=False, soft_wrap=False)
    for item in items if isinstance(items, list) else [items]:
        console.print(item)
    return console.export_text()


def strict_json(data: Any) -> Any:
    """``data`` through a strict JSON round trip (no NaN or Infinity anywhere), read back."""
    return json.loads(json.dumps(data, allow_nan=False))


def no_nan(data: Any) -> bool:
    """No float in ``data`` (however deep) is NaN or infinite."""
    if isinstance(data, float):
        return math.isfinite(data)
    if isinstance(data, dict):
        return all(no_nan(v) for v in data.values())
    if isinstance(data, list | tuple):
        return all(no_nan(v) for v in data)
    return True
