"""The compiled-pattern cache: every pattern the same as re.compile's (same code, flags and groups, so the same
matches), from the cache or not, and nothing broken or planted read."""

from __future__ import annotations

import marshal
import os
import re
from pathlib import Path

import pytest

from flashpoint import recache, yamlio
from flashpoint.nlp import language
from flashpoint.recache import compiled


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FLASHPOINT_CACHE", str(tmp_path))
    return tmp_path


def entries(folder: Path) -> list[Path]:
    return sorted((folder / "re").glob("*.marshal"))


PATTERNS = [
    (r"(?<![\w/.])(?P<d>\d{1,2})\s+(?P<m>jan|feb)(?:uary)?\b", re.I),
    (r"^\s*(?:said|told)\b", 0),
    (r"(?x) a  # verbose\n b", 0),
    ("[^\\W_]+(?:[’'][^\\W_]+)*", 0),
    (r"(a)(?P<b>b)?(?(2)c|d)", re.M | re.S),
]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_the_same_pattern_compiled_and_cached(cache: Path, pattern: str, flags: int) -> None:
    first = compiled(pattern, flags)  # compiled, then kept
    again = compiled(pattern, flags)  # read back
    assert entries(cache)
    expected = re.compile(pattern, flags)
    assert first == again == expected  # a Pattern equals another with the same text, flags and code
    assert again.groupindex == expected.groupindex and again.groups == expected.groups
    text = "on 12 January: Said the man, a-b 3 Jan abc abd"
    assert [m.span() for m in again.finditer(text)] == [m.span() for m in expected.finditer(text)]


def test_every_language_pattern_the_same_from_the_cache(cache: Path) -> None:
    """The language files' patterns the extractors read, compiled through the cache: each equal to re.compile's."""
    import flashpoint.nlp.quantities  # noqa: F401 - its pattern sets
    import flashpoint.nlp.quotes  # noqa: F401

    sets = list(language.PATTERN_SETS)
    assert sets
    for patterns in sets:
        for row in patterns.rows.values():
            expected = re.compile(patterns.fill(row.text), re.I if row.ignore_case else 0)
            assert compiled(expected.pattern, expected.flags & ~re.U) == expected
            assert compiled(expected.pattern, expected.flags & ~re.U) == expected  # from the cache


def test_the_patterns_compiled_through_the_cache_are_re_compiles() -> None:
    """The date rules and cues, the boilerplate markers and the role phrases, as this process compiled them (from the
    user's cache where it holds them): each equal to re.compile's."""
    from flashpoint.ingest.clean_lines import markers
    from flashpoint.nlp import timexes
    from flashpoint.nlp.gazetteer import gazetteer

    found = [p for p, _ in timexes.RULES] + [timexes.date_pattern(name) for name in timexes._PATTERNS.cues]
    found += [p for p in vars(markers()).values() if isinstance(p, re.Pattern)] + [gazetteer().role_re]
    assert len(found) > 50
    for pattern in found:
        assert pattern == re.compile(pattern.pattern, pattern.flags & ~re.U)


def test_another_pattern_or_flag_is_another_entry(cache: Path) -> None:
    assert compiled("ab").match("AB") is None
    assert compiled("ab", re.I).match("AB") is not None
    assert compiled("abc").match("abc") is not None
    assert len(entries(cache)) == 3


@pytest.mark.parametrize("entry", [
    b"not marshal at all",
    marshal.dumps("text"),
    marshal.dumps((32, [1, 2, 3], 0, {}, (None,))),  # the shape, but no code the engine accepts
    marshal.dumps((32, [], 0)),
])
def test_a_broken_entry_is_compiled_around(cache: Path, entry: bytes) -> None:
    compiled(r"\bwar\b")
    (path,) = entries(cache)
    path.write_bytes(entry)
    assert compiled(r"\bwar\b") == re.compile(r"\bwar\b")


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="no owners of files to tell apart")
def test_an_entry_another_user_owns_is_not_read(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache folder several users share: an entry one of them planted is compiled around, never trusted."""
    compiled("x")
    (planted,) = entries(cache)
    compiled("peace")
    (path,) = [e for e in entries(cache) if e != planted]
    path.write_bytes(planted.read_bytes())  # the code of "x" under the key of "peace"
    assert compiled("peace").match("x")  # one's own entry is read
    me = os.getuid()
    monkeypatch.setattr(yamlio.os, "getuid", lambda: me + 1)
    assert compiled("peace") == re.compile("peace")


def test_no_cache_compiles_as_re_does(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FLASHPOINT_CACHE", "")
    assert compiled("a+b", re.I) == re.compile("a+b", re.I)
    assert not list(tmp_path.rglob("*.marshal"))


def test_a_bad_pattern_fails_as_re_does(cache: Path) -> None:
    with pytest.raises(re.error):
        compiled("(unclosed")
    assert not entries(cache)


def test_an_interpreter_without_the_engine_compiles_as_re_does(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(recache, "_ENGINE", None)
    assert compiled("a|b") == re.compile("a|b")
    assert not entries(cache)
