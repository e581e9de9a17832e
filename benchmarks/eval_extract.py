"""Evaluation: ``extract_relations`` on the annotated corpus, tuning and test halves apart.

The corpus (tests/data/corpus/: paragraphs.yaml, split.yaml, actors/) is 48 short
wire-style paragraphs over eight conflicts with the relations each one states. Every
paragraph is read on its own against its conflict's actors, and every proposal is scored:

- **correct**: the pair is annotated and the proposal has its sign (ally and friendly
  are positive, rival and enemy negative, ambivalent only matches ambivalent);
- **wrong sign**: the pair is annotated with the other sign (or ambivalent against a
  signed annotation, or the reverse);
- **false**: the pair is not annotated at all.

precision = correct / proposals; recall = correct proposals of the *required* relations /
required relations (relations flagged ``alleged`` or ``implied`` count when proposed with
their sign and are no miss when left out). ``same stance`` counts the correct proposals
whose stance is exactly the annotated one.

Only the tuning half is shown paragraph by paragraph (``--details``): the test half is
never used to change a rule, so its failures are not printed unless asked for with
``--details-test`` (which then moves the paragraphs looked at to the tuning half: record
them under ``moved`` in split.yaml).

``--development`` scores the development paragraphs instead (tests/data/corpus/
development.yaml: written while changing the rules, with their first-look figures in the
file's header; not part of the evaluation), paragraph by paragraph; ``--batch m-`` only
one batch (the way a new batch's first look is taken).

Run: ``.venv/bin/python benchmarks/eval_extract.py [--details] [--json] [--development [--batch PREFIX]]``
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

import alliances
from alliances.extract import extract_relations

ROOT = Path(__file__).parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus"
FLAGS = {"alleged", "implied"}


def _sign(stance: str) -> str:
    return {"ally": "+", "friendly": "+", "enemy": "-", "rival": "-", "ambivalent": "+-"}.get(stance, "0")


@dataclass
class Score:
    proposals: int = 0
    correct: int = 0
    same_stance: int = 0
    wrong_sign: int = 0
    false: int = 0
    required: int = 0
    recalled: int = 0
    optional_found: int = 0
    lines: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("proposals", "correct", "same_stance", "wrong_sign", "false", "required", "recalled",
                     "optional_found"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.lines += other.lines

    def figures(self) -> dict[str, Any]:
        return {
            "proposals": self.proposals,
            "correct": self.correct,
            "same_stance": self.same_stance,
            "wrong_sign": self.wrong_sign,
            "false": self.false,
            "required": self.required,
            "recalled": self.recalled,
            "optional_found": self.optional_found,
            "precision": round(self.correct / self.proposals, 3) if self.proposals else None,
            "recall": round(self.recalled / self.required, 3) if self.required else None,
        }


def load_corpus() -> tuple[list[dict[str, Any]], dict[str, list[str]]]:
    """The paragraphs and the split (``{"test": [...], "tune": [...], "moved": [...]}``)."""
    paragraphs = yaml.safe_load((CORPUS / "paragraphs.yaml").read_text(encoding="utf-8"))
    split = yaml.safe_load((CORPUS / "split.yaml").read_text(encoding="utf-8"))
    return paragraphs, split


def score_paragraph(par: dict[str, Any], networks: dict[str, Any]) -> Score:
    """Score the proposals for one paragraph against its annotation."""
    net = networks.setdefault(par["conflict"], alliances.load(CORPUS / "actors" / f"{par['conflict']}.yaml"))
    ex = extract_relations(par["text"], net)
    gold: dict[tuple[str, str], tuple[str, str | None]] = {}
    for rel in par["relations"]:
        a, b, stance = rel[:3]
        gold[(min(a, b), max(a, b))] = (stance, rel[3] if len(rel) > 3 else None)
    s = Score(required=sum(1 for _, flag in gold.values() if flag is None))
    for p in ex.proposals:
        s.proposals += 1
        got = p.stance.value
        want = gold.get(p.pair)
        tag = f"{par['id']}: {p.a} - {p.b} {got} ({p.confidence:.2f})"
        if want is None:
            s.false += 1
            s.lines.append(f"  FALSE      {tag}")
        elif _sign(got) == _sign(want[0]):
            s.correct += 1
            s.same_stance += got == want[0]
            if want[1] is None:
                s.recalled += 1
            else:
                s.optional_found += 1
        else:
            s.wrong_sign += 1
            s.lines.append(f"  WRONG SIGN {tag}, annotated {want[0]}")
    proposed = {p.pair for p in ex.proposals}
    for pair, (stance, flag) in sorted(gold.items()):
        if flag is None and pair not in proposed:
            s.lines.append(f"  missed     {par['id']}: {pair[0]} - {pair[1]} {stance}")
    return s


def development(batch: str | None = None) -> Score:
    """The score of the development paragraphs (not part of the evaluation), or of one batch (id prefix ``m-``)."""
    paragraphs = yaml.safe_load((CORPUS / "development.yaml").read_text(encoding="utf-8"))
    networks: dict[str, Any] = {}
    out = Score()
    for par in paragraphs:
        if batch is None or par["id"].startswith(batch):
            out.add(score_paragraph(par, networks))
    return out


def evaluate() -> dict[str, Score]:
    """The score of each half."""
    paragraphs, split = load_corpus()
    half_of = {pid: half for half in ("test", "tune") for pid in split[half]}
    networks: dict[str, Any] = {}
    out = {"tune": Score(), "test": Score()}
    for par in paragraphs:
        out[half_of[par["id"]]].add(score_paragraph(par, networks))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--details", action="store_true", help="list the tuning half's misses and false proposals")
    parser.add_argument("--details-test", action="store_true",
                        help="list the test half's too (move what you look at to the tuning half)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--development", action="store_true",
                        help="score the development paragraphs (not the evaluation), with their misses")
    parser.add_argument("--batch", metavar="PREFIX",
                        help="with --development: only the paragraphs whose id starts with PREFIX (e.g. m-)")
    args = parser.parse_args()
    if args.development:
        dev = development(args.batch)
        if args.json:
            json.dump(dev.figures(), sys.stdout, indent=2)
            print()
            return
        f = dev.figures()
        print(f"development: precision {f['precision']}, recall {f['recall']} ({f['recalled']} of {f['required']} "
              f"required), {f['proposals']} proposals, {f['wrong_sign']} wrong sign, {f['false']} false")
        print("\n".join(dev.lines))
        return
    scores = evaluate()
    if args.json:
        json.dump({half: s.figures() for half, s in scores.items()}, sys.stdout, indent=2)
        print()
        return
    for half in ("tune", "test"):
        f = scores[half].figures()
        print(f"{half:>4}: precision {f['precision']}, recall {f['recall']} ({f['recalled']} of {f['required']} "
              f"required), {f['proposals']} proposals: {f['correct']} correct ({f['same_stance']} same stance, "
              f"{f['optional_found']} alleged/implied), {f['wrong_sign']} wrong sign, {f['false']} false")
        if (half == "tune" and args.details) or (half == "test" and args.details_test):
            print("\n".join(scores[half].lines))


if __name__ == "__main__":
    try:
        main()
        sys.stdout.flush()
    except BrokenPipeError:  # "eval_extract.py --development | head": the reader has gone, exit quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
