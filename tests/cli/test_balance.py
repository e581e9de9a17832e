"""``alliances balance``: the Syrian picture in words, the JSON keys, CSV input, bad input."""

from __future__ import annotations

import json

import pytest

from tests._paths import DATA, SEED
from tests.cli._run import run

SYRIA = str(SEED)


def test_syria_text_explains_the_picture(capsys):
    code, out, err = run(capsys, "balance", SYRIA)
    assert code == 0, err
    text = " ".join(out.split())  # undo the terminal's line wrapping
    assert ("Assad government, Islamic State and US-led coalition form an all-negative triad (three mutual "
            "enemies): weakly balanced (Davis 1967) but not strictly balanced (Cartwright & Harary 1956).") in text
    assert ("russia - us_coalition: likely rival: russia is an ally of assad, who is a rival of us_coalition"
            in text)
    assert "Frustration index (Harary 1959): 2 tie(s) (proven minimal)" in text
    assert "No ambivalent ties" in text


def test_syria_json_keys_and_order(capsys):
    code, out, _ = run(capsys, "balance", SYRIA, "--json")
    assert code == 0
    data = json.loads(out)
    for key in ("census", "triangles", "strict_balance", "weak_balance", "walk_balance", "unbalanced_triads",
                "frustration", "factions", "implied", "centrality", "ambivalent"):
        assert key in data, key
    assert data["triangles"] == {"+++": 4, "++-": 0, "+--": 10, "---": 4}
    assert data["weak_balance"] == 1.0 and 0 < data["strict_balance"] < 1
    fr = data["frustration"]
    assert set(fr) >= {"index", "weighted_index", "optimal", "partition", "frustrated_edges"}
    assert fr["index"] == 2 and fr["optimal"] is True
    assert all(a < b for a, b in fr["frustrated_edges"])
    assert fr["frustrated_edges"] == sorted(fr["frustrated_edges"])
    for camps in (fr["partition"], data["factions"]):
        assert all(c == sorted(c) for c in camps)
        assert [len(c) for c in camps] == sorted((len(c) for c in camps), reverse=True)
    implied = data["implied"]
    assert all(r["a"] < r["b"] for r in implied)
    assert [(r["a"], r["b"]) for r in implied] == sorted((r["a"], r["b"]) for r in implied)
    ru = next(r for r in implied if (r["a"], r["b"]) == ("russia", "us_coalition"))
    assert ru["stance"] == "rival" and ru["score"] == -0.5 and ru["via"] == ["assad"]
    assert set(ru) == {"a", "b", "stance", "score", "via", "reason", "conflicting"}
    triad = {"actors": ["assad", "islamic_state", "us_coalition"], "signs": "---", "type": "---",
             "weakly_balanced": True}
    assert triad in data["unbalanced_triads"]
    assert data["ambivalent"]["count"] == 0
    assert {r["actor"] for r in data["centrality"]} == {"assad", "iran", "russia", "hezbollah", "us_coalition",
                                                         "islamic_state", "syrian_rebels", "shiite_militias"}
    assert "NaN" not in out and "Infinity" not in out


def test_strict_option_changes_the_rule(capsys):
    _, out, _ = run(capsys, "balance", SYRIA, "--json", "--strict")
    data = json.loads(out)
    assert data["implied_rule"] == "strict"
    pairs = {(r["a"], r["b"]): r for r in data["implied"]}
    assert pairs[("syrian_rebels", "us_coalition")]["stance"] == "ally"  # two shared enemies
    assert pairs[("russia", "us_coalition")]["conflicting"] is True


def test_k_and_fast(capsys):
    code, out, _ = run(capsys, "balance", SYRIA, "--json", "--k", "2", "--fast")
    assert code == 0
    data = json.loads(out)
    assert len(data["factions"]) <= 2
    assert data["frustration"]["index"] >= 2


def test_csv_of_signed_edges(capsys):
    code, out, _ = run(capsys, "balance", DATA / "highland_tribes.csv", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["triangles"] == {"+++": 19, "++-": 2, "+--": 40, "---": 7}
    assert data["frustration"]["index"] == 7


def test_ambivalent_ties_reported_apart(tmp_path, capsys):
    f = tmp_path / "amb.csv"
    f.write_text("source,target,sign\na,b,1\nb,c,-1\na,c,-1\nc,e,1\na,d,1\nd,c,ambivalent\nd,e,ambivalent\n")
    code, out, _ = run(capsys, "balance", str(f))
    assert code == 0
    text = " ".join(out.split())
    assert "2 ambivalent tie(s) left out" in text
    assert "Read as positive, they would change the camps" in text
    assert "Read as negative, they would leave the camps as they are" in text


def test_bad_csv_lists_every_problem(tmp_path, capsys):
    f = tmp_path / "bad.csv"
    f.write_text("source,target,sign\na,b,1\nb,b,-1\nc,d,maybe\nb,a,-1\n")
    code, out, err = run(capsys, "balance", str(f))
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert lines == [
        f"{f}:3: a tie of 'b' with itself",
        f"{f}:4: sign 'maybe' is not one of 1, -1, 0, +, - or a stance name",
        f"{f}:5: the pair b - a is already given on line 2",
    ]


@pytest.mark.parametrize("args", [["balance", "missing.yaml"], ["balance", SYRIA, "--k", "0"]])
def test_usage_errors_exit_2(capsys, args):
    code, _, _ = run(capsys, *args)
    assert code == 2


def test_against_chance_in_words_and_json(capsys):
    code, out, err = run(capsys, "balance", SYRIA, "--draws", "200", "--seed", "3")
    assert code == 0, err
    text = " ".join(out.split())
    assert "Against chance (the same ties with their signs shuffled, 200 draws; Szell, Lambiotte & Thurner 2010):" in text
    assert text.count("of sign shufflings (p = ") == 3
    code, out, _ = run(capsys, "balance", SYRIA, "--json", "--draws", "200", "--seed", "3")
    chance = json.loads(out)["chance"]
    for key in ("census", "walk_balance", "frustration"):
        m = chance[key]
        assert {"expected", "z_score", "p_value"} <= set(m) and 0 < m["p_value"] <= 1
        assert f"(p = {m['p_value']:.2g})" in text
    assert chance["census"]["draws"] == 200 and chance["frustration"]["draws"] == 20 and chance["seed"] == 3
    _, again, _ = run(capsys, "balance", SYRIA, "--json", "--draws", "200", "--seed", "3")
    assert again == out  # same seed, same bytes


def test_no_draws_no_comparison(capsys):
    _, out, _ = run(capsys, "balance", SYRIA, "--draws", "0")
    assert "Against chance" not in out
    _, out, _ = run(capsys, "balance", SYRIA, "--json", "--draws", "0")
    assert json.loads(out)["chance"] is None


def test_k_that_leaves_camps_empty_says_why(capsys):
    code, out, _ = run(capsys, "balance", SYRIA, "--k", "4", "--draws", "0")
    assert code == 0
    assert "4 camps allowed, 3 used: 3 camps already reach criterion 0, so more could only be empty." in " ".join(
        out.split())
    _, out, _ = run(capsys, "balance", SYRIA, "--k", "4", "--draws", "0", "--json")
    detail = json.loads(out)["factions_detail"]
    assert detail["k"] == 3 and detail["k_max"] == 4 and detail["note"].startswith("4 camps allowed, 3 used")


@pytest.mark.parametrize(("k", "words"), [
    ("9", "--k 9: more factions than the network has actors (8); use --k 8 or less"),
    ("1000", "--k 1000: more factions than the network has actors (8); use --k 8 or less"),
])
def test_k_above_the_actors_is_refused_before_any_work(capsys, monkeypatch, k, words):
    import alliances.analysis

    def no_work(*args, **kwargs):
        raise AssertionError("the analysis ran")

    monkeypatch.setattr(alliances.analysis, "balance_report", no_work)
    code, out, err = run(capsys, "balance", SYRIA, "--k", k)
    assert (code, out) == (2, "") and err == f"alliances: {words}, or leave --k out to let the number be chosen\n"


def test_k_is_capped_and_the_cap_named(capsys, monkeypatch):
    from alliances.cli import _balance

    monkeypatch.setattr(_balance, "MAX_K", 3)
    code, out, err = run(capsys, "balance", SYRIA, "--k", "4")
    assert code == 2 and "--k 4: the most factions computed is 3; use --k 3 or less" in err
    code, out, _ = run(capsys, "balance", SYRIA, "--k", "3", "--json")
    assert code == 0 and json.loads(out)["factions_detail"]["k"] <= 3


def test_k_is_checked_on_csv_ties_too(capsys):
    code, _, err = run(capsys, "balance", DATA / "highland_tribes.csv", "--k", "17")
    assert code == 2 and "more factions than the network has actors (16)" in err


@pytest.mark.parametrize("value", ["inf", "nan", "-1", "soon"])
def test_time_limit_must_be_a_finite_number_of_seconds(capsys, value):
    code, out, err = run(capsys, "balance", SYRIA, "--time-limit", value)
    assert (code, out) == (2, "") and "--time-limit" in err



def test_draws_above_the_limit_name_the_option(capsys):
    """The library's limit, in the command line's words (it said ``draws must be ...``)."""
    code, out, err = run(capsys, "balance", SYRIA, "--draws", "100000000")
    assert (code, out) == (2, "") and err == "alliances: --draws 100000000: at most 1000000 sign shuffles\n"
