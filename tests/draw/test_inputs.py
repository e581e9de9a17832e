"""Analysis results as the diagrams take them: handed in and used as they are, or computed once when missing."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

import alliances
import alliances.risk
from alliances import Actor, AllianceNetwork
from alliances.draw import _inputs, draw_matrix, draw_network
from alliances.draw._inputs import as_network, camp_index, implied_table, node_sizes, risk_table


@pytest.fixture
def three():
    return AllianceNetwork("T", actors=[Actor(i, i.upper()) for i in "abc"])


def test_as_network_takes_a_network_or_a_signed_graph(three):
    assert as_network(three) is three
    g = nx.Graph([("a", "b", {"sign": 1})], scenario="Graph")
    net = as_network(g)
    assert net.scenario == "Graph" and net.stance("a", "b").value == "ally"
    with pytest.raises(TypeError, match="not 'a.yaml'"):
        as_network("a.yaml")


def test_camp_index_from_every_form(three):
    assert camp_index(three, [["c"], ["a", "b"]]) == {"c": 0, "a": 1, "b": 1}
    assert camp_index(three, {"a": 0, "b": None}) == {"a": 0}
    assert camp_index(three, False) == {}
    f = alliances.factions(alliances.load("seeds/syria_2017.yaml"))
    seed = alliances.load("seeds/syria_2017.yaml")
    assert camp_index(seed, f) == {v: i for v, i in f.camp_of().items() if v not in set(f.isolated)}


def test_node_sizes_rescale_to_unit_interval(three):
    assert node_sizes(three, {"a": 1, "b": 3, "c": 2}) == {"a": 0.0, "b": 1.0, "c": 0.5}
    assert node_sizes(three, pd.Series({"a": 5, "b": 5, "c": 5})) == {"a": 0.5, "b": 0.5, "c": 0.5}
    frame = pd.DataFrame({"actor": ["a", "b", "c"], "total": [0, 4, 2]})
    assert node_sizes(three, frame) == {"a": 0.0, "b": 1.0, "c": 0.5}
    assert node_sizes(three, False) == {"a": 0.5, "b": 0.5, "c": 0.5}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_default_node_sizes_are_the_signed_degree(seed):
    """Counted without signed_degree's table, the same sizes as from it (neutral and ambivalent ties not counted)."""
    from tests.draw._scenarios import random_network

    for net in (alliances.load("seeds/syria_2017.yaml"), random_network(40, seed)):
        assert node_sizes(net, None) == node_sizes(net, alliances.signed_degree(net))
        assert len(set(node_sizes(net, None).values())) > 2  # the sizes differ: the check can fail


def test_tables_are_passed_through_or_computed(three):
    given = pd.DataFrame({"a": ["a"], "b": ["b"], "stance": ["rival"], "p_clash": [0.5]})
    assert risk_table(three, given) is given
    assert implied_table(three, given) is given
    assert implied_table(three, False) is None
    seed = alliances.load("seeds/syria_2017.yaml")
    pd.testing.assert_frame_equal(implied_table(seed, None), alliances.implied_relations(seed))


def test_figures_use_results_they_are_handed(nets, monkeypatch):
    def boom(*args, **kwargs):
        raise AssertionError("an analysis was recomputed")

    for name in ("compute_factions", "implied_relations", "signed_edges"):
        monkeypatch.setattr(_inputs, name, boom)
    monkeypatch.setattr(alliances.risk, "conflict_risk", boom)  # imported by the draw code only when needed
    net = nets["two"]
    risk = pd.DataFrame({"a": ["north"], "b": ["south"], "p_clash": [0.4]})
    draw_network(net, factions=[["north"], ["south"]], centrality={"north": 1, "south": 2}, risk=risk, top=1)
    draw_matrix(net, factions={"north": 0, "south": 1}, implied=False)
    with pytest.raises(AssertionError, match="recomputed"):
        draw_network(net)
    with pytest.raises(AssertionError, match="recomputed"):
        draw_network(net, factions=False, centrality=False, top=1)
