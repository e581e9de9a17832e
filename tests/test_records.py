"""The model's records check themselves: what a scenario file could not hold cannot be built in Python.

Each case is a value the file reader refuses (tests/readwrite/test_scenario.py has the
file side); built through the API it must fail at once, with a ParameterError (or its
TypeError twin) that names the field and the value, not later in ``dump`` or an analysis.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest

import alliances
from alliances import (
    Actor,
    ActorKind,
    AlliancesError,
    Evidence,
    ParameterError,
    ParameterTypeError,
    Relation,
    Source,
    Stance,
    Theater,
)


# --------------------------------------------------------------------------- the exception twin
def test_parameter_type_error_is_both_a_parameter_error_and_a_type_error():
    err = ParameterTypeError("x must be text, not None")
    assert isinstance(err, ParameterError) and isinstance(err, TypeError) and isinstance(err, ValueError)
    assert isinstance(err, AlliancesError)
    assert alliances.ParameterTypeError is ParameterTypeError


# --------------------------------------------------------------------------- stances and kinds
def test_unknown_stance_names_the_choices_and_a_near_miss():
    with pytest.raises(ParameterError) as info:
        Stance("Ally")
    assert str(info.value) == (
        "unknown stance 'Ally' (expected one of: ally, friendly, neutral, ambivalent, rival, enemy) "
        "(did you mean 'ally'?)")
    with pytest.raises(ParameterTypeError):
        Stance(None)
    with pytest.raises(ParameterError, match="unknown kind 'wizard'"):
        ActorKind("wizard")


# --------------------------------------------------------------------------- actors
def test_actor_normalises_what_a_file_would_hold():
    a = Actor("iran", "Iran", "state", aliases=["Tehran"], theaters=["deir_al_zor"])
    assert a.kind is ActorKind.STATE and a.aliases == ("Tehran",) and a.theaters == ("deir_al_zor",)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"id": "Bad Id"}, ParameterError,
         "actor id must use only lowercase letters, digits and _, not 'Bad Id' (for example 'bad_id')"),
        ({"id": ""}, ParameterError, "actor id is empty"),
        ({"id": None}, ParameterTypeError, "actor id must be text, not None"),
        ({"id": 7}, ParameterTypeError, "actor id must be text, not 7"),
        ({"name": "  "}, ParameterError, "name of actor 'a' is empty"),
        ({"name": None}, ParameterTypeError, "name of actor 'a' must be text, not None"),
        ({"kind": "wizard"}, ParameterError, "kind of actor 'a' must be one of: state, coalition, armed_group, "
                                             "militia, international_org, other, not 'wizard'"),
        ({"label": ""}, ParameterError, "label of actor 'a' is empty (use None for none)"),
        ({"aliases": "Tehran"}, ParameterTypeError, "aliases of actor 'a' must be a list, not 'Tehran'"),
        ({"aliases": ["ok", 3]}, ParameterTypeError, "alias of actor 'a' must be text, not 3"),
        ({"theaters": ["North"]}, ParameterError, "theater id of actor 'a' must use only lowercase letters"),
        ({"notes": "\ud800"}, ParameterError, "notes of actor 'a' holds '\\ud800' at position 0"),
    ],
)
def test_actor_refuses(kwargs, error, message):
    fields = {"id": "a", "name": "A", **kwargs}
    with pytest.raises(error) as info:
        Actor(**fields)
    assert str(info.value).startswith(message)


# --------------------------------------------------------------------------- relations
def test_relation_normalises_numbers_and_dates():
    r = Relation(["b", "a"], "rival", weight=np.float64(0.25), confidence=1, since="2013", until="2016-05-01")
    assert r.actors == ("b", "a") and r.pair == ("a", "b")
    assert type(r.weight) is float and type(r.confidence) is float
    assert (r.since, r.until) == (2013, dt.date(2016, 5, 1))
    assert Relation(("a", "b"), "ally", since=dt.datetime(2017, 9, 5, 12, 30)).since == dt.date(2017, 9, 5)
    assert Relation(("a", "b"), "friendly").weight == 0.5  # the stance's default


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"weight": 5}, ParameterError, "weight of relation a - b must be a number in (0, 1], not 5"),
        ({"weight": 0}, ParameterError, "weight of relation a - b must be a number in (0, 1], not 0"),
        ({"weight": -0.5}, ParameterError, "weight of relation a - b must be a number in (0, 1]"),
        ({"weight": math.nan}, ParameterError, "weight of relation a - b must be a number in (0, 1], not nan"),
        ({"weight": math.inf}, ParameterError, "weight of relation a - b must be a number in (0, 1], not inf"),
        ({"weight": "0.5"}, ParameterTypeError, "weight of relation a - b must be a number in (0, 1], not '0.5'"),
        ({"weight": True}, ParameterTypeError, "weight of relation a - b must be a number in (0, 1], not True"),
        ({"confidence": math.nan}, ParameterError, "confidence of relation a - b must be a number in (0, 1]"),
        ({"confidence": None}, ParameterTypeError, "confidence of relation a - b must be a number in (0, 1]"),
        ({"stance": "foe"}, ParameterError, "stance of relation a - b must be one of: ally, friendly, neutral, "
                                            "ambivalent, rival, enemy, not 'foe'"),
        ({"stance": None}, ParameterTypeError, "stance of relation a - b must be one of"),
        ({"actors": ("a", "a")}, ParameterError, "an actor cannot have a relation with itself ('a')"),
        ({"actors": ("a", "b", "c")}, ParameterError, "a relation's actors must be two actor ids, not 3"),
        ({"actors": "ab"}, ParameterTypeError, "the actors of a relation must be a pair of actor ids, not 'ab'"),
        ({"actors": ("a", "B")}, ParameterError, "actor id must use only lowercase letters, digits and _, not 'B'"),
        ({"since": 2018, "until": 2017}, ParameterError, "until (2017) of relation a - b is before since (2018)"),
        ({"since": dt.date(2017, 6, 2), "until": "2017-06-01"}, ParameterError, "until (2017-06-01) of relation"),
        ({"since": 17}, ParameterError, "since of relation a - b must be a year (2013) or a date (2013-05-01): "
                                        "a year has four digits, not 17"),
        ({"since": "2017-02-30"}, ParameterError, "since of relation a - b '2017-02-30' is not a date"),
        ({"since": True}, ParameterTypeError, "since of relation a - b must be a year"),
        ({"kind": ""}, ParameterError, "kind of relation a - b is empty"),
        ({"evidence": ["wire-1"]}, ParameterTypeError,
         "an evidence entry of relation a - b must be an Evidence, not 'wire-1'"),
    ],
)
def test_relation_refuses(kwargs, error, message):
    fields = {"actors": ("a", "b"), "stance": "ally", **kwargs}
    with pytest.raises(error) as info:
        Relation(**fields)
    assert str(info.value).startswith(message)


def test_a_period_of_one_year_or_one_day_is_fine():
    assert Relation(("a", "b"), "ally", since=2017, until=2017).is_active(dt.date(2017, 12, 31))
    assert Relation(("a", "b"), "ally", since=dt.date(2017, 3, 1), until=2017).until == 2017


# --------------------------------------------------------------------------- sources, theaters, evidence
@pytest.mark.parametrize(
    ("make", "error", "message"),
    [
        (lambda: Source("-wire"), ParameterError, "source id '-wire' must start with a letter or a digit"),
        (lambda: Source("a b"), ParameterError, "source id 'a b' may only use letters, digits and _ . : -"),
        (lambda: Source("wire", date="yesterday"), ParameterError, "date of source 'wire' must be a date"),
        (lambda: Source("wire", date=2017), ParameterTypeError, "date of source 'wire' must be a date (2017-09-05)"),
        (lambda: Source("wire", url=""), ParameterError, "url of source 'wire' is empty"),
        (lambda: Theater("Raqqa", "Raqqa"), ParameterError, "theater id must use only lowercase letters"),
        (lambda: Theater("raqqa", None), ParameterTypeError, "name of theater 'raqqa' must be text, not None"),
        (lambda: Evidence("bad source"), ParameterError, "evidence source 'bad source' may only use letters"),
        (lambda: Evidence("wire", note=3), ParameterTypeError, "evidence note must be text, not 3"),
    ],
)
def test_sources_theaters_and_evidence_refuse(make, error, message):
    with pytest.raises(error) as info:
        make()
    assert str(info.value).startswith(message)


def test_source_date_from_iso_text():
    assert Source("wire-17", date="2017-09-05").date == dt.date(2017, 9, 5)
    assert Source("wire-17", date=dt.datetime(2017, 9, 5, 8)).date == dt.date(2017, 9, 5)
