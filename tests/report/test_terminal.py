"""Renderables show text from files literally, whichever console prints them: no markup, no emoji, no control characters."""

from __future__ import annotations

import io

from rich.console import Console

from alliances.report import literal, literal_row, literal_table

HOSTILE = "[red]x[/red] [link=http://evil.example]y[/link] :warning: \x1b[2J\u202e"
SHOWN = "[red]x[/red] [link=http://evil.example]y[/link] :warning: \\x1b[2J\\u202e"


def terminal_output(*items) -> str:
    """What a console with markup, emoji and colours on (rich's defaults, a notebook's) writes, codes and all."""
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, color_system="truecolor", width=200)
    for item in items:
        console.print(item)
    return out.getvalue()


def test_literal_text_and_style():
    assert literal(HOSTILE).plain == SHOWN
    assert str(literal("b", style="bold").style) == "bold"
    text = literal(HOSTILE)
    assert literal(text) is text


def test_a_table_of_hostile_cells_prints_them_as_written():
    table = literal_table(f"Title {HOSTILE}", caption=f"Caption {HOSTILE}")
    table.add_column("name", min_width=100)  # the title and caption fit on one line
    literal_row(table, HOSTILE)
    literal_row(table, 3.5, style="dim")
    out = terminal_output(table, literal(HOSTILE))
    assert out.count(SHOWN) == 4  # title, caption, cell, text
    assert "\u26a0" not in out and "\x1b]8;" not in out  # no emoji, no hyperlink
    # the only escapes are rich's own styles: never the one from the text
    assert "\x1b[2J" not in out and "\u202e" not in out
    assert "3.5" in out


def test_title_keeps_the_table_title_style():
    table = literal_table("T")
    assert str(table.title.style) == "table.title"
