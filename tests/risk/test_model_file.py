"""The risk-model file: validation with file:line messages, pgmpy conversion, export, and fitting."""

import itertools
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import alliances
from alliances.errors import ModelFileError, OutputError
from alliances.risk._model_file import FACTORS, load_risk_model, loads_risk_model

DEFAULT = Path(alliances.__file__).parent / "risk" / "default_model.yaml"

SMALL = """\
version: 1
name: small
nodes:
  - id: stance
    states: [ally, friendly, neutral, ambivalent, rival, enemy, unknown]
    p: [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.4]
    rationale: r
    reference: x
  - id: shared_enemy
    states: [no, yes]
    p: [0.7, 0.3]
    rationale: r
    reference: x
  - id: clash
    states: ["no", "yes"]
    parents: [stance, shared_enemy]
    rationale: r
    reference: x
    table:
{rows}
"""


def small_model_text():
    rows = []
    for s, e in itertools.product(FACTORS["stance"], FACTORS["shared_enemy"]):
        y = round(0.05 + 0.1 * FACTORS["stance"].index(s) - (0.03 if e == "yes" else 0), 2)
        rows.append(f"      - {{given: [{s}, {e}], p: [{1 - y:.2f}, {y:.2f}]}}")
    return SMALL.format(rows="\n".join(rows))


def test_default_model_has_rationale_and_reference_everywhere():
    m = load_risk_model()
    assert m is load_risk_model()  # cached
    assert set(m.factors) == set(FACTORS)
    for node in m.nodes.values():
        assert node.rationale and node.reference
        assert np.allclose(node.table.sum(axis=0), 1.0)
        assert len(node.parents) <= 3 and len(node.states) <= 7
    assert ("hostility", "clash") in m.edges
    text = DEFAULT.read_text()
    for ref in ("Bremer (1992)", "Li, Bradshaw, Clary & Cranmer (2017)", "Maoz, Terris, Kuperman & Talmud (2007)",
                "Hegre"):
        assert ref in text


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
    assert cpd.get_value(clash="yes", hostility="high", opportunity="high") == pytest.approx(0.7)


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
  - id: balance
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
    assert any(m.startswith(f"{f}:11: states of factor 'balance' must be exactly") for m in msgs)
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


def test_user_model_without_latents_runs(tmp_path):
    path = tmp_path / "small.yaml"
    path.write_text(small_model_text())
    m = load_risk_model(path)
    assert m.latents == ()
    net = alliances.load("seeds/syria_2017.yaml")
    df = alliances.conflict_risk(net, model=path)
    assert list(df.columns) == ["a", "b", "stance", "shared_enemy", "p_clash"]
    # with hard evidence the answer is the table entry itself
    row = df[(df["a"] == "assad") & (df["b"] == "russia")].iloc[0]
    assert row["p_clash"] == pytest.approx(0.05 - 0.03)


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
        import re

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
        assert got.get_value(clash="yes", hostility="high", opportunity="low") == pytest.approx(0.35)


def test_export_errors(tmp_path):
    with pytest.raises(OutputError, match="extension"):
        load_risk_model().save(tmp_path / "m.json")
    with pytest.raises(OutputError, match="does not exist"):
        load_risk_model().save(tmp_path / "nope" / "m.bif")


# --------------------------------------------------------------------------- fitting
def _p_table(model):
    comp = model.compiled()
    out = []
    for combo in itertools.product(*[range(len(FACTORS[f])) for f in comp.others]):
        J = comp.joint(combo)
        out.append(J[1] / J.sum(axis=0))
    return np.array(out)


def test_fit_with_latents_approaches_truth():
    prior = load_risk_model()
    truth = prior.with_tables({"clash": np.array([[0.98, 0.90, 0.90, 0.60, 0.50, 0.15],
                                                  [0.02, 0.10, 0.10, 0.40, 0.50, 0.85]])}, name="truth")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pgmpy 1.1.2 simulate uses a pandas keyword pandas 3 deprecates
        data = truth.to_pgmpy().simulate(2500, seed=7, show_progress=False)
    obs = data[[*prior.factors, "clash"]]
    fitted = alliances.fit_risk_model(obs, prior=prior, pseudo_count=20, max_iter=4)
    err_fit = np.abs(_p_table(fitted) - _p_table(truth)).mean()
    err_prior = np.abs(_p_table(prior) - _p_table(truth)).mean()
    assert err_fit < err_prior / 3
    assert err_fit < 0.03
    assert list(fitted.nodes) == list(prior.nodes)
    assert fitted.nodes["hostility"].rationale == prior.nodes["hostility"].rationale


def test_fit_without_latents_is_dirichlet_posterior_mean(tmp_path):
    path = tmp_path / "small.yaml"
    path.write_text(small_model_text())
    prior = load_risk_model(path)
    obs = pd.DataFrame({
        "stance": ["enemy"] * 6 + ["ally"] * 4,
        "shared_enemy": ["no"] * 10,
        "clash": [True, True, True, True, False, False, False, False, False, True],
    })
    fitted = alliances.fit_risk_model(obs, prior=prior, pseudo_count=10)
    col = list(itertools.product(FACTORS["stance"], FACTORS["shared_enemy"])).index(("enemy", "no"))
    y0 = prior.nodes["clash"].table[1, col]
    assert fitted.nodes["clash"].table[1, col] == pytest.approx((4 + 10 * y0) / (6 + 10))
    # a root: (count + pseudo * prior) / (n + pseudo)
    k = FACTORS["stance"].index("ally")
    assert fitted.nodes["stance"].table[k, 0] == pytest.approx((4 + 10 * 0.1) / (10 + 10))


def test_fit_rejects_bad_observations():
    obs = pd.DataFrame({"stance": ["foe"], "clash": ["yes"]})
    with pytest.raises(alliances.ScenarioError) as info:
        alliances.fit_risk_model(obs)
    assert "missing column(s)" in str(info.value)
    full = pd.DataFrame({"stance": ["foe"], "balance": ["zero"], "shared_enemy": ["no"],
                         "opposed_backers": ["no"], "common_theater": ["no"], "clash": ["yes"]})
    with pytest.raises(alliances.ScenarioError, match="unknown state"):
        alliances.fit_risk_model(full)
