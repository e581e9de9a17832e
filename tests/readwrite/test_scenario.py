"""The scenario reader: every validation rule (message and line), fuzzing, round trips."""

from __future__ import annotations

import datetime as dt
import itertools
import textwrap

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import alliances
from alliances import AllianceNetwork, ScenarioError
from alliances._records import FIGHTING, Actor, ActorKind, Evidence, Relation, Source, Stance, Theater
from alliances.readwrite import ScenarioReader
from tests._paths import SEED

# A valid base: line numbers of the tests below count from here.
BASE = """\
scenario: Test
sources:
  - id: src-1
theaters:
  - id: north
    name: North
actors:
  - id: assad
    name: Assad government
    kind: state
  - id: iran
    name: Iran
    kind: state
  - id: russia
    name: Russia
    kind: state
"""
# BASE has 16 lines; a relations block appended starts on line 17.
BASE_LINES = 16


def problems(text: str) -> list[tuple[int | None, str]]:
    """(line, message) of every problem, in the order reported."""
    with pytest.raises(ScenarioError) as info:
        alliances.loads(textwrap.dedent(text), filename="s.yaml")
    assert all(p.file == "s.yaml" for p in info.value.problems)
    return [(p.line, p.message) for p in info.value.problems]


def one_problem(text: str) -> tuple[int | None, str]:
    found = problems(text)
    assert len(found) == 1, found
    return found[0]


def with_relations(*rows: str) -> str:
    return BASE + "relations:\n" + "".join(f"  - {row}\n" for row in rows)


def test_base_is_valid():
    net = alliances.loads(BASE)
    assert list(net.actors) == ["assad", "iran", "russia"]
    assert len(BASE.splitlines()) == BASE_LINES


# --------------------------------------------------------------------------- YAML level
def test_yaml_syntax_error():
    line, msg = one_problem("scenario: [Test\nactors: 1\n")
    assert line == 1  # where the unclosed '[' opens, not where YAML notices it
    assert msg.startswith("YAML syntax error: the '[' opened on this line (column 11) is not closed")


def test_yaml_syntax_error_bad_indentation():
    line, msg = one_problem(BASE + "relations:\n  - actors: [assad, iran]\n   stance: ally\n")
    assert line == BASE_LINES + 3
    assert "YAML syntax error" in msg


def test_duplicate_key_reported_at_second_naming_first():
    text = BASE.replace("    name: Iran\n", "    name: Iran\n    name: Persia\n")
    assert one_problem(text) == (13, "duplicate key 'name' in an actor (first at line 12)")


def test_duplicate_top_level_key():
    assert one_problem("scenario: A\n" + BASE) == (2, "duplicate key 'scenario' in the scenario file (first at line 1)")


def test_anchor_and_alias_rejected():
    text = BASE.replace("name: Iran", "name: &n Iran").replace("name: Russia", "name: *n")
    assert problems(text) == [
        (12, "YAML anchor '&n' is not allowed: write the value out"),
        (15, "YAML alias '*n' is not allowed: write the value out"),
    ]


def test_merge_key_with_alias_rejected():
    text = BASE + "notes: &base x\nx:\n  <<: *base\n"
    found = problems(text)
    assert (BASE_LINES + 1, "YAML anchor '&base' is not allowed: write the value out") in found
    assert any(line == BASE_LINES + 3 and "alias '*base'" in msg for line, msg in found)


def test_billion_laughs_fails_fast(monkeypatch):
    rows = ['lol0: &l0 "lol"']
    for i in range(1, 25):
        rows.append(f"lol{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]")
    text = "\n".join(rows) + "\n"

    def no_tree(*args, **kwargs):
        raise AssertionError("a node tree was built for a file with aliases")

    # 10**24 strings if expanded: the file must be rejected from the event stream,
    # before any node tree (let alone Python objects) is built.
    monkeypatch.setattr(yaml, "compose", no_tree)
    with pytest.raises(ScenarioError) as info:
        alliances.loads(text)
    msgs = [p.message for p in info.value.problems]
    assert "YAML anchor '&l0' is not allowed: write the value out" in msgs
    assert "YAML alias '*l23' is not allowed: write the value out" in msgs
    assert info.value.problems[0].line == 1
    assert len(info.value.problems) == 25 + 24 * 10  # every anchor and alias, once


def test_custom_tags_rejected():
    text = BASE.replace("name: Iran", "name: !!python/object/apply:os.system [ls]")
    line, msg = one_problem(text)
    assert line == 12
    assert "YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed" in msg


def test_standard_tag_is_a_way_to_quote():
    net = alliances.loads(BASE.replace("name: Iran", "name: !!str no"))
    assert net.actors["iran"].name == "no"


@pytest.mark.parametrize(
    ("old", "new", "line", "fragment"),
    [
        ("id: iran", "id: no", 11, "actor id must be text, but YAML reads the unquoted 'no' as a boolean: quote it, as \"no\""),
        ("name: Iran", "name: on", 12, "actor name must be text, but YAML reads the unquoted 'on' as a boolean"),
        ("name: Iran", "name: 2017-09-05", 12, "YAML reads the unquoted '2017-09-05' as a date"),
        ("name: Iran", "name: 1.5", 12, "YAML reads the unquoted '1.5' as a number"),
        ("scenario: Test", "scenario: 1979", 1, "scenario (the title) must be text, but YAML reads the unquoted '1979' as a number"),
        ("name: North", "name: yes", 6, "theater name must be text, but YAML reads the unquoted 'yes' as a boolean"),
        ("name: Iran", "name: null", 12, "actor name must be text, but YAML reads the unquoted 'null' as null"),
    ],
)
def test_yaml11_surprises_where_text_is_expected(old, new, line, fragment):
    got_line, msg = one_problem(BASE.replace(old, new))
    assert got_line == line
    assert fragment in msg


def test_quoted_yaml11_words_are_fine():
    net = alliances.loads(BASE.replace("id: iran", 'id: "no"').replace("name: Iran", "name: 'on'"))
    assert net.actors["no"].name == "on"


# --------------------------------------------------------------------------- fields and types
def test_missing_required_fields():
    text = BASE.replace("    name: Iran\n", "").replace("    kind: state\n  - id: russia", "  - id: russia")
    assert problems(text) == [
        (11, "an actor is missing the required field 'name'"),
        (11, "an actor is missing the required field 'kind'"),
    ]


def test_missing_scenario_and_actors():
    assert problems("notes: only notes\n") == [
        (1, "the scenario file is missing the required field 'scenario'"),
        (1, "the scenario file is missing the required field 'actors'"),
    ]


def test_missing_relation_fields():
    assert problems(with_relations("{actors: [assad, iran]}", "{stance: ally}")) == [
        (BASE_LINES + 2, "a relation is missing the required field 'stance'"),
        (BASE_LINES + 3, "a relation is missing the required field 'actors'"),
    ]


def test_unknown_field_with_did_you_mean():
    text = BASE.replace("    kind: state\n  - id: russia", "    kind: state\n    alises: [Tehran]\n  - id: russia")
    assert one_problem(text) == (14, "unknown field 'alises' in an actor (did you mean 'aliases'?)")


def test_unknown_top_level_field():
    assert one_problem(BASE + "relatons: []\n") == (
        BASE_LINES + 1,
        "unknown field 'relatons' in the scenario file (did you mean 'relations'?)",
    )


def test_unknown_relation_field():
    line, msg = one_problem(with_relations("{actors: [assad, iran], stance: ally, confidance: 0.5}"))
    assert line == BASE_LINES + 2
    assert msg == "unknown field 'confidance' in a relation (did you mean 'confidence'?)"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("scenario: X\nactors: 5\n", 2, "'actors' must be a list, not a number ('5')"),
        ("scenario: X\nactors: {a: 1}\n", 2, "'actors' must be a list, not a mapping"),
        ("scenario: X\nactors: [a, {id: b, name: B, kind: state}]\n", 2, "an actor must be a mapping of fields, not the text 'a'"),
        ("scenario: [X]\n" + BASE[15:], 1, "scenario (the title) must be text, not a list"),
        (BASE + "relations: yes\n", BASE_LINES + 1, "'relations' must be a list, not a boolean ('yes')"),
        (BASE.replace("kind: state\n  - id: iran", "kind: state\n    aliases: Damascus\n  - id: iran"), 11,
         "aliases must be a list, not the text 'Damascus'"),
        (BASE + "as_of: yesterday\n", BASE_LINES + 1, "as_of must be a year (2013), a month (2013-05) or an ISO date (2013-05-01), not 'yesterday'"),
        (BASE + "as_of: 2017-13-01\n", BASE_LINES + 1, "as_of '2017-13-01' is not a date in the calendar"),
    ],
)
def test_wrong_types(text, line, message):
    assert one_problem(text) == (line, message)


def test_wrong_type_relation_fields():
    found = problems(with_relations("{actors: assad, stance: [ally], kind: 3, since: soon}"))
    line = BASE_LINES + 2
    assert found == [
        (line, "a relation's actors must be a list, not the text 'assad'"),
        (line, "stance must be text, not a list"),
        (line, "relation kind must be text, but YAML reads the unquoted '3' as a number: quote it, as \"3\""),
        (line, "since must be a year (2013), a month (2013-05) or an ISO date (2013-05-01), not 'soon'"),
    ]


@pytest.mark.parametrize(("value", "what"), [('""', "actor name"), ("'   '", "actor name")])
def test_empty_text(value, what):
    assert one_problem(BASE.replace("name: Iran", f"name: {value}")) == (12, f"{what} is empty")


def test_required_field_without_a_value():
    assert one_problem(BASE.replace("name: Iran", "name:")) == (12, "actor name has no value")


def test_custom_tag_on_a_list_rejected():
    line, msg = one_problem(BASE.replace("theaters:\n", "theaters: !places\n"))
    assert (line, msg) == (4, "YAML tag '!places' is not allowed: a scenario holds plain data")


def test_multiple_documents_rejected():
    line, msg = one_problem(BASE + "---\nscenario: Another\n")
    assert line == BASE_LINES + 1 and "YAML syntax error" in msg


def test_field_names_must_be_plain_words():
    assert one_problem(BASE + "[a, b]: x\n") == (BASE_LINES + 1, "the scenario file: field names must be plain words")


def test_actors_must_be_two():
    assert one_problem("scenario: X\nactors:\n  - {id: a, name: A, kind: state}\n") == (
        3, "a scenario needs at least 2 actors")
    assert one_problem("scenario: X\nactors:\n") == (2, "a scenario needs at least 2 actors")


def test_relation_must_have_two_actors():
    assert one_problem(with_relations("{actors: [assad, iran, russia], stance: ally}")) == (
        BASE_LINES + 2, "a relation's actors must be a list of two actor ids, not 3")


# --------------------------------------------------------------------------- ids and references
def test_duplicate_ids():
    text = BASE + "  - id: iran\n    name: Iran again\n    kind: state\n"
    assert one_problem(text) == (BASE_LINES + 1, "duplicate actor id 'iran' (first at line 11)")


def test_duplicate_theater_and_source_ids():
    text = BASE.replace("theaters:\n", "theaters:\n  - {id: north, name: N}\n").replace(
        "sources:\n", "sources:\n  - id: src-1\n")
    assert problems(text) == [
        (4, "duplicate source id 'src-1' (first at line 3)"),
        (7, "duplicate theater id 'north' (first at line 6)"),
    ]


@pytest.mark.parametrize(
    ("bad", "hint"),
    [("Iran", " (for example 'iran')"), ("iran-state", " (for example 'iran_state')"), ("ir an", " (for example 'ir_an')"),
     ("é", "")],
)
def test_bad_id_characters(bad, hint):
    assert one_problem(BASE.replace("id: iran", f"id: {bad}")) == (
        11, f"actor id {bad!r} may only use lowercase letters, digits and _{hint}")


@pytest.mark.parametrize(
    ("bad", "message"),
    [("'src 1'", "source id 'src 1' may only use letters, digits and _ . : - (for example 'src-1')"),
     ("'-src'", "source id '-src' must start with a letter or a digit (for example 'src')"),
     ("'§'", "source id '§' may only use letters, digits and _ . : -")],
)
def test_bad_source_id_characters(bad, message):
    assert one_problem(BASE.replace("id: src-1", f"id: {bad}")) == (3, message)


def test_relation_to_unknown_actor_did_you_mean():
    assert one_problem(with_relations("{actors: [iran, asad], stance: ally}")) == (
        BASE_LINES + 2, "unknown actor 'asad' (did you mean 'assad'?)")


def test_relation_to_unknown_actor_on_its_own_line():
    text = BASE + "relations:\n  - actors:\n      - iran\n      - zzz\n    stance: ally\n"
    assert one_problem(text) == (BASE_LINES + 4, "unknown actor 'zzz'")


def test_actor_with_other_problems_is_not_also_unknown():
    text = with_relations("{actors: [iran, assad], stance: ally}").replace("    kind: state\n  - id: iran", "  - id: iran")
    assert problems(text) == [(8, "an actor is missing the required field 'kind'")]


def test_self_relation():
    assert one_problem(with_relations("{actors: [iran, iran], stance: ally}")) == (
        BASE_LINES + 2, "an actor cannot have a relation with itself ('iran')")


@pytest.mark.parametrize("second", ["[assad, iran]", "[iran, assad]"])
def test_duplicate_relation_either_order(second):
    text = with_relations("{actors: [assad, iran], stance: ally}", f"{{actors: {second}, stance: enemy}}")
    assert one_problem(text) == (
        BASE_LINES + 3,
        f"duplicate relation for the pair assad - iran (first at line {BASE_LINES + 2}): a pair has one relation",
    )


def test_unknown_stance():
    assert one_problem(with_relations("{actors: [assad, iran], stance: allied}")) == (
        BASE_LINES + 2,
        "unknown stance 'allied' (expected one of: ally, friendly, neutral, ambivalent, rival, enemy) "
        "(did you mean 'ally'?)",
    )


def test_fighting_levels_are_read_and_absent_means_not_stated():
    net = alliances.loads(with_relations(
        "{actors: [assad, iran], stance: enemy, fighting: high}",
        "{actors: [assad, russia], stance: ally, fighting: none}",
        "{actors: [iran, russia], stance: ally, fighting: null}",
    ))
    assert [r.fighting for r in net.relations] == ["high", "none", None]
    assert alliances.loads(alliances.dumps(net)) == net


def test_unknown_fighting_level():
    assert one_problem(with_relations("{actors: [assad, iran], stance: enemy, fighting: hgh}")) == (
        BASE_LINES + 2,
        "unknown fighting level 'hgh' (expected one of: none, past, recent, low, high) (did you mean 'high'?)",
    )


def test_unknown_kind():
    line, msg = one_problem(BASE.replace("kind: state\n  - id: russia", "kind: stat\n  - id: russia"))
    assert line == 13
    assert msg.startswith("unknown kind 'stat' (expected one of: state, coalition, armed_group,")
    assert msg.endswith("(did you mean 'state'?)")


@pytest.mark.parametrize("field", ["weight", "confidence"])
@pytest.mark.parametrize("value", ["0", "1.5", "-0.2", ".nan", ".inf"])
def test_weight_and_confidence_out_of_range(field, value):
    assert one_problem(with_relations(f"{{actors: [assad, iran], stance: ally, {field}: {value}}}")) == (
        BASE_LINES + 2, f"{field} {value} is out of range: it must be greater than 0 and at most 1")


@pytest.mark.parametrize("field", ["weight", "confidence"])
@pytest.mark.parametrize(("value", "shown"), [("true", "a boolean ('true')"), ("no", "a boolean ('no')"),
                                              ("'0.5'", "the text '0.5'"), ("[1]", "a list")])
def test_weight_and_confidence_not_numbers(field, value, shown):
    assert one_problem(with_relations(f"{{actors: [assad, iran], stance: ally, {field}: {value}}}")) == (
        BASE_LINES + 2, f"{field} must be a number in (0, 1], not {shown}")


def test_weight_bounds_inclusive():
    net = alliances.loads(with_relations("{actors: [assad, iran], stance: ally, weight: 1, confidence: 0.001}"))
    rel = net.relation("assad", "iran")
    assert (rel.weight, rel.confidence) == (1.0, 0.001)


def test_evidence_cites_unknown_source():
    text = BASE + "relations:\n  - actors: [assad, iran]\n    stance: ally\n    evidence:\n      - source: src-2\n"
    assert one_problem(text) == (BASE_LINES + 5, "evidence cites unknown source 'src-2' (did you mean 'src-1'?)")


def test_actor_in_unknown_theater():
    text = BASE.replace("kind: state\n  - id: iran", "kind: state\n    theaters: [north, nort]\n  - id: iran")
    assert one_problem(text) == (11, "actor 'assad' is placed in unknown theater 'nort' (did you mean 'north'?)")


def test_unknown_theater_line_after_a_bad_theater_id():
    text = BASE.replace("kind: state\n  - id: iran", "kind: state\n    theaters:\n      - North\n      - zzz\n  - id: iran")
    assert problems(text) == [
        (12, "theater id 'North' may only use lowercase letters, digits and _ (for example 'north')"),
        (13, "actor 'assad' is placed in unknown theater 'zzz'"),
    ]


@pytest.mark.parametrize(
    ("since", "until", "shown"),
    [("2015", "2014", "until (2014) is before since (2015)"),
     ("2015-06-01", "2015-05-31", "until (2015-05-31) is before since (2015-06-01)"),
     ("2015-06-01", "2014", "until (2014) is before since (2015-06-01)"),
     ("'2016'", "'2015-12-31'", "until (2015-12-31) is before since (2016)")],
)
def test_until_before_since(since, until, shown):
    assert one_problem(with_relations(f"{{actors: [assad, iran], stance: ally, since: {since}, until: {until}}}")) == (
        BASE_LINES + 2, shown)


def test_until_in_the_same_year_as_since_is_fine():
    net = alliances.loads(with_relations("{actors: [assad, iran], stance: ally, since: 2015, until: 2015-03-01}"))
    assert net.relation("assad", "iran").until == dt.date(2015, 3, 1)


@pytest.mark.parametrize("bad", ["0", "'0000'", "20150101", "'2015-1-1'", "2015-02-30"])
def test_bad_years_and_dates(bad):
    line, msg = one_problem(with_relations(f"{{actors: [assad, iran], stance: ally, since: {bad}}}"))
    assert line == BASE_LINES + 2
    assert msg.startswith("since ")


# --------------------------------------------------------------------------- whole-file problems
@pytest.mark.parametrize("text", ["", "   \n\n", "# only a comment\n", "---\n"])
def test_empty_file(text):
    assert one_problem(text) == (None, "empty file: a scenario needs at least 'scenario' and 'actors'")


@pytest.mark.parametrize(
    ("text", "shown"),
    [("- a\n- b\n", "a list"), ("hello\n", "the text 'hello'"), ("42\n", "a number ('42')"),
     ("yes\n", "a boolean ('yes')")],
)
def test_file_that_is_not_a_mapping(text, shown):
    assert one_problem(text) == (1, f"the scenario file must be a mapping of fields, not {shown}")


@pytest.mark.parametrize(
    ("value", "message"),
    [("2", "unsupported format version 2: this release reads version 1"),
     ("1.5", "unsupported format version 1.5: this release reads version 1"),
     ("'1'", "version must be a number (this release reads version 1), not the text '1'"),
     ("true", "version must be a number (this release reads version 1), not a boolean ('true')")],
)
def test_unsupported_version_names_supported_versions(value, message):
    assert one_problem(f"version: {value}\n" + BASE) == (1, message)


def test_version_1_and_absent_version_are_read():
    assert alliances.loads("version: 1\n" + BASE) == alliances.loads(BASE)


def test_file_not_found(tmp_path):
    path = tmp_path / "nope.yaml"
    with pytest.raises(ScenarioError) as info:
        alliances.load(path)
    assert [(p.file, p.line, p.message) for p in info.value.problems] == [(str(path), None, "no such file")]


def test_folder_is_not_a_file(tmp_path):
    with pytest.raises(ScenarioError, match="is a folder"):
        alliances.load(tmp_path)


def test_not_utf8(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes(BASE.replace("name: Iran", "name: Irán").encode("latin-1"))
    with pytest.raises(ScenarioError) as info:
        alliances.load(path)
    assert [(p.line, p.message) for p in info.value.problems] == [(12, "not valid UTF-8 text")]


def test_bytes_not_utf8():
    with pytest.raises(ScenarioError, match=r"<string>:2: not valid UTF-8 text"):
        alliances.loads(b"scenario: X\nactors: \xff\n")


def test_utf8_with_bom_and_bytes(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + BASE.encode())
    assert alliances.load(path) == alliances.loads(BASE) == alliances.loads(BASE.encode())


def test_control_character_has_a_line():
    assert one_problem(BASE + "notes: \x07\n") == (
        BASE_LINES + 1, "YAML syntax error: character #x0007 is not allowed (control characters are not allowed)")


def test_several_problems_all_reported_in_line_order():
    text = """\
        scenario: Test
        actors:
          - {id: assad, name: Assad, kind: state}
          - {id: Iran, name: Iran, kind: stat}
          - {id: russia, name: on, kind: state}
        relations:
          - {actors: [assad, asad], stance: ally}
          - {actors: [assad, russia], stance: enemy, weight: 1.5}
          - {actors: [russia, assad], stance: enemy}
        colour: red
        """
    found = problems(text)
    assert [line for line, _ in found] == [4, 4, 5, 7, 8, 9, 10]
    assert found[0][1].startswith("actor id 'Iran' may only use")
    assert found[1][1].startswith("unknown kind 'stat'")
    assert "'on' as a boolean" in found[2][1]
    assert found[3][1] == "unknown actor 'asad' (did you mean 'assad'?)"
    assert found[4][1].startswith("weight 1.5 is out of range")
    assert found[5][1].startswith("duplicate relation for the pair assad - russia (first at line 8)")
    assert found[6][1].startswith("unknown field 'colour'")


def test_error_is_a_value_error_with_problems_and_file():
    with pytest.raises(ValueError) as info:
        alliances.loads("- x\n", filename="f.yaml")
    assert str(info.value) == "f.yaml:1: the scenario file must be a mapping of fields, not a list"


# --------------------------------------------------------------------------- the seed and the model
def test_seed_loads_as_described():
    net = alliances.load(SEED)
    assert net.as_of == dt.date(2017, 9, 5)
    assert set(net.actors) == {"assad", "iran", "russia", "hezbollah", "us_coalition", "islamic_state",
                               "syrian_rebels", "shiite_militias"}
    assert net.stance("assad", "islamic_state") is Stance.ENEMY
    assert net.stance("russia", "assad") is Stance.ALLY
    assert net.stance("us_coalition", "assad") is Stance.RIVAL
    assert net.stance("russia", "us_coalition") is None  # deliberately unknown
    assert net.relation("iran", "islamic_state").confidence == 0.7
    assert {"deir_al_zor", "raqqa", "euphrates_valley"} <= set(net.theaters)
    assert "raqqa" in net.actors["us_coalition"].theaters
    assert all(r.evidence for r in net.relations)


def test_seed_graph_attributes():
    g = alliances.load(SEED).graph
    assert g.number_of_nodes() == 8
    assert g.number_of_edges() == 18
    e = g.edges["assad", "us_coalition"]
    assert (e["sign"], e["weight"], e["stance"], e["confidence"]) == (-1, 0.5, "rival", 1.0)
    assert e["evidence"] and e["evidence"][0].source == "reuters-2017-09-05"
    assert g.nodes["assad"]["kind"] == "state"
    assert g.nodes["us_coalition"]["theaters"] == ["raqqa", "euphrates_valley"]


def test_defaults_by_stance():
    rows = [f"{{actors: [assad, iran], stance: {s}}}" for s in ["ally"]]
    net = alliances.loads(with_relations(*rows, "{actors: [assad, russia], stance: rival}",
                                         "{actors: [iran, russia], stance: neutral}"))
    g = net.graph
    assert g.edges["assad", "iran"]["weight"] == 1.0
    assert g.edges["assad", "russia"]["weight"] == 0.5
    assert g.edges["iran", "russia"]["sign"] == 0
    assert net.relation("iran", "assad").confidence == 1.0


# --------------------------------------------------------------------------- fuzzing
_SEED_TEXT = SEED.read_text("utf-8")
_SEED_DATA = yaml.safe_load(_SEED_TEXT)
_JUNK = st.sampled_from(["", ":", "-", "[", "]", "{", "}", "&a", "*a", "!x", "'", '"', "\t", "\n", "#", "%", "@",
                         "? ", ",", "|", ">", "no", "~", "1.5", "2017-13-40", "\x00", "\ufeff", "é", "  "])
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-5, 3000), st.floats(allow_nan=True),
                     st.text(max_size=6), st.dates(), st.just([]), st.just({}), st.lists(st.integers(), max_size=3))


def _paths(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _paths(v, (*prefix, i))


_ALL_PATHS = [p for p in _paths(_SEED_DATA) if p]


def _mutate_structure(data, path, action, value):
    import copy

    data = copy.deepcopy(data)
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if action == "delete":
        del parent[last]
    elif action == "retype":
        parent[last] = value
    elif action == "swap_id":
        ids = [a["id"] for a in _SEED_DATA["actors"]]
        parent[last] = ids[value % len(ids)] if not isinstance(parent[last], (dict, list)) else ids
    return data


# Raw YAML values that each broke a reader once or could: impossible dates, year 0,
# odd integer spellings, huge numbers, explicit tags, nulls, nested collections.
_RAW_VALUES = st.sampled_from([
    "2017-13-01", "2017-02-30", "0", "0000", "-1", "0x1F", "0o17", "1_000", "1:30", "1e999", "9" * 400, ".nan",
    "-.inf", "!!float x", "!!int 1.5", "!!bool maybe", "!!timestamp soon", "!!str 1", "!!null", "~", "", "no",
    "[]", "{}", "[a, b, c]", "{id: x}", "2017-09-05 10:00:00", "'2017'", "2017", "yes", "'  '", "|\n  x",
])


@st.composite
def mutated_seed(draw):
    kind = draw(st.sampled_from(["structure", "text", "truncate", "junk", "lines", "value", "value"]))
    if kind == "value":
        lines = _SEED_TEXT.splitlines(keepends=True)
        for _ in range(draw(st.integers(1, 3))):
            keyed = [k for k, ln in enumerate(lines) if ": " in ln and not ln.lstrip().startswith("#")]
            k = draw(st.sampled_from(keyed))
            head = lines[k].split(": ", 1)[0]
            lines[k] = f"{head}: {draw(_RAW_VALUES)}\n"
        return "".join(lines)
    if kind == "structure":
        out = _SEED_DATA
        for _ in range(draw(st.integers(1, 3))):
            paths = [p for p in _paths(out) if p]
            if not paths:
                break
            path = draw(st.sampled_from(paths))
            action = draw(st.sampled_from(["delete", "retype", "swap_id"]))
            value = draw(_SCALARS) if action == "retype" else draw(st.integers(0, 20))
            out = _mutate_structure(out, path, action, value)
        return yaml.safe_dump(out, sort_keys=draw(st.booleans()), allow_unicode=True)
    if kind == "truncate":
        return _SEED_TEXT[: draw(st.integers(0, len(_SEED_TEXT)))]
    if kind == "lines":
        lines = _SEED_TEXT.splitlines(keepends=True)
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["drop", "dup", "swap"]))
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(j, lines[i])
        else:
            lines[i], lines[j] = lines[j], lines[i]
        return "".join(lines)
    text = _SEED_TEXT
    for _ in range(draw(st.integers(1, 4))):
        pos = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, 3)) if kind == "junk" else draw(st.integers(0, 20))
        text = text[:pos] + draw(_JUNK if kind == "junk" else st.text(max_size=5)) + text[pos + cut:]
    return text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated_seed())
def test_mutated_seed_is_a_network_or_a_scenario_error(text):
    try:
        result = alliances.loads(text, filename="m.yaml")
    except ScenarioError as err:
        assert err.problems
        assert all(p.file == "m.yaml" and (p.line is None or p.line >= 1) for p in err.problems)
        assert [p.line or 0 for p in err.problems] == sorted(p.line or 0 for p in err.problems)
    else:
        assert isinstance(result, AllianceNetwork)
        result.graph  # noqa: B018  building the graph must not fail either


def test_swapped_ids_are_caught():
    data = yaml.safe_load(_SEED_TEXT)
    data["relations"][0]["actors"] = ["assad", "assad"]
    data["actors"][1]["id"] = "assad"
    found = problems(yaml.safe_dump(data, sort_keys=False))
    messages = [m for _, m in found]
    assert any(m.startswith("duplicate actor id 'assad'") for m in messages)
    assert "an actor cannot have a relation with itself ('assad')" in messages


# --------------------------------------------------------------------------- writing and round trips
def test_seed_round_trip(tmp_path):
    net = alliances.load(SEED)
    text = alliances.dumps(net)
    assert alliances.loads(text) == net
    assert net.to_yaml() == text
    path = tmp_path / "out.yaml"
    alliances.dump(net, path)
    assert alliances.load(path) == net
    assert not [p for p in tmp_path.iterdir() if p.name != "out.yaml"]  # no temp file left


def test_notes_everywhere_are_kept():
    text = (BASE.replace("  - id: src-1\n", "  - id: src-1\n    notes: s\n")
            .replace("    name: North\n", "    name: North\n    notes: t\n")
            + "notes: top\nrelations:\n  - {actors: [assad, iran], stance: ally, notes: r}\n")
    net = alliances.loads(text)
    assert (net.sources["src-1"].notes, net.theaters["north"].notes, net.notes) == ("s", "t", "top")
    assert net.relation("assad", "iran").notes == "r"
    assert alliances.loads(alliances.dumps(net)) == net


def test_dump_writes_only_what_is_set():
    net = alliances.loads(with_relations("{actors: [assad, iran], stance: rival, weight: 0.5}"))
    data = yaml.safe_load(alliances.dumps(net))
    assert data["relations"] == [{"actors": ["assad", "iran"], "stance": "rival"}]
    assert list(data)[:2] == ["version", "scenario"]


def test_dump_quotes_yaml11_words():
    net = AllianceNetwork("no", actors=[Actor("no", "on", ActorKind.STATE), Actor("yes", "2017-09-05")])
    assert alliances.loads(alliances.dumps(net)) == net


def test_dump_to_missing_folder_leaves_nothing(tmp_path):
    with pytest.raises(alliances.OutputError, match="does not exist"):
        alliances.dump(alliances.load(SEED), tmp_path / "no" / "x.yaml")
    assert not (tmp_path / "no").exists()


_ID_ST = st.text("abcdefghij_0123456789", min_size=1, max_size=6)
_TEXT_ST = st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "Zs", "S")), min_size=1, max_size=12).filter(
    lambda s: s.strip() == s and s != "")
_YEAR_OR_DATE = st.one_of(st.none(), st.integers(1900, 2030), st.dates(dt.date(1900, 1, 1), dt.date(2030, 12, 31)))
_FRACTION = st.floats(0.01, 1.0).map(lambda x: round(x, 3))


@st.composite
def random_network(draw):
    ids = draw(st.lists(_ID_ST, min_size=2, max_size=7, unique=True))
    theaters = draw(st.lists(_ID_ST, max_size=3, unique=True))
    sources = draw(st.lists(st.text("abc-.:0123", min_size=1, max_size=6).filter(lambda s: s[0] not in "-.:"),
                            max_size=3, unique=True))
    actors = [
        Actor(i, draw(_TEXT_ST), draw(st.sampled_from(list(ActorKind))),
              label=draw(st.none() | _TEXT_ST),
              aliases=tuple(draw(st.lists(_TEXT_ST, max_size=2))),
              theaters=tuple(draw(st.lists(st.sampled_from(theaters), unique=True, max_size=2))) if theaters else (),
              notes=draw(st.none() | _TEXT_ST))
        for i in ids
    ]
    pairs = [(a, b) for k, a in enumerate(ids) for b in ids[k + 1:]]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=len(pairs)))
    relations = []
    for a, b in chosen:
        if draw(st.booleans()):
            a, b = b, a
        since = draw(_YEAR_OR_DATE)
        until = draw(_YEAR_OR_DATE)
        if since is not None and until is not None and (
            (until if isinstance(until, int) else until.year) < (since if isinstance(since, int) else since.year)
        ):
            since, until = until, since
        if isinstance(since, dt.date) and isinstance(until, dt.date) and until < since:
            since, until = until, since
        if since is not None and until is not None and isinstance(since, dt.date) and isinstance(until, int) \
                and until < since.year:
            until = None
        if since is not None and until is not None and isinstance(since, int) and isinstance(until, dt.date) \
                and until.year < since:
            until = None
        evidence = tuple(Evidence(draw(st.sampled_from(sources)), draw(st.none() | _TEXT_ST))
                         for _ in range(draw(st.integers(0, 2)))) if sources else ()
        relations.append(Relation(
            (a, b), draw(st.sampled_from(list(Stance))), weight=draw(st.none() | _FRACTION),
            confidence=draw(_FRACTION), kind=draw(st.none() | _TEXT_ST), since=since, until=until,
            evidence=evidence, notes=draw(st.none() | _TEXT_ST),
            fighting=draw(st.none() | st.sampled_from(FIGHTING))))
    return AllianceNetwork(
        draw(_TEXT_ST), actors=actors, relations=relations,
        theaters=[Theater(t, draw(_TEXT_ST), notes=draw(st.none() | _TEXT_ST)) for t in theaters],
        sources=[Source(s, title=draw(st.none() | _TEXT_ST), publisher=draw(st.none() | _TEXT_ST),
                        date=draw(st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2030, 1, 1))),
                        url=draw(st.none() | _TEXT_ST), notes=draw(st.none() | _TEXT_ST)) for s in sources],
        as_of=draw(st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2030, 1, 1))),
        description=draw(st.none() | _TEXT_ST), notes=draw(st.none() | _TEXT_ST),
    )


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_network())
def test_random_networks_round_trip(net):
    assert alliances.loads(alliances.dumps(net)) == net


def test_dumps_never_writes_anchors_for_shared_objects():
    """One date object on two relations must not become a YAML anchor the reader then rejects."""
    day = dt.date(2017, 1, 1)
    net = AllianceNetwork(
        "Shared",
        actors=[Actor("a", "A"), Actor("b", "B"), Actor("c", "C")],
        relations=[Relation(("a", "b"), "ally", since=day), Relation(("b", "c"), "enemy", since=day)],
        as_of=day,
    )
    text = alliances.dumps(net)
    assert "&" not in text and "*" not in text
    assert alliances.loads(text) == net


# --------------------------------------------------------------------------- lists read as they are parsed
SECTIONS = {
    "sources": "sources:\n  - id: wire-1\n",
    "theaters": "theaters:\n  - {id: north, name: North}\n",
    "actors": "actors:\n  - {id: a, name: A, kind: state, theaters: [north]}\n  - {id: b, name: B, kind: militia}\n",
    "relations": "relations:\n  - {actors: [a, b], stance: enemy, evidence: [{source: wire-1, note: A shelled B.}]}\n",
}


@pytest.mark.parametrize("order", list(itertools.permutations(SECTIONS)), ids="-".join)
def test_the_lists_may_come_in_any_order(order):
    canonical = alliances.loads("scenario: X\n" + "".join(SECTIONS.values()))
    assert alliances.loads("scenario: X\n" + "".join(SECTIONS[k] for k in order)) == canonical
    # references to what no list defines are found whatever the order, each on its own line
    bad = {k: v.replace("[north]", "[south]").replace("[a, b]", "[a, c]").replace("wire-1, note", "wire-2, note")
           for k, v in SECTIONS.items()}
    text = "scenario: X\n" + "".join(bad[k] for k in order)
    lines = text.splitlines()
    found = problems(text)
    assert sorted(m for _, m in found) == [
        "actor 'a' is placed in unknown theater 'south' (did you mean 'north'?)",
        "evidence cites unknown source 'wire-2' (did you mean 'wire-1'?)",
        "unknown actor 'c'",
    ]
    for (line, _), written in zip(sorted(found, key=lambda p: p[1]), ("[south]", "wire-2", "[a, c]"), strict=True):
        assert written in lines[line - 1]


def test_relations_are_handed_over_while_parsing_not_kept_as_a_tree():
    reader = ScenarioReader("s.yaml")
    root = reader.compose(with_relations("{actors: [assad, iran], stance: ally}", "{actors: [iran, russia], stance: enemy}"),
                          stream=reader.streams)
    relations_node = dict((k.value, v) for k, v in root.value)["relations"]
    assert relations_node.value == [] and reader.streamed["relations"] == 2
    assert [r.pair for r in reader.relations] == [("assad", "iran"), ("iran", "russia")]
    assert reader.network(root) == alliances.loads(with_relations("{actors: [assad, iran], stance: ally}",
                                                                  "{actors: [iran, russia], stance: enemy}"))
