"""Construction classes of wire English built in the sixth round of #17, one sentence each (see
benchmarks/extract_inventory.py for the inventory they come from).

Pax, Quor and Yel are states, Xan and Zed armed groups; each test states what a careful reader
gets from the sentence, including what must *not* be proposed.
"""

from __future__ import annotations

from alliances import Actor
from alliances.extract import extract_relations
from tests.extract._helpers import stances

_P = [Actor("p", "Pax", "state"), Actor("q", "Quor", "state"), Actor("x", "Xan", "armed_group"),
      Actor("y", "Yel", "state"), Actor("z", "Zed", "armed_group")]


def test_rupture_and_rapprochement_phrases():
    assert stances("Pax has turned away from Quor.", _P) == {("p", "q"): "rival"}
    assert stances("Pax turned its back on Quor.", _P) == {("p", "q"): "rival"}
    assert stances("Pax restored diplomatic relations with Yel.", _P) == {("p", "y"): "friendly"}
    assert stances("Pax and Yel have grown closer since the war began.", _P) == {("p", "y"): "friendly"}
    assert stances("Pax has drawn closer to Yel.", _P) == {("p", "y"): "friendly"}
    assert stances("Pax aligned itself with Yel.", _P) == {("p", "y"): "friendly"}
    assert stances("Relations between Pax and Yel have rarely been worse.", _P) == {("p", "y"): "rival"}
    assert stances("Relations between Pax and Yel are strained.", _P) == {("p", "y"): "rival"}


def test_a_former_relation_is_no_relation_now():
    # "its former patron" says Quor was Pax's patron once: no tie now, and no sign from it
    assert stances("Pax has turned away from Quor, its former patron.", _P) == {("p", "q"): "rival"}
    ex = extract_relations("Yel, a former ally of Pax, stayed neutral.", _P)
    assert ex.proposals == () and [(n.a, n.b) for n in ex.negated] == [("p", "y")]
    assert stances("Yel, Pax's erstwhile backer, stayed neutral.", _P) == {}
