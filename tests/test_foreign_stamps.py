"""A page in another language dates itself by a stamp in its own words (resources/lang/<code>/stamps.yaml): each
file's examples, read where a text dump's stamp sits, and the whole path from a page's words to its language."""

from __future__ import annotations

import pytest

from flashpoint.ingest.meta import extract_meta, stamp_above_body
from flashpoint.nlp.language import LANG_DIR, stamp_words

_MENU = [f"Menu item {i}" for i in range(12)]
_HEAD = "The headline of the story"
_LEAD = "The story's first paragraph runs on at some length, as a paragraph does."
_LANGUAGES = sorted(p.parent.name for p in LANG_DIR.glob("*/stamps.yaml"))


def _stamp(line: str, language: str | None) -> str | None:
    return stamp_above_body([*_MENU, _HEAD, line, _LEAD, "More of the story follows."], _LEAD, language)


def test_the_languages_with_a_stamp_file() -> None:
    assert "en" not in _LANGUAGES and stamp_words("en") is None  # the English reader reads its own words
    assert {"de", "it", "pt", "ru"} <= set(_LANGUAGES)


@pytest.mark.parametrize("language", _LANGUAGES)
def test_a_stamp_in_its_own_words_dates_the_page(language: str) -> None:
    words = stamp_words(language)
    assert words is not None
    for line, day in words.pos:
        assert _stamp(line, language) == day, (language, line)
    for line in words.neg:
        assert _stamp(line, language) is None, (language, line)


def test_a_stamp_in_another_language_dates_no_english_page() -> None:
    """The words are read only on a page in their language: 'out' is October's only in Portuguese."""
    assert _stamp("sexta-feira, 22 de outubro de 2010 às 20:13", "pt") == "2010-10-22"
    assert _stamp("sexta-feira, 22 de outubro de 2010 às 20:13", None) is None
    assert _stamp("5 out 2018", "pt") == "2018-10-05"
    assert _stamp("5 out 2018", "en") is None


def test_a_day_first_language_reads_a_slashed_day_first() -> None:
    """05/10/2018 is 5 October in Portuguese; the English reader takes it for 10 May."""
    assert _stamp("05/10/2018 - Publicado por: Ana Lima", "pt") == "2018-10-05"
    assert _stamp("05/10/2018 - Published by: Ann Lee", None) == "2018-05-10"


def test_a_dump_in_portuguese_is_dated_by_its_stamp() -> None:
    """The page's language comes from its words (detect_language): a stamp in Portuguese dates a dump in it."""
    lead = ("O prefeito disse que a cidade vai receber novos recursos para a saúde e a educação, "
            "e que as obras começam no mês que vem.")
    body = "\n\n".join([lead, "Segundo ele, o dinheiro já está no caixa da prefeitura e será usado nas escolas."])
    raw = "\n".join([*_MENU, "Cidade recebe novos recursos", "segunda-feira, 22 de janeiro de 2018 às 0:13", body])
    meta = extract_meta(raw, body)
    assert (meta.language, meta.published, meta.published_from) == ("pt", "2018-01-22", "text")


def test_a_stamp_file_refuses_a_word_read_two_ways(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """'mar' may be March's or Tuesday's in Spanish: one file gives each word one English reading."""
    import flashpoint.nlp.language as language

    source = (LANG_DIR / "es" / "stamps.yaml").read_text(encoding="utf-8")
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "stamps.yaml").write_text(source.replace("- [martes]", "- [martes, mar]"), encoding="utf-8")
    monkeypatch.setattr(language, "LANG_DIR", tmp_path)
    with pytest.raises(ValueError, match="twice"):
        stamp_words("xx")


def test_a_stamp_in_capitals_reads_as_in_lower_case() -> None:
    """Turkish 'EKİM' lowers to 'ekim' with a combining dot and 'KASIM' to 'kasim' (no dotless 'ı'), not to the words
    the file lists: a page that writes its stamp in capitals is read all the same (it once raised a KeyError)."""
    assert _stamp("CUMA, 22 EKİM 2010", "tr") == _stamp("Cuma, 22 Ekim 2010", "tr") == "2010-10-22"
    assert _stamp("YAYINLANMA: 3 KASIM 2021 10:15", "tr") == "2021-11-03"
