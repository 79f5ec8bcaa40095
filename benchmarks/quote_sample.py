"""Quote attribution judged by eye on text nobody tuned on: the 181 general-news bodies of
../shared/eval/article-extraction/ground-truth.json and the five seed articles.

    python benchmarks/quote_sample.py dump  [--out test-output/quote_dump.jsonl]
        run the pipeline over every body and write each attributed quote with its context (to read)
    python benchmarks/quote_sample.py draw  --n 100 [--seed 13]
        draw a random sample of attributed quotes from the dump, as judgement lines to fill in
    python benchmarks/quote_sample.py score [--sample benchmarks/quote_sample.jsonl]
        rerun the pipeline on the sampled documents and score the sample against its judgements

A judgement line (benchmarks/quote_sample.jsonl) names the document (`doc`), the quote's offsets in
that body as found when it was judged (`start`, `end`), what the pipeline said then (`found`), the
judge's reading (`label`: ok, or the class of the mistake), the right speaker (`speaker`, null for
no quote) and a few words of evidence. Scoring finds today's quote at those offsets (the one that
overlaps most) and counts it right when its span still starts and ends within the judged quote's
sentence tolerance and its speaker is the judged one; a judged non-quote that is no longer
attributed counts as removed (right). Precision = right / attributed among the sampled places.

A sample judged from the text before any output was seen (quote_sample4.jsonl) labels a quote the judge
read `direct` or `reported`, its offsets the judge's span (the words between the marks, or the reported
clause), and a place that holds no quote `no quote` (a scare quote, a heading, "added his seventh goal").
Such a quote is right when today's quote there has the judged speaker and a span close to the judged one
(their overlap at least SPAN_SHARE of the longer of the two, or a direct quote inside the judged clause: in
'The world is “at a moment of peril”, warned X' the quoted words are the direct quote, as ANNOTATION.md's
evidence and the seeds' gold have it); the speaker is compared as the real-news evaluation does (a surname,
initials, or the `speaker_country` a line gives: "the Kremlin" is the Russian government).
Recall = right / judged quotes.

A sample of whole articles (quote_sample5.jsonl) adds a `whole` line per article read in full before any output was
seen: every quote of such an article is judged, and `optional` marks a place a careful reader may take either way (an
unnamed group's view, "urged X to", "called it a sham"). On those articles the score is also the real-news
evaluation's own (flashpoint eval realnews): each judged quote, in order, takes the first of today's quotes (attributed
or not) that overlaps it and, for "span+speaker", names the same speaker; today's quotes that overlap only optional
places are left out; precision = matched / today's quotes, recall = matched / judged quotes. So a quote split in two, a
false hit anywhere in the article and a quote found twice all count, as they do on the held-out articles.

A sample may also judge RUWA rows (`ruwa-N`, a headline and its sub-heading as benchmarks/entity_sample.py reads them):
short conflict reporting, where most quotes are an official's or a ministry's statement.

Samples 8, 9 and 10 are whole-article samples labelled blind at the start of a stop, each of 12 bodies no quote sample
had read in full and outside both news181 gold sets, drawn with random.Random(8), (9) and (10) among pages with speech
cues; each was scored only at the start and the end of its stop and released as tuning data the stop after (sample 10
at the end of the 2026-12-06 evening stop). Sample 11 is the same draw with random.Random(11) (a pool of 99 bodies; 93
quotes, 38 optional places), blind for the 2026-12-06 late stop: scored at its start (802b8c0) and end (7507273) only.

Sample 11r (quote_sample11r.jsonl), blind for the same stop, is 40 RUWA rows read whole: RUWA rows with text, minus
ruwa_documents(1400), minus every ruwa-N named in benchmarks/, kept those with a speech cue (the regex of sample 12r
below), random.Random(111).sample of them (a pool of 2,974); 42 quotes (40 reported, 2 direct), 17 optional places, 29
rows with a quote. Its draw first counted « » as quotation marks (Censor.NET's breadcrumbs); those 40 rows were read,
not labelled, and drawn again without them.

Sample 12r (quote_sample12r.jsonl) is 40 RUWA rows read whole: RUWA rows with text, minus ruwa_documents(1400), minus
every ruwa-N named in benchmarks/ and every ruwa-N id of blind sample 11, kept those with a speech cue
(\\b(said|says|told|according to|stated|claimed|warned|announced)\\b|["“”‘], not « »: 2924 rows), then
random.Random(112).sample(sorted pool, 40); 38 quotes (36 reported, 2 direct), 16 places either way, 9 rows with none.
Labelled from the text alone, scored when judged: P 1.0 R 0.474 (span+speaker, 18 of 38 found) at 802b8c0; released as
tuning data.

Sample 14r (quote_sample14r.jsonl) is 40 RUWA rows read whole, drawn as 12r but only among rows whose N is odd (even rows
are left to blind draws): RUWA rows with text, minus ruwa_documents(1400), minus every ruwa-N named in benchmarks/ (722
ids then), N odd, kept those with the speech cue of 12r (1408 rows), then random.Random(114).sample(sorted pool, 40); 39
quotes (36 reported, 3 direct), 20 places either way, 31 rows with a quote. Labelled from the text alone, scored when
judged: P 0.844 R 0.692 (span+speaker, 27 of 39 matched, 32 found; span only P 0.969 R 0.795) at 74ce4b3; released as
tuning data.

Sample 16r (quote_sample16r.jsonl) is the draw of 14r with random.Random(116), N odd, among the rows no file of
benchmarks/ named at main 8107ec5 (902 ids then; 1,362 odd rows with the cue); 49 quotes (46 reported, 3 direct), 23
places either way, 32 rows with a quote. Labelled from the text alone, scored when judged: P 0.933 R 0.857
(span+speaker, 42 of 49 matched, 45 found; span only P 0.978 R 0.898) at b86af78; released as tuning data.

Sample 18r (quote_sample18r.jsonl) is the draw of 14r with random.Random(118), N odd, among the rows no file of
benchmarks/ named at main 3752389 (1,082 ids then; 1,313 odd rows with the cue); 43 quotes (40 reported, 3 direct), 27
places either way, 30 rows with a quote. Labelled from the text alone, scored when judged: P 0.919 R 0.791
(span+speaker, 34 of 43 matched, 37 found; span only P 0.973 R 0.837) at a1ff0a9 (3dc78e5 before its rebase
onto 9ef7419, labels identical); released as tuning data.

Samples 12 and 13r were blind for the 2026-12-06 night stop, labelled from the text alone at its start and scored only at
its start (25da3ea) and end (66de652). Sample 12 is the draw of sample 11 with random.Random(12) (a pool of 87 bodies no
quote sample had read whole, outside both news181 gold sets; 23 cue-less pages skipped; 144 quotes, 96 direct, 48
reported; 67 optional places; embedded tweets, pull quotes, song lyrics and a review roundup's unmarked excerpts
optional). Sample 13r is the draw of 11r with random.Random(113) among the rows whose N is even (a pool of 7,320 rows,
1,476 with the cue; 46 quotes, 43 reported; 18 optional places; 33 rows with a quote).

Samples 15 and 15r were blind for the 2026-12-06 last stop (20:28 UTC), labelled from the text alone at its start and
scored only at its start (8107ec5) and end (0a6618c), with the same figures both times. Sample 15 is the draw of sample
12 with random.Random(15) (a pool of 75 bodies no quote sample had read whole, outside both news181 gold sets; 28
cue-less pages skipped; 117 quotes, 67 direct, 50 reported; 65 optional places): span+speaker P 0.896 R 0.880. Sample
15r is the draw of 13r with random.Random(115) among the rows whose N is even and no file of benchmarks/ named at
8107ec5 (a pool of 7,230 rows, 1,429 with the cue; 43 quotes, 41 reported; 18 optional places): P 0.839 R 0.605.

Samples 17 and 17r were blind for the midnight stop (2026-12-06 23:00 UTC), labelled from the text alone at its start
and scored only at its start (91ebc1e) and end (b05b0bb), with the same records both times. Sample 17 is the draw of
sample 15 with random.Random(17) (a pool of 63 bodies no quote sample had read whole, outside both news181 gold sets:
only 9 hold the speech cue, so it has 9 bodies and the pool of such pages is used up; 29 quotes, 17 direct, 12
reported; 12 optional places): span+speaker P 0.929 R 0.897. Sample 17r is the draw of 15r with random.Random(117)
among the rows whose N is even and no file of benchmarks/ named at 91ebc1e (a pool of 7,140 rows, 1,374 with the cue;
44 quotes, 40 reported; 28 optional places): P 0.853 R 0.659 by the scorer of then, P 0.912 R 0.705 by today's (a
speaker's spellings folded alike are one, 7e72db1).

Sample 19r was blind for the stop of 2026-12-07 01:35 UTC, labelled from the text alone at its start and scored only
at its start (eda0df5) and end (bac6dc8), with the same figures both times: the draw of 17r with random.Random(119)
among the rows whose N is even and no file of benchmarks/ named at eda0df5 (a pool of 7,050 rows, 1,323 with the cue;
31 quotes, 30 reported; 23 optional places): span+speaker P 1.0 R 0.839 (26 of 31 found, none wrong). The ae- pool of
whole bodies with the cue being used up, no whole-article quote sample was drawn.

Sample 21r was blind for the stop of 2026-12-07 03:53 UTC, labelled from the text alone at its start and scored only
at its start (1ad5a53) and end (ad94d45), with the same figures both times: the draw of 19r with random.Random(121)
among the rows whose N is even and no file of benchmarks/ named at 1ad5a53 (a pool of 6,960 rows, 1,275 with the cue;
44 quotes, 42 reported; 28 optional places): span+speaker P 0.973 R 0.818 (36 of 37 found right, one wrong speaker);
span only P 1.0 R 0.841. Released as tuning data in the stop of 2026-12-07 06:14 UTC.

Sample 23r (quote_sample23r.jsonl) was blind for the stop of 2026-12-07 06:14 UTC: the draw of 21r with
random.Random(123) among the rows whose N is even and no file of benchmarks/ named at 21c1adb (a pool of 6,920 rows,
1,235 with the cue; 43 quotes, 38 reported, 5 direct; 14 optional places; 33 rows with a quote). Labelled BLIND at the
start of the stop of 2026-12-07 06:14 UTC, scored only at its start (21c1adb) and end. At its start: span+speaker P 0.971
R 0.767 (33 of 43 matched, 34 found); span only P 1.0 R 0.791; by place P 0.912 R 0.721 (31 of 34 attributed right,
3 span). At its end (f102f8b): the same. Released as tuning data in the stop of 2026-12-07 08:41 UTC.

Sample 25r (quote_sample25r.jsonl) was blind for the stop of 2026-12-07 08:41 UTC: the draw of 23r with
random.Random(125) among the rows whose N is even and no file of benchmarks/ named at b182857 (1,532 ids then; a pool of
6,830 rows, 1,183 with the cue; 55 quotes, 51 reported, 4 direct; 16 optional places; 36 rows with a quote). Labelled
BLIND from the text alone at the start of the stop of 2026-12-07 08:41 UTC (labels committed first, 305a762), scored
only at its start (b182857) and end. At its start: span+speaker P 0.977 R 0.782 (43 of 55 matched, 44 found); span only
P 1.0 R 0.8; by place P 0.977 R 0.764 (42 of 43 attributed right, 1 span). At its end (e2a6cd5): the same. Released
as tuning data in the stop of 2026-12-07 11:03 UTC.

Sample 27r (quote_sample27r.jsonl) was blind for the stop of 2026-12-07 11:03 UTC: the draw of 25r with
random.Random(127) among the rows whose N is even and no file of benchmarks/ named at 1acb943 (1,622 ids then; a pool of
6,740 rows, 1,133 with the cue; 51 quotes, 49 reported, 2 direct; 17 optional places; 31 rows with a quote). Labelled
BLIND from the text alone at the start of the stop of 2026-12-07 11:03 UTC (labels committed first, e142fe9), scored
only at its start (1acb943) and end. At its start: span+speaker P 0.977 R 0.824 (42 of 51 matched, 43 found); span only
P 0.977 R 0.824; by place P 0.976 R 0.804 (41 of 42 attributed right, 1 span). At its end (e7533b7): the same.
Released as tuning data in the stop of 2026-12-07 13:13 UTC (one of its rows holds the "talks with" form that a rule
of that stop may have been shaped by: disclosed).

Sample 29r (quote_sample29r.jsonl) was blind for the stop of 2026-12-07 13:13 UTC: the draw of 27r with
random.Random(129) among the rows whose N is even and no file of benchmarks/ named at 0f9cd0a (1,712 ids then; a pool
of 6,650 rows, 1,087 with the cue; 49 quotes, 46 reported, 3 direct; 24 optional places; 29 rows with a quote).
Labelled BLIND from the text alone at the start of the stop of 2026-12-07 13:13 UTC (labels committed first, 780df85),
scored only at its start (0f9cd0a) and end. At its start: span+speaker P 0.955 R 0.857 (42 of 49 matched, 44 found);
span only P 1.0 R 0.898; by place P 0.977 R 0.857 (42 of 43 attributed right, 1 speaker). At its end (b37cf6a): the
same. Released as tuning data in the stop of 2026-12-07 15:36 UTC.

Sample 31r (quote_sample31r.jsonl) was blind for the stop of 2026-12-07 15:36 UTC: the draw of 29r with
random.Random(131) among the rows whose N is even and no file of benchmarks/ named at e804ada (1,802 ids then; a pool
of 6,560 rows, 1,042 with the cue; 42 quotes, 40 reported, 2 direct; 16 optional places; 29 rows with a quote).
Labelled BLIND from the text alone at the start of the stop of 2026-12-07 15:36 UTC (labels committed first, 072f97c),
scored only at its start (e804ada) and end. At its start: span+speaker P 0.973 R 0.857 (36 of 42 matched, 37 found);
span only P 1.0 R 0.881; by place P 0.973 R 0.857 (36 of 37 attributed right, 1 speaker). At its end (c59dd40): the
same. Released as tuning data in the stop of 2026-12-07 18:00 UTC.

Sample 33r (quote_sample33r.jsonl) was blind for the stop of 2026-12-07 18:00 UTC: the draw of 31r with
random.Random(133) among the rows whose N is even and no file of benchmarks/ named at 8d19069 (1,892 ids then; a pool
of 6,470 rows, 993 with the cue; 42 quotes, 41 reported, 1 direct; 24 optional places; 32 rows with a quote).
Labelled BLIND from the text alone at the start of the stop of 2026-12-07 18:00 UTC (labels committed first, c3bcf4f),
scored only at its start (8d19069) and end. At its start: span+speaker P 1.0 R 0.833 (35 of 42 matched, 35 found);
span only P 1.0 R 0.833; by place P 0.971 R 0.81 (34 of 35 attributed right, 1 span). At its end (21c363d, 927bcc0):
the same. Released as tuning data in the stop of 2026-12-07 20:26 UTC.

Sample 35r (quote_sample35r.jsonl) was blind for the stop of 2026-12-07 20:26 UTC: the draw of 33r with
random.Random(135) among the rows whose N is even and no file of benchmarks/ named at e0eaeb5 (1,982 ids then; a pool
of 6,380 rows, 949 with the cue; 36 quotes, 34 reported, 2 direct; 21 optional places; 26 rows with a quote).
Labelled BLIND from the text alone at the start of the stop of 2026-12-07 20:26 UTC (labels committed first, 0bdc8be),
scored only at its start (e0eaeb5) and end. At its start: span+speaker P 0.939 R 0.861 (31 of 36 matched, 33 found);
span only P 0.939 R 0.861; by place P 1.0 R 0.861 (31 of 31 attributed right). At its end (5214d26): the same.
Released as tuning data in the stop of 2026-12-07 22:51 UTC.

Sample 37r (quote_sample37r.jsonl) is blind for the stop of 2026-12-07 22:51 UTC: the draw of 35r with
random.Random(137) among the rows whose N is even and no file of benchmarks/ named at b9141cb (2,072 ids then; a pool
of 6,290 rows, 907 with the cue; 43 quotes, 42 reported, 1 direct; 23 optional places; 28 rows with a quote).
Labelled BLIND from the text alone at the start of the stop of 2026-12-07 22:51 UTC (labels committed first, 043b703),
scored only at its start (b9141cb: span+speaker P 1.0 R 0.814 (35 of 43 matched, 35 found); span only P 1.0 R 0.814;
by place P 0.914 R 0.744 (32 of 35 attributed right, 3 span)) and end. At its end (5a3dd2d): the same.
Released as tuning data in the stop of 2026-12-08 00:59 UTC.

Sample 39r (quote_sample39r.jsonl) is blind for the stop of 2026-12-08 00:59 UTC: the draw of 37r with
random.Random(139) among the rows whose N is even and no file of benchmarks/ named at 8d19f2a (2,162 ids then; a pool
of 6,200 rows, 858 with the cue; 37 quotes, 35 reported, 2 direct; 19 optional places; 28 rows with a quote).
Labelled BLIND from the text alone at the start of the stop of 2026-12-08 00:59 UTC (labels committed first, 326757a),
scored only at its start (8d19f2a: span+speaker P 0.906 R 0.784 (29 of 37 matched, 32 found); span only P 0.969
R 0.838; by place P 0.967 R 0.784 (29 of 30 attributed right, 1 speaker)) and end.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path
from typing import Any

from _judged import sample_cli
from flashpoint.evals.realnews import same_speaker

ROOT = Path(__file__).resolve().parent.parent
GROUND_TRUTH = ROOT.parent / "shared" / "eval" / "article-extraction" / "ground-truth.json"
SEEDS = ROOT.parent / "shared" / "seeds"
SAMPLE = ROOT / "benchmarks" / "quote_sample.jsonl"
CONTEXT = 160
JUDGED_QUOTE = ("direct", "reported")  # labels of a sample judged from the text before any output was seen
NOT_A_PLACE = ("whole", "optional")  # an article read in full; a place either reading is right at
SPAN_SHARE = 0.6


def bodies() -> dict[str, str]:
    """Every document of the check: id -> body (ground-truth bodies by key prefix, seeds by file)."""
    docs: dict[str, str] = {}
    truth = json.loads(GROUND_TRUTH.read_text(encoding="utf-8"))
    for key, page in sorted(truth.items()):
        body = page.get("articleBody") or ""
        if body.strip():
            docs["ae-" + key[:12]] = body
    for path in sorted(SEEDS.glob("*.txt")):
        docs["seed-" + path.stem] = path.read_text(encoding="utf-8")
    return docs


def analyse(doc_id: str, body: str) -> Any:
    from flashpoint.model import Article
    from flashpoint.nlp.pipeline import analyze

    return analyze(Article(id=doc_id, source=doc_id, body=body))


def _speaker(q: Any) -> str | None:
    return q.speaker.name if q.speaker and q.speaker.name else None


def dump(out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for doc_id, body in bodies().items():
            art = analyse(doc_id, body)
            for q in art.quotes:
                a, b = max(0, q.start - CONTEXT), min(len(body), q.end + CONTEXT)
                fh.write(json.dumps({
                    "doc": doc_id, "start": q.start, "end": q.end, "speaker": _speaker(q), "cue": q.cue,
                    "direct": q.direct, "quote": q.text,
                    "context": body[a:q.start] + "[[" + body[q.start:q.end] + "]]" + body[q.end:b],
                }, ensure_ascii=False) + "\n")


def draw(dump_path: Path, n: int, seed: int) -> None:
    rows = [json.loads(line) for line in dump_path.read_text(encoding="utf-8").splitlines()]
    attributed = [r for r in rows if r["speaker"]]
    random.Random(seed).shuffle(attributed)
    for r in sorted(attributed[:n], key=lambda r: (r["doc"], r["start"])):
        print(json.dumps({"doc": r["doc"], "start": r["start"], "end": r["end"], "found": r["speaker"],
                          "label": "?", "speaker": r["speaker"], "evidence": ""}, ensure_ascii=False))


def _same_speaker(judged: str | None, found: str | None) -> bool:
    """The judged and found speakers are one: the same words, the words of one a run of the other's (whole words:
    "WeWork" is not "WeWorkers Coalition"), or the same last word once the project's own transliteration folding
    (gazetteer.fold, as the entity stage links spellings) is applied to both ("Zelenskiy", "Zelenskyy" and "Volodymyr
    Zelensky" are one person)."""
    if judged is None or found is None:
        return judged is None and found is None
    a, b = _casefolded_words(judged), _casefolded_words(found)
    return _word_run_in(a, b) or _word_run_in(b, a) or _folded_last_word(judged) == _folded_last_word(found) != ""


def _casefolded_words(name: str) -> list[str]:
    return re.findall(r"\w+", name.casefold())


def _word_run_in(run: list[str], words: list[str]) -> bool:
    return bool(run) and any(words[i : i + len(run)] == run for i in range(len(words) - len(run) + 1))


def _folded_last_word(name: str) -> str:
    from flashpoint.nlp.gazetteer import fold

    words = re.findall(r"[^\W\d_][\w’'-]*", name)
    return fold(words[-1]) if words and words[-1][:1].isupper() else ""


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _close(gold: tuple[int, int], found: tuple[int, int]) -> bool:
    return _overlap(gold, found) >= SPAN_SHARE * max(gold[1] - gold[0], found[1] - found[0])


def _verdict(j: dict[str, Any], best: Any) -> str | None:
    """None when today's quote `best` is right for the judgement `j`, else the class of its mistake."""
    if j["label"] in JUDGED_QUOTE:
        if not (_same_speaker(j["speaker"], _speaker(best)) or same_speaker(j, best.model_dump())):
            return "speaker"
        inside = best.direct and j["start"] <= best.start and best.end <= j["end"]  # the quoted words of the clause
        return None if inside or _close((j["start"], j["end"]), (best.start, best.end)) else "span"
    span_ok = j["label"] != "span" or (best.start, best.end) != (j["start"], j["end"])
    if span_ok and j["speaker"] is not None and _same_speaker(j["speaker"], _speaker(best)):
        return None
    return j["label"] if j["label"] != "ok" else "changed"


def score(sample_path: Path, show: bool) -> dict[str, Any]:
    lines = [json.loads(line) for line in sample_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    judged = [j for j in lines if j["label"] not in NOT_A_PLACE]
    docs = bodies()
    if any(j["doc"].startswith("ruwa-") for j in lines):  # RUWA rows: conflict reporting, headline and sub-heading
        from entity_sample import ruwa_documents

        docs.update(ruwa_documents(1_000_000))
    found: dict[str, list[Any]] = {}
    for doc_id in sorted({j["doc"] for j in lines}):  # an article read whole may hold no quote at all
        found[doc_id] = analyse(doc_id, docs[doc_id]).quotes
    right = attributed = removed_right = removed_lost = 0
    classes: dict[str, int] = {}
    for j in judged:
        span = (j["start"], j["end"])
        best = max(found[j["doc"]], key=lambda q: _overlap(span, (q.start, q.end)), default=None)
        if best is None or _overlap(span, (best.start, best.end)) == 0 or _speaker(best) is None:
            if j["speaker"] is None:
                removed_right += 1
            else:
                removed_lost += 1
                if show:
                    print("LOST", j["doc"], span, j["speaker"], j.get("evidence", ""), file=sys.stderr)
            continue
        attributed += 1
        why = _verdict(j, best)
        right += why is None
        if why is not None:
            classes[why] = classes.get(why, 0) + 1
            if show:
                print("WRONG", why, j["doc"], span, (best.start, best.end), _speaker(best), "| judged:",
                      j["speaker"], j.get("evidence", ""), file=sys.stderr)
    result: dict[str, Any] = {
        "judged": len(judged), "attributed": attributed, "right": right,
        "precision": round(right / attributed, 3) if attributed else None,
        "wrong_by_class": dict(sorted(classes.items(), key=lambda kv: -kv[1])),
        "non_quotes_now_unattributed": removed_right, "right_quotes_lost": removed_lost}
    quotes = [j for j in judged if j["label"] in JUDGED_QUOTE]
    if quotes:
        result["judged_quotes"] = len(quotes)
        result["recall"] = round(sum(_verdict(j, b) is None for j, b in _best_of(quotes, found)) / len(quotes), 3)
    whole = {j["doc"] for j in lines if j["label"] == "whole"}
    if whole:
        result["whole_articles"] = _whole_scores(lines, whole, found, show)
    return result


def _matches(j: dict[str, Any], q: Any, speaker: bool) -> bool:
    if _overlap((j["start"], j["end"]), (q.start, q.end)) == 0:
        return False
    return not speaker or _same_speaker(j["speaker"], _speaker(q)) or same_speaker(j, q.model_dump())


def _whole_scores(lines: list[dict[str, Any]], whole: set[str], found: dict[str, list[Any]],
                  show: bool) -> dict[str, Any]:
    """The real-news evaluation's matching on the articles read in full: one-to-one, in the judged order."""
    out: dict[str, Any] = {"articles": len(whole)}
    for name, speaker in (("span+speaker", True), ("span", False)):
        gold = system = matched = 0
        for doc in sorted(whole):
            golds = [j for j in lines if j["doc"] == doc and j["label"] in JUDGED_QUOTE]
            either = [j for j in lines if j["doc"] == doc and j["label"] == "optional"]
            quotes = [q for q in found[doc] if any(_matches(j, q, False) for j in golds)
                      or not any(_matches(j, q, False) for j in either)]
            used: set[int] = set()
            for j in golds:
                k = next((i for i, q in enumerate(quotes) if i not in used and _matches(j, q, speaker)), None)
                if k is not None:
                    used.add(k)
                elif show and speaker:
                    print("MISS", doc, (j["start"], j["end"]), j["speaker"], j.get("evidence", ""), file=sys.stderr)
            if show and speaker:
                for i, q in enumerate(quotes):
                    if i not in used:
                        print("EXTRA", doc, (q.start, q.end), _speaker(q), q.text[:90], file=sys.stderr)
            gold, system, matched = gold + len(golds), system + len(quotes), matched + len(used)
        out[name] = {"precision": round(matched / system, 3) if system else None,
                     "recall": round(matched / gold, 3) if gold else None, "judged": gold, "found": system,
                     "matched": matched}
    return out


def _best_of(judged: list[dict[str, Any]], found: dict[str, list[Any]]) -> list[tuple[dict[str, Any], Any]]:
    """Each judged quote with today's attributed quote that overlaps it most (judged quotes with none left out)."""
    pairs = []
    for j in judged:
        span = (j["start"], j["end"])
        cands = [q for q in found[j["doc"]] if _speaker(q) is not None and _overlap(span, (q.start, q.end)) > 0]
        if cands:
            pairs.append((j, max(cands, key=lambda q: _overlap(span, (q.start, q.end)))))
    return pairs


def main() -> None:
    sample_cli(__doc__, "quote", 100, 13, SAMPLE, dump, draw, score)


if __name__ == "__main__":
    main()
