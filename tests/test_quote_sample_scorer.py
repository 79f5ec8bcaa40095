"""benchmarks/quote_sample.py compares a judged speaker with a found one: spellings of one name that the project's own
transliteration folding joins are one speaker; different people stay different."""

import importlib.util
import sys
from pathlib import Path

_BENCH = Path(__file__).parents[1] / "benchmarks"
sys.path.insert(0, str(_BENCH))  # quote_sample imports its sibling _judged
_SPEC = importlib.util.spec_from_file_location("quote_sample", _BENCH / "quote_sample.py")
assert _SPEC and _SPEC.loader
quote_sample = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(quote_sample)


def test_spellings_of_one_surname_are_one_speaker() -> None:
    assert quote_sample._same_speaker("Zelenskiy", "Volodymyr Zelensky")
    assert quote_sample._same_speaker("Zelenskyy", "Volodymyr Zelensky")
    assert quote_sample._same_speaker("Kremlin", "the Kremlin")


def test_different_speakers_stay_different() -> None:
    assert not quote_sample._same_speaker("Bolsonaro", "Vladimir Putin")
    assert not quote_sample._same_speaker("the ministry", "the army")  # lower-case words are no surname
    assert not quote_sample._same_speaker(None, "Vladimir Putin") and quote_sample._same_speaker(None, None)
