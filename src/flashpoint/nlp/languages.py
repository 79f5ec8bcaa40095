"""Which languages flashpoint analyses, and when a body is confidently in another one (resources/settings/languages.yaml).

The extractors' rules are English words and the shipped parser is trained on English: run on a Portuguese or Korean
body they give junk that looks like fact. A body whose detected language is not analysed is kept, with its
metadata, and gets no records but a warning naming its language.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from flashpoint.nlp.language import LANG_DIR, stopwords
from flashpoint.yamlio import load_yaml

SETTINGS = LANG_DIR.parent / "settings" / "languages.yaml"
MODELS_DIR = LANG_DIR.parent / "models"
# every byte but an ASCII letter: deleting them from a text's ASCII bytes leaves its ASCII letters, counted at C
# speed (a findall made a string of each of a body's thousands of letters)
_NOT_ASCII_LETTERS = bytes(b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122))
_NON_ASCII = re.compile(r"[^\x00-\x7f]")  # the letters among them are looked up one by one


@dataclass(frozen=True)
class Foreign:
    """How clear the evidence must be before a body is taken for another language (see the settings file)."""

    min_letters: int
    script_share: float
    min_hits: int
    hits_ratio: float


@dataclass(frozen=True)
class Stretch(Foreign):
    """How clear the evidence must be before a stretch of an analysed body (a sentence) is taken for another language
    (the settings' `foreign_sentence`): a body's evidence, and the function words a share of all its words, since a
    sentence is too short for their count alone to tell."""

    hits_share: float


@dataclass(frozen=True)
class LanguageSettings:
    """resources/settings/languages.yaml as read: which rule files make a language analysed, the parser, the
    evidence for another language, and the scripts and names that tell and name it."""

    analysis_files: tuple[str, ...]
    parser: str
    foreign: Foreign
    script_hint: float
    scripts: tuple[tuple[str, str], ...]
    names: dict[str, str]
    stretch: Stretch


def _number(block: dict[str, Any], key: str, kind: type) -> Any:
    """A threshold of the settings, refused unless a number of 0 or more (whole for `int`): a typo in the file should
    stop the run, not silently read every body as English."""
    value = block.get(key)
    if not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0 or (kind is int and value != int(value)):
        raise ValueError(f"{SETTINGS.name}: {key!r} must be a {'whole ' if kind is int else ''}number of 0 or more")
    return kind(value)


def _pairs(value: Any) -> tuple[tuple[str, str], ...]:
    """The settings' `scripts` list, checked: [SCRIPT, code] pairs in the order they are tried."""
    if not isinstance(value, list) or not all(isinstance(p, list) and len(p) == 2 and all(isinstance(s, str) and s for s in p)
                                              for p in value):
        raise ValueError(f"{SETTINGS.name}: 'scripts' must be a list of [SCRIPT, code] pairs")
    return tuple((s, c) for s, c in value)


@lru_cache(maxsize=1)
def settings() -> LanguageSettings:
    """resources/settings/languages.yaml, checked."""
    data = load_yaml(SETTINGS.read_text(encoding="utf-8"))
    files, block, names = data.get("analysis_files"), data.get("foreign"), data.get("names")
    if not isinstance(files, list) or not files or not all(isinstance(f, str) and f for f in files):
        raise ValueError(f"{SETTINGS.name}: 'analysis_files' must be a list of file names")
    if not isinstance(block, dict):
        raise ValueError(f"{SETTINGS.name}: 'foreign' must be a mapping")
    if not isinstance(names, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in names.items()):
        raise ValueError(f"{SETTINGS.name}: 'names' must map a code to a name")
    foreign = Foreign(_number(block, "min_letters", int), _number(block, "script_share", float),
                      _number(block, "min_hits", int), _number(block, "hits_ratio", float))
    return LanguageSettings(tuple(files), str(data.get("parser")), foreign,
                            _number(data, "script_hint", float), _pairs(data.get("scripts")), dict(names),
                            _stretch(data.get("foreign_sentence")))


def _stretch(block: Any) -> Stretch:
    """The settings' `foreign_sentence` block, checked."""
    if not isinstance(block, dict):
        raise ValueError(f"{SETTINGS.name}: 'foreign_sentence' must be a mapping")
    return Stretch(min_letters=_number(block, "min_letters", int), script_share=_number(block, "script_share", float),
                   min_hits=_number(block, "min_hits", int), hits_ratio=_number(block, "hits_ratio", float),
                   hits_share=_number(block, "hits_share", float))


def parser_dir() -> Path:
    """The shipped parser's folder (resources/models/<parser>)."""
    return MODELS_DIR / settings().parser


@lru_cache(maxsize=1)
def analysed_languages() -> frozenset[str]:
    """The languages with the extractors' files in resources/lang/<code>/ that the shipped parser is for."""
    conf = settings()
    meta = parser_dir() / "meta.json"
    parser_language = json.loads(meta.read_text(encoding="utf-8")).get("lang") if meta.exists() else None
    return frozenset(p.name for p in LANG_DIR.iterdir()
                     if p.name == parser_language and all((p / f).exists() for f in conf.analysis_files))


def is_analysed(language: str | None) -> bool:
    """Whether a body in `language` is analysed: one not told (None) is, as before anything told it."""
    return language is None or language in analysed_languages()


def language_name(code: str) -> str:
    """'Portuguese (pt)': the settings' name and the code, so a warning is read without a table; the code alone
    where the settings name none."""
    name = settings().names.get(code)
    return f"{name} ({code})" if name else code


def not_analysed_warning(language: str) -> str:
    """The one line a document not analysed carries and the CLI prints."""
    return (f"not analysed: the body is in {language_name(language)}, a language flashpoint has no rules for "
            f"(it analyses {', '.join(sorted(analysed_languages()))})")


@lru_cache(maxsize=4096)
def script(ch: str) -> str:
    """A letter's script: the first word of its Unicode name (LATIN, CYRILLIC, HANGUL, CJK, ...)."""
    if ch < "\x80":
        return "LATIN"
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else ""


@lru_cache(maxsize=1)
def _stopword_scripts() -> dict[str, str]:
    """Each language with a stopwords.yaml -> the script its words are written in."""
    return {code: Counter(script(ch) for w in words for ch in w if ch.isalpha()).most_common(1)[0][0]
            for code, words in stopwords().items() if words}


def _analysed_scripts() -> frozenset[str]:
    """The scripts the analysed languages' stopwords are written in (Latin where none is known): letters of any other
    script are the evidence of a foreign body."""
    scripts = _stopword_scripts()
    return frozenset(scripts[code] for code in analysed_languages() if code in scripts) or frozenset({"LATIN"})


def script_language(text: str, scores: dict[str, int]) -> str | None:
    """The language of a body mostly written in a script no analysed language is written in: the language with
    stopwords in that script whose words it holds most, else the settings' script list. None when the body is
    not mostly in such a script (or holds too few letters to say)."""
    conf = settings()
    letters: Counter[str] = Counter()
    for ch, n in Counter(_NON_ASCII.findall(text)).items():  # each distinct character's script looked up once
        if ch.isalpha():
            letters[script(ch)] += n
    letters["LATIN"] += len(text.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTERS))
    total = sum(letters.values())
    own = _analysed_scripts()
    foreign = {s: n for s, n in letters.items() if s not in own}
    count = sum(foreign.values())
    if total < conf.foreign.min_letters or count < conf.foreign.script_share * total:
        return None
    main = max(foreign, key=foreign.__getitem__)
    written = {code: scores.get(code, 0) for code, s in _stopword_scripts().items() if s == main}
    if written and max(written.values()) > 0:
        return max(sorted(written), key=written.__getitem__)
    return next((code for s, code in conf.scripts if foreign.get(s, 0) >= conf.script_hint * count), None)


def clearly_foreign(language: str, scores: dict[str, int]) -> bool:
    """Whether a body whose function words are most of `language` (not analysed) holds enough of them, and more
    than of any analysed language, to be taken for it: a short English headline ties with Polish on 'i', 'to'."""
    conf = settings().foreign
    hits = scores.get(language, 0)
    best_analysed = max((scores.get(code, 0) for code in analysed_languages()), default=0)
    return hits >= conf.min_hits and hits >= conf.hits_ratio * best_analysed


_STRETCH_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")


def foreign_stretch(text: str) -> bool:
    """Whether a stretch of an analysed body (one sentence) is clearly in another language, so that the English rules
    read nothing in it: most of its letters in a script no analysed language is written in (a Bulgarian paragraph
    under a site's English menu, where the body as a whole reads as no language), or function words of a language not
    analysed making a good share of its words and well outnumbering the analysed ones (the settings'
    `foreign_sentence`). A sentence of English with a foreign name or a quoted foreign phrase stays English."""
    if _mostly_other_script(text):
        return True
    words = [w.lower() for w in _STRETCH_WORD.findall(text)]
    return bool(words) and _foreign_function_words(words)


def _mostly_other_script(text: str) -> bool:
    """Enough letters, and most of them in a script no analysed language is written in (foreign_stretch)."""
    conf = settings().stretch
    letters = total = 0
    own = _analysed_scripts()
    for ch in text:
        if ch.isalpha():
            total += 1
            letters += script(ch) not in own
    return total >= conf.min_letters and letters >= conf.script_share * total


def _foreign_function_words(words: list[str]) -> bool:
    """Function words of a language not analysed make a good share of `words` and well outnumber the analysed
    ones (foreign_stretch)."""
    conf = settings().stretch
    analysed = analysed_languages()
    hits = {code: sum(w in listed for w in words) for code, listed in stopwords().items()}
    own_hits = max((n for code, n in hits.items() if code in analysed), default=0)
    other = max((n for code, n in hits.items() if code not in analysed), default=0)
    return other >= conf.min_hits and other >= conf.hits_share * len(words) and other >= conf.hits_ratio * own_hits
