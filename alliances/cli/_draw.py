"""``alliances draw``: the network diagram, stance matrix, risk heatmap, tornado or risk model."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ._common import Command, app, finite, load_scenario, note

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from .._network import AllianceNetwork
    from ..analysis import FactionsResult

__all__ = ["DRAW_TIME_LIMIT", "Kind", "Size", "draw"]

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


class Size(StrEnum):
    """Named figure sizes (those of :data:`alliances.draw.SIZES`)."""

    column = "column"
    page = "page"
    slide = "slide"


_WITH_FACTIONS = (Kind.network, Kind.matrix, Kind.risk)


@app.command(cls=Command)
def draw(
    output: Annotated[Path, typer.Option("-o", "--output", metavar="OUT", help="OUT.png, OUT.svg or OUT.pdf (the extension picks the format); "
                                         "OUT.html: the interactive network view.", show_default=False)],
    path: Annotated[Path | None, typer.Argument(help="A scenario file (YAML); not needed for --kind model.",
                                                show_default=False, metavar="FILE")] = None,
    kind: Annotated[Kind, typer.Option("--kind", help="What to draw.")] = Kind.network,
    pair: Annotated[tuple[str, str] | None, typer.Option("--pair", metavar="A B",
                                                         help="The pair of a tornado (each by id, name, label or alias).")] = None,
    top: Annotated[int, typer.Option("--top", metavar="N", min=0, help="Network: highlight the N riskiest pairs not at war.")] = 0,
    size: Annotated[Size | None, typer.Option("--size", help="column (3.5 in wide), page (6.5 in) or slide "
                                              "(13.3 x 7.5 in); --width/--height override it.",
                                              show_default=False)] = None,
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
    if path is None and kind is not Kind.model:
        raise typer.BadParameter(f"--kind {kind.value} draws a scenario: give its FILE (only --kind model needs none)",
                                 param_hint="FILE")
    if kind is Kind.tornado and pair is None:
        raise typer.BadParameter("--kind tornado needs --pair A B", param_hint="--pair")
    if pair is not None and kind is not Kind.tornado:
        raise typer.BadParameter("--pair is only used with --kind tornado", param_hint="--pair")
    if top and kind is not Kind.network:
        raise typer.BadParameter("--top is only used with --kind network", param_hint="--top")
    from ..draw import FORMATS, HTML_FORMATS, check_pixels, figure_size  # none of them loads matplotlib
    from ..readwrite import output_format

    fmt = output_format(output, {**FORMATS, **HTML_FORMATS})[1]  # a bad path fails before any work
    raster = fmt == "png"
    w, h = figure_size(size.value if size else None, width, height)
    if raster and w is not None and h is not None:
        check_pixels(w * dpi, h * dpi, dpi=dpi)  # so does a figure too large to hold
    if fmt == "html":
        return _draw_html(path, output, kind, top=top, sized=size is not None or width is not None or height is not None,
                          time_limit=time_limit)
    # then the scenario, whose mistakes are told before matplotlib loads (about half a second)
    net = load_scenario(path) if path is not None and kind is not Kind.model else None
    _no_setter_docs()
    from ..draw import actor_limit_view, draw_figure, save_figure

    if kind is Kind.model:  # the risk model's own diagram: no scenario in it
        fig = draw_figure(None, kind.value, size=size.value if size else None, width=width, height=height,
                          dpi=dpi if raster else _VECTOR_DPI)
        written = save_figure(fig, output, dpi=dpi)
        note(f"wrote {written} ({kind.value}, {_shape(fig, dpi, raster)})")
        return
    assert net is not None
    view = actor_limit_view(kind.value, len(net.actors))
    camps = _factions(net, time_limit) if kind in _WITH_FACTIONS else None
    if kind is Kind.network:
        _tell_what_is_drawn(net, view, camps)
    # the figures draw on their own Agg canvas: no pyplot, no display, the same output everywhere
    fig = draw_figure(net, kind.value, pair=pair, top=top, size=size.value if size else None, width=width,
                      height=height, dpi=dpi if raster else _VECTOR_DPI, factions=camps)
    written = save_figure(fig, output, dpi=dpi)
    note(f"wrote {written} ({kind.value}, {_shape(fig, dpi, raster)}{_proof(camps, time_limit)})")


def _no_setter_docs() -> None:
    """Spare matplotlib the ``set()`` docstring and signature it writes for each artist class as
    it is defined.

    Writing them (every settable property with its accepted values, read out of the setters'
    docstrings, and a signature listing them) is about a tenth of a second of every cold
    ``alliances draw``, for a text a command line never shows: ``set()`` itself takes its
    keywords as before. Only this process is affected, and only artist classes defined after
    this call; a matplotlib without these hooks is left as it is.
    """
    import matplotlib.artist

    if hasattr(matplotlib.artist, "kwdoc"):
        matplotlib.artist.kwdoc = lambda artist: ""
    artist = matplotlib.artist.Artist
    if callable(getattr(artist, "_update_set_signature_and_docstring", None)):
        # keep the one mark matplotlib reads back: a subclass's subclasses get their own set() too
        setattr(artist, "_update_set_signature_and_docstring", classmethod(_mark_set))  # noqa: B010 (untyped: private)


def _mark_set(cls: type) -> None:
    cls.set._autogenerated_signature = True  # type: ignore[attr-defined]


def _shape(fig: Figure, dpi: int, raster: bool) -> str:
    """``1050x750 px`` for a picture, ``7.0x5.0 in`` for a vector file."""
    w, h = fig.get_size_inches()
    return f"{round(w * dpi)}x{round(h * dpi)} px" if raster else f"{w:.1f}x{h:.1f} in"


def _tell_what_is_drawn(net: AllianceNetwork, view: str, camps: FactionsResult | None) -> None:
    """A note on stderr when the network is drawn by camp, or some actors are in no camp."""
    from ..draw import DETAIL_MAX_ACTORS

    if view == "camps":
        note(f"note: {len(net.actors)} actors, more than {DETAIL_MAX_ACTORS}: the network is drawn by camp (one "
             "node per camp, with the positive and negative ties between camps); --kind matrix shows every actor")
        return
    alone = [a.display for v, a in net.actors.items() if camps is not None and v in camps.isolated]
    if alone:
        note(f"note: no signed tie, so in no camp (drawn grey): {', '.join(alone)}")


def _draw_html(path: Path | None, output: Path, kind: Kind, *, top: int, sized: bool, time_limit: float) -> None:
    """The interactive view (network kind only): one self-contained page, the risk layer on with --top N."""
    if kind is not Kind.network:
        raise typer.BadParameter(f"an .html file holds the interactive network view; --kind {kind.value} draws "
                                 ".png, .svg or .pdf", param_hint="--output")
    if sized:
        raise typer.BadParameter("--size, --width and --height size a picture; the .html view fills its window",
                                 param_hint="--size/--width/--height")
    from ..draw import actor_limit_view, to_html

    assert path is not None  # checked by draw: only the model needs no scenario
    net = load_scenario(path)
    actor_limit_view(kind.value, len(net.actors))  # the view zooms: every actor up to the hard limit
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
