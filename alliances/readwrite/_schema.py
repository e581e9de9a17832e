"""The JSON Schemas of the scenario and actor-mapping formats, as shipped in ``alliances/readwrite/schema/``."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["mapping_schema", "scenario_schema", "schema_text"]


@cache
def schema_text(kind: str = "scenario") -> str:
    """The text of a shipped schema: ``scenario`` or ``mapping`` (the ``--mapping`` file of ``alliances events``)."""
    return resources.files("alliances.readwrite").joinpath(f"schema/{kind}.schema.json").read_text("utf-8")


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


def mapping_schema() -> dict[str, Any]:
    """The JSON Schema of the actor-mapping file (``alliances events --mapping FILE``).

    Returns
    -------
    dict
        The schema (JSON Schema draft 2020-12): ``names``, ``patterns`` and ``codes``.

    Examples
    --------
    >>> sorted(mapping_schema()["properties"])
    ['codes', 'names', 'patterns']
    """
    return json.loads(schema_text("mapping"))
