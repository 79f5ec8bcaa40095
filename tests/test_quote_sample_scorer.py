"""benchmarks/quote_sample.py compares a judged speaker with a found one: spellings of one name that the project's own
transliteration folding joins are one speaker; different people stay different."""

from conftest import benchmark_module

quote_sample = benchmark_module("quote_sample")


def test_spellings_of_one_surname_are_one_speaker() -> None:
    assert quote_sample._same_speaker("Zelenskiy", "Volodymyr Zelensky")
    assert quote_sample._same_speaker("Zelenskyy", "Volodymyr Zelensky")
    assert quote_sample._same_speaker("Kremlin", "the Kremlin")


def test_different_speakers_stay_different() -> None:
    assert not quote_sample._same_speaker("Bolsonaro", "Vladimir Putin")
    assert not quote_sample._same_speaker("the ministry", "the army")  # lower-case words are no surname
    assert not quote_sample._same_speaker(None, "Vladimir Putin") and quote_sample._same_speaker(None, None)


def test_a_name_inside_another_word_is_another_speaker() -> None:
    """Whole words: a company is not the workers' group named after it, and a run of words is matched as a run."""
    assert not quote_sample._same_speaker("WeWorkers Coalition", "WeWork")
    assert quote_sample._same_speaker("the Ukrainian Foreign Ministry", "Foreign Ministry")
    assert not quote_sample._same_speaker("the Foreign Ministry of Ukraine", "Ukraine Foreign")
