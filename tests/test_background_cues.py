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
