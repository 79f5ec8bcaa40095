"""Scores flashpoint's shipped English pipeline on the UD English Web Treebank test split.

Reports, on gold tokens and on raw text: UPOS and XPOS accuracy, UAS, LAS (punctuation excluded, as
spaCy scores), lemma accuracy, sentence F1; then words per second batched on one core, model size
and load time (in a fresh process).

    python benchmarks/bench_parser.py [--treebank ../shared/treebanks/ud-english-ewt] [--split test] [--json F]
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core, as the brief measures

import argparse  # noqa: E402
import json  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402
from spacy.training import Corpus  # noqa: E402

from flashpoint.nlp.parser import MODEL_DIR, load_parser, one_blas_thread  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
KEYS = ("pos_acc", "tag_acc", "dep_uas", "dep_las", "lemma_acc", "sents_f")


def convert(conllu: Path, out: Path) -> Path:
    subprocess.run([sys.executable, "-m", "spacy", "convert", str(conllu), str(out), "--converter", "conllu",
                    "-n", "10"], check=True, capture_output=True)
    return out / (conllu.stem + ".spacy")


def scores(nlp: spacy.language.Language, path: Path, gold_tokens: bool) -> dict[str, float]:
    examples = list(Corpus(str(path), gold_preproc=gold_tokens)(nlp))
    result = nlp.evaluate(examples)
    return {k: round(float(result[k]), 4) for k in KEYS if result.get(k) is not None}


def speed(nlp: spacy.language.Language, path: Path) -> float:
    texts = [eg.reference.text for eg in Corpus(str(path))(nlp)]
    words = sum(len(t.split()) for t in texts)
    t0 = time.process_time()
    with one_blas_thread():
        for _ in nlp.pipe(texts, batch_size=64):
            pass
    return words / (time.process_time() - t0)


def load_seconds() -> float:
    code = ("import time; t=time.perf_counter(); import spacy; "
            f"spacy.load({str(MODEL_DIR)!r}); print(time.perf_counter()-t)")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return float(out.stdout.strip())


def size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--treebank", type=Path, default=ROOT.parent / "shared" / "treebanks" / "ud-english-ewt")
    ap.add_argument("--split", default="test", choices=("dev", "test"))
    ap.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    args = ap.parse_args()
    nlp = load_parser()  # as flashpoint runs it (numpy's BLAS)
    with tempfile.TemporaryDirectory() as tmp:
        path = convert(args.treebank / f"en_ewt-ud-{args.split}.conllu", Path(tmp))
        report = {
            "split": args.split,
            "gold_tokens": scores(nlp, path, gold_tokens=True),
            "raw_text": scores(nlp, path, gold_tokens=False),
            "words_per_second_one_core": round(speed(nlp, path)),
        }
    report["model_mb"] = round(size_mb(MODEL_DIR), 1)
    report["load_seconds"] = round(load_seconds(), 2)
    for name in ("gold_tokens", "raw_text"):
        row = report[name]
        print(f"{name:12s} " + "  ".join(f"{k} {v:.3f}" for k, v in row.items()))  # type: ignore[union-attr]
    print(f"speed {report['words_per_second_one_core']} words/s (one core, batched)  "
          f"model {report['model_mb']} MB  load {report['load_seconds']} s")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
