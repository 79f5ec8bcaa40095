"""Figures in the body: how many were killed, deployed, displaced, fired, paid.

A figure is a number (digits, words, "tens of thousands") with the noun it counts. Its kind
comes from that noun and the words of its clause (resources/quantity_kinds.yaml): a death
verb beats the noun ("Fifty troops died" is a toll), a weapon noun beats the verbs around
("troops fired 14 mortar bombs" counts munitions), money units win outright. A bare figure
compared with an earlier one ("61 ..., compared to 50 in 2020") counts the same thing.
Who gives the figure: the speaker of the quote it sits in, else the attribution of its
sentence ("according to ...", "Kyiv says").

Not figures: numbers inside dates (but a duration is one, "seven days later"), clock times, ages
("aged 18 to 60", "a 19-year-old"), ordinals, list markers, article numbers and years. A duration
("eight years") is kind `other` with its unit of time; a range is two figures, its bounds. The rules and
their examples: resources/lang/en/figures.yaml `figure_rules`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, cast

from spacy.tokens import Token

from flashpoint.model import Quantity, QuantityKind, Quote
from flashpoint.nlp.document import NlpDoc, spaced_words
from flashpoint.nlp.gazetteer import fold, gazetteer
from flashpoint.nlp.inflect import adverb_shaped
from flashpoint.nlp.language import (
    DEFAULT_LANGUAGE,
    Patterns,
    figure_words,
    names,
    number_words,
    people,
    quoting,
    read_yaml,
    syntax,
)
from flashpoint.nlp.languages import foreign_stretch
from flashpoint.nlp.numbers import (
    DIGITS_RE,
    NUMBER_WORDS_RE,
    ORDINAL_SUFFIX_RE,
    ORDINAL_WORDS_RE,
    SCALE_ABBREV,
    ordinal_to_number,
    parse_number,
)
from flashpoint.nlp.regexes import alternation
from flashpoint.nlp.syntax import VERBS, case_of, is_infinitive, is_verb_of, phrase_span, word_in
from flashpoint.yamlio import load_yaml

_LIST_KEYS = ("killed", "killed_of_people", "wounded", "displaced", "held", "munitions", "troops", "people", "things",
              "not_before", "not_units", "weighed_after_pounds",
              "comparison", "saying", "vague", "claimant_words", "not_claimants", "pronouns")
_MAP_KEYS = ("currencies", "approx", "measures", "multipliers", "durations")
_WORDS = figure_words()  # resources/lang/en/figures.yaml
_ONES = frozenset(w for w, v in number_words()["units"].items() if v == 1)  # "one" (lang/en/numbers.yaml units)


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """resources/quantity_kinds.yaml, checked: each list a list of lower-case words, each map a mapping."""
    text = resources.files("flashpoint.resources").joinpath("quantity_kinds.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = load_yaml(text)
    return check_lexicon(data)


def check_lexicon(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ValueError("quantity_kinds.yaml: a mapping of lists and maps")
    for key in _LIST_KEYS:
        words = data.get(key)
        if not isinstance(words, list) or not all(isinstance(w, str) and w and w == w.lower() for w in words):
            raise ValueError(f"quantity_kinds.yaml: {key!r} must be a list of lower-case words")
    for key in _MAP_KEYS:
        if not isinstance(data.get(key), dict) or not data[key]:
            raise ValueError(f"quantity_kinds.yaml: {key!r} must map words to values")
    if not all(isinstance(v, (int, float)) for v in data["multipliers"].values()):
        raise ValueError("quantity_kinds.yaml: 'multipliers' must map words to numbers")
    return data


@lru_cache(maxsize=1)
def _claimant_words() -> frozenset[str]:
    return frozenset(lexicon()["claimant_words"])


def _alt(words: list[str] | dict[str, Any]) -> str:
    """The words (lower case), longest first, a space matching any run of blanks."""
    return alternation(words, space=r"\s+")


def _words(name: str) -> str:
    """A word list a figure pattern names: {rule.key}, a figure rule's words (figures.yaml figure_rules); {key}, a
    list of quantity_kinds.yaml, a space matching any run of blanks."""
    return alternation(sorted(_figure_rule_words()[name])) if "." in name else _alt(lexicon()[name])


def _currencies(signs: bool, spaced_are_words: bool = True) -> str:
    """The currencies written with a sign or letters ("$", "rs.") or, `signs` false, as words ("dollars"); a
    currency of words with a space ("swiss francs") is a word, or, `spaced_are_words` false, a sign."""
    cur = lexicon()["currencies"]
    return _alt([c for c in cur if (not (c.replace(" ", "") if spaced_are_words else c).isalpha()) == signs])


@lru_cache(maxsize=1)
def _joined_lists() -> dict[str, str]:
    """The parts of figure_patterns that join word lists: more scales ("crore"), attack words, the persons an age
    is said of, the words after an ordinal count and the toll nouns it counts."""
    words = _figure_rule_words()
    return {"EXTRA_SCALES": _alt(list(_scales())), "ATTACK_WORDS": _alt(_attack_words()),
            "AGE_PERSONS": alternation(sorted(words["age_said_of_a_person.subjects"] | words["age_after_a_person.words"])),
            "ORDINAL_COUNT_WORDS": _alt(sorted(_WORDS.ordinal_count_words)),
            "TOLL_NOUNS": _alt(sorted(words["ordinal_counts.toll_nouns"]))}


def _joined(name: str) -> Callable[[], str]:
    return lambda: _joined_lists()[name]


# the figure finder's patterns (lang/en/figures.yaml figure_patterns), with the parts it builds
_PATTERN = Patterns("figures.yaml", "figure_patterns", {
    "CUR_SIGNS": lambda: _currencies(True), "CUR_WORDS": lambda: _currencies(False),
    "CUR_MARKS": lambda: _currencies(True, spaced_are_words=False), "CODES": lambda: _currency_codes(),
    "GROUPED": lambda: _grouped_thousands(), "DIGITS": DIGITS_RE, "NUMBER_WORDS": NUMBER_WORDS_RE,
    "ORDINAL_WORDS": ORDINAL_WORDS_RE, "ORDINAL_SUFFIX": ORDINAL_SUFFIX_RE,
    **{name: _joined(name) for name in ("EXTRA_SCALES", "ATTACK_WORDS", "AGE_PERSONS", "ORDINAL_COUNT_WORDS",
                                        "TOLL_NOUNS")}}, words=_words)


def _currency_codes() -> str:
    """A currency code before the number, in capitals ("GBP 2 million", "UAH 50 million"): figures.yaml
    currency_codes; or its letters (_currency_letters_pattern)."""
    lex = lexicon()
    cur_words = [c for c in lex["currencies"] if c.replace(" ", "").isalpha()]
    return r"|(?-i:" + "|".join(sorted([c.upper() for c in cur_words if len(c) == 3] + lex["currency_prefix_words"])) \
        + r")(?=\s?\d)" + _currency_letters_pattern()


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = lexicon()
    measure = r"(?:" + _alt(lex["measures"]) + r")\b"
    kinds = {k: re.compile(r"\b(?:" + _alt(lex[k]) + r")\b", re.I) for k in (*_KINDS, "killed_of_people")}
    return {
        "figure": _PATTERN("figure"),  # "more than 1,200", "$5bn", "two and a half million", "30 per cent"
        **kinds,
        # "63 missile strikes", "100 missile and air strikes": attacks counted, no weapons (figures.yaml strikes_are_attacks)
        "munitions": _PATTERN("munitions"),
        "troops": re.compile(r"^(?:" + _alt(lex["troops"]) + r")\b", re.I),
        "people": re.compile(r"^(?:" + _alt(lex["people"]) + r")\b", re.I),
        "things": re.compile(r"^(?:" + _alt(lex["things"]) + r")\b", re.I),
        "not_units": re.compile(r"^\s*(?:" + _alt(lex["not_units"]) + r")(?![\w])", re.I),
        "not_before": re.compile(r"(?:^|[^\w])(?:" + _alt(lex["not_before"]) + r")\s*$", re.I),
        # "compared to 50", "than 50"; not the "than" of a qualifier ("more than 80 were killed and ...")
        "comparison": _PATTERN("comparison"),
        "saying": re.compile(r"\b(?:" + _alt(lex["saying"]) + r")\b"),
        "measure": re.compile(r"^[\s-]?(?P<measure>" + measure + r")", re.I),
        # "nine months", "an 11-year lull"; "a 19-year-old", "20 years old" are ages
        "duration": _PATTERN("duration"),
    }


@lru_cache(maxsize=1)
def _currency_letters() -> dict[str, str]:
    return cast("dict[str, str]", read_yaml(DEFAULT_LANGUAGE, "figures.yaml")["figure_rules"]["currency_letters"]["letters"])


def _currency_letters_pattern() -> str:
    """'N500m', 'N10,000': a capital letter that is a currency before a sum written with a scale or thousands
    (figures.yaml currency_letters); 'N95 masks' is no sum."""
    sums = str(read_yaml(DEFAULT_LANGUAGE, "figures.yaml")["figure_rules"]["currency_letters"]["sums"])
    return "".join(r"|(?-i:" + re.escape(letter) + r")" + sums for letter in _currency_letters())


def _attack_words() -> list[str]:
    return [str(w) for w in read_yaml(DEFAULT_LANGUAGE, "figures.yaml")["figure_rules"]["strikes_are_attacks"]["words"]]


@lru_cache(maxsize=1)
def _scales() -> dict[str, float]:
    """Scale words of other numbering systems ('Rs 24 lakh', '5 crore'): figures.yaml scale_words."""
    words = read_yaml(DEFAULT_LANGUAGE, "figures.yaml")["figure_rules"]["scale_words"]["words"]
    return {str(k).lower(): float(v) for k, v in words.items()}


def _scale_of(word: str) -> float:
    return SCALE_ABBREV.get(word.lower()) or _scales()[word.lower()]


@lru_cache(maxsize=1)
def _grouped_rule() -> dict[str, Any]:
    return cast("dict[str, Any]", read_yaml(DEFAULT_LANGUAGE, "figures.yaml")["figure_rules"]["grouped_thousands"])


def _grouped_thousands() -> str:
    """'12 500', '1.234.567', '12.500': thousands set apart by a space or by dots (figures.yaml:
    grouped_thousands); whether one dot group is thousands is decided with the kind (_dot_thousands)."""
    spaces = "".join(re.escape(c) for c in _grouped_rule()["space_separators"])
    # "16 155mm howitzers": a number with a unit written onto it starts a new word, no group of thousands
    # "400 737 Max jets": a capitalised word that is no demonym after the second group makes it a model's name
    # (figures.yaml model_numbers), so the two numbers stand apart
    demonyms = alternation(sorted(_demonyms()))
    model = r"|\s+(?!(?i:" + demonyms + r")\b)(?-i:[A-Z])"
    return r"\d{1,3}(?:[" + spaces + r"]\d{3})+(?![\d.,]\d|[^\W\d_]" + model + r")|[1-9]\d{0,2}(?:\.\d{3})+(?![\d.,]\d)"


_ONE_DOT_GROUP = re.compile(r"[1-9]\d{0,2}\.\d{3}")


def _dot_thousands(fig: _Figure, value: float, kind: str, head_kind: str | None) -> float | None:
    """The value of '12.500': thousands where people are counted, a decimal before a scale or as a
    share, else None (left out: it could be either)."""
    m = fig.m
    if fig.rng is not None or not _ONE_DOT_GROUP.fullmatch(m["num"] or ""):
        return value
    if _scale(m) or m["mult"] or m["pct"]:
        return value
    people = kind in _grouped_rule()["people_kinds"] or head_kind in ("people", "troops")
    return value * 1000 if people else None


# a comma cuts a clause, not a number ("12,400")
_CLAUSE_CUT = _PATTERN("clause_cut")


_CONTINUES = re.compile(r"[,;:]|[a-z]")
_ENDS = re.compile(r"[.!?\u2026\"'\u201d\u2019)\]]\s*$")


def _sentence_of(spans: list[tuple[int, int]], pos: int, body: str,
                 starts: list[int] | None = None) -> tuple[int, int]:
    """The sentence holding pos, else the whole body. Sentences are in text order and do not
    overlap: the only candidate is the last one starting at or before pos (`starts`: theirs)."""
    if starts is None:
        starts = [s for s, _ in spans]
    i = bisect_right(starts, pos) - 1
    if i >= 0 and pos < spans[i][1]:
        end = spans[i][1]
        while i + 1 < len(spans) and (_CONTINUES.match(body[spans[i + 1][0]:spans[i + 1][1]]) or (
                not _ENDS.search(body[spans[i][0]:spans[i][1]]) and "\n" not in body[spans[i][0]:spans[i + 1][0]])):
            i += 1  # "..., officials said.", "Fifty | troops died.": fragments the sentence splitter cut off
            end = spans[i][1]
        return spans[bisect_right(starts, pos) - 1][0], end
    return 0, len(body)


# a word of the counted noun phrase; a dotted abbreviation is one word ("200 U.S. troops", "U.N.-run
# schools": figures.yaml dotted_abbreviations). Not the Doc's tokens (issue 11): a mark is a word here that ends
# the phrase ("12 troops.", "70 trucks, and"), and '1,200' or 'Mr.' are several, where a token or written word
# is one; the words are joined again into the subject a record shows, so its text would change. _is_counter hands
# over text cut after a counter's second number, with no Doc passed.
_SUBJECT_WORD = r"(?:[A-Za-z]\.){2,}(?:-[\w'\u2019-]+)?|[\w'\u2019-]+|[^\w\s]"


def _subject(after: str) -> tuple[str | None, str | None]:
    """The noun phrase the figure counts and which lexicon its head is in."""
    pats = _patterns()
    text = _PATTERN("of_the_lead").sub("", after)
    words = re.findall(_SUBJECT_WORD, text)[:6]
    for i in range(len(words)):
        if not re.match(r"[\w]", words[i]):
            break
        rest = " ".join(words[i:])
        for kind in ("munitions", "troops", "people", "things"):
            m = pats[kind].match(rest)
            if m:
                counted = None if kind == "munitions" and _of_something_else(m.group(0), rest[m.end():]) else kind
                return " ".join([*words[:i], m.group(0)]), counted
        if words[i].lower() in _demonyms() and (i + 1 == len(words) or not re.match(r"[\w]", words[i + 1])
                                                 or words[i + 1].lower() in _WORDS.clause_end_words):
            return " ".join(words[:i + 1]), "people"  # "one Palestinian", "12 Israelis were wounded"
        joined = _joined_munitions(words, i)
        if joined is not None:
            return joined, "munitions"
        if words[i].lower() in _WORDS.clause_end_words or pats["saying"].fullmatch(words[i].lower()):
            break  # "130 wounded when shells hit": the clause ends before "shells"
    return _unlisted_subject(after, words)


def _unlisted_subject(after: str, words: list[str]) -> tuple[str | None, str | None]:
    """The counted noun when no lexicon lists it, kept apart from `_subject`'s lexicon search so that each stays
    short: the next word if it can be a noun ("70 trucks"), a short phrase after "of" ("$300bn of central bank
    reserves"); never a verb, pronoun or kind word ("121 wounded")."""
    of_phrase = bool(_PATTERN("of_lead").match(after))
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    taken: list[str] = []
    for w in words[:3 if of_phrase else 1]:
        if not _noun_like(w):
            break
        taken.append(w)
    return (" ".join(taken), None) if taken else (None, None)


_DETERMINERS = _WORDS.noun_determiners
_NOT_NOUNS = _WORDS.not_nouns


def _noun_like(word: str) -> bool:
    """Can this word be the noun a figure counts? Letters, not a function word, adverb, or kind word."""
    low = word.lower()
    if not re.fullmatch(r"[A-Za-z][\w'\u2019-]*", word) or len(word) < 3 or low in _NOT_NOUNS:
        return False
    if adverb_shaped(low):
        return False
    pats = _patterns()
    return not any(pats[k].fullmatch(low) for k in _KINDS)


_ATTRIBUTION_WORDS = 9  # "according to the United Nations Office for the Coordination of Humanitarian Affairs"


def _attribution(doc: NlpDoc, s_start: int, s_end: int, offset_in_sentence: int,
                 figure: Token | None = None) -> str | None:
    """'according to Washington and Kiev', 'Kyiv says', 'Ukrainian officials said' -> who, in the sentence from
    s_start to s_end; its words are the Doc's (issue 11: document.spaced_words). A figure inside the run that
    names the speakers counts them and has no claimant there (figures.yaml figure_in_its_own_source), nor one the
    parse puts in the setting of the verb's saying (figure_in_the_setting_of_saying)."""
    sentence = doc.body[s_start:s_end]
    m = _PATTERN("according_to").search(sentence)
    if m:
        return " ".join(spaced_words(doc.tokens, s_start + m.start(1), s_start + m.end(1))[:_ATTRIBUTION_WORDS])
    best: tuple[int, str] | None = None
    for v in _patterns()["saying"].finditer(sentence):
        verb = _token_at(doc, s_start + v.start()) if figure is not None else None
        if figure is not None and verb is not None and _in_the_setting_of(figure, verb):
            continue
        words = spaced_words(doc.tokens, s_start, s_start + v.start())
        taken = _claimant_run(words)
        while taken and taken[0].lower() in _WORDS.claimant_stripped_openers:
            taken.pop(0)
        if taken and (_object_of_a_preposition(words, taken) or _inside_the_run(sentence, offset_in_sentence,
                                                                               v.start(), len(taken))
                      or _before_its_relative_clause(words, taken, sentence, offset_in_sentence, v.start())):
            continue
        if taken:
            dist = abs(v.start() - offset_in_sentence)
            who = " ".join(taken)
            if best is None or dist < best[0]:
                best = (dist, who)
    return best[1] if best else None


def _before_its_relative_clause(words: list[str], taken: list[str], sentence: str, at: int, verb_at: int) -> bool:
    """'The engine puts out 150 hp, which Toyota claims is a 20% gain': a speaker named after a relative word says
    something of the noun before it, in the relative clause; a figure before that relative word is not in what they
    say (figures.yaml claimant_of_a_relative_clause)."""
    rest = words[:len(words) - len(taken)]
    while rest and rest[-1].lower() in _WORDS.phrase_lead_words:
        rest = rest[:-1]  # 'that the agency says'
    if not rest or rest[-1].lower() not in _figure_rule_words()["claimant_of_a_relative_clause.relative_words"]:
        return False
    said = [m.start() for m in re.finditer(rf"\b{re.escape(rest[-1].lower())}\b", sentence.lower()[:verb_at])]
    return bool(said) and at < said[-1]  # the relative word itself, not the letters inside a longer word


def _after_a_relative_word(figure: Token, subject: Token) -> bool:
    """'the $2 billion request that the agency says is essential': the parse's subject of a verb of saying, with a
    relative word between the figure and it, speaks in a relative clause of the noun before (figures.yaml
    claimant_of_a_relative_clause)."""
    words = _figure_rule_words()["claimant_of_a_relative_clause.relative_words"]
    return any(figure.i < c.i < subject.left_edge.i and c.lower_ in words for c in subject.head.children)


def _inside_the_run(sentence: str, at: int, verb_at: int, run_words: int) -> bool:
    """Is the figure at `at` one of the last `run_words` words before the verb of saying at `verb_at` ('Two
    people briefed on it said')? Then it counts who speaks and is no claim of theirs (figures.yaml
    figure_in_its_own_source)."""
    return at < verb_at and len(sentence[at:verb_at].split()) <= run_words


def _claimant_run(words: list[str]) -> list[str]:
    """The words right before a speech verb that may name who says it: capitalised or claimant words
    (quantity_kinds.yaml claimant_words), back to a punctuation mark or a date ("Police on Sunday said": the day is no
    claimant)."""
    taken: list[str] = []
    for w in reversed(words):
        bare = w.strip("\u2019'\"\u201c")
        if not bare or not re.match(r"[\w]", bare) or w.endswith((",", ";", ":")) or _names_a_date(bare):
            break
        if bare[0].isupper() or bare.lower() in _claimant_words():
            taken.insert(0, bare)
            continue
        break
    return taken


def _object_of_a_preposition(words: list[str], taken: list[str]) -> bool:
    """'those with BED reported': the capitalised words before a verb of saying that a preposition takes describe
    its subject, they are no speaker (figures.yaml claimant_is_no_object)."""
    rest = words[:len(words) - len(taken)]
    return bool(rest) and rest[-1].lower() in _figure_rule_words()["claimant_is_no_object.prepositions"]


def _cue_distance(quote: Quote, at: int) -> int:
    """How far a figure is from the words that attribute it: a trailing 'according to' at the end
    of the quote, any other cue at its start."""
    if (quote.cue or "").lower().startswith(quoting().according_to[0]):
        return quote.end - at
    return at - quote.start


@lru_cache(maxsize=1)
def _figure_rule_words() -> dict[str, frozenset[str]]:
    """The word lists of figures.yaml figure_rules, as 'rule.key'."""
    rules = read_yaml(DEFAULT_LANGUAGE, "figures.yaml")["figure_rules"]
    return {f"{name}.{key}": frozenset(str(w).lower() for w in words) for name, body in rules.items()
            for key, words in body.items() if isinstance(words, list) and key not in ("positive", "negative")}


def _joined_munitions(words: list[str], i: int) -> str | None:
    """'74 cruise and ballistic missiles': two modifiers joined before one munitions noun."""
    if i != 1 or words[i].lower() not in _WORDS.modifier_conjunctions:
        return None
    m = _patterns()["munitions"].match(" ".join(words[i + 1:]))
    return " ".join([*words[:i + 1], m.group(0)]) if m else None


def _toll_risen(before: str) -> bool:
    """'the death toll in the attack on the convoy ... increased to 31' (figures.yaml: toll_rises_to)."""
    return _toll_risen_pattern().search(before) is not None


@lru_cache(maxsize=1)
def _toll_risen_pattern() -> re.Pattern[str]:
    return _PATTERN("toll_risen")  # "rose to 40 from 25": the toll before too


def _of_something_else(noun: str, after: str) -> bool:
    """'rounds of talks': a word of a number of shots before 'of' and no ammunition (figures.yaml:
    munitions_of_something_else); 'missiles of the Russian aggressors' says whose."""
    if noun.lower() not in _figure_rule_words()["munitions_of_something_else.words"]:
        return False
    m = _PATTERN("of_whose").match(after)
    word = m.group(1).lower() if m is not None else ""
    return m is not None and word not in _figure_rule_words()["munitions_of_something_else.of_words"] \
        and word not in lexicon()["pronouns"] and not _patterns()["munitions"].match(after[m.start(1):])


def _one_toll(after: str) -> bool:
    """'One killed, 18 injured': 'one' right before a toll word counts one (figures.yaml: one_toll_in_a_headline)."""
    m = re.match(r"\s+(\w+)", after)
    return m is not None and m.group(1).lower() in _figure_rule_words()["one_toll_in_a_headline.toll_words"]


def _age_in_a_clause(fig: _Figure) -> bool:
    """'since I was 17', 'At 16, he went': a person's age (figures.yaml: ages_in_a_clause)."""
    told, person_after = _age_patterns()
    if told.search(fig.before) or _turned_an_age(fig) or _age_said(fig):
        return True
    return bool(_PATTERN("at_before").fullmatch(fig.before)) and person_after.match(fig.after) is not None


def _turned_an_age(fig: _Figure) -> bool:
    """'He turned 70 last week', 'Abbas, who turns 89 in November': an age reached, with nothing counted after it
    (figures.yaml: ages_in_a_clause turn_verbs, after_words)."""
    before, after = _turn_patterns()
    return before.search(fig.before) is not None and after.match(fig.after) is not None


def _age_said(fig: _Figure) -> bool:
    """'She was 34 when', 'Putin, now 71,', 'died at 87', 'as young as 13': a person's age told as what they are,
    with nothing counted after it (figures.yaml: age_said_of_a_person)."""
    num = fig.m["num"] or ""
    if not num.isdigit() or len(num) > 3 or fig.rng is not None:
        return False
    said, after = _age_said_patterns()
    return said.search(fig.before) is not None and after.match(fig.after) is not None


@lru_cache(maxsize=1)
def _age_said_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a person and 'was', a name and 'now', 'died at' or 'as young as' before the age; the clause's end after)."""
    words = _figure_rule_words()
    after = r"\s*(?:[.,;:!?)\u2014]|$)|\s+(?:" + alternation(sorted(words["age_said_of_a_person.after_words"])) + r")\b"
    return _PATTERN("age_said"), re.compile(after, re.I)


@lru_cache(maxsize=1)
def _turn_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = _figure_rule_words()
    before = r"\b(?:" + alternation(sorted(words["ages_in_a_clause.turn_verbs"])) + r")\s+$"
    after = r"\s*(?:[.,;:!?)\u2014]|$)|\s+(?:" + alternation(sorted(words["ages_in_a_clause.after_words"])) + r")\b"
    return re.compile(before, re.I), re.compile(after, re.I)


@lru_cache(maxsize=1)
def _age_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(an opener, a person and a verb before the age; a comma and a person after "at <age>")."""
    words = _figure_rule_words()
    persons = alternation(sorted(words["ages_in_a_clause.persons"]))
    told = (r"\b(?:" + alternation(sorted(words["ages_in_a_clause.openers"])) + r")\s+(?:" + persons + r")\s+(?:"
            + alternation(sorted(words["ages_in_a_clause.verbs"])) + r")\s+$")
    return re.compile(told, re.I), re.compile(r",\s+(?:" + persons + r")\b", re.I)


@lru_cache(maxsize=1)
def _next_figure() -> re.Pattern[str]:
    """'and 44', ', with another 89,622': a word that joins the next figure, whose words are its own (figures.yaml
    governing_verb_kind joins)."""
    return _PATTERN("next_figure")


# the ages of those counted, said between the count and its verb ("Two boys aged 12 and 14 were killed")
_AGES_SAID = _PATTERN("ages_said")
# an aside between commas; a comma inside a number ("90,000") closes none
_APPOSITION = re.compile(r",[^,;:\u201c\u201d\"()]{1,40}(?:(?<!\d),|,(?!\d))")
_TOLLS = ("killed", "wounded", "displaced")
_KINDS = (*_TOLLS, "held")  # the kind words a clause may carry; "held" (abducted, detained, missing) is kind other


def _kind(before: str, after: str, head_kind: str | None, unit: str | None, pct: bool = False,
          after_figure: bool = False) -> str | None:
    """The figure's kind from its counted noun and the nearest toll word of its clause; None when the
    clause says nothing (the caller may then borrow the kind of a figure it is coordinated with).

    `before` and `after` stop at the neighbouring figures, so "24 killed and 121 wounded" gives each
    its own word; the nearest wins ("12 soldiers died and 15 were wounded": 15 is wounded)."""
    if unit and unit not in ("percent",):
        return "money"
    if pct or head_kind == "things":
        # a share ("lost 30% of its value", "downed 90 percent of the drones") counts neither the dead nor weapons;
        # "destroyed seven hospitals ..., killing six": no toll of things (figures.yaml: things_are_no_toll)
        return "other"
    if head_kind == "munitions":
        return "munitions"
    near_before = _CLAUSE_CUT.split(before[-70:])[-1]
    if after_figure:
        # the words before "and" belong to the previous figure: "12 soldiers died and 15 were wounded"
        near_before = _PATTERN("and_or").split(near_before)[-1]
    near_after = _CLAUSE_CUT.split(_APPOSITION.sub(" ", _AGES_SAID.sub(" ", after[:120])))[0][:70]
    # the words after the next figure are its own: "107 people were detained and 44 officers injured"
    own, *next_clause = _next_figure().split(near_after, maxsplit=1)
    own = _before_a_toll_of_the_next(own)
    found = _nearest_toll(near_before, own)
    if found is None and next_clause and _bare_noun_phrase(own):
        # coordinated subjects share the verb after the last: "200 civilians and 35 soldiers were killed"
        found = _nearest_toll("", next_clause[0])
    if found is not None:
        return "other" if found == "held" else found
    if head_kind in ("people", "troops") and _patterns()["killed_of_people"].search(f"{near_before} {own}"):
        return "killed"  # "lost 300 soldiers"; "lost eight games" is no toll (figures.yaml: toll_of_people_only)
    if head_kind == "troops" and _losses_before().search(before):
        return "killed"  # "Russia's losses update: 15,300 personnel" (figures.yaml: losses_of_troops)
    if head_kind == "troops":
        return "troops"
    return None


def _before_a_toll_of_the_next(own: str) -> str:
    """The words up to a toll verb that takes the next number as its object ('A magnitude 6.4 earthquake killed 12',
    'Two gunmen wounded five'): that toll is the next figure's, and this one counts who or what did it
    (figures.yaml agent_is_no_toll)."""
    cut = _PATTERN("toll_of_the_next").search(own)
    if cut is None or not own[:cut.start()].strip():
        return own  # "Two killed 3 wounded": a headline's toll right after its own figure
    return own[:cut.start()]


@lru_cache(maxsize=1)
def _losses_before() -> re.Pattern[str]:
    """'losses update: 15,300 personnel', 'total losses ... are approaching 65,000 servicemen': a word of losses
    earlier in the clause, no comma, semicolon or 'and' between (figures.yaml: losses_of_troops)."""
    return _PATTERN("losses_before")


def _nearest_toll(before: str, after: str) -> str | None:
    """The kind word nearest the figure, after it (from its start) or before it (from its end); on a
    tie the one after it (a headline's "Two killed 3 wounded": the word right after a figure is its own), then the
    earlier of _KINDS."""
    pats = _patterns()
    best: tuple[int, int, int, str] | None = None
    for rank, kind in enumerate(_KINDS):
        for hit in pats[kind].finditer(after):
            cand = (hit.start(), 0, rank, kind)
            best = cand if (best is None or cand < best) and _toll_noun(after, hit) else best
        for hit in pats[kind].finditer(before):
            cand = (len(before) - hit.end(), 1, rank, kind)
            best = cand if (best is None or cand < best) and _toll_noun(before, hit) else best
    return best[3] if best is not None else None


def _toll_noun(text: str, hit: re.Match[str]) -> bool:
    """A toll word that is also a verb ('lives') counts only as a noun: right after the figure, a number
    or a determiner ('50 lives', 'claimed the lives of'), not 'and lives on a budget' (figures.yaml:
    toll_noun_not_verb)."""
    words = _figure_rule_words()
    prev = re.search(r"([\w,]+)\s*$", text[:hit.start()])
    if _toll_of_no_one(text[:hit.start()], hit.group(0).lower()):
        return False
    if hit.group(0).lower() not in words["toll_noun_not_verb.words"]:
        return True
    return prev is None or prev.group(1).replace(",", "").isdigit() or prev.group(1).lower() in \
        words["toll_noun_not_verb.before_words"]


def _toll_of_no_one(before: str, word: str) -> bool:
    """'20,000 job losses', 'financial losses', 'two main decision-making bodies': a toll word after a word that
    makes it no one's death (figures.yaml: losses_of_no_one, bodies_of_institutions; a hyphened word whole)."""
    words = _figure_rule_words()
    prev = re.search(r"([\w,-]+)\s*$", before)
    said = {prev.group(1).lower(), prev.group(1).lower().rsplit("-", 1)[-1]} if prev is not None else set()
    return any(word in words[f"{rule}.words"] and said & words[f"{rule}.before_words"]
               for rule in ("losses_of_no_one", "bodies_of_institutions"))


def _bare_noun_phrase(text: str) -> bool:
    """At most three words that can be a counted noun and its modifiers ("Ukrainian soldiers"), no verb."""
    words = re.findall(r"[\w'\u2019-]+", text)
    return len(words) <= 3 and all(_noun_like(w) for w in words)


# what joins a figure to the one before it so that it shares its verb and noun:
# "24 civilians were killed and 121 wounded", "13,000 dead, including 5,500 children"
_COORDINATED = _PATTERN("coordinated")


_SMALL_WORDS = _WORDS.small_number_words
# words often opening a sentence just before a figure: "Another 85 were wounded", "Some 70,000 fled"
_SENTENCE_OPENERS = _WORDS.sentence_openers


@lru_cache(maxsize=1)
def _range_pattern() -> re.Pattern[str]:
    """'between 30 and 40', '30 to 40', '30-40', 'two or three': the first figure of a range."""
    return _PATTERN("range")


@lru_cache(maxsize=1)
def _range_words() -> dict[str, frozenset[str]]:
    """The words a range's reader tells apart (figures.yaml ranges_are_two_figures): change_openers ("from"),
    between_words, and_words, guess_words ("or")."""
    words = _figure_rule_words()
    return {key: words[f"ranges_are_two_figures.{key}"]
            for key in ("change_openers", "between_words", "and_words", "guess_words")}


def _ranges(body: str, blocked: list[tuple[int, int]]) -> dict[int, re.Match[str]]:
    """Where the second figure of a range starts -> the range's match. A range is one figure:
    its lower bound, qualified 'more than' (DESIGN.md's qualifiers have no 'between')."""
    out: dict[int, re.Match[str]] = {}
    for r in _range_pattern().finditer(body):
        if _no_range_words((r["qual"] or "").lower(), r["conn"].lower()):
            continue
        if any(s < r.end() and r.start("a") < e for s, e in blocked):
            continue
        a, b = parse_number(r["a"]), parse_number(r["b"])
        if a is None or b is None or (b <= a and not r["ascale"]):
            continue  # "voted 2-1": a score
        if _is_score(r, body):
            continue
        if _PATTERN("changed_by").search(body[max(0, r.start() - 12):r.start()]):
            continue
        out[r.end()] = r
    return out


def _no_range_words(qual: str, conn: str) -> bool:
    """"rose from 20 to 35" is a change; "killed 24 and 121 ..." two figures; "from 30-600 MW" a range: the words
    before and between two figures that make no range (figures.yaml ranges_are_two_figures)."""
    dash = conn in ("-", "\u2013")
    said = _range_words()
    return (qual in said["change_openers"] and not dash) or (conn in said["and_words"] and qual not in said["between_words"]) \
        or (qual in said["between_words"] and not dash and conn not in said["and_words"])


def _is_score(r: re.Match[str], body: str) -> bool:
    """'won 6-7, 6-4', 'at 4-7 in the league': two numbers joined by a dash with nothing after them that
    they count, no qualifier and no unit, are a score or a record (figures.yaml: scores_are_no_figures)."""
    if r["conn"] not in ("-", "\u2013") or r["qual"] or r["ascale"] or not (r["a"].isdigit() and r["b"].isdigit()):
        return False
    after = body[r.end("b"):r.end("b") + 40]
    if _PATTERN("unit_or_share_after").match(after) is None:
        return True
    letters = re.match(r"([^\W\d_]+)\b", after)
    if letters and letters.group(1).lower() in _figure_rule_words()["model_numbers.multiplier_letters"]:
        return False  # "1-2x as cost-effective": multipliers (model_numbers)
    pats = _patterns()
    counted = pats["measure"].match(after) or pats["duration"].match(after) or _PATTERN("share_after").match(after)
    word = re.match(r"\s*([A-Za-z][\w'\u2019-]*)", after)
    return not counted and (word is None or not _noun_like(word.group(1)))


_AGE_RANGE = _PATTERN("age_range")
_COUNTER_AFTER = _PATTERN("counter_after")
_COUNTER_BEFORE = _PATTERN("counter_before")


def _is_counter(before: str, after: str) -> bool:
    """'1 of 3', '181 of 181', '2/5': a position in a list or a gallery, not a count; 'downed 38 of 40 drones'
    counts what follows (figures.yaml: counters_and_furniture)."""
    if not (_COUNTER_AFTER.match(after) or _COUNTER_BEFORE.search(before)):
        return False
    second = _COUNTER_SECOND.match(after)  # what follows the second number counts both
    return _subject(after[second.end():] if second else after)[1] is None  # "won 12 of 13 after": no noun


_COUNTER_SECOND = _PATTERN("counter_second")


def _exchange_rate(fig: _Figure) -> bool:
    """'the rouble traded at 100 to the dollar', '108.55 per dollar': the price of a currency is a sum of money
    (figures.yaml exchange_rates)."""
    if fig.m["pct"] or fig.m["cur"]:
        return False
    return _PATTERN("exchange_rate").match(fig.after) is not None


@lru_cache(maxsize=1)
def _money_in_brackets() -> re.Pattern[str]:
    """A sum in a listed currency in brackets right after a figure: the conversion of a sum."""
    return _PATTERN("money_in_brackets")


def _is_conversion(body: str, start: int, found: list[Quantity]) -> bool:
    """A figure in brackets just after a measured one restates it in other units."""
    if not found or found[-1].unit not in set(lexicon()["measures"].values()):
        return False
    return bool(_PATTERN("converted_in_brackets").fullmatch(body[found[-1].end:start]))


def _token_at(doc: NlpDoc, char: int) -> Token | None:
    span = doc.tokens.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _word_kind(tok: Token) -> str | None:
    """The kind a verb or adjective gives the people it is said of ('killed', 'abducted', 'missing')."""
    pats = _patterns()
    for kind in _KINDS:
        if pats[kind].fullmatch(tok.lower_) or pats[kind].fullmatch(tok.lemma_.lower()):
            return "other" if kind == "held" else kind
    return None


def _governed_kind(doc: NlpDoc, num_start: int, people: bool = False) -> str | None:
    """The kind the parse gives a figure: the verb whose subject or object the counted noun is, or a
    participle or adjective said of it ('250 others abducted', '40 people are missing'); with `people`
    counted, a verb of losing or destroying them too, through a list ('destroyed three tanks and 64
    soldiers': figures.yaml toll_of_people_only); for a part of counted people ('including three children'),
    the verb said of the whole (figures.yaml part_of_a_toll)."""
    tok = _token_at(doc, num_start)
    if tok is None:
        return None
    noun = _counted_noun(tok)
    return _said_of_kind(noun) or _listed_kind(noun, people) or _whole_kind(noun)


def _counted_noun(num: Token) -> Token:
    """The noun a number counts, up through the words that count with it ("two dozen people": two -> dozen ->
    people)."""
    noun = num
    for _ in range(3):
        if noun.dep_ not in ("nummod", "compound") or noun.head.i == noun.i:
            break
        noun = noun.head
    return noun


def _whole_kind(part: Token) -> str | None:
    """'At least 10 people, including three children, were killed, and 45 were injured': a part the parse
    attaches to the counted whole by one of figures.yaml part_of_a_toll `words` takes the kind of the verb said
    of the whole, unless its own noun is a toll ('40 casualties, including 12 deaths')."""
    whole = part.head
    if part.dep_ != "nmod" or whole.i >= part.i or _word_kind(part) is not None:
        return None
    words = _figure_rule_words()["part_of_a_toll.words"]
    if not any(c.dep_ == "case" and c.lower_ in words for c in part.children):
        return None
    return _said_of_kind(whole)


def _said_of_kind(noun: Token) -> str | None:
    """The kind of the verb whose subject or object the counted noun is, or of a participle or adjective said of
    it; of verbs sharing the object, the first's ('killed or captured 40 fighters')."""
    said_of = [c for c in noun.children if c.dep_ in ("acl", "acl:relcl", "amod") and c.i > noun.i]
    if noun.dep_ in ("nsubj", "nsubj:pass", "obj") and noun.head.pos_ in ("VERB", "ADJ", "AUX", "NOUN") \
            and not _agent_of(noun):
        said_of.insert(0, noun.head)
    for word in said_of:
        kind = _word_kind(_first_verb(word) if noun.dep_ == "obj" and word.i == noun.head.i else word)
        if kind is not None:
            return kind
    return None


def _listed_kind(noun: Token, people: bool) -> str | None:
    """The kind a counted noun later in a list, or after 'half of', takes from the verb of the first; with people
    counted, a verb of losing or destroying them ('destroyed three tanks and 64 soldiers') or a noun of killing
    ('the elimination of 30 Russians') makes them the dead."""
    first = _partitive_whole(_first_conjunct(noun))
    if first.i != noun.i and first.dep_ == "obj" and first.head.pos_ == "VERB":
        kind = _word_kind(_first_verb(first.head))  # "killed or captured half of its commanders and 14,000 fighters"
        if kind is not None:
            return kind
    if people and first.dep_ == "obj" and _patterns()["killed_of_people"].fullmatch(first.head.lower_):
        return "killed"
    return "killed" if people and _killing_noun_of(noun) else None


def _armed_force_kind(doc: NlpDoc, fig: _Figure, kind: str, found: str | None,
                      unit: str | None) -> tuple[str, str | None]:
    """Troops for people of an armed force that no word of kind counts (figures.yaml armed_force_people)."""
    if kind == "other" and found is None and _people_of_an_armed_force(doc, fig):
        return "troops", "troops"
    return kind, unit


def _people_of_an_armed_force(doc: NlpDoc, fig: _Figure) -> bool:
    """'from 100 to 300 men' of a force's strength, '16,000 volunteers ready to fight', '122 Ukrainian defenders':
    people counted by a word that names no troops are troops where the parse ties them to an armed force or to
    fighting, or, for a defender, to a side (figures.yaml armed_force_people)."""
    tok = _token_at(doc, fig.num_start)
    if tok is None:
        return False
    if tok.dep_ == "nmod" and tok.head.pos_ == "NUM":
        tok = tok.head  # the second bound of "from 100 to 300 men" hangs on the first
    noun = _counted_noun(tok)
    words = _figure_rule_words()
    if noun.i == tok.i:
        return False
    if word_in(noun, words["armed_force_people.of_a_side"]):
        return _of_a_side(noun)
    if not word_in(noun, words["armed_force_people.people"]):
        return False
    return _sent_to_fight(noun, words["armed_force_people.fighting"]) \
        or _of_a_force(noun, words["armed_force_people.forces"])


def _of_a_side(noun: Token) -> bool:
    """'Ukrainian defenders', 'defenders of Mariupol': a nationality or a named place says whose side they defend."""
    of_words = names().genitive_prepositions
    return any(c.dep_ in ("amod", "compound") and c.lower_ in _demonyms() for c in noun.children) \
        or any(c.dep_ == "nmod" and c.pos_ == "PROPN" and case_of(c) in of_words for c in noun.children)


def _sent_to_fight(noun: Token, fighting: frozenset[str]) -> bool:
    """'volunteers ready to fight', 'men sent to fight': a verb of fighting in the infinitive of the clause the
    counted people are the subject of ('two men fought in a bar' is no such purpose)."""
    if not noun.dep_.startswith("nsubj"):
        return False
    head = noun.head
    verbs = [head, *(c for c in head.children if c.dep_ in ("xcomp", "advcl"))]
    return any(v.lemma_.lower() in fighting and is_infinitive(v) for v in verbs)


def _of_a_force(noun: Token, forces: frozenset[str]) -> bool:
    """'a force of 300 men', 'increase its strength from 100 to 300 men': the people are the size of a force."""
    if noun.dep_ == "nmod":
        return noun.head.lemma_.lower() in forces and case_of(noun) in names().genitive_prepositions
    return noun.dep_ == "obl" and any(c.dep_ == "obj" and c.lemma_.lower() in forces for c in noun.head.children)


def _first_verb(verb: Token) -> Token:
    """The first of verbs that share their object: 'killed or captured 30 fighters' takes the kind of 'killed'
    (figures.yaml coordinated_toll_verbs); a verb with an object of its own before it is no such pair."""
    head = verb.head
    joined = any(c.dep_ == "cc" and c.lower_ in _figure_rule_words()["coordinated_toll_verbs.joins"]
                 and c.i < verb.i for c in verb.children)
    if verb.dep_ != "conj" or not joined or head.pos_ != "VERB" or any(c.dep_ == "obj" for c in head.children) \
            or any(c.dep_.startswith("nsubj") for c in verb.children):
        return verb
    return head if _word_kind(head) is not None else verb


def _partitive_whole(noun: Token) -> Token:
    """'half of its commanders': the share ('half') is what the verb takes (figures.yaml coordinated_toll_verbs)."""
    head = noun.head
    if noun.dep_ == "nmod" and head.lower_ in _figure_rule_words()["coordinated_toll_verbs.shares"] \
            and case_of(noun) in names().genitive_prepositions:
        return head
    return noun


def _killing_noun_of(noun: Token) -> bool:
    """'the elimination of about 30 Russians': people counted after a noun of killing (figures.yaml killing_nouns)."""
    killing = _figure_rule_words()["killing_nouns.words"]
    return noun.dep_ == "nmod" and case_of(noun) in names().genitive_prepositions and word_in(noun.head, killing)


def _agent_of(noun: Token) -> bool:
    """'Two gunmen killed 12 people': the active subject of a verb with an object did what the verb says to the
    object, which the verb's toll counts, not the subject (figures.yaml agent_is_no_toll). A counted noun after the
    verb with no preposition of its own is its object, however the parse labels it ('wounded at least five guards')."""
    return noun.dep_ == "nsubj" and any(
        c.dep_ == "obj" or (c.i > noun.head.i and c.dep_ in ("nmod", "obl") and any(g.dep_ == "nummod" for g in c.children)
                            and not any(g.dep_ == "case" for g in c.children))
        for c in noun.head.children)


def _first_conjunct(noun: Token) -> Token:
    """The first of a list of nouns ('three tanks and 64 soldiers': tanks), with or without 'and' ('three tanks,
    over 60 soldiers', parsed as a noun after a comma, with no preposition, hung on the one before)."""
    for _ in range(4):
        if not (noun.dep_ == "conj" or _listed_after_comma(noun)) or noun.head.i == noun.i:
            break
        noun = noun.head
    return noun


def _listed_after_comma(noun: Token) -> bool:
    """'three tanks, over 60 soldiers': a counted noun after a comma, hung on the noun before it with no preposition
    of its own (figures.yaml toll_of_people_only)."""
    return noun.dep_ in ("nmod", "appos") and noun.head.i < noun.i and noun.head.pos_ == "NOUN" \
        and any(c.dep_ == "nummod" for c in noun.children) and case_of(noun) is None \
        and any(c.lower_ == "," and c.i < noun.i for c in noun.children)


def _claimant_deps() -> frozenset[str]:
    """The active subject of a reporting verb gives the figure, and so does the agent of a passive one ('was reported
    by Reuters'); a passive subject is what was reported (figures.yaml claimant_is_no_passive_subject,
    claimant_is_the_agent)."""
    return _figure_rule_words()["claimant_is_the_agent.claimant_deps"]


def _according_to_object(chain: list[Token]) -> Token | None:
    """The object of 'according to' hanging off the figure or one of its heads."""
    for node in chain:
        for c in node.children:
            if c.lower_ != quoting().according_to[0]:
                continue
            src = [g for g in c.children if g.dep_.split(":")[0] in ("obl", "nmod")] or \
                  [g for g in c.children if g.dep_ != "punct" and g.i > c.i]
            if src:
                return src[0]
    return None


def _reporting_subject(chain: list[Token]) -> Token | None:
    """The subject of a reporting verb above the figure or in a clause beside it, unless the figure is in it ('Two
    diplomats said': figures.yaml figure_in_its_own_source) or in the setting of its saying ('said in a three-hour
    address': figure_in_the_setting_of_saying)."""
    saying = _patterns()["saying"]
    for node in chain[1:] + [c for n in chain for c in n.children if c.dep_ in ("ccomp", "parataxis")]:
        if node.pos_ not in VERBS or not saying.fullmatch(node.lower_) or _gains_a_figure(node) \
                or _in_the_setting_of(chain[0], node):
            continue
        subj = [c for c in node.children if c.dep_ in _claimant_deps()]
        if subj and subj[0] not in chain and not _after_a_relative_word(chain[0], subj[0]):
            return subj[0]  # not in chain: 'Two diplomats said' counts the speakers, it is no claim
    return None


def _in_the_setting_of(figure: Token, verb: Token) -> bool:
    """'said in a three-hour address', 'told 200 students': the figure is in a noun phrase hung on where, when or to
    whom the verb said it, not in what it said (figures.yaml figure_in_the_setting_of_saying)."""
    words = _figure_rule_words()
    node = figure
    while node.head.i not in (node.i, verb.i):
        if node.dep_ not in words["figure_in_the_setting_of_saying.phrase_deps"]:
            return False
        node = node.head
    return node.head.i == verb.i and node.i != verb.i \
        and node.dep_ in words["figure_in_the_setting_of_saying.setting_deps"] \
        and case_of(node) not in words["figure_in_the_setting_of_saying.content_cases"] \
        and not any(c.dep_ in words["figure_in_the_setting_of_saying.owner_deps"] and c.pos_ == "PRON"
                    for c in node.children)


def _gains_a_figure(verb: Token) -> bool:
    """'The stock added more than 2%': a verb of saying that also means a gain, with a number or a share as its
    object, gains it and says nothing (figures.yaml claimant_of_a_gain)."""
    if verb.lower_ not in _figure_rule_words()["claimant_of_a_gain.verbs"]:
        return False
    return any(c.dep_ in _GAINED_DEPS and (c.like_num or c.text == "%" or any(n.dep_ == "nummod" for n in c.children))
               for c in verb.children)


# the dependencies of what a verb of gain takes: "added 2%" (obl:unmarked), "added 300 jobs" (obj)
_GAINED_DEPS = frozenset({"obj", "obl:unmarked"})


def _parsed_source(doc: NlpDoc, num_start: int) -> Token | None:
    """Who gives a figure, read from the parse: the object of 'according to' in its clause, else the
    subject of the reporting verb above the figure ('police said 12 were killed', '12 were killed,
    police said')."""
    tok = _token_at(doc, num_start)
    if tok is None:
        return None
    chain = [tok, *tok.ancestors]
    return _according_to_object(chain) or _reporting_subject(chain)


def _maker_of_its_claim(doc: NlpDoc, num_start: int) -> Token | None:
    """'the $40 billion of purchases touted by Trump', 'claims by the army that 200 fighters surrendered': a figure in
    what a claim says, where the claim names its maker with 'by', is the maker's, not that of whoever speaks of the
    claim (figures.yaml claimant_of_a_claim). A figure in the maker's own phrase, or one that describes a claim noun
    itself ('a 40-page report by the agency'), has no maker here."""
    tok = _token_at(doc, num_start)
    if tok is None:
        return None
    for claim in tok.sent:
        agent = _claim_agent(claim)
        if agent is None or not _may_speak(agent) or any(t.i == tok.i for t in agent.subtree):
            continue
        if _in_what_it_claims(tok, claim):
            return agent
    return None


def _claim_agent(claim: Token) -> Token | None:
    """The 'by' phrase of a participle of claiming that hangs on a noun ('touted by Trump') or of a noun of claim
    ('claims by the army'): who makes the claim (figures.yaml claimant_of_a_claim verbs, nouns)."""
    words = _figure_rule_words()
    if claim.dep_ == "acl" and claim.tag_ == "VBN" and is_verb_of(claim, words["claimant_of_a_claim.verbs"]):
        deps = words["claimant_of_a_claim.participle_agent_deps"]
    elif claim.pos_ == "NOUN" and claim.lower_ in words["claimant_of_a_claim.nouns"]:
        deps = words["claimant_of_a_claim.noun_agent_deps"]
    else:
        return None
    return next((c for c in claim.children if c.dep_ in deps and case_of(c) in syntax().agent_preps), None)


def _may_speak(agent: Token) -> bool:
    """A maker that can give a figure: a name, a claimant word ("the ministry") or a noun only a person can be; "the
    300 lives claimed by the earthquake" is a toll, no claim (figures.yaml claimant_of_a_claim)."""
    return agent.text[:1].isupper() or agent.lower_ in _claimant_words() or agent.lower_ in _person_nouns()


def _in_what_it_claims(figure: Token, claim: Token) -> bool:
    """Is the figure in what the claim says: the noun phrase a participle of claiming describes (up its 'of' and 'in'
    modifiers: 'the $40 billion in purchases touted by'), or what a noun of claim takes by one of `content_deps`
    ('claims by X to have ended eight wars'), not a word that describes the noun itself ('a 40-page report')?"""
    if claim.pos_ != "NOUN":
        top = claim.head
        while top.dep_ == "nmod" and top.head.i != top.i:
            top = top.head
        return any(t.i == figure.i for t in top.subtree) or _modifier_hung_beside(figure, top)
    node = figure
    while node.head.i not in (node.i, claim.i):
        node = node.head
    return node.head.i == claim.i and node.i != claim.i \
        and node.dep_ in _figure_rule_words()["claimant_of_a_claim.content_deps"]


def _modifier_hung_beside(figure: Token, phrase: Token) -> bool:
    """'to achieve the $40-50 billion in purchases touted by': the parse may hang the figure's own 'in' or 'of' phrase
    on the verb beside it; a phrase of `beside_cases` that opens right where the figure's noun phrase ends, on the
    same head, is the figure's (figures.yaml claimant_of_a_claim)."""
    if case_of(phrase) not in _figure_rule_words()["claimant_of_a_claim.beside_cases"]:
        return False
    node = figure
    while node.dep_ in _FIGURE_PHRASE_DEPS and node.head.i != node.i:
        node = node.head
    return node.head.i == phrase.head.i and node.i != phrase.i and node.right_edge.i + 1 == phrase.left_edge.i


# how a number hangs inside the noun phrase it counts: "the $40-50 billion" (40 -> $ -> billion)
_FIGURE_PHRASE_DEPS = frozenset({"nummod", "compound", "nmod", "flat"})


def _parsed_claimant(doc: NlpDoc, source: Token | None) -> str | None:
    """The name the parse's source of a figure gives."""
    if source is None:
        return None
    return _named_conjunct(source) or _phrase(doc, source)


def _named_conjunct(subject: Token) -> str | None:
    """'Early retiree and self-made millionaire Grant Sabatier suggests': a common noun joined to a name before a verb
    in the singular is one person told two ways, and the name (its run of proper nouns) says who (figures.yaml
    claimant_of_one_person_described)."""
    if _name_word(subject) \
            or subject.head.tag_.lower() not in _figure_rule_words()["claimant_of_one_person_described.singular_tags"]:
        return None
    name = next((c for c in subject.children if c.dep_ == "conj" and _name_word(c)), None)
    if name is None:
        return None
    first = name
    while first.i > subject.i + 1 and _name_word(first.nbor(-1)):
        first = first.nbor(-1)
    return subject.doc[first.i:name.i + 1].text


def _name_word(tok: Token) -> bool:
    """A capitalised proper noun, as the parse tags it ("Grant" may be a NOUN tagged NNP)."""
    return tok.text[:1].isupper() and (tok.pos_ == "PROPN" or tok.tag_ in ("NNP", "NNPS"))


def _speaker_of_the_pronoun(doc: NlpDoc, source: Token | None, sentence_end: int) -> str | None:
    """'It said a further 29 people were injured, six of whom were in a serious condition': a pronoun that says a figure
    is the speaker the quote finder resolved for what its verb tells, the quote that opens after the verb in its
    sentence, even where the figure's clause lies past the quote's end (figures.yaml claimant_of_the_pronoun)."""
    if source is None or source.lower_ not in _figure_rule_words()["claimant_of_the_pronoun.pronouns"]:
        return None
    verb = source.head
    told = [q for q in doc.quotes if verb.idx < q.start < sentence_end and q.speaker and q.speaker.name]
    return _claimant(min(told, key=lambda q: q.start).speaker.name) if told else None  # type: ignore[union-attr]


def _name_complements(head: Token, hi: int) -> int:
    """Where a claimant's name ends once its named complements are in: 'the National Commission on Human
    Rights', 'the UN Office for the Coordination of Humanitarian Affairs', 'a spokesperson for Nangarhar's
    governor' (figures.yaml: claimant_is_a_name)."""
    preps = _WORDS.claimant_name_prepositions
    for c in head.children:
        if c.i > head.i and c.dep_ == "nmod" and case_of(c) in preps and not _is_date_word(c) \
                and any(t.text[:1].isupper() for t in c.subtree if t.i > head.i):
            hi = max(hi, max(t.idx + len(t) for t in c.subtree))
    return hi


def _names_a_date(word: str) -> bool:
    """'Sunday', 'March', 'Feb.': a day or month name, no part of a claimant's name."""
    from flashpoint.nlp.timexes import MONTHS, WEEKDAYS

    low = word.lower().rstrip(".")
    return low in WEEKDAYS or low in MONTHS


def _is_date_word(tok: Token) -> bool:
    """'police on Sunday', 'officials in March': a date, no part of a name."""
    return _names_a_date(tok.text) or tok.like_num


def _phrase(doc: NlpDoc, head: Token) -> str | None:
    """The name a noun phrase gives, without its leading article: 'the regional governor' -> 'regional governor'."""
    lo, hi = phrase_span(head)
    hi = _name_complements(head, hi)
    words = spaced_words(doc.tokens, lo, hi)
    while words and words[0].lower() in _WORDS.phrase_lead_words:
        words = words[1:]
    text = " ".join(words).strip(",;:")
    return text or None


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """'Israeli', 'Ukrainians': a nationality alone names no one who gives a figure."""
    text = resources.files("flashpoint.resources").joinpath("countries.yaml").read_text(encoding="utf-8")
    return frozenset(d.lower() for c in load_yaml(text) for d in c.get("demonyms") or [])


def _claimant(text: str | None) -> str | None:
    """The claimant as a name: leading 'what'/'per' and trailing relative clauses dropped; None for a
    pronoun, a nationality alone, a fragment ('ISIL-', 'No injuries') or a thing that is no source
    ('latest reports', 'data from March')."""
    if not text:
        return None
    words = _claimant_trimmed(text)
    if not words or words[-1].endswith("-") or words[0].lower() in _WORDS.claimant_void_words:
        return None
    lex = lexicon()
    head = words[-1].lower().strip(".,;:")
    if head in lex["not_claimants"] or (len(words) == 1 and (head in _demonyms() or head in lex["pronouns"])):
        return None
    if _is_a_figure(words) or (len(words) == 1 and words[0] in gazetteer().org_keywords):
        return None  # "110", "Fifty-one percent"; "Committee" cut from its name
    return " ".join(words)


def _claimant_trimmed(text: str) -> list[str]:
    """The claimant's words without zero-width marks, its leading words ('what', 'per'), what follows a cut word
    (a relative clause) and its trailing words ("the Ministry of Health there")."""
    words = re.sub(r"[\u200b-\u200f\u2060\ufeff]", "", text).split()
    while words and words[0].lower() in _WORDS.claimant_lead_words:
        words = words[1:]
    cut = next((i for i, w in enumerate(words) if w.lower() in _WORDS.claimant_cut_words), len(words))
    words = words[:cut]
    while words and words[-1].lower() in _WORDS.claimant_trailing_words:
        words = words[:-1]
    return words


def _is_a_figure(words: list[str]) -> bool:
    """A number alone or a share ('110', 'Fifty-one percent', '70 percent of Americans') is what was
    counted, never who counted it ('Channel 12' is a name)."""
    if len(words) == 1 and parse_number(words[0].strip(".,;:")) is not None:
        return True
    return bool(_SHARE.search(" ".join(words)))


_SHARE = _PATTERN("share")


@dataclass
class _Scan:
    """What the figures of one body share while they are read in text order."""

    doc: NlpDoc
    sentences: list[tuple[int, int]]
    starts: list[int]
    blocked: list[tuple[int, int]]
    ranges: dict[int, re.Match[str]]
    range_firsts: set[int]
    out: list[Quantity] = field(default_factory=list)
    stops: list[int] = field(default_factory=list)  # ends of vague counts and counters: no figure reads past them
    label_end: int | None = None  # end of the last number that was a label ("posts 542 and 543")


@dataclass
class _Figure:
    """One figure match placed in its sentence: `before` and `after` are the sentence's words around it."""

    m: re.Match[str]
    start: int
    end: int
    num_start: int
    rng: re.Match[str] | None
    s_start: int
    s_end: int
    before: str
    after: str


def _new_scan(doc: NlpDoc) -> _Scan:
    sentences = doc.sentences()
    # the dates of the story and the page's time stamps ('(Published Monday, Nov. 18, 2019)') hold no figure
    blocked = sorted([(t.start, t.end) for t in doc.timexes] + list(doc.extras.get("stamp_dates", ()))
                     + _phone_numbers(doc.body))
    ranges = _ranges(doc.body, blocked)
    return _Scan(doc=doc, sentences=sentences, starts=[s for s, _ in sentences], blocked=blocked, ranges=ranges,
                 range_firsts={r.start("a") for r in ranges.values()})


# a telephone number: a country code, an area code in brackets or a leading zero, then groups of digits
_PHONE = re.compile(r"(?<![\d.,+])(?:\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]\d{1,4}){1,4}"
                    r"|\(\d{2,4}\)\s?\d{3}[\s.-]\d{4}|0\d{0,4}(?:[ \t-]\d{2,4}){2,4})(?![\w,]|\.\d)")


def _phone_numbers(body: str) -> list[tuple[int, int]]:
    """The spans of telephone numbers, no figures (figures.yaml: phone_numbers)."""
    least = int(read_yaml(DEFAULT_LANGUAGE, "figures.yaml")["figure_rules"]["phone_numbers"]["min_digits"])
    return [m.span() for m in _PHONE.finditer(body) if sum(c.isdigit() for c in m.group(0)) >= least]


def _placed(scan: _Scan, m: re.Match[str]) -> _Figure | None:
    """The figure in its sentence; None for the first figure of a range (reported with the second), a
    score or code ('2-1') and a number inside a date."""
    body = scan.doc.body
    start, end = m.start(), m.end()
    num_start = m.start("num") if m["num"] else m.start("vague")
    if num_start in scan.range_firsts:
        return None
    rng = scan.ranges.get(start) if not m["qual"] and m["num"] else None
    if rng is None and body[max(0, start - 1):start] == "-":
        return None
    if any(s < end and num_start < e for s, e in scan.blocked) and not _patterns()["duration"].match(body[end:end + 40]):
        return None  # a number inside a date, unless it counts units of time ("three days later")
    if rng is not None:
        start = rng.start()
    s_start, s_end = _sentence_of(scan.sentences, start, body, scan.starts)
    return _Figure(m, start, end, num_start, rng, s_start, s_end, body[s_start:start], body[end:s_end])


_AGED_BEFORE = _PATTERN("aged_before")
_LABEL_JOIN = _PATTERN("label_join")


def _is_label(scan: _Scan, fig: _Figure) -> bool:
    """A number after a word that makes it a label or an age ('post 542', 'aged 18 to'), or joined to
    such a number ('ages of nine and 14', 'posts 542 and 543')."""
    # a sentence split after an abbreviation ('the No. | 2 official') leaves the label in the sentence before
    before = fig.before if fig.before.strip() else scan.doc.body[max(0, fig.start - 20):fig.start]
    if _patterns()["not_before"].search(before) or _AGED_BEFORE.search(before) or _period_label(fig):
        return True
    return scan.label_end is not None and bool(_LABEL_JOIN.fullmatch(scan.doc.body[scan.label_end:fig.start]))


def _street_number(fig: _Figure) -> bool:
    """'behind 2134 Caldwell Place': a house number before a street's name (figures.yaml: street_numbers)."""
    return bool((fig.m["num"] or "").isdigit()) and _street_pattern().match(fig.after) is not None


def _emergency_number(fig: _Figure) -> bool:
    """'called 911', '911 calls': an emergency telephone number, no count (figures.yaml: emergency_numbers)."""
    words = _figure_rule_words()
    if (fig.m["num"] or "") not in words["emergency_numbers.numbers"]:
        return False
    prev = re.search(r"(\w+)\s+$", fig.before)
    nxt = re.match(r"[\s-]+(\w+)", fig.after)
    if nxt is not None and nxt.group(1).lower() in words["emergency_numbers.after_words"]:
        return True
    return prev is not None and prev.group(1).lower() in words["emergency_numbers.before_words"] \
        and (nxt is None or nxt.group(1).lower() in words["emergency_numbers.then_words"])


_ORDINAL_AFTER = _PATTERN("ordinal_after")
_DECIMAL_TIMES = re.compile(r"\d*\.\d+")


def _ordinal_or_multiplier(fig: _Figure) -> bool:
    """'the one hundred and eighty-first day': number words an ordinal ends are a rank, no count; '2.7 times'
    multiplies, for nothing happens a fraction of a time (figures.yaml: ordinal_counts, times_counted)."""
    num = fig.m["num"] or ""
    if not num[:1].isdigit() and _ORDINAL_AFTER.match(fig.after) or _age_bound(fig):
        return True
    return bool(_DECIMAL_TIMES.fullmatch(num)) and _PATTERN("times_after").match(fig.after) is not None


def _page_furniture(fig: _Figure) -> bool:
    """'word_count: 1702', 'Wordcount: 717', '5 Min Read', 'Reading time: 4 minutes': a page's own counters, no figure
    of the story; '7 hours ago' ending its line is a time stamp, '12 Comments' opening one a counter of the page
    (figures.yaml: counters_and_furniture labels_before, words_after, stamp_words, line_words_after)."""
    before, after, stamp, opening = _furniture_patterns()
    if before.search(fig.before) is not None or after.match(fig.after) is not None:
        return True
    body = fig.m.string
    line_end = body.find("\n", fig.end)
    if stamp.fullmatch(body, fig.end, len(body) if line_end < 0 else line_end):
        return True
    return not body[body.rfind("\n", 0, fig.start) + 1:fig.start].strip() and opening.match(body, fig.end) is not None


def _furniture_in_text(doc: NlpDoc, fig: _Figure) -> bool:
    """The page's own furniture left in the article's text: its counters and stamps, a photo caption, a prompt to
    the reader to subscribe or follow, a post of the outlet promoting itself."""
    return _page_furniture(fig) or _in_a_caption(doc, fig) or _reader_prompt(fig) or _own_post(fig)


def _reader_prompt(fig: _Figure) -> bool:
    """'Join our 50,000 subscribers on Telegram', 'To get 3 stories a day, sign up for our newsletter': the outlet
    asks the reader to follow it; the sentence's numbers count nothing of the story (figures.yaml reader_prompts)."""
    body = fig.m.string
    return _PATTERN("reader_prompt").search(body[fig.s_start:fig.s_end]) is not None


_WEB_ENDING = re.compile(r"\.[a-z]{2,4}(?:\.[a-z]{2})?$", re.I)  # "9to5Mac.com", "BBC.co.uk": the name before it


def _own_post(fig: _Figure) -> bool:
    """A post the page embeds, its signature line ('— 9to5Mac.com (@9to5mac) November 4, 2019') right after the
    figure's paragraph, whose text names its own account (display name without its web
    ending, or handle): the account promoting itself, no figure of the story (figures.yaml own_posts)."""
    body = fig.m.string
    paragraph_end = body.find("\n\n", fig.end)
    sig = _PATTERN("post_signature").match(body, paragraph_end + 1) if paragraph_end >= 0 else None
    if sig is None:
        return False
    text = body[body.rfind("\n\n", 0, fig.start) + 1:paragraph_end]
    names = {_WEB_ENDING.sub("", sig["name"].strip()), sig["handle"]}
    return any(re.search(r"(?<![\w@])" + re.escape(n) + r"(?!\w)", text, re.I) for n in names if len(n) > 2)


def _in_a_caption(doc: NlpDoc, fig: _Figure) -> bool:
    """'Officials handed out 5 million masks.' then 'Sonu Mehta/Hindustan Times/Getty Images', '... food aid.
    Photograph: Marwan Ali/AP': a photo caption, the line a credit follows or ends, tells no figure of the
    story (figures.yaml: captions). The credit line's words are the Doc's, as spaces part them."""
    body = doc.body
    line_end = body.find("\n", fig.end)
    line_end = len(body) if line_end < 0 else line_end
    credit, ending, most = _caption_patterns()
    if ending.search(body, fig.end, line_end):
        return True
    line = _NEXT_LINE.match(body, line_end)
    assert line is not None  # the pattern matches anywhere, empty
    return len(spaced_words(doc.tokens, *line.span(1))) <= most and credit.search(line.group(1)) is not None


_NEXT_LINE = re.compile(r"\s*([^\n]*)")  # the next line that holds anything


@lru_cache(maxsize=1)
def _caption_patterns() -> tuple[re.Pattern[str], re.Pattern[str], int]:
    rule = read_yaml(DEFAULT_LANGUAGE, "figures.yaml")["figure_rules"]["captions"]
    credit = alternation(sorted(str(w).lower() for w in rule["credit_marks"]))
    return re.compile(r"(?:" + credit + r")", re.I), _PATTERN("caption_credit_line"), int(rule["max_credit_words"])


@lru_cache(maxsize=1)
def _furniture_patterns() -> tuple[re.Pattern[str], ...]:
    words = _figure_rule_words()
    labels = _alt(sorted(words["counters_and_furniture.labels_before"]))
    after = _alt(sorted(words["counters_and_furniture.words_after"]))
    stamp = _alt(sorted(words["counters_and_furniture.stamp_words"]))
    opening = _alt(sorted(words["counters_and_furniture.line_words_after"]))
    return (re.compile(r"(?:^|\n)\s*(?:" + labels + r")\s*:\s*$", re.I),
            re.compile(r"[\s-]*(?:" + after + r")\b", re.I),
            re.compile(r"[ \t]*(?:" + _alt(list(lexicon()["durations"])) + r")[ \t]+(?:" + stamp + r")[ \t]*", re.I),
            re.compile(r"[ \t]+(?:" + opening + r")(?:[ \t]*$|[ \t]+[\"\u201c]|(?=\n))", re.I | re.M))


def _scale_point(sentence: str, fig: _Figure) -> bool:
    """'on a scale of zero to 100, with zero meaning ... and 100 signifying ...', 'Score 4.5 out of 5': a bound of a
    scale, or that number said again in the scale's sentence, counts nothing (figures.yaml scale_points)."""
    if _PATTERN("score_out_of").search(fig.before):
        return True
    bounds = _PATTERN("scale_bounds").search(sentence)
    if bounds is None or fig.m["cur"] or fig.m["pct"]:
        return False
    value = parse_number(fig.m["num"] or "")
    return value is not None and value in (parse_number(bounds["a"]), parse_number(bounds["b"]))


def _rating(fig: _Figure) -> bool:
    """'the 330 kV backup power supply', 'its 750 kV line': a voltage before what it rates names the thing, no count
    (figures.yaml: ratings)."""
    return _rating_pattern().match(fig.after) is not None


@lru_cache(maxsize=1)
def _rating_pattern() -> re.Pattern[str]:
    units = alternation(sorted(_figure_rule_words()["ratings.units"]))
    return re.compile(r"\s*(?:" + units + r")\s+[A-Za-z]", re.I)


_CLOCK = re.compile(r"(?:[01]?\d|2[0-4])[.:][0-5]\d|(?:[01]\d|2[0-3])[0-5]\d")


def _time_of_day(fig: _Figure) -> bool:
    """'at 11.40 local time', 'at 1800 hours', 'at 4 in the morning': a time of day, no count (figures.yaml:
    times_of_day)."""
    num = fig.m["num"] or ""
    zone, hours, at, part = _time_patterns()
    if fig.m["qual"] and not at.search(fig.m["qual"] + " "):
        return False
    if _CLOCK.fullmatch(num):
        return zone.match(fig.after) is not None or (at.search(fig.before) is not None and hours.match(fig.after) is not None)
    return num.isdigit() and 0 < int(num) <= 12 and at.search(fig.before + (fig.m["qual"] or "") + " ") is not None \
        and part.match(fig.after) is not None


@lru_cache(maxsize=1)
def _time_patterns() -> tuple[re.Pattern[str], ...]:
    """(a time zone after, a word of hours after, a word of time before, a part of the day after)."""
    words = _figure_rule_words()
    alt = {k: _alt(sorted(words[f"times_of_day.{k}"])) for k in ("zones", "hour_words", "before_words", "day_parts")}
    return (re.compile(r"\s*\(?(?:" + alt["zones"] + r")\b", re.I), re.compile(r"\s*(?:" + alt["hour_words"] + r")\b", re.I),
            re.compile(r"\b(?:" + alt["before_words"] + r")\s+$", re.I), re.compile(r"\s+(?:" + alt["day_parts"] + r")\b", re.I))


def _age_bound(fig: _Figure) -> bool:
    """'men under 30', 'children under five', 'people over 65': a bound right after people is their age, unless
    what it counts follows ('people over 20 days' is a duration; figures.yaml ages_in_a_clause)."""
    words = _figure_rule_words()
    qual = (fig.m["qual"] or "").lower()
    person = re.search(r"(\w+)\s+$", fig.before)
    if qual not in words["ages_in_a_clause.bounds"] or person is None \
            or person.group(1).lower() not in words["ages_in_a_clause.people"]:
        return False
    return not (_patterns()["duration"].match(fig.after) and not _PATTERN("years_old").match(fig.after)) \
        and not _counts_after(fig)


def _counts_after(fig: _Figure) -> bool:
    """What a figure counts follows it: people, troops, munitions or things ('12 victims'), so it is no age."""
    rest = fig.after.lstrip()
    return any(_patterns()[k].match(rest) for k in ("people", "troops", "munitions", "things"))


def _calibre(fig: _Figure) -> bool:
    """'155mm shells', '16 155 mm howitzers', 'caliber 155 mm': millimetres before a weapon, or after 'calibre',
    measure a bore, they count nothing (figures.yaml: calibres)."""
    said = _calibre_patterns()[0].match(fig.after)
    if said is None:
        return False
    rest = fig.after[said.end():]
    weapons = _figure_rule_words()["calibres.weapons"]  # the weapon's noun within three words: '155 mm NATO ammunition'
    return _patterns()["munitions"].match(rest) is not None or _calibre_patterns()[1].search(fig.before) is not None \
        or any(w.lower() in weapons for w in re.findall(r"[\w-]+", rest)[:3]) \
        or _calibre_patterns()[2].match(rest) is not None  # "155mm and 120mm artillery ammunition"


@lru_cache(maxsize=1)
def _calibre_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    words = _figure_rule_words()
    units = alternation(sorted(words["calibres.units"]))
    return re.compile(r"[\s-]?(?:" + units + r")\b\s*", re.I), _PATTERN("calibre_before"), _PATTERN("calibre_more")


def _in_a_quoted_name(doc: NlpDoc, fig: _Figure) -> bool:
    """'known as the "Three Amigos"', 'the term "three amigos"', 'the "one country, two systems" formula': a
    number in a short quoted phrase that a naming word opens names or terms something (figures.yaml: quoted_names).
    The words inside the quotes are the Doc's, as spaces part them."""
    body = doc.body
    before, after = _quoted_name_patterns()
    rule = read_yaml(DEFAULT_LANGUAGE, "figures.yaml")["figure_rules"]["quoted_names"]
    line_start = body.rfind("\n", 0, fig.start) + 1
    closed = after.match(body, fig.end, min(len(body), fig.end + int(rule["titles"]["reach"])))
    if closed is not None and _quoted_title(body[line_start:fig.start], closed["inside"]):
        return True
    opened = before.search(body[line_start:fig.start])
    if opened is None or closed is None or closed.end() > fig.end + int(rule["reach"]):
        return False
    inside = spaced_words(doc.tokens, line_start + opened.start("inside"), line_start + opened.end("inside"))
    words = len(inside) + 1 + len(spaced_words(doc.tokens, *closed.span("inside")))
    return words <= int(rule["max_words"])


_QUOTE_LEFT_OPEN = r"[\"\u201c](?P<inside>[^\"\u201c\u201d\n]*)$"  # a quote opened and not yet closed
_QUOTE_OPENED = re.compile(_QUOTE_LEFT_OPEN)


def _quoted_title(before: str, after: str) -> bool:
    """'just tick "10 Things in Tech You Need to Know."': a number in a quoted phrase written in title case, with
    words of its own after it, is part of a title, no count (figures.yaml quoted_names, titles)."""
    opened = _QUOTE_OPENED.search(before)
    if opened is None:
        return False
    rule = read_yaml(DEFAULT_LANGUAGE, "figures.yaml")["figure_rules"]["quoted_names"]["titles"]
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", opened["inside"] + " " + after)
    long = [w for w in words if len(w) >= int(rule["min_letters"])]
    titled = sum(1 for w in long if w[:1].isupper())
    return len(re.findall(r"[^\W\d_]+", after)) >= int(rule["min_words_after"]) \
        and len(long) >= int(rule["min_long_words"]) and titled >= float(rule["titled_share"]) * len(long)


@lru_cache(maxsize=1)
def _quoted_name_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    naming = alternation(sorted(_figure_rule_words()["quoted_names.naming_words"]))
    return (re.compile(r"\b(?:" + naming + r")\s+" + _QUOTE_LEFT_OPEN, re.I),
            re.compile(r"(?P<inside>[^\"\u201c\u201d\n]*)[\"\u201d]"))


@lru_cache(maxsize=1)
def _street_pattern() -> re.Pattern[str]:
    streets = alternation(sorted(_figure_rule_words()["street_numbers.street_words"]))
    return re.compile(r"\s+(?:(?-i:[A-Z])[\w'\u2019.-]*\s+){1,2}(?:" + streets + r")\b", re.I)


def _period_label(fig: _Figure) -> bool:
    """'week 12 of Russia's invasion', 'day 100 of the war': a number of a happening's weeks or days
    (figures.yaml: week_of_a_happening)."""
    prev = re.search(r"(\w+)\s+$", fig.before)
    return prev is not None and prev.group(1).lower() in _figure_rule_words()["week_of_a_happening.words"] \
        and _PATTERN("of_or_end").match(fig.after) is not None


def _is_list_marker(body: str, fig: _Figure) -> bool:
    """'1. ...', '2) ...' at the start of a line; a bare number in brackets, a reference to a source
    ('in 81% of participants (19).'; figures.yaml: counters_and_furniture)."""
    line_start = body.rfind("\n", 0, fig.start) + 1
    if re.match(r"^\s*$", body[max(0, line_start):fig.start]) and re.match(r"[.)]\s", body[fig.end:fig.end + 2]):
        return True
    m = fig.m
    plain = (m["num"] or "").isdigit() and not (m["cur"] or m["pct"] or m["qual"] or m["mult"] or _scale(m))
    return plain and _REFERENCES.search(body, max(0, fig.start - 40), fig.start) is not None \
        and _REFERENCES_END.match(body, fig.end) is not None


# a bracket holding only numbers: references to sources, "(19)", "(27, 28, 29)", "[3-5]"
_REFERENCES = re.compile(r"[(\[](?:\s*\d{1,3}\s*[,\u2013-])*\s*$")
_REFERENCES_END = re.compile(r"(?:\s*[,\u2013-]\s*\d{1,3})*\s*[)\]]")


def _scale(m: re.Match[str]) -> str | None:
    """'million', 'bn'; a bare 'm' or 'k' only after a currency ('$5m'), or a capital M before the people it
    counts ('5.3M refugees', '3M Ukrainians': figures.yaml millions_of_people)."""
    if m["abbr"] == "M" and not m["cur"] and _people_after(m.string[m.end():m.end() + 40]):
        return "m"
    return cast("str | None", m["scale"] or (m["abbr"] if m["cur"] else None))


def _people_after(after: str) -> bool:
    word = re.match(r"\s+([A-Za-z]+)", after)
    if word is None:
        return False
    pats = _patterns()
    return word.group(1).lower() in _demonyms() or any(
        pats[k].match(word.group(1)) for k in ("people", "troops", "displaced"))


def _value(fig: _Figure) -> float | None:
    """The number times its multiplier ('two dozen') and scale ('3.5 million', a range's '30 million to')."""
    m, rng = fig.m, fig.rng
    num = re.sub(r"(?<=\d)[^\w,.-](?=\d{3})", "", m["num"] or "")  # "12 500"
    if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", num):
        num = num.replace(".", "")  # "1.234.567"
    value = parse_number(rng["a"] if rng is not None else re.sub(r"(?<=[a-z])[\s-]+(?=[a-z])", " ", num, flags=re.I))
    if value is None:
        return None
    if m["half"]:
        value += 0.5  # "one and a half million": the half goes before the scale
    if m["mult"]:
        value *= float(lexicon()["multipliers"][m["mult"].lower()])
    scale = _scale(m)
    if rng is not None and rng["ascale"]:
        value *= _scale_of(rng["ascale"])
    elif scale:
        value *= _scale_of(scale)
    return value


def _no_count(fig: _Figure, value: float, head_kind: str | None) -> bool:
    """Numbers that count nothing: zero and '07.10', a guess ('one or two', 'a day or two'), an age range, 'one' with no
    counted noun, a definite reference ('the two sides'), a year."""
    m, rng = fig.m, fig.rng
    num = m["num"] or ""
    if value == 0 or re.match(r"0\d", num):
        return True
    if _a_guess(fig, value):
        return True
    if _AGE_RANGE.match(fig.after):
        return True
    listed = head_kind not in (None, "things")  # "one of the buildings" counts no more than "one of them"
    if num.lower() in _ONES and not listed and rng is None and not _one_toll(fig.after):
        return True
    if _age_in_a_clause(fig):
        return True
    return bool(re.fullmatch(r"(?:19|20)\d{2}", num)) and not (m["cur"] or m["pct"] or head_kind or _year_like_toll(fig))


def _year_like_toll(fig: _Figure) -> bool:
    """'as of April 15, 1982 killed civilians': a year-like number right before a toll word is a toll, unless a
    preposition before it makes it a time (figures.yaml: year_like_tolls)."""
    prev = re.search(r"(\w+)\s*$", fig.before)
    return _one_toll(fig.after) and (prev is None or prev.group(1).lower() not in
                                     _figure_rule_words()["year_like_tolls.not_after"])


def _definite_reference(doc: NlpDoc, fig: _Figure, head_kind: str | None) -> bool:
    """'the two sides': 'the two' refers back and counts nothing, unless it is a toll told again ('the two
    killed civilians') or a name or a superlative describes what it counts ('the two Russian oil companies',
    'the two largest producers'; figures.yaml definite_toll); 'the three' and up count what their noun names
    and refer back only with no noun after them ('the four go on'; figures.yaml definite_count)."""
    if (fig.m["num"] or "").lower() not in _SMALL_WORDS or head_kind not in (None, "things") \
            or not _PATTERN("the_before").search(fig.before) or _definite_toll(fig.after):
        return False
    gap = re.match(r"\s+", fig.after)
    tok = _token_at(doc, fig.end + gap.end()) if gap else None
    return tok is None or _refers_back(tok, (fig.m["num"] or "").lower())


def _refers_back(tok: Token, num: str) -> bool:
    """Whether "the <num>" refers back, by the word `tok` after it: "the four go on" does, "the four attempts" and
    "the two Russian oil companies" count."""
    if num in _figure_rule_words()["definite_count.words"]:
        compound = tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.tag_ in _COUNTED_TAGS  # "border villages"
        return tok.tag_ not in _COUNTED_TAGS and not compound  # "the four attempts" counts, "the four go on" refers
    named = tok.tag_ == "JJS" or tok.text[:1].isupper() and tok.pos_ in ("ADJ", "PROPN") \
        or tok.lower_ in _figure_rule_words()["definite_toll.ranking_words"]  # "the two main forms"
    return not (named and tok.dep_ in ("amod", "compound") and tok.head.i > tok.i and tok.head.pos_ == "NOUN")


# the tags of the word after "the three" that make it count: a plural noun or a name, an adjective or participle
# before one (a singular noun there is a misread verb: "the four go(NN) on")
_COUNTED_TAGS = frozenset({"NNS", "NNPS", "NNP", "JJ", "JJR", "JJS", "VBN", "VBG"})


def _definite_toll(after: str) -> bool:
    """'the three fatalities', 'the two killed civilians': a toll told again is a figure of its own
    mention (figures.yaml definite_toll)."""
    m = re.match(r"\s+([a-z]+)", after, re.I)
    return m is not None and m.group(1).lower() in _figure_rule_words()["definite_toll.words"]


def _a_guess(fig: _Figure, value: float) -> bool:
    """'one or two', 'an app or two to find': a guess, no count (figures.yaml ranges_are_two_figures,
    a_thing_or_two)."""
    if fig.rng is not None and fig.rng["conn"].lower() in _range_words()["guess_words"] and value < 10:
        return True
    return (fig.m["num"] or "").lower() in _figure_rule_words()["a_thing_or_two.numbers"] \
        and _a_thing_or()[0].search(fig.before) is not None and _a_thing_or()[1].match(fig.after) is not None


@lru_cache(maxsize=1)
def _a_thing_or() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """'an app or' right before the number, and no noun of its own after it ('an app or two to find'):
    a guess (figures.yaml a_thing_or_two)."""
    words = _figure_rule_words()
    after = alternation(sorted(words["a_thing_or_two.followed_by"]))
    return _PATTERN("a_thing_or"), re.compile(r"\s+(?:" + after + r")\b|\s*[^\w\s]|\s*$", re.I)


_OF_DETERMINER = _PATTERN("of_determiner")


def _one_of_a_superlative(doc: NlpDoc, fig: _Figure) -> bool:
    """'one of the largest drone attacks', 'one of the most intense': a rank, not a count of one."""
    of = _OF_DETERMINER.match(fig.after)
    if of is None or (fig.m["num"] or "").lower() not in _ONES:
        return False
    tok = _token_at(doc, fig.end + of.end())
    return tok is not None and tok.tag_ in ("JJS", "RBS")


_ARTICLE_AND_NAME = _PATTERN("article_and_name")
_NAME_AND_COMMA = re.compile(r"[A-Z][\w'\u2019.-]*,\s*$")
_CLOSES_APPOSITION = re.compile(r"\s*(?:[,;)]|\.(?!\d)|$)")


def _is_age_after_name(fig: _Figure) -> bool:
    """'Museveni, 79, who ...', 'Webb, 51, of ...': a number between commas right after a name, or after a
    person's noun ('a Palestinian man, 45, was shot'), is an age."""
    num = fig.m["num"] or ""
    if not num.isdigit() or len(num) > 3 or fig.m["cur"]:
        return False
    if _person_of().search(fig.before):  # 'Boy of 11 flees', not 'the brother of 12 victims'
        return not _counts_after(fig)
    return bool((_NAME_AND_COMMA.search(fig.before) or _person_and_comma().search(fig.before))
                and _CLOSES_APPOSITION.match(fig.after))


@lru_cache(maxsize=1)
def _person_of() -> re.Pattern[str]:
    """'Boy of 11 flees to safety', 'a woman of 90,': a person's noun and 'of' before an age (figures.yaml
    age_after_a_person)."""
    return _PATTERN("person_of")


@lru_cache(maxsize=1)
def _person_and_comma() -> re.Pattern[str]:
    """'a Palestinian man, 45, was shot', 'female prisoner, 68, dies': a person's noun before the commas
    (figures.yaml age_after_a_person)."""
    words = alternation(sorted(_figure_rule_words()["age_after_a_person.words"]))
    return re.compile(r"\b(?:" + words + r"),\s*$", re.I)


_OPENING_MARKS = "\"'\u201c\u2018(["  # what may open a quotation or an aside before its first word
_POSSESSIVE = _PATTERN("possessive")  # "WeWork's 12,000 employees": whose they are, no name


def _is_name_number(fig: _Figure, head_kind: str | None) -> bool:
    """A name with a number ('France 24', 'Nord Stream 2'): a capitalised word right before it inside the
    sentence (no punctuation between: 'In Kharkiv, 300 homes'), and nothing that makes the number a count."""
    if _name_of_a_number(fig, head_kind):
        return True
    prev_word = _word_before_a_name_number(fig)
    if prev_word is None or not _name_word_before(fig, prev_word):
        return False
    plain = _bare_number(fig)
    if plain and _ARTICLE_AND_NAME.search(fig.before):
        return True  # "a Falaq 1 rocket", "the Iskander 2 launcher": one thing of a named model
    return plain and not head_kind


def _name_word_before(fig: _Figure, prev_word: re.Match[str]) -> bool:
    """The word before the number may be a name's: name-like, in the same stretch of the sentence, not a possessive
    (unless a model follows) and not a word that opens a sentence, for those make the number a count."""
    word = prev_word.group(1).lstrip(_OPENING_MARKS)
    if not _names_a_number(word) or fig.before.rstrip().endswith((".", ":", ",", ";")) \
            or (_POSSESSIVE.search(prev_word.group(1)) and not _model_name_after(fig)):
        return False  # "WeWork's 12,000 employees" counts; "Boeing's 737 Max jets" names a model
    # "Another 85 were wounded", '“After two more years of this,” he asks', 'He said: “Another 85 ...
    return not (_opens_the_sentence(fig, prev_word, word) and word.lower() in _SENTENCE_OPENERS)


def _opens_the_sentence(fig: _Figure, prev_word: re.Match[str], word: str) -> bool:
    """The word before the number starts its sentence (or a quotation after a stop), where a capital says nothing
    of a name."""
    ahead = fig.before[:prev_word.start()].rstrip()
    return not ahead or ahead.endswith((":", ";", "!", "?", ".")) and word != prev_word.group(1)


def _bare_number(fig: _Figure) -> bool:
    """A number with no currency, percent, qualifier, scale or range: only such a number may be part of a name."""
    m = fig.m
    return not (m["cur"] or m["curword"] or m["pct"] or m["qual"] or _scale(m) or fig.rng)


def _names_a_number(word: str) -> bool:
    """A word that may name what the number after it numbers ('Nord Stream 2', 'i5-9300H 15"'); a compound that ends
    in a word in lower case ('BPA-free 5-gallon bottles', 'Kremlin-backed') is an adjective, no name."""
    return _name_like(word) and re.search(r"-[a-z]+$", word) is None


def _word_before_a_name_number(fig: _Figure) -> re.Match[str] | None:
    """The word before a number that may be a name's; none before a number word in lower case, for names capitalise
    theirs ('the Group of Seven'; 'Dip: Mix two tablespoons' counts: figures.yaml name_numbers)."""
    return None if (fig.m["num"] or "").islower() else re.search(r"(\S+)\s*$", fig.before)


_WORD_BEFORE = re.compile(r"(?:(\w+)\s+)?([A-Z][a-z]\w*)\s+$")


def _model_of_weapons(fig: _Figure, head_kind: str | None) -> bool:
    """'send Leopard 2 tanks', 'Fateh 110 missiles': bare digits between a capitalised word and weapons name a
    model, unless the word is a place, a people, a day, a month or a sentence's opener, or follows a word of
    place ('in Kharkiv 12 missiles': figures.yaml name_numbers place_words)."""
    m = fig.m
    said = _WORD_BEFORE.search(fig.before)
    if head_kind != "munitions" or said is None or not (m["num"] or "").isdigit() \
            or any(m[g] for g in ("cur", "curword", "pct", "qual", "scale", "abbr")) or fig.rng is not None:
        return False
    word, prev = said.group(2), (said.group(1) or "").lower()
    if prev in _figure_rule_words()["name_numbers.place_words"] or word.lower() in _SENTENCE_OPENERS:
        return False
    places = any(e.type in ("GPE", "LOC", "NORP") for e in gazetteer().lookup(word))
    return not (places or word.lower() in _demonyms() or _names_a_date(word))


def _name_of_a_number(fig: _Figure, head_kind: str | None) -> bool:
    """'the Group of Seven (G7)', 'the Gang of Eight', 'a Group of 20 summit': an article, a capitalised word
    (no day or month) and 'of' before a bare number name a body; so does a capitalised number word that opens
    a name (figures.yaml: name_numbers)."""
    m = fig.m
    said = _PATTERN("name_of").search(fig.before)
    if said is None:
        return _name_opened_by_a_number(fig, head_kind)  # "the Five Star Movement"
    return not _names_a_date(said.group(1)) \
        and not (m["cur"] or m["curword"] or m["pct"] or m["qual"] or _scale(m) or fig.rng or head_kind)


_LOWER_WORD = re.compile(r"\b[a-z]{4,}\b")


def _name_opened_by_a_number(fig: _Figure, head_kind: str | None) -> bool:
    """'the Five Star Movement', 'the Three Seas Initiative', 'The Five Eyes alliance': a capitalised number word
    after an article, before a capitalised word that counts nothing, in a sentence written in lower case (not a
    title-case headline: 'Russia Fires Five Missiles') opens a name (figures.yaml: name_numbers)."""
    num = fig.m["num"] or ""
    if not num[:1].isupper() or not num.isalpha() or head_kind or fig.m["qual"] or fig.rng is not None:
        return False
    opened = re.search(r"\b(\w+)\s+$", fig.before)
    return opened is not None and opened.group(1).lower() in _figure_rule_words()["name_numbers.number_word_articles"] \
        and re.match(r"[ -][A-Z][a-z]", fig.after) is not None and _LOWER_WORD.search(fig.before + fig.after) is not None


@lru_cache(maxsize=1)
def _table_row_bounds() -> tuple[int, float, int]:
    """(min_numbers, min_share, ticker_min_numbers) of figures.yaml table_rows."""
    rule = read_yaml(DEFAULT_LANGUAGE, "figures.yaml")["figure_rules"]["table_rows"]
    return int(rule["min_numbers"]), float(rule["min_share"]), int(rule["ticker_min_numbers"])


_SIGN = r"[+\-\u2212\u25b2\u25bc]"  # a ticker's change: plus, hyphen-minus, minus sign, up and down triangles
# a cell of a number: signed or marked up or down as a ticker writes a change ("+0.45%", "-12.30", "\u25b21.2")
_CELL_NUMBER = re.compile(rf"{_SIGN}?[(\[$]?\d[\d.,:/%-]*[)\]%]?")


def _in_a_table_row(doc: NlpDoc, fig: _Figure) -> bool:
    """A line that is mostly numbers ('14 Aric Almirola 2234 0 1 3 12') is a row of a table: its cells
    count nothing the story tells (figures.yaml: table_rows). Its cells are the Doc's words as spaces part them; the
    answer is the line's, kept for the line's other figures."""
    body = doc.body
    start, end = body.rfind("\n", 0, fig.start) + 1, body.find("\n", fig.end)
    line = start, end if end >= 0 else len(body)
    rows: dict[tuple[int, int], bool] = doc.extras.setdefault("table_rows", {})  # a line's span -> the answer
    found = rows.get(line)
    if found is None:
        found = rows[line] = _table_row(spaced_words(doc.tokens, *line))
    return found


def _in_a_foreign_sentence(doc: NlpDoc, fig: _Figure) -> bool:
    """A figure of a sentence in another language ('При атака срещу Харков загинаха 5 души' under an English menu):
    the English rules would read a kind and a count from words they do not know (figures.yaml foreign_sentences,
    settings/languages.yaml foreign_sentence). The answer is the sentence's, kept for its other figures."""
    told: dict[tuple[int, int], bool] = doc.extras.setdefault("foreign_sentences", {})
    span = fig.s_start, fig.s_end
    found = told.get(span)
    if found is None:
        found = told[span] = foreign_stretch(doc.body[fig.s_start:fig.s_end])
    return found


def _table_row(cells: list[str]) -> bool:
    """Whether a line's cells (its words as spaces part them) are a row of a table."""
    numbers = sum(1 for c in cells if _CELL_NUMBER.fullmatch(c))
    least, share, _ = _table_row_bounds()
    if numbers >= least and numbers >= share * len(cells):
        return True
    joins = _figure_rule_words()["table_rows.lone_line_joins"]  # '45', '4 1 of 4': a line of numbers alone
    return all(_CELL_NUMBER.fullmatch(c) or c.lower() in joins for c in cells) or _ticker_row(cells, numbers)


_SIGNED_CHANGE = re.compile(rf"{_SIGN}\(?\d[\d.,]*%?\)?|\(\d[\d.,]*%\)|[\u25b2\u25bc]")


def _ticker_row(cells: list[str], numbers: int) -> bool:
    """'Brent Crude 84.20 -0.5%', 'EUR/USD 1.0850 +0.12%': a line of a ticker, a name in capitals or symbols, a price
    and its change signed or marked up or down, with no word in lower case (no clause of the story); its numbers
    count nothing the story tells (figures.yaml table_rows)."""
    if numbers < _table_row_bounds()[2] or not any(_SIGNED_CHANGE.fullmatch(c) for c in cells):
        return False
    return not any(re.match(r"[a-z]", c) for c in cells)


def _name_like(word: str) -> bool:
    """Capitalised ('Nord Stream 2') or with a capital inside ('iPhone 11', 'eBay')."""
    return word[:1].isupper() or (word[:1].isalpha() and any(c.isupper() for c in word[1:]))


def _skipped(scan: _Scan, fig: _Figure) -> bool:
    """Numbers that are no figure, noting labels and counts without a value as stops for the next."""
    if _is_label(scan, fig):
        scan.label_end = fig.end  # the second of "ages of nine and 14" is the same kind of label
        return True
    if _patterns()["not_units"].match(fig.after) or _is_list_marker(scan.doc.body, fig) or _age_or_name(fig) \
            or _in_a_table_row(scan.doc, fig) or _street_number(fig) or _emergency_number(fig) \
            or _in_a_quoted_name(scan.doc, fig) or _calibre(fig) or _ordinal_or_multiplier(fig) \
            or _model_number(fig) or _time_of_day(fig) or _rating(fig) or _furniture_in_text(scan.doc, fig) \
            or _scale_point(scan.doc.body[fig.s_start:fig.s_end], fig) or _in_a_foreign_sentence(scan.doc, fig):
        return True
    if fig.m["vague"] or _is_counter(fig.before, fig.after):
        scan.stops.append(fig.end)  # "dozens of people" has no value; "1 of 3" is page furniture
        return True
    return False


_AFTER_A_COUNT = re.compile(r"(?:\d|\b" + NUMBER_WORDS_RE + r")[ \t]$", re.I)


def _model_number(fig: _Figure) -> bool:
    """'777x jets', '9to5Mac', '802.11ac': a number written onto letters that are no unit; 'five 787 Dreamliner
    sales', '400 737 Max jets': a number right after a count, before a capitalised word that is no nationality.
    Either names a model or a standard, no count (figures.yaml model_numbers)."""
    m = fig.m
    if not (m["num"] or "")[:1].isdigit() or m["cur"] or m["curword"] or m["pct"] or fig.rng is not None:
        return False
    glued = re.match(r"[^\W\d_]+", m.string[m.end():m.end() + 20])
    if glued is not None:
        letters, words = glued.group(0).lower(), _figure_rule_words()
        if letters in words["model_numbers.multiplier_letters"] and len(m["num"]) <= 2:
            return False  # "~12x as cost-effective" multiplies; "777x" names a jet
        if glued.group(0).isupper() and m.string[m.end() + glued.end():m.end() + glued.end() + 1].isdigit():
            return True  # "Zircon 3M22", "9M723 missiles", "2S19 howitzers": a code of capitals and digits
        return letters not in words["model_numbers.units"] and not _patterns()["measure"].match(fig.after)
    return _AFTER_A_COUNT.search(fig.before) is not None and _model_name_after(fig) and not _counts_after(fig)


def _model_name_after(fig: _Figure) -> bool:
    """A capitalised word right after the number that is no nationality ('737 Max', '787 Dreamliner')."""
    name = re.match(r"\s+([A-Z][\w-]*)", fig.after)
    return name is not None and name.group(1).lower() not in _demonyms()


@lru_cache(maxsize=1)
def _model_determiner() -> re.Pattern[str]:
    """'the 777', 'its popular 737': a determiner right before the number, or before one word before it."""
    words = alternation(sorted(_figure_rule_words()["model_numbers.determiners"]))
    return re.compile(r"\b(?:" + words + r")\s+(?:[\w-]+\s+)?$", re.I)


def _counted(doc: NlpDoc, fig: _Figure) -> tuple[str | None, str | None]:
    """The noun phrase the figure counts and its lexicon; a thing that people or troops words describe is the thing
    counted ('5 civilian vehicles': figures.yaml people_words_describing_things); shots a goalkeeper stopped are
    saves, no munitions (figures.yaml saves_are_no_munitions)."""
    subject, head_kind = _subject(fig.after)
    if head_kind in ("people", "troops"):
        described = _described_thing(doc, fig.num_start)
        if described is not None:
            return described
    if head_kind in ("troops", "munitions"):
        shared = _things_sharing_the_number(doc, fig.num_start)
        if shared is not None:
            return shared, "things"
    if head_kind == "munitions" and _craft_out_of_war(fig, subject):
        return subject, None
    noun = (subject or "").split()[:1]
    words = _figure_rule_words()
    if head_kind != "munitions" or not noun or noun[0].lower() not in words["saves_are_no_munitions.words"]:
        return subject, head_kind
    verb = re.search(r"(\w+)\s*$", fig.before)  # the word before the number, read only for a noun the rule lists
    saved = verb is not None and verb.group(1).lower() in words["saves_are_no_munitions.verbs"]
    return subject, None if saved else head_kind


def _described_thing(doc: NlpDoc, num_start: int) -> tuple[str, str | None] | None:
    """'destroyed 5 civilian vehicles', 'struck 13 enemy personnel and equipment clusters': a word of people or
    troops before the noun the parse makes the number count describes that noun, which is counted; the noun's
    own lexicon (things) or none is the figure's, so a verb of losing or destroying makes no toll of it
    (figures.yaml people_words_describing_things). A noun that is people, troops or a toll ('civilian
    casualties') keeps the count of people."""
    tok = _token_at(doc, num_start)
    if tok is None or tok.dep_ != "nummod" or tok.head.i <= tok.i or tok.head.pos_ != "NOUN":
        return None
    noun, pats = _compound_head(tok.head), _patterns()
    if _noun_of_its_own_kind(noun):
        return None
    between = doc.tokens[tok.i + 1:noun.i]
    if not any(pats[k].fullmatch(t.lower_) for k in ("people", "troops") for t in between):
        return None
    subject = doc.body[between[0].idx:noun.idx + len(noun.text)]
    return subject, "things" if pats["things"].fullmatch(noun.lower_) else None


def _things_sharing_the_number(doc: NlpDoc, num_start: int) -> str | None:
    """'struck 13 personnel and military equipment clusters', 'launched 190 missiles and drone strikes': the parse
    hangs the number on the first noun, but a noun of things joined to it with no number or determiner of its own
    heads what is counted (clusters, strikes), so the count is of those things, neither troops nor weapons
    (figures.yaml things_sharing_the_number). The phrase from the first noun to that head, or None."""
    tok = _token_at(doc, num_start)
    if tok is None or tok.dep_ != "nummod" or tok.head.i <= tok.i or tok.head.pos_ != "NOUN":
        return None
    first = tok.head
    for joined in first.children:
        if _joined_with_no_count(joined, first) and _a_thing(joined):
            return doc.body[first.idx:joined.idx + len(joined.text)]
    return None


def _joined_with_no_count(joined: Token, first: Token) -> bool:
    """A noun the parse joins after `first` ('and', 'or') with no number, determiner or possessor of its own: the
    number before `first` counts it too. A word joined to a noun is a noun, however the parse tags it (a headline's
    'strikes 13 enemy personnel and equipment clusters': 'clusters' tagged a verb)."""
    return joined.dep_ == "conj" and joined.pos_ in ("NOUN", "VERB") and joined.i > first.i \
        and not any(c.dep_ in ("nummod", "det", "nmod:poss") for c in joined.children)


def _a_thing(noun: Token) -> bool:
    """A noun of things (quantity_kinds.yaml things) with a modifier of its own, as the first noun is one ('personnel
    and equipment clusters'), that its modifiers do not make weapons, troops or people ('drone strikes'; not
    'armoured vehicles')."""
    pats = _patterns()
    said = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
    if not said or not any(pats["things"].fullmatch(w) for w in (noun.lower_, noun.lemma_.lower())):
        return False
    phrase = [t.lower_ for t in sorted(said, key=lambda t: t.i)] + [noun.lower_]
    return not any(pats[k].fullmatch(" ".join(phrase[i:])) for k in ("munitions", "troops", "people")
                   for i in range(len(phrase) - 1))


def _compound_head(noun: Token) -> Token:
    """The noun a run of nouns modifies ("7 enemy personnel concentration areas": personnel -> areas)."""
    while noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.pos_ == "NOUN":
        noun = noun.head
    return noun


def _noun_of_its_own_kind(noun: Token) -> bool:
    """A noun, by its form or its lemma, of people, troops, munitions or a figure kind ('casualties', 'deaths'):
    the count is of it, whatever describes it."""
    pats = _patterns()
    return any(pats[k].fullmatch(w) for k in ("people", "troops", "munitions", *_KINDS)
               for w in (noun.lower_, noun.lemma_.lower()))


def _craft_out_of_war(fig: _Figure, subject: str | None) -> bool:
    """'Emirates had a fleet of 270 aircraft': craft that serve in war and peace alike (figures.yaml craft_of_war
    nouns) are weapons only in a sentence of war (its `war_words`: 'destroyed two aircraft', 'Six enemy planes are
    bombing'); elsewhere they are a count of kind other."""
    words = _figure_rule_words()
    if not subject or subject.split()[-1].lower() not in words["craft_of_war.nouns"]:
        return False
    return _war_words().search(f"{fig.before} {fig.after}") is None


@lru_cache(maxsize=1)
def _war_words() -> re.Pattern[str]:
    """Any word of figures.yaml craft_of_war war_words, as a whole word: a sentence of war."""
    return re.compile(r"\b(?:" + _alt(sorted(_figure_rule_words()["craft_of_war.war_words"])) + r")\b", re.I)


def _unit_after(fig: _Figure, gap: str = r"\s+") -> bool:
    """'50 mm of rain', '87 W': a unit of model_numbers after the number measures; with `gap` "" one written onto the
    number ('60fps', '512GB': figures.yaml units_written_on_measure)."""
    unit = re.match(gap + r"([^\W\d_]+)\b", fig.after)
    return unit is not None and unit.group(1).lower() in _figure_rule_words()["model_numbers.units"]


# "737 Max jet": a capitalised name that is no plural ("the 10 Democrats on stage"), then its noun
_MODEL_AND_NOUN = re.compile(r"\s+[A-Z][\w-]*(?<!s)\s+([a-z]+)\b")


def _model_and_its_noun(fig: _Figure) -> bool:
    """'its popular 737 Max jet' read from the words where the parse misses it: a model's capitalised name, then
    one thing (a noun that is no plural and no collective one)."""
    said = _MODEL_AND_NOUN.match(fig.after)
    if said is None or not _model_name_after(fig):
        return False
    noun = said.group(1)
    return not noun.endswith("s") and noun not in _figure_rule_words()["model_numbers.collective"] \
        and noun not in _NOT_NOUNS


def _one_thing_named(doc: NlpDoc, fig: _Figure, value: float, head_kind: str | None) -> bool:
    """'the 777 program', 'its popular 737 Max jet', 'the 100 yard freestyle': bare digits before one thing (a
    singular noun that is no collective one) name a model or an event, no count (figures.yaml model_numbers)."""
    if _no_model_number(fig, value, head_kind):
        return False
    if _model_and_its_noun(fig):
        return True
    return _before_one_thing(doc, fig)


def _no_model_number(fig: _Figure, value: float, head_kind: str | None) -> bool:
    """A figure that cannot be a model's number (a counted noun, a fraction or one, a range, a currency, percent or
    unit, no determiner before it), apart from `_one_thing_named` so that each stays short."""
    m = fig.m
    return bool(head_kind or value <= 1 or not (m["num"] or "").isdigit() or fig.rng is not None
                or any(m[g] for g in ("cur", "curword", "pct", "qual", "mult", "scale", "abbr"))
                or _patterns()["measure"].match(fig.after) or _unit_after(fig)
                or not _model_determiner().search(fig.before)
                or re.match(r"[^\W\d_]", fig.after))  # "a 60W port": a unit written onto it (model_numbers units)


def _before_one_thing(doc: NlpDoc, fig: _Figure) -> bool:
    """The figure's token modifies, within three steps, a singular noun that is no collective one ("the embattled 737
    Max jet"): the thing it names a model of."""
    tok = _token_at(doc, fig.num_start)
    noun = tok
    for _ in range(3):  # "the embattled 737 Max jet": 737 -> embattled -> jet
        if noun is None or noun.dep_ not in ("nummod", "compound", "flat", "amod") or noun.head.i <= noun.i:
            return False
        noun = noun.head
        if noun.pos_ in ("NOUN", "PROPN"):
            break
    return noun is not None and noun.tag_ in ("NN", "NNP") \
        and noun.lower_ not in _figure_rule_words()["model_numbers.collective"]


def _age_or_name(fig: _Figure) -> bool:
    """'a 19-year-old', '20 years old' (an age), 'the Six-Day War' (a name): units of time that count no duration."""
    said = _patterns()["duration"].match(fig.after)
    return said is not None and bool(said["old"] or said["unit"][0].isupper())


def _duration(scan: _Scan, fig: _Figure, value: float) -> Quantity | None:
    """'for nearly four decades', 'two days of talks', 'seven days later': a number of units of time, kind
    other, its unit the unit of time (figures.yaml: durations); 'one' alone and a guess ('two or three
    days') count nothing."""
    said = _patterns()["duration"].match(fig.after)
    assert said is not None
    if (fig.m["num"] or "").lower() in _ONES and not fig.m["half"] or (
            fig.rng is not None and fig.rng["conn"].lower() in _range_words()["guess_words"]):
        return None
    if _PATTERN("partitive_the").search(fig.before):
        return None  # "in each of the two years": the years told before (figures.yaml definite_toll)
    unit = str(lexicon()["durations"][said["unit"].lower()])
    return Quantity(text=scan.doc.body[fig.start:fig.end], start=fig.start, end=fig.end, value=value, unit=unit,
                    kind="other", subject=unit, approx=_approx(fig), claimed_by=_claimed_by(scan, fig))


def _unit(doc: NlpDoc, fig: _Figure, head_kind: str | None, measured: re.Match[str] | None) -> str | None:
    """A currency, 'percent', what the counted noun is (people, troops, munitions) or a measure."""
    m, lex = fig.m, lexicon()
    cur = m["cur"] or m["curword"] or _range_currency(doc, fig)
    if cur and _weighed_in_pounds(fig):
        return "lb"  # "he clocked in at 243 pounds": a weight (figures.yaml: pounds_weighed)
    if cur:
        return cast("str | None", lex["currencies"].get(cur.lower()) or _currency_letters().get(cur))
    if m["pct"]:
        return "percent"
    if head_kind in ("troops", "people", "munitions"):
        return head_kind
    if measured is not None:
        return cast(str, lex["measures"][re.sub(r"\s+", " ", measured["measure"].lower())])
    return None


def _range_currency(doc: NlpDoc, fig: _Figure) -> str | None:
    """'$40-50 billion': the currency written before a range's first bound is the whole range's
    (figures.yaml: ranges_are_two_figures); the last word before it is the Doc's, as spaces part them."""
    if fig.rng is None:
        return None
    lead = spaced_words(doc.tokens, fig.rng.start(), fig.rng.start("a"))
    return lead[-1] if lead and lead[-1].lower() in lexicon()["currencies"] else None


@dataclass
class _Before:
    """The figure before this one in its sentence, whether this one shares its verb and noun, and the
    words between them that may hold this figure's kind."""

    prev: Quantity | None
    coordinated: bool
    near_before: str


def _previous(scan: _Scan, fig: _Figure) -> _Before:
    prevs = [q for q in scan.out if fig.s_start <= q.start < fig.start]
    prev = prevs[-1] if prevs else None
    between = scan.doc.body[prev.end:fig.start] if prev else ""
    coordinated = prev is not None and len(between) < 100 and (bool(_COORDINATED.search(between)) or bool(
        _PATTERN("to_between").fullmatch(between)))  # "rose from 20 to 35"
    near_before = fig.before[len(fig.before) - len(between):] if prev else fig.before
    stop = max((e for e in scan.stops if fig.s_start <= e <= fig.start), default=None)
    if stop is not None and (prev is None or stop > prev.end):
        near_before = scan.doc.body[stop:fig.start]
    return _Before(prev, coordinated, near_before)


def _found_kind(scan: _Scan, fig: _Figure, ctx: _Before, head_kind: str | None, unit: str | None,
                measured: re.Match[str] | None) -> str | None:
    """The kind the figure's own words give: a measure is 'other'; else its clause's words, then the
    verb or participle the parse says of its noun; a figure joined to a toll with a verb of its own that gives no
    kind is 'other' (figures.yaml predicate_of_its_own)."""
    m = fig.m
    if measured is not None or _unit_after(fig, gap="") or unit in _measure_units():
        return "other"  # "a 1,250-kilometre front", "a solid 60fps", "weighed 243 pounds" measure, they do not count
    cur = _currency_of(scan, fig)
    found = _worded_kind(scan, fig, ctx, head_kind, unit if cur else None)
    bare = found in (None, "other") and head_kind is None and not (cur or m["pct"])
    if bare and _toll_risen(scan.doc.body[fig.s_start:fig.start]):
        return "killed"
    return "other" if found is None and ctx.coordinated and _predicate_of_its_own(scan.doc, fig) else found


def _predicate_of_its_own(doc: NlpDoc, fig: _Figure) -> bool:
    """'Two soldiers were killed and three were taken captive': a figure joined to a toll that the parse makes the
    subject of a verb of its own, coordinated with the toll's and no toll itself, takes no kind from the toll
    before it ('24 civilians were killed and 121 wounded' has no verb of its own; figures.yaml
    predicate_of_its_own)."""
    tok = _token_at(doc, fig.num_start)
    if tok is None:
        return False
    noun = tok.head if tok.dep_ == "nummod" else tok
    verb = noun.head
    return noun.dep_ in ("nsubj", "nsubj:pass") and verb.pos_ == "VERB" and verb.dep_ == "conj" \
        and not _toll_or_kind_verb(verb)


def _toll_or_kind_verb(verb: Token) -> bool:
    """A verb that gives a figure its own kind ('were wounded', 'were abducted') or makes a toll of the people it
    loses or destroys (figures.yaml toll_of_people_only)."""
    return _word_kind(verb) is not None or bool(_patterns()["killed_of_people"].fullmatch(verb.lower_))


def _currency_of(scan: _Scan, fig: _Figure) -> str | None:
    """The currency the figure is written with, or the one its range's other end gives ('$40-50 billion')."""
    return fig.m["cur"] or fig.m["curword"] or _range_currency(scan.doc, fig)


def _worded_kind(scan: _Scan, fig: _Figure, ctx: _Before, head_kind: str | None, unit: str | None) -> str | None:
    """The kind its clause's words give, unless the verb or participle the parse says of its noun gives another
    (money, munitions, a percentage and things counted keep their words' kind); a toll word before a relative
    clause the counted noun is in is not the figure's (figures.yaml toll_of_another_clause)."""
    pct = bool(fig.m["pct"])
    found = _kind(ctx.near_before, fig.after, head_kind, unit, pct, ctx.prev is not None)
    if found in _TOLLS and _toll_of_another_clause(scan.doc, fig):
        found = _kind("", fig.after, head_kind, unit, pct, ctx.prev is not None) or "other"
    if found not in ("money", "munitions") and not pct and head_kind != "things" and not _toll_written_after(scan.doc, fig):
        found = _governed_kind(scan.doc, fig.num_start, head_kind in ("people", "troops")) or found
    return found


def _toll_of_another_clause(doc: NlpDoc, fig: _Figure) -> bool:
    """'Five people were killed when a missile hit a school that housed 300 students': the counted noun is the
    subject or object of the verb of a relative clause that is no toll, and the toll word before the figure lies
    outside that clause, so the toll is another clause's (figures.yaml toll_of_another_clause)."""
    tok = _token_at(doc, fig.num_start)
    if tok is None:
        return False
    noun = _counted_noun(tok)
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubj:pass", "obj") or verb.pos_ != "VERB" or verb.dep_ != "acl:relcl" \
            or _toll_or_kind_verb(verb):
        return False
    clause = min(t.idx for t in verb.subtree)
    if not fig.s_start < clause <= fig.start:
        return False
    return _nearest_toll(doc.body[fig.s_start:clause], "") is not None and _nearest_toll(doc.body[clause:fig.start], "") is None


def _toll_written_after(doc: NlpDoc, fig: _Figure) -> bool:
    """'Two killed 3 wounded in Russian strike': a toll word right after the number, modifying no noun after it, is
    the number's own, as a headline writes a toll; the parse, reading '3' as what was killed, does not override it
    (figures.yaml headline_tolls). 'killed 3 wounded soldiers' counts soldiers the word only describes."""
    word = re.match(r"\s+([A-Za-z]+)\b", fig.after)
    if word is None or _nearest_toll("", word.group(1)) is None:
        return False
    tok = _token_at(doc, fig.end + word.start(1))
    return tok is None or tok.dep_ != "amod"


def _borrowed(fig: _Figure, ctx: _Before, found: str | None, subject: str | None, unit: str | None,
              head_kind: str | None) -> tuple[str, str | None, str | None]:
    """Kind, subject and unit, taken from the figure before when this one says nothing of its own."""
    kind = found or "other"
    prev = ctx.prev
    if prev is None:
        return kind, subject, unit
    if ctx.coordinated:
        kind, subject, unit = _coordinated_toll(fig, prev, found, subject, unit, head_kind)
    if kind != "other" or head_kind is not None or fig.m["pct"]:
        return kind, subject, unit
    if _scale(fig.m) and prev.kind == "money" and prev.unit:
        return "money", subject, prev.unit  # "640 billion dollars ... and 183 billion"
    if _patterns()["comparison"].search(fig.before):
        return prev.kind, subject or prev.subject, prev.unit  # "61 ..., compared to 50 in 2020"
    return kind, subject, unit


def _coordinated_toll(fig: _Figure, prev: Quantity, found: str | None, subject: str | None, unit: str | None,
                      head_kind: str | None) -> tuple[str, str | None, str | None]:
    """A figure joined to a toll shares its kind ("killed 13,000, including 5,500 children") and, with
    no noun of its own, its counted people ("24 civilians were killed and 121 wounded")."""
    kind = found or "other"
    if found is None and prev.kind in _TOLLS:
        kind = prev.kind
    cur = fig.m["cur"] or fig.m["curword"]
    if subject is None and head_kind is None and prev.unit in ("people", "troops") and kind in _TOLLS \
            and not fig.m["pct"] and not cur:
        return kind, prev.subject, prev.unit
    return kind, subject, unit


def _approx(fig: _Figure) -> str | None:
    """'more than' for a range (its lower bound), the qualifier's DESIGN.md name, 'about' for a vague count."""
    rng, m = fig.rng, fig.m
    qual = (rng["qual"] if rng is not None else None) or m["qual"]
    if rng is not None and (not qual or qual.lower() in _range_words()["between_words"]):
        return "more than"
    if qual:
        q = re.sub(r"\s+", " ", qual.lower())
        return cast(str, lexicon()["approx"].get(q, q))
    return "about" if m["vague"] else None


def _claimed_by(scan: _Scan, fig: _Figure) -> str | None:
    """The maker a claim that holds the figure names ("the $40 billion in purchases touted by Trump"), else the
    speaker of the quote whose cue is nearest the figure ("The ministry says 39,900 died ..., killing 1,200,
    according to Israeli tallies" gives 39,900 to the ministry and 1,200 to the tallies), else the parse's
    claimant, else the sentence's attribution."""
    doc, start = scan.doc, fig.start
    maker = _maker_of_its_claim(doc, fig.num_start)
    if maker is not None:
        return _claimant(_phrase(doc, maker))
    holders = [q for q in doc.quotes if q.start <= start < q.end and q.speaker and q.speaker.name]
    if holders:
        nearest = min(holders, key=lambda q: _cue_distance(q, start))
        claimed = _claimant(nearest.speaker.name)  # type: ignore[union-attr]
        if claimed is not None:
            return claimed
    source = _parsed_source(doc, fig.num_start)
    return next((c for c in (_claimant(_parsed_claimant(doc, source)), _speaker_of_the_pronoun(doc, source, fig.s_end),
                             _claimant(_attribution(doc, fig.s_start, fig.s_end, start - fig.s_start,
                                                    _token_at(doc, fig.num_start)))) if c), None) \
        or _paragraph_speaker(scan, fig)


def _paragraph_speaker(scan: _Scan, fig: _Figure) -> str | None:
    """The speaker of the sentences on both sides of the figure's, in its paragraph, when its own sentence names no
    one ('Kravchenko said ... However, 13 houses were damaged. "The debris fell outside," he added.'): a sentence told
    between two of one speaker's, with no source of its own, goes on telling theirs (figures.yaml
    claimant_of_the_paragraph)."""
    at = bisect_right(scan.starts, fig.start) - 1
    if at < 1 or at + 1 >= len(scan.sentences):
        return None
    body = scan.doc.body
    before, after = scan.sentences[at - 1], scan.sentences[at + 1]
    if "\n" in body[before[0]:after[1]].strip() or _names_someone(scan.doc, scan.sentences[at]):
        return None
    first, second = _speakers_within(scan.doc, before), _speakers_within(scan.doc, after)
    return first[-1] if first and second and first[-1] == second[0] else None


def _names_someone(doc: NlpDoc, sentence: tuple[int, int]) -> bool:
    """Does the sentence name a person or body of its own: a capitalised word after its first?"""
    span = doc.tokens.char_span(sentence[0], sentence[1], alignment_mode="expand")
    return span is None or any(t.is_alpha and t.text[:1].isupper() and t.i > span.start for t in span)


def _speakers_within(doc: NlpDoc, sentence: tuple[int, int]) -> list[str]:
    """The claimants of the quotes told in a sentence, in order."""
    names = [_claimant(q.speaker.name) for q in doc.quotes
             if q.start < sentence[1] and sentence[0] < q.end and q.speaker and q.speaker.name]
    return [n for n in names if n]


def _one_person(fig: _Figure, head_kind: str | None, kind: str, found: str | None) -> bool:
    """'one man told reporters', 'One commander of the troops said' is a person, not a count; 'detained one
    man' counts one (figures.yaml: one_person_counted)."""
    if _part_of_a_count().search(fig.before):
        return False  # "detained 12 protesters, including one woman": one of a count told before
    return (fig.m["num"] or "").lower() in _ONES and (head_kind, kind, found) in \
        (("people", "other", None), ("troops", "troops", None), ("troops", "troops", "troops"))


def _one_of_a_count(fig: _Figure, kind: str) -> bool:
    """'one of three journalists detained', 'one of 12 candidates': a member of a group the next number counts,
    no count of its own unless its clause makes it a toll ('killed one of the 12 hostages'; figures.yaml
    one_of_a_count)."""
    return (fig.m["num"] or "").lower() in _ONES and kind == "other" and _PATTERN("one_of_a_number").match(fig.after) is not None


@lru_cache(maxsize=1)
def _part_of_a_count() -> re.Pattern[str]:
    words = alternation(sorted(_figure_rule_words()["one_person_counted.part_words"]))
    return re.compile(r"\d[^.;:]*,\s*(?:" + words + r")\s+$", re.I)


def _counts_nothing(doc: NlpDoc, fig: _Figure, value: float, head_kind: str | None) -> bool:
    """A number read in its sentence that counts nothing: a guess, a name, an age, a rank, a reference back."""
    return _no_count(fig, value, head_kind) or (_is_name_number(fig, head_kind) and not _counted_by_the_verb_before(doc, fig)) \
        or _model_of_weapons(fig, head_kind) \
        or _is_age_after_name(fig) or _one_of_a_superlative(doc, fig) or _definite_reference(doc, fig, head_kind) \
        or _one_thing_named(doc, fig, value, head_kind) or _measured_name(fig) or _code_or_citation(fig) \
        or _a_point_at(doc, fig) or _age_predicated(doc, fig)


@lru_cache(maxsize=1)
def _age_max_digits() -> int:
    """figures.yaml age_predicated_of_a_person `max_digits`, read once: `_age_predicated` asks it for every figure."""
    return int(read_yaml(DEFAULT_LANGUAGE, "figures.yaml")["figure_rules"]["age_predicated_of_a_person"]["max_digits"])


def _age_predicated(doc: NlpDoc, fig: _Figure) -> bool:
    """'John Smith, who lives in Dayton and is 39', 'Abu Obeida was 45': a bare number the parse makes what one person
    is (the predicate of 'be' whose subject is a name, 'he' or 'she', or a singular noun only a person can be) is an
    age: one person counts as one, so no other count can be said of them (figures.yaml age_predicated_of_a_person)."""
    m = fig.m
    num = m["num"] or ""
    if not num.isdigit() or len(num) > _age_max_digits() or fig.rng is not None or \
            any(m[g] for g in ("cur", "curword", "pct", "scale", "mult", "abbr")):
        return False
    tok = _token_at(doc, fig.num_start)
    if tok is None or not any(c.dep_ == "cop" for c in tok.children):
        return False
    subject = _subject_of_the_clause(tok)
    return subject is not None and _a_single_person(doc, subject)


def _subject_of_the_clause(tok: Token) -> Token | None:
    """The subject of the clause a predicate heads: its own, else that of the clause it is joined to ('who lives in
    Dayton and is 39', the second conjunct's head misread as 'Dayton'); a relative pronoun stands for its antecedent."""
    node = tok
    for _ in range(3):
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        if subject is not None:
            relative = subject.tag_ in ("WP", "WDT") and node.dep_ == "acl:relcl"
            return node.head if relative else subject
        if node.dep_ not in ("conj", "obl", "obj") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _a_single_person(doc: NlpDoc, tok: Token) -> bool:
    """A name the entities read as a person's, 'he', 'she' or 'I', or a singular noun only a person can be (quotes.yaml
    person_nouns, people.yaml gendered_roles, figures.yaml age_predicated_of_a_person nouns)."""
    if tok.lower_ in _figure_rule_words()["age_predicated_of_a_person.pronouns"]:
        return True
    if tok.tag_ == "NNP":
        first = min([tok, *(c for c in tok.children if c.dep_ in ("flat", "compound") and c.tag_ == "NNP")],
                    key=lambda t: t.i)  # "John Smith": a given name opening the name makes it a person's too
        return fold(first.text) in gazetteer().first_names or \
            any(e.type == "PERSON" and e.start <= tok.idx < e.end for e in doc.entities)
    return tok.tag_ == "NN" and tok.lower_ in _person_nouns()


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    """Singular nouns only a person can be, from the three lists `_a_single_person` names, joined once."""
    return (frozenset(quoting().person_nouns) | frozenset(people().gendered_roles)
            | _figure_rule_words()["age_predicated_of_a_person.nouns"])


def _counted_by_the_verb_before(doc: NlpDoc, fig: _Figure) -> bool:
    """'Add 2 cups of flour', 'Buy 3 tickets': the capitalised word before the number is a verb the parse reads, an
    imperative opening its sentence, whose object the number counts, no name (figures.yaml name_numbers)."""
    tok = _token_at(doc, fig.num_start)
    if tok is None or tok.i == 0 or tok.dep_ != "nummod":
        return False
    verb = doc.tokens[tok.i - 1]
    return verb.pos_ == "VERB" and tok.head.dep_ == "obj" and tok.head.head.i == verb.i


def _a_point_at(doc: NlpDoc, fig: _Figure) -> bool:
    """'Medicare kicks in at 65,', 'We recommend at 100%': a bare number or share after 'at', nothing counted after it,
    that says when or how much of what a verb does is a point (an age, a degree), no count; a verb of a level
    ('stood at 65', 'closed at 3,100') or a noun it is said of ('inflation at 2%') makes it a figure (figures.yaml
    points_at)."""
    if not _bare_after_at(fig):
        return False
    node = _token_at(doc, fig.num_start)
    if node is not None and node.dep_ == "nummod" and fig.m["pct"]:
        node = node.head  # "100 %": the sign carries the share's place in the clause
    if node is None or node.dep_ != "obl" or any(c.dep_.startswith("nsubj") for c in node.children):
        return False
    verb = node.head
    return verb.pos_ == "VERB" and not is_verb_of(verb, _figure_rule_words()["points_at.level_verbs"]) \
        and _nearest_toll(fig.before, "") is None


def _bare_after_at(fig: _Figure) -> bool:
    """A number right after 'at' with no qualifier, currency, scale, unit or range, its clause ending after it ('kicks
    in at 65,'): what `_a_point_at` asks the parse about (figures.yaml points_at)."""
    m = fig.m
    return not (m["qual"] or m["cur"] or m["curword"] or m["scale"] or m["abbr"]) and fig.rng is None \
        and _PATTERN("point_at").search(fig.before) is not None and _PATTERN("clause_end_after").match(fig.after) is not None


def _code_or_citation(fig: _Figure) -> bool:
    """'a 401(k)', '501(c)(3)': a number with a letter in brackets written onto it names a code; 'peptide 1 (GLP-1)': a
    number its abbreviation in brackets ends with is part of a name; '2015; 28: 685-690': the volume of a journal
    between its year and its pages (figures.yaml codes_and_citations)."""
    short = _PATTERN("abbreviated_after").match(fig.after)
    return _PATTERN("code_letter").match(fig.after) is not None or (short is not None and short["digits"] == fig.m["num"]) \
        or (_PATTERN("citation_year").search(fig.before) is not None and _PATTERN("citation_pages").match(fig.after) is not None)


def _measured_name(fig: _Figure) -> bool:
    """'the 16-inch MacBook Pro', 'a 12.9-inch iPad Pro': a measure written onto the number before a capitalised
    name that is no nationality is part of a product's model's name, no figure (figures.yaml measured_names);
    'an 8-inch touchscreen', 'a 600-mile Ukrainian front line' measure; so is a unit written onto it before a name that
    runs to the phrase's end with two words in title case ('a $29 72W USB-C PD Car Charger is'), where a noun in lower
    case after it ('a 60W USB-C port', 'an 87W Thunderbolt 3 dock') is measured."""
    said = _PATTERN("measured_name").match(fig.after)
    if said is None or said["word"] is not None:
        return said is not None and said["word"].lower() not in _demonyms()
    titled = [w for w in said["run"].split() if re.match(r"[A-Z][a-z]", w) and w.lower() not in _demonyms()]
    return said["unit"].lower() in _figure_rule_words()["model_numbers.units"] and len(titled) >= 2


def _quantity(scan: _Scan, fig: _Figure) -> Quantity | None:
    """The figure as a record, or None when its number counts nothing."""
    value = _value(fig)
    if value is None or _is_conversion(scan.doc.body, fig.start, scan.out):
        return None  # "1,150kg (2,535 pounds)": the same weight again, not money
    if fig.m["abbr"] and not fig.m["cur"] and not _scale(fig.m):
        return None  # "Su-24M", "5K": a letter that scales only a sum, or people ('5.3M refugees')
    if _patterns()["duration"].match(fig.after) and not (fig.m["cur"] or fig.m["pct"]):
        return _duration(scan, fig, value)
    subject, head_kind = _counted(scan.doc, fig)
    if _counts_nothing(scan.doc, fig, value, head_kind):
        return None
    measured = _patterns()["measure"].match(fig.after) if not (fig.m["cur"] or fig.m["pct"]) else None
    unit = _unit(scan.doc, fig, head_kind, measured)
    ctx = _previous(scan, fig)
    found = _found_kind(scan, fig, ctx, head_kind, unit, measured)
    kind, subject, unit = _borrowed(fig, ctx, found, subject, unit, head_kind)
    kind, unit = _armed_force_kind(scan.doc, fig, kind, found, unit)
    if _one_person(fig, head_kind, kind, found) or _one_of_a_count(fig, kind):
        return None
    value = _dot_thousands(fig, value, kind, head_kind)  # type: ignore[assignment]
    if value is None:
        return None
    if kind != "money" and (_money_in_brackets().match(fig.after) or _exchange_rate(fig)):
        kind = "money"  # "Sh. 10 trillion ($2.7 billion)": a sum in a currency not listed, converted; "100 to the dollar"
    return Quantity(text=scan.doc.body[fig.start:fig.end], start=fig.start, end=fig.end, value=value, unit=unit,
                    kind=cast(QuantityKind, kind), subject=subject, approx=_approx(fig),
                    claimed_by=_claimed_by(scan, fig))


@lru_cache(maxsize=1)
def _measure_units() -> frozenset[str]:
    return frozenset(lexicon()["measures"].values())


@lru_cache(maxsize=1)
def _weighing_words() -> re.Pattern[str]:
    words = alternation(sorted(_figure_rule_words()["pounds_weighed.weighing_words"]), space=r"\s+")
    return re.compile(r"\b(?:" + words + r")\s*$", re.I)


def _weighed_in_pounds(fig: _Figure) -> bool:
    """'he clocked in at 243 pounds', 'weighed about 600 pounds': pounds a word of weighing comes right before are a
    weight, no sum (figures.yaml: pounds_weighed)."""
    return fig.m["curword"] is not None and fig.m["curword"].lower().startswith("pound") \
        and bool(_weighing_words().search(fig.before))


@lru_cache(maxsize=1)
def _ordinal_count() -> re.Pattern[str]:
    """'the seventh time Russia has targeted Kyiv', 'the ninth since January': an ordinal that counts
    how often something happened (figures.yaml: ordinal_counts)."""
    # "a 6th fatality", "the sixth victim": the toll so far, counted by its last (ordinal_counts toll_nouns)
    return _PATTERN("ordinal_count")


def _ordinal_counts(scan: _Scan) -> list[Quantity]:
    """The counts said by an ordinal, from the second on ('the first time' counts no series)."""
    out = []
    for m in _ordinal_count().finditer(scan.doc.body):
        g = "num" if m["num"] else "tnum"
        value = ordinal_to_number(re.sub(r"[\s-]+", " ", m[g]))
        if value is None or value < 2 or any(s < m.end(g) and m.start(g) < e for s, e in scan.blocked):
            continue
        s_start, s_end = _sentence_of(scan.sentences, m.start(g), scan.doc.body, scan.starts)
        fig = _Figure(m, m.start(g), m.end(g), m.start(g), None, s_start, s_end, "", "")
        # "A soldier was killed, the ninth since January": the toll word just before says what is counted;
        # "the sixth victim of a strike" that "died": a toll noun takes the toll of its sentence
        toll = _nearest_toll(scan.doc.body[max(s_start, m.start() - 60):m.start()], "")
        if toll not in _TOLLS and g == "tnum":
            toll = _nearest_toll(scan.doc.body[max(s_start, m.start() - 120):m.start()], scan.doc.body[m.end(g):s_end])
        kind = toll if toll in _TOLLS else "other"
        out.append(Quantity(text=m[g], start=m.start(g), end=m.end(g), value=float(value),
                            kind=cast(QuantityKind, kind), claimed_by=_claimed_by(scan, fig)))
    return out


@lru_cache(maxsize=1)
def figure_matches(text: str) -> tuple[re.Match[str], ...]:
    """The figure pattern's matches in a body, found once: the parse's scope (parse_scope) reads them first to parse
    their sentences, then the figure reader, on the same body (a pass of a 6,000-character pattern over the text)."""
    return tuple(_patterns()["figure"].finditer(text))


def extract_quantities(doc: NlpDoc) -> list[Quantity]:
    scan = _new_scan(doc)
    for m in figure_matches(doc.body):
        fig = _placed(scan, m)
        if fig is None or _skipped(scan, fig):
            continue
        quantity = _quantity(scan, fig)
        if quantity is not None:
            scan.out.append(quantity)
            if fig.rng is not None:
                scan.out[-1] = _lower_bound(fig, quantity)
                scan.out.append(_upper_bound(fig, quantity))
    return sorted([*scan.out, *_ordinal_counts(scan)], key=lambda q: q.start)


def _lower_bound(fig: _Figure, whole: Quantity) -> Quantity:
    """The first figure of a range ('between 31'), with what the range says of both."""
    rng = fig.rng
    assert rng is not None
    end = rng.end("ascale") if rng["ascale"] else rng.end("a")
    return whole.model_copy(update={"text": rng.string[whole.start:end], "end": end})


def _upper_bound(fig: _Figure, lower: Quantity) -> Quantity:
    """'between 31 and 42 deaths', '69 to 80 incidents': a range gives two figures, its lower bound
    ('more than') and its upper bound ('up to'), as an analyst writes both down."""
    m = fig.m
    value = parse_number(re.sub(r"(?<=[a-z])[\s-]+(?=[a-z])", " ", m["num"], flags=re.I)) or 0.0
    if m["mult"]:
        value *= float(lexicon()["multipliers"][m["mult"].lower()])
    scale = _scale(m)
    if scale:
        value *= _scale_of(scale)
    return lower.model_copy(update={"text": m.group(0)[m.start("num") - m.start():], "start": m.start("num"),
                                    "end": m.end(), "value": value, "approx": "up to"})
