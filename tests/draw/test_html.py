"""The interactive view's page: self-contained, readable, escaped, written atomically; the commands that write it."""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from importlib.resources import files

import pytest

import alliances
from alliances.cli import main
from alliances.draw import CYTOSCAPE_VERSION, InteractiveView, page_html, to_html, view, view_data
from alliances.draw._html import CYTOSCAPE_SHA256
from alliances.errors import OutputError, ParameterError
from tests._paths import SEED
from tests.cli._run import run


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each script element by its id."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: dict[str, str] = {}
        self._in = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in = dict(attrs).get("id", f"script{len(self.scripts)}")
            self.scripts[self._in] = ""

    def handle_endtag(self, tag):
        if tag == "script":
            self._in = None

    def handle_data(self, data):
        if self._in is not None:
            self.scripts[self._in] += data


def _parse(page):
    p = _Tags()
    p.feed(page)
    return p


@pytest.fixture(scope="module")
def page(seed):
    return to_html(seed, risk=False)


def test_self_contained_no_reference_to_any_other_file_or_host(page):
    parsed = _parse(page)
    for tag, attrs in parsed.tags:
        for key in ("src", "href", "action", "srcset", "data", "poster"):
            assert key not in attrs, (tag, attrs)
    assert [t for t, _ in parsed.tags].count("script") == 3  # the data, Cytoscape.js, the view
    assert "@import" not in page and "url(" not in page.split("<script")[0]
    csp = next(a["content"] for t, a in parsed.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "unsafe-eval" not in csp


def test_the_data_is_readable_json_equal_to_view_data(seed, page):
    text = _parse(page).scripts["alliances-data"]
    assert json.loads(text) == json.loads(json.dumps(view_data(seed, risk=False)))
    # not compressed, not base64: the evidence reads as written in the scenario file
    note = seed.relation("russia", "islamic_state").evidence[0].note
    assert json.dumps(note) in text and "Reuters" in text


def test_user_text_cannot_close_the_data_element():
    hostile = '</script><script>alert(1)</script><!-- & "q" \u2028'
    page = page_html({"title": hostile, "x": [hostile]})
    data = _parse(page).scripts["alliances-data"]
    assert json.loads(data) == {"title": hostile, "x": [hostile]}
    assert "</script><script>alert" not in page and "<!--" not in page
    assert f"<title>{'&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!-- &amp; &quot;q&quot;'}" in page


def test_the_same_scenario_gives_the_same_bytes(seed, page):
    assert to_html(seed, risk=False) == page


def test_vendored_cytoscape_is_the_published_file_with_its_licence():
    web = files("alliances.draw").joinpath("web")
    js = web.joinpath("cytoscape.min.js").read_bytes()
    assert hashlib.sha256(js).hexdigest() == CYTOSCAPE_SHA256
    licence = web.joinpath("LICENSE-cytoscape.txt").read_text("utf-8")
    assert "The Cytoscape Consortium" in licence and "Permission is hereby granted, free of charge" in licence
    readme = web.joinpath("README.md").read_text("utf-8")
    assert f"Cytoscape.js {CYTOSCAPE_VERSION}" in readme and CYTOSCAPE_SHA256 in readme
    assert f'"{CYTOSCAPE_VERSION}"'.encode() in js  # the library's own version string


def test_path_writes_atomically_and_checks_first(seed, tmp_path, page):
    out = to_html(seed, risk=False, path=tmp_path / "v.html")
    assert (tmp_path / "v.html").read_text("utf-8") == out == page
    for bad, words in [("v.png", "unknown extension '.png' (use .html or .htm)"), ("nowhere/v.html", "does not exist")]:
        with pytest.raises(OutputError, match=re.escape(words)):
            to_html(seed, path=tmp_path / bad)
    with pytest.raises(ParameterError):
        to_html(seed, path=tmp_path / "w.html", layers=["nope"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["v.html"]


def test_view_shows_in_jupyter_as_an_isolated_frame(seed, tmp_path):
    v = view(seed, risk=False, height=480)
    assert isinstance(v, InteractiveView) and v.html == to_html(seed, risk=False)
    frame = v._repr_html_()
    assert frame.startswith("<iframe srcdoc=\"&lt;!DOCTYPE html&gt;") and "height:480px" in frame
    assert "<script" not in frame  # the whole page is an escaped attribute
    assert 'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"' in frame  # no same origin
    assert v.save(tmp_path / "v.html").read_text("utf-8") == v.html
    with pytest.raises(TypeError, match="save"):
        view(seed, path=tmp_path / "x.html")


def test_the_command_writes_the_view(tmp_path, capsys, seed):
    out = tmp_path / "syria.html"
    code, _, err = run(capsys, "draw", SEED, "-o", out, "--top", "3")
    assert code == 0 and err.startswith(f"wrote {out} (interactive network view, 0.")
    data = json.loads(_parse(out.read_text("utf-8")).scripts["alliances-data"])
    assert data["layers"] == ["ties", "camps", "risk"] and data["top"] == 3
    assert len(data["frames"][0]["ties"]) == len(seed.active_relations)


@pytest.mark.parametrize("args, words", [
    (["--kind", "matrix"], "an .html file holds the interactive network view; --kind matrix draws .png, .svg or .pdf"),
    (["--width", "5"], "--width and --height size a picture"),
    (["--size", "page"], "--size, --width and --height size a picture"),
])
def test_the_command_refuses_what_a_page_cannot_be(tmp_path, capsys, args, words):
    code, _, err = run(capsys, "draw", SEED, "-o", tmp_path / "x.html", *args)
    assert code == 2 and words in " ".join(err.split())
    assert list(tmp_path.iterdir()) == []


def test_the_command_lists_html_among_the_formats(tmp_path, capsys):
    code, _, err = run(capsys, "draw", SEED, "-o", tmp_path / "x.gif")
    assert code == 2 and "(use .png, .svg, .pdf, .html or .htm)" in err


def test_timeline_command_writes_a_view_with_a_slider(tmp_path, capsys, seed):
    for name, net in [("2017-09.yaml", seed), ("2017-10.yaml", seed.with_relation("russia", "us_coalition", "rival")
                                                    .replace(as_of=seed.as_of.replace(month=10)))]:
        alliances.dump(net, tmp_path / name)
    out = tmp_path / "timeline.html"
    code, _, err = run(capsys, "timeline", tmp_path, "-o", out)
    assert code == 0 and err == f"wrote {out} (interactive timeline, 2 snapshots)\n"
    data = json.loads(_parse(out.read_text("utf-8")).scripts["alliances-data"])
    assert data["timeline"] and [len(f["ties"]) for f in data["frames"]] == [18, 19]
    assert main(["timeline", str(tmp_path), "-o", str(tmp_path / "nowhere" / "t.html")]) == 2
