"""The risk-model file: validation with file:line messages, pgmpy conversion, and export."""

import re
import warnings
from pathlib import Path

import numpy as np
import pytest
import yaml

import alliances
from alliances.errors import ModelFileError, OutputError
from alliances.risk import SAVE_FORMATS, RiskModel, load_risk_model, loads_risk_model, resolve_model
from tests.risk._cases import small_model_text

DEFAULT = Path(alliances.__file__).parent / "risk" / "default_model.yaml"


def test_default_model_is_read_once():
    assert load_risk_model() is load_risk_model()
    assert resolve_model(None) is load_risk_model()


def test_resolve_model(small_model, small_model_path):
    assert resolve_model(small_model) is small_model
    from_file = resolve_model(small_model_path)
    assert isinstance(from_file, RiskModel) and from_file.source == str(small_model_path)
    assert list(from_file.nodes) == list(small_model.nodes)
    with pytest.raises(ModelFileError, match="cannot read|no such|does not exist|not found"):
        resolve_model(small_model_path.parent / "missing.yaml")


def test_load_from_path_equals_default():
    m = load_risk_model(DEFAULT)
    d = load_risk_model()
    assert list(m.nodes) == list(d.nodes)
    for n in m.nodes:
        assert np.array_equal(m.nodes[n].table, d.nodes[n].table)


def test_pgmpy_conversion_is_consistent():
    bn = load_risk_model().to_pgmpy()
    assert bn.check_model()
    assert set(bn.latents) == {"alignment", "hostility", "opportunity"}
    cpd = bn.get_cpds("clash")
    assert cpd.state_names["clash"] == ["no", "yes"]
    assert cpd.get_value(clash="yes", hostility="high", opportunity="high", fighting="high",
                         backing="none") == pytest.approx(0.95)


def test_many_problems_at_once(tmp_path):
    text = """\
version: 1
nodes:
  - id: stance
    states: [ally, friendly, neutral, ambivalent, rival, enemy, unknown]
    p: [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.5]
    rationale: r
    reference: x
  - id: stance
    states: [a, b]
  - id: implied
    states: [negative, zero, positiv]
    p: [0.2, 0.6, 0.2]
    rationale: r
    reference: x
  - id: hostility
    states: [low, high]
    parents: [stance, opportunty]
    rationale: r
    reference: x
    table: []
  - id: clash
    states: [no, yes]
    parents: [stance]
    rationale: r
    reference: x
    colour: red
    table:
      - {given: [ally], p: [0.9, 0.1]}
      - {given: [ally], p: [0.9, 0.1]}
      - {given: [foe], p: [0.9, 0.1]}
      - {given: [enemy], p: [0.9, 1.2]}
"""
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(ModelFileError) as info:
        load_risk_model(path)
    msgs = [str(p) for p in info.value.problems]
    f = str(path)
    assert f"{f}:5: p of node 'stance' sums to 1.1, not 1" in msgs
    assert any(m.startswith(f"{f}:8: duplicate node id 'stance' (first at line 3)") for m in msgs)
    assert any(m.startswith(f"{f}:11: states of factor 'implied' must be exactly") for m in msgs)
    assert f"{f}:17: node 'hostility' has unknown parent 'opportunty'" in msgs
    assert any(m.startswith(f"{f}:26: unknown field 'colour'") for m in msgs)
    assert any(m.startswith(f"{f}:29: node 'clash' has two rows for given [ally]") for m in msgs)
    assert any(m.startswith(f"{f}:30: unknown state 'foe'") for m in msgs)
    assert any(m.startswith(f"{f}:31:") and "1.2 is not a probability" in m for m in msgs)
    lines = [p.line or 0 for p in info.value.problems]
    assert lines == sorted(lines)


@pytest.mark.parametrize(("text", "message"), [
    ("", "empty file"),
    ("nodes: [\n", "YAML syntax error"),
    ("nodes: []\n", "the model needs an outcome node 'clash'"),
    ("nodes:\n  - &x {id: clash}\n", "YAML anchor"),
])
def test_small_problems(text, message):
    with pytest.raises(ModelFileError, match=message):
        loads_risk_model(text, filename="m.yaml")


def test_cycle_and_missing_rows():
    text = small_model_text().replace("  - id: shared_enemy\n    states: [no, yes]\n    p: [0.7, 0.3]\n",
                                      "  - id: shared_enemy\n    states: [no, yes]\n    parents: [clash]\n"
                                      "    table:\n      - {given: ['no'], p: [0.5, 0.5]}\n")
    with pytest.raises(ModelFileError) as info:
        loads_risk_model(text, filename="m.yaml")
    assert "cycle" in str(info.value)
    rows_cut = "\n".join(small_model_text().splitlines()[:-3]) + "\n"
    with pytest.raises(ModelFileError, match=r"table of node 'clash' lacks 3 row\(s\)"):
        loads_risk_model(rows_cut, filename="m.yaml")


def test_user_model_without_latents(small_model_path):
    m = load_risk_model(small_model_path)
    assert m.latents == () and m.factors == ("stance", "shared_enemy")
    assert m.edges == [("stance", "clash"), ("shared_enemy", "clash")]
    assert m.nodes["clash"].table.shape == (2, 14)
    # pgmpy's column order: the first parent varies slowest
    assert m.nodes["clash"].table[1, :2].tolist() == [0.05, 0.02]


def test_structure_has_the_arrows_and_no_cpds(model):
    bn = model.structure()
    assert list(bn.nodes) == list(model.nodes)
    assert sorted(bn.edges) == sorted(model.edges)
    assert bn.get_cpds() == [] and set(bn.latents) == set(model.latents)
    assert model.structure(mark_latents=False).latents == set()


def test_to_dict_round_trips(model):
    again = loads_risk_model(yaml.safe_dump(model.to_dict(), sort_keys=False), filename="again.yaml")
    assert list(again.nodes) == list(model.nodes)
    for n, node in model.nodes.items():
        assert np.allclose(again.nodes[n].table, node.table, atol=1e-12)
        assert (again.nodes[n].states, again.nodes[n].parents) == (node.states, node.parents)


def test_with_tables_checks_shapes(model):
    with pytest.raises(ValueError, match="shape"):
        model.with_tables({"clash": np.ones((2, 2)) / 2})
    same = model.with_tables({})
    assert same is not model and same.name == model.name


@pytest.mark.parametrize("ext", [".xdsl", ".net", ".bif", ".xmlbif", ".yaml"])
def test_export_formats(tmp_path, ext):
    m = load_risk_model()
    out = tmp_path / f"model{ext}"
    kind = m.save(out)
    assert out.exists() and kind
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary left behind
    if ext == ".yaml":
        again = load_risk_model(out)
        for n in m.nodes:
            assert np.allclose(again.nodes[n].table, m.nodes[n].table)
            assert again.nodes[n].rationale == m.nodes[n].rationale
    elif ext == ".xdsl":
        order = re.findall(r'<cpt id="([a-z_]+)"', out.read_text())
        assert sorted(order) == sorted(m.nodes)
        for parent, child in m.edges:  # GeNIe reads parents before children
            assert order.index(parent) < order.index(child)
        assert "latent" not in out.read_text()
    elif ext in (".bif", ".xmlbif"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from pgmpy.readwrite import BIFReader, XMLBIFReader
        reader = BIFReader(str(out)) if ext == ".bif" else XMLBIFReader(str(out))
        bn = reader.get_model()
        got = bn.get_cpds("clash")
        assert got.get_value(clash="yes", hostility="high", opportunity="low", fighting="low",
                             backing="none") == pytest.approx(0.475)


def test_export_errors(tmp_path):
    with pytest.raises(OutputError, match=r"unknown extension '\.json' \(use \.xdsl, \.net, .* or \.yml\)"):
        load_risk_model().save(tmp_path / "m.json")
    with pytest.raises(OutputError, match="does not exist"):
        load_risk_model().save(tmp_path / "nope" / "m.bif")
    assert list(tmp_path.iterdir()) == []
    assert load_risk_model().save(tmp_path / "M.XDSL") == SAVE_FORMATS[".xdsl"]  # any case


def test_a_model_of_the_earlier_release_is_told_about_implied(model, tmp_path):
    path = tmp_path / "old.yaml"
    model.save(path)
    old = path.read_text(encoding="utf-8").replace("id: implied", "id: balance")
    with pytest.raises(ModelFileError, match="the factor 'balance' is now 'implied'"):
        load_risk_model_text(old)


def test_horizon_is_read_written_and_optional(model, tmp_path):
    assert model.outcome_label == model.horizon == (
        "P(at least one direct armed clash between the two in the next month)")
    model.save(tmp_path / "m.yaml")
    again = load_risk_model(tmp_path / "m.yaml")
    assert again.horizon == model.horizon and again.with_tables({}).horizon == model.horizon
    text = (tmp_path / "m.yaml").read_text(encoding="utf-8")
    bare = load_risk_model_text(text.replace(f"horizon: {model.horizon}\n", ""))
    assert bare.horizon is None and bare.outcome_label == "P(clash), horizon not stated by the model"
    with pytest.raises(ModelFileError, match="horizon"):
        load_risk_model_text(text.replace(f"horizon: {model.horizon}", "horizon: [a, b]"))


def load_risk_model_text(text):
    from alliances.risk import loads_risk_model

    return loads_risk_model(text, filename="m.yaml")
