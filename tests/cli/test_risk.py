"""``alliances risk``: table, --json, --pair, what-if options, --model, --export-model, errors."""

from __future__ import annotations

import json

import pytest

import alliances
from tests._paths import SEED
from tests.cli._run import run


def test_json_every_pair_matches_api(capsys):
    code, out, err = run(capsys, "risk", SEED, "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    df = alliances.conflict_risk(alliances.load(SEED))
    assert len(data["pairs"]) == len(df) == 28
    first = data["pairs"][0]
    assert set(first) == {"a", "b", "stance", "p_clash", "factors"}
    assert first["a"] < first["b"]
    assert first["factors"]["stance"] == first["stance"]
    assert [(p["a"], p["b"]) for p in data["pairs"]] == list(zip(df["a"], df["b"], strict=True))
    assert [p["p_clash"] for p in data["pairs"]] == pytest.approx(df["p_clash"].tolist())


def test_table_top(capsys):
    code, out, err = run(capsys, "risk", SEED, "--top", "3")
    assert code == 0
    assert "top 3 of 28 pairs" in out
    assert "islamic_state" in out


def test_pair_json_and_table(capsys):
    code, out, _ = run(capsys, "risk", SEED, "--pair", "us_coalition", "assad", "--json")
    assert code == 0
    pair = json.loads(out)["pair"]
    assert (pair["a"], pair["b"]) == ("assad", "us_coalition")
    assert {"sentence", "factors", "tornado", "mutual_information", "p_clash", "rank"} <= set(pair)
    assert pair["tornado"][0]["factor"] == "fighting"  # stated "past": the largest swing
    assert pair["horizon"] == "P(at least one direct armed clash between the two in the next month)"
    code, out, _ = run(capsys, "risk", SEED, "--pair", "assad", "us_coalition")
    assert code == 0 and "ranks" in out and "tornado" not in out.lower()
    assert out.startswith("Assad - US coalition ranks") and "Assad - US coalition: factors" in out
    code, out, _ = run(capsys, "risk", SEED, "--pair", "hezbollah", "us_coalition")
    assert code == 0 and "islamic_state" not in out and "(IS)" in out


def test_pair_tables_titles_fit_an_80_column_terminal(capsys, monkeypatch):
    # the tornado's title had carried the horizon and wrapped over three lines above a 50-column table
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, "risk", SEED, "--pair", "russia", "us_coalition")
    assert code == 0
    lines = out.splitlines()
    title = next(k for k, line in enumerate(lines) if line.startswith("Each factor changed alone"))
    assert "(now P(clash) = 0.0" in lines[title] and lines[title + 1].lstrip().startswith("┏")
    assert max(len(line.rstrip()) for line in lines) <= 80


def test_what_if_json(capsys):
    code, out, _ = run(capsys, "risk", SEED, "--set", "assad", "us_coalition", "enemy",
                       "--drop", "syrian_rebels", "--add-theater", "russia", "euphrates_valley", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["changes"] == {"set": [["assad", "us_coalition", "enemy"]], "drop": ["syrian_rebels"],
                               "add_theater": [["russia", "euphrates_valley"]]}
    top = next(p for p in data["pairs"] if (p["a"], p["b"]) == ("assad", "us_coalition"))
    assert top["p_after"] > top["p_before"] and top["stance_after"] == "enemy" and top["status"] == "changed"
    assert data["pairs"][0]["status"] == "changed" and "stance" in top["moved"]
    assert data["horizon"] == "P(at least one direct armed clash between the two in the next month)"
    assert all(set(u) == {"a", "b", "factors", "why"} for u in data["unmoved"])
    gone = [p for p in data["pairs"] if "syrian_rebels" in (p["a"], p["b"])]
    assert len(gone) == 7 and {p["status"] for p in gone} == {"removed"}
    assert all(p["p_after"] is None and p["change"] is None and p["stance_after"] is None for p in gone)
    assert all(p["p_before"] is not None for p in gone)
    assert data["summary"] == {k: sum(p["status"] == k for p in data["pairs"])
                               for k in ("changed", "removed", "added", "unchanged")}
    assert sum(data["summary"].values()) == 28
    changes = [abs(p["change"]) for p in data["pairs"] if p["status"] == "changed"]
    assert changes == sorted(changes, reverse=True)
    assert "NaN" not in out


def test_drop_says_what_went_away(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, "risk", SEED, "--drop", "russia")
    assert code == 0
    text = " ".join(out.split())
    assert "Dropping Russia removes its 7 pairs: Assad - Russia," in text
    assert "Russia - US coalition." in text
    assert "Of the 21 pairs in both networks," in text
    assert "changed risk" in text


def test_table_fits_80_columns(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, "risk", SEED, "--top", "28")
    assert code == 0
    lines = out.splitlines()
    assert max(len(x.rstrip()) for x in lines) <= 80
    assert "\u2026" not in out  # nothing cut off
    flat = " ".join(out.split())
    assert "impl: what the rest" in flat and "s.e.: shared enemy" in flat and "?: not observed" in flat
    assert "one_side" not in out and " -- " in out
    code, out, _ = run(capsys, "risk", SEED, "--top", "3", "--wide")
    assert code == 0 and "one_side" in out and "shared enemy" in out and "\u2026" not in out
    code, out, _ = run(capsys, "risk", SEED, "--set", "assad", "us_coalition", "enemy", "--drop", "syrian_rebels")
    assert code == 0 and max(len(x.rstrip()) for x in out.splitlines()) <= 80 and "\u2026" not in out


def test_what_if_with_pair(capsys):
    code, out, _ = run(capsys, "risk", SEED, "--set", "assad", "us_coalition", "ally",
                       "--pair", "assad", "us_coalition", "--json")
    data = json.loads(out)
    assert code == 0 and data["pair"]["p_clash"] < data["pair"]["p_before"]
    code, out, _ = run(capsys, "risk", SEED, "--set", "assad", "us_coalition", "ally")
    assert code == 0 and "rival -> ally" in out


@pytest.mark.parametrize(("args", "message"), [
    (["--set", "assad", "us_coalition", "foe"], "unknown stance 'foe'"),
    (["--set", "assad", "us_coalition"], "--set needs 3 values"),
    (["--add-theater", "assad"], "--add-theater needs 2 values"),
    (["--drop", "asad"], "did you mean 'assad'"),
    (["--pair", "assad", "usa"], "unknown actor 'usa'"),
])
def test_usage_errors_exit_2(capsys, args, message):
    code, out, err = run(capsys, "risk", SEED, *args)
    assert code == 2 and out == ""
    assert message in err


def test_bad_model_file(capsys, tmp_path):
    bad = tmp_path / "m.yaml"
    bad.write_text("nodes:\n  - id: clash\n    states: [no, maybe]\n    rationale: r\n    reference: x\n")
    code, out, err = run(capsys, "risk", SEED, "--model", bad)
    assert code == 2 and out == ""
    assert f"{bad}:3: states of the outcome 'clash' must be exactly: no, yes" in err.splitlines()


def test_export_model(capsys, tmp_path):
    out_file = tmp_path / "risk.xdsl"
    code, out, err = run(capsys, "risk", SEED, "--export-model", out_file, "--json")
    assert code == 0
    assert out_file.read_text().lstrip().startswith("<?xml")
    assert "wrote" in err and json.loads(out)["pairs"]
    code, _, err = run(capsys, "risk", SEED, "--export-model", tmp_path / "risk.txt")
    assert code == 2 and "extension" in err


def test_what_if_mistakes_are_named_by_option_all_at_once(capsys):
    code, out, err = run(capsys, "risk", SEED, "--set", "assad", "assad", "enemy", "--set", "assad", "iran", "ENEMY",
                         "--drop", "asad", "--add-theater", "rusia", "deir_al_zor")
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "--add-theater rusia deir_al_zor: unknown actor 'rusia' (did you mean 'russia'?)",
        "--drop asad: unknown actor 'asad' (did you mean 'assad'?)",
        "--set assad assad enemy: an actor cannot have a relation with itself ('assad')",
        "--set assad iran ENEMY: unknown stance 'ENEMY' (expected one of: ally, friendly, neutral, ambivalent, rival, "
        "enemy, unknown) (did you mean 'enemy'?)",
    ]
    assert "<string>" not in err


def test_stance_names_are_lowercase_as_in_files(capsys):
    for stance in ("Enemy", "ALLY", "Unknown"):
        code, _, err = run(capsys, "risk", SEED, "--set", "assad", "iran", stance)
        assert code == 2 and f"unknown stance '{stance}'" in err and f"(did you mean '{stance.lower()}'?)" in err
    code, _, _ = run(capsys, "risk", SEED, "--set", "assad", "iran", "unknown")
    assert code == 0


def test_json_of_every_pair_is_written_as_it_is_made(capsys, monkeypatch):
    import alliances.report

    pieces = []
    real = alliances.report.risk_json_chunks

    def counted(df, **kwargs):
        for piece in real(df, batch=5):
            pieces.append(piece)
            yield piece

    monkeypatch.setattr(alliances.report, "risk_json_chunks", counted)
    code, out, _ = run(capsys, "risk", SEED, "--json")
    data = json.loads(out)
    assert code == 0 and len(data["pairs"]) == 28
    assert list(data) == ["horizon", "pairs"]  # the model's horizon streams first, then the pairs with every factor
    assert data["horizon"] == "P(at least one direct armed clash between the two in the next month)"
    assert set(data["pairs"][0]["factors"]) == {"stance", "fighting", "implied", "shared_enemy", "backing",
                                                "common_theater"}
    assert len(pieces) == 2 + 6  # the opening, 28 pairs five at a time, the closing
    assert out == "".join(pieces) + "\n"


def test_every_pair_of_too_many_actors_is_refused_with_the_count(capsys, monkeypatch):
    from alliances.cli import _risk

    monkeypatch.setattr(_risk, "MAX_ALL_PAIRS_ACTORS", 5)
    code, out, err = run(capsys, "risk", SEED, "--json")
    assert (code, out) == (2, "")
    assert err == ("alliances: 8 actors make 28 pairs; alliances risk rates every pair of at most 5 actors (10 pairs): "
                   "explain one pair with --pair A B, or use a smaller scenario\n")
    code, out, _ = run(capsys, "risk", SEED, "--pair", "assad", "iran", "--json")
    assert code == 0 and json.loads(out)["pair"]["a"] == "assad"
