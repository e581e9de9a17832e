"""The one strict YAML reader: every file kind the package reads gets the same checks."""

import contextlib
import os
import threading

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import alliances
from alliances.errors import ModelFileError, ParameterError, ScenarioError
from alliances.events import loads_mapping
from alliances.readwrite import (
    DEFAULT_MAX_FILE_MB,
    MAX_DEPTH,
    MAX_FILE_ENV,
    StrictYamlReader,
    construct,
    is_blank,
    max_file_bytes,
    read_text_file,
)


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


# --------------------------------------------------------------------------- limits
KINDS = [
    (lambda t: alliances.loads(t, filename="f.yaml"), ScenarioError),
    (lambda t: alliances.risk.loads_risk_model(t, filename="f.yaml"), ModelFileError),
    (lambda t: loads_mapping(t, filename="f.yaml"), ScenarioError),
]
KIND_IDS = ["scenario", "risk model", "mapping"]
DEEP = {
    "flow": "scenario: " + "[" * 10_000 + "]" * 10_000 + "\n",
    "block": "scenario: x\nactors:\n" + "- " * 10_000 + "x\n",
    "mappings": "".join("  " * i + f"k{i}:\n" for i in range(5_000)) + "  " * 5_000 + "v\n",
}


@pytest.mark.parametrize("shape", sorted(DEEP))
@pytest.mark.parametrize(("read", "error"), KINDS, ids=KIND_IDS)
def test_deep_nesting_is_one_clean_problem_for_every_file_kind(read, error, shape):
    import alliances.risk  # noqa: F401  (the risk layer's public surface)

    with pytest.raises(error) as info:
        read(DEEP[shape])
    (problem,) = info.value.problems
    assert problem.file == "f.yaml" and problem.line is not None
    assert f"nested more than {MAX_DEPTH} levels deep" in problem.message


def _nested(levels: int) -> str:
    return "[" * levels + "x" + "]" * levels + "\n"


def test_nesting_up_to_the_limit_is_read_one_more_is_refused():
    r = StrictYamlReader("f.yaml")
    node, depth = r.compose(_nested(MAX_DEPTH)), 0
    while isinstance(node, yaml.SequenceNode):
        node, depth = node.value[0], depth + 1
    assert (depth, node.value, r.problems) == (MAX_DEPTH, "x", [])
    assert _problems(_nested(MAX_DEPTH + 1)) == (
        None, [f"f.yaml:1: lists and mappings nested more than {MAX_DEPTH} levels deep: the file never needs that many"])


@pytest.fixture
def limit_1mb(monkeypatch):
    monkeypatch.setenv(MAX_FILE_ENV, "1")
    return 1_000_000


def test_a_file_over_the_size_limit_is_refused_and_the_message_says_how_to_raise_it(tmp_path, limit_1mb):
    at_limit = tmp_path / "at.yaml"
    at_limit.write_bytes(b"notes: " + b"x" * (limit_1mb - 8) + b"\n")
    assert len(read_text_file(at_limit)) == limit_1mb
    over = tmp_path / "over.yaml"
    over.write_bytes(at_limit.read_bytes() + b"\n")
    with pytest.raises(ScenarioError) as info:
        alliances.load(over)
    assert str(info.value) == (
        f"{over}: the file is 1.0 MB, over the 1 MB limit for input files: "
        f"set {MAX_FILE_ENV} to a larger number of megabytes to read it")


def test_the_limit_covers_text_given_directly(limit_1mb):
    with pytest.raises(ScenarioError, match="over the 1 MB limit for input files"):
        alliances.loads("notes: " + "x" * limit_1mb)


@pytest.mark.parametrize("value", ["abc", "0", "-5", "nan", "inf"])
def test_a_bad_limit_setting_is_a_parameter_error(monkeypatch, value):
    monkeypatch.setenv(MAX_FILE_ENV, value)
    with pytest.raises(ParameterError, match=f"{MAX_FILE_ENV} must be a number of megabytes greater than 0"):
        alliances.loads("scenario: x\n")


def test_the_default_limit(monkeypatch):
    monkeypatch.delenv(MAX_FILE_ENV, raising=False)
    assert max_file_bytes() == DEFAULT_MAX_FILE_MB * 1_000_000


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_dev_zero_is_refused_after_the_limit_not_read_forever(limit_1mb):
    with pytest.raises(ScenarioError) as info:
        alliances.load("/dev/zero")
    assert str(info.value) == (
        f"/dev/zero: the file gave more than 1 MB (it is a device or a pipe), over the 1 MB limit for input "
        f"files: set {MAX_FILE_ENV} to a larger number of megabytes to read it")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_an_endless_pipe_is_refused_after_the_limit(tmp_path, limit_1mb):
    fifo = tmp_path / "endless.yaml"
    os.mkfifo(fifo)

    def write_forever():
        with contextlib.suppress(OSError), open(fifo, "wb") as out:
            while True:
                out.write(b"notes: more\n" * 1000)

    writer = threading.Thread(target=write_forever, daemon=True)
    writer.start()
    with pytest.raises(ScenarioError, match="gave more than 1 MB"):
        alliances.load(fifo)
    writer.join(timeout=10)
    assert not writer.is_alive()  # the reader closed the pipe: the writer got EPIPE


def test_a_small_pipe_is_read(tmp_path):
    fifo = tmp_path / "small.yaml"
    os.mkfifo(fifo)
    text = "scenario: X\nactors: [{id: a, name: A, kind: state}, {id: b, name: B, kind: state}]\n"
    writer = threading.Thread(target=lambda: fifo.write_text(text), daemon=True)
    writer.start()
    assert sorted(alliances.load(fifo).actors) == ["a", "b"]
    writer.join(timeout=10)


# --------------------------------------------------------------------------- streaming
def test_streamed_items_are_handed_over_in_order_and_not_kept():
    text = "items:\n  - a\n  - [b, c]\n  - {d: 1}\nother: [e]\nitems: [f]\n"
    got = []
    r = StrictYamlReader("f.yaml")
    root = r.compose(text, stream={"items": got.append, "missing": got.append})
    assert [n.start_mark.line + 1 for n in got] == [2, 3, 4]
    kinds = (yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode)
    assert all(isinstance(n, kind) for n, kind in zip(got, kinds, strict=True))
    assert r.streamed == {"items": 3}
    keys = [(k.value, v) for k, v in root.value]
    assert [k for k, _ in keys] == ["items", "other", "items"]
    assert keys[0][1].value == []  # handed over, not kept
    assert [n.value for n in keys[1][1].value] == ["e"]  # not a streamed key
    assert [n.value for n in keys[2][1].value] == ["f"]  # a second "items" is a duplicate, not streamed


def test_nodes_are_pyyaml_nodes_with_lines():
    r = StrictYamlReader("f.yaml")
    root = r.compose("a:\n  - 1\n  - x: y\n")
    seq = root.value[0][1]
    assert isinstance(root, yaml.MappingNode) and isinstance(seq, yaml.SequenceNode)
    assert [n.start_mark.line for n in seq.value] == [1, 2]
    assert (seq.value[0].tag, seq.value[0].value) == ("tag:yaml.org,2002:int", "1")
    assert construct(seq.value[0]) == 1


@given(st.text(alphabet=" \t\n\r#ax\x0c", max_size=30))
def test_is_blank_is_blank_lines_and_comments_only(text):
    expected = not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines())
    assert is_blank(text) == expected
