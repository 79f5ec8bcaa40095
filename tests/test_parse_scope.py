"""Selective parsing: only the sentences an extractor reads parsed are tagged and parsed, the others are split
into sentences and left bare; every record comes out as the whole parse gives it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SEEDS
from flashpoint.model import Article
from flashpoint.nlp import parser
from flashpoint.nlp.document import make_doc
from flashpoint.nlp.parse_scope import wanted_sentences
from flashpoint.nlp.pipeline import BUILTIN, analyze, load_extractor

REALNEWS = Path(__file__).resolve().parents[1].parent / "shared" / "realnews" / "articles.jsonl"


def _sentences(text: str) -> list[tuple[str, bool]]:
    nlp = parser.load_parser()
    doc = nlp.make_doc(text)
    starts = parser.preset_sentence_starts(doc)
    spans = [(a, b) for a, b in zip(starts, [*starts[1:], len(doc)], strict=True) if b > a]
    return [(doc[a:b].text.strip(), w) for (a, b), w in zip(spans, wanted_sentences(text, doc, spans), strict=True)]


def test_each_extractors_cue_asks_for_the_parse() -> None:
    text = ("The sky was blue over the hills. Troops shelled the village. She walked home slowly. "
            "Prices rose by 12 percent. The weather seemed calm. “We are ready,” the mayor told reporters. "
            "The garden was quiet. The ministry issued a statement.")
    wanted = dict(_sentences(text))
    assert wanted == {
        "The sky was blue over the hills.": False,
        "Troops shelled the village.": True,  # an event pattern's verb
        "She walked home slowly.": True,  # "walk" (out) is an event pattern's verb too
        "Prices rose by 12 percent.": True,  # a figure
        "The weather seemed calm.": False,  # ("stay", as in "will not stay silent", is a cue now)
        "“We are ready,” the mayor told reporters.": True,  # a quote and a speech verb
        "The garden was quiet.": False,
        "The ministry issued a statement.": True,  # a document noun that speaks for its issuer
    }


def test_the_sentence_before_a_pronoun_speaker_is_parsed() -> None:
    text = "Ms Novak is tall. The sky was grey. He was never there, she said."
    assert [w for _, w in _sentences(text)] == [False, True, True]
    assert [w for _, w in _sentences("The sky was grey. It was late, the mayor said.")] == [False, True]


def test_a_bare_sentence_keeps_its_bounds_and_has_no_annotation() -> None:
    text = "Hello there, friends.\nRussian forces shelled Kharkiv on Monday.\nBlue skies all day"
    scoped, whole = parser.parse(text, wanted_sentences), parser.parse(text)
    assert [s.text.strip() for s in scoped.sents if s.text.strip()] == \
        ["Hello there, friends.", "Russian forces shelled Kharkiv on Monday.", "Blue skies all day"]
    for a, b in zip(scoped, whole, strict=True):
        bare = a.idx < text.index("Russian") or a.idx >= text.index("Blue")
        if bare:
            assert (a.pos_, a.tag_, a.lemma_, a.dep_, a.head.i) == ("", "", "", "", a.i)
        else:  # the parsed sentence reads as in the whole parse
            assert (a.pos_, a.tag_, a.lemma_, a.dep_, a.head.i) == (b.pos_, b.tag_, b.lemma_, b.dep_, b.head.i)


@pytest.mark.parametrize("text", ["Blue skies all day over the harbour.", "Hello", "Two words"])
def test_a_text_with_nothing_to_parse_is_one_bare_sentence(text: str) -> None:
    """No sentence in scope (a one-line note, a sports score) once left spaCy without sentence bounds."""
    doc = parser.parse(text, wanted_sentences)
    assert [s.text for s in doc.sents] == [text]
    article = analyze(Article(id="t", source="t", body=text))
    assert article.events == [] and article.quotes == []


def test_the_repairs_read_no_bare_token_of_a_text_parsed_nowhere() -> None:
    """A bare token's children are never set (spaCy reads edges it never wrote): a repair that walked every token's
    children crashed the process on a headline and dateline nothing in scope asked to parse (2026-12-07)."""
    text = ("Mayor Jones briefs Smith, Brown about the city's new parks across Springfield\n\n"
            "Mayor of Springfield Anna Jones briefed Deputy Governor of the Northern Province Tom Smith and Head of "
            "Parks Carl Brown about new parks of the city along the river. — Local Desk.") * 3
    doc = parser.parse(text, lambda text, doc, sentences: [False] * len(sentences))
    assert doc.text == text and all(t.dep_ == "" and t.head.i == t.i for t in doc)


def _records(doc_tokens_scope: bool, article: Article) -> dict[str, list[str]]:
    doc = make_doc(article, scope=wanted_sentences if doc_tokens_scope else None)
    out: dict[str, list[str]] = {}
    for stage, path in BUILTIN.items():
        setattr(doc, stage, load_extractor(path)(doc))
        out[stage] = [r.model_dump_json() for r in getattr(doc, stage)]
    return out


def _articles() -> list[Article]:
    arts = [Article(id=p.name, source=p.name, body=p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    for line in REALNEWS.read_text(encoding="utf-8").splitlines()[:6]:
        rec = json.loads(line)
        arts.append(Article(id=rec["id"], source=rec["id"], body=rec["text"], published=rec.get("published")))
    return arts


@pytest.mark.parametrize("article", _articles(), ids=lambda a: a.id)
def test_records_are_those_of_the_whole_parse(article: Article) -> None:
    """Parsing only the sentences in scope changes no record of any extractor (seeds and real news)."""
    assert _records(True, article) == _records(False, article)


def seen_parse(doc: object) -> list[object]:
    """A stand-in model backend that only notes whether every sentence came parsed."""
    seen_parse.bare = [t.text for t in doc.tokens if not t.is_space and not t.dep_]  # type: ignore[attr-defined]
    return []


def test_a_model_backend_gets_the_whole_parse() -> None:
    body = "The sky was blue over the hills. Troops shelled the village."
    analyze(Article(id="b", source="b", body=body), backends={"entities": "test_parse_scope:seen_parse"})
    assert seen_parse.bare == []  # type: ignore[attr-defined]
    analyze(Article(id="b", source="b", body=body))
    assert make_doc(Article(id="b", source="b", body=body), wanted_sentences).tokens[0].dep_ == ""


def test_after_the_first_analysis_the_collector_runs_and_leaves_the_lexicons_be() -> None:
    import gc

    analyze(Article(id="g", source="g", body="Troops shelled the village on Monday, officials said."))
    assert gc.isenabled() and gc.get_freeze_count() > 0


def test_a_file_left_open_before_the_first_analysis_is_still_written_at_exit(tmp_path: Path) -> None:
    """The lexicons are kept from the collector after the first analysis, and handed back at exit."""
    import subprocess
    import sys
    import textwrap

    target = tmp_path / "out.txt"
    code = textwrap.dedent(f"""
        from flashpoint.model import Article
        from flashpoint.nlp.pipeline import analyze
        out = open({str(target)!r}, "w")
        out.write("before\\n")
        def rows():
            yield from range(3)
        for i in rows():
            analyze(Article(id=str(i), source="s", body="Troops shelled the village."))
            out.write(f"row {{i}}\\n")
    """)
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
    assert target.read_text().splitlines() == ["before", "row 0", "row 1", "row 2"]


def test_the_quote_marks_are_scanned_once_a_doc() -> None:
    # the parse scope, the quote finder and the dates of quoted speech read one scan, kept on the Doc
    from flashpoint.nlp.quotes import quote_marks, scan_quotes

    text = "The U.S. envoy spoke on Saturday.\n\n“Civilians died here today,” he said. ‘Never again,’ she wrote."
    doc = parser.parse(text, wanted_sentences)
    marks = quote_marks(doc)
    assert marks is quote_marks(doc)
    assert marks == scan_quotes(text) and [m.single for m in marks] == [False, True]


def test_quotes_run_after_the_dates_they_read() -> None:
    # the quote finder reads the dates ('said Tuesday': no speaker); the order that ran it first is refused
    from flashpoint.nlp.pipeline import COMPONENTS, check_order

    by_name = {c.name: c for c in COMPONENTS}
    assert "timexes" in by_name["quotes"].reads
    swapped = tuple(by_name[n] for n in ("entities", "quotes", "timexes", "quantities", "events"))
    with pytest.raises(ValueError, match="quotes"):
        check_order(swapped)
