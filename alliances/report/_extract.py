"""Tables and JSON for ``alliances extract`` and ``alliances merge``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from ..extract import Extraction
    from ..readwrite import MergeResult

__all__ = ["extraction_json", "extraction_tables", "merge_lines"]


def extraction_json(extraction: Extraction) -> dict[str, Any]:
    """``{"proposals": [{"a", "b", "stance", "confidence", "alleged", "evidence": [{"sentence", "text", "hedge"}]}],
    "unclear": [{"sentence", "text", "reason"}], "unmatched": [...]}``.

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
    """Rich renderables: the proposals with their sentences, negated cues, unmatched names."""
    from rich.table import Table
    from rich.text import Text

    out: list[Any] = []
    table = Table(title=f"Proposed relations ({len(extraction.proposals)})", title_justify="left")
    columns: tuple[tuple[str, Literal["left", "right"]], ...] = (
        ("pair", "left"), ("stance", "left"), ("confidence", "right"), ("cues", "left"), ("sentences", "left"),
        ("hedged", "left"))
    for col, justify in columns:
        table.add_column(col, justify=justify)
    for p in extraction.proposals:
        cues = ", ".join(dict.fromkeys(c for e in p.evidence for c in e.cues))
        sentences = ", ".join(f"{e.sentence}" + ("" if e.direct else "*") for e in p.evidence)
        hedges = ", ".join(dict.fromkeys(e.hedge for e in p.evidence if e.hedge))
        stance = p.stance.value + (" (alleged)" if p.alleged else "")
        table.add_row(f"{p.a} - {p.b}", stance, f"{p.confidence:.2f}", cues, sentences, hedges)
    out.append(table)
    out.append(Text("* indirect: through coreference or the clause's subject. Hedged sentences (alleged, "
                    "denied, accused of) count half.", style="dim"))
    used = sorted({e.sentence for p in extraction.proposals for e in p.evidence})
    texts = {s.number: s.text for s in extraction.sentences}
    if used:
        out.append(Text("Sentences cited", style="bold"))
        for number in used:
            out.append(Text(f"{number:>3}. {texts[number]}"))
    if extraction.unclear:
        out.append(Text("Not proposed, unclear", style="bold"))
        for u in extraction.unclear:
            out.append(Text(f"{u.sentence:>3}. {u.text}\n     {u.reason}"))
    if extraction.negated:
        out.append(Text("Negated cues (not proposed)", style="bold"))
        for cue in extraction.negated:
            out.append(Text(f"  {cue.a} - {cue.b}: '{cue.cue}' in sentence {cue.sentence}"))
    if extraction.unmatched:
        out.append(Text("Names that matched no actor: " + ", ".join(extraction.unmatched)))
    return out


def merge_lines(result: MergeResult) -> list[str]:
    """One line per outcome: added, already there, conflicts (kept as in the scenario).

    Examples
    --------
    >>> from alliances.readwrite import MergeResult
    >>> merge_lines(MergeResult("", (("a", "b"),), (), (("a", "c", "ally", "enemy"),), ("wire",)))
    ['added source wire', 'added a - b', 'conflict a - c: the scenario says ally, the fragment enemy (kept ally)']
    """
    lines = [f"added source {s}" for s in result.sources_added]
    lines += [f"added {a} - {b}" for a, b in result.added]
    lines += [f"already in the scenario: {a} - {b}" for a, b in result.agreed]
    lines += [f"conflict {a} - {b}: the scenario says {s}, the fragment {p} (kept {s})" for a, b, s, p in result.conflicts]
    return lines
