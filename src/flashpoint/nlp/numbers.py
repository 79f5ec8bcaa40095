"""Numbers written in digits or words, shared by the date and figure extractors.

News writes "Fifty", "five million", "14,000", "1.5bn", "twenty-one" and "thirty first";
both extractors need the same reading of them, so it lives here.
"""

from __future__ import annotations

import re

from flashpoint.nlp.language import DEFAULT_LANGUAGE, calendar_words, number_words, word_list
from flashpoint.nlp.regexes import alternation

# an ordinal's ending after its digits, "(?:st|nd|rd|th)" (lang/en/calendar.yaml ordinal_suffixes)
ORDINAL_SUFFIX_RE = calendar_words().ordinal_suffix

_NUMBERS = number_words()  # the words and their values: resources/lang/en/numbers.yaml
UNITS: dict[str, int] = _NUMBERS["units"]  # zero to nineteen
TENS: dict[str, int] = _NUMBERS["tens"]
SCALES: dict[str, float] = _NUMBERS["scales"]
# abbreviated scales glued to or following digits: "$1.5bn", "5m", "3 mln", "10k"
SCALE_ABBREV: dict[str, float] = _NUMBERS["scale_abbreviations"]
ORDINAL_UNITS: dict[str, int] = _NUMBERS["ordinal_units"]
OTHER_WORDS: dict[str, float] = _NUMBERS["other_words"]  # "a dozen", "a couple of", "several"

# the words that join a scale to the number after it, "two hundred and fifty" (numbers.yaml joiners)
JOINERS = word_list(DEFAULT_LANGUAGE, "numbers.yaml", "joiners")
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
    r"(?:" + _BELOW_100 + r"(?:(?:" + _JOIN + r"(?:" + alternation(SCALES) + r"))+(?:" + _JOIN + r"(?:"
    + alternation(JOINERS) + _JOIN + r")?" + _BELOW_100 + r")?)*)"
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
    tokens = [t for t in re.split(r"[\s-]+", text.lower().strip()) if t and t not in JOINERS]
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
        elif SCALES.get(tok, 1000) < 1000:  # "two hundred": a scale below a thousand multiplies the count so far
            current = (current or 1) * SCALES[tok]
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
