"""Figures in the body: how many were killed, deployed, displaced, fired, paid.

A figure is a number (digits, words, "tens of thousands") with the noun it counts. Its kind
comes from that noun and the words of its clause (resources/quantity_kinds.yaml): a death
verb beats the noun ("Fifty troops died" is a toll), a weapon noun beats the verbs around
("troops fired 14 mortar bombs" counts munitions), money units win outright. A bare figure
compared with an earlier one ("61 ..., compared to 50 in 2020") counts the same thing.
Who gives the figure: the speaker of the quote it sits in, else the attribution of its
sentence ("according to ...", "Kyiv says").

Not figures: numbers inside dates, clock times, ages ("aged 18 to 60"), ordinals, list
markers, article numbers, years, and durations ("eight years").
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any, cast

import yaml

from flashpoint.model import Quantity, QuantityKind
from flashpoint.nlp.document import NlpDoc
from flashpoint.nlp.numbers import DIGITS_RE, NUMBER_WORDS_RE, SCALE_ABBREV, parse_number


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    text = resources.files("flashpoint.resources").joinpath("quantity_kinds.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _alt(words: list[str] | dict[str, Any]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = lexicon()
    cur_symbols = [c for c in lex["currencies"] if not c.isalpha()]
    cur_words = [c for c in lex["currencies"] if c.isalpha()]
    number = (r"(?:(?P<cur>" + _alt(cur_symbols) + r")\s?)?"
              r"(?P<num>" + DIGITS_RE + r"|" + NUMBER_WORDS_RE + r"(?![\w\u00ad]))"
              r"(?:\s?(?P<scale>million|billion|trillion|thousand|bn|mln|mn|tn)\b|(?P<abbr>[mk])\b)?")
    vague = r"(?P<vague>(?:tens|hundreds)\s+of\s+(?:thousands|millions)|thousands|hundreds|dozens|millions)(?=\s+of\b)"
    pattern = (r"(?<![\w.,/:\-])(?:(?P<qual>" + _alt(lex["approx"]) + r")\s+)?(?:" + vague + "|" + number + r")"
               r"(?![\d\u00ad]|[.,]\d|:\d|/\d|-\d|(?:st|nd|rd|th)\b|-year|['\u2019]s\b|\+|\s?(?:am|pm|a\.m\.|p\.m\.)\b)"
               r"(?:\s?(?P<pct>%|per\s?cent\b|percent\b))?"
               r"(?:\s+(?P<curword>" + _alt(cur_words) + r")\b)?")
    kinds = {k: re.compile(r"\b(?:" + _alt(lex[k]) + r")\b", re.I) for k in ("killed", "wounded", "displaced")}
    return {
        "figure": re.compile(pattern, re.I),
        **kinds,
        "munitions": re.compile(r"^(?:" + _alt(lex["munitions"]) + r")\b", re.I),
        "troops": re.compile(r"^(?:" + _alt(lex["troops"]) + r")\b", re.I),
        "people": re.compile(r"^(?:" + _alt(lex["people"]) + r")\b", re.I),
        "not_units": re.compile(r"^\s*(?:" + _alt(lex["not_units"]) + r")(?![\w])", re.I),
        "not_before": re.compile(r"(?:^|[^\w])(?:" + _alt(lex["not_before"]) + r")\s*$", re.I),
        "comparison": re.compile(r"\b(?:" + _alt(lex["comparison"]) + r")\b[^,;]{0,25}$", re.I),
        "saying": re.compile(r"\b(?:" + _alt(lex["saying"]) + r")\b"),
    }


_ATTRIB_WORDS = {"officials", "official", "ministry", "military", "army", "authorities", "government",
                 "spokesman", "spokeswoman", "spokesperson", "sources", "police", "foreign", "defence", "defense",
                 "ministry's", "command", "staff", "general", "intelligence", "officers", "media", "agency",
                 "office", "service", "services", "forces", "commander", "leaders", "leader", "president", "of"}
_CLAUSE_CUT = re.compile(r"[,;:()\u201c\u201d\"]|\bwhile\b|\bbut\b|\bwhereas\b")
_VAGUE_VALUES = {"tens of thousands": 10_000, "tens of millions": 10_000_000, "hundreds of thousands": 100_000,
                 "hundreds of millions": 100_000_000, "thousands": 1_000, "hundreds": 100, "dozens": 12,
                 "millions": 1_000_000}


def _sentence_of(spans: list[tuple[int, int]], pos: int, length: int) -> tuple[int, int]:
    for s, e in spans:
        if s <= pos < e:
            return s, e
    return 0, length


def _subject(after: str) -> tuple[str | None, str | None]:
    """The noun phrase the figure counts and which lexicon its head is in."""
    pats = _patterns()
    text = re.sub(r"^\s*(?:of\s+)?(?:the\s+)?", "", after)
    words = re.findall(r"[\w'\u2019-]+|[^\w\s]", text)[:6]
    for i in range(len(words)):
        if not re.match(r"[\w]", words[i]):
            break
        rest = " ".join(words[i:])
        for kind in ("munitions", "troops", "people"):
            m = pats[kind].match(rest)
            if m:
                return " ".join([*words[:i], m.group(0)]), kind
        if words[i].lower() in ("and", "or", "in", "on", "at", "to", "from", "by", "were", "was", "are", "is",
                                "have", "has", "had", "since", "who", "that", "which", "a", "an"):
            break
    if words and re.match(r"[A-Za-z]", words[0]) and len(words[0]) > 2 and words[0].lower() not in (
            "and", "the", "were", "was", "are", "have", "has", "had", "since", "more", "less", "than", "for",
            "with", "who", "that", "this", "which", "from", "into", "over"):
        return words[0], None
    return None, None


def _attribution(sentence: str, offset_in_sentence: int) -> str | None:
    """'according to Washington and Kiev', 'Kyiv says', 'Ukrainian officials said' -> who."""
    m = re.search(r"according\s+to\s+(?:the\s+|an?\s+)?([^,.;:\u201d\"]+?)(?=\s*(?:[,.;:\u201d\"]|$|\s+(?:based|on|in|"
                  r"at|as|are|is|were|was|have|has|had)\b))", sentence, re.I)
    if m:
        return " ".join(m.group(1).split()[:6])
    best: tuple[int, str] | None = None
    for v in _patterns()["saying"].finditer(sentence):
        words = sentence[:v.start()].split()
        taken: list[str] = []
        for w in reversed(words):
            bare = w.strip("\u2019'\"\u201c")
            if not bare or not re.match(r"[\w]", bare) or w.endswith((",", ";", ":")):
                break
            if bare[0].isupper() or bare.lower() in _ATTRIB_WORDS:
                taken.insert(0, bare)
                continue
            break
        while taken and taken[0].lower() in ("of", "the"):
            taken.pop(0)
        if taken:
            dist = abs(v.start() - offset_in_sentence)
            who = " ".join(taken)
            if best is None or dist < best[0]:
                best = (dist, who)
    return best[1] if best else None


def _kind(before: str, after: str, head_kind: str | None, unit: str | None) -> str:
    pats = _patterns()
    if unit and unit not in ("percent",):
        return "money"
    if head_kind == "munitions":
        return "munitions"
    near_before = _CLAUSE_CUT.split(before[-70:])[-1]
    near_after = _CLAUSE_CUT.split(after[:70])[0]
    for kind in ("killed", "wounded", "displaced"):
        if pats[kind].search(near_after) or pats[kind].search(near_before):
            return kind
    if head_kind == "troops":
        return "troops"
    return "other"


def extract_quantities(doc: NlpDoc) -> list[Quantity]:
    body = doc.body
    pats = _patterns()
    lex = lexicon()
    sentences = doc.sentences()
    blocked = [(t.start, t.end) for t in doc.timexes]
    out: list[Quantity] = []
    for m in pats["figure"].finditer(body):
        start, end = m.start(), m.end()
        num_start = m.start("num") if m["num"] else m.start("vague")
        if any(s < end and num_start < e for s, e in blocked):
            continue
        s_start, s_end = _sentence_of(sentences, start, len(body))
        before = body[s_start:start]
        after = body[end:s_end]
        if pats["not_before"].search(before) or re.search(r"\baged?\s+\d+\s*(?:to|-|and)\s*$", before, re.I):
            continue
        if pats["not_units"].match(after):
            continue
        if re.match(r"^\s*$", body[max(0, body.rfind("\n", 0, start) + 1):start]) and re.match(r"[.)]\s", after):
            continue  # list marker
        if m["vague"]:
            value: float | None = float(_VAGUE_VALUES[re.sub(r"\s+", " ", m["vague"].lower())])
        else:
            value = parse_number(m["num"])
        if value is None:
            continue
        scale = m["scale"] or (m["abbr"] if m["cur"] else None)
        if m["abbr"] and not m["cur"]:
            continue
        if scale:
            value *= SCALE_ABBREV[scale.lower()]
        subject, head_kind = _subject(after)
        num_text = (m["num"] or "").lower()
        if num_text in ("one",) and head_kind is None:
            continue
        if re.fullmatch(r"(?:19|20)\d{2}", m["num"] or "") and not (m["cur"] or m["pct"] or head_kind):
            continue  # a year
        prev_word = re.search(r"(\S+)\s*$", before)
        if prev_word and prev_word.group(1)[0].isupper() and not before.rstrip().endswith((".", ":")) \
                and not (head_kind or m["cur"] or m["curword"] or m["pct"] or m["qual"] or scale):
            continue  # a name with a number: "France 24", "Nord Stream 2"
        unit: str | None = None
        cur = m["cur"] or m["curword"]
        if cur:
            unit = lex["currencies"].get(cur.lower())
        elif m["pct"]:
            unit = "percent"
        elif head_kind in ("troops", "people"):
            unit = "people" if head_kind == "people" else "troops"
        elif head_kind == "munitions":
            unit = "munitions"
        kind = _kind(before, after, head_kind, unit if cur else None)
        if kind == "other" and head_kind is None and not m["pct"]:
            prev = [q for q in out if s_start <= q.start < start]
            if prev and scale and prev[-1].kind == "money" and prev[-1].unit:
                kind, unit = "money", prev[-1].unit  # "640 billion dollars ... and 183 billion"
            elif prev and pats["comparison"].search(before):
                kind, unit = prev[-1].kind, prev[-1].unit
                subject = subject or prev[-1].subject
        approx = None
        if m["qual"]:
            q = re.sub(r"\s+", " ", m["qual"].lower())
            approx = lex["approx"].get(q, q)
        elif m["vague"]:
            approx = "about"
        claimed_by = None
        for quote in doc.quotes:
            if quote.start <= start < quote.end and quote.speaker and quote.speaker.name:
                claimed_by = quote.speaker.name
                break
        if claimed_by is None:
            claimed_by = _attribution(body[s_start:s_end], start - s_start)
        out.append(Quantity(text=body[start:end], start=start, end=end, value=value, unit=unit, kind=cast(QuantityKind, kind),
                            subject=subject, approx=approx, claimed_by=claimed_by))
    return out
