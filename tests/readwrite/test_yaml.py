"""The one strict YAML reader: every file kind the package reads gets the same checks."""

import pytest

import alliances
from alliances.errors import ModelFileError, ScenarioError
from alliances.events import loads_mapping
from alliances.readwrite import StrictYamlReader, is_blank


def _problems(text, **kw):
    r = StrictYamlReader("f.yaml", **kw)
    root = r.compose(text)
    return root, [str(p) for p in r.problems]


def test_anchor_alias_and_custom_tags_are_refused_with_lines():
    root, problems = _problems("a: &x 1\nb: *x\nc: !!python/object:os.system ls\n")
    assert root is None
    assert problems == [
        "f.yaml:1: YAML anchor '&x' is not allowed: write the value out",
        "f.yaml:2: YAML alias '*x' is not allowed: write the value out",
        "f.yaml:3: YAML tag 'tag:yaml.org,2002:python/object:os.system' is not allowed: the file holds plain data",
    ]


def test_empty_file_message_is_the_callers():
    assert _problems("# nothing\n\n", empty="empty file: say something") == (None, ["f.yaml: empty file: say something"])
    assert _problems("---\n", empty="empty") == (None, ["f.yaml: empty"])


def test_duplicate_keys_and_unknown_fields():
    r = StrictYamlReader("f.yaml")
    fields = r.mapping(r.compose("name: a\nnmae: b\nname: c\n"), "the file", {"name"}, ("name",))
    assert fields is not None and set(fields) == {"name"}
    assert [str(p) for p in r.problems] == [
        "f.yaml:2: unknown field 'nmae' in the file (did you mean 'name'?)",
        "f.yaml:3: duplicate key 'name' in the file (first at line 1)",
    ]


def test_yaml_11_surprises_are_reported_where_text_is_expected():
    r = StrictYamlReader("f.yaml")
    fields = r.mapping(r.compose("id: no\n"), "the file", {"id"}, ())
    assert r.text(fields["id"], "id") is None
    assert "YAML reads the unquoted 'no' as a boolean" in str(r.problems[0])


def test_syntax_error_has_its_line():
    _, problems = _problems("a: [1, 2\nb: 3\n")
    assert len(problems) == 1 and problems[0].startswith("f.yaml:") and "YAML syntax error" in problems[0]


def test_is_blank():
    assert is_blank("") and is_blank("  \n# c\n") and not is_blank("a: 1")


@pytest.mark.parametrize(
    "read, error",
    [
        (lambda t: alliances.loads(t, filename="f.yaml"), ScenarioError),
        (lambda t: alliances.risk.loads_risk_model(t, filename="f.yaml"), ModelFileError),
        (lambda t: loads_mapping(t, filename="f.yaml"), ScenarioError),
    ],
    ids=["scenario", "risk model", "mapping"],
)
def test_every_file_kind_refuses_aliases(read, error):
    import alliances.risk  # noqa: F401  (the risk layer's public surface)

    text = "names: &n {A: a}\ncodes: *n\n"
    with pytest.raises(error) as info:
        read(text)
    assert "f.yaml:1: YAML anchor '&n' is not allowed" in str(info.value)
