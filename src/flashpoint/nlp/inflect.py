"""English inflected forms of a lemma, so a pattern still fires where the lemmatizer errs ("shelled"
given the lemma "shelle"). Irregular forms come from `resources/lang/<code>/irregular_verbs.yaml`."""

from __future__ import annotations

from functools import lru_cache

from flashpoint.nlp.language import DEFAULT_LANGUAGE, read_yaml

VOWELS = "aeiou"


@lru_cache(maxsize=4)
def irregular(language: str = DEFAULT_LANGUAGE) -> dict[str, tuple[str, ...]]:
    data = read_yaml(language, "irregular_verbs.yaml")["irregular"]
    return {str(k): tuple(str(f) for f in v) for k, v in data.items()}


def _third_person(lemma: str) -> str:
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in VOWELS:
        return lemma[:-1] + "ies"
    return lemma + "s"


def _stems(lemma: str) -> list[str]:
    stems = [lemma]
    if len(lemma) >= 3 and lemma[-1] not in VOWELS + "wxy" and lemma[-2] in VOWELS and lemma[-3] not in VOWELS:
        stems.append(lemma + lemma[-1])  # ban -> bann(ed); both spellings where doubling is uncertain
    return stems


def _past_and_gerund(stem: str) -> set[str]:
    if stem.endswith("e"):
        return {stem + "d", stem + "ing" if stem.endswith(("ee", "ye", "oe")) else stem[:-1] + "ing"}
    if stem.endswith("y") and len(stem) > 1 and stem[-2] not in VOWELS:
        return {stem[:-1] + "ied", stem + "ing"}
    return {stem + "ed", stem + "ing"}


@lru_cache(maxsize=4096)
def verb_forms(lemma: str) -> frozenset[str]:
    forms = {lemma, _third_person(lemma), *irregular().get(lemma, ())}
    for stem in _stems(lemma):
        forms |= _past_and_gerund(stem)
    return frozenset(forms)


@lru_cache(maxsize=4096)
def noun_forms(noun: str) -> frozenset[str]:
    """A noun and its plural."""
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return frozenset({noun, noun + "es"})
    if noun.endswith("y") and len(noun) > 1 and noun[-2] not in VOWELS:
        return frozenset({noun, noun[:-1] + "ies"})
    return frozenset({noun, noun + "s"})
