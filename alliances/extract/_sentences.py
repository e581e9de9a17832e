"""Tokens and sentences: a small, predictable splitter for news-style English.

Tokens keep their character offsets so every sentence can be quoted exactly as
written. Abbreviations such as ``U.S.`` or ``U.N.`` are one token (normalised to
``us``, ``un``); a possessive ``'s`` is split off the word and remembered, so
``Russia's`` matches the alias ``Russia``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Sentence", "Token", "split_sentences", "tokenize"]

_TOKEN = re.compile(
    r"(?P<abbr>(?:[^\W\d_]\.){2,}(?![^\W\d_]))"  # U.S. U.N. (one token, dots dropped)
    r"|(?P<word>[^\W_]+(?:['’][^\W_]+)*)"  # words, with inner apostrophes (don't, Russia's)
    r"|(?P<punct>\S)"
)
# A period after these words (or after a single capital letter) does not end a sentence.
_NO_BREAK_AFTER = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "sgt", "capt", "cpt", "adm", "brig", "st", "sen", "rep",
    "gov", "pres", "prof", "rev", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "no", "vs", "approx", "est", "inc", "ltd", "co", "corp",
}
_CLOSERS = {'"', "'", ")", "]"}  # normalised forms


@dataclass(frozen=True)
class Token:
    """One token: its text, a normalised form for matching, and where it sits."""

    text: str
    norm: str
    start: int
    end: int
    is_word: bool
    possessive: bool = False

    @property
    def is_upper(self) -> bool:
        """All capitals (``IS``, ``U.S.``): short aliases in capitals only match these."""
        text = self.text[:-2] if self.possessive else self.text  # "GNA's" is in capitals
        letters = [c for c in text if c.isalpha()]
        return bool(letters) and all(c.isupper() for c in letters)

    @property
    def is_capitalised(self) -> bool:
        """A word starting with a capital letter."""
        return self.is_word and self.text[:1].isupper()


@dataclass(frozen=True)
class Sentence:
    """A sentence: its number (from 1), paragraph (from 1), text and tokens.

    ``text`` has its whitespace collapsed (for evidence); ``raw`` is the text exactly
    as written, starting at character ``start`` of the source (tokens' offsets).
    """

    number: int
    paragraph: int
    text: str
    tokens: tuple[Token, ...]
    raw: str
    start: int

    def quote(self, start: int, end: int) -> str:
        """The text of tokens ``start:end``, whitespace collapsed."""
        raw = self.raw[self.tokens[start].start - self.start : self.tokens[end - 1].end - self.start]
        return " ".join(raw.split())


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split text into word and punctuation tokens.

    Examples
    --------
    >>> [t.norm for t in tokenize("U.S.-led strikes on Russia's allies")]
    ['us', '-', 'led', 'strikes', 'on', 'russia', 'allies']
    >>> tokenize("Russia's")[0].possessive
    True
    """
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        raw = m.group()
        start, end = m.start() + offset, m.end() + offset
        if m.lastgroup == "abbr":
            out.append(Token(raw, raw.replace(".", "").lower(), start, end, True))
        elif m.lastgroup == "word":
            norm = raw.lower().replace("’", "'")
            possessive = False
            if norm.endswith("'s") and len(norm) > 2:
                norm, possessive = norm[:-2], True
            out.append(Token(raw, norm, start, end, True, possessive))
        else:
            norm = {"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"}.get(raw, raw)
            out.append(Token(raw, norm, start, end, False))
    return out


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences, numbered from 1 across the whole text.

    A blank line always ends a sentence (and a paragraph). Otherwise a sentence ends
    at ``.``, ``!`` or ``?`` (and any closing quotes) before a word that starts with a
    capital, a digit or a quote, except after titles, month abbreviations, initials
    and dotted abbreviations (``U.S.``), which rarely end a sentence in news copy.

    Examples
    --------
    >>> [s.text for s in split_sentences("Gen. Smith met U.S. envoys. They left.\\n\\nNew text")]
    ['Gen. Smith met U.S. envoys.', 'They left.', 'New text']
    """
    sentences: list[Sentence] = []
    paragraph = 0
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # Windows and old Mac line ends
    for para_match in re.finditer(r"\S(?:.*?\S)?(?=\n[ \t]*\n|\s*\Z)", text, re.S):
        paragraph += 1
        tokens = tokenize(para_match.group(), para_match.start())
        current: list[Token] = []
        for i, tok in enumerate(tokens):
            current.append(tok)
            if _ends_sentence(tokens, i):
                sentences.append(_sentence(text, current, len(sentences) + 1, paragraph))
                current = []
        if current:
            sentences.append(_sentence(text, current, len(sentences) + 1, paragraph))
    return sentences


def _ends_sentence(tokens: list[Token], i: int) -> bool:
    tok = tokens[i]
    if tok.is_word or i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    if tok.norm in _CLOSERS:
        # a closing quote or bracket (attached to what precedes it) ends the sentence
        # when a break came just before it; a detached quote opens the next one
        if i == 0 or tokens[i - 1].end != tok.start:
            return False
        j = i - 1
        while j >= 0 and tokens[j].norm in _CLOSERS:
            j -= 1
        if j < 0 or tokens[j].norm not in ".!?":
            return False
        if nxt.norm in _CLOSERS:
            return False
        return nxt.text[:1].isupper() or nxt.text[:1].isdigit()
    if tok.norm not in ".!?":
        return False
    if (nxt.norm in _CLOSERS and nxt.start == tok.end) or nxt.norm in ".!?":
        return False  # the attached quote/bracket (or "?!") belongs to this sentence
    if not (nxt.text[:1].isupper() or nxt.text[:1].isdigit() or nxt.norm in {'"', "("}):
        return False
    if tok.norm == "." and i > 0:
        prev = tokens[i - 1]
        if prev.end == tok.start and prev.is_word and (
            prev.norm in _NO_BREAK_AFTER or (len(prev.text) == 1 and prev.text.isupper())
        ):
            return False
    return True


def _sentence(text: str, tokens: list[Token], number: int, paragraph: int) -> Sentence:
    raw = text[tokens[0].start : tokens[-1].end]
    return Sentence(number, paragraph, " ".join(raw.split()), tuple(tokens), raw, tokens[0].start)
