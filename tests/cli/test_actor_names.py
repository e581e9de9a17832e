"""Every command-line option that takes an actor takes its id, name, label or alias."""

from __future__ import annotations

import json

from tests._paths import SEED
from tests.cli._run import run
from tests.draw._scenarios import svg_texts

_AMBIGUOUS = """\
scenario: Kurds
actors:
  - {id: ypg, name: People's Protection Units, label: YPG, kind: militia, aliases: [Kurds]}
  - {id: pkk, name: Kurdistan Workers' Party, label: PKK, kind: armed_group, aliases: [Kurds]}
  - {id: turkey, name: Turkey, kind: state}
relations:
  - {actors: [ypg, turkey], stance: enemy}
  - {actors: [pkk, turkey], stance: enemy}
"""


def test_risk_pair_by_label_alias_and_mixed_case(capsys):
    code, out, err = run(capsys, "risk", SEED, "--pair", "Assad", "us  COALITION", "--json")
    assert code == 0, err
    by_name = json.loads(out)["pair"]
    code, out, _ = run(capsys, "risk", SEED, "--pair", "assad", "us_coalition", "--json")
    assert json.loads(out)["pair"] == by_name


def test_risk_what_if_by_label_and_alias_reports_ids(capsys):
    code, out, err = run(capsys, "risk", SEED, "--drop", "Moscow", "--set", "ISIS", "Rebels", "ally",
                         "--add-theater", "hizbollah", "raqqa", "--json")
    assert code == 0, err
    changes = json.loads(out)["changes"]
    assert changes == {"set": [["islamic_state", "syrian_rebels", "ally"]], "drop": ["russia"],
                       "add_theater": [["hezbollah", "raqqa"]]}
    code, out2, _ = run(capsys, "risk", SEED, "--drop", "russia", "--set", "islamic_state", "syrian_rebels", "ally",
                        "--add-theater", "hezbollah", "raqqa", "--json")
    assert json.loads(out2) == json.loads(out)


def test_risk_misspelt_and_unknown_names_all_reported(capsys):
    code, out, err = run(capsys, "risk", SEED, "--drop", "UAE", "--set", "Damaskus", "Iran", "enemy",
                         "--pair", "Asad", "Iran")
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert "--drop UAE: unknown actor 'UAE'" in lines
    assert "--set Damaskus Iran enemy: unknown actor 'Damaskus' (did you mean 'Damascus'?)" in lines


def test_risk_pair_misspelt(capsys):
    code, out, err = run(capsys, "risk", SEED, "--pair", "Asad", "Irn")
    assert code == 2 and out == ""
    assert err.splitlines() == ["--pair Asad Irn: unknown actor 'Asad' (did you mean 'Assad'?)",
                                "--pair Asad Irn: unknown actor 'Irn' (did you mean 'Iran'?)"]


def test_ambiguous_name_lists_candidates(tmp_path, capsys):
    path = tmp_path / "kurds.yaml"
    path.write_text(_AMBIGUOUS, "utf-8")
    code, out, err = run(capsys, "risk", path, "--drop", "kurds")
    assert code == 2 and out == ""
    assert err.strip() == ("--drop kurds: 'kurds' names 2 actors: pkk (Kurdistan Workers' Party), "
                           "ypg (People's Protection Units); give the id")
    code, out, err = run(capsys, "risk", path, "--drop", "YPG", "--json")
    assert code == 0 and json.loads(out)["changes"]["drop"] == ["ypg"]


def test_draw_tornado_pair_by_name(tmp_path, capsys):
    out = tmp_path / "t.svg"
    code, _, err = run(capsys, "draw", SEED, "--kind", "tornado", "--pair", "Moscow", "us coalition", "-o", out)
    assert code == 0, err
    assert "Russia \u2013 US coalition" in "".join(svg_texts(out))
    code, _, err = run(capsys, "draw", SEED, "--kind", "tornado", "--pair", "Moscow", "Washingtn", "-o",
                       tmp_path / "u.svg")
    assert code == 2 and "did you mean 'Washington'" in err
    assert not (tmp_path / "u.svg").exists()
