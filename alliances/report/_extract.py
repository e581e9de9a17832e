"""Tables and JSON for ``alliances extract`` and ``alliances merge``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from .._text import terminal_safe
from ._terminal import literal, literal_row, literal_table

if TYPE_CHECKING:
    from ..extract import Extraction
    from ..readwrite import MergeResult

__all__ = ["extraction_json", "extraction_tables", "merge_lines"]


def extraction_json(extraction: Extraction) -> dict[str, Any]:
    """``{"proposals": [{"a", "b", "stance", "confidence", "evidence": [{"sentence", "text"}]}], "unmatched": [...]}``.

    Examples
    --------
    >>> from alliances import Actor
    >>> from alliances.extract import extract_relations
    >>> ex = extract_relations("A attacked B near Homs.", [Actor("a", "A"), Actor("b", "B")])
    >>> extraction_json(ex)["unmatched"]
    ['Homs']
    """
    return extraction.to_dict()


def extraction_tables(extraction: Extraction) -> list[Any]:
    """Rich renderables: the proposals with their sentences, negated cues, unmatched names.

    The article's sentences and names are shown literally (no rich markup, control characters escaped).
    """
    out: list[Any] = []
    table = literal_table(f"Proposed relations ({len(extraction.proposals)})")
    columns: tuple[tuple[str, Literal["left", "right"]], ...] = (
        ("pair", "left"), ("stance", "left"), ("confidence", "right"), ("cues", "left"), ("sentences", "left"))
    for col, justify in columns:
        table.add_column(col, justify=justify)
    for p in extraction.proposals:
        cues = ", ".join(dict.fromkeys(c for e in p.evidence for c in e.cues))
        sentences = ", ".join(f"{e.sentence}" + ("" if e.direct else "*") for e in p.evidence)
        literal_row(table, f"{p.a} - {p.b}", p.stance.value, f"{p.confidence:.2f}", cues, sentences)
    out.append(table)
    out.append(literal("* indirect: through coreference, a cue far from the names, or the clause's subject.", style="dim"))
    used = sorted({e.sentence for p in extraction.proposals for e in p.evidence})
    texts = {s.number: s.text for s in extraction.sentences}
    if used:
        out.append(literal("Sentences cited", style="bold"))
        for number in used:
            out.append(literal(f"{number:>3}. {texts[number]}"))
    if extraction.negated:
        out.append(literal("Negated cues (not proposed)", style="bold"))
        for cue in extraction.negated:
            out.append(literal(f"  {cue.a} - {cue.b}: '{cue.cue}' in sentence {cue.sentence}"))
    if extraction.unmatched:
        out.append(literal("Names that matched no actor: " + ", ".join(extraction.unmatched)))
    return out


def merge_lines(result: MergeResult) -> list[str]:
    """One line per outcome: added, evidence added, already there, conflicts (kept as in the scenario).

    The lines are as a terminal may show them (control characters escaped).

    Examples
    --------
    >>> from alliances.readwrite import MergeResult
    >>> merge_lines(MergeResult("", (("a", "b"),), (), (("a", "c", "ally", "enemy"),), ("wire",), (("b", "c", 2),)))
    ['added source wire', 'added a - b', 'added evidence to b - c (2 entries)', 'conflict a - c: the scenario says ally, the fragment enemy (kept ally)']
    """
    lines = [f"added source {s}" for s in result.sources_added]
    lines += [f"added {a} - {b}" for a, b in result.added]
    lines += [f"added evidence to {a} - {b} ({n} {'entry' if n == 1 else 'entries'})" for a, b, n in result.evidence_added]
    lines += [f"already in the scenario: {a} - {b}" for a, b in result.agreed]
    lines += [f"conflict {a} - {b}: the scenario says {s}, the fragment {p} (kept {s})" for a, b, s, p in result.conflicts]
    return [terminal_safe(line) for line in lines]
