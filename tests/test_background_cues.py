"""Each background cue of resources/lang/en/background.yaml marks its positive example and not its negative."""

from __future__ import annotations

import pytest
import yaml

from flashpoint.nlp.event_time import has_background_cue
from flashpoint.nlp.language import LANG_DIR

CUES = yaml.safe_load((LANG_DIR / "en" / "background.yaml").read_text(encoding="utf-8"))["cues"]


@pytest.mark.parametrize("cue", CUES, ids=[c["re"][:40] for c in CUES])
def test_cue_examples(cue: dict[str, str]) -> None:
    assert has_background_cue(cue["pos"])
    assert not has_background_cue(cue["neg"])


def test_a_superlative_since_is_about_now() -> None:
    rule = yaml.safe_load((LANG_DIR / "en" / "background.yaml").read_text(encoding="utf-8"))["since_comparison"]
    assert not has_background_cue(rule["pos"])  # the comparison cancels the "since" cue
    assert has_background_cue(rule["neg"])
    assert not has_background_cue("Kyiv saw its first blackout in a decade since 2014.")


def test_an_undated_page_still_tells_history_far_before_its_latest_year() -> None:
    """With no publication date, a happening dated at least `undated_gap_years` before the latest year the text
    names is background (the massacre of 1995 in a page about 2014 and after); one a year before is not."""
    from flashpoint.model import Article
    from flashpoint.nlp.pipeline import analyze

    body = ("The crisis began in March 2014. Mr Kozak likened it to Srebrenica, the town where 8,000 men were killed "
            "by Bosnian Serb forces in 1995. Russian troops shelled the town of Avdiivka in 2013.")
    events = analyze(Article(id="u", source="u", body=body)).events
    by_date = {e.date: e.historical for e in events if e.type == "ASSAULT"}
    assert by_date == {"1995": True, "2013": False}


def test_a_named_past_war_or_9_11_as_the_time_makes_the_act_background() -> None:
    """"during the Chechen wars", "Since September 11": the act is told in a named era of the past (background.yaml
    cues of its own clause), not as news; the same act told with a day of its own is news, and so is an act whose
    sentence names the era only in a clause on a noun (the pilots held during the war, not the meeting)."""
    from flashpoint.model import Article
    from flashpoint.nlp.pipeline import analyze

    def historical(body: str, kind: str = "ASSAULT") -> set[bool]:
        return {e.historical for e in analyze(Article(id="w", source="w", body=body)).events if e.type == kind}

    assert historical("During the Chechen wars, Russian forces shelled the city of Grozny.") == {True}
    assert historical("Russian forces shelled the city of Grozny on Monday.") == {False}
    assert historical("Since September 11, militants have attacked the border posts of Pakistan.") == {True}
    assert historical("The US defence secretary met Vietnamese officials in Hanoi and toured a prison where American "
                      "pilots were held during the Vietnam War.", "CONSULT") == {False}


def test_a_paragraph_told_in_the_past_goes_on_in_the_time_of_its_last_date() -> None:
    """background.yaml narrative_examples: an attack told two undated past sentences after "In 1987" is of 1987,
    background to a page of 2004; with a sentence told in the present between them, it is news of the page's day."""
    from flashpoint.model import Article
    from flashpoint.nlp.pipeline import analyze

    rule = yaml.safe_load((LANG_DIR / "en" / "background.yaml").read_text(encoding="utf-8"))["narrative_examples"]

    def attacks(body: str) -> list[tuple[str | None, bool]]:
        events = analyze(Article(id="n", source="n", body=body, published=rule["published"])).events
        return [(e.date, e.historical) for e in events if e.type == "ASSAULT"]

    assert attacks(rule["pos"]) == [("1987", True)]
    assert attacks(rule["neg"]) == [(rule["published"], False)]
