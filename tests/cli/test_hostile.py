"""Hostile text from files never reaches the terminal raw: every command that prints it escapes it.

A scenario title with an ANSI escape that clears the screen, names written as rich
markup (``[red]``, ``[link=...]``) or emoji codes, a YAML key with a newline that forges
a second problem line, a bidirectional override, a file name with an escape in it: the
output shows them as written, as ``\\x1b``, ``\\n``, ``\\u202e``..., one line per problem,
and JSON output keeps the text itself.
"""

from __future__ import annotations

import json
import unicodedata

import pytest

from tests._paths import DATA
from tests.cli._run import run

ESC = "\x1b[2J\x1b[H"
MARKUP = "[red]red[/red] [link=http://evil.example]click[/link] :warning:"

HOSTILE = r"""
scenario: "Evil \e[2J\e[H title [red]red[/red] [link=http://evil.example]click[/link] :warning:"
description: "line one\rline two \u202eevil"
theaters:
  - {id: t1, name: "Theater \x9b31m [bold]t[/bold]"}
actors:
  - {id: aa, name: "[red]Alpha[/red]\a", kind: state, theaters: [t1]}
  - {id: bb, name: "Beta\e]0;pwned\a", kind: militia}
  - {id: cc, name: "Gamma\nfake.yaml:1: forged", kind: other}
  - {id: dd, name: "Delta :warning:", kind: state}
relations:
  - {actors: [aa, bb], stance: enemy, kind: "war \e[31mred"}
  - {actors: [bb, cc], stance: ally}
  - {actors: [aa, cc], stance: rival}
  - {actors: [cc, dd], stance: enemy}
"""


def acted_on(char: str) -> bool:
    """A character a terminal acts on instead of showing (a newline ends a line: allowed)."""
    return char != "\n" and (unicodedata.category(char) in ("Cc", "Zl", "Zp")
                             or 0x202A <= ord(char) <= 0x202E or 0x2066 <= ord(char) <= 0x2069)


def flat(text: str) -> str:
    """The text with its line wrapping undone (rich wraps long lines at 80 columns)."""
    return " ".join(text.split())


def assert_safe(*texts: str) -> None:
    for text in texts:
        bad = sorted({f"U+{ord(c):04X}" for c in text if acted_on(c)})
        assert not bad, f"raw control characters {bad} in:\n{text}"


@pytest.fixture
def hostile(tmp_path):
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, "utf-8")
    return path


def test_show_escapes_title_names_and_notes_and_prints_markup_literally(capsys, hostile):
    code, out, err = run(capsys, "show", hostile)
    assert code == 0
    assert_safe(out, err)
    assert flat(out).startswith("Evil \\x1b[2J\\x1b[H title [red]red[/red] [link=http://evil.example]click[/link] "
                                ":warning: line one\\rline two \\u202eevil")
    assert "[red]Alpha[/red]" in out and "Delta :warning:" in out and "[bold]t[/bold]" in out
    assert "war \\x1b[31mred" in out and "\\x9b31m" in out
    # JSON keeps the text itself (json.dumps escapes what needs it)
    code, out, _ = run(capsys, "show", hostile, "--json")
    data = json.loads(out)
    assert data["scenario"].startswith("Evil \x1b[2J") and data["actors"][2]["name"] == "Gamma\nfake.yaml:1: forged"


def test_a_key_with_a_newline_cannot_forge_a_problem_line(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text('scenario: x\nactors: []\n"k\\nbad.yaml:1: all is fine\\e[2J": 1\n', "utf-8")
    code, out, err = run(capsys, "validate", bad)
    assert code == 2
    assert_safe(out, err)
    code, out, _ = run(capsys, "validate", bad, "--json")
    problems = json.loads(out)["files"][0]["problems"]
    assert len(err.splitlines()) == len(problems) == 2
    assert all(line.startswith(f"{bad}:") for line in err.splitlines())


def test_file_names_with_control_characters_are_escaped(capsys, tmp_path, hostile):
    evil = tmp_path / "evil\x1b[2J\nname.yaml"
    evil.write_text(hostile.read_text("utf-8"), "utf-8")
    code, out, err = run(capsys, "validate", evil)
    assert (code, err) == (0, "")
    assert_safe(out)
    assert out == f"{tmp_path}/evil\\x1b[2J\\nname.yaml: ok (4 actors, 4 relations)\n"
    code, out, err = run(capsys, "diff", evil, hostile)
    assert (code, err) == (0, "")
    assert_safe(out)
    assert out == f"no change in relations from {tmp_path}/evil\\x1b[2J\\nname.yaml to {hostile}\n"
    missing = tmp_path / "gone\x1b[31m.yaml"
    code, out, err = run(capsys, "show", missing)
    assert code == 2
    assert_safe(err)
    assert "gone\\x1b[31m.yaml" in err


def test_balance_statements_and_tables(capsys, hostile, tmp_path):
    code, out, err = run(capsys, "balance", hostile)
    assert code == 0
    assert_safe(out, err)
    assert "Structural balance: Evil \\x1b[2J" in out and "Beta\\x1b]0;pwned\\x07" in out
    # a CSV of ties has no id rules at all
    csv = tmp_path / "ties.csv"
    csv.write_text('source,target,sign\n"a\x1b[31m",[red]b[/red],-1\n"[red]b[/red]","c\u202e",1\n"a\x1b[31m","c\u202e",1\n',
                   "utf-8")
    code, out, err = run(capsys, "balance", csv)
    assert code == 0
    assert_safe(out, err)
    assert "a\\x1b[31m" in out and "[red]b[/red]" in out and "c\\u202e" in out


def test_risk_table_pair_and_what_if(capsys, hostile):
    code, out, err = run(capsys, "risk", hostile)
    assert code == 0
    assert_safe(out, err)
    assert "Evil \\x1b[2J\\x1b[H title [red]red[/red]" in out
    code, out, err = run(capsys, "risk", hostile, "--pair", "aa", "bb")
    assert code == 0
    assert_safe(out, err)
    assert "[red]Alpha[/red]\\x07" in out
    code, out, err = run(capsys, "risk", hostile, "--drop", "cc", "--set", "aa", "dd", "ally")
    assert code == 0
    assert_safe(out, err)
    assert "Gamma\\nfake.yaml:1: forged" in out


def test_extract_shows_the_article_literally(capsys, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(f"Karsk attacked the Northern Liberation Front near {ESC} {MARKUP}.\n", "utf-8")
    code, out, err = run(capsys, "extract", article, "--actors", DATA / "texts" / "valdoria.scenario.yaml")
    assert code == 0
    assert_safe(out, err)
    assert "karsk - nlf" in out
    assert f"1. Karsk attacked the Northern Liberation Front near \\x1b[2J\\x1b[H {MARKUP}." in flat(out)


def test_events_unmapped_names(capsys, tmp_path):
    rows = (DATA / "events" / "ged_sample.csv").read_text("utf-8").splitlines()
    header, first = rows[0], rows[1]
    evil = first.replace("Syrian insurgents", f'"Evil{ESC} {MARKUP}"'.replace(",", ";"))
    events = tmp_path / "ged.csv"
    events.write_text("\n".join([header, evil, *rows[2:]]) + "\n", "utf-8")
    code, out, err = run(capsys, "events", events, "--actors", DATA / "events" / "scenario.yaml")
    assert code == 0, err
    assert_safe(out, err)
    assert "Evil\\x1b[2J\\x1b[H [red]red[/red]" in out
