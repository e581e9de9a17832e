"""The published JSON Schema: valid, in step with the validator, and agreeing with it on bad files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

import alliances
from alliances import ScenarioError
from alliances._records import FIGHTING, ActorKind, Stance
from alliances.readwrite import _scenario as scenario_module
from tests._paths import SEED


@pytest.fixture(scope="module")
def validator():
    schema = alliances.scenario_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def as_json_data(text: str):
    """What an editor's YAML support hands the schema: dates stay text (YAML 1.2 has no date type)."""

    def plain(value):
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        if isinstance(value, dt.date):
            return value.isoformat()
        return value

    return plain(yaml.safe_load(text))


def test_schema_file_is_the_packaged_one():
    packaged = Path(scenario_module.__file__).parent / "schema" / "scenario.schema.json"
    assert json.loads(packaged.read_text("utf-8")) == alliances.scenario_schema()


def test_seed_validates_against_the_schema(validator):
    errors = list(validator.iter_errors(as_json_data(SEED.read_text("utf-8"))))
    assert errors == []


def test_dumped_seed_validates_against_the_schema(validator):
    text = alliances.dumps(alliances.load(SEED))
    assert list(validator.iter_errors(as_json_data(text))) == []


def test_schema_fields_match_the_validator():
    schema = alliances.scenario_schema()
    props = schema["properties"]
    assert set(props) == scenario_module._TOP
    assert set(props["sources"]["items"]["properties"]) == scenario_module._SOURCE
    assert set(props["theaters"]["items"]["properties"]) == scenario_module._THEATER
    assert set(props["actors"]["items"]["properties"]) == scenario_module._ACTOR
    assert set(props["relations"]["items"]["properties"]) == scenario_module._RELATION
    assert set(props["relations"]["items"]["properties"]["evidence"]["items"]["properties"]) == scenario_module._EVIDENCE
    assert props["relations"]["items"]["properties"]["stance"]["enum"] == [s.value for s in Stance]
    assert props["relations"]["items"]["properties"]["fighting"]["enum"] == [*FIGHTING, None]
    assert props["actors"]["items"]["properties"]["kind"]["enum"] == [k.value for k in ActorKind]
    assert props["version"]["const"] in scenario_module.SUPPORTED_VERSIONS
    assert schema["required"] == ["scenario", "actors"]


SEED_TEXT = SEED.read_text("utf-8")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("stance: rival\n    kind: accuses", "stance: foe\n    kind: accuses"),          # unknown stance
        ("kind: militia\n    aliases: [Hizbollah", "kind: milita\n    aliases: [Hizbollah"),  # unknown kind
        ("confidence: 0.8", "confidence: 1.5"),                                          # out of range
        ("confidence: 0.7", "confidence: 0"),                                            # out of range
        ("- id: iran\n", "- id: Iran\n"),                                                # bad id characters
        ("- id: iran\n", "- id: no\n"),                                                  # YAML 1.1 boolean
        ("    name: Russia\n", "    name: Russia\n    colour: red\n"),                  # unknown field
        ("    name: Russia\n", ""),                                                      # missing field
        ("version: 1\n", "version: 2\n"),                                                # unsupported version
        ("actors: [assad, islamic_state]", "actors: [assad, assad]"),                    # self-relation
        ("actors: [assad, islamic_state]", "actors: [assad]"),                           # not a pair
        ("    since: 2015\n", "    since: soon\n"),                                      # bad period
        ("scenario: Syria, Deir al-Zor offensive\n", "scenario: '  '\n"),               # empty title
        ("    fighting: high\n", "    fighting: heavy\n"),                              # unknown fighting level
    ],
)
def test_bad_files_fail_both_the_schema_and_the_validator(validator, old, new):
    assert old in SEED_TEXT
    text = SEED_TEXT.replace(old, new, 1)
    assert list(validator.iter_errors(as_json_data(text))), "the schema accepted it"
    with pytest.raises(ScenarioError):
        alliances.loads(text)


@pytest.mark.parametrize(
    ("old", "new"),
    [("    publisher: Reuters\n", "    publisher: Reuters\n    url: null\n"),
     ("    since: 2015\n", "    since: 2015\n    until: null\n    weight: null\n"),
     ("    label: Assad\n", "    label: null\n"),
     ("    fighting: high\n", "    fighting: null\n")],
)
def test_nulls_for_optional_fields_pass_both(validator, old, new):
    text = SEED_TEXT.replace(old, new, 1)
    assert list(validator.iter_errors(as_json_data(text))) == []
    alliances.loads(text)
