"""Line features for the text-dump cleaner: cheap, per line and per page, one pass each.

A raw page dump is a sequence of lines: article paragraphs among navigation lists, captions, teasers,
forms and footers. Each line gets a few numbers (length, punctuation, function-word share, marker
phrases, repetition on the page, how prose-like its neighbours are) that a small logistic model turns
into the chance that the line belongs to the article. The marker lists live in
resources/lang/en/boilerplate.yaml (the language's page furniture) and the model's weights in resources/boilerplate_model.json.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from flashpoint.nlp.language import lexicon

_WORD = re.compile(r"\w+", re.UNICODE)
_TERMINAL = re.compile(r"[.!?…。！？][\"'”’»)\]]*$|[\"”»]$")
_SEPARATORS = re.compile(r"[|•·»›«‹/\\]|\s[-–—]\s")
_LEADING_MARK = re.compile(r"^[\u00a0\u2022\u00b7*►▶»›>|-]")
# "\S@" finds what "\S+@" would (only whether there is a match counts), without re-reading each word
_LINKISH = re.compile(r"https?://|www\.|\S@\S+\.\w+|(^|\s)@\w+|\.(com|org|net)\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_WIDE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")  # scripts written without spaces
_OPENS_QUOTE = re.compile(r"^[\"“‘'«„]")
# a line that is only a parenthesised name or two: a wire credit "(Agency)" or "(Outlet with AFP, Reuters)"
_PAREN_CREDIT = re.compile(r"\(\s*[^()\d.!?]{2,80}\)")
_LIST_MARK = re.compile(r"^(\d{1,3}[a-z]{0,2}[.):]?\s|[-*•–]\s|\(\w\)\s|[a-z][.)]\s)", re.IGNORECASE)
_STRIP_MARKS = re.compile(r"^[\s•·*►▶»›>|–—-]+|[\s|:•·»›–—-]+$")

FEATURES: tuple[str, ...] = (
    "log_words", "log_chars", "one_word", "long", "terminal", "punct_rate", "stop_rate", "cap_rate",
    "digit_rate", "marker", "label", "date_only", "credit", "leading_mark", "separators", "linkish",
    "ends_colon", "all_caps", "opens_quote", "repeated", "position", "position_sq", "first_line",
    "prev_prose", "next_prose", "near_prose", "wide_prose", "prev_marked", "next_marked",
    "near_words", "wide_words", "page_share", "list_mark", "prev_colon", "same_start", "below_title",
    "title_gap",
)
# the second stage sees the first stage's answers around each line
STAGE2: tuple[str, ...] = (
    "logit", "p_prev", "p_next", "p_near", "p_wide", "in_block", "block_gap", "hard", "log_words", "terminal",
)


@dataclass(frozen=True)
class Markers:
    starts: re.Pattern[str]
    whole: re.Pattern[str]
    date: re.Pattern[str]
    credit: re.Pattern[str]
    trailing: re.Pattern[str]
    end: re.Pattern[str]
    stopwords: frozenset[str]
    inline_ad: re.Pattern[str]


@lru_cache(maxsize=1)
def markers() -> Markers:
    """The boilerplate marker lists (resources/lang/<code>/boilerplate.yaml, read through the checked loader: the
    words of page furniture are a language's), compiled once per process."""
    data = lexicon("boilerplate.yaml")
    flags = re.IGNORECASE | re.UNICODE
    return Markers(
        starts=re.compile("|".join(f"(?:{p})" for p in data["line_starts"]), flags),
        whole=re.compile("|".join(f"(?:{p})" for p in data["whole_lines"]), flags),
        date=re.compile(data["date_line"], flags),
        credit=re.compile(data["credit_end"], flags),
        trailing=re.compile(data["trailing_link"], flags),
        end=re.compile("|".join(f"(?:{p})" for p in data["end_of_article"]), flags),
        stopwords=frozenset(str(w).lower() for w in data["stopwords"]),
        inline_ad=re.compile(data["inline_ad"], flags),
    )


@dataclass(frozen=True)
class LineModel:
    weights: tuple[float, ...]
    bias: float
    threshold: float = 0.5
    weights2: tuple[float, ...] = ()  # the second stage; empty: one stage only
    bias2: float = 0.0


@lru_cache(maxsize=1)
def line_model() -> LineModel:
    """The logistic line model's weights (fitted offline, see benchmarks/fit_clean_model.py)."""
    text = resources.files("flashpoint.resources").joinpath("boilerplate_model.json").read_text(encoding="utf-8")
    data = json.loads(text)
    if tuple(data["features"]) != FEATURES or tuple(data.get("stage2", {}).get("features", STAGE2)) != STAGE2:
        raise ValueError("boilerplate_model.json was fitted on other features: refit it")
    stage2 = data.get("stage2") or {}
    return LineModel(tuple(float(w) for w in data["weights"]), float(data["bias"]),
                     float(data.get("threshold", 0.5)), tuple(float(w) for w in stage2.get("weights", ())),
                     float(stage2.get("bias", 0.0)))


# Invisible characters that only split a word for the tokenisers ("Volodymyr \u200cZelenskiy" on wire copy):
# zero-width space, word joiner, byte-order mark and soft hyphen always; the zero-width (non-)joiner where it
# touches a space, an ASCII character or a line end (inside Persian or Indic words it shapes the letters).
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad]|[\u200c\u200d](?=[\s\x00-\x7f]|$)|(?:^|(?<=[\s\x00-\x7f]))[\u200c\u200d]")


def normalise(line: str) -> str:
    """No-break and other odd spaces to plain spaces, invisible word-splitters dropped, runs folded,
    ends trimmed; quotes untouched."""
    return " ".join(_INVISIBLE.sub("", line.replace("\u00a0", " ")).split())


@dataclass
class Line:
    raw: str  # the raw line, stripped (what `removed` reports)
    text: str  # normalised
    words: int
    marked: bool  # a boilerplate marker phrase: comment form, teaser, share bar, credit, dateline
    label: bool  # a bare navigation label, byline or "map of ..." caption
    date_only: bool
    credit: bool
    prose: bool  # long enough and ends like a sentence
    ends_article: bool  # comments, share bar or author box begin here
    local: list[float]


def describe(raw: str, normalised: str | None = None) -> Line:
    """Per-line features that need no context (`normalised`: normalise(raw), if already known)."""
    m = markers()
    text = m.trailing.sub("", normalise(raw) if normalised is None else normalised)
    tokens = _WORD.findall(text)
    n = _word_count(text, tokens)
    core = _STRIP_MARKS.sub("", text)
    marked, label, date_only, credit = _marker_flags(m, text, core, n)
    terminal = bool(_TERMINAL.search(text[-6:]))
    local = _shape_features(m, text, tokens, n, terminal) + _mark_features(raw, text, marked, label, date_only, credit)
    ends = n <= 15 and bool(m.end.fullmatch(core))
    return Line(raw=raw.strip(), text=text, words=n, marked=marked, label=label, date_only=date_only,
                credit=credit, prose=n >= 8 and terminal and not marked, ends_article=ends, local=local)


def _word_count(text: str, tokens: list[str]) -> int:
    """The line's words; a CJK run is one \\w+ token, so it counts about a word per two characters."""
    wide = 0 if text.isascii() else len(_WIDE.findall(text))
    return len(tokens) + wide // 2


def _marker_flags(m: Markers, text: str, core: str, n: int) -> tuple[bool, bool, bool, bool]:
    """Marker line, navigation label, bare date, credit. The cheap conditions first: a long paragraph
    is no marker line, and its patterns are not tried."""
    marked = n <= 30 and bool(m.starts.match(core))
    label = bool(m.whole.fullmatch(core.rstrip(".!"))) if n <= 12 else False
    date_only = bool(m.date.fullmatch(core.rstrip("."))) if n <= 12 else False
    credit = (("©" in text or n <= 40) and bool(m.credit.search(text[-100:]))  # a credit ends its line
              or (n <= 10 and bool(_PAREN_CREDIT.fullmatch(text))))
    return marked, label, date_only, credit


def _shape_features(m: Markers, text: str, tokens: list[str], n: int, terminal: bool) -> list[float]:
    """Length, ending, punctuation, function words, capitals and digits: FEATURES log_words to digit_rate."""
    chars = len(text)
    stop = sum(map(m.stopwords.__contains__, _WORD.findall(text.lower())))
    caps = sum(1 for t in tokens if t[0].isupper())
    return [
        math.log1p(n),
        math.log1p(chars),
        1.0 if n <= 1 else 0.0,
        1.0 if n >= 15 else 0.0,
        1.0 if terminal else 0.0,
        min(1.0, (text.count(",") + text.count(";") + text.count(":")) / max(n, 1)),  # commas, semicolons, colons
        stop / n if n else 0.0,
        caps / n if n else 0.0,
        len(_DIGIT.findall(text)) / max(chars, 1),
    ]


def _mark_features(raw: str, text: str, marked: bool, label: bool, date_only: bool, credit: bool) -> list[float]:
    """Marker phrases and typography: FEATURES marker to opens_quote."""
    return [
        1.0 if marked else 0.0,
        1.0 if label else 0.0,
        1.0 if date_only else 0.0,
        1.0 if credit else 0.0,
        1.0 if _LEADING_MARK.match(raw) else 0.0,
        min(3.0, float(len(_SEPARATORS.findall(text)))),
        1.0 if _LINKISH.search(text) else 0.0,
        1.0 if text.endswith(":") else 0.0,
        1.0 if _all_caps(text) else 0.0,
        1.0 if _OPENS_QUOTE.match(text) else 0.0,
    ]


def _all_caps(text: str) -> bool:
    """A shouted line (a label, a kicker): more than three characters, with letters, none of them lowercase."""
    return len(text) > 3 and text.upper() == text and text.lower() != text


def split_lines(text: str) -> list[Line]:
    """The non-empty lines of a dump, described; a line the page repeats (menus, share bars,
    teasers) is described once. Lines are never changed after `describe`, so they can be shared."""
    seen: dict[str, Line | None] = {}
    out: list[Line] = []
    for raw in text.splitlines():
        if raw in seen:
            line = seen[raw]
        else:
            norm = normalise(raw) if raw.strip() else ""
            line = seen[raw] = describe(raw, norm) if norm else None
        if line is not None:
            out.append(line)
    return out


def page_features(lines: list[Line]) -> list[list[float]]:
    """Each line's local features plus its place on the page and its neighbourhood, in FEATURES order."""
    total = len(lines)
    counts = Counter(ln.text.lower() for ln in lines)
    prose, marked = _prose_and_marked(lines)
    # the share of prose lines around each line: window means, linear in the page length
    prose_near, prose_wide = _window_means(prose, 3), _window_means(prose, 10)
    logw = [ln.local[0] for ln in lines]
    near_w, wide_w = _window_means(logw, 3), _window_means(logw, 10)
    top = max(logw) if logw else 1.0
    same = _same_starts(lines)
    title = _title_echo(lines)
    below = total if title is None else title  # the lines after this one are under the echoed headline
    # padded by one at each end: line i's neighbours are at i and i + 2, 0.0 past the page's ends
    prose_pad, marked_pad = [0.0, *prose, 0.0], [0.0, *marked, 0.0]
    rows = []
    for i, ln in enumerate(lines):
        pos = i / max(total - 1, 1)
        rows.append(ln.local + [
            1.0 if counts[ln.text.lower()] > 1 else 0.0,
            pos,
            pos * pos,
            1.0 if i == 0 else 0.0,
            prose_pad[i],
            prose_pad[i + 2],
            prose_near[i],
            prose_wide[i],
            marked_pad[i],
            marked_pad[i + 2],
            near_w[i],
            wide_w[i],
            logw[i] / top if top > 0 else 0.0,
            1.0 if _LIST_MARK.match(ln.text) else 0.0,
            1.0 if i > 0 and lines[i - 1].text.endswith(":") else 0.0,
            same[i],
            1.0 if i > below else 0.0,
            math.log1p(i - below) if i > below else 0.0,
        ])
    return rows


def _prose_and_marked(lines: list[Line]) -> tuple[list[float], list[float]]:
    """Which lines are prose and which carry a marker or a label, as 1.0/0.0: the neighbourhood's evidence."""
    prose = [1.0 if ln.prose else 0.0 for ln in lines]
    marked = [1.0 if (ln.marked or ln.label) else 0.0 for ln in lines]
    return prose, marked


def _same_starts(lines: list[Line]) -> list[float]:
    """How many of each line's two neighbours start with its first word: a list's items start alike."""
    first = ["", *(m.group() if (m := _WORD.search(ln.text.lower())) else "" for ln in lines), ""]
    return [float((before != "" and before == word) + (after != "" and after == word))
            for before, word, after in zip(first[:-2], first[1:-1], first[2:], strict=True)]


def _title_echo(lines: list[Line]) -> int | None:
    """The first line after the top that repeats the page's first line (its <title>): the headline."""
    if not lines:
        return None
    head = lines[0].text.lower()
    for i in range(1, len(lines)):
        low = lines[i].text.lower()
        if lines[i].words >= 3 and not lines[i].prose and (low in head or head in low):
            return i
    return None


def hard_drop(ln: Line) -> bool:
    """Lines that marker phrases alone condemn: teasers, forms, credits, datelines, nav labels."""
    return ln.marked or ln.label or ln.date_only or ln.credit


def main_block(lines: list[Line], probs: list[float], threshold: float) -> tuple[int, int]:
    """The maximum-sum run of lines, each weighing its word count times its margin over the threshold."""
    best, best_span = float("-inf"), (0, -1)
    run, start = 0.0, 0
    for i, (ln, p) in enumerate(zip(lines, probs, strict=True)):
        # a marker line weighs little: an inline teaser must not split the article in two
        gain = -threshold * min(ln.words, 4) if hard_drop(ln) else (p - threshold) * max(1, ln.words)
        if run <= 0:
            run, start = gain, i
        else:
            run += gain
        if run > best:
            best, best_span = run, (start, i)
    return best_span


def _logistic(rows: list[list[float]], weights: tuple[float, ...], bias: float) -> list[float]:
    if not rows:
        return []
    z = np.clip(np.asarray(rows, dtype=float) @ np.asarray(weights, dtype=float) + bias, -30.0, 30.0)
    return [float(v) for v in 1.0 / (1.0 + np.exp(-z))]


def _window_means(values: list[float], radius: int) -> list[float]:
    """The mean of each value's neighbours within `radius` (itself left out), from prefix sums.
    On arrays, with the same float operations in the same order as a loop would do them
    (cumsum adds one value at a time), so the same numbers."""
    total = len(values)
    if not total:
        return []
    v = np.asarray(values, dtype=float)
    acc = np.concatenate(([0.0], np.cumsum(v)))
    idx = np.arange(total)
    lo, hi = np.maximum(0, idx - radius), np.minimum(total, idx + radius + 1)
    span = hi - lo - 1
    means = np.where(span > 0, (acc[hi] - acc[lo] - v) / np.maximum(span, 1), 0.0)
    return means.tolist()  # type: ignore[no-any-return]


def stage2_features(lines: list[Line], p1: list[float], threshold: float) -> list[list[float]]:
    """What the second stage sees, in STAGE2 order: the first stage's answers on and around each line."""
    total = len(lines)
    a, b = main_block(lines, p1, threshold)
    near, wide = _window_means(p1, 2), _window_means(p1, 8)
    rows = []
    for i, ln in enumerate(lines):
        p = min(max(p1[i], 1e-6), 1 - 1e-6)
        gap = 0 if a <= i <= b else (a - i if i < a else i - b)
        rows.append([
            math.log(p / (1 - p)),
            p1[i - 1] if i > 0 else 0.0,
            p1[i + 1] if i + 1 < total else 0.0,
            near[i],
            wide[i],
            1.0 if a <= i <= b else 0.0,
            math.log1p(gap),
            1.0 if hard_drop(ln) else 0.0,
            ln.local[0],
            ln.local[4],
        ])
    return rows


def stage1(lines: list[Line], model: LineModel) -> list[float]:
    return _logistic(page_features(lines), model.weights, model.bias)


def probabilities(lines: list[Line], model: LineModel | None = None) -> list[float]:
    """The chance that each line belongs to the article (both stages when the model has two)."""
    model = model or line_model()
    p1 = stage1(lines, model)
    if not model.weights2:
        return p1
    return _logistic(stage2_features(lines, p1, model.threshold), model.weights2, model.bias2)
