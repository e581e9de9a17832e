"""Messages an analyst meets while writing a scenario: an unclosed bracket, an actor named as people name it."""

from __future__ import annotations

import pytest

import alliances
from alliances import ScenarioError
from alliances.events import loads_mapping

_ACTORS = """\
scenario: T
actors:
  - {id: assad, name: Assad government, label: Assad, kind: state, aliases: [Damascus]}
  - {id: iran, name: Iran, kind: state, aliases: [Tehran]}
  - {id: iraq, name: Iraq, kind: state, aliases: [Tehran]}
"""


def _problems(text: str) -> list[str]:
    with pytest.raises(ScenarioError) as info:
        alliances.loads(text, filename="s.yaml")
    return [str(p) for p in info.value.problems]


@pytest.mark.parametrize(("text", "line", "bracket"), [
    (_ACTORS + "relations:\n  - actors: [assad, iran\n    stance: ally\n", 7, "["),
    (_ACTORS + "relations:\n  - {actors: [assad, iran], stance: ally\n  - {actors: [assad, iraq], stance: ally}\n", 7, "{"),
    ("scenario: T\nactors:\n  - {id: a, name: A, kind: state, theaters: [x\n  - {id: b, name: B, kind: state}\n", 3, "["),
])
def test_an_unclosed_bracket_is_reported_where_it_opens(text, line, bracket):
    (problem,) = _problems(text)
    assert problem.startswith(f"s.yaml:{line}: YAML syntax error: the '{bracket}' opened on this line")
    assert "is not closed" in problem


def test_the_same_holds_for_mapping_files():
    with pytest.raises(ScenarioError) as info:
        loads_mapping("names:\n  X: assad\npatterns: [{regex: x, actor: hts}\ncodes: {}\n", filename="m.yaml")
    assert str(info.value.problems[0]).startswith("m.yaml:3: YAML syntax error: the '[' opened on this line")


def test_a_relation_naming_an_actor_by_alias_or_misspelt_id_gets_a_suggestion():
    text = _ACTORS + ("relations:\n  - {actors: [damascus, iran], stance: ally}\n"
                      "  - {actors: [irn, assad], stance: enemy}\n  - {actors: [tehran, assad], stance: ally}\n")
    assert _problems(text) == [
        "s.yaml:7: unknown actor 'damascus' (did you mean 'assad'? 'damascus' is its name, label or alias; "
        "relations use ids)",
        "s.yaml:8: unknown actor 'irn' (did you mean 'iran'?)",
        "s.yaml:9: unknown actor 'tehran' (it names 2 actors: iran, iraq; relations use ids)",
    ]
