"""Numbers written in digits or words, shared by the date and figure extractors.

News writes "Fifty", "five million", "14,000", "1.5bn", "twenty-one" and "thirty first";
both extractors need the same reading of them, so it lives here.
"""

from __future__ import annotations

import re

from flashpoint.nlp.language import calendar_words
from flashpoint.nlp.regexes import alternation

# an ordinal's ending after its digits, "(?:st|nd|rd|th)" (lang/en/calendar.yaml ordinal_suffixes)
ORDINAL_SUFFIX_RE = calendar_words().ordinal_suffix

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES: dict[str, float] = {
    "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}
# abbreviated scales glued to or following digits: "$1.5bn", "5m", "3 mln", "10k"
SCALE_ABBREV: dict[str, float] = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6, "millions": 1e6,
    "bn": 1e9, "b": 1e9, "billion": 1e9, "billions": 1e9, "tn": 1e12, "trillion": 1e12, "trillions": 1e12,
}
ORDINAL_UNITS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30,
}
OTHER_WORDS: dict[str, float] = {"a dozen": 12, "dozen": 12, "a couple of": 2, "a couple": 2, "couple": 2,
                                 "a few": 3, "few": 3, "several": 3, "a": 1, "an": 1, "half a": 0.5}

_WORD = "|".join(sorted([*UNITS, *TENS, *SCALES, "and", "a"], key=len, reverse=True))
# the words of one number stand on one line, apart by spaces or a hyphen: a headline's last number word and
# the next line's first ("kills two\n\nTwo people") are two numbers
_JOIN = r"(?:[ \t]*-[ \t]*|[ \t]+)"
# one to ninety-nine: a tens word may take a unit after it ("twenty-one"), a unit word takes none ("two one",
# "five Five" are two numbers)
_BELOW_100 = (r"(?:(?:" + alternation(TENS) + r")(?:" + _JOIN + r"(?:" + alternation([w for w, v in UNITS.items() if 0 < v < 10])
              + r"))?|(?:" + alternation(UNITS) + r"))")
# a run of number words: "five million", "two hundred and fifty", "twenty-one", "one thousand two hundred"
# (the word lists as tries: the same longest-first matches, found faster; see regexes.alternation)
NUMBER_WORDS_RE = (
    r"(?:" + _BELOW_100 + r"(?:(?:" + _JOIN + r"(?:" + alternation(SCALES) + r"))+(?:" + _JOIN + r"(?:and" + _JOIN
    + r")?" + _BELOW_100 + r")?)*)"
)
ORDINAL_WORDS_RE = (
    r"(?:(?:" + alternation(TENS) + r")[\s-]+)?(?:"
    + alternation(ORDINAL_UNITS) + r")"
)
DIGITS_RE = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"

_digits = re.compile(r"^\s*(" + DIGITS_RE + r")\s*$")


def parse_digits(text: str) -> float | None:
    """'14,000' -> 14000.0, '1.5' -> 1.5; None when it is not a plain figure."""
    m = _digits.match(text)
    if not m:
        return None
    return float(m.group(1).replace(",", ""))


def words_to_number(text: str) -> float | None:
    """'five million' -> 5e6, 'two hundred and fifty' -> 250, 'twenty-one' -> 21; None if not a number."""
    tokens = [t for t in re.split(r"[\s-]+", text.lower().strip()) if t and t != "and"]
    if not tokens:
        return None
    total = 0.0
    current = 0.0
    seen = False
    for tok in tokens:
        if tok in UNITS:
            current += UNITS[tok]
        elif tok in TENS:
            current += TENS[tok]
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok in SCALES:
            total += (current or 1) * SCALES[tok]
            current = 0
        else:
            value = parse_digits(tok)
            if value is None:
                return None
            current += value
        seen = True
    return total + current if seen else None


def ordinal_to_number(text: str) -> int | None:
    """'thirty first' -> 31, '22nd' -> 22, 'fourth' -> 4."""
    t = text.lower().strip()
    m = re.match(r"^(\d{1,2})" + ORDINAL_SUFFIX_RE + r"?$", t)
    if m:
        return int(m.group(1))
    parts = [p for p in re.split(r"[\s-]+", t) if p]
    total = 0
    for p in parts:
        if p in TENS:
            total += TENS[p]
        elif p in ORDINAL_UNITS:
            total += ORDINAL_UNITS[p]
        else:
            return None
    return total or None


def parse_number(text: str) -> float | None:
    """Any written figure: digits, words, or digits with a scale word ('1.5 million', '5bn')."""
    t = text.strip().lower().replace("\u00a0", " ")
    value = parse_digits(t)
    if value is not None:
        return value
    m = re.match(r"^(" + DIGITS_RE + r")\s*([a-z]+)$", t)
    if m and m.group(2) in SCALE_ABBREV:
        return float(m.group(1).replace(",", "")) * SCALE_ABBREV[m.group(2)]
    if t in OTHER_WORDS:
        return OTHER_WORDS[t]
    return words_to_number(t)
