"""``alliances draw``: the network diagram, stance matrix, risk heatmap, tornado or risk model."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ._common import Command, app, load_scenario

__all__ = ["Kind", "draw"]


class Kind(StrEnum):
    """The diagram kinds (those of :data:`alliances.draw.KINDS`, named here so ``--help`` needs no matplotlib)."""

    network = "network"
    matrix = "matrix"
    risk = "risk"
    tornado = "tornado"
    model = "model"


@app.command(cls=Command)
def draw(
    path: Annotated[Path, typer.Argument(help="A scenario file (YAML).", show_default=False, metavar="FILE")],
    output: Annotated[Path, typer.Option("-o", "--output", metavar="OUT", help="OUT.png, OUT.svg or OUT.pdf (the extension picks the format); "
                                         "OUT.html: the interactive network view.", show_default=False)],
    kind: Annotated[Kind, typer.Option("--kind", help="What to draw.")] = Kind.network,
    pair: Annotated[tuple[str, str] | None, typer.Option("--pair", metavar="A B",
                                                         help="The pair of a tornado (actor ids).")] = None,
    top: Annotated[int, typer.Option("--top", metavar="N", min=0, help="Network: highlight the N riskiest pairs not at war.")] = 0,
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
    from ..draw import FORMATS, HTML_FORMATS, draw_figure, save_figure
    from ..readwrite import output_format

    if output_format(output, {**FORMATS, **HTML_FORMATS})[1] == "html":  # a bad path fails before any work
        return _draw_html(path, output, kind, top=top, sized=width is not None or height is not None)
    net = load_scenario(path)
    # the figures draw on their own Agg canvas: no pyplot, no display, the same output everywhere
    fig = draw_figure(net, kind.value, pair=pair, top=top, width=width, height=height, dpi=dpi)
    written = save_figure(fig, output, dpi=dpi)
    w, h = fig.get_size_inches()
    size = f"{round(w * dpi)}x{round(h * dpi)} px" if written.suffix.lower() == ".png" else f"{w:.1f}x{h:.1f} in"
    print(f"wrote {written} ({kind.value}, {size})", file=sys.stderr)


def _draw_html(path: Path, output: Path, kind: Kind, *, top: int, sized: bool) -> None:
    """The interactive view (network kind only): one self-contained page, the risk layer on with --top N."""
    if kind is not Kind.network:
        raise typer.BadParameter(f"an .html file holds the interactive network view; --kind {kind.value} draws "
                                 ".png, .svg or .pdf", param_hint="--output")
    if sized:
        raise typer.BadParameter("--width and --height size a picture; the .html view fills its window",
                                 param_hint="--width/--height")
    from ..draw import to_html

    net = load_scenario(path)
    layers = ("ties", "camps", "risk") if top else ("ties", "camps")
    page = to_html(net, path=output, top=top or 5, layers=layers)
    print(f"wrote {output} (interactive network view, {len(page.encode('utf-8')) / 1e6:.1f} MB)", file=sys.stderr)
