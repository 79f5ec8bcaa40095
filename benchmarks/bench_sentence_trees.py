"""Whether the parser may split a sentence the preset splitter gave it: UAS and LAS on EWT dev, gold tokens.

flashpoint parses each preset sentence as one tree (`nlp.parser._piece`). This scores that choice against
letting the parser add sentence breaks inside a preset sentence, with the sentence starts of flashpoint's own
splitter (`preset`) or the treebank's (`gold`), through the same `parser.annotate` the pipeline runs.
Punctuation is left out and labels are compared without subtypes, as spaCy scores them.

    python benchmarks/bench_sentence_trees.py [--starts preset|gold] [--split dev|test]
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from flashpoint.nlp import parser

ROOT = Path(__file__).resolve().parent.parent
TREEBANK = ROOT.parent / "shared" / "treebanks" / "ud-english-ewt"
Word = tuple[str, int, str, bool]  # form, gold head (0 = root), label, space after


def read_conllu(path: Path) -> list[list[Word]]:
    sents: list[list[Word]] = []
    cur: list[Word] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line:
            if cur:
                sents.append(cur)
                cur = []
            continue
        f = line.split("\t")
        if line.startswith("#") or "-" in f[0] or "." in f[0]:
            continue
        cur.append((f[1], int(f[6]), f[7].split(":")[0], "SpaceAfter=No" not in f[9]))
    return [*sents, cur] if cur else sents


def free_piece(doc: Doc, words: list[str], spaces: list[bool], a: int, b: int, sentence: bool = False) -> Doc:
    """The parser may split the sentence anywhere but before its last token (flashpoint's former setting)."""
    starts: list[Any] = [True] + [None] * (b - a - 1)
    if sentence and b - a > 1:
        starts[-1] = False
    return Doc(doc.vocab, words=words[a:b], spaces=spaces[a:b], sent_starts=starts)


def score(sents: list[list[Word]], gold_starts: bool) -> dict[str, float]:
    nlp = parser.load_parser()
    tot = uas = las = split = n = 0
    for i in range(0, len(sents), 10):  # documents of 10 sentences, as the model was trained
        group = sents[i:i + 10]
        words = [w[0] for s in group for w in s]
        doc = Doc(nlp.vocab, words=words, spaces=[w[3] for s in group for w in s])
        gold, offset, starts = [], 0, []
        for s in group:
            starts.append(offset)
            gold.extend((offset + h - 1 if h else None, d) for _, h, d, _ in s)
            offset += len(s)
        if not gold_starts:
            starts = parser.preset_sentence_starts(doc, words)
        ranges = [(a, b) for a, b in zip(starts, [*starts[1:], len(doc)], strict=True) if b > a]
        with parser.one_blas_thread():
            parser.annotate(nlp, doc, ranges, words)
        for tok, (head, dep) in zip(doc, gold, strict=True):
            if dep == "punct":
                continue
            tot += 1
            if (None if tok.head.i == tok.i else tok.head.i) == head:
                uas += 1
                las += tok.dep_.split(":")[0].lower() == dep
        n += len(ranges)
        split += sum(sum(t.head.i == t.i for t in doc[a:b]) > 1 for a, b in ranges)
    return {"uas": uas / tot, "las": las / tot, "sentences": n, "split_by_parser": split}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--starts", choices=("preset", "gold"), default="gold")
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    args = ap.parse_args()
    sents = read_conllu(TREEBANK / f"en_ewt-ud-{args.split}.conllu")
    one_tree = score(sents, args.starts == "gold")
    shipped = parser._piece
    parser._piece = free_piece  # type: ignore[assignment]
    try:
        free = score(sents, args.starts == "gold")
    finally:
        parser._piece = shipped  # type: ignore[assignment]
    for name, r in (("one tree per sentence", one_tree), ("parser free to split", free)):
        print(f"{name:24} UAS {r['uas']:.4f}  LAS {r['las']:.4f}  sentences {r['sentences']}, "
              f"split by the parser {r['split_by_parser']}")


if __name__ == "__main__":
    main()
