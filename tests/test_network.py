"""The model: AllianceNetwork, its graph, derived networks, from_networkx, display."""

from __future__ import annotations

import datetime as dt
import re

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import alliances
from alliances import AllianceNetwork, ScenarioError, UnknownActorError
from alliances._records import (
    Actor,
    ActorKind,
    Evidence,
    Relation,
    Source,
    Stance,
    Theater,
    period_end,
    period_start,
)
from tests._paths import SEED


@pytest.fixture(scope="module")
def seed():
    return alliances.load(SEED)


def toy(**kw):
    return AllianceNetwork(
        "Toy",
        actors=[Actor("a", "A", ActorKind.STATE), Actor("b", "B"), Actor("c", "C")],
        relations=[Relation(("a", "b"), Stance.ALLY), Relation(("c", "b"), "enemy", weight=0.8, confidence=0.6)],
        **kw,
    )


# --------------------------------------------------------------------------- stances
@pytest.mark.parametrize(
    ("stance", "sign", "weight"),
    [("ally", 1, 1.0), ("friendly", 1, 0.5), ("neutral", 0, 1.0), ("ambivalent", 0, 0.5), ("rival", -1, 0.5),
     ("enemy", -1, 1.0)],
)
def test_stance_sign_and_default_weight(stance, sign, weight):
    s = Stance(stance)
    assert (s.sign, s.default_weight, str(s)) == (sign, weight, stance)
    assert s.is_positive == (sign > 0) and s.is_negative == (sign < 0)
    rel = Relation(("a", "b"), stance)
    assert (rel.sign, rel.weight, rel.weight_is_default) == (sign, weight, True)


def test_relation_pair_is_sorted_and_actors_keep_file_order():
    rel = Relation(["z", "a"], "rival")
    assert rel.actors == ("z", "a") and rel.pair == ("a", "z")


# --------------------------------------------------------------------------- graph
def test_graph_nodes_and_edges():
    g = toy().graph
    assert list(g.nodes) == ["a", "b", "c"]
    assert g.nodes["a"] == {"name": "A", "label": "A", "kind": "state", "theaters": []}
    assert g.edges["b", "c"] == {"sign": -1, "weight": 0.8, "stance": "enemy", "confidence": 0.6, "kind": None,
                                 "fighting": None, "evidence": []}
    assert g.edges["a", "b"]["sign"] == 1


def test_graph_is_cached(seed):
    assert seed.graph is seed.graph


def test_unknown_is_not_neutral():
    net = toy().with_relation("a", "c", "neutral")
    assert net.stance("a", "c") is Stance.NEUTRAL
    assert net.graph.edges["a", "c"]["sign"] == 0
    net2 = toy()
    assert net2.stance("a", "c") is None and not net2.graph.has_edge("a", "c")


def test_ambivalent_is_sign_zero_with_its_own_stance():
    g = toy().with_relation("a", "c", "ambivalent").graph
    assert (g.edges["a", "c"]["sign"], g.edges["a", "c"]["stance"]) == (0, "ambivalent")


@pytest.mark.parametrize(
    ("since", "until", "active"),
    [(None, None, True), (2017, None, True), (2018, None, False), (None, 2017, True), (None, 2016, False),
     (dt.date(2017, 9, 5), dt.date(2017, 9, 5), True), (dt.date(2017, 9, 6), None, False),
     (None, dt.date(2017, 9, 4), False), (2010, 2020, True)],
)
def test_relations_out_of_their_period_leave_the_graph(since, until, active):
    net = AllianceNetwork(
        "T", actors=[Actor("a", "A"), Actor("b", "B")],
        relations=[Relation(("a", "b"), "ally", since=since, until=until)], as_of=dt.date(2017, 9, 5))
    assert net.graph.has_edge("a", "b") is active
    assert (net.stance("a", "b") is Stance.ALLY) is active
    assert net.relation("a", "b") is not None  # kept in the network either way
    assert len(net.active_relations) + len(net.inactive_relations) == 1
    assert len(net.active_relations) == int(active)


def test_without_as_of_every_relation_is_in_force():
    net = AllianceNetwork("T", actors=[Actor("a", "A"), Actor("b", "B")],
                          relations=[Relation(("a", "b"), "ally", since=2030)])
    assert net.graph.has_edge("a", "b")


def test_inactive_relation_from_a_file():
    text = SEED.read_text("utf-8").replace("    kind: civil war\n    since: 2011\n",
                                            "    kind: civil war\n    since: 2011\n    until: 2016\n")
    net = alliances.loads(text)
    assert net.relation("assad", "syrian_rebels").until == 2016
    assert not net.graph.has_edge("assad", "syrian_rebels")
    assert net.graph.number_of_edges() == 17
    assert [r.pair for r in net.inactive_relations] == [("assad", "syrian_rebels")]


# --------------------------------------------------------------------------- queries and errors
def test_queries(seed):
    assert "assad" in seed and "nobody" not in seed
    assert len(seed) == 8 and list(seed)[0] == "assad"
    assert seed.actor("us_coalition").display == "US coalition"
    assert seed.actor("iran").display == "Iran"
    assert seed.relation("islamic_state", "assad") is seed.relation("assad", "islamic_state")


def test_unknown_actor_error_suggests(seed):
    with pytest.raises(UnknownActorError) as info:
        seed.stance("asad", "iran")
    assert str(info.value) == "unknown actor 'asad' (did you mean 'assad'?)"
    assert isinstance(info.value, KeyError) and isinstance(info.value, ValueError)


def test_constructor_rejects_bad_relations():
    with pytest.raises(ScenarioError, match="relation a - x: unknown actor 'x'"):
        AllianceNetwork("T", actors=[Actor("a", "A")], relations=[Relation(("a", "x"), "ally")])
    with pytest.raises(ScenarioError, match="two relations for the pair a - b"):
        AllianceNetwork("T", actors=[Actor("a", "A"), Actor("b", "B")],
                        relations=[Relation(("a", "b"), "ally"), Relation(("b", "a"), "enemy")])


def test_equality():
    assert toy() == toy()
    assert toy() != toy(as_of=dt.date(2020, 1, 1))
    assert toy() != toy().with_relation("a", "b", "friendly")
    assert toy().__eq__(3) is NotImplemented


# --------------------------------------------------------------------------- derived networks
def test_with_relation_changes_adds_and_removes():
    net = toy()
    changed = net.with_relation("b", "a", "rival")
    assert changed.stance("a", "b") is Stance.RIVAL
    assert changed.relation("a", "b").weight == 0.5  # back to the new stance's default
    assert [r.pair for r in changed.relations] == [r.pair for r in net.relations]  # same place
    assert net.stance("a", "b") is Stance.ALLY  # the original is untouched
    added = net.with_relation("a", "c", "friendly", weight=0.3)
    assert added.relation("a", "c").weight == 0.3 and added.graph.has_edge("a", "c")
    removed = net.with_relation("a", "b", None)
    assert removed.relation("a", "b") is None and not removed.graph.has_edge("a", "b")
    with pytest.raises(ScenarioError):
        net.with_relation("a", "a", "ally")
    with pytest.raises(UnknownActorError):
        net.with_relation("a", "zz", "ally")


def test_with_relation_keeps_evidence():
    net = toy(sources=[Source("s1")]).with_relation("a", "b", "ally", evidence=(Evidence("s1", "n"),), confidence=0.4)
    again = net.with_relation("a", "b", "friendly")
    assert again.relation("a", "b").evidence == (Evidence("s1", "n"),)
    assert again.relation("a", "b").confidence == 0.4


def test_without_actor(seed):
    net = seed.without_actor("islamic_state")
    assert "islamic_state" not in net and "islamic_state" not in net.graph
    assert all("islamic_state" not in r.actors for r in net.relations)
    assert len(seed.actors) == 8  # untouched


def test_with_theater():
    net = toy().with_theater("a", "deir_al_zor")
    assert net.actors["a"].theaters == ("deir_al_zor",)
    assert net.theaters["deir_al_zor"] == Theater("deir_al_zor", "Deir Al Zor")
    assert net.graph.nodes["a"]["theaters"] == ["deir_al_zor"]
    assert net.with_theater("a", "deir_al_zor") == net
    named = toy().with_theater("b", "raqqa", "Raqqa")
    assert named.theaters["raqqa"].name == "Raqqa"


def test_replace():
    assert toy().replace(scenario="Other").scenario == "Other"


# --------------------------------------------------------------------------- from_networkx
def test_from_networkx_sign_and_weight():
    g = nx.Graph()
    g.add_edge("x", "y", sign=-1)
    g.add_edge("y", "z", weight=0.4)
    g.add_edge("z", "w", weight=-0.9)
    g.add_edge("w", "x", weight=0.8, sign=1)
    g.add_edge("x", "z", sign=0)
    g.add_edge("y", "w", weight=3.0)
    g.add_edge("x", "x", sign=1)  # a self-loop is not a relation
    net = AllianceNetwork.from_networkx(g)
    got = {r.pair: (r.stance.value, r.weight) for r in net.relations}
    assert got == {
        ("x", "y"): ("enemy", 1.0),
        ("y", "z"): ("friendly", 0.4),
        ("w", "z"): ("enemy", 0.9),
        ("w", "x"): ("ally", 0.8),
        ("x", "z"): ("neutral", 1.0),
        ("w", "y"): ("ally", 1.0),  # capped at 1
    }
    assert net.scenario == "Imported graph"
    assert all(a.kind is ActorKind.OTHER for a in net.actors.values())


def test_from_networkx_stance_wins_and_options():
    g = nx.DiGraph()
    g.add_edge(1, 2, polarity=-1, strength=0.7, stance="rival", confidence=0.5, kind="feud")
    g.add_node(1, name="One", kind="state", label="1!")
    net = AllianceNetwork.from_networkx(g, scenario="Mine", sign="polarity", weight="strength",
                                        as_of=dt.date(2020, 1, 1))
    rel = net.relation("1", "2")
    assert (rel.stance, rel.weight, rel.confidence, rel.kind) == (Stance.RIVAL, 0.7, 0.5, "feud")
    assert net.actors["1"] == Actor("1", "One", ActorKind.STATE, label="1!")
    assert net.actors["2"].name == "2"
    assert (net.scenario, net.as_of) == ("Mine", dt.date(2020, 1, 1))


def test_from_networkx_of_the_seed_graph_gives_it_back(seed):
    back = AllianceNetwork.from_networkx(seed.graph)
    assert list(back.actors) == list(seed.actors)
    for a in seed.actors.values():
        b = back.actors[a.id]
        assert (b.name, b.kind, b.label, b.theaters) == (a.name, a.kind, a.label, a.theaters)
    assert {(r.pair, r.stance, r.weight, r.confidence, r.kind) for r in back.relations} == {
        (r.pair, r.stance, r.weight, r.confidence, r.kind) for r in seed.active_relations}
    assert nx.utils.edges_equal(back.graph.edges, seed.graph.edges)


@pytest.mark.parametrize(
    "attrs", [{"stance": "friend"}, {"sign": "plus"}, {"weight": "heavy"}, {"confidence": 2.0}, {"confidence": "x"}])
def test_from_networkx_bad_edge_attributes(attrs):
    g = nx.Graph()
    g.add_edge("a", "b", **attrs)
    with pytest.raises(ScenarioError, match="edge a - b"):
        AllianceNetwork.from_networkx(g)


def test_from_networkx_nan_weight_means_default():
    g = nx.Graph()
    g.add_edge("a", "b", sign=-1, weight=float("nan"))
    rel = AllianceNetwork.from_networkx(g).relation("a", "b")
    assert (rel.stance, rel.weight) == (Stance.ENEMY, 1.0)


def test_from_networkx_name_clash():
    g = nx.Graph()
    g.add_edge(1, "1")
    with pytest.raises(ScenarioError, match="two nodes, 1 and '1', would both be the actor id '1'"):
        AllianceNetwork.from_networkx(g)
    with pytest.raises(ScenarioError, match="<networkx graph>: two nodes, 'Iran' and 'iran'"):
        AllianceNetwork.from_networkx(nx.Graph([("Iran", "iran")]))


def test_from_networkx_makes_valid_ids_and_keeps_the_names():
    """Node names that are no valid id (capitals, spaces, accents, punctuation) get the nearest
    one; the actor keeps the node's name, so a diagram reads as before and dump/load round-trips."""
    g = nx.Graph()
    g.add_edge("Valjean", "Türkiye", sign=-1)
    g.add_edge("Hay'at Tahrir al-Sham", "Türkiye", sign=1)
    g.add_edge("!!!", "Valjean", sign=1)
    g.add_node("Valjean", theaters=["North Coast", "north_coast"])
    net = AllianceNetwork.from_networkx(g)
    assert list(net.actors) == ["valjean", "turkiye", "hay_at_tahrir_al_sham", "actor_4"]
    assert [a.name for a in net.actors.values()] == ["Valjean", "Türkiye", "Hay'at Tahrir al-Sham", "!!!"]
    assert net.actors["valjean"].theaters == ("north_coast",)
    assert net.theaters["north_coast"].name == "North Coast"
    assert net.stance("valjean", "turkiye") is Stance.ENEMY
    assert alliances.loads(alliances.dumps(net)) == net


@pytest.mark.parametrize("graph", [None, "a-b", nx.MultiGraph([("a", "b")]), {"a": ["b"]}])
def test_from_networkx_takes_a_graph(graph):
    with pytest.raises(alliances.ParameterTypeError, match="graph must be a networkx Graph or DiGraph"):
        AllianceNetwork.from_networkx(graph)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6), st.sampled_from([-1, 1]),
                          st.floats(0.05, 1.0)), max_size=15))
def test_from_networkx_keeps_every_signed_edge(edges):
    g = nx.Graph()
    g.add_nodes_from(range(7))
    for u, v, s, w in edges:
        g.add_edge(u, v, weight=s * w)
    net = AllianceNetwork.from_networkx(g)
    expected = {(min(str(u), str(v)), max(str(u), str(v))): (1 if d["weight"] > 0 else -1)
                for u, v, d in g.edges(data=True) if u != v}
    got = {(min(u, v), max(u, v)): d["sign"] for u, v, d in net.graph.edges(data=True)}
    assert got == expected
    assert alliances.loads(alliances.dumps(net)) == net


# --------------------------------------------------------------------------- what dump writes, load reads
IDS = st.from_regex(r"[a-z0-9_]{1,10}", fullmatch=True)
SOURCE_IDS = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,12}", fullmatch=True)
TEXT = st.text(min_size=1, max_size=40).filter(str.strip)  # any characters, control characters included
MAYBE_TEXT = st.none() | TEXT
DAYS = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
BOUNDS = st.none() | st.integers(1000, 9999) | DAYS
FRACTIONS = st.floats(min_value=0.0, max_value=1.0, exclude_min=True)


@st.composite
def networks(draw):
    """Random valid networks built through the API: every field, every reference, any text."""
    theaters = [Theater(t, draw(TEXT), notes=draw(MAYBE_TEXT)) for t in draw(st.lists(IDS, max_size=3, unique=True))]
    sources = [Source(s, title=draw(MAYBE_TEXT), publisher=draw(MAYBE_TEXT), date=draw(st.none() | DAYS),
                      url=draw(MAYBE_TEXT), notes=draw(MAYBE_TEXT))
               for s in draw(st.lists(SOURCE_IDS, max_size=3, unique=True))]
    ids = draw(st.lists(IDS, min_size=2, max_size=6, unique=True))
    actors = [Actor(a, draw(TEXT), draw(st.sampled_from(list(ActorKind))), label=draw(MAYBE_TEXT),
                    aliases=tuple(draw(st.lists(TEXT, max_size=2))),
                    theaters=tuple(draw(st.lists(st.sampled_from([t.id for t in theaters]), max_size=2, unique=True)))
                    if theaters else (), notes=draw(MAYBE_TEXT))
              for a in ids]
    pairs = draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)).filter(lambda p: p[0] != p[1]),
                          max_size=8, unique_by=lambda p: frozenset(p)))
    relations = []
    for a, b in pairs:
        since, until = draw(BOUNDS), draw(BOUNDS)
        if since is not None and until is not None and period_end(until) < period_start(since):
            since, until = until, since
            if period_end(until) < period_start(since):  # a date inside a year and that year
                since = None
        evidence = tuple(Evidence(s.id, draw(MAYBE_TEXT)) for s in draw(st.lists(st.sampled_from(sources), max_size=2))
                         ) if sources else ()
        relations.append(Relation((a, b), draw(st.sampled_from(list(Stance))), weight=draw(st.none() | FRACTIONS),
                                  confidence=draw(FRACTIONS), kind=draw(MAYBE_TEXT), since=since, until=until,
                                  evidence=evidence, notes=draw(MAYBE_TEXT)))
    return AllianceNetwork(draw(TEXT), actors=actors, relations=relations, theaters=theaters, sources=sources,
                           as_of=draw(st.none() | DAYS), description=draw(MAYBE_TEXT), notes=draw(MAYBE_TEXT))


@settings(max_examples=150, deadline=None)
@given(networks())
def test_every_network_dump_writes_is_one_load_reads(net):
    text = alliances.dumps(net)
    assert alliances.loads(text) == net
    assert alliances.dumps(alliances.loads(text)) == text


def _valid_parts():
    return {"scenario": "T", "actors": [Actor("a", "A"), Actor("b", "B"), Actor("c", "C", theaters=("t",))],
            "relations": [Relation(("a", "b"), "ally", evidence=(Evidence("s"),))],
            "theaters": [Theater("t", "T")], "sources": [Source("s")]}


BREAKAGES = {
    "duplicate actor id": lambda p: p["actors"].append(Actor("a", "Another A")),
    "relation a - x: unknown actor 'x'": lambda p: p["relations"].append(Relation(("a", "x"), "enemy")),
    "two relations for the pair a - b": lambda p: p["relations"].append(Relation(("b", "a"), "enemy")),
    "cites unknown source 'z'": lambda p: p["relations"].append(Relation(("a", "c"), "ally", evidence=(Evidence("z"),))),
    "placed in unknown theater 'u'": lambda p: p["actors"].append(Actor("d", "D", theaters=("u",))),
    "duplicate theater id 't'": lambda p: p["theaters"].append(Theater("t", "Again")),
    "duplicate source id 's'": lambda p: p["sources"].append(Source("s")),
    "actors: the key 'x' holds the actor 'a'": lambda p: p.update(actors={"x": Actor("a", "A")}, relations=[]),
    "actors must be a list of Actor, not 'ab'": lambda p: p.update(actors="ab"),
    "each of relations must be a Relation, not ('a', 'b', 'ally')": lambda p: p.update(relations=[("a", "b", "ally")]),
    "scenario (the title) is empty": lambda p: p.update(scenario=" "),
    "as_of '2017-13-01' is not a date in the calendar": lambda p: p.update(as_of="2017-13-01"),
    "version must be a format version this release reads (1), not 2": lambda p: p.update(version=2),
}


@pytest.mark.parametrize("problem", sorted(BREAKAGES))
def test_an_inconsistent_network_cannot_be_built(problem):
    parts = _valid_parts()
    AllianceNetwork(**parts)  # valid as it is
    BREAKAGES[problem](parts)
    with pytest.raises((ScenarioError, alliances.ParameterError), match=re.escape(problem)):
        AllianceNetwork(**parts)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(sorted(BREAKAGES)), min_size=1, max_size=4, unique=True))
def test_every_problem_of_a_network_is_reported_at_once(problems):
    consistency = [p for p in problems if p.startswith(("duplicate", "relation", "two", "cites", "placed"))]
    parts = _valid_parts()
    for p in consistency:
        BREAKAGES[p](parts)
    if not consistency:
        return
    with pytest.raises(ScenarioError) as info:
        AllianceNetwork(**parts)
    for p in consistency:
        assert p in str(info.value)
    assert len(info.value.problems) == len(consistency)


def test_duplicate_actor_ids_no_longer_replace_each_other():
    """Once the second actor silently replaced the first, and dump wrote a file load refused."""
    with pytest.raises(ScenarioError, match="duplicate actor id 'a'"):
        AllianceNetwork("T", actors=[Actor("a", "A"), Actor("a", "B"), Actor("b", "B")])


def test_a_network_of_fewer_than_two_actors_is_not_written(tmp_path):
    net = AllianceNetwork("T", actors=[Actor("a", "A")])
    with pytest.raises(alliances.ParameterError, match="a scenario file needs at least 2 actors; the network 'T' has 1"):
        alliances.dump(net, tmp_path / "t.yaml")
    assert not list(tmp_path.iterdir())


def test_methods_check_their_arguments(seed):
    with pytest.raises(alliances.ParameterTypeError, match="an actor id must be text, not None"):
        seed.actor(None)
    with pytest.raises(alliances.ParameterTypeError, match=r"an actor id must be text, not \[\]"):
        seed.stance([], "iran")
    assert [] not in seed and None not in seed
    with pytest.raises(alliances.ParameterError, match="weight of relation iran - russia must be a number"):
        seed.with_relation("iran", "russia", "ally", weight=2)
    with pytest.raises(alliances.ParameterTypeError, match="a relation has no field 'wieght'.*did you mean 'weight'"):
        seed.with_relation("iran", "russia", "ally", wieght=0.5)
    with pytest.raises(alliances.ParameterError, match="stance must be one of: .*not 'Ally'"):
        seed.with_relation("iran", "russia", "Ally")
    with pytest.raises(alliances.ParameterTypeError, match="a network has no field 'asof'"):
        seed.replace(asof=dt.date(2020, 1, 1))
    with pytest.raises(alliances.ParameterError, match="theater id must use only lowercase"):
        seed.with_theater("iran", "Raqqa")


# --------------------------------------------------------------------------- display
def test_repr(seed):
    assert repr(seed) == "<AllianceNetwork 'Syria, Deir al-Zor offensive': 8 actors, 18 relations>"


def test_repr_html(seed):
    html = seed._repr_html_()
    assert html.startswith("<div><strong>Syria, Deir al-Zor offensive</strong> as of 2017-09-05")
    assert html.count("<table>") == 2
    assert html.count("<tr><td>") == 8 + 18
    assert "<td>us_coalition</td><td>assad</td><td>rival</td><td>0.5</td><td>1</td><td>2</td>" in html


def test_repr_html_escapes_and_marks_inactive():
    net = AllianceNetwork("<b>T</b>", actors=[Actor("a", "A & <i>"), Actor("b", "B")],
                          relations=[Relation(("a", "b"), "ally", until=2000)], as_of=dt.date(2017, 1, 1))
    html = net._repr_html_()
    assert "<b>T</b>" not in html and "&lt;b&gt;T&lt;/b&gt;" in html
    assert "A &amp; &lt;i&gt;" in html
    assert "not in force" in html


def test_repr_html_of_a_large_network_is_cut():
    actors = [Actor(f"a{i}", f"A{i}") for i in range(200)]
    relations = [Relation((f"a{i}", f"a{i + 1}"), "ally") for i in range(199)]
    html = AllianceNetwork("Big", actors=actors, relations=relations)._repr_html_()
    assert "200 actors, 199 relations" in html
    assert "... and 140 more actors" in html and "... and 139 more relations" in html
    assert html.count("<tr><td>") == 120


def test_to_dict_matches_yaml_keys(seed):
    data = seed.to_dict()
    assert data["as_of"] == "2017-09-05"
    assert set(data) <= {"version", "scenario", "as_of", "description", "notes", "sources", "theaters", "actors",
                         "relations"}
    assert data["sources"][0]["date"] == "2017-09-05"


def test_the_fighting_level_goes_through_the_graph_and_back():
    net = alliances.load(SEED)
    back = AllianceNetwork.from_networkx(net.graph)
    assert {r.pair: r.fighting for r in back.relations} == {r.pair: r.fighting for r in net.active_relations}
    g = nx.Graph()
    g.add_edge("a", "b", sign=-1, fighting="daily")
    with pytest.raises(ScenarioError, match="fighting 'daily' is not one of none, past"):
        AllianceNetwork.from_networkx(g)
