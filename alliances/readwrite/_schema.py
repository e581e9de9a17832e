"""The JSON Schema of the scenario format, as shipped in ``alliances/readwrite/schema/``."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["scenario_schema", "schema_text"]


@cache
def schema_text() -> str:
    return resources.files("alliances.readwrite").joinpath("schema/scenario.schema.json").read_text("utf-8")


def scenario_schema() -> dict[str, Any]:
    """The JSON Schema of the scenario format (for editors; the validator checks more).

    Returns
    -------
    dict
        The schema (JSON Schema draft 2020-12), as shipped in ``alliances/readwrite/schema/``.

    Examples
    --------
    >>> scenario_schema()["required"]
    ['scenario', 'actors']
    """
    return json.loads(schema_text())
