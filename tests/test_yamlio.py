"""The YAML reader's cache: the same data as PyYAML's safe loader, from the cache or not, and nothing stale or broken read."""

from __future__ import annotations

import datetime as dt
import io
import marshal
import os
from importlib import resources
from pathlib import Path

import pytest
import yaml

from flashpoint import yamlio
from flashpoint.yamlio import load_yaml

RESOURCES = Path(str(resources.files("flashpoint.resources").joinpath("countries.yaml"))).parent


def safe(text: str) -> object:
    return yaml.safe_load(text)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FLASHPOINT_CACHE", str(tmp_path))
    return tmp_path


def entries(folder: Path) -> list[Path]:
    return sorted((folder / "yaml").glob("*.marshal"))


@pytest.mark.parametrize("path", sorted(RESOURCES.rglob("*.yaml")), ids=lambda p: p.name)
def test_every_resource_reads_the_same_parsed_and_cached(cache: Path, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    first = load_yaml(text)  # parsed, then kept
    with path.open(encoding="utf-8") as fh:
        again = load_yaml(fh)  # read back, from a stream this time
    assert entries(cache)
    assert first == again == safe(text)
    assert repr(first) == repr(again)  # the same types and order of keys


def test_dates_come_back_as_dates(cache: Path) -> None:
    text = "when: 2024-09-23\nat: 2024-09-23 10:30:00+02:00\nlist: [2001-01-01, x, 3]\n2020-02-02: key\n"
    assert load_yaml(text) == load_yaml(text) == safe(text)
    back = load_yaml(io.StringIO(text))
    assert isinstance(back, dict)
    assert type(back["when"]) is dt.date and type(back["at"]) is dt.datetime and back["at"].utcoffset()
    assert dt.date(2020, 2, 2) in back


def test_another_text_is_another_entry(cache: Path) -> None:
    assert load_yaml("a: 1\n") == {"a": 1}
    assert load_yaml("a: 2\n") == {"a": 2}  # an edited file is never read from the old entry
    assert len(entries(cache)) == 2


def test_a_broken_entry_is_parsed_around(cache: Path) -> None:
    load_yaml("words: [a, b]\n")
    (entry,) = entries(cache)
    entry.write_bytes(b"\x00not marshal")
    assert load_yaml("words: [a, b]\n") == {"words": ["a", "b"]}


def test_an_empty_setting_turns_the_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLASHPOINT_CACHE", "")
    monkeypatch.chdir(tmp_path)
    assert load_yaml("a: [1, 2]\n") == {"a": [1, 2]}
    assert yamlio._cache_path("a: [1, 2]\n") is None
    assert not list(tmp_path.rglob("*.marshal"))


def test_an_unwritable_cache_still_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("FLASHPOINT_CACHE", str(blocker))  # a file, not a folder: nothing can be written under it
    assert load_yaml("a: 1\n") == {"a": 1}


def test_a_text_read_again_comes_from_the_cache(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "words: [a, b]\nwhen: 2024-09-23\n"
    first = load_yaml(text)

    def no_parse(*_: object, **__: object) -> object:
        raise AssertionError("parsed again")

    monkeypatch.setattr(yamlio.yaml, "load", no_parse)
    assert load_yaml(text) == first


@pytest.mark.parametrize("entry", [
    "ab",  # unpacks in two, but is no entry _store writes
    (True, [()]),  # a date's tag cut short
    (True, [("\0date", 5)]),  # a date's tag with no text
    (1, {"a": 1}),  # no flag
])
def test_an_entry_of_another_shape_is_parsed_around(cache: Path, entry: object) -> None:
    load_yaml("words: [a, b]\n")
    (path,) = entries(cache)
    path.write_bytes(marshal.dumps(entry))
    assert load_yaml("words: [a, b]\n") == {"words": ["a", "b"]}


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="no owners of files to tell apart")
def test_an_entry_another_user_owns_is_not_read(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache folder several users share: an entry one of them planted is parsed around, never trusted."""
    load_yaml("words: [a, b]\n")
    (path,) = entries(cache)
    path.write_bytes(marshal.dumps((False, {"words": ["planted"]})))
    assert load_yaml("words: [a, b]\n") == {"words": ["planted"]}  # one's own entry is read
    me = os.getuid()
    monkeypatch.setattr(yamlio.os, "getuid", lambda: me + 1)
    assert load_yaml("words: [a, b]\n") == {"words": ["a", "b"]}


def test_a_failed_write_leaves_no_temporary_file(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(yamlio.os, "replace", refuse)
    assert load_yaml("a: 1\n") == {"a": 1}
    assert not list(cache.rglob("*.tmp")) and not entries(cache)


def test_no_home_folder_makes_no_cache_in_the_working_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No FLASHPOINT_CACHE, no XDG_CACHE_HOME and a "~" that cannot be expanded: no cache, rather than a folder
    named "~" in the folder the process runs in; a relative XDG_CACHE_HOME is ignored."""
    monkeypatch.delenv("FLASHPOINT_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(yamlio.os.path, "expanduser", lambda path: path)
    assert yamlio._cache_path("a: 1\n") is None
    assert load_yaml("a: 1\n") == {"a": 1} and not list(tmp_path.iterdir())
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")
    assert yamlio._cache_path("a: 1\n") is None
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    path = yamlio._cache_path("a: 1\n")
    assert path is not None and path.is_relative_to(tmp_path / "xdg" / "flashpoint")
