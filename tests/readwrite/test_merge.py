"""alliances.readwrite._merge and the extract/merge commands: fragments merge into scenarios that validate,
by inserting lines and keeping every other byte."""

from __future__ import annotations

import difflib
import itertools
import json

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import alliances
from alliances.cli import main
from alliances.errors import ScenarioError
from alliances.readwrite import MAX_DEPTH, merge_relations
from tests._paths import DATA, SEED

TEXTS = DATA / "texts"


def only_insertions(before: str, after: str) -> bool:
    """Whether ``after`` is ``before`` with whole lines inserted, or text inserted at one place inside lines."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "delete":
            return False
        if tag == "replace":  # each old line, in order, in a new line that only grew
            j = j1
            for line in old[i1:i2]:
                while j < j2 and not grown(line, new[j]):
                    j += 1
                if j == j2:
                    return False
                j += 1
    return True


def grown(line: str, new: str) -> bool:
    """Whether ``new`` is ``line`` with one piece of text inserted somewhere (and a line break after the last line)."""
    if not line.endswith(("\n", "\r")):
        new = new.rstrip("\r\n")
    if len(new) < len(line):
        return False
    k = 0
    while k < len(line) and line[k] == new[k]:
        k += 1
    return new.endswith(line[k:])


def test_only_insertions_tells_an_insertion_from_a_change():
    assert only_insertions("a\nb\n", "a\nnew\nb\n") and only_insertions("x: [a]\n", "x: [a, b]\n")
    assert only_insertions("a", "a\n  - b")
    assert not only_insertions("a\nb\n", "a\n") and not only_insertions("x: [a]\n", "x: [b]\n")
    assert not only_insertions("a: 1\r\n", "a: 1\n")


# --------------------------------------------------------------------------- what merge does
def test_an_empty_fragment_keeps_the_scenario_byte_for_byte():
    text = SEED.read_text()
    assert merge_relations(text, "relations: []").text == text


def test_merge_adds_new_pairs_lists_conflicts_and_keeps_comments():
    text = SEED.read_text()
    fragment = """
sources:
  - {id: wire-1, title: A wire}
  - {id: reuters-2017-09-05}
relations:
  - {actors: [russia, us_coalition], stance: rival, evidence: [{source: wire-1, note: They traded accusations.}]}
  - {actors: [islamic_state, assad], stance: enemy}
  - {actors: [assad, iran], stance: rival, evidence: [{source: wire-1, note: A quarrel.}]}
"""
    result = merge_relations(text, fragment)
    assert result.added == (("russia", "us_coalition"),)
    assert result.agreed == (("assad", "islamic_state"),)
    assert result.conflicts == (("assad", "iran", "ally", "rival"),)
    assert result.sources_added == ("wire-1",) and result.evidence_added == ()
    assert only_insertions(text, result.text)
    merged = alliances.loads(result.text)
    assert merged.stance("russia", "us_coalition").value == "rival"
    assert merged.relation("assad", "iran") == alliances.load(SEED).relation("assad", "iran")  # never overwritten
    assert len(merged.relations) == len(alliances.load(SEED).relations) + 1


def test_agreeing_relations_get_the_new_evidence_and_its_source():
    seed = alliances.load(SEED)
    text = SEED.read_text()
    fragment = """
sources: [{id: w, title: A wire}, {id: unused}]
relations:
  - actors: [iran, assad]
    stance: ally
    confidence: 0.4
    evidence:
      - {source: w, note: Iran sent advisers to Damascus.}
      - {source: w, note: Iran sent advisers to Damascus.}
  - {actors: [russia, islamic_state], stance: enemy, evidence: [{source: reuters-2017-09-05}]}
"""
    result = merge_relations(text, fragment)
    assert result.evidence_added == (("assad", "iran", 1), ("islamic_state", "russia", 1))
    assert result.sources_added == ("w",) and result.added == result.agreed == result.conflicts == ()
    assert only_insertions(text, result.text)
    merged = alliances.loads(result.text)
    before, after = seed.relation("assad", "iran"), merged.relation("assad", "iran")
    assert after.evidence == (*before.evidence, alliances.Evidence("w", "Iran sent advisers to Damascus."))
    assert (after.stance, after.confidence, after.weight) == (before.stance, before.confidence, before.weight)
    assert merged.relation("islamic_state", "russia").evidence[-1] == alliances.Evidence("reuters-2017-09-05", None)
    assert "unused" not in merged.sources and merged.sources["w"].title == "A wire"
    # only the two relations changed
    changed = {r.pair for r in merged.relations if r != seed.relation(*r.pair)}
    assert changed == {("assad", "iran"), ("islamic_state", "russia")}
    # merging again adds nothing: the entries are there
    again = merge_relations(result.text, fragment)
    assert again.text == result.text and again.agreed == (("assad", "iran"), ("islamic_state", "russia"))


def test_a_new_relation_keeps_its_fighting_level_and_an_agreeing_one_keeps_the_scenarios():
    """Issue 14's ``fighting`` field goes through merge: written for a new pair, never over the scenario's."""
    seed = alliances.load(SEED)
    text = SEED.read_text()
    fragment = """
sources: [{id: w}]
relations:
  - actors: [russia, us_coalition]
    stance: rival
    fighting: past
  - {actors: [iran, syrian_rebels], stance: enemy, fighting: low}
  - {actors: [assad, islamic_state], stance: enemy, fighting: none, evidence: [{source: w, note: Still fighting.}]}
"""
    result = merge_relations(text, fragment)
    assert result.added == (("iran", "syrian_rebels"), ("russia", "us_coalition"))
    assert result.evidence_added == (("assad", "islamic_state", 1),)
    assert only_insertions(text, result.text)
    merged = alliances.loads(result.text)
    assert merged.relation("russia", "us_coalition").fighting == "past"
    assert merged.relation("iran", "syrian_rebels").fighting == "low"
    assert merged.relation("assad", "islamic_state").fighting == seed.relation("assad", "islamic_state").fighting == "high"
    with pytest.raises(ScenarioError) as err:
        merge_relations(text, "relations:\n  - {actors: [russia, us_coalition], stance: rival, fighting: hot}\n",
                        fragment_name="f.yaml")
    assert [str(p) for p in err.value.problems] == [
        "f.yaml:2: unknown fighting level 'hot' (expected one of: none, past, recent, low, high)"]


BASE = "scenario: T\nactors:\n  - {id: a, name: A, kind: state}\n  - {id: b, name: B, kind: state}\n"
WIRE = "sources: [{id: w}]\nrelations: [{actors: [a, b], stance: ally, evidence: [{source: w, note: 'n: 1'}]}]\n"


@pytest.mark.parametrize(
    ("relations", "expected"),
    [
        ("relations:\n  - actors: [a, b]\n    stance: ally\n",
         "relations:\n  - actors: [a, b]\n    stance: ally\n    evidence:\n      - source: w\n        note: 'n: 1'\n"),
        ("relations:\n  - actors: [a, b]\n    stance: ally\n    evidence:\n    - {source: w0}\n",
         "relations:\n  - actors: [a, b]\n    stance: ally\n    evidence:\n    - {source: w0}\n    - {source: w, note: 'n: 1'}\n"),
        ("relations:\n  - actors: [a, b]\n    stance: ally\n    evidence: ~   # none\n",
         "relations:\n  - actors: [a, b]\n    stance: ally\n    evidence:   # none\n      - source: w\n        note: 'n: 1'\n"),
        ("relations:\n  - {actors: [a, b], stance: ally}  # c\n",
         "relations:\n  - {actors: [a, b], stance: ally, evidence: [{source: w, note: 'n: 1'}]}  # c\n"),
        ("relations:\n  - {actors: [a, b], stance: ally, evidence: []}\n",
         "relations:\n  - {actors: [a, b], stance: ally, evidence: [{source: w, note: 'n: 1'}]}\n"),
        ("relations:\n  - {actors: [a, b], stance: ally, evidence: [{source: w0}]}\n",
         "relations:\n  - {actors: [a, b], stance: ally, evidence: [{source: w0}, {source: w, note: 'n: 1'}]}\n"),
    ],
    ids=["block, no evidence", "block evidence of one-line items", "evidence null", "flow, no evidence",
         "flow, empty evidence", "flow evidence"],
)
def test_evidence_is_written_in_the_relations_own_style(relations, expected):
    sources = "sources: [{id: w0}]\n"
    result = merge_relations(BASE + sources + relations, WIRE)
    assert result.text == BASE + sources.replace("]", ", {id: w}]") + expected
    assert result.evidence_added == (("a", "b", 1),)


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        ("", "relations:\n  - actors: [a, b]\n    stance: ally\n    evidence:\n      - source: w\n        note: 'n: 1'\n"
             "sources:\n  - id: w\n"),
        ("relations:\nsources:\n", "relations:\n  - actors: [a, b]\n    stance: ally\n    evidence:\n      - source: w\n"
                                   "        note: 'n: 1'\nsources:\n  - id: w\n"),
        ("relations: null  # later\nsources: []", "relations:  # later\n  - actors: [a, b]\n    stance: ally\n"
                                                  "    evidence:\n      - source: w\n        note: 'n: 1'\nsources: [{id: w}]"),
        ("relations: []\nsources: [{id: x}]\n",
         "relations: [{actors: [a, b], stance: ally, evidence: [{source: w, note: 'n: 1'}]}]\nsources: [{id: x}, {id: w}]\n"),
    ],
    ids=["no lists", "empty lists", "null and empty flow, no final newline", "empty flow lists"],
)
def test_new_relations_and_sources_where_the_lists_are_missing_or_empty(tail, expected):
    result = merge_relations(BASE + tail, WIRE)
    assert result.text == BASE + expected
    assert alliances.loads(result.text).relation("a", "b").evidence == (alliances.Evidence("w", "n: 1"),)


def test_a_flow_scenario_stays_flow():
    text = "{scenario: T, actors: [{id: a, name: A, kind: state}, {id: b, name: B, kind: state}]}\n"
    result = merge_relations(text, WIRE)
    assert result.text == ("{scenario: T, actors: [{id: a, name: A, kind: state}, {id: b, name: B, kind: state}], "
                           "relations: [{actors: [a, b], stance: ally, evidence: [{source: w, note: 'n: 1'}]}], "
                           "sources: [{id: w}]}\n")


def test_bom_crlf_end_marker_long_lines_and_odd_indentation_are_kept():
    long = "A note " + "that goes on " * 30 + "and on."
    text = ("\ufeff# head\r\nscenario: T\r\ndescription: " + long + "\r\nsources:\r\n-   id: s0   # first\r\n"
            "actors: [{id: a, name: A, kind: state},   {id: b, name: B, kind: state}, {id: c, name: C, kind: state}]\r\n"
            "relations:\r\n-   actors: [a, b]\r\n    stance: ally\r\n    notes: |\r\n      kept\r\n\r\n# the end\r\n...\r\n")
    fragment = ("sources: [{id: w, title: 'Wire: one'}]\nrelations:\n  - {actors: [c, a], stance: enemy, "
                "evidence: [{source: w, note: " + long + "}]}\n")
    result = merge_relations(text, fragment)
    assert result.text.startswith("\ufeff# head\r\n") and result.text.endswith("\r\n# the end\r\n...\r\n")
    assert "\n" not in result.text.replace("\r\n", "")  # every inserted line ends as the file's lines do
    assert only_insertions(text, result.text)
    inserted = [line for line in result.text.splitlines() if line not in text.splitlines()]
    assert inserted == ["-   id: w", "    title: 'Wire: one'", "-   actors: [c, a]", "    stance: enemy", "    evidence:",
                        "    - source: w", "      note: " + long]
    assert alliances.loads(result.text[1:]).relation("a", "c").evidence[0].note == long


def test_notes_that_need_quoting_come_back_as_written():
    notes = ["yes", "no", "null", "1.5", "2017-09-05", "a: b", "# not a comment", "- item", "[x]", "{y}", "'quoted'",
             '"double"', "  padded  ", "tab\there", "line\nbreak", "café", "@at", "`tick", "%pct", "!bang", "&amp", "*star"]
    fragment = {"sources": [{"id": "w"}], "relations": [
        {"actors": list(pair), "stance": "ally", "evidence": [{"source": "w", "note": note}]}
        for pair, note in zip(itertools.combinations("abcdefghijklmnopqrstuvwxyz", 2), notes, strict=False)]}
    actors = "".join(f"  - {{id: {c}, name: {c.upper()}, kind: state}}\n" for c in "abcdefghijklmnopqrstuvwxyz")
    result = merge_relations(f"scenario: T\nactors:\n{actors}", yaml.safe_dump(fragment))
    merged = alliances.loads(result.text)
    assert [merged.relation(*pair).evidence[0].note for pair, _ in zip(itertools.combinations(
        "abcdefghijklmnopqrstuvwxyz", 2), notes, strict=False)] == notes


# --------------------------------------------------------------------------- random scenarios in varied styles
IDS = ["a0", "a1", "a2", "a3", "a4"]
PAIRS = list(itertools.combinations(IDS, 2))
STANCES = ["ally", "friendly", "neutral", "ambivalent", "rival", "enemy"]
NOTE = st.text(alphabet="ab :#'\",[]{}-é", min_size=1, max_size=12).filter(lambda s: s.strip())


@st.composite
def scenario_and_fragment(draw):
    offset = draw(st.sampled_from([0, 2, 4]))  # a list's dash, right of its key
    gap = draw(st.sampled_from([1, 3]))  # spaces after a dash
    flow_items = draw(st.booleans())

    def block_list(key: str, items: list[list[str]], indent: int = 0) -> list[str]:
        out = [" " * indent + f"{key}:"]
        for fields in items:
            if flow_items:
                out.append(" " * (indent + offset) + "-" + " " * gap + "{" + ", ".join(fields) + "}")
            else:
                col = " " * (indent + offset + 1 + gap)
                out += [" " * (indent + offset) + "-" + " " * gap + fields[0]] + [col + f for f in fields[1:]]
        return out

    has_source = draw(st.booleans())
    sources_style = draw(st.sampled_from(["block", "flow"] if has_source else ["absent", "empty", "empty flow"]))
    sections = {}
    sources = [["id: s0", "title: 'S: zero'"]] if has_source else []
    sections["sources"] = {"absent": [], "empty": ["sources:"], "empty flow": ["sources: []"],
                           "flow": ["sources: [{id: s0, title: 'S: zero'}]"], "block": block_list("sources", sources)}[
        sources_style]
    sections["actors"] = block_list("actors", [[f"id: {a}", f"name: Actor {a}", "kind: state"] for a in IDS])
    chosen = draw(st.lists(st.sampled_from(PAIRS), unique=True, max_size=5))
    existing = {pair: draw(st.sampled_from(STANCES)) for pair in chosen}
    rel_items = []
    for pair, stance in existing.items():
        fields = [f"actors: [{pair[1]}, {pair[0]}]", f"stance: {stance}"]
        if has_source and draw(st.booleans()):
            fields.append("evidence: [{source: s0, note: 'old'}]")
        rel_items.append(fields)
    relations_style = draw(st.sampled_from(["absent", "empty", "empty flow", "block"] if not rel_items else ["block"]))
    sections["relations"] = {"absent": [], "empty": ["relations:"], "empty flow": ["relations: []"],
                             "block": block_list("relations", rel_items)}[relations_style]
    order = draw(st.permutations(["sources", "actors", "relations"]))
    head = ["# A scenario", "scenario: Random", "notes: " + "long line " * draw(st.integers(0, 30)) + "end"]
    tail = draw(st.sampled_from([[], ["# trailing comment"], ["..."], ["", "# c", "..."]]))
    lines = head + [line for key in order for line in sections[key]] + tail
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    text = eol.join(lines) + (eol if draw(st.booleans()) else "")
    if draw(st.booleans()):
        text = "\ufeff" + text

    # the fragment: new pairs, agreeing pairs with a new note, conflicting pairs
    proposals = []
    for pair in draw(st.lists(st.sampled_from(PAIRS), unique=True, max_size=6)):
        stance = existing.get(pair, draw(st.sampled_from(STANCES)))
        if pair in existing and draw(st.booleans()):
            stance = next(s for s in STANCES if s != existing[pair])
        proposals.append({"actors": list(pair), "stance": stance,
                          "evidence": [{"source": "w1", "note": draw(NOTE)}]})
    fragment = yaml.safe_dump({"sources": [{"id": "w1", "title": "Wire"}], "relations": proposals},
                              default_flow_style=draw(st.booleans()), allow_unicode=True)
    return text, fragment


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenario_and_fragment())
def test_random_scenarios_keep_every_byte_and_gain_the_fragment(case):
    text, fragment = case
    before = alliances.loads(text.lstrip("\ufeff"))
    result = merge_relations(text, fragment)
    assert result.text.startswith("\ufeff") == text.startswith("\ufeff")
    assert only_insertions(text, result.text)
    after = alliances.loads(result.text.lstrip("\ufeff"))
    proposed = {tuple(sorted(r["actors"])): r for r in yaml.safe_load(fragment)["relations"]}
    for pair, rel in proposed.items():
        have = before.relation(*pair)
        if have is None:
            assert after.relation(*pair).stance.value == rel["stance"]
            assert after.relation(*pair).evidence == (alliances.Evidence("w1", rel["evidence"][0]["note"]),)
        elif have.stance.value == rel["stance"]:
            assert after.relation(*pair).evidence == (*have.evidence, alliances.Evidence("w1", rel["evidence"][0]["note"]))
        else:
            assert after.relation(*pair) == have
    assert {r.pair for r in after.relations} == {r.pair for r in before.relations} | set(proposed)
    assert ("w1" in after.sources) == any(before.relation(*p) is None or before.relation(*p).stance.value == r["stance"]
                                          for p, r in proposed.items())
    assert merge_relations(result.text, fragment).text == result.text  # merging twice changes nothing more


# --------------------------------------------------------------------------- hostile and careless fragments
def _aliases(levels: int) -> str:
    rows = ["a0: &a0 [x, x]"] + [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, levels)]
    return "\n".join(rows) + f"\nrelations:\n  - {{actors: [russia, us_coalition], stance: rival, notes: *a{levels - 1}}}\n"


HOSTILE = {
    "nested aliases": (_aliases(10), "YAML anchor '&a0' is not allowed: write the value out"),
    "a pair twice": ("relations:\n  - {actors: [russia, us_coalition], stance: rival}\n"
                     "  - {actors: [us_coalition, russia], stance: ally}\n",
                     "duplicate relation for the pair russia - us_coalition (first at line 2): a pair has one relation"),
    "evidence: 5": ("relations:\n  - {actors: [russia, us_coalition], stance: rival, evidence: 5}\n",
                    "evidence must be a list, not a number ('5')"),
    "source id a list": ("sources: [{id: [a, b]}]\n", "source id must be text, not a list"),
    "source id a map": ("sources:\n  - id: {a: 1}\n", "source id must be text, not a mapping"),
    "cited source a list": ("relations:\n  - {actors: [russia, us_coalition], stance: rival, evidence: [{source: [a]}]}\n",
                            "evidence source must be text, not a list"),
    "5,000 nested lists": ("relations: " + "[" * 5000 + "]" * 5000 + "\n",
                           f"lists and mappings nested more than {MAX_DEPTH} levels deep: a fragment never needs that many"),
    "a syntax error": ("relations:\n  - {actors: [russia, us_coalition], stance: rival,\n",
                       "YAML syntax error: "),
    "a python tag": ("relations: !!python/object/apply:os.system [ls]\n", "YAML tag 'tag:yaml.org,2002:python/object/apply"),
    "a list": ("- {actors: [russia, us_coalition], stance: rival}\n", "a fragment (sources and relations only) must be a mapping of fields, not a list"),
    "empty": ("# nothing\n", "empty fragment"),
    "relation not a mapping": ("relations: [russia]\n", "a relation must be a mapping of fields, not the text 'russia'"),
    "unknown stance": ("relations: [{actors: [russia, us_coalition], stance: pals}]\n", "unknown stance 'pals'"),
    "weight out of range": ("relations: [{actors: [russia, us_coalition], stance: rival, weight: 7}]\n",
                            "weight 7 is out of range"),
    "an unknown source": ("relations:\n  - actors: [russia, us_coalition]\n    stance: rival\n"
                          "    evidence: [{source: nowhere}]\n", "evidence cites unknown source 'nowhere'"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_every_malformed_fragment_is_a_problem_at_a_line_of_the_fragment(name):
    fragment, message = HOSTILE[name]
    with pytest.raises(ScenarioError) as info:  # the alias tree is refused, never walked (3**10 copies)
        merge_relations(SEED.read_text(), fragment, scenario_name="s.yaml", fragment_name="f.yaml")
    problems = info.value.problems
    assert any(message in p.message for p in problems), [str(p) for p in problems]
    assert all(p.file == "f.yaml" for p in problems)
    assert all(p.line is None or 1 <= p.line <= len(fragment.splitlines()) + 1 for p in problems)
    assert all("\n" not in p.message for p in problems)


def test_bad_fragments_are_reported_with_lines():
    with pytest.raises(ScenarioError) as err:
        merge_relations(SEED.read_text(), "relations:\n  - {actors: [assad, irann], stance: ally}\nextra: 1\n",
                        fragment_name="f.yaml")
    assert [str(p) for p in err.value.problems] == [
        "f.yaml:2: unknown actor 'irann' (did you mean 'iran'?)",
        "f.yaml:3: unknown field 'extra' in a fragment (sources and relations only)",
    ]


def test_a_fragment_source_the_scenario_has_is_not_added_twice():
    fragment = ("sources: [{id: reuters-2017-09-05, title: Another title}]\nrelations:\n"
                "  - {actors: [russia, us_coalition], stance: rival, evidence: [{source: reuters-2017-09-05}]}\n")
    result = merge_relations(SEED.read_text(), fragment)
    assert result.sources_added == () and result.added == (("russia", "us_coalition"),)
    assert alliances.loads(result.text).sources == alliances.load(SEED).sources


# --------------------------------------------------------------------------- the command line
def test_extract_then_merge_on_the_command_line(tmp_path, capsys):
    frag = tmp_path / "relations.yaml"
    assert main(["extract", str(TEXTS / "yemen_2019.txt"), "--actors", str(TEXTS / "yemen_2019.scenario.yaml"),
                 "--json", "-o", str(frag)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"proposals", "unclear", "unmatched"}
    assert {"a": "stc", "b": "yemen_gov"}.items() <= next(p for p in data["proposals"] if p["a"] == "stc"
                                                          and p["b"] == "yemen_gov").items()
    fragment = yaml.safe_load(frag.read_text())
    assert fragment["sources"][0]["id"] == "yemen_2019"
    out = tmp_path / "merged.yaml"
    assert main(["merge", str(TEXTS / "yemen_2019.scenario.yaml"), str(frag), "-o", str(out)]) == 0
    merged = alliances.load(out)
    assert len(merged.relations) == len(data["proposals"])
    assert merged.stance("stc", "yemen_gov").value == "ambivalent"
    assert only_insertions((TEXTS / "yemen_2019.scenario.yaml").read_text(), out.read_text())


def test_merge_into_the_scenario_itself_keeps_its_bytes(tmp_path):
    scenario = tmp_path / "s.yaml"
    scenario.write_bytes(b"\xef\xbb\xbf" + SEED.read_bytes().replace(b"\n", b"\r\n"))
    before = scenario.read_bytes()
    fragment = tmp_path / "f.yaml"
    fragment.write_text("relations: [{actors: [russia, us_coalition], stance: rival}]\n")
    assert main(["merge", str(scenario), str(fragment), "-o", str(scenario)]) == 0
    after = scenario.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf") and b"\n" not in after.replace(b"\r\n", b"")
    assert only_insertions(before.decode(), after.decode())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.yaml", "s.yaml"]


@pytest.mark.parametrize("name", ["a pair twice", "evidence: 5", "source id a list", "5,000 nested lists", "a syntax error"])
def test_malformed_fragments_exit_2_on_the_command_line_and_write_nothing(tmp_path, capsys, name):
    fragment = tmp_path / "f.yaml"
    fragment.write_text(HOSTILE[name][0])
    out = tmp_path / "out.yaml"
    assert main(["merge", str(SEED), str(fragment), "-o", str(out)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err and all(line.startswith(f"{fragment}:") for line in err), err
    assert HOSTILE[name][1] in "\n".join(err)
    assert not out.exists()


def test_command_line_errors_exit_2_and_write_nothing(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "missing.txt"), "--actors", str(SEED)]) == 2
    assert "missing.txt: no such file" in capsys.readouterr().err
    article = tmp_path / "a.txt"
    article.write_text("Russia attacked Islamic State.")
    assert main(["extract", str(article), "--actors", str(SEED), "-o", str(tmp_path / "x.json")]) == 2
    assert not (tmp_path / "x.json").exists()
    bad = tmp_path / "bad.yaml"
    bad.write_text("relations:\n  - {actors: [assad, nobody], stance: ally}\n")
    assert main(["merge", str(SEED), str(bad), "-o", str(tmp_path / "out.yaml")]) == 2
    assert not (tmp_path / "out.yaml").exists()


def test_human_output_names_the_sentences(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Russia attacked Islamic State near Palmyra. Iran denied backing the rebels.")
    assert main(["extract", str(article), "--actors", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "islamic_state - russia" in out and "Russia attacked Islamic State near Palmyra." in out
    assert "Negated cues" in out and "Palmyra" in out
