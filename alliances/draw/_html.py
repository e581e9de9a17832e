"""The interactive view: one self-contained HTML file, and the same page inline in Jupyter.

The page is drawn by Cytoscape.js (the Cytoscape Consortium's graph-drawing library, MIT
licence), vendored in ``web/`` with its licence and pinned version and inlined into every
page, together with the view's own script and style sheet: the file opens from disk,
offline, and asks no other host for anything (its Content-Security-Policy forbids it). The
scenario's data is embedded as readable JSON in a ``<script type="application/json">``
element, with ``<``, ``>`` and ``&`` written as JSON escapes so that no text from a
scenario can close the element; the page reads it with ``JSON.parse`` and shows text only
through ``textContent``, so names and notes show verbatim and never run.

In Jupyter, :func:`view` returns an :class:`InteractiveView`, displayed as the same page in
a sandboxed ``<iframe srcdoc>``: no widget extension, no kernel round trips, and it works
in JupyterLab, Notebook 7 and VS Code alike.

References
----------
Franz, M., Lopes, C. T., Fong, D. et al. (2023) Cytoscape.js 2023 update: a graph theory library
for visualization and analysis. Bioinformatics 39(1).
"""

from __future__ import annotations

import hashlib
import html
import json
import os
from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from .._checks import check_instance, check_int, check_path
from ..errors import ParameterTypeError
from ..readwrite import output_format, write_text_atomic
from ._limits import HTML_FORMATS

__all__ = ["CYTOSCAPE_SHA256", "CYTOSCAPE_VERSION", "InteractiveView", "check_html_path",
           "page_html", "to_html", "view"]

CYTOSCAPE_VERSION = "3.35.0"
"""The vendored Cytoscape.js (``web/cytoscape.min.js``, from the npm package ``cytoscape``)."""

CYTOSCAPE_SHA256 = "71fa9ebec21a7ca2c40cff6aacc30d1f6464e363662ad4b2c197e1adc770cd94"
"""SHA-256 of ``web/cytoscape.min.js`` as published in that npm package (checked by the tests)."""


_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
        "font-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'")

_BODY = """<header><h1 id="title">{title}</h1><div class="summary" id="summary"></div></header>
<main>
<div id="drawing">
<div id="cy" role="img" aria-label="{title}: the network of actors and their ties"></div>
<div id="timeline" hidden><button id="play" type="button">Play</button>
<input id="frame" type="range" min="0" max="0" step="1" value="0" aria-label="Snapshot"><span id="frame-label"></span></div>
</div>
<aside>
<section><h2><label for="search">Search an actor</label></h2>
<input id="search" type="search" placeholder="name or alias, then Enter" autocomplete="off"><ul id="matches"></ul></section>
<section><h2>Details</h2><div id="details" class="info muted">Hover over an actor or a tie; click to keep it here.</div></section>
<section><h2>Layers</h2><div id="layers"></div></section>
<section><h2>Filter</h2><div id="stances"></div>
<label>Minimum confidence <input id="min-confidence" type="range" min="0" max="1" step="0.05" value="0">
<span id="min-confidence-value">0</span></label></section>
<section id="risk-section" hidden><h2>Risk</h2><div id="risk-meaning" class="small muted"></div><ol id="risk-list"></ol></section>
<section><h2>Legend</h2><div id="legend"></div></section>
</aside>
</main>
<footer id="sources"></footer>
<div id="tooltip" hidden></div>
<noscript><p>This view needs JavaScript; the same diagram as a picture: <code>alliances draw FILE -o OUT.png</code>.</p></noscript>
"""


def check_html_path(path: str | os.PathLike[str]) -> Path:
    """The output path of an interactive view, checked before any work.

    Parameters
    ----------
    path : str or path-like
        Must end in ``.html`` (or ``.htm``) and be in a folder that exists.

    Returns
    -------
    pathlib.Path

    Raises
    ------
    OutputError
        Another extension, or a folder that does not exist.

    Examples
    --------
    >>> check_html_path("syria.html")
    PosixPath('syria.html')
    >>> check_html_path("syria.png")
    Traceback (most recent call last):
    ...
    alliances.errors.OutputError: cannot write 'syria.png': unknown extension '.png' (use .html or .htm)
    """
    check_path(path, "path")
    return output_format(path, HTML_FORMATS)[0]


def to_html(
    net: Any,
    *,
    path: str | os.PathLike[str] | None = None,
    factions: Any = None,
    risk: Any = None,
    implied: Any = None,
    centrality: Any = None,
    model: Any = None,
    top: int = 5,
    layers: Sequence[str] | None = None,
    title: str | None = None,
    progress: Any = None,
) -> str:
    """The interactive view of a scenario (or of a timeline of snapshots) as one self-contained HTML page.

    The reader hovers an actor (name, kind, aliases, theaters, camp, ties) or a tie (stance,
    weight, confidence, since/until, evidence with its sources); switches layers on and off
    (recorded ties, implied relations with their reason, camps, the risk overlay); filters by
    stance and minimum confidence; clicks an actor to highlight its neighbourhood and see its
    highest P(clash); searches by name or alias; and, for a timeline, steps through the
    snapshots with a slider or the play button, on one layout. Layout, colours, markers and
    legend are those of :func:`~alliances.draw.draw_network`.

    Parameters
    ----------
    net : AllianceNetwork, networkx.Graph, or a sequence of AllianceNetwork
        One scenario, or a timeline's snapshots (e.g. from :func:`alliances.snapshot`).
    path : str or path-like, optional
        Also write the page there (``.html``), atomically: a failure leaves no file.
    factions, risk, implied, centrality, model, top, layers, title, progress
        As for :func:`~alliances.draw.view_data`: precomputed analyses (or None to compute them,
        False to leave them out), the risk overlay's size, the layers shown at first.

    Returns
    -------
    str
        The page. The same input gives the same text (no dates, fixed order).

    Raises
    ------
    OutputError
        ``path`` has another extension than .html or its folder does not exist (checked first).
    ParameterError
        An unknown layer, or precomputed tables handed with a timeline; an argument out of range
        or of the wrong type (a ParameterTypeError).

    Examples
    --------
    >>> import alliances
    >>> net = alliances.load("seeds/syria_2017.yaml")
    >>> page = alliances.to_html(net, risk=False)
    >>> page.startswith("<!DOCTYPE html>"), "Deir al-Zor enclave" in page, "<script src" in page
    (True, True, False)
    """
    target = check_html_path(path) if path is not None else None
    from ._viewdata import view_data  # (the risk model and layout: only when a page is made)

    data = view_data(net, factions=factions, risk=risk, implied=implied, centrality=centrality, model=model,
                     top=top, layers=layers, title=title, progress=progress)
    page = page_html(data)
    if target is not None:
        write_text_atomic(target, page)
    return page


def page_html(data: dict[str, Any]) -> str:
    """The page for the data of :func:`~alliances.draw.view_data`: style, data, Cytoscape.js and the view's script inline.

    Parameters
    ----------
    data : dict
        JSON-ready data (no NaN).

    Returns
    -------
    str

    Examples
    --------
    >>> from alliances.draw import page_html
    >>> page = page_html({"title": "</script><b>x</b>"})
    >>> "<b>" in page, "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003ex" in page
    (False, True)
    """
    title = html.escape(str(data.get("title", "")), quote=True)
    return "".join([
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f'<meta name="generator" content="alliances; Cytoscape.js {CYTOSCAPE_VERSION}">\n',
        f"<title>{title}</title>\n<style>\n{_asset('view.css')}</style>\n</head>\n<body>\n",
        _BODY.format(title=title),
        '<script type="application/json" id="alliances-data">\n', _script_json(data), "\n</script>\n",
        f"<script>\n/* Cytoscape.js {CYTOSCAPE_VERSION}, MIT licence (its notice follows) */\n",
        _asset("cytoscape.min.js"), "\n</script>\n<script>\n", _asset("view.js"), "</script>\n</body>\n</html>\n",
    ])


def _script_json(data: Any) -> str:
    """JSON that can stand inside a ``<script>`` element: ``<``, ``>``, ``&`` and line separators escaped.

    Still JSON (``JSON.parse`` and :func:`json.loads` read it back unchanged) and still readable:
    one record (an actor, a tie, a camp) per line, and only those characters written as ``\\uXXXX``.

    Examples
    --------
    >>> print(_script_json({"name": "</script> & co", "ties": [{"a": 1}, {"a": 2}]}))
    {
     "name": "\\u003c/script\\u003e \\u0026 co",
     "ties": [
      {"a": 1},
      {"a": 2}
     ]
    }
    """
    text = _lines(data, 0)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                         ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def _lines(value: Any, depth: int) -> str:
    """JSON with a line per record: containers that hold a dict or a list of containers open up,
    to four levels (the page's data, a frame, its ties, a tie)."""
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    opens = depth < 4 and any(
        isinstance(c, dict) or (isinstance(c, list) and any(isinstance(x, dict | list) for x in c)) for c in children)
    if not opens:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    pad = "\n" + " " * (depth + 1)
    if isinstance(value, dict):
        items = [f"{json.dumps(k, ensure_ascii=False)}: {_lines(v, depth + 1)}" for k, v in value.items()]
        return "{" + ",".join(pad + item for item in items) + "\n" + " " * depth + "}"
    return "[" + ",".join(pad + _lines(v, depth + 1) for v in value) + "\n" + " " * depth + "]"


@cache
def _asset(name: str) -> str:
    """A file of ``web/``, checked to be safe inline (nothing in it can end its element early)."""
    text = files("alliances.draw").joinpath("web", name).read_text(encoding="utf-8")
    lowered = text.lower()
    if "</script" in lowered or "<!--" in lowered or "</style" in lowered:
        raise RuntimeError(f"web/{name} cannot be inlined: it contains an HTML end tag or comment")
    if name == "cytoscape.min.js" and hashlib.sha256(text.encode("utf-8")).hexdigest() != CYTOSCAPE_SHA256:
        raise RuntimeError("web/cytoscape.min.js is not the vendored Cytoscape.js (its SHA-256 differs)")
    return text


class InteractiveView:
    """The interactive view of a scenario or timeline, shown inline in Jupyter (``_repr_html_``).

    Parameters
    ----------
    page : str
        The self-contained page of :func:`to_html`.
    height : int
        Height in pixels of the frame it is shown in, in a notebook.

    Examples
    --------
    >>> import alliances
    >>> v = alliances.view(alliances.load("seeds/syria_2017.yaml"), risk=False)
    >>> v.html.startswith("<!DOCTYPE html>"), v._repr_html_().startswith("<iframe")
    (True, True)
    """

    def __init__(self, page: str, *, height: int = 640):
        self.html = check_instance(page, str, "page", "the HTML text of to_html")
        self.height = check_int(height, "height", low=1)

    def __repr__(self) -> str:
        return f"<InteractiveView: {len(self.html):,} characters of HTML; .save(path) writes it>"

    def _repr_html_(self) -> str:
        # sandboxed: the page's scripts run, but it cannot reach the notebook (no same origin);
        # links to sources open in a new tab
        return (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" title="alliances interactive view" '
                f'style="width:100%;height:{self.height}px;border:1px solid #e3e3e3;box-sizing:border-box" '
                'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>')

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the page to ``path`` (.html) atomically; returns the path.

        Parameters
        ----------
        path : str or path-like

        Returns
        -------
        pathlib.Path

        Raises
        ------
        OutputError
            Another extension, or a folder that does not exist.
        """
        target = check_html_path(path)
        write_text_atomic(target, self.html)
        return target


def view(net: Any, *, height: int = 640, **options: Any) -> InteractiveView:
    """The interactive view, to show inline in Jupyter: ``alliances.view(net)`` as a cell's last line.

    Parameters
    ----------
    net : AllianceNetwork, networkx.Graph, or a sequence of AllianceNetwork
        One scenario, or a timeline's snapshots.
    height : int
        Height in pixels in the notebook.
    **options
        Those of :func:`to_html` (``factions``, ``risk``, ``implied``, ``top``, ``layers``...).

    Returns
    -------
    InteractiveView
        Shown inline by Jupyter; ``.html`` is the page, ``.save(path)`` writes it.

    Examples
    --------
    >>> import alliances
    >>> v = alliances.view(alliances.load("seeds/syria_2017.yaml"), risk=False, height=500)
    >>> 'height:500px' in v._repr_html_()
    True
    """
    if "path" in options:
        raise ParameterTypeError("view() takes no path: use view(...).save(path) or to_html(..., path=...)")
    check_int(height, "height", low=1)  # before the work
    return InteractiveView(to_html(net, **options), height=height)
