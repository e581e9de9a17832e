"""The JSON Schema of the actor-mapping file: shipped, printed by the CLI, agreeing with the reader."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

import alliances
from alliances.events import loads_mapping
from tests._paths import DATA
from tests.cli._run import run


@pytest.fixture(scope="module")
def validator():
    schema = alliances.mapping_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_cli_prints_the_mapping_schema(capsys):
    code, out, err = run(capsys, "schema", "--mapping")
    assert code == 0 and err == ""
    assert json.loads(out) == alliances.mapping_schema()
    code, out, _ = run(capsys, "schema")
    assert json.loads(out) == alliances.scenario_schema()


def test_fixture_and_readme_example_validate(validator):
    for text in ((DATA / "events" / "mapping.yaml").read_text("utf-8"), _README_EXAMPLE):
        assert list(validator.iter_errors(yaml.safe_load(text))) == []
        loads_mapping(text)  # and the reader takes them


_README_EXAMPLE = """\
names:
  Military Forces of Syria (2000-): assad
  Government of Syria: assad
patterns:
  - {regex: "^Hay.?at Tahrir", actor: hts}
  - {regex: "(?i)islamic state", actor: islamic_state}
codes:
  SYRMIL: assad
  SYRGOV: assad
"""


@pytest.mark.parametrize("text", [
    "names: {X: Assad}\n",                      # an id is lowercase
    "nicknames: {X: assad}\n",                  # unknown key
    "patterns:\n  - {regex: x}\n",              # a pattern without its actor
    "patterns:\n  - {regex: x, actor: a, flags: i}\n",
    "codes: [SYRMIL, assad]\n",                 # a list where a mapping belongs
])
def test_schema_and_reader_both_refuse(validator, text):
    assert not validator.is_valid(yaml.safe_load(text))
    with pytest.raises(alliances.ScenarioError):
        loads_mapping(text)
