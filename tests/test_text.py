"""Text helpers: terminal-safe escaping (checked over every code point that matters) and "did you mean"."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from alliances._text import did_you_mean, terminal_safe

# what a terminal acts on instead of showing, by the Unicode standard's own classes: the
# controls (Cc), the line and paragraph separators (Zl, Zp), and the bidirectional
# embeddings, overrides and isolates
BIDI_CONTROLS = {chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}


def acted_on(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Zl", "Zp") or char in BIDI_CONTROLS


def test_every_control_character_is_escaped_and_nothing_else_changes():
    for code in range(0x3000):
        char = chr(code)
        out = terminal_safe(f"a{char}b")
        if acted_on(char):
            assert out != f"a{char}b" and out.isprintable(), hex(code)
            assert out[1] == "\\" and not any(acted_on(c) for c in out)
        else:
            assert out == f"a{char}b", hex(code)


def test_escapes_read_like_python_string_escapes():
    assert terminal_safe("a\nb\tc\rd") == r"a\nb\tc\rd"
    assert terminal_safe("\x1b[2J\x07\x00\x7f\x9b") == r"\x1b[2J\x07\x00\x7f\x9b"
    assert terminal_safe("\u202eevil\u2028") == r"\u202eevil\u2028"
    # a forged second message becomes part of the first line
    assert terminal_safe("s.yaml:3: bad key 'x\ns.yaml:1: fine'").count("\n") == 0


def test_names_in_every_script_and_markup_stay_as_written():
    for name in ("Hay\u02bcat Tahrir al-Sham", "\u0627\u0644\u062c\u064a\u0634 \u0627\u0644\u0633\u0648\u0631\u064a",
                 "\u062d\u0632\u0628\u200c\u0627\u0644\u0644\u0647", "\u200fRTL mark", "[red]x[/red] :warning: \\n",
                 "\u4e2d\u56fd", "caf\u00e9 \U0001F600"):
        assert terminal_safe(name) == name


@given(st.text())
def test_output_is_one_line_without_controls(text):
    out = terminal_safe(text)
    assert not any(acted_on(c) for c in out)
    assert len(out) >= len(text)


def test_non_text_is_turned_into_text():
    assert terminal_safe(ValueError("bad\x1b")) == r"bad\x1b"


def test_did_you_mean_finds_other_case():
    assert did_you_mean("Ally", ["ally", "enemy"]) == " (did you mean 'ally'?)"
    assert did_you_mean("ENEMY", ["ally", "enemy"]) == " (did you mean 'enemy'?)"
    assert did_you_mean("asad", ["assad", "Asad_x"]) == " (did you mean 'assad'?)"
    assert did_you_mean("qqq", ["ally"]) == ""
