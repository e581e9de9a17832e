"""The cue lexicon as data: ``cues.yaml`` (built in) and the files a user adds to it.

A lexicon holds cue entries (phrases with their family, argument role, strength and
negation behaviour) and four lists of markers (negations, hedges, denials, reversals). Files are
read with the project's strict YAML reader: safe loader only, every problem reported
at once with its ``file:line``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from .._records import Stance
from ..errors import ScenarioError
from ..readwrite import INT, StrictYamlReader, construct, describe, read_text_file

__all__ = [
    "FAMILIES",
    "ROLES",
    "CueEntry",
    "CueFamily",
    "CueLexicon",
    "CueLexiconError",
    "default_cues",
    "load_cues",
    "loads_cues",
    "phrase_pattern",
]


@dataclass(frozen=True)
class CueFamily:
    """A family of cues and the stance its cues suggest."""

    name: str
    stance: Stance


FAMILIES: dict[str, CueFamily] = {
    "support": CueFamily("support", Stance.ALLY),
    "cooperation": CueFamily("cooperation", Stance.FRIENDLY),
    "hostility": CueFamily("hostility", Stance.ENEMY),
    "verbal": CueFamily("verbal hostility", Stance.RIVAL),
    "restraint": CueFamily("restraint", Stance.RIVAL),
}
ROLES = ("verb", "passive", "preposition", "helper", "noun", "event", "reciprocal", "modifier")
_TOP = {"version", "markers", "cues"}
_ENTRY = {"family", "role", "phrases", "pattern", "strength", "negation", "reports", "cameo"}
_MARKERS = ("negations", "hedges", "denials", "reversals")


class CueLexiconError(ScenarioError):
    """A cue lexicon file is invalid; ``problems`` lists everything found, with ``file:line``."""


@dataclass(frozen=True)
class CueEntry:
    """One cue: a phrase (or pattern) and how it binds its actors.

    ``pattern`` is a regular expression over the sentence's lower-cased words joined by
    single spaces; ``text`` is the phrase as written in the lexicon.
    """

    text: str
    pattern: str
    family: CueFamily
    role: str
    strength: float = 1.0
    negatable: bool = True
    reports: bool = False

    @property
    def key(self) -> tuple[str, bool]:
        """What makes an entry unique: its phrase, and whether it is a modifier (``-backed``)."""
        return self.text, self.role == "modifier"


@dataclass(frozen=True)
class CueLexicon:
    """Cue entries and markers; :meth:`extended` adds another lexicon's on top.

    Examples
    --------
    >>> lex = default_cues()
    >>> next(e for e in lex.entries if e.text == "backed by").role
    'passive'
    >>> "reportedly" in lex.hedges
    True
    """

    entries: tuple[CueEntry, ...]
    negations: tuple[str, ...] = ()
    hedges: tuple[str, ...] = ()
    denials: tuple[str, ...] = ()
    sources: tuple[str, ...] = field(default=())
    reversals: tuple[str, ...] = ()

    def extended(self, other: CueLexicon) -> CueLexicon:
        """This lexicon with ``other``'s cues and markers added (a phrase in both: ``other``'s wins)."""
        replaced = {e.key for e in other.entries}
        entries = tuple(e for e in self.entries if e.key not in replaced) + other.entries
        return CueLexicon(
            entries,
            _union(self.negations, other.negations),
            _union(self.hedges, other.hedges),
            _union(self.denials, other.denials),
            self.sources + other.sources,
            _union(self.reversals, other.reversals),
        )


def _union(a: Iterable[str], b: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*a, *b]))


def phrase_pattern(phrase: str) -> str:
    """A lexicon phrase as a regular expression over space-joined lower-case words.

    Examples
    --------
    An adverb in *-ly* may stand after the first word of a phrase of several words
    (``clashed repeatedly with`` is ``clashed with``).

    >>> bool(re.fullmatch(phrase_pattern("cooperat* with"), "cooperated with"))
    True
    >>> bool(re.fullmatch(phrase_pattern("fired ... at"), "fired two rockets at"))
    True
    >>> bool(re.fullmatch(phrase_pattern("clashed with"), "clashed repeatedly with"))
    True

    ``@`` stands for one actor:

    >>> bool(re.fullmatch(phrase_pattern("a claim @ ... rejected"), "a claim @3 has repeatedly rejected"))
    True
    """
    parts = []
    words = phrase.split()
    for n, word in enumerate(words):
        if word == "...":
            parts.append(r"(?:[^\s@,;:.]+ ){0,5}")
            continue
        if word == "@":  # an actor ("a claim @ ... rejected": "a claim Kigali has repeatedly rejected")
            parts.append(r"@\d+ ")
            continue
        stem, star = (word[:-1], True) if word.endswith("*") and len(word) > 1 else (word, False)
        parts.append(re.escape(stem) + (r"[\w'-]*" if star else "") + " ")
        if n == 0 and len(words) > 1 and words[1] != "...":
            parts.append(_ADVERB)
    return "".join(parts).rstrip(" ") if parts else ""


# an adverb in -ly between a phrase's first word and the rest; not the nouns and names that end so
_ADVERB = r"(?:(?!(?:supply|apply|reply|comply|rally|italy|family|assembly|july|ally|only|early|daily|weekly) )[a-z]{2,}ly )?"


def default_cues() -> CueLexicon:
    """The built-in lexicon (``alliances/extract/cues.yaml``), read once."""
    return _default()


@cache
def _default() -> CueLexicon:
    path = Path(__file__).with_name("cues.yaml")
    return loads_cues(path.read_text(encoding="utf-8"), str(path))


def load_cues(path: str | Path) -> CueLexicon:
    """Read a cue lexicon file (the built-in lexicon's shape).

    Parameters
    ----------
    path : str or Path
        A YAML file with ``cues:`` (and optionally ``markers:``).

    Returns
    -------
    CueLexicon
        Its cues only: add it to the built-in ones with ``default_cues().extended(...)``.

    Raises
    ------
    CueLexiconError
        With every problem and its ``file:line``.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "cues.yaml"
    >>> _ = p.write_text("cues:\\n  - {family: hostility, role: verb, phrases: [torpedoed]}\\n")
    >>> [e.text for e in load_cues(p).entries]
    ['torpedoed']
    """
    text = read_text_file(Path(path), what="cue lexicon", error=CueLexiconError)
    return loads_cues(text, str(path))


def loads_cues(text: str, filename: str = "<string>") -> CueLexicon:
    """Read a cue lexicon from text; see :func:`load_cues`.

    Examples
    --------
    >>> loads_cues("cues:\\n  - {family: friends, role: verb, phrases: [hugged]}\\n")
    Traceback (most recent call last):
    ...
    alliances.extract._lexicon.CueLexiconError: <string>:2: unknown cue family 'friends' (expected one of: support, cooperation, hostility, verbal, restraint)
    """
    reader = _LexiconReader(filename, empty="empty file: a cue lexicon needs 'cues'", document="a cue lexicon")
    root = reader.compose(text)
    lexicon = reader.lexicon(root) if root is not None else None
    if reader.problems or lexicon is None:
        raise CueLexiconError(reader.problems)
    return lexicon


class _LexiconReader(StrictYamlReader):
    def words(self, node: yaml.Node | None, what: str) -> list[tuple[str, yaml.Node]]:
        if node is None:
            return []
        items = self.sequence(node, what)
        out: list[tuple[str, yaml.Node]] = []
        for item in items or []:
            if isinstance(item, yaml.ScalarNode) and item.value.strip() and item.tag != "tag:yaml.org,2002:null":
                out.append((" ".join(str(item.value).lower().split()), item))
            else:
                self.err(item, f"each of {what} must be a word or phrase, not {describe(item)}")
        return out

    def lexicon(self, root: yaml.Node) -> CueLexicon | None:
        top = self.mapping(root, "the cue lexicon", _TOP, ("cues",))
        if top is None:
            return None
        if "version" in top:
            v = top["version"]
            if not (isinstance(v, yaml.ScalarNode) and v.tag == INT and int(v.value) == 1):
                self.err(v, f"unsupported cue lexicon version {getattr(v, 'value', '?')}: this release reads version 1")
        markers: dict[str, tuple[str, ...]] = {m: () for m in _MARKERS}
        if "markers" in top:
            fields = self.mapping(top["markers"], "'markers'", set(_MARKERS), ())
            for name, node in (fields or {}).items():
                markers[name] = tuple(w for w, _ in self.words(node, f"'markers: {name}'"))
        entries: list[CueEntry] = []
        seen: dict[tuple[str, bool], int] = {}
        for item in self.sequence(top["cues"], "'cues'") or []:
            entries += self._entry(item, seen)
        if self.problems:
            return None
        return CueLexicon(tuple(entries), markers["negations"], markers["hedges"], markers["denials"], (self.file,),
                          markers["reversals"])

    def _entry(self, item: yaml.Node, seen: dict[tuple[str, bool], int]) -> list[CueEntry]:
        fields = self.mapping(item, "a cue", _ENTRY, ("family", "role"))
        if fields is None:
            return []
        family = self.choice(fields["family"], "cue family", list(FAMILIES)) if "family" in fields else None
        role = self.choice(fields["role"], "cue role", list(ROLES)) if "role" in fields else None
        strength = self.fraction(fields.get("strength"), "strength")
        negation = self.choice(fields["negation"], "negation", ["cancel", "keep"]) if "negation" in fields else "cancel"
        reports = False
        if "reports" in fields:
            node = fields["reports"]
            if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:bool":
                reports = bool(construct(node))
            else:
                self.err(node, f"reports must be true or false, not {describe(node)}")
        if "cameo" in fields:
            self.text(fields["cameo"], "cameo")
        if ("phrases" in fields) == ("pattern" in fields):
            self.err(item, "a cue needs either 'phrases' (a list) or 'pattern' (a regular expression)")
            return []
        forms: list[tuple[str, str, yaml.Node]] = []
        if "pattern" in fields:
            raw = self.text(fields["pattern"], "pattern", optional=False)
            if raw is not None:
                try:
                    re.compile(raw)
                except re.error as exc:
                    self.err(fields["pattern"], f"pattern {raw!r} is not a regular expression: {exc}")
                else:
                    forms.append((raw, raw, fields["pattern"]))
        else:
            for phrase, node in self.words(fields["phrases"], "'phrases'"):
                forms.append((phrase, phrase_pattern(phrase), node))
        out = []
        for text, pattern, node in forms:
            line = node.start_mark.line + 1
            key = (text, role == "modifier")
            if key in seen:
                self.err(node, f"phrase {text!r} is listed twice (first at line {seen[key]})")
                continue
            seen[key] = line
            if family is not None and role is not None:
                out.append(CueEntry(text, pattern, FAMILIES[family], role, strength or 1.0, negation != "keep",
                                    reports))
        return out
