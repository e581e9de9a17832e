"""``alliances draw``: the network diagram, stance matrix, risk heatmap, tornado or risk model."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ._common import Command, app, load_scenario

if TYPE_CHECKING:
    from .._network import AllianceNetwork

__all__ = ["Kind", "Size", "draw"]


class Kind(StrEnum):
    """The diagram kinds (those of :data:`alliances.draw.KINDS`, named here so ``--help`` needs no matplotlib)."""

    network = "network"
    matrix = "matrix"
    risk = "risk"
    tornado = "tornado"
    model = "model"


class Size(StrEnum):
    """Named figure sizes (those of :data:`alliances.draw.SIZES`)."""

    column = "column"
    page = "page"
    slide = "slide"


@app.command(cls=Command)
def draw(
    path: Annotated[Path, typer.Argument(help="A scenario file (YAML).", show_default=False, metavar="FILE")],
    output: Annotated[Path, typer.Option("-o", "--output", metavar="OUT", help="OUT.png, OUT.svg or OUT.pdf (the extension picks the format).",
                                         show_default=False)],
    kind: Annotated[Kind, typer.Option("--kind", help="What to draw.")] = Kind.network,
    pair: Annotated[tuple[str, str] | None, typer.Option("--pair", metavar="A B",
                                                         help="The pair of a tornado (actor ids).")] = None,
    top: Annotated[int, typer.Option("--top", metavar="N", min=0, help="Network: highlight the N riskiest pairs not at war.")] = 0,
    size: Annotated[Size | None, typer.Option("--size", help="column (3.5 in wide), page (6.5 in) or slide "
                                              "(13.3 x 7.5 in); --width/--height override it.",
                                              show_default=False)] = None,
    dpi: Annotated[int, typer.Option("--dpi", metavar="DPI", min=20, max=1200, help="Resolution of PNG output.")] = 150,
    width: Annotated[float | None, typer.Option("--width", min=1.0, max=60.0, metavar="IN",
                                                help="Figure width in inches.")] = None,
    height: Annotated[float | None, typer.Option("--height", min=1.0, max=60.0, metavar="IN",
                                                 help="Figure height in inches.")] = None,
) -> None:
    """Draw a diagram of the scenario: network (default), matrix, risk, tornado (--pair A B) or model."""
    if kind is Kind.tornado and pair is None:
        raise typer.BadParameter("--kind tornado needs --pair A B", param_hint="--pair")
    if pair is not None and kind is not Kind.tornado:
        raise typer.BadParameter("--pair is only used with --kind tornado", param_hint="--pair")
    if top and kind is not Kind.network:
        raise typer.BadParameter("--top is only used with --kind network", param_hint="--top")
    from ..draw import check_output_path, draw_figure, save_figure

    check_output_path(output)  # a bad path fails before any work
    net = load_scenario(path)
    _tell_what_is_drawn(net, kind)
    # the figures draw on their own Agg canvas: no pyplot, no display, the same output everywhere
    fig = draw_figure(net, kind.value, pair=pair, top=top, size=size.value if size else None, width=width,
                      height=height, dpi=dpi)
    written = save_figure(fig, output, dpi=dpi)
    w, h = fig.get_size_inches()
    shape = f"{round(w * dpi)}x{round(h * dpi)} px" if written.suffix.lower() == ".png" else f"{w:.1f}x{h:.1f} in"
    print(f"wrote {written} ({kind.value}, {shape})", file=sys.stderr)


def _tell_what_is_drawn(net: AllianceNetwork, kind: Kind) -> None:
    """A note on stderr when the network is drawn by camp, or some actors have no signed tie."""
    from ..draw import CAMP_VIEW_ACTORS

    if kind is not Kind.network:
        return
    if len(net.actors) > CAMP_VIEW_ACTORS:
        print(f"note: {len(net.actors)} actors, more than {CAMP_VIEW_ACTORS}: the network is drawn by camp (one node "
              "per camp, with the positive and negative ties between camps); --kind matrix shows every actor",
              file=sys.stderr)
        return
    signed = {v for u, w, d in net.graph.edges(data=True) if d["stance"] in ("ally", "friendly", "rival", "enemy")
              for v in (u, w)}
    alone = [a.display for v, a in net.actors.items() if v not in signed]
    if alone:
        print(f"note: no signed tie, so in no camp (drawn grey): {', '.join(alone)}", file=sys.stderr)
