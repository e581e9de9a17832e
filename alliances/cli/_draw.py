"""``alliances draw``: the network diagram, stance matrix, risk heatmap, tornado or risk model."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ._common import Command, app, finite, load_scenario, note

if TYPE_CHECKING:
    from .._network import AllianceNetwork
    from ..analysis import FactionsResult

__all__ = ["DRAW_TIME_LIMIT", "Kind", "draw"]

DRAW_TIME_LIMIT = 5.0
"""Default seconds for the exact factions solver behind a diagram's camps (the colours need no proof)."""

_VECTOR_DPI = 150  # .svg and .pdf have no pixels: text is measured at the usual resolution


class Kind(StrEnum):
    """The diagram kinds (those of :data:`alliances.draw.KINDS`, named here so ``--help`` needs no matplotlib)."""

    network = "network"
    matrix = "matrix"
    risk = "risk"
    tornado = "tornado"
    model = "model"


_WITH_FACTIONS = (Kind.network, Kind.matrix, Kind.risk)


@app.command(cls=Command)
def draw(
    path: Annotated[Path, typer.Argument(help="A scenario file (YAML).", show_default=False, metavar="FILE")],
    output: Annotated[Path, typer.Option("-o", "--output", metavar="OUT", help="OUT.png, OUT.svg or OUT.pdf (the extension picks the format); "
                                         "OUT.html: the interactive network view.", show_default=False)],
    kind: Annotated[Kind, typer.Option("--kind", help="What to draw.")] = Kind.network,
    pair: Annotated[tuple[str, str] | None, typer.Option("--pair", metavar="A B",
                                                         help="The pair of a tornado (actor ids).")] = None,
    top: Annotated[int, typer.Option("--top", metavar="N", min=0, help="Network: highlight the N riskiest pairs not at war.")] = 0,
    dpi: Annotated[int, typer.Option("--dpi", metavar="DPI", min=20, max=1200,
                                     help="Resolution of PNG output (at most 100 megapixels in all).")] = 150,
    width: Annotated[float | None, typer.Option("--width", min=1.0, max=60.0, metavar="IN", callback=finite,
                                                help="Figure width in inches.")] = None,
    height: Annotated[float | None, typer.Option("--height", min=1.0, max=60.0, metavar="IN", callback=finite,
                                                 help="Figure height in inches.")] = None,
    time_limit: Annotated[float, typer.Option(
        "--time-limit", metavar="SECONDS", min=0.0, callback=finite,
        help="Seconds for the exact factions solver behind the camps (network, matrix, risk); when it stops "
             "early the camps are the best found, and the gap is reported.")] = DRAW_TIME_LIMIT,
) -> None:
    """Draw a diagram of the scenario: network (default), matrix, risk, tornado (--pair A B) or model."""
    if kind is Kind.tornado and pair is None:
        raise typer.BadParameter("--kind tornado needs --pair A B", param_hint="--pair")
    if pair is not None and kind is not Kind.tornado:
        raise typer.BadParameter("--pair is only used with --kind tornado", param_hint="--pair")
    if top and kind is not Kind.network:
        raise typer.BadParameter("--top is only used with --kind network", param_hint="--top")
    from ..draw import FORMATS, HTML_FORMATS, actor_limit_view, check_pixels, draw_figure, save_figure
    from ..readwrite import output_format

    fmt = output_format(output, {**FORMATS, **HTML_FORMATS})[1]  # a bad path fails before any work
    if fmt == "html":
        return _draw_html(path, output, kind, top=top, sized=width is not None or height is not None,
                          time_limit=time_limit)
    raster = fmt == "png"
    if raster and width is not None and height is not None:
        check_pixels(width * dpi, height * dpi, dpi=dpi)  # so does a figure too large to hold
    net = load_scenario(path)
    if kind is not Kind.model and actor_limit_view(kind.value, len(net.actors)) == "crowded":
        note(f"note: {len(net.actors)} actors, each drawn: the network diagram is hard to read above 60 and takes "
             "minutes; --kind matrix reads better")
    camps = _factions(net, time_limit) if kind in _WITH_FACTIONS else None
    # the figures draw on their own Agg canvas: no pyplot, no display, the same output everywhere
    fig = draw_figure(net, kind.value, pair=pair, top=top, width=width, height=height,
                      dpi=dpi if raster else _VECTOR_DPI, factions=camps)
    written = save_figure(fig, output, dpi=dpi)
    w, h = fig.get_size_inches()
    size = f"{round(w * dpi)}x{round(h * dpi)} px" if raster else f"{w:.1f}x{h:.1f} in"
    note(f"wrote {written} ({kind.value}, {size}{_proof(camps, time_limit)})")


def _draw_html(path: Path, output: Path, kind: Kind, *, top: int, sized: bool, time_limit: float) -> None:
    """The interactive view (network kind only): one self-contained page, the risk layer on with --top N."""
    if kind is not Kind.network:
        raise typer.BadParameter(f"an .html file holds the interactive network view; --kind {kind.value} draws "
                                 ".png, .svg or .pdf", param_hint="--output")
    if sized:
        raise typer.BadParameter("--width and --height size a picture; the .html view fills its window",
                                 param_hint="--width/--height")
    from ..draw import actor_limit_view, to_html

    net = load_scenario(path)
    actor_limit_view(kind.value, len(net.actors))  # the view zooms: crowded is fine, too many is not
    camps = _factions(net, time_limit)
    layers = ("ties", "camps", "risk") if top else ("ties", "camps")
    page = to_html(net, path=output, top=top or 5, layers=layers, factions=camps)
    note(f"wrote {output} (interactive network view, {len(page.encode('utf-8')) / 1e6:.1f} MB"
         f"{_proof(camps, time_limit)})")


def _factions(net: AllianceNetwork, time_limit: float) -> FactionsResult:
    """The camps a diagram colours, the exact solver given ``time_limit`` seconds."""
    from ..analysis import factions

    return factions(net, time_limit=time_limit)


def _proof(camps: FactionsResult | None, time_limit: float) -> str:
    """``; camps: best found within 5 s, gap 12% ...`` when the factions are not proven optimal, else nothing."""
    if camps is None or camps.optimal:
        return ""
    gap = f"gap {camps.gap:.0%}" if camps.gap is not None else "no lower bound"
    if camps.method == "heuristic":  # too large for the exact solver
        return f"; camps: heuristic, {gap}, not proven optimal"
    return f"; camps: best found within {time_limit:g} s, {gap}, not proven optimal (--time-limit for longer)"
