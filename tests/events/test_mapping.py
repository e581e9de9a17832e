"""alliances.events._mapping: event-data names and CAMEO codes to scenario actors."""

from __future__ import annotations

import re

import pytest

import alliances
from alliances.errors import ScenarioError
from alliances.events import ActorMapper, load_mapping, loads_mapping
from tests.events._helpers import EVENTS


@pytest.fixture(scope="module")
def mapper(net):
    return ActorMapper.from_network(net, load_mapping(EVENTS / "mapping.yaml"))


def test_lookup_order_file_names_then_scenario_then_patterns(mapper):
    assert mapper.map_name("Military Forces of Turkey (2016-)") == "turkey"  # the file's exact names
    assert mapper.map_name("Government of Syria") == "assad"  # scenario name
    assert mapper.map_name("government of syria") == "assad"  # ... ignoring case
    assert mapper.map_name("Hayat Tahrir al-Sham") == "hts"  # scenario name before the pattern
    assert mapper.map_name("Hay'at Tahrir al-Sham (HTS)") == "hts"  # pattern
    assert mapper.map_name("Civilians") is None
    assert mapper.map_name("Civilians", exact=True) is None


def test_longest_code_prefix_wins():
    m = ActorMapper(codes={"SYR": "syria", "SYRREB": "rebels", "SYRMIL": "army"})
    assert m.code_prefixes == [("SYRMIL", "army"), ("SYRREB", "rebels"), ("SYR", "syria")]
    assert m.map_name(None, "SYRREBMIL") == "rebels"
    assert m.map_name(None, "SYRGOV") == "syria"
    assert m.map_name("unknown name", "USA") is None


def test_sides_naming_several_groups(mapper):
    assert mapper.map_side("Ahrar al-Sham, HTS, Southern Front", ", ") == (("hts", "rebels"), ("Southern Front",))
    assert mapper.map_side("SNA, Ahrar al-Sham", ", ") == (("rebels",), ())  # both name the rebels: once
    assert mapper.map_side("Government of Syria", ", ") == (("assad",), ())  # whole side first
    assert mapper.map_side("  ", ", ") == ((), ()) and mapper.map_side(None, ", ") == ((), ())
    # without a separator a side is one name, patterns included
    assert mapper.map_side("Forces of the Islamic State", None) == (("islamic_state",), ())
    assert mapper.map_side("Civilians", None) == ((), ("Civilians",))


def test_gdelt_sides_are_code_and_name(mapper):
    assert mapper.map_side("SYRREB|REBELS", None, coded=True) == (("rebels",), ())
    assert mapper.map_side("FRA|FRANCE", None, coded=True) == ((), ("FRANCE [FRA]",))
    assert mapper.map_side("|FRANCE", None, coded=True) == ((), ("FRANCE",))


def test_table_counts_events_of_unmapped_names(mapper):
    rows, unmapped = mapper.table([("IS", 5), ("Civilians", 3), ("HTS, Liwa X", 2), ("Liwa X", 1), (None, 9)], ", ")
    assert rows == [("IS", "islamic_state"), ("HTS, Liwa X", "hts")]
    assert dict(unmapped) == {"Civilians": 3, "Liwa X": 3}


def test_mapping_file_problems_all_at_once_with_lines():
    with pytest.raises(ScenarioError) as err:
        loads_mapping("names: {X: assad}\npatterns:\n  - {regex: '(', actor: hts}\n  - {regex: a}\n", filename="m.yaml")
    text = str(err.value)
    assert "m.yaml:3: bad regular expression" in text and "m.yaml:4:" in text
    with pytest.raises(ScenarioError, match="empty mapping file"):
        loads_mapping("")


def test_mapping_must_name_scenario_actors(net):
    with pytest.raises(ScenarioError, match="not in the scenario"):
        ActorMapper.from_network(net, loads_mapping("names: {X: nobody}"))
    with pytest.raises(ScenarioError, match="did you mean 'hts'"):
        ActorMapper.from_network(net, loads_mapping("codes: {SYRHTS: htss}"))


def test_scenario_names_first_name_wins_when_folded():
    net = alliances.loads("""
scenario: T
actors:
  - {id: a, name: Alpha, kind: state}
  - {id: b, name: ALPHA, kind: state}
""")
    m = ActorMapper.from_network(net)
    assert m.map_name("ALPHA") == "b"  # exact text first
    assert m.map_name("alpha") == "a"  # then case-folded: the first actor with that form
    assert m.patterns == () and isinstance(loads_mapping("patterns: [{regex: x, actor: a}]").patterns[0][0], re.Pattern)
