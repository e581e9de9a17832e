"""A real browser for the interactive view's tests: Debian's headless Chromium, driven by Playwright.

Playwright downloads no browser here: it starts the system's Chromium (``make test``
installs it; ``ALLIANCES_CHROMIUM`` names another). Missing, the tests fail with the
install line rather than skip, so a run never passes without having looked at a page.
Every page is opened from ``file://`` with all its console messages, page errors and
requests recorded.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# the flags Chromium needs on a machine without a display, a GPU or a network
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
         "--disable-default-apps", "--disable-extensions", "--metrics-recording-only", "--mute-audio"]


def chromium_path() -> str:
    """The Chromium to drive: ``$ALLIANCES_CHROMIUM``, else ``chromium`` on the PATH; fails with the install line."""
    path = os.environ.get("ALLIANCES_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path or not Path(path).exists():
        raise RuntimeError("the browser tests need Chromium: `make test` installs it as root; "
                           "elsewhere run `sudo apt-get install -y chromium` or set ALLIANCES_CHROMIUM")
    return path


def launch(playwright: Any) -> Any:
    """A headless Chromium browser (the system's), as Playwright's Browser."""
    return playwright.chromium.launch(executable_path=chromium_path(), args=FLAGS, headless=True)


@dataclass
class Opened:
    """A page opened from a file, with everything it said and asked for."""

    page: Any
    console: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        """Console errors and warnings, and uncaught page errors."""
        said = [f"{kind}: {text}" for kind, text in self.console if kind in ("error", "warning")]
        return said + [f"page error: {e}" for e in self.errors]

    def outside(self) -> list[str]:
        """Every request that leaves ``file://`` (none may)."""
        return [url for url in self.requests if not url.startswith("file://")]


def open_page(browser: Any, path: Path, *, width: int = 1280, height: int = 760) -> Opened:
    """Open ``path`` in a new page and wait for the view's first render."""
    page = browser.new_page(viewport={"width": width, "height": height})
    opened = Opened(page)
    page.on("console", lambda m: opened.console.append((m.type, m.text)))
    page.on("pageerror", lambda e: opened.errors.append(str(e)))
    page.on("request", lambda r: opened.requests.append(r.url))
    page.goto(path.resolve().as_uri())
    wait_until(page, "document.body.dataset.rendered === '1'", timeout=15.0)
    return opened


def wait_until(page: Any, expression: str, *, timeout: float = 5.0) -> None:
    """Poll a JavaScript expression until it is true (the pages forbid eval, which Playwright's own waiting uses)."""
    end = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > end:
            raise TimeoutError(f"still false after {timeout} s: {expression}")
        page.wait_for_timeout(50)


def rendered_point(page: Any, element_id: str) -> tuple[float, float]:
    """Where an element of the drawing is on the page (a node's centre, an edge's midpoint), in CSS pixels."""
    return tuple(page.evaluate(
        """(id) => {
            const cy = window.alliancesView.cy, e = cy.getElementById(id);
            const p = e.isNode() ? e.renderedPosition() : e.renderedMidpoint();
            const box = cy.container().getBoundingClientRect();
            return [box.left + p.x, box.top + p.y];
        }""",
        element_id,
    ))


def visible_pairs(page: Any, selector: str) -> set[tuple[str, str]]:
    """The actor-id pairs (a < b) of the visible edges matching a Cytoscape.js selector (``.tie``, ``.implied``)."""
    pairs = page.evaluate(
        """(sel) => {
            const v = window.alliancesView;
            const shown = (x) => x.style('display') !== 'none';  // the computed style, as drawn
            return v.cy.edges(sel).filter((e) => shown(e) && shown(e.source()) && shown(e.target())).map((e) => {
                const [a, b] = v.data.pairs[e.data('pair')];
                return [v.data.actors[a].id, v.data.actors[b].id];
            });
        }""",
        selector,
    )
    return {(a, b) if a < b else (b, a) for a, b in pairs}
