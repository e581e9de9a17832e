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
