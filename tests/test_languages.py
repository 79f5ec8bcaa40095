"""A body in a language flashpoint has no rules for is stored without records and with a warning naming the
language, not read with the English rules; English, however short or junk-laden, is still read
(resources/settings/languages.yaml, nlp/languages.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import flashpoint.nlp.languages as languages
from flashpoint.cli import app
from flashpoint.ingest.meta import detect_language
from flashpoint.ingest.pipeline import build_article
from flashpoint.ingest.sources import jsonl_record
from flashpoint.model import AnalyzedArticle
from flashpoint.nlp.pipeline import analyze
from flashpoint.store.store import Store

PORTUGUESE = ("O governo do estado informou nesta segunda-feira que 12 pessoas morreram e 30 ficaram feridas depois "
              "das chuvas que atingiram a região. Segundo a Defesa Civil, mais de 500 famílias estão fora de casa, e o "
              "número de desabrigados pode crescer nos próximos dias, disse o secretário.")
RUSSIAN = ("Власти региона сообщили в понедельник, что 12 человек погибли и 30 получили ранения после обстрела. "
           "По словам губернатора, более 500 семей остались без крова, и это число может вырасти в ближайшие дни.")
JAPANESE = ("政府は月曜日、豪雨により12人が死亡し、30人が負傷したと発表した。知事によると、500以上の世帯が避難しており、"
            "その数は今後数日でさらに増える可能性があるという。詳しくはKindle版とiPhoneアプリで。")
KOREAN = ("정부는 월요일 폭우로 12명이 숨지고 30명이 다쳤다고 밝혔다. 주지사에 따르면 500가구 이상이 집을 떠났으며 "
          "그 수는 앞으로 며칠 동안 더 늘어날 수 있다.")
HEADLINE = "'I don't know what to do': fleeing families start arriving in central Europe"
ENGLISH_WITH_JUNK = "\n\n".join([
    "Russian forces shelled Kharkiv on Monday, killing 12 people and wounding 30, the regional governor said.",
    "More than 500 families have left their homes since the attack began, officials said on Tuesday.",
    "Подписывайтесь на наш канал в Telegram",
    "Este site usa cookies para melhorar a sua experiência de navegação.",
])
BILINGUAL = ("Kuleba awaits UN reaction to the killing of 50 captives in Olenivka. Міністр закордонних справ України "
             "закликав ООН відвідати колонію в Оленівці задля встановлення всіх фактів скоєного.")


def _ingested(text: str, **given: str) -> AnalyzedArticle:
    """The document as `flashpoint ingest` reads a JSONL record, then analysed."""
    raw = jsonl_record("doc", json.dumps({"id": "doc", "text": text, **given}).encode())
    assert not isinstance(raw, Exception)
    return analyze(build_article(raw))  # type: ignore[arg-type]


@pytest.mark.parametrize("text, code, name", [
    (PORTUGUESE, "pt", "Portuguese"), (RUSSIAN, "ru", "Russian"), (JAPANESE, "ja", "Japanese"), (KOREAN, "ko", "Korean"),
])
def test_a_body_in_another_language_gets_no_records_and_a_warning_naming_it(text: str, code: str, name: str) -> None:
    result = _ingested(text)
    assert result.language == code
    assert (result.entities, result.quotes, result.timexes, result.quantities, result.events) == ([], [], [], [], [])
    [warning] = result.warnings
    assert f"{name} ({code})" in warning and warning.startswith("not analysed")
    record = result.record()
    assert record["warnings"] == [warning] and record["body"] == result.body  # the body is kept, whole


def test_the_same_body_read_as_english_by_a_given_language_is_analysed() -> None:
    """Told it is English, the Portuguese body is analysed with no warning; the figure reader still reads nothing in
    its sentences, each clearly Portuguese (languages.foreign_stretch)."""
    forced = _ingested(PORTUGUESE, language="en")
    assert forced.language == "en" and not forced.warnings and forced.quantities == []
    assert all(languages.foreign_stretch(s) for s in PORTUGUESE.split(". "))
    assert "warnings" not in forced.record()  # an analysed document's record is as DESIGN.md gives it


MENU = ("Home News World Sports Business Opinion Contact Subscribe Login Privacy Policy Terms of Use About us Advertise "
        "Facebook Twitter Instagram YouTube\n\n")
BULGARIAN = ("При руска атака срещу Харков загинаха 5 души, а 12 са ранени, съобщи губернаторът.\n\n"
             "Украйна е получила 3 милиарда долара помощ от ЕС, заяви министърът.")
SERBIAN = ("Ruski napad na Harkov: poginulo je 5 ljudi, a 12 je ranjeno, saopštio je guverner. Ukrajina je dobila 3 "
           "milijarde dolara pomoći od EU, što je najviše do sada. Vlada je saopštila da će nastaviti sa radom.")


def test_a_body_behind_an_english_menu_gives_no_figures_of_its_foreign_sentences() -> None:
    """A Bulgarian body under a site's English menu reads as no language as a whole, so it is analysed; its sentences,
    mostly Cyrillic, give no figure. Serbian in the Latin script is told by its own function words."""
    mixed = _ingested(MENU * 3 + BULGARIAN)
    assert mixed.language is None and not mixed.warnings and mixed.quantities == []
    assert detect_language(SERBIAN) == "sr" and not languages.foreign_stretch(BILINGUAL.split(". ")[0])


@pytest.mark.parametrize("text", [HEADLINE, ENGLISH_WITH_JUNK, BILINGUAL])
def test_english_short_or_with_foreign_junk_is_still_analysed(text: str) -> None:
    """A headline's 'I', 'to', 'do' are Polish words too; a page's cookie and channel lines are not its language; a
    headline before a sub-heading in Ukrainian is half English: none is clear evidence of another language."""
    assert detect_language(text) in ("en", None)
    result = _ingested(text)
    assert not result.warnings and result.entities


def test_the_analysed_languages_are_the_parsers_with_every_rule_file(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    assert languages.analysed_languages() == {"en"}
    assert languages.is_analysed("en") and languages.is_analysed(None) and not languages.is_analysed("pt")
    # a folder missing one of the extractors' files is not analysed, even under the parser's code
    for code, files in (("en", languages.settings().analysis_files), ("pt", ()), ("xx", ())):
        (tmp_path / code).mkdir()
        for name in files[1:]:
            (tmp_path / code / name).write_text("{}\n", encoding="utf-8")
    monkeypatch.setattr(languages, "LANG_DIR", tmp_path)
    languages.analysed_languages.cache_clear()
    try:
        assert languages.analysed_languages() == frozenset()
    finally:
        monkeypatch.undo()
        languages.analysed_languages.cache_clear()


def test_the_thresholds_are_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """The evidence asked for is data: with a higher bar for function words the Portuguese body is not told."""
    conf = languages.settings()
    assert detect_language(PORTUGUESE) == "pt"
    strict = languages.Foreign(conf.foreign.min_letters, conf.foreign.script_share, 1000, conf.foreign.hits_ratio)
    monkeypatch.setattr(languages, "settings", lambda: languages.LanguageSettings(
        conf.analysis_files, conf.parser, strict, conf.script_hint, conf.scripts, conf.names, conf.stretch))
    assert detect_language(PORTUGUESE) is None


def test_malformed_settings_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = languages.SETTINGS.read_text(encoding="utf-8")
    bad = tmp_path / "languages.yaml"
    bad.write_text(text.replace("min_hits: 8", "min_hits: eight"), encoding="utf-8")
    monkeypatch.setattr(languages, "SETTINGS", bad)
    languages.settings.cache_clear()
    try:
        with pytest.raises(ValueError, match="'min_hits' must be a whole number"):
            languages.settings()
    finally:
        monkeypatch.undo()
        languages.settings.cache_clear()


def _cli(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def test_ingest_stores_the_foreign_document_and_says_so_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH_WITH_JUNK, encoding="utf-8")
    (tmp_path / "b.txt").write_text(PORTUGUESE, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'lang.db'}"
    result = _cli("ingest", str(tmp_path), "--db", url)
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[0] == f"warning: {tmp_path / 'b.txt'}: {languages.not_analysed_warning('pt')}"
    assert lines[1:] == ["stored 2, already present 0, failed 0; 1 not analysed (language)"]
    store = Store(url)
    arts = {Path(a.source).name: a for _, a in store.iter_articles()}
    store.close()
    assert arts["b.txt"].language == "pt" and arts["b.txt"].body.startswith("O governo")
    assert arts["a.txt"].language == "en"


def test_analyze_prints_the_record_with_its_warning(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(RUSSIAN, encoding="utf-8")
    result = _cli("analyze", str(tmp_path / "b.txt"))
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["language"] == "ru" and record["quantities"] == [] and len(record["warnings"]) == 1
    assert result.stderr.splitlines() == [f"warning: {tmp_path / 'b.txt'}: {record['warnings'][0]}"]
