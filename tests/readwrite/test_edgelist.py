"""Signed edge lists (CSV) read into signed graphs, with every problem at once."""

import pytest

from alliances.errors import ScenarioError
from alliances.readwrite import read_signed_csv


def test_signs_weights_and_stances():
    g = read_signed_csv("t.csv", text="source,target,sign,weight\na,b,+,0.5\nb,c,enemy,\nc,d,0,\n")
    assert g.edges["a", "b"] == {"sign": 1, "weight": 0.5}
    assert g.edges["b", "c"] == {"sign": -1, "weight": 1.0, "stance": "enemy"}
    assert g.edges["c", "d"]["sign"] == 0


def test_every_problem_at_once_with_lines():
    text = "source,target,sign,weight\na,a,1,\na,b,maybe,\nb,c,1,-0\nc,d,1,\nd,c,-1,\n"
    with pytest.raises(ScenarioError) as info:
        read_signed_csv("t.csv", text=text)
    lines = [p.line for p in info.value.problems]
    assert lines == [2, 3, 4, 6]


def test_missing_file_names_the_file(tmp_path):
    with pytest.raises(ScenarioError, match="no such file"):
        read_signed_csv(tmp_path / "missing.csv")


def test_highland_tribes_published_counts(data_dir):
    g = read_signed_csv(data_dir / "highland_tribes.csv")
    signs = [d["sign"] for _, _, d in g.edges(data=True)]
    # Read (1954) / Hage & Harary (1983): 16 tribes, 29 alliances (hina), 29 enmities (rova)
    assert (g.number_of_nodes(), signs.count(1), signs.count(-1)) == (16, 29, 29)


def test_stance_names_are_lowercase_as_in_scenario_files():
    with pytest.raises(ScenarioError) as info:
        read_signed_csv("t.csv", text="source,target,sign\na,b,Ally\nb,c,ENEMY\nc,d,enemy\n")
    assert [str(p) for p in info.value.problems] == [
        "t.csv:2: sign 'Ally' is not one of 1, -1, 0, +, - or a stance name (did you mean 'ally'?)",
        "t.csv:3: sign 'ENEMY' is not one of 1, -1, 0, +, - or a stance name (did you mean 'enemy'?)",
    ]
