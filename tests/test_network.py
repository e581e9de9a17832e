"""The model: AllianceNetwork, its graph, derived networks, from_networkx, display."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import alliances
from alliances import AllianceNetwork, ScenarioError, UnknownActorError
from alliances._records import Actor, ActorKind, Evidence, Relation, Stance, Theater
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
                                 "evidence": []}
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
    with pytest.raises(UnknownActorError):
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
    net = toy().with_relation("a", "b", "ally", evidence=(Evidence("s1", "n"),), confidence=0.4)
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
    with pytest.raises(ScenarioError, match="two nodes are both named '1'"):
        AllianceNetwork.from_networkx(g)


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
