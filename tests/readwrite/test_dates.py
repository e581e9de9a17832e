"""Dates as people know them: YYYY, YYYY-MM and YYYY-MM-DD in since, until and as_of."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema
import pytest

import alliances
from alliances import ScenarioError
from alliances._records import Month, Relation, Year, parse_date, period_end, period_start
from tests.cli._run import run
from tests.readwrite.test_schema import as_json_data

_TEXT = """\
scenario: Months
as_of: {as_of}
actors:
  - {{id: a, name: A, kind: state}}
  - {{id: b, name: B, kind: state}}
  - {{id: c, name: C, kind: militia}}
relations:
  - {{actors: [a, b], stance: ally, since: 2023-06}}
  - {{actors: [b, c], stance: enemy, until: 2023-06}}
  - {{actors: [a, c], stance: rival, since: 2020, until: 2023-06-10}}
"""


def _net(as_of: str) -> alliances.AllianceNetwork:
    return alliances.loads(_TEXT.format(as_of=as_of))


def test_month_dates_load_with_their_precision():
    net = _net("2023-06-15")
    ab, bc, ac = net.relations
    assert isinstance(ab.since, Month) and ab.since.isoformat() == "2023-06"
    assert isinstance(bc.until, Month) and str(bc.until) == "2023-06"
    assert ac.since == 2020 and ac.until == dt.date(2023, 6, 10) and type(ac.until) is dt.date


@pytest.mark.parametrize(("as_of", "in_force"), [
    ("2023-06-15", {("a", "b"), ("b", "c")}),           # since 2023-06 holds mid-June; until 2023-06 too
    ("2023-06-30", {("a", "b"), ("b", "c")}),           # until 2023-06 ends on 30 June
    ("2023-07-01", {("a", "b")}),                       # ... and not a day later
    ("2023-05-31", {("b", "c"), ("a", "c")}),           # since 2023-06 starts on 1 June
    ("2023-06", {("a", "b"), ("b", "c"), ("a", "c")}),  # a month as_of: every period meeting June
    ("2023-07", {("a", "b")}),
    ("2022", {("b", "c"), ("a", "c")}),
    ("2023", {("a", "b"), ("b", "c"), ("a", "c")}),
])
def test_in_force_on_as_of(as_of, in_force):
    net = _net(as_of)
    assert {r.pair for r in net.active_relations} == in_force
    assert set(net.graph.edges) == {tuple(p) for p in in_force}


def test_in_force_agrees_with_brute_force_over_days():
    """A relation is in force for an as_of period iff one of its days is in both periods."""
    bounds = [None, 2023, Month(2023, 2), Month(2023, 3), dt.date(2023, 2, 28), dt.date(2023, 3, 1)]
    moments = [Year(2023), Month(2023, 2), Month(2023, 3), dt.date(2023, 2, 28), dt.date(2023, 3, 1), Year(2022)]
    days = [dt.date(2022, 12, 1) + dt.timedelta(days=k) for k in range(150)] + [dt.date(2022, 6, 1)]
    for since in bounds:
        for until in bounds:
            if since is not None and until is not None and period_end(until) < period_start(since):
                continue
            rel = Relation(("a", "b"), "ally", since=since, until=until)
            for m in moments:
                lo, hi = period_start(m), period_end(m)
                truth = any(lo <= d <= hi
                            and (since is None or d >= period_start(since))
                            and (until is None or d <= period_end(until)) for d in days)
                assert rel.is_active(m) == truth, (since, until, m)


@pytest.mark.parametrize("as_of", ["2023-06", "2023", "2023-06-15"])
def test_dump_writes_dates_back_unchanged(as_of):
    text = _TEXT.format(as_of=as_of)
    dumped = alliances.dumps(alliances.loads(text))
    assert f"as_of: {as_of}\n" in dumped
    assert "since: 2023-06\n" in dumped and "until: 2023-06\n" in dumped
    assert "since: 2020\n" in dumped and "until: 2023-06-10\n" in dumped
    again = alliances.dumps(alliances.loads(dumped))
    assert again == dumped
    data = alliances.loads(text).to_dict()
    assert json.loads(json.dumps(data))["relations"][0]["since"] == "2023-06"


def test_bad_months_are_reported_with_their_line():
    text = _TEXT.format(as_of="2023-13").replace("since: 2023-06}", "since: 2023-00}")
    with pytest.raises(ScenarioError) as info:
        alliances.loads(text)
    assert [str(p) for p in info.value.problems] == [
        "<string>:2: as_of '2023-13' is not a date in the calendar",
        "<string>:8: since '2023-00' is not a date in the calendar",
    ]
    with pytest.raises(ScenarioError, match="until must be a year .2013., a month .2013-05. or an ISO date"):
        alliances.loads(_TEXT.format(as_of="2023").replace("until: 2023-06}", "until: June 2023}"))


def test_until_before_since_within_a_month():
    text = _TEXT.format(as_of="2023").replace("since: 2023-06}", "since: 2023-06, until: 2023-05-31}")
    with pytest.raises(ScenarioError, match=r"until \(2023-05-31\) is before since \(2023-06\)"):
        alliances.loads(text)
    ok = _TEXT.format(as_of="2023").replace("since: 2023-06}", "since: 2023-06, until: 2023-06-01}")
    assert alliances.loads(ok).relations[0].is_active(dt.date(2023, 6, 1))


def test_parse_date_forms():
    assert parse_date("2023") == 2023
    assert parse_date("2024-02") == Month(2024, 2) and period_end(parse_date("2024-02")) == dt.date(2024, 2, 29)
    assert parse_date("2023-12") == dt.date(2023, 12, 1) and period_end(Month(2023, 12)) == dt.date(2023, 12, 31)
    for bad in ("2023-13", "2023-6", "23-06", "2023-02-30"):
        with pytest.raises(ValueError):
            parse_date(bad)
    m = Month(2023, 6)
    assert type(m + dt.timedelta(days=3)) is dt.date and (m + dt.timedelta(days=3)).isoformat() == "2023-06-04"


def test_schema_accepts_the_three_forms_and_refuses_others():
    validator = jsonschema.Draft202012Validator(alliances.scenario_schema())
    for as_of, ok in (("2023-06", True), ("2023", True), ("2023-06-05", True), ("2023-13", False), ("June", False)):
        data = as_json_data(_TEXT.format(as_of=as_of))
        assert validator.is_valid(data) is ok, as_of


def test_show_says_not_in_force_on_the_month(tmp_path, capsys):
    path = tmp_path / "m.yaml"
    path.write_text(_TEXT.format(as_of="2023-07"), "utf-8")
    code, out, err = run(capsys, "show", path)
    assert code == 0, err
    assert "as of 2023-07" in out and "2 relation(s) not in force on 2023-07" in " ".join(out.split())
    code, out, _ = run(capsys, "show", path, "--json")
    assert json.loads(out)["as_of"] == "2023-07"
