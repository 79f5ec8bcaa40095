"""Dates on long pages: the work grows with the page, not with its square (#17 found plain text
growing faster than linearly). What is checked here is the answer on large inputs, not a time."""

from __future__ import annotations

import datetime as dt
import random

from flashpoint.nlp.parser import parse
from flashpoint.nlp.timexes import Res, _same_story, _without_overlaps, record_timexes

UNIT = ("The accord of March 3, 2019 held until May. Fighting resumed on Monday and later that day "
        "12 people died. ")


def _pairwise(candidates: list[Res]) -> list[Res]:
    """The rule as first written: a candidate is taken unless it overlaps any span taken before it."""
    taken: list[Res] = []
    for c in candidates:
        if all(c.end_char <= t.start_char or c.start_char >= t.end_char for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda r: r.start_char)


def test_overlap_choice_by_neighbours_is_the_pairwise_rule() -> None:
    rng = random.Random(13)
    for _ in range(300):
        spans = []
        for _ in range(rng.randint(0, 40)):
            start = rng.randint(0, 200)
            spans.append(Res(start, start + rng.randint(1, 30), None))
        spans.sort(key=lambda r: -(r.end_char - r.start_char))
        assert [(r.start_char, r.end_char) for r in _without_overlaps(spans)] == \
            [(r.start_char, r.end_char) for r in _pairwise(spans)]


def test_a_long_page_of_one_line_gives_every_date_of_each_part() -> None:
    published = dt.date(2024, 8, 1)
    one = [(t.text, t.value) for t in record_timexes(UNIT, published, parse(UNIT))]
    assert one == [("March 3, 2019", "2019-03-03"), ("May", "2019-05"), ("Monday", "2024-07-29"),
                   ("later that day", "2024-07-29")]
    many = [(t.text, t.value) for t in record_timexes(UNIT * 400, published, parse(UNIT * 400))]  # 40 KB on one line
    assert many == one * 400


def test_the_narrative_year_reads_two_sentences_at_most() -> None:
    body = "The accord of March 3, 2019 held. " + "Talks went on. " * 100 + "It broke in May."
    told, later = Res(14, 27, "2019-03-03", parts=(2019, 3, 3)), Res(len(body) - 4, len(body) - 1, None)
    doc = parse(body)
    assert not _same_story(body, told, later, doc, [s.start_char for s in doc.sents])  # too far: not read
    short = "The accord of March 3, 2019 held. It broke in May."
    doc = parse(short)
    assert _same_story(short, told, Res(len(short) - 4, len(short) - 1, None), doc, [s.start_char for s in doc.sents])
