"""``alliances timeline --panels``: a count of small multiples, refused outside 1 to 64 before any work."""

from __future__ import annotations

import pytest

from alliances.cli import main
from tests._paths import SEED


@pytest.mark.parametrize("panels", ["0", "-3", "65", "two"])
def test_panels_out_of_range_exit_2(panels, tmp_path, capsys):
    assert main(["timeline", str(SEED), "-o", str(tmp_path / "t.svg"), "--panels", panels]) == 2
    assert "--panels" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_snapshots_with_more_actors_than_a_network_diagram_draws_exit_2(tmp_path, capsys):
    lines = ["scenario: Crowd", "actors:", *(f"  - {{id: a{i:03d}, name: Actor {i}, kind: state}}" for i in range(301))]
    crowd = tmp_path / "crowd.yaml"
    crowd.write_text("\n".join(lines) + "\n", "utf-8")
    for out in ("t.svg", "t.html"):
        assert main(["timeline", str(SEED), str(crowd), "-o", str(tmp_path / out)]) == 2
        assert "the network diagram draws at most 300 actors and this scenario has 301" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["crowd.yaml"]
