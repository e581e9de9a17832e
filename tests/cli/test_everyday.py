"""Small things an analyst meets every day: whole help summaries, the model diagram without a file,
what-if titles, how to read the centrality table, JSON floats without arithmetic noise."""

from __future__ import annotations

import inspect
import json
import re

import alliances
from alliances.cli import app
from alliances.cli._common import emit_json
from tests._paths import SEED
from tests.cli._run import run


def test_help_shows_every_summary_whole_within_80_columns(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # even on a wide terminal, the help stays within 80 columns
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "..." not in out.split("Commands:")[1]
    flat = " ".join(out.split())
    for info in app.registered_commands:
        first = inspect.cleandoc(info.callback.__doc__ or "").split("\n\n")[0]
        assert " ".join(first.split()) in flat, first


def test_draw_model_needs_no_scenario(tmp_path, capsys):
    out = tmp_path / "model.svg"
    code, _, err = run(capsys, "draw", "--kind", "model", "-o", out)
    assert code == 0, err
    assert out.read_bytes().startswith(b"<?xml") and err.startswith(f"wrote {out} (model, ")
    code, _, err = run(capsys, "draw", "--kind", "matrix", "-o", tmp_path / "m.svg")
    assert code == 2 and "give its FILE" in err and not (tmp_path / "m.svg").exists()


def test_what_if_network_figure_and_table_say_what_changed(tmp_path, capsys):
    net = alliances.load(SEED)
    after = alliances.what_if(net, set=[("assad", "us_coalition", "enemy")], drop=["Moscow"],
                              add_theater=[("iran", "raqqa")])
    assert after.scenario == ("Syria, Deir al-Zor offensive, what if Assad - US coalition enemy; Iran also in Raqqa; "
                              "without Russia")
    assert alliances.what_if(net).scenario == net.scenario  # no change, no new title
    fig = alliances.draw_network(after)
    texts = [t.get_text() for t in fig.findobj(lambda o: hasattr(o, "get_text"))]
    assert any("what if Assad - US coalition enemy" in t for t in texts)
    code, out, err = run(capsys, "risk", SEED, "--set", "assad", "us_coalition", "enemy", "--top", "3")
    assert code == 0, err
    assert "what if Assad - US coalition enemy: risk changes, the" in " ".join(out.split())


def test_centrality_table_says_how_to_read_it(capsys):
    code, out, _ = run(capsys, "balance", SEED)
    assert code == 0
    flat = " ".join(out.split())
    table_at = flat.index("Signed centrality (PN index")
    assert flat.index("How to read it: + and - count friendly and hostile ties; PN above 1") > table_at


def _floats(data):
    if isinstance(data, float):
        yield data
    elif isinstance(data, dict):
        for v in data.values():
            yield from _floats(v)
    elif isinstance(data, list):
        for v in data:
            yield from _floats(v)


def test_json_floats_have_at_most_12_significant_digits(capsys):
    emit_json({"x": 0.5366678500000001, "y": [0.1 + 0.2]})
    assert json.loads(capsys.readouterr().out) == {"x": 0.53666785, "y": [0.3]}
    for args in (("risk", SEED, "--json"), ("risk", SEED, "--pair", "Assad", "Iran", "--json"),
                 ("balance", SEED, "--json")):
        code, out, _ = run(capsys, *args)
        assert code == 0
        floats = list(_floats(json.loads(out)))
        assert floats
        for f in floats:
            digits = re.sub(r"e.*|[-.]", "", repr(f)).strip("0")
            assert len(digits) <= 12, (args[0], f)
