"""The interactive view in a real browser (headless Chromium): what a reader sees, hovers, clicks and types.

Every page is opened from ``file://``; no test may see a console error or warning, an
uncaught error, or a request that leaves the file. The truths the pages are checked
against come from the library's own analyses (the scenario's relations, implied
relations, conflict risk), not from the page's data.
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pytest
from matplotlib.path import Path

import alliances
from tests.draw._browser import launch, open_page, rendered_point, visible_pairs, wait_until
from tests.draw._scenarios import STAR_CAMP, mediator_star, random_network


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory, seed):
    path = tmp_path_factory.mktemp("html") / "syria.html"
    alliances.to_html(seed, path=path)
    return path


@pytest.fixture
def opened(browser, seed_page):
    o = open_page(browser, seed_page)
    yield o
    assert o.problems() == []
    assert o.outside() == []
    o.page.close()


def _ids(page):
    return page.evaluate("window.alliancesView.data.actors.map((a) => a.id)")


def _node(page, actor):
    return f"n{_ids(page).index(actor)}"


def _edge(page, prefix, a, b):
    k = page.evaluate("""([a, b]) => {
        const d = window.alliancesView.data, ids = d.actors.map((x) => x.id);
        const i = ids.indexOf(a), j = ids.indexOf(b);
        return d.pairs.findIndex((p) => (p[0] === i && p[1] === j) || (p[0] === j && p[1] === i));
    }""", [a, b])
    assert k >= 0
    return f"{prefix}{k}"


def _tooltip(page):
    page.wait_for_selector("#tooltip:not([hidden])", timeout=3000)
    return " ".join(page.inner_text("#tooltip").split())


def test_seed_page_loads_with_no_console_message_and_no_request(opened, seed_page):
    page = opened.page
    # everything a reader can switch on, hover and click: still nothing but the file itself
    for layer in ("implied", "risk", "camps", "ties"):
        page.click(f"#layer-{layer}")
        page.click(f"#layer-{layer}")
    page.mouse.move(*rendered_point(page, _node(page, "russia")))
    page.mouse.click(*rendered_point(page, _node(page, "assad")))
    page.fill("#search", "Daesh")
    page.press("#search", "Enter")
    page.wait_for_timeout(300)
    assert opened.requests == [seed_page.resolve().as_uri()]
    assert opened.problems() == [] and opened.outside() == []


def test_actor_and_tie_elements_equal_the_scenarios(opened, seed):
    page = opened.page
    assert page.evaluate("window.alliancesView.cy.nodes('.actor').length") == len(seed.actors)
    assert page.evaluate("window.alliancesView.cy.nodes('.actor').filter((n) => n.visible()).length") == len(seed.actors)
    assert page.evaluate("window.alliancesView.cy.edges('.tie').length") == len(seed.active_relations)
    assert visible_pairs(page, ".tie") == {r.pair for r in seed.active_relations}
    assert visible_pairs(page, ".implied") == set()
    summary = page.inner_text("#summary")
    assert summary.startswith(f"{len(seed.actors)} actors, {len(seed.active_relations)} ties in force")


def test_actor_names_overlap_no_other_name_or_marker(opened):
    # the boxes Cytoscape.js measured for the names it drew, and its markers
    labels, markers = opened.page.evaluate("""(() => {
        const box = (n, labels) => {
            const b = n.boundingBox({includeNodes: !labels, includeLabels: labels, includeOverlays: false,
                                     includeUnderlays: false});
            return [b.x1, b.y1, b.x2, b.y2];
        };
        const nodes = window.alliancesView.cy.nodes('.actor');
        return [nodes.map((n) => box(n, true)), nodes.map((n) => box(n, false))];
    })()""")

    def overlap(a, b):
        return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]

    def on_marker(a, m):  # the marker as the circle its box holds
        cx, cy, r = (m[0] + m[2]) / 2, (m[1] + m[3]) / 2, (m[2] - m[0]) / 2
        return (min(max(cx, a[0]), a[2]) - cx) ** 2 + (min(max(cy, a[1]), a[3]) - cy) ** 2 < r * r

    for i, a in enumerate(labels):
        assert not any(overlap(a, b) for b in labels[:i]), i
        assert not any(on_marker(a, m) for j, m in enumerate(markers) if j != i), i


def test_hovering_a_tie_shows_its_evidence_and_sources(opened, seed):
    page = opened.page
    page.mouse.move(*rendered_point(page, _edge(page, "t", "russia", "islamic_state")))
    text = _tooltip(page)
    rel = seed.relation("russia", "islamic_state")
    assert text.startswith("IS \u2013 Russia")  # a pair's actors in id order, as everywhere
    assert f"stance enemy ({rel.kind})" in text
    assert " ".join(rel.evidence[0].note.split()) in text
    src = seed.sources[rel.evidence[0].source]
    assert f"{src.publisher}, \u201c{src.title}\u201d, {src.date.isoformat()}" in text
    page.mouse.move(5, 5)
    page.wait_for_selector("#tooltip[hidden]", state="attached", timeout=3000)


def test_hovering_an_actor_shows_who_it_is(opened, seed):
    page = opened.page
    page.mouse.move(*rendered_point(page, _node(page, "assad")))
    text = _tooltip(page)
    a = seed.actor("assad")
    assert text.startswith(f"{a.name} ({a.label})")
    for bit in ("kind state", ", ".join(a.aliases), "Deir al-Zor, Euphrates valley (east)", "Assad, Hezbollah + 3 more",
                f"Ties ({seed.graph.degree('assad')})", "ally: Russia", "enemy: IS", "rival: US coalition"):
        assert bit in text, bit


def test_implied_layer_adds_exactly_the_implied_relations(opened, seed):
    page = opened.page
    before = visible_pairs(page, "edge")
    page.click("#layer-implied")
    after = visible_pairs(page, "edge")
    table = alliances.implied_relations(seed)
    implied = {(a, b) if a < b else (b, a) for a, b in zip(table.a, table.b, strict=True)}
    assert len(implied) == 9
    assert after - before == implied and before <= after
    assert visible_pairs(page, ".implied") == implied
    # its reason, in words, when the reader clicks it
    row = table[(table.a == "russia") & (table.b == "us_coalition")].iloc[0]
    page.evaluate(f"window.alliancesView.cy.getElementById('{_edge(page, 'i', 'russia', 'us_coalition')}').emit('tap') && null")
    details = " ".join(page.inner_text("#details").split())
    assert f"implied {row.stance} (not recorded)" in details and row.reason in details
    page.click("#layer-implied")
    assert visible_pairs(page, "edge") == before


def test_risk_layer_shows_the_top_pairs_probability(opened, seed):
    page = opened.page
    assert visible_pairs(page, ".risk") == set()
    page.click("#layer-risk")
    risk = alliances.conflict_risk(seed)
    at_peace = risk[[seed.stance(a, b) is None or seed.stance(a, b).value != "enemy" for a, b in zip(risk.a, risk.b, strict=True)]]
    top = at_peace.iloc[0]
    value = _edge(page, "v", top.a, top.b)  # the box with the band's P(clash)
    label = page.evaluate(f"window.alliancesView.cy.getElementById('{value}').data('label')")
    assert label == f"{top.p_clash:.2f}" == "0.22"
    shown = page.evaluate("window.alliancesView.cy.nodes('.value').filter((e) => e.visible()).map((e) => e.data('label'))")
    assert sorted(shown) == sorted(f"{p:.2f}" for p in at_peace.p_clash[:5])
    assert len(visible_pairs(page, ".risk")) == 5
    panel = page.inner_text("#risk-section")
    assert risk.attrs["horizon"] in panel and f"Hezbollah \u2013 US coalition: {top.p_clash:.2f}" in panel


def test_clicking_an_actor_highlights_its_neighbourhood_and_shows_its_risk_row(opened, seed):
    page = opened.page
    page.mouse.click(*rendered_point(page, _node(page, "russia")))
    page.wait_for_timeout(100)
    lit = page.evaluate("""window.alliancesView.cy.nodes('.actor').filter((n) => !n.hasClass('faded'))
                           .map((n) => window.alliancesView.data.actors[n.data('actor')].id)""")
    assert sorted(lit) == sorted(["russia", *seed.graph.neighbors("russia")])
    details = page.inner_text("#details")
    risk = alliances.conflict_risk(seed)
    mine = risk[(risk.a == "russia") | (risk.b == "russia")].head(5)
    rows = re.findall(r"^(.+): (\d\.\d\d) \((\w+)\)$", details, flags=re.M)
    expected = []
    for a, b, p, stance in zip(mine.a, mine.b, mine.p_clash, mine.stance, strict=True):
        other = seed.actor(b if a == "russia" else a).display
        expected.append((other, f"{p:.2f}", stance))
    assert rows == expected
    page.mouse.click(*rendered_point(page, _node(page, "islamic_state")))
    assert page.evaluate("window.alliancesView.cy.elements('.faded').length") > 0
    left, bottom = page.evaluate("(() => { const r = document.getElementById('cy').getBoundingClientRect();"
                                 " return [r.left, r.bottom]; })()")
    page.mouse.click(left + 8, bottom - 8)  # the empty background: nothing chosen, nothing faded
    assert page.evaluate("window.alliancesView.cy.elements('.faded').length") == 0
    assert page.evaluate("window.alliancesView.state.chosen") is None


def test_search_by_name_or_alias(opened):
    page = opened.page
    page.fill("#search", "daesh")
    assert page.inner_text("#matches").strip() == "Islamic State (IS)"
    page.press("#search", "Enter")
    assert page.evaluate("window.alliancesView.state.chosen") == _ids(page).index("islamic_state")
    assert page.inner_text("#details").startswith("Islamic State (IS)")
    page.fill("#search", "IRAN")  # Iran by its name (exact, so first), the militias by theirs ("Iran-backed ...")
    assert page.inner_text("#matches").split("\n") == ["Iran", "Iran-backed Shiite militias (Shiite militias)"]
    page.fill("#search", "nobody at all")
    assert page.inner_text("#matches").strip() == "no actor matches"


def test_filters_by_stance_and_minimum_confidence(opened, seed):
    page = opened.page
    page.uncheck("#stance-enemy")
    assert visible_pairs(page, ".tie") == {r.pair for r in seed.active_relations if r.stance.value != "enemy"}
    page.check("#stance-enemy")
    page.eval_on_selector("#min-confidence", "(e) => { e.value = '0.75'; e.dispatchEvent(new Event('input')); }")
    assert visible_pairs(page, ".tie") == {r.pair for r in seed.active_relations if r.confidence >= 0.75}
    assert page.inner_text("#min-confidence-value") == "0.75"


def _snapshots(seed):
    """Three moments: the seed; Russia and the coalition turn rivals, the rebels' war with IS ends; Iran leaves."""
    first = seed.replace(scenario="Syria, 2017-09", as_of=dt.date(2017, 9, 5))
    second = (seed.with_relation("russia", "us_coalition", "rival")
              .with_relation("syrian_rebels", "islamic_state", None)
              .with_relation("hezbollah", "us_coalition", "enemy")
              .replace(scenario="Syria, 2017-10", as_of=dt.date(2017, 10, 31)))
    third = second.without_actor("iran").replace(scenario="Syria, 2017-11", as_of=dt.date(2017, 11, 30))
    return [third, first, second]  # any order: drawn by date


def test_timeline_slider_steps_to_the_next_snapshots_ties(browser, seed, tmp_path):
    snaps = _snapshots(seed)
    path = tmp_path / "timeline.html"
    alliances.to_html(snaps, path=path, risk=False)
    o = open_page(browser, path)
    page = o.page
    first, second, third = sorted(snaps, key=lambda n: n.as_of)
    assert page.inner_text("#frame-label") == "2017-09 (1/3)"
    assert visible_pairs(page, ".tie") == {r.pair for r in first.active_relations}
    before = {a: rendered_point(page, _node(page, a)) for a in seed.actors}
    page.evaluate(f"window.alliancesView.cy.getElementById('{_edge(page, 't', 'islamic_state', 'syrian_rebels')}')"
                  ".emit('tap') && null")  # the reader keeps a tie in the side panel
    assert "Islamic State overran rebel positions" in page.inner_text("#details")
    page.focus("#frame")
    page.keyboard.press("ArrowRight")  # as a reader steps the slider
    assert page.inner_text("#frame-label") == "2017-10 (2/3)"
    assert page.inner_text("#details") == "IS \u2013 Rebels: not in this snapshot"
    assert visible_pairs(page, ".tie") == {r.pair for r in second.active_relations}
    assert page.evaluate(f"window.alliancesView.cy.getElementById('{_edge(page, 't', 'hezbollah', 'us_coalition')}')"
                         ".data('stance')") == "enemy"
    assert {a: rendered_point(page, _node(page, a)) for a in seed.actors} == before  # a stable layout
    page.keyboard.press("ArrowRight")
    assert page.inner_text("#frame-label") == "2017-11 (3/3)"
    assert visible_pairs(page, ".tie") == {r.pair for r in third.active_relations}
    assert not page.evaluate(f"window.alliancesView.cy.getElementById('{_node(page, 'iran')}').visible()")
    # play from the start: the frames advance by themselves
    page.click("#play")
    wait_until(page, "document.getElementById('frame-label').textContent.startsWith('2017-10')")
    page.click("#play")
    assert page.inner_text("#play") == "Play"
    assert o.problems() == [] and o.outside() == []


HOSTILE = '<script>window.__pwned = 1</script>"quoted" & \'single\' </script><img src=x onerror="window.__pwned=2">'


def test_text_from_the_scenario_is_shown_verbatim_and_never_runs(browser, tmp_path):
    net = alliances.AllianceNetwork(
        HOSTILE,
        actors=[alliances.Actor("a", HOSTILE, "state", notes="</script><b>bold</b>"),
                alliances.Actor("b", "B <i>", "militia", aliases=("<svg onload=alert(1)>",))],
        relations=[alliances.Relation(("a", "b"), "enemy", notes="</script>", kind="<b>x</b>",
                                      evidence=(alliances.Evidence("s", note=HOSTILE),))],
        sources=[alliances.Source("s", title="</title><script>window.__pwned=3</script>",
                                  url="javascript:window.__pwned=4")],
    )
    path = tmp_path / "hostile.html"
    alliances.to_html(net, path=path, risk=False)
    o = open_page(browser, path)
    page = o.page
    assert page.title() == HOSTILE
    assert page.inner_text("#title") == HOSTILE
    page.mouse.move(*rendered_point(page, "n0"))
    assert HOSTILE in page.inner_text("#tooltip") and "</script><b>bold</b>" in page.inner_text("#tooltip")
    assert page.evaluate("window.alliancesView.cy.getElementById('n0').data('label')") == HOSTILE
    page.evaluate("window.alliancesView.cy.getElementById('t0').emit('tap') && null")
    details = page.inner_text("#details")
    assert HOSTILE in details and "</title><script>window.__pwned=3</script>" in details
    page.fill("#search", "<svg onload")
    assert page.inner_text("#matches").strip() == "B <i>"
    page.click("#matches button")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('img, svg script, b, i, a[href^=javascript]').length") == 0
    assert o.problems() == [] and o.outside() == []


def test_jupyter_frame_shows_the_same_view(browser, seed):
    view = alliances.view(seed, risk=False, height=500)
    page = browser.new_page(viewport={"width": 1100, "height": 700})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_content(f"<!DOCTYPE html><html><body>{view._repr_html_()}</body></html>")
    frame = page.frame_locator("iframe")
    frame.locator("body[data-rendered='1']").wait_for(timeout=15000)
    inner = page.frames[1]
    assert inner.evaluate("window.alliancesView.cy.nodes('.actor').length") == len(seed.actors)
    assert inner.inner_text("#title") == "Syria, Deir al-Zor offensive, as of 2017-09-05"
    assert page.evaluate("document.querySelector('iframe').getBoundingClientRect().height") == 500
    assert errors == []


def test_screenshot_is_not_blank(opened, tmp_path):
    from PIL import Image

    out = tmp_path / "view.png"
    opened.page.screenshot(path=str(out))
    with Image.open(out) as im:
        px = np.asarray(im.convert("RGB"), dtype=int)
    box = opened.page.evaluate("(() => { const r = document.getElementById('cy').getBoundingClientRect();"
                               " return [r.left, r.top, r.right, r.bottom]; })()")
    x0, y0, x1, y1 = (int(v) for v in box)
    drawing = px[y0:y1, x0:x1]
    ink = (drawing.sum(axis=2) < 600).mean()
    assert 0.02 < ink < 0.6
    # the static diagram's colours are there: ally blue, enemy vermillion, the camps' fills
    colours = {tuple(c) for c in drawing.reshape(-1, 3)}
    for hex_ in ("#0072B2", "#D55E00"):
        rgb = tuple(int(hex_[i:i + 2], 16) for i in (1, 3, 5))
        assert any(max(abs(a - b) for a, b in zip(c, rgb, strict=True)) < 12 for c in colours), hex_


def _screen(page, points):
    """Where points of the drawing (page px, as in the view's data) are on the screen, in CSS pixels."""
    return np.array(page.evaluate("""(pts) => {
        const cy = window.alliancesView.cy, z = cy.zoom(), p = cy.pan(), box = cy.container().getBoundingClientRect();
        return pts.map(([x, y]) => [box.left + p.x + z * x, box.top + p.y + z * y]);
    }""", [list(map(float, q)) for q in points])).reshape(-1, 2)


def _clear_points(poly, away, xy, sizes, step=4.0, margin=6.0):
    """Grid points inside ``poly`` and outside each ring of ``away``, ``margin`` px from their edges and from every marker."""
    lo, hi = poly.min(axis=0), poly.max(axis=0)
    gx, gy = np.meshgrid(np.arange(lo[0], hi[0], step), np.arange(lo[1], hi[1], step))
    pts = np.column_stack([gx.ravel(), gy.ravel()])
    keep = Path(poly).contains_points(pts)
    for ring in away:
        keep &= ~Path(ring).contains_points(pts)
    for ring in [poly, *away]:
        a, b = ring, np.roll(ring, -1, axis=0)
        d = b - a
        t = np.clip(((pts[:, None] - a[None]) * d[None]).sum(axis=2) / np.maximum((d * d).sum(axis=1), 1e-9), 0, 1)
        keep &= np.hypot(*(pts[:, None] - a[None] - t[..., None] * d[None]).transpose(2, 0, 1)).min(axis=1) > margin
    near = np.hypot(pts[:, None, 0] - xy[None, :, 0], pts[:, None, 1] - xy[None, :, 1]) < sizes[None] + margin
    return pts[keep & ~near.any(axis=1)]


@pytest.mark.parametrize("case", ["star", "25", "seed"])
def test_each_camp_piece_is_drawn_and_a_hole_left_empty(browser, seed, tmp_path, case):
    net, factions = {"star": (mediator_star(), [STAR_CAMP]), "25": (random_network(25, 1), None),
                     "seed": (seed, None)}[case]
    path = tmp_path / f"{case}.html"
    alliances.to_html(net, factions=factions, risk=False, path=path)
    o = open_page(browser, path)
    page = o.page
    data = page.evaluate("window.alliancesView.data")
    camps = data["frames"][0]["camps"]
    pieces = [(c, p) for c in camps for p in c["pieces"]]
    # a polygon per piece, and for a piece with holes its outline and each hole stroked apart
    shown = page.evaluate("window.alliancesView.cy.nodes('.hull').filter((n) => n.visible()).length")
    assert shown == sum(1 if p["fill"] is None else 2 + len(p["holes"]) for _, p in pieces)
    assert (case == "star") == any(p["holes"] for _, p in pieces)
    page.click("#layer-ties")  # the lines off: the areas, the markers and their names are left
    page.mouse.move(1, 1)
    shot = tmp_path / f"{case}.png"  # (kept by pytest in its temporary folder, to look at)
    page.screenshot(path=str(shot))
    from PIL import Image

    with Image.open(shot) as im:
        px = np.asarray(im.convert("RGB"), dtype=float)
    scale = px.shape[1] / page.evaluate("window.innerWidth")

    def colours(points):
        at = np.round(_screen(page, points) * scale).astype(int)
        return px[at[:, 1], at[:, 0]]

    xy = np.array(data["positions"])
    sizes = np.array([n["size"] for n in data["frames"][0]["nodes"]])
    tinted = 0
    for camp, piece in pieces:
        pts = _clear_points(np.array(piece["outline"]), [np.array(h) for h in piece["holes"]], xy, sizes)
        rgb = np.array([int(camp["colour"][i:i + 2], 16) for i in (1, 3, 5)], dtype=float)
        want = 0.22 * rgb + 0.78 * 255  # the camp's colour at the page's fill opacity, on white
        if not len(pts):  # a camp of one, its name over most of it
            continue
        got = colours(pts)
        # most of the piece shows its camp's tint (names of actors cover a little of it)
        assert (np.abs(got - want).max(axis=1) < 14).mean() > 0.8, (camp["label"], len(pts))
        tinted += len(pts)
        for hole in piece["holes"]:
            inside = _clear_points(np.array(hole), [], xy, sizes)
            assert len(inside) > 20
            assert (colours(inside).min(axis=1) > 245).mean() > 0.8  # white: the hole is not filled
    assert tinted > 50  # (not a vacuous test: points were looked at)
    assert o.problems() == [] and o.outside() == []
