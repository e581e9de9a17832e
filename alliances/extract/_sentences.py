"""Tokens and sentences: syntok's sentence boundaries, our own tokens.

Tokens keep their character offsets so every sentence can be quoted exactly as
written. Abbreviations such as ``U.S.`` or ``U.N.`` are one token (normalised to
``us``, ``un``); a possessive ``'s`` is split off the word and remembered, so
``Russia's`` matches the alias ``Russia``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["CALENDAR_NAMES", "MONTHS", "WEEKDAYS", "Sentence", "Token", "dateline_end", "split_sentences", "tokenize"]

# capitalised words that name a time, never an actor or a place ("in March attacked", "On Monday Pax ...")
MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                    "november", "december"})
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
CALENDAR_NAMES = MONTHS | WEEKDAYS

_TOKEN = re.compile(
    r"(?P<abbr>(?:[^\W\d_]\.){2,}(?![^\W\d_]))"  # U.S. U.N. (one token, dots dropped)
    r"|(?P<word>[^\W_]+(?:['’][^\W_]+)*(?:(?<=s)['’](?![^\W_]))?)"  # don't, Russia's, the generals' (possessive)
    r"|(?P<punct>\S)"
)


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
    >>> tokenize("Russia's")[0].possessive, tokenize("the generals' backer")[1].norm
    (True, 'generals')
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
            elif norm.endswith("s'") and len(norm) > 2:  # "the generals' backer": a plural's possessive
                norm, possessive = norm[:-1], True
            out.append(Token(raw, norm, start, end, True, possessive))
        else:
            norm = {"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"}.get(raw, raw)
            out.append(Token(raw, norm, start, end, False))
    return out


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences, numbered from 1 across the whole text.

    A blank line always ends a sentence (and a paragraph). Within a paragraph the
    boundaries are syntok's [1]_ (a maintained rule-based segmenter: ``U.S.`` at the end
    of a sentence ends it, ``Gen. Smith`` and ``Jan. 5`` do not); a boundary is moved to
    the nearest token edge, so tokens and sentences always agree.

    References
    ----------
    .. [1] Leitner, F. syntok: text tokenization and sentence segmentation (segtok v2).
       https://github.com/fnl/syntok (MIT licence).

    Examples
    --------
    >>> [s.text for s in split_sentences("Gen. Smith met U.S. envoys. They left.\\n\\nNew text")]
    ['Gen. Smith met U.S. envoys.', 'They left.', 'New text']
    >>> [s.text for s in split_sentences("The strikes were condemned by the U.S. The Kremlin said nothing.")]
    ['The strikes were condemned by the U.S.', 'The Kremlin said nothing.']

    A headline without a full stop ends where a dateline opens: on a new line, or on the same
    line when the dateline has its date or agency (``CITY, May 3 (Wire) -``).

    >>> [s.text for s in split_sentences("Rebels take town\\nGOMA — Rebels took the town.")]
    ['Rebels take town', 'GOMA — Rebels took the town.']
    """
    from syntok import segmenter
    from syntok.tokenizer import Tokenizer

    tokenizer = Tokenizer()
    sentences: list[Sentence] = []
    paragraph = 0
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # Windows and old Mac line ends
    for para_match in re.finditer(r"\S(?:.*?\S)?(?=\n[ \t]*\n|\s*\Z)", text, re.S):
        paragraph += 1
        para = para_match.group()
        base = para_match.start()
        # where syntok starts each sentence after the first (character offsets in the text)
        found = {base + sent[0].offset for sent in segmenter.split(iter(tokenizer.tokenize(para))) if sent}
        toks = tokenize(para, base)
        starts = sorted(found | _dateline_starts(text, toks))
        current: list[Token] = []
        k = 0
        for tok in toks:
            while k < len(starts) and starts[k] <= tok.start:
                # "KHARTOUM (Wire) - Government troops ...": a dateline's dash goes on with its sentence
                if current and not (tok.norm == "-" and current[-1].norm == ")"):
                    sentences.append(_sentence(text, current, len(sentences) + 1, paragraph))
                    current = []
                k += 1
            current.append(tok)
        if current:
            sentences.append(_sentence(text, current, len(sentences) + 1, paragraph))
    return sentences


def _dateline_starts(text: str, toks: list[Token]) -> set[int]:
    """Where a dateline opens inside a paragraph (character offsets): after a line break, or anywhere after a
    word when it has its date or agency (``Rebels take town GOMA, May 3 (Wire) -``), so a headline without a
    full stop is a sentence of its own."""
    out: set[int] = set()
    for i in range(1, len(toks)):
        t = toks[i]
        # a place of several words in capitals ("EL FASHER, Sudan, May 2 (Wire) -") opens at its first word
        place = len(t.text) > 2 or (i + 1 < len(toks) and toks[i + 1].is_word and toks[i + 1].is_upper)
        if not (t.is_word and t.is_upper and place):
            continue
        new_line = "\n" in text[toks[i - 1].end : t.start]
        if not new_line and toks[i - 1].is_word and toks[i - 1].is_upper:
            continue  # inside the place: "FASHER" after "EL"
        if (new_line or toks[i - 1].is_word) and dateline_end(toks[i:], long_dash=new_line):
            out.add(t.start)
    return out


_MONTHS = MONTHS | {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


def dateline_end(toks: list[Token] | tuple[Token, ...], long_dash: bool = True) -> int:
    """Where a wire dateline (``KHARTOUM, May 14 (Reuters) -``) ends: the first token after it, or 0.

    A dateline opens with a place in capitals and ends with a dash within its first
    fifteen tokens, after a date or an agency in brackets, or (``long_dash``) a long dash
    right after the place (``KYIV —``, ``BAMAKO, Mali —``) before a capitalised word; the
    place in it is not a mention (``BAMAKO`` is where the story was filed, not an actor in it).

    Parameters
    ----------
    toks : sequence of Token
        A sentence's tokens, from its start.
    long_dash : bool
        Whether a place and a long dash alone make a dateline (at the start of a text or a line).

    Returns
    -------
    int
        The index of the first token after the dateline; 0 when there is none.

    Examples
    --------
    >>> toks = tokenize("BAMAKO, July 28 (Wire) - Rebels said")
    >>> toks[dateline_end(toks)].text
    'Rebels'
    >>> toks = tokenize("BAMAKO, Mali \u2014 Rebels said")
    >>> toks[dateline_end(toks)].text
    'Rebels'
    >>> dateline_end(tokenize("Mali said on July 28 - late - that")), dateline_end(tokenize("NATO \u2014 the alliance"))
    (0, 0)
    """
    if not toks or not (toks[0].is_word and toks[0].is_upper and len(toks[0].text) > 1):
        return 0
    for k, t in enumerate(toks[:15]):
        if t.norm == "-" and k > 1 and (toks[k - 1].norm == ")" or toks[k - 2].norm in _MONTHS):
            while k + 1 < len(toks) and toks[k + 1].norm == "-":  # "(Wire) -- ": a double dash
                k += 1
            return k + 1
        if long_dash and t.norm == "-" and k > 0 and toks[k - 1].is_word and k + 1 < len(toks):
            after = k + 1 + (toks[k + 1].norm == "-" and t.text == "-")  # "GOMA -- Rebels"
            if (t.text in _LONG_DASHES or after == k + 2) and after < len(toks) and toks[after].is_capitalised:
                return after
        if t.is_word and not (t.is_capitalised or t.text.isdigit() or t.norm in _MONTHS or t.norm == "of"):
            return 0
    return 0


_LONG_DASHES = {"\u2014", "\u2013"}


def _sentence(text: str, tokens: list[Token], number: int, paragraph: int) -> Sentence:
    raw = text[tokens[0].start : tokens[-1].end]
    return Sentence(number, paragraph, " ".join(raw.split()), tuple(tokens), raw, tokens[0].start)
